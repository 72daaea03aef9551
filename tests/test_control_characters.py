"""One policy for control characters and lone surrogates, in both parsers.

Neither parser puts a C0 or C1 control character (but tab, line feed and carriage return)
or a lone surrogate into a Document: a control character that Python counts as white
space (vertical tab, form feed, U+001C-U+001F, U+0085) becomes a space, the others are
dropped (a browser shows them as nothing; the middle bytes of UTF-8 read as Latin-1 sit
inside a word), a lone surrogate becomes U+FFFD, a control character inside a URL its
percent-encoded bytes. So every serialiser's output encodes as UTF-8.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import articlekit
from articlekit import Document, UnsupportedInputError
from articlekit._chars import (
    CONTROLS,
    balance_bidi,
    repair_c1_mojibake,
    repair_encoded_twice,
    replace_controls,
)

# What no string of a parsed Document may hold.
_BANNED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_CHARS = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))]
_C1_CHARS = [chr(c) for c in range(0x7F, 0xA0)]
_SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]


def _strings(value: Any) -> Iterator[str]:
    """Yield every string (keys aside) of a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _assert_clean(doc: Document) -> None:
    for text in _strings(json.loads(articlekit.to_json(doc))):
        assert not _BANNED.search(text), text
    for out in (articlekit.to_text(doc), articlekit.to_markdown(doc, front_matter=True)):
        assert not _BANNED.search(out), out
        out.encode("utf-8")  # (a lone surrogate would raise here)


_WORD = st.text(alphabet=st.characters(categories=("L", "N")), min_size=1, max_size=12)
_ODD = st.sampled_from(_CONTROL_CHARS + _C1_CHARS + _SURROGATES)
# Words, each followed by a space or by one odd character: at most half the characters
# are odd, and a text of one word in three odd is still far from binary in practice.
_TEXTS = st.lists(
    st.tuples(_WORD, st.one_of(st.just(" "), st.just(" "), _ODD)), min_size=3, max_size=40
).map(lambda pairs: "".join(word + after for word, after in pairs))


def _page(text: str) -> str:
    """Return an HTML page that puts ``text`` everywhere a Document takes a string from."""
    escaped = html.escape(text)
    return (
        f"<html><head><title>{escaped}</title>"
        f'<meta name="description" content="{escaped}">'
        f'<meta name="author" content="{escaped}"></head><body><article>'
        f"<h1>{escaped}</h1><h2>{escaped}</h2><p>{escaped} {escaped}</p>"
        f'<p><a href="/a/{escaped}" title="{escaped}">{escaped}</a> <code>{escaped}</code></p>'
        f'<pre>{escaped}</pre><ul><li>{escaped}</li></ul><figure><img src="/i/{escaped}.jpg"'
        f' alt="{escaped}"><figcaption>{escaped}</figcaption></figure>'
        f"<table><tr><th>{escaped}</th></tr><tr><td>{escaped}</td></tr></table>"
        f"<blockquote><p>{escaped}</p></blockquote></article></body></html>"
    )


@given(_TEXTS)
def test_html_documents_hold_no_control_character_or_surrogate(text: str) -> None:
    try:
        doc = articlekit.parse_html(_page(text), url="https://example.org/story")
    except UnsupportedInputError:
        return
    _assert_clean(doc)


@given(_TEXTS)
def test_text_documents_hold_no_control_character_or_surrogate(text: str) -> None:
    body = f"{text}\n\n## {text}\n\n{text} {text}\n\n- {text}\n\n    {text}\n"
    try:
        doc = articlekit.parse_text(body)
    except UnsupportedInputError:  # (a text of control characters looks binary)
        return
    _assert_clean(doc)


@pytest.mark.parametrize("odd", ["\x01", "\x1b", "\x7f", "\x81", "\x8d\x90\x9d"])
def test_a_control_character_is_dropped_in_both_parsers(odd: str) -> None:
    # a browser shows it as nothing: the word around it stays whole
    sentence = f"The council met on Tuesday and the mayor{odd}s plan passed easily."
    from_html = articlekit.parse_html(f"<html><body><p>{sentence}</p></body></html>")
    from_text = articlekit.parse_text(f"{sentence}\n")
    expected = "The council met on Tuesday and the mayors plan passed easily.\n"
    assert articlekit.to_text(from_html) == expected
    assert articlekit.to_text(from_text) == expected


@pytest.mark.parametrize("odd", ["\x0b", "\x0c", "\x1c", "\x1f", "\x85"])
def test_a_white_space_control_character_is_a_space_in_both_parsers(odd: str) -> None:
    sentence = f"The council met on Tuesday{odd}evening to vote on the budget plan."
    from_html = articlekit.parse_html(f"<html><body><p>{sentence}</p></body></html>")
    from_text = articlekit.parse_text(f"{sentence}\n")
    expected = "The council met on Tuesday evening to vote on the budget plan.\n"
    assert articlekit.to_text(from_html) == expected
    assert articlekit.to_text(from_text) == expected


def test_a_lone_surrogate_is_a_replacement_character_in_both_parsers() -> None:
    sentence = "A broken character \ud83d here, from a lossy decoder upstream."
    expected = "A broken character \ufffd here, from a lossy decoder upstream.\n"
    assert articlekit.to_text(articlekit.parse_html(f"<p>{sentence}</p>")) == expected
    assert articlekit.to_text(articlekit.parse_text(f"{sentence}\n")) == expected


def test_control_characters_keep_their_place_in_code_and_urls() -> None:
    page = (
        '<html><body><p>See <a href="/a\x01b" title="x\x07y">the page</a>.</p>'
        "<pre>line\x01one\nline two</pre></body></html>"
    )
    doc = articlekit.parse_html(page, url="https://example.org/")
    link = doc.blocks[0].content[1]  # type: ignore[union-attr]
    assert (link.url, link.title) == ("https://example.org/a%01b", "xy")
    assert doc.blocks[1] == articlekit.CodeBlock(code="lineone\nline two")


def test_replace_controls_leaves_printable_text_and_line_ends() -> None:
    assert replace_controls("plain text") == "plain text"
    assert replace_controls("a\tb\nc\rd") == "a\tb\nc\rd"
    assert replace_controls("a\x00b\x0cc\x85d\x81e\x92") == "ab c de\u2019"
    assert all(CONTROLS.fullmatch(c) for c in _CONTROL_CHARS + _C1_CHARS)


@pytest.mark.parametrize(
    "href",
    [
        "java\tscript:alert(1)",
        "jav&#x0A;ascript:alert(1)",
        "\x01javascript:alert(1)",
        "vb\rscript:x",
    ],
)
@pytest.mark.parametrize("url", [None, "https://example.org/story"])
def test_a_script_url_disguised_with_control_characters_is_no_link(
    href: str, url: str | None
) -> None:
    # a browser drops tabs and line ends anywhere in a URL, control characters at its ends
    page = f'<html><body><p>Read <a href="{href}">the report</a> in full.</p></body></html>'
    doc = articlekit.parse_html(page, url=url)
    assert doc.links() == ()
    assert articlekit.to_text(doc) == "Read the report in full.\n"


def test_tabs_and_line_ends_inside_a_url_are_dropped() -> None:
    page = '<html><body><p>See <a href="https://example.org/a\n/b\tc">this</a>.</p></body></html>'
    assert [link.url for link in articlekit.parse_html(page).links()] == [
        "https://example.org/a/bc"
    ]


@pytest.mark.parametrize(
    ("garbled", "meant"),
    [
        ("Logitech\u00e2\x80\x99s mouse", "Logitech\u2019s mouse"),  # E2 80 99 read as Latin-1
        ("a pause \u00e2\x80\x94 then", "a pause \u2014 then"),
        ("\u00c2\x85 more", "\x85 more"),  # C2 85 is U+0085 (next line) itself
        ("caf\u00c3\u00a9 \u00e2\x80\x99", "caf\u00c3\u00a9 \u2019"),  # no C1: left alone
        ("\u00e2\x80 cut short", "\u00e2\x80 cut short"),  # not whole UTF-8: left
    ],
)
def test_utf8_read_as_latin1_is_repaired_where_a_c1_character_shows_it(
    garbled: str, meant: str
) -> None:
    assert repair_c1_mojibake(garbled) == meant


@pytest.mark.parametrize(
    ("garbled", "meant"),
    [
        ("caf\u00c3\u00a9", "caf\u00c3\u00a9"),  # no C1 in the run: left alone
        # ... but a run with one is encoded twice throughout: "\u00c2\u00ae" is C2 AE, "\u00ae"
        ("caf\u00c3\u00a9 \u00e2\x80\x99", "caf\u00e9 \u2019"),
        ("JOHNSON\u00e2\x80\x99S\u00c2\u00ae 57\u00c2\u00b0", "JOHNSON\u2019S\u00ae 57\u00b0"),
    ],
)
def test_a_run_proven_encoded_twice_is_repaired_throughout(garbled: str, meant: str) -> None:
    assert repair_encoded_twice(garbled) == meant
    assert replace_controls(garbled) == meant
    # the text parser reads a whole document at once: one proof there repairs only itself
    assert repair_c1_mojibake("caf\u00c3\u00a9 \u00e2\x80\x99") == "caf\u00c3\u00a9 \u2019"


@pytest.mark.parametrize(
    ("odd", "meant"),
    [("\x92", "\u2019"), ("\x93", "\u201c"), ("\x96", "\u2013"), ("\x80", "\u20ac")],
)
def test_a_lone_c1_character_is_read_as_windows_1252_in_both_parsers(odd: str, meant: str) -> None:
    # a windows-1252 byte a scraper decoded as Latin-1: "we\x92re" is "we\u2019re"
    sentence = f"Because we{odd}re so used to it, the council voted on Tuesday again."
    expected = sentence.replace(odd, meant) + "\n"
    page = f"<html><body><p>{sentence}</p></body></html>"
    assert articlekit.to_text(articlekit.parse_html(page)) == expected
    assert articlekit.to_text(articlekit.parse_text(sentence + "\n")) == expected


def test_both_parsers_repair_a_page_encoded_twice() -> None:
    # the UTF-8 of "\u2019" encoded again: a browser shows "mayor\u00e2s"
    sentence = "The mayor\u00e2\x80\x99s plan passed on Tuesday after a long debate."
    expected = "The mayor\u2019s plan passed on Tuesday after a long debate.\n"
    page = f"<html><body><p>{sentence}</p></body></html>".encode()
    assert articlekit.to_text(articlekit.parse_html(page)) == expected
    assert articlekit.to_text(articlekit.parse_text(sentence + "\n")) == expected


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("/img/a\x01b.jpg", "https://example.org/img/a%01b.jpg"),
        ("/img/a\x1fb.jpg", "https://example.org/img/a%1Fb.jpg"),  # white space to split()
        ("/img/a\x85b.jpg", "https://example.org/img/a%C2%85b.jpg"),
        ("/img/a&#1;b.jpg", "https://example.org/img/a%01b.jpg"),  # written as an entity
        ("/img/a\n/b\tc.jpg", "https://example.org/img/a/bc.jpg"),
        ("\x01/img/ab.jpg\x02", "https://example.org/img/ab.jpg"),
        ("java\tscript:alert(1)", None),
    ],
)
def test_metadata_urls_treat_control_characters_as_body_links_do(
    written: str, read: str | None
) -> None:
    # the image and the canonical URL follow docs/model.md's policy for URLs, as a link does
    page = (
        f'<html><head><meta property="og:image" content="{written}">'
        f'<link rel="canonical" href="{written}"></head>'
        f'<body><p>See <a href="{written}">this</a>.</p></body></html>'
    )
    doc = articlekit.parse_html(page, url="https://example.org/story")
    assert (doc.metadata.image, doc.metadata.canonical_url) == (read, read)
    assert [link.url for link in doc.links()] == ([read] if read else [])


@pytest.mark.parametrize(
    ("text", "balanced"),
    [
        ("plain", "plain"),
        ("a\u202eb", "a\u202eb\u202c"),  # an override left open is closed at the end
        ("a\u202cb\u2069c", "abc"),  # pops with nothing open are dropped
        ("\u2067a\u202bb\u2069c", "\u2067a\u202bb\u2069c"),  # PDI closes its embeddings
        ("\u202b\u2067a\u202cb", "\u202b\u2067ab\u2069\u202c"),  # no PDF across an isolate
        ("\u202d\u202ex", "\u202d\u202ex\u202c\u202c"),  # innermost closed first
    ],
)
def test_balance_bidi_closes_every_directional_span_within_the_text(
    text: str, balanced: str
) -> None:
    assert balance_bidi(text) == balanced
