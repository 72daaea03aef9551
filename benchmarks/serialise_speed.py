"""Serialiser speed: documents per second for to_json, from_json, to_markdown and to_text.

Each serialiser runs on two documents, each at 1x and 8x its size:

- ``generated``: a large synthetic article (headings, paragraphs with every inline type,
  lists, tables, quotes, code, figures, recommendations), built from a fixed seed;
- ``seed``: ``../shared/corpus/seed-article.txt`` parsed with ``parse_text`` (a seed-shaped
  document built by hand when the text parser is not available); 8x repeats its blocks.

Next to them run the floors: ``json.dumps`` / ``json.loads`` of the same data as plain dicts
(what any JSON writer must at least cost), and, for reference, the same round trip through a
cattrs converter (the alternative to the hand-written writer and reader). Printed per row:
documents/s at 1x, time relative to the floor (``x floor``; to_json must stay within 3x),
the time ratio 8x/1x (about 8 when the serialiser is linear) and that ratio divided by the
floor's own (about 1 when the serialiser grows like json.dumps/json.loads: on a busy machine
even the floors drift from 8, through cache misses on the larger document).

Run from the repository root::

    .venv/bin/python benchmarks/serialise_speed.py [--sections 40] [--rounds 5]

The machine is shared: compare ratios from one run, not absolute figures across runs.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import articlekit as ak

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ARTICLEKIT_CORPUS", ROOT.parent / "shared" / "corpus"))
SEED = CORPUS / "seed-article.txt"

_WORD_TEXT = (
    "the pentagon confirmed troops border conflict region military analysts report "
    "government officials said ukraine kursk deployment escalation strategic ties "
    "élan naïve café 東京 — “quoted” *star* _under_ [bracket] <angle> & amp"
)
WORDS = _WORD_TEXT.split()
# Wall time of one measurement batch: long enough for a stable per-call figure, short
# enough that 7 round-robin rounds over 32 calls take well under a minute.
MIN_BATCH_SECONDS = 0.05


# --------------------------------------------------------------------------- documents


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _inlines(rng: random.Random) -> list[ak.Inline]:
    text = ak.Text(text=_sentence(rng, 12) + " ")
    return [
        text,
        ak.Emphasis(content=[ak.Text(text=_sentence(rng, 3))]),
        ak.Text(text=" " + _sentence(rng, 10) + " "),
        ak.Strong(content=[ak.Text(text=_sentence(rng, 2))]),
        ak.Text(text=" see "),
        ak.Link(url=f"https://example.org/{rng.randrange(10**6)}", content=[ak.Text(text="this")]),
        ak.Text(text=" and "),
        ak.Code(code="x = f(y)"),
        ak.Text(text=" " + _sentence(rng, 15) + "."),
    ]


def generated_document(sections: int, seed: int = 1) -> ak.Document:
    """Return a synthetic article with ``sections`` sections of every block type."""
    rng = random.Random(seed)
    blocks: list[ak.Block] = []
    for n in range(sections):
        blocks.append(ak.Heading(level=2, content=[ak.Text(text=_sentence(rng, 5))]))
        blocks.extend(ak.Paragraph(content=_inlines(rng)) for _ in range(3))
        items = [ak.ListItem(blocks=[ak.Paragraph(content=_inlines(rng)[:3])]) for _ in range(4)]
        blocks.append(ak.List(ordered=n % 2 == 0, items=items))
        if n % 3 == 0:
            rows = [
                ak.TableRow(
                    cells=[
                        ak.TableCell(content=[ak.Text(text=_sentence(rng, 2))], header=r == 0)
                        for _ in range(3)
                    ]
                )
                for r in range(4)
            ]
            blocks.append(ak.Table(rows=rows, header_rows=1, caption=[ak.Text(text="Table")]))
        if n % 3 == 1:
            blocks.append(ak.Quote(blocks=[ak.Paragraph(content=_inlines(rng))]))
            blocks.append(ak.CodeBlock(code="def f(x):\n    return x * 2\n", language="python"))
        if n % 3 == 2:
            image = ak.Image(src=f"https://example.org/{n}.jpg", alt=_sentence(rng, 4))
            blocks.append(ak.Figure(image=image, caption=[ak.Text(text=_sentence(rng, 6))]))
            blocks.append(ak.Rule())
    recs = [
        ak.Recommendation(title=_sentence(rng, 6), url=f"https://example.org/r/{i}")
        for i in range(5)
    ]
    blocks.append(ak.Recommendations(title="Also Read", items=recs))
    return ak.Document(
        title=_sentence(rng, 8),
        metadata=ak.Metadata(authors=["A. Writer"], published="2024-10-31", language="en"),
        blocks=blocks,
        source=ak.SourceInfo(format="text", parser="text"),
    )


def hand_built_seed() -> ak.Document:
    """Return a document shaped like the seed article (used when parse_text is missing)."""
    rng = random.Random(7)

    def para(words: int) -> ak.Paragraph:
        return ak.Paragraph(content=[ak.Text(text=_sentence(rng, words) + ".")])

    blocks: list[ak.Block] = [para(70), para(60), para(55)]
    blocks.append(ak.Heading(level=2, content=[ak.Text(text="Key Developments")]))
    blocks.append(
        ak.List(items=[ak.ListItem(blocks=[para(20)]) for _ in range(4)]),
    )
    for _ in range(5):
        blocks.append(ak.Heading(level=2, content=[ak.Text(text=_sentence(rng, 4))]))
        blocks.append(para(80))
    recs = [ak.Recommendation(title=_sentence(rng, 8)) for _ in range(4)]
    blocks.append(ak.Recommendations(title="Article Recommendations", items=recs))
    return ak.Document(
        title="North Korea's Dispatched Troops To Russia: Implications And Developments",
        metadata=ak.Metadata(kicker="visuals"),
        blocks=blocks,
        source=ak.SourceInfo(format="text", parser="text"),
    )


def seed_document() -> tuple[ak.Document, str]:
    """Return the seed article as parsed by parse_text, or the hand-built stand-in."""
    try:
        return ak.parse_text(SEED.read_text(encoding="utf-8")), "parse_text"
    except (NotImplementedError, OSError) as exc:
        return hand_built_seed(), f"hand-built ({type(exc).__name__})"


def times(doc: ak.Document, factor: int) -> ak.Document:
    """Return ``doc`` with its blocks repeated ``factor`` times."""
    return ak.Document(
        title=doc.title, metadata=doc.metadata, blocks=doc.blocks * factor, source=doc.source
    )


# --------------------------------------------------------------------------- cattrs reference


def _tag(cls: type) -> str:
    tag: str = getattr(cls, "type")  # noqa: B009 - a ClassVar mypy cannot see on ``type``
    return tag


def cattrs_pair() -> tuple[Callable[[ak.Document], str], Callable[[str], ak.Document]] | None:
    """Return (to_json, from_json) done with a strict cattrs converter, or None."""
    try:
        import cattrs
        from cattrs.strategies import configure_tagged_union
    except ImportError:
        return None
    conv = cattrs.Converter(forbid_extra_keys=True)

    def strict(kind: type) -> Callable[[Any, Any], Any]:
        # Like the model: a float field takes an int too, an int field never takes a bool.
        allowed = (int, float) if kind is float else (kind,)

        def hook(value: Any, _: Any) -> Any:
            if type(value) not in allowed:
                raise TypeError(f"expected {kind.__name__}")
            return value

        return hook

    for kind in (str, int, float, bool):
        conv.register_structure_hook(kind, strict(kind))
    configure_tagged_union(ak.Inline, conv, tag_name="type", tag_generator=_tag)
    configure_tagged_union(ak.Block, conv, tag_name="type", tag_generator=_tag)

    def dump(doc: ak.Document) -> str:
        return json.dumps(conv.unstructure(doc), ensure_ascii=False, separators=(",", ":"))

    def load(text: str) -> ak.Document:
        return conv.structure(json.loads(text), ak.Document)

    return dump, load


# --------------------------------------------------------------------------- timing


def _batch_size(fn: Callable[[], object]) -> int:
    """Return how many calls of ``fn`` last about MIN_BATCH_SECONDS."""
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            fn()
        spent = time.perf_counter() - start
        if spent >= MIN_BATCH_SECONDS:
            return number
        number *= 2 if spent == 0 else max(2, int(MIN_BATCH_SECONDS / spent) + 1)


def best_seconds(calls: dict[str, Callable[[], object]], rounds: int) -> dict[str, float | None]:
    """Return the best per-call time of each call (None if not implemented).

    Calls are timed round-robin, one batch each per round, so that a burst of load from
    other processes on this shared machine hits every call alike instead of a few of them;
    the best batch over ``rounds`` is kept. As timeit does, the garbage collector is off
    while timing: its full collections cost in proportion to everything alive, which would
    blur the 8x/1x ratio.
    """
    best: dict[str, float | None] = {}
    numbers: dict[str, int] = {}
    for label, fn in calls.items():
        try:
            fn()
        except NotImplementedError:
            best[label] = None
            continue
        numbers[label] = _batch_size(fn)
        best[label] = math.inf
    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            for label, number in numbers.items():
                fn = calls[label]
                start = time.perf_counter()
                for _ in range(number):
                    fn()
                spent = (time.perf_counter() - start) / number
                best[label] = min(spent, best[label] or math.inf)
    finally:
        gc.enable()
    return best


def cases(doc: ak.Document) -> list[tuple[str, str, Callable[[], object]]]:
    """Return (name, floor name, call) for every serialiser on ``doc``."""
    text = ak.to_json(doc)
    plain = json.loads(text)
    out: list[tuple[str, str, Callable[[], object]]] = [
        ("json.dumps (floor)", "dumps", lambda: json.dumps(plain, **DUMPS)),
        ("to_json", "dumps", lambda: ak.to_json(doc)),
        ("to_markdown", "dumps", lambda: ak.to_markdown(doc)),
        ("to_text", "dumps", lambda: ak.to_text(doc)),
        ("json.loads (floor)", "loads", lambda: json.loads(text)),
        ("from_json", "loads", lambda: ak.from_json(text)),
    ]
    pair = cattrs_pair()
    if pair is not None:
        dump, load = pair
        cattrs_text = dump(doc)
        load(cattrs_text)  # fail here, before timing, if the reference cannot read it
        out.append(("cattrs dump (reference)", "dumps", lambda: dump(doc)))
        out.append(("cattrs load (reference)", "loads", lambda: load(cattrs_text)))
    return out


DUMPS: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}


def run(name: str, doc: ak.Document, rounds: int) -> list[list[str]]:
    """Return the table rows for ``doc`` at 1x and 8x."""
    big = times(doc, 8)
    small_cases, big_cases = cases(doc), cases(big)
    calls = {("1x", label): fn for label, _, fn in small_cases}
    calls.update({("8x", label): fn for label, _, fn in big_cases})
    timed = best_seconds({f"{size} {label}": fn for (size, label), fn in calls.items()}, rounds)
    small_t = {label: timed[f"1x {label}"] for label, _, _ in small_cases}
    big_t = {label: timed[f"8x {label}"] for label, _, _ in big_cases}
    floors = {"dumps": "json.dumps (floor)", "loads": "json.loads (floor)"}
    kib = len(ak.to_json(doc).encode("utf-8")) / 1024
    rows = []
    for label, floor, _ in small_cases:
        t1, t8 = small_t[label], big_t[label]
        f1, f8 = small_t[floors[floor]], big_t[floors[floor]]
        if t1 is None or t8 is None or f1 is None or f8 is None:
            rows.append([name, f"{kib:.0f}", label, "n/a", "n/a", "n/a", "n/a", "n/a"])
            continue
        growth = t8 / t1
        rows.append(
            [
                name,
                f"{kib:.0f}",
                label,
                f"{1 / t1:,.0f}",
                f"{t1 * 1000:.3f}",
                f"{t1 / f1:.2f} {floor}",
                f"{growth:.1f}",
                f"{growth / (f8 / f1):.2f}",
            ]
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sections", type=int, default=40, help="size of the generated doc")
    parser.add_argument("--rounds", type=int, default=7, help="batches per measurement")
    args = parser.parse_args(argv)

    seed, how = seed_document()
    generated = generated_document(args.sections)
    rows = run(f"generated ({len(generated.blocks)} blocks)", generated, args.rounds)
    rows += run(f"seed ({len(seed.blocks)} blocks, {how})", seed, args.rounds)

    header = [
        "document",
        "KiB",
        "serialiser",
        "docs/s (1x)",
        "ms/doc",
        "x floor",
        "8x/1x",
        "8x/1x vs floor",
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print(
        f"python {platform.python_version()}, articlekit {ak.__version__}, "
        f"load average {os.getloadavg()[0]:.1f}, best of {args.rounds} batches"
    )
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


if __name__ == "__main__":
    main()
