"""A scraper's Markdown (.md output of html2text, markdownify, pandoc, hand-written READMEs)
read into the typed document: each common construct becomes the right block or inline."""

from __future__ import annotations

import articlekit
from articlekit.model import (
    Block,
    CodeBlock,
    Document,
    Emphasis,
    Figure,
    Heading,
    Image,
    LineBreak,
    Link,
    List,
    Paragraph,
    Quote,
    Table,
    Text,
    plain_text,
    walk,
)
from articlekit.text import parse_text
from articlekit.text.inline import LinkTarget, parse_inlines
from articlekit.text.lines import detect_layout, split_lines
from articlekit.text.references import link_definitions

PROSE = (
    "The harbour board met on Tuesday and published the figures for the year, with a "
    "short account of what changed since the last report was written by the clerk."
)


def _markdown(text: str) -> bool:
    return detect_layout(split_lines(text)).markdown


def _blocks(doc: Document, kind: type[Block]) -> list[Block]:
    return [b for b in walk(doc.blocks) if isinstance(b, kind)]


def _inlines(doc: Document) -> list[object]:
    out: list[object] = []
    for block in _blocks(doc, Paragraph):
        assert isinstance(block, Paragraph)
        out.extend(block.content)
    return out


# ------------------------------------------------------------------- detection


def test_a_pipe_table_is_a_sign_of_markdown() -> None:
    text = f"{PROSE}\n\n| Quarter | Ships |\n|---|---|\n| first | 40 |\n\n{PROSE}\n"
    assert _markdown(text)
    # under a line of text, no blank line between (a text field's table): no sign
    assert not _markdown(f"{PROSE}\n| Quarter | Ships |\n|---|---|\n| first | 40 |\n")


def test_link_definitions_and_fences_count_with_headings() -> None:
    text = f"Harbour news\n============\n\n{PROSE} [Minutes][1].\n\n[1]: https://x.example/m\n"
    assert _markdown(text)
    fenced = f"Harbour news\n============\n\n{PROSE}\n\n```\nmake ships\n```\n"
    assert _markdown(fenced)
    # one sign alone is not enough: a plain text may hold a "```" line or a "[1]: url"
    assert not _markdown(f"{PROSE}\n\n[1]: https://x.example/m\n")
    assert not _markdown(f"{PROSE}\n\n```\nmake ships\n```\n")


# ------------------------------------------------------------------- headings and code


def test_setext_headings() -> None:
    doc = parse_text(
        f"Harbour news\n============\n\n{PROSE}\n\nThe berths\n----------\n\n{PROSE}\n"
    )
    assert doc.title == "Harbour news"
    (heading,) = _blocks(doc, Heading)
    assert isinstance(heading, Heading) and plain_text(heading.content) == "The berths"


def test_fenced_code_keeps_its_language_and_text() -> None:
    doc = parse_text(f"# Harbour\n\n{PROSE}\n\n```python\ndef f(x):\n    return x * 2\n```\n")
    (code,) = _blocks(doc, CodeBlock)
    assert isinstance(code, CodeBlock)
    assert code.language == "python"
    assert code.code == "def f(x):\n    return x * 2"


# ------------------------------------------------------------------- links and images


REFERENCES = f"""# Harbour

{PROSE} Read the [minutes][1], the [Report][] and [the plan][Plan  Two].
The chart: ![berths][chart]. Not a link: [sic][9] and [citation].

[1]: https://x.example/minutes
[report]: <https://x.example/report> "Annual report"
[plan two]: https://x.example/plan 'The plan'
[chart]: https://x.example/chart.png (Berths in use)
"""


def test_reference_style_links_and_images() -> None:
    doc = parse_text(REFERENCES)
    links = [node for node in _inlines(doc) if isinstance(node, Link)]
    assert [(link.url, link.title) for link in links] == [
        ("https://x.example/minutes", None),
        ("https://x.example/report", "Annual report"),
        ("https://x.example/plan", "The plan"),
    ]
    assert [plain_text(link.content) for link in links] == ["minutes", "Report", "the plan"]
    (image,) = [node for node in _inlines(doc) if isinstance(node, Image)]
    assert image == Image(src="https://x.example/chart.png", alt="berths", title="Berths in use")
    text = "\n".join(plain_text(b.content) for b in _blocks(doc, Paragraph))  # type: ignore[attr-defined]
    # a reference naming no definition stays text; the definitions are no text
    assert "[sic][9]" in text and "[citation]" in text
    assert "x.example" not in text


def test_link_definitions_need_a_block_start_and_stay_out_of_code() -> None:
    text = (
        "[a]: https://x.example/a\n"
        "prose right above\n[b]: https://x.example/b\n\n"
        "```\n[c]: https://x.example/c\n```\n\n"
        "[^1]: a footnote, no link\n\n"
        "[A]: https://x.example/second-a\n"
    )
    refs, taken = link_definitions(split_lines(text))
    assert refs == {"a": LinkTarget(url="https://x.example/a")}
    assert taken == [0, 10]  # the first definition of a label wins; its twin is taken too


def test_reference_inside_emphasis_and_unknown_brackets() -> None:
    refs = {"1": LinkTarget(url="https://x.example/1")}
    (em,) = parse_inlines("*see [the note][1]*", markdown=True, refs=refs)
    assert isinstance(em, Emphasis)
    assert em.content[1] == Link(url="https://x.example/1", content=(Text(text="the note"),))
    # an unknown label: the brackets are text, and the inside is still read
    nodes = parse_inlines("[*x*][2] after", markdown=True, refs=refs)
    assert nodes[0] == Text(text="[") and isinstance(nodes[1], Emphasis)


def test_images_and_links_keep_their_titles() -> None:
    nodes = parse_inlines(
        '![Berths](https://x.example/b.png "Berths in use") and '
        "[minutes](https://x.example/m 'Minutes of May')",
        markdown=True,
    )
    assert nodes[0] == Image(src="https://x.example/b.png", alt="Berths", title="Berths in use")
    assert isinstance(nodes[2], Link) and nodes[2].title == "Minutes of May"
    doc = parse_text(f'# Harbour\n\n{PROSE}\n\n![Berths](https://x.example/b.png "In use")\n')
    (figure,) = _blocks(doc, Figure)
    assert isinstance(figure, Figure) and figure.image.title == "In use"


def test_autolinks() -> None:
    nodes = parse_inlines("see <https://x.example/a> or <mailto:clerk@x.example>", markdown=True)
    assert nodes[1] == Link(url="https://x.example/a", content=(Text(text="https://x.example/a"),))
    assert nodes[3] == Link(url="mailto:clerk@x.example", content=(Text(text="clerk@x.example"),))


# ------------------------------------------------------------------- characters


def test_escapes_and_character_references() -> None:
    nodes = parse_inlines(
        r"\*not emphasis\* and \_nor this\_ &amp; &copy; &#8212; &#x27;&unknown; `&amp;`",
        markdown=True,
    )
    assert nodes[0] == Text(text="*not emphasis* and _nor this_ & © — '&unknown; ")
    assert plain_text(nodes[1:]) == "&amp;"  # a code span keeps its text as written


def test_hard_line_breaks() -> None:
    doc = parse_text(
        f"# Harbour\n\n{PROSE}\n\nThe clerk  \nThe harbour office\\\nKing's Quay\n\n{PROSE}\n"
    )
    para = next(
        b
        for b in _blocks(doc, Paragraph)
        if "office" in plain_text(b.content)  # type: ignore[attr-defined]
    )
    assert isinstance(para, Paragraph)
    assert [type(node) for node in para.content] == [Text, LineBreak, Text, LineBreak, Text]
    assert plain_text(para.content).replace("\n", "|") == "The clerk|The harbour office|King's Quay"


def test_a_backslash_break_inside_a_list_item() -> None:
    # "1. **Label**\" over the item's text (markdownify, pandoc and articlekit's own
    # Markdown write a <br> in an item so): a line break, no backslash left in the text
    text = (
        f"# Harbour\n\n{PROSE}\n\n1. **The clerk**\\\n   keeps the harbour office.\n"
        "2. **The pilot**\\\n   brings the ships in.\n\n   Even at night.\\\n   And in fog.\n\n"
        f"{PROSE}\n"
    )
    (lst,) = _blocks(parse_text(text), List)
    assert isinstance(lst, List)
    first = lst.items[0].blocks[0]
    assert isinstance(first, Paragraph)
    assert any(isinstance(node, LineBreak) for node in first.content)
    assert plain_text(first.content).replace("\n", "|") == "The clerk|keeps the harbour office."
    later = lst.items[1].blocks[-1]
    assert plain_text(later).replace("\n", "|") == "Even at night.|And in fog."  # type: ignore[arg-type]


def test_a_backslash_break_before_a_credit_line_leaves_no_backslash() -> None:
    # a caption's break over the picture's credit: the credit line is cut off as a piece
    # of its own, and the caption keeps no trailing backslash
    text = (
        f"# Harbour\n\n{PROSE}\n\n![The pier](https://x.example/p.jpg)\n\n"
        "The new pier at dawn\\\nPhoto by [Ada Berg](https://x.example/ab)\n\n"
        f"{PROSE}\n"
    )
    rendered = articlekit.to_markdown(parse_text(text))
    assert "The new pier at dawn" in rendered
    assert "dawn\\" not in rendered


# ------------------------------------------------------------------- lists and quotes


def _items(block: Block) -> list[str]:
    assert isinstance(block, List)
    out = []
    for item in block.items:
        para = item.blocks[0]
        assert isinstance(para, Paragraph)
        out.append(plain_text(para.content))
    return out


def test_nested_lists_with_two_four_space_and_tab_indents() -> None:
    doc = parse_text(
        f"# Harbour\n\n{PROSE}\n\n"
        "* berths\n  * north\n  * south\n* cranes\n    * old\n        * rusty\n"
        "* sheds\n\t* east\n"
    )
    outer = next(b for b in doc.blocks if isinstance(b, List))
    assert _items(outer) == ["berths", "cranes", "sheds"]
    nested = [b for item in outer.items for b in item.blocks if isinstance(b, List)]  # type: ignore[union-attr]
    assert [_items(b) for b in nested] == [["north", "south"], ["old"], ["east"]]
    (deepest,) = [b for b in nested[1].items[0].blocks if isinstance(b, List)]  # type: ignore[union-attr]
    assert _items(deepest) == ["rusty"]


def test_quote_holding_a_list_and_code() -> None:
    doc = parse_text(
        f"# Harbour\n\n{PROSE}\n\n> The clerk wrote:\n>\n> - berths\n> - cranes\n>\n"
        "> ```\n> ships = 40\n> ```\n"
    )
    (quote,) = [b for b in doc.blocks if isinstance(b, Quote)]
    assert isinstance(quote, Quote)
    kinds = [type(b) for b in quote.blocks]
    assert kinds == [Paragraph, List, CodeBlock]
    assert _items(quote.blocks[1]) == ["berths", "cranes"]


def test_quoted_raw_html_table_with_blank_lines_between_rows() -> None:
    # pandoc's GFM writes a quoted <blockquote>'s table as raw HTML under ">", a blank
    # line between its rows: one table, as the page showed it
    doc = parse_text(
        f"# Harbour\n\n{PROSE}\n\n"
        "> <table>\n> <tr>\n> <th>Quarter</th><th>Ships</th>\n> </tr>\n>\n"
        "> <tr>\n> <td>first</td><td>40</td>\n> </tr>\n>\n"
        "> <tr>\n> <td>second</td><td>52</td>\n> </tr>\n> </table>\n\n"
        f"{PROSE}\n"
    )
    (table,) = _blocks(doc, Table)
    assert isinstance(table, Table)
    assert [[plain_text(c.content) for c in row.cells] for row in table.rows] == [
        ["Quarter", "Ships"],
        ["first", "40"],
        ["second", "52"],
    ]
    assert table.provenance is not None and table.provenance.lines == (5, 17)


def test_raw_html_block_runs_on_over_blank_lines_until_its_element_closes() -> None:
    from articlekit.text.htmlblocks import html_block_spans

    texts = ["<table>", "<tr><td>a</td><td>b</td></tr>", "", "<tr><td>c</td></tr>", "</table>"]
    (span,) = html_block_spans(texts, [0] * len(texts))
    assert (span.first, span.last) == (0, 4)
    # Markdown after the blank line: a container, not one block (read as text, as before)
    texts = ["<table>", "<tr><td>a</td></tr>", "", "Some *prose*.", "", "</table>"]
    assert html_block_spans(texts, [0] * len(texts)) == []
    # an element that never closes ends at its first blank line; a block after it is read
    texts = ["<table>", "<tr><td>a</td></tr>", "", "<ul><li>x</li></ul>", ""]
    (span,) = html_block_spans(texts, [0] * len(texts))
    assert (span.first, span.last, span.name) == (3, 3, "ul")


# ------------------------------------------------------------------- tables in list items


def _grid(table: Block) -> list[list[str]]:
    assert isinstance(table, Table)
    return [[plain_text(c.content) for c in row.cells] for row in table.rows]


def test_table_in_a_list_item_after_a_blank_line() -> None:
    # markdownify: the table set in to the item's content, a blank line above it
    doc = parse_text(
        f"# Harbour\n\n{PROSE}\n\n* Harbour figures\n\n  | Quarter | Ships |\n  | --- | --- |\n"
        "  | first | 40 |\n* Next item\n\n"
        f"{PROSE}\n"
    )
    outer = next(b for b in doc.blocks if isinstance(b, List))
    assert isinstance(outer, List) and len(outer.items) == 2
    first = outer.items[0].blocks
    assert isinstance(first[0], Paragraph) and plain_text(first[0].content) == "Harbour figures"
    assert _grid(first[1]) == [["Quarter", "Ships"], ["first", "40"]]
    assert _items(outer)[1] == "Next item"


def test_table_right_under_a_list_items_text() -> None:
    # pandoc's GFM: the table's header row right under the item's text, no blank line
    doc = parse_text(
        f"# Harbour\n\n{PROSE}\n\n-   Harbour figures\n    | Quarter | Ships |\n"
        "    |---------|-------|\n    | first   | 40    |\n-   Next item\n\n"
        "1.  Intro\n\n    | A | B |\n    |---|---|\n    | 1 | 2 |\n\n"
        f"{PROSE}\n"
    )
    lists = [b for b in doc.blocks if isinstance(b, List)]
    assert [len(b.items) for b in lists] == [2, 1]  # type: ignore[attr-defined]
    assert _grid(lists[0].items[0].blocks[1]) == [["Quarter", "Ships"], ["first", "40"]]  # type: ignore[attr-defined]
    # "1.  Intro" over an indented table: a list item (CommonMark), not a numbered heading
    assert lists[1].ordered  # type: ignore[attr-defined]
    assert _grid(lists[1].items[0].blocks[1]) == [["A", "B"], ["1", "2"]]  # type: ignore[attr-defined]
    assert not _blocks(doc, Heading)


def test_pipes_in_an_items_text_without_a_delimiter_row_stay_text() -> None:
    doc = parse_text(f"# Harbour\n\n{PROSE}\n\n* berths | cranes\n  and sheds | docks\n")
    outer = next(b for b in doc.blocks if isinstance(b, List))
    assert _items(outer) == ["berths | cranes and sheds | docks"]
    assert not _blocks(doc, Table)


_PROSE = (
    "The council voted on Tuesday to keep every branch library open on Sundays, a change\n"
    "that takes effect in the spring and costs the city less than it first feared.\n"
)


def test_a_picture_with_its_caption_right_under_it_is_a_figure() -> None:
    # html2text writes a <figure>'s picture and its <figcaption> with no blank line between,
    # the alt text and the address wrapped, a parenthesis in the address escaped
    text = (
        f"# Libraries open longer\n\n{_PROSE}\n"
        "![A reader in the main\nhall.](https://example.com/img/hall\\(1\\).jpg)\n"
        "The main hall on a Saturday morning. [Example\nPhotos](https://example.com/photos)\n\n"
        f"{_PROSE}"
    )
    doc = articlekit.parse_text(text)
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert len(figures) == 1
    assert figures[0].image.alt == "A reader in the main hall."
    assert articlekit.model.plain_text(figures[0].caption).startswith("The main hall on a")
    assert "Saturday" not in articlekit.to_text(doc)
    assert articlekit.to_text(doc).count("council") == 2
    # a caption after a hard line break (two spaces) opens with its text
    text = f"# Hall\n\n{_PROSE}\n![](https://example.com/hall.jpg)  \n_The main hall._\n\n{_PROSE}"
    figure = next(b for b in articlekit.parse_text(text).blocks if isinstance(b, Figure))
    assert not isinstance(figure.caption[0], LineBreak)


def test_a_picture_inside_a_line_of_text_stays_in_the_paragraph() -> None:
    text = f"# Icons\n\n{_PROSE}\n![star](https://example.com/star.png) marks a branch open late.\n"
    doc = articlekit.parse_text(text)
    assert "marks a branch open late" in articlekit.to_text(doc)
    # a long paragraph under a picture is prose, not a caption
    text = f"# Icons\n\n![star](https://example.com/star.png)\n{_PROSE * 3}"
    doc = articlekit.parse_text(text)
    assert articlekit.to_text(doc).count("council") == 3
