"""Tests for articlekit.html.clean: one-walk labelling and measuring."""

from __future__ import annotations

import pytest

from articlekit.html.clean import (
    FLAG_BLOCK,
    FLAG_H1,
    FLAG_IMG,
    FLAG_MAIN,
    FLAG_MAIN_BODY,
    FLAG_TABLE,
    Stats,
    boilerplate_kind,
    class_id,
    is_collapsed_panel,
    is_folded_answer,
    is_hidden,
    is_placed_on_picture,
    label_page,
    looks_like_rec_container,
    looks_like_rec_widget,
)
from articlekit.html.tree import parse_tree

LONG = "This is a sentence of article text, long enough to count as a paragraph. " * 3


def _find(root, path):  # type: ignore[no-untyped-def]
    found = root.find(path)
    assert found is not None, path
    return found


@pytest.mark.parametrize(
    ("tag", "names", "role", "comments", "expected"),
    [
        ("aside", "", None, False, "tag"),
        ("footer", "", None, False, "tag"),
        ("div", "", "navigation", False, "role"),
        ("div", "sidebar", None, False, "class"),
        ("div", "share-buttons", None, False, "strong-class"),
        ("div", "comment-list", None, False, "strong-class"),
        ("div", "comment-list", None, True, None),
        ("div", "sidebar-content", None, False, None),
        ("div", "entry-content", None, False, None),
        ("div", "article-body", None, False, None),
        ("div", "cookie-consent", None, False, "strong-class"),
        ("div", "newsletter-signup", None, False, "strong-class"),
        ("div", "row col-md-8", None, False, None),
    ],
)
def test_boilerplate_kind(
    tag: str, names: str, role: str | None, comments: bool, expected: str | None
) -> None:
    assert boilerplate_kind(tag, names, role, comments=comments) == expected


@pytest.mark.parametrize(
    ("html", "hidden"),
    [
        ("<div hidden>x</div>", True),
        ('<div aria-hidden="true">x</div>', True),
        ('<div style="display: none">x</div>', True),
        ('<div style="visibility:hidden">x</div>', True),
        ('<div class="sr-only">x</div>', True),
        # screen-reader-only text under other spellings and under a theme's own prefix
        ('<div class="off-screen">x</div>', True),
        ('<div class="visuallyhidden">x</div>', True),
        ('<div class="u-visually-hidden">x</div>', True),
        ('<div class="u-hiddenVisually">x</div>', True),
        ('<div class="wprm-screen-reader-text">x</div>', True),
        ('<div class="a-u-sr-only">x</div>', True),
        ('<div class="assistive-text">x</div>', True),
        ('<div class="screen-reader-only">x</div>', True),
        # ...but a word that only holds such a name inside it is no such class
        ('<div class="offscreen-menu-toggle">x</div>', False),
        # a scroll-animation script's mark on content not yet in view is no hiding
        ('<div class="fade-in is-offscreen">x</div>', False),
        ('<div class="sr-only-nav">x</div>', False),
        # the frameworks' display:none utility, unless a breakpoint shows it again
        ('<div class="updated hidden">x</div>', True),
        ('<div class="hidden md:block">x</div>', False),
        ('<div class="hidden-xs">x</div>', False),
        ('<div style="color: red">x</div>', False),
        # shown on paper only (a print stylesheet's header, logo, footer)
        ('<div class="print-header">x</div>', True),
        ('<div class="printfooter">x</div>', True),
        ('<div class="headline headline--printOnly">x</div>', True),
        ('<div class="header show-for-print">x</div>', True),
        ('<div class="logo-print visible-print">x</div>', True),
        ('<div class="print">x</div>', False),
        ('<div class="blueprint-header">x</div>', False),
    ],
)
def test_is_hidden(html: str, hidden: bool) -> None:
    el = _find(parse_tree(f"<body>{html}</body>"), ".//div")
    assert is_hidden(el, class_id(el)) is hidden


def test_screen_reader_label_leaves_the_caption() -> None:
    from articlekit import parse_html, to_markdown

    html = (
        f"<body><article><h1>Title</h1><p>{LONG}</p><figure><img src='https://e.org/a.jpg'>"
        "<figcaption><span class='off-screen'>Image caption</span> The harbour at dawn"
        f"</figcaption></figure><p>{LONG}</p></article></body>"
    )
    text = to_markdown(parse_html(html))
    assert "The harbour at dawn" in text
    assert "Image caption" not in text


def test_hidden_utility_class_is_left_out_of_the_article() -> None:
    from articlekit import parse_html, to_text

    html = (
        f"<body><article><h1>Title</h1><p>{LONG}</p><p>{LONG}</p>"
        '<ul id="topics" class="hidden"><li>Politics &amp; Government</li>'
        "<li>Arts &amp; Entertainment</li></ul>"
        '<p class="note hidden lg:block">Shown on wide screens.</p></article></body>'
    )
    text = to_text(parse_html(html))
    assert "Politics" not in text and "Arts" not in text
    assert "Shown on wide screens." in text


def test_hover_card_inside_a_sentence_is_left_out() -> None:
    from articlekit import parse_html, to_text

    card = (
        "<span class='person'><a href='/people/jane-doe'>Jane Doe</a><span class='card'>"
        "<img src='/p/jane.jpg' alt=''><a href='/people/jane-doe'>Jane Doe</a>"
        "<a href='/news/1-budget-vote'>Budget vote slips to next week as talks stall</a>"
        "<a href='/news/2-bridge'>The bridge will open in spring, engineers say</a>"
        "<a class='more' href='/people/jane-doe'>MORE</a></span></span>"
    )
    html = (
        f"<body><article><h1>Title</h1><p>{LONG}</p><p>The plan was backed by Rep. {card}"
        f" (D-Minn.), the office said on Monday, after a long debate.</p><p>{LONG}</p>"
        "<p><span>A paragraph with a picture <img src='/i/x.jpg' alt=''> and links to"
        " <a href='/a'>one</a>, <a href='/b'>two</a> and <a href='/c'>three</a> places"
        " in a longer sentence of the article that goes on.</span></p></article></body>"
    )
    text = to_text(parse_html(html))
    assert "backed by Rep. Jane Doe (D-Minn.), the office said" in text
    assert "Budget vote" not in text and "MORE" not in text
    assert "links to one, two and three places" in text


def test_embedded_post_in_a_social_embed_box_is_kept_its_placeholder_is_not() -> None:
    from articlekit import parse_html, to_text

    tweet = (
        "<div class='social-media-embed'><blockquote class='twitter-tweet'><p>Yes this is"
        " real and the state spent half a million dollars on it</p>&mdash; A Reader"
        " (@reader) <a href='https://twitter.com/reader/status/1'>November 18, 2019</a>"
        "</blockquote></div>"
    )
    placeholder = (
        "<div class='social-embed'><h3>Recommended editorial content</h3><p>Here you find"
        " external content from Instagram. Click to show it.</p></div>"
    )
    html = (
        f"<body><article><h1>Title</h1><p>{LONG}</p>{tweet}<p>{LONG}</p>{placeholder}"
        f"<p>{LONG}</p></article></body>"
    )
    text = to_text(parse_html(html))
    assert "the state spent half a million dollars" in text
    assert "external content" not in text and "editorial content" not in text
    # a share bar is still furniture
    share = (
        f"<body><article><h1>T</h1><p>{LONG}</p><div class='social'><p>Share on X and on"
        f" other networks today</p></div><p>{LONG}</p></article></body>"
    )
    assert "Share on X" not in to_text(parse_html(share))


def test_previous_next_box_after_the_article_is_no_body_text() -> None:
    from articlekit import parse_html, to_text

    html = (
        # (inside the article's box: outside it, the box was never part of the body)
        f"<body><div id='article'><h1>Title</h1><div class='body'><p>{LONG}</p><p>{LONG}"
        "</p><div class='next-prev'><p class='btn'><a href='/news/other-story.html'>"
        "- Next News</a></p><div class='row-desc'><a href='/news/other-story.html'><h5>"
        "Another story about cars</h5></a><p>A summary of the other story, which the reader"
        " did not ask for here.</p></div></div></div></div></body>"
    )
    doc = parse_html(html, url="https://example.com/news/story.html")
    text = to_text(doc)
    assert "Next News" not in text and "summary of the other story" not in text
    assert LONG.strip() in text


def test_print_only_header_is_left_out_of_the_article() -> None:
    from articlekit import parse_html, to_text

    html = (
        f"<body><article><h1>Title</h1><div class='content'><div class='print-header'>"
        "<img src='/img/logo.png' alt='print header logo'> https://example.com/a/story"
        # (a sentence, which would be read as the article's first paragraph if shown)
        "<p>The Daily Example: your newspaper since 1850, printed from its website.</p></div>"
        f"<p>{LONG}</p><p>{LONG}</p></div></article></body>"
    )
    text = to_text(parse_html(html))
    assert "print header" not in text and "example.com" not in text
    assert "Daily Example" not in text
    assert LONG.strip() in text


def test_hidden_utility_box_holding_a_picture_stays() -> None:
    # a lightbox: the visible picture is a zoom control, its enlarged copy is hidden
    from articlekit import parse_html
    from articlekit.model import Figure

    html = (
        f"<body><article><h1>Title</h1><p>{LONG}</p>"
        '<div class="zoom-wrap"><div role="button" aria-label="Zoom">'
        '<img src="/small.jpg" alt="A window floating in a room"></div>'
        '<div class="z-1 hidden"><figure><img src="/large.jpg" alt="A window floating in a'
        ' room"></figure></div></div>'
        f"<p>{LONG}</p></article></body>"
    )
    figures = [b for b in parse_html(html).blocks if isinstance(b, Figure)]
    assert [f.image.src for f in figures] == ["/large.jpg"]


@pytest.mark.parametrize(
    ("style", "placed"),
    [
        ("top:4.8869%;margin-top:-16.2px;left:96.5906%;margin-left:-30px;width:60px;", True),
        ("top:9.5016%;margin-top:-9.2px;right:94.9386%;width:52px;", True),
        ("left: 12.25%; bottom: 3.125%", True),
        # a designer's overlay, centred by hand
        ("position:absolute;top:50%;left:50%;transform:translate(-50%,-50%)", False),
        # a margin is no coordinate
        ("width: 50%; margin-top: 10.55%; margin-left: 25.25%;", False),
        ("top:4.8869%;width:60px", False),
    ],
)
def test_is_placed_on_picture(style: str, placed: bool) -> None:
    assert is_placed_on_picture(style) is placed


def test_chart_labels_placed_on_a_picture_are_left_out() -> None:
    labels = "".join(
        f'<div class="g-label" style="top:{4.1 + i:.4f}%;left:{90.5 - i:.4f}%;width:60px">'
        f"<p>${900 + i} billion in interest payments, projected</p></div>"
        for i in range(6)
    )
    html = (
        f"<body><article><p>{LONG}</p><div class='graphic'><img src='chart.png'>{labels}"
        f"</div><p>{LONG}</p></article></body>"
    )
    root = parse_tree(html)
    labels_ = label_page(root)
    placed = root.findall(".//div[@class='g-label']")
    assert placed and all(el in labels_.boilerplate for el in placed)
    assert len(labels_.paragraphs) == 2


def test_class_id_ignores_slug_ids() -> None:
    el = _find(parse_tree('<div id="sharing-with-a-single-developer" class="Section">'), ".//div")
    assert class_id(el) == "section"


def test_id_spelling_its_own_text_is_a_slug() -> None:
    html = (
        '<h3><span class="mw-headline" id="Eich_CEO_promotion_controversy">'
        "Eich CEO promotion controversy</span></h3><div id='promo_box'>Buy</div>"
    )
    tree = parse_tree(f"<body>{html}</body>")
    assert class_id(_find(tree, ".//span")) == "mw-headline"
    assert class_id(_find(tree, ".//div")) == "promo_box"


def test_heading_anchor_named_like_furniture_keeps_its_text() -> None:
    from articlekit.html import parse_html
    from articlekit.model import Heading, plain_text

    fill = "<p>Filler sentence of the article body, with commas, long enough to vote.</p>" * 4
    html = (
        f"<html><body><article>{fill}<h3><span id='Eich_CEO_promotion_controversy'>"
        f"Eich CEO promotion controversy</span></h3>{fill}</article></body></html>"
    )
    heads = [plain_text(b) for b in parse_html(html).blocks if isinstance(b, Heading)]
    assert heads == ["Eich CEO promotion controversy"]


@pytest.mark.parametrize(
    ("tag", "names", "expected"),
    [
        ("div", "related-posts", True),
        ("div", "jp-relatedposts", True),
        ("div", "OUTBRAIN", False),  # class_id lower-cases before this is called
        ("div", "outbrain", True),
        ("section", "more-stories", True),
        ("body", "related", False),
        ("div", "entry-content related", False),
        ("div", "content", False),
        # the box linking the previous and the next article
        ("div", "grid-container next-prev", True),
        ("div", "prevnext-story prevnext-story-storynext", True),
        ("div", "td-block-row td-post-next-prev", True),
        ("div", "navigationpreviousnext row", True),
        ("div", "nextpreview col-2", False),
    ],
)
def test_looks_like_rec_widget(tag: str, names: str, expected: bool) -> None:
    assert looks_like_rec_widget(tag, names) is expected


@pytest.mark.parametrize(
    ("stats", "first", "expected"),
    [
        (Stats(text=120, links=90, anchors=3), "Related articles", True),
        (Stats(text=120, links=90, anchors=3), "Lire aussi", True),
        (Stats(text=120, links=90, anchors=3), "Mehr zum Thema", True),
        (Stats(text=120, links=90, anchors=3), "Leia também", True),
        (Stats(text=120, links=90, anchors=3), "The weather today", False),
        (Stats(text=120, links=5, anchors=1), "Related articles", False),
        (Stats(text=120, links=90, anchors=0), "Related articles", False),
        # holds the article's body (an <article> or article-body box the walk did not
        # take for a teaser card)
        (Stats(text=120, links=90, anchors=3, flags=FLAG_MAIN | FLAG_MAIN_BODY), "Related", False),
        # holds teaser cards drawn as <article> elements (clean.is_card_part)
        (Stats(text=120, links=90, anchors=3, flags=FLAG_MAIN), "Related", True),
    ],
)
def test_looks_like_rec_container(stats: Stats, first: str, expected: bool) -> None:
    assert looks_like_rec_container(stats, first) is expected


def test_label_page_measures_text_and_links() -> None:
    root = parse_tree('<body><div id="d"><p>Hello <a href="/x">world</a>!</p></div></body>')
    labels = label_page(root)
    div = _find(root, ".//div")
    st = labels.stats[div]
    assert st.text == len("Hello") + len("world") + len("!")
    assert st.links == len("world")
    assert st.anchors == 1
    assert st.flags & FLAG_BLOCK


def test_label_page_keeps_no_measurements_for_inline_links_of_paragraphs() -> None:
    root = parse_tree(
        '<body><p id="p">Read <a href="/a">this</a> and <a href="/b">that</a>.</p>'
        '<div><a href="/c">a link outside a paragraph</a></div></body>'
    )
    labels = label_page(root)
    links = root.findall(".//p/a")
    # the paragraph's own measurements still count the link text
    assert labels.stats[_find(root, ".//p")].links == len("this") + len("that")
    assert labels.stats[_find(root, ".//p")].anchors == 2
    assert not any(link in labels.stats for link in links)
    # a link outside a paragraph keeps its own measurements
    assert labels.stats[_find(root, ".//div/a")].links == len("a link outside a paragraph")


def test_label_page_drops_furniture_and_keeps_article() -> None:
    root = parse_tree(
        "<body><nav><a href='/'>Home</a></nav>"
        f"<div class='sidebar'><p>{LONG}</p></div>"
        f"<article><h1>T</h1><p>{LONG}</p></article>"
        "<footer>(c) Site</footer><form><input></form></body>"
    )
    labels = label_page(root)
    dropped = {el.tag if not el.get("class") else el.get("class") for el in labels.boilerplate}
    assert {"nav", "sidebar", "footer", "form"} <= dropped
    article = _find(root, ".//article")
    assert article not in labels.boilerplate
    assert labels.stats[article].flags & (FLAG_MAIN | FLAG_H1)
    assert _find(root, ".//article/p") in labels.paragraphs
    assert _find(root, ".//div/p") not in labels.paragraphs


def test_furniture_that_holds_the_article_is_kept() -> None:
    # ASP.NET pages wrap everything in a <form>; a "page-header" wrapper may hold the h1
    root = parse_tree(f"<body><form id='aspnetForm'><article><p>{LONG}</p></article></form></body>")
    labels = label_page(root)
    assert not labels.boilerplate & {_find(root, ".//form")}


@pytest.mark.parametrize(
    ("field", "kept"),
    [
        ("<input type='text' name='size'>", True),  # a shop's product form: its text stays
        ("<input type='email' name='address'>", False),  # a sign-up form's pitch goes
        ("<input type='text' name='email'>", False),
        ("<input id='subscriber-mail'>", False),
        ("<input type='hidden' name='email-list'>", True),
    ],
)
def test_form_with_prose_is_kept_unless_it_asks_for_an_email(field: str, kept: bool) -> None:
    root = parse_tree(
        f"<body><article><h1>T</h1><p>{LONG}</p></article>"
        f"<form><h3>Download the free guide</h3><p>{LONG}</p><p>{LONG}</p>{field}"
        "<button>Send</button></form></body>"
    )
    labels = label_page(root)
    assert (_find(root, ".//form") not in labels.boilerplate) is kept


def test_page_wrapped_in_a_form_with_an_email_field_is_kept() -> None:
    root = parse_tree(
        f"<body><form id='aspnetForm'><div>{('<p>' + LONG + '</p>') * 8}</div>"
        "<div class='newsletter-box'><input type='email' name='email'></div></form></body>"
    )
    assert _find(root, ".//form") not in label_page(root).boilerplate


def test_comments_kept_when_asked() -> None:
    html = f"<body><div id='comments'><p>{LONG}</p></div></body>"
    root = parse_tree(html)
    assert _find(root, ".//div") in label_page(root).boilerplate
    root = parse_tree(html)
    assert _find(root, ".//div") not in label_page(root, comments=True).boilerplate


@pytest.mark.parametrize(
    "comment",
    [
        # hAtom marks (an older WordPress theme), an <article> per comment (HTML5 themes)
        f"<li class='comment hentry'><div class='entry-content'><p>{LONG}</p></div></li>",
        f"<li><article class='comment-body'><p>{LONG}</p></article></li>",
    ],
)
def test_comment_section_holding_article_marks_stays_out(comment: str) -> None:
    html = (
        f"<body><article><p>{LONG}</p></article>"
        f"<section id='comments'><ol class='commentlist'>{comment}</ol></section></body>"
    )
    root = parse_tree(html)
    labels = label_page(root)
    assert _find(root, ".//section") in labels.boilerplate
    assert _find(root, ".//article") not in labels.boilerplate
    # asked for, the comments stay
    root = parse_tree(html)
    assert _find(root, ".//section") not in label_page(root, comments=True).boilerplate


@pytest.mark.parametrize(
    ("cls", "dropped"),
    [
        ("element-image fig--has-shares", False),  # a photo with its share buttons
        ("post has-comments", False),
        ("article no-sidebar", False),
        ("o-teaser--ad-with-fallback", True),  # an ad teaser, with a fallback
        ("sidebar-with-ads", True),
        ("share-bar", True),
    ],
)
def test_a_modifier_names_what_an_element_holds_not_what_it_is(cls: str, dropped: bool) -> None:
    root = parse_tree(f"<body><div class='{cls}'><p>{LONG}</p></div><p>{LONG}</p></body>")
    assert (_find(root, ".//div") in label_page(root).boilerplate) is dropped


def test_relaxed_walk_still_drops_a_comment_section() -> None:
    # relaxing looks for an article under a furniture name; comments are never it
    root = parse_tree(
        f"<body><div class='entry share'><p>{LONG}</p></div>"
        f"<section id='comments' class='themeform'><p>{LONG}</p></section></body>"
    )
    labels = label_page(root, relaxed=True)
    assert _find(root, ".//div") not in labels.boilerplate
    assert _find(root, ".//section") in labels.boilerplate
    # asked for, the comments are kept by both walks
    assert _find(root, ".//section") not in label_page(root, comments=True).boilerplate


def test_relaxed_keeps_class_boilerplate_but_not_tags() -> None:
    root = parse_tree(f"<body><div class='sidebar'><p>{LONG}</p></div><nav>x</nav></body>")
    labels = label_page(root, relaxed=True)
    assert _find(root, ".//div") not in labels.boilerplate
    assert _find(root, ".//nav") in labels.boilerplate


@pytest.mark.parametrize(
    ("body", "relaxable"),
    [
        (f"<div><p>{LONG}</p></div><nav>x</nav><footer>y</footer>", False),
        (f"<div class='sidebar'><p>{LONG}</p></div>", True),
        (f"<div role='navigation'><p>{LONG}</p></div>", True),
        (f"<div><p>{LONG}</p><noscript><p>{LONG}</p></noscript></div>", True),
        # a heading keeps its "unlikely" class in both walks
        (f"<div><h2 class='sidebar'>Title</h2><p>{LONG}</p></div>", False),
        # ...and a comment section stays out of both
        (f"<div><p>{LONG}</p></div><section id='comments'><p>{LONG}</p></section>", False),
    ],
)
def test_relaxable_says_whether_the_relaxed_walk_differs(body: str, relaxable: bool) -> None:
    root = parse_tree(f"<body>{body}</body>")
    strict = label_page(root)
    relaxed = label_page(root, relaxed=True)
    assert strict.relaxable is relaxable
    if not relaxable:
        assert strict.boilerplate == relaxed.boilerplate
        assert strict.stats == relaxed.stats
        assert strict.paragraphs == relaxed.paragraphs


def test_recommendation_widgets_are_labelled_not_dropped() -> None:
    root = parse_tree(
        f"<body><article><p>{LONG}</p></article>"
        "<aside><h3>Related articles</h3><ul><li><a href='/a'>First story title</a></li>"
        "<li><a href='/b'>Second story title</a></li></ul></aside>"
        "<div class='taboola'><a href='/c'>Sponsored story</a></div></body>"
    )
    labels = label_page(root)
    kinds = {el.tag for el in labels.recommendations}
    assert kinds == {"aside", "div"}
    assert _find(root, ".//aside") not in labels.boilerplate


def test_heading_and_paragraph_survive_weak_classes() -> None:
    root = parse_tree(
        "<body><div><h3 id='nav_intro'>Intro</h3>"
        f"<p class='byline-ish meta'>{LONG}</p></div></body>"
    )
    labels = label_page(root)
    assert _find(root, ".//h3") not in labels.boilerplate


def test_site_rule_drop_and_recommendations_win() -> None:
    root = parse_tree(
        f"<body><div id='a'><p>{LONG}</p></div><div id='b'><a href='/x'>x</a></div></body>"
    )
    a, b = root.find(".//div[@id='a']"), root.find(".//div[@id='b']")
    labels = label_page(root, drop={a}, recommendations={b})
    assert a in labels.boilerplate
    assert labels.recommendations == [b]


def test_label_page_reads_known_attributes_as_the_metadata_walk_read_them() -> None:
    from lxml.html import HtmlElement

    from articlekit.html.clean import KnownAttributes
    from articlekit.html.metadata import metadata_and_bases

    html = (
        "<html><body><nav class='menu'><a href='/'>Home</a></nav>"
        "<div id='main' class='entry-content'><h1>Title</h1>"
        f"<p class='lead'>{LONG}</p><p>{LONG}</p><div class='share-buttons'>Share</div>"
        f"<img src='a.jpg' alt='x'><p style='display:none'>{LONG}</p></div>"
        "<aside class='sidebar'><p>Other</p></aside></body></html>"
    )
    root = parse_tree(html)
    held: list[HtmlElement] = []
    known: dict[HtmlElement, KnownAttributes] = {}
    metadata_and_bases(root, keep=held, attributes=known)
    div = _find(root, ".//div[@id='main']")
    assert known[div] == (["id", "class"], "entry-content", "main", "div")
    assert all(el.keys() for el in known)  # elements without attributes are not noted
    plain = label_page(root)
    fed = label_page(root, attributes=known)
    assert fed == plain
    assert div in plain.stats and plain.boilerplate
    # what the mapping says is what the walk believes (the tree is not read again)
    para = _find(root, ".//p[@class='lead']")
    told: dict[HtmlElement, KnownAttributes] = {para: (["class"], "share-buttons", None, "p")}
    assert para in label_page(root, attributes=told).boilerplate
    assert para not in plain.boilerplate
    # the tag too: a <p> noted as an <h2> is one of the page's headings
    h1 = _find(root, ".//h1")
    assert fed.headings == plain.headings == [h1]
    noted: dict[HtmlElement, KnownAttributes] = {para: (["class"], "lead", None, "h2")}
    assert label_page(root, attributes=noted).headings == [h1, para]


def test_hidden_box_with_a_heading_is_still_hidden() -> None:
    root = parse_tree(
        f"<body><div class='body'><p>{LONG}</p></div>"
        "<div style='display: none;'><h1>Title again</h1><p>Teaser copy</p></div></body>"
    )
    hidden = _find(root, ".//div[@style]")
    assert hidden in label_page(root).boilerplate


def test_hidden_microdata_record_is_dropped_though_it_marks_the_body() -> None:
    record = (
        "<div style='display:none' itemscope itemtype='http://schema.org/NewsArticle'>"
        f"<h1 itemprop='name'>Title</h1><div itemprop='articleBody'><p>{LONG}</p></div></div>"
    )
    root = parse_tree(f"<body><article><p>{LONG}</p></article>{record}</body>")
    assert _find(root, ".//div[@itemscope]") in label_page(root).boilerplate
    # without itemscope, a hidden box holding the article's mark is kept: scripts hide and
    # reveal whole articles, and a snapshot may catch one hidden
    root = parse_tree(
        f"<body><div hidden><div itemprop='articleBody'><p>{LONG}</p></div></div></body>"
    )
    assert _find(root, ".//div[@hidden]") not in label_page(root).boilerplate


def test_paywall_box_holding_the_article_is_kept_and_its_prompt_is_not() -> None:
    article = "".join(f"<p>{LONG} Part {i}.</p>" for i in range(4))
    root = parse_tree(
        f"<body><div class='article'><p>{LONG}</p><div class='paywall'>{article}</div></div></body>"
    )
    labels = label_page(root)
    assert _find(root, ".//div[@class='paywall']") not in labels.boilerplate
    assert len(labels.paragraphs) == 5
    prompt = (
        "<div class='paywall'><p>Already a subscriber? Log in</p><p>Read this article now!</p>"
        "<ul><li>Every month one subscriber article on our site for free</li>"
        "<li>Our editors' newsletter with the day's most important news</li></ul>"
        "<p>Digital subscription 3 € a month for the first three months, cancel any time</p>"
        "<p>Register for free</p></div>"
    )
    root = parse_tree(f"<body><div class='article'><p>{LONG}</p>{prompt}</div></body>")
    assert _find(root, ".//div[@class='paywall']") in label_page(root).boilerplate
    # a gate's box full of links (a list of paid articles) stays furniture too
    links = "".join(f"<p><a href='/a{i}'>{LONG}</a></p>" for i in range(4))
    root = parse_tree(f"<body><p>{LONG}</p><div class='paywall-list'>{links}</div></body>")
    assert _find(root, ".//div[@class='paywall-list']") in label_page(root).boilerplate


@pytest.mark.parametrize("name", ["restricted-content-breaker", "restrictedContent"])
def test_a_restricted_content_box_is_a_gate(name: str) -> None:
    # a CMS names the box that breaks the article for its subscribers' offers after the
    # restricted content, not after a paywall: its prompt is furniture, the paid part kept
    prompt = (
        f"<div class='{name}'><p>Already have an account? Log in</p>"
        "<p>Unlock this article with a subscription</p><p>$39 a month</p></div>"
    )
    root = parse_tree(f"<body><div class='article'><p>{LONG}</p>{prompt}</div></body>")
    assert _find(root, f".//div[@class='{name}']") in label_page(root).boilerplate
    article = "".join(f"<p>{LONG} Part {i}.</p>" for i in range(4))
    root = parse_tree(f"<body><p>{LONG}</p><div class='{name}'>{article}</div></body>")
    labels = label_page(root)
    assert _find(root, f".//div[@class='{name}']") not in labels.boilerplate
    assert len(labels.paragraphs) == 5


@pytest.mark.parametrize(
    ("box", "view"),
    [
        ("premium-content-container", "premium-content-logged-out-view entry-content"),
        ("gated-content-overlay", "gated-content-cta"),
        # a "freemium" wall: free articles behind a registration
        ("freemiumwall-container", "freemium-box"),
    ],
)
def test_a_gate_box_holding_its_prompt_inside_the_article_is_furniture(box: str, view: str) -> None:
    # the paid part's box renders, for a reader not logged in, the prompt: a heading, a
    # line, a button; an article mark in its class does not keep it
    prompt = (
        f"<div class='{box}'><div class='{view}'><h3>Subscribe to get access</h3>"
        "<p>Read more of this content when you subscribe today.</p>"
        "<a href='/join'>Subscribe</a> <a href='/login'>Log in</a></div></div>"
    )
    root = parse_tree(f"<body><div class='entry-content'><p>{LONG}</p>{prompt}</div></body>")
    labels = label_page(root)
    assert _find(root, f".//div[@class='{view}']") in labels.boilerplate
    assert [h.text for h in labels.headings] == []
    # the same box holding the paid part (prose, no prompt) is the article's
    paid = "".join(f"<p>{LONG} Part {i}.</p>" for i in range(2))
    body = f"<div class='entry-content'><p>{LONG}</p><div class='{box}'>{paid}</div></div>"
    root = parse_tree(f"<body>{body}</body>")
    labels = label_page(root)
    assert _find(root, f".//div[@class='{box}']") not in labels.boilerplate
    assert len(labels.paragraphs) == 3
    # a short premium box without a prompt (a product's "premium" tier) stays
    root = parse_tree(
        f"<body><p>{LONG}</p><div class='{box}'><p>Premium sound for a fair price.</p></div></body>"
    )
    assert _find(root, f".//div[@class='{box}']") not in label_page(root).boilerplate


def test_label_page_leaves_no_reference_cycle() -> None:
    # the walk is a function that calls itself: a cycle left behind would keep the
    # page's labels and tree alive until the cyclic collector ran (never, with it off).
    # What the walk's closure held is freed on return: the labels' own dicts are held by
    # the labels alone. (Counted by reference, not by gc.collect(), which also counts
    # any other test's garbage that happens to be waiting.)
    import sys
    import weakref

    root = parse_tree(f"<html><body><div><p>{LONG}</p><p>{LONG}</p></div></body></html>")
    labels = label_page(root)
    assert len(labels.paragraphs) == 2
    # four references each: the labels' own, the tuple's, the name ``x`` and getrefcount's
    # argument (counted outside the assert, whose rewriting keeps the values it shows); a
    # walk closure left alive holds a fifth
    counts = [sys.getrefcount(x) for x in (labels.stats, labels.paragraphs, labels.boilerplate)]
    assert counts == [4, 4, 4]
    ref = weakref.ref(labels)
    del labels
    assert ref() is None


def test_label_page_measures_the_deepest_tree_the_parser_gives() -> None:
    # libxml2 nests at most 256 levels (deeper markup is flattened): the recursive walk
    # measures such a tree whole
    depth = 300
    root = parse_tree("<html><body>" + "<div>" * depth + LONG + "</div>" * depth + "</body></html>")
    labels = label_page(root)
    assert labels.total.text == len(LONG.strip())


def test_first_text_of_a_container_may_come_from_a_childs_tail() -> None:
    # "Related" is the widget's first text although it is the tail of an empty anchor
    html = (
        f'<html><body><article><p>{LONG}</p><p>{LONG}</p></article><div id="box"><a name="x"></a>'
        'Related<ul><li><a href="/a">First story of the list</a></li>'
        '<li><a href="/b">Second story of the list</a></li></ul></div></body></html>'
    )
    root = parse_tree(html)
    labels = label_page(root)
    assert _find(root, ".//div[@id='box']") in labels.recommendations


def test_nav_that_swallowed_the_page_is_read_for_its_article() -> None:
    # an unclosed <div> in a menu item: libxml2 keeps it open past the item's </li>, so
    # the rest of the page nests inside the <nav>
    html = (
        "<body><header><nav><ul><li><div class='dropdown'><a href='/a'>Topics</a>"
        "<ul><li><a href='/b'>Money</a></li></ul></li></ul></nav></header>"
        f"<main><article><h1>Title</h1><p>{LONG}</p><p>{LONG}</p></article></main></body>"
    )
    root = parse_tree(html)
    nav = _find(root, ".//nav")
    assert nav.find(".//main") is not None  # the parser's nesting, which this rule is for
    labels = label_page(root)
    assert nav not in labels.boilerplate
    assert _find(root, ".//main") in labels.stats
    assert _find(root, ".//p") in labels.paragraphs
    import articlekit

    text = articlekit.to_text(articlekit.parse_html(html))
    assert text.count("This is a sentence of article text") == 6
    assert "Money" not in text


def test_nav_without_the_main_content_stays_out_unread() -> None:
    html = (
        "<body><nav><ul><li><a href='/a'>Home</a></li></ul><h1>Site name</h1>"
        f"<p>{LONG}</p></nav><main><p>{LONG}</p></main></body>"
    )
    root = parse_tree(html)
    labels = label_page(root)
    nav = _find(root, ".//nav")
    assert nav in labels.boilerplate
    assert _find(nav, ".//p") not in labels.paragraphs


def test_menu_button_that_swallowed_the_page_is_read_for_its_article() -> None:
    # a menu button's icon <div>s left unclosed: libxml2 ignores the </button>, so the
    # rest of the page nests inside the button (a browser closes the <div>s there)
    html = (
        "<body><header><button class='menu-button'><div class='inner'><div></button></div>"
        "<a href='/'>Home</a></header>"
        f"<main><article><h1>Title</h1><p>{LONG}</p><p>{LONG}</p></article></main></body>"
    )
    root = parse_tree(html)
    button = _find(root, ".//button")
    assert button.find(".//main") is not None  # the parser's nesting, which this rule is for
    labels = label_page(root)
    assert button not in labels.boilerplate
    assert _find(root, ".//p") in labels.paragraphs
    import articlekit

    text = articlekit.to_text(articlekit.parse_html(html))
    assert text.count("This is a sentence of article text") == 6


def test_nav_that_swallowed_an_article_with_its_headline_is_read() -> None:
    # no <main>: the page's mark is an <article> holding the <h1>, or a role="main" box
    for body in (
        f"<article><h1>Title</h1><p>{LONG}</p><p>{LONG}</p></article>",
        f"<div role='main'><h1>Title</h1><p>{LONG}</p><p>{LONG}</p></div>",
    ):
        html = f"<body><nav><ul><li><div><a href='/a'>Topics</a></li></ul></nav>{body}</body>"
        root = parse_tree(html)
        nav = _find(root, ".//nav")
        assert nav.find(".//p") is not None
        labels = label_page(root)
        assert nav not in labels.boilerplate
        assert _find(root, ".//p") in labels.paragraphs


def test_nav_that_swallowed_an_unmarked_page_is_read_for_its_prose() -> None:
    # no <main>, no role="main", no <article>: the page's <h1> and its paragraphs of prose,
    # all of them, nested in the menu by an unclosed <div>
    body = "".join(f"<p>{LONG} Part {i}.</p>" for i in range(6))
    html = (
        "<body><header><nav><ul><li><div><a href='/a'>Topics</a></li></ul></nav></header>"
        f"<div class='page'><h1>Title</h1><div class='body'>{body}</div></div></body>"
    )
    root = parse_tree(html)
    nav = _find(root, ".//nav")
    assert nav.find(".//h1") is not None  # the parser's nesting, which this rule is for
    labels = label_page(root)
    assert nav not in labels.boilerplate
    assert all(p in labels.paragraphs for p in root.iter("p"))


def test_menu_with_a_few_long_descriptions_beside_the_page_prose_stays_out() -> None:
    # a menu holding the site's <h1> and five long descriptions: fewer than half the
    # page's paragraphs of prose, the rest being the article's own
    blurbs = "".join(f"<li><a href='/{i}'>Topic</a><p>{LONG}</p></li>" for i in range(5))
    body = "".join(f"<p>{LONG} Part {i}.</p>" for i in range(12))
    html = f"<body><nav><h1>Site</h1><ul>{blurbs}</ul></nav><div>{body}</div></body>"
    root = parse_tree(html)
    labels = label_page(root)
    assert _find(root, ".//nav") in labels.boilerplate


def test_menu_with_teaser_articles_or_a_titled_button_stays_out() -> None:
    # teaser cards marked up as <article> without an <h1>, and a button holding an <h1>,
    # are a menu's and a button's own: left out unread
    cards = "".join(
        f"<article><h3><a href='/{i}'>Story {i}</a></h3><p>{LONG}</p></article>" for i in range(3)
    )
    html = (
        f"<body><nav><ul><li>{cards}</li></ul></nav><button><h1>Menu</h1></button>"
        f"<main><h1>Title</h1><p>{LONG}</p></main></body>"
    )
    root = parse_tree(html)
    labels = label_page(root)
    assert _find(root, ".//nav") in labels.boilerplate
    assert _find(root, ".//button") in labels.boilerplate
    assert _find(root, ".//nav//p") not in labels.paragraphs


def test_ad_named_wrapper_of_the_body_is_kept_and_an_ad_slot_is_not() -> None:
    # a CMS names the body's wrapper after the ads it injects between the paragraphs
    body = "".join(f"<p>{LONG} Step {i}.</p>" for i in range(4))
    root = parse_tree(
        "<body><main><h1>Growing beans</h1>"
        f"<div class='body-ad-wrapper'><div class='field-body'>{body}</div></div></main></body>"
    )
    labels = label_page(root)
    assert _find(root, ".//div[@class='body-ad-wrapper']") not in labels.boilerplate
    assert len(labels.paragraphs) == 4
    # an ad slot: a short pitch and a link, or a sponsored teaser, stays furniture
    slot = (
        "<div class='ad-slot'><p>Save 20% on garden tools this week only</p>"
        "<p><a href='/shop'>Shop the sale now and get free delivery on every order</a></p></div>"
    )
    root = parse_tree(f"<body><main><p>{LONG}</p>{slot}</main></body>")
    assert _find(root, ".//div[@class='ad-slot']") in label_page(root).boilerplate
    # a box of ads full of links stays furniture too
    links = "".join(f"<p><a href='/p{i}'>{LONG}</a></p>" for i in range(4))
    root = parse_tree(f"<body><p>{LONG}</p><div class='ads'>{links}</div></body>")
    assert _find(root, ".//div[@class='ads']") in label_page(root).boilerplate


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ("jump-to-recipe", "strong-class"),
        ("jumplink-nav", "class"),
        ("toc jump", "class"),
        # the sections a table of contents jumps to, and jumpers, are no jump links
        ("guide-jump-section", None),
        ("cws-jump-sections", None),
        ("jumper-photo", None),
        ("show-jumping-results", None),
    ],
)
def test_jump_names_jump_links_not_their_targets(names: str, expected: str | None) -> None:
    assert boilerplate_kind("div", names, None, comments=False) == expected


def test_guide_cut_into_jump_sections_is_read_whole() -> None:
    import articlekit

    sections = "".join(
        f"<section class='guide-jump-section'><h2>Part {i}</h2><p>{LONG}</p><p>{LONG}</p></section>"
        for i in range(4)
    )
    intro = f"<section class='guide-intro'><p>{LONG}</p><p>{LONG}</p></section>"
    html = (
        "<html><body><main><h1>What is a cloud</h1>"
        f"<div>{intro}{sections}</div></main></body></html>"
    )
    text = articlekit.to_text(articlekit.parse_html(html))
    assert all(f"Part {i}" in text for i in range(4))


ANSWER = "You can claim the rebate within ninety days of purchase, with the receipt attached. "


def _accordion(panels: int, answer: str = ANSWER) -> str:
    items = "".join(
        f"<div class='item' role='tab'><a href='#a{n}'>Question number {n}?</a></div>"
        f"<div id='a{n}' class='collapse' role='tabpanel'><p>{answer * 2}</p></div>"
        for n in range(panels)
    )
    return f"<div class='accordion' role='tablist'>{items}</div>"


def test_accordion_marked_as_a_tablist_is_content() -> None:
    # Bootstrap's accordions mark the whole box, answers included, role="tablist"
    root = parse_tree(f"<body><main><p>{LONG}</p>{_accordion(3)}</main></body>")
    labels = label_page(root)
    assert _find(root, ".//div[@role='tablist']") not in labels.boilerplate
    assert _find(root, ".//div[@role='tabpanel']/p") in labels.paragraphs


@pytest.mark.parametrize(
    "box",
    [
        # a strip of tab labels: no paragraph, little text
        "<ul role='tablist'><li role='tab'><a href='#d'>Description</a></li>"
        "<li role='tab'><a href='#s'>Specifications and dimensions</a></li></ul>",
        # an accordion holding an article's worth (an attached interview): left out
        _accordion(1, ANSWER * 40),
        # a box named as furniture besides its role
        _accordion(3).replace("class='accordion'", "class='sidebar'"),
    ],
)
def test_other_tablists_stay_furniture(box: str) -> None:
    root = parse_tree(f"<body><main><p>{LONG}</p>{box}</main></body>")
    labels = label_page(root)
    assert _find(root, ".//*[@role='tablist']") in labels.boilerplate


def test_ad_named_list_of_many_items_is_a_listing_not_an_ad() -> None:
    # an events page names its list after the ads a script injects between the items
    item = (
        "<li class='event'><p><a href='/e/{n}'>The Night Owls and guests, tour {n}</a></p>"
        "<p><a href='/v/{n}'>Harbour Hall</a>, Portsmouth, UK</p></li>"
    )
    events = "".join(item.format(n=n) for n in range(20))
    html = (
        "<body><main><h2>Upcoming concerts</h2>"
        f"<ul class='listings dynamic-ad-container'>{events}</ul></main></body>"
    )
    root = parse_tree(html)
    assert _find(root, ".//ul") not in label_page(root).boilerplate
    # with fewer items it is an ad unit, and stays furniture
    few = "".join(item.format(n=n) for n in range(4))
    root = parse_tree(html.replace(events, few))
    assert _find(root, ".//ul") in label_page(root).boilerplate


def test_collapsed_accordion_panel_is_not_hidden() -> None:
    panel = parse_tree(
        "<body><div role='region' aria-labelledby='q1' aria-hidden='true'><p>x</p></div>"
        "<div role='dialog' aria-labelledby='t1' aria-hidden='true'><p>y</p>"
        "<div role='region' aria-labelledby='q2' aria-hidden='true'><p>z</p></div></div>"
        "<div role='region' aria-labelledby='v-transcript' aria-hidden='true'></div></body>"
    )
    region, dialog, in_dialog, transcript = panel.findall(".//div")
    assert is_collapsed_panel(region)
    assert not is_hidden(region, "")
    assert not is_collapsed_panel(dialog)
    assert is_hidden(dialog, "")
    assert not is_collapsed_panel(in_dialog)
    assert not is_collapsed_panel(transcript)


def test_folded_answer_under_its_question_is_not_hidden() -> None:
    faq = (
        "<body><main><h1>Questions</h1>"
        "<div class='faq'><h3>Can I return the backpack?</h3>"
        f"<div class='faq-answer' style='display: none;'><p>{ANSWER}</p></div></div>"
        "<div class='faq'><button>How long does delivery take?</button>"
        f"<div class='panel' hidden><p>{ANSWER}</p></div></div>"
        "<div class='faq'><h3>Returns</h3>"
        f"<div class='faq-answer' style='display: none;'><p>{ANSWER}</p></div></div>"
        f"<div class='intro'><p>{LONG} Is it not?</p>"
        f"<div style='display:none'><p>{ANSWER}</p></div></div>"
        "</main></body>"
    )
    root = parse_tree(faq)
    labels = label_page(root)
    first, second, titled, long_question = root.findall(".//main/div")
    assert is_folded_answer(first[1])
    assert first[1] not in labels.boilerplate
    assert second[1] not in labels.boilerplate
    # under a heading that asks nothing, or a paragraph too long to be a question: hidden
    assert not is_folded_answer(titled[1])
    assert titled[1] in labels.boilerplate
    assert not is_folded_answer(long_question[1])
    assert long_question[1] in labels.boilerplate


@pytest.mark.parametrize(
    ("inner", "flag"),
    [
        ("<h1>Title</h1>", FLAG_H1),
        ("<img src='a.jpg'>", FLAG_IMG),
        ("<picture><source srcset='a.webp'><img src='a.jpg'></picture>", FLAG_IMG),
        ("<picture><source srcset='a.webp'></picture>", FLAG_IMG),
        ("<table><tr><td>1</td><td>2</td></tr></table>", FLAG_TABLE),
    ],
)
def test_tag_flags_reach_the_ancestors(inner: str, flag: int) -> None:
    """An <h1>, an image (<img>, <picture>) and a <table> flag the boxes around them; a
    box around none of them has none of these flags."""
    root = parse_tree(
        f"<body><div class='box'><section>{inner}<p>{LONG}</p></section></div>"
        f"<div class='other'><p>{LONG}</p></div></body>"
    )
    labels = label_page(root)
    assert labels.stats[_find(root, ".//div[@class='box']")].flags & flag
    assert labels.stats[_find(root, ".//section")].flags & flag
    others = labels.stats[_find(root, ".//div[@class='other']")].flags
    assert not others & (FLAG_H1 | FLAG_IMG | FLAG_TABLE)


@pytest.mark.parametrize("href", ['href="javascript:"', 'href=" JavaScript:void(0)"', ""])
def test_dead_link_around_paragraphs_is_not_link_text(href: str) -> None:
    # a click handler's wrapper around the whole article: its paragraphs are text
    root = parse_tree(
        f"<html><body><div><a {href}><p>{LONG}</p><p>{LONG}</p></a></div></body></html>"
    )
    labels = label_page(root)
    div = _find(root, ".//div")
    assert labels.stats[div].links == 0
    assert len(labels.paragraphs) == 2


@pytest.mark.parametrize(
    "link",
    [
        f'<a href="/story"><p>{LONG}</p></a>',  # a card: a real address
        '<a href="javascript:">Back to the list</a>',  # a button: no paragraph
    ],
)
def test_live_links_and_buttons_stay_link_text(link: str) -> None:
    root = parse_tree(f"<html><body><div><p>{LONG}</p>{link}</div></body></html>")
    labels = label_page(root)
    stats = labels.stats[_find(root, ".//div")]
    assert 0 < stats.links < stats.text


def test_page_inside_a_script_link_is_read() -> None:
    from articlekit import parse_html, to_text

    page = '<html><body><a href="javascript:"><p>abc</p><p>def</p> ghi</a></body></html>'
    assert to_text(parse_html(page)) == "abc\n\ndef\n\nghi\n"


def _card(i: int, summary: str) -> str:
    return (
        f"<article class='Teaser'><img src='/p{i}.jpg'><h3>Headline number {i}</h3>"
        f"<ul><li>0{i}.12.2022</li></ul><p>{summary}</p>"
        f"<a href='/story-{i}'>read more</a></article>"
    )


SUMMARY = "A summary of the other story in two lines of text, without a single link in it."


@pytest.mark.parametrize(
    ("title", "cards", "expected"),
    [
        ("Mehr zum Thema", 3, True),
        ("Related articles", 2, True),
        # one card is no grid
        ("Related articles", 1, False),
        # a section heading of the article, not a recommendation title
        ("How the plant works", 3, False),
        # only opens with the words: a section of its own ("More about the plant")
        ("More about the plant and its workers", 3, False),
    ],
)
def test_a_titled_grid_of_teaser_cards_is_a_recommendation_block(
    title: str, cards: int, expected: bool
) -> None:
    grid = "".join(_card(i, SUMMARY) for i in range(cards))
    html = (
        f"<body><div class='content'><p>{LONG}</p><p>{LONG}</p>"
        f"<div class='Teasers'><h2>{title}</h2><div class='holder'>{grid}</div></div>"
        "</div></body>"
    )
    root = parse_tree(html)
    labels = label_page(root)
    grid_box = _find(root, ".//div[@class='Teasers']")
    assert (grid_box in labels.recommendations) is expected
    assert (len(labels.paragraphs) == 2) is expected


def test_a_titled_box_of_prose_is_no_card_grid() -> None:
    # cards hold too little of the box: two cards under a long paragraph of prose
    grid = "".join(_card(i, SUMMARY) for i in range(2))
    html = (
        f"<body><div class='content'><p>{LONG}</p>"
        f"<div class='Teasers'><h2>Recommended</h2><p>{LONG}{LONG}</p>{grid}</div>"
        "</div></body>"
    )
    root = parse_tree(html)
    assert _find(root, ".//div[@class='Teasers']") not in label_page(root).recommendations
