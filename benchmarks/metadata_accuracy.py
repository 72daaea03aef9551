"""Metadata accuracy on readability-pages: articlekit next to trafilatura and readability-lxml.

Run from the project root with the benchmark environment (it has the other tools)::

    .venv-bench/bin/python benchmarks/metadata_accuracy.py [--corpus DIR] [--show-misses FIELD]

Ground truth is each page's ``expected-metadata.json`` (Mozilla Readability's output). The
matchers are those of ``common.py`` (``match_title``, ``match_byline``, ``match_site_name``,
``match_description``), shared with ``html_structure.py`` and applied to every tool alike;
their docstrings say exactly what matches. In short, after NFKC, case folding and keeping
only the ``\\w+`` words:

* **strict** columns count exact matches;
* **~** columns also count lenient ones: a title with or without a separator-delimited
  site-name part ("Article" vs "Article | Site": the truth keeps that part on some pages and
  strips it on others; the counts are printed under the table), a byline written as "By A
  and B" or followed by a date on its next line, an excerpt the truth truncated;
* **desc*** is the lenient description score on the pages whose truth excerpt is a
  description present in the page's meta tags: elsewhere Readability falls back to the
  first paragraph, which a metadata reader cannot know.

Accuracy = matches / pages whose expected value is not empty (the page counts are printed);
a missing prediction there is wrong. readability-lxml reports a title only.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import re
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
from common import (
    READABILITY_URL,
    corpus_dir,
    match_byline,
    match_description,
    match_site_name,
    match_title,
    meta_key,
)

from articlekit.decode import decode_bytes
from articlekit.html.metadata import extract_metadata
from articlekit.html.tree import parse_tree

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = corpus_dir() / "readability-pages"
FIELDS = ("title", "byline", "site_name", "description")

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})


def norm(text: str | None) -> str:
    """Return ``text`` normalised for comparing descriptions: NFKC, case-folded, one space."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return re.sub(r"\s+", " ", text).strip()


def load_pages(corpus: Path) -> list[tuple[str, bytes, dict[str, Any]]]:
    pages = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        source = folder / "source.html.gz"
        truth = folder / "expected-metadata.json"
        if source.is_file() and truth.is_file():
            pages.append(
                (folder.name, gzip.decompress(source.read_bytes()), json.loads(truth.read_text()))
            )
    return pages


def page_descriptions(root: lxml.html.HtmlElement) -> set[str]:
    found = set()
    for el in root.iter("meta"):
        name = f"{el.get('name', '')} {el.get('property', '')}".lower()
        if "description" in name and el.get("content"):
            found.add(norm(el.get("content")))
    return found


def run_articlekit(html: str) -> dict[str, str | None]:
    # The HTML parser's own hardened tree, as parse_html builds it before reading metadata.
    title, meta = extract_metadata(parse_tree(html), url=READABILITY_URL)
    return {
        "title": title,
        "byline": ", ".join(meta.authors) or None,
        "site_name": meta.site_name,
        "description": meta.description,
    }


def run_trafilatura(html: str) -> dict[str, str | None]:
    trafilatura = importlib.import_module("trafilatura")
    meta = trafilatura.extract_metadata(html)
    if meta is None:
        return dict.fromkeys(FIELDS)
    return {
        "title": meta.title,
        "byline": meta.author,
        "site_name": meta.sitename,
        "description": meta.description,
    }


def run_readability(html: str) -> dict[str, str | None]:
    readability = importlib.import_module("readability")
    doc = readability.Document(html)
    return {"title": doc.short_title(), "byline": None, "site_name": None, "description": None}


def run_readability_full_title(html: str) -> dict[str, str | None]:
    readability = importlib.import_module("readability")
    return {"title": readability.Document(html).title()}


TOOLS: dict[str, Callable[[str], dict[str, str | None]]] = {
    "articlekit": run_articlekit,
    "trafilatura": run_trafilatura,
    "readability-lxml short_title": run_readability,
    "readability-lxml title": run_readability_full_title,
}
MATCHERS: dict[str, Callable[[str | None, str | None], str]] = {
    "byline": match_byline,
    "site_name": match_site_name,
    "description": match_description,
}


def verdict(field: str, truth: dict[str, Any], got: str | None) -> str:
    """Return the shared matcher's verdict ("exact", "lenient" or "") for one field."""
    if field == "title":
        return match_title(truth.get("title"), got, site_names=[truth.get("siteName") or ""])
    return MATCHERS[field](truth.get(TRUTH_KEYS[field]), got)


def site_part_kept(truth: str | None, got: str | None) -> bool:
    """Return True when a lenient title match is the truth keeping the site part."""
    return len(meta_key(truth)) > len(meta_key(got))


TRUTH_KEYS = {
    "title": "title",
    "byline": "byline",
    "site_name": "siteName",
    "description": "excerpt",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show-misses", metavar="FIELD", choices=FIELDS)
    parser.add_argument("--tool", default="articlekit", help="tool whose misses to show")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    import logging

    logging.disable(logging.CRITICAL)

    pages = load_pages(args.corpus)
    if not pages:
        print(f"no pages under {args.corpus}", file=sys.stderr)
        return 1
    texts = [(name, decode_bytes(data)[0], truth) for name, data, truth in pages]
    described = {
        name
        for name, html, truth in texts
        if norm(truth.get("excerpt")) in page_descriptions(lxml.html.document_fromstring(html))
    }
    results: dict[str, dict[str, dict[str, str | None]]] = {}
    seconds: dict[str, float] = {}
    for tool, run in TOOLS.items():
        results[tool] = {}
        start = time.perf_counter()
        for name, html, _truth in texts:
            try:
                results[tool][name] = run(html)
            except Exception as exc:  # a benchmark reports other tools' crashes, never stops
                print(f"{tool} failed on {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                results[tool][name] = dict.fromkeys(FIELDS)
        seconds[tool] = time.perf_counter() - start

    n = len(texts)
    totals = {f: sum(bool(meta_key(t.get(TRUTH_KEYS[f]))) for _, _, t in texts) for f in FIELDS}
    print(
        f"readability-pages metadata accuracy ({n} pages; pages with an expected value: "
        + ", ".join(f"{f} {totals[f]}" for f in FIELDS)
        + f"; {len(described)} whose excerpt is a meta description)"
    )
    cols = ["title", "title~", "byline", "byline~", "site", "desc", "desc~", "desc*"]
    header = f"{'tool':30}" + "".join(f" {c:>7}" for c in cols) + f" {'pages/s':>8}"
    print(header)
    print("-" * len(header))
    direction: dict[str, list[int]] = {}
    for tool in TOOLS:
        cells: list[float | None] = []
        for field in ("title", "byline", "site_name", "description"):
            if field != "title" and tool.startswith("readability"):
                cells += [None, None] if field != "site_name" else [None]
                continue
            verdicts = [
                verdict(field, truth, results[tool][name].get(field))
                for name, _html, truth in texts
                if meta_key(truth.get(TRUTH_KEYS[field]))
            ]
            cells.append(verdicts.count("exact") / max(1, totals[field]))
            if field != "site_name":
                cells.append(sum(map(bool, verdicts)) / max(1, totals[field]))
        cells.append(
            sum(
                bool(verdict("description", truth, results[tool][name].get("description")))
                for name, _html, truth in texts
                if name in described
            )
            / max(1, len(described))
            if not tool.startswith("readability")
            else None
        )
        kept = [
            site_part_kept(truth.get("title"), results[tool][name].get("title"))
            for name, _html, truth in texts
            if verdict("title", truth, results[tool][name].get("title")) == "lenient"
        ]
        direction[tool] = [sum(kept), len(kept) - sum(kept)]
        print(
            f"{tool:30}"
            + "".join(f" {c:7.3f}" if c is not None else f" {'-':>7}" for c in cells)
            + f" {n / seconds[tool]:8.1f}"
        )
    print("\nlenient title matches (a site-name part on one side only), per tool:")
    for tool, (kept_n, stripped_n) in direction.items():
        print(
            f"  {tool:30} truth keeps the site part: {kept_n:3}   truth strips it: {stripped_n:3}"
        )
    if args.show_misses:
        field = args.show_misses
        print(f"\n{args.tool} misses on {field} (L: lenient match only):")
        for name, _html, truth in texts:
            got = results[args.tool][name].get(field)
            want = truth.get(TRUTH_KEYS[field])
            found = verdict(field, truth, got)
            if found != "exact" and (meta_key(want) or meta_key(got)):
                mark = "L" if found else "X"
                print(f"{mark} {name:34} want {want!r:.90}\n  {'':34} got  {got!r:.90}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
