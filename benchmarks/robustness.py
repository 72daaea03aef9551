"""Long robustness run: thousands of mutated inputs, each with a time limit, outcomes counted.

Usage (from the repository root, with the project installed)::

    python benchmarks/robustness.py --inputs 20000 --timeout 10 --workers 2
    python benchmarks/robustness.py --quick          # a few hundred inputs, for a smoke run

Prints, per mutator: inputs tried, outcomes (Document / each ArticleKitError class / other
exception / timeout / unsafe Markdown), pages per second; then the pathological generators
(100,000-deep nesting, 1,000,000-cell table, 50 MB page, 10 MB single-line text) with their
time and peak memory (RSS of a fresh process, minus its baseline before parsing), and the
time ratio of a page vs the same page 8x (linear cost).

Each input runs in a worker process that the parent kills when it exceeds ``--timeout``, so a
hang inside C code is caught too.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import multiprocessing as mp
import os
import random
import resource
import subprocess
import sys
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.robustness import mutators  # noqa: E402

Job = tuple[str, bytes | str, str | None]
Result = tuple[str, str, list[str], str | None]
CORPUS = Path(os.environ.get("ARTICLEKIT_CORPUS", ROOT.parent / "shared" / "corpus"))


def _seed_pages(limit: int) -> list[bytes]:
    pages = [mutators.HOSTILE_PAGE.encode()]
    folder = CORPUS / "trafilatura-eval" / "html"
    if folder.is_dir():
        for path in sorted(folder.iterdir())[:limit]:
            pages.append(gzip.decompress(path.read_bytes()))
    rp = CORPUS / "readability-pages"
    if rp.is_dir():
        for path in sorted(rp.glob("*/source.html.gz"))[: max(0, limit // 3)]:
            pages.append(gzip.decompress(path.read_bytes()))
    return pages


def _worker(conn: Connection) -> None:
    from tests.robustness.outcome import run_one

    while True:
        job = conn.recv()
        if job is None:
            return
        data, fmt = job
        try:
            outcome, problems = run_one(data, format=fmt)
            conn.send((outcome, problems, None))
        except BaseException as exc:
            conn.send(("other:" + type(exc).__name__, [], traceback.format_exc(limit=3)))


class _Pending:
    """A job iterator with a truth value: is there another job?"""

    def __init__(self, jobs: Iterator[Job]) -> None:
        self._jobs = jobs
        self._next: Job | None = next(jobs, None)

    def __bool__(self) -> bool:
        return self._next is not None

    def pop(self) -> Job:
        job = self._next
        assert job is not None
        self._next = next(self._jobs, None)
        return job


class _Pool:
    """Worker processes, each killed and replaced when an input exceeds the time limit."""

    def __init__(self, size: int, timeout: float) -> None:
        self.timeout = timeout
        self.workers = [self._spawn() for _ in range(size)]

    def _spawn(self) -> tuple[mp.Process, Connection]:
        parent, child = mp.Pipe()
        proc = mp.Process(target=_worker, args=(child,), daemon=True)
        proc.start()
        return proc, parent

    def _send(self, index: int, job: tuple[bytes | str, str | None]) -> None:
        """Send ``job`` to worker ``index``, replacing the worker once if it has died."""
        try:
            self.workers[index][1].send(job)
        except (BrokenPipeError, OSError):
            self.workers[index] = self._spawn()
            self.workers[index][1].send(job)

    def run(self, jobs: Iterator[Job]) -> list[Result]:
        """Run every job (made lazily: 20,000 mutated pages do not fit in memory at once)."""
        results: list[Result] = []
        pending = _Pending(jobs)
        busy: dict[int, tuple[str, float]] = {}
        for index in range(len(self.workers)):
            if pending:
                name, data, fmt = pending.pop()
                self._send(index, (data, fmt))
                busy[index] = (name, time.monotonic())
        while busy:
            for index in list(busy):
                proc, conn = self.workers[index]
                name, started = busy[index]
                if conn.poll(0.01):
                    try:
                        outcome, problems, trace = conn.recv()
                    except (EOFError, OSError):
                        # the worker died (a segfault, the OOM killer, a failed import):
                        # a crash of this input, never the end of the run
                        proc.join(timeout=1)
                        self.workers[index] = self._spawn()
                        outcome, problems = f"died:exit {proc.exitcode}", []
                        trace = None
                    results.append((name, outcome, problems, trace))
                elif time.monotonic() - started > self.timeout:
                    proc.kill()
                    proc.join()
                    self.workers[index] = self._spawn()
                    results.append((name, "timeout", [], None))
                else:
                    continue
                del busy[index]
                if pending:
                    name, data, fmt = pending.pop()
                    self._send(index, (data, fmt))
                    busy[index] = (name, time.monotonic())
        return results

    def close(self) -> None:
        for proc, conn in self.workers:
            with contextlib.suppress(BrokenPipeError, OSError):
                conn.send(None)
            proc.join(timeout=2)
            if proc.is_alive():
                proc.kill()


_MEASURE = r"""
import resource, sys, time
sys.path.insert(0, {root!r})
import articlekit
from tests.robustness import mutators
data = {expr}
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
try:
    articlekit.parse(data{fmt})
    outcome = "document"
except articlekit.ArticleKitError as exc:
    outcome = type(exc).__name__ + ": " + str(exc)[:80]
elapsed = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len(data), elapsed, base, peak, outcome, sep="\t")
"""


def _measure(label: str, expr: str, fmt: str | None, timeout: float) -> str:
    code = _MEASURE.format(root=str(ROOT), expr=expr, fmt=f", format={fmt!r}" if fmt else "")
    try:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return f"| {label} | - | timeout (> {timeout:.0f} s) | - | - |"
    if out.returncode != 0:
        return f"| {label} | - | crashed: {out.stderr.strip().splitlines()[-1:]} | - | - |"
    size, elapsed, base, peak, outcome = out.stdout.strip().split("\t", 4)
    size_mb = int(size) / 2**20
    extra_mb = (int(peak) - int(base)) / 1024  # ru_maxrss is KiB on Linux
    ratio = extra_mb / size_mb if size_mb else 0.0
    return (
        f"| {label} | {size_mb:.1f} MB | {float(elapsed):.2f} s | {extra_mb:.0f} MB "
        f"({ratio:.1f}x input) | {outcome} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=20_000, help="mutated inputs in total")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per input")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed-pages", type=int, default=60)
    parser.add_argument("--quick", action="store_true", help="300 inputs, skip the 50 MB case")
    parser.add_argument("--no-generators", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.inputs, args.seed_pages = 300, 10

    pages = _seed_pages(args.seed_pages)
    rnd = random.Random(20261125)
    names = sorted(mutators.MUTATORS)

    def jobs() -> Iterator[Job]:
        for i in range(args.inputs):
            name = names[i % len(names)]
            yield (name, mutators.MUTATORS[name](rnd.choice(pages), rnd), None)

    try:  # what every worker imports: fail here, once, rather than in each worker
        from tests.robustness.outcome import run_one  # noqa: F401
    except ImportError as exc:
        print(f"cannot run: {exc} (install the dev extra: pip install -e '.[dev]')")
        return 2
    pool = _Pool(args.workers, args.timeout)
    started = time.perf_counter()
    try:
        results = pool.run(jobs())
    finally:
        pool.close()
    elapsed = time.perf_counter() - started

    table: dict[str, Counter[str]] = defaultdict(Counter)
    unsafe = Counter[str]()
    traces: dict[str, str] = {}
    for name, outcome, problems, trace in results:
        table[name][outcome] += 1
        if problems:
            unsafe[name] += 1
            traces.setdefault("unsafe:" + name, "; ".join(problems[:3]))
        if trace:
            traces.setdefault(outcome, trace)
    kinds = sorted({k for c in table.values() for k in c})
    print(
        f"## Mutated inputs: {len(results)} from {len(pages)} seed pages, "
        f"{args.workers} workers, {args.timeout:.0f} s limit\n"
    )
    print("| mutator | inputs | " + " | ".join(kinds) + " | unsafe md |")
    print("|---|---:|" + "---:|" * len(kinds) + "---:|")
    totals = Counter[str]()
    for name in names:
        row = table[name]
        totals.update(row)
        cells = " | ".join(str(row.get(k, 0)) for k in kinds)
        print(f"| {name} | {sum(row.values())} | {cells} | {unsafe[name]} |")
    cells = " | ".join(str(totals.get(k, 0)) for k in kinds)
    print(f"| **total** | {sum(totals.values())} | {cells} | {sum(unsafe.values())} |")
    other = sum(v for k, v in totals.items() if k.startswith("other:"))
    died = sum(v for k, v in totals.items() if k.startswith("died:"))
    print(
        f"\nother exceptions: {other}; workers died: {died}; "
        f"timeouts: {totals.get('timeout', 0)}; "
        f"unsafe Markdown renderings: {sum(unsafe.values())}; "
        f"throughput: {len(results) / elapsed:.1f} inputs/s ({elapsed:.0f} s)"
    )
    for key, trace in list(traces.items())[:5]:
        print(f"\n{key}:\n{trace}")

    if not args.no_generators:
        print("\n## Pathological inputs (fresh process each; memory = peak RSS minus baseline)\n")
        print("| input | size | time | extra memory | outcome |")
        print("|---|---:|---:|---:|---|")
        limit = max(60.0, args.timeout * 6)
        print(_measure("100,000-deep nesting", "mutators.deep_nesting(100_000)", None, limit))
        print(_measure("1,000,000-cell table", "mutators.huge_table(1_000_000)", None, limit))
        if not args.quick:
            print(_measure("50 MB page", "mutators.big_page(50 * 2**20)", None, limit * 3))
        print(
            _measure(
                "10 MB single line (text)", "mutators.long_line_text(10 * 2**20)", "text", limit
            )
        )
        print(_measure("page 1x (2 MB)", "mutators.big_page(2 * 2**20)", None, limit))
        print(_measure("page 8x (16 MB)", "mutators.big_page(16 * 2**20)", None, limit))
    unsafe_total = sum(unsafe.values())
    return 1 if other or died or totals.get("timeout", 0) or unsafe_total else 0


if __name__ == "__main__":
    _ = resource  # imported for the measuring subprocess's documentation
    raise SystemExit(main())
