"""Where parse_html's time goes: CPU time per stage over the trafilatura-eval pages.

Run (bench virtualenv, see benchmarks/README.md)::

    .venv-bench/bin/python benchmarks/html_stages.py
    .venv-bench/bin/python benchmarks/html_stages.py --limit 100 --repeat 5

Each page goes through the steps of ``to_text(parse_html(bytes, url=url))`` one at a time
(decode, parse, metadata, content choice and blocks, clean-up, verdict, text output),
next to the bare ``lxml.html.fromstring(bytes)`` parse
that ``html_speed.py`` calls the floor. A stage's figure is the sum over pages of its best
time over ``--repeat`` rounds, in CPU time of this thread (``time.thread_time``), so that
other work on a shared machine disturbs it less than wall time would. Two "of which" lines
split ``extract_blocks``: the content choice (``find_main_content``: labelling walk(s) and
scoring) and one ``label_page`` walk, each run again on its own; the rest of the stage is
recommendation widgets and blocks. The steps mirror ``articlekit.html.parse_html``;
pages whose staged text differs from ``parse_html``'s are counted (0 means the stages are
still in step with the parser).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
from common import (
    articlekit_build,
    corpus_dir,
    forbid_network,
    format_table,
    load_trafilatura_eval,
)

import articlekit
import articlekit.html as html_parser
from articlekit._language import with_guessed_language
from articlekit.decode import decode_bytes, utf8_reading
from articlekit.html.clean import label_page
from articlekit.html.content import find_main_content
from articlekit.html.tree import parse_tree, parse_tree_utf8
from articlekit.model import Document, SourceInfo

STAGES = ("decode", "parse", "metadata", "content + blocks", "clean-up", "verdict", "to_text")
PARTS = ("  of which: content choice", "  of which: one label_page walk")


def _staged(
    raw: bytes, url: str | None, clock: Callable[[], float]
) -> tuple[dict[str, float], str]:
    """Run the parser's steps on one page; return each step's seconds and the text."""
    times: dict[str, float] = {}
    start = clock()
    # as parse_html: UTF-8 pages go to lxml as bytes, others are decoded to text first
    used = utf8_reading(raw)
    if used is not None:
        times["decode"] = (now := clock()) - start
        root = parse_tree_utf8(raw)
    else:
        text, used = decode_bytes(raw)
        times["decode"] = (now := clock()) - start
        root = parse_tree(text)
    times["parse"] = (start := clock()) - now
    held = html_parser._proxy_holder(len(raw))  # as parse_html: held until the page is done
    tagged: list[Any] = []  # as parse_html: the elements the light page signals read
    attributes: dict[Any, Any] = {}  # as parse_html: attributes the metadata walk read
    jsonld: list[Any] = []  # as parse_html: each <script>'s JSON-LD, parsed by the walk
    ids: list[str] = []  # as parse_html: the page's ids (streamed parts are not placed here)
    offsets: list[str] = []  # as parse_html: the offsets the page's dates state
    whole: list[str] = []  # as parse_html: the title with its kicker, when one was taken off
    title, metadata, bases = html_parser._metadata(
        root, url, held, tagged, attributes, jsonld, ids, offsets, whole
    )
    headline = whole[0] if whole else title
    scripts = html_parser._page_jsonld(tagged, jsonld)
    rule = html_parser._find_rule(url, None)
    if rule is not None and getattr(rule, "title", None):
        ruled = rule.select_title(root)
        if ruled:
            title = headline = ruled
    times["metadata"] = (now := clock()) - start
    blocks, candidate = html_parser.extract_blocks(
        root,
        url=url or html_parser._declared_url(metadata),
        title=headline,
        rule=rule,
        bases=bases,
        authors=metadata.authors,
        outlets=html_parser._outlet_names(metadata, url),
        attributes=attributes,
        jsonld=scripts,
    )
    times["content + blocks"] = (start := clock()) - now
    body_chars = html_parser._body_chars(blocks)
    if body_chars < html_parser.MIN_VISIBLE_ARTICLE_CHARS:
        blocks = html_parser._prefer_embedded(root, blocks, body_chars)
        body_chars = html_parser._body_chars(blocks)
    metadata = html_parser._with_body_byline(metadata, blocks, url)
    source = SourceInfo(url=url, format="html", parser="html", encoding=used)
    doc = html_parser._in_guessed_zone(
        with_guessed_language(
            Document(title=title, metadata=metadata, blocks=blocks, source=source)
        ),
        offsets[0] if offsets else None,
    )
    times["clean-up"] = (now := clock()) - start
    doc = html_parser._with_verdict(
        doc, root, candidate.labels, body_chars, tagged=tagged, scripts=scripts
    )
    times["verdict"] = (start := clock()) - now
    out = articlekit.to_text(doc)
    times["to_text"] = clock() - start
    # the content choice again, alone (the tree is never changed), to split the stage
    start = clock()
    find_main_content(root, rule=rule, title=headline, jsonld=scripts)
    times["  of which: content choice"] = clock() - start
    start = clock()
    label_page(root)
    times["  of which: one label_page walk"] = clock() - start
    return times, out


def _timed(func: Callable[[], Any], clock: Callable[[], float]) -> float:
    start = clock()
    func()
    return clock() - start


def main(argv: list[str] | None = None) -> int:
    """Print the stage table; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best counts")
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args(argv)
    forbid_network()
    clock = time.thread_time
    pages = [
        (p.raw(), p.url)
        for p in load_trafilatura_eval(args.corpus or corpus_dir(), limit=args.limit)
    ]
    names = ["lxml-floor", *STAGES[:4], *PARTS, *STAGES[4:]]
    best = {name: [float("inf")] * len(pages) for name in names}
    total = [float("inf")] * len(pages)
    out_of_step = 0
    for round_index in range(args.repeat):
        print(f"round {round_index + 1}/{args.repeat} ...", file=sys.stderr, flush=True)
        for index, (raw, url) in enumerate(pages):
            floor = _timed(lambda raw=raw: lxml.html.fromstring(raw), clock)
            best["lxml-floor"][index] = min(best["lxml-floor"][index], floor)
            # as parse_html: the cyclic garbage collector is paused while a page is read
            paused = getattr(html_parser, "_pause_collector", lambda: False)()
            try:
                times, text = _staged(raw, url, clock)
            finally:
                if paused:
                    gc.enable()
            for name, seconds in times.items():
                best[name][index] = min(best[name][index], seconds)
            total[index] = min(total[index], sum(times[name] for name in STAGES))
            if round_index == 0 and text != articlekit.to_text(articlekit.parse_html(raw, url=url)):
                out_of_step += 1
    n = len(pages)
    all_stages = sum(total)
    floor_total = sum(best["lxml-floor"])
    rows = []
    for name in names:
        seconds = sum(best[name])
        share = f"{100 * seconds / all_stages:.1f}" if name in STAGES else "-"
        rows.append([name, f"{1000 * seconds / n:.2f}", share, f"{seconds / floor_total:.2f}"])
    rows.append(
        ["all stages", f"{1000 * all_stages / n:.2f}", "100.0", f"{all_stages / floor_total:.2f}"]
    )
    print(f"\n{n} pages (trafilatura-eval), best of {args.repeat} rounds, CPU time of this thread")
    print(f"{articlekit_build()}\n")
    print(format_table(["stage", "ms/page", "% of all stages", "x floor"], rows))
    print(f"\npages whose staged text differs from parse_html's: {out_of_step}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
