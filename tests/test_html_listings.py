"""Pages that are listings: grids of cards read as the page's content (html/blocks.py)."""

from __future__ import annotations

import lxml.html

from articlekit import to_text
from articlekit.html import _trimmed, _trims_every_line, parse_html
from articlekit.html import content as content_module
from articlekit.html.blocks import (
    is_card_figure,
    is_card_listing,
    is_grid_card,
    is_titled_section,
    link_entry_heading,
    trim_edges,
)
from articlekit.html.clean import label_page
from articlekit.html.content import (
    LISTING_ENTRIES,
    MAX_SCRAP_CHARS,
    PAGE_OVER_SCRAP,
    Candidate,
    card_grid_main,
    find_main_content,
    in_consent_manager,
    page_over_scrap,
)
from articlekit.html.tree import parse_tree
from articlekit.model import (
    Block,
    Document,
    Figure,
    Heading,
    Image,
    Link,
    Paragraph,
    Recommendation,
    Recommendations,
    Text,
    plain_text,
)
from articlekit.verdict import (
    ENTRY_LISTING_MAX_SECTION_CHARS,
    LISTING_PROSE_PER_ENTRY_CHARS,
    LISTING_TOTAL_PROSE_OVERRIDE_CHARS,
    PageSignals,
    article_score,
    declares_listing,
    doc_features,
    judge,
    listing_prose_override,
    looks_like_listing,
    reads_as_entries,
)

PROSE = (
    "<p>The council met on Tuesday evening to discuss the budget, and after a long debate"
    " it agreed to fund the new library, the repairs to the bridge and two more buses for"
    " the routes that the villages outside the town have asked for since last spring.</p>"
)


def _story(n: int) -> str:
    return (
        f"<div class='story-card story-card--{n}'><div class='story-card__thumb'>"
        f"<img src='/img/{n}.jpg' alt='Picture {n}'></div><div class='story-card__text'>"
        f"<a href='/news/story-{n}'><h3>Headline of the listed story number {n}</h3></a>"
        f"<p>What story {n} is about, in the one sentence of its summary.</p>"
        f"<span>Reporter {n}</span></div></div>"
    )


def _page(body: str) -> str:
    return (
        "<html><head><title>Science</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<main><h1>Science</h1>{body}</main></body></html>"
    )


def test_a_grid_of_story_cards_is_read_as_the_listing() -> None:
    page = _page("<div class='river'>" + "".join(_story(n) for n in range(1, 7)) + "</div>")
    doc = parse_html(page, url="https://news.example/science/")
    text = to_text(doc)
    assert "Headline of the listed story number 3" in text
    assert "What story 3 is about" in text
    assert not any(isinstance(block, Recommendations) for block in doc.blocks)
    # each headline keeps the link its card drew around it
    headings = [block for block in doc.blocks if isinstance(block, Heading)]
    linked = [h.content[0] for h in headings if len(h.content) == 1]
    assert any(
        isinstance(link, Link)
        and link.url == "https://news.example/news/story-5"
        and plain_text(link) == "Headline of the listed story number 5"
        for link in linked
    )


def test_link_entry_heading_links_the_first_heading_only() -> None:
    title = Heading(level=3, content=(Text(text="A headline"),))
    linked = Heading(
        level=3, content=(Link(url="https://news.example/b", content=(Text(text="B"),)),)
    )
    summary = Paragraph(content=(Text(text="A summary."),))
    blocks: list[Block] = [summary, title, summary, title]
    link_entry_heading(blocks, 1, "https://news.example/a")
    assert blocks[1] == Heading(
        level=3, content=(Link(url="https://news.example/a", content=(Text(text="A headline"),)),)
    )
    assert blocks[3] == title  # the next entry's heading is not this entry's
    blocks = [linked]
    link_entry_heading(blocks, 0, "https://news.example/a")
    assert blocks == [linked]  # a heading that links somewhere already stays


def test_cards_among_an_articles_prose_stay_recommendations() -> None:
    # an article's "read also" cards stand between long stretches of its prose
    body = "".join(f"{PROSE * 3}{_story(n)}" for n in range(1, 6))
    doc = parse_html(_page(f"<article>{body}</article>"), url="https://news.example/a/")
    assert "Headline of the listed story number 3" not in to_text(doc)
    assert any(isinstance(block, Recommendations) for block in doc.blocks)


def test_a_few_cards_are_no_listing() -> None:
    page = _page("<div class='river'>" + "".join(_story(n) for n in range(1, 4)) + "</div>")
    doc = parse_html(page, url="https://news.example/science/")
    assert "Headline of the listed story number 2" not in to_text(doc)


def _rec(n: int) -> Recommendations:
    item = Recommendation(title=f"Story {n}", url=f"https://news.example/{n}")
    return Recommendations(title=None, items=(item,))


def test_is_card_listing_weighs_the_text_between_cards() -> None:
    summary = Paragraph(content=(Text(text="A summary of sixty characters or so, of a story."),))
    blocks = [block for n in range(4) for block in (_rec(n), summary)]
    assert is_card_listing(blocks, 4) is True
    assert is_card_listing(blocks, 3) is False  # too few cards
    long = Paragraph(content=(Text(text="word " * 400),))
    assert is_card_listing([*blocks, long], 4) is False  # prose outweighs the cards


def _figure_card(n: int) -> str:
    return (
        f"<div class='product'><figure><a href='/shoes/runner-{n}'><img src='/s/{n}.jpg' alt=''>"
        f"</a><div class='info'><a href='/shoes/runner-{n}'>Trail runner model {n}</a>"
        "<div class='kind'>Men's road running shoes, cushioned for long runs</div>"
        f"<div class='price'>${100 + n}</div>"
        "</div></figure></div>"
    )


def test_a_card_wrapped_in_a_figure_keeps_its_name_and_price() -> None:
    cards = "".join(_figure_card(n) for n in range(1, 13))
    grid = f"<section class='grid'>{cards}</section>"
    text = to_text(parse_html(_page(grid), url="https://shop.example/running/"))
    assert "Trail runner model 4" in text
    assert "$104" in text


def test_a_picture_figure_is_no_card() -> None:
    root = lxml.html.fromstring(
        "<div><figure><img src='/p.jpg' alt=''><span>Photo: the agency</span></figure>"
        "<figure><a href='/p-large.jpg'><img src='/p.jpg' alt=''></a>"
        "<figcaption>The harbour at dawn</figcaption></figure></div>"
    )
    first, second = root.findall(".//figure")
    assert is_card_figure(first) is False
    assert is_card_figure(second) is False
    assert is_card_figure(lxml.html.fromstring(_figure_card(1)).find(".//figure")) is True


def test_grid_cards_told_apart_by_later_class_names_are_a_grid() -> None:
    tile = (
        "<div class='tile-thumb tile-{n}'><a href='/shop/pot-{n}'><img src='/i/{n}.jpg' alt=''>"
        "<span>Clay pot number {n}, medium size</span></a><span>$19.50</span></div>"
    )
    grid = lxml.html.fromstring(f"<div>{''.join(tile.format(n=n) for n in range(3))}</div>")
    assert is_grid_card(grid[0]) is True
    # a lone picture box among other boxes is none
    mixed = lxml.html.fromstring(
        f"<div>{tile.format(n=1)}<div class='text'>a</div><div class='text'>b</div></div>"
    )
    assert is_grid_card(mixed[0]) is False


_TERMS = (
    "<p>These terms apply to your use of the shop, its pages and its services, and by"
    " using them you agree to be bound by them, as amended from time to time, in full.</p>"
)


def _shop_page(main_heading: str) -> str:
    cards = "".join(_figure_card(n) for n in range(1, 13))
    return (
        "<html><head><title>Running shoes</title></head><body>"
        f"<main>{main_heading}<p class='intro'>Light, cushioned and made for the long runs of"
        " the weekend, our running shoes carry you from the first mile to the last one.</p>"
        f"<section class='grid'>{cards}</section></main>"
        "<footer><div class='links'><a href='/help'>Help</a></div>"
        f"<div class='takeover'><h1>Terms of use</h1>{_TERMS * 20}</div></footer>"
        "</body></html>"
    )


def test_a_footer_titled_by_its_own_h1_after_the_main_h1_is_furniture() -> None:
    text = to_text(parse_html(_shop_page("<h1>Running shoes</h1>")))
    assert "These terms apply" not in text
    assert "Light, cushioned" in text


def test_a_footer_holding_the_pages_only_h1_is_read_as_before() -> None:
    # without a headed <main> before it, the footer's <h1> still keeps it (the article of
    # a template that puts it in a footer)
    text = to_text(parse_html(_shop_page("<h2>Running shoes</h2>")))
    assert "These terms apply" in text


def _entries_doc(entries: int) -> Document:
    """A listing read as its entries: a linked headline over a two-sentence summary."""
    summary = (
        "What the story is about, told in a sentence of its own for the reader of the"
        " category page. A second sentence adds the detail that makes one click on it."
    )
    blocks: list[Block] = []
    for n in range(entries):
        link = Link(url=f"https://news.example/story-{n}", content=(Text(text=f"Story {n}"),))
        blocks.append(Heading(level=3, content=(link,)))
        blocks.append(Paragraph(content=(Text(text=summary),)))
    return Document(title="Science", blocks=tuple(blocks))


def test_a_listings_summaries_do_not_outweigh_its_headlines() -> None:
    doc = doc_features(_entries_doc(40))
    assert doc.prose_chars > LISTING_TOTAL_PROSE_OVERRIDE_CHARS
    assert listing_prose_override(doc) == 40 * LISTING_PROSE_PER_ENTRY_CHARS
    # 40 linked headlines are full teaser evidence; 6,000 characters of summaries damp it
    # by their share of 16,000, not wholly as an article's 5,000 would
    assert looks_like_listing(doc, PageSignals()) > 0.2
    # few linked headings: the fixed amount of prose outweighs the evidence, as before
    few = doc_features(_entries_doc(3))
    assert listing_prose_override(few) == LISTING_TOTAL_PROSE_OVERRIDE_CHARS


def _linked_sections_doc(headings: int, paragraphs: int) -> Document:
    """Linked headings, each over ``paragraphs`` paragraphs of a two-sentence summary."""
    summary = (
        "What the story is about, told in a sentence of its own for the reader of the"
        " category page. A second sentence adds the detail that makes one click on it."
    )
    blocks: list[Block] = []
    for n in range(headings):
        link = Link(url=f"https://news.example/story-{n}", content=(Text(text=f"Story {n}"),))
        blocks.append(Heading(level=3, content=(link,)))
        blocks.extend(Paragraph(content=(Text(text=summary),)) for _ in range(paragraphs))
    return Document(title="Science", blocks=tuple(blocks))


def test_a_list_of_entries_with_short_summaries_is_judged_a_listing() -> None:
    # 24 linked headlines over a 160-character summary each: 3,840 characters of prose,
    # which damped the listing evidence by 40% and kept the article score at half
    doc = _linked_sections_doc(24, 1)
    features = doc_features(doc)
    assert features.max_section_prose <= ENTRY_LISTING_MAX_SECTION_CHARS
    assert reads_as_entries(features) is True
    page = PageSignals(headline_links=24)
    assert looks_like_listing(features, page) > article_score(features, page)
    assert judge(doc, page=page).kind == "listing"


def test_linked_headings_over_long_sections_stay_an_article() -> None:
    # a roundup article: each linked heading (a product, a site) opens a section of prose
    doc = _linked_sections_doc(8, 5)
    features = doc_features(doc)
    assert features.max_section_prose > ENTRY_LISTING_MAX_SECTION_CHARS
    assert reads_as_entries(features) is False
    assert judge(doc, page=PageSignals(headline_links=8)).kind == "article"
    # few linked headings are no list of entries, however short the sections
    assert reads_as_entries(doc_features(_linked_sections_doc(4, 1))) is False


def _described_category() -> Document:
    """A shop category read as the long description under its grid (one prose section)."""
    blocks = [Heading(level=1, content=(Text(text="Running shoes"),))]
    blocks.extend(Paragraph(content=(Text(text=PROSE[3:-4]),)) for _ in range(15))
    return Document(title="Running shoes", blocks=tuple(blocks))


def test_a_page_declaring_a_listing_is_judged_one_despite_its_description() -> None:
    doc = _described_category()
    assert doc_features(doc).max_section_prose > 2000
    declared = PageSignals(headline_links=24, jsonld_types=("collectionpage", "webpage"))
    assert declares_listing(declared) is True
    # the description would outweigh every piece of listing evidence as an article's prose
    assert looks_like_listing(doc_features(doc), declared) > 0.5
    assert judge(doc, page=declared).kind == "listing"


def test_a_page_declaring_an_article_too_stays_an_article() -> None:
    doc = _described_category()
    both = PageSignals(headline_links=24, jsonld_types=("itemlist", "newsarticle"))
    assert declares_listing(both) is False
    assert judge(doc, page=both).kind == "article"
    assert judge(doc, page=PageSignals(headline_links=24)).kind == "article"


def _picture_row(n: int) -> str:
    return (
        f"<div class='two-columns content-component_image row-{n}'>"
        f"<div class='col'><h3>Market number {n} of the town</h3>"
        f"<p>The market of week {n} sells fruit, flowers and bread.</p></div>"
        f"<div class='col'><img src='/img/market-{n}.jpg' alt='Stall {n}'></div></div>"
    )


def test_a_picture_row_holding_a_heading_and_a_paragraph_keeps_its_text() -> None:
    rows = "".join(_picture_row(n) for n in range(1, 4))
    text = to_text(parse_html(_page(PROSE + rows)))
    for n in range(1, 4):
        assert f"Market number {n} of the town" in text
        assert f"The market of week {n} sells fruit" in text


def test_is_titled_section_tells_a_section_from_a_captioned_picture() -> None:
    row = lxml.html.fromstring(_picture_row(1))
    assert is_titled_section(row) is True
    figure = lxml.html.fromstring(
        "<div class='image'><img src='/a.jpg' alt=''><p>The bridge at dawn.</p></div>"
    )
    assert is_titled_section(figure) is False
    titled = lxml.html.fromstring("<div class='image'><img src='/a.jpg' alt=''><h3>Dawn</h3></div>")
    assert is_titled_section(titled) is False


_PURPOSE = (
    "<h4>Performance cookies</h4><p>These cookies allow us to count visits and traffic"
    " sources so we can measure and improve the performance of our site, and they help us"
    " to know which pages are the most and least popular and see how visitors move around"
    " the site. All information these cookies collect is aggregated and anonymous.</p>"
)


def _category_under_consent_manager() -> str:
    cards = "".join(
        f"<li class='card'><a href='/recipes/sauce-{n}'>Slow tomato sauce number {n}</a></li>"
        for n in range(1, 9)
    )
    return (
        "<html><head><title>Tomato sauces</title></head><body>"
        "<main><h1>Tomato sauces</h1><p>Our collection of tomato sauce recipes has something"
        " for every dish, a big plate of pasta or a tian.</p>"
        f"<ul class='cards'>{cards}</ul></main>"
        "<div id='onetrust-consent-sdk' class='show-banner'><div class='ot-pc-content'>"
        f"<h3>Your privacy</h3>{_PURPOSE * 12}</div></div></body></html>"
    )


def test_the_relaxed_retry_never_reads_a_consent_managers_preference_centre() -> None:
    text = to_text(parse_html(_category_under_consent_manager()))
    assert "Our collection of tomato sauce recipes" in text
    assert "Performance cookies" not in text
    assert "These cookies allow us" not in text


def test_in_consent_manager_reads_the_boxes_around_the_elements() -> None:
    root = lxml.html.fromstring(_category_under_consent_manager())
    purpose = root.xpath("//h4")[0]
    assert in_consent_manager([purpose]) is True
    assert in_consent_manager(root.xpath("//main/p")) is False
    # a class naming cookies as a recipe's subject is no consent manager
    baking = lxml.html.fromstring("<div class='recipe-cookies'><p>Butter cookies</p></div>")
    assert in_consent_manager([baking[0]]) is False


def _blog_home_of_linked_cards(cards: int = 20) -> str:
    """A blog's home page: its entries are link cards (title, author, date all in the
    link), its only plain text a cookie notice."""
    entries = "".join(
        f"<div class='card'><a href='/posts/{i}'><h2>Post number {i} on scaling our"
        f" storage layer</h2><span>Ann Lee</span> <span>{i}d ago</span></a></div>"
        for i in range(cards)
    )
    return (
        "<html><body><header><nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
        f"</header><main><h1>Engineering Blog</h1><div class='feed'>{entries}</div></main>"
        "<div class='notice'><p>We use cookies to make this site work, and by reading on,"
        " you agree to that.</p></div>"
        "<footer><a href='/privacy'>Privacy</a></footer></body></html>"
    )


def test_a_listing_of_link_cards_is_read_over_a_scrap_of_text() -> None:
    text = to_text(parse_html(_blog_home_of_linked_cards()))
    assert "Post number 0 on scaling our storage layer" in text
    assert "Post number 10 on scaling our storage layer" in text
    assert "We use cookies" not in text  # the scrap the cascade had found
    assert "Privacy" not in text  # the footer is still furniture


def test_page_over_scrap_reads_the_main_region() -> None:
    root = parse_tree(_blog_home_of_linked_cards())
    found = find_main_content(root)
    assert found.method == PAGE_OVER_SCRAP
    assert [el.tag for el in found.elements] == ["main"]


def test_page_over_scrap_keeps_content_that_is_not_a_scrap() -> None:
    root = parse_tree(_blog_home_of_linked_cards())
    labels = label_page(root)
    notice = root.xpath("//div[@class='notice']")[0]
    scrap = Candidate(elements=[notice], labels=labels, method="scored", chars=76)
    assert page_over_scrap(root, scrap).method == PAGE_OVER_SCRAP
    enough = Candidate(elements=[notice], labels=labels, method="scored", chars=MAX_SCRAP_CHARS)
    assert page_over_scrap(root, enough) is enough
    # a page with little text besides its content: the content is the page's
    short = parse_tree("<body><p>Gone fishing.</p><nav><a href='/'>Home</a></nav></body>")
    short_labels = label_page(short)
    note = Candidate(elements=[short[0][0]], labels=short_labels, method="scored", chars=13)
    assert page_over_scrap(short, note) is note


SECTION_LEADS = (
    "Crisp potatoes, roast vegetables and a tray of fish: the oven does it all, with almost"
    " nothing to wash up after dinner.",
    "Chicken for dinner! These oven chicken recipes are easy, healthy and ready on a"
    " weeknight in under forty minutes.",
    "No meat tonight? These vegetable trays are cheap, filling and good cold for lunch the"
    " next day, too.",
)


def _recipe_grid_page(cards: int, around: str = "div") -> str:
    """A category page: a <main> of sections, each a short lead over a row of cards that
    are nothing but a link (a picture, a title)."""
    sections = "".join(
        f'<section><div class="head"><h2>Section {s}</h2><p>{lead}</p></div><div class="row">'
        + "".join(
            f'<article class="post"><a href="/recipes/dish-{s}-{i}"><img src="/i/{i}.jpg"'
            f' alt=""><h3>Roast dish {s}{i} with lemon</h3></a></article>'
            for i in range(cards)
        )
        + "</div></section>"
        for s, lead in enumerate(SECTION_LEADS)
    )
    return (
        "<html><head><title>Oven Recipes</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<main><{around}><header><h1>Oven Recipes</h1></header>{sections}</{around}></main>"
        "<footer><p>Get our free cookbook: enter your e-mail and we send it over.</p></footer>"
        "</body></html>"
    )


def _grid_of_baseline(html: str) -> tuple[Candidate, Candidate, lxml.html.HtmlElement]:
    root = parse_tree(html)
    baseline = content_module._baseline(label_page(root))
    return baseline, card_grid_main(baseline), next(root.iter("main"))


def test_a_main_of_link_cards_is_read_as_the_listing_over_the_baseline() -> None:
    baseline, found, main = _grid_of_baseline(_recipe_grid_page(8))
    assert baseline.method == "baseline" and baseline.elements[0] is not main
    assert found.method == LISTING_ENTRIES and found.elements == [main]


def test_a_few_link_cards_leave_the_baseline_as_found() -> None:
    baseline, found, _ = _grid_of_baseline(_recipe_grid_page(1))
    assert found is baseline


def test_cards_around_an_article_leave_the_baseline_as_found() -> None:
    # the paragraphs sit in an <article>: its related cards are not the page's content
    baseline, found, _ = _grid_of_baseline(_recipe_grid_page(8, around="article"))
    assert baseline.elements and found is baseline


def test_a_scored_candidate_beside_link_cards_is_kept() -> None:
    # a shop's category description over its product grid scores as a container
    baseline, _, _ = _grid_of_baseline(_recipe_grid_page(8))
    scored = Candidate(elements=baseline.elements, labels=baseline.labels, method="scored", chars=1)
    assert card_grid_main(scored) is scored


def _shop_grid_without_main(products: int = 20) -> str:
    """A shop's category page with no ``<main>``: a grid of product tiles (a linked name
    and a price each), filters written as short plain lines, and a cart dialog's question,
    the one run of text long enough to score."""
    tiles = "".join(
        f"<div class='col'><div class='tile'><div class='name'><a href='/product/{i}.html'>"
        f"Helmet vent light model {i}</a></div><div class='price'><span>${20 + i}.95</span>"
        "</div></div></div>"
        for i in range(products)
    )
    filters = "".join(
        f"<div class='facet'><span>Colour shade {i} only</span></div>" for i in range(30)
    )
    return (
        "<html><body><header><nav><a href='/'>Home</a> <a href='/cart'>Cart</a></nav>"
        f"</header><div class='page'><h1>Lights</h1><div class='filters'>{filters}</div>"
        f"<div class='grid'>{tiles}</div></div>"
        "<div class='dialog'><h6>Remove Product?</h6><p>Are you sure you want to remove the"
        " following product from the cart?</p></div>"
        "<footer><a href='/privacy'>Privacy</a></footer></body></html>"
    )


def test_the_page_read_over_a_scrap_keeps_its_grid_of_linked_entries() -> None:
    root = parse_tree(_shop_grid_without_main())
    found = find_main_content(root)
    assert found.method == PAGE_OVER_SCRAP
    assert [el.tag for el in found.elements] == ["body"]
    text = to_text(parse_html(_shop_grid_without_main()))
    # the grid is a cluster of links, yet it is what the page lists, not a menu
    assert "Helmet vent light model 0" in text
    assert "Helmet vent light model 19" in text
    assert "$39.95" in text
    assert "Privacy" not in text  # the footer is still furniture


def _tile_blocks(tiles: int) -> list[Block]:
    """A product grid's blocks: per tile a picture, a name, a kind and a price, each a
    short line ending no sentence."""
    blocks: list[Block] = []
    for i in range(tiles):
        blocks.append(Figure(image=Image(src=f"https://shop.example/{i}.png", alt=f"Shoe {i}")))
        for line in (f"Road shoe model {i}", "Men's Road Running Shoes", f"${100 + i}"):
            blocks.append(Paragraph(content=(Text(text=line),)))
    return blocks


def test_content_of_short_lines_alone_is_not_trimmed_away() -> None:
    root = parse_tree("<html><body><main><div id='grid'>x</div><p>y</p></main></body></html>")
    grid = root.xpath("//div[@id='grid']")[0]
    found = Candidate(elements=[grid], labels=label_page(root), method="scored", chars=500)
    blocks = _tile_blocks(4)
    assert trim_edges(blocks) == [b for b in blocks if isinstance(b, Figure)]
    assert _trimmed(blocks, found) == blocks  # the entries, not their pictures alone
    assert _trims_every_line(blocks, trim_edges(blocks)) is True
    # a stray date and a credit around an article still go
    article: list[Block] = [
        Paragraph(content=(Text(text="March 3, 2025"),)),
        Paragraph(content=(Text(text="The council met on Tuesday and agreed the budget."),)),
        Paragraph(content=(Text(text="Photo: Ann Lee"),)),
    ]
    assert [plain_text(b) for b in _trimmed(article, found)] == [
        "The council met on Tuesday and agreed the budget."
    ]
    # two short lines are not yet a listing
    few: list[Block] = [
        Paragraph(content=(Text(text="Road shoe"),)),
        Paragraph(content=(Text(text="$100"),)),
    ]
    assert _trims_every_line(few, trim_edges(few)) is False
