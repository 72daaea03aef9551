from __future__ import annotations

import attrs
import pytest

import articlekit as ak


def test_nodes_are_frozen_and_store_tuples() -> None:
    para = ak.Paragraph(content=[ak.Text(text="a")])
    assert para.content == (ak.Text(text="a"),)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        para.content = ()  # type: ignore[misc]


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: ak.Heading(level=0, content=()), "level"),
        (lambda: ak.Heading(level=7, content=()), "level"),
        (lambda: ak.List(start=-1, items=()), "start"),
        (lambda: ak.Recommendation(title=" "), "title"),
        (lambda: ak.Paragraph(content=[ak.Paragraph(content=())]), "content[0]"),
        # the first item that is no inline, by its index
        (
            lambda: ak.Paragraph(content=[ak.Text(text="a"), ak.Paragraph(content=()), 3]),
            "content[1]",
        ),
        (lambda: ak.Paragraph(content="not a tuple of inlines"), "sequence of nodes"),
        (lambda: ak.Quote(blocks=[ak.Text(text="x")]), "blocks[0]"),
        (lambda: ak.Table(rows=(), header_rows=1), "header_rows"),
        (lambda: ak.CodeBlock(code="x", language=" "), "language"),
        (lambda: ak.Metadata(authors="Jane"), "sequence"),
    ],
)
def test_validators_name_the_field(make: object, field: str) -> None:
    with pytest.raises((TypeError, ValueError), match=field.replace("[", r"\[")):
        make()  # type: ignore[operator]


def test_walk_is_depth_first_and_iterative() -> None:
    inner = ak.Paragraph(content=[ak.Text(text="deep")])
    block: ak.Block = inner
    for _ in range(5000):  # deeper than the default recursion limit
        block = ak.Quote(blocks=[block])
    doc = ak.Document(blocks=[block])
    walked = list(doc.walk())
    assert len(walked) == 5001
    assert walked[-1] is inner


def test_recommendations_and_plain_text() -> None:
    recs = ak.Recommendations(title="Also read", items=[ak.Recommendation(title="Other")])
    doc = ak.Document(
        blocks=[
            ak.Paragraph(
                content=[ak.Text(text="Hello "), ak.Emphasis(content=[ak.Text(text="you")])]
            ),
            ak.List(items=[ak.ListItem(blocks=[ak.Paragraph(content=[ak.Text(text="item")])])]),
            recs,
        ]
    )
    assert doc.recommendations == (recs,)
    assert doc.plain_text() == "Hello you\n\nitem"
    assert ak.plain_text(recs) == "Also read\nOther"


# (run on generated documents by tests/test_document_properties.py)
def check_hashable_and_equal_to_itself(doc: ak.Document) -> None:
    """A Document equals a copy of itself and hashes alike."""
    assert doc == attrs.evolve(doc)
    assert hash(doc) == hash(attrs.evolve(doc))
