"""Raw HTML inside Markdown: the tags pandoc's GFM, README files and some scrapers leave.

CommonMark lets Markdown carry HTML: a ``<div>`` line that only opens a container, a
``<span id="...">`` around an item's words, an ``<a href>`` where the converter could not
write ``[text](url)``. Read as plain text, those tags end up in the article's words. A
Markdown text that holds such tags (:func:`has_raw_html`) is read with them understood:

* a line that is nothing but tags (``<div class="page">``, ``</div>``) is container markup
  and reads as a blank line (:func:`markup_line_numbers`);
* inside a line, the tags of the inline elements become the matching inlines (a link,
  emphasis, code, a line break, an image) and other tags are left out with their words kept
  (the inline parser does that, with :data:`INLINE_TAG`).

Only the names of HTML elements count as tags, so "List<String>" or "a <b" in prose stays
text, and the whole reading is switched on for a text only when it holds enough tags
(:data:`MIN_MARKUP_LINES`), never for a text that merely mentions one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Final

__all__ = [
    "BLOCK_TAGS",
    "INLINE_NAMES",
    "INLINE_TAG",
    "KNOWN_TAGS",
    "MIN_MARKUP_LINES",
    "TAG_BODY",
    "attribute",
    "has_raw_html",
    "markup_line_numbers",
    "short_attribute_values",
    "short_data_uris",
    "strip_tags",
    "unescape",
]

# Element names read as tags: the inline elements and the block containers converters
# leave as raw HTML. Anything else in angle brackets ("<String>", "<3") stays text.
INLINE_NAMES: Final = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "big",
        "br",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "kbd",
        "mark",
        "q",
        "rp",
        "rt",
        "rtc",
        "ruby",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
    ]
)
#: The block elements: their tags stand between words, so taking one out leaves a space.
BLOCK_TAGS: Final = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "picture",
        "pre",
        "section",
        "source",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "video",
        "audio",
        "iframe",
        "noscript",
    ]
)
#: Every element name read as a tag.
KNOWN_TAGS: Final = INLINE_NAMES | BLOCK_TAGS
#: One start, end or empty-element tag, as a pattern (groups ``close``, ``name``,
#: ``attrs``); attribute values may hold ">" only inside quotes. The name is any name:
#: the caller checks it against :data:`KNOWN_TAGS` (a set lookup, where an alternation of
#: the names in the pattern cost a scan of them all at every "<").
TAG_BODY: Final = (
    r"<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9]{0,15})(?=[\s/>])"
    r"(?P<attrs>(?:\s+[^\s\"'<>/=]+(?:\s*=\s*(?:\"[^\"]{0,2000}\"|'[^']{0,2000}'|[^\s\"'=<>`]{1,2000}))?){0,40})"
    r"\s*/?>"
)
#: One tag, for the inline parser (groups ``close``, ``name``, ``attrs``).
INLINE_TAG: Final = re.compile(TAG_BODY)
_MARKUP_LINE: Final = re.compile(r"[ \t]*(?:" + TAG_BODY + r"[ \t]*)+")
_ATTRIBUTE: Final = re.compile(
    r"""(?:^|\s)(?P<key>[^\s"'<>/=]+)\s*=\s*(?:"(?P<q>[^"]*)"|'(?P<a>[^']*)'|(?P<u>[^\s"'=<>`]+))"""
)

#: A ``data:`` URI's base64 payload (an inline SVG icon, a placeholder picture) of at
#: least this many characters is cut to nothing (:func:`short_data_uris`).
MIN_DATA_URI_PAYLOAD: Final = 200
_DATA_URI: Final = re.compile(
    r"(data:[\w.+/-]{1,60};base64,)[A-Za-z0-9+/=]{" + str(MIN_DATA_URI_PAYLOAD) + ",}"
)
#: A quoted attribute value of at least this many characters on one line (a ``data-*``
#: attribute's JSON, a ``srcset``'s list, a URL-encoded SVG in a ``src``) is emptied
#: (:func:`short_attribute_values`): :data:`TAG_BODY` reads at most 2,000 a value.
MAX_ATTRIBUTE_VALUE_CHARS: Final = 2000
# (the value holds no quote and no newline, so two matches never overlap: linear time)
_LONG_ATTRIBUTE: Final = re.compile(
    r"(\s[A-Za-z_:][\w:.-]{0,60}=\")[^\"\n]{" + str(MAX_ATTRIBUTE_VALUE_CHARS) + r",}(?=\")"
)
#: An HTML comment alone on a line (``<!-- -->``, which React leaves between two texts).
_COMMENT_LINE: Final = re.compile(r"<!--.{0,200}?-->")

#: Lines holding nothing but tags a Markdown text needs before its tags are read as HTML.
#: pandoc's GFM of the readability pages has 4 to 400 (every ``<div>`` it keeps opens and
#: closes on a line of its own); html2text writes none, and a text about HTML writes its
#: tags in code spans or prose, not alone on a line.
MIN_MARKUP_LINES: Final = 2


# Markdown's code: a line indented this far, or inside a ``` or ~~~ fence, is a listing's
# line (html2text writes a <pre> so), and a tag in it is the listing's text.
CODE_INDENT: Final = 4
_FENCE: Final = re.compile(r"(?:```|~~~)")


def _tags_only(line: str) -> bool:
    """Say whether ``line`` is nothing but tags of known elements, or an HTML comment."""
    if line.startswith("<!--"):
        return _COMMENT_LINE.fullmatch(line) is not None
    return _MARKUP_LINE.fullmatch(line) is not None and all(
        m.group("name").lower() in KNOWN_TAGS for m in INLINE_TAG.finditer(line)
    )


def markup_line_numbers(texts: Sequence[str], indents: Sequence[int]) -> list[int]:
    """Return the indexes of the lines that are nothing but tags of known elements (or
    an HTML comment).

    ``texts`` are the lines stripped and ``indents`` their indents; the lines of code
    (indented :data:`CODE_INDENT` columns or fenced) are never markup.
    """
    found: list[int] = []
    fenced = False
    for i, line in enumerate(texts):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if (
            not fenced
            and indents[i] < CODE_INDENT
            and "<" in line
            and ">" in line
            and _tags_only(line)
        ):
            found.append(i)
    return found


def short_data_uris(text: str) -> str:
    """Return ``text`` with the base64 payload of each long ``data:`` URI cut off.

    pandoc's GFM keeps an ``<img>`` or an ``<a>`` it cannot write as Markdown as raw HTML,
    and a page's inline icons carry their picture in the ``src`` (``data:image/svg+xml;
    base64,...``, thousands of characters). Such a tag is longer than a tag's attribute
    may be (:data:`TAG_BODY` reads at most 2,000 characters a value, which keeps the
    pattern's work bounded on any input), so it stayed text: a menu of icon links then read
    as one long paragraph. The payload is no text of the page: ``data:image/png;base64,``
    is left, which names the same kind of picture.
    """
    if "base64," not in text:
        return text
    return _DATA_URI.sub(r"\1", text)


def short_attribute_values(text: str) -> str:
    """Return ``text`` with each quoted attribute value of
    :data:`MAX_ATTRIBUTE_VALUE_CHARS` characters or more on one line emptied
    (``data-payload="{&quot;type&quot;: ...}"`` becomes ``data-payload=""``).

    pandoc's GFM keeps a link with attributes as a raw ``<a>``, and a page's menu links
    may carry thousands of characters of JSON in a ``data-*`` attribute, or a picture's
    ``srcset`` a long list of URLs: such a tag is longer than :data:`TAG_BODY` reads a
    value, so it stayed text, and a menu of such links read as paragraphs of prose (a
    news page's menu kept over its article). No value that long is text of the page. A
    value that runs over lines, or is not in ``name="..."`` form, is left as it is: text
    that merely holds a long quotation stays whole.
    """
    if len(text) < MAX_ATTRIBUTE_VALUE_CHARS or '="' not in text:
        return text
    return _LONG_ATTRIBUTE.sub(r"\1", text)


def has_raw_html(texts: Sequence[str], indents: Sequence[int]) -> bool:
    """Return True when the lines hold at least :data:`MIN_MARKUP_LINES` tag-only lines."""
    return len(markup_line_numbers(texts, indents)) >= MIN_MARKUP_LINES


def attribute(attrs: str, key: str) -> str | None:
    """Return the value of attribute ``key`` in a tag's attribute text, entities decoded."""
    for match in _ATTRIBUTE.finditer(attrs):
        if match.group("key").lower() == key:
            value = match.group("q")
            if value is None:
                value = match.group("a")
            if value is None:
                value = match.group("u")
            return html.unescape(value or "")
    return None


def unescape(text: str) -> str:
    """Return ``text`` with its character references decoded (``&amp;`` is ``&``)."""
    return html.unescape(text) if "&" in text else text


def strip_tags(text: str) -> str:
    """Return ``text`` without its tags (a block tag leaves a space), entities decoded."""
    if "<" not in text:
        return unescape(text)

    def replace(match: re.Match[str]) -> str:
        name = match.group("name").lower()
        if name not in KNOWN_TAGS:
            return match.group(0)
        return " " if name in BLOCK_TAGS or name == "br" else ""

    return unescape(INLINE_TAG.sub(replace, text))
