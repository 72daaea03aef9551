"""Tests for discussion pages: a thread whose posts sit in boxes named "discussion"."""

from __future__ import annotations

import lxml.html

from articlekit.html import parse_html
from articlekit.html.clean import is_discussion_page, label_page

OPENING = (
    "I have been riding an old steel bicycle to work for years, and the chain now skips "
    "on every climb. Should I replace the chain and the cassette together, or is a new "
    "chain enough for another season of daily commuting in the rain?"
)
REPLY = "Replace both, a worn cassette will make a new chain skip just the same."
GUEST = (
    "New here? Please register and read the community rules before you post. All new "
    "registrations are reviewed by hand, so a short delay may pass before your account "
    "becomes active. Sign in or register to take part, to follow threads you like and to "
    "get a message when somebody answers one of your own questions in any category."
)


def _thread(body_class: str, head: str = "") -> str:
    return (
        f"<html><head><title>Chain or cassette?</title>{head}</head>"
        f"<body class='{body_class}'><div class='frame'><div class='row'>"
        f"<div class='column panel'><div class='box guestbox'><p>{GUEST}</p></div></div>"
        "<div class='column contentcolumn'><div class='content'>"
        "<div class='messagelist discussion'><h1>Chain or cassette?</h1>"
        f"<div class='item itemdiscussion'><div class='discussion'><div class='item-body'>"
        f"<div class='message'><p>{OPENING}</p></div></div></div></div></div>"
        "<div class='commentswrap'><ul class='messagelist comments'>"
        f"<li class='item itemcomment'><div class='message'><p>{REPLY}</p></div></li>"
        "</ul></div></div></div></div></div></body></html>"
    )


ARTICLE_WITH_DISCUSSION = (
    "<html><head><title>Tides</title></head><body><article><h1>Tides</h1>"
    "<p>The tide rises twice a day along this coast, and the harbour empties at low water "
    "so that the fishing boats rest on the mud until the sea comes back in the evening.</p>"
    "<p>The old harbour master keeps a chalk board of the times by the quay, which the "
    "visitors photograph more often than they read it, as he likes to point out.</p>"
    "</article><section class='discussion'><h2>Discussion</h2>"
    "<p>What a lovely piece about the harbour, I grew up there and remember the board.</p>"
    "</section></body></html>"
)


def test_thread_page_by_body_class() -> None:
    root = lxml.html.fromstring(_thread("forum discussion section-discussion"))
    assert is_discussion_page(root)


def test_list_of_threads_is_not_a_thread() -> None:
    root = lxml.html.fromstring(_thread("forum discussions"))
    assert not is_discussion_page(root)


def test_thread_page_by_json_ld() -> None:
    head = (
        "<script type='application/ld+json'>"
        '{"@context": "https://schema.org", "@type": "DiscussionForumPosting"}</script>'
    )
    assert is_discussion_page(lxml.html.fromstring(_thread("forum", head)))


def test_thread_page_by_microdata() -> None:
    page = _thread("forum").replace(
        "<div class='frame'>", "<div class='frame' itemscope itemtype='https://schema.org/QAPage/'>"
    )
    assert is_discussion_page(lxml.html.fromstring(page))


def test_article_page_is_not_a_thread() -> None:
    assert not is_discussion_page(lxml.html.fromstring(ARTICLE_WITH_DISCUSSION))


def test_discussion_boxes_kept_only_on_a_thread_page() -> None:
    root = lxml.html.fromstring(_thread("forum"))
    (item,) = root.find_class("itemdiscussion")
    assert item in label_page(root).boilerplate
    assert item not in label_page(root, discussion=True).boilerplate


def test_walk_reports_dropped_discussion_boxes() -> None:
    assert label_page(lxml.html.fromstring(_thread("forum"))).discussion_boxes
    assert not label_page(
        lxml.html.fromstring(
            ARTICLE_WITH_DISCUSSION.replace("class='discussion'", "class='comments'")
        )
    ).discussion_boxes


def test_other_furniture_words_still_count_on_a_thread_page() -> None:
    root = lxml.html.fromstring(
        "<html><body><div class='discussion-footer'><p>Footer of the thread, with a few "
        "links and a line of small print below it.</p></div></body></html>"
    )
    (footer,) = root.find_class("discussion-footer")
    assert footer in label_page(root, discussion=True).boilerplate


def test_opening_post_of_a_thread_survives() -> None:
    text = parse_html(_thread("forum discussion")).plain_text()
    assert "chain now skips" in text
    assert "worn cassette" not in text  # the replies are comments: left out by default


def test_discussion_under_an_article_stays_out() -> None:
    text = parse_html(ARTICLE_WITH_DISCUSSION).plain_text()
    assert "chalk board" in text
    assert "grew up there" not in text
