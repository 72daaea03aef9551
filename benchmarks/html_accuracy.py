"""Main-content accuracy on the trafilatura evaluation set, articlekit next to other extractors.

Run (bench virtualenv, see benchmarks/README.md)::

    .venv-bench/bin/python benchmarks/html_accuracy.py
    .venv-bench/bin/python benchmarks/html_accuracy.py --tools articlekit,trafilatura --limit 50
    .venv-bench/bin/python benchmarks/html_accuracy.py --only articlekit --dump-misses misses.jsonl

Each tool extracts the article text of every page of ``trafilatura-eval`` (343 pages); the
text is scored as that corpus's README says (snippet TP/FN/FP/TN, precision/recall/F1 over
the totals, whitespace collapsed on both sides). One process, one page at a time: every tool
runs on a page before the next page (in an order that rotates), so pages/s are comparable
even on a busy machine (``html_speed.py`` is the careful speed measurement). A page where a
tool crashes or times out scores as an empty extraction and is counted in the table; the
run always goes on.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from common import (
    DEFAULT_TIMEOUT,
    TOOL_NAMES,
    Counts,
    Tool,
    ToolUnavailable,
    TrafPage,
    corpus_dir,
    forbid_network,
    format_table,
    load_tool,
    load_trafilatura_eval,
    run_timed,
    score_snippets,
)

#: Progress goes to stderr every this many pages.
_PROGRESS_EVERY = 50


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--tools",
        default=",".join(TOOL_NAMES),
        help=f"comma-separated tools to run (default: all: {','.join(TOOL_NAMES)})",
    )
    parser.add_argument("--only", metavar="TOOL", help="run just this tool (same as --tools TOOL)")
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per page and tool"
    )
    parser.add_argument(
        "--dump-misses",
        metavar="FILE",
        type=Path,
        help="write one JSON line per page with missed 'with' / leaked 'without' snippets "
        "(with --only articlekit: the parser developer's to-do list)",
    )
    parser.add_argument(
        "--dump-text", action="store_true", help="with --dump-misses: include the extracted text"
    )
    parser.add_argument(
        "--worst",
        type=int,
        default=0,
        metavar="N",
        help="list the N pages where articlekit scores furthest below trafilatura (both must run)",
    )
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write results as JSON")
    parser.add_argument("--corpus", type=Path, help="corpus directory (default: shared corpus)")
    return parser.parse_args(argv)


@dataclass
class ToolRun:
    """One tool's running totals over the pages."""

    tool: Tool
    total: Counts = field(default_factory=Counts)
    seconds: float = 0.0
    status: dict[str, int] = field(
        default_factory=lambda: {"ok": 0, "error": 0, "crash": 0, "timeout": 0}
    )
    examples: dict[str, str] = field(default_factory=dict)
    per_page: list[tuple[int, int, int, int]] = field(default_factory=list)

    def result(self, n_pages: int) -> dict[str, Any]:
        """Return the tool's result row (also what ``--json`` writes)."""
        total = self.total
        return {
            "tool": self.tool.name,
            "note": self.tool.note,
            "precision": total.precision,
            "recall": total.recall,
            "f1": total.f1,
            "accuracy": total.accuracy,
            "pages": n_pages,
            "seconds": self.seconds,
            "pages_per_s": n_pages / self.seconds if self.seconds else 0.0,
            "counts": vars(total),
            "status": self.status,
            "examples": self.examples,
            "per_page": self.per_page,
        }


def _run_page(
    run: ToolRun, page: TrafPage, raw: bytes, args: argparse.Namespace, dump: Any
) -> None:
    """Run one tool on one page, score it and add to its totals (and to the dump)."""
    outcome = run_timed(
        partial(run.tool.text, raw, page.url),
        timeout=args.timeout,
        expected_errors=run.tool.expected_errors,
    )
    run.seconds += outcome.seconds
    run.status[outcome.status] += 1
    if outcome.status != "ok":
        run.examples.setdefault(outcome.status, f"{page.key[:70]}: {outcome.message}")
    text = outcome.value if isinstance(outcome.value, str) else None
    scored = score_snippets(text, page.with_, page.without)
    run.total.add(scored.counts)
    c = scored.counts
    run.per_page.append((c.tp, c.fn, c.fp, c.tn))
    if dump is not None and (scored.missed or scored.leaked or outcome.status != "ok"):
        record: dict[str, Any] = {
            "tool": run.tool.name,
            "page": page.key,
            "file": str(page.path.name),
            "status": outcome.status,
            "missed": list(scored.missed),
            "leaked": list(scored.leaked),
            "chars": len(text or ""),
        }
        if outcome.message:
            record["message"] = outcome.message
        if args.dump_text:
            record["text"] = text or ""
        dump.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Run the accuracy benchmark and print its table; return the exit code."""
    args = _parse_args(argv)
    forbid_network()
    names = [args.only] if args.only else [t.strip() for t in args.tools.split(",") if t.strip()]
    pages = load_trafilatura_eval(args.corpus or corpus_dir(), limit=args.limit)
    raws = [page.raw() for page in pages]  # read first: file I/O is not anybody's time
    runs: list[ToolRun] = []
    skipped: list[str] = []
    for name in names:
        try:
            tool = load_tool(name)
        except ToolUnavailable as exc:
            skipped.append(str(exc))
            print(f"skipped: {exc}", file=sys.stderr)
            continue
        # One untimed call first: some tools load models or compile patterns lazily.
        run_timed(partial(tool.text, raws[0], pages[0].url), timeout=args.timeout)
        runs.append(ToolRun(tool))
    print(
        f"running {', '.join(r.tool.name for r in runs)} on {len(pages)} pages ...",
        file=sys.stderr,
        flush=True,
    )
    started = time.perf_counter()
    with ExitStack() as stack:
        dump = (
            stack.enter_context(open(args.dump_misses, "w", encoding="utf-8"))
            if args.dump_misses
            else None
        )
        for index, (page, raw) in enumerate(zip(pages, raws, strict=True)):
            # every tool on this page before the next page, the order rotating, so that
            # load from other work on the machine falls on all tools alike
            shift = index % len(runs) if runs else 0
            for run in runs[shift:] + runs[:shift]:
                _run_page(run, page, raw, args, dump)
            if (index + 1) % _PROGRESS_EVERY == 0:
                print(f"  {index + 1}/{len(pages)} pages", file=sys.stderr, flush=True)
    results = [run.result(len(pages)) for run in runs]
    _print_report(results, skipped, len(pages), time.perf_counter() - started)
    if args.worst:
        _print_worst(results, pages, args.worst)
    if args.json:
        args.json.write_text(json.dumps({"results": results, "skipped": skipped}, indent=2))
    return 0


def _print_report(
    results: list[dict[str, Any]], skipped: list[str], n_pages: int, wall: float
) -> None:
    print(f"\ntrafilatura-eval: {n_pages} pages, snippet scoring (see benchmarks/README.md)\n")
    headers = ["tool", "precision", "recall", "F1", "accuracy", "pages/s", "err", "crash", "t/o"]
    rows = [
        [
            r["tool"],
            r["precision"],
            r["recall"],
            r["f1"],
            r["accuracy"],
            f"{r['pages_per_s']:.1f}",
            r["status"]["error"],
            r["status"]["crash"],
            r["status"]["timeout"],
        ]
        for r in results
    ]
    print(format_table(headers, rows))
    by_name = {r["tool"]: r for r in results}
    ours, theirs = by_name.get("articlekit"), by_name.get("trafilatura")
    if ours and theirs:
        speed = ours["pages_per_s"] / theirs["pages_per_s"] if theirs["pages_per_s"] else 0.0
        print(
            f"\narticlekit - trafilatura: F1 {ours['f1'] - theirs['f1']:+.3f} (target >= +0.020), "
            f"speed x{speed:.2f} (target >= 2)"
        )
    print("\nhow each tool was called:")
    for r in results:
        print(f"  {r['tool']}: {r['note']}")
        for status, example in r["examples"].items():
            print(f"    first {status}: {example}")
    for reason in skipped:
        print(f"  SKIPPED {reason}")
    print(f"\n(wall time {wall:.0f} s)")


def _print_worst(results: list[dict[str, Any]], pages: list[TrafPage], n: int) -> None:
    """Print the pages where articlekit gets the most snippets wrong that trafilatura gets right."""
    by_name = {r["tool"]: r for r in results}
    if "articlekit" not in by_name or "trafilatura" not in by_name:
        print("\n--worst needs both articlekit and trafilatura in --tools")
        return
    ours, theirs = by_name["articlekit"]["per_page"], by_name["trafilatura"]["per_page"]
    gaps = []
    for page, a, t in zip(pages, ours, theirs, strict=True):
        gap = (t[0] + t[3]) - (a[0] + a[3])  # right snippets (TP + TN): trafilatura - articlekit
        if gap > 0:
            gaps.append((gap, page, a, t))
    gaps.sort(key=lambda g: -g[0])
    print(f"\npages where articlekit is furthest behind trafilatura ({len(gaps)} behind in all):")
    print("  gap  articlekit tp/fn/fp/tn  trafilatura tp/fn/fp/tn  file  page")
    for gap, page, a, t in gaps[:n]:
        print(
            f"  {gap:3d}  {'/'.join(map(str, a)):>22}  {'/'.join(map(str, t)):>23}  "
            f"{page.path.name}  {page.key[:60]}"
        )


if __name__ == "__main__":
    sys.exit(main())
