"""Fixture cases for the plain-text parser: tests/fixtures/text/*.txt, markdown-it style.

Each case in a fixture file is a title line, then ``.``, the input text, ``.``, the
expected outline (see :func:`describe`), ``.``. The test id is the file and the line
of the case title, so a failure points at the fixture to read.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

import articlekit
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
    Paragraph,
    Quote,
    Recommendations,
    Rule,
    Strong,
    Text,
)
from articlekit.text import parse_text
from articlekit.text.rules import BLOCK_RULES, join_lines, list_marker

FIXTURES = Path(__file__).parent / "fixtures" / "text"

# --------------------------------------------------------------------------- outline
# describe(doc): one line per block, nested blocks indented by two spaces ("h2: ...",
# "p: ...", "ul:" then "  - item", "rec Also Read:" then "  - title <url>"), after the
# metadata the text parser fills ("title: ...", "kicker: ..."). Inline markup is shown
# Markdown-like without escaping.


def inline_outline(inlines: Iterable[Inline]) -> str:
    """Return inlines as short Markdown-like text (no escaping: for tests only)."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Emphasis):
            out.append(f"*{inline_outline(node.content)}*")
        elif isinstance(node, Strong):
            out.append(f"**{inline_outline(node.content)}**")
        elif isinstance(node, Code):
            out.append(f"`{node.code}`")
        elif isinstance(node, Link):
            out.append(f"[{inline_outline(node.content)}]({node.url})")
        elif isinstance(node, Image):
            out.append(f"![{node.alt}]({node.src})")
        elif isinstance(node, LineBreak):
            out.append("\\n")
    return "".join(out)


def _blocks(blocks: Iterable[Block], depth: int, out: list[str]) -> None:
    pad = "  " * depth
    for block in blocks:
        if isinstance(block, Heading):
            out.append(f"{pad}h{block.level}: {inline_outline(block.content)}")
        elif isinstance(block, Paragraph):
            out.append(f"{pad}p: {inline_outline(block.content)}")
        elif isinstance(block, List):
            head = f"ol {block.start}:" if block.ordered else "ul:"
            out.append(pad + head)
            for item in block.items:
                first, *rest = item.blocks or (Paragraph(content=()),)
                if isinstance(first, Paragraph):
                    out.append(f"{pad}  - {inline_outline(first.content)}")
                else:
                    out.append(f"{pad}  -")
                    rest = [first, *rest]
                _blocks(rest, depth + 2, out)
        elif isinstance(block, Quote):
            out.append(pad + "quote:")
            _blocks(block.blocks, depth + 1, out)
        elif isinstance(block, CodeBlock):
            out.append(pad + (f"code {block.language}:" if block.language else "code:"))
            out.extend(f"{pad}  |{line}" for line in block.code.split("\n"))
        elif isinstance(block, Rule):
            out.append(pad + "rule")
        elif isinstance(block, Figure):
            out.append(f"{pad}figure: {block.image.src} {block.image.alt}".rstrip())
        elif isinstance(block, Recommendations):
            out.append(f"{pad}rec {block.title or ''}:")
            for rec in block.items:
                url = f" <{rec.url}>" if rec.url else ""
                out.append(f"{pad}  - {rec.title}{url}")
        else:  # pragma: no cover - tables are not produced by the text parser
            out.append(f"{pad}{type(block).__name__.lower()}")


def describe(doc: Document) -> str:
    """Return the outline of ``doc``: metadata lines, then one line per block."""
    out: list[str] = []
    if doc.title:
        out.append(f"title: {doc.title}")
    meta = doc.metadata
    if meta.kicker:
        out.append(f"kicker: {meta.kicker}")
    if meta.authors:
        out.append("authors: " + "; ".join(meta.authors))
    if meta.published:
        out.append(f"published: {meta.published}")
    if meta.modified:
        out.append(f"modified: {meta.modified}")
    if meta.tags:
        out.append("tags: " + "; ".join(meta.tags))
    _blocks(doc.blocks, 0, out)
    return "\n".join(out)


# --------------------------------------------------------------------------- fixtures


def _cases() -> list[pytest.param]:  # type: ignore[valid-type]
    cases = []
    for path in sorted(FIXTURES.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        i = 0
        while i < len(lines):
            if not lines[i].strip():
                i += 1
                continue
            title_line = i
            title = lines[i]
            if lines[i + 1] != ".":
                raise ValueError(f"{path.name}:{i + 1}: expected '.' after the case title")
            parts: list[list[str]] = [[], []]
            j = i + 2
            for part in parts:
                while lines[j] != ".":
                    part.append(lines[j])
                    j += 1
                j += 1
            cases.append(
                pytest.param(
                    "\n".join(parts[0]) + "\n",
                    "\n".join(parts[1]),
                    id=f"{path.stem}:{title_line + 1}:{title[:40]}",
                )
            )
            i = j
    return cases


@pytest.mark.parametrize(("text", "expected"), _cases())
def test_fixture(text: str, expected: str) -> None:
    assert describe(parse_text(text)) == expected


def test_fixture_files_exist() -> None:
    assert len(_cases()) >= 40


def test_rule_chain_is_named_and_ends_with_paragraph() -> None:
    names = [name for name, _ in BLOCK_RULES]
    assert names[-1] == "paragraph"
    assert len(set(names)) == len(names)
    assert names.index("recommendations") < names.index("list")


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (["proof-of-", "concept code"], "proof-of-concept code"),
        (["a dash -", "then more"], "a dash - then more"),
        (["ends with 2010-", "2012 range"], "ends with 2010- 2012 range"),
        (["one", "two"], "one two"),
        (["新竹尖石鄉", "後山一帶"], "新竹尖石鄉後山一帶"),
    ],
)
def test_join_lines(parts: list[str], joined: str) -> None:
    assert join_lines(parts) == joined


@pytest.mark.parametrize(
    ("line", "ordered", "number"),
    [
        ("• item", False, 0),
        ("· item", False, 0),
        ("▪ item", False, 0),
        ("◦ item", False, 0),
        ("‣ item", False, 0),
        ("- item", False, 0),
        ("* item", False, 0),
        ("+ item", False, 0),
        ("– item", False, 0),
        ("1. item", True, 1),
        ("12) item", True, 12),
        ("(a) item", True, 1),
        ("b) item", True, 2),
        ("iv. item", True, 4),
        ("(ii) item", True, 2),
    ],
)
def test_list_marker(line: str, ordered: bool, number: int) -> None:
    marker = list_marker(line)
    assert marker is not None
    assert (marker.ordered, marker.number) == (ordered, number)


@pytest.mark.parametrize("line", ["-5 degrees", "*emphasis*", "e.g. this", "2024 was", "•", ""])
def test_not_a_list_marker(line: str) -> None:
    assert list_marker(line) is None


def test_markdown_rule_under_a_hard_break_is_a_table_not_a_setext_heading() -> None:
    # html2text writes a one-column table as rows ending in a hard break, "---" under the
    # header row, and every heading in "#": the line over that "---" is no heading, in a
    # quote too
    table = "Most active developers  \n---  \nHerbert Dürr | 63  \nKay Schenk | 27\n"
    text = "# Title\n\nSome prose [link](https://a.example/) here.\n\n" + table
    text += "\n> " + table.replace("\n", "\n> ").rstrip("> ") + "\n"
    outline = describe(parse_text(text))
    assert "h2: Most active developers" not in outline
    # since pipe tables (text/tables.py) it is read as the Table it is, in the quote too
    assert "\ntable\nquote:\n  table" in outline
    # an underline under a line without the hard break is a setext heading
    setext = describe(parse_text(text.replace("developers  \n---", "developers\n---")))
    assert "h2: Most active developers" in setext


def test_a_markdown_link_block_ends_at_a_chunk_without_links() -> None:
    # a "More Like This" box in the middle of a Markdown article: its items are links, and
    # the article's next step, a line without one, is no recommended title
    prose = "Measure the pot and cut the foam an inch smaller, then soak it in water for an hour."
    text = (
        f"# Terrarium\n\n{prose}\n\n## More Like This\n\n"
        "- [How to Convert an Aquarium](https://x.example/a)\n"
        "- [Plant Terrarium Ideas](https://x.example/b)\n\n"
        f"Step 2\n\nInsert your plant into the hole and press the foam around it.\n\n{prose}\n"
    )
    doc = parse_text(text)
    (block,) = [b for b in doc.blocks if isinstance(b, Recommendations)]
    assert [item.title for item in block.items] == [
        "How to Convert an Aquarium",
        "Plant Terrarium Ideas",
    ]
    assert "Insert your plant" in articlekit.to_text(doc)
