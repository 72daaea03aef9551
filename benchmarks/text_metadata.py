"""Authors, publication dates and titles that ``parse_text`` reads off plain-text renderings.

A text article names its authors and dates in a byline and a dateline under the title
("By Jane Doe | March 3, 2024"); this script scores what the text parser reads of them,
per rendering, on an outside set: a truth file as ``metadata_outside.py`` reads it
(``author`` and ``date_published`` per page id; the Postlight Parser's tests through
``mercury_truth.py``) and text renderings of its whole pages written by ``text_render.py
--shingle-corpus SET --out DIR`` (``DIR/<tool>/<id>.txt``; ``--write-set SET`` lays the
truth file's pages out for it as ``SET/html/<id>.html.gz`` and ``SET/ground-truth.json``).
Authors match by ``match_authors`` (the same set of names), dates by ``match_timestamp``
(the same day), titles by ``match_title`` (the same, or the same but for a site-name part
on one side). A whole page's rendering starts with its menus: its title is the headline
the text parser finds above the article, which ``text_accuracy.py`` (articles alone)
never asks for.
The corpus renderings are no use here: Readability takes the byline out of its
``expected.html``, so no rendering of it holds one (0 right of 76 on every rendering).

Columns: pages with a true value, right, and wrong (a value that is not the truth's: a
reader that guesses is worse than one that says nothing). ``--halves`` adds the dev half
(ids whose sha1 starts 0-7) and the holdout half; rules are drawn from dev pages only.
``--show TOOL`` prints each page's truth and reading (dev pages only with ``--halves``).

Run::

    .venv-bench/bin/python benchmarks/text_metadata.py --truth T.json --write-set SET
    .venv-bench/bin/python benchmarks/text_render.py --shingle-corpus SET --out DIR \\
        --tools w3m,lynx,links,pandoc,html2text,browser-copy,textfield
    .venv-bench/bin/python benchmarks/text_metadata.py --truth T.json --renderings DIR \\
        [--halves] [--tools w3m,lynx] [--show w3m]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    format_table,
    match_authors,
    match_timestamp,
    match_title,
)

from articlekit.errors import ArticleKitError
from articlekit.text import parse_text

#: --halves: pages whose id's sha1 starts with one of these form the dev half.
DEV_FIRST = frozenset("01234567")

#: One page: its id, its truth (authors, date, title) and its rendering per tool.
Case = tuple[str, str | None, str | None, str | None, dict[str, Path]]
Matcher = Callable[[str | None, str | None], str]


def is_dev(key: str) -> bool:
    """Return True when the page ``key`` is in the dev half (sha1 starts with 0-7)."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in DEV_FIRST


def write_set(truth_file: Path, out: Path) -> int:
    """Write the truth file's saved pages as ``out/html/<id>.html.gz`` and their ids in
    ``out/ground-truth.json``, the layout ``text_render.py --shingle-corpus`` reads;
    return how many pages were written."""
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    (out / "html").mkdir(parents=True, exist_ok=True)
    ids: dict[str, dict[str, str]] = {}
    for key, page in sorted(truth.items()):
        source = truth_file.parent / page["html"]
        if source.is_file():
            (out / "html" / f"{key}.html.gz").write_bytes(gzip.compress(source.read_bytes()))
            ids[key] = {"articleBody": ""}
    (out / "ground-truth.json").write_text(json.dumps(ids), encoding="utf-8")
    return len(ids)


def outside_cases(truth_file: Path, renderings: Path, tools: Sequence[str]) -> list[Case]:
    """Return an outside set's pages with their truth and their renderings."""
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    cases: list[Case] = []
    for key in sorted(truth):
        paths = {t: renderings / t / f"{key}.txt" for t in tools}
        paths = {t: p for t, p in paths.items() if p.is_file()}
        page = truth[key]
        cases.append(
            (key, page.get("author"), page.get("date_published"), page.get("title"), paths)
        )
    return cases


_READINGS: dict[Path, tuple[str | None, str | None, str | None]] = {}


def _reading(path: Path) -> tuple[str | None, str | None, str | None]:
    """Return the authors (joined with ", "), the published date and the title
    ``parse_text`` reads in the rendering at ``path`` (Nones for an empty rendering);
    parsed once."""
    if path not in _READINGS:
        try:
            doc = parse_text(path.read_text(encoding="utf-8", errors="replace"))
        except ArticleKitError:
            _READINGS[path] = (None, None, None)
        else:
            authors = ", ".join(doc.metadata.authors) or None
            _READINGS[path] = (authors, doc.metadata.published, doc.title)
    return _READINGS[path]


def _score(
    cases: Sequence[Case], tool: str, matchers: tuple[Matcher, Matcher, Matcher], show: bool
) -> list[int]:
    """Return [authors true, right, wrong, dates true, right, wrong, titles true, right,
    wrong] of one tool."""
    counts = [0] * 9
    for key, want_authors, want_date, want_title, paths in cases:
        path = paths.get(tool)
        if path is None:
            continue
        got_authors, got_date, got_title = _reading(path)
        for offset, want, got, matcher in (
            (0, want_authors, got_authors, matchers[0]),
            (3, want_date, got_date, matchers[1]),
            (6, want_title, got_title, matchers[2]),
        ):
            if not want:
                continue
            counts[offset] += 1
            if matcher(want, got):
                counts[offset + 1] += 1
            elif got:
                counts[offset + 2] += 1
        if show:
            print(f"{key}\n  authors {want_authors!r} -> {got_authors!r}")
            print(f"  date    {want_date!r} -> {got_date!r}")
            print(f"  title   {want_title!r} -> {got_title!r}")
    return counts


def _day(truth: str | None, got: str | None) -> str:
    return match_timestamp(truth, got)


def _title(truth: str | None, got: str | None) -> str:
    """The same title, or the same once one side drops a site-name part (lenient)."""
    return match_title(truth, got)


def main(argv: list[str] | None = None) -> int:
    """Print the table; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tools", default="", help="comma-separated renderings (default: all)")
    parser.add_argument("--truth", type=Path, required=True, help="the set's truth.json")
    parser.add_argument("--renderings", type=Path, help="DIR/<tool>/<id>.txt")
    parser.add_argument("--write-set", type=Path, metavar="SET", help="lay the pages out")
    parser.add_argument("--halves", action="store_true", help="add dev and holdout rows")
    parser.add_argument("--show", metavar="TOOL", help="print each page's reading of TOOL")
    args = parser.parse_args(argv)
    if args.write_set is not None:
        print(f"{write_set(args.truth, args.write_set)} pages written to {args.write_set}")
        return 0
    if args.renderings is None:
        parser.error("--renderings DIR (or --write-set SET) is needed")
    tools = [t for t in args.tools.split(",") if t] or sorted(
        p.name for p in args.renderings.iterdir() if p.is_dir()
    )
    cases = outside_cases(args.truth, args.renderings, tools)
    matchers: tuple[Matcher, Matcher, Matcher] = (match_authors, _day, _title)
    halves: list[tuple[str, list[Case]]] = [("all", cases)]
    if args.halves:
        halves.append(("dev", [c for c in cases if is_dev(c[0])]))
        halves.append(("holdout", [c for c in cases if not is_dev(c[0])]))
    rows = []
    for tool in tools:
        for name, subset in halves:
            show = args.show == tool and name == ("dev" if args.halves else "all")
            counts = _score(subset, tool, matchers, show)
            label = tool if name == "all" else f"  {name}"
            rows.append([label, *(str(n) for n in counts)])
    header = ["rendering", "authors", "right", "wrong", "dates", "right", "wrong"]
    header += ["titles", "right", "wrong"]
    print(format_table(header, rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
