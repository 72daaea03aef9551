"""What a page was: ``judge`` returns a Verdict (article, listing, consent, paywall, error, empty).

A scraper fetches plenty of pages that are not articles: home pages and category listings,
cookie or consent walls, paywall stubs, 404 pages, empty JavaScript shells. Extracting "the
article" from them stitches junk together. :func:`judge` looks at the extracted Document (and,
for HTML, at a few facts about the whole page gathered by :func:`page_signals` before any
cleaning) and says what the page most likely was, how sure it is, and why.

How it decides, in short:

1. Document features: body text length, text in prose paragraphs (>= 80 characters),
   link density, links that are headlines, recommendation items, and phrases typical of
   consent walls, paywalls and error pages in the body and title.
2. Page features (:class:`PageSignals`, optional): visible text and link text of the whole
   page, headline links (teaser cards), ``<article>``/``<time>`` counts, JSON-LD ``@type``
   values, ``og:type``, an HTTP status found in the title or ``<h1>``, consent and paywall
   phrases and markup.
3. One score in 0.0-1.0 per kind from small named predicates (``article_score``,
   ``looks_like_listing``, ``looks_like_consent_wall``, ``looks_like_paywall_stub``,
   ``looks_like_error_page``, ``empty_score``). Non-article scores are damped by the amount
   of real prose, so a long article with a cookie banner or a "subscribe" box stays an
   article. The highest score wins; ``confidence`` is that score times its share of all
   scores, so a weak or contested winner gets a low confidence.

Every number that went into the decision comes back as a :class:`~articlekit.model.Signal`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any, Final

import attrs
from lxml import etree

from articlekit._caseless import CaseBlind
from articlekit.model import (
    VERDICT_KINDS,
    Block,
    Code,
    Document,
    Figure,
    Heading,
    Image,
    LineBreak,
    Link,
    List,
    Paragraph,
    Quote,
    Signal,
    Table,
    Text,
    Verdict,
    plain_text,
    walk,
)

__all__ = [
    "ARTICLE_JSONLD_TYPES",
    "LISTING_JSONLD_TYPES",
    "DocFeatures",
    "PageSignals",
    "article_score",
    "declares_listing",
    "doc_features",
    "empty_score",
    "find_status_hint",
    "judge",
    "listing_prose_override",
    "looks_like_consent_wall",
    "looks_like_error_page",
    "looks_like_listing",
    "looks_like_paywall_stub",
    "page_signals",
    "reads_as_entries",
]

# --------------------------------------------------------------------------- thresholds
# Chosen by running benchmarks/verdict_accuracy.py on the dev corpora (473 article pages)
# and tests/data/nonarticles: with these values article precision is 1.000 and recall
# 0.985; the misses are near-empty test fixtures, a photo gallery and a 230-character post.
# Scores saturate (reach 1.0) at the *_FULL_* values; *_OVERRIDE_* prose cancels evidence.

#: A paragraph this long (characters) counts as prose rather than a caption or teaser line.
PROSE_PARAGRAPH_CHARS = 80
#: A paragraph with more than this share of link text is a teaser or link list, not prose.
PROSE_MAX_LINK_SHARE = 0.3
#: Prose characters at which the length part of the article score saturates.
ARTICLE_FULL_PROSE_CHARS = 900
#: Body characters at which the total-length part of the article score saturates.
ARTICLE_FULL_TEXT_CHARS = 1500
#: Below this many body characters a page starts to look empty (score 1.0 at 0 characters).
EMPTY_FULL_CHARS = 200
#: A link whose text is at least this long (CJK characters count double) and has >= 3
#: words (a CJK character counts half) may be a teaser headline.
HEADLINE_LINK_CHARS = 20
#: Number of headline links at which the listing evidence from them saturates.
LISTING_FULL_HEADLINES = 12
#: Headings that are links at which that listing evidence saturates.
LISTING_FULL_LINKED_HEADINGS = 5
#: Prose in one section that fully outweighs listing evidence (long articles with many
#: related links stay articles).
LISTING_PROSE_OVERRIDE_CHARS = 2000
#: Prose in all that fully outweighs listing evidence, however fragmented.
LISTING_TOTAL_PROSE_OVERRIDE_CHARS = 5000
#: ...or this much prose per linked heading, when more: a listing's entries each carry a
#: summary under their linked headline, and 50 entries hold more summary than 5000.
LISTING_PROSE_PER_ENTRY_CHARS = 400
#: Content with at least ``LISTING_FULL_LINKED_HEADINGS`` linked headings and no run of
#: prose between two of them longer than this (characters) reads as a list of entries: a
#: summary under each linked headline, where an article with linked headings (a roundup
#: of products or links) has long sections between them.
ENTRY_LISTING_MAX_SECTION_CHARS = 500
#: The article score of such a list of entries is multiplied by this.
ENTRY_LISTING_ARTICLE_FACTOR = 0.6
#: The article score of a page whose structured data declares a listing and no article
#: (:func:`declares_listing`) is multiplied by this.
DECLARED_LISTING_ARTICLE_FACTOR = 0.3
#: Prose characters that fully outweigh consent, paywall and error evidence.
CONSENT_PROSE_OVERRIDE_CHARS = 1200
PAYWALL_PROSE_OVERRIDE_CHARS = 2000
ERROR_PROSE_OVERRIDE_CHARS = 1500
#: A listing, consent, paywall or error score at least this high wins over "empty".
SPECIFIC_OVER_EMPTY = 0.5
#: Largest ``<script type="application/ld+json">`` we parse for ``@type`` (characters).
MAX_JSONLD_CHARS = 1_000_000

ARTICLE_JSONLD_TYPES: frozenset[str] = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "report",
        "scholarlyarticle",
        "techarticle",
        "opinionnewsarticle",
        "analysisnewsarticle",
        "reportagenewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "liveblogposting",
        "socialmediaposting",
        "discussionforumposting",
        "medicalscholarlyarticle",
        "satiricalarticle",
        "advertisercontentarticle",
        "review",
        "recipe",
        "howto",
    }
)
LISTING_JSONLD_TYPES: frozenset[str] = frozenset(
    {"collectionpage", "itemlist", "searchresultspage", "blog"}
)


def _phrases(*items: str) -> re.Pattern[str]:
    """Return a pattern matching any of ``items``, the longest one where several start.

    The phrases are compiled as a prefix tree ("page (?:not found|does not exist)"): a
    flat alternation of 60 phrases is tried phrase by phrase at every character, which
    cost ~0.35 ms per page for the three lists; the tree matches the same spans about
    2.5 times faster.
    """
    trie: dict[str, Any] = {}
    for item in items:
        node = trie
        for ch in item:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here
    pattern = re.compile(_trie_regex(trie))
    _PHRASE_KEYS[pattern] = _phrase_keys(items)
    return pattern


# For each phrase pattern, its phrases as plain strings (see _phrase_keys): text holding
# none of them holds no phrase, and the regex scan is skipped. On trafilatura-eval 3 page
# heads in 1000 hold a phrase; the three scans of a page's first 3000 characters cost
# ~0.5 ms, the substring tests (in C, no match attempted at every character) about half.
# Most phrases are only tested when their anchor word (see _anchor_word) is a word of the
# text, which skips ~60% of the tests (0.18 -> ~0.10 ms a page for the three lists).
_PHRASE_KEYS: dict[re.Pattern[str], _PhraseKeys] = {}


@attrs.frozen
class _PhraseKeys:
    """A pattern's phrases as plain strings: those tested in every text, and the others by
    their anchor word (tested only in a text holding that word)."""

    always: tuple[str, ...]
    by_anchor: dict[str, tuple[str, ...]]
    # ``always`` without the phrases that hold a character outside ASCII, which no ASCII
    # text holds: a third of them (Chinese, Japanese, "akceptuję"), each a scan of the page
    # head for nothing (the three lists' tests were ~0.8% of parse_html's instructions)
    ascii_always: tuple[str, ...]

    def any_in(self, text: str, tokens: Collection[str]) -> bool:
        """Return True when one of the phrases occurs in ``text`` (its tokens: ``tokens``)."""
        always = self.ascii_always if text.isascii() else self.always
        if any(map(text.__contains__, always)):
            return True
        by_anchor = self.by_anchor
        return any(key in text for word in by_anchor.keys() & tokens for key in by_anchor[word])


def _phrase_keys(items: Iterable[str]) -> _PhraseKeys:
    """Return the phrases of ``items`` that hold no shorter one (text holding that one holds
    the shorter one too, so one test covers both), shortest first, by anchor word."""
    keys: list[str] = []
    for item in sorted(items, key=len):
        if not any(key in item for key in keys):
            keys.append(item)
    always: list[str] = []
    by_anchor: dict[str, tuple[str, ...]] = {}
    for key in keys:
        anchor = _anchor_word(key)
        if anchor:
            by_anchor[anchor] = (*by_anchor.get(anchor, ()), key)
        else:
            always.append(key)
    return _PhraseKeys(
        always=tuple(always),
        by_anchor=by_anchor,
        ascii_always=tuple(key for key in always if key.isascii()),
    )


def _anchor_word(phrase: str) -> str:
    """Return the longest word of ``phrase`` between two of its spaces, or "" if none.

    Text holding the phrase holds that word between two spaces as well, so the word is one
    of the text's space-separated tokens: a text whose tokens lack it cannot hold the
    phrase. (The first and last words may be the ends of longer words of the text.)
    """
    inner = phrase.split(" ")[1:-1]
    return max(inner, key=len) if inner else ""


def _trie_regex(node: dict[str, Any]) -> str:
    """Return the regex of a prefix tree; a phrase ending mid-way makes the rest optional."""
    children = sorted(key for key in node if key)
    if not children:
        return ""
    branches = [re.escape(key) + _trie_regex(node[key]) for key in children]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    # greedy "?": the longer phrase wins, as it did in a longest-first alternation
    return f"(?:{body})?"


#: Text of error pages (matched on lowercased, whitespace-collapsed text).
ERROR_PHRASES = _phrases(
    "page not found",
    "page cannot be found",
    "page could not be found",
    "page you requested could not be found",
    "page you are looking for",
    "page you're looking for",
    "page you were looking for",
    "page does not exist",
    "page doesn't exist",
    "page no longer exists",
    "this page isn't available",
    "file not found",
    "404 not found",
    "error 404",
    "404 error",
    "410 gone",
    "internal server error",
    "service unavailable",
    "403 forbidden",
    "access denied",
    "seite nicht gefunden",
    "seite wurde nicht gefunden",
    "die angeforderte seite",
    "diese seite existiert nicht",
    "page introuvable",
    "la page que vous recherchez",
    "page demandée n'existe pas",
    "cette page n'existe pas",
    "página no encontrada",
    "la página que buscas",
    "la página que busca",
    "esta página no existe",
    "página não encontrada",
    "a página que você procura",
    "pagina non trovata",
    "la pagina che stai cercando",
    "pagina niet gevonden",
    "deze pagina bestaat niet",
    "strona nie została znaleziona",
    "nie znaleziono strony",
    "sidan kunde inte hittas",
    "siden blev ikke fundet",
    "sivua ei löytynyt",
    "stránka nenalezena",
    "страница не найдена",
    "сторінку не знайдено",
    "sayfa bulunamadı",
    "ページが見つかりません",
    "お探しのページは見つかりませんでした",
    "找不到页面",
    "页面不存在",
    "页面未找到",
    "找不到網頁",
    "페이지를 찾을 수 없습니다",
    "الصفحة غير موجودة",
)
#: Text of cookie and consent walls.
CONSENT_PHRASES = _phrases(
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "uses cookies to",
    "accept all cookies",
    "accept cookies",
    "accept all",
    "reject all",
    "manage preferences",
    "manage cookies",
    "cookie settings",
    "cookie policy",
    "privacy settings",
    "your privacy choices",
    "we value your privacy",
    "before you continue",
    "consent to the use",
    "legitimate interest",
    "our partners",
    "wir verwenden cookies",
    "diese website verwendet cookies",
    "alle akzeptieren",
    "alle ablehnen",
    "einwilligung",
    "bevor sie fortfahren",
    "datenschutzeinstellungen",
    "nous utilisons des cookies",
    "ce site utilise des cookies",
    "tout accepter",
    "tout refuser",
    "vos choix en matière de cookies",
    "paramétrer les cookies",
    "utilizamos cookies",
    "este sitio utiliza cookies",
    "aceptar todo",
    "aceptar todas",
    "rechazar todo",
    "configuración de cookies",
    "utilizziamo i cookie",
    "accetta tutti",
    "rifiuta tutti",
    "wij gebruiken cookies",
    "alles accepteren",
    "alle cookies accepteren",
    "używamy plików cookie",
    "akceptuję",
    "vi använder cookies",
    "godkänn alla",
    "мы используем cookie",
    "cookieを使用",
    "我们使用cookie",
    "使用cookie",
)
#: Text of paywall and login stubs.
PAYWALL_PHRASES = _phrases(
    "subscribe to continue reading",
    "subscribe to read",
    "subscribe to keep reading",
    "subscribe now to continue",
    "to continue reading",
    "continue reading this article",
    "this article is for subscribers",
    "this content is for subscribers",
    "for subscribers only",
    "subscribers only",
    "exclusive to subscribers",
    "already a subscriber",
    "already have an account? sign in",
    "sign in to continue reading",
    "log in to continue reading",
    "become a member to read",
    "start your free trial",
    "unlock this article",
    "you have reached your limit",
    "you've reached your limit",
    "free articles remaining",
    "jetzt abonnieren",
    "weiterlesen mit",
    "dieser artikel ist exklusiv",
    "exklusiv für abonnenten",
    "bereits abonnent",
    "réservé aux abonnés",
    "cet article est réservé",
    "déjà abonné",
    "abonnez-vous pour lire",
    "contenido exclusivo para suscriptores",
    "suscríbete para seguir leyendo",
    "suscríbete para continuar",
    "ya eres suscriptor",
    "riservato agli abbonati",
    "abbonati per continuare",
    "sei già abbonato",
    "alleen voor abonnees",
    "word abonnee",
    "artykuł dostępny dla subskrybentów",
    "materiał dostępny",
    "только для подписчиков",
    "会員限定",
    "订阅后继续阅读",
)
#: An HTTP error status in a title or main heading: "404", "Error 404", "404 - Not found".
_STATUS_IN_TITLE = re.compile(
    r"(?<![\d.,/:-])(4\d\d|5\d\d)(?![\d.,/:%-])(?=.*?(?:error|fehler|erreur|not found|"
    r"nicht gefunden|introuvable|no encontrad|non trovat|niet gevonden|forbidden|gone|"
    r"unavailable|server|page|seite|página|pagina|страниц|ページ|页|oops|sorry))"
    r"|(?:error|fehler|erreur|oops)\W{0,3}(4\d\d|5\d\d)\b",
    re.IGNORECASE,
)
_BARE_STATUS = re.compile(r"^\W*(4\d\d|5\d\d)\W*$")
#: Class or id fragments of consent-management and paywall markup (widespread vendors and
#: naming conventions, not single sites).
#: (CaseBlind: searched in all of a page's class and id names at once, 10,000 characters on
#: a large page, where a case-blind regex cost 2.4 and 1.7 ms; see articlekit._caseless)
#: ("c(?<=\bc)mp\b" is "\bcmp\b" opening with its letter: with every branch opening with a
#: letter the engine skips ahead to the next possible first letter, 0.65 -> 0.09 ms there.)
_CONSENT_ATTR = CaseBlind(
    r"cookie|consent|gdpr|c(?<=\bc)mp\b|cmp-|didomi|onetrust|cookiebot|usercentrics|sp_message|"
    r"qc-cmp|truste|privacy-wall|tcf"
)
_PAYWALL_ATTR = CaseBlind(
    r"paywall|pay-wall|subscriber-only|subscribers-only|premium-wall|regwall|"
    r"meter-wall|piano-|tp-modal|locked-content|article-locked"
)
_SPACE = re.compile(r"\s+")
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _normalise(text: str) -> str:
    """Return ``text`` lowercased, whitespace-collapsed, with typographic apostrophes plain.

    ``str.split()`` splits at exactly the characters ``\\s`` matches (no-break spaces
    included) and drops the edges: the same text as a ``\\s+`` substitution and a strip,
    made in C without a regex step per character (a page head of 3000 characters took
    ~0.1 ms that way).
    """
    return " ".join(text.replace("\u2019", "'").split()).lower()


def _distinct(pattern: re.Pattern[str], text: str) -> int:
    return _distinct_normalised(pattern, _normalise(text))


def _distinct_normalised(
    pattern: re.Pattern[str], normalised: str, tokens: Collection[str] | None = None
) -> int:
    """Return how many different phrases of ``pattern`` occur in already-normalised text.

    ``tokens``: the set of ``normalised.split(" ")``, when the caller has it already.
    """
    keys = _PHRASE_KEYS.get(pattern)
    if keys is not None:
        if tokens is None:
            tokens = set(normalised.split(" "))
        if not keys.any_in(normalised, tokens):
            return 0  # no phrase can occur: each holds one of the keys
    return len({m.group(0) for m in pattern.finditer(normalised)})


def find_status_hint(text: str | None) -> str | None:
    """Return the HTTP error status a title or heading announces ("404", ...), or None.

    A bare number is a status only on its own ("404"); otherwise it needs an error word
    next to it ("Error 404", "404 - Page not found"), so "500 recipes" is not an error.
    When the text names an error page without a number ("Page not found"), returns
    ``"not-found"``.
    """
    if not text:
        return None
    found = _STATUS_IN_TITLE.search(text) or _BARE_STATUS.match(text)
    if found:
        return next(g for g in found.groups() if g)
    if ERROR_PHRASES.search(_normalise(text)):
        return "not-found"
    return None


# --------------------------------------------------------------------------- page signals


@attrs.frozen(kw_only=True)
class PageSignals:
    """Facts about a whole HTML page, gathered before cleaning (all optional).

    - ``page_text_chars`` / ``page_link_chars``: visible text of the page and the part of
      it inside links (scripts, styles and ``<head>`` left out).
    - ``page_paragraphs``: ``<p>`` elements with at least ``PROSE_PARAGRAPH_CHARS``.
    - ``headline_links``: links that look like teaser headlines (in or around a heading,
      at least ``HEADLINE_LINK_CHARS`` and three words): the cards of a listing page.
    - ``article_elements`` / ``time_elements``: counts of ``<article>`` and ``<time>``.
    - ``jsonld_types``: every JSON-LD ``@type``, lowercased; ``og_type``: ``og:type``.
    - ``accessible_for_free``: JSON-LD ``isAccessibleForFree`` when given.
    - ``title_text`` / ``h1_texts``: the ``<title>`` and the ``<h1>`` texts.
    - ``status_hint``: an HTTP error status found in the title or an ``<h1>`` ("404", or
      "not-found" for wording without a number).
    - ``consent_phrases`` / ``paywall_phrases`` / ``error_phrases``: distinct phrases of
      each family in the visible text; ``consent_markup`` / ``paywall_markup``: an element
      whose class or id names a consent manager or a paywall.
    - ``password_field``: the page has an ``<input type="password">`` (login walls).
    """

    page_text_chars: int = 0
    page_link_chars: int = 0
    page_paragraphs: int = 0
    headline_links: int = 0
    article_elements: int = 0
    time_elements: int = 0
    jsonld_types: tuple[str, ...] = ()
    og_type: str | None = None
    accessible_for_free: bool | None = None
    title_text: str | None = None
    h1_texts: tuple[str, ...] = ()
    status_hint: str | None = None
    consent_phrases: int = 0
    consent_markup: bool = False
    paywall_phrases: int = 0
    paywall_markup: bool = False
    error_phrases: int = 0
    password_field: bool = False

    @property
    def consent_marker(self) -> bool:
        """Return True when the page shows consent-wall wording or consent-manager markup."""
        return self.consent_phrases > 0 or self.consent_markup

    @property
    def paywall_marker(self) -> bool:
        """Return True when the page shows paywall wording, markup or a closed JSON-LD flag."""
        return self.paywall_phrases > 0 or self.paywall_markup or self.accessible_for_free is False

    @property
    def page_link_density(self) -> float:
        """Return the share of the page's visible text that is link text."""
        return self.page_link_chars / self.page_text_chars if self.page_text_chars else 0.0


def jsonld_types(scripts: Iterable[str]) -> tuple[str, ...]:
    """Return the JSON-LD ``@type`` values (lowercased) of ``<script>`` texts."""
    return _jsonld_facts(scripts)[0]


def jsonld_value_types(scripts: Iterable[list[Any]]) -> tuple[str, ...]:
    """Return the JSON-LD ``@type`` values (lowercased) of scripts already parsed: each
    script's list of JSON values (:func:`articlekit.html.metadata.parse_jsonld`)."""
    types: dict[str, None] = {}
    for values in scripts:
        for node in _jsonld_nodes(values):
            types.update(dict.fromkeys(_node_types(node)))
    return tuple(types)


def _jsonld_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Yield every JSON object in ``data`` (a parsed JSON value), nested ones too."""
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            yield node
            stack.extend(v for v in node.values() if isinstance(v, (dict, list)))


def jsonld_type_names(node: dict[str, Any]) -> Iterator[str]:
    """Yield the JSON object's ``@type`` names as written, without a vocabulary URL
    (``"http://schema.org/NewsArticle"`` gives ``"NewsArticle"``); blank ones are none."""
    kind = node.get("@type")
    for name in kind if isinstance(kind, list) else [kind]:
        if isinstance(name, str) and name.strip():
            yield name.strip().rsplit("/", 1)[-1]


def _node_types(node: dict[str, Any]) -> Iterator[str]:
    """Yield the JSON object's ``@type`` names, lowercased, without a vocabulary URL."""
    for name in jsonld_type_names(node):
        yield name.lower()


def _jsonld_facts(scripts: Iterable[str]) -> tuple[tuple[str, ...], bool | None]:
    """Return the JSON-LD ``@type`` values (lowercased) and ``isAccessibleForFree``."""
    types: list[str] = []
    free: bool | None = None
    for source in scripts:
        if len(source) > MAX_JSONLD_CHARS:
            continue
        try:
            data: Any = json.loads(source)
        except (ValueError, RecursionError):
            continue
        for node in _jsonld_nodes(data):
            types.extend(_node_types(node))
            flag = node.get("isAccessibleForFree")
            if isinstance(flag, bool):
                free = flag if free is None else free and flag
            elif isinstance(flag, str) and flag.strip().lower() in ("false", "true"):
                value = flag.strip().lower() == "true"
                free = value if free is None else free and value
    return tuple(dict.fromkeys(types)), free


#: Runs of characters below U+2E80 (where the CJK ranges start): removing them leaves the
#: wide characters, counted in C rather than by a Python loop over every character (a
#: 5,000-character paragraph with one emoji or U+FEFF cost ~0.15 ms in that loop).
_NARROW_RUNS = re.compile("[^\u2e80-\U0010ffff]+")


# Any character at or above U+2E80. Most text has none: ``isascii`` (a flag of the string)
# or one search in C says so. ``max(text)``, used before, compared every character as a
# one-character string: ~17 us for a 500-character paragraph, 6% of all of parse_html's
# instructions on trafilatura-eval (callgrind), against ~3 us for this search.
_WIDE = re.compile("[\u2e80-\U0010ffff]")


def _wide_chars(text: str) -> int:
    """Return how many characters of ``text`` are at or above U+2E80 (CJK, emoji, ...)."""
    if text.isascii() or _WIDE.search(text) is None:
        return 0
    return len(_NARROW_RUNS.sub("", text))


def _words(text: str) -> int:
    """Return the number of words, counting each CJK character as half a word."""
    return len(text.split()) + _wide_chars(text) // 2


def _weighted_len(text: str) -> int:
    """Return the length of ``text`` with CJK characters counted twice.

    A Chinese or Japanese sentence says in 40 characters what English says in 80-100, so
    the prose thresholds would otherwise miss CJK articles.
    """
    return len(text) + _wide_chars(text)


def _headline_sized(chars: int, words: int) -> bool:
    """Return True when a link's text is as long as a teaser headline."""
    return words >= 3 and chars >= HEADLINE_LINK_CHARS


def page_signals(root: Any) -> PageSignals:
    """Return the :class:`PageSignals` of an lxml HTML tree, in one pass over it.

    Pure: the tree is not changed. Call it on the full tree, before any cleaning.
    """
    text_chars = link_chars = paragraphs = headline_links = 0
    articles = times = 0
    password = False
    names: list[str] = []  # ids and classes, searched once at the end
    og_type: str | None = None
    title: str | None = None
    h1s: list[str] = []
    jsonld: list[str] = []
    visible: list[str] = []
    open_p: list[int] = []
    open_h1: list[list[str]] = []
    hidden = link_depth = heading_depth = 0
    link_stack: list[list[Any]] = []  # [chars, words, headline-flag]

    def add_text(text: str | None) -> None:
        nonlocal text_chars, link_chars
        if not text or hidden:
            return
        stripped = text.strip()
        if not stripped:
            return
        size = len(stripped)
        text_chars += size
        visible.append(stripped)
        if link_depth:
            link_chars += size
            weighted = _weighted_len(stripped)
            words = _words(stripped)
            for entry in link_stack:
                entry[0] += weighted
                entry[1] += words
        for index in range(len(open_p)):
            open_p[index] += size
        for parts in open_h1:
            parts.append(stripped)

    try:
        events: Iterator[tuple[str, Any]] = etree.iterwalk(root, events=("start", "end"))
        for event, el in events:
            if not isinstance(el.tag, str):  # comment or processing instruction
                if event == "end":
                    add_text(el.tail)
                continue
            tag = el.tag.rsplit("}", 1)[-1].lower()
            if event == "start":
                if tag in _HIDDEN_TAGS:
                    hidden += 1
                    if tag == "script":
                        kind = (el.get("type") or "").strip().lower()
                        if kind == "application/ld+json" and el.text:
                            jsonld.append(el.text)
                    elif tag == "head":
                        for meta in el.iter("meta", "title"):
                            if meta.tag == "title" and title is None:
                                title = _SPACE.sub(" ", meta.text_content()).strip() or None
                            elif (meta.get("property") or meta.get("name") or "").lower() == (
                                "og:type"
                            ):
                                og_type = (meta.get("content") or "").strip().lower() or None
                    continue
                if tag == "meta" and og_type is None:
                    if (el.get("property") or el.get("name") or "").lower() == "og:type":
                        og_type = (el.get("content") or "").strip().lower() or None
                elif tag == "title" and title is None and not hidden:
                    title = _SPACE.sub(" ", el.text_content()).strip() or None
                ident, classes = el.get("id"), el.get("class")
                if ident:
                    names.append(ident)
                if classes:
                    names.append(classes)
                if tag == "a":
                    link_depth += 1
                    link_stack.append([0, 0, heading_depth > 0])
                elif tag == "p":
                    open_p.append(0)
                elif tag in _HEADING_TAGS:
                    heading_depth += 1
                    for entry in link_stack:
                        entry[2] = True
                    if tag == "h1":
                        open_h1.append([])
                elif tag == "article":
                    articles += 1
                elif tag == "time":
                    times += 1
                elif tag == "input" and (el.get("type") or "").lower() == "password":
                    password = True
                add_text(el.text)
            else:
                if tag in _HIDDEN_TAGS:
                    hidden -= 1
                elif tag == "a" and link_stack:
                    chars, words, headline = link_stack.pop()
                    link_depth -= 1
                    if headline and _headline_sized(chars, words):
                        headline_links += 1
                elif tag == "p" and open_p:
                    if open_p.pop() >= PROSE_PARAGRAPH_CHARS:
                        paragraphs += 1
                elif tag in _HEADING_TAGS:
                    heading_depth -= 1
                    if tag == "h1" and open_h1:
                        text = " ".join(open_h1.pop()).strip()
                        if text:
                            h1s.append(text)
                add_text(el.tail)
    except (etree.LxmlError, ValueError) as exc:  # pragma: no cover - iterwalk on a valid tree
        from articlekit.errors import ParseError

        raise ParseError(f"cannot read page signals: {exc}") from exc

    # normalised and split into tokens once for the three phrase lists below (each
    # normalised the whole page's text again: ~0.4 ms a page)
    page_text = _normalise(" ".join(visible))
    page_tokens = set(page_text.split(" "))
    all_names = "\n".join(names)
    types, free = _jsonld_facts(jsonld)
    status = find_status_hint(title)
    for heading in h1s:
        status = status or find_status_hint(heading)
    return PageSignals(
        page_text_chars=text_chars,
        page_link_chars=link_chars,
        page_paragraphs=paragraphs,
        headline_links=headline_links,
        article_elements=articles,
        time_elements=times,
        jsonld_types=types,
        og_type=og_type,
        accessible_for_free=free,
        title_text=title,
        h1_texts=tuple(h1s),
        status_hint=status,
        consent_phrases=_distinct_normalised(CONSENT_PHRASES, page_text, page_tokens),
        consent_markup=_CONSENT_ATTR.search(all_names),
        paywall_phrases=_distinct_normalised(PAYWALL_PHRASES, page_text, page_tokens),
        paywall_markup=_PAYWALL_ATTR.search(all_names),
        error_phrases=_distinct_normalised(ERROR_PHRASES, page_text, page_tokens),
        password_field=password,
    )


# --------------------------------------------------------------------------- document features


@attrs.frozen(kw_only=True)
class DocFeatures:
    """What :func:`judge` measures on the Document itself."""

    text_chars: int
    prose_chars: int
    prose_paragraphs: int
    link_density: float
    headings: int
    linked_headings: int
    recommendation_items: int
    consent_phrases: int
    paywall_phrases: int
    error_phrases: int
    status_hint: str | None
    #: Most prose between two teaser headlines (headings or paragraphs that are links):
    #: an article's whole prose, a listing's longest summary.
    max_section_prose: int = 0


# Characters of the body's text (whitespace collapsed) searched for consent, paywall and
# error phrases: they stand at the top of such pages.
HEAD_CHARS: Final = 3000


def _normalised_length(body: Iterable[Block], head_chars: int) -> tuple[int, str]:
    """Return the length of the body's text with whitespace collapsed, and its first chars.

    The same as ``" ".join(doc.plain_text().split())`` (blocks are joined by whitespace, so
    no word spans two blocks), block by block: the whole text of a 50 MB page is never
    built, nor a list of its words.
    """
    length = _CollapsedLength(head_chars)
    for block in body:
        length.add(plain_text(block).split())
    return length.total, length.head()


class _CollapsedLength:
    """Length and first characters of a text given block by block as lists of words."""

    __slots__ = ("head_chars", "head_len", "parts", "total")

    def __init__(self, head_chars: int) -> None:
        self.head_chars = head_chars
        self.total = 0
        self.parts: list[str] = []
        self.head_len = 0

    def add(self, words: list[str]) -> None:
        """Count one block's words (joined to the blocks before by one space)."""
        if not words:
            return
        if self.total:
            self.total += 1  # the space between two blocks
        self.total += sum(map(len, words)) + len(words) - 1
        if self.head_len < self.head_chars:
            part = " ".join(words)
            self.parts.append(part)
            self.head_len += len(part) + 1

    def add_joined(self, text: str) -> None:
        """Count one block's words already joined by single spaces (``" ".join(words)``):
        the same as :meth:`add` of its words, without joining or measuring them again."""
        if not text:
            return
        if self.total:
            self.total += 1
        self.total += len(text)
        if self.head_len < self.head_chars:
            self.parts.append(text)
            self.head_len += len(text) + 1

    def head(self) -> str:
        """Return the first ``head_chars`` characters of the collapsed text."""
        return " ".join(self.parts)[: self.head_chars]


def doc_features(doc: Document) -> DocFeatures:
    """Return the :class:`DocFeatures` of ``doc`` (its body; recommendations counted apart).

    One pass over the body: each paragraph's and heading's inlines are read once for its
    text, its link text and the collapsed text of each of its links.
    """
    length = _CollapsedLength(HEAD_CHARS)
    link_chars = prose_chars = prose = headings = linked = section = max_section = 0
    # blocks are measured one at a time (one space between two blocks, as between two
    # words): a 10 MB paragraph's words are held once, not once per block and per page
    for top in doc.body:
        # (a list or quote holds blocks: walked; most top blocks stand alone)
        for block in walk((top,)) if isinstance(top, (List, Quote)) else (top,):
            if isinstance(block, (Paragraph, Heading)):
                text, linked_raw, collapsed = _inline_facts(block.content)
                link_chars += collapsed
                if isinstance(block, Paragraph):
                    own = text if _is_collapsed(text) else " ".join(text.split())
                    length.add_joined(own)
                    # Teaser lines and link lists are not prose even when long.
                    link_share = linked_raw / len(own) if own else 0.0
                    size = _weighted_len(own)
                    if size >= PROSE_PARAGRAPH_CHARS and link_share < PROSE_MAX_LINK_SHARE:
                        prose += 1
                        prose_chars += size
                        section += size
                        max_section = max(max_section, section)
                    elif link_share >= 0.5 and len(own) >= HEADLINE_LINK_CHARS:
                        section = 0  # a teaser headline as a paragraph starts the next card
                else:
                    length.add(text.split())
                    headings += 1
                    own = text.strip()
                    if own and linked_raw >= len(own) / 2:
                        linked += 1
                        section = 0  # a linked heading is a teaser headline: a new card starts
            elif not isinstance(block, (List, Quote)):  # containers: their blocks follow
                link_chars += sum(_inline_facts(run)[2] for run in _link_runs(block))
                length.add(plain_text(block).split())
    text_chars = length.total
    recommendation_items = sum(len(rec.items) for rec in doc.recommendations)
    # normalised once for the three phrase lists below
    head = _normalise(" ".join(t for t in (doc.title or "", length.head()) if t))
    tokens = set(head.split(" "))
    return DocFeatures(
        text_chars=text_chars,
        prose_chars=prose_chars,
        prose_paragraphs=prose,
        link_density=min(1.0, link_chars / text_chars) if text_chars else 0.0,
        headings=headings,
        linked_headings=linked,
        recommendation_items=recommendation_items,
        consent_phrases=_distinct_normalised(CONSENT_PHRASES, head, tokens),
        paywall_phrases=_distinct_normalised(PAYWALL_PHRASES, head, tokens),
        error_phrases=_distinct_normalised(ERROR_PHRASES, head, tokens),
        status_hint=find_status_hint(doc.title),
        max_section_prose=max_section,
    )


def _is_collapsed(text: str) -> bool:
    """Return True when ``text`` is ``" ".join(text.split())`` already: its only white
    space is single spaces between words (``str.isprintable`` refuses every other white
    space character, checked over all of Unicode).

    A paragraph the block builder made is mostly so: the test scans it once, where
    splitting it made a string of every word and joining them copied them again.
    """
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _link_runs(block: Block) -> Iterator[Sequence[Any]]:
    """Yield the inline runs of a table or figure (where :meth:`Document.links` looks)."""
    if isinstance(block, Table):
        yield block.caption
        for row in block.rows:
            for cell in row.cells:
                yield cell.content
    elif isinstance(block, Figure):
        yield block.caption


def _inline_facts(inlines: Sequence[Any]) -> tuple[str, int, int]:
    """Return the plain text of ``inlines``, the length of its outermost links' text and
    the summed whitespace-collapsed length of every link's text (nested links too), as
    ``plain_text``, ``_linked_chars`` and ``Document.links`` give them, in one walk.
    """
    if len(inlines) == 1 and type(inlines[0]) is Text:
        return inlines[0].text, 0, 0  # (most paragraphs: one run of text, no link)
    out: list[str] = []
    append = out.append
    linked = collapsed = 0
    # (children, start of an open link's text in ``out`` or -1, links open around them);
    # a ``for`` loop reads one level's inlines (most are text) and hands the rest of the
    # level back to the stack under a nested one's content (a ``next(children, None)``
    # call per inline cost about a third more: docs/extraction.md, Speed)
    stack: list[tuple[Iterator[Any], int, int]] = [(iter(inlines), -1, 0)]
    while stack:
        level = stack.pop()
        children, start, depth = level
        nested = False
        for node in children:
            if isinstance(node, Text):
                append(node.text)
            elif isinstance(node, Code):
                append(node.code)
            elif isinstance(node, LineBreak):
                append("\n")
            elif isinstance(node, Image):
                append(node.alt)
            elif node is None:  # (the end of the level, as ``next(children, None)`` read it)
                break
            else:
                stack.append(level)
                if isinstance(node, Link):
                    stack.append((iter(node.content), len(out), depth + 1))
                else:  # emphasis, strong
                    stack.append((iter(node.content), -1, depth))
                nested = True
                break
        if not nested and start >= 0:  # a link ends
            text = "".join(out[start:])
            words = text.split()
            if words:
                collapsed += sum(map(len, words)) + len(words) - 1
            if depth == 1:
                linked += len(text)
    return "".join(out), linked, collapsed


# --------------------------------------------------------------------------- predicates


def _saturate(value: float, full: float) -> float:
    return max(0.0, min(1.0, value / full)) if full > 0 else 1.0


def _damped(evidence: float, doc: DocFeatures, override: int) -> float:
    """Return ``evidence`` reduced by how much real prose (or, 3x more, text) ``doc`` holds."""
    amount = max(_saturate(doc.prose_chars, override), _saturate(doc.text_chars, 3 * override))
    return max(0.0, min(1.0, evidence)) * (1.0 - amount)


def _has_type(page: PageSignals, names: frozenset[str]) -> bool:
    return any(t in names for t in page.jsonld_types)


def article_score(doc: DocFeatures, page: PageSignals) -> float:
    """Return how much the document looks like an article, 0.0-1.0.

    Mostly prose length (paragraphs of at least ``PROSE_PARAGRAPH_CHARS``), a little total
    length, lowered by link density, raised by article structured data.
    """
    length = max(
        0.75 * _saturate(doc.prose_chars, ARTICLE_FULL_PROSE_CHARS)
        + 0.25 * _saturate(doc.text_chars, ARTICLE_FULL_TEXT_CHARS),
        # Long text without paragraphs (a preformatted report, a list-shaped article).
        0.6 * _saturate(doc.text_chars, 2 * ARTICLE_FULL_TEXT_CHARS),
    )
    # Link-heavy text is navigation or a teaser list: no penalty up to 0.15 link density
    # (most articles), none left at 0.6. Headings that are links are teaser headlines.
    score = length * (1.0 - _saturate(doc.link_density - 0.15, 0.45))
    score *= 1.0 - 0.5 * _saturate(doc.linked_headings - 2, 6)
    if reads_as_entries(doc):
        score *= ENTRY_LISTING_ARTICLE_FACTOR
    if declares_listing(page):
        score *= DECLARED_LISTING_ARTICLE_FACTOR
    if _has_type(page, ARTICLE_JSONLD_TYPES):
        score += 0.15 * length + 0.05
    if page.og_type == "article":
        score += 0.05
    return min(1.0, score)


def empty_score(doc: DocFeatures, page: PageSignals) -> float:
    """Return how empty the document is: 1.0 without text, 0.0 from ``EMPTY_FULL_CHARS``
    or with one paragraph of prose.

    A page that shows plenty of text the extractor did not take is not empty (rather a
    listing or a layout the extractor missed): the more visible text, and the more of it
    in links, the lower the score.
    """
    emptiness = 1.0 - _saturate(doc.text_chars, EMPTY_FULL_CHARS)
    if doc.prose_chars:
        # a paragraph of prose (PROSE_PARAGRAPH_CHARS or more, few links) is text worth
        # the name, however short the page: a brief, a notice, a one-paragraph post
        return 0.0
    shown = _saturate(page.page_text_chars - 300, 1000) * max(0.5, page.page_link_density)
    return emptiness * (1.0 - 0.8 * shown)


def looks_like_listing(doc: DocFeatures, page: PageSignals) -> float:
    """Return how much the page looks like a listing (home, category, search), 0.0-1.0.

    Evidence: teaser headlines (headline links on the page, headings that are links, many
    recommendation items), link-heavy extracted text, many ``<article>``/``<time>`` cards,
    listing structured data (``CollectionPage``, ``ItemList``, ``Blog``) without article
    types, ``og:type`` website. Damped by the longest run of prose between two headings:
    an article has long sections, a listing has a short summary under each headline.
    """
    teasers = max(
        _saturate(page.headline_links, LISTING_FULL_HEADLINES),
        _saturate(doc.linked_headings, LISTING_FULL_LINKED_HEADINGS),
        _saturate(doc.recommendation_items, 15),
    )
    # Articles stay below 0.3 link density (95th percentile on the dev corpora).
    links = _saturate(doc.link_density - 0.1, 0.3)
    # When little was extracted, the page's own link density speaks (median article page:
    # 0.22; listing pages: 0.5-0.9).
    page_links = _saturate(page.page_link_density - 0.45, 0.3) * (
        1.0 - _saturate(doc.text_chars, 500)
    )
    cards = _saturate(max(page.article_elements, page.time_elements) - 2, 8)
    typed = 1.0 if declares_listing(page) else 0.0
    website = 1.0 if page.og_type == "website" else 0.0
    evidence = (
        0.4 * teasers + 0.35 * links + 0.6 * page_links + 0.2 * cards + 0.25 * typed + 0.1 * website
    )
    if typed:  # a category's description is no article's prose
        return max(0.0, min(1.0, evidence))
    prose = _saturate(doc.max_section_prose, LISTING_PROSE_OVERRIDE_CHARS)
    if not reads_as_entries(doc):
        prose = max(prose, _saturate(doc.prose_chars, listing_prose_override(doc)))
    return max(0.0, min(1.0, evidence)) * (1.0 - prose)


def declares_listing(page: PageSignals) -> bool:
    """Return True when the page's JSON-LD declares a listing (``CollectionPage``,
    ``ItemList``, ``SearchResultsPage``, ``Blog``) and no article type.

    A shop's category or a site's archive says what it is in its structured data, and
    often carries a long description of the category under its grid of cards (written
    for search engines): that prose, however long, is no article, so it does not damp
    the listing evidence, and the article score is lowered
    (``DECLARED_LISTING_ARTICLE_FACTOR``). An article that lists items declares its
    article type as well.
    """
    return _has_type(page, LISTING_JSONLD_TYPES) and not _has_type(page, ARTICLE_JSONLD_TYPES)


def reads_as_entries(doc: DocFeatures) -> bool:
    """Return True when the extracted content is a list of entries: at least
    ``LISTING_FULL_LINKED_HEADINGS`` headings that are links, and no section of prose
    between two of them longer than ``ENTRY_LISTING_MAX_SECTION_CHARS``.

    A category, archive or search page read as its entries holds a summary of a sentence
    or three under each linked headline; however many entries, that prose is the
    listing's, not an article's (the listing score is damped by the longest summary
    alone, and the article score lowered). An article whose headings are links (a roundup
    of products, tools or sites) writes a long section under each.
    """
    return (
        doc.linked_headings >= LISTING_FULL_LINKED_HEADINGS
        and doc.max_section_prose <= ENTRY_LISTING_MAX_SECTION_CHARS
    )


def listing_prose_override(doc: DocFeatures) -> int:
    """Return how much prose in all (characters) fully outweighs listing evidence:
    ``LISTING_TOTAL_PROSE_OVERRIDE_CHARS``, or ``LISTING_PROSE_PER_ENTRY_CHARS`` per
    linked heading when that is more.

    A category or archive page read as its entries (a linked headline over a summary of
    a sentence or two each) holds prose in every entry: 30 entries' summaries outweighed
    the listing evidence as an article's prose would. An article's prose stands under
    few linked headings, and one long section still outweighs it all
    (``LISTING_PROSE_OVERRIDE_CHARS``).
    """
    return max(
        LISTING_TOTAL_PROSE_OVERRIDE_CHARS, LISTING_PROSE_PER_ENTRY_CHARS * doc.linked_headings
    )


def looks_like_consent_wall(doc: DocFeatures, page: PageSignals) -> float:
    """Return how much the page looks like a cookie or consent wall, 0.0-1.0.

    Consent wording in the extracted text counts most; wording or consent-manager markup
    elsewhere on a page with little prose counts too. Damped by real prose, because most
    articles in Europe carry a consent banner.
    """
    evidence = max(
        _saturate(doc.consent_phrases, 2),
        0.8 * _saturate(page.consent_phrases, 3),
        # Most article pages carry a consent manager's markup: weak evidence alone.
        0.3 if page.consent_markup else 0.0,
    )
    if doc.consent_phrases:  # the extracted text is (partly) the consent notice itself
        doc = attrs.evolve(doc, prose_chars=doc.prose_chars // 3, text_chars=doc.text_chars // 3)
    return _damped(evidence, doc, CONSENT_PROSE_OVERRIDE_CHARS)


def looks_like_paywall_stub(doc: DocFeatures, page: PageSignals) -> float:
    """Return how much the page looks like a paywall or login stub, 0.0-1.0.

    Evidence: subscription wording ("subscribe to continue reading", "réservé aux abonnés"),
    paywall markup, JSON-LD ``isAccessibleForFree: false``, a password field; damped by
    prose (a stub shows a teaser of one or two paragraphs, not the article).
    """
    evidence = max(
        _saturate(doc.paywall_phrases, 1),
        0.9 * _saturate(page.paywall_phrases, 2),
        0.6 if page.paywall_markup else 0.0,
        0.6 if page.accessible_for_free is False else 0.0,
        0.5 if page.password_field else 0.0,
    )
    return _damped(evidence, doc, PAYWALL_PROSE_OVERRIDE_CHARS)


def looks_like_error_page(doc: DocFeatures, page: PageSignals) -> float:
    """Return how much the page looks like an error page (404, 410, 500, ...), 0.0-1.0.

    Evidence: an error status or wording in the title or ``<h1>``, error wording in the
    extracted text; damped by prose (an article *about* 404 errors stays an article).
    """
    hint = page.status_hint or doc.status_hint
    evidence = max(
        1.0 if hint and hint != "not-found" else 0.0,
        0.9 if hint == "not-found" else 0.0,
        0.8 * _saturate(doc.error_phrases, 1),
        0.5 * _saturate(page.error_phrases, 2),
    )
    return _damped(evidence, doc, ERROR_PROSE_OVERRIDE_CHARS)


# --------------------------------------------------------------------------- judge


def _signal(name: str, value: float | int | bool) -> Signal:
    # (``int | float``, not ``float``: compiled code stores a ``float`` variable as a C double,
    # and an integer signal would be written 958.0)
    number: int | float = float(value) if isinstance(value, bool) else value
    if isinstance(number, float):
        number = round(number, 4)
    return Signal(name=name, value=number)


def judge(doc: Document, *, page: PageSignals | None = None) -> Verdict:
    """Return the Verdict on ``doc``: its kind, a confidence 0.0-1.0 and the signals behind it.

    ``page`` adds facts about the whole HTML page (from :func:`page_signals`); without it
    (plain text, or a Document from elsewhere) only the Document itself is judged.
    """
    facts = doc_features(doc)
    signals_page = page or PageSignals()
    scores = {
        "article": article_score(facts, signals_page),
        "listing": looks_like_listing(facts, signals_page),
        "consent": looks_like_consent_wall(facts, signals_page),
        "paywall": looks_like_paywall_stub(facts, signals_page),
        "error": looks_like_error_page(facts, signals_page),
        "empty": empty_score(facts, signals_page),
    }
    # Order of VERDICT_KINDS breaks ties (article first).
    kind = max(VERDICT_KINDS, key=lambda k: scores[k])
    if kind == "empty":
        # Error pages, consent walls and stubs are short by nature: specific evidence
        # names the page better than emptiness does.
        specific = max(("listing", "consent", "paywall", "error"), key=lambda k: scores[k])
        if scores[specific] >= SPECIFIC_OVER_EMPTY:
            kind = specific
    total = sum(scores.values())
    best = scores[kind]
    confidence = best * (best / total) if total > 0 else 0.0
    if total == 0:  # nothing at all is known: call it empty, unsure
        kind = "empty"
    signals = [
        _signal("text_chars", facts.text_chars),
        _signal("prose_chars", facts.prose_chars),
        _signal("prose_paragraphs", facts.prose_paragraphs),
        _signal("link_density", facts.link_density),
        _signal("headings", facts.headings),
        _signal("recommendation_items", facts.recommendation_items),
    ]
    if page is not None:
        signals += [
            _signal("page_text_chars", page.page_text_chars),
            _signal("page_link_density", page.page_link_density),
            _signal("page_paragraphs", page.page_paragraphs),
            _signal("headline_links", page.headline_links),
            _signal("jsonld_article", _has_type(page, ARTICLE_JSONLD_TYPES)),
            _signal("jsonld_listing", _has_type(page, LISTING_JSONLD_TYPES)),
            _signal("og_article", page.og_type == "article"),
            _signal("consent_phrases", page.consent_phrases),
            _signal("paywall_phrases", page.paywall_phrases),
        ]
    hint = signals_page.status_hint or facts.status_hint
    if hint is not None:
        signals.append(_signal("error_status", int(hint) if hint.isdigit() else 1))
    signals += [_signal(f"score_{name}", scores[name]) for name in VERDICT_KINDS]
    return Verdict(kind=kind, confidence=round(min(1.0, confidence), 3), signals=signals)
