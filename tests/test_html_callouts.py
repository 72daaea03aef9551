"""Tests for callouts (admonitions) kept in an article's body, and tables of contents."""

from __future__ import annotations

import pytest

from articlekit import parse_html
from articlekit.html.clean import is_callout_aside
from articlekit.html.tree import parse_tree
from articlekit.model import List, plain_text

URL = "https://gazette.example.com/news/2024/cycle-path"
PARA = (
    "<p>The council approved the riverside cycle path on Tuesday, after a debate that "
    "lasted, by most accounts, well into the evening and past the usual hour.</p>"
)
NOTE = "The boardwalk section will be closed during spring floods each year, the council said."


def _page(inner: str, before: str = "") -> str:
    return (
        f"<html><body><nav class='site-menu'><a href='/'>Home</a> <a href='/news'>News</a>"
        f" <a href='/sport'>Sport</a></nav>{before}<main><article><h1>Cycle path approved</h1>"
        f"{PARA * 3}{inner}{PARA * 2}</article></main></body></html>"
    )


def _body_text(html: str) -> str:
    doc = parse_html(html, url=URL)
    return "\n".join(plain_text(b) for b in doc.body)


@pytest.mark.parametrize(
    "callout",
    [
        f"<aside class='note'><p><strong>Note:</strong> {NOTE}</p></aside>",
        f"<aside class='warning'><p>{NOTE}</p></aside>",
        f"<aside class='callout callout-info'><h4>Key facts</h4><p>{NOTE}</p></aside>",
        f"<aside class='admonition tip'><p class='admonition-title'>Tip</p><p>{NOTE}</p></aside>",
        # the <div> forms stayed already: Sphinx/MkDocs, Docusaurus, GitHub, MDN, Bootstrap
        f"<div class='admonition note'><p class='admonition-title'>Note</p><p>{NOTE}</p></div>",
        "<div class='theme-admonition theme-admonition-tip alert alert--success'>"
        f"<div class='admonitionHeading'>tip</div><div class='admonitionContent'><p>{NOTE}</p>"
        "</div></div>",
        f"<div class='markdown-alert markdown-alert-warning'><p>Warning</p><p>{NOTE}</p></div>",
        f"<div class='notecard note'><p><strong>Note:</strong> {NOTE}</p></div>",
        f"<div class='alert alert-warning' role='alert'><strong>Heads up!</strong> {NOTE}</div>",
    ],
)
def test_callout_inside_the_article_is_kept(callout: str) -> None:
    assert NOTE in _body_text(_page(callout))


@pytest.mark.parametrize(
    "box",
    [
        f"<aside><p>{NOTE}</p></aside>",
        f"<aside class='newsletter note'><p>{NOTE}</p></aside>",
        f"<aside class='ad-slot advertisement note'><p>{NOTE}</p></aside>",
        f"<aside class='sidebar'><p>{NOTE}</p></aside>",
    ],
)
def test_aside_not_named_a_callout_or_named_furniture_stays_out(box: str) -> None:
    assert NOTE not in _body_text(_page(box))


@pytest.mark.parametrize(
    ("cls", "expected"),
    [
        ("note", True),
        ("Note", True),
        ("callout callout-info", True),
        ("admonition warning", True),
        ("box important", True),
        ("footnotes", False),
        ("notes-list", False),
        ("sidebar", False),
        ("tooltip", False),
    ],
)
def test_is_callout_aside(cls: str, expected: bool) -> None:
    el = parse_tree(f"<html><body><aside class='{cls}'><p>x</p></aside></body></html>")
    aside = next(el.iter("aside"))
    assert is_callout_aside(aside) is expected


TOC_ITEMS = (
    "<li><a href='#background'>Background</a></li><li><a href='#vote'>The vote</a></li>"
    "<li><a href='#next'>What next</a></li>"
)
SECTIONS = (
    f"<h2 id='background'>Background</h2>{PARA}<h2 id='vote'>The vote</h2>{PARA}"
    f"<h2 id='next'>What next</h2>{PARA}"
)


def test_table_of_contents_in_a_div_stays_one_in_a_nav_goes() -> None:
    # the outside sets' truths leave a table of contents out (docs/extraction.md): a
    # <nav> one goes with the page's navigation, a <div> one stays the article's outline
    div = parse_html(
        _page(f"<div class='toc'><p>Contents</p><ul>{TOC_ITEMS}</ul></div>" + SECTIONS), url=URL
    )
    lists = [b for b in div.body if isinstance(b, List)]
    assert [plain_text(item) for item in lists[0].items] == ["Background", "The vote", "What next"]
    nav = parse_html(_page(f"<nav class='toc'><ol>{TOC_ITEMS}</ol></nav>" + SECTIONS), url=URL)
    assert not [b for b in nav.body if isinstance(b, List)]
    assert URL + "#background" not in [ref.url for ref in nav.links()]
