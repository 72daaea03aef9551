"""Headings found on readability-pages: sections whose body is an equation, title copies.

Every fixture is written for the test: it reproduces a layout, not a page of the corpus.
"""

from __future__ import annotations

from articlekit import parse_html
from articlekit.html.blocks import copies_title, equation_text
from articlekit.html.tree import parse_tree
from articlekit.model import (
    Code,
    CodeBlock,
    Figure,
    Heading,
    List,
    Paragraph,
    Recommendations,
    Text,
    plain_text,
)

LEAD = (
    "<p>Equations are written in MathML on this page, and a script draws them with its own "
    "fonts. Each section below shows one classic formula from physics or number theory, "
    "with a line about where it comes from and why it is worth remembering.</p>"
)


def _mathjax(tokens: str, *, display: bool) -> str:
    """A MathJax v3 box: a hidden drawing, then the MathML kept for screen readers."""
    flag = ' display="true"' if display else ""
    mode = ' display="block"' if display else ""
    return (
        f'<mjx-container class="MathJax CtxtMenu_Attached_0" jax="CHTML"{flag}>'
        '<mjx-math class="MJX-TEX" aria-hidden="true"><mjx-mi><mjx-c class="c1"></mjx-c>'
        "</mjx-mi></mjx-math>"
        f'<mjx-assistive-mml unselectable="on"><math{mode}>{tokens}</math>'
        "</mjx-assistive-mml></mjx-container>"
    )


def _headings(doc_blocks: tuple[object, ...]) -> list[str]:
    return [plain_text(b) for b in doc_blocks if isinstance(b, Heading)]


def test_heading_over_a_display_equation_stays() -> None:
    lorenz = "<mi>x</mi><mo>=</mo><mi>σ</mi><mo>(</mo><mi>y</mi><mo>−</mo><mi>x</mi><mo>)</mo>"
    euler = "<msup><mi>e</mi><mrow><mi>i</mi><mi>π</mi></mrow></msup><mo>+</mo><mn>1</mn>"
    html = (
        "<html><head><title>Formulas</title></head><body><article>"
        f"<h1>Formulas</h1>{LEAD}"
        f"<h2>The Lorenz Equations</h2>{_mathjax(lorenz, display=True)}"
        f"<h2>Euler's Identity</h2>{_mathjax(euler, display=True)}"
        f"<h2>Inline</h2><p>The identity {_mathjax(euler, display=False)} links five "
        "constants, and it fits on one line of any page about complex numbers.</p>"
        "</article></body></html>"
    )
    doc = parse_html(html)
    assert _headings(doc.blocks) == ["The Lorenz Equations", "Euler's Identity", "Inline"]
    equations = [b for b in doc.blocks if isinstance(b, CodeBlock)]
    assert [(b.code, b.language) for b in equations] == [
        ("x = σ ( y − x )", "math"),
        ("e i π + 1", "math"),
    ]
    last = doc.blocks[-1]
    assert isinstance(last, Paragraph)
    assert Code(code="e i π + 1") in last.content
    assert last.content[0] == Text(text="The identity ")


def test_tex_source_wins_over_tokens_and_hidden_drawing_is_not_read() -> None:
    # KaTeX: MathML with the TeX as an annotation, beside an aria-hidden drawing
    katex = (
        '<span class="katex"><span class="katex-mathml"><math><semantics><mrow><msup>'
        "<mi>x</mi><mn>2</mn></msup></mrow>"
        '<annotation encoding="application/x-tex">x^2</annotation></semantics></math></span>'
        '<span class="katex-html" aria-hidden="true"><span class="mord">x²</span></span></span>'
    )
    doc = parse_html(
        f"<html><body><article>{LEAD}<p>The square {katex} grows faster than any line "
        "once x is large enough, which the chart below shows.</p></article></body></html>"
    )
    paragraph = doc.blocks[-1]
    assert isinstance(paragraph, Paragraph)
    assert Code(code="x^2") in paragraph.content
    assert "x²" not in plain_text(paragraph)


def test_equation_text_sources() -> None:
    root = parse_tree(
        '<p><math alttext="{\\displaystyle a+b}"><mi>a</mi><mo>+</mo><mi>b</mi></math>'
        "<math><mi>a</mi><mo>+</mo><mi>b</mi></math></p>"
    )
    wiki, plain = list(root.iter("math"))
    assert equation_text(wiki) == "a+b"
    assert equation_text(plain) == "a + b"


def test_hidden_equation_stays_out() -> None:
    # MediaWiki: the MathML is hidden, an image with the TeX as alt text is shown
    html = (
        f"<html><body><article>{LEAD}<p>The sum "
        '<span style="display: none"><math alttext="a+b"><mi>a</mi></math></span>'
        " is shown as an image on the page, and the text around it reads as one "
        "sentence.</p></article></body></html>"
    )
    text = plain_text(parse_html(html).blocks[-1])
    assert "a+b" not in text
    assert text.startswith("The sum")


def test_near_copy_of_the_title_opening_the_body_goes() -> None:
    html = (
        "<html><head><title>Evolve: Shared Mutable History - evolve extension</title></head>"
        "<body><article><h1>Evolve: Shared Mutable History¶</h1>"
        f"{LEAD}<h2>Sharing with a single developer</h2>{LEAD}</article></body></html>"
    )
    doc = parse_html(html)
    assert _headings(doc.blocks) == ["Sharing with a single developer"]


def test_copies_title_rules() -> None:
    title = "Outside the web: standalone WebAssembly binaries using Emscripten"
    assert copies_title(
        Heading(level=2, content=(Text(text="Standalone WebAssembly binaries"),)), title
    )
    # one word of the title names a section
    assert not copies_title(Heading(level=2, content=(Text(text="Emscripten"),)), title)
    # a subsection heading is never the title
    assert not copies_title(Heading(level=3, content=(Text(text="Standalone binaries"),)), title)
    # after the body's first text, only an exact copy goes
    near = Heading(level=2, content=(Text(text="Using standalone mode in Emscripten"),))
    assert copies_title(near, title)
    assert not copies_title(near, title, nearly=False)


def test_near_copy_after_the_first_paragraph_stays() -> None:
    html = (
        "<html><head><title>Outside the web: standalone WebAssembly binaries using "
        f"Emscripten</title></head><body><article>{LEAD}"
        f"<h2>Using standalone mode in Emscripten</h2>{LEAD}</article></body></html>"
    )
    assert _headings(parse_html(html).blocks) == ["Using standalone mode in Emscripten"]


def test_see_also_section_keeps_its_short_links() -> None:
    html = (
        f"<html><body><article><h2>History</h2>{LEAD}{LEAD}"
        "<h2>See also</h2><ul>"
        '<li><a href="/wiki/Suffix">-zilla (suffix)</a></li>'
        '<li><a href="/wiki/Mascot">Mozilla (mascot)</a></li>'
        '<li><a href="/wiki/Book">The Book</a></li></ul>'
        "<h2>References</h2><ol><li>Freeing the Source, an oral history of the project "
        "told by the people who opened the code in 1998.</li></ol>"
        "</article></body></html>"
    )
    doc = parse_html(html, url="https://example.org/wiki/Mozilla")
    assert _headings(doc.blocks) == ["History", "See also", "References"]
    see_also = doc.blocks[
        doc.blocks.index(next(b for b in doc.blocks if plain_text(b) == "See also")) + 1
    ]
    assert isinstance(see_also, List)
    assert [plain_text(item.blocks[0]) for item in see_also.items] == [
        "-zilla (suffix)",
        "Mozilla (mascot)",
        "The Book",
    ]


_LINK_BOX = (
    '<div class="related-links"><a href="https://example.org/atlas">Atlas of the whole region</a> '
    '<a href="https://example.org/commons">Media about the region at Commons</a></div>'
)


def test_heading_over_a_link_box_then_body_text_stays() -> None:
    html = (
        f"<html><body><article><h2>Environment</h2>{LEAD}"
        f"<h3>Geography</h3>{_LINK_BOX}{LEAD}<h3>Climate</h3>{LEAD}</article></body></html>"
    )
    doc = parse_html(html, url="https://example.org/wiki/Region")
    assert _headings(doc.blocks) == ["Environment", "Geography", "Climate"]
    assert any(isinstance(b, Recommendations) for b in doc.blocks)


def test_teaser_headline_over_its_card_goes() -> None:
    # a list of opinion teasers: kicker + headline, the card linking the headline, excerpt
    teaser = (
        "<h4>Editorial Fraser's lasting legacy</h4>"
        '<div class="related-links"><a href="https://example.org/fraser">'
        "Fraser's lasting legacy</a></div>"
        "<p>MALCOLM Fraser was an effective prime minister, controversially installed, "
        "soundly elected and re-elected, and a relentless contributor to public debate.</p>"
    )
    html = f"<html><body><article>{LEAD}{LEAD}{teaser}</article></body></html>"
    doc = parse_html(html, url="https://example.org/opinion/one")
    assert _headings(doc.blocks) == []


def test_picture_post_keeps_its_headings_and_figures() -> None:
    html = (
        "<html><body><article><h2>Morning</h2>"
        '<img data-src="https://example.org/a.jpg" alt="sunrise.jpg">'
        '<h2>Evening</h2><img data-src="https://example.org/b.jpg" alt="sunset.jpg">'
        "</article></body></html>"
    )
    doc = parse_html(html)
    assert [type(b).__name__ for b in doc.blocks] == ["Heading", "Figure", "Heading", "Figure"]
    assert _headings(doc.blocks) == ["Morning", "Evening"]
    figure = doc.blocks[1]
    assert isinstance(figure, Figure)
    assert figure.image.src == "https://example.org/a.jpg"


def test_page_without_article_or_text_stays_empty() -> None:
    html = (
        '<html><body><div><img src="https://example.org/logo.png" alt="Logo"></div></body></html>'
    )
    assert parse_html(html).blocks == ()


def test_image_with_alt_text_alone_is_a_figure_not_a_paragraph() -> None:
    html = (
        f"<html><body><article>{LEAD}"
        '<div>\n<img src="https://example.org/chart.png" alt="chart.png">\n</div>'
        f"{LEAD}</article></body></html>"
    )
    doc = parse_html(html)
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Figure", "Paragraph"]


def test_contact_portrait_after_the_contact_card_goes_with_it() -> None:
    html = (
        f"<html><body><article>{LEAD}{LEAD}"
        "<p>Anna Berg<br>E-Mail: press@example.org<br>Telefon: +49 40 300 30 1141</p>"
        '<p><img src="https://example.org/press-officer.jpg" alt="Press officer"></p>'
        "</article></body></html>"
    )
    doc = parse_html(html)
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Paragraph"]
    # the article's own last picture, with no call to action before it, stays
    html = (
        f"<html><body><article>{LEAD}{LEAD}"
        '<p><img src="https://example.org/harbour.jpg" alt="The harbour"></p>'
        "</article></body></html>"
    )
    assert isinstance(parse_html(html).blocks[-1], Figure)
