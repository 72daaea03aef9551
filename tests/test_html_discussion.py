"""Tests for discussion pages: a thread whose posts sit in boxes named "discussion"."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest
from lxml.html import HtmlElement

from articlekit.html import parse_html
from articlekit.html.clean import (
    discussion_kind,
    has_member_posters,
    is_discussion_page,
    is_placeholder_widget,
    is_thread_page,
    label_page,
)

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
    assert "worn cassette" in text  # a thread's replies are its content


LD_THREAD = (
    "<script type='application/ld+json'>"
    '{"@context": "https://schema.org", "@type": "DiscussionForumPosting"}</script>'
)
LD_QA = '<script type=\'application/ld+json\'>{"@type": "QAPage"}</script>'
SECOND_REPLY = (
    "Measure the chain with a gauge first; below half a percent of stretch the cassette "
    "is usually still fine, and a new chain will run quietly on it for months."
)


def _commented_thread(head: str) -> str:
    """A thread whose engine marks every post up as a comment (no "discussion" box)."""
    return (
        f"<html><head><title>Chain or cassette?</title>{head}</head><body>"
        "<main><h1>Chain or cassette?</h1><div class='topic'>"
        f"<article class='post-comment'><div class='comment-content'><p>{OPENING}</p>"
        "</div></article>"
        f"<article class='post-comment'><div class='comment-content'><p>{REPLY}</p>"
        "</div></article>"
        f"<article class='post-comment'><div class='comment-content'><p>{SECOND_REPLY}</p>"
        "</div></article></div></main></body></html>"
    )


def test_discussion_kind_tells_a_thread_from_a_q_and_a_page() -> None:
    assert discussion_kind(lxml.html.fromstring(_thread("forum discussion"))) == "thread"
    assert discussion_kind(lxml.html.fromstring(_thread("forum", LD_THREAD))) == "thread"
    assert discussion_kind(lxml.html.fromstring(_thread("forum discussion", LD_QA))) == "qa"
    assert discussion_kind(lxml.html.fromstring(ARTICLE_WITH_DISCUSSION)) is None
    assert is_thread_page(lxml.html.fromstring(_thread("forum", LD_THREAD)))
    assert not is_thread_page(lxml.html.fromstring(_thread("forum", LD_QA)))


def test_walk_reports_dropped_comment_sections() -> None:
    assert label_page(lxml.html.fromstring(_commented_thread(""))).comment_boxes
    assert not label_page(lxml.html.fromstring(ARTICLE_WITH_DISCUSSION)).comment_boxes


def test_posts_marked_as_comments_are_a_threads_content() -> None:
    text = parse_html(_commented_thread(LD_THREAD)).plain_text()
    assert "chain now skips" in text
    assert "worn cassette" in text
    assert "gauge first" in text


def test_comments_stay_out_of_a_page_that_is_no_thread() -> None:
    page = ARTICLE_WITH_DISCUSSION.replace("class='discussion'", "class='comments'")
    text = parse_html(page).plain_text()
    assert "chalk board" in text
    assert "grew up there" not in text


def test_comments_under_answers_stay_out_of_a_q_and_a_page() -> None:
    page = _thread("forum discussion", LD_QA)
    text = parse_html(page).plain_text()
    assert "chain now skips" in text
    assert "worn cassette" not in text


def test_discussion_under_an_article_stays_out() -> None:
    text = parse_html(ARTICLE_WITH_DISCUSSION).plain_text()
    assert "chalk board" in text
    assert "grew up there" not in text


LONG_REPLY = (
    "I changed both last spring, after the chain had stretched past the mark of the gauge, "
    "and the difference was plain on the first climb: no more skipping, no more noise, and "
    "the shifting came back crisp, though the old cassette had looked fine to my eye. If "
    "you ride in the rain every day, as I do, count on a new chain every year or so, and "
    "on a cassette every second or third chain, depending on how clean you keep it all."
)


def _posts_thread(body_class: str) -> str:
    """A thread whose posts are sibling boxes alike, the longest one a reply."""
    posts = [f"<p>{text}</p>" for text in (OPENING, REPLY, SECOND_REPLY)]
    posts.insert(2, 3 * f"<p>{LONG_REPLY}</p>")
    boxes = "".join(
        f"<div class='post-header'><span>May {day}, 2024</span><span>#{day}</span></div>"
        f"<div class='post reply-{day} user-{day}'><div class='post-author'>"
        f"<a href='/members/{day}'>rider{day}</a><span>Member</span></div><div class='post-text'>"
        f"{text}</div></div>"
        for day, text in enumerate(posts, start=1)
    )
    return (
        f"<html><head><title>Chain or cassette?</title></head><body class='{body_class}'>"
        f"<h1>Chain or cassette?</h1><ul class='topic-posts'><li class='posts'>{boxes}</li>"
        "</ul></body></html>"
    )


def test_thread_page_by_its_engines_class() -> None:
    assert is_thread_page(lxml.html.fromstring(_posts_thread("single-topic")))
    assert is_thread_page(lxml.html.fromstring(_posts_thread("template-thread_view")))
    assert is_thread_page(lxml.html.fromstring(_posts_thread("nojs section-viewtopic ltr")))
    assert is_thread_page(lxml.html.fromstring(_posts_thread("showthread")))
    assert not is_thread_page(lxml.html.fromstring(_posts_thread("section-viewforum")))
    assert not is_thread_page(lxml.html.fromstring(_posts_thread("tax-topic archive")))
    assert not is_thread_page(lxml.html.fromstring(_posts_thread("threads list")))


def test_all_posts_of_a_thread_are_its_content() -> None:
    text = parse_html(_posts_thread("topic single-topic")).plain_text()
    assert "count on a new chain" in text
    assert "chain now skips" in text
    assert "worn cassette" in text
    assert "gauge first" in text


def test_posts_alike_on_a_page_that_is_no_thread_are_not_widened() -> None:
    text = parse_html(_posts_thread("page")).plain_text()
    assert "count on a new chain" in text
    assert "chain now skips" not in text


def _poster_thread(head: str = "", scope: str = "") -> str:
    """A thread whose posts each sit beside a poster box (name, rank, join date)."""
    posts = "".join(
        f"<article class='message'><div class='message-user'><a href='/members/{day}'>"
        f"rider{day}</a><h5>Trail Veteran</h5><dl><dt>Joined</dt><dd>Jan {day}, 2019</dd>"
        f"</dl></div><div class='message-main'><div class='message-body'><p>{text}</p>"
        "</div></div></article>"
        for day, text in enumerate((OPENING, LONG_REPLY, SECOND_REPLY), start=1)
    )
    return (
        f"<html><head><title>Chain or cassette?</title>{head}</head><body>"
        f"<main{scope}><h1>Chain or cassette?</h1><div class='thread'>{posts}</div></main>"
        "</body></html>"
    )


def test_poster_boxes_leave_a_thread() -> None:
    text = parse_html(_poster_thread(LD_THREAD)).plain_text()
    assert "chain now skips" in text
    assert "count on a new chain" in text
    assert "gauge first" in text
    assert "Trail Veteran" not in text
    assert "rider2" not in text


def test_poster_boxes_leave_a_thread_declared_in_microdata() -> None:
    scope = " itemscope itemtype='https://schema.org/DiscussionForumPosting'"
    page = _poster_thread(scope=scope)
    assert label_page(lxml.html.fromstring(page)).declared == "thread"
    assert "Trail Veteran" not in parse_html(page).plain_text()


def test_poster_boxes_stay_on_a_page_that_is_no_thread() -> None:
    assert "Trail Veteran" in parse_html(_poster_thread()).plain_text()
    assert "Trail Veteran" in parse_html(_poster_thread(LD_QA)).plain_text()


def test_a_post_named_after_its_author_keeps_its_text() -> None:
    page = _poster_thread(LD_THREAD).replace(
        "<article class='message'>", "<article class='message topic-author'>", 1
    )
    assert "chain now skips" in parse_html(page).plain_text()


def test_walk_notes_poster_boxes_and_declared_items() -> None:
    labels = label_page(lxml.html.fromstring(_poster_thread()))
    assert [box.get("class") for box in labels.poster_boxes] == ["message-user"] * 3
    assert labels.declared is None
    qa = " itemscope itemtype='https://schema.org/QAPage'"
    assert label_page(lxml.html.fromstring(_poster_thread(scope=qa))).declared == "qa"
    page = "<html><body><div class='user-content post-user-id-3'><p>x</p></div></body></html>"
    assert not label_page(lxml.html.fromstring(page)).poster_boxes


def test_a_page_is_read_as_a_thread_or_not_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # each labelling of the page (first, comments kept, relaxed) and the widening to every
    # post ask whether the page is a thread; its JSON-LD and classes are read once
    from articlekit.html import content

    calls: list[HtmlElement] = []
    original = content.names_thread

    def counting(root: HtmlElement) -> bool:
        calls.append(root)
        return original(root)

    monkeypatch.setattr(content, "names_thread", counting)
    text = parse_html(_posts_thread("topic single-topic")).plain_text()
    assert "chain now skips" in text and "gauge first" in text  # every post, as before
    assert len(calls) == 1


def test_undeclared_thread_of_comment_boxes_is_its_content() -> None:
    # no declaration, no thread class: nothing but a title outside the comment boxes
    text = parse_html(_commented_thread("")).plain_text()
    assert "chain now skips" in text
    assert "worn cassette" in text
    assert "gauge first" in text


def _framed_thread(frame: str) -> str:
    """An opening post over replies the engine names as comments, in one frame box."""
    replies = "".join(
        f"<div class='commentthread_comment'><div class='commentthread_comment_author'>"
        f"<a href='/id/{day}'>rider{day}</a></div><div class='commentthread_comment_text'>"
        f"{text}</div></div>"
        for day, text in enumerate((LONG_REPLY, SECOND_REPLY, *4 * [LONG_REPLY]), start=1)
    )
    return (
        "<html><head><title>Chain or cassette?</title></head><body>"
        f"<div class='{frame}'><div class='forum_op'><h1>Chain or cassette?</h1>"
        f"<p>{OPENING}</p></div><div class='commentthread_area'>{replies}</div></div>"
        "</body></html>"
    )


def test_replies_named_as_comments_inside_a_threads_frame_are_kept() -> None:
    text = parse_html(_framed_thread("content_area")).plain_text()
    assert "chain now skips" in text
    assert "count on a new chain" in text
    assert "gauge first" in text
    assert "rider2" not in text  # the poster boxes go with the thread


def test_comments_beside_a_short_article_stay_out() -> None:
    page = (
        "<html><head><title>Chain or cassette?</title></head><body><main>"
        f"<article class='post'><h1>Chain or cassette?</h1><p>{OPENING}</p></article>"
        "<section class='comments'>"
        + "".join(
            f"<div class='comment'><p>{text}</p></div>"
            for text in (LONG_REPLY, SECOND_REPLY, LONG_REPLY, LONG_REPLY)
        )
        + "</section></main></body></html>"
    )
    text = parse_html(page).plain_text()
    assert "chain now skips" in text
    assert "count on a new chain" not in text


PLACEHOLDERS = "".join(
    "<li class='row'><div class='avatar'><span>?</span></div><div class='title'>&nbsp;</div></li>"
    for _ in range(6)
)


def test_unfilled_recommendation_widget_is_left_out() -> None:
    # (inside the thread's box, after its posts)
    page = _poster_thread(LD_THREAD).replace(
        "</div></main>",
        "<section class='recommended-reading'><header>Related Threads</header>"
        f"<ol>{PLACEHOLDERS}</ol></section></div></main>",
    )
    doc = parse_html(page)
    assert "Related Threads" not in doc.plain_text()
    assert "\n?" not in doc.plain_text()
    assert "count on a new chain" in doc.plain_text()


def test_placeholder_widget_needs_empty_items_and_no_link() -> None:
    empty = lxml.html.fromstring(
        f"<section class='related'><h3>Related</h3><ol>{PLACEHOLDERS}</ol></section>"
    )
    assert is_placeholder_widget(empty, label_page(empty).stats[empty])
    two = lxml.html.fromstring(
        "<section class='related'><h3>Related</h3><ol><li>?</li><li>?</li></ol></section>"
    )
    assert not is_placeholder_widget(two, label_page(two).stats[two])
    worded = lxml.html.fromstring(
        "<section class='related'><ol>" + 3 * f"<li>{SECOND_REPLY}</li>" + "</ol></section>"
    )
    assert not is_placeholder_widget(worded, label_page(worded).stats[worded])


def test_widget_around_a_recommendation_is_no_placeholder() -> None:
    # the inner box is the recommendation: the outer one's measurements hold no link
    items = "".join(f"<li><a href='/story-{n}'>Story number {n}</a></li>" for n in range(4))
    page = (
        "<html><body><article><h1>Tides</h1>"
        f"<p>{OPENING}</p><p>{SECOND_REPLY}</p>"
        "<div class='most-read-container'><div class='most-read-wrapper'>"
        f"<h2>Most Read Stories</h2><ul>{items}</ul></div></div></article></body></html>"
    )
    root = lxml.html.fromstring(page)
    (widget,) = root.find_class("most-read-container")
    labels = label_page(root)
    assert widget not in labels.boilerplate
    assert parse_html(page).recommendations


def _member_thread(stats: str) -> str:
    """A thread that declares and names nothing, each post beside a poster box."""
    posts = "".join(
        f"<div class='postbit'><div class='userinfo'><a href='/members/{day}'>rider{day}</a>"
        f"<span>{stats.format(day=day)}</span></div><div class='postbody'><p>{text}</p>"
        "</div></div>"
        for day, text in enumerate((OPENING, LONG_REPLY, SECOND_REPLY, REPLY), start=1)
    )
    return (
        "<html><head><title>Chain or cassette?</title></head><body><div class='page'>"
        f"<h1>Chain or cassette?</h1><div class='postlist'>{posts}</div></div></body></html>"
    )


def test_poster_boxes_with_members_join_dates_tell_a_thread() -> None:
    page = _member_thread("Join Date Jan 201{day} Posts 3{day}")
    assert has_member_posters(label_page(lxml.html.fromstring(page)))
    text = parse_html(page).plain_text()
    assert "chain now skips" in text
    assert "gauge first" in text
    assert "Join Date" not in text
    assert "rider2" not in text
    mybb = _member_thread("Posts: 11{day} Threads: 2 Joined: Feb 2019")
    assert "Joined" not in parse_html(mybb).plain_text()


def test_author_boxes_without_member_stats_tell_no_thread() -> None:
    page = _member_thread("Staff writer, day {day}")
    assert not has_member_posters(label_page(lxml.html.fromstring(page)))
    assert "Staff writer" in parse_html(page).plain_text()
    # two posts are too few to tell
    two = _member_thread("Joined: Feb 2019").replace(f"<p>{SECOND_REPLY}</p>", "")
    root = lxml.html.fromstring(two)
    boxes = root.find_class("userinfo")
    for box in boxes[2:]:
        box.drop_tree()
    assert not has_member_posters(label_page(root))


def test_walk_counts_the_text_of_dropped_comment_sections() -> None:
    labels = label_page(lxml.html.fromstring(_commented_thread("")))
    assert labels.comment_chars == len(OPENING) + len(REPLY) + len(SECOND_REPLY)
    assert label_page(lxml.html.fromstring(ARTICLE_WITH_DISCUSSION)).comment_chars == 0


def test_thin_page_with_little_comment_text_is_labelled_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a short note under a short comment: no second walk with the comments kept
    from articlekit.html import content

    kept: list[bool] = []
    original = content.label_page

    def counting(root: HtmlElement, **kwargs: Any) -> Any:
        kept.append(bool(kwargs.get("comments")))
        return original(root, **kwargs)

    monkeypatch.setattr(content, "label_page", counting)
    page = (
        "<html><body><main><h1>Tides</h1><p>The tide rises twice a day along this coast, "
        "and the harbour empties at low water.</p><section class='comments'>"
        f"<div class='comment'><p>{REPLY}</p></div></section></main></body></html>"
    )
    assert "worn cassette" not in parse_html(page).plain_text()
    assert not any(kept)


def _titled_post_and_replies(body_class: str) -> str:
    """A thread whose opening post, under the title's heading, stands apart from its
    replies: those sit in a list of their own, each reply a classless ``<li>``."""
    replies = "".join(
        f"<li><div class='reply'><div class='reply-byline'>rider{n} - May {n}, 2024</div>"
        f"<div class='reply-content'>{3 * f'<p>{LONG_REPLY}</p>'}</div></div></li>"
        for n in range(1, 4)
    )
    return (
        f"<html><head><title>Chain or cassette?</title></head><body class='{body_class}'>"
        "<div class='forum'><div class='row lead-topic'><div class='votes'>9</div>"
        "<div class='col'><div class='topic-content'><h2>Chain or cassette?</h2>"
        f"<p>{OPENING}</p><p>{OPENING}</p></div></div></div>"
        f"<div class='replies'><ul>{replies}</ul></div>"
        "</div></body></html>"
    )


def test_replies_apart_from_the_titled_opening_post_are_kept_on_a_thread() -> None:
    # the title's heading heads the opening post; the replies scored higher and come
    # after it: on a thread both are the content
    text = parse_html(_titled_post_and_replies("topic single-topic")).plain_text()
    assert "chain now skips" in text
    assert "count on a new chain" in text
    # on a page that is no thread, the title's box stays the article
    text = parse_html(_titled_post_and_replies("page")).plain_text()
    assert "chain now skips" in text
    assert "count on a new chain" not in text


LONG_ANSWER = " ".join(
    [
        "Replace the chain first and ride it for a week, then judge the cassette by ear.",
        "A worn cassette lets a new chain skip under load, most of all on the smaller cogs,",
        "so climb out of the saddle in the gears you use most and listen for the jump.",
        "If it skips, the cassette goes too; if it runs quietly, keep it for another season,",
        "and clean the drivetrain every few weeks, since grit wears both parts much faster.",
    ]
    * 3
)


def _post(text: str, prop: str = "", body: bool = True) -> str:
    """A post as a question-and-answer engine lays it out: votes beside it, its body
    deep in a cell, its author's card and a share link under it."""
    item = f" itemprop='{prop}' itemscope itemtype='https://schema.org/Answer'" if prop else ""
    text_prop = " itemprop='text'" if body else ""
    return (
        f"<div class='post'{item}><div class='post-layout'><div class='votecell'>"
        "<a href='/up'>Up vote</a> 12 <a href='/down'>Down vote</a></div>"
        f"<div class='postcell'><div class='post-body'{text_prop}><p>{text}</p></div>"
        "<div class='post-menu'><a href='/q/1'>Share</a> <a href='/posts/1/edit'>Improve "
        "this post</a> <a href='/users/7/rider'>rider</a> 4,210 reputation</div>"
        "</div></div></div>"
    )


def _question_and_answers(question_body: bool = True) -> str:
    """A question-and-answer page marked up in schema.org microdata: a question with a
    body of its own (``itemprop="text"``, unless ``question_body`` is False) over two
    answers, the second much longer."""
    return (
        "<html itemscope itemtype='https://schema.org/QAPage'><head>"
        "<title>Chain or cassette?</title></head><body><div class='container'>"
        "<div class='content' itemprop='mainEntity' itemscope "
        "itemtype='https://schema.org/Question'>"
        "<h1 itemprop='name'>Chain or cassette?</h1><div class='mainbar'>"
        f"<div class='question'>{_post(OPENING, body=question_body)}</div>"
        "<div class='answers'><h2>2 Answers</h2>"
        f"{_post(SECOND_REPLY, 'suggestedAnswer')}{_post(LONG_ANSWER, 'acceptedAnswer')}"
        "</div></div></div></div></body></html>"
    )


def test_question_is_kept_over_its_longest_answer() -> None:
    text = parse_html(_question_and_answers()).plain_text()
    assert "chain now skips" in text
    assert "gauge first" in text
    assert "judge the cassette by ear" in text


def test_answer_of_a_question_without_a_body_is_not_widened() -> None:
    # an FAQ's questions hold a name, not a body: the longest answer is found as
    # before, the shorter one beside it not brought in
    text = parse_html(_question_and_answers(question_body=False)).plain_text()
    assert "judge the cassette by ear" in text
    assert "gauge first" not in text
