"""Golden files: each tests/golden/<case>/ holds the expected JSON, Markdown and text output.

The input of ``seed-article`` is ``examples/seed-article.txt``; other cases keep theirs as
``input.txt`` in their folder. ``pytest --update-golden`` rewrites the expected files from
the current output; review the diff before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from articlekit.serialise.json import to_json
from articlekit.serialise.markdown import to_markdown
from articlekit.serialise.text import to_text
from articlekit.text import parse_text

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
INPUTS = {"seed-article": ROOT / "examples" / "seed-article.txt"}


def _input(case: Path) -> Path:
    return INPUTS.get(case.name, case / "input.txt")


def _cases() -> list[str]:
    # html-* cases belong to tests/test_html_golden.py
    return sorted(p.name for p in GOLDEN.iterdir() if p.is_dir() and not p.name.startswith("html-"))


def _outputs(case: Path) -> dict[str, str]:
    doc = parse_text(_input(case).read_text(encoding="utf-8"))
    return {
        "expected.json": to_json(doc, indent=2) + "\n",
        "expected.md": to_markdown(doc),
        "expected.txt": to_text(doc) + "\n",
    }


@pytest.mark.parametrize("name", _cases())
def test_golden(name: str, request: pytest.FixtureRequest) -> None:
    case = GOLDEN / name
    outputs = _outputs(case)
    if request.config.getoption("--update-golden"):
        for filename, text in outputs.items():
            (case / filename).write_text(text, encoding="utf-8")
        return
    for filename, text in outputs.items():
        expected = case / filename
        assert expected.exists(), f"{expected} missing: run pytest --update-golden"
        assert text == expected.read_text(encoding="utf-8"), f"{name}/{filename} differs"


def test_seed_is_a_golden_case() -> None:
    assert "seed-article" in _cases()
    assert INPUTS["seed-article"].is_file()
