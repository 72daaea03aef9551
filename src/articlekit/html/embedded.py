"""Articles recovered from data embedded in a page: ``recover_article`` returns blocks or None.

Pages rendered by JavaScript often carry the article inside the HTML anyway, as data for
the script that will draw it:

- JSON-LD (``<script type="application/ld+json">``) with an ``articleBody``;
- Next.js ``<script id="__NEXT_DATA__" type="application/json">``;
- Nuxt ``window.__NUXT__ = {...}`` or ``<script id="__NUXT_DATA__">`` (a flat array whose
  objects point at their values by index);
- application state assigned to a global: ``window.__INITIAL_STATE__``,
  ``__PRELOADED_STATE__``, ``__APOLLO_STATE__``, ... and any other
  ``<script type="application/json">``.

No script is ever run. A script is read only when it *is* JSON, or when it assigns a JSON
literal (``= {...}``, ``= [...]`` or ``= JSON.parse("...")``) to a global; a JavaScript
expression such as Nuxt 2's ``(function(a, b) {...})(...)`` is skipped. Scripts larger than
``MAX_SCRIPT_CHARS`` are skipped, the JSON walk is iterative with a node budget, and JSON
nested too deeply for the parser is skipped, so a hostile page cannot hang or crash it.

In the data, two shapes are recognised:

1. a string under a body-like key (``articleBody``, ``body``, ``content``, ``html``,
   ``text``, ``rendered``, ...) that reads as prose; HTML in it (``<p>``, ``<h2>``,
   ``<ul>``, ...) becomes paragraphs, headings, lists and quotes, plain text becomes one
   paragraph per blank-line (or line) separated run;
2. an array of node objects as rich-text editors and headless CMSs store them:
   ``{"type": "paragraph", "text": ...}``, ``{"type": "heading", "level": 2, ...}``,
   Contentful's ``nodeType``/``content``/``value``, Sanity's ``_type: "block"`` with
   ``style: "h2"`` and ``children`` spans, Editor.js ``{"type": "header", "data": {...}}``,
   WordPress blocks ``{"name": "core/paragraph", "attributes": {...}}``.

The candidate with the most text wins; JSON-LD ``articleBody`` is preferred when it is
at least as long. Every block carries a provenance path: the script element's path and the
JSON path inside it, e.g. ``/html/body/script[3]#props.pageProps.post.body``.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from typing import Any

import attrs
import lxml.etree
import lxml.html

from articlekit._chars import replace_controls, replace_surrogates
from articlekit.html.tree import text_of
from articlekit.model import (
    Block,
    Code,
    CodeBlock,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    List,
    ListItem,
    Paragraph,
    Provenance,
    Quote,
    Strong,
    Text,
    plain_text,
)

__all__ = [
    "MAX_SCRIPT_CHARS",
    "MIN_EMBEDDED_CHARS",
    "EmbeddedArticle",
    "embedded_kinds",
    "embedded_text_chars",
    "find_embedded",
    "recover_article",
]

#: Scripts longer than this (characters) are not parsed: 5 MB holds any real article's
#: state while keeping the worst case of one page to a fraction of a second.
MAX_SCRIPT_CHARS = 5_000_000
#: A candidate needs this much text to count as an article (a teaser or a description is
#: shorter; the shortest dev-corpus article bodies are ~400 characters).
MIN_EMBEDDED_CHARS = 250
#: JSON values visited per script at most.
MAX_WALK_NODES = 400_000
#: Deepest inline markup converted as structure; deeper markup is kept as its text.
MAX_INLINE_DEPTH = 40

_BODY_KEYS = frozenset(
    {
        "articlebody",
        "article_body",
        "body",
        "bodyhtml",
        "body_html",
        "bodytext",
        "content",
        "contenthtml",
        "content_html",
        "contents",
        "html",
        "text",
        "fulltext",
        "full_text",
        "maintext",
        "storytext",
        "story",
        "rendered",
        "value",
        "markdown",
    }
)
_TYPE_KEYS = ("type", "_type", "nodeType", "blockType", "__typename", "kind", "name", "tag")
_TEXT_KEYS = ("text", "value", "content", "html", "body", "plaintext", "plain_text")
_CHILD_KEYS = ("children", "content", "contents", "spans", "nodes", "elements", "items")
_HTML_HINT = re.compile(r"<(?:p|div|h[1-6]|br|ul|ol|li|blockquote|strong|em|b|i|a|span)\b", re.I)
# Names are bounded (64 characters) and must start a word: an unbounded ``[\w$]*`` scanned a
# megabyte-long identifier once per starting position (quadratic; found by the robustness
# run on a page whose 1 MB class attribute ended up inside a <script>).
_ASSIGNMENT = re.compile(
    r"(?:\b(?:window|self|globalThis)\s*\.\s*|\b(?:var|let|const)\s+)?"
    r"(?<![\w$])(__[A-Za-z0-9_]{1,60}__|[A-Za-z_$][\w$]{0,60}?(?:STATE|State|DATA|Data|PROPS|Props))"
    r"\s*=\s*(?=[\[{]|JSON\.parse\s*\()"
)
# The same assignments found from their "=" (a literal the engine skips to) and the name
# read back from it, where ``_ASSIGNMENT`` was tried at every character of every script
# (~1,000 instructions a character: 2.5 ms for the 10 kB of a page's analytics snippets).
# A name is its whole identifier (the look-behind), so the one before the "=" and the white
# space is the only one a match can have; see _assignments.
_ASSIGNED_VALUE = re.compile(r"=\s*(?=[\[{]|JSON\.parse\s*\()")
_ASSIGNED_NAME = re.compile(
    r"(?<![\w$])(?:__[A-Za-z0-9_]{1,60}__|[A-Za-z_$][\w$]{0,60}?(?:STATE|State|DATA|Data|PROPS|Props))\Z"
)
# The longest name either branch takes (1 + 60 + 5 characters).
_MAX_ASSIGNED_NAME = 66
_JSON_PARSE = re.compile(r"JSON\.parse\s*\(\s*")
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)")
_HEADING_STYLE = re.compile(r"(?:^|[-_/ ])h(?:eading)?[-_ ]?([1-6])$|^h([1-6])$", re.I)


@attrs.frozen(kw_only=True)
class EmbeddedArticle:
    """An article found in embedded data: its blocks, where it was and how much text it has.

    ``kind`` is ``jsonld``, ``next-data``, ``nuxt``, ``state`` (a global assigned in a
    script) or ``json`` (another ``application/json`` script); ``path`` is the script's
    element path and the JSON path inside it.
    """

    kind: str
    path: str
    blocks: tuple[Block, ...]
    text_chars: int


# --------------------------------------------------------------------------- scripts


def _scripts(root: Any) -> Iterator[tuple[str, str, Any]]:
    """Yield (kind, script element path, parsed JSON) for every script holding JSON data."""
    tree = root.getroottree()
    for script in root.iter("script"):
        source = script.text or ""
        if not source.strip() or len(source) > MAX_SCRIPT_CHARS:
            continue
        kind_attr = (script.get("type") or "").strip().lower()
        ident = (script.get("id") or "").strip()
        where = tree.getpath(script)
        if kind_attr == "application/ld+json":
            data = _loads(source)
            if data is not None:
                yield "jsonld", where, data
        elif ident == "__NEXT_DATA__":
            data = _loads(source)
            if data is not None:
                yield "next-data", where, data
        elif ident == "__NUXT_DATA__":
            data = _loads(source)
            if data is not None:
                yield "nuxt", where, data
        elif kind_attr == "application/json" or kind_attr.endswith("+json"):
            data = _loads(source)
            if data is not None:
                yield "json", where, data
        elif kind_attr in ("", "text/javascript", "application/javascript", "module"):
            for name, data in _assigned_json(source):
                kind = "nuxt" if name == "__NUXT__" else "state"
                yield kind, f"{where}#{name}", data


def _loads(source: str) -> Any:
    """Return the parsed JSON, or None when it is not JSON (or nested beyond the parser)."""
    try:
        return json.loads(source)
    except (ValueError, RecursionError):
        return None


def _assigned_json(source: str) -> Iterator[tuple[str, Any]]:
    """Yield (name, value) for each JSON literal a script assigns to a global name."""
    decoder = json.JSONDecoder()
    for name, start in _assignments(source):
        try:
            if source.startswith("JSON.parse", start):
                call = _JSON_PARSE.match(source, start)
                if call is None or source[call.end() : call.end() + 1] != '"':
                    continue  # single-quoted or computed argument: not JSON
                text, _end = decoder.raw_decode(source, call.end())
                if not isinstance(text, str):
                    continue
                value = json.loads(text)
            else:
                value, _end = decoder.raw_decode(source, start)
        except (ValueError, RecursionError):
            continue  # a JavaScript object literal, not JSON: never evaluated
        yield name, value


def _assignments(source: str) -> Iterator[tuple[str, int]]:
    """Yield (name, end) for each match of :data:`_ASSIGNMENT` in ``source``, in order: its
    name and where its value starts, as ``finditer`` gives them.

    Each "=" before a JSON value (:data:`_ASSIGNED_VALUE`) is a candidate; its name is the
    identifier that ends just before it and the white space before it, whole (the
    look-behind): :data:`_ASSIGNED_NAME` read back from there. The optional ``window.`` or
    ``var`` before a name changes where a match starts, never its name or its end; two
    matches never share characters (a name cannot start in the "=" and white space of the
    match before it), so the candidates give the matches of ``finditer`` one for one.
    """
    for found in _ASSIGNED_VALUE.finditer(source):
        end = found.start()
        while end and source[end - 1].isspace():  # (``\s`` is ``str.isspace``)
            end -= 1
        name = _ASSIGNED_NAME.search(source, max(0, end - _MAX_ASSIGNED_NAME), end)
        if name is not None:
            yield name.group(0), found.end()


# --------------------------------------------------------------------------- walking


@attrs.define
class _Best:
    article: EmbeddedArticle | None = None

    def offer(self, candidate: EmbeddedArticle) -> None:
        current = self.article
        if (
            current is None
            or candidate.text_chars > current.text_chars
            or (
                candidate.kind == "jsonld"
                and current.kind != "jsonld"
                and candidate.text_chars >= current.text_chars
            )
        ):
            self.article = candidate


def _walk(kind: str, where: str, data: Any, best: _Best, *, min_chars: int) -> None:
    """Offer every article-like value in ``data`` to ``best`` (iterative, bounded)."""
    refs = data if kind == "nuxt" and isinstance(data, list) else None
    seen_refs: set[int] = set()
    lookup = _ref_tables(data)
    # (value, JSON path, key it stands under)
    stack: list[tuple[Any, str, str]] = [(data, "", "")]
    budget = MAX_WALK_NODES
    while stack and budget > 0:
        budget -= 1
        value, path, key = stack.pop()
        if _NOT_ARTICLE_KEY.search(key):
            continue  # comments, teasers and related items are never the article
        if isinstance(value, str):
            if key.lower() in _BODY_KEYS and len(value) >= min_chars:
                blocks = _string_blocks(value, f"{where}#{path}")
                _offer(best, kind, where, path, blocks, min_chars)
        elif isinstance(value, dict):
            plural = _plural(value, lookup) if "__refs" in value else None
            if plural is not None:  # Relay's plural link: {"__refs": [...]}
                stack.append((plural, path, key))
                continue
            if kind == "jsonld" and isinstance(value.get("articleBody"), str):
                body = value["articleBody"]
                sub = f"{path}.articleBody" if path else "articleBody"
                _offer(best, kind, where, sub, _string_blocks(body, f"{where}#{sub}"), min_chars)
            for name, item in list(value.items())[::-1]:
                if not isinstance(name, str):
                    continue
                if refs is not None and isinstance(item, int) and not isinstance(item, bool):
                    # Nuxt's flat payload: an object's values are indexes into the array.
                    if 0 <= item < len(refs) and item not in seen_refs:
                        seen_refs.add(item)
                        item = refs[item]
                    else:
                        continue
                if isinstance(item, (dict, list, str)):
                    stack.append((item, f"{path}.{name}" if path else name, name))
        elif isinstance(value, list):
            if len(value) >= 2 and any(isinstance(item, (dict, list)) for item in value[:50]):
                nodes = _node_list_blocks(value, f"{where}#{path}", lookup)
                if nodes:
                    _offer(best, kind, where, path, nodes, min_chars)
            for index in range(len(value) - 1, -1, -1):
                item = value[index]
                if isinstance(item, (dict, list)) or (refs is None and isinstance(item, str)):
                    stack.append((item, f"{path}[{index}]", key))


_NOT_ARTICLE_KEY = re.compile(
    r"comment|related|recommend|teaser|excerpt|promo|newsletter|footer|navigation|menu",
    re.IGNORECASE,
)
#: Keys of normalised client caches (Apollo, Relay, urql): "Type:id" or "$Type:id.path".
_REF_KEY = re.compile(r"^\$?[A-Za-z_][\w]*:")


def _ref_tables(data: Any) -> dict[str, Any]:
    """Return the merged record tables of normalised client caches found in ``data``.

    Apollo, Relay and similar caches store each object once under a ``"Type:id"`` key and
    refer to it as ``{"__ref": key}`` (or ``{"type": "id", "id": key}``); resolving those
    references lets an article body spread over many records be read in order.
    """
    tables: dict[str, Any] = {}
    stack: list[tuple[Any, int]] = [(data, 0)]
    budget = MAX_WALK_NODES // 4
    while stack and budget > 0:
        budget -= 1
        value, depth = stack.pop()
        if not isinstance(value, dict) or depth > 6:
            continue
        keys = [k for k in value if isinstance(k, str)]
        refs = sum(1 for k in keys if _REF_KEY.match(k))
        if depth == 0 or (refs >= 3 and refs >= 0.1 * len(keys)):
            # The root of a state object is the usual record table; deeper, a table is a
            # dict whose keys include "Type:id" records.
            tables.update(value)
        stack.extend((item, depth + 1) for item in value.values() if isinstance(item, dict))
    return tables


def _resolve(node: Any, lookup: dict[str, Any]) -> Any:
    """Return the record a cache reference points at, or ``node`` itself."""
    if isinstance(node, dict) and lookup:
        ref = node.get("__ref")
        if not isinstance(ref, str) and node.get("type") == "id":
            ref = node.get("id")
        if isinstance(ref, str) and ref in lookup:
            return lookup[ref]
    return node


def _plural(value: Any, lookup: dict[str, Any]) -> list[Any] | None:
    """Return ``value`` as a list of nodes (resolving Relay's ``{"__refs": [...]}``), or None."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and isinstance(value.get("__refs"), list):
        return [lookup.get(ref) for ref in value["__refs"] if isinstance(ref, str)]
    return None


def _offer(
    best: _Best, kind: str, where: str, path: str, blocks: list[Block], min_chars: int
) -> None:
    if not blocks:
        return
    chars = sum(len(plain_text(block)) for block in blocks)
    if chars < min_chars:
        return
    prose = " ".join(plain_text(block) for block in blocks)
    if not _reads_as_prose(prose):
        return
    best.offer(
        EmbeddedArticle(kind=kind, path=f"{where}#{path}", blocks=tuple(blocks), text_chars=chars)
    )


def _reads_as_prose(text: str) -> bool:
    """Return True when ``text`` reads like sentences, not code, data, URLs or a word list."""
    sample = text[:5000]
    if not sample.strip():
        return False
    letters = sum(1 for ch in sample if ch.isalpha() or ch.isspace())
    if letters < 0.75 * len(sample):
        return False
    lowered = sample.lower()
    if "function(" in lowered or "function (" in lowered or "=>" in sample:
        return False
    wide = sum(1 for ch in sample if ch >= "\u2e80")
    words = len(sample.split()) + wide // 2
    return words >= 30 and len(_SENTENCE_END.findall(sample)) >= 2


# --------------------------------------------------------------------------- strings


def _clean(text: str) -> str:
    """Return ``text`` without what JSON can carry but text must not: lone surrogates
    (replaced by U+FFFD) and control characters other than tab and line ends (as
    everywhere: :func:`articlekit._chars.replace_controls`)."""
    return replace_controls(replace_surrogates(text))


def _string_blocks(value: str, where: str) -> list[Block]:
    """Return the blocks of a body string: HTML markup if it has some, else plain text."""
    value = _clean(value)
    if _HTML_HINT.search(value):
        return html_fragment_blocks(value, where)
    text = html_lib.unescape(value) if "&" in value else value
    return _text_blocks(text, where)


def _text_blocks(text: str, where: str) -> list[Block]:
    """Return one paragraph per blank-line separated run (per line when there are none)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pieces = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    provenance = Provenance(path=where)
    out: list[Block] = []
    for piece in pieces:
        clean = _SPACE.sub(" ", piece).strip()
        if clean:
            out.append(Paragraph(content=(Text(text=clean),), provenance=provenance))
    return out


_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "aside", "figure", "body"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table"}
    | {"hr", "figcaption", "dl", "dd", "dt", "form", "nav", "html"}
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "button"})


def html_fragment_blocks(markup: str, where: str) -> list[Block]:
    """Return the blocks of an HTML fragment (paragraphs, headings, lists, quotes, code).

    Minimal on purpose: it is for article bodies stored as HTML strings, not for pages.
    Elements it does not know contribute their text.
    """
    try:
        container = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _text_blocks(re.sub(r"<[^>]*>", " ", markup), where)
    provenance = Provenance(path=where)
    out: list[Block] = []
    run: list[Inline] = []

    def flush() -> None:
        content = _trim(run)
        if content:
            out.append(Paragraph(content=content, provenance=provenance))
        run.clear()

    # Iterative over block containers: (element iterator) stack.
    stack: list[Iterator[Any]] = [iter([container])]
    first = True
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        if first:  # the synthetic container: descend into it, with its text
            first = False
            _inline_text(el.text, run)
            stack.append(iter(el))
            continue
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _SKIP_TAGS or not tag:
            _inline_text(el.tail, run)
            continue
        if tag not in _BLOCK_TAGS:
            run.extend(_inlines(el, 0))
            _inline_text(el.tail, run)
            continue
        flush()
        block = _known_block(tag, el, provenance)
        if block is not None:
            if _has_text(block):
                out.append(block)
        elif tag != "hr":
            # A generic container: its own text, then its children, then its tail.
            _inline_text(el.text, run)
            stack.append(_then_tail(el, run))
            continue
        _inline_text(el.tail, run)
    flush()
    return out


def _then_tail(el: Any, run: list[Inline]) -> Iterator[Any]:
    """Yield ``el``'s children, then add its tail to ``run`` (keeps text in page order)."""
    yield from el
    _inline_text(el.tail, run)


def _known_block(tag: str, el: Any, provenance: Provenance) -> Block | None:
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return Heading(level=int(tag[1]), content=_inlines_of(el), provenance=provenance)
    if tag == "p":
        return Paragraph(content=_inlines_of(el), provenance=provenance)
    if tag in ("ul", "ol"):
        items = []
        for li in el.iterchildren("li"):
            content = _inlines_of(li)
            if content:
                items.append(ListItem(blocks=(Paragraph(content=content),)))
        if not items:
            return Paragraph(content=_inlines_of(el), provenance=provenance)
        return List(ordered=tag == "ol", items=items, provenance=provenance)
    if tag == "blockquote":
        content = _inlines_of(el)
        return Quote(blocks=(Paragraph(content=content),), provenance=provenance)
    if tag == "pre":
        code = text_of(el)
        return CodeBlock(code=code, provenance=provenance) if code.strip() else None
    if tag in ("li", "figcaption", "dd", "dt"):
        return Paragraph(content=_inlines_of(el), provenance=provenance)
    return None


def _has_text(block: Block) -> bool:
    return bool(plain_text(block).strip())


def _inlines_of(el: Any) -> tuple[Inline, ...]:
    out: list[Inline] = []
    _inline_text(el.text, out)
    for child in el:
        out.extend(_inlines(child, 0))
        _inline_text(child.tail, out)
    return _trim(out)


def _inlines(el: Any, depth: int) -> list[Inline]:
    """Return the inlines of an inline element (its tail excluded)."""
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if not tag or tag in _SKIP_TAGS:
        return []
    if tag == "br":
        return [LineBreak()]
    if tag == "code":
        code = text_of(el)
        return [Code(code=code)] if code else []
    if depth >= MAX_INLINE_DEPTH:
        out: list[Inline] = []
        _inline_text(text_of(el), out)
        return out
    inner: list[Inline] = []
    _inline_text(el.text, inner)
    for child in el:
        inner.extend(_inlines(child, depth + 1))
        _inline_text(child.tail, inner)
    if not inner:
        return []
    if tag in ("em", "i"):
        return [Emphasis(content=inner)]
    if tag in ("strong", "b"):
        return [Strong(content=inner)]
    if tag == "a" and (el.get("href") or "").strip():
        return [Link(url=el.get("href").strip(), content=inner)]
    return inner


def _inline_text(text: str | None, out: list[Inline]) -> None:
    if not text:
        return
    clean = _SPACE.sub(" ", text)
    if out and isinstance(out[-1], Text):
        merged = out[-1].text + clean
        out[-1] = Text(text=_SPACE.sub(" ", merged))
    else:
        out.append(Text(text=clean))


def _trim(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Return ``inlines`` without leading/trailing spaces and empty texts."""
    items = [i for i in inlines if not (isinstance(i, Text) and not i.text)]
    while items and isinstance(items[0], LineBreak):
        items.pop(0)
    while items and isinstance(items[-1], LineBreak):
        items.pop()
    if items and isinstance(items[0], Text):
        head = items[0].text.lstrip()
        items[0] = Text(text=head)
        if not head:
            items.pop(0)
    if items and isinstance(items[-1], Text):
        tail = items[-1].text.rstrip()
        items[-1] = Text(text=tail)
        if not tail:
            items.pop()
    if not plain_text(items).strip():
        return ()
    return tuple(items)


# --------------------------------------------------------------------------- node arrays


def _node_type(node: dict[str, Any]) -> tuple[str, str]:
    """Return (type name lowercased, style) of a rich-text node object."""
    kind = ""
    for key in _TYPE_KEYS:
        value = node.get(key)
        if isinstance(value, str) and value.strip():
            kind = value.strip().lower()
            break
    style = node.get("style")
    if not isinstance(style, str):
        attrs_value = node.get("attrs") or node.get("attributes") or {}
        style = attrs_value.get("style") if isinstance(attrs_value, dict) else None
    return kind, style.lower() if isinstance(style, str) else ""


def _role(kind: str, style: str) -> str | None:
    """Return ``heading``, ``paragraph``, ``list``, ``quote`` or None for a node type."""
    if _HEADING_STYLE.search(style) or style in ("title", "subtitle"):
        return "heading"
    if style in ("blockquote", "quote"):
        return "quote"
    name = kind.rsplit("/", 1)[-1]  # "core/paragraph" -> "paragraph"
    if "heading" in name or name in ("header", "subheading", "subhead", "crosshead", "h"):
        return "heading"
    if _HEADING_STYLE.search(name):
        return "heading"
    if "paragraph" in name or name in ("p", "para", "text", "block", "normal", "richtext"):
        return "paragraph"
    if "quote" in name:
        return "quote"
    if "list" in name and "item" not in name:
        return "list"
    return None


def _level(node: dict[str, Any], kind: str, style: str) -> int:
    for source in (node, node.get("attrs"), node.get("attributes"), node.get("data")):
        if isinstance(source, dict):
            level = source.get("level")
            if isinstance(level, int) and not isinstance(level, bool):
                return max(1, min(6, level))
            if isinstance(level, str) and level.isdigit():
                return max(1, min(6, int(level)))
    for text in (style, kind):
        found = _HEADING_STYLE.search(text) or re.search(r"h(?:eading)?[-_ ]?([1-6])", text)
        if found:
            digit = next(g for g in found.groups() if g)
            return int(digit)
    return 2


def _node_text(node: dict[str, Any], lookup: dict[str, Any]) -> str:
    """Return the text of a rich-text node: its text field, or its children's text joined."""
    for holder in (node, node.get("data"), node.get("attributes"), node.get("attrs")):
        if isinstance(holder, dict):
            for key in _TEXT_KEYS:
                value = holder.get(key)
                if isinstance(value, str) and value.strip():
                    return value
    parts: list[str] = []
    stack: list[Any] = [node]
    budget = 5000
    while stack and budget:
        budget -= 1
        item = _resolve(stack.pop(), lookup)
        if isinstance(item, dict):
            for key in ("text", "value", "content"):
                value = item.get(key)
                if isinstance(value, str):
                    parts.append(value)
                    break
            else:
                for key in _CHILD_KEYS:
                    children = _plural(item.get(key), lookup)
                    if children is not None:
                        stack.extend(reversed(children))
                        break
        elif isinstance(item, str):
            parts.append(item)
    return "".join(parts)


def _list_items(node: dict[str, Any], lookup: dict[str, Any]) -> list[str]:
    items: Any = None
    for holder in (node.get("data"), node.get("attributes"), node):
        if isinstance(holder, dict):
            for key in ("items", "values", "children", "content"):
                if isinstance(holder.get(key), list):
                    items = holder[key]
                    break
        if items is not None:
            break
    texts: list[str] = []
    for item in items or ():
        if isinstance(item, str):
            texts.append(item)
        elif isinstance(item, dict):
            texts.append(_node_text(_resolve(item, lookup), lookup))
    return [t for t in texts if t.strip()]


def _rich_inlines(text: str, where: str) -> tuple[Inline, ...]:
    """Return inlines for a node's text, which editors often store with inline HTML."""
    text = _clean(text)
    if _HTML_HINT.search(text):
        blocks = html_fragment_blocks(text, where)
        inlines: list[Inline] = []
        for block in blocks:
            if inlines:
                inlines.append(Text(text=" "))
            if isinstance(block, (Paragraph, Heading)):
                inlines.extend(block.content)
            else:
                inlines.append(Text(text=plain_text(block)))
        return _trim(inlines)
    clean = _SPACE.sub(" ", html_lib.unescape(text) if "&" in text else text).strip()
    return (Text(text=clean),) if clean else ()


_JSONML_ROLES = {
    "p": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "blockquote": "quote",
    "ul": "list",
    "ol": "list",
}


def _jsonml_node(node: list[Any]) -> dict[str, Any] | None:
    """Return a JsonML element (``["p", {attrs}, "text", ["a", ...]]``) as a node object."""
    if not node or not isinstance(node[0], str) or node[0].lower() not in _JSONML_ROLES:
        return None
    tag = node[0].lower()
    items: list[str] = []
    text = _jsonml_text(node, items if tag in ("ul", "ol") else None)
    return {"type": tag, "text": text, "items": items, "ordered": tag == "ol"}


def _jsonml_text(node: list[Any], items: list[str] | None = None) -> str:
    """Return the text of a JsonML element (its strings, nested ones too, in order; at
    most 5000 parts read). With ``items``, each ``li`` child's text goes there instead."""
    parts: list[str] = []
    stack: list[Any] = list(reversed(node[1:]))
    budget = 5000
    while stack and budget:
        budget -= 1
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, list):
            if items is not None and item and item[0] == "li":
                items.append(_jsonml_text(item))
            else:
                stack.extend(reversed(item[1:]))
    return "".join(parts)


def _node_list_blocks(nodes: list[Any], where: str, lookup: dict[str, Any]) -> list[Block]:
    """Return blocks for an array of rich-text nodes, or [] when it is not one."""
    provenance = Provenance(path=where)
    out: list[Block] = []
    known = dicts = 0
    for raw in nodes:
        node = _resolve(raw, lookup)
        if isinstance(node, list):
            node = _jsonml_node(node)
        if not isinstance(node, dict):
            continue
        dicts += 1
        kind, style = _node_type(node)
        role = _role(kind, style)
        if role is None:
            continue
        known += 1
        if role == "list":
            texts = _list_items(node, lookup)
            items = [ListItem(blocks=(Paragraph(content=_rich_inlines(t, where)),)) for t in texts]
            items = [item for item in items if plain_text(item).strip()]
            if items:
                ordered = "ordered" in kind or style == "ordered" or node.get("ordered") is True
                out.append(List(ordered=bool(ordered), items=items, provenance=provenance))
            continue
        content = _rich_inlines(_node_text(node, lookup), where)
        if not content:
            continue
        if role == "heading":
            level = _level(node, kind, style)
            out.append(Heading(level=level, content=content, provenance=provenance))
        elif role == "quote":
            out.append(Quote(blocks=(Paragraph(content=content),), provenance=provenance))
        else:
            out.append(Paragraph(content=content, provenance=provenance))
    # Most objects must be text nodes, and at least two must be paragraphs.
    paragraphs = sum(1 for block in out if isinstance(block, Paragraph))
    if dicts == 0 or known < 0.5 * dicts or paragraphs < 2:
        return []
    return out


# --------------------------------------------------------------------------- public


def find_embedded(root: Any, *, min_chars: int = MIN_EMBEDDED_CHARS) -> EmbeddedArticle | None:
    """Return the richest article found in the page's embedded data, or None.

    ``root`` is the lxml tree of the whole page, scripts still in it. Never runs a script.
    """
    best = _Best()
    for kind, where, data in _scripts(root):
        _walk(kind, where, data, best, min_chars=min_chars)
    return best.article


def recover_article(root: Any, *, min_chars: int = MIN_EMBEDDED_CHARS) -> tuple[Block, ...] | None:
    """Return the article's blocks recovered from embedded data, or None when none is found.

    Call it on the untouched page (before scripts are stripped) when the visible markup
    gave little text, and keep whichever has more text.
    """
    found = find_embedded(root, min_chars=min_chars)
    return found.blocks if found is not None else None


def embedded_text_chars(root: Any) -> int:
    """Return how many characters of article text the embedded data holds (0 when none)."""
    found = find_embedded(root)
    return found.text_chars if found is not None else 0


def embedded_kinds(root: Any) -> tuple[str, ...]:
    """Return the kinds of embedded data present in the page (``jsonld``, ``next-data``, ...).

    Presence only: a kind is listed even when it holds no article.
    """
    return tuple(dict.fromkeys(kind for kind, _where, _data in _scripts(root)))
