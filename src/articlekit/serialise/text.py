"""Plain text from a Document: the article body as a reader would copy it.

What comes out (``docs/plain-text.md`` has the details):

* only the body: no title, no metadata, no recommendation blocks (wherever they stand);
* blocks separated by one blank line; headings as their text;
* list items as ``- item`` or ``1. item`` (ordered lists count from ``start``), nested items and
  an item's further paragraphs indented to the item's text;
* quotes prefixed with ``> `` (``> > `` when nested); code verbatim, without fences;
* table rows one per line, cells separated by `` | `` (caption first, when there is one);
* figures as their caption, or their alt text when there is no caption; rules left out;
* links as their text, images as their alt text (not a file name), line breaks as newlines.

The result ends in exactly one newline, or is empty. Output is deterministic, and the walk is
iterative so arbitrarily deep documents cannot raise ``RecursionError``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from articlekit._chars import balance_bidi, replace_controls, replace_surrogates, terminal_safe
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
    Paragraph,
    Recommendations,
    Table,
    Text,
    require_document,
)
from articlekit.serialise.markdown import layout_blocks, table_grid

__all__ = [
    "CELL_SEPARATOR",
    "blocks_to_text",
    "inline_lines",
    "repeated_alt_images",
    "repeats_beside",
    "to_text",
]

#: Between the cells of a table row. A tab would align in terminals but vanishes when the
#: text is pasted or re-wrapped; " | " survives both and reads as a column boundary.
CELL_SEPARATOR: Final = " | "

_LINE_END_CHARS = re.compile(r"\r\n|[\r\n]")
# An alt text that is the picture's file name or path ("/images/logo.png", "IMG_0042.JPG"):
# a template's stand-in for a description, which says nothing to a reader.
_FILE_NAME_ALT: Final = re.compile(
    r"\s*[^\s?#]+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)(?:[?#]\S*)?\s*", re.IGNORECASE
)


def alt_text(image: Image) -> str:
    """Return the text an image gives: its alt text, none when that is a file name
    (:data:`_FILE_NAME_ALT`)."""
    alt = image.alt
    if "." in alt and _FILE_NAME_ALT.fullmatch(alt):
        return ""
    return alt


def _unbroken(text: str) -> str:
    """Return ``text`` with each line end (CRLF, CR or LF) made one space.

    Most texts have none (HTML text is whitespace-collapsed): two ``in`` tests, made in C,
    spare them the regex pass over every character.
    """
    if "\n" in text or "\r" in text:
        return _LINE_END_CHARS.sub(" ", text)
    return text


def _piece(text: str) -> str:
    """Return ``text``, one run of a line, with line ends as spaces (:func:`_unbroken`)
    and without a character a terminal acts on: control characters dropped (those Python
    counts as white space made a space), lone surrogates as U+FFFD, as the parsers read
    text (``docs/model.md``). A parsed Document holds none: a hand-built one may."""
    text = _unbroken(text)
    if text.isprintable():  # (a C scan)
        return text
    return replace_surrogates(replace_controls(text))


def _line(text: str) -> str:
    """Return one printed line with its directional spans closed on it
    (:func:`~articlekit._chars.balance_bidi`): a right-to-left override in one line does
    not turn the lines after it around."""
    return text if text.isprintable() else balance_bidi(text)


def inline_lines(inlines: Iterable[Inline]) -> list[str]:
    """Return the text of ``inlines`` split at line breaks, each line stripped, no blank ends.

    Links give their text, images their alt text (none when it is a file name:
    :func:`alt_text`), code its code; newlines inside text
    become spaces, so only a LineBreak starts a new line. An image's alt text that the
    text beside it repeats is left out (:func:`repeats_beside`).
    """
    if type(inlines) is tuple and len(inlines) == 1 and type(inlines[0]) is Text:
        # (most paragraphs: one run of text, one line, no image)
        only = _line(_piece(inlines[0].text).strip())
        return [only] if only else []
    lines, alts = _lines_and_alts(inlines)
    for line, part, _image in reversed(alts):
        if repeats_beside(lines[line], part):
            lines[line][part] = ""
    out = [_line("".join(parts).strip()) for parts in lines]
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return out


def repeated_alt_images(inlines: Iterable[Inline]) -> list[Image]:
    """Return the images of ``inlines`` whose alt text :func:`inline_lines` leaves out,
    because the text beside it repeats it (:func:`repeats_beside`): for a reader that
    cuts the inlines apart (:mod:`articlekit.chunk`) and must print what the whole
    line prints."""
    lines, alts = _lines_and_alts(inlines)
    return [image for line, part, image in alts if repeats_beside(lines[line], part)]


def _lines_and_alts(
    inlines: Iterable[Inline],
) -> tuple[list[list[str]], list[tuple[int, int, Image]]]:
    """Return the text parts of ``inlines``, line by line, and (line, part, image) for
    each image with an alt text."""
    lines: list[list[str]] = [[]]
    alts: list[tuple[int, int, Image]] = []
    # (a ``for`` loop reads one level's inlines and hands the rest of the level back to
    # the stack under a nested one's content, as ``model._inline_text`` does)
    stack: list[Iterator[Inline]] = [iter(inlines)]
    while stack:
        level = stack.pop()
        for node in level:
            if isinstance(node, Text):
                lines[-1].append(_piece(node.text))
            elif isinstance(node, Code):
                lines[-1].append(_piece(node.code))
            elif isinstance(node, Image):
                alt = alt_text(node)
                if alt.strip():
                    alts.append((len(lines) - 1, len(lines[-1]), node))
                lines[-1].append(_piece(alt))
            elif isinstance(node, LineBreak):
                lines.append([])
            elif node is None:  # (the end of the level, as ``next(level, None)`` read it)
                break
            else:
                stack.append(level)  # the rest of this level, after the nested content
                stack.append(iter(node.content))
                break
    return lines, alts


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def repeats_beside(parts: list[str], index: int) -> bool:
    """Return True when the picture's alt text ``parts[index]`` is what the text right
    after it or right before it on the line says: a product's or a person's name printed
    under its picture (a shop's tile, ``<a><img alt="Kidfresh Fish Sticks - 8.45oz"></a>
    <span>Kidfresh Fish Sticks - 8.45oz</span>``), which the text would say twice."""
    alt = _folded(parts[index])
    if not alt:
        return False
    after = _folded("".join(parts[index + 1 :]))
    if after.startswith(alt) and not after[len(alt) : len(alt) + 1].isalnum():
        return True
    before = _folded("".join(parts[:index]))
    return before.endswith(alt) and not before[-len(alt) - 1 : -len(alt)].isalnum()


def _one_line(inlines: Iterable[Inline]) -> str:
    return " ".join(line for line in inline_lines(inlines) if line)


def _code_lines(block: CodeBlock) -> list[str]:
    code = _LINE_END_CHARS.sub("\n", block.code)
    if code.endswith("\n"):
        code = code[:-1]
    lines = [terminal_safe(line) for line in code.split("\n")]
    return lines if any(line.strip() for line in lines) else []


def _table_lines(table: Table) -> list[str]:
    """Return the caption and a line per row; the cells are laid out on the grid the
    Markdown table uses (``table_grid``: a ``colspan`` is followed by empty cells, a
    ``rowspan`` leaves its column empty in the rows below), so each cell stays in its
    column; the places spans cover at a row's end are left off."""
    caption = _one_line(table.caption)
    lines = [caption] if caption else []
    # a cell of the table's own is never "": the places spans cover are (and go at the end)
    for cells in table_grid(table, lambda cell: _one_line(cell.content) or _EMPTY_CELL):
        while cells and not cells[-1]:
            cells.pop()
        texts = ["" if cell == _EMPTY_CELL else cell for cell in cells]
        if any(texts):  # a row of empty cells says nothing in plain text
            lines.append(CELL_SEPARATOR.join(texts))
    return lines


# Stands for an empty cell of the table while it is laid out (no text holds it: control
# characters are dropped from cell text).
_EMPTY_CELL: Final = "\x00"


def _figure_lines(figure: Figure) -> list[str]:
    caption = inline_lines(figure.caption)
    if caption:
        return caption
    alt = _line(_piece(alt_text(figure.image)).strip())
    return [alt] if alt else []


def _text_leaf(block: Block, _previous: str | None) -> tuple[list[list[str]], str | None]:
    lines: list[str] = []
    if isinstance(block, Heading):
        line = _one_line(block.content)
        lines = [line] if line else []
    elif isinstance(block, Paragraph):
        lines = inline_lines(block.content)
    elif isinstance(block, CodeBlock):
        lines = _code_lines(block)
    elif isinstance(block, Table):
        lines = _table_lines(block)
    elif isinstance(block, Figure):
        lines = _figure_lines(block)
    # Rule: nothing; a blank line already separates the blocks around it.
    return [lines], None


def _text_list_markers(block: List, _previous: str | None) -> tuple[list[str], str | None]:
    if block.ordered:
        return [f"{block.start + i}." for i in range(len(block.items))], None
    return ["-"] * len(block.items), None


def _is_recommendations(block: Block) -> bool:
    return isinstance(block, Recommendations)


def _is_recommendations_or_figure(block: Block) -> bool:
    return isinstance(block, (Recommendations, Figure))


def blocks_to_text(blocks: Iterable[Block], *, figures: bool = True) -> str:
    """Return the plain text of ``blocks``, ending in one newline ("" when nothing shows).

    Figures show as their caption (or alt text) unless ``figures=False``.
    """
    skip = _is_recommendations if figures else _is_recommendations_or_figure
    lines = layout_blocks(blocks, _text_leaf, _text_list_markers, skip=skip)
    return "\n".join(lines) + "\n" if lines else ""


def to_text(doc: Document, *, figures: bool = False) -> str:
    """Return the article body of ``doc`` as plain text, ending in one newline (or "").

    No title, metadata or recommendation blocks: the prose a reader would copy as the
    article. Figure captions and credits ("Photo: ...") are media, not prose, and are left
    out unless ``figures=True`` (as other extractors' text output does); they stay in the
    JSON and Markdown output.
    """
    require_document(doc, "to_text")
    return blocks_to_text(doc.blocks, figures=figures)
