"""Pipe tables in Markdown: a header row, a delimiter row (``|---|:--:|``) and data rows.

GFM's table extension, as converters write it (html2text, markdownify, ``pandoc -t gfm``,
scrapers that write Markdown for language models)::

    | Release | Date       |
    |---------|-----------:|
    | 4.2.3   | April 2014 |

What makes a table is the delimiter row: cells of hyphens, each with an optional colon at
either end (the column's alignment), separated by pipes, right under a header row with the
same number of cells. Every line after it is a row, up to a blank line or a line that
starts another block. A row's cells are split at pipes; a leading and a trailing pipe are
optional, ``\\|`` is a pipe inside a cell, and the cells hold inline Markdown. A row with
fewer cells than the header is padded with empty cells, one with more is cut.

Two habits of html2text are read as it means them (GFM would not take the first table as
one): it writes cells joined by ``" | "`` with no outer pipes, so a row that opens with a
pipe has an empty first cell (``| General UX | UX draft`` under ``---|---|---``), and its
delimiter row has no outer pipes either; a row is split that way only in a table whose
delimiter row opens without a pipe, when the row would otherwise be one cell short.
markdownify writes a table without ``<th>`` under a header row of empty cells: such a row
is no header.

Everything here is linear in the length of the lines: one split per line, no
backtracking regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final

from articlekit.html.blocks import LAYOUT_CELL_CHARS, MIN_DATA_TABLE_CELLS
from articlekit.model import Inline, Table, TableCell, TableRow
from articlekit.text.inline import LinkTarget, parse_inlines

__all__ = [
    "build_table",
    "closes_rows",
    "delimiter_columns",
    "first_row_heads",
    "header_cells",
    "is_layout_table",
    "row_cells",
    "split_cells",
    "table_text",
]

# A delimiter row (stripped): cells of hyphens with an optional colon at either end,
# separated by pipes, a leading and a trailing pipe optional. Adjacent tokens never
# overlap (a pipe, spaces, a colon, hyphens), so matching is linear.
_DELIMITER: Final = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?")
_HYPHENS: Final = re.compile(r"-+")
# A backslash escapes the character after it; a pipe alone separates cells.
_PIPE_OR_ESCAPE: Final = re.compile(r"\\.|\|", re.DOTALL)


def delimiter_columns(line: str) -> int:
    """Return how many columns the delimiter row ``line`` (stripped) sets, or 0 when it is
    no delimiter row. It must hold a pipe: ``---`` alone is a thematic break or a setext
    heading's underline (and html2text's one-column table, read as before)."""
    if not line or line[0] not in "|:-" or "|" not in line:
        return 0
    if _DELIMITER.fullmatch(line) is None:
        return 0
    return len(_HYPHENS.findall(line))


def split_cells(line: str, *, leading: bool = False) -> list[str]:
    """Return the cells of the table row ``line`` (stripped), as written: split at the
    pipes no backslash escapes, one leading and one trailing pipe dropped, each cell
    stripped and its ``\\|`` made a pipe. With ``leading``, a leading pipe opens an empty
    first cell (html2text's)."""
    if "\\" in line:
        parts: list[str] = []
        start = 0
        for match in _PIPE_OR_ESCAPE.finditer(line):
            if match.group() == "|":
                parts.append(line[start : match.start()])
                start = match.end()
        parts.append(line[start:])
    else:
        parts = line.split("|")
    if len(parts) > 1 and not parts[0].strip() and not leading:
        del parts[0]  # the leading pipe
    if len(parts) > 1 and not parts[-1].strip():
        del parts[-1]  # the trailing pipe
    if "\\|" in line:
        return [part.strip().replace("\\|", "|") for part in parts]
    return [part.strip() for part in parts]


def _html2text_style(delimiter: str) -> bool:
    """Say whether a delimiter row is written as html2text writes it: no leading pipe."""
    return not delimiter.startswith("|")


def row_cells(line: str, columns: int, *, html2text: bool = False, cut: bool = True) -> list[str]:
    """Return the ``columns`` cells of the row ``line``: padded with empty cells or cut
    (with ``cut`` False, a longer row keeps its cells).

    In a table written as html2text writes one (``html2text``), a row that opens with a
    pipe has an empty first cell when it would otherwise be one cell short, or always
    when the rows are not cut (html2text's own table, see ``pipe_table``).
    """
    cells = split_cells(line, leading=html2text and not cut)
    if html2text and cut and len(cells) == columns - 1 and line.startswith("|"):
        cells.insert(0, "")
    if len(cells) >= columns:
        return cells[:columns] if cut else cells
    return cells + [""] * (columns - len(cells))


def header_cells(line: str, delimiter: str, columns: int) -> list[str] | None:
    """Return the cells of the header row ``line`` over ``delimiter`` (which sets
    ``columns``), or None when their number differs: then there is no table."""
    cells = split_cells(line)
    if len(cells) == columns:
        return cells
    if len(cells) == columns - 1 and line.startswith("|") and _html2text_style(delimiter):
        return ["", *cells]  # html2text's empty first header cell
    return None


def closes_rows(delimiter: str) -> bool:
    """Say whether a table's rows close with a pipe, as its delimiter row does (pandoc,
    markdownify): then a row that opens with a pipe and does not close with one runs on
    over the lines under it that open without one. ``pandoc -t gfm`` wraps a cell's raw
    HTML (``<img`` / `` src="..."`` / `` width="20" />  |``) over lines that way."""
    return delimiter.endswith("|")


def is_layout_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], *, header_known: bool = True
) -> bool:
    """Say whether a pipe table lays out a page rather than holding data, as the HTML
    parser's ``is_layout_table`` says of a ``<table>``: a cell longer than
    ``LAYOUT_CELL_CHARS``; or, without a header row, one row, one column, or fewer than
    ``MIN_DATA_TABLE_CELLS`` cells in fewer than three rows. Converters write a page's
    layout tables as pipe tables too (pandoc's GFM: a banner's corner pictures in a row of
    three cells, a box of links in one column).

    pandoc and markdownify write a table without ``<th>`` under a header row of empty
    cells. html2text makes the first row the header row whatever it held
    (``header_known`` False): there a table of that one row is a layout table (a picture
    with a note beside it), and any other is data (a small table keeps its cells).
    """
    if any(len(cell) > LAYOUT_CELL_CHARS for row in (header, *rows) for cell in row):
        return True
    if not header_known:
        return not rows
    if any(header):
        return False
    columns = len(header)
    if len(rows) <= 1 or columns <= 1:
        return True
    return len(rows) * columns < MIN_DATA_TABLE_CELLS and len(rows) < 3


def table_text(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Return a table's cells as written, one line per cell that is not empty: the text
    the page filter measures (as a raw HTML block's Markdown, one line per cell)."""
    out = [cell for cell in header if cell]
    for row in rows:
        out.extend(cell for cell in row if cell)
    return "\n".join(out)


def build_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    html: bool = False,
    refs: Mapping[str, LinkTarget] | None = None,
) -> Table:
    """Return the :class:`~articlekit.model.Table` of a pipe table's cells, each cell's
    inline Markdown parsed (raw HTML inlines too when ``html``).

    A header row of empty cells (markdownify's, for a table without ``<th>``) is left
    out, unless the table has no other row.
    """
    out: list[TableRow] = []
    header_rows = 0
    if any(header) or not rows:
        out.append(
            TableRow(
                cells=tuple(
                    TableCell(content=_inlines(cell, html, refs), header=True) for cell in header
                )
            )
        )
        header_rows = 1
    for row in rows:
        out.append(
            TableRow(cells=tuple(TableCell(content=_inlines(cell, html, refs)) for cell in row))
        )
    return Table(rows=tuple(out), header_rows=header_rows)


def _inlines(text: str, html: bool, refs: Mapping[str, LinkTarget] | None) -> tuple[Inline, ...]:
    return parse_inlines(text, markdown=True, html=html, refs=refs) if text else ()


# A cell that is a figure: a count, an amount, a share, a measure or a date ("31",
# "1,200", "-4.5%", "$12", "10 kg", "2024-03-05", "12:30"), a unit of at most three letters.
_FIGURE: Final = re.compile(r"[-+−~≈]?[$€£¥]?\d[\d.,:/ -]*%?\s?[^\W\d_]{0,3}\.?")
# A header row's labels are this short at most: a longer cell is data.
MAX_HEADER_CELL_CHARS = 40
# A column is one of figures when at least this share of its cells below the first row
# that are not empty are figures (a "-" or "n/a" among them). A table of names and
# values ("Brand | Logitech" over "Weight | 1.2 kg", "Interface | Bluetooth") mixes
# figures and words in its values' column and keeps its first row as data.
MIN_FIGURE_COLUMN_SHARE = 0.8


def _is_figure(cell: str) -> bool:
    return _FIGURE.fullmatch(cell) is not None


def first_row_heads(rows: Sequence[Sequence[str]]) -> bool:
    """Say whether a table that marks no header row (a browser's copy, a text field: tabs
    between cells) opens with one: its first row names the columns, the rows under it hold
    data. It does when every cell of the first row is a short label
    (:data:`MAX_HEADER_CELL_CHARS`), none a figure and no two alike, and a column holds
    figures below it (:data:`MIN_FIGURE_COLUMN_SHARE` of its cells) under a label: "Name
    | Age | City" over "Ann | 31 | Oslo". A table of words only gives no sign of it, and
    keeps its first row a row of data."""
    if len(rows) < 2:
        return False
    head, body = rows[0], rows[1:]
    if (
        not all(head)
        or len(set(head)) < len(head)
        or any(len(cell) > MAX_HEADER_CELL_CHARS or _is_figure(cell) for cell in head)
    ):
        return False
    for column in range(len(head)):
        cells = [row[column] for row in body if column < len(row) and row[column]]
        figures = sum(1 for cell in cells if _is_figure(cell))
        if figures and figures >= MIN_FIGURE_COLUMN_SHARE * len(cells):
            return True
    return False
