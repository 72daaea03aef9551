"""Characters that format text without being part of it, shared by the HTML and text parsers."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["INVISIBLE", "drop_invisible"]

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
