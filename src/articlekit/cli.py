"""The ``articlekit`` command: ``convert`` many inputs, list ``parsers``, show ``--version``.

Exit codes: 0 when every input converted (or was up to date), 1 when some failed, 2 on a
usage error, 130 after Ctrl-C and 143 after SIGTERM. Only this module prints, and only
this module (and :mod:`articlekit.batch`, per input) catches errors broadly.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import stat
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, Any, TextIO

from articlekit.batch import (
    BatchInput,
    ConvertOptions,
    OutputFormat,
    default_jobs,
    expand_inputs,
    load_rules_file,
    run_items,
)
from articlekit.errors import ArticleKitError, UnsupportedInputError
from articlekit.limits import MAX_INPUT_BYTES
from articlekit.registry import (
    default_registry,
    find_parser,
    plugin_errors,
    registered_parsers,
)
from articlekit.serialise.json import _escape_surrogates
from articlekit.warc import is_warc_path

__all__ = ["main"]

OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("json", "jsonl", "markdown", "text", "chunks")
SUFFIXES: dict[str, str] = {
    "json": ".json",
    "markdown": ".md",
    "text": ".txt",
    "chunks": ".chunks.jsonl",
}
#: Other names ``-f`` takes for a format: its file ending, and "md" for Markdown.
FORMAT_ALIASES: dict[str, OutputFormat] = {"md": "markdown", "txt": "text"}
#: Endings of an ``-o`` name that mean a file, not a directory to create.
FILE_SUFFIXES = (".md", ".markdown", ".json", ".txt", ".html", ".htm")
#: Seconds between two redraws of the progress line; faster only costs terminal output.
PROGRESS_INTERVAL_S = 0.1
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_SIGINT, EXIT_SIGTERM = 130, 143
# 128 + SIGPIPE: the status a shell reports for `cat big | head`, whose cat the signal ends
EXIT_SIGPIPE = 141


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: stop, clean up, exit 143."""


def _version() -> str:
    from articlekit import __version__

    return __version__


# --------------------------------------------------------------------------- arguments


def _whole_number(text: str) -> int:
    """Return an option's value as an int; a usage error when it is none."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None


def _output_format(text: str) -> str:
    """Return the output format ``text`` names, in any case or by an alias ("md", "txt").

    A name that is no format is returned as given, so argparse lists the choices.
    """
    name = text.strip().lower()
    return FORMAT_ALIASES.get(name, name)


def _positive_int(text: str) -> int:
    value = _whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _non_negative_int(text: str) -> int:
    value = _whole_number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``articlekit`` command."""
    parser = argparse.ArgumentParser(
        prog="articlekit",
        description="Turn scraped web articles (HTML or plain text) into JSON, Markdown or text.",
    )
    parser.add_argument("--version", action="version", version=f"articlekit {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    convert = commands.add_parser(
        "convert",
        help="convert files, directories, globs, WARC files or stdin",
        description=(
            "Convert each INPUT (a file, a directory searched recursively, a glob, a .warc or "
            ".warc.gz file, or - for standard input; default -). A bad input is reported and "
            "skipped; the exit code is 1 when any input failed."
        ),
    )
    convert.set_defaults(command_parser=convert)
    convert.add_argument("inputs", nargs="*", metavar="INPUT", default=[])
    convert.add_argument(
        "-f",
        "--format",
        choices=OUTPUT_FORMATS,
        type=_output_format,
        help="output format (default: markdown; jsonl when -o names a .jsonl file; "
        "md and txt are other names for markdown and text)",
    )
    convert.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="DIR|-|FILE.jsonl|DEVICE",
        help="a directory mirroring the input names, - for stdout (default), a .jsonl "
        "file to append one line per document to (a re-run skips inputs already in it), "
        "or a device such as /dev/null (a dry run: convert, report failures, keep nothing)",
    )
    convert.add_argument(
        "--input-format",
        default="auto",
        metavar="auto|html|text|PLUGIN",
        help="how to read the inputs (default: auto, every parser sniffs)",
    )
    convert.add_argument("--url", help="the page's URL (for stdin or single-page inputs)")
    convert.add_argument(
        "--front-matter", action="store_true", help="YAML front matter in Markdown output"
    )
    convert.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=None,
        metavar="N",
        help=f"worker processes (default: the CPU count, here {default_jobs()})",
    )
    convert.add_argument(
        "--no-progress", action="store_true", help="no progress line, even on a terminal"
    )
    convert.add_argument("--errors", metavar="FILE", help="write failures to FILE as JSON lines")
    convert.add_argument(
        "--overwrite",
        action="store_true",
        help="convert even when the output is newer than the input (and replace a .jsonl "
        "output instead of appending)",
    )
    convert.add_argument("--rules", metavar="FILE", help="site rules file (TOML or JSON)")
    convert.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=MAX_INPUT_BYTES,
        metavar="N",
        help=f"refuse inputs larger than N bytes (default {MAX_INPUT_BYTES:,})",
    )
    convert.add_argument(
        "--max-chars",
        type=_positive_int,
        default=2000,
        metavar="N",
        help="with -f chunks: the largest chunk, in characters (default 2000)",
    )
    convert.add_argument(
        "--overlap",
        type=_non_negative_int,
        default=0,
        metavar="N",
        help="with -f chunks: characters of the previous chunk repeated at the start",
    )
    convert.add_argument(
        "--require-article",
        action="store_true",
        help="fail inputs whose verdict says they are not articles (listings, paywalls ...)",
    )

    commands.add_parser(
        "parsers",
        help="list the registered parsers and where they come from",
        description="List the built-in and plugin parsers, with their formats and source.",
    )
    return parser


# --------------------------------------------------------------------------- output sinks


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str, *, mode: int = 0o644) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same directory.

    Readers see the old file or the new one, never half of either; an interrupted write
    removes its temporary file.
    """
    # Ctrl-C and SIGTERM wait until the file is whole (or gone): a signal arriving between
    # mkstemp() and the try block, or during the cleanup, used to leave a .tmp file behind
    # (seen once in the SIGTERM test under load).
    with _signals_deferred():
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
            os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


# While an output file is being written, SIGINT and SIGTERM are only noted; the interrupt
# is raised once the file is whole (or removed). Python runs signal handlers in the main
# thread between bytecodes, so a flag read by the handler is enough.
_write_depth = 0
_pending_signal: int | None = None


def _interrupt(signum: int) -> BaseException:
    return _Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def _on_signal(signum: int, frame: FrameType | None) -> None:
    global _pending_signal
    if _write_depth:
        _pending_signal = signum
        return
    raise _interrupt(signum)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM (when ours are installed) until the block has finished."""
    global _write_depth, _pending_signal
    _write_depth += 1
    try:
        yield
    finally:
        _write_depth -= 1
        if _write_depth == 0 and _pending_signal is not None:
            signum, _pending_signal = _pending_signal, None
            raise _interrupt(signum)


class _Sink:
    """Where converted documents go."""

    def target(self, item: BatchInput) -> Path | None:
        """Return the output file of ``item`` (None when the sink is a stream)."""
        return None

    def is_up_to_date(self, item: BatchInput, target: Path | None) -> bool:
        """Return True when ``target`` is newer than the input (re-runs skip it)."""
        return False

    def write(self, item: BatchInput, target: Path | None, text: str) -> None:
        """Write one document's text."""
        raise NotImplementedError

    def finish(self, *, completed: bool) -> None:
        """Make the output final (``completed``) or drop what is unfinished."""


class _StdoutSink(_Sink):
    """Standard output, always UTF-8: a page's text must not depend on the terminal's locale."""

    def __init__(self, stream: TextIO, *, separator: str = "") -> None:
        self.stream = stream
        self.buffer: IO[bytes] | None = getattr(stream, "buffer", None)
        self.separator = separator
        self.started = False

    def write(self, item: BatchInput, target: Path | None, text: str) -> None:
        if self.started:
            text = self.separator + text
        self.started = True
        if self.buffer is None:  # a text-only stream (tests, IDEs)
            self.stream.write(text)
            self.stream.flush()
            return
        self.stream.flush()
        self.buffer.write(text.encode("utf-8"))
        self.buffer.flush()


class _DeviceSink(_StdoutSink):
    """A device or FIFO named by ``-o`` (``/dev/null``, ``/dev/stderr``, a named pipe):
    written as standard output is, one document after another."""

    def __init__(self, path: str, *, separator: str = "") -> None:
        super().__init__(open(path, "w", encoding="utf-8"), separator=separator)  # noqa: SIM115

    def finish(self, *, completed: bool) -> None:
        self.stream.close()


def _is_device(path: str) -> bool:
    """Return True when ``path`` exists and is neither a directory nor a regular file."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISDIR(mode) or stat.S_ISREG(mode))


class _DirSink(_Sink):
    """Mirror input names under a directory; never write outside it."""

    def __init__(self, root: Path, suffix: str, *, overwrite: bool) -> None:
        self.root = root
        self.real_root = os.path.realpath(root)
        self.suffix = suffix
        self.overwrite = overwrite
        self.mode = 0o666 & ~_umask()
        self.taken: set[tuple[str, ...]] = set()
        self.ready: set[Path] = set()  # directories checked and created already

    def _prepare(self, directory: Path, item: BatchInput) -> None:
        """Create ``directory`` after checking that its real path stays inside the root."""
        if directory in self.ready:
            return
        real = os.path.realpath(directory)
        if os.path.commonpath([real, self.real_root]) != self.real_root:
            raise UnsupportedInputError(
                f"output directory {directory} would be outside {self.root} (a symbolic link?)",
                source=item.name,
            )
        directory.mkdir(parents=True, exist_ok=True)
        self.ready.add(directory)

    def target(self, item: BatchInput) -> Path:
        parts = item.output_parts
        # two inputs with one stem (a.html, a.txt): the later one keeps its suffix too; so
        # does an input that its output would overwrite (notes.txt -f text -o .)
        if item.path and (parts in self.taken or self._is_input(parts, item.path)):
            parts = (*parts[:-1], parts[-1] + "." + Path(item.path).suffix.lstrip("."))
        base, number = parts, 2
        while parts in self.taken:
            parts = (*base[:-1], f"{base[-1]}-{number}")
            number += 1
        self.taken.add(parts)
        return self.root.joinpath(*parts[:-1], parts[-1] + self.suffix)

    def _is_input(self, parts: tuple[str, ...], path: str) -> bool:
        """Return True when the output named ``parts`` would be the input file ``path``."""
        if not path.endswith(self.suffix):  # (no path lookups for the usual case)
            return False
        target = self.root.joinpath(*parts[:-1], parts[-1] + self.suffix)
        return os.path.realpath(target) == os.path.realpath(path)

    def is_up_to_date(self, item: BatchInput, target: Path | None) -> bool:
        if self.overwrite or target is None or item.mtime is None:
            return False
        try:
            found = target.stat()
        except OSError:
            return False
        # a directory (or anything but a file) in the output's place is no output: writing
        # fails and says so, where a skip would hide it
        return stat.S_ISREG(found.st_mode) and found.st_mtime >= item.mtime

    def write(self, item: BatchInput, target: Path | None, text: str) -> None:
        assert target is not None
        try:
            self._prepare(target.parent, item)
            write_atomic(target, text, mode=self.mode)
        except OSError as exc:
            raise UnsupportedInputError(
                f"cannot write {target} ({exc.strerror or exc})", source=item.name
            ) from exc


# How a line of a JSON lines output names its input: a document's ``source`` object (the
# last one on the line: only the verdict follows it) or a chunk's ``source_name``.
_DOCUMENT_SOURCE_KEY = b'"source":{'
_CHUNK_SOURCE_KEY = b'"source_name": '
_JSON = json.JSONDecoder()


def line_source_name(line: bytes) -> str | None:
    """Return the input name a JSON lines output line records (None when it records none)."""
    for key in (_DOCUMENT_SOURCE_KEY, _CHUNK_SOURCE_KEY):
        at = line.rfind(key)
        if at < 0:
            continue
        start = at + len(key) - (1 if key == _DOCUMENT_SOURCE_KEY else 0)
        try:
            value, _end = _JSON.raw_decode(line[start:].decode("utf-8", "replace"))
        except ValueError:
            return None
        if isinstance(value, dict):
            value = value.get("name")
        return value if isinstance(value, str) else None
    return None


class _JsonlSink(_Sink):
    """Append one line per document (or chunk) to one file.

    A re-run skips the inputs the file already holds, unless they changed since it was
    last written; the lines of an input converted again replace its older ones (the file
    is then rewritten aside and renamed over at the end). With ``overwrite`` the whole file
    is built aside and renamed at the end.
    """

    def __init__(self, path: Path, *, overwrite: bool) -> None:
        self.path = path
        self.tmp: str | None = None
        self.recorded: set[str] = set()  # inputs named in the file before this run
        self.replaced: set[str] = set()  # ... of which this run wrote new lines
        self.old_size = 0
        self.written_at: float | None = None
        if overwrite:
            fd, self.tmp = tempfile.mkstemp(
                dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp"
            )
        else:
            fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o666)
            self._read_recorded(fd)
        self.fd = fd

    def _read_recorded(self, fd: int) -> None:
        info = os.fstat(fd)
        if info.st_size == 0:
            return
        self.old_size, self.written_at = info.st_size, info.st_mtime
        with open(os.dup(fd), "rb") as stream:
            stream.seek(0)
            for line in stream:
                if not line.endswith(b"\n") and self._drop_cut_line(fd, line):
                    return
                name = line_source_name(line)
                if name is not None:
                    self.recorded.add(name)
            if not line.endswith(b"\n"):  # a whole last line without its line end
                os.write(fd, b"\n")
                self.old_size += 1

    def _drop_cut_line(self, fd: int, line: bytes) -> bool:
        """Cut the file's last line, ``line`` (it has no line end), off the file when it
        is no JSON: a write someone else stopped half-way (a killed writer, a full disk).
        Left in, every reader of the file would stumble on it, and the next line written
        would be glued to it. Return True when it was cut off (with a warning)."""
        try:
            json.loads(line)
        except ValueError:
            self.old_size -= len(line)
            os.ftruncate(fd, self.old_size)
            warnings.warn(
                f"{self.path}: its last line was cut short ({len(line)} bytes of no whole "
                "JSON document): removed",
                stacklevel=3,
            )
            return True
        return False

    def is_up_to_date(self, item: BatchInput, target: Path | None) -> bool:
        if self.written_at is None or item.mtime is None or item.name not in self.recorded:
            return False
        return self.written_at >= item.mtime

    def write(self, item: BatchInput, target: Path | None, text: str) -> None:
        if item.name in self.recorded:
            self.replaced.add(item.name)
        data = text.encode("utf-8")
        # one write() per line on an O_APPEND descriptor: a line is there whole or not at all
        written = 0
        while written < len(data):
            written += os.write(self.fd, data[written:])

    def finish(self, *, completed: bool) -> None:
        if self.tmp is None:
            try:
                if self.replaced:
                    self._drop_replaced_lines()
            finally:
                os.close(self.fd)
            return
        os.close(self.fd)
        if completed:
            os.chmod(self.tmp, 0o666 & ~_umask())
            os.replace(self.tmp, self.path)
        else:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)

    def _drop_replaced_lines(self) -> None:
        """Rewrite the file without the older lines of the inputs converted again."""
        with _signals_deferred():
            fd, tmp = tempfile.mkstemp(
                dir=self.path.parent or ".", prefix=f".{self.path.name}.", suffix=".tmp"
            )
            try:
                with open(os.dup(self.fd), "rb") as old, os.fdopen(fd, "wb") as new:
                    old.seek(0)
                    done = 0
                    for line in old:
                        stale = done < self.old_size and line_source_name(line) in self.replaced
                        done += len(line)
                        if not stale:
                            new.write(line)
                os.chmod(tmp, stat.S_IMODE(os.fstat(self.fd).st_mode))
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise


class _ErrorLog:
    """Failures as JSON lines, written atomically when the run ends."""

    def __init__(self, path: str | None) -> None:
        self.path = Path(path) if path else None
        self.lines: list[str] = []

    def add(self, item: BatchInput, error: ArticleKitError) -> None:
        if self.path is None:
            return
        record = {
            "source": error.source or item.name,
            "url": item.url,
            "error": type(error).__name__,
            "message": error.problem,
        }
        line = json.dumps(record, ensure_ascii=False, sort_keys=True)
        # a file name in no UTF-8 (read with surrogateescape) is escaped, as to_json does
        self.lines.append(_escape_surrogates(line) + "\n")

    def finish(self) -> None:
        if self.path is None:
            return
        if _is_device(str(self.path)):
            # /dev/stderr, /dev/null, a FIFO: written to, never renamed over (as root, a
            # rename would put a regular file in place of /dev/null)
            with open(self.path, "w", encoding="utf-8") as stream:
                stream.write("".join(self.lines))
            return
        write_atomic(self.path, "".join(self.lines), mode=0o666 & ~_umask())


# --------------------------------------------------------------------------- progress


class _Progress:
    """One status line on stderr, redrawn in place; silent unless stderr is a terminal."""

    def __init__(self, stream: TextIO, *, enabled: bool, total: int | None) -> None:
        self.stream = stream
        self.enabled = enabled
        self.total = total
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    def update(self, done: int, failed: int, skipped: int, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < PROGRESS_INTERVAL_S:
            return
        self.last = now
        rate = done / max(now - self.started, 1e-9)
        counts = f"{done} done, {failed} failed, {skipped} skipped, {rate:.1f}/s"
        if self.total:
            width = 24
            filled = int(width * min(done, self.total) / self.total)
            bar = "#" * filled + "-" * (width - filled)
            line = f"[{bar}] {done}/{self.total}  {counts}"
        else:
            line = counts
        self.stream.write("\r\x1b[K" + line)
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.enabled and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


# --------------------------------------------------------------------------- commands


def _usage(parser: argparse.ArgumentParser, message: str) -> int:
    parser.print_usage(sys.stderr)
    print(f"articlekit convert: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _choose_sink(
    args: argparse.Namespace, parser: argparse.ArgumentParser
) -> tuple[_Sink | None, OutputFormat | None, str | None]:
    """Return (sink, format, usage error)."""
    output: str = args.output
    fmt: OutputFormat | None = args.format
    if not output.strip():  # (-o "" said "cannot create output directory  (No such file...)")
        return None, None, "-o needs a name: a directory, - (standard output) or a FILE.jsonl"
    if output == "-" or _is_device(output):
        fmt = fmt or "markdown"
        # a blank line keeps the last paragraph of one document apart from the next one
        separator = "\n" if fmt in ("markdown", "text") else ""
        if output == "-":
            return _StdoutSink(sys.stdout, separator=separator), fmt, None
        try:  # (a FIFO waits here for its reader)
            return _DeviceSink(output, separator=separator), fmt, None
        except OSError as exc:
            return None, None, f"cannot write to -o {output} ({exc.strerror})"
    if output.lower().endswith(".jsonl"):
        if fmt not in (None, "jsonl", "chunks"):
            return (
                None,
                None,
                (f"-o {output} is a JSON lines file; it takes -f jsonl or -f chunks, not {fmt}"),
            )
        if os.path.isdir(output):
            return None, None, f"-o {output} is a directory"
        parent = os.path.dirname(output) or "."
        if not os.path.isdir(parent):
            return None, None, f"the directory of -o {output} does not exist"
        sink_format: OutputFormat = fmt or "jsonl"
        try:  # (opened before any input is read: a file that cannot be written stops here)
            return _JsonlSink(Path(output), overwrite=args.overwrite), sink_format, None
        except OSError as exc:
            return None, None, f"cannot write -o {output} ({exc.strerror or exc})"
    fmt = fmt or "markdown"
    if fmt == "jsonl":
        return None, None, "-f jsonl writes one stream: use -o FILE.jsonl or -o -"
    if os.path.exists(output) and not os.path.isdir(output):
        return (
            None,
            None,
            f"-o {output} is an existing file, but -o takes a directory, -, a FILE.jsonl "
            f"or a device such as /dev/null (one document to a file: -o - > {output})",
        )
    if not os.path.isdir(output) and output.lower().endswith(FILE_SUFFIXES):
        # `-o page.md` would make a directory page.md/ holding page.md
        return (
            None,
            None,
            f"-o {output} names a file, but -o takes a directory, - or a FILE.jsonl "
            f"(one document to a file: -o - > {output})",
        )
    try:
        os.makedirs(output, exist_ok=True)
    except OSError as exc:
        return None, None, f"cannot create output directory {output} ({exc.strerror})"
    if not os.access(output, os.W_OK | os.X_OK):
        # said once, up front, not once for each input after it was converted
        return None, None, f"cannot write in output directory {output} (Permission denied)"
    return _DirSink(Path(output), SUFFIXES[fmt], overwrite=args.overwrite), fmt, None


def _planned(
    items: Iterator[BatchInput], sink: _Sink, counts: dict[str, int]
) -> Iterator[tuple[tuple[BatchInput, Path | None], BatchInput]]:
    """Yield items still to convert, with their output path; count the up-to-date ones."""
    for item in items:
        target = sink.target(item)
        if item.error is None and sink.is_up_to_date(item, target):
            counts["skipped"] += 1
            continue
        yield (item, target), item


def _run_convert(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.input_format != "auto":
        try:
            find_parser(args.input_format)
        except ArticleKitError as exc:
            return _usage(parser, f"--input-format: {exc}")
    if args.rules:
        try:
            load_rules_file(args.rules)
        except ArticleKitError as exc:
            return _usage(parser, f"--rules: {exc}")
    if not args.inputs:
        if sys.stdin is None or sys.stdin.isatty():
            return _usage(parser, "no INPUT given (and standard input is a terminal)")
        args.inputs = ["-"]
    if args.inputs.count("-") > 1:
        return _usage(parser, "standard input (-) can be named only once")
    if args.errors and not os.path.isdir(os.path.dirname(args.errors) or "."):
        return _usage(parser, f"the directory of --errors {args.errors} does not exist")
    if (
        args.errors
        and args.output != "-"
        and os.path.realpath(args.errors) == os.path.realpath(args.output)
    ):
        return _usage(parser, f"--errors {args.errors} is the output file: name another file")
    if args.overlap >= args.max_chars:
        return _usage(parser, "--overlap must be smaller than --max-chars")
    sink, fmt, problem = _choose_sink(args, parser)
    if problem is not None or sink is None or fmt is None:
        return _usage(parser, problem or "bad output")

    options = ConvertOptions(
        format=args.input_format,
        output=fmt,
        front_matter=args.front_matter,
        require_article=args.require_article,
        rules_path=args.rules,
        max_bytes=args.max_bytes,
        chunk_chars=args.max_chars,
        chunk_overlap=args.overlap,
    )
    # the run's own outputs are no inputs: an output directory, a .jsonl file or an error
    # log inside an input directory
    exclude = [args.output] if isinstance(sink, (_DirSink, _JsonlSink)) else []
    if args.errors:
        exclude.append(args.errors)
    items: Iterator[BatchInput] = expand_inputs(
        args.inputs, url=args.url, exclude=exclude, max_bytes=args.max_bytes
    )
    progress_on = not args.no_progress and sys.stderr.isatty()
    total: int | None = None
    jobs = args.jobs or default_jobs()
    streaming = any(is_warc_path(i) for i in args.inputs) or any(
        os.path.isdir(i) for i in args.inputs
    )
    if progress_on or not streaming:
        # a list of paths is small; it gives the bar its total and avoids pointless workers
        listed = list(items)
        total = None if any(is_warc_path(i) for i in args.inputs) else len(listed)
        items = iter(listed)
        if len(listed) <= 1:
            jobs = 1
    progress = _Progress(sys.stderr, enabled=progress_on, total=total)
    errors = _ErrorLog(args.errors)
    counts = {"converted": 0, "failed": 0, "skipped": 0}
    started = time.monotonic()
    completed = False
    reader_gone = False
    results = run_items(_planned(items, sink, counts), options, jobs=jobs)
    try:
        for (item, target), result in results:
            if isinstance(result, str):
                try:
                    sink.write(item, target, result)
                except ArticleKitError as exc:
                    result = exc
            if isinstance(result, ArticleKitError):
                counts["failed"] += 1
                errors.add(item, result)
                progress.clear()
                print(f"articlekit: error: {result}", file=sys.stderr)
            else:
                counts["converted"] += 1
            finished = counts["converted"] + counts["failed"]
            progress.update(finished, counts["failed"], counts["skipped"])
        completed = True
    except BrokenPipeError:
        reader_gone = True  # (| head): no summary of a run the reader chose to end
        raise
    finally:
        results.close()
        sink.finish(completed=completed)
        errors.finish()
        progress.clear()
        if not reader_gone:
            _summary(counts, started, completed)
    if counts["converted"] + counts["failed"] + counts["skipped"] == 0:
        print("articlekit: nothing to convert (no input files found)", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if counts["failed"] else EXIT_OK


def _summary(counts: dict[str, int], started: float, completed: bool) -> None:
    """Print the run's summary line on stderr."""
    elapsed = time.monotonic() - started
    done = counts["converted"]
    state = "" if completed else "interrupted: "
    # (a rate only for a run that converted something: "0.0 documents/s" after a run
    # that found every output up to date read as a stall)
    rate = f" ({done / max(elapsed, 1e-9):.1f} documents/s)" if done else ""
    print(
        f"articlekit: {state}converted {done}, failed {counts['failed']}, "
        f"skipped {counts['skipped']} in {elapsed:.2f} s{rate}",
        file=sys.stderr,
    )


def _run_parsers() -> int:
    infos = registered_parsers()
    rows = [("NAME", "FORMATS", "SOURCE")]
    for info in infos:
        source = info.provider
        if info.origin == "built-in" and info.version:
            source = f"built-in (articlekit {info.version})"
        rows.append((info.name, ", ".join(info.formats), source))
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    for name, formats, source in rows:
        print(f"{name:<{widths[0]}}  {formats:<{widths[1]}}  {source}")
    broken = plugin_errors()
    for error in broken:
        print(f"BROKEN  {error}")
    return EXIT_FAILED if broken else EXIT_OK


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    print(f"articlekit: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``articlekit`` command with ``argv`` (default: ``sys.argv[1:]``); return the
    exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 for --help/--version
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command == "parsers":
        return _run_parsers()
    previous: Any = None
    previous_int: Any = None
    with contextlib.suppress(ValueError):  # not in the main thread: leave signals alone
        previous = signal.signal(signal.SIGTERM, _on_signal)
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            # an ignored SIGINT (a job started in the background) stays ignored
            previous_int = signal.signal(signal.SIGINT, _on_signal)
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            # broken plugins are reported once, here, not once per worker process
            default_registry().warn_broken()
            return _run_convert(args, args.command_parser)
    except _Terminated:
        return EXIT_SIGTERM
    except KeyboardInterrupt:
        return EXIT_SIGINT
    except BrokenPipeError:
        # the reader of stdout went away (| head): stop quietly, with the status of a tool
        # that SIGPIPE ended (a shell's pipefail still sees the pipe cut short)
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_SIGPIPE
    except OSError as exc:
        # the output itself failed (disk full, output file removed): nothing more can be
        # written, so the batch stops here, with the reason instead of a traceback
        print(f"articlekit: error: cannot write output: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        if previous_int is not None:
            signal.signal(signal.SIGINT, previous_int)
