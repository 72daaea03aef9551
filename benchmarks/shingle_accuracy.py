"""Article-body accuracy on an outside set scored by word shingles: a holdout for the HTML parser.

Run (bench virtualenv, see benchmarks/README.md)::

    .venv-bench/bin/python benchmarks/shingle_accuracy.py --corpus DIR
    .venv-bench/bin/python benchmarks/shingle_accuracy.py --corpus DIR --tools articlekit
    .venv-bench/bin/python benchmarks/shingle_accuracy.py --corpus DIR --worst 15

``DIR`` holds pages we never tuned on, in the layout of the public article-extraction
benchmark (a checkout of that repository works as it is): ``ground-truth.json`` maps an item
id to ``{"articleBody": ..., "url": ...}`` and ``html/<id>.html.gz`` is the page (UTF-8,
gzip). The directory can also come from ``$ARTICLEKIT_SHINGLE_CORPUS``.

Scoring, per page: both texts are cut into word tokens (``\\w+``), the tokens into
overlapping runs of four (shingles), and the two multisets of shingles are matched: true
positives are shared shingles, false positives extracted ones the truth lacks, false
negatives the reverse. The three counts are divided by their sum so that a long article
weighs no more than a short one. Precision and recall are the means over pages (a page
with nothing extracted and nothing expected is left out of that mean), F1 is their harmonic
mean, and ``exact`` is the share of pages whose token sequence equals the truth's. A crash
or time-out scores as an empty extraction.

Text mode: ``--text-renderings DIR`` scores the plain-text parser on the same pages as
text tools render them (``text_render.py --shingle-corpus CORPUS --out DIR`` writes
``DIR/<tool>/<id>.txt``)::

    .venv-bench/bin/python benchmarks/shingle_accuracy.py --corpus DIR \
        --text-renderings OUT --text-tools w3m,lynx,html2text --halves

Each rendering tool gives two rows: ``<tool> raw`` (the whole rendering, menus and all:
the baseline a parser must beat) and ``<tool> parse_text``
(``to_text(parse_text(rendering, url=url))``), scored as above; ``--tools`` (by default
only ``articlekit`` in this mode) adds the HTML extraction of the same pages for
reference. ``--halves`` adds the F1 over the ids starting 0-7 and over those starting 8-f
(the dev / holdout split the project tunes by), ``--ids`` keeps only ids starting with
the given characters. ``--hash-ids`` makes both read the first hex digit of the sha1 of
the id instead of its first character, for a set whose ids are not hashes (``0001``,
``0002`` ...): the project's rule for outside sets (dev = sha1 of the id starts 0-7).
``--by-subset`` adds one row per tool and sub-dataset, for a set whose ground-truth items
carry a ``"subset"`` field (a set built from a benchmark of several page kinds).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import statistics
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    DEFAULT_TIMEOUT,
    Tool,
    ToolUnavailable,
    forbid_network,
    format_table,
    load_tool,
    run_timed,
)

#: The tools run by default: the two the issue compares us with.
DEFAULT_TOOLS = "articlekit,trafilatura,readability"
#: In text mode (--text-renderings) the HTML tools scored next to the renderings, for reference.
TEXT_MODE_TOOLS = "articlekit"
#: The rendering tools scored by default in text mode (text_render.py's dev tools).
DEFAULT_TEXT_TOOLS = "w3m,lynx,html2text"
#: --halves: ids whose first character is one of these form the dev half, the rest the
#: holdout half (the split the project tunes by: rules come from dev pages only).
DEV_FIRST = frozenset("01234567")
#: Words per shingle (the public benchmark's choice).
SHINGLE = 4
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    """One page of the outside set."""

    key: str
    url: str | None
    body: str
    path: Path
    subset: str = ""


def load_pages(root: Path, *, limit: int | None = None) -> list[Page]:
    """Read ``ground-truth.json`` and pair each item with its ``html/<id>.html.gz``."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [
        Page(
            key,
            item.get("url"),
            item.get("articleBody") or "",
            root / "html" / f"{key}.html.gz",
            str(item.get("subset") or ""),
        )
        for key, item in sorted(truth.items())
    ]
    missing = [page.path.name for page in pages if not page.path.exists()]
    if missing:
        raise SystemExit(f"{root}: {len(missing)} pages have no html file, e.g. {missing[0]}")
    return pages[:limit] if limit else pages


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Return the multiset of word shingles of *text* (a text shorter than one shingle is one)."""
    words = _WORD.findall(text)
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1)))


def page_counts(truth: str, got: str) -> tuple[float, float, float]:
    """Return the normalised (tp, fp, fn) of *got* against *truth*."""
    want, have = shingles(truth), shingles(got)
    want.pop((), None)
    have.pop((), None)
    tp = sum((want & have).values())
    fp = sum((have - want).values())
    fn = sum((want - have).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def text_tools(name: str) -> tuple[Tool, Tool]:
    """Return the two text-mode tools of rendering tool ``name``: the raw rendering (its
    whole text) and ``to_text(parse_text(rendering))``. Both take the rendering's UTF-8
    bytes in place of the page's HTML."""
    import articlekit

    def raw_text(rendering: bytes, url: str | None) -> str:
        return rendering.decode("utf-8", errors="replace")

    def parsed_text(rendering: bytes, url: str | None) -> str:
        doc = articlekit.parse_text(rendering.decode("utf-8", errors="replace"), url=url)
        return str(articlekit.to_text(doc))

    return (
        Tool(f"{name} raw", raw_text, f"the whole {name} rendering"),
        Tool(
            f"{name} parse_text",
            parsed_text,
            f"to_text(parse_text({name} rendering, url=url))",
            expected_errors=(articlekit.ArticleKitError,),
        ),
    )


def split_key(key: str, *, hashed: bool = False) -> str:
    """Return the character the halves and ``--ids`` read for page id *key*: its first
    character, or with *hashed* the first hex digit of the sha1 of the id."""
    if hashed:
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[0]
    return key[:1].lower()


def halves(keys: Sequence[str], *, hashed: bool = False) -> tuple[list[int], list[int]]:
    """Return the indices of the dev half (split character in DEV_FIRST) and the rest."""
    dev = [i for i, key in enumerate(keys) if split_key(key, hashed=hashed) in DEV_FIRST]
    chosen = set(dev)
    return dev, [i for i in range(len(keys)) if i not in chosen]


@dataclass
class Run:
    """One tool's per-page results; ``rendering`` is the folder of a text tool's renderings
    (``<id>.txt``), which the tool reads in place of the page's HTML."""

    tool: Tool
    counts: list[tuple[float, float, float]] = field(default_factory=list)
    exact: list[bool] = field(default_factory=list)
    seconds: float = 0.0
    status: Counter[str] = field(default_factory=Counter)
    rendering: Path | None = None

    def scores(self, only: Sequence[int] | None = None) -> tuple[float, float, float, float]:
        """Return (precision, recall, F1, exact share) over the pages run so far, or over
        the pages at the indices ``only``."""
        counts = self.counts if only is None else [self.counts[i] for i in only]
        exact = self.exact if only is None else [self.exact[i] for i in only]
        precision = statistics.fmean([_precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
        recall = statistics.fmean([_recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1, statistics.fmean(exact or [0.0])

    def source(self, page: Page, raw: bytes) -> bytes | None:
        """Return what the tool reads for ``page``: its rendering, else the HTML ``raw``
        (None when a rendering is missing)."""
        if self.rendering is None:
            return raw
        path = self.rendering / f"{page.key}.txt"
        return path.read_bytes() if path.is_file() else None


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="the outside set (see the module docstring)")
    parser.add_argument(
        "--tools",
        help=f"HTML tools; default: {DEFAULT_TOOLS} ({TEXT_MODE_TOOLS} with --text-renderings)",
    )
    parser.add_argument(
        "--text-renderings",
        type=Path,
        metavar="DIR",
        help="also score parse_text on DIR/<tool>/<id>.txt (text_render.py --shingle-corpus)",
    )
    parser.add_argument(
        "--text-tools",
        default=DEFAULT_TEXT_TOOLS,
        help=f"rendering tools for --text-renderings (default: {DEFAULT_TEXT_TOOLS})",
    )
    parser.add_argument(
        "--halves", action="store_true", help="add F1 columns for ids starting 0-7 and 8-f"
    )
    parser.add_argument(
        "--ids", metavar="CHARS", help="only ids starting with one of CHARS (e.g. 01234567)"
    )
    parser.add_argument(
        "--hash-ids",
        action="store_true",
        help="--halves and --ids read the first hex digit of sha1(id), not the id's first"
        " character",
    )
    parser.add_argument(
        "--by-subset",
        action="store_true",
        help="add rows per sub-dataset (the ground-truth items' 'subset' field)",
    )
    parser.add_argument(
        "--worst-of", default="articlekit", metavar="TOOL", help="whose pages --worst lists"
    )
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    parser.add_argument(
        "--worst", type=int, default=0, metavar="N", help="list the N lowest-F1 pages of --worst-of"
    )
    parser.add_argument("--json", type=Path, help="also write per-page scores as JSON")
    return parser.parse_args(argv)


def subset_table(
    runs: Sequence[Run], pages: Sequence[Page], dev: Sequence[int], holdout: Sequence[int]
) -> tuple[list[str], list[list[str]]]:
    """Return the headers and rows of the per-sub-dataset table: for each sub-dataset (the
    pages' ``subset``) and tool, precision, recall and F1 over its pages, and F1 over its
    pages in the dev and the holdout half."""
    names = sorted({page.subset for page in pages})
    dev_set, holdout_set = set(dev), set(holdout)
    rows = []
    for name in names:
        only = [i for i, page in enumerate(pages) if page.subset == name]
        in_dev = [i for i in only if i in dev_set]
        in_holdout = [i for i in only if i in holdout_set]
        for run in runs:
            p, r, f1, _ = run.scores(only)
            rows.append(
                [
                    name or "-",
                    f"{len(only)} ({len(in_dev)}/{len(in_holdout)})",
                    run.tool.name,
                    f"{p:.3f}",
                    f"{r:.3f}",
                    f"{f1:.3f}",
                    f"{run.scores(in_dev)[2]:.3f}" if in_dev else "-",
                    f"{run.scores(in_holdout)[2]:.3f}" if in_holdout else "-",
                ]
            )
    headers = ["subset", "pages (dev/holdout)", "tool", "precision", "recall", "F1"]
    return [*headers, "F1 dev", "F1 holdout"], rows


def _page_f1(counts: tuple[float, float, float]) -> float:
    p, r = _precision(*counts), _recall(*counts)
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    """Run the tools over the outside set and print the table; return the exit code."""
    args = _parse_args(argv)
    root = args.corpus or (
        Path(os.environ["ARTICLEKIT_SHINGLE_CORPUS"])
        if os.environ.get("ARTICLEKIT_SHINGLE_CORPUS")
        else None
    )
    if root is None:
        print("no corpus: pass --corpus DIR or set ARTICLEKIT_SHINGLE_CORPUS", file=sys.stderr)
        return 2
    forbid_network()
    pages = load_pages(root, limit=args.limit)
    if args.ids:
        pages = [
            page for page in pages if split_key(page.key, hashed=args.hash_ids) in args.ids.lower()
        ]
    raws = [gzip.decompress(page.path.read_bytes()) for page in pages]
    runs: list[Run] = []
    if args.tools is not None:
        tools = args.tools
    else:
        tools = TEXT_MODE_TOOLS if args.text_renderings else DEFAULT_TOOLS
    for name in [t.strip() for t in tools.split(",") if t.strip()]:
        try:
            runs.append(Run(load_tool(name)))
        except ToolUnavailable as exc:
            print(f"skipped: {exc}", file=sys.stderr)
    if args.text_renderings:
        for name in [t.strip() for t in args.text_tools.split(",") if t.strip()]:
            folder = args.text_renderings / name
            if not folder.is_dir():
                print(f"skipped: no renderings in {folder}", file=sys.stderr)
                continue
            runs.extend(Run(tool, rendering=folder) for tool in text_tools(name))
    for index, (page, raw) in enumerate(zip(pages, raws, strict=True)):
        shift = index % len(runs) if runs else 0
        for run in runs[shift:] + runs[:shift]:
            data = run.source(page, raw)
            if data is None:
                run.status["missing"] += 1
                run.counts.append(page_counts(page.body, ""))
                run.exact.append(False)
                continue
            outcome = run_timed(
                partial(run.tool.text, data, page.url),
                timeout=args.timeout,
                expected_errors=run.tool.expected_errors,
            )
            run.seconds += outcome.seconds
            run.status[outcome.status] += 1
            got = outcome.value if isinstance(outcome.value, str) else ""
            run.counts.append(page_counts(page.body, got))
            run.exact.append(_WORD.findall(page.body) == _WORD.findall(got))
    rows = []
    dev, holdout = halves([page.key for page in pages], hashed=args.hash_ids)
    for run in runs:
        p, r, f1, exact = run.scores()
        bad = {k: v for k, v in run.status.items() if k != "ok"}
        split = (
            [f"{run.scores(dev)[2]:.3f}", f"{run.scores(holdout)[2]:.3f}"] if args.halves else []
        )
        rows.append(
            [
                run.tool.name,
                f"{p:.3f}",
                f"{r:.3f}",
                f"{f1:.3f}",
                *split,
                f"{exact:.3f}",
                f"{len(pages) / run.seconds:.1f}" if run.seconds else "-",
                ", ".join(f"{k} {v}" for k, v in sorted(bad.items())) or "-",
            ]
        )
    print(f"{root}: {len(pages)} pages, {SHINGLE}-word shingles, per-page means")
    split_headers = [f"F1 dev ({len(dev)})", f"F1 holdout ({len(holdout)})"] if args.halves else []
    print(
        format_table(
            ["tool", "precision", "recall", "F1", *split_headers, "exact", "pages/s", "failures"],
            rows,
        )
    )
    if args.by_subset:
        print()
        print(format_table(*subset_table(runs, pages, dev, holdout)))
    ak = next((run for run in runs if run.tool.name == args.worst_of), None)
    if args.worst and ak is not None:
        order = sorted(range(len(pages)), key=lambda i: _page_f1(ak.counts[i]))
        print(f"\n{ak.tool.name}'s {args.worst} lowest pages (F1, P, R; other tools' F1):")
        for i in order[: args.worst]:
            others = " ".join(
                f"{run.tool.name}={_page_f1(run.counts[i]):.2f}" for run in runs if run is not ak
            )
            c = ak.counts[i]
            print(
                f"  {_page_f1(c):.2f} P={_precision(*c):.2f} R={_recall(*c):.2f} "
                f"{others}  {pages[i].key[:12]} {pages[i].url}"
            )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    run.tool.name: {
                        page.key: {"f1": _page_f1(c), "p": _precision(*c), "r": _recall(*c)}
                        for page, c in zip(pages, run.counts, strict=True)
                    }
                    for run in runs
                },
                indent=1,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
