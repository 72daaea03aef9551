"""Inferred headings in text that does not mark them (w3m): the shape rules, one by one."""

from __future__ import annotations

import pytest

from articlekit.model import Heading, Paragraph, plain_text
from articlekit.text import parse_text
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
        ("And they saw her wearing Chozo armour. [M1]", False),  # a sentence, then a mark
        ("Related: Chicago is America's most segregated city", False),  # a teaser
        ("Learn More: Video Marketing 101", False),
        # the "read this too" label in more languages: a teaser, no heading
        ("También puede leer: Quintero dijo algo en Antioquia", False),
        ("Leia também: Outra notícia sobre o tema", False),
        ("Leggi anche: Un altro articolo", False),
        ("Lees ook: Een ander verhaal", False),
        ("Czytaj też: Inny artykuł", False),
        ("Lees ook de krant", True),  # no colon: a title
        ("Map: Flow of foreign fighters to Syria", False),  # a graphic's label
        ("View photo", False),
        ("Gallery: Xbox One X | 14 Photos", True),
        ("Part One: The Wars in Heaven", True),
        ("Traditionally, your options are limited: either", False),  # goes on below
        ("Más en Opinión ›", False),  # a link to more
        ("Les « boîtes noires »", True),
        ("$150K Pearl Oscar Dress", True),  # a dollar amount is not a prompt
        ("这是一段正文内容。", False),  # CJK full stop closes a sentence
        ("1) performance overhead", False),  # a numbered point in lower case
        ("2. security", False),
        ("2. Results", True),  # a numbered section title
        ("3) Élan vital", True),
        ("And now, CPU profiling on-demand!", True),  # an exclamation may end a heading
        ("Picture-in-Picture", True),  # a compound, not a picture's label
        ("Picture: Jane Doe", False),
        ("\u201cStop right there!\u201d", False),  # ... not speech in quotes
        ("We tried it, and it worked.", False),
        ("Powered by SmartAsset.com", False),  # a widget's credit
        ("Illustration for article titled The Story Of Metroid", False),  # lead alt text
        ("Task State Transitions [Fig 2]", False),  # a figure's title with its number
        ("Overview (Figure 3)", False),
        ("Figures and Tables", True),
        ("Video is the Ultimate Engagement Tool for Marketers", True),  # about the medium
        ("Video: The Launch", False),  # a player's label
        ("Read the full transcript of his interview", False),  # a link to more
        ("From Wikipedia, the free encyclopedia", False),  # a wiki's tagline
        ("From Wikimedia Commons, the free media repository", False),
        ("Comments (5 posted)", False),  # a link to the comments, with their count
        ("Comments (12)", False),
        ("Comments and Replies", True),
        ("Devindra Hardawar/AOL", False),  # a picture's credit: name/agency
        ("Mike Watson Images/Moodboard/Getty", False),
        ("Input/Output", True),
        ("TCP/IP Basics", True),
        ("New York/New Jersey", True),
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


def _blocks(text: str) -> list[tuple[str, str]]:
    """Return (kind, text) of the top-level blocks ``parse_text`` finds."""
    from articlekit.model import Heading, List, Paragraph, plain_text
    from articlekit.text import parse_text

    out: list[tuple[str, str]] = []
    for block in parse_text(text).blocks:
        if isinstance(block, Heading):
            out.append(("heading", plain_text(block)))
        elif isinstance(block, Paragraph):
            out.append(("paragraph", plain_text(block)))
        elif isinstance(block, List):
            out.append(("list", ""))
        else:
            out.append((type(block).__name__.lower(), ""))
    return out


_LYNX_PROSE = (
    "   Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod\n"
    "   tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim\n"
    "   veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea\n"
    "   commodo consequat, as the [1]report says.\n"
)
_LYNX_REFERENCES = "\nReferences\n\n   1. https://example.org/report\n"


def test_lynx_numbered_line_at_the_body_margin_is_a_paragraph() -> None:
    # lynx sets headings flush left; "1. Take ..." at the 3-column margin is a <p>
    text = (
        "A Hotel Story\n\n"
        + _LYNX_PROSE
        + "\n   1. Take any blankets off the bed\n\n"
        + _LYNX_PROSE
        + "\n2. Check the peep hole\n\n"
        + _LYNX_PROSE
        + _LYNX_REFERENCES
    )
    blocks = _blocks(text)
    assert ("paragraph", "1. Take any blankets off the bed") in blocks
    assert ("heading", "2. Check the peep hole") in blocks
    assert ("list", "") not in blocks


_W3M_PROSE = (
    "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor\n"
    "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis\n"
    "nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.\n"
)


def test_w3m_line_two_blank_lines_apart_is_a_caption_not_a_heading() -> None:
    # w3m: headings one blank line from their neighbours; a figure's caption two
    text = (
        "A Profiling Story\n\n"
        + _W3M_PROSE
        + "\nResources\n\n"
        + _W3M_PROSE
        + "\n[1]\n\n\nMemory leak in action\n\n"
        + _W3M_PROSE
        + "\nConclusion\n\n"
        + _W3M_PROSE
    )
    blocks = _blocks(text)
    assert ("heading", "Resources") in blocks
    assert ("heading", "Conclusion") in blocks
    # not a heading: the caption of the picture w3m showed as "[1]" (mark_captions)
    assert ("heading", "Memory leak in action") not in blocks
    assert ("figure", "") in blocks


def test_headings_set_apart_by_their_own_style_stay_headings() -> None:
    # a typed text that puts two blank lines around every heading
    text = "Notes\n\n" + "".join(
        f"\n\nPart {name}\n\n\n" + _W3M_PROSE for name in ("One", "Two", "Three")
    )
    blocks = _blocks(text)
    assert [b for b in blocks if b[0] == "heading"] == [
        ("heading", f"Part {name}") for name in ("One", "Two", "Three")
    ]


def test_lynx_article_of_lists_keeps_its_flush_left_headings() -> None:
    # few lines at lynx's 3-column margin (the article is lists), still every flush-left
    # line is a heading, two stacked ones included
    item = "     * An item that says what changed in this release of the [1]browser\n"
    text = (
        "                          Release Notes\n\n"
        "Project Updates\n\nAdd-ons\n\n" + item * 6 + "\nPrinting\n\n" + item * 6 + _LYNX_REFERENCES
    )
    headings = [b for b in _blocks(text) if b[0] == "heading"]
    assert headings == [
        ("heading", "Project Updates"),
        ("heading", "Add-ons"),
        ("heading", "Printing"),
    ]


def test_a_slight_line_is_no_body_text_under_a_heading() -> None:
    # "Links" over "link" lines is a label, not a heading; "Foo" over prose is one
    text = "A Test Page\n\n" + _W3M_PROSE + "\nLinks\n\nlink\n\nlink\n\nFoo\n\n" + _W3M_PROSE
    blocks = _blocks(text)
    assert ("paragraph", "Links") in blocks
    assert ("heading", "Foo") in blocks


def test_lower_case_name_with_a_section_anchor_is_a_heading() -> None:
    text = "Mozilla\n\n" + _W3M_PROSE + "\npdf.js[edit]\n\n" + _W3M_PROSE
    assert ("heading", "pdf.js[edit]") in _blocks(text)


def test_w3m_line_set_in_is_no_heading() -> None:
    # a centred table caption in w3m output; the same line flush left is a heading
    caption = "                    Largest urban areas in New Zealand\n\n"
    text = "Cities\n\n" + _W3M_PROSE + "\n" + caption + _W3M_PROSE
    assert ("paragraph", "Largest urban areas in New Zealand") in _blocks(text)
    assert ("heading", "Largest urban areas in New Zealand") in _blocks(text.replace(" " * 20, ""))


def test_unwrapped_copy_line_two_blank_lines_apart_is_no_heading() -> None:
    # the same figure in a copy with one line per paragraph (no wrapping)
    prose = _W3M_PROSE.replace("\n", " ").strip() + "\n"
    text = "A Story\n\n" + prose + "\nResources\n\n" + prose + "\n[1]\n\n\nMemory leak\n\n" + prose
    blocks = _blocks(text)
    assert ("heading", "Resources") in blocks
    assert ("paragraph", "Memory leak") in blocks


def test_flush_left_link_to_more_is_no_heading() -> None:
    # a section's "more" link stands flush left under its heading, like the heading
    text = (
        "Front Page\n\n"
        + _LYNX_PROSE
        + "\nOpinion\n\nMore in Opinion ›\n\n"
        + _LYNX_PROSE
        + _LYNX_REFERENCES
    )
    blocks = _blocks(text)
    assert ("heading", "Opinion") in blocks
    assert ("heading", "More in Opinion ›") not in blocks


def test_contents_found_below_too_seldom_are_not_followed() -> None:
    # a list that only looks like contents (numbered, few entries come back as lines)
    # neither promotes nor demotes anything
    steps = "".join(f"  • {n} Step number {n} of the recipe\n" for n in range(1, 7))
    text = (
        "A Recipe\n\nContents\n\n" + steps + "\n" + _W3M_PROSE + "\nServing Suggestions\n\n"
    ) + _W3M_PROSE
    assert ("heading", "Serving Suggestions") in _blocks(text)


def test_whole_page_keeps_the_heading_right_above_its_article() -> None:
    # a page whose article opens with a heading over a list: the list scores below prose,
    # so the article's run starts under the heading; the heading stays with it
    menu = "".join(f"{word}\n\n" for word in ("Home", "News", "Sport", "Weather", "About"))
    menu += "Contact\n\nLogin\n\n"
    item = "  • Item {} is a long line of a list of what changed this week in the browser\n"
    items = "".join(item.format(n) for n in range(1, 6))
    footer = "".join(f"{word}\n\n" for word in ("Privacy", "Terms", "Cookies", "Careers"))
    text = (
        "Weekly Notes – The Browser Blog\n\n"
        + menu
        + "Highlights\n\n"
        + items
        + ("\n" + _W3M_PROSE) * 4
        + "\nPress\n\nHelp\n\n"
        + footer
    )
    blocks = _blocks(text)
    assert blocks[:2] == [("heading", "Highlights"), ("list", "")]
    assert ("paragraph", "Login") not in blocks  # the menu above it still goes


def test_aligned_table_row_is_no_heading() -> None:
    # a table row w3m lays out in columns, one between blank lines (a browser copy of a
    # wide table): the column gaps say it is a row, not a heading
    prose = _W3M_PROSE.replace("\n", " ").strip() + "\n"
    row = "Gmail                    17.8 MB        7.6 MB (-57%)\n"
    text = "App Updates\n\n" + prose + "\n" + row + "\n" + prose
    blocks = _blocks(text)
    assert ("heading", "Gmail 17.8 MB 7.6 MB (-57%)") not in blocks


def test_cjk_caption_flush_left_of_an_indented_body_is_no_heading() -> None:
    # Chinese paragraphs open with an ideographic indent; a caption flush left of them
    # ends in a full stop: a sentence, not a heading
    sentence = "我们了解到不少学子对两会的关注点多与自己所学专业相关，这是一段正文内容。"
    body = "\u3000\u3000" + sentence * 3
    text = (
        "留学生看两会\n\n"
        + body
        + "\n\n图为卢宇与祖国五星红旗和联合国会旗的合影。\n\n"
        + "\n\n".join([body] * 5)
        + "\n"
    )
    blocks = _blocks(text)
    assert ("heading", "图为卢宇与祖国五星红旗和联合国会旗的合影。") not in blocks
    assert ("paragraph", "图为卢宇与祖国五星红旗和联合国会旗的合影。") in blocks


def test_numbered_heading_may_end_in_an_exclamation_mark() -> None:
    # a countdown of films: "15) Mother!" is the film's title, numbered
    text = "The Best Films of the Year\n\n" + _W3M_PROSE + "\n15) Mother!\n\n" + _W3M_PROSE
    text += "\n14) A Ghost Story\n\n" + _W3M_PROSE
    blocks = _blocks(text)
    assert ("heading", "15) Mother!") in blocks
    assert ("heading", "14) A Ghost Story") in blocks
    assert ("list", "") not in blocks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("THE RESULTS", True),
        ("(UNDERSTATEMENT OF THE YEAR)", False),  # an aside in brackets
        ("TNW中文站2016年10月14日07:17", False),  # a dateline: digits and CJK have no case
        ("MARCH 5, 2024", False),
    ],
)
def test_caps_line_shape(text: str, expected: bool) -> None:
    from articlekit.text.parser import _is_caps_line

    assert _is_caps_line(text) is expected


def test_tall_stack_of_short_lines_heads_with_its_first_and_last_line() -> None:
    # three short lines over prose: the first opens a section, the last stands right over
    # its text; the line between is a name the page typed as a line (or alt text)
    text = "Friends\n\n" + _W3M_PROSE + "\nThe Sites\n\nThe Loop\n\nMac Stories\n\n"
    text += _W3M_PROSE + "\nProject Updates\n\nAdd-ons\n\n" + _W3M_PROSE
    headings = [b for b in _blocks(text) if b[0] == "heading"]
    assert headings == [
        ("heading", "The Sites"),
        ("heading", "Mac Stories"),
        ("heading", "Project Updates"),
        ("heading", "Add-ons"),  # two stacked lines are both headings
    ]
    assert ("paragraph", "The Loop") in _blocks(text)


def test_line_over_dropped_pictures_then_a_heading_is_no_heading() -> None:
    # w3m prints pictures without alt text by file name ("[baz]", no text: dropped); a
    # label over them, with a heading under them, heads the pictures, not the text
    pictures = "[baz]\n\n[baz]\n\n"
    text = "Title Line\n\n" + _W3M_PROSE + "\nImages\n\n" + pictures + "Foo\n\n" + _W3M_PROSE
    blocks = _blocks(text)
    assert ("heading", "Foo") in blocks
    assert ("heading", "Images") not in blocks
    assert ("paragraph", "Images") in blocks
    # with nothing between them the two lines stack: a section over its first subsection
    stacked = _blocks(text.replace(pictures, ""))
    assert ("heading", "Images") in stacked and ("heading", "Foo") in stacked
    # a heading over a picture, then prose, stays a heading
    over_picture = _blocks("Title Line\n\n" + _W3M_PROSE + "\nImages\n\n" + pictures + _W3M_PROSE)
    assert ("heading", "Images") in over_picture


def test_short_lines_a_lead_in_introduces_are_no_headings() -> None:
    # three or more short lines right under a lead-in ending in a colon are the names it
    # introduces (a blogroll typed as lines), not the headings of a stack
    names = "Daring Fireball\n\nThe Loop\n\nSix Colors\n\nMac Stories\n\n"
    lead_in = "Again, the sites that are friends of the show:\n\n"
    text = "Title Line\n\n" + _W3M_PROSE + "\n" + lead_in + names + _W3M_PROSE
    blocks = _blocks(text)
    assert [b for b in blocks if b[0] == "heading"] == []
    assert ("paragraph", "Daring Fireball") in blocks
    # without the colon the stack heads with its first and last line
    stacked = _blocks(text.replace("show:", "show."))
    assert [b for b in stacked if b[0] == "heading"] == [
        ("heading", "Daring Fireball"),
        ("heading", "Mac Stories"),
    ]
    # one line after a lead-in, over body text, stays a heading
    single = _blocks(
        "Title Line\n\n" + _W3M_PROSE + "\n" + lead_in + "Mac Stories\n\n" + _W3M_PROSE
    )
    assert ("heading", "Mac Stories") in single


def test_lines_under_a_wrapped_headline_are_teaser_titles() -> None:
    # a row of teaser titles in an article: the first long enough to wrap, the others
    # one line each; a section heading under a paragraph never wraps like that
    headline = (
        "Pizzeria Owners Make Extraordinary Deliveries Halfway Around the World During\n"
        "Super Bowl\n\n"
    )
    titles = (
        "Redesigned Scopes Fail to Stop Outbreaks\n\nPenguin Post Office Attracts Applicants\n\n"
    )
    text = "Title Line\n\n" + _W3M_PROSE * 2 + "\n" + headline + titles + _W3M_PROSE * 2
    blocks = _blocks(text)
    assert [b for b in blocks if b[0] == "heading"] == []
    assert ("paragraph", "Penguin Post Office Attracts Applicants") in blocks
    # under a paragraph of prose the same lines head the text (first and last of a stack)
    prose = _blocks(text.replace(headline, ""))
    assert ("heading", "Redesigned Scopes Fail to Stop Outbreaks") in prose
    assert ("heading", "Penguin Post Office Attracts Applicants") in prose


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x ˙ = σ ( y − x ) y ˙ = ρ x − y − x z", True),  # MathML, one symbol a token
        ("( ∑ k = 1 n a k b k ) 2 ≤ ( ∑ k = 1 n a k 2 )", True),
        ("a = b", False),  # too short to tell
        ("x y z u v w t s", False),  # no sign of mathematics
        ("• • • • □ □ □ □ ORDER REPRINT →", False),  # a share bar: no variables
        ("The sum of two Hermitian matrices is Hermitian: A + B = C.", False),  # prose
    ],
)
def test_formula_line_shape(text: str, expected: bool) -> None:
    from articlekit.text.parser import _is_formula

    assert _is_formula(text) is expected


def test_headings_over_display_formulas_are_kept() -> None:
    # a page of mathematics: each formula (MathML printed one symbol a token) under its
    # heading; the headings and formulas between the title and the prose are the article
    # (scored as short lines, they were cut off as a menu above the prose)
    sections = "".join(
        f"{name}\n\nx ˙ = σ ( y − x ) y ˙ = ρ x − y − x z z ˙ = − β z + x y + {n}\n\n"
        for n, name in enumerate(
            ["The Lorenz Equations", "A Cross Product", "An Identity", "The Inequality"] * 3
        )
    )
    formula = "x ˙ = σ ( y − x ) y ˙ = ρ x − y − x z z ˙ = − β z + x y\n\n"
    text = "Samples of Mathematics\n\n" + formula + sections + "Prose\n\n" + _W3M_PROSE
    blocks = _blocks(text)
    assert ("heading", "The Lorenz Equations") in blocks
    assert sum(1 for b in blocks if b[0] == "heading") == 13


def test_line_over_a_picture_then_text_is_a_heading() -> None:
    # a section that opens with a picture (w3m prints its file name or its generic alt
    # text), and a heading over the picture that ends the text
    text = "Title Line\n\n" + _W3M_PROSE + "\nSingle Picture\n\nAn image\n\n" + _W3M_PROSE
    text += "\nTest Case\n\nperformance.jpg\n"
    blocks = _blocks(text)
    assert ("heading", "Single Picture") in blocks
    assert ("heading", "Test Case") in blocks
    # over a caption that is more than a stand-in for the picture, no heading
    credit = _blocks(text.replace("An image", "Jane Doe/Reuters, March 2019"))
    assert ("heading", "Single Picture") not in credit


def test_stacked_line_naming_a_work_and_its_facts_is_no_subsection() -> None:
    # a heading over a bold lead-in that names a work with its data in brackets: the
    # lead-in is the section's first paragraph, not a subsection
    text = "Title Line\n\n" + _W3M_PROSE + "\nPour un trip sibérien\n\n"
    text += "Braguino (documentaire, 50min, Arte)\n\n" + _W3M_PROSE
    blocks = _blocks(text)
    assert ("heading", "Pour un trip sibérien") in blocks
    assert ("paragraph", "Braguino (documentaire, 50min, Arte)") in blocks
    # two facts in brackets are a heading's own words ("(Ernestas, Albert)")
    two = _blocks(text.replace("(documentaire, 50min, Arte)", "(Ernestas, Albert)"))
    assert ("heading", "Braguino (Ernestas, Albert)") in two


_POEM = "    Roses are red,\n    violets are blue,\n    sugar is sweet,\n    and so are you.\n"


@pytest.mark.parametrize(
    "text",
    [
        f"The poem reads:\n\n{_POEM}",
        f"The old poet\n\nThe poem reads:\n\n{_POEM}",
        "For forty years the poet walked the same path along the river every morning, and "
        f"the villagers set their clocks by him.\n\nThe poem reads:\n\n{_POEM}",
        "You will need:\n\n    - a tent\n    - a stove\n    - a sleeping bag\n",
    ],
)
def test_a_flush_lead_in_over_an_indented_block_is_body_text(text: str) -> None:
    # the indented block shows an indented body; the flush lead-in is no heading for it
    doc = parse_text(text)
    assert not any(
        isinstance(b, Heading) and plain_text(b.content).endswith(":") for b in doc.blocks
    )
    assert any(isinstance(b, Paragraph) and plain_text(b.content).endswith(":") for b in doc.blocks)
