"""Lossless JSON for Documents: ``to_json`` writes one object per document, ``from_json`` reads it.

The format, ``articlekit/1``, is described by the JSON Schema shipped in
``articlekit/schema/articlekit-1.json`` (see :func:`json_schema`) and in ``docs/json.md``::

    {"schema": "articlekit/1", "title": ..., "metadata": {...}, "blocks": [...],
     "source": {...}, "verdict": null}

Every block and inline carries ``"type"`` as its first key; every other key is the attribute
name. ``from_json(to_json(doc)) == doc`` for every valid document, and the same document always
gives the same bytes.

Two paths write JSON. The fast one builds plain dicts with one small function per node class
and hands them to :func:`json.dumps`. It recurses, so a document nested deeper than the Python
stack allows (hundreds of nested quotes) raises ``RecursionError``; then a slower iterative
path, driven by the field table ``_SPECS``, writes the very same bytes. Reading is iterative
throughout: :func:`json.loads` (with an iterative fallback parser for very deep input), then one
pre-order pass that checks every field against ``_SPECS`` and one reverse pass that builds the
attrs nodes, children before parents. Checking before building means the error names the
*first* problem in document order, with its JSON path.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import math
import re
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any, Final

import attrs

from articlekit.errors import SchemaError
from articlekit.model import (
    BLOCK_TYPES,
    INLINE_TYPES,
    VERDICT_KINDS,
    Code,
    CodeBlock,
    Document,
    Emphasis,
    FieldSource,
    Figure,
    Heading,
    Image,
    LineBreak,
    Link,
    List,
    ListItem,
    Metadata,
    Paragraph,
    Provenance,
    Quote,
    Recommendation,
    Recommendations,
    Rule,
    Signal,
    SourceInfo,
    Strong,
    Table,
    TableCell,
    TableRow,
    Text,
    Verdict,
)

__all__ = ["MAX_INT", "SCHEMA_ID", "from_json", "json_schema", "to_json"]

#: The format id written as ``"schema"`` at the top of every document.
SCHEMA_ID: Final = "articlekit/1"

#: Largest integer the format carries (2**53 - 1): beyond it, JavaScript and other readers
#: that store numbers as doubles silently round, so the JSON would not be lossless for them.
MAX_INT: Final = 2**53 - 1

# Non-finite floats are not JSON numbers; a Signal value that is one travels as a string.
_NON_FINITE: Final = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}

# A lone surrogate cannot be encoded as UTF-8; it is written as a \uXXXX escape instead (valid
# JSON, ASCII, and json.loads reads it back as the same code point). The one thing JSON cannot
# say is a high surrogate followed by a low one as two separate code points: every reader,
# json.loads included, joins the escaped pair into the character it encodes in UTF-16.
_SURROGATE = re.compile("[\ud800-\udfff]")

_COMPACT = (",", ":")
_INDENTED = (",", ": ")
# Built once: json.dumps with any non-default option builds a new encoder on every call.
_COMPACT_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=_COMPACT)


# =========================================================================== fast writer


class _Unrepresentable(Exception):
    """A value the fast writer cannot write; the spec-driven writer then names its path."""


def _inlines(content: tuple[Any, ...]) -> list[dict[str, Any]]:
    return [_INLINE_WRITERS[node.__class__](node) for node in content]


def _w_text(n: Text) -> dict[str, Any]:
    return {"type": "text", "text": n.text}


def _w_emphasis(n: Emphasis) -> dict[str, Any]:
    return {"type": "emphasis", "content": _inlines(n.content)}


def _w_strong(n: Strong) -> dict[str, Any]:
    return {"type": "strong", "content": _inlines(n.content)}


def _w_code(n: Code) -> dict[str, Any]:
    return {"type": "code", "code": n.code}


def _w_link(n: Link) -> dict[str, Any]:
    return {"type": "link", "url": n.url, "content": _inlines(n.content), "title": n.title}


def _w_image(n: Image) -> dict[str, Any]:
    return {"type": "image", "src": n.src, "alt": n.alt, "title": n.title}


def _w_linebreak(n: LineBreak) -> dict[str, Any]:
    return {"type": "linebreak"}


_INLINE_WRITERS: dict[type, Callable[[Any], dict[str, Any]]] = {
    Text: _w_text,
    Emphasis: _w_emphasis,
    Strong: _w_strong,
    Code: _w_code,
    Link: _w_link,
    Image: _w_image,
    LineBreak: _w_linebreak,
}


def _w_provenance(p: Provenance | None) -> dict[str, Any] | None:
    if p is None:
        return None
    if p.lines is None:
        return {"path": p.path, "lines": None}
    if p.lines[1] > MAX_INT:
        raise _Unrepresentable
    return {"path": p.path, "lines": list(p.lines)}


# Integer fields are written as ``+value``: the model's ``instance_of(int)`` validators let a
# bool through (``level=True``), and unary plus turns it into the int that compares equal,
# so the round trip still holds and no ``true`` lands where the schema wants an integer.


def _blocks(blocks: tuple[Any, ...], prov: bool) -> list[dict[str, Any]]:
    return [_BLOCK_WRITERS[block.__class__](block, prov) for block in blocks]


def _w_heading(b: Heading, prov: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "heading", "level": +b.level, "content": _inlines(b.content)}
    if prov:
        out["provenance"] = _w_provenance(b.provenance)
    return out


def _w_paragraph(b: Paragraph, prov: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "paragraph", "content": _inlines(b.content)}
    if prov:
        out["provenance"] = _w_provenance(b.provenance)
    return out


def _w_list(b: List, prov: bool) -> dict[str, Any]:
    if b.start > MAX_INT:
        raise _Unrepresentable
    out: dict[str, Any] = {
        "type": "list",
        "ordered": b.ordered,
        "start": +b.start,
        "items": [{"blocks": _blocks(item.blocks, prov)} for item in b.items],
    }
    if prov:
        out["provenance"] = _w_provenance(b.provenance)
    return out


def _w_quote(b: Quote, prov: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "quote", "blocks": _blocks(b.blocks, prov)}
    if prov:
        out["provenance"] = _w_provenance(b.provenance)
    return out


def _w_codeblock(b: CodeBlock, prov: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "code", "code": b.code, "language": b.language}
    if prov:
        out["provenance"] = _w_provenance(b.provenance)
    return out


def _w_cell(c: TableCell) -> dict[str, Any]:
    if c.colspan > MAX_INT or c.rowspan > MAX_INT:
        raise _Unrepresentable
    return {
        "content": _inlines(c.content),
        "header": c.header,
        "colspan": +c.colspan,
        "rowspan": +c.rowspan,
    }


def _w_table(b: Table, prov: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "table",
        "rows": [{"cells": [_w_cell(c) for c in row.cells]} for row in b.rows],
        "header_rows": +b.header_rows,
        "caption": _inlines(b.caption),
    }
    if prov:
        out["provenance"] = _w_provenance(b.provenance)
    return out


def _w_figure(b: Figure, prov: bool) -> dict[str, Any]:
    image = b.image
    if image.__class__ is not Image:
        raise _Unrepresentable
    out: dict[str, Any] = {
        "type": "figure",
        "image": _w_image(image),
        "caption": _inlines(b.caption),
    }
    if prov:
        out["provenance"] = _w_provenance(b.provenance)
    return out


def _w_rule(b: Rule, prov: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "rule"}
    if prov:
        out["provenance"] = _w_provenance(b.provenance)
    return out


def _w_recommendations(b: Recommendations, prov: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "recommendations",
        "title": b.title,
        "items": [
            {"title": r.title, "url": r.url, "image": r.image, "summary": r.summary}
            for r in b.items
        ],
    }
    if prov:
        out["provenance"] = _w_provenance(b.provenance)
    return out


_BLOCK_WRITERS: dict[type, Callable[[Any, bool], dict[str, Any]]] = {
    Heading: _w_heading,
    Paragraph: _w_paragraph,
    List: _w_list,
    Quote: _w_quote,
    CodeBlock: _w_codeblock,
    Table: _w_table,
    Figure: _w_figure,
    Rule: _w_rule,
    Recommendations: _w_recommendations,
}


def _w_metadata(m: Metadata, prov: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "authors": list(m.authors),
        "published": m.published,
        "modified": m.modified,
        "site_name": m.site_name,
        "language": m.language,
        "description": m.description,
        "kicker": m.kicker,
        "tags": list(m.tags),
        "image": m.image,
        "canonical_url": m.canonical_url,
    }
    if prov:
        out["sources"] = [{"field": s.field, "source": s.source} for s in m.sources]
    return out


def _number(value: float) -> float | str:
    """Return ``value`` as JSON carries it: bools as ints, non-finite floats as strings."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        if not -MAX_INT <= value <= MAX_INT:
            raise _Unrepresentable
        return value
    if math.isfinite(value):
        return value
    return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")


def _w_verdict(v: Verdict | None) -> dict[str, Any] | None:
    if v is None:
        return None
    return {
        "kind": v.kind,
        "confidence": _number(v.confidence),
        "signals": [{"name": s.name, "value": _number(s.value)} for s in v.signals],
    }


def _w_document(doc: Document, prov: bool) -> dict[str, Any]:
    s = doc.source
    return {
        "schema": SCHEMA_ID,
        "title": doc.title,
        "metadata": _w_metadata(doc.metadata, prov),
        "blocks": _blocks(doc.blocks, prov),
        "source": {
            "url": s.url,
            "format": s.format,
            "parser": s.parser,
            "encoding": s.encoding,
            "name": s.name,
        },
        "verdict": _w_verdict(doc.verdict),
    }


def _escape_surrogates(text: str) -> str:
    """Return ``text`` with lone surrogates written as ``\\uXXXX`` escapes (valid UTF-8)."""
    try:
        text.encode("utf-8")  # only a surrogate fails; 2-15x faster than a regex search here
    except UnicodeEncodeError:
        return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def to_json(doc: Document, *, indent: int | None = None, provenance: bool = False) -> str:
    """Return ``doc`` as articlekit/1 JSON text: deterministic, valid UTF-8 when encoded.

    ``indent`` pretty-prints with that many spaces per level (compact when None).
    ``provenance=True`` adds each block's ``provenance`` and ``metadata.sources``, which
    equality ignores and which are left out by default.

    Raises ``SchemaError`` (naming the path) only for what articlekit/1 cannot carry:
    an integer above ``MAX_INT``, or an object that is not an articlekit node.
    """
    if not isinstance(doc, Document):
        raise SchemaError(f"expected a Document, got {type(doc).__name__}")
    try:
        plain = _w_document(doc, provenance)
        if indent is None:
            text = _COMPACT_ENCODER.encode(plain)
        else:
            text = json.dumps(
                plain, ensure_ascii=False, check_circular=False, separators=_INDENTED, indent=indent
            )
    except (RecursionError, _Unrepresentable, KeyError):
        # KeyError: a subclass of a node class, not in the writer tables.
        text = _dump_iterative(_plain_iterative(doc, provenance), indent)
    return _escape_surrogates(text)


# =========================================================================== field table
#
# One _Spec per node class: its JSON keys in order and what each may hold. The iterative
# writer and the reader both walk the tree with it.

# Field kinds.
_STR = "string"
_OPT_STR = "string or null"
_NONBLANK = "non-blank string"
_OPT_NONBLANK = "null or non-blank string"
_BOOL = "boolean"
_INT = "int"
_HEADER_ROWS = "header_rows"
_STRS = "array of strings"
_LINES = "lines"
_NUMBER = "number"
_UNIT = "number 0-1"
_KIND = "verdict kind"
_NODE = "node"  # one untagged node, of spec ``arg``
_OPT_NODE = "optional node"
_NODES = "nodes"  # array of untagged nodes of spec ``arg``
_TAGGED = "tagged"  # one tagged node of family ``arg``
_TAGGED_LIST = "tagged list"  # array of tagged nodes of family ``arg``

_CHILD_KINDS = frozenset({_NODE, _OPT_NODE, _NODES, _TAGGED, _TAGGED_LIST})


@attrs.frozen
class _Field:
    name: str
    kind: str
    required: bool
    arg: Any = None  # int range (lo, hi), child spec name or tagged family
    provenance: bool = False  # written only with provenance=True


@attrs.frozen(eq=False)  # compared by identity: the reader tests specs against family names
class _Spec:
    cls: type
    tag: str | None
    fields: tuple[_Field, ...]
    keys: frozenset[str]


def _spec(cls: type, *fields: tuple[Any, ...]) -> _Spec:
    """Build the spec of ``cls``: the tag is its ``type`` class variable (blocks and inlines
    have one), and a field is required when the attrs class gives it no default."""
    tag: str | None = getattr(cls, "type", None)
    by_name = {a.name: a for a in attrs.fields(cls)}
    out = []
    for name, kind, *rest in fields:
        arg = rest[0] if rest else None
        required = by_name[name].default is attrs.NOTHING
        prov = name in ("provenance", "sources")
        out.append(_Field(name, kind, required, arg, prov))
    if set(by_name) != {f.name for f in out}:  # the model changed: keep this table in step
        raise AssertionError(f"JSON field table out of date for {cls.__name__}")
    keys = frozenset(f.name for f in out) | ({"type"} if tag else set())
    return _Spec(cls, tag, tuple(out), keys)


_PROV = ("provenance", _OPT_NODE, "Provenance")
_CONTENT = ("content", _TAGGED_LIST, "inline")

_SPECS: dict[str, _Spec] = {
    "Text": _spec(Text, ("text", _STR)),
    "Emphasis": _spec(Emphasis, _CONTENT),
    "Strong": _spec(Strong, _CONTENT),
    "Code": _spec(Code, ("code", _STR)),
    "Link": _spec(Link, ("url", _STR), _CONTENT, ("title", _OPT_STR)),
    "Image": _spec(Image, ("src", _STR), ("alt", _STR), ("title", _OPT_STR)),
    "LineBreak": _spec(LineBreak),
    "Heading": _spec(Heading, ("level", _INT, (1, 6)), _CONTENT, _PROV),
    "Paragraph": _spec(Paragraph, _CONTENT, _PROV),
    "List": _spec(
        List,
        ("ordered", _BOOL),
        ("start", _INT, (0, MAX_INT)),
        ("items", _NODES, "ListItem"),
        _PROV,
    ),
    "ListItem": _spec(ListItem, ("blocks", _TAGGED_LIST, "block")),
    "Quote": _spec(Quote, ("blocks", _TAGGED_LIST, "block"), _PROV),
    "CodeBlock": _spec(CodeBlock, ("code", _STR), ("language", _OPT_NONBLANK), _PROV),
    "Table": _spec(
        Table,
        ("rows", _NODES, "TableRow"),
        ("header_rows", _HEADER_ROWS, (0, MAX_INT)),
        ("caption", _TAGGED_LIST, "inline"),
        _PROV,
    ),
    "TableRow": _spec(TableRow, ("cells", _NODES, "TableCell")),
    "TableCell": _spec(
        TableCell,
        _CONTENT,
        ("header", _BOOL),
        ("colspan", _INT, (1, MAX_INT)),
        ("rowspan", _INT, (1, MAX_INT)),
    ),
    "Figure": _spec(
        Figure, ("image", _TAGGED, "image"), ("caption", _TAGGED_LIST, "inline"), _PROV
    ),
    "Rule": _spec(Rule, _PROV),
    "Recommendations": _spec(
        Recommendations,
        ("title", _OPT_STR),
        ("items", _NODES, "Recommendation"),
        _PROV,
    ),
    "Recommendation": _spec(
        Recommendation,
        ("title", _NONBLANK),
        ("url", _OPT_STR),
        ("image", _OPT_STR),
        ("summary", _OPT_STR),
    ),
    "Provenance": _spec(Provenance, ("path", _OPT_STR), ("lines", _LINES)),
    "Metadata": _spec(
        Metadata,
        ("authors", _STRS),
        ("published", _OPT_STR),
        ("modified", _OPT_STR),
        ("site_name", _OPT_STR),
        ("language", _OPT_STR),
        ("description", _OPT_STR),
        ("kicker", _OPT_STR),
        ("tags", _STRS),
        ("image", _OPT_STR),
        ("canonical_url", _OPT_STR),
        ("sources", _NODES, "FieldSource"),
    ),
    "FieldSource": _spec(FieldSource, ("field", _NONBLANK), ("source", _NONBLANK)),
    "SourceInfo": _spec(
        SourceInfo,
        ("url", _OPT_STR),
        ("format", _OPT_STR),
        ("parser", _OPT_STR),
        ("encoding", _OPT_STR),
        ("name", _OPT_STR),
    ),
    "Verdict": _spec(
        Verdict,
        ("kind", _KIND),
        ("confidence", _UNIT),
        ("signals", _NODES, "Signal"),
    ),
    "Signal": _spec(Signal, ("name", _NONBLANK), ("value", _NUMBER)),
    "Document": _spec(
        Document,
        ("title", _OPT_STR),
        ("metadata", _NODE, "Metadata"),
        ("blocks", _TAGGED_LIST, "block"),
        ("source", _NODE, "SourceInfo"),
        ("verdict", _OPT_NODE, "Verdict"),
    ),
}

_SPEC_OF_CLASS: dict[type, _Spec] = {spec.cls: spec for spec in _SPECS.values()}

#: Tag -> spec, per family of tagged positions.
_FAMILIES: dict[str, dict[str, _Spec]] = {
    "block": {_SPEC_OF_CLASS[c].tag or "": _SPEC_OF_CLASS[c] for c in BLOCK_TYPES},
    "inline": {_SPEC_OF_CLASS[c].tag or "": _SPEC_OF_CLASS[c] for c in INLINE_TYPES},
    "image": {"image": _SPECS["Image"]},
}
_FAMILY_CLASSES: dict[str, tuple[type, ...]] = {
    "block": BLOCK_TYPES,
    "inline": INLINE_TYPES,
    "image": (Image,),
}


# =========================================================================== iterative writer


def _spec_for(node: object, family: tuple[type, ...] | None, path: str) -> _Spec:
    """Return the spec for ``node``'s class (or the nearest base class), checking its family."""
    if family is not None and not isinstance(node, family):
        raise SchemaError(f"cannot write a {type(node).__name__} here", path=path)
    for cls in type(node).__mro__:
        spec = _SPEC_OF_CLASS.get(cls)
        if spec is not None:
            return spec
    raise SchemaError(f"not an articlekit node: {type(node).__name__}", path=path)


def _plain_scalar(field: _Field, value: Any, path: str) -> Any:
    kind = field.kind
    if kind in (_INT, _HEADER_ROWS):
        if value > MAX_INT:
            raise SchemaError(f"integer {value} above the format's maximum {MAX_INT}", path=path)
        return +value  # a bool passes the model's int validators; JSON gets the int
    if kind == _STRS:
        return list(value)
    if kind == _LINES:
        if value is None:
            return None
        if value[1] > MAX_INT:
            raise SchemaError(f"line {value[1]} above the format's maximum {MAX_INT}", path=path)
        return list(value)
    if kind in (_NUMBER, _UNIT):
        try:
            return _number(value)
        except _Unrepresentable:
            raise SchemaError(
                f"integer {value} outside the format's range ±{MAX_INT}", path=path
            ) from None
    return value


def _plain_iterative(doc: Document, prov: bool) -> dict[str, Any]:
    """Return ``doc`` as plain dicts and lists without recursion (any depth)."""
    root: dict[str, Any] = {"schema": SCHEMA_ID}
    # (node, the dict to fill, its path, its family or None)
    stack: list[tuple[Any, dict[str, Any], str, tuple[type, ...] | None]] = [(doc, root, "", None)]
    while stack:
        node, out, path, family = stack.pop()
        spec = _spec_for(node, family, path or "document")
        if spec.tag is not None:
            out["type"] = spec.tag
        pending: list[tuple[Any, dict[str, Any], str, tuple[type, ...] | None]] = []
        for field in spec.fields:
            if field.provenance and not prov:
                continue
            value = getattr(node, field.name)
            where = f"{path}.{field.name}" if path else field.name
            kind = field.kind
            if kind not in _CHILD_KINDS:
                out[field.name] = _plain_scalar(field, value, where)
            elif kind in (_NODE, _OPT_NODE, _TAGGED):
                if value is None and kind == _OPT_NODE:
                    out[field.name] = None
                    continue
                child: dict[str, Any] = {}
                out[field.name] = child
                fam = _FAMILY_CLASSES[field.arg] if kind == _TAGGED else None
                pending.append((value, child, where, fam))
            else:
                children: list[Any] = []
                out[field.name] = children
                fam = _FAMILY_CLASSES[field.arg] if kind == _TAGGED_LIST else None
                for index, item in enumerate(value):
                    child = {}
                    children.append(child)
                    pending.append((item, child, f"{where}[{index}]", fam))
        stack.extend(reversed(pending))
    return root


_END = object()


def _dump_iterative(value: Any, indent: int | None) -> str:
    """Return exactly what ``json.dumps(value, ensure_ascii=False, ...)`` would, iteratively."""
    parts: list[str] = []
    kv_sep = ":" if indent is None else ": "
    # [iterator over the container, is it a dict, items written so far]
    stack: list[list[Any]] = []
    while True:
        kind = type(value)
        if kind is dict:
            if value:
                parts.append("{")
                stack.append([iter(value.items()), True, 0])
            else:
                parts.append("{}")
        elif kind is list:
            if value:
                parts.append("[")
                stack.append([iter(value), False, 0])
            else:
                parts.append("[]")
        elif isinstance(value, str):
            parts.append(encode_basestring(value))
        elif value is None:
            parts.append("null")
        elif value is True:
            parts.append("true")
        elif value is False:
            parts.append("false")
        elif isinstance(value, int):
            parts.append(int.__repr__(value))
        else:
            parts.append(float.__repr__(value))
        while stack:
            top = stack[-1]
            item: Any = next(top[0], _END)
            if item is _END:
                stack.pop()
                if indent is not None:
                    parts.append("\n" + " " * (indent * len(stack)))
                parts.append("}" if top[1] else "]")
                continue
            if top[2]:
                parts.append(",")
            top[2] += 1
            if indent is not None:
                parts.append("\n" + " " * (indent * len(stack)))
            if top[1]:
                parts.append(encode_basestring(item[0]))
                parts.append(kv_sep)
                value = item[1]
            else:
                value = item
            break
        else:
            return "".join(parts)


# =========================================================================== reading


def _describe(value: object) -> str:
    """Return a short description of a JSON value for an error message."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        digits = len(str(value))
        return str(value) if digits <= 30 else f"a {digits}-digit integer"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "a number too large for a double"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"string {shown!r}"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _int_wanted(lo: int, hi: int) -> str:
    return f"int {lo}-{hi}" if hi < MAX_INT else f"int >= {lo}"


def _read_scalar(field: _Field, value: Any, obj: dict[str, Any]) -> Any:
    """Return ``value`` checked against ``field``; raise ``ValueError`` naming the problem."""
    kind = field.kind
    t = type(value)
    if kind == _STR:
        if t is str:
            return value
    elif kind == _OPT_STR:
        if value is None or t is str:
            return value
    elif kind == _NONBLANK:
        if t is str and value.strip():
            return value
    elif kind == _OPT_NONBLANK:
        if value is None or (t is str and value.strip()):
            return value
    elif kind == _BOOL:
        if t is bool:
            return value
    elif kind in (_INT, _HEADER_ROWS):
        lo, hi = field.arg
        if t is not int or not lo <= value <= hi:
            raise ValueError(f"expected {_int_wanted(lo, hi)}, got {_describe(value)}")
        rows = obj.get("rows")
        if kind == _HEADER_ROWS and type(rows) is list and value > len(rows):
            raise ValueError(f"expected at most the number of rows ({len(rows)}), got {value}")
        return value
    elif kind == _STRS:
        if t is list:
            for index, item in enumerate(value):
                if type(item) is not str:
                    raise ValueError(f"[{index}]: expected string, got {_describe(item)}")
            return tuple(value)
    elif kind == _LINES:
        if value is None:
            return None
        if (
            t is list
            and len(value) == 2
            and all(type(n) is int and 1 <= n <= MAX_INT for n in value)
            and value[0] <= value[1]
        ):
            return (value[0], value[1])
        raise ValueError(
            f"expected null or [first, last] with 1 <= first <= last, got {_describe_lines(value)}"
        )
    elif kind == _NUMBER:
        if t is float and math.isfinite(value):
            return value
        if t is int and -MAX_INT <= value <= MAX_INT:
            return value
        if t is str and value in _NON_FINITE:
            return _NON_FINITE[value]
        raise ValueError(
            f"expected a number (or 'NaN', 'Infinity', '-Infinity'), got {_describe(value)}"
        )
    elif kind == _UNIT:
        if (t is float or t is int) and 0 <= value <= 1:
            return value
        raise ValueError(f"expected a number 0-1, got {_describe(value)}")
    elif kind == _KIND:
        if t is str and value in VERDICT_KINDS:
            return value
        raise ValueError(f"expected one of {', '.join(VERDICT_KINDS)}, got {_describe(value)}")
    raise ValueError(f"expected {kind}, got {_describe(value)}")


def _describe_lines(value: object) -> str:
    if isinstance(value, list):
        return (
            "["
            + ", ".join(_describe(n) for n in value[:4])
            + (", ..." if len(value) > 4 else "")
            + "]"
        )
    return _describe(value)


# A task: [json value, spec or tagged family name, parent task, key, index, kwargs, children]
_OBJ, _SPEC, _PARENT, _KEY, _INDEX, _KWARGS, _CHILDREN = range(7)
_DONE: list[Any] = []


class _Reader:
    """Checks a parsed JSON tree against ``_SPECS`` and builds the Document, iteratively.

    Each node is a task, numbered in creation order. Pass one visits tasks in document
    order (pre-order, with an explicit stack), checks their keys and scalar fields and
    creates tasks for their children, so a node's children get consecutive numbers, all
    higher than the node's own. Pass two builds nodes from the highest number down: the
    children of a node exist before it is built.
    """

    def __init__(self, root: object) -> None:
        self.tasks: list[list[Any]] = [[root, _SPECS["Document"], -1, "", -1, None, None]]

    def path(self, task: int, *more: str) -> str:
        """Return the JSON path of ``task``, followed by ``more`` key names."""
        segments: list[str] = []
        while task > 0:
            record = self.tasks[task]
            key, index = record[_KEY], record[_INDEX]
            segments.append(f"{key}[{index}]" if index >= 0 else key)
            task = record[_PARENT]
        segments.reverse()
        segments.extend(more)
        return ".".join(segments)

    def fail(self, task: int, message: str, *more: str) -> SchemaError:
        return SchemaError(message, path=self.path(task, *more))

    def _resolve(self, task: int, obj: Any, family: str) -> _Spec:
        """Return the spec of a tagged node from its ``type``, or raise naming the problem."""
        if type(obj) is not dict:
            raise self.fail(task, f"expected an object, got {_describe(obj)}")
        if "type" not in obj:
            raise self.fail(task, "missing", "type")
        tag = obj["type"]
        spec = _FAMILIES[family].get(tag) if type(tag) is str else None
        if spec is not None:
            return spec
        if type(tag) is not str:
            message = f"expected string, got {_describe(tag)}"
        elif family == "image":
            message = f"expected 'image', got {tag!r}"
        else:
            other = "inline" if family == "block" else "block"
            known = ", ".join(_FAMILIES[family])
            message = (
                f"{tag!r} is {'an' if other == 'inline' else 'a'} {other} type, "
                f"not allowed here ({family} types: {known})"
                if tag in _FAMILIES[other]
                else f"unknown {family} type {tag!r} ({family} types: {known})"
            )
        raise self.fail(task, message, "type")

    def check(self) -> None:
        """Pass one: check every node in document order; raise on the first problem."""
        root = self.tasks[0][_OBJ]
        if type(root) is not dict:
            raise SchemaError(f"expected a JSON object at the top level, got {_describe(root)}")
        if "schema" not in root:
            raise SchemaError(f"missing (expected {SCHEMA_ID!r})", path="schema")
        if root["schema"] != SCHEMA_ID:
            raise SchemaError(
                f"expected {SCHEMA_ID!r}, got {_describe(root['schema'])}", path="schema"
            )
        tasks = self.tasks
        text_spec = _SPECS["Text"]
        stack = [0]
        while stack:
            task = stack.pop()
            # Text runs are about half of all nodes: accept a well-formed one here, without
            # the general _visit (it gives the same result, only slower).
            record = tasks[task]
            obj = record[_OBJ]
            if (
                record[_SPEC] == "inline"
                and type(obj) is dict
                and len(obj) == 2
                and obj.get("type") == "text"
                and type(obj.get("text")) is str
            ):
                record[_SPEC] = text_spec
                record[_KWARGS] = {"text": obj["text"]}
                record[_CHILDREN] = ()
                continue
            first, end = self._visit(task)
            stack.extend(range(end - 1, first - 1, -1))

    def _visit(self, task: int) -> tuple[int, int]:
        """Check one node; create its children's tasks and return their number range."""
        tasks = self.tasks
        record = tasks[task]
        obj = record[_OBJ]
        spec = record[_SPEC]
        if type(spec) is str:
            family = spec
            tag = obj.get("type") if type(obj) is dict else None
            spec = _FAMILIES[family].get(tag) if type(tag) is str else None
            if spec is None:
                spec = self._resolve(task, obj, family)
            record[_SPEC] = spec
        elif type(obj) is not dict:
            raise self.fail(task, f"expected an object, got {_describe(obj)}")
        allowed = spec.keys if task else spec.keys | {"schema"}
        if len(obj) > len(allowed) or not allowed.issuperset(obj):
            extra = next(k for k in obj if k not in allowed)
            raise self.fail(task, f"unexpected key {extra!r}")
        kwargs: dict[str, Any] = {}
        children: list[tuple[str, bool, int, int]] = []
        first = len(tasks)
        for field in spec.fields:
            name = field.name
            if name not in obj:
                if field.required:
                    raise self.fail(task, "missing", name)
                continue
            value = obj[name]
            kind = field.kind
            if (kind is _STR and type(value) is str) or (
                kind is _OPT_STR and (value is None or type(value) is str)
            ):  # the common cases, checked inline
                kwargs[name] = value
            elif kind is _TAGGED_LIST or kind is _NODES:
                if type(value) is not list:
                    raise self.fail(task, f"expected an array, got {_describe(value)}", name)
                target = field.arg if kind is _TAGGED_LIST else _SPECS[field.arg]
                start = len(tasks)
                tasks.extend(
                    [[item, target, task, name, i, None, None] for i, item in enumerate(value)]
                )
                children.append((name, True, start, len(tasks)))
            elif kind is _NODE or kind is _TAGGED or (kind is _OPT_NODE and value is not None):
                target = field.arg if kind is _TAGGED else _SPECS[field.arg]
                tasks.append([value, target, task, name, -1, None, None])
                children.append((name, False, len(tasks) - 1, len(tasks)))
            elif kind is _OPT_NODE:
                kwargs[name] = None
            else:
                try:
                    kwargs[name] = _read_scalar(field, value, obj)
                except ValueError as exc:
                    message = str(exc)
                    if message.startswith("["):  # an element of an array of strings
                        index, _, message = message.partition(": ")
                        raise self.fail(task, message, name + index) from None
                    raise self.fail(task, message, name) from None
        record[_KWARGS] = kwargs
        record[_CHILDREN] = children
        return first, len(tasks)

    def build(self) -> Document:
        """Pass two: build the nodes, children first; model validators still apply."""
        tasks = self.tasks
        built: list[Any] = [None] * len(tasks)
        for task in range(len(tasks) - 1, -1, -1):
            record = tasks[task]
            kwargs = record[_KWARGS]
            for name, is_list, start, end in record[_CHILDREN]:
                kwargs[name] = tuple(built[start:end]) if is_list else built[start]
            try:
                built[task] = record[_SPEC].cls(**kwargs)
            except (TypeError, ValueError) as exc:  # a model invariant the checks missed
                raise self.fail(task, str(exc)) from exc
            # Paths only ever walk up to lower numbers: this record is no longer needed, and
            # freeing it as we go keeps the working set (and the 8x/1x ratio) down.
            tasks[task] = _DONE
        document = built[0]
        assert isinstance(document, Document)
        return document


def _reject_constant(name: str) -> float:
    raise SchemaError(f"invalid JSON: {name} is not a JSON value")


def _json_error(exc: json.JSONDecodeError) -> SchemaError:
    return SchemaError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")


def _load(data: str | bytes) -> Any:
    """Return the JSON value of ``data``; raise ``SchemaError`` for anything not JSON text."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SchemaError(f"input is not valid UTF-8 (byte {exc.start}: {exc.reason})") from exc
    elif isinstance(data, str):
        text = data
    else:
        raise SchemaError(f"expected JSON text (str or bytes), got {type(data).__name__}")
    if text.startswith("\ufeff"):  # RFC 8259 lets a parser ignore a byte order mark
        text = text[1:]
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise _json_error(exc) from exc
    except RecursionError:
        pass  # nested deeper than the C parser allows: parse again without recursion
    except ValueError as exc:  # e.g. an integer longer than Python's digit limit
        raise SchemaError(f"invalid JSON: {exc}") from exc
    try:
        return _loads_iterative(text)
    except json.JSONDecodeError as exc:
        raise _json_error(exc) from exc
    except ValueError as exc:
        raise SchemaError(f"invalid JSON: {exc}") from exc


_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER_RE = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")


def _loads_iterative(text: str) -> Any:
    """Return the value of JSON ``text`` like ``json.loads``, without recursion."""
    scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]

    def skip(pos: int) -> int:
        match = _WHITESPACE.match(text, pos)
        assert match is not None
        return match.end()

    def key_at(pos: int) -> tuple[str, int]:
        if text.startswith('"', pos):
            key, pos = scanstring(text, pos + 1, True)
            pos = skip(pos)
            if text.startswith(":", pos):
                return key, skip(pos + 1)
            raise json.JSONDecodeError("Expecting ':' delimiter", text, pos)
        raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, pos)

    containers: list[Any] = []
    keys: list[str] = []
    pos = skip(0)
    while True:
        value: Any
        char = text[pos : pos + 1]
        if char == "{":
            pos = skip(pos + 1)
            if text.startswith("}", pos):
                value, pos = {}, pos + 1
            else:
                key, pos = key_at(pos)
                containers.append({})
                keys.append(key)
                continue
        elif char == "[":
            pos = skip(pos + 1)
            if text.startswith("]", pos):
                value, pos = [], pos + 1
            else:
                containers.append([])
                keys.append("")
                continue
        elif char == '"':
            value, pos = scanstring(text, pos + 1, True)
        elif text.startswith("true", pos):
            value, pos = True, pos + 4
        elif text.startswith("false", pos):
            value, pos = False, pos + 5
        elif text.startswith("null", pos):
            value, pos = None, pos + 4
        else:
            match = _NUMBER_RE.match(text, pos)
            if match is None:
                raise json.JSONDecodeError("Expecting value", text, pos)
            number = match.group()
            value = float(number) if match.group(1) or match.group(2) else int(number)
            pos = match.end()
        # A value is complete: attach it, closing every container that ends here.
        while True:
            pos = skip(pos)
            if not containers:
                if pos != len(text):
                    raise json.JSONDecodeError("Extra data", text, pos)
                return value
            top = containers[-1]
            is_dict = type(top) is dict
            if is_dict:
                top[keys[-1]] = value
            else:
                top.append(value)
            char = text[pos : pos + 1]
            if char == ",":
                pos = skip(pos + 1)
                if is_dict:
                    keys[-1], pos = key_at(pos)
                break
            if char == ("}" if is_dict else "]"):
                value = containers.pop()
                keys.pop()
                pos += 1
                continue
            raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)


def from_json(data: str | bytes) -> Document:
    """Return the Document encoded in articlekit/1 JSON ``data`` (text, or UTF-8 bytes).

    Raises ``SchemaError`` for anything else, naming the JSON path of the first problem in
    document order, e.g. ``blocks[3].items[0].title: missing``.
    """
    reader = _Reader(_load(data))
    reader.check()
    return reader.build()


# =========================================================================== schema


@functools.lru_cache(maxsize=1)
def _schema_text() -> str:
    resource = importlib.resources.files("articlekit") / "schema" / "articlekit-1.json"
    return resource.read_text(encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the articlekit/1 format, as a fresh dict."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema
