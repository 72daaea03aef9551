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


_WRONG_VALUES = [
    # (make a node with a wrong value, attrs' own validator for that field, the value)
    (lambda: ak.Text(text=1), attrs.validators.instance_of(str), 1),
    (lambda: ak.Link(url=None, content=()), attrs.validators.instance_of(str), None),
    (lambda: ak.Image(src="a.jpg", alt=None), attrs.validators.instance_of(str), None),
    (
        lambda: ak.Provenance(path=3),
        attrs.validators.optional(attrs.validators.instance_of(str)),
        3,
    ),
    (
        lambda: ak.Paragraph(content=(), provenance="/html/body"),
        attrs.validators.optional(attrs.validators.instance_of(ak.Provenance)),
        "/html/body",
    ),
    (lambda: ak.Recommendation(title=5), attrs.validators.instance_of(str), 5),
    (lambda: ak.TableCell(content=(), header=1), attrs.validators.instance_of(bool), 1),
    (
        lambda: ak.TableRow(cells=[ak.TableCell(content=()), "cell"]),
        attrs.validators.deep_iterable(
            member_validator=attrs.validators.instance_of((ak.TableCell,)),
            iterable_validator=attrs.validators.instance_of(tuple),
        ),
        (ak.TableCell(content=()), "cell"),
    ),
    (
        lambda: ak.Metadata(authors=["Ann Lee", 7]),
        attrs.validators.deep_iterable(
            member_validator=attrs.validators.instance_of(str),
            iterable_validator=attrs.validators.instance_of(tuple),
        ),
        ("Ann Lee", 7),
    ),
    (lambda: ak.Signal(name="x", value="1"), attrs.validators.instance_of((int, float)), "1"),
    (lambda: ak.Figure(image="a.jpg"), attrs.validators.instance_of(ak.Image), "a.jpg"),
]


@pytest.mark.parametrize(("make", "reference", "value"), _WRONG_VALUES)
def test_validators_raise_what_attrs_validators_raise(
    make: object, reference: object, value: object
) -> None:
    # the model's validators are plain functions (a call costs half of an attrs
    # validator's): a wrong value gets the error attrs' own validator gives
    with pytest.raises(TypeError) as caught:
        make()  # type: ignore[operator]
    error = caught.value
    assert len(error.args) == 4  # (message, attribute, expected type, value), as attrs gives
    with pytest.raises(TypeError) as expected:
        reference(None, error.args[1], value)  # type: ignore[operator]
    assert error.args == expected.value.args
    assert str(error) == str(expected.value)


def _reference_plain_text(inlines: tuple[ak.Inline, ...] | list[ak.Inline]) -> str:
    """The plain text of inlines, read recursively (the definition the walk must keep)."""
    out = []
    for node in inlines:
        if isinstance(node, ak.Text):
            out.append(node.text)
        elif isinstance(node, ak.Code):
            out.append(node.code)
        elif isinstance(node, ak.LineBreak):
            out.append("\n")
        elif isinstance(node, ak.Image):
            out.append(node.alt)
        else:
            out.append(_reference_plain_text(node.content))
    return "".join(out)


def test_plain_text_reads_nested_inlines_in_order() -> None:
    link = ak.Link(
        url="https://example.com/",
        content=(ak.Text(text="a "), ak.Strong(content=(ak.Text(text="b"),)), ak.Text(text=" c")),
    )
    content = (
        ak.Text(text="1 "),
        ak.Emphasis(content=(link, ak.Text(text=" 2"))),
        ak.LineBreak(),
        ak.Code(code="x = 1"),
        ak.Image(src="https://example.com/i.png", alt=" pic"),
        ak.Text(text=" end"),
    )
    expected = "1 a b c 2\nx = 1 pic end"
    assert _reference_plain_text(content) == expected
    assert ak.plain_text(ak.Paragraph(content=content)) == expected
    # the inlines after a nested one are read after it, at every level
    assert ak.plain_text([*content, ak.Text(text="!")]) == expected + "!"


def test_plain_text_of_deeply_nested_inlines_does_not_recurse() -> None:
    node: ak.Inline = ak.Text(text="core")
    for level in range(20_000):
        wrapper = ak.Emphasis if level % 2 else ak.Strong
        node = wrapper(content=(ak.Text(text="<"), node, ak.Text(text=">")))
    assert ak.plain_text(node) == "<" * 20_000 + "core" + ">" * 20_000


def test_plain_text_reads_a_subclass_of_text_as_text() -> None:
    @attrs.frozen(kw_only=True)
    class Marked(ak.Text):
        pass

    content = (Marked(text="a"), ak.Emphasis(content=(Marked(text="b"),)), ak.Text(text="c"))
    assert ak.plain_text(ak.Paragraph(content=content)) == "abc"


def test_plain_text_of_a_tuple_paragraph_or_heading_is_that_of_the_general_path() -> None:
    runs = [
        (ak.Text(text="one run"),),
        (ak.Text(text="a "), ak.Emphasis(content=(ak.Text(text="b"),)), ak.Text(text=" c")),
        (ak.Link(url="https://example.com/", content=(ak.Text(text="link"),)),),
        (ak.Image(src="https://example.com/i.png", alt="alt"), ak.LineBreak(), ak.Code(code="k")),
        (),
    ]
    for content in runs:
        general = ak.plain_text(list(content))  # (a list takes the general path)
        assert ak.plain_text(content) == general
        assert ak.plain_text(ak.Paragraph(content=content)) == general
        if content:
            assert ak.plain_text(ak.Heading(level=2, content=content)) == general
    assert ak.plain_text(runs[1]) == "a b c"
    assert ak.plain_text(runs[3]) == "alt\nk"
