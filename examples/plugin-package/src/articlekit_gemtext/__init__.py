"""articlekit parser plugin for gemtext (Gemini documents, ``text/gemini``, ``.gmi``).

Registered through the entry-point group ``articlekit.parsers`` (see pyproject.toml). The
class follows articlekit's parser protocol: ``name``, ``formats``, ``sniff`` and ``parse``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from articlekit import (
    CodeBlock,
    Document,
    Heading,
    Inline,
    Link,
    List,
    ListItem,
    Paragraph,
    Provenance,
    Quote,
    SourceInfo,
    Text,
)
from articlekit.model import Block

__all__ = ["GemtextParser", "parse_gemtext"]
__version__ = "0.1.0"

_LINK = re.compile(r"^=>[ \t]*(\S+)(?:[ \t]+(.*))?$")
_HEADING = re.compile(r"^(#{1,3})[ \t]*(.*)$")
_HTML_TAG = re.compile(r"<(?:html|head|body|div|p|a|br|span)\b[^>]*>", re.IGNORECASE)

#: Share of non-blank lines that must be gemtext link lines (``=> url``) before sniff is
#: sure; one in ten is common in Gemini capsules, rare anywhere else.
LINK_LINE_SHARE = 0.1


def _provenance(first: int, last: int) -> Provenance:
    return Provenance(lines=(first, last))


def _paragraph(text: str, line: int) -> Paragraph:
    return Paragraph(content=(Text(text=text),), provenance=_provenance(line, line))


def _link_inline(url: str, label: str | None) -> Link:
    return Link(url=url, content=(Text(text=label or url),))


def _blocks(lines: list[str]) -> Iterator[Block]:
    """Yield the blocks of a gemtext document, one rule per line type."""
    i = 0
    while i < len(lines):
        line = lines[i]
        start = i + 1
        if line.startswith("```"):
            language = line[3:].strip() or None
            body: list[str] = []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            i += 1  # the closing fence (or the end of the document)
            yield CodeBlock(
                code="\n".join(body),
                language=language,
                provenance=_provenance(start, min(i, len(lines))),
            )
            continue
        if line.startswith("* ") or line.startswith("=>"):
            kind = line[:2]
            items: list[ListItem] = []
            while i < len(lines) and lines[i].startswith(kind):
                items.append(ListItem(blocks=(_item_paragraph(lines[i], i + 1),)))
                i += 1
            yield List(items=items, provenance=_provenance(start, i))
            continue
        heading = _HEADING.match(line)
        if heading and heading.group(2).strip():
            content: tuple[Inline, ...] = (Text(text=heading.group(2).strip()),)
            yield Heading(
                level=len(heading.group(1)), content=content, provenance=_provenance(start, start)
            )
        elif line.startswith(">"):
            yield Quote(
                blocks=(_paragraph(line[1:].strip(), start),), provenance=_provenance(start, start)
            )
        elif line.strip():
            yield _paragraph(line.strip(), start)
        i += 1


def _item_paragraph(line: str, number: int) -> Paragraph:
    if line.startswith("=>"):
        match = _LINK.match(line)
        if match:
            link = _link_inline(match.group(1), (match.group(2) or "").strip() or None)
            return Paragraph(content=(link,), provenance=_provenance(number, number))
        return _paragraph(line[2:].strip() or "=>", number)
    return _paragraph(line[2:].strip(), number)


def parse_gemtext(text: str, *, url: str | None = None) -> Document:
    """Return the Document of a gemtext page; the first level-1 heading is its title."""
    blocks = list(_blocks(text.splitlines()))
    title = None
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and block.level == 1:
            title = "".join(t.text for t in block.content if isinstance(t, Text))
            del blocks[index]
            break
    return Document(
        title=title,
        blocks=blocks,
        source=SourceInfo(url=url, format="gemtext", parser="gemtext"),
    )


class GemtextParser:
    """The gemtext parser, as articlekit's registry expects it."""

    name = "gemtext"
    formats = ("gemtext", "gmi")

    def sniff(self, sample: str, *, url: str | None) -> float:
        """Return 0.95 for gemini:// or .gmi URLs, else a score from the link lines."""
        if url and (url.startswith("gemini://") or url.lower().endswith(".gmi")):
            return 0.95
        if _HTML_TAG.search(sample):
            return 0.0
        lines = [line for line in sample.splitlines() if line.strip()]
        if not lines:
            return 0.0
        links = sum(1 for line in lines if _LINK.match(line))
        if links == 0:
            return 0.0
        share = links / len(lines)
        return 0.9 if share >= LINK_LINE_SHARE else 0.3

    def parse(self, text: str, *, url: str | None) -> Document:
        """Return the Document of a gemtext page."""
        return parse_gemtext(text, url=url)
