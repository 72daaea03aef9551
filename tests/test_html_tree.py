"""Tests for articlekit.html.tree: hardened parsing, soup interop, URL and image helpers."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from lxml.html import HtmlElement

from articlekit.errors import ParseError, UnsupportedInputError
from articlekit.html.tree import (
    _best_from_srcset,
    base_url,
    collapse_ws,
    flatten_deep_markup,
    image_source,
    join_url,
    marks_streamed_parts,
    parse_tree,
    parse_tree_utf8,
    place_streamed_segments,
    resolve_url,
    text_of,
    tree_from_soup,
)


def test_parse_returns_html_root() -> None:
    root = parse_tree("<p>Hello</p>")
    assert root.tag == "html"
    assert root.findtext(".//p") == "Hello"


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_input_is_unsupported(text: str) -> None:
    with pytest.raises(UnsupportedInputError):
        parse_tree(text)


def test_control_characters_and_xml_declaration_are_tolerated() -> None:
    root = parse_tree('<?xml version="1.0" encoding="utf-8"?><p>a\x00b\x0bc</p>')
    assert root.findtext(".//p") == "ab\x0bc"  # NUL dropped as browsers do, the rest kept


def test_lone_surrogates_are_replaced() -> None:
    root = parse_tree("<p>x\ud800y</p>")
    assert root.findtext(".//p") == "x\ufffdy"


def test_entities_are_not_expanded_beyond_html() -> None:
    page = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>&e;</p>'
    root = parse_tree(page)
    text = "".join(root.itertext())
    assert "root:" not in text


def test_very_deep_nesting_is_bounded() -> None:
    root = parse_tree("<div>" * 100_000 + "deep" + "</div>" * 100_000)
    depth = max(sum(1 for _ in el.iterancestors()) for el in root.iter())
    assert depth < 1000


def test_text_after_the_parser_depth_limit_is_kept() -> None:
    # libxml2 stops reading at 256 levels: without the flattening fallback the text after
    # the first too-deep element, and the rest of the page, were silently lost
    page = "".join(f"<div><p>para {i}</p>" for i in range(1200)) + "</div>" * 1200
    root = parse_tree(f"<html><body>{page}<p>TAIL</p></body></html>")
    text = root.text_content()
    assert all(f"para {i}" in text for i in (0, 255, 256, 1199))
    assert text.endswith("TAIL")
    assert max(sum(1 for _ in el.iterancestors()) for el in root.iter()) < 256


@pytest.mark.parametrize("parse", [parse_tree, lambda text: parse_tree_utf8(text.encode())])
def test_markup_after_the_end_tags_goes_on_in_the_body(
    parse: Callable[[str], HtmlElement],
) -> None:
    # a header template that closes the page early: libxml2 put the article in a second
    # <html> beside the root, where no walk saw it; a browser shows it in the body
    page = (
        "<!DOCTYPE html><html><head><title>T</title></head><body><nav>Menu</nav>"
        "</body></html>\n<div class='post'><h1>Title</h1><p>First paragraph.</p></div>"
        " loose text<footer>Foot</footer></body></html>"
    )
    root = parse(page)
    body = root.find("body")
    assert body is not None
    assert [child.tag for child in body] == ["nav", "div", "footer"]
    assert body.findtext(".//p") == "First paragraph."
    assert "loose text" in body.text_content()
    assert root.findtext("head/title") == "T"
    assert all(len(sibling) == 0 and not sibling.text for sibling in root.itersiblings())


def test_text_after_the_end_tags_with_control_characters_moves() -> None:
    # the parser keeps control characters in text that lxml refuses to set from Python:
    # the moved text goes without them (a ValueError escaped before)
    root = parse_tree_utf8(
        b"<html><body><p>First.</p></body></html>After\x01 the end\x0b, text\x1f goes on."
    )
    body = root.find("body")
    assert body is not None
    assert body.text_content() == "First.After the end, text goes on."


def test_a_head_after_the_end_tags_joins_the_head() -> None:
    root = parse_tree(
        "<html><head><title>T</title></head><body><p>a</p></body></html>"
        "<html><head><meta name='x' content='y'></head><body><p>b</p></body></html>"
    )
    assert [p.text for p in root.iter("p")] == ["a", "b"]
    assert root.find("head/title") is not None


def test_a_page_after_its_end_tags_reads_whole() -> None:
    import articlekit

    prose = "A sentence of the article that goes on for a while, as prose does. " * 4
    page = (
        "<html><head><title>Headline</title></head><body><header>Site</header></body>"
        f"</html><main><h1>Headline</h1><p>{prose}</p><p>{prose}</p></main>"
    )
    assert prose.strip() in articlekit.to_text(articlekit.parse_html(page))


def test_unclosed_inline_tags_past_the_limit_keep_the_page() -> None:
    # an old forum page with hundreds of <font> tags never closed
    root = parse_tree_utf8(b"<p>start</p>" + b"<font size=2>x " * 400 + b"<p>after</p>")
    text = root.text_content()
    assert text.count("x") == 400 and text.endswith("after")


def test_flatten_keeps_shallow_markup_and_raw_text() -> None:
    data = (
        b"<div><!-- <div> --><script>if (a<b) w('</div>')</SCRIPT >"
        b'<div title="a>b"><p>1<p>2</div></div><br/><i>end</i>'
    )
    assert flatten_deep_markup(data, max_depth=1) == (
        b"<div><!-- <div> --><script>if (a<b) w('</div>')</SCRIPT >"
        b"<br><br>1<br>2</div><br><br/><i>end</i>"
    )
    # nothing is dropped when the page is shallow enough
    assert flatten_deep_markup(data, max_depth=10) == data


def test_flatten_is_linear_on_unclosed_angle_brackets() -> None:
    data = b"<a " * 200_000 + b"<div>" * 300 + b"text"
    out = flatten_deep_markup(data, max_depth=200)
    assert out.endswith(b"text") and out.count(b"<div>") == 200


def test_tree_from_soup() -> None:
    soup = BeautifulSoup("<html><body><p>Soup text</p></body></html>", "html.parser")
    root = tree_from_soup(soup)
    assert root.findtext(".//p") == "Soup text"


def test_parse_error_type_exists() -> None:
    assert issubclass(ParseError, Exception)


def test_collapse_ws() -> None:
    assert collapse_ws("a \n\t b  c") == "a b c"


def test_base_url_joins_relative_base() -> None:
    root = parse_tree('<html><head><base href="/sub/"></head><body></body></html>')
    assert base_url(root, "https://example.org/a/b.html") == "https://example.org/sub/"


def test_base_url_to_other_host_only_changes_resolution() -> None:
    root = parse_tree('<html><head><base href="https://cdn.example.net/x/"></head></html>')
    assert base_url(root, "https://example.org/") == "https://cdn.example.net/x/"


def test_base_url_ignores_script_base() -> None:
    root = parse_tree('<html><head><base href="javascript:alert(1)"></head></html>')
    assert base_url(root, "https://example.org/") == "https://example.org/"


@pytest.mark.parametrize(
    "markup",
    [
        '<html><head><base href="/sub/"></head><body><p>x</p></body></html>',
        '<html><head><base target="_top"><base href="/two/"></head><body></body></html>',
        '<html><head></head><body><base href="/in-body/"><p>x</p></body></html>',
        '<html><head><base href=" "><base href="/late/"></head></html>',
        "<html><head><title>t</title></head><body><p>no base</p></body></html>",
    ],
)
def test_base_url_from_the_metadata_walk_matches_the_tree_walk(markup: str) -> None:
    from articlekit.html.metadata import metadata_and_bases

    root = parse_tree(markup)
    _, _, bases = metadata_and_bases(root, url="https://example.org/a/b.html")
    assert [b.tag for b in bases] == [el.tag for el in root.iter("base")]
    url = "https://example.org/a/b.html"
    assert base_url(root, url, bases) == base_url(root, url)


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("/x", "https://example.org/x"),
        ("y.html", "https://example.org/a/y.html"),
        ("https://other.net/z", "https://other.net/z"),
        ("javascript:void(0)", None),
        ("  ", None),
        (None, None),
        ("mailto:a@b.c", "mailto:a@b.c"),
    ],
)
def test_resolve_url(href: str | None, expected: str | None) -> None:
    assert resolve_url(href, "https://example.org/a/b.html") == expected


def _urljoin_or_error(base: str, href: str) -> str | type[ValueError]:
    try:
        return urljoin(base, href)
    except ValueError:
        return ValueError


def _join_url_or_error(base: str, href: str) -> str | type[ValueError]:
    try:
        return join_url(base, href)
    except ValueError:
        return ValueError


@pytest.mark.parametrize(
    "href",
    [
        "/news/a.html?id=3#top",  # the short cuts: a root path, an absolute http(s) URL
        "https://other.net/z?q=1",
        "http://other.net",
        # what urljoin rewrites, or parses with a different result, goes to it
        "/a/./b",
        "/a/../b",
        "/a;p",
        "/a?",
        "/a#",
        "/a?#f",
        "/a\tb",
        "/a\nb",
        "//cdn.example.net/x.js",
        "http:///no-host",
        "http://[::1/x",
        "https://bücher.example/x",
        "HTTP://Example.org/x",
        "b.html",
        "../b.html",
        "?page=2",
        "#notes",
        "",
    ],
)
@pytest.mark.parametrize(
    "base",
    [
        "https://example.org/a/b.html",
        "http://example.org",
        "ftp://example.org/x",
        "",
        "http://[::1",
    ],
)
def test_join_url_is_urljoin(base: str, href: str) -> None:
    assert _join_url_or_error(base, href) == _urljoin_or_error(base, href)


_URL_PARTS = st.lists(
    st.sampled_from(
        [
            *("/", "//", "http://", "https://", "h.net", ".", "..", "a", "B", ";", "?", "#"),
            *("=", "&", "[", "]", ":", "\t", "\n", " ", "%20", "é", "x.html"),
        ]
    ),
    max_size=8,
).map("".join)


@given(
    st.sampled_from(["https://example.org/a/b.html", "http://h.net", "https://h.net/d/", ""]),
    _URL_PARTS,
)
def test_join_url_is_urljoin_for_any_href(base: str, href: str) -> None:
    assert _join_url_or_error(base, href) == _urljoin_or_error(base, href)


@pytest.mark.parametrize(
    ("srcset", "expected"),
    [
        ("s.jpg 300w, l.jpg 1200w, m.jpg 600w,", "l.jpg"),
        # a comma inside a URL is the URL's (an image CDN's transformations, a file name)
        ("https://x/w_640,h_480/a.jpg 640w, b.jpg 320w", "https://x/w_640,h_480/a.jpg"),
        ("x/a,b.jpg 100w, x/c,d.jpg 200w", "x/c,d.jpg"),
        ("a.jpg 1x,\n b.jpg 2x\n", "b.jpg"),
        ("a.jpg 1x,b.jpg 2x", "b.jpg"),  # a comma right after a descriptor ends it
        ("a.jpg, b.jpg 2x", "b.jpg"),  # a URL that ends in a comma has no descriptor
        ("a.jpg 2x, , b.jpg 3x", "b.jpg"),
        ("a.jpg 640h", "a.jpg"),  # a height descriptor: no width, the URL stays
        ("a.jpg 2x, b.jpg 2x", "a.jpg"),  # the first of equals
        ("", None),
    ],
)
def test_best_from_srcset(srcset: str, expected: str | None) -> None:
    assert _best_from_srcset(srcset) == expected


@pytest.mark.parametrize(
    ("img", "expected"),
    [
        ('<img src="a.jpg">', "a.jpg"),
        ('<img src="data:image/gif;base64,R0l" data-src="lazy.jpg">', "lazy.jpg"),
        ('<img data-lazy-src="lazy2.jpg">', "lazy2.jpg"),
        ('<img srcset="s.jpg 300w, l.jpg 1200w, m.jpg 600w">', "l.jpg"),
        ('<img src="data:x" data-srcset="a.jpg 1x, b.jpg 2x">', "b.jpg"),
        ('<picture><source srcset="p.webp 800w"><img></picture>', "p.webp"),
        ("<img>", None),
        # a lazy loader's stand-in in src: marked by the img's class or by its own name
        ('<img class="lazy" src="/theme/grey.gif" data-original="photo.jpg">', "photo.jpg"),
        ('<img class="lazyload" src="/t/x.png" data-src="photo.jpg">', "photo.jpg"),
        ('<img src="/img/image-lazy.png" data-src="photo.jpg">', "photo.jpg"),
        # unmarked: src is the picture, data-src another copy of it
        ('<img src="photo.jpg" data-src="photo-small.jpg">', "photo.jpg"),
        ('<img class="lazy" src="photo.jpg" data-src="photo.jpg">', "photo.jpg"),
        # a home-made loader's own names, one per screen size: the large copy wins
        (
            '<img class="lazyloading" src="/i/placeholder.png" data-xs="/p/a-xs.jpg"'
            ' data-lg="/p/a-lg.jpg" data-md="/p/a-md.jpg" data-replaced="0">',
            "/p/a-lg.jpg",
        ),
        ('<img src="data:image/gif;base64,R0l" data-normal="/p/b.webp?w=800">', "/p/b.webp?w=800"),
        ('<img data-thumb="/p/t.jpg" data-image="/p/c.png">', "/p/c.png"),
        # a data attribute that is not a picture's URL is not taken
        (
            '<img class="lazy" src="/i/loading.gif" data-id="42" data-href="/story">',
            "/i/loading.gif",
        ),
        # a real picture in src keeps it, whatever other data attributes hold
        ('<img src="photo.jpg" data-pin-media="other.jpg">', "photo.jpg"),
        # a size word counts at the start of a part of the name: "archive" says nothing
        # large, its "-thumb" says small
        ('<img data-archive-thumb="/p/t.jpg" data-image="/p/c.png">', "/p/c.png"),
        ('<img data-hires="/p/h.jpg" data-src-sm="/p/s.jpg">', "/p/h.jpg"),
        # a JSON value that holds a picture's URL is no URL
        ('<img data-gallery=\'{"src":"/p/a.jpg?w=1"}\'>', None),
        # a stand-in without a lazy attribute: the picture is in the <noscript> after it
        (
            '<img class="lazy" src="/i/grey.gif"><noscript><img src="/p/n.jpg"></noscript>',
            "/p/n.jpg",
        ),
        ('<img src="/i/blank.png"> <noscript><img src="/p/n.jpg"></noscript>', "/p/n.jpg"),
        (
            '<img src="data:image/gif;base64,R0l"><noscript><img src="/p/n.jpg"></noscript>',
            "/p/n.jpg",
        ),
        # ... but not a <noscript> after words, one holding a stand-in too, or after a picture
        ('<img src="/i/blank.png"> and <noscript><img src="/p/n.jpg"></noscript>', "/i/blank.png"),
        ('<img src="/i/blank.png"><noscript><img src="/i/spacer.gif"></noscript>', "/i/blank.png"),
        (
            '<img src="/p/a.jpg"><noscript><img src="https://t.example/px.gif"></noscript>',
            "/p/a.jpg",
        ),
    ],
)
def test_image_source(img: str, expected: str | None) -> None:
    root = parse_tree(f"<body>{img}</body>")
    el = next(root.iter("img"))
    assert image_source(el) == expected


@pytest.mark.parametrize(
    "text",
    [
        "<p>Hello \u00e9 \U0001f600</p>",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>',
        '  \u3000 <?XML version="1.0"?>\n<p>upper-case declaration</p>',
        "<?xml no end",
        "<p>nul\x00 bytes\x00</p>",
        " " * 5000 + "<p>a blank start longer than the head read</p>",
        " " * 4094 + "<?xml version='1.0'?><p>declaration across the head's end</p>",
        "<?xml version='1.0' " + "x" * 5000 + "?><p>a long declaration</p>",
        "<p>" + "long page " * 2000 + "</p>",
    ],
)
def test_parse_tree_utf8_is_parse_tree_of_the_text(text: str) -> None:
    from lxml import etree

    def outcome(parse: Callable[[], HtmlElement]) -> bytes | str:
        try:
            return etree.tostring(parse())
        except (ParseError, UnsupportedInputError) as exc:
            return f"{type(exc).__name__}: {exc}"

    expected = outcome(lambda: parse_tree(text))
    assert outcome(lambda: parse_tree_utf8(text.encode())) == expected


@pytest.mark.parametrize("data", [b" \n\t ", "\u3000 ".encode()])
def test_parse_tree_utf8_refuses_blank_input(data: bytes) -> None:
    with pytest.raises(UnsupportedInputError):
        parse_tree_utf8(data)


def test_metadata_walk_hands_over_every_element_in_page_order() -> None:
    from lxml import etree

    from articlekit.html.metadata import metadata_and_bases

    markup = (
        "<html><head><title>T</title><base href='/b/'></head><body><!-- note -->"
        "<div class='byline'>By Ann</div><p>x<b>y</b></p><svg><g/></svg></body></html>"
    )
    root = parse_tree(markup)
    kept: list[HtmlElement] = []
    title, meta, bases = metadata_and_bases(root, url="https://example.org/", keep=kept)
    assert kept == list(root.iter(etree.Element))
    # the same answer as without holding the elements
    again, meta_again, bases_again = metadata_and_bases(
        parse_tree(markup), url="https://example.org/"
    )
    assert (title, meta) == (again, meta_again)
    assert [b.get("href") for b in bases] == [b.get("href") for b in bases_again] == ["/b/"]


def test_metadata_walk_hands_over_the_light_signal_elements_in_page_order() -> None:
    from articlekit.html import _LIGHT_SIGNAL_TAGS, _light_signals
    from articlekit.html.clean import label_page
    from articlekit.html.metadata import SIGNAL_TAGS, metadata_and_bases

    markup = (
        "<html><head><title>Page</title><script type='application/ld+json'>"
        '{"@type": "NewsArticle"}</script><script>var x;</script></head><body>'
        "<svg><title>icon</title></svg><article><h1>Head</h1><time datetime='2024-01-02'>"
        "2 Jan</time><h3><a href='/a'>A teaser headline of five words</a></h3>"
        "<p>Text of the article, long enough to count as prose for the verdict here.</p>"
        "<h2>Part</h2><time>no date</time></article><h6>End</h6></body></html>"
    )
    root = parse_tree(markup)
    tagged: list[HtmlElement] = []
    metadata_and_bases(root, url="https://example.org/", tagged=tagged)
    assert set(SIGNAL_TAGS) == set(_LIGHT_SIGNAL_TAGS)
    assert tagged == list(root.iter(*SIGNAL_TAGS))
    assert [el.tag for el in tagged] == [
        "title", "script", "script", "title", "article", "h1", "time", "h3", "h2", "time", "h6"
    ]  # fmt: skip
    # the signals are the same as those of a walk of the tree
    labels = label_page(root)
    signals = _light_signals(root, labels, tagged)
    assert signals == _light_signals(root, labels)
    assert signals.jsonld_types == ("newsarticle",)
    assert (signals.article_elements, signals.time_elements) == (1, 2)
    assert signals.title_text == "Page"


def test_light_signals_take_the_json_ld_the_metadata_walk_parsed() -> None:
    from articlekit.html import _light_signals, _page_jsonld
    from articlekit.html.clean import label_page
    from articlekit.html.metadata import metadata_and_bases

    markup = (
        '<html><head><script type=\'application/ld+json\'>{"@type": "NewsArticle"}</script>'
        "<script>var x;</script><script type='application/ld+json'></script>"
        '<script type=\'application/ld+json\'>[{"@type": "Person"}]</script></head>'
        "<body><h1>Head</h1><p>Text.</p></body></html>"
    )
    root = parse_tree(markup)
    tagged: list[HtmlElement] = []
    jsonld: list[list[object] | None] = []
    metadata_and_bases(root, url="https://example.org/", tagged=tagged, jsonld=jsonld)
    assert jsonld == [[{"@type": "NewsArticle"}], None, None, [[{"@type": "Person"}]]]
    # the ld+json scripts' values, the empty one parsed here
    scripts = _page_jsonld(tagged, jsonld)
    assert scripts == [[{"@type": "NewsArticle"}], [], [[{"@type": "Person"}]]]
    labels = label_page(root)
    shared = _light_signals(root, labels, tagged, scripts)
    assert shared == _light_signals(root, labels, tagged) == _light_signals(root, labels)
    assert shared.jsonld_types == ("newsarticle", "person")
    # the walk's values are used as they are, not parsed again
    jsonld[0] = [{"@type": "Recipe"}]
    scripts = _page_jsonld(tagged, jsonld)
    assert _light_signals(root, labels, tagged, scripts).jsonld_types == ("recipe", "person")


@pytest.mark.parametrize(
    "text",
    ["", " ", "  ", "a", " a ", "a  b", "a\nb", "a\u00a0b", " a\u3000b\t", "one two three", "é è"],
)
def test_collapse_ws_fast_path_gives_the_split_join_answer(text: str) -> None:
    # a text already collapsed is returned as it is; the answer is the split/join one
    inner = " ".join(text.split())
    expected = text if not text else inner or " "
    if text and inner:
        expected = (" " if text[0].isspace() else "") + inner
        expected += " " if text[-1].isspace() else ""
    assert collapse_ws(text) == expected


def test_text_of_is_the_text_content_of_the_subtree() -> None:
    root = parse_tree(
        "<html><head><title>A &amp; B</title></head><body><div id='d'>one <b>two</b> three"
        "<p>para <i>x</i>y<br>z</p> tail<script>var s = 1;</script><span></span>"
        "<pre>  code\n  kept </pre>caf\u00e9 \U0001f600</div> after</body></html>"
    )
    for el in root.iter():
        assert text_of(el) == el.text_content()
    div = root.get_element_by_id("d")
    assert text_of(div).startswith("one two three") and not text_of(div).endswith("after")


# ---- React's streamed parts (place_streamed_segments)

_PROSE = "Tomatoes want six hours of sun and a deep watering twice a week in summer. " * 3


def _streamed_page(part_id: str, template_id: str, scripts: str = "") -> str:
    return (
        "<html><body><header><a href='/'>Garden News</a></header>"
        f"<main><h1>Growing tomatoes</h1><template id='{template_id}'></template>"
        "<div class='spinner'>Loading article...</div></main>"
        "<footer><p>Copyright and contact lines of the site footer.</p></footer>"
        f"<div hidden id='{part_id}'><p>{_PROSE}</p><h2>Watering</h2><p>{_PROSE}</p></div>"
        f"{scripts}</body></html>"
    )


def _placed(page: str) -> HtmlElement:
    root = parse_tree(page)
    assert root.find(".//*[@hidden]") is not None  # the parse leaves the parts alone
    place_streamed_segments(root)
    return root


def test_streamed_part_takes_its_templates_place_and_the_loading_stand_in_goes() -> None:
    root = _placed(_streamed_page("S:0", "B:0"))
    main = root.find(".//main")
    assert main is not None
    assert [child.tag for child in main] == ["h1", "p", "h2", "p"]
    assert root.find(".//*[@hidden]") is None
    assert "Loading" not in text_of(root)
    import articlekit

    text = articlekit.to_text(articlekit.parse_html(_streamed_page("S:0", "B:0")))
    assert text.count("Tomatoes want six hours") == 6
    assert text.index("Watering") < text.index("Tomatoes want six hours", 300)


def test_many_streamed_parts_in_one_parent_keep_their_order_and_text() -> None:
    # thousands of templates side by side (a hostile or very long streamed page): each
    # part's children and the text between them land where its template was, in order
    count = 3000
    page = (
        "<html><body><main>"
        + "".join(f"<template id='P:{i:x}'></template>|" for i in range(count))
        + "</main>"
        + "".join(
            f"<div hidden id='S:{i:x}'>a{i}<b>b{i}</b>c{i}<i>d{i}</i>e{i}</div>"
            for i in range(count)
        )
        + "</body></html>"
    )
    root = parse_tree(page)
    assert place_streamed_segments(root) == count
    main = root.find(".//main")
    assert main is not None
    expected = "".join(f"a{i}b{i}c{i}d{i}e{i}|" for i in range(count))
    assert text_of(main) == expected
    assert [child.tag for child in main][:4] == ["b", "i", "b", "i"]
    assert root.find(".//template") is None
    assert root.find(".//*[@hidden]") is None


def test_streamed_part_goes_where_the_pages_script_call_says() -> None:
    # the part's number is not the boundary's: the script call ($RC) pairs them
    call = '<script>$RC("B:1","S:4")</script>'
    page = _streamed_page("S:4", "B:1", call).replace(
        "</main>", "<template id='B:4'></template><p>Related: other crops</p></main>"
    )
    root = _placed(page)
    main = root.find(".//main")
    assert main is not None
    assert [child.tag for child in main][:4] == ["h1", "p", "h2", "p"]
    assert main.find("template[@id='B:4']") is not None  # not the part's place


def test_part_placed_into_a_placeholder_inside_another_part() -> None:
    page = (
        "<html><body><main><template id='B:0'></template><div>Loading...</div></main>"
        "<div hidden id='S:0'><h2>Steps</h2><template id='P:1'></template><p>End.</p></div>"
        f"<div hidden id='S:1'><p>{_PROSE}</p></div></body></html>"
    )
    root = _placed(page)
    main = root.find(".//main")
    assert main is not None
    assert [child.tag for child in main] == ["h2", "p", "p"]
    assert text_of(main).endswith("End.")


def test_streamed_rows_of_a_hidden_table_are_placed() -> None:
    page = (
        "<html><body><table><tbody><template id='P:3'></template></tbody></table>"
        "<table hidden><tr id='S:3'><td>Wix</td><td>Easy</td></tr></table></body></html>"
    )
    root = _placed(page)
    assert [el.tag for el in root.iter("table")] == ["table"]
    assert text_of(root).strip() == "WixEasy"


def test_part_without_a_place_and_content_after_a_template_stay() -> None:
    # no template of the part's number: it stays hidden; a boundary without a loading
    # stand-in keeps what follows its template
    page = (
        "<html><body><main><template id='B:0'></template><p>Real first paragraph.</p></main>"
        "<div hidden id='S:7'><p>Orphan part.</p></div>"
        "<div hidden id='S:0'><p>Streamed.</p></div></body></html>"
    )
    root = parse_tree(page)
    assert place_streamed_segments(root) == 1
    main = root.find(".//main")
    assert main is not None
    assert text_of(main) == "Streamed.Real first paragraph."
    orphan = root.find(".//div[@id='S:7']")
    assert orphan is not None and orphan.get("hidden") is not None


def test_hidden_box_with_another_id_is_no_streamed_part() -> None:
    page = (
        "<html><body><template id='B:0'></template><div hidden id='S:0x'><p>Not a part.</p>"
        "</div><div hidden id='s:0'><p>Nor this.</p></div></body></html>"
    )
    root = parse_tree(page)
    assert place_streamed_segments(root) == 0
    assert len(root.findall(".//div[@hidden]")) == 2


def test_streamed_page_is_read_with_its_parts_placed_only_when_that_gives_more() -> None:
    import articlekit

    # the article is the late part: read placed
    text = articlekit.to_text(articlekit.parse_html(_streamed_page("S:0", "B:0")))
    assert text.count("Tomatoes want six hours") == 6
    # the late part goes into a sidebar: the placed reading gives the article no more
    # text, and the page as it came is kept
    from articlekit.html import _with_streamed_parts

    page = (
        f"<html><body><main><h1>Growing tomatoes</h1><p>{_PROSE}</p><p>{_PROSE}</p></main>"
        "<aside><template id='B:0'></template></aside>"
        "<div hidden id='S:0'><p>Shop our seeds, ten per cent off today.</p></div></body></html>"
    )
    doc = articlekit.parse_html(page)
    assert "Shop our seeds" not in articlekit.to_text(doc)
    assert (
        _with_streamed_parts(page, None, doc.blocks, doc.title, None, False, doc.metadata, None)
        is None
    )
    placed = _with_streamed_parts(
        _streamed_page("S:0", "B:0"), None, (), None, None, False, doc.metadata, None
    )
    assert placed is not None
    assert marks_streamed_parts(page)
    assert not marks_streamed_parts(b"<div hidden id='main'></div>")


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<div hidden id='S:0'><p>Late part.</p></div>", True),
        ("<table hidden><tr id='S:1f'><td>Late row.</td></tr></table>", True),
        ("<meta id='S:2' hidden><p>Odd but possible.</p>", True),  # a <meta> is noted too
        ("<div id='main' class='S:0'><p>A class is no id.</p></div>", False),
        ("<div id='xS:0'><p>Not at the start.</p></div><p>id=\"S:0\" in the text</p>", False),
        ("<p>No attributes at all.</p>", False),
    ],
)
def test_streamed_part_ids_are_found_among_the_ids_the_metadata_walk_read(
    markup: str, expected: bool
) -> None:
    from articlekit.html import _has_part_ids
    from articlekit.html.metadata import metadata_and_bases

    root = parse_tree(f"<html><head><title>T</title></head><body>{markup}</body></html>")
    ids: list[str] = []
    metadata_and_bases(root, ids=ids)
    assert _has_part_ids(ids) is expected
    assert _has_part_ids(None)  # not known: the markup is searched


def test_markup_is_searched_for_streamed_parts_only_when_an_id_may_be_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import articlekit
    import articlekit.html as html_module

    searched: list[str | bytes] = []

    def spy(markup: str | bytes) -> bool:
        searched.append(markup)
        return marks_streamed_parts(markup)

    monkeypatch.setattr(html_module, "marks_streamed_parts", spy)
    # the markup names a part in a script's text, but no element has such an id
    page = f"<html><body><main><p>{_PROSE}</p></main><script>x='id=\"S:0\"'</script></body></html>"
    articlekit.parse_html(page)
    assert searched == []
    text = articlekit.to_text(articlekit.parse_html(_streamed_page("S:0", "B:0")))
    assert len(searched) == 1
    assert text.count("Tomatoes want six hours") == 6


def test_headline_links_count_links_in_and_around_headings_once() -> None:
    from articlekit.html import _headline_links

    markup = (
        "<html><body>"
        "<h2><a href='/a'>A teaser headline of five words</a></h2>"  # a link inside
        "<a href='/b'><h3>Another teaser headline of words</h3></a>"  # a leaf in a link
        "<a href='/c'><h3>One more</h3></a>"  # too short
        "<h4>A plain heading without any link here</h4>"  # a leaf, no link
        "<a href='/d'><h2><span>Two headings in</span></h2><h3>one link</h3></a>"
        "</body></html>"
    )
    root = parse_tree(markup)
    headings = [el for el in root.iter("h2", "h3", "h4")]
    # /a, /b and /d (counted once for its two headings)
    assert _headline_links(headings) == 3
    assert _headline_links([el for el in headings if el.tag == "h4"]) == 0
