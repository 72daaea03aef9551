"""Mutated and pathological inputs end in a Document or an ArticleKitError, quickly and safely.

The corpus pages seed the mutators when ``../shared/corpus`` is present; a small built-in page
seeds them otherwise, so the suite means something in a bare clone too. The long run with
thousands of inputs and a per-input time limit is ``benchmarks/robustness.py``.
"""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest

import articlekit
from tests.conftest import CORPUS
from tests.robustness import mutators
from tests.robustness.outcome import run_one

BUILTIN_SEED = mutators.HOSTILE_PAGE.encode("utf-8")
SEED_PAGES = 4
ROUNDS_PER_MUTATOR = 6


def _seed_pages() -> list[bytes]:
    pages = [BUILTIN_SEED]
    folder = CORPUS / "trafilatura-eval" / "html"
    if folder.is_dir():
        # one page with \x1d bytes (crashes two well-known extractors) plus a spread of others
        names = ["1ae476c6a3079ace.html.gz", *sorted(p.name for p in folder.iterdir())[::90]]
        for name in names[:SEED_PAGES]:
            path = folder / name
            if path.exists():
                pages.append(gzip.decompress(path.read_bytes()))
    return pages


@pytest.mark.timeout(240)
@pytest.mark.parametrize("name", sorted(mutators.MUTATORS))
def test_mutator_outcomes_are_documents_or_errors(name: str) -> None:
    mutate = mutators.MUTATORS[name]
    rnd = random.Random(name)
    outcomes: dict[str, int] = {}
    for page in _seed_pages():
        for _ in range(ROUNDS_PER_MUTATOR):
            outcome, problems = run_one(mutate(page, rnd))
            assert problems == [], f"{name}: unsafe Markdown: {problems[:5]}"
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert sum(outcomes.values()) == len(_seed_pages()) * ROUNDS_PER_MUTATOR


@pytest.mark.timeout(120)
def test_deep_nesting_gives_document_or_error() -> None:
    outcome, problems = run_one(mutators.deep_nesting(100_000))
    assert outcome in {"document", "ParseError", "UnsupportedInputError"}
    assert problems == []


@pytest.mark.timeout(120)
def test_large_table_gives_document_or_error() -> None:
    outcome, _ = run_one(mutators.huge_table(cells=200_000))
    assert outcome in {"document", "ParseError", "UnsupportedInputError"}


@pytest.mark.timeout(120)
def test_long_single_line_text() -> None:
    outcome, _ = run_one(mutators.long_line_text(2 * 1024 * 1024), format="text")
    assert outcome == "document"


def test_hostile_page_renders_safely() -> None:
    doc = articlekit.parse(BUILTIN_SEED, url="https://site.example/a")
    markdown = articlekit.to_markdown(doc, front_matter=True)
    from tests.robustness.safety import unsafe_parts

    assert unsafe_parts(markdown) == []
    for link in doc.links():
        assert not link.url.lower().lstrip().startswith(("javascript:", "vbscript:"))


def test_entities_are_not_expanded_and_files_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    page = (
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<html><body><article><p>Entity test &xxe; &b; with enough words to be content, "
        "and more words after a comma, so that it is a paragraph.</p></article></body></html>"
    ).encode()
    try:
        doc = articlekit.parse(page)
    except articlekit.ArticleKitError:
        return
    text = articlekit.to_json(doc)
    assert "TOP-SECRET-CONTENT" not in text
    assert "aaaaaaaaaaaaaaaaaaaa" not in text


@pytest.mark.parametrize("url", [None, "https://site.example/a", "http://[::1", "http://[x]/"])
def test_urls_urllib_cannot_split_are_kept_or_dropped_not_raised(url: str | None) -> None:
    # found by benchmarks/robustness.py: a byte flip made <base href> an invalid IPv6 URL
    page = (
        '<html><head><base href="http://[::1/x"><link rel="canonical" href="http://[::1">'
        '<meta property="og:image" content="http://[bad/i.png"></head><body><article>'
        '<p>Some text long enough to count, with commas, and a <a href="http://[::1">link</a>, '
        'and <img src="http://[::1/i.png" alt="an image"> in it.</p></article></body></html>'
    )
    doc = articlekit.parse(page, url=url)
    assert "Some text long enough" in articlekit.to_text(doc)
