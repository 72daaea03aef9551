"""Bytes to text: BOM, then an encoding hint, then the document's own declaration, then guessing.

Web pages lie about their encoding in predictable ways, and browsers have learnt to cope;
this module follows the browsers where it matters:

* a byte-order mark always wins;
* ``latin-1``/``iso-8859-1``/``ascii`` declarations mean ``windows-1252`` (WHATWG);
* a page declared (or served) as a single-byte encoding whose bytes are valid UTF-8 *and*
  contain multi-byte sequences is UTF-8: a legacy encoding almost never produces valid
  multi-byte UTF-8 by accident, while a UTF-8 page with a stale declaration is common;
* a page that declares UTF-16 in ASCII-compatible bytes cannot really be UTF-16;
* a page that is mostly valid UTF-8 with a few stray legacy bytes (text pasted from a
  windows-1252 source) is UTF-8, its stray bytes read as windows-1252.

:func:`decode_bytes` keeps a few undecodable bytes as U+FFFD (the last resort replaces
them), but bytes that a byte-order mark (or BOM-less UTF-16's NUL pattern) declares to be
UTF-8/16/32 and that are mostly not are a :class:`~articlekit.DecodeError`: their text
would be replacement characters alone.
"""

from __future__ import annotations

import codecs
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from bs4.dammit import UnicodeDammit

from articlekit.errors import DecodeError

__all__ = ["decode_bytes", "looks_like_utf8", "mixed_utf8", "utf8_prefix", "utf8_reading"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x"> or an
# XML declaration's encoding="x", looked for in the first bytes only, as browsers do.
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
_PRESCAN_BYTES = 4096
# Names that browsers decode as windows-1252 (WHATWG Encoding Standard, "windows-1252" labels).
_WINDOWS_1252_ALIASES = frozenset({"latin_1", "iso8859-1", "ascii", "cp1252"})
# Python codec names of single-byte encodings that accept (almost) any byte sequence, so
# "decoding succeeded" proves nothing and valid multi-byte UTF-8 should win over them.
_SINGLE_BYTE_PREFIXES = ("latin_1", "iso8859", "cp125", "ascii", "koi8", "mac-", "cp437", "cp8")
_NON_ASCII = re.compile(rb"[\x80-\xff]")


# bs4 logs one warning per page it decodes with replacement characters; the text keeps
# U+FFFD where the bytes were, so the record says nothing the Document does not.
_DAMMIT_LOGGER = logging.getLogger("bs4.dammit")
_REPLACEMENT_NOTICE = "could not be decoded"


def _drop_replacement_notice(record: logging.LogRecord) -> bool:
    return _REPLACEMENT_NOTICE not in str(record.msg)


@contextmanager
def _quiet_dammit() -> Iterator[None]:
    """Silence bs4's replacement-character log record for the duration of the block."""
    _DAMMIT_LOGGER.addFilter(_drop_replacement_notice)
    try:
        yield
    finally:
        _DAMMIT_LOGGER.removeFilter(_drop_replacement_notice)


def _known(name: str | None) -> str | None:
    """Return the Python codec name of an encoding label, or None for a label that names
    no text encoding (a browser ignores such a declaration)."""
    if not name:
        return None
    try:
        found = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    if not _is_text_codec(found):
        return None
    return "cp1252" if found in _WINDOWS_1252_ALIASES else found


def _is_text_codec(name: str) -> bool:
    """Return True when ``name`` decodes bytes to text: not one of Python's bytes-to-bytes
    or text-to-text codecs (``hex``, ``base64``, ``zlib``, ``rot13`` ...), which a page
    can declare (``<meta charset="hex">``), nor ``undefined``, which refuses everything."""
    try:
        b"a".decode(name)  # (an empty input is answered before the codec is looked at)
    except LookupError:  # "'hex' is not a text encoding"
        return False
    except UnicodeError:
        pass  # a text codec that refuses this one byte (utf-16 needs two)
    return name != "undefined"


def _is_single_byte(name: str) -> bool:
    return name.startswith(_SINGLE_BYTE_PREFIXES)


# Bytes decoded per step when an input is only checked, not kept as text: a 50 MB page's
# text would be another 50-200 MB (Python stores text at 1, 2 or 4 bytes per character).
_CHECK_CHUNK_BYTES = 1 << 20


def _decodes(data: bytes, codec: str) -> bool:
    """Return True when ``data`` decodes with ``codec`` (strict), without keeping the text.

    UTF-8 up to :data:`_CHECK_CHUNK_BYTES` (nearly every page) is checked by one
    ``bytes.decode`` call; other input in steps of that size through an incremental
    decoder, which copies each step into its buffer first (twice the time of the one call
    for a page of ~100 kB: ~1% of ``parse_html``'s instructions).
    """
    if codec == "utf-8" and len(data) <= _CHECK_CHUNK_BYTES:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True
    decoder = codecs.getincrementaldecoder(codec)()
    view = memoryview(data)
    try:
        for start in range(0, len(data), _CHECK_CHUNK_BYTES):
            decoder.decode(view[start : start + _CHECK_CHUNK_BYTES])
        decoder.decode(b"", True)
    except UnicodeError:  # (punycode and idna refuse bytes with a plain UnicodeError)
        return False
    return True


def looks_like_utf8(data: bytes) -> bool:
    """Return True when ``data`` holds non-ASCII bytes and all of it is valid UTF-8."""
    if data.isascii():
        return False
    return _decodes(data, "utf-8")


def _declared(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    if match is None:
        return None
    raw = match.group(1) or match.group(2) or b""
    declared = _known(raw.decode("ascii", "replace"))
    if declared and declared.startswith(("utf-16", "utf-32")):
        # the declaration itself was read as ASCII, so the page cannot be UTF-16/32
        return "utf-8"
    if declared and _is_ebcdic(declared):
        # ... nor EBCDIC: a browser does not know the label and reads the page without it
        return None
    return declared


# Bytes that every ASCII-based encoding reads as themselves: markup and the Latin alphabet.
_MARKUP_ASCII = b"<>/=\"' abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_EBCDIC: dict[str, bool] = {}


def _is_ebcdic(codec: str) -> bool:
    """Return True for an EBCDIC code page (``cp500``, ``cp037``, ``cp1140`` ...): a
    single-byte encoding that reads markup and the Latin letters as other characters
    (UTF-16 and UTF-32 are told apart by their byte patterns, not here)."""
    known = _EBCDIC.get(codec)
    if known is None:
        try:
            known = not codec.startswith(("utf-16", "utf-32")) and (
                _MARKUP_ASCII.decode(codec) != _MARKUP_ASCII.decode("ascii")
            )
        except (UnicodeError, LookupError):
            known = False
        _EBCDIC[codec] = known
    return known


# C0 and C1 control characters that no text holds (tab, line feed, carriage return and
# EBCDIC's next-line U+0085 do).
_NOISE_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Share of control characters in the first characters of an EBCDIC reading above which the
# bytes are ASCII-based text, not EBCDIC (ASCII markup read as EBCDIC is a third controls).
MAX_EBCDIC_CONTROL_SHARE = 0.1
_EBCDIC_SAMPLE_CHARS = 4096


def _check_ebcdic_hint(text: str, codec: str) -> None:
    """Raise DecodeError when ``text``, read with the caller's EBCDIC ``codec``, is
    control characters: the bytes are ASCII-based text and the hint is wrong."""
    sample = text[:_EBCDIC_SAMPLE_CHARS]
    controls = len(_NOISE_CONTROLS.findall(sample))
    if controls > MAX_EBCDIC_CONTROL_SHARE * len(sample):
        raise DecodeError(
            f"the encoding hint {codec!r} is EBCDIC, but the input is ASCII-based text "
            f"({controls} of its first {len(sample)} characters read as control "
            "characters in EBCDIC): drop the hint or give the page's real encoding"
        )


# Share of NUL bytes at the odd (or even) positions of the first bytes above which the text
# is UTF-16 without a byte-order mark: ASCII-range markup and prose leave every other byte 0.
UTF16_NUL_SHARE = 0.4
_UTF16_SAMPLE_BYTES = 2048


def utf16_without_bom(data: bytes) -> str | None:
    """Return ``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` looks like BOM-less UTF-16."""
    sample = data[:_UTF16_SAMPLE_BYTES]
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    odd_nuls = sample[1::2].count(0)
    even_nuls = sample[0::2].count(0)
    if odd_nuls >= UTF16_NUL_SHARE * pairs and even_nuls < 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= UTF16_NUL_SHARE * pairs and odd_nuls < 0.05 * pairs:
        return "utf-16-be"
    return None


# A page whose bytes fail strict UTF-8 decoding is still UTF-8 with a few stray legacy bytes
# (text pasted from a windows-1252 source into a UTF-8 template) when at least this share
# of its non-ASCII characters are valid multi-byte UTF-8 sequences. Measured: the two such
# pages of trafilatura-eval score 0.96 and 0.99; text in legacy encodings decoded as UTF-8
# scores 0.0 (windows-125x, ISO-8859-x, KOI8-R) to 0.31 (Shift_JIS, EUC-JP, GBK, Big5,
# EUC-KR, TIS-620 samples), so 0.8 keeps a wide margin on both sides.
MIN_MIXED_UTF8_SHARE = 0.8
_STRAY_HANDLER = "articlekit.cp1252-strays"


def _cp1252_strays(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read bytes that are not UTF-8 as windows-1252, as browsers would
    read a legacy page (its five undefined bytes as the C1 controls of the same value)."""
    if not isinstance(exc, UnicodeDecodeError):  # pragma: no cover - registered for decoding
        raise exc
    chunk = exc.object[exc.start : exc.end]
    try:
        return chunk.decode("cp1252"), exc.end
    except UnicodeDecodeError:
        return chunk.decode("latin-1"), exc.end


codecs.register_error(_STRAY_HANDLER, _cp1252_strays)


def mixed_utf8(data: bytes) -> str | None:
    """Return ``data`` decoded as UTF-8 with stray legacy bytes read as windows-1252, when
    its non-ASCII text is mostly valid UTF-8 (:data:`MIN_MIXED_UTF8_SHARE`); else None.

    A single legacy guess for such a page (bs4's detector says "macroman") garbles every
    accented letter of the UTF-8 part to fix a handful of stray bytes; it was also the
    slowest step of parsing those pages (0.2-0.5 s each).
    """
    replaced = data.decode("utf-8", errors="replace")
    non_ascii = len(replaced) - len(replaced.encode("ascii", "ignore"))
    strays = replaced.count("\ufffd") - data.count("\ufffd".encode())
    if strays <= 0 or non_ascii - strays < MIN_MIXED_UTF8_SHARE * non_ascii:
        return None
    return data.decode("utf-8", errors=_STRAY_HANDLER)


# Share of a text's characters above which the replacement characters of a decoding forced
# by a byte-order mark (or by BOM-less UTF-16's NUL pattern) mean the bytes are not in that
# encoding at all: a mostly-U+FFFD "document" would report success with no text in it. A
# few stray bytes in real text stay U+FFFD, as elsewhere.
MAX_REPLACED_SHARE = 0.5
_ENCODING_LABELS = {
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "utf-32": "UTF-32",
    "utf-16-le": "UTF-16LE",
    "utf-16-be": "UTF-16BE",
}


def _forced(data: bytes, codec: str, why: str) -> str:
    """Return ``data`` decoded with ``codec``, which ``why`` (a byte-order mark ...) chose
    without looking at the bytes; raise DecodeError when most of the text would be
    replacement characters."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
    replaced = text.count("\ufffd")
    if replaced > MAX_REPLACED_SHARE * len(text):
        label = _ENCODING_LABELS.get(codec, codec)
        raise DecodeError(
            f"undecodable input: {why} says {label}, but {replaced} of its "
            f"{len(text)} characters are not valid {label}"
        )
    return text


def decode_bytes(data: bytes, *, encoding: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding_name)`` for ``data``.

    Order: byte-order mark, the caller's ``encoding`` hint (e.g. an HTTP header), a
    ``<meta>`` charset declaration near the start, UTF-8, mostly-UTF-8 bytes with stray
    legacy bytes (:func:`mixed_utf8`), then bs4's ``UnicodeDammit`` guess. A single-byte
    hint or declaration loses to valid multi-byte UTF-8. Undecodable bytes become U+FFFD
    (the last resort replaces them); raises :class:`~articlekit.DecodeError` only when a
    byte-order mark or BOM-less UTF-16's NUL pattern fixes the encoding and more than
    :data:`MAX_REPLACED_SHARE` of the text would be replacement characters.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _forced(data, name, "its byte-order mark"), name.replace("-sig", "")
    utf16 = utf16_without_bom(data)
    if utf16:
        return _forced(data, utf16, "the pattern of its NUL bytes"), utf16
    candidates: list[str] = []
    hinted = _known(encoding)
    declared = _declared(data)
    for given in (hinted, declared):
        if given and given not in candidates:
            if _is_single_byte(given) and looks_like_utf8(data):
                candidates.append("utf-8")
            candidates.append(given)
    candidates.append("utf-8")
    for name in candidates:
        try:
            text = data.decode(name)
        except (UnicodeError, LookupError):
            continue
        if name == hinted and _is_ebcdic(name):
            _check_ebcdic_hint(text, name)
        return text, name
    if "cp1252" in candidates:
        # windows-1252 leaves five bytes undefined; browsers map them to C1 controls
        return data.decode("latin-1"), "cp1252"
    mixed = mixed_utf8(data)
    if mixed is not None:
        return mixed, "utf-8"
    with warnings.catch_warnings(), _quiet_dammit():
        # bs4 warns and logs about replacement characters; the caller asked for text, and a
        # batch of a million pages must not print a line per odd byte
        warnings.simplefilter("ignore")
        dammit = UnicodeDammit(data, is_html=True)
    if dammit.unicode_markup is not None and dammit.original_encoding:
        return dammit.unicode_markup, str(dammit.original_encoding)
    fallback = hinted or declared or "utf-8"
    try:
        return data.decode(fallback, errors="replace"), fallback
    except LookupError as exc:  # pragma: no cover - _known() checked the name
        raise DecodeError(f"cannot decode input with {fallback!r}") from exc


_ASCII = bytes(range(128))
_ASCII_IDENTITY: dict[str, bool] = {}


def _reads_ascii_as_ascii(codec: str) -> bool:
    """Return True when ``codec`` decodes every ASCII byte to the same character."""
    known = _ASCII_IDENTITY.get(codec)
    if known is None:
        try:
            known = _ASCII.decode(codec) == _ASCII.decode("ascii")
        except (UnicodeError, LookupError):
            known = False
        _ASCII_IDENTITY[codec] = known
    return known


def utf8_reading(data: bytes, *, encoding: str | None = None) -> str | None:
    """Return the encoding :func:`decode_bytes` reports for ``data`` when the text it gives
    is exactly ``data`` read as UTF-8, else None.

    Then the bytes themselves can go to the HTML parser: the text is never built (nor
    encoded back to UTF-8), which keeps a large page's peak memory down. Checked in steps
    of a megabyte; None (the caller decodes as usual) for byte-order marks, UTF-16 and
    any page whose encoding is not UTF-8 or a superset of ASCII holding only ASCII.
    """
    if data.startswith(tuple(bom for bom, _ in _BOMS)) or utf16_without_bom(data):
        return None
    ascii_only = data.isascii()
    valid: list[bool] = []  # is data UTF-8? checked once, when first asked

    def is_utf8() -> bool:
        if not valid:
            valid.append(ascii_only or _decodes(data, "utf-8"))
        return valid[0]

    # the candidates of decode_bytes, in its order
    candidates: list[str] = []
    for given in (_known(encoding), _declared(data)):
        if given and given not in candidates:
            if _is_single_byte(given) and not ascii_only and is_utf8():
                candidates.append("utf-8")
            candidates.append(given)
    candidates.append("utf-8")
    for name in candidates:
        if name == "utf-8":
            if is_utf8():
                return name
        elif ascii_only:
            return name if _reads_ascii_as_ascii(name) else None
        elif _decodes(data, name):
            return None  # decode_bytes reads it with this codec: not as UTF-8
    return None  # nothing decodes: decode_bytes guesses


def utf8_prefix(data: bytes, chars: int) -> str:
    """Return the first ``chars`` characters of valid UTF-8 ``data`` (decoding no more)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    end = 4 * chars
    return decoder.decode(data[:end], end >= len(data))[:chars]
