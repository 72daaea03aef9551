"""Metadata accuracy on an outside set: articlekit next to trafilatura and newspaper4k.

Run from the project root with the benchmark environment (it has the other tools)::

    .venv-bench/bin/python benchmarks/metadata_outside.py --truth DIR/truth.json [--halves]
        [--tools articlekit,trafilatura,newspaper4k] [--show-misses FIELD] [--tool NAME]

The truth file maps a page id to ``{"url", "html", "title", "author", "date_published",
"lead_image_url", "first_words"}``; ``html`` is the saved page, relative to the file.
``mercury_truth.py`` builds one from the public Postlight Parser repository's tests. No
data of such a set is in this repository.

Every tool reads the page's bytes (newspaper4k a ``str`` decoded by ``UnicodeDammit``)
with the page's URL. The fields and their matchers (all in ``common.py``):

* **title** (``match_title``): strict = the same words; ``~`` also forgives a site-name
  part on one side only.
* **author** (``match_authors``): the same set of names, order-free; case, punctuation,
  "By" and "and"/"&"/commas do not count.
* **date** (``match_timestamp``): ``day`` = the same calendar day (the prediction's day as
  written or in UTC, or the truth's day at the prediction's own offset), ``time`` = the
  same instant to the second.
* **image** (``match_image_url``): strict = the same URL (scheme and HTML escapes not
  counting); ``~`` = the same host and path with another query.
* **start** (``match_first_words``): the body text starts with the truth's first words;
  ``~`` = they start within its first 600 word characters.

Accuracy = matches / pages whose expected value is not empty (a missing prediction there is
wrong). ``--halves`` adds rows for the dev half (ids whose sha1's first hex digit is 0-7)
and the holdout half (8-f): rules may be derived from dev pages only.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import logging
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import (
    decode_with_dammit,
    forbid_network,
    format_table,
    match_authors,
    match_first_words,
    match_image_url,
    match_timestamp,
    match_title,
    run_timed,
)

#: The tools run by default: those that report title, author and date.
DEFAULT_TOOLS = "articlekit,trafilatura,newspaper4k"
#: --halves: pages whose id's sha1 starts with one of these form the dev half.
DEV_FIRST = frozenset("01234567")
#: Truth keys, in the order of the table.
FIELDS = ("title", "author", "date_published", "lead_image_url", "first_words")

#: What a tool reports for one page.
Result = dict[str, Any]


@dataclass(frozen=True)
class Page:
    """One page of the outside set and its truth."""

    key: str
    url: str | None
    path: Path
    truth: dict[str, str | None]


def load_pages(truth_file: Path) -> list[Page]:
    """Read the truth file and pair each item with its saved page."""
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = [
        Page(key, item.get("url"), truth_file.parent / item["html"], item)
        for key, item in sorted(truth.items())
    ]
    missing = [page.path.name for page in pages if not page.path.is_file()]
    if missing:
        raise SystemExit(f"{truth_file}: {len(missing)} pages have no html file: {missing[0]}")
    return pages


def is_dev(key: str) -> bool:
    """Return True when the page ``key`` is in the dev half (sha1 starts with 0-7)."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in DEV_FIRST


# --------------------------------------------------------------------------- tools


def _articlekit() -> Callable[[bytes, str | None], Result]:
    articlekit = importlib.import_module("articlekit")

    def run(raw: bytes, url: str | None) -> Result:
        doc = articlekit.parse_html(raw, url=url)
        meta = doc.metadata
        return {
            "title": doc.title,
            "author": list(meta.authors),
            "date_published": meta.published,
            "lead_image_url": meta.image,
            "first_words": str(articlekit.to_text(doc)),
        }

    return run


def _trafilatura() -> Callable[[bytes, str | None], Result]:
    trafilatura = importlib.import_module("trafilatura")

    def run(raw: bytes, url: str | None) -> Result:
        found = trafilatura.bare_extraction(raw, url=url, with_metadata=True)
        doc = found.as_dict() if found is not None else {}
        return {
            "title": doc.get("title"),
            "author": doc.get("author"),  # "A; B"
            "date_published": doc.get("date"),
            "lead_image_url": doc.get("image"),
            "first_words": doc.get("text"),
        }

    return run


def _newspaper() -> Callable[[bytes, str | None], Result]:
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    newspaper = importlib.import_module("newspaper")

    def run(raw: bytes, url: str | None) -> Result:
        article = newspaper.Article(url or "http://localhost/", fetch_images=False)
        article.download(input_html=decode_with_dammit(raw))
        article.parse()
        published = article.publish_date
        return {
            "title": article.title,
            "author": list(article.authors),
            "date_published": published.isoformat() if published else None,
            "lead_image_url": article.top_image or None,
            "first_words": article.text,
        }

    return run


TOOLS: dict[str, Callable[[], Callable[[bytes, str | None], Result]]] = {
    "articlekit": _articlekit,
    "trafilatura": _trafilatura,
    "newspaper4k": _newspaper,
}
NOTES = {
    "articlekit": "parse_html(bytes, url=url): title, metadata.authors/published/image, to_text",
    "trafilatura": "bare_extraction(bytes, url=url, with_metadata=True): title/author/date/image",
    "newspaper4k": "Article(url, fetch_images=False).download(input_html=str).parse()",
}


# --------------------------------------------------------------------------- scoring


def verdict(field: str, truth: str | None, got: Any) -> str:
    """Return the shared matcher's verdict ("exact", "lenient" or "") for one field."""
    if field == "title":
        return match_title(truth, got)
    if field == "author":
        return match_authors(truth, got)
    if field == "date_published":
        return match_timestamp(truth, got)
    if field == "lead_image_url":
        return match_image_url(truth, got)
    return match_first_words(truth, got)


#: Table columns: (header, field, the verdicts that count).
COLUMNS = (
    ("title", "title", {"exact"}),
    ("title~", "title", {"exact", "lenient"}),
    ("author", "author", {"exact"}),
    ("day", "date_published", {"exact", "lenient"}),
    ("time", "date_published", {"exact"}),
    ("image", "lead_image_url", {"exact"}),
    ("image~", "lead_image_url", {"exact", "lenient"}),
    ("start", "first_words", {"exact"}),
    ("start~", "first_words", {"exact", "lenient"}),
)


def score(pages: Sequence[Page], results: dict[str, Result], counts: set[str], field: str) -> str:
    """Return "right/with-truth" for one column over ``pages``."""
    wanted = [p for p in pages if p.truth.get(field)]
    right = sum(
        verdict(field, p.truth.get(field), results[p.key].get(field)) in counts for p in wanted
    )
    return f"{right / max(1, len(wanted)):.3f} ({right}/{len(wanted)})"


def run_tools(pages: Sequence[Page], names: Sequence[str]) -> dict[str, dict[str, Result]]:
    """Run every tool on every page; a crash or timeout gives an empty result."""
    results: dict[str, dict[str, Result]] = {}
    for name in names:
        try:
            run = TOOLS[name]()
        except ImportError as exc:
            print(f"SKIPPED {name}: {exc}", file=sys.stderr)
            continue
        results[name] = {}
        for page in pages:
            raw = page.path.read_bytes()
            outcome = run_timed(lambda raw=raw, url=page.url, run=run: run(raw, url))
            if outcome.status != "ok":
                print(f"{name} {outcome.status} on {page.key}: {outcome.message}", file=sys.stderr)
            results[name][page.key] = outcome.value or {}
    return results


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--truth", type=Path, required=True, help="the truth JSON file")
    parser.add_argument("--tools", default=DEFAULT_TOOLS, help=f"default: {DEFAULT_TOOLS}")
    parser.add_argument("--halves", action="store_true", help="add dev and holdout rows")
    parser.add_argument("--show-misses", metavar="FIELD", choices=FIELDS)
    parser.add_argument("--tool", default="articlekit", help="tool whose misses to show")
    parser.add_argument(
        "--dev-only", action="store_true", help="show misses of dev-half pages only"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    forbid_network()
    pages = load_pages(args.truth)
    names = [n.strip() for n in args.tools.split(",") if n.strip()]
    unknown = [n for n in names if n not in TOOLS]
    if unknown:
        raise SystemExit(f"unknown tools: {', '.join(unknown)} (known: {', '.join(TOOLS)})")
    results = run_tools(pages, names)
    groups = [("all", pages)]
    if args.halves:
        groups += [
            ("dev", [p for p in pages if is_dev(p.key)]),
            ("holdout", [p for p in pages if not is_dev(p.key)]),
        ]
    print(f"metadata accuracy on {args.truth} ({len(pages)} pages)")
    for name in results:
        print(f"  {name}: {NOTES[name]}")
    for label, group in groups:
        print(f"\n{label} ({len(group)} pages)")
        rows = [
            [name, *(score(group, results[name], counts, f) for _h, f, counts in COLUMNS)]
            for name in results
        ]
        print(format_table(["tool", *(h for h, _f, _c in COLUMNS)], rows))
    if args.show_misses and args.tool in results:
        field = args.show_misses
        shown = [p for p in pages if is_dev(p.key)] if args.dev_only else pages
        print(f"\n{args.tool} misses on {field} (L: lenient match only):")
        for page in shown:
            want = page.truth.get(field)
            got = results[args.tool][page.key].get(field)
            found = verdict(field, want, got) if want else "exact"
            if found != "exact":
                mark = "L" if found else "X"
                got_text = got[:200] if isinstance(got, str) else got
                print(f"{mark} {page.key:34} want {want!r:.120}\n  {'':34} got  {got_text!r:.120}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
