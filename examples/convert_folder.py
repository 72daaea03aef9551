"""Convert a folder of scraped pages to Markdown with the batch API, reporting failures.

Run from the repository root:

    python examples/convert_folder.py SOURCE_DIR OUTPUT_DIR [--jobs N]

Every file under SOURCE_DIR (HTML or text, sniffed) becomes OUTPUT_DIR/<same path>.md; a
file that cannot be converted is reported with its reason and the rest go on. This is what
``articlekit convert SOURCE_DIR -o OUTPUT_DIR`` does, written out with ``convert_many``:
each output is written to a temporary file and renamed into place, so a run that is
stopped never leaves a half-written page, and two inputs with one stem (``a.html`` and
``a.txt``) never write one output: the later one keeps its suffix (``a.txt.md``).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

import articlekit
from articlekit.batch import convert_many


def output_path(source: str, root: Path, out: Path, taken: set[Path]) -> Path:
    """Return where the Markdown of ``source`` (a file under ``root``) goes, and record it
    in ``taken``: the input's path with ``.md`` for its suffix, or with ``.md`` added when
    an earlier input took that name."""
    relative = Path(os.path.relpath(source, root))
    target = (out / relative).with_suffix(".md")
    if target in taken:
        target = (out / relative).with_name(relative.name + ".md")
    taken.add(target)
    return target


def write_atomic(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a temporary file in the same directory, renamed
    into place: a reader (or a stopped run) sees the old file or the whole new one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()

    converted = failed = 0
    taken: set[Path] = set()
    for source, result in convert_many([args.source], jobs=args.jobs):
        if isinstance(result, articlekit.ArticleKitError):
            failed += 1
            print(f"skipped {result}")  # the message names the file and the reason
            continue
        target = output_path(source, args.source, args.output, taken)
        write_atomic(target, articlekit.to_markdown(result, front_matter=True))
        converted += 1
    print(f"{converted} converted, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
