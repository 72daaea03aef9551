"""A YAML metadata header on top of a text article: its fields go to metadata.

Markdown written by a static-site generator (Jekyll, Hugo), a notes app or an extractor
that saves metadata with the text (trafilatura's Markdown with ``with_metadata``) opens
with a header between two ``---`` lines::

    ---
    title: The 'birth lottery' and economic mobility
    author: Ahiza Garcia
    date: "2016-02-01"
    tags: [poverty, inequality]
    ---

It is read without a YAML library, as the small subset such headers use: ``key: value``
lines, values plain or quoted, flow lists (``[a, b]``) and block lists (``- a`` lines
under a key with no value), and folded continuation lines. A header is only taken when
its first line is ``---`` and every line up to a closing ``---`` or ``...`` is part of a
field: Markdown that opens with a rule over a heading underlined by ``---`` has a line
that is no field, and stays text. The header's lines become blank lines, so line numbers
(provenance) do not move.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Header", "read_header"]

# A header closes within this many lines; longer ones are no metadata header.
MAX_HEADER_LINES = 200
# A field's line: a key (letters, digits, "_", "-", spaces inside), a colon, the value.
_FIELD = re.compile(r"([A-Za-z_][\w -]{0,40}?)\s*:(?:\s+(.*))?$")
_ITEM = re.compile(r"\s*-\s+(.*)$")
_HTTP = re.compile(r"https?://\S+$")

# Header keys, lower case with "-" and " " as "_", for each metadata field.
_TITLE_KEYS = frozenset({"title", "headline"})
_AUTHOR_KEYS = frozenset({"author", "authors", "byline", "creator", "creators"})
_PUBLISHED_KEYS = frozenset(
    {
        "date",
        "published",
        "pubdate",
        "publish_date",
        "published_date",
        "published_time",
        "date_published",
        "datepublished",
        "created",
    }
)
_MODIFIED_KEYS = frozenset(
    {
        "modified",
        "updated",
        "lastmod",
        "last_modified",
        "date_modified",
        "datemodified",
        "modified_time",
        "updated_at",
    }
)
_DESCRIPTION_KEYS = frozenset({"description", "summary", "excerpt", "abstract", "subtitle"})
_SITE_KEYS = frozenset({"sitename", "site_name", "site", "publisher", "hostname_name"})
_TAG_KEYS = frozenset({"tags", "keywords", "categories", "category"})
_LANGUAGE_KEYS = frozenset({"lang", "language", "locale"})
_IMAGE_KEYS = frozenset({"image", "cover", "cover_image", "thumbnail", "featured_image"})
_URL_KEYS = frozenset({"url", "canonical", "canonical_url", "permalink", "source", "link"})
_ISO_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


@dataclass
class Header:
    """The metadata a header gave; empty fields it did not give."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    description: str | None = None
    site_name: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    image: str | None = None
    canonical_url: str | None = None


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    return value


def _flow_list(value: str) -> list[str]:
    """Return the items of a flow list ``[a, "b, c"]`` (commas inside quotes kept)."""
    items = re.findall(r"\s*(\"[^\"]*\"|'[^']*'|[^,]+)\s*(?:,|$)", value[1:-1])
    return [item for item in (_unquote(raw) for raw in items) if item]


def _values(value: str, items: list[str]) -> list[str]:
    if items:
        return [_unquote(item) for item in items if _unquote(item)]
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        return _flow_list(value)
    value = _unquote(value)
    return [value] if value else []


def _date(value: str) -> str | None:
    match = _ISO_DATE.match(_unquote(value))
    return match.group() if match else None


def _fields(lines: list[str]) -> list[tuple[str, str, list[str]]] | None:
    """Return each field's key, value and block-list items; None if a line is no field's."""
    fields: list[tuple[str, str, list[str]]] = []
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM.match(line)
        if item and fields and not fields[-1][1]:
            fields[-1][2].append(item.group(1))
            continue
        if line[:1] in " \t" and fields:  # a folded value's next line
            key, value, items = fields[-1]
            fields[-1] = (key, f"{value} {line.strip()}".strip(), items)
            continue
        match = _FIELD.match(line)
        if match is None:
            return None
        value = (match.group(2) or "").strip()
        if value in (">", "|", ">-", "|-"):
            value = ""
        key = match.group(1).strip().lower().replace("-", "_").replace(" ", "_")
        fields.append((key, value, []))
    return fields


# Keys of static-site and notes headers that hold no field of ours but make a header one.
_OTHER_HEADER_KEYS = frozenset(
    {
        "layout",
        "slug",
        "draft",
        "weight",
        "id",
        "uuid",
        "type",
        "template",
        "aliases",
        "series",
        "toc",
        "comments",
        "fingerprint",
        "hostname",
        "license",
        "status",
        "name",
    }
)
_KNOWN_KEYS = (
    _TITLE_KEYS
    | _AUTHOR_KEYS
    | _PUBLISHED_KEYS
    | _MODIFIED_KEYS
    | _DESCRIPTION_KEYS
    | _SITE_KEYS
    | _TAG_KEYS
    | _LANGUAGE_KEYS
    | _IMAGE_KEYS
    | _URL_KEYS
    | _OTHER_HEADER_KEYS
)


def _is_metadata(fields: list[tuple[str, str, list[str]]]) -> bool:
    """Say whether ``fields`` are a header's: one of its keys is a header key.

    An article may open with a rule and a labelled line of its own ("Note: this story
    was updated", then a rule): that is text, never taken for metadata.
    """
    return any(key in _KNOWN_KEYS for key, _, _ in fields)


def _header(fields: list[tuple[str, str, list[str]]]) -> Header:
    header = Header()
    for key, value, items in fields:
        values = _values(value, items)
        if not values:
            continue
        first = values[0]
        if key in _TITLE_KEYS and header.title is None:
            header.title = first
        elif key in _AUTHOR_KEYS and not header.authors:
            header.authors = values
        elif key in _PUBLISHED_KEYS and header.published is None:
            header.published = _date(first)
        elif key in _MODIFIED_KEYS and header.modified is None:
            header.modified = _date(first)
        elif key in _DESCRIPTION_KEYS and header.description is None:
            header.description = first
        elif key in _SITE_KEYS and header.site_name is None:
            header.site_name = first
        elif key in _TAG_KEYS and not header.tags:
            # one string of comma-separated tags, as extractors write keywords
            header.tags = [tag.strip() for v in values for tag in v.split(",") if tag.strip()]
        elif key in _LANGUAGE_KEYS and header.language is None:
            header.language = first
        elif key in _IMAGE_KEYS and header.image is None and _HTTP.match(first):
            header.image = first
        elif key in _URL_KEYS and header.canonical_url is None and _HTTP.match(first):
            header.canonical_url = first
    return header


# A reader service's labelled header: "Title: ...", "URL Source: ...", "Published Time:
# ...", then a line "Markdown Content:" over the text. Within this many lines.
MAX_LABELLED_HEADER_LINES = 20
_CONTENT_LABEL = re.compile(r"(?:markdown )?content:\s*$", re.IGNORECASE)


def _labelled_header(text: str, start: int) -> tuple[Header | None, str]:
    """Read a header of labelled lines closed by ``Markdown Content:`` (see above)."""
    lines = text[start:].split("\n", MAX_LABELLED_HEADER_LINES + 1)
    close = next(
        (
            i
            for i, line in enumerate(lines[:MAX_LABELLED_HEADER_LINES])
            if _CONTENT_LABEL.match(line)
        ),
        None,
    )
    if close is None or close == 0:
        return None, text
    fields = _fields([line.rstrip("\r") for line in lines[:close]])
    if not fields or fields[0][0] != "title":
        return None, text
    fields = [(key.removesuffix("_source").removesuffix("_time"), v, i) for key, v, i in fields]
    return _header(fields), "\n" * (close + 1) + "\n".join(lines[close + 1 :])


def read_header(text: str) -> tuple[Header | None, str]:
    """Return the metadata header on top of ``text`` and the text with its lines blank.

    No header (the first line is no ``---``, no closing line, a line that is no field):
    ``(None, text)``, unchanged.
    """
    start = 1 if text.startswith("\ufeff") else 0
    if text.startswith("Title:", start):
        return _labelled_header(text, start)
    if not text.startswith("---", start):
        return None, text
    lines = text[start:].split("\n", MAX_HEADER_LINES + 1)
    if lines[0].rstrip() != "---":
        return None, text
    ends = range(1, min(len(lines), MAX_HEADER_LINES))
    close = next((i for i in ends if lines[i].rstrip() in ("---", "...")), None)
    if close is None or close == 1:
        return None, text
    fields = _fields([line.rstrip("\r") for line in lines[1:close]])
    if not fields or not _is_metadata(fields):
        return None, text
    rest = lines[close + 1 :]
    blank = "\n" * (close + 1)
    return _header(fields), blank + "\n".join(rest)
