"""The scripts in ``examples/`` run as their docstrings say, and do what they promise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ARTICLE = (
    "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens"
    "</h1><p>The harbour reopened on Monday after three weeks of repairs to the old sea "
    "wall, and the first boats came in with the morning tide.</p><p>Fishermen said the "
    "wait had cost them most of the season, but the new wall should last for decades."
    "</p></article></body></html>"
)


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_python_example_tours_the_seed_article() -> None:
    done = run("python_example.py")
    assert done.returncode == 0, done.stderr
    assert "title:" in done.stdout and "JSON:" in done.stdout


def test_convert_folder_writes_every_page_once_and_reports_failures(tmp_path: Path) -> None:
    source = tmp_path / "pages"
    (source / "news").mkdir(parents=True)
    (source / "news" / "a.html").write_text(ARTICLE, encoding="utf-8")
    # one stem twice: the later input must not overwrite the first one's output
    (source / "news" / "a.txt").write_text(
        "Harbour reopens\n\nThe harbour reopened on Monday after three weeks of repairs "
        "to the old sea wall.\n",
        encoding="utf-8",
    )
    (source / "broken.bin").write_bytes(b"\x00\x01\x02\xff" * 64)
    out = tmp_path / "out"
    done = run("convert_folder.py", str(source), str(out))
    assert done.returncode == 1, done.stderr  # one input failed
    assert "2 converted, 1 failed" in done.stdout
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert len(written) == 2 and len(set(written)) == 2
    assert all(name.startswith("news/a.") and name.endswith(".md") for name in written)
    assert not any(p.name.endswith(".tmp") for p in out.rglob("*"))  # no temporary left
    texts = [(out / name).read_text(encoding="utf-8") for name in written]
    assert all("harbour reopened on Monday" in text for text in texts)
