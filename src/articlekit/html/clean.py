"""Label every element of a page in one walk: content, recommendations or boilerplate.

Nothing is deleted: labels live in sets and dicts keyed by element, so the tree keeps its
original shape (and block provenance paths stay true to the page). The same walk measures
each element (text length, link text length, commas, links) for scoring, in one
post-order pass, so no later stage calls ``text_content()`` on a candidate.

Two kinds of boilerplate:

* **hard** - decided when the walk enters the element (hidden-by-tag furniture such as
  ``<form>`` or an element a site rule drops); its subtree is never walked;
* **soft** - decided when the walk leaves the element, knowing what it held: a ``<nav>``,
  ``<aside>``, ``<footer>``, a class such as ``sidebar`` or a hidden element is dropped
  unless it holds the article (an ``<article>``, ``<main>``, an ``h1`` or an article-body
  class), and becomes a recommendation block instead when it turns out to be one.

Recommendation blocks are labelled before anything is dropped, so that a "Related
articles" list inside an ``<aside>`` survives as a ``Recommendations`` block.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Final, NamedTuple

from lxml.html import HtmlElement

from articlekit.html import vocab
from articlekit.html.labels import Labels
from articlekit.html.tree import text_of

__all__ = [
    "FLAG_BLOCK",
    "FLAG_H1",
    "FLAG_IMG",
    "FLAG_MAIN",
    "FLAG_MAIN_BODY",
    "FLAG_MATH",
    "FLAG_TABLE",
    "QA_PAGE",
    "THREAD_PAGE",
    "Kind",
    "Labels",
    "Stats",
    "boilerplate_kind",
    "class_id",
    "discussion_kind",
    "drop_poster_boxes",
    "has_hiding_utility_class",
    "has_member_posters",
    "is_callout_aside",
    "is_discussion_page",
    "is_equation_box",
    "is_hidden",
    "is_placed_on_picture",
    "is_placeholder_widget",
    "is_slug_id",
    "is_teaser_card",
    "is_thread_page",
    "is_titled_link_list",
    "label_page",
    "looks_like_rec_container",
    "looks_like_rec_widget",
    "names_thread",
]


#: The element holds a block-level descendant (so it is a container, not a paragraph).
FLAG_BLOCK: Final = 1
#: The element holds the article: an <article>, <main> or an article-body class.
FLAG_MAIN: Final = 2
#: The element holds an <h1>.
FLAG_H1: Final = 4
#: The element holds an image.
FLAG_IMG: Final = 8
#: The element holds an equation (MathML ``<math>``).
FLAG_MATH: Final = 16
#: The element holds the article's body: FLAG_MAIN, less a teaser card drawn as an
#: ``<article>`` or its excerpt marked as an article body (at most MAX_TEASER_CHARS of
#: text: a related-stories widget lists its cards so; see is_card_part). Only the
#: recommendation tests read it.
FLAG_MAIN_BODY: Final = 32
#: The element holds a ``<table>``.
FLAG_TABLE: Final = 64
# A link holding any of these keeps its own measurements even inside a paragraph (block
# rendering and candidate scoring read them); an image alone does not need them.
_KEPT_LINK_FLAGS: Final = FLAG_BLOCK | FLAG_MAIN | FLAG_H1

# Shortest text (characters) a paragraph-like element needs to vote for its ancestors.
# Readability's value; lowering it to 15 on the trafilatura dev set let menus vote.
MIN_PARAGRAPH_CHARS: Final = 25
# A box marked role="tablist" that holds this much text, in paragraphs, with few links is
# an accordion of panels, not a strip of tab labels (see holds_tab_panels).
MIN_TAB_PANELS_CHARS: Final = 200
MAX_TAB_PANELS_CHARS: Final = 5000
MAX_TAB_PANELS_LINK_DENSITY: Final = 0.5
# Text written straight into a container (not in a <p>) votes like a paragraph from this
# many characters; higher than MIN_PARAGRAPH_CHARS since "Posted by x | 3 comments" lines
# are loose text too.
MIN_LOOSE_TEXT_CHARS: Final = 100
# An id with this many hyphens is a slug of a title, not a role name.
MIN_SLUG_HYPHENS: Final = 3
# A <form> with this much text (characters) holds prose, not just input labels.
MIN_FORM_TEXT_CHARS: Final = 400
# ...but a form asking for an e-mail address with at most this much text is a sign-up form.
MAX_SIGNUP_FORM_CHARS: Final = 1500
# A content gate's box holds the article (not the prompt to subscribe) from this many
# paragraphs of prose (each at least MIN_GATED_PROSE_CHARS long) and characters of text,
# with at most this share of link text. A prompt is short lines, offers and a button (a
# German regional paper's prompt had one line over 100 characters).
MIN_GATED_PARAGRAPHS: Final = 3
MIN_GATED_PROSE_CHARS: Final = 100
MIN_GATED_CHARS: Final = 600
MAX_GATED_LINK_SHARE: Final = 0.2
# A list named after advertising ("dynamic-ad-container": the ads a script injects between
# its items) is the page's listing, not an ad slot, from this many items of its own and
# this much text (characters): an ad slot holds one ad, a text-ad unit three or four.
MIN_AD_NAMED_LIST_ITEMS: Final = 10
MIN_AD_NAMED_LIST_CHARS: Final = 1000
# A recommendation container: at least this share of its text is link text...
MIN_REC_LINK_SHARE: Final = 0.3
# ...and it is not longer than this (a longer block is an article or a listing page).
MAX_REC_CHARS: Final = 5000
# A teaser card holds at most this much text (characters; a site that names its article
# "teaser..." holds more) and at least this share of link text (its linked title).
MAX_TEASER_CHARS: Final = 500
MIN_TEASER_LINK_SHARE: Final = 0.15
# A card inside a paragraph's text (clean.is_card_in_text): a <span> holding a picture
# and at least this many links...
MIN_CARD_IN_TEXT_LINKS: Final = 3
# ...which make at least this share of its text (a person's hover card: the name and the
# titles of their latest articles, all links; a span wrapping a whole paragraph that
# holds a picture and a few links has far more plain text).
MIN_CARD_IN_TEXT_LINK_SHARE: Final = 0.5
# (Measured on both corpora and the outside set, 654 pages: 2 or 4 links, and any share
# from 0.05 to 0.7, give the same output on every page; 1 link changes two pages, whose
# pictures with a single link are a paragraph's own. The hover cards seen hold 5 links or
# more and are nearly all link text, so both values sit well inside the plateau.)
# A recommendation title is a short label, not a sentence.
MAX_REC_TITLE_CHARS: Final = 60

_HARD_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "iframe", "frame",
        "frameset", "object", "embed", "applet", "canvas", "map", "audio", "video",
        "button", "select", "input", "textarea", "option", "datalist", "dialog", "nav",
        "head", "title", "link", "meta", "base", "area", "track", "param",
    }
)  # fmt: skip
# Elements read as a whole by the block builder, not walked: an equation (MathML) is one
# inline of its paragraph (its TeX or its visible text), neither measured nor boilerplate,
# so its markup (<mi>, <mo> ...) never votes or counts as text of the page.
_OPAQUE_TAGS = frozenset({"math"})
# ASP.NET pages wrap the whole page in one <form>, so a form is only dropped when it
# turns out not to hold the article.
_SOFT_TAGS = frozenset({"footer", "aside", "form", "menu"})
_MAIN_TAGS = frozenset({"article", "main"})
_HEADING_TAGS: Final = vocab.HEADING_TAGS  # (a module global: one look-up an element, not two)
_TEXT_TAGS = vocab.HEADING_TAGS | {"p"}
# Inline elements whose own measurements nobody reads (spans and links are read).
_PLAIN_INLINE = frozenset(
    {
        "b", "i", "em", "strong", "small", "sup", "sub", "abbr", "time", "img", "br", "u",
        "s", "mark", "cite", "q", "code", "kbd", "wbr", "strike", "del", "ins", "tt", "var",
        "dfn", "bdi", "bdo", "nobr", "samp", "source",
    }
)  # fmt: skip
_BLOCK_TAGS = vocab.BLOCK_TAGS
_PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "blockquote", "dd"})
_LIST_TAGS: Final = frozenset({"ul", "ol"})
# Inline elements do not vote on their own (their paragraph does); any other element
# without block descendants is a paragraph, whatever its tag (custom elements included).
_INLINE_VOTERS_EXCLUDED = (
    (vocab.INLINE_TAGS - {"span", "font"})
    | vocab.HEADING_TAGS
    | {"ul", "ol", "dl", "tr", "tbody", "thead", "table", "body", "html", "th"}
)
# (an <article> too: a related-stories box drawn as one, short enough to be a card and
# not the article's body, see is_card_part; looks_like_rec_container asks for that)
_REC_CONTAINER_TAGS = frozenset(
    {"div", "section", "aside", "nav", "ul", "ol", "footer", "header", "dl", "table", "td",
     "article"}
)  # fmt: skip
_NEVER_REC_TAGS = frozenset({"html", "body", "main"})


class Kind(enum.Enum):
    """What a labelled element is."""

    CONTENT = "content"
    RECOMMENDATIONS = "recommendations"
    BOILERPLATE = "boilerplate"


class Stats(NamedTuple):
    """Measurements of one element's subtree, boilerplate excluded.

    A named tuple, not an attrs class: the labelling walk makes one for ~550 elements a
    page, and ``tuple.__new__`` (see ``_new_stats``) makes it in C, without the Python
    ``__init__`` an attrs class runs (instruction counts: docs/extraction.md, Speed).
    """

    text: int = 0  # characters of text (each text run stripped)
    links: int = 0  # characters of text inside <a>
    commas: int = 0
    flags: int = 0
    anchors: int = 0  # number of <a href> elements

    @property
    def link_density(self) -> float:
        """Share of the text that is link text, 0.0-1.0."""
        return self.links / self.text if self.text else 0.0


# Stats(text, links, commas, flags, anchors) without a Python-level call
_new_stats: Final = tuple.__new__


def class_id(el: HtmlElement) -> str:
    """Return the element's ``class`` and ``id`` values, lower-cased, joined by a space.

    An id that is a slug of a heading ("sharing-with-a-single-developer") names the
    section's topic, not its role, and is left out.
    """
    cls = el.get("class")
    ident = el.get("id")
    if ident and is_slug_id(ident, el):
        ident = None
    if cls is None:
        return ident.lower() if ident else ""
    return f"{cls} {ident}".lower() if ident else cls.lower()


def is_slug_id(ident: str, el: HtmlElement) -> bool:
    """Return True when the id is a slug of a title rather than the name of a role.

    A slug has many hyphens ("sharing-with-a-single-developer"), or it spells the
    element's own text ("Eich_CEO_promotion_controversy" on the heading anchor that says
    "Eich CEO promotion controversy"): its words tell the topic, and "promotion" there is
    no promo box.
    """
    if ident.count("-") >= MIN_SLUG_HYPHENS:
        return True
    if "_" not in ident and "-" not in ident:
        return False
    own: str | None = el.text
    if not own:
        return False
    words = ident.replace("_", " ").replace("-", " ").split()
    return [w.casefold() for w in words] == own.casefold().split()


def is_hidden(el: HtmlElement, names: str) -> bool:
    """Return True when the element is not rendered (``hidden``, ``aria-hidden``, CSS, class)."""
    if el.get("hidden") is not None:
        return True
    if el.get("aria-hidden") == "true" and not is_collapsed_panel(el):
        return True
    style = el.get("style")
    if style and vocab.is_hiding_style(style):
        return True
    if not names:
        return False
    return vocab.HIDDEN_CLASS.search(names) is not None or has_hiding_utility_class(names)


def has_hiding_utility_class(names: str) -> bool:
    """Return True when ``names`` (class and id, lower-cased) hold the CSS frameworks'
    ``hidden`` utility class (``display: none`` in Bootstrap and Tailwind) and no
    breakpoint variant that shows the element again (Tailwind's ``hidden md:block``).

    Seen holding a duplicate "updated" date (``<time class="updated hidden">``), a topic
    list (``<ul id="topics" class="hidden">``) and a horizontal rule on three sites.
    """
    tokens = names.split()
    return "hidden" in tokens and not any(":" in token for token in tokens)


def is_placed_on_picture(style: str) -> bool:
    """Return True for a box a graphics tool placed on a picture at fractional percentages
    of its size (``top:4.8869%;left:96.5906%``): a chart's label ("$915", "billion"), text
    of the picture rather than of the article; left out like a hidden element."""
    return (
        "%" in style
        and vocab.PLACED_STYLE_TOP.search(style) is not None
        and vocab.PLACED_STYLE_SIDE.search(style) is not None
    )


# Furniture tags the parser may nest the rest of the page in: read as soft boxes when they
# hold the page's main content (see holds_swallowed_page).
_SWALLOWING_TAGS: Final = frozenset({"nav", "button"})
# Roles of an accordion's or a tab strip's panel (see is_collapsed_panel).
_PANEL_ROLES: Final = frozenset({"region", "tabpanel"})
_TRANSCRIPT: Final = "transcript"


def holds_swallowed_page(el: HtmlElement, page_prose: Callable[[], int] | None = None) -> bool:
    """Return True for a ``<nav>`` or ``<button>`` that holds the page's main content: the
    parser nested the page in it. libxml2 lets an unclosed ``<div>`` in a menu item swallow
    the item's ``</li>``, and one in a menu button the ``</button>`` (a browser closes
    both), so the rest of the page, article included, ends up inside the menu or the
    button. The main content shows as a ``<main>``, an element of ``role="main"`` or an
    ``<article>`` holding an ``<h1>`` (a menu's teaser cards are ``<article>`` elements without
    one), or, where the page marks none of them, as the page's prose: at least
    ``MIN_SWALLOWED_PROSE`` paragraphs of ``PROSE_PARAGRAPH_CHARS`` or more, and at least
    half of the page's (``page_prose``: the page's count, asked at most once a page; a
    menu's descriptions are a line each). Such an element is read as a soft box, kept for
    the article it holds, instead of being left out unread."""
    if next(el.iter("main", "article", "h1"), None) is None:
        return False  # (nearly every menu and button: one walk of its subtree in C)
    if next(el.iter("main"), None) is not None:
        return True
    if any(sub.get("role") == "main" for sub in el.iter()):
        return True
    if any(next(article.iter("h1"), None) is not None for article in el.iter("article")):
        return True
    if page_prose is None:
        return False
    held = prose_paragraphs(el)
    return held >= MIN_SWALLOWED_PROSE and 2 * held >= page_prose()


#: A ``<p>`` of at least this many characters is prose (a menu's description is shorter).
PROSE_PARAGRAPH_CHARS: Final = 150
#: Paragraphs of prose that make a menu holding the page's ``<h1>`` a swallowed page.
MIN_SWALLOWED_PROSE: Final = 5


def prose_paragraphs(el: HtmlElement) -> int:
    """Return how many ``<p>`` under ``el`` hold ``PROSE_PARAGRAPH_CHARS`` or more."""
    return sum(1 for p in el.iter("p") if len(text_of(p)) >= PROSE_PARAGRAPH_CHARS)


# A class token naming a callout (an admonition): the box a tutorial, a documentation
# page or an article sets apart in its text, "Note", "Warning", "Tip", "Key facts"
# (Sphinx and MkDocs ``admonition note``, MDN's ``notecard``, ``callout callout-info``).
# Only ``<aside>`` needs it: the ``<div>`` forms were never furniture by their tag.
_CALLOUT_CLASS: Final = re.compile(
    r"(?:^|\s)(?:callout|admonition|notecard|note|tip|hint|warning|caution|important"
    r"|danger|attention)(?:$|[\s_-])",
    re.IGNORECASE,
)


def is_callout_aside(el: HtmlElement) -> bool:
    """Return True for an ``<aside>`` whose class names a callout (``class="note"``,
    ``"callout callout-info"``, ``"admonition warning"``): the article's own Note or
    Warning, not a sidebar, so it is not left out as a soft box for its tag. A class
    naming furniture as well ("newsletter note", "ad-callout") still makes it furniture:
    the vocabulary's bits decide that as for any box."""
    cls = el.get("class")
    return cls is not None and _CALLOUT_CLASS.search(cls) is not None


def boilerplate_kind(tag: str, names: str, role: str | None, *, comments: bool) -> str | None:
    """Return why an element looks like page furniture by tag, role or class/id, else None.

    The answer is ``"tag"``, ``"role"``, ``"class"`` (unlikely, but overruled by a content
    hint) or ``"strong-class"`` (furniture even when the class also says content).
    """
    if tag in _SOFT_TAGS:
        return "tag"
    if role is not None and role in vocab.BOILERPLATE_ROLES:
        return "role"
    if not names:
        return None
    if vocab.MAIN_CONTENT.search(names):
        return None
    strong = vocab.STRONG_BOILERPLATE.search(names)
    if strong is not None and not (comments and vocab.COMMENT_CLASS.search(strong.group(0))):
        return "strong-class"
    unlikely = vocab.UNLIKELY_CLASS.search(names)
    if unlikely is not None and not (comments and vocab.COMMENT_CLASS.search(unlikely.group(0))):
        if vocab.CONTENT_HINT.search(names):
            return None
        return "class"
    return None


def looks_like_rec_widget(tag: str, names: str) -> bool:
    """Return True when the class/id names a recommendation widget (related, taboola, ...)."""
    if tag in _NEVER_REC_TAGS or not names:
        return False
    # the labelling walk's own test: a token naming both ("related-post-content") is a teaser
    return bool(_names_info(names, False) & _I_REC)


def looks_like_rec_container(stats: Stats, first_text: str | None) -> bool:
    """Return True for a link-heavy block that opens with a title like "Related articles"."""
    if stats.anchors < 1 or stats.text > MAX_REC_CHARS or stats.flags & (FLAG_MAIN_BODY | FLAG_H1):
        return False
    if not first_text or len(first_text) > MAX_REC_TITLE_CHARS:
        return False
    body = stats.text - len(first_text)
    if body <= 0 or stats.links < MIN_REC_LINK_SHARE * body:
        return False
    # (the title regex last: the labelling walk asks this of every container with a link)
    return vocab.opens_with_rec_words(first_text)


# A box of teaser cards under a recommendation title (holds_titled_cards): at least this
# many cards, holding at least this share of the box's text besides the title.
MIN_TITLED_CARDS: Final = 2
MIN_TITLED_CARD_SHARE: Final = 0.8
# A card's class names a card or a teaser ("Teaser", "c-card", "post-card")
_CARD_CLASS: Final = re.compile(r"card|teaser(?!-?text|__)")


def holds_titled_cards(
    el: HtmlElement, stats: Stats, first_text: str | None, measured: Mapping[HtmlElement, Stats]
) -> bool:
    """Return True for a box of teaser cards under a recommendation title of its own.

    A template prints "Mehr zum Thema" or "Related articles" as the box's heading, then a
    grid of cards: each an ``<article>`` or a box named after a card or a teaser, holding
    a picture, the other article's headline, its date, a summary of a few lines and a
    "read more" link. The summaries are text, not links, so the box is short of
    :func:`looks_like_rec_container`'s link share, and each card short of
    :func:`is_teaser_card`'s. The box opens with a whole recommendation title (at most
    ``MAX_REC_TITLE_CHARS``; "See also" over an encyclopedia's list is the article's),
    holds no ``<h1>`` or article body, at most ``MAX_REC_CHARS``, and at least
    ``MIN_TITLED_CARDS`` cards (``measured``: the walk's measurements; each with a link,
    at most ``MAX_TEASER_CHARS``, no article body) hold at least
    ``MIN_TITLED_CARD_SHARE`` of its text besides the title.
    """
    if (
        stats.anchors < MIN_TITLED_CARDS
        or stats.text > MAX_REC_CHARS
        or stats.flags & (FLAG_MAIN_BODY | FLAG_H1)
        or not first_text
        or len(first_text) > MAX_REC_TITLE_CHARS
    ):
        return False
    body = stats.text - len(first_text)
    if body <= 0 or stats.links >= MIN_REC_LINK_SHARE * body:
        return False  # (a box that links enough is looks_like_rec_container's to judge)
    if not vocab.is_rec_phrase(first_text) or vocab.SEE_ALSO.match(first_text):
        return False
    cards = card_chars = 0
    stack = list(el)
    while stack:
        node = stack.pop()
        if not isinstance(node.tag, str):
            continue
        known = measured.get(node)
        if known is None or not known.text:
            continue
        if (
            known.anchors
            and known.text <= MAX_TEASER_CHARS
            and not known.flags & (FLAG_MAIN_BODY | FLAG_H1)
            and (node.tag == "article" or _CARD_CLASS.search(class_id(node)))
        ):
            cards += 1
            card_chars += known.text
            continue
        stack.extend(node)
    return cards >= MIN_TITLED_CARDS and card_chars >= MIN_TITLED_CARD_SHARE * body


# A recommendation widget whose script has not filled it: no link, this many list items
# or more, and at most this much text (a heading and a placeholder letter an item).
MIN_PLACEHOLDER_ITEMS: Final = 3
MAX_PLACEHOLDER_CHARS: Final = 100


def is_placeholder_widget(el: HtmlElement, stats: Stats) -> bool:
    """Return True for a recommendation widget (named so: "recommended-reading",
    "related-threads") whose items are empty placeholders a script fills in the browser:
    it holds no link, :data:`MIN_PLACEHOLDER_ITEMS` list items or more and at most
    :data:`MAX_PLACEHOLDER_CHARS` characters ("Related Threads" over twenty items each
    holding an avatar's "?"). It names no item, so it is no Recommendations block, and its
    text is no part of the article. Asked only of a widget with no link left in its
    measurements; one whose items were taken as recommendations of their own (each a
    "most-read-widget-item" with its link) holds links, and is none."""
    if stats.anchors or stats.text > MAX_PLACEHOLDER_CHARS or stats.flags & FLAG_H1:
        return False
    items = 0
    for node in el.iter("li", "a"):
        if node.tag == "a":
            return False
        items += 1
    return items >= MIN_PLACEHOLDER_ITEMS


# A list of links under a recommendation title: at least this share of its text is link
# text (as blocks._heading_rec asks of a list under such a heading in the body).
MIN_TITLED_LIST_LINK_SHARE: Final = 0.5


def is_titled_link_list(
    el: HtmlElement, stats: Stats, measured: Mapping[HtmlElement, Stats]
) -> bool:
    """Return True for a list of links whose title stands just before it, outside it.

    A template prints "Mehr zum Thema" in a box of its own, then the list of links
    (``<div class="more-header">Mehr zum Thema</div><div class="divider"></div><ul>``),
    inside a footer or a sidebar whose first text is something else ("Kommentare"), so
    neither the box nor the list opens with the title (:func:`looks_like_rec_container`).
    The list is at most ``MAX_REC_CHARS`` long, at least ``MIN_TITLED_LIST_LINK_SHARE``
    link text, holds no ``<h1>`` or article body, and the nearest earlier sibling with
    text (``measured``: the walk's measurements of the siblings before it) is a title of
    at most ``MAX_REC_TITLE_CHARS`` characters without a link, not a ``<p>`` (the block
    builder judges a paragraph over a list), a recommendation title
    whole ("Mehr zum Thema", "Related articles:"; a heading that only opens with the
    words, "Popular Brands", heads a shop's menu). An encyclopedia's "See also" over its
    list is the article's own (``vocab.SEE_ALSO``). A title that opens the list's parent
    leaves the parent to be judged whole (:func:`_opens_parent`).
    """
    if (
        stats.text > MAX_REC_CHARS
        or stats.links < MIN_TITLED_LIST_LINK_SHARE * stats.text
        or stats.flags & (FLAG_MAIN_BODY | FLAG_H1)
    ):
        return False
    prev = el.getprevious()
    while prev is not None:
        if prev.tail and prev.tail.strip():
            return False  # text between the title and the list
        if isinstance(prev.tag, str) and prev.tag not in _HARD_TAGS:  # (never shown)
            known = measured.get(prev)
            if known is not None and (known.text > MAX_REC_TITLE_CHARS or known.anchors):
                return False
            if known is None or known.text:
                return _is_list_title(prev) and not _opens_parent(prev, measured)
        prev = prev.getprevious()
    return False


def _opens_parent(el: HtmlElement, measured: Mapping[HtmlElement, Stats]) -> bool:
    """Return True when ``el`` holds its parent's first text: the parent opens with the
    title, and is judged whole as a widget (:func:`looks_like_rec_container`: a box of a
    heading, a list and a "more" link is one widget, the link with it)."""
    parent = el.getparent()
    if parent is None or (parent.text and parent.text.strip()):
        return False
    sib = el.getprevious()
    while sib is not None:
        if sib.tail and sib.tail.strip():
            return False
        if isinstance(sib.tag, str) and sib.tag not in _HARD_TAGS:
            known = measured.get(sib)
            if known.text if known is not None else text_of(sib).strip():
                return False
        sib = sib.getprevious()
    return True


def _is_list_title(el: HtmlElement) -> bool:
    """Return True when ``el`` is a title over a list of recommendations (see
    :func:`is_titled_link_list`); an element without text is none."""
    if el.tag in ("a", "p") or el.find(".//a") is not None:
        # (a paragraph over a list is the block builder's to judge: a bold "Our picks:"
        # over a shop's links is article text, see blocks.links_within_site)
        return False
    text = " ".join(text_of(el).split())
    if not text or len(text) > MAX_REC_TITLE_CHARS or vocab.SEE_ALSO.match(text):
        return False
    return bool(vocab.is_rec_phrase(text))


# What the labelling walk decided at an element's start (see label_page)
_K_NONE, _K_SOFT, _K_WEAK, _K_REC_WIDGET = 0, 1, 2, 3
#: What an element's subtree adds to its parent in the labelling walk: text, link text,
#: commas, flags, anchors (as :class:`Stats`) and its first text run (None: none met).
_Fold = tuple[int, int, int, int, int, str | None]
# ...of a hard element (never read) and of an equation (read whole by the block builder)
_NO_FOLD: Final[_Fold] = (0, 0, 0, 0, 0, None)
_MATH_FOLD: Final[_Fold] = (0, 0, 0, FLAG_MATH, 0, None)


# What an element's attributes say, as bits (computed once per distinct class/id string).
_I_REC, _I_HIDDEN, _I_ROLE, _I_STRONG, _I_WEAK, _I_MAIN, _I_TEASER = 1, 2, 4, 8, 16, 32, 64
# ...and a comment section's name, when comments are not asked for (see is_comment_section)
_I_COMMENT = 128
# ...and the frameworks' "hidden" utility class (has_hiding_utility_class), which also
# sets _I_HIDDEN: a picture under it is a lightbox's enlarged copy, kept (see
# _hides_picture_copy)
_I_HIDDEN_UTILITY = 256
# ...and a content gate's name ("paywall", "subscriber-content"): see is_gated_article
_I_GATE = 512
# ...and the name of an embedded social-media post's box: see is_quoted_post_box
_I_SOCIAL_EMBED = 1024
# ...and an advertising name ("body-ad-wrapper"): see is_gated_article
_I_AD = 2048
# ...and a name whose only furniture word is "discuss": see Labels.discussion_boxes
_I_DISCUSSION = 4096
# ...and a forum post's poster box ("message-user", "postprofile"): see Labels.poster_boxes
_I_POSTER = 8192
# ...and a microdata item declaring the page a forum thread or a Q&A page (an
# ``itemtype`` of vocab.THREAD_PAGE_TYPE or vocab.QA_PAGE_TYPE): see Labels.declared
_I_THREAD_ITEM = 16384
_I_QA_ITEM = 32768
_I_DECLARED = _I_THREAD_ITEM | _I_QA_ITEM
# (the bits the walk notes beside the labels: one test for all of them)
_I_NOTED = _I_POSTER | _I_DECLARED
# Inline elements (links, images, emphasis) and list items are left to their containers
# when it comes to class names: a menu is recognised by its <ul> or <nav>, not by each
# "menu-item".
_NAMES_IGNORED = frozenset(
    {
        "a", "img", "i", "b", "em", "strong", "li", "svg", "path", "picture", "source",
        "script", "style", "link", "meta", "input", "option", "button", "label", "br",
    }
)  # fmt: skip


# Per class token: which vocabulary patterns it matches (bits below). Tokens recur across
# pages ("row", "menu-item", "entry-content"), so the answer is memoised: a pure function
# of the token, bounded in size, never changing any result.
_T_REC, _T_HIDDEN, _T_STRONG, _T_UNLIKELY, _T_HINT, _T_MAIN, _T_COMMENT = 1, 2, 4, 8, 16, 32, 64
_T_TEASER = 128
_T_GATE = 256
_T_SOCIAL_EMBED = 512
_T_AD = 1024
# ...a token whose only furniture word is "discuss" (see vocab.UNLIKELY_BESIDES_DISCUSSION)
_T_DISCUSSION = 2048
# ...a token naming a forum post's poster box (see vocab.POSTER_CLASS)
_T_POSTER = 4096
_TOKEN_BITS: dict[str, int] = {}
_MAX_MEMO_TOKENS: Final = 200_000
# A modifier says what an element holds or lacks, not what it is: a photo with its share
# buttons ("fig--has-shares"), an article "with-sidebar", a post with "no-comments". What
# the token names before it still counts ("o-teaser--ad-with-fallback" is an ad teaser).
_HOLDS_MODIFIER: Final = re.compile(r"(?:^|[-_])(?:has|with|without|no)[-_]")
_T_FURNITURE: Final = _T_REC | _T_HIDDEN | _T_STRONG | _T_UNLIKELY | _T_COMMENT | _T_TEASER
# (module globals: each search method looked up once, not per new token)
_CLASS_VOCABULARY_PREFILTER: Final = vocab.CLASS_VOCABULARY_PREFILTER.search
_WORDS_AT: Final = vocab.CLASS_VOCABULARY_WORD_AT.finditer
_HIDDEN_CLASS_PREFILTER: Final = vocab.HIDDEN_CLASS_PREFILTER.search
# The patterns _vocabulary_bits searches, each with its token bit, HIDDEN_CLASS aside (it
# has case-blind words of its own: see _patterns_to_search)
_SEARCHED_PATTERNS: Final = (
    (vocab.REC_CLASS, _T_REC),
    (vocab.STRONG_BOILERPLATE, _T_STRONG),
    (vocab.UNLIKELY_CLASS, _T_UNLIKELY),
    (vocab.CONTENT_HINT, _T_HINT),
    (vocab.MAIN_CONTENT, _T_MAIN),
    (vocab.COMMENT_CLASS, _T_COMMENT),
    (vocab.TEASER_CLASS, _T_TEASER),
    (vocab.GATE_CLASS, _T_GATE),
    (vocab.SOCIAL_EMBED_CLASS, _T_SOCIAL_EMBED),
    (vocab.AD_CLASS, _T_AD),
)
#: Per word of vocab.CLASS_VOCABULARY_WORDS: the bits of the patterns whose source spells
#: it out. Every match of a pattern holds a word its source spells out (the words are
#: runs of the patterns' literal text: tests/test_html_class_prefilters.py), so a pattern
#: none of whose words a token holds cannot match it.
_WORD_PATTERNS: Final = {
    word: sum(bit for pattern, bit in _SEARCHED_PATTERNS if word in pattern.pattern)
    for word in vocab.CLASS_VOCABULARY_WORDS
}
#: Every pattern searched: the "may" bits of a token :func:`_vocabulary_bits` reads whole.
_ALL_PATTERNS: Final = _T_HIDDEN + sum(bit for _, bit in _SEARCHED_PATTERNS)


def _token_bits(token: str) -> int:
    """Return which vocabulary patterns a lower-cased class/id token matches, as ``_T_*``
    bits, memoised: :func:`_vocabulary_bits` of a token in which
    ``vocab.CLASS_VOCABULARY_PREFILTER`` finds a word, searching only the patterns whose
    words it holds; 0 for any other token (it matches no pattern: see the prefilter)."""
    bits = _TOKEN_BITS.get(token)
    if bits is not None:
        return bits
    if _CLASS_VOCABULARY_PREFILTER(token) is None:
        bits = 0
    else:
        bits = _vocabulary_bits(token, _patterns_to_search(token))
    if len(_TOKEN_BITS) >= _MAX_MEMO_TOKENS:
        _TOKEN_BITS.clear()
    _TOKEN_BITS[token] = bits
    return bits


def _patterns_to_search(token: str) -> int:
    """Return the bits of the vocabulary patterns that may match ``token``: those whose
    words (:data:`_WORD_PATTERNS`) it holds, and HIDDEN_CLASS when it holds one of that
    pattern's case-blind words."""
    may = 0
    for found in _WORDS_AT(token):
        may |= _WORD_PATTERNS[found[1]]
    if _HIDDEN_CLASS_PREFILTER(token) is not None:
        may |= _T_HIDDEN
    return may


def _vocabulary_bits(token: str, may: int = _ALL_PATTERNS) -> int:
    """Return which vocabulary patterns ``token`` matches, as ``_T_*`` bits, searching
    the patterns among ``may`` (pattern bits, all of them by default): a pattern left out
    must be one that cannot match the token (see :func:`_patterns_to_search`)."""
    bits = 0
    if may & _T_REC and vocab.REC_CLASS.search(token):
        bits |= _T_REC
    if may & _T_HIDDEN and vocab.HIDDEN_CLASS.search(token):
        bits |= _T_HIDDEN
    if may & _T_STRONG and vocab.STRONG_BOILERPLATE.search(token):
        bits |= _T_STRONG
    if may & _T_UNLIKELY and vocab.UNLIKELY_CLASS.search(token):
        bits |= _T_UNLIKELY
        if vocab.DISCUSSION_CLASS.search(token) and not vocab.UNLIKELY_BESIDES_DISCUSSION.search(
            token
        ):
            bits |= _T_DISCUSSION
    if may & _T_HINT and vocab.CONTENT_HINT.search(token):
        bits |= _T_HINT
    if may & _T_MAIN and vocab.MAIN_CONTENT.search(token) and not bits & _T_REC:
        # "related-post-content" is the text of a teaser, not the article body
        bits |= _T_MAIN
    if may & _T_COMMENT and vocab.COMMENT_CLASS.search(token):
        bits |= _T_COMMENT
    if may & _T_TEASER and vocab.TEASER_CLASS.search(token):
        bits |= _T_TEASER
    if may & _T_GATE and vocab.GATE_CLASS.search(token):
        bits |= _T_GATE
    if may & _T_SOCIAL_EMBED and vocab.SOCIAL_EMBED_CLASS.search(token):
        bits |= _T_SOCIAL_EMBED
    if may & _T_AD and vocab.AD_CLASS.search(token):
        bits |= _T_AD
    if vocab.POSTER_CLASS.search(token) and not vocab.POSTER_NOT.search(token):
        bits |= _T_POSTER
    if bits & _T_FURNITURE:
        modifier = _HOLDS_MODIFIER.search(token)
        if modifier is not None:
            head = token[: modifier.start()]
            bits = (bits & ~_T_FURNITURE) | (_token_bits(head) & _T_FURNITURE if head else 0)
    return bits


def _names_info(names: str, comments: bool, discussion: bool = False) -> int:
    """Return the label bits of a class/id string, combining its tokens' bits.

    ``discussion``: the page is itself a discussion thread (:func:`is_discussion_page`),
    so a token named only after the discussion ("itemdiscussion") is not furniture."""
    bits = 0
    for token in names.split():
        found = _token_bits(token)
        if comments and found & _T_COMMENT:
            found &= ~(_T_STRONG | _T_UNLIKELY)
        if discussion and found & _T_DISCUSSION:
            found &= ~_T_UNLIKELY
        bits |= found
    info = 0
    if "hidden" in names and has_hiding_utility_class(names):
        info |= _I_HIDDEN | _I_HIDDEN_UTILITY
    if bits & _T_REC and not bits & _T_MAIN:
        info |= _I_REC
    if bits & _T_TEASER and not bits & _T_MAIN:
        info |= _I_TEASER
    if bits & _T_HIDDEN:
        info |= _I_HIDDEN
    if bits & _T_GATE:
        info |= _I_GATE
    if bits & _T_SOCIAL_EMBED:
        info |= _I_SOCIAL_EMBED
    if bits & _T_AD:
        info |= _I_AD
    if bits & _T_MAIN:
        info |= _I_MAIN
    elif bits & _T_STRONG:
        info |= _I_STRONG
    elif bits & _T_UNLIKELY and not bits & _T_HINT:
        info |= _I_WEAK
    if bits & _T_COMMENT and info & _I_STRONG and not comments:
        info |= _I_COMMENT
    if bits & _T_DISCUSSION:
        info |= _I_DISCUSSION
    if bits & _T_POSTER:
        info |= _I_POSTER
    return info


# Attributes other than class and id that say something about an element.
_FLAG_ATTRS: Final = frozenset({"hidden", "aria-hidden", "style", "role", "itemprop", "itemtype"})
# Label bits of a class/id string as the page writes it (not lower-cased: the bits are a
# pure function of the string either way), per value of ``comments`` and ``discussion``
# (index ``comments + 2 * discussion``); memoised across pages (pages of a site repeat
# their class strings), bounded in size.
_NAMES_BITS: Final[tuple[dict[str, int], ...]] = ({}, {}, {}, {})


def _names_bits(names: str, comments: bool, discussion: bool = False) -> int:
    """Return :func:`_names_info` of ``names`` lower-cased, memoised (``names`` as written)."""
    memo = _NAMES_BITS[comments + 2 * discussion]
    info = memo.get(names)
    if info is None:
        if len(memo) >= _MAX_MEMO_TOKENS:
            memo.clear()
        info = memo[names] = _names_info(names.lower(), comments, discussion)
    return info


def is_discussion_page(root: HtmlElement) -> bool:
    """Return True when the page under ``root`` is itself a discussion thread.

    Forum engines name the page kind in the class or id of ``<body>`` or ``<html>``
    ("Discussion", "section-discussion"); a thread or Q&A page may declare a
    ``DiscussionForumPosting`` or ``QAPage`` in JSON-LD or microdata. On such a page the
    boxes named "discussion" hold the thread's posts, the opening one included, not a
    discussion under an article."""
    return discussion_kind(root) is not None


def is_thread_page(root: HtmlElement) -> bool:
    """Return True when the page under ``root`` is a forum thread, not a Q&A page.

    A thread is a discussion page (:func:`is_discussion_page`) that does not declare a
    ``QAPage``: its replies are the page's own content, though engines name them as
    comments ("ItemComment", "ipsComment"). On a Q&A page the answers carry the content and
    the comments under them stay out."""
    return discussion_kind(root) == THREAD_PAGE


#: :func:`discussion_kind` of a forum thread, and of a Q&A page
THREAD_PAGE: Final = "thread"
QA_PAGE: Final = "qa"


def discussion_kind(root: HtmlElement) -> str | None:
    """Return ``"qa"`` for a page declaring a schema.org ``QAPage``, ``"thread"`` for
    another discussion page (see :func:`is_discussion_page`), else None."""
    declared = _declared_discussion_types(root)
    if vocab.QA_PAGE_TYPE in declared:
        return QA_PAGE
    if declared:
        return THREAD_PAGE
    return THREAD_PAGE if names_thread(root) else None


def names_thread(root: HtmlElement) -> bool:
    """Return True when the class or id of ``<html>`` or ``<body>`` names the page a
    discussion or a thread (:data:`vocab.DISCUSSION_PAGE_CLASS`,
    :data:`vocab.THREAD_PAGE_CLASS`)."""
    for el in (root, root.find("body")):
        if el is None:
            continue
        # (class and id as written: the slug test of class_id reads the page's text)
        names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if vocab.DISCUSSION_PAGE_CLASS.search(names) or vocab.THREAD_PAGE_CLASS.search(names):
            return True
    return False


def _declared_discussion_types(root: HtmlElement) -> set[str]:
    """Return the discussion types (:data:`vocab.DISCUSSION_PAGE_TYPES`) the page declares
    in JSON-LD or microdata."""
    found: set[str] = set()
    for script in root.iter("script"):
        text = script.text
        if text and script.get("type") == "application/ld+json":
            found.update(kind for kind in vocab.DISCUSSION_PAGE_TYPES if f'"{kind}"' in text)
    for itemtype in root.xpath("//@itemtype"):
        kind = itemtype.rstrip("/").rsplit("/", 1)[-1]
        if kind in vocab.DISCUSSION_PAGE_TYPES:
            found.add(kind)
    return found


# A forum post's poster box (name, rank, join date, post count) holds at most this much
# text (characters); a post by the thread's starter, named "topic-author", holds its text.
MAX_POSTER_CHARS: Final = 300


# A forum thread told by its poster boxes: this many of them (one a post) print a
# member's join date or post count.
MIN_MEMBER_POSTERS: Final = 3


def has_member_posters(labels: Labels) -> bool:
    """Return True when :data:`MIN_MEMBER_POSTERS` poster boxes or more
    (:data:`Labels.poster_boxes` of at most :data:`MAX_POSTER_CHARS`, a box inside one
    counted with it) print a forum member's join date or post count
    (:data:`vocab.MEMBER_STATS`: "Join Date Nov 2024 Posts 3", "Posts: 116 Threads: 23
    Joined: Feb 2019"): the posts of a forum thread whose engine declares nothing and
    names the page nothing (a vBulletin or MyBB thread). An article's author box names
    the author and a role, not when they joined."""
    stats = labels.stats
    found = 0
    last: HtmlElement | None = None
    for box in labels.poster_boxes:
        st = stats.get(box)
        if st is None or not st.text or st.text > MAX_POSTER_CHARS:
            continue
        if last is not None and any(anc is last for anc in box.iterancestors()):
            continue  # (the walk met the outer box first)
        if vocab.MEMBER_STATS.search(box.text_content()) is not None:
            found += 1
            last = box
            if found >= MIN_MEMBER_POSTERS:
                return True
    return False


def drop_poster_boxes(labels: Labels) -> None:
    """Label a forum thread's poster boxes boilerplate: the boxes the walk found named
    after a post's poster (:data:`Labels.poster_boxes`, :data:`vocab.POSTER_CLASS`:
    "message-user", "message-cell--user", "postprofile", "bbp-reply-author",
    "author-data") that hold at most :data:`MAX_POSTER_CHARS` of text and no paragraph or
    quote. Engines print the poster's name, rank, join date and counts beside each post
    ("ridwan123 / Prominent / Jun 15, 2024 / 275"), a dozen short lines a post that are
    no part of the thread's text. Called on a forum thread only (see
    :func:`is_thread_page`): elsewhere such a box is an article's byline, which the
    metadata reads."""
    stats = labels.stats
    for box in labels.poster_boxes:
        st = stats.get(box)
        if st is None or st.text > MAX_POSTER_CHARS:
            continue
        if next(box.iter("p", "blockquote"), None) is not None:
            continue
        labels.boilerplate.add(box)


def _names_key(el: HtmlElement, cls: str | None, ident: str | None) -> str:
    """Return the class/id string whose label bits an element has: its ``class`` and
    ``id`` as written, joined by a space, the id left out when it is a slug
    (:func:`class_id` before lower-casing)."""
    if ident and is_slug_id(ident, el):
        ident = None
    if cls is None:
        return ident or ""
    return f"{cls} {ident}" if ident else cls


def is_collapsed_panel(el: HtmlElement) -> bool:
    """Return True for an accordion's collapsed panel: a box of ``role="region"`` (or
    ``tabpanel``) named by its header (``aria-labelledby``), which a script marks
    ``aria-hidden`` until the reader opens it (the WAI-ARIA accordion pattern: a service
    page's answers under their questions, a product's details). It is text a reader
    opens, not a copy for machines. A hidden dialog (``role="dialog"``) stays hidden, and
    so does a panel inside one, and a video's transcript (a panel named ``transcript``:
    the words of a video the document does not hold)."""
    labelled_by = el.get("aria-labelledby")
    if el.get("role") not in _PANEL_ROLES or labelled_by is None:
        return False
    names = f"{labelled_by} {el.get('id') or ''} {el.get('class') or ''}".lower()
    if _TRANSCRIPT in names:
        return False
    return not any(anc.get("role") == "dialog" for anc in el.iterancestors())


# A folded answer's question: a line of at most this many characters ending in "?".
MAX_QUESTION_CHARS: Final = 200


def is_folded_answer(el: HtmlElement) -> bool:
    """Return True for an FAQ's answer folded away until its question is clicked: a box
    hidden by its attributes (``hidden``, ``aria-hidden``, ``display: none``,
    ``visibility: hidden``) right after a question (a line of at most
    :data:`MAX_QUESTION_CHARS` characters ending in "?")."""
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is None:
        return False
    parts: list[str] = []
    size = 0
    for piece in prev.itertext():  # read no further than a question's length
        parts.append(piece)
        size += len(piece.strip())  # (a template's indentation is no text)
        if size > MAX_QUESTION_CHARS:
            return False
    question = "".join(parts).strip()
    return 0 < len(question) <= MAX_QUESTION_CHARS and question.endswith("?")


def _attr_bits(el: HtmlElement, keys: list[str]) -> int:
    """Return the label bits of an element's attributes other than class and id."""
    info = 0  # (each value read only when its name is among ``keys``: see _collect)
    if "hidden" in keys or (
        "aria-hidden" in keys and el.get("aria-hidden") == "true" and not is_collapsed_panel(el)
    ):
        info |= _I_HIDDEN
    if "style" in keys:
        style = el.get("style")
        if style and (vocab.is_hiding_style(style) or is_placed_on_picture(style)):
            info |= _I_HIDDEN
    if info & _I_HIDDEN and is_folded_answer(el):
        info &= ~_I_HIDDEN
    if "role" in keys and el.get("role") in vocab.BOILERPLATE_ROLES:
        info |= _I_ROLE
    if "itemprop" in keys and el.get("itemprop") == "articleBody":
        info |= _I_MAIN
    if "itemtype" in keys:
        kind = (el.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1]
        if kind == vocab.THREAD_PAGE_TYPE:
            info |= _I_THREAD_ITEM
        elif kind == vocab.QA_PAGE_TYPE:
            info |= _I_QA_ITEM
    return info


def _element_info(el: HtmlElement, tag: str, keys: list[str], comments: bool) -> int:
    """Return the label bits of an element's attributes (``keys``, its attribute names, is
    not empty).

    The labelling walk inlines this (a call per element cost ~5% of the walk); it is kept
    for readers and tests as the reference. A separate XPath pass selecting the elements
    with such attributes cost more than the walk (2 ms of 4.4 ms a page on trafilatura-eval).
    """
    info = 0
    plain = 0
    if tag not in _NAMES_IGNORED:
        cls = el.get("class")
        ident = el.get("id")
        plain = (cls is not None) + (ident is not None)
        if plain:
            info = _names_bits(_names_key(el, cls, ident), comments)
    if len(keys) > plain and not _FLAG_ATTRS.isdisjoint(keys):
        info |= _attr_bits(el, keys)
    return info


#: An element's attribute names (``el.keys()``), ``class`` and ``id`` (None when absent)
#: and tag, as a walk before the labelling one read them. The metadata walk reads them
#: for every element anyway; the labelling walk asked lxml again (a new list of names, an
#: ``el.get`` per value, a new tag string): 0.8% of the instructions a page on
#: trafilatura-eval, a dictionary look-up instead.
KnownAttributes = tuple[list[str], str | None, str | None, str]
_NOTHING_KNOWN: Final[dict[HtmlElement, KnownAttributes]] = {}


def _count_commas(text: str) -> int:
    if text.isascii():  # a flag of the string, no scan: most text needs one count, not four
        return text.count(",")
    return text.count(",") + text.count("，") + text.count("、") + text.count("،")


def label_page(
    root: HtmlElement,
    *,
    comments: bool = False,
    discussion: bool = False,
    relaxed: bool = False,
    drop: Collection[HtmlElement] = (),
    recommendations: Collection[HtmlElement] = (),
    attributes: Mapping[HtmlElement, KnownAttributes] | None = None,
) -> Labels:
    """Return the labels and measurements of every element under ``root``, in one walk.

    ``relaxed`` keeps class-based ("unlikely") boilerplate: the retry for pages where the
    strict pass left too little text. ``discussion``: the page is a discussion thread
    (:func:`is_discussion_page`); boxes named only "discussion" are not furniture.
    ``drop`` and ``recommendations`` are elements a site rule selected; they win over
    every heuristic. ``attributes``: elements' attribute names, ``class`` and ``id`` as an
    earlier walk of the unchanged tree read them (the metadata walk: see
    :data:`KnownAttributes`); the others are read from the elements.

    The walk is a recursive function (``visit``): an element's measurements are local
    variables while its children are read, and each child hands its parent one
    :data:`_Fold`. (An ``etree.iterwalk`` of start and end events with a list per open
    element took ~20% more instructions; see docs/extraction.md, Speed.) Comments and
    processing instructions are skipped with their tails, as ``iterwalk`` skips them.
    libxml2 nests at most 256 levels (``tree.py``), far below Python's recursion limit.
    """
    stats: dict[HtmlElement, Stats] = {}
    boilerplate: set[HtmlElement] = set()
    recs: list[HtmlElement] = []
    paragraphs: list[HtmlElement] = []
    headings: list[HtmlElement] = []
    loose: dict[HtmlElement, Stats] = {}
    relaxable = False
    relaxable_boxes: list[HtmlElement] = []
    discussion_boxes = False
    comment_boxes = False
    comment_chars = 0
    posters: list[HtmlElement] = []
    declared = 0
    headed_main = False  # a <main> holding an <h1> was met (see is_footer_heading)
    prose_count: list[int] = []  # the page's paragraphs of prose, once asked

    def page_prose() -> int:
        if not prose_count:
            prose_count.append(prose_paragraphs(root))
        return prose_count[0]

    names_memo = _NAMES_BITS[comments + 2 * discussion]
    known = (_NOTHING_KNOWN if attributes is None else attributes).get

    def visit(
        el: HtmlElement,
        parent_tag: str | None,
        in_link: bool,
        in_rec: bool,
        in_p: bool,
        again: Callable[..., _Fold | None],
    ) -> _Fold | None:
        """Label and measure ``el``'s subtree; return what it adds to its parent (None for
        a comment). ``parent_tag``: its parent's tag; ``in_link``, ``in_rec``, ``in_p``:
        whether an ancestor is a link, a recommendation widget, a ``<p>``. ``again`` is
        ``visit`` itself, for the children: handed in rather than named, so that the
        function does not refer to itself through its closure (a reference cycle, which
        would keep the page's labels, and through them its tree, alive until the cyclic
        garbage collector ran, or for ever with the collector off)."""
        nonlocal relaxable, discussion_boxes, comment_boxes, comment_chars, declared, headed_main
        entry = known(el)
        if entry is None:
            tag = el.tag
            if not isinstance(tag, str):  # pragma: no cover - comments are removed
                return None
        else:
            # (the tag the metadata walk read, a string: the test above cost ~1% of the
            # walk's instructions for nothing)
            tag = entry[3]
        if (
            tag in _HARD_TAGS
            and not (relaxed and tag == "noscript")
            and not (tag in _SWALLOWING_TAGS and holds_swallowed_page(el, page_prose))
        ) or (drop and el in drop):
            # its attributes and text are never read
            if tag == "noscript":
                relaxable = True  # the relaxed walk reads it
            boilerplate.add(el)
            return _NO_FOLD
        kind = _K_NONE
        info = 0
        keys = el.keys() if entry is None else entry[0]
        if keys:
            # _element_info(el, tag, keys, comments), inlined: most elements have
            # attributes, and the class/id memo is met first
            plain = 0
            if tag not in _NAMES_IGNORED:
                if entry is None:
                    # (a value only for a name present: one ``get`` costs more than
                    # the ``in`` tests on the short list of names)
                    cls = el.get("class") if "class" in keys else None
                    ident = el.get("id") if "id" in keys else None
                else:
                    cls, ident = entry[1], entry[2]
                if cls is not None:
                    plain = 1
                    if ident is None:
                        names = cls
                    else:
                        plain = 2
                        names = _names_key(el, cls, ident)
                elif ident is not None:
                    plain = 1
                    names = _names_key(el, None, ident)
                if plain:
                    found = names_memo.get(names)
                    info = _names_bits(names, comments, discussion) if found is None else found
            if len(keys) > plain and not _FLAG_ATTRS.isdisjoint(keys):
                info |= _attr_bits(el, keys)
        if tag == "footer" and parent_tag == "blockquote":
            # a quotation's attribution, as the HTML standard writes it ("<blockquote>
            # <p>...</p><footer>— <cite>Name</cite></footer>", Bootstrap's
            # "blockquote-footer"): the quote's, no page footer
            info &= _I_HIDDEN
            soft = False
        else:
            # (a callout's <aside> is the article's Note: is_callout_aside)
            soft = tag in _SOFT_TAGS and not (tag == "aside" and is_callout_aside(el))
        if info:
            if tag in _OPAQUE_TAGS and not info & _I_HIDDEN:
                return _MATH_FOLD  # read whole by the block builder: not walked
            if info & _I_NOTED:
                if info & _I_POSTER:
                    posters.append(el)
                declared |= info & _I_DECLARED
            if (recommendations and el in recommendations) or (
                not in_rec and info & _I_REC and tag not in _NEVER_REC_TAGS
            ):
                kind = _K_REC_WIDGET
            elif info & _I_HIDDEN or soft or tag in _SWALLOWING_TAGS:
                kind = _K_SOFT
            elif info & (_I_ROLE | _I_STRONG) or (
                # a heading or paragraph is text whatever its class says, unless the
                # class is unmistakable ("share-title", "comment-text")
                info & _I_WEAK and tag not in _TEXT_TAGS
            ):
                if info & _I_COMMENT:
                    # a comment section stays out of the relaxed walk too: relaxing
                    # looks for an article hidden under a furniture name, and the
                    # comments are never it (see is_comment_section)
                    kind = _K_SOFT
                    comment_boxes = True
                else:
                    relaxable = True
                    if info & _I_DISCUSSION:
                        discussion_boxes = True
                    if not relaxed:
                        kind = _K_WEAK
        elif tag in _OPAQUE_TAGS:
            return _MATH_FOLD
        elif recommendations and el in recommendations:
            kind = _K_REC_WIDGET
        elif soft or tag in _SWALLOWING_TAGS:
            kind = _K_SOFT
        p0 = len(paragraphs)
        h0 = len(headings)
        text_len = own = commas = ownc = links = flags = anchors = 0
        # the first text run met in the subtree (a recommendation title is the first text
        # of its container)
        first: str | None = None
        text = el.text
        if text:
            text = text.strip()
            if text:
                text_len = own = len(text)
                commas = ownc = text.count(",") if text.isascii() else _count_commas(text)
                first = text
        if tag in _HEADING_TAGS:
            headings.append(el)
        # (a link around paragraphs whose address goes nowhere - no ``href``, a
        # ``javascript:`` one - is a wrapper, as a browser's reader view reads it: its
        # text is not link text)
        # (nor is the text of an article set inside a real link, a block-level link
        # around the story or an unclosed <a> that libxml2 lets swallow the page:
        # is_linked_article)
        # (``el[:]``, not ``el``: lxml makes the list of children in C, where ``for child in
        # el`` made an iterator object, a class instantiated from Python, and called its
        # ``__next__`` for each child; and no ``len(el)`` first: lxml's ``len`` costs more
        # than the empty list of a leaf (~720 against ~630 instructions), and is paid again
        # by every element with children: docs/extraction.md, Speed)
        children = el[:]
        inside_link = in_link or (
            tag == "a"
            and not (
                children and (is_dead_wrapper(el, keys) or is_linked_article(el, keys, page_prose))
            )
        )
        child_rec = in_rec or kind == _K_REC_WIDGET
        child_p = in_p or tag == "p"
        for child in children:
            fold = again(child, tag, inside_link, child_rec, child_p, again)
            if fold is None:  # pragma: no cover - comments are removed
                continue
            sub_text, sub_links, sub_commas, sub_flags, sub_anchors, sub_first = fold
            text_len += sub_text
            links += sub_links
            commas += sub_commas
            flags |= sub_flags
            anchors += sub_anchors
            if first is None:
                first = sub_first
            tail = child.tail
            if tail:
                tail = tail.strip()
                if tail:
                    size = len(tail)
                    count = tail.count(",") if tail.isascii() else _count_commas(tail)
                    text_len += size
                    own += size
                    commas += count
                    ownc += count
                    if first is None:
                        first = tail

        # ---- the subtree is measured: label the element, fold it into its parent
        if tag in _MAIN_TAGS or (info & _I_MAIN and tag not in _NEVER_REC_TAGS):
            flags |= FLAG_MAIN
            if not is_card_part(text_len, flags):
                flags |= FLAG_MAIN_BODY
            if tag == "main" and flags & FLAG_H1:
                headed_main = True
        elif tag == "h1":
            flags |= FLAG_H1
        elif tag == "img" or tag == "picture":
            flags |= FLAG_IMG
        elif tag == "table":
            flags |= FLAG_TABLE
        if inside_link:
            links = text_len
            if tag == "a" and "href" in keys:
                anchors += 1
        if kind == _K_NONE and (
            # fast path: emphasis, links and images only fold into their parent; nothing
            # asks for their own measurements
            (tag in _PLAIN_INLINE and not flags & FLAG_BLOCK)
            # an inline link of a paragraph: nothing reads its own measurements (the
            # paragraph's are read), and on link-dense pages these were half the labels
            or (
                tag == "a"
                and not info
                and not flags & _KEPT_LINK_FLAGS
                and len(paragraphs) == p0
                and parent_tag == "p"
            )
        ):
            return (text_len, links, commas, flags, anchors, first)
        st = _new_stats(Stats, (text_len, links, commas, flags, anchors))
        stats[el] = st

        if kind == _K_REC_WIDGET:
            if (anchors >= 1 and not flags & (FLAG_MAIN_BODY | FLAG_H1)) or (
                recommendations and el in recommendations
            ):
                return _exclude(el, p0, h0, recs, paragraphs, headings, first)
            if not anchors and is_placeholder_widget(el, st):
                boilerplate.add(el)
                return _exclude(el, p0, h0, None, paragraphs, headings, first)
            kind = _K_NONE
        if info & _I_TEASER and not in_rec and is_teaser_card(st):
            return _exclude(el, p0, h0, recs, paragraphs, headings, first)
        if (
            tag in _REC_CONTAINER_TAGS
            and anchors
            and (looks_like_rec_container(st, first) or holds_titled_cards(el, st, first, stats))
        ):
            return _exclude(el, p0, h0, recs, paragraphs, headings, first)
        if (
            tag in _LIST_TAGS
            and anchors
            and kind == _K_NONE  # (a list named as furniture, "breadcrumbs", is none)
            and is_titled_link_list(el, st, stats)
        ):
            return _exclude(el, p0, h0, recs, paragraphs, headings, first)
        if (
            tag == "span"
            and flags & FLAG_IMG
            and anchors >= MIN_CARD_IN_TEXT_LINKS
            and is_card_in_text(text_len, links, in_p)
        ):
            # a card inside a sentence: shown when the pointer rests on a name
            boilerplate.add(el)
            return _exclude(el, p0, h0, None, paragraphs, headings, first)
        panels = kind == _K_WEAK and holds_tab_panels(el, info, st, len(paragraphs) - p0)
        if (
            kind in (_K_SOFT, _K_WEAK)
            and (
                # an <h1> or the article's mark keeps a box named as furniture (the
                # article sits in it), unless the box is hidden, or the marks are a
                # comment section's own
                (
                    (not flags & FLAG_H1 or is_footer_heading(tag, headed_main))
                    and (not flags & FLAG_MAIN or is_comment_section(info))
                )
                or (info & _I_HIDDEN and (not flags & FLAG_MAIN or is_hidden_record(el)))
            )
            and not (
                info & (_I_GATE | _I_AD) and is_gated_article(st, info, paragraphs[p0:], stats)
            )
            and not (info & _I_SOCIAL_EMBED and is_quoted_post_box(el, info))
            and not (info & _I_AD and tag in _LIST_TAGS and is_ad_named_listing(el, st, info))
            and not _is_text_form(el, tag, st)
            and not panels
            and not is_equation_box(tag, st, info)
            and not _hides_picture_copy(st, info)
        ):
            boilerplate.add(el)
            if kind == _K_WEAK:
                relaxable_boxes.append(el)
            elif info & _I_COMMENT:
                comment_chars += text_len
            return _exclude(el, p0, h0, None, paragraphs, headings, first)

        if info & _I_GATE and is_gate_prompt(el, st, paragraphs[p0:], stats):
            # a paywall's prompt inside the article ("Subscribe to get access")
            boilerplate.add(el)
            return _exclude(el, p0, h0, None, paragraphs, headings, first)

        # a real part of the page: it may vote as a paragraph, then folds into its parent
        if text_len >= MIN_PARAGRAPH_CHARS and (
            tag in _PARAGRAPH_TAGS
            or (not flags & FLAG_BLOCK and tag not in _INLINE_VOTERS_EXCLUDED)
        ):
            paragraphs.append(el)
        elif (
            flags & FLAG_BLOCK
            and own >= MIN_LOOSE_TEXT_CHARS
            and tag not in _INLINE_VOTERS_EXCLUDED
        ):
            # text written straight into a container between its blocks ("text<br>text"):
            # it votes as a paragraph of its own container (Readability wraps it in <p>)
            paragraphs.append(el)
            loose[el] = Stats(text=own, links=0, commas=ownc)
        if tag in _BLOCK_TAGS:
            flags |= FLAG_BLOCK
        return (text_len, links, commas, flags, anchors, first)

    fold = visit(root, None, False, False, False, visit)
    text_len = links = commas = flags = anchors = 0
    if fold is not None:
        text_len, links, commas, flags, anchors, _ = fold
        tail = root.tail
        if tail:
            tail = tail.strip()
            if tail:
                text_len += len(tail)
                commas += tail.count(",") if tail.isascii() else _count_commas(tail)
    total = Stats(text=text_len, links=links, commas=commas, flags=flags, anchors=anchors)
    return Labels(
        stats=stats,
        boilerplate=boilerplate,
        recommendations=recs,
        paragraphs=paragraphs,
        headings=headings,
        total=total,
        loose=loose,
        relaxable=relaxable,
        relaxable_boxes=relaxable_boxes,
        discussion_boxes=discussion_boxes,
        comment_boxes=comment_boxes,
        comment_chars=comment_chars,
        poster_boxes=posters,
        declared=(
            QA_PAGE if declared & _I_QA_ITEM else THREAD_PAGE if declared & _I_THREAD_ITEM else None
        ),
    )


def is_hidden_record(el: HtmlElement) -> bool:
    """Return True when a hidden box is a schema.org record (``itemscope``): a copy of the
    article's title, author, dates and body for machines, which a reader never sees.

    Its ``itemprop="articleBody"`` would otherwise mark it as the article.
    """
    return el.get("itemscope") is not None


def is_gated_article(
    stats: Stats,
    info: int,
    paragraphs: Sequence[HtmlElement],
    measured: Mapping[HtmlElement, Stats],
) -> bool:
    """Return True for a content gate's box that holds the article rather than the gate.

    Paywalled sites wrap the paid part of the text in a box named after the gate
    (``<div class="paywall">``, ``subscriber-content``) and show the prompt to subscribe
    elsewhere, or they render the prompt into such a box. The prompt is short lines, a
    list of offers and a button; the article is paragraphs of prose with few links. The
    same test tells a box named after advertising (``body-ad-wrapper``: a CMS names the
    body's wrapper after the ads it injects) from an ad slot.
    ``paragraphs`` are the box's voting paragraphs, ``measured`` their measurements. A
    hidden box stays out.
    """
    if info & _I_HIDDEN or stats.text < MIN_GATED_CHARS:
        return False
    if stats.links > MAX_GATED_LINK_SHARE * stats.text:
        return False
    prose = sum(1 for p in paragraphs if measured[p].text >= MIN_GATED_PROSE_CHARS)
    return prose >= MIN_GATED_PARAGRAPHS


def is_gate_prompt(
    el: HtmlElement,
    stats: Stats,
    paragraphs: Sequence[HtmlElement],
    measured: Mapping[HtmlElement, Stats],
) -> bool:
    """Return True for a box named after a content gate (``premium-content``, ``paywall``,
    ``gated-content``: the caller asks) that holds the gate's prompt: short (under
    ``MIN_GATED_CHARS``), no ``<h1>``, no paragraph of prose (``MIN_GATED_PROSE_CHARS``
    or more, short of a prompt's one long line: at most one), and its text asks to
    subscribe, join or log in (``vocab.GATE_PROMPT``).

    Blog platforms and news sites put the paid part of a post in such a box and, for a
    reader who is not logged in, render the prompt there instead ("Subscribe to get
    access", "Join All Access to unlock members-only content", a button, "Log in");
    inside the article's container, it was read as the article's last heading and
    paragraph. A box that wraps the article's prose is :func:`is_gated_article`'s.
    """
    if stats.text >= MIN_GATED_CHARS or stats.flags & FLAG_H1 or not stats.text:
        return False
    if sum(1 for p in paragraphs if measured[p].text >= MIN_GATED_PROSE_CHARS) > 1:
        return False
    return vocab.GATE_PROMPT.search(text_of(el).lower()) is not None


def is_ad_named_listing(el: HtmlElement, stats: Stats, info: int) -> bool:
    """Return True for a list (``<ul>``/``<ol>``: the caller asks) named after advertising
    that holds the page's listing rather than an ad.

    Listing pages (events, offers, search results) name their list after the ads a script
    injects between its items (``<ul class="calendar-listings dynamic-ad-container">``).
    An ad slot holds one ad and a text-ad unit three or four; such a list holds at least
    ``MIN_AD_NAMED_LIST_ITEMS`` items of its own and ``MIN_AD_NAMED_LIST_CHARS`` of text.
    A hidden list, or one named after recommendations too, stays out.
    """
    if info & (_I_HIDDEN | _I_REC) or stats.text < MIN_AD_NAMED_LIST_CHARS:
        return False
    items = 0
    for child in el:
        if child.tag == "li":
            items += 1
            if items >= MIN_AD_NAMED_LIST_ITEMS:
                return True
    return False


def is_card_in_text(text: int, links: int, in_paragraph: bool) -> bool:
    """Return True for a ``<span>`` (holding a picture and ``MIN_CARD_IN_TEXT_LINKS``
    links: the caller asks) that is a card inside a paragraph's text rather than text:
    mostly links (``links`` of its ``text`` characters), inside a ``<p>``
    (``in_paragraph``: one of the ``<span>``'s ancestors is one).

    News sites put a hover card in the sentence after a person's name (a portrait, the
    name again, the titles of their latest articles, "MORE": a browser shows it when the
    pointer rests on the name), or a bar of icon functions (PDF, print, share) in the
    paragraph of the date; read as text, the card's titles ran into the sentence
    ("Rep. Ilhan OmarIlhan OmarHillicon Valley: ...").
    """
    if links < MIN_CARD_IN_TEXT_LINK_SHARE * text:
        return False
    return in_paragraph


def is_quoted_post_box(el: HtmlElement, info: int) -> bool:
    """Return True for a box named after an embedded social-media post that holds the
    post: the platform's embed code, a ``<blockquote>`` with the post's text (a tweet, an
    Instagram caption), which the story quotes.

    "social" alone names a share bar or a "follow us" box; "social-embed",
    "social-media-embed" name the post the article embeds. Without the quote the box
    is a consent placeholder ("external content from Instagram: click to show") or a
    script's empty slot, and stays out. A hidden box stays out.
    """
    if info & _I_HIDDEN:
        return False
    return next(el.iter("blockquote"), None) is not None


def is_comment_section(info: int) -> bool:
    """Return True when label bits name a comment section (comments not asked for).

    A box named as furniture is kept when it holds an article's marks (``<article>``,
    ``<main>``, ``entry-content``): the article sits in it. A comment section holds such
    marks of its own: themes mark up each comment as an ``<article>``, or as an hAtom
    entry (``hentry``, ``entry-content``, WordPress's older themes); inside a box named
    ``comments`` they are the comments', and the box stays out.
    """
    return bool(info & _I_COMMENT)


def is_dead_wrapper(el: HtmlElement, keys: Sequence[str]) -> bool:
    """Return True when the link ``el`` (an ``<a>`` with children, its attribute names
    ``keys``) leads nowhere - it has no ``href``, or a script's (``javascript:...``) -
    and holds a paragraph: a click handler's wrapper (a whole article inside
    ``<a href="javascript:">``), not a link whose text is a title to follow. (A dead link
    around a word or two, "Back", "Rate this article", is a button: still a link.)"""
    if "href" in keys and el.get("href", "").lstrip()[:11].lower() != "javascript:":
        return False
    return next(el.iter("p"), None) is not None


#: Paragraphs of prose (``PROSE_PARAGRAPH_CHARS`` or more) that make a real link around
#: them an article's wrapper rather than a teaser card (a title and a summary or two).
MIN_LINKED_ARTICLE_PROSE: Final = 3


def is_linked_article(
    el: HtmlElement, keys: Sequence[str], page_prose: Callable[[], int] | None = None
) -> bool:
    """Return True when the link ``el`` (an ``<a href>`` with children, its attribute
    names ``keys``) holds the page's article: ``MIN_LINKED_ARTICLE_PROSE`` or more ``<p>``
    of prose (``PROSE_PARAGRAPH_CHARS``), and at least half of the page's (``page_prose``:
    the page's count, asked at most once a page). A template that wraps the story in a
    block-level link to itself made the whole article link text, dropped as link-dense:
    the page read as its one box of text outside links, or as everything. A teaser card
    (a title, a summary, "Read more") and a menu's entries hold fewer paragraphs, and a
    listing's cards with long excerpts each hold a part of the page's prose: they stay
    link text."""
    if "href" not in keys or next(el.iter("p"), None) is None:
        return False  # (nearly every link: one step of a walk in C)
    held = 0
    for p in el.iter("p"):
        if len(text_of(p)) >= PROSE_PARAGRAPH_CHARS:
            held += 1
    if held < MIN_LINKED_ARTICLE_PROSE:
        return False
    return page_prose is None or 2 * held >= page_prose()


def is_card_part(text: int, flags: int) -> bool:
    """Return True when an element marked as the article is a teaser card or a part of one.

    News and blog templates draw each card of a related-stories widget as an
    ``<article>`` (headline link, picture, date), some with its excerpt marked
    ``itemprop="articleBody"``: short, holding neither an ``<h1>`` nor a longer article
    body. Such marks do not make their widget the article's box (``flags`` are the
    element's own, its subtree's folded in)."""
    return text <= MAX_TEASER_CHARS and not flags & (FLAG_H1 | FLAG_MAIN_BODY)


def is_teaser_card(stats: Stats) -> bool:
    """Return True for a teaser-named box that is a card: short, linked, not the article."""
    return (
        stats.anchors >= 1
        and stats.text <= MAX_TEASER_CHARS
        and stats.links >= MIN_TEASER_LINK_SHARE * stats.text
        and not stats.flags & (FLAG_MAIN | FLAG_H1)
    )


def is_footer_heading(tag: str, headed_main: bool) -> bool:
    """Return True when the ``<h1>`` inside a ``<footer>`` does not make it the article's
    box: a ``<main>`` holding an ``<h1>`` came before it (``headed_main``). A shop's
    footer may hold its terms of use in a dialog drawn over the page, titled by an
    ``<h1>`` of its own ("Table of Contents"); 40,000 characters of legal prose outscored
    the page's own content, a category's grid with its introduction. An article whose
    template puts it in a ``<footer>`` holds the page's only ``<h1>``."""
    return headed_main and tag == "footer"


def holds_tab_panels(el: HtmlElement, info: int, stats: Stats, held: int) -> bool:
    """Return True for a box named furniture by ``role="tablist"`` alone that holds prose.

    A strip of tab labels holds no paragraph; an accordion marked so as a whole (Bootstrap's
    accordions put ``role="tablist"`` on the box that holds both the questions and their
    ``role="tabpanel"`` answers) holds the page's questions and answers, a service page's
    requirements, a product's details: content. Such accordions hold a few thousand
    characters; one holding more is left out as before (a collapsed accordion attached
    below a news article, holding an interview of 8,000 characters, would outscore the
    article; a page's whole body of nested tabs is found by the relaxed retry). ``held``:
    the voting paragraphs inside.
    """
    return bool(
        info & _I_ROLE
        and held > 0
        and not info & (_I_STRONG | _I_WEAK | _I_HIDDEN | _I_COMMENT)
        and MIN_TAB_PANELS_CHARS <= stats.text <= MAX_TAB_PANELS_CHARS
        and stats.link_density < MAX_TAB_PANELS_LINK_DENSITY
        and el.get("role") == "tablist"
    )


def is_equation_box(tag: str, stats: Stats, info: int = 0) -> bool:
    """Return True for a visible element holding an equation and no other text.

    Equation renderers name their boxes after their own features (MathJax's
    ``CtxtMenu_Attached_0`` box has a context menu, not a page menu); the box is the
    equation, whatever its class says. A hidden box (a fallback, a copy for screen readers
    beside a visible image) stays out.
    """
    return (
        bool(stats.flags & FLAG_MATH)
        and stats.text == 0
        and not info & _I_HIDDEN
        and tag not in _SOFT_TAGS
    )


def _hides_picture_copy(stats: Stats, info: int) -> bool:
    """Return True for a box hidden by the ``hidden`` utility class that holds a picture
    and has no name of furniture: a lightbox's enlarged copy, whose visible twin may sit
    in a zoom button (``role="button"``, left out as a control). It stays, as it did
    before the utility class counted; ``picture_key`` keeps one copy."""
    return bool(
        info & _I_HIDDEN_UTILITY
        and stats.flags & FLAG_IMG
        and not info & (_I_ROLE | _I_STRONG | _I_WEAK | _I_COMMENT)
    )


def _is_text_form(el: HtmlElement, tag: str, stats: Stats) -> bool:
    """Return True for a <form> holding prose (a shop's product page), not input labels
    (nor a sign-up form's pitch: :func:`is_signup_form`)."""
    return (
        tag == "form"
        and stats.text >= MIN_FORM_TEXT_CHARS
        and stats.link_density < 0.3
        and not is_signup_form(el, stats)
    )


def is_signup_form(el: HtmlElement, stats: Stats) -> bool:
    """Return True for a short form that asks for an e-mail address: a sign-up form.

    A lead magnet in a blog post ("Download your free guide", a paragraph on what the
    guide holds, the fields, a line on the privacy policy, "Send my freebie!") or a
    newsletter box holds a few hundred characters of pitch, enough to pass for a shop's
    product text (:data:`MIN_FORM_TEXT_CHARS`). Its e-mail field tells it apart: an
    ``<input type="email">``, or one whose ``name`` or ``id`` says ``email``. A page
    wrapped whole in a ``<form>`` (ASP.NET) holds more than
    ``MAX_SIGNUP_FORM_CHARS`` and stays, whatever e-mail field its footer has.
    """
    if stats.text > MAX_SIGNUP_FORM_CHARS:
        return False
    for field in el.iter("input"):
        kind = (field.get("type") or "").lower()
        if kind == "email":
            return True
        if kind in ("", "text") and "mail" in f"{field.get('name')} {field.get('id')}".lower():
            return True
    return False


def _has_main_class(el: HtmlElement) -> bool:
    names = el.get("class")
    if names is None:
        names = el.get("id")
        if names is None:
            return False
    return vocab.MAIN_CONTENT.search(names.lower()) is not None


def _exclude(
    el: HtmlElement,
    p0: int,
    h0: int,
    recs: list[HtmlElement] | None,
    paragraphs: list[HtmlElement],
    headings: list[HtmlElement],
    first: str | None,
) -> _Fold:
    """Forget the paragraphs and headings ``el`` held (those from index ``p0`` and ``h0``
    on: appended since its start) and note it in ``recs``; return its fold: nothing but
    its first text run, which its ancestors met."""
    del paragraphs[p0:]
    del headings[h0:]
    if recs is not None:
        recs.append(el)
    return (0, 0, 0, 0, 0, first)
