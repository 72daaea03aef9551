"""Per-line facts and layout detection."""

from __future__ import annotations

import pytest

from articlekit.errors import UnsupportedInputError
from articlekit.model import List
from articlekit.text import parse_text
from articlekit.text.lines import detect_layout, display_width, is_wide, split_lines


def test_line_endings_all_end_a_line() -> None:
    lines = split_lines("a\r\nb\rc\nd\u2028e")
    assert lines.text == ("a", "b", "c", "d", "e")


def test_indent_blank_and_tabs() -> None:
    lines = split_lines("   three\n\n\tTab\n  ")
    assert lines.indent[:3] == (3, 0, 8)
    assert lines.blank == (False, True, False, True)
    assert lines.text[2] == "Tab"


def test_an_empty_ins_mark_is_a_blank_line() -> None:
    # w3m "[INS::INS]" and lynx "[INS: :INS]": an empty <ins>, an ad slot
    lines = split_lines("Jane Doe, 8 May 2018\n   [INS: :INS]\nThe text.\n[INS::INS]\n")
    assert lines.text[:4] == ("Jane Doe, 8 May 2018", "", "The text.", "")
    assert lines.blank[1] and lines.blank[3]
    assert split_lines("[INS: kept :INS]").text == ("[INS: kept :INS]",)


def test_an_ad_slot_does_not_join_a_byline_to_the_text() -> None:
    text = (
        "   Jane Doe May 8, 2018\n   [INS: :INS]\n"
        "   The council met on Tuesday and decided to keep the library open.\n"
    )
    doc = parse_text(text)
    words = " ".join(str(block) for block in doc.blocks)
    assert "INS" not in words and "INS" not in (doc.title or "")


def test_control_characters_go_and_white_space_ones_become_spaces() -> None:
    # the policy of docs/model.md: a browser shows a control character as nothing
    lines = split_lines("one\x0ctwo\x07three\x1ffour, words enough not to look binary")
    assert lines.text == ("one twothree four, words enough not to look binary",)


def test_invisible_characters_are_dropped() -> None:
    # soft hyphens, a zero-width space and a word joiner split words for a search; the
    # zero-width joiner of an emoji sequence stays
    lines = split_lines(
        "R\u00e9ac\u00adtion au pro\u00adjet zero\u200bwidth word\u2060joiner "
        "\U0001f469\u200d\U0001f52c"
    )
    assert lines.text == ("Réaction au projet zerowidth wordjoiner \U0001f469\u200d\U0001f52c",)


@pytest.mark.parametrize("text", ["", " \n\t ", "\x0c\x0c"])
def test_empty_input(text: str) -> None:
    with pytest.raises(UnsupportedInputError, match="empty"):
        split_lines(text)


def test_binary_input() -> None:
    with pytest.raises(UnsupportedInputError, match="binary"):
        split_lines("PK\x03\x04\x00\x00" + "\x01\x02" * 100)


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("abc") == 3
    assert display_width("漢字") == 4
    assert is_wide("漢") and not is_wide("a")


def _wrapped(width: int, lines: int = 20, indent: int = 0) -> str:
    line = " " * indent + ("word " * 40)[: width - indent].rstrip()
    return "\n".join([line] * lines)


def test_wrap_width_of_a_wrapped_text() -> None:
    layout = detect_layout(split_lines(_wrapped(78)))
    assert layout.wrap_width is not None and 70 <= layout.wrap_width <= 78
    assert layout.is_full(74) and not layout.is_full(30)


def test_unwrapped_text_has_no_wrap_width() -> None:
    text = "\n\n".join(["A long paragraph line " * 10] * 5)
    assert detect_layout(split_lines(text)).wrap_width is None


def _greedy_wrap(text: str, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return [*lines, current]


PROSE = (
    "The council met on Tuesday to discuss the budget for the coming year, and after a "
    "long debate about roads, schools and the harbour it agreed to raise the rates by two "
    "per cent while asking the mayor to find savings in the transport department before "
    "the spring. Several members said the vote was the hardest of their term."
)


@pytest.mark.parametrize("width", [120, 132, 160])
def test_wide_terminal_wraps_are_found(width: int) -> None:
    # w3m -cols 120, lynx -width=132 ...: wrapped lines far past 100 columns
    text = "\n\n".join("\n".join(_greedy_wrap(PROSE * 2, width)) for _ in range(4))
    layout = detect_layout(split_lines(text))
    assert layout.wrap_width is not None and width - 25 <= layout.wrap_width <= width


def test_wide_wrapped_paragraphs_are_joined() -> None:
    text = "\n\n".join("\n".join(_greedy_wrap(PROSE, 120)) for _ in range(3))
    doc = parse_text("A Title For The Page\n\n" + text)
    assert [b.content[0].text for b in doc.blocks] == [PROSE] * 3  # type: ignore[attr-defined]


def test_one_line_paragraphs_of_any_length_are_not_wrapped() -> None:
    # html2text without wraps, a scraper's text field: consecutive lines are separate
    items = [PROSE[: 100 + 7 * i] for i in range(12)]
    assert detect_layout(split_lines("\n".join(items))).wrap_width is None
    assert detect_layout(split_lines("\n\n".join(items))).wrap_width is None


def test_wide_lines_past_a_lynx_reference_list_do_not_count() -> None:
    # unbroken URLs in lynx's References would make a wrapped text look unwrapped
    body = "\n".join("   " + line for line in _greedy_wrap(PROSE * 3, 117))
    refs = "\n".join(f"  {i}. https://example.org/{'x' * 150}/{i}" for i in range(1, 40))
    lines = split_lines(f"{body}\n\nReferences\n\n{refs}\n")
    end = next(i for i, text in enumerate(lines.text) if text == "References")
    assert detect_layout(lines, lynx_references=True).wrap_width is None
    assert detect_layout(lines, lynx_references=True, end=end).wrap_width is not None


def test_lynx_body_indent() -> None:
    layout = detect_layout(split_lines(_wrapped(76, indent=3)), lynx_references=True)
    assert layout.body_indent == 3 and layout.lynx and not layout.markdown


def test_markdown_needs_links_or_headings_between_blank_lines() -> None:
    md = "# Title\n\nText with [a](https://a.example) and [b](https://b.example).\n"
    assert detect_layout(split_lines(md)).markdown
    shell = "Run this:\n\n$ ls\n# list files\n$ cd x\n"
    assert not detect_layout(split_lines(shell)).markdown


def test_indented_menus_over_flush_prose_give_no_body_indent() -> None:
    # a w3m page: a long menu indented by four columns, the article flush left
    menu = "\n".join(f"    Section number {i}" for i in range(30))
    prose = "\n".join(
        ["The council met on Tuesday evening and decided that the library would stay"] * 8
    )
    layout = detect_layout(split_lines(f"{menu}\n\n{prose}\n\n{prose}\n"))
    assert layout.body_indent == 0
    indented = "\n".join("    " + line for line in prose.splitlines())
    layout = detect_layout(split_lines(f"{indented}\n\n{indented}\n"))
    assert layout.body_indent == 4


def test_prose_at_three_columns_is_the_body_when_code_outnumbers_it() -> None:
    # links -dump / lynx -nolist: no link list, paragraphs at 3 columns, but the code
    # blocks of a tutorial (5 columns in) hold more lines than the prose does
    prose = "\n".join(["   " + line for line in _greedy_wrap(PROSE * 2, 76)])
    code = "\n".join(f"     SELECT col_{i} FROM t;" for i in range(40))
    text = f"{prose}\n\n{code}\n\n{prose}\n"
    layout = detect_layout(split_lines(text))
    assert layout.body_indent == 3 and layout.lynx
    # prose at 4 columns under the same code is not a body indent: w3m never indents one
    deeper = text.replace("\n   ", "\n    ")
    assert detect_layout(split_lines("    " + deeper)).body_indent == 0


def test_links_heading_over_code_heavy_body_is_a_heading() -> None:
    from articlekit.model import Heading, plain_text
    from articlekit.text import parse_text

    prose = "\n".join(["   " + line for line in _greedy_wrap(PROSE * 2, 76)])
    code = "\n".join(f"     SELECT col_{i} FROM t;" for i in range(40))
    text = f"A tutorial title\n\n{prose}\n\n  Detecting Anomalies\n\n{prose}\n\n{code}\n"
    doc = parse_text(text)
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    assert [plain_text(h.content) for h in headings] == ["Detecting Anomalies"]


# A scraper's text field: one line per block, no blank lines between them.
_FIELD = "\n".join(
    [
        "Bund und Länder planen eine Verlängerung",
        "By Ann Example",
        "The opening paragraph of the story runs on one long line, as a scraper stores it, with"
        " every sentence of the paragraph on it and no wrap anywhere in between.",
        "Why it matters",
        "The second paragraph is another long line of prose that ends with a full stop and is"
        " followed directly by the next line, with no blank line in between.",
        "- The first item of a list",
        "- The second item of a list",
        "A last paragraph after the list closes the article with one more sentence of text.",
    ]
)


def test_a_text_field_holds_one_block_per_line() -> None:
    layout = detect_layout(split_lines(_FIELD))
    assert layout.line_blocks and layout.wrap_width is None
    doc = parse_text(_FIELD)
    assert doc.title == "Bund und Länder planen eine Verlängerung"
    assert doc.metadata.authors == ("Ann Example",)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Heading", "Paragraph", "List", "Paragraph"]
    assert [len(b.items) for b in doc.blocks if isinstance(b, List)] == [2]


def test_blank_lines_or_short_lines_keep_the_usual_reading() -> None:
    # paragraphs set apart by blank lines: single line ends inside them are <br>s
    assert not detect_layout(split_lines(_FIELD.replace("\n", "\n\n"))).line_blocks
    # a narrow hand-wrapped text has no paragraph-long lines
    narrow = "\n".join(["A short line of a poem", "and another one here"] * 6)
    assert not detect_layout(split_lines(narrow)).line_blocks


def test_a_text_field_with_short_lines_is_not_read_as_wrapped() -> None:
    # menus and code lines pull the 90th-percentile width under 100 columns; the
    # paragraph lines far past it show that nothing was wrapped
    menu = [f"Menu entry {i:03d}" for i in range(50)]
    code = [f"    result = compute(values, offset={i:03d})  # one step" for i in range(10)]
    short = "\n".join(menu + code)
    long_lines = "\n".join(PROSE[: 300 + i] for i in range(5))
    lines = split_lines(short + "\n" + long_lines)
    layout = detect_layout(lines)
    assert layout.wrap_width is None and layout.line_blocks
    # the same lines with blank lines between them: a wrapped text's (no change there)
    assert detect_layout(split_lines(short.replace("\n", "\n\n"))).wrap_width is not None


def _block(indent: int, lines: int, width: int = 74) -> str:
    line = " " * indent + ("word " * 40)[: width - indent].rstrip()
    return "\n".join([line] * lines)


def test_lynx_margin_under_a_nested_comment_thread() -> None:
    # lynx -nolist of a post with a long threaded comment section: the article's prose at
    # the 3-column margin is outnumbered by the replies set in at 7, 12 and 17
    parts = [_block(3, 12), _block(7, 20), _block(12, 20), _block(17, 15), _block(3, 4)]
    layout = detect_layout(split_lines("\n\n".join(parts)))
    assert layout.body_indent == 3


def test_flush_prose_keeps_no_body_indent() -> None:
    # w3m: the prose is flush left; quotes and lists set in by 3 do not make a margin
    parts = [_block(0, 30), _block(3, 12), _block(7, 10)]
    assert detect_layout(split_lines("\n\n".join(parts))).body_indent == 0


def test_setext_h1_underline_counts_as_markdown() -> None:
    """markdownify underlines an h1 with "===": with one "#" heading that is Markdown."""
    text = (
        "Page title\n\nThe headline\n============\n\n### [A linked heading](https://example.org/a)\n\n"
        "Body text of the article with a sentence or two.\n"
    )
    assert detect_layout(split_lines(text)).markdown
    # a "---" underline is plain text's too: alone it is no sign of Markdown
    plain = "The headline\n------------\n\nBody text.\n\nMore body text.\n"
    assert not detect_layout(split_lines(plain)).markdown
