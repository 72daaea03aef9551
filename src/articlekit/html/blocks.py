"""Build typed blocks and inlines from the main-content elements.

The builder walks the content subtree once, in document order. Block-level elements
(headings, paragraphs, lists, quotes, code, tables, figures, rules) become blocks; runs of
inline content between them become paragraphs, as a browser makes anonymous blocks; two
consecutive ``<br>`` split a paragraph. Elements labelled boilerplate are skipped; a
recommendation widget becomes a ``Recommendations`` block where it stands. Inside the
content, link clusters (menus, tag lists) are left out, and an "Also read: ..." paragraph
or a "Related" heading over a list of links becomes a recommendation block.

Nesting depth is bounded (``MAX_NESTING``): deeper markup is read as plain text, so a
pathological page cannot exhaust the Python stack.
"""

from __future__ import annotations

import bisect
import itertools
import re
import urllib.parse
from collections import Counter
from collections.abc import Callable, Collection, Container, Iterable, Iterator, Sequence
from typing import Final

import attrs
from lxml import etree
from lxml.html import HtmlElement

from articlekit._caseless import CaseBlind
from articlekit._chars import drop_invisible, replace_controls
from articlekit.html import vocab
from articlekit.html.clean import (
    FLAG_BLOCK,
    FLAG_H1,
    FLAG_IMG,
    FLAG_MAIN,
    FLAG_MATH,
    Labels,
    Stats,
    class_id,
)
from articlekit.html.metadata import date_span
from articlekit.html.recommendations import (
    card_link_item,
    is_action_link_text,
    is_author_link,
    is_generic_link_text,
    is_home_link,
    is_page_link,
    is_share_link,
    is_social_profile,
    recommendations_block,
)
from articlekit.html.tree import (
    collapse_ws,
    image_source,
    noscript_image,
    picture_key,
    resolve_url,
    return_free_memory,
    text_of,
)
from articlekit.model import (
    Block,
    Code,
    CodeBlock,
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
    Provenance,
    Quote,
    Recommendation,
    Recommendations,
    Rule,
    Strong,
    Table,
    TableCell,
    TableRow,
    Text,
    plain_text,
)

__all__ = [
    "MAX_NESTING",
    "BlockBuilder",
    "code_language",
    "copies_title",
    "cut_author_bio",
    "cut_author_card",
    "cut_comment_section",
    "display_equation",
    "drop_affiliate_disclosures",
    "drop_dangling_headings",
    "drop_dangling_labels",
    "drop_head_bylines",
    "drop_head_datelines",
    "drop_read_more_links",
    "equation_text",
    "heading_pictures",
    "is_agency_credit",
    "is_byline_line",
    "is_dateline",
    "is_icon_glyph",
    "is_layout_table",
    "is_link_cluster",
    "is_photo_credit",
    "is_promo_line",
    "is_prose_heading",
    "is_read_more_link",
    "is_slideshow_legend",
    "is_stray_line",
    "normalise_headings",
    "only_images",
    "rec_title_text",
    "title_rec_cards",
    "trim_edges",
    "trim_promo_tail",
]


# While freeing a large page's tree (BlockBuilder's ``release``), freed memory is handed
# back to the system after this many elements: libxml2 returns its nodes to the C
# allocator, which keeps them (as small pieces Python cannot use for its own objects)
# unless asked. 2,000 elements of an article-dense page are about 130 kB of input and 1.5 MB
# of tree; one hand-back took 0.5 ms there (93 of them for an 8 MB page: 0.05 s of 12 s;
# every 20,000 elements let the peak overshoot by 1.5x the input).
RELEASE_EVERY_ELEMENTS: Final = 2_000

#: Deepest element nesting read structurally; deeper content is read as plain text.
MAX_NESTING: Final = 120
# Under a recommendation title, the lists after the first one join its block when this
# share of their text is link text (a list per linked article: an Arabic-news site's
# "More:" over three one-item lists; its items are all link text)...
MIN_LINK_LIST_SHARE: Final = 0.9
# ...at most this many (a title heads a few lists, not the rest of the article).
MAX_EXTRA_LINK_LISTS: Final = 10
# (Measured on both corpora and the outside set, 654 pages: every share from 0.3 to 0.95
# gives the same output on every page, and so does every limit from 3 to 20; 1 changes
# two outside pages. Both sit in a wide plateau; the values are the safe ends of it: a
# list of nine parts links in ten is a link list, and ten lists is more than any title
# seen heads.)
# A container inside the content whose text is mostly links is a menu or a tag list:
# share of link text above which it is dropped (0.5 kept "sources" lists on the dev set)...
MAX_CLUSTER_LINK_SHARE: Final = 0.65
# ...when it holds at least this many links.
MIN_CLUSTER_LINKS: Final = 3
# ...unless it holds at least this share of the chosen content's text: then it is the
# content (or a wrapper of it), and a page whose content is mostly links is a listing of
# linked headlines, products or events, whose reader wants them rather than nothing.
WHOLE_CONTENT_SHARE: Final = 0.9
# Boilerplate phrases ("Share this", "Tags:") only drop short paragraphs (characters).
MAX_BOILERPLATE_PHRASE_CHARS: Final = 80
# A table cell holding more text than this is page layout, not data (characters).
LAYOUT_CELL_CHARS: Final = 1200
# Longest text (characters) an image container may hold for it to be read as the image's
# caption rather than as article text.
MAX_CAPTION_CHARS: Final = 300
# A box named like a caption, right after a box holding only a picture, is that picture's
# caption up to this many characters (a lightbox gallery's full description).
MAX_SIDE_CAPTION_CHARS: Final = 600
# A long caption without its picture is looked for in a picture's box this many levels up:
# the business channel's caption sits two levels under its picture box (a wrapper between);
# one more level allows another wrapper, while further up page-wide boxes named "media"
# begin.
MAX_CAPTION_HOLDER_DEPTH: Final = 3
# A paragraph shorter than this (characters) without sentence punctuation is a stray
# line (date, credit, label) when it stands at the edge of the content; 40 measured best
# on the trafilatura dev set among 20/30/40/60 (F1 +0.007; 60 starts losing lead lines).
MAX_STRAY_LINE_CHARS: Final = 40
# A paragraph this short (characters) ending in a photo credit is an image caption; 250
# kept every "with" snippet of the trafilatura dev set (captions run to about 200).
MAX_CREDIT_CAPTION_CHARS: Final = 250
# A closing paragraph this short (characters) with a call to action ("Follow us on ...",
# "Download our app") is furniture; 400 measured on the trafilatura dev set (5 leaks gone,
# no snippet lost; searching any paragraph for social-network names lost five).
MAX_PROMO_TAIL_CHARS: Final = 400
# Longest heading (characters) read as a furniture label ("Teilen mit:", "Share this:").
MAX_FURNITURE_LABEL_CHARS: Final = 30
# A heading opening the body repeats the title when at least this share of its word
# characters are words of the title (Readability's similarity threshold; on
# readability-pages 0.75 found the near copies its output leaves out) ...
TITLE_COPY_SHARE: Final = 0.75
# ... and it has at least this many words: one word of the title ("Videos" under
# "Embedded videos test") is the name of a section.
MIN_TITLE_COPY_WORDS: Final = 2
# A heading over a box of links stays when a paragraph this long (characters) follows the
# box: body text, not a teaser's one-line excerpt (twice MAX_STRAY_LINE_CHARS).
MIN_SECTION_PROSE_CHARS: Final = 80
# A list whose items are all links this long on average (characters) lists articles.
MIN_REC_ITEM_CHARS: Final = 20
# A link drawn around blocks (a heading, a summary, a picture) is a teaser card up to this
# many characters of text; more is a wrapper around a part of the page.
MAX_CARD_LINK_CHARS: Final = 600
# A heading this long (characters) holding two or more sentences is a paragraph in heading
# tags. Only headings that head nothing are read so (the others are titles, however long:
# standfirsts set as <h2> run to 300 on trafilatura-eval); from 100 to 700 the same one
# heading of both corpora changes, a blog's 726-character opening paragraph.
MIN_PROSE_HEADING_CHARS: Final = 200
# rows * columns at which a table without explicit headers counts as data (Readability).
MIN_DATA_TABLE_CELLS: Final = 10
# A cell of a bold first row is a column's name up to this many characters.
MAX_BOLD_HEADER_CELL_CHARS: Final = 80
# The tags that print a cell's text bold.
_BOLD_TAGS: Final = frozenset({"strong", "b"})
# A list numbered like slides ("1/12", "2/12", ...) is a slideshow's legend from this
# many items: two or three numbered items are as likely a short "1 of 3" series of steps.
MIN_SLIDESHOW_ITEMS: Final = 4
# A container whose blocks were all left out but its heading(s) lost at least this many
# characters of its own (a slideshow, a link list): its heading heads nothing and goes. A
# wrapper around a heading and a photo credit loses far less.
MIN_ORPHANING_CHARS: Final = 200
# A link cluster is the article's table of contents, kept as a list, when at least this
# share of its links jump to anchors of the page ("#section-2") that exist. Tables of
# contents on readability-pages (wiki, Sphinx, blog TOC boxes) are 100% such links; menus
# hold at most a "skip to content" link or two, so any value from 0.6 to 0.9 measures alike.
MIN_TOC_FRAGMENT_SHARE: Final = 0.8

_EMPHASIS = frozenset({"em", "i", "cite", "dfn", "var"})
_STRONG = frozenset({"strong", "b"})
_CODE = frozenset({"code", "kbd", "samp", "tt"})
# (<noscript> is not here: the labels decide, since some pages keep the article in one)
_SKIP_INLINE = frozenset({"script", "style", "template", "button", "svg", "input", "select"})
# The tags an icon font's glyph is written with (see is_icon_glyph).
_ICON_HOSTS: Final = frozenset({"i", "span", "mat-icon"})
_CONTAINERS = frozenset(
    {
        "div", "section", "article", "main", "header", "center", "body", "html", "details",
        "summary", "hgroup", "fieldset", "address", "span", "font", "a", "picture", "legend",
        "caption", "figcaption", "tbody", "thead", "tfoot", "tr", "td", "th", "form", "label",
    }
)  # fmt: skip
_CAPTION_HOLDERS = frozenset(
    {"div", "section", "ul", "ol", "table", "header", "center", "span", "td", "p", "a"}
)
_LANG_CLASS = re.compile(
    r"(?:^|\s)(?:language|lang|brush|highlight-source|sourcecode)[-:_ ]+([\w+#.-]+)", re.IGNORECASE
)
# A slide counter opening a caption: "3/50", "3 / 50", "3 of 50", "3 von 50", "3 de 50".
_SLIDE_COUNTER = re.compile(r"^\s*(\d{1,3})\s*(?:/|of|von|de|sur|di|z|из)\s*(\d{1,3})\b")
# Link text that is a web address ("https://nodejs.org/api/inspector.html", "www.x.org/y").
_URL_TEXT = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
# MathML token elements (identifiers, numbers, operators, text): what a reader sees of an
# equation that carries no TeX source, one token per word.
_MATH_TOKENS = ("mi", "mn", "mo", "mtext", "ms")
_MATH_ANNOTATIONS = frozenset({"annotation", "annotation-xml"})
_TEX_ENCODINGS = frozenset({"application/x-tex", "text/x-tex", "application/x-latex"})
# MediaWiki wraps every formula's alttext in "{\displaystyle ...}".
_TEX_STYLE_WRAPPER = re.compile(r"^\{\\(?:displaystyle|textstyle)\s*(.*)\}$", re.DOTALL)
# Wrappers (MathJax's <mjx-container>, KaTeX's spans) between a display equation and the
# run of inline content it stands in; deeper nesting is read as an inline equation.
MAX_EQUATION_WRAPPERS: Final = 4
# The children of a table that hold rows of their own.
_ROW_GROUPS: Final = frozenset({"thead", "tbody", "tfoot"})


def _rows(table: HtmlElement) -> list[HtmlElement]:
    """Return the rows of ``table`` in page order: its ``<tr>`` children and those of its
    ``thead``, ``tbody`` and ``tfoot`` (what ``./tr|./thead/tr|./tbody/tr|./tfoot/tr``
    selects; an XPath call's set-up cost more than this loop, 2.6 against 1.1 us a table)."""
    rows: list[HtmlElement] = []
    for child in table:
        tag = child.tag
        if tag == "tr":
            rows.append(child)
        elif tag in _ROW_GROUPS:
            rows.extend(child.iterchildren("tr"))
    return rows


def _cells(row: HtmlElement) -> list[HtmlElement]:
    """Return the ``td`` and ``th`` children of ``row`` in page order (a tag-filtered walk
    of the children in C: 1.7 against 2.6 us a row for the XPath ``./td|./th``)."""
    return list(row.iterchildren("td", "th"))


# Sphinx names a code box after its language ("highlight-python"); its default names none.
_HIGHLIGHT_LANG: Final = re.compile(r"(?:^|\s)highlight-([a-z][\w+#.-]*)", re.IGNORECASE)
_NO_LANGUAGE: Final = frozenset({"default", "none", "text", "plain", "plaintext", "nohighlight"})
#: Wrappers (each holding nothing else) above a ``<pre>`` that may name its language.
MAX_CODE_WRAPPERS: Final = 3
# The class of a line-number gutter: Pygments' "linenos"/"linenodiv", Rouge's "gutter"/
# "lineno", Chroma's "ln"/"lnt", GitHub's "blob-num", highlight.js's "hljs-ln-numbers",
# SyntaxHighlighter's "gutter", Prism's "line-numbers-rows", a "line-number" span.
_GUTTER_CLASS: Final = re.compile(
    r"(?:^|\s)(?:linenos?|linenodiv|lineno|line-?numbers?(?:-rows)?|line-?num|gutter|gl|lnt?"
    r"|blob-num|hljs-ln-numbers|hljs-ln-n|react-line-number|code-line-number)(?:\s|$)",
    re.IGNORECASE,
)
# The class of a code table's code cell ("code", "blob-code", "hljs-ln-code", Chroma's "lntd").
_CODE_CELL_CLASS: Final = re.compile(
    r"(?:^|\s)(?:code|blob-code|blob-code-inner|hljs-ln-code|lntd|rouge-code)(?:\s|$)",
    re.IGNORECASE,
)
# Elements whose end starts a new line of code when no line break ends the text yet: a
# table row of a line-per-row highlighter, a line drawn as a <div>.
_CODE_LINE_TAGS: Final = frozenset({"tr", "div", "p", "li"})
_DIGITS_ONLY: Final = re.compile(r"^[\d\s]*$")
# The tags a gallery's caption is written in besides <figcaption> (is_captioned_gallery).
_GALLERY_CAPTION_TAGS: Final = frozenset({"dd", "div", "p", "span"})


def _is_gutter(el: HtmlElement) -> bool:
    """Return True for a line-number gutter: a box named so that holds digits alone."""
    names = el.get("class")
    return (
        bool(names)
        and _GUTTER_CLASS.search(names) is not None
        and _DIGITS_ONLY.match(text_of(el)) is not None
    )


def _needs_code_walk(el: HtmlElement) -> bool:
    """Return True when the text of ``el`` alone is not its code: it holds a ``<br>``, a
    line drawn as a row or a block, or a line-number gutter."""
    for node in el.iterdescendants():
        tag = node.tag
        if not isinstance(tag, str):
            continue
        if tag == "br" or tag in _CODE_LINE_TAGS or _is_gutter(node):
            return True
    return False


def code_text(el: HtmlElement) -> str:
    """Return the code a ``<pre>`` (or a code table's cell) shows, as a reader copies it.

    A ``<br>`` is a line break; a table row or a ``<div>`` that ends a line without one
    (highlight.js's line-number table, SyntaxHighlighter's ``<div class="line">``) ends
    it; a line-number gutter (``_GUTTER_CLASS``, digits alone: Chroma's ``<span
    class="ln">1</span>`` before each line, Rouge's gutter cell) is no part of the code.
    Without any of these the element's text is its code, as it always was.
    """
    if not _needs_code_walk(el):
        return text_of(el)
    parts: list[str] = []
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        tag = node.tag
        if event == "start":
            if node is el:
                if node.text:
                    parts.append(node.text)
                continue
            if not isinstance(tag, str) or tag in _SKIP_INLINE or _is_gutter(node):
                walker.skip_subtree()
                continue
            if tag == "br":
                parts.append("\n")
            elif node.text:
                parts.append(node.text)
            continue
        if node is el:
            break
        if tag in _CODE_LINE_TAGS and parts and not parts[-1].endswith("\n"):
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)
    return "".join(parts)


def code_table(el: HtmlElement) -> list[HtmlElement] | None:
    """Return the code cells of a table that is code beside its line numbers, else None.

    Highlighters print numbered code as a table: a gutter cell of line numbers beside a
    cell of code, in one row (Pygments' ``highlighttable``, Hugo's ``lntable``,
    SyntaxHighlighter) or one row a line (a GitHub gist, highlight.js's line numbers).
    Every row must be two cells, a gutter (digits alone, named so or holding a ``<pre>``,
    or empty and named so) and code (a ``<pre>``, or a cell named "code"). Read as a
    table, the numbers became a code block of their own, or every line a paragraph.
    """
    rows = _rows(el)
    if not rows:
        return None
    found: list[HtmlElement] = []
    for row in rows:
        cells = _cells(row)
        if len(cells) != 2:
            return None
        gutter, code = cells
        if _DIGITS_ONLY.match(text_of(gutter)) is None:
            return None
        gutter_names = gutter.get("class") or ""
        if not (_GUTTER_CLASS.search(gutter_names) or gutter.find(".//pre") is not None):
            return None
        if code.find(".//pre") is None and not _CODE_CELL_CLASS.search(code.get("class") or ""):
            return None
        found.append(code)
    return found


#: Pictures, each with a caption of its own, that make a box a gallery of figures.
MIN_GALLERY_FIGURES: Final = 2


# A pull quote's box ("pullquote", "pull-quote", "wp-block-pullquote", "article-pullquote").
_PULL_QUOTE_CLASS: Final = re.compile(r"pull[-_]?quote", re.IGNORECASE)
#: Share of a pull quote's four-word shingles found elsewhere in the content that makes
#: it a repetition of the article's words.
MIN_PULL_QUOTE_SHARE: Final = 0.5


def _shingle_counts(text: str) -> Counter[tuple[str, ...]]:
    """Return how often each four-word shingle of ``text`` occurs (words lower-cased,
    punctuation left out)."""
    words = _WORD.findall(text.lower())
    return Counter(tuple(words[i : i + 4]) for i in range(len(words) - 3))


# What a footnote's link back to its mark shows in the notes Markdown processors write: a
# return arrow ("↩", "↩︎", "⤴"), maybe numbered ("↩2" for a note cited twice). An
# encyclopedia's caret ("^", "↑") before a reference stays: Readability's truth keeps it
# (readability-pages list items 0.954 -> 0.591 when it went).
_BACK_REFERENCE: Final = re.compile(r"^\s*[\u21a9\u2934][\ufe0e\ufe0f]?\d*\s*$")


def is_back_reference(inlines: Sequence[Inline]) -> bool:
    """Return True for the text of a footnote's link back to where it is cited: a return
    arrow alone (``_BACK_REFERENCE``; the link's address is a fragment). Markdown
    processors (Python-Markdown, kramdown, pandoc, markdown-it) close every note with
    one; kept, each note read "Council minutes, 4 June 2019. ↩" and linked back to the
    page."""
    return bool(inlines) and _BACK_REFERENCE.match(plain_text(inlines)) is not None


def gallery_captions(el: HtmlElement) -> list[HtmlElement]:
    """Return the captions of a box of several pictures that each have their own, else [].

    A gallery prints each picture in a box with its caption (WordPress's gallery block: a
    ``<figure>`` of ``<figure>``s, each with a ``<figcaption>``, and one for the
    gallery; its classic gallery: a ``<dl class="gallery-item">`` each, the caption a
    ``<dd class="gallery-caption">``; an encyclopedia's multiple-image box). Read as one
    figure, the box kept its first caption under its last picture, or every caption run
    together. It holds ``MIN_GALLERY_FIGURES`` or more pictures and as many captions
    (``<figcaption>`` or a box named as a caption, holding text and no picture; one
    inside another counts once; the box's own caption, a child of it, does not count;
    a picture drawn by a script, a data URI in the markup, is none), returned in page
    order.
    """
    captions: list[HtmlElement] = []
    walker = etree.iterwalk(el, events=("start",))
    for _event, node in walker:
        tag = node.tag
        if node is el or not isinstance(tag, str):
            continue
        if tag == "figcaption" or (
            tag in _GALLERY_CAPTION_TAGS and vocab.CAPTION_CLASS.search(node.get("class") or "")
        ):
            if node.find(".//img") is not None or not text_of(node).strip():
                continue
            captions.append(node)
            walker.skip_subtree()  # a caption inside this one is part of it
    # (the box's own caption, a child of it, captions the whole: a picture and a badge
    # beside its credit under one caption are one figure)
    if sum(1 for caption in captions if caption.getparent() is not el) < MIN_GALLERY_FIGURES:
        return []
    pictures = {image_source(img) for img in el.iter("img") if img.getparent().tag != "noscript"}
    shown = sum(1 for src in pictures if src and not src.startswith("data:"))
    return captions if shown >= MIN_GALLERY_FIGURES else []


def is_picture_definition(dl: HtmlElement) -> bool:
    """Return True for a ``<dl>`` that is a picture and its caption: each term (``<dt>``)
    a picture without text, the definitions its caption. WordPress's classic gallery
    prints each picture so (``<dl class="gallery-item"><dt class="gallery-icon"><a><img>
    </a></dt><dd class="gallery-caption">...</dd></dl>``); read as a definition list, the
    picture became a bold term."""
    terms = dl.findall("dt")
    return bool(terms) and all(
        term.find(".//img") is not None and not text_of(term).strip() for term in terms
    )


def code_language(el: HtmlElement) -> str | None:
    """Return the language a ``<pre>``/``<code>`` declares (``language-x``, ``lang-x``),
    or a wrapper holding nothing else names (Jekyll's ``<div class="language-python
    highlighter-rouge">``, Sphinx's ``<div class="highlight-python">``)."""
    found = _own_language(el)
    if found is not None:
        return found
    node = el
    for _ in range(MAX_CODE_WRAPPERS):
        parent = node.getparent()
        if parent is None or len(parent) != 1:
            break
        found = _own_language(parent, wrapper=True)
        if found is not None:
            return found
        node = parent
    return None


def _own_language(el: HtmlElement, *, wrapper: bool = False) -> str | None:
    """Return the language ``el`` (or its ``<code>``) declares in its class or
    ``data-lang``; a ``wrapper`` may name it Sphinx's way too (``highlight-python``)."""
    for node in (el, el.find("code")):
        if node is None:
            continue
        names = node.get("class") or ""
        match = _LANG_CLASS.search(names)
        if match:
            lang = match.group(1).strip(".-").lower()
            if lang:
                return lang
        if wrapper:
            named = _HIGHLIGHT_LANG.search(names)
            if named and named.group(1).lower() not in _NO_LANGUAGE:
                return named.group(1).lower()
        declared: str | None = node.get("data-lang") or node.get("data-language")
        if declared and declared.strip():
            return declared.strip().lower()
    return None


def equation_text(math: HtmlElement) -> str:
    """Return the text of a MathML equation: its ``alttext``, its TeX source, else its tokens.

    Renderers (MathJax, KaTeX, MediaWiki) keep the TeX in ``alttext`` or in an
    ``<annotation encoding="application/x-tex">``; MathML written by hand has only its
    tokens (``<mi>x</mi><mo>=</mo><mn>2</mn>``), read one word each: "x = 2".
    """
    alt = collapse_ws(math.get("alttext") or "").strip()
    if not alt:
        for note in math.iter("annotation"):
            if (note.get("encoding") or "").strip().lower() in _TEX_ENCODINGS:
                alt = collapse_ws(text_of(note)).strip()
                if alt:
                    break
    if alt:
        wrapped = _TEX_STYLE_WRAPPER.match(alt)
        return wrapped.group(1).strip() if wrapped else alt
    words = [
        collapse_ws(text_of(token)).strip()
        for token in math.iter(*_MATH_TOKENS)
        if not any(a.tag in _MATH_ANNOTATIONS for a in token.iterancestors())
    ]
    return " ".join(w for w in words if w) or collapse_ws(text_of(math)).strip()


def display_equation(
    el: HtmlElement, stats: dict[HtmlElement, Stats], skip: Container[HtmlElement]
) -> HtmlElement | None:
    """Return the display equation (``<math display="block">``) that ``el`` is, else None.

    ``el`` may be the ``<math>`` itself or a wrapper holding nothing else (MathJax's
    ``<mjx-container>``, KaTeX's ``katex-display`` span; their hidden rendering is in
    ``skip``). Such an equation is a block of its own between paragraphs, not a word of one.
    """
    node = el
    for _ in range(MAX_EQUATION_WRAPPERS + 1):
        if node.tag == "math":
            display = (node.get("display") or node.get("mode") or "").strip().lower()
            return node if display in ("block", "display") else None
        st = stats.get(node)
        if st is None or not st.flags & FLAG_MATH or (node.text or "").strip():
            return None
        inner = [c for c in node if isinstance(c.tag, str) and c not in skip]
        if len(inner) != 1 or (inner[0].tail or "").strip():
            return None
        node = inner[0]
    return None


def is_formula_picture(el: HtmlElement) -> bool:
    """Return True for the picture of a formula printed beside its hidden MathML.

    MediaWiki prints each formula twice: MathML for screen readers, hidden from sight
    (``display: none``), and right after it a picture of the formula hidden from screen
    readers (``<img aria-hidden="true" alt="{\\displaystyle ...}">``). Each copy is hidden
    one way; leaving out both would leave the sentence with a hole where the formula was
    ("notations in common use are ,"). The picture is what a reader sees: it is kept, its
    alt text the formula's TeX (which ``to_text`` prints).
    """
    if el.tag != "img" or el.get("aria-hidden") != "true":
        return False
    before = el.getprevious()
    return before is not None and next(before.iter("math"), None) is not None


# A grid item (``<li>``) holds a card's text box at most this many levels up.
CARD_ITEM_LEVELS: Final = 4


def is_grid_card_text(el: HtmlElement) -> bool:
    """Return True when ``el``, a box named like a caption, is the text of a card in a
    grid: it holds a heading that links to a page (a product's or a story's name) and
    sits in a list item at most ``CARD_ITEM_LEVELS`` up. A shop's product grid names the
    box of each product's name, summary and price ``product-caption``; a caption of a
    picture or a video in an article stands in no list item."""
    in_item = any(anc.tag == "li" for anc in itertools.islice(el.iterancestors(), CARD_ITEM_LEVELS))
    return in_item and any(
        a.get("href") for h in el.iterdescendants(*vocab.HEADING_TAGS) for a in h.iter("a")
    )


# A box named like a picture's is a card of a grid (read as text, not as a figure) when
# its parent holds at least this many boxes of its tag and class...
MIN_GRID_CARDS: Final = 3
# ...that are the most of its children (others at most this share of the cards: an
# article's picture boxes stand between its paragraphs)...
MAX_GRID_OTHERS_SHARE: Final = 0.25
# ...and a link in it names a page in this many characters of its own text or more.
MIN_CARD_NAME_CHARS: Final = 10


def _first_class(names: str | None) -> str:
    """Return the first class name of a ``class`` attribute ("" for none): the name a
    grid's cards share, when later names tell them apart ("item item-42")."""
    return names.split(None, 1)[0] if names and not names.isspace() else ""


def is_grid_card(el: HtmlElement) -> bool:
    """Return True when ``el``, a box named like a picture's (``thumb``, ``image``) that
    holds a picture, is a card of a grid: a linked name with text of its own (a product's
    name, its SKU and price; an event's title and dates) beside ``MIN_GRID_CARDS`` - 1
    or more sibling boxes of the same tag and class, which fill their parent (other
    children at most ``MAX_GRID_OTHERS_SHARE`` of the cards' number).

    A shop's category page names each product's tile after its thumbnail; read as a
    figure, its name and price went into a caption that the text leaves out. A gallery's
    items link to their pictures through the picture alone, with no name in the link.
    """
    names = el.get("class")
    parent = el.getparent()
    if not names or parent is None:
        return False
    if not _holds_named_link(el):
        return False
    kind = _first_class(names)
    same = others = 0
    for sibling in parent:
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag == el.tag and _first_class(sibling.get("class")) == kind:
            same += 1
        else:
            others += 1
    return same >= MIN_GRID_CARDS and others <= MAX_GRID_OTHERS_SHARE * same


_SECTION_HEADINGS: Final = ("h2", "h3", "h4", "h5", "h6")


def is_titled_section(el: HtmlElement) -> bool:
    """Return True when ``el``, a box named like a picture's (``image``, ``media``) that
    holds a picture and little text, is a titled section beside its picture: it holds a
    heading and a paragraph.

    A page drawn as rows of a picture beside a block of text (a venue's list of markets,
    a product's features) may name every row after its picture ("two-columns
    content-component_image"); read as a figure, the row's heading and paragraph went
    into the caption, which the text leaves out. A picture's caption is a line of text,
    not a heading over a paragraph.
    """
    return el.find(".//p") is not None and any(True for _ in el.iter(*_SECTION_HEADINGS))


def is_card_figure(el: HtmlElement) -> bool:
    """Return True when ``el``, a ``<figure>`` with no ``<figcaption>``, is a card: it
    holds a link that names a page in ``MIN_CARD_NAME_CHARS`` or more characters of text
    (a product's name over its price and colours, a story's headline over its summary).

    A shop's grid may wrap each product's picture and text in a ``<figure>``; read as a
    figure, only the picture was kept (a figure without a caption element has no caption),
    and the grid's names and prices were lost. A picture's own figure names nothing in a
    link: its words, when it has any, are a ``<figcaption>``'s.
    """
    return _holds_named_link(el)


def _holds_named_link(el: HtmlElement) -> bool:
    """Return True when ``el`` holds a link naming a page in ``MIN_CARD_NAME_CHARS`` or
    more characters of its own text (a card's name, not a picture's bare link)."""
    return any(
        a.get("href") and len(collapse_ws(a.text_content()).strip()) >= MIN_CARD_NAME_CHARS
        for a in el.iter("a")
    )


def same_page(url: str, page_url: str | None) -> bool:
    """Return True when ``url`` is the address ``page_url`` of the page itself, fragments
    (``#top``) aside; False without a page address."""
    if not page_url:
        return False
    return url.split("#")[0] == page_url.split("#")[0]


def stays_on_page(href: str, page_url: str | None = None) -> bool:
    """Return True when a link to ``href`` opens nothing but the page it stands on: it has
    no address, a fragment (``#``, ``#slide-2``), a script (``javascript:``), or the page's
    own address ``page_url`` (what a ``#slide-2`` resolves to against it).

    Such a link around a picture opens a lightbox or a slideshow: the picture is the
    article's, where a link to another page around one is a teaser of that page
    (:func:`is_lightbox_gallery` on the raw ``href`` of a box's links, the paragraphs'
    self-linked pictures on a resolved :class:`~articlekit.Link`).
    """
    return not href or href.startswith(("#", "javascript:")) or same_page(href, page_url)


def is_lightbox_gallery(el: HtmlElement, stats: Stats) -> bool:
    """Return True for a box of links that is a picture gallery, not a menu: it holds a
    picture, and every link in it opens something on the page itself (``href="#"``,
    ``#slide-2``, ``javascript:``, no ``href``) - a lightbox or a slideshow's triggers,
    around pictures that all differ - where a menu's or a tag list's links lead to pages
    and a rating's links repeat its star pictures.

    A review's "Gallery: 14 Photos" box shows its first slide in a link that opens the
    slideshow, with a strip of thumbnails and a "+11" counter linked the same way: its
    link text outweighs its own, so the box read as a link cluster and its picture was
    lost. Its pictures are read as the box's blocks instead (the thumbnail strip, a list
    of such links, is still a cluster).
    """
    if not stats.flags & FLAG_IMG:
        return False
    pictures: list[str] = []
    for link in el.iter("a"):
        if not stays_on_page((link.get("href") or "").strip()):
            return False
        pictures.extend(image_source(img) or "" for img in link.iter("img"))
    # a rating's stars repeat one or two pictures, a gallery's slides differ
    return bool(pictures) and len(set(pictures)) == len(pictures)


# Content read with at least this many teaser cards, each a recommendations block of its
# own (text between them: a summary, a price), is a listing of cards...
MIN_LISTING_CARDS: Final = 4
# ...when its other blocks hold at most this many characters a card (an entry's summary,
# byline and date; an article's inline "read also" cards stand between long stretches
# of prose).
MAX_LISTING_TEXT_PER_CARD: Final = 400


def is_card_listing(blocks: Sequence[Block], cards: int) -> bool:
    """Return True when ``blocks``, read from one content element, are a listing of teaser
    cards rather than an article with some: ``cards`` (card links read as recommendations
    blocks of their own, separated by other blocks) is ``MIN_LISTING_CARDS`` or more,
    and the blocks other than recommendations hold at most
    ``MAX_LISTING_TEXT_PER_CARD`` characters a card.

    A category or archive page draws each story as a link around its headline, beside its
    picture, summary and byline; read as an article, every headline became a one-item
    recommendations block and the page's text was its summaries alone. On a page that is
    a listing the listing is the content (an article's related cards stand together, one
    block, and its prose outweighs them).
    """
    if cards < MIN_LISTING_CARDS:
        return False
    limit = MAX_LISTING_TEXT_PER_CARD * cards
    text = 0
    for block in blocks:
        if not isinstance(block, Recommendations):
            text += len(plain_text(block))
            if text > limit:
                return False
    return True


def link_entry_heading(blocks: list[Block], start: int, url: str) -> None:
    """Make the first heading of ``blocks[start:]``, the blocks of a listing's entry read
    from a link drawn around them, a link to ``url`` (the entry's page), unless it holds
    a link already. A listing's headlines keep the pages they name (and the verdict still
    sees headings that are links)."""
    for index in range(start, len(blocks)):
        block = blocks[index]
        if isinstance(block, Heading):
            if not any(isinstance(x, Link) for x in block.content):
                blocks[index] = attrs.evolve(block, content=(Link(url=url, content=block.content),))
            return


def is_link_cluster(stats: Stats) -> bool:
    """Return True for a block that is mostly links: a menu, a tag list, a link farm."""
    return stats.anchors >= MIN_CLUSTER_LINKS and stats.links > MAX_CLUSTER_LINK_SHARE * stats.text


def _bold_text_only(cell: HtmlElement) -> bool | None:
    """Return True when all the text of ``cell`` is inside ``<strong>``/``<b>``, False
    when some is not, None when the cell has no text (an empty corner)."""
    found = False
    stack: list[tuple[HtmlElement, bool]] = [(cell, False)]
    while stack:
        el, bold = stack.pop()
        bold = bold or el.tag in _BOLD_TAGS
        if el.text and el.text.strip():
            if not bold:
                return False
            found = True
        for child in el:
            if isinstance(child.tag, str):
                stack.append((child, bold))
            if child.tail and child.tail.strip():
                if not bold:
                    return False
                found = True
    return True if found else None


def _is_bold_row(row: HtmlElement) -> bool:
    """Return True for a row of two or more cells whose text is all bold, in short
    names (``MAX_BOLD_HEADER_CELL_CHARS``) and at least one cell, with no picture."""
    cells = _cells(row)
    if len(cells) < 2:
        return False
    named = False
    for cell in cells:
        bold = _bold_text_only(cell)
        if bold is False or cell.find(".//img") is not None:
            return False
        if bold:
            if len(collapse_ws(text_of(cell)).strip()) > MAX_BOLD_HEADER_CELL_CHARS:
                return False
            named = True
    return named


def has_bold_header_row(rows: Sequence[HtmlElement]) -> bool:
    """Return True when ``rows`` (a table's, with no ``th`` or ``thead``) open with a header
    written in bold: a first row whose cells are all bold short names or empty (a corner),
    above a row that is not so.

    Blog editors and CMS tables draw the header row as ``<td><strong>Name</strong></td>``;
    it names the columns as a ``<th>`` row does (a data-table signal and a header row),
    where a layout table's first row holds a picture, a prose cell or one title cell.
    """
    return len(rows) >= 2 and _is_bold_row(rows[0]) and not _is_bold_row(rows[1])


def is_layout_table(table: HtmlElement, stats: dict[HtmlElement, Stats]) -> bool:
    """Return True for a table used to lay out a page rather than to hold data."""
    role = table.get("role")
    if role in ("presentation", "none") or table.get("datatable") == "0":
        return True
    if table.find(".//table") is not None:
        return True
    rows = _rows(table)
    if not rows:
        return True
    cols = max(len(_cells(row)) for row in rows)
    cells_with_prose = 0
    for row in rows:
        for cell in _cells(row):
            st = stats.get(cell)
            if st is None:
                continue
            if st.text > LAYOUT_CELL_CHARS:
                return True
            if st.flags & FLAG_BLOCK and st.text > 200 and cell.find(".//p") is not None:
                cells_with_prose += 1
    if table.find("caption") is not None or table.find("thead") is not None:
        return False
    if table.find(".//th") is not None or table.get("summary"):
        return cells_with_prose > len(rows)
    if has_bold_header_row(rows):
        return cells_with_prose >= len(rows)  # (the header row holds no prose)
    if cells_with_prose:
        return True
    if len(rows) == 1 or cols <= 1:
        return True
    return len(rows) * cols < MIN_DATA_TABLE_CELLS and len(rows) < 3


def is_slideshow_legend(el: HtmlElement) -> bool:
    """Return True for a list whose items are numbered "1/12", "2/12", ... (or "1 of 12").

    That counter is how slideshows caption their slides; the count must be the number of
    items and the numbers must run 1, 2, 3, ... in order.
    """
    items = [child for child in el if child.tag == "li"]
    if len(items) < MIN_SLIDESHOW_ITEMS:
        return False
    for index, item in enumerate(items, start=1):
        match = _SLIDE_COUNTER.match(text_of(item))
        if match is None or int(match[1]) != index or int(match[2]) != len(items):
            return False
    return True


def _orphaned_headings(blocks: list[Block], container_chars: int) -> bool:
    """Return True when a container kept nothing but headings of a much larger text."""
    if not all(isinstance(b, Heading) for b in blocks):
        return False
    kept = sum(len(plain_text(b)) for b in blocks)
    return container_chars - kept >= MIN_ORPHANING_CHARS


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


_WORD = re.compile(r"\w+")
# A sentence's end followed by the next sentence's capital letter.
_SENTENCE_BREAK = re.compile(r"[^\W\d][.!?…][\"“”»«)]?\s+[\"“„»«(]?[A-ZÀ-ÖØ-Þ]")
_SENTENCE_END = re.compile(r"[.!?…:;\"“”»«)\]]\s*$")


def is_stray_line(block: Block) -> bool:
    """Return True for a short paragraph that is not a sentence: a date, a credit, a label."""
    if not isinstance(block, Paragraph):
        return False
    text = plain_text(block).strip()
    return len(text) < MAX_STRAY_LINE_CHARS and not _SENTENCE_END.search(text)


# What every photo credit holds: a "©", the colon after "Foto"/"Credit"/..., or
# "copyright" (each alternative of vocab.PHOTO_CREDIT needs one; same flags, so the same
# case variants). PHOTO_CREDIT tries its alternatives at every character; this finds
# its marks fast, and 4 short paragraphs in 5 hold none (is_photo_credit 0.07 -> 0.03 ms a
# page on trafilatura-eval, same answers).
_CREDIT_MARK = CaseBlind(r"[©:]|copyright")


# "Ã©" is "é" (UTF-8 C3 A9) read as Latin-1, on a page encoded twice: its "©" is no mark.
_MOJIBAKE_E_ACUTE: Final = "\u00c3\u00a9"


def is_photo_credit(text: str) -> bool:
    """Return True for a short paragraph that ends in a photo credit: an image's caption.

    A "©" right after "Ã" marks nothing (:data:`_MOJIBAKE_E_ACUTE`): a short French
    paragraph ending "... cafÃ© du coin." went as a credit. Such a match is searched
    past (a lookbehind in ``PHOTO_CREDIT`` cost every search ~15%).
    """
    if len(text) > MAX_CREDIT_CAPTION_CHARS or not _CREDIT_MARK.search(text):
        return False
    found = vocab.PHOTO_CREDIT.search(text)
    while found is not None and text.startswith(_MOJIBAKE_E_ACUTE, found.start() - 1):
        found = vocab.PHOTO_CREDIT.search(text, found.start() + 1)
    return found is not None


# A credit line without a mark: names of at most this many words each, between slashes
# or "via", one of them an agency ("Mike Watson Images/Moodboard/Getty"); a caption's
# sentence ("The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters") is longer.
MAX_CREDIT_NAME_WORDS: Final = 4
MAX_AGENCY_CREDIT_CHARS: Final = 80
_SENTENCE_MARKS: Final = frozenset(".!?:;")
_CREDIT_PARTS: Final = re.compile(r"\s*(?:/|\bvia\b|\|)\s*", re.IGNORECASE)
_CREDIT_LABEL: Final = re.compile(
    r"^(?:photos?|fotos?|bild|images?|credits?|quelle|source)\s*:?\s*", re.IGNORECASE
)


def is_agency_credit(text: str) -> bool:
    """Return True for a paragraph that is only a picture's credit naming an agency, with
    no mark before it ("Shutterstock", "(Mike Watson Images/Moodboard/Getty)",
    "evgenyb/iStock/Getty Images", "Photo: Ashraf Amra/Anadolu via Getty Images")."""
    if len(text) > MAX_AGENCY_CREDIT_CHARS:
        return False
    # (the shape first, the case-blind agency names last: this runs for every short
    # paragraph, and most are sentences)
    body = text.strip().strip("()[] ")
    label = _CREDIT_LABEL.match(body)
    if label is not None:
        body = body[label.end() :]
    if not body or not _SENTENCE_MARKS.isdisjoint(body):
        return False
    if "/" in body or "|" in body or "via" in body.lower():
        parts = _CREDIT_PARTS.split(body)
        if any(len(part.split()) > MAX_CREDIT_NAME_WORDS for part in parts):
            return False
    elif len(body.split()) > MAX_CREDIT_NAME_WORDS:
        return False
    return vocab.PHOTO_AGENCY.search(body.lower()) is not None


# A dateline: a date with at most a label and a time ("17 April 2012 • 2:54pm",
# "Published: March 5, 2024", "Aktualisiert am 17.01.2021, 12:35 Uhr").
MAX_DATELINE_CHARS: Final = 60
# Words of letters a dateline holds besides its date: a label ("Updated on", "Veröffentlicht
# am") and an "Uhr" or "GMT" after the time.
MAX_DATELINE_LABEL_WORDS: Final = 3
_TIME: Final = re.compile(
    # (a time zone's abbreviation after it, upper case only: "5:36 PM CST", "10:05 GMT")
    r"\b\d{1,2}[:.h]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s(?-i:[A-Z]{1,2}[SD]?T|UTC|GMT)\b)?",
    re.IGNORECASE,
)
# A page's two dates on one line, published and updated: "Published Nov 18, 2019 at 4:07
# PM | Updated at 5:36 PM CST on Nov 18, 2019" (two sites of the outside shingle set).
_DATELINE_SEPARATOR: Final = re.compile(r"\s[|•·]\s")
_LETTER_WORD: Final = re.compile(r"[^\W\d_]+")


def is_dateline(block: Block) -> bool:
    """Return True for a paragraph that is only a date, with at most a label and a time,
    or two such dates on one line ("Published ... | Updated ...")."""
    if not isinstance(block, Paragraph):
        return False
    text = plain_text(block).strip()
    if len(text) > MAX_DATELINE_CHARS:
        parts = _DATELINE_SEPARATOR.split(text)
        return len(parts) == 2 and all(_is_date_text(part.strip()) for part in parts)
    return _is_date_text(text)


def _is_date_text(text: str) -> bool:
    """Return True for a text that is only a date, with at most a label and a time."""
    if len(text) > MAX_DATELINE_CHARS:
        return False
    span = date_span(text)
    if span is None:
        return False
    rest = text[: span[0]] + " " + text[span[1] :]
    # a page's date printed twice, long and short (a desktop and a phone layout:
    # "Published Thursday 27 July 2017 Published Thu 27 Jul 2017")
    again = date_span(rest)
    if again is not None:
        rest = rest[: again[0]] + " " + rest[again[1] :]
    rest = _TIME.sub(" ", rest)
    # (the second date brings its label again, and a weekday: one word more)
    return len(_LETTER_WORD.findall(rest)) <= MAX_DATELINE_LABEL_WORDS + (again is not None)


# The head of the article: the blocks a dateline may stand among (a standfirst, a picture,
# a byline). Further down a date is a part of the text (a diary's entries, a timeline).
MAX_HEAD_BLOCKS: Final = 4


def drop_head_datelines(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` without datelines among the first :data:`MAX_HEAD_BLOCKS` blocks.

    The page's date is metadata (``published``, read from the markup); printed under the
    headline or the standfirst it is the page's furniture, as a reader and every other
    extractor see it, not a paragraph of the article.
    """
    head = [b for b in blocks[:MAX_HEAD_BLOCKS] if not is_dateline(b)]
    if len(head) == min(len(blocks), MAX_HEAD_BLOCKS):
        return blocks
    return head + blocks[MAX_HEAD_BLOCKS:]


# A byline printed under the headline: a paragraph this short (characters) ...
MAX_BYLINE_LINE_CHARS: Final = 160
# ... holding an author's name and, besides the names, dates and times, at most this many
# words ("Written by ... Edited by Betsy Beyer", "By ... WebMD Health News"). 3 and 4 keep
# the first of those on readability-pages; 6, 8 and 10 give the same answers on both
# corpora (paragraph F1 0.926 -> 0.927; trafilatura-eval one leak less): the least is kept.
MAX_BYLINE_OTHER_WORDS: Final = 6
# Dates a byline line may hold (published, updated).
MAX_BYLINE_DATES: Final = 2
# Shorter author names are not looked for in text (initials, "AP" inside other words).
MIN_BYLINE_NAME_CHARS: Final = 3


def is_byline_line(block: Block, authors: Iterable[str]) -> bool:
    """Return True for a short paragraph that is the byline of one of ``authors``.

    The authors are metadata (``Metadata.authors``); printed under the headline with
    a lead word, a role, the outlet or the date ("By Kelli Miller / WebMD Health News",
    "AFP 30 avril 2015 à 07:19"), they are the page's furniture, not a paragraph.
    """
    if not isinstance(block, Paragraph):
        return False
    text = plain_text(block).strip()
    if len(text) > MAX_BYLINE_LINE_CHARS or _holds_image(block.content):
        return False  # (an author's portrait is a picture of the page, kept as such)
    if vocab.BYLINE_LEAD.match(text):
        # "By" alone: the author's name, a link to the author's page, went as furniture
        # (as a desk's byline does: is_desk_byline)
        return True
    folded, found = _without_names(collapse_ws(text).casefold(), authors)
    if not found:
        return False
    rest = _TIME.sub(" ", _without_dates(folded))
    return len(_LETTER_WORD.findall(rest)) <= MAX_BYLINE_OTHER_WORDS


def _without_names(folded: str, names: Iterable[str]) -> tuple[str, bool]:
    """Return the case-folded line ``folded`` with each of ``names`` (as whole words, if at
    least ``MIN_BYLINE_NAME_CHARS`` long) blanked out, and whether any was there."""
    found = False
    for name in names:
        key = collapse_ws(name).casefold().strip()
        if len(key) < MIN_BYLINE_NAME_CHARS:
            continue
        folded, count = re.subn(r"(?<!\w)" + re.escape(key) + r"(?!\w)", " ", folded)
        found = found or count > 0
    return folded, found


def _without_dates(folded: str) -> str:
    """Return ``folded`` with up to ``MAX_BYLINE_DATES`` written dates blanked out."""
    for _ in range(MAX_BYLINE_DATES):
        span = date_span(folded)
        if span is None:
            break
        folded = folded[: span[0]] + " " + folded[span[1] :]
    return folded


def _holds_image(inlines: Iterable[Inline]) -> bool:
    """Return True when ``inlines`` hold an image, bare or inside a link."""
    return any(
        isinstance(x, Image) or (isinstance(x, Link) and _holds_image(x.content)) for x in inlines
    )


# A desk byline is this short (characters): "von tennisnet.com", "Redaktion",
# "auto-motor.at Redaktion", "By TMZ Staff" with its date.
MAX_DESK_BYLINE_CHARS: Final = 100
# ... and, once the desk, the outlet, dates and byline lead words are taken out, holds at
# most this many words (a time zone, "Mitglied der", a role).
MAX_DESK_BYLINE_OTHER_WORDS: Final = 1


def is_desk_byline(block: Block, outlets: Iterable[str]) -> bool:
    """Return True for a short paragraph that credits the outlet's desk, not a person:
    "von tennisnet.com", "Redaktion", "auto-motor.at Redaktion", "BY TMZ STAFF".

    The metadata names no author then (a desk is no person, so no author is given), so
    :func:`is_byline_line` finds nothing to look for. ``outlets``: the site's name and
    host; the line must name one of them or a desk (``vocab.DESK_WORD``), and hold
    nothing else but byline lead words, dates and at most
    ``MAX_DESK_BYLINE_OTHER_WORDS`` other words.
    """
    if not isinstance(block, Paragraph):
        return False
    text = plain_text(block).strip()
    if not text or len(text) > MAX_DESK_BYLINE_CHARS or _holds_image(block.content):
        return False
    if vocab.BYLINE_LEAD.match(text):
        return True  # "von" alone: the byline's name was a link to the desk, left out
    folded = collapse_ws(text).casefold()
    folded, desks = vocab.DESK_WORD.subn(" ", folded)
    folded, named = _without_names(folded, outlets)
    if not (named or desks):
        return False
    words = _LETTER_WORD.findall(_TIME.sub(" ", _without_dates(folded)))
    other = [w for w in words if not vocab.BYLINE_LEAD.match(w)]
    return len(other) <= MAX_DESK_BYLINE_OTHER_WORDS


def drop_head_bylines(
    blocks: list[Block], authors: Sequence[str], outlets: Sequence[str] = ()
) -> list[Block]:
    """Return ``blocks`` without bylines of ``authors`` among the first
    :data:`MAX_HEAD_BLOCKS` blocks (see :func:`is_byline_line`), and, when the page
    names no author, without a desk's byline (:func:`is_desk_byline`; ``outlets``: the
    site's name and host).

    Further down, a paragraph naming an author is text (a quote, an author's note).
    """
    if not authors:
        head = [b for b in blocks[:MAX_HEAD_BLOCKS] if not is_desk_byline(b, outlets)]
    else:
        head = [b for b in blocks[:MAX_HEAD_BLOCKS] if not is_byline_line(b, authors)]
    if len(head) == min(len(blocks), MAX_HEAD_BLOCKS):
        return blocks
    return head + blocks[MAX_HEAD_BLOCKS:]


def is_furniture_label(text: str) -> bool:
    """Return True for a short label ending in a colon that names page furniture.

    "Teilen mit:", "Share this:", "Tags:" as a heading title a share bar or a tag list, not
    a section of the article; a byline's lead word left alone ("By", "Von": its author
    link was furniture) heads nothing either.
    """
    if vocab.BYLINE_LEAD.match(text):
        return True
    return (
        len(text) <= MAX_FURNITURE_LABEL_CHARS
        and text.endswith(":")
        and vocab.BOILERPLATE_PHRASE.match(text) is not None
    )


def is_promo_line(block: Block) -> bool:
    """Return True for a short paragraph that calls to action (follow us, get the app, ...)
    or is a contact card (lines such as "E-Mail: ...", "Telefon: ..."), and for a short
    heading that calls to action (a newsletter box's "Subscribe to the ... Newsletter")."""
    if isinstance(block, Heading):
        text = plain_text(block)
        return len(text) <= MAX_PROMO_TAIL_CHARS and vocab.has_promo_phrase(text)
    if not isinstance(block, Paragraph):
        return False
    text = plain_text(block)
    if len(text) > MAX_PROMO_TAIL_CHARS:
        return False
    return vocab.has_promo_phrase(text) or vocab.CONTACT_LINE.search(text) is not None


def trim_promo_tail(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` without the calls to action (and stray lines) that close the body.

    Only the run of such paragraphs at the very end goes: inside the article, a sentence
    that mentions an app or a newsletter is article text. Pictures in that run (a press
    contact's portrait under the contact card) go with it; the article's last picture,
    with no call to action before it, stays.
    """
    end = len(blocks)
    cut = end
    while end > 0:
        block = blocks[end - 1]
        if isinstance(block, Recommendations):
            end -= 1
            continue
        if is_promo_line(block):
            cut = end - 1
        elif not is_stray_line(block) and not isinstance(block, (Rule, Figure)):
            break
        end -= 1
    if cut == len(blocks):
        return blocks
    return blocks[:cut] + [b for b in blocks[cut:] if isinstance(b, Recommendations)]


def cut_comment_section(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` up to the heading of a comment section ("Comments", "3 Kommentare").

    Comment sections whose markup names them are dropped while labelling; this catches the
    ones that only their heading names. Recommendation blocks after it are kept; a heading
    that opens the body is not a comment section's.
    """
    for index, block in enumerate(blocks):
        if (
            index > 0
            and isinstance(block, Heading)
            and vocab.COMMENT_HEADING.match(plain_text(block).strip())
        ):
            rest = [b for b in blocks[index:] if isinstance(b, Recommendations)]
            return blocks[:index] + rest
    return blocks


#: The most text (characters) an exit notice closing the body holds from its first line
#: on: a title, a sentence or two about the other site, a "Continue" button (the notices
#: seen hold 200-400).
MAX_EXIT_NOTICE_CHARS: Final = 800


def cut_exit_notice(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` without the notice a site shows before a link leads away from
    it, when it closes the body: a heading or paragraph that opens with "You're leaving
    <site>", "You are now leaving", "You're heading to a new site" or "Leaving our
    website" (:data:`vocab.EXIT_NOTICE`), and at most :data:`MAX_EXIT_NOTICE_CHARS` of
    text from it to the end. Banks, shops and agencies print the dialog at the end of
    the page, hidden by a script; read as text it closed the article. The same words
    inside the article, or a line with more text after it, stay. Recommendation blocks
    after it are kept."""
    size = 0
    cut = len(blocks)
    for index in range(len(blocks) - 1, 0, -1):
        block = blocks[index]
        if isinstance(block, Recommendations):
            continue
        size += _text_size(block)
        if size > MAX_EXIT_NOTICE_CHARS:
            break
        if isinstance(block, (Heading, Paragraph)) and vocab.EXIT_NOTICE.match(plain_text(block)):
            cut = index
    if cut == len(blocks):
        return blocks
    return blocks[:cut] + [b for b in blocks[cut:] if isinstance(b, Recommendations)]


#: The longest bio (characters) cut after an "About the author" heading that closes the
#: body; more text after such a heading is an article's own section (a book page's). The
#: bios seen (both corpora and the outside set) run to under 400 characters, PGP
#: fingerprints included; the limit leaves room for a long one and was not tuned.
MAX_AUTHOR_BIO_CHARS: Final = 1000


def cut_author_bio(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` without the authors' bios that close the body: a heading "About
    the author" (:data:`vocab.AUTHOR_HEADING`; "About the reviewer", "Author bio" ...; or
    a bold line of its own, a paragraph) followed by at most :data:`MAX_AUTHOR_BIO_CHARS`
    of text to the end (a photo, the name, a line of bio). Bios may stand one under
    another (the author's, then the medical reviewer's): the last is cut first, then the
    one before it, each within the limit. Author boxes named as such are dropped while
    labelling; this catches the ones only their heading names. Recommendation blocks
    after it are kept. Only the blocks within that much text of the end are read."""
    kept = blocks
    size = 0  # the text after ``index`` in ``kept``
    for index in range(len(blocks) - 1, 0, -1):
        block = blocks[index]
        if isinstance(block, (Heading, Paragraph)) and vocab.AUTHOR_HEADING.match(
            plain_text(block)
        ):
            kept = kept[:index] + [b for b in kept[index + 1 :] if isinstance(b, Recommendations)]
            size = 0
            continue
        size += _text_size(block)
        if size > MAX_AUTHOR_BIO_CHARS:
            break  # an article's own section, a book page's "About the Author"
    return kept


#: The most text an author's card closing the body holds from the name on (the name, a
#: role, a bio of a few sentences, "Latest posts by ..."): the cards seen on the second
#: outside set run 100-950 characters; the limit of a bio under "About the author".
MAX_AUTHOR_CARD_CHARS: Final = MAX_AUTHOR_BIO_CHARS
# What may stand before or after the name on its line: "By", "About", "Written by". (A
# dash before it signs a letter off, and what follows a signature is the page's own.)
_NAME_LINE_DECORATION: Final = re.compile(
    r"^(?:(?:written\s+)?by\s+|about\s+(?:the\s+author:?\s*)?)|[\s:|,.]+$"
)
#: An author's card is a few blocks (name, role, a bio paragraph or two, a "Latest
#: posts by" line); a forum's post under its poster's name prints a dozen short lines
#: (rank, "Joined", a date, "Messages", a count) before the post.
MAX_AUTHOR_CARD_BLOCKS: Final = 6
#: A page naming more authors than this is a thread (a forum's posters, whose names head
#: their posts), not an article with its author's card.
MAX_CARD_AUTHORS: Final = 3
#: A name line is short (the longest names with a title stay under it).
MAX_NAME_LINE_CHARS: Final = 60
#: A name line may add the author's role after a comma ("Jane Roe, Managing Editor"):
#: at most this many words of it.
MAX_NAME_LINE_ROLE_WORDS: Final = 4


#: Blocks of article an author's card never reaches into.
MIN_BLOCKS_BEFORE_CARD: Final = 3
#: The article before an author's card holds at least this many times the card's text:
#: a short article (a paywalled teaser) may open with its author's name and role.
MIN_ARTICLE_CARD_RATIO: Final = 3


def _is_name_line(block: Block, names: Collection[str]) -> bool:
    """Return True for a paragraph or heading that is one of ``names`` (folded) and
    nothing else, but "By", "Written by" or "About the author:" before it."""
    if not isinstance(block, (Paragraph, Heading)):
        return False
    text = collapse_ws(plain_text(block)).strip().casefold()
    if len(text) > MAX_NAME_LINE_CHARS:
        return False
    if _NAME_LINE_DECORATION.sub("", text) in names:
        return True
    name, comma, role = text.partition(",")
    return bool(comma) and name in names and len(role.split()) <= MAX_NAME_LINE_ROLE_WORDS


#: A name over a bio has this many words at most ("Maima Faith Merin", "Erik van Vulpen").
MAX_CARD_NAME_WORDS: Final = 5
#: A role line between the name and the bio is at most this long ("CEO & Co-Founder at
#: WunderGraph", "GoAbroad Content Administrator").
MAX_CARD_ROLE_CHARS: Final = 80


def _printed_name(block: Block) -> str | None:
    """Return the name a paragraph or heading prints on its own, folded, else None: two
    to ``MAX_CARD_NAME_WORDS`` words, the first and the last capitalised, no digit and no
    sentence mark, maybe after "By" or "Written by" (:data:`_NAME_LINE_DECORATION`)."""
    if not isinstance(block, (Paragraph, Heading)):
        return None
    text = collapse_ws(plain_text(block)).strip()
    if not text or len(text) > MAX_NAME_LINE_CHARS or text[-1] in "?!:":
        return None
    name = _NAME_LINE_DECORATION.sub("", text.casefold())
    words = text.split()[-len(name.split()) :] if name else []
    if not 2 <= len(words) <= MAX_CARD_NAME_WORDS or any(c.isdigit() for c in text):
        return None
    if not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return None
    return name


def _opens_with_name(block: Block, name: str) -> bool:
    """Return True for a paragraph that opens with ``name`` (folded), or with its first
    word as a word of its own ("Maima's burning passion ..." under "Maima Faith Merin")."""
    if not isinstance(block, Paragraph):
        return False
    text = collapse_ws(plain_text(block)).strip().casefold()
    if text.startswith(name):
        return True
    first = name.split()[0]
    return (
        len(first) >= 3
        and text.startswith(first)
        and not text[len(first) : len(first) + 1].isalpha()
    )


def _heads_bio(blocks: list[Block], index: int) -> bool:
    """Return True when ``blocks[index]`` is a name printed over its bio: a name line
    (:func:`_printed_name`), then a role of at most ``MAX_CARD_ROLE_CHARS`` (needed
    unless the line says "By" or "Written by"), then a paragraph that opens with the
    name. A closing sentence that opens with a name (a newspaper's "Jane Roe covers the
    White House."), and a list of people, each name over a paragraph about them, stay."""
    name = _printed_name(blocks[index])
    if name is None:
        return False
    said_by = collapse_ws(plain_text(blocks[index])).strip().casefold() != name
    nxt = blocks[index + 1 : index + 3]
    if said_by and nxt and _opens_with_name(nxt[0], name):
        return True
    return (
        len(nxt) == 2
        and isinstance(nxt[0], Paragraph)
        and len(plain_text(nxt[0])) <= MAX_CARD_ROLE_CHARS
        and _opens_with_name(nxt[1], name)
    )


def _text_size(block: Block) -> int:
    """Return the length of ``block``'s text, 0 for a recommendation block (it is not the
    article's text nor the card's)."""
    return 0 if isinstance(block, Recommendations) else len(plain_text(block))


#: Cards of this many authors may stand one under another (the writer's, the editor's).
MAX_STACKED_CARDS: Final = 3


def cut_author_card(blocks: list[Block], authors: Sequence[str]) -> list[Block]:
    """Return ``blocks`` without the authors' cards that close the body, the last first
    (:func:`_cut_last_author_card`). Cards told by their bio may stand stacked (the
    writer's, the reviewer's): at most :data:`MAX_STACKED_CARDS` go. A card told by the
    metadata's name goes alone: a slideshow crediting each slide to the author named
    ("Agencies") is no stack of cards."""
    for _ in range(MAX_STACKED_CARDS):
        kept, by_bio = _cut_last_author_card(blocks, authors)
        if kept is blocks or not by_bio:
            return kept
        blocks = kept
    return blocks


def _cut_last_author_card(blocks: list[Block], authors: Sequence[str]) -> tuple[list[Block], bool]:
    """Return ``blocks`` without the author's card that closes the body, and whether the
    card was told by its bio: from a line that is an author's name and nothing else
    (``authors``, the metadata's, at most :data:`MAX_CARD_AUTHORS`: "Jane Roe", "By Jane
    Roe", "About the author: Jane Roe"), or a name printed over its role and bio
    (:func:`_heads_bio`, whoever the metadata names), to the end, when that holds at
    most :data:`MAX_AUTHOR_CARD_CHARS` of text in at most
    :data:`MAX_AUTHOR_CARD_BLOCKS` blocks, and the text before it at least
    :data:`MIN_ARTICLE_CARD_RATIO` times as much (never within the first
    :data:`MIN_BLOCKS_BEFORE_CARD` blocks). The earliest such line starts the cut.

    Themes and author-box plugins print the card (name, role, bio, "Latest posts by")
    after the article under class names no vocabulary knows (``saboxplugin-wrap``,
    ``ArticleAuthorFooter_...``); the name on a line of its own is the mark. A closing
    sentence that opens with the name ("Jane Roe covers the White House.", a newspaper's
    italic line, which Readability keeps) and a signature after a dash ("- Jane Roe",
    followed by the page's own closing lines) stay. Recommendation blocks after the card
    are kept, and so is a picture before it, unless it is the portrait (captioned with
    the name, or not at all)."""
    names = {collapse_ws(a).strip().casefold() for a in authors if a.strip()}
    if len(names) > MAX_CARD_AUTHORS:
        return blocks, False
    size = 0
    cut = None
    by_bio = False  # the card was told by its bio, not by a name of the metadata
    card = 0
    parts = 0
    for index in range(len(blocks) - 1, MIN_BLOCKS_BEFORE_CARD - 1, -1):
        size += _text_size(blocks[index])
        parts += not isinstance(blocks[index], Recommendations)
        if size > MAX_AUTHOR_CARD_CHARS or parts > MAX_AUTHOR_CARD_BLOCKS:
            break
        if _is_name_line(blocks[index], names):
            cut, card, by_bio = index, size, False
        elif _heads_bio(blocks, index):
            cut, card, by_bio = index, size, True
    # (the article's text is measured only when a card was found: most pages have none)
    if cut is None or sum(map(_text_size, blocks[:cut])) < MIN_ARTICLE_CARD_RATIO * card:
        return blocks, False
    name = collapse_ws(plain_text(blocks[cut])).strip().casefold()
    while cut > MIN_BLOCKS_BEFORE_CARD and isinstance(blocks[cut - 1], Figure):
        if collapse_ws(plain_text(blocks[cut - 1])).strip().casefold() not in ("", name):
            break
        cut -= 1  # the author's portrait, captioned with the name or not at all
    return blocks[:cut] + [b for b in blocks[cut:] if isinstance(b, Recommendations)], by_bio


#: The longest affiliate disclosure dropped (characters): the ones seen on the outside
#: sets run 30-290 ("Disclosure: This post contains affiliate links. If you use them to
#: make a purchase, we may earn a small commission, at no extra cost to you."); a longer
#: paragraph is the article's own (a guide to affiliate programmes).
MAX_DISCLOSURE_CHARS: Final = 400
# One of these words stands in every disclosure the pattern finds.
_DISCLOSURE_WORDS: Final = (
    "affiliate",
    "commission",
    "percentage",
    "kick",
    "qualifying",
    "promotion",
    "provision",
)
#: Disclosures stand among the first or the last blocks of the body, under the title or
#: the byline, or after the last section; only so many blocks at each end are read.
DISCLOSURE_EDGE_BLOCKS: Final = 8


def is_affiliate_disclosure(block: Block) -> bool:
    """Return True for a paragraph that is a site's affiliate disclosure
    (:data:`vocab.AFFILIATE_DISCLOSURE`: "This post contains affiliate links", "we may
    earn a commission", "As an Amazon Associate I earn from qualifying purchases") of at
    most :data:`MAX_DISCLOSURE_CHARS`."""
    if not isinstance(block, Paragraph):
        return False
    text = plain_text(block)
    if len(text) > MAX_DISCLOSURE_CHARS:
        return False
    folded = text.casefold()  # (the pattern is searched only where one of its words stands)
    return any(word in folded for word in _DISCLOSURE_WORDS) and (
        vocab.AFFILIATE_DISCLOSURE.search(text) is not None
    )


def drop_affiliate_disclosures(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` without the affiliate disclosures (:func:`is_affiliate_disclosure`)
    among the first and the last :data:`DISCLOSURE_EDGE_BLOCKS` blocks.

    Blogs and review sites print the notice that their links earn them a commission under
    the title, the byline or the last section, in a plain paragraph (a class such as
    ``affiliate`` already marks it furniture): the site's legal line, not the article."""
    edge = DISCLOSURE_EDGE_BLOCKS
    ends = (
        range(len(blocks))
        if len(blocks) <= 2 * edge
        else (*range(edge), *range(len(blocks) - edge, len(blocks)))
    )
    drop = {index for index in ends if is_affiliate_disclosure(blocks[index])}
    if not drop:
        return blocks
    return [block for index, block in enumerate(blocks) if index not in drop]


#: The most text a teaser section closing the body holds ("Entdecke weitere Homestorys"
#: over "Wie wohnt die COUCH Community? Klicke dich durch die Homestorys der
#: Community-Mitglieder.", 90 characters): a line or two that sold a listing whose cards
#: went as furniture. A paragraph of four short sentences (190) is the article's text.
MAX_TEASER_TAIL_CHARS: Final = 160


def cut_teaser_tail(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` without a teaser section that closes the body: a heading that
    opens with recommendation words ("More stories", "Entdecke weitere ...",
    :func:`vocab.opens_with_rec_words`) followed to the end by nothing but paragraphs and
    pictures holding at most :data:`MAX_TEASER_TAIL_CHARS` of text. The cards it
    announced were links, taken out as furniture; the blurb over them is left dangling.
    Recommendation blocks after it are kept."""
    for index in range(len(blocks) - 1, 0, -1):
        block = blocks[index]
        if isinstance(block, Recommendations):
            continue
        if isinstance(block, Heading):
            if not vocab.opens_with_rec_words(plain_text(block)):
                return blocks
            rest = blocks[index + 1 :]
            body = [b for b in rest if not isinstance(b, Recommendations)]
            if not body or sum(len(plain_text(b)) for b in body) > MAX_TEASER_TAIL_CHARS:
                return blocks
            return blocks[:index] + [b for b in rest if isinstance(b, Recommendations)]
        if not isinstance(block, (Paragraph, Figure)):
            return blocks
    return blocks


#: Closing teaser cards: at least this many in a run ("More news", a grid of related
#: stories under the article, each a linked headline over a one-paragraph summary)...
MIN_CLOSING_CARDS: Final = 3
#: ...each holding at most this much text besides its headline (a summary of two or three
#: sentences; an entry of a round-up or a section of the article says more).
MAX_CARD_SUMMARY_CHARS: Final = 400


def _card_link(heading: Heading, after: Sequence[Block]) -> Link | None:
    """Return the link a heading opening a teaser card leads to, else None: the heading is
    one link to another page (maybe in bold or italics), or, unlinked, the card closes with
    a one-link block whose title repeats the headline ("Read more about <headline>")."""
    if not plain_text(heading).strip():
        return None
    content = _without_spaces(heading.content)
    while len(content) == 1 and isinstance(content[0], (Strong, Emphasis)):
        content = _without_spaces(content[0].content)
    if len(content) == 1 and isinstance(content[0], Link):
        link = content[0]
        return link if link.url and not link.url.startswith("#") else None
    if content and not any(isinstance(i, Link) for i in content):
        headline = " ".join(plain_text(heading).split()).casefold()
        for block in after:
            if isinstance(block, Recommendations) and len(block.items) == 1:
                item = block.items[0]
                if headline and item.url and headline in " ".join(item.title.split()).casefold():
                    return Link(url=item.url, content=heading.content)
    return None


def _card_item(heading: Heading, link: Link, after: Sequence[Block]) -> Recommendation:
    """Return the recommendation a teaser card is: its headline, link and summary."""
    summary = " ".join(
        " ".join(plain_text(b).split()) for b in after if isinstance(b, Paragraph)
    ).strip()
    return Recommendation(
        title=" ".join(plain_text(heading).split()), url=link.url, summary=summary or None
    )


def _article_before_cards(body: Sequence[Block], card_text: int) -> bool:
    """Return True when ``body``, the blocks before a run of closing cards holding
    ``card_text`` characters, is an article: more text than the cards, and fewer than
    ``MIN_CLOSING_CARDS`` headings that are one link (a listing's headlines go on)."""
    linked = 0
    for block in body:
        if isinstance(block, Heading) and _card_link(block, ()) is not None:
            linked += 1
            if linked >= MIN_CLOSING_CARDS:
                return False
    return sum(len(plain_text(b)) for b in body) > card_text


def cut_closing_cards(blocks: list[Block], page_url: str | None) -> list[Block]:
    """Return ``blocks`` with a run of teaser cards closing the body read as one
    recommendations block.

    A template prints more stories under the article as cards: a picture, a headline
    that links to the story (or a "Read more about <headline>" link closing the card)
    and a summary of a paragraph. Read as body text, their headlines became headings and
    their summaries paragraphs of the article. A run of at least ``MIN_CLOSING_CARDS``
    such cards at the end, headings of one level, each with at most
    ``MAX_CARD_SUMMARY_CHARS`` of text under its headline, linking mostly within the
    page's site (a buying guide's entries link to shops) and closing an article
    (:func:`_article_before_cards`), is a recommendations block. A round-up's entries, a
    FAQ's answers and the article's own sections hold more text, or link nowhere.
    """
    cards: list[tuple[int, Heading, Link]] = []  # (index, heading, link), last card first
    end = len(blocks)  # where the card being read ends
    level = 0
    text = 0  # summary text of the card being read
    start = len(blocks)
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if isinstance(block, (Figure, Rule, Recommendations)):
            continue
        if isinstance(block, Paragraph):
            text += len(plain_text(block))
            if text > MAX_CARD_SUMMARY_CHARS:
                break
            continue
        if not isinstance(block, Heading) or (level and block.level != level):
            break
        link = _card_link(block, blocks[index + 1 : end])
        if link is None:
            break
        cards.append((index, block, link))
        level, end, text, start = block.level, index, 0, index
    if len(cards) < MIN_CLOSING_CARDS:
        return blocks
    cards.reverse()
    items: list[Recommendation] = []
    for number, (index, heading, link) in enumerate(cards):
        stop = cards[number + 1][0] if number + 1 < len(cards) else len(blocks)
        items.append(_card_item(heading, link, blocks[index + 1 : stop]))
    if not links_within_site(items, page_url):
        return blocks
    while start > 0 and isinstance(blocks[start - 1], Figure):
        start -= 1  # the first card's picture
    if not _article_before_cards(blocks[:start], sum(len(plain_text(b)) for b in blocks[start:])):
        return blocks
    urls = {item.url for item in items}
    kept = [
        b
        for b in blocks[start:]
        if isinstance(b, Recommendations) and not {i.url for i in b.items} <= urls
    ]
    return [*blocks[:start], Recommendations(items=tuple(items)), *kept]


def _without_spaces(inlines: Iterable[Inline]) -> list[Inline]:
    return [i for i in inlines if not (isinstance(i, Text) and not i.text.strip())]


# Arrows and marks set around a button's words ("READ MORE ↓", "Buy now ›").
_BUTTON_DECORATION: Final = " :.!»›→↓↗⟶•·…>+"


def is_read_more_link(block: Block) -> bool:
    """Return True for a paragraph that is one link saying "go there" and naming nothing:
    "Read more", "Continue reading", "Weiterlesen" (``is_generic_link_text``), maybe set
    in bold or italics. A list of teasers or press mentions closes each item with such a
    button; the text it leads to is elsewhere, and it is no sentence of the article."""
    if not isinstance(block, Paragraph):
        return False
    content = _without_spaces(block.content)
    while len(content) == 1 and isinstance(content[0], (Strong, Emphasis)):
        content = _without_spaces(content[0].content)
    if len(content) != 1 or not isinstance(content[0], Link):
        return False
    text = plain_text(content[0]).strip()
    return bool(text) and is_generic_link_text(text)


def is_button_row(block: Block) -> bool:
    """Return True for a paragraph made only of links that are buttons: a shop's ("Buy on
    Amazon", "See it at Amazon" "See it at Razer", "$298 on Amazon", "View Deal"), an
    offer's ("Get the Recipe", "Get a Quote": ``vocab.CALL_TO_ACTION``), or "Read more"
    pointing down the page ("READ MORE ↓"). Buying guides and recipe round-ups close each
    item with such a row; it is no sentence of the article."""
    if not isinstance(block, Paragraph):
        return False
    content = _without_spaces(block.content)
    while len(content) == 1 and isinstance(content[0], (Strong, Emphasis)):
        content = _without_spaces(content[0].content)
    if not content:
        return False
    for inline in content:
        if not isinstance(inline, Link):
            return False
        text = plain_text(inline).strip(_BUTTON_DECORATION)
        if not text or not (vocab.CALL_TO_ACTION.match(text) or is_generic_link_text(text)):
            return False
    return True


#: A forum thread prints its meta lines once a post: a body holding fewer of them keeps
#: them (an article's one "Posted May 3, 2021" line is trimmed at its edge, if at all)...
MIN_POST_FURNITURE_LINES: Final = 3
#: ...each a short line (characters) of a few runs (a link, a date, a separator): a longer
#: paragraph, or one of more runs, is read no further.
MAX_POST_FURNITURE_CHARS: Final = 100
MAX_POST_FURNITURE_RUNS: Final = 4


def _is_post_furniture(block: Block) -> bool:
    """Return True for a paragraph that is one meta line of a forum post
    (:data:`vocab.POST_FURNITURE`: "#4 · Aug 5, 2023", "3 Likes", "Thread starter")."""
    if not isinstance(block, Paragraph) or len(block.content) > MAX_POST_FURNITURE_RUNS:
        return False
    text = plain_text(block)
    if len(text) > MAX_POST_FURNITURE_CHARS:
        return False
    return bool(vocab.POST_FURNITURE.match(text.strip()))


def _is_furniture_item(item: ListItem) -> bool:
    return len(item.blocks) == 1 and _is_post_furniture(item.blocks[0])


def drop_post_furniture(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` without a forum thread's post meta lines.

    Forum engines print with each post its number and date ("#4 · Aug 5, 2023"), a
    "Posted <date>" line, the poster's mark ("Thread starter", "Topic starter",
    "Author", as a paragraph or a list item), a like count, buttons ("Reply", "Reply With
    Quote") and Q&A sites "asked <date> at <time>" and "Improve this answer"
    (:data:`vocab.POST_FURNITURE`). Read as text, each one breaks into the posts. They
    go when the body holds at least :data:`MIN_POST_FURNITURE_LINES` of them (a thread
    repeats them); a list left with no item goes too. Poster names and post dates a
    thread prints on their own stay: both outside sets' truth keep them on some engines.
    """
    found: list[int] = []  # the indexes of the blocks that hold such lines
    lines = 0
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            if _is_post_furniture(block):
                found.append(index)
                lines += 1
        elif isinstance(block, List):
            items = sum(1 for item in block.items if _is_furniture_item(item))
            if items:
                found.append(index)
                lines += items
    if lines < MIN_POST_FURNITURE_LINES:
        return blocks
    kept = list(blocks)
    for index in reversed(found):
        block = kept[index]
        if isinstance(block, List):
            left = tuple(item for item in block.items if not _is_furniture_item(item))
            if left:
                kept[index] = attrs.evolve(block, items=left)
                continue
        del kept[index]
    return kept


def drop_read_more_links(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` without the paragraphs that are only a "Read more" link
    (:func:`is_read_more_link`) or a row of buttons (:func:`is_button_row`)."""
    return [block for block in blocks if not (is_read_more_link(block) or is_button_row(block))]


def trim_edges(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` without stray lines before the first and after the last real block.

    Dates, bylines, photo credits and "Print recipe" links gather at the edges of the
    content container; inside the article such a line is kept (it may be a subtitle).
    Calls to action closing the body go first (:func:`trim_promo_tail`).
    """
    blocks = trim_promo_tail(blocks)
    start = 0
    while start < len(blocks) and (
        is_stray_line(blocks[start]) or isinstance(blocks[start], (Figure, Rule))
    ):
        start += 1
    end = len(blocks)
    while end > start and (is_stray_line(blocks[end - 1]) or isinstance(blocks[end - 1], Rule)):
        end -= 1
    kept = [b for b in blocks[:start] if isinstance(b, Figure)]
    return kept + blocks[start:end] + [b for b in blocks[end:] if isinstance(b, Recommendations)]


def is_prose_heading(block: Heading) -> bool:
    """Return True for a paragraph set in heading tags: ``MIN_PROSE_HEADING_CHARS`` or more
    in two or more sentences (a blog's opening paragraph styled as an ``<h3>``). It heads
    nothing, yet it is the article's text, not a title whose section was left out."""
    text = plain_text(block).strip()
    if len(text) < MIN_PROSE_HEADING_CHARS:
        return False
    return _SENTENCE_BREAK.search(text) is not None


def drop_dangling_headings(
    blocks: list[Block], *, whole_page: bool = False, entries: bool = False
) -> list[Block]:
    """Return ``blocks`` without headings that head nothing.

    A heading followed by the end of the article, by a heading of the same or a higher
    level, or by a recommendation block lost its section to boilerplate removal
    ("Related articles" over a dropped list, "Share this" over dropped buttons); a
    recommendation-style heading ("More on ...") not followed by a paragraph heads teaser
    cards and goes too. A heading whose section opens with a "See also: ..." note and goes
    on with body text stays. A dangling heading that is prose (:func:`is_prose_heading`)
    becomes the paragraph it is. When ``blocks`` hold all the page's text (``whole_page``)
    and nothing but recommendation blocks and headings would be left, the headings that
    head nothing but the end or another heading stay: they are the page's only text (a
    page that is one ``<h2>``), not titles of sections left out (on a page whose content
    was not found, a box's heading is furniture, and goes). In a listing's entries
    (``entries``), a heading that is one link is an entry's name (the last entry's, or
    that of an entry with no summary), not a section's title: it stays.
    """
    out: list[Block] = []
    ends: list[Block] = []  # headings dropped over the end or another heading
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            nxt = blocks[index + 1] if index + 1 < len(blocks) else None
            if (
                nxt is None
                or (isinstance(nxt, Recommendations) and not _section_goes_on(blocks, index))
                or (isinstance(nxt, Heading) and nxt.level <= block.level)
            ) and not (entries and _is_linked_name(block)):
                if is_prose_heading(block):
                    out.append(Paragraph(content=block.content, provenance=block.provenance))
                elif not isinstance(nxt, Recommendations):
                    ends.append(block)
                continue
            if (
                not isinstance(nxt, Paragraph)
                and vocab.opens_with_rec_words(plain_text(block))
                and not _heads_see_also_list(blocks, index)
            ):
                # "More on climate" over teaser cards whose links were taken out
                continue
        out.append(block)
    if whole_page and ends and all(isinstance(b, (Recommendations, Heading)) for b in out):
        kept = {id(block) for block in ends}
        return [block for block in blocks if id(block) in kept or block in out]
    return out


def _is_linked_name(heading: Heading) -> bool:
    """Return True when ``heading`` is one link, emphasis aside: an entry's name."""
    content = _unwrapped(heading.content)
    return len(content) == 1 and isinstance(content[0], Link)


# A label over what follows it ("Mehr zum Thema:", "Tags:", "Share this article:") has at
# most this many words; a sentence that ends in a colon before a list is longer.
MAX_LABEL_WORDS: Final = 6
_LABEL_END: Final = (":", "\uff1a")  # (the full-width colon of Chinese and Japanese)
# What a label never introduces: it is left over one of these when its content went.
_NOT_LABELLED: Final = (Rule, Heading, Recommendations)


def _is_label(block: Block) -> bool:
    """Return True for a paragraph of a few words ending in a colon, with no link."""
    if not isinstance(block, Paragraph):
        return False
    text = plain_text(block).strip()
    return (
        text.endswith(_LABEL_END)
        and len(text.split()) <= MAX_LABEL_WORDS
        and not any(isinstance(i, Link) for i in block.content)
    )


def drop_dangling_labels(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` without labels whose content was taken out as page furniture.

    "Mehr zum Thema:" over a row of tag links, "Benachrichtigung über neue Artikel:" over
    follow buttons: the links and buttons go, and the label is left over a rule, a
    heading, a recommendation block (which carries a title of its own), the end of the
    article or another such label. A label over a paragraph, a list, a table or a figure
    introduces it and stays; only paragraphs of the article's top level are looked at.
    The rules that framed such a box, now with nothing between them, become one.
    """
    out: list[Block] = []
    nxt: Block | None = None  # the next block kept, walking backwards
    for block in reversed(blocks):
        if _is_label(block) and (nxt is None or isinstance(nxt, _NOT_LABELLED)):
            continue
        if isinstance(block, Rule) and isinstance(nxt, Rule):
            continue
        out.append(block)
        nxt = block
    out.reverse()
    return out


# A title printed as a block of its own over recommendation cards is at most this long
# (characters), as a widget's own title (clean.MAX_REC_TITLE_CHARS).
MAX_REC_TITLE_BLOCK_CHARS: Final = 60


def rec_title_text(block: Block) -> str | None:
    """Return the recommendation title a paragraph or a heading is, whole ("Lesen Sie
    mehr", "Related articles", "A lire aussi :"), without its closing colon; None for
    any other block, and for one holding a link."""
    if not isinstance(block, (Paragraph, Heading)):
        return None
    if any(isinstance(x, Link) for x in block.content):
        return None
    text = plain_text(block).strip()
    if not text or len(text) > MAX_REC_TITLE_BLOCK_CHARS or not vocab.is_rec_phrase(text):
        return None
    return " ".join(text.split()).strip(" :\uff1a") or None


def _under_title(block: Block | None, title: str) -> bool:
    """Return True for a recommendation block without a title, or whose title is
    ``title`` (a widget that took the title printed before it: rec_title)."""
    if not isinstance(block, Recommendations):
        return False
    return block.title is None or " ".join(block.title.split()).strip(" :") == title


def title_rec_cards(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` with a recommendation title printed as a block of its own over
    untitled recommendation blocks made their title.

    A template sets its "Lesen Sie mehr" or "Related articles" in a paragraph or a
    heading, then each teaser card in a box of its own (``<p><strong>Lesen Sie
    mehr</strong></p><div class="teaser">...</div><div class="teaser">...``): each card
    became a block of its own (the first may have taken the title printed before it) and
    the title stayed behind as a line of the article. The title (:func:`rec_title_text`)
    and the blocks right under it without a title of their own become one block under
    that title. A block under it with another title keeps it, and a title over anything
    else is left to the passes that judge dangling titles.
    """
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        nxt = blocks[index + 1] if index + 1 < len(blocks) else None
        # (the cheap test first: few blocks stand right over a widget)
        title = rec_title_text(block) if isinstance(nxt, Recommendations) else None
        if title is None or not _under_title(nxt, title):
            out.append(block)
            index += 1
            continue
        end = index + 1
        items: list[Recommendation] = []
        while end < len(blocks):
            card = blocks[end]
            if not isinstance(card, Recommendations) or not _under_title(card, title):
                break
            items.extend(card.items)
            end += 1
        out.append(
            Recommendations(
                title=title, items=tuple(items), provenance=blocks[index + 1].provenance
            )
        )
        index = end
    return out


def _heads_see_also_list(blocks: list[Block], index: int) -> bool:
    """Return True when the heading at ``index`` is a "See also" over a list, mid-article.

    The blocks' counterpart of is_see_also_section: a list follows the heading and a
    heading of the same or a higher level comes later.
    """
    heading = blocks[index]
    if not isinstance(heading, Heading) or not vocab.SEE_ALSO.match(plain_text(heading)):
        return False
    if index + 1 >= len(blocks) or not isinstance(blocks[index + 1], List):
        return False
    return any(isinstance(b, Heading) and b.level <= heading.level for b in blocks[index + 2 :])


def _section_goes_on(blocks: list[Block], index: int) -> bool:
    """Return True when the heading at ``index`` opens with a cross-reference note.

    "See also: ...", "Read more: ..." notes (recommendation blocks titled by a phrase of
    their own) followed by body text before the next heading: the section is there, the
    heading heads it. A teaser card (untitled) or a widget with a headline of its own
    right under the heading is what is left of a section of teasers, which goes.
    """
    heading = blocks[index]
    if vocab.opens_with_rec_words(plain_text(heading)):
        return False
    cards = False  # an untitled or self-titled widget stood under the heading
    for block in blocks[index + 1 :]:
        if isinstance(block, Recommendations):
            if block.title is None or not vocab.is_rec_phrase(block.title):
                if _teaser_headline(heading, block):
                    return False
                cards = True
            continue
        if cards:
            return _prose_follows(blocks, blocks.index(block, index + 1))
        return not isinstance(block, Heading)
    return False


def _teaser_headline(heading: Block, widget: Recommendations) -> bool:
    """Return True when ``heading`` repeats the title of the widget (or an item) under it.

    "Editorial Fraser's lasting legacy" over a card linking "Fraser's lasting legacy" is
    the headline of a teaser, not of a section of the article.
    """
    text = " ".join(plain_text(heading).split()).casefold()
    titles = [widget.title] if widget.title else []
    titles.extend(item.title for item in widget.items)
    return any(t.strip() and " ".join(t.split()).casefold() in text for t in titles)


def _prose_follows(blocks: list[Block], start: int) -> bool:
    """Return True when a paragraph of prose comes at ``start``, after figures only.

    The section under a heading that opens with a box of links (an encyclopedia's
    sister-project box, "Atlas of New Zealand | Wikimedia Commons") goes on when body text
    follows the box; a section of teasers ends at the next heading.
    """
    for block in blocks[start:]:
        if isinstance(block, Figure):
            continue
        return isinstance(block, Paragraph) and len(plain_text(block)) >= MIN_SECTION_PROSE_CHARS
    return False


def copies_title(heading: Heading, title: str, *, nearly: bool = True) -> bool:
    """Return True when ``heading`` repeats the title, word for word or (``nearly``) nearly.

    The page's headline often differs from the title in a few words: a site name or a
    section left out, a kicker, a permalink sign ("Evolve: Shared Mutable History¶" under
    the title "Evolve: Shared Mutable History - evolve extension"). A top-level heading of
    at least ``MIN_TITLE_COPY_WORDS`` words, nearly all of them in the title, is that copy;
    a shorter one ("Introduction" under "Introduction to Rust") heads a section.
    :func:`normalise_headings` asks for near copies only before the body's first text.
    """
    text = plain_text(heading)
    if _same_text(text, title):
        return True
    if not nearly or heading.level > 2:
        return False
    words = _WORD.findall(text.casefold())
    if len(words) < MIN_TITLE_COPY_WORDS:
        return False
    known = set(_WORD.findall(title.casefold()))
    foreign = sum(len(w) for w in words if w not in known)
    return foreign <= (1 - TITLE_COPY_SHARE) * sum(len(w) for w in words)


def normalise_headings(blocks: list[Block], title: str | None) -> list[Block]:
    """Return ``blocks`` without a leading copy of the title, heading levels made consistent.

    When the title is kept apart (``Document.title``), body headings start at level 2:
    an ``h1`` in the body becomes level 2 and other levels stay as the page has them (as
    Readability does, so the levels match what readers of its output expect).
    """
    if title:
        opening = True  # nothing but headings, figures and stray lines so far
        for index, block in enumerate(blocks[:3]):
            if isinstance(block, Heading) and copies_title(block, title, nearly=opening):
                blocks = blocks[:index] + blocks[index + 1 :]
                break
            if not isinstance(block, (Heading, Figure)) and not is_stray_line(block):
                opening = False
    if not title or not any(isinstance(b, Heading) and b.level == 1 for b in blocks):
        return blocks
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading) and block.level == 1:
            block = Heading(level=2, content=block.content, provenance=block.provenance)
        out.append(block)
    return out


class _Numbering:
    """How far a parent's children are numbered for their paths."""

    __slots__ = ("next", "seen", "totals")

    def __init__(self, parent: HtmlElement, totals: dict[str, int]) -> None:
        self.next: HtmlElement | None = parent[0] if len(parent) else None
        self.totals = totals
        self.seen: dict[str, int] = {}


class _Run:
    """Inline content waiting to become a paragraph."""

    __slots__ = ("first", "inlines")

    def __init__(self) -> None:
        self.inlines: list[Inline] = []
        self.first: HtmlElement | None = None


# A tag written into an attribute's text: lightbox plugins put the caption's HTML into
# the picture's alt and title ('alt="<p>Lucke leaves the hall. Photo: dpa</p>"').
_MARKUP_TAG: Final = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")


def _attribute_text(value: str | None) -> str:
    """Return an attribute's text as a reader sees it: tags written into it removed,
    invisible characters dropped, white space collapsed."""
    if not value:
        return ""
    if "<" in value:
        value = _MARKUP_TAG.sub(" ", value)
    return collapse_ws(drop_invisible(value)).strip()


# The one space a run of white space between elements collapses to. Text is immutable,
# so every such run shares this object: the white space between two blocks (most of the
# texts the block builder meets: indentation, line ends) made a new Text each time, 4 of
# 5 of them dropped again with their run (see BlockBuilder._flush).
_SPACE: Final = Text(text=" ")


def _append_text(out: list[Inline], text: str) -> None:
    if not text:
        return
    if text.isspace():
        # (collapse_ws gives " "; none of the characters drop_invisible removes is white
        # space): nothing to add after a space or a line break, else the shared space
        if out:
            last = out[-1]
            if isinstance(last, LineBreak):
                return
            if isinstance(last, Text):
                if not last.text.endswith(" "):
                    out[-1] = Text(text=last.text + " ")
                return
        out.append(_SPACE)
        return
    text = collapse_ws(drop_invisible(text))
    if not text:
        return
    if out:
        last = out[-1]
        if isinstance(last, Text):
            if last.text.endswith(" ") and text.startswith(" "):
                text = text[1:]
            out[-1] = Text(text=last.text + text)
            return
        if isinstance(last, LineBreak) and text.startswith(" "):
            text = text.lstrip(" ")
            if not text:
                return
    out.append(Text(text=text))


def _wrap(cls: type[Emphasis] | type[Strong], inner: list[Inline], out: list[Inline]) -> None:
    """Append ``cls(inner)`` to ``out`` with edge spaces moved outside the wrapper."""
    lead, inner, trail = _split_edges(inner)
    if lead:
        _append_text(out, " ")
    if inner:
        out.append(cls(content=tuple(inner)))
    if trail:
        _append_text(out, " ")


def _split_edges(inner: list[Inline]) -> tuple[bool, list[Inline], bool]:
    lead = trail = False
    if inner and isinstance(inner[0], Text) and inner[0].text.startswith(" "):
        lead = True
        stripped = inner[0].text.lstrip(" ")
        inner = ([Text(text=stripped)] if stripped else []) + inner[1:]
    if inner and isinstance(inner[-1], Text) and inner[-1].text.endswith(" "):
        trail = True
        stripped = inner[-1].text.rstrip(" ")
        inner = inner[:-1] + ([Text(text=stripped)] if stripped else [])
    return lead, inner, trail


def _finish(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Return paragraph content with edge whitespace and edge line breaks removed."""
    while inlines and isinstance(inlines[0], LineBreak):
        inlines = inlines[1:]
    while inlines and isinstance(inlines[-1], LineBreak):
        inlines = inlines[:-1]
    if not inlines:
        return ()
    out = list(inlines)
    # (a Text is only made again when stripping changed it: most runs have clean edges)
    first = out[0]
    if isinstance(first, Text) and first.text[:1].isspace():
        out[0] = Text(text=first.text.lstrip())
    last = out[-1]
    if isinstance(last, Text) and last.text[-1:].isspace():
        out[-1] = Text(text=last.text.rstrip())
    if len(out) == 1:  # (most paragraphs: one run of text)
        only = out[0]
        return () if isinstance(only, Text) and not only.text else (only,)
    # whitespace before a line break is invisible
    for i in range(len(out) - 1):
        item = out[i]
        if (
            isinstance(out[i + 1], LineBreak)
            and isinstance(item, Text)
            and item.text[-1:].isspace()
        ):
            out[i] = Text(text=item.text.rstrip())
    return tuple([x for x in out if not (isinstance(x, Text) and not x.text)])


def only_images(inlines: Iterable[Inline]) -> bool:
    """Return True when ``inlines`` are images, with nothing but line breaks and spaces.

    A link to a picture around nothing but images counts as its images:
    "<a href=big.jpg><img></a>" is a picture that opens larger, not a link to read (a
    linked image that leads to a page is a teaser of that page).
    """
    found = False
    for x in inlines:
        if isinstance(x, Image) or _picture_link(x):
            found = True
        elif not isinstance(x, LineBreak) and not (isinstance(x, Text) and x.text.isspace()):
            return False
    return found


def only_share_links(inlines: Iterable[Inline]) -> bool:
    """Return True when ``inlines`` are links to share endpoints, with only spaces or
    separators between them."""
    found = False
    for x in inlines:
        if isinstance(x, Link) and is_share_link(x.url):
            found = True
        elif isinstance(x, Text) and not x.text.strip(" \t\n|·•/-"):
            continue
        elif not isinstance(x, LineBreak):
            return False
    return found


# A teaser card shows its headline link and, a line or two further on, its picture
# linking to the same article ("TAMBIÉN LEA" / headline / author / date / picture).
CARD_LOOKBACK_BLOCKS: Final = 3


def merge_card_link(rec: Recommendations, out: list[Block]) -> bool:
    """Merge a one-link recommendation into a recent block that already names its URL.

    The card's picture (its alt text as a title) is not a second item: it gives the
    item its image when it has none. Return True when ``rec`` was merged.
    """
    if rec.title is not None or len(rec.items) != 1:
        return False
    new = rec.items[0]
    for index in range(len(out) - 1, max(-1, len(out) - 1 - CARD_LOOKBACK_BLOCKS), -1):
        block = out[index]
        if not isinstance(block, Recommendations):
            continue
        for position, item in enumerate(block.items):
            if item.url != new.url:
                continue
            image = item.image if item.image is not None else new.image
            summary = item.summary
            if summary is None and new.summary is not None:
                summary = new.summary
            elif (
                summary is None
                and new.image is None
                and new.title != item.title
                and len(new.title) >= MIN_REC_ITEM_CHARS
                and not is_generic_link_text(new.title)
            ):
                summary = new.title  # a card's summary drawn as a link of its own
            if image != item.image or summary != item.summary:
                items = list(block.items)
                items[position] = attrs.evolve(item, image=image, summary=summary)
                out[index] = attrs.evolve(block, items=tuple(items))
            return True
    return False


# Elements that play or embed media in place of a picture.
_PLAYER_TAGS: Final = ("iframe", "video", "audio", "embed", "object")


def _holds_player(figure: HtmlElement) -> bool:
    """Return True when a figure holds a video player or an embed (and no picture)."""
    return next(figure.iter(*_PLAYER_TAGS), None) is not None


def _declared_image(figure: HtmlElement) -> str | None:
    """Return the picture a figure declares in schema.org microdata when a script draws
    it (``<figure itemtype="http://schema.org/ImageObject" itemid="https://.../a.jpg">``,
    or a ``<meta itemprop="url" content>`` inside): the address of a picture file, else
    None."""
    if "ImageObject" not in (figure.get("itemtype") or ""):
        return None
    candidates: list[str | None] = [figure.get("itemid")]
    candidates.extend(
        meta.get("content")
        for meta in figure.iter("meta", "link")
        if meta.get("itemprop") in ("url", "contentUrl")
    )
    for value in candidates:
        if value and _PICTURE_FILE.search(value):
            return str(value).strip()
    return None


# The address of a picture file (its path ends in a picture's suffix, before any query).
_PICTURE_FILE: Final = re.compile(r"^\s*\S+\.(?:jpe?g|png|gif|webp|avif)(?:[?#]\S*)?\s*$", re.I)


def _append_rec(rec: Recommendations, out: list[Block]) -> None:
    """Append a recommendation found in the body: merged into a recent item naming the same
    page (a card's picture or summary link), or into an untitled block just before it."""
    if merge_card_link(rec, out):
        return
    previous = out[-1] if out else None
    if isinstance(previous, Recommendations) and previous.title is None and rec.title is None:
        out[-1] = Recommendations(
            title=None, items=previous.items + rec.items, provenance=previous.provenance
        )
    else:
        out.append(rec)


def _one_recommendations(items: Sequence[ListItem]) -> tuple[Recommendation, ...] | None:
    """Return the recommendations of a list whose every item holds nothing but one
    untitled ``Recommendations`` block, in order; else None."""
    found: list[Recommendation] = []
    for entry in items:
        if len(entry.blocks) != 1:
            return None
        only = entry.blocks[0]
        if not isinstance(only, Recommendations) or only.title is not None:
            return None
        found.extend(only.items)
    return tuple(found)


def _picture_link(x: Inline) -> bool:
    """Return True for a link to a picture around nothing but images (a lightbox)."""
    return (
        isinstance(x, Link)
        and not is_page_link(x.url)
        and not is_share_link(x.url)
        and only_images(x.content)
    )


def images_in(inlines: Iterable[Inline]) -> Iterator[Image]:
    """Yield the images of ``inlines`` and of the links to pictures among them, in order."""
    for x in inlines:
        if isinstance(x, Image):
            yield x
        elif isinstance(x, Link) and _picture_link(x):
            yield from images_in(x.content)


def heading_pictures(inlines: Iterable[Inline]) -> list[Image]:
    """Return the pictures set inside a heading, alone or linked (``<h2>Results <a
    href=big.jpg><img></a></h2>``): a heading is words, and its pictures are figures
    under it, not alt text read as part of its title."""
    pictures: list[Image] = []
    for x in inlines:
        if isinstance(x, Image):
            pictures.append(x)
        elif isinstance(x, Link):
            pictures.extend(i for i in x.content if isinstance(i, Image))
    return pictures


def _has_text(inlines: Iterable[Inline]) -> bool:
    return bool(plain_text(tuple(inlines)).strip())


class BlockBuilder:
    """Turns content elements into blocks; one builder per page."""

    def __init__(
        self,
        labels: Labels,
        *,
        base: str | None,
        page_url: str | None,
        recs: dict[HtmlElement, Recommendations],
        tree: etree._ElementTree,
        release: Callable[[Labels], None] | None = None,
        release_after_chars: int = 0,
        skip: Collection[HtmlElement] = (),
    ) -> None:
        """``release`` frees each part of the tree as soon as its blocks are built, once
        the body holds ``release_after_chars`` characters of paragraphs: the tree empties
        as the Document grows, so a large page never holds both whole. The tree and the
        labels must then not be read after :meth:`build` (``release`` is called with the
        labels first, while both are whole). Elements to build that may nest (a site rule's
        selection) must not use it.
        """
        self.labels = labels
        self.stats = labels.stats
        # (``skip``: more elements to leave out, besides the labelled boilerplate)
        self.skip = labels.boilerplate | set(skip) if skip else labels.boilerplate
        self.base = base
        self.page_url = page_url
        self.recs = recs
        self.used_recs: set[HtmlElement] = set()
        self.tree = tree
        self._paths: dict[HtmlElement, str] = {}
        self._steps: dict[HtmlElement, str] = {}
        self._cursors: dict[HtmlElement, _Numbering] = {}
        # freeing converted subtrees (large pages): see ``release``
        self._releasing = release is not None
        self._before_release = release
        self._release_after = release_after_chars
        self._body_chars = 0  # text of paragraphs that no edge trimming can remove
        self._freed = 0
        self._anchor_ids: set[str] | None = None
        # the list items the walk is inside, innermost last
        self._items: list[HtmlElement] = []
        # lists under a "See also" section heading (is_see_also_section): their one-link
        # items are the section's entries, not recommendations
        self._see_also_lists: set[HtmlElement] = set()
        # the text of the content element being built (see :meth:`_is_whole_content`)
        self._content_chars = 0
        self._content_root: HtmlElement | None = None
        #: The content element's four-word shingles, counted when a pull quote asks.
        self._content_shingles: Counter[tuple[str, ...]] | None = None
        # reading a listing's entries (see :meth:`build`)
        self._entries = False
        self._content_listing = False
        # teasers read as recommendations blocks of their own (see is_card_listing)
        self._card_blocks = 0

    # ------------------------------------------------------------------ helpers

    def _prov(self, el: HtmlElement) -> Provenance:
        return Provenance(path=self._path(el))

    def _path(self, el: HtmlElement) -> str:
        """Return the XPath of ``el`` as ``tree.getpath`` writes it, in amortised O(1).

        ``getpath`` counts same-tag siblings on every call, which made a page of 30,000
        sibling paragraphs quadratic (4 MB page: 4.5 s of 11 s). Each parent's children
        are numbered once here instead.
        """
        paths = self._paths
        chain: list[HtmlElement] = []
        node: HtmlElement | None = el
        while node is not None and node not in paths:
            chain.append(node)
            node = node.getparent()
        prefix = paths[node] if node is not None else ""
        for item in chain[::-1]:
            parent = item.getparent()
            prefix = f"/{item.tag}" if parent is None else f"{prefix}/{self._step(parent, item)}"
            paths[item] = prefix
        return prefix

    def _step(self, parent: HtmlElement, item: HtmlElement) -> str:
        """Return ``item``'s step in its path (``p[3]``, or ``p`` when it has no namesake).

        Each parent's children are numbered once, as far as asked, in page order: paths
        are asked in page order, so the steps of siblings passed on the way wait in
        ``_steps`` only until read (numbering 400,000 sibling paragraphs at once held a
        string for each, half the input's size).
        """
        step = self._steps.pop(item, None)
        if step is not None:
            return step
        cursor = self._cursors.get(parent)
        if cursor is None:
            totals: dict[str, int] = {}
            for child in parent[:]:  # (a list made in C: docs/extraction.md, Speed)
                tag = child.tag  # (lxml makes a new string each time it is read)
                if isinstance(tag, str):
                    totals[tag] = totals.get(tag, 0) + 1
            cursor = self._cursors[parent] = _Numbering(parent, totals)
        node = cursor.next
        while node is not None:
            tag = node.tag
            following = node.getnext()
            if isinstance(tag, str):
                seen = cursor.seen[tag] = cursor.seen.get(tag, 0) + 1
                step = f"{tag}[{seen}]" if cursor.totals[tag] > 1 else tag
                if node is item:
                    cursor.next = following
                    return step
                self._steps[node] = step
            node = following
        cursor.next = None
        return str(item.tag)

    def _numbered(self, parent: HtmlElement, child: HtmlElement) -> None:
        """Number ``parent``'s children up to ``child`` (before ``child`` leaves the tree)."""
        if child not in self._paths:
            self._step(parent, child)

    def _page_anchors(self) -> set[str]:
        """Return the ids and ``<a name>``s of the page (computed once, when first needed)."""
        if self._anchor_ids is None:
            ids: set[str] = set()
            for node in self.tree.iter():
                if isinstance(node.tag, str):
                    value = node.get("id") or (node.get("name") if node.tag == "a" else None)
                    if value:
                        ids.add(value)
            self._anchor_ids = ids
        return self._anchor_ids

    def is_table_of_contents(self, el: HtmlElement) -> bool:
        """Return True when the links of ``el`` jump to sections of this page (a TOC).

        A menu links to other pages; a table of contents links to anchors of the article
        itself. It is article structure and stays, although it is all links.
        """
        hrefs = [href for href in (a.get("href") for a in el.iter("a")) if href is not None]
        if len(hrefs) < MIN_CLUSTER_LINKS:
            return False
        fragments = [href[1:] for href in hrefs if href.startswith("#") and len(href) > 1]
        if len(fragments) < MIN_TOC_FRAGMENT_SHARE * len(hrefs):
            # too few links to fragments whatever the page's ids: no need to collect them
            # (a walk of the whole tree; most link clusters are menus and link lists)
            return False
        anchors = self._page_anchors()
        inside = sum(1 for fragment in fragments if _unquote(fragment) in anchors)
        return inside >= MIN_TOC_FRAGMENT_SHARE * len(hrefs)

    def _is_block(self, el: HtmlElement, tag: str) -> bool:
        """Return True when ``el`` (its tag: ``tag``) is a block: by its tag, or by a
        block found inside it by the labelling walk."""
        if tag in vocab.BLOCK_TAGS:
            return True
        st = self.stats.get(el)
        return st is not None and bool(st.flags & FLAG_BLOCK)

    # ------------------------------------------------------------------ blocks

    def build(
        self,
        elements: Iterable[HtmlElement],
        *,
        entries: bool = False,
        catalogs: bool = True,
        catalog: bool = False,
    ) -> list[Block]:
        """Return the blocks of ``elements`` (each read as a container), in order.

        ``entries``: the elements are the entries of a listing (and the paragraphs around
        them, :func:`articlekit.html.content.with_list_items`), whose paragraphs that are
        nothing but a link (an event's linked name above its place, an entry that is its
        name alone) are the listing's content, not recommendations.

        ``catalogs``: an element whose text is mostly links (:func:`is_link_cluster`: a
        documentation catalog of cards, a shelter's animals, a list of programming
        languages) is a catalog, the page's content: the link clusters in it are read
        rather than dropped as menus, and its cards (links drawn around blocks) as its
        entries, not as recommendations (the chooser found nothing else to read).

        ``catalog``: every element is such a catalog whatever its link share (the page
        read over a scrap, :func:`articlekit.html.content.page_over_scrap`: a listing
        whose entries are links, its region holding filters and dialogs besides them).
        """
        out: list[Block] = []
        self._entries = entries
        for el in elements:
            st = self.stats.get(el)
            self._content_chars = st.text if st is not None else 0
            self._content_root = el
            self._content_shingles = None
            self._content_listing = catalogs and (
                catalog or (st is not None and is_link_cluster(st))
            )
            start = len(out)
            self._card_blocks = 0
            self._element(el, out, 0)
            if (
                catalogs
                and not self._content_listing
                and not self._releasing
                and is_card_listing(out[start:], self._card_blocks)
            ):
                # a grid of teaser cards is the page's content: read again, its cards as
                # its entries (a headline, a summary), not as recommendations
                del out[start:]
                self._content_listing = self._entries = True
                self._element(el, out, 0)
                self._entries = entries
        return out

    def _is_whole_content(self, st: Stats) -> bool:
        """Return True when a box holds (nearly) all the text of the content element
        being built: the chosen content itself or a wrapper of it, which is read even when
        its text is mostly links (a listing of linked headlines, products or events)."""
        return st.text > 0 and (
            st.text >= WHOLE_CONTENT_SHARE * self._content_chars or self._content_listing
        )

    def _container(self, el: HtmlElement, out: list[Block], depth: int) -> None:
        """Append the blocks of ``el``'s children, grouping inline runs into paragraphs."""
        if depth > MAX_NESTING:
            flat = collapse_ws(text_of(el)).strip()
            if flat:
                out.append(Paragraph(content=(Text(text=flat),), provenance=self._prov(el)))
            return
        run = _Run()
        if text := el.text:
            _append_text(run.inlines, text)
            run.first = el
        # (el[:]: a list made in C, docs/extraction.md, Speed)
        children = [c for c in el[:] if isinstance(c.tag, str)]
        skip = 0  # children already read with the one before (a list under its title)
        for index, child in enumerate(children):
            if skip:
                skip -= 1
                self._tail(child, run)
                continue
            tag = child.tag
            if child in self.skip or tag in _SKIP_INLINE:
                self._tail(child, run)
                continue
            if child in self.recs:
                self._flush(run, out)
                self._emit_rec(child, out)
                self._tail(child, run)
                continue
            if tag == "br":
                run.inlines.append(LineBreak())
                self._tail(child, run)
                continue
            if self._is_block(child, tag):
                self._flush(run, out)
                if (tag in vocab.HEADING_TAGS or tag == "p") and index + 1 < len(children):
                    # "Related articles" over a list of links, as a heading or as a bold
                    # paragraph ("<p><strong>Lesen Sie auch:</strong></p><ul>...")
                    rec = None
                    # islice, not a slice: this runs for every <p> of a container, and
                    # copying the rest of a 100,000-paragraph page each time is quadratic
                    if is_see_also_section(child, itertools.islice(children, index + 1, None)):
                        # an encyclopedia's "See also" between its sections: a section of
                        # the article, whose one-link list items stay list items
                        self._see_also_lists.update(
                            itertools.takewhile(
                                lambda c: c.tag not in vocab.HEADING_TAGS,
                                itertools.islice(children, index + 1, None),
                            )
                        )
                    else:
                        rec = self._heading_rec(child, children[index + 1])
                    if rec is not None:
                        more = self._more_link_lists(children, index + 2)
                        if more:
                            rec = self._with_link_lists(rec, children[index + 2 : index + 2 + more])
                        out.append(rec)
                        skip = 1 + more
                        self._tail(child, run)
                        continue
                self._element(child, out, depth + 1)
                if self._releasing and self._body_chars >= self._release_after:
                    self._tail(child, run)
                    self._free(el, child)
                    children[index] = el  # (the list must not keep the freed child alive)
                    continue
            else:
                equation = display_equation(child, self.stats, self.skip)
                if equation is not None:
                    self._flush(run, out)
                    code = equation_text(equation)
                    if code:
                        out.append(
                            CodeBlock(code=code, language="math", provenance=self._prov(child))
                        )
                    self._tail(child, run)
                    continue
                if run.first is None:
                    run.first = child
                self._inline(child, run.inlines, depth + 1)
            self._tail(child, run)
        self._flush(run, out)

    def _free(self, parent: HtmlElement, child: HtmlElement) -> None:
        """Take ``child``, whose blocks are built, out of the tree and forget its elements.

        Large pages only (see ``release``): libxml2 frees the subtree once no Python object
        refers to any of its elements, and the freed memory goes back to the system.
        """
        if self._before_release is not None:
            self._before_release(self.labels)
            self._before_release = None
            # nothing reads these after the labels' last reader above; they hold every
            # paragraph of the page
            self.labels.paragraphs = []
            self.labels.headings = []
            self.labels.loose = {}
        self._numbered(parent, child)  # later siblings keep their paths
        stats, paths, steps = self.stats, self._paths, self._steps
        cursors, skip = self._cursors, self.skip
        freed = 0
        for node in child.iter():
            stats.pop(node, None)
            paths.pop(node, None)
            steps.pop(node, None)
            cursors.pop(node, None)
            skip.discard(node)
            freed += 1
        parent.remove(child)
        self._freed += freed
        if self._freed >= RELEASE_EVERY_ELEMENTS:
            self._freed = 0
            return_free_memory()

    def _tail(self, child: HtmlElement, run: _Run) -> None:
        if tail := child.tail:
            _append_text(run.inlines, tail)

    def _flush(self, run: _Run, out: list[Block]) -> None:
        if not run.inlines:
            return
        inlines, first = run.inlines, run.first
        run.inlines, run.first = [], None
        if len(inlines) == 1:
            only = inlines[0]
            if isinstance(only, Text) and only.text.isspace():
                # the white space between two blocks (8 runs in 10 on trafilatura-eval):
                # no paragraph, as _paragraph would find once it had stripped it
                return
        parent = first.getparent() if first is not None else None
        for part in _split_at_double_breaks(inlines):
            self._paragraph(part, out, parent if parent is not None else first)

    def _paragraph(self, inlines: list[Inline], out: list[Block], el: HtmlElement | None) -> None:
        content = _finish(inlines)
        if not content:
            return
        prov = self._prov(el) if el is not None else None
        text = plain_text(content).strip()
        # one run of text (most paragraphs) holds no image, share link or link: the three
        # tests below that read the inlines for them would say False
        inlines_only = len(content) > 1 or type(content[0]) is not Text
        if not text:
            # a slideshow's or a lightbox's trigger around its first picture
            slides = self._self_link_pictures(content)
            if slides:
                content = tuple(slides)
        if not text or (inlines_only and only_images(content)):
            # images and nothing else (their alt text is no paragraph): a run of figures
            out.extend(Figure(image=img, provenance=prov) for img in images_in(content))
            return
        if len(text) <= MAX_BOILERPLATE_PHRASE_CHARS and vocab.BOILERPLATE_PHRASE.match(text):
            return
        if inlines_only and only_share_links(content):
            return  # a share bar the labelling missed ("Pin", "Tweet", a "Pin it" button)
        if is_photo_credit(text) or (
            len(text) <= MAX_AGENCY_CREDIT_CHARS and is_agency_credit(text)
        ):
            # the caption goes, the images it stood beside stay
            out.extend(Figure(image=x, provenance=prov) for x in content if isinstance(x, Image))
            return
        if el is not None and inlines_only and _holds_link(content):
            # (each of the three reads a paragraph with a link, unwrapped: most have none,
            # and their phrase tests lower-cased the paragraph's whole text first)
            rec = self._prefix_rec(content, text, el)
            if rec is None:
                rec = self._also_read_rec(content, text, el)
            if rec is not None:
                _append_rec(rec, out)
                return
            rec = self._link_paragraph_rec(content, text, el)
            if rec is not None:
                self._append_teaser(rec, out)
                return
        out.append(Paragraph(content=content, provenance=prov))
        if len(text) >= MAX_STRAY_LINE_CHARS:
            self._body_chars += len(text)  # no edge trimming removes this paragraph

    def _self_link_pictures(self, content: tuple[Inline, ...]) -> list[Image]:
        """Return the pictures of ``content`` when it is nothing but links to the page
        itself (``href="#"``, ``#slide-2``) around images, else an empty list.

        A gallery or a slideshow shows its first picture inside a link that opens the
        lightbox on the same page; that link leads nowhere else, so the picture is the
        article's (a link to another page around a picture is a teaser of that page).
        """
        pictures: list[Image] = []
        for x in content:
            if isinstance(x, LineBreak) or (isinstance(x, Text) and x.text.isspace()):
                continue
            if not isinstance(x, Link) or not only_images(x.content):
                return []
            if not stays_on_page(x.url, self.page_url):
                return []
            pictures.extend(i for i in x.content if isinstance(i, Image))
        return pictures

    def _link_paragraph_rec(
        self, content: tuple[Inline, ...], text: str, el: HtmlElement | None
    ) -> Recommendations | None:
        """Return a block for a paragraph that is nothing but a link to another article."""
        content = _unwrapped(content)
        if len(content) != 1 or not isinstance(content[0], Link) or el is None:
            return None
        if self._entries:
            return None  # a listing's entry names what it lists
        if _URL_TEXT.match(text):
            # a bare address shown as the link text cites a source; an article is linked
            # by its title
            return None
        if self._items and not _same_text(collapse_ws(text_of(self._items[-1])), text):
            # a link that is only part of its list item (a reference whose title a block
            # inside it cut off from its date) is list content, kept as the list is
            return None
        if self._items and self._items[-1].getparent() in self._see_also_lists:
            return None
        link = content[0]
        if len(text) < MIN_REC_ITEM_CHARS or link.url.startswith("#") or not is_page_link(link.url):
            return None
        if is_author_link(el):
            return None  # the byline's link to its author ("von <address><a rel=author>")
        if same_page(link.url, self.page_url):
            return None
        picture = next(images_in(link.content), None) if only_images(link.content) else None
        item = Recommendation(
            title=text, url=link.url, image=picture.src if picture is not None else None
        )
        if picture is None and not links_within_site((item,), self.page_url):
            # a headline linking to another site is the post's source ("The generation we
            # love to dump on" under a link blog's summary of it): the article's own text
            return None
        return Recommendations(title=None, items=(item,), provenance=self._prov(el))

    def _prefix_rec(
        self, content: tuple[Inline, ...], text: str, el: HtmlElement | None
    ) -> Recommendations | None:
        """Return a block for an "Also read: <a>...</a>" paragraph, else None."""
        if el is None or not vocab.opens_with_rec_prefix(text):
            return None  # (the fast test first: few paragraphs open so)
        match = vocab.REC_PREFIX.match(text)
        if match is None:  # pragma: no cover - the same pattern answered above
            return None
        links = [x for x in _unwrapped(content) if isinstance(x, Link)]
        if not links:
            return None
        link_chars = sum(len(plain_text(x)) for x in links)
        rest = len(text) - match.end()
        if link_chars < 0.5 * rest:
            return None
        items = tuple(
            Recommendation(title=plain_text(x).strip(), url=x.url)
            for x in links
            if plain_text(x).strip()
        )
        if not items:
            return None
        # (a line set in brackets: "(También puede leer: <a>...</a>)")
        title = text[: match.end()].strip(" :-–—|»>").lstrip("([ ")
        return Recommendations(title=title or None, items=items, provenance=self._prov(el))

    def _also_read_rec(
        self, content: tuple[Inline, ...], text: str, el: HtmlElement | None
    ) -> Recommendations | None:
        """Return a block for an "also read" line naming one article without a colon,
        else None (see :func:`also_read_item`)."""
        if el is None or len(text) > MAX_ALSO_READ_CHARS or not vocab.opens_with_also_read(text):
            return None  # (the fast tests first: few paragraphs open so)
        match = vocab.ALSO_READ.match(text)
        if match is None:  # pragma: no cover - the same pattern answered above
            return None
        item = also_read_item(_unwrapped(content), len(text) - match.end())
        if item is None or item.url is None:
            return None
        if same_page(item.url, self.page_url):
            return None  # a link to the page itself
        title = text[: match.end()].strip(" [(")
        return Recommendations(title=title or None, items=(item,), provenance=self._prov(el))

    def _heading_rec(self, heading: HtmlElement, nxt: HtmlElement) -> Recommendations | None:
        """Return a block for a "Related" heading followed by a list of links, else None."""
        # the next element's measurements first: this is asked for every heading and <p>
        # followed by a sibling, and the heading's text (a paragraph's whole text, collected
        # and collapsed) is only worth reading over a link-dense sibling (1 in 16 on
        # trafilatura-eval)
        st = self.stats.get(nxt)
        if st is None or st.anchors < 1 or st.links < 0.5 * st.text:
            return None
        text = collapse_ws(text_of(heading)).strip()
        if not text or len(text) > 60 or not vocab.opens_with_rec_words(text):
            return None
        block = recommendations_block(nxt, self.base, title=text, page_url=self.page_url)
        if block is None:
            return None
        if heading.tag == "p" and not links_within_site(block.items, self.page_url):
            # a bold paragraph over links elsewhere ("Our picks:" over shop links) is a
            # part of the article; over the site's own articles it titles recommendations
            return None
        return Recommendations(title=block.title, items=block.items, provenance=self._prov(nxt))

    def _more_link_lists(self, children: list[HtmlElement], start: int) -> int:
        """Return how many lists of links follow ``children[start - 1]``, the list under a
        recommendation title, from ``start`` on (none past ``MAX_EXTRA_LINK_LISTS``).

        Some pages print each linked article under such a title as a list of its own
        (``<h4>More:</h4><ul><li><a>...</a></li></ul><ul><li><a>...</a></li></ul>``): the
        lists that are nothing but links belong to the title as the first one does.
        """
        count = 0
        for child in children[start : start + MAX_EXTRA_LINK_LISTS]:
            if child.tag not in ("ul", "ol") or child in self.skip or child in self.recs:
                break
            st = self.stats.get(child)
            if st is None or st.anchors < 1 or st.links < MIN_LINK_LIST_SHARE * st.text:
                break
            count += 1
        return count

    def _with_link_lists(self, rec: Recommendations, lists: list[HtmlElement]) -> Recommendations:
        """Return ``rec`` with the items of the lists of links printed after its own."""
        items = list(rec.items)
        for extra in lists:
            block = recommendations_block(extra, self.base, page_url=self.page_url)
            if block is not None:
                items.extend(block.items)
        return Recommendations(title=rec.title, items=tuple(items), provenance=rec.provenance)

    def _card_link(self, el: HtmlElement, out: list[Block]) -> bool:
        """Read a link drawn around blocks as a teaser card; return True when it was one.

        ``<a href=/other-story><h3>Headline</h3><p>Summary</p></a>`` is how news and shop
        pages draw cards (related stories, products, "next article") inside an article:
        the whole box is a link to another page. An article's own headings and paragraphs
        are never wrapped in such a link. A link to the site's home page around blocks is
        the masthead (logo, site name) and goes. Not cards: fragment links (an accordion's
        toggle, "#comments"), links to pictures or e-mail addresses, a link to the page
        itself, a link holding the ``h1`` or the article (``main``, or paragraphs of prose:
        :func:`articlekit.html.clean.is_linked_article`), or one holding more than
        ``MAX_CARD_LINK_CHARS`` (a wrapper).
        """
        href = (el.get("href") or "").strip()
        if href.startswith("#"):
            return False
        url = resolve_url(href, self.base)
        if url is None or not is_page_link(url):
            return False
        if same_page(url, self.page_url):
            return False
        st = self.stats.get(el)
        if st is None or not st.text or st.text > MAX_CARD_LINK_CHARS:
            return False
        if not st.links:
            return False  # its text is not link text: an article inside the link
        if is_home_link(url) or is_social_profile(url):
            return True  # a masthead, or a "follow us" box
        if st.flags & (FLAG_H1 | FLAG_MAIN):
            return False
        item = card_link_item(el, url, self.base)
        if item is None:
            return False
        if is_action_link_text(item.title):
            return True  # a shop's or an account's button drawn as a box: it goes
        if self._content_listing:
            return False  # an entry of a catalog: read as its blocks
        self._append_teaser(
            Recommendations(title=None, items=(item,), provenance=self._prov(el)), out
        )
        return True

    def _append_teaser(self, rec: Recommendations, out: list[Block]) -> None:
        """Append a teaser found in the body (a card link, a paragraph that is one link to
        another page), counting those that stand as blocks of their own: a listing's
        entries are such teasers (see :func:`is_card_listing`)."""
        before = len(out)
        _append_rec(rec, out)
        if len(out) > before:
            self._card_blocks += 1

    def _emit_rec(self, el: HtmlElement, out: list[Block]) -> None:
        self.used_recs.add(el)
        block = self.recs[el]
        out.append(block)

    def _element(self, el: HtmlElement, out: list[Block], depth: int) -> None:
        """Append the block(s) ``el`` stands for."""
        tag = el.tag
        if el in self.skip:
            return
        if el in self.recs:
            self._emit_rec(el, out)
            return
        if depth > MAX_NESTING:
            self._container(el, out, depth)
            return
        if tag == "a" and self._card_link(el, out):
            return
        names = el.get("class")
        if names and "ull" in names and self._repeated_pull_quote(el, names):
            return  # a pull quote: the article's own words again, set large
        if tag in vocab.HEADING_TAGS:
            content = self._inlines_of(el, depth)
            pictures = heading_pictures(content)
            if pictures:
                words = _without_images(content)
                if _has_text(words):
                    content = words  # (a heading of pictures alone is left as it was)
                else:
                    pictures = []
            if _has_text(content) and not is_furniture_label(plain_text(content).strip()):
                level = int(tag[1])
                prov = self._prov(el)
                out.append(Heading(level=level, content=content, provenance=prov))
                out.extend(Figure(image=image, provenance=prov) for image in pictures)
            return
        if tag == "p":
            inlines: list[Inline] = []
            if text := el.text:
                _append_text(inlines, text)
            has_block = False
            for child in el[:]:  # (a list made in C: docs/extraction.md, Speed)
                child_tag = child.tag
                if not isinstance(child_tag, str) or child in self.skip:
                    pass
                elif child_tag in vocab.BLOCK_TAGS and child_tag not in ("span", "a"):
                    has_block = True
                    break
            if has_block:
                self._container(el, out, depth)
                return
            run = _Run()
            run.first = el
            self._children_inline(el, run.inlines, depth)
            # a browser shows "<p>a<br><br>b</p>" as two paragraphs, and so do we
            for part in _split_at_double_breaks(run.inlines):
                self._paragraph(part, out, el)
            return
        if tag in ("ul", "ol", "dir", "menu"):
            self._list(el, out, depth)
            return
        if tag == "dl":
            if is_picture_definition(el):
                self._figure(el, out, depth)
            else:
                self._definition_list(el, out, depth)
            return
        if tag == "blockquote":
            inner: list[Block] = []
            self._container(el, inner, depth)
            if inner:
                out.append(Quote(blocks=tuple(inner), provenance=self._prov(el)))
            return
        if tag == "pre":
            code = replace_controls(code_text(el))
            if code.strip():
                code = code.strip("\n")
                out.append(
                    CodeBlock(code=code, language=code_language(el), provenance=self._prov(el))
                )
            return
        if tag == "table":
            self._table(el, out, depth)
            return
        if tag == "figure":
            self._figure(el, out, depth)
            return
        if tag == "figcaption" and self._stray_caption(el, out, depth):
            return
        if tag in ("img", "amp-img"):
            image = self._image(el)
            if image is not None:
                out.append(Figure(image=image, provenance=self._prov(el)))
            return
        if tag == "hr":
            out.append(Rule(provenance=self._prov(el)))
            return
        st = self.stats.get(el)
        if st is not None and tag in _CAPTION_HOLDERS:
            if (
                tag != "td"
                and is_link_cluster(st)
                and not self._is_whole_content(st)
                and not self.is_table_of_contents(el)
                and not is_lightbox_gallery(el, st)
            ):
                return
            if st.text <= MAX_CAPTION_CHARS:
                names = class_id(el)
                if (
                    st.flags & FLAG_IMG
                    and names
                    and vocab.FIGURE_CLASS.search(names)
                    and not is_grid_card(el)
                    and not is_titled_section(el)
                ):
                    self._figure(el, out, depth)
                    return
                if (
                    not st.flags & FLAG_IMG
                    and names
                    and vocab.CAPTION_CLASS.search(names)
                    and not is_grid_card_text(el)
                ):
                    return  # the caption or credit of an image that is not shown
            elif self._is_long_side_caption(el, st) or self._is_long_unshown_caption(el, st):
                return
        start = len(out)
        self._container(el, out, depth)
        if st is not None and len(out) > start and _orphaned_headings(out[start:], st.text):
            # a box whose body was all left out (a slideshow, a menu): its title heads nothing
            del out[start:]
        elif tag == "a" and self._content_listing and len(out) > start:
            # an entry of a listing drawn as a link around its blocks: its heading names
            # the entry's page
            url = resolve_url((el.get("href") or "").strip(), self.base)
            if url is not None and is_page_link(url):
                link_entry_heading(out, start, url)

    def _repeated_pull_quote(self, el: HtmlElement, names: str) -> bool:
        """Return True for a pull quote that repeats the article's words: a box named so
        (``_PULL_QUOTE_CLASS``: "pullquote", "pull-quote", WordPress's "wp-block-pullquote")
        at least ``MIN_PULL_QUOTE_SHARE`` of whose four-word shingles stand elsewhere in
        the content element (the quote set large between paragraphs, often cut a little:
        "Opponents said ..." for "Opponents, many of them ..., said ..."). Read as text,
        the sentence came twice. A pull quote of words of its own (a blog's highlighted
        sentence that the text does not repeat) stays."""
        if _PULL_QUOTE_CLASS.search(names) is None or self._content_root is None:
            return False
        own = _shingle_counts(text_of(el))
        if not own:
            return False
        if self._content_shingles is None:  # read once: a page may hold many pull quotes
            self._content_shingles = _shingle_counts(collapse_ws(text_of(self._content_root)))
        whole = self._content_shingles
        # a shingle stands elsewhere when the content holds it more often than the quote
        elsewhere = sum(1 for shingle, count in own.items() if whole[shingle] > count)
        return elsewhere >= MIN_PULL_QUOTE_SHARE * len(own)

    def _is_long_unshown_caption(self, el: HtmlElement, st: Stats) -> bool:
        """Return True for a long caption whose picture is not in the page: a box named
        like a caption (``imageEmbedCaption``), holding no paragraph or other block and at
        most ``MAX_SIDE_CAPTION_CHARS``, inside a box named like a picture's that holds no
        picture (``InlineImage-imageEmbed``: a picture a script would have loaded). A news
        agency's caption runs to 300 characters and more ("Sheikh Mohammed bin Rashid Al
        Maktoum, ... on Monday, Nov. 13, 2017.")."""
        if st.text > MAX_SIDE_CAPTION_CHARS or st.flags & (FLAG_IMG | FLAG_BLOCK):
            return False
        names = class_id(el)
        if not names or vocab.CAPTION_CLASS.search(names) is None:
            return False
        for holder in itertools.islice(el.iterancestors(), MAX_CAPTION_HOLDER_DEPTH):
            holder_names = class_id(holder)
            if holder_names and vocab.FIGURE_CLASS.search(holder_names):
                shown = self.stats.get(holder)
                return shown is not None and not shown.flags & FLAG_IMG
        return False

    def _is_long_side_caption(self, el: HtmlElement, st: Stats) -> bool:
        """Return True for a long caption printed beside its picture: a box named like a
        caption (``legend``, ``captionBox``, ``tiled-gallery-caption``), holding no
        picture and at most ``MAX_SIDE_CAPTION_CHARS``, right after a box that holds one.
        A lightbox gallery prints the picture's whole description so; shorter captions
        are left out whatever stands before them (see ``_element``)."""
        if st.text > MAX_SIDE_CAPTION_CHARS or st.flags & FLAG_IMG:
            return False
        before = el.getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()
        if before is None:
            return False
        picture = self.stats.get(before)
        if picture is None or not picture.flags & FLAG_IMG or picture.text > 0:
            return False
        names = class_id(el)
        return bool(names) and vocab.CAPTION_CLASS.search(names) is not None

    def _list(self, el: HtmlElement, out: list[Block], depth: int) -> None:
        st = self.stats.get(el)
        if (
            st is not None
            and is_link_cluster(st)
            and st.links > 0.9 * st.text
            and st.text < MIN_REC_ITEM_CHARS * st.anchors
            and el not in self._see_also_lists
            and not self.is_table_of_contents(el)
        ):
            # a list of short links inside the article: a menu or a tag list. A list of
            # longer link titles stays a list (a "See also" or a changelog of bug links),
            # and so does any list of an encyclopedia's "See also" section
            # (is_see_also_section: "-zilla (suffix)", "Mozilla (mascot)").
            return
        if st is not None and not st.flags & FLAG_IMG and is_slideshow_legend(el):
            # the numbered captions of a slideshow whose pictures are not in the markup
            # (script-loaded backgrounds): captions of images that are not shown
            return
        items: list[ListItem] = []
        for child in el:
            if not isinstance(child.tag, str) or child in self.skip:
                continue
            if child in self.recs:
                continue
            inner: list[Block] = []
            self._items.append(child)
            try:
                if child.tag == "li":
                    self._container(child, inner, depth + 1)
                else:
                    self._element(child, inner, depth + 1)
            finally:
                self._items.pop()
            if inner:
                items.append(ListItem(blocks=tuple(inner)))
        if not items:
            return
        merged = _one_recommendations(items)
        if merged is not None:
            # every item is one link to another article (a list of related links under
            # a label the recommendation words do not name, "Links zu verwandten
            # externen Artikeln:"): one block, titled by that label, not a list of
            # untitled blocks ("- ## Recommended" in Markdown, "-" in plain text)
            title = None
            if out and _is_label(out[-1]):
                title = " ".join(plain_text(out.pop()).split()).strip(" :\uff1a") or None
            rec = Recommendations(title=title, items=merged, provenance=self._prov(el))
            _append_rec(rec, out)
            return
        ordered = el.tag == "ol"
        start = 1
        if ordered:
            raw = (el.get("start") or "").strip()
            if raw.isdigit():
                start = int(raw)
        out.append(
            List(ordered=ordered, start=start, items=tuple(items), provenance=self._prov(el))
        )

    def _definition_list(self, el: HtmlElement, out: list[Block], depth: int) -> None:
        for child in el:
            if not isinstance(child.tag, str) or child in self.skip:
                continue
            if child.tag == "dt":
                content = self._inlines_of(child, depth)
                if _has_text(content):
                    out.append(
                        Paragraph(content=(Strong(content=content),), provenance=self._prov(child))
                    )
            else:
                self._container(child, out, depth + 1)

    def _table(self, el: HtmlElement, out: list[Block], depth: int) -> None:
        code_cells = code_table(el)
        if code_cells is not None:
            self._code_table(el, code_cells, out)
            return
        if is_layout_table(el, self.stats):
            for row in _rows(el):
                for cell in _cells(row):
                    if cell not in self.skip:
                        self._container(cell, out, depth + 2)
            return
        rows: list[TableRow] = []
        header_rows = 0
        counting_header = True
        html_rows = _rows(el)
        bold_head = (
            html_rows[0]
            if el.find(".//th") is None
            and el.find("thead") is None
            and has_bold_header_row(html_rows)
            else None
        )
        dropped: list[int] = []  # indices (in html_rows) of rows without cells
        starts: list[int] = []  # index in html_rows of each kept row
        for index, row in enumerate(html_rows):
            cells: list[TableCell] = []
            all_th = True
            for cell in _cells(row):
                content = self._cell_inlines(cell, depth)
                is_th = cell.tag == "th" or row is bold_head
                all_th = all_th and is_th
                cells.append(
                    TableCell(
                        content=content,
                        header=is_th,
                        colspan=_span(cell.get("colspan")),
                        rowspan=_rowspan(cell.get("rowspan"), len(html_rows) - index),
                    )
                )
            if not cells:
                dropped.append(index)
                continue
            starts.append(index)
            in_head = row.getparent() is not None and row.getparent().tag == "thead"
            if counting_header and (in_head or all_th):
                header_rows += 1
            else:
                counting_header = False
            rows.append(TableRow(cells=tuple(cells)))
        if not rows:
            return
        if dropped:
            rows = _rowspans_without(rows, starts, dropped)
        caption_el = el.find("caption")
        caption = self._inlines_of(caption_el, depth) if caption_el is not None else ()
        out.append(
            Table(
                rows=tuple(rows),
                header_rows=header_rows,
                caption=caption,
                provenance=self._prov(el),
            )
        )

    def _code_table(self, el: HtmlElement, cells: list[HtmlElement], out: list[Block]) -> None:
        """Append the code of a table of numbered lines (:func:`code_table`) as one
        ``CodeBlock``: its code cells' lines, one a row, without the line numbers (a
        no-break space that indents a line is a space)."""
        lines = [
            replace_controls(code_text(cell)).strip("\n").replace("\xa0", " ") for cell in cells
        ]
        code = "\n".join(lines).strip("\n")
        if not code.strip():
            return
        language = None
        for cell in cells:
            pre = cell.find(".//pre")
            language = code_language(pre if pre is not None else cell)
            if language is not None:
                break
        if language is None:
            language = code_language(el)
        out.append(CodeBlock(code=code, language=language, provenance=self._prov(el)))

    def _cell_inlines(self, cell: HtmlElement, depth: int) -> tuple[Inline, ...]:
        inlines: list[Inline] = []
        if text := cell.text:
            _append_text(inlines, text)
        for child in cell[:]:  # (no ``len`` first: it costs more than an empty list)
            if not isinstance(child.tag, str) or child in self.skip:
                if tail := child.tail:
                    _append_text(inlines, tail)
                continue
            if child.tag in vocab.BLOCK_TAGS and inlines:
                inlines.append(LineBreak())
            self._inline(child, inlines, depth + 1)
            if tail := child.tail:
                _append_text(inlines, tail)
        return _finish(inlines)

    def _figure(self, el: HtmlElement, out: list[Block], depth: int) -> None:
        captions = gallery_captions(el)
        if captions:
            # pictures each with a caption of its own: a figure each, not one figure
            # captioned by the first caption (or by all of them run together)
            self._gallery(el, captions, out, depth)
            return
        caption_el = el.find(".//figcaption")
        if caption_el is None and el.tag == "figure" and is_card_figure(el):
            # a card of a grid wrapped in a figure: its name and price are its text
            self._container(el, out, depth)
            return
        caption: tuple[Inline, ...] = ()
        if caption_el is not None:
            caption = self._inlines_of(caption_el, depth)
        elif el.tag != "figure":
            caption = _without_images(self._inlines_of(el, depth))
        if only_share_links(caption):
            caption = ()  # a "Pin it" button under the picture
        if caption and vocab.AD_LABEL.match(plain_text(caption)):
            return  # an ad banner set as a figure, captioned "Advertisement"
        images = [
            img
            for img in el.iter("img", "amp-img")
            if caption_el is None or caption_el not in img.iterancestors()
        ]
        if not images:
            declared = _declared_image(el) if caption_el is not None else None
            if declared is not None:
                # a lazy picture drawn by a script, named by its microdata
                src = resolve_url(declared, self.base)
                if src:
                    drawn = Image(src=src, alt="", title=None)
                    out.append(Figure(image=drawn, caption=caption, provenance=self._prov(el)))
                    return
            if caption_el is not None and _holds_player(el):
                return  # the caption of a video or an embed the document does not hold
            inner: list[Block] = []
            self._container(el, inner, depth)
            out.extend(_captioned_table(inner, caption) if caption else inner)
            return
        prov = self._prov(el)
        found: list[Image] = []
        sources: dict[str, int] = {}
        for candidate in images:
            image = self._image(candidate)
            if image is None or (not caption and vocab.AD_LABEL.match(image.alt)):
                continue
            # lazy-loading pages repeat the image in <noscript>, often after a blurred
            # small copy of it: one picture, shown in the last (largest) size given
            key = picture_key(image.src)
            index = sources.get(key)
            if index is None:
                sources[key] = len(found)
                found.append(image)
            elif image.src != found[index].src:
                kept = found[index]
                found[index] = attrs.evolve(image, alt=image.alt or kept.alt)
        for index, image in enumerate(found):
            last = index == len(found) - 1
            out.append(Figure(image=image, caption=caption if last else (), provenance=prov))
        if (
            not found
            and caption
            and _has_text(caption)
            and not is_photo_credit(plain_text(caption).strip())
        ):
            out.append(Paragraph(content=caption, provenance=prov))

    def _gallery(
        self, el: HtmlElement, captions: list[HtmlElement], out: list[Block], depth: int
    ) -> None:
        """Append a gallery's pictures (:func:`gallery_captions`) as figures, each caption
        under the pictures printed since the caption before it (one picture in several
        sizes is one); a caption after no picture (the gallery's own) is a paragraph."""
        prov = self._prov(el)
        held = set(captions)
        pending: list[Image] = []
        keys: set[str] = set()
        walker = etree.iterwalk(el, events=("start",))
        for _event, node in walker:
            if node is el:
                continue
            tag = node.tag
            if not isinstance(tag, str) or node in self.skip or tag == "noscript":
                walker.skip_subtree()
                continue
            if node in held:
                walker.skip_subtree()
                caption = self._inlines_of(node, depth)
                if not pending:
                    if _has_text(caption):
                        out.append(Paragraph(content=caption, provenance=prov))
                    continue
                for index, shown in enumerate(pending):
                    last = index == len(pending) - 1
                    out.append(
                        Figure(image=shown, caption=caption if last else (), provenance=prov)
                    )
                pending = []
                keys = set()
            elif tag in ("img", "amp-img"):
                image = self._image(node)
                if image is not None and picture_key(image.src) not in keys:
                    keys.add(picture_key(image.src))
                    pending.append(image)
        out.extend(Figure(image=shown, provenance=prov) for shown in pending)

    def _stray_caption(self, el: HtmlElement, out: list[Block], depth: int) -> bool:
        """Give a ``<figcaption>`` standing outside its ``<figure>`` (right after it, or
        after a bare ``<img>``) to the picture just before it, when that has no caption;
        return True when it did. Templates that close the figure early print the caption
        as a sibling; it is still the picture's, not a paragraph of the article."""
        previous = out[-1] if out else None
        if not isinstance(previous, Figure) or previous.caption:
            return False
        caption = self._inlines_of(el, depth)
        if not _has_text(caption):
            return False
        out[-1] = attrs.evolve(previous, caption=caption)
        return True

    def _image(self, el: HtmlElement) -> Image | None:
        src = resolve_url(image_source(el), self.base)
        if not src:
            return None
        alt = _attribute_text(el.get("alt"))
        fallback = noscript_image(el) if not alt else None
        if fallback is not None and resolve_url(fallback.get("src"), self.base) == src:
            alt = _attribute_text(fallback.get("alt"))  # a stand-in's picture, from <noscript>
        title = _attribute_text(el.get("title"))
        return Image(src=src, alt=alt, title=title or None)

    # ------------------------------------------------------------------ inlines

    def _inlines_of(self, el: HtmlElement, depth: int) -> tuple[Inline, ...]:
        inlines: list[Inline] = []
        self._children_inline(el, inlines, depth)
        return _finish(inlines)

    def _children_inline(self, el: HtmlElement, out: list[Inline], depth: int) -> None:
        if text := el.text:
            _append_text(out, text)
        # (``el[:]``, not ``el``: lxml makes the list in C; no ``len`` first, though most
        # inline elements are leaves: lxml's ``len`` costs more than the empty list of a
        # leaf: docs/extraction.md, Speed)
        for child in el[:]:
            if isinstance(child.tag, str):
                if child not in self.skip:
                    self._inline(child, out, depth + 1)
                elif is_formula_picture(child):
                    image = self._image(child)
                    if image is not None:
                        out.append(image)
            if tail := child.tail:
                _append_text(out, tail)

    def _inline(self, el: HtmlElement, out: list[Inline], depth: int) -> None:
        """Append the inlines of ``el`` (not its tail) to ``out``."""
        tag = el.tag
        if el in self.skip or tag in _SKIP_INLINE or el in self.recs:
            # a recommendation widget inside an inline wrapper (<b><div class="related">)
            # is its own block, emitted after the body, never inline text
            return
        if tag in _ICON_HOSTS and is_icon_glyph(el):
            return
        if depth > MAX_NESTING:
            _append_text(out, text_of(el))
            return
        if tag == "br":
            out.append(LineBreak())
            return
        if tag in ("img", "amp-img"):
            image = self._image(el)
            if image is not None:
                out.append(image)
            return
        if tag in _CODE:
            code = text_of(el)
            if code.strip():
                out.append(Code(code=collapse_ws(code)))
            return
        if tag == "math":
            code = equation_text(el)
            if code:
                out.append(Code(code=code))
            return
        inner: list[Inline] = []
        self._children_inline(el, inner, depth)
        if tag in _EMPHASIS:
            _wrap(Emphasis, inner, out)
        elif tag in _STRONG:
            _wrap(Strong, inner, out)
        elif tag == "a":
            href = el.get("href")
            if href and href.startswith("#") and is_back_reference(inner):
                return  # a footnote's way back to its mark ("↩"): no part of the note
            url = resolve_url(href, self.base)
            if url is None:
                _extend(out, inner)
                return
            lead, inner, trail = _split_edges(inner)
            if lead:
                _append_text(out, " ")
            if inner:
                title = el.get("title")
                if title and not title.isprintable():
                    title = replace_controls(title)
                out.append(
                    Link(
                        url=url,
                        content=tuple(inner),
                        title=title.strip() if title and title.strip() else None,
                    )
                )
            if trail:
                _append_text(out, " ")
        elif tag == "q":
            _quote_inline(el, inner, out)
        elif tag in _RUBY_TEXT and _bare_ruby_text(el):
            _bracket_reading(inner, out)
        else:
            if tag in vocab.BLOCK_TAGS and out and not isinstance(out[-1], LineBreak):
                _append_text(out, " ")
            _extend(out, inner)


# The quote marks a browser draws around a <q> (the HTML standard's rendering rules:
# ``q::before { content: open-quote }``): double marks outside, single ones for a <q>
# inside another. Without them "she said <q>no</q>" would read "she said no".
_Q_MARKS = (("\u201c", "\u201d"), ("\u2018", "\u2019"))


def is_icon_glyph(el: HtmlElement) -> bool:
    """Return True when ``el`` is a ligature icon: its text is the icon's name, not words.

    ``<i class="material-icons">keyboard_arrow_down</i>`` shows an arrow; read as text it
    puts "keyboard_arrow_down" into the article, a list of "bookmark_border" and
    "chat_bubble" into a toolbar, and an empty link's only words into a paragraph.
    Class names are case-sensitive, as the font's style sheet matches them.
    """
    if el.tag == "mat-icon":
        return True
    cls = el.get("class")
    return (
        cls is not None
        and "material-" in cls  # (a substring test first: this runs for every <span>)
        and vocab.ICON_FONT_CLASS.search(cls) is not None
    )


def _quote_inline(el: HtmlElement, inner: list[Inline], out: list[Inline]) -> None:
    """Append the inlines of a ``<q>`` to ``out`` inside the quote marks a reader sees."""
    if not inner:
        return
    nested = next(el.iterancestors("q"), None) is not None
    opening, closing = _Q_MARKS[nested]
    _append_text(out, opening)
    _extend(out, inner)
    _append_text(out, closing)


# The elements that hold a ruby annotation's reading (<rt>, or <rtc> around several).
_RUBY_TEXT: Final = frozenset({"rt", "rtc"})


def _bare_ruby_text(el: HtmlElement) -> bool:
    """Return True when ``el`` (an ``<rt>`` or ``<rtc>``) is a ruby reading that needs the
    brackets a reader without ruby layout is shown: its ``<ruby>`` has no ``<rp>`` of its
    own, and ``el`` is not an ``<rt>`` inside an ``<rtc>`` (the ``<rtc>`` is bracketed)."""
    parent = el.getparent()
    if parent is None:
        return False
    if parent.tag == "rtc":
        return False
    return parent.tag == "ruby" and parent.find("rp") is None


def _bracket_reading(inner: list[Inline], out: list[Inline]) -> None:
    """Append a ruby reading to ``out`` in parentheses, as ``<rp>`` would show it.

    ``<ruby>漢字<rt>かんじ</rt></ruby>`` is laid out with the reading above the base; as
    a line of text it would read "漢字かんじ", two words run into one. A browser without
    ruby layout shows the ``<rp>`` brackets around the reading: "漢字(かんじ)". Ruby
    written with its ``<rp>`` keeps those (never doubled); an empty reading adds nothing.
    """
    _, inner, _ = _split_edges(inner)
    if not inner:
        return
    _append_text(out, "(")
    _extend(out, inner)
    _append_text(out, ")")


def _unquote(fragment: str) -> str:
    """Return a URL fragment as the id it names (percent escapes such as ``%C3%A9`` decoded)."""
    return urllib.parse.unquote(fragment) if "%" in fragment else fragment


def is_see_also_section(heading: HtmlElement, later: Iterable[HtmlElement]) -> bool:
    """Return True when ``heading`` titles a cross-reference section of the article.

    A "See also" / "Further reading" heading (vocab.SEE_ALSO) followed, among its later
    siblings, by a heading of the same or a higher level ("References", "External
    links"): the list under it sits between the article's own sections, as in an
    encyclopedia or a documentation page, and is a part of the article (Readability keeps
    it). The same heading closing the page over a list of teasers stays a recommendation.
    """
    if heading.tag not in vocab.HEADING_TAGS:
        return False
    if not vocab.SEE_ALSO.match(collapse_ws(text_of(heading)).strip()):
        return False
    level = int(heading.tag[1])
    return any(
        isinstance(el.tag, str) and el.tag in vocab.HEADING_TAGS and int(el.tag[1]) <= level
        for el in later
    )


# The second-level labels under which countries register sites ("bbc.co.uk", "abc.net.au").
_COUNTRY_SECOND_LEVEL: Final = frozenset(
    {"co", "com", "net", "org", "gov", "gob", "edu", "ac", "or", "ne", "go", "nic", "ltd"}
)


def _host(url: str | None) -> str:
    try:
        return (urllib.parse.urlsplit(url).hostname or "") if url else ""
    except ValueError:  # "http://[::1" and other URLs urllib cannot take apart
        return ""


def site_of(host: str) -> str:
    """Return the site a host name belongs to: its last two labels, three under a country's
    second level ("support.mozilla.org" -> "mozilla.org", "news.bbc.co.uk" -> "bbc.co.uk")."""
    labels = host.lower().rstrip(".").split(".")
    keep = 2
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _COUNTRY_SECOND_LEVEL:
        keep = 3
    return ".".join(labels[-keep:])


def links_within_site(items: Iterable[Recommendation], page_url: str | None) -> bool:
    """Return True when most ``items`` link to the page's own site, any of its hosts (or the
    page's host is unknown)."""
    if not page_url:
        return True
    host = _host(page_url)
    if not host:
        return True
    site = site_of(host)
    urls = [item.url for item in items]
    inside = sum(1 for url in urls if site_of(_host(url)) == site)
    return inside * 2 > len(urls)


# An "also read" line without a colon is a short box or line of its own, not prose...
MAX_ALSO_READ_CHARS: Final = 300
# ...and its linked title is at least this share of what follows the words (a citation:
# "Lire aussi Martine Dupont, « <a>Title</a> », Le Journal, juin 2018").
MIN_ALSO_READ_LINK_SHARE: Final = 0.3


def also_read_item(content: tuple[Inline, ...], rest_chars: int) -> Recommendation | None:
    """Return the article an "also read" line without a colon names, else None.

    "Lire aussi Martine Dupont, « <a>Title</a> », Le Journal, juin 2018.", "[ Also read
    <a>Remote work: three benefits</a>. ]", "Also read <a>how to save on repairs</a>.":
    the words (``vocab.ALSO_READ``: "read this too", never "see also" or "more", which
    open sentences) then one linked article. Every link of the line goes to that one page,
    its text is at least ``MIN_REC_ITEM_CHARS`` long and at least
    ``MIN_ALSO_READ_LINK_SHARE`` of the ``rest_chars`` after the words. A sentence citing
    two pages, or naming a page in a few linked words, stays text.
    """
    links = [x for x in content if isinstance(x, Link)]
    urls = {x.url for x in links}
    if len(urls) != 1:
        return None
    url = urls.pop()
    title = max((plain_text(x).strip() for x in links), key=len)
    if len(title) < MIN_REC_ITEM_CHARS or len(title) < MIN_ALSO_READ_LINK_SHARE * rest_chars:
        return None
    if url.startswith("#") or not is_page_link(url):
        return None
    return Recommendation(title=title, url=url)


def _holds_link(content: tuple[Inline, ...]) -> bool:
    """Return True when ``content``, :func:`_unwrapped`, holds a link among its inlines:
    what a paragraph needs to be an "Also read" line or a link to another article."""
    return any(isinstance(x, Link) for x in _unwrapped(content))


def _unwrapped(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Return ``content`` without a single emphasis or bold wrapper around all of it.

    "<p><em>Read also: <a>...</a></em></p>" is the same paragraph as without the <em>.
    """
    while len(content) == 1 and isinstance(content[0], (Emphasis, Strong)):
        content = content[0].content
    return content


def _captioned_table(blocks: list[Block], caption: tuple[Inline, ...]) -> list[Block]:
    """Return the blocks of a ``<figure>`` that holds a table rather than a picture, its
    ``<figcaption>`` (``caption``) made the caption of its one table.

    Editors wrap a table in a figure to caption it (``<figure class="wp-block-table">
    <table>...</table><figcaption>Table 1: Prices</figcaption></figure>``); read as a
    container, the caption was a paragraph under the table. A figure of two or more
    tables, or whose table has a ``<caption>`` of its own, keeps its blocks.
    """
    tables = [i for i, block in enumerate(blocks) if isinstance(block, Table)]
    if len(tables) != 1:
        return blocks
    table = blocks[tables[0]]
    assert isinstance(table, Table)
    if table.caption:
        return blocks
    wanted = collapse_ws(plain_text(caption)).strip()
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and collapse_ws(plain_text(block)).strip() == wanted:
            out = [b for i, b in enumerate(blocks) if i != index]
            out[out.index(table)] = attrs.evolve(table, caption=caption)
            return out
    return blocks


def _without_images(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Return ``inlines`` with images (and links left empty by that) taken out."""
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Image):
            continue
        if isinstance(node, Link):
            inner = _without_images(node.content)
            if not inner:
                continue
            node = Link(url=node.url, content=inner, title=node.title)
        if isinstance(node, Text):
            _append_text(out, node.text)  # (the texts an image stood between are one)
        else:
            out.append(node)
    return _finish(out)


def _extend(out: list[Inline], inner: list[Inline]) -> None:
    for node in inner:
        if isinstance(node, Text):
            _append_text(out, node.text)
        else:
            out.append(node)


def _rowspan(value: str | None, rows_left: int) -> int:
    """Return a cell's rowspan: at most the rows left in its table, as HTML reads it.

    ``rowspan="0"`` spans to the end of the table, and HTML caps a rowspan at 65534.
    """
    if value and value.strip().isdigit():
        span = int(value.strip())
        return max(1, min(span or rows_left, 65534, rows_left))
    return 1


def _rowspans_without(
    rows: list[TableRow], starts: list[int], dropped: list[int]
) -> list[TableRow]:
    """Return ``rows`` with each rowspan shortened by the dropped rows it covered.

    ``starts`` holds each kept row's index among the table's HTML rows and ``dropped`` the
    indices of the rows left out (they had no cell), so the cells below a spanning cell stay
    in their own columns.
    """
    fixed: list[TableRow] = []
    for row, start in zip(rows, starts, strict=True):
        if all(cell.rowspan == 1 for cell in row.cells):
            fixed.append(row)
            continue
        cells = tuple(
            cell
            if cell.rowspan == 1
            else attrs.evolve(
                cell,
                rowspan=cell.rowspan
                - (
                    bisect.bisect_left(dropped, start + cell.rowspan)
                    - bisect.bisect_left(dropped, start)
                ),
            )
            for cell in row.cells
        )
        fixed.append(TableRow(cells=cells))
    return fixed


def _span(value: str | None) -> int:
    if value and value.strip().isdigit():
        return max(1, min(int(value.strip()), 1000))
    return 1


def _split_at_double_breaks(inlines: list[Inline]) -> list[list[Inline]]:
    if len(inlines) < 2:  # (most runs: nothing to split)
        return [inlines] if inlines else []
    parts: list[list[Inline]] = [[]]
    previous_break = False
    for node in inlines:
        if isinstance(node, LineBreak):
            if previous_break:
                if parts[-1] and isinstance(parts[-1][-1], LineBreak):
                    parts[-1].pop()
                parts.append([])
                previous_break = False
                continue
            previous_break = True
        elif isinstance(node, Text) and not node.text.strip():
            pass
        else:
            previous_break = False
        parts[-1].append(node)
    return [p for p in parts if p]


def names_of(el: HtmlElement) -> str:
    """Return the element's class and id (for debugging output)."""
    return class_id(el)
