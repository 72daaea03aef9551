"""Tests for articlekit.serialise.text: the article body as plain text."""

from __future__ import annotations

import re

import attrs
import pytest

from articlekit.model import (
    Block,
    Code,
    CodeBlock,
    Document,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    LineBreak,
    Link,
    List,
    ListItem,
    Metadata,
    Paragraph,
    Quote,
    Recommendation,
    Recommendations,
    Rule,
    Table,
    TableCell,
    TableRow,
    Text,
    plain_text,
    walk,
)
from articlekit.serialise.text import blocks_to_text, inline_lines, repeats_beside, to_text
from tests.test_markdown import _UNSAFE_CHARS, _UNSAFE_OUTPUT


def norm(text: str) -> str:
    return " ".join(text.split())


def p(text: str) -> Paragraph:
    return Paragraph(content=(Text(text=text),))


def item(*blocks: Block) -> ListItem:
    return ListItem(blocks=blocks)


# The properties of every Document (check_*) run in tests/test_document_properties.py, on
# the documents the model, Markdown and chunk properties share.


def check_text_holds_every_paragraph_in_order(doc: Document) -> None:
    """to_text is deterministic, ends in one newline, and holds every paragraph's lines."""
    text = to_text(doc)
    assert text == to_text(doc)  # deterministic
    assert text == "" or (text.endswith("\n") and not text.endswith("\n\n"))
    flat = norm(text)
    position = 0
    for block in walk(doc.body):
        if not isinstance(block, Paragraph):
            continue
        # Each line of the paragraph (LineBreaks and newlines split it) appears whole, in
        # document order; quote and list prefixes may sit between lines, never inside one.
        # (An image's alt text that the text beside it repeats is printed once: the lines
        # are inline_lines', whose loss-free reading test_inline_lines_lose_only_* pins.)
        for line in inline_lines(block.content):
            wanted = norm(line)
            if not wanted:
                continue
            found = flat.find(wanted, position)
            assert found >= 0, f"{wanted!r} missing after position {position} in {flat!r}"
            position = found + len(wanted)


def _alt_parts(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Return ``inlines`` with every image made the text of its alt (for the property below)."""
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Image):
            out.append(Text(text=node.alt))
        elif isinstance(node, (Text, Code, LineBreak)):
            out.append(node)
        else:
            out.append(attrs.evolve(node, content=_alt_parts(node.content)))
    return tuple(out)


def check_inline_lines_lose_only_repeated_alt_text(doc: Document) -> None:
    """inline_lines loses nothing of a paragraph but alt texts the text beside repeats."""
    # inline_lines is the paragraph's text less nothing but the alt texts that repeat the
    # text beside them: read with each image as its alt text, it is plain_text's words.
    for block in walk(doc.body):
        if not isinstance(block, Paragraph):
            continue
        plain = norm(plain_text(block))
        got = norm(" ".join(inline_lines(block.content)))
        assert norm(" ".join(inline_lines(_alt_parts(block.content)))) == plain
        if not any(isinstance(node, Image) for node in _flat(block.content)):
            assert got == plain
        else:
            assert len(got) <= len(plain)


def _flat(inlines: tuple[Inline, ...]) -> list[Inline]:
    """Return every inline of ``inlines``, nested ones too."""
    out: list[Inline] = []
    stack = list(inlines)
    while stack:
        node = stack.pop()
        out.append(node)
        content = getattr(node, "content", None)
        if isinstance(content, tuple):
            stack.extend(content)
    return out


BLOCK_CASES: list[tuple[str, tuple[Block, ...], str]] = [
    ("heading is its text", (Heading(level=2, content=(Text(text="Title"),)),), "Title\n"),
    ("paragraphs", (p("a"), p("b")), "a\n\nb\n"),
    (
        "inline markup gone",
        (
            Paragraph(
                content=(
                    Emphasis(content=(Text(text="em"),)),
                    Text(text=" "),
                    Link(url="https://x.org", content=(Text(text="link"),)),
                    Text(text=" "),
                    Code(code="c"),
                    Text(text=" "),
                    Image(src="i.png", alt="alt"),
                )
            ),
        ),
        "em link c alt\n",
    ),
    (
        "line break is a newline, text newline a space",
        (Paragraph(content=(Text(text="a\nb"), LineBreak(), Text(text=" c "))),),
        "a b\nc\n",
    ),
    ("empty paragraph left out", (p(" "), p("x"), Paragraph(content=(LineBreak(),))), "x\n"),
    ("bullet list", (List(items=(item(p("a")), item(p("b")))),), "- a\n- b\n"),
    (
        "ordered list uses start",
        (List(ordered=True, start=9, items=(item(p("a")), item(p("b")))),),
        "9. a\n10. b\n",
    ),
    (
        "nested list aligned to the item text",
        (List(ordered=True, items=(item(p("a"), List(items=(item(p("b")),))),)),),
        "1. a\n\n   - b\n",
    ),
    (
        "multi-paragraph item indented",
        (List(items=(item(p("a"), p("b")), item(p("c")))),),
        "- a\n\n  b\n\n- c\n",
    ),
    ("quote", (Quote(blocks=(p("a"), Quote(blocks=(p("b"),)))),), "> a\n>\n> > b\n"),
    ("code verbatim", (CodeBlock(code="  x = 1\n\ty\n", language="py"),), "  x = 1\n\ty\n"),
    (
        "table rows",
        (
            Table(
                rows=(
                    TableRow(cells=(TableCell(content=(Text(text="h1"),)), TableCell(content=()))),
                    TableRow(
                        cells=(TableCell(content=(Text(text="a"), LineBreak(), Text(text="b"))),)
                    ),
                ),
                header_rows=1,
                caption=(Text(text="Cap"),),
            ),
        ),
        "Cap\nh1 | \na b\n",
    ),
    (
        "figure is its caption",
        (Figure(image=Image(src="i.png", alt="Alt"), caption=(Text(text="Cap"),)),),
        "Cap\n",
    ),
    ("figure without caption is its alt", (Figure(image=Image(src="i.png", alt="Alt")),), "Alt\n"),
    ("rule left out", (p("a"), Rule(), p("b")), "a\n\nb\n"),
    (
        "recommendations left out, even nested",
        (
            p("a"),
            Recommendations(items=(Recommendation(title="R"),)),
            Quote(blocks=(p("q"), Recommendations(items=(Recommendation(title="S"),)))),
        ),
        "a\n\n> q\n",
    ),
]


@pytest.mark.parametrize(("name", "blocks", "text"), BLOCK_CASES, ids=[c[0] for c in BLOCK_CASES])
def test_block(name: str, blocks: tuple[Block, ...], text: str) -> None:
    assert blocks_to_text(blocks) == text


def test_document_body_only() -> None:
    doc = Document(
        title="Title",
        metadata=Metadata(authors=("Ann",), description="Desc"),
        blocks=(
            Heading(level=2, content=(Text(text="Section"),)),
            p("Body."),
            Recommendations(title="Also read", items=(Recommendation(title="Other"),)),
        ),
    )
    assert to_text(doc) == "Section\n\nBody.\n"


def test_figures_are_left_out_of_to_text_unless_asked() -> None:
    figure = Figure(image=Image(src="i.png", alt="Alt"), caption=(Text(text="Photo: Agency"),))
    nested = List(items=(ListItem(blocks=(p("item"), figure)),))
    doc = Document(blocks=(p("Before."), figure, nested, p("After.")))
    assert to_text(doc) == "Before.\n\n- item\n\nAfter.\n"
    assert to_text(doc, figures=True) == (
        "Before.\n\nPhoto: Agency\n\n- item\n\n  Photo: Agency\n\nAfter.\n"
    )
    assert blocks_to_text(doc.blocks, figures=False) == to_text(doc)


def test_empty() -> None:
    assert to_text(Document()) == ""
    assert blocks_to_text(()) == ""
    assert inline_lines(()) == []


def test_deep_nesting_does_not_recurse() -> None:
    depth = 5000
    quote: Block = p("deep")
    nested_list: Block = p("deep")
    for _ in range(depth):
        quote = Quote(blocks=(quote,))
        nested_list = List(items=(item(nested_list),))
    assert to_text(Document(blocks=(quote,))) == "> " * depth + "deep\n"
    assert blocks_to_text((nested_list,)) == "- " * depth + "deep\n"


GOLDEN_DOC = Document(
    title="Not in the text",
    blocks=(
        Heading(level=2, content=(Text(text="Section"),)),
        Paragraph(
            content=(
                Text(text="A "),
                Link(url="https://x.org", content=(Text(text="link"),)),
                Text(text=" and"),
                LineBreak(),
                Text(text="a second line."),
            )
        ),
        List(items=(item(p("one")), item(p("two"), List(ordered=True, items=(item(p("a")),))))),
        Quote(blocks=(p("Quoted"), Quote(blocks=(p("deeper"),)))),
        CodeBlock(code="def f():\n    return 1\n", language="python"),
        Table(
            rows=(
                TableRow(cells=(TableCell(content=(Text(text="Name"),), header=True),)),
                TableRow(cells=(TableCell(content=(Text(text="a"),)),)),
            ),
            header_rows=1,
        ),
        Recommendations(title="Also read", items=(Recommendation(title="Elsewhere"),)),
    ),
)

GOLDEN_TEXT = """\
Section

A link and
a second line.

- one

- two

  1. a

> Quoted
>
> > deeper

def f():
    return 1

Name
a
"""


def test_golden_document() -> None:
    assert to_text(GOLDEN_DOC) == GOLDEN_TEXT


@pytest.mark.parametrize(
    "text", ["one\ntwo", "one\r\ntwo\rthree", "no line end", "", "\n", "trailing\r\n"]
)
def test_line_ends_in_text_become_spaces(text: str) -> None:
    from articlekit.serialise.text import _unbroken

    assert _unbroken(text) == re.sub(r"\r\n|[\r\n]", " ", text)


def test_alt_text_repeated_by_the_text_beside_it_is_printed_once() -> None:
    name = "Kidfresh Fish Sticks - 8.45oz"
    tile = (
        Link(url="https://shop.example/p/1", content=(Image(src="/1.jpg", alt=name),)),
        Text(text=f" {name} "),
        Text(text="$4.99"),
    )
    assert inline_lines(tile) == [f"{name} $4.99"]
    # the name before the picture, and five rating stars in a row
    assert inline_lines((Text(text="Jane Doe"), Image(src="/j.jpg", alt="Jane Doe"))) == [
        "Jane Doe"
    ]
    stars = tuple(Image(src="/s.svg", alt="star") for _ in range(5))
    assert inline_lines(stars) == ["star"]
    # an alt text that is not the text beside it stays, and so does a word's prefix
    assert inline_lines((Image(src="/c.jpg", alt="Chart"), Text(text=" Sales rose."))) == [
        "Chart Sales rose."
    ]
    assert inline_lines((Image(src="/p.jpg", alt="Photo"), Text(text="Photographers"))) == [
        "PhotoPhotographers"
    ]
    assert repeats_beside(["Jane Doe ", "Jane Doe"], 1)
    assert not repeats_beside(["Jane", "Doe"], 1)


@pytest.mark.parametrize(
    "text", ["one line", "  edges  ", "one\ntwo", "\r\n", "   ", "", "a\r\nb\rc "]
)
def test_one_run_of_text_gives_the_lines_of_the_general_walk(text: str) -> None:
    # inline_lines reads one run of text without its walk; the walk's answer is the
    # same run followed by an empty Text (two parts, one line)
    assert inline_lines((Text(text=text),)) == inline_lines((Text(text=text), Text(text="")))


# (every character a terminal acts on or a UTF-8 writer chokes on: the Markdown tests' set)


def _hand_built_with(odd: str) -> Document:
    """A Document built by hand that carries ``odd`` in every string to_text prints."""

    def text(word: str) -> Text:
        return Text(text=f"{word}{odd}word")

    table = Table(
        caption=(text("caption"),),
        rows=(TableRow(cells=(TableCell(content=(text("cell"),)),)),),
        header_rows=1,
    )
    return Document(
        blocks=(
            Heading(level=2, content=(text("heading"),)),
            Paragraph(
                content=(
                    text("para"),
                    Code(code=f"x{odd}y"),
                    Link(url="https://x.org/a", content=(text("link"),)),
                    Image(src="https://x.org/i.png", alt=f"alt{odd}text"),
                    LineBreak(),
                    text("second"),
                )
            ),
            CodeBlock(code=f"print(1){odd}\nprint(2)\n", language="python"),
            table,
            Figure(image=Image(src="https://x.org/f.png", alt=f"fig{odd}alt")),
            List(ordered=False, items=(item(Quote(blocks=(p(f"quoted{odd}word"),))),)),
        ),
    )


@pytest.mark.parametrize("odd", [*_UNSAFE_CHARS, "\x1b[2J\x1b]0;pwned\x07", _UNSAFE_CHARS])
def test_text_of_a_hand_built_document_is_safe_to_print_to_a_terminal(odd: str) -> None:
    # The parsers never put a control character in a Document, but one built by hand
    # holds what it is given: ESC would start a terminal's escape sequence (clear the
    # screen, set the window title), BEL rings, a lone surrogate fails to encode.
    doc = _hand_built_with(odd)
    for text in (to_text(doc), to_text(doc, figures=True), blocks_to_text(doc.blocks)):
        assert not _UNSAFE_OUTPUT.search(text), repr(text)
        text.encode("utf-8")
        for word in ("heading", "para", "link", "second", "print(2)", "cell", "caption"):
            assert word in text
        assert "quoted" in text
    assert "fig" in to_text(doc, figures=True)


def test_controls_in_text_follow_the_parsers_policy() -> None:
    # As the parsers read text (docs/model.md): dropped, white-space ones a space, a C1
    # character read as windows-1252, a lone surrogate U+FFFD; tabs stay in code.
    para = Paragraph(content=(Text(text="a\x1bb c\x0bd e\x00f \x92s \ud800"),))
    assert blocks_to_text((para,)) == "ab c d ef ’s \ufffd\n"
    code = CodeBlock(code="clear\x1b[2J\tdone\n", language=None)
    assert blocks_to_text((code,)) == "clear[2J\tdone\n"
    # a block of nothing but control characters prints nothing, as an empty one does
    assert blocks_to_text((p("\x1b\x07"), CodeBlock(code="\x1b\n"), p("x"))) == "x\n"


RLO, PDF, RLE, RLI, PDI = "\u202e", "\u202c", "\u202b", "\u2067", "\u2069"


def test_a_directional_span_is_closed_on_the_line_that_opens_it() -> None:
    # An override left open turns the rest of the line around ("txt.exe" shows as
    # "exe.txt"); closed on its line, it cannot reach the next line or block.
    doc = Document(
        blocks=(
            Paragraph(content=(Text(text=f"name {RLO}txt.exe"), LineBreak(), Text(text="next"))),
            p(f"stray {PDF}pop and {PDI}isolate pop"),
            CodeBlock(code=f"a{RLI}b\nc\n"),
        )
    )
    assert to_text(doc) == (
        f"name {RLO}txt.exe{PDF}\nnext\n\nstray pop and isolate pop\n\na{RLI}b{PDI}\nc\n"
    )


def test_a_directional_span_across_inline_markup_is_kept_whole() -> None:
    # Right-to-left text laid out across an emphasis is one span on one printed line:
    # nothing is closed early, so it shows as the page showed it.
    inlines = (
        Text(text=f"a {RLE}b "),
        Emphasis(content=(Text(text="c"),)),
        Text(text=f" d{PDF} e"),
    )
    assert inline_lines(inlines) == [f"a {RLE}b c d{PDF} e"]


@pytest.mark.parametrize(
    "alt",
    ["/images/newHomeDesign/Meta_Platforms_Inc._logo.png", "IMG_0042.JPG", "logo.svg?v=3"],
)
def test_an_alt_text_that_is_a_file_name_gives_no_text(alt: str) -> None:
    # a template writes the picture's path where a description belongs
    hired = (Text(text="Our customers get hired at: "), Image(src="/m.png", alt=alt))
    assert inline_lines(hired) == ["Our customers get hired at:"]
    figure = Figure(image=Image(src="/m.png", alt=alt))
    assert blocks_to_text((p("Before."), figure)) == "Before.\n"
    # the JSON keeps it: only the text a reader reads leaves it out
    assert Image(src="/m.png", alt=alt).alt == alt


@pytest.mark.parametrize("alt", ["Meta logo", "Figure 2. Sales rose 3.5 percent", "3.png files"])
def test_an_alt_text_that_names_no_file_alone_is_kept(alt: str) -> None:
    assert inline_lines((Image(src="/m.png", alt=alt),)) == [alt]


def test_inline_lines_read_the_text_after_nested_inlines_in_order() -> None:
    inner = Link(
        url="https://example.com/",
        content=(Text(text="b "), Image(src="/i.png", alt="pic"), LineBreak(), Text(text="c")),
    )
    content = (
        Text(text="a "),
        Emphasis(content=(inner, Text(text=" d"))),
        Code(code="e"),
        LineBreak(),
        Emphasis(content=(Emphasis(content=(Text(text="f"),)),)),
        Text(text=" g"),
    )
    assert inline_lines(content) == ["a b pic", "c de", "f g"]


def _cell(text: str, *, rowspan: int = 1, colspan: int = 1) -> TableCell:
    return TableCell(content=(Text(text=text),), rowspan=rowspan, colspan=colspan)


def test_table_cells_stay_in_their_columns_under_spans() -> None:
    # a rowspan leaves its column empty in the rows below (as the Markdown grid does):
    # "2002" stays under "Year", not under "Name"
    table = Table(
        rows=(
            TableRow(cells=(_cell("Name"), _cell("Year"), _cell("Note"))),
            TableRow(cells=(_cell("A", rowspan=2), _cell("2001"), _cell("first"))),
            TableRow(cells=(_cell("2002"), _cell("second"))),
            TableRow(cells=(_cell("Total", colspan=3),)),
        ),
        header_rows=1,
    )
    assert blocks_to_text([table]) == (
        "Name | Year | Note\nA | 2001 | first\n | 2002 | second\nTotal\n"
    )
