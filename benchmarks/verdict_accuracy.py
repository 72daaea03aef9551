"""Precision and recall of the article / non-article verdict.

Positives: every dev page (shared/corpus/trafilatura-eval/html/*.html.gz and
readability-pages/*/source.html.gz; all of them are articles). Negatives: the pages in
tests/data/nonarticles, whose file name starts with their kind (listing-, consent-,
paywall-, error-, empty-).

Each page goes through ``articlekit.parse_html``; when the parser already set
``doc.verdict`` that verdict is scored, otherwise the script computes it with
``page_signals`` + ``judge`` itself. ``--naive`` (or a parser that is not there yet) uses a
small stand-in extractor instead (densest cluster of ``<p>`` elements), so the verdict can
be measured on its own.

Side by side, the same table scores the rule a scraper would use without a verdict (enough
extracted text means an article) and, with ``--compare``, trafilatura's own decision
(``extract()`` returning nothing).

Run: .venv/bin/python benchmarks/verdict_accuracy.py [--naive] [--show-misses]
     .venv-bench/bin/python benchmarks/verdict_accuracy.py --compare
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import lxml.html

from articlekit.decode import decode_bytes
from articlekit.model import (
    Document,
    Heading,
    Link,
    Paragraph,
    SourceInfo,
    Text,
    Verdict,
    plain_text,
)
from articlekit.verdict import judge, page_signals

ROOT = Path(__file__).resolve().parent.parent
#: The naive rule a scraper would use without a verdict: "enough text means an article".
BASELINE_CHARS = 500
CORPUS = Path(os.environ.get("ARTICLEKIT_CORPUS", ROOT.parent / "shared" / "corpus"))
NONARTICLES = ROOT / "tests" / "data" / "nonarticles"


def pages() -> list[tuple[str, str, bytes]]:
    """Return (name, true kind, bytes) for every page to judge."""
    found: list[tuple[str, str, bytes]] = []
    for path in sorted((CORPUS / "trafilatura-eval" / "html").glob("*.html.gz")):
        found.append((f"trafilatura/{path.name}", "article", gzip.decompress(path.read_bytes())))
    for path in sorted((CORPUS / "readability-pages").glob("*/source.html.gz")):
        name = f"readability/{path.parent.name}"
        found.append((name, "article", gzip.decompress(path.read_bytes())))
    for path in sorted(NONARTICLES.glob("*.html")):
        found.append((f"nonarticles/{path.name}", path.name.split("-", 1)[0], path.read_bytes()))
    return found


_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "td",
        "th",
        "tr",
        "ul",
        "ol",
        "dl",
        "table",
        "form",
        "blockquote",
        "pre",
        "section",
        "article",
        "main",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "dd",
        "dt",
        "body",
    ]
)


def _own_inlines(el: lxml.html.HtmlElement) -> list[Text | Link]:
    """Return the inlines of ``el`` outside its block-level children (links kept)."""
    out: list[Text | Link] = []

    def add(text: str | None) -> None:
        if text and text.strip():
            out.append(Text(text=" ".join(text.split()) + " "))

    add(el.text)
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _BLOCK_TAGS:
            inner = " ".join(child.text_content().split())
            if child.tag == "a" and inner:
                out.append(Link(url=child.get("href") or "", content=(Text(text=inner),)))
                out.append(Text(text=" "))
            else:
                add(inner)
        add(child.tail)
    return out


def _own_text(el: lxml.html.HtmlElement) -> str:
    """Return the text of ``el`` outside its block-level children."""
    return " ".join(plain_text(_own_inlines(el)).split())


def naive_document(root: lxml.html.HtmlElement) -> Document:
    """Return a stand-in extraction: the text blocks of the densest container."""
    for bad in root.xpath("//script|//style|//noscript|//template|//nav|//footer|//header"):
        bad.drop_tree()
    scores: Counter[lxml.html.HtmlElement] = Counter()
    for el in root.iter(*_BLOCK_TAGS):
        size = len(_own_text(el))
        if size < 25:
            continue
        if el.tag != "p":
            scores[el] += size
        parent = el.getparent()
        if parent is not None:
            scores[parent] += size
            grand = parent.getparent()
            if grand is not None:
                scores[grand] += size // 2
    if not scores:
        return Document(blocks=())
    best = scores.most_common(1)[0][0]
    blocks: list[Paragraph | Heading] = []
    for el in best.iter(*_BLOCK_TAGS):
        inlines = _own_inlines(el)
        if not plain_text(inlines).strip():
            continue
        if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            blocks.append(Heading(level=int(el.tag[1]), content=inlines))
        else:
            blocks.append(Paragraph(content=inlines))
    return Document(blocks=tuple(blocks), source=SourceInfo(format="html", parser="naive"))


def verdict_of(data: bytes, *, naive: bool) -> tuple[Verdict, str]:
    """Return the verdict on one page and which extractor produced the Document."""
    text, _encoding = decode_bytes(data)
    root = lxml.html.document_fromstring(text.encode("utf-8"), parser=_PARSER)
    signals = page_signals(root)
    if not naive:
        import articlekit

        try:
            doc = articlekit.parse_html(data)
        except NotImplementedError:
            naive = True
        else:
            if doc.verdict is not None:
                return doc.verdict, "parse_html"
            return judge(doc, page=signals), "parse_html+judge"
    return judge(naive_document(root), page=signals), "naive"


_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--naive", action="store_true", help="use the stand-in extractor")
    parser.add_argument("--show-misses", action="store_true", help="list misjudged pages")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also score trafilatura's own decision (extract() returns nothing); run with "
        ".venv-bench/bin/python",
    )
    args = parser.parse_args()
    trafilatura: Any = None
    if args.compare:
        try:
            trafilatura = importlib.import_module("trafilatura")
        except ImportError:
            print("trafilatura not installed here (use .venv-bench/bin/python): skipped")
    # Side-by-side decisions: name -> list of (truth is article, judged article)
    decisions: dict[str, list[tuple[bool, bool]]] = {
        "articlekit verdict": [],
        f"text >= {BASELINE_CHARS} chars": [],
    }
    if trafilatura is not None:
        decisions["trafilatura extract()"] = []

    confusion: Counter[tuple[str, str]] = Counter()
    used: Counter[str] = Counter()
    misses: list[str] = []
    started = time.perf_counter()
    for name, truth, data in pages():
        verdict, how = verdict_of(data, naive=args.naive)
        used[how] += 1
        is_article = truth == "article"
        decisions["articlekit verdict"].append((is_article, verdict.kind == "article"))
        chars = next((s.value for s in verdict.signals if s.name == "text_chars"), 0)
        decisions[f"text >= {BASELINE_CHARS} chars"].append((is_article, chars >= BASELINE_CHARS))
        if trafilatura is not None:
            extracted = trafilatura.extract(data)
            decisions["trafilatura extract()"].append((is_article, bool(extracted)))
        confusion[(truth, verdict.kind)] += 1
        if (truth == "article") != (verdict.kind == "article") or (
            truth != "article" and truth != verdict.kind
        ):
            misses.append(f"{name}: {truth} -> {verdict.kind} ({verdict.confidence:.2f})")
    elapsed = time.perf_counter() - started

    tp = sum(n for (t, p), n in confusion.items() if t == "article" and p == "article")
    fp = sum(n for (t, p), n in confusion.items() if t != "article" and p == "article")
    fn = sum(n for (t, p), n in confusion.items() if t == "article" and p != "article")
    tn = sum(n for (t, p), n in confusion.items() if t != "article" and p != "article")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    nonart_recall = tn / (tn + fp) if tn + fp else 0.0
    kinds = ["article", "listing", "consent", "paywall", "error", "empty"]
    print(f"pages: {sum(confusion.values())} ({', '.join(f'{k}: {v}' for k, v in used.items())})")
    print(f"article precision {precision:.3f}  recall {recall:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    print(f"non-article recall {nonart_recall:.3f}  (tn {tn} of {tn + fp})")
    print(f"time {elapsed:.1f} s\n")
    print(f"{'decision':<26}{'precision':>10}{'recall':>8}{'non-article recall':>20}")
    for label, pairs in decisions.items():
        p_tp = sum(1 for t, j in pairs if t and j)
        p_fp = sum(1 for t, j in pairs if not t and j)
        p_fn = sum(1 for t, j in pairs if t and not j)
        p_tn = sum(1 for t, j in pairs if not t and not j)
        print(
            f"{label:<26}{p_tp / max(1, p_tp + p_fp):>10.3f}{p_tp / max(1, p_tp + p_fn):>8.3f}"
            f"{p_tn / max(1, p_tn + p_fp):>20.3f}"
        )
    print()
    print("confusion (rows: true kind, columns: verdict)")
    print(f"{'':>10}" + "".join(f"{k:>9}" for k in kinds))
    for truth in kinds:
        row = [confusion[(truth, k)] for k in kinds]
        if any(row):
            print(f"{truth:>10}" + "".join(f"{n:>9}" for n in row))
    if args.show_misses:
        print("\nmisjudged:")
        for line in misses:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
