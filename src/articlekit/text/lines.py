"""Per-line facts of a plain text, computed once, and the layout they reveal.

:func:`split_lines` normalises line endings and control characters and returns a
:class:`Lines` object: for every line its stripped text, its indent and whether it is blank,
in flat lists the block rules index instead of re-scanning strings (markdown-it's
``StateBlock`` does the same with ``bMarks``/``eMarks``). :func:`detect_layout` then reads
the whole text once for what the rules need to know about its producer: the column it was
wrapped at (lynx and w3m wrap near 80 columns, html2text at 78), the indent of body text
(lynx indents paragraphs by three spaces) and whether it is Markdown (html2text).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence

import attrs

from articlekit._chars import (
    SPACE_CONTROLS,
    drop_invisible,
    read_c1_as_cp1252,
    repair_c1_mojibake,
)
from articlekit.errors import UnsupportedInputError

__all__ = ["HARD_BREAK", "Layout", "Lines", "detect_layout", "split_lines"]

#: Where a paragraph's text holds a hard line break (Markdown's two trailing spaces: an
#: html2text ``<br>``). U+2028 never reaches a piece otherwise, since ``split_lines`` ends
#: a line there; the inline parser turns it into a ``LineBreak``.
HARD_BREAK = "\u2028"

# C0/C1 control characters other than tab and newline (and the Unicode line and paragraph
# separators); counted to tell binary data from text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
# ... and lone surrogates (a str decoded with "surrogateescape", or built in code), which
# no encoder writes: each becomes U+FFFD, as the HTML parser makes them.
_CLEANED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


# A C1 control character: UTF-8 read as Latin-1 is repaired before controls go.
_C1 = re.compile("[\x80-\x9f]")


def _cleaned(found: re.Match[str]) -> str:
    """Return the replacement of one character of :data:`_CLEANED`: U+FFFD for a lone
    surrogate, nothing for a control character that is no white space (as the HTML parser
    does, :func:`articlekit._chars.replace_controls`), a space for the others."""
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    if char < "\u2028" and char not in SPACE_CONTROLS:
        return ""
    return " "


_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# w3m and lynx mark an <ins> as "[INS:" ... ":INS]"; an empty one is an ad slot (an
# ad network's <ins> filled in by script), a mark with no text of the page in it.
_EMPTY_INS = re.compile(r"\[INS:\s*:INS\]")
# A text with more control characters than this share of its first 4096 characters is
# binary data decoded by mistake (real text dumps have none; a stray form feed is fine).
MAX_CONTROL_SHARE = 0.1
# NUL bytes mark binary data sooner: a few stray ones occur in scraped pages (one
# html2text dump of the trafilatura set has 22 in its first 4096 characters).
MAX_NUL_SHARE = 0.01
MAX_STRAY_NULS = 8
_SNIFF_CHARS = 4096
TAB_COLUMNS = 8

# A line at least this long is "full": its text was wrapped by the producer.
# The width is the 90th percentile of line lengths; texts whose lines are longer than
# MAX_WRAP_COLUMNS were not hard-wrapped at all (one line per paragraph, as the seed).
WRAP_PERCENTILE = 0.9
MAX_WRAP_COLUMNS = 100
MIN_WRAP_COLUMNS = 40
# A line within this many columns of the wrap width was wrapped, not ended by its author.
WRAP_SLACK_COLUMNS = 22

_MD_LINK = re.compile(r"\]\((?:https?:|/|#|mailto:)[^)\s]{0,2000}\)")
# Markdown (html2text) is recognised by links "[text](url)", or by "#" headings alone
# between blank lines: two of them, or one that opens the text (html2text's title). One
# "# line" in the middle of w3m output is a shell comment in a code block.
MIN_MARKDOWN_LINKS = 2
MIN_MARKDOWN_HEADINGS = 2
_MD_HEADING = re.compile(r"^#{1,6}\s")
# A setext heading's "===" underline (markdownify's h1) counts as a "#" heading does. No
# text browser draws one (none of the w3m, lynx, elinks, links or pandoc renderings of the
# dev pages has such a line); "---" is left out: plain text underlines with it too.
_SETEXT_H1 = re.compile(r"={3,}")
# More signs no text browser draws and plain text does not write (session 9, for a
# scraper's Markdown that has few inline links or "#" headings):
# - a GFM pipe table opening a block: a header row after a blank line (not first), right
#   over a delimiter row of two or more cells holding a pipe ("|---|:--:|") and with as
#   many cells. None of the w3m, lynx, elinks, links, pandoc-plain or copy renderings of
#   either corpus has one (pandoc-plain's grid tables hold "|  ---  |" rows, but under a
#   row, never after a blank line); trafilatura's text output writes tables so, but under
#   the line above or as its first line, no blank line before (a text field: read as
#   before).
# - a link reference definition ("[1]: https://...", "[docs]: /path"), which
#   reference-style links and images ("[text][1]") need;
# - a code fence ("```python" ... "```"), a pair counting once.
# One table is enough; definitions and fences count with links and headings, two signs
# in all.
_DELIMITER_ROW = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?")
_LINK_DEFINITION = re.compile(r"\[[^\[\]\n]{1,200}\]:[ \t]*(?:<[^<>\s]+>|[^\s<>]+)(?:[ \t]+.*)?")
_FENCE_LINE = re.compile(r"(?:```|~~~)[^`]*")
MIN_MARKDOWN_SIGNS = 2
# Share of non-blank lines indented by exactly the body indent for a text to count as
# indented (lynx); lynx output of an article has 60-95% of its lines at 3 columns.
MIN_INDENTED_SHARE = 0.4
MIN_INDENTED_LINES = 4
# List items are left out of that count: their indent is the list's, not the body's.
_LIST_START = re.compile(r"(?:[•·▪◦‣*+–○■□►▸●☆★◇◆-]|\d{1,3}[.)])\s")
LYNX_MARGIN = 3
# The deepest indent that can be a body indent (lynx, links and elinks use 3).
MAX_BODY_INDENT = 4
MIN_LYNX_MARGIN_SHARE = 0.2


@attrs.frozen(kw_only=True)
class Lines:
    """A text as lines: ``text[i]`` stripped, ``indent[i]`` in columns, ``blank[i]``.

    Indices are 0-based; provenance adds 1.
    """

    text: tuple[str, ...]
    indent: tuple[int, ...]
    blank: tuple[bool, ...]
    #: Display width of each line with its indent, wide (CJK) characters counting 2.
    width: tuple[int, ...] = ()
    #: The line ended in two or more spaces: Markdown's hard line break (html2text's <br>).
    hard_break: tuple[bool, ...] = ()
    #: A tab stood after the line's text (between its words, or before empty cells at its
    #: end): a table row's cell separator (a browser's copy).
    cells: tuple[bool, ...] = ()
    #: For each line with ``cells``, the text of its cells between the tabs, stripped (an
    #: empty first cell when the line opens with a tab).
    row_cells: Mapping[int, tuple[str, ...]] = attrs.field(factory=dict, hash=False)
    #: The line is nothing but tabs (blank otherwise): in a browser's copy, the gap
    #: between two cells of a table whose cells hold blocks (a <p> in a <td>), each cell
    #: set apart by blank lines (:func:`beside_cell_gap`).
    cell_gap: tuple[bool, ...] = ()

    def __len__(self) -> int:
        return len(self.text)

    def next_nonblank(self, index: int) -> int:
        """Return the first index >= ``index`` holding text, or ``len(self)``."""
        n = len(self.text)
        while index < n and self.blank[index]:
            index += 1
        return index


@attrs.frozen(kw_only=True)
class Layout:
    """What the producer of a text did: wrap width, body indent and Markdown syntax."""

    wrap_width: int | None = None
    #: The column the producer wrapped at: the most common width of the lines at least
    #: ``wrap_width`` wide (lynx 74, w3m 79, html2text 78).
    wrap_column: int | None = None
    body_indent: int = 0
    markdown: bool = False
    lynx: bool = False
    #: Each line is a block of its own: a text whose paragraphs are single long lines with
    #: no blank lines between them (a scraper's text field, ``get_text("\\n")``).
    line_blocks: bool = False
    #: A browser's copy-paste or ``innerText`` (see :func:`is_browser_copy`): never wrapped,
    #: every line flush left, a blank line around a paragraph, list items one per line with
    #: no marker.
    copy: bool = False
    #: Markdown that carries raw HTML (pandoc's GFM, README files): lines of nothing but
    #: tags are container markup, tags inside a line are read as their inlines
    #: (:mod:`articlekit.text.rawhtml`). Set by ``parse_text``, which blanks those lines.
    html: bool = False

    def is_full(self, length: int) -> bool:
        """Return True when a line of ``length`` columns was wrapped by the producer."""
        return self.wrap_width is not None and length >= self.wrap_width - WRAP_SLACK_COLUMNS


def is_wide(char: str) -> bool:
    """Return True for a character terminals draw two columns wide (CJK, fullwidth)."""
    return char >= "\u1100" and unicodedata.east_asian_width(char) in "WF"


# The blocks of wide characters: Hangul Jamo, CJK and Kana, Hangul syllables, CJK
# compatibility, fullwidth forms and the supplementary ideographic planes.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U00020000-\U0003fffd]"
)


def display_width(line: str) -> int:
    """Return the columns ``line`` takes on a terminal (wide characters count 2)."""
    if line.isascii():
        return len(line)
    return len(line) + len(_WIDE.findall(line))


# Chinese and Japanese are written without spaces between words; a word there is one to
# three characters, two on average (the figure the usual Chinese word segmenters give).
# Korean puts spaces between words, so Hangul is not among these characters.
WIDE_CHARS_PER_WORD = 2
_UNSPACED = re.compile(
    "[\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003fffd]"
)


def count_words(text: str) -> int:
    """Return the words in ``text``: runs between spaces, and Chinese or Japanese
    characters counted :data:`WIDE_CHARS_PER_WORD` to a word.

    Splitting at spaces alone makes a paragraph of Chinese one or two "words", so the
    page filter took every Chinese paragraph of a w3m dump for a short line.
    """
    if text.isascii():
        return len(text.split())
    wide = len(_UNSPACED.findall(text))
    if not wide:
        return len(text.split())
    return len(_UNSPACED.sub(" ", text).split()) + -(-wide // WIDE_CHARS_PER_WORD)


def _expand(line: str) -> str:
    return line.expandtabs(TAB_COLUMNS) if "\t" in line else line


def _is_empty_cells(line: str) -> bool:
    """Return True for a line of nothing but tabs: the row of a table whose cells are all
    empty, as a browser's copy (innerText) writes it, a tab between cells. It is no line
    of spaces a scraper left where a block was empty (``Lines.hard_break`` of a blank line,
    which tells a text field from a copy): on the readability renderings 2 browser-copy and
    2 innertext pages (dropbox-blog, links-in-tables: 45 such lines) were read as neither."""
    return bool(line) and not line.strip("\t")


def split_lines(text: str) -> Lines:
    """Return the per-line facts of ``text``.

    ``\\r\\n``, ``\\r`` and Unicode line separators all end a line; control characters
    become spaces and unusual spaces plain ones.

    Raises :class:`UnsupportedInputError` for text that is empty, blank or binary.
    """
    if not isinstance(text, str):
        raise UnsupportedInputError(f"expected str, got {type(text).__name__}")
    if not text.strip():
        raise UnsupportedInputError("input is empty (no text)")
    sample = text[:_SNIFF_CHARS]
    controls = len(_CONTROL.findall(sample.replace("\r", "").replace("\x0c", "")))
    nuls = sample.count("\x00")
    if nuls > max(MAX_STRAY_NULS, MAX_NUL_SHARE * len(sample)) or controls > (
        MAX_CONTROL_SHARE * len(sample)
    ):
        raise UnsupportedInputError("input looks binary (control characters), not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _C1.search(text):
        text = read_c1_as_cp1252(repair_c1_mojibake(text))
    text = _SPACES.sub(" ", _CLEANED.sub(_cleaned, drop_invisible(text.replace("\u2028", "\n"))))
    raw = text.split("\n")
    stripped: list[str] = []
    indents: list[int] = []
    blanks: list[bool] = []
    widths: list[int] = []
    breaks: list[bool] = []
    cells: list[bool] = []
    row_cells: dict[int, tuple[str, ...]] = {}
    gaps: list[bool] = []
    for line in raw:
        line = _EMPTY_INS.sub("", line) if "INS]" in line else line
        # a tab after text: between two cells, or before a row's empty last cells
        if "\t" in line.strip(" ").lstrip("\t"):
            row_cells[len(cells)] = tuple(cell.strip() for cell in line.split("\t"))
        cells.append(len(cells) in row_cells)
        empty_cells = _is_empty_cells(line)
        gaps.append(empty_cells)
        line = _expand(line)
        breaks.append(line.endswith("  ") and not empty_cells)
        line = line.rstrip()
        body = line.lstrip(" ")
        stripped.append(body)
        indents.append(len(line) - len(body))
        blanks.append(not body)
        widths.append(display_width(line))
    if not any(not b for b in blanks):
        raise UnsupportedInputError("input is empty (only whitespace and control characters)")
    lines = _frozen_lines(stripped, indents, blanks, widths, breaks, cells, row_cells)
    return attrs.evolve(lines, cell_gap=tuple(gaps)) if any(gaps) else lines


def _frozen_lines(
    text: list[str],
    indent: list[int],
    blank: list[bool],
    width: list[int],
    hard_break: list[bool],
    cells: list[bool],
    row_cells: Mapping[int, tuple[str, ...]],
) -> Lines:
    """Return the :class:`Lines` of the per-line lists :func:`split_lines` and
    :func:`blanked` build, field by field (``row_cells`` as it is)."""
    return Lines(
        text=tuple(text),
        indent=tuple(indent),
        blank=tuple(blank),
        width=tuple(width),
        hard_break=tuple(hard_break),
        cells=tuple(cells),
        row_cells=row_cells,
    )


def _percentile_width(lines: Lines, end: int) -> int | None:
    lengths = sorted(lines.width[i] for i in range(end) if not lines.blank[i])
    if len(lengths) < 3:
        return None
    return lengths[min(len(lengths) - 1, int(len(lengths) * WRAP_PERCENTILE))]


# A text that holds its paragraphs one per line with no blank lines between them (a
# scraper's text field) and also many short lines (menus, code, a list of names) can have
# its 90th-percentile width under MAX_WRAP_COLUMNS, though nothing in it was wrapped. Its
# paragraph lines run far past that width: when at least PAST_WRAP_SHARE of the lines at
# least half the width as long (not counting addresses, which no tool breaks) are longer
# than PAST_WRAP_FACTOR times the width although they could have been broken there, and
# at least MIN_PAST_WRAP_LINES are, it has no wrap width. On the dev renderings: the text
# fields have a median share of 0.23; at 80 columns lynx, html2text, pandoc, links and
# elinks reach 0.19 at most, w3m 0.29 on one page (and none of these texts lacks blank
# lines, which the test also asks for).
PAST_WRAP_FACTOR = 1.5
PAST_WRAP_SHARE = 0.2
MIN_PAST_WRAP_LINES = 2


def _runs_past(lines: Lines, width: int, end: int) -> bool:
    """Return True when many lines of ``lines`` run far past ``width`` (see above)."""
    long_lines = past = 0
    for i in range(end):
        if lines.blank[i] or lines.width[i] * 2 < width:
            continue
        text = lines.text[i]
        if "://" in text or "www." in text:
            continue
        long_lines += 1
        if lines.width[i] > PAST_WRAP_FACTOR * width and " " in text[:width]:
            past += 1
    return past >= MIN_PAST_WRAP_LINES and past >= PAST_WRAP_SHARE * long_lines


# A text without blank lines whose line breaks do not fall where a greedy wrap at its
# 90th-percentile width puts them was not wrapped either: a whole page stored as a text
# field, whose menus and captions (short lines) outnumber its paragraphs and pull that
# width under 100 although no paragraph line reaches it. Of the text-field renderings of
# the trafilatura pages with a wrap width, 125 of 133 do not break greedily (8 do, and
# run past it); wrapped texts do (w3m 401 of 462, pandoc 431 of 458), and those that do
# not all have blank lines between their paragraphs, so the text-field test rules them out.


def _not_wrapped(lines: Lines, width: int, end: int) -> bool:
    """Return True when a text without blank lines shows no sign of a wrap at ``width``."""
    if _runs_past(lines, width, end):
        return True
    # the wrap may have fallen further right than the percentile (w3m at 120 columns)
    column = _wrap_column(lines, width, end, MAX_WIDE_WRAP_COLUMNS) or width
    return not wrapped_greedily(lines, column, end)


def _wrap_width(lines: Lines, end: int) -> int | None:
    width = _percentile_width(lines, len(lines))
    if width is None or width < MIN_WRAP_COLUMNS:
        return None
    if width <= MAX_WRAP_COLUMNS:
        return width
    # Wider: a wide terminal, or no wraps at all. Measured on the body alone (lynx's
    # References list, whose URLs are never wrapped, starts at ``end``); a body of usual
    # width under a long reference list keeps counting as unwrapped, as it always did
    # (the whole-page filter's thresholds were measured that way).
    width = _percentile_width(lines, end)
    if width is None or not MAX_WRAP_COLUMNS < width <= MAX_WIDE_WRAP_COLUMNS:
        return None
    # the test needs the column the wrap fell at, which is often a few past the
    # percentile (w3m at 120 columns: 90th percentile 113, lines end at 119)
    column = _wrap_column(lines, width, end, MAX_WIDE_WRAP_COLUMNS) or width
    return width if wrapped_greedily(lines, column, end) else None


# A text whose lines reach past MAX_WRAP_COLUMNS was wrapped (a wide terminal: w3m -cols
# 120, lynx -width=132) when its line breaks fall where a greedy wrap at that width puts
# them: the first word of a line would not have fitted on the line before. Only pairs of
# lines in one block, the first at least WIDE_PAIR_MIN_SHARE of the width and without
# wide (CJK) characters, are looked at.
# On the readability pages rendered at 120 columns, 0.95 (lynx) and 1.0 (w3m) of such
# pairs break there on the median page; in html2text output without wraps (one line per
# paragraph) 0.0, and at most 0.08 on 9 of 10 pages.
MAX_WIDE_WRAP_COLUMNS = 200
_BOX_DRAWING = re.compile("[\u2500-\u257f]")
WIDE_PAIR_MIN_SHARE = 0.5
MIN_GREEDY_BREAK_SHARE = 0.6
MIN_GREEDY_PAIRS = 2
# A wrap may leave a column or two free (w3m keeps the last column empty).
GREEDY_SLACK_COLUMNS = 2


def wrapped_greedily(lines: Lines, width: int, end: int | None = None) -> bool:
    """Return True when ``lines`` (up to ``end``) break where a greedy wrap at ``width``
    columns would."""
    pairs = breaks = 0
    low = WIDE_PAIR_MIN_SHARE * width
    for i in range((len(lines) if end is None else end) - 1):
        if lines.blank[i] or lines.blank[i + 1] or not low <= lines.width[i] <= width:
            continue
        if lines.width[i] != lines.indent[i] + len(lines.text[i]):
            continue  # wide characters: lynx counts them as one column, w3m as two
        following = lines.text[i + 1]
        if lines.indent[i + 1] < lines.indent[i] or _LIST_START.match(following):
            continue  # a new item or a step back out: not the same paragraph
        if _BOX_DRAWING.search(lines.text[i]) or _BOX_DRAWING.search(following):
            continue  # a table row drawn by w3m: never wrapped prose
        words = following.split(None, 1)
        if not words:
            continue
        pairs += 1
        breaks += lines.width[i] + 1 + display_width(words[0]) > width - GREEDY_SLACK_COLUMNS
    return pairs >= MIN_GREEDY_PAIRS and breaks >= MIN_GREEDY_BREAK_SHARE * pairs


# Without lynx's reference list, an indent is the body's only when at least this share of
# the long lines (prose) carries it: in a w3m dump of a whole page, menus and nested
# lists indented by 2-4 columns outnumber the lines at column 0 while the article's
# paragraphs stand flush left. A long line is at least LONG_LINE_SHARE of the wrap width.
# 19 of 343 w3m trafilatura-eval dumps took 4 for the body indent and parsed their
# article as preformatted text; at 0.5 all lynx dumps keep their indent.
MIN_INDENTED_PROSE_SHARE = 0.5
LONG_LINE_SHARE = 0.75
# A threaded comment section (replies set in at 7, 12, 17 ...) can outnumber the article's
# prose at lynx's margin too; the margin still holds when at least this share of the long
# lines stand at 3, nothing long stands at 1 or 2, and at most half as many at 0 (w3m's
# prose is flush left). lynx -nolist whole-page F1 0.855 -> 0.862, links 0.864 -> 0.869,
# elinks 0.863 -> 0.865; w3m, lynx, html2text, pandoc and the text field unchanged.
MIN_MARGIN_PROSE_SHARE = 0.15
FLUSH_PROSE_FACTOR = 2


def _prose_is_indented(lines: Lines, indent: int, end: int) -> bool:
    """Return True when most long lines of ``lines`` (up to ``end``) stand at ``indent``."""
    width = _wrap_width(lines, end)
    if width is None:
        return True
    long_lines = at_indent = 0
    for i in range(end):
        if not lines.blank[i] and lines.width[i] >= LONG_LINE_SHARE * width:
            long_lines += 1
            at_indent += lines.indent[i] == indent
    return at_indent >= MIN_INDENTED_PROSE_SHARE * long_lines


def _prose_indent(lines: Lines, end: int, width: int | None) -> int:
    """Return lynx's 3-column margin when most long lines (prose) stand at it; else 0.

    A text browser without a link list (``links -dump``, lynx's ``-nolist``) indents its
    paragraphs by 3 like lynx, but code blocks, tables and nested lists can outnumber
    them: the prose lines alone still say where the body stands. Only that margin counts:
    w3m never indents a paragraph, and the long lines of a w3m dump that stand indented
    (by 2 or 4: a quote, a list, a definition) are not its body (any other indent cost the
    w3m whole-page F1 0.004). ``width`` is the wrap width of lines ``[0, end)``.
    """
    if width is None:
        return 0
    counts: Counter[int] = Counter(
        lines.indent[i]
        for i in range(end)
        if not lines.blank[i]
        and lines.width[i] >= LONG_LINE_SHARE * width
        and not _LIST_START.match(lines.text[i])
    )
    long_lines = sum(counts.values())
    if not long_lines:
        return 0
    indent, count = counts.most_common(1)[0]
    if indent == LYNX_MARGIN and count >= max(
        MIN_INDENTED_LINES, MIN_INDENTED_PROSE_SHARE * long_lines
    ):
        return indent
    at_margin = counts[LYNX_MARGIN]
    if (
        at_margin >= max(MIN_INDENTED_LINES, MIN_MARGIN_PROSE_SHARE * long_lines)
        and counts[0] * FLUSH_PROSE_FACTOR <= at_margin
        and all(counts[i] == 0 for i in range(1, LYNX_MARGIN))
    ):
        return LYNX_MARGIN  # prose at the margin, the rest set further in (nested threads)
    return 0


# Lines of exactly the wrap column's width in a wrapped text: a break that falls right at
# the margin is common, while lines wider than the margin (URLs that cannot be broken,
# preformatted text) rarely share one width. Fewer than this: no column is known.
MIN_WRAP_COLUMN_LINES = 3


def _wrap_column(
    lines: Lines, wrap_width: int | None, end: int, limit: int = MAX_WRAP_COLUMNS
) -> int | None:
    if wrap_width is None:
        return None
    counts: Counter[int] = Counter(
        lines.width[i] for i in range(end) if lines.width[i] >= wrap_width and " " in lines.text[i]
    )
    if not counts:
        return None
    column, count = max(counts.items(), key=lambda item: (item[1], item[0]))
    return column if count >= MIN_WRAP_COLUMN_LINES and column <= limit else None


def _opens_pipe_table(lines: Lines, index: int) -> bool:
    """Say whether line ``index`` is the delimiter row of a GFM pipe table that opens a
    block: two or more cells of hyphens holding a pipe, under a header row of as many
    cells that stands after a blank line (see :data:`_DELIMITER_ROW`)."""
    head = index - 1
    if head == 0 or lines.blank[head] or not lines.blank[head - 1]:
        return False  # trafilatura's text output opens with an infobox's table
    line = lines.text[index]
    if "|" not in line or _DELIMITER_ROW.fullmatch(line) is None:
        return False
    header = lines.text[head]
    if "|" not in header:
        return False
    columns = line.strip("|").count("|") + 1
    return header.strip().strip("|").count("|") + 1 == columns


def _more_markdown_signs(common: int, tables: int, definitions: int, fences: int) -> bool:
    """Say whether a text without two inline links or ``#`` headings is Markdown all the
    same: it holds a pipe table, or link definitions or code fences that, with its links
    and headings, make :data:`MIN_MARKDOWN_SIGNS` signs."""
    if tables:
        return True
    rare = definitions + fences
    return rare > 0 and rare + common >= MIN_MARKDOWN_SIGNS


def detect_layout(lines: Lines, *, lynx_references: bool = False, end: int | None = None) -> Layout:
    """Return the layout of ``lines``: wrap width, body indent, Markdown, lynx.

    The wrap width is measured on the lines before ``end`` (lynx's References list, whose
    URLs are never wrapped, starts there).
    """
    body_end = len(lines) if end is None else end
    indents: Counter[int] = Counter()
    links = headings = tables = definitions = fences = 0
    n = len(lines)
    for i in range(n):
        if lines.blank[i]:
            continue
        line = lines.text[i]
        first = line[0]
        if not _LIST_START.match(line):
            indents[lines.indent[i]] += 1
        if "](" in line:
            links += len(_MD_LINK.findall(line))
        # a heading stands after a blank line; "# comment" lines of shell code do not
        # ... and a blank line follows it (or its wrapped second line)
        atx = (
            first == "#"
            and _MD_HEADING.match(line) is not None
            and (i == 0 or lines.blank[i - 1])
            and (i + 1 >= n or lines.blank[i + 1] or i + 2 >= n or lines.blank[i + 2])
        )
        setext = first == "=" and i > 0 and not lines.blank[i - 1] and _SETEXT_H1.fullmatch(line)
        if atx or setext:
            headings += 1
        elif first in "|:-" and i > 0 and _opens_pipe_table(lines, i):
            tables += 1
        elif first == "[" and lines.indent[i] <= 3 and _LINK_DEFINITION.fullmatch(line):
            definitions += 1
        elif first in "`~" and _FENCE_LINE.fullmatch(line):
            fences += 1
    total = sum(indents.values())
    body_indent = 0
    wrap_width = _wrap_width(lines, body_end)
    if total:
        common, count = indents.most_common(1)[0]
        if (
            0 < common <= MAX_BODY_INDENT
            and count >= max(MIN_INDENTED_LINES, MIN_INDENTED_SHARE * total)
            and (lynx_references or _prose_is_indented(lines, common, len(lines)))
        ):
            body_indent = common
        elif lynx_references and indents[LYNX_MARGIN] >= MIN_LYNX_MARGIN_SHARE * total:
            # lynx indents paragraphs by 3 even when tables and lists crowd the page
            body_indent = LYNX_MARGIN
        else:
            body_indent = _prose_indent(lines, body_end, wrap_width)
    markdown = not lynx_references and (
        links >= MIN_MARKDOWN_LINKS
        or headings >= MIN_MARKDOWN_HEADINGS
        or (headings > 0 and _MD_HEADING.match(lines.text[lines.next_nonblank(0)]) is not None)
        or _more_markdown_signs(links + headings, tables, definitions, fences // 2)
    )
    lynx = lynx_references or body_indent == 3
    blocks, sentences = (False, None) if markdown or lynx else _lines_are_blocks(lines)
    line_blocks = blocks and not _holds_table_rows(lines)
    if (
        line_blocks
        and wrap_width is not None
        and (
            _not_wrapped(lines, wrap_width, body_end)
            or (_sentence_per_line(lines) if sentences is None else sentences)
        )
    ):
        # lines far past the width, breaks no greedy wrap made, or every line a sentence's
        # end: the width measured is the paragraphs' lengths, not a wrap's
        wrap_width = None
    copy = (
        not markdown
        and not lynx
        and not line_blocks
        and body_indent == 0
        and is_browser_copy(lines, wrap_width, body_end)
    )
    if copy:
        wrap_width = None  # a browser's copy is never wrapped: its short lines are blocks
    return Layout(
        wrap_width=wrap_width,
        wrap_column=_wrap_column(lines, wrap_width, len(lines)),
        body_indent=body_indent,
        markdown=markdown,
        lynx=lynx,
        line_blocks=line_blocks and wrap_width is None,
        copy=copy,
    )


def blanked(lines: Lines, indexes: Sequence[int]) -> Lines:
    """Return ``lines`` with the lines at ``indexes`` blank (line numbers kept)."""
    if not indexes:
        return lines
    text, indent, blank = list(lines.text), list(lines.indent), list(lines.blank)
    width, hard_break, cells = list(lines.width), list(lines.hard_break), list(lines.cells)
    for i in indexes:
        text[i], indent[i], blank[i], width[i] = "", 0, True, 0
        if hard_break:
            hard_break[i] = False
        if cells:
            cells[i] = False
    row_cells = {i: row for i, row in lines.row_cells.items() if not blank[i]}
    out = _frozen_lines(text, indent, blank, width, hard_break, cells, row_cells)
    return attrs.evolve(out, cell_gap=lines.cell_gap) if lines.cell_gap else out


# A block a table's cell holds stands this many lines at most from the gap (a line of
# tabs) to the next cell: a blank line, the gap, a blank line.
MAX_CELL_GAP_DISTANCE = 2


def beside_cell_gap(lines: Lines, first: int, last: int) -> bool:
    """Return True when lines ``first..last`` are a block in a cell of a table whose cells
    hold blocks, as a browser's copy writes one: a line of nothing but tabs
    (``Lines.cell_gap``) stands between it and the block above or below, with only blank
    lines around it ("Entity status" / "" / "<tab>" / "" / "Assoc status"). innerText
    sets a blank line around each cell's <p> and a tab between cells: such a cell is no
    numbered heading ("8.0 MB (-89%)"), and ``rules.join_copy_block_cells`` makes the
    table of them."""
    gaps = lines.cell_gap
    if not gaps:
        return False
    for step, start in ((-1, first - 1), (1, last + 1)):
        index = start
        for _ in range(MAX_CELL_GAP_DISTANCE):
            if not 0 <= index < len(gaps) or not lines.blank[index]:
                break
            if gaps[index]:
                return True
            index += step
    return False


# A browser's copy (innerText) indents nothing: only a <pre>'s own lines stand indented.
# On the 343 + 130 pages of both corpora, 279 of 326 unwrapped browser-copy renderings
# have no indented line and 18 fewer than 1 in 100, while w3m without wraps indents its
# lists and quotes (only 80 of 324 have no indented line, and 5 of the whole pages).
# Only lines of a block that opens set in count (:func:`_set_in_block_lines`).
MAX_COPY_INDENTED_SHARE = 0.05
# Its paragraphs run past any terminal a text browser dumps to (lynx's widest setting is
# 132 columns): w3m at 120 columns can break its lines where no greedy wrap would.
MAX_TERMINAL_COLUMNS = 132


# A text with this many flush lines of prose (MIN_UNWRAPPED_PROSE_WORDS words or more)
# past any terminal's width and past its own wrap width was not wrapped (a text browser
# sets in only a table that runs past its width), wherever its short lines break: a
# browser's copy of a page of menus can break them where a greedy wrap at the width of
# the menus would.
MIN_UNWRAPPED_PROSE_LINES = 5
MIN_UNWRAPPED_PROSE_WORDS = 20


def is_browser_copy(lines: Lines, wrap_width: int | None, end: int) -> bool:
    """Return True when ``lines`` read like a browser's copy-paste (the HTML ``innerText``):
    paragraphs on lines longer than any wrap (two or more lines past 132 columns), no line
    broken where a greedy wrap would break it (unless :data:`MIN_UNWRAPPED_PROSE_LINES`
    lines of prose run past 132 columns), and (but for a few lines of a ``<pre>``) every
    line flush left, with no spaces left on an empty line."""
    filled = long_lines = long_prose = 0
    # past the wrap itself too: a wide terminal's wrap (160 columns) fills its lines
    past = max(MAX_TERMINAL_COLUMNS, (wrap_width or 0) + GREEDY_SLACK_COLUMNS)
    for i in range(len(lines)):
        if not lines.blank[i]:
            filled += 1
            if lines.width[i] > MAX_TERMINAL_COLUMNS:
                long_lines += 1
                long_prose += (
                    lines.width[i] > past
                    and lines.indent[i] == 0
                    and count_words(lines.text[i]) >= MIN_UNWRAPPED_PROSE_WORDS
                )
    if (
        wrap_width is not None
        and long_prose < MIN_UNWRAPPED_PROSE_LINES
        and wrapped_greedily(lines, wrap_width, end)
    ):
        return False
    indented = _set_in_block_lines(lines)
    return long_lines >= MIN_LONG_LINES and indented <= MAX_COPY_INDENTED_SHARE * filled


def _set_in_block_lines(lines: Lines) -> int:
    """Return how many lines of ``lines`` are set in, in a block (lines between blank
    lines) that opens set in, plus the lines of spaces: what a text browser indents.

    A browser's copy sets in only a <pre>'s lines, and a listing's first line mostly
    stands flush ("function add(x, y) {", "SELECT avg(n)") with its body set in under
    it, while w3m sets in whole blocks (a list's items, a quote). Counting every set-in
    line, a copy of an article with much code (SQL listings, JSON) was read as wrapped
    text or as lines of their own: on the readability renderings 4 innertext and 4
    browser-copy pages (002, ars-1, toc-missing, v8-blog) and 10 and 8 whole pages
    are copies now; no rendering of another tool changed its layout (w3m without
    wraps keeps every one of its pages: its set-in lines all open their block).
    """
    count = 0
    opens_flush = False
    for i in range(len(lines)):
        if lines.blank[i]:
            # a line of spaces (what a scraper leaves of an empty block) is set in too:
            # a browser's copy strips the spaces at a line's ends
            count += lines.hard_break[i]
            continue
        if i == 0 or lines.blank[i - 1]:
            opens_flush = lines.indent[i] == 0
        count += lines.indent[i] > 0 and not opens_flush
    return count


# A text with paragraphs on single lines separates them with blank lines (a browser copy,
# html2text without wraps: 0.39 blank lines per line on the 10th-percentile page) or not
# at all (a scraper's text field: none). At most this many blank lines per non-blank line,
# and at least MIN_LONG_LINES lines a paragraph long, make every line a block of its own.
MAX_LINE_BLOCKS_BLANK_SHARE = 0.05
MIN_LONG_LINES = 2
# In a text that is not hard-wrapped, a line this long is a whole paragraph: the next line
# starts another one even without a blank line between them (copy-paste of a page).
UNWRAPPED_PARAGRAPH_CHARS = 100


# A browser's copy separates a table's cells by tabs (``Lines.cells``); a scraper's text
# field runs them together with spaces or puts each on a line of its own. A text holding
# this many rows with a tab between words is a copy, even with as few blank lines as a
# text field has (innerText sets a blank line only around a <p>: a page of lists and
# tables has few). Only flush lines count: a <pre> keeps the tabs of its program text
# ("import a<tab># comment"; 4 such lines on one text field). On the renderings of both
# corpora: 1 innertext readability page (wikipedia-4, a list of films in a table and 120
# references) and 2 whole pages were read as text fields; no text field, nor any other
# rendering, holds five such rows.
MIN_TABLE_ROWS = 5


def _holds_table_rows(lines: Lines) -> bool:
    """Return True when ``lines`` hold :data:`MIN_TABLE_ROWS` flush rows of tab-separated
    cells."""
    rows = 0
    for has_cells, indent in zip(lines.cells, lines.indent, strict=True):
        rows += has_cells and not indent
        if rows >= MIN_TABLE_ROWS:
            return True
    return False


# A text field of short paragraphs (a news item's sentences, each a paragraph) has no line
# UNWRAPPED_PARAGRAPH_CHARS long; there every line this long that another follows ends a
# sentence, which a wrap does only now and then (once a line in eight or so) ...
MIN_SENTENCE_LINE_CHARS = 40
_ENDS_SENTENCE = re.compile(r"[.!?…。！？][\"”’')\]»]*$")
_OPENS_SENTENCE = re.compile(r"[\"“‘'(«¿¡]?[^\W\d_]", re.UNICODE)
# ... in at least this many such lines ...
MIN_SENTENCE_LINES = 3
# ... and this share of them (with the next line opening a sentence).
MIN_SENTENCE_LINE_SHARE = 0.8


def _sentence_per_line(lines: Lines) -> bool:
    """Return True when the lines of a text without blank lines each end a sentence and
    the next opens one: paragraphs one per line, however short (see
    :data:`MIN_SENTENCE_LINE_CHARS`)."""
    pairs = ends = 0
    for i in range(len(lines) - 1):
        if lines.blank[i] or lines.blank[i + 1] or lines.width[i] < MIN_SENTENCE_LINE_CHARS:
            continue
        pairs += 1
        text = lines.text[i].rstrip()
        if _ENDS_SENTENCE.search(text) and (
            _OPENS_SENTENCE.match(lines.text[i + 1].lstrip()) is not None
            and not lines.text[i + 1].lstrip()[:1].islower()
        ):
            ends += 1
    return pairs >= MIN_SENTENCE_LINES and ends >= MIN_SENTENCE_LINE_SHARE * pairs


def _lines_are_blocks(lines: Lines) -> tuple[bool, bool | None]:
    """Return whether ``lines`` hold their paragraphs one per line, with no blank lines
    (at least :data:`MIN_LONG_LINES` lines a paragraph long, or every line a sentence's
    end), and the verdict of :func:`_sentence_per_line` when it was asked (None when the
    answer came before it), for :func:`detect_layout` to use it again."""
    filled = len(lines) - sum(lines.blank)
    if not filled:
        return False, None
    first = lines.next_nonblank(0)
    last = len(lines) - 1
    while lines.blank[last]:
        last -= 1
    # blank lines between the text's lines (not those around it)
    blank = sum(lines.blank[first:last])
    if blank > MAX_LINE_BLOCKS_BLANK_SHARE * filled:
        return False, None
    long_lines = 0
    for i in range(len(lines)):
        if lines.width[i] >= UNWRAPPED_PARAGRAPH_CHARS:
            long_lines += 1
            if long_lines >= MIN_LONG_LINES:
                return True, None
    sentences = _sentence_per_line(lines)
    return sentences, sentences
