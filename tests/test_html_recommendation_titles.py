"""Tests for recommendation titles and lines found around the cards they name."""

from __future__ import annotations

from articlekit.html import parse_html
from articlekit.html.blocks import rec_title_text, title_rec_cards
from articlekit.html.recommendations import is_kicker_link
from articlekit.html.tree import parse_tree
from articlekit.model import (
    Block,
    Document,
    Heading,
    Link,
    Paragraph,
    Recommendation,
    Recommendations,
    Strong,
    Text,
    plain_text,
)

FILL = "<p>Article sentence, with commas, long enough to vote for its container here.</p>"
URL = "https://news.example.org/2024/story.html"


def _doc(body: str) -> Document:
    html = f"<html><body><article>{FILL * 4}{body}{FILL * 2}</article></body></html>"
    return parse_html(html, url=URL)


def _recs(doc: Document) -> list[Recommendations]:
    return [b for b in doc.blocks if isinstance(b, Recommendations)]


def _card(slug: str, headline: str) -> str:
    return (
        f'<div class="teaser"><a href="/2024/{slug}.html"><img src="/{slug}.jpg"></a>'
        f'<h3><a href="/2024/{slug}.html">{headline}</a></h3></div>'
    )


def _rec(url: str, title: str | None = None) -> Recommendations:
    return Recommendations(title=title, items=(Recommendation(title="Story " + url, url=url),))


def test_rec_title_text_is_a_whole_title_without_a_link() -> None:
    assert rec_title_text(Paragraph(content=(Strong(content=(Text(text="Lesen Sie mehr"),)),))) == (
        "Lesen Sie mehr"
    )
    heading = Heading(level=3, content=(Text(text="A lire aussi :"),))
    assert rec_title_text(heading) == "A lire aussi"
    # a sentence that opens with the words, a linked title, another block: no title
    sentence = Paragraph(content=(Text(text="Lesen Sie mehr über den Antrag hier."),))
    assert rec_title_text(sentence) is None
    linked = Paragraph(content=(Link(url="/more", content=(Text(text="Mehr zum Thema"),)),))
    assert rec_title_text(linked) is None
    assert rec_title_text(_rec("/a")) is None


def test_title_over_untitled_cards_becomes_their_title() -> None:
    body = Paragraph(content=(Text(text="Body text of the article, long enough."),))
    title = Paragraph(content=(Strong(content=(Text(text="Lesen Sie mehr"),)),))
    blocks: list[Block] = [body, title, _rec("/a"), _rec("/b"), body]
    out = title_rec_cards(blocks)
    assert out[0] == body and out[2] == body and len(out) == 3
    merged = out[1]
    assert isinstance(merged, Recommendations) and merged.title == "Lesen Sie mehr"
    assert [item.url for item in merged.items] == ["/a", "/b"]


def test_title_over_a_titled_block_or_prose_is_left_alone() -> None:
    title = Paragraph(content=(Text(text="Mehr zum Thema"),))
    body = Paragraph(content=(Text(text="Body text of the article, long enough."),))
    titled: list[Block] = [title, _rec("/a", "Weitere Artikel")]
    assert title_rec_cards(titled) == titled
    over_prose: list[Block] = [title, body, _rec("/a")]
    assert title_rec_cards(over_prose) == over_prose


def test_page_title_paragraph_over_teaser_boxes_titles_them() -> None:
    doc = _doc(
        "<p><strong>Lesen Sie mehr</strong></p><p></p>"
        + _card("first-other-story", "Jugendverbände fordern eine Prämie für den Anfang")
        + "<p></p>"
        + _card("second-other-story", "Prämie für die Gründung eines Betriebs")
    )
    recs = _recs(doc)
    assert len(recs) == 1 and recs[0].title == "Lesen Sie mehr"
    assert [item.url for item in recs[0].items] == [
        "https://news.example.org/2024/first-other-story.html",
        "https://news.example.org/2024/second-other-story.html",
    ]
    paragraphs = [plain_text(b) for b in doc.blocks if isinstance(b, Paragraph)]
    assert all("Lesen Sie mehr" not in text for text in paragraphs)


def test_also_read_line_without_a_colon_names_its_article() -> None:
    doc = _doc(
        "<p>Lire aussi Jeanne Martin &amp; Paul Roux, « "
        '<a href="/2023/05/autre-article.html">La politique du rayon de soleil</a> », '
        "<i>Le Journal</i>, juin 2018.</p>"
        '<p><strong>[ Also read <a href="/2023/remote.html">Remote work: three benefits '
        "and risks</a>. ]</strong></p>"
    )
    recs = _recs(doc)
    assert [(r.title, [i.title for i in r.items]) for r in recs] == [
        ("Lire aussi", ["La politique du rayon de soleil"]),
        ("Also read", ["Remote work: three benefits and risks"]),
    ]
    assert all("Lire aussi" not in plain_text(b) for b in doc.blocks if isinstance(b, Paragraph))


def test_also_read_words_in_a_sentence_or_over_two_links_stay_text() -> None:
    doc = _doc(
        # two pages cited, a few linked words in a long sentence, "see also" prose
        '<p>Lesen Sie auch <a href="/a.html">den ersten Bericht über die Wahl</a> und '
        '<a href="/b.html">den zweiten Bericht über die Wahl</a>.</p>'
        "<p>Lesen Sie auch, was die Ministerin am Montag vor dem Ausschuss über den "
        'Haushalt, die Schulden und die Steuern sagte, in <a href="/c.html">unserem '
        "Bericht vom Tag</a>, der alle Antworten der Ministerin auf die Fragen der "
        "Abgeordneten wiedergibt und sie einordnet.</p>"
        '<p>See also <a href="/d.html">the discussion of the earlier release notes</a>.</p>'
    )
    assert _recs(doc) == []


def test_bracketed_and_bare_spanish_cross_links_are_recommendations() -> None:
    doc = _doc(
        '<p>(También puede leer: <a href="/2024/otra-noticia.html">Quintero dijo que '
        "planearían otra cosa en la región</a>)</p>"
        '<p>También: <a href="/2024/tercera.html">Candidatos presidenciales rezagados</a></p>'
        "<p>También se incluye la reducción del estrés laboral en las oficinas.</p>"
    )
    assert [(r.title, len(r.items)) for r in _recs(doc)] == [
        ("También puede leer", 1),
        ("También", 1),
    ]


def test_box_drawn_as_an_article_under_a_rec_title_is_a_widget() -> None:
    # a "More on this topic" box drawn as a short <article>, its card links named after
    # the topic, each holding a picture, a kicker and the headline
    cards = "".join(
        f'<li><a class="moreOnTopic__Link" href="/2024/{slug}.html"><img src="/{slug}.jpg">'
        f'<div><div>Kicker</div><div class="moreOnTopic__title">{headline}</div></div></a></li>'
        for slug, headline in (
            ("first", "Who pays when parents care for their children at home?"),
            ("second", "These are the rights of employers when staff fall ill"),
        )
    )
    doc = _doc(f'<article class="moreOnTopic"><div>Related stories</div><ul>{cards}</ul></article>')
    recs = _recs(doc)
    assert len(recs) == 1 and recs[0].title == "Related stories"
    assert [item.title for item in recs[0].items] == [
        "Who pays when parents care for their children at home?",
        "These are the rights of employers when staff fall ill",
    ]
    assert all(item.image is not None for item in recs[0].items)
    assert all(
        "Related stories" not in plain_text(b) for b in doc.blocks if isinstance(b, Paragraph)
    )


def test_topic_named_link_around_a_picture_is_a_card_not_a_kicker() -> None:
    root = parse_tree(
        "<div><a class='article-topic-2' href='/t'>Topic</a>"
        "<a class='teaser-topic__link' href='/a'><img src='/a.jpg'>A headline of a story</a>"
        "<span class='kicker'><a href='/k'><picture><img src='/k.jpg'></picture>Another</a>"
        "</span></div>"
    )
    assert [is_kicker_link(a) for a in root.iter("a")] == [True, False, False]


def _page(article: str, after: str) -> Document:
    html = f"<html><body><article>{FILL * 6}{article}</article>{after}</body></html>"
    return parse_html(html, url=URL)


def test_link_list_under_a_title_box_in_the_footer_is_a_widget() -> None:
    links = "".join(
        f'<li><a href="/2024/{slug}.html"><div class="box-title">{headline}</div></a></li>'
        for slug, headline in (
            ("series", "Circular economy and the social market economy"),
            ("other", "Why a law to protect resources is needed now"),
        )
    )
    footer = (
        '<footer class="entry-meta"><div class="comments">Comments</div>'
        '<div><a class="comments-button" href="#comments">Comment</a></div>'
        '<style>.more-header{color:red}</style><div class="more-header">Mehr zum Thema</div>'
        f'<div class="more-divider"></div><ul>{links}</ul></footer>'
    )
    recs = _recs(_page("", footer))
    assert [(r.title, [i.title for i in r.items]) for r in recs] == [
        (
            "Mehr zum Thema",
            [
                "Circular economy and the social market economy",
                "Why a law to protect resources is needed now",
            ],
        )
    ]


def test_list_under_see_also_or_under_a_plain_label_is_no_widget() -> None:
    links = (
        '<ul><li><a href="/wiki/first-topic">First topic of the encyclopedia</a></li>'
        '<li><a href="/wiki/second-topic">Second topic of the encyclopedia</a></li></ul>'
    )
    doc = _page(
        f"<h2>See also</h2>{links}<h2>References</h2>{FILL}",
        f'<aside><div class="box">Our partners</div>{links}</aside>'
        f'<div><div class="label">Read more:</div><ul class="breadcrumbs">{links[4:]}</div>',
    )
    assert _recs(doc) == []
