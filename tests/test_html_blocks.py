"""Tests for articlekit.html.blocks: structure kept inside the content."""

from __future__ import annotations

import lxml.html
import pytest
from lxml.html import HtmlElement

import articlekit
from articlekit import to_text
from articlekit.html import blocks as blocks_module
from articlekit.html import extract_blocks, parse_html
from articlekit.html.blocks import (
    code_language,
    cut_author_bio,
    cut_author_card,
    cut_closing_cards,
    cut_exit_notice,
    cut_teaser_tail,
    drop_dangling_headings,
    drop_dangling_labels,
    drop_head_bylines,
    drop_post_furniture,
    drop_read_more_links,
    is_agency_credit,
    is_button_row,
    is_byline_line,
    is_dateline,
    is_grid_card,
    is_icon_glyph,
    is_layout_table,
    is_link_cluster,
    is_photo_credit,
    is_prose_heading,
    is_read_more_link,
    is_slideshow_legend,
    is_stray_line,
    normalise_headings,
    picture_key,
    same_page,
    stays_on_page,
    trim_edges,
)
from articlekit.html.clean import Stats, label_page
from articlekit.html.tree import parse_tree
from articlekit.model import (
    Block,
    Code,
    CodeBlock,
    Document,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    LineBreak,
    Link,
    List,
    ListItem,
    Paragraph,
    Quote,
    Recommendation,
    Recommendations,
    Rule,
    Strong,
    Table,
    Text,
    plain_text,
)

FILL = "<p>Filler sentence of the article body, with commas, long enough to vote for it.</p>"


def _doc(
    body: str, *, url: str | None = "https://example.org/news/a.html", head: str = ""
) -> Document:
    html = (
        f"<html><head><title>The Title</title>{head}</head>"
        f"<body><article>{FILL * 3}{body}{FILL * 3}</article></body></html>"
    )
    return parse_html(html, url=url)


def _first(doc: Document, kind: type) -> object:
    for block in doc.walk():
        if isinstance(block, kind):
            return block
    raise AssertionError(f"no {kind.__name__} in {doc.blocks!r}")


def test_headings_keep_levels_and_h1_becomes_2() -> None:
    doc = _doc("<h1>Part one</h1>" + FILL + "<h3>Detail</h3>" + FILL)
    levels = [(b.level, plain_text(b)) for b in doc.blocks if isinstance(b, Heading)]
    assert levels == [(2, "Part one"), (3, "Detail")]


def test_title_heading_not_repeated() -> None:
    html = (
        "<html><head><title>The Title</title></head>"
        f"<body><article><h1>The Title</h1>{FILL * 4}</article></body></html>"
    )
    doc = parse_html(html)
    assert doc.title == "The Title"
    assert not any(isinstance(b, Heading) and plain_text(b) == "The Title" for b in doc.blocks)


def test_nested_lists_with_start() -> None:
    doc = _doc(
        '<ol start="3"><li>three<ul><li>inner a</li><li>inner b</li></ul></li><li>four</li></ol>'
    )
    lst = _first(doc, List)
    assert isinstance(lst, List)
    assert lst.ordered and lst.start == 3
    assert len(lst.items) == 2
    inner = lst.items[0].blocks[-1]
    assert isinstance(inner, List) and not inner.ordered
    assert [plain_text(i.blocks[0]) for i in inner.items] == ["inner a", "inner b"]


def test_blockquote_and_pre_with_language() -> None:
    doc = _doc(
        "<blockquote><p>Quoted words.</p></blockquote>"
        '<pre><code class="language-python">print("hi")\n</code></pre>'
    )
    quote = _first(doc, Quote)
    assert isinstance(quote, Quote) and plain_text(quote.blocks[0]) == "Quoted words."
    code = _first(doc, CodeBlock)
    assert isinstance(code, CodeBlock)
    assert code.code == 'print("hi")' and code.language == "python"


@pytest.mark.parametrize(
    ("html", "lang"),
    [
        ('<pre class="lang-js">x</pre>', "js"),
        ('<pre><code class="hljs language-rust">x</code></pre>', "rust"),
        ('<pre class="brush: bash">x</pre>', "bash"),
        ('<pre data-lang="go">x</pre>', "go"),
        ("<pre>x</pre>", None),
    ],
)
def test_code_language(html: str, lang: str | None) -> None:
    el = parse_tree(f"<body>{html}</body>").find(".//pre")
    assert el is not None
    assert code_language(el) == lang


def test_data_table_with_caption_and_header() -> None:
    doc = _doc(
        "<table><caption>Prices</caption><thead><tr><th>Item</th><th>Cost</th></tr></thead>"
        "<tbody><tr><td>Tea</td><td>2</td></tr>"
        "<tr><td colspan='2'>Total 2</td></tr></tbody></table>"
    )
    table = _first(doc, Table)
    assert isinstance(table, Table)
    assert plain_text(table.caption) == "Prices"
    assert table.header_rows == 1
    assert [plain_text(c) for c in table.rows[1].cells] == ["Tea", "2"]
    assert table.rows[2].cells[0].colspan == 2
    assert table.rows[0].cells[0].header


def test_rowspans_are_read_as_html_reads_them() -> None:
    # an empty row is left out, so the rowspans over it shrink; rowspan="0" reaches the
    # table's end, and no rowspan reaches past it
    doc = _doc(
        "<table><tr><th>A</th><th>B</th><th>C</th></tr>"
        "<tr><td rowspan='3'>x</td><td colspan='2' rowspan='2'>y</td></tr><tr></tr>"
        "<tr><td>b</td><td>c</td></tr>"
        "<tr><td rowspan='0'>1</td><td rowspan='7'>2</td><td>3</td></tr>"
        "<tr><td>4</td></tr></table>"
    )
    table = _first(doc, Table)
    assert isinstance(table, Table)
    spans = [[(plain_text(c.content), c.rowspan) for c in row.cells] for row in table.rows]
    assert spans == [
        [("A", 1), ("B", 1), ("C", 1)],
        [("x", 2), ("y", 1)],
        [("b", 1), ("c", 1)],
        [("1", 2), ("2", 2), ("3", 1)],
        [("4", 1)],
    ]


def test_table_rows_and_cells_in_page_order_from_every_row_group() -> None:
    # rows straight under the table and in thead/tbody/tfoot, in page order; th and td
    # cells mixed; a nested table's rows and cells are not the outer table's
    root = parse_tree(
        "<body><table id='t'><caption>C</caption><thead><tr><th>H1</th><td>H2</td></tr></thead>"
        "<tr><td>A</td><th>B</th></tr>"
        "<tbody><tr><td>D</td><td><table><tr><td>n1</td><td>n2</td></tr></table></td></tr>"
        "</tbody><tfoot><tr><td>F</td><th>G</th></tr></tfoot></table></body>"
    )
    table = root.find(".//table[@id='t']")
    assert table is not None
    rows = blocks_module._rows(table)
    cells = [[c.text or "" for c in blocks_module._cells(row)] for row in rows]
    assert cells == [["H1", "H2"], ["A", "B"], ["D", ""], ["F", "G"]]
    tags = [c.tag for row in rows for c in blocks_module._cells(row)]
    assert tags[:4] == ["th", "td", "td", "th"]


def test_layout_table_is_unwrapped() -> None:
    long_cell = "<p>" + "Layout cell prose that is really the article itself. " * 30 + "</p>"
    doc = _doc(f"<table><tr><td>{long_cell}</td><td>{long_cell}</td></tr></table>")
    assert not any(isinstance(b, Table) for b in doc.walk())
    assert sum(1 for b in doc.blocks if isinstance(b, Paragraph)) >= 8


def test_is_layout_table_rules() -> None:
    root = parse_tree(
        "<body><table id='a' role='presentation'><tr><td>x</td><td>y</td></tr></table>"
        "<table id='b'><tr><th>h</th><th>i</th></tr><tr><td>1</td><td>2</td></tr></table>"
        "<table id='c'><tr><td><table><tr><td>n</td></tr></table></td></tr></table></body>"
    )
    stats = label_page(root).stats
    a, b, c = (root.find(f".//table[@id='{x}']") for x in "abc")
    assert is_layout_table(a, stats)  # type: ignore[arg-type]
    assert not is_layout_table(b, stats)  # type: ignore[arg-type]
    assert is_layout_table(c, stats)  # type: ignore[arg-type]


_PROSE_CELL = "<p>" + "An explanation of the trend, with a reason and an example. " * 4 + "</p>"


def test_a_bold_first_row_is_the_header_row() -> None:
    # no th, no thead: the columns are named in bold, above an empty corner too
    doc = _doc(
        "<table><tr><td></td><td><strong>Rating</strong></td></tr>"
        "<tr><td>Sound</td><td>8.5</td></tr><tr><td>Fit</td><td>7</td></tr></table>"
    )
    table = _first(doc, Table)
    assert isinstance(table, Table) and table.header_rows == 1
    assert table.rows[0].cells[1].header and not table.rows[1].cells[0].header
    # cells of prose under a bold header row: a data table, not a layout to unwrap
    rows = "".join(
        f"<tr><td><p><strong>Trend {n}</strong></p></td><td>{_PROSE_CELL}</td></tr>"
        for n in range(1, 4)
    )
    head = "<tr><td><p><b>Trend</b></p></td><td><p><b>Impact</b></p></td></tr>"
    table = _first(_doc(f"<table>{head}{rows}</table>"), Table)
    assert isinstance(table, Table) and table.header_rows == 1 and len(table.rows) == 4


def test_a_bold_first_row_is_no_header_when_the_table_is_all_bold_or_a_title() -> None:
    # every row bold: the table is set in bold, no row names the columns
    bold = "".join(f"<tr><td><b>a{n}</b></td><td><b>b{n}</b></td></tr>" for n in range(5))
    table = _first(_doc(f"<table>{bold}</table>"), Table)
    assert isinstance(table, Table) and table.header_rows == 0
    # a title cell beside a picture, then prose: a layout, unwrapped
    layout = (
        "<table><tr><td><img src='/corner.gif'></td><td><b>Our story</b></td></tr>"
        f"<tr><td>{_PROSE_CELL}</td><td>{_PROSE_CELL}</td></tr></table>"
    )
    assert not any(isinstance(b, Table) for b in _doc(layout).walk())
    # half a cell bold: no header
    mixed = (
        "<table><tr><td><b>Name</b> and more</td><td><b>Value</b></td></tr>"
        + "<tr><td>x</td><td>1</td></tr>" * 4
        + "</table>"
    )
    table = _first(_doc(mixed), Table)
    assert isinstance(table, Table) and table.header_rows == 0


def test_a_gallery_box_keeps_the_picture_its_lightbox_link_holds() -> None:
    # the first slide in a link that opens the slideshow on the page, a strip of
    # thumbnails and a "+ 11" counter linked the same way: the box is no menu, and the
    # slide is the article's picture (the strip stays a cluster of links)
    gallery = (
        "<section><h4>Gallery: The console | 14 Photos</h4><div class='relative'>"
        "<a href='#' data-index='0'><img src='/slides/big1.jpg'></a>"
        "<ul><li><a href='#' data-index='1'><img src='/slides/t2.jpg'></a></li>"
        "<li><a href='#' data-index='2'><img src='/slides/t3.jpg'></a></li>"
        "<li><a href='#' data-index='3'>+ 11</a></li></ul></div></section>"
    )
    figures = [b for b in _doc(gallery).walk() if isinstance(b, Figure)]
    assert [f.image.src for f in figures] == ["https://example.org/slides/big1.jpg"]
    # a link to the page itself with a fragment opens the same lightbox
    figure = _first(_doc("<div><a href='#slide-2'><img src='/slides/b.jpg'></a></div>"), Figure)
    assert isinstance(figure, Figure) and figure.image.src.endswith("/slides/b.jpg")


def test_a_box_of_page_links_around_pictures_is_no_gallery() -> None:
    # the same box linking to other pages is a menu of teasers: its links lead away
    menu = (
        "<div class='relative'><a href='/story-1'><img src='/t1.jpg'></a>"
        "<ul><li><a href='/story-2'><img src='/t2.jpg'></a></li>"
        "<li><a href='/more'>+ 11 more</a></li></ul></div>"
    )
    assert not any(isinstance(b, Figure) for b in _doc(menu).walk())
    # a rating's stars: script links around one picture repeated
    star = "<a href='javascript:rate({0})'><img src='/star.gif' alt='rating'></a>"
    stars = "".join(star.format(n) for n in range(5))
    rating = f"<div class='box'><a name='rate'><h3>Rate it</h3>{stars}</a></div>"
    assert not any(isinstance(b, Figure) for b in _doc(rating).walk())


@pytest.mark.parametrize(
    ("href", "page_url", "stays"),
    [
        ("", None, True),  # no address: a trigger for a script
        ("#", None, True),
        ("#slide-2", None, True),
        ("javascript:openGallery(2)", None, True),
        ("/story-2", None, False),
        ("https://example.org/a#slide-2", "https://example.org/a", True),
        ("https://example.org/a", "https://example.org/a#top", True),
        ("https://example.org/b#slide-2", "https://example.org/a", False),
        ("https://example.org/a", None, False),  # no page address to compare with
    ],
)
def test_stays_on_page_is_a_link_that_opens_nothing_but_its_page(
    href: str, page_url: str | None, stays: bool
) -> None:
    assert stays_on_page(href, page_url) is stays


def test_same_page_compares_addresses_without_fragments() -> None:
    assert same_page("https://example.org/a#x", "https://example.org/a#y")
    assert not same_page("https://example.org/a", "https://example.org/a/")
    assert not same_page("https://example.org/a", None)
    assert not same_page("", "")


@pytest.mark.parametrize(
    "picture",
    [
        # libxml2 nests the <img> inside the <source> before it
        "<picture><source srcset='/p/a.webp' type='image/webp'><img src='/p/a.jpg' alt='A'>"
        "</picture>",
        "<div><picture><source data-srcset='/p/a.webp 1x'><img data-src='/p/a.jpg' "
        "class='lazyload' alt='A'></picture></div>",
    ],
)
def test_a_picture_with_sources_outside_a_figure_is_a_figure(picture: str) -> None:
    figure = _first(_doc(picture), Figure)
    assert isinstance(figure, Figure) and figure.image.src == "https://example.org/p/a.jpg"


def test_a_placeholder_named_picture_loses_to_the_lazy_attribute() -> None:
    doc = _doc("<p><img src='/img/placeholder.gif' data-lazy-src='/img/real.jpg' alt='R'></p>")
    figure = _first(doc, Figure)
    assert isinstance(figure, Figure) and figure.image.src == "https://example.org/img/real.jpg"
    # an unmarked picture keeps its src over a smaller copy in data-src
    doc = _doc("<p><img src='/img/photo.jpg' data-src='/img/photo-small.jpg' alt='R'></p>")
    figure = _first(doc, Figure)
    assert isinstance(figure, Figure) and figure.image.src == "https://example.org/img/photo.jpg"


_PRICE_ROWS = "".join(f"<tr><td>Item {n}</td><td>{n}.50</td></tr>" for n in range(4))


def test_a_figure_holding_a_table_captions_the_table() -> None:
    # an editor's table block: the figure's caption is the table's, not a paragraph
    doc = _doc(
        f"<figure class='wp-block-table'><table><tbody>{_PRICE_ROWS}</tbody></table>"
        "<figcaption>Table 1: <em>Prices</em> in 2024</figcaption></figure>"
    )
    table = _first(doc, Table)
    assert isinstance(table, Table) and plain_text(table.caption) == "Table 1: Prices in 2024"
    assert not any(
        isinstance(b, Paragraph) and plain_text(b).startswith("Table 1") for b in doc.walk()
    )
    # a table with a caption of its own keeps it, and the figure's caption stays a line
    doc = _doc(
        f"<figure><table><caption>Own</caption><tbody>{_PRICE_ROWS}</tbody></table>"
        "<figcaption>Source: a survey</figcaption></figure>"
    )
    table = _first(doc, Table)
    assert isinstance(table, Table) and plain_text(table.caption) == "Own"
    assert any(isinstance(b, Paragraph) and plain_text(b) == "Source: a survey" for b in doc.walk())


def test_figure_with_lazy_image_and_caption() -> None:
    doc = _doc(
        '<figure><img src="data:image/gif;base64,R0" data-src="/img/a.jpg" alt="A cat">'
        "<figcaption>A <em>very</em> good cat</figcaption></figure>"
    )
    fig = _first(doc, Figure)
    assert isinstance(fig, Figure)
    assert fig.image.src == "https://example.org/img/a.jpg"
    assert fig.image.alt == "A cat"
    assert plain_text(fig.caption) == "A very good cat"


@pytest.mark.parametrize(
    "picture",
    [
        "<figure><img class='lazy' src='/i/placeholder.gif'><noscript><img src='/p/owl.jpg'"
        " alt='An owl'></noscript><figcaption>The owl</figcaption></figure>",
        "<p><img src='/i/spacer.gif' width='1' height='1'><noscript><img src='/p/owl.jpg'"
        " alt='An owl'></noscript></p>",
    ],
)
def test_a_stand_in_shows_the_picture_of_its_noscript(picture: str) -> None:
    # a lazy loader whose script holds the URL: only the <noscript> copy names the picture,
    # which is shown once, with the copy's alt text
    figures = [b for b in _doc(picture).walk() if isinstance(b, Figure)]
    assert [(f.image.src, f.image.alt) for f in figures] == [
        ("https://example.org/p/owl.jpg", "An owl")
    ]


def test_figure_with_blurred_thumbnail_keeps_one_picture() -> None:
    doc = _doc(
        "<p>" + "Some words of the article body. " * 5 + "</p>"
        '<figure><div><img alt="Chart" src="https://cdn.example.org/max/40/ab12.png?q=20">'
        '</div><img alt="Chart"><noscript><img alt="Chart" '
        'src="https://cdn.example.org/max/800/ab12.png"></noscript>'
        "<figcaption>The chart</figcaption></figure>"
        "<p>" + "More words of the article body. " * 5 + "</p>"
    )
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [f.image.src for f in figures] == ["https://cdn.example.org/max/800/ab12.png"]
    assert figures[0].image.alt == "Chart"
    assert plain_text(figures[0].caption) == "The chart"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("https://c.org/max/44/1*kb.png?q=20", "https://c.org/max/796/1*kb.png", True),
        ("https://c.org/w_800/p/x.jpg", "https://c.org/w_400/p/x.jpg", True),
        ("https://c.org/e80dae8a/scale/627", "https://c.org/375e0e5a/scale/627", False),
        ("https://c.org/a/one.jpg", "https://c.org/a/two.jpg", False),
    ],
)
def test_picture_key(a: str, b: str, same: bool) -> None:
    assert (picture_key(a) == picture_key(b)) is same


def test_image_container_with_caption_class_is_a_figure() -> None:
    doc = _doc(
        '<div class="wp-caption"><img src="b.png">'
        '<p class="wp-caption-text">Photo: Someone</p></div>'
    )
    fig = _first(doc, Figure)
    assert isinstance(fig, Figure)
    assert plain_text(fig.caption) == "Photo: Someone"
    assert not any(
        isinstance(b, Paragraph) and "Photo: Someone" in plain_text(b) for b in doc.blocks
    )


def test_hr_becomes_rule() -> None:
    doc = _doc("<hr>")
    assert any(isinstance(b, Rule) for b in doc.blocks)


def test_inline_markup() -> None:
    doc = _doc(
        '<p>Some <em>em</em>, <strong>strong</strong>, <code>x = 1</code>, a <a href="/l">link</a>,'
        ' <a href="javascript:go()">script link</a><br>next line.</p>'
    )
    para = next(b for b in doc.blocks if isinstance(b, Paragraph) and "strong" in plain_text(b))
    kinds = [type(x) for x in para.content]
    assert Emphasis in kinds and Strong in kinds and Code in kinds and LineBreak in kinds
    links = [x for x in para.content if isinstance(x, Link)]
    assert [x.url for x in links] == ["https://example.org/l"]
    assert "script link" in plain_text(para)


def test_q_is_set_in_the_quote_marks_a_browser_draws() -> None:
    doc = _doc("<p>She said <q>we go <q>now</q> or <em>never</em></q>, and left the room.</p>")
    para = next(b for b in doc.blocks if isinstance(b, Paragraph) and "She" in plain_text(b))
    assert (
        plain_text(para)
        == "She said \u201cwe go \u2018now\u2019 or never\u201d, and left the room."
    )
    assert any(isinstance(x, Emphasis) for x in para.content)  # markup inside a q is kept
    empty = _doc("<p>An empty <q></q> quote draws no marks in this sentence of the story.</p>")
    assert "\u201c" not in "".join(plain_text(b) for b in empty.blocks)


@pytest.mark.parametrize(
    ("ruby", "expected"),
    [
        # no <rp>: the reading goes in the brackets a browser without ruby layout shows
        ("<ruby>漢字<rt>かんじ</rt></ruby>", "漢字(かんじ)"),
        ("<ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>", "漢(かん)字(じ)"),
        ("<ruby><rb>漢</rb><rb>字</rb><rtc><rt>かん</rt><rt>じ</rt></rtc></ruby>", "漢字(かんじ)"),
        ("<ruby>漢字<rt> <em>かんじ</em> </rt></ruby>", "漢字(かんじ)"),
        # the page's own <rp> brackets, shown once
        ("<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>", "漢字(かんじ)"),
        ("<ruby>漢字<rp>（</rp><rt>かんじ</rt><rp>）</rp></ruby>", "漢字（かんじ）"),
        # an empty reading adds no brackets
        ("<ruby>漢字<rt></rt></ruby>", "漢字"),
    ],
)
def test_ruby_reading_is_bracketed_after_its_base(ruby: str, expected: str) -> None:
    doc = _doc(f"<p>In Tokyo the word {ruby} is taught in the second school year of all.</p>")
    para = next(b for b in doc.blocks if isinstance(b, Paragraph) and "Tokyo" in plain_text(b))
    assert (
        plain_text(para)
        == f"In Tokyo the word {expected} is taught in the second school year of all."
    )
    assert f" {expected} " in to_text(doc)
    if "<em>" not in ruby:
        assert f" {expected} " in articlekit.to_markdown(doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17 April 2012 \u2022 2:54pm", True),
        ("Published: March 5, 2024", True),
        ("Aktualisiert am 17.01.2021, 12:35 Uhr", True),
        ("par Didier Roy, 21 juin 2018", True),
        # the date printed twice, for a wide and a narrow screen
        ("Published Thursday 27 July 2017 Published Thu 27 Jul 2017", True),
        ("On March 5, 2024 the council met in the town hall.", False),
        ("From 5 March 2024 to 7 March 2024 the council met daily", False),
        ("Updated 2 hours ago", False),
        ("The 12 best songs of May", False),
        # published and updated on one line, a time zone after the time
        ("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019", True),
        ("Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM CST on Nov 18, 2019", True),
        ("The council met on Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM on Nov 18, 2019", False),
        ("Published Nov 18, 2019 at 4:07 PM at the town hall of the city", False),
    ],
)
def test_is_dateline(text: str, expected: bool) -> None:
    assert is_dateline(Paragraph(content=(Text(text=text),))) is expected


def test_datelines_leave_the_head_of_the_article_only() -> None:
    html = (
        "<html><head><title>T</title></head><body><article><h1>T</h1>"
        "<p>A standfirst sentence that sums the story up for the reader in one go.</p>"
        "<p>17 April 2012 \u2022 2:54pm</p>"
        + FILL * 4
        + "<p>5 May 2013</p>"
        + FILL * 2
        + "</article></body></html>"
    )
    texts = [plain_text(b) for b in parse_html(html).blocks]
    assert "17 April 2012 \u2022 2:54pm" not in texts
    assert "5 May 2013" in texts  # a date further down is the text's own (a diary entry)
    assert texts[0].startswith("A standfirst")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Kelli Miller\nWebMD Health News", True),
        ("Written by Kelli Miller\nEdited by Betsy Beyer", True),
        ("Von Kelli Miller 19. Oktober 2019 00:04 Uhr", True),
        ("KELLI MILLER", True),
        ("Kelli Millerson wrote this", False),  # another name that starts the same
        ("Kelli Miller told the council on Tuesday that the plan would cost more.", False),
        ("A standfirst that sums the story up for the reader in one go.", False),
        # the lead word alone: the name was a link to the author's page, left out
        ("By", True),
        ("Von", True),
        ("Bye", False),
    ],
)
def test_is_byline_line(text: str, expected: bool) -> None:
    assert is_byline_line(Paragraph(content=(Text(text=text),)), ["Kelli Miller"]) is expected


def test_byline_with_a_portrait_or_without_known_authors_stays() -> None:
    portrait = Paragraph(
        content=(Link(url="/by/kelli", content=(Image(src="k.jpg", alt="Kelli Miller"),)),)
    )
    assert not is_byline_line(portrait, ["Kelli Miller"])
    line = Paragraph(content=(Text(text="By Kelli Miller"),))
    assert drop_head_bylines([line], []) == [line]
    assert not is_byline_line(Paragraph(content=(Text(text="By Al"),)), ["Al"])  # too short


def test_bylines_leave_the_head_of_the_article_only() -> None:
    html = (
        "<html><head><title>T</title><meta name='author' content='Kelli Miller'></head>"
        "<body><article><h1>T</h1><p>By Kelli Miller</p>"
        "<p>A standfirst sentence that sums the story up for the reader in one go.</p>"
        + FILL * 4
        + "<p>Kelli Miller</p>"
        + FILL * 2
        + "</article></body></html>"
    )
    doc = parse_html(html)
    texts = [plain_text(b) for b in doc.blocks]
    assert doc.metadata.authors == ("Kelli Miller",)
    assert "By Kelli Miller" not in texts
    assert "Kelli Miller" in texts  # further down it is the text's own (a signature)
    assert texts[0].startswith("A standfirst")


def test_whitespace_moves_outside_emphasis() -> None:
    doc = _doc("<p>one<em> two </em>three and enough words to be a sentence.</p>")
    para = next(b for b in doc.blocks if isinstance(b, Paragraph) and "two" in plain_text(b))
    assert plain_text(para) == "one two three and enough words to be a sentence."
    em = next(x for x in para.content if isinstance(x, Emphasis))
    assert em.content == (Text(text="two"),)


def test_base_href_resolves_links_and_images() -> None:
    doc = _doc(
        '<p>See <a href="page.html">this page</a> for all the details of the story.</p>'
        '<img src="i.png">',
        head='<base href="https://cdn.example.net/x/">',
    )
    links = [x.url for x in doc.links()]
    assert "https://cdn.example.net/x/page.html" in links
    fig = _first(doc, Figure)
    assert isinstance(fig, Figure) and fig.image.src == "https://cdn.example.net/x/i.png"


def test_double_br_splits_paragraphs() -> None:
    doc = _doc("<div>First loose paragraph of text.<br><br>Second loose paragraph of text.</div>")
    texts = [plain_text(b) for b in doc.blocks if isinstance(b, Paragraph)]
    assert "First loose paragraph of text." in texts
    assert "Second loose paragraph of text." in texts


def test_double_br_inside_p_splits_paragraphs() -> None:
    doc = _doc(
        "<p>First paragraph of the text.<br><br>Second paragraph of the text.<br>Its line.</p>"
    )
    texts = [plain_text(b) for b in doc.blocks if isinstance(b, Paragraph)]
    start = texts.index("First paragraph of the text.")
    assert texts[start : start + 2] == [
        "First paragraph of the text.",
        "Second paragraph of the text.\nIts line.",
    ]


def test_menu_list_inside_article_dropped() -> None:
    menu = "<ul>" + "".join(f"<li><a href='/t{i}'>tag{i}</a></li>" for i in range(6)) + "</ul>"
    doc = _doc(menu)
    assert not any("tag3" in plain_text(b) for b in doc.walk())


def test_is_link_cluster() -> None:
    assert is_link_cluster(Stats(text=100, links=90, anchors=5))
    assert not is_link_cluster(Stats(text=100, links=20, anchors=5))
    assert not is_link_cluster(Stats(text=100, links=100, anchors=1))


def _p(text: str) -> Paragraph:
    return Paragraph(content=(Text(text=text),))


def _h(level: int, text: str) -> Heading:
    return Heading(level=level, content=(Text(text=text),))


@pytest.mark.parametrize(
    ("text", "stray"),
    [
        ("12.12.2022, 08:30 Uhr", True),
        ("Foto: Instagram", True),
        ("Short but a sentence.", False),
        ("A long line of text that is certainly more than forty characters", False),
    ],
)
def test_is_stray_line(text: str, stray: bool) -> None:
    assert is_stray_line(_p(text)) is stray


def test_trim_edges_keeps_inner_short_lines() -> None:
    body = [
        _p("05. Februar 2020"),
        _p("A real sentence."),
        _p("Kurz"),
        _p("Another one."),
        _p("Kontakt"),
    ]
    assert [plain_text(b) for b in trim_edges(body)] == ["A real sentence.", "Kurz", "Another one."]


def test_drop_dangling_headings() -> None:
    rec = Recommendations(title=None, items=())
    blocks = [
        _h(2, "A"),
        _p("x."),
        _h(2, "Empty"),
        _h(2, "B"),
        _p("y."),
        _h(3, "Before rec"),
        rec,
        _h(2, "End"),
    ]
    kept = [plain_text(b) for b in drop_dangling_headings(blocks) if isinstance(b, Heading)]
    assert kept == ["A", "B"]


def test_an_entrys_linked_name_is_no_dangling_heading_in_a_listing() -> None:
    def named(level: int, text: str) -> Heading:
        link = Link(url=f"https://example.org/{level}", content=(Text(text=text),))
        return Heading(level=level, content=(Emphasis(content=(link,)),))

    blocks: list[Block] = [named(4, "Kids as Curators"), named(4, "Drawing from Within")]
    assert drop_dangling_headings(blocks, entries=True) == blocks
    assert drop_dangling_headings(blocks) == []  # in an article: titles over nothing
    # a plain heading over nothing is still dropped from a listing's entries
    plain = [named(4, "Kids as Curators"), _h(2, "Newsletter")]
    assert drop_dangling_headings(plain, entries=True) == plain[:1]


def test_mojibake_e_acute_is_no_copyright_mark() -> None:
    # "\u00c3\u00a9" is "\u00e9" read as Latin-1: a short paragraph ending in such a word went
    assert not is_photo_credit("Le caf\u00c3\u00a9 du coin a ferm\u00c3\u00a9 ses portes.")
    assert is_photo_credit("Marco Odermatt, Ski-Star. \u00a9 AFP / MARCO BERTORELLO")
    assert is_photo_credit("Le caf\u00e9 du coin. Foto: \u00a9dpa")


def test_headings_that_are_all_the_text_stay() -> None:
    # a page that is one heading (or headings alone) kept nothing: its text was lost
    rec = Recommendations(title=None, items=())
    alone = [_h(2, "Title")]
    assert drop_dangling_headings(alone, whole_page=True) == [_h(2, "Title")]
    assert drop_dangling_headings(alone) == []  # content found in a part of the page
    two = [_h(2, "A"), _h(3, "B")]
    assert drop_dangling_headings(two, whole_page=True) == [_h(2, "A"), _h(3, "B")]
    # ... but not the title of a recommendation block, which carries its own
    out = drop_dangling_headings([_h(2, "Alone"), _h(2, "Read more"), rec], whole_page=True)
    assert out == [_h(2, "Alone"), rec]
    # with body text beside them, dangling headings go as before
    assert drop_dangling_headings([_p("x."), _h(2, "End")], whole_page=True) == [_p("x.")]


def test_a_page_of_one_heading_keeps_it() -> None:
    doc = parse_html("<html><body><h2>Council votes on the budget</h2></body></html>")
    assert doc.blocks == (_h(2, "Council votes on the budget"),)
    assert to_text(doc) == "Council votes on the budget\n"


OPENING = (
    "For a long time I put off writing this last article before my break. I am the kind"
    " of person who gets things done and ticks them off. But for reasons I cannot name I"
    " have been pushing this piece ahead of me for weeks."
)


def test_dangling_prose_heading_becomes_a_paragraph() -> None:
    # a blog's opening paragraph styled as an <h3>, over a heading of its level: it heads
    # nothing, yet it is the article's text
    blocks = [_h(3, OPENING), _h(3, "A baby is on the way"), _p("More text follows.")]
    out = drop_dangling_headings(blocks)
    assert [type(b) for b in out] == [Paragraph, Heading, Paragraph]
    assert plain_text(out[0]) == OPENING


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        (OPENING, True),
        # a long headline, one sentence
        (
            "The rocky island of Redonda, once stripped of its flora and fauna by invasive"
            " species, makes an astonishing recovery after a conservation project removed goats,"
            " rats and the last of the feral cats from its slopes",
            False,
        ),
        # a date's point is no sentence end
        (
            "Update vom 29. Mai 2019: Feinschliff und hochladen und dreimalig quer kommentieren"
            " und noch ein paar Worte mehr, damit es lang genug ist, um als Absatz zu gelten und"
            " die Schwelle zu erreichen, die hier gilt, auch wenn es nur eine Notiz ist",
            False,
        ),
        ("Short. Two sentences.", False),
    ],
)
def test_is_prose_heading(text: str, prose: bool) -> None:
    assert is_prose_heading(_h(3, text)) is prose


def test_normalise_headings_without_title_keeps_h1() -> None:
    assert normalise_headings([_h(1, "A"), _p("x")], None)[0] == _h(1, "A")
    assert normalise_headings([_h(1, "T"), _h(1, "A")], "T") == [_h(2, "A")]


def test_images_and_source_info() -> None:
    doc = _doc('<p><img src="/inline.png" alt="icon"> text around an inline image here.</p>')
    para = next(
        b for b in doc.blocks if isinstance(b, Paragraph) and "inline image" in plain_text(b)
    )
    assert any(isinstance(x, Image) and x.src.endswith("/inline.png") for x in para.content)
    assert doc.source.format == "html" and doc.source.parser == "html"


def test_blocks_have_provenance_paths() -> None:
    doc = _doc("<h2>Sub</h2>" + FILL)
    heading = _first(doc, Heading)
    assert isinstance(heading, Heading)
    assert heading.provenance is not None
    assert heading.provenance.path == "/html/body/article/h2"


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("Share this:", True),
        ("Kontakt:", True),
        ("Foto: Instagram", True),
        ("Aktualisiert am 03.04.2020", True),
        ("Source files: the script and its tests are linked above.", False),
        ("Photo editing is an art of its own, and a slow one.", False),
    ],
)
def test_boilerplate_phrase_lines(line: str, dropped: bool) -> None:
    doc = _doc(f"<p>{line}</p>")
    assert any(line in plain_text(b) for b in doc.blocks) is not dropped


def test_recommendation_heading_over_cards_is_dropped() -> None:
    fig = Figure(image=Image(src="https://e.org/i.jpg"), caption=(Text(text="Teaser"),))
    blocks = [_p("Body."), _h(2, "More on climate"), fig, _h(2, "Next"), _p("Text.")]
    kept = [plain_text(b) for b in drop_dangling_headings(blocks) if isinstance(b, Heading)]
    assert kept == ["Next"]


def test_provenance_paths_match_lxml_getpath() -> None:
    # paths are numbered once per parent (getpath per block was quadratic in siblings)
    import lxml.html
    from lxml import etree

    import articlekit

    paras = "".join(
        f"<p>Paragraph number {i}, long enough to count as article text, with commas.</p>"
        + (
            "<div><p>nested paragraph in a div, also long enough, with commas.</p></div>"
            if i % 7 == 0
            else ""
        )
        for i in range(60)
    )
    page = f"<html><body><main><article><h1>T</h1>{paras}</article></main></body></html>"
    doc = articlekit.parse_html(page)
    tree = etree.ElementTree(lxml.html.fromstring(page))
    paths = [b.provenance.path for b in doc.walk() if b.provenance is not None]
    assert len(paths) >= 60
    for path in paths:
        assert path is not None
        found = tree.xpath(path)
        assert len(found) == 1, path
        assert tree.getpath(found[0]) == path


def _toc_page(toc: str) -> Document:
    sections = "".join(f'<h2 id="s{i}">Section {i}</h2>{FILL}{FILL}' for i in range(1, 5))
    return _doc(toc + sections)


def test_table_of_contents_inside_article_kept_as_list() -> None:
    # all links jump to sections of the page: the article's own outline, not a menu
    toc = (
        '<div class="toc"><ul>'
        + "".join(f'<li><a href="#s{i}">Section {i}</a></li>' for i in range(1, 5))
        + "</ul></div>"
    )
    lst = _first(_toc_page(toc), List)
    assert isinstance(lst, List)
    assert [plain_text(item) for item in lst.items] == [f"Section {i}" for i in range(1, 5)]


def test_nested_table_of_contents_keeps_nesting() -> None:
    toc = (
        '<ul><li><a href="#s1">Section 1</a><ul><li><a href="#s2">Section 2</a></li>'
        '<li><a href="#s3">Section 3</a></li></ul></li><li><a href="#s4">Section 4</a></li></ul>'
    )
    lst = _first(_toc_page(toc), List)
    assert isinstance(lst, List)
    assert len(lst.items) == 2
    inner = lst.items[0].blocks[-1]
    assert isinstance(inner, List) and len(inner.items) == 2


def test_fragment_links_to_missing_anchors_are_still_a_menu() -> None:
    # "#" links that name nothing on the page (script-driven menus) are not an outline
    menu = "<ul>" + "".join(f'<li><a href="#m{i}">tab{i}</a></li>' for i in range(5)) + "</ul>"
    doc = _toc_page(menu)
    assert not any("tab3" in plain_text(b) for b in doc.walk())


def test_mostly_external_link_list_stays_dropped() -> None:
    menu = (
        '<ul><li><a href="#s1">Top</a></li>'
        + "".join(f"<li><a href='/t{i}'>tag{i}</a></li>" for i in range(6))
        + "</ul>"
    )
    doc = _toc_page(menu)
    assert not any("tag3" in plain_text(b) for b in doc.walk())


@pytest.mark.skipif(
    articlekit.compiled(), reason="compiled methods call each other directly: no patch is seen"
)
def test_page_ids_are_collected_only_for_a_cluster_of_fragment_links(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from articlekit.html.blocks import BlockBuilder

    asked: list[int] = []
    collect = BlockBuilder._page_anchors

    def counted(self: BlockBuilder) -> set[str]:
        asked.append(1)
        return collect(self)

    monkeypatch.setattr(BlockBuilder, "_page_anchors", counted)
    menu = "<ul>" + "".join(f"<li><a href='/t{i}'>tag{i}</a></li>" for i in range(6)) + "</ul>"
    doc = _toc_page(menu)
    assert not any("tag3" in plain_text(b) for b in doc.walk())
    assert not asked  # no link jumps within the page: the page's ids are never needed
    toc = "<ul>" + "".join(f'<li><a href="#s{i}">Section {i}</a></li>' for i in range(1, 5))
    assert isinstance(_first(_toc_page(toc + "</ul>"), List), List)
    assert asked


def test_heading_over_see_also_note_and_text_kept() -> None:
    see_also = Recommendations(
        title="See also", items=(Recommendation(title="Place names", url="https://e.org/p"),)
    )
    teaser = Recommendations(title=None, items=(Recommendation(title="T", url="https://e.org/t"),))
    blocks = [
        _h(2, "Etymology"),
        see_also,
        _p("The section's text."),
        _h(2, "Teaser headline"),
        teaser,
        _p("Teaser summary."),
        _h(2, "Related"),
        see_also,
        _p("Text."),
    ]
    kept = [plain_text(b) for b in drop_dangling_headings(blocks) if isinstance(b, Heading)]
    assert kept == ["Etymology"]


def test_thumb_container_is_a_figure_with_caption() -> None:
    doc = _doc(
        '<div class="thumb tright"><div class="thumbinner">'
        '<a href="/wiki/File:Map.png" class="image"><img src="/map.png" alt="A map"></a>'
        '<div class="thumbcaption">A map of the islands drawn in 1657.</div></div></div>'
    )
    fig = _first(doc, Figure)
    assert isinstance(fig, Figure)
    assert fig.image.src.endswith("/map.png")
    assert plain_text(fig) == "A map of the islands drawn in 1657."
    assert not any(isinstance(b, Recommendations) for b in doc.blocks)


def test_reference_cut_by_a_block_stays_in_its_list_item() -> None:
    # an injected block inside a citation splits the line; the title link is no teaser
    refs = (
        '<ol class="references"><li><b><a href="#r1">^</a></b> <cite>'
        '<a href="https://other.example/loop">"In the Loop: Repeat Performance"</a>'
        '<div class="badge"></div>. 24 August 2021.</cite></li></ol>'
    )
    doc = _doc(refs)
    assert not any(isinstance(b, Recommendations) for b in doc.walk())
    lst = _first(doc, List)
    assert isinstance(lst, List)
    text = " ".join(plain_text(item) for item in lst.items)
    assert '"In the Loop: Repeat Performance"' in text and "24 August 2021." in text


def test_list_item_that_is_only_an_article_link_is_still_a_recommendation() -> None:
    items = "".join(
        f'<li><a href="/news/story-{i}.html">A teaser headline for story number {i}</a></li>'
        for i in range(3)
    )
    doc = _doc(f"<ul>{items}</ul>")
    recs = [b for b in doc.walk() if isinstance(b, Recommendations)]
    assert [r.title for rec in recs for r in rec.items][:1] == [
        "A teaser headline for story number 0"
    ]


def test_link_showing_its_address_is_a_source_not_a_recommendation() -> None:
    doc = _doc(
        '<p><a href="https://nodejs.org/api/inspector.html">'
        "https://nodejs.org/api/inspector.html</a></p>"
    )
    assert not any(isinstance(b, Recommendations) for b in doc.walk())
    assert any(
        isinstance(b, Paragraph) and plain_text(b) == "https://nodejs.org/api/inspector.html"
        for b in doc.blocks
    )


def _slides(count: int, total: int | None = None) -> str:
    total = total or count
    return "".join(
        f"<li><h2>{i}/{total} Slide title {i}</h2><p>Caption of slide {i}, a picture of "
        "the market, with a sentence or two about it.</p></li>"
        for i in range(1, count + 1)
    )


def test_is_slideshow_legend() -> None:
    tree = parse_tree(f"<body><ul>{_slides(5)}</ul><ol>{_slides(5, 9)}</ol></body>")
    ul, ol = tree.find(".//ul"), tree.find(".//ol")
    assert ul is not None and ol is not None
    assert is_slideshow_legend(ul)
    assert not is_slideshow_legend(ol)  # the counter must count the items themselves
    steps = parse_tree("<body><ol><li>1 of 3 mix</li><li>2 of 3 bake</li><li>3 of 3</li></ol>")
    small = steps.find(".//ol")
    assert small is not None and not is_slideshow_legend(small)


def test_slideshow_without_pictures_and_its_title_are_left_out() -> None:
    gallery = (
        '<div class="full-gallery"><div class="scroller"><h2>Business news in pictures</h2>'
        f'<div class="images"><ul><li data-src="/a.jpg"></li></ul></div>'
        f'<ul class="legends">{_slides(6)}</ul></div></div>'
    )
    doc = _doc("<h3>1. First point</h3>" + FILL + gallery + "<h3>2. Second point</h3>" + FILL)
    heads = [plain_text(b) for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["1. First point", "2. Second point"]
    assert not any("Slide title" in plain_text(b) for b in doc.walk())


def test_numbered_list_with_pictures_is_kept() -> None:
    slides = "".join(
        f'<li><img src="/s{i}.jpg" alt=""><p>{i}/4 The caption of picture {i} here.</p></li>'
        for i in range(1, 5)
    )
    doc = _doc(f"<ul>{slides}</ul>")
    assert any("3/4 The caption" in plain_text(b) for b in doc.walk())


def test_release_frees_converted_subtrees_after_enough_text() -> None:
    from articlekit.html.blocks import BlockBuilder
    from articlekit.html.clean import Labels

    sentence = "A sentence of the article, long enough to be a real paragraph here."
    html = "<body><article>" + f"<p>{sentence} <b>bold</b></p>" * 20 + "</article></body>"

    def build(release: bool) -> tuple[list[object], HtmlElement, list[Labels]]:
        root = parse_tree(html)
        labels = label_page(root)
        article = root.find(".//article")
        assert article is not None
        seen: list[Labels] = []
        builder = BlockBuilder(
            labels,
            base=None,
            page_url=None,
            recs={},
            tree=root.getroottree(),
            release=seen.append if release else None,
            release_after_chars=300,
        )
        return list(builder.build([article])), article, seen

    kept, whole, _ = build(False)
    freed, emptied, seen = build(True)
    assert freed == kept
    assert len(whole) == 20
    # the first paragraphs (300 characters) stay, the rest leave the tree once converted
    assert 0 < len(emptied) < 20
    assert len(seen) == 1 and seen[0].paragraphs == []


@pytest.mark.parametrize(
    "text",
    [
        "Follow us on Twitter for more.",
        "FOLGEN SIE UNS auf Instagram",
        "Get the APP FOR IOS today",
        "Our app for Android",
        "happs for android",  # no word boundary before the "a": no match
        "Todos los Derechos Reservados 2024",
        "WSZELKIE PRAWA ZASTRZEŻONE",
        "Suscríbete al boletín",
        "SUSCRÍBETE",
        "Der Bundesrat hat heute beschlossen, dass die Massnahmen verlängert werden.",
        "Sign up for our newsletter",
        "\u017fubscribe to us",  # long s: the case-blind engine's own equivalence
        "Ap\u0130 sign up for",  # dotted capital I, two characters in lower case
        "\u0131",
        "",
    ],
)
def test_promo_phrase_in_lower_case_matches_the_case_blind_pattern(text: str) -> None:
    from articlekit.html import vocab

    expected = vocab.PROMO_TAIL.search(text) is not None
    assert vocab.has_promo_phrase(text) is expected
    assert vocab.has_promo_phrase(text.upper()) is (
        vocab.PROMO_TAIL.search(text.upper()) is not None
    )


def test_promo_pattern_letters_are_lower_case() -> None:
    import re

    from articlekit.html import vocab

    # (the lower-case search of has_promo_phrase relies on it; escapes such as \W aside)
    assert not re.search(r"(?<!\\)[A-Z]", vocab.PROMO_TAIL.pattern)
    assert vocab.has_promo_phrase("Download the App") and not vocab.has_promo_phrase("x")


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Shutterstock", True),
        ("(Mike Watson Images/Moodboard/Getty)", True),
        ("Spencer Platt/Getty Images News/Getty Images", True),
        ("evgenyb/iStock/Getty Images", True),
        ("iStock/cjp", True),
        ("Photo: Ashraf Amra/Anadolu via Getty Images", True),
        # a caption's sentence ending in its credit is the caption
        ("The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters", False),
        # the article's sources
        ("(Con información de AFP, EFE y Reuters)", False),
        ("Reuters reported the deal on Monday.", False),
        ("Getty Images chief executive steps down after ten years", False),
    ],
)
def test_is_agency_credit(text: str, credit: bool) -> None:
    assert is_agency_credit(text) is credit


def test_agency_credit_line_goes_its_picture_stays() -> None:
    doc = _doc(
        "<p>A sentence of the article that is long enough to be a paragraph here.</p>"
        "<div><img src='/a.jpg' alt='Terrarium'><br>Mark Stout/iStock/Getty Images</div>"
        "<p>Another sentence of the article that is long enough to be kept as well.</p>"
    )
    texts = [plain_text(b) for b in doc.body]
    assert not any("iStock" in t for t in texts)
    assert any(isinstance(b, Figure) for b in doc.body)


def test_caption_of_a_video_player_goes() -> None:
    doc = _doc(
        "<figure class='media-item'><div><iframe src='//player.example.org/v/1'></iframe>"
        "</div><figcaption>Media caption The president spoke about gun control at length"
        "</figcaption></figure>"
    )
    assert not any("gun control" in plain_text(b) for b in doc.body)


def test_figure_drawn_by_a_script_takes_its_microdata_picture() -> None:
    doc = _doc(
        "<figure itemscope itemtype='http://schema.org/ImageObject'"
        " itemid='https://img.example.org/2019/water-main.jpg?quality=90'>"
        "<div data-testid='lazyimage-container'></div><figcaption>There are typically"
        " 400 to 600 water main breaks each year.</figcaption></figure>"
    )
    (figure,) = [b for b in doc.body if isinstance(b, Figure)]
    assert figure.image.src == "https://img.example.org/2019/water-main.jpg?quality=90"
    assert "water main breaks" in plain_text(figure)
    assert not any(isinstance(b, Paragraph) and "water main" in plain_text(b) for b in doc.body)


def test_figure_without_picture_or_player_keeps_its_text() -> None:
    doc = _doc(
        "<figure><blockquote><p>The steady drip of horrors through newspaper headlines"
        " is the game's real engine.</p></blockquote></figure>"
    )
    assert any("steady drip" in plain_text(b) for b in doc.body)


def test_caption_printed_after_its_figure_is_the_figure_caption() -> None:
    doc = _doc(
        "<div class='step'><p>Dig out a hole in the foam large enough to fit your plant,"
        " without piercing the bottom.</p><figure><img src='/step1.jpg' alt='Dig'></figure>"
        "<figcaption class='caption'>Dig a hole in the oasis. (Lucy Example)</figcaption>"
        "</div>"
    )
    (figure,) = [b for b in doc.body if isinstance(b, Figure)]
    assert plain_text(figure).strip() == "Dig a hole in the oasis. (Lucy Example)"
    assert not any(isinstance(b, Paragraph) and "Lucy" in plain_text(b) for b in doc.body)


def test_formula_picture_beside_hidden_mathml_is_kept() -> None:
    # a wiki prints each formula as MathML hidden from sight and, right after it, a
    # picture of it hidden from screen readers: the picture is what a reader sees
    formula = (
        '<span class="formula"><span style="display: none;">'
        '<math alttext="{\\displaystyle x^{2}}"><mi>x</mi></math></span>'
        '<img src="/render/x2.svg" aria-hidden="true" alt="{\\displaystyle x^{2}}"></span>'
    )
    doc = _doc(f"<p>The square {formula} grows fast, as everyone who draws it sees.</p>")
    para = next(
        b for b in doc.blocks if isinstance(b, Paragraph) and "grows fast" in plain_text(b.content)
    )
    images = [x for x in para.content if isinstance(x, Image)]
    assert [x.src for x in images] == ["https://example.org/render/x2.svg"]
    assert images[0].alt == "{\\displaystyle x^{2}}"


def test_aria_hidden_picture_without_a_formula_stays_out() -> None:
    doc = _doc(
        '<p>A logo <img src="/logo.png" aria-hidden="true" alt="Site"> beside the words of'
        " a sentence long enough to stay.</p>"
    )
    assert not any(isinstance(b, Figure) for b in doc.blocks)
    para = next(b for b in doc.blocks if isinstance(b, Paragraph) and "A logo" in plain_text(b))
    assert not any(isinstance(x, Image) for x in para.content)


def test_invisible_characters_are_dropped_from_text() -> None:
    doc = parse_html(
        "<html><body><article><p>R\u00e9ac&shy;tion au pro\u00adjet, zero\u200bwidth"
        " text &#x200B;here, long enough to be the article's paragraph.</p></article></body></html>"
    )
    assert plain_text(doc.body[0]) == (
        "Réaction au projet, zerowidth text here, long enough to be the article's paragraph."
    )


@pytest.mark.parametrize(
    "figure",
    [
        "<figure><a href='https://shop.example.com/'><img src='/b.jpg' alt='Reklama'></a>"
        "<figcaption>Reklama</figcaption></figure>",
        "<figure><img src='/b.jpg' alt=''><figcaption>– ANZEIGE –</figcaption></figure>",
        "<figure><img src='/b.jpg' alt='Advertisement'></figure>",
    ],
)
def test_ad_banner_figures_are_dropped(figure: str) -> None:
    doc = _doc(figure)
    assert not [b for b in doc.walk() if isinstance(b, Figure)]


def test_a_caption_about_advertising_is_kept() -> None:
    doc = _doc(
        "<figure><img src='/b.jpg'><figcaption>Advertising revenue fell</figcaption></figure>"
    )
    figure = _first(doc, Figure)
    assert isinstance(figure, Figure)
    assert plain_text(figure.caption) == "Advertising revenue fell"


def test_markup_written_into_alt_text_is_removed() -> None:
    doc = _doc(
        "<figure><img src='/l.jpg' alt='&lt;p&gt;Lucke leaves the hall. "
        "Photo: dpa&lt;/p&gt;' title='&lt;p&gt;Lucke&lt;/p&gt;'></figure>"
    )
    figure = _first(doc, Figure)
    assert isinstance(figure, Figure)
    assert figure.image.alt == "Lucke leaves the hall. Photo: dpa"
    assert figure.image.title == "Lucke"


@pytest.mark.parametrize(
    "icon",
    [
        '<i class="material-icons">keyboard_arrow_down</i>',
        '<span class="material-symbols-outlined md-18">chat_bubble</span>',
        '<span class="material-icons-two-tone">bookmark_border</span>',
        "<mat-icon>share</mat-icon>",
    ],
)
def test_ligature_icon_names_are_not_text(icon: str) -> None:
    doc = _doc(f"<p>Read the report {icon}here.</p><p><a href='#top'>{icon}</a></p>" + FILL)
    text = to_text(doc)
    assert "Read the report here." in text
    for name in ("keyboard", "chat_bubble", "bookmark", "share"):
        assert name not in text
    assert not any(isinstance(i, Link) for b in doc.walk() for i in getattr(b, "content", ()))


def test_icon_class_without_ligature_word_elsewhere_is_kept() -> None:
    # "material-design" is a topic, not the icon font: its text is the article's
    doc = _doc('<p>Styles: <span class="material-design">flat cards</span> win.</p>' + FILL)
    assert "Styles: flat cards win." in to_text(doc)
    assert is_icon_glyph(lxml.html.fragment_fromstring('<i class="a material-icons">x</i>'))


def _para(text: str) -> Paragraph:
    return Paragraph(content=(Text(text=text),))


def test_dangling_labels_go_with_their_furniture() -> None:
    body = _para("The article's first paragraph, a sentence long enough to be one.")
    recs = Recommendations(title="Related", items=(Recommendation(title="A", url="https://e/a"),))
    blocks: list[Block] = [
        body,
        Rule(),
        _para("Mehr zum Thema:"),
        _para("Benachrichtigung über neue Artikel:"),
        Rule(),
        body,
        _para("Seguir leyendo:"),
        recs,
        _para("Rezept bewerten："),
        Heading(level=2, content=(Text(text="Zutaten"),)),
        body,
        _para("Your page rank:"),
    ]
    assert drop_dangling_labels(blocks) == [body, Rule(), body, recs, blocks[9], body]


def test_labels_that_introduce_content_stay() -> None:
    items = List(ordered=False, items=(ListItem(blocks=(_para("one"),)),))
    link = Paragraph(content=(Link(url="https://e/x", content=(Text(text="Tags:"),)),))
    long = _para("Here is what the minister said to the reporters:")
    blocks: list[Block] = [_para("Die Zutaten:"), items, link, Rule(), long, Rule()]
    assert drop_dangling_labels(blocks) == blocks


def test_pictures_in_a_heading_become_figures_under_it() -> None:
    doc = _doc(
        '<h2>Special Editions <a href="https://cdn.example.org/x"><img src="/han.jpg" '
        'alt="han solo"></a></h2>' + FILL + '<h3><a href="/a"><img src="/t.png" alt="To the '
        'story text"></a></h3>' + FILL
    )
    head, figure = [b for b in doc.blocks if isinstance(b, (Heading, Figure))][:2]
    assert isinstance(head, Heading) and plain_text(head) == "Special Editions"
    assert isinstance(figure, Figure) and figure.image.src.endswith("/han.jpg")
    # a heading of a picture alone keeps it: its alt text is all it says
    last = [b for b in doc.blocks if isinstance(b, Heading)][-1]
    assert plain_text(last) == "To the story text"


def _para(text: str) -> Paragraph:
    return Paragraph(content=(Text(text=text),))


def test_author_bio_closing_the_body_is_cut_and_recommendations_after_it_kept() -> None:
    recs = Recommendations(title="More", items=(Recommendation(title="Other story", url="/o"),))
    body = [_para("Article text. " * 20), Heading(level=2, content=(Text(text="Article end"),))]
    bio = [
        Heading(level=4, content=(Text(text="About the author"),)),
        _para("Jane Doe"),
        _para("Jane Doe is the author of a book about kitchens."),
    ]
    assert cut_author_bio([*body, *bio, recs]) == [*body, recs]
    german = [Heading(level=3, content=(Text(text="Über die Autorin:"),)), _para("Eine Zeile.")]
    assert cut_author_bio([*body, *german]) == body


def test_bios_one_under_another_closing_the_body_are_cut() -> None:
    # a medical article's author, then its reviewer, then a short disclaimer: the last
    # bio goes with what follows it, then the one before
    body = [_para("Article text. " * 20)]
    author = [
        Heading(level=3, content=(Text(text="About the Author"),)),
        _para("Jane Roe, Executive Editor"),
        _para("Jane Roe writes about health and medicine. " * 3),
    ]
    reviewer = [
        Heading(level=3, content=(Text(text="About the Reviewer"),)),
        _para("Dr. John Doe is a physician in Boston. " * 3),
        Heading(level=3, content=(Text(text="Disclaimer:"),)),
        _para("Nothing here is medical advice. " * 3),
    ]
    assert cut_author_bio([*body, *author, *reviewer]) == body
    for heading in ("Author Bio", "About the contributor", "About the expert"):
        bio = [Heading(level=4, content=(Text(text=heading),)), _para("Ann Lee is a writer.")]
        assert cut_author_bio([*body, *bio]) == body
    # the earlier bio goes only when what follows it is short too
    long_end = [*reviewer[:1], _para("Reviewed. " * 150)]
    assert cut_author_bio([*body, *author, *long_end]) == [*body, *author, *long_end]
    after = [*reviewer, Heading(level=2, content=(Text(text="Part two"),)), _para("x " * 600)]
    assert cut_author_bio([*body, *author, *after]) == [*body, *author, *after]


def test_long_section_after_an_author_heading_is_the_articles_own() -> None:
    # a book page's "About the author" followed by pages of text is part of the article
    body = [_para("Article text. " * 20)]
    section = [Heading(level=2, content=(Text(text="About the Author"),)), _para("Bio. " * 250)]
    assert cut_author_bio([*body, *section]) == [*body, *section]
    # a heading that only mentions the author is no bio heading, and none opens the body
    other = [Heading(level=2, content=(Text(text="About the author's new novel"),)), _para("x")]
    assert cut_author_bio([*body, *other]) == [*body, *other]
    assert cut_author_bio([*section[:1], *body]) == [*section[:1], *body]


def test_teaser_section_closing_the_body_is_cut_and_recommendations_after_it_kept() -> None:
    recs = Recommendations(title="More", items=(Recommendation(title="Other story", url="/o"),))
    body = [_para("Article text. " * 20), Heading(level=2, content=(Text(text="Last part"),))]
    body.append(_para("The article's last paragraph."))
    teaser = [
        Heading(level=2, content=(Text(text="Entdecke weitere Homestorys"),)),
        _para("Wie wohnt die Community? Klicke dich durch die Homestorys."),
    ]
    assert cut_teaser_tail([*body, *teaser, recs]) == [*body, recs]
    more = [Heading(level=3, content=(Text(text="More stories"),)), _para("Our picks.")]
    assert cut_teaser_tail([*body, *more]) == body


@pytest.mark.parametrize(
    "tail",
    [
        # the article's own last section: longer than a blurb
        [Heading(level=2, content=(Text(text="Related research"),)), _para("Findings. " * 40)],
        # a heading that is no recommendation title
        [Heading(level=2, content=(Text(text="Conclusion"),)), _para("Short end.")],
        # a list or a quote after the heading is content, not a blurb
        [
            Heading(level=2, content=(Text(text="More stories"),)),
            List(ordered=False, items=(ListItem(blocks=(_para("one"),)),)),
        ],
        # a heading with nothing under it is drop_dangling_headings' to judge
        [Heading(level=2, content=(Text(text="More stories"),))],
    ],
)
def test_teaser_tail_keeps_what_is_no_blurb(tail: list[Block]) -> None:
    body: list[Block] = [_para("Article text. " * 20)]
    assert cut_teaser_tail([*body, *tail]) == [*body, *tail]


def _card(headline: str, url: str, summary: str, *, level: int = 3) -> list[Block]:
    """A teaser card as the builder reads it: picture, linked headline, summary."""
    link = Link(url=url, content=(Text(text=headline),))
    return [
        Figure(image=Image(src=url + ".jpg")),
        Heading(level=level, content=(link,)),
        _para(summary),
    ]


def _cards(count: int, **kwargs: int) -> list[Block]:
    out: list[Block] = []
    for n in range(count):
        url = f"https://example.org/news/story-{n}"
        out += _card(f"Another story number {n}", url, f"What story {n} is about.", **kwargs)
    return out


def test_teaser_cards_closing_the_body_become_one_recommendations_block() -> None:
    body: list[Block] = [_para("Article text, long enough. " * 20)]
    result = cut_closing_cards([*body, *_cards(3)], "https://example.org/news/a.html")
    assert result[:1] == body
    assert len(result) == 2 and isinstance(result[1], Recommendations)
    items = result[1].items
    assert [i.title for i in items] == [f"Another story number {n}" for n in range(3)]
    assert items[0].url == "https://example.org/news/story-0"
    assert items[0].summary == "What story 0 is about."


def test_unlinked_card_headline_closed_by_a_read_more_link_is_a_card() -> None:
    body: list[Block] = [_para("Article text, long enough. " * 20)]
    cards: list[Block] = []
    for n in range(3):
        headline = f"School ranks first for the {n}th year"
        more = Recommendation(title=f"Read more about {headline}", url=f"/news/{n}")
        cards += [
            Heading(level=4, content=(Text(text=headline),)),
            _para("A summary of the story."),
            Recommendations(items=(more,)),
        ]
    result = cut_closing_cards([*body, *cards], None)
    assert len(result) == 2 and isinstance(result[1], Recommendations)
    assert [i.url for i in result[1].items] == ["/news/0", "/news/1", "/news/2"]


@pytest.mark.parametrize(
    ("tail", "url"),
    [
        # two cards are no run
        (_cards(2), None),
        # a round-up's entries say more than a summary
        ([b if not isinstance(b, Paragraph) else _para("Tested. " * 60) for b in _cards(3)], None),
        # entries linking to other sites (shops) are the article's
        (_cards(3), "https://other.example.net/guide"),
        # headings of different levels are no run of cards
        (_cards(2) + _cards(1, level=2), None),
        # headings linking within the page are a table of contents' targets
        (
            [
                Heading(level=3, content=(Link(url="#part", content=(Text(text="Part"),)),)),
                _para("Text."),
            ]
            * 3,
            None,
        ),
    ],
)
def test_closing_cards_keep_what_is_the_article(tail: list[Block], url: str | None) -> None:
    body: list[Block] = [_para("Article text, long enough. " * 20)]
    assert cut_closing_cards([*body, *tail], url) == [*body, *tail]


def test_cards_holding_more_text_than_the_body_before_them_stay() -> None:
    # a page of cards under a short intro is a listing, not an article closed by teasers
    body: list[Block] = [_para("Intro.")]
    assert cut_closing_cards([*body, *_cards(5)], None) == [*body, *_cards(5)]


def _append_text_reference(out: list[Inline], text: str) -> None:
    """The block builder's text appending before white space took its short cut."""
    from articlekit._chars import drop_invisible
    from articlekit.html.tree import collapse_ws

    if not text:
        return
    text = collapse_ws(drop_invisible(text))
    if not text:
        return
    if out:
        last = out[-1]
        if isinstance(last, Text):
            if last.text.endswith(" ") and text.startswith(" "):
                text = text[1:]
            out[-1] = Text(text=last.text + text)
            return
        if isinstance(last, LineBreak) and text.startswith(" "):
            text = text.lstrip(" ")
            if not text:
                return
    out.append(Text(text=text))


@pytest.mark.parametrize("text", ["\n    ", " ", "\t\r\n", "\u00a0", "\u3000 \n", "\u200b", "a \n"])
@pytest.mark.parametrize(
    "before",
    [[], [Text(text="word")], [Text(text="word ")], [LineBreak()], [Image(src="x.png", alt="")]],
)
def test_white_space_is_appended_as_the_reference_does(before: list[Inline], text: str) -> None:
    from articlekit.html.blocks import _append_text

    fast, slow = list(before), list(before)
    _append_text(fast, text)
    _append_text_reference(slow, text)
    assert fast == slow


def test_related_heading_over_links_is_read_only_over_a_link_dense_sibling() -> None:
    links = "".join(f'<li><a href="/story-{i}">Another story number {i}</a></li>' for i in range(4))
    prose = "<p>" + "The article goes on with a paragraph of prose. " * 4 + "</p>"
    page = (
        "<html><body><article><h1>Title of the piece</h1>"
        + prose * 3
        + "<h2>Related articles</h2><ul>"
        + links
        + "</ul><h2>Related questions</h2>"
        + prose
        + "</article></body></html>"
    )
    doc = parse_html(page, url="https://example.org/a")
    recs = [b for b in doc.blocks if isinstance(b, Recommendations)]
    assert [r.title for r in recs] == ["Related articles"]
    assert "Related questions" in to_text(doc)


def test_long_caption_of_a_picture_not_in_the_page_is_left_out() -> None:
    caption = "A long agency caption naming everyone in the picture, " * 6  # ~330 characters
    unshown = (
        f"<div class='InlineImage-imageEmbed'><div class='placeholder'></div>"
        f"<div class='InlineImage-imageEmbedCaption'>{caption}</div></div>"
    )
    text = to_text(_doc(FILL * 3 + unshown + FILL * 3))
    assert "agency caption" not in text
    # with its picture, the caption stays with it; a caption-named box of prose outside
    # a picture's box stays text
    shown = unshown.replace("<div class='placeholder'></div>", "<img src='/p.jpg' alt='x'>")
    assert "agency caption" in plain_text_of(_doc(FILL * 3 + shown + FILL * 3))
    loose = f"<div class='caption-text'>{caption}</div>"
    assert "agency caption" in to_text(_doc(FILL * 3 + loose + FILL * 3))


def plain_text_of(doc: Document) -> str:
    return " ".join(plain_text(b) for b in doc.blocks)


def test_a_paragraph_that_is_only_a_read_more_link_is_dropped() -> None:
    def para(*content: Inline) -> Paragraph:
        return Paragraph(content=content)

    more = para(Link(url="https://e.x/story", content=(Text(text="Read more"),)))
    bold = para(
        Text(text=" "), Strong(content=(Link(url="/a", content=(Text(text="Weiterlesen »"),)),))
    )
    named = para(Link(url="/a", content=(Text(text="Tutoring lifts reading scores"),)))
    sentence = para(
        Text(text="The study is online: "), Link(url="/a", content=(Text(text="read more"),))
    )
    prose = para(Text(text="Students received six thousand tutoring sessions last year."))
    assert is_read_more_link(more)
    assert is_read_more_link(bold)
    assert not is_read_more_link(named)  # a link that names its story
    assert not is_read_more_link(sentence)  # the link is part of a sentence
    assert not is_read_more_link(prose)
    assert drop_read_more_links([prose, more, named, bold]) == [prose, named]


def test_read_more_buttons_of_a_list_of_mentions_leave_the_text() -> None:
    items = "".join(
        f"<h4>Tutoring program number {i} improves reading</h4>"
        f"<p>Students in the county received tutoring sessions over the past year, {i}.</p>"
        f"<p><a class='button' href='https://news.example/{i}'>Read more</a></p>"
        for i in range(4)
    )
    html = f"<html><body><main><h1>In the news</h1>{items}</main></body></html>"
    text = to_text(parse_html(html))
    assert "Students in the county received tutoring" in text
    assert "Read more" not in text


CARD_PROSE = (
    "Beans grow fast in warm soil, and a sunny bed with good drainage suits them best, "
    "so sow them after the last frost and water them often in dry spells"
)


def test_an_author_card_closing_the_body_is_cut() -> None:
    def para(text: str) -> Paragraph:
        return Paragraph(content=(Text(text=text),))

    body = [para(f"{CARD_PROSE} Part {i}.") for i in range(4)]
    card = [
        para("Jane Roe"),
        para("Contributing Writer"),
        para("Jane Roe is a writer and editor who covers gardening and home design."),
    ]
    rec = Recommendations(title="More", items=(Recommendation(title="A", url="https://e.x/a"),))
    assert cut_author_card([*body, *card, rec], ["Jane Roe"]) == [*body, rec]
    assert cut_author_card([*body, para("By Jane Roe")], ["Jane Roe"]) == body
    # a name line far from the end, a signature with a dash, another name: text
    long_tail = [para("Jane Roe"), *body]
    assert cut_author_card(body + long_tail, ["Jane Roe"]) == body + long_tail
    signed = [*body, para("- Jane Roe"), para("Book your first lesson today.")]
    assert cut_author_card(signed, ["Jane Roe"]) == signed
    unnamed = [para("Jane Roe"), para("Jane Roe grows beans in a sunny bed by the sea.")]
    assert cut_author_card([*body, *unnamed], ["John Doe"]) == [*body, *unnamed]
    # a short article opening with its author's name and role keeps them
    short = [para("Intro."), para("More."), para("Still more."), *card]
    assert cut_author_card(short, ["Jane Roe"]) == short
    # a thread: many posters, each name heads a post
    thread = [*body, para("Jane Roe"), para("Joined"), para("Mar 2015"), para("Thanks!")]
    names = ["Jane Roe", "John Doe", "Ann Lee", "Bo Li"]
    assert cut_author_card(thread, names) == thread
    # a poster's name over a dozen lines of rank, dates and counts is no card
    post = [*body, para("Jane Roe"), *[para(f"Line {i}") for i in range(8)]]
    assert cut_author_card(post, ["Jane Roe"]) == post


def test_an_author_card_whose_name_line_gives_a_role_is_cut() -> None:
    def para(text: str) -> Paragraph:
        return Paragraph(content=(Text(text=text),))

    body = [para(f"{CARD_PROSE} Part {i}.") for i in range(4)]
    card = [
        para("Jane Roe, Print Managing Editor"),
        para("Jane Roe is a senior and the managing editor of the school paper."),
    ]
    assert cut_author_card([*body, *card], ["Jane Roe"]) == body
    # a line that goes on after the name is a sentence, not a role
    sentence = [*body, para("Jane Roe, who wrote this piece, lives by the sea")]
    assert cut_author_card(sentence, ["Jane Roe"]) == sentence
    # "About the contributor" in a bold line, not a heading, still heads a bio
    bio = [para("About the Contributor"), para("Jane Roe is a senior at the school.")]
    assert cut_author_bio([*body, *bio]) == body
    aside = [*body, para("About the author's garden"), para("It is small.")]
    assert cut_author_bio(aside) == aside


def test_author_box_after_the_article_leaves_the_text() -> None:
    paragraphs = "".join(f"<p>{CARD_PROSE} Part {i}.</p>" for i in range(4))
    html = (
        "<html><head><meta name='author' content='Jane Roe'></head><body><article>"
        f"<h1>Growing beans</h1><div class='entry'>{paragraphs}"
        "<div class='sabox-wrap'><div class='sabox-name'><a href='/author/jane/'>Jane Roe</a>"
        "</div><div class='sabox-desc'><p>Jane Roe is a writer and editor who covers "
        "gardening and home design for the magazine.</p></div></div></div></article></body></html>"
    )
    text = to_text(parse_html(html))
    assert "Part 3." in text
    assert "Jane Roe" not in text


def _exhibition(name: str, artist: str) -> str:
    return (
        f'<div class="tile"><div class="pic"><a href="/{artist.lower()}">'
        f'<img src="/img/{artist.lower()}.jpg" alt=""></a></div></div>'
        f'<div class="tile"><div class="text"><h4><a href="/{artist.lower()}">{name}</a></h4>'
        f"<p>{artist}</p></div></div>"
    )


LINKED_LISTING = (
    "<html><head><title>Current Shows</title></head><body>"
    '<nav><a href="/">Home</a> <a href="/visit">Visit</a> <a href="/shop">Shop</a></nav>'
    '<main><section class="page-section"><div class="content">'
    "<h1>Current Shows</h1>"
    + _exhibition("The Harbour at Dusk", "WENDELL")
    + _exhibition("Paper Boats and Other Stories", "MARISOL")
    + _exhibition("Sculpture from the Vaults", "ODETTE")
    + _exhibition("A Garden Drawn Twice", "LINNEA")
    + "</div></section></main>"
    '<footer><a href="/jobs">Jobs</a> <a href="/press">Press</a></footer></body></html>'
)


def test_content_of_linked_headlines_is_read_not_dropped_as_a_link_cluster() -> None:
    # the chosen content is mostly link text (the shows' titles link to their pages):
    # its wrappers are the content, not a menu inside it
    doc = parse_html(LINKED_LISTING, url="https://museum.example/current")
    text = to_text(doc)
    assert "The Harbour at Dusk" in text
    assert "Sculpture from the Vaults" in text
    assert "MARISOL" in text
    assert "Jobs" not in text


def test_link_cluster_inside_the_content_is_still_dropped() -> None:
    tags = (
        '<div class="tags"><a href="/t/a">Alpha</a> <a href="/t/b">Beta</a>'
        ' <a href="/t/c">Gamma</a></div>'
    )
    doc = _doc(tags)
    assert "Gamma" not in to_text(doc)


def test_answers_of_an_accordion_marked_as_a_tablist_are_read() -> None:
    answers = "".join(
        f"<div class='item' role='tab'><a href='#q{n}'>Who can apply, case {n}?</a></div>"
        f"<div id='q{n}' class='collapse' role='tabpanel'><p>Answer {n}: any household "
        "with an active residential account may apply, once per address and year.</p></div>"
        for n in range(3)
    )
    html = (
        "<html><head><title>Thermostat rebates</title></head><body><main>"
        f"<h1>Thermostat rebates</h1>{FILL * 5}"
        f"<h2>Questions</h2><div class='accordion' role='tablist'>{answers}</div>"
        "</main></body></html>"
    )
    text = to_text(parse_html(html))
    assert "Answer 2: any household" in text


def _product(name: str) -> str:
    return (
        f"<li class='product'><a href='/p/{name.lower()}'><img src='/i/{name.lower()}.jpg' "
        f"alt=''></a><div class='product-caption'><h3><a href='/p/{name.lower()}'>{name} "
        "camping lantern</a></h3><div class='desc'>Bright, light and rechargeable…</div>"
        "<span class='price'>$24.00</span></div></li>"
    )


def test_card_text_named_caption_in_a_grid_item_is_read() -> None:
    grid = "".join(_product(name) for name in ("Orion", "Vega", "Lyra", "Deneb"))
    html = (
        "<html><head><title>Lanterns</title></head><body><main><h1>Lanterns</h1>"
        f"{FILL * 4}<ul class='products'>{grid}</ul></main></body></html>"
    )
    text = to_text(parse_html(html, url="https://shop.example/lanterns"))
    assert "Vega camping lantern" in text
    assert "$24.00" in text


def test_caption_of_a_video_with_a_linked_title_stays_out() -> None:
    video = (
        "<div class='video'><a href='https://video.example/v/1'><img src='/v1.jpg' alt=''>"
        "</a></div><div class='info'><div class='caption'><h2><a href='https://video.example"
        "/v/1'>The founder on his workers</a></h2><p>The founder talks about the staff.</p>"
        "</div></div>"
    )
    assert "The founder talks" not in to_text(_doc(video))


def _tile(name: str, sku: int) -> str:
    return (
        f"<div class='tile-thumb'><a href='/shop/{name.lower()}'><span><img src='/i/{sku}.jpg'"
        f" alt='{name}'></span> <span class='name'>{name} clay pot, medium size</span></a> "
        f"<span class='sku'>SKU: {sku}</span> <span class='note'>Frost-proof</span> "
        "<span class='price'>$19.50</span></div>"
    )


def test_picture_named_tiles_of_a_grid_are_read_as_text() -> None:
    tiles = "".join(_tile(name, 100 + n) for n, name in enumerate(("Umber", "Slate", "Sage")))
    html = (
        "<html><head><title>Pots</title></head><body><main><h1>Pots</h1>"
        f"{FILL * 3}<div class='grid'>{tiles}</div></main></body></html>"
    )
    text = to_text(parse_html(html, url="https://shop.example/pots"))
    assert "Slate clay pot, medium size" in text
    assert "SKU: 101" in text
    # two tiles are no grid: they stay pictures with their captions
    two = "".join(_tile(name, 100 + n) for n, name in enumerate(("Umber", "Slate")))
    assert "SKU: 101" not in to_text(parse_html(html.replace(tiles, two)))


def test_picture_boxes_between_paragraphs_stay_figures() -> None:
    # an article's photos, each with a link to its enlargement, stand between paragraphs
    photo = (
        "<div class='image'><img src='/p{n}.jpg' alt='The car from the side'>"
        "<a href='/photos/{n}.html'>enlarge (photo: the test team)</a></div>"
    )
    body = "".join(f"{FILL * 2}{photo.format(n=n)}" for n in range(3))
    html = (
        "<html><head><title>Test drive</title></head><body><article><h1>Test drive</h1>"
        f"<div class='body'>{body}</div></article></body></html>"
    )
    assert "enlarge (photo" not in to_text(parse_html(html))
    root = lxml.html.fromstring(html)
    assert is_grid_card(root.find(".//div[@class='image']")) is False
    # the same boxes side by side, with nothing between them, are a grid's cards
    grid = lxml.html.fromstring(f"<div>{''.join(photo.format(n=n) for n in range(3))}</div>")
    assert is_grid_card(grid[0]) is True


def test_collapsed_accordion_answers_are_read_and_a_hidden_dialog_is_not() -> None:
    item = (
        "<div class='qa'><h3 id='q{n}'>Can I change plans later, question {n}?</h3>"
        "<div id='a{n}' role='region' aria-labelledby='q{n}' aria-hidden='true'>"
        "<p>Answer {n}: yes, you can move to another plan at any time from your account, "
        "and the change takes effect at the start of the next billing period.</p></div></div>"
    )
    dialog = (
        "<div role='dialog' aria-labelledby='t' aria-hidden='true'><h2 id='t'>Sign up</h2>"
        "<p>Create an account to save your quotes, compare them later and get reminders.</p>"
        "</div>"
    )
    transcript = (
        "<div role='region' id='transcript-1' aria-labelledby='tt' aria-hidden='true'><p>"
        "[Music] Welcome back to the channel, today we look at how plans are billed.</p></div>"
    )
    html = (
        "<html><head><title>Plans</title></head><body><main><h1>Plans</h1>"
        f"{FILL * 3}<h2>Questions</h2>{''.join(item.format(n=n) for n in range(3))}"
        f"{dialog}{transcript}</main></body></html>"
    )
    text = to_text(parse_html(html))
    assert "Answer 2: yes, you can move" in text
    assert "Create an account" not in text
    assert "Welcome back to the channel" not in text


@pytest.mark.parametrize(
    ("texts", "dropped"),
    [
        (("Buy on Amazon",), True),
        (("See it at Amazon", "See it at Razer"), True),
        (("$349 Now $325 on Amazon", "Check Price - Walmart"), True),
        (("View Deal",), True),
        (("GET THE RECIPE",), True),
        (("Get a Quote",), True),
        (("READ MORE ↓",), True),
        (("Buy now at LG Home Appliances",), True),
        (("Why we buy on Amazon less often",), False),  # a headline
        (("Buy on Amazon", "Our full review of the lamp"), False),  # one link names a story
        (("Amazon",), False),
    ],
)
def test_a_row_of_shop_buttons_is_dropped(texts: tuple[str, ...], dropped: bool) -> None:
    row = Paragraph(
        content=tuple(
            Link(url=f"https://shop.example/{n}", content=(Text(text=t),))
            for n, t in enumerate(texts)
        )
    )
    assert is_button_row(row) is dropped
    assert (drop_read_more_links([row]) == []) is dropped


def test_a_button_in_a_sentence_stays() -> None:
    sentence = Paragraph(
        content=(
            Text(text="The lamp costs less than its rivals, and you can "),
            Link(url="https://shop.example/lamp", content=(Text(text="buy on Amazon"),)),
        )
    )
    assert not is_button_row(sentence)


def test_shop_buttons_under_each_pick_leave_the_guide() -> None:
    picks = "".join(
        f"<h2>{n}. Floor lamp number {n}</h2>"
        f"<p>This lamp lights a whole room, with colours set by voice and a timer, {n}.</p>"
        f"<p><a href='https://shop.example/{n}'>Buy on Amazon</a></p>"
        for n in range(1, 5)
    )
    html = f"<html><body><article><h1>The best lamps</h1>{picks}</article></body></html>"
    text = to_text(parse_html(html))
    assert "This lamp lights a whole room" in text
    assert "Buy on Amazon" not in text


def test_a_card_told_by_its_bio_is_cut_without_the_metadata_naming_its_author() -> None:
    def para(text: str) -> Paragraph:
        return Paragraph(content=(Text(text=text),))

    body = [para(f"{CARD_PROSE} Part {i}.") for i in range(4)]
    portrait = Figure(image=Image(src="https://e.x/jane.jpg", alt="Jane Roe"), caption=())
    card = [
        portrait,
        Heading(level=3, content=(Text(text="Jane Roe"),)),
        para("Senior Garden Editor"),
        para("Jane's love of beans led her to write about vegetables for ten years."),
    ]
    rec = Recommendations(title="More", items=(Recommendation(title="A", url="https://e.x/a"),))
    assert cut_author_card([*body, *card, rec], []) == [*body, rec]
    # "Written by" says it without a role line
    written = [para("Written by Jane Roe"), para("Jane Roe writes about gardens.")]
    assert cut_author_card([*body, *written], []) == body
    # cards stacked one under another (the writer's, the reviewer's) go together
    other = [para("John Doe"), para("Reviewer"), para("John Doe is a botanist.")]
    assert cut_author_card([*body, *card, *other], []) == body


@pytest.mark.parametrize(
    "tail",
    [
        # a name over a sentence about that person, without a role: a list of people
        [Paragraph(content=(Text(text="Jane Roe"),)), _para("Jane Roe grows beans.")],
        # a heading that is no name (a number, a lower-case last word, a question)
        [_para("Top 10 Gardens"), _para("Gardener"), _para("Top 10 Gardens is a list.")],
        [_para("Cheaper than the rest"), _para("Price"), _para("Cheaper than the rest, it is.")],
        [_para("Who Is Jane Roe?"), _para("Gardener"), _para("Who is Jane Roe? A gardener.")],
        # the role line is a paragraph of text, not a role
        [_para("Jane Roe"), _para("Text. " * 30), _para("Jane Roe grows beans.")],
    ],
)
def test_name_lines_that_head_no_bio_stay(tail: list[Block]) -> None:
    body: list[Block] = [_para(f"{CARD_PROSE} Part {i}.") for i in range(4)]
    assert cut_author_card([*body, *tail], []) == [*body, *tail]


@pytest.mark.parametrize(
    "line",
    [
        "#4 · Aug 5, 2023",
        "Posted November 24, 2023",
        "posted 6 years ago",
        "3 Likes",
        "1 Like",
        "Thread starter",
        "Topic starter",
        "Reply",
        "Reply With Quote 0 Not allowed!",
        "asked Oct 5, 2018 at 12:45",
        "Improve this answer",
        "12 gold badges34 silver badges56 bronze badges",
        "· 3y",
        "Jump to Latest",
        "2K views 2 replies 3 participants last post by Ann Nov 14, 2017",
    ],
)
def test_drop_post_furniture_lines(line: str) -> None:
    post = _p("I have been riding this frame for two years and the fit is still right.")
    thread = [_p(line), post, _p(line), post, _p(line), post]
    assert drop_post_furniture(thread) == [post, post, post]


def test_drop_post_furniture_needs_a_thread_of_them() -> None:
    # two such lines are no thread's: an article's "Posted" line and a "Reply" stay
    body = [_p("Posted May 3, 2021"), _p("An article sentence about the budget."), _p("Reply")]
    assert drop_post_furniture(body) == body
    # a post's number alone stays (a list article numbers its entries so), and so does a
    # longer sentence that starts like a meta line
    kept = [_p("#1"), _p("#2"), _p("Posted May 3, 2021 by the council, the plan was cut.")]
    assert drop_post_furniture([*kept, _p("3 Likes"), _p("Quote"), _p("Report")]) == kept


def test_drop_post_furniture_in_list_items() -> None:
    def item(text: str) -> ListItem:
        return ListItem(blocks=(_p(text),))

    post = _p("Try a longer stem before you change the saddle height.")
    meta = List(items=(item("Thread starter"), item("#48 · Oct 2, 2022")))
    mixed = List(items=(item("Author"), item("Ann Lee")))
    got = drop_post_furniture([meta, post, mixed, post])
    assert got == [post, List(items=(item("Ann Lee"),)), post]
    assert "Thread starter" not in to_text(Document(blocks=tuple(got)))


@pytest.mark.parametrize(
    "opening",
    [
        "You’re Leaving Example Credit Union’s Website",
        "You're heading to a new site",
        "You are now leaving our website",
        "Leaving our site",
    ],
)
def test_cut_exit_notice(opening: str) -> None:
    body = [_p("An article sentence about saving money, with commas, long enough to count.")]
    notice = [
        _h(2, opening) if len(opening) < 40 else _p(opening),
        _p("By proceeding, please note that the linked site is not operated by us."),
        _p("Continue"),
    ]
    recs = Recommendations(items=(Recommendation(title="More", url="https://example.com/m"),))
    assert cut_exit_notice([*body, *notice]) == body
    assert cut_exit_notice([*body, *notice, recs]) == [*body, recs]


def test_exit_notice_words_inside_the_article_stay() -> None:
    inside = [
        _p("An opening paragraph."),
        _p("You're leaving the city behind when the road climbs into the hills."),
        _p("A long paragraph of the article that follows the line. " * 20),
    ]
    assert cut_exit_notice(inside) == inside
    # a sentence that merely mentions leaving, at the end, is no notice
    for last in ("Pack your bags if you're leaving early.", "You're leaving the city behind."):
        closing = [_p("An opening paragraph."), _p(last)]
        assert cut_exit_notice(closing) == closing


def test_holds_link_looks_where_the_link_paragraph_tests_look() -> None:
    from articlekit.html.blocks import _holds_link
    from articlekit.model import Emphasis, Link, Strong, Text

    link = Link(url="https://example.org/a", content=(Text(text="A story"),))
    assert _holds_link((Text(text="Read more: "), link))
    assert _holds_link((Emphasis(content=(Strong(content=(Text(text="Also: "), link)),)),))
    assert not _holds_link((Text(text="Read more: nothing linked"),))
    # a link inside emphasis beside other inlines is not a line's own link
    assert not _holds_link((Text(text="See "), Emphasis(content=(link,))))


def test_also_read_lines_are_recommendations_and_unlinked_ones_text() -> None:
    html = (
        "<html><body><article><h1>Tides</h1>"
        f"<p>{'The tide rose over the harbour wall twice this week. ' * 4}</p>"
        "<p><em>Read more: <a href='/other-story'>How the harbour wall was built</a></em></p>"
        "<p>Read more: the council will publish its report in spring.</p>"
        f"<p>{'Engineers say the wall will be raised next year. ' * 4}</p>"
        "</article></body></html>"
    )
    doc = parse_html(html, url="https://example.org/tides")
    recs = [block for block in doc.blocks if isinstance(block, Recommendations)]
    assert [item.url for rec in recs for item in rec.items] == ["https://example.org/other-story"]
    assert "Read more: the council will publish its report in spring." in to_text(doc)


def test_comments_and_instructions_in_a_tree_built_in_code_keep_their_tails() -> None:
    # parse_html's parser drops comments; a tree built otherwise holds them among the
    # children the walks read (as a list: ``el[:]``), whose tails are text of the article
    parser = lxml.html.HTMLParser(remove_comments=False, remove_pis=False)
    sentence = "A sentence of the article that is long enough to count as prose here."
    root = lxml.html.document_fromstring(
        "<html><body><article>"
        f"<p>{sentence}</p><!-- a note --><p>{sentence}</p>"
        f"<p>One <!-- x -->two <?pi data?>three <b>bold<!-- y --> words</b>. {sentence}</p>"
        "<table><tr><th>Head</th><th>More</th></tr>"
        "<tr><td>Cell <!-- z -->text</td><td>Other</td></tr></table>"
        f"<p>{sentence}</p>"
        "</article></body></html>",
        parser=parser,
    )
    blocks, _ = extract_blocks(root)
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    assert plain_text(paragraphs[2]).startswith("One two three bold words. A sentence")
    assert paragraphs[3].provenance is not None
    assert paragraphs[3].provenance.path.endswith("/article/p[4]")  # comments not counted
    table = next(b for b in blocks if isinstance(b, Table))
    assert plain_text(table.rows[1]) == "Cell text\tOther"


def test_one_run_paragraphs_and_inline_paragraphs_take_the_same_filters() -> None:
    from articlekit.html.blocks import BlockBuilder

    # one run of text: a boilerplate phrase and a photo credit go, prose and a line of
    # separators stay; inlines: a share bar goes, a lone picture is a figure
    html = (
        "<body><article>"
        "<p>Advertisement</p>"
        "<p>Foto: dpa</p>"
        "<p>A real sentence of the article, long enough to be a paragraph of its own.</p>"
        "<p><a href='https://twitter.com/intent/tweet?url=x'>Tweet</a> "
        "<a href='https://www.facebook.com/sharer/sharer.php?u=x'>Share</a></p>"
        "<p>| · |</p>"
        "<p><img src='https://example.com/a.jpg' alt='A picture'></p>"
        "</article></body>"
    )
    root = parse_tree(html)
    article = root.find(".//article")
    assert article is not None
    builder = BlockBuilder(
        label_page(root), base=None, page_url=None, recs={}, tree=root.getroottree()
    )
    built = [(type(b).__name__, articlekit.plain_text(b)) for b in builder.build([article])]
    assert built == [
        ("Paragraph", "A real sentence of the article, long enough to be a paragraph of its own."),
        ("Paragraph", "| · |"),
        ("Figure", "A picture"),
    ]
