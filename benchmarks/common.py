"""Shared pieces of the HTML benchmarks: corpora, scoring, timeouts, tool adapters, tables.

The benchmark scripts run in the bench virtualenv (``benchmarks/setup.sh``)::

    .venv-bench/bin/python benchmarks/html_accuracy.py

This module imports only the standard library at module level, so the scoring functions can
be tested from the project's ordinary test virtualenv; each extractor is imported lazily by
its adapter, and a tool that is not installed is reported as unavailable (with the reason)
instead of failing the run.

Input fairness: every tool gets the page's raw bytes when it can decode them itself
(articlekit, trafilatura, readability-lxml, jusText and the lxml-based baselines); the tools
that only take ``str`` (newspaper4k, goose3) get the bytes decoded by bs4's ``UnicodeDammit``
(declared charset first, then detection), and resiliparse decodes with its own
``detect_encoding``. Decoding is inside the timed call for every tool.
"""

from __future__ import annotations

import gzip
import importlib
import json
import os
import re
import signal
import socket
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from html import unescape
from pathlib import Path
from types import FrameType
from typing import Any

__all__ = [
    "DEFAULT_TIMEOUT",
    "META_MATCHERS",
    "READABILITY_URL",
    "TOOL_NAMES",
    "Counts",
    "NetworkForbidden",
    "Outcome",
    "PageTimeout",
    "ReadabilityPage",
    "SnippetResult",
    "Tool",
    "ToolUnavailable",
    "TrafPage",
    "author_names",
    "collapse_ws",
    "corpus_dir",
    "decode_with_dammit",
    "forbid_network",
    "format_table",
    "load_readability_pages",
    "load_tool",
    "load_trafilatura_eval",
    "match_authors",
    "match_byline",
    "match_description",
    "match_first_words",
    "match_image_url",
    "match_published",
    "match_site_name",
    "match_timestamp",
    "match_title",
    "meta_key",
    "read_gz",
    "run_timed",
    "scaled_page",
    "score_snippets",
    "time_limit",
    "visible_text",
]

REPO = Path(__file__).resolve().parent.parent

#: Seconds one tool may spend on one page before the page counts as timed out. Every tool
#: needs well under a second per page on this corpus; 20 s only catches real stalls.
DEFAULT_TIMEOUT = 20.0

#: Readability's test pages were generated as if served from this URL (relative links in
#: ``expected.html`` are resolved against it), so the extractors get it too.
READABILITY_URL = "http://fakehost/test/page.html"

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


# Invisible characters (soft hyphen, zero-width space, word joiner, zero-width no-break
# space): they do not show on the page, so they never decide whether a text matches.
_HIDDEN_CHARS = re.compile("[\u00ad\u200b\u2060\ufeff]")


def collapse_ws(text: str) -> str:
    """Return ``text`` with each whitespace run (``\\xa0`` included) made one space, stripped."""
    return _WS.sub(" ", text).strip()


# --------------------------------------------------------------------------- corpora


def articlekit_build() -> str:
    """Return a line naming the articlekit build being measured: pure Python or compiled
    (mypyc, ``ARTICLEKIT_COMPILE=1``), and where it was imported from."""
    articlekit = importlib.import_module("articlekit")
    kind = "compiled (mypyc)" if articlekit.compiled() else "pure Python"
    where = Path(articlekit.__file__).parent if articlekit.__file__ else "a namespace package"
    return f"articlekit build: {kind}, from {where}"


def corpus_dir() -> Path:
    """Return the corpus directory: ``$ARTICLEKIT_CORPUS`` or ``../shared/corpus`` of the repo."""
    env = os.environ.get("ARTICLEKIT_CORPUS")
    return Path(env) if env else REPO.parent / "shared" / "corpus"


def read_gz(path: Path) -> bytes:
    """Return the decompressed bytes of a gzip file."""
    with gzip.open(path, "rb") as fh:
        return fh.read()


@dataclass(frozen=True)
class TrafPage:
    """One page of the trafilatura evaluation set and its snippets."""

    key: str  # the evaldata.json key: the page URL, or a name such as "hard::zeit.de..."
    path: Path
    with_: tuple[str, ...]
    without: tuple[str, ...]

    @property
    def url(self) -> str | None:
        """Return the page URL when the key is one (a few keys are only names)."""
        return self.key if self.key.startswith(("http://", "https://")) else None

    def raw(self) -> bytes:
        """Return the page's raw (undecoded) bytes."""
        return read_gz(self.path)


def load_trafilatura_eval(root: Path | None = None, *, limit: int | None = None) -> list[TrafPage]:
    """Return the pages of ``trafilatura-eval/evaldata.json`` in file order (first ``limit``)."""
    base = (root or corpus_dir()) / "trafilatura-eval"
    with open(base / "evaldata.json", encoding="utf-8") as fh:
        data: dict[str, dict[str, Any]] = json.load(fh)
    pages = []
    for key, item in data.items():
        name = str(item["file"])
        path = base / name if name.startswith("html/") else base / "html" / name
        pages.append(
            TrafPage(
                key=key,
                path=path,
                with_=tuple(item.get("with", ())),
                without=tuple(item.get("without", ())),
            )
        )
    return pages[:limit] if limit is not None else pages


@dataclass(frozen=True)
class ReadabilityPage:
    """One page of Mozilla Readability's test suite: source, expected article, metadata."""

    name: str
    dir: Path

    def raw(self) -> bytes:
        """Return the source page's raw bytes."""
        return read_gz(self.dir / "source.html.gz")

    def expected_html(self) -> str:
        """Return Readability's expected article HTML (UTF-8)."""
        return read_gz(self.dir / "expected.html.gz").decode("utf-8", errors="replace")

    def metadata(self) -> dict[str, Any]:
        """Return ``expected-metadata.json`` (title, byline, excerpt, siteName, ...)."""
        with open(self.dir / "expected-metadata.json", encoding="utf-8") as fh:
            data: dict[str, Any] = json.load(fh)
        return data


def load_readability_pages(
    root: Path | None = None, *, limit: int | None = None
) -> list[ReadabilityPage]:
    """Return the readability-pages test cases sorted by name (first ``limit``)."""
    base = (root or corpus_dir()) / "readability-pages"
    pages = [
        ReadabilityPage(name=d.name, dir=d)
        for d in sorted(base.iterdir())
        if (d / "source.html.gz").is_file() and (d / "expected.html.gz").is_file()
    ]
    return pages[:limit] if limit is not None else pages


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    """Snippet counts of the trafilatura evaluation; precision/recall/F1 over the totals."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, other: Counts) -> None:
        """Add ``other``'s counts to these."""
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        self.tn += other.tn

    @property
    def precision(self) -> float:
        """Return TP / (TP + FP), 0.0 when nothing was found."""
        found = self.tp + self.fp
        return self.tp / found if found else 0.0

    @property
    def recall(self) -> float:
        """Return TP / (TP + FN), 0.0 when there was nothing to find."""
        wanted = self.tp + self.fn
        return self.tp / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall (0.0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        """Return (TP + TN) / all snippets, as trafilatura's evaluation also prints."""
        total = self.tp + self.fn + self.fp + self.tn
        return (self.tp + self.tn) / total if total else 0.0


@dataclass(frozen=True)
class SnippetResult:
    """Per-page scoring detail: the counts and which snippets were missed or leaked."""

    counts: Counts
    missed: tuple[str, ...] = ()
    leaked: tuple[str, ...] = ()


def score_snippets(text: str | None, with_: Sequence[str], without: Sequence[str]) -> SnippetResult:
    """Return the trafilatura-eval counts for one page's extracted ``text``.

    A ``with`` snippet found in the text is a true positive, a missing one a false negative;
    a ``without`` snippet found is a false positive, a missing one a true negative. Matching
    is substring search after collapsing whitespace and dropping invisible characters (soft
    hyphens, zero-width spaces: ``_HIDDEN_CHARS``) on both sides, so a snippet that spans a line
    break in the output still counts and a hyphenation hint decides nothing. No text
    (``None``: crash, timeout, nothing extracted) finds nothing: every ``with`` is a FN and
    every ``without`` a TN.
    """
    haystack = collapse_ws(_HIDDEN_CHARS.sub("", text or ""))
    counts = Counts()
    missed: list[str] = []
    leaked: list[str] = []
    for snippet in with_:
        if collapse_ws(_HIDDEN_CHARS.sub("", snippet)) in haystack:
            counts.tp += 1
        else:
            counts.fn += 1
            missed.append(snippet)
    for snippet in without:
        if collapse_ws(_HIDDEN_CHARS.sub("", snippet)) in haystack:
            counts.fp += 1
            leaked.append(snippet)
        else:
            counts.tn += 1
    return SnippetResult(counts=counts, missed=tuple(missed), leaked=tuple(leaked))


def meta_key(value: str | None, *, byline: bool = False) -> str:
    """Return the comparison key of a metadata value: NFKC, case-folded ``\\w+`` words.

    Whitespace, punctuation and case do not count; for a byline a leading "by" is dropped.
    """
    if not value:
        return ""
    words = _WORD.findall(unicodedata.normalize("NFKC", value).casefold())
    if byline and words[:1] == ["by"]:
        words = words[1:]
    return " ".join(words)


# --------------------------------------------------------------------------- metadata matching
#
# One matcher per metadata field, used by every script and for every tool alike. Each returns
# "exact" (the comparison keys are equal), "lenient" (equal once a documented inconsistency
# of Readability's ground truth is forgiven) or "" (wrong). Both scripts print the exact
# ("strict") figure and, where it differs, the lenient one.

EXACT = "exact"
LENIENT = "lenient"
_TITLE_SEPARATOR = re.compile(r"\s*(?:::|[|\-–—:·»/_\\])\s*")
_BRACKETED_TAIL = re.compile(r"(.+?)\s*\[([^\[\]]+)\]\s*$")
_DATE_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}")
#: A truncated excerpt counts only when this many characters of it agree: shorter
#: prefixes ("The", "In 2015,") would match unrelated descriptions.
MIN_PREFIX_CHARS = 40


def _verdict(exact: bool, lenient: bool = False) -> str:
    return EXACT if exact else LENIENT if lenient else ""


#: A trailing part of at most this many words is taken for a site name even when it is
#: longer than the title before it ("Mozilla - Wikipedia").
MAX_SITE_WORDS = 2


def _site_like(tail: str, head: str) -> bool:
    """Return True when the trailing title part ``tail`` (a key) looks like a site name: no
    longer than the ``head`` before it (fewer characters or no more words), or very short."""
    words = len(tail.split())
    return len(tail) < len(head) or words <= max(MAX_SITE_WORDS, len(head.split()))


def match_title(truth: str | None, got: str | None, *, site_names: Sequence[str] = ()) -> str:
    """Return "exact", "lenient" or "" for a predicted title against the true one.

    Exact: equal :func:`meta_key`. Lenient: equal once one side drops a site-name part cut
    off by a title separator (``| - – — : · » / _ \\ ::``) or set in brackets at the end
    ("Weekly Edition [LWN.net]"). Readability's truth is
    inconsistent about that part: it keeps "Article | Site" on some pages and strips it on
    others (``metadata_accuracy.py`` prints the counts), so neither choice is an error. The
    dropped part must look like a site name, or a real error would pass: a trailing part
    no longer than what stays or of at most ``MAX_SITE_WORDS`` words ("Article | Site"), or
    a leading part equal to one of ``site_names`` (the page's declared site names). Keeping
    only the site name, or only a subtitle, is never lenient.
    """
    a, b = meta_key(truth), meta_key(got)
    if a == b:
        return _verdict(True)
    if not a or not b:
        return ""
    sites = {meta_key(name) for name in site_names if name}
    shorter = min(a, b, key=len)
    text = (truth if len(a) > len(b) else got) or ""
    bracketed = _BRACKETED_TAIL.match(text)
    if bracketed:  # "Weekly Edition [LWN.net]": the site in brackets at the end
        head, tail = meta_key(bracketed.group(1)), meta_key(bracketed.group(2))
        if head == shorter and tail and (_site_like(tail, head) or tail in sites):
            return LENIENT
    for sep in _TITLE_SEPARATOR.finditer(text):
        head, tail = meta_key(text[: sep.start()]), meta_key(text[sep.end() :])
        if head == shorter and tail and (_site_like(tail, head) or tail in sites):
            return LENIENT
        if tail == shorter and head and head in sites:
            return LENIENT
    return ""


def _byline_words(text: str | None) -> frozenset[str]:
    words = meta_key(text, byline=True).split()
    return frozenset(w for w in words if w not in _BYLINE_FILLER and not w.isdigit())


# "by"/"and"/"with" words in the languages of the corpus ("A (avec B et C)" names three)
_BYLINE_FILLER = frozenset(
    {"by", "and", "und", "et", "y", "von", "par", "por", "written", "with", "avec", "mit", "con"}
)


def match_byline(truth: str | None, got: str | None) -> str:
    """Return "exact", "lenient" or "" for a predicted byline (authors joined with ", ").

    Exact: equal :func:`meta_key` with a leading "by" dropped. Lenient: the truth's first
    line and the prediction name the same set of words, ignoring "by"/"and"-style words
    and numbers: Readability copies a byline element whole ("By Nathan Willis\n March 25,
    2015", "A and B"), while a metadata reader lists names ("A, B").
    """
    if meta_key(truth, byline=True) == meta_key(got, byline=True):
        return _verdict(True)
    lines = [line for line in (truth or "").splitlines() if _byline_words(line)]
    first = _byline_words(lines[0]) if lines else frozenset()
    return _verdict(False, bool(first) and first == _byline_words(got))


_SITE_URL_PREFIX = re.compile(r"^\s*(?:https?://)?(?:www\.)?", re.IGNORECASE)


def match_site_name(truth: str | None, got: str | None) -> str:
    """Return "exact" or "" for a predicted site name: equal :func:`meta_key` once a
    name given as an address loses its scheme and ``www.`` on both sides (the truth's
    "http://www.tmz.com" and "tmz.com" name one site)."""
    return _verdict(meta_key(_site_form(truth)) == meta_key(_site_form(got)))


def _site_form(name: str | None) -> str | None:
    return None if name is None else _SITE_URL_PREFIX.sub("", name).rstrip("/")


def match_description(truth: str | None, got: str | None) -> str:
    """Return "exact", "lenient" or "" for a description against Readability's excerpt.

    Exact: equal :func:`meta_key`. Lenient: one is a prefix of the other of at least
    ``MIN_PREFIX_CHARS`` characters (the truth truncates some long descriptions).
    """
    a, b = meta_key(truth), meta_key(got)
    if a == b:
        return _verdict(True)
    shorter, longer = sorted((a, b), key=len)
    return _verdict(False, len(shorter) >= MIN_PREFIX_CHARS and longer.startswith(shorter))


def match_published(truth: str | None, got: str | None) -> str:
    """Return "exact" or "" for a date: both start with the same ``YYYY-MM-DD`` (as written,
    time zones not converted)."""
    want = _DATE_PREFIX.match(truth or "")
    found = _DATE_PREFIX.match(got or "")
    return _verdict(want is not None and found is not None and want.group(0) == found.group(0))


# Matchers for truths written like Postlight Parser's tests (``metadata_outside.py``).

#: Words that join or introduce names in a byline ("By A, B and C", "A & B"), dropped when a
#: byline string is split into names.
_NAME_JOINERS = re.compile(r"\s*(?:[,;&]|\band\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)
_BY_PREFIX = re.compile(r"^\s*(?:written\s+)?by\s*:?\s+", re.IGNORECASE)


def author_names(value: str | Sequence[str] | None) -> frozenset[str]:
    """Return the set of name keys (:func:`meta_key`) of a byline or a list of names.

    A string is split at commas, semicolons, "&" and "and" (and "und", "et", "y"), and each
    part loses a leading "By"/"Written by": "By A, B and C" names {"a", "b", "c"}. A list is
    taken as names, each split the same way (a tool may return "A and B" as one name).
    """
    if not value:
        return frozenset()
    parts = [value] if isinstance(value, str) else list(value)
    names = set()
    for part in parts:
        for name in _NAME_JOINERS.split(_BY_PREFIX.sub("", part)):
            key = meta_key(_BY_PREFIX.sub("", name))
            if key:
                names.add(key)
    return frozenset(names)


def match_authors(truth: str | None, got: str | Sequence[str] | None) -> str:
    """Return "exact" or "" for predicted authors: the same set of names, order-free, with
    case, punctuation, "By" and "and"/"&"/commas not counting (:func:`author_names`)."""
    want = author_names(truth)
    return _verdict(bool(want) and want == author_names(got))


@dataclass(frozen=True)
class _Stamp:
    """A date as written (``YYYY-MM-DD``), its time as an aware UTC instant (None for a
    day alone), and whether the value stated its offset."""

    day: str
    instant: datetime | None
    zoned: bool
    offset: timedelta | None = None  # the offset the value stated, if any


def _stamp(value: str | None) -> _Stamp | None:
    """Return the :class:`_Stamp` of an ISO 8601 value, or None when it is no date."""
    found = _DATE_PREFIX.match(value or "")
    if found is None or value is None:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return _Stamp(found.group(0), None, False)
    if len(text) <= len("2024-10-31"):
        return _Stamp(found.group(0), None, False)
    zoned = parsed.tzinfo is not None
    if not zoned:
        parsed = parsed.replace(tzinfo=timezone.utc)  # a naive time is read as UTC
    instant = parsed.astimezone(timezone.utc).replace(microsecond=0)
    return _Stamp(found.group(0), instant, zoned, parsed.utcoffset() if zoned else None)


#: The UTC offsets in use run from -12:00 to +14:00: a day written without an offset is
#: the truth's day when the truth's instant falls on it somewhere in that range.
_ZONE_SPAN = (timedelta(hours=-12), timedelta(hours=14))


def match_timestamp(truth: str | None, got: str | None) -> str:
    """Return "exact", "lenient" or "" for a published date against a UTC timestamp.

    Exact: the same instant to the second (a time without an offset is read as UTC; the
    truth's milliseconds do not count). Lenient: the same calendar day. A prediction that
    states its offset gives its day as written or in UTC, and is on the truth's day when
    the truth's instant falls on its written day at that offset (2019-04-03T15:00Z is
    April 4 at +09:00, the day of "2019-04-04T09:00:00+09:00"). One without an offset (a day
    alone, "2019-04-04", or a local time) names a day in a zone nobody said: it is the
    truth's day when the truth's instant falls on that date in some zone from UTC-12 to
    UTC+14 (2019-04-03T15:00Z is April 4 in Tokyo). A day alone is never exact.
    """
    want, found = _stamp(truth), _stamp(got)
    if want is None or found is None:
        return ""
    if want.instant is not None and want.instant == found.instant:
        return _verdict(True)
    if want.instant is None:
        return _verdict(False, want.day == found.day)
    days = {want.instant.date().isoformat()}
    if not found.zoned:
        days |= {(want.instant + shift).date().isoformat() for shift in _ZONE_SPAN}
        return _verdict(False, found.day in days)
    assert found.instant is not None and found.offset is not None
    if (want.instant + found.offset).date().isoformat() == found.day:
        return _verdict(False, True)  # the truth's day on the prediction's own clock
    return _verdict(False, bool(days & {found.day, found.instant.date().isoformat()}))


def _url_key(url: str | None) -> str:
    """Return ``url`` without its scheme, ``&amp;`` decoded, for comparing image URLs."""
    if not url:
        return ""
    return re.sub(r"^\s*(?:https?:)?//", "", unescape(url).strip()).rstrip("/")


def match_image_url(truth: str | None, got: str | None) -> str:
    """Return "exact", "lenient" or "" for a lead image URL.

    Exact: the same URL, scheme (http, https or none) and HTML escapes not counting.
    Lenient: the same host and path with a different query (a resized rendition of the
    same image, "...jpg?w=1050" vs "...jpg?w=1600").
    """
    a, b = _url_key(truth), _url_key(got)
    if not a or not b:
        return ""
    return _verdict(a == b, a.split("?", 1)[0] == b.split("?", 1)[0])


#: The lenient first-words match looks this many word characters into the body.
FIRST_WORDS_WINDOW = 600


def _compact(text: str | None) -> str:
    """Return the word characters of ``text``, NFKC and case-folded, without spaces."""
    return "".join(_WORD.findall(unicodedata.normalize("NFKC", text or "").casefold()))


def match_first_words(truth: str | None, body: str | None) -> str:
    """Return "exact", "lenient" or "" for whether ``body`` starts with the truth's words.

    Both sides are compared as their word characters only (:func:`_compact`), because the
    truth's words come from text nodes joined without spaces ("T he", "headlineThe").
    Exact: the body starts with them. Lenient: they start within the body's first
    ``FIRST_WORDS_WINDOW`` word characters (the body opens with a caption, a byline or a
    heading the truth leaves out).
    """
    want, have = _compact(truth), _compact(body)
    if not want or not have:
        return ""
    return _verdict(have.startswith(want), want in have[: FIRST_WORDS_WINDOW + len(want)])


#: field name -> its matcher, for scripts that loop over fields (``site_names`` is passed
#: to the title matcher only).
META_MATCHERS: dict[str, Callable[[str | None, str | None], str]] = {
    "title": match_title,
    "byline": match_byline,
    "site_name": match_site_name,
    "description": match_description,
    "published": match_published,
}


_BODY = re.compile(rb"<body\b[^>]*>(.*)</body\s*>", re.IGNORECASE | re.DOTALL)


def scaled_page(raw: bytes, times: int) -> bytes | None:
    """Return ``raw`` with its body content repeated ``times`` times, or None without a body.

    Works on the raw bytes (between ``<body ...>`` and ``</body>``), so the page keeps its
    encoding and declarations and nothing but the body's size changes.
    """
    match = _BODY.search(raw)
    if match is None or not match.group(1).strip():
        return None
    inner = match.group(1)
    return raw[: match.start(1)] + inner * times + raw[match.end(1) :]


# --------------------------------------------------------------------------- timing


class PageTimeout(Exception):
    """Raised inside a tool's call when it exceeds the per-page time limit."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`PageTimeout` in the block when it runs longer than ``seconds``.

    Uses ``SIGALRM`` (Unix, main thread): Python code is interrupted at the next bytecode, a
    long call into C (one huge lxml parse) when it returns. ``None`` or 0 means no limit.
    """
    if not seconds or not hasattr(signal, "setitimer"):
        yield
        return

    def _expired(_signum: int, _frame: FrameType | None) -> None:
        raise PageTimeout(f"timed out after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Outcome:
    """What one call of a tool on one page gave: its result or why not, and its time."""

    value: Any = None
    seconds: float = 0.0
    status: str = "ok"  # ok | error (a documented ArticleKitError) | crash | timeout
    message: str = ""


def run_timed(
    func: Callable[[], Any],
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    expected_errors: tuple[type[BaseException], ...] = (),
) -> Outcome:
    """Call ``func()`` under the time limit and return its :class:`Outcome`.

    ``expected_errors`` are the tool's documented failure modes (for articlekit,
    ``ArticleKitError``: "not an article" is an answer, not a crash). Any other exception,
    ``NotImplementedError`` included, counts as a crash; the run goes on.
    """
    start = time.perf_counter()
    try:
        with time_limit(timeout):
            value = func()
    except PageTimeout as exc:
        return Outcome(None, time.perf_counter() - start, "timeout", str(exc))
    except expected_errors as exc:
        return Outcome(None, time.perf_counter() - start, "error", _describe(exc))
    except Exception as exc:  # a benchmark must survive any tool's crash on any page
        return Outcome(None, time.perf_counter() - start, "crash", _describe(exc))
    return Outcome(value, time.perf_counter() - start)


def _describe(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}"[:200]


# --------------------------------------------------------------------------- network


class NetworkForbidden(OSError):
    """Raised when a tool tries to open a connection during a benchmark."""


def forbid_network() -> None:
    """Make every socket connection fail at once in this process.

    The benchmarks measure extraction from bytes already in memory; a tool that reaches for
    the network (image sizes, public-suffix lists) would otherwise stall for its connect
    timeout and its time would measure the network. Tools are configured not to need it;
    this guard makes any remaining attempt fail fast (and show up as an error) instead.
    """

    def refuse(self: socket.socket, *_args: object, **_kwargs: object) -> None:
        raise NetworkForbidden("network access is disabled during benchmarks")

    socket.socket.connect = refuse  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign,assignment]
    socket.getaddrinfo = _refuse_lookup


def _refuse_lookup(*_args: object, **_kwargs: object) -> Any:
    raise NetworkForbidden("network access is disabled during benchmarks")


# --------------------------------------------------------------------------- decoding


def decode_with_dammit(raw: bytes) -> str:
    """Return ``raw`` decoded by bs4's ``UnicodeDammit`` (declared charset, then detection).

    This is what the str-only tools (newspaper4k, goose3) get; it is independent of
    articlekit's own decoder so that a bug there cannot handicap the other tools.
    """
    dammit_mod = importlib.import_module("bs4.dammit")
    dammit = dammit_mod.UnicodeDammit(raw, is_html=True)
    text = dammit.unicode_markup
    return str(text) if text is not None else raw.decode("utf-8", errors="replace")


_INVISIBLE = ("script", "style", "noscript", "template", "head", "title", "iframe", "svg")


def visible_text(raw: bytes) -> str:
    """Return all text of the page a reader could see: the whole-page baseline.

    Drops script, style, noscript, template, svg, iframe and the head; keeps everything
    else, boilerplate included, with a newline at each block element (inline elements such
    as ``<b>`` do not split words).
    """
    lxml_html = importlib.import_module("lxml.html")
    etree = importlib.import_module("lxml.etree")
    root = lxml_html.fromstring(decode_with_dammit(raw).encode("utf-8"), parser=_utf8_parser())
    etree.strip_elements(root, *_INVISIBLE, etree.Comment, with_tail=False)
    return _block_text(root)


_PARSERS: dict[str, Any] = {}


def _utf8_parser() -> Any:
    if "utf8" not in _PARSERS:
        lxml_html = importlib.import_module("lxml.html")
        _PARSERS["utf8"] = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True)
    return _PARSERS["utf8"]


# --------------------------------------------------------------------------- tools


class ToolUnavailable(Exception):
    """Raised by :func:`load_tool` when a tool is not installed or cannot be imported."""


@dataclass
class Tool:
    """An extractor adapter: ``text(raw, url)`` returns the article's plain text.

    ``expected_errors`` are exceptions that are the tool's documented answer for a page
    (counted as "error", not "crash"); ``note`` says how the tool was called.
    """

    name: str
    text: Callable[[bytes, str | None], str | None]
    note: str = ""
    expected_errors: tuple[type[BaseException], ...] = field(default=())
    # for articlekit: the Document-producing call, used by the structure benchmark
    extra: dict[str, Any] = field(default_factory=dict)


def _articlekit() -> Tool:
    articlekit = importlib.import_module("articlekit")
    parse_html = articlekit.parse_html
    to_text = articlekit.to_text

    def doc_text(doc: Any) -> str:
        try:
            return str(to_text(doc))
        except NotImplementedError:  # serialiser still being written: plain body text
            return str(doc.plain_text())

    def text(raw: bytes, url: str | None) -> str:
        return doc_text(parse_html(raw, url=url))

    return Tool(
        "articlekit",
        text,
        "to_text(parse_html(bytes, url=url)); ArticleKitError counts as error, not crash",
        expected_errors=(articlekit.ArticleKitError,),
        extra={"parse": lambda raw, url: parse_html(raw, url=url), "doc_text": doc_text},
    )


def _trafilatura() -> Tool:
    trafilatura = importlib.import_module("trafilatura")

    def text(raw: bytes, url: str | None) -> str | None:
        result = trafilatura.extract(raw, url=url)
        return None if result is None else str(result)

    return Tool("trafilatura", text, f"{trafilatura.__version__}: extract(bytes), defaults")


def _readability() -> Tool:
    readability = importlib.import_module("readability")
    lxml_html = importlib.import_module("lxml.html")

    def text(raw: bytes, url: str | None) -> str:
        summary = readability.Document(raw, url=url).summary(html_partial=True)
        return _block_text(lxml_html.fromstring(summary)) if summary.strip() else ""

    return Tool("readability", text, "readability-lxml Document(bytes).summary() -> text")


def _newspaper() -> Tool:
    import warnings

    # newspaper4k resolves domains with tldextract, which would download the public-suffix
    # list on first use (no network here: each page would stall); use its bundled snapshot.
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "nltk is not installed": NLP is not used here
        newspaper = importlib.import_module("newspaper")

    def text(raw: bytes, url: str | None) -> str:
        # fetch_images=False: by default it downloads images to pick the top one
        article = newspaper.Article(url or "http://localhost/", fetch_images=False)
        article.download(input_html=decode_with_dammit(raw))
        article.parse()
        return str(article.text)

    version = getattr(newspaper, "__version__", "?")
    return Tool(
        "newspaper4k",
        text,
        f"{version}: Article(fetch_images=False).download(input_html=str).parse()",
    )


# jusText needs a stoplist; pages say their language in <html lang> most of the time.
_JUSTEXT_LANGS = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish",
    "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch", "no": "Norwegian_Bokmal",
    "nb": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish",
    "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese",
}  # fmt: skip
# Candidates for pages without a usable lang attribute: the languages of the dev corpora.
_JUSTEXT_GUESS = ("English", "German", "French", "Spanish", "Polish", "Italian", "Portuguese")
_HTML_LANG = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def _justext() -> Tool:
    justext = importlib.import_module("justext")
    stoplists: dict[str, frozenset[str]] = {}

    def stoplist(name: str) -> frozenset[str]:
        if name not in stoplists:
            stoplists[name] = frozenset(justext.get_stoplist(name))
        return stoplists[name]

    def guess(raw: bytes) -> frozenset[str]:
        match = _HTML_LANG.search(raw[:20000])
        name = _JUSTEXT_LANGS.get(match.group(1).decode().lower()) if match else None
        if name:
            return stoplist(name)
        words = re.findall(r"\w+", raw.decode("utf-8", errors="replace").lower())
        return max((stoplist(n) for n in _JUSTEXT_GUESS), key=lambda s: sum(w in s for w in words))

    def text(raw: bytes, url: str | None) -> str:
        paragraphs = justext.justext(raw, guess(raw))
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return Tool(
        "justext",
        text,
        "justext(bytes, stoplist of <html lang>, else the best-matching of 7 corpus languages)",
    )


def _goose() -> Tool:
    goose3 = importlib.import_module("goose3")
    goose = goose3.Goose({"enable_image_fetching": False})

    def text(raw: bytes, url: str | None) -> str:
        return str(goose.extract(url=url, raw_html=decode_with_dammit(raw)).cleaned_text)

    return Tool("goose3", text, "Goose().extract(raw_html=str).cleaned_text, no image fetching")


def _resiliparse() -> Tool:
    html2text = importlib.import_module("resiliparse.extract.html2text")
    encoding = importlib.import_module("resiliparse.parse.encoding")

    def text(raw: bytes, url: str | None) -> str:
        html = encoding.bytes_to_str(raw, encoding.detect_encoding(raw))
        return str(html2text.extract_plain_text(html, main_content=True))

    return Tool("resiliparse", text, "extract_plain_text(str, main_content=True), own decoding")


def _whole_page() -> Tool:
    return Tool("whole-page", lambda raw, url: visible_text(raw), "all visible text (baseline)")


_LOADERS: dict[str, Callable[[], Tool]] = {
    "articlekit": _articlekit,
    "trafilatura": _trafilatura,
    "readability": _readability,
    "newspaper4k": _newspaper,
    "justext": _justext,
    "goose3": _goose,
    "resiliparse": _resiliparse,
    "whole-page": _whole_page,
}
TOOL_NAMES: tuple[str, ...] = tuple(_LOADERS)


def load_tool(name: str) -> Tool:
    """Return the adapter for ``name``; raise :class:`ToolUnavailable` saying why not."""
    try:
        loader = _LOADERS[name]
    except KeyError:
        raise ToolUnavailable(f"unknown tool {name!r} (known: {', '.join(TOOL_NAMES)})") from None
    try:
        return loader()
    except Exception as exc:  # ImportError, or a broken install raising anything on import
        raise ToolUnavailable(f"{name}: cannot be loaded ({_describe(exc)})") from exc


_BLOCK_TAGS = frozenset(
    (
        *("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote"),
        *("pre", "table", "tr", "td", "th", "section", "article", "header", "footer"),
        *("figure", "figcaption", "dd", "dt", "dl", "br", "hr", "main", "aside", "nav"),
    )
)


def _block_text(root: Any) -> str:
    """Return an lxml tree's text with a newline at block boundaries (like a text browser)."""
    parts: list[str] = []
    for event, el in _iterwalk(root):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.text and tag not in ("script", "style"):
                parts.append(el.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el is not root and el.tail:
                parts.append(el.tail)
    lines = (collapse_ws(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _iterwalk(root: Any) -> Iterator[tuple[str, Any]]:
    etree = importlib.import_module("lxml.etree")
    return iter(etree.iterwalk(root, events=("start", "end")))


# --------------------------------------------------------------------------- output


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Return a GitHub-style Markdown table; floats are printed with 3 decimals."""

    def cell(value: object) -> str:
        if isinstance(value, float):
            return f"{value:.3f}"
        return str(value)

    body = [[cell(v) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        padded = [
            v.ljust(w) if i == 0 else v.rjust(w)
            for i, (v, w) in enumerate(zip(values, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = (
        "|"
        + "|".join("-" * (w + 1) + ":" if i else ":" + "-" * (w + 1) for i, w in enumerate(widths))
        + "|"
    )
    return "\n".join([line(list(headers)), rule, *(line(r) for r in body)])
