"""Tests for recommendation titles and lines found around the cards they name."""

from __future__ import annotations

from articlekit.html import parse_html
from articlekit.html.blocks import rec_title_text, title_rec_cards
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
