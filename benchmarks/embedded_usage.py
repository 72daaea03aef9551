"""How many dev pages carry embedded article data, and how many would use it.

For every dev page (trafilatura-eval and readability-pages) the script lists which kinds of
embedded data the page has (``embedded_kinds``), whether ``find_embedded`` recovers an
article from it, and whether the HTML parser would use it: the visible extraction
(``parse_html``) has fewer than ``--threshold`` characters and the embedded article has
more. For pages where both exist it also reports how much of the embedded text's
vocabulary appears in the visible extraction (a check that the recovered text *is* the
article, not some other string).

Run: .venv/bin/python benchmarks/embedded_usage.py [--threshold 500]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import lxml.html

import articlekit
from articlekit.decode import decode_bytes
from articlekit.html.embedded import embedded_kinds, find_embedded
from articlekit.model import plain_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ARTICLEKIT_CORPUS", ROOT.parent / "shared" / "corpus"))
_WORD = re.compile(r"\w+")


def dev_pages() -> list[tuple[str, bytes]]:
    """Return (name, bytes) of every dev page."""
    found = [
        (f"trafilatura/{p.name}", gzip.decompress(p.read_bytes()))
        for p in sorted((CORPUS / "trafilatura-eval" / "html").glob("*.html.gz"))
    ]
    found += [
        (f"readability/{p.parent.name}", gzip.decompress(p.read_bytes()))
        for p in sorted((CORPUS / "readability-pages").glob("*/source.html.gz"))
    ]
    return found


def overlap(embedded: str, visible: str) -> float:
    """Return the share of the embedded text's distinct words found in the visible text."""
    words = set(_WORD.findall(embedded.lower()))
    seen = set(_WORD.findall(visible.lower()))
    return len(words & seen) / len(words) if words else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threshold", type=int, default=500, help="visible-text threshold")
    parser.add_argument("--show", action="store_true", help="list pages that would use it")
    args = parser.parse_args()

    present: Counter[str] = Counter()
    recovered: Counter[str] = Counter()
    used: Counter[str] = Counter()
    agreements: list[float] = []
    users: list[str] = []
    parser_ok = True
    started = time.perf_counter()
    pages = dev_pages()
    for name, data in pages:
        text, _encoding = decode_bytes(data)
        root = lxml.html.document_fromstring(
            text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
        for kind in embedded_kinds(root):
            present[kind] += 1
        found = find_embedded(root)
        if found is None:
            continue
        recovered[found.kind] += 1
        try:
            visible = articlekit.to_text(articlekit.parse_html(data))
        except NotImplementedError:
            parser_ok = False
            visible = ""
        embedded_text = " ".join(plain_text(block) for block in found.blocks)
        if len(visible) >= args.threshold:
            agreements.append(overlap(embedded_text, visible))
        elif found.text_chars > len(visible):
            used[found.kind] += 1
            users.append(f"{name}: {found.kind} {found.text_chars} chars vs {len(visible)} visible")
    elapsed = time.perf_counter() - started

    kinds = ["jsonld", "next-data", "nuxt", "state", "json"]
    print(f"dev pages: {len(pages)}   visible-text threshold: {args.threshold} characters")
    if not parser_ok:
        print("(parse_html not available: visible text counted as 0)")
    print(f"{'kind':>10} {'present':>8} {'article':>8} {'used':>6}")
    for kind in kinds:
        print(f"{kind:>10} {present[kind]:>8} {recovered[kind]:>8} {used[kind]:>6}")
    pages_with = sum(recovered.values())
    print(
        f"{'all':>10} {'':>8} {pages_with:>8} {sum(used.values()):>6}"
        "   (article: pages where an embedded article was found; used: the parser would "
        "take it)"
    )
    if agreements:
        print(
            f"embedded vs visible vocabulary overlap on {len(agreements)} pages with both: "
            f"median {statistics.median(agreements):.2f}, "
            f"min {min(agreements):.2f}"
        )
    print(f"time {elapsed:.1f} s")
    if args.show:
        for line in users:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
