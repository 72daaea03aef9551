"""Scale out on a Dask cluster: bags of documents from many WARC/HTML paths (extra ``dask``).

Install with ``pip install 'articlekit[dask]'`` (dask[bag], distributed, pyarrow, warcio).
The same code runs on a laptop and on a cluster; only the ``Client`` changes::

    from dask.distributed import Client
    import articlekit.dask as akd

    client = Client()                                  # or Client("scheduler-address:8786")
    bag = akd.results(["crawl/*.warc.gz", "pages/"])   # (source, Document | error) pairs
    akd.write_parquet(bag, "out/parquet")               # one Parquet file per partition
    akd.write_jsonl(akd.documents(["crawl/"]), "out/jsonl")

Paths are listed on the client (directories recursively, globs expanded) and must be
readable by every worker (a shared file system). WARC files are opened on the workers,
record by record, so no archive ever travels through the scheduler. Each partition is
written by the worker that computed it, atomically (temporary file, then rename).
"""

from __future__ import annotations

import glob
import importlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from articlekit.batch import ConvertOptions, convert_item, expand_inputs, load_rules_file
from articlekit.errors import ArticleKitError
from articlekit.model import Document

__all__ = ["documents", "list_paths", "results", "write_jsonl", "write_parquet"]

_GLOB_MAGIC = re.compile(r"[*?\[]")
#: Columns of the Parquet files, in order.
PARQUET_COLUMNS = (
    "source",
    "url",
    "title",
    "authors",
    "published",
    "language",
    "site_name",
    "text",
    "document",
    "error",
)


def _bag_module() -> Any:
    try:
        import dask.bag
    except ImportError as exc:
        raise ArticleKitError(
            "articlekit.dask needs the 'dask' extra: pip install 'articlekit[dask]'"
        ) from exc
    return dask.bag


def list_paths(
    paths: Iterable[str | os.PathLike[str]] | str | bytes | os.PathLike[str],
) -> list[str]:
    """Return the files that ``paths`` name: directories walked (sorted, hidden entries
    skipped), glob patterns expanded, other paths kept as they are.

    One path on its own (a ``str``, ``bytes`` or ``pathlib.Path``) is one path, not an
    iterable of one-character paths ("/data" walked "/", then "d" ...). A ``bytes`` path
    is decoded as the file system does (:func:`os.fsdecode`); an item that is no path
    at all is a ``TypeError`` naming it."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [os.fsdecode(paths)]
    found: list[str] = []
    for raw in paths:
        if not isinstance(raw, (str, bytes, os.PathLike)):
            raise TypeError(
                f"articlekit.dask: each path must be a str, bytes or os.PathLike, got {raw!r}"
            )
        spec = os.fsdecode(raw)
        matches = (
            [spec]
            if os.path.lexists(spec) or not _GLOB_MAGIC.search(spec)
            else sorted(glob.glob(spec, recursive=True))
        )
        if not matches:
            found.append(spec)  # converting it reports "no such file": never dropped silently
        for match in matches:
            if not os.path.isdir(match):
                found.append(match)
                continue
            for current, dirs, files in os.walk(match):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(current, f) for f in sorted(files) if not f.startswith(".")
                )
    return found


def _convert_partition(
    paths: Iterable[str], options: ConvertOptions, url: str | None
) -> Iterator[tuple[str, Document | ArticleKitError]]:
    rules = load_rules_file(options.rules_path) if options.rules_path else None
    for path in paths:
        for item in expand_inputs([path], url=url):
            result = convert_item(item, options, rules=rules)
            assert not isinstance(result, str)  # options.output is None
            yield item.name, result


def results(
    paths: Iterable[str | os.PathLike[str]] | str | bytes | os.PathLike[str],
    *,
    format: str | None = None,
    url: str | None = None,
    rules: str | os.PathLike[str] | None = None,
    require_article: bool = False,
    npartitions: int | None = None,
) -> Any:
    """Return a ``dask.bag.Bag`` of ``(source, Document | ArticleKitError)``, one per input.

    Like :func:`articlekit.convert_many`, but lazy and distributed: each partition holds
    some of the listed files (by default one per partition, so that a WARC file is one
    task) and a bad input is an error value, never a failed task. ``rules`` is a site-rules
    file every worker can read.
    """
    bag = _bag_module()
    files = list_paths(paths)
    options = ConvertOptions(
        format=format,
        require_article=require_article,
        rules_path=os.fspath(rules) if rules is not None else None,
    )
    count = npartitions or max(1, len(files))
    return bag.from_sequence(files, npartitions=min(count, max(1, len(files)))).map_partitions(
        _convert_partition, options, url
    )


def _as_dict(doc: Document) -> dict[str, Any]:
    from articlekit import to_json

    value: dict[str, Any] = json.loads(to_json(doc))
    return value


def documents(
    paths: Iterable[str | os.PathLike[str]] | str | bytes | os.PathLike[str],
    *,
    as_dicts: bool = False,
    format: str | None = None,
    url: str | None = None,
    rules: str | os.PathLike[str] | None = None,
    require_article: bool = False,
    npartitions: int | None = None,
) -> Any:
    """Return a ``dask.bag.Bag`` of the Documents (or, ``as_dicts``, their JSON objects)
    of every input that converted. Use :func:`results` to see the failures too."""
    bag = results(
        paths,
        format=format,
        url=url,
        rules=rules,
        require_article=require_article,
        npartitions=npartitions,
    )
    docs = bag.filter(_is_document).pluck(1)
    return docs.map(_as_dict) if as_dicts else docs


def _is_document(pair: tuple[str, object]) -> bool:
    return isinstance(pair[1], Document)


# --------------------------------------------------------------------------- writers


def _split(element: object) -> tuple[str | None, Document | dict[str, Any] | None, str | None]:
    """Return (source, document or dict, error message) for any element a bag may hold."""
    if isinstance(element, tuple) and len(element) == 2:
        source, value = element
        if isinstance(value, ArticleKitError):
            return str(source), None, str(value)
        return str(source), value, None
    if isinstance(element, (Document, dict)):
        return None, element, None
    raise TypeError(f"expected a Document, a dict or a (source, result) pair, got {element!r}")


def _document_json(doc: Document | dict[str, Any]) -> str:
    if isinstance(doc, Document):
        from articlekit import to_json

        return to_json(doc)
    return json.dumps(doc, ensure_ascii=False)


def _atomic_target(directory: str, name: str) -> tuple[int, str, str]:
    final = os.path.join(directory, name)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    return fd, tmp, final


def _write_jsonl_partition(elements: Iterable[object], directory: str, index: int) -> str:
    fd, tmp, final = _atomic_target(directory, f"part-{index:05d}.jsonl")
    errors: list[str] = []
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            for element in elements:
                source, doc, error = _split(element)
                if error is not None:
                    errors.append(json.dumps({"source": source, "error": error}) + "\n")
                elif doc is not None:
                    stream.write(_document_json(doc) + "\n")
        os.replace(tmp, final)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    if errors:
        fd, tmp, error_file = _atomic_target(directory, f"errors-{index:05d}.jsonl")
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.writelines(errors)
        os.replace(tmp, error_file)
    return final


def _row(element: object) -> dict[str, Any]:
    source, value, error = _split(element)
    if value is None:
        return dict.fromkeys(PARQUET_COLUMNS) | {"source": source, "authors": [], "error": error}
    if isinstance(value, dict):
        from articlekit import from_json

        doc = from_json(json.dumps(value))
    else:
        doc = value
    from articlekit import to_json, to_text

    return {
        "source": source,
        "url": doc.source.url,
        "title": doc.title,
        "authors": list(doc.metadata.authors),
        "published": doc.metadata.published,
        "language": doc.metadata.language,
        "site_name": doc.metadata.site_name,
        "text": to_text(doc),
        "document": to_json(doc),
        "error": None,
    }


def _parquet_schema() -> Any:
    import pyarrow as pa

    text = pa.string()
    return pa.schema(
        [(name, pa.list_(text) if name == "authors" else text) for name in PARQUET_COLUMNS]
    )


def _write_parquet_partition(elements: Iterable[object], directory: str, index: int) -> str:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [_row(element) for element in elements]
    table = pa.Table.from_pylist(rows, schema=_parquet_schema())
    fd, tmp, final = _atomic_target(directory, f"part-{index:05d}.parquet")
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, final)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return final


def _write_partitions(bag: Any, directory: str | os.PathLike[str], writer: Any) -> list[str]:
    # through importlib: dask's annotations are partial and mypy --strict rejects them
    dask_module: Any = importlib.import_module("dask")
    compute, delayed = dask_module.compute, dask_module.delayed
    target = os.fspath(directory)
    os.makedirs(target, exist_ok=True)
    tasks: Sequence[Any] = [
        delayed(writer)(part, target, index) for index, part in enumerate(bag.to_delayed())
    ]
    written: tuple[str, ...] = compute(*tasks)
    return list(written)


def write_jsonl(bag: Any, directory: str | os.PathLike[str]) -> list[str]:
    """Write each partition of ``bag`` to ``directory/part-NNNNN.jsonl``; return the paths.

    Elements are Documents, JSON dicts or ``(source, result)`` pairs from :func:`results`;
    failures of a partition go to ``errors-NNNNN.jsonl`` beside it.
    """
    return _write_partitions(bag, directory, _write_jsonl_partition)


def write_parquet(bag: Any, directory: str | os.PathLike[str]) -> list[str]:
    """Write each partition of ``bag`` to ``directory/part-NNNNN.parquet``; return the paths.

    One row per element, columns :data:`PARQUET_COLUMNS` (``document`` holds the full
    articlekit JSON; failed inputs from :func:`results` are rows with ``error`` set).
    """
    return _write_partitions(bag, directory, _write_parquet_partition)
