"""Type aliases for what callers may pass to the public API."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, BinaryIO, Literal, Union

from articlekit.errors import UnsupportedInputError, value_name

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

__all__ = ["InputFormat", "Source", "check_not_file_name", "check_url", "is_soup"]

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


#: A lone word that ends like a page or text file's name: "page.html", "out/a.txt.gz".
_FILE_NAME = re.compile(
    r"[^\s<>]+\.(?:html?|xhtml|txt|text|md|markdown|json|jsonl|warc|gz)", re.IGNORECASE
)
#: A relative path by its form: "./notes", "../a", "~/a" (a shell's home), "." and "..";
#: white space is allowed inside ("./My Notes"), not a second line.
_RELATIVE_PATH = re.compile(r"\.\.?|(?:\.\.?|~)[/\\].*")
#: A lone URL: articlekit fetches nothing.
_URL = re.compile(r"(?:https?|ftp)://\S+", re.IGNORECASE)
#: Longer strings are never taken for a path (PATH_MAX is 4096 on Linux).
_PATH_CHARS = 4096


def check_not_file_name(text: str, function: str) -> None:
    """Raise UnsupportedInputError when ``text``, a ``str`` given to ``function`` to be
    parsed as it is, is only a file's name or a URL: a lone word ending like a page's file
    name (``"page.html"``), a relative path by its form (``"./notes"``, ``"../a"``,
    ``"~/a"``, ``"."``), an absolute path of an existing file or directory
    (``"/data/pages"``) or a lone ``http(s)://`` URL. Parsed, it gave a Document holding
    the name as its one paragraph; ``Path(text)`` or the file's bytes read the file, and a
    page must be fetched first.

    Only an absolute path is looked up on disk: a relative name is judged by its form
    alone, so a text's result never depends on the working directory (``"data/a"`` is
    text in every directory, whether or not one of them holds ``data/a``).

    Markup or a line break rules it out at once (a C scan each), so a page or an
    article's text costs two ``in`` tests.
    """
    if len(text) > _PATH_CHARS or "<" in text or "\n" in text or not text.strip():
        return
    name = text.strip()
    if _URL.fullmatch(name):
        raise UnsupportedInputError(
            f"the string is a URL ({name!r}), but {function}() parses a str as the page "
            "or text itself and fetches nothing: fetch the page and pass its bytes "
            f"(with url={name!r})",
            source="<string>",
        )
    if os.path.isabs(name):
        exists = os.path.exists(name)  # (False for a name with a NUL in it)
        if exists:
            kind = "directory" if os.path.isdir(name) else "file"
            problem = f"the string names a {kind} ({name!r})"
        elif _FILE_NAME.fullmatch(name):
            problem = f"the string is a file name ({name!r}, no such file)"
        else:
            return
    elif _FILE_NAME.fullmatch(name):
        problem = f"the string is a file name ({name!r})"
    elif _RELATIVE_PATH.fullmatch(name):
        problem = f"the string is a path ({name!r})"
    else:
        return
    raise UnsupportedInputError(
        f"{problem}, but {function}() parses a str as the page or text itself: pass "
        f"pathlib.Path({name!r}) (or the file's bytes) to read a file",
        source="<string>",
    )
