"""lynx References sections."""

from __future__ import annotations

from articlekit.text.lines import split_lines
from articlekit.text.lynx import split_references

DUMP = """   Body with [1]a link and [2]another.

References

   1. https://example.org/a
   2. https://example.org/b c
"""


def test_references_are_cut_and_mapped() -> None:
    lines = split_lines(DUMP)
    end, urls = split_references(lines)
    assert lines.text[end] == "References"
    assert urls == {1: "https://example.org/a", 2: "https://example.org/b%20c"}


def test_visible_and_hidden_links() -> None:
    text = DUMP.replace("References\n", "References\n\n   Visible links:") + (
        "\n   Hidden links:\n   3. https://example.org/hidden\n"
    )
    end, urls = split_references(split_lines(text))
    assert set(urls) == {1, 2, 3}
    assert split_lines(text).text[end] == "References"


def test_prose_references_section_is_kept() -> None:
    text = "Text.\n\nReferences\n\nSmith, J. (2001). A book. Publisher.\n"
    lines = split_lines(text)
    assert split_references(lines) == (len(lines), {})


def test_no_references() -> None:
    lines = split_lines("Just text.\n")
    assert split_references(lines) == (len(lines), {})


def test_broken_urls_and_mailto_prose_stay_in_the_list() -> None:
    # a URL with a raw line break, a mailto: body of prose lines and a [USEMAP] label
    urls = "".join(f"   {n}. https://example.org/{n}\n" for n in range(3, 13))
    text = (
        DUMP.replace("References\n", "References\n\n   Visible links:")
        + urls
        + "  13. mailto:someone?subject=Tip&body=Look at this\n"
        + "I just read this interesting story on the site:\n"
        + "https://example.org/story\n"
        + "\n   Hidden links:\n  14. https://example.org/hidden\n   [USEMAP]\n"
        + "   file://localhost/tmp/page.html#map\n"
    )
    lines = split_lines(text)
    end, found = split_references(lines)
    assert lines.text[end] == "References"
    assert set(found) == set(range(1, 15))


def test_lynx_iframe_note_is_not_a_paragraph() -> None:
    from articlekit.model import Paragraph, plain_text
    from articlekit.text import parse_text

    body = "   A paragraph of the article that talks about the video below it.\n\n"
    text = (
        f"Title\n\n{body}   IFRAME: [1]https://www.youtube.com/embed/LtOGa5M8AuU\n\n"
        "   IFRAME:\n   [2]https://player.vimeo.com/video/32246206?color=ffffff\n\n"
        f"{body}References\n\n   1. https://www.youtube.com/embed/LtOGa5M8AuU\n"
        "   2. https://player.vimeo.com/video/32246206?color=ffffff\n"
    )
    doc = parse_text(text)
    texts = [plain_text(b.content) for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts == [body.strip()] * 2


def test_elinks_titled_links_take_the_url_below() -> None:
    # elinks -dump: "Visible links" under "References"; a link with a title attribute has
    # its title after the number and its URL on the next line, indented by a tab
    text = (
        "   Body with [1]a link, [2]an edit link and [3]a third.\n\n"
        "References\n\n   Visible links\n   1. https://example.org/a\n"
        "   2. Edit section: History\n\thttps://example.org/edit?section=2\n"
        "   3. https://example.org/c\n"
    )
    lines = split_lines(text)
    end, urls = split_references(lines)
    assert lines.text[end] == "References"
    assert urls == {
        1: "https://example.org/a",
        2: "https://example.org/edit?section=2",
        3: "https://example.org/c",
    }


def test_elinks_link_list_never_becomes_list_items() -> None:
    from articlekit import to_text
    from articlekit.model import List
    from articlekit.text import parse_text

    entries = "".join(f"   {n}. Section {n}\n\thttps://example.org/s{n}\n" for n in range(2, 12))
    text = (
        "Title of the page\n\n   A paragraph of prose that links [1]somewhere and goes on"
        " for a while.\n\nReferences\n\n   Visible links\n   1. https://example.org/x\n" + entries
    )
    doc = parse_text(text)
    assert not [b for b in doc.blocks if isinstance(b, List)]
    assert "example.org/s5" not in to_text(doc)


def test_lynx_card_title_left_of_the_item_text_is_its_heading() -> None:
    from articlekit.model import Heading, List, Paragraph, plain_text
    from articlekit.text import parse_text

    body = (
        "   A paragraph of the article that introduces the tools it lists below, long\n"
        "   enough to be prose, with [1]a link in it.\n\n"
    )
    cards = (
        "     * [2]Screenshot\n"
        "    Page Inspector\n"
        "       Examine the HTML and CSS of any Web page and easily modify the\n"
        "       structure and layout of a page.\n"
        "     * [3]Screenshot\n"
        "    Web Console\n"
        "       See logged information associated with a Web page.\n\n"
    )
    refs = "References\n\n   1. https://a.example/\n   2. https://a.example/2\n"
    refs += "   3. https://a.example/3\n"
    doc = parse_text(f"Title\n\n{body}{cards}{body}{refs}")
    lists = [b for b in doc.blocks if isinstance(b, List)]
    assert len(lists) == 1
    first = lists[0].items[0].blocks
    heads = [plain_text(b.content) for b in first if isinstance(b, Heading)]
    paras = [plain_text(b.content) for b in first if isinstance(b, Paragraph)]
    assert heads == ["Page Inspector"]
    assert paras[-1].startswith("Examine the HTML")
    # a table's row (a label, a gap, its value) stays the item's text
    rows = cards.replace("    Web Console\n", "    Gini (2014)         33.0\n")
    doc = parse_text(f"Title\n\n{body}{rows}{body}{refs}")
    items = next(b for b in doc.blocks if isinstance(b, List)).items
    assert not any(isinstance(b, Heading) for b in items[1].blocks)


def test_a_frame_note_wrapped_over_many_lines_is_no_text() -> None:
    from articlekit.model import Paragraph, plain_text
    from articlekit.text import parse_text

    # lynx wraps an embedded player's long address over as many lines as it takes: the
    # note is dropped before the page filter scores it, so it weighs as no prose
    address = "".join(f"{n:02d}AbCdEfGhIjKlMnOpQrStUvWxYz%2F0123456789" for n in range(40))
    wrapped = "\n".join("   " + address[i : i + 70] for i in range(0, len(address), 70))
    body = "   A paragraph of the article that talks about the video below it.\n\n"
    text = (
        f"Title\n\n{body}   IFRAME:\n   [1]https://video.example.com/embed/?v=1.7\n{wrapped}\n\n"
        f"{body}References\n\n   1. https://video.example.com/embed/?v=1.7{address}\n"
    )
    doc = parse_text(text)
    texts = [plain_text(b.content) for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts == [body.strip()] * 2
    # a paragraph that merely starts with the word stays
    note = "   IFRAME: the word lynx prints for an embedded frame, as in this sentence.\n"
    assert "the word lynx prints" in parse_text(f"Title\n\n{body}{note}").plain_text()


# elinks -dump of a page: the head's <link> elements first, one "Link:" line each (a long
# feed title wrapped onto the next line), then the body; an <iframe> as "IFrame:" and its name
ELINKS_HEAD = (
    "   Link: [1]canonical\n"
    "   Link: [2]dns-prefetch\n"
    "   Link: [3]The Harbour Gazette » Why the old ferry route closed this winter for\n"
    "   good Comments Feed (alternate)\n"
    "   Link: [4]preload\n"
)
ELINKS_BODY = (
    "   Why the old ferry route closed this winter\n\n"
    "   The ferry that ran between the two harbours for forty years made its last\n"
    "   crossing on Sunday, after the council voted to stop paying for it.\n"
    "   IFrame: [5]player_frame_1\n\n"
    "   Passengers said they would miss the view from the upper deck, which many\n"
    "   of them had enjoyed every morning on their way to work in the town.\n"
)


def test_browser_note_lines_take_the_head_links_and_frames() -> None:
    from articlekit.text.lynx import browser_note_lines

    lines = split_lines(ELINKS_HEAD + ELINKS_BODY)
    taken = browser_note_lines(lines)
    assert [lines.text[i] for i in taken] == [
        "Link: [1]canonical",
        "Link: [2]dns-prefetch",
        "Link: [3]The Harbour Gazette » Why the old ferry route closed this winter for",
        "good Comments Feed (alternate)",
        "Link: [4]preload",
        "IFrame: [5]player_frame_1",
    ]


def test_links_head_without_markers_is_taken() -> None:
    from articlekit.text.lynx import browser_note_lines

    lines = split_lines("   Link: amphtml\n   Link: alternate en-GB\n   Site Name\n")
    assert browser_note_lines(lines) == [0, 1]


def test_an_article_opening_with_link_stays_text() -> None:
    from articlekit.text.lynx import browser_note_lines

    # no head link's type named: an article's own "Link:" line
    lines = split_lines("Link: the missing piece of the puzzle\n\nThe story goes on here.\n")
    assert browser_note_lines(lines) == []
    # an "IFrame:" line of more than one word is text too
    assert browser_note_lines(split_lines("IFrame: a word about frames\n")) == []


def test_elinks_head_links_are_no_title_or_text() -> None:
    from articlekit import to_text
    from articlekit.text import parse_text

    doc = parse_text(ELINKS_HEAD + ELINKS_BODY)
    assert doc.title == "Why the old ferry route closed this winter"
    text = to_text(doc)
    assert "Link:" not in text and "canonical" not in text
    assert "IFrame" not in text and "player_frame" not in text
    assert "upper deck" in text


def test_skip_link_and_logo_are_not_kept_as_the_title() -> None:
    from articlekit.text import parse_text
    from articlekit.text.parser import _TOP_CHROME

    menu = "".join(f"     * {w}\n" for w in ("Home", "News", "Sport", "Business", "Weather"))
    menu += "".join(f"     * {w}\n" for w in ("Opinion", "Culture", "Travel"))
    head = "\n     * Why the old ferry route closed\n\n   Why the old ferry route closed\n\n"
    body = ELINKS_BODY.split("\n\n", 1)[1].replace("   IFrame: [5]player_frame_1\n", "")
    for first in ("Skip to Article", "Example News Logo"):
        # a page's first line, kept as its title unless it is the page's chrome
        doc = parse_text(f"   {first}\n   Menu\n{menu}{head}{body}")
        assert doc.title == "Why the old ferry route closed"

    for line in ("Skip to Article", "Skip Navigation Example logo×", "Newsnation Logo"):
        assert _TOP_CHROME.fullmatch(line)
    for line in ("The logo that changed a brand", "Logo design trends explained"):
        assert not _TOP_CHROME.fullmatch(line)


def test_a_dump_opening_with_head_links_is_read_as_a_whole_page() -> None:
    from articlekit import to_text
    from articlekit.text import parse_text

    para = (
        "   The ferry that ran between the two harbours for forty years made its last\n"
        "   crossing on Sunday, after the council voted to stop paying for it.\n\n"
    )
    body = para * 2 + para.replace("ferry", "boat") * 2
    # (a date alone: with a label or a time, `drop_dated_bylines` drops it on any text)
    body += "   17.01.2021\n\n" + para.replace("ferry", "bus")
    # a page's late dateline goes (a page filter rule): the head's links say it is a page
    assert "17.01" not in to_text(parse_text("   Link: canonical\n   Link: alternate\n" + body))
    assert "17.01" not in to_text(parse_text("   #[1]alternate [2]alternate\n\n" + body))
    assert "17.01" in to_text(parse_text(body))


_LYNX_HEAD = (
    "   #[1]The Harbour Gazette » Feed [2]The Harbour Gazette » Why the old ferry route\n"
    "   closed this winter Comments Feed [3]alternate\n\n"
)
_LYNX_BODY = (
    "Why the old ferry route closed this winter\n\n"
    "   The ferry that crossed the bay for ninety years made its last trip on Sunday,\n"
    "   after the council found no money for a new hull and the old one failed its\n"
    "   survey in the autumn.\n\n"
    "   Passengers will take the bus around the bay from next week, a trip of an hour\n"
    "   that the ferry made in twenty minutes, and the harbour office will close.\n"
)


def test_lynx_head_links_are_found() -> None:
    from articlekit.text.lynx import browser_note_lines, lynx_head_lines

    lines = split_lines(_LYNX_HEAD + _LYNX_BODY)
    assert lynx_head_lines(lines) == [0, 1]
    # they stay text (blanked, the title's place went to the article's first paragraph)
    assert browser_note_lines(lines) == []
    # without the link list: "#" and the links' titles, one of them a feed or a type
    lines = split_lines("   #The Harbour Gazette » Feed alternate alternate\n\n   Text.\n")
    assert lynx_head_lines(lines) == [0]
    # a Markdown heading, a hashtag line at the margin, a long paragraph: the page's text
    assert lynx_head_lines(split_lines("# Harbour news\n\nText.\n")) == []
    assert lynx_head_lines(split_lines("#harbour #ferry\n\nText.\n")) == []
    assert lynx_head_lines(split_lines("   #harbour #ferry #bay\n\n   Text.\n")) == []
    long_paragraph = "   #[1]alternate\n" + "   more words of the page\n" * 12
    assert lynx_head_lines(split_lines(long_paragraph)) == []


_LYNX_PAGE_MENU = "".join(
    f"     * [{n}]{w}\n"
    for n, w in enumerate(("Home", "News", "Sport", "Business", "Weather", "Opinion"), 4)
)
_LYNX_PAGE_BODY = (
    "   [10]Skip to content\n\n" + _LYNX_PAGE_MENU + "\n   [11]Local News\n\n"
    "Why the old ferry route closed this winter\n\n"
    "   By Jane Harbour\n\n"
    "   The ferry that crossed the bay for ninety years made its last trip on Sunday,\n"
    "   after the council found no money for a new hull and the old one failed its\n"
    "   survey in the autumn, and the crew were told to find other work.\n\n"
    "   Passengers will take the bus around the bay from next week, a trip of an hour\n"
    "   that the ferry made in twenty minutes, and the harbour office will close its\n"
    "   doors for good at the end of the month, after a century on the quay.\n\n"
    "   The council said it had looked for a buyer for the route for two years, but\n"
    "   no company would take on a boat that needed a new hull and a crew of six.\n"
)


def test_lynx_head_links_are_no_title_and_name_the_headline() -> None:
    from articlekit import to_text
    from articlekit.text import parse_text

    head = (
        "   #[1]The Harbour Gazette » Feed [2]The Harbour Gazette » Comments Feed\n"
        "   [3]The Harbour Gazette » Why the old ferry route closed this winter\n"
        "   Comments Feed\n\n"
    )
    doc = parse_text(head + _LYNX_PAGE_BODY)
    # the headline the head's comments feed names is the title, not the "#" paragraph
    assert doc.title == "Why the old ferry route closed this winter"
    assert doc.metadata.authors == ("Jane Harbour",)
    text = to_text(doc)
    assert "Feed" not in text and "ferry route closed" not in text
    assert text.startswith("The ferry that crossed the bay")
    # a head that names no line of the page: no "#alternate" title, the text stays whole
    doc = parse_text("   #[1]alternate [2]alternate\n\n" + _LYNX_PAGE_BODY)
    assert not (doc.title or "").startswith("#")
    assert "alternate" not in to_text(doc)
    assert "The ferry that crossed the bay" in to_text(doc)
    # a site's name in the head is no headline: a logo line that says it is not the title
    doc = parse_text("   #[1]The Harbour Gazette\n\n   The Harbour Gazette\n\n" + _LYNX_PAGE_BODY)
    assert doc.title != "The Harbour Gazette"


def test_lynx_refresh_note_is_no_text() -> None:
    from articlekit import to_text
    from articlekit.text import parse_text
    from articlekit.text.lynx import browser_note_lines

    refresh = "   REFRESH(900 sec):\n   [1]https://example.com/news/ferry\n\n"
    lines = split_lines(refresh + _LYNX_PAGE_BODY)
    assert browser_note_lines(lines) == [0, 1]
    one_line = split_lines("   REFRESH(0.5 sec): [1]https://example.com/\n\n   Text.\n")
    assert browser_note_lines(one_line) == [0]
    # an article's own line about a refresh stays text
    prose = split_lines("   REFRESH(900 sec): the page reloads itself every so often.\n")
    assert browser_note_lines(prose) == []
    doc = parse_text(refresh + _LYNX_PAGE_BODY)
    assert "REFRESH" not in (doc.title or "") and "REFRESH" not in to_text(doc)
    assert "example.com" not in (doc.title or "") + to_text(doc)
    assert "The ferry that crossed the bay" in to_text(doc)
