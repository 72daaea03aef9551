"""Tests for the batch API: expanding inputs, safe output names, convert_many in order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit import (
    Document,
    Paragraph,
    ParseError,
    SourceInfo,
    Text,
    UnsupportedInputError,
)
from articlekit.batch import (
    BatchInput,
    ConvertOptions,
    OutputFormat,
    convert_item,
    convert_many,
    expand_inputs,
    render,
    run_items,
    url_output_parts,
)
from articlekit.registry import register_parser, unregister_parser

HTML = (
    "<!DOCTYPE html><html><head><title>Page {n}</title></head><body><article>"
    "<h1>Page {n}</h1><p>Body text of page {n}, a full sentence of content.</p>"
    "</article></body></html>"
)


class TroubleParser:
    """Claims text starting with TROUBLE; raises or kills its process on request."""

    name = "trouble-test"
    formats = ("trouble-test",)

    def sniff(self, sample: str, *, url: str | None) -> float:
        return 1.0 if sample.startswith("TROUBLE") else 0.0

    def parse(self, text: str, *, url: str | None) -> Document:
        if "explode" in text:
            raise ZeroDivisionError("deliberate")
        if "die" in text:
            os._exit(3)  # a crash in a C extension looks like this to the parent
        return Document(
            title=text.split()[1] if len(text.split()) > 1 else None,
            blocks=(Paragraph(content=(Text(text=text),)),),
            source=SourceInfo(url=url, parser=self.name),
        )


@pytest.fixture
def trouble() -> Iterator[None]:
    register_parser(TroubleParser())
    yield
    unregister_parser("trouble-test")


def make_tree(root: Path) -> Path:
    """A small directory of inputs: good pages, nested ones, bad ones and hidden ones."""
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "a.html").write_text(HTML.format(n=1))
    (root / "b.txt").write_text("A title\n\nA paragraph of text.\n")
    (root / "sub" / "c.html").write_text(HTML.format(n=3))
    (root / "sub" / "deeper" / "d.html").write_text(HTML.format(n=4))
    (root / "empty.html").write_bytes(b"")
    (root / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (root / ".hidden.html").write_text(HTML.format(n=9))
    return root


# --------------------------------------------------------------------------- expanding


def test_directories_are_walked_sorted_and_hidden_files_skipped(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "in")
    items = list(expand_inputs([root]))
    rel = [os.path.relpath(i.path or "", root) for i in items]
    assert rel == ["a.html", "b.txt", "binary.bin", "empty.html", "sub/c.html", "sub/deeper/d.html"]
    assert items[-1].output_parts == ("sub", "deeper", "d")


def test_globs_and_missing_paths_are_reported_not_dropped(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "in")
    pattern = str(root / "**" / "*.html")
    names = [i.name for i in expand_inputs([pattern])]
    assert [os.path.basename(n) for n in names] == ["a.html", "empty.html", "c.html", "d.html"]
    (nothing,) = list(expand_inputs([str(root / "*.nomatch")]))
    assert isinstance(nothing.error, UnsupportedInputError)
    assert "no file matches" in str(nothing.error)
    (missing,) = list(expand_inputs([root / "missing.html"]))
    assert missing.error is None  # it fails when read, with "no such file"
    assert "no such file" in str(convert_item(missing, ConvertOptions()))


def test_a_named_directory_with_nothing_to_convert_is_reported(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    hidden_only = tmp_path / "hidden-only"
    (hidden_only / ".cache").mkdir(parents=True)
    (hidden_only / ".page.html").write_text(HTML.format(n=1))
    page = tmp_path / "page.html"
    page.write_text(HTML.format(n=2))
    items = list(expand_inputs([empty, page, hidden_only]))
    assert [i.name for i in items] == [str(empty), str(page), str(hidden_only)]
    for item in (items[0], items[2]):
        assert isinstance(item.error, UnsupportedInputError)
        assert "directory holds no files to convert" in str(item.error)
    assert items[1].error is None
    # a directory a glob matches is one of its matches, not a named input
    (tmp_path / "sub").mkdir()
    assert [i.name for i in expand_inputs([str(tmp_path / "[ps]*")])] == [str(page)]


def test_unlistable_directory_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_tree(tmp_path / "in")
    real_walk = os.walk

    def failing_walk(
        top: str, onerror: Callable[[OSError], object] | None = None, followlinks: bool = False
    ) -> Iterator[tuple[str, list[str], list[str]]]:
        # what os.walk does for a directory it may not list (root can list them all)
        assert onerror is not None
        onerror(PermissionError(13, "Permission denied", str(root / "sub")))
        return real_walk(top, followlinks=followlinks)

    monkeypatch.setattr(os, "walk", failing_walk)
    items = list(expand_inputs([root]))
    failed = [i for i in items if i.error is not None]
    assert len(failed) == 1
    assert "cannot list directory (Permission denied)" in str(failed[0].error)
    assert str(root / "sub") in str(failed[0].error)


def test_linked_directories_are_followed_once(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "in")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "e.html").write_text(HTML.format(n=5))
    (root / "linked").symlink_to(elsewhere)
    (root / "sub" / "loop").symlink_to(root)  # a cycle must not be walked forever
    names = [os.path.relpath(i.name, root) for i in expand_inputs([root])]
    assert "linked/e.html" in names
    assert len(names) == len(set(names)) == 7


def test_excluded_directory_is_not_walked(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "in")
    out = root / "out"
    out.mkdir()
    (out / "old.md").write_text("# previous output")
    names = [i.name for i in expand_inputs([root], exclude=[out])]
    assert not any("old.md" in n for n in names)


@pytest.mark.parametrize(
    ("given_path", "parts"),
    [
        ("a/b.html", ("a", "b")),
        ("../../etc/passwd.html", ("passwd",)),
        ("/abs/dir/page.html", ("page",)),
        ("./x/./y.txt", ("x", "y")),
        ("noext", ("noext",)),
    ],
)
def test_named_files_never_climb_out(given_path: str, parts: tuple[str, ...]) -> None:
    (item,) = list(expand_inputs([given_path]))
    assert item.output_parts == parts


@pytest.mark.parametrize(
    ("url", "parts"),
    [
        ("https://Example.org/news/a.html", ("example.org", "news", "a")),
        ("https://example.org/", ("example.org", "index")),
        ("https://example.org/a/b/", ("example.org", "a", "b", "index")),
        ("https://example.org/../../etc/passwd", ("example.org", "etc", "passwd")),
        ("https://example.org/%2e%2e/%2e%2e/x", ("example.org", "_2e_2e", "_2e_2e", "x")),
        ("no-host-at-all", ("record-000007",)),
    ],
)
def test_url_output_parts_examples(url: str, parts: tuple[str, ...]) -> None:
    assert url_output_parts(url, 7) == parts


def test_query_strings_make_distinct_names() -> None:
    first = url_output_parts("https://e.org/item.php?id=1", 0)
    second = url_output_parts("https://e.org/item.php?id=2", 0)
    assert first != second and first[-1].startswith("item_")


URLS = st.one_of(
    st.text(),
    st.builds(
        "{}://{}/{}".format,
        st.sampled_from(["http", "https", "ftp", ""]),
        st.text(alphabet=st.sampled_from("ab.:@[]%/\\-_~ \x00\u00e9")),
        st.text(),
    ),
)


def test_unparseable_urls_are_named_by_record() -> None:
    assert url_output_parts("http://[::1", 3) == ("record-000003",)


@given(URLS, st.integers(min_value=0, max_value=10**6))
def test_url_output_parts_are_always_safe(url: str, index: int) -> None:
    parts = url_output_parts(url, index)
    assert 1 <= len(parts) <= 9
    for part in parts:
        assert part and not part.startswith(".")
        assert "/" not in part and "\\" not in part and "\x00" not in part
        assert len(part) <= 80


# --------------------------------------------------------------------------- converting


def test_convert_item_returns_errors_as_values(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = convert_item(BatchInput(name=str(empty), path=str(empty)), ConvertOptions())
    assert isinstance(result, UnsupportedInputError)
    assert result.source == str(empty)


@pytest.mark.usefixtures("trouble")
def test_unexpected_exception_is_a_parse_error_naming_the_parser() -> None:
    item = BatchInput(name="x.txt", data=b"TROUBLE explode")
    result = convert_item(item, ConvertOptions())
    assert isinstance(result, ParseError)
    assert "x.txt" in str(result) and "trouble-test" in str(result)
    assert "ZeroDivisionError" in str(result)


@pytest.mark.usefixtures("trouble")
def test_rendered_output_formats() -> None:
    item = BatchInput(name="x", data=b"TROUBLE Title body")
    formats: tuple[OutputFormat, ...] = ("json", "jsonl", "markdown", "text")
    for fmt in formats:
        result = convert_item(item, ConvertOptions(output=fmt))
        assert isinstance(result, str) and result.endswith("\n") and not result.endswith("\n\n")
    jsonl = convert_item(item, ConvertOptions(output="jsonl"))
    assert isinstance(jsonl, str) and jsonl.count("\n") == 1


def test_render_jsonl_is_one_line() -> None:
    doc = Document(blocks=(Paragraph(content=(Text(text="line one\nline two"),)),))
    assert render(doc, "jsonl").count("\n") == 1


def test_convert_many_reports_every_input_in_order(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "in")
    results = list(convert_many([root, root / "missing.html"]))
    names = [os.path.basename(name) for name, _ in results]
    assert names == [
        "a.html",
        "b.txt",
        "binary.bin",
        "empty.html",
        "c.html",
        "d.html",
        "missing.html",
    ]
    by_name = {os.path.basename(n): r for n, r in results}
    assert isinstance(by_name["a.html"], Document)
    assert isinstance(by_name["b.txt"], Document)
    assert "binary" in str(by_name["binary.bin"])
    assert "empty" in str(by_name["empty.html"])
    assert "no such file" in str(by_name["missing.html"])
    # every Document records the input it came from
    for name, result in results:
        if isinstance(result, Document):
            assert result.source.name == name


@pytest.mark.usefixtures("trouble")
def test_order_and_results_do_not_depend_on_jobs(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for n in range(40):
        text = "TROUBLE explode" if n % 13 == 5 else f"TROUBLE t{n} body {n}"
        (root / f"{n:03d}.txt").write_text(text)
    one = list(convert_many(root, jobs=1))
    two = list(convert_many(root, jobs=2))
    assert [n for n, _ in one] == [n for n, _ in two]
    assert [str(r) if isinstance(r, Exception) else r for _, r in one] == [
        str(r) if isinstance(r, Exception) else r for _, r in two
    ]
    failed = [n for n, r in two if isinstance(r, ParseError)]
    assert [os.path.basename(n) for n in failed] == ["005.txt", "018.txt", "031.txt"]


@pytest.mark.usefixtures("trouble")
def test_a_dying_worker_costs_only_its_own_input() -> None:
    items = [
        (n, BatchInput(name=f"in{n}", data=b"TROUBLE die" if n == 6 else f"TROUBLE t{n}".encode()))
        for n in range(16)
    ]
    results = list(run_items(items, ConvertOptions(), jobs=2))
    assert [tag for tag, _ in results] == list(range(16))
    failures = {tag: str(r) for tag, r in results if isinstance(r, ParseError)}
    assert list(failures) == [6]
    assert "worker process died" in failures[6]
    assert all(isinstance(r, Document) for tag, r in results if tag != 6)


def test_stdin_input(tmp_path: Path) -> None:
    stream = (tmp_path / "in.txt").open("wb+")
    stream.write(b"A title\n\nSome text from a pipe.\n")
    stream.seek(0)
    (item,) = list(expand_inputs(["-"], stdin=stream, url="https://example.org/p"))
    assert (item.name, item.url, item.output_parts) == (
        "<stdin>",
        "https://example.org/p",
        ("stdin",),
    )
    result = convert_item(item, ConvertOptions())
    assert isinstance(result, Document) and result.source.url == "https://example.org/p"
    stream.close()


def test_warc_inputs_expand_to_records(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    from tests.test_warc import generated_warc

    path = generated_warc(tmp_path / "crawl.warc.gz", 4)
    items = list(expand_inputs([path]))
    assert [i.url for i in items] == [f"https://example.org/news/{n}.html" for n in range(4)]
    assert all(i.format == "html" and i.encoding == "utf-8" for i in items)
    assert items[0].output_parts == ("crawl", "example.org", "news", "0")
    assert items[0].name.startswith(str(path) + "#")
    results = list(convert_many(path, jobs=2))
    assert len(results) == 4 and all(isinstance(r, Document) for _, r in results)


@pytest.mark.parametrize("jobs", [1, 2])
def test_convert_many_passes_rules_to_every_worker(tmp_path: Path, jobs: int) -> None:
    from articlekit import to_text
    from articlekit.rules import SiteRule
    from tests.test_api import RULE_PAGE

    for n in range(3):
        (tmp_path / f"p{n}.html").write_text(RULE_PAGE)
    rules_file = tmp_path / "rules.toml"
    rules_file.write_text('[[rule]]\nhosts = ["rules.example"]\ndrop = [".promo"]\n')
    rule = SiteRule(hosts=("rules.example",), drop=(".promo",))
    url = "https://rules.example/a"
    for rules in ([rule], rules_file):
        results = list(convert_many(str(tmp_path / "*.html"), jobs=jobs, url=url, rules=rules))
        texts = [to_text(doc) for _, doc in results if isinstance(doc, Document)]
        assert len(texts) == 3
        assert not any("PROMOTED" in text for text in texts), rules


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_bad_rules_file_is_the_callers_error(tmp_path: Path, jobs: int) -> None:
    from articlekit.rules import RuleError

    (tmp_path / "p.html").write_text(HTML.format(n=1))
    bad = tmp_path / "rules.toml"
    bad.write_text("[[rule]]\nhosts = ['x.example']\ncontent = ['::not a selector::']\n")
    with pytest.raises(RuleError, match=r"rules\.toml"):
        list(convert_many(tmp_path / "p.html", jobs=jobs, rules=bad))


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_input_that_is_no_path_fails_alone(tmp_path: Path, jobs: int) -> None:
    # bytes (a page's content), None or a number in the list stopped the whole batch
    # with a TypeError from deep inside ("cannot use a string pattern on a bytes-like
    # object"); it is one failed input, and the batch goes on
    page = tmp_path / "a.html"
    page.write_text(HTML.format(n=1), encoding="utf-8")
    inputs: list[object] = [b"<p>content, not a path</p>", page, None, 7, str(page)]
    results = list(convert_many(inputs, jobs=jobs))  # type: ignore[arg-type]
    names = [name for name, _ in results]
    assert names == ["<bytes>", str(page), "<NoneType>", "<int>", str(page)]
    errors = [r for _, r in results if not isinstance(r, Document)]
    assert [type(e) for e in errors] == [UnsupportedInputError] * 3
    assert str(errors[0]) == (
        "<bytes>: expected a path (str or os.PathLike), got bytes: to convert a page's "
        "content, call articlekit.parse"
    )
    assert str(errors[1]) == "<NoneType>: expected a path (str or os.PathLike), got NoneType"
    # bytes given bare are one input, not one per byte
    assert [name for name, _ in convert_many(b"<p>x</p>")] == ["<bytes>"]  # type: ignore[arg-type]
