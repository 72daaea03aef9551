"""Vocabulary of text articles: recommendation headings, furniture lines, comment headings."""

from __future__ import annotations

import pytest

from articlekit.text.vocab import (
    is_article_end,
    is_boilerplate_line,
    is_comments_heading,
    is_cookie_notice,
    is_copyright_notice,
    is_more_link,
    is_recommendation_heading,
    is_source_section_heading,
)


@pytest.mark.parametrize(
    "line",
    [
        "Also read",
        "Also Read:",
        "Related",
        "Related articles",
        "Related Stories",
        "Related posts",
        "Read more",
        "Read also",
        "More from The Example Times",
        "More stories",
        "You may also like",
        "You might also like",
        "Recommended",
        "Recommended for you",
        "Article Recommendations",
        "## Related articles",
        "Lire aussi",
        "À lire aussi :",
        "Mehr zum Thema",
        "Lesen Sie auch",
        "Lea también",
        "Leia também",
        "Czytaj także",
    ],
)
def test_recommendation_headings(line: str) -> None:
    assert is_recommendation_heading(line)


@pytest.mark.parametrize(
    "line",
    ["Related work on the subject", "More", "Read more about how the council voted today", ""],
)
def test_not_recommendation_headings(line: str) -> None:
    assert not is_recommendation_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "Share:",
        "Share this article",
        "Share on Facebook",
        "Tweet",
        "Advertisement",
        "ADVERTISEMENT",
        "Subscribe to our newsletter",
        "Sign up for the morning briefing",
        "We use cookies to improve your experience.",
        "© 2024 The Example Times",
        "Copyright 2024 Example Media. All rights reserved.",
        "Skip to content",
        "Reklama",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell sharply on Tuesday.",
        "The printer was broken again.",
        "Subscribers lost access for a day.",
        "x" * 200 + " cookies",
    ],
)
def test_not_boilerplate_lines(line: str) -> None:
    assert not is_boilerplate_line(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Comments", True),
        ("12 Comments", True),
        ("Comments (6)", True),
        ("Leave a Reply", True),
        ("Kommentare", True),
        ("3 Responses", True),
        ("12 thoughts on “Hello world”", True),
        ("One Response to A Day at the Sea", True),
        ("5 Kommentare zu „Scherenschnitt (3)“", True),
        ("Responses from the International Community", False),
        ("Three thoughts on the economy, and why they matter to everyone", False),
        ("Discussion", False),
        ("The comments were many.", False),
        ("Top Rated Comments", True),
        ("Reader comments (12)", True),
        ("Readers' comments", True),
        ("View Comments", True),
        ("Add Your Comment", True),
        ("Log in to comment", True),
        ("Comments from the minister", False),
        ("Top comments from the minister's speech", False),
    ],
)
def test_comments_headings(line: str, expected: bool) -> None:
    assert is_comments_heading(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tags: python, docker, getting started", True),
        ("Tags", True),
        ("Schlagworte: Akku, Jacke", True),
        ("Kategorien: Alle Blogposts, Artikel", True),
        ("Teilen mit:", True),
        ("Share this:", True),
        ("Themen", False),  # a menu heading too: only with its list
        ("Share", False),  # share bars also stand under an article's lead
        ("© Marcel Burkhardt", False),  # a picture credit
        ("About the Author", False),
        ("Tags are how we sort the archive, and this sentence is prose.", False),
        ("Kategorie:", True),
        ("This entry was posted in News and tagged council.", True),
        ("Your email address will not be published.", True),
        ("Das könnte Sie auch interessieren", True),
        ("Further reading", False),  # Wikipedia's own last section
        ("More about the federal debt and the economy", False),  # a subheading
    ],
)
def test_article_end_lines(line: str, expected: bool) -> None:
    assert is_article_end(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This website uses cookies to improve your experience while you navigate.", True),
        ("Wir verwenden Cookies, um unsere Webseite für Sie zu verbessern.", True),
        ("Out of these cookies, those necessary are stored; you may accept or refuse.", True),
        ("Browsers store cookies for each domain, and scripts can read them.", False),
        ("Bake the cookies for twelve minutes, then let them cool on a rack.", False),
    ],
)
def test_cookie_notices(text: str, expected: bool) -> None:
    assert is_cookie_notice(text) is expected


def test_author_box_headings() -> None:
    from articlekit.text.vocab import is_author_box_heading

    assert is_author_box_heading("About the author")
    assert is_author_box_heading("Über den Autor:")
    assert not is_author_box_heading("About the author of the new budget plan and why it matters")


def test_site_prompts() -> None:
    from articlekit.text.vocab import is_site_prompt

    assert is_site_prompt("Enter your email below to subscribe and receive updates.")
    assert is_site_prompt("Download our app for iOS and Android.")
    assert is_site_prompt("Jetzt den Newsletter abonnieren und per E-Mail informiert werden")
    assert not is_site_prompt("The council will send an email to all residents next week.")
    assert not is_site_prompt("Subscribe " + "x " * 200 + "email")  # too long for a prompt


def test_widget_and_back_links_are_boilerplate_lines() -> None:
    from articlekit.text.vocab import is_boilerplate_line

    assert is_boilerplate_line("Gefällt mir Wird geladen...")
    assert is_boilerplate_line("%d Bloggern gefällt das:")
    assert is_boilerplate_line("> Zurück zur Übersicht")
    assert is_boilerplate_line("Back to list")
    assert not is_boilerplate_line("I like this city and its loading docks.")


def test_sidebar_headings_are_recommendation_headings() -> None:
    from articlekit.text.vocab import is_article_end, is_recommendation_heading

    for heading in ("Trending Posts", "Recent posts", "Ähnliche Nachrichten", "Lies auch"):
        assert is_recommendation_heading(heading)
        assert is_article_end(heading)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("External links", True),
        ("See also[edit]", True),
        ("## References", True),
        ("Further reading:", True),
        ("Weblinks", True),
        ("Voir aussi", True),
        ("Sources & links", True),
        ("Notes and sources", True),
        ("Links", False),
        ("Sources and", False),
        ("References to the original paper are below", False),
        ("Government", False),
        ("Related articles", False),
    ],
)
def test_source_section_headings(line: str, expected: bool) -> None:
    assert is_source_section_heading(line) is expected


def test_more_recommendation_headings() -> None:
    for heading in ("Explore further", "Viel gelesen", "Lo más leído", "Les plus lus"):
        assert is_recommendation_heading(heading), heading
        assert is_article_end(heading), heading
    # prefixes head a block of titles, but do not end an article alone ("More about X")
    for heading in (
        "Mehr zu Klima und Konsum",
        "Weitere Beiträge aus der Kolumne:",
        "Más sobre La Tercera",
        "Viel gelesen in Handel",
    ):
        assert is_recommendation_heading(heading), heading
    assert not is_recommendation_heading("Mehr als 300 Menschen kamen")
    assert not is_recommendation_heading("Weitere Beiträge folgen")


def test_newsletter_lines_and_inbox_prompts() -> None:
    from articlekit.text.vocab import is_site_prompt

    assert is_boilerplate_line("Cicero Newsletter")
    assert is_boilerplate_line("GET THE BOING BOING NEWSLETTER")
    assert not is_boilerplate_line("The newsletter that changed the town's politics in 1990")
    assert is_site_prompt("Receive new posts directly delivered to your inbox")
    assert is_site_prompt("Die wichtigsten News für Marketeers direkt in dein Postfach!")
    assert not is_site_prompt("She found the letter in her inbox on Monday morning.")


def test_credit_lines() -> None:
    from articlekit.text.vocab import is_credit_line

    for line in (
        "Foto: Jane Doe",
        "(Bild: dpa)",
        "Image credit: www.example.org/in/",
        "Photograph by Jane Doe, Example Programme",
        "Quelle: Landesregierung",
        "Bildquelle: Getty Images",
        "Image by Jane Doe via Example Weddings",
        "Illustration by Jane Doe",
        "Image used under license from Example Stock",
        "Getty Images",
        "Getty Images / Jane Doe",
        "(Shutterstock)",
    ):
        assert is_credit_line(line), line
    assert not is_credit_line("Photos show the bridge before it closed.")
    assert not is_credit_line("Quelle: " + "lange Erklärung " * 10)
    assert not is_credit_line("Shutterstock has cut 200 jobs this year.")


def test_caption_labels() -> None:
    from articlekit.text.vocab import is_caption_label

    for line in (
        "Image source, Example Agency",
        "Image caption, The harbour at dawn",
        "Media captionWho is the new harbour master?",
        "Image copyright Reuters Image caption The harbour at dawn",
        "Image Copyright @example @example",
        "Photo caption: the harbour at dawn",
    ):
        assert is_caption_label(line), line
    assert not is_caption_label("Image sources are listed at the end of the article.")
    assert not is_caption_label("Image caption, " + "a long caption " * 30)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Read more", True),
        ("Read More ›", True),
        ("Continue reading…", True),
        ("Weiterlesen", True),
        ("Read more about the council's plans", False),
        ("Related articles", False),
    ],
)
def test_more_link(line: str, expected: bool) -> None:
    assert is_more_link(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("© 2019 Example Media, LLC. All rights reserved.", True),
        ("Copyright ©2019 Example & Company, Inc.", True),
        ("©The Example Gazette 2011-2019", True),
        (
            "This material may not be published, broadcast, rewritten, or redistributed. "
            "©2019 Example News Network, LLC.",
            True,
        ),
        ("Alle Rechte vorbehalten.", True),
        ("© Jane Doe", False),  # a recipe card's credit, no year
        ("The court ruled that the copyright of the song had lapsed long ago.", False),
        ("Don Example® Honey, or 1 1/2 cups", False),
        ("All rights reserved. " + "The council met on Tuesday evening. " * 20, False),
        ("Copyright 2019 The Example Press", True),
        ("Copyright FOXYFOLKSY 2014 - 2020", True),
        ("Copyright(c) 2019 Example", True),
        ("(C) Example Online 1996-2020", True),
        # the word and the mark together, no year: a footer's company and address
        ("Copyright © Example Media Group Ltd, Media Centre, Example Way. LN9 6JR UK", True),
        ("Copyright (c) Example Online. Telephone: 01234 567890", True),
        ("Photo: Jane Doe, copyright held by the family", False),
        # a sentence of an article about copyright, or about a law's clause
        ("The parliament approved the copyright directive in 2019 after a long debate.", False),
        ("Copyright law changed in 2019, and platforms now filter uploads.", False),
        ("It rests on Section 230(c) of the Communications Decency Act of 1996.", False),
    ],
)
def test_copyright_notices(text: str, expected: bool) -> None:
    assert is_copyright_notice(text) is expected
