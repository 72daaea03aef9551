"""Batch speed: documents/s for ``articlekit convert`` (--jobs 1 and 2) next to trafilatura,
the CLI's overhead over calling ``parse`` in a loop, peak memory over a generated WARC, and
the Dask path on a LocalCluster.

Run from the project root with the project's virtualenv::

    .venv/bin/python benchmarks/batch_speed.py            # the full run (a few minutes)
    .venv/bin/python benchmarks/batch_speed.py --quick    # fewer pages and records

Every command runs as its own process, interpreter start-up included, on the same files:
the dev corpora (``../shared/corpus/trafilatura-eval/html/*.html.gz`` and
``readability-pages/*/source.html.gz``), gunzipped once into a temporary directory.
trafilatura runs in ``.venv-bench`` (a loop over the same files, one process); when that
virtualenv is missing its row says "skipped". Targets (issue 6): ``--jobs 2`` at least 1.7x
``--jobs 1``; CLI overhead over the parse loop at most 10%; peak RSS flat between 1k and 10k
WARC records. The machine may be shared: each timing is the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ARTICLEKIT_CORPUS", ROOT.parent / "shared" / "corpus"))
BENCH_PYTHON = ROOT / ".venv-bench" / "bin" / "python"

PARSE_LOOP = """
import sys, pathlib, articlekit
for path in sorted(pathlib.Path(sys.argv[1]).iterdir()):
    try:
        articlekit.to_json(articlekit.parse(path), indent=2)
    except articlekit.ArticleKitError:
        pass
"""

TRAFILATURA_LOOP = """
import sys, pathlib, trafilatura
for path in sorted(pathlib.Path(sys.argv[1]).iterdir()):
    trafilatura.extract(path.read_bytes(), output_format="json", with_metadata=True)
"""

RSS_WRAPPER = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

DASK_RUN = """
import sys, time
from distributed import Client, LocalCluster
import articlekit.dask as akd
if __name__ == "__main__":
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster):
        start = time.perf_counter()
        count = akd.documents(sys.argv[1:]).count().compute()
        print(count, time.perf_counter() - start)
"""


def gunzip_corpus(target: Path, limit: int | None) -> int:
    """Gunzip the dev corpora's pages into ``target``; return how many."""
    sources = sorted((CORPUS / "trafilatura-eval" / "html").glob("*.html.gz"))
    sources += sorted((CORPUS / "readability-pages").glob("*/source.html.gz"))
    if limit:
        sources = sources[:limit]
    for number, source in enumerate(sources):
        stem = source.parent.name if source.name == "source.html.gz" else source.name[:-8]
        (target / f"{number:04d}-{stem}.html").write_bytes(gzip.decompress(source.read_bytes()))
    return len(sources)


def measure(command: Sequence[str]) -> tuple[float, float]:
    """Return (wall seconds, CPU seconds of the process and its children) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, _status, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped by wait4 already
    wall = time.perf_counter() - start
    # on Linux the usage wait4 reports includes the worker processes the child reaped
    return wall, usage.ru_utime + usage.ru_stime


def best_times(commands: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, float]]:
    """Return the best (wall, CPU) seconds of each command, runs interleaved so that a
    change in the machine's load hits every command alike."""
    best = {name: (float("inf"), float("inf")) for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            wall, cpu = measure(command)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    return best


def cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "articlekit", *map(str, args)]


SPIN = "x = 0\nfor i in range(15_000_000):\n    x += i\n"


def spin_processes(count: int) -> list[str]:
    """Return a command running ``count`` CPU-bound processes side by side."""
    code = (
        "import subprocess, sys\n"
        f"ps = [subprocess.Popen([sys.executable, '-c', {SPIN!r}]) for _ in range({count})]\n"
        "for p in ps: p.wait()\n"
    )
    return [sys.executable, "-c", code]


def generated_page(n: int) -> bytes:
    paragraphs = "".join(
        f"<p>Paragraph {k} of generated article {n}: a sentence of ordinary words, "
        "long enough to look like the body of a news story.</p>"
        for k in range(8)
    )
    return (
        f"<html><head><title>Article {n}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Article {n}</h1>{paragraphs}</article><footer>Footer</footer>"
        "</body></html>"
    ).encode()


def write_warc(path: Path, first: int, count: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n in range(first, first + count):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://bench.example/{n}.html",
                "response",
                payload=io.BytesIO(generated_page(n)),
                http_headers=headers,
            )
            writer.write_record(record)


def peak_rss_mib(command: Sequence[str]) -> tuple[float, int]:
    """Return (peak RSS of ``command`` in MiB, its exit code)."""
    done = subprocess.run(
        [sys.executable, "-c", RSS_WRAPPER, *command], capture_output=True, text=True, check=True
    )
    code, kib = done.stdout.split()
    return int(kib) / 1024, int(code)


def table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer pages and WARC records")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    parser.add_argument("--repeat", type=int, default=2, help="runs per timing (best kept)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    args = parser.parse_args(argv)
    limit = args.limit or (120 if args.quick else None)
    sizes = (200, 2000) if args.quick else (1000, 10000)

    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}; set ARTICLEKIT_CORPUS", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="ak-batch-bench-"))
    try:
        pages = work / "pages"
        pages.mkdir()
        count = gunzip_corpus(pages, limit)
        out = work / "out"
        print(f"{count} dev-corpus pages, best of {args.repeat} runs, {os.cpu_count()} CPUs\n")

        convert = cli("convert", pages, "-f", "json", "-o", out, "--overwrite", "--no-progress")
        commands = {
            "parse() + to_json() loop": [sys.executable, "-c", PARSE_LOOP, str(pages)],
            "articlekit convert --jobs 1": [*convert, "--jobs", "1"],
            "articlekit convert --jobs 2": [*convert, "--jobs", "2"],
        }
        if BENCH_PYTHON.exists():
            commands["trafilatura.extract loop"] = [
                str(BENCH_PYTHON),
                "-c",
                TRAFILATURA_LOOP,
                str(pages),
            ]
        # two CPU-bound processes side by side vs one: 2.0 on two idle cores, less when
        # neighbours or the host take CPU time; a --jobs 2 speed-up cannot beat it
        commands["(calibration) 1 spin process"] = spin_processes(1)
        commands["(calibration) 2 spin processes"] = spin_processes(2)
        times = best_times(commands, args.repeat)
        spin_one = times.pop("(calibration) 1 spin process")[0]
        spin_two = times.pop("(calibration) 2 spin processes")[0]
        ceiling = 2 * spin_one / spin_two
        one = times["articlekit convert --jobs 1"][0]
        rows = [("run", "wall s", "CPU s", "documents/s", "vs --jobs 1")]
        for name, (wall, cpu) in times.items():
            rows.append(
                (name, f"{wall:.2f}", f"{cpu:.2f}", f"{count / wall:.1f}", f"{one / wall:.2f}x")
            )
        if not BENCH_PYTHON.exists():
            rows.append(("trafilatura.extract loop", "skipped", "", "(no .venv-bench)", ""))
        print(table(rows))
        loop_wall, loop_cpu = times["parse() + to_json() loop"]
        cli_wall, cli_cpu = times["articlekit convert --jobs 1"]
        print(
            f"\nCLI overhead over the parse loop: {cli_wall / loop_wall - 1:+.1%} wall, "
            f"{cli_cpu / loop_cpu - 1:+.1%} CPU (target <= +10%)"
        )
        speedup = one / times["articlekit convert --jobs 2"][0]
        cpu_two = times["articlekit convert --jobs 2"][1]
        print(f"--jobs 2 speed-up: {speedup:.2f}x wall (target >= 1.7x)")
        print(
            f"machine's parallel ceiling now (two CPU-bound processes vs one): {ceiling:.2f}x; "
            f"--jobs 2 reached {speedup / ceiling:.0%} of it"
        )
        # On a machine busy with other work the wall-clock ratio measures the neighbours;
        # the CPU each run needed shows what two idle cores would give, at best.
        print(
            f"--jobs 2 CPU cost: {cpu_two / cli_cpu - 1:+.1%} over --jobs 1; on two idle cores "
            f"that allows at most {2 * cli_cpu / cpu_two:.2f}x"
        )
        print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n")

        try:
            import warcio  # noqa: F401
        except ImportError:
            print("WARC memory: skipped (warcio not installed)")
            return 0
        rss_rows = [("WARC records", "peak RSS MiB (--jobs 1)", "seconds", "documents/s")]
        for size in sizes:
            warc = work / f"gen-{size}.warc.gz"
            write_warc(warc, 0, size)
            target = work / f"gen-{size}.jsonl"
            start = time.perf_counter()
            rss, code = peak_rss_mib(cli("convert", warc, "-o", target, "--jobs", "1"))
            seconds = time.perf_counter() - start
            lines = sum(1 for _ in target.open())
            assert code == 0 and lines == size, (code, lines, size)
            rss_rows.append((str(size), f"{rss:.1f}", f"{seconds:.2f}", f"{size / seconds:.1f}"))
        print(table(rss_rows))

        if not args.no_dask:
            try:
                import distributed  # noqa: F401
            except ImportError:
                print("\nDask: skipped (the 'dask' extra is not installed)")
                return 0
            size = sizes[0]
            parts = []
            for index in range(4):  # four archives: four partitions for two workers
                part = work / f"dask-{index}.warc.gz"
                write_warc(part, index * size // 4, size // 4)
                parts.append(str(part))
            done = subprocess.run(
                [sys.executable, "-c", DASK_RUN, *parts], capture_output=True, text=True, check=True
            )
            docs_text, seconds_text = done.stdout.split()
            dask_docs, dask_seconds = int(docs_text), float(seconds_text)
            print(
                f"\nDask LocalCluster (2 worker processes), {dask_docs} WARC records in 4 "
                f"archives: {dask_seconds:.2f} s, {dask_docs / dask_seconds:.1f} documents/s"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
