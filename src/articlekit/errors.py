"""The exceptions articlekit raises.

Every error derives from one root, so ``except articlekit.ArticleKitError`` catches
everything the library raises on purpose::

    ArticleKitError
    ├── UnsupportedInputError   missing, empty, binary or oversized input
    ├── DecodeError             bytes that cannot be turned into text
    ├── ParseError              a parser could not build a Document
    │   └── NotAnArticleError   the page is not an article (``require_article=True``)
    ├── SchemaError             ``from_json`` input that is not a valid document
    └── PluginError             a parser plugin or site-rule entry point is broken

Messages name the input first, then the problem (``"page.html: input is empty
(0 bytes)"``). The input's name is also kept on ``.source`` so that batch tools can
report it without parsing the message. Errors from lxml, bs4, json or cattrs never
escape the public API: they are re-raised as one of these, chained with ``from``.
"""

from __future__ import annotations

__all__ = [
    "ArticleKitError",
    "DecodeError",
    "NotAnArticleError",
    "ParseError",
    "PluginError",
    "SchemaError",
    "UnsupportedInputError",
    "value_name",
]


class ArticleKitError(Exception):
    """Root of every error articlekit raises on purpose.

    ``source`` names the input (a path, URL or ``"<string>"``) when it is known.
    """

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.problem = message
        full = f"{source}: {message}" if source else message
        super().__init__(full)

    def with_source(self, source: str) -> ArticleKitError:
        """Return a copy of this error that names ``source`` (kept if already set, unless
        it is the placeholder ``<string>`` or ``<bytes>`` of :func:`value_name`: a plugin
        that hands the text on to ``parse_html`` does not hide the file's name)."""
        if self.source and self.source not in _VALUE_NAMES:
            return self
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        ArticleKitError.__init__(clone, self.problem, source=source)
        clone.__cause__ = self.__cause__
        return clone


class UnsupportedInputError(ArticleKitError):
    """Raised for input that cannot be an article: missing, empty, binary or too large."""


class DecodeError(ArticleKitError):
    """Raised when bytes cannot be decoded to text with any plausible encoding."""


class ParseError(ArticleKitError):
    """Raised when a parser cannot build a Document from decoded text."""


class NotAnArticleError(ParseError):
    """Raised by ``parse(..., require_article=True)`` when the page is not an article."""


class SchemaError(ArticleKitError):
    """Raised by ``from_json`` for input that is not a valid articlekit document.

    ``path`` is the JSON path of the first problem, such as ``blocks[3].items[0].title``.
    """

    def __init__(self, message: str, *, path: str = "", source: str | None = None) -> None:
        self.path = path
        text = f"{path}: {message}" if path else message
        super().__init__(text, source=source)


class PluginError(ArticleKitError):
    """Raised when a parser plugin or site-rule entry point cannot be loaded or misbehaves.

    The message names the entry point and the distribution that provides it.
    """


#: The names :func:`value_name` gives.
_VALUE_NAMES = frozenset({"<string>", "<bytes>", "<BeautifulSoup>"})


def value_name(content: object) -> str | None:
    """Return how an error names an input given as a value rather than a file:
    ``"<string>"`` for ``str``, ``"<bytes>"`` for bytes, ``"<BeautifulSoup>"`` for a
    BeautifulSoup object, None for anything else."""
    if isinstance(content, str):
        return "<string>"
    if isinstance(content, (bytes, bytearray, memoryview)):
        return "<bytes>"
    if type(content).__name__ == "BeautifulSoup" or hasattr(type(content), "decode_contents"):
        return "<BeautifulSoup>"
    return None
