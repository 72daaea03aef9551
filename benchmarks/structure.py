"""Article structure as comparable lists, and how well one structure matches another.

A :class:`Structure` is what a reader sees of an article's shape: its headings (with level),
list items, paragraphs, tables, figures and body text. It is built from HTML (Readability's
``expected.html`` of the readability-pages corpus, or another tool's HTML output) with
:func:`structure_from_html`, or from an articlekit ``Document`` with
:func:`structure_from_document`; :func:`score_structure` compares a prediction with the truth.

Used by ``benchmarks/html_structure.py`` and by the plain-text parser's benchmark: keep the
API stable. Depends only on lxml and articlekit (no benchmark-only package), so tests can
import it from the project's ordinary virtualenv.

What is compared, exactly:

- **Text** of every item has its whitespace collapsed (runs of whitespace, ``\\xa0`` and line
  breaks included, become one space; ends stripped). Image ``alt`` text is not text here (the
  HTML side sees only text nodes); a ``q`` element's text is set in quote marks, as
  browsers draw it. Case and punctuation are kept: a match is exact, except that
  typographic and straight double quote marks (``“ ” „`` and ``"``) compare as one in list
  items and paragraphs.
- **Headings**: ``(level, text)`` of ``h1``-``h6`` / ``Heading`` blocks; also compared with
  all predicted levels shifted alike by the amount that matches most, and by text only. A
  heading whose text equals the truth's title (case-insensitively) is left out on both
  sides, since Readability drops the title heading from its output and the title is scored
  as metadata.
- **List items**: one per ``li`` / ``ListItem``, nested items separately; an item's text is its
  own, without the text of lists nested in it.
- **Paragraphs**: ``p`` elements / ``Paragraph`` blocks, except those inside a list item
  (counted with the item) or a cell of a table with two or more columns (a cell outside
  any table, or of a one-column table, is a layout wrapper whose paragraphs a reader sees
  as the page's flow); paragraphs inside block quotes count. A ``p``
  nested in another ``p`` (the DOM allows it) is its own paragraph, not part of the outer.
- **Tables**: ``table`` elements that contain no other table (layout wrappers are not counted)
  / ``Table`` blocks. **Figures**: ``img`` elements / ``Figure`` blocks plus ``Image`` inlines.
- **First paragraph**: the text of the first ``p`` / ``Paragraph`` in document order, wherever
  it stands (a list item or a cell too), as Readability picks its excerpt when a page has no
  description; not scored here, ``html_structure.py`` uses it for the excerpt.
- **Body text**: all the text, tokenised into case-folded ``\\w+`` words for the token F1.

F1 of headings, list items and paragraphs is over multisets (a repeated paragraph must be
found as many times as it occurs). When both sides have none, F1 is 1.0.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import lxml.etree
import lxml.html

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
    Paragraph,
    Quote,
    Recommendations,
    Strong,
    Table,
    Text,
)

__all__ = [
    "Match",
    "Structure",
    "collapse_ws",
    "count_match",
    "f1",
    "multiset_match",
    "score_structure",
    "structure_counts",
    "structure_from_document",
    "structure_from_html",
    "structure_from_tree",
    "tokens",
]

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def collapse_ws(text: str) -> str:
    """Return ``text`` with each whitespace run made one space, ends stripped."""
    return _WS.sub(" ", text).strip()


def tokens(text: str) -> list[str]:
    """Return the case-folded ``\\w+`` words of ``text``, in order."""
    return _WORD.findall(text.casefold())


@dataclass
class Structure:
    """The comparable shape of an article (see the module docstring for what each holds)."""

    title: str | None = None
    headings: list[tuple[int, str]] = field(default_factory=list)
    list_items: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    tables: int = 0
    figures: int = 0
    first_paragraph: str = ""
    body_text: str = ""


# --------------------------------------------------------------------------- from HTML

_HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}
_DROP_TAGS = ("script", "style", "noscript", "template", "head")
_LIST_TAGS = frozenset({"ul", "ol"})
_CELL_TAGS = frozenset({"td", "th"})
_P_TAG = frozenset({"p"})
# Elements that start a new line in rendered text, so their words never run together.
_BLOCKISH = frozenset(
    (
        *("address", "article", "aside", "blockquote", "br", "dd", "details", "dialog"),
        *("div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol"),
        *("p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul"),
    )
)


def _tag(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _text_of(el: Any, *, skip: frozenset[str] = frozenset()) -> str:
    """Return the collapsed text of ``el``; subtrees with a tag in ``skip`` are left out.

    Block-level elements and ``br`` separate words, as a browser renders them, and a
    ``q`` is set in quote marks, as the HTML standard's rendering rules draw it (every
    text renderer and articlekit write them too; without them the truth lacked characters
    every reader sees).
    """
    parts: list[str] = []
    if el.text and isinstance(el.tag, str):
        parts.append(el.text)
    # iterative walk: (element, its children) frames; a closed element adds its tail
    stack: list[tuple[Any, Iterator[Any]]] = [(el, iter(el))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if node is not el:
                if _tag(node) in _BLOCKISH:
                    parts.append(" ")
                elif _tag(node) == "q":
                    parts.append('"')
                if node.tail:
                    parts.append(node.tail)
            continue
        tag = _tag(child)
        if tag in _BLOCKISH or tag in skip:
            parts.append(" ")
        if tag in skip or not isinstance(child.tag, str):
            # a skipped subtree or a comment / processing instruction: only the tail counts
            if child.tail:
                parts.append(child.tail)
            continue
        if tag == "q":
            parts.append('"')  # a browser draws quote marks around a <q> (see above)
        if child.text:
            parts.append(child.text)
        stack.append((child, iter(child)))
    return collapse_ws("".join(parts))


def _has_ancestor(el: Any, tags: frozenset[str]) -> bool:
    parent = el.getparent()
    while parent is not None:
        if _tag(parent) in tags:
            return True
        parent = parent.getparent()
    return False


def _in_table_cell(el: Any) -> bool:
    """Return True when ``el`` is inside a cell of a table with two or more columns.

    A cell with no table around it, or a one-column table, is a layout wrapper: browsers
    and text renderers show its paragraphs as the page's flow, so they count as paragraphs.
    """
    cell = next((a for a in el.iterancestors() if _tag(a) in _CELL_TAGS), None)
    if cell is None:
        return False
    table = next((a for a in cell.iterancestors() if _tag(a) == "table"), None)
    if table is None:
        return False
    return any(
        sum(1 for c in row if _tag(c) in _CELL_TAGS) > 1
        for row in table.iter()
        if _tag(row) == "tr"
    )


def structure_from_html(html: str, *, title: str | None = None) -> Structure:
    """Return the :class:`Structure` of an article given as HTML (a page or a fragment).

    ``title`` is the article title known from elsewhere (``expected-metadata.json``): HTML
    content rarely carries it reliably, and it decides which heading is the title heading.
    """
    if not html.strip():
        return Structure(title=title)
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return Structure(title=title)
    return structure_from_tree(root, title=title)


def structure_from_tree(root: Any, *, title: str | None = None) -> Structure:
    """Return the :class:`Structure` of an lxml tree that uses HTML tag names.

    For a tool whose output is not HTML (trafilatura's XML), rename its elements to their
    HTML equivalents and call this, rather than serialising and re-parsing the tree.
    Scripts, styles, templates, the head and comments are dropped first (the tree changes).
    """
    lxml.etree.strip_elements(root, *_DROP_TAGS, lxml.etree.Comment, with_tail=False)
    found = Structure(title=title)
    for el in root.iter():
        tag = _tag(el)
        if tag in _HEADING_LEVELS:
            text = _text_of(el)
            if text:
                found.headings.append((_HEADING_LEVELS[tag], text))
        elif tag == "li":
            text = _text_of(el, skip=_LIST_TAGS)
            if text:
                found.list_items.append(text)
        elif tag == "p":
            if not found.first_paragraph:
                found.first_paragraph = _text_of(el, skip=_P_TAG)
            if _has_ancestor(el, frozenset({"li"})) or _in_table_cell(el):
                continue
            # browsers keep a <p> nested in another (inside a span, say); each counts once
            text = _text_of(el, skip=_P_TAG)
            if text:
                found.paragraphs.append(text)
        elif tag == "table":
            if not any(_tag(d) == "table" for d in el.iterdescendants()):
                found.tables += 1
        elif tag == "img":
            found.figures += 1
    body = root.find("body")
    found.body_text = _text_of(body if body is not None else root)
    return found


# --------------------------------------------------------------------------- from a Document


def _inline_text(inlines: Iterable[Inline]) -> str:
    """Return the collapsed text of inlines: text and code; line breaks as spaces; no alt."""
    out: list[str] = []
    stack: list[Iterator[Inline]] = [iter(inlines)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Code):
            out.append(node.code)
        elif isinstance(node, LineBreak):
            out.append(" ")
        elif isinstance(node, (Emphasis, Strong, Link)):
            stack.append(iter(node.content))
    return collapse_ws("".join(out))


def _count_images(inlines: Iterable[Inline]) -> int:
    count = 0
    stack: list[Iterator[Inline]] = [iter(inlines)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        if isinstance(node, Image):
            count += 1
        elif isinstance(node, (Emphasis, Strong, Link)):
            stack.append(iter(node.content))
    return count


def _block_inlines(block: Block) -> Iterator[tuple[Inline, ...]]:
    """Yield the inline runs that belong to ``block`` itself."""
    if isinstance(block, (Heading, Paragraph)):
        yield block.content
    elif isinstance(block, Table):
        yield block.caption
        for row in block.rows:
            for cell in row.cells:
                yield cell.content
    elif isinstance(block, Figure):
        yield block.caption


def _own_text(block: Block) -> str:
    """Return the collapsed text of ``block`` and everything nested in it."""
    if isinstance(block, CodeBlock):
        return collapse_ws(block.code)
    if isinstance(block, Quote):
        return collapse_ws(" ".join(_own_text(b) for b in block.blocks))
    if isinstance(block, List):
        return collapse_ws(" ".join(_item_text(item, nested=True) for item in block.items))
    return collapse_ws(" ".join(_inline_text(run) for run in _block_inlines(block)))


def _item_text(item: ListItem, *, nested: bool = False) -> str:
    """Return a list item's text; nested lists' text only when ``nested``."""
    parts = [_own_text(b) for b in item.blocks if nested or not isinstance(b, List)]
    return collapse_ws(" ".join(parts))


def structure_from_document(doc: Document) -> Structure:
    """Return the :class:`Structure` of an articlekit ``Document``'s body.

    Recommendation blocks are not body and are left out, like the title and metadata.
    """
    found = Structure(title=doc.title)
    texts: list[str] = []
    # (block, inside a list item?) pairs, depth-first in document order
    stack: list[Iterator[tuple[Block, bool]]] = [iter([(b, False) for b in doc.blocks])]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        block, in_item = entry
        if isinstance(block, Recommendations):
            continue
        for run in _block_inlines(block):
            found.figures += _count_images(run)
        if isinstance(block, Heading):
            text = _inline_text(block.content)
            if text:
                found.headings.append((block.level, text))
                texts.append(text)
        elif isinstance(block, Paragraph):
            text = _inline_text(block.content)
            if text:
                texts.append(text)
                found.first_paragraph = found.first_paragraph or text
                if not in_item:
                    found.paragraphs.append(text)
        elif isinstance(block, List):
            children: list[tuple[Block, bool]] = []
            for item in block.items:
                text = _item_text(item)
                if text:
                    found.list_items.append(text)
                children.extend((b, True) for b in item.blocks)
            stack.append(iter(children))
        elif isinstance(block, Quote):
            stack.append(iter([(b, in_item) for b in block.blocks]))
        elif isinstance(block, Table):
            found.tables += 1
            texts.append(_own_text(block))
        elif isinstance(block, Figure):
            found.figures += 1
            texts.append(_own_text(block))
        elif isinstance(block, CodeBlock):
            texts.append(_own_text(block))
    found.body_text = collapse_ws(" ".join(texts))
    return found


def excerpt_of(description: str | None, structure: Structure) -> str | None:
    """Return a tool's excerpt as Readability makes its own: the description, else the text
    of the article's first paragraph.

    Readability's ``excerpt`` is the page's meta description when it has one, else the first
    paragraph of the article it extracted (53 of the 128 pages with an excerpt have no such
    description). A description field is the page's declared summary and stays empty on the
    others (articlekit's ``metadata.description`` never holds body text), so the same rule
    is applied here to every tool's description and structure alike.
    """
    if description and description.strip():
        return description
    return structure.first_paragraph or None


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Match:
    """True positives, false positives and false negatives of one comparison."""

    tp: int
    fp: int
    fn: int

    def __add__(self, other: Match) -> Match:
        return Match(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def f1(self) -> float:
        """Return 2TP / (2TP + FP + FN); 1.0 when there was nothing to find and none found."""
        return f1(self.tp, self.fp, self.fn)


def f1(tp: int, fp: int, fn: int) -> float:
    """Return the F1 of the counts; 1.0 when all three are 0 (both sides empty)."""
    denominator = 2 * tp + fp + fn
    return 2 * tp / denominator if denominator else 1.0


def multiset_match(truth: Sequence[Hashable], pred: Sequence[Hashable]) -> Match:
    """Return the :class:`Match` of two multisets (each truth item matches at most once)."""
    common = sum((Counter(truth) & Counter(pred)).values())
    return Match(tp=common, fp=len(pred) - common, fn=len(truth) - common)


def count_match(truth: int, pred: int) -> Match:
    """Return a :class:`Match` of two counts: the smaller is matched, the rest is FP or FN."""
    common = min(truth, pred)
    return Match(tp=common, fp=pred - common, fn=truth - common)


def _without_title(headings: list[tuple[int, str]], title: str | None) -> list[tuple[int, str]]:
    if not title:
        return headings
    key = collapse_ws(title).casefold()
    return [h for h in headings if h[1].casefold() != key]


def _best_shift(truth: list[tuple[int, str]], pred: list[tuple[int, str]]) -> Match:
    """Return the best :class:`Match` of ``pred``'s headings with all levels shifted alike.

    ``h2, h3, h3`` found as ``h1, h2, h2`` matches fully: the outline is the same when a tool
    moves every level by the same amount (as articlekit's level normalisation may). One
    extra or missing heading does not change the shift.
    """
    best = multiset_match(truth, pred)
    for shift in range(-5, 6):
        if shift:
            match = multiset_match(truth, [(level + shift, text) for level, text in pred])
            if match.tp > best.tp:
                best = match
    return best


# Double quote marks compare as one: typographic or straight is a renderer's choice of
# glyph (w3m draws a <q> as “…”, lynx and html2text as "…"), not a structure error.
# Invisible characters (soft hyphen, zero-width space, word joiner, U+FEFF) are dropped:
# whether a tool keeps a hyphenation hint shows nowhere on the page.
_GLYPH_FOLDS = str.maketrans(
    {**dict.fromkeys("“”„‟", '"'), **dict.fromkeys("\u00ad\u200b\u2060\ufeff", None)}
)


def _glyphs_folded(texts: Iterable[str]) -> list[str]:
    return [text.translate(_GLYPH_FOLDS) for text in texts]


def structure_counts(truth: Structure, pred: Structure) -> dict[str, Match]:
    """Return the :class:`Match` of each part, keyed like :func:`score_structure` without ``_f1``.

    Parts: heading, heading_shift, heading_text, list_item, paragraph, table, figure, token.
    Sum these over pages for pooled (micro) F1s.
    """
    true_heads = _without_title(truth.headings, truth.title)
    pred_heads = _without_title(pred.headings, truth.title)
    return {
        "heading": multiset_match(true_heads, pred_heads),
        "heading_shift": _best_shift(true_heads, pred_heads),
        "heading_text": multiset_match([t for _, t in true_heads], [t for _, t in pred_heads]),
        "list_item": multiset_match(
            _glyphs_folded(truth.list_items), _glyphs_folded(pred.list_items)
        ),
        "paragraph": multiset_match(
            _glyphs_folded(truth.paragraphs), _glyphs_folded(pred.paragraphs)
        ),
        "table": count_match(truth.tables, pred.tables),
        "figure": count_match(truth.figures, pred.figures),
        "token": multiset_match(tokens(truth.body_text), tokens(pred.body_text)),
    }


def score_structure(truth: Structure, pred: Structure) -> dict[str, float]:
    """Return this page's scores of ``pred`` against ``truth``.

    Keys: ``heading_f1`` (level and text must match), ``heading_shift_f1`` (the same after
    the one shift of all predicted levels that matches most: forgives a uniform shift),
    ``heading_text_f1`` (text only),
    ``list_item_f1``, ``paragraph_f1``, ``token_f1`` (body words), ``table_count_f1`` and
    ``figure_count_f1`` (F1 of the counts: min(truth, pred) matched), and
    ``table_count_error`` / ``figure_count_error`` (absolute difference of the counts).
    """
    counts = structure_counts(truth, pred)
    return {
        "heading_f1": counts["heading"].f1,
        "heading_shift_f1": counts["heading_shift"].f1,
        "heading_text_f1": counts["heading_text"].f1,
        "list_item_f1": counts["list_item"].f1,
        "paragraph_f1": counts["paragraph"].f1,
        "token_f1": counts["token"].f1,
        "table_count_f1": counts["table"].f1,
        "figure_count_f1": counts["figure"].f1,
        "table_count_error": float(abs(truth.tables - pred.tables)),
        "figure_count_error": float(abs(truth.figures - pred.figures)),
    }
