"""Picture text that w3m and lynx print as paragraphs of their own: alt text repeated for
every image (lynx) and a caption set apart by the picture's empty line (w3m)."""

from __future__ import annotations

from articlekit.model import Figure, Paragraph, plain_text
from articlekit.text import parse_text
from articlekit.text.parser import MIN_REPEATED_LONG_PARAGRAPHS, MIN_REPEATED_PARAGRAPHS

_PROSE = (
    "   The first games of the series were made by a small team that had to squeeze a\n"
    "   whole planet into a cartridge, and the way they did it still shapes how the\n"
    "   later games are built, from the map screens to the order of the upgrades.\n"
)


def _paragraphs(text: str) -> list[str]:
    return [plain_text(b.content) for b in parse_text(text).blocks if isinstance(b, Paragraph)]


def test_alt_text_printed_for_every_image_is_dropped() -> None:
    alt = "   Illustration for article titled The Story Of A Long Running Game Series\n"
    prose = [_PROSE.replace("first", f"part {i}:") for i in range(MIN_REPEATED_PARAGRAPHS)]
    text = "Title\n\n" + "\n".join(alt + "\n" + p for p in prose)
    texts = _paragraphs(text)
    assert texts == [" ".join(p.split()) for p in prose]


def test_long_alt_text_over_a_few_pictures_is_dropped() -> None:
    # a page's long alt text over each of its few pictures: a sentence an article says once
    alt = "   Give the Gift of Homemade Pear Jam for the Holidays #ad #canning #jam\n"
    n = MIN_REPEATED_LONG_PARAGRAPHS
    prose = [_PROSE.replace("first", f"part {i}:") for i in range(n)]
    text = "Title\n\n" + "\n".join(alt + "\n" + p for p in prose)
    assert _paragraphs(text) == [" ".join(p.split()) for p in prose]
    # said fewer times, or shorter, it stays
    text = "Title\n\n" + "\n".join(alt + "\n" + p for p in prose[: n - 1])
    assert len(_paragraphs(text)) == 2 * (n - 1)


def test_a_line_said_a_few_times_stays() -> None:
    said = '   "I would prefer not to."\n'
    prose = [_PROSE.replace("first", f"part {i}:") for i in range(3)]
    text = "Title\n\n" + "\n".join(p + "\n" + said for p in prose)
    texts = _paragraphs(text)
    assert texts.count('"I would prefer not to."') == 3


_W3M_PROSE = (
    "Concrete information on why whales strand remains elusive, but sickness,\n"
    "navigational error, geographical features, a rapidly falling tide, being chased\n"
    "by a predator, or extreme weather are all thought to contribute, according to\n"
    "the New Zealand Department of Conservation and the scientists who study them.\n"
)


def test_w3m_caption_under_an_empty_picture_line_is_a_figure() -> None:
    text = (
        f"Whales\n\n{_W3M_PROSE}\n \nA bin of small whale bones.\n\n{_W3M_PROSE}\n"
        f"A short line of the article.\n\n{_W3M_PROSE}"
    )
    figures = [b for b in parse_text(text).blocks if isinstance(b, Figure)]
    assert [plain_text(f.caption) for f in figures] == ["A bin of small whale bones."]
    assert figures[0].image.src == ""
    texts = _paragraphs(text)
    assert "A bin of small whale bones." not in texts
    assert "A short line of the article." in texts
    assert texts.count(" ".join(_W3M_PROSE.split())) == 3


def test_a_long_sentence_said_a_few_times_stays() -> None:
    # repeated as often as alt text, but ending as a sentence does: prose (a refrain, a
    # test page's lorem ipsum), not a picture's alt text or a teaser's title
    said = "   Give the Gift of Homemade Pear Jam for the Holidays this year, friends.\n"
    n = MIN_REPEATED_LONG_PARAGRAPHS
    prose = [_PROSE.replace("first", f"part {i}:") for i in range(n)]
    text = "Title\n\n" + "\n".join(said + "\n" + p for p in prose)
    assert len(_paragraphs(text)) == 2 * n


def test_screen_reader_caption_labels_are_captions() -> None:
    # a news site's labels for a screen reader, printed as text by the rendering: the
    # picture's credit and caption, not the article's paragraphs
    text = (
        "The ferry route closes\n\n"
        f"{_PROSE}\n"
        "   Image source, Example Agency\n\n"
        "   Image caption, The ferry on its last crossing, with the harbour walls behind\n"
        "   it and the town's old customs house on the left\n\n"
        f"{_PROSE.replace('first', 'next')}\n"
        "   Image copyright Getty Images Image caption Passengers on the upper deck\n\n"
        f"{_PROSE.replace('first', 'last')}"
    )
    doc = parse_text(text)
    texts = [plain_text(b.content) for b in doc.blocks if isinstance(b, Paragraph)]
    assert len(texts) == 3 and all("Image" not in t for t in texts)
    captions = [plain_text(b.caption) for b in doc.blocks if isinstance(b, Figure)]
    assert captions == [
        "Image source, Example Agency",
        "Image caption, The ferry on its last crossing, with the harbour walls behind it"
        " and the town's old customs house on the left",
        "Image copyright Getty Images Image caption Passengers on the upper deck",
    ]


def test_a_sentence_about_image_sources_stays() -> None:
    text = (
        "The ferry route closes\n\n"
        f"{_PROSE}\n   Image sources are listed at the end of the article.\n\n{_PROSE}"
    )
    assert "Image sources are listed at the end of the article." in _paragraphs(text)


def test_a_caption_ending_in_its_credit_in_brackets_is_a_caption() -> None:
    from articlekit.text.vocab import ends_in_picture_credit

    # a news site's caption with the picture's credit in brackets at its end
    text = (
        "The ferry route closes\n\n"
        f"{_PROSE}\n"
        "   The ferry on its last crossing (Image: GETTY )\n\n"
        f"{_PROSE.replace('first', 'next')}\n"
        "   Passengers on the upper deck, with the harbour walls behind\n"
        "   them (Photo credit: Example Agency)\n\n"
        f"{_PROSE.replace('first', 'last')}"
    )
    doc = parse_text(text)
    texts = [plain_text(b.content) for b in doc.blocks if isinstance(b, Paragraph)]
    assert len(texts) == 3 and all("(Image" not in t and "(Photo" not in t for t in texts)
    captions = [plain_text(b.caption) for b in doc.blocks if isinstance(b, Figure)]
    assert captions[0] == "The ferry on its last crossing (Image: GETTY )"
    # a sentence with a bracket that names no credit, or runs on after it, is text
    assert not ends_in_picture_credit("The council met on Tuesday (its third meeting).")
    assert not ends_in_picture_credit("See the map (Image: below) for the route it took.")
    assert ends_in_picture_credit("A plague doctor (Pic: Example Archive)")
