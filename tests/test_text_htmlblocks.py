"""Raw HTML blocks in Markdown (a table, a list, a figure kept whole) read as HTML."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.model import (
    CodeBlock,
    Document,
    Figure,
    List,
    Paragraph,
    Quote,
    Table,
    plain_text,
    walk,
)
from articlekit.text import htmlblocks, parse_text
from articlekit.text.htmlblocks import build_html_blocks, html_block_spans

# How pandoc's GFM opens a page: its containers stay as <div> lines (what switches the
# reading of raw HTML on), then the article.
HEAD = """# The harbour report

<div class="page">

<div>

The harbour board met on Tuesday and published the figures for the year, with a
short account of what changed since the last report was written.

"""
TAIL = """
The board meets again in the spring, when the new berths should be open to ships.

</div>

</div>
"""


def _doc(block: str) -> Document:
    return parse_text(HEAD + block + TAIL)


def _kinds(doc: Document) -> list[str]:
    return [type(b).__name__ for b in doc.blocks]


def _text(doc: Document) -> str:
    return " ".join(plain_text(b) for b in doc.blocks)


TABLE = """<table>
<caption>Ships by year</caption>
<thead>
<tr class="header">
<th>Year</th>
<th>Ships</th>
</tr>
</thead>
<tbody>
<tr class="odd">
<td><p>2023</p></td>
<td>1,204</td>
</tr>
<tr class="even">
<td><p>2024</p></td>
<td>1,310</td>
</tr>
</tbody>
</table>
"""


def test_a_table_block_is_a_table_where_it_stood() -> None:
    doc = _doc(TABLE)
    assert _kinds(doc) == ["Paragraph", "Table", "Paragraph"]
    table = doc.blocks[1]
    assert isinstance(table, Table)
    assert plain_text(table.caption) == "Ships by year"
    assert table.header_rows == 1
    cells = [[plain_text(c.content) for c in row.cells] for row in table.rows]
    assert cells == [["Year", "Ships"], ["2023", "1,204"], ["2024", "1,310"]]
    # provenance: the lines the block stood on (1-based; HEAD has 9 lines)
    assert table.provenance is not None
    assert table.provenance.lines == (10, 9 + TABLE.count("\n"))
    assert "<" not in _text(doc)


def test_a_list_block_is_a_list_with_its_nesting() -> None:
    doc = _doc(
        "<ul>\n<li><p>Dredging the channel</p>\n<p>Work starts in May.</p></li>\n"
        "<li>New cranes<ul>\n<li>two on the east quay</li>\n</ul></li>\n</ul>\n"
    )
    assert _kinds(doc) == ["Paragraph", "List", "Paragraph"]
    listing = doc.blocks[1]
    assert isinstance(listing, List) and not listing.ordered
    assert len(listing.items) == 2
    first = listing.items[0].blocks
    assert [plain_text(b) for b in first] == ["Dredging the channel", "Work starts in May."]
    nested = [b for b in walk(listing.items[1].blocks) if isinstance(b, List)]
    assert nested and plain_text(nested[0].items[0]) == "two on the east quay"


def test_an_ordered_list_keeps_its_start() -> None:
    doc = _doc('<ol start="3">\n<li>third step</li>\n<li>fourth step</li>\n</ol>\n')
    listing = doc.blocks[1]
    assert isinstance(listing, List) and listing.ordered and listing.start == 3


def test_a_figure_block_is_a_figure_with_its_caption() -> None:
    doc = _doc(
        '<figure>\n<img src="https://example.org/quay.jpg" alt="The east quay" />\n'
        "<figcaption>The east quay at dawn. <em>Photo: the board</em></figcaption>\n"
        "</figure>\n"
    )
    assert _kinds(doc) == ["Paragraph", "Figure", "Paragraph"]
    figure = doc.blocks[1]
    assert isinstance(figure, Figure)
    assert figure.image.src == "https://example.org/quay.jpg"
    assert plain_text(figure.caption) == "The east quay at dawn. Photo: the board"


def test_a_blockquote_block_is_a_quote() -> None:
    doc = _doc("<blockquote>\n<p>We are ready.</p>\n<p>Let them come.</p>\n</blockquote>\n")
    quote = doc.blocks[1]
    assert isinstance(quote, Quote)
    assert [plain_text(b) for b in quote.blocks] == ["We are ready.", "Let them come."]


def test_a_pre_block_is_code_as_written_blank_lines_and_all() -> None:
    doc = _doc("<pre><code>def berths():\n\n    return 12\n</code></pre>\n")
    code = doc.blocks[1]
    assert isinstance(code, CodeBlock)
    assert code.code.rstrip("\n") == "def berths():\n\n    return 12"


def test_a_definition_list_keeps_terms_and_definitions() -> None:
    doc = _doc("<dl>\n<dt>Berth</dt>\n<dd>A place where a ship is moored.</dd>\n</dl>\n")
    text = _text(doc)
    assert "Berth" in text and "A place where a ship is moored." in text
    assert "<" not in text


def test_script_and_style_give_no_text() -> None:
    doc = _doc(
        "<script>\nvar tonnage = 12;\n\ndocument.write('<p>ads</p>');\n</script>\n\n"
        "<style>\np { color: red }\n</style>\n\n"
        "<table>\n<tr><td><script>track()</script>Cranes</td><td>4</td></tr>\n"
        "<tr><td>Tugs</td><td>3</td></tr>\n<tr><td>Pilots</td><td>9</td></tr>\n</table>\n"
    )
    text = _text(doc)
    assert "tonnage" not in text and "track" not in text and "color" not in text
    assert "ads" not in text
    assert "Cranes" in text and "Pilots" in text


@pytest.mark.parametrize(
    "block",
    [
        # the table does not close before the blank line: Markdown, as before
        "<table>\n<tr><td>Cranes</td><td>4</td></tr>\n\n<tr><td>Tugs</td></tr>\n</table>\n",
        # a <pre> that never closes
        "<pre>\nCranes and Tugs\n\nstill text\n",
        # prose about HTML, not a list
        "<ul> is the tag for Cranes and\nTugs, and </ul> ends it.\n",
        # a stray end tag and misnested elements
        "<ul>\n<li>Cranes <b>and</li>\n</b></ul>\n</ul>\n\nTugs too.\n",
        "<table>\n<tr><td><ul><li>Cranes</td></tr>\n</table>\n\nTugs too.\n",
    ],
)
def test_malformed_blocks_keep_their_words(block: str) -> None:
    doc = _doc(block)
    text = _text(doc)
    assert "Cranes" in text and "Tugs" in text
    assert "<table" not in text and "<li" not in text
    articlekit.to_json(doc)


def test_code_keeps_its_tags() -> None:
    fenced = _doc("```\n<table>\n<tr><td>x</td></tr>\n</table>\n```\n")
    indented = _doc("    <table>\n    <tr><td>x</td></tr>\n    </table>\n")
    for doc in (fenced, indented):
        code = [b for b in doc.blocks if isinstance(b, CodeBlock)]
        assert code and "<table>" in code[0].code


def test_markdown_without_raw_html_is_not_switched_over() -> None:
    # one tag line is no raw-HTML Markdown: the text parser reads it as it always did
    text = "# Notes\n\nThe <table> element holds rows.\n\n- one\n- two\n"
    doc = parse_text(text)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert "The <table> element holds rows." in _text(doc)


def test_a_block_past_the_size_limit_stays_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(htmlblocks, "MAX_HTML_BLOCK_CHARS", 200)
    rows = "".join(f"<tr><td>row {i}</td><td>{i}</td></tr>\n" for i in range(20))
    doc = _doc(f"<table>\n{rows}</table>\n")
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert "row 19" in _text(doc)


def test_deep_nesting_in_a_block_is_read_without_failing() -> None:
    doc = _doc(
        "<blockquote>\n" + "<div>" * 3000 + "deepest" + "</div>" * 3000 + "\n</blockquote>\n"
    )
    assert "deepest" in _text(doc)
    articlekit.to_json(doc)
    articlekit.to_markdown(doc)


def test_spans_follow_commonmark_start_and_end() -> None:
    lines = [
        "<table>",  # 0: kind 6, closes on 2, runs to the blank line
        "<tr><td>a</td></tr>",
        "</table>",
        "after the table, same block",
        "",
        "<pre>",  # 5: kind 1, runs past the blank line to its end tag
        "",
        "x</pre>",
        "",
        "   <ul><li>a</li></ul>",  # 9: three columns in is still a block
        "",
        "<ul>",  # 11: not closed before the blank line, runs on over a run of HTML
        "<li>a</li>",
        "",
        "</ul>",
        "",
        "<figure><img src=a.png></figure>",  # 16: opens and closes on one line
    ]
    indents = [len(t) - len(t.lstrip()) for t in lines]
    spans = html_block_spans([t.strip() for t in lines], indents)
    assert [(s.first, s.last, s.name) for s in spans] == [
        (0, 3, "table"),
        (5, 7, "pre"),
        (9, 9, "ul"),
        (11, 14, "ul"),
        (16, 16, "figure"),
    ]


def test_unclosed_verbatim_blocks_are_searched_for_once() -> None:
    texts = ["<pre>"] * 5 + ["text"]
    assert html_block_spans(texts, [0] * len(texts)) == []


def test_build_html_blocks_reads_a_fragment() -> None:
    blocks = build_html_blocks("<ul><li>one</li><li>two</li></ul><p>after</p>")
    assert blocks is not None
    assert [type(b).__name__ for b in blocks] == ["List", "Paragraph"]


def _many_blocks(n: int) -> str:
    parts = [HEAD]
    for i in range(n):
        parts.append(
            f"Paragraph {i} of the report, long enough to read as the article's prose and "
            "not as a line of a menu, with a full stop at its end.\n\n"
            f"<table>\n<tr><th>Quay</th><th>Ships</th></tr>\n"
            f"<tr><td>quay {i}</td><td>{i * 7}</td></tr>\n</table>\n\n"
            f"<ul>\n<li><p>dredging {i}</p></li>\n<li>cranes {i}</li>\n</ul>\n\n"
            f'<figure>\n<img src="p{i}.png" alt="quay {i}" />\n'
            f"<figcaption>Quay {i}</figcaption>\n</figure>\n\n"
        )
    parts.append(TAIL)
    return "".join(parts)


def test_a_megabyte_of_blocks_gives_every_block() -> None:
    text = _many_blocks(2800)
    assert len(text) > 2**20
    doc = parse_text(text)
    counts = {kind: 0 for kind in ("Table", "List", "Figure")}
    for block in doc.blocks:
        name = type(block).__name__
        if name in counts:
            counts[name] += 1
    assert counts == {"Table": 2800, "List": 2800, "Figure": 2800}


_LINES = st.sampled_from(
    [
        "<table>",
        "</table>",
        "<tr><td>cell</td><td>more</td></tr>",
        "<ul>",
        "</ul>",
        "<li>item</li>",
        "<li><p>para</p>",
        "<figure>",
        "</figure>",
        '<img src="a.png" alt="pic">',
        "<pre>",
        "</pre>",
        "<script>",
        "</script>",
        "<blockquote>",
        "</blockquote>",
        "<div>",
        "</div>",
        "```",
        "    <table>",
        "words of prose here.",
        "",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, max_size=40))
def test_random_blocks_never_fail(lines: list[str]) -> None:
    doc = parse_text(HEAD + "\n".join(lines) + "\n" + TAIL)
    articlekit.to_json(doc)
    for block in walk(doc.blocks):
        if isinstance(block, Paragraph):
            assert "<table" not in plain_text(block)


def test_nested_blocks_carry_the_lines_of_their_block() -> None:
    doc = _doc("<ul>\n<li><p>Dredging</p>\n<blockquote><p>Soon.</p></blockquote></li>\n</ul>\n")
    listing = doc.blocks[1]
    assert isinstance(listing, List) and listing.provenance is not None
    lines = listing.provenance.lines
    nested = list(walk([listing]))
    assert len(nested) == 4  # the list, a paragraph, the quote and its paragraph
    assert all(b.provenance is not None and b.provenance.lines == lines for b in nested)
    assert all(b.provenance is not None and b.provenance.path is None for b in nested)


@pytest.mark.parametrize(
    "block",
    [
        "<ul>" + "<li><ul>" * 3000 + "<li>deepest</li>" + "</ul></li>" * 3000 + "</ul>\n",
        "<ol>" + "<li><blockquote>" * 2000 + "deepest" + "</blockquote></li>" * 2000 + "</ol>\n",
    ],
)
def test_deeply_nested_lists_and_quotes_stay_bounded(block: str) -> None:
    doc = _doc(block)
    assert "deepest" in articlekit.to_text(doc)
    articlekit.to_json(doc)


def test_a_readme_banner_gives_its_heading_and_pictures() -> None:
    # README files centre a heading and badges with <h2 align> and <p align> blocks
    doc = _doc(
        '<h2 align="center">Tools for the harbour</h2>\n<p align="center">\n'
        '  <img src="logo.png" alt="logo" width="120">\n</p>\n<p align="center">\n'
        '  <a href="https://ci.example/x"><img src="badge.svg" alt="build"></a>\n</p>\n'
    )
    kinds = _kinds(doc)
    assert kinds[:4] == ["Paragraph", "Heading", "Figure", "Paragraph"]
    assert plain_text(doc.blocks[1]) == "Tools for the harbour"
    figure = doc.blocks[2]
    assert isinstance(figure, Figure) and figure.image.src == "logo.png"
    assert "badge.svg" in articlekit.to_markdown(doc)


# A scraper for language models writes Markdown, and a table it cannot write as Markdown
# as one line of HTML: no line of the text is nothing but tags.
ONE_LINE_TABLE = """# Harbour report 2024

The harbour board published its [annual report](https://example.org/report) on Tuesday.

## Ships by year

<table><thead><tr><th>Year</th><th>Ships</th></tr></thead><tbody><tr><td>2023</td><td>1,204</td></tr><tr><td>2024</td><td>1,310</td></tr></tbody></table>

## Outlook

The board expects more ships next year, when the [new berths](https://example.org/b) open.
"""


def test_one_table_block_is_enough_to_read_raw_html() -> None:
    doc = parse_text(ONE_LINE_TABLE)
    assert _kinds(doc) == ["Paragraph", "Heading", "Table", "Heading", "Paragraph"]
    table = doc.blocks[2]
    assert isinstance(table, Table) and len(table.rows) == 3 and table.header_rows == 1


def test_a_template_shown_as_text_is_no_list() -> None:
    # a page's script template shown as text: "<%" is no tag, so no list opens
    text = ONE_LINE_TABLE.replace(
        "<table>", '<ul class="hot"> <% for (var i = 0; i < n; i++) { %><li>x</li></ul>\n\n<table>'
    )
    doc = parse_text(text)
    assert not any(isinstance(b, List) for b in doc.blocks)
    assert "for (var i" in _text(doc)
