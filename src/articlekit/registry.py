"""The parser registry: which parsers exist, where they came from, and which one reads a text.

A parser is any object that follows :class:`Parser`: a ``name``, the ``formats`` it accepts,
``sniff(sample, *, url) -> float`` (0.0 "not mine" .. 1.0 "certain") and
``parse(text, *, url) -> Document``. Two are built in: ``html`` and ``text``. More come from
:func:`register_parser` or from the entry-point group ``articlekit.parsers``::

    [project.entry-points."articlekit.parsers"]
    gemtext = "articlekit_gemtext:GemtextParser"

Entry points are loaded lazily, on the first call that needs the list of parsers. The object
an entry point names may be a parser instance, a parser class (called with no arguments) or a
factory function returning a parser. A plugin that cannot be imported, or that does not look
like a parser, fails alone: it is left out, :func:`plugin_errors` reports a
:class:`~articlekit.PluginError` naming the entry point and its distribution, and asking for
its format explicitly raises that error.

Choosing: with an explicit format, the first parser (built-ins first) whose name or formats
contain it. Otherwise every parser sniffs the first :data:`SNIFF_CHARS` characters and the
highest score wins; ties go to the parser registered first, and built-ins come first, so the
choice is deterministic. The ``text`` parser always answers :data:`TEXT_FALLBACK_SCORE`: it
reads anything, but a plugin that recognises its own format beats it.
"""

from __future__ import annotations

import importlib.metadata
import math
import re
import threading
import warnings
from collections.abc import Callable, Sequence
from typing import Any, Literal, Protocol, runtime_checkable

import attrs

from articlekit.errors import ArticleKitError, ParseError, PluginError, UnsupportedInputError
from articlekit.model import Document

__all__ = [
    "ENTRY_POINT_GROUP",
    "SNIFF_CHARS",
    "TEXT_FALLBACK_SCORE",
    "Parser",
    "ParserInfo",
    "ParserRegistry",
    "choose_parser",
    "default_registry",
    "find_parser",
    "looks_like_html",
    "plugin_errors",
    "register_parser",
    "registered_parsers",
    "run_parser",
    "unregister_parser",
]

ENTRY_POINT_GROUP = "articlekit.parsers"

#: How many characters of the decoded input each parser's ``sniff`` sees.
SNIFF_CHARS = 4096

#: The built-in text parser's constant sniff score. HTML wins from 0.5 up (ties go to the
#: built-in registered first, ``html``), which keeps the rule ``parse`` always had: HTML
#: when ``looks_like_html(sample) >= 0.5``, else text. A plugin must be more than half sure.
TEXT_FALLBACK_SCORE = 0.5

Origin = Literal["built-in", "code", "entry point"]


@runtime_checkable
class Parser(Protocol):
    """What a parser provides. Plain attributes or properties both do for ``name`` and
    ``formats``."""

    @property
    def name(self) -> str:
        """The parser's unique name (``html``, ``text``, ``gemtext`` ...)."""
        ...

    @property
    def formats(self) -> Sequence[str]:
        """The input formats it reads; ``--input-format`` accepts these and the name."""
        ...

    def sniff(self, sample: str, *, url: str | None) -> float:
        """Return how sure the parser is that ``sample`` is its format, 0.0-1.0."""
        ...

    def parse(self, text: str, *, url: str | None) -> Document:
        """Return the Document read from ``text``."""
        ...


@attrs.frozen(kw_only=True)
class ParserInfo:
    """A registered parser and where it came from.

    ``origin`` is ``"built-in"``, ``"code"`` (:func:`register_parser`) or ``"entry point"``;
    ``distribution`` and ``version`` name the package that provides it (articlekit itself for
    built-ins, None for parsers registered in code).
    """

    name: str
    formats: tuple[str, ...]
    parser: Parser = attrs.field(eq=False, repr=False)
    origin: Origin
    entry_point: str | None = None
    distribution: str | None = None
    version: str | None = None

    @property
    def provider(self) -> str:
        """Return a short description of the source: ``"built-in"``, ``"dist 1.0"``, ..."""
        if self.origin == "built-in":
            return "built-in"
        if self.origin == "code":
            return "registered in code"
        dist = f"{self.distribution} {self.version}" if self.distribution else "unknown package"
        return f"{dist} (entry point {self.entry_point!r})"


# --------------------------------------------------------------------------- HTML sniffing

# Markup that only an HTML page starts with (after whitespace, BOM, comments or the XML
# declaration an XHTML page may open with).
_HTML_START = re.compile(
    r"\A(?:\s|\ufeff|<!--.*?-->|<\?xml[^>]{0,200}\?>)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|link|script|style)\b",
    re.IGNORECASE | re.DOTALL,
)
# Elements whose presence anywhere near the start marks HTML even without a prologue.
_HTML_TAGS = re.compile(
    r"</?(?:html|head|body|div|p|span|article|section|main|h[1-6]|ul|ol|li|table|a|br|img)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)


def looks_like_html(sample: str) -> float:
    """Return how sure we are that ``sample`` is HTML, 0.0-1.0.

    A prologue (``<!DOCTYPE html>``, ``<html>``, ``<head>`` ...) is certain; otherwise the
    share of lines holding well-formed tags decides, so prose that merely contains a ``<``
    ("x < y", "<3") stays text.
    """
    head = sample[:SNIFF_CHARS]
    if _HTML_START.match(head):
        return 1.0
    tags = len(_HTML_TAGS.findall(head))
    if tags == 0:
        return 0.0
    lines = max(1, head.count("\n") + 1)
    score = min(1.0, 0.2 + 0.8 * min(1.0, tags / max(3.0, lines / 4)))
    if _is_markdown(head):
        # Markdown that carries raw HTML (pandoc's GFM, a README): its tags are a part of
        # a text, which the text parser reads with them
        return min(score, MARKDOWN_HTML_SCORE)
    return score


# Markdown's own structure, which no page's markup has at a line's start: an ATX heading
# ("## Results") or a code fence; and "[text](url)" links. (Not bullets: a page's comments
# and scripts start lines with "* " and "+ ".)
_MARKDOWN_SIGN = re.compile(r"^(?:#{1,6}[ \t]+\S|```)|\]\((?:https?://|/|#)", re.MULTILINE)
#: Signs of Markdown a sample that does not open with a heading holds before its tags
#: count as a text's raw HTML. None of the 603 pages of both corpora (133 of them without
#: a prologue: Readability's expected articles) has three, nor opens with a heading.
MIN_MARKDOWN_SIGNS = 3
#: The HTML score of Markdown with raw HTML: under :data:`TEXT_FALLBACK_SCORE`, so ``parse``
#: reads it as text.
MARKDOWN_HTML_SCORE = 0.4


# A text that opens with an ATX heading ("# Title") is Markdown: a page opens with markup.
_OPENS_WITH_HEADING = re.compile(r"\A\s*#{1,6}[ \t]+\S")


def _is_markdown(head: str) -> bool:
    """Return True when ``head`` has Markdown's structure (and its tags are raw HTML in it)."""
    if _OPENS_WITH_HEADING.match(head):
        return True
    for signs, _ in enumerate(_MARKDOWN_SIGN.finditer(head), start=1):
        if signs >= MIN_MARKDOWN_SIGNS:
            return True
    return False


# --------------------------------------------------------------------------- built-ins


class HtmlParser:
    """The built-in HTML parser (:func:`articlekit.parse_html`) as a registry entry."""

    name = "html"
    formats: tuple[str, ...] = ("html",)

    def sniff(self, sample: str, *, url: str | None) -> float:
        """Return :func:`looks_like_html` of the sample."""
        return looks_like_html(sample)

    def parse(
        self,
        text: str,
        *,
        url: str | None,
        encoding: str | None = None,
        rules: Sequence[Any] | None = None,
    ) -> Document:
        """Return the Document of an HTML page; ``rules`` are site rules for the page."""
        from articlekit.html import read_page

        return read_page(text, url=url, encoding=encoding, rules=rules)


class TextParser:
    """The built-in plain-text parser (:func:`articlekit.parse_text`) as a registry entry."""

    name = "text"
    formats: tuple[str, ...] = ("text",)

    def sniff(self, sample: str, *, url: str | None) -> float:
        """Return :data:`TEXT_FALLBACK_SCORE`: any readable text can be read as text."""
        return TEXT_FALLBACK_SCORE

    def parse(self, text: str, *, url: str | None) -> Document:
        """Return the Document of a plain-text article."""
        from articlekit.text.parser import read_text

        return read_text(text, url=url)


def _articlekit_version() -> str | None:
    try:
        return importlib.metadata.version("articlekit")
    except importlib.metadata.PackageNotFoundError:
        return None


# --------------------------------------------------------------------------- checks


def _check_parser(obj: object) -> Parser:
    """Return ``obj`` as a Parser, or raise ValueError saying what it lacks."""
    name = getattr(obj, "name", None)
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{type(obj).__name__} has no 'name' string")
    formats = getattr(obj, "formats", None)
    if isinstance(formats, str) or not isinstance(formats, Sequence):
        raise ValueError(f"parser {name!r}: 'formats' must be a sequence of strings")
    if not all(isinstance(f, str) and f for f in formats):
        raise ValueError(f"parser {name!r}: 'formats' must hold non-empty strings")
    for method in ("sniff", "parse"):
        if not callable(getattr(obj, method, None)):
            raise ValueError(f"parser {name!r} has no {method}() method")
    return obj  # type: ignore[return-value]


def _instantiate(loaded: object) -> object:
    """Return the parser an entry point names: the object, an instance of it, or its product."""
    if isinstance(loaded, type):
        return loaded()
    if hasattr(loaded, "sniff") and hasattr(loaded, "parse"):
        return loaded
    if callable(loaded):
        return loaded()
    return loaded


def _dist_of(ep: importlib.metadata.EntryPoint) -> tuple[str | None, str | None]:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return None, None
    return dist.metadata["Name"], dist.version


# --------------------------------------------------------------------------- the registry


class ParserRegistry:
    """An ordered set of parsers: built-ins, then code registrations, then entry points.

    ``entry_points`` returns the entry points to load (the default reads the installed
    packages' metadata); tests pass their own.
    """

    def __init__(
        self,
        *,
        builtins: bool = True,
        entry_points: Callable[[], Sequence[importlib.metadata.EntryPoint]] | None = None,
    ) -> None:
        self._lock = threading.RLock()
        self._infos: list[ParserInfo] = []
        self._errors: list[PluginError] = []
        self._warned: set[str] = set()
        self._entry_points = entry_points or _installed_entry_points
        self._loaded = False
        if builtins:
            version = _articlekit_version()
            for parser in (HtmlParser(), TextParser()):
                self._infos.append(
                    ParserInfo(
                        name=parser.name,
                        formats=parser.formats,
                        parser=parser,
                        origin="built-in",
                        distribution="articlekit",
                        version=version,
                    )
                )

    # -- registration ---------------------------------------------------------------------

    def register(self, parser: Parser) -> ParserInfo:
        """Add ``parser`` and return its entry; a name already taken raises PluginError."""
        try:
            checked = _check_parser(parser)
        except ValueError as exc:
            raise PluginError(f"cannot register parser: {exc}") from exc
        info = ParserInfo(
            name=checked.name,
            formats=tuple(checked.formats),
            parser=checked,
            origin="code",
        )
        with self._lock:
            self._add(info)
        return info

    def unregister(self, name: str) -> None:
        """Remove the parser called ``name`` (built-ins included); unknown names are ignored."""
        with self._lock:
            self._infos = [i for i in self._infos if i.name != name]

    def _add(self, info: ParserInfo) -> None:
        for existing in self._infos:
            if existing.name == info.name:
                raise PluginError(
                    f"a parser named {info.name!r} is already registered ({existing.provider})"
                )
        self._infos.append(info)

    def _load_entry_points(self) -> None:
        with self._lock:
            if self._loaded:
                return
            self._loaded = True
            # sorted by (name, distribution) so that the tie order never depends on sys.path
            found = sorted(self._entry_points(), key=lambda ep: (ep.name, _dist_of(ep)[0] or ""))
            for ep in found:
                dist, version = _dist_of(ep)
                where = f"entry point {ep.name!r} ({ep.value}) of " + (
                    f"{dist} {version}" if dist else "an unknown package"
                )
                try:
                    # plugin code is foreign: whatever it raises while loading is its failure
                    parser = _check_parser(_instantiate(ep.load()))
                except Exception as exc:
                    self._errors.append(
                        PluginError(f"{where}: cannot load: {type(exc).__name__}: {exc}")
                    )
                    continue
                info = ParserInfo(
                    name=parser.name,
                    formats=tuple(parser.formats),
                    parser=parser,
                    origin="entry point",
                    entry_point=ep.name,
                    distribution=dist,
                    version=version,
                )
                try:
                    self._add(info)
                except PluginError as exc:
                    self._errors.append(PluginError(f"{where}: {exc.problem}"))

    # -- queries --------------------------------------------------------------------------

    def parsers(self) -> tuple[ParserInfo, ...]:
        """Return every working parser in tie-break order (built-ins first)."""
        self._load_entry_points()
        with self._lock:
            return tuple(self._infos)

    def errors(self) -> tuple[PluginError, ...]:
        """Return the errors of entry points that could not be loaded."""
        self._load_entry_points()
        with self._lock:
            return tuple(self._errors)

    def find(self, format: str) -> ParserInfo:
        """Return the parser for an explicit ``format`` (its name or one of its formats).

        Raises :class:`~articlekit.PluginError` when the format belongs to a broken plugin
        and :class:`~articlekit.UnsupportedInputError` when nothing knows it.
        """
        infos = self.parsers()
        for info in infos:
            if info.name == format:
                return info
        for info in infos:
            if format in info.formats:
                return info
        for error in self.errors():
            if f"entry point {format!r}" in error.problem:
                raise error
        known = sorted({f for i in infos for f in (i.name, *i.formats)})
        raise UnsupportedInputError(f"unknown input format {format!r} (known: {', '.join(known)})")

    def choose(
        self, sample: str, *, url: str | None = None, format: str | None = None
    ) -> ParserInfo:
        """Return the parser for ``sample``: the explicit ``format``, else the best sniff."""
        if format not in (None, "auto"):
            return self.find(format)
        self.warn_broken()
        sample = sample[:SNIFF_CHARS]
        best: ParserInfo | None = None
        best_score = -1.0
        for info in self.parsers():
            score = self._sniff(info, sample, url)
            if score > best_score:  # strictly greater: the first registered wins a tie
                best, best_score = info, score
        if best is None:
            raise UnsupportedInputError("no parser is registered")
        return best

    def _sniff(self, info: ParserInfo, sample: str, url: str | None) -> float:
        if info.origin == "built-in":
            return float(info.parser.sniff(sample, url=url))
        try:
            # plugin code is foreign: a failing sniff means "not mine", reported once
            score = info.parser.sniff(sample, url=url)
            if isinstance(score, bool) or not isinstance(score, (int, float)):
                raise TypeError(f"sniff() returned {type(score).__name__}, not a float")
            if math.isnan(score):
                raise ValueError("sniff() returned NaN")
        except Exception as exc:
            self._warn_once(
                info.name,
                f"parser {info.name!r} ({info.provider}) is skipped: {type(exc).__name__}: {exc}",
            )
            return 0.0
        return min(1.0, max(0.0, float(score)))

    def warn_broken(self) -> tuple[PluginError, ...]:
        """Warn (``RuntimeWarning``, once per plugin) about broken entry points; return them."""
        broken = self.errors()
        for error in broken:
            self._warn_once(str(error), str(error))
        return broken

    def _warn_once(self, key: str, message: str) -> None:
        with self._lock:
            if key in self._warned:
                return
            self._warned.add(key)
        warnings.warn(message, RuntimeWarning, stacklevel=4)


def _installed_entry_points() -> Sequence[importlib.metadata.EntryPoint]:
    return tuple(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP))


def run_parser(info: ParserInfo, text: str, *, url: str | None, **options: Any) -> Document:
    """Return ``info.parser``'s Document for ``text``.

    ``options`` (``encoding``, ``rules``) reach the built-in HTML parser only. A plugin's
    own exception, or a result that is not a Document, becomes a
    :class:`~articlekit.ParseError` naming the parser and its distribution.
    """
    if info.origin == "built-in":
        if isinstance(info.parser, HtmlParser):
            return info.parser.parse(text, url=url, **options)
        return info.parser.parse(text, url=url)
    try:
        doc = info.parser.parse(text, url=url)
    except ArticleKitError:
        raise
    except Exception as exc:
        # plugin code is foreign: its failure is this input's failure, not the caller's
        raise ParseError(
            f"parser {info.name!r} ({info.provider}) failed: {type(exc).__name__}: {exc}"
        ) from exc
    if not isinstance(doc, Document):
        raise ParseError(
            f"parser {info.name!r} ({info.provider}) returned {type(doc).__name__}, not a Document"
        )
    return _with_source(doc, info, url)


def _with_source(doc: Document, info: ParserInfo, url: str | None) -> Document:
    """Return a plugin's ``doc`` with what its ``source`` leaves unsaid said: the parser's
    name, its first format (else its name) and the input's URL. A plugin that sets none
    (docs/plugins.md asks it to) still tells which parser read the document."""
    source = doc.source
    fill: dict[str, str] = {}
    if source.parser is None:
        fill["parser"] = info.name
    if source.format is None:
        fill["format"] = info.formats[0] if info.formats else info.name
    if source.url is None and url is not None:
        fill["url"] = url
    if not fill:
        return doc
    return attrs.evolve(doc, source=attrs.evolve(source, **fill))


# --------------------------------------------------------------------------- module API

_default = ParserRegistry()


def default_registry() -> ParserRegistry:
    """Return the process-wide registry used by ``parse``, the CLI and the batch API."""
    return _default


def register_parser(parser: Parser) -> ParserInfo:
    """Register ``parser`` in the default registry and return its entry.

    Raises :class:`~articlekit.PluginError` when it lacks part of the protocol or its name
    is taken. Parsers registered in code reach ``convert_many(..., jobs=N)`` workers only
    when they can be pickled (or the platform forks).
    """
    return _default.register(parser)


def unregister_parser(name: str) -> None:
    """Remove the parser called ``name`` from the default registry."""
    _default.unregister(name)


def registered_parsers() -> tuple[ParserInfo, ...]:
    """Return every working parser of the default registry, built-ins first."""
    return _default.parsers()


def plugin_errors() -> tuple[PluginError, ...]:
    """Return why each broken ``articlekit.parsers`` entry point could not be loaded."""
    return _default.errors()


def find_parser(format: str) -> ParserInfo:
    """Return the default registry's parser for an explicit format name."""
    return _default.find(format)


def choose_parser(sample: str, *, url: str | None = None, format: str | None = None) -> ParserInfo:
    """Return the default registry's parser for ``sample`` (explicit format, else sniffing)."""
    return _default.choose(sample, url=url, format=format)
