"""Characters that format text without being part of it, shared by the HTML and text parsers."""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "BIDI_CONTROLS",
    "CONTROLS",
    "INVISIBLE",
    "SPACE_CONTROLS",
    "balance_bidi",
    "drop_invisible",
    "read_c1_as_cp1252",
    "repair_c1_mojibake",
    "replace_controls",
    "replace_surrogates",
    "terminal_safe",
]

#: Invisible characters that only hint where a line may break or must not: the soft
#: hyphen (U+00AD, ``&shy;``: German and French pages hyphenate long words with it), the
#: zero-width space (U+200B), the word joiner (U+2060) and a byte order mark inside the
#: text (U+FEFF, a zero-width no-break space). Left in, they split words for a search
#: ("réac\u00adtion" is not "réaction") and show as stray marks in some terminals. The
#: zero-width joiner and non-joiner (U+200D, U+200C) stay: emoji sequences and Persian or
#: Indic words need them. A soft hyphen right after "Ã" stays: that is "í" (UTF-8
#: C3 AD) read as Latin-1, mojibake a repair tool can still undo.
INVISIBLE: Final = re.compile("(?<!\u00c3)\u00ad|[\u200b\u2060\ufeff]")


def drop_invisible(text: str) -> str:
    """Return ``text`` without the invisible characters of :data:`INVISIBLE`."""
    # Clean text is the rule: four ``in`` tests (a C scan each, none at all for a
    # character wider than the text's own) cost a tenth of a regex search for the four
    # characters as a class on 200 characters of accented text.
    if text.isascii() or not (
        "\u00ad" in text or "\u200b" in text or "\u2060" in text or "\ufeff" in text
    ):
        return text
    return INVISIBLE.sub("", text)


#: C0 and C1 control characters but tab, line feed and carriage return: no text holds them
#: (in a page they are binary noise, or the middle bytes of UTF-8 read as Latin-1:
#: "Logitech\u00e2\x80\x99s"), a terminal acts on some (ESC starts a command) and XML
#: refuses most. Neither parser puts one into a Document (the policy is in
#: ``docs/model.md``): the ones Python counts as white space (:data:`SPACE_CONTROLS`)
#: become a space, the others are dropped, as a browser shows them (as nothing), which
#: keeps a mojibake word whole.
CONTROLS: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: The control characters ``str.split`` takes for white space: vertical tab, form feed,
#: the four information separators and next line (U+0085).
SPACE_CONTROLS: Final = "\x0b\x0c\x1c\x1d\x1e\x1f\x85"
_CONTROL_TABLE: Final = {
    **{code: None for code in (*range(0x00, 0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20))},
    **{code: None for code in range(0x7F, 0xA0)},
    **{ord(char): " " for char in SPACE_CONTROLS},
}


# A C1 control character: never text, but the continuation bytes 0x80-0x9F of UTF-8 read
# as Latin-1 ("\u2019" is E2 80 99: "\u00e2\x80\x99").
_C1: Final = re.compile("[\x80-\x9f]")
# One UTF-8 sequence read as Latin-1: a lead byte and its continuation bytes.
_LATIN1_UTF8: Final = re.compile(
    "[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _utf8_whole(found: re.Match[str]) -> str:
    """Return one :data:`_LATIN1_UTF8` sequence decoded as the UTF-8 it was, when it
    decodes (a C1 character in it or not)."""
    text = found.group()
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return text


def _utf8_again(found: re.Match[str]) -> str:
    """Return one :data:`_LATIN1_UTF8` sequence decoded as :func:`_utf8_whole` decodes it,
    when it holds a C1 character (without one, "\u00c3\u00a9" may be meant)."""
    return _utf8_whole(found) if _C1.search(found.group()) else found.group()


def repair_c1_mojibake(text: str) -> str:
    """Return ``text`` with UTF-8 that was read as Latin-1 decoded again where a C1 control
    character gives it away: "Logitech\u00e2\x80\x99s" is "Logitech\u2019s" (a page
    encoded twice; the browser shows "Logitech\u00e2s"). Call it on text that holds a C1
    character; sequences without one are left alone (the text parser's repair: it reads a
    whole document at once, where one such sequence proves little about the rest)."""
    return _LATIN1_UTF8.sub(_utf8_again, text)


def repair_encoded_twice(text: str) -> str:
    """Return ``text``, one run of a page's text or one metadata field, repaired as
    :func:`repair_c1_mojibake` repairs it; and once a sequence with a C1 character was
    decoded, the run is known to be encoded twice, so its sequences without one are
    decoded too ("JOHNSON\u00e2\x80\x99S\u00c2\u00ae" is "JOHNSON\u2019S\u00ae": the
    sign's two bytes, C2 AE, read as "\u00c2\u00ae"). A run with no such proof keeps them
    ("\u00c3\u00a9" may be meant)."""
    repaired = _LATIN1_UTF8.sub(_utf8_again, text)
    if repaired == text:
        return text
    return _LATIN1_UTF8.sub(_utf8_whole, repaired)


# A C1 character left over is a windows-1252 byte read as Latin-1 (a scraper's decoding,
# not a browser's): read as windows-1252, it is the character the page meant ("we\x92re"
# is "we\u2019re"). The five bytes windows-1252 leaves undefined are dropped; U+0085 is
# white space to Python, a space here as everywhere.
_C1_AS_CP1252: Final = {
    code: (bytes([code]).decode("cp1252", "ignore") or None)
    for code in range(0x80, 0xA0)
    if code != 0x85
}


def read_c1_as_cp1252(text: str) -> str:
    """Return ``text`` with each C1 character but U+0085 read as the windows-1252 byte of
    the same value (:data:`_C1_AS_CP1252`); call it after :func:`repair_c1_mojibake`."""
    return text.translate(_C1_AS_CP1252)


def replace_controls(text: str) -> str:
    """Return ``text`` without the characters of :data:`CONTROLS`: UTF-8 read as Latin-1
    decoded again first (:func:`repair_encoded_twice`), other C1 characters read as
    windows-1252 (:func:`read_c1_as_cp1252`), then those of :data:`SPACE_CONTROLS` made
    spaces, the others dropped.

    Text that ``str.isprintable`` accepts holds none (a C scan): it is returned as it is.
    """
    if text.isprintable():
        return text
    if _C1.search(text):
        text = read_c1_as_cp1252(repair_encoded_twice(text))
    return text.translate(_CONTROL_TABLE)


#: A lone surrogate: a lossy decoder's leftover, which no UTF-8 writer takes. (The escapes
#: are the pattern's, not the literal's: a compiled build cannot hold a lone surrogate.)
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """Return ``text`` with each lone surrogate replaced by U+FFFD, as the HTML parser's
    input, embedded JSON's strings and the Markdown writer read them (docs/model.md)."""
    return _SURROGATE.sub("\ufffd", text)


#: The explicit directional formatting characters of Unicode's bidirectional algorithm:
#: the embeddings LRE and RLE (U+202A, U+202B), the pop PDF (U+202C), the overrides LRO
#: and RLO (U+202D, U+202E), the isolates LRI, RLI and FSI (U+2066-U+2068) and the pop
#: PDI (U+2069). Arabic and Hebrew pages use them to lay out text of mixed direction; an
#: opener left open reorders what follows it on the line (RLO shows "txt.exe" as
#: "exe.txt"), Markdown syntax and link targets included.
BIDI_CONTROLS: Final = re.compile("[\u202a-\u202e\u2066-\u2069]")
_EMBEDDING_OPENERS: Final = "\u202a\u202b\u202d\u202e"
_PDF: Final = "\u202c"
_PDI: Final = "\u2069"


def balance_bidi(text: str) -> str:
    """Return ``text`` with its directional spans closed within it: a pop with no span of
    its kind open (a PDF with no embedding or override open since the innermost open
    isolate, a PDI with no isolate open) is dropped, and a span still open at the end is
    closed there (PDF for an embedding or override, PDI for an isolate), innermost first.
    A PDI closes the embeddings opened inside its isolate, as the bidirectional algorithm
    reads it. Text without :data:`BIDI_CONTROLS` is returned as it is.

    So a writer that balances each run of text it writes keeps the text's own layout and
    keeps a run from reordering what the writer puts after it."""
    first = BIDI_CONTROLS.search(text)
    if first is None:
        return text
    out: list[str] = []
    closers: list[str] = []  # the pop that closes each open span, innermost last
    position = 0
    for found in BIDI_CONTROLS.finditer(text, first.start()):
        out.append(text[position : found.start()])
        position = found.end()
        char = found.group()
        if char == _PDF:
            if not closers or closers[-1] != _PDF:
                continue
            closers.pop()
        elif char == _PDI:
            if _PDI not in closers:
                continue
            while closers.pop() != _PDI:
                pass
        else:
            closers.append(_PDF if char in _EMBEDDING_OPENERS else _PDI)
        out.append(char)
    out.append(text[position:])
    out.extend(reversed(closers))
    return "".join(out)


def terminal_safe(text: str) -> str:
    """Return ``text`` as the plain-text writer prints it: without the control characters
    of :data:`CONTROLS` (:func:`replace_controls`: dropped, or a space for those of
    :data:`SPACE_CONTROLS`), lone surrogates as U+FFFD (:func:`replace_surrogates`) and
    directional spans closed within it (:func:`balance_bidi`). Tab, line feed and carriage
    return stay. Text that ``str.isprintable`` accepts holds none of these (a C scan) and
    is returned as it is: a parsed Document's text takes the slow path only for a
    non-breaking space or another character that is not printable but harmless."""
    if text.isprintable():
        return text
    return balance_bidi(replace_surrogates(replace_controls(text)))
