"""The front door: ``parse`` reads any source, decodes it, picks a parser and returns a Document."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from articlekit._types import Source, check_not_file_name, check_url, is_soup
from articlekit.decode import decode_bytes, utf8_prefix, utf8_reading
from articlekit.errors import (
    ArticleKitError,
    DecodeError,
    NotAnArticleError,
    UnsupportedInputError,
)
from articlekit.limits import (
    MAX_INPUT_BYTES,
    binary_kind,
    check_size,
    gunzip_bounded,
    is_gzip,
    read_bounded,
)
from articlekit.model import Document
from articlekit.registry import (
    SNIFF_CHARS,
    HtmlParser,
    ParserInfo,
    choose_parser,
    looks_like_html,
    run_parser,
)

if TYPE_CHECKING:
    from articlekit.rules import SiteRule

__all__ = [
    "check_article",
    "decode_for_parsing",
    "decode_source",
    "looks_like_html",
    "parse",
    "parse_content",
    "read_path",
    "read_source",
    "run_decoded",
]

_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _name(source: Source) -> str:
    if isinstance(source, (str, bytes)):
        return "<string>" if isinstance(source, str) else "<bytes>"
    if isinstance(source, os.PathLike):
        return os.fspath(source)
    return str(getattr(source, "name", "<stream>"))


def read_path(path: Path, name: str, *, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """Return the bytes of a regular file; anything else is an UnsupportedInputError, and
    so is a file larger than ``max_bytes`` (told by its size, before reading it)."""
    try:
        # stat first: opening a FIFO or a device would block or never end
        info = path.stat()
    except FileNotFoundError as exc:
        broken = " (broken symbolic link)" if path.is_symlink() else ""
        raise UnsupportedInputError(f"no such file{broken}", source=name) from exc
    except OSError as exc:
        raise UnsupportedInputError(f"cannot read file ({exc.strerror})", source=name) from exc
    mode, size = info.st_mode, info.st_size
    if stat.S_ISDIR(mode):
        raise UnsupportedInputError("is a directory, not a file", source=name)
    if not stat.S_ISREG(mode):
        raise UnsupportedInputError(
            "not a regular file (a FIFO, socket or device cannot be read as a page)", source=name
        )
    check_size(size, name, max_bytes=max_bytes)
    try:
        with path.open("rb") as file:  # (read within the limit: the file may have grown)
            return read_bounded(file.read, name, max_bytes=max_bytes)
    except OSError as exc:
        raise UnsupportedInputError(f"cannot read file ({exc.strerror})", source=name) from exc


def read_source(source: Source, *, max_bytes: int = MAX_INPUT_BYTES) -> tuple[str | bytes, str]:
    """Return the content of ``source`` (``str`` stays text, the rest is bytes) and its name;
    a file or stream is read within ``max_bytes``."""
    if isinstance(source, (str, bytes)):
        return source, _name(source)
    if isinstance(source, (bytearray, memoryview)):
        return bytes(source), "<bytes>"
    name = _name(source)
    if isinstance(source, os.PathLike):
        return read_path(Path(source), name, max_bytes=max_bytes), name
    # (a BeautifulSoup tag answers `.read` with a search for <read>: None, no method)
    read = getattr(source, "read", None)
    if callable(read):
        try:
            data = read_bounded(read, name, max_bytes=max_bytes)
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
    sample = text[:SNIFF_CHARS]
    if not sample.strip():
        raise UnsupportedInputError("input is empty (no text)", source=name)
    controls = len(_BINARY_CONTROL.findall(sample))
    if "\x00" in sample[:1024] or controls > max(8, len(sample) // 10):
        raise UnsupportedInputError(
            "input looks binary (control bytes), not HTML or text", source=name
        )


def _checked_bytes(content: bytes, name: str, max_bytes: int) -> bytes:
    """Return ``content`` gunzipped when it is gzip, after the size, empty and binary checks.

    Raises :class:`~articlekit.UnsupportedInputError` for empty, oversized or binary content.
    """
    check_size(len(content), name, max_bytes=max_bytes)
    if is_gzip(content):
        content = gunzip_bounded(content, name, max_bytes=max_bytes)
    if not content or content.isspace():  # (content.strip() would copy a large page)
        raise UnsupportedInputError(f"input is empty ({len(content)} bytes)", source=name)
    kind = binary_kind(content)
    if kind:
        raise UnsupportedInputError(f"input is {kind}, not HTML or text", source=name)
    return content


def _decode_named(content: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    """Return :func:`~articlekit.decode.decode_bytes` of ``content``; its DecodeError names
    the input."""
    try:
        return decode_bytes(content, encoding=encoding)
    except DecodeError as exc:
        raise exc.with_source(name) from exc.__cause__


def decode_source(
    content: str | bytes,
    name: str,
    *,
    encoding: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
) -> tuple[str, str | None]:
    """Return ``(text, encoding used)`` for content read from ``name``.

    Gzip-compressed bytes are decompressed first (bounded by ``max_bytes``). Raises
    :class:`~articlekit.UnsupportedInputError` for empty, oversized or binary content.
    """
    if isinstance(content, bytes):
        content = _checked_bytes(content, name, max_bytes)
        text, used = _decode_named(content, name, encoding)
    else:
        check_size(len(content), name, max_bytes=max_bytes, unit="characters")
        text, used = content, None
    _check_not_binary(text, name)
    return text, used


def decode_for_parsing(
    content: str | bytes,
    name: str,
    *,
    encoding: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
) -> tuple[str, str | bytes, str | None]:
    """Return ``(sample, body, encoding used)``: :func:`decode_source`, text built lazily.

    ``sample`` is the first :data:`~articlekit.registry.SNIFF_CHARS` characters of the text
    (what parsers sniff). ``body`` is the whole text, or the bytes themselves when the text
    is exactly their UTF-8 reading: then :func:`run_decoded` hands them to the HTML parser
    as they are, and a large page never exists as text beside its tree.
    """
    if isinstance(content, str):
        text, used = decode_source(content, name, encoding=encoding, max_bytes=max_bytes)
        return text[:SNIFF_CHARS], text, used
    content = _checked_bytes(content, name, max_bytes)
    as_utf8 = utf8_reading(content, encoding=encoding)
    if as_utf8 is not None:
        sample = utf8_prefix(content, SNIFF_CHARS)
        _check_not_binary(sample, name)
        return sample, content, as_utf8
    text, used = _decode_named(content, name, encoding)
    _check_not_binary(text, name)
    return text[:SNIFF_CHARS], text, used


def run_decoded(
    info: ParserInfo,
    body: str | bytes,
    used: str | None,
    *,
    url: str | None,
    rules: Sequence[SiteRule] | None = None,
) -> Document:
    """Return ``info``'s Document of a body from :func:`decode_for_parsing`."""
    if isinstance(body, bytes):
        if info.origin == "built-in" and isinstance(info.parser, HtmlParser):
            from articlekit.html import read_page

            return read_page(body, url=url, encoding=used, rules=rules)
        body = body.decode("utf-8")
    options = {"encoding": used} if rules is None else {"encoding": used, "rules": rules}
    return run_parser(info, body, url=url, **options)


def check_article(doc: Document, name: str) -> Document:
    """Return ``doc`` when its verdict is unset or "article"; else raise NotAnArticleError."""
    verdict = doc.verdict
    if verdict is not None and verdict.kind != "article":
        # (a listing, consent or paywall page; an error or empty page)
        a = "an" if verdict.kind[:1] in ("a", "e", "i", "o", "u") else "a"
        raise NotAnArticleError(
            f"not an article: the page looks like {a} {verdict.kind} page "
            f"(confidence {verdict.confidence:.2f})",
            source=name,
        )
    return doc


def parse(
    source: Source,
    *,
    url: str | None = None,
    format: str | None = None,
    encoding: str | None = None,
    rules: Sequence[SiteRule] | None = None,
    require_article: bool = False,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Document:
    """Parse an article from ``source`` and return its Document.

    ``source`` is a ``str`` (the page or text itself), ``bytes`` (or a ``bytearray`` or
    ``memoryview``), a path (``os.PathLike``), a binary file object, or a BeautifulSoup
    object (read as :func:`articlekit.parse_html` reads it). ``format`` is ``"html"``,
    ``"text"``, a plugin's format, or ``None``/``"auto"`` to let every registered parser
    sniff the text (the most confident wins; see :mod:`articlekit.registry`). ``encoding``
    is a hint for bytes (e.g. from an HTTP header); ``rules`` are site rules handed to the
    HTML parser. With
    ``require_article=True`` a page whose verdict says it is not an article (a listing,
    consent wall, paywall, error page ...) raises :class:`~articlekit.NotAnArticleError`.
    Inputs larger than ``max_bytes`` (default 64 MiB) are refused; gzip-compressed bytes
    are decompressed first, within the same limit.

    Raises :class:`~articlekit.UnsupportedInputError` for missing, empty or binary input
    or an unknown format, and other :class:`~articlekit.ArticleKitError` subclasses for
    what the parsers reject.
    """
    check_url(url, "parse")
    if isinstance(source, str):
        check_not_file_name(source, "parse")
    elif is_soup(source):
        return _parse_soup(
            source, url=url, format=format, rules=rules, require_article=require_article
        )
    content, name = read_source(source, max_bytes=max_bytes)
    return parse_content(
        content,
        name,
        url=url,
        format=format,
        encoding=encoding,
        rules=rules,
        require_article=require_article,
        max_bytes=max_bytes,
    )


def _parse_soup(
    soup: object,
    *,
    url: str | None,
    format: str | None,
    rules: Sequence[SiteRule] | None,
    require_article: bool,
) -> Document:
    """Return the Document of a BeautifulSoup object given to :func:`parse`: HTML already
    parsed, read by the HTML parser (as :func:`articlekit.parse_html` reads it)."""
    name = "<BeautifulSoup>"  # (value_name's)
    if format not in (None, "auto", "html"):
        raise UnsupportedInputError(
            f"a BeautifulSoup object is HTML: format {format!r} cannot read it", source=name
        )
    from articlekit.html import read_page

    try:
        doc = read_page(soup, url=url, rules=rules)
    except ArticleKitError as exc:
        raise exc.with_source(name) from exc.__cause__
    return check_article(doc, name) if require_article else doc


def parse_content(
    content: str | bytes,
    name: str,
    *,
    url: str | None = None,
    format: str | None = None,
    encoding: str | None = None,
    rules: Sequence[SiteRule] | None = None,
    require_article: bool = False,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Document:
    """Return the Document of already-read ``content``; errors name the input as ``name``.

    This is :func:`parse` after reading: decode, choose a parser, parse, check the verdict.
    """
    sample, body, used = decode_for_parsing(content, name, encoding=encoding, max_bytes=max_bytes)
    try:
        info = choose_parser(sample, url=url, format=format)
        doc = run_decoded(info, body, used, url=url, rules=rules)
    except ArticleKitError as exc:
        raise exc.with_source(name) from exc.__cause__
    return check_article(doc, name) if require_article else doc
