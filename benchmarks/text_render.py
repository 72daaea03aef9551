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
rather than for the one set of options the dev renderings use. Three more layouts are
written by this script itself: ``textfield`` (a scraper's text field), ``browser-copy`` (a
browser's copy-paste, the HTML spec's ``innerText`` with headings set apart) and
``innertext`` (``innerText`` to the letter).

A missing tool is reported and skipped, never installed.

An outside set laid out as ``shingle_accuracy.py`` reads it (``ground-truth.json`` and
``html/<id>.html.gz``) is rendered with the same tools and options by::

    .venv-bench/bin/python benchmarks/text_render.py --shingle-corpus DIR --out OUT

which writes ``OUT/<tool>/<id>.txt`` (outside the repository: no data of that set is kept
here); ``shingle_accuracy.py --text-renderings OUT`` scores ``parse_text`` on them.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import lxml.html

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


# --- browser copy-paste: the HTML spec's innerText algorithm ------------------------------
# What a user gets by selecting a page in a browser and pasting it, or a headless browser's
# ``innerText``. Display values are the UA stylesheet's defaults for each tag.
# Elements (and their content) a browser does not render: the UA stylesheet's
# ``display: none`` (scripting on, so <noscript> too) and replaced elements whose text is
# no rendered text (form controls, media, an <svg>'s icons and titles).
_COPY_HIDDEN = frozenset(
    {
        "head", "title", "meta", "link", "base", "script", "style", "template", "noscript",
        "noembed", "noframes", "area", "datalist", "param", "rp", "input", "textarea",
        "select", "iframe", "object", "embed", "video", "audio", "canvas", "svg", "img",
        "picture",
    }
)  # fmt: skip
# display: block (and list-item, table, table-caption): the box opens and closes a line.
_COPY_BLOCKS = frozenset(
    {
        "html", "body", "address", "article", "aside", "blockquote", "center", "details",
        "dialog", "dd", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "header", "hgroup", "hr", "legend", "li", "listing", "main", "menu",
        "nav", "ol", "optgroup", "option", "plaintext", "pre", "search", "section", "summary",
        "ul", "xmp", "table", "caption",
    }
)  # fmt: skip
# A <p> is set apart by a blank line (required line break count 2); so are headings,
# whose margins a browser's copy turns into a blank line too.
_COPY_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
# white-space: pre (the UA stylesheet's)
_COPY_PRE = frozenset({"pre", "listing", "xmp", "plaintext", "textarea"})
_DISPLAY_NONE = re.compile(r"(?:^|;)\s*display\s*:\s*none\b", re.IGNORECASE)
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")
# Stand-ins for a <pre>'s spaces and newlines, so that collapsing leaves them alone.
_PRE_SPACE, _PRE_NEWLINE, _PRE_TAB = "\x00", "\x01", "\x02"
_SENTINELS = re.compile("[\x00-\x02]")


def _copy_hidden(el: lxml.html.HtmlElement, tag: str) -> bool:
    """Return True when ``el`` is not rendered (``display: none``) or has no rendered text."""
    if tag in _COPY_HIDDEN or el.get("hidden") is not None:
        return True
    if tag == "dialog" and el.get("open") is None:
        return True
    style = el.get("style")
    return style is not None and _DISPLAY_NONE.search(style) is not None


def _closed_details(el: lxml.html.HtmlElement) -> bool:
    return el.tag == "details" and el.get("open") is None


def _last_of(el: lxml.html.HtmlElement, tags: tuple[str, ...]) -> bool:
    """Return True when no later sibling of ``el`` is one of ``tags``."""
    return all(sib.tag not in tags for sib in el.itersiblings())


def _last_row(row: lxml.html.HtmlElement) -> bool:
    """Return True when ``row`` is the last row of its table (across thead/tbody/tfoot)."""
    if not _last_of(row, ("tr",)):
        return False
    section = row.getparent()
    if section is None or section.tag not in ("thead", "tbody", "tfoot"):
        return True
    return all(
        sib.tag not in ("thead", "tbody", "tfoot") or next(sib.iter("tr"), None) is None
        for sib in section.itersiblings()
    )


def render_inner_text(data: bytes, charset: str) -> str:
    """Return the page's ``innerText`` to the letter of the HTML spec: only a ``<p>`` asks
    for a blank line around it; a heading is a block like any other, so a heading over a
    list or a ``<div>`` stands on the line right above it (``browser-copy`` gives headings
    the blank lines a selection's copy shows)."""
    return render_browser_copy(data, charset, blank_headings=False)


def render_browser_copy(data: bytes, charset: str, *, blank_headings: bool = True) -> str:
    """Return the page's text as a browser's copy-paste or ``innerText`` gives it.

    The HTML spec's rendered-text collection steps, on lxml with an explicit stack: block
    boxes on lines of their own, a blank line around a ``<p>`` and a heading, ``<br>`` a
    newline, list items one per line without a marker, table cells separated by a tab and
    rows by a newline, hidden content absent, no hard wraps, whitespace collapsed (kept in
    a ``<pre>``). A ``<q>`` keeps the quote marks a browser draws around it (generated
    content, which a selection's copy keeps).
    """
    text, _ = decode_bytes(data, encoding=charset)
    text = _SENTINELS.sub(" ", text)
    # huge_tree: libxml2 otherwise drops what lies deeper than 256 elements
    parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True)
    root = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    body = root.find("body")
    # items: text (str) or a required line break count (int)
    items: list[str | int] = []
    paragraphs = _COPY_PARAGRAPHS if blank_headings else frozenset({"p"})
    pre_depth = 0

    def add_text(value: str | None) -> None:
        if not value:
            return
        if pre_depth:
            kept = value.replace(" ", _PRE_SPACE).replace("\t", _PRE_TAB)
            items.append(kept.replace("\n", _PRE_NEWLINE))
        else:
            items.append(_COLLAPSIBLE.sub(" ", value))

    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(body if body is not None else root, True)]
    while stack:
        el, entering = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if entering:
            if not tag or _copy_hidden(el, tag):
                add_text(el.tail)  # a comment, or an element not rendered
                continue
            if tag == "br":
                items.append("\n")
                add_text(el.tail)
                continue
            if tag in paragraphs:
                items.append(2)
            elif tag in _COPY_BLOCKS or tag in _COPY_PARAGRAPHS:
                items.append(1)
            if tag in _COPY_PRE:
                pre_depth += 1
                first = el.text or ""
                # the parser drops a newline right after <pre>; lxml may keep it
                add_text(first[1:] if first.startswith("\n") else first)
            elif not _closed_details(el):
                if tag == "q":
                    items.append("\u201c")  # the quote marks a browser draws (::before)
                add_text(el.text)
            stack.append((el, False))
            children = list(el)
            if _closed_details(el):
                children = [child for child in children if child.tag == "summary"]
            stack.extend((child, True) for child in reversed(children))
        else:
            if tag in _COPY_PRE:
                pre_depth -= 1
            elif tag == "q":
                items.append("\u201d")
            if tag in ("td", "th") and not _last_of(el, ("td", "th")):
                items.append("\t")
            elif tag == "tr" and not _last_row(el):
                items.append("\n")
            if tag in paragraphs:
                items.append(2)
            elif tag in _COPY_BLOCKS or tag in _COPY_PARAGRAPHS:
                items.append(1)
            parent = el.getparent()
            if parent is None or not _closed_details(parent):
                add_text(el.tail)  # a closed <details> shows its <summary> alone
    return _join_copy_items(items)


def _join_copy_items(items: list[str | int]) -> str:
    """Return the text of innerText's items: runs of line break counts become that many
    newlines (none at either end), spaces collapse and none stands at a line's edge."""
    out: list[str] = []
    pending = 0
    for item in items:
        if isinstance(item, int):
            pending = max(pending, item)
            continue
        if not item or item == " ":
            if item and out and pending == 0:
                out.append(item)
            continue
        if pending:
            if out:
                out.append("\n" * pending)
            pending = 0
        out.append(item)
    text = "".join(out)
    text = re.sub(r" {2,}", " ", text)
    text = re.sub(r" *([\n\t]) *", r"\1", text)
    text = text.strip(" ").replace(_PRE_SPACE, " ").replace(_PRE_NEWLINE, "\n")
    text = text.replace(_PRE_TAB, "\t")
    return text.strip("\n") + "\n"


def render_pandoc_gfm(data: bytes, charset: str) -> str:
    """Return ``pandoc -t gfm`` of the page: GitHub Markdown that keeps as raw HTML what it
    cannot write (``<div>`` containers, ``<span id>``, tables with blocks in their cells)."""
    text, _ = decode_bytes(data, encoding=charset)
    return _run(
        ["pandoc", "--from", "html", "--to", "gfm", f"--columns={WIDTH_COLUMNS - 8}"],
        text.encode("utf-8"),
    )


def render_markdownify(data: bytes, charset: str) -> str:
    """Return markdownify's Markdown of the page, decoded by articlekit first (its defaults:
    "===" and "---" underlined h1 and h2, "*" bullets, escaped "_" and "*")."""
    import markdownify  # type: ignore[import-not-found,unused-ignore]

    text, _ = decode_bytes(data, encoding=charset)
    return str(markdownify.markdownify(text)) + "\n"


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
    "browser-copy": render_browser_copy,
    "innertext": render_inner_text,
    "pandoc-gfm": render_pandoc_gfm,
    "markdownify": render_markdownify,
}
VARIANTS = (
    "w3m-wide",
    "lynx-wide",
    "lynx-nolist",
    "w3m-nowrap",
    "html2text-nowrap",
    "textfield",
    "browser-copy",
    "innertext",
    "pandoc-gfm",
    "markdownify",
)


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
        if program == "markdownify":
            try:
                import markdownify  # noqa: F401
            except ImportError:
                problems.append("markdownify: not importable (pip install markdownify)")
        if program == "html2text":
            try:
                import html2text  # noqa: F401
            except ImportError:
                problems.append("html2text: not importable (pip install html2text in .venv-bench)")
    return problems


def _render_page(
    data: bytes,
    tools: tuple[str, ...],
    target: Callable[[str], Path],
    name: str,
    written: dict[str, int],
) -> None:
    """Render one page's bytes with every tool into ``target(tool)``, skipping cached
    dumps; count what was written in ``written``. ``name`` names the page in messages."""
    # decode once to learn the charset that the text tools should be told about
    _, charset = decode_bytes(data)
    for tool in tools:
        out = target(tool)
        if out.exists():
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            text = RENDERERS[tool](data, charset)
        except subprocess.TimeoutExpired:
            print(f"  timeout: {tool} {name}", file=sys.stderr)
            text = ""
        out.write_text(text, encoding="utf-8")
        written[tool] += 1


def render_all(
    corpus: Path, tools: tuple[str, ...], corpora: tuple[str, ...] = ("readability", "trafilatura")
) -> dict[str, int]:
    """Render every page with every tool, skipping cached dumps; return counts per tool."""
    written = dict.fromkeys(tools, 0)
    for corpus_name, page, path in pages(corpus):
        if corpus_name not in corpora:
            continue
        _render_page(
            read_page(corpus_name, path),
            tools,
            lambda tool, c=corpus_name, p=page: DATA / tool / c / f"{p}.txt",
            f"{corpus_name}/{page}",
            written,
        )
    return written


def shingle_pages(root: Path) -> Iterator[tuple[str, Path]]:
    """Yield ``(id, gz_path)`` for every page of an outside set (``html/<id>.html.gz``)."""
    for path in sorted((root / "html").glob("*.html.gz")):
        yield path.name.removesuffix(".html.gz"), path


def render_shingle_corpus(root: Path, out: Path, tools: tuple[str, ...]) -> dict[str, int]:
    """Render every page of the outside set ``root`` with every tool into
    ``out/<tool>/<id>.txt``, skipping cached dumps; return counts per tool."""
    written = dict.fromkeys(tools, 0)
    for key, path in shingle_pages(root):
        _render_page(
            gzip.decompress(path.read_bytes()),
            tools,
            lambda tool, k=key: out / tool / f"{k}.txt",
            key,
            written,
        )
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
    parser.add_argument(
        "--shingle-corpus",
        type=Path,
        metavar="DIR",
        help="render an outside set (ground-truth.json, html/<id>.html.gz) instead; needs --out",
    )
    parser.add_argument(
        "--out", type=Path, metavar="DIR", help="with --shingle-corpus: write DIR/<tool>/<id>.txt"
    )
    args = parser.parse_args(argv)
    if (args.shingle_corpus is None) != (args.out is None):
        parser.error("--shingle-corpus and --out go together")
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
    if args.shingle_corpus is not None:
        counts = render_shingle_corpus(args.shingle_corpus, args.out, usable)
        for tool in usable:
            n = len(list((args.out / tool).glob("*.txt")))
            print(f"{tool:10} {counts[tool]:4d} rendered now, {n:4d} cached in {args.out / tool}")
        return 0
    counts = render_all(args.corpus, usable, tuple(c for c in args.corpora.split(",") if c))
    for tool in usable:
        n = len(list((DATA / tool).rglob("*.txt")))
        print(f"{tool:10} {counts[tool]:4d} rendered now, {n:4d} cached in {DATA / tool}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
