"""Wrapped paragraphs joined back: where w3m wrapped without a space, no space is added."""

from __future__ import annotations

import pytest

from articlekit.text.rules import join_lines


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (["each other.^", "[27] At"], "each other.^[27] At"),
        (["each other.", "[27] At"], "each other.[27] At"),
        (["internally.", "[citation needed]"], "internally.[citation needed]"),
        (["task execution (", "Heartbeat)."], "task execution (Heartbeat)."),
        (["events/", "requests"], "events/requests"),
        (["the hashtag #", "wontwork"], "the hashtag #wontwork"),
        (["the Army", ", the Navy"], "the Army, the Navy"),
        (["native APIs", ". The"], "native APIs. The"),
        (["chief justice", "—were"], "chief justice—were"),
        (["the community.", "^[47]^[48] The"], "the community.^[47]^[48] The"),
        (["Marlborough Sounds", ")[140] and"], "Marlborough Sounds)[140] and"),
        (['the informal "', 'Kiwi" is'], 'the informal "Kiwi" is'),
        (['"brain drains', '" since the'], '"brain drains" since the'),
        # ordinary wraps keep their space
        (["the Army", "and the Navy"], "the Army and the Navy"),
        (["the", ".NET runtime"], "the .NET runtime"),
        (["a b /", "c"], "a b / c"),
        (["wait", "— and see"], "wait — and see"),
    ],
)
def test_join_lines_tight(parts: list[str], joined: str) -> None:
    assert join_lines(parts, tight=True) == joined


def test_join_lines_not_tight_keeps_spaces() -> None:
    assert join_lines(["each other.", "[27] At"]) == "each other. [27] At"
    assert join_lines(["the Army", ", the Navy"]) == "the Army , the Navy"


def test_wrap_column_is_the_common_full_width() -> None:
    from articlekit.text.lines import detect_layout, split_lines

    body = "   " + "word " * 14 + "end"  # 3 + 73 = 76 columns
    text = "\n".join([body] * 20 + ["   short line.", "   " + "x" * 90])
    layout = detect_layout(split_lines(text))
    assert layout.wrap_column == len(body)
    assert detect_layout(split_lines("one line\ntwo lines\n")).wrap_column is None


def test_w3m_ordinal_superscript_is_plain_text() -> None:
    from articlekit.model import plain_text
    from articlekit.text.inline import parse_inlines

    assert plain_text(parse_inlines("in the 19^th century and 2^15 bytes")) == (
        "in the 19th century and 2^15 bytes"
    )
