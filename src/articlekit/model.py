"""The typed document model: a Document holds metadata and a tree of blocks and inlines.

Every class is a frozen, slotted, keyword-only attrs class whose sequences are tuples, so a
Document is immutable, hashable and compares by value. Converters accept any iterable and
store a tuple; validators check the invariants a serialiser relies on (heading levels 1-6,
list ``start`` >= 0, non-empty recommendation titles, ...) and name the field they reject.

Each block and inline class has a ``type`` class variable: the tag it carries in JSON.

Construct nodes by keyword::

    Paragraph(content=(Text(text="Hello "), Strong(content=(Text(text="world"),))))

Helpers: :func:`walk` visits blocks depth-first, :func:`plain_text` flattens any node to
text, :attr:`Document.recommendations` lists the recommendation blocks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

import attrs
from attrs import validators as v

__all__ = [
    "BLOCK_TYPES",
    "INLINE_TYPES",
    "VERDICT_KINDS",
    "Block",
    "Code",
    "CodeBlock",
    "Document",
    "Emphasis",
    "FieldSource",
    "Figure",
    "Heading",
    "Image",
    "Inline",
    "LineBreak",
    "Link",
    "LinkRef",
    "List",
    "ListItem",
    "Metadata",
    "Paragraph",
    "Provenance",
    "Quote",
    "Recommendation",
    "Recommendations",
    "Rule",
    "Signal",
    "SourceInfo",
    "Strong",
    "Table",
    "TableCell",
    "TableRow",
    "Text",
    "Verdict",
    "own_inlines",
    "plain_text",
    "walk",
]


# --------------------------------------------------------------------------- converters


def _tuple(value: Iterable[object]) -> tuple[object, ...]:
    if isinstance(value, (str, bytes)):
        raise TypeError(f"expected a sequence of nodes, got {type(value).__name__}")
    return tuple(value)


def _inlines(value: Iterable[Inline]) -> tuple[Inline, ...]:
    # (_tuple's test inlined: every paragraph, heading and inline wrapper comes through here)
    if isinstance(value, (str, bytes)):
        raise TypeError(f"expected a sequence of nodes, got {type(value).__name__}")
    return tuple(value)


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return _tuple(value)  # type: ignore[return-value]


def _items(value: Iterable[ListItem]) -> tuple[ListItem, ...]:
    return _tuple(value)  # type: ignore[return-value]


def _rows(value: Iterable[TableRow]) -> tuple[TableRow, ...]:
    return _tuple(value)  # type: ignore[return-value]


def _cells(value: Iterable[TableCell]) -> tuple[TableCell, ...]:
    return _tuple(value)  # type: ignore[return-value]


def _recs(value: Iterable[Recommendation]) -> tuple[Recommendation, ...]:
    return _tuple(value)  # type: ignore[return-value]


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError("expected a sequence of strings, got a single str")
    return tuple(value)


# --------------------------------------------------------------------------- validators


def _not_blank(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise ValueError(f"'{attribute.name}' must not be empty or blank (got {value!r})")


def _optional_not_blank(
    _inst: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and not value.strip():
        raise ValueError(f"'{attribute.name}' must be None or non-blank text (got {value!r})")


#: Largest integer any field holds: the largest that every JSON reader keeps exact (2**53 - 1).
MAX_INT = 2**53 - 1


def _whole(low: int, high: int = MAX_INT) -> Any:
    """Validator: an ``int`` (not a ``bool``) within ``low..high``, naming the field."""

    def check(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(
                f"'{attribute.name}' must be an int (got {type(value).__name__} {value!r})"
            )
        if not low <= value <= high:
            raise ValueError(f"'{attribute.name}' must be within {low}-{high} (got {value})")

    return check


# The validators below are plain functions that accept what attrs' own validators accept
# and hand anything else to them, for the same error. attrs' validators are objects whose
# ``__call__`` is Python: calling one costs about twice a function call, and a page's model
# (~100 Text runs, its paragraphs and their provenance) made ~500 such calls, ~0.5% of
# ``parse_html``'s instructions (docs/extraction.md, Speed, session 21).


def _instance_of(types: type | tuple[type, ...]) -> Any:
    """Validator: ``attrs.validators.instance_of(types)``, as a function."""
    slow: Any = v.instance_of(types)

    def check(inst: object, attribute: attrs.Attribute[object], value: object) -> None:
        if not isinstance(value, types):
            slow(inst, attribute, value)

    return check


def _optional_instance_of(types: type | tuple[type, ...]) -> Any:
    """Validator: ``attrs.validators.optional(attrs.validators.instance_of(types))``."""
    slow: Any = v.optional(v.instance_of(types))

    def check(inst: object, attribute: attrs.Attribute[object], value: object) -> None:
        if value is not None and not isinstance(value, types):
            slow(inst, attribute, value)

    return check


_STR = v.instance_of(str)
_opt_str = _optional_instance_of(str)


def _non_blank_str(inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    """Validator: a ``str`` (``instance_of``'s error otherwise) that is not blank: the two
    attrs ran one after the other (``[instance_of(str), _not_blank]``)."""
    if not isinstance(value, str):
        _STR(inst, attribute, value)
    _not_blank(inst, attribute, value)


def _of(*types: type) -> Any:
    """Validator: a tuple of ``types`` (attrs' ``deep_iterable`` of ``instance_of``)."""
    return _deep_tuple_of(types, v.instance_of(types))


def _deep_tuple_of(types: tuple[type, ...], member: Any) -> Any:
    """Validator: a tuple whose items are ``types``, errors from attrs' ``deep_iterable``
    with ``member`` (``instance_of``, of the tuple or of its one type)."""
    slow: Any = v.deep_iterable(member_validator=member, iterable_validator=v.instance_of(tuple))

    def check(inst: object, attribute: attrs.Attribute[object], value: object) -> None:
        if not isinstance(value, tuple):
            slow(inst, attribute, value)
            return
        for item in value:
            if not isinstance(item, types):
                slow(inst, attribute, value)
                return

    return check


_str_tuple = _deep_tuple_of((str,), v.instance_of(str))


def _lazy_of(kind: str) -> Any:
    """Member validator for node tuples whose allowed types are only known at module end."""

    def check(_inst: object, attribute: attrs.Attribute[object], value: object) -> None:
        if not isinstance(value, tuple):
            raise TypeError(f"'{attribute.name}' must be a tuple (got {type(value).__name__})")
        allowed = _ALLOWED[kind]
        for item in value:  # (the index is found only for the error: ~1 node in 30,000)
            if not isinstance(item, allowed):
                _raise_not_allowed(attribute, value, allowed)

    return check


def _raise_not_allowed(
    attribute: attrs.Attribute[object], value: tuple[object, ...], allowed: tuple[type, ...]
) -> None:
    """Raise the TypeError that names the first item of ``value`` that is none of
    ``allowed``, with its index."""
    for index, item in enumerate(value):
        if not isinstance(item, allowed):
            names = ", ".join(t.__name__ for t in allowed)
            raise TypeError(
                f"'{attribute.name}[{index}]' must be one of {names} (got {type(item).__name__})"
            )


_ALLOWED: dict[str, tuple[type, ...]] = {}


# --------------------------------------------------------------------------- provenance


@attrs.frozen(kw_only=True)
class Provenance:
    """Where a block came from in its input.

    ``path`` is a short XPath-like path to the HTML element (``/html/body/div[2]/p[3]``);
    ``lines`` is the 1-based, inclusive line range of a plain-text input. Provenance is
    not content: it is ignored when blocks are compared and left out of JSON unless asked for.
    """

    path: str | None = attrs.field(default=None, validator=_opt_str)
    lines: tuple[int, int] | None = attrs.field(default=None)

    @lines.validator
    def _check_lines(self, attribute: attrs.Attribute[object], value: object) -> None:
        if value is None:
            return
        if (
            not isinstance(value, tuple)
            or len(value) != 2
            or not all(isinstance(n, int) and not isinstance(n, bool) for n in value)
            or not 1 <= value[0] <= value[1]
        ):
            raise ValueError(
                f"'{attribute.name}' must be None or (first, last) with 1 <= first <= last "
                f"(got {value!r})"
            )


def _provenance() -> Any:
    return attrs.field(
        default=None,
        eq=False,
        repr=False,
        validator=_optional_instance_of(Provenance),
    )


# --------------------------------------------------------------------------- inlines


@attrs.frozen(kw_only=True)
class Text:
    """A run of plain text."""

    type: ClassVar[str] = "text"
    text: str = attrs.field(validator=_instance_of(str))


@attrs.frozen(kw_only=True)
class Emphasis:
    """Emphasised (usually italic) inlines."""

    type: ClassVar[str] = "emphasis"
    content: tuple[Inline, ...] = attrs.field(converter=_inlines, validator=_lazy_of("inline"))


@attrs.frozen(kw_only=True)
class Strong:
    """Strongly emphasised (usually bold) inlines."""

    type: ClassVar[str] = "strong"
    content: tuple[Inline, ...] = attrs.field(converter=_inlines, validator=_lazy_of("inline"))


@attrs.frozen(kw_only=True)
class Code:
    """Inline code."""

    type: ClassVar[str] = "code"
    code: str = attrs.field(validator=_instance_of(str))


@attrs.frozen(kw_only=True)
class Link:
    """A hyperlink around inlines. ``url`` is as found (made absolute when a base is known)."""

    type: ClassVar[str] = "link"
    url: str = attrs.field(validator=_instance_of(str))
    content: tuple[Inline, ...] = attrs.field(converter=_inlines, validator=_lazy_of("inline"))
    title: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen(kw_only=True)
class Image:
    """An image. ``alt`` is its text alternative (may be empty)."""

    type: ClassVar[str] = "image"
    src: str = attrs.field(validator=_instance_of(str))
    alt: str = attrs.field(default="", validator=_instance_of(str))
    title: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen(kw_only=True)
class LineBreak:
    """A hard line break inside a block."""

    type: ClassVar[str] = "linebreak"


Inline = Text | Emphasis | Strong | Code | Link | Image | LineBreak
INLINE_TYPES: tuple[type, ...] = (Text, Emphasis, Strong, Code, Link, Image, LineBreak)


# --------------------------------------------------------------------------- blocks


@attrs.frozen(kw_only=True)
class Heading:
    """A section heading, level 1 (top) to 6."""

    type: ClassVar[str] = "heading"
    level: int = attrs.field(validator=_whole(1, 6))
    content: tuple[Inline, ...] = attrs.field(converter=_inlines, validator=_lazy_of("inline"))
    provenance: Provenance | None = _provenance()


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of inlines."""

    type: ClassVar[str] = "paragraph"
    content: tuple[Inline, ...] = attrs.field(converter=_inlines, validator=_lazy_of("inline"))
    provenance: Provenance | None = _provenance()


@attrs.frozen(kw_only=True)
class ListItem:
    """One item of a list; holds blocks (paragraphs, nested lists, ...)."""

    blocks: tuple[Block, ...] = attrs.field(converter=_blocks, validator=_lazy_of("block"))


@attrs.frozen(kw_only=True)
class List:
    """A bullet list (``ordered=False``) or a numbered list starting at ``start``."""

    type: ClassVar[str] = "list"
    ordered: bool = attrs.field(default=False, validator=_instance_of(bool))
    start: int = attrs.field(default=1, validator=_whole(0))
    items: tuple[ListItem, ...] = attrs.field(converter=_items, validator=_of(ListItem))
    provenance: Provenance | None = _provenance()


@attrs.frozen(kw_only=True)
class Quote:
    """A block quotation; may nest other blocks, quotes included."""

    type: ClassVar[str] = "quote"
    blocks: tuple[Block, ...] = attrs.field(converter=_blocks, validator=_lazy_of("block"))
    provenance: Provenance | None = _provenance()


@attrs.frozen(kw_only=True)
class CodeBlock:
    """Preformatted code; ``language`` from e.g. ``class="language-python"``."""

    type: ClassVar[str] = "code"
    code: str = attrs.field(validator=_instance_of(str))
    language: str | None = attrs.field(default=None, validator=[_opt_str, _optional_not_blank])
    provenance: Provenance | None = _provenance()


@attrs.frozen(kw_only=True)
class TableCell:
    """One table cell; ``header`` is True for ``th`` cells."""

    content: tuple[Inline, ...] = attrs.field(converter=_inlines, validator=_lazy_of("inline"))
    header: bool = attrs.field(default=False, validator=_instance_of(bool))
    colspan: int = attrs.field(default=1, validator=_whole(1))
    rowspan: int = attrs.field(default=1, validator=_whole(1))


@attrs.frozen(kw_only=True)
class TableRow:
    """One table row."""

    cells: tuple[TableCell, ...] = attrs.field(converter=_cells, validator=_of(TableCell))


def _header_rows_fit(inst: Table, attribute: attrs.Attribute[int], value: int) -> None:
    if value > len(inst.rows):
        raise ValueError(
            f"'{attribute.name}' must be at most the number of rows ({len(inst.rows)}), got {value}"
        )


@attrs.frozen(kw_only=True)
class Table:
    """A data table; the first ``header_rows`` rows are header rows."""

    type: ClassVar[str] = "table"
    rows: tuple[TableRow, ...] = attrs.field(converter=_rows, validator=_of(TableRow))
    header_rows: int = attrs.field(default=0, validator=[_whole(0), _header_rows_fit])
    caption: tuple[Inline, ...] = attrs.field(
        factory=tuple, converter=_inlines, validator=_lazy_of("inline")
    )
    provenance: Provenance | None = _provenance()


@attrs.frozen(kw_only=True)
class Figure:
    """An image with an optional caption."""

    type: ClassVar[str] = "figure"
    image: Image = attrs.field(validator=_instance_of(Image))
    caption: tuple[Inline, ...] = attrs.field(
        factory=tuple, converter=_inlines, validator=_lazy_of("inline")
    )
    provenance: Provenance | None = _provenance()


@attrs.frozen(kw_only=True)
class Rule:
    """A thematic break (``<hr>``)."""

    type: ClassVar[str] = "rule"

    provenance: Provenance | None = _provenance()


@attrs.frozen(kw_only=True)
class Recommendation:
    """One recommended article: its title and, where known, URL, image and summary."""

    title: str = attrs.field(validator=_non_blank_str)
    url: str | None = attrs.field(default=None, validator=_opt_str)
    image: str | None = attrs.field(default=None, validator=_opt_str)
    summary: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen(kw_only=True)
class Recommendations:
    """A block of recommended articles ("Also read", "Related articles", ...)."""

    type: ClassVar[str] = "recommendations"
    title: str | None = attrs.field(default=None, validator=_opt_str)
    items: tuple[Recommendation, ...] = attrs.field(converter=_recs, validator=_of(Recommendation))
    provenance: Provenance | None = _provenance()


Block = Heading | Paragraph | List | Quote | CodeBlock | Table | Figure | Rule | Recommendations
BLOCK_TYPES: tuple[type, ...] = (
    Heading,
    Paragraph,
    List,
    Quote,
    CodeBlock,
    Table,
    Figure,
    Rule,
    Recommendations,
)
_ALLOWED["inline"] = INLINE_TYPES
_ALLOWED["block"] = BLOCK_TYPES


# --------------------------------------------------------------------------- document


@attrs.frozen(kw_only=True)
class FieldSource:
    """Which source gave a metadata field its value (``jsonld``, ``og``, ``meta``, ``time``,
    ``byline``, ``url``, ``text``, ...)."""

    field: str = attrs.field(validator=_non_blank_str)
    source: str = attrs.field(validator=_non_blank_str)


def _field_sources(value: Iterable[FieldSource]) -> tuple[FieldSource, ...]:
    return _tuple(value)  # type: ignore[return-value]


@attrs.frozen(kw_only=True)
class Metadata:
    """What is known about the article besides its body. Dates are ISO 8601 strings."""

    authors: tuple[str, ...] = attrs.field(factory=tuple, converter=_strings, validator=_str_tuple)
    published: str | None = attrs.field(default=None, validator=_opt_str)
    modified: str | None = attrs.field(default=None, validator=_opt_str)
    site_name: str | None = attrs.field(default=None, validator=_opt_str)
    language: str | None = attrs.field(default=None, validator=_opt_str)
    description: str | None = attrs.field(default=None, validator=_opt_str)
    kicker: str | None = attrs.field(default=None, validator=_opt_str)
    tags: tuple[str, ...] = attrs.field(factory=tuple, converter=_strings, validator=_str_tuple)
    image: str | None = attrs.field(default=None, validator=_opt_str)
    canonical_url: str | None = attrs.field(default=None, validator=_opt_str)
    #: Provenance of the fields above; not compared, and in JSON only when asked for.
    sources: tuple[FieldSource, ...] = attrs.field(
        factory=tuple, converter=_field_sources, validator=_of(FieldSource), eq=False, repr=False
    )

    def source_of(self, field: str) -> str | None:
        """Return which source gave ``field`` its value, or None when unknown or unset."""
        for item in self.sources:
            if item.field == field:
                return item.source
        return None


@attrs.frozen(kw_only=True)
class SourceInfo:
    """Where the document came from: the input's URL, its format and the parser used.

    ``name`` is the input's name in a batch (``convert_many`` and the CLI): the file's
    path as found, ``-`` for standard input, or a WARC file's name with the record's URL,
    so that a line of a JSON lines file says which input it came from. A single
    ``parse`` call leaves it ``None``.
    """

    url: str | None = attrs.field(default=None, validator=_opt_str)
    format: str | None = attrs.field(default=None, validator=_opt_str)
    parser: str | None = attrs.field(default=None, validator=_opt_str)
    encoding: str | None = attrs.field(default=None, validator=_opt_str)
    name: str | None = attrs.field(default=None, validator=_opt_str)


VERDICT_KINDS: tuple[str, ...] = ("article", "listing", "consent", "paywall", "error", "empty")


@attrs.frozen(kw_only=True)
class Signal:
    """One measured signal behind a verdict (``text_chars``, ``link_density``, ...)."""

    name: str = attrs.field(validator=_non_blank_str)
    value: float = attrs.field(validator=_instance_of((int, float)))


def _signals(value: Iterable[Signal]) -> tuple[Signal, ...]:
    return _tuple(value)  # type: ignore[return-value]


def _unit_interval(_inst: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"'{attribute.name}' must be within 0.0-1.0 (got {value!r})")


@attrs.frozen(kw_only=True)
class Verdict:
    """What the page was (one of ``VERDICT_KINDS``) and how sure the parser is, 0.0-1.0."""

    kind: str = attrs.field(validator=v.in_(VERDICT_KINDS))
    confidence: float = attrs.field(validator=[_instance_of((int, float)), _unit_interval])
    signals: tuple[Signal, ...] = attrs.field(
        factory=tuple, converter=_signals, validator=_of(Signal)
    )


@attrs.frozen(kw_only=True)
class LinkRef:
    """A link of the body: its text, URL and the block it stands in."""

    text: str
    url: str
    block: Block


@attrs.frozen(kw_only=True)
class Document:
    """A parsed article: title, metadata, body blocks and where it came from."""

    title: str | None = attrs.field(default=None, validator=_opt_str)
    metadata: Metadata = attrs.field(factory=Metadata, validator=_instance_of(Metadata))
    blocks: tuple[Block, ...] = attrs.field(
        factory=tuple, converter=_blocks, validator=_lazy_of("block")
    )
    source: SourceInfo = attrs.field(factory=SourceInfo, validator=_instance_of(SourceInfo))
    verdict: Verdict | None = attrs.field(default=None, validator=_optional_instance_of(Verdict))

    def links(self) -> tuple[LinkRef, ...]:
        """Every link of the body (recommendation blocks left out), in document order."""
        found: list[LinkRef] = []
        for block in walk(self.body):
            for inlines in own_inlines(block):
                stack: list[Iterator[Inline]] = [iter(inlines)]
                while stack:
                    node = next(stack[-1], None)
                    if node is None:
                        stack.pop()
                        continue
                    if isinstance(node, Link):
                        found.append(LinkRef(text=plain_text(node), url=node.url, block=block))
                    if isinstance(node, (Emphasis, Strong, Link)):
                        stack.append(iter(node.content))
        return tuple(found)

    def walk(self) -> Iterator[Block]:
        """Yield every block depth-first, in document order (list items' and quotes' too)."""
        return walk(self.blocks)

    @property
    def recommendations(self) -> tuple[Recommendations, ...]:
        """Every recommendation block, in document order, nested ones included."""
        return tuple(b for b in walk(self.blocks) if isinstance(b, Recommendations))

    @property
    def body(self) -> tuple[Block, ...]:
        """Top-level blocks that are article body (recommendation blocks left out)."""
        return tuple(b for b in self.blocks if not isinstance(b, Recommendations))

    def plain_text(self) -> str:
        """Text of the body blocks, one block per paragraph-separated chunk."""
        return "\n\n".join(t for t in (plain_text(b) for b in self.body) if t)


def own_inlines(block: Block) -> Iterator[tuple[Inline, ...]]:
    """Yield the inline runs that belong to ``block`` itself (not to nested blocks)."""
    if isinstance(block, (Heading, Paragraph)):
        yield block.content
    elif isinstance(block, Table):
        yield block.caption
        for row in block.rows:
            for cell in row.cells:
                yield cell.content
    elif isinstance(block, Figure):
        yield block.caption


Node = Block | Inline | ListItem | TableRow | TableCell | Recommendation | Document


def require_document(value: object, function: str) -> None:
    """Raise ``TypeError`` naming ``function`` when ``value`` is not a :class:`Document`.

    The serialisers' check of their argument: an ``ArticleKitError`` from
    ``convert_many``, a dict from ``json.loads`` or a string handed over by mistake is
    named, where reading its attributes failed with an unrelated ``AttributeError``.
    """
    if not isinstance(value, Document):
        raise TypeError(f"{function}() expects a Document, got {type(value).__name__}")


def walk(blocks: Iterable[Block]) -> Iterator[Block]:
    """Yield ``blocks`` and every block nested in them, depth-first, pre-order.

    Iterative, so arbitrarily deep nesting cannot overflow the Python stack.
    """
    stack: list[Iterator[Block]] = [iter(blocks)]
    while stack:
        block = next(stack[-1], None)
        if block is None:
            stack.pop()
            continue
        yield block
        if isinstance(block, Quote):
            stack.append(iter(block.blocks))
        elif isinstance(block, List):
            stack.append(iter([b for item in block.items for b in item.blocks]))


def _inline_text(inlines: Iterable[Inline], out: list[str]) -> None:
    """Append the plain text of ``inlines`` to ``out``, depth-first.

    Iterative, so arbitrarily deep nesting cannot overflow the Python stack: a ``for``
    loop reads the inlines of one level (most are text) and hands the rest of the level
    back to the stack under a nested one's content (a ``next(iterator, None)`` call per
    inline cost about a third more: docs/extraction.md, Speed).
    """
    append = out.append
    stack: list[Iterator[Inline]] = [iter(inlines)]
    while stack:
        level = stack.pop()
        for node in level:
            if isinstance(node, Text):
                append(node.text)
            elif isinstance(node, Code):
                append(node.code)
            elif isinstance(node, LineBreak):
                append("\n")
            elif isinstance(node, Image):
                append(node.alt)
            elif node is None:  # (the end of a level, as ``next(level, None)`` read it)
                break
            else:
                stack.append(level)  # the rest of this level, after the nested content
                stack.append(iter(node.content))
                break


def plain_text(node: Node | Iterable[Inline]) -> str:
    """Return the plain text of any node: block, inline, list item, row, cell or document.

    Inline runs are concatenated; blocks inside containers are joined by newlines.
    """
    kind: type[object] = type(node)
    if kind is tuple or kind is Paragraph or kind is Heading:
        # (the commonest arguments, before the ``isinstance`` tests of the general path
        # below: a block's content, a paragraph, a heading; most are one run of text)
        bare: Any = node  # (no ``cast`` call: this is the hot path)
        content: tuple[Inline, ...] = bare if kind is tuple else bare.content
        if len(content) == 1 and type(content[0]) is Text:
            return content[0].text
        out: list[str] = []
        _inline_text(content, out)
        return "".join(out)
    if isinstance(node, Document):
        return node.plain_text()
    if isinstance(node, (Heading, Paragraph, Emphasis, Strong, Link, TableCell)):
        content = node.content
        if len(content) == 1 and type(content[0]) is Text:
            # (most paragraphs and headings: one run of text, its own plain text)
            return content[0].text
        out = []
        _inline_text(content, out)
        return "".join(out)
    if isinstance(node, (Text, Code, Image, LineBreak)):
        out = []
        _inline_text((node,), out)
        return "".join(out)
    if isinstance(node, CodeBlock):
        return node.code
    if isinstance(node, Figure):
        caption = plain_text(node.caption)
        return caption or node.image.alt
    if isinstance(node, Rule):
        return ""
    if isinstance(node, Table):
        lines = [plain_text(node.caption)] if node.caption else []
        lines.extend(plain_text(row) for row in node.rows)
        return "\n".join(lines)
    if isinstance(node, TableRow):
        return "\t".join(plain_text(cell) for cell in node.cells)
    if isinstance(node, Recommendation):
        return node.title
    if isinstance(node, Recommendations):
        head = [node.title] if node.title else []
        return "\n".join(head + [item.title for item in node.items])
    if isinstance(node, ListItem):
        return "\n".join(t for t in (plain_text(b) for b in node.blocks) if t)
    if isinstance(node, (List, Quote)):
        parts = []
        for block in walk((node,)):
            if isinstance(block, (List, Quote)):
                continue
            text = plain_text(block)
            if text:
                parts.append(text)
        return "\n".join(parts)
    # any other iterable of inlines
    out = []
    _inline_text(node, out)
    return "".join(out)


for _cls in (
    *INLINE_TYPES,
    *BLOCK_TYPES,
    ListItem,
    TableCell,
    TableRow,
    Recommendation,
    Provenance,
    FieldSource,
    Metadata,
    SourceInfo,
    Signal,
    Verdict,
    LinkRef,
    Document,
):
    attrs.resolve_types(_cls, globals())
del _cls
