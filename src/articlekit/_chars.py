"""Characters that format text without being part of it, shared by the HTML and text parsers."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["CONTROLS", "INVISIBLE", "drop_invisible", "replace_controls"]

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
#: (in a page they are binary noise, or the windows-1252 bytes a decoder left undefined),
#: a terminal acts on some (ESC starts a command) and XML refuses most. Both parsers turn
#: each into a space, so that the noise cannot glue two words together, and never put one
#: into a Document (the policy is in ``docs/model.md``). NUL goes too.
CONTROLS: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def replace_controls(text: str) -> str:
    """Return ``text`` with every character of :data:`CONTROLS` made a space.

    Text that ``str.isprintable`` accepts holds none (a C scan): it is returned as it is,
    without a regex search.
    """
    if text.isprintable():
        return text
    return CONTROLS.sub(" ", text)
