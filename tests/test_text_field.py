"""A scraper's text field (one block per line, no blank lines): detection and reading."""

from __future__ import annotations

from articlekit.model import CodeBlock, Heading, List, Paragraph, plain_text
from articlekit.text import parse_text
from articlekit.text.lines import detect_layout, split_lines

_SENTENCE = (
    "A paragraph of the article stands on a line of its own, as a scraper stores it, "
    "with every sentence of it on that line and no wrap anywhere in between"
)


def test_a_page_of_menus_is_a_text_field_when_its_breaks_are_not_a_wrap() -> None:
    # a whole page: menu lines and captions outnumber the paragraphs, so the
    # 90th-percentile width is under 100 columns, and the paragraphs run only a little
    # past it; the line after a caption would have fitted on it: no wrap broke there
    menu = [f"Section {i:02d} of the site" for i in range(30)]
    scene = "a picture of the harbour at dawn taken from the hill " * 2
    captions = [f"Caption {i:02d}: {scene[: 40 + 4 * i].strip()}" for i in range(10)]
    body = [f"{_SENTENCE[:100]} ({i})." for i in range(4)]
    lines = menu[:15] + captions[:5] + body[:2] + captions[5:] + body[2:] + menu[15:]
    layout = detect_layout(split_lines("\n".join(lines)))
    assert layout.line_blocks and layout.wrap_width is None


def test_a_wrapped_text_without_blank_lines_keeps_its_wrap() -> None:
    words = (_SENTENCE + ". ") * 12
    wrapped: list[str] = []
    line = ""
    for word in words.split():
        if line and len(line) + 1 + len(word) > 72:
            wrapped.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    wrapped.append(line)
    layout = detect_layout(split_lines("\n".join(wrapped)))
    assert not layout.line_blocks and layout.wrap_width is not None


def test_a_listing_in_a_text_field_is_one_code_block() -> None:
    text = "\n".join(
        [
            "Counting rows",
            f"{_SENTENCE}, and then comes a query:",
            "WITH totals AS (",
            "   SELECT status, count(*) AS n",
            "   FROM log",
            ")",
            "SELECT * FROM totals WHERE (n > 2);",
            f"{_SENTENCE} after the query.",
        ]
    )
    doc = parse_text(text)
    codes = [b for b in doc.blocks if isinstance(b, CodeBlock)]
    assert len(codes) == 1
    assert codes[0].code.splitlines()[0] == "WITH totals AS ("
    assert codes[0].code.splitlines()[-1] == "SELECT * FROM totals WHERE (n > 2);"
    assert "   FROM log" in codes[0].code


def test_a_consoles_drawn_table_in_a_text_field_is_part_of_its_listing() -> None:
    # a database session's output: its header, rule and rows stand flush, drawn with
    # box-drawing characters, right under the query set in
    text = "\n".join(
        [
            "Counting rows",
            f"{_SENTENCE}, and then comes a query:",
            "SELECT avg(n), stddev(n)",
            "   FROM unnest(array[2, 3, 5]) AS n;",
            "  avg  │ stddev",
            "───────┼────────",
            "3.3333 │ 1.5275",
            f"{_SENTENCE} after the query.",
        ]
    )
    blocks = parse_text(text).blocks
    codes = [b for b in blocks if isinstance(b, CodeBlock)]
    assert len(codes) == 1 and codes[0].code.splitlines()[-1] == "3.3333 │ 1.5275"
    assert [plain_text(b.content) for b in blocks if isinstance(b, Paragraph)] == [
        f"{_SENTENCE}, and then comes a query:",
        f"{_SENTENCE} after the query.",
    ]


def test_flush_lines_with_brackets_alone_are_no_listing() -> None:
    # two short flush lines with a parenthesis each, but nothing set in: prose
    text = "\n".join(
        ["Notes", f"{_SENTENCE}.", "Berlin (Germany)", "Paris (France)", f"{_SENTENCE}."]
    )
    doc = parse_text(text)
    assert not any(isinstance(b, CodeBlock) for b in doc.blocks)


def test_numbered_headings_of_a_text_field_stand_over_their_text() -> None:
    text = "\n".join(
        [
            "The best films of the year",
            f"{_SENTENCE}, and here is the list.",
            "2) Ex Libris",
            f"{_SENTENCE} about a library.",
            "1) Lady Bird",
            f"{_SENTENCE} about a girl.",
        ]
    )
    doc = parse_text(text)
    assert [plain_text(b.content) for b in doc.blocks if isinstance(b, Heading)] == [
        "2) Ex Libris",
        "1) Lady Bird",
    ]


def test_numbered_lines_in_a_run_are_a_list_in_a_text_field() -> None:
    text = "\n".join(
        [
            "Shopping",
            f"{_SENTENCE}, and here is the list.",
            "1. Flour",
            "2. Sugar",
            f"{_SENTENCE} after the list.",
        ]
    )
    doc = parse_text(text)
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    assert [len(b.items) for b in doc.blocks if isinstance(b, List)] == [2]


def test_a_line_broken_mid_sentence_runs_on_in_a_text_field() -> None:
    text = "\n".join(
        [
            "Headers",
            f"{_SENTENCE}. The same can be achieved by passing an array of arrays or a literal",
            "to the constructor, as the next example shows.",
            "Requests",
            f"{_SENTENCE}.",
        ]
    )
    doc = parse_text(text)
    paragraphs = [plain_text(b.content) for b in doc.blocks if isinstance(b, Paragraph)]
    assert paragraphs[0].endswith("a literal to the constructor, as the next example shows.")
    assert len(paragraphs) == 2


def test_a_byline_under_a_heading_of_a_text_field_is_no_heading() -> None:
    text = "\n".join(
        [
            "The weekly edition",
            f"{_SENTENCE}.",
            "Development activity in the office suites",
            "By Jonathan Example",
            f"{_SENTENCE} about the suites.",
        ]
    )
    doc = parse_text(text)
    headings = [plain_text(b.content) for b in doc.blocks if isinstance(b, Heading)]
    assert headings == ["Development activity in the office suites"]


def test_a_list_item_broken_mid_sentence_runs_on_in_a_text_field() -> None:
    text = "\n".join(
        [
            "Guards",
            f"{_SENTENCE}, and the guards are these:",
            "- “immutable”: mostly used for service workers, renders a headers object",
            "read-only.",
            "- “request”: a guard for a headers object obtained from a request.",
            f"{_SENTENCE} after the list.",
        ]
    )
    doc = parse_text(text)
    lists = [b for b in doc.blocks if isinstance(b, List)]
    assert len(lists) == 1
    assert plain_text(lists[0].items[0]).endswith("a headers object read-only.")


_NEWS = (
    "City Council Approves New Park\n"
    "The city council voted on Tuesday to approve a new park in the east district.\n"
    "The park will cover twelve acres and include a playground and a pond.\n"
    '"This is a great day for the neighborhood," said council member Ann Lee.\n'
    "Construction is expected to begin next spring and to end a year later.\n"
)


def test_short_paragraphs_one_per_line_are_a_text_field() -> None:
    # no line is 100 characters long, but every line ends a sentence and the next opens
    # one: a scraper's field of short paragraphs, not one wrapped paragraph
    layout = detect_layout(split_lines(_NEWS))
    assert layout.line_blocks and layout.wrap_width is None
    doc = parse_text(_NEWS)
    assert doc.title == "City Council Approves New Park"
    assert [plain_text(b)[:8] for b in doc.blocks if isinstance(b, Paragraph)] == [
        "The city",
        "The park",
        '"This is',
        "Construc",
    ]


def test_wrapped_prose_with_a_sentence_end_now_and_then_stays_one_paragraph() -> None:
    text = (
        "A Title Here\n"
        "A wrapped paragraph of prose goes on here and the line breaks where a greedy\n"
        "wrap at seventy-eight columns puts it, so most lines end in the middle of a\n"
        "sentence. Only now and then does a line end with a full stop, like this one.\n"
        "The next line goes on and on with more words that fill it up to the usual\n"
        "width and beyond into the next one, which ends the paragraph at last.\n"
    )
    assert not detect_layout(split_lines(text)).line_blocks
    doc = parse_text(text)
    assert sum(isinstance(b, Paragraph) for b in doc.blocks) == 1
