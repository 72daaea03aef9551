"""Checks that rendered Markdown carries nothing from the page: no tag, attribute or bad URL."""

from __future__ import annotations

import re

from lxml import html as lxml_html
from markdown_it import MarkdownIt

#: Tags markdown-it-py produces from Markdown syntax (commonmark preset, tables enabled).
MARKDOWN_TAGS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "blockquote",
        "pre",
        "code",
        "em",
        "strong",
        "a",
        "img",
        "br",
        "hr",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    ]
)
#: Attributes markdown-it-py itself writes.
MARKDOWN_ATTRS = frozenset({"href", "src", "alt", "title", "start", "class", "style"})
_UNSAFE_URL = re.compile(r"^\s*(?:javascript|vbscript|file):", re.IGNORECASE)
_DATA_URL = re.compile(r"^\s*data:", re.IGNORECASE)
_SAFE_DATA_IMAGE = re.compile(r"^data:image/(?:png|gif|jpeg|webp)[;,]", re.IGNORECASE)

_RENDERER = MarkdownIt("commonmark").enable("table")
# markdown-it-py refuses javascript: links on its own; a renderer that does not would still
# get our Markdown, so a second instance accepts every URL to see what we really emitted.
_TRUSTING = MarkdownIt("commonmark").enable("table")
_TRUSTING.validateLink = lambda url: True  # type: ignore[method-assign]


def unsafe_parts(markdown: str) -> list[str]:
    """Return descriptions of everything unsafe in the HTML that ``markdown`` renders to."""
    problems: list[str] = []
    for token in _TRUSTING.parse(markdown):
        for child in [token, *(token.children or [])]:
            for name in ("href", "src"):
                value = child.attrGet(name)
                if isinstance(value, str) and _UNSAFE_URL.match(value):
                    problems.append(f"Markdown emits unsafe URL {name}={value!r}")
                if (
                    isinstance(value, str)
                    and _DATA_URL.match(value)
                    and not (name == "src" and _SAFE_DATA_IMAGE.match(value))
                ):
                    problems.append(f"Markdown emits data URL {name}={value[:40]!r}")
    rendered = _RENDERER.render(markdown)
    if not rendered.strip():
        return problems
    root = lxml_html.fragment_fromstring(rendered, create_parent="div")
    for el in root.iter():
        if el is root:
            continue
        if not isinstance(el.tag, str):
            problems.append(f"comment or processing instruction: {el!r}")
            continue
        if el.tag not in MARKDOWN_TAGS:
            problems.append(f"tag <{el.tag}>")
        for name, value in el.attrib.items():
            if name not in MARKDOWN_ATTRS:
                problems.append(f"attribute {name}= on <{el.tag}>")
            if name == "class" and not (el.tag == "code" and value.startswith("language-")):
                problems.append(f"class={value!r} on <{el.tag}>")
            if name == "style" and not re.fullmatch(r"text-align:(left|right|center)", value):
                problems.append(f"style={value!r}")
            if name in ("href", "src"):
                if _UNSAFE_URL.match(value):
                    problems.append(f"unsafe URL {name}={value!r}")
                if _DATA_URL.match(value) and not (name == "src" and _SAFE_DATA_IMAGE.match(value)):
                    problems.append(f"data URL {name}={value[:40]!r}")
    return problems
