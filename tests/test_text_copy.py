"""A browser's copy-paste (the HTML ``innerText``): detection and reading."""

from __future__ import annotations

from articlekit import to_text
from articlekit.model import CodeBlock, Heading, List, Paragraph, Table, plain_text
from articlekit.text import parse_text
from articlekit.text.lines import detect_layout, split_lines
from articlekit.text.rules import State, parse_blocks, tag_copy_item_runs

_PARAGRAPH = (
    "A paragraph of the article stands on a line of its own, as a browser copies it, "
    "with every sentence of it on that line and a blank line before and after it"
)


def _copy(*chunks: str) -> str:
    """Return a browser's copy: the chunks set apart by blank lines."""
    return "\n\n".join(chunks) + "\n"


def test_a_flush_unwrapped_text_with_blank_lines_is_a_browser_copy() -> None:
    text = _copy("The title", f"{_PARAGRAPH}.", "One\nTwo\nThree", f"{_PARAGRAPH} again.")
    layout = detect_layout(split_lines(text))
    assert layout.copy and layout.wrap_width is None and not layout.line_blocks


def test_indented_lines_or_spaces_on_empty_lines_are_no_browser_copy() -> None:
    # w3m without wraps sets its lists in; a scraper leaves spaces on an empty block's line
    for gap in ("\n\n", "\n      \n"):
        items = gap.join(f"  • item {i}" for i in range(4))
        text = f"The title\n\n{_PARAGRAPH}.{gap}{items}{gap}{_PARAGRAPH} again.\n"
        assert not detect_layout(split_lines(text)).copy


def test_lines_of_tabs_leave_a_browser_copy() -> None:
    # innerText writes a table's empty row as its tabs: no spaces a scraper left behind
    text = (
        f"The title\n\n{_PARAGRAPH}.\n\nName\tRole\n\t\nAda\tEngineer\n\t\t\n\n"
        f"{_PARAGRAPH} again.\n"
    )
    lines = split_lines(text)
    assert not any(lines.hard_break)
    assert detect_layout(lines).copy


def test_short_paragraphs_of_a_terminal_width_are_no_browser_copy() -> None:
    # w3m at 120 columns: no line runs past a terminal's width
    text = _copy("The title", _PARAGRAPH[:118] + ".", "One\nTwo\nThree", _PARAGRAPH[:118])
    assert not detect_layout(split_lines(text)).copy


def test_a_run_of_lines_between_blank_lines_is_a_list_without_markers() -> None:
    text = _copy(
        "The title",
        f"{_PARAGRAPH}.",
        "Most powerful hardware ever\nSolid selection of titles\nStill no VR support",
        f"{_PARAGRAPH} again.",
    )
    blocks = parse_text(text).blocks
    lists = [b for b in blocks if isinstance(b, List)]
    assert len(lists) == 1
    assert [plain_text(item.blocks[0].content) for item in lists[0].items] == [  # type: ignore[attr-defined]
        "Most powerful hardware ever",
        "Solid selection of titles",
        "Still no VR support",
    ]


def test_lines_of_one_paragraph_broken_by_br_stay_a_paragraph() -> None:
    # a sentence running on onto a lower-case line; a short label over its paragraph
    for run in (
        "The static method returns an error response,\nand the other one\nredirects it.",
        f"Executor\n{_PARAGRAPH}.\nIt runs each task.",
    ):
        text = _copy("The title", f"{_PARAGRAPH}.", run, f"{_PARAGRAPH} again.")
        blocks = parse_text(text).blocks
        assert not any(isinstance(b, List) for b in blocks)


def test_two_lines_or_program_text_are_no_list() -> None:
    for run in ("Photo\nCredit Jane Doe", "$ cd repo\n$ hg update\n1 files updated"):
        text = _copy("The title", f"{_PARAGRAPH}.", run, f"{_PARAGRAPH} again.")
        blocks = parse_text(text).blocks
        assert not any(isinstance(b, List) for b in blocks)
        assert any(isinstance(b, (Paragraph, CodeBlock)) for b in blocks)


def test_a_table_row_of_tabs_is_no_list_item() -> None:
    rows = "Film\tYear\nRepeat Performance\t1947\nThe Time Travelers\t1964"
    text = _copy("The title", f"{_PARAGRAPH}.", rows, f"{_PARAGRAPH} again.")
    assert not any(isinstance(b, List) for b in parse_text(text).blocks)


def test_a_heading_among_a_runs_lines_stands_alone() -> None:
    # innerText sets no blank line around a heading: it runs into the list under it
    items = [f"Item {i}: {_PARAGRAPH[:60]} and so on." for i in range(3)]
    run = "\n".join(["Was bringt Tubeless?", *items])
    text = _copy("The title", f"{_PARAGRAPH}.", run, f"{_PARAGRAPH} again.")
    blocks = parse_text(text).blocks
    lists = [b for b in blocks if isinstance(b, List)]
    assert len(lists) == 1 and len(lists[0].items) == 3
    texts = [plain_text(b.content) for b in blocks if isinstance(b, (Paragraph, Heading))]
    assert "Was bringt Tubeless?" in texts


def test_a_long_run_that_is_no_list_holds_a_block_per_line() -> None:
    # a page's <div>s one under another; "Weather and" / "climate" runs on, so no list
    run = "Home\nNews\nSport\nWeather and\nclimate today\nContact us\nAbout us"
    text = _copy("The title", f"{_PARAGRAPH}.", run, f"{_PARAGRAPH} again.")
    blocks = parse_text(text).blocks
    texts = [plain_text(b.content) for b in blocks if isinstance(b, (Paragraph, Heading))]
    texts += [item for items in _items(text) for item in items]  # (read as a list since)
    assert "Home" in texts and "News" in texts  # not "Home News Sport ..."
    # a short run that is no list stays one paragraph (a <p> broken by <br>)
    run = "Roses are red,\nviolets are blue,\nsugar is sweet"
    text = _copy("The title", f"{_PARAGRAPH}.", run, f"{_PARAGRAPH} again.")
    blocks = parse_text(text).blocks
    paragraphs = [plain_text(b.content) for b in blocks if isinstance(b, Paragraph)]
    assert any(p.startswith("Roses are red,") and p.endswith("sweet") for p in paragraphs)


def test_the_first_line_is_the_title_over_the_lines_under_it() -> None:
    # innerText sets no blank line under a title heading: only a <p> asks for one
    for under in ("By Jane Doe", "First point made\nSecond point made\nThird point made"):
        text = _copy(f"A Title Over Its Byline\n{under}", f"{_PARAGRAPH}.", f"{_PARAGRAPH} again.")
        doc = parse_text(text)
        assert doc.title == "A Title Over Its Byline"
    lists = [b for b in doc.blocks if isinstance(b, List)]
    assert len(lists) == 1 and len(lists[0].items) == 3


def test_a_line_that_breaks_a_numbered_runs_shape_is_its_heading() -> None:
    # innerText: a table of contents with its title over it and the first section's
    # heading right under it, no blank line around either
    toc = "Contents\n1 History\n1.1 Origins\n2 Values\n3 Software\nHistory"
    doc = parse_text(_copy("The title", f"{_PARAGRAPH}.", toc, f"{_PARAGRAPH} again."))
    lists = [b for b in doc.blocks if isinstance(b, List)]
    assert [plain_text(i.blocks[0]) for i in lists[0].items] == [
        "1 History",
        "1.1 Origins",
        "2 Values",
        "3 Software",
    ]
    texts = [plain_text(b) for b in doc.blocks if not isinstance(b, List)]
    assert "Contents" in texts and "History" in texts
    # a run whose lines share no number keeps every line as an item
    run = "Fresh apples from the farm\nRipe pears in a basket\nDark plums\nFigs dried in the sun"
    plain = parse_text(_copy("The title", f"{_PARAGRAPH}.", run, f"{_PARAGRAPH} again."))
    assert [len(b.items) for b in plain.blocks if isinstance(b, List)] == [4]


_LISTING = "SELECT avg(n)\n   FROM unnest(array[2, 3, 5]) AS n\n   WHERE n > 2;"


def test_a_listing_set_in_under_a_flush_first_line_leaves_a_browser_copy() -> None:
    # a <pre>'s first line stands flush with its body set in under it; w3m sets in whole
    # blocks (a list's items), which still tell a text browser's output
    text = _copy("The title", f"{_PARAGRAPH}.", _LISTING, f"{_PARAGRAPH} again.")
    lines = split_lines(text)
    assert detect_layout(lines).copy
    assert sum(1 for indent in lines.indent if indent) * 20 > len(lines)  # over 5% set in
    items = "\n".join(f"  • item {i}" for i in range(8))
    text = _copy("The title", f"{_PARAGRAPH}.", items, f"{_PARAGRAPH} again.")
    assert not detect_layout(split_lines(text)).copy


def test_a_run_holding_set_in_lines_is_one_listing() -> None:
    text = _copy("The title", f"{_PARAGRAPH}.", _LISTING, f"{_PARAGRAPH} again.")
    blocks = parse_text(text).blocks
    code = [b for b in blocks if isinstance(b, CodeBlock)]
    assert [b.code for b in code] == [_LISTING]
    assert not any(isinstance(b, List) for b in blocks)


def test_a_heading_right_under_a_listing_is_no_program_text() -> None:
    # innerText sets no blank line between a <pre> and the heading under it
    listing = "fetch(url).then(function(r) {\n  return r.json();\n});"
    text = _copy("The title", f"{_PARAGRAPH}.", f"{listing}\nFuture plans", f"{_PARAGRAPH} again.")
    blocks = parse_text(text).blocks
    assert [b.code for b in blocks if isinstance(b, CodeBlock)] == [listing]
    assert [plain_text(b.content) for b in blocks if isinstance(b, Heading)] == ["Future plans"]
    # a listing's last line of output stays in it: no program text closes the line above
    output = "$ ls -l\n  total 0\n  drwxr-xr-x  2 root\nDone"
    text = _copy("The title", f"{_PARAGRAPH}.", output, f"{_PARAGRAPH} again.")
    code = [b.code for b in parse_text(text).blocks if isinstance(b, CodeBlock)]
    assert code and code[0].endswith("Done")


def test_a_quote_set_in_or_a_table_row_is_no_listing() -> None:
    quote = "    " + _PARAGRAPH + "."
    rows = "Rank\tName\n\tWellington\n2\tAuckland"
    for run in (quote, rows):
        text = _copy("The title", f"{_PARAGRAPH}.", run, f"{_PARAGRAPH} again.", f"{_PARAGRAPH}!")
        assert not any(isinstance(b, CodeBlock) for b in parse_text(text).blocks)


def test_table_rows_make_a_text_without_blank_lines_a_copy() -> None:
    # innerText sets blank lines only around a <p>: a page of tables and lists has few
    rows = "\n".join(f"Film {i}\t{1990 + i}\tA day lived again" for i in range(6))
    items = "\n".join(
        f"Reference {i}" if i % 2 else f"Reference {i}, a book of {1990 + i} by a press"
        for i in range(30)
    )
    text = f"The title\n\n{_PARAGRAPH}.\n\n{_PARAGRAPH}!\n\nFilms\n{rows}\nReferences\n{items}\n"
    layout = detect_layout(split_lines(text))
    assert layout.copy and not layout.line_blocks
    blocks = parse_text(text).blocks
    lists = [b for b in blocks if isinstance(b, List)]
    assert len(lists) == 1 and len(lists[0].items) >= 30  # the rows end no list


def test_a_row_ending_in_empty_cells_ends_a_list() -> None:
    lines = split_lines("Load map\t\t\t\nSave map\nGraphics\tdone\n\tTwinsen\n")
    assert lines.cells == (True, False, True, False, False)


def test_a_label_ending_a_run_over_a_paragraph_is_a_heading() -> None:
    # innerText: no blank line between the link above and the heading over the next <p>
    text = _copy(
        "The title",
        f"{_PARAGRAPH}.",
        "Learn more about WebIDE\nValence",
        f"{_PARAGRAPH} again.",
        "By Jane Doe\nMarch 25, 2015",
        f"{_PARAGRAPH} at last.",
    )
    blocks = parse_text(text).blocks
    headings = [plain_text(b.content) for b in blocks if isinstance(b, Heading)]
    # the link line over it stands alone too (stacked over the heading, it reads as one)
    assert "Valence" in headings and not any("2015" in h or "Jane" in h for h in headings)
    assert not any("WebIDE Valence" in plain_text(b.content) for b in blocks)  # type: ignore[attr-defined]


def test_lines_with_a_section_anchor_are_the_headings_of_a_run() -> None:
    text = _copy(
        "The title",
        f"{_PARAGRAPH}.",
        "See also[edit]\nVector space\nHermitian form\nReferences[edit]\n"
        f"^ Frankel, Theodore (2004). {_PARAGRAPH}.\n^ Parlett, B. N. {_PARAGRAPH}.",
    )
    blocks = parse_text(text).blocks
    headings = [plain_text(b.content) for b in blocks if isinstance(b, Heading)]
    assert headings == ["See also[edit]", "References[edit]"]
    items = [len(b.items) for b in blocks if isinstance(b, List)]
    assert items == [2, 2]


def test_two_lines_each_a_sentence_are_a_list() -> None:
    pair = "It was already possible to override the generators.\nI had dreams of shipping more."
    text = _copy("The title", f"{_PARAGRAPH}.", pair, f"{_PARAGRAPH} again.")
    lists = [b for b in parse_text(text).blocks if isinstance(b, List)]
    assert len(lists) == 1 and len(lists[0].items) == 2
    # a caption over its credit, or a short line, stays one paragraph
    for run in ("Photo\nCredit Jane Doe", "Try it now.\nLearn more."):
        text = _copy("The title", f"{_PARAGRAPH}.", run, f"{_PARAGRAPH} again.")
        assert not any(isinstance(b, List) for b in parse_text(text).blocks)


def test_clauses_ending_in_semicolons_are_a_list() -> None:
    clauses = (
        "Build and enable open technologies and communities that support the principles;\n"
        "Build and deliver great consumer products that support the principles;\n"
        "Promote models for creating economic value for the public benefit; and\n"
        "Promote the principles in public discourse and within the industry."
    )
    text = _copy("The title", f"{_PARAGRAPH}.", clauses, f"{_PARAGRAPH} again.")
    lists = [b for b in parse_text(text).blocks if isinstance(b, List)]
    assert len(lists) == 1 and len(lists[0].items) == 4


def test_a_line_right_over_a_tables_rows_is_no_heading() -> None:
    rows = "\n".join(f"Developer {i}\t{60 - i}\t{16 - i}.6%" for i in range(5))
    text = _copy("The title", f"{_PARAGRAPH}.", f"By changesets\n{rows}", f"{_PARAGRAPH} again.")
    blocks = parse_text(text).blocks
    assert not any(isinstance(b, Heading) for b in blocks)
    assert any(plain_text(b.content) == "By changesets" for b in blocks if isinstance(b, Paragraph))


def test_short_lines_under_a_lead_in_ending_in_a_colon_are_items() -> None:
    # "What you need:" introduces the run: its short lines are items, not headings
    things = [
        "Glass jar",
        "Planter saucer, small shallow dish or any flat platform",
        "Floral foam cut to the size of the jar",
        "Ruler",
        "Small plants from a florist or a nursery",
    ]
    text = _copy("The title", f"{_PARAGRAPH}.", "What you need:", "\n".join(things), _PARAGRAPH)
    blocks = parse_text(text).blocks
    lists = [b for b in blocks if isinstance(b, List)]
    assert len(lists) == 1
    assert [plain_text(i.blocks[0].content) for i in lists[0].items] == things  # type: ignore[attr-defined]
    assert not any(isinstance(b, Heading) for b in blocks)
    # without the lead-in the short lines stand alone, as headings among the lists
    text = _copy("The title", f"{_PARAGRAPH}.", "\n".join(things), _PARAGRAPH)
    lists = [b for b in parse_text(text).blocks if isinstance(b, List)]
    assert not any(len(b.items) == len(things) for b in lists)


def test_a_title_ending_in_a_question_or_a_quotation_is_a_line_of_its_own() -> None:
    for title in ("Does the Brain Think Alone?", 'Student Dies After "Burned Her Up Within"'):
        # innerText: the lead paragraph right under the title, no blank line between
        text = _copy(f"{title}\n{_PARAGRAPH}.", f"{_PARAGRAPH} again.")
        assert parse_text(text).title == title
    # a first line closing its sentence is no title line
    text = _copy(f"{_PARAGRAPH}.\nBy Jane Doe", f"{_PARAGRAPH} again.")
    assert parse_text(text).title != f"{_PARAGRAPH}."


def _items(text: str) -> list[list[str]]:
    """Return the item texts of each list ``parse_text`` reads in ``text``."""
    return [
        [plain_text(item.blocks[0].content) for item in block.items]  # type: ignore[attr-defined]
        for block in parse_text(text).blocks
        if isinstance(block, List)
    ]


def test_two_lines_under_a_lead_in_ending_in_a_colon_are_items() -> None:
    pair = "the x-axis shows the stack population\nthe y-axis shows stack depth"
    text = _copy("The title", f"{_PARAGRAPH}.", "A profile reads like this:", pair, _PARAGRAPH)
    assert _items(text) == [pair.split("\n")]
    # without the lead-in, a caption over its table's rows, or numbers: no list
    for lead, run in (
        ("A profile reads like this.", pair),
        ("The top companies are:", "Companies supporting it\n(by changesets)\nRed Hat\t8417"),
        ("Cut it in the middle:", "2, 2, 3, 3, 3\n4, 5, 5, 12"),
    ):
        assert _items(_copy("The title", f"{_PARAGRAPH}.", lead, run, _PARAGRAPH)) == []


def test_lower_case_items_under_a_lead_in_do_not_run_on() -> None:
    run = "memory dump and memory sampling\ncode coverage\nuse the debugger in real time"
    text = _copy("The title", f"{_PARAGRAPH}.", "Here is what it can do:", run, _PARAGRAPH)
    assert _items(text) == [run.split("\n")]
    # a sentence broken by a <br> under a lead-in still runs on (a capital line above)
    run = "The static method returns an error,\nand the other one\nredirects it."
    text = _copy("The title", f"{_PARAGRAPH}.", "For example:", run, _PARAGRAPH)
    assert _items(text) == []


def test_an_item_broken_by_a_br_under_a_lead_in_is_one_item() -> None:
    run = (
        '"none": the default guard, which lets every mutation through.\n'
        '"request": guard for a headers object obtained from a request created\n'
        "with mode no-cors.\n"
        '"immutable": mostly used for workers, renders a headers object read-only.'
    )
    text = _copy("The title", f"{_PARAGRAPH}.", "Possible values are:", run, _PARAGRAPH)
    assert _items(text) == [
        [
            '"none": the default guard, which lets every mutation through.',
            '"request": guard for a headers object obtained from a request created with mode'
            " no-cors.",
            '"immutable": mostly used for workers, renders a headers object read-only.',
        ]
    ]
    # without the lead-in the run-on keeps the run from being a list; a short menu line
    # running on ("Subscribe" over "read more") is no broken item either
    assert _items(_copy("The title", f"{_PARAGRAPH}.", run, _PARAGRAPH)) == []
    menu = "Subscribe now\nread more\nPrint edition\nOur newsletters"
    text = _copy("The title", f"{_PARAGRAPH}.", "Highlights of the issue:", menu, _PARAGRAPH)
    assert _items(text) == []


def test_a_rows_cells_are_kept_between_its_tabs() -> None:
    lines = split_lines("Name\tCount\nRed Hat\t8417\t\nPlain line\n\tSUSE\t12\n")
    assert lines.row_cells == {
        0: ("Name", "Count"),
        1: ("Red Hat", "8417", ""),
        3: ("", "SUSE", "12"),
    }


def test_lines_of_cells_are_a_table() -> None:
    rows = "\n".join(f"Film {i}\t{1990 + i}\tA day lived again" for i in range(6))
    text = _copy("The title", f"{_PARAGRAPH}.", f"{_PARAGRAPH}!", f"Films of the loop\n{rows}")
    blocks = parse_text(text).blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [[plain_text(c.content) for c in row.cells] for row in tables[0].rows[:2]] == [
        ["Film 0", "1990", "A day lived again"],
        ["Film 1", "1991", "A day lived again"],
    ]
    assert len(tables[0].rows) == 6 and tables[0].header_rows == 0
    # the caption over the rows stays a line of its own, no row is a paragraph
    texts = [plain_text(b.content) for b in blocks if isinstance(b, (Paragraph, Heading))]
    assert "Films of the loop" in texts
    assert not any("1990" in t for t in texts)


def test_one_row_of_cells_is_no_table() -> None:
    # a page's layout (a picture beside its note): as html2text's one-row tables
    text = _copy("The title", f"{_PARAGRAPH}.", "Media\tWikimedia Commons has media", _PARAGRAPH)
    blocks = parse_text(text).blocks
    assert not any(isinstance(b, Table) for b in blocks)


_RUN = [
    "Gijs made the toolbar start later in the startup window",
    "Gijs fixed some flicker that occurred when launching the browser with the toolbar",
    "enabled by default",
    "Mconley fixed a hang caused by the startup cache of the home page",
    "Dthayer has some fixes and polish for the skeleton window",
    "Barret landed the changes needed to support the migration",
    "Florian has new visualizations up for the hang dashboard",
]


def test_a_long_run_whose_item_runs_on_over_a_br_is_a_list() -> None:
    text = _copy("The title", f"{_PARAGRAPH}.", "\n".join(_RUN), f"{_PARAGRAPH} again.")
    items = _items(text)
    assert len(items) == 1 and len(items[0]) == 6
    assert items[0][1] == f"{_RUN[1]} {_RUN[2]}"
    # the page filter saw the run's blocks as before: a block per line (an item with
    # its run-on line) and the run's last lines joined; they hold the six items
    lines = split_lines(text)
    state = State(lines=lines, layout=detect_layout(lines), end=len(lines))
    parse_blocks(state)
    tag_copy_item_runs(state, lambda text: False)
    run = [p for p in state.pieces if p.copy_group]
    assert [(p.kind, p.first, p.last) for p in run] == [
        ("paragraph", 4, 4),
        ("paragraph", 5, 6),
        ("paragraph", 7, 10),
    ]
    assert len({p.copy_group for p in run}) == 1
    assert [item[:2] for p in run for item in p.copy_items] == [
        (4, 4),
        (5, 6),
        (7, 7),
        (8, 8),
        (9, 9),
        (10, 10),
    ]


def test_a_long_run_holding_a_formula_stays_a_block_per_line() -> None:
    run = [*_RUN[:3], "x ˙ = σ ( y − x ) y ˙ = ρ x − y − x z z ˙ = − β z + x y", *_RUN[3:]]
    text = _copy("The title", f"{_PARAGRAPH}.", "\n".join(run), f"{_PARAGRAPH} again.")
    assert _items(text) == []


def test_a_table_of_contents_whose_entries_head_the_sections_has_no_heading() -> None:
    entries = [
        "Sharing mutable history with a single developer",
        "Setting up",
        "Example 1: Amend a shared changeset and push it",
        "Setting up",
    ]
    sections = [f"{entry}¶\n\n{_PARAGRAPH}." for entry in dict.fromkeys(entries)]
    text = _copy("The title", "Contents", "\n".join(entries), f"{_PARAGRAPH}.", *sections)
    assert _items(text)[0] == entries  # "Setting up" said twice is an entry, no heading
    # lines that do not come back as the headings of sections are read as before
    text = _copy("The title", "Contents", "\n".join(entries), f"{_PARAGRAPH}.")
    assert entries not in _items(text)  # "Setting up" heads the items under it


# a menu and a footer of one-word lines: enough short pieces for the text to read as a page
_MENU = [
    *("Home", "News", "Sport", "Culture", "Travel"),
    *("Weather", "Contact", "Search", "Login", "Shop"),
]
_FOOTER = ["About us", "Imprint", "Privacy", "Terms", "Jobs", "Advertise", "Newsletter"]


def _page(box: str) -> str:
    """Return a page as a browser copies it: menu, article, ``box`` and footer."""
    article = [f"{_PARAGRAPH}, sentence {i}." for i in range(4)]
    return _copy(*_MENU, "The title of the article", *article, box, *_FOOTER)


def test_a_box_of_dated_teasers_on_a_page_is_no_article_text() -> None:
    # read as one paragraph the box's lines made the article's run longer
    teasers = [
        "A new small car for the city takes to the road",
        "4 November 2021",
        "The estate car of the family grows up at last",
        "3 November 2021",
        "Ferries between the islands go electric next summer",
        "2 November 2021",
        "The price of a charge at the roadside falls again",
        "1 November 2021",
    ]
    text = to_text(parse_text(_page("\n".join(teasers))))
    assert "sentence 3." in text
    assert "Ferries" not in text and "November" not in text
    # one date among a list's items is an article's list (a timeline's last entry); its
    # entries are sentences (a run of short titles is a menu on a page however dated)
    entries = [f"{title} as the council decided in its spring meeting." for title in teasers[::2]]
    one_date = to_text(parse_text(_page("\n".join([*entries[:1], teasers[1], *entries[1:]]))))
    assert "Ferries" in one_date


def test_a_box_of_share_buttons_on_a_page_is_no_article_text() -> None:
    widget = [
        "Share this:",
        "Twitter",
        "Facebook",
        "Like this:",
        "Be the first to like this.",
        "Related posts on the same topic from our site",
    ]
    text = to_text(parse_text(_page("\n".join(widget))))
    assert "sentence 3." in text
    assert "Twitter" not in text and "Related posts" not in text


def _block_cells(*rows: list[str]) -> str:
    """Return a table whose cells hold blocks as innerText writes it: a blank line around
    each cell's <p>, a line of tabs between cells, blank lines after each row."""
    return "\n\n\n\n".join("\n\n\t\n\n".join(row) for row in rows)


def test_a_table_whose_cells_hold_paragraphs_is_a_table() -> None:
    table = _block_cells(
        ["Status", "Next step", "Comment"],
        ["new", "enqueued", "Pick up new tasks that are ready."],
        ["App", "2.1 MB (-89%)", "Smaller than before."],
    )
    text = _copy("The title", f"{_PARAGRAPH}.", table, f"{_PARAGRAPH} after the table.")
    blocks = parse_text(text).blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = [[plain_text(c.content) for c in row.cells] for row in tables[0].rows]
    assert rows[0] == ["Status", "Next step", "Comment"]
    assert rows[2] == ["App", "2.1 MB (-89%)", "Smaller than before."]
    # no cell is a heading ("Comment" opened no comment thread), the text after it stays
    assert not any(isinstance(b, Heading) for b in blocks)
    paragraphs = [plain_text(b.content) for b in blocks if isinstance(b, Paragraph)]
    assert paragraphs[-1] == f"{_PARAGRAPH} after the table."


def test_two_blocks_of_one_cell_and_an_empty_last_cell_keep_the_rows() -> None:
    table = _block_cells(
        ["Application", "Patch size\n\n(% vs original)", "Saved"],
        ["Maps", "17.5 MB", "9.6 MB\n\n\t"],
        ["Mail", "7.6 MB", "7.3 MB"],
    )
    text = _copy("The title", f"{_PARAGRAPH}.", table, f"{_PARAGRAPH} after the table.")
    tables = [b for b in parse_text(text).blocks if isinstance(b, Table)]
    rows = [[plain_text(c.content) for c in row.cells] for row in tables[0].rows]
    assert rows[0] == ["Application", "Patch size (% vs original)", "Saved", ""]
    assert rows[1] == ["Maps", "17.5 MB", "9.6 MB", ""]
    assert rows[2] == ["Mail", "7.6 MB", "7.3 MB", ""]


def test_a_run_of_menu_entries_on_a_page_is_a_menu_not_prose() -> None:
    # innerText sets no blank line between a menu's entries: read as one paragraph, a run
    # of 60 of them weighed as 120 words of prose and joined the article's run
    entries = "\n".join(f"Section {n}" for n in range(60))
    text = to_text(parse_text(_page(entries)))
    assert "sentence 3." in text
    assert "Section 12" not in text
    # numbered lines the page typed are a list of its own (a shopping list with links)
    products = "\n".join(
        f"{n}) Model train set number {n}\nhttps://shop.example.com/{n}" for n in range(1, 7)
    )
    text = to_text(parse_text(_page(products)))
    assert "Model train set number 5" in text


def test_runs_of_short_lines_that_are_no_menu_stay_on_a_page() -> None:
    # a shell session, TeX lines and a text wrapped after all are no menu
    session = "\n".join(f"$ hg clone review user{n}\nupdating to branch default" for n in range(4))
    tex = "\n".join(
        ["$$\\begin{matrix}", "x & = 1 \\\\", "y & = 2 \\\\", "z & = 3 \\\\", "\\end{matrix}$$"]
    )
    wrapped = "\n".join(
        [
            "Finally, while display equations look good on a page of samples, the",
            "ability to mix them with text in a paragraph is what a writer needs",
            "most of all when writing about anything at all.",
        ]
    )
    for run, word in ((tex, "matrix"), (wrapped, "writer needs")):
        assert word in to_text(parse_text(_page(run))), word
    # a session inside the article (at its end it goes as any program text on a page)
    article = [f"{_PARAGRAPH}, sentence {i}." for i in range(4)]
    page = _copy(*_MENU, "The title", *article[:2], session, *article[2:], *_FOOTER)
    assert "user3" in to_text(parse_text(page))


def test_a_copy_of_a_page_of_menus_is_a_browser_copy_however_its_menus_break() -> None:
    # a browser's copy of a page that is mostly menus: its short lines end near one column
    # and the next line's first word would not fit after them, as if wrapped at that
    # width, but five flush lines of prose run past any terminal: nothing was wrapped
    words = ("Headphones", "Microphones", "Television", "Dishwashers", "Refrigerators")
    menu = "\n".join(
        f"{words[i % 5]} and accessories for every room of the house {i:02d}" for i in range(60)
    )
    prose = [f"{_PARAGRAPH}, paragraph {n} of the story, with more words in it." for n in range(5)]
    text = _copy("The title", menu, *prose, menu)
    lines = split_lines(text)
    layout = detect_layout(lines)
    assert layout.copy and layout.wrap_width is None
    # with fewer such lines the breaks are a wrap's, as in a text browser's dump
    assert not detect_layout(split_lines(_copy("The title", menu, *prose[:4], menu))).copy
