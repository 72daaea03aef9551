"""The page filter: the best-scoring span of pieces and what is dropped around it."""

from __future__ import annotations

import textwrap
from dataclasses import replace

from articlekit import to_text
from articlekit.text import parse_text
from articlekit.text.boilerplate import (
    MAX_MENU_ITEM_LINES,
    MIN_DROPPED_SCORE,
    PAGE_FURNITURE_SHARE,
    SHORT_PIECE_PENALTY_CHARS,
    PieceStats,
    find_article_span,
    furniture_share,
    is_link_list,
    looks_like_page,
    score_piece,
    suffix_best_runs,
)
from articlekit.text.rules import Piece


def test_span_of_article_text_keeps_everything() -> None:
    span = find_article_span([-40, 500, 800, -40, 300])
    assert (span.first, span.last) == (0, 4)
    assert (span.core_first, span.core_last) == (1, 4)


def test_span_drops_a_side_that_is_clearly_furniture() -> None:
    menu = [-40.0] * 10
    span = find_article_span([*menu, 900.0, 700.0, *menu])
    assert span.first >= 10 - 4  # the head (up to four short pieces) is kept
    assert span.last == 11
    assert sum(menu) < MIN_DROPPED_SCORE


def test_span_without_any_prose_keeps_all() -> None:
    span = find_article_span([-40.0, -40.0])
    assert (span.first, span.last) == (0, 1)
    assert find_article_span([]).last == -1


def test_scores() -> None:
    prose = PieceStats(chars=300, words=50, link_chars=0, sentence=True)
    links = PieceStats(chars=300, words=50, link_chars=250, sentence=False)
    form = PieceStats(chars=300, words=50, link_chars=0, sentence=True, form=True)
    paragraph = Piece(kind="paragraph", first=0, last=0)
    assert score_piece(paragraph, prose) == 300
    assert score_piece(paragraph, links) == -300
    assert score_piece(paragraph, form) == -300
    notice = PieceStats(chars=300, words=50, link_chars=0, sentence=True, notice=True)
    assert score_piece(paragraph, notice) == -300
    assert score_piece(Piece(kind="heading", first=0, last=0), prose) == 0
    assert is_link_list(links, 5) and not is_link_list(links, 1) and not is_link_list(prose, 5)


PROSE = (
    "The council met on Tuesday evening and decided that the library would stay open for "
    "another five years, after a long debate in which dozens of residents spoke for it."
)


def test_comment_section_is_dropped() -> None:
    text = f"A Title Line\n\n{PROSE}\n\n{PROSE}\n\n3 Comments\n\nGreat article, thanks for it!\n"
    doc = parse_text(text)
    assert "Great article" not in doc.plain_text()
    assert doc.plain_text().count("council") == 2


def test_menu_lines_around_a_long_article_are_dropped() -> None:
    menu = "\n\n".join(["Home", "News", "Sport", "Weather", "Culture", "Travel"] * 3)
    text = f"{menu}\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n{menu}\n"
    doc = parse_text(text)
    assert doc.plain_text() == "\n\n".join([PROSE] * 3)


def test_page_detection_needs_furniture_and_size() -> None:
    article = [500.0, 800.0, -40.0, 600.0] * 6
    page = [500.0, -300.0, -40.0, -40.0, 800.0, -200.0] * 4
    assert furniture_share([]) == 0.0
    assert not looks_like_page(article)
    assert looks_like_page(page)
    assert not looks_like_page(page[:6])  # too short to tell


def test_table_of_contents_is_neutral() -> None:
    toc = PieceStats(chars=300, words=40, link_chars=300, sentence=False, contents=True)
    assert score_piece(Piece(kind="list", first=0, last=0), toc) == 0.0


def test_table_of_contents_between_prose_is_kept() -> None:
    toc = "\n".join(f"     * [{i}]{i} Section number {i}" for i in range(1, 9))
    refs = "\n".join(f"   {i}. https://example.org/#s{i}" for i in range(1, 9))
    body = "   " + PROSE
    text = f"{body}\n\nContents\n\n{toc}\n\n{body}\n\n{body}\n\nReferences\n\n{refs}\n"
    doc = parse_text(text)
    assert "Section number 8" in doc.plain_text()


def test_code_is_neutral_in_an_article_and_junk_on_a_page() -> None:
    code = PieceStats(chars=30, words=4, link_chars=0, sentence=False, code=True)
    paragraph = Piece(kind="paragraph", first=0, last=0)
    assert score_piece(paragraph, code) == 0.0
    assert score_piece(paragraph, code, page=True) < 0


def test_article_cut_in_two_by_a_table_is_one_span() -> None:
    # prose, a table of many short cells, prose again: both halves are the article
    table = [-40.0] * 30
    span = find_article_span([900.0, 700.0, *table, 800.0, 600.0, -40.0, -40.0])
    assert (span.core_first, span.core_last) == (0, 33)


def test_a_short_teaser_after_the_gap_stays_out() -> None:
    menu = [-40.0] * 10
    span = find_article_span([*menu, 900.0, 700.0, *menu, 300.0, *menu])
    assert (span.core_first, span.core_last) == (10, 11)


def test_a_list_of_one_word_items_is_a_menu_on_a_page() -> None:
    menu = PieceStats(chars=120, words=24, link_chars=0, sentence=False, items=20)
    steps = PieceStats(
        chars=600, words=100, link_chars=0, sentence=True, items=8, prose_item_chars=550
    )
    lst = Piece(kind="list", first=0, last=19)
    assert score_piece(lst, menu, page=True) < 0
    # each short item weighs as a short line, up to a bound
    assert score_piece(lst, menu) == -SHORT_PIECE_PENALTY_CHARS * MAX_MENU_ITEM_LINES
    assert score_piece(lst, steps, page=True) > 0
    cards = PieceStats(chars=600, words=100, link_chars=0, sentence=True, items=8)
    assert score_piece(lst, cards) > 0
    assert score_piece(lst, cards, page=True) < 0  # no item is a sentence: teaser cards


def test_ragged_lines_and_cut_teasers_are_short_lines_on_a_page() -> None:
    paragraph = Piece(kind="paragraph", first=0, last=9, line_count=10)
    teasers = PieceStats(chars=500, words=80, link_chars=0, sentence=True, ragged_prose=0, lines=10)
    assert score_piece(paragraph, teasers) == 500  # an article alone: judged by its words
    assert score_piece(paragraph, teasers, page=True) < 0
    letter = PieceStats(
        chars=3000, words=500, link_chars=0, sentence=True, ragged_prose=2000, lines=60
    )
    assert score_piece(paragraph, letter, page=True) > 0  # its wrapped prose counts
    excerpt = PieceStats(chars=200, words=30, link_chars=0, sentence=True, teaser=True)
    assert score_piece(paragraph, excerpt) == 200
    assert score_piece(paragraph, excerpt, page=True) < 0


def test_furniture_outside_the_article_makes_a_page() -> None:
    # little furniture by share (one long article), but many short pieces around it
    scores = [-40.0] * 4 + [3000.0] * 12 + [-40.0] * 4
    assert furniture_share(scores) < PAGE_FURNITURE_SHARE
    assert looks_like_page(scores)
    article = [-40.0] + [3000.0] * 18 + [-40.0]
    assert not looks_like_page(article)


WRAPPED = (
    "The council met on Tuesday evening and decided that the library would stay\n"
    "open for another five years, after a long debate in which dozens of\n"
    "residents spoke for it and the mayor thanked them for coming out so late.\n"
)


def test_glued_teaser_titles_after_the_article_are_dropped() -> None:
    # w3m prints a block of teaser links as lines without blank lines between them
    menu = "\n".join(f"  • Section {i}" for i in range(12))
    teasers = "\n".join(
        [
            "Why the old bridge will close for a month this summer",
            "Ten places to eat near the station",
            "The mayor answers readers' questions on parking fees and the new bus line",
            "Photos: the harbour festival",
            "A new school opens in the north of the city next year",
            "Weather: rain until Friday",
        ]
    )
    text = f"{menu}\n\n" + "\n".join([WRAPPED] * 6) + f"\nMore news\n\n{teasers}\n\n{menu}\n"
    doc = parse_text(text)
    assert "council" in doc.plain_text()
    assert "harbour festival" not in doc.plain_text()
    assert "Section 3" not in doc.plain_text()


def test_contents_list_repeating_the_section_headings_is_kept() -> None:
    sections = ["Getting started", "Sharing changes", "Cleaning up"]
    toc = "\n".join(f"  • {name}" for name in sections)
    body = "\n\n".join(f"{name}\n\n{WRAPPED}\n{WRAPPED}" for name in sections)
    menu = "\n\n".join(["Home", "Blog", "About", "Contact", "Archive", "Search"])
    doc = parse_text(f"{menu}\n\nContents\n\n{toc}\n\n{body}\n\n{menu}\n")
    items = [b for b in doc.blocks if type(b).__name__ == "List"]
    assert items and len(items[0].items) == 3


def test_a_most_read_box_inside_the_article_is_dropped_not_the_rest() -> None:
    body = "\n\n".join([WRAPPED] * 3)
    menu = "\n\n".join(["Home", "Blog", "About", "Contact", "Archive", "Search", "Login"])
    # an end line ("Posted in: ...") before a box set inside the article
    box = "Posted in: City news\n\nFirst teaser title here\n\nSecond teaser title here"
    later = WRAPPED.replace("council", "committee")
    text = f"{menu}\n\n{body}\n\n{box}\n\n" + "\n\n".join([later] * 4) + f"\n\n{menu}\n"
    doc = parse_text(text)
    plain = doc.plain_text()
    assert "council" in plain and "committee" in plain
    assert "teaser title" not in plain


# A site menu (one word a line) and a box of links under a heading, as w3m prints them
# (no blank lines between the links).
_MENU = "\n\n".join(["Home", "Blog", "About", "Contact", "Archive", "Search", "Login"])
_LINK_BOX = "\n".join(
    [
        "More on Garden Care",
        "The Best Roses for Small Gardens",
        "How to Save Money on Tools",
        "Keep Your Lawn in Great Shape",
        "Gardeners Favor Local Nurseries",
        "How to Make Your Hedge Last Twenty Years",
    ]
)


def test_a_short_box_inside_the_article_keeps_the_shorter_rest() -> None:
    # the article goes on right under a box of links set in its middle, for less prose
    # than came before it: the box goes, the rest stays (MIN_RESUMED_PROSE_SHARE alone
    # cut it)
    body = "\n\n".join([WRAPPED] * 6)
    menu = _MENU
    box = _LINK_BOX
    later = WRAPPED.replace("council", "committee")
    text = f"{menu}\n\n{body}\n\n{box}\n\n" + "\n\n".join([later] * 2) + f"\n\n{menu}\n"
    plain = parse_text(text).plain_text()
    assert "council" in plain and "committee" in plain
    assert "Save Money" not in plain


def test_prose_far_below_an_end_box_stays_out() -> None:
    # after the article's real end the site's boxes come first, then its other prose
    body = "\n\n".join([WRAPPED] * 6)
    menu = _MENU
    box = _LINK_BOX
    site = "\n\n".join(f"Our sites {i}:\n\n  • Sports\n  • Jobs\n  • Weather" for i in range(3))
    later = WRAPPED.replace("council", "committee")
    text = f"{menu}\n\n{body}\n\n{box}\n\n{site}\n\n" + "\n\n".join([later] * 2)
    plain = parse_text(f"{text}\n\n{menu}\n").plain_text()
    assert "council" in plain
    assert "committee" not in plain


def test_site_prompt_is_furniture_on_a_page() -> None:
    paragraph = Piece(kind="paragraph", first=0, last=0)
    prompt = PieceStats(chars=120, words=20, link_chars=0, sentence=True, prompt=True)
    assert score_piece(paragraph, prompt) == 120
    assert score_piece(paragraph, prompt, page=True) == -120


def test_page_lines_above_the_article_that_are_no_front_matter_go() -> None:
    menu = "\n\n".join(["Home", "Blog", "About", "Contact", "Archive", "Search", "Login"] * 2)
    head = "Ten Years of the City Library\n\nCulture | 4 comments | Print edition"
    opening = "Before we start, here is what changed."
    body = "\n\n".join([WRAPPED] * 4)
    doc = parse_text(f"{menu}\n\n{head}\n\n{opening}\n\n{body}\n\n{menu}\n")
    assert doc.title == "Ten Years of the City Library"
    plain = doc.plain_text()
    assert "Print edition" not in plain
    assert opening in plain


def test_suffix_best_runs() -> None:
    assert suffix_best_runs([100.0, -300.0, 50.0, 60.0, -10.0])[:5] == [
        110.0,
        110.0,
        110.0,
        60.0,
        -10.0,
    ]
    assert suffix_best_runs([]) == [float("-inf")]


def test_one_word_title_repeated_in_the_article_is_kept() -> None:
    menu = "\n\n".join(["Home", "Blog", "About", "Contact", "Archive", "Search", "Login"] * 2)
    body = "\n\n".join([WRAPPED] * 4)
    doc = parse_text(f"remoteStorage\n\n{menu}\n\nremoteStorage\n\n{body}\n\n{menu}\n")
    assert doc.title == "remoteStorage"
    # a one-word line the article does not repeat is a menu entry, not the title
    doc = parse_text(f"Home\n\n{menu}\n\nremoteStorage\n\n{body}\n\n{menu}\n")
    assert doc.title != "Home"


_MENU = "\n\n".join(["Home", "Blog", "About", "Contact", "Archive", "Search", "Login"] * 2)
# A reader's comment, wrapped as a text browser wraps it (a thread under a short post)
_WRAPPED_COMMENT = (
    "I could not agree more with the decision, and I hope that the library also\n"
    "opens on Sundays now, since many of us work during the week and can only come\n"
    "by on the weekend, when the reading room is closed for no good reason at all.\n"
)


def test_furniture_lines_inside_a_w3m_paragraph_are_cut_out() -> None:
    # w3m prints a "Related" box right under the article's last lines, no blank between
    body = "\n\n".join([WRAPPED] * 4)
    last = "The mayor thanked them for coming.\nRead next\n"
    tail = "Why the old bridge will close\nTen places to eat near the station"
    doc = parse_text(f"{_MENU}\n\n{body}\n\n{WRAPPED}{last}{tail}\n\n{_MENU}\n")
    plain = doc.plain_text()
    assert plain.count("council") == 5
    assert "old bridge" not in plain and "Read next" not in plain


def test_a_line_filled_to_the_wrap_width_is_not_cut_out() -> None:
    from articlekit.text.lines import detect_layout, split_lines
    from articlekit.text.parser import _Context, split_at_marker_lines

    text = WRAPPED * 3 + "A short line.\nRelated\n" + WRAPPED + "Related\nto all of it.\n"
    lines = split_lines(text)
    ctx = _Context(detect_layout(lines), {}, lines)
    piece = Piece(kind="paragraph", first=0, last=15, text="x", line_count=16)
    out = split_at_marker_lines([piece], lines, ctx)
    # "Related" after a short line is cut out; after a full line it may be the wrapped
    # end of a sentence, and stays
    assert [(p.first, p.last) for p in out] == [(0, 9), (10, 10), (11, 15)]


def test_w3m_heavy_rules_end_a_paragraph() -> None:
    # w3m draws <hr> between teaser cards without blank lines: each card is its own piece
    doc = parse_text("First card title\n━━━━━━━━━━━━━━━━━━━━\nSecond card title\n")
    assert doc.title == "First card title"
    assert doc.plain_text().strip() == "Second card title"


def test_comments_line_above_the_article_does_not_end_it() -> None:
    # a share bar's "Comments" link stands before the text: no comment section yet
    body = "\n\n".join([WRAPPED] * 4)
    doc = parse_text(f"{_MENU}\n\nShare\n\nComments\n\n{body}\n\n{_MENU}\n")
    assert doc.plain_text().count("council") == 4


def test_picture_credits_go_on_a_page() -> None:
    body = f"\n\n{WRAPPED}\n\nFoto: Jane Doe / Example Agency\n\n{WRAPPED}" * 3
    doc = parse_text(f"{_MENU}{body}\n\n{_MENU}\n")
    plain = doc.plain_text()
    assert plain.count("council") == 6
    assert "Jane Doe" not in plain
    # an article alone keeps them: a caption is part of it
    assert "Jane Doe" in parse_text(body).plain_text()


def test_site_prompts_go_anywhere_on_a_page() -> None:
    prompt = "Receive our new posts directly delivered to your inbox."
    body = f"\n\n{WRAPPED}\n\n{prompt}\n\n{WRAPPED}" * 3
    doc = parse_text(f"{_MENU}{body}\n\n{_MENU}\n")
    assert doc.plain_text().count("council") == 6
    assert "inbox" not in doc.plain_text()


def test_share_bar_after_the_prose_ends_a_pages_article() -> None:
    body = "\n\n".join([WRAPPED] * 4)
    teasers = "Why the old bridge will close for a month, and what the city plans to do about it."
    tail = f"Share this article\n\n{teasers}\n\n{teasers.replace('bridge', 'tunnel')}"
    # a share bar under the title (after the byline) opens the article: it stays
    head = "Ten Years of the City Library\n\nBy Jane Doe\n\nShare this article"
    doc = parse_text(f"{_MENU}\n\n{head}\n\n{body}\n\n{tail}\n\n{_MENU}\n")
    plain = doc.plain_text()
    assert plain.count("council") == 4
    assert "old bridge" not in plain and "tunnel" not in plain


def test_share_and_pager_lines() -> None:
    from articlekit.text.vocab import is_share_or_pager_line

    for line in (
        "Share this article",
        "Partager cet article /",
        "Mit Freunden teilen",
        "Next article",
        "Article précédent",
        "Teilen:",
    ):
        assert is_share_or_pager_line(line), line
    assert not is_share_or_pager_line("Share prices fell sharply on Tuesday.")


def test_a_prompt_set_as_a_list_goes_on_a_page() -> None:
    prompt = "  • Receive new posts directly delivered to your inbox\n  • Send me an email"
    body = f"\n\n{WRAPPED}\n\n{prompt}\n\n{WRAPPED}" * 3
    doc = parse_text(f"{_MENU}{body}\n\n{_MENU}\n")
    assert doc.plain_text().count("council") == 6
    assert "inbox" not in doc.plain_text()


def test_author_bio() -> None:
    from articlekit.text.vocab import is_author_bio

    assert is_author_bio("Jane Doe is a senior writer for Example News, covering science.")
    assert is_author_bio("Max Muster ist Redakteur im Ressort Wirtschaft. Er studierte Jura.")
    assert is_author_bio("Jane R. Doe writes about housing policy out of Washington.")
    assert is_author_bio("Jane is the site's UK-based editor.", above="Jane Doe")
    assert is_author_bio("Jake is the co-founder of Example Labs, a consultancy.", "Jake Roe")
    assert is_author_bio("Max Muster ist Gründer des Vereins Freies Netz.")
    assert not is_author_bio("Jane is the site's UK-based editor.")  # a first name alone
    # a sentence of the article that opens with a name or a noun names no trade
    assert not is_author_bio("Luisa Neubauer ist ja nun drauf und dran, Ministerin zu werden.")
    assert not is_author_bio("Freie Software ist Software, die vier Freiheiten garantiert.")
    # the trade word must be in the first sentence; past tense is the article's story
    assert not is_author_bio("Jane Doe is back. The editor said so.")
    assert not is_author_bio("Ray Gillen was a singer in the band Badlands.")


def test_author_bios_go_on_a_page() -> None:
    bio = "Jane Doe is a senior writer for Example News, covering city politics."
    body = "\n\n".join([WRAPPED] * 4)
    doc = parse_text(f"{_MENU}\n\n{body}\n\nJane Doe\n\n{bio}\n\n{_MENU}\n")
    plain = doc.plain_text()
    assert plain.count("council") == 4
    assert "senior writer" not in plain
    # an article alone keeps it: Readability counts the author box as the article's
    assert "senior writer" in parse_text(f"{body}\n\n{bio}\n").plain_text()


def test_a_lead_in_over_a_list_of_short_items_is_neutral_on_a_page() -> None:
    # a wrapped lead-in ending in a colon introduces the list under it, even when that
    # list of short items alone would score like a menu
    body = "\n\n".join([WRAPPED] * 3)
    lead_in = (
        "In her book on the city's libraries the author sums up what a reading room\n"
        "needs in ten short rules:"
    )
    rules = "\n".join(f"{n:2d}. Rule number {n}" for n in range(1, 11))
    closing = WRAPPED.replace("council", "board") + "The book costs 14 euros at the shop.\n"
    tail = f"Ten rules\n\n{lead_in}\n\n{rules}\n\nAnd yours?\n\nBook cover\n\n{closing}"
    plain = parse_text(f"{_MENU}\n\n{body}\n\n{tail}\n\n{_MENU}\n").plain_text()
    assert "ten short rules" in plain
    assert "Rule number 7" in plain
    assert "14 euros" in plain


def test_action_buttons_are_furniture_lines() -> None:
    from articlekit.text.vocab import is_boilerplate_line

    for line in (
        "Print Recipe",
        "Versenden",
        "Drucken etc.",
        "Jetzt registrieren",
        "Mitglied werden",
        "Ihr Warenkorb ist leer",
        "Your cart is empty",
        "Save",  # a bookmark or pin button
        "Save for later",
        "Next",  # a slide show's buttons
        "Previous",
    ):
        assert is_boilerplate_line(line), line
    # a line that only starts with such a word is the article's
    assert not is_boilerplate_line("Send in the clowns")
    assert not is_boilerplate_line("Save the Date")
    assert not is_boilerplate_line("Next steps")
    assert not is_boilerplate_line("Drucken Sie das Formular aus und senden Sie es uns.")


def test_late_datelines_go_on_a_page() -> None:
    from articlekit.text.parser import _is_dateline

    assert _is_dateline("Aktualisiert am 17.01.2021.")
    assert _is_dateline("Publiziert: 03.04.2020, 12:35")
    assert _is_dateline("17 April 2012")
    assert not _is_dateline("Am 17.01.2021 traf sich der Rat.")
    head = "Ten Years of the City Library\n\nMarch 5, 2024"
    body = "\n\n".join([WRAPPED] * 4)
    text = f"{_MENU}\n\n{head}\n\n{body}\n\nAktualisiert am 17.01.2021.\n\n{WRAPPED}\n\n{_MENU}\n"
    doc = parse_text(text)
    assert "17.01.2021" not in doc.plain_text()
    assert doc.plain_text().count("council") == 5
    # the head's dateline stays the front matter's
    assert doc.metadata.published == "2024-03-05"


def test_a_long_comment_thread_under_a_short_post_is_furniture() -> None:
    post = "\n\n".join([WRAPPED] * 2)
    comment = _WRAPPED_COMMENT
    thread = "\n\n".join(
        f"{name} June {day}, 2015 at 10:25 pm\n\n{comment}"
        for name, day in (("Armanox", 3), ("Leo", 4), ("Jane Roe", 5), ("Sam", 6))
    )
    doc = parse_text(f"{_MENU}\n\n{post}\n\n{thread}\n\n{_MENU}\n")
    plain = doc.plain_text()
    assert plain.count("council") == 2
    assert "Sundays" not in plain
    # a byline with a time is the article's head, not a comment
    from articlekit.text.parser import _BYLINE_START, _COMMENT_HEADER

    assert _COMMENT_HEADER.fullmatch("Julia on 11/08/2020 at 9:52")
    assert _BYLINE_START.match("By Poppie Platt 12 May 2022, 4:18pm")


def test_a_menu_section_over_headlines_is_no_prose_item() -> None:
    from articlekit.text.lines import detect_layout, split_lines
    from articlekit.text.parser import _Context, _prose_items
    from articlekit.text.rules import Item

    lines = split_lines("x\n")
    ctx = _Context(detect_layout(lines), {}, lines)
    headlines = [
        "U.S. troops killed in helicopter crash in Afghanistan",
        "Safety officials urge a redesign of engine parts",
        "New preventive outages set for parts of the state",
        "Teen accused of plotting an attack on a church",
    ]
    section = Piece(kind="list", first=1, last=4, items=[Item(h) for h in headlines])
    menu = Piece(kind="list", first=0, last=4, items=[Item("World", children=[section])])
    # the section's text with its headlines joined is long and holds "U.S. ": judged as
    # one item it read as prose; each headline alone is too short or has no sentence
    assert _prose_items(menu, ctx)[1] < 100
    steps = [
        "Preheat the oven to 200 degrees and grease a tin.",
        "Mix the flour, the sugar and the eggs in a bowl.",
    ]
    nested = Piece(kind="list", first=1, last=2, items=[Item(t) for t in steps])
    recipe = Piece(kind="list", first=0, last=2, items=[Item("Method", children=[nested])])
    # nested items that are sentences still count, each on its own
    assert _prose_items(recipe, ctx) == (len(steps), sum(len(t) for t in steps))


def test_a_list_of_teasers_cut_off_by_an_ellipsis_is_furniture_on_a_page() -> None:
    from articlekit.text.lines import detect_layout, split_lines
    from articlekit.text.parser import _Context, _teaser_items
    from articlekit.text.rules import Item

    lines = split_lines("x\n")
    ctx = _Context(detect_layout(lines), {}, lines)
    teasers = [
        "Council delays the bridge vote CITY: The council has put off its vote on the "
        "new bridge after residents asked for more time to read the plans and may soon...",
        "Harbour plan draws protest TOWN: Fishermen gathered at the harbour on Monday to "
        "protest against the plan, which they say would cut the quay in...",
        "Library to open on Sundays The city library will open on Sundays from next month.",
    ]
    box = Piece(kind="list", first=0, last=2, items=[Item(t) for t in teasers])
    assert _teaser_items(box, ctx) == 2
    # a list of whole sentences with one cut-off item among them is no box of teasers
    steps = [Item(teasers[2]), Item(teasers[2]), Item(teasers[0])]
    assert _teaser_items(Piece(kind="list", first=0, last=2, items=steps), ctx) == 0
    stats = PieceStats(chars=400, words=70, link_chars=60, sentence=True, teaser_items=2)
    assert score_piece(box, stats, page=True) < 0
    assert score_piece(box, stats) > 0  # an article alone keeps its lists
    # one teaser alone is too few to tell a box by
    one = PieceStats(chars=200, words=35, link_chars=30, sentence=True, teaser_items=1)
    assert score_piece(box, one, page=True) > 0


def test_an_archive_of_dated_titles_is_a_list_of_teasers() -> None:
    from articlekit.text.lines import detect_layout, split_lines
    from articlekit.text.parser import _Context, _teaser_items
    from articlekit.text.rules import Item

    lines = split_lines("x\n")
    ctx = _Context(detect_layout(lines), {}, lines)
    titles = [
        "Why the old bridge smells of tar and salt in the summer? - 19 January 2026",
        "What is a cider press? Understanding the autumn harvest - 22 January 2026",
        "Five questions with the harbour master | Jan 9, 2016",
    ]
    dated = Piece(kind="list", first=2, last=4, items=[Item(t) for t in titles])
    month = Item("January", children=[dated])
    archive = Piece(kind="list", first=0, last=4, items=[Item("2026", children=[])])
    archive.items[0].children.append(Piece(kind="list", first=1, last=4, items=[month]))
    # the titles (3 of the 5 items) are teasers: the archive weighs as a teaser box
    assert _teaser_items(archive, ctx) == 3
    # a step list whose items merely mention a date stays prose
    steps = [
        Item("Send the form before 19 January 2026 to keep your place on the course."),
        Item("The results follow in March, by post - and by e-mail if you asked for it."),
    ]
    assert _teaser_items(Piece(kind="list", first=0, last=1, items=steps), ctx) == 0


def test_a_wall_of_furniture_between_two_joined_runs_is_dropped() -> None:
    # the article, a wall of teasers costing more than twice it, a second strong run:
    # both runs are kept (either may be the article), the wall between them is not
    wall = [-80.0] * 50
    span = find_article_span([-80.0, 900.0, 700.0, *wall, 500.0, 400.0, -80.0], page=True)
    assert (span.core_first, span.core_last) == (1, 54)
    assert span.gaps == ((3, 52),)
    assert span.in_core(1) and span.in_core(53) and span.in_core(54)
    assert not span.in_core(3) and not span.keeps(20) and not span.keeps(52)


def test_a_cheap_gap_between_joined_runs_stays() -> None:
    # a table of short cells inside the article costs less than the article
    table = [-40.0] * 30
    span = find_article_span([900.0, 700.0, *table, 800.0, 600.0, -40.0, -40.0], page=True)
    assert span.gaps == ()
    assert all(span.keeps(i) for i in range(34))


def test_a_wall_before_the_best_run_is_dropped_too() -> None:
    wall = [-80.0] * 50
    span = find_article_span([600.0, 500.0, *wall, 900.0, 700.0], page=True)
    assert span.gaps == ((2, 51),)
    assert span.keeps(0) and span.keeps(53) and not span.keeps(2)
    # an article alone keeps what stands between its runs
    assert find_article_span([600.0, 500.0, *wall, 900.0, 700.0]).gaps == ()


LATER = (
    "Two years later the library had doubled its visitors, and the council voted again, "
    "this time without a debate, to extend its opening hours into the evening."
)
LAST = (
    "Its director says the evening hours drew students above all, who now fill the "
    "reading room until it closes at ten, and that a second branch is being planned."
)


def test_a_teaser_with_read_more_inside_the_article_ends_nothing() -> None:
    teaser = (
        "Another Town Closes Its Last Bookshop\n\n"
        "In recent months, dozens of shops on the high street have closed their doors due to\n\n"
        "Read more\nAdvertisement\n\n"  # w3m: the teaser's link, then an ad's label
    )
    text = f"A Title Line\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n{teaser}{LATER}\n\n{LAST}\n"
    out = parse_text(text).plain_text()
    assert "Two years later" in out and "second branch" in out  # the article goes on
    assert "high street" not in out and "Read more" not in out


def test_a_markdown_teaser_with_read_more_inside_the_article_ends_nothing() -> None:
    teaser = (
        "###### [Another Town Closes Its Last Bookshop](https://example.org/shop)\n\n"
        "In recent months, dozens of shops on the high street have closed their doors due to\n\n"
        "[Read more](https://example.org/shop)\n\n"
    )
    text = f"# A Title Line\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n{teaser}{LATER}\n\n{LAST}\n"
    out = parse_text(text).plain_text()
    assert "Two years later" in out and "second branch" in out
    assert "high street" not in out and "Another Town" not in out


def test_read_more_under_a_whole_paragraph_still_ends_the_article() -> None:
    text = (
        f"A Title Line\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n"
        f"Read more\nAdvertisement\n\n{LATER}\n\n{LAST}\n"
    )
    out = parse_text(text).plain_text()
    assert "Two years later" not in out and "second branch" not in out


def test_a_costly_gap_with_prose_inside_is_the_article_and_stays() -> None:
    # reviews of a line or two, each signed on a line of its own: costly, but every
    # other piece is prose
    reviews = [120.0, -80.0, -80.0] * 20
    span = find_article_span([-80.0, 900.0, 700.0, *reviews, 500.0, 400.0, -80.0], page=True)
    assert span.gaps == ()
    assert all(span.keeps(i) for i in range(1, 66))


def test_a_copyright_paragraph_above_the_article_is_dropped() -> None:
    # a page that prints its legal footer above the story: long enough to read as prose
    legal = (
        "Quotes delayed at least 15 minutes. This material may not be published, "
        "broadcast, rewritten, or redistributed. ©2019 Example News Network, LLC. All "
        "rights reserved. Terms of use and privacy policy apply."
    )
    menu = "\n\n".join(["Home", "News", "Sport", "Weather", "Culture", "Travel"] * 3)
    body = "\n\n".join(textwrap.fill(p, 78) for p in (legal, PROSE, LATER, LAST))
    out = parse_text(f"{menu}\n\n{body}\n\n{menu}\n").plain_text()
    assert "redistributed" not in out
    assert "council met" in out and "second branch" in out


def test_a_prefixed_recommendation_heading_ends_the_article_on_a_page() -> None:
    # teaser cards (section, title, a caption of two sentences) too long for the
    # recommendation rule
    teasers = "\n".join(
        f"  • City Hall\n    Story number {n} about the budget and the buses\n"
        "    The mayor said the budget would hold until spring. The council has doubts\n"
        "    about the buses and will vote on the matter again before the summer."
        for n in range(1, 7)
    )
    menu = "\n\n".join(["Home", "News", "Sport", "Weather", "Culture", "Travel"] * 3)
    # the article outweighs the teasers (else they read as a box set inside it)
    body = "\n\n".join(textwrap.fill(p, 78) for p in (PROSE, LATER, LAST, PROSE, LATER))
    text = f"{menu}\n\n{body}\n\nMore From the Example Times\n\n{teasers}\n\n{menu}\n"
    out = parse_text(text).plain_text()
    assert "second branch" in out
    assert "Story number" not in out


def test_a_reading_list_heading_does_not_end_a_page_s_article() -> None:
    # "Further reading" and "External links" head the article's own sources
    books = "\n".join(
        f"  • Doe, Jane ({1990 + n}). A History of the Town Library, part {n}. Example Press."
        for n in range(1, 5)
    )
    menu = "\n\n".join(["Home", "News", "Sport", "Weather", "Culture", "Travel"] * 3)
    body = "\n\n".join(textwrap.fill(p, 78) for p in (PROSE, LATER, LAST, PROSE, LATER))
    text = f"{menu}\n\n{body}\n\nFurther reading\n\n{books}\n\n{menu}\n"
    out = parse_text(text).plain_text()
    assert "A History of the Town Library, part 4" in out


def test_a_list_of_cards_saying_each_title_twice_is_teasers_on_a_page() -> None:
    from articlekit.text.parser import _opens_with_a_doubled_title

    assert _opens_with_a_doubled_title(
        "Beware the Gift Card Scam Beware the Gift Card Scam Another Story"
    )
    assert not _opens_with_a_doubled_title("New New York rules")  # too short a run
    assert not _opens_with_a_doubled_title(PROSE)
    # w3m prints a card's picture alt text and its title: the title twice, then a teaser
    cards = "\n".join(
        f"  • Story number {n} about the city budget Story number {n} about the city budget\n"
        f"    Another story number {n} about the long winter and the buses"
        for n in range(1, 7)
    )
    menu = "\n\n".join(["Home", "News", "Sport", "Weather", "Culture"] * 4)
    body = "\n\n".join(textwrap.fill(p, 78) for p in (PROSE, LATER, LAST))
    out = parse_text(f"{menu}\n\n{body}\n\n{cards}\n").plain_text()
    assert "second branch" in out
    assert "Story number" not in out


def test_an_article_paragraph_about_copyright_is_no_notice() -> None:
    # the word and a year in a sentence: the article's, not the site's legal line
    first = (
        "The parliament approved the copyright directive in 2019 after two years of "
        "debate, and member states had until June 2021 to write it into their own laws."
    )
    body = "\n\n".join(textwrap.fill(p, 78) for p in (first, PROSE, LATER, LAST))
    out = parse_text(f"A Title Line\n\n{body}\n").plain_text()
    assert "copyright directive" in out and "second branch" in out


def test_teaser_box_headings() -> None:
    from articlekit.text.vocab import is_recommendation_heading, is_teaser_box_heading

    for line in (
        "Most Popular Videos",
        "Trending News",
        "Latest Galleries",
        "RECENT ARTICLES",
        "Top Stories Today",
        "### Most Read Stories",
        "Most Popular Today",
        "Trending Now",
    ):
        assert is_teaser_box_heading(line), line
    for line in ("Most popular apps of 2019", "Latest news on the strike", "Top", "Latest"):
        assert not is_teaser_box_heading(line), line
    # only the page filter reads them: the block rule keeps its own vocabulary
    assert not is_recommendation_heading("Most Popular Videos")


def test_a_teaser_box_heading_ends_or_cuts_a_page_s_article() -> None:
    teasers = "\n".join(f"  • Story number {n} about the budget and the buses" for n in range(1, 6))
    menu = "\n\n".join(["Home", "News", "Sport", "Weather", "Culture", "Travel"] * 3)
    body = "\n\n".join(textwrap.fill(p, 78) for p in (PROSE, LATER, LAST))
    # set inside the article: the box goes, the prose under it stays
    more = "\n\n".join(textwrap.fill(p, 78) for p in (PROSE, LATER, LAST, PROSE))
    more = more.replace("council", "committee")
    text = f"{menu}\n\n{body}\n\nTrending News\n\n{teasers}\n\n{more}\n\n{menu}\n"
    out = parse_text(text).plain_text()
    assert "council" in out and "committee" in out
    assert "Story number" not in out
    # after it: the article ends there
    text = f"{menu}\n\n{body}\n\nMost Popular Videos\n\n{teasers}\n\n{menu}\n"
    out = parse_text(text).plain_text()
    assert "second branch" in out
    assert "Story number" not in out


def test_paywall_prompts() -> None:
    from articlekit.text.vocab import is_paywall_prompt

    for line in (
        "To Read the Full Story",
        "Subscribe to continue reading",
        "Log in to read the rest of this article.",
        "This article is for subscribers only.",
        "The rest of this story is available to paying subscribers only",
        "Already a subscriber? Sign in",
        "You have reached your free article limit",
    ):
        assert is_paywall_prompt(line), line
    for line in (
        "Continue reading the main story",
        "To read the full story of the bridge, see our archive.",
        "Subscribe",
    ):
        assert not is_paywall_prompt(line), line


def test_a_paywall_prompt_ends_a_short_excerpt_on_a_page() -> None:
    # a paywalled page: two short paragraphs (fewer than MIN_PROSE_BEFORE_END_CHARS), the
    # prompt, then the site's boxes of teasers, cards of a picture and a title
    excerpt = (
        "The council met on Tuesday evening and decided that the library would stay open.\n\n"
        "Dozens of residents spoke for it, and the mayor thanked them for coming out so late."
    )
    cards = "\n\n".join(
        f"  •\n    [https://img.example.com/v/{n}.jpg]\n\n    Story number {n} about the buses"
        for n in range(1, 6)
    )
    menu = "\n\n".join(["Home", "News", "Sport", "Weather", "Culture", "Travel"] * 3)
    head = "Ten Years of the City Library\n\nBy Jane Doe"
    tail = f"To Read the Full Story\nSubscribe Sign In\n\nWatch These\n\n{cards}"
    out = parse_text(f"{menu}\n\n{head}\n\n{excerpt}\n\n{tail}\n\n{menu}\n").plain_text()
    assert "mayor thanked" in out
    assert "Story number" not in out


def test_a_teaser_box_joined_into_one_paragraph_above_the_article_goes() -> None:
    # w3m joins a box's ranked headlines into one paragraph of wrapped lines, which
    # scored as prose and held the box in the article's run
    ranked = " ".join(
        f"{n} Why the old bridge number {n} will close for a month this summer" for n in range(1, 6)
    )
    box = "Most Popular Today\n\n" + textwrap.fill(ranked, 78)
    menu = "\n\n".join(["Home", "News", "Sport", "Weather", "Culture", "Travel"] * 3)
    body = "\n\n".join(textwrap.fill(p, 78) for p in (PROSE, LATER, LAST))
    out = parse_text(f"{menu}\n\n{box}\n\nSubmit\n\n{body}\n\n{menu}\n").plain_text()
    assert "second branch" in out
    assert "old bridge number" not in out


def test_comment_headers_dated_relative_to_now() -> None:
    from articlekit.text.parser import _is_comment_header_line

    for line in (
        "2 days ago at 07:52 am",
        "Woyzeck · 3 hours ago",
        "Jane Roe - 5 minutes ago Reply",
        "Max schreibt vor 3 Tagen",
        "vor 3 Tagen um 10:15",
        "Jane - il y a 2 jours",
        "hace 5 horas a las 10:15",
    ):
        assert _is_comment_header_line(line), line
    for line in (
        "By Jane Roe 2 hours ago",  # the article's byline
        "13 hours ago",  # a teaser's date, inside the article as often as under it
        "VOR 14 STUNDEN",
        "Olympia 2022 in Peking vor 14 Stunden",
        "The council met 2 days ago at the town hall",
        "Updated on the morning of the vote, 2 days ago and more",
    ):
        assert not _is_comment_header_line(line), line


def test_a_thread_of_comments_dated_days_ago_under_a_short_post_is_furniture() -> None:
    # a browser's copy sets a comment's name, date, text and votes on lines of their own
    # with no blank line between them: the headers stand inside longer pieces
    post = "\n\n".join([PROSE] * 3)
    comment = " ".join(_WRAPPED_COMMENT.split())
    thread = "\n".join(
        f"{name}\n{hours} days ago at 07:5{hours} am\n{comment}\n{comment}\nRating: 3 Votes"
        for hours, name in enumerate(("Woyzeck", "Nick A", "fmcshan", "tjedora", "mike"), 1)
    )
    menu = "\n".join(["Home", "Blog", "About", "Contact", "Archive", "Search", "Login"] * 3)
    doc = parse_text(f"{menu}\n\nA Short Post on the Library\n\n{post}\n\n{thread}\n\n{menu}\n")
    plain = doc.plain_text()
    assert plain.count("council") == 3
    assert "Sundays" not in plain


def test_a_share_list_with_long_notes_is_no_prose_on_a_page() -> None:
    from articlekit.text.vocab import is_boilerplate_line

    assert is_boilerplate_line("Share this with Facebook")
    assert is_boilerplate_line("Share this with Messenger")
    # w3m draws a share widget as a list whose nested notes are long enough for prose
    note = (
        "These links open other sites in a new window, and the page you share is sent to "
        "them with its title and its address so that your friends can read it there."
    )
    share = "\n".join(
        [
            "  • 19 November 2019",
            "",
            "  • Share this with Facebook",
            "  • Share this with Messenger",
            "  • Share this with Twitter",
            "  • Share",
            "",
            f"    {note}",
            "",
            f"    {note}",
        ]
    )
    body = "\n\n".join([WRAPPED] * 4)
    doc = parse_text(f"{_MENU}\n\nA Singer and Her Old Songs\n\n{share}\n\n{body}\n\n{_MENU}\n")
    plain = doc.plain_text()
    assert plain.count("council") == 4
    assert "new window" not in plain


def test_a_thread_of_timestamps_under_the_commenters_names_is_furniture() -> None:
    from articlekit.text.parser import _is_comment_header_line

    assert _is_comment_header_line("November 19, 2019 at 5:10 pm")
    assert _is_comment_header_line("2. April 2014 um 8:29 Uhr")
    # a date alone, or with a time but no word for "at", is a teaser's or a dateline
    assert not _is_comment_header_line("November 19, 2019")
    assert not _is_comment_header_line("November 19, 2019, 5:10 pm")
    post = "\n\n".join([WRAPPED] * 2)
    comment = _WRAPPED_COMMENT
    thread = "\n\n".join(
        f"{name}\n\nJune {day}, 2015 at 10:25 pm\n\n{comment}\n\n{comment}"
        for name, day in (("Armanox", 3), ("Leo", 4), ("Jane Roe", 5), ("Sam", 6))
    )
    doc = parse_text(f"{_MENU}\n\n{post}\n\n{thread}\n\n{_MENU}\n")
    plain = doc.plain_text()
    assert plain.count("council") == 2
    assert "Sundays" not in plain


# A mega-menu as w3m prints it: one bullet, then the whole menu's entries as lines of its
# item (nested <div>s, no <li>), hardly a sentence among them.
_MEGA_MENU_ENTRIES = [
    "Garden tools",
    "Spades and forks",
    "Rakes",
    "Hoses and reels",
    "Watering cans",
    "Greenhouses",
    "Cold frames",
    "Seeds and bulbs",
    "Vegetable seeds",
    "Flower bulbs",
    "Herb kits",
    "Outdoor living",
    "Garden furniture",
    "Barbecues",
    "Parasols and shades",
    "Lighting",
    "Gift cards",
]


def _mega_menu_item(bullet: str = "  • ", indent: str = "    ") -> str:
    return (
        f"{bullet}Shop{'':>4}\n" + "".join(f"{indent}{e}\n" for e in _MEGA_MENU_ENTRIES * 3)
    ) + f"{bullet}Help\n{bullet}Account"


def test_a_mega_menu_under_one_bullet_is_no_prose() -> None:
    # many words in one list item, but a column of short lines the page ended: a menu
    body = "\n\n".join([WRAPPED] * 3)
    text = f"{_mega_menu_item()}\n\n{body}\n\nShare\n\n{_MENU}\n"
    doc = parse_text(text)
    plain = doc.plain_text()
    assert "decided that the library" in plain
    assert "Cold frames" not in plain
    assert "Watering cans" not in plain


def test_a_menu_column_joined_into_a_paragraph_is_no_prose() -> None:
    # the same column flush left with no blank line between its entries (w3m's <div>s)
    body = "\n\n".join([WRAPPED] * 3)
    column = "\n".join(_MEGA_MENU_ENTRIES * 2) + "\nAll rights reserved by the shop."
    text = f"{_MENU}\n\n{column}\n\n{body}\n\n{_MENU}\n"
    plain = parse_text(text).plain_text()
    assert "decided that the library" in plain
    assert "Hoses and reels" not in plain


def test_short_lines_that_are_no_menu_column() -> None:
    from articlekit.text.lines import detect_layout, split_lines
    from articlekit.text.parser import _Context, _is_menu_column

    def flagged(text: str, first: int, last: int, kind: str = "paragraph") -> bool:
        lines = split_lines(text)
        ctx = _Context(detect_layout(lines), {}, lines)
        count = sum(1 for i in range(first, last + 1) if not lines.blank[i])
        return _is_menu_column(Piece(kind=kind, first=first, last=last, line_count=count), ctx)

    wide = WRAPPED * 2  # sets the wrap width near 75 columns
    n = 3 * len(_MEGA_MENU_ENTRIES)
    entries = "\n".join(_MEGA_MENU_ENTRIES * 3)
    start = wide.count("\n") + 1
    assert flagged(f"{wide}\n{entries}\n", start, start + n - 1)
    # a poem's or a narrow column's short lines end sentences every few lines
    verse = "\n".join(
        f"{e} in the rain. The night is long" if k % 3 == 0 else e
        for k, e in enumerate(_MEGA_MENU_ENTRIES * 3)
    )
    assert not flagged(f"{wide}\n{verse}\n", start, start + n - 1)
    # program text printed as a paragraph
    code = "\n".join(f"let x{k} = f({k});" for k in range(n))
    assert not flagged(f"{wide}\n{code}\n", start, start + n - 1)
    # a list of products: a title over its link and its picture, each
    products = "\n".join(
        f"{k}) A very fine book about gardens and their flowers, volume {k}\n"
        f"http://example.org/b{k}\n[IMG]"
        for k in range(1, 8)
    )
    assert not flagged(f"{wide}\n{products}\n", start, start + 20)
    # too few lines
    assert not flagged(f"{wide}\n{entries}\n", start, start + 5)


def test_shop_buttons_are_furniture_lines() -> None:
    from articlekit.text.vocab import is_boilerplate_line

    for line in (
        "Buy now",
        "BUY NOW",
        "Shop now",
        "Buy on Amazon",
        "Buy now from one of our trusted retail partners:",
        "Check Price on Amazon",
        "Check price",
        "View Deal",
        "See it at Best Buy",
        "Jetzt kaufen",
        "Zum Angebot",
        "Acheter maintenant",
        "Comprar ahora",
        "Advertisement - Page continues below",
        "Story continues below advertisement",
    ):
        assert is_boilerplate_line(line), line
    # the article's own words about buying stay
    assert not is_boilerplate_line("Where to buy")
    assert not is_boilerplate_line("Why you should buy it now")
    assert not is_boilerplate_line("Check the price before you buy")
    assert not is_boilerplate_line("Buy now, pay later: what the new rules mean for shoppers")
    text = (
        "The portable projector is bright enough for a dim room, and its battery lasts\n"
        "for a whole film, which few of its rivals manage at this price or size.\n\n"
        "Check Price on Amazon\n\n"
        "Its speaker is loud enough for a small room, though a soundbar helps outdoors,\n"
        "where the fan's noise is the first thing a viewer notices after dark.\n"
    )
    plain = parse_text(text).plain_text()
    assert "Check Price" not in plain
    assert "soundbar" in plain


def test_a_comments_button_at_an_indented_bodys_margin_opens_the_thread() -> None:
    # lynx, links and elinks set the body 3 columns in and headings flush left; a button
    # to the thread ("View Comments") is a link at the body's margin, not a heading
    menu = "\n\n".join(f"   {m}" for m in ["Home", "Blog", "About", "Contact", "Archive"] * 3)
    body = "\n\n".join([textwrap.indent(WRAPPED, "   ")] * 4)
    thread = textwrap.indent(_WRAPPED_COMMENT, "   ")
    for button in ("View Comments", "Leave Comments", "View the discussion thread."):
        text = f"{menu}\n\nLibrary Stays Open\n\n{body}\n\n   {button}\n\n{thread}\n\n{thread}\n"
        plain = parse_text(text).plain_text()
        assert plain.count("council") == 4
        assert "Sundays" not in plain, button
    # a bare "Comments" at the body's margin is a table's cell, not the thread's heading
    text = f"{menu}\n\nLibrary Stays Open\n\n{body}\n\n   Comments\n\n{body}\n"
    assert parse_text(text).plain_text().count("council") == 8


def test_is_comments_button() -> None:
    from articlekit.text.vocab import is_comments_button

    assert is_comments_button("View Comments") and is_comments_button("Add Your Comment")
    assert is_comments_button("LOG IN TO COMMENT") and is_comments_button("Show all comments")
    assert not is_comments_button("Comments") and not is_comments_button("12 Comments")
    assert not is_comments_button("View comments of readers on the new library opening hours")


def test_a_short_notice_weighs_at_least_as_a_short_line() -> None:
    notice = PieceStats(chars=19, words=3, link_chars=0, sentence=False, notice=True)
    paragraph = Piece(kind="paragraph", first=0, last=0)
    assert score_piece(paragraph, notice) == -SHORT_PIECE_PENALTY_CHARS
    long_notice = PieceStats(chars=300, words=50, link_chars=0, sentence=True, notice=True)
    assert score_piece(paragraph, long_notice) == -300


def test_a_footer_under_a_short_copyright_line_stays_out() -> None:
    # a footer's "Copyright © Example" over the site's legal links after the article
    body = "\n\n".join([PROSE] * 3)
    footer = "• Copyright © Example\n\nImprint\n\nPrivacy\n\nArchive\n"
    text = f"A Title Line\n\n{body}\n\n{footer}"
    plain = parse_text(text).plain_text()
    assert "Copyright" not in plain and plain.count("council") == 3


def test_a_footer_list_holding_a_notice_weighs_as_its_items() -> None:
    # links prints a footer's copyright and legal links as one list: as a notice it must
    # weigh no less against the article than its items did
    body = "\n\n".join([PROSE] * 3)
    footer = "   * Copyright © Example\n   * [IMG]\n   * Imprint\n   * Privacy\n"
    plain = parse_text(f"A Title Line\n\n{body}\n\n{footer}").plain_text()
    assert "Imprint" not in plain and plain.count("council") == 3


def test_a_pages_headline_over_its_prose_is_the_title_not_its_first_line() -> None:
    # a text browser prints the page from its top: a skip link, then menus, then the
    # section kicker and the story's headline over its byline and prose
    body = "\n\n".join([WRAPPED] * 4)
    head = "Local Politics\n\nCity Library Stays Open for Five More Years\n\nBy Jane Roe"
    doc = parse_text(f"Skip to main content\n\n{_MENU}\n\n{head}\n\n{body}\n\n{_MENU}\n")
    assert doc.title == "City Library Stays Open for Five More Years"
    assert doc.metadata.authors == ("Jane Roe",)
    plain = doc.plain_text()
    assert "Skip to" not in plain and "Local Politics" not in plain and "Five More" not in plain
    assert plain.count("council") == 4


def test_a_first_line_that_names_the_story_stays_the_title() -> None:
    body = "\n\n".join([WRAPPED] * 4)
    first = "City Library Stays Open for Five More Years - The Example Times"
    head = "City Library Stays Open for Five More Years\n\nBy Jane Roe"
    doc = parse_text(f"{first}\n\n{_MENU}\n\n{head}\n\n{body}\n\n{_MENU}\n")
    assert doc.title == first
    # a short kicker alone above the prose is no headline: the first line stays
    top = f"Weekly Digest Of Town News\n\n{_MENU}\n\nDubai Airshow"
    doc = parse_text(f"{top}\n\n{body}\n\n{_MENU}\n")
    assert doc.title == "Weekly Digest Of Town News"


def test_a_first_line_with_the_headlines_words_says_it() -> None:
    from articlekit.text.parser import _says_headline

    headline = "'We Got Her!' Video Shows a Rescue"
    assert _says_headline("'We Got Her!': Video Shows a Rescue - NBC 5", headline)
    assert not _says_headline("Skip to main content", "City Library Stays Open for Five More Years")


def test_a_section_heading_without_a_byline_is_no_headline() -> None:
    # an article's first line is its title; a heading over its prose with no byline or
    # date under it is a section's, even past a run of short lines
    body = "\n\n".join([WRAPPED] * 4)
    text = f"Node Profiling in Production\n\n{_MENU}\n\nWhy Monitoring Matters for Us\n\n{body}\n"
    doc = parse_text(f"{text}\n{_MENU}\n")
    assert doc.title == "Node Profiling in Production"


def _product_section(name: str) -> str:
    return (
        f"{name}\n\nPros\n\n  • Boils fast\n  • Quiet lid\n  • Cheap\n\n"
        "Cons\n\n  • Short cord\n  • No filter\n\n"
        f"The {name} heats a litre of water in under three minutes, and its lid stays\n"
        "quiet when it clicks off, which matters more than you would think at night.\n"
    )


def test_a_buying_guides_repeated_section_labels_keep_its_sections() -> None:
    # "Pros" and "Cons" over short lists in every product's section: lead-ins to their
    # lists, not menus, so the guide's sections stay with its opening
    menu = "\n\n".join(["Home", "Blog", "About", "Contact", "Archive", "Search", "Login"])
    names = ("Acme One", "Brio Two", "Cora Three", "Dot Four")
    body = "\n\n".join([WRAPPED] * 2) + "\n\n" + "\n\n".join(map(_product_section, names))
    plain = parse_text(f"{menu}\n\n{body}\n\n{menu}\n\n{menu}\n").plain_text()
    assert "council" in plain
    assert all(f"The {name} heats" in plain for name in names)
    assert plain.count("Short cord") == len(names)


_MEAL_PLAN = """Plan {letter}

Breakfast

Eat within an hour of waking

Two eggs scrambled with spinach and half a cup of oats cooked in water, with a
handful of blueberries and a spoon of yoghurt stirred in at the end.

Snack

Eat between meals

Lunch

Eat at noon or a little after

Grilled chicken over a cup of brown rice with roasted peppers, courgettes and a
spoon of olive oil, and an apple or a pear after it if you are still hungry.
"""


def test_a_templated_articles_repeated_labels_keep_its_sections() -> None:
    # four plans, each a stack of the same short labels over one line of prose: lead-ins,
    # not furniture, so the opening and the first plans stay with the last one
    menu = "\n".join(f"  • {w}" for w in ("Home", "Workouts", "Nutrition", "Recipes", "Shop"))
    menu += "\n" + "\n".join(f"  • {w}" for w in ("Coaching", "Community", "About", "Jobs"))
    opening = (
        "This plan keeps every meal simple, so that you can cook once and eat well for the\n"
        "whole week without counting anything but the containers.\n"
    )
    plans = "\n".join(_MEAL_PLAN.format(letter=letter) for letter in "ABCD")
    text = (
        f"Search: [ ] Go\n\n{menu}\n\nSign in | Register | Subscribe\n\n"
        f"A week of meals for the training plan\n\n{opening}\n{plans}\nShare\n\n{menu}\n\n"
        "Privacy | Terms | Cookies\n\n© 2024 Example Fitness\n"
    )
    plain = parse_text(text).plain_text()
    assert "This plan keeps every meal simple" in plain
    assert "Plan A" in plain and plain.count("Eat within an hour of waking") == 4
    assert "Workouts" not in plain


def test_a_label_repeated_over_no_prose_stays_furniture() -> None:
    from articlekit.text.boilerplate import PieceStats
    from articlekit.text.lines import Layout
    from articlekit.text.parser import _Context, _repeated_labels

    ctx = _Context(Layout(), [], None, {})
    texts = [
        text
        for title in ("Ferries stop", "Bridge reopens", "Pier repaired")
        for text in ("0shares", title, "A sentence of prose between the cards.")
    ]
    live = [Piece(kind="paragraph", first=i, last=i, text=t) for i, t in enumerate(texts)]
    scores = [-80.0, -80.0, 300.0] * 3
    stats = [
        PieceStats(chars=len(t), words=len(t.split()), link_chars=0, sentence=False) for t in texts
    ]
    assert _repeated_labels(live, scores, stats, ctx) == []
    # nor is a label said once over each card's prose: it does not stack
    texts = ["Learn More", "A sentence of prose between the cards."] * 3
    live = [Piece(kind="paragraph", first=i, last=i, text=t) for i, t in enumerate(texts)]
    stats = [
        PieceStats(chars=len(t), words=len(t.split()), link_chars=0, sentence=False) for t in texts
    ]
    assert _repeated_labels(live, [-80.0, 300.0] * 3, stats, ctx) == []
    # two labels stacked over each section's prose are its template
    texts = ["Breakfast", "Eat within an hour", "A sentence of prose in each section."] * 3
    live = [Piece(kind="paragraph", first=i, last=i, text=t) for i, t in enumerate(texts)]
    stats = [
        PieceStats(chars=len(t), words=len(t.split()), link_chars=0, sentence=False) for t in texts
    ]
    # (prose above the first label and below the last: the template stands in the article)
    texts = ["An opening sentence of the article.", *texts, "A closing sentence."]
    live = [Piece(kind="paragraph", first=i, last=i, text=t) for i, t in enumerate(texts)]
    stats = [
        PieceStats(chars=len(t), words=len(t.split()), link_chars=0, sentence=False) for t in texts
    ]
    scores = [300.0, *[-80.0, -80.0, 300.0] * 3, 300.0]
    assert _repeated_labels(live, scores, stats, ctx) == [1, 2, 4, 5, 7, 8]
    # the same stacks at the page's end, no prose below the last: no section of the article
    assert _repeated_labels(live[:-2], scores[:-2], stats[:-2], ctx) == []
    assert _repeated_labels(live[1:], scores[1:], stats[1:], ctx) == []


def test_a_menus_repeated_column_label_is_no_section_label() -> None:
    # the same label over each column of a menu, with no prose between the columns
    column = "Shop all\n\n  • Kettles\n  • Toasters\n  • Mixers\n  • Blenders"
    menu = "\n\n".join([column] * 5)
    site = "\n\n".join(["Home", "Blog", "About", "Contact", "Archive", "Search", "Login"])
    body = "\n\n".join([WRAPPED] * 3)
    plain = parse_text(f"{site}\n\n{menu}\n\n{body}\n\n{menu}\n").plain_text()
    assert "council" in plain
    assert "Toasters" not in plain


def test_section_labels_said_a_dozen_times_are_no_repeated_furniture() -> None:
    # twelve products: "Pros" and "Cons" come back often enough to read as a line the
    # page repeats (a picture's alt text), but each stands over its list
    menu = "\n\n".join(["Home", "Blog", "About", "Contact", "Archive", "Search", "Login"])
    names = [f"Kettle Model {chr(65 + i)}" for i in range(12)]
    body = "\n\n".join([WRAPPED] * 2) + "\n\n" + "\n\n".join(map(_product_section, names))
    doc = parse_text(f"{menu}\n\n{body}\n\n{menu}\n\n{menu}\n")
    plain = doc.plain_text()
    assert plain.count("Short cord") == len(names)
    assert plain.count("Pros") == len(names)


def test_a_tutorials_listings_between_prose_are_neutral_on_a_page() -> None:
    from articlekit.text.lines import detect_layout, split_lines
    from articlekit.text.parser import _Context, _listings_between_prose

    text = (
        "A generic function works with any type of data you hand to it, and the\n"
        "compiler checks each call for you.\n"
        "\n"
        "Terminal\n"
        "\n"
        "function identity<T>(arg: T): T {\n"
        "    return arg;\n"
        "}\n"
        "\n"
        "let out = identity<string>('Hello'); // out: string\n"
        "console.log(out);\n"
        "\n"
        "Here the type parameter T stands for the type of the argument, and the\n"
        "function returns a value of that same type to its caller.\n"
        "\n"
        "Author:\n"
        "    Ann Lee\n"
    )
    lines = split_lines(text)
    ctx = _Context(detect_layout(lines), {}, lines)
    spans = [(0, 1), (3, 3), (5, 7), (9, 10), (12, 13), (15, 16)]
    live = [
        Piece(kind="paragraph", first=a, last=b, text=" ".join(lines.text[a : b + 1]))
        for a, b in spans
    ]
    for piece, (a, b) in zip(live, spans, strict=True):
        piece.line_count = b - a + 1
    scores = [120.0, -80.0, -80.0, -80.0, 130.0, -80.0]
    # the two listings under their label, prose above and below: neutral
    assert _listings_between_prose(live, scores, ctx) == [2, 3]
    # with no prose under them they stay short lines (script junk at a page's end)
    assert _listings_between_prose(live[:4], scores[:4], ctx) == []
    # and so does a header block set at two indents, which has no code punctuation
    assert 5 not in _listings_between_prose(live + live[4:5], [*scores, 130.0], ctx)


def test_a_ranking_of_labelled_entries_is_neutral_on_a_page() -> None:
    from articlekit.text.lines import detect_layout, split_lines
    from articlekit.text.parser import _Context, _labelled_entries, _stats

    lines = split_lines("x\n")
    ctx = _Context(detect_layout(lines), {}, lines)
    texts = [
        "This year I read every list so that you do not have to, and counted them.",
        "21 lists:",
        "Ann Lee, The Quiet Harbour Bo Chen, Salt and Iron",
        "20 lists:",
        "Cara Diaz, The Long Field",
        "19 lists:",
        "Dan Eze, Nine Rivers Eve Fox, The Glass Year",
        "Ann Lee is the managing editor of the review.",
    ]
    live = [Piece(kind="paragraph", first=i, last=i, text=t) for i, t in enumerate(texts)]
    stats = [_stats(p, ctx) for p in live]
    scores = [300.0, -80.0, -80.0, -80.0, -80.0, -80.0, -80.0, 120.0]
    # three labels, each over its entries: the six pieces are the article's
    assert _labelled_entries(live, scores, stats, ctx) == [1, 2, 3, 4, 5, 6]
    # two are too few to tell a list article from a footer's "Phone:" / "Email:"
    assert _labelled_entries(live[:5], scores[:5], stats[:5], ctx) == []


def test_a_side_column_of_link_lists_with_a_blurb_is_furniture_on_a_page() -> None:
    lst = Piece(kind="list", first=0, last=59)
    # 60 items, two of them sentences (a quote and a blurb), the rest menu entries
    column = PieceStats(
        chars=1200,
        words=200,
        link_chars=0,
        sentence=True,
        items=60,
        prose_items=2,
        prose_item_chars=400,
    )
    assert score_piece(lst, column, page=True) < 0
    # an article's list of steps with a few short items among them keeps its prose
    steps = PieceStats(
        chars=900,
        words=150,
        link_chars=0,
        sentence=True,
        items=12,
        prose_items=6,
        prose_item_chars=600,
    )
    assert score_piece(lst, steps, page=True) == 300
    # so does a long list whose sentences are a good share of it
    glossary = replace(column, items=40, prose_items=8, prose_item_chars=1600)
    assert score_piece(lst, glossary, page=True) == 800


def test_a_side_column_before_the_article_does_not_lead_it() -> None:
    # w3m prints a left side column (categories with counts, a quoted saying, archives)
    # as one list above the article: the sayings' sentences do not make it article text
    categories = "\n".join(f"      \u25a1 Category number {i} ({i + 3})" for i in range(40))
    saying = (
        "  \u2022 Remember: patience is the companion of wisdom, and those who wait for the\n"
        "    right moment to speak are listened to more than those who shout first.\n"
        "    Words spoken in anger are seldom wise, and the wise man counts to ten before\n"
        "    he answers anyone who has wronged him in front of his friends and family."
    )
    archives = "\n".join(f"      \u25a1 March {2000 + i}" for i in range(12))
    column = (
        f"  \u2022 Categories\n\n{categories}\n{saying}\n{saying}\n  \u2022 Archives\n\n{archives}"
    )
    body = "\n\n".join([WRAPPED] * 5)
    byline = "Posted on March 3, 2015 by Admin"
    text = f"{_MENU}\n\n{column}\n\nThe Library Stays Open\n\n{byline}\n\n{body}\n\n{_MENU}\n"
    doc = parse_text(text)
    assert doc.title == "The Library Stays Open"
    plain = doc.plain_text()
    assert plain.count("council") == 5
    assert "Category number" not in plain
    assert "patience" not in plain


def test_a_text_of_hardly_any_prose_keeps_what_stands_before_its_best_run() -> None:
    # a checklist page: its longest block is a quoted poem, its lists weigh as menus
    text = (
        "Camping checklist\n\nPack the night before.\n\n"
        "- A tent\n- Camping stove\n- Sleeping bag\n- Torch\n\nCheck the weather.\n\n"
        "> The mountains are calling,\n> and I must go,\n"
        "> wrote John Muir in a letter to his sister, and we have all felt it since.\n"
    )
    plain = to_text(parse_text(text))
    assert "Pack the night before." in plain
    assert "Sleeping bag" in plain
    assert "John Muir" in plain
    # a menu of single words over the same text is still no article's
    menu = "- Home\n- News\n- Shop\n- Contact\n\n"
    assert "Home" not in to_text(parse_text(menu + text))
