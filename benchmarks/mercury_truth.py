"""Build a metadata truth file from a copy of the Postlight Parser (formerly Mercury) repository.

Run from the project root (any Python 3.11; only the standard library is used)::

    python benchmarks/mercury_truth.py REPO OUT

``REPO`` is a checkout of the repository or its git directory (then ``HEAD`` is read with
``git show``). The repository keeps saved pages in ``fixtures/*.html`` and, for each
site with a custom extractor, a test ``src/extractors/custom/<domain>/index.test.js`` that
reads a fixture, parses it for a URL and asserts the expected ``title``, ``author``,
``date_published``, ``lead_image_url`` and the first words of the content
(``excerptContent($('*').first().text(), N)``). This script reads those tests without
running them and writes ``OUT/truth.json``::

    {id: {"url", "html": "html/<id>.html", "title", "author", "date_published",
          "lead_image_url", "first_words"}}

with ``OUT/html/<id>.html`` a copy of the fixture (the id is the fixture's file name
without ``.html``). Most fixtures were saved after the parser's own DOM normalisation,
which renames the ``content`` attribute of every ``<meta>`` to ``value`` (and
``property`` to ``name``): the copy gives such a tag its ``content`` back (a ``value``
attribute of a ``<meta>`` without ``content``), so that every tool reads the page as it
was served; ``--keep-meta-value`` copies the fixtures byte for byte.

Only values written as plain string literals (quoted, or a template literal without
``${}``) are taken, and ``null`` (the test expects no value); any other
expression is skipped, as is a field asserted twice with different values, first words
of anything but the content's first element, and a test whose URL or fixture is not a
literal. What was skipped is counted on standard output. The pages and the truth stay
outside this repository (see benchmarks/README.md, "metadata_outside.py").
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

#: The fields a test asserts, as the parser's result names them.
FIELDS = ("title", "author", "date_published", "lead_image_url")
TESTS_DIR = "src/extractors/custom"
_BLOCK_CALL = re.compile(r"\b(it|describe)\s*\(")
_READ_FIXTURE = re.compile(r"\breadFileSync\s*\(\s*")
_URL_ASSIGN = re.compile(r"\b(?:url|uri|articleUrl)\s*=\s*")
_ASSERT = re.compile(r"\bassert\s*\.\s*(?:equal|strictEqual)\s*\(\s*([A-Za-z_$][\w$]*)\s*,\s*")
_FIRST_WORDS = re.compile(
    r"\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*excerptContent\s*\(\s*"
    r"\$\s*\(\s*(['\"])\*\2\s*\)\s*\.\s*first\s*\(\s*\)\s*\.\s*text\s*\(\s*\)\s*,\s*\d+\s*\)"
)
_EXCERPT_VAR = re.compile(r"\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*excerptContent\s*\(")
_CLOSE = re.compile(r"\s*,?\s*\)")
#: The count of pages whose meta tags got their ``content`` back (not a skip).
RESTORED = "restored"
_META_TAG = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_CONTENT_ATTR = re.compile(rb"\scontent\s*=", re.IGNORECASE)
_VALUE_ATTR = re.compile(rb"(\s)value(\s*=)", re.IGNORECASE)
#: Characters after which a ``/`` starts a regular expression literal, not a division.
_REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^") | {""}
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


# --------------------------------------------------------------------------- reading JS


def skip_literal(src: str, i: int) -> int:
    """Return the index just after the string, template, comment or regex starting at ``i``
    (``i`` itself when nothing of the kind starts there)."""
    ch = src[i]
    if ch in "'\"`":
        j = i + 1
        while j < len(src) and src[j] != ch:
            j += 2 if src[j] == "\\" else 1
        return j + 1
    if src.startswith("//", i):
        end = src.find("\n", i)
        return len(src) if end < 0 else end
    if src.startswith("/*", i):
        end = src.find("*/", i + 2)
        return len(src) if end < 0 else end + 2
    if ch == "/":
        before = src[:i].rstrip()[-1:]
        if before in _REGEX_BEFORE:
            j, in_class = i + 1, False
            while j < len(src) and src[j] != "\n":
                if src[j] == "\\":
                    j += 2
                    continue
                if src[j] == "[":
                    in_class = True
                elif src[j] == "]":
                    in_class = False
                elif src[j] == "/" and not in_class:
                    return j + 1
                j += 1
    return i


def code_mask(src: str) -> str:
    """Return ``src`` with every string, comment and regex replaced by spaces of the same
    length, so that brackets and names are found only in code."""
    out: list[str] = []
    i = 0
    while i < len(src):
        end = skip_literal(src, i)
        if end > i:
            out.append(src[i] if src[i] in "'\"`" else " ")
            out.append(" " * (end - i - 1))
            i = end
        else:
            out.append(src[i])
            i += 1
    return "".join(out)


def closing_paren(masked: str, open_at: int) -> int:
    """Return the index of the ``)`` that closes the ``(`` at ``open_at`` (or the end)."""
    depth = 0
    for j in range(open_at, len(masked)):
        if masked[j] == "(":
            depth += 1
        elif masked[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return len(masked)


def read_literal(src: str, i: int) -> tuple[str | None, int] | None:
    """Read a JS literal at ``i``: a string (quoted, or a template without ``${}``) gives
    its value, ``null`` gives None. Return (value, end) or None for anything else."""
    if src.startswith("null", i) and not re.match(r"[\w$]", src[i + 4 : i + 5]):
        return None, i + 4
    quote = src[i : i + 1]
    if quote not in ("'", '"', "`"):
        return None
    out: list[str] = []
    j = i + 1
    while j < len(src):
        ch = src[j]
        if ch == quote:
            return "".join(out), j + 1
        if quote == "`" and src.startswith("${", j):
            return None
        if ch == "\n" and quote != "`":
            return None
        if ch == "\\":
            value, j = _escape(src, j + 1)
            out.append(value)
            continue
        out.append(ch)
        j += 1
    return None


def _escape(src: str, j: int) -> tuple[str, int]:
    """Decode the escape sequence whose letter is at ``j``; return (text, next index)."""
    ch = src[j : j + 1]
    if ch == "u" and src[j + 1 : j + 2] == "{":
        end = src.index("}", j)
        return chr(int(src[j + 2 : end], 16)), end + 1
    if ch == "u":
        return chr(int(src[j + 1 : j + 5], 16)), j + 5
    if ch == "x":
        return chr(int(src[j + 1 : j + 3], 16)), j + 3
    if ch == "\n":  # a line continuation
        return "", j + 1
    return _ESCAPES.get(ch, ch), j + 1


# --------------------------------------------------------------------------- tests


@dataclass
class Case:
    """One fixture as one test block reads it."""

    fixture: str
    url: str | None = None
    values: dict[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Span:
    """A test block (``it`` or ``describe`` call): its kind and the range of its parens."""

    kind: str
    start: int
    end: int


def blocks(masked: str) -> list[Span]:
    """Return the spans of all ``it(...)`` and ``describe(...)`` calls."""
    spans = []
    for match in _BLOCK_CALL.finditer(masked):
        open_at = match.end() - 1
        spans.append(Span(match.group(1), open_at, closing_paren(masked, open_at)))
    return spans


def enclosing(spans: list[Span], pos: int) -> list[Span]:
    """Return the spans holding ``pos``, innermost first."""
    return sorted((s for s in spans if s.start < pos < s.end), key=lambda s: s.end - s.start)


def cases_of(src: str, skipped: Counter[str]) -> Iterator[Case]:
    """Yield one Case per fixture read in the test source ``src``; count what is skipped."""
    masked = code_mask(src)
    spans = blocks(masked)
    reads = [m.end() for m in _READ_FIXTURE.finditer(masked)]
    for at in reads:
        literal = read_literal(src, at)
        if literal is None or literal[0] is None:
            skipped["test: fixture path not a literal"] += 1
            continue
        outer = enclosing(spans, at)
        if not outer:
            skipped["test: fixture read outside a test block"] += 1
            continue
        block = outer[0]
        # parts of the block that read another fixture belong to that fixture
        others = [s for s in spans if block.start < s.start < block.end and _reads(s, reads, at)]
        case = Case(fixture=literal[0])
        case.url = _url_for(src, masked, outer, at, others)
        if case.url is None:
            skipped["test: URL not a literal"] += 1
            continue
        _collect(src, masked, block, others, case, skipped)
        if case.values:
            yield case
        else:
            skipped["test: no metadata assertion"] += 1


def _reads(span: Span, reads: list[int], own: int) -> bool:
    """Return True when ``span`` reads a fixture other than the one read at ``own``."""
    return any(span.start < r < span.end for r in reads) and not span.start < own < span.end


def _outside(pos: int, others: list[Span]) -> bool:
    return not any(s.start < pos < s.end for s in others)


def _url_for(src: str, masked: str, outer: list[Span], at: int, others: list[Span]) -> str | None:
    """Return the URL the fixture is parsed for: the nearest literal assignment to
    ``url``/``uri`` in the innermost block that has one (outside other fixtures' blocks)."""
    for span in outer:
        found = [
            m
            for m in _URL_ASSIGN.finditer(masked, span.start, span.end)
            if _outside(m.start(), others)
        ]
        if found:
            nearest = min(found, key=lambda m: abs(m.start() - at))
            literal = read_literal(src, nearest.end())
            return literal[0] if literal else None
    return None


def _collect(
    src: str, masked: str, block: Span, others: list[Span], case: Case, skipped: Counter[str]
) -> None:
    """File the block's literal assertions of FIELDS and of the first words into ``case``."""
    first_vars = {
        m.group(1)
        for m in _FIRST_WORDS.finditer(src, block.start, block.end)
        if _outside(m.start(), others)
    }
    other_excerpts = {
        m.group(1)
        for m in _EXCERPT_VAR.finditer(src, block.start, block.end)
        if _outside(m.start(), others)
    } - first_vars
    seen: dict[str, set[str | None]] = {}
    for m in _ASSERT.finditer(masked, block.start, block.end):
        if not _outside(m.start(), others):
            continue
        name = m.group(1)
        key = "first_words" if name in first_vars else name
        if name in other_excerpts:
            skipped["first_words: not the content's first element"] += 1
            continue
        if key not in FIELDS and key != "first_words":
            continue
        literal = read_literal(src, m.end())
        if literal is None or not _CLOSE.match(src, literal[1]):
            skipped[f"{key}: not a plain string literal"] += 1
            continue
        seen.setdefault(key, set()).add(literal[0])
    for key, values in seen.items():
        if len(values) == 1:
            case.values[key] = values.pop()
        else:
            skipped[f"{key}: asserted with different values"] += 1


# --------------------------------------------------------------------------- the repository


class Repo:
    """Read files of a checkout or of a git directory's HEAD."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.is_git = not (path / "fixtures").is_dir()

    def _git(self, *args: str) -> bytes:
        return subprocess.run(
            ["git", f"--git-dir={self.path}", *args], check=True, capture_output=True
        ).stdout

    def files(self, under: str) -> list[str]:
        """Return the paths of all files under the folder ``under``."""
        if self.is_git:
            out = self._git("ls-tree", "-r", "--name-only", "HEAD", under).decode()
            return sorted(out.split("\n")[:-1])
        base = self.path / under
        return sorted(str(p.relative_to(self.path)) for p in base.rglob("*") if p.is_file())

    def read(self, path: str) -> bytes:
        """Return the bytes of the file at ``path`` (relative to the repository root)."""
        if self.is_git:
            return self._git("show", f"HEAD:{path}")
        return (self.path / path).read_bytes()


def fixture_id(path: str) -> str | None:
    """Return the id of a fixture path ("./fixtures/www.x.com--feature.html" gives
    "www.x.com--feature"), or None for a path outside ``fixtures/``."""
    match = re.fullmatch(r"(?:\./)?fixtures/([^/]+)\.html", path)
    return match.group(1) if match else None


def restore_meta_content(page: bytes) -> tuple[bytes, int]:
    """Return ``page`` with ``<meta value=...>`` tags that have no ``content`` given it back
    (``value`` renamed ``content``), and the number of tags changed."""
    changed = 0

    def fix(match: re.Match[bytes]) -> bytes:
        nonlocal changed
        tag = match.group(0)
        if _CONTENT_ATTR.search(tag) or not _VALUE_ATTR.search(tag):
            return tag
        changed += 1
        return _VALUE_ATTR.sub(rb"\1content\2", tag, count=1)

    return _META_TAG.sub(fix, page), changed


def convert(
    repo: Repo, out: Path, *, keep_meta_value: bool = False
) -> tuple[dict[str, dict[str, str | None]], Counter[str]]:
    """Write ``out/truth.json`` and ``out/html/``; return the truth and the counts of what
    was skipped (and of the pages whose meta tags got their ``content`` back)."""
    skipped: Counter[str] = Counter()
    fixtures = set(repo.files("fixtures"))
    truth: dict[str, dict[str, str | None]] = {}
    for test in repo.files(TESTS_DIR):
        if not test.endswith("index.test.js"):
            continue
        for case in cases_of(repo.read(test).decode("utf-8"), skipped):
            key = fixture_id(case.fixture)
            path = case.fixture.removeprefix("./")
            if key is None or path not in fixtures:
                skipped["test: fixture file missing"] += 1
                continue
            if key in truth:
                skipped["test: fixture already read by another test"] += 1
                continue
            (out / "html").mkdir(parents=True, exist_ok=True)
            page = repo.read(path)
            if not keep_meta_value:
                page, changed = restore_meta_content(page)
                skipped[RESTORED] += changed > 0
            (out / "html" / f"{key}.html").write_bytes(page)
            item: dict[str, str | None] = {"url": case.url, "html": f"html/{key}.html"}
            item.update(case.values)
            truth[key] = item
    (out / "truth.json").write_text(
        json.dumps(truth, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    return truth, skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("repo", type=Path, help="a checkout or the git directory")
    parser.add_argument("out", type=Path, help="folder for truth.json and html/")
    parser.add_argument(
        "--keep-meta-value", action="store_true", help="copy the fixtures byte for byte"
    )
    args = parser.parse_args(argv)
    truth, skipped = convert(Repo(args.repo), args.out, keep_meta_value=args.keep_meta_value)
    counts = Counter(f for item in truth.values() for f, v in item.items() if v is not None)
    nulls = Counter(f for item in truth.values() for f, v in item.items() if v is None)
    print(f"{len(truth)} pages written to {args.out / 'truth.json'}")
    for name in (*FIELDS, "first_words"):
        print(f"  {name:16} {counts[name]:4} values, {nulls[name]:3} expected empty (null)")
    restored = skipped.pop(RESTORED, 0)
    print(f"{restored} pages had <meta value> tags given their content attribute back")
    print("skipped:")
    for reason, n in sorted(skipped.items()):
        print(f"  {n:4}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
