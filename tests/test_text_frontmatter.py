"""Front matter of text articles: dates and bylines."""

from __future__ import annotations

import pytest

from articlekit import to_text
from articlekit.text import parse_text
from articlekit.text.frontmatter import (
    is_widget_line,
    looks_like_title,
    parse_date,
    without_widgets,
)


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


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Chris Davies - Nov 19, 2019, 10:31 pm CST 0", True),
        ("Associated Press November 19, 2019, 9:02 AM", True),
        ("Published 11:34 PM EST Nov 19, 2019", True),
        ("By Jane Roe | Updated : 19 November 2019, 09:01 AM", True),
        ("by Laura Winter 19 Nov 2019 05:44 GMT", True),
        ("Posted: Fri 6:45 PM, Feb 16, 2018 | Updated: Sat 8:31 PM, Feb 17, 2018", True),
        ("By admin - 2018-09-16", True),
        # the front matter's own: a date alone, read by parse_date
        ("Published: 5 March 2024", False),
        # an embedded post's signature the article quotes
        ("— Jane Roe (@janeroe) November 18, 2019", False),
        # a sentence, an event in a list, a score, a time without a date
        ("The council met on November 19, 2019 at 9:00 to vote.", False),
        ("the vote was held by the council on November 19, 2019 at 9:00 pm", False),
        ("City Fair: January 6, 2026 | Springfield, IL", False),
        ("Jane Roe - 12/03/2026", False),
        ("Meal 4: Between 7:00 pm to 8:00 pm (25/25/50 Meal)", False),
        ("Model X 7.0 9.2 8.5 7.4/10", False),
    ],
)
def test_is_dated_byline(line: str, expected: bool) -> None:
    from articlekit.text.frontmatter import is_dated_byline

    assert is_dated_byline(line) is expected


def test_a_byline_with_its_date_under_a_caption_is_no_text() -> None:
    body = (
        "The city council voted on Tuesday to extend the opening hours of every public\n"
        "library branch, a change that takes effect in the spring and costs little.\n"
    )
    text = (
        "Libraries open longer\n\n"
        "A reader in the main hall of the central library on a busy Saturday morning.\n\n"
        "Chris Davies - Nov 19, 2019, 10:31 pm CST\n\n"
        f"{body}\n{body}\nPublished 11:34 PM EST Nov 19, 2019\n\n{body}"
    )
    doc = parse_text(text)
    plain = doc.plain_text()
    assert "Chris Davies" not in plain
    assert "11:34 PM" not in plain
    assert plain.count("city council") == 3
    # a dateline the page set as a heading stays in its article
    doc = parse_text(f"{text}\n\n##### Nov 19, 2019 7:11 AM PST BY EXAMPLE STAFF\n\n{body}")
    assert "EXAMPLE STAFF" in doc.plain_text()


def test_a_signature_with_a_date_alone_goes_only_in_the_head() -> None:
    from articlekit.text.frontmatter import is_dated_byline

    # a date and names, no time or label: a signature only in the article's head
    for line in ("REUTERS 19 NOV 2019", "Jane Roe, Example News 18 Nov 2019"):
        assert not is_dated_byline(line)
        assert is_dated_byline(line, head=True)
    assert not is_dated_byline("The council met on 19 Nov 2019.", head=True)
    body = (
        "The city council voted on Tuesday to extend the opening hours of every public\n"
        "library branch, a change that takes effect in the spring and costs little.\n"
    )
    text = (
        "Libraries open longer\n\n"
        "A reader in the main hall of the central library on a Saturday morning\n\n"
        f"JANE ROE, EXAMPLE NEWS 19 NOV 2019\n\n{body}\n{body}\n"
        # below the first prose the same shape is the article's own line (an event)
        f"Springfield Library 20 Nov 2019\n\n{body}"
    )
    plain = parse_text(text).plain_text()
    assert "JANE ROE" not in plain
    assert "Springfield Library 20 Nov 2019" in plain
    assert plain.count("city council") == 3


@pytest.mark.parametrize(
    ("line", "widget", "stripped"),
    [
        ("[ ] Share [ ]", True, "Share"),  # w3m: check boxes round a label
        ("(BUTTON) [ ] Share [ ]", True, "Share"),  # lynx's button mark
        ("_____________________ [ Submit ]", True, ""),  # links, elinks: a field, a button
        ("[Search] [Submit]", True, ""),  # w3m's buttons
        ("( ) Yes (*) No", True, "Yes (*) No"),  # radio buttons
        ("(BUTTON) View cart (BUTTON) Check out", True, "View cart (BUTTON) Check out"),
        (
            "吃得快精光之際才想到忘了拍合照哇哩咧吃得快精光之際 [ ]",
            False,
            "吃得快精光之際才想到忘了拍合照哇哩咧吃得快精光之際",
        ),
        ("Forgot the photo again ^&*()", False, "Forgot the photo again ^&*()"),
        (
            "[ ] Hit enter to search or close the search box",
            False,
            "Hit enter to search or close the search box",
        ),
        (
            "[ ] [Search] Star Wars Jedi: Fallen Order review",
            False,
            "Star Wars Jedi: Fallen Order review",
        ),
        ("Video shows the rescue [ Submit ]", False, "Video shows the rescue"),
        ("Star Wars Jedi: Fallen Order review", False, "Star Wars Jedi: Fallen Order review"),
        (
            "[The Palace] More reviews from visitors",
            False,
            "[The Palace] More reviews from visitors",
        ),
    ],
)
def test_widget_lines(line: str, widget: bool, stripped: str) -> None:
    assert is_widget_line(line) is widget
    assert without_widgets(line) == stripped


_BODY = (
    "The studio's new game borrows from many others and still finds its own voice.\n\n"
    "Its story follows a young apprentice who hides after the fall of his order.\n"
)


def test_a_form_over_the_article_is_no_title() -> None:
    doc = parse_text(f"[ ] Share\n[ ]\n\nA Game Review Worth Reading\n\n{_BODY}")
    assert doc.title == "A Game Review Worth Reading"
    assert "Share" not in "".join(str(b) for b in doc.blocks)


def test_a_title_keeps_no_form_control_printed_on_its_line() -> None:
    doc = parse_text(f"[                    ] [Search]\nA Game Review Worth Reading\n\n{_BODY}")
    assert doc.title == "A Game Review Worth Reading"


def test_a_form_repeated_in_the_body_is_no_text() -> None:
    form = "(BUTTON) Subscribe"
    text = (
        f"{form}\n\nA Game Review Worth Reading\n\n{_BODY}\n{form}\n\nThe last paragraph stays.\n"
    )
    doc = parse_text(text)
    assert doc.title == "A Game Review Worth Reading"
    body = to_text(doc)
    assert "Subscribe" not in body and "BUTTON" not in body
    assert "The last paragraph stays." in body
    # in Markdown brackets are links' and images': a line of them stays
    markdown = parse_text(f"# A Game Review Worth Reading\n\n{_BODY}\n[ ] Share [ ]\n")
    assert "Share" in to_text(markdown)


def test_a_label_under_a_form_is_the_kicker_as_under_a_title() -> None:
    doc = parse_text(f"_____________________ [ Submit ]\n\nPublish date:\n\n{_BODY}")
    assert doc.title is None
    assert doc.metadata.kicker == "Publish date:"
    assert "Publish date" not in to_text(doc)


COFFEE = (
    "Good coffee starts with fresh beans. This guide walks you through the basics of\n"
    "brewing at home, from the grind to the water.\n\n"
    "Another paragraph about the water's temperature and how long the coffee steeps.\n"
)


@pytest.mark.parametrize(
    ("line", "authors", "published"),
    [
        ("By Jane Doe | March 3, 2024", ("Jane Doe",), "2024-03-03"),
        ("By Jane Doe, March 3, 2024", ("Jane Doe",), "2024-03-03"),
        ("By Jane Doe\nMarch 3, 2024", ("Jane Doe",), "2024-03-03"),
        ("Jane Doe\nMarch 3, 2024", ("Jane Doe",), "2024-03-03"),
        ("Jane Doe | 3 March 2024", ("Jane Doe",), "2024-03-03"),
        ("By Jane Doe · Mar 3, 2024 · 5 min read", ("Jane Doe",), "2024-03-03"),
        ("Jane Doe\n3 min read · Mar 3, 2024", ("Jane Doe",), "2024-03-03"),
        ("Published March 3, 2024 by Jane Doe", ("Jane Doe",), "2024-03-03"),
        ("Posted on March 3, 2024 by Jane Doe", ("Jane Doe",), "2024-03-03"),
        ("March 3, 2024 — Jane Doe", ("Jane Doe",), "2024-03-03"),
        ("By Jane Doe on March 3, 2024", ("Jane Doe",), "2024-03-03"),
        ("Von Hans Müller, 3. März 2024", ("Hans Müller",), "2024-03-03"),
        ("Veröffentlicht am 3. März 2024 von Hans Müller", ("Hans Müller",), "2024-03-03"),
        ("Par Jean Dupont, le 3 mars 2024", ("Jean Dupont",), "2024-03-03"),
        ("Publié le 3 mars 2024 par Jean Dupont", ("Jean Dupont",), "2024-03-03"),
        ("Por Juan Pérez, 3 de marzo de 2024", ("Juan Pérez",), "2024-03-03"),
        (
            "By Jane Doe and John Roe\nPublished March 3, 2024 at 10:30 a.m. ET",
            ("Jane Doe", "John Roe"),
            "2024-03-03T10:30:00-05:00",
        ),
        ("March 3, 2024", (), "2024-03-03"),
    ],
)
def test_a_byline_and_its_dateline_go_to_metadata(
    line: str, authors: tuple[str, ...], published: str
) -> None:
    doc = parse_text(f"How to Brew Coffee at Home\n\n{line}\n\n{COFFEE}")
    assert doc.metadata.authors == authors
    assert doc.metadata.published == published
    assert doc.metadata.modified is None
    assert to_text(doc).startswith("Good coffee starts")
    assert doc.metadata.source_of("published") == "text"


def test_an_updated_date_beside_a_byline_is_the_last_change() -> None:
    doc = parse_text(
        f"How to Brew Coffee at Home\n\nBy Jane Doe | Updated: March 5, 2024, 9:01 AM EST\n\n"
        f"{COFFEE}"
    )
    assert doc.metadata.authors == ("Jane Doe",)
    assert doc.metadata.published is None
    assert doc.metadata.modified == "2024-03-05T09:01:00-05:00"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # an outlet or agency after the names is no author
        (
            "Ann Lee · Example News · Posted: Oct 14, 2022 9:27 AM ET",
            (("Ann Lee",), "2022-10-14T09:27:00-04:00", None),
        ),
        ("Ann Lee / AP / Updated: Oct 9, 2019", (("Ann Lee",), None, "2019-10-09")),
        # a section's label of one word beside a date names no one
        ("Opinion | March 3, 2024", None),
        ("CNNMoney March 3, 2024", ((), "2024-03-03", None)),
        # an outlet before the date and a name after it: no names are guessed
        ("Example Daily 9/21/2016 Ann Lee", ((), "2016-09-21", None)),
        # a sentence and a line without a date are no signature
        ("Jane Doe wrote on March 3, 2024 about the beans we like best", None),
        ("By Jane Doe", None),
        ("The council met on March 3, 2024.", None),
        # a title with its date: "By" inside it names no one
        ("Beginner's Checklist (By an Outdoor Guide!) January 1, 2025", None),
    ],
)
def test_read_signature(
    line: str, expected: tuple[tuple[str, ...], str | None, str | None] | None
) -> None:
    from articlekit.text.frontmatter import read_signature

    signature = read_signature(line)
    if expected is None:
        assert signature is None
    else:
        assert signature is not None
        assert (signature.authors, signature.published, signature.modified) == expected


def test_a_heading_with_a_date_is_no_signature() -> None:
    text = (
        "Beginner's Checklist (By an Outdoor Guide!) January 1, 2025\n"
        "===========================================================\n\n"
        f"{COFFEE}"
    )
    assert parse_text(text).metadata.authors == ()
    doc = parse_text(f"Backpacking\n\n## Ann Lee | January 1, 2025\n\n{COFFEE}")
    assert doc.metadata.authors == ()


def test_a_line_under_the_title_that_is_no_signature_stays_in_the_body() -> None:
    doc = parse_text(f"How to Brew Coffee at Home\n\nOpinion | March 3, 2024 | Coffee\n\n{COFFEE}")
    assert doc.metadata.authors == ()
    # a line of two lines: one is no name and no byline
    doc = parse_text(
        f"How to Brew Coffee at Home\n\nview all the guides\nMarch 3, 2024\n\n{COFFEE}"
    )
    assert doc.metadata.authors == ()
    assert "view all the guides" in to_text(doc)


def test_a_dated_byline_in_the_head_is_read_and_one_below_gives_its_date_alone() -> None:
    # a caption stands between the title and the byline: the front matter does not reach
    # it, the dated byline below the caption is read all the same
    text = (
        "Libraries open longer\n\n"
        "A reader in the main hall of the central library on a busy Saturday morning\n\n"
        "Chris Davies - Nov 19, 2019, 10:31 pm CST\n\n"
        f"{COFFEE}"
    )
    doc = parse_text(text)
    assert doc.metadata.authors == ("Chris Davies",)
    assert doc.metadata.published == "2019-11-19T22:31:00-06:00"
    assert "Chris Davies" not in to_text(doc)
    # below the article's first prose a dated byline is as often a teaser's: its date only
    body = "The council voted to keep every branch open late. " * 5
    doc = parse_text(f"Libraries open longer\n\n{body}\n\nBy Ann Lee | Nov 19, 2019 10:31 AM\n")
    assert doc.metadata.authors == ()
    assert doc.metadata.published == "2019-11-19T10:31:00"


def test_a_lead_in_under_the_title_is_body_text_not_a_kicker() -> None:
    doc = parse_text("Packing for the trip\n\nWhat to bring:\n\n[ ] Tent\n[x] Stove\n")
    assert doc.title == "Packing for the trip"
    assert doc.metadata.kicker is None
    assert to_text(doc).startswith("What to bring:")
    # a label between the title and its copy (the seed layout) is still the kicker
    seed = parse_text(f"A Game Review\n\nOpinion:\n\nA Game Review\n\n{_BODY}")
    assert seed.metadata.kicker == "Opinion:"
    # ... and so is a label under a form, where no title was found
    form = parse_text(f"_____________________ [ Submit ]\n\nPublish date:\n\n{_BODY}")
    assert form.metadata.kicker == "Publish date:"


def test_a_label_over_a_date_under_the_title_is_no_lead_in() -> None:
    doc = parse_text(f"A Game Review\n\nPublish date:\n\nNov 18, 2019\n\n{_BODY}")
    assert doc.metadata.kicker == "Publish date:"
    assert doc.metadata.published == "2019-11-18"
    assert "Publish date" not in to_text(doc)


def test_a_label_over_links_or_prose_stays_the_kicker() -> None:
    quote = "    We are proud of it,\n    and we hope you like it.\n"
    quoted = parse_text(f"A Game Review\n\nThe studio said:\n\n{quote}\n{_BODY}")
    assert quoted.metadata.kicker is None  # a lead-in over the quote it introduces
    assert to_text(quoted).startswith("The studio said:")
    # a search form's label over the first paragraph
    assert parse_text(f"A Game Review\n\nSearch for:\n\n{_BODY}").metadata.kicker == "Search for:"
    links = "- [Studios](https://g.example/studios)\n- [Reviews](https://g.example/reviews)\n"
    topics = parse_text(f"# A Game Review\n\nSections:\n\n{links}\n{_BODY}")
    assert topics.metadata.kicker == "Sections:"
    # a byline's label whose name went with a link is no lead-in either
    assert parse_text(f"A Game Review\n\nBy :\n\n{_BODY}").metadata.kicker == "By :"


def test_a_lead_in_over_a_poem_is_body_text() -> None:
    poem = "    Roses are red,\n    violets are blue,\n    sugar is sweet,\n    and so are you.\n"
    doc = parse_text(f"A Valentine\n\nThe poem reads:\n\n{poem}")
    assert doc.metadata.kicker is None
    assert to_text(doc).startswith("The poem reads:")


@pytest.mark.parametrize(
    ("line", "field", "expected"),
    [
        ("Published March 5, 2024 10:30 AM EST", "published", "2024-03-05T10:30:00-05:00"),
        ("Updated: Tuesday, 5 March 2024, 09:01", "modified", "2024-03-05T09:01:00"),
        ("March 5, 2024", "published", "2024-03-05"),
    ],
)
def test_a_dateline_alone_keeps_its_time_and_zone(line: str, field: str, expected: str) -> None:
    # parse_date reads the day; the time and zone are kept as the byline path keeps them
    doc = parse_text(f"A Title Line\n\n{line}\n\n{BODY}\n")
    assert getattr(doc.metadata, field) == expected
    assert "2024" not in doc.plain_text()
