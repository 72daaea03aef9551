"""Recall and precision of articlekit's recommendation blocks on the hand-labelled pages.

Two label files in ``tests/data`` (both checked against the pages' raw HTML):

* ``recommendations-labels.json`` (recall): pages where a recommendation block exists, its
  title as the page shows it and its first items. A page counts as found when a block whose
  title holds the labelled title lists every labelled item (the whole title when the entry
  is ``exact``, else a prefix), as ``tests/test_html_recommendations.py`` checks.
* ``recommendations-precision.json`` (precision): items articlekit produced, drawn at random
  with a fixed seed, each judged genuine (a link to another article or content page) or not
  (its ``kind``: nav, promo, ad, legal, ...). Items are matched by page and URL. Precision is
  the share of the labelled items still produced that are genuine; "genuine kept" is the
  share of the genuine labelled items still produced (a rule must not drop them).
* ``recommendations-pages.json`` (pages read whole, in seven languages): each page's
  recommendation blocks (title, items: URL, a part of the headline, picture or not) and
  the link lists that are *not* recommendations: the article's own (table of contents,
  sources, further reading, a how-to's links: they must stay in the body) and others
  (menus, author links, promos: they must only not become items). "Complete" pages hold
  no recommendation block at all, so every item produced there is a false positive.
  Reported: labelled items found (and with their title, and their picture), blocks
  found whole (and under their title), non-recommendation links produced as items,
  the article's own links kept in the body, and items produced on complete pages.

Usage::

    .venv/bin/python benchmarks/recommendations.py            # ~10 s
    .venv/bin/python benchmarks/recommendations.py --kinds    # false positives left, by kind

Only articlekit is measured (the other extractors have no recommendation blocks).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path
from typing import Any

from common import corpus_dir, read_gz

REPO = Path(__file__).resolve().parent.parent
RECALL_LABELS = REPO / "tests" / "data" / "recommendations-labels.json"
PRECISION_LABELS = REPO / "tests" / "data" / "recommendations-precision.json"
PAGE_LABELS = REPO / "tests" / "data" / "recommendations-pages.json"


def _parse(corpus: Path, entry: dict[str, Any]) -> Any:
    import articlekit

    raw = read_gz(corpus / entry["corpus"] / entry["file"])
    return articlekit.parse_html(raw, url=entry["url"])


def recall(corpus: Path) -> tuple[int, int]:
    """Return (pages found, labelled pages) for the recall labels."""
    labels = json.loads(RECALL_LABELS.read_text(encoding="utf-8"))["pages"]
    found = 0
    for label in labels:
        doc = _parse(corpus, label)
        want_title = label["title"].casefold()
        titles = [
            item.title
            for block in doc.recommendations
            if block.title and want_title in block.title.casefold()
            for item in block.items
        ]
        exact = label.get("exact", False)
        if titles and all(
            any(t == want if exact else t.startswith(want) for t in titles)
            for want in label["items"]
        ):
            found += 1
    return found, len(labels)


def precision(corpus: Path) -> dict[str, Any]:
    """Return the precision counts for the precision labels (see the module docstring)."""
    pages = json.loads(PRECISION_LABELS.read_text(encoding="utf-8"))["pages"]
    produced = genuine_produced = genuine = 0
    left: collections.Counter[str] = collections.Counter()
    by_sample: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for page in pages:
        doc = _parse(corpus, page)
        urls = {item.url for block in doc.recommendations for item in block.items}
        for item in page["items"]:
            genuine += item["genuine"]
            if item["url"] not in urls:
                continue
            produced += 1
            genuine_produced += item["genuine"]
            by_sample[item["sample"]][0] += item["genuine"]
            by_sample[item["sample"]][1] += 1
            if not item["genuine"]:
                left[item["kind"]] += 1
    return {
        "pages": len(pages),
        "items": sum(len(p["items"]) for p in pages),
        "produced": produced,
        "precision": genuine_produced / produced if produced else 1.0,
        "genuine_kept": genuine_produced / genuine if genuine else 1.0,
        "by_sample": {k: v[0] / v[1] for k, v in sorted(by_sample.items()) if v[1]},
        "false_positives": dict(left.most_common()),
    }


def _produced(doc: Any) -> dict[str, tuple[Any, Any]]:
    """Map each recommendation item's URL to (its block, the item)."""
    return {item.url: (block, item) for block in doc.recommendations for item in block.items}


def pages(corpus: Path, *, verbose: bool = False) -> dict[str, Any]:
    """Return the counts for the page labels (see the module docstring)."""
    from urllib.parse import urljoin

    labels = json.loads(PAGE_LABELS.read_text(encoding="utf-8"))["pages"]
    c: collections.Counter[str] = collections.Counter()
    for page in labels:
        doc = _parse(corpus, page)
        got = _produced(doc)
        body = {urljoin(page["url"], ref.url) for ref in doc.links()}
        c["pages"] += 1
        for block in page["blocks"]:
            c["blocks"] += 1
            hits = [got.get(item["url"]) for item in block["items"]]
            c["blocks_found"] += all(hits)
            titled = all(
                h and block["title"].casefold() in (h[0].title or "").casefold() for h in hits
            )
            c["blocks_titled"] += titled
            for item, hit in zip(block["items"], hits, strict=True):
                c["items"] += 1
                c["images"] += item["image"]
                if hit is None:
                    if verbose:
                        print(f"  missed  {page['file']}  {item['url']}")
                    continue
                c["items_found"] += 1
                c["items_titled"] += item["title"].casefold() in hit[1].title.casefold()
                c["images_kept"] += item["image"] and hit[1].image is not None
        for links in page["not_recommendations"]:
            for url in links["urls"]:
                c["not_links"] += 1
                if url in got:
                    c["not_produced"] += 1
                    if verbose:
                        print(f"  wrong   {page['file']}  {links['kind']}  {url}")
                if links["content"]:
                    c["own_links"] += 1
                    c["own_in_body"] += url in body
                    if verbose and url not in body:
                        print(f"  lost    {page['file']}  {links['kind']}  {url}")
        if page["complete"]:
            c["complete_pages"] += 1
            c["complete_items"] += len(got)
            if verbose:
                for url in got:
                    print(f"  extra   {page['file']}  {url}")
    keys = ("blocks", "blocks_found", "blocks_titled", "items", "items_found", "items_titled")
    keys += ("images", "images_kept", "not_links", "not_produced", "own_links", "own_in_body")
    return {k: c[k] for k in ("pages", *keys, "complete_pages", "complete_items")}


def _print_pages(p: dict[str, Any]) -> None:
    """Print the page-label figures."""
    print(
        f"  pages      labelled pages     {p['pages']} (blocks {p['blocks']}, items {p['items']})"
    )
    print(
        f"             items found        {p['items_found']}/{p['items']}"
        f"  with title {p['items_titled']}  picture {p['images_kept']}/{p['images']}"
    )
    print(
        f"             blocks found whole {p['blocks_found']}/{p['blocks']}"
        f"  under their title {p['blocks_titled']}"
    )
    print(
        f"             not-recommendation links as items {p['not_produced']}/{p['not_links']}"
        f"  article's own links in body {p['own_in_body']}/{p['own_links']}"
    )
    print(
        f"             items on {p['complete_pages']} pages without recommendations"
        f"  {p['complete_items']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None, help="the shared corpus directory")
    parser.add_argument("--kinds", action="store_true", help="list the false positives by kind")
    parser.add_argument("--json", type=Path, default=None, help="write the figures as JSON")
    parser.add_argument(
        "--misses", action="store_true", help="list the page labels' misses and wrong items"
    )
    args = parser.parse_args(argv)
    corpus = args.corpus or corpus_dir()
    found, labelled = recall(corpus)
    prec = precision(corpus)
    print(f"recommendations, articlekit (labels in {RECALL_LABELS.parent.relative_to(REPO)})")
    print(f"  recall     pages found        {found}/{labelled} = {found / labelled:.3f}")
    print(
        f"  precision  items genuine      {prec['precision']:.3f}"
        f"  ({prec['produced']} of {prec['items']} labelled items produced,"
        f" {prec['pages']} pages)"
    )
    for sample, value in prec["by_sample"].items():
        print(f"             sample {sample:<11} {value:.3f}")
    print(f"  genuine labelled items kept   {prec['genuine_kept']:.3f}")
    if args.kinds:
        print("  false positives left by kind:", prec["false_positives"])
    by_page = pages(corpus, verbose=args.misses)
    _print_pages(by_page)
    if args.json:
        args.json.write_text(
            json.dumps({"recall": found / labelled, **prec, "pages": by_page}, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
