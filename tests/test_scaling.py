"""Cost grows linearly with input size, for page and text shapes that once grew faster.

Each shape is parsed at a base size and at 8x that size; the time ratio of a linear parser
is about 8 (less while fixed costs still count), a quadratic one's about 64. The bound is
generous (the machine running the suite may be shared and noisy), and each size is timed
as the best of a few runs, which removes most of that noise: a slip back to quadratic cost
still fails by a wide margin.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

import articlekit
from articlekit.text.inline import parse_inlines

#: the 8x input may take at most this many times as long as the 1x one (linear: ~8,
#: quadratic: ~64)
MAX_RATIO = 24.0
#: an input is timed as the best of this many runs
RUNS = 3


def _best_time(parse: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(RUNS):
        started = time.process_time()
        parse(text)
        best = min(best, time.process_time() - started)
    return max(best, 1e-4)


def _page(body: str) -> str:
    return (
        "<!doctype html><html><head><title>Scaling test - Site</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
        f"<article><h1>Scaling test</h1>{body}</article>"
        "<footer>Copyright 2026 Site</footer></body></html>"
    )


SENTENCE = "The council met on Tuesday to discuss the budget for the coming year in detail. "

HTML_SHAPES: dict[str, Callable[[int], str]] = {
    # many sibling paragraphs in one container (a per-<p> look at the following siblings
    # was quadratic)
    "sibling paragraphs": lambda n: _page(
        "".join(f"<p>{SENTENCE * 2}Paragraph {i}.</p>" for i in range(n))
    ),
    # sections with headings, lists and links
    "sections": lambda n: _page(
        "".join(
            f"<h2>Part {i}</h2><p>{SENTENCE}<a href='/x{i}'>link {i}</a>.</p>"
            f"<ul><li>first {i}</li><li>second {i}</li></ul>"
            for i in range(n)
        )
    ),
    # one long table
    "table rows": lambda n: _page(
        "<p>"
        + SENTENCE * 3
        + "</p><table><tr><th>a</th><th>b</th></tr>"
        + "".join(f"<tr><td>row {i}</td><td>{i * 7}</td></tr>" for i in range(n))
        + "</table>"
    ),
    # a table of short cells, 100 a row (robustness.py's 1,000,000-cell table, smaller)
    "wide table": lambda n: _page(
        "<p>"
        + SENTENCE * 3
        + "</p><table>"
        + ("<tr>" + "<td>c</td>" * 100 + "</tr>") * (n // 10)
        + "</table>"
    ),
    # nested containers, each with a little text
    "nested divs": lambda n: _page(
        "".join(f"<div><p>{SENTENCE}{i}</p>" for i in range(n)) + "</div>" * n
    ),
    # a long run of links (a menu or a link list) next to the article
    "link run": lambda n: _page(
        "<p>"
        + SENTENCE * 4
        + "</p><ul>"
        + "".join(f"<li><a href='/s/{i}'>Story number {i}</a></li>" for i in range(n))
        + "</ul>"
    ),
}

TEXT_SHAPES: dict[str, Callable[[int], str]] = {
    "wrapped paragraphs": lambda n: (
        "Scaling test\n\n" + "".join(f"{SENTENCE[:60]}\n{SENTENCE[60:]}{i}.\n\n" for i in range(n))
    ),
    "headings and bullets": lambda n: (
        "Scaling test\n\n"
        + "".join(f"Part {i}\n\n{SENTENCE}\n\n  * first {i}\n  * second {i}\n\n" for i in range(n))
    ),
    "one long line": lambda n: SENTENCE * n,
    # a browser's copy (paragraphs past 132 columns, runs of short lines) under a page's
    # worth of blank lines: the title test once looked back over all of them for each run
    "browser copy under blank lines": lambda n: (
        "\n" * (40 * n)
        + "Scaling test\n\n"
        + f"{SENTENCE * 3}\n\n{SENTENCE * 3} again.\n\n"
        + "".join(f"line one {i}\nline two {i}\nline three {i}\n\n" for i in range(n))
    ),
    # Markdown with raw HTML blocks, each read by the HTML block builder
    "raw html blocks": lambda n: (
        "# Scaling test\n\n<div>\n\n</div>\n\n"
        + "".join(
            f"{SENTENCE}\n\n<table>\n<tr><td>row {i}</td><td>{i}</td></tr>\n</table>\n\n"
            f"<ul>\n<li><p>item {i}</p></li>\n</ul>\n\n"
            for i in range(n)
        )
    ),
    # ... and start tags that never close: each is looked for its end once
    "unclosed raw html": lambda n: (
        "# Scaling test\n\n<div>\n\n</div>\n\n"
        + "".join(f"<ul>\n<li>{SENTENCE}\n\n<pre>\n{SENTENCE}\n\n" for i in range(n))
    ),
    # Markdown pipe tables: many of them (8x the base is a megabyte of text), one of
    # 12,000 rows, and rows of thousands of pipes (each row is split once)
    "pipe tables": lambda n: (
        "# Scaling test\n\n"
        + "".join(
            f"{SENTENCE}\n\n| Part | Ships | Note |\n|:---|---:|:-:|\n"
            + "".join(
                f"| [row {j}](https://example.org/{i}/{j}) | {j * 7} | *a* \\| b |\n"
                for j in range(12)
            )
            + "\n"
            for i in range(n)
        )
    ),
    "long pipe table": lambda n: (
        f"# Scaling test\n\n{SENTENCE}\n\n| a | b |\n|---|---|\n"
        + "".join(f"| row {i} | {i * 7} |\n" for i in range(10 * n))
    ),
    "pipe table of wide rows": lambda n: (
        f"# Scaling test\n\n{SENTENCE}\n\n| a | b |\n|---|---|\n" + ("| x " * (100 * n) + "|\n") * 4
    ),
    "link list": lambda n: (
        "Scaling test\n\n"
        + SENTENCE * 3
        + "\n\n"
        + "".join(f"   * [{i + 1}]Story number {i}\n" for i in range(n))
        + "\nReferences\n\n"
        + "".join(f"  {i + 1}. https://example.org/s/{i}\n" for i in range(n))
    ),
}


def _ratio(parse: Callable[[str], object], make: Callable[[int], str], base: int) -> float:
    small, large = make(base), make(base * 8)
    parse(small)  # warm caches and lazy imports
    return _best_time(parse, large) / _best_time(parse, small)


@pytest.mark.parametrize("shape", sorted(HTML_SHAPES))
def test_html_cost_is_linear(shape: str) -> None:
    ratio = _ratio(articlekit.parse_html, HTML_SHAPES[shape], base=150)
    assert ratio < MAX_RATIO, f"{shape}: 8x the input took {ratio:.1f}x the time"


@pytest.mark.parametrize("shape", sorted(TEXT_SHAPES))
def test_text_cost_is_linear(shape: str) -> None:
    ratio = _ratio(articlekit.parse_text, TEXT_SHAPES[shape], base=150)
    assert ratio < MAX_RATIO, f"{shape}: 8x the input took {ratio:.1f}x the time"


# One block's inlines: Markdown escapes and raw HTML tags in a long run of text. Each escape
# was joined into the text before it, copying it again every time (at this size the 8x
# input took 25x the time; 300,000 escapes took minutes).
INLINE_SHAPES: dict[str, tuple[Callable[[int], str], bool]] = {
    "markdown escapes": (lambda n: "a \\* b \\_ " * (80 * n), False),
    "raw html tags": (lambda n: "x <span>y</span> <td>z <String> " * (20 * n), True),
}


@pytest.mark.parametrize("shape", sorted(INLINE_SHAPES))
def test_inline_cost_is_linear(shape: str) -> None:
    make, html = INLINE_SHAPES[shape]
    ratio = _ratio(lambda text: parse_inlines(text, markdown=True, html=html), make, base=150)
    assert ratio < MAX_RATIO, f"{shape}: 8x the input took {ratio:.1f}x the time"
