"""Score ``parse_text`` on w3m, lynx and html2text renderings of the shared corpora.

Two tables:

1. **Structure** (readability-pages): each ``expected.html`` rendered by each tool (with the
   metadata title on top, see ``text_render.py``) is parsed; the truth comes from the HTML
   (``structure.py``, shared with the HTML benchmark). Columns: title accuracy, heading F1
   with and without level, list-item F1, paragraph F1 (whole text after whitespace
   collapsing, so an unjoined wrap is a miss) and body-token F1. F1s are pooled (micro)
   over all pages.
   The ``baseline`` rows treat every blank-line-separated chunk as a paragraph.
2. **Whole-page dumps** (trafilatura-eval): ``to_text(parse_text(dump))`` scored with the
   corpus's with/without snippets (whitespace collapsed), next to the raw dump's score.
   Text and snippets are both folded to ASCII quotes, dashes and unaccented letters
   (:func:`fold`), since html2text writes entities that way.

Setup and run (render first; nothing is installed by these scripts)::

    apt-get update && apt-get install -y w3m lynx
    python3 -m venv .venv-bench && .venv-bench/bin/pip install -e . html2text
    .venv-bench/bin/python benchmarks/text_render.py
    .venv-bench/bin/python benchmarks/text_accuracy.py [--worst N] [--page NAME]
        [--limit N] [--tool w3m] [--skip-structure] [--dump-misses DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import corpus_dir, format_table, load_trafilatura_eval, score_snippets
from structure import (
    Match,
    Structure,
    collapse_ws,
    structure_counts,
    structure_from_document,
    structure_from_html,
)

from articlekit.errors import ArticleKitError
from articlekit.text import parse_text

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "text"
CORPUS = corpus_dir()  # $ARTICLEKIT_CORPUS, else ../shared/corpus of the repo
TOOLS = ("w3m", "lynx", "html2text")
FEATURES = ("heading", "heading_text", "list_item", "paragraph", "token")
_CHUNKS = re.compile(r"\n[ \t]*\n")


def to_text(doc: object) -> str:
    """Return the document's body text through the project's text serialiser."""
    from articlekit.serialise.text import to_text as serialise

    return serialise(doc)  # type: ignore[arg-type]


def baseline(dump: str) -> Structure:
    """Return the structure "every blank-line-separated chunk is a paragraph" gives."""
    chunks = [collapse_ws(c) for c in _CHUNKS.split(dump)]
    chunks = [c for c in chunks if c]
    return Structure(title=None, paragraphs=chunks, body_text=" ".join(chunks))


def _truth(page: Path) -> Structure:
    meta = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
    text = gzip.decompress((page / "expected.html.gz").read_bytes()).decode("utf-8", "replace")
    return structure_from_html(text, title=meta.get("title"))


def structure_table(worst: int, only: str | None) -> str:
    """Return the structure table (readability-pages) for every tool and the baseline."""
    pages = sorted(p for p in (CORPUS / "readability-pages").iterdir() if p.is_dir())
    truths = {p.name: _truth(p) for p in pages if only is None or p.name == only}
    rows: list[list[object]] = []
    misses: list[tuple[int, str, str]] = []
    for tool in TOOLS:
        for mode in ("parse_text", "baseline"):
            totals = {feature: Match(0, 0, 0) for feature in FEATURES}
            titles = count = 0
            for name, truth in truths.items():
                path = DATA / tool / "readability" / f"{name}.txt"
                if not path.exists():
                    continue
                dump = path.read_text(encoding="utf-8")
                if mode == "baseline":
                    pred = baseline(dump)
                else:
                    try:
                        pred = structure_from_document(parse_text(dump))
                    except ArticleKitError:
                        pred = Structure()
                counts = structure_counts(truth, pred)
                count += 1
                titles += bool(truth.title) and collapse_ws(pred.title or "") == collapse_ws(
                    truth.title or ""
                )
                for feature in FEATURES:
                    totals[feature] += counts[feature]
                if mode == "parse_text":
                    para = counts["paragraph"]
                    misses.append((para.fp + para.fn, tool, name))
            if count:
                rows.append(
                    [f"{tool} {mode}", count, titles / count]
                    + [totals[feature].f1 for feature in FEATURES]
                )
    headers = [
        "tool",
        "pages",
        "title acc",
        "heading F1 (level)",
        "heading F1",
        "list-item F1",
        "paragraph F1",
        "token F1",
    ]
    out = format_table(headers, rows)
    if worst:
        misses.sort(reverse=True)
        out += "\n\nmost paragraph misses: " + ", ".join(
            f"{tool}/{name} ({bad})" for bad, tool, name in misses[:worst]
        )
    return out


# html2text (without its unicode_snob option) writes the entities &rsquo; &ldquo; &mdash;
# &eacute; ... as ASCII ("'", '"', "--", "e"), so a snippet with the page's own characters
# is not found in a correct extraction. Both sides are folded the same way, for every tool.
_FOLD = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "—": "--",
        "–": "-",
        "→": "->",
        "←": "<-",
        "©": "(C)",
        "·": "*",
        "œ": "oe",
        "æ": "ae",
        "\u200e": "",
        "\u200f": "",
    }
)


def fold(text: str) -> str:
    """Return ``text`` with quotes, dashes and accents as html2text's ASCII writes them."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def whole_page_table(
    limit: int | None, tools: tuple[str, ...] = TOOLS, misses: Path | None = None
) -> str:
    """Return the snippet scores of raw dumps and of ``to_text(parse_text(dump))``.

    With ``misses``, write ``<misses>/<tool>.txt``: per page, the ``with`` snippets the raw
    dump has but the parsed text lost (recall losses) and the ``without`` snippets left in
    the parsed text (leaks), to see what the page filter gets wrong.
    """
    pages = load_trafilatura_eval(CORPUS, limit=limit)
    rows: list[list[object]] = []
    for tool in tools:
        report: list[str] = []
        from common import Counts

        raw, parsed = Counts(), Counts()
        n = 0
        for page in pages:
            path = DATA / tool / "trafilatura" / f"{page.path.name.removesuffix('.html.gz')}.txt"
            if not path.exists():
                continue
            dump = path.read_text(encoding="utf-8")
            n += 1
            with_ = [fold(s) for s in page.with_]
            without = [fold(s) for s in page.without]
            raw_result = score_snippets(fold(dump), with_, without)
            raw.add(raw_result.counts)
            try:
                text = to_text(parse_text(dump))
            except ArticleKitError:
                text = ""
            result = score_snippets(fold(text), with_, without)
            parsed.add(result.counts)
            lost = [s for s in result.missed if s not in raw_result.missed]
            if misses is not None and (lost or result.leaked):
                report.append(f"== {path.name}")
                report.extend(f"  LOST   {s}" for s in lost)
                report.extend(f"  LEAKED {s}" for s in result.leaked)
        if misses is not None:
            misses.mkdir(parents=True, exist_ok=True)
            (misses / f"{tool}.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
        if n:
            rows.append([f"{tool} raw dump", n, raw.precision, raw.recall, raw.f1])
            rows.append([f"{tool} parse_text", n, parsed.precision, parsed.recall, parsed.f1])
    return format_table(["input", "pages", "precision", "recall", "F1"], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    parser.add_argument("--page", help="score one readability page only")
    parser.add_argument("--limit", type=int, help="first N trafilatura-eval pages only")
    parser.add_argument("--skip-pages", action="store_true", help="skip the whole-page table")
    parser.add_argument(
        "--skip-structure", action="store_true", help="skip the readability structure table"
    )
    parser.add_argument("--tool", choices=TOOLS, help="whole-page table for this tool only")
    parser.add_argument(
        "--dump-misses",
        type=Path,
        metavar="DIR",
        help="write the whole-page snippets lost or leaked to DIR/<tool>.txt",
    )
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"no renderings in {DATA}: run benchmarks/text_render.py first")
        return 1
    started = time.perf_counter()
    if not args.skip_structure:
        print("## Structure (readability-pages rendered as text)\n")
        print(structure_table(args.worst, args.page))
    if not args.skip_pages:
        tools = (args.tool,) if args.tool else TOOLS
        print("\n## Whole-page dumps (trafilatura-eval snippets)\n")
        print(whole_page_table(args.limit, tools, args.dump_misses))
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
