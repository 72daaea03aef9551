"""Link reference definitions in Markdown: ``[label]: url "title"``.

A scraper's Markdown may write its links reference-style (html2text with
``inline_links=False``, markdownify's ``reference`` style, hand-written READMEs)::

    Read the [release notes][1] and look at ![the chart][chart].

    [1]: https://example.com/notes
    [chart]: https://example.com/chart.png "Downloads per month"

A definition is a line of its own (at most three columns in, outside fenced code) that
opens a block: after a blank line, another definition or at the text's start (CommonMark:
a definition cannot interrupt a paragraph). Its lines are no text of the article; its
label, matched case-insensitively with white space collapsed, resolves ``[text][label]``,
``[text][]`` and ``![alt][label]`` (:func:`articlekit.text.inline.parse_inlines`). The
first definition of a label wins. A footnote's definition (``[^1]: text``) is no link.

One pass over the lines, one anchored match per line that opens with ``[``.
"""

from __future__ import annotations

import re
from typing import Final

from articlekit.text.inline import LinkTarget, decode_references, reference_label
from articlekit.text.lines import Lines

__all__ = ["MAX_DEFINITION_INDENT", "link_definitions"]

#: A definition stands at most this many columns in (four is indented code).
MAX_DEFINITION_INDENT = 3
_DEFINITION: Final = re.compile(
    r"\[(?P<label>[^\[\]\n^][^\[\]\n]{0,199})\]:[ \t]*"
    r"(?:<(?P<angle>[^<>\n]{0,2000})>|(?P<url>[^\s<>]{1,2000}))"
    r"(?:[ \t]+(?:\"(?P<t>[^\"\n]{0,300})\"|'(?P<q>[^'\n]{0,300})'|\((?P<p>[^()\n]{0,300})\)))?"
    r"[ \t]*"
)
_FENCE: Final = re.compile(r"(`{3,}|~{3,})")


def link_definitions(lines: Lines) -> tuple[dict[str, LinkTarget], list[int]]:
    """Return the link reference definitions of Markdown ``lines`` by label, and the
    indexes of the lines they stand on."""
    refs: dict[str, LinkTarget] = {}
    taken: list[int] = []
    fence = ""
    after_block_end = True  # at the start, after a blank line or a definition
    for i, text in enumerate(lines.text):
        if lines.blank[i]:
            after_block_end = True
            continue
        if fence:
            if text.startswith(fence) and not text.strip("`~ \t"):
                fence = ""
            after_block_end = False
            continue
        opened = _FENCE.match(text) if text[0] in "`~" else None
        if opened is not None:
            fence = opened.group(1)
            after_block_end = False
            continue
        match = (
            _DEFINITION.fullmatch(text)
            if after_block_end and text[0] == "[" and lines.indent[i] <= MAX_DEFINITION_INDENT
            else None
        )
        if match is None:
            after_block_end = False
            continue
        label = reference_label(match.group("label"))
        url = match.group("angle")
        if url is None:
            url = match.group("url")
        title = match.group("t")
        if title is None:
            title = match.group("q")
        if title is None:
            title = match.group("p")
        if label and label not in refs:
            refs[label] = LinkTarget(
                url=decode_references(url), title=decode_references(title) if title else None
            )
        taken.append(i)
    return refs, taken
