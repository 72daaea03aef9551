"""Score ``parse_text`` on w3m, lynx and html2text renderings of the shared corpora.

Two tables:

1. **Structure** (readability-pages): each ``expected.html`` rendered by each tool (with the
   metadata title on top, see ``text_render.py``) is parsed; the truth comes from the HTML
   (``structure.py``, shared with the HTML benchmark). Columns: title accuracy, heading F1
   with and without level, list-item F1, paragraph F1 (whole text after whitespace
   collapsing, so an unjoined wrap is a miss), body-token F1 and table-count F1 (tables
   counted as ``structure.count_match`` does: innermost ``<table>`` / ``Table`` blocks).
   F1s are pooled (micro) over all pages.
   The ``baseline`` rows treat every blank-line-separated chunk as a paragraph.
   A second small table gives list-item F1 as it is and "reachable": without pages that
   typed a list as text in a <p> or <pre>, double quotes folded (see ``has_typed_list``).
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
import dataclasses
import gzip
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lxml.etree
import lxml.html
import text_render
from common import corpus_dir, format_table, load_trafilatura_eval, score_snippets
from structure import (
    Match,
    Structure,
    collapse_ws,
    multiset_match,
    structure_counts,
    structure_from_document,
    structure_from_html,
)

from articlekit.errors import ArticleKitError
from articlekit.text import parse_text

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "text"
CORPUS = corpus_dir()  # $ARTICLEKIT_CORPUS, else ../shared/corpus of the repo
# the dev tools, their other settings and the holdouts: one list, text_render.py's (it
# renders them when asked); no rule is written for or tuned on a holdout (elinks, links,
# pandoc, trafilatura-txt): a check of how the parser does on layouts it has never seen
TOOLS: tuple[str, ...] = text_render.TOOLS
VARIANTS: tuple[str, ...] = text_render.VARIANTS
HOLDOUT: tuple[str, ...] = tuple(text_render.HOLDOUT)
# "table" is the count of tables (innermost <table> elements / Table blocks), matched as
# structure.count_match does for the HTML benchmark
FEATURES = ("heading", "heading_text", "list_item", "paragraph", "token", "table")
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
    return without_invisible_marks(structure_from_html(text, title=meta.get("title")))


# Invisible format characters: a soft hyphen (U+00AD, &shy;) only marks where a word may be
# broken, zero-width spaces and joiners, direction marks (U+200E/U+200F) and a byte-order
# mark show nothing. w3m and lynx drop them, html2text keeps some, and a reader sees the
# same text either way, so they are taken out of both sides' text (4 pages of 130 hold
# any: wapo-2, videos-2, medium-3, wikipedia-2).
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def _visible(text: str) -> str:
    return collapse_ws(_INVISIBLE.sub("", text)) if _INVISIBLE.search(text) else text


def without_invisible_marks(found: Structure) -> Structure:
    """Return ``found`` with the invisible format characters taken out of all its text."""
    return dataclasses.replace(
        found,
        title=_visible(found.title) if found.title else found.title,
        headings=[(level, _visible(text)) for level, text in found.headings],
        list_items=[_visible(text) for text in found.list_items],
        paragraphs=[_visible(text) for text in found.paragraphs],
        body_text=_visible(found.body_text),
    )


# "Reachable" paragraphs (a second figure; the table's paragraph column is unchanged).
# A page that is one plain-text document inside a <pre> (an IETF draft: ietf-1) has no
# paragraph in its truth, while its rendering shows no <pre>: only a paginated document's
# page footers tell the parser to keep it as printed (since session 7 it does), any other
# such document reads as prose. Such pages (no <p>, and a <pre> holding at least this
# share of the body's text) are left out of the reachable figure.
MIN_PRE_DOCUMENT_SHARE = 0.8


def is_preformatted_document(html: str) -> bool:
    """Return True when ``html`` is a plain-text document in a <pre>, with no <p>."""
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return False
    if next(root.iter("p"), None) is not None:
        return False
    body = len(collapse_ws(root.text_content()))
    pre = sum(len(collapse_ws(el.text_content())) for el in root.iter("pre"))
    return body > 0 and pre >= MIN_PRE_DOCUMENT_SHARE * body


# "Reachable" list items (a second figure; the table's list-item column is unchanged).
# Two kinds of HTML give list items no text rendering can recover:
# - a page that typed its own list: three or more lines of a <p> (split at <br>) or of a
#   <pre> start with a bullet or a number ("+ Added X<br>+ Added Y"). The truth has one
#   paragraph or a <pre>; the text shows a list like any other (tumblr, cnn, ietf-1).
#   Such pages are left out of the reachable figure.
# - quote marks: items are compared with double quote marks folded away on both sides
#   (the main columns set a <q> in quote marks and fold only their glyphs, structure.py).
_TYPED_LINE = re.compile(r"^\s*(?:[-*+•·]|\d{1,3}[.)])\s+\S")
MIN_TYPED_LINES = 3
_QUOTES = str.maketrans(dict.fromkeys('"“”„«»', ""))


def has_typed_list(html: str) -> bool:
    """Return True when a <p> or <pre> of ``html`` holds a list the page typed as text."""
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return False
    for br in root.iter("br"):
        br.tail = "\u2028" + (br.tail or "")
    for el in root.iter("p", "pre"):
        text = el.text_content()
        # a <p> breaks only at <br> (its source newlines are spaces); a <pre> at both
        lines = (
            text.replace("\n", " ").split("\u2028")
            if el.tag == "p"
            else text.replace("\u2028", "\n").split("\n")
        )
        if sum(1 for line in lines if _TYPED_LINE.match(line)) >= MIN_TYPED_LINES:
            return True
    return False


def _pages_where(pages: list[Path], test: Callable[[str], bool]) -> set[str]:
    """Return the names of the pages whose expected HTML passes ``test``."""
    out = set()
    for page in pages:
        html = gzip.decompress((page / "expected.html.gz").read_bytes()).decode("utf-8", "replace")
        if test(html):
            out.add(page.name)
    return out


def _typed_list_pages(pages: list[Path]) -> set[str]:
    return _pages_where(pages, has_typed_list)


def _pre_document_pages(pages: list[Path]) -> set[str]:
    return _pages_where(pages, is_preformatted_document)


def reachable_items(truth: Structure, pred: Structure) -> Match:
    """Return the list-item match with double quote marks folded away on both sides."""
    return multiset_match(
        [collapse_ws(t.translate(_QUOTES)) for t in truth.list_items],
        [collapse_ws(t.translate(_QUOTES)) for t in pred.list_items],
    )


def structure_table(worst: int, only: str | None, tools: tuple[str, ...] = TOOLS) -> str:
    """Return the structure table (readability-pages) for every tool and the baseline."""
    pages = sorted(p for p in (CORPUS / "readability-pages").iterdir() if p.is_dir())
    truths = {p.name: _truth(p) for p in pages if only is None or p.name == only}
    rows: list[list[object]] = []
    misses: list[tuple[int, str, str]] = []
    typed = _typed_list_pages([p for p in pages if p.name in truths])
    pre_documents = _pre_document_pages([p for p in pages if p.name in truths])
    reach_rows: list[list[object]] = []
    para_rows: list[list[object]] = []
    for tool in tools:
        reach = Match(0, 0, 0)
        reach_para = Match(0, 0, 0)
        reach_head = Match(0, 0, 0)
        for mode in ("parse_text", "baseline"):
            totals = {feature: Match(0, 0, 0) for feature in FEATURES}
            titles = count = 0
            for name, truth in truths.items():
                path = DATA / tool / "readability" / f"{name}.txt"
                if not path.exists():
                    continue
                dump = path.read_text(encoding="utf-8")
                if mode == "baseline":
                    pred = without_invisible_marks(baseline(dump))
                else:
                    try:
                        pred = without_invisible_marks(structure_from_document(parse_text(dump)))
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
                    if name not in typed:
                        reach += reachable_items(truth, pred)
                    if name not in pre_documents:
                        reach_para += para
                        reach_head += counts["heading_text"]
            if count:
                rows.append(
                    [f"{tool} {mode}", count, titles / count]
                    + [totals[feature].f1 for feature in FEATURES]
                )
                if mode == "parse_text":
                    reach_rows.append([tool, totals["list_item"].f1, reach.f1, count - len(typed)])
                    para_rows.append(
                        [
                            tool,
                            totals["paragraph"].f1,
                            reach_para.f1,
                            totals["heading_text"].f1,
                            reach_head.f1,
                            count - len(pre_documents),
                        ]
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
        "table count F1",
    ]
    out = format_table(headers, rows)
    out += (
        "\n\nList items a text rendering can reach (pages that typed a list in a <p> or"
        " <pre> left out: " + (", ".join(sorted(typed)) or "none") + "; double quotes"
        " folded):\n\n"
    )
    out += format_table(["tool", "list-item F1", "reachable F1", "pages"], reach_rows)
    out += (
        "\n\nParagraphs and headings a text rendering can reach (pages that are one"
        " plain-text document in a <pre> left out: "
        + (", ".join(sorted(pre_documents)) or "none")
        + "; their truth has neither, their text is a plain-text document's):\n\n"
    )
    out += format_table(
        ["tool", "paragraph F1", "reachable F1", "heading F1", "reachable F1", "pages"],
        para_rows,
    )
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


def _tools(args: argparse.Namespace) -> tuple[str, ...]:
    """Return the renderings to score: the dev tools, plus variants and holdouts if asked."""
    return TOOLS + (VARIANTS if args.variants else ()) + (HOLDOUT if args.holdout else ())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    parser.add_argument("--page", help="score one readability page only")
    parser.add_argument("--limit", type=int, help="first N trafilatura-eval pages only")
    parser.add_argument("--skip-pages", action="store_true", help="skip the whole-page table")
    parser.add_argument(
        "--skip-structure", action="store_true", help="skip the readability structure table"
    )
    parser.add_argument(
        "--tool", choices=TOOLS + VARIANTS + HOLDOUT, help="whole-page table for this tool only"
    )
    parser.add_argument(
        "--holdout",
        action="store_true",
        help="both tables for tools no rule was tuned on (elinks, links, pandoc, "
        "trafilatura-txt; render them first with text_render.py); don't tune on them",
    )
    parser.add_argument(
        "--variants",
        action="store_true",
        help="both tables for the other tool settings too (w3m-wide, lynx-wide, "
        "lynx-nolist, w3m-nowrap, html2text-nowrap, textfield, browser-copy, innertext; "
        "render them first with text_render.py --tools ...)",
    )
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
        print(structure_table(args.worst, args.page, _tools(args)))
    if not args.skip_pages:
        tools = (args.tool,) if args.tool else _tools(args)
        print("\n## Whole-page dumps (trafilatura-eval snippets)\n")
        print(whole_page_table(args.limit, tools, args.dump_misses))
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
