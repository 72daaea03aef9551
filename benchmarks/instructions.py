"""Instructions of a warm round of ``to_text(parse_html(bytes, url=url))``, counted by callgrind.

Run (either virtualenv; needs valgrind, whose ``callgrind_annotate`` comes with it)::

    python benchmarks/instructions.py                       # this checkout, 25 pages
    python benchmarks/instructions.py --rev main --top 25   # a `git archive` of main
    python benchmarks/instructions.py --src /tmp/other --pages 9 --marks-only

Wall-clock times on a shared machine move with the load; instruction counts barely do, so
a speed step is measured here. The pages are ``--pages`` of trafilatura-eval's pages spread
evenly over the set (page ``i * total // pages`` for ``i`` below ``pages``: 25 of 343 by
default), read into memory before anything is counted. A worker process imports
articlekit from the source tree measured (``--src DIR``, a tree holding ``src/articlekit``:
this checkout by default, or ``--rev REV``, a ``git archive`` of that revision unpacked in
a temporary folder), whose modules are compiled with ``compileall`` first (and this
folder's, which the worker imports), so that no run counts the compiler. The worker runs
one round over the pages (imports done lazily, memos filled: the cold round), then
``--rounds`` more. Two runs under ``valgrind --tool=callgrind`` (``PYTHONHASHSEED=0``),
one with no round after the cold one and one with ``--rounds``: a warm round's count is
their difference over ``--rounds``.

The worker calls ``math.gcd`` just before and just after its warm rounds, and callgrind
dumps its counts at each such call (``--dump-before=math_gcd``), so the part between the
two dumps is the warm rounds alone. Its count is printed too, and agrees with the
difference to within 0.1%; ``--marks-only`` skips the run without warm rounds and prints
that count alone (half the time, for iterating). ``--top N``
lists the N heaviest C functions of that part, inclusive and exclusive
(``callgrind_annotate``; Python functions show as the interpreter's C functions, so read a
Python-level profile with cProfile). ``--keep DIR`` keeps the callgrind files.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
#: The C function whose calls mark the start and the end of the warm rounds.
MARKER = "math_gcd"
_TOTALS = re.compile(r"^(?:totals|summary):\s*(\d+)", re.MULTILINE)
_ANNOTATE_ROW = re.compile(r"^\s*([\d,]+)\s+(?:\([\s\d.]+%\)\s+)?(\S.*)$")
# a path's folders ("/tmp/b/Python/ceval.c:f [/usr/lib/libpython.so]": "ceval.c:f [libpython.so]")
_PATH_HEAD = re.compile(r"(?<![^\s\[])[^\s\[\]:]*/")


def pick_pages(total: int, count: int) -> list[int]:
    """Return the indexes of ``count`` pages spread evenly over ``total`` (all when fewer)."""
    if count >= total:
        return list(range(total))
    return [i * total // count for i in range(count)]


def callgrind_total(text: str) -> int:
    """Return the instruction count of one callgrind output file (its totals line)."""
    found = _TOTALS.findall(text)
    if not found:
        raise ValueError("no totals or summary line in the callgrind output")
    return int(found[-1])


@dataclass(frozen=True)
class Run:
    """One callgrind run of the worker: its whole count and the count between the marks."""

    rounds: int
    total: int
    inside: int
    inside_file: Path


def _dump_order(path: Path) -> tuple[int, int]:
    """Sort key of callgrind's dump files: ``out.1``, ``out.2`` ..., then the final ``out``."""
    suffix = path.name.rsplit(".", 1)[-1]
    return (0, int(suffix)) if suffix.isdigit() and path.name.count(".") > 1 else (1, 0)


def read_run(files: Sequence[Path], rounds: int) -> Run:
    """Return a :class:`Run` from its dump files: before the rounds, the rounds, after them."""
    ordered = sorted(files, key=_dump_order)
    if len(ordered) != 3:
        names = ", ".join(p.name for p in ordered)
        raise RuntimeError(
            f"expected 3 callgrind dumps (before, inside and after the rounds), got {names};"
            f" does something else call {MARKER}?"
        )
    counts = [callgrind_total(p.read_text(encoding="utf-8", errors="replace")) for p in ordered]
    return Run(rounds=rounds, total=sum(counts), inside=counts[1], inside_file=ordered[1])


def top_functions(annotate_output: str, count: int, total: int) -> list[tuple[int, str]]:
    """Return the first ``count`` (instructions, function) rows of ``callgrind_annotate``.

    A dump taken in mid-run charges the whole part to each function on the stack at the
    time of the dump (``main``, the interpreter's frames down to the worker's loop): rows
    of at least 99.9% of ``total`` are those and are left out. Paths lose their folders.
    """
    rows: list[tuple[int, str]] = []
    in_table = False
    for line in annotate_output.splitlines():
        if not in_table:
            in_table = line.rstrip().endswith("file:function")
            continue
        match = _ANNOTATE_ROW.match(line)
        if match is None:
            if rows:
                break
            continue
        instructions = int(match.group(1).replace(",", ""))
        if instructions >= 0.999 * total:
            continue
        rows.append((instructions, _PATH_HEAD.sub("", match.group(2).strip())))
        if len(rows) == count:
            break
    return rows


# --------------------------------------------------------------------------- worker


def worker(count: int, rounds: int, src: Path) -> None:
    """The process callgrind runs: load pages, a cold round, the marked warm rounds."""
    from common import load_trafilatura_eval

    import articlekit

    where = Path(articlekit.__file__).resolve()
    if not where.is_relative_to(src.resolve()):
        raise SystemExit(f"articlekit imported from {where}, not from {src}")
    pages = load_trafilatura_eval()
    chosen = [(pages[i].raw(), pages[i].url) for i in pick_pages(len(pages), count)]

    def one_round() -> None:
        for raw, url in chosen:
            with contextlib.suppress(articlekit.ArticleKitError):
                articlekit.to_text(articlekit.parse_html(raw, url=url))

    one_round()
    math.gcd(0, 0)
    for _ in range(rounds):
        one_round()
    math.gcd(0, 0)


# --------------------------------------------------------------------------- driver


def _unpack_revision(rev: str, into: Path) -> Path:
    """Unpack ``git archive REV`` of this repository into ``into`` and return it."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", rev],
        check=True,
        capture_output=True,
    ).stdout
    tree = into / "tree"
    tree.mkdir()
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def _callgrind(python: str, src: Path, count: int, rounds: int, out: Path) -> Run:
    """Run the worker under callgrind with ``rounds`` warm rounds; files go to ``out``."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(src / "src"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [
        "valgrind",
        "--tool=callgrind",
        "--compress-strings=no",
        f"--callgrind-out-file={out}/callgrind.out",
        f"--dump-before={MARKER}",
        python,
        str(Path(__file__).resolve()),
        "--worker",
        "--src",
        str(src),
        "--pages",
        str(count),
        "--rounds",
        str(rounds),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(f"the callgrind run with {rounds} rounds failed")
    return read_run(sorted(out.glob("callgrind.out*")), rounds)


def _annotate(path: Path, *, inclusive: bool) -> str:
    """Return ``callgrind_annotate``'s function table of one dump."""
    inclusive_option = f"--inclusive={'yes' if inclusive else 'no'}"
    command = ["callgrind_annotate", inclusive_option, "--threshold=100", str(path)]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def _millions(count: float) -> str:
    return f"{count / 1e6:,.1f} M"


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and either run as the worker or measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--src", type=Path, help="source tree holding src/articlekit (default: here)"
    )
    where.add_argument("--rev", help="measure `git archive REV` of this repository instead")
    parser.add_argument("--pages", type=int, default=25, help="pages spread over the set")
    parser.add_argument("--rounds", type=int, default=1, help="warm rounds counted")
    parser.add_argument("--top", type=int, default=0, help="list the N heaviest functions")
    parser.add_argument(
        "--marks-only", action="store_true", help="count between the marks only (one run)"
    )
    parser.add_argument("--python", default=sys.executable, help="interpreter to run")
    parser.add_argument("--keep", type=Path, help="keep the callgrind files in this folder")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:  # (run with --rounds 0 too: the process without a warm round)
        worker(args.pages, args.rounds, args.src)
        return 0
    if args.pages < 1 or args.rounds < 1 or args.top < 0:
        parser.error("--pages and --rounds take a positive number, --top a number >= 0")
    if shutil.which("valgrind") is None:
        parser.error("valgrind is not installed")

    with tempfile.TemporaryDirectory(prefix="instructions-") as tmp:
        scratch = Path(tmp)
        if args.rev:
            src = _unpack_revision(args.rev, scratch)
            label = f"git archive {args.rev}"
        else:
            src = (args.src or REPO).resolve()
            label = str(src)
        if not (src / "src" / "articlekit" / "__init__.py").is_file():
            parser.error(f"{src} holds no src/articlekit")
        # the worker imports these; a module compiled inside one run only would count
        for folder, options in ((src / "src" / "articlekit", ["-q"]), (HERE, ["-q", "-l"])):
            subprocess.run([args.python, "-m", "compileall", *options, str(folder)], check=True)
        out = args.keep or scratch / "callgrind"
        print(f"source: {label}")
        print(f"pages: {args.pages} of trafilatura-eval, evenly spread; warm rounds: {args.rounds}")
        warm = _callgrind(args.python, src, args.pages, args.rounds, out / f"rounds-{args.rounds}")
        if not args.marks_only:
            cold = _callgrind(args.python, src, args.pages, 0, out / "rounds-0")
            print(f"process with no warm round: {_millions(cold.total)} instructions")
            print(f"process with {args.rounds}: {_millions(warm.total)} instructions")
            per_round = (warm.total - cold.total) / args.rounds
            print(f"a warm round: {_millions(per_round)} instructions (the difference)")
        print(f"a warm round between the marks: {_millions(warm.inside / args.rounds)}")
        for inclusive in (True, False) if args.top else ():
            kind = "inclusive" if inclusive else "exclusive"
            print(f"\nheaviest functions of the warm rounds, {kind} (M a round, share):")
            output = _annotate(warm.inside_file, inclusive=inclusive)
            for instructions, function in top_functions(output, args.top, warm.inside):
                share = instructions / warm.inside
                print(f"{instructions / args.rounds / 1e6:9.1f} {share:6.1%}  {function}")
        if args.keep:
            print(f"\ncallgrind files kept in {args.keep}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
