"""Markdown from a Document: CommonMark plus GFM tables, safe to render and structure-preserving.

What comes out (``docs/markdown.md`` has the full tour)::

    # Title                      title, when the document has one
    ## Section                   ATX headings keep their levels
    Text with *em*, **strong**, `code`, [links](https://x "t") and ![images](i.png)\\
    after a hard break (backslash-newline).
    - bullet lists, 1. ordered lists (``start`` kept), nested by indenting to the marker width
    > quotes, > > nested quotes
    ```lang                      fenced code; the fence outgrows any backtick run inside
    | GFM | tables |             a header row always (empty when the table has none)
    ***                          rules

Two promises, both checked by property tests with markdown-it-py:

* **Nothing in the text becomes markup.** Every character of document text that a renderer
  could read as syntax is backslash-escaped: inline markers everywhere, block markers at line
  starts, ``&`` before anything entity-like. Newlines inside text never start a new block;
  only :class:`~articlekit.model.LineBreak` makes a (hard) line break.
* **Nothing in the text becomes HTML or a dangerous link.** ``<`` is always escaped, so no tag,
  comment or processing instruction can appear; ``javascript:``, ``vbscript:``, ``file:`` and
  ``data:`` URLs (data images excepted) are never emitted: a link keeps its text and an image
  becomes its alt text.

Where Markdown cannot say exactly what the model holds, the text wins over the formatting:
emphasis that would be misread (it starts or ends next to a space, or inside a word) is
written without markers, a link inside a link keeps only its text, and line breaks in
headings and table cells become spaces.

Every walk is iterative, so arbitrarily deep documents cannot raise ``RecursionError``.
"""

from __future__ import annotations

import html
import re
import string
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final, Literal
from urllib.parse import quote, unquote

from articlekit._chars import balance_bidi, replace_controls, replace_surrogates
from articlekit.model import (
    Block,
    Code,
    CodeBlock,
    Document,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    LineBreak,
    Link,
    List,
    Paragraph,
    Quote,
    Recommendation,
    Recommendations,
    Rule,
    Strong,
    Table,
    TableCell,
    Text,
    require_document,
)

__all__ = [
    "RECOMMENDATIONS_HEADING_LEVEL",
    "RECOMMENDATIONS_TITLE",
    "blocks_to_markdown",
    "inlines_to_markdown",
    "is_safe_url",
    "table_grid",
    "to_markdown",
]

#: Heading level of a recommendations block: one below the document title (``#``), so the
#: block sits beside the article's top-level sections rather than inside the last one.
RECOMMENDATIONS_HEADING_LEVEL: Final = 2
#: Heading text of a recommendations block that has no title of its own.
RECOMMENDATIONS_TITLE: Final = "Recommended"
#: The widest span a table cell is written with: HTML's own limit (browsers and the HTML
#: parser read a larger ``colspan`` as 1000).
MAX_COLSPAN: Final = 1000
#: CommonMark reads at most 9 digits as an ordered-list number; larger numbers are clamped.
MAX_LIST_NUMBER: Final = 999_999_999
#: Entity decoding and percent-decoding rounds before a URL that still changes counts as unsafe.
_URL_DECODE_ROUNDS: Final = 4

# --------------------------------------------------------------------------- URL safety

_BLOCKED_SCHEMES: Final = frozenset({"javascript", "vbscript", "file", "data"})
# markdown-it and browsers accept these data images; the ";" keeps us aligned with markdown-it.
_SAFE_DATA_IMAGE = re.compile(r"data:image/(?:png|gif|jpeg|webp);")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_PLAIN_URL = re.compile(r"[!-$'-~]*")


def _strip_invisible(url: str) -> str:
    # Browsers drop tabs and newlines anywhere in a URL and C0 controls/space at its ends;
    # dropping every control, space and format character is stricter than any of them.
    return "".join(
        ch
        for ch in url
        if not (ch.isspace() or ord(ch) <= 0x20 or unicodedata.category(ch) in ("Cc", "Cf"))
    )


def is_safe_url(url: str, *, image: bool = False) -> bool:
    """Return True when ``url`` may be written as a link target (an image source if ``image``).

    ``javascript:``, ``vbscript:``, ``file:`` and ``data:`` URLs are refused, whatever their
    case, hidden whitespace or control characters, HTML entities (``javascript&colon;``) or
    percent-encoding. For images, ``data:image/(png|gif|jpeg|webp);`` is allowed.
    """
    # The common case, visible ASCII without "%" or "&", hides nothing and needs no decoding.
    decoded = url if _PLAIN_URL.fullmatch(url) else _decoded_url(url)
    if decoded is None:
        return False
    candidate = decoded.lower()
    match = _SCHEME.match(candidate)
    if match is None or match.group(1) not in _BLOCKED_SCHEMES:
        return True
    return image and _SAFE_DATA_IMAGE.match(candidate) is not None


def _decoded_url(url: str) -> str | None:
    """Return ``url`` with entities and percent-escapes decoded and invisibles dropped.

    None when it still changes after ``_URL_DECODE_ROUNDS`` rounds: layered encoding is only
    ever an attack.
    """
    candidate = _strip_invisible(url)
    for _ in range(_URL_DECODE_ROUNDS):
        decoded = _strip_invisible(unquote(html.unescape(candidate)))
        if decoded == candidate:
            break
        candidate = decoded
    else:
        return None
    return candidate


# --------------------------------------------------------------------------- character classes

_ASCII_PUNCT: Final = frozenset(string.punctuation)
_Class = Literal["space", "punct", "other"]
#: Where inlines are written: paragraphs allow hard breaks; headings and cells are one line.
_Context = Literal["paragraph", "heading", "cell"]


def _classes(ch: str | None) -> tuple[_Class, ...]:
    """Return what ``ch`` may count as when CommonMark decides if ``*`` opens or closes.

    Several answers when renderers disagree: symbols are punctuation since CommonMark 0.31
    (markdown-it-py 4) but not before; markdown-it counts a vertical tab as whitespace.
    ``None`` is the start or end of a line, which counts as whitespace.
    """
    if ch is None or ch in " \t\n\r\x0c":
        return ("space",)
    if ch in _ASCII_PUNCT:
        return ("punct",)
    category = unicodedata.category(ch)
    if category == "Zs":
        return ("space",)
    if ch == "\x0b":
        return ("space", "other")
    if category.startswith("P"):
        return ("punct",)
    if category.startswith("S"):
        return ("punct", "other")
    return ("other",)


def _left_flanking(before: _Class, after: _Class) -> bool:
    return after != "space" and (after != "punct" or before in ("space", "punct"))


def _right_flanking(before: _Class, after: _Class) -> bool:
    return before != "space" and (before != "punct" or after in ("space", "punct"))


def _run_is_unambiguous(before: str | None, after: str | None, *, opening: bool) -> bool:
    """Return True when a ``*`` run between these characters can only open (or only close)."""
    for b in _classes(before):
        for a in _classes(after):
            left, right = _left_flanking(b, a), _right_flanking(b, a)
            if opening and (not left or right):
                return False
            if not opening and (not right or left):
                return False
    return True


# --------------------------------------------------------------------------- text escaping

# One pass, so an escape is never escaped again. "_" between two letters or digits cannot
# be emphasis and is left alone (snake_case stays readable); "&" only before a would-be entity.
_ESCAPE_COMMON = (
    r"|_(?![^\W_])|(?<![^\W_])_"
    r"|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)"
)
_TEXT_ESCAPE = re.compile(r"[\\*\[\]`<|~]" + _ESCAPE_COMMON)
# A heading is one line, so "|" cannot start a table there; titles such as "Post | Site"
# stay readable.
_HEADING_ESCAPE = re.compile(r"[\\*\[\]`<~]" + _ESCAPE_COMMON)
# Applied to each line of a paragraph (after leading blanks are stripped): what would start
# a heading, quote, list item, thematic break or setext underline gets one backslash.
_LINE_START_ESCAPES: Final = (
    re.compile(r"#{1,6}(?=[ \t]|$)"),
    re.compile(r">"),
    re.compile(r"[-+*](?=[ \t]|$)"),
    re.compile(r"-(?=[- \t]*$)"),
    re.compile(r"=(?=[= \t]*$)"),
)
_ORDERED_LINE_START = re.compile(r"\A([0-9]{1,9})([.)])(?=[ \t]|$)")
_LINE_END_CHARS = re.compile(r"\r\n|[\r\n]")
_TITLE_ESCAPE = re.compile(r'[\\"`&|<>]')
_DEST_ESCAPE = re.compile(r"[\\()<>|`]|&(?=#?[0-9A-Za-z]{1,32};)")
_INFO_UNSAFE = re.compile(r"[^\w+#.\-]")


def _printable(text: str) -> str:
    """Return ``text`` without a character a terminal acts on, as the parsers read text
    (``docs/model.md``): NUL becomes U+FFFD, as CommonMark reads it; the other control
    characters (ESC starts a terminal's escape sequence) are dropped, those Python counts
    as white space become a space; a lone surrogate, which no UTF-8 writer takes, becomes
    U+FFFD. Tab, line feed and carriage return stay. A parsed Document holds none of
    them: only a Document built by hand takes the slow path. Directional spans are closed
    within ``text`` (:func:`~articlekit._chars.balance_bidi`; a page's text may hold
    them): each run of text is written this way, so a right-to-left override cannot turn
    the Markdown after it around (a link's target, an emphasis marker, a table's bars)."""
    if text.isprintable():  # (a C scan)
        return text
    text = replace_controls(text.replace("\x00", "\ufffd"))
    return balance_bidi(replace_surrogates(text))


def _one_line(text: str) -> str:
    """Return ``text`` with line endings as spaces (only LineBreak may break a line) and
    only printable characters (:func:`_printable`)."""
    return _printable(_LINE_END_CHARS.sub(" ", text))


def _escape_text(text: str, context: _Context = "paragraph") -> str:
    pattern = _HEADING_ESCAPE if context == "heading" else _TEXT_ESCAPE
    return pattern.sub(r"\\\g<0>", text)


# A check box opening a line ("[ ] Tent", "[x] Stove"), escaped as text. Left unescaped
# it means the same in CommonMark (no link: a label of white space is none, and the
# escaped text holds no reference definition for "[x]"), and in GFM it is the box of a
# task list item when it opens a list item's first paragraph.
_ESCAPED_CHECK_BOX = re.compile(r"\\\[([ xX])\\\](?=[ \t])")


def _escape_line_start(line: str) -> str:
    if line.startswith("\\["):
        line = _ESCAPED_CHECK_BOX.sub(r"[\1]", line, count=1)
    for pattern in _LINE_START_ESCAPES:
        if pattern.match(line):
            return "\\" + line
    return _ORDERED_LINE_START.sub(r"\1\\\2", line, count=1)


#: Directional formatting characters (:data:`~articlekit._chars.BIDI_CONTROLS`) and the
#: marks LRM, RLM and ALM: never part of a URL's meaning, percent-encoded in one.
_URL_DIRECTIONAL: Final = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)


def _destination(url: str) -> str:
    if not url:
        return "<>"  # an empty bare destination would take a following title as the URL
    escaped = _DEST_ESCAPE.sub(r"\\\g<0>", url)
    if escaped.isprintable() and " " not in escaped:  # (C scans: nothing to encode)
        return escaped
    return "".join(_destination_char(ch) for ch in escaped)


def _destination_char(ch: str) -> str:
    """Return ``ch`` percent-encoded (its UTF-8 bytes) when it is a space, a control
    character (C0, DEL or C1), a directional formatting character or mark (a URL parser
    percent-encodes them too; shown, they could turn the URL around) or a lone surrogate
    (as U+FFFD); else ``ch`` itself."""
    code = ord(ch)
    if code <= 0x20 or 0x7F <= code <= 0x9F or ch in _URL_DIRECTIONAL:
        return quote(ch, safe="")
    return "%EF%BF%BD" if 0xD800 <= code <= 0xDFFF else ch


def _link_tail(url: str, title: str | None) -> str:
    tail = "](" + _destination(url)
    if title:
        tail += ' "' + _TITLE_ESCAPE.sub(r"\\\g<0>", _one_line(title)) + '"'
    return tail + ")"


def _longest_run(text: str, char: str) -> int:
    runs = re.findall(re.escape(char) + "+", text)
    return max((len(run) for run in runs), default=0)


def _code_span(code: str, *, in_cell: bool) -> str:
    fence = "`" * (_longest_run(code, "`") + 1)
    # CommonMark strips one space from each end when both are spaces; pad so it strips ours.
    pad = (
        code.startswith("`")
        or code.endswith("`")
        or (code.startswith(" ") and code.endswith(" ") and code.strip(" ") != "")
    )
    body = f" {code} " if pad else code
    if in_cell:
        # GFM splits rows on "|" before parsing inlines and eats one backslash before it.
        body = body.replace("|", "\\|")
    return fence + body + fence


# --------------------------------------------------------------------------- inline tokens


class _Pair:
    """One emphasis or strong span; ``keep`` turns False when Markdown would misread it."""

    __slots__ = ("keep", "marker")

    def __init__(self, marker: str) -> None:
        self.marker = marker
        self.keep = True


class _Tok:
    """One flattened inline piece: text, code, break, image, link edge or emphasis edge."""

    __slots__ = ("kind", "pair", "text", "title", "url")

    def __init__(
        self,
        kind: str,
        text: str = "",
        *,
        pair: _Pair | None = None,
        url: str = "",
        title: str | None = None,
    ) -> None:
        self.kind = kind
        self.text = text
        self.pair = pair
        self.url = url
        self.title = title

    @property
    def first(self) -> str:
        """First character this piece writes (what a preceding ``*`` sees after it)."""
        return _FIRST_CHAR.get(self.kind) or self.text[:1] or "*"

    @property
    def last(self) -> str:
        """Last character this piece writes."""
        return _LAST_CHAR.get(self.kind) or self.text[-1:] or "*"


_FIRST_CHAR: Final = {"code": "`", "break": "\\", "lopen": "[", "lclose": "]", "image": "!"}
_LAST_CHAR: Final = {"code": "`", "break": "\n", "lopen": "[", "lclose": ")", "image": ")"}


_MARKERS: Final = ("open", "close")


def _flatten(inlines: Iterable[Inline], context: _Context) -> list[_Tok]:
    """Return the inline tree as a flat list of pieces, unsafe links and images unwrapped."""
    toks: list[_Tok] = []
    stack: list[tuple[Iterator[Inline], _Tok | None]] = [(iter(inlines), None)]
    links_open = 0
    while stack:
        iterator, closer = stack[-1]
        node = next(iterator, None)
        if node is None:
            stack.pop()
            if closer is not None:
                toks.append(closer)
                if closer.kind == "lclose":
                    links_open -= 1
            continue
        if isinstance(node, Text):
            if node.text:
                toks.append(_Tok("text", _one_line(node.text)))
        elif isinstance(node, Code):
            if node.code:
                toks.append(_Tok("code", _one_line(node.code)))
        elif isinstance(node, LineBreak):
            toks.append(_Tok("break") if context == "paragraph" else _Tok("text", " "))
        elif isinstance(node, Image):
            if is_safe_url(node.src, image=True):
                toks.append(_Tok("image", _one_line(node.alt), url=node.src, title=node.title))
            elif node.alt:
                toks.append(_Tok("text", _one_line(node.alt)))
        elif isinstance(node, (Emphasis, Strong)):
            pair = _Pair("*" if isinstance(node, Emphasis) else "**")
            toks.append(_Tok("open", pair=pair))
            stack.append((iter(node.content), _Tok("close", pair=pair)))
        elif links_open == 0 and is_safe_url(node.url):
            toks.append(_Tok("lopen"))
            links_open += 1
            stack.append((iter(node.content), _Tok("lclose", url=node.url, title=node.title)))
        else:  # unsafe link, or a link inside a link (Markdown has no nested links): its text
            stack.append((iter(node.content), None))
    return toks


def _merge_text(toks: Iterable[_Tok]) -> list[_Tok]:
    merged: list[_Tok] = []
    for tok in toks:
        if tok.kind in ("text", "code") and merged and merged[-1].kind == tok.kind:
            # Touching code spans would read as one odd span ("`a``b`"): make them one.
            merged[-1] = _Tok(tok.kind, merged[-1].text + tok.text)
        elif tok.kind != "text" or tok.text:
            merged.append(tok)
    return merged


def _blank_head(tok: _Tok) -> tuple[_Tok | None, _Tok | None]:
    """Split ``tok`` into (leading whitespace or break, rest)."""
    if tok.kind == "break":
        return tok, None
    if tok.kind != "text":
        return None, tok
    rest = tok.text.lstrip()
    if len(rest) == len(tok.text):
        return None, tok
    head = _Tok("text", tok.text[: len(tok.text) - len(rest)])
    return head, (_Tok("text", rest) if rest else None)


def _blank_tail(tok: _Tok) -> tuple[_Tok | None, _Tok | None]:
    """Split ``tok`` into (trailing whitespace or break, rest)."""
    if tok.kind == "break":
        return tok, None
    if tok.kind != "text":
        return None, tok
    rest = tok.text.rstrip()
    if len(rest) == len(tok.text):
        return None, tok
    return _Tok("text", tok.text[len(rest) :]), (_Tok("text", rest) if rest else None)


def _hoist(
    toks: Iterable[_Tok],
    marker: str,
    split: Callable[[_Tok], tuple[_Tok | None, _Tok | None]],
) -> list[_Tok]:
    # Whitespace (and breaks) right after ``marker`` pieces move before the run of them.
    out: list[_Tok] = []
    for tok in toks:
        if out and out[-1].kind == marker:
            blank, rest = split(tok)
            if blank is not None:
                at = len(out)
                while at > 0 and out[at - 1].kind == marker:
                    at -= 1
                out.insert(at, blank)
                if rest is not None:
                    out.append(rest)
                continue
        out.append(tok)
    return out


def _hoist_blanks(toks: list[_Tok]) -> list[_Tok]:
    """Return ``toks`` with blanks moved out of spans: ``* a *`` is not emphasis, `` *a* `` is."""
    toks = _hoist(_merge_text(toks), "open", _blank_head)
    # Closers: the same walk backwards, moving trailing blanks after the closers.
    backwards = _hoist(reversed(_merge_text(toks)), "close", _blank_tail)
    backwards.reverse()
    return _merge_text(backwards)


def _join_sibling_spans(toks: list[_Tok]) -> list[_Tok]:
    """Return ``toks`` with ``*a**b*`` (two touching spans of one kind) made one span."""
    out: list[_Tok] = []
    for tok in toks:
        previous = out[-1] if out else None
        if (
            tok.kind == "open"
            and previous is not None
            and previous.kind == "close"
            and tok.pair is not None
            and previous.pair is not None
            and tok.pair.marker == previous.pair.marker
        ):
            out.pop()  # drop the first span's closer and this opener
            continue
        out.append(tok)
    # Re-pair by nesting: a closer now belongs to the nearest opener still open.
    stack: list[_Pair] = []
    for tok in out:
        if tok.kind == "open" and tok.pair is not None:
            stack.append(tok.pair)
        elif tok.kind == "close":
            tok.pair = stack.pop()
    return out


def _resolve_emphasis(toks: list[_Tok]) -> list[_Tok]:
    """Return ``toks`` keeping only emphasis markers that CommonMark reads as intended."""
    while True:
        live = [t for t in toks if t.kind not in _MARKERS or (t.pair is not None and t.pair.keep)]
        rejected: list[_Pair] = []
        index = 0
        while index < len(live):
            if live[index].kind not in _MARKERS:
                index += 1
                continue
            end = index
            while end < len(live) and live[end].kind in _MARKERS:
                end += 1
            run = live[index:end]
            before = live[index - 1].last if index > 0 else None
            after = live[end].first if end < len(live) else None
            kinds = {t.kind for t in run}
            if len(kinds) == 2:
                # Closers and openers touching (or an empty span): drop the openers' spans.
                rejected.extend(t.pair for t in run if t.kind == "open" and t.pair is not None)
            elif not _run_is_unambiguous(before, after, opening="open" in kinds):
                rejected.extend(t.pair for t in run if t.pair is not None)
            index = end
        if not rejected:
            return _merge_text(live)
        for pair in rejected:
            pair.keep = False


def _trim_breaks(toks: list[_Tok]) -> list[_Tok]:
    # A backslash break at the end of a paragraph is a literal backslash, and one at the
    # start is invisible: keep only breaks between visible content.
    visible = [
        i for i, t in enumerate(toks) if t.kind not in ("break", "text") or t.text.strip() != ""
    ]
    if not visible:
        return [t for t in toks if t.kind != "break"]
    first, last = visible[0], visible[-1]
    return [t for i, t in enumerate(toks) if t.kind != "break" or first < i < last]


def _inline_tokens(inlines: Iterable[Inline], context: _Context) -> list[_Tok]:
    toks = _flatten(inlines, context)
    if any(tok.kind == "open" for tok in toks):
        toks = _resolve_emphasis(_join_sibling_spans(_hoist_blanks(toks)))
    else:
        toks = _merge_text(toks)
    if any(tok.kind == "break" for tok in toks):
        toks = _trim_breaks(toks)
    return toks


def _write_inline(toks: Sequence[_Tok], context: _Context) -> list[str]:
    """Return the Markdown lines for ``toks`` (more than one only for hard breaks)."""
    in_cell = context == "cell"
    lines: list[list[str]] = [[]]
    for index, tok in enumerate(toks):
        part: str
        if tok.kind == "text":
            part = _escape_text(tok.text, context)
            following = toks[index + 1] if index + 1 < len(toks) else None
            if part.endswith("!") and following is not None and following.kind == "lopen":
                part = part[:-1] + "\\!"  # "![" would start an image
        elif tok.kind == "code":
            part = _code_span(tok.text, in_cell=in_cell)
        elif tok.kind == "break":
            lines.append([])
            continue
        elif tok.kind == "image":
            part = "![" + _escape_text(tok.text, context) + _link_tail(tok.url, tok.title)
        elif tok.kind == "lopen":
            part = "["
        elif tok.kind == "lclose":
            part = _link_tail(tok.url, tok.title)
        else:
            part = tok.pair.marker if tok.pair is not None else ""
        lines[-1].append(part)
    out = ["".join(parts).lstrip(" \t") for parts in lines]
    if context == "paragraph":
        out = [_escape_line_start(line) for line in out]
        out[-1] = out[-1].rstrip(" \t")
        if out == [""]:
            return []
        return [line + "\\" for line in out[:-1]] + out[-1:]
    return out


def _paragraph_lines(inlines: Iterable[Inline]) -> list[str]:
    toks = _inline_tokens(inlines, "paragraph")
    if not toks or all(t.kind == "text" and t.text.isspace() for t in toks):
        return []
    return _write_inline(toks, "paragraph")


def _single_line(inlines: Iterable[Inline], context: _Context) -> str:
    return "".join(_write_inline(_inline_tokens(inlines, context), context)).strip(" \t")


def inlines_to_markdown(inlines: Iterable[Inline]) -> str:
    """Return ``inlines`` as the Markdown of one paragraph ("" when nothing is visible).

    Hard breaks come out as backslash-newline; no line of the result can start a block.
    """
    return "\n".join(_paragraph_lines(inlines))


# --------------------------------------------------------------------------- leaf blocks


def _heading_line(level: int, inlines: Iterable[Inline]) -> str:
    text = _single_line(inlines, "heading")
    if text.endswith("#"):
        text = text[:-1] + "\\#"  # else it reads as the optional closing sequence
    return "#" * level + (" " + text if text else "")


def _code_lines(block: CodeBlock) -> list[str]:
    # Line by line: a directional span is closed on the line that opens it.
    code = "\n".join(map(_printable, _LINE_END_CHARS.sub("\n", block.code).split("\n")))
    info = _INFO_UNSAFE.sub("", block.language or "")
    backticks = max(3, _longest_run(code, "`") + 1)
    tildes = max(3, _longest_run(code, "~") + 1)
    fence = "~" * tildes if tildes < backticks else "`" * backticks
    body = code[:-1] if code.endswith("\n") else code
    return [fence + info, *(body.split("\n") if code else ()), fence]


def _table_grid(table: Table) -> list[list[str]]:
    """Return the table's cells as Markdown cell text, laid out on a grid
    (:func:`table_grid`)."""
    return table_grid(table, lambda cell: _single_line(cell.content, "cell"))


def table_grid(table: Table, text: Callable[[TableCell], str]) -> list[list[str]]:
    """Return the table's cell texts (``text`` of each cell) laid out on a grid, as HTML
    lays out its cells.

    GFM has no spans, so a spanned place is an empty cell: a ``colspan`` adds empty cells
    after its cell, and a ``rowspan`` leaves its column empty in the rows below, so that the
    cells of those rows stay under their own headers. A span counts for at most
    ``MAX_COLSPAN`` columns (a colspan of 10**9 from a hand-built or JSON Document made a
    billion cells); a rowspan ends with the table.
    """
    grid: list[list[str]] = []
    below: dict[int, int] = {}  # column -> rows below still covered by a rowspan above
    for row in table.rows:
        covered = set(below)
        spans: dict[int, int] = {}  # rowspans that start in this row
        cells: list[str] = []
        for cell in row.cells:
            while len(cells) in covered:
                cells.append("")
            span = min(cell.colspan, MAX_COLSPAN)
            if cell.rowspan > 1:
                spans.update(
                    (column, cell.rowspan - 1) for column in range(len(cells), len(cells) + span)
                )
            cells.append(text(cell))
            cells.extend("" for _ in range(span - 1))
        if covered:
            cells.extend("" for _ in range(max(covered) + 1 - len(cells)))
        below = {column: rows - 1 for column, rows in below.items() if rows > 1}
        for column, rows in spans.items():
            below[column] = max(below.get(column, 0), rows)
        grid.append(cells)
    return grid


def _table_blocks(table: Table) -> list[list[str]]:
    blocks: list[list[str]] = [_paragraph_lines(table.caption)]
    grid = _table_grid(table)
    width = max((len(cells) for cells in grid), default=0)
    if width == 0:
        return blocks
    for cells in grid:
        cells.extend("" for _ in range(width - len(cells)))
    # GFM needs exactly one header row: a table without one gets an empty header row, so
    # every cell keeps its place; extra header rows become ordinary rows.
    header, body = (grid[0], grid[1:]) if table.header_rows else ([""] * width, grid)
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * width]
    lines.extend("| " + " | ".join(cells) + " |" for cells in body)
    blocks.append(lines)
    return blocks


def _recommendation_inlines(item: Recommendation) -> list[Inline]:
    title: Inline = Text(text=item.title)
    inlines: list[Inline] = [Link(url=item.url, content=(title,)) if item.url else title]
    if item.summary and item.summary.strip():
        inlines.append(Text(text=" — " + item.summary))
    return inlines


def _recommendation_blocks(block: Recommendations, bullet: str) -> list[list[str]]:
    title = block.title if block.title and block.title.strip() else RECOMMENDATIONS_TITLE
    heading = _heading_line(RECOMMENDATIONS_HEADING_LEVEL, (Text(text=title),))
    items: list[str] = []
    for item in block.items:
        lines = _paragraph_lines(_recommendation_inlines(item))
        items.append(f"{bullet} {lines[0]}" if lines else bullet)
        items.extend(" " * (len(bullet) + 1) + line for line in lines[1:])
    return [[heading], items]


# --------------------------------------------------------------------------- block layout

LeafRenderer = Callable[[Block, str | None], tuple[list[list[str]], str | None]]
ListMarkers = Callable[[List, str | None], tuple[list[str], str | None]]


class _Prefix:
    """What a container (quote or list item) puts in front of each of its lines."""

    __slots__ = ("first", "rest", "started")

    def __init__(self, first: str, rest: str) -> None:
        self.first = first
        self.rest = rest
        self.started = False


class _Sequence:
    """A run of sibling blocks being laid out."""

    __slots__ = ("blocks", "emitted", "owns_prefix", "previous_list")

    def __init__(self, blocks: Iterable[Block], *, owns_prefix: bool) -> None:
        self.blocks = iter(blocks)
        self.owns_prefix = owns_prefix
        self.emitted = False
        self.previous_list: str | None = None


class _Items:
    """The items of one list being laid out, each with its marker."""

    __slots__ = ("count", "items", "tight")

    def __init__(self, items: Iterator[tuple[Sequence[Block], str]], *, tight: bool) -> None:
        self.items = items
        self.tight = tight
        self.count = 0


def _is_tight(block: List) -> bool:
    """Return True when the list's items can sit on consecutive lines (one paragraph each)."""
    return all(
        len(item.blocks) <= 1 and all(isinstance(b, Paragraph) for b in item.blocks)
        for item in block.items
    )


def layout_blocks(
    blocks: Iterable[Block],
    leaf: LeafRenderer,
    list_markers: ListMarkers,
    *,
    skip: Callable[[Block], bool] = lambda _block: False,
) -> list[str]:
    """Return the lines of ``blocks`` laid out with quote and list-item prefixes.

    ``leaf(block, previous_list)`` renders a non-container block as chunks of lines (chunks
    are separated by a blank line) and says which list marker it ended with, if any;
    ``list_markers(list, previous_list)`` returns one marker per item and the marker to
    remember. Blocks are separated by one blank line; the walk is iterative.
    """
    out: list[str] = []
    prefixes: list[_Prefix] = []

    def emit(content: str) -> None:
        parts: list[str] = []
        for prefix in prefixes:
            parts.append(prefix.rest if prefix.started else prefix.first)
            prefix.started = True
        parts.append(content)
        line = "".join(parts)
        out.append(line if content else line.rstrip(" "))

    def separate(seq: _Sequence) -> None:
        if seq.emitted:
            emit("")
        seq.emitted = True

    stack: list[_Sequence | _Items] = [_Sequence(blocks, owns_prefix=False)]
    while stack:
        frame = stack[-1]
        if isinstance(frame, _Items):
            entry = next(frame.items, None)
            if entry is None:
                stack.pop()
                continue
            item_blocks, marker = entry
            if frame.count and not frame.tight:
                emit("")
            frame.count += 1
            prefixes.append(_Prefix(marker + " ", " " * (len(marker) + 1)))
            stack.append(_Sequence(item_blocks, owns_prefix=True))
            continue
        block = next(frame.blocks, None)
        if block is None:
            stack.pop()
            if frame.owns_prefix:
                if not frame.emitted:
                    emit("")  # an empty quote or item still shows its marker
                prefixes.pop()
            continue
        if skip(block):
            continue
        if isinstance(block, Quote):
            separate(frame)
            frame.previous_list = None
            prefixes.append(_Prefix("> ", "> "))
            stack.append(_Sequence(block.blocks, owns_prefix=True))
        elif isinstance(block, List):
            if not block.items:
                continue
            markers, remembered = list_markers(block, frame.previous_list)
            separate(frame)
            frame.previous_list = remembered
            items = (
                (item.blocks, marker) for item, marker in zip(block.items, markers, strict=True)
            )
            stack.append(_Items(items, tight=_is_tight(block)))
        else:
            chunks, remembered = leaf(block, frame.previous_list)
            chunks = [chunk for chunk in chunks if chunk]
            if not chunks:
                continue
            separate(frame)
            frame.previous_list = remembered
            for number, chunk in enumerate(chunks):
                if number:
                    emit("")
                for line in chunk:
                    emit(line)
    return out


def _other(marker: str, previous: str | None, alternative: str) -> str:
    # Two lists of one kind separated only by a blank line would merge into one list;
    # a different marker character keeps them apart.
    return alternative if previous == marker else marker


def _markdown_list_markers(block: List, previous: str | None) -> tuple[list[str], str | None]:
    if not block.ordered:
        bullet = _other("-", previous, "+")
        return [bullet] * len(block.items), bullet
    delimiter = _other(".", previous, ")")
    numbers = (min(block.start + i, MAX_LIST_NUMBER) for i in range(len(block.items)))
    return [f"{n}{delimiter}" for n in numbers], delimiter


def _markdown_leaf(block: Block, previous: str | None) -> tuple[list[list[str]], str | None]:
    if isinstance(block, Heading):
        return [[_heading_line(block.level, block.content)]], None
    if isinstance(block, Paragraph):
        return [_paragraph_lines(block.content)], None
    if isinstance(block, CodeBlock):
        return [_code_lines(block)], None
    if isinstance(block, Table):
        return _table_blocks(block), None
    if isinstance(block, Figure):
        if not block.image.src:
            # a figure known only by its caption (a text dump prints no picture): no empty
            # image link, the caption (or the alt text) alone
            shown = block.caption or (Text(text=block.image.alt),)
            return [_paragraph_lines(shown)], None
        return [_paragraph_lines((block.image,)), _paragraph_lines(block.caption)], None
    if isinstance(block, Rule):
        # "***", not "---": "- ---" would be a thematic break rather than an item holding one.
        return [["***"]], None
    if isinstance(block, Recommendations):
        # The block opens with its own heading, which ends any list before it: its items
        # cannot merge with that list, so they always take "-".
        return _recommendation_blocks(block, "-"), "-"
    raise TypeError(f"not a leaf block: {type(block).__name__}")  # pragma: no cover


def blocks_to_markdown(blocks: Iterable[Block]) -> str:
    """Return ``blocks`` as Markdown ending in one newline ("" when nothing is visible)."""
    lines = layout_blocks(blocks, _markdown_leaf, _markdown_list_markers)
    return "\n".join(lines) + "\n" if lines else ""


# --------------------------------------------------------------------------- front matter

_YAML_SHORT_ESCAPES: Final = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\b": "\\b",
    "\f": "\\f",
}


def _yaml_needs_escape(ch: str) -> bool:
    # Outside YAML's printable set, or a line break in YAML 1.1 (NEL, LS, PS), or a BOM.
    # "<", ">", "[" and "]" too: a renderer that does not know front matter shows it as a
    # paragraph, where they could otherwise open a tag, an autolink or a link. The
    # directional formatting characters too: escaped, the value reads the same and cannot
    # turn the rest of its line around.
    code = ord(ch)
    return (
        ch in "<>[]"
        or 0x202A <= code <= 0x202E
        or 0x2066 <= code <= 0x2069
        or code < 0x20
        or 0x7F <= code <= 0x9F
        or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF)
        or 0xD800 <= code <= 0xDFFF
    )


def yaml_string(value: str) -> str:
    """Return ``value`` as a double-quoted YAML scalar (also a valid JSON string).

    Backslash, quote and control characters are escaped, and so are ``<``, ``>``, ``[`` and
    ``]`` (as ``\\u003c`` ...), so the front matter is inert even when rendered as Markdown.
    """
    parts = ['"']
    for ch in value:
        if ch in _YAML_SHORT_ESCAPES:
            parts.append(_YAML_SHORT_ESCAPES[ch])
        elif _yaml_needs_escape(ch):
            parts.append(f"\\u{ord(ch):04x}")
        else:
            parts.append(ch)
    parts.append('"')
    return "".join(parts)


def _front_matter(doc: Document) -> list[str]:
    meta = doc.metadata
    fields: tuple[tuple[str, str | tuple[str, ...] | None], ...] = (
        ("title", doc.title),
        ("authors", meta.authors),
        ("published", meta.published),
        ("modified", meta.modified),
        ("site_name", meta.site_name),
        ("language", meta.language),
        ("description", meta.description),
        ("kicker", meta.kicker),
        ("tags", meta.tags),
        ("image", meta.image),
        ("canonical_url", meta.canonical_url),
        ("url", doc.source.url),
    )
    lines: list[str] = []
    for key, value in fields:
        if isinstance(value, tuple):
            if value:
                lines.append(f"{key}:")
                lines.extend(f"  - {yaml_string(item)}" for item in value)
        elif value is not None:
            lines.append(f"{key}: {yaml_string(value)}")
    return ["---", *lines, "---"] if lines else []


def to_markdown(doc: Document, *, front_matter: bool = False) -> str:
    """Return ``doc`` as Markdown (CommonMark + GFM tables) ending in one newline.

    The title comes first as a level-1 heading; with ``front_matter=True`` a YAML block
    (``---`` ... ``---``) holding the metadata precedes it. An empty document gives "".
    """
    require_document(doc, "to_markdown")
    parts: list[str] = []
    if front_matter:
        head = _front_matter(doc)
        if head:
            parts.append("\n".join(head) + "\n")
    if doc.title is not None:
        parts.append(_heading_line(1, (Text(text=doc.title),)) + "\n")
    body = blocks_to_markdown(doc.blocks)
    if body:
        parts.append(body)
    return "\n".join(parts)
