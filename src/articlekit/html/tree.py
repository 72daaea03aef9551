"""One lxml tree per page: hardened parsing, BeautifulSoup interop and small tree helpers.

The parser never touches the network, never expands entities beyond HTML's own, and keeps
libxml2's limits on (``huge_tree`` only when asked), so a hostile page cannot make it
fetch, balloon or hang. libxml2 caps HTML nesting at 256 levels and, past that depth,
stops reading the page: everything after the first too-deep element would be lost. When
that happens, the markup is flattened (:func:`flatten_deep_markup`: tags nested deeper
than :data:`FLATTEN_DEPTH` are dropped, their text kept) and parsed again, so a deep page
keeps all of its text and every walk the extractor makes stays bounded.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any, Final
from urllib.parse import quote, urljoin, urlsplit

import lxml.html
from lxml import etree

from articlekit._chars import CONTROLS, replace_controls, replace_surrogates
from articlekit.decode import utf8_prefix
from articlekit.errors import ParseError, UnsupportedInputError

__all__ = [
    "adopt_markup_after_end",
    "base_url",
    "collapse_ws",
    "flatten_deep_markup",
    "image_source",
    "is_lazy_placeholder",
    "join_url",
    "make_parser",
    "marks_streamed_parts",
    "parse_tree",
    "parse_tree_utf8",
    "picture_key",
    "place_streamed_segments",
    "resolve_url",
    "return_free_memory",
    "text_of",
    "tree_from_soup",
]

# Control characters that are not allowed in XML text (lxml refuses them in str input);
# browsers drop NUL and render the rest as nothing visible.
_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*>", re.IGNORECASE)
_LAZY_ATTRS = (
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
)
_SRCSET_ATTRS = ("data-srcset", "data-lazy-srcset", "srcset")
_LAZY_SRCSET_ATTRS = ("data-srcset", "data-lazy-srcset")


def make_parser(*, huge_tree: bool = False) -> lxml.html.HTMLParser:
    """Return a hardened lxml HTML parser (no network, comments removed, limits on)."""
    parser = lxml.html.HTMLParser(  # type: ignore[call-arg]  # stubs lag behind lxml 5
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=huge_tree,
        collect_ids=False,
        default_doctype=False,
    )
    # lxml.html's own lookup is a Python method called for every element proxy (~6% of
    # parse_html's time in a profile of 150 pages); the extractor never uses the form-field
    # classes it picks, so a C-level lookup giving HtmlElement everywhere does the same job.
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    return parser


_PARSER = make_parser()
_HUGE_PARSER = make_parser(huge_tree=True)


def parse_tree(text: str, *, huge_tree: bool = False) -> lxml.html.HtmlElement:
    """Return the root ``<html>`` element of ``text`` parsed with the hardened parser.

    Raises :class:`UnsupportedInputError` for a page with no markup or text at all and
    :class:`ParseError` when libxml2 gives up.
    """
    if not text.strip():
        raise UnsupportedInputError("input is empty (no text)")
    if text.lstrip()[:5].lower() == "<?xml":
        text = _XML_DECL.sub("", text, count=1)
    if "\x00" in text:
        # browsers drop NUL; other control characters pass through libxml2 harmlessly
        text = text.replace("\x00", "")
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from a lossy decoder
        data = replace_surrogates(text).encode("utf-8")
    return _parse_bytes(data, huge_tree=huge_tree)


# Characters of a UTF-8 page read as text to check its start (blank? an XML declaration?).
_HEAD_CHARS = 4096


def parse_tree_utf8(data: bytes, *, huge_tree: bool = False) -> lxml.html.HtmlElement:
    """Return :func:`parse_tree` of ``data.decode("utf-8")`` without building that text.

    ``data`` must be valid UTF-8 (see :func:`articlekit.decode.utf8_reading`). The page's
    text would take 1, 2 or 4 bytes per character beside the tree, and encoding it back
    for libxml2 another copy: a large page is parsed from its own bytes instead.
    """
    whole = len(data) <= _HEAD_CHARS
    head = utf8_prefix(data, _HEAD_CHARS)
    if not head.strip() and not whole:
        return parse_tree(data.decode("utf-8"), huge_tree=huge_tree)  # a blank start
    if not head.strip():
        raise UnsupportedInputError("input is empty (no text)")
    start = head.lstrip()[:5]
    if len(start) < 5 and not whole:
        return parse_tree(data.decode("utf-8"), huge_tree=huge_tree)
    if start.lower() == "<?xml":
        declaration = _XML_DECL.match(head)
        if (declaration is None or declaration.end() == len(head)) and not whole:
            return parse_tree(data.decode("utf-8"), huge_tree=huge_tree)  # may end further on
        if declaration is not None:
            data = data[len(head[: declaration.end()].encode("utf-8")) :]
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")  # as parse_tree does (NUL is one byte in UTF-8)
    return _parse_bytes(data, huge_tree=huge_tree)


def _parse_bytes(data: bytes, *, huge_tree: bool) -> lxml.html.HtmlElement:
    parser = _HUGE_PARSER if huge_tree else _PARSER
    try:
        root = etree.fromstring(data, parser=parser)
        if _stopped_too_deep(parser):
            # libxml2 stopped at its depth limit and dropped the rest of the page
            root = etree.fromstring(flatten_deep_markup(data), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"cannot parse HTML: {exc}") from exc
    if root is None:
        raise UnsupportedInputError("input has no HTML content")
    if not isinstance(root, lxml.html.HtmlElement):  # pragma: no cover - parser class
        raise ParseError("HTML parser returned no element tree")
    if root.getnext() is not None:  # markup after </html>: rare, one call to find out
        adopt_markup_after_end(root)
    return root


def adopt_markup_after_end(root: lxml.html.HtmlElement) -> None:
    """Move what a page holds after its ``</html>`` into the body, as browsers do.

    A page whose header template closes the document early (``</body></html>`` and then
    the article) is shown whole by a browser: markup after the end tags goes on in the
    body. libxml2 gives it another ``<html>`` element beside the root instead, where no
    walk of the root sees it, so the article was lost. Comments and processing
    instructions are removed by the parser, so any sibling is such an element.
    """
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    head = root.find("head")
    for sibling in list(root.itersiblings()):
        if not isinstance(sibling.tag, str):  # pragma: no cover - the parser drops them
            continue
        _add_text_at_end(body, sibling.text)
        sibling.text = None
        for child in list(sibling):
            if child.tag == "body" or (child.tag == "head" and head is None):
                _add_text_at_end(body, child.text)
                body.extend(list(child))
                _add_text_at_end(body, child.tail)
                sibling.remove(child)
            elif child.tag == "head" and head is not None:
                head.extend(list(child))
                _add_text_at_end(body, child.tail)
                sibling.remove(child)
            else:
                body.append(child)  # moves it, with its tail
        _add_text_at_end(body, sibling.tail)
        sibling.tail = None


# Characters lxml refuses in text set from Python (C0 controls but tab, newline and
# carriage return; the two non-characters U+FFFE and U+FFFF), though its HTML parser keeps
# them in the text it reads. Invisible in a browser: moved text goes without them.
_NOT_XML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _add_text_at_end(parent: etree._Element, text: str | None) -> None:
    """Add ``text`` after the last thing inside ``parent`` (its last child's tail),
    without the characters lxml cannot set (:data:`_NOT_XML_TEXT`)."""
    if not text:
        return
    text = _NOT_XML_TEXT.sub("", text)
    last = parent[-1] if len(parent) else None
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def marks_streamed_parts(markup: str | bytes) -> bool:
    """Return True when ``markup`` may hold parts of a page React streamed after the rest
    (an ``id="S:..."``; see :func:`place_streamed_segments`). Two memory searches."""
    if isinstance(markup, str):
        return 'id="S:' in markup or "id='S:" in markup
    return b'id="S:' in markup or b"id='S:" in markup


# React's streaming server renderer sends a page in parts: what is ready first, with an
# empty <template id="B:0"> (a pending boundary) or <template id="P:1"> (a pending
# segment) where a part that is not ready goes; each part follows later, at the end of
# the page, in a hidden box <div hidden id="S:0">, and a script call ($RC("B:0","S:0"),
# $RS("S:1","P:1")) moves it into its place. The ids are hexadecimal counters.
_SEGMENT_ID: Final = re.compile(r"S:[0-9a-f]+\Z")
_BOUNDARY_CALL: Final = re.compile(r'\$R[CR]\(\s*"(B:[0-9a-f]+)"\s*,\s*"(S:[0-9a-f]+)"')
_SEGMENT_CALL: Final = re.compile(r'\$RS\(\s*"(S:[0-9a-f]+)"\s*,\s*"(P:[0-9a-f]+)"')
# A boundary's stand-in shown until its part comes (a spinner, a grey skeleton, "Loading
# paragraph..."): the elements right after its <template>, with no text and no picture,
# or a short text that says it is loading.
_LOADING_TEXT: Final = re.compile(r"\W*loading\b[\w\s.…]{0,40}\Z", re.IGNORECASE)


def place_streamed_segments(root: lxml.html.HtmlElement) -> int:
    """Move the parts of a page that React streamed after the rest into their places, as
    the page's own scripts do in a browser; return how many were placed.

    A part is a hidden element (or one in a hidden table) whose id is ``S:`` and a
    hexadecimal number. Its place is the ``<template>`` a script call names
    (``$RC("B:3","S:4")``), or without such a call (scripts stripped from a saved page)
    the template of the same number, ``B:`` or ``P:``. Its content replaces the template;
    a boundary's loading stand-in after the template goes (:data:`_LOADING_TEXT`). A part
    without a place stays hidden. Without this, an article streamed so is hidden text at
    the end of the page, and the extractor found nothing (a database blog's guide, an
    investing guide's paragraphs).
    """
    segments = [
        el
        for el in root.iterfind(".//*[@id]")
        if _SEGMENT_ID.match(el.get("id") or "") and _is_hidden_part(el)
    ]
    if not segments:
        return 0
    templates = {str(el.get("id")): el for el in root.iter("template") if el.get("id")}
    places = _segment_places(root)
    pairs = []
    for segment in segments:
        template = _template_of(templates, places.get(segment.get("id") or ""), segment)
        if template is not None and not _is_inside(template, segment):
            pairs.append((segment, template))
    # the stand-ins go first, while every template is still where the page put it
    for _, template in pairs:
        if (template.get("id") or "").startswith("B:"):
            _drop_loading_stand_in(template)
    for segment, template in pairs:
        _move_content(segment, template)
    return len(pairs)


def _template_of(
    templates: dict[str, lxml.html.HtmlElement],
    named: str | None,
    segment: lxml.html.HtmlElement,
) -> lxml.html.HtmlElement | None:
    """Return the template a script call ``named`` for a part, else the one of the
    part's number."""
    number = (segment.get("id") or "")[2:]
    for ident in (named, f"B:{number}", f"P:{number}"):
        if ident is not None and ident in templates:
            return templates[ident]
    return None


def _is_hidden_part(el: lxml.html.HtmlElement) -> bool:
    """Return True for a streamed part's element: hidden itself (``<div hidden>``) or
    the row group or row of a hidden table (``<table hidden><tr id="S:3">``)."""
    if el.get("hidden") is not None:
        return True
    for ancestor in el.iterancestors():
        if ancestor.tag == "table":
            return ancestor.get("hidden") is not None
        if ancestor.tag not in ("tbody", "thead", "tfoot", "tr"):
            return False
    return False


def _segment_places(root: lxml.html.HtmlElement) -> dict[str, str]:
    """Return the template each part goes to, by the page's script calls: part id ->
    template id."""
    places: dict[str, str] = {}
    for script in root.iter("script"):
        code = script.text
        if not code or "$R" not in code:
            continue
        for boundary, part in _BOUNDARY_CALL.findall(code):
            places[part] = boundary
        for part, placeholder in _SEGMENT_CALL.findall(code):
            places[part] = placeholder
    return places


def _is_inside(el: lxml.html.HtmlElement, container: lxml.html.HtmlElement) -> bool:
    return any(ancestor is container for ancestor in el.iterancestors())


def _drop_loading_stand_in(template: lxml.html.HtmlElement) -> None:
    """Remove the elements right after a boundary's template that are its loading
    stand-in: no text and no picture, or a short "Loading ..." text."""
    while not (template.tail or "").strip():
        stand_in = template.getnext()
        if (
            stand_in is None
            or not isinstance(stand_in.tag, str)
            or next(stand_in.iter("template"), None) is not None
        ):
            return  # (the next boundary's or part's template starts what follows)
        text = text_of(stand_in).strip()
        if text:
            if not _LOADING_TEXT.match(text):
                return
        elif next(stand_in.iter("img", "picture", "video", "iframe"), None) is not None:
            return
        template.tail = stand_in.tail
        template.getparent().remove(stand_in)


def _move_content(segment: lxml.html.HtmlElement, template: lxml.html.HtmlElement) -> None:
    """Put ``segment``'s text and children where ``template`` is, and remove the template
    (its tail stays), then the segment's emptied box."""
    parent = template.getparent()
    if parent is None:  # pragma: no cover - a template is never the root
        return
    _append_text(template, segment.text)
    for child in list(segment):
        # (moving a child takes its tail along; addprevious, not insert at an index, which
        # counts the siblings: thousands of parts in one parent made that quadratic)
        template.addprevious(child)
    before = template.getprevious()
    if before is not None:
        before.tail = (before.tail or "") + (template.tail or "")
    else:
        parent.text = (parent.text or "") + (template.tail or "")
    parent.remove(template)
    box = segment
    if box.get("hidden") is None:  # a row of a hidden table: the table goes
        box = next(a for a in segment.iterancestors() if a.tag == "table")
    holder = box.getparent()
    if holder is not None:
        _keep_tail(box)
        holder.remove(box)


def _append_text(template: lxml.html.HtmlElement, text: str | None) -> None:
    """Put ``text`` (a part's text before its first child) just before ``template``."""
    if not text:
        return
    before = template.getprevious()
    parent = template.getparent()
    if before is not None:
        before.tail = (before.tail or "") + text
    elif parent is not None:
        parent.text = (parent.text or "") + text


def _keep_tail(el: lxml.html.HtmlElement) -> None:
    """Hand ``el``'s tail to its previous sibling or its parent before ``el`` is removed."""
    tail = el.tail
    if not tail:
        return
    before = el.getprevious()
    if before is not None:
        before.tail = (before.tail or "") + tail
    else:
        parent = el.getparent()
        if parent is not None:
            parent.text = (parent.text or "") + tail


def _stopped_too_deep(parser: lxml.html.HTMLParser) -> bool:
    """Return True when the last parse hit libxml2's nesting limit (and stopped there)."""
    return any(
        error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT and "depth" in error.message
        for error in parser.error_log
    )


#: Nesting kept by :func:`flatten_deep_markup`: libxml2 stops at 256 levels, and the
#: parser adds a few (html, body, implied tbody ...) above the page's own.
FLATTEN_DEPTH = 200
# A start or end tag (attribute values may hold ">"), or the start of a comment. Nothing
# in it can run past the next "<", so scanning a page is linear whatever it holds.
_TAG = re.compile(rb"""<!--|<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:"[^"<]*"|'[^'<]*'|[^'"<>])*>""")
_VOID_TAGS = frozenset(
    b"area base br col embed hr img input keygen link meta param source track wbr".split()
)
# elements whose text is not markup: their content is skipped up to their end tag
_RAW_TEXT_TAGS = frozenset(b"script style textarea title xmp iframe noembed noframes".split())
# elements a start tag of the same name closes when one is open right above it
_SIBLING_CLOSED = frozenset(b"p li dt dd tr td th option".split())
# a dropped tag of one of these becomes a line break, others a space: words stay apart
_BREAKING_TAGS = frozenset(
    b"address article aside blockquote dd div dl dt figure footer h1 h2 h3 h4 h5 h6 header "
    b"li main nav ol p pre section table td th tr ul".split()
)


def flatten_deep_markup(data: bytes, max_depth: int = FLATTEN_DEPTH) -> bytes:
    """Return ``data`` with the tags nested deeper than ``max_depth`` left out.

    Only the tags go: their text stays where it was, and a dropped block-level tag becomes
    a ``<br>`` so lines stay apart. Depth is counted the simple way (start tags push, end
    tags pop back to their element, void elements and ``p``/``li``/... siblings do not
    nest), which may flatten a little more than a browser would, never less. Comments
    and the content of ``script``/``style``/... are copied as they are.
    """
    out: list[bytes] = []
    open_tags: list[bytes] = []  # names of the elements kept open, innermost last
    open_count: dict[bytes, int] = {}
    pos = 0
    while True:
        match = _TAG.search(data, pos)
        if match is None:
            break
        start, end = match.span()
        if match.group(0) == b"<!--":
            comment_end = data.find(b"-->", end)
            end = len(data) if comment_end < 0 else comment_end + 3
            out.append(data[pos:end])
            pos = end
            continue
        out.append(data[pos:start])
        pos = end
        name = match.group(2).lower()
        if match.group(1):  # an end tag
            if open_count.get(name):
                while True:  # close everything opened inside it, as a parser would
                    inner = open_tags.pop()
                    open_count[inner] -= 1
                    if inner == name:
                        break
                out.append(match.group(0))
            else:
                out.append(b"<br>" if name in _BREAKING_TAGS else b" ")
            continue
        if name in _RAW_TEXT_TAGS:  # kept whole, end tag included; it holds no elements
            end_tag = _raw_text_end(name).search(data, end)
            pos = len(data) if end_tag is None else end_tag.end()
            out.append(data[start:pos])
            continue
        if name in _SIBLING_CLOSED and open_tags and open_tags[-1] == name:
            open_tags.pop()
            open_count[name] -= 1
        if name in _VOID_TAGS or data[end - 2 : end] == b"/>":
            out.append(match.group(0))
        elif len(open_tags) < max_depth:
            open_tags.append(name)
            open_count[name] = open_count.get(name, 0) + 1
            out.append(match.group(0))
        else:
            out.append(b"<br>" if name in _BREAKING_TAGS else b" ")
    out.append(data[pos:])
    return b"".join(out)


@functools.lru_cache(maxsize=len(_RAW_TEXT_TAGS))
def _raw_text_end(name: bytes) -> re.Pattern[bytes]:
    return re.compile(rb"</" + re.escape(name) + rb"\s*>", re.IGNORECASE)


def tree_from_soup(soup: Any) -> lxml.html.HtmlElement:
    """Return an lxml tree for a BeautifulSoup object (serialised once, parsed once)."""
    try:
        text = str(soup)
    except (RecursionError, ValueError) as exc:
        raise ParseError(f"cannot serialise BeautifulSoup object: {exc}") from exc
    return parse_tree(text)


def text_of(el: etree._Element) -> str:
    """Return the text of ``el`` and its descendants, as ``el.text_content()`` gives it.

    One serialiser call in C (libxml2 concatenates the subtree's text nodes, as XPath's
    ``string()``, which ``text_content()`` evaluates, does): 0.65 against 1.5 us an
    element, the same text for each of 12,531 headings, links and paragraphs of
    trafilatura-eval; 0.8% of parse_html's instructions, for ~30 texts a page.
    """
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def collapse_ws(text: str) -> str:
    """Return ``text`` with every run of whitespace made one space (not stripped), its
    control characters dealt with first (:func:`articlekit._chars.replace_controls`)."""
    if not text or (text.isprintable() and "  " not in text):
        # (already collapsed: the one white-space character str.isprintable accepts is
        # the space, checked over all of Unicode; 64% of the texts of trafilatura-eval's
        # block building)
        return text
    # str.split() in C beats a regex substitution; the edges keep one space each
    inner = " ".join(text.split())
    if not inner.isprintable():  # a control character (or an invisible one) is left
        text = replace_controls(text)
        inner = " ".join(text.split())
    if not inner:
        return " "
    if text[0].isspace():
        inner = " " + inner
    if text[-1].isspace():
        inner += " "
    return inner


def base_url(
    root: lxml.html.HtmlElement,
    url: str | None,
    bases: Sequence[lxml.html.HtmlElement] | None = None,
) -> str | None:
    """Return the URL relative links resolve against: ``<base href>`` joined to ``url``.

    ``<base>`` only changes how URLs are resolved; nothing is ever fetched. ``bases``, the
    page's ``<base>`` elements in page order when the caller has them (the metadata walk
    does), spares a walk of the tree (~0.15 ms a page): libxml2 keeps ``<head>`` a child of
    ``<html>``, so their order is the order of ``.//head/base``.
    """
    found: Iterable[lxml.html.HtmlElement] = (
        root.iterfind(".//head/base[@href]")
        if bases is None
        else (b for b in bases if _in_head(b, root) and b.get("href") is not None)
    )
    for base in found:
        href = (base.get("href") or "").strip()
        if href and not href.lower().startswith(("javascript:", "data:")):
            try:
                joined = join_url(url, href) if url else href
                scheme = urlsplit(joined).scheme
            except ValueError:  # "http://[::1" and other URLs urllib cannot take apart
                break
            if scheme in ("http", "https"):
                return joined
        break
    return url


def _in_head(el: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> bool:
    """Return True when ``el``'s parent is a ``<head>`` below ``root``."""
    parent = el.getparent()
    return parent is not None and parent is not root and el is not root and parent.tag == "head"


def resolve_url(href: str | None, base: str | None) -> str | None:
    """Return ``href`` made absolute against ``base``; None for empty or script links."""
    if not href:
        return None
    href = href.strip()
    if not href.isprintable():  # a control character (or a tab or line end urljoin drops)
        href = percent_controls(href)
    if not href:
        return None
    lowered = href[:11].lower()
    if lowered.startswith(("javascript:", "vbscript:", "data:")):
        return None
    if base and not lowered.startswith(("http://", "https://", "mailto:", "tel:")):
        try:
            return join_url(base, href)
        except ValueError:
            return href
    return href


# C0 control characters and the space, which the URL standard strips from a URL's ends.
_C0_AND_SPACE: Final = "".join(map(chr, range(0x21)))


def percent_controls(href: str) -> str:
    """Return ``href`` as a browser reads it (the URL standard): without control
    characters at its ends, without tabs and line ends anywhere (``java\tscript:`` is a
    ``javascript:`` URL to a browser), other control characters inside it percent-encoded
    (their UTF-8 bytes)."""
    if "\t" in href or "\n" in href or "\r" in href:
        href = href.replace("\t", "").replace("\n", "").replace("\r", "")
    return CONTROLS.sub(lambda found: quote(found.group(), safe=""), href.strip(_C0_AND_SPACE))


#: What ``urljoin`` rewrites in a URL it would otherwise copy as written: tabs and line
#: ends (dropped), path parameters (``;``), dot segments (``/./``, ``/../``), an empty
#: query before a fragment (``?#``), a bracketed host (``[::1]``, checked).
_REWRITTEN_MARKS: Final = ("\t", "\r", "\n", ";", "/.", "?#", "[", "]")


def join_url(base: str, href: str) -> str:
    """Return ``urllib.parse.urljoin(base, href)`` (a ValueError too), its two commonest
    cases without its parsing.

    ``urljoin`` takes both URLs apart and puts the result together again: ~5 us a call,
    ~12 calls a page (links, images, the canonical URL). Two kinds of ``href`` are most of
    them: a path from the host's root (``/news/a.html``, 2 in 3 on trafilatura-eval),
    which joined to an http(s) base is the base's scheme and host followed by the path as
    written, and an absolute http(s) URL, which is itself; both only when ``href`` holds
    nothing ``urljoin`` rewrites (:data:`_REWRITTEN_MARKS`, an empty query or fragment at
    the end, a character outside ASCII). Every other ``href`` goes to ``urljoin``.
    """
    if not base or not href:
        return urljoin(base, href)
    parts = urlsplit(base)  # (memoised by urllib; raises ValueError as urljoin does)
    if (
        href.isascii()
        and not href.endswith(("?", "#"))
        and not any(mark in href for mark in _REWRITTEN_MARKS)
    ):
        if href[0] == "/" and href[1:2] != "/":
            if parts.scheme in ("http", "https") and parts.netloc:
                return f"{parts.scheme}://{parts.netloc}{href}"
        elif href.startswith(("http://", "https://")):
            host = href.partition("://")[2]
            if host and host[0] not in "/?#":
                return href
    return urljoin(base, href)


# A srcset candidate's width or density descriptor ("640w", "1.5x").
_SRCSET_DESCRIPTOR: Final = re.compile(r"[\d.]+[wx]")


def _best_from_srcset(srcset: str) -> str | None:
    """Return the URL of the widest candidate of a ``srcset`` (the first of equals), or
    None, reading the candidates as the HTML standard does.

    A candidate's URL is a run of non-white-space characters, commas included
    ("https://x/w_640,h_480/a.jpg", "Dach-abschließen,-werden.jpg": image CDNs and file
    names hold commas); a comma ends the URL only at its end ("a.jpg, b.jpg 2x"). Its
    descriptors follow up to the next comma ("640w", "1.5x"; any other, "640h", counts
    as none). Splitting at every comma cut such URLs in two and kept a piece of one.
    """
    best: str | None = None
    best_size = -1.0
    url: str | None = None
    size = 0.0
    for token in srcset.split():
        while token:
            if url is None:
                token = token.lstrip(",")
                if not token:
                    break
                if token.endswith(","):  # a URL without descriptors
                    candidate = token.rstrip(",")
                    if best_size < 0.0:
                        best, best_size = candidate, 0.0
                    token = ""
                else:
                    url, size, token = token, 0.0, ""
                continue
            descriptor, comma, token = token.partition(",")
            if _SRCSET_DESCRIPTOR.fullmatch(descriptor) is not None:
                try:
                    size = float(descriptor[:-1])
                except ValueError:  # "1.2.3w"
                    size = 0.0
            if comma:
                if size > best_size:
                    best, best_size = url, size
                url = None
    if url is not None and size > best_size:
        best = url
    return best


# Words in the file name of a lazy loader's stand-in picture ("lazy-loading-14x9.png",
# "image-lazy.png", "placeholder.gif", "img-placeholder.svg", "loader.gif").
_STAND_IN_NAMES: Final = ("lazy", "placeholder", "loader")


def is_lazy_placeholder(img: lxml.html.HtmlElement, src: str) -> bool:
    """Return True when an ``<img>``'s ``src`` is a lazy loader's stand-in for the picture.

    Lazy-loading scripts (jQuery lazyload, lazysizes, WordPress themes) put a grey or
    "loading" picture in ``src`` and the real one in ``data-src``/``data-original``,
    swapped in as the image scrolls into view; they mark the ``<img>`` with a ``lazy``
    class ("lazy", "lazyload"), or name the stand-in so ("lazy-loading-14x9.png",
    "image-lazy.png", "placeholder.gif", "loader.gif": ``_STAND_IN_NAMES``). (Data
    URIs and spacer GIFs always lose: :func:`image_source`.)
    On both corpora, every ``<img>`` so marked whose lazy attribute named another URL
    held a stand-in in ``src`` (pixnet's ``grey.gif``, a theme's ``lazy-loading.png``,
    a hash-named grey tile: 65 images on 4 sites); unmarked ones (msn) had the picture
    in ``src`` and a smaller copy in ``data-src``.
    """
    if "lazy" in (img.get("class") or "").lower():
        return True
    name = src.split("?", 1)[0].rsplit("/", 1)[-1].lower()
    return any(word in name for word in _STAND_IN_NAMES)


def _lazy_value(img: lxml.html.HtmlElement) -> str | None:
    """Return the first lazy-loading attribute's URL (``data-src`` ...), else None."""
    for name in _LAZY_ATTRS:
        value = (img.get(name) or "").strip()
        if value and not value.startswith("data:"):
            return value
    return None


# A URL whose path ends as a picture file's does ("/a/b.jpg", "/b.webp?w=800"); not a
# JSON or HTML value that holds one ('{"src":"/a.jpg?w=1"}').
_IMAGE_PATH: Final = re.compile(r"^[^\s?#\"'{}<>]+\.(?:jpe?g|png|webp|gif|avif)(?:[?#]\S*)?$", re.I)
# Size words at the start of a part of a data attribute's name ("lg", "src-large",
# "hires", "thumbnail"; the short ones whole: not the "hi" of "archive" or the "sm" of
# "prism"): the largest copy wins, the smallest loses.
_LARGE_NAME: Final = re.compile(
    r"(?:^|[-_])(?:large|full|big|orig|zoom|(?:hi|hd|lg|xl|2x)(?:res)?(?:$|[-_]))", re.I
)
_SMALL_NAME: Final = re.compile(
    r"(?:^|[-_])(?:small|thumb|mini|tiny|low|(?:sm|xs|1x)(?:$|[-_]))", re.I
)


def _data_image_value(img: lxml.html.HtmlElement) -> str | None:
    """Return a picture URL from a ``data-*`` attribute of a placeholder ``<img>``, else None.

    Home-made lazy loaders keep the real picture under names of their own, often one per
    screen size (``data-lg``, ``data-md``, ``data-sm``, ``data-xs``) beside a "loading"
    stand-in in ``src``. Any ``data-*`` value that is a picture file's URL is a candidate;
    a name that says large wins, one that says small comes last, page order otherwise.
    """
    best: str | None = None
    best_rank = -1
    for name, value in img.items():
        if not name.startswith("data-"):
            continue
        value = value.strip()
        if not value or value.startswith("data:") or not _IMAGE_PATH.match(value):
            continue
        size = name[5:]
        rank = 2 if _LARGE_NAME.search(size) else 0 if _SMALL_NAME.search(size) else 1
        if rank > best_rank:
            best, best_rank = value, rank
    return best


def _is_stand_in(src: str) -> bool:
    """Return True for a ``src`` that never is the picture: a data URI or a spacer."""
    return src.startswith("data:") or "spacer" in src or "blank." in src


def image_source(img: lxml.html.HtmlElement) -> str | None:
    """Return the one URL an ``<img>`` shows: lazy-loading attributes, srcset, then ``src``.

    Placeholders (``data:`` URIs, tiny spacer GIFs, a lazy loader's stand-in: see
    :func:`is_lazy_placeholder`) lose to a lazy attribute, or failing one to a picture URL
    in another ``data-*`` attribute (:func:`_data_image_value`); with neither, to the
    picture of a ``<noscript>`` copy right after the ``<img>`` (:func:`noscript_image`).
    """
    src = (img.get("src") or "").strip()
    lazy = _lazy_value(img)
    stand_in = _is_stand_in(src)
    placeholder = bool(src) and not stand_in and is_lazy_placeholder(img, src)
    if lazy is None and (not src or stand_in or placeholder):
        lazy = _data_image_value(img)
    if src and not stand_in and (lazy is None or lazy == src or not placeholder):
        if lazy is None and placeholder:
            return _srcset_picture(img) or _noscript_picture(img) or src
        return src
    if lazy is not None:
        return lazy
    best = _best_of_srcsets(img, _SRCSET_ATTRS)
    if best:
        return best
    parent = img.getparent()
    while parent is not None and parent.tag == "source":  # libxml2 nests <img> in <source>
        parent = parent.getparent()
    if parent is not None and parent.tag == "picture":
        for source in parent.iter("source"):
            value = source.get("srcset") or source.get("data-srcset")
            if value:
                best = _best_from_srcset(value)
                if best:
                    return best
    if src and stand_in:
        return _noscript_picture(img) or src
    return src or None


def _srcset_picture(img: lxml.html.HtmlElement) -> str | None:
    """Return the largest candidate of an ``<img>``'s lazy srcset (``data-srcset``),
    else None: what a lazy loader shows in place of a stand-in ``src`` that no lazy
    attribute names a picture for (``<img class="lazyload" src="placeholder.gif"
    data-srcset="a-400.jpg 400w, a-1200.jpg 1200w">``). A plain ``srcset`` beside a
    ``src`` marked lazy is left alone: a shop's theme writes a thumbnail there."""
    return _best_of_srcsets(img, _LAZY_SRCSET_ATTRS)


def _best_of_srcsets(img: lxml.html.HtmlElement, names: Sequence[str]) -> str | None:
    """Return the largest candidate of the first of ``img``'s srcset attributes ``names``
    that gives one not written inline (``data:``), else None."""
    for name in names:
        value = img.get(name)
        if value:
            best = _best_from_srcset(value)
            if best and not best.startswith("data:"):
                return best
    return None


def _noscript_picture(img: lxml.html.HtmlElement) -> str | None:
    inner = noscript_image(img)
    return None if inner is None else (inner.get("src") or "").strip()


def noscript_image(img: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """Return the ``<img>`` of the ``<noscript>`` right after ``img``, if it shows a picture.

    A lazy loader that keeps the picture's URL in its script, not in an attribute, leaves
    only a stand-in ("placeholder.gif", a spacer, a data URI) in the ``<img>`` and puts the
    real ``<img>`` in a ``<noscript>`` after it, for readers without scripts.
    """
    after = img.getnext()
    if after is None or after.tag != "noscript" or (img.tail and img.tail.strip()):
        return None
    for inner in after.iter("img"):
        src = (inner.get("src") or "").strip()
        if src and not _is_stand_in(src):
            return inner
    return None


# A path segment that only sizes a picture on an image CDN ("44", "796", "w_800",
# "60x60"): the same picture's other sizes differ only there (and in the query).
_SIZE_SEGMENT: Final = re.compile(r"^(?:[a-z]{1,3}[_-]?)?\d{1,5}(?:x\d{1,5})?$", re.I)


def picture_key(src: str) -> str:
    """Return what stays of a picture's URL across its sizes: host and path without the
    query and without the path segments that only give a size.

    A figure that loads a blurred thumbnail first and the picture once it scrolls into
    view (Medium: ``max/44/1*kb.png?q=20``, then ``max/796/1*kb.png`` in ``<noscript>``)
    holds two ``<img>`` of one picture; their keys are equal.
    """
    try:
        parts = urlsplit(src)
    except ValueError:  # "http://[::1" and other URLs urllib cannot take apart
        return src
    segments = [x for x in parts.path.split("/") if x and not _SIZE_SEGMENT.match(x)]
    return f"{parts.netloc}/{'/'.join(segments)}"


_TRIM: list[Any] = []  # [glibc's malloc_trim, or None], looked up on first use


def return_free_memory() -> None:
    """Hand memory the C allocator holds free back to the system (glibc's ``malloc_trim``).

    libxml2 frees a tree's nodes into the C allocator, which keeps them for later C
    allocations; Python's own objects live elsewhere and cannot reuse them. Elsewhere
    than on glibc this does nothing.
    """
    if not _TRIM:
        trim = None
        if sys.platform.startswith("linux"):
            import ctypes

            try:
                trim = ctypes.CDLL(None).malloc_trim  # the C library the process runs on
                trim.argtypes = [ctypes.c_size_t]
                trim.restype = ctypes.c_int
            except (OSError, AttributeError):  # pragma: no cover - musl and others
                trim = None
        _TRIM.append(trim)
    if _TRIM[0] is not None:
        _TRIM[0](0)
