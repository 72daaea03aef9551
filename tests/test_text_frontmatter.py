"""Front matter of text articles: dates and bylines."""

from __future__ import annotations

import pytest

from articlekit.text import parse_text
from articlekit.text.frontmatter import looks_like_title, parse_date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2024-03-05", ("2024-03-05", "published")),
        ("2024-03-05T10:30", ("2024-03-05", "published")),
        ("March 5, 2024", ("2024-03-05", "published")),
        ("Mar. 5, 2024", ("2024-03-05", "published")),
        ("5 March 2024", ("2024-03-05", "published")),
        ("5th March 2024", ("2024-03-05", "published")),
        ("Tuesday, March 5, 2024 10:30", ("2024-03-05", "published")),
        ("Published: 5 March 2024", ("2024-03-05", "published")),
        ("Updated March 7, 2024", ("2024-03-07", "modified")),
        ("5. März 2024", ("2024-03-05", "published")),
        ("5 mars 2024", ("2024-03-05", "published")),
        ("March 5, 2024 was a Tuesday and it rained all day", None),
        ("2024-13-40", None),
        ("Marching on, 2024", None),
        ("", None),
    ],
)
def test_parse_date(line: str, expected: tuple[str, str] | None) -> None:
    assert parse_date(line) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("A Title", True), ("Is This A Title?", True), ("A sentence.", False), ("123", False)],
)
def test_looks_like_title(text: str, expected: bool) -> None:
    assert looks_like_title(text) is expected


BODY = "The council met on Tuesday evening and decided that the library would stay open."


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Doe", ("Jane Doe",)),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("Von Erika Mustermann", ("Erika Mustermann",)),
        ("by the way, this is not a byline", ()),
    ],
)
def test_byline(line: str, authors: tuple[str, ...]) -> None:
    doc = parse_text(f"A Title Line\n\n{line}\n\n{BODY}\n")
    assert doc.metadata.authors == authors
    if authors:
        assert doc.metadata.source_of("authors") == "text"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How Winter Wreaks Havoc on What's Underneath N.Y.C.", True),
        ("Life in the U.S.", True),
        ("My trip to the maple camp @ Steven's home :: PIXNET ::", True),
        ("He went home.", False),
        ("What you need:", False),
        ("Example::", False),
    ],
)
def test_title_may_end_in_an_initialism_or_a_site_decoration(text: str, expected: bool) -> None:
    assert looks_like_title(text) is expected


def test_a_title_line_right_over_the_text_is_the_title() -> None:
    # a scraper's title and text fields stored one under the other, no blank line
    text = "Lorem Ipsum\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\n"
    assert parse_text(text).title == "Lorem Ipsum"
    wrapped = (
        "Get Your Frontend Code Covered\n"
        + "So finally you are testing your code? Great! The more tests you write, the more\n" * 4
        + "confident you are.\n"
    )
    assert parse_text(wrapped).title == "Get Your Frontend Code Covered"
    # a first line closing its sentence opens the text
    text = "Lorem ipsum dolor sit amet.\nConsectetur adipiscing elit, sed do eiusmod.\n"
    assert parse_text(text).title != "Lorem ipsum dolor sit amet."
