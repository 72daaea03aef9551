"""Tests for recommendation blocks: widgets, phrases in many languages, cards, placement."""

from __future__ import annotations

import itertools
import json
import re
import time
from pathlib import Path
from typing import cast
from urllib.parse import urljoin

import lxml.html
import pytest
from lxml.html import HtmlElement

from articlekit.html import parse_html
from articlekit.html.blocks import site_of
from articlekit.html.clean import FLAG_H1, FLAG_MAIN_BODY, is_card_part
from articlekit.html.recommendations import (
    is_action_link_text,
    is_ad_click_url,
    is_click_or_app_text,
    is_contest_url,
    is_counter_link_text,
    is_generic_link_text,
    is_index_link,
    is_kicker_link,
    is_linkless_widget,
    is_listing_link_text,
    is_page_link,
    is_person_link,
    is_section_link,
    is_section_menu,
    is_service_link_text,
    is_share_link,
    is_shop_url,
    is_short_section_link,
    is_site_home,
    is_social_profile,
    link_title,
    rec_title,
    recommendation_items,
    without_author_items,
    without_non_article_items,
    without_prev_next_label,
)
from articlekit.html.tree import parse_tree
from articlekit.html.vocab import opens_with_rec_words
from articlekit.model import (
    Document,
    Figure,
    List,
    Paragraph,
    Recommendation,
    Recommendations,
    plain_text,
)
from articlekit.serialise.text import to_text
from tests.conftest import CorpusParse

FILL = "<p>Article sentence, with commas, long enough to vote for its container here.</p>"
LABELS = Path(__file__).parent / "data" / "recommendations-labels.json"
PRECISION_LABELS = Path(__file__).parent / "data" / "recommendations-precision.json"
PAGE_LABELS = Path(__file__).parent / "data" / "recommendations-pages.json"
# Of the page labels' items (recommendations-pages.json), at least this many are found.
MIN_PAGE_ITEMS_FOUND = 48
# ...and at least this share of the links of the article's own lists stay in the body
# (two tables of contents drawn by a plugin and a press release's "further information"
# box are left out with the page furniture around them).
MIN_OWN_LINKS_IN_BODY = 0.65
# Item precision reached on PRECISION_LABELS (benchmarks/recommendations.py), less a margin of
# 0.01; and the share of its genuine items that must still be produced.
MIN_ITEM_PRECISION = 0.83
MIN_GENUINE_KEPT = 0.99


def _doc(body: str, tail: str = "") -> Document:
    html = f"<html><body><article>{FILL * 4}{body}{FILL * 2}</article>{tail}</body></html>"
    return parse_html(html, url="https://news.example.org/2024/story.html")


def _body_text(doc: Document) -> str:
    return "\n".join(plain_text(b) for b in doc.body)


@pytest.mark.parametrize(
    "phrase",
    [
        "Related articles",
        "Read more",
        "Also read",
        "More from Politics",
        "You may also like",
        "Recommended",
        "Lire aussi",
        "Mehr zum Thema",
        "Lea también",
        "También lea",
        "Leia também",
        "More Great WIRED Stories",
        "More top stories",
        "See more",
        "Matérias relacionadas",
        "Más información",
        "A lire également",
        "Articles connexes",
        "Potrebbero interessarti",
        "Gerelateerde artikelen",
        "Zobacz również",
        "Läs även",
        "Læs også",
        "Relaterede artikler",
        "İlgili Haberler",
        "Související články",
        "Ещё по теме",
        "あわせて読みたい",
        "相关新闻",
    ],
)
def test_titled_link_list_becomes_recommendations(phrase: str) -> None:
    doc = _doc(
        f"<div class='box'><h3>{phrase}</h3><ul>"
        "<li><a href='/a'>The first recommended story</a></li>"
        "<li><a href='/b'>The second recommended story</a></li></ul></div>"
    )
    recs = doc.recommendations
    assert len(recs) == 1
    assert recs[0].title == phrase
    assert [i.url for i in recs[0].items] == [
        "https://news.example.org/a",
        "https://news.example.org/b",
    ]
    assert "recommended story" not in _body_text(doc)


def test_heading_followed_by_link_list_inside_body() -> None:
    doc = _doc(
        "<h2>Related</h2><ul><li><a href='/x'>One related headline</a></li>"
        "<li><a href='/y'>Two related headline</a></li></ul>"
    )
    rec = doc.recommendations[0]
    assert rec.title == "Related" and len(rec.items) == 2
    # kept where it stands: body paragraphs come before and after it
    index = doc.blocks.index(rec)
    assert isinstance(doc.blocks[index - 1], Paragraph)
    assert isinstance(doc.blocks[index + 1], Paragraph)


def test_card_under_a_stretched_empty_link_is_no_body_text() -> None:
    # a related-story card: its headline is plain text, the link laid over the card holds
    # nothing, so the card names no item; its headline must not join the article
    doc = _doc(
        "<aside class='relatedNews'><div class='bg'></div><div class='rnews'>A headline of"
        " another story about something<div class='label'>Read more</div>"
        "<a href='/another-story-1234'></a></div></aside>"
    )
    assert "headline of another story" not in _body_text(doc)
    assert "Read more" not in _body_text(doc)


def test_is_linkless_widget() -> None:
    from articlekit.html.clean import Stats

    assert is_linkless_widget(Stats(text=60, links=0, anchors=1))
    assert not is_linkless_widget(Stats(text=60, links=20, anchors=1))
    assert not is_linkless_widget(Stats(text=60, links=0, anchors=0))
    assert not is_linkless_widget(None)


def test_title_over_one_list_per_linked_article() -> None:
    # "More:" over a list per linked article, between two paragraphs of the body
    lists = "".join(
        f"<ul><li><h4><a href='/news/{i}.html'>Linked article number {i}</a></h4></li></ul>"
        for i in range(3)
    )
    doc = _doc(f"<h4>More:</h4>{lists}")
    rec = doc.recommendations[0]
    assert rec.title == "More:"
    assert [item.title for item in rec.items] == [f"Linked article number {i}" for i in range(3)]
    assert "Linked article" not in _body_text(doc)
    index = doc.blocks.index(rec)
    assert isinstance(doc.blocks[index + 1], Paragraph)


def test_see_more_before_words_is_no_title() -> None:
    assert not opens_with_rec_words("See more photos:")
    assert not opens_with_rec_words("See more of the city from the tower")


def test_more_as_a_sentence_titles_nothing() -> None:
    doc = _doc(
        "<h4>More than half of the town voted</h4><ul><li><a href='/a'>The first result"
        "</a></li><li><a href='/b'>The second result</a></li></ul>"
    )
    assert not doc.recommendations


@pytest.mark.parametrize(
    "para",
    [
        "<p>Also read: <a href='/c'>A story about something else entirely</a></p>",
        "<p><strong>READ MORE:</strong> <a href='/c'>A story about something else entirely</a></p>",
        "<p>Lire aussi - <a href='/c'>A story about something else entirely</a></p>",
        "<p><b>SEE MORE</b>: <a href='/c'>A story about something else entirely</a></p>",
    ],
)
def test_also_read_paragraph(para: str) -> None:
    doc = _doc(para)
    assert len(doc.recommendations) == 1
    assert doc.recommendations[0].items[0].title == "A story about something else entirely"
    assert "something else entirely" not in _body_text(doc)


def test_link_only_paragraphs_merge_into_one_block() -> None:
    doc = _doc(
        "<p><a href='/p1'>Another article with a long enough title</a></p>"
        "<p><a href='/p2'>Yet another article with a long title</a></p>"
    )
    untitled = [r for r in doc.recommendations if r.title is None]
    assert len(untitled) == 1 and len(untitled[0].items) == 2


@pytest.mark.parametrize(
    ("host", "site"),
    [
        ("support.mozilla.org", "mozilla.org"),
        ("news.bbc.co.uk", "bbc.co.uk"),
        ("www.abc.net.au", "abc.net.au"),
        ("blog.faz.de", "faz.de"),
        ("localhost", "localhost"),
    ],
)
def test_site_of(host: str, site: str) -> None:
    assert site_of(host) == site


def test_lone_link_to_another_site_is_the_articles_source() -> None:
    doc = _doc(
        "<p><a href='https://other.example.com/opinion/piece'>The generation we love to dump"
        " on</a></p>"
        "<p><a href='/2024/another-story.html'>Another story of this site, with a title</a></p>"
    )
    assert "The generation we love to dump on" in _body_text(doc)
    source = next(b for b in doc.body if "generation" in plain_text(b))
    assert isinstance(source, Paragraph)
    assert [x.url for x in doc.links() if "other.example" in x.url]  # the link is kept
    items = [item.title for r in doc.recommendations for item in r.items]
    assert items == ["Another story of this site, with a title"]


@pytest.mark.parametrize(
    "cls", ["related-posts", "outbrain", "taboola", "more-stories", "recommended"]
)
def test_widget_by_class_outside_article_comes_after_body(cls: str) -> None:
    widget = (
        f"<div class='{cls}'><h4>Stories</h4><div class='card'><a href='/r1'>"
        "<img data-src='/i/r1.jpg'><h3>Card one title</h3></a><p>A summary of the first card.</p>"
        "</div><div class='card'><a href='/r2'><h3>Card two title</h3></a></div></div>"
    )
    doc = _doc("", tail=widget)
    assert isinstance(doc.blocks[-1], Recommendations)
    items = doc.blocks[-1].items
    assert [i.title for i in items] == ["Card one title", "Card two title"]
    assert items[0].image == "https://news.example.org/i/r1.jpg"
    assert items[0].summary == "A summary of the first card."
    assert "Card one" not in _body_text(doc)


def _card_article(n: int) -> str:
    return (
        f"<article class='post-grid'><a href='/2024/card-{n}.html'>"
        f"<img src='/i/card-{n}.jpg' alt=''></a>"
        f"<h4><a href='/2024/card-{n}.html'>Card number {n} of the related widget</a></h4>"
        "<div itemprop='articleBody'>What the story tells, in one sentence for the card.</div>"
        "<time>3 May 2024</time></article>"
    )


@pytest.mark.parametrize(
    "widget",
    [
        # a widget named by class whose cards are <article> elements
        "<div class='post-related'><p>Ähnliche Beiträge</p>{cards}</div>",
        # a titled container whose cards are <article> elements
        "<section class='teaserbox-list'><div>Weitere Artikel</div>{cards}</section>",
        # the widget itself drawn as an <article>
        "<article class='read-also'><h3>читайте также</h3>{cards}</article>",
    ],
)
def test_cards_drawn_as_articles_make_a_widget(widget: str) -> None:
    """Teaser cards drawn as <article> elements do not make their widget the article."""
    cards = "".join(_card_article(n) for n in (1, 2, 3))
    doc = _doc("", tail=widget.format(cards=cards))
    items = [item for r in doc.recommendations for item in r.items]
    assert [i.title for i in items] == [f"Card number {n} of the related widget" for n in (1, 2, 3)]
    assert items[0].url == "https://news.example.org/2024/card-1.html"
    assert items[0].image == "https://news.example.org/i/card-1.jpg"
    assert items[0].summary == "What the story tells, in one sentence for the card."
    assert "Card number" not in _body_text(doc)


def test_is_card_part() -> None:
    assert is_card_part(180, 0)
    assert not is_card_part(1800, 0)  # an article's length
    assert not is_card_part(180, FLAG_H1)  # the page's headline
    assert not is_card_part(180, FLAG_MAIN_BODY)  # holds an article body


def test_short_article_with_headline_in_a_related_box_stays_the_article() -> None:
    html = (
        "<html><body><div class='related-content'><article><h1>A short notice</h1>"
        "<p>The office is closed on Monday, see <a href='/hours'>opening hours</a>.</p>"
        "</article></div></body></html>"
    )
    doc = parse_html(html, url="https://news.example.org/2024/notice.html")
    assert "The office is closed on Monday" in _body_text(doc)
    assert not doc.recommendations


@pytest.mark.parametrize(
    ("before", "title"),
    [
        ("<h2>Related Articles</h2>", "Related Articles"),
        ("<h3>Das könnte Sie auch interessieren</h3>", "Das könnte Sie auch interessieren"),
        ("<div class='label'>Lesen Sie auch:</div>", "Lesen Sie auch"),
        ("<h2>Stories</h2>", None),  # no recommendation title's words
        ("<div>Related to this story, the mayor said more.</div>", None),  # not a title whole
        ("<h2><a href='/related'>Related</a></h2>", None),  # a link, not a label
    ],
)
def test_title_printed_before_a_widget(before: str, title: str | None) -> None:
    """A widget with no title inside takes the recommendation title printed just before it."""
    cards = "".join(_card_article(n) for n in (1, 2))
    doc = _doc("", tail=f"<div class='box'>{before}<div class='related-items'>{cards}</div></div>")
    assert [r.title for r in doc.recommendations] == [title]


def test_javascript_and_fragment_links_are_not_items() -> None:
    root = parse_tree(
        "<div><a href='javascript:void(0)'>Script</a><a href='#top'>Top</a>"
        "<a href='/real'>A real article</a><a href='/real'>Read more</a></div>"
    )
    div = root.find(".//div")
    assert div is not None
    items = recommendation_items(div, "https://e.org/p", page_url="https://e.org/p")
    assert [(i.title, i.url) for i in items] == [("A real article", "https://e.org/real")]


def test_rec_title_from_label_text() -> None:
    root = parse_tree("<div><span>You might also like</span><a href='/a'>A</a></div>")
    div = root.find(".//div")
    assert div is not None and rec_title(div) == "You might also like"


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        ("Read more", True),
        ("»", True),
        ("Weiterlesen", True),
        ("READ THE REST", True),
        ("A story", False),
        # a link to more of the same, in one word after "more"
        ("Mehr Videos", True),
        ("mehr •••", True),
        ("Weitere News", True),
        ("All posts »", True),
        ("More than 100 killed", False),
        ("Alles über Katzen", False),
    ],
)
def test_is_generic_link_text(text: str, generic: bool) -> None:
    assert is_generic_link_text(text) is generic


def test_labelled_dev_pages(corpus: Path, corpus_document: CorpusParse) -> None:
    """Recommendation blocks found by hand in dev pages are found, with their items."""
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["pages"]
    assert len(labels) >= 8
    found = 0
    for label in labels:
        doc = corpus_document(corpus / label["corpus"] / label["file"], label["url"])
        blocks = [
            r
            for r in doc.recommendations
            if r.title and label["title"].casefold() in r.title.casefold()
        ]
        if not blocks:
            continue
        titles = [item.title for block in blocks for item in block.items]
        exact = label.get("exact", False)
        if all(
            any(t == want if exact else t.startswith(want) for t in titles)
            for want in label["items"]
        ):
            found += 1
        body = _body_text(doc)
        for want in label["items"]:
            assert want not in body, (label["file"], want)
    assert found == len(labels)


def test_item_precision_on_labelled_items(corpus: Path, corpus_document: CorpusParse) -> None:
    """Of the hand-labelled items still produced, enough are genuine recommendations (not
    menus, promos, ads, legal pages...), and the genuine ones are still produced."""
    pages = json.loads(PRECISION_LABELS.read_text(encoding="utf-8"))["pages"]
    assert len(pages) >= 40 and sum(len(p["items"]) for p in pages) >= 150
    produced = genuine_produced = genuine = 0
    for page in pages:
        doc = corpus_document(corpus / page["corpus"] / page["file"], page["url"])
        urls = {item.url for block in doc.recommendations for item in block.items}
        for item in page["items"]:
            genuine += item["genuine"]
            if item["url"] in urls:
                produced += 1
                genuine_produced += item["genuine"]
    assert genuine_produced / produced >= MIN_ITEM_PRECISION
    assert genuine_produced / genuine >= MIN_GENUINE_KEPT


def test_page_labels(corpus: Path, corpus_document: CorpusParse) -> None:
    """On pages read whole: link lists that are no recommendations (a table of contents,
    sources, a how-to's links, menus) never become items, the article's own lists stay in
    the body, pages without a recommendation block get none, and the labelled blocks'
    items are found."""
    pages = json.loads(PAGE_LABELS.read_text(encoding="utf-8"))["pages"]
    assert len(pages) >= 30
    found = own = own_in_body = 0
    for page in pages:
        doc = corpus_document(corpus / page["corpus"] / page["file"], page["url"])
        items = {item.url for block in doc.recommendations for item in block.items}
        body = {urljoin(page["url"], ref.url) for ref in doc.links()}
        found += sum(item["url"] in items for b in page["blocks"] for item in b["items"])
        for links in page["not_recommendations"]:
            for url in links["urls"]:
                assert url not in items, (page["file"], url)
                if links["content"]:
                    own += 1
                    own_in_body += url in body
        if page["complete"]:
            assert not items, page["file"]
    assert found >= MIN_PAGE_ITEMS_FOUND
    assert own_in_body >= MIN_OWN_LINKS_IN_BODY * own


_SEE_ALSO_LIST = (
    "<ul><li><a href='/wiki/Haynsworth'>Haynsworth inertia additivity formula</a></li>"
    "<li><a href='/wiki/Self-adjoint_operator'>Self-adjoint operator on a Hilbert space</a></li>"
    "<li><a href='/wiki/Unitary_matrix'>Unitary matrix and its eigenvalues</a></li></ul>"
)


def test_see_also_between_sections_stays_a_section() -> None:
    # an encyclopedia's "See also" followed by its "References": the heading and its list
    # are a part of the article, at their place
    doc = _doc(
        f"<h2>Properties</h2>{FILL * 2}<h2>See also</h2>{_SEE_ALSO_LIST}"
        f"<h2>References</h2><ol><li>A cited book, with its author and its year.</li></ol>"
    )
    kinds = [type(b).__name__ for b in doc.body]
    texts = [plain_text(b) for b in doc.body]
    assert "See also" in texts
    index = texts.index("See also")
    assert kinds[index] == "Heading" and kinds[index + 1] == "List"
    assert "Self-adjoint operator" in texts[index + 1]
    # its one-link items are the section's entries, not recommendations inside the list
    see_also = doc.body[index + 1]
    assert isinstance(see_also, List) and len(see_also.items) == 3
    assert all(isinstance(b, Paragraph) for item in see_also.items for b in item.blocks)
    assert not any(isinstance(b, Recommendations) for b in doc.body)


def test_see_also_without_a_section_after_it_stays_recommendations() -> None:
    # the same heading and list with no section of the article after them: teasers
    doc = _doc(f"<h2>See also</h2>{_SEE_ALSO_LIST}")
    rec = doc.recommendations[0]
    assert rec.title == "See also" and len(rec.items) == 3
    assert "See also" not in [plain_text(b) for b in doc.body]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.org/2024/other.html", True),
        ("/2024/other-story/", True),
        ("other.html?id=3#top", True),
        ("tel:089 1258-290", False),
        ("mailto:desk@example.org", False),
        ("https://cdn.example.org/photos/big.JPEG?w=900", False),
        ("/uploads/chart.png", False),
    ],
)
def test_is_page_link(url: str, expected: bool) -> None:
    assert is_page_link(url) is expected


def test_contact_links_are_no_recommendations() -> None:
    widget = (
        '<div class="related-links"><a href="tel:+49 89 1258">Telefon: 089 1258-290</a>'
        '<a href="mailto:desk@example.org">Write to the desk of the newsroom</a>'
        '<a href="/2024/other.html">Another story from the newsroom today</a></div>'
    )
    items = recommendation_items(parse_tree(widget), "https://news.example.org/2024/story.html")
    assert [item.url for item in items] == ["https://news.example.org/2024/other.html"]


def test_linked_picture_is_a_figure_not_a_recommendation() -> None:
    doc = _doc(
        '<p><a href="/photos/big.jpg"><img src="/photos/small.jpg" alt="The minister at the'
        ' lectern"></a></p>'
    )
    figures = [b for b in doc.walk() if isinstance(b, Figure)]
    assert [f.image.src for f in figures] == ["https://news.example.org/photos/small.jpg"]
    assert not doc.recommendations


def test_linked_image_of_another_article_stays_a_teaser() -> None:
    doc = _doc(
        '<p><a href="/2024/other-story.html"><img src="/t.jpg" alt="The minister at the'
        ' lectern"></a></p>'
    )
    assert not [b for b in doc.walk() if isinstance(b, Figure)]
    (rec,) = doc.recommendations
    assert [item.url for item in rec.items] == ["https://news.example.org/2024/other-story.html"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org", True),
        ("https://twitter.com/intent/tweet?text=Story", True),
        ("https://twitter.com/share?text=Story", True),
        ("https://www.pinterest.com/pin/create/button/?url=x", True),
        ("https://www.linkedin.com/shareArticle?mini=true&url=x", True),
        ("https://www.reddit.com/submit?url=x", True),
        ("https://api.whatsapp.com/send?text=x", True),
        ("https://twitter.com/newsroom", False),
        ("https://www.facebook.com/shared.stories.page", False),
        ("https://example.org/share-your-story", False),
    ],
)
def test_is_share_link(url: str, expected: bool) -> None:
    assert is_share_link(url) is expected


def test_share_links_are_neither_items_nor_paragraphs() -> None:
    share = (
        '<p><a href="https://twitter.com/intent/tweet?text=x">Spread the word</a> | '
        '<a href="https://www.facebook.com/sharer/sharer.php?u=x">to your friends</a></p>'
    )
    widget = (
        '<div class="related"><a href="https://www.reddit.com/submit?url=x">Share on Reddit'
        ' with your friends</a><a href="/2024/other.html">Another story from the newsroom</a>'
        "</div>"
    )
    doc = _doc(share + widget)
    assert "Spread the word" not in _body_text(doc)
    (rec,) = doc.recommendations
    assert [item.url for item in rec.items] == ["https://news.example.org/2024/other.html"]


@pytest.mark.parametrize(
    ("url", "title", "expected"),
    [
        ("https://www.example.com/tags/sixers/", "Sixers", True),
        ("/category/local/", "Local news", True),
        ("https://example.de/thema/nordkorea-ort29169/", "Nordkorea", True),
        ("https://example.ch/stichwort/autor/olivier-bot/s.html", "Olivier Bot", True),
        ("/thema/Akkus#liste", "Akkus", True),
        # a headline filed under a topic path is an article
        (
            "https://example.org/thema/faktencheck/",
            "Wie Inhalte den Wahlkampf auf Youtube dominieren",
            False,
        ),
        # an article deep under a topic section
        ("https://example.de/themen/detail/nachricht/synode-tagt.html", "Synode tagt", False),
        ("https://example.com/2024/05/sixers-win.html", "Sixers", False),
        # a blog's month or day archive, linked from a card's date
        ("https://example.com/2022/12/", "13. Dezember 2022", True),
        ("/blog/2020/05/17/", "May 17, 2020", True),
        ("/node/2015", "Budget", False),  # a year alone is not an archive: an id
        # members' profiles
        ("http://fandom.example.com/u/BrandonMarcus", "Brandon Marcus", True),
        ("https://www.example.de/user/KB_Redaktion.html", "KB_Redaktion", True),
        ("https://medium.example.com/@aymeric_roffe?source=recirc", "Aymeric Roffé", True),
        ("https://medium.example.com/@aymeric/why-we-moved", "Why we moved", False),
        ("/2022/13/", "Thirteen", False),
        # a Blogger label's page lists the posts under it
        ("https://news.example.com/search/label/SPORT%20NEWS", "SPORT NEWS", True),
        ("https://news.example.com/2018/08/label-wars.html", "Label wars", False),
    ],
)
def test_is_index_link(url: str, title: str, expected: bool) -> None:
    assert is_index_link(url, title) is expected


def test_tag_links_are_no_recommendations() -> None:
    widget = (
        '<div class="related"><h3>Related topics</h3>'
        '<a href="/tag/nba/">NBA</a> <a href="/tag/philadelphia/">Philadelphia</a>'
        '<a href="/2024/other.html">Another story from the newsroom today</a></div>'
    )
    (rec,) = _doc(widget).recommendations
    assert [item.title for item in rec.items] == ["Another story from the newsroom today"]


def test_teaser_card_is_one_item_with_its_picture() -> None:
    card = (
        '<div class="mini-article"><header><div class="info">TAMBIÉN LEA</div>'
        '<h4><a href="/eco/congreso-aprueba-ley">Congreso aprueba ley que facilita el acceso'
        " a vivienda</a></h4></header><div><p>Urías Gamarro</p><time>20 de abril de 2022"
        '</time></div><a href="/eco/congreso-aprueba-ley"><img src="/i.jpg"'
        ' alt="Diputados aprobaron la ley"></a></div>'
    )
    (rec,) = _doc(card).recommendations
    assert rec.title == "TAMBIÉN LEA"
    assert [(item.url, item.image) for item in rec.items] == [
        (
            "https://news.example.org/eco/congreso-aprueba-ley",
            "https://news.example.org/i.jpg",
        )
    ]


def test_link_drawn_around_a_card_is_a_recommendation() -> None:
    # a card is a link drawn around blocks: the headline, then its summary in a second
    # link to the same story; one item, nothing of it left in the body
    card = (
        '<div class="box"><a class="title" href="/2024/court-ruling.html">'
        "<h2><span>Ride service loses its case in court</span></h2></a>"
        '<a class="text" href="/2024/court-ruling.html"><p>The commercial court turned'
        " down the motion against the taxi exchange.</p></a></div>"
    )
    doc = _doc(card)
    assert "Ride service" not in _body_text(doc)
    (rec,) = doc.recommendations
    (item,) = rec.items
    assert item.title == "Ride service loses its case in court"
    assert item.url == "https://news.example.org/2024/court-ruling.html"
    assert item.summary == (
        "The commercial court turned down the motion against the taxi exchange."
    )


def test_card_link_without_heading_takes_its_longest_block() -> None:
    card = (
        '<a href="/2024/olympics-flag.html"><div>Olympics 2024</div>'
        "<div>Flag bearer? &#8220;It would be an honour&#8221;, says the champion</div>"
        "<div>14 HOURS AGO</div></a>"
    )
    (rec,) = _doc(card).recommendations
    assert [item.title for item in rec.items] == [
        "Flag bearer? \u201cIt would be an honour\u201d, says the champion"
    ]


@pytest.mark.parametrize(
    "link",
    [
        # an accordion's toggle: the section's own text
        '<a href="#"><h4>Basic module</h4><div>Two years of training in the workshop</div></a>',
        # a picture's legend linking to the picture file
        '<a href="/files/photo.jpg"><div><p>The harbour of Example at dawn, seen from the'
        " lighthouse</p></div></a>",
    ],
)
def test_fragment_and_picture_links_around_blocks_stay_text(link: str) -> None:
    doc = _doc(link)
    assert not doc.recommendations
    assert "Example" in _body_text(doc) or "Two years" in _body_text(doc)


def test_masthead_link_to_the_home_page_goes() -> None:
    doc = _doc('<a href="/"><h2>The Example Gazette</h2></a>')
    assert "Gazette" not in _body_text(doc)
    assert not doc.recommendations


def _link(markup: str) -> HtmlElement:
    return cast(HtmlElement, lxml.html.fragment_fromstring(markup))


@pytest.mark.parametrize(
    ("markup", "title", "summary"),
    [
        # kicker and date as blocks of their own, the headline in bold
        (
            "<a href='/x'><time>01.02.2022</time><div>Notes</div><b>The race of the season</b></a>",
            "The race of the season",
            None,
        ),
        # a kicker glued to the headline by markup only
        (
            "<a href='/x'><span class='kicker'>Ranking</span>"
            "<div class='card-h3'>The ten largest cities of the world</div></a>",
            "The ten largest cities of the world",
            None,
        ),
        # headline and standfirst in inline elements, the headline named by its class
        (
            "<a href='/x'><img src='p.jpg'><span class='teaserTitle'>Electric car sells best</span>"
            " <span class='teaserLeadTitle'>The saloon sold far better than its rivals.</span></a>",
            "Electric car sells best",
            "The saloon sold far better than its rivals.",
        ),
        # a column name over the headline: the larger heading wins
        (
            "<a href='/x'><h4>The one question</h4><h3>Whom do we have to push</h3></a>",
            "Whom do we have to push",
            None,
        ),
        # a label laid over the picture is not the title; the caption is
        (
            "<a href='/x'><figure><img src='a.jpg'><div><span class='label-title'>Start the"
            " gallery</span></div><figcaption>Translation fails and funny results"
            "</figcaption></figure></a>",
            "Translation fails and funny results",
            None,
        ),
        # a plain link is its text
        ("<a href='/x'>A plain <em>headline</em> link</a>", "A plain headline link", None),
    ],
)
def test_link_title_picks_the_headline_of_a_card(
    markup: str, title: str, summary: str | None
) -> None:
    assert link_title(_link(markup)) == (title, summary)


def test_card_items_keep_headline_and_standfirst_apart() -> None:
    widget = parse_tree(
        "<div class='related'><h3>Read also</h3>"
        "<a href='/a'><div class='kicker'>Energy</div><h4>Wind farms could stand here</h4>"
        "<p>A map shows the places where turbines and panels would fit.</p></a>"
        "<a href='/b'><time datetime='2022-02-01'>1 Feb 2022</time><span>Obituary</span>"
        "<div>Mourning a long-time coach</div></a></div>"
    ).find(".//div")
    assert widget is not None
    items = recommendation_items(widget, "https://example.org/")
    assert [(i.title, i.summary) for i in items] == [
        (
            "Wind farms could stand here",
            "A map shows the places where turbines and panels would fit.",
        ),
        ("Mourning a long-time coach", None),
    ]


def test_picture_alt_gives_way_to_the_headline_link() -> None:
    widget = parse_tree(
        "<div class='related'>"
        "<a href='/a'><img src='a.jpg' alt='A longer description of the picture itself'></a>"
        "<a href='/a'>Short headline</a></div>"
    ).find(".//div")
    assert widget is not None
    items = recommendation_items(widget, "https://example.org/")
    assert [i.title for i in items] == ["Short headline"]


def test_headline_inside_a_card_is_not_the_widget_title() -> None:
    widget = parse_tree(
        "<div class='next'><a href='/n'><img src='n.jpg'><h3>The next story</h3>"
        "<p class='button'>Next article</p></a></div>"
    ).find(".//div")
    assert widget is not None
    assert rec_title(widget) is None
    assert [i.title for i in recommendation_items(widget, None)] == ["The next story"]


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/files/press-release.pdf",
        "/uploads/brochure.PDF?download=1",
        "https://example.org/media/episode-12.mp3",
        "https://example.org/data/tables.xlsx",
    ],
)
def test_downloads_are_not_pages(url: str) -> None:
    assert not is_page_link(url)


def test_download_link_paragraph_is_not_a_recommendation() -> None:
    doc = _doc("<p><a href='/files/statement.pdf'>Download the statement as PDF</a></p>")
    assert doc.recommendations == ()


@pytest.mark.parametrize(
    "byline",
    [
        "<p>By <a rel='author' href='/staff/desk.html'>The newsroom desk of the site</a></p>",
        "<address><a href='/impressum.html'>The editorial team of this site</a></address>",
    ],
)
def test_author_links_are_not_recommendations(byline: str) -> None:
    doc = _doc(byline)
    assert doc.recommendations == ()


def test_credit_and_more_links_are_no_items() -> None:
    widget = (
        '<div class="related"><h3>Related</h3>'
        '<a href="/2022/12/">13. Dezember 2022</a>'
        '<div class="card"><a href="/promo"><img src="p.jpg" alt="© Photo Agency"></a></div>'
        '<a href="/video">Mehr Videos</a>'
        '<a href="/2024/other.html">Another story from the newsroom today</a></div>'
    )
    (rec,) = _doc(widget).recommendations
    assert [item.title for item in rec.items] == ["Another story from the newsroom today"]


def test_author_links_are_no_items() -> None:
    rec = Recommendations(
        title=None,
        items=(
            Recommendation(title="Patrick Allan", url="https://patrick.example.org/"),
            Recommendation(title="A story by somebody else", url="https://e.org/a"),
        ),
    )
    alone = Recommendations(
        title=None, items=(Recommendation(title=" patrick  allan", url="https://e.org/u/1"),)
    )
    body = Paragraph(content=())
    out = without_author_items([body, rec, alone], ["Patrick  Allan"])
    assert out == [body, Recommendations(title=None, items=rec.items[1:])]
    assert without_author_items([rec], []) == [rec]


def test_author_box_link_is_not_recommended() -> None:
    html = (
        '<html><head><meta name="author" content="Jane Roe"></head><body><article>'
        f"{FILL * 4}</article>"
        '<div class="related"><h3>More</h3><a href="https://jane.example.net/">Jane Roe</a>'
        '<a href="/2024/next.html">The next story from the newsroom today</a></div>'
        "</body></html>"
    )
    doc = parse_html(html, url="https://news.example.org/2024/story.html")
    assert doc.metadata.authors == ("Jane Roe",)
    titles = [item.title for rec in doc.recommendations for item in rec.items]
    assert titles == ["The next story from the newsroom today"]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("In den Warenkorb legen", True),
        ("Heft bestellen", True),
        ("Subscribe to ET Prime", True),
        ("Log in or sign up", True),
        ("Kontakt", True),
        ("Buy Now »", True),
        # headlines that open with such a verb
        ("Kaufen statt mieten", False),
        ("Comprar casa en Madrid", False),
        ("Subscribers love the new app", False),
        ("Subscribe or not? The question every reader asks", False),
    ],
)
def test_is_action_link_text(text: str, action: bool) -> None:
    assert is_action_link_text(text) is action


def test_shop_buttons_are_no_items_and_no_text() -> None:
    doc = _doc(
        '<div class="related"><h3>Related</h3><a href="/shop/cart?add=1">In den Warenkorb '
        'legen</a><a href="/2024/next.html">The next story from the newsroom today</a></div>'
        '<a href="/buylink/1"><div><p>Buy Now</p></div></a>'
    )
    titles = [item.title for rec in doc.recommendations for item in rec.items]
    assert titles == ["The next story from the newsroom today"]
    assert "Buy Now" not in _body_text(doc)


@pytest.mark.parametrize(
    ("url", "profile"),
    [
        ("http://www.facebook.com/AlaCarte.Magazin", True),
        ("https://twitter.com/datev", True),
        ("https://www.youtube.com/channel/UC123", True),
        ("https://www.linkedin.com/company/acme/", True),
        ("https://www.xing.com/communities/groups/datev-verbindet", True),
        # posts, videos and tweets are content; other sites are not social networks
        ("https://www.youtube.com/watch?v=hvwGyWM6OcA", False),
        ("https://www.instagram.com/p/CZIALixI8FH/", False),
        ("https://twitter.com/datev/status/9", False),
        ("https://www.facebook.com/sharer.php?u=x", False),
        ("https://example.com/datev", False),
    ],
)
def test_is_social_profile(url: str, profile: bool) -> None:
    assert is_social_profile(url) is profile


def test_follow_us_links_are_no_items() -> None:
    doc = _doc(
        '<div class="related"><h3>Mehr von uns:</h3><a href="https://twitter.com/news">twitter'
        '</a><a href="https://www.youtube.com/news">youtube</a>'
        '<a href="/2024/next.html">The next story from the newsroom today</a></div>'
    )
    titles = [item.title for rec in doc.recommendations for item in rec.items]
    assert titles == ["The next story from the newsroom today"]


@pytest.mark.parametrize(
    ("url", "home"),
    [
        ("https://www.python.org/", True),
        ("http://blog.example.com", True),
        ("https://theascent.pub/?source=post_internal_links---1---", True),
        ("https://travel.example.de/?utm_source=nav&utm_medium=teaser", True),
        ("https://www.example.ch/?page=0%2C1", True),
        ("https://blog.example.com/?p=123", False),
        ("https://news.example.org/2024/story.html", False),
        ("https://news.example.org/about", False),
    ],
)
def test_is_site_home(url: str, home: bool) -> None:
    assert is_site_home(url) is home


@pytest.mark.parametrize(
    ("url", "ad"),
    [
        ("http://pubads.g.doubleclick.net/gampad/clk?id=1&iu=/1/x", True),
        ("https://ad.doubleclick.net/ddm/clk/4;2;c?https://shop.example.com/", True),
        ("http://clk.tradedoubler.com/click?p=1&a=2&url=https://x.example.com", True),
        ("https://news.example.org/doubleclick-explained.html", False),
        ("https://notdoubleclick.net.example.org/a", False),
    ],
)
def test_is_ad_click_url(url: str, ad: bool) -> None:
    assert is_ad_click_url(url) is ad


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("Impressum", True),
        ("Privacy policy", True),
        ("Terms of Use & Grievance Redressal", True),
        ("AGB", True),
        ("Newsletter", True),
        ("Sponsored", True),
        ("Anzeige", True),
        ("Privacy & Technology", False),
        ("Privacy policy changes: what the new law means for you and your data", False),
        ("Der Newsletter-Test: welche Anbieter wirklich liefern", False),
    ],
)
def test_is_service_link_text(text: str, service: bool) -> None:
    assert is_service_link_text(text) is service


def test_footer_home_and_ad_links_are_no_items() -> None:
    # a footer of service pages and sister sites, and a box of ad-server text ads, after
    # the article: none of them is an article to read
    tail = (
        "<div class='related'><h3>Related</h3>"
        "<a href='/2024/other-story.html'>Another story of this site, with a title</a>"
        "<a href='https://sister.example.com/'>Our sister paper</a>"
        "<a href='http://pubads.g.doubleclick.net/gampad/clk?id=5'>Cloud accounting made "
        "simple for you</a></div>"
        "<div class='recommended'><a href='/impressum'>Impressum</a>"
        "<a href='/datenschutz'>Datenschutz</a><a href='/'>Zur Startseite</a></div>"
    )
    doc = _doc("", tail=tail)
    titles = [item.title for rec in doc.recommendations for item in rec.items]
    assert titles == ["Another story of this site, with a title"]
    text = _body_text(doc)
    assert "Impressum" not in text and "sister paper" not in text


def test_link_paragraph_to_an_author_page_goes_without_its_text() -> None:
    # "Alle Artikel von ..." under the article is a link to the author's index page: no
    # item, and its text does not fall back into the body either
    doc = _doc("<p><a href='/author/jdoe'>Alle Artikel von Jane Doe</a></p>")
    assert not [i for rec in doc.recommendations for i in rec.items if "Jane" in i.title]
    assert "Alle Artikel von Jane Doe" not in _body_text(doc)


@pytest.mark.parametrize(
    ("url", "contest"),
    [
        ("https://www.example.de/gewinnspiele/", True),
        ("https://www.example.de/mag/gewinnspiele/reisen/", True),
        ("https://www.example.ch/services/concours/newsletter/story/1", True),
        ("https://www.example.com/contests/summer-giveaway", True),
        ("https://www.example.de/news/gewinnspiel-betrug-so-schuetzen-sie-sich.html", False),
        ("https://www.example.fr/education/concours-enseignants-les-resultats", False),
    ],
)
def test_is_contest_url(url: str, contest: bool) -> None:
    assert is_contest_url(url) is contest


@pytest.mark.parametrize(
    ("url", "shop"),
    [
        ("https://shop.example-garten.de/grabegabel/products/3228", True),
        ("https://gutscheine.example.de/gutscheine/sixt", True),
        ("https://store.example.com/app/123/", True),
        ("https://www.example.com/shop/cart", True),
        ("https://www.example.com/deals/best-laptop-deals-this-week", False),
        ("https://www.example.com/news/2024/shop-owners-protest.html", False),
        ("https://workshop.example.com/post/1", False),
    ],
)
def test_is_shop_url(url: str, shop: bool) -> None:
    assert is_shop_url(url) is shop


@pytest.mark.parametrize(
    ("text", "listing"),
    [
        ("Most popular", True),
        ("More News ›", True),
        ("Trending Tickers", True),
        ("weitere Artikel", True),
        ("MÁS DE ESPECTÁCULOS", True),
        ("Most Popular Baby Names of 2024", False),
        ("Trump visits Ohio", False),
        ("", False),
    ],
)
def test_is_listing_link_text(text: str, listing: bool) -> None:
    assert is_listing_link_text(text) is listing


def test_contest_shop_and_listing_links_are_no_items() -> None:
    tail = (
        "<div class='recommended'><h3>Recommended</h3>"
        "<a href='/2024/other-story.html'>Another story of this site, with a title</a>"
        "<a href='/gewinnspiele/'>Tolle Preise zu gewinnen - jetzt mitmachen!</a>"
        "<a href='https://shop.example.org/spade/products/1'>Garden spade with four tines</a>"
        "<a href='/most-read/'>Most popular</a></div>"
    )
    doc = _doc("", tail=tail)
    titles = [item.title for rec in doc.recommendations for item in rec.items]
    assert titles == ["Another story of this site, with a title"]


@pytest.mark.parametrize(
    ("text", "counter"),
    [
        ("827", True),
        ("673 messages", True),
        ("Comments (74 posted)", True),
        ("12 Kommentare", True),
        ("Comments: 5 reasons why the new rules fail", False),
        ("5 things to know about the vote", False),
        ("2024", True),
    ],
)
def test_is_counter_link_text(text: str, counter: bool) -> None:
    assert is_counter_link_text(text) is counter


@pytest.mark.parametrize(
    ("url", "title", "person"),
    [
        ("https://www.example.com/writer/jane_doe/", "Jane Doe", True),
        ("https://www.example.de/members/127862", "fri.juli", True),
        ("https://www.example.com/members/news/2024/club-wins-the-cup.html", "Club wins", False),
        ("https://www.example.com/writer/jane_doe/", "How I became a writer in my fifties", False),
    ],
)
def test_is_person_link(url: str, title: str, person: bool) -> None:
    assert is_person_link(url, title) is person


def test_member_card_goes_without_falling_into_the_body() -> None:
    # a community post's author box drawn as one link (avatar and name) after the text:
    # no item, and its picture does not become a figure of the article either
    doc = _doc(
        "<a href='/members/4711'><div><img src='/avatars/4711.jpg' alt='jdoe'></div>"
        "<div>jdoe</div></a>"
    )
    assert not [i for rec in doc.recommendations for i in rec.items if "4711" in i.url]
    assert not [b for b in doc.body if isinstance(b, Figure)]


def test_kicker_links_to_sections_are_no_items() -> None:
    # teasers whose kicker links to the section ("Environment" over the headline), and a
    # kicker that links to the article itself: the headline names the item
    tail = (
        "<ol class='most-popular'>"
        "<li><a class='popular__link popular__link--kicker' href='/environment/'>Environment</a>"
        "<a class='popular__link' href='/2024/05/trees-in-the-city/'>Why the city plants "
        "more trees this year</a></li>"
        "<li><span class='topline'><a href='/topic/transport/'>Transport</a></span>"
        "<a href='/2024/05/night-trains/'>Night trains are back across the continent</a></li>"
        "<li><p class='dachzeile'><a href='/2024/05/budget/'>Haushalt</a></p>"
        "<p class='headline'><a href='/2024/05/budget/'>The budget passes after a long night"
        "</a></p></li></ol>"
    )
    doc = _doc("", tail=tail)
    titles = [item.title for rec in doc.recommendations for item in rec.items]
    assert titles == [
        "Why the city plants more trees this year",
        "Night trains are back across the continent",
        "The budget passes after a long night",
    ]


def test_is_kicker_link() -> None:
    root = parse_tree(
        "<div><a class='card__link--kicker' href='/s'>S</a>"
        "<span class='kicker'><a href='/k'>K</a></span>"
        "<a class='article-topic-2' href='/t'>T</a>"
        "<div class='category-news'><a href='/h'>A headline in a category list</a></div></div>"
    )
    kinds = [is_kicker_link(a) for a in root.iter("a")]
    assert kinds == [True, True, True, False]


def _rec(title: str, url: str) -> Recommendation:
    return Recommendation(title=title, url=url)


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        ("Politics", "https://news.example/state/politics-sec", True),
        ("Life in the City", "https://news.example/bengaluru#bengaluru-life", True),
        ("Internet of Things", "https://news.example/news/internet-of-things/", True),
        ("Videos", "https://news.example/video/", True),
        # a headline, a slug with an id, a deep path, a home page: not a section
        ("Mayor resigns after a long week of protests", "https://news.example/politics", False),
        ("Budget vote", "https://news.example/politics/budget-vote-12345", False),
        ("Budget vote", "https://news.example/2024/05/politics/budget-vote", False),
        ("Home", "https://news.example/", False),
    ],
)
def test_section_link_is_a_short_name_at_a_shallow_slug(
    title: str, url: str, expected: bool
) -> None:
    assert is_section_link(_rec(title, url)) is expected


def test_section_slug_reads_a_long_underscored_segment_in_linear_time() -> None:
    # the slug test once tried every way of splitting "a_b_c..." at its underscores: a
    # 36-character segment of an untitled link block's address took 3 s, 40 took a minute
    started = time.perf_counter()
    for segment in ("_" * 5000 + "1", "a_" * 5000 + "1", "a-" * 5000 + "1"):
        assert not is_section_link(_rec("Section", f"https://n.example/news/{segment}"))
    assert is_section_link(_rec("Section", "https://n.example/news/" + "a_" * 5000 + "a"))
    assert time.perf_counter() - started < 5
    # the same segments match as before: words of letters or "_" joined by "-" or "_"
    before = re.compile(r"[^\W\d]+(?:[-_][^\W\d]+)*")
    for size in range(1, 7):
        for chars in itertools.product("a_-1", repeat=size):
            segment = "".join(chars)
            expected = before.fullmatch(segment) is not None
            assert is_section_link(_rec("S", f"https://n.example/x/{segment}")) is expected


def test_untitled_menu_of_sections_is_dropped_titled_see_also_is_kept() -> None:
    menu = Recommendations(
        title=None,
        items=(
            _rec("Crime", "https://n.example/city/crime"),
            _rec("Politics", "https://n.example/city/politics"),
        ),
    )
    see_also = Recommendations(title="See also", items=menu.items)
    mixed = Recommendations(
        title=None,
        items=(
            *menu.items,
            _rec(
                "Council approves the new tram line",
                "https://n.example/city/2024/tram-line-approved",
            ),
        ),
    )
    assert is_section_menu(menu) and not is_section_menu(see_also) and not is_section_menu(mixed)
    body = Paragraph(content=())
    # the untitled mixed block keeps its story and loses its sections; "See also" is whole
    story = Recommendations(title=None, items=mixed.items[2:])
    assert without_non_article_items([body, menu, see_also, mixed]) == [body, see_also, story]


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        ("Funding", "https://n.example/tech/funding", True),
        ("Global markets", "https://n.example/markets/global-markets", True),
        ("Tech and Gadgets", "https://n.example/panache/tech-and-gadgets", True),
        # a guide's slug has no id but three words or more: it may be an article
        ("Best chair for gaming", "https://n.example/best-gaming-chairs/", False),
        ("Death Stranding", "https://n.example/death-stranding-on-pc-is-great/", False),
        # not a section link at all
        ("Budget vote", "https://n.example/politics/budget-vote-12345", False),
    ],
)
def test_short_section_link_has_a_name_of_one_or_two_words(
    title: str, url: str, expected: bool
) -> None:
    assert is_short_section_link(_rec(title, url)) is expected


def test_untitled_block_of_stories_keeps_guides_with_plain_slugs() -> None:
    stories = Recommendations(
        title=None,
        items=(
            _rec("Best chair for gaming", "https://n.example/best-gaming-chairs/"),
            _rec("MSI B460M Mortar review", "https://n.example/msi-b460m-mortar-review/"),
            _rec("Startups", "https://n.example/tech/startups"),
        ),
    )
    (kept,) = without_non_article_items([stories])
    assert isinstance(kept, Recommendations)
    assert [item.title for item in kept.items] == [
        "Best chair for gaming",
        "MSI B460M Mortar review",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GET FOX BUSINESS ON THE GO BY CLICKING HERE", True),
        ("Click here to get the Fox News app", True),
        ("Download our free news app", True),
        # a link to the rest of a story says "click here" too: it is an article
        ("Click here for the second half of this epic story.", False),
        ("The app that changed how we shop", False),
    ],
)
def test_calls_to_install_an_app_are_no_items(text: str, expected: bool) -> None:
    assert is_click_or_app_text(text) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "← Previous: Chasing Quick Fixes To Sustainability",
            "Chasing Quick Fixes To Sustainability",
        ),
        ("Next article » The council votes", "The council votes"),
        ("Vorheriger Artikel: Der Rat stimmt ab", "Der Rat stimmt ab"),
        # a label alone stays (all the link says); a headline opening with the word stays
        ("← Previous story", "← Previous story"),
        (
            "Next St. Paul City Council will include five women",
            "Next St. Paul City Council will include five women",
        ),
    ],
)
def test_prev_next_label_leaves_the_item_title(title: str, expected: str) -> None:
    assert without_prev_next_label(Recommendation(title=title, url="/a")).title == expected


def test_print_links_are_no_items() -> None:
    assert is_service_link_text("Print this page")
    assert is_service_link_text("Artikel drucken")
    assert not is_service_link_text("Print edition sales fell again in 2024")


_MOZART_PARA = "<p>" + "The article's own words go on for a while about the subject. " * 6 + "</p>"


def _page_with_link_list(label: str) -> str:
    return (
        "<html><body><article><h1>Mozart went to no school</h1>"
        + _MOZART_PARA * 4
        + label
        + "<ul><li><a href='/2013/04/stop-stealing-dreams/'>Stop stealing dreams, a talk</a></li>"
        "<li><a href='/2013/03/changing-paradigms/'>Changing education paradigms</a></li>"
        "<li><a href='/2013/02/in-classrooms/'>The future is decided in classrooms</a></li></ul>"
        + _MOZART_PARA
        + "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("label", "title"),
    [
        ("<p><strong>Links zu weiteren Artikeln:</strong></p>", "Links zu weiteren Artikeln"),
        ("", None),
    ],
)
def test_a_list_whose_every_item_links_another_article_is_one_block(
    label: str, title: str | None
) -> None:
    # Each item, a link to another article of the site, is a recommendation; the list was
    # a List of untitled blocks, one per item ("- ## Recommended" in Markdown, a bare "-"
    # in plain text). It is one block where the list stands, titled by a label over it.
    doc = parse_html(_page_with_link_list(label), url="https://blog.example/2013/04/mozart/")
    assert not any(isinstance(block, List) for block in doc.blocks)
    (recs,) = doc.recommendations
    assert recs.title == title
    assert [item.title for item in recs.items] == [
        "Stop stealing dreams, a talk",
        "Changing education paradigms",
        "The future is decided in classrooms",
    ]
    assert isinstance(doc.blocks[-1], Paragraph)  # the article goes on after it
    assert "Links zu" not in to_text(doc)
    assert "\n-" not in to_text(doc)


def test_a_list_with_one_item_of_its_own_words_stays_a_list() -> None:
    html = _page_with_link_list("").replace(
        "<li><a href='/2013/03/changing-paradigms/'>Changing education paradigms</a></li>",
        "<li>Changing education paradigms, which the author heard twice</li>",
    )
    doc = parse_html(html, url="https://blog.example/2013/04/mozart/")
    assert any(isinstance(block, List) for block in doc.blocks)


def test_titled_grid_of_cards_with_summaries_becomes_one_titled_block() -> None:
    # each card: picture, headline (no link), date, a summary of plain text and a
    # "read more" link; the grid's heading is a recommendation title
    para = "This is a sentence of article text, long enough to count as a paragraph. " * 3
    summary = "A summary of the other story in two lines of text, without a single link in it."
    cards = "".join(
        f"<article class='Teaser'><img src='/p{i}.jpg'><h3>Headline number {i}</h3>"
        f"<ul><li>0{i}.12.2022</li></ul><p>{summary}</p><a href='/story-{i}'>read more</a>"
        "</article>"
        for i in range(3)
    )
    html = (
        f"<html><body><article><h1>Title</h1><p>{para}</p><p>{para}</p>"
        f"<div class='Teasers'><h2>Mehr zum Thema</h2><div>{cards}</div></div>"
        "</article></body></html>"
    )
    doc = parse_html(html, url="https://example.org/a")
    (block,) = doc.recommendations
    assert block.title == "Mehr zum Thema"
    assert [item.title for item in block.items] == [f"Headline number {i}" for i in range(3)]
    assert [item.url for item in block.items] == [
        f"https://example.org/story-{i}" for i in range(3)
    ]
    assert "Headline number" not in doc.plain_text()


def _page_with_sidebar(body_label: str, widget_title: str) -> str:
    card = (
        "<article><a href='/2024/{slug}.html'><img src='/i/{slug}.jpg' alt=''></a>"
        "<h3><a href='/2024/{slug}.html'>{title}</a></h3></article>"
    )
    cards = "".join(
        card.format(slug=slug, title=title)
        for slug, title in (
            ("first-story", "The first story the sidebar offers"),
            ("second-story", "The second story the sidebar offers"),
            ("third-story", "The third story the sidebar offers"),
        )
    )
    return (
        "<html><body><article><h1>Mothers' day in the studio</h1>"
        + _MOZART_PARA * 4
        + body_label
        + "<ul><li><a href='/2024/first-story.html'>The first story, as the article names it</a>"
        "</li><li><a href='/2024/other-story.html'>Another story the article names</a></li></ul>"
        + "</article><aside class='sidebar'><section class='related'>"
        + f"<h2>{widget_title}</h2>{cards}</section></aside></body></html>"
    )


def test_a_widget_keeps_an_item_the_body_shows_under_another_title() -> None:
    # The article's own "MÁS INFORMACIÓN:" list and the sidebar's "TE PUEDE INTERESAR:"
    # both name the first story: each titled block stays whole, the sidebar's item with
    # its picture (it was dropped from the sidebar as already shown).
    html = _page_with_sidebar("<p><b>MÁS INFORMACIÓN:</b></p>", "TE PUEDE INTERESAR:")
    doc = parse_html(html, url="https://news.example/2024/mothers-day.html")
    by_title = {recs.title: recs.items for recs in doc.recommendations}
    assert [item.url.rsplit("/", 1)[1] for item in by_title["TE PUEDE INTERESAR:"]] == [
        "first-story.html",
        "second-story.html",
        "third-story.html",
    ]
    assert by_title["TE PUEDE INTERESAR:"][0].image == "https://news.example/i/first-story.jpg"
    # (a title the vocabulary names is taken as printed, colon included, as the sidebar's)
    assert len(by_title["MÁS INFORMACIÓN:"]) == 2


@pytest.mark.parametrize(
    ("body_label", "widget_title"),
    [("", "You may also like"), ("<p><b>Más información:</b></p>", "MÁS INFORMACIÓN")],
)
def test_a_widget_drops_an_item_shown_untitled_or_under_its_own_title(
    body_label: str, widget_title: str
) -> None:
    # An untitled block, or one of the same title, is often the part of the widget that
    # the content holds: its items are not repeated.
    html = _page_with_sidebar(body_label, widget_title)
    doc = parse_html(html, url="https://news.example/2024/mothers-day.html")
    urls = [item.url for recs in doc.recommendations for item in recs.items]
    assert urls.count("https://news.example/2024/first-story.html") == 1
    assert "https://news.example/2024/third-story.html" in urls


def test_other_titles() -> None:
    from articlekit.html import _other_titles

    assert _other_titles("MÁS INFORMACIÓN", "TE PUEDE INTERESAR:")
    assert not _other_titles("Related Stories", "related stories:")
    assert not _other_titles(None, "Related")
    assert not _other_titles("Related", None)
