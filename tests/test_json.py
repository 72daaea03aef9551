from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable
from typing import Any

import attrs
import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import given
from hypothesis import strategies as st

import articlekit as ak
from articlekit.serialise import json as akjson
from articlekit.serialise.json import MAX_INT, SCHEMA_ID, from_json, to_json
from tests.conftest import ROOT
from tests.strategies import any_text, documents, words

#: Validates documents against the shipped schema (also used by tests/test_schema.py).
VALIDATOR = jsonschema.Draft202012Validator(akjson.json_schema())

# --------------------------------------------------------------------------- strategies

provenances = st.none() | st.builds(
    ak.Provenance,
    path=st.none() | any_text,
    lines=st.none()
    | st.tuples(st.integers(1, 10**6), st.integers(0, 10**6)).map(lambda t: (t[0], t[0] + t[1])),
)
field_sources = st.lists(st.builds(ak.FieldSource, field=words, source=words), max_size=3)
signal_values = st.one_of(
    st.integers(-MAX_INT, MAX_INT),
    st.floats(allow_nan=False),  # NaN != NaN, so it has its own test
)
verdicts = st.none() | st.builds(
    ak.Verdict,
    kind=st.sampled_from(ak.VERDICT_KINDS),
    confidence=st.floats(0.0, 1.0) | st.sampled_from([0, 1]),
    signals=st.lists(st.builds(ak.Signal, name=words, value=signal_values), max_size=3),
)


def _with_provenance(draw: st.DrawFn, blocks: tuple[ak.Block, ...]) -> tuple[ak.Block, ...]:
    """Return ``blocks`` (recursively) with drawn provenance on every block."""
    out = []
    for block in blocks:
        if isinstance(block, ak.Quote):
            block = attrs.evolve(block, blocks=_with_provenance(draw, block.blocks))
        elif isinstance(block, ak.List):
            items = [ak.ListItem(blocks=_with_provenance(draw, i.blocks)) for i in block.items]
            block = attrs.evolve(block, items=items)
        out.append(attrs.evolve(block, provenance=draw(provenances)))
    return tuple(out)


@st.composite
def full_documents(draw: st.DrawFn) -> ak.Document:
    """Documents with verdicts, metadata sources and block provenance as well."""
    doc = draw(documents)
    metadata = attrs.evolve(doc.metadata, sources=draw(field_sources))
    return attrs.evolve(
        doc,
        metadata=metadata,
        blocks=_with_provenance(draw, doc.blocks),
        verdict=draw(verdicts),
    )


def _provenance_of(doc: ak.Document) -> list[ak.Provenance | None]:
    return [block.provenance for block in doc.walk()]


# --------------------------------------------------------------------------- node shapes


def _para(*inlines: ak.Inline) -> ak.Document:
    return ak.Document(blocks=[ak.Paragraph(content=inlines)])


def _plain(doc: ak.Document, **kwargs: Any) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(to_json(doc, **kwargs))
    return value


T = ak.Text(text="t")
TJ = {"type": "text", "text": "t"}

INLINE_SHAPES: list[tuple[ak.Inline, dict[str, Any]]] = [
    (T, TJ),
    (ak.Emphasis(content=[T]), {"type": "emphasis", "content": [TJ]}),
    (ak.Strong(content=[T]), {"type": "strong", "content": [TJ]}),
    (ak.Code(code="x()"), {"type": "code", "code": "x()"}),
    (
        ak.Link(url="/u", content=[T], title="ti"),
        {"type": "link", "url": "/u", "content": [TJ], "title": "ti"},
    ),
    (ak.Image(src="a.png"), {"type": "image", "src": "a.png", "alt": "", "title": None}),
    (ak.LineBreak(), {"type": "linebreak"}),
]


@pytest.mark.parametrize(("node", "expected"), INLINE_SHAPES, ids=lambda x: type(x).__name__)
def test_inline_shape(node: ak.Inline, expected: dict[str, Any]) -> None:
    assert _plain(_para(node))["blocks"][0]["content"] == [expected]


CELL = ak.TableCell(content=[T], header=True)
CELLJ = {"content": [TJ], "header": True, "colspan": 1, "rowspan": 1}

BLOCK_SHAPES: list[tuple[ak.Block, dict[str, Any]]] = [
    (ak.Heading(level=2, content=[T]), {"type": "heading", "level": 2, "content": [TJ]}),
    (ak.Paragraph(content=[T]), {"type": "paragraph", "content": [TJ]}),
    (
        ak.List(ordered=True, start=3, items=[ak.ListItem(blocks=[ak.Paragraph(content=[T])])]),
        {
            "type": "list",
            "ordered": True,
            "start": 3,
            "items": [{"blocks": [{"type": "paragraph", "content": [TJ]}]}],
        },
    ),
    (ak.Quote(blocks=[ak.Rule()]), {"type": "quote", "blocks": [{"type": "rule"}]}),
    (
        ak.CodeBlock(code="a\n  b", language="py"),
        {"type": "code", "code": "a\n  b", "language": "py"},
    ),
    (
        ak.Table(rows=[ak.TableRow(cells=[CELL])], header_rows=1, caption=[T]),
        {"type": "table", "rows": [{"cells": [CELLJ]}], "header_rows": 1, "caption": [TJ]},
    ),
    (
        ak.Figure(image=ak.Image(src="i.png", alt="a"), caption=[T]),
        {
            "type": "figure",
            "image": {"type": "image", "src": "i.png", "alt": "a", "title": None},
            "caption": [TJ],
        },
    ),
    (ak.Rule(), {"type": "rule"}),
    (
        ak.Recommendations(title="Also read", items=[ak.Recommendation(title="R", url="/r")]),
        {
            "type": "recommendations",
            "title": "Also read",
            "items": [{"title": "R", "url": "/r", "image": None, "summary": None}],
        },
    ),
]


@pytest.mark.parametrize(("node", "expected"), BLOCK_SHAPES, ids=lambda x: type(x).__name__)
def test_block_shape(node: ak.Block, expected: dict[str, Any]) -> None:
    doc = ak.Document(blocks=[node])
    assert _plain(doc)["blocks"] == [expected]
    assert next(iter(_plain(doc)["blocks"][0])) == "type"  # the tag comes first
    assert from_json(to_json(doc)) == doc


def test_document_shape_and_key_order() -> None:
    doc = ak.Document(
        title="T",
        metadata=ak.Metadata(authors=["A"], tags=["x"], language="en"),
        source=ak.SourceInfo(url="https://e.org/", format="html", parser="html"),
        verdict=ak.Verdict(
            kind="article", confidence=0.75, signals=[ak.Signal(name="text_chars", value=1200)]
        ),
    )
    plain = _plain(doc)
    assert list(plain) == ["schema", "title", "metadata", "blocks", "source", "verdict"]
    assert plain["schema"] == SCHEMA_ID == "articlekit/1"
    assert list(plain["metadata"]) == [
        "authors",
        "published",
        "modified",
        "site_name",
        "language",
        "description",
        "kicker",
        "tags",
        "image",
        "canonical_url",
    ]
    assert plain["source"] == {
        "url": "https://e.org/",
        "format": "html",
        "parser": "html",
        "encoding": None,
        "name": None,
    }
    assert plain["verdict"] == {
        "kind": "article",
        "confidence": 0.75,
        "signals": [{"name": "text_chars", "value": 1200}],
    }
    assert from_json(to_json(doc)) == doc


def test_compact_and_indented_output() -> None:
    doc = _para(ak.Text(text="é ü 中"))
    compact = to_json(doc)
    assert ", " not in compact and ": " not in compact and "\n" not in compact
    assert "é ü 中" in compact  # ensure_ascii=False
    pretty = to_json(doc, indent=2)
    assert pretty.startswith('{\n  "schema": "articlekit/1",\n')
    assert json.loads(pretty) == json.loads(compact)
    assert from_json(pretty) == doc


def test_same_input_gives_same_bytes() -> None:
    def build() -> ak.Document:
        return ak.Document(
            title="T",
            metadata=ak.Metadata(tags=["b", "a"]),
            blocks=[ak.Heading(level=1, content=[ak.Text(text="h")]), ak.Rule()],
        )

    first = build()
    assert to_json(first) == to_json(first) == to_json(build())
    assert to_json(first, indent=4) == to_json(build(), indent=4)


# --------------------------------------------------------------------------- edge values


def test_lone_surrogates_are_escaped_and_round_trip() -> None:
    doc = _para(ak.Text(text="a\ud800b\udfff"))
    text = to_json(doc)
    text.encode("utf-8")  # must not raise
    assert "\\ud800" in text and "\\udfff" in text
    assert from_json(text) == doc
    assert from_json(text.encode("utf-8")) == doc


def test_adjacent_surrogate_pair_reads_back_as_its_character() -> None:
    # Documented limit: JSON joins an escaped high+low surrogate pair into one character.
    text = to_json(_para(ak.Text(text="\ud83d\ude00")))
    text.encode("utf-8")
    assert from_json(text) == _para(ak.Text(text="\U0001f600"))


def test_control_characters_and_quotes_round_trip() -> None:
    doc = _para(ak.Text(text='\x00\x1f"\\\n\t\u2028'))
    assert from_json(to_json(doc)) == doc


def test_signal_values_non_finite_and_bool() -> None:
    signals = [
        ak.Signal(name="nan", value=math.nan),
        ak.Signal(name="inf", value=math.inf),
        ak.Signal(name="ninf", value=-math.inf),
        ak.Signal(name="flag", value=True),
        ak.Signal(name="zero", value=-0.0),
    ]
    doc = ak.Document(verdict=ak.Verdict(kind="error", confidence=True, signals=signals))
    plain = _plain(doc)
    values = [s["value"] for s in plain["verdict"]["signals"]]
    assert values[:4] == ["NaN", "Infinity", "-Infinity", 1]
    assert plain["verdict"]["confidence"] == 1
    back = from_json(to_json(doc))
    assert back.verdict is not None
    got = [s.value for s in back.verdict.signals]
    assert math.isnan(got[0]) and got[1:3] == [math.inf, -math.inf]
    assert got[3] == 1 and type(got[3]) is int
    assert math.copysign(1.0, got[4]) == -1.0


def test_model_rejects_bools_and_integers_json_cannot_hold() -> None:
    # the model refuses them, so every valid document fits the JSON format
    with pytest.raises(TypeError, match="'level' must be an int"):
        ak.Heading(level=True, content=[T])
    item = ak.ListItem(blocks=[ak.Rule()])
    with pytest.raises(ValueError, match="'start' must be within"):
        ak.List(start=MAX_INT + 1, items=[item])
    ok = ak.Document(blocks=[ak.List(start=MAX_INT, items=[item])])
    assert from_json(to_json(ok)) == ok


def test_to_json_rejects_non_documents() -> None:
    with pytest.raises(ak.SchemaError, match="expected a Document, got dict"):
        to_json({})  # type: ignore[arg-type]


def test_subclassed_nodes_are_written_as_their_base_class() -> None:
    @attrs.frozen(kw_only=True)
    class MyText(ak.Text):
        pass

    doc = _para(MyText(text="x"))
    assert _plain(doc)["blocks"][0]["content"] == [{"type": "text", "text": "x"}]
    assert from_json(to_json(doc)) == _para(ak.Text(text="x"))


# --------------------------------------------------------------------------- provenance


def test_provenance_is_left_out_by_default() -> None:
    doc = ak.Document(
        metadata=ak.Metadata(sources=[ak.FieldSource(field="title", source="og")]),
        blocks=[ak.Rule(provenance=ak.Provenance(path="/html/body/hr"))],
    )
    plain = _plain(doc)
    assert "sources" not in plain["metadata"]
    assert plain["blocks"] == [{"type": "rule"}]


def test_provenance_round_trip() -> None:
    prov_a = ak.Provenance(path="/html/body/p[2]")
    prov_b = ak.Provenance(lines=(3, 7))
    doc = ak.Document(
        metadata=ak.Metadata(
            published="2024-01-01", sources=[ak.FieldSource(field="published", source="jsonld")]
        ),
        blocks=[
            ak.Paragraph(content=[T], provenance=prov_a),
            ak.Quote(blocks=[ak.Rule(provenance=prov_b)]),
        ],
    )
    plain = _plain(doc, provenance=True)
    assert plain["metadata"]["sources"] == [{"field": "published", "source": "jsonld"}]
    assert plain["blocks"][0]["provenance"] == {"path": "/html/body/p[2]", "lines": None}
    assert plain["blocks"][1]["provenance"] is None
    assert plain["blocks"][1]["blocks"][0]["provenance"] == {"path": None, "lines": [3, 7]}
    back = from_json(to_json(doc, provenance=True))
    assert back == doc
    assert _provenance_of(back) == [prov_a, None, prov_b]
    assert back.metadata.sources == doc.metadata.sources
    assert back.metadata.source_of("published") == "jsonld"
    # Without the option the provenance is gone (== ignores it, so check it directly).
    assert _provenance_of(from_json(to_json(doc))) == [None, None, None]


# Run on generated documents (``full_documents``) by tests/test_document_properties.py,
# with the other properties of every Document: drawing documents costs far more than
# checking them.
def check_round_trip_is_exact(doc: ak.Document, indent: int | None) -> None:
    """to_json and from_json round-trip exactly, with and without provenance, through
    the fast and the iterative writers and readers; every document written validates."""
    text = to_json(doc, indent=indent)
    assert from_json(text) == doc
    assert from_json(text.encode("utf-8")) == doc
    assert to_json(from_json(text), indent=indent) == text
    with_prov = to_json(doc, indent=indent, provenance=True)
    back = from_json(with_prov)
    assert back == doc
    assert _provenance_of(back) == _provenance_of(doc)
    assert back.metadata.sources == doc.metadata.sources
    VALIDATOR.validate(json.loads(text))  # every document written validates (test_schema.py)
    VALIDATOR.validate(json.loads(with_prov))
    for provenance, fast in ((False, text), (True, with_prov)):
        slow = akjson._dump_iterative(akjson._plain_iterative(doc, provenance), indent)
        assert slow == fast
        assert akjson._loads_iterative(fast) == json.loads(fast)


def _nested_quotes(depth: int) -> ak.Document:
    block: ak.Block = ak.Paragraph(content=[ak.Text(text="deep")])
    for _ in range(depth):
        block = ak.Quote(blocks=[block])
    return ak.Document(blocks=[block])


def _nested_lists_and_inlines(depth: int) -> ak.Document:
    inline: ak.Inline = ak.Text(text="x")
    for n in range(depth):
        inline = ak.Emphasis(content=[inline]) if n % 2 else ak.Link(url="/", content=[inline])
    block: ak.Block = ak.Paragraph(content=[inline])
    for _ in range(depth):
        block = ak.List(items=[ak.ListItem(blocks=[block])])
    return ak.Document(blocks=[block])


@pytest.mark.parametrize("make", [_nested_quotes, _nested_lists_and_inlines])
def test_deep_nesting_round_trips(make: Callable[[int], ak.Document]) -> None:
    doc = make(3000)  # far deeper than the recursion limit allows for recursive code
    text = to_json(doc)
    back = from_json(text)
    # == on such trees recurses too, so compare the bytes and the block count instead.
    assert to_json(back) == text
    assert sum(1 for _ in back.walk()) == sum(1 for _ in doc.walk())


def test_deep_nesting_indented() -> None:
    doc = _nested_quotes(600)  # too deep for json.dumps, small enough for quadratic indents
    text = to_json(doc, indent=1)
    assert text == akjson._dump_iterative(akjson._loads_iterative(text), 1)
    assert to_json(from_json(text)) == to_json(doc)


# --------------------------------------------------------------------------- errors


def _base() -> dict[str, Any]:
    doc = ak.Document(
        title="T",
        metadata=ak.Metadata(authors=["A"], sources=[ak.FieldSource(field="title", source="og")]),
        blocks=[
            ak.Heading(level=1, content=[T], provenance=ak.Provenance(lines=(1, 1))),
            ak.Paragraph(content=[T, ak.Strong(content=[T])]),
            ak.List(items=[ak.ListItem(blocks=[ak.Paragraph(content=[T])])]),
            ak.Recommendations(items=[ak.Recommendation(title="R")]),
            ak.Table(rows=[ak.TableRow(cells=[CELL])], header_rows=1),
            ak.Figure(image=ak.Image(src="i.png")),
            ak.CodeBlock(code="x"),
        ],
        verdict=ak.Verdict(kind="article", confidence=0.5, signals=[ak.Signal(name="n", value=1)]),
    )
    return _plain(doc, provenance=True)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Return a mutator that sets (or, for ``...``, deletes) ``path`` in the plain document."""

    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.replace("[", ".").replace("]", "").split(".")
        node: Any = doc
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        target: Any = int(last) if last.isdigit() else last
        if value is ...:
            del node[target]
        else:
            node[target] = value

    return mutate


ERRORS: list[tuple[Callable[[dict[str, Any]], None], str]] = [
    (_set("blocks[0].level", 9), "blocks[0].level: expected int 1-6, got 9"),
    (_set("blocks[0].level", "2"), "blocks[0].level: expected int 1-6, got string '2'"),
    (_set("blocks[0].level", 2.0), "blocks[0].level: expected int 1-6, got 2.0"),
    (_set("blocks[0].level", True), "blocks[0].level: expected int 1-6, got true"),
    (_set("blocks[0].level", 10**40), "blocks[0].level: expected int 1-6, got a 41-digit integer"),
    (_set("blocks[0].level", None), "blocks[0].level: expected int 1-6, got null"),
    (_set("blocks[0].level", ...), "blocks[0].level: missing"),
    (_set("blocks[1].type", "foo"), "blocks[1].type: unknown block type 'foo' (block types: "),
    (_set("blocks[1].type", "text"), "blocks[1].type: 'text' is an inline type, not allowed here"),
    (_set("blocks[1].type", ...), "blocks[1].type: missing"),
    (_set("blocks[1].type", 3), "blocks[1].type: expected string, got 3"),
    (_set("blocks[1].type", ["x"]), "blocks[1].type: expected string, got array"),
    (_set("blocks[1].content[1].type", "list"), "blocks[1].content[1].type: 'list' is a block"),
    (_set("blocks[1].content[1].content[0].text", None), "blocks[1].content[1].content[0].text: "),
    (_set("blocks[1].colour", "red"), "blocks[1]: unexpected key 'colour'"),
    (_set("blocks[1].content[0]", "hi"), "blocks[1].content[0]: expected an object, got string"),
    (_set("blocks[1].content", {}), "blocks[1].content: expected an array, got object"),
    (_set("blocks[2].start", -1), "blocks[2].start: expected int >= 0, got -1"),
    (_set("blocks[2].start", MAX_INT + 1), "blocks[2].start: expected int >= 0, got 900"),
    (_set("blocks[2].ordered", "yes"), "blocks[2].ordered: expected boolean, got string 'yes'"),
    (_set("blocks[2].items[0].blocks[0].type", "x"), "blocks[2].items[0].blocks[0].type: unknown"),
    (_set("blocks[2].items[0].extra", 1), "blocks[2].items[0]: unexpected key 'extra'"),
    (_set("blocks[3].items[0].title", ...), "blocks[3].items[0].title: missing"),
    (_set("blocks[3].items[0].title", " "), "blocks[3].items[0].title: expected non-blank string"),
    (_set("blocks[3].items", None), "blocks[3].items: expected an array, got null"),
    (_set("blocks[4].header_rows", 2), "blocks[4].header_rows: expected at most the number of"),
    (_set("blocks[4].rows[0].cells[0].colspan", 0), "blocks[4].rows[0].cells[0].colspan: expec"),
    (_set("blocks[4].rows[0].cells[0].header", 1), "blocks[4].rows[0].cells[0].header: expected b"),
    (_set("blocks[5].image.type", "text"), "blocks[5].image.type: expected 'image', got 'text'"),
    (_set("blocks[5].image", None), "blocks[5].image: expected an object, got null"),
    (_set("blocks[6].language", "  "), "blocks[6].language: expected null or non-blank string"),
    (_set("blocks[0].provenance.lines", [3, 1]), "blocks[0].provenance.lines: expected null or"),
    (_set("blocks[0].provenance.lines", [1]), "blocks[0].provenance.lines: expected null or"),
    (_set("blocks[0].provenance.extra", 1), "blocks[0].provenance: unexpected key 'extra'"),
    (_set("schema", ...), "schema: missing (expected 'articlekit/1')"),
    (_set("schema", "articlekit/2"), "schema: expected 'articlekit/1', got string 'articlekit/2'"),
    (_set("title", 5), "title: expected string or null, got 5"),
    (_set("extra", 5), "unexpected key 'extra'"),
    (_set("metadata.authors[0]", 3), "metadata.authors[0]: expected string, got 3"),
    (_set("metadata.authors", "Jane"), "metadata.authors: expected array of strings, got string"),
    (_set("metadata.sources[0].field", ...), "metadata.sources[0].field: missing"),
    (_set("metadata", []), "metadata: expected an object, got array"),
    (_set("source.url", 1), "source.url: expected string or null, got 1"),
    (_set("verdict.kind", "blog"), "verdict.kind: expected one of article, listing, consent"),
    (_set("verdict.confidence", 1.5), "verdict.confidence: expected a number 0-1, got 1.5"),
    (_set("verdict.signals[0].value", "big"), "verdict.signals[0].value: expected a number"),
    (_set("verdict.signals[0].value", True), "verdict.signals[0].value: expected a number"),
]


@pytest.mark.parametrize(("mutate", "message"), ERRORS, ids=[m for _, m in ERRORS])
def test_error_names_path_and_problem(
    mutate: Callable[[dict[str, Any]], None], message: str
) -> None:
    doc = _base()
    mutate(doc)
    with pytest.raises(ak.SchemaError) as info:
        from_json(json.dumps(doc))
    assert str(info.value).startswith(message)
    assert info.value.path == message.split(": ")[0] or not info.value.path


def test_the_first_problem_in_document_order_is_reported() -> None:
    doc = _base()
    _set("blocks[4].header_rows", "x")(doc)
    _set("blocks[1].content[1].content[0].type", "nope")(doc)
    _set("verdict.kind", "nope")(doc)
    with pytest.raises(ak.SchemaError) as info:
        from_json(json.dumps(doc))
    assert info.value.path == "blocks[1].content[1].content[0].type"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("", "invalid JSON at line 1, column 1: Expecting value"),
        ("{", "invalid JSON at line 1, column 2: Expecting property name"),
        ('{"schema": "articlekit/1",\n "title": }', "invalid JSON at line 2, column 11"),
        ('{"schema": "articlekit/1"} x', "invalid JSON at line 1, column 28: Extra data"),
        ('{"schema": "articlekit/1", "title": NaN}', "invalid JSON: NaN is not a JSON value"),
        ('{"schema": "articlekit/1", "title": -Infinity}', "invalid JSON: -Infinity is not"),
        ("[1, 2]", "expected a JSON object at the top level, got array"),
        ("null", "expected a JSON object at the top level, got null"),
        (b'{"schema": "articlekit/1", "title": "\xff"}', "input is not valid UTF-8 (byte 37: "),
        (b"\xfe\xff\x00{", "input is not valid UTF-8 (byte 0: invalid start byte)"),
        ("[" * 100_000, "invalid JSON at line 1, column 100001: Expecting value"),
        ("[" * 100_000 + "x", "invalid JSON at line 1, column 100001: Expecting value"),
        (
            '{"schema":"articlekit/1","title":' + "[" * 5000 + "]" * 5000 + "}",
            "title: expected string or null, got array",
        ),
        (
            '{"schema":"articlekit/1","blocks":[{"type":"heading","level":1e400,"content":[]}]}',
            "blocks[0].level: expected int 1-6, got a number too large for a double",
        ),
    ],
)
def test_invalid_text_is_a_schema_error(data: str | bytes, message: str) -> None:
    with pytest.raises(ak.SchemaError) as info:
        from_json(data)
    assert str(info.value).startswith(message)


def test_huge_integer_is_a_schema_error() -> None:
    text = '{"schema":"articlekit/1","blocks":[{"type":"heading","level":1%s,"content":[]}]}'
    with pytest.raises(ak.SchemaError) as info:
        from_json(text % ("0" * 5000))
    # Python >= 3.11 (and late 3.10) refuse to parse integers of over 4300 digits.
    message = str(info.value)
    assert message.startswith("invalid JSON: ") or message.endswith("a 5001-digit integer")


def test_non_text_input_is_a_schema_error() -> None:
    with pytest.raises(ak.SchemaError, match="expected JSON text \\(str or bytes\\), got int"):
        from_json(123)  # type: ignore[arg-type]


def test_byte_order_mark_and_defaults_are_accepted() -> None:
    assert from_json('\ufeff{"schema": "articlekit/1"}') == ak.Document()
    assert from_json(b'\xef\xbb\xbf{"schema": "articlekit/1"}') == ak.Document()
    minimal = (
        '{"schema":"articlekit/1","blocks":[{"type":"figure","image":{"type":"image","src":"s"}}]}'
    )
    assert from_json(minimal) == ak.Document(blocks=[ak.Figure(image=ak.Image(src="s"))])


def test_model_validator_errors_are_translated(monkeypatch: pytest.MonkeyPatch) -> None:
    # Switch off the reader's own checks so that the attrs validators see the bad value.
    monkeypatch.setattr(akjson, "_read_scalar", lambda field, value, obj: value)
    doc = _base()
    _set("blocks[3].items[0].title", "  ")(doc)
    with pytest.raises(ak.SchemaError) as info:
        from_json(json.dumps(doc))
    assert info.value.path == "blocks[3].items[0]"
    assert "'title' must not be empty or blank" in str(info.value)
    assert isinstance(info.value.__cause__, ValueError)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)


def _containers(value: Any) -> list[Any]:
    """Return every dict and list inside ``value`` (iteratively)."""
    found, stack = [], [value]
    while stack:
        node = stack.pop()
        if isinstance(node, (dict, list)):
            found.append(node)
            stack.extend(node.values() if isinstance(node, dict) else node)
    return found


@given(st.data())
def test_any_corruption_gives_a_document_or_a_schema_error(data: st.DataObject) -> None:
    plain = _base()  # every node type, so every reader path can be corrupted
    target = data.draw(st.sampled_from(_containers(plain)))
    if isinstance(target, dict):
        key = data.draw(st.sampled_from([*target, "type", "x"]))
        if data.draw(st.booleans()) and key in target:
            del target[key]
        else:
            target[key] = data.draw(json_values)
    elif target:
        target[data.draw(st.integers(0, len(target) - 1))] = data.draw(json_values)
    else:
        target.append(data.draw(json_values))
    try:
        back = from_json(json.dumps(plain))
    except ak.SchemaError as exc:
        assert exc.path is not None
    else:
        assert isinstance(back, ak.Document)


@given(st.binary(max_size=60) | st.text(max_size=60))
def test_garbage_gives_a_schema_error(data: str | bytes) -> None:
    with pytest.raises(ak.SchemaError):
        from_json(data)


def _outcome(load: Callable[[str], Any], text: str) -> tuple[bool, Any]:
    try:
        return True, load(text)
    except ValueError:  # JSONDecodeError, or a NaN/Infinity literal
        return False, None


def _no_constants(name: str) -> Any:
    raise ValueError(name)


@given(st.text(alphabet='[]{}",: \t\n0123456789.eE-+tuaflsnrN\\', max_size=25))
def test_iterative_parser_agrees_with_json_loads(text: str) -> None:
    expected = _outcome(lambda t: json.loads(t, parse_constant=_no_constants), text)
    assert _outcome(akjson._loads_iterative, text) == expected


def test_duplicate_keys_last_wins_like_json() -> None:
    text = '{"schema":"articlekit/1","title":"a","title":"b"}'
    assert from_json(text).title == "b"


def test_docs_example_is_what_to_json_writes() -> None:
    page = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    example = page.split("## An example", 1)[1].split("```json\n", 1)[1].split("```", 1)[0]
    doc = from_json(example)
    assert to_json(doc, indent=2) + "\n" == example
    assert doc.title == "Troops Sent North" and len(doc.blocks) == 3


def test_public_api_exports() -> None:
    assert ak.to_json is to_json and ak.from_json is from_json and ak.SCHEMA_ID == SCHEMA_ID
    copy.deepcopy(akjson.json_schema())  # a plain, copyable dict
