"""Fingerprint articlekit's output on every page, to prove a change output-identical.

Run (dev or bench virtualenv)::

    python benchmarks/output_hashes.py > before.tsv
    ... change the code ...
    python benchmarks/output_hashes.py > after.tsv
    python benchmarks/output_hashes.py --compare before.tsv after.tsv

One line per page: its name (``trafilatura-eval/<file>``, ``readability-pages/<dir>``,
``outside/<id>``) and the first 12 hex digits of the SHA-1 of ``to_json(parse_html(page,
url=url))``, or ``error <ArticleKitError subclass>``. The JSON holds every block, inline,
metadata field and the verdict, so equal hashes on every page mean a refactor or a speed
step changed nothing a user can see; ``--compare`` lists the pages a rule changed, to read
them one by one. The corpora are ``$ARTICLEKIT_CORPUS`` (or ``../shared/corpus``); an
outside set in the layout of ``shingle_accuracy.py`` is added with ``--outside DIR``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

from common import (
    READABILITY_URL,
    corpus_dir,
    load_readability_pages,
    load_trafilatura_eval,
    read_gz,
)

import articlekit


def pages(corpus: Path, outside: Path | None) -> Iterator[tuple[str, bytes, str | None]]:
    """Yield (name, raw HTML, URL) for every page of both corpora and the outside set."""
    for page in load_trafilatura_eval(corpus):
        yield f"trafilatura-eval/{page.path.name}", page.raw(), page.url
    for rpage in load_readability_pages(corpus):
        yield f"readability-pages/{rpage.name}", rpage.raw(), READABILITY_URL
    if outside is not None:
        for path in sorted((outside / "html").glob("*.html.gz")):
            yield f"outside/{path.name.removesuffix('.html.gz')}", read_gz(path), None


def fingerprint(raw: bytes, url: str | None) -> str:
    """Return the short SHA-1 of the page's JSON, or ``error <class>``."""
    try:
        doc = articlekit.parse_html(raw, url=url)
    except articlekit.ArticleKitError as exc:
        return f"error {type(exc).__name__}"
    return hashlib.sha1(articlekit.to_json(doc).encode("utf-8")).hexdigest()[:12]


def compare(before: Path, after: Path) -> int:
    """Print the pages whose fingerprints differ; return how many differ."""

    def read(path: Path) -> dict[str, str]:
        rows = (line.rstrip("\n").split("\t") for line in path.read_text().splitlines())
        return {row[0]: row[1] for row in rows if len(row) == 2}

    old, new = read(before), read(after)
    changed = sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))
    for name in changed:
        print(f"{name}\t{old.get(name, '-')}\t{new.get(name, '-')}")
    print(f"{len(changed)} of {len(old.keys() | new.keys())} pages differ", file=sys.stderr)
    return len(changed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None, help="the shared corpus directory")
    parser.add_argument("--outside", type=Path, default=None, help="an outside set to add")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        return 1 if compare(*args.compare) else 0
    corpus = args.corpus or corpus_dir()
    if not corpus.is_dir():
        print(f"no corpus at {corpus} (set ARTICLEKIT_CORPUS)", file=sys.stderr)
        return 2
    for name, raw, url in pages(corpus, args.outside):
        print(f"{name}\t{fingerprint(raw, url)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
