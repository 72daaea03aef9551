"""Render the corpus pages as plain text with w3m, lynx and html2text; cache the dumps.

The plain-text benchmark (``benchmarks/text_accuracy.py``) needs the same HTML rendered the
way real text dumps look. This script writes one file per page and tool under
``benchmarks/data/text/<tool>/<corpus>/<page>.txt`` and skips files that already exist, so
a second run costs nothing. Two corpora are rendered:

- ``readability``: ``readability-pages/*/expected.html.gz`` (the article alone; the HTML
  gives the true structure). Readability strips the title from the article, so the title of
  ``expected-metadata.json`` is put back on top as an ``<h1>``, as a real article has it;
- ``trafilatura``: ``trafilatura-eval/html/*.html.gz`` (whole pages, menus and footers
  included; raw bytes whose charset is part of the task).

Setup (nothing is installed by this script)::

    apt-get update && apt-get install -y w3m lynx
    python3 -m venv .venv-bench && .venv-bench/bin/pip install -e . html2text

Run::

    .venv-bench/bin/python benchmarks/text_render.py [--corpus DIR] [--tools w3m,lynx,html2text]

Other settings of the same tools (``--tools
w3m-wide,lynx-wide,lynx-nolist,w3m-nowrap,html2text-nowrap``: 120 columns, lynx without its
link list, w3m and html2text without hard wraps) check that the parser holds for a layout
rather than for the one set of options the dev renderings use.

A missing tool is reported and skipped, never installed.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from articlekit.decode import decode_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import corpus_dir

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "text"
DEFAULT_CORPUS = corpus_dir()  # $ARTICLEKIT_CORPUS, else ../shared/corpus of the repo
TOOLS = ("w3m", "lynx", "html2text")
# The width lynx and w3m wrap at by default on an 80-column terminal.
WIDTH_COLUMNS = 80
# The width of the "wide" variants, and one no paragraph reaches (a browser copy).
WIDE_COLUMNS = 120
NOWRAP_COLUMNS = 10_000
TIMEOUT_SECONDS = 60


def pages(corpus: Path) -> Iterator[tuple[str, str, Path]]:
    """Yield ``(corpus_name, page_name, gz_path)`` for every page of both corpora."""
    for folder in sorted((corpus / "readability-pages").iterdir()):
        expected = folder / "expected.html.gz"
        if expected.is_file():
            yield "readability", folder.name, expected
    for path in sorted((corpus / "trafilatura-eval" / "html").glob("*.html.gz")):
        yield "trafilatura", path.name.removesuffix(".html.gz"), path


def with_title(article: bytes, title: str | None) -> bytes:
    """Return a whole HTML page: ``title`` as ``<title>`` and ``<h1>``, then ``article``."""
    head = '<html><head><meta charset="utf-8">'
    if title:
        escaped = html.escape(title)
        head += f"<title>{escaped}</title></head><body><h1>{escaped}</h1>"
    else:
        head += "</head><body>"
    return head.encode() + article + b"</body></html>"


def read_page(corpus_name: str, path: Path) -> bytes:
    """Return the HTML bytes to render for one page of ``corpus_name``."""
    data = gzip.decompress(path.read_bytes())
    if corpus_name != "readability":
        return data
    meta = json.loads((path.parent / "expected-metadata.json").read_text(encoding="utf-8"))
    text, _ = decode_bytes(data)
    return with_title(text.encode("utf-8"), meta.get("title"))


def _run(args: list[str], data: bytes) -> str:
    done = subprocess.run(args, input=data, capture_output=True, timeout=TIMEOUT_SECONDS)
    return done.stdout.decode("utf-8", errors="replace")


def render_w3m(data: bytes, charset: str, width: int = WIDTH_COLUMNS) -> str:
    """Return ``w3m -dump`` of the page (bytes read with ``charset``, output UTF-8)."""
    return _run(
        [
            "w3m",
            "-dump",
            "-T",
            "text/html",
            "-I",
            charset,
            "-O",
            "UTF-8",
            "-cols",
            str(width),
        ],
        data,
    )


def render_lynx(
    data: bytes, charset: str, width: int = WIDTH_COLUMNS, extra: tuple[str, ...] = ()
) -> str:
    """Return ``lynx -dump`` of the page, References section included (unless ``-nolist``)."""
    return _run(
        [
            "lynx",
            "-dump",
            "-stdin",
            "-force_html",
            f"-width={width}",
            f"-assume_charset={charset}",
            "-display_charset=utf-8",
            "-noreferer",
            *extra,
        ],
        data,
    )


def render_html2text(data: bytes, charset: str, body_width: int | None = None) -> str:
    """Return html2text's Markdown-ish text of the page, decoded by articlekit first."""
    import html2text  # type: ignore[import-not-found,unused-ignore]

    text, _ = decode_bytes(data, encoding=charset)
    converter = html2text.HTML2Text()
    if body_width is not None:
        converter.body_width = body_width
    return str(converter.handle(text))


def render_w3m_wide(data: bytes, charset: str) -> str:
    """Return ``w3m -dump`` at 120 columns (a wide terminal)."""
    return render_w3m(data, charset, width=WIDE_COLUMNS)


def render_lynx_wide(data: bytes, charset: str) -> str:
    """Return ``lynx -dump`` at 120 columns."""
    return render_lynx(data, charset, width=WIDE_COLUMNS)


def render_w3m_nowrap(data: bytes, charset: str) -> str:
    """Return ``w3m -dump`` with no wraps (one line per paragraph, like a browser copy)."""
    return render_w3m(data, charset, width=NOWRAP_COLUMNS)


def render_lynx_nolist(data: bytes, charset: str) -> str:
    """Return ``lynx -dump -nolist``: no ``[n]`` link markers, no References section."""
    return render_lynx(data, charset, extra=("-nolist",))


def render_html2text_nowrap(data: bytes, charset: str) -> str:
    """Return html2text's text without hard wraps (``body_width=0``, as scrapers set it)."""
    return render_html2text(data, charset, body_width=0)


# Elements that start a line of their own in a text field; list items get "- ".
_FIELD_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "aside", "main", "nav",
        "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre",
        "figure", "figcaption", "table", "tr", "caption", "ul", "ol", "dl", "br", "hr",
        "address", "details", "summary",
    }
)  # fmt: skip


def render_textfield(data: bytes, charset: str) -> str:
    """Return the page as a scraper's text field stores it: one line per block, no blank
    lines between them, list items as "- item", table cells run together on the row's line
    (like trafilatura's text output or a ``get_text`` of the blocks)."""
    import lxml.html

    text, _ = decode_bytes(data, encoding=charset)
    parser = lxml.html.HTMLParser(encoding="utf-8")
    root = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    body = root.find("body")
    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        line = " ".join("".join(current).split())
        if line == "-":
            return  # an item's marker waits for its text (an <li> opening with a <p>)
        if line:
            lines.append(line)
        current.clear()

    # an explicit stack: (element, entering?) so that deep pages need no recursion
    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(body if body is not None else root, True)]
    while stack:
        el, entering = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if entering:
            if tag in ("script", "style", "noscript", "template") or not tag:
                if el.tail:
                    current.append(el.tail)
                continue
            if tag == "pre":
                end_line()
                lines.extend(line.rstrip() for line in el.text_content().strip("\n").split("\n"))
                if el.tail:
                    current.append(el.tail)
                continue
            if tag in _FIELD_BLOCKS:
                end_line()
                if tag == "li":
                    current.append("- ")
            if el.text:
                current.append(el.text)
            stack.append((el, False))
            stack.extend((child, True) for child in reversed(el))
        else:
            if tag in _FIELD_BLOCKS:
                end_line()
            elif tag in ("td", "th"):
                current.append(" ")
            if el.tail:
                current.append(el.tail)
    end_line()
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[bytes, str], str]] = {
    "w3m": render_w3m,
    "lynx": render_lynx,
    "html2text": render_html2text,
    # other settings of the same tools: a check that the parser holds for a layout, not for
    # the one width and option set the dev renderings use (rendered only when asked for)
    "w3m-wide": render_w3m_wide,
    "lynx-wide": render_lynx_wide,
    "lynx-nolist": render_lynx_nolist,
    "w3m-nowrap": render_w3m_nowrap,
    "html2text-nowrap": render_html2text_nowrap,
    "textfield": render_textfield,
}
VARIANTS = ("w3m-wide", "lynx-wide", "lynx-nolist", "w3m-nowrap", "html2text-nowrap", "textfield")


def render_elinks(data: bytes, charset: str) -> str:
    """Return ``elinks -dump`` at 80 columns with its numbered link list (a holdout layout)."""
    return _run(
        [
            "elinks",
            "-dump",
            "-dump-width",
            str(WIDTH_COLUMNS),
            "-dump-charset",
            "utf-8",
            "-eval",
            f'set document.codepage.assume = "{charset}"',
            "-eval",
            "set document.codepage.force_assumed = 1",
            "-no-connect",
        ],
        data,
    )


def render_links(data: bytes, charset: str) -> str:
    """Return ``links -dump`` at 80 columns (a holdout layout: no link list).

    links reads a file, not standard input, so the page goes through a temporary file.
    """
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_bytes(data)
        return _run(
            [
                "links",
                "-dump",
                "-width",
                str(WIDTH_COLUMNS),
                "-codepage",
                "utf-8",
                "-html-assume-codepage",
                charset,
                "-html-hard-assume",
                "1",
                str(page),
            ],
            b"",
        )


def render_pandoc(data: bytes, charset: str) -> str:
    """Return ``pandoc -t plain`` of the page, decoded by articlekit first (a holdout layout)."""
    text, _ = decode_bytes(data, encoding=charset)
    return _run(
        ["pandoc", "--from", "html", "--to", "plain", f"--columns={WIDTH_COLUMNS - 8}"],
        text.encode("utf-8"),
    )


def render_trafilatura_txt(data: bytes, charset: str) -> str:
    """Return trafilatura's plain-text output of the article (a holdout text field).

    A scraper's text field as another tool writes it: one block per line, no blank lines,
    nested list items indented, no title line. Only meaningful for the article-only
    readability pages (on a whole page it is trafilatura's extraction, not a page), so
    render it with ``--corpora readability``.
    """
    import trafilatura

    text, _ = decode_bytes(data, encoding=charset)
    out = trafilatura.extract(
        text, output_format="txt", include_comments=False, include_tables=True, favor_recall=True
    )
    return (out or "") + "\n"


# Tools no rule was written for or tuned on: scored only to see how the parser does on a
# layout it has never seen (``text_accuracy.py --holdout``).
HOLDOUT: dict[str, Callable[[bytes, str], str]] = {
    "elinks": render_elinks,
    "links": render_links,
    "pandoc": render_pandoc,
    "trafilatura-txt": render_trafilatura_txt,
}
RENDERERS.update(HOLDOUT)


def missing_tools(tools: tuple[str, ...]) -> list[str]:
    """Return a message per tool that is not available here."""
    problems = []
    for tool in tools:
        program = tool.split("-")[0]
        if (
            program in ("w3m", "lynx", "elinks", "links", "pandoc")
            and shutil.which(program) is None
        ):
            problems.append(f"{tool}: not on PATH (apt-get install {program})")
        if program == "trafilatura":
            try:
                import trafilatura  # noqa: F401
            except ImportError:
                problems.append("trafilatura-txt: not importable (pip install trafilatura)")
        if program == "html2text":
            try:
                import html2text  # noqa: F401
            except ImportError:
                problems.append("html2text: not importable (pip install html2text in .venv-bench)")
    return problems


def render_all(
    corpus: Path, tools: tuple[str, ...], corpora: tuple[str, ...] = ("readability", "trafilatura")
) -> dict[str, int]:
    """Render every page with every tool, skipping cached dumps; return counts per tool."""
    written = dict.fromkeys(tools, 0)
    for corpus_name, page, path in pages(corpus):
        if corpus_name not in corpora:
            continue
        data = read_page(corpus_name, path)
        # decode once to learn the charset that the text tools should be told about
        _, charset = decode_bytes(data)
        for tool in tools:
            out = DATA / tool / corpus_name / f"{page}.txt"
            if out.exists():
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            try:
                text = RENDERERS[tool](data, charset)
            except subprocess.TimeoutExpired:
                print(f"  timeout: {tool} {corpus_name}/{page}", file=sys.stderr)
                text = ""
            out.write_text(text, encoding="utf-8")
            written[tool] += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--tools",
        default=",".join(TOOLS),
        help=f"comma-separated, of {', '.join(RENDERERS)} (default: {','.join(TOOLS)})",
    )
    parser.add_argument(
        "--corpora", default="readability,trafilatura", help="which corpora to render"
    )
    args = parser.parse_args(argv)
    unknown = [t for t in args.tools.split(",") if t and t not in RENDERERS]
    if unknown:
        parser.error(f"unknown tool(s): {', '.join(unknown)}")
    tools = tuple(t for t in args.tools.split(",") if t)
    problems = missing_tools(tools)
    for problem in problems:
        print(f"SKIPPED {problem}", file=sys.stderr)
    usable = tuple(t for t in tools if not any(p.startswith(t + ":") for p in problems))
    if not usable:
        print("no rendering tool available; see the setup commands in the docstring")
        return 1
    counts = render_all(args.corpus, usable, tuple(c for c in args.corpora.split(",") if c))
    for tool in usable:
        n = len(list((DATA / tool).rglob("*.txt")))
        print(f"{tool:10} {counts[tool]:4d} rendered now, {n:4d} cached in {DATA / tool}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
