"""Does each structure cost time in proportion to its size? A quadratic step hides here.

Usage (from the repository root, with the project installed)::

    python benchmarks/scaling.py              # every case, n and 4n units (~1 min)
    python benchmarks/scaling.py --only gallery,code_table --units 2000

``robustness.py`` times an article page against the same page 8x, which exercises
paragraphs; a step that is quadratic in one kind of element (a gallery's captions tested
against every caption found so far, a table's rows against every row) only shows on a page
with many of that element. Each case here builds an article page holding ``n`` units of
one structure (``--units``, per case a default that keeps the small page near 50 ms), then
the same page with ``4n``, and times ``to_markdown(parse_html(page))`` (and the text cases
``parse_text``) in CPU time, best of ``--rounds``. Linear work gives a ratio near 4 (a
little above it for the larger tree's memory); the script flags a ratio above
``--limit`` (default 6.5) and exits 1 when any case is flagged. Ratios, not times, are
compared, so a loaded machine changes little; ``--rounds`` steadies them further.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import articlekit  # noqa: E402

_PROSE = (
    "The council met on Tuesday evening and decided that the library would stay open for "
    "another five years, after a long debate in which many residents spoke for it."
)


def _page(body: str) -> str:
    """Return an article page (header, headline, prose, ``body``, prose, footer)."""
    prose = f"<p>{_PROSE}</p>" * 3
    return (
        "<html><head><title>The library stays open | Gazette</title></head><body>"
        '<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>'
        f"<article><h1>The library stays open</h1>{prose}{body}{prose}</article>"
        "<footer><p>Copyright Gazette</p></footer></body></html>"
    )


def _units(template: str) -> Callable[[int], str]:
    """Return a builder of a page holding ``n`` copies of ``template`` (``{i}`` numbered)."""
    return lambda n: _page("".join(template.format(i=i) for i in range(n)))


def _wrapped(opening: str, template: str, closing: str) -> Callable[[int], str]:
    """Return a builder of a page holding one box of ``n`` units of ``template``."""
    return lambda n: _page(opening + "".join(template.format(i=i) for i in range(n)) + closing)


def _text_lines(template: str) -> Callable[[int], str]:
    """Return a builder of a plain text: a title, prose, ``n`` lines of ``template``."""

    def build(n: int) -> str:
        lines = "\n".join(template.format(i=i) for i in range(n))
        return f"The Library Stays Open\n\n{_PROSE}\n\n{lines}\n\n{_PROSE}\n"

    return build


#: name -> (page builder, default units, "html" or "text")
CASES: dict[str, tuple[Callable[[int], str], int, str]] = {
    "paragraphs": (_units("<p>{i} " + _PROSE + "</p>"), 400, "html"),
    "headings": (_units("<h2>Part {i}</h2><p>" + _PROSE + "</p>"), 300, "html"),
    "list_items": (
        _wrapped("<ul>", "<li>Item {i} of the list, a short line</li>", "</ul>"),
        800,
        "html",
    ),
    "nested_lists": (
        _wrapped("<ul>", "<li>Step {i}<ul><li>detail {i}</li><li>more {i}</li></ul></li>", "</ul>"),
        400,
        "html",
    ),
    "table_rows": (
        _wrapped(
            "<table><tr><th>Name</th><th>Value</th></tr>",
            "<tr><td>row {i}</td><td>{i}</td></tr>",
            "</table>",
        ),
        800,
        "html",
    ),
    "code_table": (
        _wrapped(
            '<table class="highlighttable">',
            '<tr><td class="linenos"><pre>{i}</pre></td>'
            '<td class="code"><pre>x = {i}</pre></td></tr>',
            "</table>",
        ),
        500,
        "html",
    ),
    "code_lines_br": (
        _wrapped(
            '<pre><code class="language-python">', "<span>x = {i}</span><br>", "</code></pre>"
        ),
        3000,
        "html",
    ),
    "code_gutter": (
        _wrapped("<pre>", '<span class="ln">{i}</span><span>line {i}</span>\n', "</pre>"),
        3000,
        "html",
    ),
    "figures": (
        _units(
            '<figure><img src="/img/{i}.jpg" alt="Picture {i}">'
            "<figcaption>Caption {i}</figcaption></figure>"
        ),
        300,
        "html",
    ),
    "gallery": (
        _wrapped(
            '<figure class="wp-block-gallery">',
            '<figure><img src="/img/g{i}.jpg"><figcaption>View {i}</figcaption></figure>',
            "</figure>",
        ),
        300,
        "html",
    ),
    "classic_gallery": (
        _wrapped(
            '<div class="gallery">',
            '<dl class="gallery-item"><dt><img src="/img/g{i}.jpg"></dt>'
            '<dd class="gallery-caption">Stage {i}</dd></dl>',
            "</div>",
        ),
        300,
        "html",
    ),
    "links_in_a_paragraph": (
        _wrapped("<p>", 'See <a href="/a/{i}">page {i}</a>, ', "</p>"),
        1500,
        "html",
    ),
    "related_items": (
        _wrapped(
            '<div class="related-posts"><h3>Related articles</h3><ul>',
            '<li><a href="/story/{i}">Story number {i} of the day</a></li>',
            "</ul></div>",
        ),
        400,
        "html",
    ),
    "callout_asides": (
        _units('<aside class="note"><p><strong>Note {i}:</strong> ' + _PROSE + "</p></aside>"),
        300,
        "html",
    ),
    "quotes": (
        _units(
            "<blockquote><p>Said {i}: " + _PROSE + "</p><footer>Person {i}</footer></blockquote>"
        ),
        300,
        "html",
    ),
    "pull_quotes": (
        _units(
            "<p>{i} "
            + _PROSE
            + '</p><figure class="wp-block-pullquote"><blockquote><p>{i} '
            + _PROSE[:60]
            + "</p></blockquote></figure>"
        ),
        300,
        "html",
    ),
    "qa_answers": (
        _wrapped(
            '<div itemscope itemtype="https://schema.org/Question"><h1 itemprop="name">Q</h1>'
            '<div itemprop="text"><p>' + _PROSE + "</p></div>",
            '<div itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer">'
            '<div itemprop="text"><p>{i} ' + _PROSE + "</p></div></div>",
            "</div>",
        ),
        200,
        "html",
    ),
    "footnotes": (
        lambda n: _page(
            "".join(
                f'<p>Claim {i}<sup><a href="#fn{i}">{i}</a></sup>. {_PROSE}</p>' for i in range(n)
            )
            + "<ol>"
            + "".join(
                f'<li id="fn{i}">Source {i}. <a href="#r{i}">\u21a9</a></li>' for i in range(n)
            )
            + "</ol>"
        ),
        300,
        "html",
    ),
    "definitions": (
        _wrapped("<dl>", "<dt>Term {i}</dt><dd>Meaning of term {i}, a phrase.</dd>", "</dl>"),
        600,
        "html",
    ),
    "nested_divs": (lambda n: _page("<div>" * n + f"<p>{_PROSE}</p>" + "</div>" * n), 1500, "html"),
    "text_paragraphs": (_text_lines("{i} " + _PROSE + "\n"), 400, "text"),
    "text_bullets": (_text_lines("  * Item {i} of the list, a short line"), 1000, "text"),
    "text_numbered": (
        _text_lines("{i}. Step {i}: do the thing and then the next thing."),
        1000,
        "text",
    ),
    "text_menu_lines": (_text_lines("Menu {i}"), 1500, "text"),
    "text_table": (_text_lines("| row {i} | {i} | value {i} |"), 800, "text"),
}


def _time(run: Callable[[], object], rounds: int) -> float:
    """Return the least CPU time of ``rounds`` calls of ``run``."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def _runner(kind: str, page: str) -> Callable[[], object]:
    if kind == "text":
        return lambda: articlekit.to_markdown(articlekit.parse_text(page))
    return lambda: articlekit.to_markdown(
        articlekit.parse_html(page, url="https://gazette.example.com/a")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", help="comma-separated case names (default: all)")
    parser.add_argument("--units", type=int, help="units of the small page (default: per case)")
    parser.add_argument(
        "--factor", type=int, default=4, help="the large page's units / the small's"
    )
    parser.add_argument("--rounds", type=int, default=3, help="best of this many timings")
    parser.add_argument("--limit", type=float, default=6.5, help="flag a time ratio above this")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else list(CASES)
    unknown = [name for name in names if name not in CASES]
    if unknown:
        parser.error(f"unknown case(s): {', '.join(unknown)}; known: {', '.join(CASES)}")
    print(f"| case | units | small (ms) | x{args.factor} (ms) | ratio | |")
    print("|:--|--:|--:|--:|--:|:--|")
    flagged = 0
    for name in names:
        build, default_units, kind = CASES[name]
        n = args.units or default_units
        small = _time(_runner(kind, build(n)), args.rounds)
        large = _time(_runner(kind, build(n * args.factor)), args.rounds)
        ratio = large / small if small else float("inf")
        flag = "SUPERLINEAR" if ratio > args.limit else ""
        flagged += bool(flag)
        print(f"| {name} | {n} | {small * 1000:.1f} | {large * 1000:.1f} | {ratio:.2f} | {flag} |")
    print(
        f"\n{flagged} of {len(names)} cases above a ratio of {args.limit} (linear: {args.factor})"
    )
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
