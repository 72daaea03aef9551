"""Retrieval-ready chunks of a Document: ``chunk`` returns a list of :class:`Chunk`.

::

    for piece in articlekit.chunk(doc, max_chars=1500, overlap=200):
        index.add(piece.text, meta={"path": piece.heading_path, "url": piece.url})

How the body is cut (recommendation blocks are left out):

1. **At headings first.** Every heading starts a new chunk (a heading directly under
   another heading stays with it), so a chunk never spans two sections and its
   ``heading_path`` (``("Results", "Method")``) says where it stands.
2. **Then between blocks.** Within a section, whole blocks (paragraphs, lists, tables,
   code blocks, quotes, figures) are added while the chunk stays within the limit.
3. **Inside a block only when it alone exceeds the limit.** A list is cut between items,
   a table between rows, a quote between its blocks, a code block between lines, a
   paragraph between lines, then sentences, then words, and a single over-long word into
   equal parts. ``Chunk.split`` names the finest cut used (``"items"``, ``"rows"``,
   ``"blocks"``, ``"lines"``, ``"sentences"``, ``"words"``, ``"characters"``). A cut
   paragraph keeps its links and emphasis (only an inline longer than a whole chunk loses
   its markup); a cut list item or quote repeats its marker (``- ``, ``1. ``, ``> ``) on
   each piece.

The limit is ``max_chars`` characters and/or ``max_tokens`` tokens as counted by the
``tokenizer`` you pass (a callable returning an ``int`` or a sequence of tokens: no
tokenizer is a dependency). It is measured on ``text`` (or on ``markdown`` with
``measure="markdown"``) and covers the whole chunk, overlap included. A chunk can exceed
it only when it holds a single piece that cannot be cut: one character with its list or
quote markers, or a figure or rule.

``overlap`` (characters) starts each chunk after the first with the tail of the previous
chunk's text, cut at a word start and followed by a blank line; ``text_overlap`` and
``markdown_overlap`` say how many leading characters repeat the previous chunk, so
``chunk.text[chunk.text_overlap:]`` is the chunk's own text. ``overlap_tokens`` counts the
overlap in tokens of ``tokenizer`` instead. Joining the chunks' own
texts gives back the body's text (see ``docs/chunking.md`` for the exact statement).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

import attrs

from articlekit._chars import terminal_safe
from articlekit.model import (
    Block,
    Code,
    CodeBlock,
    Document,
    Figure,
    Heading,
    Image,
    Inline,
    LineBreak,
    List,
    ListItem,
    Paragraph,
    Quote,
    Recommendations,
    Table,
    Text,
    plain_text,
    require_document,
)

__all__ = ["Chunk", "Tokenizer", "chunk", "chunk_to_dict", "own_texts"]

#: A tokenizer: text in, a token count or the tokens out.
Tokenizer = Callable[[str], int | Sequence[Any]]

#: Finest cut first wins the ``split`` label; this is the order from coarse to fine.
_CUTS = ("blocks", "items", "rows", "lines", "sentences", "words", "characters")
_SEPARATOR = "\n\n"
_SPACE = re.compile(r"\s+")


@attrs.frozen(kw_only=True)
class Chunk:
    """One retrieval chunk of a document's body.

    - ``index``: 0-based position among the chunks.
    - ``heading_path``: the headings the chunk stands under, outermost first.
    - ``markdown`` / ``text``: the chunk as Markdown and as plain text (no trailing newline),
      each starting with the overlap copied from the previous chunk, if any.
    - ``char_count``: ``len(text)``; ``token_count``: tokens of the measured field when a
      tokenizer was given, else None.
    - ``url`` / ``title``: the document's URL and title.
    - ``source_name``: the document's input name in a batch (``doc.source.name``), so a
      line of a chunks file says which input it came from; None for a single document.
    - ``block_start`` / ``block_end``: the range of ``doc.blocks`` the chunk covers
      (end exclusive); pieces of one cut block share its range.
    - ``split``: how a block too large for one chunk was cut (None when it was not).
    - ``text_overlap`` / ``markdown_overlap``: how many leading characters of ``text`` /
      ``markdown`` repeat the previous chunk.
    """

    index: int
    heading_path: tuple[str, ...]
    markdown: str
    text: str
    char_count: int
    token_count: int | None
    url: str | None
    title: str | None
    block_start: int
    block_end: int
    split: str | None = None
    text_overlap: int = 0
    markdown_overlap: int = 0
    source_name: str | None = None


def chunk_to_dict(piece: Chunk) -> dict[str, Any]:
    """Return ``piece`` as a JSON-ready dict (one line of ``articlekit convert -f chunks``)."""
    return {
        "index": piece.index,
        "heading_path": list(piece.heading_path),
        "text": piece.text,
        "markdown": piece.markdown,
        "char_count": piece.char_count,
        "token_count": piece.token_count,
        "url": piece.url,
        "title": piece.title,
        "source_name": piece.source_name,
        "block_start": piece.block_start,
        "block_end": piece.block_end,
        "split": piece.split,
        "text_overlap": piece.text_overlap,
        "markdown_overlap": piece.markdown_overlap,
    }


# --------------------------------------------------------------------------- rendering


def _render_text(blocks: Sequence[Block]) -> str:
    from articlekit.serialise.text import blocks_to_text

    return blocks_to_text(blocks).rstrip("\n")


def _render_markdown(blocks: Sequence[Block]) -> str:
    from articlekit.serialise.markdown import blocks_to_markdown

    return blocks_to_markdown(blocks).rstrip("\n")


@attrs.define
class _Limit:
    """The size rule: characters and/or tokens of the measured rendering."""

    max_chars: int | None
    max_tokens: int | None
    tokenizer: Tokenizer | None
    measure: str
    #: Tokens kept free for a token overlap while packing.
    token_reserve: int = 0

    def render(self, blocks: Sequence[Block]) -> str:
        return _render_markdown(blocks) if self.measure == "markdown" else _render_text(blocks)

    def tokens(self, text: str) -> int:
        assert self.tokenizer is not None
        result = self.tokenizer(text)
        if isinstance(result, int) and not isinstance(result, bool):
            return result
        if isinstance(result, Sequence) or hasattr(result, "__len__"):
            return len(result)
        raise TypeError(
            f"tokenizer must return an int or a sequence of tokens, got {type(result).__name__}"
        )

    def fits_text(self, text: str, *, reserve: int = 0, token_reserve: int = 0) -> bool:
        if self.max_chars is not None and len(text) + reserve > self.max_chars:
            return False
        if self.max_tokens is None:
            return True
        return self.tokens(text) + token_reserve <= self.max_tokens

    def fits(self, blocks: Sequence[Block], *, reserve: int = 0) -> bool:
        """Return True when ``blocks`` fit, with room left for an overlap to come."""
        text = self.render(blocks)
        return self.fits_text(text, reserve=reserve, token_reserve=self.token_reserve)


# --------------------------------------------------------------------------- cutting blocks


@attrs.frozen
class _Unit:
    """A block (or a piece of one) ready to pack, with where it stands."""

    block: Block
    index: int  # position in doc.blocks
    path: tuple[str, ...]
    split: str | None
    heading: bool  # a heading, or a piece of one too long to stay whole


def _finer(a: str | None, b: str | None) -> str | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if _CUTS.index(a) >= _CUTS.index(b) else b


Wrap = Callable[[Block], Block]


def _wrap(block: Block, wraps: tuple[Wrap, ...]) -> Block:
    for wrap in reversed(wraps):
        block = wrap(block)
    return block


def _largest_fitting(count: int, fits_first: Callable[[int], bool]) -> int:
    """Return the largest k in 1..count with ``fits_first(k)`` (at least 1).

    Galloping from 1 then binary search, so cutting an n-part block costs O(log n)
    renderings of at most twice a chunk per piece, never a rendering of the whole rest.
    """
    if count <= 1:
        return 1
    good, step = 1, 2
    while step < count and fits_first(step):
        good, step = step, step * 2
    if step >= count:
        if fits_first(count):
            return count
        step = count
    bad = step
    while bad - good > 1:
        middle = (good + bad) // 2
        if fits_first(middle):
            good = middle
        else:
            bad = middle
    return good


def _prefix_test(
    items: Sequence[Any],
    start: int,
    make: Callable[[Sequence[Any]], Any],
    fits: Callable[[Any], bool],
) -> Callable[[int], bool]:
    """Return ``k -> fits(make(items[start:start + k]))``."""

    def test(count: int) -> bool:
        return fits(make(items[start : start + count]))

    return test


def _group(
    items: Sequence[Any], make: Callable[[Sequence[Any]], Block], fits: Callable[[Block], bool]
) -> list[list[Any]]:
    """Return ``items`` in consecutive groups, each as large as still fits (at least one)."""
    groups: list[list[Any]] = []
    start = 0
    while start < len(items):
        size = _largest_fitting(len(items) - start, _prefix_test(items, start, make, fits))
        groups.append(list(items[start : start + size]))
        start += size
    return groups


def _group_strings(
    parts: Sequence[str], joiner: str, fits: Callable[[str], bool]
) -> list[list[str]]:
    """Return ``parts`` in consecutive groups whose joined text still fits (at least one)."""
    groups: list[list[str]] = []
    start = 0
    while start < len(parts):
        size = _largest_fitting(len(parts) - start, _prefix_test(parts, start, joiner.join, fits))
        groups.append(list(parts[start : start + size]))
        start += size
    return groups


def _equal_parts(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Return ``text`` in few parts of (nearly) equal length that each fit.

    Equal parts, not a greedy cut, so no part is a stray one-character remainder. When
    not even one character fits (markers of deep nesting take the whole limit), ``text``
    comes back whole: it cannot be cut usefully.
    """

    def parts_of(count: int) -> list[str]:
        size = -(-len(text) // count)
        return [text[i : i + size] for i in range(0, len(text), size)]

    if len(text) <= 1 or not fits(text[0]):
        return [text]
    low, high = 1, 2
    while not all(fits(part) for part in parts_of(high)):
        low, high = high, min(len(text), high * 2)
        if high == low:
            return parts_of(high)
    while high - low > 1:  # fewest parts that still fit (fits is monotone in part size)
        middle = (low + high) // 2
        if all(fits(part) for part in parts_of(middle)):
            high = middle
        else:
            low = middle
    return parts_of(high)


def _cut(block: Block, limit: _Limit, reserve: int) -> list[tuple[Block, str | None]]:
    """Return ``block`` as pieces that each fit the limit, with how it was cut.

    Iterative: a worklist of (block, wrappers that put a piece back into its list item or
    quote, cut so far).
    """

    def fits(candidate: Block) -> bool:
        return limit.fits((candidate,), reserve=reserve)

    out: list[tuple[Block, str | None]] = []
    work: list[tuple[Block, tuple[Wrap, ...], str | None]] = [(block, (), None)]
    while work:
        current, wraps, how = work.pop()
        whole = _wrap(current, wraps)
        if fits(whole):
            out.append((whole, how))
            continue
        # Down a chain of quotes of one block (lists of one item of one block) in one
        # step: wrapped back, each link renders as ``whole``, which does not fit, so
        # rendering it again at every level only cost time (a quote 1,600 levels deep
        # took 34 s, one 5,000 deep hours).
        single = _single_child(current)
        if single is not None:
            while single is not None:
                current, wrap, cut = single
                wraps, how = (*wraps, wrap), _finer(how, cut)
                single = _single_child(current)
            whole = _wrap(current, wraps)
        children = _children(current, wraps, fits)
        if children is None:
            out.append((whole, how))  # cannot be cut any further
            continue
        pieces, cut, child_wraps = children
        work.extend((piece, child_wraps, _finer(how, cut)) for piece in reversed(pieces))
    return out


def _single_child(block: Block) -> tuple[Block, Wrap, str] | None:
    """Return the one block inside ``block``, the wrapper that puts it back and the cut's
    name (as :func:`_children` gives them), when ``block`` is a quote of one block or a
    list of one item of one block; else None."""
    if isinstance(block, Quote) and len(block.blocks) == 1:
        return block.blocks[0], _quote_of, "blocks"
    if isinstance(block, List) and len(block.items) == 1 and len(block.items[0].blocks) == 1:
        ordered, start = block.ordered, block.start

        def into_item(inner: Block) -> Block:
            return List(ordered=ordered, start=start, items=(ListItem(blocks=(inner,)),))

        return block.items[0].blocks[0], into_item, "items"
    return None


def _quote_of(inner: Block) -> Block:
    return Quote(blocks=(inner,))


def _children(
    block: Block, wraps: tuple[Wrap, ...], fits: Callable[[Block], bool]
) -> tuple[list[Block], str, tuple[Wrap, ...]] | None:
    """Return smaller blocks ``block`` can be cut into, the cut's name and their wrappers."""

    def wrapped_fits(candidate: Block) -> bool:
        return fits(_wrap(candidate, wraps))

    if isinstance(block, List):
        if len(block.items) > 1:

            def make_list(group: Sequence[tuple[int, ListItem]]) -> Block:
                return List(
                    ordered=block.ordered,
                    start=block.start + group[0][0],
                    items=[item for _n, item in group],
                )

            numbered = list(enumerate(block.items))
            groups = _group(numbered, make_list, wrapped_fits)
            return [make_list(g) for g in groups], "items", wraps
        item = block.items[0]
        if not item.blocks:
            return None

        def into_item(
            inner: Block, ordered: bool = block.ordered, start: int = block.start
        ) -> Block:
            return List(ordered=ordered, start=start, items=(ListItem(blocks=(inner,)),))

        return list(item.blocks), "items", (*wraps, into_item)
    if isinstance(block, Quote):
        if not block.blocks:
            return None
        if len(block.blocks) > 1:
            groups = _group(block.blocks, lambda g: Quote(blocks=g), wrapped_fits)
            if len(groups) > 1:
                return [Quote(blocks=g) for g in groups], "blocks", wraps
        return list(block.blocks), "blocks", (*wraps, lambda inner: Quote(blocks=(inner,)))
    if isinstance(block, Table):
        if len(block.rows) > 1:
            rows = list(enumerate(block.rows))

            def make_table(group: Sequence[tuple[int, Any]]) -> Block:
                first = group[0][0]
                headers = max(0, min(block.header_rows - first, len(group)))
                return Table(
                    rows=[row for _n, row in group],
                    header_rows=headers,
                    caption=block.caption if first == 0 else (),
                )

            groups = _group(rows, make_table, wrapped_fits)
            if len(groups) > 1:
                return [make_table(g) for g in groups], "rows", wraps
        return _as_text_pieces(block, wraps, wrapped_fits)
    if isinstance(block, CodeBlock):
        lines = block.code.split("\n")

        def code_fits(text: str) -> bool:
            return wrapped_fits(CodeBlock(code=text, language=block.language))

        pieces, how = _text_pieces_code(lines, code_fits)
        if len(pieces) <= 1:
            return None
        return [CodeBlock(code=p, language=block.language) for p in pieces], how, wraps
    if isinstance(block, (Paragraph, Heading, Figure)):
        return _as_text_pieces(block, wraps, wrapped_fits)
    return None


def _text_pieces_code(lines: list[str], fits: Callable[[str], bool]) -> tuple[list[str], str]:
    """Return code cut between lines (a line too long alone: into equal parts)."""
    out: list[str] = []
    how = "lines"
    for group in _group_strings(lines, "\n", fits):
        text = "\n".join(group)
        if fits(text) or len(group) > 1:
            out.append(text)
        else:
            how = "characters"
            out.extend(_equal_parts(text, fits))
    return out, how


def _as_text_pieces(
    block: Block, wraps: tuple[Wrap, ...], fits: Callable[[Block], bool]
) -> tuple[list[Block], str, tuple[Wrap, ...]] | None:
    """Return ``block`` cut into paragraphs at lines, sentences, words, then characters.

    A paragraph keeps its inline formatting and links wherever a cut does not go through
    them; a heading, a figure caption or a table row becomes plain paragraphs.
    """
    content: tuple[Inline, ...]
    if isinstance(block, (Paragraph, Heading)):
        content = _without_repeated_alts(block.content)
    else:
        text = _render_text((block,))
        content = (Text(text=text),) if text.strip() else ()
    if not plain_text(content).strip():
        return None

    def piece_fits(atoms: Sequence[Inline]) -> bool:
        return fits(Paragraph(content=_merged(atoms)))

    pieces, how = _inline_pieces(content, piece_fits)
    if len(pieces) <= 1:
        if isinstance(block, Paragraph):
            return None
        how = how or "lines"
    blocks: list[Block] = [Paragraph(content=_merged(piece)) for piece in pieces]
    return blocks, how or "lines", wraps


def _without_repeated_alts(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Return ``content`` with the alt text of each image that the whole line leaves out
    for repeating the text beside it (a shop tile's picture and name) made empty, so that
    a piece cut off from that text does not print it again: the pieces re-joined say
    what the block says."""
    from articlekit.serialise.text import repeated_alt_images

    repeated = {id(image) for image in repeated_alt_images(content)}
    if not repeated:
        return content
    return _blank_alts(content, repeated)


def _blank_alts(content: tuple[Inline, ...], repeated: set[int]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in content:
        if isinstance(node, Image):
            out.append(attrs.evolve(node, alt="") if id(node) in repeated else node)
        elif isinstance(node, (Text, Code, LineBreak)):
            out.append(node)
        else:  # a link, emphasis or strong: the images inside it
            out.append(attrs.evolve(node, content=_blank_alts(node.content, repeated)))
    return tuple(out)


# How good a place to cut is, best first; "" is not a place to cut.
_BOUNDARY_RANK = {"lines": 0, "sentences": 1, "words": 2, "characters": 3}
_RUN = re.compile(r"[^\s]*?[。！？](?=[\u2e80-\U0010ffff])|\S+\s*|\s+")
_SENTENCE_END_RUN = re.compile(r"[.!?…。！？][\"'”’)\]]*\s+$")


def _atoms(inlines: Iterable[Inline]) -> list[tuple[Inline, str]]:
    """Return ``inlines`` as cuttable atoms, each with the kind of boundary after it.

    Text is cut into word runs (a word with the whitespace after it): after whitespace a
    new word starts, so no word is ever cut in two there. A CJK full stop followed by a
    CJK character is a sentence boundary too. Other inlines stay whole.
    """
    out: list[tuple[Inline, str]] = []
    for node in inlines:
        if isinstance(node, Text):
            for run in _RUN.findall(node.text):
                if not run[-1:].isspace():
                    kind = "sentences" if run[-1:] in "。！？" else ""
                elif _SENTENCE_END_RUN.search(run):
                    kind = "sentences"
                else:
                    kind = "words"
                out.append((Text(text=run), kind))
        elif isinstance(node, LineBreak):
            out.append((node, "lines"))
        else:
            out.append((node, ""))
    return out


def _inline_pieces(
    content: Sequence[Inline], fits: Callable[[Sequence[Inline]], bool]
) -> tuple[list[list[Inline]], str | None]:
    """Return ``content`` cut into runs of inlines that each fit, and the finest cut used."""
    atoms = _atoms(content)
    pieces: list[list[Inline]] = []
    how: str | None = None
    start = 0
    while start < len(atoms):
        size = _largest_fitting(len(atoms) - start, _prefix_test(atoms, start, _inlines_of, fits))
        if size == 1 and not fits([atoms[start][0]]):
            atom, _kind = atoms[start]
            if isinstance(atom, Text):
                # one word longer than the limit: equal parts, cut anywhere between them
                parts = _equal_parts(atom.text, lambda t: fits([Text(text=t)]))
                if len(parts) == 1:
                    pieces.append([atom])  # cannot be cut usefully
                    start += 1
                    continue
                atoms[start : start + 1] = [(Text(text=t), "characters") for t in parts]
                atoms[start + len(parts) - 1] = (Text(text=parts[-1]), _kind)
            else:
                # formatting around more text than fits: keep its text, drop the markup
                atoms[start : start + 1] = _atoms((Text(text=plain_text(atom) + " "),))
            continue
        end = start + size
        if end >= len(atoms):
            pieces.append([a for a, _b in atoms[start:]])
            break
        cut = _best_cut(atoms, start, end)
        if cut is None:
            # nowhere to cut inside (inlines glued without spaces): cut through them as text
            text = "".join(plain_text(a) for a, _b in atoms[start : end + 1])
            atoms[start : end + 1] = _atoms((Text(text=text),))
            if len(atoms[start : end + 1]) == 1 and not atoms[start][1]:
                atoms[start] = (atoms[start][0], "characters")
                pieces.append([atoms[start][0]])
                start += 1
            continue
        how = _finer(how, atoms[cut][1])
        pieces.append([a for a, _b in atoms[start : cut + 1]])
        start = cut + 1
    return pieces, how


def _inlines_of(atoms: Sequence[tuple[Inline, str]]) -> list[Inline]:
    return [atom for atom, _kind in atoms]


def _best_cut(atoms: list[tuple[Inline, str]], start: int, end: int) -> int | None:
    """Return the index of the atom after which to cut ``atoms[start:end]``, or None.

    The best kind of boundary (line, sentence, word, character) in the second half of the
    piece wins; failing that, the last boundary of any kind.
    """
    half = start + (end - start) // 2
    best: int | None = None
    for index in range(end - 1, start - 1, -1):
        kind = atoms[index][1]
        if not kind:
            continue
        if best is None:
            best = index
        if index >= half and _BOUNDARY_RANK[kind] < _BOUNDARY_RANK[atoms[best][1]]:
            best = index
        elif index < half and best is not None and best >= half:
            break
    return best


def _merged(atoms: Sequence[Inline]) -> tuple[Inline, ...]:
    """Return ``atoms`` with adjacent texts joined and the ends' whitespace trimmed.

    Each run of adjacent texts is joined once, into one Text: joining them pairwise
    copied the growing text at every word, and the pieces of a long paragraph are
    measured many times (:func:`_largest_fitting`), which made cutting a paragraph of
    megabytes take minutes."""
    out: list[Inline] = []
    texts: list[str] = []
    for atom in atoms:
        if isinstance(atom, Text):
            texts.append(atom.text)
            continue
        if texts:
            out.append(Text(text="".join(texts)))
            texts.clear()
        out.append(atom)
    if texts:
        out.append(Text(text="".join(texts)))
    if out and isinstance(out[0], Text):
        out[0] = Text(text=out[0].text.lstrip())
    if out and isinstance(out[-1], Text):
        out[-1] = Text(text=out[-1].text.rstrip())
    return tuple(a for a in out if not (isinstance(a, Text) and not a.text))


# --------------------------------------------------------------------------- packing


def _units(doc: Document, limit: _Limit, reserve: int) -> list[_Unit]:
    """Return the body as units: whole blocks, or pieces of blocks too large for one chunk."""
    units: list[_Unit] = []
    headings: list[tuple[int, str]] = []
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Recommendations):
            continue
        if isinstance(block, Heading):
            while headings and headings[-1][0] >= block.level:
                headings.pop()
            # (as the chunk's text prints it: a hand-built heading's control characters
            # dropped, its directional spans closed)
            heading = _SPACE.sub(" ", terminal_safe(plain_text(block))).strip()
            headings.append((block.level, heading))
        path = tuple(text for _level, text in headings)
        is_heading = isinstance(block, Heading)
        for piece, how in _cut(block, limit, reserve):
            units.append(_Unit(block=piece, index=index, path=path, split=how, heading=is_heading))
    return units


def _tail(text: str, size: int) -> str:
    """Return at most ``size`` trailing characters of ``text``, starting at a word start."""
    if size <= 0 or not text:
        return ""
    if len(text) <= size:
        return text.lstrip()
    tail = text[-size:]
    if not text[-size - 1].isspace():
        # drop the partial word at the front
        cut = re.search(r"\s", tail)
        tail = tail[cut.end() :] if cut else ""
    # Start at a word; keep the end verbatim so the copy is an exact suffix.
    return tail.lstrip()


def _token_tail(text: str, size: int, count: Callable[[str], int]) -> str:
    """Return the longest tail of ``text`` that starts at a word and has <= ``size`` tokens."""
    starts = [
        i for i in range(len(text)) if not text[i].isspace() and (i == 0 or text[i - 1].isspace())
    ]
    # Tails shrink as the start moves right; find the leftmost start that fits.
    low, high = 0, len(starts)  # answer in starts[low:high], high = none fits
    while low < high:
        middle = (low + high) // 2
        if count(text[starts[middle] :]) <= size:
            high = middle
        else:
            low = middle + 1
    return text[starts[low] :] if low < len(starts) else ""


def _check(
    max_chars: int | None,
    overlap: int,
    max_tokens: int | None,
    tokenizer: Any,
    measure: str,
    overlap_tokens: int,
) -> None:
    if max_chars is None and max_tokens is None:
        raise ValueError("give max_chars, max_tokens or both")
    if max_chars is not None and (not isinstance(max_chars, int) or max_chars < 1):
        raise ValueError(f"max_chars must be a positive int or None (got {max_chars!r})")
    if max_tokens is not None:
        if not isinstance(max_tokens, int) or max_tokens < 1:
            raise ValueError(f"max_tokens must be a positive int or None (got {max_tokens!r})")
        if tokenizer is None or not callable(tokenizer):
            raise ValueError("max_tokens needs a tokenizer: a callable str -> int or tokens")
    if not isinstance(overlap, int) or overlap < 0:
        raise ValueError(f"overlap must be an int >= 0 (got {overlap!r})")
    if max_chars is not None and overlap and overlap + len(_SEPARATOR) >= max_chars // 2:
        raise ValueError(
            f"overlap ({overlap}) must leave at least half of max_chars ({max_chars}) "
            "for the chunk's own text"
        )
    if measure not in ("text", "markdown"):
        raise ValueError(f"measure must be 'text' or 'markdown' (got {measure!r})")
    if not isinstance(overlap_tokens, int) or overlap_tokens < 0:
        raise ValueError(f"overlap_tokens must be an int >= 0 (got {overlap_tokens!r})")
    if overlap_tokens:
        if overlap:
            raise ValueError("give overlap (characters) or overlap_tokens, not both")
        if tokenizer is None or not callable(tokenizer):
            raise ValueError("overlap_tokens needs a tokenizer: a callable str -> int or tokens")
        if max_tokens is not None and overlap_tokens >= max_tokens // 2:
            raise ValueError(
                f"overlap_tokens ({overlap_tokens}) must leave at least half of max_tokens "
                f"({max_tokens}) for the chunk's own text"
            )


def chunk(
    doc: Document,
    *,
    max_chars: int | None = 2000,
    overlap: int = 0,
    max_tokens: int | None = None,
    tokenizer: Tokenizer | None = None,
    measure: Literal["text", "markdown"] = "text",
    overlap_tokens: int = 0,
) -> list[Chunk]:
    """Return the body of ``doc`` cut into chunks that fit the limit, in document order.

    ``max_chars`` and ``max_tokens`` (counted by ``tokenizer``) both apply when both are
    given; pass ``max_chars=None`` to limit tokens only. ``overlap`` is in characters,
    ``overlap_tokens`` in tokens of ``tokenizer`` (give one or the other).
    Raises ``ValueError`` for impossible arguments (no limit, an overlap as large as half
    the limit, ``max_tokens`` or ``overlap_tokens`` without a tokenizer).
    """
    require_document(doc, "chunk")
    _check(max_chars, overlap, max_tokens, tokenizer, measure, overlap_tokens)
    limit = _Limit(
        max_chars=max_chars,
        max_tokens=max_tokens,
        tokenizer=tokenizer,
        measure=measure,
        token_reserve=overlap_tokens,
    )
    # Cut blocks so that each piece leaves room for the overlap (characters only: the
    # token count of an overlap is known only once the previous chunk is).
    reserve = overlap + len(_SEPARATOR) if overlap else 0
    units = _units(doc, limit, reserve)

    groups: list[list[_Unit]] = []
    current: list[_Unit] = []
    for unit in units:
        if current:
            starts_section = (
                unit.heading
                and unit.index != current[-1].index
                and not all(u.heading for u in current)
            )
            if starts_section or not limit.fits(
                [u.block for u in (*current, unit)], reserve=reserve
            ):
                groups.append(current)
                current = []
        current.append(unit)
    if current:
        groups.append(current)
    groups = _carry_trailing_headings(groups, limit, reserve)

    chunks: list[Chunk] = []
    previous_text = previous_markdown = ""
    for group in groups:
        blocks = [u.block for u in group]
        own_text = _render_text(blocks)
        own_markdown = _render_markdown(blocks)
        if not own_text.strip():
            continue
        text, markdown, text_overlap, markdown_overlap = _with_overlap(
            own_text, own_markdown, previous_text, previous_markdown, overlap, overlap_tokens, limit
        )
        previous_text, previous_markdown = own_text, own_markdown
        measured = markdown if measure == "markdown" else text
        first_content = next((u for u in group if not u.heading), group[-1])
        split = None
        for unit in group:
            split = _finer(split, unit.split)
        chunks.append(
            Chunk(
                index=len(chunks),
                heading_path=first_content.path,
                markdown=markdown,
                text=text,
                char_count=len(text),
                token_count=limit.tokens(measured) if tokenizer is not None else None,
                url=doc.source.url,
                title=doc.title,
                block_start=group[0].index,
                block_end=group[-1].index + 1,
                split=split,
                text_overlap=text_overlap,
                markdown_overlap=markdown_overlap,
                source_name=doc.source.name,
            )
        )
    return chunks


def _carry_trailing_headings(
    groups: list[list[_Unit]], limit: _Limit, reserve: int
) -> list[list[_Unit]]:
    """Move headings that end a chunk to the start of the next one when they fit there."""
    for number in range(len(groups) - 1):
        group, following = groups[number], groups[number + 1]
        trailing = 0
        while trailing < len(group) - 1 and group[-1 - trailing].heading:
            trailing += 1
        if not trailing or following[0].heading:
            continue
        moved = group[-trailing:]
        if limit.fits([u.block for u in (*moved, *following)], reserve=reserve):
            groups[number] = group[:-trailing]
            groups[number + 1] = [*moved, *following]
    return [g for g in groups if g]


def _with_overlap(
    own_text: str,
    own_markdown: str,
    previous_text: str,
    previous_markdown: str,
    overlap: int,
    overlap_tokens: int,
    limit: _Limit,
) -> tuple[str, str, int, int]:
    """Return (text, markdown, text overlap, markdown overlap) with the previous tail added.

    The overlap shrinks (to nothing if need be) so that the measured field stays within
    the limit.
    """
    if not (overlap or overlap_tokens) or not previous_text:
        return own_text, own_markdown, 0, 0
    size = overlap or overlap_tokens
    while size > 0:
        if overlap_tokens:
            tail_text = _token_tail(previous_text, size, limit.tokens)
            tail_markdown = _token_tail(previous_markdown, size, limit.tokens)
        else:
            tail_text = _tail(previous_text, size)
            tail_markdown = _tail(previous_markdown, size)
        text = f"{tail_text}{_SEPARATOR}{own_text}" if tail_text else own_text
        markdown = f"{tail_markdown}{_SEPARATOR}{own_markdown}" if tail_markdown else own_markdown
        measured = markdown if limit.measure == "markdown" else text
        if limit.fits_text(measured):
            text_overlap = len(tail_text) + len(_SEPARATOR) if tail_text else 0
            markdown_overlap = len(tail_markdown) + len(_SEPARATOR) if tail_markdown else 0
            return text, markdown, text_overlap, markdown_overlap
        size = size * 2 // 3 if size > 8 else 0
    return own_text, own_markdown, 0, 0


def own_texts(chunks: Iterable[Chunk]) -> list[str]:
    """Return each chunk's own text (its overlap with the previous chunk removed)."""
    return [piece.text[piece.text_overlap :] for piece in chunks]
