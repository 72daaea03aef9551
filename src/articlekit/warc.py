"""WARC input: the HTML response records of a web archive, one by one (extra ``warc``).

Uses warcio, installed with ``pip install 'articlekit[warc]'``. Records stream from disk, so
memory stays flat however large the archive is. A record is yielded when it is

- a ``response`` record whose HTTP status is 2xx and whose HTTP ``Content-Type`` is HTML
  (``text/html`` or ``application/xhtml+xml``), or
- a ``resource`` record (saved without HTTP headers) whose ``Content-Type`` is HTML.

Redirects, error pages, requests, metadata and revisit records are passed over: they hold no
article. Chunked transfer and gzip/deflate content encodings are undone by warcio.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterator
from typing import IO, Any, NamedTuple

from articlekit.errors import ArticleKitError, UnsupportedInputError

__all__ = ["HTML_CONTENT_TYPES", "WarcRecord", "is_warc_path", "iter_warc"]

HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHARSET = re.compile(r"""charset\s*=\s*["']?([^"'\s;]+)""", re.IGNORECASE)
_WARC_SUFFIXES = (".warc", ".warc.gz")
_DRAIN_BYTES = 1 << 16


class WarcRecord(NamedTuple):
    """One HTML record of a WARC file.

    ``url`` is the WARC-Target-URI, ``data`` the decoded HTTP body, ``charset`` the charset
    of the HTTP ``Content-Type`` header (None when absent) and ``record_id`` the
    WARC-Record-ID: ``for url, data, charset, record_id in iter_warc(path)``.
    """

    url: str
    data: bytes
    charset: str | None
    record_id: str


def is_warc_path(path: str | os.PathLike[str]) -> bool:
    """Return True when the file name ends in ``.warc`` or ``.warc.gz``."""
    return os.fspath(path).lower().endswith(_WARC_SUFFIXES)


def _warcio() -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise ArticleKitError(
            "reading WARC files needs the 'warc' extra: pip install 'articlekit[warc]'"
        ) from exc
    return ArchiveIterator


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _charset(content_type: str | None) -> str | None:
    match = _CHARSET.search(content_type or "")
    return match.group(1) if match else None


def _status(record: Any) -> int | None:
    code = record.http_headers.get_statuscode() if record.http_headers else None
    try:
        return int(code) if code is not None else None
    except ValueError:
        return None


def _html_content_type(record: Any) -> str | None:
    """Return the Content-Type of an HTML record worth converting, else None."""
    if record.rec_type == "response" and record.http_headers is not None:
        status = _status(record)
        if status is None or not 200 <= status < 300:
            return None
        content_type = record.http_headers.get_header("Content-Type")
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return None
    if _media_type(content_type) not in HTML_CONTENT_TYPES:
        return None
    return str(content_type)


def _check_complete(record: Any, index: int, name: str) -> None:
    """Raise when the archive ended inside ``record`` (warcio itself stays silent)."""
    raw = record.raw_stream
    while raw.read(_DRAIN_BYTES):
        pass
    if getattr(raw, "limit", 0) > 0:
        raise UnsupportedInputError(
            f"truncated WARC file: record {index} ends {raw.limit} bytes early", source=name
        )


def _check_nothing_left(stream: IO[bytes], end: int, index: int, name: str) -> None:
    """Raise when bytes other than blank lines follow the last record warcio could read.

    warcio ends quietly when an archive is cut inside a record's headers; the bytes it
    left unread are the only sign.
    """
    stream.seek(end)
    tail = stream.read(_DRAIN_BYTES)
    if tail.strip():
        raise UnsupportedInputError(
            f"truncated or damaged WARC file: unreadable bytes after record {index}",
            source=name,
        )


def _records(stream: IO[bytes], name: str) -> Iterator[WarcRecord]:
    archive_iterator = _warcio()
    from warcio.bufferedreaders import ChunkedDataException
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    damaged = (
        ArchiveLoadFailed,
        ChunkedDataException,
        StatusAndHeadersParserException,
        EOFError,
        zlib.error,
        ValueError,
    )

    index = -1
    end = 0
    try:
        iterator = archive_iterator(stream)
        for index, record in enumerate(iterator):
            if record.format != "warc":
                raise UnsupportedInputError(
                    f"not a WARC file (record {index} has no WARC/1.x header)", source=name
                )
            if record.rec_headers.get_header("Content-Length") is None:
                # every WARC record states its length; without it warcio reads to the end
                # of the file, and damaged bytes decompressed into a record look so
                raise UnsupportedInputError(
                    f"damaged WARC file: record {index} has no Content-Length", source=name
                )
            content_type = _html_content_type(record)
            data = record.content_stream().read() if content_type is not None else b""
            _check_complete(record, index, name)
            end = iterator.get_record_offset() + iterator.get_record_length()
            if content_type is None:
                continue
            yield WarcRecord(
                url=str(record.rec_headers.get_header("WARC-Target-URI") or ""),
                data=data,
                charset=_charset(content_type),
                record_id=str(record.rec_headers.get_header("WARC-Record-ID") or ""),
            )
        _check_nothing_left(stream, end, index, name)
    except damaged as exc:
        where = f"after record {index}" if index >= 0 else "at the start"
        raise UnsupportedInputError(
            f"not a readable WARC file ({where}: {type(exc).__name__}: {exc})", source=name
        ) from exc
    except OSError as exc:
        raise UnsupportedInputError(
            f"cannot read WARC file ({exc.strerror or exc})", source=name
        ) from exc


def iter_warc(path: str | os.PathLike[str]) -> Iterator[WarcRecord]:
    """Yield the HTML records of the WARC file at ``path`` (``.warc`` or ``.warc.gz``).

    Raises :class:`~articlekit.ArticleKitError` naming the ``warc`` extra when warcio is not
    installed, and :class:`~articlekit.UnsupportedInputError` for a missing or unreadable
    file or a damaged archive (records before the damage have been yielded by then).
    """
    name = os.fspath(path)
    _warcio()
    try:
        stream = open(name, "rb")  # noqa: SIM115 - closed by the with below, after the generator
    except OSError as exc:
        raise UnsupportedInputError(
            f"cannot open WARC file ({exc.strerror or exc})", source=name
        ) from exc
    with stream:
        yield from _records(stream, name)
