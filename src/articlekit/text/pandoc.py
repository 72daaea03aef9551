"""Pandoc's own Markdown: fenced divs and attribute blocks, read as the Markdown they wrap.

``pandoc --to markdown`` keeps what it cannot say in Markdown as extensions: a ``<div>``
becomes a fenced div (``::: {#content .article}`` ... ``:::``), and ids, classes and other
attributes follow a heading (``## Results {#results}``), a link or an image
(``![](a.png){width="50%"}``), a span (``[Breaking]{.kicker}``) or a code fence's opening
(`````` ``` {.python} `````` / ``{data-lang="javascript"}``). None of it is text: read as
text, the fences glue onto the paragraphs next to them, and every heading ends in its id.

:func:`without_pandoc_markup` blanks the fence lines and removes the attribute blocks, so
that the Markdown reader sees plain Markdown; a code fence keeps its language.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from articlekit.text.lines import Lines, blanked

__all__ = ["has_pandoc_markup", "strip_attributes", "without_pandoc_markup"]

# One attribute: "#id", ".class", key=value or key="value".
_ATTRIBUTE: Final = r'(?:[#.][^\s{}]+|[\w:-]+=(?:"[^"]*"|[^\s{}"]*))'
_ATTRIBUTES: Final = rf"\{{\s*{_ATTRIBUTE}(?:\s+{_ATTRIBUTE})*\s*\}}"
# A fenced div's opening (three or more colons, then attributes or one class name) or its
# closing (colons alone).
_FENCED_DIV: Final = re.compile(rf"^:{{3,}}(?:\s*(?:{_ATTRIBUTES}|[\w-]+)(?:\s*:{{3,}})?)?$")
# Attributes after a link, an image or inline code, or ending a heading.
_INLINE_ATTRIBUTES: Final = re.compile(rf"(?<=[\])`]){_ATTRIBUTES}")
_HEADING_ATTRIBUTES: Final = re.compile(rf"^(#{{1,6}}\s.*?)\s+{_ATTRIBUTES}$")
# A bracketed span: "[Breaking]{.kicker}" is the words "Breaking" (a link has "(url)" after
# its brackets, not braces).
_SPAN: Final = re.compile(rf"(?<!!)\[([^\[\]]*)\]{_ATTRIBUTES}")
# A code fence's opening with attributes: "``` {.python .numberLines}".
_FENCE_ATTRIBUTES: Final = re.compile(rf"^(`{{3,}}|~{{3,}})\s*({_ATTRIBUTES})$")
_LANGUAGE: Final = re.compile(r'(?:^|\s)(?:\.|(?:data-)?lang(?:uage)?="?)([\w+#-]+)')
# A text shows pandoc's extensions when this many lines carry them: one stray ":::" or
# "{...}" in a plain text is not enough.
MIN_PANDOC_LINES: Final = 2


def _is_fence(text: str) -> bool:
    return text.startswith(":::") and _FENCED_DIV.match(text) is not None


def has_pandoc_markup(lines: Lines) -> bool:
    """Return True when at least ``MIN_PANDOC_LINES`` lines are fenced-div fences or carry
    an attribute block."""
    found = 0
    for text in lines.text:
        if ("{" in text and _has_attributes(text)) or _is_fence(text):
            found += 1
            if found >= MIN_PANDOC_LINES:
                return True
    return False


def _has_attributes(text: str) -> bool:
    return (
        _INLINE_ATTRIBUTES.search(text) is not None
        or _HEADING_ATTRIBUTES.match(text) is not None
        or _FENCE_ATTRIBUTES.match(text) is not None
    )


def _fence_language(match: re.Match[str]) -> str:
    language = _LANGUAGE.search(match.group(2)[1:-1])
    return match.group(1) + (language.group(1) if language else "")


def strip_attributes(text: str) -> str:
    """Return a line of pandoc Markdown without its attribute blocks; a span's words stay
    and a code fence's opening keeps the language its attributes name."""
    if "{" not in text:
        return text
    fence = _FENCE_ATTRIBUTES.match(text)
    if fence is not None:
        return _fence_language(fence)
    heading = _HEADING_ATTRIBUTES.match(text)
    if heading is not None:
        text = heading.group(1)
    text = _SPAN.sub(r"\1", text)
    return _INLINE_ATTRIBUTES.sub("", text)


def without_pandoc_markup(lines: Lines) -> Lines:
    """Return ``lines`` with fenced-div fences blank and attribute blocks removed (line
    numbers kept), or ``lines`` itself when it shows no pandoc extension."""
    if not has_pandoc_markup(lines):
        return lines
    text = [strip_attributes(line).strip() for line in lines.text]
    # a fence, or a line that held nothing but attributes (an empty anchor "[]{#top}")
    gone = [i for i, line in enumerate(lines.text) if line and (not text[i] or _is_fence(line))]
    return blanked(attrs.evolve(lines, text=tuple(text)), gone)
