"""Tests for articlekit.dask on a real dask.distributed LocalCluster with 2 workers."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("dask.bag", reason="the 'dask' extra is not installed")
pytest.importorskip("distributed", reason="the 'dask' extra is not installed")
pytest.importorskip("warcio", reason="the 'dask' extra is not installed")
pytest.importorskip("pyarrow.parquet", reason="the 'dask' extra is not installed")

import pyarrow.parquet as pq
from distributed import Client, LocalCluster

import articlekit.dask as akd
from articlekit import Document, UnsupportedInputError
from tests.test_warc import generated_warc

RECORDS = 30


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    # threads in this process: quick to start on 2 cores, and the scheduler, the two
    # workers and the task graph are the same ones a multi-machine cluster runs
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    )
    with cluster, Client(cluster) as dask_client:  # type: ignore[no-untyped-call]
        yield dask_client


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    first = generated_warc(tmp_path / "one.warc.gz", RECORDS)
    second = generated_warc(tmp_path / "two.warc", 5, compress=False)
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(
        "<html><body><article><p>Loose page A body text.</p></article></body></html>"
    )
    (pages / "empty.html").write_bytes(b"")
    return [first, second, pages]


def test_every_record_arrives_exactly_once(client: Client, inputs: list[Path]) -> None:
    bag = akd.results(inputs)
    assert bag.npartitions == 4  # one per listed file
    pairs = bag.compute()
    sources = Counter(name for name, _ in pairs)
    assert all(count == 1 for count in sources.values())
    docs = [r for _, r in pairs if isinstance(r, Document)]
    urls = Counter(d.source.url for d in docs if d.source.url)
    expected = {f"https://example.org/news/{n}.html" for n in range(RECORDS)}
    assert set(urls) == expected
    assert urls.most_common(1)[0][1] == 2  # each URL once per archive (one.warc.gz, two.warc)
    assert sum(urls.values()) == RECORDS + 5
    failures = [r for _, r in pairs if not isinstance(r, Document)]
    assert len(failures) == 1 and isinstance(failures[0], UnsupportedInputError)
    assert "empty.html" in str(failures[0])
    assert len(pairs) == RECORDS + 5 + 2


def test_documents_as_dicts(client: Client, inputs: list[Path]) -> None:
    dicts = akd.documents(inputs[:1], as_dicts=True).compute()
    assert len(dicts) == RECORDS
    assert all(d["schema"] == "articlekit/1" for d in dicts)


def test_jsonl_and_parquet_partitions(client: Client, inputs: list[Path], tmp_path: Path) -> None:
    written = akd.write_jsonl(akd.results(inputs), tmp_path / "jsonl")
    assert len(written) == 4
    lines = [json.loads(line) for path in written for line in Path(path).read_text().splitlines()]
    assert len(lines) == RECORDS + 5 + 1
    errors = list((tmp_path / "jsonl").glob("errors-*.jsonl"))
    assert len(errors) == 1 and "empty.html" in errors[0].read_text()

    parquet = akd.write_parquet(akd.results(inputs), tmp_path / "parquet")
    table = pq.read_table(tmp_path / "parquet")
    assert len(parquet) == 4 and table.num_rows == RECORDS + 5 + 2
    assert table.column_names == list(akd.PARQUET_COLUMNS)
    rows = table.to_pylist()
    assert sum(1 for r in rows if r["error"]) == 1
    good = [r for r in rows if not r["error"]]
    assert all(json.loads(r["document"])["schema"] == "articlekit/1" for r in good)
    assert not list((tmp_path / "parquet").glob(".*.tmp"))


def test_missing_paths_are_reported(client: Client, tmp_path: Path) -> None:
    pairs = akd.results([tmp_path / "nope.warc.gz", str(tmp_path / "*.none")]).compute()
    assert len(pairs) == 2
    assert all(isinstance(r, UnsupportedInputError) for _, r in pairs)
