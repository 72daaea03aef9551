"""Structures a reader expects kept whole (session 26): each carried by a small article page.

Every fixture is written for the test: a header with a menu, an ``<article>`` with its
headline, byline and paragraphs, a footer, and ONE structure in the body: numbered code,
a gallery, a quotation's attribution, a lazy picture. None reproduces a page of the corpora.
"""

from __future__ import annotations

import pytest
from lxml.html import fragment_fromstring

from articlekit import parse_html, to_markdown
from articlekit.html.blocks import code_language, code_table, code_text, gallery_captions
from articlekit.html.tree import image_source
from articlekit.model import CodeBlock, Document, Figure, Paragraph, Quote, Table, plain_text

PROSE = (
    "The city council voted on Tuesday to extend the riverside cycle path by another four "
    "kilometres, ending a dispute that had dragged on for almost three years.",
    "Supporters of the plan argued that the existing path, which stops at the old grain "
    "warehouse, pushes cyclists onto a busy road where two accidents were recorded.",
    "Opponents, many of them owners of houseboats moored along the bank, said the extension "
    "would cut through gardens they have tended for decades and bring noise at night.",
    "The compromise approved this week moves the route twenty metres inland for most of "
    "its length and adds a wooden boardwalk where the bank is too narrow for paving.",
)
URL = "https://gazette.example.com/news/2024/cycle-path"


def _page(structure: str) -> str:
    before = "".join(f"<p>{p}</p>" for p in PROSE[:2])
    after = "".join(f"<p>{p}</p>" for p in PROSE[2:])
    return (
        "<html><head><title>Council approves cycle path | The Gazette</title></head><body>"
        '<header><a href="/">The Gazette</a><nav><ul><li><a href="/news">News</a></li>'
        '<li><a href="/sport">Sport</a></li></ul></nav></header>'
        "<main><article><h1>Council approves cycle path</h1>"
        '<p class="byline">By <a href="/authors/jane-roe">Jane Roe</a></p>'
        f'<div class="article-body">{before}{structure}{after}</div></article></main>'
        "<footer><p>© 2024 The Gazette. All rights reserved.</p></footer></body></html>"
    )


def _doc(structure: str) -> Document:
    return parse_html(_page(structure), url=URL)


def _blocks_of(doc: Document, kind: type) -> list:  # type: ignore[type-arg]
    return [b for b in doc.body if isinstance(b, kind)]


# ---------------------------------------------------------------- code

CODE = "def route(a, b):\n    return [a, b]"


@pytest.mark.parametrize(
    "markup",
    [
        # a <br> ends a line inside <pre>, as a browser shows it
        "<pre>def route(a, b):<br>    return [a, b]</pre>",
        # Chroma (Hugo) numbers each line with a span of its own
        '<pre class="chroma"><code class="language-python"><span class="line">'
        '<span class="ln">1</span><span class="cl">def route(a, b):\n</span></span>'
        '<span class="line"><span class="ln">2</span><span class="cl">    return [a, b]\n'
        "</span></span></code></pre>",
        # highlight.js's line-number plugin: a table of rows inside the <code>
        '<pre><code class="hljs"><table class="hljs-ln"><tr><td class="hljs-ln-numbers">'
        '<div class="hljs-ln-n" data-line-number="1"></div></td><td class="hljs-ln-code">'
        'def route(a, b):</td></tr><tr><td class="hljs-ln-numbers"><div class="hljs-ln-n">'
        '</div></td><td class="hljs-ln-code">    return [a, b]</td></tr></table></code></pre>',
        # Rouge (Jekyll) with line numbers: a gutter cell and a code cell inside <pre>
        '<pre><code><table class="rouge-table"><tr><td class="gutter gl"><pre class="lineno">'
        '1\n2\n</pre></td><td class="code"><pre>def route(a, b):\n    return [a, b]\n</pre>'
        "</td></tr></table></code></pre>",
    ],
)
def test_pre_reads_as_its_code_without_line_numbers(markup: str) -> None:
    (block,) = _blocks_of(_doc(f"<p>The planner script:</p>{markup}"), CodeBlock)
    assert block.code == CODE


@pytest.mark.parametrize(
    "markup",
    [
        # Pygments' "table" line numbers: a gutter cell beside the code cell
        '<div class="highlight"><table class="highlighttable"><tr><td class="linenos">'
        '<div class="linenodiv"><pre>1\n2</pre></div></td><td class="code">'
        '<div class="highlight"><pre><span class="k">def</span> route(a, b):\n'
        "    return [a, b]\n</pre></div></td></tr></table></div>",
        # Hugo's "lntable": both cells named alike, the gutter's <pre> holds digits alone
        '<table class="lntable"><tr><td class="lntd"><pre><code><span class="lnt">1\n</span>'
        '<span class="lnt">2\n</span></code></pre></td><td class="lntd"><pre><code>'
        "def route(a, b):\n    return [a, b]\n</code></pre></td></tr></table>",
        # a GitHub gist: one row a line, empty number cells, no-break spaces kept as spaces
        '<table class="highlight"><tr><td class="blob-num" data-line-number="1"></td>'
        '<td class="blob-code blob-code-inner">def route(a, b):</td></tr>'
        '<tr><td class="blob-num" data-line-number="2"></td>'
        '<td class="blob-code blob-code-inner">\u00a0\u00a0\u00a0\u00a0return [a, b]</td></tr>'
        "</table>",
        # SyntaxHighlighter: lines drawn as <div class="line"> in both cells
        '<div class="syntaxhighlighter"><table><tr><td class="gutter"><div class="line">1</div>'
        '<div class="line">2</div></td><td class="code"><div class="container">'
        '<div class="line"><code>def</code> <code>route(a, b):</code></div>'
        '<div class="line"><code>&nbsp;&nbsp;&nbsp;&nbsp;</code><code>return [a, b]</code>'
        "</div></div></td></tr></table></div>",
    ],
)
def test_code_table_is_one_code_block_without_its_numbers(markup: str) -> None:
    doc = _doc(f"<p>The planner script:</p>{markup}")
    (block,) = _blocks_of(doc, CodeBlock)
    assert block.code == CODE
    assert not _blocks_of(doc, Table)
    assert "1\n2" not in to_markdown(doc)


def test_a_data_table_numbered_in_its_first_column_stays_a_table() -> None:
    table = (
        "<table><tr><th>Rank</th><th>City</th></tr><tr><td>1</td><td>Utrecht</td></tr>"
        "<tr><td>2</td><td>Ghent</td></tr></table>"
    )
    assert code_table(fragment_fromstring(table)) is None
    assert _blocks_of(_doc(table), Table)
    # a first column of numbers beside cells named as code is still no gutter by itself
    named = '<table><tr><td>1</td><td class="code">AF</td></tr></table>'
    assert code_table(fragment_fromstring(named)) is None


def test_code_text_keeps_a_plain_pre_as_it_is() -> None:
    pre = fragment_fromstring("<pre>a  b\n<span>1</span> c</pre>")
    assert code_text(pre) == "a  b\n1 c"  # a span of digits not named a gutter is code


@pytest.mark.parametrize(
    ("markup", "language"),
    [
        (
            '<div class="language-ruby highlighter-rouge"><div class="highlight">'
            '<pre class="highlight"><code>puts 1</code></pre></div></div>',
            "ruby",
        ),
        (
            '<div class="highlight-python notranslate"><div class="highlight"><pre>x = 1</pre>'
            "</div></div>",
            "python",
        ),
        (
            '<div class="highlight-default notranslate"><div class="highlight"><pre>x = 1</pre>'
            "</div></div>",
            None,
        ),
        # a wrapper holding more than the code names nothing of it
        ('<div class="language-ruby"><p>Intro</p><pre>puts 1</pre></div>', None),
    ],
)
def test_code_language_read_off_wrappers(markup: str, language: str | None) -> None:
    pre = next(fragment_fromstring(markup).iter("pre"))
    assert code_language(pre) == language


def test_gist_footer_is_furniture() -> None:
    gist = (
        '<div class="gist"><table class="highlight"><tr><td class="blob-num"></td>'
        '<td class="blob-code">print("hi")</td></tr></table><div class="gist-meta">'
        '<a href="https://gist.github.com/x/raw">view raw</a> route.py hosted with ❤ by '
        '<a href="https://github.com">GitHub</a></div></div>'
    )
    markdown = to_markdown(_doc(gist))
    assert 'print("hi")' in markdown
    assert "hosted with" not in markdown


# ---------------------------------------------------------------- galleries


def _gallery_page(count: int) -> str:
    figures = "".join(
        f'<figure class="wp-block-image"><a href="/img/g{i}-large.jpg"><img src="/img/g{i}.jpg" '
        f'alt="View {i}"></a><figcaption>View {i} of the river bank</figcaption></figure>'
        for i in range(1, count + 1)
    )
    return (
        f'<figure class="wp-block-gallery">{figures}'
        "<figcaption>The river in March</figcaption></figure>"
    )


def test_gallery_gives_each_picture_its_own_caption() -> None:
    doc = _doc(_gallery_page(6))
    figures = _blocks_of(doc, Figure)
    assert [plain_text(f.caption) for f in figures] == [
        f"View {i} of the river bank" for i in range(1, 7)
    ]
    assert [f.image.src for f in figures] == [
        f"https://gazette.example.com/img/g{i}.jpg" for i in range(1, 7)
    ]
    # the gallery's own caption stays, after its pictures
    assert any(plain_text(p) == "The river in March" for p in _blocks_of(doc, Paragraph))


def test_classic_gallery_of_definition_lists() -> None:
    items = "".join(
        f'<dl class="gallery-item"><dt class="gallery-icon"><a href="/img/g{i}-big.jpg">'
        f'<img src="/img/g{i}.jpg" alt=""></a></dt><dd class="gallery-caption">Stage {i} of '
        "the works</dd></dl>"
        for i in range(1, 4)
    )
    doc = _doc(f'<div class="gallery">{items}</div>')
    figures = _blocks_of(doc, Figure)
    assert [plain_text(f.caption) for f in figures] == [
        f"Stage {i} of the works" for i in (1, 2, 3)
    ]
    assert "**" not in to_markdown(doc)  # no picture set as a bold term


def test_one_picture_and_its_badge_under_one_caption_stay_one_figure() -> None:
    box = (
        '<figure><figure class="image-wrapper"><img src="/img/laptop.jpg" alt="Laptop">'
        '<figcaption><div class="credit">Credit: Jane Roe</div></figcaption>'
        '<img src="/img/award.svg" alt=""></figure>'
        "<figcaption>The laptop packs a lot of power.</figcaption></figure>"
    )
    assert gallery_captions(fragment_fromstring(box)) == []


def test_a_caption_inside_a_caption_counts_once_in_page_order() -> None:
    figures = "".join(
        f'<figure><img src="/img/g{i}.jpg"><figcaption>Stage {i}'
        f'<span class="caption-credit">Photo {i}</span></figcaption></figure>'
        for i in range(1, 4)
    )
    box = fragment_fromstring(f'<figure class="wp-block-gallery">{figures}</figure>')
    captions = gallery_captions(box)
    assert [c.tag for c in captions] == ["figcaption"] * 3
    assert [c.text for c in captions] == ["Stage 1", "Stage 2", "Stage 3"]


def test_captions_of_pictures_a_script_draws_are_no_gallery() -> None:
    blank = "data:image/svg+xml,%3Csvg%3E%3C/svg%3E"
    box = (
        f'<figure class="wp-block-gallery"><figure><img src="{blank}"><figcaption>A</figcaption>'
        f'</figure><figure><img src="{blank}#2"><figcaption>B</figcaption></figure></figure>'
    )
    assert gallery_captions(fragment_fromstring(box)) == []


# ---------------------------------------------------------------- quotes


def test_quotation_keeps_its_attribution_footer() -> None:
    doc = _doc(
        "<blockquote><p>We have waited long enough for a safe way to ride into town.</p>"
        "<footer>— <cite>Maria Lopez</cite></footer></blockquote>"
    )
    (quote,) = _blocks_of(doc, Quote)
    assert plain_text(quote.blocks[-1]) == "— Maria Lopez"
    assert "All rights reserved" not in doc.plain_text()  # the page's footer still goes


def test_bootstrap_blockquote_footer_is_kept() -> None:
    doc = _doc(
        '<blockquote class="blockquote"><p>We have waited long enough for a safe path.</p>'
        '<footer class="blockquote-footer">Maria Lopez in <cite>The Cyclist</cite></footer>'
        "</blockquote>"
    )
    (quote,) = _blocks_of(doc, Quote)
    assert "Maria Lopez in The Cyclist" in plain_text(quote)


# ---------------------------------------------------------------- pictures


@pytest.mark.parametrize(
    ("img", "expected"),
    [
        # a stand-in marked lazy: the lazy srcset is the picture
        (
            '<img class="lazyload" src="/img/placeholder.gif" '
            'data-srcset="/img/w-400.jpg 400w, /img/w-1200.jpg 1200w">',
            "/img/w-1200.jpg",
        ),
        # a real src marked lazy beside a thumbnail in plain srcset keeps its src
        ('<img class="lazyload" src="/img/w-500.jpg" srcset="/img/w-80.jpg">', "/img/w-500.jpg"),
    ],
)
def test_lazy_srcset_in_place_of_a_stand_in(img: str, expected: str) -> None:
    assert image_source(fragment_fromstring(img)) == expected


def test_lead_figure_inside_a_lead_box_is_not_repeated() -> None:
    page = (
        "<html><head><title>Banks are broke | Mag</title></head><body><main><article>"
        "<header><h1>Banks are broke</h1>"
        '<p class="content-header__dek">Our present financial ruin is a business model.</p>'
        '<div class="lead-asset"><figure><img src="/img/dollar.jpg" alt="A crumpled bill">'
        "<figcaption>A crumpled dollar bill on a table. Photograph: Jane Roe/Agency</figcaption>"
        "</figure></div></header>"
        f'<div class="body">{"".join(f"<p>{p}</p>" for p in PROSE)}</div>'
        "</article></main></body></html>"
    )
    doc = parse_html(page, url=URL)
    assert len(_blocks_of(doc, Figure)) == 1


def test_definition_list_of_a_picture_and_its_caption_is_a_figure() -> None:
    doc = _doc(
        '<dl class="attachbox"><dt><a href="/files/42.jpg"><img src="/files/42-thumb.jpg" '
        'alt="Front view"></a></dt><dd>The front of the new boardwalk</dd></dl>'
    )
    (figure,) = _blocks_of(doc, Figure)
    assert plain_text(figure.caption) == "The front of the new boardwalk"
    assert "**" not in to_markdown(doc)
    # a definition list of words stays one
    terms = _doc("<dl><dt>Boardwalk</dt><dd>A raised wooden path over the water.</dd></dl>")
    assert not _blocks_of(terms, Figure)
    assert "**Boardwalk**" in to_markdown(terms)


# ---------------------------------------------------------------- pull quotes, footnotes


def test_pull_quote_repeating_the_text_is_left_out() -> None:
    pull = (
        '<blockquote class="pullquote">Owners of houseboats said the extension would cut '
        "through gardens they have tended for decades</blockquote>"
    )
    doc = _doc(pull)
    assert not _blocks_of(doc, Quote)
    assert doc.plain_text().count("gardens they have tended for decades") == 1


def test_pull_quote_of_its_own_words_stays() -> None:
    doc = _doc(
        '<blockquote class="pull-quote">A path for everyone, at last, to the sea</blockquote>'
    )
    (quote,) = _blocks_of(doc, Quote)
    assert plain_text(quote) == "A path for everyone, at last, to the sea"


def test_a_quote_repeating_the_text_without_a_pull_quote_name_stays() -> None:
    doc = _doc(
        "<blockquote>Owners of houseboats said the extension would cut through gardens "
        "they have tended for decades</blockquote>"
    )
    assert _blocks_of(doc, Quote)


def test_footnote_back_links_are_left_out() -> None:
    doc = _doc(
        '<p>The route was first proposed in 2019.<sup id="r1"><a href="#fn1">1</a></sup></p>'
        '<section class="footnotes"><ol><li id="fn1"><p>Council minutes, 4 June 2019. '
        '<a href="#r1" class="footnote-backref">\u21a9\ufe0e</a></p></li></ol></section>'
    )
    markdown = to_markdown(doc)
    assert "Council minutes, 4 June 2019." in markdown
    assert "\u21a9" not in markdown
    assert "[1](https://gazette.example.com/news/2024/cycle-path#fn1)" in markdown  # the mark


def test_an_encyclopedia_caret_before_a_reference_stays() -> None:
    doc = _doc(
        '<ol class="references"><li id="cite_note-1"><b><a href="#cite_ref-1">^</a></b> '
        "Council minutes, 4 June 2019.</li></ol>"
    )
    assert "^" in to_markdown(doc)
