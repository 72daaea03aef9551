"""List rules of the plain-text parser, one by one (the outlines are in fixtures/text/lists.txt)."""

from __future__ import annotations

import pytest

from articlekit import to_markdown, to_text
from articlekit.model import Figure, List, Paragraph, plain_text
from articlekit.text import parse_text
from articlekit.text.rules import is_picture_alt

_PROSE = (
    "The first paragraph of the article is long enough to be prose, and it wraps\n"
    "where w3m wraps its text at the usual width of the terminal, so the lines of\n"
    "this paragraph break where a greedy wrap puts them at eighty columns today.\n"
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Screenshot", True),
        ("An image", True),
        ("[12]Photo", True),  # lynx's link marker before the alt text
        ("photograph", True),
        ("Video", False),  # a menu entry as often as a player's label
        ("Logo", False),
        ("Screenshot of the new editor", False),  # a caption says more
        ("Photos and videos", False),
    ],
)
def test_picture_alt_lines(line: str, expected: bool) -> None:
    assert is_picture_alt(line) is expected


def test_w3m_typed_bullets_at_the_margin_are_one_paragraph() -> None:
    # a w3m dump (it draws its own lists two columns in, with "•"): a "+" line at the
    # margin is text the page typed
    drawn = "\n  • first drawn item\n  • second drawn item\n\n"
    doc = parse_text(_PROSE + "\n+ Added stone blocks\n+ Added banners\n\n" + _PROSE + drawn)
    assert sum(isinstance(b, List) for b in doc.blocks) == 1  # the drawn one
    assert any(
        isinstance(b, Paragraph) and "Added stone blocks" in str(b.content) for b in doc.blocks
    )


@pytest.mark.parametrize(
    "markers",
    [("- ", "- ", "- "), ("1. ", "2. ", "3. "), ("(a) ", "(b) ", "(c) "), ("1) ", "2) ", "3) ")],
)
def test_hard_wrapped_text_keeps_its_typed_lists(markers: tuple[str, str, str]) -> None:
    # a newsletter or an e-mail wrapped at 80 columns is no browser's rendering: with no
    # list drawn by a browser anywhere, the markers its author typed are its lists
    items = "".join(f"{m}item number {n} of the list\n" for n, m in enumerate(markers))
    doc = parse_text(_PROSE + "\n" + items + "\n" + _PROSE)
    lists = [b for b in doc.blocks if isinstance(b, List)]
    assert len(lists) == 1 and len(lists[0].items) == 3


def test_w3m_drawn_list_stays_a_list() -> None:
    doc = parse_text(_PROSE + "\n  • first item\n  • second item\n\n" + _PROSE)
    lists = [b for b in doc.blocks if isinstance(b, List)]
    assert len(lists) == 1 and len(lists[0].items) == 2


def test_unwrapped_note_keeps_its_flush_dash_list() -> None:
    doc = parse_text("Things to pack, in a hurry:\n\n- socks\n- a rain jacket\n")
    lists = [b for b in doc.blocks if isinstance(b, List)]
    assert len(lists) == 1 and len(lists[0].items) == 2


def test_alt_line_over_a_card_becomes_its_picture() -> None:
    doc = parse_text(_PROSE + "\n  • Screenshot\n    WebIDE develops apps.\n\n" + _PROSE)
    (found,) = [b for b in doc.blocks if isinstance(b, List)]
    first, second = found.items[0].blocks
    assert isinstance(first, Figure) and first.image.alt == "Screenshot"
    assert isinstance(second, Paragraph)


def test_w3m_icon_after_a_bullet_is_no_text() -> None:
    doc = parse_text(_PROSE + "\n  • ● Wikimedia Atlas of the country\n  • Website\n\n" + _PROSE)
    (found,) = [b for b in doc.blocks if isinstance(b, List)]
    first = found.items[0].blocks[0]
    assert isinstance(first, Paragraph)
    assert "●" not in str(first.content)


def test_w3m_wrap_before_a_closing_curly_quote_joins_without_a_space() -> None:
    from articlekit.text.rules import join_lines

    parts = ["“how do we receive images?", "”, “what formats do they need?”"]
    assert (
        join_lines(parts, tight=True) == "“how do we receive images?”, “what formats do they need?”"
    )


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (["Sciences. 105 (22): 7676. doi:", "10.1073/pnas.0801507105."], "doi:10.1073/"),
        (["21 (5): 489–512. Bibcode:", "2000MarGR..21..489W."], "Bibcode:2000MarGR"),
        (["the steps are as follows:", "first, the key"], "follows: first"),  # prose
        (["see the Xdoi:", "10 more"], "Xdoi: 10"),  # a label only as a word of its own
    ],
)
def test_w3m_wrap_after_a_citation_identifier_label(parts: list[str], joined: str) -> None:
    # CS1 links the label and the identifier apart: w3m may break between them
    from articlekit.text.rules import join_lines

    assert joined in join_lines(parts, tight=True)


def test_typed_lines_in_a_w3m_paragraph_keep_their_breaks() -> None:
    # "1. Finland<br>2. Norway<br>..." in a <p>: w3m prints one line each, at the margin;
    # they are the page's text (one paragraph), and each line stays a line
    from articlekit.model import LineBreak

    drawn = "\n  • first drawn item\n  • second drawn item\n\n"
    typed = "The rankings were as follows:\n1. Finland\n2. Norway\n3. Australia\n\n"
    doc = parse_text(_PROSE + "\n" + typed + _PROSE + drawn)
    (found,) = [b for b in doc.blocks if isinstance(b, Paragraph) and "Finland" in str(b.content)]
    assert sum(isinstance(node, LineBreak) for node in found.content) == 3
    assert [n.text for n in found.content if not isinstance(n, LineBreak)] == [  # type: ignore[union-attr]
        "The rankings were as follows:",
        "1. Finland",
        "2. Norway",
        "3. Australia",
    ]


_TYPED_RUN = (
    "+ Added Granite, Andesite, and Diorite stone blocks, with smooth versions\n"
    "+ Added Slime Block\n"
    "+ Added logAdminCommands, showDeathMessages, reducedDebugInfo, and many\n"
    "sendCommandFeedback, and randomTickSpeed game rules\n"
    "+ Added three new statistics\n"
)


def test_typed_items_wrapped_back_to_the_margin_are_one_paragraph() -> None:
    # "+ x<br>+ y" lines of one <p>: w3m wraps a long one back to the margin, as it
    # wraps any paragraph; a list it drew would hang the rest under the item's text
    doc = parse_text(_PROSE + "\n" + _TYPED_RUN + "\n" + _PROSE)
    assert not any(isinstance(b, List) for b in doc.blocks)
    (found,) = [b for b in doc.blocks if isinstance(b, Paragraph) and "Slime" in str(b.content)]
    assert "randomTickSpeed" in str(found.content)


def test_hard_wrapped_typed_list_hanging_its_rest_stays_a_list() -> None:
    # an author's (or an editor's fill) wrap hangs an item's rest under its text
    hanging = _TYPED_RUN.replace("\nsendCommandFeedback", "\n  sendCommandFeedback")
    doc = parse_text(_PROSE + "\n" + hanging + "\n" + _PROSE)
    (found,) = [b for b in doc.blocks if isinstance(b, List)]
    assert len(found.items) == 4


def test_a_dash_line_wrapped_out_of_prose_is_no_typed_item() -> None:
    from articlekit.text.lines import detect_layout, split_lines
    from articlekit.text.rules import State, typed_items_wrap_to_margin

    # the lines break at a spaced dash of the prose: the "- " lines follow full lines
    text = _PROSE + (
        "Der Abschnitt beginnt mit einem langen Satz, der bis an den Rand des Terminals,\n"
        "- und darüber hinaus - reicht, so dass der Umbruch vor einem Strich fällt, und:\n"
        "- wieder - ein Strich am Anfang einer Zeile steht, die den Absatz fortsetzt, bis\n"
        "er am Ende doch noch aufhört.\n"
    )
    lines = split_lines(text)
    layout = detect_layout(lines)
    state = State(lines=lines, layout=layout, end=len(lines))
    assert not typed_items_wrap_to_margin(state, 80)


_LYNX_PROSE = (
    "   The first paragraph of the article is long enough to be prose, and it\n"
    "   wraps where lynx wraps its text, three columns in from the left edge of\n"
    "   the terminal, so its lines break where a greedy wrap puts them today.\n"
)


def test_lynx_bullet_row_labels_of_a_table_are_no_list() -> None:
    # lynx draws "* + o # @", never "•": a "•" label cell at its margin over the row's
    # value ("• Monarch" / "Elizabeth II", an infobox) is the table's text
    rows = "   • Monarch\n   Elizabeth II\n\n   • Prime Minister\n   Jacinda Ardern\n\n"
    drawn = "     * first drawn item\n     * second drawn item\n\n"
    doc = parse_text(_LYNX_PROSE + "\n" + rows + _LYNX_PROSE + "\n" + drawn + _LYNX_PROSE)
    lists = [b for b in doc.blocks if isinstance(b, List)]
    assert len(lists) == 1 and "drawn" in str(lists[0].items[0])
    assert not any("Monarch" in str(b) for b in lists)


def test_lynx_typed_bullet_lines_stay_a_list() -> None:
    # "• a<br>• b" lines a page typed, one under the other: a list to the reader
    typed = "   • Gesamt- und Teilenergiezähler\n   • Eingang für Tarifwahl\n   • 4-Quadranten\n\n"
    doc = parse_text(_LYNX_PROSE + "\n" + typed + _LYNX_PROSE)
    lists = [b for b in doc.blocks if isinstance(b, List)]
    assert len(lists) == 1 and len(lists[0].items) == 3


def test_lynx_card_headings_set_flush_left_stay_in_their_item() -> None:
    # a card in a numbered list: lynx sets its kicker and title flush left and its blurb
    # at the item's text column; the next item's "3." shows the list went on
    cards = (
        "    1. First card's picture credit\n"
        "    2. Second card's picture credit\n"
        "\n"
        "Guest essay\n"
        "\n"
        "[2]The day I gave up on the Beatles\n"
        "       I was obsessed with the band: I celebrated their birthdays and\n"
        "       learned every song by heart.\n"
        "    3. Third card's picture credit\n"
    )
    refs = "\nReferences\n\n   1. https://example.org/a\n   2. https://example.org/b\n"
    doc = parse_text(_LYNX_PROSE + "\n" + cards + "\n   See [1]this.\n" + _LYNX_PROSE + refs)
    (found,) = [b for b in doc.blocks if isinstance(b, List)]
    assert len(found.items) == 3
    assert "I was obsessed" in str(found.items[1])


def test_lynx_numbered_lists_apart_stay_apart() -> None:
    # a paragraph at the body margin between "2." and "3." is the article's own
    steps = (
        "    1. Heat the oven.\n    2. Mix the flour.\n\n"
        "   While it heats, the dough rests for an hour on the table.\n\n"
        "    3. Bake the bread.\n"
    )
    refs = "\nReferences\n\n   1. https://example.org/a\n"
    doc = parse_text(_LYNX_PROSE + "\n" + steps + "\n   See [1]this.\n" + _LYNX_PROSE + refs)
    assert sum(isinstance(b, List) for b in doc.blocks) == 2


def _item_texts(text: str) -> list[str]:
    """Return the text of each item of the first list ``text`` is read with."""
    found = next(b for b in parse_text(text).blocks if isinstance(b, List))
    return [
        plain_text(b.content) for i in found.items for b in i.blocks if isinstance(b, Paragraph)
    ]


def test_check_box_lines_are_a_checklist_keeping_their_boxes() -> None:
    text = "What to bring:\n\n[ ] Tent\n[x] Stove\n[ ] Sleeping bag\n"
    assert _item_texts(text) == ["[ ] Tent", "[x] Stove", "[ ] Sleeping bag"]
    assert sum(isinstance(b, List) for b in parse_text(text).blocks) == 1
    assert "- [ ] Tent\n- [x] Stove\n- [ ] Sleeping bag" in to_markdown(parse_text(text))


def test_ticked_boxes_and_ballot_boxes_are_checklists_not_code() -> None:
    doc = parse_text("[X] Yes, I agree to the terms\n[ ] No, I do not\n")
    assert [type(b) for b in doc.blocks] == [List]
    ballot = "Before you leave:\n\n☐ Lock the door\n☑ Water the plants\n☒ Feed the cat\n"
    assert _item_texts(ballot)[1] == "☑ Water the plants"


def test_a_markdown_task_item_keeps_its_ticked_box() -> None:
    # "[x]" was read as w3m's stand-in for a picture named "x" and dropped
    assert _item_texts("Shopping\n\n- [x] eggs\n- [ ] milk\n") == ["[x] eggs", "[ ] milk"]


@pytest.mark.parametrize(
    "text",
    [
        "[ ] Remember me\n",  # one box: a form's
        "[ ] Share [ ]\n[ ] Tweet [ ]\n",  # other controls on the lines: a form
        "[ ] 1\n[ ] 2\n",  # no label
    ],
)
def test_box_lines_that_are_no_checklist(text: str) -> None:
    doc = parse_text(_PROSE + "\n" + text + "\n" + _PROSE)
    assert not any(isinstance(b, List) for b in doc.blocks)


_GUIDE = (
    "How to Brew Coffee at Home\n"
    "==========================\n\n"
    "Good coffee starts with fresh beans. This guide walks you through the basics of\n"
    "brewing at home, from grinding to pouring, with a few tips along the way.\n\n"
)


def test_lists_under_their_headings_stay_in_a_short_article() -> None:
    # an article alone: a list of short items under its own heading is the article's
    # (scored as menu lines, the two lists cut every section after the first paragraph)
    text = (
        _GUIDE + "What you need\n-------------\n\n• A burr grinder\n• A kettle\n• Fresh beans\n\n"
        "Steps\n-----\n\n1) Heat the water.\n2) Grind the beans.\n3) Pour slowly.\n\n"
        "Note: always rinse the filter first.\n"
    )
    doc = parse_text(text)
    lists = [b for b in doc.blocks if isinstance(b, List)]
    assert [len(b.items) for b in lists] == [3, 3]
    assert "Note: always rinse the filter first." in to_text(doc)
    assert "What you need" in to_text(doc)


def test_a_list_under_a_lead_in_line_stays_in_a_short_article() -> None:
    text = _GUIDE + "You will need:\n\n- a grinder\n- a kettle\n- beans\n- a cup\n- a filter\n"
    doc = parse_text(text)
    assert [len(b.items) for b in doc.blocks if isinstance(b, List)] == [5]


def test_a_link_list_under_a_heading_after_a_short_article_still_goes() -> None:
    # only lists without dense links are helped: a footer's link list stays furniture
    links = "".join(f"* [Section {n}](https://example.com/s{n})\n" for n in range(1, 7))
    doc = parse_text(_GUIDE + "Sections\n--------\n\n" + links)
    assert not any(isinstance(b, List) for b in doc.blocks)


def test_a_listicle_keeps_its_list_and_its_closing_line() -> None:
    text = (
        "10 Things to Pack\n\nPacking for a trip can be stressful, so here is a short list"
        " of what we always bring along.\n\n1. Passport\n2. Charger\n3. Toothbrush\n"
        "4. Snacks\n5. Book\n\nHave a great trip!\n"
    )
    doc = parse_text(text)
    assert [len(b.items) for b in doc.blocks if isinstance(b, List)] == [5]
    assert to_text(doc).rstrip().endswith("Have a great trip!")


def test_a_how_to_keeps_its_commands_under_their_lead_ins() -> None:
    text = (
        "Installing the Tool\n\nThis short guide shows how to install the tool on a fresh"
        " machine and check that it works.\n\nRequirements:\n- Python 3.10 or newer\n- pip\n\n"
        "Install it with pip:\n\n    pip install thetool\n\nThen check the version:\n\n"
        "    thetool --version\n\nThat's it. You are ready to go.\n"
    )
    out = to_text(parse_text(text))
    for line in ("pip install thetool", "Then check the version:", "thetool --version"):
        assert line in out
    assert out.rstrip().endswith("You are ready to go.")


def test_a_checklist_after_a_short_article_stays() -> None:
    # a checklist's boxes are no form's widgets: under its lead-in it carries the article on
    text = (
        "Packing for the trip\n\nWe are going camping next week and this is the list of what"
        " we will pack for the trip, so nothing is forgotten.\n\nWhat to bring:\n\n[ ] Tent\n"
        "[x] Stove\n[ ] Sleeping bag\n\nThat is all.\n"
    )
    doc = parse_text(text)
    assert [len(b.items) for b in doc.blocks if isinstance(b, List)] == [3]
    assert "- [x] Stove" in to_markdown(doc)
    assert to_text(doc).rstrip().endswith("That is all.")
