"""Bytes to text: BOM, then an encoding hint, then the document's own declaration, then guessing."""

from __future__ import annotations

import codecs
import re

from bs4.dammit import UnicodeDammit

from articlekit.errors import DecodeError

__all__ = ["decode_bytes"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">,
# looked for in the first bytes only, as browsers do.
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
_PRESCAN_BYTES = 4096


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, encoding: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding_name)`` for ``data``.

    Order: byte-order mark, the caller's ``encoding`` hint (e.g. an HTTP header), a
    ``<meta>`` charset declaration near the start, UTF-8, then bs4's ``UnicodeDammit``
    guess. Never raises for undecodable bytes: the last resort replaces them.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name.replace("-sig", "")
    candidates: list[str] = []
    hinted = _known(encoding)
    if hinted:
        candidates.append(hinted)
    match = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    declared = _known(match.group(1).decode("ascii", "replace")) if match else None
    if declared:
        # a page that declares UTF-16 in ASCII bytes cannot really be UTF-16
        candidates.append("utf-8" if declared.startswith("utf-16") else declared)
    candidates.append("utf-8")
    for name in candidates:
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    dammit = UnicodeDammit(data, is_html=True)
    if dammit.unicode_markup is not None and dammit.original_encoding:
        return dammit.unicode_markup, str(dammit.original_encoding)
    fallback = hinted or declared or "utf-8"
    try:
        return data.decode(fallback, errors="replace"), fallback
    except LookupError as exc:  # pragma: no cover - _known() checked the name
        raise DecodeError(f"cannot decode input with {fallback!r}") from exc
