"""Tests for articlekit.chunk: cutting a Document into retrieval chunks."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence

import pytest

from articlekit.chunk import Chunk, chunk, chunk_to_dict, own_texts
from articlekit.model import (
    Block,
    CodeBlock,
    Document,
    Emphasis,
    Heading,
    Image,
    Inline,
    Link,
    List,
    ListItem,
    Paragraph,
    Quote,
    Recommendation,
    Recommendations,
    SourceInfo,
    Table,
    TableCell,
    TableRow,
    Text,
    plain_text,
)
from articlekit.serialise.text import blocks_to_text

# List and quote markers a cut list item or quote repeats on each piece ("- ", "12. ", "> ").
_MARKER = re.compile(r"-|>|\d{1,9}\.")


def normalise(text: str) -> str:
    """Return ``text`` without whitespace and without list/quote marker tokens.

    This is the equality under which re-joined chunks give back the body: chunking may
    change line breaks and spacing (a paragraph cut at sentences), and a list item or
    quote cut in pieces repeats its marker; nothing else may change.
    """
    return "".join(token for token in text.split() if not _MARKER.fullmatch(token))


def para(text: str) -> Paragraph:
    return Paragraph(content=(Text(text=text),))


def heading(level: int, text: str) -> Heading:
    return Heading(level=level, content=(Text(text=text),))


def doc_of(*blocks: Block, url: str | None = "https://example.org/a") -> Document:
    return Document(title="A title", blocks=blocks, source=SourceInfo(url=url))


def path_at(doc: Document) -> list[tuple[str, ...]]:
    """Return the heading path in effect at each of ``doc.blocks``."""
    stack: list[tuple[int, str]] = []
    out = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            stack.append((block.level, " ".join(plain_text(block).split())))
        out.append(tuple(text for _level, text in stack))
    return out


# --------------------------------------------------------------------------- properties


def check_limit_order_and_paths(doc: Document, max_chars: int) -> None:
    """Re-joined chunks give back the body, in order; every chunk is within the limit unless
    one block alone exceeds it; heading paths follow the headings."""
    chunks = chunk(doc, max_chars=max_chars)
    assert normalise("\n".join(c.text for c in chunks)) == normalise(blocks_to_text(doc.blocks))
    assert all(c.text_overlap == 0 and c.markdown_overlap == 0 for c in chunks)
    paths = path_at(doc)
    previous_end = 0
    for number, piece in enumerate(chunks):
        assert piece.char_count == len(piece.text)
        if piece.char_count > max_chars:
            assert piece.block_end - piece.block_start == 1
            assert len(blocks_to_text([doc.blocks[piece.block_start]])) > max_chars
        assert piece.index == number
        assert piece.block_start >= previous_end - 1  # pieces of one block share it
        assert piece.block_start < piece.block_end
        previous_end = piece.block_end
        assert piece.heading_path == paths[piece.block_end - 1]
        # a heading never follows body content inside one chunk
        inside = doc.blocks[piece.block_start : piece.block_end]
        kinds = [isinstance(b, Heading) for b in inside if not isinstance(b, Recommendations)]
        assert kinds == sorted(kinds, reverse=True)


def check_overlap(doc: Document, max_chars: int, overlap: int) -> None:
    """With overlap, the chunks' own texts re-joined give back the body; each overlap is an
    exact suffix of the previous chunk's own text, at most ``overlap`` characters."""
    chunks = chunk(doc, max_chars=max_chars, overlap=overlap)
    assert normalise("\n".join(own_texts(chunks))) == normalise(blocks_to_text(doc.blocks))
    for before, after in itertools.pairwise(chunks):
        copied = after.text[: after.text_overlap]
        if copied:
            assert copied.endswith("\n\n")
            assert len(copied) - 2 <= overlap
            assert before.text[before.text_overlap :].endswith(copied[:-2])
        if after.char_count > max_chars:
            assert after.text_overlap == 0 and after.block_end - after.block_start == 1


def check_tokens(doc: Document, max_tokens: int) -> None:
    """A token limit counted by a callable works like the character limit, and so does a
    token overlap."""
    chunks = chunk(doc, max_chars=None, max_tokens=max_tokens, tokenizer=str.split)
    assert normalise("\n".join(c.text for c in chunks)) == normalise(blocks_to_text(doc.blocks))
    for piece in chunks:
        assert piece.token_count == len(piece.text.split())
        if piece.token_count > max_tokens:
            assert piece.block_end - piece.block_start == 1
    overlap = max(1, max_tokens // 4)
    chunks = chunk(
        doc, max_chars=None, max_tokens=max_tokens, tokenizer=str.split, overlap_tokens=overlap
    )
    assert normalise("\n".join(own_texts(chunks))) == normalise(blocks_to_text(doc.blocks))
    for before, after in itertools.pairwise(chunks):
        copied = after.text[: after.text_overlap]
        if copied:
            assert len(copied.split()) <= overlap
            assert before.text[before.text_overlap :].endswith(copied[:-2])
        if after.token_count is not None and after.token_count > max_tokens:
            assert after.text_overlap == 0 and after.block_end - after.block_start == 1


# The three properties run together on generated documents (generating them is the costly
# part), in tests/test_document_properties.py with the model, text and Markdown properties.
def check_chunk_properties(doc: Document, max_chars: int, overlap: int, max_tokens: int) -> None:
    """Limits, order, heading paths, overlap and token counts of ``chunk(doc, ...)``."""
    check_limit_order_and_paths(doc, max_chars)
    check_limit_order_and_paths(doc, max_chars // 2 + 20)  # small limits cut inside blocks
    check_overlap(doc, max_chars, overlap)
    check_tokens(doc, max_tokens)


# --------------------------------------------------------------------------- examples


def test_heading_path_and_document_fields() -> None:
    doc = doc_of(
        heading(1, "Study"),
        para("Intro text."),
        heading(2, "Results"),
        heading(3, "Method"),
        para("We measured things."),
        heading(2, "Discussion"),
        para("It went well."),
    )
    chunks = chunk(doc, max_chars=500)
    assert [c.heading_path for c in chunks] == [
        ("Study",),
        ("Study", "Results", "Method"),
        ("Study", "Discussion"),
    ]
    assert chunks[1].text == "Results\n\nMethod\n\nWe measured things."
    assert chunks[1].markdown == "## Results\n\n### Method\n\nWe measured things."
    assert (chunks[1].block_start, chunks[1].block_end) == (2, 5)
    assert all(c.url == "https://example.org/a" and c.title == "A title" for c in chunks)
    assert all(c.split is None and c.token_count is None for c in chunks)


def test_heading_path_reads_as_the_chunk_text_prints_the_heading() -> None:
    # a hand-built heading with a terminal escape, a tab and an open right-to-left override
    doc = doc_of(heading(2, "Re\x1b[2Jsults\tnow \u202eexe.txt"), para("Body."))
    (piece,) = chunk(doc, max_chars=500)
    assert piece.heading_path == ("Re[2Jsults now \u202eexe.txt\u202c",)
    assert piece.text.startswith("Re[2Jsults")
    assert "\\u001b" not in json.dumps(chunk_to_dict(piece))  # (JSON writes ESC so)


def test_blocks_are_packed_until_the_limit() -> None:
    doc = doc_of(*(para(f"Sentence number {n} is here.") for n in range(10)))
    chunks = chunk(doc, max_chars=100)
    assert len(chunks) > 1
    assert all(c.char_count <= 100 for c in chunks)
    # whole paragraphs only
    assert all(c.split is None for c in chunks)
    assert "\n\n".join(c.text for c in chunks) == blocks_to_text(doc.blocks).rstrip("\n")


def test_recommendations_are_left_out() -> None:
    recs = Recommendations(title="Also read", items=(Recommendation(title="Other story"),))
    doc = doc_of(para("Body text."), recs, para("More body."))
    chunks = chunk(doc)
    assert len(chunks) == 1
    assert "Other story" not in chunks[0].text and "Other story" not in chunks[0].markdown
    assert (chunks[0].block_start, chunks[0].block_end) == (0, 3)


def test_table_is_kept_whole_when_it_fits_and_cut_at_rows_when_not() -> None:
    rows = [TableRow(cells=(TableCell(content=(Text(text="Name"),), header=True),))]
    rows += [TableRow(cells=(TableCell(content=(Text(text=f"row {n:02d}"),)),)) for n in range(30)]
    table = Table(rows=rows, header_rows=1)
    whole = chunk(doc_of(para("Before."), table), max_chars=1000)
    assert len(whole) == 1 and whole[0].split is None

    pieces = chunk(doc_of(table), max_chars=60)
    assert len(pieces) > 1
    assert {p.split for p in pieces} == {"rows"}
    assert all(p.char_count <= 60 for p in pieces)
    assert pieces[0].markdown.startswith("| Name |\n| --- |")
    assert normalise(" ".join(p.text for p in pieces)) == normalise(blocks_to_text([table]))


def test_ordered_list_is_cut_between_items_and_keeps_numbering() -> None:
    items = [ListItem(blocks=(para(f"Item text number {n}."),)) for n in range(12)]
    doc = doc_of(List(ordered=True, start=3, items=items))
    pieces = chunk(doc, max_chars=80)
    assert len(pieces) > 1 and {p.split for p in pieces} == {"items"}
    assert pieces[0].text.startswith("3. Item text number 0.")
    assert pieces[1].text.startswith(f"{3 + pieces[0].text.count(chr(10)) + 1}. ")


def test_long_list_item_is_cut_inside_and_repeats_its_marker() -> None:
    long_item = ListItem(blocks=(para("word " * 60),))
    pieces = chunk(doc_of(List(items=(long_item,))), max_chars=80)
    assert len(pieces) > 1
    assert all(p.text.startswith("- word") for p in pieces)
    assert all(p.char_count <= 80 for p in pieces)


def test_code_block_is_cut_between_lines() -> None:
    code = "\n".join(f"line_{n} = {n}" for n in range(40))
    pieces = chunk(doc_of(CodeBlock(code=code, language="python")), max_chars=100)
    assert len(pieces) > 1 and {p.split for p in pieces} == {"lines"}
    assert all(p.markdown.startswith("```python\n") for p in pieces)
    assert "\n".join(p.text for p in pieces) == code


def test_paragraph_is_cut_at_sentences_then_words_then_characters() -> None:
    sentences = " ".join(f"This is sentence {n} of a long paragraph." for n in range(20))
    pieces = chunk(doc_of(para(sentences)), max_chars=90)
    assert {p.split for p in pieces} == {"sentences"}
    assert all(p.text.endswith("paragraph.") for p in pieces)

    words = " ".join(["alpha"] * 100)
    pieces = chunk(doc_of(para(words)), max_chars=60)
    assert {p.split for p in pieces} == {"words"}

    token = "x" * 250
    pieces = chunk(doc_of(para(token)), max_chars=100)
    assert [p.split for p in pieces] == ["characters"] * 3
    assert [p.char_count for p in pieces] == [84, 84, 82]
    assert "".join(p.text for p in pieces) == token


def test_cut_paragraph_keeps_links_and_emphasis() -> None:
    content: list[Inline] = []
    for n in range(30):
        content += [
            Text(text=f"Sentence {n} cites "),
            Link(url=f"https://example.org/{n}", content=(Text(text="a source"),)),
            Text(text=" and "),
            Emphasis(content=(Text(text="stresses"),)),
            Text(text=" a point. "),
        ]
    pieces = chunk(doc_of(Paragraph(content=content)), max_chars=200, measure="markdown")
    assert len(pieces) > 1 and {p.split for p in pieces} == {"sentences"}
    assert all(len(p.markdown) <= 200 for p in pieces)
    assert all(
        "](https://example.org/" in p.markdown and "*stresses*" in p.markdown for p in pieces
    )
    assert all(p.text.startswith("Sentence ") and p.text.endswith("a point.") for p in pieces)


def test_quote_is_cut_between_its_blocks() -> None:
    quote = Quote(blocks=tuple(para(f"Quoted paragraph {n} with some words.") for n in range(8)))
    pieces = chunk(doc_of(quote), max_chars=100)
    assert len(pieces) > 1 and {p.split for p in pieces} == {"blocks"}
    assert all(p.text.startswith("> ") and p.markdown.startswith("> ") for p in pieces)


def test_overlap_copies_the_tail_of_the_previous_chunk() -> None:
    doc = doc_of(*(para(f"Paragraph {n} says something useful here.") for n in range(6)))
    chunks = chunk(doc, max_chars=120, overlap=30)
    assert chunks[0].text_overlap == 0
    second = chunks[1]
    assert second.text_overlap > 0
    copied = second.text[: second.text_overlap - 2]
    assert chunks[0].text.endswith(copied)
    assert len(copied) <= 30 and not copied.startswith(" ")
    assert copied.split()[0] in chunks[0].text.split()  # starts at a whole word
    assert all(c.char_count <= 120 for c in chunks)


def test_max_tokens_counts_with_the_given_tokenizer() -> None:
    doc = doc_of(*(para("one two three four five") for _ in range(6)))
    by_count = chunk(doc, max_chars=None, max_tokens=12, tokenizer=lambda s: len(s.split()))
    by_list = chunk(doc, max_chars=None, max_tokens=12, tokenizer=str.split)
    assert [c.text for c in by_count] == [c.text for c in by_list]
    assert [c.token_count for c in by_list] == [10, 10, 10]
    both = chunk(doc, max_chars=40, max_tokens=12, tokenizer=str.split)
    assert all(c.char_count <= 40 for c in both)
    assert len(both) == 6


def test_overlap_in_tokens() -> None:
    doc = doc_of(*(para(f"Paragraph {n} says something useful here.") for n in range(6)))
    chunks = chunk(doc, max_chars=None, max_tokens=14, tokenizer=str.split, overlap_tokens=3)
    assert len(chunks) > 1
    assert all(c.token_count is not None and c.token_count <= 14 for c in chunks)
    for before, after in itertools.pairwise(chunks):
        copied = after.text[: after.text_overlap - 2]
        assert copied.split() == before.text.split()[-3:]


def test_markdown_can_be_the_measured_field() -> None:
    link = Link(url="https://example.org/" + "x" * 40, content=(Text(text="link"),))
    link_para = Paragraph(content=(Text(text="See the docs. "), link))
    doc = doc_of(*([link_para] * 4))
    by_text = chunk(doc, max_chars=100)
    by_markdown = chunk(doc, max_chars=100, measure="markdown")
    assert len(by_markdown) > len(by_text)
    assert all(len(c.markdown) <= 100 for c in by_markdown)


def test_empty_body_gives_no_chunks() -> None:
    assert chunk(Document()) == []
    recs = Recommendations(items=(Recommendation(title="Only a widget"),))
    assert chunk(doc_of(recs)) == []


def test_chunk_to_dict_is_json_ready() -> None:
    piece = chunk(doc_of(heading(2, "Part"), para("Body.")), max_chars=100)[0]
    data = chunk_to_dict(piece)
    assert json.loads(json.dumps(data)) == data
    assert data["heading_path"] == ["Part"]
    assert set(data) == {f.name for f in Chunk.__attrs_attrs__}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_chars": 0}, "max_chars"),
        ({"max_chars": None}, "give max_chars, max_tokens"),
        ({"max_tokens": 10}, "tokenizer"),
        ({"max_chars": 100, "overlap": 60}, "overlap"),
        ({"overlap": -1}, "overlap"),
        ({"measure": "html"}, "measure"),
        ({"overlap_tokens": 2}, "tokenizer"),
        ({"overlap": 5, "overlap_tokens": 2, "tokenizer": str.split}, "not both"),
        ({"max_tokens": 10, "tokenizer": str.split, "overlap_tokens": 5}, "overlap_tokens"),
    ],
)
def test_impossible_arguments_are_rejected(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        chunk(doc_of(para("x")), **kwargs)  # type: ignore[arg-type]


def test_tokenizer_with_a_bad_result_is_reported() -> None:
    with pytest.raises(TypeError, match="tokenizer must return"):
        chunk(doc_of(para("x y")), max_tokens=5, tokenizer=lambda s: 1.5)  # type: ignore[arg-type,return-value]


def test_a_cut_beside_a_repeated_alt_text_prints_it_once() -> None:
    # to_text prints a picture's alt text once when the text beside it repeats it (a
    # shop tile: the product's name, then its picture); a paragraph cut into pieces,
    # through the link around both too, must not print it again
    tile = (
        Text(text="Our pick this week is here. "),
        Link(
            url="https://example.org/p",
            content=(
                Text(text="Crisp and quick to make, we liked them a lot: Kidfresh Fish Sticks"),
                Image(src="https://example.org/p.jpg", alt="Kidfresh Fish Sticks"),
            ),
        ),
        Text(text=" cost little and taste good. " * 3),
    )
    doc = doc_of(Paragraph(content=tile))
    whole = normalise(blocks_to_text(doc.blocks))
    assert whole.count("Kidfresh") == 1
    for max_chars in range(40, 240, 3):
        pieces = chunk(doc, max_chars=max_chars)
        assert normalise("\n".join(c.text for c in pieces)) == whole, max_chars


def test_cutting_a_long_paragraph_builds_each_piece_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # the pieces of a paragraph are measured many times while the cut is searched for;
    # joining a piece's words pairwise made a Text per word per measure (a 2 MB paragraph
    # took 19 s), joining each run once makes about one Text per word in all
    words = 20000
    doc = Document(
        title="T", blocks=(Paragraph(content=(Text(text="word " * words),)),), source=SourceInfo()
    )
    made = [0]
    original = Text.__init__

    def counting(self: Text, *args: object, **kwargs: object) -> None:
        made[0] += 1
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Text, "__init__", counting)
    chunks = chunk(doc, max_chars=2000)
    assert made[0] < 2 * words
    assert len(chunks) == 50
    assert " ".join(c.text for c in chunks) == ("word " * words).strip()


def test_a_deep_chain_of_quotes_is_measured_a_few_times_not_once_per_level(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a quote of a quote of ... too deep to fit was rewrapped and measured once per level,
    # each measure a walk of every level (1,600 levels: 34 s; 5,000: hours); wrapped back,
    # each level is the same block, so it is measured again only at the bottom
    from articlekit.chunk import _Limit

    depth = 1500
    inner: Block = Paragraph(content=(Text(text="deep"),))
    for _ in range(depth):
        inner = Quote(blocks=(inner,))
    listed: Block = Paragraph(content=(Text(text="item"),))
    for _ in range(depth):
        listed = List(ordered=False, items=(ListItem(blocks=(listed,)),))
    doc = Document(title="T", blocks=(inner, listed), source=SourceInfo())
    measured = [0]
    original = _Limit.render

    def counting(self: object, blocks: Sequence[Block]) -> str:
        measured[0] += 1
        return original(self, blocks)  # type: ignore[arg-type]

    monkeypatch.setattr(_Limit, "render", counting)
    chunks = chunk(doc, max_chars=2000)
    assert measured[0] < 50
    assert [c.text.split()[-1] for c in chunks] == ["deep", "item"]  # one piece each
