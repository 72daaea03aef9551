"""Kinds of boilerplate and missed text found on the accuracy dev set, each on a small page.

Every fixture is written for the test: it reproduces a layout, not a page of the corpus.
"""

from __future__ import annotations

import pytest

from articlekit import parse_html
from articlekit.html import blocks, content, vocab
from articlekit.html.clean import boilerplate_kind, label_page, looks_like_rec_widget
from articlekit.html.content import find_main_content, is_lead
from articlekit.html.tree import parse_tree
from articlekit.model import Figure, Heading, Paragraph, Recommendation, Recommendations, Text
from articlekit.serialise.text import to_text

BODY = (
    "<p>The council met on Tuesday evening to discuss the new bridge, which has been "
    "delayed for three years because of rising costs and a dispute over its design.</p>"
    "<p>Residents said the delay had cut the town in two, and shop owners on the east "
    "bank reported falling sales, longer deliveries and fewer visitors every month.</p>"
    "<p>The mayor promised a decision before the summer, after a final round of talks "
    "with the regional government, the engineers and the residents' association.</p>"
)


def _text(html: str) -> str:
    return to_text(parse_html(html))


@pytest.mark.parametrize(
    "names",
    [
        "author-box",
        "post-author",
        "author-info clearfix",
        "about-the-author",
        "artdetailautor__text",
        "autorenbox",
        "post-meta",
        "entry-meta",
        "postmetadata",
        "meta",
        "kommentarmodul",
        "commentaires",
        "comentarios-lista",
        "komentarze",
    ],
)
def test_furniture_classes_are_strong(names: str) -> None:
    assert boilerplate_kind("div", names, None, comments=False) == "strong-class"


@pytest.mark.parametrize("names", ["author", "metabox-title", "autorun", "post-content"])
def test_words_near_furniture_are_not(names: str) -> None:
    assert boilerplate_kind("div", names, None, comments=False) != "strong-class"


def test_comment_sections_in_other_languages_kept_on_request() -> None:
    assert boilerplate_kind("div", "kommentare", None, comments=True) is None


def test_author_box_after_the_article_is_dropped() -> None:
    html = (
        f"<html><body><article><h1>Bridge</h1>{BODY}"
        '<div class="author-box"><p>Anna Muster writes about local politics and has '
        "covered the council for ten years, mostly from the east bank.</p></div>"
        "</article></body></html>"
    )
    text = _text(html)
    assert "The mayor promised" in text
    assert "Anna Muster" not in text


def test_post_meta_line_is_dropped() -> None:
    html = (
        f'<html><body><article><h1>Bridge</h1><div class="entry-meta">Posted on 3 May '
        f"2021 by Anna Muster in Politics | 4 comments</div>{BODY}</article></body></html>"
    )
    text = _text(html)
    assert "The council met" in text
    assert "Posted on" not in text


def test_teaser_content_class_inside_related_widget_is_not_the_article_body() -> None:
    # "related-post-content" names a teaser's text, not the article body
    html = (
        f'<html><body><div class="entry-content">{BODY}<div class="related-posts">'
        '<h3>More posts</h3><ul><li><a href="/a">Another story about the town</a>'
        '<div class="related-post-content"><p>A teaser text of another story.</p></div></li>'
        '<li><a href="/b">A second story about the bridge</a></li></ul></div>'
        "</div></body></html>"
    )
    root = parse_tree(html)
    labels = label_page(root)
    widget = root.find(".//div[@class='related-posts']")
    assert widget in labels.recommendations
    assert looks_like_rec_widget("div", "related-post-content")
    assert "A teaser text" not in _text(html)


def test_widget_inside_inline_wrapper_is_not_inline_text() -> None:
    html = (
        f'<html><body><div class="entry-content">{BODY}<b><div class="related">'
        '<a href="/a">Another story about the town hall</a> '
        '<a href="/b">A second story about the bridge</a></div></b>'
        "</div></body></html>"
    )
    doc = parse_html(html)
    text = to_text(doc)
    assert "Another story" not in text
    recs = [b for b in doc.blocks if isinstance(b, Recommendations)]
    assert recs and recs[0].items[0].title == "Another story about the town hall"


def test_recommendation_title_verwandte_beitraege() -> None:
    assert vocab.REC_PHRASE.match("Verwandte Beiträge")


LEAD = (
    "The town has waited three years for its bridge; on Tuesday the council finally "
    "talked about money."
)


@pytest.mark.parametrize(
    "lead",
    [
        f'<p class="article-lead">{LEAD}</p>',
        f'<div class="intro-text"><p>{LEAD}</p></div>',
        f'<div class="article__abstract">{LEAD}</div>',
        f'<h2 class="entry-summary">{LEAD}</h2>',
        f'<h2 itemprop="description">{LEAD}</h2>',
        f'<p class="chapo">{LEAD}</p>',
    ],
)
def test_lead_above_the_body_container_is_kept(lead: str) -> None:
    html = (
        f'<html><body><div class="sidebar"><p>{"Menu entry text " * 5}</p></div>'
        f"<article><header><h1>Bridge</h1>{lead}</header>"
        f'<div class="article-body">{BODY}</div></article></body></html>'
    )
    text = _text(html)
    assert text.index("The town has waited") < text.index("The council met")


def test_lead_outside_the_article_region_is_not_taken() -> None:
    html = (
        f'<html><body><div><p class="summary">{LEAD}</p></div><div><div><div><div>'
        f'<div class="article-body">{BODY}</div></div></div></div></div></body></html>'
    )
    assert "The town has waited" not in _text(html)


def test_lead_in_a_schema_org_article_item_is_kept() -> None:
    # no <article> and no <h1>: the microdata item marks the article, header included
    html = (
        '<html><body><div class="news"><div itemscope itemtype="https://schema.org/Article">'
        '<div class="row"><h3 itemprop="headline">Bridge</h3></div>'
        f'<div class="row"><div class="col"><div class="teaser-text"><p>{LEAD}</p></div>'
        '</div></div><div class="row"><div class="col">'
        f'<div class="text">{BODY}</div></div></div></div></div></body></html>'
    )
    text = _text(html)
    assert text.index("The town has waited") < text.index("The council met")


@pytest.mark.parametrize(
    ("itemtype", "article"),
    [
        ("http://schema.org/NewsArticle", True),
        ("https://schema.org/BlogPosting", True),
        ("https://schema.org/Person", False),
        ("", False),
    ],
)
def test_is_article_item(itemtype: str, article: bool) -> None:
    root = parse_tree(f'<html><body><div itemscope itemtype="{itemtype}">x</div></body></html>')
    assert content.is_article_item(root.find(".//div")) is article


def test_lead_in_a_header_beside_the_article_element_is_kept() -> None:
    # the headline and its lead sit in a <header> beside the <article> holding the body
    html = (
        "<html><head><title>Bridge talks resume</title></head><body><section>"
        '<header><h1>Bridge talks resume</h1><h2 class="article-subheadline">'
        f'{LEAD}</h2></header><article><div class="article-body">{BODY}</div>'
        '<div class="byline">By <a href="/staff/ann">Ann Smith</a></div></article>'
        "</section></body></html>"
    )
    text = _text(html)
    assert text.index("The town has waited") < text.index("The council met")


def _hero_page(header: str) -> str:
    # a theme's "hero" header over the picture, the body in a column further down
    return (
        "<html><head><title>Bridge talks resume</title></head><body>"
        f'<div class="hero"><div class="hero-inner">{header}</div></div>'
        '<div class="page"><div class="col"><div class="text">'
        f'{BODY}</div><div class="tags"><a href="/t/bridge">bridge</a></div></div></div>'
        "</body></html>"
    )


def test_deck_heading_under_the_title_is_kept() -> None:
    text = _text(_hero_page(f"<h1>Bridge talks resume</h1><h2>{LEAD}</h2>"))
    assert text.index("The town has waited") < text.index("The council met")


def test_standfirst_after_byline_and_picture_is_kept_caption_is_not() -> None:
    header = (
        '<h1>Bridge talks resume</h1><div class="by">By Ann Smith</div>'
        '<figure><img src="/b.jpg"><figcaption>The old ferry, seen from the east bank in '
        "March.</figcaption></figure>"
        f'<div class="row"><p>{LEAD}</p></div>'
    )
    text = _text(_hero_page(header))
    assert text.index("The town has waited") < text.index("The council met")
    assert "ferry" not in text


def test_short_line_further_down_the_header_is_no_standfirst() -> None:
    # a one-line picture caption in the hero header, not marked as one
    header = (
        '<h1>Bridge talks resume</h1><div class="by">By Ann Smith</div>'
        '<div class="info"><p>The old ferry at dawn, seen from the bank.</p></div>'
    )
    assert "The old ferry" not in _text(_hero_page(header))
    # right under the title, the same short sentence is its standfirst
    near = "<h1>Bridge talks resume</h1><p>The old ferry at dawn, before the talks.</p>"
    assert "The old ferry" in _text(_hero_page(near))


def test_standfirst_search_ends_at_a_layout_table_around_the_body() -> None:
    # an old page: title, then the body in a layout table, then the page's footer
    html = (
        "<html><head><title>Bridge talks resume</title></head><body>"
        '<div class="top"><h1>Bridge talks resume</h1></div>'
        f'<table><tr><td class="nav"><a href="/">Home</a></td><td>{BODY}</td></tr></table>'
        "<div><p>This site is run by volunteers of the town's history society, who welcome "
        "every visitor and every correction.</p></div></body></html>"
    )
    text = _text(html)
    assert "The council met" in text
    assert not text.startswith("This site")


def test_standfirst_under_a_headline_the_title_rephrases() -> None:
    # the <title> (SEO) rewords the end of the on-page headline
    page = _hero_page(f"<h1>Bridge talks resume after three years of delay</h1><p>{LEAD}</p>")
    page = page.replace(
        "<title>Bridge talks resume</title>",
        "<title>Bridge talks resume after three years: why</title>",
    )
    text = _text(page)
    assert text.index("The town has waited") < text.index("The council met")


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("Auto leasen, finanzieren oder kaufen – was ist günstiger?",
         "Auto leasen, finanzieren oder kaufen – was lohnt sich?", True),
        ("Bridge talks resume", "Bridge talks resume today", True),
        ("Bridge talks resume", "Bridge repairs begin on Monday morning", False),
        ("The", "The", False),
    ],
)  # fmt: skip
def test_opens_alike(a: str, b: str, alike: bool) -> None:
    assert content._opens_alike(a, b) is alike


def test_section_heading_after_the_title_ends_the_standfirst_search() -> None:
    header = (
        "<h1>Bridge talks resume</h1><h2>Most read</h2>"
        "<p>A teaser about another story that reads like a sentence of prose.</p>"
    )
    assert "A teaser" not in _text(_hero_page(header))


@pytest.mark.parametrize(
    ("heading", "deck"),
    [
        (f"<h2>{LEAD}</h2>", True),
        ("<h2>The cost of the bridge</h2>", False),
        (f'<h3><a href="/x">{LEAD}</a></h3>', False),
        (f"<h1>{LEAD}</h1>", False),
    ],
)
def test_is_deck_heading(heading: str, deck: bool) -> None:
    root = parse_tree(f"<html><body><div>{heading}</div></body></html>")
    labels = label_page(root)
    el = root.find(".//div")[0]
    assert content.is_deck_heading(el, labels) is deck


def _builder_row(text: str) -> str:
    # a page builder's row: columns of wrappers around one text block and a spacer
    return (
        '<div class="vc_row wpb_row"><div class="wpb_column"><div class="vc_column-inner">'
        f'<div class="wpb_wrapper"><div class="wpb_text_column">{text}</div>'
        '<div class="vc_empty_space"></div></div></div></div></div>'
    )


def test_article_split_into_page_builder_rows_is_read_whole() -> None:
    opening = (
        "<p>The harbour master has watched the ferry cross the river every morning for "
        "thirty years, and she says the town will not be the same without it.</p>"
        "<p>She remembers the winter the river froze and the ferry stayed in its dock for "
        "six weeks, while the children walked to school across the ice.</p>"
    )
    closing = (
        "<p>When the last ferry crosses next spring, the harbour master will be on board, "
        "with the mayor and the children of the school on the east bank.</p>"
        "<p>After that the boat goes to a museum in the capital, where it will stand in the "
        "hall next to the old tram and the fire engine of the town.</p>"
    )
    html = (
        "<html><body><article><h1>Bridge</h1>"
        f"{_builder_row(opening)}{_builder_row(BODY + BODY)}{_builder_row(closing)}"
        '<div class="vc_row wpb_row"><div class="wpb_column"></div></div>'
        f"{_builder_row('<p>' + 'Another row after an empty one, not the article. ' * 5 + '</p>')}"
        "</article></body></html>"
    )
    text = _text(html)
    assert text.index("The harbour master has") < text.index("The council met")
    assert text.index("The council met") < text.index("When the last ferry")
    assert "Another row" not in text


def _chapter(heading: str, text: str) -> str:
    # a sectioned guide: each chapter a <section> of its heading and its text's wrapper
    return (
        f'<section class="chapter part-{len(text)}"><h2>{heading}</h2>'
        f'<div><div class="body">{text}</div></div></section>'
    )


def test_article_in_sections_of_heading_and_text_is_read_whole() -> None:
    first = (
        "<p>" + "Choosing a name comes first, and the name must say what the firm is. " * 4 + "</p>"
    )
    second = (
        "<p>" + "The articles of organization are filed with the state office next. " * 8 + "</p>"
    )
    third = "<p>" + "A notice of the filing is published in two papers for six weeks. " * 4 + "</p>"
    divider = '<div class="divider"><hr></div>'
    html = (
        "<html><body><main><h1>Forming a company</h1><div class='chapters'>"
        f"{_chapter('Choosing a name', first)}{divider}{_chapter('Filing', second)}{divider}"
        f"{_chapter('Publishing', third)}</div>"
        "<div class='contact'><p>Call the office on weekdays.</p></div></main></body></html>"
    )
    text = _text(html)
    assert text.index("Choosing a name\n") < text.index("Choosing a name comes first")
    assert text.index("Choosing a name comes") < text.index("Filing\n") < text.index("The articles")
    assert text.index("The articles of") < text.index("Publishing\n") < text.index("A notice of")


def _module_row(n: int, inner: str) -> str:
    # a page builder's row: a column of modules (a heading module, a text module)
    return f'<div class="pb_row pb_row_{n}"><div class="pb_column">{inner}</div></div>'


def test_builder_rows_of_heading_and_text_modules_join_across_picture_rows() -> None:
    text_a = "<p>" + "A hot-swap board takes switches out without any solder at all. " * 5 + "</p>"
    text_b = "".join(
        "<p>"
        + "Sockets on the board, by design, hold each switch by its two metal pins. " * 3
        + "</p>"
        for _ in range(4)
    )
    text_c = (
        "<p>" + "Lubed switches feel smoother, and the sockets make trying them easy. " * 5 + "</p>"
    )
    heading = '<div class="pb_module pb_text"><h2>{}</h2></div>'
    body = '<div class="pb_module pb_text">{}</div>'
    picture = '<div class="pb_module pb_image"><img src="/k.jpg" alt="A keyboard"></div>'
    html = (
        "<html><body><main><h1>Hot-swap keyboards</h1><div class='pb_section'>"
        + _module_row(1, heading.format("The idea") + body.format(text_a))
        + _module_row(2, picture)
        + _module_row(3, heading.format("Sockets") + body.format(text_b))
        + _module_row(4, heading.format("Switches") + body.format(text_c))
        + _module_row(5, "")
        + _module_row(6, body.format("<p>" + "Shop our boards and switches today. " * 8 + "</p>"))
        + "</div></main></body></html>"
    )
    doc = parse_html(html)
    text = to_text(doc)
    assert text.index("A hot-swap board") < text.index("Sockets\n") < text.index("Sockets on the")
    assert text.index("Sockets on the") < text.index("Switches\n") < text.index("Lubed switches")
    assert "Shop our boards" not in text  # after an empty row: not the article
    assert any(isinstance(block, Figure) for block in doc.blocks)


def test_builder_rows_join_across_a_short_row_of_a_part_heading_and_its_opening_line() -> None:
    part = "<p>" + "The ferry crossed the river, slowly, every morning at seven o'clock. " * 4
    # each text module: the text and a spacer beside it
    body = '<div class="pb_module pb_text"><div class="text">{}</div><div class="gap"></div></div>'
    short = body.format("<h2>Why the ferry stopped</h2><p>The answer is the new bridge.</p>")
    closing = body.format("<p>Questions? Write to the harbour office.</p>")
    html = (
        "<html><body><main><h1>The last ferry</h1><div class='pb_section'>"
        + _module_row(1, body.format(part + "</p>"))
        + _module_row(2, body.format((part + "</p>") * 4))
        + _module_row(3, short)
        + _module_row(4, body.format(part.replace("ferry", "bridge") + "</p>"))
        + _module_row(5, closing)
        + "</div></main></body></html>"
    )
    text = _text(html)
    assert text.index("The ferry crossed") < text.index("Why the ferry stopped\n")
    assert text.index("The answer is the new bridge.") < text.index("The bridge crossed")
    assert "Questions?" not in text  # a short row with no part after it is not the article


def test_rows_after_the_article_set_off_by_a_rule_or_headed_by_an_h1_stay_out() -> None:
    part = "<p>" + "The ferry crossed the river, slowly, every morning at seven o'clock. " * 3
    body = '<div class="pb_module pb_text">{}</div>'
    heading = '<div class="pb_module pb_text"><h2>{}</h2></div>'
    rows = (
        _module_row(1, body.format(part + "</p>"))
        + _module_row(2, heading.format("The crossing") + body.format((part + "</p>") * 4))
        + _module_row(3, body.format(part + "</p>"))
    )
    appeal = "<p>" + "Support our magazine with a small monthly gift, from two euros. " * 4
    for after in (
        '<div class="rule"><hr></div>' + _module_row(4, body.format(appeal + "</p>")),
        _module_row(4, body.format("<h1>Support us</h1>" + appeal + "</p>")),
    ):
        html = (
            "<html><body><main><h1>The last ferry</h1><div class='pb_section'>"
            f"{rows}{after}</div></main></body></html>"
        )
        text = _text(html)
        assert text.count("The ferry crossed the river") == 18
        assert "Support our magazine" not in text


@pytest.mark.parametrize(
    "names", ["article-donation-CTA", "donate-box", "pane-bundle-donation-promo"]
)
def test_donation_boxes_are_strong_furniture(names: str) -> None:
    assert boilerplate_kind("div", names.lower(), None, comments=False) == "strong-class"


def test_is_lead_needs_prose() -> None:
    root = parse_tree(
        '<html><body><article><p class="lead">Short</p>'
        '<p class="lead"><a href="/x">A link that is the whole lead paragraph here</a></p>'
        f"{BODY}</article></body></html>"
    )
    labels = label_page(root)
    short, linked = root.findall(".//p[@class='lead']")
    assert not is_lead(short, labels)
    assert not is_lead(linked, labels)
    found = find_main_content(root)
    assert short not in found.elements and linked not in found.elements


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO", True),
        ("La bendición se realizará mañana. Foto: LN", True),
        ("Die Sieger des Abends. | © Kevin Cox/Getty Images", True),
        ("Screenshot der App. (Foto: privat)", True),
        ("Copyright 2019 by the author", True),
        ("The court ruled on copyright.", False),
        ("Wir hätten uns ein zweites Foto gewünscht, aber es kam keins.", False),
        ("© AFP " + "and a long caption that goes on " * 10, False),
    ],
)
def test_is_photo_credit(text: str, credit: bool) -> None:
    assert blocks.is_photo_credit(text) is credit


@pytest.mark.parametrize(
    "text",
    [
        "COPYRIGHT 2020 Reuters",
        "Copyr\u0131ght by the agency",  # a dotless i: the regex's case variants, the mark's too
        "Bild: dpa",
        "Der Sieger nach dem FinaleBild: AFP/SID",
        "Ein Satz ohne Quelle",
        "Zeit: 12:30 Uhr",
        "\u00a9",
    ],
)
def test_photo_credit_mark_never_hides_a_credit(text: str) -> None:
    # the cheap mark test only skips texts the credit pattern cannot match
    from articlekit.html import vocab

    short = len(text) <= blocks.MAX_CREDIT_CAPTION_CHARS
    expected = short and vocab.PHOTO_CREDIT.search(text) is not None
    assert blocks.is_photo_credit(text) is expected


def test_caption_paragraph_with_credit_is_dropped_image_kept() -> None:
    html = (
        f"<html><body><article><h1>Bridge</h1>{BODY}"
        '<p><img src="/bridge.jpg" alt="The bridge">The bridge at night. © Anna Muster</p>'
        "<p>The works will start in spring and should last two years, the engineers said "
        "after the meeting.</p></article></body></html>"
    )
    doc = parse_html(html, url="https://example.org/a")
    text = to_text(doc)
    assert "Anna Muster" not in text
    assert "The works will start" in text
    assert any(isinstance(b, Figure) for b in doc.blocks)


@pytest.mark.parametrize(
    "promo",
    [
        "Follow The Courier on Twitter and Instagram @courier.",
        "For breaking news download our apps for iOS and Android.",
        "Puede escribirnos a redaccion@example.org o seguir a Diario en Facebook.",
        "Folgen Sie uns auf Facebook und Instagram!",
        "This article is the copyrighted property of The Courier.",
        "Like this story? Share it with a friend!",
        "Enjoyed it? Share this article with your friends.",
    ],
)
def test_call_to_action_closing_the_article_is_dropped(promo: str) -> None:
    html = (
        f"<html><body><article><h1>Bridge</h1>{BODY}<p>{promo}</p><p>Share</p>"
        "</article></body></html>"
    )
    text = _text(html)
    assert "The mayor promised" in text
    assert promo[:20] not in text


def test_call_to_action_inside_the_article_is_kept() -> None:
    promo = "Residents could download the app, the council wrote, and thousands did so."
    html = f"<html><body><article><h1>Bridge</h1><p>{promo}</p>{BODY}</article></body></html>"
    assert "Residents could download the app" in _text(html)


def test_trim_promo_tail_keeps_recommendations() -> None:
    rec = Recommendations(title=None, items=(Recommendation(title="x", url="https://e.org"),))
    body = Paragraph(content=(Text(text="A sentence of the article that ends properly."),))
    promo = Paragraph(content=(Text(text="Subscribe to our newsletter for more."),))
    assert blocks.trim_promo_tail([body, promo, rec]) == [body, rec]
    assert blocks.trim_promo_tail([promo, body]) == [promo, body]


def test_read_also_paragraph_wrapped_in_emphasis_is_a_recommendation() -> None:
    html = (
        f"<html><body><article><h1>Bridge</h1>{BODY}"
        '<p><em>Czytaj też: <a href="https://example.org/other">Another story about the '
        "town</a></em></p><p>The works will start in spring and should last two years, the "
        "engineers said after the meeting.</p></article></body></html>"
    )
    doc = parse_html(html, url="https://example.org/a")
    assert "Another story" not in to_text(doc)
    recs = [b for b in doc.blocks if isinstance(b, Recommendations)]
    assert recs and recs[0].items[0].url == "https://example.org/other"


def _bold_title_page(host: str) -> str:
    links = "".join(
        f'<li><a href="https://{host}/{n}">A longer title of story number {n}</a> (10 €)</li>'
        for n in range(3)
    )
    return (
        f"<html><body><article><h1>Bridge</h1>{BODY}"
        f"<p><strong>Lesen Sie auch:</strong></p><ul>{links}</ul></article></body></html>"
    )


def test_bold_paragraph_over_the_sites_links_titles_recommendations() -> None:
    doc = parse_html(_bold_title_page("example.org"), url="https://example.org/a")
    assert "Lesen Sie auch" not in to_text(doc)
    recs = [b for b in doc.blocks if isinstance(b, Recommendations)]
    assert recs and recs[0].title == "Lesen Sie auch:"


def test_bold_paragraph_over_links_elsewhere_stays_text() -> None:
    doc = parse_html(_bold_title_page("shop.example.com"), url="https://example.org/a")
    assert "A longer title of story number 1" in to_text(doc)


def test_links_within_site() -> None:
    items = [Recommendation(title="t", url=u) for u in ("https://a.org/1", "https://b.org/2")]
    assert not blocks.links_within_site(items, "https://a.org/x")
    assert blocks.links_within_site(items[:1], "https://a.org/x")
    assert blocks.links_within_site(items, None)


@pytest.mark.parametrize(
    "names",
    ["article-footer-box", "entry-footer", "c-article-buy-box", "buybox", "affiliate-text"],
)
def test_article_footers_and_shop_boxes_are_strong(names: str) -> None:
    assert boilerplate_kind("div", names, None, comments=False) == "strong-class"


@pytest.mark.parametrize("names", ["card pressofficer", "pressekontakt"])
def test_press_contact_boxes_are_furniture(names: str) -> None:
    assert boilerplate_kind("div", names, None, comments=False) == "class"


@pytest.mark.parametrize(
    "names", ["latest-articles", "most-popular", "next-post-thumbnails", "nextstory"]
)
def test_teaser_widget_names(names: str) -> None:
    assert looks_like_rec_widget("div", names)


def test_credit_glued_to_the_caption_text() -> None:
    assert blocks.is_photo_credit("Der Sieger nach dem FinaleBild: AFP/SID")
    assert not blocks.is_photo_credit("Unser Leitbild: wir bauen die Brücke")


@pytest.mark.parametrize(
    ("heading", "cut"),
    [
        ("Comments", True),
        ("3 Kommentare", True),
        ("Commentaires (4)", True),
        ("Leave a Reply", True),
        ("12 thoughts on “Bridge”", True),
        ("Comments from the minister", False),
        ("Discussion", False),
    ],
)
def test_comment_heading(heading: str, cut: bool) -> None:
    assert bool(vocab.COMMENT_HEADING.match(heading)) is cut


def test_comment_section_named_only_by_its_heading_is_cut() -> None:
    html = (
        f"<html><body><article><h1>Bridge</h1>{BODY}<h3>Comments</h3>"
        "<p>Advertise with the most visited news site in town, call us today.</p>"
        "<p>I live on the east bank and I think the bridge should have been built long "
        "ago, the council wasted everybody's time.</p></article></body></html>"
    )
    assert "Advertise with" not in _text(html)
    doc = parse_html(html, comments=True)
    assert "Advertise with" in to_text(doc)


def test_contact_card_closing_a_press_release_is_dropped() -> None:
    html = (
        f"<html><body><article><h1>Bridge</h1>{BODY}<h3>Press contact</h3>"
        "<p>Anna Muster<br>E-Mail: presse@example.org<br>Telefon: +49 40 1234</p>"
        "</article></body></html>"
    )
    text = _text(html)
    assert "The mayor promised" in text
    assert "presse@example.org" not in text
    assert "Press contact" not in text


def test_address_inside_a_sentence_is_not_a_contact_card() -> None:
    para = Paragraph(content=(Text(text="Ask Anna Muster (anna@example.org) for the plans."),))
    assert not blocks.is_promo_line(para)


@pytest.mark.parametrize("names", ["it_latest_articles-3", "scroller top-ten"])
def test_more_teaser_widget_names(names: str) -> None:
    assert looks_like_rec_widget("div", names)


def test_teaser_card_is_a_recommendation_but_a_teaser_named_article_is_not() -> None:
    card = (
        '<div class="m-teaser"><h2><a href="/other">Farmers ask for a start-up bonus</a></h2>'
        "<p>Two months ago, by our reporter.</p></div>"
    )
    html = (
        f'<html><body><div class="teaserTyp3 newsSingle"><h1>Bridge</h1>{BODY}</div>'
        f"{card}</body></html>"
    )
    root = parse_tree(html)
    labels = label_page(root)
    assert root.find(".//div[@class='m-teaser']") in labels.recommendations
    assert root.find(".//div[@class='teaserTyp3 newsSingle']") not in labels.recommendations
    text = _text(html)
    assert "The council met" in text
    assert "Farmers ask" not in text


def test_teaser_card_with_named_parts_is_one_recommendation() -> None:
    # BEM names: "c-teaser__h" is the card's heading, part of the "c-teaser" card; the card
    # is the item, its summary with it, not left behind as article text
    card = (
        '<div class="c-teaser"><h3 class="c-teaser__h"><a href="/other">Farmers ask for a '
        'start-up bonus</a></h3><p class="c-teaser__text">The ministry will hear the '
        "farmers' association on the bonus next week, its spokesman said.</p>"
        '<a class="c-teaser__more" href="/other">More</a></div>'
    )
    html = f"<html><body><article><h1>Bridge</h1>{BODY}{card}</article></body></html>"
    doc = parse_html(html)
    text = to_text(doc)
    assert "The council met" in text
    assert "The ministry will hear" not in text
    recs = [b for b in doc.blocks if isinstance(b, Recommendations)]
    assert [item.title for rec in recs for item in rec.items] == [
        "Farmers ask for a start-up bonus"
    ]


@pytest.mark.parametrize(
    ("token", "teaser"),
    [("c-teaser", True), ("teaser", True), ("c-teaser__h", False), ("teaser-text", False)],
)
def test_teaser_class_names_the_card_not_its_parts(token: str, teaser: bool) -> None:
    assert (vocab.TEASER_CLASS.search(token) is not None) is teaser


def test_is_teaser_card_limits() -> None:
    from articlekit.html.clean import Stats, is_teaser_card

    assert is_teaser_card(Stats(text=200, links=40, anchors=1))
    assert not is_teaser_card(Stats(text=200, links=0, anchors=0))
    assert not is_teaser_card(Stats(text=2000, links=400, anchors=3))


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Teilen mit:", True), ("Share this:", True), ("Tags:", True), ("Email:", True),
        # a byline's lead word once its author link went as furniture
        ("By", True), ("Von", True), ("par :", True),
    ],
)  # fmt: skip
def test_is_furniture_label(text: str, label: bool) -> None:
    assert blocks.is_furniture_label(text) is label


@pytest.mark.parametrize(
    "text", ["Email marketing tips", "Share prices:  what next for the bank?", "By the river"]
)
def test_headings_that_only_start_like_furniture_are_not_labels(text: str) -> None:
    assert not blocks.is_furniture_label(text)


def test_ad_slot_label_and_control_word_inside_the_body_are_dropped() -> None:
    # the label of an ad slot whose script is gone, and a video bar's "close" link
    html = (
        f"<html><body><article><h1>Bridge</h1>{BODY}<center><span>Advert</span><br>"
        "<script>drawAd()</script></center><div class='control'><a href='#' class='x'>"
        f"close</a></div>{BODY}</article></body></html>"
    )
    text = _text(html)
    assert "Advert" not in text and "close" not in text
    assert text.count("The council met") == 2


def test_share_heading_and_disclaimer_are_dropped() -> None:
    html = (
        f"<html><body><article><h1>Bridge</h1>{BODY}<p>(Alle Angaben ohne Gewähr)</p>"
        "<p>The works will start in spring and should last two years, the engineers said "
        "after the meeting.</p><h3>Teilen mit:</h3></article></body></html>"
    )
    text = _text(html)
    assert "The works will start" in text
    assert "Teilen" not in text
    assert "Gewähr" not in text


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        ("ADVERTISING", True), ("Reklama", True), ("Ad", True), ("Advertising:", True),
        ("Advertising revenue fell by a third", False), ("Adam Smith wrote it", False),
        ("Ads are everywhere now", False), ("Advert", True), ("Adverts", True),
        ("Close", True), ("close ×", True), ("Schließen", True), ("Close: 12.50", False),
        ("Closer to home", False),
    ],
)  # fmt: skip
def test_advertising_label_alone_is_furniture(text: str, furniture: bool) -> None:
    assert (vocab.BOILERPLATE_PHRASE.match(text) is not None) is furniture


@pytest.mark.parametrize(
    "disclosure",
    [
        "Disclosure: This post contains affiliate links. If you buy through them, we may earn a"
        " small commission at no extra cost to you.",
        "Purchases made through links on this page earn us a small commission.",
        "As an Amazon Associate I earn from qualifying purchases.",
        "Hinweis: Dieser Artikel enthält Affiliate-Links.",
    ],
)
def test_an_affiliate_disclosure_at_either_end_of_the_body_is_dropped(disclosure: str) -> None:
    explained = (
        "When a reader buys through an affiliate link, the affiliate earns a commission "
        "from the shop, which is how many small review sites pay their writers."
    )
    html = (
        "<html><body><article><h1>Choosing a kettle</h1>"
        f"<p>{disclosure}</p>{BODY}<p>{explained}</p>{BODY}<p>{disclosure}</p>"
        "</article></body></html>"
    )
    text = _text(html)
    assert "The council met" in text
    assert disclosure not in text
    assert explained in text  # the article's own words on affiliate links stay


def test_a_long_paragraph_on_affiliate_links_is_no_disclosure() -> None:
    long_one = (
        "This post contains affiliate links, and it explains them: "
        + "a shop pays the site a share of each sale made through its links. " * 6
    )
    paragraph = Paragraph(content=(Text(text=long_one),))
    short = Paragraph(content=(Text(text="This post contains affiliate links."),))
    assert not blocks.is_affiliate_disclosure(paragraph)
    assert blocks.is_affiliate_disclosure(short)


def test_teaser_cards_closing_an_article_are_recommendations_not_body_text() -> None:
    # a template's "more stories" grid inside the article box: picture, linked headline
    # and a one-sentence summary per card, after the article's last paragraph
    cards = "".join(
        f'<div class="grid-item"><a href="/news/story-{n}"><img src="/i/{n}.jpg" alt=""></a>'
        f'<h3><a href="/news/story-{n}">Another story from the desk, number {n}</a></h3>'
        f"<p>What happened in story {n}, told in one sentence.</p></div>"
        for n in range(4)
    )
    html = (
        '<html><head><title>Bridge</title></head><body><article class="post">'
        f'<h1>Bridge</h1>{BODY}<div class="row">{cards}</div></article></body></html>'
    )
    doc = parse_html(html, url="https://example.org/news/bridge")
    text = to_text(doc)
    assert "The mayor promised a decision" in text
    assert "told in one sentence" not in text
    recs = [b for b in doc.blocks if isinstance(b, Recommendations)]
    titles = [item.title for b in recs for item in b.items]
    assert "Another story from the desk, number 0" in titles


def test_a_newsletter_box_with_a_heading_closing_the_body_is_trimmed() -> None:
    # a heading that calls to subscribe, over its pitch: both are the box's, not the article's
    body = Paragraph(content=(Text(text="A sentence of the article that ends properly."),))
    heading = Heading(level=2, content=(Text(text="Subscribe to the Motoring Newsletter"),))
    pitch = Paragraph(content=(Text(text="Get the latest reviews, direct to your inbox."),))
    assert blocks.trim_promo_tail([body, heading, pitch]) == [body]
    below = Paragraph(content=(Text(text="Want tips like these? Sign up below!"),))
    assert blocks.trim_promo_tail([body, below]) == [body]
    # a section heading closing the body that calls to nothing stays for the others to judge
    plain = Heading(level=2, content=(Text(text="What comes next"),))
    assert blocks.trim_promo_tail([body, plain, pitch]) == [body, plain]


@pytest.mark.parametrize(
    ("text", "promo"),
    [
        ("News delivered right to your inbox:", True),
        ("Recipes delivered to your inbox every week.", True),
        ("The best deals, directly to your phone.", True),
        ("Sign up today and save.", True),
        # an article's own words: a sign on the door, a delivery to a house
        ("He put up a sign by the door.", False),
        ("The parcel was delivered to your neighbour.", False),
    ],
)
def test_more_calls_to_subscribe_are_promo_phrases(text: str, promo: bool) -> None:
    assert vocab.has_promo_phrase(text) is promo
