"""Shared test configuration: hypothesis profiles and the path to the shared corpora."""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

#: This checkout's sources: pyproject.toml's ``pythonpath`` puts them first for the tests
#: themselves, and the subprocesses the tests start (``python -m articlekit``, the docs'
#: examples) find them first too, not another checkout installed in the virtualenv.
SRC = str(Path(__file__).resolve().parent.parent / "src")
os.environ["PYTHONPATH"] = os.pathsep.join(
    [SRC, *(p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != SRC)]
)

from articlekit import ArticleKitError, Document, parse_html  # noqa: E402

settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "dev",
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ARTICLEKIT_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    """Path to ``../shared/corpus``; tests that need it skip when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (set ARTICLEKIT_CORPUS)")
    return CORPUS


#: A corpus page's parse: its Document, or the ArticleKitError parse_html raised.
CorpusParse = Callable[[Path, str | None], Document]


@pytest.fixture(scope="session")
def corpus_document() -> CorpusParse:
    """Return ``parse(path, url)``: ``parse_html`` of a gzipped corpus page with ``url``,
    each (page, URL) parsed once a session (Documents are immutable).

    Several corpus-wide tests read the same pages with the same URL (every page's parse,
    the Markdown round trip of readability-pages, the tree-freeing sample); each page's
    first parse serves them all. A page parse_html refused raises its error again.
    """
    done: dict[tuple[Path, str | None], Document | ArticleKitError] = {}

    def parse(path: Path, url: str | None) -> Document:
        key = (path.resolve(), url)
        if key not in done:
            try:
                done[key] = parse_html(gzip.decompress(path.read_bytes()), url=url)
            except ArticleKitError as exc:
                done[key] = exc
        found = done[key]
        if isinstance(found, ArticleKitError):
            raise found
        return found

    return parse


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden`` rewrites the expected files of tests/golden/ instead of comparing."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/*/expected.* from the current output",
    )
