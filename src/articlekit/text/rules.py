"""The block rule chain: lines in, :class:`Piece` s (blocks not yet typed as model nodes) out.

Like markdown-it's block parser, :data:`BLOCK_RULES` is a table of ``(name, rule)``; at each
line :func:`parse_blocks` offers the line to every rule in order. A rule either consumes
lines, appends a piece and returns the index after them, or returns None and changes
nothing. With ``silent=True`` it only answers whether it would match, which is how a
paragraph learns that the next line starts a list and must end here.

Rules, in order:

=================  =========================================================================
fence              ```` ``` ```` or ``~~~`` fenced code
recommendations    "Also read", "Related", ... followed by short title lines or bullets
atx_heading        ``## Heading`` (Markdown; html2text)
setext_heading     a line underlined with ``===`` or ``---``
thematic_break     ``***``, ``---``, ``___`` and longer runs, spaced or not
numbered_heading   ``2. Results``, ``2.1 Method``: one short line, then body text
list               bullets ``• · ▪ ◦ ‣ - * + –``, numbers ``1.`` ``1)`` ``(a)`` ``i.``
indented_commands  commands or code set in past the body (a README's "Run this:")
quote              ``> text`` (Markdown) or a run indented past the body (lynx, w3m)
indented_code      Markdown code indented by four columns after a blank line
preformatted       lynx ``<pre>``: lines set left of the indented body
paragraph          everything else, wrapped lines joined back
=================  =========================================================================

Pieces keep their raw text; the parser labels short lines as headings, reads front matter
and drops boilerplate before turning pieces into model blocks (see ``parser.py``).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, overload

from articlekit.model import Table, TableCell, TableRow
from articlekit.text.commands import reads_as_commands
from articlekit.text.drawn import (
    MIN_ALIGNED_ROWS,
    DrawnTable,
    read_aligned,
    read_drawn_table,
    read_grouped,
)
from articlekit.text.htmlblocks import (
    HtmlSpan,
    build_html_blocks,
    html_block_spans,
    scoring_text,
    shows_raw_html,
    span_html,
    with_lines,
)
from articlekit.text.inline import LinkTarget, parse_inlines, strip_markup
from articlekit.text.lines import (
    HARD_BREAK,
    LYNX_MARGIN,
    UNWRAPPED_PARAGRAPH_CHARS,
    WRAP_SLACK_COLUMNS,
    Layout,
    Lines,
    beside_cell_gap,
    blanked,
    display_width,
    is_wide,
    wrapped_greedily,
)
from articlekit.text.rawhtml import MIN_MARKUP_LINES, markup_line_numbers
from articlekit.text.tables import (
    build_table,
    closes_rows,
    delimiter_columns,
    first_row_heads,
    header_cells,
    is_layout_table,
    row_cells,
    table_text,
)
from articlekit.text.vocab import (
    ALSO_READ_LINE,
    BYLINE,
    is_boilerplate_line,
    is_reading_list_heading,
    is_recommendation_heading,
    opens_with_also_read_label,
)

if TYPE_CHECKING:
    from articlekit.model import Block

__all__ = [
    "BLOCK_RULES",
    "Item",
    "Piece",
    "PieceKind",
    "RecItem",
    "State",
    "join_lines",
    "list_marker",
    "parse_blocks",
]

PieceKind = Literal[
    "paragraph",
    "heading",
    "list",
    "quote",
    "code",
    "rule",
    "recommendations",
    "caption",
    "dropped",
    # a block built whole (``Piece.block``): a raw HTML block of Markdown, read by the
    # HTML block builder (text/htmlblocks.py), or a pipe table (text/tables.py)
    "html",
]
HeadingOrigin = Literal["atx", "setext", "numbered", "caps", "short", "flush"]


@dataclass(slots=True)
class Item:
    """One list item: its text and the pieces nested in it (sub-lists, more paragraphs)."""

    text: str
    children: list[Piece] = field(default_factory=list)
    #: The alt text of a picture that opened the item ("Screenshot"), not part of ``text``.
    alt: str = ""


@dataclass(slots=True)
class RecItem:
    """One recommended article as found: its title text (markup still in) and line."""

    text: str
    line: int


@dataclass(slots=True)
class Piece:
    """A block found by a rule: its kind, 0-based line range and raw text."""

    kind: PieceKind
    first: int
    last: int
    text: str = ""
    level: int = 0
    origin: HeadingOrigin | None = None
    ordered: bool = False
    start: int = 1
    items: list[Item] = field(default_factory=list)
    children: list[Piece] = field(default_factory=list)
    rec_title: str | None = None
    rec_items: list[RecItem] = field(default_factory=list)
    language: str | None = None
    #: Indent of the piece's first line, in columns.
    indent: int = 0
    #: Number of lines the piece spans that hold text.
    line_count: int = 1
    #: For an ``html`` piece, the block the HTML block builder (or ``pipe_table``) made.
    block: Block | None = None
    #: The ``html`` piece is a pipe table's (``pipe_table``), not a raw HTML block's.
    pipe_table: bool = False
    #: A browser's copy: the pieces of a run read as a list once the page filter has
    #: scored them line by line share this number (``tag_copy_item_runs``); 0 for none.
    copy_group: int = 0
    #: ... and each piece's items: first and last line, and whether it is a heading
    #: among the items (a line of its own) rather than an item.
    copy_items: list[tuple[int, int, bool]] = field(default_factory=list)
    #: A paragraph whose lines the writer broke (:func:`meant_breaks`: a poem, an
    #: address): its text with those breaks kept as ``HARD_BREAK``, for its content;
    #: empty for others. ``text`` joins them with spaces, so the rules that read a
    #: piece's text (title, kicker, page filter) read it as they always did.
    broken_text: str = ""


@dataclass(slots=True)
class State:
    """What every rule reads: the lines, their layout, lynx URLs; and the pieces so far."""

    lines: Lines
    layout: Layout
    end: int
    urls: Mapping[int, str] = field(default_factory=dict)
    pieces: list[Piece] = field(default_factory=list)
    #: False inside a quote, so that quotes do not nest (and cannot recurse).
    allow_quote: bool = True
    #: Whether list markers at the body margin are the page's typed text (a text
    #: browser's wrapped rendering, see :func:`margin_markers_typed`); None until asked.
    typed_margin: bool | None = None
    #: Markdown's link reference definitions by label, for a table's cells.
    refs: Mapping[str, LinkTarget] = field(default_factory=dict)
    #: The text's URL, for the links of raw HTML blocks read inside a quote.
    url: str | None = None
    #: Where a pipe table's header row may stand from (its content indent inside a list
    #: item, see :func:`_item_table`), in columns.
    table_indent: int = 0
    #: A browser's copy: each line's text (a section anchor left out) with the last line
    #: holding it (:func:`_copy_last_lines`); None until asked.
    copy_last_line: dict[str, int] | None = None
    #: The least indent of the text's lines, its left margin (:func:`_text_margin`); None
    #: until asked.
    margin: int | None = None


Rule = Callable[[State, int, bool], "int | None"]

# ---------------------------------------------------------------------------- helpers

_HYPHEN_WRAP = re.compile(r"[^\W\d_]-$")


# w3m also breaks a line where an inline element starts or ends although no space is
# there: after a superscript's "^", an opening bracket or quote, a "/" inside a word, a
# "#" or "@" of a hashtag or handle; before a citation mark "[12]" or "^[12]", a comma,
# a full stop or a closing bracket or quote (straight or curly) followed by a space, an
# em dash glued to the next word, a colon glued to the next word (a citation's linked
# "doi" before ":10.1111/…"; a colon never opens a line after a wrap at a space, and a
# French " : " has a space after it), and after a citation's identifier label glued to
# its colon ("doi:" / "10.1016/…", "Bibcode:" / "2000MarGR…": the label and the
# identifier are two links, CS1's "doi:10.1016/…"). Such a wrap is joined without a space.
_TIGHT_END = re.compile(
    r"(?:\^|[(\[“‘]|(?<=\S)[/—]|(?:^|(?<=[\s\"“(]))[#@]|(?:^|(?<=\s))\""
    r"|(?:^|(?<=\s))(?:doi|Bibcode|arXiv|hdl):)$"
)
_TIGHT_START = re.compile(
    r"\^?\[(?:\d{1,4}|[a-z][a-z ]{2,30})\]|[,.)\]](?:\s|$|[,.;:)\]\[^])|—\S|[\"”’](?:\s|$|[,.;:])"
    r"|:\S"
)


def _tight_wrap(before: str, after: str) -> bool:
    """Return True when the wrap between ``before`` and ``after`` had no space (w3m)."""
    return bool(_TIGHT_END.search(before) or _TIGHT_START.match(after))


def wraps_tight(state: State) -> bool:
    """Return True when the text's wraps at inline edges had no space (w3m's layout).

    lynx marks links and html2text writes Markdown, so only a plain, unindented dump
    without a lynx reference list wraps that way.
    """
    return not state.layout.markdown and not state.layout.lynx and not state.urls


def _mixed_script_wrap(before: str, after: str) -> bool:
    """Return True when a wrap falls between a wide (CJK) character and a Latin letter,
    digit or bracket, either way round."""
    last, first = before[-1], after[0]
    if is_wide(last) == is_wide(first):
        return False
    narrow = first if is_wide(last) else last
    return narrow.isalnum() or narrow in "()[]"


def join_lines(parts: list[str], *, tight: bool = False, full: Sequence[bool] = ()) -> str:
    """Return wrapped ``parts`` joined into one line.

    A line ending in a hyphen right after a letter was wrapped at that hyphen (lynx, w3m
    and html2text only ever break at an existing hyphen), so the hyphen stays and no
    space is added: ``proof-of-`` + ``concept`` is ``proof-of-concept``. Between two wide
    (CJK) characters no space is added either. With ``tight`` (w3m), a wrap at an inline
    element's edge where the page had no space gets none (see :func:`_tight_wrap`).
    """
    out: list[str] = []
    for index, part in enumerate(parts):
        hyphen = bool(out) and bool(_HYPHEN_WRAP.search(out[-1])) and part[:1].isalnum()
        if hyphen or (tight and out and part and _tight_wrap(out[-1], part)):
            out[-1] = out[-1] + part
        elif (
            tight
            and out
            and part
            and index - 1 < len(full)
            and full[index - 1]
            and _mixed_script_wrap(out[-1], part)
        ):
            # w3m breaks a filled line between Chinese and Latin text where the page
            # had no space ("Nasa" / "安全负责人", "（" / "think-drink）")
            out[-1] = out[-1] + part
        elif out and part and is_wide(out[-1][-1]) and is_wide(part[0]):
            # Chinese and Japanese are written without spaces: a wrap adds none
            out[-1] = out[-1] + part
        else:
            out.append(part)
    return " ".join(out)


def line_breaks(state: State, start: int, end: int) -> list[int]:
    """Return the lines of a paragraph ``[start, end)`` that start on a line of their own
    (a ``<br>``), not after a wrap.

    - Markdown (html2text): the line before ends in two spaces, Markdown's hard break.
      A wrap that falls on a double space in the page's text ("passed to the
      `Request()`") leaves two trailing spaces too, so they count only where the next
      line's first word would have fitted on the line.
    - w3m and lynx: the line begins with a list marker the page typed itself ("1.
      Finland" / "2. Norway" joined by ``<br>``, see :func:`is_typed_bullet`) and the line
      before ended early.
    """
    lines = state.lines
    layout = state.layout
    hard = lines.hard_break  # empty for the lines of an indented quote's inside
    out = []
    for i in range(start + 1, end):
        if layout.markdown:
            if (hard and hard[i - 1] and not _wrapped_here(lines, i - 1, layout)) or (
                backslash_break(lines.text[i - 1])
            ):
                out.append(i)
            continue
        text = lines.text[i]
        if not text or _wrapped_here(lines, i - 1, layout, gap=1):
            continue
        marker = list_marker(text)
        if marker is not None and is_typed_bullet(state, i, marker):
            out.append(i)
    return out


# A line that opens a question or its answer in an interview or a FAQ typed line by line:
# "Q: How long ...?", "A: About ...", "Question:", "Answer:", the German "F:", "Frage:",
# "Antwort:" (bold in Markdown, "**Q:**", or a space before the colon, "Question :").
_EXCHANGE_LABEL = re.compile(
    r"(?:\*\*|__)?(q|question|f|frage|a|answer|antwort)(?:\*\*|__)?\s?:(?:\*\*|__)?\s+\S",
    re.IGNORECASE,
)
_QUESTION_LABELS = frozenset(("q", "question", "f", "frage"))


def exchange_breaks(parts: Sequence[str], start: int) -> list[int]:
    """Return the lines of a paragraph (its lines ``parts``, the first numbered
    ``start``) that open a question or an answer, when it holds both: each "Q:" and each
    "A:" starts a line of its own (a line break), in any layout, however long its lines.

    A writer who types an interview or a FAQ as "Q: How long ...?" over "A: About ..."
    breaks the line there; joined, the questions and answers read as one paragraph. A
    label alone ("A: ..." in prose) changes nothing: a question's label and an answer's
    both open a line of the paragraph."""
    labels = [_EXCHANGE_LABEL.match(part) for part in parts]
    kinds = {match.group(1).lower() in _QUESTION_LABELS for match in labels if match}
    if len(kinds) < 2:
        return []
    return [start + i for i, match in enumerate(labels) if match is not None and i > 0]


def join_item_lines(parts: list[str], *, tight: bool, markdown: bool) -> str:
    """Return a list item's lines joined as :func:`join_lines` joins them, with a Markdown
    line that ends in a backslash break (markdownify, pandoc, articlekit's own Markdown:
    "1. **The handoff**\\" over the item's text) kept as a line break."""
    if not markdown or not any(backslash_break(part) for part in parts[:-1]):
        return join_lines(parts, tight=tight)
    runs: list[list[str]] = [[]]
    for index, part in enumerate(parts):
        if index < len(parts) - 1 and backslash_break(part):
            runs[-1].append(part[:-1].rstrip())
            runs.append([])
        else:
            runs[-1].append(part)
    return HARD_BREAK.join(join_lines(run, tight=tight) for run in runs if run)


def backslash_break(text: str) -> bool:
    """Say whether a Markdown line ends in CommonMark's other hard line break: a backslash
    (one not escaped by another: ``\\\\`` is a backslash of the text). markdownify and
    pandoc write a ``<br>`` so."""
    if not text.endswith("\\"):
        return False
    return (len(text) - len(text.rstrip("\\"))) % 2 == 1


def _wrapped_here(lines: Lines, index: int, layout: Layout, gap: int = 2) -> bool:
    """Return True when line ``index`` ends where a wrap at the layout's width ends it:
    the first word of the next line would not have fitted after it, ``gap`` spaces
    between (two after Markdown's two trailing spaces)."""
    return layout.wrap_width is not None and _wrapped_after(lines, index, layout.wrap_width, gap)


# w3m draws nested levels with • ◦ ▪ □ ☆ (and more), lynx with * + o # @.
_BULLETS = "•·▪◦‣-*+–○■□►▸●☆★◇◆▫◻◼✓✔➢➤"
_BULLET = re.compile(r"([" + re.escape(_BULLETS) + r"])(?:[ \t]+|$)")
# Bullets that never start a wrapped line of prose, unlike "-", "*", "+", "–", "·".
_SYMBOL_BULLETS = "".join(ch for ch in _BULLETS if ch not in "-*+–·")
_ORDERED = re.compile(
    r"(?:(\d{1,9})[.)]|\((\d{1,9})\)|\(([a-z]|[ivx]{1,5})\)|([a-z])[.)]"
    r"|([ivx]{1,5})[.)])(?:[ \t]+|$)"
)
_ROMAN = {"i": 1, "v": 5, "x": 10}


@dataclass(slots=True, frozen=True)
class Marker:
    """A list marker: ``ordered``, its number, its width in columns, its style key."""

    ordered: bool
    number: int
    width: int
    style: str


def _roman(text: str) -> int:
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN[ch]
        if i + 1 < len(text) and _ROMAN[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return max(total, 0)


# lynx marks nested list levels with "+", "o", "#", "@": letters and signs that also
# start ordinary lines, so they count as bullets only inside a list, deeper than its top.
_NESTED_BULLETS = "o#@"


def list_marker(line: str, *, nested: bool = False) -> Marker | None:
    """Return the list marker ``line`` (stripped) starts with, or None.

    ``nested`` also accepts lynx's bullets of deeper levels (``o``, ``#``, ``@``).
    """
    if not line:
        return None
    first = line[0]
    if nested and first in _NESTED_BULLETS and line[1:2] == " " and len(line) > 2:
        return Marker(ordered=False, number=0, width=2, style="bullet")
    if first in _BULLETS:
        match = _BULLET.match(line)
        if match is None or match.end() == len(line):
            return None
        return Marker(ordered=False, number=0, width=match.end(), style="bullet")
    if not (first.isdigit() or first == "(" or "a" <= first <= "z"):
        return None
    match = _ORDERED.match(line)
    if match is None or match.end() == len(line):
        return None
    number, paren_number, paren_letter, letter, roman = match.groups()
    if number or paren_number:
        return Marker(
            ordered=True, number=int(number or paren_number), width=match.end(), style="number"
        )
    if roman:
        return Marker(ordered=True, number=_roman(roman), width=match.end(), style="roman")
    token = paren_letter or letter or "a"
    if len(token) > 1 or token in "ivx":
        return Marker(ordered=True, number=_roman(token), width=match.end(), style="roman")
    return Marker(ordered=True, number=ord(token) - ord("a") + 1, width=match.end(), style="letter")


# The bullets a page types at the start of a line as often as a tool draws them. "•" is left
# out: read as a list, an infobox's "• Row" lines keep their table's text in the article
# (as a paragraph of links the page filter drops them; -0.0006 token F1 on lynx and
# html2text, against 13 and 16 list items gained).
_TYPED_BULLETS = "*+-"


def is_typed_bullet(state: State, index: int, marker: Marker) -> bool:
    """Return True when the bullet of line ``index`` is text the page typed, not a list.

    Text browsers draw a list's bullets themselves, indented past the body: lynx sets them
    two columns right of its 3-column margin (``*``, ``+``, ``o`` by level), so a bullet
    at or left of that margin is the page's own character ("+ Added X" lines joined by
    ``<br>``, "•" in an infobox's cells). html2text ends each line of a ``<br>``-broken
    paragraph with a hard break ("  "): a bullet right after such a line is one more line of
    that paragraph (html2text escapes "+", "-" and "1." there, not "*").
    """
    layout = state.layout
    lines = state.lines
    if is_foreign_marker(layout, lines.text[index], marker):
        return True
    if is_typed_at_margin(state, index, marker):
        return True
    if is_lynx_row_label(state, index):
        return True
    if marker.ordered or lines.text[index][0] not in _TYPED_BULLETS:
        return False
    if layout.lynx and layout.body_indent and lines.indent[index] <= layout.body_indent:
        return True
    return (
        layout.markdown
        and index > 0
        and bool(lines.hard_break)
        and lines.hard_break[index - 1]
        and not lines.blank[index - 1]
    )


def is_lynx_row_label(state: State, index: int) -> bool:
    """Return True for a "•" a page typed in a table's label cell, as lynx shows it.

    lynx draws its bullets ``* + o # @`` past its 3-column margin, never "•": a "•" line at
    the margin is the page's own text. It is a list the page typed when its lines run on
    ("• a<br>• b", a line wrapped back to the margin), and a table row when a short label
    ("• Monarch", "• Total") stands over its value ("Elizabeth II") at the margin: the
    line ended early, and the line under it opens no item of its own.
    """
    layout = state.layout
    lines = state.lines
    if not layout.lynx or not layout.body_indent or lines.text[index][0] != "•":
        return False
    nxt = index + 1
    if lines.indent[index] > layout.body_indent or nxt >= state.end or lines.blank[nxt]:
        return False
    width = layout.wrap_column or LYNX_WRAP_COLUMNS
    return (
        lines.indent[nxt] == lines.indent[index]
        and list_marker(lines.text[nxt]) is None
        and not _wrapped_after(lines, index, width)
    )


# The list markers of Markdown (CommonMark), which html2text writes: "*", "-", "+" and
# "1." ("1)" elsewhere). Any other marker in Markdown is the page's own text. (lynx draws
# only "* + o # @" too, but reading its "•" lines as text cost the whole-page dumps 0.002
# F1: a page's "• a<br>• b" lines became one ragged paragraph the page filter dropped;
# +0.006 list-item F1 on the readability renderings. Only a table's row label is read as
# text there: see is_lynx_row_label.)
_MARKDOWN_BULLETS = "*+-"
_MARKDOWN_NUMBER = re.compile(r"\d{1,9}[.)]")


# w3m and lynx number an ordered list "1." (or "a.", "i." by its type) and right-align the
# numbers, so the first nine stand at least one column right of the body margin: w3m
# " 1." at column 1 (bullets at 2), lynx "    1." at 4 under its 3-column body. A
# one-digit number or a "* + -" bullet AT the margin is the page's own text ("1.
# Finland<br>2. Norway", "+ Added X<br>+ Added Y"), and so is any parenthesised marker
# ("1)", "(1)", "(a)"), which neither tool draws.
_TYPED_NUMBER = re.compile(r"\d[.)]")
_PAREN_MARKER = re.compile(r"\(?\w{1,5}\)")


def margin_markers_typed(state: State) -> bool:
    """Return True for a text browser's rendering, whose list markers stand inside the body
    margin: lynx (body at 3 columns), or a flush text that is not Markdown and whose lines
    break where a greedy wrap puts them (w3m). A copy-paste text (one line per paragraph)
    and a short note that never wraps keep their typed lists. Measured once per text."""
    if state.typed_margin is None:
        layout = state.layout
        if layout.markdown:
            state.typed_margin = False
        elif layout.lynx:
            state.typed_margin = layout.body_indent > 0
        else:
            width = layout.wrap_column or layout.wrap_width
            state.typed_margin = (
                width is not None
                and layout.body_indent == 0
                and wrapped_greedily(state.lines, width, state.end)
                and (has_drawn_list(state) or typed_items_wrap_to_margin(state, width))
            )
    return state.typed_margin


# The bullets w3m draws for its list levels (it sets them two or more columns in).
_DRAWN_BULLETS = frozenset("•◦▪□■○●☆")


def has_drawn_list(state: State) -> bool:
    """Return True when the text holds a list a text browser drew: a w3m bullet (``•``,
    ``◦``, ``□`` ...) set in from the margin, or a number set in by one or more columns
    (w3m right-aligns its numbers). A hard-wrapped text that is no browser's rendering (a
    newsletter, an e-mail, ``pandoc -t plain``) has only the markers its author typed, at
    the margin, and those are its lists.
    """
    lines = state.lines
    for i in range(state.end):
        if lines.blank[i] or not lines.indent[i]:
            continue
        text = lines.text[i]
        if text[0] in _DRAWN_BULLETS and text[1:2] == " ":
            return True
        if text[0].isdigit() and _DRAWN_NUMBER.match(text):
            return True
    return False


_DRAWN_NUMBER = re.compile(r"\d{1,3}\.\s")

# Typed marker lines ("+ Added X") that must stand together, one right under the other,
# for a wrap of one of them to tell how the text was wrapped: a single line starting
# with "- " after an early line end is as often a prose line's dash. On the dev
# renderings the one text with such a run that wraps (tumblr: 61 "+ * -" lines of one
# <p>, three of them wrapped) has 61; no other w3m text has a run of even two.
MIN_TYPED_RUN_LINES = 2


def typed_items_wrap_to_margin(state: State, width: int) -> bool:
    """Return True when a marker line the page typed at the margin ("+ Added X") wraps,
    and its wrapped rest goes back to the margin, under the marker.

    Whoever wrapped such a line did not know it for a list item: a browser wrapping a
    paragraph that holds ``<br>``-broken lines. A tool that draws a list, and an author
    who hard-wraps a typed list, hang an item's rest under its text (w3m, lynx, pandoc
    by the marker's width; an editor's fill by the item's indent). The line counts only
    when a greedy wrap ended it (the next line's first word would not have fitted at
    ``width`` columns), it started a line of its own (after a blank line, or after a line
    that ended early) and it stands in a run of at least :data:`MIN_TYPED_RUN_LINES`
    typed marker lines.
    """
    lines = state.lines
    for i in range(state.end - 1):
        if not _typed_margin_line(lines, i) or not _typed_run(lines, i, state.end):
            continue
        nxt = i + 1
        if lines.blank[nxt] or lines.indent[nxt] != 0 or list_marker(lines.text[nxt]):
            continue
        if i > 0 and not lines.blank[i - 1] and _wrapped_after(lines, i - 1, width):
            continue  # the marker line is itself a wrapped prose line ("… Bush\n- and …")
        if _wrapped_after(lines, i, width):
            return True
    return False


def _typed_margin_line(lines: Lines, index: int) -> bool:
    """Return True when line ``index`` starts at the margin with a marker a page types:
    ``* + -`` or a one-digit number and ``.``, one space after (see :data:`_TYPED_BULLETS`)."""
    if lines.blank[index] or lines.indent[index]:
        return False
    text = lines.text[index]
    marker = list_marker(text)
    if marker is None or not _one_space_after(text, marker):
        return False
    if marker.ordered:
        return _TYPED_NUMBER.match(text) is not None and text[1] == "."
    return text[0] in _TYPED_BULLETS


def _typed_run(lines: Lines, index: int, end: int) -> bool:
    """Return True when line ``index`` has a typed marker line right above or below it
    (:data:`MIN_TYPED_RUN_LINES` in all), with only its wrapped rest between."""
    count = 1
    for step in (-1, 1):
        j = index + step
        while 0 <= j < end and not lines.blank[j] and count < MIN_TYPED_RUN_LINES:
            if _typed_margin_line(lines, j):
                count += 1
            elif lines.indent[j] or list_marker(lines.text[j]):
                break
            j += step
    return count >= MIN_TYPED_RUN_LINES


def _wrapped_after(lines: Lines, index: int, width: int, gap: int = 1) -> bool:
    """Return True when a greedy wrap at ``width`` columns ended line ``index``: the next
    line's first word would not have fitted after it, ``gap`` spaces between."""
    first = lines.text[index + 1].split(" ", 1)[0]
    return lines.width[index] + gap + display_width(first) > width


def is_typed_at_margin(state: State, index: int, marker: Marker) -> bool:
    """Return True when line ``index`` starts with a marker a text browser never draws
    there: a "* + -" bullet or a one-digit number at the body margin, or a parenthesised
    marker anywhere (see :data:`_TYPED_NUMBER`)."""
    layout = state.layout
    if not margin_markers_typed(state):
        return False
    text = state.lines.text[index]
    if marker.ordered and _PAREN_MARKER.match(text):
        return True
    if state.lines.indent[index] > layout.body_indent or not _one_space_after(text, marker):
        return False
    if marker.ordered:
        return _TYPED_NUMBER.match(text) is not None
    return text[0] in _TYPED_BULLETS or (text[0] == W3M_ICON and not layout.lynx)


# w3m draws a small picture without alt text (an icon: Wikimedia Commons' logo, a flag) as
# "●"; it draws "●" as a bullet too, but only for <ul type="disc"> and, like every bullet,
# inside the margin. At the margin, or right after an item's bullet ("• ● Wikimedia
# Atlas"), it is the icon: no text of the page.
W3M_ICON = "●"
_W3M_ICON_START = re.compile(W3M_ICON + r" +(?=\S)")


def without_w3m_icon(state: State, text: str) -> str:
    """Return an item's first line without the "●" of a w3m icon before its text."""
    if state.layout.lynx or state.layout.markdown or not text.startswith(W3M_ICON):
        return text
    match = _W3M_ICON_START.match(text)
    return text[match.end() :] if match else text


def _one_space_after(text: str, marker: Marker) -> bool:
    """Return True when one space follows the marker, as a page types it ("+ Added X").

    pandoc's plain text sets its lists flush left too, but pads each marker to four
    columns ("-   Themes", "1.  First"): those are drawn lists.
    """
    return marker.width >= 2 and text[marker.width - 1] == " " and text[marker.width - 2] != " "


def is_foreign_marker(layout: Layout, line: str, marker: Marker) -> bool:
    """Return True when ``marker`` is one the tool that wrote ``line`` never draws.

    In Markdown (html2text) a list item starts with ``*``, ``-``, ``+`` or a number and
    ``.`` / ``)``: a ``•`` line is the page's own text (an infobox's "• Monarch" cells),
    and so are ``(1)``, ``(a)``, ``a.``, ``iv.`` (a tweet's "(1) Think of a noun" lines).
    """
    if not layout.markdown:
        return False
    if marker.ordered:
        return not _MARKDOWN_NUMBER.match(line)
    return line[0] not in _MARKDOWN_BULLETS


def _starts_list(marker: Marker) -> bool:
    """Return True when ``marker`` may open a list: a bullet, or a number/letter 0 or 1."""
    return marker.style == "bullet" or marker.number <= 1


# ---------------------------------------------------------------------------- rules

_FENCE = re.compile(r"(`{3,}|~{3,})\s*([\w+#.-]{0,40})")


def fence(state: State, start: int, silent: bool) -> int | None:
    """```` ``` ```` / ``~~~`` fenced code up to the matching fence (or the end)."""
    match = _FENCE.fullmatch(state.lines.text[start])
    if match is None:
        return None
    if silent:
        return start + 1
    marker = match.group(1)
    end = start + 1
    body: list[str] = []
    base = state.lines.indent[start]
    while end < state.end and not state.lines.text[end].startswith(marker):
        indent = max(0, state.lines.indent[end] - base)
        body.append(" " * indent + state.lines.text[end])
        end += 1
    last = min(end, state.end - 1)
    state.pieces.append(
        Piece(
            kind="code",
            first=start,
            last=last,
            text="\n".join(body),
            language=match.group(2) or None,
        )
    )
    return min(end + 1, state.end)


# A wrapped heading spans at most this many lines (a long link URL takes two).
MAX_HEADING_LINES = 4


def _open_link(parts: list[str]) -> bool:
    """Return True when Markdown link brackets opened in ``parts`` are not closed yet."""
    text = " ".join(parts)
    return text.count("[") > text.count("]") or text.count("](") > text.count(")")


_BARE_ATX = re.compile(r"(#{1,6})")
_ATX = re.compile(r"(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")


def atx_heading(state: State, start: int, silent: bool) -> int | None:
    """``#`` to ``######`` then text: a heading of that many hashes (normalised later)."""
    line = state.lines.text[start]
    if not line.startswith("#"):
        return None
    lines = state.lines
    bare = _BARE_ATX.fullmatch(line) if state.layout.markdown else None
    if bare is not None:
        # html2text writes "##" alone when the heading starts with a line break; its
        # text follows on the next line
        below = start + 1
        if below >= state.end or lines.blank[below] or lines.text[below].startswith("#"):
            return None
        if silent:
            return start + 1
        parts = [lines.text[below]]
        last = below
        level = len(bare.group(1))
    else:
        match = _ATX.match(line[:2000])
        if match is None or not match.group(2).strip("# "):
            return None
        if silent:
            return start + 1
        parts = [match.group(2).strip()]
        last = start
        level = len(match.group(1))
    # html2text wraps long headings too: the next lines continue a full heading line, or
    # one that leaves a link open ("## [A title in a" / "link](https://...)"). It always
    # writes a blank line after a heading, so in its Markdown any line right below is the
    # heading's: a wrap before a long link, or a <br> inside the heading.
    while (
        len(parts) < MAX_HEADING_LINES
        and last + 1 < state.end
        and not lines.blank[last + 1]
        and (state.layout.markdown or state.layout.is_full(lines.width[last]) or _open_link(parts))
        and not _BREAK.fullmatch(lines.text[last + 1])
        and not lines.text[last + 1].startswith("#")
        and list_marker(lines.text[last + 1]) is None
    ):
        last += 1
        parts.append(lines.text[last])
    state.pieces.append(
        Piece(
            kind="heading",
            first=start,
            last=last,
            text=join_lines(parts),
            level=level,
            origin="atx",
            line_count=last - start + 1,
        )
    )
    return last + 1


_UNDERLINE = re.compile(r"(=+|-+)")
# An underline shorter than this is a dash or a stray "=" line, not a setext underline.
MIN_UNDERLINE_CHARS = 3


def _is_table_head_rule(state: State, start: int) -> bool:
    """Return True when the ``---`` under line ``start`` of Markdown is a table's rule,
    not a setext underline: the line ends in a hard line break (two spaces).

    html2text writes a table of one column as its rows, each ending in a hard break, with
    ``---`` under the header row ("Most active developers  " / "---  " / "| By
    changesets  "), and an image in such a table as its link, wrapped ("…/block-" /
    "diagram.png)  " / "---  "); it writes every heading in ``#``. On the readability
    renderings (html2text) 14 such lines were read as headings (lwn-1's tables of
    contributors, blogger's figures, wikipedia-2's and hukumusume's tables), none is one:
    heading F1 0.940 -> 0.954, without wraps 0.947 -> 0.959. The rule stays in the
    paragraph, with the table's rows.
    """
    hard = state.lines.hard_break
    return state.layout.markdown and bool(hard) and hard[start]


def setext_heading(state: State, start: int, silent: bool) -> int | None:
    """A text line underlined by ``===`` (level 1) or ``---`` (level 2) on the next line."""
    below = start + 1
    if below >= state.end or state.lines.blank[below]:
        return None
    under = state.lines.text[below]
    if len(under) < MIN_UNDERLINE_CHARS or under[0] not in "=-":
        return None
    if _UNDERLINE.fullmatch(under) is None:
        return None
    line = state.lines.text[start]
    if list_marker(line) is not None or _UNDERLINE.fullmatch(line):
        return None
    if _is_table_head_rule(state, start):
        return None
    if not silent:
        state.pieces.append(
            Piece(
                kind="heading",
                first=start,
                last=below,
                text=line,
                level=1 if under[0] == "=" else 2,
                origin="setext",
            )
        )
    return below + 1


# w3m draws <hr> with box-drawing lines ("━━━━", "────") across the page.
_RULE_CHARS = "-*_=━─═"
_BREAK = re.compile(r"(?:([-*_=━─═])[ \t]*)(?:\1[ \t]*){2,}")


def thematic_break(state: State, start: int, silent: bool) -> int | None:
    """Three or more ``-``, ``*``, ``_`` or ``=`` (or w3m's ``━``), alone on the line."""
    line = state.lines.text[start]
    if not line or line[0] not in _RULE_CHARS or _BREAK.fullmatch(line[:2000]) is None:
        return None
    if not silent:
        state.pieces.append(Piece(kind="rule", first=start, last=start))
    return start + 1


_NUMBERED_HEADING = re.compile(r"(\d{1,3}(?:\.\d{1,2}){0,4})([.)]?)[ \t]+(\S.{0,118})")
# A numbered heading is short: longer numbered lines are list items or sentences.
MAX_NUMBERED_HEADING_CHARS = 100


def _at_indented_body(state: State, start: int) -> bool:
    """Return True when line ``start`` stands at or right of an indented body's margin.

    lynx sets every heading flush left of its 3-column body: a numbered line at the body
    margin, alone between blank lines over body text, is a paragraph the page typed
    ("1. Take any blankets off the bed" in a <p>), neither a heading nor a list item.
    On the readability renderings all 23 numbered lynx headings of the truth stand at
    column 0, and the 11 numbered lines at column 3 were paragraphs or table cells.
    """
    indent = state.layout.body_indent
    return indent > 0 and state.lines.indent[start] >= indent


# In a text field (``Layout.line_blocks``) no blank line sets a numbered heading apart:
# it is a numbered line right over a longer line of body text, not under another numbered
# line or list item (a run of "1. x" lines is a list). On the text-field renderings of
# the readability pages, 26 numbered headings ("1) Lady Bird", "5. Beware the wall-mounted
# hairdryer") were read as one-item lists.


def _field_heading_body(state: State, start: int) -> int | None:
    """Return the line of body text under a numbered heading of a text field, or None."""
    lines = state.lines
    before = start - 1
    while before >= 0 and lines.blank[before]:
        before -= 1
    if before >= 0 and (
        list_marker(lines.text[before]) is not None
        or _NUMBERED_HEADING.fullmatch(lines.text[before][:120])
    ):
        return None
    following = lines.next_nonblank(start + 1)
    if following >= state.end or len(lines.text[following]) <= len(lines.text[start]):
        return None
    return following


def numbered_heading(state: State, start: int, silent: bool) -> int | None:
    """``2. Results`` or ``2.1 Method``: a lone short line, a blank, then body text.

    The heading keeps its number; the level is 2 plus the depth of the number (``2.1`` is
    3). A run of ``1. x`` lines is
    a list: the line must stand alone between blank lines and the next block must not be
    another numbered line.
    """
    line = state.lines.text[start]
    if not line[:1].isdigit() or len(line) > MAX_NUMBERED_HEADING_CHARS:
        return None
    if state.layout.markdown and list_marker(line) is not None:
        return None  # Markdown's "1. x" is a list item (converters write "1\\. x" for text)
    match = _NUMBERED_HEADING.fullmatch(line)
    if match is None:
        return None
    number, dot, title = match.groups()
    if not dot and "." not in number:
        return None  # "2 apples" is text
    title = strip_markup(
        title, markdown=state.layout.markdown, lynx=bool(state.urls), html=state.layout.html
    )
    # an exclamation may end a heading ("15) Mother!", a film's title), as for unnumbered ones
    if not title or title[-1] in ".,;:" or not (title[0].isupper() or title[0].isdigit()):
        return None
    if state.layout.line_blocks:
        following = _field_heading_body(state, start)
        if following is None:
            return None
    else:
        if start > 0 and not state.lines.blank[start - 1]:
            return None
        if state.layout.copy and beside_cell_gap(state.lines, start, start):
            return None  # a table's cell holding a figure ("8.0 MB (-89%)")
        after = start + 1
        if after < state.end and not state.lines.blank[after]:
            return None
        following = state.lines.next_nonblank(after)
    if following >= state.end:
        return None
    nxt = state.lines.text[following]
    if list_marker(nxt) is not None or _NUMBERED_HEADING.fullmatch(nxt[:120]):
        return None
    if not silent:
        if _at_indented_body(state, start):
            # the page's own numbered line: a paragraph, neither heading nor list item
            state.pieces.append(
                Piece(
                    kind="paragraph",
                    first=start,
                    last=start,
                    text=line,
                    indent=state.lines.indent[start],
                )
            )
        else:
            state.pieces.append(
                Piece(
                    kind="heading",
                    first=start,
                    last=start,
                    text=line,
                    level=min(6, 2 + number.count(".")),
                    origin="numbered",
                )
            )
    return start + 1


# A recommended title is short; longer lines are prose and end the block.
MAX_REC_TITLE_CHARS = 180
# A chunk of more lines than this is a paragraph, not a title (a wrapped title takes 2-3).
MAX_REC_CHUNK_LINES = 4
MAX_REC_ITEMS = 40
# Blank lines in a row that end a recommendation block.
MAX_REC_BLANK_RUN = 3


def _rec_chunk_ends_block(state: State, first: int, last: int) -> bool:
    lines = state.lines
    if last - first + 1 > MAX_REC_CHUNK_LINES:
        return True
    for i in range(first, last + 1):
        text = lines.text[i]
        if len(
            strip_markup(
                text, markdown=state.layout.markdown, lynx=bool(state.urls), html=state.layout.html
            )
        ) > (MAX_REC_TITLE_CHARS):
            return True
        if text.startswith("#") or is_boilerplate_line(text) or _BREAK.fullmatch(text[:200]):
            return True
    joined = " ".join(lines.text[first : last + 1])
    # prose: a chunk that ends a sentence and runs over two wrapped lines
    return joined.endswith(".") and state.layout.is_full(lines.width[first])


def _links_end_here(state: State, items: list[RecItem], first: int, last: int) -> bool:
    """Say whether a chunk without a link ends a Markdown block whose items are links.

    Where links show (Markdown), recommended titles are links: a block of them ends at
    the first chunk with none ("Step 2", the article's next paragraph after a "More Like
    This" box in its middle), which the seed layout's plain titles could not tell.
    """
    if not state.layout.markdown or not all("](" in item.text for item in items):
        return False
    return not any("](" in state.lines.text[i] for i in range(first, last + 1))


def _chunk_titles(state: State, first: int, last: int) -> list[RecItem]:
    lines = state.lines
    titles: list[RecItem] = []
    parts: list[str] = []
    part_start = first
    for i in range(first, last + 1):
        text = lines.text[i]
        marker = list_marker(text)
        if marker is not None:
            if parts:
                titles.append(RecItem(text=join_lines(parts), line=part_start))
                parts = []
            text = text[marker.width :]
        if not parts:
            part_start = i
        parts.append(text)
        if not state.layout.is_full(lines.width[i]):
            titles.append(RecItem(text=join_lines(parts), line=part_start))
            parts = []
    if parts:
        titles.append(RecItem(text=join_lines(parts), line=part_start))
    return titles


# A citation: a year in parentheses ("Bateman, David (2005)."), an ISBN or a DOI.
_CITATION = re.compile(r"\((?:\w+ )?\d{4}\)|\bISBN\b|\bdoi\b", re.IGNORECASE)


def _is_bibliography(heading: str, items: list[RecItem]) -> bool:
    """Return True when a "Further reading" block lists books and papers, not articles.

    Wikipedia's "Further reading" is the article's bibliography: most of its items cite a
    year in parentheses, an ISBN or a DOI. It is read as the article's list.
    """
    if not is_reading_list_heading(heading):
        return False
    cited = sum(1 for item in items if _CITATION.search(item.text))
    return cited * 2 > len(items)


# An "also read" line names one article: a title after the label, of this many characters
# at least (after the markup), and wrapped over this many lines at most.
MIN_ALSO_READ_TITLE_CHARS = 8
MAX_ALSO_READ_LINES = 3
# Two sentences after the label are prose ("Related: The council met. It voted ..."), not
# a title: a sentence's end, then a capital, a digit or a quote.
_TWO_SENTENCES = re.compile(r"\w[.!?]\s+[\"“‘'(\d\w]")


# What stands around an "also read" label: a bracket, bold marks, lynx's link number, the
# colon or bar after it.
_LABEL_EDGES = re.compile(r"^[\W_]*?(?:\[\d{1,5}\])?[\W_]*|[\W_]+$")
_LYNX_MARK = re.compile(r"\[\d{1,5}\]")


def _follows_paragraph(state: State, start: int) -> bool:
    """Return True when line ``start`` comes right under a paragraph's last line."""
    if start == 0 or state.lines.blank[start - 1] or not state.pieces:
        return False
    previous = state.pieces[-1]
    return previous.last == start - 1 and previous.kind == "paragraph"


def _also_read_item(state: State, index: int, parts: list[str]) -> RecItem | None:
    """Return the article an "also read" line names, else None: the title after the label
    (markup still in), when it reads like one title."""
    text = join_lines(parts)
    label = ALSO_READ_LINE.match(text)
    if label is None:
        return None
    title = text[label.end() :].rstrip()
    opening = text[: label.end()]
    mark = _LYNX_MARK.search(opening) if state.urls else None
    if mark is not None:
        title = mark.group() + title  # "[12]Read more: Title": the line is the link
    elif "[" in opening and title.count("]") > title.count("["):
        if "](" in title:
            title = "[" + title  # "[Read more: Title](url)": the label inside the link
        elif title.endswith("]"):
            title = title[:-1].rstrip()  # "[Related: Title]": the line's own bracket
    plain = strip_markup(
        title, markdown=state.layout.markdown, lynx=bool(state.urls), html=state.layout.html
    ).strip(" *_")
    if not MIN_ALSO_READ_TITLE_CHARS <= len(plain) <= MAX_REC_TITLE_CHARS:
        return None
    if plain[0].islower() or _TWO_SENTENCES.search(plain) or is_boilerplate_line(plain):
        return None
    return RecItem(text=title, line=index)


def also_read_line(state: State, start: int, silent: bool) -> int | None:
    """A line that names one other article after a "read this too" label and a colon:
    "Lire aussi : Title", "Read more: Title", "ALSO READ | Title" (``ALSO_READ_LINE``).

    Standing as a block of its own between the article's paragraphs, it is a
    recommendation block of one item, titled by its label, as the HTML parser makes an
    "Also read: <a>Title</a>" paragraph. Lines of the kind right under one another (no
    blank line between) are one block. In a wrapped layout the title may run on over the
    next lines (up to ``MAX_ALSO_READ_LINES``) when the line before is full; in a text of
    one block per line (a text field, a browser's copy) it is the line alone. Not taken:
    a title in lower case, two sentences, or less than ``MIN_ALSO_READ_TITLE_CHARS``.
    """
    lines = state.lines
    layout = state.layout
    one_line = layout.line_blocks or layout.copy or not layout.wrap_width
    items: list[RecItem] = []
    parts: list[str] = []
    first = start
    i = start
    while i < state.end and not lines.blank[i]:
        text = lines.text[i]
        if opens_with_also_read_label(text):
            if parts:
                item = _also_read_item(state, first, parts)
                if item is None:
                    return None
                items.append(item)
            parts, first = [text], i
        elif (
            one_line
            or len(parts) >= MAX_ALSO_READ_LINES
            or not (layout.is_full(lines.width[i - 1]) or _open_link(parts))
        ):
            break  # the next block, set right under the line
        else:
            parts.append(text)
        i += 1
    item = _also_read_item(state, first, parts)
    if item is None:
        return None
    items.append(item)
    if not silent:
        head = lines.text[start]
        label = ALSO_READ_LINE.match(head)
        title = _LABEL_EDGES.sub("", head[: label.end() if label else 0])
        state.pieces.append(
            Piece(
                kind="recommendations",
                first=start,
                last=i - 1,
                rec_title=title or None,
                rec_items=items,
                text=join_lines(list(lines.text[start:i])),
            )
        )
    return i


def recommendations(state: State, start: int, silent: bool) -> int | None:
    """A recommendation heading, then short title lines or bullets: "Also read" blocks.

    A second heading line right after the first (``Also Read`` / ``Article
    Recommendations``) belongs to the same block. The block ends at a blank-line run, a
    chunk of prose, a Markdown heading or a boilerplate line such as ``Share:``. A line
    that names one article after such a label and a colon is a block of its own
    (:func:`also_read_line`).
    """
    lines = state.lines
    if opens_with_also_read_label(lines.text[start]) and (
        state.layout.line_blocks or not _follows_paragraph(state, start)
    ):
        found = also_read_line(state, start, silent)
        if found is not None:
            return found
    if not is_recommendation_heading(lines.text[start]):
        return None
    if _follows_paragraph(state, start):
        return None  # the heading must start its own chunk
    i = start + 1
    headers = [lines.text[start]]
    items: list[RecItem] = []
    last_line = start
    while i < state.end:
        if lines.blank[i]:
            run_end = lines.next_nonblank(i)
            if run_end - i >= MAX_REC_BLANK_RUN and items:
                break
            i = run_end
            continue
        if is_recommendation_heading(lines.text[i]):
            if items:
                break  # the next block ("Lesen Sie auch" after "À lire aussi")
            headers.append(lines.text[i])
            last_line = i
            i += 1
            continue
        chunk_end = i
        while chunk_end + 1 < state.end and not lines.blank[chunk_end + 1]:
            chunk_end += 1
        if _rec_chunk_ends_block(state, i, chunk_end):
            break
        if items and _links_end_here(state, items, i, chunk_end):
            break
        items.extend(_chunk_titles(state, i, chunk_end))
        last_line = chunk_end
        i = chunk_end + 1
        if len(items) >= MAX_REC_ITEMS:
            break
    if not items or _is_bibliography(headers[0], items):
        return None
    if not silent:
        title = strip_markup(
            headers[0], markdown=state.layout.markdown, html=state.layout.html
        ).strip("#*_ :")
        state.pieces.append(
            Piece(
                kind="recommendations",
                first=start,
                last=last_line,
                rec_title=title or None,
                rec_items=items,
                text=" ".join(headers),
            )
        )
    return last_line + 1


def _interrupts_paragraph(state: State, index: int, para_indent: int) -> bool:
    """Return True when line ``index`` starts a new block in the middle of a paragraph."""
    lines = state.lines
    text = lines.text[index]
    first = text[0]
    if first in "`~" and fence(state, index, True) is not None:
        return True
    if _table_head(state, index) is not None:
        return True  # a pipe table's header row (Markdown): GFM lets a table interrupt
    if first == "#" and state.layout.markdown and atx_heading(state, index, True) is not None:
        return True
    if first in "-*_=━" and thematic_break(state, index, True) is not None:
        # a table's rule under its header row goes on with the table's rows
        return not (first == "-" and _is_table_head_rule(state, index - 1))
    if first == ">" and state.layout.markdown and state.allow_quote:
        return True
    marker = list_marker(text)
    if marker is None or (not _starts_list(marker) and marker.style != "number"):
        return False
    if is_typed_bullet(state, index, marker):
        return False
    previous = lines.text[index - 1]
    wrapped = state.layout.is_full(lines.width[index - 1])
    if first in _SYMBOL_BULLETS:
        return True
    if previous.endswith(":") or lines.indent[index] != para_indent:
        return True
    if marker.ordered and marker.number != 1:
        return False
    return not wrapped


_SENTENCE_END = re.compile(r"[.!?:…。！？][\"”’')»]?$")


def _ends_block(state: State, index: int, indent: int) -> bool:
    """Return True when line ``index`` ends its block though no blank line follows.

    In wrapped text (lynx, w3m, html2text) a line that ends a sentence well short of the
    wrap width was ended by the page, not by the wrap: the next line is another block
    (a caption, a <div> of text). A line set left of the paragraph's indent (lynx
    preformatted text at column 0 under a 3-column body) starts another block too.
    """
    layout = state.layout
    lines = state.lines
    if layout.body_indent and lines.indent[index + 1] < indent:
        return True
    return (
        (
            SPLIT_AT_SHORT_SENTENCE_END
            and layout.wrap_width is not None
            and not layout.is_full(lines.width[index])
            and _SENTENCE_END.search(lines.text[index]) is not None
        )
        or _unwrapped_sentence_end(state, index)
        or _picture_after_sentence(state, index)
    )


SPLIT_AT_SHORT_SENTENCE_END = False

# lynx shows an image without alt text as its file name in brackets, "[hand.png]", set
# right under the paragraph before it; a long name (a CDN's "dims?resize=...&image_uri=")
# runs over several lines, cut anywhere. A link marker is "[12]" and is followed by text;
# a page's own bracketed tag ("[MP2]", "[M1]" after a paragraph) has no file name's or
# URL's punctuation.
_LYNX_LINK_MARKER = re.compile(r"\[\d{1,5}\]")
_FILE_NAME_PUNCTUATION = re.compile(r"[.?=&%/;+]")
# A wrapped image name's first line is at least this long (a bracketed word of the page,
# "[sic]", "[Update:", is shorter).
MIN_WRAPPED_IMAGE_NAME_CHARS = 20


def is_lynx_picture_line(text: str) -> bool:
    """Return True when ``text`` is lynx's picture name: one bracketed word ("[a.png]"),
    or the start of a long one that wraps (no space, no closing bracket yet)."""
    if not text.startswith("[") or _LYNX_LINK_MARKER.match(text) or any(c.isspace() for c in text):
        return False
    if text.endswith("]"):
        return "]" not in text[:-1] and _FILE_NAME_PUNCTUATION.search(text) is not None
    return "]" not in text and len(text) >= MIN_WRAPPED_IMAGE_NAME_CHARS


def _picture_after_sentence(state: State, index: int) -> bool:
    """Return True when line ``index`` ends a sentence and lynx's picture name follows:
    the picture is a block of its own, not the paragraph's last words."""
    layout = state.layout
    return (
        layout.lynx
        and not layout.markdown
        and _SENTENCE_END.search(state.lines.text[index]) is not None
        and is_lynx_picture_line(state.lines.text[index + 1])
    )


def _unwrapped_sentence_end(state: State, index: int) -> bool:
    """Return True when line ``index`` ends a sentence and the next line's first word
    would have fit after it: lynx did not wrap there, the page ended a block (lynx sets
    a caption or a <div> of text right under a paragraph, with no blank line)."""
    column = state.layout.wrap_column
    layout = state.layout
    if column is None or layout.markdown or not layout.lynx or not layout.body_indent:
        # w3m leaves blank lines between blocks and its <pre> lines are unwrapped; a
        # lynx page with no indented body is lists and teasers, not paragraphs
        return False
    lines = state.lines
    text = lines.text[index]
    if _SENTENCE_END.search(text) is None:
        return False
    word = lines.text[index + 1].split(" ", 1)[0]
    return lines.width[index] + 1 + display_width(word) <= column


# lynx's wrap column at its default 80-column width (``Layout.wrap_column`` measures 74 on
# its renderings of the readability pages).
LYNX_WRAP_COLUMNS = 74


def _is_full(layout: Layout, width: int, text: str) -> bool:
    """Return True when line ``text``, ``width`` columns wide, was wrapped by the producer.

    lynx wraps at spaces only, so Chinese or Japanese runs on past its wrap column to the
    next space and no wrap width is measured: a line holding such characters is then
    judged against lynx's own wrap column (:data:`LYNX_WRAP_COLUMNS`).
    """
    if layout.wrap_width is None and layout.lynx and not layout.markdown:
        return (
            width >= LYNX_WRAP_COLUMNS - WRAP_SLACK_COLUMNS
            and not text.isascii()
            and (display_width(text) > len(text))
        )
    return layout.is_full(width)


def _first_line_indent(state: State, start: int) -> bool:
    """Return True when line ``start`` is indented past the next and wrapped into it."""
    lines = state.lines
    below = start + 1
    return (
        state.layout.body_indent <= lines.indent[below] < lines.indent[start]
        and (
            _is_full(state.layout, lines.width[start], lines.text[start])
            or (state.layout.wrap_width is None and lines.width[start] >= UNWRAPPED_PARAGRAPH_CHARS)
        )
        and list_marker(lines.text[start]) is None
    )


# In a text field a paragraph that held a <br> goes on on the next line: a line at least
# MIN_RUN_ON_CHARS long that ends in a letter, over a line that starts with a lower-case
# letter, is one sentence broken in two ("... a JS object literal" / "to the
# constructor:"), never a heading over its text or a menu (its entries are short). On the
# text-field renderings: paragraph F1 0.849 -> 0.852, heading F1 0.774 -> 0.777 (002, a
# page of <br>s in <p>s); at 40 characters whole-page F1 lost 0.002 (menus and teasers
# joined into prose), at 60 0.001. A list item goes on the same way: list-item F1 0.893 ->
# 0.896 (002's items broken by a <br>).
MIN_RUN_ON_CHARS = 60


def _field_line_runs_on(lines: Lines, index: int) -> bool:
    """Return True when line ``index`` of a text field runs on to the next line."""
    text = lines.text[index]
    following = lines.text[index + 1]
    return (
        len(text) >= MIN_RUN_ON_CHARS
        and text[-1].isalpha()
        and following[:1].isalpha()
        and following[0].islower()
    )


def paragraph(state: State, start: int, silent: bool) -> int | None:
    """Lines up to a blank line or a line that starts another block, joined back."""
    if silent:
        return start + 1
    lines = state.lines
    end = start + 1
    indent = lines.indent[start]
    unwrapped = _is_unwrapped(state.layout)
    while end < state.end and not lines.blank[end]:
        if state.layout.line_blocks:
            if not _field_line_runs_on(lines, end - 1):
                break  # every line is a paragraph of its own
            end += 1
            continue
        if state.layout.copy and (
            _copy_line_ends_block(state, start, end) or _copy_table_under(state, end)
        ):
            break
        if end == start + 1 and _title_over_text(state, start):
            break
        if unwrapped and len(lines.text[end - 1]) >= UNWRAPPED_PARAGRAPH_CHARS:
            break
        if _interrupts_paragraph(state, end, indent):
            break
        if setext_heading(state, end, True) is not None and end + 2 <= state.end:
            break
        if end == start + 1 and _first_line_indent(state, start):
            # lynx sets a <li> without its marker, or a first-line indent, two columns
            # in; the wrapped rest of it is at the body indent
            indent = lines.indent[end]
        elif _ends_block(state, end - 1, indent):
            break
        end += 1
    parts = list(lines.text[start:end])
    breaks = sorted(set(line_breaks(state, start, end)) | set(exchange_breaks(parts, start)))
    if state.layout.markdown:
        for index in breaks:
            if backslash_break(parts[index - 1 - start]):
                parts[index - 1 - start] = parts[index - 1 - start][:-1].rstrip()
        if end < state.end and not lines.blank[end] and backslash_break(parts[-1]):
            # the break's next line begins a block of its own (a picture's credit, an
            # item): the break ends the paragraph, and no backslash is left in its text
            parts[-1] = parts[-1][:-1].rstrip()
    tight = not state.layout.markdown and not state.layout.lynx and not state.urls
    full = [state.layout.is_full(lines.width[i]) for i in range(start, end)] if tight else []
    # a line of its own (a <br>) is joined with HARD_BREAK, a wrapped one with a space
    bounds = [start, *breaks, end]
    text = HARD_BREAK.join(
        join_lines(parts[a - start : b - start], tight=tight, full=full[a - start : b - start])
        for a, b in itertools.pairwise(bounds)
    )
    broken = HARD_BREAK.join(parts) if not breaks and meant_breaks(state, start, end) else ""
    state.pieces.append(
        Piece(
            kind="paragraph",
            first=start,
            last=end - 1,
            text=text,
            indent=indent,
            line_count=end - start,
            broken_text=broken,
        )
    )
    return end


# A line of a wrapped text at most this share of the wrap width is far shorter than a
# wrapped line: a run of such lines, none of which a wrap ended, was broken by the writer
# (a poem's lines, a postal address, a signature).
MAX_MEANT_LINE_SHARE = 0.6


def _text_margin(state: State) -> int:
    """Return the least indent of the text's lines (its left margin), measured once."""
    if state.margin is None:
        lines = state.lines
        state.margin = min(
            (lines.indent[i] for i in range(state.end) if not lines.blank[i]), default=0
        )
    return state.margin


def meant_breaks(state: State, start: int, end: int) -> bool:
    """Return True when the lines of the paragraph ``[start, end)`` were broken where
    they are by the writer, not wrapped: the breaks are line breaks (a poem, an address).

    In a wrapped text every line is far shorter than the wrap width
    (:data:`MAX_MEANT_LINE_SHARE`) and the next line's first word would have fitted on
    each line: wrapped prose fills its lines and joins as before. In a text that was not
    wrapped (no wrap width: a short note, lines of any length) only an indented block is
    read so, a quote's inside or lines set in past the text's margin (lynx's: its body).
    Not in Markdown
    (its own hard breaks say it), a text field or a browser's copy (a line is a block)."""
    layout = state.layout
    if end - start < 2 or layout.markdown or layout.line_blocks or layout.copy:
        return False
    lines = state.lines
    width = layout.wrap_width
    if width is None:
        # lynx wraps at spaces only, so Chinese runs on past its wrap column and no width
        # is measured: there only lines set in past its body are indented
        margin = layout.body_indent if layout.lynx else _text_margin(state)
        if not state.allow_quote or all(lines.indent[i] > margin for i in range(start, end)):
            return True
        return not layout.lynx and is_postal_address(lines.text[start:end])
    limit = width * MAX_MEANT_LINE_SHARE
    return all(lines.width[i] <= limit for i in range(start, end)) and not any(
        _wrapped_after(lines, i, width) for i in range(start, end - 1)
    )


# A postal address: a line that opens with a house number and a street's name ("12 Main
# Street", "221B Baker St"), or names a street before its number ("Hauptstraße 5",
# "Rue de Rivoli 12" is no such form, "Via Roma 3" is) ...
_STREET_LINE = re.compile(
    r"\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][\w'.-]*\s?){1,4}"
    r"|(?:[A-ZÄÖÜ][\w'.-]*\s){0,3}[\w'.-]*(?:stra(?:ß|ss)e|str\.|weg|gasse|platz|allee|ring|damm)"
    r"\s\d{1,4}[a-z]?"
    r"|(?:via|viale|piazza|calle|avenida|rua|rue)\s(?:\w+\s){1,4}\d{1,4}"
    r"|(?:p\.?\s?o\.?\s?box|postfach)\s\d{1,6}",
    re.IGNORECASE,
)
# ... and a line with a postal code and its town: "Springfield, IL 62701", "10115 Berlin",
# "London SW1A 1AA", "75001 Paris".
_POSTAL_LINE = re.compile(
    r".{0,40}\b(?:[A-Z]{2}\s\d{5}(?:-\d{4})?|\d{4,5}\s[A-ZÄÖÜ]\w+"
    r"|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|[A-Z]-\d{4,5}\s\w+)\b.{0,30}"
)
# An address has at most this many lines, each at most this many characters.
MAX_ADDRESS_LINES = 6
MAX_ADDRESS_LINE_CHARS = 60


def is_postal_address(texts: Sequence[str]) -> bool:
    """Return True for the lines of a postal address: two to :data:`MAX_ADDRESS_LINES`
    short lines, none ending like a sentence, one a street and its house number
    (:data:`_STREET_LINE`), one (after it) a postal code and its town
    (:data:`_POSTAL_LINE`).

    An address is typed a line each, flush left, in a text of any line length ("ACME
    Corp." / "12 Main Street" / "Springfield, IL 62701"); joined, its lines read as one
    run-on line."""
    if not 2 <= len(texts) <= MAX_ADDRESS_LINES:
        return False
    if any(len(text) > MAX_ADDRESS_LINE_CHARS or text.endswith(("!", "?", ":")) for text in texts):
        return False
    street = next((i for i, text in enumerate(texts) if _STREET_LINE.fullmatch(text)), None)
    return street is not None and any(_POSTAL_LINE.fullmatch(text) for text in texts[street + 1 :])


# A title line is at most this many words long.
MAX_TITLE_LINE_WORDS = 20


def _title_over_text(state: State, index: int) -> bool:
    """Return True for the text's first line when it is a title standing right over the
    text, no blank line between: a scraper's title and text fields stored one under the
    other, in a text too short to show its layout, or wrapped. The line is title-shaped
    (:func:`_copy_title_shape`, a capital or a digit first, at most
    :data:`MAX_TITLE_LINE_WORDS` words) and, in a wrapped text, short of the wrap width
    (a wrapped paragraph's first line is full). A browser's copy and a text field have
    their own rules (:func:`_copy_title_line`, a line per block)."""
    layout = state.layout
    if not state.allow_quote:
        return False  # the inside of a quote, read as a text of its own
    if layout.markdown or layout.lynx or layout.copy or layout.line_blocks:
        return False
    lines = state.lines
    text = lines.text[index]
    if not text[:1].isupper() and not text[:1].isdigit() and not is_wide(text[0]):
        return False
    if len(text.split()) > MAX_TITLE_LINE_WORDS or layout.is_full(lines.width[index]):
        return False
    if not _copy_title_shape(text):
        return False
    above = index - 1
    while above >= 0 and lines.blank[above]:
        above -= 1
    return above < 0


def _is_unwrapped(layout: Layout) -> bool:
    """Return True for a text whose lines are whole paragraphs (no wrap width measured).

    Not lynx's: it wraps at spaces only, so Chinese or Japanese runs on past the wrap
    column (no wrap width is measured then) up to the next space, where it wraps.
    """
    return layout.wrap_width is None and not layout.markdown and not layout.lynx


# ---------------------------------------------------------------------------- lists


# Deeper indentation than this many levels is read as the deepest level: nesting in text
# dumps rarely passes 4, and a bound keeps the emitted tree shallow.
MAX_LIST_DEPTH = 8


@dataclass(slots=True)
class _Level:
    marker_indent: int
    content_indent: int
    style: str
    piece: Piece


def _new_list(start: int, marker: Marker, indent: int) -> Piece:
    return Piece(
        kind="list",
        first=start,
        last=start,
        ordered=marker.ordered,
        start=marker.number if marker.ordered else 1,
        indent=indent,
    )


def _list_continues(state: State, stack: list[_Level], index: int) -> bool:
    """Return True when line ``index`` (after blank lines) still belongs to the list."""
    lines = state.lines
    root = stack[0]
    marker = list_marker(lines.text[index], nested=lines.indent[index] > root.marker_indent + 1)
    if marker is not None and is_typed_bullet(state, index, marker):
        marker = None  # the page's own "(1) x" or "+ x" line: text after the list
    if marker is not None:
        return lines.indent[index] >= root.marker_indent - 1 and (
            lines.indent[index] > root.marker_indent + 1 or _compatible(root, marker)
        )
    if len(stack) == 1 and is_lynx_description(state, index):
        return False
    return _continued_level(state, stack, index) is not None


def _continued_level(state: State, stack: list[_Level], index: int) -> int | None:
    """Return the depth in ``stack`` of the item a paragraph at line ``index`` (after blank
    lines, no marker) continues, or None when it is no item's.

    A paragraph indented under the innermost item's text continues that item (text much
    further right is centred, as lynx centres titles, and not part of the list). One set
    left of a nested list's text but at an outer item's text column continues that outer
    item: the item's next paragraph after its sub-list, as CommonMark reads it (pandoc
    sets a ``<div>``'s paragraphs so, inside a menu's items).
    """
    indent = state.lines.indent[index]
    if indent <= stack[0].marker_indent:
        return None
    inner = stack[-1]
    if inner.content_indent <= indent <= inner.content_indent + MAX_ITEM_PARAGRAPH_SHIFT:
        return len(stack) - 1
    if not state.layout.html:
        return None
    for depth in range(len(stack) - 2, -1, -1):
        if stack[depth].content_indent <= indent < stack[depth + 1].content_indent:
            return depth
    return None


# A paragraph after a blank line belongs to the item above it when indented under the
# item's text, give or take this many columns.
MAX_ITEM_PARAGRAPH_SHIFT = 4

# lynx sets a <dd> of the body (a definition, Wikipedia's "Proof:" lines under a list)
# seven columns past its margin, three past the text of a first-level item ("     * The
# entries ..." then a blank line and "          Proof: ..."); the item's own paragraphs
# follow its text without a blank line, at its column, and a <dd> inside the <li> stands
# further in (16). On the readability renderings: wikipedia-3's 12 proofs, lynx list-item
# F1 +0.005, paragraph F1 -0.001 (the truth counts a <dd> as no paragraph; here it is a
# quote's).
LYNX_DESCRIPTION_COLUMNS = 7


def is_lynx_description(state: State, index: int) -> bool:
    """Return True when line ``index`` (after a blank line) stands where lynx sets a <dd>
    of the body (:data:`LYNX_DESCRIPTION_COLUMNS`): not a paragraph of the item above."""
    layout = state.layout
    return (
        layout.lynx
        and layout.body_indent > 0
        and state.lines.indent[index] == layout.body_indent + LYNX_DESCRIPTION_COLUMNS
    )


# The letters that list_marker reads as roman numerals, and their place in the alphabet.
_ROMAN_LETTERS = {1: 9, 5: 22, 10: 24}


def _compatible(level: _Level, marker: Marker) -> bool:
    """Return True when ``marker`` continues the list at ``level``.

    In a letter list, ``(i)``, ``(v)`` and ``(x)`` come after ``(h)``, ``(u)`` and ``(w)``;
    :func:`list_marker` reads them as roman numerals.
    """
    if marker.style == level.style:
        return True
    expected = level.piece.start + len(level.piece.items)
    return (
        level.style == "letter"
        and marker.style == "roman"
        and _ROMAN_LETTERS.get(marker.number) == expected
    )


# Dashes that a wrap can put at the start of a line ("Place names" / "– Naming the ...").
_WRAP_DASHES = "-–"


def _is_wrapped_dash(state: State, level: _Level, index: int, item_parts: list[str]) -> bool:
    """Return True when line ``index`` is the wrapped rest of an item that begins with a dash.

    The line hangs exactly under the item's text after a full line, and the item's own
    bullet is another character: a tool draws one bullet per level, and "- x" right under
    "• text" at the text's column is a dash the wrap moved to the start of the line.
    """
    lines = state.lines
    text = lines.text[index]
    first = lines.text[level.piece.first][:1] if level.piece.items else ""
    return (
        bool(item_parts)
        and text[0] in _WRAP_DASHES
        and first != text[0]
        and lines.indent[index] == level.content_indent
        and state.layout.is_full(lines.width[index - 1])
    )


def _is_empty_item(state: State, stack: list[_Level], index: int) -> bool:
    """Return True for a bullet alone on its line at the indent of a level of the list.

    w3m and lynx draw the bullet of an item whose content was only an image and print
    nothing after it.
    """
    text = state.lines.text[index]
    if len(text) != 1 or text not in _BULLETS:
        return False
    indent = state.lines.indent[index]
    return any(
        abs(indent - level.marker_indent) <= 1 and level.style == "bullet" for level in stack
    )


# The alt text pages give a picture when they have nothing to say about it. w3m and lynx
# print it where the <img> stood, often as the first line of a card's <li> ("• Screenshot"
# over the card's title and blurb), while the HTML's text of the item has none. Words of
# navigation that also name media ("Video", "Logo") are left out: they are menu entries
# on whole pages (29 "• Video" lines in the w3m trafilatura-eval dumps).
_PICTURE_ALT = re.compile(
    r"(?:\[\d{1,4}\])?(?:an? )?(?:screen ?shots?|photo(?:graph)?|image|picture|thumbnail"
    r"|illustration|foto|bild|imagen|immagine)",
    re.IGNORECASE,
)


def is_picture_alt(line: str) -> bool:
    """Return True when ``line`` (an item's first line) is only a picture's generic alt
    text: "Screenshot", "An image", lynx's "[3]Photo"."""
    return len(line) <= MAX_PICTURE_ALT_CHARS and _PICTURE_ALT.fullmatch(line) is not None


MAX_PICTURE_ALT_CHARS = 24


def take_picture_alts(leads: list[tuple[Piece, Item, str]]) -> None:
    """Move a generic alt line out of the text of the items it opens (into ``Item.alt``).

    An item is a picture and more when text or nested blocks follow the alt line (a card:
    "Screenshot", "WebIDE", a blurb); a list whose every item is the same alt line alone is
    a gallery of pictures. A lone "Photo" among other entries ("Photo", "Video", "Audio")
    is a menu's text and stays.
    """
    lone: dict[int, int] = {}
    for piece, item, line in leads:
        if item.text == line and not item.children:
            lone[id(piece)] = lone.get(id(piece), 0) + 1
    for piece, item, line in leads:
        if item.text == line and not item.children:
            alts = {lead.casefold() for p, it, lead in leads if p is piece}
            if lone[id(piece)] < len(piece.items) or len(alts) != 1:
                continue
        item.text = item.text[len(line) :].lstrip()
        item.alt = re.sub(r"^\[\d{1,4}\]", "", line)


# The longest title (in words) lynx sets left of a card item's text, over its blurb.
MAX_LYNX_ITEM_HEADING_WORDS = 8


def _is_lynx_item_heading(state: State, level: _Level, index: int) -> bool:
    """Return True when line ``index``, inside an item of lynx's, is that item's heading.

    lynx sets a heading flush left of the text around it, inside a list item too: a card
    (a picture, a title, a blurb) shows its title left of the item's text column, its
    blurb at that column under it ("* [6]Screenshot" / "Page Inspector" / "Examine the
    HTML ..."). Read as the item's wrapped text, the title was lost. On the readability
    renderings 8 such titles (mozilla-2), all headings of the truth.
    """
    lines = state.lines
    below = index + 1
    if not state.urls or index == 0 or lines.blank[index - 1] or below >= state.end:
        return False
    text = lines.text[index]
    return (
        lines.indent[index] < level.content_indent - 1
        and lines.indent[index] > LYNX_MARGIN
        and not lines.blank[below]
        and lines.indent[below] >= level.content_indent
        and list_marker(lines.text[below]) is None
        and len(text.split()) <= MAX_LYNX_ITEM_HEADING_WORDS
        and text[-1:] not in ".,;:"
        and "   " not in text  # a table's row: a label, a gap, its value (an infobox)
    )


def list_block(state: State, start: int, silent: bool) -> int | None:
    """A run of list items, nested by indentation, blank lines between items allowed.

    An item's continuation lines are the non-blank lines after it (hanging indent or not);
    after a blank line, text indented under the item is another paragraph of it.
    """
    lines = state.lines
    marker = list_marker(lines.text[start])
    if marker is None or not (marker.style == "number" or _starts_list(marker)):
        return None
    if is_typed_bullet(state, start, marker):
        return None
    if silent:
        return start + 1
    root = _new_list(start, marker, lines.indent[start])
    stack = [_Level(lines.indent[start], lines.indent[start] + marker.width, marker.style, root)]
    item_parts: list[str] = []
    current: Item | None = None
    i = start
    last = start
    tight = wraps_tight(state)
    # items whose first line is a picture's generic alt text: (list, item, that line)
    leads: list[tuple[Piece, Item, str]] = []

    markdown = state.layout.markdown

    def flush() -> None:
        if current is not None and item_parts:
            current.text = join_item_lines(item_parts, tight=tight, markdown=markdown)
        item_parts.clear()

    while i < state.end:
        if lines.blank[i]:
            nxt = lines.next_nonblank(i)
            if nxt >= state.end or not _list_continues(state, stack, nxt):
                break
            if list_marker(lines.text[nxt]) is None:
                # another paragraph of the current item, or of an outer item's
                flush()
                depth = _continued_level(state, stack, nxt)
                if depth is not None and depth < len(stack) - 1:
                    del stack[depth + 1 :]
                    current = stack[-1].piece.items[-1]
                table_end = _item_table(state, nxt, stack[-1], current)
                if table_end is not None:
                    last = table_end - 1
                    i = table_end
                    continue
                para_end = nxt
                while (
                    para_end < state.end
                    and not lines.blank[para_end]
                    and (list_marker(lines.text[para_end]) is None)
                ):
                    para_end += 1
                if current is not None:
                    current.children.append(
                        Piece(
                            kind="paragraph",
                            first=nxt,
                            last=para_end - 1,
                            text=join_item_lines(
                                list(lines.text[nxt:para_end]), tight=tight, markdown=markdown
                            ),
                        )
                    )
                last = para_end - 1
                i = para_end
                continue
            i = nxt
            continue
        text = lines.text[i]
        indent = lines.indent[i]
        mk = list_marker(text, nested=indent > stack[0].marker_indent + 1)
        if mk is not None and i != start and is_typed_bullet(state, i, mk):
            mk = None
        if mk is None and _is_empty_item(state, stack, i):
            # "•" alone under its siblings: an item whose only content was an image
            flush()
            while len(stack) > 1 and indent < stack[-1].marker_indent - 1:
                stack.pop()
            current = Item(text="")
            stack[-1].piece.items.append(current)
            stack[-1].piece.last = i
            last = i
            i += 1
            continue
        if mk is None and current is not None and _is_lynx_item_heading(state, stack[-1], i):
            # a card's title lynx sets left of the item's text, its blurb under it
            flush()
            current.children.append(
                Piece(kind="heading", first=i, last=i, text=text, level=2, origin="flush")
            )
            body_end = i + 1
            while (
                body_end < state.end
                and not lines.blank[body_end]
                and lines.indent[body_end] >= stack[-1].content_indent
                and list_marker(lines.text[body_end]) is None
            ):
                body_end += 1
            current.children.append(
                Piece(
                    kind="paragraph",
                    first=i + 1,
                    last=body_end - 1,
                    text=join_lines(list(lines.text[i + 1 : body_end]), tight=tight),
                )
            )
            last = body_end - 1
            i = body_end
            continue
        if mk is None:
            if i != start and (
                # one line per block: a line without a marker, unless a <br> broke the
                # item's sentence there (see _field_line_runs_on)
                (state.layout.line_blocks and not _field_line_runs_on(lines, i - 1))
                or _interrupts_paragraph(state, i, indent)
                or (
                    indent < stack[0].marker_indent - 1
                    and not state.layout.is_full(lines.width[i - 1])
                    # html2text writes a <br> in an item as a line break and the rest
                    # flush left: Markdown's lazy continuation line
                    and not state.layout.markdown
                )
            ):
                break
            if i != start and state.layout.markdown and current is not None:
                table_end = _item_table(state, i, stack[-1], current)
                if table_end is not None:
                    flush()  # the item's text ends above its table
                    last = table_end - 1
                    i = table_end
                    continue
            item_parts.append(text)
            last = i
            i += 1
            continue
        if (
            (
                item_parts
                and not _starts_list(mk)
                and indent > stack[-1].marker_indent + 1
                and not _compatible(stack[-1], mk)
            )
            or (
                item_parts
                and mk.style == "number"
                and not _starts_list(mk)
                and indent > stack[-1].marker_indent + 1
            )
            or _is_wrapped_dash(state, stack[-1], i, item_parts)
        ):
            # "89. Archived ..." under an item: a wrapped line that begins with a number
            item_parts.append(text)
            last = i
            i += 1
            continue
        flush()
        # find the level this marker belongs to
        while len(stack) > 1 and indent < stack[-1].marker_indent - 1:
            stack.pop()
        top = stack[-1]
        if indent > top.marker_indent + 1 and current is not None and len(stack) < MAX_LIST_DEPTH:
            sub = _new_list(i, mk, indent)
            current.children.append(sub)
            stack.append(_Level(indent, indent + mk.width, mk.style, sub))
            top = stack[-1]
        elif not _compatible(top, mk) and len(stack) == 1:
            break  # a list of another kind starts here
        current = Item(text="")
        top.piece.items.append(current)
        top.piece.last = i
        item_parts.append(without_w3m_icon(state, text[mk.width :]))
        if not state.layout.markdown and is_picture_alt(text[mk.width :]):
            leads.append((top.piece, current, text[mk.width :]))
        last = i
        i += 1
    flush()
    take_picture_alts(leads)
    root.last = last
    root.line_count = last - start + 1
    state.pieces.append(root)
    return last + 1


def _item_table(state: State, index: int, level: _Level, item: Item | None) -> int | None:
    """Read a pipe table that starts at line ``index`` inside a Markdown list item (set in
    to the item's content, after a blank line as markdownify writes it or right under the
    item's text as pandoc does) into the item's blocks; return the line after it, or None
    when no table starts there (the line is the item's text, as before)."""
    if item is None or not state.layout.markdown or index + 1 >= state.end:
        return None
    if "|" not in state.lines.text[index]:
        return None
    sub = dataclasses.replace(
        state, pieces=[], table_indent=max(level.content_indent - 1, 0), copy_last_line=None
    )
    end = pipe_table(sub, index, False)
    if end is None:
        return None
    item.children.extend(sub.pieces)
    return end


# ------------------------------------------------------------- browser copy (innerText)

# A browser's copy (``Layout.copy``) sets a blank line around a <p> and a heading and
# none between list items, which it draws without a bullet or a number: a run of three or
# more lines between blank lines is a list, unless it is the lines of one <p> broken by
# <br> (a sentence running on onto a lower-case line, a short label over its text), a
# <pre>'s program text, a table's tab-separated row, or lines a page set in <div>s one
# under another (those read the same; the list reading is right more often: see
# docs/text.md). Two lines are a list only when each is a sentence
# (:func:`_copy_sentence_pair`).
MIN_COPY_LIST_ITEMS = 3
# A line of program text: it ends in code punctuation or opens with a prompt or a comment.
_COPY_CODE_LINE = re.compile(r"[{};=\\]$|^(?:[$#>%]|//|>>>|--)\s|^[})\]]")
# ... but a clause of prose ends in a semicolon too ("Build and deliver great consumer
# products that support the Manifesto's principles;", an item of a list of clauses):
# a line of at least this many words, nearly all of letters, is prose.
MIN_COPY_CLAUSE_WORDS = 6
MIN_COPY_CLAUSE_WORD_SHARE = 0.8


def _copy_code_line(text: str) -> bool:
    """Return True for a line of program text (:data:`_COPY_CODE_LINE`), not a clause of
    prose ending in a semicolon."""
    if _COPY_CODE_LINE.search(text) is None:
        return False
    if not text.endswith(";"):
        return True
    words = text.split()
    letters = sum(1 for word in words if word.strip(".,;:'’\"“”()").isalpha())
    return len(words) < MIN_COPY_CLAUSE_WORDS or letters < MIN_COPY_CLAUSE_WORD_SHARE * len(words)


# A line that ends its sentence or clause: the next line's lower-case start is no run-on.
_COPY_CLOSED = re.compile(r"[.!?:;…。！？)\]\"”’'»]$")
# "Label" over a paragraph-long line: a <p> holding "<b>Executor</b><br>The Executor is".
MAX_COPY_LABEL_WORDS = 5
# A label in a run at most this many times shorter than the run's lines on average is a
# heading between lists and <div>s (innerText: no blank line around a heading). Taking
# them out of the lists: whole-page F1 innertext 0.791 -> 0.821, browser-copy 0.847 ->
# 0.860; list-item F1 innertext 0.710 -> 0.697, browser-copy 0.786 -> 0.780. Only the
# two edges of a run: 0.794 and 0.850.
COPY_HEADING_SHORTER = 3
# A paragraph of a run of lines that is no list joins the lines under it when at most
# this many are left (a <p> with <br>s); with more, a line is a block of its own. Swept
# 2, 5 (with copy lists scored as paragraphs on a page): 5 keeps token F1 (browser-copy
# 0.991, innertext 0.992; 2: 0.987, 0.988) at whole-page F1 0.850 and 0.814 (2: 0.851,
# 0.815); splitting every line of a run longer than 5 lost token F1 too (0.987, 0.988).
MAX_COPY_JOINED_LINES = 5


# Two lines are a list when each is a sentence of its own of at least this many
# characters: on the readability renderings 7 browser-copy runs of two such lines were
# two list items, 1 a <p> broken by a <br> (innertext: 5 and 3); two lines of any other
# shape were a list 8 times in 60 (a caption and its credit, a byline and its date).
MIN_COPY_PAIR_CHARS = 20
_COPY_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")


def _copy_sentence_pair(lines: Lines, start: int, end: int) -> bool:
    """Return True when the run ``[start, end)`` is two lines, each a whole sentence."""
    return end - start == 2 and all(
        len(lines.text[i]) >= MIN_COPY_PAIR_CHARS and _COPY_SENTENCE_END.search(lines.text[i])
        for i in range(start, end)
    )


def _copy_runs_on(before: str, after: str) -> bool:
    """Return True when ``after`` goes on with the sentence of ``before`` (a <br> in it)."""
    return after[:1].islower() and _COPY_CLOSED.search(before) is None


def _copy_item_runs_on(state: State, start: int, index: int) -> bool:
    """Return True when line ``index`` of the run at ``start`` goes on with the sentence of
    the line above (:func:`_copy_runs_on`), which keeps the run from being a list; under a
    lead-in ending in a colon (:func:`_copy_introduced`) a lower-case line under a
    lower-case line is the next of the items it introduces ("memory dump & memory
    sampling", "code coverage"), not the rest of a sentence."""
    lines = state.lines
    before, after = lines.text[index - 1], lines.text[index]
    if not _copy_runs_on(before, after):
        return False
    return not (before[:1].islower() and _copy_introduced(state, start))


def _copy_introduced_pair(state: State, start: int, end: int) -> bool:
    """Return True when the run ``[start, end)`` is two lines holding words right under a
    lead-in ending in a colon: the two items it introduces ("the x-axis shows the stack
    profile population", "the y-axis shows stack depth"); not a table's caption over
    its rows ("Companies supporting LibreOffice development", "(by changesets)")."""
    lines = state.lines
    return (
        end - start == 2
        and (end >= state.end or lines.blank[end])
        and _copy_introduced(state, start)
        and all(any(ch.isalpha() for ch in lines.text[i]) for i in range(start, end))
    )


def _copy_label_over_text(first: str, second: str) -> bool:
    """Return True for a short label line over a paragraph-long line (one <p>)."""
    return (
        len(first.split()) <= MAX_COPY_LABEL_WORDS
        and _COPY_CLOSED.search(first) is None
        and len(second) >= UNWRAPPED_PARAGRAPH_CHARS
    )


def copy_list_end(state: State, start: int) -> int | None:
    """Return the end of the list of a browser's copy that starts at ``start``, if any."""
    lines = state.lines
    if (
        start > 0
        and not lines.blank[start - 1]
        and not lines.cells[start - 1]
        and not _copy_title_line(state, start - 1)
    ):
        return None  # a list stands in a run of its own, after a blank line, the title or a table
    if _copy_title_line(state, start):
        return None  # the title over the lines under it (a byline, a date)
    end = start
    joined = 0
    while end < state.end and not lines.blank[end]:
        text = lines.text[end]
        if lines.cells[end] and end > start:
            break  # a table right under the list (innerText: no blank line around a table)
        if lines.indent[end] or lines.cells[end] or _copy_code_line(text):
            return None  # a <pre>'s lines or a table's row
        if end > start and _copy_item_runs_on(state, start, end):
            if not _copy_continues_item(state, start, end):
                return None
            joined += 1  # the rest of an item the lead-in introduces (a <br> in it)
        end += 1
    if joined and end - start - joined < MIN_COPY_LIST_ITEMS:
        return None
    if (
        end - start < MIN_COPY_LIST_ITEMS
        and not _copy_sentence_pair(lines, start, end)
        and not _copy_introduced_pair(state, start, end)
    ):
        return None
    if _copy_label_over_text(lines.text[start], lines.text[start + 1]):
        return None
    return end


def _copy_line_ends_block(state: State, start: int, index: int) -> bool:
    """Return True when line ``index`` of a browser's copy ends the paragraph that starts
    at ``start`` (both in one run of lines between blank lines, a run that is no list).

    A paragraph takes the lines under it when at most :data:`MAX_COPY_JOINED_LINES` lines
    are left in the run from its first line (a <p> broken by <br>: an address, a label
    over its text, a poem's stanza); with more (a page's <div>s one under another, menus)
    each line is a block of its own, unless it runs on from the line above (a lower-case
    start after no closing punctuation).
    """
    lines = state.lines
    if index == start + 1 and _copy_title_line(state, start):
        return True
    if _copy_run_heading_end(state, start, index):
        return True
    # how far the run goes, looked at only as far as the limit (once per line of it)
    last = index
    while last < state.end and not lines.blank[last] and last - start <= MAX_COPY_JOINED_LINES:
        last += 1
    if last - start <= MAX_COPY_JOINED_LINES:
        return False
    return not _copy_runs_on(lines.text[index - 1], lines.text[index])


# A section anchor after a heading's text: MediaWiki's "[edit]", Sphinx's pilcrow.
_COPY_SECTION_ANCHOR = re.compile(r"(?:\[edit\]|¶)$")


def _copy_label(text: str) -> bool:
    """Return True for a line shaped like a heading: up to eight words, not starting in
    lower case, ending in no punctuation but a question mark (a section anchor aside)."""
    text = _COPY_SECTION_ANCHOR.sub("", text).rstrip()
    return (
        bool(text)
        and len(text.split()) <= MAX_COPY_EDGE_HEADING_WORDS
        and not text[0].islower()
        and _COPY_CLOSED.search(text.rstrip("?")) is None
    )


# The shortest line under such a heading that reads as the paragraph it heads. Swept 100,
# 60, 40, 20: innertext heading F1 0.744, 0.747, 0.749, 0.748; browser-copy unchanged.
MIN_COPY_BODY_CHARS = 40


def _copy_run_heading_end(state: State, start: int, index: int) -> bool:
    """Return True when line ``index``, the last of a run of lines of a browser's copy
    that starts at ``start``, is a heading over the paragraph after the run.

    innerText sets a blank line only around a <p>: a heading over a paragraph stands
    right under the <div>s, the list or the link above it ("Learn more about WebIDE" /
    "Valence"), and the run was read as one <p> broken by a <br>. Such a line is a label
    (:func:`_copy_label`) with a paragraph-long line under it, and the run's other lines
    are one line, or program text, or three times as long as it on average (a list's
    last item is as long as the others).
    """
    lines = state.lines
    if index <= start or not (index + 1 >= state.end or lines.blank[index + 1]):
        return False
    text = lines.text[index]
    if not _copy_label(text) or text[0].isdigit():
        return False
    below = lines.next_nonblank(index + 1)
    if below >= state.end or len(lines.text[below]) < MIN_COPY_BODY_CHARS:
        return False
    if BYLINE.fullmatch(lines.text[index - 1]):
        return False  # "By Nathan Willis" over the date
    if index == start + 1 or _COPY_CODE_LINE.search(lines.text[index - 1]):
        return True
    mean = sum(len(lines.text[i]) for i in range(start, index)) / (index - start)
    return len(text) * COPY_HEADING_SHORTER <= mean


# Quote marks a headline may end with ("... Bought Online "Burned Her Up From Within"").
_COPY_TITLE_QUOTES = "\"”’'»"


def _copy_title_shape(text: str) -> bool:
    """Return True for a line shaped like a title: it ends in no closing punctuation but a
    question or exclamation mark, after the quote marks closing a quoted phrase. On the
    readability renderings 2 innertext titles ("How does the brain turn unconscious
    information into conscious thought?", a headline ending in a quotation) joined the
    line under them; no first line of a browser's copy ending so was body text."""
    return _COPY_CLOSED.search(text.rstrip(_COPY_TITLE_QUOTES).rstrip("?!")) is None


def _copy_title_line(state: State, index: int) -> bool:
    """Return True for the text's first line when it reads as its title (no closing
    punctuation): innerText sets no blank line under a title heading, only a <p> asks
    for one, so the line under it (a byline, a <div>'s text, a list) would join it.
    innertext title accuracy 0.708 -> 0.931, heading F1 0.670 -> 0.696."""
    lines = state.lines
    if lines.blank[index] or not _copy_title_shape(lines.text[index]):
        return False
    # no text above it: look back only to the first line that holds some (a scan from
    # the top would go over all the leading blank lines again for every line asked about)
    above = index - 1
    while above >= 0 and lines.blank[above]:
        above -= 1
    return above < 0


def copy_list(state: State, start: int, silent: bool) -> int | None:
    """A browser's copy: a run of lines between blank lines, one list item per line; the
    headings standing among them (:func:`_copy_heading_line`) are lines of their own."""
    if not state.layout.copy:
        return None
    end = copy_list_end(state, start)
    if end is None or silent:
        return end
    spans = _copy_item_spans(state, start, end)
    texts = [join_lines([state.lines.text[i] for i in range(a, b + 1)]) for a, b in spans]
    mean = sum(len(text) for text in texts) / len(texts)
    heads = _copy_anchored_heads(texts) or _copy_run_heads(state, start, texts, mean)
    if _copy_lines_come_back(state, start, end):
        heads = [False] * len(texts)  # a table of contents: its entries are no headings
    if _breaks_item_shape(texts[0], texts[1:-1]):
        heads[0] = True  # "Contents" over "1 History", "2 Values", ...
    if _breaks_item_shape(texts[-1], texts[1:-1]):
        heads[-1] = True  # a heading right under the list: "History[edit]"
    i = 0
    while i < len(spans):
        if heads[i]:
            first, last = spans[i]
            state.pieces.append(Piece(kind="paragraph", first=first, last=last, text=texts[i]))
            i += 1
            continue
        j = i
        while j < len(spans) and not heads[j]:
            j += 1
        state.pieces.append(
            Piece(
                kind="list",
                first=spans[i][0],
                last=spans[j - 1][1],
                items=[Item(text=texts[k]) for k in range(i, j)],
                line_count=spans[j - 1][1] - spans[i][0] + 1,
            )
        )
        i = j
    return end


# The shortest line a lead-in's item is broken after by a <br>: a menu's short lines
# ("TR bestellen" over "mehr anzeigen") run on too, and as one list a page's menu was kept.
MIN_COPY_BROKEN_ITEM_CHARS = 40


def _copy_continues_item(state: State, start: int, index: int) -> bool:
    """Return True when line ``index``, which runs on from the line above, is the rest of
    that line's item: the run at ``start`` stands under a lead-in ending in a colon and
    the line above is long (:data:`MIN_COPY_BROKEN_ITEM_CHARS`)."""
    return len(state.lines.text[index - 1]) >= MIN_COPY_BROKEN_ITEM_CHARS and _copy_introduced(
        state, start
    )


def _copy_item_spans(state: State, start: int, end: int) -> list[tuple[int, int]]:
    """Return the first and last line of each item of the copy's list ``[start, end)``:
    a line that runs on from the line above (:func:`_copy_item_runs_on`, which
    :func:`copy_list_end` lets through only under a lead-in ending in a colon) is the rest
    of that line's item, broken by a <br> ("“request-no-cors”: guard for a Headers object
    obtained from a Request created" / "with mode “no-cors”.")."""
    spans: list[tuple[int, int]] = []
    for index in range(start, end):
        if spans and _copy_item_runs_on(state, start, index):
            spans[-1] = (spans[-1][0], index)
        else:
            spans.append((index, index))
    return spans


# A listing's lines stand at this many depths (past the flush margin) or more, or one of
# them is code: ends in code punctuation, opens or closes a bracket, draws a table's rules
# (a database session's output).
MIN_COPY_LISTING_INDENTS = 2
_COPY_BRACKET = re.compile(r"[(\[{,]$|^[)\]}]|[│┃┼╋├┤┬┴┌┐└┘║╬═─]")


def copy_listing(state: State, start: int, silent: bool) -> int | None:
    """A browser's copy: a run of lines between blank lines that holds a set-in line is a
    <pre>'s listing (a copy sets in nothing else), one code block as printed.

    Without it the run was read like a page's <div>s, a block per line (its first line
    flush, "SELECT avg(n)", the rest set in), and a copy of an article with many
    listings looked like a menu-laden page whose opening the page filter cut. A run
    holding a table's row is no listing (a row whose first cell is empty opens with a
    tab), nor one whose set-in lines show no program text
    (:data:`MIN_COPY_LISTING_INDENTS`): a quote (w3m's text without wraps read as a
    copy), a page's lines set in by non-breaking spaces.
    """
    if not state.layout.copy:
        return None
    lines = state.lines
    if start > 0 and not lines.blank[start - 1]:
        return None
    end = start
    while end < state.end and not lines.blank[end]:
        if lines.cells[end]:
            return None
        end += 1
    indents = {lines.indent[i] for i in range(start, end)} - {0}
    if not indents:
        return None
    # program text: nested at two depths or more, or a line of code punctuation (a
    # page's furniture can set a line in by non-breaking spaces: "     9" comments)
    if len(indents) < MIN_COPY_LISTING_INDENTS and not any(
        _COPY_CODE_LINE.search(lines.text[i]) or _COPY_BRACKET.search(lines.text[i])
        for i in range(start, end)
    ):
        return None
    if _copy_heading_under_listing(state, start, end):
        end -= 1  # the heading of the next section, no blank line above it
    if silent:
        return end
    base = min(lines.indent[i] for i in range(start, end))
    body = [" " * (lines.indent[i] - base) + lines.text[i] for i in range(start, end)]
    state.pieces.append(
        Piece(kind="code", first=start, last=end - 1, text="\n".join(body), line_count=end - start)
    )
    return end


def _copy_heading_under_listing(state: State, start: int, end: int) -> bool:
    """Return True when the last line of the listing ``[start, end)`` of a browser's copy
    is the heading of the section after it: innerText sets no blank line between a <pre>
    and a heading under it ("});" / "Future improvements"). Such a line stands flush, is
    a label (:func:`_copy_label`) under a line that closes the program text
    (:data:`_COPY_CODE_LINE`), and a paragraph-long line follows after a blank line."""
    lines = state.lines
    last = end - 1
    if last - start < MIN_COPY_LISTING_INDENTS or lines.indent[last]:
        return False
    text = lines.text[last]
    if not _copy_label(text) or _COPY_CODE_LINE.search(text) or _COPY_BRACKET.search(text):
        return False
    if not _COPY_CODE_LINE.search(lines.text[last - 1]):
        return False
    below = lines.next_nonblank(end)
    return below < state.end and len(lines.text[below]) >= MIN_COPY_BODY_CHARS


def _copy_table_rows(state: State, start: int) -> tuple[int, list[list[str]]] | None:
    """Return the end of the table of a browser's copy whose first row is line ``start``,
    and its rows' cells, each row padded to the widest; None when line ``start`` holds no
    cells or the rows lay out a page rather than hold data (``tables.is_layout_table``
    with the first row as header, as html2text's: one row, or a cell of 1,200 characters;
    such rows stay the paragraphs they were)."""
    lines = state.lines
    if not state.layout.copy or start not in lines.row_cells:
        return None
    end = start
    while end < state.end and not lines.blank[end] and end in lines.row_cells:
        end += 1
    rows = [list(lines.row_cells[i]) for i in range(start, end)]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    if is_layout_table(rows[0], rows[1:], header_known=False):
        return None
    return end, rows


def _copy_table_under(state: State, index: int) -> bool:
    """Return True when line ``index`` of a browser's copy opens a table (a row of cells
    under a line with none): the paragraph above (a caption, a lead-in) ends there."""
    return index - 1 not in state.lines.row_cells and _copy_table_rows(state, index) is not None


def _cells_table(rows: list[list[str]]) -> Table:
    """Return the table of a browser's copy's rows of cells (each cell's text read for its
    inlines). A copy marks no header cell: the first row is the header row when it reads
    as one (``tables.first_row_heads``: labels over a column of figures)."""
    header = first_row_heads(rows)
    return Table(
        rows=tuple(
            TableRow(
                cells=tuple(
                    TableCell(content=parse_inlines(cell), header=header and index == 0)
                    for cell in row
                )
            )
            for index, row in enumerate(rows)
        ),
        header_rows=1 if header else 0,
    )


def copy_table(state: State, start: int, silent: bool) -> int | None:
    """A browser's copy: lines of cells separated by tabs, one row a line, are a table, as
    innerText writes a <table> (a tab between cells, a newline between rows; no blank
    line around it). Its rows were paragraphs, one a row, and its cells' text words of
    them. The table is an ``html`` piece, as a pipe table's (``pipe_table``): on a page
    it scores as its cells' text. A copy marks no header cell: the first row is the
    header row when it reads as one (:func:`_cells_table`).
    """
    found = _copy_table_rows(state, start)
    if found is None or silent:
        return None if found is None else found[0]
    end, rows = found
    table = _cells_table(rows)
    state.pieces.append(
        Piece(
            kind="html",
            first=start,
            last=end - 1,
            text=table_text([], rows),
            line_count=end - start,
            block=table,
            pipe_table=True,
        )
    )
    return end


# A table whose cells hold blocks has this many rows of two cells or more at least.
MIN_BLOCK_CELL_ROWS = 2


def join_copy_block_cells(state: State) -> None:
    """Make each table of a browser's copy whose cells hold blocks one ``Table`` piece.

    innerText sets a blank line around each cell's <p> and a line of tabs between two
    cells (``Lines.cell_gap``), and ends a row with blank lines: each cell was read as a
    paragraph of its own, its figures and header cells as headings ("8.0 MB (-89%)",
    "Comment", which also cut the sections after it off as a comment thread). Within a
    row, cells follow each other over a line of tabs; one blank line alone parts two
    blocks of one cell ("Previous (BSDiff) Patch Size" / "(% vs original)"); more blank
    lines end the row. Rows of two cells or more make the table
    (:data:`MIN_BLOCK_CELL_ROWS` of them at least), as ``copy_table`` makes a table of
    rows a line each.
    """
    lines = state.lines
    if not state.layout.copy or not lines.cell_gap:
        return
    pieces = state.pieces
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        found = _block_cell_rows(state, i)
        if found is None:
            out.append(pieces[i])
            i += 1
            continue
        end, rows = found
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        table = _cells_table(rows)
        first, last = pieces[i].first, pieces[end - 1].last
        out.append(
            Piece(
                kind="html",
                first=first,
                last=last,
                text=table_text([], rows),
                line_count=last - first + 1,
                block=table,
                pipe_table=True,
            )
        )
        i = end
    state.pieces = out


def _cell_gap_between(lines: Lines, upper: Piece, lower: Piece) -> bool | None:
    """Return whether a line of tabs parts ``upper`` from ``lower``, or None when text
    stands between them."""
    between = range(upper.last + 1, lower.first)
    if not all(lines.blank[i] for i in between):
        return None
    return any(lines.cell_gap[i] for i in between)


def _blank_after_gap(lines: Lines, upper: Piece, lower: Piece) -> int:
    """Return how many blank lines stand between the last line of tabs after ``upper``
    and ``lower``: one before the next cell, more when the row ended after an empty
    cell."""
    index = lower.first - 1
    count = 0
    while index > upper.last and not lines.cell_gap[index]:
        count += 1
        index -= 1
    return count


def _block_cell_rows(state: State, start: int) -> tuple[int, list[list[str]]] | None:
    """Return the end (a piece index) and the rows of the table of block cells whose
    first cell is ``state.pieces[start]``, or None (:func:`join_copy_block_cells`)."""
    pieces, lines = state.pieces, state.lines

    def cell(index: int) -> bool:
        return pieces[index].kind == "paragraph"

    def row_starts(index: int) -> bool:
        return (
            cell(index)
            and index + 1 < len(pieces)
            and cell(index + 1)
            and _cell_gap_between(lines, pieces[index], pieces[index + 1]) is True
        )

    if not row_starts(start):
        return None
    rows: list[list[str]] = [[pieces[start].text]]
    end = start + 1
    while end < len(pieces) and cell(end):
        gap = _cell_gap_between(lines, pieces[end - 1], pieces[end])
        if gap is None:
            break
        if gap and _blank_after_gap(lines, pieces[end - 1], pieces[end]) <= 1:
            rows[-1].append(pieces[end].text)
        elif gap and row_starts(end):
            rows[-1].append("")  # the row's last cell is empty, a new row starts
            rows.append([pieces[end].text])
        elif gap:
            rows[-1].append("")
            break
        elif pieces[end].first - pieces[end - 1].last == 2 and row_starts(end):
            # two blocks of one cell, another cell after them
            rows[-1][-1] = f"{rows[-1][-1]} {pieces[end].text}"
        elif row_starts(end):
            rows.append([pieces[end].text])
        else:
            break
        end += 1
    if len(rows) < MIN_BLOCK_CELL_ROWS:
        return None
    return end, rows


def tag_copy_item_runs(state: State, formula: Callable[[str], bool]) -> None:
    """Mark the pieces of a browser's copy's runs that are lists whose items run on over
    a <br> (``Piece.copy_group``, ``Piece.copy_items``): a run of more than
    :data:`MAX_COPY_JOINED_LINES` lines between blank lines is read a block per line, a
    line running on from the one above (:func:`_copy_runs_on`) joined to it (and the
    run's last lines joined whole), and :func:`copy_list` takes no run with such a line
    ("mstriemer hid the print setting ..." over "emalysz made a change ..."). Read as a
    list at once, a page's runs of <div>s became lists, which the page filter scores as
    one paragraph (innertext whole-page F1 0.815 -> 0.799): so the pieces stay as the
    page filter scores them, and :func:`join_copy_item_runs` makes a list of what it
    kept. An item is a line with the lines running on from it; the headings among the
    items (:func:`_copy_run_heads`) stay lines of their own; a run holding a ``formula``
    line (mathematics one symbol a token, under its label: "The Lorenz Equations") is no
    list."""
    if not state.layout.copy:
        return
    pieces = state.pieces
    lines = state.lines
    group = 0
    i = 0
    while i < len(pieces):
        j = i
        while (
            j + 1 < len(pieces)
            and pieces[j + 1].kind == "paragraph"
            and pieces[j + 1].first == pieces[j].last + 1
        ):
            j += 1
        run = pieces[i : j + 1]
        i = j + 1
        if not _is_copy_item_run(state, run) or any(
            formula(lines.text[index]) for index in range(run[0].first, run[-1].last + 1)
        ):
            continue
        spans = [span for piece in run for span in _copy_piece_items(state, piece)]
        if len(spans) < MIN_COPY_LIST_ITEMS:
            continue
        texts = [join_lines(list(lines.text[a : b + 1])) for a, b in spans]
        mean = sum(len(text) for text in texts) / len(texts)
        heads = _copy_anchored_heads(texts) or _copy_run_heads(state, run[0].first, texts, mean)
        group += 1
        k = 0
        for piece in run:
            piece.copy_group = group
            while k < len(spans) and spans[k][1] <= piece.last:
                piece.copy_items.append((spans[k][0], spans[k][1], heads[k]))
                k += 1


def _copy_piece_items(state: State, piece: Piece) -> list[tuple[int, int]]:
    """Return the first and last line of each item in ``piece``, a block of a long run of
    a browser's copy: a line with the lines running on from it (:func:`_copy_runs_on`)."""
    lines = state.lines
    spans: list[tuple[int, int]] = []
    for index in range(piece.first, piece.last + 1):
        if spans and _copy_runs_on(lines.text[index - 1], lines.text[index]):
            spans[-1] = (spans[-1][0], index)
        else:
            spans.append((index, index))
    return spans


def _is_copy_item_run(state: State, run: list[Piece]) -> bool:
    """Return True when the paragraph pieces ``run`` are a whole run of lines between blank
    lines, longer than :data:`MAX_COPY_JOINED_LINES` lines, that is a list but for lines
    running on over a <br>: flush lines of no program text or table cells, at least
    :data:`MIN_COPY_LIST_ITEMS` items, one of them two lines or more."""
    lines = state.lines
    if run[0].kind != "paragraph" or len(run) < MIN_COPY_LIST_ITEMS:
        return False
    first, last = run[0].first, run[-1].last
    if last - first + 1 <= MAX_COPY_JOINED_LINES or all(p.first == p.last for p in run):
        return False
    if (first > 0 and not lines.blank[first - 1]) or (
        last + 1 < state.end and not lines.blank[last + 1]
    ):
        return False
    if _copy_title_line(state, first) or _copy_label_over_text(
        lines.text[first], lines.text[first + 1]
    ):
        return False
    return not any(
        lines.indent[i] or lines.cells[i] or _copy_code_line(lines.text[i])
        for i in range(first, last + 1)
    )


def join_copy_item_runs(pieces: list[Piece], lines: Lines) -> list[Piece]:
    """Return ``pieces`` with the pieces of each run :func:`tag_copy_item_runs` marked
    that the page filter kept as paragraphs, side by side, read as lists of their items
    (a heading among them a line of its own, an item alone a paragraph); a piece dropped
    or made something else between them ends the run."""
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if not piece.copy_group or piece.kind != "paragraph":
            out.append(piece)
            i += 1
            continue
        j = i
        while (
            j + 1 < len(pieces)
            and pieces[j + 1].copy_group == piece.copy_group
            and pieces[j + 1].kind == "paragraph"
        ):
            j += 1
        items = [item for p in pieces[i : j + 1] for item in p.copy_items]
        out.extend(_copy_item_pieces(items, lines))
        i = j + 1
    return out


def _copy_item_pieces(items: list[tuple[int, int, bool]], lines: Lines) -> list[Piece]:
    """Return the lists and lines of their own that a run's ``items`` make."""
    out: list[Piece] = []
    k = 0
    while k < len(items):
        m = k
        while m < len(items) and not items[m][2]:
            m += 1
        group = items[k:m] if m > k else items[k : k + 1]
        texts = [join_lines(list(lines.text[a : b + 1])) for a, b, _ in group]
        first, last = group[0][0], group[-1][1]
        if len(group) > 1:
            out.append(
                Piece(
                    kind="list",
                    first=first,
                    last=last,
                    items=[Item(text=text) for text in texts],
                    line_count=last - first + 1,
                )
            )
        else:
            out.append(
                Piece(
                    kind="paragraph",
                    first=first,
                    last=last,
                    text=texts[0],
                    line_count=last - first + 1,
                )
            )
        k = max(m, k + 1)
    return out


# A run of a browser's copy is a table of contents when at least this share of its lines
# come back further down as lines of their own (its sections' headings), and it holds at
# least MIN_COPY_LIST_ITEMS lines.
MIN_COPY_CONTENTS_SHARE = 0.5


def _copy_key(text: str) -> str:
    return _COPY_SECTION_ANCHOR.sub("", text).strip().casefold()


def _copy_last_lines(state: State) -> dict[str, int]:
    """Return the text (:func:`_copy_key`) of each line that heads a section, a label
    (:func:`_copy_label`) with a letter in it and a paragraph-long line under it
    (:data:`MIN_COPY_BODY_CHARS`, a blank line between at most), with the last line
    holding it; not a teaser's date over its headline ("28/04/2022")."""
    if state.copy_last_line is None:
        lines = state.lines
        last: dict[str, int] = {}
        for index in range(state.end - 1):
            below = index + 2 if lines.blank[index + 1] else index + 1
            text = lines.text[index]
            if (
                below < state.end
                and len(lines.text[below]) >= MIN_COPY_BODY_CHARS
                and _copy_label(text)
                and any(ch.isalpha() for ch in text)
            ):
                last[_copy_key(lines.text[index])] = index
        state.copy_last_line = last
    return state.copy_last_line


def _copy_lines_come_back(state: State, start: int, end: int) -> bool:
    """Return True when most lines of the run ``[start, end)`` of a browser's copy come
    back further down as the headings of sections (:func:`_copy_last_lines`): a table
    of contents over the sections it lists ("Setting up" under each of them:
    mercurial's), whose short entries are items, not headings among them
    (:func:`_copy_run_heads`)."""
    if end - start < MIN_COPY_LIST_ITEMS:
        return False
    last = _copy_last_lines(state)
    back = sum(1 for i in range(start, end) if last.get(_copy_key(state.lines.text[i]), 0) >= end)
    return back >= MIN_COPY_CONTENTS_SHARE * (end - start)


def _copy_anchored_heads(texts: list[str]) -> list[bool] | None:
    """Return, per line of a run, whether it is a heading, when some lines carry a section
    anchor ("History[edit]", "Setting up¶"): those are the run's headings, and its other
    short lines are items ("See also[edit]" over "Vector space", "Hermitian form"); None
    when no line does. innerText sets no blank line between a heading and the list or
    <div>s around it; the anchor marks the heading, as in ``label_headings``."""
    heads = [_COPY_SECTION_ANCHOR.search(text) is not None and _copy_label(text) for text in texts]
    return heads if any(heads) else None


# A heading at the edge of a run is short (a label, a title with a qualifier) ...
MAX_COPY_EDGE_HEADING_WORDS = 8
# ... and breaks the shape this many items or more share.
MIN_COPY_SHAPE_ITEMS = 3
_STARTS_NUMBERED = re.compile(r"\d")


def _breaks_item_shape(edge: str, items: list[str]) -> bool:
    """Return True when ``edge``, the first or last line of a run, lacks the shape all the
    run's other lines share: they all open with a number ("1 History", "2.1 Pledge"), and
    it does not. innerText sets no blank line between a list
    and a heading right above or under it (a table of contents' "Contents", "History"
    under it), so such a line is that heading, not an item."""
    if len(items) < MIN_COPY_SHAPE_ITEMS or len(edge.split()) > MAX_COPY_EDGE_HEADING_WORDS:
        return False
    if all(_STARTS_NUMBERED.match(item) for item in items):
        return _STARTS_NUMBERED.match(edge) is None
    return False


def _copy_run_heads(state: State, start: int, texts: list[str], mean: float) -> list[bool]:
    """Return, per line of a run of a browser's copy, whether it is a heading among the
    run's items (:func:`_copy_heading_line`); under a lead-in ending in a colon ("What
    You'll Need:" over "Cloche", "Planter saucer, small shallow dish", "Ruler") the lines
    are what it introduces, items, but for the last, which may head the text after the
    list (innerText sets no blank line between them).

    On the readability renderings 4 short items per copy variant (ehow-1) were taken
    for headings so, and none of the 30 headings this rule finds stands under a colon;
    the last line of such a run was a heading once (keep-tabular-data's "Water
    Placement")."""
    heads = [_copy_heading_line(text, mean) for text in texts]
    if _copy_introduced(state, start):
        heads[:-1] = [False] * (len(texts) - 1)
    return heads


def _copy_introduced(state: State, start: int) -> bool:
    """Return True when the run at ``start`` stands right under a paragraph line ending in a
    colon (a blank line between at most): what that lead-in introduces."""
    lines = state.lines
    above = start - 1
    if above >= 0 and lines.blank[above]:
        above -= 1
    return above >= 0 and not lines.blank[above] and lines.text[above].endswith(":")


def _copy_heading_line(text: str, mean: float) -> bool:
    """Return True for a line of a run that is a heading, not an item: innerText sets no
    blank line around a heading, so the headings of a page's sections run into the lines
    of the lists and <div>s around them. Such a line is short (a label of up to five
    words, ending in no punctuation but a question mark) and a third as long as the run's
    lines are on average, or shorter."""
    return (
        len(text.split()) <= MAX_COPY_LABEL_WORDS
        and _COPY_CLOSED.search(text.rstrip("?")) is None
        and len(text) * COPY_HEADING_SHORTER <= mean
    )


# ---------------------------------------------------------------------------- checklists


# A check box typed (or copied) at a line's start: "[ ]", "[x]", "[X]", or a ballot box
# "☐ ☑ ☒", with the item's label after it.
_CHECK_BOX = re.compile(r"(?:\[[ xX]\]|[☐☑☒])[ \t]+(?=\S)")
# Another form control on the line (a text field, a radio button, a button), which an
# item's label never holds: "[ ] Share [ ]" is a form a text browser printed.
_OTHER_CONTROL = re.compile(r"\[[ xX*]?\]|\([ xX*]\)|_{4,}|\(BUTTON\)|\[ [^\[\]]{1,30} \]")
# A checklist has at least this many items: one box alone is a form's ("[ ] Remember me").
MIN_CHECKLIST_ITEMS = 2


def check_item_label(text: str) -> str | None:
    """Return the label of a checklist line ("[x] Stove" -> "Stove"), or None when
    ``text`` does not open with a check box (:data:`_CHECK_BOX`), its label holds no
    letter, or the line holds another form control."""
    match = _CHECK_BOX.match(text)
    if match is None:
        return None
    label = text[match.end() :]
    if not any(ch.isalpha() for ch in label) or _OTHER_CONTROL.search(label):
        return None
    return label


def _checklist_end(state: State, start: int) -> int:
    """Return the end of the run of checklist lines from line ``start``: lines right
    under one another at one indent, each opening with a check box; a line set in past
    the box (a long label wrapped under itself) goes on with its item."""
    lines = state.lines
    indent = lines.indent[start]
    end = start
    while end < state.end and not lines.blank[end]:
        if lines.indent[end] == indent and check_item_label(lines.text[end]) is not None:
            end += 1
        elif end > start and lines.indent[end] > indent:
            end += 1  # the wrapped rest of the item above
        else:
            break
    return end


def _checklist_items(state: State, start: int) -> int:
    """Return how many checklist items open at line ``start`` (0 when none)."""
    lines = state.lines
    if state.layout.markdown or check_item_label(lines.text[start]) is None:
        return 0
    indent = lines.indent[start]
    end = _checklist_end(state, start)
    return sum(1 for i in range(start, end) if lines.indent[i] == indent)


def checklist(state: State, start: int, silent: bool) -> int | None:
    """A checklist: lines right under one another that each open with a check box
    ("[ ] Tent" / "[x] Stove", "☐ ☑ ☒"), at least :data:`MIN_CHECKLIST_ITEMS`. A list,
    one item a line, each item keeping its box so the checked state stays in its text.
    Not in Markdown, where a task list is a list item ("- [ ] x") and brackets are
    links'."""
    if _checklist_items(state, start) < MIN_CHECKLIST_ITEMS:
        return None
    end = _checklist_end(state, start)
    if silent:
        return end
    lines = state.lines
    indent = lines.indent[start]
    piece = Piece(kind="list", first=start, last=end - 1, indent=indent)
    parts: list[str] = []
    tight = wraps_tight(state)
    for index in range(start, end + 1):
        if index == end or lines.indent[index] == indent:
            if parts:
                piece.items.append(Item(text=join_lines(parts, tight=tight)))
            parts = []
        if index < end:
            parts.append(lines.text[index])
    piece.line_count = end - start
    state.pieces.append(piece)
    return end


# ---------------------------------------------------------------------------- quotes


# lynx indents a blockquote two columns past the body and w3m four; more than this is
# centred text or preformatted art, not a quote.
MIN_QUOTE_EXTRA_INDENT = 2
MAX_QUOTE_EXTRA_INDENT = 8


def _is_indented_quote_line(state: State, index: int) -> bool:
    extra = state.lines.indent[index] - state.layout.body_indent
    return MIN_QUOTE_EXTRA_INDENT <= extra <= MAX_QUOTE_EXTRA_INDENT and (
        list_marker(state.lines.text[index]) is None
    )


# A line is centred when its left margin equals its right one to within this many columns.
CENTRED_SLACK_COLUMNS = 3


def _is_centred(state: State, index: int) -> bool:
    """Return True when line ``index`` stands in the middle of the wrap width."""
    width = state.layout.wrap_width
    lines = state.lines
    if width is None or lines.indent[index] <= state.layout.body_indent:
        return False
    right = width - lines.width[index]
    return abs(lines.indent[index] - right) <= CENTRED_SLACK_COLUMNS + state.layout.body_indent


def _opens_indented_paragraph(state: State, index: int) -> bool:
    """Return True when indented line ``index`` is a paragraph's first line, its wrapped
    rest at the body margin (a first-line indent: Chinese text's two ideographic spaces)."""
    below = index + 1
    return (
        below < state.end
        and not state.lines.blank[below]
        and not _is_indented_quote_line(state, below)
        and state.lines.indent[below] < state.lines.indent[index]
    )


def quote(state: State, start: int, silent: bool) -> int | None:
    """``> text`` lines (Markdown), or prose indented past the body text (lynx, w3m).

    The quoted lines are parsed again with every rule but this one, so quotes do not
    nest: ``>>`` is read as one level.
    """
    if not state.allow_quote:
        return None
    lines = state.lines
    text = lines.text[start]
    inner: list[str] = []
    indents: list[int] = []
    hard_breaks: tuple[bool, ...] = ()
    end = start
    if text.startswith(">"):
        while end < state.end and lines.text[end].startswith(">"):
            body = lines.text[end].lstrip("> ")
            inner.append(body)
            indents.append(0)
            end += 1
        if state.layout.markdown and lines.hard_break:
            hard_breaks = lines.hard_break[start:end]  # a <br>, a table's rows inside
    elif not state.layout.markdown and _is_indented_quote_line(state, start):
        below = start + 1
        alone = below >= state.end or lines.blank[below]
        if alone and _is_centred(state, start):
            return None  # lynx centres a page's <h1>
        if not _is_indented_quote_line(state, below if below < state.end else start) and not (
            alone and state.layout.is_full(lines.width[start])
        ):
            # one line alone is a quote only if it was wrapped (centred titles are short);
            # one indented line over flush ones is a paragraph's first-line indent
            return None
        while end < state.end:
            if lines.blank[end]:
                nxt = lines.next_nonblank(end)
                if (
                    nxt >= state.end
                    or not _is_indented_quote_line(state, nxt)
                    or _opens_indented_paragraph(state, nxt)
                ):
                    break
                inner.extend([""] * (nxt - end))
                indents.extend([0] * (nxt - end))
                end = nxt
                continue
            if not _is_indented_quote_line(state, end):
                break
            inner.append(lines.text[end])
            indents.append(0)
            end += 1
    else:
        return None
    if not inner:
        return None
    if silent:
        return end
    sub_lines = Lines(
        text=tuple(inner),
        indent=tuple(indents),
        blank=tuple(not t for t in inner),
        width=tuple(display_width(t) for t in inner),
        hard_break=hard_breaks,
    )
    html_pieces: list[Piece] = []
    html = state.layout.html
    if state.layout.markdown and text.startswith(">"):
        sub_lines, html_pieces, html = _quoted_html(sub_lines, start, state)
    sub = State(
        lines=sub_lines,
        layout=Layout(
            wrap_width=state.layout.wrap_width, markdown=state.layout.markdown, html=html
        ),
        end=len(inner),
        urls=state.urls,
        allow_quote=False,
        typed_margin=margin_markers_typed(state),
        refs=state.refs,
        url=state.url,
    )
    parse_blocks(sub)
    sub.pieces = splice_pieces(sub.pieces, html_pieces)
    for child in sub.pieces:
        child.first += start
        child.last += start
    if not sub.pieces:
        return None
    state.pieces.append(Piece(kind="quote", first=start, last=end - 1, children=sub.pieces))
    return end


# ------------------------------------------------------------------ indented commands


def _introduced(lines: Lines, start: int) -> bool:
    """Return True when the text line above line ``start`` ends in a colon ("Run this:")."""
    above = start - 1
    while above >= 0 and lines.blank[above]:
        above -= 1
    return above >= 0 and lines.text[above].endswith(":")


def indented_commands(state: State, start: int, silent: bool) -> int | None:
    """Commands or code set in past the body after a blank line, as a README or an e-mail
    sets them under "Run this:": a code block, each line its own, where ``quote`` would
    join them into one quoted paragraph (``commands.reads_as_commands`` tells them from
    quoted prose). Blank lines inside the run are kept while the lines after them stand
    as far in; lines set further in keep their extra indent. One line alone is commands
    only under a line that ends in a colon. Markdown has its own indented code, and a
    ``>`` quote says it quotes.
    """
    layout = state.layout
    lines = state.lines
    if (
        layout.markdown
        or not state.allow_quote
        or (start > 0 and not lines.blank[start - 1])
        or not _is_indented_quote_line(state, start)
    ):
        return None
    base = lines.indent[start]
    end = last = start
    while end < state.end:
        if lines.blank[end]:
            nxt = lines.next_nonblank(end)
            if nxt >= state.end or lines.indent[nxt] < base:
                break
            end = nxt
            continue
        if lines.indent[end] < base:
            break
        last = end
        end += 1
    introduced = _introduced(lines, start)
    texts = [lines.text[i] for i in range(start, last + 1)]
    if (last == start and not introduced) or not reads_as_commands(texts, introduced=introduced):
        return None
    if silent:
        return last + 1
    body = [
        "" if lines.blank[i] else " " * (lines.indent[i] - base) + lines.text[i]
        for i in range(start, last + 1)
    ]
    state.pieces.append(
        Piece(
            kind="code", first=start, last=last, text="\n".join(body), line_count=last - start + 1
        )
    )
    return last + 1


# ------------------------------------------------------------------- raw HTML blocks


def read_html_blocks(
    lines: Lines, spans: list[HtmlSpan], url: str | None, offset: int = 0
) -> tuple[list[Piece], list[int]]:
    """Return the pieces of the raw HTML blocks ``spans`` of a Markdown text, one ``html``
    piece for each block the HTML block builder made, and the indexes of the lines they
    stand on.

    A block that gives no block at all (a ``<script>``, an empty figure) has no piece, and
    its lines are no text of the article. One the HTML parser cannot read stays text.
    ``offset`` is the text's line of ``lines[0]`` (the inside of a quote), for the blocks'
    provenance.
    """
    pieces: list[Piece] = []
    taken: list[int] = []
    texts, indents = lines.text, lines.indent
    for span in spans:
        blocks = build_html_blocks(span_html(span, texts, indents), url=url)
        if blocks is None:
            continue
        taken.extend(range(span.first, span.last + 1))
        for block in with_lines(blocks, span.first + offset, span.last + offset):
            pieces.append(
                Piece(
                    kind="html",
                    first=span.first,
                    last=span.last,
                    text=scoring_text(block),
                    line_count=span.last - span.first + 1,
                    block=block,
                )
            )
    return pieces, taken


def splice_pieces(pieces: list[Piece], inserted: list[Piece]) -> list[Piece]:
    """Return ``pieces`` with ``inserted`` (in line order, none inside another piece's
    lines) put where their lines stand."""
    if not inserted:
        return pieces
    out: list[Piece] = []
    k = 0
    for piece in pieces:
        while k < len(inserted) and inserted[k].first < piece.first:
            out.append(inserted[k])
            k += 1
        out.append(piece)
    out.extend(inserted[k:])
    return out


def _quoted_html(lines: Lines, offset: int, state: State) -> tuple[Lines, list[Piece], bool]:
    """Read the inside of a Markdown ``>`` quote, ``lines``, as the text's own lines are
    read for raw HTML (``parse_text``): when the text carries raw HTML, or the quote
    does by the same test (two lines of nothing but tags, or a table, list or figure
    block: pandoc's GFM keeps a quoted ``<blockquote>``'s tables whole, each line under
    a ``>``), its raw HTML blocks are read by the HTML block builder and its lines of
    nothing but tags are blank.

    Return the lines, the blocks' pieces (line numbers in ``lines``; ``offset`` is the
    quote's first line, for provenance) and whether the quote carries raw HTML."""
    spans = html_block_spans(lines.text, lines.indent)
    markup = markup_line_numbers(lines.text, lines.indent)
    html = state.layout.html or len(markup) >= MIN_MARKUP_LINES or shows_raw_html(spans)
    if not html or (not spans and not markup):
        return lines, [], html
    pieces, taken = read_html_blocks(lines, spans, state.url, offset)
    return blanked(lines, markup + taken), pieces, html


# ---------------------------------------------------------------------------- tables

# Deepest indent (columns) of a pipe table's header row: four or more is indented code.
MAX_TABLE_HEADER_INDENT = 3


# Most lines html2text wraps a table's header row over (78 columns each; a picture's link
# with its URL takes three: blogger's captioned figures laid out as one-column tables).
MAX_TABLE_HEADER_LINES = 4


def _table_head(state: State, start: int) -> tuple[list[str], int, int] | None:
    """Return the header cells, the column count and the delimiter row's line of a pipe
    table whose header row starts at line ``start``, or None when no table starts there.

    The header row is line ``start``; in html2text's table (a delimiter row ending in a
    hard break) it may be wrapped over up to ``MAX_TABLE_HEADER_LINES`` lines, from a
    line right after a blank line or a hard break to the one ending in a hard break.
    """
    lines = state.lines
    if not state.layout.markdown or start + 1 >= state.end or lines.blank[start]:
        return None
    if not 0 <= lines.indent[start] - state.table_indent <= MAX_TABLE_HEADER_INDENT:
        return None
    line = lines.text[start]
    below = start + 1
    columns = delimiter_columns(lines.text[below]) or _html2text_one_column(state, below)
    if not columns:
        below = _wrapped_header_end(state, start) + 1
        if below <= start + 1:
            return None
        columns = delimiter_columns(lines.text[below]) or _html2text_one_column(state, below)
        if not columns or not _is_html2text_table(state, below):
            return None
        line = join_lines(list(lines.text[start:below]))
    if line[0] == "#" and atx_heading(state, start, True) is not None:
        return None  # a heading with a pipe in it, over a table's delimiter row
    header = header_cells(line, lines.text[below], columns)
    return None if header is None else (header, columns, below)


def _wrapped_header_end(state: State, start: int) -> int:
    """Return the last line of a header row html2text wrapped from line ``start`` on
    (the first line ending in a hard break, within ``MAX_TABLE_HEADER_LINES``), or -1."""
    lines = state.lines
    hard = lines.hard_break
    if not hard or hard[start] or (start and not lines.blank[start - 1] and not hard[start - 1]):
        return -1
    last = min(start + MAX_TABLE_HEADER_LINES, state.end - 1) - 1
    for index in range(start + 1, last + 1):
        if lines.blank[index]:
            return -1
        if hard[index]:
            return index
    return -1


def _html2text_one_column(state: State, index: int) -> int:
    """Return 1 when line ``index`` is the delimiter row html2text writes under a first
    row of one cell: ``---`` ending in a hard break, under a line ending in one (the
    ``---`` that ``_is_table_head_rule`` keeps from underlining a heading); else 0."""
    hard = state.lines.hard_break
    if not hard or not hard[index] or index == 0 or not hard[index - 1]:
        return 0
    return 1 if state.lines.text[index] == "---" else 0


def _is_html2text_table(state: State, below: int) -> bool:
    """Say whether the delimiter row at line ``below`` is html2text's: no leading pipe
    and a hard break at its end (html2text ends every row with a ``<br>``). html2text
    makes a table's first row its header row, however many cells the rows below have
    (a caption cell spanning the columns: "Most active developers" over "Name | 63 |
    16.6%"), and starts a nested table's rows right under the outer one's."""
    hard = state.lines.hard_break
    return bool(hard) and hard[below] and not state.lines.text[below].startswith("|")


def _heads_html2text_table(state: State, index: int) -> bool:
    """Say whether line ``index`` is the header row of another html2text table (the
    delimiter row of one right under it): it ends the table above."""
    below = index + 1
    if below >= state.end or not _is_html2text_table(state, below):
        return False
    text = state.lines.text[below]
    return bool(delimiter_columns(text) or _html2text_one_column(state, below))


def _ends_table(state: State, index: int) -> bool:
    """Return True when line ``index`` ends a pipe table: a blank line or one that starts
    another block (a quote, an ATX heading, a fence, a thematic break, a list item)."""
    lines = state.lines
    if lines.blank[index]:
        return True
    text = lines.text[index]
    first = text[0]
    if first == ">":
        return True
    if first == "#" and atx_heading(state, index, True) is not None:
        return True
    if first in "`~" and fence(state, index, True) is not None:
        return True
    if first in "-*_" and thematic_break(state, index, True) is not None:
        return True
    if first in _MARKDOWN_BULLETS or first.isdigit():
        marker = list_marker(text)
        return marker is not None and not is_foreign_marker(state.layout, text, marker)
    return False


def pipe_table(state: State, start: int, silent: bool) -> int | None:
    """A GFM pipe table (Markdown only): a header row, a delimiter row (``|---|:-:|``)
    with as many cells, then rows up to a blank line or another block's start.

    The table is an ``html`` piece (a block built whole, as a raw HTML block's): its
    ``Table`` has the header row (unless its cells are all empty) and the rows, each cut
    or padded to the header's cells, each cell's inline Markdown parsed
    (:mod:`articlekit.text.tables`).
    """
    head = _table_head(state, start)
    if head is None:
        return None
    header, columns, below = head
    if silent:
        return below + 1
    texts = state.lines.text
    delimiter = texts[below]
    html2text = not delimiter.startswith("|")
    closing = closes_rows(delimiter)
    hard = state.lines.hard_break
    # html2text's own table: its rows are not cut to the first row's cells, a row ends
    # with a <br> (two spaces) and is wrapped at 78 columns when no cell ends in a space
    # ("Cookie| Dauer|"), so a row runs on to its hard break
    broken = _is_html2text_table(state, below)
    rows: list[list[str]] = []
    lines: list[tuple[int, int]] = []  # each row's first and last line
    end = below + 1
    while end < state.end and not _ends_table(state, end):
        if broken and _heads_html2text_table(state, end):
            break
        first = end
        line = texts[end]
        end += 1
        if closing and line[0] == "|" and line[-1] != "|":
            parts = [line]
            while end < state.end and texts[end][0:1] != "|" and not _ends_table(state, end):
                parts.append(texts[end])
                end += 1
            line = " ".join(parts)
        elif broken and not hard[end - 1]:
            parts = [line]
            while end < state.end and not _ends_table(state, end):
                parts.append(texts[end])
                end += 1
                if hard[end - 1]:
                    break
            line = join_lines(parts)  # a link's URL wrapped at a hyphen stays whole
        rows.append(row_cells(line, columns, html2text=html2text, cut=not broken))
        lines.append((first, end - 1))
    if broken:
        width = max(len(row) for row in [header, *rows])
        header = header + [""] * (width - len(header))
        rows = [row + [""] * (width - len(row)) for row in rows]
    if is_layout_table(header, rows, header_known=not html2text):
        _layout_cells(state, (start, below - 1), header, rows, lines)
        return end
    table = build_table(header, rows, html=state.layout.html, refs=state.refs)
    state.pieces.append(
        Piece(
            kind="html",
            first=start,
            last=end - 1,
            text=table_text(header, rows),
            line_count=end - start,
            block=table,
            pipe_table=True,
        )
    )
    return end


def drawn_table(state: State, start: int, silent: bool) -> int | None:
    """A table drawn as text (:mod:`articlekit.text.drawn`): a grid of box-drawing or
    ASCII rules (w3m's bordered ``<table>``, pandoc's grid tables) or pandoc's column
    rules (``pandoc -t plain``'s simple and multiline tables), at a block's start (under
    a blank line). Not in a browser's copy (innerText draws no table) or in Markdown with
    raw HTML. The table is an ``html`` piece, as a pipe table's: on a page it scores as
    its cells' text; a table of one row or one column stays text (it lays out the page).
    """
    layout = state.layout
    lines = state.lines
    if layout.copy or layout.html:
        return None
    if start > 0 and not lines.blank[start - 1] and not _under_drawn_table(state, start):
        return None
    text = lines.text[start]
    found: DrawnTable | None = None
    if text.startswith(_DRAWN_OPENINGS) or _ruled_below(state, start):
        found = read_drawn_table(_IndentedLines(lines), start, state.end)
    # pandoc's rules (an ASCII grid, column rules) are neutral on a page, as a raw HTML
    # block's table (scored as text they cost pandoc's whole-page recall 0.893 -> 0.888);
    # a browser's box grid or spaced columns score as their text, as a pipe table (w3m's
    # whole-page recall 0.907 -> 0.905 neutral)
    ruled = found is not None and not text.startswith(_BOX_CORNERS)
    if found is None and not layout.markdown and _spaced_run(state, start):
        found = read_aligned(_IndentedLines(lines), start, state.end)
    if found is None and not layout.markdown and "  " in text:
        found = read_grouped(_IndentedLines(lines), start, state.end)
    if found is None:
        return None
    end, rows, header_rows, caption = found
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    header = rows[0] if header_rows else [""] * width
    if is_layout_table(header, rows[header_rows:]):
        return None  # a page's layout drawn as a table: its lines are read as before
    urls = state.urls or None
    if silent:
        return end
    if not ruled and not header_rows and first_row_heads(rows):
        header_rows = 1  # spaced columns mark no header row: labels over figures
    table = Table(
        rows=tuple(
            TableRow(
                cells=tuple(
                    TableCell(content=parse_inlines(cell, urls=urls), header=k < header_rows)
                    for cell in row
                )
            )
            for k, row in enumerate(rows)
        ),
        header_rows=header_rows,
        caption=parse_inlines(caption, urls=urls),
    )
    state.pieces.append(
        Piece(
            kind="html",
            first=start,
            last=end - 1,
            text="\n".join(filter(None, [caption, table_text([], rows)])),
            line_count=sum(not lines.blank[i] for i in range(start, end)),
            block=table,
            pipe_table=not ruled,
        )
    )
    return end


# how a drawn table's first line opens: a grid's top rule, a multiline table's or a
# headerless table's rule (else a header line over a column rule, ``_ruled_below``)
_BOX_CORNERS = ("┌", "╔", "┏", "╒", "╓")
_DRAWN_OPENINGS = (*_BOX_CORNERS, "+-", "+=", "---")


class _IndentedLines(Sequence[str]):
    """The lines of ``lines`` with their indent (a blank line empty), made when read."""

    def __init__(self, lines: Lines) -> None:
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        lines = self._lines
        return "" if lines.blank[index] else " " * lines.indent[index] + lines.text[index]


def _under_drawn_table(state: State, start: int) -> bool:
    """Say whether line ``start`` comes right under a table drawn as text (lynx sets the
    next table of a pair right under the first, its caption its first line)."""
    if not state.pieces:
        return False
    last = state.pieces[-1]
    return last.last == start - 1 and last.pipe_table and isinstance(last.block, Table)


def _spaced_run(state: State, start: int) -> bool:
    """Say whether the lines from ``start`` may be a table laid out in spaced columns:
    three lines of text or more, one of the first three with two spaces inside it."""
    lines = state.lines
    if start + MIN_ALIGNED_ROWS > state.end:
        return False
    span = range(start, start + MIN_ALIGNED_ROWS)
    return not any(lines.blank[i] for i in span) and any("  " in lines.text[i] for i in span)


def _ruled_below(state: State, start: int) -> bool:
    """Say whether the line under ``start`` starts with hyphens (a column rule under a
    header line)."""
    below = start + 1
    return below < state.end and state.lines.text[below].startswith("---")


def _layout_cells(
    state: State,
    head: tuple[int, int],
    header: list[str],
    rows: list[list[str]],
    lines: list[tuple[int, int]],
) -> None:
    """Append the rows of a layout table (``tables.is_layout_table``) as paragraphs of
    their cells' text, side by side as a browser shows them; a row of empty cells gives
    none. (The HTML parser reads a layout table's cells as the page's flow too; a row
    kept whole keeps a picture with the note beside it, "Wikimedia Commons has media
    related to ...", one piece for the page filter, as it was before tables were read.)"""
    spans = [head, *lines]
    for (first, last), cells in zip(spans, [header, *rows], strict=True):
        text = " ".join(cell for cell in cells if cell)
        if text:
            state.pieces.append(
                Piece(
                    kind="paragraph",
                    first=first,
                    last=last,
                    text=text,
                    indent=state.lines.indent[first],
                    line_count=last - first + 1,
                )
            )


# ---------------------------------------------------------------------------- code

CODE_INDENT_COLUMNS = 4


def indented_code(state: State, start: int, silent: bool) -> int | None:
    """Markdown code: lines indented four columns past the body, after a blank line."""
    if not state.layout.markdown:
        return None
    lines = state.lines
    base = state.layout.body_indent + CODE_INDENT_COLUMNS
    if lines.indent[start] < base or (start > 0 and not lines.blank[start - 1]):
        return None
    if list_marker(lines.text[start]) is not None:
        return None
    end = start
    body: list[str] = []
    last = start
    while end < state.end:
        if lines.blank[end]:
            nxt = lines.next_nonblank(end)
            if nxt >= state.end or lines.indent[nxt] < base:
                break
            body.extend([""] * (nxt - end))
            end = nxt
            continue
        if lines.indent[end] < base:
            break
        body.append(" " * (lines.indent[end] - base) + lines.text[end])
        last = end
        end += 1
    if silent:
        return end
    state.pieces.append(Piece(kind="code", first=start, last=last, text="\n".join(body)))
    return last + 1


_CODE_CHARS = re.compile(r"[{}();=<>\[\]$#/\\]|^\s*(?://|#|--)")


def preformatted(state: State, start: int, silent: bool) -> int | None:
    """lynx preformatted text: lines set left of the indented body, code and the like.

    lynx prints ``<pre>`` at column 0 under a body indented by 3. A run of such lines is
    code when it follows a text line directly (no blank line between, as lynx does) or
    when it spans several lines holding code punctuation; blank lines inside it are kept
    until a line at the body indent follows one.
    """
    layout = state.layout
    lines = state.lines
    if layout.markdown or not layout.body_indent or lines.indent[start] >= layout.body_indent:
        return None
    glued = start > 0 and not lines.blank[start - 1]
    if not glued:
        below = start + 1
        if below >= state.end or lines.blank[below] or lines.indent[below] >= layout.body_indent:
            return None
        if not (_CODE_CHARS.search(lines.text[start]) or _CODE_CHARS.search(lines.text[below])):
            return None
    if silent:
        return start + 1
    end = start
    last = start
    while end < state.end:
        if lines.blank[end]:
            nxt = lines.next_nonblank(end)
            if nxt >= state.end or lines.indent[nxt] >= layout.body_indent:
                break
            end = nxt
            continue
        if lines.indent[end] >= layout.body_indent and end > start and lines.blank[end - 1]:
            break
        last = end
        end += 1
    body = [
        "" if lines.blank[i] else " " * lines.indent[i] + lines.text[i]
        for i in range(start, last + 1)
    ]
    state.pieces.append(
        Piece(
            kind="code", first=start, last=last, text="\n".join(body), line_count=last - start + 1
        )
    )
    return last + 1


# ---------------------------------------------------------------------------- chain

#: The rule chain, in the order rules are offered each line.
BLOCK_RULES: tuple[tuple[str, Rule], ...] = (
    ("fence", fence),
    ("pipe_table", pipe_table),
    ("drawn_table", drawn_table),
    ("recommendations", recommendations),
    ("atx_heading", atx_heading),
    ("setext_heading", setext_heading),
    ("thematic_break", thematic_break),
    ("numbered_heading", numbered_heading),
    ("list", list_block),
    ("checklist", checklist),
    ("copy_table", copy_table),
    ("copy_listing", copy_listing),
    ("copy_list", copy_list),
    ("indented_commands", indented_commands),
    ("quote", quote),
    ("indented_code", indented_code),
    ("preformatted", preformatted),
    ("paragraph", paragraph),
)


def parse_blocks(state: State, rules: tuple[tuple[str, Rule], ...] = BLOCK_RULES) -> None:
    """Run the rule chain over ``state``'s lines, appending pieces to ``state.pieces``."""
    lines = state.lines
    i = lines.next_nonblank(0)
    while i < state.end:
        for _name, rule in rules:
            nxt = rule(state, i, False)
            if nxt is not None:
                # every rule consumes at least one line, so the loop always ends
                i = lines.next_nonblank(max(nxt, i + 1))
                break
