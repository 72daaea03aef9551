"""Per-site rules: where a site keeps its article, what to drop and where its recommendations are.

A :class:`SiteRule` is a frozen value matched by host suffix. Its selectors are XPath when
they start with ``/``, ``./`` or ``(``, otherwise CSS (translated by cssselect); all are
compiled once, when the rule is built, so a bad selector fails early with a
:class:`RuleError` that names the rule and the selector. For a page whose URL matches a
rule, the HTML parser uses the rule's selections before its generic heuristics.

:func:`registered_rules` lists them in this order, which decides ties between rules with
equally long host suffixes::

    register_rule(rule)              rules registered in code (latest registration first)
    entry points "articlekit.rules"  rules shipped by other distributions, loaded lazily
    built-in examples                articlekit/builtin_rules/*.toml

:func:`load_rules` reads a rule file (TOML or JSON); pass its rules to ``parse_html(...,
rules=...)`` or register them. :func:`find_rule` picks the rule whose host suffix is the
longest match for a URL.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Final, cast
from urllib.parse import urlsplit

import attrs
from cssselect import SelectorError
from lxml import etree
from lxml.cssselect import CSSSelector

from articlekit.errors import ArticleKitError, PluginError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = [
    "ENTRY_POINT_GROUP",
    "RuleError",
    "RuleResult",
    "SiteRule",
    "apply_rule",
    "builtin_rules",
    "find_rule",
    "load_rules",
    "register_rule",
    "registered_rules",
]

#: The entry-point group other distributions use to ship site rules.
ENTRY_POINT_GROUP: Final = "articlekit.rules"
#: Keys a rule may have in a rule file; anything else is a typo and is reported.
RULE_KEYS: Final = frozenset({"name", "hosts", "content", "drop", "recommendations", "title"})
_XPATH_STARTS: Final = ("/", "./", "(")
_MAX_RULE_FILE_BYTES: Final = 5_000_000
# "{..." or "[ {..." / "[]" is JSON; TOML files start with comments, keys or "[[rule]]".
_JSON_START: Final = re.compile(r"\s*(?:\{|\[\s*[{\]])")


class RuleError(ArticleKitError):
    """Raised for a site rule that cannot be used: a bad selector, host or rule file.

    The message names the rule (and the file, as ``source``, when it came from one).
    """


# --------------------------------------------------------------------------- selectors


def _is_xpath(selector: str) -> bool:
    return selector.lstrip().startswith(_XPATH_STARTS)


def compile_selector(selector: str) -> etree.XPath:
    """Return ``selector`` compiled to an XPath; raise ValueError naming the problem.

    XPath when it starts with ``/``, ``./`` or ``(``; CSS otherwise.
    """
    text = selector.strip()
    if not text:
        raise ValueError("empty selector")
    if _is_xpath(text):
        try:
            compiled = etree.XPath(text)
        except etree.XPathError as exc:
            raise ValueError(f"invalid XPath ({exc})") from exc
        _check_names(text)
        return compiled
    try:
        return CSSSelector(text, translator="html")
    except SelectorError as exc:
        raise ValueError(f"invalid CSS selector ({exc})") from exc
    except etree.XPathError as exc:  # cssselect produced XPath lxml rejects
        raise ValueError(f"unsupported CSS selector ({exc})") from exc
    except RecursionError as exc:  # cssselect parses nesting recursively
        raise ValueError("CSS selector nested too deeply to translate") from exc


# The functions of XPath 1.0, the only ones a rule's XPath can call: lxml compiles a call
# of any other name and fails only when a page's nodes reach it.
XPATH_FUNCTIONS: Final = frozenset(
    {
        "last", "position", "count", "id", "local-name", "namespace-uri", "name",
        "string", "concat", "starts-with", "contains", "substring-before",
        "substring-after", "substring", "string-length", "normalize-space", "translate",
        "boolean", "not", "true", "false", "lang", "number", "sum", "floor", "ceiling",
        "round",
    }
)  # fmt: skip
# Node tests written like calls, and the operators a "(" may follow.
_NOT_CALLS: Final = frozenset(
    {"node", "text", "comment", "processing-instruction", "and", "or", "div", "mod"}
)
_LITERAL: Final = re.compile(r"'[^']*'|\"[^\"]*\"")
_CALL: Final = re.compile(r"(?<![\w.:@$-])([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*\(")
# A prefixed name ("ex:test", "svg:rect"); an axis ("child::p") has two colons. The prefix
# ``xml`` is bound in every XPath ("@xml:lang").
_BOUND_PREFIXES: Final = frozenset({"xml"})
_PREFIX: Final = re.compile(r"(?<![\w.:-])([A-Za-z_][\w.-]*):(?!:)[A-Za-z_*]")
_VARIABLE: Final = re.compile(r"\$\s*([A-Za-z_][\w.-]*)")


def _check_names(xpath: str) -> None:
    """Raise ValueError for a name ``xpath`` uses that no page can give: a function that is
    not XPath 1.0's, a namespace prefix or a variable (a rule binds none of them).

    lxml compiles such an XPath and fails only on a page whose nodes reach the name (in a
    predicate, only on a page that has the elements): the rule file must fail when it is
    loaded, not page by page.
    """
    code = _LITERAL.sub("''", xpath)
    for match in _CALL.finditer(code):
        name = match.group(1)
        if ":" in name:
            raise ValueError(f"unknown function {name}() (no namespace prefix is bound)")
        if name not in XPATH_FUNCTIONS and name not in _NOT_CALLS:
            raise ValueError(f"unknown function {name}() (XPath 1.0 functions only)")
    for prefix in _PREFIX.finditer(code):
        if prefix.group(1) not in _BOUND_PREFIXES:
            raise ValueError(f"undefined namespace prefix {prefix.group(1)!r}")
    variable = _VARIABLE.search(code)
    if variable is not None:
        raise ValueError(f"undefined variable ${variable.group(1)}")


# Characters of a selector an error message quotes: a generated selector can be of any
# length, and a message is read on a terminal.
_SHOWN_SELECTOR_CHARS = 120


def _shown(selector: str) -> str:
    """Return ``selector`` quoted for a message, cut to :data:`_SHOWN_SELECTOR_CHARS`."""
    if len(selector) <= _SHOWN_SELECTOR_CHARS:
        return repr(selector)
    return f"{selector[:_SHOWN_SELECTOR_CHARS]!r}... ({len(selector)} characters)"


def _run(xpath: Selector, root: etree._Element, where: str) -> list[Any]:
    try:
        result = xpath(root)
    except etree.XPathError as exc:  # e.g. an undefined function or variable at run time
        raise RuleError(f"{where} failed on this page ({exc})") from exc
    return result if isinstance(result, list) else [result]


def _outermost(elements: Iterable[etree._Element]) -> list[etree._Element]:
    """Return ``elements`` without duplicates and without those nested in another one."""
    chosen: list[etree._Element] = []
    ids: set[int] = set()
    for el in elements:
        if id(el) in ids:
            continue
        ids.add(id(el))
        chosen.append(el)
    kept: list[etree._Element] = []
    for el in chosen:
        parent = el.getparent()
        nested = False
        while parent is not None:
            if id(parent) in ids:
                nested = True
                break
            parent = parent.getparent()
        if not nested:
            kept.append(el)
    return kept


def _elements(values: Iterable[Any]) -> list[etree._Element]:
    return [v for v in values if isinstance(v, etree._Element) and isinstance(v.tag, str)]


# A CSS selector of one class or one id and nothing else (".sharedaddy", "#toc"): most
# selectors of the built-in rules, matched by :class:`NameSelector`.
_NAME_SELECTOR: Final = re.compile(r"([.#])([A-Za-z_][A-Za-z0-9_-]*)\Z")
# XPath's white space (``normalize-space``: space, tab, carriage return, line feed).
_XPATH_SPACE: Final = str.maketrans("\t\r\n", "   ")


@attrs.frozen
class NameSelector:
    """A CSS selector of one class (``.name``) or one id (``#name``), matched in Python.

    cssselect translates ``.name`` to ``descendant-or-self::*[@class and contains(@class,
    'name') and contains(concat(' ', normalize-space(@class), ' '), ' name ')]`` and
    ``#name`` to ``descendant-or-self::*[@id = 'name']``. libxml2 evaluates such a
    predicate at ~3,000 instructions an element (it makes and frees a string object for
    each step), so the ten selectors of a blogging platform's rule cost a third of
    reading one of its pages. A walk over the elements that tests the attribute's value
    in Python selects the same elements in the same (document) order at a tenth of that,
    and one walk serves all the name selectors of a group (:func:`select_names`).
    """

    is_class: bool
    name: str

    def matches(self, cls: str | None, ident: str | None) -> bool:
        """Return True for an element of class attribute ``cls`` and id ``ident``."""
        if not self.is_class:
            return ident == self.name
        name = self.name
        return cls is not None and name in cls and f" {name} " in f" {cls.translate(_XPATH_SPACE)} "

    def __call__(self, root: etree._Element) -> list[etree._Element]:
        """Return the elements the selector selects in ``root`` (``root`` included)."""
        return select_names((self,), root)


def name_selector(selector: str) -> NameSelector | None:
    """Return the :class:`NameSelector` of a CSS selector of one class or one id (ASCII
    letters, digits, ``_`` and ``-``), or None for any other selector."""
    found = _NAME_SELECTOR.match(selector.strip())
    if found is None:
        return None
    return NameSelector(is_class=found.group(1) == ".", name=found.group(2))


def select_names(selectors: Sequence[NameSelector], root: etree._Element) -> list[etree._Element]:
    """Return the elements under ``root`` (itself included) that any of ``selectors``
    selects, each once, in document order."""
    want_class = any(s.is_class for s in selectors)
    want_id = not all(s.is_class for s in selectors)
    found: list[etree._Element] = []
    for el in root.iter(etree.Element):
        cls = el.get("class") if want_class else None
        ident = el.get("id") if want_id else None
        if (cls is not None or ident is not None) and any(s.matches(cls, ident) for s in selectors):
            found.append(el)
    return found


#: A compiled selector: lxml's XPath (or CSSSelector) or a :class:`NameSelector`.
Selector = Callable[[etree._Element], Any]


# --------------------------------------------------------------------------- the rule


def _selectors(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Iterable):
        raise RuleError(f"selectors must be a string or a list of strings (got {value!r})")
    return tuple(value)


def _hosts(value: str | Iterable[str]) -> tuple[str, ...]:
    items = (value,) if isinstance(value, str) else tuple(value)
    out = []
    for item in items:
        if not isinstance(item, str):
            raise RuleError(f"'hosts' must hold strings (got {type(item).__name__})")
        host = item.strip().lower().rstrip(".")
        if host.startswith("*."):
            host = host[2:]
        out.append(host.lstrip("."))
    return tuple(out)


# Characters no host suffix holds: a URL's other parts, white space, and wildcards (a rule
# applies to the hosts it names; "*" or "news.*" would never match a host and the rule
# would do nothing, in silence). A leading "*." is taken off before the check.
_NOT_IN_HOSTS = frozenset(" \t/:*?#@[]\\")


def _check_hosts(
    _inst: object, _attr: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if not value:
        raise RuleError("'hosts' must name at least one host suffix")
    for host in value:
        if not host or any(char in host for char in _NOT_IN_HOSTS):
            raise RuleError(f"'hosts' holds {host!r}, which is not a host name")


def _check_selectors(
    _inst: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    for item in value:
        if not isinstance(item, str):
            raise RuleError(f"'{attribute.name}' must hold strings (got {type(item).__name__})")


@attrs.frozen(kw_only=True)
class SiteRule:
    """A declarative rule for the sites whose host ends with one of ``hosts``.

    ``content``: selectors for the article body, tried in order, the first that matches
    wins; ``drop``: selectors for nodes to remove; ``recommendations``: selectors for
    "related articles" blocks; ``title``: a selector for the title. ``name`` defaults to
    the first host. Selectors are compiled on construction; a bad one raises RuleError.
    """

    hosts: tuple[str, ...] = attrs.field(converter=_hosts, validator=_check_hosts)
    content: tuple[str, ...] = attrs.field(
        factory=tuple, converter=_selectors, validator=_check_selectors
    )
    drop: tuple[str, ...] = attrs.field(
        factory=tuple, converter=_selectors, validator=_check_selectors
    )
    recommendations: tuple[str, ...] = attrs.field(
        factory=tuple, converter=_selectors, validator=_check_selectors
    )
    title: str | None = attrs.field(default=None)
    name: str = attrs.field(default="")
    _compiled: dict[str, tuple[Selector, ...]] = attrs.field(
        init=False, factory=dict, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", self.hosts[0])
        if self.title is not None and not isinstance(self.title, str):
            raise RuleError(f"rule {self.name!r}: 'title' must be one selector string")
        groups = {
            "content": self.content,
            "drop": self.drop,
            "recommendations": self.recommendations,
            "title": (self.title,) if self.title else (),
        }
        for group, selectors in groups.items():
            compiled: list[Selector] = []
            for selector in selectors:
                try:
                    xpath = compile_selector(selector)
                except ValueError as exc:
                    raise RuleError(
                        f"rule {self.name!r}: {group} selector {_shown(selector)}: {exc}"
                    ) from exc
                compiled.append(name_selector(selector) or xpath)
            self._compiled[group] = tuple(compiled)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Compiled selectors cannot be pickled; rebuild (and recompile) from the fields,
        # so rules travel to worker processes (batch jobs, Dask).
        return (
            _rebuild_rule,
            (self.hosts, self.content, self.drop, self.recommendations, self.title, self.name),
        )

    # ----------------------------------------------------------------- matching

    def host_match(self, url: str | None) -> int:
        """Return the length of the longest host suffix matching ``url``'s host; 0 if none."""
        host = _host(url)
        if not host:
            return 0
        best = 0
        for suffix in self.hosts:
            if (host == suffix or host.endswith("." + suffix)) and len(suffix) > best:
                best = len(suffix)
        return best

    def matches(self, url: str) -> bool:
        """Return True when ``url``'s host is one of ``hosts`` or a subdomain of one."""
        return self.host_match(url) > 0

    # ----------------------------------------------------------------- selecting

    def select_content(self, root: etree._Element) -> list[etree._Element]:
        """Return the elements of the first content selector that matches (outermost only)."""
        for xpath in self._compiled["content"]:
            found = _outermost(_elements(_run(xpath, root, self._where(xpath))))
            if found:
                return found
        return []

    def select_drop(self, root: etree._Element) -> list[etree._Element]:
        """Return every element a drop selector matches (outermost only, page order)."""
        return self._select_all("drop", root)

    def select_recommendations(self, root: etree._Element) -> list[etree._Element]:
        """Return every element a recommendations selector matches (outermost only)."""
        return self._select_all("recommendations", root)

    def select_title(self, root: etree._Element) -> str | None:
        """Return the whitespace-collapsed text the title selector selects, or None."""
        for xpath in self._compiled["title"]:
            for value in _run(xpath, root, self._where(xpath)):
                if isinstance(value, etree._Element):
                    text = " ".join("".join(str(t) for t in value.itertext()).split())
                elif isinstance(value, str):
                    text = " ".join(value.split())
                else:
                    continue
                if text:
                    return text
        return None

    def _where(self, xpath: Selector) -> str:
        """Return "rule 'name': <group> selector '<text>'" for a compiled selector."""
        for group, compiled in self._compiled.items():
            selectors = (self.title,) if group == "title" else getattr(self, group)
            for selector, candidate in zip(selectors, compiled, strict=False):
                if candidate is xpath:
                    return f"rule {self.name!r}: {group} selector {_shown(selector)}"
        return f"rule {self.name!r}"

    def _select_all(self, group: str, root: etree._Element) -> list[etree._Element]:
        compiled = self._compiled[group]
        if len(compiled) > 1 and all(isinstance(s, NameSelector) for s in compiled):
            # (one walk for all, in page order: what the loop below gives, sorted)
            return _outermost(select_names(cast("tuple[NameSelector, ...]", compiled), root))
        found: list[etree._Element] = []
        for xpath in compiled:
            found.extend(_elements(_run(xpath, root, self._where(xpath))))
        if len(self._compiled[group]) > 1 and found:
            order = {id(el): i for i, el in enumerate(root.iter())}
            found.sort(key=lambda el: order.get(id(el), -1))
        return _outermost(found)


def _rebuild_rule(
    hosts: tuple[str, ...],
    content: tuple[str, ...],
    drop: tuple[str, ...],
    recommendations: tuple[str, ...],
    title: str | None,
    name: str,
) -> SiteRule:
    return SiteRule(
        hosts=hosts,
        content=content,
        drop=drop,
        recommendations=recommendations,
        title=title,
        name=name,
    )


@attrs.frozen(kw_only=True)
class RuleResult:
    """What a rule selects on one page; empty tuples and None where it selects nothing."""

    rule: SiteRule
    content: tuple[etree._Element, ...] = ()
    drop: tuple[etree._Element, ...] = ()
    recommendations: tuple[etree._Element, ...] = ()
    title: str | None = None


def apply_rule(rule: SiteRule, root: etree._Element) -> RuleResult:
    """Return everything ``rule`` selects on the page under ``root``; the tree is not changed."""
    return RuleResult(
        rule=rule,
        content=tuple(rule.select_content(root)),
        drop=tuple(rule.select_drop(root)),
        recommendations=tuple(rule.select_recommendations(root)),
        title=rule.select_title(root),
    )


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return ""
    return (host or "").rstrip(".")


# --------------------------------------------------------------------------- files


def rule_from_mapping(data: Mapping[str, Any], *, where: str) -> SiteRule:
    """Return the SiteRule described by ``data``; ``where`` names it in errors."""
    if not isinstance(data, Mapping):
        raise RuleError(f"{where}: a rule must be a table/object (got {type(data).__name__})")
    unknown = sorted(set(data) - RULE_KEYS)
    label = f"rule {data.get('name')!r}" if isinstance(data.get("name"), str) else where
    if unknown:
        raise RuleError(
            f"{label}: unknown key(s) {', '.join(map(repr, unknown))} "
            f"(allowed: {', '.join(sorted(RULE_KEYS))})"
        )
    if "hosts" not in data:
        raise RuleError(f"{label}: 'hosts' is required")
    for key in ("content", "drop", "recommendations", "hosts"):
        value = data.get(key, ())
        if not isinstance(value, (str, list, tuple)):
            raise RuleError(f"{label}: {key!r} must be a string or a list of strings")
    if "title" in data and not isinstance(data["title"], str):
        raise RuleError(f"{label}: 'title' must be a string")
    if "name" in data and not isinstance(data["name"], str):
        raise RuleError(f"{label}: 'name' must be a string")
    try:
        return SiteRule(**{str(k): v for k, v in data.items()})
    except RuleError as exc:
        if exc.problem.startswith("rule "):
            raise
        raise RuleError(f"{label}: {exc.problem}") from exc


def _rule_list(document: Any, name: str) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, Mapping):
        rules = document.get("rule", document.get("rules"))
        if isinstance(rules, list):
            return rules
        if rules is None and "hosts" in document:
            return [document]
    raise RuleError(
        'expected a list of rules: [[rule]] tables in TOML, or {"rules": [...]} in JSON',
        source=name,
    )


def parse_rules(
    text: str, *, name: str = "<rules>", kind: str | None = None
) -> tuple[SiteRule, ...]:
    """Return the rules in ``text`` (TOML, or JSON when ``kind="json"`` or it looks like JSON).

    ``name`` names the text in error messages.
    """
    if kind is None:
        kind = "json" if _JSON_START.match(text) else "toml"
    try:
        document: Any = json.loads(text) if kind == "json" else tomllib.loads(text)
    except json.JSONDecodeError as exc:
        raise RuleError(f"invalid JSON ({exc})", source=name) from exc
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"invalid TOML ({exc})", source=name) from exc
    except RecursionError as exc:
        raise RuleError("rule file nested too deeply", source=name) from exc
    rules = []
    for index, item in enumerate(_rule_list(document, name)):
        try:
            rules.append(rule_from_mapping(item, where=f"rule #{index + 1}"))
        except RuleError as exc:
            raise RuleError(exc.problem, source=name) from exc
    return tuple(rules)


def load_rules(path: str | os.PathLike[str]) -> tuple[SiteRule, ...]:
    """Return the rules of a rule file: TOML (``[[rule]]`` tables) or JSON (``.json``).

    Raises RuleError naming the file and the rule for a missing or malformed file, an
    unknown key or a bad selector.
    """
    file = Path(path)
    name = os.fspath(path)
    try:
        if file.stat().st_size > _MAX_RULE_FILE_BYTES:
            raise RuleError(f"rule file larger than {_MAX_RULE_FILE_BYTES} bytes", source=name)
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RuleError("no such rule file", source=name) from exc
    except UnicodeDecodeError as exc:
        raise RuleError("rule file is not UTF-8 text", source=name) from exc
    except OSError as exc:
        raise RuleError(f"cannot read rule file ({exc.strerror})", source=name) from exc
    suffix = file.suffix.lower()
    kind = "json" if suffix == ".json" else "toml" if suffix == ".toml" else None
    return parse_rules(text, name=name, kind=kind)


# --------------------------------------------------------------------------- registry

_REGISTERED: list[SiteRule] = []
_BUILTIN: list[tuple[SiteRule, ...]] = []
_FROM_ENTRY_POINTS: list[tuple[SiteRule, ...]] = []


def register_rule(rule: SiteRule) -> None:
    """Register ``rule`` for :func:`registered_rules`; later registrations win ties."""
    if not isinstance(rule, SiteRule):
        raise RuleError(f"register_rule expects a SiteRule (got {type(rule).__name__})")
    _REGISTERED.append(rule)


def builtin_rules() -> tuple[SiteRule, ...]:
    """Return the example rules shipped in ``articlekit/builtin_rules/*.toml``."""
    if not _BUILTIN:
        folder = resources.files("articlekit").joinpath("builtin_rules")
        rules: list[SiteRule] = []
        try:
            entries = sorted(
                (e for e in folder.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name
            )
        except OSError:  # package data left out of an install: no examples, no crash
            entries = []
        for entry in entries:
            rules.extend(parse_rules(entry.read_text(encoding="utf-8"), name=entry.name))
        _BUILTIN.append(tuple(rules))
    return _BUILTIN[0]


def _entry_point_rules(value: Any, describe: str) -> tuple[SiteRule, ...]:
    if callable(value) and not isinstance(value, SiteRule):
        value = value()
    if isinstance(value, SiteRule):
        return (value,)
    if isinstance(value, (str, os.PathLike)):
        return load_rules(value)
    if isinstance(value, Iterable):
        items = tuple(value)
        bad = [type(item).__name__ for item in items if not isinstance(item, SiteRule)]
        if bad:
            raise PluginError(f"{describe} gave {bad[0]} where SiteRule objects were expected")
        return items
    raise PluginError(
        f"{describe} gave {type(value).__name__}; expected a SiteRule, an iterable of "
        "SiteRules, a path to a rule file, or a function returning one of these"
    )


def _describe(ep: importlib.metadata.EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    dist_name = f"{dist.name} {dist.version}" if dist is not None else "an unknown distribution"
    return f"site-rule entry point {ep.name!r} ({ep.value}) from {dist_name}"


def entry_point_rules() -> tuple[SiteRule, ...]:
    """Return the rules of every ``articlekit.rules`` entry point, loaded on first use.

    A broken entry point raises PluginError naming it and its distribution; nothing is
    cached then, so a fixed installation is picked up on the next call.
    """
    if _FROM_ENTRY_POINTS:
        return _FROM_ENTRY_POINTS[0]
    rules: list[SiteRule] = []
    for ep in sorted(
        importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name
    ):
        describe = _describe(ep)
        try:
            value = ep.load()
        except (ImportError, AttributeError) as exc:
            raise PluginError(f"{describe} cannot be loaded ({exc})") from exc
        try:
            rules.extend(_entry_point_rules(value, describe))
        except RuleError as exc:
            raise PluginError(f"{describe} gave a bad rule: {exc}") from exc
    _FROM_ENTRY_POINTS.append(tuple(rules))
    return _FROM_ENTRY_POINTS[0]


def registered_rules() -> tuple[SiteRule, ...]:
    """Return every known rule in precedence order: registered in code (newest first),
    then entry points, then the built-in examples."""
    return (*reversed(_REGISTERED), *entry_point_rules(), *builtin_rules())


def find_rule(url: str | None, rules: Sequence[SiteRule] | None = None) -> SiteRule | None:
    """Return the rule whose host suffix is the longest match for ``url``, or None.

    ``rules`` defaults to :func:`registered_rules`; on equal suffix lengths the rule
    listed first wins.
    """
    if not url:
        return None
    candidates = registered_rules() if rules is None else rules
    best: SiteRule | None = None
    best_length = 0
    for rule in candidates:
        length = rule.host_match(url)
        if length > best_length:
            best, best_length = rule, length
    return best


def _clear_caches() -> None:
    """Forget registered rules and cached entry points (for tests)."""
    _REGISTERED.clear()
    _FROM_ENTRY_POINTS.clear()
    _BUILTIN.clear()
