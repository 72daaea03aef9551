"""``parse_text``: a plain-text article (seed layout, lynx, w3m, html2text) to a Document.

The pipeline, each stage a function of its own::

    split_lines       per-line facts; empty, blank and binary input rejected
    browser_note_lines elinks' and links' "Link:" head lines and "IFrame:" notes blanked
    split_references  lynx's numbered URL list cut off the end, kept for [n] markers
    detect_layout     wrap width, body indent, Markdown or not
    parse_blocks      the block rule chain (rules.py) -> pieces
    drop_furniture    Share:, Advertisement, cookie and copyright lines
    find_article_span whole-page dumps: menus and footers around the article dropped
    read_front_matter title, kicker, repeated title, byline, dates, tags -> metadata
    label_headings    short title-like lines followed by body text become headings
    to_blocks         pieces -> model blocks with inlines and line provenance
    judge             the verdict (article, listing, ...) from articlekit.verdict
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import pairwise

import attrs

from articlekit._language import with_guessed_language
from articlekit._types import check_not_file_name, check_url
from articlekit.errors import ArticleKitError, UnsupportedInputError, value_name
from articlekit.model import (
    Block,
    CodeBlock,
    Document,
    Emphasis,
    FieldSource,
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
    Provenance,
    Quote,
    Recommendation,
    Recommendations,
    Rule,
    SourceInfo,
    Strong,
    Table,
    Text,
    plain_text,
)
from articlekit.text.boilerplate import (
    MAX_LINK_DENSITY,
    MAX_MENU_ITEM_LINES,
    MIN_LONG_WORDS,
    MIN_PROSE_WORDS,
    PAGE_SHORT_PIECE_PENALTY_CHARS,
    PieceStats,
    Span,
    drop_furniture,
    find_article_span,
    is_link_list,
    looks_like_page,
    score_piece,
    suffix_best_runs,
)
from articlekit.text.frontmatter import (
    MAX_TITLE_LINES,
    FrontMatter,
    Signature,
    introduced,
    is_dated_byline,
    is_widget_line,
    looks_like_title,
    parse_date,
    read_front_matter,
    read_signature,
    read_signature_lines,
    take_signature,
)
from articlekit.text.header import Header, read_header
from articlekit.text.htmlblocks import HtmlSpan, html_block_spans, shows_raw_html
from articlekit.text.inline import LinkTarget, parse_inlines, strip_markup
from articlekit.text.lines import (
    LYNX_MARGIN,
    Layout,
    Lines,
    blanked,
    count_words,
    detect_layout,
    display_width,
    split_lines,
)
from articlekit.text.lynx import browser_note_lines, lynx_head_lines, split_references
from articlekit.text.pandoc import without_pandoc_markup
from articlekit.text.rawhtml import (
    MIN_MARKUP_LINES,
    markup_line_numbers,
    short_attribute_values,
    short_data_uris,
)
from articlekit.text.references import link_definitions
from articlekit.text.rules import (
    MIN_CHECKLIST_ITEMS,
    Item,
    Piece,
    PieceKind,
    State,
    backslash_break,
    check_item_label,
    is_lynx_picture_line,
    is_picture_alt,
    join_copy_block_cells,
    join_copy_item_runs,
    join_item_lines,
    parse_blocks,
    read_html_blocks,
    splice_pieces,
    tag_copy_item_runs,
)
from articlekit.text.vocab import (
    BYLINE,
    TAGS_LINE,
    ends_in_picture_credit,
    is_article_end,
    is_author_bio,
    is_author_box_heading,
    is_boilerplate_line,
    is_caption_label,
    is_comments_button,
    is_comments_heading,
    is_cookie_notice,
    is_copyright_notice,
    is_credit_line,
    is_more_link,
    is_paywall_prompt,
    is_reading_list_heading,
    is_recommendation_heading,
    is_share_or_pager_line,
    is_site_prompt,
    is_source_section_heading,
    is_teaser_box_heading,
    normalise_phrase,
)
from articlekit.verdict import judge

__all__ = ["label_headings", "looks_like_heading", "parse_text", "read_text"]

# Inferred headings are short: a line longer than this, or with more words, is prose.
MAX_HEADING_CHARS = 100
MAX_HEADING_WORDS = 14
MAX_HEADING_WIDE_CHARS = 30
MIN_CAPS_LETTERS = 3
# lynx sets headings flush left of the indented body, so length matters less there.
MAX_FLUSH_HEADING_CHARS = 200
MAX_FLUSH_HEADING_LINES = 3
# ... and ends as no sentence does: not in a full stop, a comma or a semicolon, Chinese and
# Japanese ones included (a caption "图为…的近影。" flush left of a body that the
# ideographic first-line indent "　　" sets in).
_FLUSH_HEADING_CLOSING = ".,;。，；"
# Level given to headings whose level the text does not say (short lines, lynx/w3m):
# the document title is level 1, so section headings start at 2.
DEFAULT_HEADING_LEVEL = 2
_CLOSING = ".,;:!…。，；：！、"
# Punctuation that ends a sentence or a caption, not a heading. An exclamation mark may end
# a heading ("Great, let's get started!", "And now, CPU profiling on-demand!"): on the
# readability renderings (w3m) 4 short lines ending in "!" stood over body text, 3 of them
# headings (heading F1 0.852 -> 0.855).
_HEADING_CLOSING = _CLOSING.replace("!", "")
# A first line kept as the title although the page filter dropped what is around it.
MIN_SPARED_TITLE_WORDS = 2
# '"Do you want to come?"' is dialogue, not a heading: punctuation inside closing quotes.
_SPEECH_END = re.compile(r"[.?!…,][\"”’'»]$")
_CAPTION = re.compile(
    r"\b(?:photo(?:graph)?s?|image|picture|foto|bild|credit|illustration|source|quelle)"
    r"\s?(?:by\b|:|\|)|\.(?:jpe?g|png|gif|webp|svg)$"
    # a picture's label opens the line: not "Picture-in-Picture", nor a sentence about
    # the medium ("Video is the Ultimate Engagement Tool ...", a heading on spiceworks)
    r"|^(?:photo|image|picture|video|foto|bild|an image)(?![\w-])(?!\s(?:is|are|was|were)\b)"
    r"|\b(?:getty images|shutterstock|istock|reuters|afp|ap photo|dpa|epa)\b"
    r"|^\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?)?",
    re.IGNORECASE,
)
# a trailing citation mark: "the Foundation:[41]", "the 2013 census[270]"
_TRAILING_CITATION = re.compile(r"(?:\[\d{1,4}\])+$")
# a sentence ended before a bracketed mark: "And they saw her wearing armour. [M1]" (a
# footnote or map reference w3m prints after the sentence's full stop)
_SENTENCE_BEFORE_MARK = re.compile(r"[.!?…]\s?\[[^\[\]]{1,12}\]$")
# A sentence that goes on in what follows ends in a lower-case function word ("your
# options are limited: either"); no heading of the readability pages does.
_DANGLING_END = re.compile(r"\s(?:the|a|an|and|or|of|to|with|either|for|from|by|that)$")
# A link to more of a section ends in an arrow or a chevron ("Más en Opinión ›"); a
# closing guillemet ends a heading that opened one ("Les « boîtes noires »").
_MORE_LINK_ENDS = "›»→"


def _is_more_link(text: str) -> bool:
    """Return True for a link to more of a section: "Más en Opinión ›", "All news →"."""
    return text[-1:] in _MORE_LINK_ENDS and not (text[-1] == "»" and "«" in text)


# A teaser or media label opens the line: "Related: Chicago is ...", "Learn More: ...",
# "Map: Flow of ...", a player's "Play Video", a gallery's "View photo", a link to a
# longer version ("Read the full transcript of his interview", one on bbc-1). On the
# readability renderings 6 w3m lines were promoted so, none a heading ("Gallery: ..."
# is one on engadget, so galleries are left out).
_TEASER_LABEL = re.compile(
    r"^(?:related|read more|read also|also read|learn more|see also|map|chart|graphic"
    r"|lire aussi|lesen sie auch|mehr zum thema|leer m[aá]s"
    # the same "read this too" label in more languages ("También puede leer: ...",
    # "Leia também: ...", "Leggi anche: ...", "Lees ook: ...", "Czytaj też: ...")
    r"|lea tambi[eé]n|lee tambi[eé]n|tambi[eé]n puede leer|le puede interesar"
    r"|leia tamb[eé]m|veja tamb[eé]m|leggi anche|lees ook|czytaj (?:te[zż]|tak[zż]e)"
    r"|zobacz (?:te[zż]|tak[zż]e)|читайте также)\s?:"
    r"|^(?:view|play|watch)\s(?:photos?|videos?|slideshow)$"
    r"|^(?:read|see|watch|hear|listen to) the full\b",
    re.IGNORECASE,
)
# A line that names what it belongs to rather than a section: a widget's credit ("Powered
# by SmartAsset.com"), the alt text blog platforms give every lead picture ("Illustration
# for article titled …"), a figure's title that ends in its number ("Task State
# Transitions [Fig 2]", "Overview (Figure 3)"), the tagline a Wikimedia wiki sets under
# every title ("From Wikipedia, the free encyclopedia", "From Wiktionary, the free
# dictionary"), a link to an article's comments with their count ("Comments (5 posted)",
# "Comments (12)": a comment section's own heading ends the article, see
# `_drop_after_article_end`, so one left in the text is the link). On the readability
# renderings (w3m) each form was one promoted line (the comment links three), none a
# heading (heading F1 0.860 -> 0.864 with the aside rule of `_is_caps_line`; the tagline
# 0.867 -> 0.868; the comment links 0.868 -> 0.869, at 120 columns 0.867 -> 0.869).
_NOT_HEADING_MARK = re.compile(
    r"^powered by\b|^illustration for article titled\b"
    r"|^from [\w ]{1,40}, the free [\w ]{1,40}$"
    r"|^(?:comments?|responses?|replies)\s?\(\d{1,6}(?:\s\w+)?\)$"
    r"|[\[(]fig(?:ure)?\.?\s?\d{1,3}[\])]$",
    re.IGNORECASE,
)
# A picture's credit as photo desks write it: a person's name (two or more capitalised
# words), a slash and the agency, without spaces around the slash ("Devindra
# Hardawar/AOL", "Mike Watson Images/Moodboard/Getty"). "Input/Output" and "TCP/IP Basics"
# have a single word before the slash. On the text-field rendering of the readability
# pages 4 such lines were promoted (engadget, ehow-2), none a heading: heading F1 0.773 ->
# 0.776, pandoc 0.830 -> 0.831, the other renderings unchanged.
_AGENCY_CREDIT = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)+(?:/[A-Z][\w.&-]*)+")
_COLUMN_GAP = re.compile(r"\S {3,}\S")
_NOT_HEADING_START = "([{<-–—*|/\\"
# A number, then a word in lower case: a numbered point typed in a paragraph ("1) performance
# overhead"); numbered section titles start in capitals ("2. Results", "3) Methods").
_NUMBER_THEN_WORD = re.compile(r"\d{1,3}[.)]\s+(\w)")
# Form controls as text browsers draw them: buttons, check boxes, radio buttons, text fields.
_FORM_WIDGET = re.compile(r"\((?:BUTTON|Submit|submit)\)|\[[ X]\]\s|\([ *]\)\s|_{8,}")
# A sentence ends inside the line and another begins: "Ye Gods. She's not ...", "Have you
# no teeth? Twice?". The word before the stop has two lower-case letters at least, so
# "Mr. Smith", "U.S. Politics" and "St. Louis" are not read as sentence ends; a quoted
# question ('Develop a "Should I Buy This?" Test') and an exclamation ("Great! How does
# it work?") are heading styles.
_INNER_SENTENCE_END = re.compile(r"[a-z]{2}[.?…]\s+[\"“‘']?[A-Z]")
# A dateline or credit line: a full date ("22 Dec, 2016", "October 15, 2019",
# "2019-02-15", "2016年10月14日") or "Posted by ..." is the article's metadata, not a
# section heading.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
_DATELINE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s{_MONTH},?\s\d{{4}}\b"
    rf"|\b{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    r"|^(?:posted|written|published|updated)\s(?:by|on)\b"
    r"|\d{4}年\d{1,2}月\d{1,2}日",
    re.IGNORECASE,
)
# A teaser's title with its date after a dash or a bar ("Why wine smells like petrol - 19
# January 2026", "Q&A with a sommelier | Jan 9, 2016"): an archive's or a river's entry.
_DATED_TITLE = re.compile(
    rf"\w.{{8,}}?\s[-–—|·•]\s(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s{_MONTH},?\s\d{{4}}"
    rf"|{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})",
    re.IGNORECASE,
)


def _is_dated_title(text: str) -> bool:
    """Say whether ``text`` is a teaser's title and its date (:data:`_DATED_TITLE`)."""
    return text[-1:].isdigit() and _DATED_TITLE.fullmatch(text) is not None


# A shell or REPL prompt: "$ hg init", "# apt-get install", ">>> x = 1" are code lines.
_PROMPT = re.compile(r"(?:[$#%]|>>>)\s")
# A sentence ends somewhere in the text (citation marks such as "^[3]" may follow). In
# Chinese and Japanese no space follows a full stop, so "。" ends one wherever it stands.
_SENTENCE_END = re.compile(r"[.!?](?:[\s\"'”’)\]^]|$)|[。！？]")


class _Context:
    """Per-call settings the stages share: layout and lynx URLs."""

    __slots__ = (
        "_cache",
        "head_links",
        "head_title",
        "layout",
        "lines",
        "lynx",
        "lynx_head",
        "lynx_head_text",
        "refs",
        "section_titles",
        "urls",
    )

    def __init__(
        self,
        layout: Layout,
        urls: Mapping[int, str],
        lines: Lines | None = None,
        refs: Mapping[str, LinkTarget] | None = None,
    ) -> None:
        self.layout = layout
        #: Markdown's link reference definitions by label (:mod:`articlekit.text.references`)
        self.refs = refs or None
        self.lines = lines
        #: Normalised one-line pieces that stand above prose (section headings), for
        #: telling a table of contents from a menu.
        self.section_titles: frozenset[str] = frozenset()
        #: The text opened with the page head's links (elinks, links: `browser_note_lines`):
        #: a whole page's dump, whatever its scores say.
        self.head_links = False
        #: The first line of lynx's paragraph of the head's links (`lynx_head_lines`), or
        #: -1: furniture the page filter scores, never the page's title.
        self.lynx_head = -1
        #: That paragraph's link titles, normalised (`normalise_phrase`), or "".
        self.lynx_head_text = ""
        #: The page's headline found named by the head's links (`_title_named_by_head`).
        self.head_title: str | None = None
        self.urls = urls
        self.lynx = bool(urls)
        # each text is parsed for inlines once: the page filter and the blocks both need them
        self._cache: dict[str, tuple[Inline, ...]] = {}

    def inlines(self, text: str) -> tuple[Inline, ...]:
        found = self._cache.get(text)
        if found is None:
            found = parse_inlines(
                text,
                markdown=self.layout.markdown,
                urls=self.urls if self.lynx else None,
                html=self.layout.html,
                refs=self.refs,
            )
            self._cache[text] = found
        return found

    def plain(self, piece: Piece) -> str:
        return strip_markup(
            piece.text, markdown=self.layout.markdown, lynx=self.lynx, html=self.layout.html
        )


def looks_like_heading(text: str) -> bool:
    """Return True when ``text`` reads like a heading: short, no closing punctuation,
    not starting in lower case."""
    if _TRAILING_CITATION.search(text):
        return False  # a footnote mark ends a sentence or a caption, not a heading
    if not 0 < len(text) <= MAX_HEADING_CHARS or text[-1] in _HEADING_CLOSING:
        return False
    if len(text.split()) > MAX_HEADING_WORDS:
        return False
    if not text.isascii() and display_width(text) - len(text) > MAX_HEADING_WIDE_CHARS:
        return False  # Chinese and Japanese: no spaces to count words by, count characters
    if _COLUMN_GAP.search(text):
        return False  # aligned columns: a table or preformatted text
    if _CAPTION.search(text) or _TEASER_LABEL.search(text):
        return False  # "Photo by X", "Image: Reuters", "IMG_3906.jpg": a picture's line
    if _NOT_HEADING_MARK.search(text):
        return False  # "Powered by …", "… [Fig 2]": a widget's credit, a figure's title
    if _AGENCY_CREDIT.fullmatch(text):
        return False  # "Devindra Hardawar/AOL": a picture's credit
    if _SENTENCE_BEFORE_MARK.search(text) or _DANGLING_END.search(text):
        return False  # "... armour. [M1]"; "your options are limited: either" goes on
    if _is_more_link(text):
        return False
    if _INNER_SENTENCE_END.search(text) or _PROMPT.match(text) or _DATELINE.search(text):
        return False  # two sentences are prose; "$ make" is a command; a dateline
    first = text[0]
    # "(Artist: X)" and "[photo]" are captions; "- x" and "— x" attributions
    if first in _NOT_HEADING_START or _SPEECH_END.search(text):
        return False
    numbered = _NUMBER_THEN_WORD.match(text)
    if numbered is not None and numbered.group(1).islower():
        return False  # "1) performance overhead": a numbered point, not a section title
    return not first.islower() and any(ch.isalpha() for ch in text)


def _is_caps_line(text: str) -> bool:
    """Return True for a short line in capitals ("THE RESULTS").

    Not an aside in brackets ("(UNDERSTATEMENT OF THE YEAR)") nor a dateline, whose
    digits and Chinese characters have no case ("TNW中文站2016年10月14日07:17"): the
    same starts and datelines that :func:`looks_like_heading` turns down.
    """
    if len(text) > MAX_HEADING_CHARS or text.upper() != text:
        return False
    if text[:1] in _NOT_HEADING_START or _DATELINE.search(text):
        return False
    return sum(1 for ch in text if ch.isalpha() and ch.isupper()) >= MIN_CAPS_LETTERS


# The link a site puts after a section heading, shown as text: MediaWiki's "[edit]",
# Sphinx's pilcrow "¶", the "#" permalink of blog engines.
_SECTION_ANCHOR = re.compile(r"(?:\[edit\]|¶|\s#)$")


def _is_anchored_name(text: str) -> bool:
    """Return True for a section title in lower case that carries a section anchor.

    A product or command name keeps its lower-case first letter ("pdf.js[edit]"); the
    anchor says it is a section title.
    """
    return (
        text[:1].islower()
        and _SECTION_ANCHOR.search(text) is not None
        and looks_like_heading(text[0].upper() + text[1:])
    )


# A line is Chinese or Japanese when a third of its characters are wide or more
# ("TNW中文站2016年10月14日07:17" mixes Latin and digits in).
WIDE_TEXT_SHARE_DIVISOR = 3


def _is_wide_text(text: str) -> bool:
    """Return True for a line mostly in Chinese or Japanese characters.

    Such text has no capitals to tell a heading from a short line of prose, so where the
    text does not mark its headings none is inferred from the line's shape: on the
    readability renderings (w3m) all 22 such short lines were bold paragraphs, photo
    captions or page furniture, none a heading.
    """
    if text.isascii():
        return False
    visible = len(text) - text.count(" ")
    return WIDE_TEXT_SHARE_DIVISOR * (display_width(text) - len(text)) >= visible


def _heading_margin(ctx: _Context) -> int:
    """Return the column left of which a line is a heading, or 0 when none is known.

    It is the body indent; in lynx output (its reference list found) it is lynx's
    3-column margin even when lists and tables crowd the page so that few lines stand
    at it: lynx sets every paragraph there and every heading flush left. On the
    readability renderings 3 lynx dumps with references have no body indent (articles of
    lists); read by the margin, firefox-nightly-blog keeps 5 more headings that stand
    stacked over a list (and 5 fewer false paragraphs), the others do not change.
    """
    if ctx.layout.body_indent > 0:
        return ctx.layout.body_indent
    return LYNX_MARGIN if ctx.lynx else 0


def _is_flush_heading(piece: Piece, margin: int) -> bool:
    """A lynx heading: a line set left of the indented body text."""
    return (
        margin > 0
        and piece.indent < margin
        and piece.line_count <= MAX_FLUSH_HEADING_LINES
        and 0 < len(piece.text) <= MAX_FLUSH_HEADING_CHARS
        and piece.text[-1] not in _FLUSH_HEADING_CLOSING
        and not _COLUMN_GAP.search(piece.text)
        and not _is_more_link(piece.text)  # "Más en Opinión ›" under a section's heading
    )


def _is_flush_lead_in(live: list[Piece], index: int, ctx: _Context) -> bool:
    """Return True for a flush-left line ending in a colon over the block it introduces
    (a list, a quote, code, lines the writer broke: ``frontmatter.introduced``).

    A text whose quoted poem or list is set in past its prose ("The poem reads:" over
    the indented lines) shows an indented body, and its flush lines read as lynx's
    headings: the lead-in is body text. lynx sets only headings flush left (its
    paragraphs at its margin), so there the line stays a heading."""
    text = ctx.plain(live[index]).rstrip()
    return text.endswith((":", "：")) and index + 1 < len(live) and introduced(live[index + 1])


def _is_body(piece: Piece) -> bool:
    """Return True for body text a heading may stand over: prose, a list, a quote, code.

    An image file name or a credit line under a picture is not.
    """
    if piece.kind != "paragraph":
        return piece.kind in ("list", "quote", "code")
    if piece.line_count > 1:
        return True
    return not _CAPTION.search(piece.text) and not _is_stub(piece.text)


# A one-line paragraph of at most this many lower-case words ("link", "more"), or without
# a letter or digit ("."), is a link label or a stray mark, not body text a heading stands
# over: base-url's "Links" over eight "link" lines, bbc-1's link line over ".".
MAX_STUB_WORDS = 2


def _is_stub(text: str) -> bool:
    """Return True for a line too slight to be body text: "link", ".", "›"."""
    if not any(ch.isalnum() for ch in text):
        return True  # a w3m "[627]" stands for a picture: a heading may stand over one
    words = text.split()
    return len(words) <= MAX_STUB_WORDS and all(w.isalpha() and w.islower() for w in words)


def label_headings(pieces: list[Piece], ctx: _Context) -> None:
    """Relabel paragraph pieces that are headings by their shape and what follows.

    A text that marks headings itself (Markdown as html2text writes it, lynx's flush-left
    headings) is trusted: no other line is promoted. Otherwise a one-line paragraph that
    :func:`looks_like_heading` (or is in capitals) becomes a heading when body text
    follows, directly or after one more such line.
    """
    live = [p for p in pieces if p.kind not in ("dropped", "rule")]
    layout = ctx.layout
    explicit = layout.markdown
    if explicit:
        return
    margin = _heading_margin(ctx)
    if margin > 0:
        for index, piece in enumerate(live):
            if piece.kind == "paragraph" and _is_flush_heading(piece, margin):
                if not ctx.lynx and _is_flush_lead_in(live, index, ctx):
                    continue
                piece.kind = "heading"
                piece.level = DEFAULT_HEADING_LEVEL
                piece.origin = "flush"
        follow_contents(live, ctx, relabel=False)
    else:
        _label_short_lines(live, ctx, max_indent=_flush_heading_indent(ctx))
        if _flush_heading_indent(ctx) is not None:
            follow_contents(live, ctx)
    # a list item holding a title line over its own text (a feature grid: picture,
    # name, description) has a heading too
    for piece in _all_pieces(live):
        for item in piece.items:
            children = [p for p in item.children if p.kind not in ("dropped", "rule")]
            if len(children) > 1:
                _label_short_lines(children, ctx)


# A section heading as a table of contents lists it: its number ("4.1 Geography") and a
# section anchor ("History[edit]", "Setting up¶") left out.
_CONTENTS_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+")
# A table of contents is trusted to list the text's headings when at least this share of
# its entries comes back as a line of its own below it (on the readability renderings,
# w3m: wikipedia-2 29 of 29, wikipedia 35 of 36, toc-missing 18 of 18, mercurial 12 of
# 14; a list of fewer entries is no table of contents).
MIN_CONTENTS_FOUND_SHARE = 0.5
MIN_CONTENTS_ENTRIES = 3


def _contents_key(text: str) -> str:
    """Return ``text`` as a table of contents entry and its section heading compare."""
    text = _SECTION_ANCHOR.sub("", text).rstrip()
    return normalise_phrase(_CONTENTS_NUMBER.sub("", text, count=1) if text[:1].isdigit() else text)


def follow_contents(live: list[Piece], ctx: _Context, *, relabel: bool = True) -> None:
    """Read the headings of a flat text that has a table of contents from it.

    A page's table of contents lists its section headings, and w3m prints the headings
    below it as plain lines, like a picture's alt text or a bold lead-in: when most of the
    entries come back as lines of their own, those lines are the headings (also where
    they stand stacked, "Environment" over "Geography") and a line promoted only by its
    shape that the contents do not list is not one (alt text such as "A torn sheet of
    paper" under a section heading). With ``relabel`` off (lynx, whose flush-left lines
    are its headings already) only the levels are read.

    Levels: a flat text shows every heading alike, but the contents nest their entries
    as the headings nest: an entry one list deeper (or numbered one part deeper, "3.1")
    is a heading one level down.
    """
    found = _followed_contents(live, ctx)
    if found is None:
        return
    below, entries = found
    for piece in below:
        depth = entries.get(_contents_key(ctx.plain(piece)))
        if depth is None:
            if relabel and piece.kind == "heading" and piece.origin in ("short", "caps"):
                piece.kind = "paragraph"
                piece.level = 0
                piece.origin = None
            continue
        if relabel and piece.kind == "paragraph":
            piece.kind = "heading"
            piece.origin = "short"
        if piece.kind == "heading":
            piece.level = DEFAULT_HEADING_LEVEL + depth


# The deepest heading level a table of contents gives (h6).
MAX_HEADING_LEVEL = 6


def _contents_entries(toc: Piece, ctx: _Context) -> dict[str, int]:
    """Return each entry of the table of contents ``toc`` with its depth (0 at the top).

    The depth is the entry's list nesting, or the number of parts of its section number
    past the first ("3.7.1 NSS": 2) when that says more (a contents list set flat).
    """
    entries: dict[str, int] = {}
    stack: list[tuple[Piece, int]] = [(toc, 0)]
    while stack:
        piece, depth = stack.pop()
        for item in piece.items:
            text = plain_text(ctx.inlines(item.text))
            key = _contents_key(text)
            number = _CONTENTS_NUMBER.match(text) if text[:1].isdigit() else None
            parts = number.group().strip().rstrip(".").count(".") if number else 0
            if key:
                entries.setdefault(
                    key, min(MAX_HEADING_LEVEL - DEFAULT_HEADING_LEVEL, max(depth, parts))
                )
            stack.extend((child, depth + 1) for child in item.children if child.kind == "list")
        stack.extend((child, depth) for child in piece.children if child.kind == "list")
    return entries


def _followed_contents(
    live: list[Piece], ctx: _Context
) -> tuple[list[Piece], dict[str, int]] | None:
    """Return the one-line pieces under a table of contents that most of its entries come
    back as, and the entries with their depth; None when the text has no such contents.
    """
    start = next(
        (i for i, p in enumerate(live) if p.kind == "list" and _is_table_of_contents(p, ctx)),
        None,
    )
    if start is None:
        return None
    entries = _contents_entries(live[start], ctx)
    entries.pop("", None)
    if len(entries) < MIN_CONTENTS_ENTRIES:
        return None
    below = [
        p for p in live[start + 1 :] if p.kind in ("paragraph", "heading") and p.line_count == 1
    ]
    found = {key for p in below if (key := _contents_key(ctx.plain(p))) in entries}
    if len(found) < MIN_CONTENTS_FOUND_SHARE * len(entries):
        return None
    return below, entries


def _gaps(piece: Piece, lines: Lines) -> tuple[int | None, int | None]:
    """Return the number of blank lines above and below ``piece`` (None at the text's ends)."""
    above = piece.first - 1
    while above >= 0 and lines.blank[above]:
        above -= 1
    below = piece.last + 1
    while below < len(lines) and lines.blank[below]:
        below += 1
    return (
        piece.first - 1 - above if above >= 0 else None,
        below - piece.last - 1 if below < len(lines) else None,
    )


# w3m sets a heading, like a paragraph, one blank line away from its neighbours; two or more
# blank lines come where a box closes, around a figure's alt text and caption ("A torn sheet
# of paper", "Memory leak in action" under a picture). On the readability renderings none
# of the 403 w3m headings had a wider gap, while 17 promoted lines did (captions, alt
# text; w3m without wrapping, one line per paragraph: heading F1 0.793 -> 0.808). A text
# that sets its own headings apart by wider gaps (hand-typed notes) has most
# of its heading-like lines there: the rule is off when at least MIN_APART_STYLE_LINES
# of them, and at least half, stand apart.
HEADING_GAP_LINES = 1
MIN_APART_STYLE_LINES = 3


def _set_apart(live: list[Piece], candidate: list[bool], ctx: _Context) -> list[bool]:
    """Return, per piece, whether it stands further from its neighbours than headings do.

    Only in a text without Markdown or an indented body (w3m, wrapped or not; a copy),
    and only when wide gaps are not the text's own way of setting off its headings.
    """
    lines = ctx.lines
    layout = ctx.layout
    if lines is None or layout.markdown or layout.body_indent:
        return [False] * len(live)
    apart = [
        maybe and any(gap is not None and gap > HEADING_GAP_LINES for gap in _gaps(piece, lines))
        for piece, maybe in zip(live, candidate, strict=True)
    ]
    wide = sum(apart)
    if wide >= MIN_APART_STYLE_LINES and 2 * wide >= sum(candidate):
        return [False] * len(live)
    return apart


# w3m prints headings flush left (one column in at most, for a heading whose text starts
# with a space); a heading-like line set further in is a centred table caption ("Largest
# urban areas in New Zealand" at column 40) or a line of a quote or a legend. On the
# readability renderings: 4 w3m headings at column 1, none further in; 3 false ones.
MAX_FLUSH_TEXT_HEADING_INDENT = 1


def _flush_heading_indent(ctx: _Context) -> int | None:
    """Return how far in a heading of a flush text (w3m, a copy) may stand, or None."""
    layout = ctx.layout
    if layout.markdown or layout.body_indent:
        return None
    return MAX_FLUSH_TEXT_HEADING_INDENT


# Of short lines stacked over body text (one blank line apart), the first is a heading and
# so is a line below it of at most this many words: a section's first subsection ("Project
# Updates" over "Add-ons / Web Extensions"), a teaser's kicker over its title ("On Tech"
# over "¿Qué tienen que ver los videojuegos con el metaverso?"). A longer line there is a
# picture's alt text or caption, or a lead ("Your monitoring system should address two
# questions: what's broken, and why?"). On the readability renderings (w3m) 23 stacked
# lines were section headings, of at most 9 words; of the lines that were not, most are
# alt text that a table of contents (``follow_contents``) tells apart: heading F1 0.832 ->
# 0.846 with this limit, 0.843 with none, 0.844 with 6.
MAX_STACKED_HEADING_WORDS = 9


# A line that ends in three or more facts in brackets, separated by commas, names a work
# and its data ("Vape Wave (documentaire, 1h28, Planète+)", "6 Days (film, 1h34,
# Netflix)"): under a heading it is the section's bold lead-in, not a subsection. On the
# readability renderings (w3m) 5 such lines stood under a heading, none a heading; no
# heading of the truth has three bracketed facts (two have two: "(Ernestas, Albert)").
_BRACKETED_FACTS = re.compile(r"\([^(),]+(?:,[^(),]+){2,}\)$")


def stacked_headings(stack: list[Piece], ctx: _Context, offset: int = 0) -> list[int]:
    """Return the positions (plus ``offset``) of the headings in a stack of short lines.

    The first line is a heading, and so is a line below it that is short
    (``MAX_STACKED_HEADING_WORDS``), in a taller stack only the last one (:func:`_stack_end`);
    a line said twice in the stack is none ("Next" over a picture's name over "Next": a
    slide show's buttons).
    """
    texts = [ctx.plain(piece) for piece in stack]
    said = Counter(texts)
    return [
        offset + position
        for position, text in enumerate(texts)
        if said[text] == 1
        and (
            position == 0
            or (
                _stack_end(position, len(stack))
                and len(text.split()) <= MAX_STACKED_HEADING_WORDS
                and not _BRACKETED_FACTS.search(text)
            )
        )
    ]


# A stack of at most this many short lines may be all headings (a section over its first
# subsection). In a taller stack only the first line and the last, right over the text,
# are: the lines between are a picture's alt text, names the page typed as lines (a
# blogroll after "… the sites that are Friends of Marco:"), a byline ("Page editor: …").
# On the readability renderings (w3m) such middle lines were 7 promoted lines, 2 of them
# headings (a third level of "Project Updates" / "Add-ons" / "Web Extensions"): heading
# F1 0.858 -> 0.860, w3m at 120 columns 0.856 -> 0.859, without wraps 0.854 -> 0.857.
MAX_ALL_HEADINGS_STACK = 2


def _stack_end(position: int, size: int) -> bool:
    """Return True when line ``position`` of a stack of ``size`` short lines may be a
    heading below the first: any line of a short stack, else the last one only."""
    return size <= MAX_ALL_HEADINGS_STACK or position == size - 1


# A text field sets the byline of an article under its heading on a line of its own
# ("By Jonathan Corbet", "Por Rachel Strugatz") where w3m joins it with the dateline under
# it: such a line is no heading. On the text-field renderings of the readability pages 6
# bylines were promoted (lwn-1, nytimes-5; heading F1 0.777 -> 0.779); no byline is a
# heading of the truth.
MAX_BYLINE_NAME_WORDS = 4


def _is_byline(text: str) -> bool:
    """Return True for a byline: "By" and a capitalised name of a few words."""
    match = BYLINE.fullmatch(text)
    if match is None:
        return False
    name = match.group(1).split()
    return 0 < len(name) <= MAX_BYLINE_NAME_WORDS and all(w[:1].isupper() for w in name)


def _dropped_between(upper: Piece, lower: Piece, ctx: _Context) -> bool:
    """Return True when text the parse dropped stands between ``upper`` and ``lower``.

    Two heading-like lines are a stack (a section over its first subsection) only when
    nothing stands between them but blank lines. A line over a row of pictures that w3m
    prints by file name ("Images" over five "[baz]" lines, dropped as no text), with
    another heading-like line under them, heads the pictures, not the text below: it is
    no heading. On the readability renderings (w3m) 3 such lines were promoted (a label
    over a gallery on base-url and its two copies), none a heading: heading F1 0.869 ->
    0.872, at 120 columns 0.869 -> 0.871, without wraps 0.866 -> 0.869, text field 0.776
    -> 0.777; no other rendering moved.
    """
    lines = ctx.lines
    if lines is None:
        return False
    return any(not lines.blank[i] for i in range(upper.last + 1, lower.first))


# Three or more short lines stacked right under a lead-in ending in a colon ("… the sites
# that are Friends of Marco:", "Here are examples of app updates …:") are what it
# introduces: names the page typed one per line, a table's cells printed one per line,
# not section headings (a section's heading does not follow a colon). On the readability
# renderings 2 w3m lines were promoted so (medium-3's blogroll), 4 in the text field
# (with a table's cells on links-in-tables), none a heading: heading F1 w3m 0.873 ->
# 0.875, text field 0.777 -> 0.780, pandoc 0.832 -> 0.834. A single line or two after a
# lead-in stay headings when body text follows (a rule for those cost more than it found).
MIN_INTRODUCED_LINES = 3


def _introduced_by_lead_in(live: list[Piece], first: int, after: int, ctx: _Context) -> bool:
    """Return True when the stack ``live[first:after]`` is the lines a lead-in introduces:
    at least ``MIN_INTRODUCED_LINES`` of them, right under a paragraph ending in a colon."""
    if after - first < MIN_INTRODUCED_LINES or first == 0:
        return False
    above = live[first - 1]
    return above.kind == "paragraph" and ctx.plain(above).rstrip().endswith(":")


# The longest headline, in lines, that a text browser wraps a teaser's title over.
MAX_WRAPPED_HEADLINE_LINES = 3


def _under_wrapped_headline(live: list[Piece], first: int, ctx: _Context) -> bool:
    """Return True when the heading-like lines from ``live[first]`` on stand right under a
    headline that wrapped: a paragraph of two or three lines, each but the last filled to
    the wrap width, that reads as a heading when joined.

    A page's teaser titles stand in a row ("Pizza Man Making Special Delivery … During
    Super" / "Bowl", then two one-line titles) and a news headline is long enough to wrap,
    while a section heading under a paragraph never is: the lines under such a headline
    are more teaser titles, not headings. On the readability renderings (w3m) 2 such
    lines were promoted (yahoo-3's related headlines in the article), none a heading:
    heading F1 0.875 -> 0.877, pandoc 0.834 -> 0.836; a text without a wrap width (a
    browser's copy) is left alone, as lines there break at the page's own breaks.
    """
    if first == 0 or ctx.lines is None or ctx.layout.markdown:
        return False
    above = live[first - 1]
    if above.kind != "paragraph" or not 1 < above.line_count <= MAX_WRAPPED_HEADLINE_LINES:
        return False
    if not all(ctx.layout.is_full(ctx.lines.width[i]) for i in range(above.first, above.last)):
        return False
    return looks_like_heading(" ".join(ctx.plain(above).split()))


def _is_picture_line(piece: Piece, ctx: _Context) -> bool:
    """Return True for a one-line paragraph that stands for a picture: its file name or
    its generic alt text ("performance.jpg", "An image")."""
    if piece.kind != "paragraph" or piece.line_count != 1:
        return False
    text = ctx.plain(piece)
    return bool(image_file_names(text)) or is_picture_alt(text)


def _heads_picture(live: list[Piece], index: int, ctx: _Context) -> bool:
    """Return True when ``live[index]`` is a picture a heading-like line may stand over:
    a picture line with body text under it, or the text's last piece.

    A section may open with a picture (a heading, the picture, then the section's text),
    and a text may end in one. On the readability renderings 3 such lines were section
    headings (dev418, lazy-image-3), none was promoted that is not: heading F1 w3m 0.886
    -> 0.889, without wraps 0.881 -> 0.884, lynx 0.913 -> 0.914.
    """
    if not _is_picture_line(live[index], ctx):
        return False
    below = index + 1
    return below == len(live) or _is_body(live[below]) or live[below].kind == "list"


def _heads_table_rows(piece: Piece, ctx: _Context) -> bool:
    """Return True for a line of a browser's copy standing right over a table's row (tabs
    between its cells, no blank line between): a table's caption or its header cell
    ("By changesets" over "Herbert Dürr<tab>63<tab>16.6%"), not a section heading. On
    the readability renderings 8 innertext and 8 browser-copy lines were promoted so (lwn-1's
    statistics tables, a list of films), none a heading."""
    lines = ctx.lines
    below = piece.last + 1
    return (
        ctx.layout.copy
        and lines is not None
        and below < len(lines)
        and not lines.blank[below]
        and lines.cells[below]
    )


def _label_short_lines(live: list[Piece], ctx: _Context, max_indent: int | None = None) -> None:
    """Promote the short title-like lines of ``live`` that stand over body text.

    With ``max_indent``, a line set further in than that is no heading.
    """
    candidate = [
        p.kind == "paragraph"
        and p.line_count == 1
        and (max_indent is None or p.indent <= max_indent)
        and (
            looks_like_heading(ctx.plain(p))
            or _is_caps_line(ctx.plain(p))
            or _is_anchored_name(ctx.plain(p))
        )
        and not _is_wide_text(ctx.plain(p))
        and not _COLUMN_GAP.search(p.text)
        and not (ctx.layout.line_blocks and _is_byline(ctx.plain(p)))
        and not _heads_table_rows(p, ctx)
        for p in live
    ]
    apart = _set_apart(live, candidate, ctx)
    index = 0
    while index < len(live):
        if not candidate[index]:
            index += 1
            continue
        run_end = index
        while (
            run_end + 1 < len(live)
            and candidate[run_end + 1]
            and not _dropped_between(live[run_end], live[run_end + 1], ctx)
        ):
            run_end += 1
        after = run_end + 1
        if after < len(live) and candidate[after]:
            index = after  # over what was dropped (pictures), then another such line
            continue
        if _under_wrapped_headline(live, index, ctx):
            index = after  # a run of teaser titles, the first long enough to wrap
            continue
        if _introduced_by_lead_in(live, index, after, ctx):
            index = after  # names or a table's cells typed one per line
            continue
        if after < len(live) and (
            _is_body(live[after]) or live[after].kind == "list" or _heads_picture(live, after, ctx)
        ):
            anchored = [
                i for i in range(index, after) if _SECTION_ANCHOR.search(ctx.plain(live[i]))
            ]
            # lines that carry a section anchor are the headings of their stack
            for position in anchored or stacked_headings(live[index:after], ctx, index):
                if apart[position]:
                    continue  # a figure's alt text or caption
                piece = live[position]
                piece.kind = "heading"
                piece.level = DEFAULT_HEADING_LEVEL
                piece.origin = "caps" if _is_caps_line(ctx.plain(piece)) else "short"
        index = after


def normalise_levels(pieces: list[Piece]) -> None:
    """Shift Markdown/setext levels so the top body level is 2 (level 1 is the title)."""
    explicit = [
        p for p in _all_pieces(pieces) if p.kind == "heading" and p.origin in ("atx", "setext")
    ]
    if not explicit:
        return
    shift = max(0, DEFAULT_HEADING_LEVEL - min(p.level for p in explicit))
    for piece in explicit:
        piece.level = min(6, piece.level + shift)


def _all_pieces(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    stack = list(reversed(pieces))
    while stack:
        piece = stack.pop()
        out.append(piece)
        stack.extend(reversed(piece.children))
        for item in piece.items:
            stack.extend(reversed(item.children))
    return out


def _is_navigation_link(inline: Inline) -> bool:
    """Return True for a link that may be navigation: not a bare URL shown as its text.

    A list of URLs spelled out is an article's sources; menus and teasers link words.
    """
    return isinstance(inline, Link) and plain_text(inline.content) != inline.url


# Chinese written casually (a photo blog's captions, a forum post) sets a space where a
# comma or a full stop would be, and often ends a line with none: a line of Chinese or
# Japanese this many words long (:func:`count_words`) is prose, not a menu entry or a
# teaser title, which are shorter.
MIN_UNPUNCTUATED_CJK_WORDS = 12


# A display formula as w3m and lynx print MathML: every symbol a token of its own
# ("x ˙ = σ ( y − x )"), so most tokens are one character, and a relation or an
# operator of mathematics stands among them. On the readability renderings (w3m) the 8
# display formulas of mathjax pass; of the three renderings' pages (trafilatura-eval's
# whole pages too) no other block does once three of its one-character tokens are
# letters or digits (a share bar's "• • • • □ □ □ □ ORDER REPRINT →" is none).
MIN_FORMULA_TOKENS = 6
MIN_FORMULA_SINGLE_SHARE = 0.7
MIN_FORMULA_VARIABLES = 3
_MATH_SIGN = re.compile(r"[=<>≤≥≠≈±−×÷∑∏∫∂∇→⋅√∞]")


def _is_formula(text: str) -> bool:
    """Return True for a line of mathematics printed one symbol a token."""
    tokens = text.split()
    if len(tokens) < MIN_FORMULA_TOKENS or not _MATH_SIGN.search(text):
        return False
    single = [token for token in tokens if len(token) == 1]
    variables = sum(1 for token in single if token.isalnum())  # not a row of bullets, "• □ →"
    return (
        len(single) >= MIN_FORMULA_SINGLE_SHARE * len(tokens) and variables >= MIN_FORMULA_VARIABLES
    )


def _is_unpunctuated_prose(text: str) -> bool:
    """Return True for a run of Chinese or Japanese long enough to be prose."""
    if text.isascii():
        return False
    words = count_words(text)
    return words >= MIN_UNPUNCTUATED_CJK_WORDS and words > 2 * len(text.split())


def _stats(piece: Piece, ctx: _Context) -> PieceStats:
    texts = [p.text for p in _all_pieces([piece])]
    texts.extend(item.text for p in _all_pieces([piece]) for item in p.items)
    chars = words = link_chars = 0
    sentence = False
    texts_plain: list[str] = []
    for text in texts:
        inlines = ctx.inlines(text)
        plain = plain_text(inlines)
        texts_plain.append(plain)
        chars += len(plain)
        words += count_words(plain)
        link_chars += sum(len(plain_text(i)) for i in inlines if _is_navigation_link(i))
        sentence = sentence or bool(_SENTENCE_END.search(plain)) or _is_unpunctuated_prose(plain)
    form = any(_FORM_WIDGET.search(text) for text in texts) and not (
        _is_checklist(piece, ctx)
        and not any(_FORM_WIDGET.search(p.text) for p in _all_pieces([piece]) if p is not piece)
    )
    prose_items, prose_chars = _prose_items(piece, ctx) if piece.kind == "list" else (0, 0)
    if piece.pipe_table and isinstance(piece.block, Table) and _is_fact_table(piece.block):
        link_chars = 0  # a fact box's links are its labels and values, not navigation
    return PieceStats(
        chars=chars,
        words=words,
        link_chars=link_chars,
        sentence=sentence,
        form=form,
        # only where links are invisible (w3m): elsewhere link density finds the menus
        items=0
        if ctx.lynx or ctx.layout.markdown
        else sum(len(p.items) for p in _all_pieces([piece])),
        notice=piece.kind in ("paragraph", "list")
        and (any(is_cookie_notice(t) for t in texts) or is_copyright_notice(" ".join(texts_plain))),
        contents=piece.kind == "list" and _is_table_of_contents(piece, ctx),
        code=piece.kind == "paragraph" and _looks_like_code(texts),
        ragged_prose=_ragged_prose(piece, ctx)
        if piece.kind == "paragraph" and not _looks_like_code(texts)
        else None,
        lines=piece.line_count,
        prompt=piece.kind in ("paragraph", "list") and is_site_prompt(" ".join(texts)),
        teaser=piece.line_count <= MAX_TEASER_LINES and _is_truncated(texts[-1]),
        prose_item_chars=prose_chars,
        prose_items=prose_items,
        picture=(piece.kind == "paragraph" and bool(image_file_names(" ".join(texts_plain))))
        or _is_html_figure_or_table(piece),
        formula=piece.kind == "paragraph" and _is_formula(" ".join(texts_plain)),
        teaser_items=_teaser_items(piece, ctx) if piece.kind == "list" else 0,
        menu_column=_is_menu_column(piece, ctx),
    )


# A column of menu entries joined into one piece: at least this many lines ...
MIN_MENU_COLUMN_LINES = 12
# ... half of them no longer than this share of the wrap width ...
MAX_MENU_COLUMN_WIDTH_SHARE = 0.45
# ... fewer than this share of them holding a sentence end ...
MAX_MENU_COLUMN_SENTENCE_SHARE = 0.1
# ... and, for a list, at least this many lines an item (a list of short items, a
# checklist or a list of features, has a line or two an item: it is judged by its items).
MIN_MENU_COLUMN_ITEM_LINES = 3
# A line that is a bare URL or a picture's placeholder ("[IMG]") is neither: a list of
# products, each a title over its link and picture, is measured by its titles.
_URL_OR_PICTURE_LINE = re.compile(r"\S+://\S+|\[[^\]]{0,60}\]")


def _is_menu_column(piece: Piece, ctx: _Context) -> bool:
    """Return True when ``piece`` is a column of short lines that were not wrapped into
    each other, with hardly a sentence among them, joined into one paragraph or into list
    items many lines long: a mega-menu's entries under one bullet, a sidebar's links.

    Wrapped text fills its lines to the wrap width, and prose ends sentences; a narrow
    column of prose (a table cell) still ends one every few lines. The local test of
    :func:`_ragged_prose` takes such a column for text wrapped at its own narrow width.
    """
    lines = ctx.lines
    if (
        lines is None
        or piece.kind not in ("paragraph", "list")
        or ctx.layout.markdown
        or ctx.layout.wrap_width is None
        or piece.line_count < MIN_MENU_COLUMN_LINES
    ):
        return False
    own = [
        i
        for i in range(piece.first, piece.last + 1)
        if not lines.blank[i] and not _URL_OR_PICTURE_LINE.fullmatch(lines.text[i])
    ]
    items = sum(len(p.items) for p in _all_pieces([piece])) if piece.kind == "list" else 1
    if len(own) < max(MIN_MENU_COLUMN_LINES, MIN_MENU_COLUMN_ITEM_LINES * items):
        return False
    narrow = MAX_MENU_COLUMN_WIDTH_SHARE * ctx.layout.wrap_width
    if sum(1 for i in own if len(lines.text[i]) <= narrow) <= len(own) // 2:
        return False  # the median line is wider than a menu entry (counted: linear)
    texts = [lines.text[i] for i in own]
    sentences = sum(1 for text in texts if _SENTENCE_END.search(text))
    # program text printed as a paragraph has short lines and no sentences either
    return sentences < MAX_MENU_COLUMN_SENTENCE_SHARE * len(own) and not _looks_like_code(texts)


def _teaser_items(piece: Piece, ctx: _Context) -> int:
    """Return the number of items of list ``piece`` (nested ones included) that end cut
    off by an ellipsis, open with a title said twice (:func:`_opens_with_a_doubled_title`)
    or are a title and its date (:data:`_DATED_TITLE`), when they are at least half of
    its items; else 0."""
    teasers = total = 0
    items = list(piece.items)
    while items:
        texts, nested = _item_texts(items.pop())
        items.extend(nested)
        total += 1
        plain = " ".join(plain_text(ctx.inlines(t)) for t in texts)
        teasers += (
            _is_truncated(plain_text(ctx.inlines(texts[-1])))
            or _opens_with_a_doubled_title(plain)
            or _is_dated_title(plain.strip())
        )
    return teasers if 2 * teasers >= total else 0


# A title said twice in a row in a list item ("Beware the Gift Card Scam Beware the Gift
# Card Scam") is a teaser's: its picture's alt text and its link, as w3m and lynx print
# a card. Titles of this many words, up to the longer bound.
MIN_DOUBLED_TITLE_WORDS = 4
MAX_DOUBLED_TITLE_WORDS = 30


def _opens_with_a_doubled_title(text: str) -> bool:
    """Return True when ``text`` opens with a run of words said twice in a row."""
    words = text.split()
    for size in range(MIN_DOUBLED_TITLE_WORDS, min(MAX_DOUBLED_TITLE_WORDS, len(words) // 2) + 1):
        if words[:size] == words[size : 2 * size]:
            return True
    return False


def _is_html_figure_or_table(piece: Piece) -> bool:
    """Say whether ``piece`` is a figure or a data table a raw HTML block gave: neutral on
    a page, as a picture shown by its file name is (a menu laid out in a table is no data
    table: the HTML block builder reads it as the paragraphs of its cells).

    A pipe table (``rules.pipe_table``) is not: on a page it scores as the text of its
    cells, as its rows did when they were read as paragraphs. html2text writes a page's
    widgets as pipe tables too (a booking calendar's months, a cookie list); neutral,
    they no longer held the article's run apart from them (trafilatura-eval whole-page
    recall html2text 0.907 -> 0.903 neutral, 0.912 scored as text).
    """
    return (
        piece.kind == "html" and not piece.pipe_table and isinstance(piece.block, (Figure, Table))
    )


# A fact box (an encyclopedia's infobox, a product's specifications) is a table of
# labelled values: a short first cell names each row, the second holds its value
# ("Capital | [Wellington](...)", "• Total | $199 billion[[6]](#cite)"). Labels and values
# are often links, so as text a pipe table of it had a menu's link density and cut the
# article's run in two: its links do not count. A menu laid out in a table differs by its
# values, links only, where a fact box writes numbers, dates and units as plain text. At
# least this many rows, this share of them label and value, and this share of those with
# plain text in the value (markdownify's Wikipedia infobox: 40 rows, 36 labelled, 13
# plain values).
MIN_FACT_ROWS = 5
MIN_FACT_LABEL_SHARE = 0.6
MIN_FACT_PLAIN_VALUE_SHARE = 0.25
MAX_FACT_LABEL_WORDS = 5


def _is_fact_table(table: Table) -> bool:
    """Return True for a table of labelled values: a short label, then the value."""
    rows = table.rows[table.header_rows :]
    if len(rows) < MIN_FACT_ROWS:
        return False
    labelled = plain_values = 0
    for row in rows:
        if len(row.cells) < 2:
            continue
        label = plain_text(row.cells[0].content).strip(" •:")
        value = row.cells[1].content
        if not label or len(label.split()) > MAX_FACT_LABEL_WORDS or not plain_text(value).strip():
            continue
        labelled += 1
        own = "".join(i.text for i in value if isinstance(i, Text))
        plain_values += any(c.isalnum() for c in own)
    return (
        labelled >= MIN_FACT_LABEL_SHARE * len(rows)
        and plain_values >= MIN_FACT_PLAIN_VALUE_SHARE * labelled
    )


# A teaser's excerpt is cut inside a word or after one: "... dix pays africa…". Article
# paragraphs end with a full stop; an ellipsis right after a word ends a quote at most.
_TRUNCATED = re.compile(r"\w(?:…|\.\.\.|\[…\]|\[\.\.\.\])$")
# Longest piece (in lines) taken for a teaser's excerpt when it ends cut off.
MAX_TEASER_LINES = 4
# A list item is prose when it has this many words and a sentence end (not a menu entry,
# a headline or a date): lists of them are article text, lists of short items are menus.
MIN_PROSE_ITEM_WORDS = 8


def _is_truncated(text: str) -> bool:
    """Return True when ``text`` ends cut off by an ellipsis, as teaser excerpts do."""
    return bool(_TRUNCATED.search(text.rstrip()))


def _prose_items(piece: Piece, ctx: _Context) -> tuple[int, int]:
    """Return how many items of list ``piece`` read as prose, and their characters.

    An item is read with the paragraphs nested in it; the items of a list nested in it
    are items of their own (:func:`_item_texts`), so a mega-menu's section ("Sports")
    over its headlines is not one long item of prose.
    """
    count = total = 0
    items = list(piece.items)
    while items:
        texts, nested_items = _item_texts(items.pop())
        items.extend(nested_items)
        plain = " ".join(plain_text(ctx.inlines(t)) for t in texts)
        if (
            len(plain.split()) >= MIN_PROSE_ITEM_WORDS
            and _SENTENCE_END.search(plain)
            and not _is_truncated(plain)
        ):
            count += 1
            total += len(plain)
    return count, total


def _item_texts(item: Item) -> tuple[list[str], list[Item]]:
    """Return the texts of list item ``item`` with the paragraphs nested in it, and the
    items of the lists nested in it (at any depth under those paragraphs)."""
    texts = [item.text]
    nested: list[Item] = []
    stack = list(reversed(item.children))
    while stack:
        child = stack.pop()
        if child.items:
            nested.extend(child.items)
            continue
        texts.append(child.text)
        stack.extend(reversed(child.children))
    return texts, nested


# A paragraph of at least this many lines whose lines mostly stop short of the wrap width
# was not wrapped: it is a run of separate short lines (teaser titles, menu entries, an
# address block) that w3m and html2text print without blank lines between them.
MIN_RAGGED_LINES = 3
MAX_RAGGED_FULL_SHARE = 0.5
# A line was wrapped when its next line's first word would not have fitted after it, at
# the wrap width less this slack (wide characters, hyphens) ...
WRAPPED_SLACK_COLUMNS = 3
# ... measured as the longest line among this many lines either side (a page's wrap width
# is often overestimated, stretched by unwrapped URLs and tables)
WRAP_WINDOW_LINES = 2
# The first word of a line, up to a hyphen: html2text and lynx also wrap after hyphens.
_FIRST_WORD = re.compile(r"[^\s-]*-?")


# A run of at least this many lines wrapped into each other is prose inside a ragged
# paragraph (a letter above its list of signatories); teaser titles wrap over two at most.
MIN_PROSE_RUN_LINES = 3


def _ragged_prose(piece: Piece, ctx: _Context) -> int | None:
    """Return None when ``piece`` reads as wrapped text; else, when most of its lines were
    ended by the page rather than wrapped into the next, the characters of the runs of
    :data:`MIN_PROSE_RUN_LINES` or more lines inside it that were wrapped (its prose)."""
    lines = ctx.lines
    if (
        lines is None
        or ctx.layout.markdown
        or ctx.layout.wrap_width is None
        or piece.line_count < MIN_RAGGED_LINES
    ):
        return None
    own = [i for i in range(piece.first, piece.last + 1) if not lines.blank[i]]
    if len(own) < MIN_RAGGED_LINES:
        return None
    wrap = ctx.layout.wrap_width
    # the lines near each line tell the width it was wrapped at; lines past the measured
    # wrap width (an unbreakable URL, an image in Markdown) tell nothing
    widths = [lines.width[i] if lines.width[i] <= wrap else 0 for i in own]
    wrapped = [False] * len(own)
    for k, (here, below) in enumerate(pairwise(own)):
        width = max(widths[max(0, k - WRAP_WINDOW_LINES) : k + WRAP_WINDOW_LINES + 1])
        word = _FIRST_WORD.match(lines.text[below])
        need = display_width(word.group()) if word else 0
        wrapped[k] = lines.width[here] + 1 + need >= width - WRAPPED_SLACK_COLUMNS
    if sum(wrapped) > MAX_RAGGED_FULL_SHARE * (len(own) - 1):
        return None
    prose = run_chars = run_lines = 0
    for k, index in enumerate(own):
        run_chars += len(lines.text[index])
        run_lines += 1
        if not wrapped[k]:  # the run ends here
            if run_lines >= MIN_PROSE_RUN_LINES:
                prose += run_chars
            run_chars = run_lines = 0
    return prose


# Program text: braces, semicolons, brackets and operators make up this share of it.
_CODE_PUNCTUATION = re.compile(r"[{}();=<>\[\]]")
MIN_CODE_PUNCTUATION_SHARE = 0.05


def _looks_like_code(texts: list[str]) -> bool:
    """Return True for a paragraph that is program text (w3m prints <pre> flush left)."""
    text = " ".join(texts)
    return len(_CODE_PUNCTUATION.findall(text)) >= MIN_CODE_PUNCTUATION_SHARE * max(1, len(text))


# A table of contents: most items start with a section number ("1 History", "2.1 Pledge").
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?\s\S")
MIN_CONTENTS_SHARE = 0.6


def _is_table_of_contents(piece: Piece, ctx: _Context) -> bool:
    """Return True for the article's table of contents: numbered section entries, or
    entries that come back as the headings of its sections (w3m shows no links)."""
    items = [item for p in _all_pieces([piece]) for item in p.items]
    if len(items) < 3:
        return False
    texts = [plain_text(ctx.inlines(item.text)) for item in items]
    numbered = sum(1 for text in texts if _SECTION_NUMBER.match(text))
    if numbered >= MIN_CONTENTS_SHARE * len(items):
        return True
    titles = ctx.section_titles
    headed = sum(1 for text in texts if normalise_phrase(text) in titles)
    return headed >= MIN_CONTENTS_SHARE * len(items)


# A section heading stands over a paragraph of at least this many words.
MIN_SECTION_BODY_WORDS = 12


def _section_titles(live: list[Piece], ctx: _Context) -> frozenset[str]:
    """Return the normalised one-line pieces that stand directly above prose."""
    titles: set[str] = set()
    for piece, below in pairwise(live):
        if (
            piece.kind in ("paragraph", "heading")
            and piece.line_count == 1
            and below.kind == "paragraph"
            and len(ctx.plain(below).split()) >= MIN_SECTION_BODY_WORDS
        ):
            # a pilcrow or a trailing number marks the heading in some renderings
            titles.add(normalise_phrase(ctx.plain(piece).rstrip("¶#")))
    return frozenset(titles)


# Program text printed as a paragraph (w3m sets <pre> flush left like prose): braces,
# parentheses, semicolons, "=" and brackets make up at least this share of its
# characters. Prose with a parenthesis or two stays far below it.
MIN_CODE_PARAGRAPH_SHARE = 0.06
# ... and is this long, on two lines at least: a heading such as "Pledge[edit]" or
# "The release plan (kovarex)" is not a listing.
MIN_CODE_PARAGRAPH_CHARS = 40
MIN_CODE_PARAGRAPH_LINES = 2
_CITATION_MARK = re.compile(r"\^?\[(?:\d{1,4}|[a-z][a-z ]{2,30})\]")


def mark_code(pieces: list[Piece], lines: Lines, ctx: _Context) -> None:
    """Make paragraphs that are program text code blocks, their lines kept as printed.

    A quote whose paragraphs are all program text is an indented stretch of a listing,
    and a short paragraph (:data:`MAX_LISTING_PART_LINES`) with code punctuation right
    next to a listing (``});``, ``var expect = chai.expect;``) is a part of it that a
    blank line of the ``<pre>`` set apart: both become code too.
    """
    if ctx.layout.markdown:
        return
    live = [p for p in pieces if p.kind not in ("dropped", "rule")]
    for piece in live:
        if _is_program_piece(piece, lines, ctx):
            _make_code(piece, lines)
    # forward, then backward: a run of such lines after or before a listing joins it
    for order in (live, live[::-1]):
        for before, piece in pairwise(order):
            if (
                before.kind == "code"
                and piece.kind == "paragraph"
                and piece.line_count <= MAX_LISTING_PART_LINES
                and _has_code_punctuation(ctx.plain(piece))
            ):
                _make_code(piece, lines)


# A paragraph of code punctuation this short next to a listing is a part of it.
MAX_LISTING_PART_LINES = 3

# A text field (``Layout.line_blocks``) sets nothing in but a <pre>'s own lines: an
# indented line there is program text, and so are the flush lines next to it that carry
# code punctuation or open or close a bracket ("WITH totals AS (", ")"). A run of at
# least MIN_FIELD_LISTING_LINES such lines with one of them indented, or of
# MIN_FLUSH_LISTING_LINES flush ones with code punctuation, is one listing. Measured on
# the text-field renderings of the readability pages: toc-missing's SQL listings were
# read as dozens of one-line paragraphs and short headings, and the page filter took the
# runs of short lines for a menu and dropped the article's first 360 lines (textfield
# token F1 0.988 -> 0.981 once it was read as a text field; 0.987 with this rule, which
# also gains heading F1 0.709 -> 0.737, list items 0.868 -> 0.881). A flush line drawing a
# table with box-drawing characters ("avg │ stddev", "───┼───": a database console's
# output under its query) is part of a listing too: textfield paragraph F1 0.874 ->
# 0.882, trafilatura-txt 0.855 -> 0.864 (toc-missing's result tables had been one
# paragraph per row); no other figure moved.
MIN_FIELD_LISTING_LINES = 2
MIN_FLUSH_LISTING_LINES = 3
MAX_FIELD_LISTING_LINE_CHARS = 120
_OPENS_BRACKET = re.compile(r"[(\[{]$|^[)\]}]")


def _listing_line(lines: Lines, index: int) -> tuple[bool, bool]:
    """Return (part of a listing?, set in?) for line ``index`` of a text field."""
    text = lines.text[index]
    if lines.indent[index] > 0:
        return True, True
    if len(text) > MAX_FIELD_LISTING_LINE_CHARS:
        return False, False
    listing = bool(_OPENS_BRACKET.search(text)) or _has_code_punctuation(text)
    return listing or _BOX_DRAWING.search(text) is not None, False


def join_field_listings(pieces: list[Piece], lines: Lines, ctx: _Context) -> list[Piece]:
    """Return ``pieces`` with each listing of a text field joined into one code piece."""
    if not ctx.layout.line_blocks:
        return pieces
    out: list[Piece] = []
    index = 0
    while index < len(pieces):
        run_end = index
        indented = False
        while run_end < len(pieces):
            piece = pieces[run_end]
            if piece.kind not in ("paragraph", "heading", "quote", "code"):
                break
            if run_end > index and lines.next_nonblank(pieces[run_end - 1].last + 1) != piece.first:
                break
            parts = [_listing_line(lines, i) for i in range(piece.first, piece.last + 1)]
            if not all(part for part, _ in parts):
                break
            indented = indented or any(set_in for _, set_in in parts)
            run_end += 1
        run = pieces[index:run_end]
        if (
            run
            and run[-1].last - run[0].first + 1 >= MIN_FIELD_LISTING_LINES
            and (indented or len(run) >= MIN_FLUSH_LISTING_LINES)
        ):
            joined = run[0]
            joined.last = run[-1].last
            joined.line_count = joined.last - joined.first + 1
            _make_code(joined, lines)
            out.append(joined)
            index = run_end
        else:
            out.append(pieces[index])
            index += 1
    return out


def _is_program_piece(piece: Piece, lines: Lines, ctx: _Context) -> bool:
    """Return True for a paragraph of program text, or a quote made only of such."""
    if piece.kind == "paragraph":
        return _is_program_text(piece, lines, ctx)
    return (
        piece.kind == "quote"
        and bool(piece.children)
        and all(c.kind == "paragraph" and _is_program_text(c, lines, ctx) for c in piece.children)
    )


def _make_code(piece: Piece, lines: Lines) -> None:
    """Turn ``piece`` into a code block holding its lines as printed."""
    base = min(lines.indent[i] for i in range(piece.first, piece.last + 1))
    piece.kind = "code"
    piece.children = []
    piece.text = "\n".join(
        " " * (lines.indent[i] - base) + lines.text[i] for i in range(piece.first, piece.last + 1)
    )


def _has_code_punctuation(text: str) -> bool:
    """Return True when code punctuation makes up :data:`MIN_CODE_PARAGRAPH_SHARE` of
    ``text`` (citation marks left out)."""
    text = _CITATION_MARK.sub("", text)
    return bool(text) and len(_CODE_PUNCTUATION.findall(text)) >= (
        MIN_CODE_PARAGRAPH_SHARE * len(text)
    )


# A shell or database session as w3m prints a <pre>: "$ hg init public", ">>> x = 1",
# "db=# SELECT ...". A dollar amount ("$ 5 million") is followed by a digit, not a word.
_SESSION_PROMPT = re.compile(r"(?:\$|>>>|\w{1,20}=[#>])\s[a-zA-Z./~]")
# Box-drawing characters of a table or a diagram drawn as text (psql output, ASCII art):
# a paragraph holding this many was drawn, not written.
_BOX_DRAWING = re.compile(r"[│┃┼╋├┤┬┴┌┐└┘║╬═]")
MIN_BOX_DRAWING_CHARS = 2


# Lines of a <pre> indented this many columns past its least indented line show the
# program's own nesting (a stray leading space in prose is one column).
MIN_PROGRAM_INDENT_COLUMNS = 2
MIN_PROGRAM_INDENTED_LINES = 2


def _program_indents(piece: Piece, lines: Lines) -> bool:
    """Return True when the lines below a paragraph's first stand at several indents,
    :data:`MIN_PROGRAM_INDENTED_LINES` of them at least
    :data:`MIN_PROGRAM_INDENT_COLUMNS` in: a wrapped paragraph's lines share one indent
    (a hanging or a first-line indent moves the first line only)."""
    indents = [lines.indent[i] for i in range(piece.first + 1, piece.last + 1)]
    if len(set(indents)) < 2:
        return False
    least = min(indents)
    deep = sum(1 for indent in indents if indent >= least + MIN_PROGRAM_INDENT_COLUMNS)
    return deep >= MIN_PROGRAM_INDENTED_LINES


# A configuration file's section: "[phases]" over "publish = false" lines (INI, TOML).
_INI_SECTION = re.compile(r"\[[\w .-]{1,40}\]")
_INI_SETTING = re.compile(r"[\w.-]{1,60}\s?=(?:\s.*)?")


def _is_ini_section(piece: Piece, lines: Lines) -> bool:
    """Return True for a configuration file's section: a ``[name]`` line over settings."""
    return _INI_SECTION.fullmatch(lines.text[piece.first]) is not None and all(
        _INI_SETTING.fullmatch(lines.text[i]) for i in range(piece.first + 1, piece.last + 1)
    )


def _is_program_text(piece: Piece, lines: Lines, ctx: _Context) -> bool:
    """Return True for a paragraph that is program text w3m printed flush left.

    A session (its first line a prompt), a drawing in box characters, lines set at two or
    more indents below the first (a wrapped paragraph's lines share one; a <pre> keeps the
    program's own), or a share of code punctuation (:data:`MIN_CODE_PARAGRAPH_SHARE`).
    """
    if _SESSION_PROMPT.match(lines.text[piece.first]):
        return True
    if piece.line_count < MIN_CODE_PARAGRAPH_LINES:
        return False
    if _is_ini_section(piece, lines):
        return True
    text = ctx.plain(piece)
    if len(_BOX_DRAWING.findall(text)) >= MIN_BOX_DRAWING_CHARS:
        return True
    if _program_indents(piece, lines):
        return True
    if piece.line_count <= MAX_IMAGE_NAME_LINES and image_file_names(text):
        return False  # a row of pictures shown by their file names ("[a.jpg] [b.jpg]")
    # citation marks ("[12]", "^[3]", "[citation needed]") are prose's brackets
    return len(_CITATION_MARK.sub("", text)) >= MIN_CODE_PARAGRAPH_CHARS and (
        _has_code_punctuation(text)
    )


def _is_marker_line(text: str) -> bool:
    """Return True for a line that is page furniture or opens the site after an article:
    a share or subscribe line, a "Related articles" or comments heading, a tag list."""
    return (
        is_boilerplate_line(text)
        or is_article_end(text)
        or is_recommendation_heading(text)
        or is_comments_heading(text)
        or is_author_box_heading(text)
        or is_credit_line(text)
    )


def _cut_lines(piece: Piece, lines: Lines, ctx: _Context) -> list[int]:
    """Return the lines of paragraph ``piece`` that are furniture set inside it.

    A line counts when the page ended it and the line above it (neither filled to the
    wrap width) and, in Markdown, when no link is open across its edges (a link's text
    and URL wrap over lines). One pass: bracket depth is carried from line to line.
    """
    layout = ctx.layout
    cuts: list[int] = []
    depth = 0  # "[" and "(" left open by the lines so far (Markdown)
    for i in range(piece.first, piece.last + 1):
        text = lines.text[i]
        own = text.count("[") - text.count("]") + text.count("(") - text.count(")")
        if (
            not lines.blank[i]
            and (not layout.markdown or (depth == 0 and own == 0))
            and not layout.is_full(lines.width[i])
            and (i == piece.first or not layout.is_full(lines.width[i - 1]))
            and _is_marker_line(
                strip_markup(text, markdown=layout.markdown, lynx=ctx.lynx, html=layout.html)
            )
        ):
            cuts.append(i)
        depth += own
    return cuts


# Most pieces between a numbered item and the list's next number that are taken into
# the item (a card: kicker, title, blurb, byline).
MAX_CARD_BODY_PIECES = 6


def _open_list(piece: Piece) -> Piece:
    """Return the deepest list whose last item ends ``piece`` (a list)."""
    while piece.items and piece.items[-1].children:
        last = piece.items[-1].children[-1]
        if last.kind != "list":
            break
        piece = last
    return piece


def _inside_item(piece: Piece, lines: Lines, column: int) -> bool:
    """Return True when every line of ``piece`` stands flush left (a heading, as lynx
    sets one wherever it stands) or at ``column`` or further in (the item's text)."""
    indents = [lines.indent[i] for i in range(piece.first, piece.last + 1) if not lines.blank[i]]
    return bool(indents) and all(i == 0 or i >= column for i in indents)


def join_lynx_card_items(pieces: list[Piece], lines: Lines, ctx: _Context) -> list[Piece]:
    """Put back into a numbered item what lynx set outside it: headings flush left.

    lynx sets every heading flush left, a heading inside a list item too (a card's kicker
    and title), and the item's paragraphs at the item's text column: the list looks cut in
    two. It goes on where the next list continues the numbering at the same indent ("3."
    after "1.", "2."), and the pieces between (flush headings, text at the item's column
    or further in, no line at the body margin) are the last item's.
    """
    if not ctx.lynx:
        return pieces
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        out.append(piece)
        i += 1
        while piece.kind == "list" and piece.ordered:
            target = _open_list(piece)
            if not target.ordered or not target.items:
                break
            column = target.indent + 2  # past the number and its full stop
            j = i
            while (
                j < len(pieces)
                and j - i < MAX_CARD_BODY_PIECES
                and pieces[j].kind in ("paragraph", "quote")
                and _inside_item(pieces[j], lines, column)
            ):
                j += 1
            if j == i or j >= len(pieces):
                break
            nxt = pieces[j]
            if not (
                nxt.kind == "list"
                and nxt.ordered
                and nxt.indent == target.indent
                and nxt.start == target.start + len(target.items)
                and any(lines.indent[k] for p in pieces[i:j] for k in range(p.first, p.last + 1))
            ):
                break
            target.items[-1].children.extend(pieces[i:j])
            target.items.extend(nxt.items)
            for outer in (piece, target):
                outer.last = max(outer.last, nxt.last)
                outer.line_count = outer.last - outer.first + 1
            i = j + 1
    return out


def split_at_marker_lines(pieces: list[Piece], lines: Lines, ctx: _Context) -> list[Piece]:
    """Return ``pieces`` with each paragraph cut around the lines in it that are furniture.

    w3m (and html2text after a ``<br>``) prints the blocks of a page's boxes without blank
    lines between them, so "Share", "Related articles", "Tags: a, b" or a photo credit
    can sit inside a paragraph of teaser titles or under an article's last lines, where
    the furniture rules, which look at whole pieces, do not see them (:func:`_cut_lines`).
    """
    tight = not ctx.layout.markdown and not ctx.lynx
    out: list[Piece] = []
    for piece in pieces:
        cuts = (
            _cut_lines(piece, lines, ctx)
            if piece.kind == "paragraph" and piece.line_count >= 2
            else []
        )
        if not cuts:
            out.append(piece)
            continue
        bounds: list[tuple[int, int]] = []
        start = piece.first
        for cut in cuts:
            if cut > start:
                bounds.append((start, cut - 1))
            bounds.append((cut, cut))
            start = cut + 1
        if start <= piece.last:
            bounds.append((start, piece.last))
        markdown = ctx.layout.markdown
        for first, last in bounds:
            own = [lines.text[i] for i in range(first, last + 1) if not lines.blank[i]]
            if markdown and own and backslash_break(own[-1]):
                own[-1] = own[-1][:-1].rstrip()  # the break before the cut line
            out.append(
                Piece(
                    kind="paragraph",
                    first=first,
                    last=last,
                    text=join_item_lines(own, tight=tight, markdown=markdown),
                    indent=lines.indent[first],
                    line_count=len(own),
                )
            )
    return out


# A paginated plain-text document (an RFC or Internet-Draft, a report printed to text)
# ends each page with a footer line, "de Jong     [Page 3]", and starts the next with a
# running header of columns, "Internet-Draft     remoteStorage     December 2014".
_PAGE_FOOTER = re.compile(r"\S.*\s{3,}\[Page \d{1,4}\]")
_RUNNING_HEADER = re.compile(r"\S.*?\s{3,}\S.*?\s{3,}\S.*")


# A paginated plain-text document (an RFC or an Internet-Draft, a report printed to text:
# footers "de Jong     [Page 3]" with the pages in sequence) is laid out for a fixed-width
# page. Its tables, diagrams and indented examples stand in columns and a page break falls
# in the middle of a paragraph, so read as prose it came out half reflowed and half a
# listing with the printer's footers inside. A page shows it in a <pre>, and the HTML
# parser keeps that as a code block (as Readability's truth does: ietf-1 has no heading,
# list or paragraph). The text parser keeps it the same way: as printed, one code block
# from the first page's first line to the last footer. The first page has no running
# header, so it may start up to FIRST_PAGE_SLACK_LINES before a page's length above its
# footer, below the text's first line (its title). Of the 17 renderings of the dev pages
# only ietf-1's have such footers.
MIN_PAGINATED_PAGES = 2
FIRST_PAGE_SLACK_LINES = 4
_NUMBERED_PAGE_FOOTER = re.compile(r"\S.*\s{3,}\[Page (\d{1,4})\]")


def paginated_span(lines: Lines) -> tuple[int, int] | None:
    """Return the (first, last) lines of the paginated document in ``lines``, if any:
    at least :data:`MIN_PAGINATED_PAGES` footers whose page numbers follow each other."""
    footers: list[tuple[int, int]] = []
    for index, text in enumerate(lines.text):
        if text.endswith("]") and "[Page " in text:
            match = _NUMBERED_PAGE_FOOTER.fullmatch(text)
            if match is not None:
                footers.append((index, int(match.group(1))))
    # the longest run of footers whose page numbers follow each other: [start, end)
    best_start = best_end = start = 0
    for end in range(1, len(footers) + 1):
        if end < len(footers) and footers[end][1] == footers[end - 1][1] + 1:
            continue
        if end - start > best_end - best_start:
            best_start, best_end = start, end
        start = end
    best = footers[best_start:best_end]
    if len(best) < MIN_PAGINATED_PAGES:
        return None
    gaps = sorted(b[0] - a[0] for a, b in pairwise(best))
    page = gaps[len(gaps) // 2]
    first = lines.next_nonblank(max(0, best[0][0] - page - FIRST_PAGE_SLACK_LINES))
    top = lines.next_nonblank(0)
    if first <= top:  # the text's first line is its title, over the document
        first = lines.next_nonblank(top + 1)
    return first, best[-1][0]


def keep_paginated_document(pieces: list[Piece], lines: Lines) -> list[Piece]:
    """Return ``pieces`` with those of a paginated document (:func:`paginated_span`) made
    one code block holding its lines as printed."""
    span = paginated_span(lines)
    if span is None:
        return pieces
    inside = [p for p in pieces if p.last >= span[0] and p.first <= span[1]]
    if not inside:
        return pieces
    first, last = min(span[0], inside[0].first), max(span[1], inside[-1].last)
    document = Piece(kind="code", first=first, last=last)
    document.line_count = sum(1 for i in range(first, last + 1) if not lines.blank[i])
    _make_code(document, lines)
    return (
        [p for p in pieces if p.last < first] + [document] + [p for p in pieces if p.first > last]
    )


def drop_page_breaks(pieces: list[Piece]) -> None:
    """Drop the page footers and running headers of a paginated plain-text document.

    A one-line paragraph that ends in ``[Page N]`` after a wide gap is a page's footer;
    the one-line paragraph right after it, in columns, is the next page's header. Both
    are the printer's, not the text's.
    """
    live = [p for p in pieces if p.kind != "dropped"]
    for index, footer in enumerate(live):
        if footer.kind != "paragraph" or footer.line_count != 1:
            continue
        if _PAGE_FOOTER.fullmatch(footer.text) is None:
            continue
        footer.kind = "dropped"
        header = live[index + 1] if index + 1 < len(live) else None
        if (
            header is not None
            and header.kind == "paragraph"
            and header.line_count == 1
            and _RUNNING_HEADER.fullmatch(header.text) is not None
        ):
            header.kind = "dropped"


def drop_empty(pieces: list[Piece], ctx: _Context) -> None:
    """Drop paragraphs and headings with no text left (a w3m image name, a stray marker),
    so that the front matter never takes one for the title, and lynx's notes of embedded
    frames (:func:`is_lynx_frame_note`), which are no text either."""
    for piece in pieces:
        if piece.kind in ("paragraph", "heading") and (
            not ctx.inlines(piece.text) or is_lynx_frame_note(piece, ctx)
        ):
            piece.kind = "dropped"


# lynx's note of an embedded frame with its address, which lynx wraps over as many lines
# as it takes ("IFRAME:" / "[71]https://www.example.com/embed/video/?v=1.77d1ff0c6" /
# "4d2683499d6f27#1VcLj9u4Ef4rgoC%2BgKWt98..."): no line holds a space.
_LYNX_FRAME_NOTE = re.compile(r"IFRAME:\s*(?:\[\d{1,5}\])?\S*")


def is_lynx_frame_note(piece: Piece, ctx: _Context) -> bool:
    """Return True when paragraph ``piece`` of a lynx dump is only its note of an embedded
    frame (a video player, a like button, a tag manager): "IFRAME:" and one address,
    however many lines it was wrapped over. Scored as text, a player's address of 37
    lines weighed as a long paragraph and made the article's prose look longer than it
    was."""
    if not ctx.lynx or ctx.lines is None or piece.kind != "paragraph":
        return False
    own = [text.strip() for text in ctx.lines.text[piece.first : piece.last + 1]]
    if not own or not own[0].startswith("IFRAME:") or any(" " in text for text in own[1:]):
        return False
    return bool(_LYNX_FRAME_NOTE.fullmatch("".join(own)))


# A paragraph printed word for word this many times in one text is not the article's
# prose but a picture's alt text that lynx prints for every image. On the readability
# renderings 3 or more copies also caught real repeats (lorem ipsum, a line of dialogue,
# a title quoted in teasers: w3m paragraph F1 0.899 -> 0.891); at 12 only alt text and an
# RFC's running page header are caught (lynx paragraph F1 0.898 -> 0.905, no other change).
MIN_REPEATED_PARAGRAPHS = 12
# A paragraph of this many words or more is dropped already at this many copies: a
# teaser's title or a picture's alt text a page prints over each of its pictures ("Give
# the Gift of Homemade Jam for the Holidays #ad #jam ..."); an article says a sentence
# that long once, a line of dialogue or a refrain is shorter. Session 12, outside shingle
# set: w3m dev 0.888 -> 0.890, lynx 0.905 -> 0.907, holdout +0.003 and +0.002.
# A paragraph of lorem ipsum or a code listing printed again and again (the readability
# test pages) runs over more lines than this: alt text and titles take one or two.
MIN_REPEATED_LONG_PARAGRAPHS = 4
MIN_REPEATED_LONG_WORDS = 10
MAX_REPEATED_LONG_LINES = 2


def drop_repeated_paragraphs(pieces: list[Piece]) -> None:
    """Drop every copy of a top-level paragraph that occurs ``MIN_REPEATED_PARAGRAPHS``
    times or more with the same text (whitespace collapsed), or
    ``MIN_REPEATED_LONG_PARAGRAPHS`` times when it is ``MIN_REPEATED_LONG_WORDS`` words
    long on at most ``MAX_REPEATED_LONG_LINES`` lines and ends like no sentence (alt text,
    a teaser's title); the text's first paragraph, its title, stays, and so does a label
    of at most ``MAX_SECTION_LABEL_WORDS`` words that stands over a list each time."""
    paragraphs = [p for p in pieces if p.kind == "paragraph"]
    counts = Counter(" ".join(p.text.split()) for p in paragraphs)
    # a short label said over a list each time ("Pros", "Cons" in every product's
    # section) is left for the page filter to judge (:func:`_section_labels`)
    over_lists = Counter(
        " ".join(p.text.split())
        for p, below in pairwise(pieces)
        if p.kind == "paragraph" and below.kind == "list"
    )
    for index, piece in enumerate(paragraphs):
        text = " ".join(piece.text.split())
        if over_lists[text] == counts[text] and len(text.split()) <= MAX_SECTION_LABEL_WORDS:
            continue
        if counts[text] >= MIN_REPEATED_PARAGRAPHS or (
            index > 0  # the text's first line: its title, printed again as alt text
            and counts[text] >= MIN_REPEATED_LONG_PARAGRAPHS
            and len(text.split()) >= MIN_REPEATED_LONG_WORDS
            and piece.line_count <= MAX_REPEATED_LONG_LINES
            and not text.endswith(_SENTENCE_CLOSINGS)
        ):
            piece.kind = "dropped"


# What ends a sentence: a repeated paragraph ending so is prose (lorem ipsum on a test
# page, unwrapped), not a title or alt text.
_SENTENCE_CLOSINGS = (".", "!", "?", "…", '."', ".”", "!”", "?”", "。", "！", "？")


def drop_title_copies(pieces: list[Piece], title: str | None, ctx: _Context) -> None:
    """Drop the body paragraphs that only say the title again.

    Pictures whose alt text is the article's title (a gallery or a lead image: lynx and
    w3m print the alt text as a line), the page's ``<title>`` printed again at its foot:
    the HTML's text never has a paragraph that is the title (readability renderings: 17
    such w3m paragraphs, 18 lynx, none in the truth). A one-word title is left alone: a
    name may stand again on a line of its own.
    """
    if not title or count_words(title) < MIN_SPARED_TITLE_WORDS:
        return
    wanted = normalise_phrase(title)
    for piece in pieces:
        if piece.kind == "paragraph" and normalise_phrase(ctx.plain(piece)) == wanted:
            piece.kind = "dropped"


def drop_widget_lines(pieces: list[Piece], ctx: _Context) -> None:
    """Drop the paragraphs and headings that are a form a text browser printed (check
    boxes, fields, buttons and their short labels: "[ ] Share [ ]", "(BUTTON) Subscribe",
    ``frontmatter.is_widget_line``), wherever they stand: a page repeats its share or
    subscribe form, and a copy of the one over the article had been dropped as a copy of
    the title when it was read as the title. Not in Markdown, where brackets are links'."""
    if ctx.layout.markdown:
        return
    for piece in pieces:
        if (
            piece.kind in ("paragraph", "heading")
            and piece.line_count <= MAX_WIDGET_PIECE_LINES
            and is_widget_line(ctx.plain(piece))
        ):
            piece.kind = "dropped"


# A form printed by a text browser stands on a line or two.
MAX_WIDGET_PIECE_LINES = 2


# w3m leaves an image without alt text as an empty line, so a picture's caption stands two
# or more blank lines below the text before it, while paragraphs are one blank line apart.
# Readability renderings: w3m paragraph F1 0.899 -> 0.903 (the HTML's truth counts a
# caption as a figure's, not as a paragraph). Only in a wrapped flush text (w3m; not lynx's
# indented body, not Markdown) and only for a one-line piece shorter than the wrap: in w3m
# without wrapping a whole paragraph is one long line (whole-page F1 0.858 -> 0.845 without
# that check).
MIN_CAPTION_GAP_LINES = 2


def drop_dated_bylines(pieces: list[Piece], ctx: _Context) -> Signature | None:
    """Drop the lines that date the article and name its author or agency.

    A page prints its byline and dateline on one line in many forms ("Chris Davies - Nov
    19, 2019, 10:31 pm CST", "Associated Press November 19, 2019, 9:02 AM", "Published
    11:34 PM EST Nov 19, 2019", "By Jane Roe | Updated: 19 November 2019, 09:01 AM"); the
    front matter reads only a byline or a date alone, at the top. Such a line under a
    picture's caption, a deck or a teaser, or one the front matter did not take, is no
    article text wherever it stands (`is_dated_byline`). Runs after the front matter, which
    keeps what it reads. A heading stays: a page that sets its dateline as a heading
    ("2/26/2015 7:11 AM PST BY EXAMPLE STAFF" in an ``<h5>``) keeps it in its article.
    Above the article's first prose (a list, a quote, code, a table, a paragraph of more
    lines than a title or one ending like a sentence) a line of names and a date without
    a time or a label goes too ("REUTERS 19 NOV 2019"): in the head it signs the story.
    """
    head = True
    signature: Signature | None = None
    for piece in pieces:
        if piece.kind in _NO_HEAD_KINDS or (
            piece.kind == "paragraph" and piece.line_count > MAX_TITLE_LINES
        ):
            head = False  # the article's first prose: its head ends there
        if piece.kind != "paragraph" or piece.line_count > MAX_TITLE_LINES:
            continue
        text = ctx.plain(piece)
        if is_dated_byline(text, head=head):
            read = _read_dated_byline(piece, ctx)
            if read is None:
                continue  # a line no metadata takes stays the article's text
            piece.kind = "dropped"
            if signature is None:
                signature = read
                if not head:  # (a teaser's byline, as often)
                    signature = Signature(
                        published=signature.published, modified=signature.modified
                    )
        elif text.rstrip().endswith(_SENTENCE_CLOSINGS):
            head = False
    return signature


def _read_dated_byline(piece: Piece, ctx: _Context) -> Signature | None:
    """Return what the dated byline ``piece`` says: line by line
    (:func:`read_signature_lines`: "By Jane Roe" over "19 Nov 2019"), else its lines
    read as one ("REUTERS" over "19 NOV 2019", whose agency no line alone names); None
    when neither reads it (a date the reader cannot tell, "Jane Roe - 12/03/2026")."""
    lines = _piece_lines(piece, ctx)
    signature = read_signature_lines(lines, unlabelled=False)
    if signature is None and len(lines) > 1:
        signature = read_signature(" ".join(lines))
    return signature


def _piece_lines(piece: Piece, ctx: _Context) -> list[str]:
    """Return the text of each line of a paragraph ``piece`` that holds text, markup
    stripped (its whole text when the lines are not at hand or do not say it)."""
    whole = ctx.plain(piece)
    if ctx.lines is None or piece.line_count == 1:
        return [whole]
    texts = [
        strip_markup(
            line.strip(), markdown=ctx.layout.markdown, lynx=ctx.lynx, html=ctx.layout.html
        )
        for line in ctx.lines.text[piece.first : piece.last + 1]
    ]
    texts = [text for text in texts if text]
    return texts if " ".join(texts) == " ".join(whole.split()) else [whole]


# The kinds of block that open an article's text (no title, kicker, byline or caption).
_NO_HEAD_KINDS = frozenset(("list", "quote", "code", "html"))


def mark_captions(pieces: list[Piece], ctx: _Context) -> None:
    """Make a figure caption of each one-line paragraph of a wrapped flush text that stands
    at least ``MIN_CAPTION_GAP_LINES`` blank lines below the piece before it (not a lead-in
    ending in ``:``), unless half the text's blocks stand that far apart."""
    lines = ctx.lines
    layout = ctx.layout
    if lines is None or layout.markdown or layout.body_indent or layout.wrap_width is None:
        return
    live = [p for p in pieces if p.kind != "dropped"]
    gaps = [_gaps(piece, lines)[0] for piece in live]
    wide = [gap is not None and gap >= MIN_CAPTION_GAP_LINES for gap in gaps]
    if 2 * sum(wide) >= len(live):
        return  # the text sets most of its blocks that far apart: its own style
    for piece, apart in zip(live, wide, strict=True):
        if (
            apart
            and piece.kind == "paragraph"
            and piece.line_count == 1
            and not layout.is_full(lines.width[piece.first])
            and not piece.text.rstrip().endswith(":")  # a lead-in to what follows
        ):
            piece.kind = "caption"


def _score_piece(piece: Piece, stats: PieceStats, ctx: _Context, *, page: bool = False) -> float:
    """Return :func:`score_piece` of ``piece``; a browser's copy scores its lists as the
    paragraphs their lines were read as before ``copy_list``.

    A list without markers on a page is often a menu or a run of a page's <div>s: scored
    as a menu (a short line per item) it cut short articles out of their page (innertext
    whole-page recall 0.901 -> 0.889); scored as a paragraph, recall 0.921 and precision
    0.729 (0.720 before copy lists), browser-copy precision 0.798, recall 0.908.
    """
    if page and ctx.layout.copy and piece.kind in ("list", "paragraph"):
        menu = _copy_menu_score(piece, ctx)
        if menu is not None:
            return menu
    if ctx.layout.copy and piece.kind == "list":
        if page and _is_copy_teaser_box(piece, ctx):
            return -PAGE_SHORT_PIECE_PENALTY_CHARS * min(len(piece.items), MAX_MENU_ITEM_LINES)
        piece = dataclasses.replace(piece, kind="paragraph")
        stats = dataclasses.replace(stats, items=0, prose_item_chars=0)
    elif piece.kind == "html":
        piece = dataclasses.replace(piece, kind=_html_scoring_kind(piece.block))
    score = score_piece(piece, stats, page=page)
    if (
        page
        and score > 0
        and piece.kind == "list"
        and _widget_items(piece, ctx) >= MIN_COPY_WIDGET_LINES
    ):
        # a share bar or a widget drawn as a list ("Share this with Facebook", "Share
        # this with Email" ...) is no prose, however many words its nested notes hold
        return 0.0
    return score


# A browser's copy joins a page's menu into one run of lines (innerText sets no blank line
# between a menu's entries): a run of at least this many lines ...
MIN_COPY_MENU_LINES = 3
# ... more than this share of them short lines that are no sentence, is a menu. (Tried
# and dropped: no menu when a third of its characters are sentences, a title, a byline and
# the first paragraph run together: outside shingle set holdout innertext 0.892 -> 0.883;
# at least five short lines: 0.892 -> 0.880.)
MIN_COPY_MENU_SHORT_SHARE = 0.5
# A line this long over one as long (or the run's last) that opens in lower case is a
# sentence going on: a wrapped text taken for a copy (pandoc's plain text of a page of
# formulas), not a menu.
MIN_WRAPPED_LINE_CHARS = 50
# A line of a program or of a formula's TeX: braces or a backslash.
_PROGRAM_LINE = re.compile(r"[{}\\]")
# A line that opens with a number the page typed ("1) ...", "(2) ..."): its run is a list
# (a shopping list with a link under each item), not a menu. Bullets do not count: pages
# type "- Campaign" in their menus too.
_NUMBERED_LINE = re.compile(r"\s*(?:\d{1,3}[.)]|\(\d{1,3}\))\s")


def _copy_menu_score(piece: Piece, ctx: _Context) -> float | None:
    """Return the score of a run of lines of a browser's copy on a page that is mostly
    short lines that are no sentence (a menu's entries, a footer's links, teaser titles),
    or None for any other run.

    A browser's copy is never wrapped, so each line was a block of the page: a line that
    is a sentence counts as prose, every other one as a short line (up to
    ``MAX_MENU_ITEM_LINES`` of them), as the ragged lines of a wrapped text do. Read as
    one paragraph (innerText sets no blank line between a menu's entries), a menu of 150
    entries scored as 2,000 characters of prose and took the article's place. Numbered
    lines, a shell session, program text or TeX, an article's sources under their heading
    and a text wrapped after all are left to the paragraph's score.
    """
    lines = ctx.lines
    if lines is None:
        return None
    own = [lines.text[i] for i in range(piece.first, piece.last + 1) if not lines.blank[i]]
    if len(own) < MIN_COPY_MENU_LINES:
        return None
    if any(_NUMBERED_LINE.match(text) or _SESSION_PROMPT.match(text) for text in own):
        return None  # a list the page numbered, a shell session's commands and output
    if any(_PROGRAM_LINE.search(text) for text in own):
        return None  # program text or a formula's TeX, a line to a line
    above = next((i for i in range(piece.first - 1, -1, -1) if not lines.blank[i]), None)
    if any(is_source_section_heading(text) for text in own) or (
        above is not None and is_source_section_heading(lines.text[above])
    ):
        return None  # an article's sources ("External links") under their heading
    if any(
        own[k + 1][:1].islower()
        and len(own[k]) >= MIN_WRAPPED_LINE_CHARS
        and (len(own[k + 1]) >= MIN_WRAPPED_LINE_CHARS or k + 2 == len(own))
        for k in range(len(own) - 1)
    ):
        return None  # a sentence going on over the next line: a text wrapped after all
    prose = short = 0
    for text in own:
        words = count_words(text)
        if (words >= MIN_PROSE_WORDS and _SENTENCE_END.search(text)) or words >= MIN_LONG_WORDS:
            prose += len(text)
        else:
            short += 1
    if short <= MIN_COPY_MENU_SHORT_SHARE * len(own):
        return None
    return prose - PAGE_SHORT_PIECE_PENALTY_CHARS * min(short, MAX_MENU_ITEM_LINES)


# A browser's copy draws a page's boxes of teasers and widgets as lists without markers,
# and on a page such a list scores as the paragraph its lines make together: a teaser box
# ("Neuheit" / "Mazda fertigt flexibler" / "4. November 2021" ...) or a share-and-comment
# widget ("Share this:" / "Twitter" / "Facebook" / "Kommentar verfassen") joined the
# article's best run. A list holding this many datelines (a teaser's date on a line of its
# own) or this many furniture lines (``is_boilerplate_line``: share buttons, "Impressum",
# cookie lines) is scored as a menu instead. On the trafilatura-eval dumps: innertext
# precision 0.731 -> 0.747, recall 0.927 -> 0.926 (F1 0.817 -> 0.827), browser-copy
# 0.801 -> 0.809, recall unchanged (F1 0.852 -> 0.857). One dateline, or two furniture
# lines, took an article's own lists too (innertext recall -0.007 and -0.010).
MIN_COPY_TEASER_DATES = 2
MIN_COPY_WIDGET_LINES = 3


def _is_copy_teaser_box(piece: Piece, ctx: _Context) -> bool:
    """Return True when list ``piece`` of a browser's copy is a page's box of teasers or
    widgets: it holds :data:`MIN_COPY_TEASER_DATES` datelines or
    :data:`MIN_COPY_WIDGET_LINES` furniture lines among its items."""
    dates = furniture = 0
    for item in piece.items:
        text = plain_text(ctx.inlines(item.text)).strip()
        if _is_dateline(text):
            dates += 1
        elif is_boilerplate_line(text):
            furniture += 1
        if dates >= MIN_COPY_TEASER_DATES or furniture >= MIN_COPY_WIDGET_LINES:
            return True
    return False


def _widget_items(piece: Piece, ctx: _Context) -> int:
    """Return how many items of list ``piece``, nested ones included, are furniture lines
    (``is_boilerplate_line``: share buttons, "Print", "Save")."""
    return sum(is_boilerplate_line(text) for text in _item_labels(piece, ctx))


def _item_labels(piece: Piece, ctx: _Context) -> list[str]:
    """Return the plain text of the first line of each item of list ``piece``, nested
    items included (an item's own text, not the paragraphs under it)."""
    labels: list[str] = []
    items = list(piece.items)
    while items:
        texts, nested = _item_texts(items.pop())
        items.extend(nested)
        labels.append(plain_text(ctx.inlines(texts[0])).strip())
    return labels


def _is_checklist(piece: Piece, ctx: _Context) -> bool:
    """Return True for a list whose every item (at least ``MIN_CHECKLIST_ITEMS``) opens
    with a check box and a label, and none holds another control (``check_item_label``).

    A page's checklist ("[ ] Book the venue – tour favourites ...", "[ ] Tent") that lynx
    or elinks draws with its boxes is the article's list, not a form: a form's boxes stand
    beside text fields and buttons, or alone ("[ ] Remember me")."""
    if piece.kind != "list":
        return False
    labels = _item_labels(piece, ctx)
    return len(labels) >= MIN_CHECKLIST_ITEMS and all(
        check_item_label(label) is not None for label in labels
    )


def _html_scoring_kind(block: Block | None) -> PieceKind:
    """Return the kind of piece a raw HTML block's ``block`` is scored as on a page: the
    kind the text rules give the same block written as text."""
    if isinstance(block, List):
        return "list"
    if isinstance(block, Quote):
        return "quote"
    if isinstance(block, CodeBlock):
        return "code"
    if isinstance(block, Heading):
        return "heading"
    return "paragraph"  # (figures and tables are neutral: see _is_html_figure_or_table)


def drop_page_furniture(pieces: list[Piece], ctx: _Context) -> list[Piece]:
    """Drop the pieces outside the article span (menus, link lists, footers).

    Return the pieces of a whole page kept above the article's best run only for the
    front matter to read (title, byline, date): what it does not take is furniture.
    """
    live = [p for p in pieces if p.kind != "dropped"]
    ctx.section_titles = _section_titles(live, ctx)
    stats = [_stats(p, ctx) for p in live]
    scores = [_score_piece(p, s, ctx) for p, s in zip(live, stats, strict=True)]
    # a dump that opened with the page head's links is a whole page: those lines, once
    # text, had counted as one more piece of furniture on pages of few, long pieces
    page = ctx.head_links or looks_like_page(scores)
    credits: list[int] = []
    if page:
        live, stats = _drop_credit_lines(live, stats, ctx)
        scores = [_score_piece(p, s, ctx, page=True) for p, s in zip(live, stats, strict=True)]
        scores = _relax_scores(live, scores, stats, ctx)
        scores = _score_comment_thread(live, scores, ctx)
        scores = _score_teaser_boxes(live, scores, ctx)
    else:
        credits = [i for i, piece in enumerate(live) if _is_credit_piece(piece, ctx)]
        for i in credits:
            scores[i] = 0.0
    heads = [_may_be_head(p, s, ctx) for p, s in zip(live, stats, strict=True)]
    span = find_article_span(scores, heads, page=page)
    if not page:
        span = dataclasses.replace(span, last=_article_goes_on(live, stats, span, ctx))
        span = dataclasses.replace(span, first=_article_goes_back(live, stats, scores, span, ctx))
    if ctx.lynx_head_text:
        ctx.head_title = _title_named_by_head(live, span, ctx)
    comments_at = _comments_start(live, span.core_first, ctx, scores)
    _drop_after_article_end(pieces, live, scores, span.core_first, ctx, page=page)
    # prose kept on both sides of a link list makes it part of the article (a table of
    # contents, a list of sources); only link lists at the edges are navigation
    prose = [i for i in range(span.first, span.last + 1) if scores[i] > 0]
    first_prose, last_prose = (prose[0], prose[-1]) if prose else (0, -1)
    sources = _source_sections(live, span.core_first, ctx)
    for index, piece in enumerate(live):
        if (index >= comments_at and piece.kind != "recommendations") or (
            piece.first == ctx.lynx_head
        ):
            piece.kind = "dropped"  # (lynx's paragraph of the head's links: no title)
            continue
        if piece.kind == "recommendations" or span.in_core(index) or index in sources:
            continue
        if not span.keeps(index):
            # the article, with the line right above it (its heading)
            article = live[max(1, span.core_first - 1) : span.core_last + 1]
            if index == 0 and _spare_as_title(piece, ctx, article):
                continue
            if index == span.first - 1 == span.core_first - 1 and _heads_span(piece, ctx):
                continue  # the kept text's heading ("Highlights" over the first list)
            if stats[index].contents and 0 < span.core_first - index <= MAX_CONTENTS_LEAD:
                continue  # the article's table of contents right above its text
            piece.kind = "dropped"
        elif (
            not stats[index].contents
            and not _is_html_figure_or_table(piece)
            and not first_prose < index < last_prose
            and is_link_list(stats[index], _link_count(piece, ctx))
        ):
            # menus and footer link lists around the article go even when short
            piece.kind = "dropped"
    if page:
        _prefer_headline(live, scores, span, ctx)
        _drop_author_bios(live, ctx)
        _drop_late_datelines(live, scores, span.core_first, ctx)
    for i in credits:
        if live[i].kind in ("paragraph", "heading"):
            live[i].kind = "caption"  # a picture's credit in an article: the picture's
    if not page:
        return []
    return [
        p
        for p in live[span.first : span.core_first]
        if p.kind == "paragraph"
        and p.line_count == 1
        and not ctx.plain(p).rstrip().endswith(_PROSE_ENDINGS)
    ]


# An article's own list, kept after its prose in an article alone, holds this many items,
# nested ones included: a guide's tools, a recipe's ingredients; menus run longer.
MIN_ARTICLE_LIST_ITEMS = 2
MAX_ARTICLE_LIST_ITEMS = 10


def _is_plain_list(piece: Piece, fact: PieceStats, ctx: _Context) -> bool:
    """Return True for a list an article may hold (see :func:`_article_goes_on`): a few
    items (nested ones included), none of them a furniture line ("Share", "Facebook",
    "Print"), not all of them single words unless numbered (a menu's "Spenden", "Akademie"
    against a listicle's "1. Passport"), and no notice, form widget, menu column or dense
    links."""
    if piece.kind != "list" or fact.notice or fact.menu_column or fact.prompt:
        return False
    if fact.link_density > MAX_LINK_DENSITY:
        return False
    texts = _item_labels(piece, ctx)
    if not MIN_ARTICLE_LIST_ITEMS <= len(texts) <= MAX_ARTICLE_LIST_ITEMS:
        return False
    if fact.form and not all(check_item_label(text) for text in texts):
        return False  # a form's widgets; a checklist's boxes each open a labelled item
    if any(is_boilerplate_line(text) for text in texts):
        return False
    return piece.ordered or any(len(text.split()) > 1 for text in texts)


def _is_lead_in(piece: Piece, ctx: _Context) -> bool:
    """Return True for a heading or a one-line lead-in ("Ingredients", "You will need:")."""
    if piece.kind == "heading":
        return True
    if piece.kind != "paragraph" or piece.line_count != 1:
        return False
    line = ctx.plain(piece).rstrip()
    return line.endswith(":") or looks_like_heading(line)


def _is_article_block(piece: Piece, fact: PieceStats) -> bool:
    """Return True for a sentence, a quote, code or a table that is no furniture: what an
    article's sections hold between their lists (see :func:`_article_goes_on`)."""
    return (
        (
            (piece.kind == "paragraph" and fact.sentence)
            or piece.kind in ("quote", "code")
            or _is_html_figure_or_table(piece)
        )
        and not (fact.notice or fact.prompt or fact.teaser or fact.form)
        and fact.link_density <= MAX_LINK_DENSITY
    )


def _introduces(live: list[Piece], stats: list[PieceStats], index: int, ctx: _Context) -> bool:
    """Return True when piece ``index`` is a heading or lead-in line over a plain list, or
    over a quote, code or table ("Install it with pip:" over the command)."""
    if index + 1 >= len(live) or not _is_lead_in(live[index], ctx):
        return False
    below, fact = live[index + 1], stats[index + 1]
    if _is_plain_list(below, fact, ctx):
        return True
    return below.kind != "paragraph" and _is_article_block(below, fact)


def _article_goes_on(live: list[Piece], stats: list[PieceStats], span: Span, ctx: _Context) -> int:
    """Return the last piece of an article alone that its own sections carry on past its
    best run, or ``span.last``.

    Without links to judge them, a list's short items weigh as a menu's entries
    (:func:`~articlekit.text.boilerplate.score_piece`), so a short article's sections of
    lists (a guide's "What you need" and "Steps", a recipe's ingredients, a listicle's
    entries) cost more than its prose wins and were cut off after the first paragraph.
    Right after the best run, the article goes on over a numbered plain list
    (:func:`_is_plain_list`), a heading or lead-in line over a plain list, a quote, code
    or a table (:func:`_introduces`), and between them a sentence ("Note: rinse the
    filter first.", "Enjoy!"), a quote, code or a table. The first other piece ends it,
    and only a run that holds a list or an introduced block counts. Menus and footers
    run longer, stand after link lists and labels, or come before the text.
    """
    index, end, carried = span.core_last + 1, span.last, 0
    while index < len(live):
        piece, fact = live[index], stats[index]
        if piece.ordered and _is_plain_list(piece, fact, ctx):
            carried += 1
        elif _introduces(live, stats, index, ctx):
            index += 1
            carried += 1
        elif not _is_article_block(piece, fact):
            break
        if carried:
            end = max(end, index)
        index += 1
    return end


# A best run weaker than this (characters of prose: a paragraph or two) is no proof that
# what stands before it is furniture: a text of checklists and short lines.
MAX_WEAK_RUN_SCORE = 500.0


def _article_goes_back(
    live: list[Piece], stats: list[PieceStats], scores: list[float], span: Span, ctx: _Context
) -> int:
    """Return the first piece of an article alone whose text before its best run is its
    own, or ``span.first``.

    A text with hardly any prose (a checklist page: a title, a line or two, lists of
    short items, a quoted poem as its longest block) has a weak best run
    (:data:`MAX_WEAK_RUN_SCORE`), and its lists of short items, which weigh as a menu's
    entries, had cut off all that stands before it. Walking back from the run, the text
    goes on over plain lists (:func:`_is_plain_list`) numbered or of items of two words
    or more (:func:`_is_wordy_list`), sentences, quotes, code, tables
    (:func:`_is_article_block`) and headings or lead-ins (:func:`_is_lead_in`); the
    first other piece (a link list, a notice, a form, a menu of single words) ends it,
    and only a walk that passes a list or a sentence counts.
    """
    if sum(scores[span.core_first : span.core_last + 1]) >= MAX_WEAK_RUN_SCORE:
        return span.first
    index, first, carried = span.first - 1, span.first, False
    while index >= 0:
        piece, fact = live[index], stats[index]
        if _is_article_block(piece, fact) or (
            _is_plain_list(piece, fact, ctx) and _is_wordy_list(piece, ctx)
        ):
            carried = True
        elif not _is_lead_in(piece, ctx):
            break
        if carried:
            first = index
        index -= 1
    return first


def _is_wordy_list(piece: Piece, ctx: _Context) -> bool:
    """Return True for a list numbered or with at least half its items of two words or
    more: a checklist's "Sleeping bag", "Book the venue", not a menu's "Home", "News"
    with the story's headline as its last entry."""
    labels = _item_labels(piece, ctx)
    return piece.ordered or 2 * sum(len(label.split()) > 1 for label in labels) >= len(labels)


# A page's headline names the story in a few words at least ("Is Football Violence a
# Crime?"); a section label or kicker over it ("Dubai Airshow") is shorter.
MIN_HEADLINE_WORDS = 5
# The article's run under a headline scores at least this (characters of prose: a few
# paragraphs; an index page's teaser under its title scores less).
MIN_HEADLINE_RUN_SCORE = 500.0
# Pieces that stand between a page's first line and the headline that replaces it (a
# menu; under an article's own title stands its author's name, then a section heading).
MIN_PIECES_BEFORE_HEADLINE = 3
# Kept pieces above the article's prose searched for its headline (kicker, headline,
# deck, byline, dateline).
MAX_HEADLINE_LEAD_PIECES = 4
# A breadcrumb or a byline joined to its dateline: "Home | News", "By X | Example Times".
_NOT_HEADLINE = re.compile(
    r"\s[|»›>•]\s|^(?:by|von|par|por)\s"
    r"|^(?:written|prepared|posted|compiled|edited|reported|photos?|words|text) by\s",
    re.IGNORECASE,
)


def _title_named_by_head(live: list[Piece], span: Span, ctx: _Context) -> str | None:
    """Return the page's headline when lynx's paragraph of the head's links names it, and
    drop its line: the first line above the end of the article's best run that reads as a
    headline (:func:`_is_headline`) and stands word for word among the head's link titles
    (a feed of the story's comments, "Example » Why the ferry closed Comments Feed", or
    its oEmbed link, "[3]Why the ferry closed"). Else None: that paragraph is no title,
    nor is a site's name or a menu line (too short for a headline).
    """
    for piece in live[: span.core_last + 1]:
        if piece.first == ctx.lynx_head or not _is_headline(piece, ctx):
            continue
        if f" {normalise_phrase(ctx.plain(piece))} " in f" {ctx.lynx_head_text} ":
            piece.kind = "dropped"
            return ctx.plain(piece).strip()
    return None


def _is_headline(piece: Piece, ctx: _Context) -> bool:
    """Return True for a piece that reads as a story's headline: a title-like line of
    :data:`MIN_HEADLINE_WORDS` words or more, no byline, breadcrumb or dateline."""
    if piece.kind not in ("paragraph", "heading") or piece.line_count > MAX_TITLE_LINES:
        return False
    text = ctx.plain(piece).strip()
    return (
        looks_like_title(text)
        and count_words(text) >= MIN_HEADLINE_WORDS
        and not _is_more_link(text)
        and _NOT_HEADLINE.search(text) is None
        and _DATELINE.search(text) is None
        and parse_date(text) is None
    )


# Share of the shorter line's words that a page's first line and a headline must have in
# common to name the same story (the page's <title>, with the site's name, over its
# <h1>; "Bartleby the Scrivener Web Study Text" over "Bartleby the Scrivener: A Story").
MIN_SAME_TITLE_SHARE = 0.5
# ... and at least this many of them (a skip link shares "to" with a headline).
MIN_SAME_TITLE_WORDS = 2
# A page's <title> ends in the site's name after a separator: "Mozilla - Wikipedia",
# "... | eHow", "..._科技_腾讯网", "欲張りなイヌ ＜福娘童話集＞".
_SITE_NAME_SUFFIX = re.compile(
    r"\s(?:[-|–—]|::)\s\S.{0,40}$|_[^_\s][^_]{0,30}$|[＜【<«][^＞】>»]{1,40}[＞】>»]$"
)
# Chinese and Japanese characters are compared one by one (no spaces between words).
_TITLE_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W_]+")


def _says_headline(first: str, headline: str) -> bool:
    """Return True when the page's ``first`` line is the page's own title, not a line of
    its furniture: it ends in a site's name after a separator (a ``<title>``), or it has
    :data:`MIN_SAME_TITLE_SHARE` of the shorter line's words in common with the
    ``headline`` ("'We Got Her!': Video Shows ... - NBC 5" over "'We Got Her!' Video
    Shows ...")."""
    if _SITE_NAME_SUFFIX.search(first.strip()):
        return True
    wanted = set(_TITLE_TOKEN.findall(headline.casefold()))
    have = set(_TITLE_TOKEN.findall(first.casefold()))
    shared = len(wanted & have)
    return shared >= MIN_SAME_TITLE_WORDS and shared >= MIN_SAME_TITLE_SHARE * min(
        len(wanted), len(have)
    )


# Pieces under a headline searched for its byline or dateline (a deck may stand between).
MAX_SIGNATURE_PIECES = 3
_BYLINE_START = re.compile(r"(?:by|von|par|por|door|di)\s+\S", re.IGNORECASE)


def _signed_below(live: list[Piece], headline: int, ctx: _Context) -> bool:
    """Return True when a byline or a dateline stands within :data:`MAX_SIGNATURE_PIECES`
    pieces under ``headline``: a story's head, not a section heading, a deck or a note
    over the text."""
    for piece in live[headline + 1 : headline + 1 + MAX_SIGNATURE_PIECES]:
        if piece.kind not in ("paragraph", "heading") or piece.line_count > MAX_TITLE_LINES:
            continue
        text = ctx.plain(piece)
        if _DATELINE.search(text) or _BYLINE_START.match(text) or parse_date(text):
            return True
    return False


def _first_line_is_title(live: list[Piece], headline: int, ctx: _Context) -> bool:
    """Return True when the page's first line is its own title: it says the headline
    (:func:`_says_headline`), or a line between them says it again (an article's title
    over its ``<h1>``, "The Modern Ambitions Behind Neon" twice, then the deck)."""
    first = ctx.plain(live[0])
    if _says_headline(first, ctx.plain(live[headline])):
        return True
    wanted = normalise_phrase(first)
    return any(
        normalise_phrase(ctx.plain(live[i])) == wanted
        for i in range(1, headline)
        if live[i].kind in ("paragraph", "heading") and live[i].line_count <= MAX_TITLE_LINES
    )


def _prefer_headline(live: list[Piece], scores: list[float], span: Span, ctx: _Context) -> None:
    """Drop a page's first line kept for the title when the article's own headline stands
    over its prose.

    A text browser prints a whole page from its top: the first line is a skip link, a
    logo's alt text, the site's name or (links, elinks) the page's ``<link>`` elements,
    and it was kept only as a possible title (or, when it was not, the first kept line is
    a section kicker). When the pieces kept right above the article's first prose (its
    head, from the line right above the span on) hold a headline (:func:`_is_headline`),
    that is the title: the first line goes, and so do the kept lines between (a section
    kicker, a breadcrumb), so that the front matter reads the headline, and the byline and
    dateline under it, instead of leaving them in the body. Only a headline signed right
    under it (a byline or a dateline, :func:`_signed_below`: a section heading or a deck
    over the text is not), over an article's run of a few paragraphs
    (:data:`MIN_HEADLINE_RUN_SCORE`: an index page's teaser is none) and at least
    :data:`MIN_PIECES_BEFORE_HEADLINE` pieces below the first line (a menu, not an
    author's name, stands between). A first line that is the page's own title stays: a
    Markdown ``#`` heading, or a line that says the headline or stands again between them
    (:func:`_first_line_is_title`).
    """
    first = span.first
    if first <= 1 or (live[0].kind == "heading" and live[0].level == 1):
        return  # the article starts at the top, or the text marks its title
    if sum(scores[span.core_first : span.core_last + 1]) < MIN_HEADLINE_RUN_SCORE:
        return
    head: list[int] = []
    for index in range(first - 1, len(live)):
        if len(head) >= MAX_HEADLINE_LEAD_PIECES or scores[index] > 0:
            break
        if live[index].kind != "dropped":
            head.append(index)
    headline = next(
        (i for i in head if i > MIN_PIECES_BEFORE_HEADLINE and _is_headline(live[i], ctx)), None
    )
    if headline is not None and not _signed_below(live, headline, ctx):
        headline = None
    if headline is None or (
        live[0].kind != "dropped" and _first_line_is_title(live, headline, ctx)
    ):
        return
    live[0].kind = "dropped"
    for index in head:
        if index == headline:
            break
        live[index].kind = "dropped"


def _score_teaser_boxes(live: list[Piece], scores: list[float], ctx: _Context) -> list[float]:
    """Return ``scores`` with the piece right under a teaser box's heading ("Most Popular
    Today", "Trending News": :func:`~articlekit.text.vocab.is_teaser_box_heading`) scored
    against the article, by as much as it scored for it: w3m and html2text join a box's
    ranked headlines into one paragraph of wrapped lines ("1 Chinese hunter catches ...
    2 ..."), which scored as prose and held the box in the article's run above its text.
    Only that piece: the box's heading is no reason to doubt the text further down."""
    out = list(scores)
    for index in range(len(live) - 1):
        piece = live[index]
        if (
            piece.kind in ("paragraph", "heading")
            and piece.line_count <= MAX_END_MARKER_LINES
            and is_teaser_box_heading(ctx.plain(piece))
            and live[index + 1].kind in ("paragraph", "list")
            and out[index + 1] > 0
        ):
            out[index + 1] = -out[index + 1]
    return out


def _heads_span(piece: Piece, ctx: _Context) -> bool:
    """Return True for a line right above the kept span that reads as its heading.

    A page's first section can open with a heading over a list or a formula, which scores
    below prose: the span starts under the heading ("Highlights" over a list of bullets).
    Only right above the best run itself: above head lines (title, byline) the line is
    the end of a menu. On the readability renderings this keeps 2 w3m headings and 2
    lines that are not ("Save", "EXCLUSIVE"), 5 lynx headings; heading F1 w3m 0.856 ->
    0.858, lynx 0.907 -> 0.912; whole-page F1 unchanged.
    """
    return (
        piece.kind == "paragraph" and piece.line_count == 1 and looks_like_heading(ctx.plain(piece))
    )


def _source_sections(live: list[Piece], start: int, ctx: _Context) -> set[int]:
    """Return the indexes of the pieces of the article's source sections after ``start``.

    A section headed "See also", "External links", "References", "Further reading" ...
    lists the article's sources and links: its lists belong to the article although they
    read as link lists or menus. Short lines right over a list (a ``<dt>`` label such as
    "Government", a note such as "Wikimedia Commons has media related to Mozilla.") do
    not end the section but are left to the filter: the HTML's text counts a ``<dt>`` as
    neither heading nor paragraph. The section ends at the first piece that is neither.
    """
    keep: set[int] = set()
    index = start + 1
    while index < len(live):
        piece = live[index]
        index += 1
        if not (
            piece.kind in ("paragraph", "heading")
            and piece.line_count <= MAX_END_MARKER_LINES
            and is_source_section_heading(ctx.plain(piece))
        ):
            continue
        members = [index - 1]
        while index < len(live):
            nxt = live[index]
            subheading = (
                nxt.kind in ("paragraph", "heading")
                and nxt.line_count <= MAX_END_MARKER_LINES
                and index + 1 < len(live)
                and live[index + 1].kind == "list"
            )
            if nxt.kind != "list" and not subheading:
                break
            if nxt.kind == "list":
                members.append(index)
            index += 1
        if len(members) > 1:
            keep.update(members)
    return keep


# A caption after a screen reader's label ("Image caption, ...") wraps over this many
# lines at most.
MAX_CAPTION_LABEL_LINES = 4


def _is_credit_piece(piece: Piece, ctx: _Context) -> bool:
    """Return True for a one-line picture credit or caption label ("Foto: Jane Doe"), a
    caption after a screen reader's label ("Image caption, The harbour at dawn"), or one
    that ends in its credit in brackets ("The harbour at dawn (Image: GETTY)")."""
    if piece.kind not in ("paragraph", "heading") or piece.line_count > MAX_CAPTION_LABEL_LINES:
        return False
    text = ctx.plain(piece)
    return (
        (piece.line_count == 1 and is_credit_line(text))
        or is_caption_label(text)
        or ends_in_picture_credit(text)
    )


def _drop_credit_lines(
    live: list[Piece], stats: list[PieceStats], ctx: _Context
) -> tuple[list[Piece], list[PieceStats]]:
    """Drop a page's picture credits and caption labels ("Foto: Jane Doe", "Image credit:
    …", "Photograph by …"), and return the pieces left with their stats.

    Dropped before the article's run is sought: a gallery's credits between its
    paragraphs would otherwise count as short lines and cut the article in pieces.
    """
    keep = [
        i
        for i, piece in enumerate(live)
        if not _is_credit_piece(piece, ctx) and not stats[i].prompt
    ]
    for i in set(range(len(live))) - set(keep):
        live[i].kind = "dropped"
    return [live[i] for i in keep], [stats[i] for i in keep]


def _drop_author_bios(live: list[Piece], ctx: _Context) -> None:
    """Drop the bios of a page's author boxes ("Jane Doe is a senior writer for …").

    The line right above may be the person's name, and the bio may then name the person
    by the first name alone (`vocab.is_author_bio`). Dropped after the article's run is
    found, not before: a bio between a text field's standfirst and its body bridges them
    (dropping it first lost a textfield snippet). On the trafilatura-eval dumps of eight
    renderings the rule matches 3-6 bio snippets an extraction must leave out per
    rendering, and no article snippet. A quote's paragraphs are looked at too.
    """
    for index, piece in enumerate(live):
        if piece.kind == "quote":
            _drop_author_bios(piece.children, ctx)  # a box w3m or html2text sets in
        if piece.kind != "paragraph":
            continue
        above = ""
        prev = live[index - 1] if index > 0 else None
        if prev is not None and prev.kind == "paragraph" and prev.line_count == 1:
            above = ctx.plain(prev)
        if is_author_bio(ctx.plain(piece), above):
            piece.kind = "dropped"


# A one-line paragraph ending like a sentence above the article is its opening, not a
# page's dateline or section line.
_PROSE_ENDINGS = (".", "!", "?", "…", ":", '."', ".”", "。", "！", "？", "：")


def _relax_scores(
    live: list[Piece], scores: list[float], stats: list[PieceStats], ctx: _Context
) -> list[float]:
    """Return ``scores`` with the article's own short pieces made neutral on a page.

    A line ending in a colon introduces what follows ("Ask yourself:"), and the list
    right after it belongs to the text. (Making heading-like lines above prose neutral
    too was tried: it kept more teaser titles than section headings, -0.008 w3m F1.)
    """
    out = list(scores)
    for index in _listings_between_prose(live, scores, ctx):
        out[index] = 0.0
    for index in _labelled_entries(live, scores, stats, ctx):
        out[index] = max(out[index], 0.0)
    for index in _repeated_labels(live, scores, stats, ctx):
        out[index] = max(out[index], 0.0)
    for index in _section_labels(live, scores, stats, ctx):
        # a label the sections of a list article repeat over their lists: a lead-in
        out[index] = max(out[index], 0.0)
        out[index + 1] = max(out[index + 1], 0.0)
    for index in _checklists(live, ctx):
        out[index] = max(out[index], 0.0)
    for index, piece in enumerate(live):
        if out[index] >= 0 or piece.kind not in ("paragraph", "list"):
            continue
        text = ctx.plain(piece).rstrip()
        below = scores[index + 1] if index + 1 < len(live) else 0.0
        above = live[index - 1] if index > 0 else None
        if piece.kind == "paragraph" and piece.line_count <= MAX_LEAD_IN_LINES:
            lead_in = text.endswith(":") and (below >= 0 or _list_follows(live, index))
            if lead_in or _heads_formula(live, index, ctx):
                out[index] = 0.0
        elif (
            piece.kind == "list"
            and above is not None
            and above.kind == "paragraph"
            and ctx.plain(above).rstrip().endswith(":")
        ):
            out[index] = 0.0
    return out


def _checklists(live: list[Piece], ctx: _Context) -> list[int]:
    """Return the indices of a page's checklists (:func:`_is_checklist`) and of the
    one-line label right above each ("9–12 Months Before", "Cooking gear"): neutral on a
    page, as a lead-in's list is.

    A checklist's items name tasks or things ("[ ] Book the venue – tour favourites,
    compare offerings"), no sentences, so its lists weighed as a menu's (each a short
    line), its labels as short lines, and a checklist page kept only the prose above
    its first list (WCXB's wedding checklist, lynx 0.25 F1)."""
    found: list[int] = []
    for index, piece in enumerate(live):
        if not _is_checklist(piece, ctx):
            continue
        found.append(index)
        above = live[index - 1] if index > 0 else None
        if above is not None and above.kind in ("paragraph", "heading") and above.line_count == 1:
            found.append(index - 1)
    return found


def _listings_between_prose(live: list[Piece], scores: list[float], ctx: _Context) -> list[int]:
    """Return the indices of the program-text paragraphs (:func:`_is_program_text`) of a
    run that prose stands right above and right below: a tutorial's listings, which w3m
    prints as paragraphs (a one-line label over the run, "Terminal", "main.py", may stand
    between it and the prose above).

    On a page such text scores as a short line (script junk is program text too); a
    tutorial of short sections, a heading, a sentence, a listing each, then weighed less
    than nothing and lost its second half.
    """
    lines = ctx.lines
    if lines is None or ctx.layout.markdown:
        return []

    def listing(index: int) -> bool:
        piece = live[index]
        return (
            piece.kind == "paragraph"
            and scores[index] < 0
            and _is_program_text(piece, lines, ctx)
            and _looks_like_code([ctx.plain(piece)])
        )

    found: list[int] = []
    index = 0
    n = len(live)
    while index < n:
        if not listing(index):
            index += 1
            continue
        end = index
        while end + 1 < n and listing(end + 1):
            end += 1
        above = index - 1
        if above >= 0 and scores[above] < 0 and live[above].line_count == 1:
            above -= 1  # the listing's label
        if above >= 0 and scores[above] > 0 and end + 1 < n and scores[end + 1] > 0:
            found.extend(range(index, end + 1))
        index = end + 1
    return found


# A run of at least this many labels ending in a colon, each over one piece of entries
# ("21 lists:" / "Kiran Desai, The Loneliness of ...", "Step 2:" / its line), is a list
# article's body.
MIN_LABELLED_ENTRIES = 3
# Such a label has at most this many words.
MAX_ENTRY_LABEL_WORDS = 5


def _labelled_entries(
    live: list[Piece], scores: list[float], stats: list[PieceStats], ctx: _Context
) -> list[int]:
    """Return the indices of the labels and entries of a run of labelled entries: at
    least :data:`MIN_LABELLED_ENTRIES` one-line labels ending in a colon
    (:data:`MAX_ENTRY_LABEL_WORDS` words at most), each right over one paragraph or list
    that is no link list and no label itself.

    A line ending in a colon introduces what follows (:func:`_relax_scores`), but only
    when that scores as prose or is a list: a ranking's "21 lists:" over its books'
    names, a ragged run of short lines, left both scoring as short lines, and the ranking
    as a wall between the article's opening and its end.
    """

    def label(index: int) -> bool:
        piece = live[index]
        return (
            piece.kind == "paragraph"
            and piece.line_count == 1
            and stats[index].words <= MAX_ENTRY_LABEL_WORDS
            and ctx.plain(piece).rstrip().endswith(":")
        )

    found: list[int] = []
    run: list[int] = []
    index = 0
    n = len(live)
    while index < n:
        if (
            index + 1 < n
            and label(index)
            and live[index + 1].kind in ("paragraph", "list")
            and not label(index + 1)
            and stats[index + 1].link_density <= MAX_LINK_DENSITY
        ):
            run.extend((index, index + 1))
            index += 2
            continue
        if len(run) >= 2 * MIN_LABELLED_ENTRIES:
            found.extend(run)
        run = []
        index += 1
    if len(run) >= 2 * MIN_LABELLED_ENTRIES:
        found.extend(run)
    return found


# A section label over a list ("Pros", "Cons", "Features") has at most this many words ...
MAX_SECTION_LABEL_WORDS = 4
# ... and comes back over a list at least this many times, with prose between each two (a
# buying guide's product sections).
MIN_SECTION_LABELS = 3


def _section_labels(
    live: list[Piece], scores: list[float], stats: list[PieceStats], ctx: _Context
) -> list[int]:
    """Return the indices of the section labels of a list article: a line of at most
    :data:`MAX_SECTION_LABEL_WORDS` words that stands over a list (not a link list) at
    least :data:`MIN_SECTION_LABELS` times, with prose between each two ("Pros" / list,
    "Cons" / list in each product's section of a buying guide).

    Each is a lead-in to its list, as a line ending in a colon is. A menu's label said
    over each of its columns ("Shop all") has no prose between them.
    """
    found: dict[str, list[int]] = {}
    for index in range(len(live) - 1):
        piece = live[index]
        if (
            piece.kind not in ("paragraph", "heading")
            or piece.line_count != 1
            or live[index + 1].kind != "list"
            or stats[index + 1].link_density > MAX_LINK_DENSITY
            or stats[index].words > MAX_SECTION_LABEL_WORDS
        ):
            continue
        text = ctx.plain(piece).strip().rstrip(":").casefold()
        if text:
            found.setdefault(text, []).append(index)
    labels: list[int] = []
    for places in found.values():
        if len(places) >= MIN_SECTION_LABELS and all(
            any(score > 0 for score in scores[upper + 2 : lower])
            for upper, lower in pairwise(places)
        ):
            labels.extend(places)
    return labels


# A label the sections of a templated article repeat ("Pre-Workout Meal", "Eat 60-90
# minutes before your workout", "Meal 1" in each plan of a meal-plan article) is a line
# of at most this many words ...
MAX_REPEATED_LABEL_WORDS = 8
# ... said at least this many times, with prose between each two.
MIN_REPEATED_LABELS = 3


def _repeated_labels(
    live: list[Piece], scores: list[float], stats: list[PieceStats], ctx: _Context
) -> list[int]:
    """Return the indices of the labels of a templated article's sections: one-line
    pieces of at most :data:`MAX_REPEATED_LABEL_WORDS` words that score as short lines,
    are no link list and no "more" link, and whose words come back at least
    :data:`MIN_REPEATED_LABELS` times with prose between each two; of those, the ones
    right over prose, or over a run of such labels that ends at prose.

    Each is a lead-in to its section, as a line ending in a colon is. A meal plan of six
    plans, each a stack of the same labels over one line of prose, had outweighed its
    prose and kept its last plan only. A share counter said in each teaser card
    ("0shares") stands over the teaser's title, no prose, and stays furniture. Only a
    text whose repeated lines stack, one right over another at least
    :data:`MIN_REPEATED_LABELS` times, is such a template: a label said once in each of
    a listing's cards ("Learn More", a category's name, an event's city) does not stack.
    And only a template that stands inside the article, with prose above its first label
    and prose below its last: stacked labels at the page's end (a comment thread's, a
    footer's cards) start no section of the article (on the first form, without this,
    one page of the outside shingle set's innerText holdout fell 0.14).
    """
    found: dict[str, list[int]] = {}
    n = len(live)
    for index, piece in enumerate(live):
        if (
            scores[index] >= 0
            or piece.kind not in ("paragraph", "heading")
            or piece.line_count != 1
            or stats[index].words > MAX_REPEATED_LABEL_WORDS
            or stats[index].link_density > MAX_LINK_DENSITY
        ):
            continue
        text = ctx.plain(piece).strip().rstrip(":").casefold()
        if not text or _is_more_link(text):
            continue
        found.setdefault(text, []).append(index)
    repeated: set[int] = set()
    for places in found.values():
        if len(places) >= MIN_REPEATED_LABELS and all(
            any(score > 0 for score in scores[upper + 1 : lower])
            for upper, lower in pairwise(places)
        ):
            repeated.update(places)
    # a template stacks its labels: one right over another, the same pair each time
    stacks = sum(1 for index in repeated if index + 1 in repeated)
    if stacks < MIN_REPEATED_LABELS:
        return []
    # the template stands inside the article: prose above its first label and below its last
    if not (
        any(score > 0 for score in scores[: min(repeated)])
        and any(score > 0 for score in scores[max(repeated) + 1 :])
    ):
        return []
    labels: list[int] = []
    for index in sorted(repeated):
        below = index + 1
        while below in repeated:
            below += 1
        if below < n and scores[below] > 0:
            labels.append(index)
    return labels


def _heads_formula(live: list[Piece], index: int, ctx: _Context) -> bool:
    """Return True for a heading-like line right over a display formula: a page of
    mathematics heads its formulas ("The Lorenz Equations"), teasers stand over none."""
    piece = live[index]
    return (
        index + 1 < len(live)
        and piece.line_count == 1
        and looks_like_heading(ctx.plain(piece))
        and live[index + 1].kind == "paragraph"
        and _is_formula(ctx.plain(live[index + 1]))
    )


# Longest paragraph (in lines) that may introduce a list. Measured on the trafilatura-eval
# dumps: +0.001 F1 for w3m and html2text, no change for lynx.
MAX_LEAD_IN_LINES = 3


# A table of contents this many pieces above the article's text belongs to it.
MAX_CONTENTS_LEAD = 2


def _may_be_head(piece: Piece, stats: PieceStats, ctx: _Context) -> bool:
    """Return True for a line that may stand at the head of an article: title, byline, date."""
    return (
        piece.kind in ("paragraph", "heading")
        and piece.line_count <= MAX_TITLE_LINES
        and stats.words >= MIN_SPARED_TITLE_WORDS
        and stats.link_density <= MAX_HEAD_LINK_DENSITY
        and not stats.notice  # a cookie or copyright notice printed above the article
    )


# A head line (title, byline) may be a link, as long as not all of it is.
MAX_HEAD_LINK_DENSITY = 0.5


# Longest piece, in lines, that may be an article-end line (share bar, tags, author box).
MAX_END_MARKER_LINES = 2
# Article prose (score, in characters) that must come before an article-end line: share
# bars and category lines also stand between the title and the text. Swept 200, 400, 800
# on the trafilatura-eval dumps: within 0.001 F1 of each other; none changed the
# readability renderings.
MIN_PROSE_BEFORE_END_CHARS = 400.0


# A share bar or a post pager ends a page's article when it stands within this many
# scored pieces after a piece of its prose (a byline and a date under the title are two
# short pieces: a share bar there opens the article).
MAX_PIECES_AFTER_PROSE = 2


def _drop_after_article_end(
    pieces: list[Piece],
    live: list[Piece],
    scores: list[float],
    first: int,
    ctx: _Context,
    *,
    page: bool = False,
) -> None:
    """Drop what follows the first article-end line once the article's prose has begun.

    After "Share this", "Tags: ...", or the copyright line comes the site (teasers,
    author bios, newsletters, comments), not the article; on a whole ``page`` after
    "About the author" too. ``first`` is the index in ``live`` where the article's best
    run starts.
    """
    score_of = {id(p): s for p, s in zip(live, scores, strict=True)}
    live_index = {id(p): i for i, p in enumerate(live)}
    later = suffix_best_runs(scores)
    start = next((i for i, p in enumerate(pieces) if live and p is live[first]), len(pieces))
    prose = 0.0
    skipping = False
    recent: list[float] = []  # the last scores that were not neutral, latest last
    for index in range(start, len(pieces)):
        piece = pieces[index]
        score = score_of.get(id(piece), 0.0)
        if skipping:
            if score > 0:
                skipping = False
            else:
                piece.kind = "dropped"
                continue
        prose += max(0.0, score)
        after_prose = any(s > 0 for s in recent[-MAX_PIECES_AFTER_PROSE:])
        if score:
            # a paragraph of prose, not a list (a menu of many words can score as one)
            recent.append(score if piece.kind == "paragraph" else min(score, 0.0))
        if (
            piece.kind not in ("paragraph", "heading", "dropped")
            or piece.line_count > MAX_END_MARKER_LINES
        ):
            continue
        if prose >= MIN_PROSE_BEFORE_END_CHARS and _drop_cut_teaser(pieces, index, ctx):
            continue  # a teaser set inside the article: its "Read more" ends no text
        text = ctx.plain(piece)
        if _ends_article(text, prose, after_prose=after_prose, page=page):
            if _prose_resumes(pieces, index, live_index, later, prose) or _box_set_inside(
                pieces, index, live_index, live, scores, prose
            ):
                # a "Most read" box set in the middle of the article: drop the box,
                # up to where the article's prose goes on
                piece.kind = "dropped"
                skipping = True
                continue
            # a "Tags: a, b" line itself stays for the front matter to read
            keep = index + 1 if TAGS_LINE.fullmatch(text) else index
            for rest in pieces[keep:]:
                if rest.kind != "recommendations":
                    rest.kind = "dropped"
            return


def _ends_article(text: str, prose: float, *, after_prose: bool, page: bool) -> bool:
    """Return True when a short piece reading ``text`` ends the article: an article-end
    line ("Share this", "Tags: ...", a copyright line) after ``prose`` characters of
    :data:`MIN_PROSE_BEFORE_END_CHARS`; on a whole ``page`` also an author box's heading,
    a recommendation heading over the site's teasers, and (``after_prose``: right under
    a paragraph of prose) a share bar's or a pager's line; and, on a page right under the
    prose however short it was, a teaser box's heading or a paywall's prompt."""
    if prose >= MIN_PROSE_BEFORE_END_CHARS and (
        is_article_end(text)
        or (page and is_author_box_heading(text))
        # "More from the Example Times" over teasers the recommendation rule did not
        # take (their captions run long): the site
        or (page and _ends_with_teasers(text))
        or (page and after_prose and is_share_or_pager_line(text))
    ):
        return True
    # right under the article's prose a paywall's prompt or the heading of a box of
    # teasers ends it however short it was (a paywalled page's excerpt)
    return page and after_prose and (is_teaser_box_heading(text) or is_paywall_prompt(text))


def _ends_with_teasers(line: str) -> bool:
    """Return True for a recommendation heading over the site's teasers ("More from the
    Example Times"), not over the article's own reading list or sources ("Further
    reading", "External links")."""
    return (
        is_recommendation_heading(line)
        and not is_reading_list_heading(line)
        and not is_source_section_heading(line)
    )


def _drop_cut_teaser(pieces: list[Piece], index: int, ctx: _Context) -> bool:
    """Drop a teaser set inside an article and return True: ``pieces[index]`` is a link
    to more ("Read more", "Weiterlesen") under an excerpt that ends cut off, without a
    sentence's closing mark ("... have even died due to"), and the excerpt goes with it,
    and its title right above. A "Read more" heading over a list of teasers, or a link
    under a whole paragraph, stays an article end (:func:`is_article_end`).
    """
    if not is_more_link(ctx.plain(pieces[index])):
        return False
    above = [i for i in range(index - 1, -1, -1) if pieces[i].kind != "dropped"][:2]
    if not above or pieces[above[0]].kind != "paragraph":
        return False
    excerpt = ctx.plain(pieces[above[0]]).rstrip()
    if not excerpt or not (excerpt[-1].isalnum() or _is_truncated(excerpt)):
        return False
    drop = [index, above[0]]
    if len(above) > 1 and pieces[above[1]].kind == "heading":
        drop.append(above[1])
    for i in drop:
        pieces[i].kind = "dropped"
    return True


# An article-end line followed by a run of prose scoring at least this share of the prose
# before it stands inside the article (a "Most read" box). Swept 0.5, 0.75, 1.0, 1.5 on
# the trafilatura-eval dumps: 1.0 gained 0.004 w3m, 0.003 lynx, 0.001 html2text F1; no
# change on the readability renderings.
MIN_RESUMED_PROSE_SHARE = 1.0


def _prose_resumes(
    pieces: list[Piece], index: int, live_index: dict[int, int], later: list[float], prose: float
) -> bool:
    """Return True when a run of prose after ``pieces[index]`` scores at least
    :data:`MIN_RESUMED_PROSE_SHARE` of the article's ``prose`` so far: the end line
    opened a box set inside the article, not the site after it. ``later[j]`` is the best
    run of scores from live piece ``j`` on (:func:`suffix_best_runs`)."""
    following = _next_live(pieces, index, live_index)
    if following is None:
        following = len(later) - 1
    return later[following] >= MIN_RESUMED_PROSE_SHARE * prose


def _next_live(pieces: list[Piece], index: int, live_index: dict[int, int]) -> int | None:
    """Return the live index of the first piece after ``pieces[index]`` that is live (in
    ``live_index``, by ``id``), or None when none is."""
    for piece in pieces[index + 1 :]:
        found = live_index.get(id(piece))
        if found is not None:
            return found
    return None


# An article-end line over a short box set inside the article ("More on car repair" over
# a few links, "DON'T MISS" over three teaser titles): the article's prose goes on within
# this many pieces after the line ...
MAX_INSET_BOX_PIECES = 4
# ... in a run that scores at least this share of the article's prose before the line,
# and at least MIN_PROSE_BEFORE_END_CHARS: a few paragraphs, not an author's bio.
MIN_RESUMED_AFTER_BOX_SHARE = 0.25
# ... that opens with this many paragraphs of prose one under another.
MIN_RESUMED_PARAGRAPHS = 2


def _box_set_inside(
    pieces: list[Piece],
    index: int,
    live_index: dict[int, int],
    live: list[Piece],
    scores: list[float],
    prose: float,
) -> bool:
    """Return True when the article-end line ``pieces[index]`` heads a short box set inside
    the article: the box (a piece or more that is no prose) stands under the line, and a
    run of prose starts within :data:`MAX_INSET_BOX_PIECES` scored pieces after it and
    scores at least :data:`MIN_RESUMED_AFTER_BOX_SHARE` of the article's
    ``prose`` so far (and :data:`MIN_PROSE_BEFORE_END_CHARS`), opening with
    :data:`MIN_RESUMED_PARAGRAPHS` paragraphs of prose. After the article's real
    end the site's teasers, menus and footer come first; a box of links the page set in
    its middle is short, and the article's paragraphs follow right under it."""
    following = _next_live(pieces, index, live_index)
    if following is None:
        following = len(scores)
    start = next(
        (
            j
            for j in range(following, min(following + MAX_INSET_BOX_PIECES, len(scores)))
            if scores[j] > 0
        ),
        None,
    )
    if start is None or start == following:
        return False  # prose right under the line: the teasers it heads, printed as prose
    # the article's paragraphs one under another (one long paragraph under a "Related"
    # line is a teaser's excerpt printed as prose; a list of teasers with long excerpts
    # can score as prose too)
    opening = range(start, start + MIN_RESUMED_PARAGRAPHS)
    if opening.stop > len(live) or any(
        live[j].kind != "paragraph" or scores[j] <= 0 for j in opening
    ):
        return False
    run = best = 0.0
    for j in range(start, len(scores)):
        run += scores[j] if live[j].kind == "paragraph" else min(scores[j], 0.0)
        if run <= 0:
            break
        best = max(best, run)
    return best >= max(MIN_PROSE_BEFORE_END_CHARS, MIN_RESUMED_AFTER_BOX_SHARE * prose)


def _opens_comments(piece: Piece, ctx: _Context) -> bool:
    """Return True when ``piece`` opens a comment section: a comments heading, flush left
    of an indented body (lynx sets headings flush left: "Comment" at the body indent is a
    table cell), or a button to the thread wherever it stands (:func:`is_comments_button`:
    "View Comments" is a link, set at the body's margin)."""
    text = ctx.plain(piece)
    if is_comments_button(text):
        return True
    indent = ctx.layout.body_indent
    return (indent == 0 or piece.indent < indent) and is_comments_heading(text)


def _comments_start(live: list[Piece], start: int, ctx: _Context, scores: list[float]) -> int:
    """Return the index of the piece that opens the comment section, or ``len(live)``.

    Only after a piece of the article's prose (a positive score): a "Comments" line in a
    share bar or a menu above the text is a link, not the section.
    """
    prose = False
    for index in range(max(start, 1), len(live)):
        piece = live[index]
        prose = prose or scores[index] > 0
        if (
            prose
            and piece.kind in ("paragraph", "heading")
            and piece.line_count <= 2
            and _opens_comments(piece, ctx)
        ):
            return index
    return len(live)


def _link_count(piece: Piece, ctx: _Context) -> int:
    texts = [p.text for p in _all_pieces([piece])]
    texts.extend(item.text for p in _all_pieces([piece]) for item in p.items)
    return sum(1 for t in texts for i in ctx.inlines(t) if isinstance(i, Link))


# A page's chrome at the top of a terminal browser's dump, which no headline reads like: a
# skip link ("Skip to Article", "Jump to main content", "Skip Navigation") and a logo's
# alt text ("Newsnation Logo", "express_logo", "Logo"), or the two on one line.
_TOP_CHROME = re.compile(
    r"(?:(?:skip|jump) (?:to|navigation)\b.{0,40}|(?:.{0,60}[\s_-])?logo\W{0,3})"
    r"(?:\s(?:(?:skip|jump) (?:to|navigation)\b.{0,40}|.{0,60}[\s_-]logo\W{0,3}))?",
    re.IGNORECASE,
)


def _spare_as_title(piece: Piece, ctx: _Context, article: list[Piece]) -> bool:
    """Return True when the first piece reads like a title, and is kept for front matter.

    Tables and infoboxes can make the top of an article look like page furniture; a
    menu entry is one word, a title several, unless the word comes back as a line of its
    own in the ``article`` (:func:`_title_repeated`). A skip link or a logo's alt text
    (``_TOP_CHROME``) is not kept.
    """
    text = ctx.plain(piece)
    return (
        piece.kind in ("paragraph", "heading")
        and piece.line_count <= MAX_TITLE_LINES
        and looks_like_title(text)
        and not _TOP_CHROME.fullmatch(text)
        and (count_words(text) >= MIN_SPARED_TITLE_WORDS or _title_repeated(text, article, ctx))
    )


def _title_repeated(text: str, article: list[Piece], ctx: _Context) -> bool:
    """Return True when ``text`` stands again as a one-line piece in ``article``.

    A page's ``<title>`` printed over its own ``<h1>`` (a one-word name such as
    "remoteStorage"): a menu entry above the article is not repeated there.
    """
    wanted = normalise_phrase(text)
    return any(
        p.line_count == 1
        and p.kind in ("paragraph", "heading")
        and normalise_phrase(ctx.plain(p)) == wanted
        for p in article
    )


# ---------------------------------------------------------------------------- blocks


def _provenance(piece: Piece) -> Provenance:
    return Provenance(lines=(piece.first + 1, max(piece.first, piece.last) + 1))


# Text browsers show an image without alt text by its file name, bare or in brackets:
# "IMG_3886.jpg", "[fff-282-hand.png]", "[corner_1.gif] [corner_2.gif]".
_IMAGE_FILE_NAMES = re.compile(
    r"(?:\[?[^\s\[\]]{1,200}\.(?:jpe?g|png|gif|webp|svg|bmp|avif|tiff?)\]?(?:\s+|$))+",
    re.IGNORECASE,
)


def image_file_names(text: str) -> list[str]:
    """Return the image file names ``text`` consists of, or [] when it holds other text."""
    if len(text) > MAX_IMAGE_NAMES_CHARS or not _IMAGE_FILE_NAMES.fullmatch(text):
        return []
    return [name.strip("[]") for name in text.split()]


MAX_IMAGE_NAMES_CHARS = 1000
# A paragraph of picture names is read as pictures up to this many lines (a row of
# thumbnails wraps once or twice).
MAX_IMAGE_NAME_LINES = 3
# A paragraph of nothing but bracketed numbers.
_MARKS_ONLY = re.compile(r"(?:\[\d{1,4}\]\s*){1,20}")
# lynx's note of an embedded frame (a video player, a widget): "IFRAME: https://...". The
# HTML parser drops <iframe> too; it is no text of the page.
_LYNX_FRAME = re.compile(r"IFRAME:\s*\S{0,2000}")


def _lynx_picture_name(piece: Piece, ctx: _Context) -> str | None:
    """Return the picture name a lynx paragraph consists of ("[dims?resize=...]" wrapped
    over several lines, cut anywhere), or None when it holds other text."""
    lynx = ctx.lynx or ctx.layout.lynx
    if not lynx or ctx.lines is None or piece.line_count > MAX_PICTURE_NAME_LINES:
        return None
    texts = [t for t in ctx.lines.text[piece.first : piece.last + 1] if t]
    if texts:
        # a linked picture: "[4][mufson_steve.jpg&amp;h=180]"
        texts[0] = _LEADING_LINK_MARKER.sub("", texts[0], count=1)
    if (
        not texts
        or not is_lynx_picture_line(texts[0])
        or not texts[-1].endswith("]")
        or any(any(c.isspace() for c in t) for t in texts)
    ):
        return None
    return "".join(texts)[1:-1] or None


_LEADING_LINK_MARKER = re.compile(r"\[\d{1,5}\](?=\[)")
# Longest picture name lynx prints, in lines (a CDN's resizing URL takes three to five).
MAX_PICTURE_NAME_LINES = 8


def _paragraph(piece: Piece, ctx: _Context) -> Block | None:
    names = image_file_names(ctx.plain(piece)) if piece.line_count <= MAX_IMAGE_NAME_LINES else []
    if names:
        # a picture shown by its file name: an image, not a paragraph of text
        if len(names) == 1:
            return Figure(image=Image(src=names[0]), provenance=_provenance(piece))
        return Paragraph(
            content=tuple(Image(src=name) for name in names), provenance=_provenance(piece)
        )
    picture = _lynx_picture_name(piece, ctx)
    if picture:
        return Figure(image=Image(src=picture), provenance=_provenance(piece))
    if _MARKS_ONLY.fullmatch(ctx.plain(piece)):
        return None  # "[1]" alone: w3m's stand-in for an image, no text of the page
    if piece.line_count <= 2 and _LYNX_FRAME.fullmatch(ctx.plain(piece)):
        return None
    content = ctx.inlines(piece.text)
    if piece.broken_text:
        # the writer's line breaks (a poem, an address) are the paragraph's line breaks,
        # when the lines read as the joined text does (nothing joined without a space)
        broken = _broken_content(piece, ctx)
        if _without_breaks(broken) == _without_breaks(content):
            content = broken
    if not content:
        return None
    if len(content) == 1 and isinstance(content[0], Image):
        return Figure(image=content[0], provenance=_provenance(piece))
    if isinstance(content[0], Image) and _captioned_markdown_picture(piece, ctx):
        caption = _without_leading_space(content[1:])
        if caption:
            return Figure(image=content[0], caption=caption, provenance=_provenance(piece))
    return Paragraph(content=content, provenance=_provenance(piece))


def _broken_content(piece: Piece, ctx: _Context) -> tuple[Inline, ...]:
    """Return the content of a paragraph whose lines the writer broke (``broken_text``):
    one line break between lines, none where a line gave no text (a picture's
    placeholder), none at either end."""
    out: list[Inline] = []
    for node in ctx.inlines(piece.broken_text):
        if isinstance(node, LineBreak) and (not out or isinstance(out[-1], LineBreak)):
            continue
        out.append(node)
    while out and isinstance(out[-1], LineBreak):
        out.pop()
    return tuple(out)


_SPACE = re.compile(r"\s+")


def _without_breaks(content: Sequence[Inline]) -> tuple[Inline, ...]:
    """Return ``content`` with each line break a space and white space collapsed, to
    compare a paragraph read line by line with its lines joined."""
    out: list[Inline] = []
    for node in content:
        if isinstance(node, LineBreak):
            node = Text(text=" ")
        elif isinstance(node, (Emphasis, Strong, Link)):
            node = attrs.evolve(node, content=_without_breaks(node.content))
        if isinstance(node, Text):
            text = _SPACE.sub(" ", node.text)
            if out and isinstance(out[-1], Text):
                text = _SPACE.sub(" ", out.pop().text + text)  # type: ignore[union-attr]
            node = Text(text=text)
        out.append(node)
    if out and isinstance(out[0], Text):
        out[0] = Text(text=out[0].text.lstrip())
    if out and isinstance(out[-1], Text):
        out[-1] = Text(text=out[-1].text.rstrip())
    return tuple(out)


# A Markdown picture: "![alt](src)" or "![alt](src "title")"; html2text wraps the alt text
# and the address over lines (and escapes a parenthesis inside the address: "\(").
_MARKDOWN_PICTURE = re.compile(r'!\[[^\]]*\]\((?:[^()\\"]|\\.)*(?:"[^"]*")?\s*\)')
# Longest caption read under a Markdown picture: a few sentences; a paragraph of prose
# that a page set right under a picture runs longer.
MAX_MARKDOWN_CAPTION_CHARS = 400


def _captioned_markdown_picture(piece: Piece, ctx: _Context) -> bool:
    """Return True for a Markdown paragraph that is a picture on its own lines with a
    caption on the lines right under it: html2text writes a ``<figure>``'s picture and its
    ``<figcaption>`` so, with no blank line between ("![A map of ...](https://...)" /
    "Air pollution in Delhi remains high this week. [Example Earth](https://...)"), and a
    picture followed by text on its own line is how a figure shows. The caption is no
    longer than :data:`MAX_MARKDOWN_CAPTION_CHARS`; a picture set inside a line of text
    (an icon, an emoji) is no figure.
    """
    lines = ctx.lines
    if not ctx.layout.markdown or lines is None or not piece.text.startswith("!["):
        return False
    joined = ""
    for index in range(piece.first, min(piece.last, piece.first + MAX_TITLE_LINES)):
        text = lines.text[index].strip()
        if not text:
            return False
        joined = f"{joined} {text}" if joined else text
        if _MARKDOWN_PICTURE.fullmatch(joined):
            rest = " ".join(lines.text[index + 1 : piece.last + 1]).strip()
            return 0 < len(rest) <= MAX_MARKDOWN_CAPTION_CHARS
    return False


def _without_leading_space(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Return ``content`` without the line break or space it opens with."""
    if content and isinstance(content[0], LineBreak):
        content = content[1:]
    if content and isinstance(content[0], Text):
        head = content[0].text.lstrip()
        return ((Text(text=head),) if head else ()) + content[1:]
    return content


def _list(piece: Piece, ctx: _Context) -> Block | None:
    items: list[ListItem] = []
    for item in piece.items:
        blocks: list[Block] = []
        if item.alt:
            # the picture that opened the item, shown by its alt text
            blocks.append(Figure(image=Image(src="", alt=item.alt)))
        content = ctx.inlines(item.text)
        if content:
            blocks.append(Paragraph(content=content))
        blocks.extend(_blocks(item.children, ctx))
        items.append(ListItem(blocks=blocks))
    if not items:
        return None
    return List(
        ordered=piece.ordered, start=max(0, piece.start), items=items, provenance=_provenance(piece)
    )


def _recommendations(piece: Piece, ctx: _Context) -> Block | None:
    seen: set[str] = set()
    items: list[Recommendation] = []
    for found in piece.rec_items:
        inlines = ctx.inlines(found.text)
        title = " ".join(plain_text(inlines).split())
        url = next((i.url for i in inlines if isinstance(i, Link)), None)
        image = next((i.src for i in inlines if isinstance(i, Image)), None)
        if image is None:
            image = next(
                (
                    c.src
                    for i in inlines
                    if isinstance(i, Link)
                    for c in i.content
                    if isinstance(c, Image)
                ),
                None,
            )
        key = normalise_phrase(title)
        if not key or key in seen:
            continue  # the same title twice: image alt and headline
        seen.add(key)
        items.append(Recommendation(title=title, url=url, image=image))
    if not items:
        return None
    return Recommendations(title=piece.rec_title, items=items, provenance=_provenance(piece))


def _block(piece: Piece, ctx: _Context) -> Block | None:
    kind = piece.kind
    if kind == "paragraph":
        return _paragraph(piece, ctx)
    if kind == "heading":
        content = ctx.inlines(piece.text)
        if not content:
            return None
        level = piece.level or DEFAULT_HEADING_LEVEL
        return Heading(level=max(1, min(6, level)), content=content, provenance=_provenance(piece))
    if kind == "list":
        return _list(piece, ctx)
    if kind == "quote":
        blocks = _blocks(piece.children, ctx)
        return Quote(blocks=blocks, provenance=_provenance(piece)) if blocks else None
    if kind == "code":
        if not piece.text.strip():
            return None
        return CodeBlock(code=piece.text, language=piece.language, provenance=_provenance(piece))
    if kind == "rule":
        return Rule(provenance=_provenance(piece))
    if kind == "recommendations":
        return _recommendations(piece, ctx)
    if kind == "caption":
        # the picture itself left no text (w3m's empty line): an image of unknown source
        caption = ctx.inlines(piece.text)
        if not caption:
            return None
        return Figure(image=Image(src=""), caption=caption, provenance=_provenance(piece))
    return None


def _blocks(pieces: list[Piece], ctx: _Context) -> list[Block]:
    out: list[Block] = []
    for piece in pieces:
        if piece.kind == "html":
            if piece.block is not None and piece.block.provenance is None:
                # a pipe table's (its lines are known only here, a quote's moved too)
                out.append(attrs.evolve(piece.block, provenance=_provenance(piece)))
            elif piece.block is not None:
                out.append(piece.block)
            continue
        block = _block(piece, ctx)
        if block is not None:
            out.append(block)
    return out


# A card grid (a feature list, a newsroom's teasers) puts a picture, a heading and a blurb
# in each <li>; html2text draws the bullet before the picture and sets the heading and the
# paragraphs after it flush left, so they read as blocks after the list. In Markdown, a
# one-item list (the heading cuts html2text's list after each card) whose item holds a
# picture and at most this many words, followed right away by a heading, takes that
# heading (and any heading under it) and the paragraphs after it, up to the next heading,
# list or other block. Chosen on the readability pages: mozilla-2's
# eight cards ("[![Screenshot](..)](..)" then "## WebIDE") and nytimes-5's teasers
# ("Photo[![](..)](..) CreditEllen Surrey" then two headings), html2text list-item F1
# 0.946 -> 0.952; 12 words keeps a whole photo credit, a captioned picture is longer. A
# gallery of two or more pictures ending a section (wikipedia-2) is no card: its next
# heading opens a section.
MAX_CARD_PICTURE_WORDS = 12


def _is_card_picture(item: ListItem) -> bool:
    """Say whether ``item`` is only a picture (and a short credit) with nothing nested."""
    if len(item.blocks) != 1 or not isinstance(item.blocks[0], Paragraph):
        return False
    content = item.blocks[0].content
    has_image = any(
        isinstance(i, Image)
        or (isinstance(i, Link) and any(isinstance(c, Image) for c in i.content))
        for i in content
    )
    words = [w for i in content if not isinstance(i, Image) for w in _words_without_images(i)]
    return has_image and len(words) <= MAX_CARD_PICTURE_WORDS


def _words_without_images(inline: Inline) -> list[str]:
    if isinstance(inline, Link):
        return [
            w for c in inline.content if not isinstance(c, Image) for w in plain_text([c]).split()
        ]
    return plain_text([inline]).split()


def take_card_bodies(blocks: list[Block], ctx: _Context) -> list[Block]:
    """Move the heading and paragraphs after a card's picture item into the item (html2text)."""
    if not ctx.layout.markdown:
        return blocks
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        i += 1
        if (
            isinstance(block, List)
            and len(block.items) == 1
            and _is_card_picture(block.items[-1])
            and i < len(blocks)
            and isinstance(blocks[i], Heading)
        ):
            body: list[Block] = []
            while i < len(blocks) and isinstance(blocks[i], Heading):
                body.append(blocks[i])
                i += 1
            while i < len(blocks) and isinstance(blocks[i], Paragraph):
                body.append(blocks[i])
                i += 1
            last = block.items[-1]
            card = ListItem(blocks=(*last.blocks, *body))
            block = attrs.evolve(block, items=(*block.items[:-1], card))
        out.append(block)
    return out


def _trim_rules(blocks: list[Block]) -> list[Block]:
    """Drop thematic breaks at either end and doubled ones (left over from dropped runs)."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Rule) and (not out or isinstance(out[-1], Rule)):
            continue
        out.append(block)
    while out and isinstance(out[-1], Rule):
        out.pop()
    return out


def _metadata(front: FrontMatter, header: Header | None) -> Metadata:
    """Return the metadata the top of the text gave; a metadata header's fields win."""
    if header is None:
        header = Header()
    given = {name for name, value in vars(header).items() if value}
    sources = [s for s in front.sources if s.field not in given]
    sources.extend(FieldSource(field=name, source="header") for name in sorted(given))
    return Metadata(
        authors=header.authors or front.authors,
        published=header.published or front.published,
        modified=header.modified or front.modified,
        site_name=header.site_name,
        language=header.language,
        description=header.description,
        kicker=front.kicker,
        tags=header.tags or front.tags,
        image=header.image,
        canonical_url=header.canonical_url,
        sources=sources,
    )


def parse_text(text: str, *, url: str | None = None) -> Document:
    """Return the Document of a plain-text article.

    Recognises the seed layout (title, kicker, paragraphs, short headings, bullets,
    "Also read" blocks), Markdown as html2text writes it, and ``lynx -dump`` / ``w3m -dump``
    output, whole pages included. Raises :class:`~articlekit.UnsupportedInputError` for
    empty, blank or binary text, naming the input ``<string>``.
    """
    check_url(url, "parse_text")
    if isinstance(text, str):
        check_not_file_name(text, "parse_text")
    elif isinstance(text, (bytes, bytearray, memoryview)):
        raise UnsupportedInputError(
            f"parse_text() reads a str, got {type(text).__name__}: decode it, or call "
            "parse(data, format='text'), which decodes bytes (BOM, declared charset, "
            "UTF-8, then detection)",
            source="<bytes>",
        )
    try:
        return read_text(text, url=url)
    except ArticleKitError as exc:
        name = value_name(text)
        raise (exc.with_source(name) if name else exc) from exc.__cause__


# lynx's link markers in its paragraph of the head's links: "#[1]alternate [2]Example".
_LYNX_MARKER = re.compile(r"\[\d{1,6}\]")


def _lynx_head_phrase(lines: Lines, head: list[int]) -> str:
    """Return the link titles of lynx's paragraph of the head's links (``head``, its
    lines), markers and the opening "#" taken out, normalised (`normalise_phrase`)."""
    if not head:
        return ""
    text = " ".join(lines.text[i] for i in head)[1:]
    return normalise_phrase(_LYNX_MARKER.sub(" ", text))


def _opens_with_head_notes(lines: Lines, notes: list[int]) -> bool:
    """Return True when the text opens with a terminal browser's notes of the page's head
    (elinks' and links' ``Link:`` lines, lynx's "REFRESH(900 sec):"): a whole page's dump."""
    return (
        bool(notes)
        and notes[0] == lines.next_nonblank(0)
        and lines.text[notes[0]].startswith(("Link:", "REFRESH("))
    )


def read_text(text: str, *, url: str | None = None) -> Document:
    """:func:`parse_text` with errors that name no input: for callers that name it
    themselves (``articlekit.parse``, the batch, the registry's text parser)."""
    header = None
    if isinstance(text, str):
        # a YAML metadata header ("---" / "title: ..." / "---"): metadata, no text
        header, text = read_header(text)
        # a data: URI's base64 payload (an inline icon in a raw <img>) is no text
        text = short_data_uris(text)
        # ... nor is a data-* attribute's JSON or a long srcset (a menu link's raw <a>)
        text = short_attribute_values(text)
    lines = without_pandoc_markup(split_lines(text))
    # elinks' and links' notes of the page head's links and of frames: no text of the page
    notes = browser_note_lines(lines)
    # ... or with lynx's paragraph of them: a whole page's dump
    lynx_head = lynx_head_lines(lines)
    head_links = _opens_with_head_notes(lines, notes) or bool(lynx_head)
    lines = blanked(lines, notes)
    end, urls = split_references(lines)
    layout = detect_layout(lines, lynx_references=bool(urls), end=end)
    # Markdown whose every link and heading stayed raw HTML shows no Markdown of its own
    markdown = layout.markdown or _is_bare_raw_html(lines, layout)
    markup: list[int] = []
    spans: list[HtmlSpan] = []
    refs: dict[str, LinkTarget] = {}
    if markdown:
        layout = attrs.evolve(layout, markdown=True)
        # link reference definitions resolve "[text][1]" and are no text of the article
        refs, definitions = link_definitions(lines)
        lines = blanked(lines, definitions)
        markup = markup_line_numbers(lines.text, lines.indent)
        spans = html_block_spans(lines.text[:end], lines.indent[:end])
    html_pieces: list[Piece] = []
    if len(markup) >= MIN_MARKUP_LINES or shows_raw_html(spans):
        # Markdown with raw HTML: a table, list or figure kept whole is read as HTML, and
        # a line of nothing but tags opens or closes a container and reads as a blank line
        html_pieces, taken = read_html_blocks(lines, spans, url)
        lines = blanked(lines, markup + taken)
        layout = attrs.evolve(detect_layout(lines, lynx_references=bool(urls), end=end), html=True)
        if markdown:
            layout = attrs.evolve(layout, markdown=True)
    ctx = _Context(layout, urls, lines, refs)
    ctx.head_links = head_links
    ctx.lynx_head = lynx_head[0] if lynx_head else -1
    ctx.lynx_head_text = _lynx_head_phrase(lines, lynx_head)
    state = State(lines=lines, layout=layout, end=end, urls=urls, refs=refs, url=url)
    parse_blocks(state)
    join_copy_block_cells(state)
    tag_copy_item_runs(state, _is_formula)
    pieces = splice_pieces(state.pieces, html_pieces)
    pieces = keep_paginated_document(join_lynx_card_items(pieces, lines, ctx), lines)
    pieces = split_at_marker_lines(pieces, lines, ctx)
    pieces = join_field_listings(pieces, lines, ctx)
    drop_furniture(pieces, ctx.plain, lines.text)
    drop_empty(pieces, ctx)
    drop_repeated_paragraphs(pieces)
    head_only = drop_page_furniture(pieces, ctx)
    drop_page_breaks(pieces)
    front = read_front_matter(
        pieces,
        markdown=layout.markdown,
        lynx=ctx.lynx,
        title=ctx.head_title,
        piece_lines=lambda piece: _piece_lines(piece, ctx),
    )
    drop_title_copies(pieces, front.title, ctx)
    drop_widget_lines(pieces, ctx)
    signature = drop_dated_bylines(pieces, ctx)
    if signature is not None:
        take_signature(front, signature)
    for piece in head_only:
        piece.kind = "dropped"  # a page's line above the article that is no front matter
    pieces = join_copy_item_runs(pieces, lines)
    mark_code(pieces, lines, ctx)
    label_headings(pieces, ctx)
    mark_captions(pieces, ctx)
    normalise_levels(pieces)
    blocks = _trim_rules(take_card_bodies(_blocks(pieces, ctx), ctx))
    doc = Document(
        title=header.title if header is not None and header.title else front.title,
        metadata=_metadata(front, header),
        blocks=blocks,
        source=SourceInfo(url=url, format="text", parser="text"),
    )
    doc = with_guessed_language(doc)
    return attrs.evolve(doc, verdict=judge(doc))


# A text with no Markdown of its own is Markdown with raw HTML when at least this many of
# its lines are nothing but tags ...
MIN_BARE_MARKUP_LINES = 8
# ... and they are at least this share of its lines that are not blank. pandoc's GFM of
# a page whose links all carry a class keeps every link, and so every heading and menu
# entry, as raw HTML: 62 to 475 such lines, 5% to 48% of the text; a text browser never
# prints a tag alone on a line (the most in the corpora's other renderings: 3).
MIN_BARE_MARKUP_SHARE = 0.04


def _is_bare_raw_html(lines: Lines, layout: Layout) -> bool:
    """Return True for Markdown that shows none of Markdown's own signs because every
    link, heading and list of it stayed raw HTML: at least :data:`MIN_BARE_MARKUP_LINES`
    lines of nothing but tags, :data:`MIN_BARE_MARKUP_SHARE` of its lines at least.

    Read as a text browser's dump, its tags were words: an ``<img`` tag wrapped over two
    lines and a menu's ``<div>`` lines read as the article (pandoc-gfm, 0.15 F1 on a news
    page whose links all carry a ``class``)."""
    if layout.lynx:
        return False
    markup = markup_line_numbers(lines.text, lines.indent)
    if len(markup) < MIN_BARE_MARKUP_LINES:
        return False
    filled = len(lines.blank) - sum(lines.blank)
    return len(markup) >= MIN_BARE_MARKUP_SHARE * filled


def _list_follows(live: list[Piece], index: int) -> bool:
    """Return True when a list comes right after ``live[index]``: one that a lead-in line
    ending in a colon introduces, neutral as the lead-in itself.

    The lead-in was neutral only when the piece below did not score against the article,
    but the list below it is made neutral in the same pass: a list of short items ("1.
    Habe Zeit für Träume" ...) scored as a menu and left its lead-in a short line, and
    with both a section could fall out of the article's run (trafilatura-eval whole-page
    recall w3m 0.898 -> 0.904, w3m-nowrap 0.907 -> 0.912, pandoc 0.886 -> 0.892).
    """
    return index + 1 < len(live) and live[index + 1].kind == "list"


# A date with a label on a line of its own, as a page prints it under a teaser or at the
# article's foot: "Aktualisiert am 17.01.2021.", "Publiziert: 03.04.2020, 12:35", "Energie
# 12.12.2022, 08:30 Uhr" (a numeric day-first date, which `parse_date` leaves alone).
_NUMERIC_DATELINE = re.compile(
    r"(?:[^\W\d_]{2,16}(?: am| on| le| el)?\s?:?\s+)?\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}"
    r"(?:\s?(?:[,|•·-]|um|at)?\s?\d{1,2}[:.]\d{2}(?:\s?uhr)?)?\.?",
    re.IGNORECASE,
)
# Longest line read as a dateline alone.
MAX_DATELINE_CHARS = 60


def _is_dateline(text: str) -> bool:
    """Return True for a line that is a date and at most a label and a time."""
    text = text.strip(" -*•>|")
    if len(text) > MAX_DATELINE_CHARS:
        return False
    return parse_date(text) is not None or bool(_NUMERIC_DATELINE.fullmatch(text))


def _drop_late_datelines(live: list[Piece], scores: list[float], first: int, ctx: _Context) -> None:
    """Drop a page's datelines standing after the article's first 400 characters of prose.

    The head's dateline (under the title) is the front matter's; one further down is a
    teaser's date or the page's "Aktualisiert am …" footer. On the trafilatura-eval dumps
    such lines hold 6 w3m, 3 lynx and 5 html2text snippets an extraction must leave out,
    and no article snippet (the prose threshold is `MIN_PROSE_BEFORE_END_CHARS`).
    """
    prose = 0.0
    for index in range(first, len(live)):
        piece = live[index]
        if (
            prose >= MIN_PROSE_BEFORE_END_CHARS
            and piece.kind in ("paragraph", "heading")
            and piece.line_count == 1
            and _is_dateline(ctx.plain(piece))
        ):
            piece.kind = "dropped"
        prose += max(0.0, scores[index])


# A comment's header line: the commenter's name, then the date and time of the comment
# ("Armanox June 28, 2015 at 10:25 pm", "Julia on 11/08/2020 at 9:52", "photobix 11.
# Dezember 2012 um 11:07", "Chris Anamani February 23, 2017 at 12:33 pm Reply").
_THREAD_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli"
    r"|oktober|dezember|janv|févr|mars|avr|juin|juil|août|sept|déc|ene|abr|ago|dic)[a-zé]{0,7}\.?"
)
_THREAD_DATE = (
    rf"(?:{_THREAD_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}|\d{{1,2}}\.?\s{_THREAD_MONTH}\s\d{{4}}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})"
)
_THREAD_TIME = r"\d{1,2}[:.h]\d{2}(?:\s?[ap]\.?m\.?|\s?uhr)?"
_COMMENT_HEADER = re.compile(
    rf"(?:\d{{1,3}}\.\s)?(?:[\w'’.-]+\s){{1,4}}(?:says?|schreibt|sagt|on|am|le|el|[,|–-])?\s?"
    rf"{_THREAD_DATE},?\s(?:at|um|à|a las|-|,|\|)?\s?{_THREAD_TIME}"
    r"(?:\s?(?:said|says|schrieb|sagte)?:?)?(?:\s(?:reply|antworten|répondre|responder|permalink))?",
    re.IGNORECASE,
)
# A comment's header that dates it relative to now, as comment systems do: "Woyzeck · 3
# hours ago", "2 days ago at 07:52 am" (the name is often the line above), "vor 3 Tagen
# um 10:15", "Jane - il y a 2 jours". A bare "13 hours ago" or "VOR 14 STUNDEN" is no
# comment's: pages date their teasers so, inside the article too (a text field's teaser
# between two paragraphs cut the article there, trafilatura-eval).
_THREAD_AGO = (
    r"(?:(?:\d{1,2}|an?|one)\s(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?"
    r"|months?|years?)\sago"
    r"|vor\s(?:\d{1,2}|einer?|einem)\s(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?"
    r"|monat(?:en)?|jahr(?:en)?)"
    r"|il\sy\sa\s(?:\d{1,2}|une?)\s(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)"
    r"|hace\s(?:\d{1,2}|una?)\s(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?"
    r"|años?))"
)
# A comment system's timestamp alone on its line, the name on the line above: a date, a
# word for "at" and a time ("November 19, 2019 at 5:10 pm", "2. April 2014 um 8:29 Uhr").
_BARE_COMMENT_HEADER = re.compile(
    rf"{_THREAD_DATE},?\s(?:at|um|à|a las)\s{_THREAD_TIME}"
    r"(?:\s(?:reply|antworten|répondre|responder|permalink))?",
    re.IGNORECASE,
)
_COMMENTER = r"(?:[\w'’.-]+\s){1,4}(?:says?|schreibt|[|·•–-])\s?"
_RELATIVE_COMMENT_HEADER = re.compile(
    rf"(?:(?:{_COMMENTER})?{_THREAD_AGO}\s(?:at|um|à|a las)\s{_THREAD_TIME}"
    rf"|{_COMMENTER}{_THREAD_AGO})"
    r"(?:\s(?:reply|edited|antworten|répondre|responder|permalink))?",
    re.IGNORECASE,
)
# A byline with the time of publication is the article's head, not a comment's.
_BYLINE_START = re.compile(r"(?:by|von|par|por|posted by|written by)\s", re.IGNORECASE)
# Longest comment header line, in characters.
MAX_COMMENT_HEADER_CHARS = 90
# A comment thread has at least this many headers: on the trafilatura-eval dumps 5 w3m
# pages hold 3 or more, every one in a comment thread below the article (no article
# snippet after the first); with 2 a dated teaser pair could pass.
MIN_THREAD_HEADERS = 3


def _is_comment_header_line(text: str) -> bool:
    """Return True for a line that heads a comment: a name, a date and a time ("Julia on
    11/08/2020 at 9:52"), or a date relative to now with or without a name ("2 days ago
    at 07:52 am", "Woyzeck · 3 hours ago")."""
    text = text.strip(" *_-•>[]|#")
    return (
        len(text) <= MAX_COMMENT_HEADER_CHARS
        and not _BYLINE_START.match(text)
        and bool(
            _COMMENT_HEADER.fullmatch(text)
            or _RELATIVE_COMMENT_HEADER.fullmatch(text)
            or _BARE_COMMENT_HEADER.fullmatch(text)
        )
    )


def _holds_comment_header(piece: Piece, ctx: _Context) -> bool:
    """Return True for a piece that holds a comment's header on a line of its own.

    A one-line piece is the header itself; in a longer piece (a browser's copy or a text
    browser sets a comment's name, header, text and votes with no blank line between
    them) any of its lines may be one.
    """
    if piece.kind not in ("paragraph", "heading", "list"):
        return False
    if ctx.lines is None:
        return piece.line_count == 1 and _is_comment_header_line(ctx.plain(piece))
    texts = ctx.lines.text
    return any(
        _is_comment_header_line(_plain_line(texts[i], ctx))
        for i in range(piece.first, piece.last + 1)
    )


def _plain_line(text: str, ctx: _Context) -> str:
    """Return one line of the text with its markup (Markdown, lynx's link marks) taken out."""
    return strip_markup(
        text, markdown=ctx.layout.markdown, lynx=ctx.lynx, html=ctx.layout.html
    ).strip()


def _score_comment_thread(live: list[Piece], scores: list[float], ctx: _Context) -> list[float]:
    """Return ``scores`` with a page's comment thread made furniture.

    A thread is found by its comments' header lines (name, date and time), three or more,
    after 400 characters of prose (`MIN_PROSE_BEFORE_END_CHARS`). A long thread holds more
    prose than a short post or a list article above it, and the article's best run fell
    in the comments; the counters in a page's head ("0 Comments") are no thread. From
    the first header on every piece scores against the article.
    """
    headers = [i for i, piece in enumerate(live) if _holds_comment_header(piece, ctx)]
    if len(headers) < MIN_THREAD_HEADERS:
        return scores
    first = headers[0]
    if sum(s for s in scores[:first] if s > 0) < MIN_PROSE_BEFORE_END_CHARS:
        return scores
    return scores[:first] + [-abs(s) if s else -1.0 for s in scores[first:]]
