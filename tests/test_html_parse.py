"""Tests for articlekit.html.parse_html: inputs, errors, document shape, fuzzing, corpora."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from articlekit import ArticleKitError, UnsupportedInputError
from articlekit.html import document_text, parse_html
from articlekit.model import Document, Figure, Heading, Paragraph, plain_text
from tests.conftest import CorpusParse

PAGE = (
    "<html><head><title>A day at the sea</title></head><body>"
    "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
    "<main><article><h1>A day at the sea</h1>"
    "<p>We went to the sea on Sunday, and the water was colder than we had expected.</p>"
    "<h2>The beach</h2><p>Sand, shells and a long walk, with a strong wind from the west.</p>"
    "</article></main>"
    "<div id='comments'><p>First comment, which is not part of the article at all.</p></div>"
    "<footer>© 2024 Example</footer></body></html>"
)


def test_str_bytes_and_soup_give_the_same_document() -> None:
    from_str = parse_html(PAGE, url="https://example.org/sea")
    from_bytes = parse_html(PAGE.encode("utf-8"), url="https://example.org/sea")
    from_soup = parse_html(BeautifulSoup(PAGE, "html.parser"), url="https://example.org/sea")
    assert from_str.blocks == from_bytes.blocks == from_soup.blocks
    assert from_bytes.source.encoding == "utf-8"


def test_document_shape() -> None:
    doc = parse_html(PAGE, url="https://example.org/sea")
    assert doc.title == "A day at the sea"
    assert [type(b) for b in doc.blocks] == [Paragraph, Heading, Paragraph]
    assert doc.source.url == "https://example.org/sea"
    assert doc.source.format == "html" and doc.source.parser == "html"
    text = document_text(doc)
    assert "colder than we had expected" in text
    assert "Home" not in text and "First comment" not in text and "2024" not in text


def test_comments_on_request() -> None:
    doc = parse_html(PAGE, comments=True)
    assert "First comment" in doc.plain_text() or doc.blocks  # the article still wins
    assert any("colder" in plain_text(b) for b in doc.blocks)


def test_declared_latin1_page_with_utf8_bytes() -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"></head><body><p>Grüße aus Köln, '
        + "x" * 60
        + "</p></body></html>"
    )
    doc = parse_html(page.encode("utf-8"))
    assert "Grüße aus Köln" in doc.plain_text()
    assert doc.source.encoding == "utf-8"


@pytest.mark.parametrize("empty", [b"", b"   ", ""])
def test_empty_input_raises(empty: str | bytes) -> None:
    with pytest.raises(UnsupportedInputError):
        parse_html(empty)


def test_wrong_type_raises() -> None:
    with pytest.raises(UnsupportedInputError):
        parse_html(12)


def test_page_without_article_gives_no_blocks() -> None:
    doc = parse_html("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert isinstance(doc, Document)
    assert doc.blocks == ()


def test_output_is_deterministic() -> None:
    assert parse_html(PAGE) == parse_html(PAGE)


_TAGS = ["div", "p", "span", "a", "ul", "li", "table", "tr", "td", "h2", "em", "pre", "figure"]


@st.composite
def mangled_html(draw: st.DrawFn) -> str | bytes:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(_TAGS))
        if kind == 0:
            parts.append(
                f"<{tag} class='{draw(st.sampled_from(['x', 'related', 'nav', 'content']))}'>"
            )
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(st.text(max_size=40)))
    page = "".join(parts)
    cut = draw(st.integers(0, len(page)))
    page = page[:cut]  # truncated
    if draw(st.booleans()):
        return page.encode("utf-8", "surrogatepass")
    return page


@given(mangled_html())
def test_mangled_html_gives_document_or_articlekit_error(page: str | bytes) -> None:
    try:
        doc = parse_html(page)
    except ArticleKitError:
        return
    assert isinstance(doc, Document)


@given(st.binary(max_size=3000))
def test_random_bytes_give_document_or_articlekit_error(data: bytes) -> None:
    try:
        doc = parse_html(data)
    except ArticleKitError:
        return
    assert isinstance(doc, Document)


@pytest.mark.parametrize("depth", [300, 5000])
def test_deep_nesting(depth: int) -> None:
    page = "<div>" * depth + "<p>" + "deep text, " * 20 + "</p>" + "</div>" * depth
    doc = parse_html(page)
    assert isinstance(doc, Document)


def test_large_page_keeps_every_paragraph() -> None:
    para = "<p>" + "Sentence with words, commas, and more words. " * 10 + "</p>"
    small = "<html><body><article>" + para * 50 + "</article></body></html>"
    large = "<html><body><article>" + para * 400 + "</article></body></html>"
    doc = parse_html(large)
    assert sum(isinstance(b, Paragraph) for b in doc.blocks) == 400
    assert sum(isinstance(b, Paragraph) for b in parse_html(small).blocks) == 50


# determinism is checked on a sample (every page is parsed once, a sample twice)
DETERMINISM_SAMPLE = 30


def _corpus_pages(corpus: Path) -> list[tuple[Path, str | None]]:
    pages: list[tuple[Path, str | None]] = []
    data = json.loads((corpus / "trafilatura-eval" / "evaldata.json").read_text(encoding="utf-8"))
    for key, item in data.items():
        url = key if key.startswith("http") else None
        pages.append((corpus / "trafilatura-eval" / "html" / item["file"], url))
    for folder in sorted((corpus / "readability-pages").iterdir()):
        if (folder / "source.html.gz").exists():
            pages.append((folder / "source.html.gz", "http://fakehost/test/page.html"))
    return pages


def test_corpus_pages_give_document_or_articlekit_error(
    corpus: Path, corpus_document: CorpusParse
) -> None:
    pages = _corpus_pages(corpus)
    assert len(pages) > 400
    again = set(random.Random(5).sample(range(len(pages)), DETERMINISM_SAMPLE))
    for index, (path, url) in enumerate(pages):
        try:
            doc = corpus_document(path, url)
        except ArticleKitError:
            continue
        assert isinstance(doc, Document), path
        if index in again:
            raw = gzip.decompress(path.read_bytes())
            assert parse_html(raw, url=url) == doc, f"{path}: output differs between runs"


RELEASE_PAGE = (
    "<html><head><title>Tides</title>"
    '<script type="application/ld+json">{"@type": "NewsArticle"}</script></head><body>'
    "<nav><a href='/'>Home</a></nav><main><article><h1>Tides</h1>"
    "<p>Published <time>2024-05-01</time>, with a lead that says what the piece is about.</p>"
    + "<p>The sea rises twice a day, and the harbour fills, boats lift, and gulls wait.</p>"
    * 12
    + "<h2>Charts</h2><ul><li>High water at noon, as the tables say.</li><li>Low water at six.</li>"
    "</ul><blockquote><p>The moon pulls the sea, and the sea follows it round the earth.</p>"
    "</blockquote><figure><img src='/chart.png' alt='A chart'><figcaption>The chart"
    "</figcaption></figure><table><tr><th>Time</th><th>Height</th></tr><tr><td>12:00</td>"
    "<td>4 m</td></tr><tr><td>18:00</td><td>1 m</td></tr></table>"
    "<div><p>Nested text in a div, long enough to count as a paragraph of the piece.</p>"
    '<script type="application/ld+json">{"@type": "Article"}</script></div>'
    "<h2>Related</h2><ul><li><a href='/a'>Another long article about tides</a></li>"
    "<li><a href='/b'>And one more article about the moon</a></li></ul>"
    "</article></main><footer>Footer</footer></body></html>"
)


@pytest.mark.parametrize("page", [RELEASE_PAGE, PAGE])
def test_freeing_the_tree_while_building_changes_nothing(
    page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import articlekit.html as html_module

    kept = parse_html(page.encode(), url="https://example.org/tides")
    monkeypatch.setattr(html_module, "RELEASE_TREE_SIZE", 0)
    freed = parse_html(page.encode(), url="https://example.org/tides")
    assert freed == kept
    assert freed.verdict == kept.verdict


def test_corpus_pages_are_the_same_with_the_tree_freed(
    corpus: Path, corpus_document: CorpusParse, monkeypatch: pytest.MonkeyPatch
) -> None:
    import articlekit.html as html_module

    pages = random.Random(11).sample(_corpus_pages(corpus), 40)
    kept = [corpus_document(path, url) for path, url in pages]  # (the tree kept whole)
    monkeypatch.setattr(html_module, "RELEASE_TREE_SIZE", 0)
    for (path, url), doc in zip(pages, kept, strict=True):
        assert parse_html(gzip.decompress(path.read_bytes()), url=url) == doc


def test_pages_below_the_release_size_hold_their_element_proxies() -> None:
    from articlekit.html import RELEASE_TREE_SIZE, _proxy_holder

    assert _proxy_holder(0) == []
    assert _proxy_holder(RELEASE_TREE_SIZE - 1) == []
    # a large page's tree is freed as its blocks are built: nothing may hold its elements
    assert _proxy_holder(RELEASE_TREE_SIZE) is None


_CANONICAL_PAGE = (
    "<html><head>{head}</head><body><article>"
    "<p>The body of the story is long enough to be the article, and it links to "
    '<a href="/more/story.html">another story</a> on the same site.</p>'
    '<img src="/img/photo.jpg" alt="A photo">'
    "<p>A second paragraph adds a little more text to the story, so it reads as prose.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        pytest.param(
            '<link rel="canonical" href="https://news.example.org/2020/story.html">',
            None,
            "https://news.example.org/more/story.html",
            id="canonical-resolves",
        ),
        pytest.param(
            '<meta property="og:url" content="https://news.example.org/2020/story.html">',
            None,
            "https://news.example.org/more/story.html",
            id="og-url-resolves",
        ),
        pytest.param(
            '<link rel="canonical" href="https://news.example.org/2020/story.html">',
            "https://mirror.example.net/a/b.html",
            "https://mirror.example.net/more/story.html",
            id="url-argument-wins",
        ),
        pytest.param(
            '<link rel="canonical" href="http://[::1">', None, "/more/story.html", id="broken"
        ),
        pytest.param("", None, "/more/story.html", id="none-declared"),
    ],
)
def test_relative_links_resolve_against_declared_url(
    head: str, url: str | None, expected: str
) -> None:
    doc = parse_html(_CANONICAL_PAGE.format(head=head), url=url)
    links = [link.url for link in doc.links()]
    assert links == [expected]
    images = [b.image.src for b in doc.walk() if isinstance(b, Figure)]
    assert images == [expected.replace("more/story.html", "img/photo.jpg")]
    assert doc.source.url == url


def test_parse_html_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    was = gc.isenabled()
    try:
        gc.enable()
        doc = parse_html(PAGE)
        assert gc.isenabled()
        assert any(isinstance(b, Paragraph) for b in doc.blocks)
        with pytest.raises(UnsupportedInputError):
            parse_html(b"   ")
        assert gc.isenabled()  # turned back on after an error too
        gc.disable()
        parse_html(PAGE)
        assert not gc.isenabled()  # a program that turned it off keeps it off
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


def test_reading_a_page_makes_no_reference_cycles() -> None:
    # parse_html pauses the collector on the grounds that reference counting frees all it
    # makes; a cycle would stay in memory until the collector next ran
    import gc

    parse_html(PAGE, url="https://example.com/a")  # imports and memos warmed
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        doc = parse_html(PAGE, url="https://example.com/a")
        del doc
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()


def test_body_chars_counts_until_both_thresholds_are_met() -> None:
    # parse_html only compares the count with MIN_VISIBLE_ARTICLE_CHARS and
    # FULL_SIGNALS_BELOW_CHARS (or, below them, with another count): exact below the cap
    from articlekit.html import _ENOUGH_BODY_CHARS, _body_chars
    from articlekit.model import Recommendation, Recommendations, Text

    def para(n: int) -> Paragraph:
        return Paragraph(content=(Text(text="x" * n),))

    rec = Recommendations(
        title="More", items=(Recommendation(title="y" * 900, url="https://e.com/y"),)
    )
    assert _body_chars([para(100), rec, para(50)]) == 150  # recommendations are not body
    assert _body_chars([]) == 0
    assert _body_chars([para(_ENOUGH_BODY_CHARS - 1)]) == _ENOUGH_BODY_CHARS - 1
    big = [para(300), para(300), para(10_000)]
    assert _ENOUGH_BODY_CHARS <= _body_chars(big) < sum(len(plain_text(b)) for b in big)
