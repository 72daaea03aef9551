"""Golden JSON of real pages: tests/golden/html-<case>/ names a corpus page in source.json.

The expected file is the whole Document as JSON (provenance included), so any change in
what the parser finds shows up as a reviewable diff. ``pytest --update-golden`` rewrites
``expected.json`` from the current output; the page itself stays in the shared corpus.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articlekit.serialise.json import from_json, to_json
from tests.conftest import CorpusParse

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir() and p.name.startswith("html-"))


@pytest.mark.parametrize("name", CASES)
def test_html_golden(
    name: str, corpus: Path, corpus_document: CorpusParse, request: pytest.FixtureRequest
) -> None:
    case = GOLDEN / name
    source = json.loads((case / "source.json").read_text(encoding="utf-8"))
    doc = corpus_document(corpus / source["corpus"], source["url"])
    text = to_json(doc, indent=2, provenance=True) + "\n"
    expected = case / "expected.json"
    if request.config.getoption("--update-golden"):
        expected.write_text(text, encoding="utf-8")
        return
    assert expected.exists(), f"{expected} missing: run pytest --update-golden"
    assert text == expected.read_text(encoding="utf-8"), f"{name}: output changed"
    assert from_json(text) == doc


def test_golden_cases_exist() -> None:
    assert len(CASES) >= 3
