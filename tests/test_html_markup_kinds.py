"""Kinds of markup behind main-content misses (session 9), each on a small page of its own.

Every fixture is written for the test: it reproduces a layout, not a page of the corpus.
"""

from __future__ import annotations

import pytest

from articlekit import parse_html
from articlekit.html import blocks, clean, content
from articlekit.html.clean import label_page
from articlekit.html.tree import parse_tree
from articlekit.model import Paragraph, Text
from articlekit.serialise.text import to_text
from tests.test_html_accuracy_kinds import BODY, _text

LEAD = "The town's new bridge is late again, and the council cannot say when it will open."


def _breadcrumb_page(crumb: str) -> str:
    return (
        "<html><head><title>Bridge delayed again</title></head><body><div><div>"
        '<section class="top"><nav class="breadcrumb"><ol><li><a href="/">Home</a></li>'
        f"<li>{crumb}</li></ol></nav>"
        f'<div class="intro-text"><p>{LEAD}</p></div></section>'
        f'<div><main><div class="content">{BODY}</div></main></div>'
        "</div></div></body></html>"
    )


def test_title_h1_in_the_breadcrumb_anchors_the_lead() -> None:
    # the headline is the breadcrumb's last crumb: the lead beside it is the article's
    assert LEAD in _text(_breadcrumb_page("<h1>Bridge delayed again</h1>"))


def test_breadcrumb_h1_is_found_only_when_it_repeats_the_title() -> None:
    root = parse_tree(_breadcrumb_page("<h1>Bridge delayed again</h1>"))
    labels = label_page(root)
    found = content.breadcrumb_title(labels, "Bridge delayed again")
    assert found is not None and found.text_content() == "Bridge delayed again"
    assert content.breadcrumb_title(labels, "Another story entirely here") is None
    root = parse_tree(_breadcrumb_page("<span>Bridge delayed again</span>"))
    assert content.breadcrumb_title(label_page(root), "Bridge delayed again") is None


WIDGET_TEXT = (
    "Looking for a good shop for vintage dresses and corsets? Visit our partner stores "
    "and enjoy browsing their collections this season."
)


def test_sidebar_widget_inside_the_content_wrapper_is_dropped() -> None:
    page = (
        f'<html><body><div id="main">{BODY}'
        f'<div class="right-col"><div class="item-right widget_text" id="text-5">'
        f'<div class="textwidget"><p>{WIDGET_TEXT}</p></div></div></div></div></body></html>'
    )
    text = _text(page)
    assert "three years" in text
    assert "vintage dresses" not in text


def test_blogger_post_widget_is_no_sidebar_widget() -> None:
    page = f'<html><body><div class="widget Blog" id="Blog1"><div>{BODY}</div></div></body></html>'
    assert "three years" in _text(page)


def test_registration_banner_button_is_dropped() -> None:
    page = (
        f'<html><body><article><div class="text">{BODY}'
        '<ul><li><p class="registration-banner__text"></p>'
        '<p class="registration-banner__button"><a href="/register">Register now</a></p>'
        f"</li></ul></div></article></body></html>"
    )
    text = _text(page)
    assert "three years" in text
    assert "Register now" not in text


def _desk_page(byline: str, author: str = "") -> str:
    meta = f'<meta name="author" content="{author}">' if author else ""
    return (
        '<html><head><title>Bridge delayed again</title><meta property="og:site_name" '
        f'content="Town Courier">{meta}</head><body><article><h1>Bridge delayed again</h1>'
        f"<p>{byline}</p>{BODY}</article></body></html>"
    )


def test_desk_byline_is_dropped_when_no_author_is_named() -> None:
    for byline in ("Redaktion", "von towncourier.example", "By Town Courier Staff", "von"):
        page = _desk_page(byline)
        text = to_text(parse_html(page, url="https://www.towncourier.example/news/1"))
        assert byline not in text.splitlines(), byline
        assert "three years" in text


def test_short_head_paragraph_naming_the_outlet_with_more_words_is_kept() -> None:
    line = "Town Courier readers voted for the bridge"
    assert line in _text(_desk_page(line))
    assert blocks.is_desk_byline(Paragraph(content=(Text(text="Redaktion"),)), ())
    assert not blocks.is_desk_byline(Paragraph(content=(Text(text="The editors met"),)), ())


LONG_CAPTION = (
    "The old bridge seen from the east bank in the spring of 1952, two years after it "
    "opened to traffic. Its three stone arches were built from local limestone, and the "
    "central arch was widened in 1978 so that the larger barges of the river trade could "
    "pass beneath it. The town's archive keeps the engineer's drawings of all three arches. "
    "Photo: Town Archive"
)


def _gallery_page(picture: str) -> str:
    return (
        f"<html><body><article>{BODY}"
        f'<div class="rightImageBox">{picture}'
        f'<div class="legend"><div class="content">{LONG_CAPTION}</div></div></div>'
        "<p>The council will publish the engineers' report on its website next week, "
        "together with the minutes of Tuesday's meeting and the costs.</p>"
        "</article></body></html>"
    )


def test_long_caption_beside_its_picture_is_left_out_of_the_text() -> None:
    assert len(LONG_CAPTION) > 300
    picture = '<div class="pic"><a href="/big.jpg"><img src="/small.jpg" alt=""></a></div>'
    text = _text(_gallery_page(picture))
    assert "three years" in text
    assert "local limestone" not in text


def test_long_caption_named_box_without_a_picture_before_it_stays() -> None:
    assert "local limestone" in _text(_gallery_page("<p>Archive pictures:</p>"))


STORY = (
    "<p>The council met on Tuesday evening to discuss the bridge, which has been closed "
    "since the spring floods damaged two of its piers and left the town cut in half.</p>"
    "<p>Engineers told the meeting that repairs would take at least another six months, "
    "and that the cost had risen by a third since the first estimate was made in May.</p>"
    "<p>Residents who cross the river every day said the detour adds forty minutes each "
    "way, and shop owners on the east bank reported that trade had fallen sharply.</p>"
    "<p>The mayor promised a decision on a temporary footbridge by the end of the month, "
    "after a survey of the riverbanks that the county will pay for in full.</p>"
)
CARD_GRID = "".join(
    f'<a href="/news/story-{i}"><div><h3>Other story number {i} in the news today</h3>'
    "<p>A summary of the other story, a line long, written for the card of the teaser "
    "grid under the article so that readers can see what it is about before a click.</p>"
    "</div></a>"
    for i in range(3)
)


ABOUT_BOX = (
    '<div class="about-box"><p>Town News is the independent newspaper of the river towns, '
    "published every week since 1921 by a cooperative of its readers and staff.</p></div>"
)


@pytest.mark.parametrize(
    "story",
    [
        f'<a href="/news/bridge"><div class="story">{STORY}</div></a>',
        f'<div><a href="https://example.com/news/bridge">{STORY}</a></div>',
        f'<a href="/news/bridge"><section><span>{STORY}</span></section></a>',
    ],
)
@pytest.mark.parametrize("cards", [CARD_GRID, ""])
def test_article_inside_a_real_link_keeps_its_text(story: str, cards: str) -> None:
    # a template's block-level link around the story: its text is not link text (it
    # was: the page's one box of text outside links, or the whole page, stood for it)
    page = (
        "<html><head><title>Bridge repairs delayed</title></head><body><nav><ul>"
        '<li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>'
        f"{story}<div>{cards}</div>{ABOUT_BOX}</body></html>"
    )
    text = to_text(parse_html(page, url="https://example.com/2024/05/bridge-repairs-delayed"))
    assert "spring floods" in text and "in full." in text
    assert "Other story number" not in text and "Home" not in text
    assert "cooperative" not in text


def test_teaser_cards_in_links_stay_link_text() -> None:
    root = parse_tree(f"<html><body><div>{CARD_GRID}</div><div>{STORY}</div></body></html>")
    cards = list(root.iter("a"))
    assert not any(clean.is_linked_article(a, a.keys()) for a in cards)
    labels = label_page(root)
    assert all(labels.stats[a].links == labels.stats[a].text for a in cards)
    wrapped = parse_tree(f'<html><body><a href="/s">{STORY}</a></body></html>')
    link = next(wrapped.iter("a"))
    assert clean.is_linked_article(link, link.keys())
    assert label_page(wrapped).stats[link].links == 0
    # a listing's card with a long excerpt: a part of the page's prose, not its article
    assert not clean.is_linked_article(link, link.keys(), lambda: 12)
    assert clean.is_linked_article(link, link.keys(), lambda: 6)
    bare = parse_tree(f"<html><body><a>{STORY}</a></body></html>")
    assert not clean.is_linked_article(next(bare.iter("a")), ())
