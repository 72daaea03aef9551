"""Tests for ``articlekit.parse``: reading sources, sniffing, the registry, require_article."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import articlekit
from articlekit import (
    Document,
    NotAnArticleError,
    Paragraph,
    ParseError,
    SourceInfo,
    Text,
    UnsupportedInputError,
    Verdict,
)
from articlekit.registry import register_parser, unregister_parser

HTML = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello there.</p></body></html>"


class VerdictParser:
    """Claims text starting with VERDICT:<kind> and returns a document with that verdict."""

    name = "verdict-test"
    formats = ("verdict-test",)

    def sniff(self, sample: str, *, url: str | None) -> float:
        return 1.0 if sample.startswith("VERDICT:") else 0.0

    def parse(self, text: str, *, url: str | None) -> Document:
        kind = text.split(":", 1)[1].split()[0]
        verdict = None if kind == "none" else Verdict(kind=kind, confidence=0.8)
        return Document(
            blocks=(Paragraph(content=(Text(text=text),)),),
            source=SourceInfo(url=url, parser=self.name),
            verdict=verdict,
        )


class RaisingParser:
    name = "raising-test"
    formats = ("raising-test",)

    def sniff(self, sample: str, *, url: str | None) -> float:
        return 1.0 if sample.startswith("RAISE") else 0.0

    def parse(self, text: str, *, url: str | None) -> Document:
        raise KeyError("deliberate")


@pytest.fixture
def extra_parsers() -> Iterator[None]:
    register_parser(VerdictParser())
    register_parser(RaisingParser())
    yield
    unregister_parser("verdict-test")
    unregister_parser("raising-test")


def test_html_bytes_go_to_the_html_parser() -> None:
    doc = articlekit.parse(HTML, url="https://example.org/a")
    assert doc.source.parser == "html"
    assert doc.source.url == "https://example.org/a"


def test_prose_with_angle_brackets_stays_text() -> None:
    doc = articlekit.parse("A title\n\nWe know that x < y and y > z, and <3 means love.\n")
    assert doc.source.parser == "text"


def test_explicit_format_overrides_sniffing() -> None:
    assert articlekit.parse(HTML, format="text").source.parser == "text"


def test_unknown_format_is_an_input_error() -> None:
    with pytest.raises(UnsupportedInputError, match="unknown input format 'yaml'"):
        articlekit.parse("text", format="yaml")


def test_binary_file_object_and_path(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(HTML)
    assert articlekit.parse(page).source.parser == "html"
    assert articlekit.parse(io.BytesIO(HTML)).source.parser == "html"


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "input is empty"), (b"   \n\t", "input is empty"), (b"\x00\x01\x02" * 50, "binary")],
)
def test_empty_and_binary_inputs(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    with pytest.raises(UnsupportedInputError, match=f"bad.html: .*{message}"):
        articlekit.parse(path)


def test_missing_file_and_broken_link(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedInputError, match="no such file"):
        articlekit.parse(tmp_path / "none.html")
    link = tmp_path / "dangling.html"
    link.symlink_to(tmp_path / "target-that-does-not-exist")
    with pytest.raises(UnsupportedInputError, match="broken symbolic link"):
        articlekit.parse(link)


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    with pytest.raises(UnsupportedInputError, match="not a regular file"):
        articlekit.parse(fifo)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedInputError, match="is a directory"):
        articlekit.parse(tmp_path)


@pytest.mark.usefixtures("extra_parsers")
@pytest.mark.parametrize("kind", ["listing", "consent", "paywall", "error", "empty"])
def test_require_article_refuses_other_verdicts(kind: str) -> None:
    text = f"VERDICT:{kind} some page"
    assert articlekit.parse(text).verdict is not None  # default: no check
    with pytest.raises(NotAnArticleError, match=rf"<string>: not an article.*{kind}") as caught:
        articlekit.parse(text, require_article=True)
    a = "an" if kind in ("error", "empty") else "a"  # "a error page" was the message
    assert f"the page looks like {a} {kind} page (confidence 0.80)" in str(caught.value)


@pytest.mark.usefixtures("extra_parsers")
@pytest.mark.parametrize("kind", ["article", "none"])
def test_require_article_accepts_articles_and_unjudged_documents(kind: str) -> None:
    doc = articlekit.parse(f"VERDICT:{kind} page", require_article=True)
    assert doc.source.parser == "verdict-test"


def test_not_an_article_is_a_parse_error() -> None:
    assert issubclass(NotAnArticleError, ParseError)


@pytest.mark.usefixtures("extra_parsers")
def test_plugin_exception_becomes_parse_error_naming_input_and_parser(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("RAISE now")
    with pytest.raises(ParseError, match=r"p\.txt: parser 'raising-test'.*KeyError"):
        articlekit.parse(path)


RULE_PAGE = (
    "<html><head><title>Ruled</title></head><body><article><h1>Ruled</h1>"
    "<p>The first paragraph of the article, with enough words to count as content.</p>"
    "<p class='promo'>PROMOTED: buy our special subscription offer today right now.</p>"
    "<p>The second paragraph of the article, also long enough to be kept as body.</p>"
    "</article></body></html>"
)


def test_site_rules_reach_the_html_parser() -> None:
    from articlekit.rules import SiteRule

    rule = SiteRule(name="promo", hosts=("rules.example",), drop=(".promo",))
    url = "https://www.rules.example/story"
    assert "PROMOTED" in articlekit.to_text(articlekit.parse(RULE_PAGE, url=url))
    ruled = articlekit.parse(RULE_PAGE, url=url, rules=[rule])
    assert "PROMOTED" not in articlekit.to_text(ruled)
    assert "second paragraph" in articlekit.to_text(ruled)


@pytest.mark.parametrize(
    ("function", "name"),
    [
        (articlekit.to_markdown, "to_markdown"),
        (articlekit.to_text, "to_text"),
        (articlekit.chunk, "chunk"),
    ],
)
@pytest.mark.parametrize(
    "value",
    [
        articlekit.UnsupportedInputError("input is empty (0 bytes)", source="a.html"),
        {"schema": "articlekit/1", "title": "A dict from json.loads"},
        "# A Markdown string",
        None,
    ],
)
def test_serialisers_name_what_they_were_given_instead_of_a_document(
    function: object, name: str, value: object
) -> None:
    # convert_many yields errors beside documents: handing one on is named, not an
    # AttributeError from deep inside the serialiser
    assert callable(function)
    with pytest.raises(
        TypeError, match=rf"^{name}\(\) expects a Document, got {type(value).__name__}$"
    ):
        function(value)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: articlekit.parse_html(b""), "<bytes>: input is empty (0 bytes)"),
        (lambda: articlekit.parse_html(" \n"), "<string>: input is empty (no text)"),
        (lambda: articlekit.parse_text(""), "<string>: input is empty (no text)"),
        (lambda: articlekit.parse(b""), "<bytes>: input is empty (0 bytes)"),
    ],
)
def test_parsers_called_directly_name_their_input(call: object, message: str) -> None:
    # every message names the input, then the problem, whichever function was called
    assert callable(call)
    with pytest.raises(UnsupportedInputError) as caught:
        call()
    assert str(caught.value) == message


class HandingOnParser:
    """A plugin that cleans the text and hands it to ``articlekit.parse_html``."""

    name = "handing-on-test"
    formats = ("handing-on-test",)

    def sniff(self, sample: str, *, url: str | None) -> float:
        return 0.0

    def parse(self, text: str, *, url: str | None) -> Document:
        return articlekit.parse_html(text.replace("CLEANED", ""), url=url)


def test_a_plugin_handing_on_to_parse_html_keeps_the_files_name(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("CLEANED CLEANED")
    register_parser(HandingOnParser())
    try:
        with pytest.raises(UnsupportedInputError) as caught:
            articlekit.parse(page, format="handing-on-test")
    finally:
        unregister_parser("handing-on-test")
    assert caught.value.source == str(page)
    assert str(caught.value) == f"{page}: input is empty (no text)"


def test_every_public_name_is_named_in_the_docs() -> None:
    # a user finds each name of articlekit.__all__ in docs/ or the README
    root = Path(__file__).resolve().parent.parent
    pages = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    text = "\n".join(page.read_text(encoding="utf-8") for page in pages)
    missing = [
        name
        for name in articlekit.__all__
        if not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    ]
    assert missing == []


ARTICLE = (
    "<html><head><title>Soup page</title></head><body><article><h1>Soup page</h1>"
    "<p>A paragraph of the article, long enough to be kept as its text.</p>"
    "</article></body></html>"
)


def test_parse_reads_a_beautifulsoup_object_as_parse_html_does() -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(ARTICLE, "html.parser")
    # (a bs4 tag answers `soup.read` with a search for <read>: it is no file object)
    assert articlekit.parse(soup) == articlekit.parse_html(soup)
    assert articlekit.parse(soup, format="html").title == "Soup page"
    with pytest.raises(UnsupportedInputError, match=r"^<BeautifulSoup>: .*format 'text'"):
        articlekit.parse(soup, format="text")
    for parse in (articlekit.parse, articlekit.parse_html):
        with pytest.raises(UnsupportedInputError, match=r"^<BeautifulSoup>: input is empty"):
            parse(BeautifulSoup("", "html.parser"))


@pytest.mark.parametrize("wrap", [bytearray, memoryview])
def test_parse_takes_any_bytes_like_value(wrap: type) -> None:
    doc = articlekit.parse(wrap(ARTICLE.encode()))
    assert doc == articlekit.parse(ARTICLE.encode())
    with pytest.raises(UnsupportedInputError, match=r"^<bytes>: input is empty"):
        articlekit.parse(wrap(b""))


@pytest.mark.parametrize("name", ["parse", "parse_html", "parse_text"])
def test_a_url_that_is_no_string_is_the_callers_type_error(name: str) -> None:
    function = getattr(articlekit, name)
    with pytest.raises(TypeError, match=rf"^{name}\(\) expects url as a str or None, got int"):
        function(ARTICLE, url=5)


@pytest.mark.parametrize("parse", [articlekit.parse, articlekit.parse_html])
def test_wrong_ebcdic_hint_is_named_not_called_binary(parse: object) -> None:
    # ASCII bytes read as EBCDIC are a third control characters: the problem is the hint
    with pytest.raises(articlekit.DecodeError) as caught:
        parse(b"<p>A short page in plain ASCII.</p>", encoding="cp500")  # type: ignore[operator]
    assert str(caught.value).startswith("<bytes>: the encoding hint 'cp500' is EBCDIC")
    assert "binary" not in str(caught.value)


@pytest.mark.parametrize("call", ["parse", "parse_html", "parse_text"])
def test_a_str_naming_a_file_is_refused_with_a_hint(
    call: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # parse(str) parses the string: "page.html" gave a Document of one paragraph, the name
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_bytes(HTML)
    (tmp_path / "notes").write_text("A plain note, long enough to read.\n", encoding="utf-8")
    function = getattr(articlekit, call)
    for name, problem in (
        ("page.html", "the string is a file name ('page.html')"),
        (" ./notes ", "the string is a path ('./notes')"),
        (".", "the string is a path ('.')"),
        ("../a b", "the string is a path ('../a b')"),
        ("~/notes", "the string is a path ('~/notes')"),
        ("sub/missing.txt.gz", "the string is a file name ('sub/missing.txt.gz')"),
        (str(tmp_path / "notes"), f"the string names a file ({str(tmp_path / 'notes')!r})"),
        (str(tmp_path), f"the string names a directory ({str(tmp_path)!r})"),
        ("/no/such/page.html", "the string is a file name ('/no/such/page.html', no such file)"),
        ("https://example.org/a", "the string is a URL ('https://example.org/a')"),
    ):
        with pytest.raises(UnsupportedInputError) as caught:
            function(name)
        assert caught.value.source == "<string>"
        assert caught.value.problem.startswith(problem + ", but " + call + "() parses a str")
        if name == "page.html":
            assert "pass pathlib.Path('page.html')" in str(caught.value)
    if call == "parse":  # the file itself, as a path, still reads
        assert function(Path("page.html")).title == "T"


@pytest.mark.parametrize(
    "text",
    [
        "page.html",
        "./notes",
        "Drafts/notes",  # a relative name without a page's ending: text in every directory
        "v1.2",
        "e.g.",
        "Hello.",
    ],
)
def test_what_a_str_is_does_not_depend_on_the_working_directory(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same string is parsed, or refused, alike wherever the program runs: a relative
    # name is judged by its form, never looked up (here a directory holds a file of each
    # name, there none does).
    full = tmp_path / "full"
    (full / "Drafts").mkdir(parents=True)
    for name in ("page.html", "notes", "Drafts/notes", "v1.2", "e.g.", "Hello."):
        (full / name).write_text("A plain note, long enough to read.\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    outcomes = []
    for directory in (full, tmp_path / "empty"):
        monkeypatch.chdir(directory)
        try:
            outcomes.append(articlekit.to_json(articlekit.parse(text)))
        except UnsupportedInputError as exc:
            outcomes.append(str(exc))
    assert outcomes[0] == outcomes[1]


@pytest.mark.parametrize(
    "text",
    [
        "Read the rest in page.html",  # prose that names a file
        "page.html\n",  # a line ending: text, not a name
        "<p>page.html</p>",
        "notes.html is a file name, and so is this one.",
        "hello",  # one word that names no file here
        "notes",  # one word naming a file here: a word is text, whatever the folder holds
        "Drafts",  # one word naming a folder here
    ],
)
def test_text_that_merely_mentions_a_file_still_parses(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_bytes(HTML)
    (tmp_path / "notes").write_text("A plain note, long enough to read.\n", encoding="utf-8")
    (tmp_path / "Drafts").mkdir()
    assert isinstance(articlekit.parse(text), Document)
