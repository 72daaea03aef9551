"""Input mutators for the robustness suite and ``benchmarks/robustness.py``.

Each mutator takes a seed page (bytes) and a ``random.Random`` and returns a new input:
bytes for the HTML path, or ``str`` where the point is text (lone surrogates, a long line).
Generators build pathological inputs from nothing (deep nesting, huge tables, entity bombs).
All of them are deterministic for a given ``Random`` state, so a failure can be replayed.
"""

from __future__ import annotations

import random
from collections.abc import Callable

Mutant = bytes | str
Mutator = Callable[[bytes, random.Random], Mutant]

_TAGS = ("div", "p", "span", "a", "ul", "li", "table", "tr", "td", "h2", "b", "i", "section")
_CONTROL = bytes([0, 1, 2, 8, 11, 12, 27, 29, 31, 127])


def truncate(page: bytes, rnd: random.Random) -> bytes:
    """Cut the page at a random offset (mid-tag, mid-character, mid-entity)."""
    return page[: rnd.randrange(0, max(1, len(page)))]


def byte_flips(page: bytes, rnd: random.Random) -> bytes:
    """Flip a few random bytes, breaking multi-byte characters and markup."""
    data = bytearray(page)
    for _ in range(rnd.randint(1, 32)):
        if data:
            data[rnd.randrange(len(data))] = rnd.randrange(256)
    return bytes(data)


def tag_soup(page: bytes, rnd: random.Random) -> bytes:
    """Insert random opening and closing tags at random offsets."""
    data = bytearray(page)
    for _ in range(rnd.randint(5, 60)):
        tag = rnd.choice(_TAGS)
        piece = f"<{tag}>" if rnd.random() < 0.5 else f"</{tag}>"
        data[rnd.randrange(len(data) + 1) : 0] = piece.encode()
    return bytes(data)


def unclosed_misnested(page: bytes, rnd: random.Random) -> bytes:
    """Drop closing tags and add misnested pairs like ``<b><i></b></i>``."""
    text = page.decode("utf-8", "replace")
    for tag in ("</p>", "</div>", "</li>", "</td>", "</a>"):
        if rnd.random() < 0.6:
            text = text.replace(tag, "")
    mis = "<b><i>misnested</b></i><p><div>block in p</p></div><table><p>x</table>"
    pos = rnd.randrange(len(text) + 1)
    return (text[:pos] + mis * rnd.randint(1, 20) + text[pos:]).encode("utf-8", "replace")


def control_chars(page: bytes, rnd: random.Random) -> bytes:
    """Sprinkle NUL, ESC, \\x1d and other control bytes through the page."""
    data = bytearray(page)
    for _ in range(rnd.randint(1, 50)):
        data[rnd.randrange(len(data) + 1) : 0] = bytes([rnd.choice(_CONTROL)])
    return bytes(data)


def lone_surrogates(page: bytes, rnd: random.Random) -> str:
    """Return the page as ``str`` with lone UTF-16 surrogates inserted."""
    text = page.decode("utf-8", "replace")
    for _ in range(rnd.randint(1, 20)):
        pos = rnd.randrange(len(text) + 1)
        text = text[:pos] + chr(rnd.randrange(0xD800, 0xE000)) + text[pos:]
    return text


def lying_charset(page: bytes, rnd: random.Random) -> bytes:
    """Declare a charset the bytes are not in (or two contradicting ones)."""
    decl = rnd.choice(["utf-16", "iso-2022-jp", "shift_jis", "koi8-r", "utf-7", "x-bogus"])
    meta = f'<meta charset="{decl}"><meta http-equiv="Content-Type" content="text/html; charset=latin-1">'
    text = page.decode("utf-8", "replace")
    if rnd.random() < 0.5:
        return (meta + text).encode("utf-8", "replace")
    return (meta + text).encode("cp1252", "replace")


def utf16(page: bytes, rnd: random.Random) -> bytes:
    """Re-encode the page as UTF-16, with or without a byte-order mark."""
    text = page.decode("utf-8", "replace")
    if rnd.random() < 0.5:
        return text.encode("utf-16")  # with BOM
    return text.encode(rnd.choice(["utf-16-le", "utf-16-be"]))


def long_attributes(page: bytes, rnd: random.Random) -> bytes:
    """Insert an element whose attribute value is about a megabyte long."""
    size = rnd.randint(200_000, 1_200_000)
    el = f'<div class="{"x" * size}" data-src="{"y" * (size // 2)}">tail</div>'.encode()
    pos = rnd.randrange(len(page) + 1)
    return page[:pos] + el + page[pos:]


def hostile_references(page: bytes, rnd: random.Random) -> bytes:
    """Prepend entity-expansion, external-entity and XInclude constructs, plus <base>/refresh."""
    prologue = (
        b'<?xml version="1.0"?>\n'
        b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">'
        b'<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>\n'
    )
    body = (
        b'<base href="http://127.0.0.1:9/elsewhere/"><meta http-equiv="refresh" '
        b'content="0; url=http://127.0.0.1:9/">'
        b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd"/>'
        b"<p>&d;&d;&xxe;&net;</p>"
    )
    pos = rnd.randrange(len(page) + 1)
    return prologue + page[:pos] + body + page[pos:]


MUTATORS: dict[str, Mutator] = {
    "truncate": truncate,
    "byte_flips": byte_flips,
    "tag_soup": tag_soup,
    "unclosed_misnested": unclosed_misnested,
    "control_chars": control_chars,
    "lone_surrogates": lone_surrogates,
    "lying_charset": lying_charset,
    "utf16": utf16,
    "long_attributes": long_attributes,
    "hostile_references": hostile_references,
}


# ----------------------------------------------------------------------------- generators


def deep_nesting(depth: int = 100_000) -> bytes:
    """A page whose body nests ``depth`` divs, with text at the bottom."""
    return b"<html><body>" + b"<div>" * depth + b"<p>deep text</p>" + b"</div>" * depth


def huge_table(cells: int = 1_000_000, width: int = 100) -> bytes:
    """A page with one table of ``cells`` cells."""
    row = b"<tr>" + b"<td>c</td>" * width + b"</tr>"
    return b"<html><body><p>Intro.</p><table>" + row * (cells // width) + b"</table></body></html>"


def big_page(target_bytes: int = 50 * 1024 * 1024) -> bytes:
    """An article-like page of about ``target_bytes`` bytes (many paragraphs)."""
    para = (
        b"<p>This paragraph of an unusually long article says something, with a "
        b'<a href="/x">link</a> and <b>bold</b> text, again and again.</p>\n'
    )
    head = b"<html><head><title>Big</title></head><body><article><h1>Big</h1>"
    return head + para * (target_bytes // len(para)) + b"</article></body></html>"


def long_line_text(size: int = 10 * 1024 * 1024) -> str:
    """A plain text whose single line is ``size`` characters long."""
    words = "lorem ipsum dolor sit amet consectetur "
    return "A title\n\n" + (words * (size // len(words) + 1))[:size]


HOSTILE_PAGE = """<!DOCTYPE html><html><head><title>Hostile &lt;script&gt; page</title>
<meta property="og:title" content="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">
<script>alert('script')</script><style>body{background:url(javascript:alert(1))}</style>
</head><body onload="alert('body')"><article>
<h1>Title with <script>alert(1)</script> and <img src=x onerror=alert(2)></h1>
<p>Text with &lt;script&gt;alert(3)&lt;/script&gt; and &lt;img src=x onerror=alert(4)&gt;,
<a href="javascript:alert(5)">a js link</a>, <a href=" JaVaScRiPt:alert(6)">spaced</a>,
<a href="vbscript:msgbox(7)">vb</a>, <a href="data:text/html;base64,PHNjcmlwdD4=">data</a>,
<a href="java&#x09;script:alert(8)">tab-split</a>, <a href="https://ok.example/" title='"><b>x'>ok</a>.</p>
<p>Markdown metacharacters: # * _ [link](javascript:alert(9)) ![img](javascript:x) `code` | pipe
&lt;div onclick=alert(10)&gt; &amp;lt; 1. &gt; quote -- --- *** ___ [x]: javascript:alert(11)</p>
<p><img src="javascript:alert(12)" alt="&lt;svg onload=alert(13)&gt;">
<img src="data:image/svg+xml,&lt;svg onload=alert(14)&gt;" alt="svg data">
<img src="https://ok.example/i.png" alt="&quot;&gt;&lt;script&gt;alert(15)&lt;/script&gt;"
 title="&lt;iframe src=javascript:alert(16)&gt;"></p>
<ul><li>&lt;b onmouseover=alert(17)&gt;item&lt;/b&gt;</li><li><a href="JAVASCRIPT:alert(18)">x</a></li></ul>
<blockquote><p>&lt;/blockquote&gt;&lt;script&gt;alert(19)&lt;/script&gt;</p></blockquote>
<pre><code class="language-html&quot;&gt;&lt;script&gt;">```
&lt;script&gt;alert(20)&lt;/script&gt;
```</code></pre>
<table><tr><th>&lt;td onclick=alert(21)&gt;</th><th>a|b</th></tr><tr><td>&lt;/table&gt;</td><td>x</td></tr></table>
<p>Paragraph padding so that the article is long enough to be found as the main content of this
page by any reasonable extractor, with several sentences, commas, and more words than the rest.</p>
</article></body></html>"""
