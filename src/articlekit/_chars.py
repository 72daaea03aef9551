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


# Any of them, as one character class: a search for it runs in C without trying the
# pattern at each position (INVISIBLE's look-behind would), so clean text costs little.
_ANY_INVISIBLE: Final = re.compile("[\u00ad\u200b\u2060\ufeff]")


def drop_invisible(text: str) -> str:
    """Return ``text`` without the invisible characters of :data:`INVISIBLE`."""
    if text.isascii() or _ANY_INVISIBLE.search(text) is None:
        return text
    return INVISIBLE.sub("", text)
