"""Convert a folder of scraped pages to Markdown with the batch API, reporting failures.

Run from the repository root:

    python examples/convert_folder.py SOURCE_DIR OUTPUT_DIR [--jobs N]

Every file under SOURCE_DIR (HTML or text, sniffed) becomes OUTPUT_DIR/<same path>.md; a
file that cannot be converted is reported with its reason and the rest go on. This is what
``articlekit convert SOURCE_DIR -o OUTPUT_DIR`` does, written out with ``convert_many``.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import articlekit
from articlekit.batch import convert_many


def output_path(source: str, root: Path, out: Path) -> Path:
    """Return where the Markdown of ``source`` (a file under ``root``) goes."""
    relative = Path(os.path.relpath(source, root))
    return (out / relative).with_suffix(".md")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()

    converted = failed = 0
    for source, result in convert_many([args.source], jobs=args.jobs):
        if isinstance(result, articlekit.ArticleKitError):
            failed += 1
            print(f"skipped {result}")  # the message names the file and the reason
            continue
        target = output_path(source, args.source, args.output)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(articlekit.to_markdown(result, front_matter=True), encoding="utf-8")
        converted += 1
    print(f"{converted} converted, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
