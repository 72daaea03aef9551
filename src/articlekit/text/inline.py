"""Inline markup of text dumps: html2text's Markdown and lynx's ``[12]`` link markers.

:func:`parse_inlines` turns one block's joined text into model inlines.

- **Markdown** (html2text): ``[text](url)``, ``![alt](src)``, ``[![alt](src)](url)``,
  ``**strong**``, ``__strong__``, ``*em*``, ``_em_``, ``***both***``, `` `code` `` and
  backslash escapes.
- **lynx**: ``[12]text`` becomes a link to reference 12; lynx marks where a link starts but
  not where it ends, so the link covers the text up to the next punctuation mark or
  marker, at most :data:`LYNX_LINK_MAX_WORDS` words. ``[IMG]``-style placeholders go.
- **plain**: one Text run.

Every pattern stops at the first character that would close or break it (``[^*\\n]``,
``[^\\[\\]\\n]``...), so each scan ends at the next delimiter and the whole pass is linear
even on one 10 MB line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import attrs

from articlekit.model import Code, Emphasis, Image, Inline, LineBreak, Link, Strong, Text
from articlekit.text.lines import HARD_BREAK
from articlekit.text.rawhtml import (
    BLOCK_TAGS,
    KNOWN_TAGS,
    TAG_BODY,
    attribute,
    strip_tags,
    unescape,
)

__all__ = [
    "LYNX_LINK_MAX_WORDS",
    "LinkTarget",
    "decode_references",
    "parse_inlines",
    "reference_label",
    "strip_markup",
]

_SPACE_RUN = re.compile(r"[ \t]{2,}")
# A link's or an image's title ("[a](url "title")") is read up to 2000 characters:
# html2text and markdownify copy an <a title> whole, and blogs fill it with the linked
# post's first paragraph (400-600 characters on the outside shingle set); at 300 such a
# link was left unread, its URL and title in the text and its words counted as prose.
# a URL may hold one level of parentheses: https://en.wikipedia.org/wiki/ISBN_(identifier)
_URL = r"((?:[^()\s]|\([^()\s]{0,200}\)){0,2000})(?:\s{1,4}\"[^\"\n]{0,2000}\")?"


def _url(name: str) -> str:
    """Return the pattern of a link's destination and optional title, named ``name`` and
    ``name`` + "t" (the title, in double or single quotes, as CommonMark allows)."""
    return (
        r"(?P<" + name + r">(?:[^()\s]|\([^()\s]{0,200}\)){0,2000})"
        r"(?:\s{1,4}(?:\"(?P<" + name + r"t>[^\"\n]{0,2000})\""
        r"|'(?P<" + name + r"q>[^'\n]{0,2000})'))?"
    )


# inside _emphasis_, a link's "[text](url)" may hold underscores and one level of
# parentheses (html2text escapes them: "Empire_\(magazine\)"), and so may a word
# ("_the optional_permission key_": intraword underscores are not delimiters). Each
# character has exactly one way to match (brackets and parentheses only as whole
# groups), so a failed match cannot backtrack exponentially.
_U_INNER = (
    r"(?:[^_\n\[\]()]|\[[^\[\]\n]{0,500}\](?:\((?:[^()\n]|\([^()\n]{0,200}\)){0,2100}\)|(?!\())"
    r"|\([^()\n]{0,500}\)|(?<=[^\W_])_(?=[^\W_]))"
)
# A link's text or an image's alt: backslash escapes ("[\[3\]](#cite)", as pandoc and
# turndown write a citation mark) and one level of balanced brackets ("[[3]](#cite)", as
# markdownify writes it), as CommonMark allows. Each character has one way to match.
_BRACKETED = r"(?:[^\[\]\\\n]|\\[^\n]|\[(?:[^\[\]\\\n]|\\[^\n]){0,500}\])"
# One run of emphasis inside strong ("**a *b* c**", "***a* b**", "**a *b***") and of strong
# inside emphasis ("*a **b** c*"): CommonMark nests them, and Markdown writers (ours too)
# write a <strong> holding an <em> so. A star inside strong only opens such a run.
_EM_RUN = r"\*[^*\s](?:[^*\n]{0,500}?[^*\s])?\*"
_STRONG_RUN = r"\*\*[^*\s](?:[^*\n]{0,500}?[^*\s])?\*\*"
_MARKDOWN = re.compile(
    # the lookahead lets the scan skip plain characters without trying every alternative
    r"(?=[\[!`*_\\<])(?:(?P<imglink>\[ ?!\[(?P<ila>[^\[\]\n]{0,500})\]\((?P<ils>[^()\s]{0,2000})"
    r"(?:\s{1,4}\"[^\"\n]{0,2000}\")?\) ?\]\(" + _URL.replace("(", "(?P<ilu>", 1) + r"\))"
    r"|(?P<img>!\[(?P<ia>" + _BRACKETED + r"{0,500})\]\(" + _url("is") + r"\))"
    r"|(?P<link>\[(?P<lt>" + _BRACKETED + r"{1,500})\]\(" + _url("lu") + r"\))"
    r"|(?P<auto><(?P<au>(?:https?|ftp)://[^<>\s]{1,2000}|mailto:[^<>\s]{1,300})>)"
    r"|(?P<code>`(?P<c>[^`\n]{1,500})`)"
    r"|(?P<both>\*\*\*(?P<b1>[^*\s](?:[^*\n]{0,500}?[^*\s])?)\*\*\*(?![\w*]))"
    r"|(?P<strong>\*\*(?P<s1>(?:[^*\s]|" + _EM_RUN + r")(?:[^*\n]|" + _EM_RUN + r"){0,500}?)"
    r"\*\*|__(?![\s_])(?P<s2>" + _U_INNER + r"{1,500}?)(?<![\s_])__)"
    r"|(?P<em>(?<![\w*])\*(?P<e1>(?:[^*\s]|" + _STRONG_RUN + r")"
    r"(?:(?:[^*\n]|" + _STRONG_RUN + r"){0,500}?(?:[^*\s]|" + _STRONG_RUN + r"))?)\*(?![\w*])"
    r"|(?<![\w_])_(?![\s_])(?P<e2>" + _U_INNER + r"{1,500}?)(?<![\s_])_(?![\w_]))"
    # (CommonMark: a backslash escapes any ASCII punctuation; pandoc writes \" and \')
    r"|(?P<escape>\\(?P<x>[!-/:-@\[-`{-~])))"
)
# Markdown that carries raw HTML (``Layout.html``): the same scan, with the tags of known
# elements as one more kind of match (:mod:`articlekit.text.rawhtml`)
_MARKDOWN_HTML = re.compile(_MARKDOWN.pattern[:-1] + r"|(?P<tag>" + TAG_BODY + r"))")
# Reference-style links and images (a text with link reference definitions, see
# :mod:`articlekit.text.references`): "[text][label]", "[text][]" and "![alt][label]";
# one that names no definition stays text. A bare "[label]" (CommonMark's shortcut form)
# is left alone: a citation mark "[12]" reads the same.
_REFERENCE = (
    r"|(?P<refimg>!\[(?P<ria>" + _BRACKETED + r"{0,500})\]\[(?P<rir>[^\[\]\n]{0,200})\])"
    r"|(?P<reflink>\[(?P<rlt>" + _BRACKETED + r"{1,500})\]\[(?P<rlr>[^\[\]\n]{0,200})\])"
)
_MARKDOWN_REFS = re.compile(_MARKDOWN.pattern[:-1] + _REFERENCE + ")")
_MARKDOWN_HTML_REFS = re.compile(_MARKDOWN_HTML.pattern[:-1] + _REFERENCE + ")")
# A character reference, as CommonMark decodes it in Markdown's text (not in code): a
# named one ending in ";" or a decimal or hexadecimal number.
_CHARACTER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)


def decode_references(text: str) -> str:
    """Return ``text`` with its character references (``&amp;``, ``&#8212;``, ``&#x27;``)
    decoded, as CommonMark reads Markdown's text; an unknown name stays as written."""
    if "&" not in text:
        return text
    return _CHARACTER_REFERENCE.sub(lambda m: html.unescape(m.group()), text)


_LYNX = re.compile(r"\^?\[(\d{1,6})\]|\[(?:IMG|INLINE|LINK|BUTTON|EMBED|embedded|image)\]")
# lynx leaves a link's end unmarked: the link takes at most this many words and never
# crosses punctuation. Anchors in running text are mostly 1-4 words; a longer bound made
# wikipedia paragraphs look like link lists to the boilerplate filter (readability set).
LYNX_LINK_MAX_WORDS = 3
# A line of at most this many words that starts with a link marker is that one link.
LYNX_WHOLE_LINK_WORDS = 16
_LYNX_WHOLE = re.compile(r"\[(\d{1,6})\]([^\[\]]{1,300})")
_LYNX_LINK_END = re.compile(r"[,.;:!?()\"\[\]«»“”]|$")


# "2^15" is an exponent the page wrote itself; a "^" after a space or punctuation is w3m's,
# and so is one before an ordinal's suffix ("19^th") or a mark set as <sup> ("ebb ^℠"),
# and one between a citation mark and its page ("C.[3]^:p. 7": MediaWiki's {{rp}})
_SUPERSCRIPT = re.compile(
    r"\^(?=\[)|(?<![\w)\]])\^(?=[\w℠™®])|(?<=\d)\^(?=(?:st|nd|rd|th)\b)|(?<=\])\^(?=:)"
)
# w3m shows an image without alt text as its file name in brackets: "[fff-282-hand]",
# "[baz]" alone on a line, or before the caption. A token with a digit-only name is a
# citation ("[12]") and stays, as do a capitalised word ("[Update]"), a ticked check box
# ("[x] Stove", "[X] Yes": a checklist's item) and tokens inside a sentence.
_IMAGE_PLACEHOLDER = re.compile(
    r"^(?:\[(?!\d{1,6}\]|[A-Z][a-z]{1,20}\]|[xX]\])[^\s\[\]:：]{1,80}\](?:\s+|$))+(?=\S|$)"
)


# ... and glued to the word before it when a <span> stood there ("Photo[19max-vide]"): a
# file name's stem, cut at 10 characters, of letters mixed with digits, "-" or "_".
# Inside a sentence this leaves citations ("[12]"), notes ("[n 1]") and subscripts
# ("I[n]", "a[ij]") alone.
_GLUED_PLACEHOLDER = re.compile(
    r"(?<=[^\W\d_])\[(?=[^\s\[\]]{0,11}[\d_-])(?=[^\s\[\]]{0,11}[^\W\d_])[\w-]{5,12}\](?=\s|$)"
)


# lynx shows an image without alt text as its file name in brackets: "[fff-282-hand.png]",
# "[1*sLDnS1UW.jpeg]", "[Nic64-1140.jpg?uuid=zL]". It is an image, not the paragraph's
# text (a caption printed on the next line would otherwise start with it).
_LYNX_IMAGE_NAME = re.compile(
    r"\[([^\s\[\]]{1,200}\.(?:jpe?g|png|gif|webp|svg|bmp|avif|tiff?)(?:\?[^\s\[\]]{0,300})?)\]",
    re.IGNORECASE,
)


def _lynx_images(nodes: list[Inline]) -> list[Inline]:
    """Return ``nodes`` with the bracketed image file names in their text as images."""
    out: list[Inline] = []
    for node in nodes:
        if not isinstance(node, Text) or "[" not in node.text:
            out.append(node)
            continue
        pos = 0
        for match in _LYNX_IMAGE_NAME.finditer(node.text):
            _append_text(out, node.text[pos : match.start()])
            out.append(Image(src=match.group(1)))
            pos = match.end()
        _append_text(out, node.text[pos:])
    return out


def _collapse(text: str) -> str:
    return _SPACE_RUN.sub(" ", text) if "  " in text or "\t" in text else text


def _append_text(out: list[Inline], text: str) -> None:
    if not text:
        return
    if out and isinstance(out[-1], Text):
        out[-1] = Text(text=out[-1].text + text)
    else:
        out.append(Text(text=text))


# html2text puts a space after closing emphasis before anything but brackets and ".!?",
# so "<b>Note</b>: x" comes out as "**Note** : x"; a space before these marks is its own.
_SPACE_AFTER_EMPHASIS = re.compile(r" (?=[,;:])")


def _text_after(out: list[Inline], text: str) -> str:
    """Return ``text`` without the space html2text inserted after closing emphasis."""
    if out and isinstance(out[-1], (Strong, Emphasis)) and _SPACE_AFTER_EMPHASIS.match(text):
        return text[1:]
    return text


# html2text writes an empty <em></em> or <strong></strong> (an editor's leftover) as a bare
# "__" or "**" after the word before it ("a civic manner.__", "prices. __"); a lone one
# left unmatched there is no text of the page.
_EMPTY_EMPHASIS = {
    mark: re.compile(r"(?:(?<=\S)|[ \t]+)" + re.escape(mark) + r"(?=\s|$)") for mark in ("__", "**")
}
# Emphasis that starts with punctuation ("<em>.</em>", "<em>, and more</em>" right after a
# link): html2text sets a space before it that the page did not have ("[_YouTube_](url)
# _._"); no word starts with these marks.
_PUNCTUATION_START = re.compile(r"[.,;:!?)\]’]")


def _drop_empty_emphasis(nodes: list[Inline]) -> list[Inline]:
    """Return ``nodes`` with html2text's unmatched marks of empty emphasis taken out."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and ("__" in node.text or "**" in node.text):
            text = node.text
            for mark, pattern in _EMPTY_EMPHASIS.items():
                # a lone mark; two are the page's own ("** WORK IN PROGRESS **")
                if text.count(mark) == 1:
                    text = pattern.sub("", text)
            node = Text(text=text)
        if not (isinstance(node, Text) and not node.text):
            out.append(node)
    return out


def _space_before_punctuation(out: list[Inline], inner: str) -> None:
    """Take out the space html2text set before emphasis that starts with punctuation."""
    if _PUNCTUATION_START.match(inner) and out and isinstance(out[-1], Text):
        last = out[-1].text
        if last == " ":
            out.pop()
        elif last.endswith(" ") and not last[-2].isspace():
            out[-1] = Text(text=last[:-1])


def _line_breaks(nodes: list[Inline]) -> list[Inline]:
    """Return ``nodes`` with each ``HARD_BREAK`` in their text made a ``LineBreak``, inside
    emphasis and links too; the spaces around a break are dropped."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and HARD_BREAK in node.text:
            parts = node.text.split(HARD_BREAK)
            for index, part in enumerate(parts):
                if index:
                    out.append(LineBreak())
                    part = part.lstrip(" ")
                if index < len(parts) - 1:
                    part = part.rstrip(" ")
                if part:
                    out.append(Text(text=part))
        elif isinstance(node, (Strong, Emphasis, Link)):
            out.append(attrs.evolve(node, content=tuple(_line_breaks(list(node.content)))))
        else:
            out.append(node)
    return out


def _markdown(
    text: str, html: bool = False, refs: Mapping[str, LinkTarget] | None = None
) -> list[Inline]:
    """Return the inlines of Markdown ``text`` as html2text writes it (with its raw HTML
    tags read as inlines when ``html``, its reference-style links resolved by ``refs``)."""
    return _drop_empty_emphasis(_markdown_nodes(text, html, refs))


@attrs.frozen
class LinkTarget:
    """Where a link reference definition ("[label]: url "title"") points."""

    url: str
    title: str | None = None


def reference_label(label: str) -> str:
    """Return a link label as definitions and references are matched: case folded, runs
    of white space one space (CommonMark's label matching)."""
    return " ".join(label.split()).casefold()


def _title(match: re.Match[str], name: str) -> str | None:
    title = match.group(name + "t")
    if title is None:
        title = match.group(name + "q")
    title = decode_references(title).strip() if title else ""
    return title or None  # as the HTML parser keeps an <a title> or <img title>


def _scan_pattern(html: bool, refs: Mapping[str, LinkTarget] | None) -> re.Pattern[str]:
    if refs:
        return _MARKDOWN_HTML_REFS if html else _MARKDOWN_REFS
    return _MARKDOWN_HTML if html else _MARKDOWN


# Raw HTML elements read as inlines: their start tag opens one, their end tag closes it.
_EMPHASIS_TAGS = frozenset({"em", "i", "cite", "dfn", "var"})
_STRONG_TAGS = frozenset({"strong", "b"})
_CODE_TAGS = frozenset({"code", "kbd", "samp", "tt"})
_WRAPPING_TAGS = _EMPHASIS_TAGS | _STRONG_TAGS | _CODE_TAGS | {"a", "q", "ruby", "rt", "rtc", "rp"}
# The elements that hold a ruby annotation's reading (<rt>, or <rtc> around several).
_RUBY_TEXT = frozenset({"rt", "rtc"})
# Set on an open <ruby>'s attributes once an <rp> of its own opened: its readings keep
# the page's brackets and get none of ours.
_RUBY_HAS_RP = "\x00rp"


def _open_tag(out: list[Inline], stack: list[tuple[str, str, int]], match: re.Match[str]) -> str:
    """Read one tag of raw HTML into ``out``; ``stack`` holds the elements still open.

    Return the text the tag stands for (a space between a block's words), for the caller's
    run of text.
    """
    name = match.group("name").lower()
    attributes = match.group("attrs") or ""
    if match.group("close"):
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == name:
                _, opened, start = stack[depth]
                del stack[depth:]
                content = _merged(out[start:])
                del out[start:]
                if name in _RUBY_TEXT and _bare_ruby_text(stack):
                    _bracket_reading(out, content)
                else:
                    _close_element(out, name, opened, content)
                return ""
        return " " if name in BLOCK_TAGS else ""
    if name == "br":
        out.append(LineBreak())
    elif name == "img":
        src = attribute(attributes, "src")
        if src:
            out.append(Image(src=src, alt=attribute(attributes, "alt") or ""))
    elif name in _WRAPPING_TAGS and len(stack) < MAX_OPEN_ELEMENTS:
        if name == "rp":
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == "ruby":
                    ruby, ruby_attributes, start = stack[depth]
                    stack[depth] = (ruby, ruby_attributes + _RUBY_HAS_RP, start)
                    break
        stack.append((name, attributes, len(out)))
    elif name in BLOCK_TAGS:
        return " "
    return ""


def _bare_ruby_text(stack: list[tuple[str, str, int]]) -> bool:
    """Return True when the ruby reading just closed (an ``<rt>`` or ``<rtc>``) needs the
    brackets a reader without ruby layout is shown: it stands right in a ``<ruby>`` (an
    ``<rt>`` inside an ``<rtc>`` does not: the ``<rtc>`` is bracketed) that has no
    ``<rp>`` of its own. ``stack`` holds the elements still open around it."""
    return bool(stack) and stack[-1][0] == "ruby" and _RUBY_HAS_RP not in stack[-1][1]


def _bracket_reading(out: list[Inline], content: list[Inline]) -> None:
    """Append a ruby reading to ``out`` in parentheses, as the HTML parser does:
    ``<ruby>漢字<rt>かんじ</rt></ruby>`` reads "漢字(かんじ)", not "漢字かんじ" (two words
    run into one); an empty reading adds nothing."""
    if not "".join(_plain(node) for node in content).strip():
        return
    out.extend([Text(text="("), *content, Text(text=")")])


# Raw HTML elements open at once, at most: deeper ones are read as plain text (nesting
# that deep is no article's, and the model's inlines nest no deeper than a page's).
MAX_OPEN_ELEMENTS = 32


def _close_element(out: list[Inline], name: str, attributes: str, content: list[Inline]) -> None:
    """Append the inline that element ``name`` makes of ``content`` to ``out``."""
    url = attribute(attributes, "href") if name == "a" else None
    if url:
        out.append(Link(url=url, content=tuple(content) or (Text(text=""),)))
    elif name in _EMPHASIS_TAGS and content:
        out.append(Emphasis(content=tuple(content)))
    elif name in _STRONG_TAGS and content:
        out.append(Strong(content=tuple(content)))
    elif name in _CODE_TAGS and content:
        out.append(Code(code="".join(_plain(node) for node in content)))
    elif name == "q":
        out.extend([Text(text="\u201c"), *content, Text(text="\u201d")])
    else:
        out.extend(content)


def _plain(node: Inline) -> str:
    if isinstance(node, Text):
        return node.text
    if isinstance(node, Code):
        return node.code
    if isinstance(node, (Strong, Emphasis, Link)):
        return "".join(_plain(child) for child in node.content)
    return ""


def _merged(nodes: list[Inline]) -> list[Inline]:
    """Return ``nodes`` with each run of adjacent texts joined into one (in linear time)."""
    out: list[Inline] = []
    run: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            run.append(node.text)
            continue
        if run:
            joined = "".join(run)
            if joined:
                out.append(Text(text=joined))
            run = []
        out.append(node)
    if run:
        joined = "".join(run)
        if joined:
            out.append(Text(text=joined))
    return out


def _html_text(nodes: list[Inline]) -> list[Inline]:
    """Return ``nodes`` with character references decoded and space runs collapsed (the
    tags taken out of a line leave both behind), leading and trailing breaks dropped."""
    out: list[Inline] = []
    for node in _merged(nodes):
        if isinstance(node, Text):
            out.append(Text(text=_collapse(unescape(node.text))))
        elif isinstance(node, (Strong, Emphasis, Link)):
            out.append(attrs.evolve(node, content=tuple(_html_text(list(node.content)))))
        elif isinstance(node, Code):
            out.append(Code(code=unescape(node.code)))
        else:
            out.append(node)
    while out and isinstance(out[0], LineBreak):
        out.pop(0)
    while out and isinstance(out[-1], LineBreak):
        out.pop()
    return out


def _markdown_nodes(
    text: str, html: bool = False, refs: Mapping[str, LinkTarget] | None = None
) -> list[Inline]:
    # Text is gathered in ``run`` and joined once when a node follows: joining it into the
    # last Text at every escape or tag copied the text again each time, quadratic on a
    # long line of them.
    out: list[Inline] = []
    run: list[str] = []
    stack: list[tuple[str, str, int]] = []
    pos = 0
    pattern = _scan_pattern(html, refs)

    def flush() -> None:
        if run:
            joined = "".join(run)
            run.clear()
            if not html:
                _append_text(out, joined)  # a node follows: the last node is no Text
            elif joined:
                out.append(Text(text=joined))  # joined with its neighbours at the end

    scan = 0
    while (match := pattern.search(text, scan)) is not None:
        scan = match.end()
        if (
            html
            and match.group("tag") is not None
            and match.group("name").lower() not in KNOWN_TAGS
        ):
            continue  # "<String>" in prose: text, taken with the text after it
        target = _reference_target(match, refs) if refs else None
        if refs and target is None and _is_reference(match):
            # a reference naming no definition: its brackets are text, its inside is read
            scan = match.start() + (2 if match.group("refimg") is not None else 1)
            continue
        chunk = _text(text[pos : match.start()], html)
        run.append(chunk if run else _text_after(out, chunk))
        pos = match.end()
        if match.group("escape") is not None:
            run.append(match.group("x"))
            continue
        flush()
        if html and match.group("tag") is not None:
            run.append(_open_tag(out, stack, match))
        elif target is not None:
            _append_reference(out, match, target, html, refs)
        elif match.group("imglink") is not None:
            image = Image(src=match.group("ils"), alt=match.group("ila"))
            out.append(Link(url=match.group("ilu"), content=(image,)))
        elif match.group("img") is not None:
            alt = _alt(match.group("ia"), html)
            out.append(Image(src=match.group("is"), alt=alt, title=_title(match, "is")))
        elif match.group("link") is not None:
            inner = _markdown(match.group("lt"), html, refs)
            out.append(
                Link(
                    url=match.group("lu"),
                    content=inner or (Text(text=""),),
                    title=_title(match, "lu"),
                )
            )
        elif match.group("auto") is not None:
            url = match.group("au")
            out.append(Link(url=url, content=(Text(text=url.removeprefix("mailto:")),)))
        elif match.group("code") is not None:
            out.append(Code(code=match.group("c")))
        elif match.group("both") is not None:  # ***strong emphasis*** (pandoc writes it)
            both = match.group("b1")
            _space_before_punctuation(out, both)
            out.append(Strong(content=(Emphasis(content=tuple(_markdown(both, html, refs))),)))
        elif match.group("strong") is not None:
            strong = match.group("s1") or match.group("s2")
            _space_before_punctuation(out, strong)
            out.append(Strong(content=_markdown(strong, html, refs)))
        else:  # emphasis
            emphasis = match.group("e1") or match.group("e2")
            _space_before_punctuation(out, emphasis)
            out.append(Emphasis(content=_markdown(emphasis, html, refs)))
    chunk = _text(text[pos:], html)
    run.append(chunk if run else _text_after(out, chunk))
    flush()
    return _merged(out) if html else out


# a backslash escape of ASCII punctuation, as CommonMark reads it in an image's alt
_ESCAPED_PUNCTUATION = re.compile(r"\\([!-/:-@\[-`{-~])")


def _alt(text: str, html: bool) -> str:
    """Return an image's alt as plain text: escapes and character references read
    (html2text writes "![Framework \\(ATF\\) \\[Fig 1\\]](...)")."""
    if "\\" in text:
        text = _ESCAPED_PUNCTUATION.sub(r"\1", text)
    return _text(text, html)


def _text(text: str, html: bool) -> str:
    """Return a run of Markdown's text with its character references decoded (Markdown
    with raw HTML decodes them once its tags are read: :func:`_html_text`)."""
    return text if html else decode_references(text)


def _is_reference(match: re.Match[str]) -> bool:
    return match.group("reflink") is not None or match.group("refimg") is not None


def _reference_target(
    match: re.Match[str], refs: Mapping[str, LinkTarget] | None
) -> LinkTarget | None:
    """Return the definition a reference-style link or image names, or None."""
    if refs is None:
        return None
    if match.group("reflink") is not None:
        label = match.group("rlr") or match.group("rlt")  # "[text][]" names "text"
    elif match.group("refimg") is not None:
        label = match.group("rir") or match.group("ria")
    else:
        return None
    return refs.get(reference_label(label))


def _append_reference(
    out: list[Inline],
    match: re.Match[str],
    target: LinkTarget,
    html: bool,
    refs: Mapping[str, LinkTarget] | None,
) -> None:
    """Append the link or image a resolved reference makes."""
    if match.group("refimg") is not None:
        alt = _alt(match.group("ria"), html)
        out.append(Image(src=target.url, alt=alt, title=target.title))
        return
    inner = _markdown(match.group("rlt"), html, refs)
    out.append(Link(url=target.url, content=inner or (Text(text=""),), title=target.title))


def _lynx(text: str, urls: Mapping[int, str]) -> list[Inline]:
    whole = _LYNX_WHOLE.fullmatch(text)
    if whole and whole.group(2).count(" ") < LYNX_WHOLE_LINK_WORDS:
        # "[46]A headline of a list": a short line that starts with its only link is that
        # link (headline lists, menus, recommendation blocks)
        url = urls.get(int(whole.group(1)))
        if url is not None:
            return [Link(url=url, content=(Text(text=whole.group(2)),))]
    out: list[Inline] = []
    pos = 0
    pending: str | None = None  # URL of the link whose text starts at ``pos``
    matches = list(_LYNX.finditer(text))
    literal = _out_of_sequence(matches)
    for index, match in enumerate(matches):
        number = match.group(1)
        if pending is not None and match.start() == pos and number:
            # "^[11][1]": marker 11, then the link's own text "[1]" (a citation)
            out.append(Link(url=pending, content=(Text(text=match.group(0).lstrip("^")),)))
            pos = match.end()
            pending = None
            continue
        if index in literal:
            continue  # the page's own "[1966]": stays in the text around it
        chunk = text[pos : match.start()]
        _lynx_chunk(out, chunk, pending)
        pos = match.end()
        pending = urls.get(int(number)) if number else None
    _lynx_chunk(out, text[pos:], pending)
    return out


def _out_of_sequence(matches: list[re.Match[str]]) -> set[int]:
    """Return the indexes of numbered ``[n]`` matches that are the page's text, not markers.

    lynx numbers its links in the order they appear, so the markers of one block rise:
    ``[1893]Baker, John (2010) [1966]. [1894]McLintock`` has the page's own "[1966]" (a
    year in brackets) between 1893 and 1894. A number at or below the last marker, or
    above the next one while that one still follows the last, breaks the order (the
    first number of a block is taken for a marker: nothing says otherwise). A number
    glued to the marker before it is that link's text (``[11][1]``), not a marker either
    way, and is skipped when looking for the next marker.
    """
    numbered = [
        (i, int(m.group(1)))
        for i, m in enumerate(matches)
        if m.group(1) and not (i and matches[i - 1].end() == m.start() and matches[i - 1].group(1))
    ]
    literal: set[int] = set()
    last: int | None = None
    for k, (index, number) in enumerate(numbered):
        following = numbered[k + 1][1] if k + 1 < len(numbered) else None
        if last is not None and (
            number <= last or (following is not None and last < following < number)
        ):
            literal.add(index)
            continue
        last = number
    return literal


def _lynx_chunk(out: list[Inline], chunk: str, url: str | None) -> None:
    # lynx writes <sup> as "^" too: "[1410]^b" is the footnote back-link "b", and
    # "[65][3]^:p. 7" a citation's page (MediaWiki's {{rp}}) right after its link
    if "^" in chunk:
        chunk = _SUPERSCRIPT.sub("", chunk[1:] if chunk.startswith("^:") else chunk)
    if url is None or not chunk.strip():
        _append_text(out, chunk)
        return
    end = _LYNX_LINK_END.search(chunk)
    span_end = end.start() if end else len(chunk)
    words = chunk[:span_end].split(" ")
    if len(words) > LYNX_LINK_MAX_WORDS:
        span_end = len(" ".join(words[:LYNX_LINK_MAX_WORDS]))
    anchor = chunk[:span_end].rstrip()
    if not anchor:
        _append_text(out, chunk)
        return
    out.append(Link(url=url, content=(Text(text=anchor),)))
    _append_text(out, chunk[len(anchor) :])


# MediaWiki draws a formula as a picture whose alt text is its TeX source,
# "{\displaystyle A^{-1}=...}" (hidden from screen readers: the MathML beside it is the
# accessible text, and browsers hide that). w3m, lynx and their kind print the alt text
# where the picture stood; the page's text has no formula there (wikipedia-3: 34 lines of
# each rendering). A wrap inside it may add a space after the backslash ("{\ displaystyle").
_MATH_ALT = re.compile(r"\{\\ ?(?:displaystyle|textstyle)\b")
# Longest formula looked at (characters): an unbalanced "{" left open is left as it is.
MAX_MATH_ALT_CHARS = 3000


def without_math_alt(text: str) -> str:
    """Return ``text`` without MediaWiki's formula pictures' alt text (``{\\displaystyle …}``,
    up to its balancing brace); one space stands where a formula stood between words."""
    out: list[str] = []
    pos = 0
    for match in _MATH_ALT.finditer(text):
        start = match.start()
        if start < pos:
            continue  # inside a formula already taken out
        depth = 0
        end = None
        for i in range(start, min(len(text), start + MAX_MATH_ALT_CHARS)):
            char = text[i]
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    end = i + 1
                    break
        if end is None:
            continue
        out.append(text[pos:start])
        out.append(" ")
        pos = end
    if not out:
        return text
    out.append(text[pos:])
    return _SPACE_BEFORE_PUNCTUATION.sub("", _collapse("".join(out)))


# where a formula was taken out before a comma or full stop, its space goes too
_SPACE_BEFORE_PUNCTUATION = re.compile(r" (?=[,.;:](?:\s|$))")


def parse_inlines(
    text: str,
    *,
    markdown: bool = False,
    urls: Mapping[int, str] | None = None,
    html: bool = False,
    refs: Mapping[str, LinkTarget] | None = None,
) -> tuple[Inline, ...]:
    """Return the inlines of ``text``: Markdown when ``markdown``, lynx markers with ``urls``.

    With ``markdown`` and ``html`` (Markdown that carries raw HTML), the tags of known
    elements are read as inlines: ``<a href>`` a link, ``<em>``/``<i>`` emphasis,
    ``<strong>``/``<b>`` strong, ``<code>`` code, ``<br>`` a line break, ``<img>`` an image;
    other tags go and their words stay. With ``markdown`` and ``refs`` (a text's link
    reference definitions by :func:`reference_label`), ``[text][label]`` and
    ``![alt][label]`` are links and images. Runs of spaces are collapsed; an empty text
    gives an empty tuple.
    """
    text = _collapse(text).strip()
    if not markdown and "style" in text:
        text = without_math_alt(text).strip()
    if not text:
        return ()
    if markdown and html and "<" in text:
        return tuple(_html_text(_line_breaks(_markdown(text, html=True, refs=refs))))
    if markdown:
        nodes = _markdown(text, refs=refs)
        # a hard line break (html2text's "<br>") may fall inside emphasis or a link
        if HARD_BREAK not in text:
            return tuple(nodes)
        nodes = _line_breaks(nodes)
        while nodes and isinstance(nodes[0], LineBreak):
            nodes.pop(0)  # a break before the text (an empty line's "<br>")
        while nodes and isinstance(nodes[-1], LineBreak):
            nodes.pop()
        return tuple(nodes)
    if urls is not None:
        # dropped markers and placeholders leave doubled spaces behind
        found = [
            Text(text=_collapse(node.text)) if isinstance(node, Text) else node
            for node in _lynx_images(_lynx(text, urls))
        ]
        return tuple(_line_breaks(found)) if HARD_BREAK in text else tuple(found)
    # w3m writes a superscript as "^": "exceptions.^[1]" is the citation "[1]", "^22Text"
    # a footnote number; an image without alt text is its file name in brackets
    if "[" in text:
        text = _GLUED_PLACEHOLDER.sub("", _IMAGE_PLACEHOLDER.sub("", text))
    text = _SUPERSCRIPT.sub("", text) if "^" in text else text
    if HARD_BREAK in text:
        return tuple(_line_breaks([Text(text=text.strip())]))
    return (Text(text=text.strip()),) if text.strip() else ()


_STRIP_MARKDOWN = re.compile(
    r"!?\[(?: ?!\[([^\[\]\n]{0,500})\]\([^()\n]{0,2300}\) ?)?"
    r"([^\[\]\n]{0,500})\]\([^()\n]{0,2100}\)"
)
_STRIP_LYNX = re.compile(r"\[(?:\d{1,6}|IMG|INLINE|LINK|BUTTON|EMBED|embedded|image)\]")
_STRIP_EMPHASIS = re.compile(r"\*\*\*?|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|\\(?=[^\w\s]|_)")


def strip_markup(
    text: str, *, markdown: bool = False, lynx: bool = False, html: bool = False
) -> str:
    """Return ``text`` without its link markup: what a reader sees, for comparisons.

    With ``html``, the tags of raw HTML go too and character references are decoded.
    """
    if html:
        text = strip_tags(text)
    if markdown:
        text = _STRIP_MARKDOWN.sub(lambda m: m.group(2) or m.group(1) or "", text)
        text = _STRIP_EMPHASIS.sub("", text)
    if lynx:
        text = _STRIP_LYNX.sub("", text)
    return _collapse(text).strip()
