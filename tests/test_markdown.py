"""Tests for articlekit.serialise.markdown: escaping, safety and structure, checked by rendering.

Every Markdown string is rendered with markdown-it-py's "commonmark" preset (which passes raw
HTML through) plus GFM tables, and the rendered tokens are walked back into a comparable
structure. ``maxNesting`` is raised so that markdown-it does not cut off deep (but valid)
nesting; it changes no parsing rule.

Known differences that the comparisons normalise (all documented in docs/markdown.md):
whitespace is compared collapsed (Markdown trims line ends and cannot keep leading or
repeated spaces of a paragraph), and inline formatting is not compared (emphasis that
Markdown would misread is written without markers, keeping the text).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote

import pytest
from hypothesis import given
from markdown_it import MarkdownIt
from markdown_it.token import Token

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
    SourceInfo,
    Strong,
    Table,
    TableCell,
    TableRow,
    Text,
    plain_text,
)
from articlekit.serialise.markdown import (
    blocks_to_markdown,
    inlines_to_markdown,
    is_safe_url,
    to_markdown,
    yaml_string,
)
from tests.strategies import inline_runs

# --------------------------------------------------------------------------- rendering helpers


def _parser(*, permissive_links: bool = False) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": 100_000}).enable("table")
    if permissive_links:
        # Let every link through, so the safety check sees what *we* wrote, not what
        # markdown-it's own validator happened to block.
        md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


MD = _parser()
MD_PERMISSIVE = _parser(permissive_links=True)


def norm(text: str) -> str:
    """Whitespace collapsed to single spaces, ends stripped."""
    return " ".join(text.split())


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    stack = list(reversed(token.children or []))
    while stack:
        child = stack.pop()
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "html_inline":
            parts.append("<<RAW HTML>>")
        elif child.children:
            stack.extend(reversed(child.children))
    return norm("".join(parts))


Event = tuple[Any, ...]


def rendered_structure(markdown: str) -> list[Event]:
    """Return the block structure markdown-it reads from ``markdown``, text normalised."""
    tokens = MD.parse(markdown)
    events: list[Event] = []
    rows: list[list[str]] | None = None
    for index, tok in enumerate(tokens):
        kind = tok.type
        if kind == "heading_open":
            events.append(("heading", int(tok.tag[1:]), _inline_text(tokens[index + 1])))
        elif kind == "paragraph_open":
            events.append(("p", _inline_text(tokens[index + 1])))
        elif kind == "bullet_list_open":
            events.append(("list", False, None))
        elif kind == "ordered_list_open":
            start = tok.attrGet("start")
            events.append(("list", True, 1 if start is None else int(start)))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            events.append(("/list",))
        elif kind == "list_item_open":
            events.append(("item",))
        elif kind == "list_item_close":
            events.append(("/item",))
        elif kind == "blockquote_open":
            events.append(("quote",))
        elif kind == "blockquote_close":
            events.append(("/quote",))
        elif kind == "fence":
            events.append(("code", tok.content))
        elif kind == "code_block":
            events.append(("indented code", tok.content))
        elif kind == "hr":
            events.append(("hr",))
        elif kind == "html_block":
            events.append(("RAW HTML", tok.content))
        elif kind == "table_open":
            rows = []
        elif kind == "tr_open" and rows is not None:
            rows.append([])
        elif kind in ("th_open", "td_open") and rows is not None:
            rows[-1].append(_inline_text(tokens[index + 1]))
        elif kind == "table_close" and rows is not None:
            events.append(("table", rows))
            rows = None
    return events


def _inlines_of(inlines: Iterable[Inline]) -> list[Inline]:
    found: list[Inline] = []
    stack = list(inlines)
    while stack:
        node = stack.pop()
        found.append(node)
        if isinstance(node, (Emphasis, Strong, Link)):
            stack.extend(node.content)
    return found


def is_visible(inlines: Iterable[Inline]) -> bool:
    """Whether a paragraph of ``inlines`` shows anything (else it is left out)."""
    for node in _inlines_of(inlines):
        if isinstance(node, Text) and node.text.strip():
            return True
        if isinstance(node, Code) and node.code:
            return True
        if isinstance(node, Image) and (is_safe_url(node.src, image=True) or node.alt.strip()):
            return True
        if isinstance(node, Link) and is_safe_url(node.url):
            return True
    return False


def _text(inlines: Iterable[Inline]) -> str:
    return norm(plain_text(tuple(inlines)))


def expected_code(code: str) -> str:
    code = re.sub(r"\r\n|\r", "\n", code).replace("\x00", "\ufffd")
    return code if code == "" or code.endswith("\n") else code + "\n"


def expected_table(table: Table) -> list[Event]:
    events: list[Event] = []
    if is_visible(table.caption):
        events.append(("p", _text(table.caption)))
    # HTML's table layout, with taken places: a rowspan takes its columns in the rows below
    taken: set[tuple[int, int]] = set()
    grid: list[list[str]] = []
    for r, row in enumerate(table.rows):
        cells: list[str] = []
        for cell in row.cells:
            while (r, len(cells)) in taken:
                cells.append("")
            column = len(cells)
            cells.append(_text(cell.content))
            cells.extend([""] * (min(cell.colspan, 1000) - 1))
            for below in range(r + 1, min(r + cell.rowspan, len(table.rows))):
                taken.update((below, c) for c in range(column, column + min(cell.colspan, 1000)))
        end = max((c + 1 for (rr, c) in taken if rr == r), default=0)
        cells.extend([""] * (end - len(cells)))
        grid.append(cells)
    width = max((len(cells) for cells in grid), default=0)
    if width:
        grid = [cells + [""] * (width - len(cells)) for cells in grid]
        if not table.header_rows:
            grid.insert(0, [""] * width)
        events.append(("table", grid))
    return events


def expected_structure(blocks: Sequence[Block], title: str | None = None) -> list[Event]:
    """Return the structure a correct to_markdown must render to (mirrors the docs)."""
    events: list[Event] = []
    if title is not None:
        events.append(("heading", 1, norm(title)))
    for block in blocks:
        if isinstance(block, Heading):
            events.append(("heading", block.level, _text(block.content)))
        elif isinstance(block, Paragraph):
            if is_visible(block.content):
                events.append(("p", _text(block.content)))
        elif isinstance(block, CodeBlock):
            events.append(("code", expected_code(block.code)))
        elif isinstance(block, Table):
            events.extend(expected_table(block))
        elif isinstance(block, Figure) and not block.image.src:
            # no picture (a text dump's caption): the caption, or the alt text, alone
            shown = block.caption or (Text(text=block.image.alt),)
            if is_visible(shown):
                events.append(("p", _text(shown)))
        elif isinstance(block, Figure):
            if is_visible((block.image,)):
                events.append(("p", norm(block.image.alt)))
            if is_visible(block.caption):
                events.append(("p", _text(block.caption)))
        elif isinstance(block, Rule):
            events.append(("hr",))
        elif isinstance(block, Recommendations):
            heading = block.title if block.title and block.title.strip() else "Recommended"
            events.append(("heading", 2, norm(heading)))
            if block.items:
                events.append(("list", False, None))
                for rec in block.items:
                    text = rec.title
                    if rec.summary and rec.summary.strip():
                        text += " — " + rec.summary
                    events.extend([("item",), ("p", norm(text)), ("/item",)])
                events.append(("/list",))
        elif isinstance(block, List):
            if block.items:
                events.append(("list", block.ordered, block.start if block.ordered else None))
                for list_item in block.items:
                    events.append(("item",))
                    events.extend(expected_structure(list_item.blocks))
                    events.append(("/item",))
                events.append(("/list",))
        elif isinstance(block, Quote):
            events.append(("quote",))
            events.extend(expected_structure(block.blocks))
            events.append(("/quote",))
    return events


# --------------------------------------------------------------------------- safety helpers

ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    **{tag: frozenset() for tag in ("p", "ul", "li", "blockquote", "pre", "em", "strong")},
    **{f"h{level}": frozenset() for level in range(1, 7)},
    **{tag: frozenset() for tag in ("br", "hr", "table", "thead", "tbody", "tr", "th", "td")},
    "ol": frozenset({"start"}),
    "code": frozenset({"class"}),
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title"}),
}
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|file|data):")
_GOOD_DATA_IMAGE = re.compile(r"^data:image/(?:png|gif|jpeg|webp);")


def url_is_harmless(url: str, *, image: bool) -> bool:
    """Independent check of an href/src as a browser would read it."""
    seen = url
    for _ in range(5):
        seen = unquote(html.unescape(seen))
    seen = re.sub(r"[\x00-\x20\x7f]", "", seen).lower()
    if not _BAD_SCHEME.match(seen):
        return True
    return image and _GOOD_DATA_IMAGE.match(seen) is not None


class _TagRecorder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        allowed = ALLOWED_ATTRIBUTES.get(tag)
        if allowed is None:
            self.problems.append(f"tag <{tag}>")
            return
        for name, value in attrs:
            if name not in allowed:
                self.problems.append(f"attribute {name} on <{tag}>")
            if name in ("href", "src") and not url_is_harmless(value or "", image=tag == "img"):
                self.problems.append(f"unsafe {name}={value!r}")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        self.problems.append(f"comment {data!r}")

    def handle_pi(self, data: str) -> None:
        self.problems.append(f"processing instruction {data!r}")

    def handle_decl(self, decl: str) -> None:
        self.problems.append(f"declaration {decl!r}")

    def unknown_decl(self, data: str) -> None:
        self.problems.append(f"declaration {data!r}")


def safety_problems(markdown: str) -> list[str]:
    """Return every way the rendered Markdown lets document text become HTML or a bad URL."""
    tokens = MD_PERMISSIVE.parse(markdown)
    problems: list[str] = []
    stack = list(tokens)
    while stack:
        tok = stack.pop()
        if tok.type in ("html_block", "html_inline"):
            problems.append(f"raw HTML token {tok.content!r}")
        if tok.type == "link_open" and not url_is_harmless(str(tok.attrGet("href")), image=False):
            problems.append(f"link to {tok.attrGet('href')!r}")
        if tok.type == "image" and not url_is_harmless(str(tok.attrGet("src")), image=True):
            problems.append(f"image from {tok.attrGet('src')!r}")
        stack.extend(tok.children or [])
    recorder = _TagRecorder()
    recorder.feed(MD_PERMISSIVE.renderer.render(tokens, MD_PERMISSIVE.options, {}))
    recorder.close()
    return problems + recorder.problems


# --------------------------------------------------------------------------- property tests


# Generating documents costs far more than checking them (about 75 ms against 4 ms per
# example), so every document property runs on the same 200 examples: this one in
# tests/test_document_properties.py, with the model, text and chunk properties.
def check_markdown_properties(doc: Document) -> None:
    """to_markdown keeps the structure and text, is safe, deterministic, and its front
    matter holds the metadata."""
    markdown = to_markdown(doc)
    # (a) + (b): same block structure, same text in every block
    assert rendered_structure(markdown) == expected_structure(doc.blocks, doc.title)
    # (c): no text becomes HTML, no unsafe URL becomes a link or image (front matter too)
    with_front_matter = to_markdown(doc, front_matter=True)
    assert safety_problems(with_front_matter) == []
    # deterministic, one final newline
    assert with_front_matter == to_markdown(doc, front_matter=True)
    assert markdown == "" or (markdown.endswith("\n") and not markdown.endswith("\n\n"))
    # front matter is YAML holding the metadata, followed by the body
    check_front_matter(doc, with_front_matter, markdown)


@given(inline_runs)
def test_inlines_to_markdown_is_one_paragraph_with_the_same_text(inlines: tuple[Inline]) -> None:
    markdown = inlines_to_markdown(inlines)
    expected = [("p", _text(inlines))] if is_visible(inlines) else []
    assert rendered_structure(markdown) == expected
    assert safety_problems(markdown) == []


def check_front_matter(doc: Document, markdown: str, body: str) -> None:
    expected = front_matter_fields(doc)
    if not expected:
        assert markdown == body
        return
    assert markdown.startswith("---\n")
    head, _, rest = markdown[len("---\n") :].partition("\n---\n")
    assert rest == ("\n" + body if body else "")
    try:
        import yaml  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - PyYAML comes with mkdocs (dev extra)
        return
    assert yaml.safe_load(head) == expected


def front_matter_fields(doc: Document) -> dict[str, object]:
    meta = doc.metadata
    fields: dict[str, object] = {
        "title": doc.title,
        "authors": list(meta.authors) or None,
        "published": meta.published,
        "modified": meta.modified,
        "site_name": meta.site_name,
        "language": meta.language,
        "description": meta.description,
        "kicker": meta.kicker,
        "tags": list(meta.tags) or None,
        "image": meta.image,
        "canonical_url": meta.canonical_url,
        "url": doc.source.url,
    }
    return {key: value for key, value in fields.items() if value is not None}


# --------------------------------------------------------------------------- escaping rules


def para(*inlines: Inline) -> Paragraph:
    return Paragraph(content=inlines)


ESCAPES = [
    # (rule, text, Markdown for a paragraph holding only that text)
    ("backslash first", "a\\*b", "a\\\\\\*b"),
    ("asterisk", "2*3*4", "2\\*3\\*4"),
    ("underscore at word edge", "_init_", "\\_init\\_"),
    ("underscore inside a word stays", "snake_case", "snake_case"),
    ("brackets", "[x](y)", "\\[x\\](y)"),
    ("backtick", "`code`", "\\`code\\`"),
    ("angle bracket opens no tag", "<script>", "\\<script>"),
    ("autolink", "<https://x.org>", "\\<https://x.org>"),
    ("pipe", "a|b", "a\\|b"),
    ("tilde", "~~strike~~", "\\~\\~strike\\~\\~"),
    ("entity", "&amp; &#65; &#x41;", "\\&amp; \\&#65; \\&#x41;"),
    ("ampersand alone stays", "R&D & co", "R&D & co"),
    ("heading", "# not a heading", "\\# not a heading"),
    ("heading without text", "###", "\\###"),
    ("hash without space stays", "#hashtag", "#hashtag"),
    ("quote", "> not a quote", "\\> not a quote"),
    ("dash item", "- not an item", "\\- not an item"),
    ("plus item", "+ not an item", "\\+ not an item"),
    ("ordered item", "1. not an item", "1\\. not an item"),
    ("ordered paren item", "2) not an item", "2\\) not an item"),
    ("long number is no item", "1234567890. x", "1234567890. x"),
    ("thematic break", "---", "\\---"),
    ("spaced thematic break", "- - -", "\\- - -"),
    ("setext underline", "===", "\\==="),
    ("fence", "```python", "\\`\\`\\`python"),
    ("tilde fence", "~~~", "\\~\\~\\~"),
    ("indented code", "    code", "code"),
    ("tab indent", "\tcode", "code"),
    ("html block", "<div>x</div>", "\\<div>x\\</div>"),
    ("comment", "<!-- c -->", "\\<!-- c -->"),
    ("newline collapses", "one\n\n# two", "one  # two"),
]


@pytest.mark.parametrize(("rule", "text", "markdown"), ESCAPES, ids=[e[0] for e in ESCAPES])
def test_escaping_rule(rule: str, text: str, markdown: str) -> None:
    assert inlines_to_markdown((Text(text=text),)) == markdown
    assert rendered_structure(markdown) == [("p", norm(text.replace("\n", " ")))]


LINE_START_AFTER_BREAK = ["# h", "> q", "- i", "+ i", "1. i", "3) i", "---", "===", "***", "<p>"]


@pytest.mark.parametrize("text", LINE_START_AFTER_BREAK)
def test_line_after_a_hard_break_cannot_start_a_block(text: str) -> None:
    markdown = inlines_to_markdown((Text(text="first"), LineBreak(), Text(text=text)))
    assert rendered_structure(markdown) == [("p", f"first {text}")]
    assert "<br />" in MD.render(markdown)


def test_exclamation_before_a_link_is_not_an_image() -> None:
    markdown = inlines_to_markdown(
        (Text(text="wow!"), Link(url="https://x.org", content=(Text(text="x"),)))
    )
    assert markdown == "wow\\![x](https://x.org)"
    assert "<img" not in MD.render(markdown)


def test_trailing_and_leading_breaks_are_dropped() -> None:
    markdown = inlines_to_markdown((LineBreak(), Text(text="a"), LineBreak(), LineBreak()))
    assert markdown == "a"


def test_double_break_gives_two_hard_breaks() -> None:
    markdown = inlines_to_markdown((Text(text="a"), LineBreak(), LineBreak(), Text(text="b")))
    assert markdown == "a\\\n\\\nb"
    assert MD.render(markdown).count("<br />") == 2


# --------------------------------------------------------------------------- inline formatting

INLINE_CASES = [
    ("emphasis", (Emphasis(content=(Text(text="a"),)),), "*a*", "<em>a</em>"),
    ("strong", (Strong(content=(Text(text="a"),)),), "**a**", "<strong>a</strong>"),
    (
        "spaces move outside emphasis",
        (Text(text="x"), Emphasis(content=(Text(text=" a "),)), Text(text="y")),
        "x *a* y",
        "<em>a</em>",
    ),
    (
        "touching spans of one kind join",
        (Emphasis(content=(Text(text="a"),)), Emphasis(content=(Text(text="b"),))),
        "*ab*",
        "<em>ab</em>",
    ),
    (
        "emphasis inside a word loses its markers",
        (Text(text="un"), Emphasis(content=(Text(text="believ"),)), Text(text="able")),
        "unbelievable",
        "unbelievable",
    ),
    ("empty emphasis vanishes", (Text(text="a"), Emphasis(content=())), "a", "a"),
    ("code with backticks", (Code(code="a`b"),), "``a`b``", "<code>a`b</code>"),
    ("code starting with a backtick", (Code(code="`x"),), "`` `x ``", "<code>`x</code>"),
    ("code with spaces kept", (Code(code=" a "),), "`  a  `", "<code> a </code>"),
    (
        "link with title",
        (Link(url="https://x.org/a b", content=(Text(text="t"),), title='say "hi"'),),
        '[t](https://x.org/a%20b "say \\"hi\\"")',
        'title="say &quot;hi&quot;"',
    ),
    (
        "link with parentheses and angle brackets",
        (Link(url="https://x.org/(a)<b>", content=(Text(text="t"),)),),
        "[t](https://x.org/\\(a\\)\\<b\\>)",
        'href="https://x.org/(a)%3Cb%3E"',
    ),
    (
        "link URL keeps its entity-like text",
        (Link(url="https://x.org/?a=1&amp;b=2", content=(Text(text="t"),)),),
        "[t](https://x.org/?a=1\\&amp;b=2)",
        'href="https://x.org/?a=1&amp;amp;b=2"',
    ),
    (
        "image",
        (Image(src="https://x.org/i.png", alt="an *alt*", title="t"),),
        '![an \\*alt\\*](https://x.org/i.png "t")',
        'alt="an *alt*"',
    ),
    (
        "link inside a link keeps its text",
        (
            Link(
                url="https://a.org",
                content=(Link(url="https://b.org", content=(Text(text="in"),)),),
            ),
        ),
        "[in](https://a.org)",
        'href="https://a.org"',
    ),
]


@pytest.mark.parametrize(
    ("name", "inlines", "markdown", "html_part"), INLINE_CASES, ids=[c[0] for c in INLINE_CASES]
)
def test_inline_formatting(
    name: str, inlines: tuple[Inline, ...], markdown: str, html_part: str
) -> None:
    assert inlines_to_markdown(inlines) == markdown
    assert html_part in MD.render(markdown)


# --------------------------------------------------------------------------- URL safety

UNSAFE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "java\nscript:alert(1)",
    "java\tscript:alert(1)",
    "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript%3Aalert(1)",
    "&amp;#106;avascript:alert(1)",
    "vbscript:msgbox",
    "VBSCRIPT:msgbox",
    "file:///etc/passwd",
    "data:text/html;base64,PHNjcmlwdD4=",
    "\u200bjavascript:alert(1)",
]
SAFE_URLS = [
    "https://example.org/a",
    "/relative/path",
    "mailto:someone@example.org",
    "",
    "#anchor",
    "https://example.org/javascript:x",
]


@pytest.mark.parametrize("url", UNSAFE_URLS)
def test_unsafe_url_is_never_a_link_or_image(url: str) -> None:
    assert not is_safe_url(url)
    assert not is_safe_url(url, image=True)
    link = Link(url=url, content=(Text(text="click"),))
    image = Image(src=url, alt="pic")
    markdown = inlines_to_markdown((link, Text(text=" "), image))
    assert markdown == "click pic"
    assert safety_problems(markdown) == []


@pytest.mark.parametrize("url", SAFE_URLS)
def test_safe_url_is_kept(url: str) -> None:
    assert is_safe_url(url)
    markdown = inlines_to_markdown((Link(url=url, content=(Text(text="go"),)),))
    assert "<a href=" in MD.render(markdown)


def test_data_images_only_for_images() -> None:
    url = "data:image/png;base64,iVBORw0KGgo="
    assert is_safe_url(url, image=True)
    assert not is_safe_url(url)
    assert not is_safe_url("data:image/svg+xml;base64,PHN2Zz4=", image=True)
    markdown = inlines_to_markdown(
        (Image(src=url, alt="dot"), Link(url=url, content=(Text(text="x"),)))
    )
    assert markdown == f"![dot]({url})x"


# --------------------------------------------------------------------------- blocks


def p(text: str) -> Paragraph:
    return Paragraph(content=(Text(text=text),))


def item(*blocks: Block) -> ListItem:
    return ListItem(blocks=blocks)


BLOCK_CASES: list[tuple[str, tuple[Block, ...], str]] = [
    ("heading", (Heading(level=3, content=(Text(text="Ends with #"),)),), "### Ends with \\#\n"),
    (
        "heading keeps bars",
        (Heading(level=1, content=(Text(text="Post | Site"),)),),
        "# Post | Site\n",
    ),
    ("empty heading", (Heading(level=2, content=()),), "##\n"),
    (
        "heading break is a space",
        (Heading(level=1, content=(Text(text="a"), LineBreak())),),
        "# a\n",
    ),
    ("paragraphs", (p("a"), p("b")), "a\n\nb\n"),
    ("invisible paragraph", (p("  "), Paragraph(content=(LineBreak(),))), ""),
    ("bullet list", (List(items=(item(p("a")), item(p("b")))),), "- a\n- b\n"),
    (
        "ordered list with start",
        (List(ordered=True, start=9, items=(item(p("a")), item(p("b")))),),
        "9. a\n10. b\n",
    ),
    ("ordered list from zero", (List(ordered=True, start=0, items=(item(p("a")),)),), "0. a\n"),
    (
        "nested list indented to the marker width",
        (List(ordered=True, start=10, items=(item(p("a"), List(items=(item(p("b")),))),)),),
        "10. a\n\n    - b\n",
    ),
    ("empty item", (List(items=(item(),)),), "-\n"),
    (
        "two lists in a row stay apart",
        (List(items=(item(p("a")),)), List(items=(item(p("b")),))),
        "- a\n\n+ b\n",
    ),
    (
        "two ordered lists in a row stay apart",
        (List(ordered=True, items=(item(p("a")),)), List(ordered=True, items=(item(p("b")),))),
        "1. a\n\n1) b\n",
    ),
    ("quote", (Quote(blocks=(p("a"), p("b"))),), "> a\n>\n> b\n"),
    ("nested quote", (Quote(blocks=(Quote(blocks=(p("a"),)),)),), "> > a\n"),
    ("empty quote", (Quote(blocks=()),), ">\n"),
    (
        "list in quote",
        (Quote(blocks=(List(items=(item(p("a"), p("b")),)),)),),
        "> - a\n>\n>   b\n",
    ),
    ("code", (CodeBlock(code="x = 1\n", language="python"),), "```python\nx = 1\n```\n"),
    ("code fence outgrows backticks", (CodeBlock(code="````"),), "~~~\n````\n~~~\n"),
    (
        "code with both fences inside",
        (CodeBlock(code="```\n~~~"),),
        "````\n```\n~~~\n````\n",
    ),
    ("code info sanitised", (CodeBlock(code="a", language="x y`z"),), "```xyz\na\n```\n"),
    ("empty code", (CodeBlock(code=""),), "```\n```\n"),
    (
        "code in list",
        (List(items=(item(CodeBlock(code="a\n\nb")),)),),
        "- ```\n  a\n\n  b\n  ```\n",
    ),
    (
        "table with header",
        (
            Table(
                rows=(
                    TableRow(cells=(TableCell(content=(Text(text="h"),), header=True),)),
                    TableRow(cells=(TableCell(content=(Text(text="a|b"),)),)),
                ),
                header_rows=1,
            ),
        ),
        "| h |\n| --- |\n| a\\|b |\n",
    ),
    (
        "table without header gets an empty one",
        (Table(rows=(TableRow(cells=(TableCell(content=(Text(text="a"),)),)),)),),
        "|  |\n| --- |\n| a |\n",
    ),
    (
        "table colspan and ragged rows",
        (
            Table(
                rows=(
                    TableRow(cells=(TableCell(content=(Text(text="a"),), colspan=2),)),
                    TableRow(cells=(TableCell(content=()),)),
                ),
                header_rows=1,
                caption=(Text(text="Cap"),),
            ),
        ),
        "Cap\n\n| a |  |\n| --- | --- |\n|  |  |\n",
    ),
    (
        "table cell line break and code pipe",
        (
            Table(
                rows=(
                    TableRow(
                        cells=(
                            TableCell(content=(Text(text="a"), LineBreak(), Text(text="b"))),
                            TableCell(content=(Code(code="x|y"),)),
                        )
                    ),
                ),
                header_rows=1,
            ),
        ),
        "| a b | `x\\|y` |\n| --- | --- |\n",
    ),
    (
        "figure",
        (Figure(image=Image(src="i.png", alt="Alt"), caption=(Text(text="Cap"),)),),
        "![Alt](i.png)\n\nCap\n",
    ),
    (
        "figure with unsafe image keeps its alt",
        (Figure(image=Image(src="javascript:x", alt="Alt")),),
        "Alt\n",
    ),
    ("rule", (p("a"), Rule(), p("b")), "a\n\n***\n\nb\n"),
    ("rule as first block of an item", (List(items=(item(Rule()),)),), "- ***\n"),
    (
        "recommendations",
        (
            Recommendations(
                title="Also read",
                items=(
                    Recommendation(title="One", url="https://x.org/1", summary="Why"),
                    Recommendation(title="Two"),
                    Recommendation(title="Three", url="javascript:x"),
                ),
            ),
        ),
        "## Also read\n\n- [One](https://x.org/1) — Why\n- Two\n- Three\n",
    ),
    (
        "recommendations without title",
        (Recommendations(items=(Recommendation(title="1. One"),)),),
        "## Recommended\n\n- 1\\. One\n",
    ),
    (
        "recommendations after a list keep the plain bullet (their heading parts them)",
        (
            List(items=(item(p("a")),)),
            Recommendations(title="More", items=(Recommendation(title="One"),)),
            Recommendations(title="Even more", items=(Recommendation(title="Two"),)),
        ),
        "- a\n\n## More\n\n- One\n\n## Even more\n\n- Two\n",
    ),
    (
        "a list right after recommendations switches bullet so the two do not merge",
        (
            Recommendations(title="More", items=(Recommendation(title="One"),)),
            List(items=(item(p("a")),)),
        ),
        "## More\n\n- One\n\n+ a\n",
    ),
]


@pytest.mark.parametrize(
    ("name", "blocks", "markdown"), BLOCK_CASES, ids=[c[0] for c in BLOCK_CASES]
)
def test_block(name: str, blocks: tuple[Block, ...], markdown: str) -> None:
    assert blocks_to_markdown(blocks) == markdown
    assert rendered_structure(markdown) == expected_structure(blocks)
    assert safety_problems(markdown) == []


def test_tab_indented_code_in_containers_is_exact() -> None:
    code = "\tx\n  \ty\n\t\tz\n"
    blocks = (
        Quote(blocks=(CodeBlock(code=code),)),
        List(ordered=True, start=100, items=(item(CodeBlock(code=code)),)),
    )
    assert rendered_structure(blocks_to_markdown(blocks)) == expected_structure(blocks)


def test_huge_list_start_is_clamped() -> None:
    markdown = blocks_to_markdown((List(ordered=True, start=10**12, items=(item(p("a")),)),))
    assert markdown == "999999999. a\n"


# --------------------------------------------------------------------------- whole documents

GOLDEN_DOC = Document(
    title="A *title*",
    metadata=Metadata(
        authors=("Ann O'Nym", 'Bo "B" Ba'),
        published="2024-10-31",
        tags=("news",),
        description="Line one\nline two",
    ),
    blocks=(
        Paragraph(
            content=(
                Text(text="Intro with "),
                Strong(content=(Text(text="bold"),)),
                Text(text=", "),
                Emphasis(content=(Text(text="em"),)),
                Text(text=" and a "),
                Link(url="https://example.org/a", content=(Text(text="link"),)),
                Text(text="."),
            )
        ),
        Heading(level=2, content=(Text(text="Section"),)),
        List(items=(item(p("one")), item(p("two")))),
        Quote(blocks=(p("Quoted"),)),
        CodeBlock(code="print(1)", language="python"),
        Recommendations(
            title="Also Read", items=(Recommendation(title="Next", url="https://example.org/n"),)
        ),
    ),
    source=SourceInfo(url="https://example.org/a"),
)

GOLDEN_MARKDOWN = """\
---
title: "A *title*"
authors:
  - "Ann O'Nym"
  - "Bo \\"B\\" Ba"
published: "2024-10-31"
description: "Line one\\nline two"
tags:
  - "news"
url: "https://example.org/a"
---

# A \\*title\\*

Intro with **bold**, *em* and a [link](https://example.org/a).

## Section

- one
- two

> Quoted

```python
print(1)
```

## Also Read

- [Next](https://example.org/n)
"""


def test_golden_document() -> None:
    assert to_markdown(GOLDEN_DOC, front_matter=True) == GOLDEN_MARKDOWN
    body = GOLDEN_MARKDOWN.split("---\n\n", 1)[1]
    assert to_markdown(GOLDEN_DOC) == body


def test_empty_document() -> None:
    assert to_markdown(Document()) == ""
    assert to_markdown(Document(), front_matter=True) == ""
    assert blocks_to_markdown(()) == ""
    assert inlines_to_markdown(()) == ""


def test_title_only() -> None:
    assert to_markdown(Document(title="T")) == "# T\n"


YAML_CASES = [
    ("plain", '"plain"'),
    ('q"uote\\', '"q\\"uote\\\\"'),
    ("new\nline\ttab", '"new\\nline\\ttab"'),
    ("\x00\x7f\x85\u2028\ufeff", '"\\u0000\\u007f\\u0085\\u2028\\ufeff"'),
    ("- not: a list # or comment", '"- not: a list # or comment"'),
    ("<b>[x](y)</b>", '"\\u003cb\\u003e\\u005bx\\u005d(y)\\u003c/b\\u003e"'),
    ("é 😀", '"é 😀"'),
]


@pytest.mark.parametrize(("value", "expected"), YAML_CASES)
def test_yaml_string(value: str, expected: str) -> None:
    yaml = pytest.importorskip("yaml")
    assert yaml_string(value) == expected
    assert yaml.safe_load("k: " + expected) == {"k": value}


# --------------------------------------------------------------------------- depth

DEPTH = 5000


def test_deep_quotes_do_not_recurse() -> None:
    block: Block = p("deep")
    for _ in range(DEPTH):
        block = Quote(blocks=(block,))
    markdown = to_markdown(Document(blocks=(block,)))
    assert markdown == "> " * DEPTH + "deep\n"


def test_deep_lists_do_not_recurse() -> None:
    block: Block = p("deep")
    for _ in range(DEPTH):
        block = List(items=(item(block),))
    markdown = blocks_to_markdown((block,))
    assert markdown == "- " * DEPTH + "deep\n"


def test_deep_inlines_do_not_recurse() -> None:
    inline: Inline = Text(text="deep")
    for level in range(DEPTH):
        if level % 2:
            inline = Emphasis(content=(inline,))
        else:
            inline = Link(url="https://x.org", content=(inline,))
    markdown = inlines_to_markdown((inline,))
    assert "deep" in markdown
    assert markdown.count("[") == 1  # nested links keep only the outermost


def test_figure_without_a_picture_shows_its_caption_alone() -> None:
    # a plain-text dump keeps a caption but prints no picture: no empty image link
    body = Paragraph(content=(Text(text="Body."),))
    captioned = Figure(image=Image(src="", alt=""), caption=(Text(text="Leak *in* action"),))
    assert to_markdown(Document(blocks=(body, captioned))) == "Body.\n\nLeak \\*in\\* action\n"
    alt_only = Figure(image=Image(src="", alt="A chart"))
    assert to_markdown(Document(blocks=(alt_only,))) == "A chart\n"
    assert to_markdown(Document(blocks=(Figure(image=Image(src="", alt="")), body))) == "Body.\n"


# Every character a terminal or a UTF-8 writer chokes on: C0 (but tab, line feed and
# carriage return), DEL, C1 and a lone surrogate.
_UNSAFE_CHARS = "".join(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))
_UNSAFE_CHARS += "".join(chr(c) for c in range(0x7F, 0xA0)) + "\ud800"
_UNSAFE_OUTPUT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _hand_built_with(odd: str) -> Document:
    """A Document built by hand that carries ``odd`` in every string Markdown writes."""

    def text(word: str) -> Text:
        return Text(text=f"{word}{odd}word")

    table = Table(
        caption=(text("caption"),),
        rows=(TableRow(cells=(TableCell(content=(text("cell"),)),)),),
        header_rows=1,
    )
    return Document(
        title=f"Title{odd}here",
        metadata=Metadata(authors=(f"Ann{odd}Lee",), description=f"About{odd}it"),
        blocks=(
            Heading(level=2, content=(text("heading"),)),
            Paragraph(
                content=(
                    text("para"),
                    Code(code=f"x{odd}y"),
                    Link(url=f"https://x.org/a{odd}b", title=f"t{odd}t", content=(text("a"),)),
                    Image(src=f"https://x.org/i{odd}.png", alt=f"alt{odd}text"),
                )
            ),
            CodeBlock(code=f"print(1){odd}\nprint(2)\n", language="python"),
            table,
            Figure(image=Image(src="https://x.org/f.png", alt="f"), caption=(text("fig"),)),
            Recommendations(
                title=f"Also{odd}read",
                items=(Recommendation(title=f"Other{odd}story", url="https://x.org/o"),),
            ),
        ),
    )


@pytest.mark.parametrize("odd", [*_UNSAFE_CHARS, "\x1b[2J\x1b]0;pwned\x07", _UNSAFE_CHARS])
def test_markdown_of_a_hand_built_document_holds_no_control_character(odd: str) -> None:
    # The parsers never put one in a Document, but a Document built by hand holds what it
    # is given: ESC would start a terminal's escape sequence, a surrogate fails to encode.
    for front_matter in (False, True):
        markdown = to_markdown(_hand_built_with(odd), front_matter=front_matter)
        assert not _UNSAFE_OUTPUT.search(markdown), repr(markdown)
        markdown.encode("utf-8")
        for word in ("Title", "para", "heading", "cell", "caption", "fig", "Also", "Other"):
            assert word in markdown


def test_controls_in_markdown_follow_the_parsers_policy() -> None:
    para = Paragraph(content=(Text(text="a\x1bb c\x0bd e\x00f"),))
    assert inlines_to_markdown(para.content) == "ab c d e\ufffdf"
    # a control turned into a space before the line-start escapes still cannot start a block
    assert inlines_to_markdown((Text(text="\x0b# not a heading"),)) == "\\# not a heading"
    link = Link(url="https://x.org/a\x85b\x1b", content=(Text(text="l"),))
    assert inlines_to_markdown((link,)) == "[l](https://x.org/a%C2%85b%1B)"
    code = CodeBlock(code="clear\x1b[2J\tdone\n", language=None)
    assert blocks_to_markdown((code,)) == "```\nclear[2J\tdone\n```\n"


RLO, PDF, RLE, LRI, PDI = "\u202e", "\u202c", "\u202b", "\u2066", "\u2069"
_OPENERS = {"\u202a", "\u202b", "\u202d", "\u202e"}


def _spans_open_at_markup(markdown: str) -> list[str]:
    """Return, for each Markdown character outside page text ("](", "*", "|", a line end)
    at which a directional span is still open, the character (a test helper)."""
    found: list[str] = []
    depth = 0
    for index, char in enumerate(markdown):
        if char in _OPENERS or char in ("\u2066", "\u2067", "\u2068"):
            depth += 1
        elif char in (PDF, PDI):
            depth -= 1
        elif depth and (markdown.startswith("](", index) or char in "*|\n"):
            found.append(char)
    return found


def test_a_directional_span_is_closed_before_the_markdown_around_it() -> None:
    # An override left open turns what follows it on the line around, in an editor or a
    # terminal showing the Markdown and in the rendered paragraph alike: the link's
    # target, emphasis markers, a table's bars. Each run of text closes its own spans.
    link = Link(url="https://x.org/a", content=(Text(text=f"see {RLO}txt.exe"),))
    strong = Strong(content=(Text(text=f"{RLE}bold"),))
    cell = TableCell(content=(Text(text=f"{LRI}cell"),))
    table = Table(rows=(TableRow(cells=(cell, cell)),) * 2, header_rows=1)
    doc = Document(
        title=f"Title {RLO}here",
        blocks=(
            Paragraph(content=(link, Text(text=" and "), strong, Text(text=" end"))),
            table,
            Paragraph(content=(Text(text=f"stray {PDF}pop, {PDI}isolate pop"),)),
        ),
    )
    markdown = to_markdown(doc)
    assert _spans_open_at_markup(markdown) == []
    assert f"[see {RLO}txt.exe{PDF}](https://x.org/a)" in markdown
    assert f"**{RLE}bold{PDF}**" in markdown
    assert "stray pop, isolate pop" in markdown
    assert markdown.startswith(f"# Title {RLO}here{PDF}\n")


def test_a_balanced_directional_span_is_kept_as_the_page_wrote_it() -> None:
    # Arabic and Hebrew pages use them: a span opened and closed in one run is untouched.
    text = f"a {RLE}b {LRI}c{PDI} d{PDF} e"
    assert inlines_to_markdown((Text(text=text),)) == text
    code = CodeBlock(code=f"x = '{RLO}abc'\ny = 1\n", language=None)
    assert blocks_to_markdown((code,)) == f"```\nx = '{RLO}abc'{PDF}\ny = 1\n```\n"


def test_directional_characters_in_urls_and_front_matter_are_escaped() -> None:
    # A URL parser percent-encodes them too; YAML's escape reads back the same value.
    link = Link(url=f"https://x.org/{RLO}gpj.exe\u200f", content=(Text(text="l"),))
    assert inlines_to_markdown((link,)) == "[l](https://x.org/%E2%80%AEgpj.exe%E2%80%8F)"
    assert yaml_string(f"a{RLO}b{LRI}c") == '"a\\u202eb\\u2066c"'
    doc = Document(title=f"T{RLO}x", metadata=Metadata(description=f"d{PDI}"))
    assert to_markdown(doc, front_matter=True).startswith(
        '---\ntitle: "T\\u202ex"\ndescription: "d\\u2069"\n---\n'
    )


def test_a_rowspan_keeps_the_cells_below_under_their_own_headers() -> None:
    # GFM has no rowspan: the spanned places are empty cells, so "2" stays under "B" and the
    # last row, below a cell that spans two columns and two rows, starts in column C
    def cell(text: str, **spans: int) -> TableCell:
        return TableCell(content=(Text(text=text),), **spans)

    table = Table(
        rows=(
            TableRow(cells=(cell("A"), cell("B"), cell("C"))),
            TableRow(cells=(cell("x", rowspan=2), cell("1"), cell("y"))),
            TableRow(cells=(cell("2"), cell("z"))),
            TableRow(cells=(cell("wide", colspan=2, rowspan=2), cell("w"))),
            TableRow(cells=(cell("v"),)),
        ),
        header_rows=1,
    )
    assert blocks_to_markdown((table,)).splitlines()[2:] == [
        "| x | 1 | y |",
        "|  | 2 | z |",
        "| wide |  | w |",
        "|  |  | v |",
    ]


def test_a_rowspan_past_the_last_row_adds_no_row() -> None:
    table = Table(
        rows=(
            TableRow(cells=(TableCell(content=(Text(text="a"),), rowspan=10**9),)),
            TableRow(cells=(TableCell(content=(Text(text="b"),)),)),
        ),
    )
    assert blocks_to_markdown((table,)) == "|  |  |\n| --- | --- |\n| a |  |\n|  | b |\n"


def test_a_huge_colspan_is_written_as_wide_as_html_allows() -> None:
    # a hand-built or JSON Document may say colspan=10**9: GFM has no colspan, so the cell
    # is followed by empty cells, and a billion of them never finished (a million here)
    wide = TableCell(content=(Text(text="wide"),), colspan=10**6)
    table = Table(rows=(TableRow(cells=(wide, TableCell(content=(Text(text="next"),)))),))
    markdown = blocks_to_markdown((table,))
    rows = markdown.splitlines()
    assert rows[2].startswith("| wide |") and rows[2].endswith("| next |")
    assert rows[2].count("|") == 1000 + 2  # 1000 cells for the span, then "next"


# --------------------------------------------------------------------------- check boxes


def test_a_check_box_opening_a_line_is_left_unescaped() -> None:
    # "[ ] Tent" opening a list item's paragraph is a GFM task list item's box; in
    # CommonMark it reads as the same text (no link: the output defines no "[x]")
    items = [
        ListItem(blocks=(Paragraph(content=(Text(text=label),)),))
        for label in ("[ ] Tent", "[x] Stove", "[X] Sleeping bag")
    ]
    out = blocks_to_markdown([List(ordered=False, items=tuple(items))])
    assert out == "- [ ] Tent\n- [x] Stove\n- [X] Sleeping bag\n"
    html_out = MD.render(out)
    assert "<a" not in html_out and "<li>[ ] Tent</li>" in html_out
    assert "<li>[x] Stove</li>" in html_out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[x]: https://example.org", "\\[x\\]: https://example.org"),  # a definition's shape
        ("[x](https://example.org)", "\\[x\\](https://example.org)"),  # a link's
        ("[y] not a box", "\\[y\\] not a box"),
        ("see [x] inside", "see \\[x\\] inside"),
    ],
)
def test_brackets_that_are_no_check_box_stay_escaped(text: str, expected: str) -> None:
    assert blocks_to_markdown([Paragraph(content=(Text(text=text),))]) == expected + "\n"
