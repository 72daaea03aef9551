"""parse_text end to end: the seed article exactly, provenance, metadata sources, bad input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit.errors import ArticleKitError, UnsupportedInputError
from articlekit.model import (
    Document,
    Heading,
    List,
    Paragraph,
    Recommendations,
    SourceInfo,
    plain_text,
    walk,
)
from articlekit.text import parse_text
from articlekit.text.parser import label_headings, looks_like_heading

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "seed-article.txt"
SEED_TITLE = "North Korea's Dispatched Troops To Russia: Implications And Developments"
SEED_HEADINGS = [
    "What You Will Learn",
    "Current Dynamics of the Conflict",
    "Implications for Global Security",
    "Responses from the International Community",
    "Potential for Increased Military Aid",
    "Conclusion: The Path Forward",
]
SEED_RECOMMENDATIONS = [
    "Ukraine War North Korea and Russia arms talks advancing? World News",
    "North Korea shows off possible new ICBM at huge military parade",
    "North Korea confirms recent exercises were practice to attack South",
]


@pytest.fixture(scope="module")
def seed() -> Document:
    return parse_text(SEED.read_text(encoding="utf-8"), url="https://example.org/seed")


# --------------------------------------------------------------------------- the seed


def test_seed_title_and_kicker(seed: Document) -> None:
    assert seed.title == SEED_TITLE
    assert seed.metadata.kicker == "visuals"
    assert seed.metadata.source_of("title") == "text"
    assert seed.metadata.source_of("kicker") == "text"


def test_seed_repeated_title_is_not_a_paragraph(seed: Document) -> None:
    texts = [plain_text(b) for b in seed.walk()]
    assert SEED_TITLE not in texts
    assert "visuals" not in texts


def test_seed_headings(seed: Document) -> None:
    headings = [b for b in seed.blocks if isinstance(b, Heading)]
    assert [plain_text(h) for h in headings] == SEED_HEADINGS
    assert {h.level for h in headings} == {2}


def test_seed_one_bullet_list_under_what_you_will_learn(seed: Document) -> None:
    lists = [b for b in seed.walk() if isinstance(b, List)]
    assert len(lists) == 1
    (bullets,) = lists
    assert not bullets.ordered
    assert len(bullets.items) == 4
    assert plain_text(bullets.items[0]).startswith("The Pentagon's confirmation")
    index = seed.blocks.index(bullets)
    assert plain_text(seed.blocks[index - 1]) == "What You Will Learn"


def test_seed_paragraphs_intact(seed: Document) -> None:
    paragraphs = [b for b in seed.blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) == 9
    source = SEED.read_text(encoding="utf-8").splitlines()
    for paragraph in paragraphs:
        assert paragraph.provenance is not None and paragraph.provenance.lines is not None
        first, last = paragraph.provenance.lines
        assert first == last  # one line per paragraph in the seed
        assert plain_text(paragraph) == source[first - 1]


def test_seed_recommendations_once_each(seed: Document) -> None:
    (block,) = seed.recommendations
    assert block.title == "Also Read"
    assert [item.title for item in block.items] == SEED_RECOMMENDATIONS
    assert seed.blocks[-1] is block  # "Share:" after it is gone
    assert "Share" not in seed.plain_text()
    assert "Article Recommendations" not in seed.plain_text()


def test_seed_source_and_provenance(seed: Document) -> None:
    assert seed.source == SourceInfo(url="https://example.org/seed", format="text", parser="text")
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for block in seed.blocks:
        assert block.provenance is not None and block.provenance.lines is not None
        first, last = block.provenance.lines
        assert 1 <= first <= last <= len(lines)
    heading = next(b for b in seed.blocks if isinstance(b, Heading))
    assert heading.provenance is not None and heading.provenance.lines is not None
    assert lines[heading.provenance.lines[0] - 1] == "What You Will Learn"
    recs = seed.blocks[-1]
    assert isinstance(recs, Recommendations) and recs.provenance is not None
    assert recs.provenance.lines is not None
    assert lines[recs.provenance.lines[0] - 1] == "Also Read"


def test_same_input_same_document() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert parse_text(text) == parse_text(text)


# --------------------------------------------------------------------------- headings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Current Dynamics of the Conflict", True),
        ("What Is Next?", True),
        ("2024 in Review", True),
        ("This line ends with a full stop.", False),
        ("lower-case start", False),
        ("(Artist: Jane Doe)", False),
        ("- an attribution", False),
        ("x" * 101, False),
        (" ".join(["Word"] * 15), False),
        ("", False),
    ],
)
def test_looks_like_heading(text: str, expected: bool) -> None:
    assert looks_like_heading(text) is expected


def test_label_headings_is_exported() -> None:
    assert callable(label_headings)


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\r\n\r\n", "\x00\x00\x00"])
def test_empty_or_blank_input_is_rejected(text: str) -> None:
    with pytest.raises(UnsupportedInputError):
        parse_text(text)


def test_binary_passed_as_text_is_rejected() -> None:
    data = bytes(range(256)) * 20
    with pytest.raises(UnsupportedInputError, match="binary"):
        parse_text(data.decode("latin-1"))


def test_not_a_string_is_rejected() -> None:
    with pytest.raises(UnsupportedInputError):
        parse_text(b"bytes are not text")  # type: ignore[arg-type]


@pytest.mark.parametrize("data", [b"caf\xe9 au lait", bytearray(b"text"), memoryview(b"text")])
def test_bytes_given_to_parse_text_are_refused_with_the_way_out(data: object) -> None:
    # "<bytes>: expected str, got bytes" said what was wrong, not what to do
    with pytest.raises(UnsupportedInputError) as caught:
        parse_text(data)  # type: ignore[arg-type]
    assert caught.value.source == "<bytes>"
    assert "parse_text() reads a str" in caught.value.problem
    assert "parse(data, format='text')" in caught.value.problem


@pytest.mark.parametrize(
    "text",
    [
        "a\rb\r\nc\nd\r\r\ne",
        "word " * 200_000,  # one 1 MB line
        "[" * 100_000 + "]" * 100_000,
        "*" * 200_000,
        "_a" * 100_000,
        "[1]" * 50_000 + "\n\nReferences\n\n   1. https://example.org/\n",
        "\n".join(" " * i + "* item" for i in range(0, 4000, 2)),
        "\n".join(">" * i + " quoted" for i in range(1, 2000)),
        "#" * 10_000 + " heading",
        "1." * 50_000,
        "\u3000\u00a0 text with odd spaces \u2028 and a line separator",
    ],
    ids=[
        "mixed-endings",
        "long-line",
        "brackets",
        "stars",
        "underscores",
        "lynx-markers",
        "deep-list",
        "deep-quote",
        "hashes",
        "numbers",
        "unicode-spaces",
    ],
)
def test_hostile_input_gives_a_document_quickly(text: str) -> None:
    started = time.perf_counter()
    doc = parse_text(text)
    assert isinstance(doc, Document)
    # generous bound: a hang or quadratic blow-up takes minutes, not seconds
    assert time.perf_counter() - started < 30


def test_deep_list_nesting_is_bounded() -> None:
    text = "\n".join(" " * (2 * i) + "* item" for i in range(500))
    doc = parse_text(text)
    depth = 0
    for block in walk(doc.blocks):
        if isinstance(block, List):
            depth += 1
    assert 1 <= depth <= 8


@given(st.text(max_size=2000))
def test_arbitrary_text_raises_only_articlekit_errors(text: str) -> None:
    try:
        doc = parse_text(text)
    except ArticleKitError:
        return
    assert isinstance(doc, Document)


@given(
    st.lists(
        st.sampled_from(
            [
                "",
                "Title Line",
                "A sentence of ordinary prose that goes on for a while, as prose does.",
                "  • bullet item",
                "1. numbered item",
                "    * nested item",
                "## Heading",
                "=====",
                "-----",
                "> quoted text",
                "```",
                "Also read",
                "Share:",
                "[12]link text",
                "References",
                "   1. https://example.org/",
                "By Jane Doe",
                "March 5, 2024",
                "    code line",
            ]
        ),
        max_size=60,
    )
)
def test_arbitrary_layouts_give_documents(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        doc = parse_text(text)
    except UnsupportedInputError:
        assert not text.strip()
        return
    assert isinstance(doc, Document)


def test_corpus_renderings_parse_deterministically(corpus: Path) -> None:
    data = ROOT / "benchmarks" / "data" / "text"
    dumps = sorted(data.glob("*/readability/*.txt"))[::40] if data.is_dir() else []
    if not dumps:
        pytest.skip("no text renderings: run benchmarks/text_render.py")
    for dump in dumps:
        text = dump.read_text(encoding="utf-8")
        if not text.strip():
            continue
        assert parse_text(text) == parse_text(text)


_CARD_GRID = """# Developer tools

Get to know the features that make the browser complete for building the web.

  * [ ![Screenshot](http://example.com/inspector.jpg) ](http://example.com/video1)

## Page Inspector

Examine the HTML and CSS of any page and modify its structure and layout.

[Learn more about Page Inspector](http://example.com/docs/inspector)

  * [ ![Screenshot](http://example.com/console.jpg) ](http://example.com/video2)

## Web Console

See logged information associated with a page and interact with it in JavaScript.

## Other tools

The rest of the toolbox is described in the documentation of the project here.
"""


def test_html2text_card_grid_item_takes_heading_and_paragraphs() -> None:
    doc = parse_text(_CARD_GRID)
    lists = [b for b in doc.blocks if isinstance(b, List)]
    assert len(lists) == 2
    first = lists[0].items[-1]
    assert [type(b).__name__ for b in first.blocks] == [
        "Paragraph",
        "Heading",
        "Paragraph",
        "Paragraph",
    ]
    assert "Examine the HTML" in plain_text(first)
    # the second card ends at the next heading: "Other tools" stays a section of the page
    second = lists[1].items[-1]
    assert [type(b).__name__ for b in second.blocks] == ["Paragraph", "Heading", "Paragraph"]
    headings = [plain_text(b) for b in doc.blocks if isinstance(b, Heading)]
    assert "Other tools" in headings
    assert any(
        isinstance(b, Paragraph) and plain_text(b).startswith("The rest") for b in doc.blocks
    )


def test_picture_item_with_long_caption_is_no_card() -> None:
    text = _CARD_GRID.replace(
        "  * [ ![Screenshot](http://example.com/inspector.jpg) ](http://example.com/video1)",
        "  * ![](http://example.com/a.jpg) A long caption of a picture that runs on for"
        " more than a dozen words and so is the item's own text",
    )
    doc = parse_text(text)
    first = next(b for b in doc.blocks if isinstance(b, List))
    assert len(first.items[-1].blocks) == 1


def test_gallery_before_a_section_heading_is_no_card() -> None:
    text = _CARD_GRID.replace(
        "  * [ ![Screenshot](http://example.com/inspector.jpg) ](http://example.com/video1)",
        "  * ![](http://example.com/lake.jpg)\n  * ![](http://example.com/coast.jpg)",
    )
    doc = parse_text(text)
    gallery = next(b for b in doc.blocks if isinstance(b, List))
    assert [len(item.blocks) for item in gallery.items] == [1, 1]
    assert any(
        isinstance(b, Paragraph) and plain_text(b).startswith("Examine the HTML")
        for b in doc.blocks
    )


# --------------------------------------------------------------------------- an update's date


_STORY = (
    "The story begins here and goes on for a while with several words in it.\n\n"
    "Another paragraph of the story follows here with more words.\n"
)


def test_an_update_line_alone_is_the_modified_date_and_no_published_date() -> None:
    # unlike an HTML page's (docs/metadata.md, "An update's date alone"): a rendering has
    # lost the page's declared dates, and the update's is often not the publication's
    doc = parse_text(f"A headline for the story\n\nUpdated: May 3, 2021\n\n{_STORY}")
    assert doc.metadata.modified == "2021-05-03"
    assert doc.metadata.published is None


def test_a_published_line_beside_an_update_line_is_the_published_date() -> None:
    doc = parse_text(
        f"A headline for the story\n\nPublished March 1, 2021\n\nUpdated: May 3, 2021\n\n{_STORY}"
    )
    assert doc.metadata.published == "2021-03-01"
    assert doc.metadata.source_of("published") == "text"
    assert doc.metadata.modified == "2021-05-03"
