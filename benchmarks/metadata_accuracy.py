"""Metadata accuracy on readability-pages: articlekit next to trafilatura and readability-lxml.

Run from the project root with the benchmark environment (it has the other tools)::

    .venv-bench/bin/python benchmarks/metadata_accuracy.py [--corpus DIR] [--show-misses FIELD]

Ground truth is each page's ``expected-metadata.json`` (Mozilla Readability's output). What
counts as a match, after normalising both sides (Unicode NFKC, case-folded, quotes and
dashes unified, whitespace collapsed):

* **title** -- equal; or equal once one side drops a leading or trailing part that a title
  separator (``|``, ``-``, ``–``, ``—``, ``:``, ``·``, ``»``, ``/``, ``_``) cuts off: the
  truth keeps the site name in "Article | Site" about as often as it strips it, so "Article"
  against "Article | Site" is a match. The "strict" column counts exact equality only.
  Both empty is a match.
* **byline** -- the sets of name words are equal, ignoring "By"-style prefixes, the words
  "and"/"&"/"," between names and anything that is not a letter; both empty is a match.
  The truth is read up to its first line break: Readability copies a byline element
  whole, and the next line is a date or a desk ("By Nathan Willis\n March 25, 2015").
* **site name** -- equal; both empty is a match.
* **description** -- articlekit's ``description`` equals the truth's ``excerpt``, or one is a
  prefix of the other (the truth truncates some); both empty is a match. Readability falls
  back to the first paragraph when a page has no description, which a metadata reader
  cannot know: the "pages w/ description" column counts only pages whose truth excerpt
  equals a description present in the page's meta tags.

Accuracy = matches / pages. readability-lxml reports a title only.
"""

from __future__ import annotations

import argparse
import gzip
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

from articlekit.decode import decode_bytes
from articlekit.html.metadata import extract_metadata
from articlekit.html.tree import parse_tree

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "readability-pages"
FIELDS = ("title", "byline", "site_name", "description")

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})
_SEPARATOR = re.compile(r"\s*(?:[|\-:·»/_\\]|::)\s*")
_BY = re.compile(
    r"^(?:by|von|par|por|di|door|przez|written by|posted by)\b|\b(?:and|und|et|y)\b",
    re.IGNORECASE,
)


def norm(text: str | None) -> str:
    """Return ``text`` normalised for comparison."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return re.sub(r"\s+", " ", text).strip()


def title_match(truth: str | None, got: str | None) -> bool:
    """Return True when ``got`` is ``truth`` or ``truth`` with/without a site-name part."""
    a, b = norm(truth), norm(got)
    if a == b:
        return True
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    for sep in _SEPARATOR.finditer(longer):
        if longer[: sep.start()].strip() == shorter or longer[sep.end() :].strip() == shorter:
            return True
    return False


def _name_words(text: str) -> frozenset[str]:
    text = _BY.sub(" ", norm(text))
    return frozenset(w for w in re.split(r"[\W\d_]+", text) if w)


def byline_match(truth: str | None, got: str | None) -> bool:
    lines = [words for line in (truth or "").splitlines() if (words := _name_words(line))]
    return (lines[0] if lines else frozenset()) == _name_words(got or "")


def desc_match(truth: str | None, got: str | None) -> bool:
    a, b = norm(truth), norm(got)
    if a == b:
        return True
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 40 and longer.startswith(shorter.rstrip(". …"))


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
    title, meta = extract_metadata(parse_tree(html))
    return {
        "title": title,
        "byline": ", ".join(meta.authors) or None,
        "site_name": meta.site_name,
        "description": meta.description,
    }


def run_trafilatura(html: str) -> dict[str, str | None]:
    import trafilatura

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
    import readability

    doc = readability.Document(html)
    return {"title": doc.short_title(), "byline": None, "site_name": None, "description": None}


def run_readability_full_title(html: str) -> dict[str, str | None]:
    import readability

    return {"title": readability.Document(html).title()}


TOOLS: dict[str, Callable[[str], dict[str, str | None]]] = {
    "articlekit": run_articlekit,
    "trafilatura": run_trafilatura,
    "readability-lxml short_title": run_readability,
    "readability-lxml title": run_readability_full_title,
}
MATCHERS: dict[str, Callable[[str | None, str | None], bool]] = {
    "title": title_match,
    "byline": byline_match,
    "site_name": lambda a, b: norm(a) == norm(b),
    "description": desc_match,
}
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
    print(f"readability-pages metadata accuracy ({n} pages; {len(described)} with description)")
    header = f"{'tool':32} {'title':>7} {'strict':>7} {'byline':>7} {'site':>7} {'desc':>7}"
    print(header + f" {'desc*':>7} {'pages/s':>8}")
    print("-" * (len(header) + 17))
    for tool in TOOLS:
        scores: dict[str, float] = {}
        for field in FIELDS:
            if field != "title" and tool.startswith("readability"):
                continue
            ok = sum(
                MATCHERS[field](truth.get(TRUTH_KEYS[field]), results[tool][name].get(field))
                for name, _html, truth in texts
            )
            scores[field] = ok / n
        strict = sum(
            norm(truth.get("title")) == norm(results[tool][name].get("title"))
            for name, _html, truth in texts
        )
        desc_star = (
            sum(
                desc_match(truth.get("excerpt"), results[tool][name].get("description"))
                for name, _html, truth in texts
                if name in described
            )
            / max(1, len(described))
            if not tool.startswith("readability")
            else None
        )

        def cell(value: float | None) -> str:
            return f"{value:7.3f}" if value is not None else f"{'-':>7}"

        print(
            f"{tool:32} {cell(scores.get('title'))} {cell(strict / n)} "
            f"{cell(scores.get('byline'))} {cell(scores.get('site_name'))} "
            f"{cell(scores.get('description'))} {cell(desc_star)} {n / seconds[tool]:8.1f}"
        )
    if args.show_misses:
        field = args.show_misses
        print(f"\n{args.tool} misses on {field}:")
        for name, _html, truth in texts:
            got = results[args.tool][name].get(field)
            want = truth.get(TRUTH_KEYS[field])
            if not MATCHERS[field](want, got):
                print(f"  {name:34} want {want!r:.90}\n  {'':34} got  {got!r:.90}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
