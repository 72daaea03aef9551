"""Score candidate containers for the main content, Readability style.

Each paragraph-like element votes for its ancestors: ``1 + commas + min(chars / 100, 3)``
points, scaled by how little of it is link text; the parent gets the full vote, the
grandparent half, higher ancestors ``vote / (3 * level)``. A container starts from a prior
by tag and gains or loses by its class/id, and its total is scaled by
``1 - link density``. Every ingredient is a small function tested on its own.
"""

from __future__ import annotations

from typing import Final

from lxml.html import HtmlElement

from articlekit.html import vocab
from articlekit.html.clean import FLAG_MAIN, Labels, Stats, class_id

__all__ = [
    "CLASS_WEIGHT",
    "class_weight",
    "paragraph_vote",
    "score_candidates",
    "tag_prior",
]


#: Points a class/id adds or removes (Readability's 25).
CLASS_WEIGHT: Final = 25
# Points for a container that says it is the article body (itemprop=articleBody,
# class="entry-content", <article>): enough to beat a wrapper holding it plus a sidebar.
MAIN_BONUS: Final = 30
# Ancestors a paragraph votes for; Readability uses 5 (3 before 2018).
VOTE_LEVELS: Final = 5
_TAG_PRIORS: Final = {
    "div": 5,
    "article": 8,
    "main": 5,
    "section": 3,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "h5": -5,
    "h6": -5,
    "th": -5,
}


def paragraph_vote(stats: Stats) -> float:
    """Return the points a paragraph gives its ancestors: commas and length, minus links."""
    base = 1.0 + stats.commas + min(stats.text / 100.0, 3.0)
    return base * (1.0 - stats.link_density)


def tag_prior(tag: str) -> int:
    """Return a container's starting score by tag (``div`` +5, ``li`` -3, ``h2`` -5, ...)."""
    return _TAG_PRIORS.get(tag, 0)


def class_weight(el: HtmlElement) -> int:
    """Return +/-25 points by class/id words; more for an explicit article-body marker."""
    names = class_id(el)
    weight = 0
    if el.get("itemprop") == "articleBody":
        weight += MAIN_BONUS
    if not names:
        return weight
    return weight + _names_weight(names)


# Points of each class/id string: a pure function of the string, memoised across pages
# (containers repeat their class strings: ~9000 look-ups on trafilatura-eval, three
# regex searches each), emptied when it grows this large.
_NAMES_WEIGHT: Final[dict[str, int]] = {}
_MAX_NAMES_WEIGHT: Final = 100_000


def _names_weight(names: str) -> int:
    """Return the points of a non-empty class/id string (see :func:`class_weight`)."""
    weight = _NAMES_WEIGHT.get(names)
    if weight is not None:
        return weight
    weight = 0
    if vocab.MAIN_CONTENT.search(names):
        weight += MAIN_BONUS
    if vocab.NEGATIVE_CLASS.search(names):
        weight -= CLASS_WEIGHT
    if vocab.POSITIVE_CLASS.search(names):
        weight += CLASS_WEIGHT
    if len(_NAMES_WEIGHT) >= _MAX_NAMES_WEIGHT:
        _NAMES_WEIGHT.clear()
    _NAMES_WEIGHT[names] = weight
    return weight


def score_candidates(labels: Labels, root: HtmlElement) -> dict[HtmlElement, float]:
    """Return the final score of every candidate container (one that received votes)."""
    raw: dict[HtmlElement, float] = {}
    loose = labels.loose
    for para in labels.paragraphs:
        own = loose.get(para)
        vote = paragraph_vote(own if own is not None else labels.stats[para])
        if vote <= 0:
            continue
        node = para if own is not None else para.getparent()
        level = 0
        while node is not None and level < VOTE_LEVELS:
            if node not in raw:
                raw[node] = float(_prior(node))
            if level == 0:
                raw[node] += vote
            elif level == 1:
                raw[node] += vote / 2.0
            else:
                raw[node] += vote / (level * 3.0)
            if node is root:
                break
            node = node.getparent()
            level += 1
    stats = labels.stats
    final: dict[HtmlElement, float] = {}
    for node, score in raw.items():
        st = stats.get(node)
        density = st.link_density if st is not None else 0.0
        final[node] = score * (1.0 - density)
    return final


def _prior(node: HtmlElement) -> int:
    tag = node.tag
    prior = tag_prior(tag) if isinstance(tag, str) else 0
    if tag in ("html", "body"):
        return prior
    return prior + class_weight(node)


def is_marked_main(stats: Stats) -> bool:
    """Return True when the element holds an explicit article marker."""
    return bool(stats.flags & FLAG_MAIN)
