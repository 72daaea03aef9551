"""Tests for articlekit.rules: SiteRule, rule files, matching, registry and entry points."""

from __future__ import annotations

import gzip
import importlib.metadata
import importlib.resources
import json
import pickle
import sys
import types
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml.cssselect import CSSSelector

from articlekit import rules as rules_mod
from articlekit.errors import ArticleKitError, PluginError
from articlekit.rules import (
    RuleError,
    SiteRule,
    apply_rule,
    builtin_rules,
    find_rule,
    load_rules,
    register_rule,
    registered_rules,
)

PAGE = """<html><head><title>T</title><meta property="og:title" content=" OG  title "></head>
<body>
  <div class="nav">menu</div>
  <article>
    <h1 class="headline">The <em>headline</em></h1>
    <div class="story"><p>First.</p><div class="share">share</div><p>Second.</p></div>
    <section class="related"><a href="/a">A</a><div class="related">nested</div></section>
  </article>
  <aside class="share">side share</aside>
  <div class="related"><a href="/b">B</a></div>
</body></html>"""


@pytest.fixture(autouse=True)
def _clean_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    rules_mod._clear_caches()
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: [])
    yield
    rules_mod._clear_caches()


def text(el: etree._Element) -> str:
    return "".join(str(t) for t in el.itertext())


def tree() -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(PAGE)


# --------------------------------------------------------------------------- construction


def test_rule_compiles_css_and_xpath_and_defaults_its_name() -> None:
    rule = SiteRule(hosts=["Example.COM."], content="article .story", drop=["//aside", ".share"])
    assert rule.hosts == ("example.com",)
    assert rule.content == ("article .story",)
    assert rule.drop == ("//aside", ".share")
    assert rule.name == "example.com"


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"content": ["div["]}, "content selector 'div['"),
        ({"drop": ["//div[@class="]}, "drop selector '//div[@class='"),
        ({"recommendations": ["a:::b"]}, "recommendations selector 'a:::b'"),
        ({"title": "(//h1"}, "title selector '(//h1'"),
        ({"content": ["  "]}, "empty selector"),
        ({"content": ["p::first-line"]}, "content selector 'p::first-line'"),
    ],
)
def test_bad_selector_raises_rule_error_naming_rule_and_selector(
    kwargs: dict[str, Any], needle: str
) -> None:
    with pytest.raises(RuleError) as info:
        SiteRule(hosts=("example.com",), name="my rule", **kwargs)
    assert "rule 'my rule'" in str(info.value)
    assert needle in str(info.value)
    assert isinstance(info.value, ArticleKitError)


@pytest.mark.parametrize(
    "hosts",
    [(), ("",), ("exa mple.com",), ("https://example.com",), (3,), ("*",), ("news.*",)],
)
def test_bad_hosts_raise_rule_error(hosts: tuple[Any, ...]) -> None:
    with pytest.raises(RuleError, match="hosts"):
        SiteRule(hosts=hosts)


def test_a_selector_nested_too_deeply_is_a_rule_error_quoted_short() -> None:
    selector = "div " * 20000  # cssselect parses each level in a recursive call
    with pytest.raises(RuleError) as info:
        SiteRule(hosts=("example.com",), name="deep", content=(selector,))
    message = str(info.value)
    assert "rule 'deep': content selector 'div div" in message
    assert "nested too deeply" in message and "(80000 characters)" in message
    assert len(message) < 300


def test_rules_compare_by_value_and_hash() -> None:
    a = SiteRule(hosts=("example.com",), content=("p",))
    b = SiteRule(hosts=("example.com",), content=("p",))
    assert a == b
    assert hash(a) == hash(b)
    assert a != SiteRule(hosts=("example.com",), content=("div",))


def test_rules_pickle_with_their_compiled_selectors() -> None:
    rule = SiteRule(hosts=("x.org",), content=("article .story",), drop=("//aside",), title="h1")
    copy = pickle.loads(pickle.dumps(rule))
    assert copy == rule
    assert [el.get("class") for el in copy.select_content(tree())] == ["story"]
    assert copy.select_title(tree()) == "The headline"


# --------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a", True),
        ("https://www.example.com/a", True),
        ("http://deep.sub.example.com", True),
        ("https://EXAMPLE.com:8080/x", True),
        ("example.com/no-scheme", True),
        ("https://badexample.com/", False),
        ("https://example.com.evil.org/", False),
        ("https://other.org/example.com", False),
        ("", False),
        ("http://[::1", False),
    ],
)
def test_matches_by_host_suffix(url: str, expected: bool) -> None:
    assert SiteRule(hosts=("example.com",)).matches(url) is expected


def test_find_rule_longest_suffix_wins_then_first_listed() -> None:
    broad = SiteRule(hosts=("example.com",), name="broad")
    narrow = SiteRule(hosts=("news.example.com",), name="narrow")
    twin = SiteRule(hosts=("example.com",), name="twin")
    rules = [broad, narrow, twin]
    assert find_rule("https://news.example.com/x", rules) is narrow
    assert find_rule("https://www.example.com/x", rules) is broad
    assert find_rule("https://elsewhere.org/", rules) is None
    assert find_rule(None, rules) is None
    assert find_rule("https://www.example.com/x", [twin, broad]) is twin


def test_find_rule_defaults_to_registered_rules_and_registration_beats_builtins() -> None:
    assert find_rule("https://someone.substack.com/p/x") is not None
    assert find_rule("https://someone.substack.com/p/x").name == "substack"  # type: ignore[union-attr]
    mine = SiteRule(hosts=("substack.com",), name="mine", content=("main",))
    register_rule(mine)
    assert find_rule("https://someone.substack.com/p/x") is mine
    later = SiteRule(hosts=("substack.com",), name="later")
    register_rule(later)
    assert find_rule("https://someone.substack.com/p/x") is later


def test_register_rule_rejects_other_objects() -> None:
    with pytest.raises(RuleError, match="expects a SiteRule"):
        register_rule({"hosts": ["x.org"]})  # type: ignore[arg-type]


# --------------------------------------------------------------------------- selecting


def test_select_content_first_matching_selector_wins() -> None:
    rule = SiteRule(hosts=("x.org",), content=(".missing", "article .story", "article"))
    found = rule.select_content(tree())
    assert [el.get("class") for el in found] == ["story"]


def test_select_drop_is_page_ordered_and_outermost_only() -> None:
    rule = SiteRule(hosts=("x.org",), drop=("aside", ".share", "//div[@class='nav']"))
    found = rule.select_drop(tree())
    assert [(el.tag, el.get("class")) for el in found] == [
        ("div", "nav"),
        ("div", "share"),
        ("aside", "share"),
    ]


def test_select_recommendations_skips_nested_matches() -> None:
    rule = SiteRule(hosts=("x.org",), recommendations=(".related",))
    found = rule.select_recommendations(tree())
    assert [el.tag for el in found] == ["section", "div"]
    assert text(found[1]) == "B"


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("h1.headline", "The headline"),
        ("//meta[@property='og:title']/@content", "OG title"),
        ("(//title)[1]", "T"),
        (".missing", None),
    ],
)
def test_select_title(selector: str, expected: str | None) -> None:
    assert SiteRule(hosts=("x.org",), title=selector).select_title(tree()) == expected


def test_apply_rule_collects_everything_and_leaves_tree_unchanged() -> None:
    root = tree()
    before = etree.tostring(root)
    rule = SiteRule(
        hosts=("x.org",),
        content=("article",),
        drop=(".share",),
        recommendations=(".related",),
        title="h1",
    )
    result = apply_rule(rule, root)
    assert result.rule is rule
    assert [el.tag for el in result.content] == ["article"]
    assert len(result.drop) == 2
    assert len(result.recommendations) == 2
    assert result.title == "The headline"
    assert etree.tostring(root) == before


# --------------------------------------------------------------------------- name selectors

_NAME_PAGE = """<html class="top"><body id="page">
<div class="share">a</div><div class="share-box">b</div><div class="x\tshare\ny">c</div>
<div class=" share  ">d<span class="share">e</span></div><div class="x\xa0share">f</div>
<p id="share">g</p><p id="share ">h</p><p class="">i</p><p class="Share">j</p>
</body></html>"""


@pytest.mark.parametrize(
    "selector", [".share", "#share", ".top", "#page", ".Share", ".missing", "#missing"]
)
def test_name_selectors_select_what_cssselect_selects(selector: str) -> None:
    root = lxml.html.document_fromstring(_NAME_PAGE)
    fast = rules_mod.name_selector(selector)
    assert fast is not None
    expected = CSSSelector(selector, translator="html")(root)
    assert fast(root) == expected
    body = root.find("body")
    assert body is not None
    assert fast(body) == CSSSelector(selector, translator="html")(body)


@pytest.mark.parametrize(
    "selector", ["div.share", ".a.b", "#a .b", ".a, .b", "[class=a]", ".é", "//div", "share"]
)
def test_other_selectors_are_not_name_selectors(selector: str) -> None:
    assert rules_mod.name_selector(selector) is None


@settings(max_examples=200, deadline=None)
@given(
    classes=st.lists(st.text(alphabet="ab- \t\n\xa0", max_size=8), min_size=1, max_size=6),
    selectors=st.lists(st.sampled_from([".a", ".b", ".a-b", "#a", "#b", "#a b"]), min_size=1),
)
def test_a_group_of_name_selectors_selects_what_its_xpaths_select(
    classes: list[str], selectors: list[str]
) -> None:
    # each element gets a class and an id from the drawn strings, nested one in the next
    html = "".join(
        f'<div class="{escape(c)}" id="{escape(classes[-1 - i])}">' for i, c in enumerate(classes)
    )
    root = lxml.html.document_fromstring(f"<html><body>{html}</body></html>")
    fast = SiteRule(hosts=("x.org",), drop=selectors).select_drop(root)
    # the same rule with selectors that are not name selectors (written as XPath)
    slow_rule = SiteRule(hosts=("x.org",), drop=[_as_xpath(s) for s in selectors])
    assert fast == slow_rule.select_drop(root)


def _as_xpath(selector: str) -> str:
    """Return cssselect's XPath of ``selector`` as a rule's XPath selector (``./``...)."""
    return "./" + CSSSelector(selector, translator="html").path


def test_empty_rule_selects_nothing() -> None:
    result = apply_rule(SiteRule(hosts=("x.org",)), tree())
    assert (result.content, result.drop, result.recommendations, result.title) == (
        (),
        (),
        (),
        None,
    )


@pytest.mark.parametrize(
    ("selector", "problem"),
    [
        ("//div[$undefined]", "undefined variable $undefined"),
        ("//div[matches(@class, 'story')]", "unknown function matches()"),
        ("//p[lower-case(@id) = 'x']", "unknown function lower-case()"),
        ("//p[re:test(@class, 'a')]", "unknown function re:test()"),
        ("//svg:rect", "undefined namespace prefix 'svg'"),
    ],
)
def test_xpath_names_no_page_can_give_fail_when_the_rule_is_built(
    selector: str, problem: str
) -> None:
    # lxml compiles them and fails only on a page whose nodes reach the name
    with pytest.raises(RuleError) as info:
        SiteRule(hosts=("x.org",), content=(selector,))
    assert str(info.value).startswith(f"rule 'x.org': content selector {selector!r}: {problem}")


@pytest.mark.parametrize(
    "selector",
    [
        "//div[contains(concat(' ', normalize-space(@class), ' '), ' story ')]",
        "//p[text() = 'matches(x) $y svg:z']",
        "//div[@a and (@b or @c)][position() mod 2 = 0]",
        "//article/descendant-or-self::node()/child::p[last()]",
        "(//h1 | //h2)[1]",
        "//*[local-name() = 'svg']",
        "//*[@xml:lang = 'de']",
    ],
)
def test_xpath_1_functions_node_tests_and_literals_pass(selector: str) -> None:
    rule = SiteRule(hosts=("x.org",), content=(selector,))
    page = tree()
    found = rule.select_content(page)  # and run on a page, as lxml runs it
    matched = [e for e in etree.XPath(selector)(page) if isinstance(e, etree._Element)]
    assert all(element in matched for element in found)
    assert bool(found) == bool(matched)


def test_selector_failing_at_run_time_raises_rule_error() -> None:
    with pytest.raises(RuleError, match=r"^content selector 'x' failed on this page"):
        rules_mod._run(etree.XPath("//div[$undefined]"), tree(), "content selector 'x'")


def test_rule_file_with_an_unknown_xpath_function_fails_to_load(tmp_path: Path) -> None:
    path = tmp_path / "site-rules.toml"
    path.write_text(
        '[[rule]]\nname = "news"\nhosts = ["a.org"]\n'
        "content = [\"//div[matches(@class, 'body')]\"]\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError) as info:
        load_rules(path)
    assert str(info.value) == (
        f"{path}: rule 'news': content selector \"//div[matches(@class, 'body')]\": "
        "unknown function matches() (XPath 1.0 functions only)"
    )


# --------------------------------------------------------------------------- files

TOML_RULES = """
# comment
[[rule]]
name = "one"
hosts = ["one.example"]
content = ["article"]
drop = ".share"

[[rule]]
hosts = ["two.example"]
title = "//h1"
"""


def test_load_rules_toml(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(TOML_RULES, encoding="utf-8")
    loaded = load_rules(path)
    assert [r.name for r in loaded] == ["one", "two.example"]
    assert loaded[0].drop == (".share",)
    assert loaded[1].title == "//h1"


@pytest.mark.parametrize(
    "document",
    [
        {"rules": [{"name": "one", "hosts": ["one.example"], "content": ["article"]}]},
        [{"name": "one", "hosts": ["one.example"], "content": ["article"]}],
        {"name": "one", "hosts": ["one.example"], "content": "article"},
    ],
)
def test_load_rules_json_forms(tmp_path: Path, document: object) -> None:
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    (rule,) = load_rules(path)
    assert rule == SiteRule(hosts=("one.example",), content=("article",), name="one")


def test_json_is_sniffed_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "rules.conf"
    path.write_text('[{"hosts": ["a.example"]}]', encoding="utf-8")
    assert load_rules(str(path))[0].hosts == ("a.example",)


@pytest.mark.parametrize(
    ("text", "suffix", "needles"),
    [
        (
            '[[rule]]\nname = "bad"\nhosts = ["a.org"]\ncontent = ["div["]\n',
            ".toml",
            ["bad", "div["],
        ),
        ('[[rule]]\nname = "typo"\nhosts = ["a.org"]\ncontnet = ["p"]\n', ".toml", ["contnet"]),
        ('[[rule]]\nname = "nohost"\ncontent = ["p"]\n', ".toml", ["nohost", "hosts"]),
        ('[[rule]]\nhosts = ["a.org"]\ntitle = ["h1"]\n', ".toml", ["rule #1", "title"]),
        ('[[rule]]\nhosts = ["a.org"]\ncontent = 3\n', ".toml", ["rule #1", "content"]),
        ("[[rule]\nhosts=", ".toml", ["invalid TOML"]),
        ('{"rules": [', ".json", ["invalid JSON"]),
        ('{"other": 1}', ".json", ["expected a list of rules"]),
        ("[1, 2]", ".json", ["rule #1", "table/object"]),
    ],
)
def test_bad_rule_files_name_the_file(
    tmp_path: Path, text: str, suffix: str, needles: list[str]
) -> None:
    path = tmp_path / f"site-rules{suffix}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules(path)
    message = str(info.value)
    assert message.startswith(str(path))
    for needle in needles:
        assert needle in message


def test_missing_and_binary_rule_files(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="no such rule file"):
        load_rules(tmp_path / "absent.toml")
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(RuleError, match="not UTF-8"):
        load_rules(binary)


def test_example_rule_file_loads() -> None:
    path = Path(__file__).resolve().parent.parent / "examples" / "rules" / "my-sites.toml"
    loaded = load_rules(path)
    assert loaded[0].matches("https://www.news.example/story")
    assert loaded[1].content == ("(//div[@id='post'])[1]",)


# --------------------------------------------------------------------------- built-ins


def test_builtin_rules_load_and_have_distinct_names() -> None:
    shipped = builtin_rules()
    assert len(shipped) >= 4
    assert len({r.name for r in shipped}) == len(shipped)
    assert registered_rules() == shipped


def test_missing_builtin_folder_gives_no_rules(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(importlib.resources, "files", lambda package: tmp_path)
    assert builtin_rules() == ()
    assert find_rule("https://medium.com/x") is None


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://medium.com/@someone/post-123", "medium"),
        ("https://writer.substack.com/p/post", "substack"),
        ("https://someblog.wordpress.com/2024/01/01/x/", "wordpress.com"),
        ("https://someblog.blogspot.com/2016/x.html", "blogger"),
        ("https://en.wikipedia.org/wiki/Mozilla", "mediawiki (wikipedia)"),
    ],
)
def test_builtin_rules_match_their_platforms(url: str, name: str) -> None:
    rule = find_rule(url)
    assert rule is not None
    assert rule.name == name


@pytest.mark.parametrize(
    ("page", "name", "min_chars"),
    [
        ("medium-1", "medium", 20_000),
        ("blogger", "blogger", 20_000),
        ("wikipedia", "mediawiki (wikipedia)", 50_000),
    ],
)
def test_builtin_rules_select_the_article_on_real_pages(
    corpus: Path, page: str, name: str, min_chars: int
) -> None:
    source = corpus / "readability-pages" / page / "source.html.gz"
    if not source.is_file():
        pytest.skip(f"{source} not in corpus")
    root = lxml.html.document_fromstring(gzip.decompress(source.read_bytes()))
    (rule,) = [r for r in builtin_rules() if r.name == name]
    content = rule.select_content(root)
    assert content
    total = sum(len(text(el)) for el in content)
    assert total >= min_chars


# --------------------------------------------------------------------------- entry points


class FakeEntryPoint:
    """Stands in for importlib.metadata.EntryPoint (name, value, dist, load)."""

    def __init__(self, name: str, value: str, target: Any = None, error: Exception | None = None):
        self.name = name
        self.value = value
        self.group = "articlekit.rules"
        self.dist = types.SimpleNamespace(name="fake-rules-dist", version="1.2.3")
        self._target = target
        self._error = error
        self.loads = 0

    def load(self) -> Any:
        self.loads += 1
        if self._error is not None:
            raise self._error
        return self._target


def use_entry_points(monkeypatch: pytest.MonkeyPatch, *eps: FakeEntryPoint) -> list[str]:
    calls: list[str] = []

    def entry_points(group: str) -> list[FakeEntryPoint]:
        calls.append(group)
        return list(eps)

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    return calls


def test_entry_points_give_rules_lists_callables_and_paths(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "plugin.toml"
    path.write_text('[[rule]]\nname = "from-file"\nhosts = ["file.example"]\n', encoding="utf-8")
    single = SiteRule(hosts=("single.example",), name="single")
    many = [SiteRule(hosts=("m1.example",), name="m1"), SiteRule(hosts=("m2.example",), name="m2")]
    calls = use_entry_points(
        monkeypatch,
        FakeEntryPoint("a-single", "pkg:RULE", single),
        FakeEntryPoint("b-many", "pkg:RULES", many),
        FakeEntryPoint("c-callable", "pkg:make", lambda: (r for r in many[:1])),
        FakeEntryPoint("d-path", "pkg:PATH", str(path)),
    )
    assert calls == []  # nothing is loaded before rules are asked for
    names = [r.name for r in registered_rules()]
    assert names[:5] == ["single", "m1", "m2", "m1", "from-file"]
    assert names[5:] == [r.name for r in builtin_rules()]
    registered_rules()
    assert calls == ["articlekit.rules"]  # loaded once, then cached
    assert find_rule("https://x.file.example/").name == "from-file"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("target", "error", "needle"),
    [
        (None, ImportError("No module named 'gone'"), "cannot be loaded"),
        (42, None, "gave int"),
        ([SiteRule(hosts=("a.example",)), "nope"], None, "gave str"),
        ("/no/such/rules.toml", None, "no such rule file"),
        (lambda: SiteRule(hosts=("a.example",), content=("div[",)), None, "bad rule"),
    ],
)
def test_broken_entry_point_raises_plugin_error_naming_it(
    monkeypatch: pytest.MonkeyPatch, target: Any, error: Exception | None, needle: str
) -> None:
    ep = FakeEntryPoint("broken", "broken_pkg:RULES", target, error)
    use_entry_points(monkeypatch, ep)
    with pytest.raises(PluginError) as info:
        registered_rules()
    message = str(info.value)
    assert "'broken'" in message
    assert "broken_pkg:RULES" in message
    assert "fake-rules-dist 1.2.3" in message
    assert needle in message
    with pytest.raises(PluginError):  # failures are not cached as "no rules"
        registered_rules()
    assert ep.loads == 2


def test_entry_point_module_object_through_real_entry_point(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = types.ModuleType("articlekit_fake_rule_plugin")
    module.RULES = [SiteRule(hosts=("plugin.example",), name="plugin")]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    from importlib.metadata import EntryPoint

    ep = EntryPoint(name="fake", value=f"{module.__name__}:RULES", group="articlekit.rules")
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: [ep])
    assert find_rule("https://www.plugin.example/").name == "plugin"  # type: ignore[union-attr]
