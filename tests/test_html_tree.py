"""Tests for articlekit.html.tree: hardened parsing, soup interop, URL and image helpers."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from lxml.html import HtmlElement

from articlekit.errors import ParseError, UnsupportedInputError
from articlekit.html.tree import (
    base_url,
    collapse_ws,
    image_source,
    parse_tree,
    parse_tree_utf8,
    resolve_url,
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
