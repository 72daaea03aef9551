"""Structure and metadata on Readability's test pages, articlekit next to other extractors.

Run (bench virtualenv, see benchmarks/README.md)::

    .venv-bench/bin/python benchmarks/html_structure.py
    .venv-bench/bin/python benchmarks/html_structure.py --tools articlekit --dump-misses s.jsonl

For each of the 130 pages of ``readability-pages``, the truth is Readability's
``expected.html`` (made a :class:`structure.Structure`) and ``expected-metadata.json``. Each
tool's article is made a Structure too and scored by :func:`structure.structure_counts`;
F1s are pooled over all pages (micro), with the per-page mean (macro) in a second table.

Metadata (title, byline, site name, excerpt, published date) is scored by
the matchers of ``common.py`` (``match_title``, ``match_byline``, ...), the same ones
``metadata_accuracy.py`` uses, for every tool alike. "strict" counts exact matches (equal
NFKC, case-folded ``\\w+`` words; for the byline a leading "by" dropped; dates: the same
``YYYY-MM-DD``); the "~" columns also count the lenient matches the matchers document
(a site-name part the truth keeps on some pages and strips on others, a byline written as
"A and B", a truncated excerpt). The excerpt is the tool's description, else its
article's first paragraph, as Readability makes its own (``structure.excerpt_of``). Only pages
whose expected value is not empty count (the number is printed); an empty or missing
prediction there is wrong.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from common import (
    DEFAULT_TIMEOUT,
    META_MATCHERS,
    READABILITY_URL,
    ReadabilityPage,
    ToolUnavailable,
    corpus_dir,
    forbid_network,
    format_table,
    load_readability_pages,
    load_tool,
    match_title,
    meta_key,
    run_timed,
)
from structure import (
    Match,
    Structure,
    excerpt_of,
    structure_counts,
    structure_from_document,
    structure_from_html,
    structure_from_tree,
)

STRUCTURE_TOOLS = ("articlekit", "readability", "trafilatura")
#: the parts of a Structure that are scored, in table order
PARTS = (
    "heading",
    "heading_shift",
    "heading_text",
    "list_item",
    "paragraph",
    "token",
    "table",
    "figure",
)
META_FIELDS = ("title", "byline", "site_name", "excerpt", "published")
#: fields whose matcher has a lenient verdict: they get a second ("~") column
LENIENT_FIELDS = ("title", "byline", "excerpt")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Prediction:
    """What a tool gave for one page: its structure and the metadata it found."""

    structure: Structure
    meta: dict[str, str | None] = field(default_factory=dict)


# --------------------------------------------------------------------------- tool adapters


def _articlekit() -> tuple[Callable[[bytes], Prediction], tuple[type[BaseException], ...], str]:
    tool = load_tool("articlekit")
    parse = tool.extra["parse"]

    def run(raw: bytes) -> Prediction:
        doc = parse(raw, READABILITY_URL)
        meta = doc.metadata
        return Prediction(
            structure_from_document(doc),
            {
                "title": doc.title,
                "byline": ", ".join(meta.authors) or None,
                "site_name": meta.site_name,
                "excerpt": meta.description,
                "published": meta.published,
            },
        )

    note = (
        "parse_html(bytes, url); title, metadata.authors/site_name/published;"
        " excerpt: metadata.description, else the first paragraph"
    )
    return run, tool.expected_errors, note


def _readability() -> tuple[Callable[[bytes], Prediction], tuple[type[BaseException], ...], str]:
    readability = importlib.import_module("readability")

    def run(raw: bytes) -> Prediction:
        doc = readability.Document(raw, url=READABILITY_URL)
        summary = doc.summary(html_partial=True)
        title = doc.short_title()  # its cleaned article title: 94 vs 63 right for title()
        return Prediction(structure_from_html(summary, title=title), {"title": title})

    return run, (), "readability-lxml summary() HTML; short_title() (title only)"


# trafilatura's XML elements and their HTML equivalents
_TEI_TO_HTML = {
    "doc": "div", "main": "div", "list": "ul", "item": "li", "row": "tr", "cell": "td",
    "graphic": "img", "quote": "blockquote", "code": "code", "lb": "br", "hi": "span",
    "ref": "a", "del": "del", "p": "p", "table": "table",
}  # fmt: skip


def _tei_to_html(root: Any) -> Any:
    """Rename trafilatura's XML elements to HTML in place; return the ``main`` part."""
    main = root.find(".//main")
    main = root if main is None else main
    for el in main.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "head":
            rend = el.get("rend") or "h2"
            el.tag = rend if rend in {f"h{n}" for n in range(1, 7)} else "h2"
        elif tag == "list":
            el.tag = "ol" if el.get("rend") == "ol" else "ul"
        elif tag == "cell":
            el.tag = "th" if el.get("role") == "head" else "td"
        elif tag in _TEI_TO_HTML:
            el.tag = _TEI_TO_HTML[tag]
    return main


def _trafilatura() -> tuple[Callable[[bytes], Prediction], tuple[type[BaseException], ...], str]:
    trafilatura = importlib.import_module("trafilatura")

    def run(raw: bytes) -> Prediction:
        result = trafilatura.bare_extraction(
            raw,
            url=READABILITY_URL,
            with_metadata=True,
            include_images=True,
            include_comments=False,
        )
        if result is None:
            return Prediction(Structure())
        body = getattr(result, "body", None)
        structure = (
            structure_from_tree(_tei_to_html(body), title=result.title)
            if body is not None
            else Structure(title=result.title)
        )
        return Prediction(
            structure,
            {
                "title": result.title,
                "byline": result.author,
                "site_name": result.sitename,
                "excerpt": result.description,
                "published": result.date,
            },
        )

    note = "bare_extraction(bytes, with_metadata, include_images, no comments): XML body"
    return run, (), note


_ADAPTERS = {"articlekit": _articlekit, "readability": _readability, "trafilatura": _trafilatura}


# --------------------------------------------------------------------------- metadata


def _has_truth(name: str, value: str | None) -> bool:
    """Return True when an expected value counts (dates: one that starts with YYYY-MM-DD)."""
    if name == "published":
        return _DATE.match(value or "") is not None
    return bool(meta_key(value))


def _meta_verdict(name: str, want: dict[str, str | None], got: str | None) -> str:
    """Return the shared matcher's verdict ("exact", "lenient" or "") for one field."""
    if name == "title":
        return match_title(want["title"], got, site_names=[want["site_name"] or ""])
    return META_MATCHERS["description" if name == "excerpt" else name](want[name], got)


def _expected_meta(meta: dict[str, Any]) -> dict[str, str | None]:
    return {
        "title": meta.get("title"),
        "byline": meta.get("byline"),
        "site_name": meta.get("siteName"),
        "excerpt": meta.get("excerpt"),
        "published": meta.get("publishedTime"),
    }


# --------------------------------------------------------------------------- run


@dataclass
class ToolResult:
    """Pooled counts and per-page scores of one tool."""

    name: str
    note: str
    totals: dict[str, Match] = field(default_factory=dict)
    per_page: dict[str, list[float]] = field(default_factory=dict)
    table_error: int = 0
    figure_error: int = 0
    meta_right: dict[str, int] = field(default_factory=dict)
    meta_lenient: dict[str, int] = field(default_factory=dict)
    meta_total: dict[str, int] = field(default_factory=dict)
    status: dict[str, int] = field(default_factory=dict)
    examples: dict[str, str] = field(default_factory=dict)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--tools", default=",".join(STRUCTURE_TOOLS), help="comma-separated tools (default: all)"
    )
    parser.add_argument("--only", metavar="TOOL", help="run just this tool")
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    parser.add_argument(
        "--dump-misses",
        metavar="FILE",
        type=Path,
        help="write one JSON line per page and tool with the missed and extra headings, "
        "list items and paragraphs, and the metadata found vs expected",
    )
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write results as JSON")
    parser.add_argument("--corpus", type=Path)
    return parser.parse_args(argv)


def _diff(truth: list[Any], pred: list[Any]) -> dict[str, list[Any]]:
    from collections import Counter

    t, p = Counter(truth), Counter(pred)
    return {"missed": list((t - p).elements()), "extra": list((p - t).elements())}


def _run_tool(
    name: str,
    pages: list[ReadabilityPage],
    truths: list[tuple[Structure, dict[str, str | None]]],
    raws: list[bytes],
    args: argparse.Namespace,
    dump: Any,
) -> ToolResult | str:
    try:
        if name not in _ADAPTERS:
            raise ToolUnavailable(f"{name}: no structure adapter (have: {', '.join(_ADAPTERS)})")
        run, expected, note = _ADAPTERS[name]()
    except ToolUnavailable as exc:
        return str(exc)
    except Exception as exc:  # ImportError or a broken install
        return f"{name}: cannot be loaded ({type(exc).__name__}: {exc})"
    result = ToolResult(name, note)
    result.totals = {part: Match(0, 0, 0) for part in PARTS}
    result.per_page = {part: [] for part in PARTS}
    result.status = {"ok": 0, "error": 0, "crash": 0, "timeout": 0}
    result.meta_right = dict.fromkeys(META_FIELDS, 0)
    result.meta_lenient = dict.fromkeys(META_FIELDS, 0)
    result.meta_total = dict.fromkeys(META_FIELDS, 0)
    for page, (truth, want), raw in zip(pages, truths, raws, strict=True):
        outcome = run_timed(partial(run, raw), timeout=args.timeout, expected_errors=expected)
        result.status[outcome.status] += 1
        if outcome.status != "ok":
            result.examples.setdefault(outcome.status, f"{page.name}: {outcome.message}")
        pred: Prediction = outcome.value if outcome.status == "ok" else Prediction(Structure())
        counts = structure_counts(truth, pred.structure)
        for part in PARTS:
            result.totals[part] = result.totals[part] + counts[part]
            result.per_page[part].append(counts[part].f1)
        result.table_error += abs(truth.tables - pred.structure.tables)
        result.figure_error += abs(truth.figures - pred.structure.figures)
        meta_report: dict[str, Any] = {}
        for key in META_FIELDS:
            if not _has_truth(key, want.get(key)) or (name == "readability" and key != "title"):
                continue
            got = pred.meta.get(key)
            if key == "excerpt":
                got = excerpt_of(got, pred.structure)
            verdict = _meta_verdict(key, want, got)
            result.meta_total[key] += 1
            result.meta_right[key] += verdict == "exact"
            result.meta_lenient[key] += bool(verdict)
            if verdict != "exact":
                meta_report[key] = {"expected": want.get(key), "got": got, "verdict": verdict}
        if dump is not None:
            record = {
                "tool": name,
                "page": page.name,
                "status": outcome.status,
                "message": outcome.message,
                "scores": {part: round(counts[part].f1, 3) for part in PARTS},
                "tables": [truth.tables, pred.structure.tables],
                "figures": [truth.figures, pred.structure.figures],
                "headings": _diff(truth.headings, pred.structure.headings),
                "list_items": _diff(truth.list_items, pred.structure.list_items),
                "paragraphs": _diff(truth.paragraphs, pred.structure.paragraphs),
                "metadata_wrong": meta_report,
            }
            dump.write(json.dumps(record, ensure_ascii=False) + "\n")
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the structure and metadata benchmark and print its tables; return the exit code."""
    args = _parse_args(argv)
    forbid_network()
    names = [args.only] if args.only else [t.strip() for t in args.tools.split(",") if t.strip()]
    pages = load_readability_pages(args.corpus or corpus_dir(), limit=args.limit)
    truths = []
    for page in pages:
        meta = page.metadata()
        truth = structure_from_html(page.expected_html(), title=meta.get("title"))
        truths.append((truth, _expected_meta(meta)))
    raws = [page.raw() for page in pages]
    results: list[ToolResult] = []
    skipped: list[str] = []
    with ExitStack() as stack:
        dump = (
            stack.enter_context(open(args.dump_misses, "w", encoding="utf-8"))
            if args.dump_misses
            else None
        )
        for name in names:
            print(f"running {name} on {len(pages)} pages ...", file=sys.stderr, flush=True)
            row = _run_tool(name, pages, truths, raws, args, dump)
            if isinstance(row, str):
                skipped.append(row)
                print(f"  skipped: {row}", file=sys.stderr)
            else:
                results.append(row)
    _print_report(results, skipped, pages, truths)
    if args.json:
        args.json.write_text(json.dumps(_as_json(results, skipped), indent=2))
    return 0


def _as_json(results: list[ToolResult], skipped: list[str]) -> dict[str, Any]:
    return {
        "results": [
            {
                "tool": r.name,
                "micro_f1": {p: r.totals[p].f1 for p in PARTS},
                "macro_f1": {p: _mean(r.per_page[p]) for p in PARTS},
                "table_error": r.table_error,
                "figure_error": r.figure_error,
                "metadata": {
                    k: {
                        "exact": r.meta_right[k],
                        "lenient": r.meta_lenient[k],
                        "of": r.meta_total[k],
                    }
                    for k in META_FIELDS
                },
                "status": r.status,
            }
            for r in results
        ],
        "skipped": skipped,
    }


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _print_report(
    results: list[ToolResult],
    skipped: list[str],
    pages: list[ReadabilityPage],
    truths: list[tuple[Structure, dict[str, str | None]]],
) -> None:
    n = len(pages)
    n_tables = sum(t.tables for t, _ in truths)
    n_figures = sum(t.figures for t, _ in truths)
    print(f"\nreadability-pages: {n} pages; structure F1 pooled over all pages (micro)\n")
    headers = ["tool", "head", "head(shift)", "head(text)", "list item", "para", "token"]
    headers += ["table#", "figure#"]
    headers += ["|tbl err|", "|fig err|", "err", "crash", "t/o"]
    rows: list[list[object]] = []
    for r in results:
        failures = [r.status["error"], r.status["crash"], r.status["timeout"]]
        rows.append(
            [r.name, *(r.totals[p].f1 for p in PARTS), r.table_error, r.figure_error, *failures]
        )
    print(format_table(headers, rows))
    print(
        f"(|tbl err|, |fig err|: sum over pages of |predicted - expected| count; expected "
        f"totals: {n_tables} tables, {n_figures} images)"
    )
    print("\nper-page mean (macro) F1\n")
    macro_headers = ["tool", "head", "head(shift)", "head(text)", "list item", "para", "token"]
    macro_rows = [[r.name, *(_mean(r.per_page[p]) for p in PARTS[:6])] for r in results]
    print(format_table(macro_headers, macro_rows))
    print("\nmetadata accuracy: right / pages with an expected value (~: with lenient matches)\n")
    meta_rows = []
    for r in results:
        cells: list[object] = [r.name]
        for key in META_FIELDS:
            total = r.meta_total[key]
            counts = [r.meta_right[key]] + ([r.meta_lenient[key]] if key in LENIENT_FIELDS else [])
            cells += [
                f"{right / total:.3f} ({right}/{total})" if total else "-" for right in counts
            ]
        meta_rows.append(cells)
    meta_headers = ["tool", "title", "title~", "byline", "byline~", "site name"]
    meta_headers += ["excerpt", "excerpt~", "published"]
    print(format_table(meta_headers, meta_rows))
    print("\nhow each tool was called:")
    for r in results:
        print(f"  {r.name}: {r.note}")
        for status, example in r.examples.items():
            print(f"    first {status}: {example}")
    for reason in skipped:
        print(f"  SKIPPED {reason}")


if __name__ == "__main__":
    sys.exit(main())
