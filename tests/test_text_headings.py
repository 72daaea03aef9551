"""Inferred headings in text that does not mark them (w3m): the shape rules, one by one."""

from __future__ import annotations

import pytest

from articlekit.text.parser import image_file_names, looks_like_heading


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ye Gods. She is not doing his taxes", False),  # two sentences
        ("Just how far do you go? Have you no teeth?", False),
        ("Mr. Smith Goes to Washington", True),  # an abbreviation is no sentence end
        ("U.S. Politics After the Vote", True),
        ("$ hg init public", False),  # a shell prompt
        (">>> import this", False),
        ("$150K Pearl Oscar Dress", True),  # a dollar amount is not a prompt
        ("这是一段正文内容。", False),  # CJK full stop closes a sentence
    ],
)
def test_looks_like_heading_shape(text: str, expected: bool) -> None:
    assert looks_like_heading(text) is expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("IMG_3886.jpg", ["IMG_3886.jpg"]),
        ("[fff-282-hand.png]", ["fff-282-hand.png"]),
        ("[corner_1.gif] [corner_2.GIF]", ["corner_1.gif", "corner_2.GIF"]),
        ("See IMG_3886.jpg", []),
        ("The photo.jpg is here", []),
        ("", []),
    ],
)
def test_image_file_names(text: str, names: list[str]) -> None:
    assert image_file_names(text) == names


@pytest.mark.parametrize(
    "text",
    ['Develop a Personal "Should I Buy This?" Test', "Great! How Does It Work?"],
)
def test_quoted_question_and_exclamation_stay_headings(text: str) -> None:
    assert looks_like_heading(text)
