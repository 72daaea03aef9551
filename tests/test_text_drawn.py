"""Tables drawn as text read as Table blocks (text/drawn.py, rules.drawn_table): grids of
box-drawing or ASCII rules, pandoc's column rules, columns laid out with spaces."""

from __future__ import annotations

from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from articlekit.model import Document, Table, plain_text
from articlekit.text import parse_text
from articlekit.text.drawn import (
    column_rule_runs,
    read_aligned,
    read_drawn_table,
    read_grouped,
)

# Prose around the tables keeps them inside the article for the page filter.
HEAD = """The harbour board met on Tuesday and published the figures for the year, with a
short account of what changed since the last report was written by the clerk of the
board, who keeps the books and answers the letters of the public.

"""
TAIL = """

The clerk added that the figures for the coming year would be published in the spring,
once the accounts of the winter season have been closed and checked by the auditors of
the board, as the rules of the harbour have always required.
"""


def _tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def _cells(table: Table) -> list[list[str]]:
    return [[plain_text(c.content) for c in row.cells] for row in table.rows]


def test_ascii_grid_with_header_rule() -> None:
    text = (
        "+---------+--------+\n"
        "| Vessel  | Tonnes |\n"
        "+=========+========+\n"
        "| Marlin  | 4,100  |\n"
        "| (tug)   |        |\n"
        "+---------+--------+\n"
        "| Osprey  | 2,250  |\n"
        "+---------+--------+\n"
    )
    (table,) = _tables(parse_text(HEAD + text + TAIL))
    assert table.header_rows == 1
    assert _cells(table) == [["Vessel", "Tonnes"], ["Marlin (tug)", "4,100"], ["Osprey", "2,250"]]
    assert table.rows[0].cells[0].header


def test_box_drawn_grid() -> None:
    text = (
        "┌────────┬───────┐\n"
        "│Pier    │Berths │\n"
        "├────────┼───────┤\n"
        "│North   │12     │\n"
        "├────────┼───────┤\n"
        "│South   │9      │\n"
        "└────────┴───────┘\n"
    )
    (table,) = _tables(parse_text(HEAD + text + TAIL))
    # w3m draws a header row as any other: labels over a column of figures head it
    assert table.header_rows == 1
    assert _cells(table) == [["Pier", "Berths"], ["North", "12"], ["South", "9"]]
    words = text.replace("12     ", "many   ").replace("9      ", "few    ")
    (table,) = _tables(parse_text(HEAD + words + TAIL))
    assert table.header_rows == 0


def test_console_output_without_frame_is_no_grid() -> None:
    """psql's result in a <pre>: bars and a ─┼─ rule, no outer frame: stays text."""
    text = "  count │ total\n────────┼───────\n      3 │ 12\n      4 │ 19\n"
    assert read_drawn_table(text.splitlines(), 0, 4) is None
    assert read_drawn_table(text.splitlines(), 1, 4) is None


def test_grid_with_a_broken_row_stays_text() -> None:
    lines = ["+----+----+", "| a  | b  |", "| c    d   ", "+----+----+"]
    assert read_drawn_table(lines, 0, len(lines)) is None


def test_pandoc_simple_table() -> None:
    text = "  Pier     Berths\n  -------- ------\n  North    12\n  South    9\n"
    (table,) = _tables(parse_text(HEAD + text + TAIL))
    assert table.header_rows == 1
    assert _cells(table) == [["Pier", "Berths"], ["North", "12"], ["South", "9"]]


def test_pandoc_multiline_table() -> None:
    text = (
        "  ------------------------------\n"
        "  Pier     Use\n"
        "  -------- ---------------------\n"
        "  North    ferries and the\n"
        "           fishing fleet\n"
        "\n"
        "  South    cargo\n"
        "  ------------------------------\n"
    )
    (table,) = _tables(parse_text(HEAD + text + TAIL))
    assert _cells(table) == [
        ["Pier", "Use"],
        ["North", "ferries and the fishing fleet"],
        ["South", "cargo"],
    ]


def test_pandoc_headerless_table() -> None:
    text = "  -------- ------\n  North    12\n  South    9\n  East     4\n  -------- ------\n"
    (table,) = _tables(parse_text(HEAD + text + TAIL))
    assert table.header_rows == 0
    assert _cells(table) == [["North", "12"], ["South", "9"], ["East", "4"]]


def test_column_rule_runs() -> None:
    assert column_rule_runs("  ---- ------") == [(2, 6), (7, 13)]
    assert column_rule_runs("-- --") is None
    assert column_rule_runs("--- words") is None


def test_spaced_table_with_caption_and_wrapped_cell() -> None:
    text = (
        "       Cargo landed by pier\n"
        "  Pier          Tonnes   Share\n"
        "  North         4100     38%\n"
        "  South         2250     21%\n"
        "  East quay     1900     18%\n"
        "  (old)\n"
        "  West          1200     11%\n"
    )
    (table,) = _tables(parse_text(HEAD + text + TAIL))
    assert plain_text(table.caption) == "Cargo landed by pier"
    # labels over columns of figures: the header row spaced columns do not mark
    assert table.header_rows == 1
    assert all(cell.header for cell in table.rows[0].cells)
    assert not any(cell.header for cell in table.rows[1].cells)
    assert _cells(table) == [
        ["Pier", "Tonnes", "Share"],
        ["North", "4100", "38%"],
        ["South", "2250", "21%"],
        ["East quay (old)", "1900", "18%"],
        ["West", "1200", "11%"],
    ]


def test_stacked_spaced_tables_with_captions() -> None:
    """lynx sets two tables one under the other, each under a centred caption line."""
    text = (
        "          Busiest piers\n"
        "             By ships\n"
        "   North pier        63 16.6%\n"
        "   South pier        56 14.7%\n"
        "   East quay         41 10.8%\n"
        "            By tonnes\n"
        "   South pier        4100 38.0%\n"
        "   North pier        2250 21.0%\n"
        "   East quay         1900 18.0%\n"
    )
    first, second = _tables(parse_text(HEAD + text + TAIL))
    assert first.header_rows == second.header_rows == 0  # every row holds figures
    assert plain_text(first.caption) == "Busiest piers By ships"
    assert plain_text(second.caption) == "By tonnes"
    assert _cells(first)[0] == ["North pier", "63 16.6%"]
    assert _cells(second)[2] == ["East quay", "1900 18.0%"]


def test_spaced_table_with_rows_apart() -> None:
    """w3m sets a blank line around a cell's paragraph: each group of lines is a row."""
    text = (
        "North pier     4100 t     ferries and\n"
        "                          fishing boats\n"
        "\n"
        "South pier     2250 t     cargo\n"
        "\n"
        "East quay      1900 t     yachts\n"
        "Old basin\n"
    )
    (table,) = _tables(parse_text(HEAD + text + TAIL))
    assert _cells(table) == [
        ["North pier", "4100 t", "ferries and fishing boats"],
        ["South pier", "2250 t", "cargo"],
        ["East quay Old basin", "1900 t", "yachts"],
    ]


def test_rows_apart_need_a_wrapped_row() -> None:
    """Three one-line groups apart are three paragraphs, not a table."""
    lines = ["North pier     open", "", "South pier     closed", "", "East quay      open"]
    assert read_grouped(lines, 0, len(lines)) is None


def test_many_one_line_rows_apart_are_a_table() -> None:
    """w3m sets a blank line around each row of a standings table whose cells hold a
    <p>: five or more one-line rows of three cells or more are its rows."""
    rows = [
        "Pos.  Boat            Points  Wins",
        "1     North Star      5040    5",
        "2     Harbour Queen   5035    7",
        "3     Old Basin       5033    4",
        "4     East Quay       5027    6",
        "5     Ferry Days      2380    2",
    ]
    lines = [x for row in rows for x in (row, "")][:-1]
    table = read_grouped(lines, 0, len(lines))
    assert table is not None
    assert table.rows[2] == ["2", "Harbour Queen", "5035", "7"]
    # two cells a row, or four rows, are no such table
    two = [x for row in rows for x in (row[:22].rstrip(), "")][:-1]
    assert read_grouped(two, 0, len(two)) is None
    assert read_grouped(lines[:7], 0, 7) is None


def test_prose_is_no_spaced_table() -> None:
    lines = [
        "The pier was built in the year the harbour opened and it was",
        "extended twice since then, once for the ferries and once for",
        "the fishing fleet that came in the summer of that same year.",
    ]
    assert read_aligned(lines, 0, len(lines)) is None


def test_list_and_code_are_no_spaced_table() -> None:
    items = ["  •  North pier    open", "  •  South pier    closed", "  •  East quay     open"]
    assert read_aligned(items, 0, len(items)) is None
    code = ["x       = 1;", "total   = x + 2;", "name    = 'pier';"]
    assert read_aligned(code, 0, len(code)) is None


def test_two_aligned_lines_are_no_table() -> None:
    lines = ["North pier     open", "South pier     closed"]
    assert read_aligned(lines, 0, len(lines)) is None


def test_spaced_table_not_in_markdown() -> None:
    text = "# Figures\n\n" + HEAD + "Pier     Tonnes\nNorth    4100\nSouth    2250\n" + TAIL
    doc = parse_text(text)
    assert not _tables(doc)
    assert "4100" in "".join(plain_text(getattr(b, "content", ())) for b in doc.blocks)


def test_console_output_in_a_text_dump_is_not_a_table() -> None:
    text = HEAD + "  count │ total\n────────┼───────\n      3 │ 12\n      4 │ 19\n" + TAIL
    doc = parse_text(text)
    assert not _tables(doc)


# ---------------------------------------------------------------------------- properties

_WORD = st.text(alphabet="abcdefxyz0123456789%.,()", min_size=1, max_size=9)
_DRAWING = set("┌┬┐├┼┤└┴┘│─+-=|")


def _grid(rows: list[list[str]], widths: list[int], box: bool) -> list[str]:
    h, v = ("─", "│") if box else ("-", "|")
    corners = ("┌┬┐", "├┼┤", "└┴┘") if box else ("+++",) * 3

    def rule(c: str) -> str:
        return c[0] + c[1].join(h * (w + 2) for w in widths) + c[2]

    out = [rule(corners[0])]
    for k, row in enumerate(rows):
        out.append(v + v.join(f" {cell:<{w}} " for cell, w in zip(row, widths, strict=True)) + v)
        out.append(rule(corners[2] if k == len(rows) - 1 else corners[1]))
    return out


def _chars(texts: list[str]) -> Counter[str]:
    return Counter(ch for text in texts for ch in text if ch != " " and ch not in _DRAWING)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=2, max_value=4).flatmap(
        lambda n: st.lists(st.lists(_WORD, min_size=n, max_size=n), min_size=1, max_size=5)
    ),
    st.booleans(),
)
def test_grids_keep_every_character(rows: list[list[str]], box: bool) -> None:
    widths = [max(len(row[k]) for row in rows) for k in range(len(rows[0]))]
    lines = _grid(rows, widths, box)
    found = read_drawn_table(lines, 0, len(lines))
    assert found is not None
    assert found.end == len(lines)
    assert found.rows == rows
    parse_text(HEAD + "\n".join(lines) + TAIL)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.just(""), _WORD), min_size=1, max_size=4), min_size=1, max_size=7
    ),
    st.lists(st.integers(min_value=0, max_value=4), min_size=4, max_size=4),
    st.integers(min_value=0, max_value=3),
)
@example(
    rows=[["", "0", "0"], ["", "0", "0"], ["0", "", "0"], ["", "0"]], pads=[0, 1, 0, 0], indent=0
)
def test_spaced_lines_never_lose_text(rows: list[list[str]], pads: list[int], indent: int) -> None:
    width = max(len(row) for row in rows)
    widths = [max((len(row[k]) for row in rows if k < len(row)), default=0) for k in range(width)]
    lines = [
        " " * indent
        + "".join(f"{cell:<{widths[k] + 1 + pads[k]}}" for k, cell in enumerate(row)).rstrip()
        for row in rows
    ]
    found = read_aligned(lines, 0, len(lines))
    if found is not None:
        # (a table may end early, at a line centred under it that is the next table's
        # caption: the lines after ``end`` are read again by the caller)
        assert _chars([*(c for row in found.rows for c in row), found.caption]) == _chars(
            lines[: found.end]
        )
    apart = [x for i in range(0, len(lines), 2) for x in (*lines[i : i + 2], "")][:-1]
    grouped = read_grouped(apart, 0, len(apart))
    if grouped is not None:
        assert _chars([c for row in grouped.rows for c in row]) == _chars(apart[: grouped.end])
    text = "\n".join(lines)
    if text.strip():
        doc = parse_text(HEAD + text + TAIL)
        assert isinstance(doc, Document)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab -+|│─┼┌┐└┘=", max_size=12), min_size=1, max_size=6))
def test_random_drawing_never_fails(lines: list[str]) -> None:
    for start in range(len(lines)):
        found = read_drawn_table(lines, start, len(lines))
        if found is not None:
            got = _chars([c for row in found.rows for c in row])
            assert got == _chars(lines[start : found.end])
    parse_text(HEAD + "\n".join(lines) + TAIL)
