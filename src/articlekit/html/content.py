"""Find the main content of a page: a numbered fallback cascade over one parsed tree.

1. **Site rule** - a matching rule's content selector, when it selects text.
2. **Scored container** - the best-scoring container (``score.py``), widened to its parent
   when several strong candidates share it, plus siblings that score close to it
   (Readability's sibling pass).
3. **Relaxed retry** - when step 2 found less than ``MIN_ARTICLE_CHARS``, label the page
   again keeping class-based "unlikely" elements and score again. The tree is not
   re-parsed or copied: labels are sets beside it.
4. **Paragraph baseline** - every paragraph-like element that is not boilerplate, in page
   order; :func:`prefer_baseline` decides between it and the scored candidate.
5. **Picture article** - a page without any article text: its ``<article>`` or ``<main>``
   when that holds images (a photo post, a comic), read for its headings and figures.

Each step returns a :class:`Candidate`; the chooser keeps the richer one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Final, cast

import attrs
from lxml import etree
from lxml.html import HtmlElement

from articlekit.html import vocab
from articlekit.html.clean import (
    FLAG_BLOCK,
    FLAG_H1,
    FLAG_IMG,
    FLAG_MAIN,
    FLAG_TABLE,
    QA_PAGE,
    THREAD_PAGE,
    KnownAttributes,
    Labels,
    Stats,
    class_id,
    discussion_kind,
    drop_poster_boxes,
    has_member_posters,
    is_card_part,
    is_discussion_page,
    label_page,
    names_thread,
)
from articlekit.html.recommendations import is_page_link
from articlekit.html.score import score_candidates
from articlekit.html.tree import collapse_ws, image_source, picture_key, text_of
from articlekit.verdict import (
    ARTICLE_JSONLD_TYPES,
    jsonld_type_names,
    jsonld_types,
    jsonld_value_types,
)

__all__ = [
    "CONSENT_MANAGER_CLASS",
    "LISTING_ENTRIES",
    "MIN_ARTICLE_CHARS",
    "PAGE_OVER_SCRAP",
    "Candidate",
    "find_main_content",
    "in_consent_manager",
    "page_over_scrap",
    "picture_article",
    "prefer_baseline",
]


# Below this many characters of text a candidate is "too little" and the next step of the
# cascade runs (trafilatura uses 250 for its MIN_EXTRACTED_SIZE on the same kind of pages).
MIN_ARTICLE_CHARS: Final = 250
_SHORT_CANDIDATE_CHARS: Final = 1500
_RELAXED_GAIN: Final = 3
_MIN_PROSE_COMMA_RATE: Final = 0.004
# Sibling pass: a sibling joins when it scores at least this share of the top score...
SIBLING_SHARE: Final = 0.2
# ...and at least this many points (Readability's 10).
MIN_SIBLING_SCORE: Final = 10.0
# A sibling paragraph joins when it is this long with low link density (Readability's 80).
SIBLING_PARAGRAPH_CHARS: Final = 80
MAX_SIBLING_LINK_DENSITY: Final = 0.25
# A box's title is among its first this many elements (herald-sun's is the second: the
# box, its header, the heading).
REC_TITLE_LOOKAHEAD: Final = 6
# A title this long (characters) or shorter may name a box of recommendations.
MAX_REC_TITLE_CHARS: Final = 60
# A sibling container joins when it holds this much text with low link density.
SIBLING_BLOCK_CHARS: Final = 200
# A sibling holding at least this many teaser cards drawn as <article>s, which hold this
# share of its text or more, is a list of other posts, not a part of the article.
MIN_CARD_LIST_CARDS: Final = 2
MIN_CARD_LIST_SHARE: Final = 0.8
# A heading of the paragraph baseline is read from its wrapper's next sibling when it has
# none, at most this many levels up (Elementor: heading, two widget boxes, column, row).
HEADING_CLIMB_LEVELS: Final = 8
# Widen the top candidate to an ancestor holding this many strong alternatives.
MIN_SHARED_ALTERNATIVES: Final = 3
# Title anchoring: the region is the title heading's ancestor this many levels up...
TITLE_REGION_LEVELS: Final = 2
# ...and a candidate inside it replaces the top when it scores this share of the top.
TITLE_ANCHOR_SHARE: Final = 0.3
ALTERNATIVE_SHARE: Final = 0.75
# The paragraph baseline wins when the scored candidate holds less than this share of the
# baseline's clean text (the article was split across containers the scoring did not join).
MIN_CANDIDATE_SHARE: Final = 0.4
# Link density above which a baseline paragraph is furniture, not text.
MAX_BASELINE_LINK_DENSITY: Final = 0.5
# Lead pass: the article region is the nearest <article> or holder of the <h1> at most this
# many levels above the chosen container...
LEAD_REGION_LEVELS: Final = 4
# ...or the lowest ancestor holding both the chosen container and the title's <h1>, at
# most this many levels above the container (5 to 7 found the same three leads on
# trafilatura-eval; 8 took a photo caption of readability-pages' folha for a lead).
TITLE_LEAD_LEVELS: Final = 6
# A standfirst ends as a sentence does (a byline, a date or a tagline under a title does
# not): a closing mark, optionally inside a closing quote or bracket.
_SENTENCE_END: Final = re.compile(r"[.!?…][\"“”»«)\]]?\s*$")
# ...and a lead in it is prose: at least this many characters, at most this share of links.
MIN_LEAD_CHARS: Final = 30
MAX_LEAD_LINK_DENSITY: Final = 0.3
# A heading right under the title is its standfirst (a deck) from this many characters
# (50 took two decks of readability-pages that Readability's truth leaves out; 80 to 200
# found the same two decks of trafilatura-eval).
MIN_DECK_CHARS: Final = 80


@attrs.define(slots=True)
class Candidate:
    """Elements chosen as the article, in page order, with how they were found."""

    elements: list[HtmlElement]
    labels: Labels
    method: str
    chars: int


def _chars(elements: Sequence[HtmlElement], labels: Labels) -> int:
    total = 0
    for el in elements:
        st = labels.stats.get(el)
        if st is not None:
            total += st.text - st.links
    return total


def _widen(top: HtmlElement, scores: dict[HtmlElement, float], root: HtmlElement) -> HtmlElement:
    """Return the lowest ancestor of ``top`` that holds several near-top candidates."""
    best = scores[top]
    alternatives = [
        el
        for el, score in sorted(scores.items(), key=lambda kv: -kv[1])[1:6]
        if score >= ALTERNATIVE_SHARE * best
    ]
    if len(alternatives) < MIN_SHARED_ALTERNATIVES:
        return top
    node = top.getparent()
    while node is not None and node is not root and node.tag != "body":
        held = sum(1 for alt in alternatives if node in set(alt.iterancestors()))
        if held >= MIN_SHARED_ALTERNATIVES:
            return node
        node = node.getparent()
    return top


# A forum thread's posts: the chosen box is one of this many boxes alike (its own
# included) under one parent...
MIN_THREAD_POSTS: Final = 3
# ...found at most this many levels above the chosen box (a post's text box, the post).
THREAD_POST_LEVELS: Final = 3


def _thread_posts(
    top: HtmlElement, labels: Labels, root: HtmlElement, is_thread: _ThreadTest
) -> HtmlElement:
    """Return the box holding a forum thread's posts when ``top`` is one of them, else
    ``top``.

    The scoring picks the post with the most prose; its replies beside it score lower
    for holding fewer commas, and are no near-top alternatives (:func:`_widen`). When
    ``top`` or one of its :data:`THREAD_POST_LEVELS` nearest ancestors sits among
    :data:`MIN_THREAD_POSTS` or more sibling boxes alike (same tag, a class token in
    common, each holding text) on a forum thread (``is_thread``, asked last),
    their parent is the content: every post, with the header lines between them."""
    box = top
    for _ in range(THREAD_POST_LEVELS):
        parent = box.getparent()
        if parent is None or parent is root or parent.tag in ("body", "html"):
            return top
        if _alike_boxes(box, parent, labels) >= MIN_THREAD_POSTS:
            return parent if is_thread(labels) else top
        box = parent
    return top


def _alike_boxes(box: HtmlElement, parent: HtmlElement, labels: Labels) -> int:
    """Return how many of ``parent``'s children are boxes like ``box`` (itself included):
    the same tag, a class token in common, text that is not furniture."""
    tokens = set((box.get("class") or "").split())
    if not tokens:
        return 0
    alike = 0
    for child in parent:
        if child.tag != box.tag or child in labels.boilerplate:
            continue
        st = labels.stats.get(child)
        if st is None or not st.text or tokens.isdisjoint((child.get("class") or "").split()):
            continue
        alike += 1
    return alike


def _item_kind(el: HtmlElement) -> str:
    """Return the schema.org type a microdata item declares (``itemtype`` ending in
    ``/Answer`` gives ``"Answer"``; the first type of several), else an empty string."""
    kind: str | None = el.get("itemtype")
    if not kind or not kind.strip():
        return ""
    return kind.split()[0].rstrip("/").rsplit("/", 1)[-1]


def _question_body(question: HtmlElement) -> HtmlElement | None:
    """Return the text of a schema.org ``Question`` item (its ``itemprop="text"``, not one
    of an answer's or a comment's inside it), else None."""
    for el in question.iter():
        if el is question or el.get("itemprop") != "text":
            continue
        owner = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
        if owner is question:
            return el
    return None


def _with_question(top: HtmlElement) -> HtmlElement:
    """Return the box holding a question and its answers when ``top`` is one answer of a
    question-and-answer page, else ``top``.

    Such a page (Stack Exchange's engine and others) marks its question as a schema.org
    ``Question`` item holding its body (``itemprop="text"``) and each reply as an
    ``Answer`` item (``acceptedAnswer``, ``suggestedAnswer``). The scoring picks the
    answer with the most prose; the question above it, often shorter, scores lower, and
    with fewer than :data:`MIN_THREAD_POSTS` answers :func:`_thread_posts` finds no run
    of posts: the page came out as its longest answer alone. When ``top`` lies in an
    ``Answer`` item inside a ``Question`` item with a body of its own, the content is
    the nearest box holding that body and ``top`` (the question, the "2 Answers" line,
    every answer). An FAQ's questions name themselves (``name``) and hold no body: left
    alone."""
    answer = next(
        (a for a in itertools.chain((top,), top.iterancestors()) if _item_kind(a) == "Answer"),
        None,
    )
    if answer is None:
        return top
    question = next((a for a in answer.iterancestors() if _item_kind(a) == "Question"), None)
    body = None if question is None else _question_body(question)
    if body is None:
        return top
    above = set(body.iterancestors())
    return next((a for a in top.iterancestors() if a in above), top)


# A list whose items are an article's sections: this many items...
MIN_LISTICLE_ITEMS: Final = 3
# ...each holding this much text with few links (a teaser list's items hold a headline
# and a line or two; a listicle's, a section of prose each).
MIN_LISTICLE_ITEM_CHARS: Final = 1000


def _listicle(top: HtmlElement, labels: Labels) -> HtmlElement:
    """Return the list that holds ``top`` when the list is the article: ``top`` sits in an
    item of a list of :data:`MIN_LISTICLE_ITEMS` or more items that each hold
    :data:`MIN_LISTICLE_ITEM_CHARS` of text with few links, ``top``'s item among them
    (a "best of" page printing each pick as an ``<li>`` with its own sections); else
    ``top``. The scoring's best candidate is one item's part, and its alternatives in the
    other items score lower for holding fewer commas."""
    item = next((a for a in top.iterancestors() if a.tag == "li"), None)
    if top.tag == "li":
        item = top
    if item is None:
        return top
    parent = item.getparent()
    if parent is None or parent.tag not in ("ul", "ol"):
        return top
    long_items = [
        child
        for child in parent
        if child.tag == "li"
        and (st := labels.stats.get(child)) is not None
        and st.text >= MIN_LISTICLE_ITEM_CHARS
        and st.link_density < MAX_SIBLING_LINK_DENSITY
    ]
    if len(long_items) < MIN_LISTICLE_ITEMS or item not in long_items:
        return top
    return parent


def _climb_while_parents_score(
    top: HtmlElement, scores: dict[HtmlElement, float], root: HtmlElement
) -> HtmlElement:
    """Return an ancestor of ``top`` that outscores it without a collapse in between.

    Readability's rule: walk up while the ancestors' scores stay above a third of the
    top score; an ancestor scoring higher than the previous one takes over (a table row
    holding half the letter gives way to the article holding the whole letter).
    """
    last = scores.get(top)
    if last is None or last <= 0:
        return top
    threshold = last / 3.0
    node = top.getparent()
    while node is not None and node is not root and node.tag != "body":
        score = scores.get(node)
        if score is None or node.tag in _NOT_ARTICLES:
            node = node.getparent()
            continue
        if score < threshold:
            break
        if score > last:
            return node
        last = score
        node = node.getparent()
    return top


# Parts of lists and tables: never the article itself, at most a piece of it.
_NOT_ARTICLES: Final = frozenset(
    {"tr", "tbody", "thead", "tfoot", "ul", "ol", "dl", "li", "dd", "dt", "p", "span", "a"}
)


def _article_level(top: HtmlElement) -> HtmlElement:
    """Return ``top`` or, when it is a list or table part, its nearest other ancestor."""
    node = top
    while node.tag in _NOT_ARTICLES:
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        node = parent
    return node


def _climb_single_child(top: HtmlElement) -> HtmlElement:
    node = top
    while True:
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return node
        if sum(1 for c in parent if isinstance(c.tag, str)) != 1:
            return node
        node = parent


def _with_siblings(
    top: HtmlElement, scores: dict[HtmlElement, float], labels: Labels
) -> list[HtmlElement]:
    parent = top.getparent()
    if parent is None:
        return [top]
    best = scores.get(top, 0.0)
    threshold = max(MIN_SIBLING_SCORE, best * SIBLING_SHARE)
    top_class = top.get("class")
    chosen: list[HtmlElement] = []
    for sibling in parent:
        if not isinstance(sibling.tag, str):
            continue
        if sibling is top:
            chosen.append(sibling)
            continue
        if sibling in labels.boilerplate:
            continue
        score = scores.get(sibling, 0.0)
        if top_class and sibling.get("class") == top_class:
            score += best * 0.2
        if score >= threshold and score > 0:
            if not opens_with_rec_title(sibling) and not is_card_list(sibling, labels):
                chosen.append(sibling)
            continue
        st = labels.stats.get(sibling)
        if st is None or not st.text:
            continue
        # a paragraph beside the article (its lead, a closing line) or a block of prose (a
        # page builder's next text column) joins it
        limit = SIBLING_PARAGRAPH_CHARS if not st.flags & FLAG_BLOCK else SIBLING_BLOCK_CHARS
        if (
            st.text >= limit
            and st.link_density < MAX_SIBLING_LINK_DENSITY
            and not opens_with_rec_title(sibling)
            and not is_card_list(sibling, labels)
        ):
            chosen.append(sibling)
    if len(chosen) > 1:
        chosen = _with_gap_blocks(parent, chosen, labels)
    return chosen


def is_card_list(el: HtmlElement, labels: Labels) -> bool:
    """Return True when ``el`` is a list of teaser cards drawn as ``<article>`` elements.

    Blog and page-builder themes close a post with a grid of other posts ("More to
    explore", often titled in a widget of its own before the grid, or not at all): each
    card an ``<article>`` holding a linked title, a date and an excerpt of a line or two.
    Its excerpts are prose with few links, so the sibling pass took the grid for the next
    part of the article. Such a sibling holds ``MIN_CARD_LIST_CARDS`` or more cards (short
    ``<article>`` elements with a link and no ``<h1>``: :func:`clean.is_card_part`) that
    hold ``MIN_CARD_LIST_SHARE`` of its text; an article's sections drawn as ``<article>``
    elements are longer or unlinked.
    """
    st = labels.stats.get(el)
    if st is None or not st.text or el.tag == "article":
        return False
    cards = 0
    held = 0
    for item in el.iter("article"):
        sub = labels.stats.get(item)
        if sub is None or not sub.anchors or not is_card_part(sub.text, sub.flags):
            return False
        cards += 1
        held += sub.text
    return cards >= MIN_CARD_LIST_CARDS and held >= MIN_CARD_LIST_SHARE * st.text


def _with_cousins(top: HtmlElement, labels: Labels) -> list[HtmlElement]:
    """Return ``top`` with the other parts of an article split into numbered wrappers.

    A news page may cut its story in two or more parts, each in a wrapper of the same
    class with the ad or the related box between them in a wrapper of its own
    (``<div class="supplemental"><div class="story-body story-body-1">...</div><aside>
    ...</aside></div><div class="ad">...</div><div class="supplemental"><div
    class="story-body story-body-2">``). The sibling pass sees only the part it chose. A
    cousin joins when its wrapper has the class of ``top``'s wrapper and it has the first
    class of ``top`` itself, holds a block of prose with few links, and opens with no
    recommendation title.
    """
    parent = top.getparent()
    grand = parent.getparent() if parent is not None else None
    wrapper_class = parent.get("class") if parent is not None else None
    own = (top.get("class") or "").split()
    if grand is None or not wrapper_class or not own:
        return [top]
    found = [top]
    for wrapper in grand:
        if wrapper is parent or wrapper.get("class") != wrapper_class:
            continue
        if wrapper in labels.boilerplate:
            continue
        for cousin in wrapper:
            if not isinstance(cousin.tag, str) or cousin in labels.boilerplate:
                continue
            if (cousin.get("class") or "").split()[:1] != own[:1]:
                continue
            st = labels.stats.get(cousin)
            if (
                st is not None
                and st.text >= SIBLING_BLOCK_CHARS
                and st.link_density < MAX_SIBLING_LINK_DENSITY
                and not opens_with_rec_title(cousin)
            ):
                found.append(cousin)
    return _in_page_order(found, top) if len(found) > 1 else found


# A picture block between two parts of the article holds at most this much text (its
# caption and credit): more, and it is a box of its own (a card, a promo), judged as one.
MAX_GAP_PICTURE_CHARS: Final = 300


def _is_gap_block(st: Stats) -> bool:
    """Return True when a sibling measured ``st`` is a picture or table block of the
    article: a picture with no more than a caption (``MAX_GAP_PICTURE_CHARS``) or a
    table, with few links and no ``<h1>``."""
    shown = bool(st.flags & FLAG_TABLE) or (
        bool(st.flags & FLAG_IMG) and st.text <= MAX_GAP_PICTURE_CHARS
    )
    return shown and st.link_density < MAX_SIBLING_LINK_DENSITY and not st.flags & FLAG_H1


def _with_gap_blocks(
    parent: HtmlElement, chosen: list[HtmlElement], labels: Labels
) -> list[HtmlElement]:
    """Return ``chosen`` (siblings under ``parent``, in page order) with the picture and
    table blocks that stand between two of them.

    A body built of sibling blocks (a listicle's items, a page builder's rows, a cost
    guide's sections) puts its pictures and tables in blocks of their own, which hold too
    little text to join as prose (a table of sizes and prices is numbers); between two
    parts of the article, such a block (:func:`_is_gap_block`) is the article's.
    """
    first, last = chosen[0], chosen[-1]
    picked = set(chosen)
    out: list[HtmlElement] = []
    inside = False
    for sibling in parent:
        if sibling is first:
            inside = True
        if sibling in picked:
            out.append(sibling)
        elif inside and isinstance(sibling.tag, str) and sibling not in labels.boilerplate:
            st = labels.stats.get(sibling)
            if st is not None and _is_gap_block(st):
                out.append(sibling)
        if sibling is last:
            break
    return out


def opens_with_rec_title(el: HtmlElement) -> bool:
    """Return True when a block's first heading is a recommendation title ("Other Opinion
    Columns", "More from Politics"): teasers with their standfirsts read like prose, yet
    they are the site's other stories, not the rest of the article."""
    # the title opens the block: among its first few elements, not anywhere in it (a
    # joined block can be most of the page)
    heading = next(
        (
            node
            for node in itertools.islice(el.iterdescendants(), REC_TITLE_LOOKAHEAD)
            if node.tag in vocab.HEADING_TAGS
        ),
        None,
    )
    if heading is None:
        return False
    text = " ".join(text_of(heading).split())
    return len(text) <= MAX_REC_TITLE_CHARS and vocab.opens_with_rec_words(text)


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _near_title(
    top: HtmlElement,
    eligible: list[HtmlElement],
    scores: dict[HtmlElement, float],
    labels: Labels,
    title: str,
) -> HtmlElement:
    """Return the best candidate next to the page's title heading, when one scores enough.

    Pages that load the next articles below the first (infinite scroll) hold several
    article bodies; the one under the heading that repeats the page title is the article.
    """
    matching = [
        h for h in labels.headings if h.tag in ("h1", "h2") and _same_text(text_of(h), title)
    ]
    # an h1 that repeats the title outranks h2 teasers of the same story in a side list
    headings = [h for h in matching if h.tag == "h1"] or matching
    if len(headings) != 1:
        return top
    region = headings[0]
    for _ in range(TITLE_REGION_LEVELS):
        parent = region.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return top
        region = parent
    if top is region or region in set(top.iterancestors()):
        return top
    if top in set(region.iterancestors()):
        # the title heads a part of the chosen article (a recipe card): keep the article
        return top
    threshold = scores.get(top, 0.0) * TITLE_ANCHOR_SHARE
    # a standfirst or a summary box in the title's header scores well on its few
    # sentences but is no article body, which it would then stand for
    near = [
        el
        for el in eligible
        if scores[el] >= threshold
        and (el is region or region in set(el.iterancestors()))
        and _chars([el], labels) >= MIN_ARTICLE_CHARS
    ]
    return max(near, key=scores.__getitem__) if near else top


def _scored(
    root: HtmlElement,
    labels: Labels,
    method: str,
    title: str | None = None,
    jsonld: Sequence[list[Any]] | None = None,
    is_thread: _ThreadTest | None = None,
) -> Candidate | None:
    """Return the best-scored container with what belongs to it, else None; ``jsonld``:
    see :func:`declares_article`; ``is_thread``: the page's :class:`_ThreadTest` (made
    from ``jsonld`` when not given)."""
    scores = score_candidates(labels, root)
    if not scores:
        return None
    # a list or a table part is at most a piece of the article: it cannot be the top
    eligible = [el for el in scores if el.tag not in _NOT_ARTICLES] or list(scores)
    top = max(eligible, key=scores.__getitem__)
    top = _widen(top, scores, root)
    top = _listicle(top, labels)
    top = _climb_while_parents_score(top, scores, root)
    top = _article_level(top)
    is_thread = is_thread or _ThreadTest(root, jsonld)
    replies = None
    if title:
        # after the climbing, which would otherwise walk back up to the shared wrapper
        near = _article_level(_near_title(top, eligible, scores, labels, title))
        if near is not top and _precedes(near, top) and is_thread(labels):
            replies = top  # a forum thread's replies, after its opening post
        top = near
    top = _thread_posts(top, labels, root, is_thread)
    top = _with_question(top)
    top = _climb_single_child(top)
    elements = _with_siblings(top, scores, labels)
    if elements == [top]:
        elements = _with_cousins(top, labels)
    if replies is not None and not any(
        el is replies or el in replies.iterancestors() for el in elements
    ):
        elements = [*elements, replies]
    elements = _with_builder_rows(top, elements, labels)
    leads = _with_lead(top, elements, labels, title)
    if not leads and title:
        leads = _title_standfirst(top, elements, labels, title)
    # (a lead's pictures are shown too: a figure inside a lead box is no second lead)
    figures = lead_figures(top, leads + elements, labels, title)
    if figures:
        leads = _in_page_order(figures + leads, top)
    elements = leads + elements
    candidate = Candidate(
        elements=elements, labels=labels, method=method, chars=_chars(elements, labels)
    )
    return _sectioned_main(candidate, root, jsonld)


# A page that does not say it is an article, whose chosen content holds less than this
# share of the clean text (links left out) of the <main> landmark around it, is a page
# of sections: the <main> is its content...
MAIN_SECTIONS_RATIO: Final = 2.0
# ...or this share when the chosen content is the page's questions and answers (an FAQ
# or an accordion: see is_faq_box)...
FAQ_SECTIONS_RATIO: Final = 1.25
# ...unless the <main> is this link-dense (a listing's teasers, a menu's worth).
MAX_MAIN_LINK_DENSITY: Final = 0.3
# A page with no <main> whose box holds this many <section> children with text, one of
# them holding the chosen content, is a page of sections too: that box is its landmark.
MIN_PAGE_SECTIONS: Final = 2


def _sectioned_main(
    candidate: Candidate, root: HtmlElement, jsonld: Sequence[list[Any]] | None = None
) -> Candidate:
    """Return the page's ``<main>`` (or ``role="main"`` box) in place of ``candidate``
    when the page is built of sections rather than an article: a service, landing or
    category page, whose intro, feature blocks, steps and questions each sit in a
    section of their own, and the scoring picks the one with the longest paragraphs (the
    questions and answers at the bottom, one feature block).

    A page with no landmark whose chosen content sits in one of several sibling
    ``<section>`` elements is read alike, the box holding them standing for the
    landmark (:func:`section_holder`), unless the page declares a product
    (:func:`declares_product`: the sections beside a product's description are its
    reviews and offers). It is when the candidate sits inside the
    landmark, holds less than
    1/``MAIN_SECTIONS_RATIO`` of its clean text, the landmark is not link-dense
    (``MAX_MAIN_LINK_DENSITY``), and the page does not say it is an article: the
    candidate is in no ``<article>``, and neither ``og:type`` nor JSON-LD names an
    article type (:func:`declares_article`, given ``jsonld``). Else ``candidate``.
    """
    if not candidate.elements:
        return candidate
    first = candidate.elements[0]
    labels = candidate.labels
    main = _main_landmark(first)
    landmark = main is not None
    if main is None and not declares_product(root, jsonld):
        # a product page's sections beside its description are its reviews and offers
        main = section_holder(first, labels)
    if main is None:
        return candidate
    st = labels.stats.get(main)
    if st is None or main in labels.boilerplate or st.link_density > MAX_MAIN_LINK_DENSITY:
        return candidate
    chars = st.text - st.links
    ratio = FAQ_SECTIONS_RATIO if is_faq_box(first, main) else MAIN_SECTIONS_RATIO
    if chars < ratio * max(candidate.chars, 1):
        return candidate
    if landmark and any(_main_landmark(el) is not main for el in candidate.elements[1:]):
        return candidate
    if not landmark and any(main not in set(el.iterancestors()) for el in candidate.elements[1:]):
        return candidate
    if any(el.tag == "article" for el in itertools.chain((first,), first.iterancestors())):
        return candidate
    if declares_article(root, jsonld):
        return candidate
    return Candidate(elements=[main], labels=labels, method=candidate.method, chars=chars)


def is_faq_box(el: HtmlElement, main: HtmlElement) -> bool:
    """Return True when ``el`` or a box around it below ``main`` is named after frequently
    asked questions or an accordion (``faq-section``, ``accordion-collection-wrapper``),
    or opens with a heading that names them ("Frequently Asked Questions About
    Internships in Alabama", "FAQs": ``vocab.FAQ_HEADING``): the questions closing a
    service or product page, which the scoring picks for their long answers."""
    for box in itertools.chain((el,), el.iterancestors()):
        if box is main:
            return False
        names = class_id(box)
        if names and vocab.FAQ_CLASS.search(names.lower()):
            return True
        head = next(box.iter(*vocab.HEADING_TAGS), None)
        if head is not None and vocab.FAQ_HEADING.match(collapse_ws(text_of(head)).strip()):
            return True
    return False


def section_holder(el: HtmlElement, labels: Labels) -> HtmlElement | None:
    """Return the box whose ``<section>`` children hold ``el``, for a page of sections
    with no ``<main>``: the parent of the nearest ``<section>`` around ``el`` whose
    parent holds :data:`MIN_PAGE_SECTIONS` or more ``<section>`` children with text
    (boilerplate aside; ``<body>`` itself when the sections are its children); else
    None.

    A service or landing page built without a ``<main>`` sets its intro, features and
    questions as sibling ``<section>`` elements of ``<body>`` or of one wrapper; the
    box holding them stands for the landmark in :func:`_sectioned_main`."""
    for anc in el.iterancestors():
        if anc.tag in ("body", "html"):
            return None
        if anc.tag != "section":
            continue
        parent = anc.getparent()
        if parent is None or parent.tag == "html":
            return None
        sections = 0
        for child in parent:
            if child.tag != "section" or child in labels.boilerplate:
                continue
            st = labels.stats.get(child)
            if st is not None and st.text:
                sections += 1
        if sections >= MIN_PAGE_SECTIONS:
            return parent
    return None


def _main_landmark(el: HtmlElement) -> HtmlElement | None:
    """Return the nearest ``<main>`` or ``role="main"`` box around ``el``, else None."""
    for anc in el.iterancestors():
        if anc.tag == "main" or anc.get("role") == "main":
            return anc
    return None


def _is_article_type(value: str | None) -> bool:
    return (value or "").strip().lower() == "article"


def declares_article(root: HtmlElement, jsonld: Sequence[list[Any]] | None = None) -> bool:
    """Return True when the page's markup says it is an article: ``og:type`` article, or
    a JSON-LD ``@type`` of an article kind (``NewsArticle``, ``BlogPosting``, ``Recipe``,
    ... :data:`articlekit.verdict.ARTICLE_JSONLD_TYPES`).

    ``jsonld``: the values of the page's ``application/ld+json`` scripts, as the metadata
    walk parsed them (``articlekit.html.page_jsonld``); without it the scripts are found
    and parsed here.
    """
    scripts: list[str] = []
    for el in root.iter("meta") if jsonld is not None else root.iter("meta", "script"):
        if el.tag == "meta":
            if el.get("property") == "og:type" and _is_article_type(el.get("content")):
                return True
        elif el.get("type") == "application/ld+json" and el.text:
            scripts.append(el.text)
    types = jsonld_types(scripts) if jsonld is None else jsonld_value_types(jsonld)
    return any(kind in ARTICLE_JSONLD_TYPES for kind in types)


# schema.org types of a product on sale (JSON-LD ``@type``, lowercased), and the
# ``og:type`` values that declare one ("product", "product.item", "og:product").
PRODUCT_JSONLD_TYPES: Final = frozenset({"product", "productgroup", "individualproduct"})
_PRODUCT_OG_TYPES: Final = frozenset({"product", "product.item", "product.group", "og:product"})


def declares_product(root: HtmlElement, jsonld: Sequence[list[Any]] | None) -> bool:
    """Return True when the page says it is a product's page and not an article: a
    JSON-LD ``Product`` (``ProductGroup``) as a main node (:func:`_main_jsonld_types`,
    ``jsonld`` as the metadata walk parsed it) or an ``og:type`` of ``product``, and no
    article type. A review article may declare the product it reviews; it declares the
    article too. Only the ``<head>``'s ``<meta>`` elements are read."""
    types = {kind.lower() for kind in _main_jsonld_types(jsonld)} if jsonld else set()
    if types & ARTICLE_JSONLD_TYPES:
        return False
    if types & PRODUCT_JSONLD_TYPES:
        return True
    head = root.find("head")
    if head is None:
        return False
    for meta in head.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:type":
            return (meta.get("content") or "").strip().lower() in _PRODUCT_OG_TYPES
    return False


# Boxes whose class or id may name customer reviews (the test of the names follows).
_REVIEW_BOXES: Final = etree.XPath(
    ".//*[contains(@class, 'eview') or contains(@id, 'eview')]", smart_strings=False
)


def customer_review_boxes(elements: Sequence[HtmlElement]) -> list[HtmlElement]:
    """Return the outermost boxes inside ``elements`` (the content found) that a shop
    names as its customer reviews (:data:`vocab.CUSTOMER_REVIEWS_CLASS`:
    "product-reviews", "customer-review", "review-list" ...).

    A product page prints its buyers' reviews under the product's description and specs:
    names, dates, stars, "Was this review helpful?", "Report", a few lines of opinion
    each, often more text than the product's own. They are the buyers' say, not the
    page's content; a reader (and both outside sets' truth) wants the product. Called
    only on a page that declares a product (:func:`declares_product`): a review article
    may name its own body "product-review"."""
    found: list[HtmlElement] = []
    for top in elements:
        for box in cast("list[HtmlElement]", _REVIEW_BOXES(top)):
            names = class_id(box).lower()
            if not vocab.CUSTOMER_REVIEWS_CLASS.search(names):
                continue
            if found and any(anc is found[-1] for anc in box.iterancestors()):
                continue  # (inside the last box found: document order)
            found.append(box)
    return found


# A page builder's row holds the chosen container at most this many wrappers up
# (WPBakery: row, column, inner column, wrapper; 4 to 8 change the same page).
MAX_ROW_LEVELS: Final = 6


# A part's heading set in a wrapper of its own beside the part's text holds at most this
# much text (characters).
MAX_PART_HEADING_CHARS: Final = 200


def _builder_row(top: HtmlElement, labels: Labels) -> HtmlElement:
    """Return the outermost wrapper of ``top`` whose other children hold nothing (no text,
    no picture: a page builder's spacer) or, before it, only a heading (the part's own,
    which page builders set in a module of its own and sectioned pages in the
    ``<section>`` beside the text), at most ``MAX_ROW_LEVELS`` up, else ``top``."""
    node = top
    stats = labels.stats
    for _ in range(MAX_ROW_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        before = True  # (a part's heading stands before its text)
        for child in parent:
            if child is node:
                before = False
                continue
            if not isinstance(child.tag, str):
                continue
            st = stats.get(child)
            if st is None or st.flags & FLAG_IMG:
                return node
            if st.text and not (before and _is_part_heading(child, st, labels)):
                return node
        node = parent
    return node


def _is_part_heading(el: HtmlElement, st: Stats, labels: Labels) -> bool:
    """Return True when all of ``el``'s text (``st``) is in headings, and short."""
    if st.text > MAX_PART_HEADING_CHARS or st.links:
        return False
    if el.tag in vocab.HEADING_TAGS:
        return True
    held = 0
    for heading in el.iter(*vocab.HEADING_TAGS):
        sub = labels.stats.get(heading)
        if sub is not None:
            held += sub.text
    return held >= st.text


def _is_prose_row(el: HtmlElement, labels: Labels) -> bool:
    st = labels.stats.get(el)
    return (
        st is not None
        and el not in labels.boilerplate
        and st.text >= SIBLING_BLOCK_CHARS
        and st.link_density < MAX_SIBLING_LINK_DENSITY
        and not opens_with_rec_title(el)
    )


def _is_short_part(el: HtmlElement, st: Stats, labels: Labels) -> bool:
    """Return True for a short row of plain text (``st``), which joins the article when a
    row of prose follows it: a part's heading and its opening line ("What sets it apart?
    As the comparisons above show, ...") in a row of their own, under
    ``SIBLING_BLOCK_CHARS``, with no link, no picture, no ``<h1>``. (A closing call to
    act, "Questions? Write to us.", has no part after it and stays out.)"""
    return (
        0 < st.text < SIBLING_BLOCK_CHARS
        and not st.links
        and not st.flags & (FLAG_IMG | FLAG_H1)
        and el not in labels.boilerplate
    )


def _is_divider(el: HtmlElement, labels: Labels) -> bool:
    """Return True for a divider between two parts: a rule (``<hr>``) or a wrapper holding
    one, with no text and no picture. (An empty wrapper, a builder's spacer, may end the
    article: it is no divider.)"""
    st = labels.stats.get(el)
    if st is None or st.text or st.flags & FLAG_IMG:
        return False
    return next(el.iter("hr"), None) is not None


def _rows_beside(
    row: HtmlElement, labels: Labels, same_kind: Callable[[HtmlElement], bool], *, before: bool
) -> list[HtmlElement]:
    """Return the rows of prose of ``row``'s kind next to it on one side, nearest first.

    A picture row of the kind joins when a row of prose follows it, and so does a short
    row of plain text (:func:`_is_short_part`: a part's heading and its opening line in a
    row of their own, too short to read as prose). Dividers are passed
    over when they separate the rows all along: the first gap on the side says whether
    the rows are divided, and a gap that differs ends the run (a guide's chapters
    between rules join, an appeal set off by a rule after undivided rows does not).
    After the chosen row, a row holding an ``<h1>`` ends the run (a donation appeal
    headed so after a shop's article). Anything else ends the run.
    """
    found: list[HtmlElement] = []
    pending: list[HtmlElement] = []
    divided: bool | None = None  # whether the rows met so far stand between dividers
    gap = False  # a divider since the last row
    for sibling in row.itersiblings(preceding=before):
        if not isinstance(sibling.tag, str):
            continue
        if _is_divider(sibling, labels):
            gap = True
            continue
        if not same_kind(sibling):
            break
        st = labels.stats.get(sibling)
        if (
            st is not None
            and not st.text
            and st.flags & FLAG_IMG
            and sibling not in labels.boilerplate
        ):
            pending.append(sibling)  # a picture between two parts
            continue
        if st is not None and _is_short_part(sibling, st, labels):
            pending.append(sibling)  # a part's heading and opening line
            continue
        if not _is_prose_row(sibling, labels) or (
            not before and st is not None and st.flags & FLAG_H1
        ):
            break  # (after the article, a row with an <h1> is another piece: an appeal)
        if divided is None:
            divided = gap
        elif divided != gap:
            break
        gap = False
        found.extend(pending)
        pending = []
        found.append(sibling)
    return found


def _with_builder_rows(
    top: HtmlElement, chosen: list[HtmlElement], labels: Labels
) -> list[HtmlElement]:
    """Return ``chosen`` with the rows of prose printed next to the chosen container's row.

    Page builders (WPBakery's ``vc_row``, Elementor's sections, Divi's ``et_pb_row``)
    wrap each part of an article in a row of columns of wrappers, and sectioned pages set
    each chapter in a ``<section>`` of its heading and its text: the scoring picks the
    best part, and its siblings are the wrappers' spacers or the part's heading. The rows
    beside its row that share the row's tag and first class and hold prose (as
    :func:`_with_siblings` reads a sibling) join it, as far as they run without a break;
    dividers (``<hr>``) that separate all of them are passed over, and a picture row joins
    when a row of prose follows it (:func:`_rows_beside`). When rows join, the chosen row
    is taken whole, its heading with it.
    """
    row = _builder_row(top, labels)
    names = (row.get("class") or "").split()
    if row is top or not names:
        return chosen
    kind = (row.tag, names[0])

    def same_kind(el: HtmlElement) -> bool:
        cls = (el.get("class") or "").split()
        return el.tag == kind[0] and bool(cls) and cls[0] == kind[1]

    before = _rows_beside(row, labels, same_kind, before=True)
    after = _rows_beside(row, labels, same_kind, before=False)
    if not before and not after:
        return chosen
    return [*before[::-1], row, *after]


def _article_region(top: HtmlElement, labels: Labels) -> HtmlElement | None:
    """Return the nearest ``<article>`` or holder of the ``<h1>`` above ``top``, if close."""
    node = top
    for _ in range(LEAD_REGION_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        node = parent
        st = labels.stats.get(node)
        if node.tag == "article" or (st is not None and st.flags & FLAG_H1):
            return node
        if is_article_item(node):
            return node
    return None


# schema.org types of an article (``itemtype="https://schema.org/NewsArticle"``): the
# item's last path segment ends in one of these.
_ARTICLE_ITEM_ENDINGS: Final = ("article", "posting", "report")


def is_article_item(el: HtmlElement) -> bool:
    """Return True for a schema.org microdata item that is an article (``itemscope`` with
    an ``itemtype`` such as ``Article``, ``NewsArticle`` or ``BlogPosting``): the page
    marks the element holding the whole article, its header included."""
    kind = el.get("itemtype")
    if not kind:
        return False
    return any(
        t.rstrip("/").rsplit("/", 1)[-1].lower().endswith(_ARTICLE_ITEM_ENDINGS)
        for t in kind.split()
    )


def is_lead(el: HtmlElement, labels: Labels) -> bool:
    """Return True for an article's lead: prose named like one ("lead", "intro", "summary")."""
    st = labels.stats.get(el)
    if st is None or st.text < MIN_LEAD_CHARS or st.link_density > MAX_LEAD_LINK_DENSITY:
        return False
    if st.flags & FLAG_H1 or el.tag in _NOT_ARTICLES - {"p"}:
        return False
    if el.get("itemprop") in vocab.LEAD_ITEMPROPS:
        return True
    names = class_id(el)
    return bool(names) and vocab.LEAD_CLASS.search(names) is not None


def _title_heading(labels: Labels, title: str | None) -> HtmlElement | None:
    """Return the one ``<h1>`` that repeats the page's title, else the one ``<h1>`` that
    opens with the title's words (:func:`_opens_alike`), else None."""
    if not title:
        return None
    h1s = [h for h in labels.headings if h.tag == "h1" and _same_text(text_of(h), title)]
    if h1s:
        return h1s[0] if len(h1s) == 1 else None
    near = [h for h in labels.headings if h.tag == "h1" and _opens_alike(text_of(h), title)]
    if near:
        return near[0] if len(near) == 1 else None
    return breadcrumb_title(labels, title)


def breadcrumb_title(labels: Labels, title: str) -> HtmlElement | None:
    """Return the one ``<h1>`` repeating the title inside a ``<nav>`` (the breadcrumb trail
    whose last crumb is the page's headline), else None.

    A ``<nav>`` is hard boilerplate: the labelling walk never enters it, so its heading
    is in no list; only the ``<nav>`` elements are searched, and only when the page has
    no other title ``<h1>``. Six sites of trafilatura-eval print their headline so
    (haus.de, heise, fr.de, mopo, mz-web, an OJS journal); without it the lead passes
    had no title to anchor the article's region on.
    """
    found: list[HtmlElement] = []
    for nav in labels.boilerplate:
        if nav.tag != "nav":
            continue
        for h1 in nav.iter("h1"):
            text = text_of(h1)
            if _same_text(text, title) or _opens_alike(text, title):
                found.append(h1)
    return found[0] if len(found) == 1 else None


# A headline and the page's title open alike when they share this share of the shorter's
# words from the start ("Auto leasen, finanzieren oder kaufen - was ist günstiger?" and
# "... - was lohnt sich?": the SEO title rephrases the headline's end). 0.6 to 0.75 found
# the same two headlines on both corpora; 0.5 took cnet-svg-classes' other h1, 0.9 lost
# vergleich.de's.
MIN_TITLE_PREFIX_SHARE: Final = 0.7
_WORD: Final = re.compile(r"\w+")


def _opens_alike(a: str, b: str) -> bool:
    """Return True when texts ``a`` and ``b`` open with the same words (punctuation and
    case aside), at least ``MIN_TITLE_PREFIX_SHARE`` of the shorter one's and three or
    more."""
    left = _WORD.findall(a.casefold())
    right = _WORD.findall(b.casefold())
    shorter = min(len(left), len(right))
    same = 0
    for x, y in zip(left, right, strict=False):
        if x != y:
            break
        same += 1
    return same >= 3 and same >= MIN_TITLE_PREFIX_SHARE * shorter


def _title_region(top: HtmlElement, labels: Labels, title: str | None) -> HtmlElement | None:
    """Return the lowest ancestor of ``top`` that also holds the title ``<h1>``, when it is
    at most ``TITLE_LEAD_LEVELS`` above ``top`` (the article's header and body side by
    side), else None."""
    heading = _title_heading(labels, title)
    if heading is None:
        return None
    chain = {el: index for index, el in enumerate(top.iterancestors())}
    for ancestor in heading.iterancestors():
        index = chain.get(ancestor)
        if index is not None:
            if index >= TITLE_LEAD_LEVELS or ancestor.tag in ("body", "html"):
                return None
            return ancestor
    return None


def _lead_region(top: HtmlElement, labels: Labels, title: str | None) -> HtmlElement | None:
    """Return the article's region above ``top`` that the lead passes read: the title's
    and the body's common ancestor (:func:`_title_region`), else the nearest article
    element (:func:`_article_region`), else None."""
    region = _title_region(top, labels, title)
    return region if region is not None else _article_region(top, labels)


def _with_lead(
    top: HtmlElement, chosen: list[HtmlElement], labels: Labels, title: str | None = None
) -> list[HtmlElement]:
    """Return the lead paragraphs printed above the article body, outside ``chosen``.

    News pages put the standfirst between the title and the body, in the article's header
    rather than in the body container the scoring found. Only the article's own region is
    read (see :func:`_article_region`), up to the chosen container.
    """
    region = _lead_region(top, labels, title)
    if region is None:
        return []
    above = set(top.iterancestors())
    skip = labels.boilerplate
    leads: list[HtmlElement] = []
    walker = region.iterdescendants()
    for el in walker:
        if el is top or el in chosen:
            break
        if el in above or not isinstance(el.tag, str):
            continue
        if el in skip or (leads and leads[-1] in set(el.iterancestors())):
            continue
        if is_lead(el, labels):
            leads.append(el)
    return leads


# A lead figure's caption and credit stay short: a box with more text than this around its
# picture is a card or a promo, not the article's picture.
MAX_LEAD_FIGURE_CHARS: Final = 400


def is_lead_figure(el: HtmlElement, labels: Labels) -> bool:
    """Return True for the article's picture printed above its body: a ``<figure>`` holding
    a picture that links nowhere else (a teaser's picture links to its story), no heading,
    and at most ``MAX_LEAD_FIGURE_CHARS`` of caption."""
    if el.tag != "figure":
        return False
    st = labels.stats.get(el)
    if st is None or st.text > MAX_LEAD_FIGURE_CHARS or st.flags & FLAG_H1:
        return False
    if next(el.iter("img", "picture", "amp-img"), None) is None:
        return False
    if next(el.iter(*vocab.HEADING_TAGS), None) is not None:
        return False
    for link in el.iter("a"):
        href = (link.get("href") or "").strip()
        if href and not href.startswith("#") and is_page_link(href):
            return False
    return True


def lead_figures(
    top: HtmlElement, chosen: list[HtmlElement], labels: Labels, title: str | None
) -> list[HtmlElement]:
    """Return the article's pictures printed above its body, outside ``chosen``: a lead
    photo in the article's header, or in a first part of the body that the scoring left
    (nytimes' ``story-body-1`` over ``story-body-2``, yahoo's figure over ``canvas-body``).
    Only the article's region is read (as :func:`_with_lead` does), up to the chosen
    container; a figure inside boilerplate is left, and so is a picture shown already: in
    the body, or by an earlier lead figure (one lead picture cropped for phones and for
    desktops, theverge's ``md:hidden`` / ``hidden md:block`` pair)."""
    region = _lead_region(top, labels, title)
    if region is None:
        return []
    inside = set(chosen)
    found: list[HtmlElement] = []
    shown: set[str] | None = None
    for fig in region.iter("figure"):
        if not _precedes(fig, top):
            break  # (in page order, every later figure is in the body or after it)
        if fig in inside:
            continue
        branch = list(itertools.takewhile(lambda a: a is not region, fig.iterancestors()))
        if any(a in inside or a in labels.boilerplate for a in (fig, *branch)):
            continue
        if not is_lead_figure(fig, labels):
            continue
        if shown is None:
            shown = {key for el in chosen for key in _picture_keys(el)}
        keys = set(_picture_keys(fig))
        if keys and keys <= shown:
            continue
        shown |= keys
        found.append(fig)
    return found


def _picture_keys(el: HtmlElement) -> Iterator[str]:
    """Yield the :func:`picture_key` of each picture shown under ``el``."""
    for img in el.iter("img", "amp-img"):
        src = image_source(img)
        if src:
            yield picture_key(src)


def _in_page_order(elements: list[HtmlElement], top: HtmlElement) -> list[HtmlElement]:
    """Return ``elements`` (a few, none holding another) sorted in page order."""
    order: list[HtmlElement] = []
    for el in elements:
        at = next((i for i, o in enumerate(order) if _precedes(el, o)), len(order))
        order.insert(at, el)
    return order


def is_standfirst(el: HtmlElement, labels: Labels) -> bool:
    """Return True for a paragraph that reads as a standfirst: prose of ``MIN_LEAD_CHARS``
    or more, at most ``MAX_LEAD_LINK_DENSITY`` links, ending as a sentence ends (a byline
    or a date line under the title does not)."""
    st = labels.stats.get(el)
    if st is None or st.text < MIN_LEAD_CHARS or st.link_density > MAX_LEAD_LINK_DENSITY:
        return False
    return _SENTENCE_END.search(text_of(el)) is not None


def is_deck_heading(el: HtmlElement, labels: Labels) -> bool:
    """Return True for a subheading that is a standfirst set as a heading (a "deck": news
    themes print the summary under the headline as an ``<h2>``): a sentence or two, longer
    than any section heading (``MIN_DECK_CHARS``), with few links."""
    if el.tag not in vocab.HEADING_TAGS or el.tag == "h1":
        return False
    st = labels.stats.get(el)
    return st is not None and st.text >= MIN_DECK_CHARS and st.link_density <= MAX_LEAD_LINK_DENSITY


def _title_standfirst(
    top: HtmlElement, chosen: list[HtmlElement], labels: Labels, title: str
) -> list[HtmlElement]:
    """Return the standfirst printed under the title ``<h1>``, when both stand outside and
    before the chosen content (a theme's "hero" header: title, lead, byline over the
    picture, the article body further down), else nothing.

    The elements after the ``<h1>`` are read in page order up to the chosen content
    (:func:`_after_title`); the first ``<p>`` that reads as prose (:func:`is_standfirst`;
    ``MIN_FAR_STANDFIRST_CHARS`` or more unless it follows the title) or heading that
    reads as a deck (:func:`is_deck_heading`) is the standfirst.
    """
    h1 = _title_heading(labels, title)
    if h1 is None or not _precedes(h1, top):
        return []
    inside = set(chosen)
    if any(el in inside for el in h1.iterancestors()):
        return []  # the title's header is part of the chosen content, its lead too
    for el in _after_title(h1, labels, top):
        if el in inside:
            return []
        if el.tag == "p":
            if is_standfirst(el, labels) and (
                el is h1.getnext() or labels.stats[el].text >= MIN_FAR_STANDFIRST_CHARS
            ):
                return [el]
        elif el.tag in vocab.HEADING_TAGS:
            return [el] if is_deck_heading(el, labels) else []
    return []


# The standfirst is among this many elements after the title heading (15 to 80 found the
# same standfirsts on both corpora; 10 missed one printed after the author's box).
MAX_STANDFIRST_STEPS: Final = 25
# A paragraph further down than right under the title is the standfirst from this many
# characters (those found on both corpora run 144-397; a 37-character picture caption in a
# hero header, "Rust am Westufer des Neusiedler Sees.", was taken below it).
MIN_FAR_STANDFIRST_CHARS: Final = 80


# Never a standfirst, nor inside one: pictures and their captions, tables, lists.
_NOT_STANDFIRST_TAGS: Final = frozenset(
    {"figure", "figcaption", "picture", "img", "table", "ul", "ol", "dl", "blockquote"}
)


def _after_title(h1: HtmlElement, labels: Labels, top: HtmlElement) -> Iterator[HtmlElement]:
    """Yield the elements that follow ``h1`` in page order (not inside it) up to ``top``,
    at most ``MAX_STANDFIRST_STEPS``, leaving out boilerplate, recommendations, figures
    and captions (their insides too). A left-out element holding ``top`` (a layout table
    around the body) ends the walk: what follows it comes after the body."""
    skip = labels.boilerplate
    recs = set(labels.recommendations)
    holders = set(top.iterancestors())
    node = h1
    descend = False
    for _ in range(MAX_STANDFIRST_STEPS):
        child = next(node.iterchildren(tag=etree.Element), None) if descend else None
        if child is not None:
            node = child
        else:
            following = node.getnext()
            while following is None or not isinstance(following.tag, str):
                if following is None:
                    parent = node.getparent()
                    if parent is None or parent.tag in ("body", "html"):
                        return
                    node = parent
                    following = node.getnext()
                else:
                    following = following.getnext()
            node = following
        names = class_id(node)
        if (
            node in skip
            or node in recs
            or node.tag in _NOT_STANDFIRST_TAGS
            or (
                # (a heading is no caption: utility classes such as "caption-s5" set type)
                names
                and node.tag not in vocab.HEADING_TAGS
                and vocab.CAPTION_CLASS.search(names) is not None
            )
        ):
            if node in holders:
                return
            descend = False
            continue
        if node is top:
            return
        descend = True
        yield node


def _precedes(first: HtmlElement, second: HtmlElement) -> bool:
    """Return True when ``first`` comes before ``second`` in the page and holds no part of
    it: their branches below the nearest common ancestor are compared, not the page.

    The two branches are children of that ancestor, compared by their places among its
    children (``index``, counted in C: a page builder sets a hundred rows side by side,
    and reading the siblings in Python cost ~7% of such a page's time)."""
    chain = [second, *second.iterancestors()]
    position = {el: index for index, el in enumerate(chain)}
    child = first
    for ancestor in first.iterancestors():
        index = position.get(ancestor)
        if index is not None:
            if index == 0:
                return False  # ``second`` holds ``first``
            place: int = ancestor.index(child)
            other: int = ancestor.index(chain[index - 1])
            return place < other
        child = ancestor
    return False


def _baseline(labels: Labels) -> Candidate:
    chosen: list[HtmlElement] = []
    for para in labels.paragraphs:
        st = labels.stats[para]
        if st.link_density <= MAX_BASELINE_LINK_DENSITY:
            chosen.append(para)
    # a paragraph nested in another chosen one is already inside it
    keep: list[HtmlElement] = []
    chosen_set = set(chosen)
    for para in chosen:
        if not any(anc in chosen_set for anc in para.iterancestors()):
            keep.append(para)
    return Candidate(elements=keep, labels=labels, method="baseline", chars=_chars(keep, labels))


# The paragraph baseline reads a list's items whole (:func:`with_list_items`) when its
# paragraphs fall in at least this many items of one container that share a tag and a
# class and each hold a link...
MIN_BASELINE_ITEMS: Final = 4
# The method of a baseline read so (the builder reads each element as a list item).
LISTING_ENTRIES: Final = "entries"
# ...the items holding at least this share of the baseline's text. The item is found at
# most this many levels above a paragraph (a card: item, grid, about box, paragraph).
MIN_BASELINE_ITEMS_SHARE: Final = 0.5
ITEM_CLIMB_LEVELS: Final = 4


def _item_signature(el: HtmlElement) -> tuple[str, str]:
    """Return what repeated items of one list share: their tag and ``class``."""
    return (str(el.tag), " ".join((el.get("class") or "").split()))


# What a listing's entry is drawn as (a list, a table or a paragraph is a part of an
# article, not an entry of a listing).
_ITEM_TAGS: Final = frozenset({"li", "div", "article", "section"})


def _opens_with_link(item: HtmlElement, skip: set[HtmlElement]) -> bool:
    """Return True when the first text of ``item`` (boxes in ``skip`` passed over) is
    link text: an entry of a listing opens with its linked name or title."""
    links = 0
    skipped = 0
    for event, el in etree.iterwalk(item, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        if event == "start":
            if skipped or el in skip:
                skipped += 1
                continue
            if el.tag == "a":
                links += 1
            if el.text and el.text.strip():
                return links > 0
            continue
        if skipped:
            skipped -= 1
            continue
        if el.tag == "a":
            links -= 1
        if el is not item and el.tail and el.tail.strip():
            return links > 0
    return False


def _list_of_items(
    keep: Sequence[HtmlElement], labels: Labels
) -> tuple[HtmlElement, set[HtmlElement]] | None:
    """Return the container whose items hold most of the baseline paragraphs ``keep``,
    with those items, or None (see :func:`with_list_items`).

    Each paragraph is followed up ``ITEM_CLIMB_LEVELS`` levels; every (parent, child) pair
    met counts the paragraph's text for that child. The container is the parent with the
    most children holding paragraphs, the lower one on a tie.
    """
    stats = labels.stats
    held: dict[HtmlElement, dict[HtmlElement, int]] = {}
    for para in keep:
        st = stats[para]
        child = para
        for _ in range(ITEM_CLIMB_LEVELS):
            parent = child.getparent()
            if parent is None:
                break
            children = held.setdefault(parent, {})
            children[child] = children.get(child, 0) + st.text - st.links
            child = parent
    if not held:
        return None
    parent, children = max(held.items(), key=lambda kv: len(kv[1]))
    if len(children) < MIN_BASELINE_ITEMS:
        return None
    signatures: dict[tuple[str, str], int] = {}
    for child in children:
        key = _item_signature(child)
        signatures[key] = signatures.get(key, 0) + 1
    signature, count = max(signatures.items(), key=lambda kv: kv[1])
    if count < MIN_BASELINE_ITEMS or signature[0] not in _ITEM_TAGS:
        return None
    chosen = set(keep)
    if any(child in chosen for child in children if _item_signature(child) == signature):
        return None  # the paragraphs themselves: an article's, not a listing's entries
    items: set[HtmlElement] = set()
    chars = 0
    for child in parent:
        if not isinstance(child.tag, str) or _item_signature(child) != signature:
            continue
        measured = stats.get(child)
        if measured is None or not measured.anchors or child in labels.boilerplate:
            continue
        items.add(child)
        chars += children.get(child, 0)
    total = _chars(keep, labels)
    if len(items) < MIN_BASELINE_ITEMS or chars < MIN_BASELINE_ITEMS_SHARE * total:
        return None
    titled = sum(1 for item in items if _opens_with_link(item, labels.boilerplate))
    if titled * 2 <= len(items):
        return None  # entries open with their linked names; posts and cards do not
    return parent, items


def with_list_items(baseline: Candidate) -> Candidate:
    """Return the paragraph ``baseline`` with the list its paragraphs came from read whole.

    A listing page (an events calendar, a program finder, a job board) sets each entry in
    an item of one list: a linked title or name, a line or a summary, a place, a date.
    With no article on the page the baseline is read, and it kept only the items' plain
    paragraphs: the linked titles (link density over ``MAX_BASELINE_LINK_DENSITY``) were
    lost, leaving summaries without the names they describe. When the baseline's
    paragraphs fall in ``MIN_BASELINE_ITEMS`` or more items of one container that share a
    tag and a class and each hold a link (:func:`_list_of_items`), the items are read
    whole in place of their paragraphs, together with the other items of that tag and
    class (an entry whose only line is a link). A page builder's rows, each holding a
    paragraph of an article, differ in their classes (each row names its own id) and
    stay paragraphs.
    """
    keep = baseline.elements
    if len(keep) < MIN_BASELINE_ITEMS:
        return baseline
    labels = baseline.labels
    found = _list_of_items(keep, labels)
    if found is None:
        return baseline
    parent, items = found
    # each paragraph inside the list, filed under the child of ``parent`` that holds it
    # (one walk up a paragraph, not one scan of all paragraphs per child)
    under: dict[HtmlElement, list[HtmlElement]] = {}
    merged: list[HtmlElement] = []
    at: int | None = None
    for para in keep:
        child = _child_under(para, parent)
        if child is None:
            merged.append(para)
            continue
        if at is None:
            at = len(merged)
        if child is not parent:
            under.setdefault(child, []).append(para)
    if at is not None:
        read: list[HtmlElement] = []
        for child in parent:
            if child in items:
                read.append(child)
            else:
                read.extend(under.get(child, ()))
        merged[at:at] = read
    return Candidate(
        elements=merged, labels=labels, method=LISTING_ENTRIES, chars=_chars(merged, labels)
    )


def _child_under(el: HtmlElement, parent: HtmlElement) -> HtmlElement | None:
    """Return the child of ``parent`` that is ``el`` or holds it, ``parent`` itself when
    ``el`` is ``parent``, else None (``el`` is outside ``parent``)."""
    if el is parent:
        return parent
    node: HtmlElement | None = el
    while node is not None:
        up = node.getparent()
        if up is parent:
            return node
        node = up
    return None


def with_section_headings(baseline: Candidate) -> Candidate:
    """Return the paragraph ``baseline`` with the headings of its sections.

    The baseline is read when no container holds the article: a page builder that sets
    each heading and each paragraph in a row of its own (Elementor's top sections, one per
    block) leaves the text spread over dozens of rows. Its paragraphs were read and its
    section headings lost, since a heading does not vote. A heading joins when it comes
    after the first paragraph and before the last, is not the ``<h1>`` (the title, read
    apart), is a section heading (:func:`_is_section_heading`) and opens the text that
    follows it (:func:`_opens_chosen_text`). ``labels.headings`` is in page order, as are
    the paragraphs, so the two lists are merged in one pass.
    """
    labels = baseline.labels
    keep = baseline.elements
    if len(keep) < 2 or not labels.headings:
        return baseline
    chosen = set(keep)
    merged: list[HtmlElement] = []
    index = 0
    for heading in labels.headings:
        if heading.tag == "h1" or not _is_section_heading(heading, labels):
            continue
        while index < len(keep) and _precedes(keep[index], heading):
            merged.append(keep[index])
            index += 1
        if index == 0 or index == len(keep):
            continue  # before the first paragraph, or after the last
        if _opens_chosen_text(heading, keep[index], chosen, labels):
            merged.append(heading)
    if len(merged) == index:
        return baseline
    merged.extend(keep[index:])
    return Candidate(
        elements=merged, labels=labels, method=baseline.method, chars=_chars(merged, labels)
    )


def _is_section_heading(heading: HtmlElement, labels: Labels) -> bool:
    """Return True when ``heading`` has text, at most ``MAX_PART_HEADING_CHARS`` of it,
    under half of it in links, and is not a recommendation title ("Auch interessant")."""
    st = labels.stats.get(heading)
    if st is None or not 0 < st.text <= MAX_PART_HEADING_CHARS or st.links * 2 >= st.text:
        return False
    return not vocab.opens_with_rec_words(" ".join(text_of(heading).split()))


def _opens_chosen_text(
    heading: HtmlElement, following: HtmlElement, chosen: set[HtmlElement], labels: Labels
) -> bool:
    """Return True when the first thing with text after ``heading`` is another heading (or
    a wrapper holding only one) or holds ``following``, the next chosen paragraph.

    The page is read from the heading's next sibling, or its wrapper's when it has none
    (a page builder's row holds the heading alone), passing over empty spacers. A heading
    over a contact form or a box dropped as furniture names what was dropped; a heading
    inside a chosen paragraph is already read with it.
    """
    node = heading
    for _ in range(HEADING_CLIMB_LEVELS):
        sibling = node.getnext()
        while sibling is not None:
            if sibling in labels.boilerplate:
                return False
            st = labels.stats.get(sibling)
            if st is not None and st.text:
                if sibling is following or _is_part_heading(sibling, st, labels):
                    return True
                return any(anc is sibling for anc in following.iterancestors())
            sibling = sibling.getnext()
        parent = node.getparent()
        if parent is None or parent in chosen:
            return False
        node = parent
    return False


def _hides_prose(candidate: Candidate | None, labels: Labels) -> bool:
    """Return True when a box dropped by its class alone holds several times the text of
    the short ``candidate``, written as prose: worth a relaxed retry (asked of a few pages
    in a hundred; the retry is a second labelling walk)."""
    if candidate is None or candidate.chars >= _SHORT_CANDIDATE_CHARS:
        return False
    stats = labels.stats
    for box in labels.relaxable_boxes:
        st = stats[box]
        if (
            st.text - st.links > _RELAXED_GAIN * candidate.chars
            and st.commas >= _MIN_PROSE_COMMA_RATE * st.text
        ):
            return True
    return False


def _widens_to_prose(candidate: Candidate, retry: Candidate) -> bool:
    """Return True when the relaxed ``retry`` beats a short but not tiny ``candidate``: it
    holds several times its text, written as prose at least as much (commas per
    character; a login dialog's or an ad slot's messages have few), so the article was
    under a furniture name ("sidebar-layout" wrapping the body and its sidebar) and the
    scored container only a part of the page around it (a hero box, a video teaser)."""
    if retry.chars <= _RELAXED_GAIN * candidate.chars:
        return False
    rate = _comma_rate(retry)
    return rate >= _MIN_PROSE_COMMA_RATE and rate >= _comma_rate(candidate)


def _comma_rate(candidate: Candidate) -> float:
    """Return the commas per character of the candidate's elements (their whole text)."""
    stats = [candidate.labels.stats[el] for el in candidate.elements]
    return sum(st.commas for st in stats) / max(1, sum(st.text for st in stats))


def _outweighs_any_baseline(candidate: Candidate) -> bool:
    """Return True when ``candidate`` holds so much text that :func:`prefer_baseline` keeps
    it whatever paragraphs the baseline keeps: measured against every paragraph the
    baseline could choose (nested ones counted twice), its most.

    The baseline drops the paragraphs nested in other chosen ones by looking up each
    paragraph's ancestors; 333 of the 343 trafilatura-eval pages need no baseline.
    """
    if not candidate.elements or candidate.chars < MIN_ARTICLE_CHARS:
        return False
    stats = candidate.labels.stats
    most = 0
    for para in candidate.labels.paragraphs:
        st = stats[para]
        if st.link_density <= MAX_BASELINE_LINK_DENSITY:
            most += st.text - st.links
    return candidate.chars >= MIN_CANDIDATE_SHARE * most


def prefer_baseline(candidate: Candidate | None, baseline: Candidate) -> bool:
    """Return True when the paragraph baseline is a better article than ``candidate``.

    It is when the candidate is missing, or holds too little text both in absolute terms
    and compared to the baseline.
    """
    if candidate is None or not candidate.elements:
        return baseline.chars > 0
    if candidate.chars >= MIN_ARTICLE_CHARS and candidate.chars >= (
        MIN_CANDIDATE_SHARE * baseline.chars
    ):
        return False
    return baseline.chars > candidate.chars * 1.5


def _beats_teaser_stream(candidate: Candidate | None, baseline: Candidate) -> bool:
    """Return True when the scored candidate holds an article's worth of text and loses to
    the paragraph baseline only through paragraphs inside list items: a stream of teasers
    (a headline and its summary per ``<li>``) below the article, which the baseline sweeps
    up (asked only when the baseline would win: a few pages in a hundred). A list item
    that is itself the voter (a ticker's ``<li>`` holding a headline and its summary as
    bare text, no ``<p>``) is such a teaser too."""
    if candidate is None or candidate.chars < MIN_ARTICLE_CHARS:
        return False
    stats = baseline.labels.stats
    listed = sum(
        stats[para].text - stats[para].links
        for para in baseline.elements
        if para.tag == "li" or any(anc.tag == "li" for anc in para.iterancestors())
    )
    return candidate.chars >= MIN_CANDIDATE_SHARE * (baseline.chars - listed)


def _rule_candidate(root: HtmlElement, rule: Any, labels: Labels) -> Candidate | None:
    selected = [el for el in rule.select_content(root) if isinstance(el.tag, str)]
    if not selected:
        return None
    chars = _chars(selected, labels)
    if chars <= 0:
        return None
    return Candidate(elements=selected, labels=labels, method=f"rule:{rule.name}", chars=chars)


def find_main_content(
    root: HtmlElement,
    *,
    comments: bool = False,
    rule: Any = None,
    title: str | None = None,
    attributes: Mapping[HtmlElement, KnownAttributes] | None = None,
    jsonld: Sequence[list[Any]] | None = None,
) -> Candidate:
    """Return the main content of the page under ``root`` (see the module docstring).

    ``attributes``: what an earlier walk read of the elements' attributes (see
    :func:`articlekit.html.clean.label_page`); ``jsonld``: the values of the page's
    JSON-LD scripts, as that walk parsed them (see :func:`declares_article`). Content
    that is a scrap of a much longer page is replaced by the page's own region
    (:func:`page_over_scrap`), unless a site rule chose it.
    """
    found = _cascade(
        root, comments=comments, rule=rule, title=title, attributes=attributes, jsonld=jsonld
    )
    if found.method.startswith("rule:"):
        return found
    return page_over_scrap(root, card_grid_main(found))


#: A ``<main>`` holding at least this many link cards (``<article>`` elements whose text
#: is mostly a link's) is a grid of entries...
MIN_GRID_CARDS: Final = 6
#: ...a card being an ``<article>`` whose text is at least this share link text.
MIN_GRID_CARD_LINK_DENSITY: Final = 0.5


def card_grid_main(found: Candidate) -> Candidate:
    """Return the page's ``<main>``, read as a listing's entries, in place of ``found``
    when the main content is a grid of link cards; else ``found``.

    A category or archive page ("Air Fryer Recipes": an intro, then rows of recipe
    cards) sets each entry in an ``<article>`` that is nothing but a link (a picture, a
    title): the ``<main>`` is link-dense, no container scores, and the paragraph
    baseline keeps the intro and the newsletter box beside it, the entries lost. It is
    such a page when the baseline was read (``found.method``), its first paragraph sits
    in a ``<main>`` more link-dense than ``MAX_MAIN_LINK_DENSITY``, and that ``<main>``
    holds ``MIN_GRID_CARDS`` or more link cards (``MIN_GRID_CARD_LINK_DENSITY``; none in
    a recommendation widget or boilerplate) holding more text than ``found`` does. An
    article's related cards sit beside a body that scores (a scored candidate, never
    the baseline) or inside its ``<article>`` (left alone), and a shop's category
    description over its product grid scores as a container: both are kept as found.
    """
    if found.method != "baseline" or not found.elements:
        return found
    first = found.elements[0]
    main = _main_landmark(first)
    if main is None:
        return found
    labels = found.labels
    st = labels.stats.get(main)
    if st is None or main in labels.boilerplate or st.link_density <= MAX_MAIN_LINK_DENSITY:
        return found
    if any(el.tag == "article" for el in itertools.chain((first,), first.iterancestors())):
        return found
    furniture = labels.boilerplate.union(labels.recommendations)
    cards = card_chars = 0
    for card in main.iter("article"):
        measured = labels.stats.get(card)
        if (
            measured is None
            or not measured.anchors
            or measured.link_density < MIN_GRID_CARD_LINK_DENSITY
        ):
            continue
        if card in furniture or any(box in furniture for box in card.iterancestors()):
            continue
        cards += 1
        card_chars += measured.text
    if cards < MIN_GRID_CARDS or card_chars <= found.chars:
        return found
    chars = _chars([main], labels)
    return Candidate(elements=[main], labels=labels, method=LISTING_ENTRIES, chars=chars)


#: Content found holding fewer characters than this is a scrap (a cookie notice, a
#: banner's line, a dialog's question), not what the page is about...
MAX_SCRAP_CHARS: Final = 200
#: ...when the page's body, boilerplate left out, holds at least this many times as much
#: text (and as much times 20 characters, for content holding next to nothing).
MIN_PAGE_OVER_SCRAP: Final = 10
#: The method of :func:`page_over_scrap`'s candidate.
PAGE_OVER_SCRAP: Final = "page"


def page_over_scrap(root: HtmlElement, found: Candidate) -> Candidate:
    """Return ``found``, or the page's region when ``found`` is a scrap of the page.

    A listing whose entries are all links (a blog's home of linked cards, a grid of
    products, a board of events) leaves nothing the scorer counts as text: its entries
    are link-dense and vote for nothing, and the cascade ends on the one short run of
    plain text left (a cookie notice, a promotion banner, a cart dialog's question).
    When ``found`` holds under ``MAX_SCRAP_CHARS`` characters and the ``<body>``, its
    boilerplate left out, ``MIN_PAGE_OVER_SCRAP`` times as much text, the page's first
    ``<main>`` holding that much (not boilerplate) is read, else the body, boilerplate
    (navigation, header, footer, hidden boxes) still left out. Asked only of such
    scraps: an article's content holds more, and no other page walks for a ``<main>``.
    """
    if found.chars >= MAX_SCRAP_CHARS:
        return found
    labels = found.labels
    body = root.find("body")
    if body is None:
        return found
    need = MIN_PAGE_OVER_SCRAP * max(found.chars, 20)
    st = labels.stats.get(body)
    if st is None or st.text < need or body in labels.boilerplate:
        return found
    region = body
    for main in root.iter("main"):
        measured = labels.stats.get(main)
        if measured is not None and measured.text >= need and main not in labels.boilerplate:
            region = main
            break
    chars = _chars([region], labels)
    return Candidate(elements=[region], labels=labels, method=PAGE_OVER_SCRAP, chars=chars)


def _cascade(
    root: HtmlElement,
    *,
    comments: bool = False,
    rule: Any = None,
    title: str | None = None,
    attributes: Mapping[HtmlElement, KnownAttributes] | None = None,
    jsonld: Sequence[list[Any]] | None = None,
) -> Candidate:
    """Return the content :func:`find_main_content`'s fallback cascade finds (its
    arguments)."""
    drop: set[HtmlElement] = set()
    forced: set[HtmlElement] = set()
    if rule is not None:
        drop = set(rule.select_drop(root))
        forced = set(rule.select_recommendations(root))
    labels = label_page(
        root, comments=comments, drop=drop, recommendations=forced, attributes=attributes
    )
    # a thread's posts in boxes named "discussion": not furniture on a discussion page;
    # on a forum thread its replies, named as comments by the engine, are kept too
    discussion = labels.discussion_boxes and is_discussion_page(root)
    is_thread = _ThreadTest(root, jsonld)
    thread = labels.comment_boxes and not comments and is_thread(labels)
    if discussion or thread:
        comments = comments or thread
        labels = label_page(
            root,
            comments=comments,
            discussion=discussion,
            drop=drop,
            recommendations=forced,
            attributes=attributes,
        )
        labels.thread = thread
    _drop_thread_posters(labels, is_thread)
    # 1. site rule
    if rule is not None:
        found = _rule_candidate(root, rule, labels)
        if found is not None:
            return found
    # 2. scored container
    candidate = _scored(root, labels, "scored", title, jsonld, is_thread)
    # 3. relaxed retry (when relaxing would change a label at all)
    short = candidate is None or candidate.chars < MIN_ARTICLE_CHARS
    if labels.relaxable and (short or _hides_prose(candidate, labels)):
        relaxed = label_page(
            root,
            comments=comments,
            discussion=discussion,
            relaxed=True,
            drop=drop,
            recommendations=forced,
            attributes=attributes,
        )
        relaxed.thread = labels.thread
        _drop_thread_posters(relaxed, is_thread)
        retry = _scored(root, relaxed, "relaxed", title, jsonld, is_thread)
        if (
            retry is not None
            and not in_consent_manager(retry.elements)
            and (
                candidate is None
                or (retry.chars > candidate.chars if short else _widens_to_prose(candidate, retry))
            )
        ):
            candidate = retry
    # 3b. a thread whose every post its engine names as a comment, the page undeclared
    if labels.comment_boxes and not comments and not labels.thread and _thin(candidate):
        posts = _comment_thread(root, labels, candidate, title, jsonld, drop, forced, attributes)
        if posts is not None:
            return posts
    # 4. paragraph baseline
    if candidate is not None and _outweighs_any_baseline(candidate):
        return candidate
    baseline = _baseline(candidate.labels if candidate is not None else labels)
    if prefer_baseline(candidate, baseline) and not _beats_teaser_stream(candidate, baseline):
        return with_section_headings(with_list_items(baseline))
    if candidate is None:
        # 5. picture article
        pictures = picture_article(root, labels)
        if pictures is not None:
            return Candidate(elements=[pictures], labels=labels, method="pictures", chars=0)
        # 6. short page
        short_page = short_page_body(root, labels)
        if short_page is not None:
            return short_page
        return Candidate(elements=[], labels=labels, method="empty", chars=0)
    return candidate


# The class or id of a cookie or consent manager's box (its banner, its preference centre).
CONSENT_MANAGER_CLASS: Final = re.compile(
    r"consent|gdpr|onetrust|didomi|cookiebot|usercentrics|truste-|qc-cmp"
    r"|cookie[-_]?(?:banner|notice|bar|law|settings|preferences|policy|popup|modal|dialog)"
)


def in_consent_manager(elements: Sequence[HtmlElement]) -> bool:
    """Return True when one of ``elements`` stands in (or is) a cookie or consent
    manager's box (:data:`CONSENT_MANAGER_CLASS`; ``<body>`` and ``<html>`` aside).

    The relaxed retry looks for an article hidden under a furniture name; a consent
    manager's preference centre, its eight purposes described in 9,000 characters, is
    never it, though it outweighs a listing's short text (a recipe category's cards).
    Only the retry's few elements and their ancestors are read.
    """
    for el in elements:
        for box in itertools.chain((el,), el.iterancestors()):
            if box.tag in ("body", "html"):
                break
            names = class_id(box)
            if names and CONSENT_MANAGER_CLASS.search(names):
                return True
    return False


@attrs.define
class _ThreadTest:
    """Whether the page is a forum thread (:func:`is_thread_page`), asked of each
    labelling of one page (:func:`find_main_content` asks up to four times).

    Read from what the walks found when ``jsonld`` is known (no walk of the tree): the
    microdata item types the labelling walk met (:data:`Labels.declared`), the JSON-LD
    the metadata walk parsed, the classes of ``<html>`` and ``<body>``. What no labelling
    changes (that JSON-LD and those classes, or :func:`discussion_kind`'s walk without
    ``jsonld``) is worked out once. A page that declares and names nothing is a thread
    when its poster boxes print members' join dates or post counts
    (:func:`has_member_posters`)."""

    root: HtmlElement
    jsonld: Sequence[list[Any]] | None
    _kind: str | None = None

    def __call__(self, labels: Labels) -> bool:
        """Return True when the page that ``labels`` label is a forum thread."""
        if labels.thread:
            return True
        if self.jsonld is not None and labels.declared is not None:
            return labels.declared == THREAD_PAGE
        if self._kind is None:
            self._kind = self._page_kind()
        if self._kind:
            return self._kind == THREAD_PAGE
        return bool(labels.poster_boxes) and has_member_posters(labels)

    def _page_kind(self) -> str:
        """Return :data:`THREAD_PAGE` or :data:`QA_PAGE` when the page declares or names
        its kind, else an empty string."""
        if self.jsonld is None:
            return discussion_kind(self.root) or ""
        types = _main_jsonld_types(self.jsonld)
        if vocab.QA_PAGE_TYPE in types:
            return QA_PAGE
        if vocab.THREAD_PAGE_TYPE in types or names_thread(self.root):
            return THREAD_PAGE
        return ""


def _drop_thread_posters(labels: Labels, is_thread: _ThreadTest) -> None:
    """Label the poster boxes of ``labels`` boilerplate when the page is a forum thread
    (:func:`drop_poster_boxes`)."""
    if labels.poster_boxes and is_thread(labels):
        drop_poster_boxes(labels)


# A page whose content outside its comment boxes is at most this many characters (a
# thread's title and header, or a short opening post)...
MAX_THIN_CHARS: Final = 500
# ...is read as a thread of its comments when they give this many times that text...
MIN_THREAD_GAIN: Final = 8
# ...and lie inside what was found, unless that was a title or header of at most this
# many characters (no paragraph of an article).
MAX_HEADER_CHARS: Final = 150


def _thin(candidate: Candidate | None) -> bool:
    """Return True when ``candidate`` (the content found with comment sections left out)
    is none or holds at most :data:`MAX_THIN_CHARS` characters."""
    return candidate is None or candidate.chars <= MAX_THIN_CHARS


def _comment_thread(
    root: HtmlElement,
    labels: Labels,
    candidate: Candidate | None,
    title: str | None,
    jsonld: Sequence[list[Any]] | None,
    drop: set[HtmlElement],
    forced: set[HtmlElement],
    attributes: Mapping[HtmlElement, KnownAttributes] | None,
) -> Candidate | None:
    """Return a forum thread's posts when its engine names every post as a comment and
    the page declares no thread, else None.

    Such a page (``<article class="ipsComment">`` for each post, the opening one
    included; an opening post over "commentthread_comment" replies) gives next to nothing
    with its comment sections left out: a title, a header, a short opening post
    (:func:`_thin`). The page is labelled again with them kept, as a thread
    (:data:`Labels.thread`, poster boxes out), and the posts found so are the content
    when they hold :data:`MIN_THREAD_GAIN` times the text found before and either that
    text was a title or header (:data:`MAX_HEADER_CHARS` at most) or the posts lie
    inside it (the comment boxes were part of the box found: a thread's frame, not an
    article's). A short article's comments lie beside its text box, and stay out. The
    second walk is made only when the comment sections held that much text
    (:data:`Labels.comment_chars`)."""
    before = 0 if candidate is None else candidate.chars
    if labels.comment_chars + before < max(MIN_ARTICLE_CHARS, MIN_THREAD_GAIN * before):
        return None
    kept = label_page(root, comments=True, drop=drop, recommendations=forced, attributes=attributes)
    kept.thread = True
    if kept.poster_boxes:
        drop_poster_boxes(kept)
    posts = _scored(root, kept, "thread", title, jsonld)
    if candidate is None:
        return posts if posts is not None and posts.chars >= MIN_ARTICLE_CHARS else None
    if posts is None or posts.chars < max(MIN_ARTICLE_CHARS, MIN_THREAD_GAIN * candidate.chars):
        return None
    if candidate.chars <= MAX_HEADER_CHARS or _inside(posts.elements, candidate.elements):
        return posts
    return None


def _inside(elements: Sequence[HtmlElement], boxes: Sequence[HtmlElement]) -> bool:
    """Return True when each of ``elements`` is one of ``boxes`` or lies inside one."""
    within = set(boxes)
    return all(el in within or any(anc in within for anc in el.iterancestors()) for el in elements)


def _main_jsonld_types(jsonld: Sequence[list[Any]]) -> set[str]:
    """Return the ``@type`` names (without a vocabulary URL) of the page's main JSON-LD
    nodes: each script's top-level objects, the objects of their ``@graph`` and their
    ``mainEntity``, where a page declares its kind (not every nested object, as
    :func:`articlekit.verdict.jsonld_value_types` reads: a quick test)."""
    types: set[str] = set()
    nodes: list[Any] = [value for values in jsonld for value in values]
    for node in nodes:
        if isinstance(node, list):
            nodes.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        types.update(jsonld_type_names(node))
        for key in ("@graph", "mainEntity"):
            inner = node.get(key)
            if isinstance(inner, (list, dict)):
                nodes.append(inner)
    return types


def short_page_body(root: HtmlElement, labels: Labels) -> Candidate | None:
    """Return the page's ``<body>`` as the content when no element scored and no paragraph
    is long enough for the baseline (every run of text under ``MIN_PARAGRAPH_CHARS``), yet
    the body holds text outside boilerplate: a short note, a one-line page, a snippet. Its
    text is the page's whole content; returning nothing would lose it. Boilerplate inside
    the body (navigation, hidden boxes) stays dropped. None when the body holds no such
    text, or when its text is mostly links (``MAX_BASELINE_LINK_DENSITY``, as for a
    baseline paragraph): a page of short linked lines is a menu or a grid of link cards,
    not a note."""
    body = root.find("body")
    if body is None:
        body = root
    st = labels.stats.get(body)
    if st is None or st.text - st.links <= 0 or st.link_density > MAX_BASELINE_LINK_DENSITY:
        return None
    chars = st.text - st.links
    return Candidate(elements=[body], labels=labels, method=SHORT_PAGE, chars=chars)


#: The method of :func:`short_page_body`'s candidate.
SHORT_PAGE: Final = "short-page"


def picture_article(root: HtmlElement, labels: Labels) -> HtmlElement | None:
    """Return the page's first ``<article>`` or ``<main>`` that holds images, else None.

    Asked only when no element holds article text: such a page may still be an article
    made of pictures under headings (a photo post, a comic strip), which a reader wants
    as its headings and figures rather than as nothing.
    """
    skip = labels.boilerplate
    for el in root.iter("article", "main"):
        st = labels.stats.get(el)
        if st is None or not st.flags & FLAG_IMG or el in skip:
            continue
        if any(anc in skip for anc in el.iterancestors()):
            continue
        return el
    return None


def holds_main(labels: Labels, el: HtmlElement) -> bool:
    """Return True when ``el`` holds an explicit article marker."""
    st = labels.stats.get(el)
    return st is not None and bool(st.flags & FLAG_MAIN)
