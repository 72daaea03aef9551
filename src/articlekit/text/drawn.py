"""Tables drawn as text: the grids and column rules of text browsers and ``pandoc -t plain``.

A text browser or converter draws a data table with characters. Two kinds are read here,
both marked by drawing no sentence has:

- a **grid**: rules of box-drawing characters or ASCII (w3m's ``<table border>``, pandoc's
  grid tables) closing every row, column separators at the rules' junctions::

      ┌──────┬─────┐        +--------+------+
      │Name  │Size │        | Name   | Size |
      ├──────┼─────┤        +========+======+
      │a.txt │4 kB │        | a.txt  | 4 kB |
      └──────┴─────┘        +--------+------+

  A grid opens with a rule whose first character is a top-left corner (``┌ ╔ ┏ ╒ ╓`` or
  ``+``); every line up to the closing rule is a rule (its junctions where the first
  rule's are) or a row line with a vertical bar at the first and the last junction. The
  lines between two rules are one row (a cell wrapped over lines is joined); a row line
  is split at the junctions that hold a bar there (a cell spanning columns has none). A
  rule of ``=`` / ``═`` under the first row makes it a header row. A console's query
  result drawn without the outer frame (``psql``'s ``│`` and ``─┼─``) is no grid: it is
  program output in a ``<pre>``, read as code as before.

- **column rules** (pandoc's simple and multiline tables)::

      --------------------------
      Name    Description
      ------- ------------------
      a.txt   the first file,
              wrapped

      b.txt   the second
      --------------------------

  A line of two or more runs of hyphens separated by spaces sets the columns: each run
  is one, from its first column to the next run's. Over it stand the header lines (a
  simple table's one line; a multiline table's lines under a rule of one run); under it
  the rows: one a line up to a blank line (simple table), or groups of lines separated
  by blank lines up to a closing rule (multiline table, or a table without header, which
  opens with the column rule and closes with one).

Every character of a table's lines that is not drawing ends up in a cell: a row line is
cut at the column boundaries only, text left of the first column goes to the first cell
and text right of the last to the last. Anything that does not fit these shapes returns
None and stays text. Positions are display columns (a wide character counts two).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from articlekit.text.lines import is_wide

__all__ = ["DrawnTable", "column_rule_runs", "read_drawn_table"]


class DrawnTable(NamedTuple):
    """A table found: the index after its last line, its rows' cells (as written), how
    many rows are header rows, and its caption (the lines over a spaced table)."""

    end: int
    rows: list[list[str]]
    header_rows: int = 0
    caption: str = ""


_TOP_CORNERS: Final = frozenset("┌╔┏╒╓+")
_BOTTOM_CORNERS: Final = frozenset("└╚┗╘╙")
_JUNCTIONS: Final = frozenset("┌┬┐├┼┤└┴┘╔╦╗╠╬╣╚╩╝┏┳┓┣╋┫┗┻┛╒╤╕╞╪╡╘╧╛╓╥╖╟╫╢╙╨╜+")
_HORIZONTALS: Final = frozenset("─━═-=:")
_HEADER_HORIZONTALS: Final = frozenset("═=")
_VERTICALS: Final = frozenset("│┃║|")
_RULE_CHARS: Final = _JUNCTIONS | _HORIZONTALS
# A column rule: runs of hyphens separated by spaces (pandoc's simple and multiline
# tables); one run is a multiline table's opening or closing rule.
_COLUMN_RULE: Final = re.compile(r"-+(?: +-+)*")
# pandoc draws a column at least three hyphens wide; a shorter run is some other dash
MIN_RULE_RUN = 3
#: A grid or a multiline table closes within this many lines, or is no table (a bound
#: on the work done at a line that only looks like an opening rule).
MAX_DRAWN_TABLE_LINES = 2000


def _cols(line: str) -> list[str]:
    """Return ``line`` as display columns: one character a column, a wide character's
    second column the empty string."""
    if line.isascii():
        return list(line)
    out: list[str] = []
    for char in line:
        out.append(char)
        if is_wide(char):
            out.append("")
    return out


def _slice(cols: Sequence[str], start: int, end: int | None = None) -> str:
    return "".join(cols[start:end]).strip()


# ---------------------------------------------------------------------------- grids


def _rule_junctions(line: str) -> list[int] | None:
    """Return the display columns of the junctions of the grid rule ``line`` (with its
    indent), or None when it is no rule: junctions at both ends, only rule characters,
    at least one horizontal between two junctions."""
    body = line.lstrip(" ")
    if len(body) < 3 or body[0] not in _JUNCTIONS or body[-1] not in _JUNCTIONS:
        return None
    if any(char not in _RULE_CHARS for char in body):
        return None
    cols = _cols(line)
    junctions = [i for i, char in enumerate(cols) if char in _JUNCTIONS]
    if len(junctions) < 2 or any(b - a < 2 for a, b in itertools.pairwise(junctions)):
        return None
    return junctions


def _row_splits(line: str, junctions: Sequence[int]) -> list[int] | None:
    """Return the junctions where the grid row line ``line`` holds a vertical bar, or None
    when it is no row line (no bar at the first or the last junction)."""
    cols = _cols(line)
    if len(cols) <= junctions[-1] or cols[junctions[0]] not in _VERTICALS:
        return None
    if cols[junctions[-1]] not in _VERTICALS or _slice(cols, 0, junctions[0]):
        return None
    if _slice(cols, junctions[-1] + 1):
        return None
    return [j for j in junctions if cols[j] in _VERTICALS]


def _grid_row(lines: Sequence[str], splits: Sequence[int]) -> list[str]:
    """Return the cells of a grid row drawn over ``lines``: each cell's text line by line,
    joined with a space."""
    cells: list[list[str]] = [[] for _ in splits[1:]]
    for line in lines:
        cols = _cols(line)
        for k, (a, b) in enumerate(itertools.pairwise(splits)):
            text = _slice(cols, a + 1, b)
            if text:
                cells[k].append(text)
    return [" ".join(parts) for parts in cells]


def read_grid(texts: Sequence[str], start: int, end: int) -> DrawnTable | None:
    """Read the grid whose opening rule is line ``start`` of ``texts`` (lines with their
    indent, blank lines empty), up to ``end`` at most."""
    top = texts[start].lstrip(" ")
    if not top or top[0] not in _TOP_CORNERS:
        return None
    junctions = _rule_junctions(texts[start])
    if junctions is None:
        return None
    ascii_grid = top[0] == "+"
    rows: list[list[str]] = []
    header_rows = 0
    group: list[str] = []
    splits: list[int] | None = None
    index = start + 1
    limit = min(end, start + MAX_DRAWN_TABLE_LINES)
    while index < limit:
        line = texts[index]
        rule = _rule_junctions(line)
        if rule is not None:
            if rule != junctions and not set(rule) <= set(junctions):
                return None
            if not group or splits is None:
                return None
            rows.append(_grid_row(group, splits))
            body = line.lstrip(" ")
            if len(rows) == 1 and any(char in _HEADER_HORIZONTALS for char in body):
                header_rows = 1
            group, splits = [], None
            index += 1
            closes = body[0] in _BOTTOM_CORNERS or (
                ascii_grid and (index >= limit or _row_splits(texts[index], junctions) is None)
            )
            if closes:
                return DrawnTable(index, rows, header_rows) if rows else None
            continue
        found = _row_splits(line, junctions)
        if found is None or (splits is not None and found != splits):
            return None
        if not _slice(_cols(line), junctions[0] + 1, junctions[-1]).strip(
            "".join(_VERTICALS) + " "
        ):
            return None  # a blank line inside a cell: cells holding blocks lay out a page
        splits = found
        group.append(line)
        index += 1
    return None


# ---------------------------------------------------------------------------- column rules


def column_rule_runs(line: str) -> list[tuple[int, int]] | None:
    """Return the (start, end) display columns of the hyphen runs of the column rule
    ``line`` (with its indent), or None when it is none: nothing but runs of hyphens
    separated by spaces, each at least :data:`MIN_RULE_RUN` long."""
    body = line.lstrip(" ")
    if not body.startswith("---") or _COLUMN_RULE.fullmatch(body) is None:
        return None
    runs = [(m.start(), m.end()) for m in re.finditer(r"-+", line)]
    if any(b - a < MIN_RULE_RUN for a, b in runs):
        return None
    return runs


def _ruled_cells(lines: Sequence[str], starts: Sequence[int]) -> list[str]:
    """Return the cells of a row drawn over ``lines`` in the columns starting at
    ``starts``: each line cut at the starts (text left of the first column goes to the
    first cell, right of the last to the last), a cell's lines joined with a space."""
    cells: list[list[str]] = [[] for _ in starts]
    for line in lines:
        cols = _cols(line)
        bounds = [0, *starts[1:], len(cols)]
        for k in range(len(starts)):
            text = _slice(cols, bounds[k], bounds[k + 1])
            if text:
                cells[k].append(text)
    return [" ".join(parts) for parts in cells]


def _cuts_words(lines: Sequence[str], starts: Sequence[int]) -> bool:
    """Return True when a column start falls inside a word of one of ``lines``: then the
    lines are not laid out in these columns."""
    for line in lines:
        cols = _cols(line)
        for start in starts[1:]:
            if 0 < start < len(cols) and cols[start - 1] not in (" ", "") and cols[start] != " ":
                return True
    return False


def read_ruled(texts: Sequence[str], start: int, end: int) -> DrawnTable | None:
    """Read the table of column rules (pandoc's simple or multiline table) that starts at
    line ``start`` of ``texts``: its opening rule, its header line or its column rule."""
    first = texts[start]
    runs = column_rule_runs(first)
    limit = min(end, start + MAX_DRAWN_TABLE_LINES)
    header: list[str] = []
    if runs is not None and len(runs) == 1:
        # a multiline table: header lines, then the column rule
        index = start + 1
        while index < limit and texts[index].strip() and column_rule_runs(texts[index]) is None:
            header.append(texts[index])
            index += 1
        if not header or index >= limit:
            return None
        runs = column_rule_runs(texts[index])
        if runs is None or len(runs) < 2:
            return None
        return _ruled_rows(texts, index + 1, limit, runs, header, multiline=True)
    if runs is not None:
        # no header: the rows close with a column rule
        return _ruled_rows(texts, start + 1, limit, runs, [], multiline=True)
    if start + 1 >= limit or not first.strip():
        return None
    runs = column_rule_runs(texts[start + 1])
    if runs is None or len(runs) < 2:
        return None
    return _ruled_rows(texts, start + 2, limit, runs, [first], multiline=False)


def _ruled_rows(
    texts: Sequence[str],
    index: int,
    limit: int,
    runs: Sequence[tuple[int, int]],
    header: Sequence[str],
    *,
    multiline: bool,
) -> DrawnTable | None:
    starts = [a for a, _b in runs]
    if header and _cuts_words(header, starts):
        return None
    groups: list[list[str]] = []
    group: list[str] = []
    closed = False
    while index < limit:
        line = texts[index]
        if not line.strip():
            if not multiline:
                break
            if group:
                groups.append(group)
                group = []
            index += 1
            continue
        if column_rule_runs(line) is not None:
            index += 1
            closed = True
            break
        if multiline:
            group.append(line)
        else:
            groups.append([line])
        index += 1
    if group:
        groups.append(group)
    if multiline and not closed:
        return None
    if not header and len(groups) == 1:
        # a table without header and no blank line inside: a simple table, one row a line
        groups = [[line] for line in groups[0]]
    if not groups or any(_cuts_words(g, starts) for g in groups):
        return None
    rows = [_ruled_cells(g, starts) for g in groups]
    if header:
        rows.insert(0, _ruled_cells(header, starts))
    return DrawnTable(index, rows, 1 if header else 0)


def read_drawn_table(texts: Sequence[str], start: int, end: int) -> DrawnTable | None:
    """Return the table drawn from line ``start`` of ``texts`` (each line with its indent,
    a blank line empty) up to ``end`` at most: a grid or a table of column rules; None
    when none starts there."""
    body = texts[start].lstrip(" ")
    if not body:
        return None
    if body[0] in _TOP_CORNERS:
        found = read_grid(texts, start, end)
        if found is not None:
            return found
    return read_ruled(texts, start, end)


# ---------------------------------------------------------------------------- aligned columns

#: Rows (lines with most columns filled) a table laid out in spaced columns needs at
#: least: two aligned lines are too often a picture's caption beside a credit.
MIN_ALIGNED_ROWS = 3
#: A cell of a spaced table holds at most this many characters on one line: a longer one
#: is prose (a wrapped paragraph whose spaces happen to line up).
MAX_ALIGNED_CELL_CHARS = 40
#: Spaces between two columns' texts: a text browser pads a column to its widest cell,
#: so most rows show a gap of two or more; prose shows one space where words line up.
MIN_COLUMN_GAP = 2
#: A spaced table holds at most this many lines (a bound on the work at each block).
MAX_ALIGNED_LINES = 400
# A cell that opens like a list item, an operator or a code line: the lines are a list
# or program text, not a table.
_NOT_A_CELL: Final = re.compile(r"[•·▪◦○■□*+>=|&]|-(?:\s|$)|//|#")
# Program text: braces, semicolons, assignments, calls.
_CODE_SIGNS: Final = re.compile(r"[{};]|\w\(\)|\s=\s|==|=>|->")


def _gutters(rows: Sequence[Sequence[str]], width: int) -> list[int]:
    """Return the display columns that hold a space (or nothing) on every row."""
    return [i for i in range(width) if all(i >= len(cols) or cols[i] == " " for cols in rows)]


def _column_spans(gutters: Sequence[int], width: int) -> list[tuple[int, int]]:
    """Return the (start, end) spans between the gutter runs."""
    spans: list[tuple[int, int]] = []
    gutter = set(gutters)
    start: int | None = None
    for i in range(width + 1):
        if i < width and i not in gutter:
            if start is None:
                start = i
        elif start is not None:
            spans.append((start, i))
            start = None
    return spans


def _gap_is_wide(
    rows: Sequence[Sequence[str]], left: tuple[int, int], right: tuple[int, int]
) -> bool:
    """Return True when most rows with text on both sides of a gutter leave at least
    :data:`MIN_COLUMN_GAP` spaces between the two columns' texts."""
    both = wide = 0
    for cols in rows:
        before = "".join(cols[left[0] : left[1]]).rstrip()
        after = "".join(cols[right[0] : right[1]])
        if not before.strip() or not after.strip():
            continue
        both += 1
        gap = (right[0] - left[0] - len(before)) + (len(after) - len(after.lstrip()))
        wide += gap >= MIN_COLUMN_GAP
    return both > 0 and 2 * wide >= both


def _merge_narrow(
    rows: Sequence[Sequence[str]], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Join neighbouring spans whose gutter most rows cross with one space (words of one
    cell, a count beside its share)."""
    merged = [spans[0]]
    for span in spans[1:]:
        if _gap_is_wide(rows, merged[-1], span):
            merged.append(span)
        else:
            merged[-1] = (merged[-1][0], span[1])
    return merged


#: A spaced table has at most one wrapped line (a cell run on under its row) for this
#: many rows: w3m centres a row's short cells beside a cell wrapped over several lines,
#: so where most rows wrap, which line belongs to which row is a guess (a cookie
#: notice's table of descriptions); keep-tabular-data wraps 2 of 24 rows.
MAX_WRAPPED_ROWS_PER_ROW = 4
# A cell worth a column holds a letter or a digit (not a form's "[" and "]").
_WORD_CHAR: Final = re.compile(r"[^\W_]")

#: Lines over a spaced table that are its caption (one phrase, centred or flush, no
#: wide gap inside): wikipedia's "Average daily ... temperatures" over two lines.
MAX_CAPTION_LINES = 2


def read_aligned(texts: Sequence[str], start: int, end: int) -> DrawnTable | None:
    """Read the table laid out in spaced columns (w3m's and lynx's ``<table>`` without
    borders) that is the run of lines from ``start`` to the next blank line: at least
    :data:`MIN_ALIGNED_ROWS` rows, two or more columns that every line leaves blank between
    (most rows with a gap of :data:`MIN_COLUMN_GAP` spaces), short cells, no list marker
    or program text. A line with fewer than half the columns filled (a cell wrapped onto
    the next line) is joined to the row above, cell by cell. Up to
    :data:`MAX_CAPTION_LINES` lines of one phrase over the columns are the caption."""
    stop = start
    limit = min(end, start + MAX_ALIGNED_LINES)
    while stop < limit and texts[stop].strip():
        stop += 1
    if stop - start < MIN_ALIGNED_ROWS or (stop < end and texts[stop].strip()):
        return None
    run = [texts[i] for i in range(start, stop)]
    if any(_CODE_SIGNS.search(line) for line in run):
        return None
    skip = 0
    while skip < MAX_CAPTION_LINES and len(run) - skip > MIN_ALIGNED_ROWS:
        below = run[skip + 1 : _next_phrase(run, skip + 2)]
        if not _is_caption_line(run[skip], below):
            break
        skip += 1
    stop = start + _next_caption(run, skip)
    rows = _aligned_rows(run[skip : stop - start])
    if rows is None:
        return None
    return DrawnTable(stop, rows, 0, " ".join(line.strip() for line in run[:skip]))


def _is_phrase(line: str) -> bool:
    return "  " not in line.strip()


def _next_phrase(run: Sequence[str], index: int) -> int:
    """Return the index of the first line of ``run`` from ``index`` that is one phrase
    (no two spaces inside), or the run's length."""
    while index < len(run) and not _is_phrase(run[index]):
        index += 1
    return index


def _next_caption(run: Sequence[str], first: int) -> int:
    """Return the index of the first line after the rows from ``first`` that is the
    caption of a table under them (lynx sets two tables one under the other, "By
    changesets" over one and "By changed lines" over the next): one phrase set in from
    the rows' left edge and centred over them; else the run's length."""
    for index in range(first + MIN_ALIGNED_ROWS, len(run)):
        line = run[index]
        if not _is_phrase(line):
            continue
        rows = run[first:index]
        indent = len(line) - len(line.lstrip(" "))
        if indent > min(len(x) - len(x.lstrip(" ")) for x in rows) and _is_caption_line(line, rows):
            return index
    return len(run)


#: How far a centred caption may sit off the middle of the lines under it, in columns
#: (w3m centres a <caption> over the table; a superscript's "^" and rounding shift it).
CAPTION_CENTRE_SLACK = 3


def _is_caption_line(line: str, below: Sequence[str]) -> bool:
    """Return True when ``line`` is a caption over the spaced table ``below``: one phrase
    (no two spaces inside) centred over the lines' span."""
    body = line.strip()
    if not body or "  " in body:
        return False
    left = len(_cols(line)) - len(_cols(line.lstrip(" ")))
    right_end = len(_cols(line.rstrip()))
    span_left = min(len(_cols(x)) - len(_cols(x.lstrip(" "))) for x in below)
    span_right = max(len(_cols(x.rstrip())) for x in below)
    return abs((left - span_left) - (span_right - right_end)) <= CAPTION_CENTRE_SLACK


def _table_spans(rows: list[list[str]]) -> list[tuple[int, int]] | None:
    """Return the column spans the gutters of ``rows`` (lines as columns of characters)
    leave, narrow columns merged; None when fewer than two columns are left."""
    width = max(len(cols) for cols in rows)
    spans = _column_spans(_gutters(rows, width), width)
    if len(spans) < 2:
        return None
    spans = _merge_narrow(rows, spans)
    return spans if len(spans) >= 2 else None


def _aligned_rows(run: Sequence[str]) -> list[list[str]] | None:
    """Return the rows of ``run`` read as a spaced table (see :func:`read_aligned`)."""
    rows = [_cols(line) for line in run]
    spans = _table_spans(rows)
    if spans is None:
        return None
    cells = [[_slice(cols, a, b) for a, b in spans] for cols in rows]
    if any(len(cell) > MAX_ALIGNED_CELL_CHARS for row in cells for cell in row):
        return None
    half = -(-len(spans) // 2)
    table: list[list[list[str]]] = []
    wrapped = 0
    for row in cells:
        filled = sum(bool(cell) for cell in row)
        # a row opens its first cell, but for the first (a header row's corner cell)
        if filled >= max(2, half) and (row[0] or not table):
            table.append([[cell] if cell else [] for cell in row])
        elif table:
            wrapped += 1
            for parts, cell in zip(table[-1], row, strict=True):
                if cell:
                    parts.append(cell)
        else:
            return None
    if len(table) < MIN_ALIGNED_ROWS or wrapped * MAX_WRAPPED_ROWS_PER_ROW > len(table):
        return None
    for k in range(len(spans)):
        if 2 * sum(any(_WORD_CHAR.search(part) for part in row[k]) for row in table) < len(table):
            return None
    if any(row[0] and _NOT_A_CELL.match(row[0][0]) for row in table):
        return None
    return [[" ".join(parts) for parts in row] for row in table]


#: A row of a spaced table whose rows stand apart (blank lines between: w3m sets a
#: blank line around a cell's <p>) spans at most this many lines.
MAX_GROUP_LINES = 4
# Rows of one line each, a blank line between (w3m sets a blank line around a cell's <p>:
# a standings table's "1    Kyle Busch    5040    5"), are a table only in a longer run
# with more cells a row: lines apart with two spaces inside are otherwise often prose or
# a form's labels.
MIN_SINGLE_LINE_ROWS = 5
MIN_SINGLE_LINE_CELLS = 3


def read_grouped(texts: Sequence[str], start: int, end: int) -> DrawnTable | None:
    """Read the spaced table from ``start`` whose rows are groups of up to
    :data:`MAX_GROUP_LINES` lines with a blank line between them (a cell holding a
    paragraph: links-in-tables, dropbox-blog): each group is one row, its cells' lines
    joined top to bottom. The groups are taken while each has a line with two spaces
    inside; all their lines share the columns as in :func:`read_aligned`, every row but
    the first (a header row's corner cell) opens its first cell, and no line is a
    caption. Rows of one line each are taken only at ``MIN_SINGLE_LINE_ROWS`` rows of
    ``MIN_SINGLE_LINE_CELLS`` cells or more. Anything else returns None."""
    groups: list[list[str]] = []
    index = start
    limit = min(end, start + MAX_ALIGNED_LINES)
    while index < limit and texts[index].strip():
        stop = index
        while stop < limit and texts[stop].strip():
            stop += 1
        group = [texts[i] for i in range(index, stop)]
        if len(group) > MAX_GROUP_LINES or not any("  " in x.strip() for x in group):
            break
        groups.append(group)
        if stop + 1 >= limit or texts[stop + 1 : stop + 2] == [""] or stop + 1 >= end:
            index = stop
            break
        index = stop + 1
    single = all(len(g) == 1 for g in groups)
    if len(groups) < (MIN_SINGLE_LINE_ROWS if single else MIN_ALIGNED_ROWS):
        return None
    lines = [line for group in groups for line in group]
    if any(_CODE_SIGNS.search(line) for line in lines):
        return None
    spans = _table_spans([_cols(line) for line in lines])
    if spans is None:
        return None
    rows: list[list[str]] = []
    for group in groups:
        parts: list[list[str]] = [[] for _ in spans]
        for line in group:
            c = _cols(line)
            for k, (a, b) in enumerate(spans):
                text = _slice(c, a, b)
                if len(text) > MAX_ALIGNED_CELL_CHARS:
                    return None
                if text:
                    parts[k].append(text)
        row = [" ".join(p) for p in parts]
        filled = sum(bool(cell) for cell in row)
        if filled < (MIN_SINGLE_LINE_CELLS if single else 2) or (rows and not row[0]):
            return None
        rows.append(row)
    for k in range(len(spans)):
        if 2 * sum(bool(_WORD_CHAR.search(row[k])) for row in rows) < len(rows):
            return None
    if any(_NOT_A_CELL.match(row[0]) for row in rows if row[0]):
        return None
    end_line = start + sum(len(g) + 1 for g in groups) - 1
    return DrawnTable(end_line, rows)
