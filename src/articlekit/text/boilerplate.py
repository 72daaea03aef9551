"""Boilerplate in text dumps: furniture lines, and the menus and footers of whole pages.

Two passes, jusText style (label each piece alone, then decide by context):

1. :func:`drop_furniture` marks single-line pieces such as ``Share:``, ``Advertisement``,
   ``Subscribe to our newsletter`` or a copyright line as dropped, wherever they stand.
2. :func:`find_article_span` scores each remaining piece (long prose with few links
   counts for its length, link lists and short lines against it) and keeps the
   contiguous run of pieces with the highest total, the maximum-subarray of those scores,
   computed in one pass. What lies outside is dropped only when it is clearly page
   furniture (its score is below :data:`MIN_DROPPED_SCORE`), so an article-only text
   keeps its short opening and closing lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from articlekit.text.rules import Piece
from articlekit.text.vocab import is_boilerplate_line

__all__ = [
    "PieceStats",
    "Span",
    "best_run",
    "drop_furniture",
    "find_article_span",
    "furniture_share",
    "is_link_list",
    "looks_like_page",
    "score_piece",
    "suffix_best_runs",
]

# Longest piece (in lines) that furniture matching looks at as a whole, and line by line.
MAX_FURNITURE_LINES = 2
MAX_FOOTER_LINES = 8
# A piece with more of its characters inside links than this is navigation.
MAX_LINK_DENSITY = 0.5
# Prose: at least this many words and a sentence end, or MIN_LONG_WORDS words.
MIN_PROSE_WORDS = 12
MIN_LONG_WORDS = 36
# What a short, link-free line (a menu entry in w3m output, a caption) costs, in chars:
# about a short sentence, so five menu lines outweigh one real paragraph's opening.
SHORT_PIECE_PENALTY_CHARS = 40
# A text is a whole page when at least this share of its scored text is furniture.
# Median share: 0.04-0.08 for the readability renderings (articles alone), 0.20-0.38 for
# the trafilatura-eval dumps (whole pages); 0.15 splits the two sets best.
PAGE_FURNITURE_SHARE = 0.15
MIN_PAGE_PIECES = 20
# On a whole page a short line costs more: menus and teasers stop the article sooner.
# Swept 40, 80, 150 on the trafilatura-eval dumps: 80 gains 0.01-0.03 F1 for each tool.
PAGE_SHORT_PIECE_PENALTY_CHARS = 80.0
# In a text shown without links (w3m) a list whose items average fewer words than
# this is a menu or a list of teaser headlines, not article text. Swept 3, 4, 6 on the
# trafilatura-eval dumps: 3 gains 0.005 w3m F1; html2text lost 0.002 (so only where the
# links are invisible); no change on the readability renderings. Applied to articles
# alone too (each item costing as a short line): +0.012 w3m whole-page F1, -0.001 w3m
# list-item F1 on the readability renderings.
MIN_PAGE_ITEM_WORDS = 3
# On a whole page a list of this many teasers or more (items cut off by an ellipsis:
# headline and excerpt, "... may soon...") is a box of links to other articles, however
# long its excerpts: on lynx and html2text dumps link density misses it (only the
# headline is a link). Seen on a news ticker and a "latest posts" box of the outside
# shingle set's dev half (2 sites).
MIN_TEASER_LIST_ITEMS = 2
# On a whole page a list counts for the article when its prose items hold this many
# characters (about two sentences).
MIN_PAGE_LIST_PROSE_CHARS = 150
# ... unless its other items, at least this many and this many for each prose item, are
# menu entries: a page's side column of link lists (w3m shows no links) with a blurb or a
# quote among them.
MIN_MENU_LIST_ITEMS = 20
MENU_ITEMS_A_PROSE_ITEM = 10
# A menu list or a ragged run of short lines weighs as this many short lines at most.
# Swept 3, 5, 10 on the w3m dumps: within 0.001 F1; 5 gained 0.012 w3m F1 over 1.
MAX_MENU_ITEM_LINES = 5
# Outside the best span, a side is dropped when its pieces score below this (chars):
# the weight of roughly four menu lines or 150 characters of links. Swept -300, -150,
# -80 on both dev sets: -150 gained 0.01 whole-page F1 for every tool and lost at most
# 0.005 heading F1 on the readability renderings; -80 cost 0.02 title accuracy more.
MIN_DROPPED_SCORE = -150.0
# Pieces before the span that are kept as the article's head (title, kicker, byline).
MAX_LEAD_PIECES = 4


@dataclass(slots=True, frozen=True)
class PieceStats:
    """Text facts of one piece: characters, words, characters inside links, sentence end."""

    chars: int
    words: int
    link_chars: int
    sentence: bool
    #: The piece holds form widgets as lynx and w3m draw them: "(BUTTON)", "[ ]", "____".
    form: bool = False
    #: The piece is the article's table of contents (numbered section links).
    contents: bool = False
    #: The piece reads as program text (code printed as a paragraph).
    code: bool = False
    #: The piece is the site's cookie or consent notice.
    notice: bool = False
    #: For a paragraph of short lines that were not wrapped into each other (teasers,
    #: menus), the characters of the wrapped prose among them; None for wrapped text.
    ragged_prose: int | None = None
    #: The piece is the site's newsletter or app prompt.
    prompt: bool = False
    #: The piece ends cut off by an ellipsis, as a teaser's excerpt does.
    teaser: bool = False
    #: For a list, the characters of its items that read as prose (sentences, not menus).
    prose_item_chars: int = 0
    #: For a list, how many of its items read as prose.
    prose_items: int = 0
    #: Lines of text in the piece.
    lines: int = 1
    #: The piece is a picture: nothing but image file names (how text browsers show an
    #: image without alt text), neutral in a gallery of pictures and captions.
    picture: bool = False
    #: List items in the piece, nested ones included (0 for other pieces, and when the
    #: text shows its links, so that link density judges its lists instead).
    items: int = 0
    #: The piece is a display formula as text browsers print MathML: one symbol a token.
    formula: bool = False
    #: For a list whose items are mostly teasers (each ends cut off by an ellipsis), the
    #: number of such items; 0 for other pieces.
    teaser_items: int = 0
    #: The piece is a column of short lines the page ended, hardly a sentence among
    #: them, joined into one paragraph or one list item (a mega-menu w3m prints under
    #: one bullet): however many words it holds, it is no prose.
    menu_column: bool = False

    @property
    def link_density(self) -> float:
        """Share of the characters inside links, 0.0-1.0."""
        return self.link_chars / self.chars if self.chars else 0.0


def drop_furniture(
    pieces: list[Piece], plain: Callable[[Piece], str], lines: Sequence[str] = ()
) -> None:
    """Mark share, advertising, subscription, cookie and copyright lines as dropped.

    A paragraph of a few lines (a footer that w3m printed without blank lines) goes when
    most of its ``lines`` are such lines.
    """
    for piece in pieces:
        if piece.kind not in ("paragraph", "heading"):
            continue
        if piece.line_count <= MAX_FURNITURE_LINES and is_boilerplate_line(plain(piece)):
            piece.kind = "dropped"
        elif lines and piece.line_count <= MAX_FOOTER_LINES:
            own = lines[piece.first : piece.last + 1]
            junk = sum(1 for line in own if is_boilerplate_line(line))
            if junk * 2 > len(own):
                piece.kind = "dropped"


def score_piece(piece: Piece, stats: PieceStats, *, page: bool = False) -> float:
    """Return how much ``piece`` speaks for being article text, in characters (+/-).

    On a whole ``page`` a short line costs more, text with braces and semicolons is
    script junk rather than an article's code sample, a teaser cut off by an ellipsis
    and a ragged run of short lines count as short lines, a list of teasers counts as
    a short line per teaser, and a list counts by its items that are sentences only.
    """
    short_penalty = PAGE_SHORT_PIECE_PENALTY_CHARS if page else SHORT_PIECE_PENALTY_CHARS
    if piece.kind in ("recommendations", "dropped", "rule") or stats.contents or stats.picture:
        return 0.0
    if stats.code and not page:
        return 0.0
    if stats.notice:
        # a notice is never the article's, and weighs against it at least as much as its
        # length, a short line, or what it would weigh without the notice in it (a footer
        # list of legal links holding "Copyright © Example" weighs as its items)
        plain = score_piece(piece, replace(stats, notice=False), page=page)
        return min(-float(stats.chars), -short_penalty, plain)
    if stats.link_density > MAX_LINK_DENSITY or stats.form:
        return -float(stats.chars)
    if piece.kind == "heading":
        return 0.0
    if stats.menu_column:
        return -short_penalty * MAX_MENU_ITEM_LINES
    if piece.kind in ("code", "quote") or stats.formula:
        return stats.chars / 2
    if page and stats.prompt:
        return -float(stats.chars)
    if page and stats.teaser:
        return -short_penalty
    if piece.kind == "list":
        if page and stats.teaser_items >= MIN_TEASER_LIST_ITEMS:
            return -short_penalty * min(stats.teaser_items, MAX_MENU_ITEM_LINES)
        if stats.items and stats.words < MIN_PAGE_ITEM_WORDS * stats.items:
            # a menu or a list of teaser headlines, w3m shows no links to tell them by:
            # each item weighs as a short line, up to MAX_MENU_ITEM_LINES of them
            return -short_penalty * min(stats.items, MAX_MENU_ITEM_LINES)
        if page and stats.items:
            # on a page shown without links only items that are sentences count: menus
            # and teaser cards have many words in short items (where links show, link
            # density judges them: this rule cost html2text 0.002 F1)
            prose = stats.prose_item_chars
            if prose < MIN_PAGE_LIST_PROSE_CHARS:
                return -short_penalty
            menu_items = stats.items - stats.prose_items
            if menu_items >= MIN_MENU_LIST_ITEMS and menu_items >= MENU_ITEMS_A_PROSE_ITEM * max(
                stats.prose_items, 1
            ):
                # a sidebar's link lists with a quote or a blurb among them (w3m prints a
                # page's side column as one list): its menu entries weigh as short lines
                return prose / 2 - short_penalty * MAX_MENU_ITEM_LINES
            return prose / 2
        return stats.chars / 2 if stats.words >= MIN_PROSE_WORDS * 2 else -short_penalty
    if page and stats.ragged_prose is not None:
        return stats.ragged_prose - short_penalty * min(stats.lines, MAX_MENU_ITEM_LINES)
    if (stats.words >= MIN_PROSE_WORDS and stats.sentence) or stats.words >= MIN_LONG_WORDS:
        return float(stats.chars)
    return -short_penalty


def furniture_share(scores: Sequence[float]) -> float:
    """Return the share of the scored text that speaks against being article, 0.0-1.0."""
    good = sum(s for s in scores if s > 0)
    bad = -sum(s for s in scores if s < 0)
    return bad / (good + bad) if good + bad else 0.0


# ... or when at least this many pieces outside the article's best run speak against
# being article: a menu above it, teasers and a footer below. An article alone has its
# title and a byline there. Swept 4, 6, 8, 10 on w3m output (no links to measure):
# 6 takes 278 of the 343 trafilatura-eval dumps for pages (202 by the share alone) and
# 23 of the 130 readability renderings (14 by the share alone).
MIN_PAGE_FURNITURE_PIECES = 6


def looks_like_page(scores: Sequence[float]) -> bool:
    """Return True when the text is a whole page (menus, footers), not an article alone.

    A short text is never taken for a page: a few short lines weigh too much in it.
    """
    if len(scores) < MIN_PAGE_PIECES:
        return False
    if furniture_share(scores) >= PAGE_FURNITURE_SHARE:
        return True
    span = find_article_span(list(scores))
    outside = [s for i, s in enumerate(scores) if s < 0 and not span.in_core(i)]
    return len(outside) >= MIN_PAGE_FURNITURE_PIECES


@dataclass(slots=True, frozen=True)
class Span:
    """Pieces ``first..last`` are kept; ``core_first..core_last`` is the best-scoring run."""

    first: int
    last: int
    core_first: int
    core_last: int
    #: Stretches ``(first, last)`` inside the core that are dropped all the same: a wall
    #: of furniture between the best run and a second run joined across it.
    gaps: tuple[tuple[int, int], ...] = ()

    def in_gap(self, index: int) -> bool:
        """Return True when piece ``index`` lies in one of the dropped :attr:`gaps`."""
        return any(lo <= index <= hi for lo, hi in self.gaps)

    def keeps(self, index: int) -> bool:
        """Return True when piece ``index`` is inside the kept span."""
        return self.first <= index <= self.last and not self.in_gap(index)

    def in_core(self, index: int) -> bool:
        """Return True when piece ``index`` is inside the best-scoring run."""
        return self.core_first <= index <= self.core_last and not self.in_gap(index)


def find_article_span(
    scores: list[float], heads: list[bool] | None = None, *, page: bool = False
) -> Span:
    """Return the span of pieces to keep, given each piece's score.

    The best-scoring contiguous run, widened to a side whose pieces do not clearly score
    as furniture; else widened by up to :data:`MAX_LEAD_PIECES` pieces right before it
    that ``heads`` marks as possible head lines (title, byline, date: not one-word menu
    entries). Without ``heads`` no piece is taken for a head line. Only on a whole
    ``page`` are the walls of furniture between joined runs dropped (:attr:`Span.gaps`).
    """
    n = len(scores)
    if n == 0:
        return Span(0, -1, 0, -1)
    best = float("-inf")
    best_first = best_last = 0
    running = 0.0
    run_first = 0
    for i, score in enumerate(scores):
        if running <= 0:
            running = 0.0
            run_first = i
        running += score
        if running > best:
            best = running
            best_first, best_last = run_first, i
    if best <= 0:
        return Span(0, n - 1, 0, n - 1)
    best_first, best_last, gaps = _join_split_halves(scores, best_first, best_last, best)
    if not page:
        gaps = ()  # an article alone keeps what stands between its runs
    before = sum(scores[:best_first])
    after = sum(scores[best_last + 1 :])
    first = 0 if before > MIN_DROPPED_SCORE else best_first
    last = n - 1 if after > MIN_DROPPED_SCORE else best_last
    if first == best_first and heads is not None:
        # keep the head: title, byline and dateline right before the text
        lead = first
        while lead > 0 and first - lead < MAX_LEAD_PIECES and heads[lead - 1]:
            lead -= 1
        first = lead
    return Span(first, last, best_first, best_last, gaps)


# A run of prose outside the best one that scores at least this share of it is the same
# article, cut in two by a table, a code listing or a gallery of short lines. Swept 0.3,
# 0.5, 0.7, 1.0 (off): 0.5 gains 0.01 heading F1 (html2text 0.92 -> 0.94, lynx 0.875 ->
# 0.883) on the readability renderings and 0.001-0.006 whole-page F1; 0.3 trades
# precision for recall on whole pages.
MIN_SPLIT_HALF_SHARE = 0.5
# The gap between the two runs is dropped, the runs kept, when it costs more than this
# many times the best run: a table or a listing that cuts an article in two costs a
# fraction of it, a wall of teasers and menus several times it (session 11 measured
# 1.2-6.1 on the outside shingle set's dev half, where refusing the join lost the
# article whenever the junk run outscored it: keeping both runs keeps it).
MAX_JOINED_GAP_SHARE = 2.0
# ... and when the prose inside it weighs less than this share of its furniture: an
# article's stretch of short lines (reviews and their signatures, a table under its
# notes) holds prose between them, a wall of teasers hardly any. On the outside shingle
# set's dev half, in ten renderings: walls 0.00-0.20, article stretches 0.31 and 0.50.
MAX_GAP_PROSE_SHARE = 0.25
# ... and only when the best run is an article's, at least this strong (in characters: a
# few paragraphs). A run of one paragraph is no evidence that what follows is furniture:
# on the readability renderings only runs of 208-446 found walls, test pages' link lists
# and index pages that Readability keeps; on the outside shingle set the walls stood
# next to runs of 534-4378.
MIN_WALLED_RUN_SCORE = 500.0


def best_run(scores: Sequence[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Return the best sum of a contiguous run of ``scores[lo:hi]`` and its bounds."""
    best, best_first, best_last = float("-inf"), lo, lo - 1
    running, run_first = 0.0, lo
    for i in range(lo, hi):
        if running <= 0:
            running, run_first = 0.0, i
        running += scores[i]
        if running > best:
            best, best_first, best_last = running, run_first, i
    return best, best_first, best_last


def suffix_best_runs(scores: Sequence[float]) -> list[float]:
    """Return, for each index ``j``, the best sum of a contiguous run within
    ``scores[j:]`` (one backward pass); the last entry, for the empty tail, is -inf."""
    out = [float("-inf")] * (len(scores) + 1)
    starting_here = float("-inf")
    for j in range(len(scores) - 1, -1, -1):
        starting_here = scores[j] + max(0.0, starting_here)
        out[j] = max(starting_here, out[j + 1])
    return out


def _join_split_halves(
    scores: Sequence[float], first: int, last: int, best: float
) -> tuple[int, int, tuple[tuple[int, int], ...]]:
    """Return the best run widened over a gap to a run of prose nearly as strong as it,
    and the gaps to drop all the same.

    One pass to each side: a second article half that scores at least
    :data:`MIN_SPLIT_HALF_SHARE` of the best run joins it, with the gap in between; a
    gap that costs more than :data:`MAX_JOINED_GAP_SHARE` times the best run is a wall
    of page furniture, not the article's table: it is returned to be dropped.
    """
    gaps: list[tuple[int, int]] = []
    after, after_first, after_last = best_run(scores, last + 1, len(scores))
    if after >= MIN_SPLIT_HALF_SHARE * best:
        if _is_wall(scores[last + 1 : after_first], best):
            gaps.append((last + 1, after_first - 1))
        last = after_last
    before, before_first, before_last = best_run(scores, 0, first)
    if before >= MIN_SPLIT_HALF_SHARE * best:
        if _is_wall(scores[before_last + 1 : first], best):
            gaps.append((before_last + 1, first - 1))
        first = before_first
    return first, last, tuple(gaps)


def _is_wall(gap: Sequence[float], best: float) -> bool:
    """Return True when the ``gap`` between two joined runs is a wall of page furniture:
    the ``best`` run is an article's (:data:`MIN_WALLED_RUN_SCORE`), the gap costs more
    than :data:`MAX_JOINED_GAP_SHARE` times it, and what prose it holds weighs less than
    :data:`MAX_GAP_PROSE_SHARE` of its furniture."""
    prose = sum(score for score in gap if score > 0)
    furniture = -sum(score for score in gap if score < 0)
    return (
        best >= MIN_WALLED_RUN_SCORE
        and furniture - prose > MAX_JOINED_GAP_SHARE * best
        and prose < MAX_GAP_PROSE_SHARE * furniture
    )


# A link list has at least this many links: one or two linked lines are ordinary text.
MIN_LINK_LIST_LINKS = 3


def is_link_list(stats: PieceStats, links: int) -> bool:
    """Return True for navigation: mostly link text, several links."""
    return links >= MIN_LINK_LIST_LINKS and stats.link_density > MAX_LINK_DENSITY
