"""Structure of an article, from Readability's expected HTML or from a Document, and scores.

Used by ``benchmarks/text_accuracy.py``. (``benchmarks/structure.py`` was planned to offer
the same for the HTML benchmark; this module does not depend on it.)

A :class:`Structure` is the title, the headings with their level, the list items' own
text, the paragraphs (``<p>`` outside lists and tables) and the body text. Texts are
compared after collapsing whitespace; F1 is computed over multisets, so a paragraph that
appears twice must be found twice.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import html as lxml_html

from articlekit.model import Document, Heading, List, Paragraph, Quote, plain_text

__all__ = ["Structure", "f1", "score_structure", "structure_from_document", "structure_from_html"]

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def collapse(text: str) -> str:
    """Return ``text`` with whitespace runs made one space, stripped."""
    return _WS.sub(" ", text).strip()


@dataclass
class Structure:
    """What a reader sees of an article's structure."""

    title: str | None = None
    headings: list[tuple[int, str]] = field(default_factory=list)
    list_items: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    body_text: str = ""


def _own_text(element: lxml_html.HtmlElement) -> str:
    """Text of ``element`` without nested lists (a list item's own text)."""
    out: list[str] = []

    def walk(el: lxml_html.HtmlElement) -> None:
        if el.text:
            out.append(el.text)
        for child in el:
            if isinstance(child.tag, str) and child.tag not in ("ul", "ol"):
                walk(child)
            if child.tail:
                out.append(child.tail)

    walk(element)
    return collapse("".join(out))


def structure_from_html(page_html: str, title: str | None = None) -> Structure:
    """Return the true structure of Readability's ``expected.html`` (``title`` given)."""
    root = lxml_html.fromstring(page_html)
    found = Structure(title=collapse(title) if title else None)
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        ancestors = {a.tag for a in el.iterancestors()}
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = collapse(el.text_content())
            if text and not ancestors & {"table", "li"}:
                found.headings.append((int(tag[1]), text))
        elif tag == "li":
            text = _own_text(el)
            if text:
                found.list_items.append(text)
        elif tag == "p" and not ancestors & {"li", "table", "figure", "figcaption"}:
            text = collapse(el.text_content())
            if text:
                found.paragraphs.append(text)
    found.body_text = collapse(root.text_content())
    return found


def _item_text(item_blocks: Iterable[object]) -> str:
    parts = [plain_text(b) for b in item_blocks if not isinstance(b, List)]  # type: ignore[arg-type]
    return collapse(" ".join(parts))


def structure_from_document(doc: Document) -> Structure:
    """Return the structure of a parsed Document (recommendation blocks left out)."""
    found = Structure(title=collapse(doc.title) if doc.title else None)
    stack: list[tuple[object, bool]] = [(b, False) for b in reversed(doc.body)]
    while stack:
        block, in_list = stack.pop()
        if isinstance(block, Heading):
            found.headings.append((block.level, collapse(plain_text(block))))
        elif isinstance(block, Paragraph):
            if not in_list:
                found.paragraphs.append(collapse(plain_text(block)))
        elif isinstance(block, List):
            for item in reversed(block.items):
                for child in reversed(item.blocks):
                    stack.append((child, True))
            for item in block.items:
                text = _item_text(item.blocks)
                if text:
                    found.list_items.append(text)
        elif isinstance(block, Quote):
            stack.extend((b, in_list) for b in reversed(block.blocks))
    found.body_text = collapse(doc.plain_text())
    return found


def f1(truth: Iterable[object], pred: Iterable[object]) -> tuple[int, int, int]:
    """Return ``(true_positives, truth_count, predicted_count)`` over multisets."""
    t, p = Counter(truth), Counter(pred)
    return sum((t & p).values()), sum(t.values()), sum(p.values())


def _ratio(tp: int, n_truth: int, n_pred: int) -> float:
    if n_truth == 0 and n_pred == 0:
        return 1.0
    return 2 * tp / (n_truth + n_pred) if n_truth + n_pred else 0.0


def score_structure(truth: Structure, pred: Structure) -> dict[str, tuple[int, int, int] | float]:
    """Return the per-page counts (tp, truth, pred) per feature, title hit and token F1."""
    tokens = f1(_WORD.findall(truth.body_text.lower()), _WORD.findall(pred.body_text.lower()))
    return {
        "title": 1.0 if truth.title and pred.title == truth.title else 0.0,
        "headings_level": f1(truth.headings, pred.headings),
        "headings": f1((t for _, t in truth.headings), (t for _, t in pred.headings)),
        "list_items": f1(truth.list_items, pred.list_items),
        "paragraphs": f1(truth.paragraphs, pred.paragraphs),
        "tokens": _ratio(*tokens),
    }
