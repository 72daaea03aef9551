"""The shipped JSON Schema: valid draft 2020-12, in step with the model, and it accepts what
``to_json`` writes and rejects the invalid documents ``from_json`` rejects."""

from __future__ import annotations

import importlib.resources
import json
from typing import Any

import attrs
import jsonschema  # type: ignore[import-untyped]
import pytest

import articlekit as ak
from articlekit.serialise import json as akjson
from articlekit.serialise.json import MAX_INT, SCHEMA_ID, json_schema, to_json
from tests.conftest import ROOT
from tests.test_json import ERRORS, VALIDATOR, _base

SHIPPED = ROOT / "src" / "articlekit" / "schema" / "articlekit-1.json"
DOCS_COPY = ROOT / "docs" / "articlekit-1.schema.json"

#: $defs name of each model class.
DEFS = {
    "Document": "document",
    "Metadata": "metadata",
    "FieldSource": "field_source",
    "SourceInfo": "source",
    "Verdict": "verdict",
    "Signal": "signal",
    "Provenance": "provenance",
    "CodeBlock": "code_block",
    "ListItem": "list_item",
    "TableRow": "table_row",
    "TableCell": "table_cell",
    "LineBreak": "linebreak",
}


def _def_name(cls: type) -> str:
    return DEFS.get(cls.__name__, cls.__name__.lower())


def test_docs_copy_is_identical_to_the_shipped_schema() -> None:
    assert DOCS_COPY.read_bytes() == SHIPPED.read_bytes()


def test_schema_is_packaged_and_loads_as_a_fresh_dict() -> None:
    resource = importlib.resources.files("articlekit") / "schema" / "articlekit-1.json"
    assert json.loads(resource.read_text(encoding="utf-8")) == json_schema()
    first = json_schema()
    first["$defs"].clear()
    assert json_schema()["$defs"]  # callers cannot spoil the cached copy


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$defs"]["document"]["properties"]["schema"] == {"const": SCHEMA_ID}


@pytest.mark.parametrize("cls", list(akjson._SPEC_OF_CLASS), ids=lambda c: c.__name__)
def test_schema_definitions_follow_the_model(cls: type) -> None:
    definition = json_schema()["$defs"][_def_name(cls)]
    fields = attrs.fields(cls)
    properties = set(definition["properties"])
    tag = getattr(cls, "type", None)
    expected = {f.name for f in fields} | ({"type"} if tag else set())
    if cls is ak.Document:
        expected.add("schema")
    assert properties == expected
    required = {f.name for f in fields if f.default is attrs.NOTHING}
    if tag:
        required.add("type")
        assert definition["properties"]["type"] == {"const": tag}
    if cls is ak.Document:
        required.add("schema")
    assert set(definition.get("required", [])) == required
    assert definition["additionalProperties"] is False


def test_block_and_inline_families_list_every_type() -> None:
    defs = json_schema()["$defs"]
    for family, classes in (("block", ak.model.BLOCK_TYPES), ("inline", ak.model.INLINE_TYPES)):
        # Dispatch on "type" with if/then: the validator checks only the matching definition.
        tags = [getattr(cls, "type") for cls in classes]  # noqa: B009 (ClassVar on a type)
        assert defs[family]["properties"]["type"] == {"enum": tags}
        assert defs[family]["allOf"] == [
            {
                "if": {"properties": {"type": {"const": tag}}},
                "then": {"$ref": f"#/$defs/{_def_name(cls)}"},
            }
            for tag, cls in zip(tags, classes, strict=True)
        ]


# The property "every document to_json writes validates" is checked inside
# tests/test_json.py::test_round_trip_is_exact_with_provenance_and_both_writers, which
# already draws 200 full documents; drawing them again here would double the time.


def test_edge_values_validate() -> None:
    doc = ak.Document(
        blocks=[ak.List(start=MAX_INT, items=[ak.ListItem(blocks=[ak.Rule()])])],
        verdict=ak.Verdict(
            kind="empty",
            confidence=0,
            signals=[
                ak.Signal(name="nan", value=float("nan")),
                ak.Signal(name="inf", value=float("-inf")),
            ],
        ),
    )
    data = json.loads(to_json(doc, provenance=True))
    VALIDATOR.validate(data)  # raises with the failing path when invalid
    assert data["blocks"][0]["start"] == MAX_INT
    assert [s["value"] for s in data["verdict"]["signals"]] == ["NaN", "-Infinity"]


# Rules the schema cannot say: header_rows <= number of rows, first <= last line, and
# JSON Schema's "integer" also matches 2.0. from_json checks them; the schema does not.
NOT_EXPRESSIBLE = ("header_rows: expected at most", "lines: expected null or", "got 2.0")


@pytest.mark.parametrize(("mutate", "message"), ERRORS, ids=[m for _, m in ERRORS])
def test_schema_rejects_what_from_json_rejects(mutate: Any, message: str) -> None:
    doc = _base()
    assert VALIDATOR.is_valid(doc)
    mutate(doc)
    if VALIDATOR.is_valid(doc):
        assert any(part in message for part in NOT_EXPRESSIBLE), message
