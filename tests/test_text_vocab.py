"""Vocabulary of text articles: recommendation headings, furniture lines, comment headings.

One table, :data:`CASES`: for each predicate of :mod:`articlekit.text.vocab`, the lines it
must accept (``True``) and those it must leave alone (``False``), each case one test.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from articlekit.text.vocab import (
    is_article_end,
    is_author_box_heading,
    is_boilerplate_line,
    is_caption_label,
    is_comments_heading,
    is_cookie_notice,
    is_copyright_notice,
    is_credit_line,
    is_more_link,
    is_recommendation_heading,
    is_site_prompt,
    is_source_section_heading,
)

Predicate = Callable[[str], bool]


def _yes(*lines: str) -> list[tuple[str, bool]]:
    return [(line, True) for line in lines]


def _no(*lines: str) -> list[tuple[str, bool]]:
    return [(line, False) for line in lines]


#: Sidebar headings head a block of titles and end an article.
_SIDEBAR_HEADINGS = ("Trending Posts", "Recent posts", "Ähnliche Nachrichten", "Lies auch")
#: So do these, in more languages.
_MOST_READ_HEADINGS = ("Explore further", "Viel gelesen", "Lo más leído", "Les plus lus")

CASES: dict[Predicate, list[tuple[str, bool]]] = {
    is_recommendation_heading: [
        *_yes(
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
            *_SIDEBAR_HEADINGS,
            *_MOST_READ_HEADINGS,
            # prefixes head a block of titles, but do not end an article alone
            "Mehr zu Klima und Konsum",
            "Weitere Beiträge aus der Kolumne:",
            "Más sobre La Tercera",
            "Viel gelesen in Handel",
        ),
        *_no(
            "Related work on the subject",
            "More",
            "Read more about how the council voted today",
            "",
            "Mehr als 300 Menschen kamen",
            "Weitere Beiträge folgen",
        ),
    ],
    is_boilerplate_line: [
        *_yes(
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
            # a blog widget's lines and back links
            "Gefällt mir Wird geladen...",
            "%d Bloggern gefällt das:",
            "> Zurück zur Übersicht",
            "Back to list",
            # a newsletter's name alone
            "Cicero Newsletter",
            "GET THE BOING BOING NEWSLETTER",
        ),
        *_no(
            "Share prices fell sharply on Tuesday.",
            "The printer was broken again.",
            "Subscribers lost access for a day.",
            "x" * 200 + " cookies",
            "I like this city and its loading docks.",
            "The newsletter that changed the town's politics in 1990",
        ),
    ],
    is_comments_heading: [
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
    is_article_end: [
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
        *_yes(*_SIDEBAR_HEADINGS, *_MOST_READ_HEADINGS),
    ],
    is_cookie_notice: [
        ("This website uses cookies to improve your experience while you navigate.", True),
        ("Wir verwenden Cookies, um unsere Webseite für Sie zu verbessern.", True),
        ("Out of these cookies, those necessary are stored; you may accept or refuse.", True),
        ("Browsers store cookies for each domain, and scripts can read them.", False),
        ("Bake the cookies for twelve minutes, then let them cool on a rack.", False),
    ],
    is_author_box_heading: [
        ("About the author", True),
        ("Über den Autor:", True),
        ("About the author of the new budget plan and why it matters", False),
    ],
    is_site_prompt: [
        *_yes(
            "Enter your email below to subscribe and receive updates.",
            "Download our app for iOS and Android.",
            "Jetzt den Newsletter abonnieren und per E-Mail informiert werden",
            "Receive new posts directly delivered to your inbox",
            "Die wichtigsten News für Marketeers direkt in dein Postfach!",
        ),
        *_no(
            "The council will send an email to all residents next week.",
            "Subscribe " + "x " * 200 + "email",  # too long for a prompt
            "She found the letter in her inbox on Monday morning.",
        ),
    ],
    is_source_section_heading: [
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
    is_credit_line: [
        *_yes(
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
        ),
        *_no(
            "Photos show the bridge before it closed.",
            "Quelle: " + "lange Erklärung " * 10,
            "Shutterstock has cut 200 jobs this year.",
        ),
    ],
    is_caption_label: [
        *_yes(
            "Image source, Example Agency",
            "Image caption, The harbour at dawn",
            "Media captionWho is the new harbour master?",
            "Image copyright Reuters Image caption The harbour at dawn",
            "Image Copyright @example @example",
            "Photo caption: the harbour at dawn",
        ),
        *_no(
            "Image sources are listed at the end of the article.",
            "Image caption, " + "a long caption " * 30,
        ),
    ],
    is_more_link: [
        ("Read more", True),
        ("Read More ›", True),
        ("Continue reading…", True),
        ("Weiterlesen", True),
        ("Read more about the council's plans", False),
        ("Related articles", False),
    ],
    is_copyright_notice: [
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
}


@pytest.mark.parametrize(
    ("predicate", "line", "expected"),
    [
        pytest.param(predicate, line, expected, id=f"{predicate.__name__}-{index}")
        for predicate, cases in CASES.items()
        for index, (line, expected) in enumerate(cases)
    ],
)
def test_vocabulary(predicate: Predicate, line: str, expected: bool) -> None:
    assert predicate(line) is expected, line
