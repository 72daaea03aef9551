"""Batch conversion: many inputs in, one ``(source, Document | error)`` per input out, in order.

The pieces, in pipeline order:

1. :func:`expand_inputs` turns what a user names (files, directories, globs, ``-`` for
   stdin, WARC files) into :class:`BatchInput` items, lazily and in a stable order;
   directories are walked recursively and sorted, WARC files yield one item per HTML record.
2. :func:`convert_item` converts one item and *returns* its error instead of raising it, so
   one bad input never stops the batch. Errors are :class:`~articlekit.ArticleKitError`
   values naming the input; even an unexpected exception from a parser comes back as a
   :class:`~articlekit.ParseError` naming the parser.
3. :func:`run_items` runs items in-process (``jobs=1``) or in worker processes, keeping at
   most a few items per worker in flight (flat memory over any number of inputs) and
   yielding results in input order whatever the number of workers. A worker process that
   dies (a crashing plugin) costs only the input it was converting.

:func:`convert_many` is the three in one, for scripts; the CLI uses the pieces.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import glob
import hashlib
import json
import os
import re
import signal
import sys
import threading
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, TypeVar
from urllib.parse import urlsplit

import attrs

from articlekit._api import check_article, decode_for_parsing, read_path, run_decoded
from articlekit._types import check_url
from articlekit.errors import ArticleKitError, ParseError, PluginError, UnsupportedInputError
from articlekit.limits import MAX_INPUT_BYTES, read_bounded
from articlekit.model import Document
from articlekit.registry import (
    Parser,
    choose_parser,
    default_registry,
    register_parser,
)
from articlekit.warc import is_warc_path, iter_warc

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = [
    "BatchInput",
    "ConvertOptions",
    "OutputFormat",
    "convert_item",
    "convert_many",
    "default_jobs",
    "expand_inputs",
    "render",
    "run_items",
    "url_output_parts",
]

OutputFormat = Literal["json", "jsonl", "markdown", "text", "chunks"]
Result = Document | str | ArticleKitError
T = TypeVar("T")

#: Items queued per worker process. Enough to keep every worker busy while the parent
#: writes results; small enough that a 10,000-record WARC never sits in memory.
ITEMS_IN_FLIGHT_PER_JOB = 4
#: Seconds a worker may take to finish the input it holds when a run stops, before it is
#: terminated (and again for the pool to wind down after that).
WORKER_GRACE_S = 5.0

_GLOB_MAGIC = re.compile(r"[*?\[]")
_UNSAFE_URL_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
#: Longest path segment derived from a URL; file systems allow 255 bytes per name.
MAX_URL_SEGMENT_CHARS = 80
#: URL path extensions dropped from output names (``a.html`` -> ``a.md``); others stay.
WEB_PAGE_EXTENSIONS = frozenset(
    {"html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp", "cgi", "txt"}
)
#: Deepest directory nesting derived from a URL; deeper paths are folded into the last part.
MAX_URL_DEPTH = 8


@attrs.frozen(kw_only=True)
class BatchInput:
    """One input of a batch: where its bytes are and how to name its output.

    ``name`` names the input in reports: a path, ``<stdin>``, or ``archive.warc.gz#12 <URL>``
    for the 13th HTML record of an archive.
    Either ``path`` (read by whoever converts it) or ``data`` (already read) is set.
    ``output_parts`` is the safe relative output name without suffix (``("a", "b")`` for
    ``a/b.html``); ``mtime`` is the input file's modification time, when it has one.
    ``format`` is a format the input itself declares (WARC HTML records say ``html``);
    ``error`` is set when the input failed before conversion (a pattern matching nothing,
    a damaged WARC file).
    """

    name: str
    path: str | None = None
    data: bytes | None = attrs.field(default=None, repr=False)
    url: str | None = None
    encoding: str | None = None
    format: str | None = None
    output_parts: tuple[str, ...] = ("document",)
    mtime: float | None = None
    error: ArticleKitError | None = None


@attrs.frozen(kw_only=True)
class ConvertOptions:
    """How to convert each input.

    ``format``: input format (``None``/``"auto"`` sniffs); ``output``: None returns the
    Document, an output format returns the rendered text; ``rules_path``: a site-rules
    file that each worker loads once.
    """

    format: str | None = None
    output: OutputFormat | None = None
    front_matter: bool = False
    require_article: bool = False
    rules_path: str | None = None
    max_bytes: int = MAX_INPUT_BYTES
    #: for ``output="chunks"``: the size limit of a chunk and the overlap, in characters
    chunk_chars: int = 2000
    chunk_overlap: int = 0


# --------------------------------------------------------------------------- expanding inputs


def _safe_file_parts(path: str) -> tuple[str, ...]:
    """Return output name parts for a file named on the command line, never climbing up."""
    pure = PurePosixPath(path.replace(os.sep, "/"))
    parts = pure.parts
    if pure.is_absolute() or ".." in parts:
        parts = (pure.name,)
    clean = tuple(_CONTROL_CHARS.sub("_", p) for p in parts if p not in ("", ".", "..", "/"))
    return _strip_suffix(clean or ("document",))


def _strip_suffix(parts: tuple[str, ...]) -> tuple[str, ...]:
    last = parts[-1]
    lower = last.lower()
    for suffix in (".warc.gz", ".warc"):
        if lower.endswith(suffix) and len(last) > len(suffix):
            return (*parts[:-1], last[: -len(suffix)])
    stem, dot, _ext = last.rpartition(".")
    if dot and stem and not stem.startswith("."):
        return (*parts[:-1], stem)
    return parts


def _url_segment(text: str) -> str:
    segment = _UNSAFE_URL_CHARS.sub("_", text).lstrip(".")[:MAX_URL_SEGMENT_CHARS]
    return segment or "_"


def url_output_parts(url: str, index: int) -> tuple[str, ...]:
    """Return safe relative output name parts for a WARC record: host, then URL path.

    ``https://example.com/news/a.html?id=3`` gives ``("example.com", "news",
    "a_<hash of the query>")``. Every part is made of ``[A-Za-z0-9._-]``, never starts
    with a dot and is at most :data:`MAX_URL_SEGMENT_CHARS` long, so no URL can climb out
    of the output directory. A URL without a host is named after the record ``index``.
    """
    try:
        split = urlsplit(url)
        hostname = split.hostname or ""
    except ValueError:  # "http://[::1" and other URLs urllib cannot take apart
        return (f"record-{index:06d}",)
    host = _url_segment(hostname.lower())
    if host == "_":
        return (f"record-{index:06d}",)
    segments = [s for s in split.path.split("/") if s not in ("", ".", "..")]
    if not segments or split.path.endswith("/"):
        segments.append("index")
    stem, dot, ext = segments[-1].rpartition(".")
    if dot and stem and ext.lower() in WEB_PAGE_EXTENSIONS:
        segments[-1] = stem
    if split.query:
        digest = hashlib.sha1(split.query.encode("utf-8", "replace")).hexdigest()[:10]
        segments[-1] = f"{segments[-1]}_{digest}"
    if len(segments) > MAX_URL_DEPTH:
        segments = [*segments[: MAX_URL_DEPTH - 1], "_".join(segments[MAX_URL_DEPTH - 1 :])]
    return (host, *(_url_segment(s) for s in segments))


def _mtime(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


def _warc_inputs(path: str, parts: tuple[str, ...]) -> Iterator[BatchInput]:
    mtime = _mtime(path)
    try:
        for number, record in enumerate(iter_warc(path)):
            yield BatchInput(
                name=f"{path}#{number} <{record.url}>",
                data=record.data,
                url=record.url or None,
                encoding=record.charset,
                format="html",
                output_parts=(*parts, *url_output_parts(record.url, number)),
                mtime=mtime,
            )
    except ArticleKitError as exc:
        yield BatchInput(name=path, output_parts=parts, error=exc.with_source(path))


def _file_input(path: str, parts: tuple[str, ...], url: str | None) -> Iterator[BatchInput]:
    if is_warc_path(path):
        yield from _warc_inputs(path, parts)
    else:
        yield BatchInput(name=path, path=path, url=url, output_parts=parts, mtime=_mtime(path))


def _walk(root: str, url: str | None, exclude: frozenset[str]) -> Iterator[BatchInput]:
    """Yield every non-hidden file under ``root``, sorted, output names relative to it.

    A directory that cannot be listed becomes a failed item: never skipped in silence.
    """
    unreadable: list[OSError] = []
    # linked directories are followed (their pages are inputs too), each real one once
    seen = {os.path.realpath(root)}
    for current, dirs, files in os.walk(root, onerror=unreadable.append, followlinks=True):
        yield from _listing_failures(unreadable)
        # sorted and pruned in place: a stable order; no hidden, output or repeated directories
        kept = []
        for name in sorted(dirs):
            real = os.path.realpath(os.path.join(current, name))
            if name.startswith(".") or real in exclude or real in seen:
                continue
            seen.add(real)
            kept.append(name)
        dirs[:] = kept
        for filename in sorted(files):
            if filename.startswith("."):
                continue
            path = os.path.join(current, filename)
            if _excluded(path, exclude):
                continue
            rel = os.path.relpath(path, root)
            yield from _file_input(path, _strip_suffix(tuple(PurePosixPath(rel).parts)), url)
    yield from _listing_failures(unreadable)


def _named_directory(root: str, url: str | None, exclude: frozenset[str]) -> Iterator[BatchInput]:
    """Yield :func:`_walk`'s items of a directory the user named; one that holds nothing
    to convert is a failed item, as a glob that matches nothing is: a named input never
    converts to nothing in silence (beside other inputs the run would end with exit 0)."""
    found = False
    for item in _walk(root, url, exclude):
        found = True
        yield item
    if not found:
        error = UnsupportedInputError(
            "directory holds no files to convert (hidden files and the run's own outputs "
            "are passed over)",
            source=root,
        )
        yield BatchInput(name=root, output_parts=_safe_file_parts(root), error=error)


def _excluded(path: str, exclude: frozenset[str]) -> bool:
    """Return True when file ``path`` is one of the real paths in ``exclude`` (the run's
    own output files: a ``.jsonl`` output or an error log inside an input directory is
    no input). Only a file named like an excluded one has its real path looked up."""
    if not exclude or os.path.basename(path) not in _file_names(exclude):
        return False
    return os.path.realpath(path) in exclude


@functools.lru_cache(maxsize=8)
def _file_names(paths: frozenset[str]) -> frozenset[str]:
    """Return the last parts of ``paths`` (a run's excluded outputs: worked out once)."""
    return frozenset(os.path.basename(p) for p in paths)


def _listing_failures(errors: list[OSError]) -> Iterator[BatchInput]:
    while errors:
        exc = errors.pop(0)
        name = str(exc.filename or "?")
        error = UnsupportedInputError(f"cannot list directory ({exc.strerror})", source=name)
        yield BatchInput(name=name, output_parts=("unlisted",), error=error)


def _stdin_input(stdin: BinaryIO | None, url: str | None, max_bytes: int) -> BatchInput:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = read_bounded(stream.read, "<stdin>", max_bytes=max_bytes)
    except OSError as exc:
        error = UnsupportedInputError(f"cannot read standard input ({exc})", source="<stdin>")
        return BatchInput(name="<stdin>", output_parts=("stdin",), error=error)
    except UnsupportedInputError as exc:  # past the limit: the rest is left unread
        return BatchInput(name="<stdin>", output_parts=("stdin",), error=exc)
    return BatchInput(name="<stdin>", data=data, url=url, output_parts=("stdin",))


def _path_text(raw: object) -> str | None:
    """Return ``raw`` as a path string, or None when it is no ``str`` or ``os.PathLike``
    naming a ``str`` path (bytes are a page's content more often than a path)."""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, os.PathLike):
        spec = os.fspath(raw)
        return spec if isinstance(spec, str) else None
    return None


def _not_a_path(raw: object) -> BatchInput:
    """Return the failed item of an input that is no path (``bytes``, ``None`` ...): it
    made the whole batch stop with a TypeError from deep inside."""
    kind = type(raw).__name__
    name = f"<{kind}>"
    content = isinstance(raw, (bytes, bytearray, memoryview))
    hint = ": to convert a page's content, call articlekit.parse" if content else ""
    error = UnsupportedInputError(
        f"expected a path (str or os.PathLike), got {kind}{hint}", source=name
    )
    return BatchInput(name=name, output_parts=(kind,), error=error)


def expand_inputs(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    url: str | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
    stdin: BinaryIO | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Iterator[BatchInput]:
    """Yield a :class:`BatchInput` per file, stdin read, or WARC record that ``inputs`` name.

    Each input is ``-`` (standard input), a directory (walked recursively in sorted order,
    skipping hidden entries and the directories and files in ``exclude``), a WARC file, any other
    path, or a glob pattern (``*``, ``?``, ``[...]``, ``**``) when no file has that
    literal name. Files in ``exclude`` (the run's own output files) are passed over in
    directories and glob matches. A path that does not exist still yields an item, which
    then fails with "no such file", a named directory with no file to convert with "directory
    holds no files to convert": nothing a user names is dropped silently. ``url`` is
    given to every input except WARC records, which carry their own. Standard input is
    read within ``max_bytes``.
    """
    excluded = frozenset(os.path.realpath(os.fspath(e)) for e in exclude)
    for raw in inputs:
        spec = _path_text(raw)
        if spec is None:
            yield _not_a_path(raw)
        elif spec == "-":
            yield _stdin_input(stdin, url, max_bytes)
        elif os.path.isdir(spec):
            yield from _named_directory(spec, url, excluded)
        elif os.path.lexists(spec) or not _GLOB_MAGIC.search(spec):
            yield from _file_input(spec, _safe_file_parts(spec), url)
        else:
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                error = UnsupportedInputError("no file matches this pattern", source=spec)
                yield BatchInput(name=spec, output_parts=_safe_file_parts(spec), error=error)
            for match in matches:
                if os.path.isdir(match):
                    yield from _walk(match, url, excluded)
                elif not _excluded(match, excluded):
                    yield from _file_input(match, _safe_file_parts(match), url)


# --------------------------------------------------------------------------- converting one


def render(
    doc: Document,
    output: OutputFormat,
    *,
    front_matter: bool = False,
    chunk_chars: int = 2000,
    chunk_overlap: int = 0,
) -> str:
    """Return ``doc`` serialised as ``output``, ending in exactly one newline.

    ``jsonl`` is compact JSON on one line; ``json`` is indented; ``chunks`` is one JSON
    line per retrieval chunk (:func:`articlekit.chunk.chunk`).
    """
    import articlekit

    if output == "chunks":
        from articlekit.chunk import chunk, chunk_to_dict

        pieces = chunk(doc, max_chars=chunk_chars, overlap=chunk_overlap)
        from articlekit.serialise.json import _escape_surrogates

        # (a lone surrogate, from a file name in no UTF-8, is escaped as to_json does)
        lines = [json.dumps(chunk_to_dict(c), ensure_ascii=False) for c in pieces]
        return _escape_surrogates("".join(line + "\n" for line in lines))
    if output == "json":
        text = articlekit.to_json(doc, indent=2)
    elif output == "jsonl":
        text = articlekit.to_json(doc)
    elif output == "markdown":
        text = articlekit.to_markdown(doc, front_matter=front_matter)
    else:
        text = articlekit.to_text(doc)
    return text.rstrip("\n") + "\n"


def _portable(exc: ArticleKitError, name: str) -> ArticleKitError:
    """Return ``exc`` naming ``name``, as a class that survives pickling between processes."""
    exc = exc.with_source(name)
    if type(exc).__module__.startswith("articlekit."):
        return exc
    # a plugin's own ArticleKitError subclass may not rebuild from its message alone
    return ParseError(f"{type(exc).__name__}: {exc.problem}", source=exc.source)


def convert_item(
    item: BatchInput,
    options: ConvertOptions,
    *,
    rules: Sequence[Any] | None = None,
) -> Result:
    """Return the Document (or, with ``options.output``, its rendered text) or the error.

    Never raises for a bad input: :class:`~articlekit.ArticleKitError` comes back as a
    value naming the input. So does any other exception, as a
    :class:`~articlekit.ParseError` naming the parser that raised it: a batch reports a bug
    in one parser on one page and goes on.
    """
    if item.error is not None:
        return item.error
    stage = "reading the input"
    try:
        content = (
            item.data
            if item.data is not None
            else read_path(Path(item.path or ""), item.name, max_bytes=options.max_bytes)
        )
        sample, body, used = decode_for_parsing(
            content, item.name, encoding=item.encoding, max_bytes=options.max_bytes
        )
        requested = options.format if options.format not in (None, "auto") else item.format
        info = choose_parser(sample, url=item.url, format=requested)
        stage = f"parser {info.name!r}"
        doc = run_decoded(info, body, used, url=item.url, rules=rules)
        doc = attrs.evolve(doc, source=attrs.evolve(doc.source, name=item.name))
        if options.require_article:
            check_article(doc, item.name)
        if options.output is None:
            return doc
        stage = f"the {options.output} writer"
        return render(
            doc,
            options.output,
            front_matter=options.front_matter,
            chunk_chars=options.chunk_chars,
            chunk_overlap=options.chunk_overlap,
        )
    except ArticleKitError as exc:
        return _portable(exc, item.name)
    except Exception as exc:
        # The one place a batch catches everything, per input (the CLI's job, STYLE.md
        # "How errors are shaped"): a bug on one page must not cost the other pages.
        return ParseError(f"unexpected {type(exc).__name__} in {stage}: {exc}", source=item.name)


# --------------------------------------------------------------------------- running many

_worker_rules: Sequence[Any] | None = None


def load_rules_file(path: str) -> Sequence[Any]:
    """Return the site rules of ``path`` (:func:`articlekit.rules.load_rules`).

    Raises :class:`~articlekit.rules.RuleError` naming the file and the rule at fault.
    """
    from articlekit.rules import load_rules  # lazily: cssselect is not needed without rules

    return load_rules(path)


def _init_worker(
    parsers: Sequence[Parser], rules_path: str | None, rules: Sequence[Any] | None
) -> None:
    """Prepare a worker process: Ctrl-C ignored (the parent decides), SIGTERM ends it at
    once, parsers, site rules."""
    global _worker_rules
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # a forked worker inherits the CLI's SIGTERM handler; ending a worker must be quiet
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    known = {info.name for info in default_registry().parsers()}
    for parser in parsers:
        if parser.name not in known:  # a forked worker already has them
            with contextlib.suppress(PluginError):  # checked when first registered
                register_parser(parser)
    _worker_rules = load_rules_file(rules_path) if rules_path else rules


def _convert_in_worker(item: BatchInput, options: ConvertOptions) -> Result:
    return convert_item(item, options, rules=_worker_rules)


def default_jobs() -> int:
    """Return the number of CPUs this process may use (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _code_parsers() -> list[Parser]:
    return [i.parser for i in default_registry().parsers() if i.origin == "code"]


def _stop_workers(executor: ProcessPoolExecutor) -> None:
    """Cancel queued work and end the worker processes (Ctrl-C, a crash, or the end).

    A worker finishes the input it holds, for up to ``WORKER_GRACE_S``: killing one while
    it writes its result can leave the pool's result pipe half-written, and the pool's
    manager thread (which the interpreter joins at exit) blocked on it for ever. Workers
    still busy after that (a pathological page) are terminated.
    """
    # Taken before shutdown(), which drops the executor's references to both.
    processes = dict(getattr(executor, "_processes", None) or {})
    manager = getattr(executor, "_executor_manager_thread", None)
    executor.shutdown(wait=False, cancel_futures=True)
    if manager is None or manager is threading.current_thread():
        return
    # Waiting for the manager thread also keeps an interpreter exit from racing its
    # clean-up, which made Python 3.11 print "OSError: [Errno 9] Bad file descriptor".
    manager.join(timeout=WORKER_GRACE_S)
    if not manager.is_alive():
        return
    for process in processes.values():
        with contextlib.suppress(Exception):
            process.terminate()
    manager.join(timeout=WORKER_GRACE_S)


def run_items(
    items: Iterable[tuple[T, BatchInput]],
    options: ConvertOptions,
    *,
    jobs: int = 1,
    rules: Sequence[Any] | None = None,
) -> Generator[tuple[T, Result], None, None]:
    """Yield ``(tag, result)`` for each ``(tag, item)``, in the order the items came.

    ``jobs`` > 1 converts in that many worker processes; the order of results never
    depends on it. Workers load ``options.rules_path`` themselves; ``rules`` objects reach
    them through the worker start-up (inherited when the platform forks, else pickled).
    """
    # loaded here even when workers load their own copy: a bad file is the caller's
    # error, raised once, not a failure of every worker's start-up
    loaded = load_rules_file(options.rules_path) if options.rules_path else rules
    if jobs <= 1:
        for tag, item in items:
            yield tag, convert_item(item, options, rules=loaded)
        return
    yield from _run_parallel(iter(items), options, jobs, None if options.rules_path else rules)


def _run_parallel(
    items: Iterator[tuple[T, BatchInput]],
    options: ConvertOptions,
    jobs: int,
    rules: Sequence[Any] | None,
) -> Iterator[tuple[T, Result]]:
    # imported here: a one-process run (and ``import articlekit``) need no multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def start() -> ProcessPoolExecutor:
        # Forked workers share the parent's memory until it is written to; freezing the
        # objects that exist now keeps the workers' garbage collector from touching, and so
        # copying, them: over 120 dev pages --jobs 2 needed +19% CPU time over --jobs 1
        # without it, +9% with it.
        gc.freeze()
        return ProcessPoolExecutor(
            max_workers=jobs,
            initializer=_init_worker,
            initargs=(_code_parsers(), options.rules_path, rules),
        )

    window = jobs * ITEMS_IN_FLIGHT_PER_JOB
    pending: deque[tuple[T, BatchInput, Future[Result], bool]] = deque()
    # after a worker died, the items it may have held run one at a time to find the culprit
    suspects: deque[tuple[T, BatchInput]] = deque()
    executor = start()

    def submit(tag: T, item: BatchInput, alone: bool) -> None:
        try:
            future = executor.submit(_convert_in_worker, item, options)
        except BrokenProcessPool as exc:  # a worker died since the last result
            future = Future()
            future.set_exception(exc)
        pending.append((tag, item, future, alone))

    try:
        while True:
            while not pending and suspects:
                submit(*suspects.popleft(), True)
            while not suspects and len(pending) < window:
                nxt = next(items, None)
                if nxt is None:
                    break
                submit(*nxt, False)
            if not pending:
                return
            tag, item, future, alone = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                _stop_workers(executor)
                executor = start()
                if not alone:
                    suspects.extend([(tag, item), *((t, i) for t, i, _f, _a in pending)])
                    pending.clear()
                    continue
                result = ParseError(
                    "the worker process died while converting this input "
                    "(a crash in a parser or a C extension)",
                    source=item.name,
                )
            yield tag, result
    finally:
        _stop_workers(executor)
        gc.unfreeze()  # the parent's objects are the collector's again


def convert_many(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    format: str | None = None,
    jobs: int | None = 1,
    url: str | None = None,
    rules: Sequence[Any] | str | os.PathLike[str] | None = None,
    require_article: bool = False,
) -> Iterator[tuple[str, Document | ArticleKitError]]:
    """Yield ``(source name, Document or error)`` for every input, in input order.

    ``inputs`` are paths, directories (recursive), glob patterns, WARC files or ``-``
    (standard input), as for the CLI; a single path may be passed bare. ``format`` forces
    an input format (default: sniff). ``jobs`` is the number of worker processes (None:
    one per CPU); the order of results does not depend on it. ``rules`` is a site-rules
    file or a sequence of site rules (with ``jobs`` > 1, pass the file, or rules that
    can be pickled). A bad input yields an :class:`~articlekit.ArticleKitError` naming it
    and the batch goes on.
    """
    check_url(url, "convert_many")
    if isinstance(inputs, (str, bytes, bytearray, os.PathLike)):
        inputs = [inputs]  # (bytes, a page's content given bare, fails as one input)
    rules_path: str | None = None
    rule_objects: Sequence[Any] | None = None
    if isinstance(rules, (str, os.PathLike)):
        rules_path = os.fspath(rules)
    elif rules is not None:
        rule_objects = tuple(rules)
    options = ConvertOptions(format=format, require_article=require_article, rules_path=rules_path)
    workers = default_jobs() if jobs is None else jobs
    items = ((item.name, item) for item in expand_inputs(inputs, url=url))
    for name, result in run_items(items, options, jobs=workers, rules=rule_objects):
        assert not isinstance(result, str)  # output=None: Documents or errors only
        yield name, result
