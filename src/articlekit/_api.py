"""The front door: ``parse`` reads any source, decodes it, picks a parser and returns a Document."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import BinaryIO

from articlekit._types import Source
from articlekit.decode import decode_bytes
from articlekit.errors import ArticleKitError, UnsupportedInputError
from articlekit.model import Document

__all__ = ["looks_like_html", "parse", "read_source"]

_SNIFF_CHARS = 4096
# Markup that only an HTML page starts with (after whitespace, BOM or comments).
_HTML_START = re.compile(
    r"\A(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|link|script|style)\b",
    re.IGNORECASE | re.DOTALL,
)
# Elements whose presence anywhere near the start marks HTML even without a prologue.
_HTML_TAGS = re.compile(
    r"</?(?:html|head|body|div|p|span|article|section|main|h[1-6]|ul|ol|li|table|a|br|img)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def looks_like_html(sample: str) -> float:
    """Return how sure we are that ``sample`` is HTML, 0.0-1.0.

    A prologue (``<!DOCTYPE html>``, ``<html>``, ``<head>`` ...) is certain; otherwise the
    share of lines holding well-formed tags decides, so prose that merely contains a ``<``
    ("x < y", "<3") stays text.
    """
    head = sample[:_SNIFF_CHARS]
    if _HTML_START.match(head):
        return 1.0
    tags = len(_HTML_TAGS.findall(head))
    if tags == 0:
        return 0.0
    lines = max(1, head.count("\n") + 1)
    return min(1.0, 0.2 + 0.8 * min(1.0, tags / max(3.0, lines / 4)))


def _name(source: Source) -> str:
    if isinstance(source, (str, bytes)):
        return "<string>" if isinstance(source, str) else "<bytes>"
    if isinstance(source, os.PathLike):
        return os.fspath(source)
    return str(getattr(source, "name", "<stream>"))


def read_source(source: Source) -> tuple[str | bytes, str]:
    """Return the content of ``source`` (``str`` stays text, the rest is bytes) and its name."""
    if isinstance(source, (str, bytes)):
        return source, _name(source)
    name = _name(source)
    if isinstance(source, os.PathLike):
        path = Path(source)
        try:
            return path.read_bytes(), name
        except FileNotFoundError as exc:
            raise UnsupportedInputError("no such file", source=name) from exc
        except IsADirectoryError as exc:
            raise UnsupportedInputError("is a directory, not a file", source=name) from exc
        except OSError as exc:
            raise UnsupportedInputError(f"cannot read file ({exc.strerror})", source=name) from exc
    if isinstance(source, (io.IOBase, BinaryIO)) or hasattr(source, "read"):
        try:
            data = source.read()
        except OSError as exc:
            raise UnsupportedInputError(f"cannot read stream ({exc})", source=name) from exc
        if isinstance(data, str):
            return data, name
        if isinstance(data, (bytes, bytearray)):
            return bytes(data), name
    raise UnsupportedInputError(
        f"expected str, bytes, a path or a binary file, got {type(source).__name__}"
    )


def _check_not_binary(text: str, name: str) -> None:
    sample = text[:_SNIFF_CHARS]
    if not sample.strip():
        raise UnsupportedInputError("input is empty (no text)", source=name)
    controls = len(_BINARY_CONTROL.findall(sample))
    if "\x00" in sample[:1024] or controls > max(8, len(sample) // 10):
        raise UnsupportedInputError(
            "input looks binary (control bytes), not HTML or text", source=name
        )


def parse(
    source: Source,
    *,
    url: str | None = None,
    format: str | None = None,
    encoding: str | None = None,
) -> Document:
    """Parse an article from ``source`` and return its Document.

    ``source`` is a ``str`` (the page or text itself), ``bytes``, a path (``os.PathLike``)
    or a binary file object. ``format`` is ``"html"``, ``"text"`` or ``None``/``"auto"``
    to sniff. ``encoding`` is a hint for bytes (e.g. from an HTTP header).

    Raises :class:`~articlekit.UnsupportedInputError` for missing, empty or binary input,
    and other :class:`~articlekit.ArticleKitError` subclasses for what the parsers reject.
    """
    from articlekit.html import parse_html
    from articlekit.text import parse_text

    content, name = read_source(source)
    if isinstance(content, bytes):
        if not content.strip():
            raise UnsupportedInputError(f"input is empty ({len(content)} bytes)", source=name)
        text, used = decode_bytes(content, encoding=encoding)
    else:
        text, used = content, None
    _check_not_binary(text, name)
    if format in (None, "auto"):
        format = "html" if looks_like_html(text) >= 0.5 else "text"
    try:
        if format == "html":
            return parse_html(text, url=url, encoding=used)
        if format == "text":
            return parse_text(text, url=url)
    except ArticleKitError as exc:
        raise exc.with_source(name) from exc.__cause__
    raise UnsupportedInputError(f"unknown input format {format!r} (expected html or text)")
