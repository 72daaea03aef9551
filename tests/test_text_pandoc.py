"""Tests for articlekit.text.pandoc: pandoc's Markdown extensions read as plain Markdown."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articlekit import UnsupportedInputError, parse_text, to_text
from articlekit.model import CodeBlock, Heading, List, plain_text
from articlekit.text.lines import split_lines
from articlekit.text.pandoc import (
    has_pandoc_markup,
    strip_attributes,
    without_pandoc_markup,
)

PANDOC = """\
# Servers crash on a two-year-old bug

::: {#readability-page-1 .page}
::: {itemprop="articleBody"}
![](https://example.org/crash.jpg){width="640"}

A flaw in the game makes it easy for just about anyone to crash the
server hosting it, according to a programmer who released the code.

## How it works {#how-it-works .section}

[Update]{.kicker} The vulnerability stems from the fact that the client
may send the server information about certain slots.

``` {data-lang="javascript"}
rekt: { list: [ list: [] ] }
```

-   first point of the list
-   second point, which wraps onto
    the next line
:::
:::
"""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("## How it works {#how-it-works .section}", "## How it works"),
        ('![](a.png){width="50%"}', "![](a.png)"),
        (
            "[a link](https://e.org){.external target=_blank} and more",
            "[a link](https://e.org) and more",
        ),
        ("[Update]{.kicker} The vulnerability", "Update The vulnerability"),
        ("`x = 1`{.python} in code", "`x = 1` in code"),
        ("``` {.python .numberLines}", "```python"),
        ('~~~ {data-lang="javascript"}', "~~~javascript"),
        # braces in prose or code are text
        ("A set {1, 2, 3} of numbers", "A set {1, 2, 3} of numbers"),
        ("function() { return {a: 1}; }", "function() { return {a: 1}; }"),
        ("# Heading about {braces}", "# Heading about {braces}"),
    ],
)
def test_strip_attributes(line: str, expected: str) -> None:
    assert strip_attributes(line) == expected


def test_pandoc_markdown_reads_as_markdown() -> None:
    doc = parse_text(PANDOC)
    assert doc.title == "Servers crash on a two-year-old bug"
    kinds = [type(b) for b in doc.blocks]
    assert kinds.count(Heading) == 1
    heading = next(b for b in doc.blocks if isinstance(b, Heading))
    assert plain_text(heading) == "How it works"
    code = next(b for b in doc.blocks if isinstance(b, CodeBlock))
    assert code.language == "javascript"
    (items,) = [b for b in doc.blocks if isinstance(b, List)]
    assert [plain_text(i.blocks[0]) for i in items.items] == [
        "first point of the list",
        "second point, which wraps onto the next line",
    ]
    text = to_text(doc)
    assert ":::" not in text and "{" not in text.replace("rekt: { list: [ list: [] ] }", "")
    assert "Update The vulnerability stems" in text


def test_one_stray_mark_is_no_pandoc_text() -> None:
    lines = split_lines("A title\n\nSome text with a set {#a} in it.\n\n:::\n")
    assert not has_pandoc_markup(lines)
    assert without_pandoc_markup(lines) is lines


_PARTS = st.sampled_from(
    [":::", "::: {#a .b}", " {#id}", "{.x}", '{k="v w"}', "[", "]", "(", ")", "`", "```",
     "# ", "-   ", "\\", "\n", "\n\n", "    ", "word", "![](a.png)", "[t](u)", "{", "}"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_PARTS, min_size=1, max_size=40).map("".join))
def test_random_pandoc_markup_never_fails(text: str) -> None:
    try:
        doc = parse_text("# A title\n\nA paragraph of the article to read.\n\n" + text)
    except UnsupportedInputError:
        return
    to_text(doc)
    lines = split_lines("x\n" + text)
    cleaned = without_pandoc_markup(lines)
    assert len(cleaned) == len(lines)  # line numbers kept
    assert all(blank == (not line) for blank, line in zip(cleaned.blank, cleaned.text, strict=True))
    if has_pandoc_markup(lines):
        assert not any(line.startswith(":::") and not line.strip(":") for line in cleaned.text)
