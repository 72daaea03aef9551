"""Raw HTML blocks in Markdown: a ``<table>``, a list or a figure a converter kept whole.

Converters write as HTML what Markdown cannot say: pandoc's GFM keeps a table whose cells
hold paragraphs or lists, a list whose items hold blocks and a captioned figure as raw
HTML, and CommonMark calls such a run of lines an *HTML block*. Read line by line, its
rows and items became paragraphs. Here each such block is found (:func:`html_block_spans`)
and read by the HTML parser's own block builder (:func:`build_html_blocks`), so a table
stays a table and a list a list, where the block stood.

What counts as a block follows CommonMark's start and end conditions, narrowed to what a
converter writes:

* a line that opens one of :data:`STRUCTURE_TAGS` (at most 3 columns in, outside code)
  starts a block that runs to the first blank line (CommonMark's kind 6), and is taken
  only when the element it opens is closed before that blank line: a ``<ul>`` that merely
  opens a line of prose, or a container whose content is Markdown between blank lines,
  stays text, as before;
* a line that opens one of :data:`VERBATIM_TAGS` (``<pre>``, ``<script>``...) starts a
  block that runs to the line holding its end tag, blank lines included (kind 1); one
  whose end tag never comes stays text;
* a block longer than :data:`MAX_HTML_BLOCK_CHARS` stays text.

Everything runs in one pass over the lines; each line is read by at most one candidate
block, so a text of many blocks (or of many unclosed tags) costs time in proportion to
its size.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from articlekit.errors import ArticleKitError
from articlekit.model import (
    Block,
    CodeBlock,
    List,
    ListItem,
    Provenance,
    Quote,
    own_inlines,
    walk,
)
from articlekit.serialise.markdown import inlines_to_markdown
from articlekit.text.rawhtml import CODE_INDENT, INLINE_TAG, KNOWN_TAGS

__all__ = [
    "ELEMENT_CONTAINERS",
    "MAX_HTML_BLOCK_CHARS",
    "STRUCTURE_TAGS",
    "SWITCHING_TAGS",
    "VERBATIM_TAGS",
    "HtmlSpan",
    "build_html_blocks",
    "html_block_spans",
    "scoring_text",
    "shows_raw_html",
    "span_html",
    "with_lines",
]

#: Elements whose raw HTML block is read as HTML: what Markdown cannot express and a
#: converter therefore keeps whole (a table with blocks in its cells, a list whose items
#: hold paragraphs, a figure with its caption, a definition list, a quote with
#: attributes; a README's banner centred in ``<p align="center">`` and ``<h1 align>``).
#: A ``<div>`` or ``<section>`` is left out: converters write it as a container line with
#: Markdown between blank lines, which the text parser reads.
STRUCTURE_TAGS: Final = frozenset(
    ["table", "ul", "ol", "dl", "figure", "blockquote", "p", "h1", "h2", "h3", "h4", "h5", "h6"]
)
#: Of those, the elements whose content is other elements (rows, items, terms): a
#: text right after their start tag is no such block.
ELEMENT_CONTAINERS: Final = frozenset(["table", "ul", "ol", "dl"])
#: A block of one of these makes a Markdown text one that carries raw HTML, tag-only
#: lines or not: each holds elements that are no prose ("<p>" or "<h2>" opening a line
#: may be a text about HTML; a "<pre>" or "<script>" may be a page's listing shown as text).
SWITCHING_TAGS: Final = ELEMENT_CONTAINERS | frozenset(["figure"])
#: Elements whose raw HTML runs to their end tag, blank lines and all (CommonMark's kind
#: 1). A ``<pre>`` is a code block; ``<script>``, ``<style>`` and ``<textarea>`` give no
#: text at all.
VERBATIM_TAGS: Final = frozenset(["pre", "script", "style", "textarea"])
#: A block longer than this (characters) stays text: no converter writes a single table
#: of a megabyte, and the HTML parser's tree of one would hold many times that.
MAX_HTML_BLOCK_CHARS: Final = 2**20

# A start tag of one of the elements above (the name ends at a space, "/" or ">",
# or at the end of the line, as CommonMark asks).
_START: Final = re.compile(
    r"<(?P<name>" + "|".join(sorted(STRUCTURE_TAGS | VERBATIM_TAGS)) + r")(?=[\s/>]|$)",
    re.IGNORECASE,
)
_FENCE: Final = re.compile(r"(?:```|~~~)")


@attrs.frozen
class HtmlSpan:
    """One raw HTML block: its 0-based first and last line, and the element it opens."""

    first: int
    last: int
    name: str


def _tag_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"<(/?)" + name + r"(?=[\s/>]|$)", re.IGNORECASE)


_TAGS: Final = {name: _tag_pattern(name) for name in STRUCTURE_TAGS | VERBATIM_TAGS}


def _structure_end(
    texts: Sequence[str], first: int, name: str, run_on: bool = True
) -> tuple[int, int, int]:
    """Return where the kind-6 block opened at ``first`` ends, and the line its element
    closes on (-1 when it does not close before the block ends).

    An element still open at a blank line runs on over the next run of lines when that
    run opens with a tag (:func:`_continues_html`): CommonMark makes each run an HTML
    block of its own, and the page a reader sees joins them into one element again
    (pandoc's GFM sets a blank line between a quoted table's rows). It does so up to the
    line the element closes on; one that never closes ends at its first blank line, as
    before, and stays text. The third value is the last line looked at: an element
    opened before it and not closed by then is not run on again (``run_on`` False), so
    no line is read twice for one name.
    """
    pattern = _TAGS[name]
    depth = 0
    closed = -1
    i = first
    n = len(texts)
    first_end = -1
    while i < n:
        if not texts[i]:
            if first_end < 0:
                first_end = i - 1
            if closed >= 0 or not run_on:
                break
            nxt = i
            while nxt < n and not texts[nxt]:
                nxt += 1
            if nxt >= n or not _continues_html(texts[nxt]):
                break
            i = nxt
        if closed < 0:
            line = texts[i]
            if "<" in line:
                for match in pattern.finditer(line):
                    depth += -1 if match.group(1) else 1
                    if depth <= 0:
                        closed = i
                        break
        i += 1
    if closed < 0:
        return (i - 1 if first_end < 0 else first_end), -1, i - 1
    if first_end >= 0:
        # the block ran on past a blank line: it ends on the line its element closes on
        # and the rest of that run (CommonMark's block runs to the next blank line)
        while i < n and texts[i]:
            i += 1
    return i - 1, closed, i - 1


def _continues_html(line: str) -> bool:
    """Say whether ``line`` (after a blank line, inside an element still open) opens a run
    of raw HTML: it starts with a start or end tag of an HTML element."""
    if line[:1] != "<":
        return False
    tag = INLINE_TAG.match(line)
    return tag is not None and tag.group("name").lower() in KNOWN_TAGS


def _verbatim_end(texts: Sequence[str], first: int, name: str, start: int) -> int:
    """Return the line holding the end tag of the kind-1 block opened at ``first``
    (the open tag ends at column ``start``), or -1 when there is none."""
    close = "</" + name
    i = first
    column = start
    n = len(texts)
    while i < n:
        if close in texts[i].lower()[column:]:
            return i
        i += 1
        column = 0
    return -1


def _opens_container(line: str, name: str) -> bool:
    """Say whether ``line`` opens a ``name`` element whose content is elements: a table
    or a list tag is followed by another tag or by the end of the line ("<ul> is the tag
    for lists" is prose about HTML, whose words a list would not show)."""
    if name not in ELEMENT_CONTAINERS:
        return True
    tag = INLINE_TAG.match(line)
    if tag is None:
        return False
    rest = line[tag.end() :].lstrip()
    if not rest:
        return True
    inner = INLINE_TAG.match(rest)  # "<% for ..." (a template) is no tag
    return inner is not None and inner.group("name").lower() in KNOWN_TAGS


def shows_raw_html(spans: Iterable[HtmlSpan]) -> bool:
    """Say whether a Markdown text's blocks include a table, a list or a figure written in
    HTML (:data:`SWITCHING_TAGS`): the text carries raw HTML although no line of it is
    nothing but tags (a scraper for language models writes a table as one line of HTML).
    """
    return any(span.name in SWITCHING_TAGS for span in spans)


def html_block_spans(texts: Sequence[str], indents: Sequence[int]) -> list[HtmlSpan]:
    """Return the raw HTML blocks of a Markdown text, in order (see the module's doc).

    ``texts`` are the lines stripped (a blank line is ""), ``indents`` their indents.
    """
    spans: list[HtmlSpan] = []
    fenced = False
    missing: set[str] = set()  # verbatim elements whose end tag is nowhere further on
    # the last line an unclosed structure element's run over blank lines looked at, by name
    unclosed: dict[str, int] = {}
    n = len(texts)
    i = 0
    while i < n:
        line = texts[i]
        if _FENCE.match(line):
            fenced = not fenced
            i += 1
            continue
        match = _START.match(line) if line[:1] == "<" and not fenced else None
        if match is None or indents[i] >= CODE_INDENT:
            i += 1
            continue
        name = match.group("name").lower()
        if name in VERBATIM_TAGS:
            last = -1 if name in missing else _verbatim_end(texts, i, name, match.end())
            if last < 0:
                missing.add(name)
                i += 1
                continue
        elif not _opens_container(line, name):
            i += 1
            continue
        else:
            last, closed, seen = _structure_end(texts, i, name, i > unclosed.get(name, -1))
            if closed < 0:
                unclosed[name] = max(seen, unclosed.get(name, -1))
                i = last + 1  # CommonMark's block all the same: none starts inside it
                continue
        if sum(len(t) + 1 for t in texts[i : last + 1]) <= MAX_HTML_BLOCK_CHARS:
            spans.append(HtmlSpan(first=i, last=last, name=name))
        i = last + 1
    return spans


def span_html(span: HtmlSpan, texts: Sequence[str], indents: Sequence[int]) -> str:
    """Return the HTML of ``span`` as written (indents kept, for a ``<pre>``'s lines)."""
    return "\n".join(
        " " * indents[i] + texts[i] if indents[i] else texts[i]
        for i in range(span.first, span.last + 1)
    )


def build_html_blocks(html: str, *, url: str | None = None) -> list[Block] | None:
    """Return the blocks the HTML parser's block builder makes of an HTML fragment.

    The fragment is labelled as a page is (``script``, ``style`` and hidden elements give
    no text, link clusters are told from prose) but without the class-name heuristics a
    whole page needs: the converter already chose this content. Returns None when the
    HTML cannot be read (the caller then keeps it as text).
    """
    # imported here: the HTML parser is only needed by texts that hold such blocks
    from articlekit.html.blocks import BlockBuilder
    from articlekit.html.clean import label_page
    from articlekit.html.tree import parse_tree

    try:
        root = parse_tree(f"<html><body>{html}</body></html>")
    except ArticleKitError:
        return None
    body = root.find("body")
    if body is None:
        return None
    labels = label_page(root, relaxed=True)
    builder = BlockBuilder(labels, base=None, page_url=url, recs={}, tree=root.getroottree())
    return builder.build([body])


def scoring_text(block: Block) -> str:
    """Return the text of ``block`` as Markdown, one line per run of inlines (a paragraph,
    a cell, an item's paragraph): what the page filter measures (words, sentences, the
    share of link text) for every piece."""
    parts: list[str] = []
    for inner in walk([block]):
        if isinstance(inner, CodeBlock):
            parts.append(inner.code)
            continue
        for run in own_inlines(inner):
            text = inlines_to_markdown(run)
            if text:
                parts.append(text)
    return "\n".join(parts)


def with_lines(blocks: Iterable[Block], first: int, last: int) -> list[Block]:
    """Return ``blocks`` with the provenance of the lines they came from (0-based), nested
    blocks included (the builder's paths point into a fragment no reader has)."""
    provenance = Provenance(lines=(first + 1, last + 1))
    return [_relined(block, provenance) for block in blocks]


def _relined(block: Block, provenance: Provenance) -> Block:
    # (the builder nests at most MAX_NESTING deep: recursion is bounded)
    if isinstance(block, List):
        items = tuple(
            ListItem(blocks=tuple(_relined(b, provenance) for b in item.blocks))
            for item in block.items
        )
        return attrs.evolve(block, items=items, provenance=provenance)
    if isinstance(block, Quote):
        inner = tuple(_relined(b, provenance) for b in block.blocks)
        return attrs.evolve(block, blocks=inner, provenance=provenance)
    return attrs.evolve(block, provenance=provenance)
