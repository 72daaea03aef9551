"""Type aliases for what callers may pass to the public API."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, BinaryIO, Literal, Union

from articlekit.errors import value_name

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

__all__ = ["InputFormat", "Source", "check_url", "is_soup"]

#: Anything ``articlekit.parse`` accepts: text, raw bytes, a path, a binary file object or
#: a BeautifulSoup object.
Source = Union[str, bytes, bytearray, memoryview, "os.PathLike[str]", BinaryIO, "BeautifulSoup"]

#: The input formats the built-in parsers understand; ``None`` or ``"auto"`` sniffs.
InputFormat = Literal["auto", "html", "text"]


def check_url(url: object, function: str) -> None:
    """Raise TypeError naming ``function`` when ``url`` is neither a str nor None: a
    mistake of the calling code, not of the input (see docs/errors.md), which failed deep
    inside with an AttributeError."""
    if url is not None and not isinstance(url, str):
        raise TypeError(f"{function}() expects url as a str or None, got {type(url).__name__}")


def is_soup(value: object) -> bool:
    """Return True for a BeautifulSoup document or tag (without importing bs4).

    Asked of the type: a bs4 tag answers every attribute name on the instance (``soup.read``
    is a search for a ``<read>`` element), so it looks like a file object there."""
    return value_name(value) == "<BeautifulSoup>"
