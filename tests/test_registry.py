"""Tests for the parser registry: built-ins, code registration, entry points, choosing."""

from __future__ import annotations

import importlib.metadata
import sys
import textwrap
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from articlekit import Document, Paragraph, ParseError, PluginError, SourceInfo, Text
from articlekit.errors import UnsupportedInputError
from articlekit.registry import (
    ENTRY_POINT_GROUP,
    TEXT_FALLBACK_SCORE,
    ParserRegistry,
    looks_like_html,
    run_parser,
)

# --------------------------------------------------------------------------- helpers


def make_dist(
    site: Path,
    name: str,
    version: str,
    entry_points: dict[str, str],
    modules: dict[str, str] | None = None,
) -> None:
    """Install a minimal distribution (dist-info + modules) into ``site`` by hand.

    This is exactly what an installer leaves behind; tests use it for plugins that must be
    broken or slow on purpose. The real example package is pip-installed in test_cli.
    """
    info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    lines = [f"[{ENTRY_POINT_GROUP}]", *(f"{k} = {v}" for k, v in entry_points.items())]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n")
    for module, source in (modules or {}).items():
        (site / f"{module}.py").write_text(textwrap.dedent(source))


def entry_points_in(site: Path) -> Callable[[], Sequence[importlib.metadata.EntryPoint]]:
    def found() -> Sequence[importlib.metadata.EntryPoint]:
        return [
            ep
            for dist in importlib.metadata.distributions(path=[str(site)])
            for ep in dist.entry_points
            if ep.group == ENTRY_POINT_GROUP
        ]

    return found


def doc_of(text: str, parser: str) -> Document:
    return Document(
        title=None,
        blocks=(Paragraph(content=(Text(text=text),)),),
        source=SourceInfo(parser=parser, format=parser),
    )


class MarkerParser:
    """Claims text starting with its marker, with a fixed score."""

    formats: Sequence[str] = ("marker", "mk")

    def __init__(self, name: str = "marker", score: float = 0.9, marker: str = "MARK") -> None:
        self.name = name
        self.score = score
        self.marker = marker

    def sniff(self, sample: str, *, url: str | None) -> float:
        return self.score if sample.startswith(self.marker) else 0.0

    def parse(self, text: str, *, url: str | None) -> Document:
        return doc_of(text, self.name)


PLUGIN_MODULE = """
from articlekit import Document, Paragraph, SourceInfo, Text

class Good:
    name = "good"
    formats = ("goodfmt",)
    def sniff(self, sample, *, url):
        return 1.0 if sample.startswith("GOOD") else 0.0
    def parse(self, text, *, url):
        return Document(blocks=(Paragraph(content=(Text(text=text),)),),
                        source=SourceInfo(parser="good"))

class Explodes:
    name = "explodes"
    formats = ("boom",)
    def sniff(self, sample, *, url):
        raise RuntimeError("sniff exploded")
    def parse(self, text, *, url):
        raise ValueError("parse exploded")

class WrongType:
    name = "wrongtype"
    formats = ("wrong",)
    def sniff(self, sample, *, url):
        return 0.0
    def parse(self, text, *, url):
        return {"not": "a document"}

def factory():
    return Good()

not_a_parser = 42
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "site"
    root.mkdir()
    monkeypatch.syspath_prepend(str(root))
    yield root
    for module in ("ak_plugin_mod",):
        sys.modules.pop(module, None)


# --------------------------------------------------------------------------- built-ins


def test_builtins_come_first_and_name_their_source() -> None:
    registry = ParserRegistry(entry_points=lambda: ())
    infos = registry.parsers()
    assert [i.name for i in infos] == ["html", "text"]
    assert all(i.origin == "built-in" and i.provider == "built-in" for i in infos)
    assert infos[0].distribution == "articlekit"


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("<p>one</p>\n<p>two</p>\n<p>three</p>", "html"),
        ("If x < y and y > z then <3 for maths.", "text"),
        ("A title\n\nA paragraph of plain prose.", "text"),
    ],
)
def test_builtin_choice_keeps_the_html_versus_text_rule(sample: str, expected: str) -> None:
    registry = ParserRegistry(entry_points=lambda: ())
    assert registry.choose(sample).name == expected


def test_text_that_merely_contains_angle_brackets_is_not_html() -> None:
    assert looks_like_html("a < b, b > c, and <3") == 0.0
    assert looks_like_html("<html><body>x</body></html>") == 1.0


# --------------------------------------------------------------------------- code registration


def test_registered_parser_wins_when_more_confident() -> None:
    registry = ParserRegistry(entry_points=lambda: ())
    registry.register(MarkerParser())
    assert registry.choose("MARK this is mine").name == "marker"
    assert registry.choose("plain text, not marked").name == "text"
    assert registry.parsers()[-1].origin == "code"


def test_builtins_win_ties() -> None:
    registry = ParserRegistry(entry_points=lambda: ())
    registry.register(MarkerParser(score=TEXT_FALLBACK_SCORE))
    assert registry.choose("MARK but only half sure").name == "text"


def test_ties_between_plugins_go_to_the_first_registered() -> None:
    registry = ParserRegistry(entry_points=lambda: ())
    registry.register(MarkerParser(name="first"))
    registry.register(MarkerParser(name="second"))
    assert registry.choose("MARK").name == "first"


def test_explicit_format_by_name_or_format() -> None:
    registry = ParserRegistry(entry_points=lambda: ())
    registry.register(MarkerParser())
    assert registry.choose("anything", format="mk").name == "marker"
    assert registry.choose("anything", format="marker").name == "marker"
    assert registry.choose("<p>x</p>", format="text").name == "text"
    assert registry.choose("plain", format="auto").name == "text"


def test_unknown_format_lists_the_known_ones() -> None:
    registry = ParserRegistry(entry_points=lambda: ())
    with pytest.raises(UnsupportedInputError, match=r"unknown input format 'nope'.*html.*text"):
        registry.find("nope")


class SilentParser(MarkerParser):
    """A plugin that says nothing of where its documents came from."""

    def parse(self, text: str, *, url: str | None) -> Document:
        return Document(blocks=(Paragraph(content=(Text(text=text),)),))


def test_a_plugin_document_says_which_parser_read_it() -> None:
    # A plugin that leaves Document.source empty gave documents that named no parser,
    # format or URL; articlekit knows them and fills in what the plugin left unsaid.
    registry = ParserRegistry(entry_points=lambda: ())
    info = registry.register(SilentParser(name="silent"))
    doc = run_parser(info, "MARK text", url="https://x.org/a")
    assert doc.source == SourceInfo(url="https://x.org/a", format="marker", parser="silent")
    assert run_parser(info, "MARK text", url=None).source.url is None
    # what a plugin says stands
    said = registry.register(MarkerParser(name="said"))
    assert run_parser(said, "MARK", url="https://x.org/b").source == SourceInfo(
        url="https://x.org/b", format="said", parser="said"
    )


def test_duplicate_name_is_refused() -> None:
    registry = ParserRegistry(entry_points=lambda: ())
    with pytest.raises(PluginError, match="'html' is already registered"):
        registry.register(MarkerParser(name="html"))


def test_object_without_the_protocol_is_refused() -> None:
    class NoSniff:
        name = "nosniff"
        formats = ("x",)

        def parse(self, text: str, *, url: str | None) -> Document:
            return doc_of(text, "nosniff")

    registry = ParserRegistry(entry_points=lambda: ())
    with pytest.raises(PluginError, match=r"no sniff\(\) method"):
        registry.register(NoSniff())  # type: ignore[arg-type]


def test_unregister_removes_a_parser() -> None:
    registry = ParserRegistry(entry_points=lambda: ())
    registry.register(MarkerParser())
    registry.unregister("marker")
    assert [i.name for i in registry.parsers()] == ["html", "text"]


# --------------------------------------------------------------------------- entry points


def test_entry_points_load_lazily_and_name_their_distribution(site: Path) -> None:
    make_dist(
        site, "ak-plugin", "1.2.3", {"good": "ak_plugin_mod:Good"}, {"ak_plugin_mod": PLUGIN_MODULE}
    )
    calls: list[int] = []
    found = entry_points_in(site)

    def counting() -> Sequence[importlib.metadata.EntryPoint]:
        calls.append(1)
        return found()

    registry = ParserRegistry(entry_points=counting)
    assert calls == []  # nothing loaded at construction
    info = registry.choose("GOOD page")
    assert info.name == "good"
    assert (info.origin, info.distribution, info.version) == ("entry point", "ak-plugin", "1.2.3")
    assert info.provider == "ak-plugin 1.2.3 (entry point 'good')"
    registry.parsers()
    assert calls == [1]  # loaded once


def test_entry_point_may_name_a_factory(site: Path) -> None:
    make_dist(
        site,
        "ak-plugin",
        "1.0",
        {"fact": "ak_plugin_mod:factory"},
        {"ak_plugin_mod": PLUGIN_MODULE},
    )
    registry = ParserRegistry(entry_points=entry_points_in(site))
    assert "good" in [i.name for i in registry.parsers()]


def test_broken_plugins_fail_alone(site: Path) -> None:
    make_dist(
        site,
        "ak-plugin",
        "2.0",
        {
            "good": "ak_plugin_mod:Good",
            "missing": "ak_no_such_module:Parser",
            "notparser": "ak_plugin_mod:not_a_parser",
        },
        {"ak_plugin_mod": PLUGIN_MODULE},
    )
    registry = ParserRegistry(entry_points=entry_points_in(site))
    assert [i.name for i in registry.parsers()] == ["html", "text", "good"]
    messages = [str(e) for e in registry.errors()]
    assert len(messages) == 2
    assert any(
        "'missing'" in m and "ak-plugin 2.0" in m and "ModuleNotFoundError" in m for m in messages
    )
    assert any("'notparser'" in m and "ak-plugin 2.0" in m for m in messages)
    with pytest.raises(PluginError, match="'missing'"):
        registry.find("missing")
    with pytest.warns(RuntimeWarning) as caught:
        assert registry.choose("GOOD still works").name == "good"
    assert sorted(str(w.message) for w in caught) == sorted(messages)  # once per plugin
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a second warning would raise here
        registry.choose("GOOD again")


def test_plugin_whose_sniff_raises_is_skipped_with_a_warning(site: Path) -> None:
    make_dist(
        site,
        "ak-plugin",
        "1.0",
        {"explodes": "ak_plugin_mod:Explodes"},
        {"ak_plugin_mod": PLUGIN_MODULE},
    )
    registry = ParserRegistry(entry_points=entry_points_in(site))
    with pytest.warns(RuntimeWarning, match="sniff exploded"):
        assert registry.choose("plain text").name == "text"


def test_plugin_exceptions_become_parse_errors_naming_the_plugin(site: Path) -> None:
    make_dist(
        site,
        "ak-plugin",
        "3.1",
        {"explodes": "ak_plugin_mod:Explodes", "wrongtype": "ak_plugin_mod:WrongType"},
        {"ak_plugin_mod": PLUGIN_MODULE},
    )
    registry = ParserRegistry(entry_points=entry_points_in(site))
    with pytest.raises(ParseError, match=r"'explodes' \(ak-plugin 3.1.*ValueError: parse exploded"):
        run_parser(registry.find("boom"), "x", url=None)
    with pytest.raises(ParseError, match="returned dict, not a Document"):
        run_parser(registry.find("wrong"), "x", url=None)


def test_a_plugin_may_not_take_a_builtin_name(site: Path) -> None:
    module = PLUGIN_MODULE + "\nclass Impostor(Good):\n    name = 'html'\n"
    make_dist(
        site, "ak-plugin", "1.0", {"impostor": "ak_plugin_mod:Impostor"}, {"ak_plugin_mod": module}
    )
    registry = ParserRegistry(entry_points=entry_points_in(site))
    with pytest.warns(RuntimeWarning, match="already registered"):
        assert registry.choose("<html><body><p>x</p></body></html>").origin == "built-in"
    assert any("already registered" in str(e) for e in registry.errors())
