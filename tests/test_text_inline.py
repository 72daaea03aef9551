"""Inline markup of text dumps: html2text Markdown and lynx markers."""

from __future__ import annotations

import time

import pytest

from articlekit.model import (
    Code,
    Emphasis,
    Image,
    LineBreak,
    Link,
    Paragraph,
    Strong,
    Text,
    plain_text,
)
from articlekit.text.inline import parse_inlines, strip_markup


def test_plain_text_is_one_run_with_spaces_collapsed() -> None:
    assert parse_inlines("  a   b  ") == (Text(text="a b"),)
    assert parse_inlines("   ") == ()


def test_markdown_inlines() -> None:
    got = parse_inlines("a [b](https://x.example/) _c_ **d** `e` \\* f", markdown=True)
    assert got == (
        Text(text="a "),
        Link(url="https://x.example/", content=(Text(text="b"),)),
        Text(text=" "),
        Emphasis(content=(Text(text="c"),)),
        Text(text=" "),
        Strong(content=(Text(text="d"),)),
        Text(text=" "),
        Code(code="e"),
        Text(text=" * f"),
    )


def test_markdown_images_and_linked_images() -> None:
    (image,) = parse_inlines("![alt](https://x.example/i.png)", markdown=True)
    assert image == Image(src="https://x.example/i.png", alt="alt")
    (link,) = parse_inlines("[![a](https://x.example/i.png)](https://x.example/)", markdown=True)
    assert isinstance(link, Link) and link.content == (
        Image(src="https://x.example/i.png", alt="a"),
    )


def test_emphasis_around_a_link_with_underscores() -> None:
    text = '_[Day Break](https://x.example/Day_Break "Day Break")_ , 2006'
    (em, rest) = parse_inlines(text, markdown=True)
    assert em == Emphasis(
        content=(
            Link(
                url="https://x.example/Day_Break",
                content=(Text(text="Day Break"),),
                title="Day Break",  # the link's title, kept as the HTML parser keeps it
            ),
        )
    )
    # html2text's space between closing emphasis and a comma is not the page's
    assert rest == Text(text=", 2006")


def test_a_link_with_a_paragraph_long_title() -> None:
    # blogs fill an <a title> with the linked post's opening; html2text copies it whole
    title = "The council met on Tuesday and decided to keep the library open. " * 8
    (link,) = parse_inlines(f'[Library stays open](https://x.example/lib "{title}")', markdown=True)
    assert link == Link(
        url="https://x.example/lib",
        content=(Text(text="Library stays open"),),
        title=title.strip(),
    )


def test_autolink_and_padded_image_link() -> None:
    (auto,) = parse_inlines("<https://x.example/a>", markdown=True)
    assert auto == Link(url="https://x.example/a", content=(Text(text="https://x.example/a"),))
    (linked,) = parse_inlines(
        "[ ![Shot](https://x.example/s.jpg) ](https://x.example/v)", markdown=True
    )
    assert linked == Link(
        url="https://x.example/v", content=(Image(src="https://x.example/s.jpg", alt="Shot"),)
    )
    assert (
        strip_markup("[ ![Shot](https://x.example/s.jpg) ](https://x.example/v) x", markdown=True)
        == "Shot x"
    )


def test_url_with_parentheses() -> None:
    (link,) = parse_inlines("[ISBN](https://x.example/ISBN_(id))", markdown=True)
    assert isinstance(link, Link) and link.url == "https://x.example/ISBN_(id)"


def test_intraword_underscores_are_not_emphasis() -> None:
    assert parse_inlines("snake_case_name", markdown=True) == (Text(text="snake_case_name"),)


def test_lynx_markers_become_links() -> None:
    urls = {1: "https://x.example/a", 2: "https://x.example/b"}
    got = parse_inlines("See [1]the page, and [2]this. End", urls=urls)
    assert got == (
        Text(text="See "),
        Link(url="https://x.example/a", content=(Text(text="the page"),)),
        Text(text=", and "),
        Link(url="https://x.example/b", content=(Text(text="this"),)),
        Text(text=". End"),
    )


def test_lynx_headline_line_is_one_link() -> None:
    got = parse_inlines("[7]A whole headline of a list", urls={7: "https://x.example/h"})
    assert got == (
        Link(url="https://x.example/h", content=(Text(text="A whole headline of a list"),)),
    )


def test_lynx_unknown_marker_and_placeholders_dropped() -> None:
    assert parse_inlines("a [9]b [IMG] c", urls={}) == (Text(text="a b c"),)


def test_strip_markup() -> None:
    assert strip_markup("[a](https://x.example) **b**", markdown=True) == "a b"
    assert strip_markup("[1]a [IMG]", lynx=True) == "a"


def test_pathological_markdown_is_linear() -> None:
    for text in (
        "*a" * 100_000,
        "[" * 200_000,
        "`" * 200_000,
        "![](" * 50_000,
        "_" + "a[b](c)" * 30_000,  # an emphasis that never closes, over many links
        "__" + "a[b](c)" * 30_000,
        "_[" * 100_000,
    ):
        started = time.perf_counter()
        parse_inlines(text, markdown=True)
        assert time.perf_counter() - started < 10


def test_intraword_underscore_inside_emphasis() -> None:
    text = "Dua _fixed the optional_permission_ (and snake_case stays)"
    (_, em, rest) = parse_inlines(text, markdown=True)
    assert em == Emphasis(content=(Text(text="fixed the optional_permission"),))
    assert rest == Text(text=" (and snake_case stays)")


def test_lynx_superscript_caret_is_dropped() -> None:
    # lynx writes <sup> as "^": "^ [2]^a [3]^b Text" is the back-link caret, then "a", "b"
    urls = {2: "https://x.example/a", 3: "https://x.example/b"}
    got = parse_inlines("^ [2]^a [3]^b Smith 2005, p. 6.", urls=urls)
    assert plain_text(got) == "^ a b Smith 2005, p. 6."
    assert [i.url for i in got if isinstance(i, Link)] == [urls[2], urls[3]]
    # an exponent the page wrote itself stays
    assert plain_text(parse_inlines("2^15 bytes", urls={})) == "2^15 bytes"


def test_w3m_image_name_glued_to_a_word_is_dropped() -> None:
    # w3m prints an image without alt text as its file name cut to 10 characters
    assert plain_text(parse_inlines("Photo[19max-vide] CreditEllen")) == "Photo CreditEllen"
    assert plain_text(parse_inlines("Photo[merlin_199] Credit")) == "Photo Credit"
    # citations, notes, subscripts and bracketed words stay
    for text in ("cite[12] here", "note[n 1] here", "matrix I[n] is", "see Read[Update] z"):
        assert plain_text(parse_inlines(text)) == text


def test_emphasis_around_a_link_with_escaped_parentheses() -> None:
    text = r'. _[Empire](https://x.example/wiki/Empire_\(magazine\) "Empire \(magazine\)")_. Ok'
    got = parse_inlines(text, markdown=True)
    assert plain_text(got) == ". Empire. Ok"
    assert any(isinstance(node, Emphasis) for node in got)


def test_lynx_number_out_of_sequence_is_the_pages_text() -> None:
    # lynx numbers links in order: "[1966]" between markers 1893 and 1894 (or after 2182)
    # is a year the page wrote in brackets, not a marker
    urls = {1893: "https://a.example/1", 1894: "https://a.example/2", 1966: "https://x.example/"}
    out = parse_inlines("[1893]Baker (2010) [1966]. [1894]Title here", urls=urls)
    assert plain_text(out) == "Baker (2010) [1966]. Title here"
    assert [n.url for n in out if isinstance(n, Link)] == [urls[1893], urls[1894]]
    late = parse_inlines("[2182]McLintock (2009) [1966]. Tattooing", urls={2182: "u", 1966: "x"})
    assert plain_text(late) == "McLintock (2009) [1966]. Tattooing"
    # a citation glued to its marker is the link's text, and rising markers all stay links
    cited = parse_inlines("said.^[11][1] and [12]more", urls={11: "a", 12: "b", 1: "c"})
    assert [n.url for n in cited if isinstance(n, Link)] == ["a", "b"]


def test_lynx_bracketed_image_file_name_is_an_image() -> None:
    urls = {5: "https://x.example/big.png"}
    got = parse_inlines("[fff-282-the-hand.png] The hand is protecting the slot.", urls=urls)
    assert got == (
        Image(src="fff-282-the-hand.png"),
        Text(text=" The hand is protecting the slot."),
    )
    got = parse_inlines("a [spacer.gif] b [Nic64-1140.jpg?uuid=zL] c [note] d", urls=urls)
    assert got == (
        Text(text="a "),
        Image(src="spacer.gif"),
        Text(text=" b "),
        Image(src="Nic64-1140.jpg?uuid=zL"),
        Text(text=" c [note] d"),
    )
    # the w3m and plain layouts leave a file name with an extension alone
    assert parse_inlines("see [a.png] here") == (Text(text="see [a.png] here"),)


def test_superscript_caret_before_a_service_mark_is_dropped() -> None:
    assert parse_inlines("ebb ^℠ is a service mark.") == (Text(text="ebb ℠ is a service mark."),)
    assert parse_inlines("2^15 stays") == (Text(text="2^15 stays"),)


# --------------------------------------------------------------------------- hard breaks

# two "#" headings make the text Markdown (as html2text writes it)
_MD = "# A title\n\n## Part one\n\n"


def _paragraphs(text: str) -> list[Paragraph]:
    from articlekit.text import parse_text

    return [b for b in parse_text(text).blocks if isinstance(b, Paragraph)]


def test_markdown_hard_break_is_a_line_break() -> None:
    # html2text writes <br> as two trailing spaces
    (found,) = _paragraphs(_MD + "The first line of it  \nthe second line  \nand the third.\n")
    assert found.content == (
        Text(text="The first line of it"),
        LineBreak(),
        Text(text="the second line"),
        LineBreak(),
        Text(text="and the third."),
    )


def test_hard_break_inside_strong_keeps_the_emphasis() -> None:
    # "<strong>Isolation<br></strong> Tasks ..." as html2text writes it
    (found,) = _paragraphs(_MD + "**Isolation  \n** Tasks in a lambda are isolated.\n")
    strong, rest = found.content
    assert strong == Strong(content=(Text(text="Isolation"), LineBreak()))
    assert rest == Text(text=" Tasks in a lambda are isolated.")


def test_two_spaces_at_a_wrap_are_no_break() -> None:
    # a wrap (at 78 columns) that falls on a double space of the page's text leaves two
    # trailing spaces; the next word would not have fitted, so it is a wrap, not a <br>
    filler = "A line of prose that fills the width of the text up to the wrap column, or\n"
    wrapped = "The fetch() function's arguments are the same as those passed to the  \n"
    text = _MD + filler * 3 + "nearly.\n\n" + wrapped + "`Request()` constructor.\n"
    found = _paragraphs(text)[-1]
    assert not any(isinstance(node, LineBreak) for node in found.content)
    assert "the Request()" in plain_text(found).replace("`", "")


def test_two_spaces_ending_a_paragraph_are_no_break() -> None:
    (found,) = _paragraphs(_MD + "  \nText after an empty line's break.  \n")
    assert found.content == (Text(text="Text after an empty line's break."),)


def test_mediawiki_formula_alt_text_is_no_text() -> None:
    from articlekit.text.inline import without_math_alt

    # w3m and lynx print a MediaWiki formula picture's alt text, its TeX source
    text = (
        "The sum of a square matrix and its conjugate transpose {\\displaystyle \\left"
        " (A+A^{\\mathsf {H}}\\right)} is Hermitian."
    )
    assert without_math_alt(text) == (
        "The sum of a square matrix and its conjugate transpose is Hermitian."
    )
    # a wrap inside the formula ("{\ displaystyle"), and one before a comma
    assert without_math_alt("If {\\ displaystyle A^{-1}A=I}, then x") == "If, then x"
    assert parse_inlines("Let {\\displaystyle x^{2}} be") == (Text(text="Let be"),)


def test_unbalanced_or_plain_braces_stay() -> None:
    from articlekit.text.inline import without_math_alt

    assert without_math_alt("open {\\displaystyle a {b") == "open {\\displaystyle a {b"
    assert without_math_alt("a {\\displaystyles} b") == "a {\\displaystyles} b"
    assert without_math_alt("set {a, b} and \\textstyle") == "set {a, b} and \\textstyle"


def test_citation_page_superscript_loses_its_caret() -> None:
    # MediaWiki's {{rp}}: a citation's page set as <sup> after the citation mark
    assert parse_inlines("decomposition of C.[3]^:p. 7") == (
        Text(text="decomposition of C.[3]:p. 7"),
    )
    found = parse_inlines("of C.^[65][3]^:p. 7", urls={65: "https://example.org/"})
    assert plain_text(found) == "of C.[3]:p. 7"
    assert parse_inlines("ratio 2^:3 stays") == (Text(text="ratio 2^:3 stays"),)


def test_strong_emphasis_of_three_stars() -> None:
    got = parse_inlines("a ***b c*** d", markdown=True)
    assert got == (
        Text(text="a "),
        Strong(content=(Emphasis(content=(Text(text="b c"),)),)),
        Text(text=" d"),
    )
    assert strip_markup("a ***b c*** d", markdown=True) == "a b c d"


def test_escaped_underscore_is_stripped() -> None:
    """markdownify escapes "_" in text: a title's "a\\_b" reads "a_b"."""
    assert strip_markup("新竹尖石\\_美樹營地 \\_ site", markdown=True) == "新竹尖石_美樹營地 _ site"


def test_link_text_may_hold_escaped_or_balanced_brackets() -> None:
    # a citation mark as pandoc and turndown write it ("[\[3\]](#cite)") and as markdownify
    # writes it ("[[4]](#cite)"): CommonMark reads both as links whose text is "[3]"
    got = parse_inlines(
        r"a[\[3\]](#cite-3) b[[4]](#cite-4) [IPA [x]](https://x.example/)", markdown=True
    )
    links = [node for node in got if isinstance(node, Link)]
    assert [(link.url, plain_text(link.content)) for link in links] == [
        ("#cite-3", "[3]"),
        ("#cite-4", "[4]"),
        ("https://x.example/", "IPA [x]"),
    ]
    assert "cite" not in plain_text(got)


def test_an_escaped_closing_bracket_makes_no_link() -> None:
    got = parse_inlines(r"see [a\](b) and [x [y] z] here", markdown=True)
    assert not any(isinstance(node, Link) for node in got)
    assert plain_text(got) == "see [a](b) and [x [y] z] here"


def test_an_images_alt_reads_escapes_and_brackets() -> None:
    # html2text escapes parentheses and brackets in an alt: the alt is plain text
    got = parse_inlines(r"![Framework \(ATF\) \[Fig 1\]](https://x.example/f.png)", markdown=True)
    assert got == (Image(src="https://x.example/f.png", alt="Framework (ATF) [Fig 1]"),)


def test_a_card_links_its_picture_and_headline() -> None:
    # a teaser card as html2text writes it: the picture and the headline inside one link
    got = parse_inlines(
        r"\[ok\] [![](https://x.example/t.jpg)Headline of a card](/a/1)", markdown=True
    )
    link = got[-1]
    assert isinstance(link, Link) and link.url == "/a/1"
    assert isinstance(link.content[0], Image)
    assert plain_text(link.content) == "Headline of a card"


def test_emphasis_and_strong_nest() -> None:
    # a <strong> holding an <em>, as Markdown writers (articlekit's own too) write it
    cases = {
        "x **a *b* c** y": "Strong[a ,Emphasis[b], c]",
        "x ***a* b** y": "Strong[Emphasis[a], b]",
        "x **a *b*** y": "Strong[a ,Emphasis[b]]",
        "x *a **b** c* y": "Emphasis[a ,Strong[b], c]",
    }

    def shape(node: object) -> str:
        if isinstance(node, Text):
            return node.text
        inner = ",".join(shape(n) for n in node.content)  # type: ignore[attr-defined]
        return f"{type(node).__name__}[{inner}]"

    for text, expected in cases.items():
        got = parse_inlines(text, markdown=True)
        assert [shape(n) for n in got] == ["x ", expected, " y"], text
    # an unbalanced star inside strong leaves the whole as text, nothing lost
    assert parse_inlines("x **a *b c** y", markdown=True) == (Text(text="x **a *b c** y"),)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<ruby>漢字<rt>かんじ</rt></ruby>です", "漢字(かんじ)です"),  # not "漢字かんじです"
        ("<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>", "漢(kan)"),  # its own brackets, once
        ("<ruby>a<rtc><rt>x</rt><rt>y</rt></rtc></ruby>", "a(xy)"),  # an <rtc> bracketed whole
        ("<ruby>漢<rt></rt></ruby>", "漢"),  # an empty reading adds nothing
    ],
)
def test_raw_html_ruby_reads_as_the_html_parser_reads_it(html: str, expected: str) -> None:
    assert plain_text(parse_inlines(html, markdown=True, html=True)) == expected
