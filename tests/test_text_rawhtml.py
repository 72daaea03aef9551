"""Markdown that carries raw HTML: tag-only lines, inline tags, sniffing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import articlekit
from articlekit.model import (
    Code,
    CodeBlock,
    Emphasis,
    Heading,
    Image,
    LineBreak,
    Link,
    List,
    Paragraph,
    Strong,
    Text,
    plain_text,
)
from articlekit.registry import looks_like_html
from articlekit.text import parse_text
from articlekit.text.inline import parse_inlines, strip_markup
from articlekit.text.rawhtml import (
    attribute,
    has_raw_html,
    markup_line_numbers,
    short_attribute_values,
    short_data_uris,
    strip_tags,
)

# A small text the way pandoc writes GFM of a page: the containers it could not drop stay
# as <div> lines, an item keeps its <span id>, a link with attributes stays an <a>.
GFM = """# The open newsroom

<div id="page-1" class="page">

<div>

We pushed out the first version of the site in January. Our goal is for the site to be a
place to teach students what they should know about the web.

## What was missing

-   <span id="a586">Lack of mentorship</span>
-   <span id="a953">A news process that lacked <em>any</em> consideration of the web</span>
-   <span id="6286">No editor specific to the web</span>

Read the <a href="https://example.org/report?a=1&amp;b=2" rel="nofollow">whole report</a>
before you start, and tell us what you think &amp; what we missed.

</div>

</div>
"""


def _doc() -> articlekit.Document:
    return parse_text(GFM)


def test_tag_only_lines_are_no_paragraphs() -> None:
    texts = [plain_text(b) for b in _doc().blocks]
    assert not any("<" in t or "div" in t for t in texts)


def test_items_keep_their_words_without_the_tags() -> None:
    lists = [b for b in _doc().blocks if isinstance(b, List)]
    assert len(lists) == 1
    items = [plain_text(item.blocks[0]) for item in lists[0].items]
    assert items == [
        "Lack of mentorship",
        "A news process that lacked any consideration of the web",
        "No editor specific to the web",
    ]
    second = lists[0].items[1].blocks[0]
    assert isinstance(second, Paragraph)
    assert Emphasis(content=(Text(text="any"),)) in second.content


def test_an_anchor_is_a_link_and_entities_are_decoded() -> None:
    paragraphs = [b for b in _doc().blocks if isinstance(b, Paragraph)]
    last = paragraphs[-1]
    links = [n for n in last.content if isinstance(n, Link)]
    assert links == [
        Link(url="https://example.org/report?a=1&b=2", content=(Text(text="whole report"),))
    ]
    assert plain_text(last).endswith("tell us what you think & what we missed.")


def test_headings_and_title_stay() -> None:
    doc = _doc()
    assert doc.title == "The open newsroom"
    headings = [plain_text(b) for b in doc.blocks if isinstance(b, Heading)]
    assert headings == ["What was missing"]


def test_inline_tags_become_inlines() -> None:
    got = parse_inlines(
        '<b>bold <i>it</i></b> <code>a &lt; b</code><br/>[<span title="M">Maps</span>](https://m.example/)'
        ' <q>hi</q> <img src="p.png" alt="A picture"> <a name="x">anchor</a>',
        markdown=True,
        html=True,
    )
    assert got == (
        Strong(content=(Text(text="bold "), Emphasis(content=(Text(text="it"),)))),
        Text(text=" "),
        Code(code="a < b"),
        LineBreak(),
        Link(url="https://m.example/", content=(Text(text="Maps"),)),
        Text(text=" \u201chi\u201d "),
        Image(src="p.png", alt="A picture"),
        Text(text=" anchor"),
    )


def test_unclosed_and_stray_tags_keep_the_words() -> None:
    got = parse_inlines("<em>open</span> and </b>closed", markdown=True, html=True)
    assert "".join(n.text for n in got if isinstance(n, Text)) == "open and closed"


def test_unknown_names_stay_text() -> None:
    text = "A List<String> holds a <b and <3 hearts"
    assert parse_inlines(text, markdown=True, html=True) == (Text(text=text),)


def test_strip_markup_drops_tags() -> None:
    assert strip_markup('<span id="x">A</span> <a href="u">b</a>', html=True) == "A b"
    assert strip_markup("a<br>b</td><td>c &amp; d", html=True) == "a b c & d"
    assert strip_tags("x <span>y</span>") == "x y"


def test_attribute_values() -> None:
    attrs = " href=\"a&amp;b\" title='t' data-x=plain hidden"
    assert attribute(attrs, "href") == "a&b"
    assert attribute(attrs, "title") == "t"
    assert attribute(attrs, "data-x") == "plain"
    assert attribute(attrs, "alt") is None


def test_markup_lines_outside_code_only() -> None:
    texts = ["<div>", "```", "<div id=x></div>", "```", "text <b>x</b>", "</div>", "<div></div>"]
    indents = [0, 0, 0, 0, 0, 0, 4]
    assert markup_line_numbers(texts, indents) == [0, 5]
    assert has_raw_html(texts, indents)
    assert not has_raw_html(["<div>", "prose"], [0, 0])


def test_html2text_listing_of_html_is_kept() -> None:
    """An indented listing's tags are its text, and one listing does not switch raw HTML on."""
    text = (
        "# Testing a page\n\nPut this in the test file:\n\n"
        '    <div id="mocha"></div>\n    <div id="messages"></div>\n\n'
        "Then run it and read the report it writes.\n"
    )
    doc = parse_text(text)
    codes = [b for b in doc.blocks if isinstance(b, articlekit.CodeBlock)]
    assert codes and '<div id="mocha"></div>' in codes[0].code


def test_a_tag_mentioned_in_prose_stays() -> None:
    text = "# Markup\n\nWrap the figure in a <figure> element and give it a caption.\n"
    doc = parse_text(text)
    assert "<figure>" in plain_text(doc.blocks[-1])


def test_sniffing_sends_markdown_with_tags_to_the_text_parser() -> None:
    assert looks_like_html(GFM) < 0.5
    assert articlekit.parse(GFM).source.parser == "text"
    # a page still sniffs as HTML, the XML declaration of an XHTML page included
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html><body>x</body></html>'
    assert looks_like_html(xhtml) == 1.0
    fragment = "<div><p>One.</p><p>Two [not a link].</p><ul><li>three</li></ul></div>\n" * 3
    assert looks_like_html(fragment) >= 0.5


@given(st.text(alphabet="<>/=\"' abiemspn&;#[]()*_`\n", max_size=300))
def test_random_markup_never_fails(text: str) -> None:
    nodes = parse_inlines(text, markdown=True, html=True)
    assert all(not isinstance(n, Text) or n.text for n in nodes)


def test_deep_nesting_is_read_flat_past_the_limit() -> None:
    text = "# Deep\n\n<div>\n\n</div>\n\n" + "<em>" * 5000 + "word" + "</em>" * 5000 + "\n"
    doc = parse_text(text)
    assert "word" in plain_text(doc.blocks[-1])
    articlekit.to_json(doc)  # no block nests deeper than the serialisers can go


# pandoc's GFM of a page's menu: each entry a <div> inside an item, its lines set at the
# item's text column, and the menu's next <div> at the outer item's column after a
# sub-list, then the article.
NESTED_MENU = """<div class="top">

<div class="menu">

-   <div class="bar">

    [<span class="nav-text">Trending</span>](https://example.com/trending)

    </div>

    <div class="section parent-item">

    -   <div class="entry">

        <a href="https://example.com/tech"
        class="anchor">Tech</a>

        </div>

    -   <div class="entry">

        <a href="https://example.com/health"
        class="anchor">Health</a>

        </div>

    </div>

    <div class="section parent-item-sections">

    Sections

    </div>

</div>

</div>

# Water above the icy moon

Researchers confirmed traces of water vapour above the surface of the icy moon, a result
that took years of patient observation from the ground to reach.

The [first results](https://example.com/a) came from a [telescope](https://example.com/b)
on a [mountain](https://example.com/c), and the [team](https://example.com/d) will
[return](https://example.com/e) next year.
"""


def test_a_paragraph_after_a_sub_list_continues_the_outer_item() -> None:
    doc = parse_text(NESTED_MENU)
    # the menu's markup set at the outer item's column was an indented code block
    assert not [b for b in doc.blocks if isinstance(b, CodeBlock)]
    assert "<div" not in articlekit.to_text(doc)
    menus = [b for b in doc.blocks if isinstance(b, List)]
    assert all(len(m.items) == 1 for m in menus)
    assert all("Sections" not in plain_text(b) for b in doc.blocks if not isinstance(b, List))


ICON = "data:image/svg+xml;base64," + "PHN2ZyB2aWV3Qm94PSIwIDAgMzIgMzIiPjwvc3ZnPg" * 80


def test_long_data_uris_lose_their_payload() -> None:
    assert short_data_uris(f'<img src="{ICON}" />') == '<img src="data:image/svg+xml;base64," />'
    short = "data:image/gif;base64,R0lGODlhAQABAAAAACw="
    assert short_data_uris(short) == short
    assert short_data_uris("no pictures here") == "no pictures here"


def test_a_tag_holding_an_inline_icon_is_read_as_a_tag() -> None:
    text = GFM.replace(
        "Read the <a",
        f'The chart <a href="https://example.org/c"><img src="{ICON}" /></a> says it; read the <a',
    )
    doc = parse_text(text)
    out = articlekit.to_text(doc)
    assert "base64" not in out and "<img" not in out
    assert "says it; read the whole report" in out


PAYLOAD = "{" + ",".join(f"&quot;k{i}&quot;:&quot;value {i}&quot;" for i in range(120)) + "}"


def test_long_attribute_values_are_emptied() -> None:
    tag = f'<a href="/news" class="nav" data-payload="{PAYLOAD}">News</a>'
    assert short_attribute_values(tag) == '<a href="/news" class="nav" data-payload="">News</a>'
    short = '<a href="/news" data-id="42">News</a>'
    assert short_attribute_values(short) == short
    # a long value over lines, or a long quotation that is no attribute, stays whole
    wrapped = f'<a data-payload="{PAYLOAD[:1500]}\n{PAYLOAD[1500:]}">News</a>'
    assert short_attribute_values(wrapped) == wrapped
    quoted = f'He said "{PAYLOAD}" and left.'
    assert short_attribute_values(quoted) == quoted


def test_a_menu_link_with_a_long_data_attribute_is_read_as_a_link() -> None:
    # pandoc's GFM keeps a menu link with attributes as a raw <a>, one attribute a line;
    # with its data-* JSON longer than a tag's value is read, the tag had stayed text
    item = '-   <a href="https://example.org/{slug}"\n    class="nav-item"\n    data-payload="'
    menu = "".join(
        item.format(slug=n.lower()) + f'{PAYLOAD}">{n}</a>\n' for n in ("News", "Sport", "Weather")
    )
    text = GFM.replace("<div>\n", f'<div class="menu">\n\n{menu}\n</div>\n\n<div>\n', 1)
    out = articlekit.to_text(parse_text(text))
    assert "&quot;" not in out and "payload" not in out and "value 7" not in out
    assert "the first version of the site in January" in out
    link = " ".join(line.strip() for line in menu.splitlines()[:3])[2:]
    assert not [i for i in parse_inlines(link, markdown=True, html=True) if isinstance(i, Link)]
    read = parse_inlines(short_attribute_values(link), markdown=True, html=True)
    assert [(i.url, plain_text(i)) for i in read if isinstance(i, Link)] == [
        ("https://example.org/news", "News")
    ]


def test_a_comment_line_is_markup() -> None:
    texts = ["<!-- -->", "<!-- a note -->", "<!-- unclosed", "text <!-- -->"]
    assert markup_line_numbers(texts, [0, 0, 0, 0]) == [0, 1]


# pandoc's GFM of a page whose links all carry a class: no Markdown link, list marker
# of an article or second heading is left, only raw HTML around one "#" heading.
_BARE_MENU_ITEM = """-   <div class="NavigationItem">

    <div class="NavigationItem-text">

    <a href="https://example.org/{slug}"
    class="NavigationItem-text-link">{name}</a>

    </div>

    </div>
"""
BARE_GFM = (
    '<div class="Page-header">\n\n<div class="Page-header-menu">\n\n'
    + "\n".join(
        _BARE_MENU_ITEM.format(slug=name.lower(), name=name)
        for name in ("Business", "California", "Climate", "Science")
    )
    + """
</div>

</div>

<div class="Page-content">

# Harbour ferries stop for the winter

<div class="RichTextArticleBody">

The last ferry of the season left the harbour on Sunday evening, an hour late
because of the wind, with forty passengers and two dogs on board.

The council said the service would resume in April, once the pier has been
repaired, and that a bus would run along the coast road until then.

Residents of the island have asked for a winter timetable for many years, but
the operator says too few people travel in the cold months to pay for it.

</div>

</div>

<div class="Page-footer">

<a href="https://example.org/terms" class="Link">Terms of Service</a> |
<a href="https://example.org/privacy" class="Link">Privacy Policy</a>

</div>
"""
)


def test_a_text_whose_markdown_all_stayed_raw_html_is_read_as_such() -> None:
    doc = parse_text(BARE_GFM)
    out = articlekit.to_text(doc)
    assert "<" not in out and "class=" not in out
    assert "The last ferry of the season left the harbour" in out
    assert "too few people travel in the cold months to pay for it." in out
    assert "California" not in out  # the menu's entries are no article text


def test_a_few_tag_lines_do_not_make_a_text_markdown() -> None:
    # three lines of tags in a plain text (a page that shows its own markup): plain text
    text = (
        "Harbour ferries stop for the winter\n\n"
        + "The last ferry of the season left the harbour on Sunday evening.\n\n" * 6
        + "<div>\n\n<br>\n\n</div>\n\nThe council said the service would resume in April.\n"
    )
    doc = parse_text(text)
    assert "<div>" in articlekit.to_text(doc)
