"""GFM pipe tables in Markdown text read as Table blocks (text/tables.py, rules.pipe_table)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.model import (
    Code,
    Document,
    Emphasis,
    Image,
    Link,
    Paragraph,
    Quote,
    Table,
    TableCell,
    TableRow,
    Text,
    plain_text,
    walk,
)
from articlekit.text import parse_text
from articlekit.text.parser import _is_fact_table
from articlekit.text.tables import (
    delimiter_columns,
    first_row_heads,
    header_cells,
    is_layout_table,
    row_cells,
    split_cells,
)

# A Markdown text opens with a "#" title; the prose around the tables keeps them inside
# the article for the page filter.
HEAD = """# Harbour figures for the year

The harbour board met on Tuesday and published the figures for the year, with a short
account of what changed since the last report was written by the clerk.

"""
TAIL = """

The board meets again in the spring, when the new berths should be open to ships from
the north and the dredging of the outer channel has been finished at last.
"""


def _doc(body: str) -> Document:
    return parse_text(HEAD + body + TAIL)


def _tables(doc: Document) -> list[Table]:
    return [b for b in walk(doc.blocks) if isinstance(b, Table)]


def _grid(table: Table) -> list[list[str]]:
    return [[plain_text(cell.content) for cell in row.cells] for row in table.rows]


def _paragraphs(doc: Document) -> list[str]:
    return [plain_text(b) for b in doc.blocks if isinstance(b, Paragraph)]


# ---------------------------------------------------------------- the pieces


@pytest.mark.parametrize(
    ("line", "columns"),
    [
        ("|---|:-:|", 2),
        ("| --- | --- | ---: |", 3),
        ("---|---", 2),
        (":-: | -----------:", 2),
        ("|-|", 1),
        ("| :--- |", 1),
        ("---", 0),  # no pipe: a thematic break or a setext underline
        ("|", 0),
        ("| a | --- |", 0),
        ("|--:-|", 0),
        ("| - - |", 0),
        ("", 0),
    ],
)
def test_delimiter_row(line: str, columns: int) -> None:
    assert delimiter_columns(line) == columns


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("| a | b |", ["a", "b"]),
        ("a | b", ["a", "b"]),
        ("| a | b", ["a", "b"]),
        ("a | b |", ["a", "b"]),
        ("|a||b|", ["a", "", "b"]),
        ("| f\\|oo | b `\\|` az |", ["f|oo", "b `|` az"]),
        ("| a \\\\| b |", ["a \\\\", "b"]),  # an escaped backslash, then a pipe
        ("|", [""]),
        ("||", [""]),
        ("plain", ["plain"]),
    ],
)
def test_split_cells(line: str, cells: list[str]) -> None:
    assert split_cells(line) == cells


def test_rows_are_padded_or_cut_to_the_header() -> None:
    assert row_cells("| a |", 3) == ["a", "", ""]
    assert row_cells("| a | b | c | d |", 2) == ["a", "b"]
    # html2text's empty first cell ("| x | y" in a table without outer pipes)
    assert row_cells("| x | y", 3, html2text=True) == ["", "x", "y"]
    assert row_cells("| x | y", 3) == ["x", "y", ""]


def test_header_must_match_the_delimiter_row() -> None:
    assert header_cells("| a | b |", "|---|---|", 2) == ["a", "b"]
    assert header_cells("| a | b | c |", "|---|---|", 2) is None
    assert header_cells("| a |", "|---|---|", 2) is None
    # html2text writes an empty first header cell as a leading pipe, no outer pipes
    assert header_cells("| b | c", "---|---|---", 3) == ["", "b", "c"]
    assert header_cells("| b | c |", "|---|---|---|", 3) is None


def test_layout_tables() -> None:
    assert not is_layout_table(["Name", "Age"], [["Ann", "3"]])
    assert is_layout_table(["", ""], [["logo", "menu"]])  # no header, one row
    assert is_layout_table([""], [["a"], ["b"], ["c"]])  # one column
    assert not is_layout_table(["", ""], [["a", "1"], ["b", "2"], ["c", "3"]])
    assert is_layout_table(["a", "b"], [["x" * 1300, "y"]])  # a cell of a page's prose
    assert is_layout_table(["a", "b"], [], header_known=False)  # html2text: one row
    assert not is_layout_table(["a", "b"], [["1", "2"]], header_known=False)


# ---------------------------------------------------------------- GFM tables


def test_a_pipe_table_is_a_table() -> None:
    doc = _doc(
        "| Release | Date | Notes |\n"
        "|:--------|-----:|:-----:|\n"
        "| [4.2.3](https://example.org/4.2.3) | April 2014 | *first* |\n"
        "| 4.1.6 | April 2014 | `fix` |\n"
        "| 4.2.4 | May 2014 | a \\| b |\n"
    )
    (table,) = _tables(doc)
    assert table.header_rows == 1
    assert all(cell.header for cell in table.rows[0].cells)
    assert not any(cell.header for cell in table.rows[1].cells)
    assert _grid(table) == [
        ["Release", "Date", "Notes"],
        ["4.2.3", "April 2014", "first"],
        ["4.1.6", "April 2014", "fix"],
        ["4.2.4", "May 2014", "a | b"],
    ]
    link = table.rows[1].cells[0].content[0]
    assert isinstance(link, Link) and link.url == "https://example.org/4.2.3"
    assert isinstance(table.rows[1].cells[2].content[0], Emphasis)
    assert isinstance(table.rows[2].cells[2].content[0], Code)
    assert table.provenance is not None and table.provenance.lines == (6, 10)
    # no row is left as a paragraph of pipes
    assert not any("|" in text for text in _paragraphs(doc))


def test_outer_pipes_are_optional() -> None:
    (table,) = _tables(_doc("| abc | defghi |\n:-: | -----------:\nbar | baz\n"))
    assert _grid(table) == [["abc", "defghi"], ["bar", "baz"]]


def test_ragged_rows_are_padded_and_cut() -> None:
    (table,) = _tables(_doc("| a | b |\n| - | - |\n| 1 |\n| 2 | 3 | 4 |\n"))
    assert _grid(table) == [["a", "b"], ["1", ""], ["2", "3"]]


def test_a_header_of_another_width_makes_no_table() -> None:
    doc = _doc("| a | b | c |\n| --- | --- |\n| 1 | 2 | 3 |\n")
    assert _tables(doc) == []


def test_a_table_needs_no_body() -> None:
    (table,) = _tables(_doc("| a | b |\n| --- | --- |\n"))
    assert _grid(table) == [["a", "b"]] and table.header_rows == 1


def test_a_table_ends_at_a_blank_line_or_another_block() -> None:
    doc = _doc("| a | b |\n| - | - |\n| 1 | 2 |\n> a quoted line\n")
    (table,) = _tables(doc)
    assert _grid(table) == [["a", "b"], ["1", "2"]]
    assert any(isinstance(b, Quote) for b in doc.blocks)
    doc = _doc("| a | b |\n| - | - |\n| 1 | 2 |\n\nA paragraph under the table that says more.\n")
    (table,) = _tables(doc)
    assert len(table.rows) == 2
    assert "A paragraph under the table that says more." in _paragraphs(doc)
    doc = _doc("| a | b |\n| - | - |\n| 1 | 2 |\n- an item of a list\n- another item\n")
    (table,) = _tables(doc)
    assert len(table.rows) == 2


def test_a_line_without_pipes_is_a_row() -> None:
    # GFM: only a blank line or another block's start ends the table
    (table,) = _tables(_doc("| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n"))
    assert _grid(table) == [["abc", "def"], ["bar", "baz"], ["bar", ""]]


def test_a_table_interrupts_a_paragraph() -> None:
    doc = _doc("The figures by quarter were these:\n| q | ships |\n|---|---|\n| 1 | 40 |\n")
    (table,) = _tables(doc)
    assert _grid(table) == [["q", "ships"], ["1", "40"]]
    assert "The figures by quarter were these:" in _paragraphs(doc)


def test_a_table_in_a_quote() -> None:
    doc = _doc("> | Release | Date\n> ---|---\n> 4.2.3 | April 2014\n> 4.1.6 | April 2014\n")
    quote = next(b for b in doc.blocks if isinstance(b, Quote))
    (table,) = _tables(doc)
    assert quote.blocks == (table,)
    assert _grid(table) == [["Release", "Date"], ["4.2.3", "April 2014"], ["4.1.6", "April 2014"]]
    assert table.provenance is not None and table.provenance.lines == (6, 9)


def test_a_heading_with_a_pipe_is_a_heading() -> None:
    doc = _doc("## Ships | berths\n---|---\n")
    assert _tables(doc) == []


def test_an_indented_header_is_code() -> None:
    assert _tables(_doc("    | a | b |\n    |---|---|\n    | 1 | 2 |\n")) == []


# ---------------------------------------------------------------- converters' habits


def test_html2text_table() -> None:
    # cells joined by " | ", no outer pipes, an empty first header cell as a leading pipe
    doc = _doc(
        "| General UX | UX draft | UI review  \n"
        "---|---|---|---  \n"
        "Load map | done | done | late  \n"
        "| done | done | late  \n"
        "Save map | done |  | done  \n"
    )
    (table,) = _tables(doc)
    assert _grid(table) == [
        ["", "General UX", "UX draft", "UI review"],
        ["Load map", "done", "done", "late"],
        ["", "done", "done", "late"],
        ["Save map", "done", "", "done"],
    ]


def test_html2text_wrapped_rows_run_on_to_their_hard_break() -> None:
    # html2text ends every row with a <br> (two spaces) and wraps a row whose cells end
    # without a space at 78 columns: the wrapped lines are the row's, not rows
    doc = _doc(
        "Cookie| Duration| Description  \n"
        "---|---|---  \n"
        "__stripe_mid| 1 year| This cookie is set by the payment gateway. This\n"
        "cookie is used to enable payment without storing any payment\n"
        "information on a server.  \n"
        "session| 30 minutes| Keeps the session.  \n"
    )
    (table,) = _tables(doc)
    assert _grid(table) == [
        ["Cookie", "Duration", "Description"],
        [
            "__stripe_mid",
            "1 year",
            "This cookie is set by the payment gateway. This cookie is used to enable "
            "payment without storing any payment information on a server.",
        ],
        ["session", "30 minutes", "Keeps the session."],
    ]


def test_markdownify_empty_header_row_is_no_header() -> None:
    (table,) = _tables(
        _doc(
            "|  |  |\n| --- | --- |\n| Gmail | 17.8 MB |\n| Maps | 32.7 MB |\n| Hangouts | 8 MB |\n"
        )
    )
    assert table.header_rows == 0
    assert _grid(table) == [["Gmail", "17.8 MB"], ["Maps", "32.7 MB"], ["Hangouts", "8 MB"]]


def test_pandoc_wraps_raw_html_in_a_cell() -> None:
    # pandoc's GFM keeps a page's <div>s as lines of their own: raw HTML is read as HTML
    doc = _doc(
        "<div>\n\n<div>\n\n"
        "|          |                |\n"
        "|----------|----------------|\n"
        "| Load map | <img\n"
        '             src="https://example.org/a.png"\n'
        '             width="20" />  |\n'
        "| Save map | done           |\n"
        "| Settings | done           |\n"
        "\n</div>\n\n</div>\n"
    )
    (table,) = _tables(doc)
    assert [len(row.cells) for row in table.rows] == [2, 2, 2]
    assert plain_text(table.rows[1].cells[0].content) == "Save map"
    assert "src" not in plain_text(table.rows[0].cells[1].content)
    (image,) = table.rows[0].cells[1].content
    assert isinstance(image, Image) and image.src == "https://example.org/a.png"


def test_a_layout_table_is_read_as_its_rows() -> None:
    # one row and no header: a banner or a picture with a note beside it
    doc = _doc(
        "|   |   |\n|---|---|\n"
        "| ![](https://example.org/logo.png) | The harbour archive holds the older "
        "reports of the board, going back to the year the port was founded. |\n"
    )
    assert _tables(doc) == []
    assert any("The harbour archive holds" in text for text in _paragraphs(doc))


def test_html2text_first_row_of_one_cell() -> None:
    # html2text writes "---" under a first row of one cell (a caption spanning the
    # columns), both ending in a hard break; its rows are not cut to that one cell
    doc = _doc(
        "Most active developers  \n---  \n"
        "Herbert Dürr | 63 | 16.6%  \nArmin Le Grand | 56 | 14.7%  \n"
    )
    (table,) = _tables(doc)
    assert _grid(table) == [
        ["Most active developers", "", ""],
        ["Herbert Dürr", "63", "16.6%"],
        ["Armin Le Grand", "56", "14.7%"],
    ]


def test_html2text_nested_tables_are_read_one_by_one() -> None:
    # a row over another delimiter row is the header of the next table (html2text starts
    # a nested table's rows right under the outer one's; the pipe before a nested table's
    # first row is the outer table's)
    doc = _doc(
        "> Most active developers  \n> ---  \n"
        "> | By changesets  \n> ---  \n"
        "> Herbert Dürr | 63 | 16.6%  \n> Kay Schenk | 27 | 7.1%  \n"
        "> | By changed lines  \n> ---  \n> Jürgen Schmidt | 455499 | 88.1%  \n"
        "> Andre Fischer | 26148 | 3.8%  \n"
    )
    tables = _tables(doc)
    assert [_grid(t)[0] for t in tables] == [
        ["By changesets", "", ""],
        ["By changed lines", "", ""],
    ]
    assert _grid(tables[0])[1:] == [["Herbert Dürr", "63", "16.6%"], ["Kay Schenk", "27", "7.1%"]]
    # the outer table's one row is a layout table: its text stays a paragraph
    assert any("Most active developers" in plain_text(b) for b in walk(doc.blocks))


def test_html2text_wrapped_header_row() -> None:
    # html2text wraps a header row too (a picture's link with its long URL): the header
    # runs from the line after a blank line or a hard break to the one ending in one
    doc = _doc(
        "[![](https://example.org/images/block-\n"
        "diagram.png)](https://example.org/images/block-\n"
        "diagram.png)  \n---  \nThe block diagram of the device, from its datasheet.  \n"
    )
    (table,) = _tables(doc)
    (image,) = table.rows[0].cells[0].content
    assert isinstance(image, Link) and image.url == "https://example.org/images/block-diagram.png"
    assert _grid(table)[1] == ["The block diagram of the device, from its datasheet."]


# ---------------------------------------------------------------- other layouts


W3M_TABLE = """Harbour figures for the year

The harbour board met on Tuesday and published the figures for the year, with a
short account of what changed since the last report was written by the clerk of
the board, who keeps the books.

| Quarter | Ships |
|---------|-------|
| first   | 40    |
| second  | 52    |

The board meets again in the spring, when the new berths should be open to ships
from the north and the dredging of the outer channel has been finished at last.
"""


def test_a_pipe_table_alone_makes_markdown() -> None:
    # no link, no "#" heading: the GFM table after a blank line is the only sign of
    # Markdown, and it is read as a table (no text browser draws a delimiter row)
    doc = parse_text(W3M_TABLE)
    (table,) = _tables(doc)
    assert _grid(table)[0] == ["Quarter", "Ships"]
    assert not any("Quarter" in text for text in _paragraphs(doc))


def test_pipes_outside_markdown_stay_text() -> None:
    # a table drawn with "+---+" borders (a text browser's, pandoc's plain grid) is no
    # pipe table, nor is a delimiter row right under a line of text (trafilatura's text
    # output, one block per line): read as before, never as a pipe table
    boxed = W3M_TABLE.replace("|---------|-------|", "+---------+-------+")
    assert _tables(parse_text(boxed)) == []
    assert any("Quarter" in text for text in _paragraphs(parse_text(boxed)))
    grid = W3M_TABLE.replace("| Quarter | Ships |", "+---------+-------+\n| Quarter | Ships |")
    assert _tables(parse_text(grid)) == []
    field = (
        "Harbour figures\nThe board met on Tuesday.\n| Quarter | Ships |\n|---|---|\n"
        "| first | 40 |\n"
    )
    assert _tables(parse_text(field)) == []


def test_markdown_round_trip() -> None:
    doc = _doc("| Release | Date |\n|---|---|\n| 4.2.3 | April \\| May |\n| 4.1 | *June* |\n")
    (table,) = _tables(doc)
    (again,) = _tables(parse_text(articlekit.to_markdown(doc)))
    assert _grid(again) == _grid(table)
    assert again.header_rows == table.header_rows


def test_text_output_keeps_the_cells() -> None:
    doc = _doc("| Release | Date |\n|---|---|\n| 4.2.3 | April 2014 |\n")
    text = articlekit.to_text(doc)
    assert "Release | Date" in text and "4.2.3 | April 2014" in text


# ---------------------------------------------------------------- robustness

_ROW_PARTS = st.sampled_from(
    ["|", "||", " | ", "---", ":-:", "-", "\\|", "\\", "`", "a", "*b*", " ", "  "]
)
_ROWS = st.lists(st.lists(_ROW_PARTS, max_size=12).map("".join), max_size=12)


@settings(max_examples=200, deadline=None)
@given(_ROWS)
def test_ragged_tables_never_fail(rows: list[str]) -> None:
    doc = _doc("| a | b |\n|---|---|\n" + "\n".join(rows) + "\n")
    articlekit.to_json(doc)
    articlekit.to_markdown(doc)
    for table in _tables(doc):
        widths = {len(row.cells) for row in table.rows}
        assert len(widths) == 1  # every row padded or cut to the header's cells


@settings(max_examples=200, deadline=None)
@given(_ROWS)
def test_random_pipe_lines_never_fail(rows: list[str]) -> None:
    doc = _doc("\n".join(rows) + "\n")
    assert articlekit.from_json(articlekit.to_json(doc)) == doc
    for table in _tables(doc):
        assert len({len(row.cells) for row in table.rows}) <= 1


def test_a_row_of_many_pipes() -> None:
    doc = _doc("| a | b |\n|---|---|\n" + "| x " * 50_000 + "|\n")
    (table,) = _tables(doc)
    assert _grid(table) == [["a", "b"], ["x", "x"]]


def test_a_pipe_table_scores_as_its_text_on_a_page() -> None:
    # a raw HTML block's table is neutral to the page filter; a pipe table scores as the
    # text of its cells (html2text writes a page's calendars and cookie lists as tables)
    from articlekit.text.parser import _is_html_figure_or_table
    from articlekit.text.rules import Piece

    table = Table(rows=())
    assert _is_html_figure_or_table(Piece(kind="html", first=0, last=0, block=table))
    piece = Piece(kind="html", first=0, last=0, block=table, pipe_table=True)
    assert not _is_html_figure_or_table(piece)


# ---------------------------------------------------------------- fact boxes

_PROSE = (
    "The harbour town grew around its fishing fleet in the nineteenth century, and its "
    "old warehouses now hold a museum, a market hall and a dozen small workshops.\n\n"
    "Visitors arrive by ferry in summer; in winter the road over the pass is often closed "
    "for days, and the town keeps to itself until the spring thaw opens it again.\n\n"
)
_FACT_BOX = """| Harbourtown | |
| --- | --- |
| Country | [Norland](https://w.example/wiki/Norland "Norland") |
| [Region](https://w.example/wiki/Region "Region") | [West Coast](https://w.example/wiki/West) |
| • Mayor | [Ada Berg](https://w.example/wiki/Ada_Berg)[[1]](#cite-1) |
| [Area](https://w.example/wiki/Area) | 41.2 km2[[2]](#cite-2) |
| [Population](https://w.example/wiki/Pop) | 12,480 |
| Founded | 1632 |
| [Time zone](https://w.example/wiki/TZ) | [UTC+1](https://w.example/wiki/UTC%2B1) |
"""


def test_a_fact_box_of_links_is_kept_with_the_article() -> None:
    # an infobox as markdownify writes it: labels and values are links, so its link
    # density is a menu's; its plain values (numbers, a year) make it a fact box, which
    # stays with the article it opens
    doc = parse_text("# Harbourtown\n\n" + _FACT_BOX + "\n" + _PROSE)
    (table,) = _tables(doc)
    assert ["Population", "12,480"] in _grid(table)
    assert any(text.startswith("The harbour town") for text in _paragraphs(doc))


def _row(*cells: object) -> TableRow:
    def content(cell: object) -> tuple[Text | Link, ...]:
        if isinstance(cell, tuple):  # (text, url): a link
            return (Link(url=str(cell[1]), content=(Text(text=str(cell[0])),)),)
        return (Text(text=str(cell)),)

    return TableRow(cells=tuple(TableCell(content=content(cell)) for cell in cells))


def test_a_fact_box_has_labels_and_some_plain_values() -> None:
    box = Table(
        rows=(
            _row(("Region", "/r"), ("West Coast", "/w")),
            _row("Country", ("Norland", "/n")),
            _row(("Area", "/a"), "41.2 km2"),
            _row(("Population", "/p"), "12,480"),
            _row("Founded", "1632"),
            _row(("Time zone", "/t"), ("UTC+1", "/u")),
        )
    )
    assert _is_fact_table(box)
    # a menu laid out in a table: short first cells too, but its values are links only
    menu = Table(rows=tuple(_row((n, f"/{n}"), (f"{n} news", f"/n/{n}")) for n in "ABCDEF"))
    assert not _is_fact_table(menu)
    # too few rows to tell; a long first cell is a sentence, not a label
    assert not _is_fact_table(Table(rows=box.rows[:4]))
    prose = "a first cell that runs on for many more words than a label"
    assert not _is_fact_table(Table(rows=tuple(_row(prose, "1632") for _ in range(6))))


@pytest.mark.parametrize(
    ("rows", "heads"),
    [
        ([["Name", "Age", "City"], ["Ann", "31", "Oslo"], ["Bob", "45", "Bergen"]], True),
        ([["Pier", "Share"], *[[f"P{i}", f"{i}%"] for i in range(4)], ["South", "n/a"]], True),
        ([["Brand", "Logitech"], ["Weight", "1.2 kg"], ["Interface", "Bluetooth"]], False),
        ([["Month", "Sales"], ["May", "$1,200"], ["June", "-4.5%"]], True),
        ([["Ann", "31"], ["Bob", "45"]], False),  # a figure in the first row: data
        ([["Name", "City"], ["Ann", "Oslo"], ["Bob", "Bergen"]], False),  # words only
        ([["Name", ""], ["Ann", "31"]], False),  # an empty label
        ([["Year", "Year"], ["Ann", "31"]], False),  # two labels alike
        ([["A label far too long to name a column of a table", "Age"], ["Ann", "31"]], False),
        ([["Name", "Age"]], False),  # no row under it
        ([["Name", "Age"], ["Ann", "thirty-one"], ["Bob", "45"], ["Cy", "old"]], False),
    ],
)
def test_first_row_heads(rows: list[list[str]], heads: bool) -> None:
    assert first_row_heads(rows) is heads


def test_a_tab_separated_table_opens_with_its_header_row() -> None:
    doc = parse_text("Name\tAge\tCity\nAnn\t31\tOslo\nBob\t45\tBergen\n")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.header_rows == 1
    assert [c.header for c in table.rows[0].cells] == [True, True, True]
    assert articlekit.to_markdown(doc).startswith(
        "| Name | Age | City |\n| --- | --- | --- |\n| Ann | 31 | Oslo |\n"
    )
    data = articlekit.to_json(doc)
    assert '"header_rows":1' in data.replace(" ", "")
