"""The code in README.md and docs/*.md runs as shown, and prints what the docs say it prints.

Every ```python block of a page runs, in page order and in one namespace per page (a later
block may use what an earlier one made, as a reader would), in a fresh interpreter whose
working directory holds the files the docs name (``page.html``, ``seed-article.txt``,
``my-sites.toml``, ``scraped/``, ``crawl.warc.gz`` ...: small pages of our own). Names a
block uses without making them (``doc``, ``html``, ``url``, ``root``, ``paragraph``,
``block``, ``data``, ``path``) come from :data:`SETUP`.

What the docs state is checked:

- a ```text or ```markdown block right after a python block is what the block prints
  (a line ``...`` stands for any lines, ``...`` inside a line for any characters);
- an expression followed by a comment holding a Python literal, on its line or on the
  next one (``doc.metadata.kicker  # "visuals"``), evaluates to that literal (``...``
  inside a string literal stands for any characters).

Every ``articlekit ...`` command of a ```bash or ```sh block runs too (``python -m
articlekit``, same directory) and must exit 0. A block the test cannot run says why in an
HTML comment on the line above its fence: ``<!-- doc-test: skip (reason) -->``, or
``<!-- doc-test: needs MODULE -->`` to run it only where MODULE is installed.
"""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_MARKER = re.compile(r"<!--\s*doc-test:\s*(skip|needs)\b\s*(.*?)\s*-->")
_SHELL_INFOS = ("bash", "sh", "console", "shell")
_OUTPUT_INFOS = ("text", "markdown")

PAGE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour wall reopens after storm repairs | The Coast Times</title>
<meta property="og:site_name" content="The Coast Times">
<link rel="canonical" href="https://www.news.example/2024/10/31/story">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Harbour wall reopens after storm repairs",
 "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chen"}],
 "datePublished": "2024-10-31T09:30:00+00:00"}
</script></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1 class="headline">Harbour wall reopens after storm repairs</h1>
<p class="byline">By Ann Lee and Bo Chen</p>
<div class="story-body">
<p>The harbour wall reopened on Thursday after six weeks of repairs to the damage the
October storm left behind, and the first fishing boats came in on the morning tide.</p>
<p>Engineers replaced forty metres of the old stone facing with concrete blocks and raised
the walkway by half a metre, which the council says should keep it dry in all but the
worst storms of the winter.</p>
<h2>What changes for boats</h2>
<p>Boats longer than twelve metres must now book a berth a day ahead, because the new
fenders take up part of the inner basin while the last of the work is finished.</p>
<ul><li>Berths are booked at the harbour office.</li>
<li>The fuel pontoon opens again next week.</li></ul>
<p>Fishermen said the wait had cost them most of the autumn season, but most agreed the
new wall looked as if it would last for decades.</p>
</div>
<div class="share-bar"><a href="/share">Share</a></div>
<section class="related-stories"><h2>Related stories</h2>
<ul><li><a href="/2024/10/20/storm">Storm closes the harbour for the week</a></li>
<li><a href="/2024/09/02/ferry">Ferry timetable changes for the winter</a></li>
<li><a href="/2024/08/15/beach">Beach cleaning volunteers needed</a></li></ul>
</section>
</article>
<aside class="newsletter"><p>Sign up for our newsletter: some missing sentence.</p></aside>
<footer><p>Copyright The Coast Times</p></footer>
</body></html>
"""

ERROR_PAGE = """<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>
<h1>Page not found</h1><p>Sorry, the page you asked for does not exist.</p>
<p><a href="/">Back to the home page</a></p></body></html>
"""

RULES_TOML = """[[rule]]
name = "example news"
hosts = ["news.example"]
content = ["article .story-body"]
drop = [".share-bar"]
recommendations = [".related-stories"]
title = "h1.headline"
"""

#: Names the docs' blocks use without making them, as a reader has them at hand (modules
#: but articlekit are not among them: a block that uses ``json`` must import it).
SETUP = """
from pathlib import Path

import lxml.html

import articlekit
import articlekit.registry

# The docs show articlekit alone: a parser plugin installed beside it (the gemtext example,
# which docs/plugins.md has the reader install) would hold the names the docs' blocks
# register, and "python -m pytest" would fail for a reader who followed them.
articlekit.registry._default._entry_points = tuple

url = "https://www.news.example/2024/10/31/story"
path = Path("page.html")
html = path.read_text(encoding="utf-8")
data = Path("not-found.html").read_bytes()
doc = articlekit.parse(path, url=url)
root = lxml.html.document_fromstring(html)
paragraph = next(b for b in doc.walk() if isinstance(b, articlekit.Paragraph))
block = doc.blocks[0]
del Path, lxml
"""

#: Runs one page's python blocks (JSON on stdin); prints one JSON line per failure.
DRIVER = r'''
import ast, contextlib, io, json, re, sys, traceback

def pattern(expected):
    parts = []
    for line in expected.rstrip("\n").split("\n"):
        if line.strip() == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*?".join(map(re.escape, line.rstrip().split("..."))) + r"[ \t]*\n")
    return re.compile("".join(parts), re.S)

def matches(expected, got):
    return pattern(expected).fullmatch(got.rstrip("\n") + "\n") is not None

def stated_value(lines, node):
    """The literal a comment after an expression states: on its line or the next one."""
    line = lines[node.end_lineno - 1]
    comment = None
    if "#" in line[node.end_col_offset:]:
        comment = line[node.end_col_offset:].split("#", 1)[1]
    elif node.end_lineno < len(lines) and lines[node.end_lineno].lstrip().startswith("#"):
        comment = lines[node.end_lineno].lstrip()[1:]
    if comment is None:
        return False, None
    text = re.split(r"\s{2,}", comment.strip())[0]
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError:
        return False, None
    if not isinstance(tree, (ast.Constant, ast.Tuple, ast.List, ast.Dict)):
        return False, None
    try:
        return True, ast.literal_eval(tree)
    except ValueError:
        return False, None

def same(stated, value):
    if isinstance(stated, str) and isinstance(value, str) and "..." in stated:
        return matches(stated, value)
    return stated == value

job = json.load(sys.stdin)
space = {"__name__": "__doc__"}
exec(compile(job["setup"], "<setup>", "exec"), space)
for snippet in job["snippets"]:
    where = f'{job["page"]}:{snippet["line"]}'
    lines = snippet["code"].split("\n")
    out = io.StringIO()
    try:
        tree = ast.parse(snippet["code"], where)
        with contextlib.redirect_stdout(out):
            for node in tree.body:
                if isinstance(node, ast.Expr):
                    value = eval(compile(ast.Expression(node.value), where, "eval"), space)
                    known, stated = stated_value(lines, node)
                    if known and not same(stated, value):
                        line = node.lineno + snippet["line"]
                        print(json.dumps({"where": f'{job["page"]}:{line}',
                              "problem": f"the docs say {stated!r}, the code gives {value!r}"}),
                              file=sys.__stdout__)
                else:
                    exec(compile(ast.Module([node], []), where, "exec"), space)
    except BaseException:
        print(json.dumps({"where": where, "problem": traceback.format_exc(limit=-3)}))
        continue
    expected = snippet["expected"]
    if expected is not None and not matches(expected, out.getvalue()):
        print(json.dumps({"where": where, "problem": "prints:\n" + out.getvalue()
                          + "\nbut the docs show:\n" + expected}))
'''


@dataclass(frozen=True)
class Snippet:
    """One fenced code block of a page."""

    line: int  # of the fence, 1-based
    info: str
    code: str
    expected: str | None  # the output block right after it
    marker: tuple[str, str] | None  # ("skip", reason) or ("needs", module)


def snippets(page: Path) -> list[Snippet]:
    """Return the fenced code blocks of ``page``, as a CommonMark renderer sees them."""
    source = page.read_text(encoding="utf-8")
    lines = source.split("\n")
    tokens = [t for t in MarkdownIt("commonmark").parse(source) if t.map is not None]
    found: list[Snippet] = []
    for index, token in enumerate(tokens):
        if token.type != "fence" or token.map is None:
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        expected = None
        if (
            following is not None
            and following.type == "fence"
            and following.info.strip() in _OUTPUT_INFOS
        ):
            expected = following.content
        start = token.map[0]
        above = next((lines[i] for i in range(start - 1, -1, -1) if lines[i].strip()), "")
        marker = _MARKER.search(above)
        found.append(
            Snippet(
                line=start + 1,
                info=token.info.strip().split(" ")[0],
                code=token.content,
                expected=expected,
                marker=(marker.group(1), marker.group(2)) if marker else None,
            )
        )
    return found


def _runnable(snippet: Snippet) -> bool:
    if snippet.marker is None:
        return True
    kind, what = snippet.marker
    if kind == "skip":
        return False
    try:
        __import__(what)
    except ImportError:
        return False
    return True


def _write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode()), http_headers=headers
            )
            writer.write_record(record)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding every file the docs' examples name."""
    pytest.importorskip("warcio")
    work = tmp_path_factory.mktemp("docs")
    (work / "page.html").write_text(PAGE_HTML, encoding="utf-8")
    (work / "not-found.html").write_text(ERROR_PAGE, encoding="utf-8")
    (work / "my-sites.toml").write_text(RULES_TOML, encoding="utf-8")
    (work / "examples").mkdir()
    seed = ROOT / "examples" / "seed-article.txt"
    shutil.copy(seed, work / "examples" / "seed-article.txt")
    shutil.copy(seed, work / "seed-article.txt")
    for name in ("scraped", "scraped/2024", "dumps/a"):
        (work / name).mkdir(parents=True, exist_ok=True)
    (work / "scraped" / "story.html").write_text(PAGE_HTML, encoding="utf-8")
    (work / "scraped" / "2024" / "seed.txt").write_bytes(seed.read_bytes())
    (work / "dumps" / "a" / "seed.txt").write_bytes(seed.read_bytes())
    pages = [("https://www.news.example/2024/10/31/story", PAGE_HTML)]
    _write_warc(work / "crawl.warc.gz", pages)
    _write_warc(work / "crawl-2.warc.gz", pages)
    return work


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONWARNINGS": "ignore"}


def _pages_with(infos: tuple[str, ...]) -> list[Path]:
    return [p for p in DOC_FILES if any(s.info in infos for s in snippets(p))]


@pytest.mark.parametrize(
    "page", _pages_with(("python",)), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_python_blocks_run_and_print_what_the_docs_show(page: Path, workdir: Path) -> None:
    name = page.relative_to(ROOT).as_posix()
    chosen = [s for s in snippets(page) if s.info == "python" and _runnable(s)]
    if not chosen:
        pytest.skip("every python block is marked as not runnable here")
    job = {"page": name, "setup": SETUP, "snippets": [asdict(s) for s in chosen]}
    done = subprocess.run(
        [sys.executable, "-c", DRIVER],
        input=json.dumps(job),
        cwd=workdir,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    failures = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    report = "\n\n".join(f"{f['where']}: {f['problem']}" for f in failures)
    assert not failures, report


def _commands(code: str) -> list[tuple[list[str], bool]]:
    """Return the ``articlekit`` commands of a shell block, as argument lists, each with
    whether it reads a pipe (``curl -s URL | articlekit convert - ...``: the test pipes
    ``page.html`` in, as the fetch would)."""
    commands: list[tuple[list[str], bool]] = []
    for line in code.splitlines():
        for part in re.split(r"&&|;", line):
            piped = "|" in part
            words = shlex.split(part.rsplit("|", 1)[-1], comments=True)
            if words[:1] == ["articlekit"]:
                commands.append((words[1:], piped))
    return commands


def _cli_cases() -> list[tuple[str, list[str], bool]]:
    cases: list[tuple[str, list[str], bool]] = []
    for page in DOC_FILES:
        for snippet in snippets(page):
            if snippet.info in _SHELL_INFOS and _runnable(snippet):
                where = f"{page.relative_to(ROOT).as_posix()}:{snippet.line}"
                cases.extend((where, words, piped) for words, piped in _commands(snippet.code))
    return cases


def _output_of(words: list[str]) -> str:
    """Return what ``-o`` names in ``words`` ("-" when it names nothing)."""
    return words[words.index("-o") + 1] if "-o" in words else "-"


@pytest.mark.parametrize(
    ("where", "words", "piped"),
    _cli_cases(),
    ids=[f"{where} {shlex.join(words)}" for where, words, _ in _cli_cases()],
)
def test_cli_commands_in_the_docs_run(
    where: str, words: list[str], piped: bool, workdir: Path
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", *words],
        input=PAGE_HTML if piped else "",
        cwd=workdir,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    command = f"{where}: articlekit {shlex.join(words)}"
    assert done.returncode == 0, f"{command}\n{done.stderr}"
    if words[0] != "convert":
        assert done.stdout.strip(), f"{command}: printed nothing"
        return
    output = _output_of(words)
    if output == "-":
        assert "Harbour wall reopens" in done.stdout or "North Korea" in done.stdout, command
    elif output.endswith(".jsonl"):
        lines = (workdir / output).read_text(encoding="utf-8").splitlines()
        assert lines and all(json.loads(line)["schema"] for line in lines), command
    else:
        assert any(p.is_file() for p in (workdir / output).rglob("*")), command


def test_the_driver_sees_stated_values_and_outputs(tmp_path: Path) -> None:
    # the checks themselves can fail: a wrong literal and a wrong output are reported
    page = tmp_path / "page.md"
    page.write_text(
        textwrap.dedent(
            """\
            ```python
            x = 2
            x + 1        # 4
            print("a\\nb\\nc")
            ```

            ```text
            a
            ...
            z
            ```

            ```python
            "North Korea"    # "North ..."
            ```
            """
        ),
        encoding="utf-8",
    )
    job = {"page": "page.md", "setup": "", "snippets": [asdict(s) for s in snippets(page)[::2]]}
    done = subprocess.run(
        [sys.executable, "-c", DRIVER],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    failures = [json.loads(line) for line in done.stdout.splitlines()]
    assert [f["where"] for f in failures] == ["page.md:3", "page.md:1"]
    assert "the docs say 4, the code gives 3" in failures[0]["problem"]
    assert failures[1]["problem"].startswith("prints:\na\nb\nc")
