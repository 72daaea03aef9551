"""Tests for articlekit.decode: BOM, hints, declarations, UTF-8 sniffing, never a crash."""

from __future__ import annotations

import codecs
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit import DecodeError
from articlekit.decode import (
    decode_bytes,
    looks_like_utf8,
    mixed_utf8,
    utf8_prefix,
    utf8_reading,
)


def test_bom_wins_over_declaration() -> None:
    data = codecs.BOM_UTF8 + '<meta charset="iso-8859-1"><p>café</p>'.encode()
    text, name = decode_bytes(data)
    assert name == "utf-8"
    assert "café" in text and not text.startswith("\ufeff")


def test_utf16_bom() -> None:
    data = codecs.BOM_UTF16_LE + "<p>héllo</p>".encode("utf-16-le")
    text, name = decode_bytes(data)
    assert name == "utf-16"
    assert text == "<p>héllo</p>"


def test_meta_charset_is_used() -> None:
    data = '<meta charset="windows-1251"><p>Привет</p>'.encode("cp1251")
    text, name = decode_bytes(data)
    assert name == "cp1251"
    assert "Привет" in text


def test_http_equiv_declaration() -> None:
    data = (
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2"><p>Łódź</p>'
    ).encode("iso-8859-2")
    text, name = decode_bytes(data)
    assert name == "iso8859-2"
    assert "Łódź" in text


def test_latin1_declaration_means_windows_1252() -> None:
    data = '<meta charset="iso-8859-1"><p>“quoted” – dash</p>'.encode("cp1252")
    text, name = decode_bytes(data)
    assert name == "cp1252"
    assert "“quoted” – dash" in text


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "latin1", "us-ascii"])
def test_declared_single_byte_but_valid_utf8_is_utf8(declared: str) -> None:
    data = f'<meta charset="{declared}"><p>Grüße, café, “quotes”</p>'.encode()
    text, name = decode_bytes(data)
    assert name == "utf-8"
    assert "Grüße, café, “quotes”" in text


def test_hint_single_byte_but_valid_utf8_is_utf8() -> None:
    text, name = decode_bytes("<p>naïve</p>".encode(), encoding="ISO-8859-1")
    assert name == "utf-8"
    assert "naïve" in text


def test_hint_is_used_when_bytes_are_not_utf8() -> None:
    text, name = decode_bytes("<p>Grüße</p>".encode("cp1252"), encoding="latin-1")
    assert name == "cp1252"
    assert "Grüße" in text


def test_utf16_declaration_in_ascii_bytes_is_utf8() -> None:
    text, name = decode_bytes('<meta charset="utf-16"><p>é</p>'.encode())
    assert name == "utf-8"
    assert "é" in text


@pytest.mark.parametrize("hint", ["cp500", "cp037", "cp1140"])
def test_ebcdic_hint_on_ascii_bytes_names_the_hint(hint: str) -> None:
    with pytest.raises(DecodeError, match=f"encoding hint '{hint}' is EBCDIC, but the input"):
        decode_bytes(b"<html><body><p>Plain ASCII text.</p></body></html>", encoding=hint)


def test_ebcdic_hint_on_ebcdic_bytes_reads_them() -> None:
    page = "<html><body>\n<p>Mainframe text, read right.</p>\n</body></html>\n"
    assert decode_bytes(page.encode("cp500"), encoding="cp500") == (page, "cp500")


def test_ebcdic_declaration_in_ascii_bytes_is_ignored() -> None:
    text, name = decode_bytes(b'<meta charset="cp500"><p>caf\xc3\xa9</p>')
    assert (text, name) == ('<meta charset="cp500"><p>caf\u00e9</p>', "utf-8")
    assert utf8_reading(b'<meta charset="cp037"><p>x</p>') == "utf-8"


def test_xml_declaration_encoding() -> None:
    data = '<?xml version="1.0" encoding="koi8-r"?><html><p>Привет</p></html>'.encode("koi8-r")
    text, name = decode_bytes(data)
    assert name == "koi8-r"
    assert "Привет" in text


def test_unknown_declaration_falls_back_to_utf8() -> None:
    text, name = decode_bytes('<meta charset="no-such-codec"><p>ok é</p>'.encode())
    assert name == "utf-8"
    assert "ok é" in text


def test_cp1252_undefined_bytes_do_not_crash() -> None:
    data = b'<meta charset="windows-1252"><p>x\x81y\x8dz</p>'
    text, name = decode_bytes(data)
    assert name == "cp1252"
    assert "x\x81y" in text


def test_looks_like_utf8() -> None:
    assert looks_like_utf8("é".encode())
    assert not looks_like_utf8(b"plain ascii")
    assert not looks_like_utf8("é".encode("latin-1"))


@given(
    st.binary(max_size=2000),
    st.sampled_from([None, "utf-8", "latin-1", "bogus", "utf-16", "cp500"]),
)
def test_any_bytes_decode_without_error(data: bytes, hint: str | None) -> None:
    try:
        text, name = decode_bytes(data, encoding=hint)
    except DecodeError as exc:  # bytes a byte-order mark misnames, or a wrong EBCDIC hint
        assert "undecodable input" in str(exc) or "is EBCDIC" in str(exc)
        return
    assert isinstance(text, str)
    assert isinstance(name, str) and name


def test_utf8_page_with_stray_latin1_bytes_stays_utf8() -> None:
    # a UTF-8 template with one word pasted from a windows-1252 source
    data = '<meta charset="utf-8"><p>Grüße aus München, schöne Grüße</p>'.encode()
    data += "<p>Wofür?</p>".encode("cp1252")
    text, name = decode_bytes(data)
    assert name == "utf-8"
    assert "Grüße aus München, schöne Grüße" in text
    assert "Wofür?" in text


def test_mixed_utf8_reads_undefined_windows_1252_bytes_as_controls() -> None:
    assert mixed_utf8("é é é é é".encode() + b" x\x81y") == "é é é é é x\x81y"


def test_legacy_page_is_not_read_as_mixed_utf8() -> None:
    assert mixed_utf8("Grüße, café, naïve façade".encode("cp1252")) is None
    assert mixed_utf8("東京都は今日、新しい経済対策を発表しました。".encode("shift_jis")) is None
    assert mixed_utf8(b"plain ascii") is None
    assert mixed_utf8("valid utf-8 é".encode()) is None


def test_genuine_replacement_characters_are_not_strays() -> None:
    data = "\ufffd\ufffd\ufffd é".encode() + b"\xe9"
    # three real U+FFFD and one é are valid, one stray byte: 4 of 5 non-ASCII are valid
    assert mixed_utf8(data) == "\ufffd\ufffd\ufffd éé"


_META_1252 = b'<meta charset="windows-1252">'
_READING_CASES = [
    (b"<p>plain ascii</p>", None),
    ("<p>caf\u00e9 \u2014 \U0001f600</p>".encode(), None),
    ("<p>caf\u00e9</p>".encode(), "latin-1"),  # UTF-8 wins over a single-byte hint
    (_META_1252 + b"<p>ascii only</p>", None),  # read as cp1252, the same text
    (_META_1252 + "<p>caf\u00e9</p>".encode("cp1252"), None),  # really cp1252
    (_META_1252 + "<p>caf\u00e9</p>".encode(), None),  # declared 1252, but UTF-8
    ("<p>\u65e5\u672c</p>".encode("shift_jis"), "shift_jis"),
    (b"<p>ascii</p>", "shift_jis"),
    (b"<p>ascii +AGEA-</p>", "utf-7"),  # ASCII bytes, another text: not UTF-8
    (b"\xef\xbb\xbf<p>bom</p>", None),
    ("<p>utf-16</p>".encode("utf-16-le"), None),
    (b"<p>\xff\xfe broken \xc3</p>", None),
]


@pytest.mark.parametrize(("data", "hint"), _READING_CASES)
def test_utf8_reading_agrees_with_decode_bytes(data: bytes, hint: str | None) -> None:
    text, used = decode_bytes(data, encoding=hint)
    reading = utf8_reading(data, encoding=hint)
    if reading is not None:
        assert reading == used
        assert text == data.decode("utf-8")


def test_utf8_reading_takes_the_common_cases() -> None:
    assert utf8_reading(b"<p>x</p>") == "utf-8"
    assert utf8_reading("<p>\u00e9</p>".encode()) == "utf-8"
    assert utf8_reading(_META_1252 + b"<p>x</p>") == "cp1252"
    assert utf8_reading(b"<p>x</p>", encoding="utf-7") is None
    assert utf8_reading(_META_1252 + "<p>\u00e9</p>".encode("cp1252")) is None


@given(st.binary(max_size=300), st.sampled_from([None, "utf-8", "latin-1", "cp1252", "koi8-r"]))
def test_utf8_reading_never_disagrees(data: bytes, hint: str | None) -> None:
    reading = utf8_reading(data, encoding=hint)
    if reading is not None:
        assert decode_bytes(data, encoding=hint) == (data.decode("utf-8"), reading)


def test_utf8_prefix_stops_at_whole_characters() -> None:
    data = ("\u00e9" * 10).encode()
    assert utf8_prefix(data, 3) == "\u00e9" * 3
    assert utf8_prefix(data, 50) == "\u00e9" * 10


def test_undecodable_bytes_log_nothing(caplog: pytest.LogCaptureFixture) -> None:
    # an unknown declared charset and bytes no guess decodes cleanly: bs4 falls back to
    # replacement characters and would log a warning per page (a batch prints thousands)
    data = (
        b'<html><head><meta charset="x-unknown"></head><body><p>'
        + bytes(range(128, 256)) * 3
        + b" the rest of the paragraph</p></body></html>"
    )
    with caplog.at_level(logging.DEBUG, logger="bs4.dammit"):
        text, _ = decode_bytes(data)
    assert "the rest of the paragraph" in text
    assert not [r for r in caplog.records if "could not be decoded" in r.getMessage()]
    # the filter is gone afterwards: bs4's logger is left as it was found
    assert not logging.getLogger("bs4.dammit").filters


@pytest.mark.parametrize("chunk", [1 << 20, 4])  # one call, and steps of 4 bytes
@pytest.mark.parametrize(
    ("data", "valid"),
    [
        ("caf\u00e9 na\u00efve \u2019 \U0001f600".encode(), True),
        (b"caf\xc3", False),  # a sequence cut short at the end
        (b"caf\xe9 au lait", False),  # a latin-1 byte
        (b"\xed\xa0\x80", False),  # a surrogate is no UTF-8
    ],
)
def test_utf8_check_is_the_same_in_one_call_and_in_steps(
    monkeypatch: pytest.MonkeyPatch, chunk: int, data: bytes, valid: bool
) -> None:
    import articlekit.decode as decode_module

    monkeypatch.setattr(decode_module, "_CHECK_CHUNK_BYTES", chunk)
    assert looks_like_utf8(data) is valid


@pytest.mark.parametrize(
    "label", ["hex", "base64", "zlib", "bz2", "uu", "quopri", "rot13", "undefined"]
)
def test_a_label_naming_no_text_encoding_is_ignored(label: str) -> None:
    # Python's bytes-to-bytes and text-to-text codecs are found by codecs.lookup; a page
    # (or a header) naming one made parse_html raise binascii.Error, zlib.error, OSError ...
    import articlekit

    page = (
        f'<html><head><meta charset="{label}"></head><body><p>Caf\u00e9 au lait</p></body></html>'
    ).encode()
    for hint in (None, label):
        doc = articlekit.parse_html(page, encoding=hint)
        assert doc.source.encoding == "utf-8"
        assert decode_bytes(page, encoding=hint) == (page.decode(), "utf-8")
    latin = page.decode().encode("latin-1")
    assert "Caf\u00e9" in decode_bytes(latin, encoding=label)[0]


def test_punycode_refusing_the_bytes_is_no_crash() -> None:
    # punycode and idna refuse bytes with a plain UnicodeError, not a UnicodeDecodeError
    page = '<html><head><meta charset="punycode"></head><body><p>Caf\u00e9</p></body></html>'
    text, used = decode_bytes(page.encode())
    assert (text, used) == (page, "utf-8")
    latin = page.encode("latin-1")
    assert "Caf\u00e9" in decode_bytes(latin)[0]
    import articlekit

    ascii_page = b'<html><head><meta charset="punycode"></head><body><p>Plain</p></body></html>'
    assert articlekit.parse_html(ascii_page).source.encoding == "utf-8"


@pytest.mark.parametrize(
    ("bom", "label"),
    [
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF8, "UTF-8"),
    ],
)
def test_junk_after_a_byte_order_mark_is_undecodable(bom: bytes, label: str) -> None:
    # code points above U+10FFFF (UTF-32), lone surrogates (UTF-16), bytes 0x80-0xfe
    # (UTF-8): every character would be U+FFFD, a "document" with no text in it
    junk = {"UTF-32": b"\xff\xee\xdd\xcc" * 50, "UTF-16": b"\x00\xd8" * 100}
    data = bom + junk.get(label, bytes(range(0x80, 0xFF)) * 2)
    with pytest.raises(DecodeError, match=f"byte-order mark says {label}, but"):
        decode_bytes(data)


def test_utf16_nul_pattern_with_junk_is_undecodable() -> None:
    # text in BOM-less UTF-16-LE where the NUL pattern is sampled, lone surrogates after it
    data = "<p>hello</p>".encode("utf-16-le") * 100 + b"\x00\xd8" * 3000
    with pytest.raises(DecodeError, match="NUL bytes says UTF-16"):
        decode_bytes(data)


def test_a_few_stray_bytes_after_a_byte_order_mark_stay_replacement_characters() -> None:
    data = (
        "Title\n\nHello world.\n".encode("utf-32")
        + b"\xff\xff\xff\xff"
        + "more".encode("utf-32-le")
    )
    text, name = decode_bytes(data)
    assert name == "utf-32"
    assert text == "Title\n\nHello world.\n\ufffdmore"
