"""Throughput of articlekit next to trafilatura, readability-lxml and a bare lxml parse.

Run (bench virtualenv, see benchmarks/README.md)::

    .venv-bench/bin/python benchmarks/html_speed.py
    .venv-bench/bin/python benchmarks/html_speed.py --pages readability --repeat 5

Every tool turns each page's raw bytes into article text (articlekit:
``to_text(parse_html(bytes, url=url))``, exactly as in html_accuracy.py); the floor is
``lxml.html.fromstring(bytes)``, a parse that finds nothing. One process; each round takes
the pages in order and runs every tool on a page before the next page (the tools' order
rotates from page to page), so load from other work on a shared machine hits all tools
alike. ``--repeat`` rounds; a tool's time is the sum over pages of its best time for each
page (the median of the round totals is printed too). Pages are read before timing;
decoding is part of each tool's time.

Linearity: for a sample of pages, the body's content is repeated 8 times inside one document
(raw bytes between ``<body ...>`` and ``</body>``) and the time for that page is compared
with the time for the original. Cost that grows linearly gives a ratio near 8 (a little
less: the head and fixed costs are not repeated); a quadratic step would give ~64.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from common import (
    DEFAULT_TIMEOUT,
    READABILITY_URL,
    Tool,
    ToolUnavailable,
    articlekit_build,
    corpus_dir,
    forbid_network,
    format_table,
    load_readability_pages,
    load_tool,
    load_trafilatura_eval,
    run_timed,
    scaled_page,
)

SPEED_TOOLS = ("lxml-floor", "articlekit", "trafilatura", "readability")
#: How many times the body is repeated for the linearity check.
SCALE = 8


def _floor() -> Tool:
    lxml_html = importlib.import_module("lxml.html")

    def parse_only(raw: bytes, url: str | None) -> str:
        lxml_html.fromstring(raw)
        return ""

    return Tool("lxml-floor", parse_only, "lxml.html.fromstring(bytes): bare parse, no extraction")


def _load(name: str) -> Tool:
    return _floor() if name == "lxml-floor" else load_tool(name)


@dataclass
class Timing:
    """A tool's best seconds per page over the rounds, each round's total, and failures."""

    tool: Tool
    best: list[float] = field(default_factory=list)
    rounds: list[float] = field(default_factory=list)
    failed: int = 0


def _time_rounds(
    timings: list[Timing], items: list[tuple[bytes, str | None]], repeat: int, timeout: float
) -> None:
    """Time every tool on every page, ``repeat`` rounds, tools interleaved page by page.

    Interleaving (with the tools' order rotated from page to page) exposes every tool to the
    same moments of load on a shared machine, so their ratios stay fair even when the
    absolute times are disturbed; a page's time is its best over the rounds.
    """
    for timing in timings:
        timing.best = [float("inf")] * len(items)
    for round_index in range(repeat):
        print(f"round {round_index + 1}/{repeat} ...", file=sys.stderr, flush=True)
        totals = [0.0] * len(timings)
        gc.collect()
        for page_index, (raw, url) in enumerate(items):
            shift = (page_index + round_index) % len(timings)
            for slot in [*range(shift, len(timings)), *range(shift)]:
                timing = timings[slot]
                outcome = run_timed(
                    partial(timing.tool.text, raw, url),
                    timeout=timeout,
                    expected_errors=timing.tool.expected_errors,
                )
                totals[slot] += outcome.seconds
                timing.best[page_index] = min(timing.best[page_index], outcome.seconds)
                if round_index == 0 and outcome.status in ("crash", "timeout"):
                    timing.failed += 1
        for timing, total in zip(timings, totals, strict=True):
            timing.rounds.append(total)


def _best_time(func: Callable[[], Any], repeat: int, timeout: float) -> float | None:
    """Return the best of ``repeat`` timed calls of ``func``, None when any call fails."""
    best: float | None = None
    for _ in range(repeat):
        outcome = run_timed(func, timeout=timeout)
        if outcome.status != "ok":
            return None
        best = outcome.seconds if best is None else min(best, outcome.seconds)
    return best


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tools", default=",".join(SPEED_TOOLS), help="comma-separated tools")
    parser.add_argument(
        "--pages",
        choices=("trafilatura", "readability", "both"),
        default="trafilatura",
        help="which corpus's pages to time (default: trafilatura-eval, 343 pages)",
    )
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best counts")
    parser.add_argument(
        "--scale-pages",
        type=int,
        default=20,
        help="pages (evenly spread over the set) for the 8x linearity check; 0 to skip",
    )
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    parser.add_argument("--corpus", type=Path)
    return parser.parse_args(argv)


def _items(args: argparse.Namespace) -> tuple[list[tuple[bytes, str | None]], list[str]]:
    """Return the pages as (raw bytes, URL) pairs, and their names for the report."""
    root = args.corpus or corpus_dir()
    items: list[tuple[bytes, str | None]] = []
    names: list[str] = []
    if args.pages in ("trafilatura", "both"):
        for traf in load_trafilatura_eval(root, limit=args.limit):
            items.append((traf.raw(), traf.url))
            names.append(f"trafilatura-eval/html/{traf.path.name}")
    if args.pages in ("readability", "both"):
        for page in load_readability_pages(root, limit=args.limit):
            items.append((page.raw(), READABILITY_URL))
            names.append(f"readability-pages/{page.name}")
    return items, names


def main(argv: list[str] | None = None) -> int:
    """Time the tools and print throughput and linearity tables; return the exit code."""
    args = _parse_args(argv)
    forbid_network()
    items, names = _items(args)
    timings: list[Timing] = []
    skipped: list[str] = []
    for name in (t.strip() for t in args.tools.split(",") if t.strip()):
        try:
            tool = _load(name)
        except ToolUnavailable as exc:
            skipped.append(str(exc))
            continue
        run_timed(partial(tool.text, *items[0]), timeout=args.timeout)  # warm-up, untimed
        timings.append(Timing(tool))
    if timings:
        _time_rounds(timings, items, args.repeat, args.timeout)
    _print_throughput(timings, skipped, len(items), args)
    if args.scale_pages:
        _print_linearity(timings, items, names, args)
    return 0


def _print_throughput(
    timings: list[Timing], skipped: list[str], n: int, args: argparse.Namespace
) -> None:
    print(
        f"\n{n} pages ({args.pages}), {args.repeat} rounds, tools interleaved page by page; "
        "best s = sum over pages of each page's best time"
    )
    print(f"{articlekit_build()}\n")
    floor = next((t for t in timings if t.tool.name == "lxml-floor"), None)
    floor_best = sum(floor.best) if floor else None
    rows = []
    for t in timings:
        best, median = sum(t.best), statistics.median(t.rounds)
        rows.append(
            [
                t.tool.name,
                f"{best:.2f}",
                f"{median:.2f}",
                f"{n / best:.1f}" if best else "-",
                f"{1000 * best / n:.2f}",
                f"{best / floor_best:.2f}" if floor_best else "-",
                t.failed,
            ]
        )
    headers = ["tool", "best s", "median round s", "pages/s", "ms/page", "x floor time", "failed"]
    print(format_table(headers, rows))
    by_name = {t.tool.name: sum(t.best) for t in timings}
    ours, theirs = by_name.get("articlekit"), by_name.get("trafilatura")
    if ours and theirs:
        print(f"\narticlekit throughput / trafilatura's: x{theirs / ours:.2f} (target >= 2)")
    if ours and floor_best:
        print(f"articlekit time / bare-parse floor: x{ours / floor_best:.2f} (target <= 3)")
    print("\nhow each tool was called:")
    for t in timings:
        print(f"  {t.tool.name}: {t.tool.note}")
    for reason in skipped:
        print(f"  SKIPPED {reason}")


def _print_linearity(
    timings: list[Timing],
    items: list[tuple[bytes, str | None]],
    names: list[str],
    args: argparse.Namespace,
) -> None:
    step = max(1, len(items) // args.scale_pages)
    sample = []
    for index in range(0, len(items), step)[: args.scale_pages]:
        raw, url = items[index]
        big = scaled_page(raw, SCALE)
        if big is not None:
            sample.append((raw, big, url, names[index]))
    print(
        f"\nlinearity: time(body x{SCALE}) / time(page) over {len(sample)} pages, "
        f"best of {args.repeat} each (linear ~{SCALE}, quadratic ~{SCALE * SCALE})\n"
    )
    rows = []
    for t in timings:
        ratios: list[tuple[float, str]] = []
        small_total = big_total = 0.0
        for raw, big, url, name in sample:
            small = _best_time(partial(t.tool.text, raw, url), args.repeat, args.timeout)
            large = _best_time(partial(t.tool.text, big, url), args.repeat, args.timeout * SCALE)
            if small and large:
                ratios.append((large / small, name))
                small_total += small
                big_total += large
        if not ratios:
            rows.append([t.tool.name, "-", "-", "-", "-", 0, "-"])
            continue
        worst = max(ratios)
        rows.append(
            [
                t.tool.name,
                statistics.median(r for r, _ in ratios),
                big_total / small_total,
                min(r for r, _ in ratios),
                worst[0],
                len(ratios),
                worst[1],
            ]
        )
    headers = ["tool", "median ratio", "total ratio", "min", "max", "pages", "max on"]
    print(format_table(headers, rows))


if __name__ == "__main__":
    sys.exit(main())
