"""Input limits, and recognising inputs that are not pages at all (compressed or binary files).

The defaults are generous: a real article page is rarely above a few megabytes, and the
50 MB pages of the robustness suite still parse. Callers that read untrusted input at scale
can lower them per call (``parse(..., max_bytes=...)``) or on the CLI (``--max-bytes``).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sized
from typing import TypeVar

from articlekit.errors import UnsupportedInputError

__all__ = [
    "MAX_INPUT_BYTES",
    "binary_kind",
    "check_limit",
    "check_size",
    "gunzip_bounded",
    "read_bounded",
]

T = TypeVar("T", bound=Sized)

#: Largest input accepted by default, in bytes (characters for ``str`` input): 64 MiB.
MAX_INPUT_BYTES = 64 * 1024 * 1024

_GZIP_MAGIC = b"\x1f\x8b"
# Leading bytes of file kinds that are never a page; named in the error message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
)


def check_limit(max_bytes: object) -> None:
    """Raise ValueError unless ``max_bytes``, a caller's limit, is a whole number >= 0.

    A negative limit refused every input with "the limit is -1", and ``read(-1)`` under
    one below that read a whole stream into memory before refusing it."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 0:
        raise ValueError(f"max_bytes must be a whole number of bytes >= 0, got {max_bytes!r}")


def check_size(
    size: int, name: str, *, max_bytes: int = MAX_INPUT_BYTES, unit: str = "bytes"
) -> None:
    """Raise UnsupportedInputError when ``size`` exceeds ``max_bytes`` (ValueError when
    ``max_bytes`` is no limit: :func:`check_limit`)."""
    check_limit(max_bytes)
    if size > max_bytes:
        raise UnsupportedInputError(
            f"input is too large ({size:,} {unit}; the limit is {max_bytes:,}; "
            "raise it with max_bytes= or --max-bytes)",
            source=name,
        )


def read_bounded(read: Callable[[int], T], name: str, *, max_bytes: int = MAX_INPUT_BYTES) -> T:
    """Return what ``read(max_bytes + 1)`` gives (a file's or stream's ``read``), raising
    UnsupportedInputError when that is more than ``max_bytes``: an input past the limit is
    refused after reading one unit more than it, never read whole into memory first (a
    stray 20 GB file in a directory being converted would end the whole batch)."""
    check_limit(max_bytes)
    data = read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UnsupportedInputError(
            f"input is too large (more than the limit of {max_bytes:,} bytes; "
            "raise it with max_bytes= or --max-bytes)",
            source=name,
        )
    return data


def binary_kind(data: bytes) -> str | None:
    """Return a description of the binary file kind ``data`` starts with, or None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def is_gzip(data: bytes) -> bool:
    """Return True when ``data`` starts with the gzip magic number."""
    return data.startswith(_GZIP_MAGIC)


def gunzip_bounded(data: bytes, name: str, *, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """Return the decompressed content of gzip ``data``, never more than ``max_bytes``.

    Scraped pages are often stored as ``.html.gz``; decompressing them here saves a step.
    The bound stops a small "gzip bomb" from expanding into gigabytes. Every member of a
    multi-member file is read (``cat a.gz b.gz`` is one valid gzip file; only the first
    member was read); a stream cut short is an error, not the part before the cut.
    """
    parts: list[bytes] = []
    size = 0
    rest = data
    while True:
        inflater = zlib.decompressobj(wbits=31)
        try:
            out = inflater.decompress(rest, max_bytes + 1 - size)
        except zlib.error as exc:
            raise UnsupportedInputError(
                f"input is gzip-compressed but cannot be decompressed ({exc})", source=name
            ) from exc
        size += len(out)
        if size > max_bytes:
            raise UnsupportedInputError(
                f"input is gzip-compressed and expands past the {max_bytes:,}-byte limit",
                source=name,
            )
        if not inflater.eof:
            raise UnsupportedInputError(
                "input is gzip-compressed but cannot be decompressed (truncated or "
                f"corrupt: the stream stops after {size:,} bytes of content)",
                source=name,
            )
        parts.append(out)
        rest = inflater.unused_data
        if not is_gzip(rest):  # the end, or padding after it (gzip ignores it too)
            break
    return parts[0] if len(parts) == 1 else b"".join(parts)
