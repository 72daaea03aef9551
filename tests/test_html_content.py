"""Tests for articlekit.html.content: the fallback cascade and its chooser."""

from __future__ import annotations

import pytest
from lxml.html import HtmlElement

from articlekit import to_text
from articlekit.html import extract_blocks, parse_html
from articlekit.html.clean import label_page
from articlekit.html.content import (
    MIN_ARTICLE_CHARS,
    SHORT_PAGE,
    Candidate,
    customer_review_boxes,
    declares_article,
    declares_product,
    find_main_content,
    is_card_list,
    is_faq_box,
    prefer_baseline,
    section_holder,
    with_list_items,
    with_section_headings,
)
from articlekit.html.tree import parse_tree

PARA = "<p>An article sentence, with commas, that is long enough to vote for its container.</p>"


def _find_id(root: HtmlElement, ident: str) -> HtmlElement:
    found = root.find(f".//*[@id='{ident}']")
    assert found is not None
    return found


def _ids(candidate: Candidate) -> list[str | None]:
    return [el.get("id") for el in candidate.elements]


def test_scored_container_beats_sidebar_and_menus() -> None:
    root = parse_tree(
        "<body><div id='menu'><ul>" + "<li><a href='/x'>Menu item</a></li>" * 8 + "</ul></div>"
        f"<div id='main'>{PARA * 6}</div>"
        f"<div id='side' class='widget'>{PARA}</div></body>"
    )
    found = find_main_content(root)
    assert found.method == "scored"
    assert _ids(found) == ["main"]


def test_prose_sibling_joins_the_article() -> None:
    root = parse_tree(
        "<body><div id='wrap'>"
        "<div id='lead'>A lead paragraph that introduces the story, written straight into a div"
        " and long enough to be part of the article rather than a label.</div>"
        f"<div id='main'>{PARA * 6}</div>"
        "<div id='tags'><a href='/t1'>tag</a> <a href='/t2'>tag</a></div></div></body>"
    )
    found = find_main_content(root)
    assert _ids(found) == ["lead", "main"]


def test_list_is_never_the_article() -> None:
    items = "".join(
        f"<li><p>Reference {i}, with, many, commas, in, it, to, score, high.</p></li>"
        for i in range(20)
    )
    root = parse_tree(f"<body><div id='body'>{PARA * 3}<ol id='refs'>{items}</ol></div></body>")
    found = find_main_content(root)
    assert "refs" not in _ids(found)


def test_relaxed_retry_when_strict_pass_finds_too_little() -> None:
    # the only text sits in a container whose class looks like furniture
    root = parse_tree(
        f"<body><div id='x' class='sidebar-ish widget banner'>{PARA * 5}</div></body>"
    )
    found = find_main_content(root)
    assert found.method == "relaxed"
    assert found.chars >= MIN_ARTICLE_CHARS


def test_relaxed_retry_leaves_the_comments_out() -> None:
    # the body's box is named after its share buttons, so only the relaxed walk finds
    # it; the comment section beside it stays out all the same
    comment = "<p>A reader's comment, long enough, with commas, to look like a paragraph.</p>"
    root = parse_tree(
        f"<body><article><div id='x' class='entry share'>{PARA * 5}</div>"
        f"<section id='comments'><ol><li class='comment'>{comment}</li>"
        f"<li class='comment'>{comment}</li></ol></section></article></body>"
    )
    found = find_main_content(root)
    assert found.method == "relaxed"
    assert _find_id(root, "comments") in found.labels.boilerplate
    assert _find_id(root, "x") not in found.labels.boilerplate


def _hero_and_wrapped_body(body: str) -> str:
    # a hero box (headline, a short excerpt over 250 characters) above the page's body,
    # which sits with the sidebar in one wrapper named after the sidebar
    excerpt = "<p>" + "A short excerpt of the story shown in the hero box. " * 6 + "</p>"
    widgets = "<ul>" + "<li><a href='/t'>A topic</a></li>" * 5 + "</ul>"
    return (
        f"<body><main><section id='hero' class='hero'><h1>Headline</h1>{excerpt}</section>"
        f"<div id='wrap' class='sidebar-layout'><div id='body' class='sidebar-content'>"
        f"{body}</div><div class='sidebar'>{widgets}</div></div></main></body>"
    )


def test_relaxed_retry_finds_prose_a_furniture_name_hid_beside_a_short_candidate() -> None:
    root = parse_tree(_hero_and_wrapped_body(PARA * 12))
    found = find_main_content(root)
    assert found.method == "relaxed"
    assert _find_id(root, "body") not in found.labels.boilerplate
    assert found.chars > 3 * 300


def test_relaxed_retry_leaves_comma_free_messages_under_a_furniture_name_out() -> None:
    # a login dialog's many short messages: several times the hero's text, no prose
    messages = "".join(f"<p>Please enter a valid password number {n} now</p>" for n in range(40))
    root = parse_tree(_hero_and_wrapped_body(messages))
    found = find_main_content(root)
    assert found.method == "scored"
    assert _ids(found) == ["hero"]


def test_a_long_enough_candidate_never_pays_for_the_relaxed_walk() -> None:
    # 1,500+ characters found: the box dropped by its class is not looked at
    root = parse_tree(
        f"<body><div id='main'>{PARA * 20}</div>"
        f"<div class='sidebar-layout'>{PARA * 80}</div></body>"
    )
    found = find_main_content(root)
    assert found.method == "scored"
    assert _ids(found) == ["main"]


def test_noscript_article_found_on_retry() -> None:
    root = parse_tree(f"<body><noscript><div id='n'>{PARA * 5}</div></noscript></body>")
    found = find_main_content(root)
    assert found.chars >= MIN_ARTICLE_CHARS


def test_empty_page_gives_no_elements() -> None:
    found = find_main_content(parse_tree("<body><nav>menu</nav></body>"))
    assert found.elements == [] or found.chars == 0


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<html><body><p>Short text is here.</p></body></html>", "Short text is here.\n"),
        ("<p>x</p>", "x\n"),
        ("<html><body>Bare words in the body</body></html>", "Bare words in the body\n"),
        (
            "<body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
            "<div>First line.</div><div>Second line.</div></body>",
            "First line.\n\nSecond line.\n",
        ),
    ],
)
def test_short_page_keeps_its_text(html: str, text: str) -> None:
    # no paragraph is long enough to score or to enter the baseline: the body's text,
    # boilerplate left out, is the page's content rather than nothing
    assert to_text(parse_html(html)) == text


@pytest.mark.parametrize(
    "html",
    [
        "<p>Markets fall on rate fears today</p>",
        "<div><p>Markets fall on rate fears today</p></div>",
        "<html><body><nav><a href='/'>Home</a></nav>"
        "<section><p>Markets fall on rate fears today</p></section></body></html>",
    ],
)
def test_a_one_line_page_keeps_its_line(html: str) -> None:
    # one line long enough to score but ending no sentence: edge trimming took it as a
    # stray line (a date, a credit) and the page came out empty, though the line is all
    # it says (a scraper's fragment, a one-line note)
    assert "Markets fall on rate fears today" in to_text(parse_html(html))


def test_stray_lines_around_an_article_are_still_trimmed() -> None:
    prose = "A sentence of the article that goes on for a while, as prose does. " * 4
    page = f"<body><p>Photo credit Jane Roe</p><p>{prose}</p><p>Filed under news</p></body>"
    text = to_text(parse_html(page))
    assert "Jane Roe" not in text and "Filed under" not in text and "as prose does." in text


def test_short_page_candidate_is_the_body_and_not_its_boilerplate() -> None:
    root = parse_tree("<body><nav>Menu</nav><p>A note.</p><div hidden>Secret</div></body>")
    found = find_main_content(root)
    assert found.method == SHORT_PAGE
    assert [el.tag for el in found.elements] == ["body"]
    assert found.chars == len("A note.")
    assert to_text(parse_html("<body><nav>Menu</nav><div hidden>Secret</div></body>")) == ""


def test_short_page_of_links_is_no_note() -> None:
    # a body of short linked lines (a grid of link cards, a bare menu) is not a note
    links = "".join(f"<div><a href='/p{i}'>Card number {i}</a></div>" for i in range(6))
    root = parse_tree(f"<body>{links}<div>Short caption.</div></body>")
    assert find_main_content(root).method == "empty"


def test_prefer_baseline_predicate() -> None:
    labels = label_page(parse_tree("<p>x</p>"))
    tiny = Candidate(elements=[object()], labels=labels, method="scored", chars=50)  # type: ignore[list-item]
    rich = Candidate(elements=[object()], labels=labels, method="baseline", chars=2000)  # type: ignore[list-item]
    good = Candidate(elements=[object()], labels=labels, method="scored", chars=1500)  # type: ignore[list-item]
    assert prefer_baseline(tiny, rich)
    assert prefer_baseline(None, rich)
    assert not prefer_baseline(good, rich)
    assert not prefer_baseline(tiny, Candidate(elements=[], labels=labels, method="b", chars=60))


def test_title_anchors_the_first_of_several_articles() -> None:
    first = (
        "<article id='a1'><header><h1>The Real Title</h1></header>"
        f"<div id='b1'>{PARA * 6}</div></article>"
    )
    second = (
        "<article id='a2'><header><h2>Next story</h2></header>"
        f"<div id='b2'>{PARA * 8}</div></article>"
    )
    page = f"<body><main><section>{first}{second}</section></main></body>"
    assert "b2" in _ids(find_main_content(parse_tree(page))) or "a2" in _ids(
        find_main_content(parse_tree(page))
    )
    anchored = find_main_content(parse_tree(page), title="The Real Title")
    assert set(_ids(anchored)) & {"a1", "b1"}
    assert not set(_ids(anchored)) & {"a2", "b2"}


def test_title_anchor_skips_a_summary_box_in_the_header() -> None:
    # the title's header holds a short summary that scores on its commas; the body lies
    # outside the header: the summary alone (under MIN_ARTICLE_CHARS) is no article body
    # to anchor on, and anchoring on it left the paragraph baseline to win
    summary = "A short summary, with commas, of what, and why, it says. " * 2
    page = (
        "<body><article><header><div><h1>The Real Title</h1></div>"
        f"<div id='summary'><p>{summary}</p></div>"
        f"</header><div id='body'>{PARA * 4}</div></article></body>"
    )
    anchored = find_main_content(parse_tree(page), title="The Real Title")
    assert anchored.method == "scored"
    assert "body" in _ids(anchored)


def _hero_page(under_title: str) -> str:
    # a theme's hero header (title, standfirst, byline) far from the article body
    return (
        "<body><div><div><div>"
        f"<h1>Unstillable homesickness</h1>{under_title}"
        "<div>Frank Example, 18 September 2019</div></div></div></div>"
        f"<div id='body'><main><article><div>{PARA * 10}</div></article>"
        "</main></div></body>"
    )


def test_standfirst_under_an_outside_title_joins_the_article() -> None:
    root = parse_tree(
        _hero_page(
            "<p id='lead'>In his essay the author explores a paradoxical feeling between"
            " sadness and transcendence.</p>"
        )
    )
    found = find_main_content(root, title="Unstillable homesickness")
    assert _ids(found) == ["lead", "body"]


def test_tagline_or_byline_under_an_outside_title_stays_out() -> None:
    for under in (
        "<p id='lead'>by Itamar Example, last updated 04 Jun 2020</p>",
        "<p id='lead'>Online law and civil rights 2.0 for everyone</p>",
    ):
        root = parse_tree(_hero_page(under))
        assert _ids(find_main_content(root, title="Unstillable homesickness")) == ["body"]


def test_standfirst_needs_the_title_heading() -> None:
    root = parse_tree(
        _hero_page("<p id='lead'>In his essay the author explores a paradoxical feeling.</p>")
    )
    assert _ids(find_main_content(root, title="Another headline")) == ["body"]


def test_teasers_under_a_recommendation_title_do_not_join_as_prose() -> None:
    teasers = "".join(
        f"<div class='story-block'><h4><a href='/opinion/{i}'>Column number {i}</a></h4>"
        f"<p class='standfirst'>COLUMNIST {i} It is nice to think the country is a player"
        " on the world stage but, really, we are not, so let us sort out our own business.</p>"
        "</div>"
        for i in range(5)
    )
    root = parse_tree(
        f"<body><div id='page'><div id='story'>{PARA * 8}</div>"
        f"<div id='others'><h2>Other Opinion Columns</h2>{teasers}</div></div></body>"
    )
    assert _ids(find_main_content(root)) == ["story"]


def test_article_beats_a_stream_of_teasers_in_list_items() -> None:
    # the paragraph baseline would sweep up every teaser's summary below the article
    stream = "".join(
        f"<li><div><a href='/s/{i}'>Story number {i}: a long headline about what happened"
        f" in town</a><p class='summary'>A summary of another story, number {i}, with a"
        " few words, enough to vote as a paragraph of its own.</p></div></li>"
        for i in range(40)
    )
    root = parse_tree(
        f"<body><main><div id='art'>{PARA * 6}</div></main>"
        f"<section><div><div><div><ul>{stream}</ul></div></div></div></section></body>"
    )
    found = find_main_content(root)
    assert found.method == "scored"  # not the paragraph baseline
    assert not any("summary of another" in el.text_content() for el in found.elements)


def test_article_beats_a_ticker_of_list_items_holding_bare_text() -> None:
    # a news ticker above the article: each <li> is a headline link and its summary as
    # bare text (the item itself votes), more text than the article's own paragraphs
    ticker = "".join(
        f"<li><a href='/n/{i}'>Headline number {i} of the ticker about the town hall</a>"
        f" <span>CITY: the first words of story {i} cut short after a hundred characters"
        " of its lead.</span></li>"
        for i in range(12)
    )
    root = parse_tree(
        f"<body><div id='left'><div class='top'><div class='ticker'><ul>{ticker}</ul></div>"
        f"</div><div id='art'>{PARA * 5}</div></div></body>"
    )
    found = find_main_content(root)
    assert found.method == "scored"  # not the paragraph baseline
    assert _ids(found) == ["art"]


def _lead_figure_page(figures: str, body_extra: str = "") -> str:
    # the article's picture in its header, above the container the scoring finds
    return (
        "<body><article><header><h1>The Real Title</h1></header>"
        f"{figures}<div id='body'>{PARA * 6}{body_extra}</div></article>"
        "<aside><figure id='side'><img src='/ad.jpg'></figure></aside></body>"
    )


def test_lead_figure_above_the_body_joins_the_article() -> None:
    root = parse_tree(
        _lead_figure_page(
            "<figure id='lead'><img src='/img/w_800/photo.jpg' alt='A photo'>"
            "<figcaption>The harbour at dawn.</figcaption></figure>"
        )
    )
    assert _ids(find_main_content(root, title="The Real Title")) == ["lead", "body"]


def test_lead_figure_shown_twice_or_already_in_the_body_joins_once() -> None:
    # one picture cropped for phones and for desktops: the first crop only
    twice = (
        "<div class='md:hidden'><figure id='phone'><img src='/w_400/p.jpg'></figure></div>"
        "<div class='md:block'><figure id='desk'><img src='/w_1200/p.jpg'></figure></div>"
    )
    root = parse_tree(_lead_figure_page(twice))
    assert _ids(find_main_content(root, title="The Real Title")) == ["phone", "body"]
    # the body shows the picture itself: no lead figure
    shown = "<figure id='lead'><img src='/img/p.jpg'></figure>"
    root = parse_tree(_lead_figure_page(shown, "<figure><img src='/img/p.jpg'></figure>"))
    assert _ids(find_main_content(root, title="The Real Title")) == ["body"]


def test_teaser_figure_above_the_body_stays_out() -> None:
    for figure in (
        "<figure id='lead'><a href='/other-story'><img src='/t.jpg'></a></figure>",
        "<figure id='lead'><img src='/t.jpg'><h3>Another story</h3></figure>",
    ):
        root = parse_tree(_lead_figure_page(figure))
        assert _ids(find_main_content(root, title="The Real Title")) == ["body"]


def _two_parts(between: str) -> list[str | None]:
    item = f"<div class='item' id='t{{}}'>{PARA * 4}</div>"
    root = parse_tree(
        "<body><div id='list'>"
        + item.format(1)
        + between
        + item.format(2)
        + "<div class='item' id='after'><img src='/b.jpg'></div></div></body>"
    )
    return _ids(find_main_content(root))


def test_picture_block_between_two_parts_of_the_article_joins() -> None:
    # between two parts: joins; after the last part: stays out
    pic = "<div class='item' id='pic'><img src='/a.jpg'><p>Photo: A. Person</p></div>"
    assert _two_parts(pic) == ["t1", "pic", "t2"]
    # mostly a link: a promo, stays out
    promo = "<div class='item' id='promo'><img src='/c.jpg'><a href='/shop'>Buy it</a></div>"
    assert _two_parts(promo) == ["t1", "t2"]


def test_table_block_between_two_parts_of_the_article_joins() -> None:
    # a table of sizes and prices is numbers: too little text to join as prose, but
    # between two parts of the article it is the article's
    rows = "".join(f"<tr><td>{n},250</td><td>${n}8,750</td></tr>" for n in range(1, 6))
    table = (
        "<section class='item' id='tab'><table><thead><tr><th>Size</th><th>Cost</th></tr>"
        f"</thead><tbody>{rows}</tbody></table></section>"
    )
    assert _two_parts(table) == ["t1", "tab", "t2"]
    # a table of links (a box of other pages laid out in a table) stays out
    links = "".join(f"<tr><td><a href='/p{n}'>Another page</a></td><td>x</td></tr>" for n in (1, 2))
    assert _two_parts(f"<div class='item' id='nav'><table>{links}</table></div>") == ["t1", "t2"]


_RELATED = "<aside>" + "<p><a href='/r'>A related story of the site, to read next</a></p>" * 8
_RELATED += "</aside>"


def _split_story(second: str) -> str:
    # each wrapper holds a box of related links beside its part, so no wrapper is the
    # article: the part that scores best is chosen alone
    return (
        "<body><article><h1>Title</h1>"
        f"<div class='supplemental'><div id='part1' class='story-body story-body-1'>{PARA * 3}"
        f"</div>{_RELATED}</div>"
        "<div class='ad'>Advertisement</div>"
        f"<div class='supplemental'><div id='part2' class='story-body story-body-2'>{second}"
        f"</div>{_RELATED}</div></article></body>"
    )


def test_a_story_split_into_numbered_wrappers_is_read_whole() -> None:
    # two parts, each in a wrapper of the same class, an ad between: the part that scores
    # best is chosen, and its cousin in the other wrapper joins it, in page order
    found = find_main_content(parse_tree(_split_story(PARA * 6)))
    assert _ids(found)[-2:] == ["part1", "part2"]


def test_a_link_list_in_a_cousin_wrapper_does_not_join() -> None:
    links = "<ul>" + "<li><a href='/s'>Another story of the site to read</a></li>" * 6 + "</ul>"
    html = _split_story(PARA * 6).replace(f"{PARA * 3}</div><aside>", f"{links}</div><aside>")
    found = find_main_content(parse_tree(html))
    assert "part1" not in _ids(found) and "part2" in _ids(found)


def test_a_candidate_that_outweighs_every_baseline_is_never_beaten_by_one() -> None:
    from articlekit.html.content import _baseline, _outweighs_any_baseline, _scored

    split = f"<body><div id='a'>{PARA * 2}</div><div class='x'><div id='b'>{PARA * 5}</div></div>"
    pages = [
        f"<body><div id='main'>{PARA * 8}</div><div>{PARA}</div></body>",
        split + f"<div id='c'>{PARA * 5}</div></body>",
        f"<body><div id='main'>{PARA * 8}<blockquote>{PARA * 2}</blockquote></div></body>",
    ]
    outweighed = 0
    for page in pages:
        root = parse_tree(page)
        labels = label_page(root)
        candidate = _scored(root, labels, "scored", None)
        assert candidate is not None
        if _outweighs_any_baseline(candidate):
            outweighed += 1
            assert not prefer_baseline(candidate, _baseline(labels))
    assert outweighed == 3
    # a short candidate is measured against the baseline itself
    root = parse_tree(f"<body><div id='main'>{PARA}</div></body>")
    candidate = _scored(root, label_page(root), "scored", None)
    assert candidate is not None and not _outweighs_any_baseline(candidate)


def test_extract_blocks_reads_a_tree_deeper_than_the_parser_nests() -> None:
    # a tree built in code (or parsed with huge_tree) may nest deeper than libxml2's 256
    # levels and than Python's recursion limit: the recursive labelling walk raised
    # RecursionError; such a tree is read as parse_html reads that markup
    import sys

    from lxml import etree

    from articlekit.html import extract_blocks
    from articlekit.model import Paragraph, plain_text

    sentence = "An article sentence, with commas, that is long enough to vote for its container."
    root = parse_tree("<html><body><div id='top'></div></body></html>")
    el = _find_id(root, "top")
    for _ in range(sys.getrecursionlimit() + 500):
        el = etree.SubElement(el, "div")
    for _ in range(5):
        etree.SubElement(el, "p").text = sentence
    blocks, _ = extract_blocks(root)
    texts = [plain_text(b) for b in blocks if isinstance(b, Paragraph)]
    assert texts and texts[0].startswith(sentence)


def _pick(name: str, paragraphs: int, commas: str = ",") -> str:
    """A "best of" pick as a list item: its name, then a few parts of prose."""
    prose = (
        f"<p>{name} covers trips abroad{commas} cancellations and medical care for travelers "
        "who are older, with limits that suit long journeys and plans for every budget.</p>"
    )
    part = f"<div class='part'><div class='descr'>{prose * paragraphs}</div></div>"
    return f"<li><h3>{name}</h3>{part}</li>"


def test_list_of_long_picks_is_the_article() -> None:
    picks = _pick("First plan", 8, ", , , ,") + "".join(
        _pick(name, 7) for name in ("Second plan", "Third plan", "Fourth plan")
    )
    root = parse_tree(f"<body><div id='col'><ul id='picks'>{picks}</ul></div></body>")
    found = find_main_content(root)
    # the whole list (as its container), not the first pick's description alone
    assert _ids(found) == ["col"]
    assert found.chars > 4 * 1000


def test_list_with_one_long_item_is_not_the_article() -> None:
    picks = _pick("First plan", 8, ", , , ,") + "".join(
        _pick(name, 1) for name in ("Second plan", "Third plan", "Fourth plan")
    )
    root = parse_tree(f"<body><div id='col'><ul id='picks'>{picks}</ul></div></body>")
    found = find_main_content(root)
    assert _ids(found) != ["col"]
    assert found.chars < 2 * 1000


def _service_page(head: str = "", wrap: str = "{}", landmark: str = "main") -> str:
    """A service page of sections: a hero, twenty short feature blocks, and questions
    whose answers are the page's longest paragraphs; ``landmark``: the tag of the box
    holding the sections (``main``, or ``div`` for a page with no landmark)."""
    feature = (
        "<div class='feature'><div class='icon'></div><h3>{0}</h3><div class='text'>{0} "
        "comes with every plan and is set up by our team within a day</div></div>"
    )
    features = "".join(feature.format(f"Feature {c}") for c in "ABCDEFGHIJKLMNOPQRST")
    answer = (
        "Yes. You can move your data at any time, and our team helps with the transfer, "
        "the checks afterwards and the training of your staff, at no extra cost. "
    )
    faq = "".join(
        f"<div class='qa'><h3>Question {n}?</h3><p>{answer * 3}</p></div>" for n in range(3)
    )
    body = (
        "<section class='hero'><div class='wrap'><h1>Managed hosting</h1><div class='lead'>"
        "Hosting for small shops, looked after by people who answer the phone.</div></div>"
        "</section><section class='features'><div class='wrap'><h2>What you get</h2>"
        f"<div class='grid'>{features}</div></div></section><section class='faq'>"
        f"<div class='wrap'><h2>Questions</h2><div class='list'>{faq}</div></div></section>"
    )
    return (
        f"<html><head><title>Managed hosting</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/pricing'>Pricing</a></nav>"
        f"<{landmark}>{wrap.format(body)}</{landmark}><footer>Example Hosting Ltd</footer>"
        "</body></html>"
    )


def test_page_of_sections_is_read_whole_from_its_main() -> None:
    # the answers score best; the feature blocks hold more text, in short pieces
    text = to_text(parse_html(_service_page(head='<meta property="og:type" content="website">')))
    assert "Feature B comes with every plan" in text
    assert "Question 2?" in text
    assert "Example Hosting Ltd" not in text


@pytest.mark.parametrize("landmark", ["div", "body"])
def test_page_of_sections_without_a_main_is_read_whole(landmark: str) -> None:
    # the sections' box is a wrapper, or the body itself
    page = _service_page(head='<meta property="og:type" content="website">', landmark="div")
    if landmark == "body":
        page = page.replace("<div><section", "<section").replace("</section></div>", "</section>")
    text = to_text(parse_html(page))
    assert "Feature B comes with every plan" in text
    assert "Question 2?" in text
    assert "Example Hosting Ltd" not in text


def test_page_of_sections_without_a_main_is_not_widened_for_an_article_or_a_product() -> None:
    for head in (
        '<meta property="og:type" content="article">',
        '<script type="application/ld+json">{"@type": "Product", "name": "Hosting"}</script>',
    ):
        text = to_text(parse_html(_service_page(head=head, landmark="div")))
        assert "Question 2?" in text
        assert "Feature B comes with every plan" not in text


def test_section_holder() -> None:
    root = parse_tree(_service_page(landmark="div"))
    labels = label_page(root)
    answer = root.find(".//div[@class='qa']/p")
    holder = section_holder(answer, labels)
    assert holder is not None
    assert holder.tag == "div"
    assert [child.tag for child in holder] == ["section"] * 3
    # one section with text among its siblings is no page of sections
    lone = parse_tree(
        "<html><body><div><section><p>Some text here</p></section><section></section>"
        "<div><p>More text</p></div></div></body></html>"
    )
    assert section_holder(lone.find(".//p"), label_page(lone)) is None
    # nor is an element in no section at all
    assert section_holder(root.find(".//footer"), labels) is None


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="og:type" content="article">',
        '<script type="application/ld+json">{"@type": "BlogPosting"}</script>',
        # damaged as the metadata walk repairs it (a trailing comma): read as it reads it
        '<script type="application/ld+json">{"@type": "BlogPosting",}</script>',
    ],
)
def test_an_article_is_not_widened_to_its_main(head: str) -> None:
    text = to_text(parse_html(_service_page(head=head)))
    assert "Question 2?" in text
    assert "Feature B comes with every plan" not in text


def test_declares_article() -> None:
    head = '<meta property="og:type" content="article">'
    assert declares_article(parse_tree(f"<html><head>{head}</head><body></body></html>"))
    ld = '<script type="application/ld+json">{"@type": ["WebPage", "NewsArticle"]}</script>'
    assert declares_article(parse_tree(f"<html><head>{ld}</head><body></body></html>"))
    assert not declares_article(parse_tree("<html><body><p>x</p></body></html>"))


def test_declares_article_reads_the_json_ld_the_metadata_walk_parsed() -> None:
    ld = '<script type="application/ld+json">{"@type": "WebPage"}</script>'
    root = parse_tree(f"<html><head>{ld}</head><body></body></html>")
    assert not declares_article(root)
    # the parsed values given are read, not the scripts' text
    assert declares_article(root, [[{"@type": "WebPage"}, {"@type": "BlogPosting"}]])
    assert not declares_article(root, [[{"@type": "WebPage"}]])
    assert not declares_article(root, [])
    # og:type is read from the markup still
    head = '<meta property="og:type" content="article">'
    assert declares_article(parse_tree(f"<html><head>{head}</head><body></body></html>"), [])


def test_the_parse_hands_the_metadata_walks_json_ld_to_the_content_choice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import articlekit.html.content as content_module

    seen: list[object] = []
    real = content_module.declares_article

    def spy(root: object, jsonld: object = None) -> bool:
        seen.append(jsonld)
        return real(root, jsonld)  # type: ignore[arg-type]

    monkeypatch.setattr(content_module, "declares_article", spy)
    ld = '<script type="application/ld+json">{"@type": "Service", "name": "Plans"}</script>'
    parse_html(_service_page(head=ld))
    assert seen == [[[{"@type": "Service", "name": "Plans"}]]]


def _questions_page(faq_class: str, heading: str = "Questions") -> str:
    """A service page whose closing questions hold well over half of its text."""
    feature = (
        "<div class='feature'><h3>{0}</h3><div class='text'>{0} comes with every plan and "
        "is set up by our team within a day, free of charge</div></div>"
    )
    features = "".join(feature.format(f"Feature {c}") for c in "ABCDEFGH")
    answer = (
        "Yes. You can move your data at any time, and our team helps with the transfer, "
        "the checks afterwards and the training of your staff, at no extra cost. "
    )
    faq = "".join(
        f"<div class='item'><h3>Question {n}?</h3><p>{answer * 3}</p></div>" for n in range(3)
    )
    return (
        "<html><head><title>Managed hosting</title></head><body><main>"
        "<section><div class='wrap'><h1>Managed hosting</h1><p>Hosting for small shops.</p>"
        f"</div></section><section><div class='wrap'><h2>What you get</h2><div class='grid'>"
        f"{features}</div></div></section><section><div class='wrap'><h2>{heading}</h2>"
        f"<div class='{faq_class}'>{faq}</div></div></section></main></body></html>"
    )


def test_questions_closing_a_page_of_sections_give_way_to_its_main() -> None:
    root = parse_tree(_questions_page("faq-list"))
    assert find_main_content(root).elements[0].tag == "main"
    assert "Feature C comes with every plan" in to_text(parse_html(_questions_page("faq-list")))
    # the same box under another name holds enough of the page to stay its content
    root = parse_tree(_questions_page("list"))
    assert find_main_content(root).elements[0].tag != "main"


def test_questions_under_a_faq_heading_give_way_to_the_main_too() -> None:
    # a box of no such name, headed "Frequently Asked Questions ..."
    page = _questions_page("list", heading="Frequently Asked Questions About Hosting")
    assert find_main_content(parse_tree(page)).elements[0].tag == "main"
    root = parse_tree(_questions_page("list", heading="FAQs"))
    main = root.find(".//main")
    assert is_faq_box(root.find(".//div[@class='list']"), main)
    # a heading that merely mentions questions heads no FAQ box
    root = parse_tree(_questions_page("list", heading="Questions we hear about FAQs"))
    assert not is_faq_box(root.find(".//div[@class='list']"), root.find(".//main"))


def test_is_faq_box() -> None:
    root = parse_tree(_questions_page("accordion-wrapper"))
    main = root.find(".//main")
    assert is_faq_box(root.find(".//div[@class='accordion-wrapper']/div"), main)
    assert not is_faq_box(root.find(".//div[@class='grid']"), main)


def _post_card(n: int) -> str:
    return (
        f"<article class='post'><a href='/post-{n}'><img src='/p{n}.jpg' alt=''></a>"
        f"<h4><a href='/post-{n}'>Another post number {n}</a></h4><span>December {n}, 2025</span>"
        f"<p>The first words of post {n}, cut off after a line or two so that the reader"
        " clicks through to the rest of it</p></article>"
    )


def _page_with_sibling(sibling: str) -> str:
    return (
        "<html><body><div id='wrap'>"
        f"<div id='main'><h1>A post</h1>{PARA * 6}</div>"
        f"<div id='more'>{sibling}</div></div></body></html>"
    )


def test_grid_of_post_cards_beside_the_article_stays_out() -> None:
    cards = "".join(_post_card(n) for n in range(1, 4))
    text = to_text(parse_html(_page_with_sibling(f"<div class='grid'>{cards}</div>")))
    assert "An article sentence" in text
    assert "The first words of post" not in text
    assert "Another post number" not in text


def test_is_card_list() -> None:
    cards = "".join(_post_card(n) for n in range(1, 4))
    long_part = "<article><h2>A chapter</h2>" + PARA * 8 + "</article>"
    step = "Mix the flour and the water. " * 4
    unlinked = f"<article><h2>A step</h2><p>{step}</p></article>"
    cases = {
        "cards": (cards, True),
        "one card": (_post_card(1), False),
        "cards under prose": (cards + PARA * 12, False),
        "chapters": (long_part * 2, False),
        "unlinked steps": (unlinked * 3, False),
    }
    for name, (inner, expected) in cases.items():
        root = parse_tree(f"<html><body><div id='box'>{inner}</div></body></html>")
        labels = label_page(root)
        assert is_card_list(_find_id(root, "box"), labels) is expected, name


def _rows_page() -> str:
    def row(inner: str) -> str:
        return f"<section class='row'><div class='col'>{inner}</div></section>"

    parts = [row("<h1>A guide in rows</h1>"), row("<h2>Before the text</h2>")]
    for n in range(1, 4):
        parts.append(row(f"<h2>Part {n} of the guide</h2>"))
        parts.append(row(PARA * 2))
    parts.append(row("<h3><a href='/other'>Another guide, linked</a></h3>"))
    parts.append(row(PARA))
    parts.append(row("<h3>Auch interessant</h3>"))
    parts.append(row(PARA))
    parts.append(row("<h2>Contact</h2><form><input name='email'></form>"))
    parts.append(row(PARA))
    loose = "A loose line of text, long enough. " * 3
    parts.append(row(f"<div><h4>Inside a paragraph</h4>{loose}</div>"))
    parts.append(row(PARA))
    parts.append(row("<h3>After the text</h3>"))
    return "<html><body>" + "".join(parts) + "</body></html>"


def test_baseline_takes_the_headings_between_its_paragraphs() -> None:
    root = parse_tree(_rows_page())
    labels = label_page(root)
    baseline = Candidate(
        elements=list(labels.paragraphs), labels=labels, method="baseline", chars=100
    )
    found = with_section_headings(baseline)
    texts = [el.text_content() for el in found.elements]
    assert texts[0] == PARA[3:-4]
    assert texts[1] == texts[0]
    assert texts[2] == "Part 2 of the guide"
    assert "Part 3 of the guide" in texts
    assert texts.index("Part 3 of the guide") == 5
    for left_out in ("A guide in rows", "Before the text", "Part 1 of the guide"):
        assert left_out not in texts  # the title, and headings before the first paragraph
    assert "Another guide, linked" not in texts  # a link's title
    assert "Auch interessant" not in texts  # a recommendation title
    assert "Contact" not in texts  # the heading of a dropped form
    assert "Inside a paragraph" not in texts  # read with its paragraph
    assert "After the text" not in texts
    assert found.chars > baseline.chars


def test_baseline_without_headings_between_is_unchanged() -> None:
    root = parse_tree(f"<html><body><h2>Intro</h2><div>{PARA}</div><div>{PARA}</div></body></html>")
    labels = label_page(root)
    paragraphs = list(labels.paragraphs)
    baseline = Candidate(elements=paragraphs, labels=labels, method="baseline", chars=1)
    assert with_section_headings(baseline) is baseline


_EVENT = (
    "<li class='event'><div class='pic'><a href='/shows/{n}'><img src='/a.png' alt=''></a></div>"
    "<div class='info'><p class='names'><a href='/shows/{n}'><strong>The Band Number {n}"
    "</strong></a></p><p class='where'><a href='/halls/{n}'>Hall {n}</a>, Springfield, with"
    " support acts and a late show</p></div></li>"
)


def _listing(items: str) -> str:
    return (
        "<html><head><title>Concerts in Springfield</title></head><body>"
        "<nav><ul>" + "<li><a href='/m'>Menu</a></li>" * 6 + "</ul></nav>"
        "<div class='top'><h1>Concerts in Springfield</h1><p>Find tickets to all the concerts"
        " in and around Springfield this season.</p></div>"
        f"<ul class='listing'>{items}</ul></body></html>"
    )


def test_a_listing_read_by_the_baseline_keeps_its_entries_linked_names() -> None:
    page = _listing("".join(_EVENT.format(n=n) for n in range(1, 7)))
    found = find_main_content(parse_tree(page), title="Concerts in Springfield")
    assert found.method == "entries"
    assert [el.get("class") for el in found.elements] == [None] + ["event"] * 6
    doc = parse_html(page)
    text = to_text(doc)
    for n in range(1, 7):
        # the name, as a paragraph of its entry (not a recommendation), above its place
        assert f"The Band Number {n}\n\nHall {n}, Springfield" in text
    assert not any(type(block).__name__ == "Recommendations" for block in doc.blocks)
    assert "Menu" not in text


def test_an_entry_without_its_own_paragraph_is_read_with_its_list() -> None:
    lone = (
        "<li class='event'><div class='info'><p class='names'><a href='/shows/9'>"
        "<strong>The Late Addition</strong></a></p></div></li>"
    )
    events = [_EVENT.format(n=n) for n in range(1, 6)]
    page = _listing("".join(events[:3]) + lone + "".join(events[3:]))
    assert "Springfield, with support acts and a late show\n\nThe Late Addition\n\n" in to_text(
        parse_html(page)
    )


def _baseline_of(page: str) -> Candidate:
    labels = label_page(parse_tree(page))
    paragraphs = [p for p in labels.paragraphs if labels.stats[p].link_density <= 0.5]
    return Candidate(elements=paragraphs, labels=labels, method="baseline", chars=1)


@pytest.mark.parametrize(
    ("box", "item"),
    [
        # an article's paragraphs that hold a link
        (
            "body",
            "<div class='para'><a href='/s'>A source</a> says so in a sentence of the article,"
            " with commas, that goes on for a while longer.</div>",
        ),
        # service cards that close with their link
        (
            "grid",
            "<div class='card'><h3>Consulting</h3><p>We plan, build and run the systems your"
            " team needs, with a named engineer for each.</p><a href='/more'>Learn more</a></div>",
        ),
    ],
    ids=["article-linked-paragraphs", "cards-closing-with-a-link"],
)
def test_items_that_do_not_open_with_a_link_are_no_entries(box: str, item: str) -> None:
    baseline = _baseline_of(f"<html><body><div class='{box}'>{item * 6}</div></body></html>")
    assert len(baseline.elements) == 6
    assert with_list_items(baseline) is baseline


def test_a_few_entries_beside_an_article_stay_paragraphs() -> None:
    teaser = (
        "<div class='teaser'><a href='/other/{n}'>Another story {n}</a><p>A summary of the"
        " other story, short but with a clause or two, the way a teaser sums a story up in a"
        " line or two of its own.</p></div>"
    )
    article = f"<p>{PARA[3:-4] * 5}</p>" * 4
    page = (
        f"<html><body><div class='text'>{article}</div><div class='more'>"
        + "".join(teaser.format(n=n) for n in range(5))
        + "</div></body></html>"
    )
    baseline = _baseline_of(page)
    assert with_list_items(baseline) is baseline


_CARD = (
    "<a class='card' href='https://api.example.org/widgets/{n}'><div class='card-title'>"
    "<span>Widget {n}</span></div><div class='card-text'><p>Lays out its child {n}.</p></div></a>"
)


def _catalog() -> str:
    cards = "".join(_CARD.format(n=n) for n in range(1, 9))
    return (
        "<html><head><title>Layout widgets</title></head><body><main><article>"
        "<h1>Layout widgets</h1><p>A catalog of the layout widgets.</p>"
        f"<h2>Single-child widgets</h2><div class='grid'>{cards}</div>"
        f"<h2>Multi-child widgets</h2><div class='grid'>{cards}</div>"
        "</article></main></body></html>"
    )


def test_a_catalog_of_cards_is_read_as_its_entries() -> None:
    doc = parse_html(_catalog())
    text = to_text(doc)
    assert "Widget 3\n\nLays out its child 3." in text
    assert "Multi-child widgets" in text
    assert not any(type(block).__name__ == "Recommendations" for block in doc.blocks)


def test_cards_below_an_article_stay_recommendations() -> None:
    cards = "".join(_CARD.format(n=n) for n in range(1, 5))
    page = (
        "<html><head><title>A story</title></head><body><main><article><h1>A story</h1>"
        f"<div class='body'>{PARA * 8}<div class='grid'>{cards}</div></div>"
        "</article></main></body></html>"
    )
    doc = parse_html(page)
    assert "Lays out its child" not in to_text(doc)


def test_a_catalog_is_read_as_links_when_catalogs_are_off() -> None:
    blocks, _ = extract_blocks(parse_tree(_catalog()), catalogs=False)
    assert not any("Lays out its child" in repr(block) for block in blocks)
    blocks, _ = extract_blocks(parse_tree(_catalog()))
    assert any("Lays out its child 3" in repr(block) for block in blocks)


def test_precedes_is_page_order_without_holding() -> None:
    from articlekit.html.content import _precedes

    root = parse_tree(
        "<div><p>a<b>b</b></p><section><h2>c</h2><p>d</p><ul><li>e</li><li>f</li></ul>"
        "</section><p>g</p></div>"
    )
    order = list(root.iter())
    for i, first in enumerate(order):
        for j, second in enumerate(order):
            holds = any(anc is first for anc in second.iterancestors())
            assert _precedes(first, second) == (i < j and not holds), (first.tag, second.tag)


def _product_page(head: str, reviews_class: str = "product-reviews") -> str:
    """A shop's product page: the description and specs, then its buyers' reviews."""
    review = (
        "<div class='review'><span>Sam K.</span><span>03/04/2024</span>"
        "<p>Sturdy and quiet, though the assembly took longer than the leaflet says, and"
        " one of the screws was missing from the bag, which support sent within a week.</p>"
        "<p>Was this review helpful?</p></div>"
    )
    return (
        f"<html><head>{head}</head><body><main><div id='product'>"
        "<h1>Oak Desk Lamp</h1>"
        "<p>The lamp is turned from solid oak, with a linen shade that softens the light, and"
        " a brass switch on the cable that clicks firmly into place at every setting.</p>"
        "<p>Its base is weighted, so that it stands steady on a desk or a bedside table, and"
        " the cable is long enough to reach a socket behind a bookcase without a lead.</p>"
        "<ul><li>Height: 42 cm</li><li>Bulb: E27, up to 40 W</li></ul>"
        f"<div class='{reviews_class}'><h2>Customer Reviews</h2>{review * 4}</div>"
        "</div></main></body></html>"
    )


_OG_PRODUCT = "<meta property='og:type' content='product'>"
_LD_PRODUCT = (
    "<script type='application/ld+json'>"
    '{"@context": "https://schema.org", "@type": "Product", "name": "Oak Desk Lamp"}</script>'
)


@pytest.mark.parametrize("head", [_OG_PRODUCT, _LD_PRODUCT])
def test_customer_reviews_under_a_product_stay_out(head: str) -> None:
    text = to_text(parse_html(_product_page(head)))
    assert "turned from solid oak" in text
    assert "Height: 42 cm" in text
    assert "Sturdy and quiet" not in text
    assert "Was this review helpful" not in text


def test_reviews_stay_on_a_page_that_declares_no_product() -> None:
    # a review article may name its own parts "product-reviews": without a declared
    # product nothing goes
    text = to_text(parse_html(_product_page("")))
    assert "Sturdy and quiet" in text
    article = "<meta property='og:type' content='article'>" + _LD_PRODUCT.replace(
        '"Product"', '["Product", "Review", "Article"]'
    )
    assert "Sturdy and quiet" in to_text(parse_html(_product_page(article)))


def test_declares_product() -> None:
    assert declares_product(parse_tree(_product_page(_OG_PRODUCT)), None)
    assert declares_product(parse_tree(_product_page("")), [[{"@type": "Product"}]])
    assert declares_product(
        parse_tree(_product_page("")), [[{"@graph": [{"@type": "https://schema.org/Product"}]}]]
    )
    assert not declares_product(parse_tree(_product_page("")), None)
    assert not declares_product(
        parse_tree(_product_page("")), [[{"@type": ["Product", "BlogPosting"]}]]
    )
    article = "<meta property='og:type' content='article'>"
    assert not declares_product(parse_tree(_product_page(article)), [])


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("product-reviews", True),
        ("customer-review js-review", True),
        ("pdp-reviews_container__2v_ZS", True),
        ("reviews-wrapper", True),
        ("review-list", True),
        ("widget-reviews", True),
        ("review-summary", False),
        ("preview-card", False),
        ("reviewer-name", False),
    ],
)
def test_customer_review_boxes(name: str, found: bool) -> None:
    root = parse_tree(_product_page(_OG_PRODUCT, name))
    boxes = customer_review_boxes([_find_id(root, "product")])
    assert [box.get("class") for box in boxes] == ([name] if found else [])
