"""Tests that drive the ``articlekit`` command: in this process (``invoke``, the command's
``main`` with its own standard streams) or, where the process itself is under test
(module entry, locale, signals, a terminal, file permissions, plugins found through
``PYTHONPATH``), as a subprocess (``run``)."""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import importlib.util
import io
import json
import os
import pty
import re
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

import articlekit
from tests.test_registry import make_dist

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_PACKAGE = ROOT / "examples" / "plugin-package"
HTML = (
    "<!DOCTYPE html><html><head><title>Page {n}</title></head><body><article>"
    "<h1>Page {n}</h1><p>Body text of page {n}, a full sentence of real content.</p>"
    "</article></body></html>"
)
SETPRIV = shutil.which("setpriv")

SLOW_PLUGIN = """
import time
from articlekit import Document, Paragraph, SourceInfo, Text

class Slow:
    name = "slow"
    formats = ("slow",)
    def sniff(self, sample, *, url):
        return 1.0 if sample.startswith("SLOW") else 0.0
    def parse(self, text, *, url):
        time.sleep(0.02)
        return Document(title=text.split()[1], blocks=(Paragraph(content=(Text(text=text),)),),
                        source=SourceInfo(parser="slow"))
"""


def _with_checkout(env: dict[str, str] | None) -> dict[str, str]:
    """Return the environment for a subprocess: ours with ``env`` over it, a
    ``PYTHONPATH`` of ``env`` (a plugin's site) put before ours (this checkout's sources,
    tests/conftest.py) rather than in its place."""
    merged = {**os.environ, **(env or {})}
    if env and "PYTHONPATH" in env and os.environ.get("PYTHONPATH"):
        merged["PYTHONPATH"] = os.pathsep.join([env["PYTHONPATH"], os.environ["PYTHONPATH"]])
    return merged


def run(
    args: Sequence[str | os.PathLike[str]],
    *,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
    drop_root_powers: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m articlekit ARGS``; as root, optionally without the power to read
    any file (so that chmod 000 means unreadable, as it does for everyone else)."""
    command = [sys.executable, "-m", "articlekit", *map(str, args)]
    if drop_root_powers and os.geteuid() == 0:
        assert SETPRIV is not None
        command = [SETPRIV, "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    return subprocess.run(
        command,
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env=_with_checkout(env),
        timeout=60,
        check=False,
    )


def invoke(
    args: Sequence[str | os.PathLike[str]], *, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command's ``main(ARGS)`` in this process, as ``run`` runs ``python -m
    articlekit ARGS`` without an interpreter's start-up: standard input reads ``stdin``
    (empty when None), standard output and error are captured as the bytes written
    (decoded as UTF-8, a progress bar's carriage returns kept)."""
    from articlekit.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    streams = (
        io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        # (as Python's own stderr: a file name in no UTF-8 is written with a \x escape)
        io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True),
    )
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = streams
    try:
        code = main([os.fspath(arg) for arg in args])
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return subprocess.CompletedProcess(
        list(args), code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")
    )


def leftovers(root: Path) -> list[Path]:
    """Temporary files an interrupted write would leave behind."""
    return [p for p in root.rglob("*") if p.name.endswith(".tmp")]


def _can_build_wheels() -> bool:
    try:
        version = importlib.metadata.version("setuptools")
    except importlib.metadata.PackageNotFoundError:
        return False
    major, minor = (int(p) for p in version.split(".")[:2])
    return (major, minor) >= (70, 1) or importlib.util.find_spec("wheel") is not None


def _plugin_fingerprint() -> str:
    digest = hashlib.sha256()
    sources = [PLUGIN_PACKAGE / "pyproject.toml", *sorted(PLUGIN_PACKAGE.glob("src/*/*.py"))]
    for path in sources:  # not build/ or *.egg-info, which a build leaves behind
        digest.update(str(path.relative_to(PLUGIN_PACKAGE)).encode() + path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def plugin_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plugin package, pip-installed into a directory of its own.

    The installed copy is kept in pytest's cache, keyed by the package's contents: pip
    runs again only when the example changes (a build takes seconds).
    """
    cache = getattr(request.config, "cache", None)
    base = cache.mkdir("articlekit-plugin-site") if cache else tmp_path_factory.mktemp("plugin")
    target = base / _plugin_fingerprint()
    if (target / "articlekit_gemtext").is_dir():
        return target
    shutil.rmtree(target, ignore_errors=True)
    # built from a copy: a build leaves build/ and *.egg-info next to the sources
    package = tmp_path_factory.mktemp("plugin-src") / "plugin-package"
    ignore = shutil.ignore_patterns("build", "*.egg-info", "__pycache__")
    shutil.copytree(PLUGIN_PACKAGE, package, ignore=ignore)
    # Offline when the local setuptools can build wheels by itself; else let pip fetch it.
    attempts = (["--no-build-isolation"], []) if _can_build_wheels() else ([],)
    for extra in attempts:
        pip = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", *extra]
        done = subprocess.run(
            [*pip, "--target", str(target), str(package)],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        if done.returncode == 0:
            return target
    pytest.skip(f"cannot pip-install the example plugin: {done.stderr[-500:]}")


# --------------------------------------------------------------------------- basics


def test_version_and_module_entry() -> None:
    import articlekit

    done = run(["--version"])
    assert done.returncode == 0
    assert done.stdout.strip() == f"articlekit {articlekit.__version__}"


@pytest.mark.parametrize(
    "args",
    [
        ["convert", "x.html", "-f", "yaml"],
        ["convert", "x.html", "--jobs", "0"],
        ["convert", "x.html", "--input-format", "no-such-format"],
        ["convert", "x.html", "-f", "jsonl", "-o", "somedir"],
        ["convert", "x.html", "-f", "markdown", "-o", "out.jsonl"],
        ["convert", "-", "-", "-o", "-"],
        ["convert", "x.html", "-o", "all.jsonl", "--errors", "./all.jsonl"],
        ["frobnicate"],
        [],
    ],
)
def test_usage_errors_exit_2(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    done = invoke(args)
    assert done.returncode == 2, done.stderr
    assert "usage:" in done.stderr


@pytest.mark.parametrize("name", ["page.md", "page.JSON", "notes.txt"])
def test_an_output_named_like_a_file_is_a_usage_error(tmp_path: Path, name: str) -> None:
    # `-o page.md` made a directory page.md/ holding page.md
    page = tmp_path / "p.html"
    page.write_text(HTML.format(n=1))
    done = invoke(["convert", page, "-o", tmp_path / name])
    assert done.returncode == 2
    assert f"-o {tmp_path / name} names a file, but -o takes a directory" in done.stderr
    assert not (tmp_path / name).exists()
    # an existing directory of that name is an output directory, as before
    (tmp_path / name).mkdir()
    assert invoke(["convert", page, "-o", tmp_path / name]).returncode == 0
    assert [p.name for p in (tmp_path / name).iterdir()] == ["p.md"]


@pytest.mark.parametrize("fmt", ["markdown", "json", "jsonl", "chunks"])
def test_dev_null_output_is_a_dry_run(tmp_path: Path, fmt: str) -> None:
    # every input is converted and failures reported, nothing is kept
    (tmp_path / "in").mkdir()
    for n in (1, 2):
        (tmp_path / "in" / f"p{n}.html").write_text(HTML.format(n=n))
    (tmp_path / "in" / "blob.html").write_bytes(b"\x00\x01\x02\x03")
    done = invoke(["convert", tmp_path / "in", "-f", fmt, "-o", os.devnull])
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert "blob.html: input looks binary" in done.stderr
    assert "converted 2, failed 1" in done.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["blob.html", "in", "p1.html", "p2.html"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_compressed_page_is_named_after_the_page_inside(tmp_path: Path) -> None:
    # only the last suffix goes (docs/cli.md): b.html.gz becomes b.html.md, beside b.md
    src = tmp_path / "site"
    src.mkdir()
    (src / "b.html.gz").write_bytes(gzip.compress(HTML.format(n=1).encode()))
    (src / "b.html").write_text(HTML.format(n=2))
    done = invoke(["convert", src, "-o", tmp_path / "out"])
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b.html.md", "b.md"]
    assert "Page 1" in (tmp_path / "out" / "b.html.md").read_text()


def test_a_named_pipe_output_takes_the_stream(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(HTML.format(n=1))
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = invoke(["convert", page, "-f", "text", "-o", fifo])
    reader.join(timeout=30)
    assert done.returncode == 0, done.stderr
    assert received == [b"Body text of page 1, a full sentence of real content.\n"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_an_error_log_on_a_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    # `--errors /dev/stderr` (or /dev/null) was renamed over: as root, a regular file took
    # the device's place. A FIFO stands in for the device here.
    page = tmp_path / "p.html"
    page.write_text(HTML.format(n=1))
    fifo = tmp_path / "errors"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = invoke(["convert", page, tmp_path / "missing.html", "-o", os.devnull, "--errors", fifo])
    reader.join(timeout=30)
    assert done.returncode == 1, done.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    (record,) = [json.loads(line) for line in received[0].splitlines()]
    assert record["error"] == "UnsupportedInputError"


def test_an_existing_regular_file_output_is_a_usage_error(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(HTML.format(n=1))
    target = tmp_path / "out"
    target.write_text("kept")
    done = invoke(["convert", page, "-o", target])
    assert done.returncode == 2
    assert f"-o {target} is an existing file, but -o takes a directory, -, a FILE.jsonl" in (
        done.stderr
    )
    assert target.read_text() == "kept"


def test_an_error_log_that_is_the_output_file_is_a_usage_error(tmp_path: Path) -> None:
    # the log would be written over the documents' lines: none would be left
    page = tmp_path / "p.html"
    page.write_text(HTML.format(n=1))
    target = tmp_path / "all.jsonl"
    done = invoke(["convert", page, tmp_path / "missing.html", "-o", target, "--errors", target])
    assert done.returncode == 2
    assert f"--errors {target} is the output file" in done.stderr
    assert not target.exists()
    # an error log beside standard output is a file like any other
    (tmp_path / "sub").mkdir()
    beside = invoke(["convert", page, "-o", "-", "--errors", tmp_path / "sub" / "-"])
    assert beside.returncode == 0


def test_one_file_to_stdout_and_stdin() -> None:
    done = invoke(
        ["convert", "-", "-f", "json", "--url", "https://example.org/p"],
        stdin=HTML.format(n=5).encode(),
    )
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["source"]["url"] == "https://example.org/p"
    assert "Body text of page 5" in json.dumps(doc)
    assert "converted 1, failed 0, skipped 0" in done.stderr
    assert "\r" not in done.stderr  # no progress bar when stderr is not a terminal


@pytest.mark.parametrize(("name", "fmt"), [("md", "markdown"), ("TXT", "text"), ("Json", "json")])
def test_a_format_is_named_in_any_case_or_by_its_file_ending(name: str, fmt: str) -> None:
    page = HTML.format(n=6).encode()
    named = invoke(["convert", "-", "-f", name], stdin=page)
    assert named.returncode == 0, named.stderr
    assert named.stdout == invoke(["convert", "-", "-f", fmt], stdin=page).stdout
    assert "Body text of page 6" in named.stdout


def test_an_unknown_format_is_a_usage_error_that_lists_the_formats() -> None:
    done = invoke(["convert", "-", "-f", "html"], stdin=HTML.format(n=1).encode())
    assert done.returncode == 2
    assert "invalid choice: 'html'" in done.stderr and "'markdown'" in done.stderr


def test_seed_article_to_markdown_whatever_the_locale() -> None:
    seed = ROOT / "examples" / "seed-article.txt"
    env = {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"}
    done = run(["convert", seed, "-f", "markdown", "-o", "-"], env=env)
    assert done.returncode == 0, done.stderr
    assert "North Korea" in done.stdout


# --------------------------------------------------------------------------- the batch


def bad_and_good_tree(root: Path) -> Path:
    (root / "news").mkdir(parents=True)
    (root / "a.html").write_text(HTML.format(n=1))
    (root / "news" / "b.html").write_text(HTML.format(n=2))
    (root / "news" / "c.txt").write_text("A plain title\n\nA paragraph of plain text here.\n")
    (root / "binary.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    (root / "empty.html").write_bytes(b"")
    locked = root / "locked.html"
    locked.write_text(HTML.format(n=3))
    locked.chmod(0o000)
    (root / "loop.html").symlink_to("loop.html")  # unreadable for anyone, root included
    os.mkfifo(root / "pipe.html")  # reading would block forever: must be refused, not read
    return root


@pytest.mark.skipif(os.geteuid() == 0 and SETPRIV is None, reason="root without setpriv")
def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    src = bad_and_good_tree(tmp_path / "in")
    out = tmp_path / "out"
    errors = tmp_path / "errors.jsonl"
    done = run(
        ["convert", src, "-f", "markdown", "-o", out, "--errors", errors, "--jobs", "2"],
        drop_root_powers=True,
    )
    assert done.returncode == 1, done.stderr
    produced = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert produced == ["a.md", "news/b.md", "news/c.md"]
    assert "Body text of page 2" in (out / "news" / "b.md").read_text()
    assert leftovers(tmp_path) == []
    report = done.stderr
    for name, reason in [
        ("binary.jpg", "binary"),
        ("empty.html", "empty"),
        ("locked.html", "Permission denied"),
        ("loop.html", "symbolic links"),
        ("pipe.html", "not a regular file"),
    ]:
        assert any(name in line and reason in line for line in report.splitlines()), (name, report)
    assert "converted 3, failed 5, skipped 0" in report
    failures = [json.loads(line) for line in errors.read_text().splitlines()]
    assert sorted(Path(f["source"]).name for f in failures) == [
        "binary.jpg",
        "empty.html",
        "locked.html",
        "loop.html",
        "pipe.html",
    ]
    assert all(f["error"] == "UnsupportedInputError" and f["message"] for f in failures)


def _page_dir(src: Path, count: int) -> Path:
    """Return ``src`` made with ``count`` small pages ``p0.html`` ... in it."""
    src.mkdir()
    for n in range(count):
        (src / f"p{n}.html").write_text(HTML.format(n=n))
    return src


def test_rerun_skips_up_to_date_outputs_unless_overwrite(tmp_path: Path) -> None:
    src = _page_dir(tmp_path / "in", 3)
    out = tmp_path / "out"
    assert invoke(["convert", src, "-f", "json", "-o", out, "--jobs", "1"]).returncode == 0
    again = invoke(["convert", src, "-f", "json", "-o", out])
    assert again.returncode == 0
    assert "converted 0, failed 0, skipped 3" in again.stderr
    future = time.time() + 100
    os.utime(src / "p1.html", (future, future))  # touched after its output was written
    touched = invoke(["convert", src, "-f", "json", "-o", out])
    assert "converted 1, failed 0, skipped 2" in touched.stderr
    forced = invoke(["convert", src, "-f", "json", "-o", out, "--overwrite"])
    assert "converted 3, failed 0, skipped 0" in forced.stderr


def test_summary_gives_a_rate_only_when_something_was_converted(tmp_path: Path) -> None:
    src = _page_dir(tmp_path / "in", 2)
    out = tmp_path / "out"
    first = invoke(["convert", src, "-f", "json", "-o", out, "--jobs", "1"])
    assert re.search(r"converted 2, .* \([0-9.]+ documents/s\)$", first.stderr.strip())
    again = invoke(["convert", src, "-f", "json", "-o", out])
    assert "skipped 2" in again.stderr and "documents/s" not in again.stderr


@pytest.mark.skipif(os.geteuid() == 0 and SETPRIV is None, reason="root without setpriv")
@pytest.mark.parametrize("target", ["out", "out/all.jsonl"])
def test_an_output_that_cannot_be_written_is_one_error_up_front(
    tmp_path: Path, target: str
) -> None:
    src = _page_dir(tmp_path / "in", 3)
    locked = tmp_path / "out"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        done = run(["convert", src, "-o", tmp_path / target], drop_root_powers=True)
    finally:
        locked.chmod(0o755)
    assert done.returncode == 2, done.stderr
    errors = [line for line in done.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and "cannot write" in errors[0], done.stderr
    assert "Permission denied" in errors[0]
    assert list(locked.iterdir()) == []


@pytest.mark.parametrize(("name", "fmt"), [("notes.txt", "text"), ("notes.md", "markdown")])
def test_an_output_never_overwrites_its_own_input(tmp_path: Path, name: str, fmt: str) -> None:
    # notes.txt -f text -o . would name its output notes.txt: it keeps its suffix instead
    page = tmp_path / name
    page.write_text(HTML.format(n=1))
    original = page.read_bytes()
    done = invoke(["convert", page, "-f", fmt, "-o", tmp_path])
    assert done.returncode == 0 and "converted 1, failed 0, skipped 0" in done.stderr
    assert page.read_bytes() == original
    output = tmp_path / f"{name}{page.suffix}"
    assert "Body text of page 1" in output.read_text()
    # a re-run finds that output up to date; --overwrite rewrites it, never the input
    again = invoke(["convert", page, "-f", fmt, "-o", tmp_path])
    assert "converted 0, failed 0, skipped 1" in again.stderr
    forced = invoke(["convert", page, "-f", fmt, "-o", tmp_path, "--overwrite"])
    assert "converted 1" in forced.stderr and page.read_bytes() == original


def test_a_directory_in_an_outputs_place_fails_that_input(tmp_path: Path) -> None:
    # out/p0.json is a directory (newer than its input): no skip as "up to date"
    src = _page_dir(tmp_path / "in", 2)
    out = tmp_path / "out"
    (out / "p0.json").mkdir(parents=True)
    done = invoke(["convert", src, "-f", "json", "-o", out])
    assert done.returncode == 1
    assert "p0.html: cannot write" in done.stderr and "Is a directory" in done.stderr
    assert "converted 1, failed 1, skipped 0" in done.stderr
    assert (out / "p1.json").is_file() and not leftovers(out)


def test_outputs_inside_an_input_directory_are_no_inputs(tmp_path: Path) -> None:
    # a .jsonl output and an error log written into the directory being converted
    src = _page_dir(tmp_path / "in", 2)
    target, log = src / "all.jsonl", src / "errors.jsonl"
    for _ in range(2):
        done = invoke(["convert", src, "-o", target, "--errors", log])
        assert done.returncode == 0, done.stderr
        assert "failed 0" in done.stderr
    assert sorted(_names(target)) == [str(src / "p0.html"), str(src / "p1.html")]
    # nor is it when a glob matches it
    globbed = invoke(["convert", str(src / "*"), "-o", target, "--errors", log, "--overwrite"])
    assert globbed.returncode == 0 and "converted 2, failed 0" in globbed.stderr


def test_jsonl_order_does_not_depend_on_jobs(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for n in range(12):
        (src / f"p{n:02d}.html").write_text(HTML.format(n=n))
    (src / "p05.html").write_bytes(b"")  # one failure in the middle
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"out{jobs}.jsonl"
        done = invoke(["convert", src, "-o", target, "--jobs", jobs])
        assert done.returncode == 1
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    lines = outputs[0].decode().splitlines()
    assert len(lines) == 11
    titles = [json.loads(line)["title"] for line in lines]
    assert titles == [f"Page {n}" for n in range(12) if n != 5]
    # each line names its input
    names = [json.loads(line)["source"]["name"] for line in lines]
    assert names == [str(src / f"p{n:02d}.html") for n in range(12) if n != 5]
    # --overwrite replaces the file
    invoke(["convert", src / "p00.html", "-o", tmp_path / "out1.jsonl", "--overwrite"])
    assert len((tmp_path / "out1.jsonl").read_text().splitlines()) == 1


def _names(path: Path, key: str = "source") -> list[str]:
    records = [json.loads(line) for line in path.read_text().splitlines()]
    return [r["source"]["name"] if key == "source" else r[key] for r in records]


def test_jsonl_rerun_skips_inputs_already_in_the_file(tmp_path: Path) -> None:
    src = _page_dir(tmp_path / "in", 3)
    target = tmp_path / "out.jsonl"
    first = invoke(["convert", src, "-o", target, "--jobs", "1"])
    assert first.returncode == 0 and "converted 3" in first.stderr
    before = target.read_bytes()
    again = invoke(["convert", src, "-o", target, "--jobs", "1"])
    assert "converted 0" in again.stderr and "skipped 3" in again.stderr
    assert target.read_bytes() == before
    # a new input is added; a changed one replaces its line (no duplicates)
    (src / "p3.html").write_text(HTML.format(n=3))
    (src / "p1.html").write_text(HTML.format(n=11))
    future = time.time() + 5
    os.utime(src / "p1.html", (future, future))
    third = invoke(["convert", src, "-o", target, "--jobs", "2"])
    assert third.returncode == 0 and "converted 2" in third.stderr and "skipped 2" in third.stderr
    names = _names(target)
    assert sorted(names) == [str(src / f"p{n}.html") for n in range(4)]
    titles = [json.loads(line)["title"] for line in target.read_text().splitlines()]
    assert "Page 11" in titles and "Page 1" not in titles
    assert not list(tmp_path.glob(".out.jsonl.*"))  # the rewrite left no temporary file


def test_jsonl_lines_without_names_are_kept_and_inputs_converted(tmp_path: Path) -> None:
    # a file written by an older version (no source name) or by someone else
    page = tmp_path / "p.html"
    page.write_text(HTML.format(n=1))
    target = tmp_path / "out.jsonl"
    target.write_text('{"note": "not ours"}\n{"also": "not ours"}')  # no last line end
    invoke(["convert", page, "-o", target])
    lines = target.read_text().splitlines()
    assert lines[:2] == ['{"note": "not ours"}', '{"also": "not ours"}']
    assert len(lines) == 3
    assert json.loads(lines[2])["source"]["name"] == str(page)


def test_jsonl_last_line_cut_short_is_removed_with_a_warning(tmp_path: Path) -> None:
    # a writer killed half-way through a line: the half line is no JSON, and a line
    # appended after it would be glued to it
    pages = _page_dir(tmp_path / "in", 2)
    target = tmp_path / "out.jsonl"
    invoke(["convert", pages / "p0.html", "-o", target])
    whole = target.read_text()
    cut = invoke(["convert", pages / "p1.html", "-o", "-", "-f", "jsonl"]).stdout
    # the cut line names its input (p1.html) in a part that survived: it must not count
    # as converted, or the re-run would skip p1.html and lose it
    cut_line = cut[: cut.index('"verdict"')]
    target.write_text(whole + cut_line)
    done = invoke(["convert", pages, "-o", target])
    assert done.returncode == 0, done.stderr
    assert f"articlekit: warning: {target}: its last line was cut short" in done.stderr
    assert "converted 1" in done.stderr and "skipped 1" in done.stderr
    lines = target.read_text().splitlines()
    assert [json.loads(line)["source"]["name"] for line in lines] == [
        str(pages / "p0.html"),
        str(pages / "p1.html"),
    ]
    assert target.read_text().startswith(whole)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        (b'{"title":"x","source":{"url":null,"name":"a/b.html"},"verdict":null}\n', "a/b.html"),
        # text that looks like a source object comes before the real one
        (b'{"t":"\\"source\\":{","source":{"name":"-"},"verdict":{"kind":"article"}}', "-"),
        (b'{"index": 0, "source_name": "w.warc.gz#1", "block_start": 0}', "w.warc.gz#1"),
        (b'{"source_name": null}', None),
        (b'{"source":{"url":null}}', None),
        (b'{"source":{broken', None),
        (b"not json at all", None),
    ],
)
def test_line_source_name(line: bytes, name: str | None) -> None:
    from articlekit.cli import line_source_name

    assert line_source_name(line) == name


def test_chunk_lines_name_their_input(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(HTML.format(n=1))
    target = tmp_path / "chunks.jsonl"
    invoke(["convert", page, "-f", "chunks", "-o", target])
    count = len(target.read_text().splitlines())
    assert count >= 1 and set(_names(target, "source_name")) == {str(page)}
    rerun = invoke(["convert", page, "-f", "chunks", "-o", target])
    assert "skipped 1" in rerun.stderr and len(target.read_text().splitlines()) == count


def test_outputs_never_leave_the_output_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    (work / "src" / "evil").mkdir(parents=True)
    (work / "src" / "evil" / "x.html").write_text(HTML.format(n=1))
    outside = tmp_path / "outside"
    outside.mkdir()
    out = work / "out"
    out.mkdir()
    (out / "evil").symlink_to(outside)  # a planted link inside the output directory
    (tmp_path / "up.html").write_text(HTML.format(n=2))
    monkeypatch.chdir(work)
    done = invoke(["convert", "src", "../up.html", "-o", "out"])
    assert done.returncode == 1
    assert "outside" in done.stderr
    assert list(outside.iterdir()) == []
    assert (out / "up.md").is_file()  # ../up.html is named by its file name only
    assert not (tmp_path / "up.md").exists()


def test_the_suite_tests_this_checkout_in_process_and_in_subprocesses() -> None:
    # A git worktree beside an editable install of another checkout imported the other
    # checkout's articlekit: the tests passed or failed on code they did not come with.
    here = ROOT / "src" / "articlekit"
    assert Path(articlekit.__file__).resolve().parent == here
    done = subprocess.run(
        [sys.executable, "-c", "import articlekit; print(articlekit.__file__)"],
        capture_output=True,
        text=True,
        env=_with_checkout({"PYTHONPATH": "/nonexistent-plugin-site"}),
        cwd="/",
        timeout=60,
        check=True,
    )
    assert Path(done.stdout.strip()).resolve().parent == here


# --------------------------------------------------------------------------- interruption


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def slow_site(tmp_path: Path) -> Path:
    site = tmp_path / "slow-site"
    make_dist(
        site, "slow-plugin", "0.1", {"slow": "ak_slow_plugin:Slow"}, {"ak_slow_plugin": SLOW_PLUGIN}
    )
    return site


@pytest.mark.parametrize(
    ("sig", "code", "jobs"), [(signal.SIGINT, 130, "1"), (signal.SIGTERM, 143, "2")]
)
def test_interrupted_run_leaves_no_partial_file(
    tmp_path: Path, slow_site: Path, sig: signal.Signals, code: int, jobs: str
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    count = 400  # 20 ms each: about 8 s of work, interrupted after the first outputs
    body = "SLOW title " + "words " * 5_000  # sizeable outputs: a write may be under way
    for n in range(count):
        (src / f"p{n:03d}.slow").write_text(body)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "articlekit",
            "convert",
            str(src),
            "-f",
            "json",
            "-o",
            str(out),
            "--jobs",
            jobs,
        ],
        env=_with_checkout({"PYTHONPATH": str(slow_site)}),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # a suite started in the background (nohup, &) ignores SIGINT, and so would the
        # child; give it the default disposition a terminal user's process has
        preexec_fn=_default_sigint,
    )
    # (on a loaded machine, start-up alone has taken over 30 s: a signal that arrives
    # during "import articlekit" is Python's KeyboardInterrupt, not the command's)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and not (out.exists() and any(out.glob("*.json"))):
        time.sleep(0.01)
    assert any(out.glob("*.json")), "no output within 180 s: nothing to interrupt"
    process.send_signal(sig)
    _stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == code, stderr
    assert "interrupted" in stderr
    written = list(out.glob("*.json"))
    assert 0 < len(written) < count
    for path in written:
        assert json.loads(path.read_text())["title"] == "title"  # every file whole
    assert leftovers(out) == []


# --------------------------------------------------------------------------- WARC


def test_generated_warc_converts_into_safe_names(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    from tests.test_warc import html_page, write_warc

    pages = [
        ("https://example.org/news/a.html", html_page(1), "text/html", 200),
        ("https://example.org/../../../etc/passwd", html_page(2), "text/html", 200),
        ("https://example.org/%2F..%2F..%2Froot", html_page(3), "text/html", 200),
        ("https://EXAMPLE.org:8080/./x/../y/", html_page(4), "text/html", 200),
        ("https://example.org/news/a.html?page=2", html_page(5), "text/html", 200),
        ("https://example.org/style.css", b"body{}", "text/css", 200),
    ]
    warc = write_warc(tmp_path / "crawl.warc.gz", pages)
    out = tmp_path / "out"
    done = invoke(["convert", warc, "-f", "markdown", "-o", out])
    assert done.returncode == 0, done.stderr
    produced = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert len(produced) == 5
    assert produced[0] == "crawl/example.org/_2F.._2F.._2Froot.md"
    assert "crawl/example.org/x/y/index.md" in produced  # ".." and "." segments dropped
    assert "crawl/example.org/etc/passwd.md" in produced
    assert "crawl/example.org/news/a.md" in produced
    assert all(p.startswith("crawl/") for p in produced)
    jsonl = invoke(["convert", warc, "-o", tmp_path / "all.jsonl"])
    urls = [
        json.loads(line)["source"]["url"]
        for line in (tmp_path / "all.jsonl").read_text().splitlines()
    ]
    assert jsonl.returncode == 0 and urls == [p[0] for p in pages[:5]]


# --------------------------------------------------------------------------- plugins


def test_example_plugin_is_found_through_its_entry_point(plugin_site: Path, tmp_path: Path) -> None:
    env = {"PYTHONPATH": str(plugin_site)}
    listing = run(["parsers"], env=env)
    assert listing.returncode == 0, listing.stderr
    line = next(line for line in listing.stdout.splitlines() if line.startswith("gemtext"))
    assert "gemtext, gmi" in line and "articlekit-gemtext 0.1.0" in line
    page = tmp_path / "capsule.gmi"
    page.write_text("# A capsule\n\nHello from Gemini.\n=> gemini://example.org/ Home\n* one\n")
    done = run(["convert", page, "-f", "json"], env=env)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert (doc["title"], doc["source"]["parser"]) == ("A capsule", "gemtext")
    forced = run(
        ["convert", "-", "--input-format", "gmi", "-f", "text"], env=env, stdin=b"plain line\n"
    )
    assert forced.returncode == 0 and forced.stdout.strip() == "plain line"


def test_broken_plugin_is_listed_and_fails_alone(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for n in range(4):
        (src / f"p{n}.html").write_text(HTML.format(n=n))
    site = tmp_path / "site"
    make_dist(site, "broken-plugin", "9.9", {"broken": "ak_module_that_is_missing:Parser"})
    env = {"PYTHONPATH": str(site)}
    listing = run(["parsers"], env=env)
    assert listing.returncode == 1
    assert "BROKEN" in listing.stdout and "'broken'" in listing.stdout
    assert "broken-plugin 9.9" in listing.stdout
    done = run(["convert", "-", "-f", "text"], env=env, stdin=HTML.format(n=1).encode())
    assert done.returncode == 0
    assert "Body text of page 1" in done.stdout
    warnings = [line for line in done.stderr.splitlines() if "broken-plugin 9.9" in line]
    assert len(warnings) == 1 and warnings[0].startswith("articlekit: warning: entry point")
    parallel = run(["convert", src, "-o", tmp_path / "o", "--jobs", "2"], env=env)
    assert parallel.returncode == 0
    assert parallel.stderr.count("broken-plugin 9.9") == 1  # not once per worker


RULES = """
[[rule]]
name = "test-site"
hosts = ["rules.example"]
drop = [".promo"]
"""
RULE_PAGE = (
    "<html><head><title>Ruled</title></head><body><article><h1>Ruled</h1>"
    "<p>The first paragraph of the article, with enough words to count as content.</p>"
    "<p class='promo'>PROMOTED: buy our special subscription offer today right now.</p>"
    "<p>The second paragraph of the article, also long enough to be kept as body.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_rules_file_applies_to_matching_urls(tmp_path: Path, jobs: str) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES)
    src = tmp_path / "in"
    src.mkdir()
    for n in range(2):
        (src / f"p{n}.html").write_text(RULE_PAGE)
    url = "https://www.rules.example/a"
    base: list[str | os.PathLike[str]] = [
        "convert",
        src,
        "-f",
        "text",
        "--url",
        url,
        "--jobs",
        jobs,
    ]
    plain = invoke(base)
    ruled = invoke([*base, "--rules", rules])
    assert plain.returncode == 0 and ruled.returncode == 0, ruled.stderr
    assert "PROMOTED" in plain.stdout
    assert "PROMOTED" not in ruled.stdout
    assert ruled.stdout.count("The second paragraph") == 2


def test_bad_rules_file_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "rules.toml"
    bad.write_text("this is [not valid toml")
    done = invoke(["convert", "-", "--rules", bad], stdin=HTML.format(n=1).encode())
    assert done.returncode == 2
    assert "--rules" in done.stderr and "rules.toml" in done.stderr


# --------------------------------------------------------------------------- progress


def test_progress_shows_on_a_terminal_only(tmp_path: Path) -> None:
    src = _page_dir(tmp_path / "in", 3)
    master, slave = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "articlekit", "convert", str(src), "-o", str(tmp_path / "o")],
            stderr=slave,
            stdout=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )
        os.close(slave)
        chunks: list[bytes] = []
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
    text = b"".join(chunks).decode()
    assert done.returncode == 0
    assert re.search(r"\r\x1b\[K\[[#-]+\] \d/3 ", text), text  # the bar, with its total
    quiet = invoke(["convert", src, "-o", tmp_path / "o2", "--no-progress"])
    assert "/3 " not in quiet.stderr and "\r" not in quiet.stderr


def test_documents_on_stdout_are_kept_apart(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("First title\n\nThe last paragraph of the first document.\n")
    second.write_text("Second title\n\nThe first paragraph of the second document.\n")
    done = invoke(["convert", first, second, "-f", "text", "--jobs", "1"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("second document.\n")
    assert "first document.\n\nThe first paragraph" in done.stdout


def test_junk_after_a_byte_order_mark_fails_as_undecodable(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes("A title\n\nA paragraph of plain text here.\n".encode("utf-32"))
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\xff\xfe\x00\x00" + b"\xff\xee\xdd\xcc" * 64)  # UTF-32 BOM, no UTF-32
    errors = tmp_path / "errors.jsonl"
    done = invoke(["convert", good, junk, "-f", "text", "-o", "-", "--errors", errors])
    assert done.returncode == 1
    assert "A paragraph of plain text here." in done.stdout
    assert "\ufffd" not in done.stdout
    assert "junk.txt: undecodable input: its byte-order mark says UTF-32" in done.stderr
    (failure,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert failure["error"] == "DecodeError"


def test_an_empty_directory_named_beside_a_page_fails_the_run(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    page = tmp_path / "page.html"
    page.write_text(HTML.format(n=1))
    done = invoke(["convert", tmp_path / "empty", page, "-f", "text", "-o", "-"])
    assert done.returncode == 1
    assert "Body text of page 1" in done.stdout
    assert "empty: directory holds no files to convert" in done.stderr
    assert "converted 1, failed 1" in done.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path: Path, jobs: str) -> None:
    # `articlekit convert ... | head -1`: SIGPIPE's status and no "interrupted" summary,
    # as a Unix tool that writes into a closed pipe
    src = tmp_path / "in"
    src.mkdir()
    body = "<p>A paragraph of the page, long enough to be kept as text.</p>" * 400
    for n in range(12):  # ~300 kB of text: more than a pipe's buffer holds
        (src / f"p{n:02}.html").write_text(f"<html><body><article>{body}</article></body></html>")
    command = [sys.executable, "-m", "articlekit", "convert", str(src), "-f", "text", "-o", "-"]
    with subprocess.Popen(
        [*command, "--jobs", jobs], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline().startswith(b"A paragraph of the page")
        proc.stdout.close()
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=60)
    assert code == 141, err
    assert "interrupted" not in err and "Traceback" not in err and "BrokenPipe" not in err


def test_file_names_in_no_utf8_reach_every_json_output(tmp_path: Path) -> None:
    # a name with a Latin-1 byte is read with surrogateescape ("caf\udce9.html"): the
    # error log and chunk lines failed to encode it (a traceback at the end of the run,
    # no log written); it is escaped as to_json escapes it, and a re-run still knows it
    src = tmp_path / "in"
    src.mkdir()
    good = os.fsdecode(bytes(src) + b"/caf\xe9.html")
    empty = os.fsdecode(bytes(src) + b"/empty\xe9.html")
    Path(good).write_text(HTML.format(n=1), encoding="utf-8")
    Path(empty).write_bytes(b"")
    log, chunks = tmp_path / "errors.jsonl", tmp_path / "chunks.jsonl"
    done = invoke(["convert", src, "-f", "chunks", "-o", chunks, "--errors", log])
    assert done.returncode == 1 and "converted 1, failed 1" in done.stderr, done.stderr
    assert [json.loads(line)["source"] for line in log.read_text().splitlines()] == [empty]
    assert set(_names(chunks, "source_name")) == {good}
    chunks.read_bytes().decode("utf-8")  # valid UTF-8 throughout
    again = invoke(["convert", src, "-f", "chunks", "-o", chunks])
    assert "converted 0, failed 1, skipped 1" in again.stderr


def test_an_empty_output_name_says_what_o_takes(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(HTML.format(n=1))
    done = invoke(["convert", page, "-o", ""])
    assert done.returncode == 2
    assert "error: -o needs a name: a directory, - (standard output) or a FILE.jsonl" in (
        done.stderr
    )
