"""Month names, shared by the HTML and text parsers' date readers."""

from __future__ import annotations

from typing import Final

__all__ = ["MONTH_NAMES", "month_numbers"]

#: The names (lower case) of each month, January first, in the languages both parsers
#: read dates in: English, German, French, Spanish, Portuguese and Italian, with the
#: usual abbreviations and the spellings without accents.
MONTH_NAMES: Final[tuple[tuple[str, ...], ...]] = (
    ("january", "jan", "januar", "janvier", "enero", "janeiro", "gennaio"),
    ("february", "feb", "februar", "février", "fevrier", "febrero", "fevereiro", "febbraio"),
    ("march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco"),
    ("april", "apr", "avril", "abril", "aprile"),
    ("may", "mai", "mayo", "maio", "maggio"),
    ("june", "jun", "juni", "juin", "junio", "junho", "giugno"),
    ("july", "jul", "juli", "juillet", "julio", "julho", "luglio"),
    ("august", "aug", "août", "aout", "agosto"),
    ("september", "sep", "sept", "septembre", "septiembre", "setembro", "settembre"),
    ("october", "oct", "oktober", "octobre", "octubre", "outubro", "ottobre"),
    ("november", "nov", "novembre", "noviembre", "novembro"),
    ("december", "dec", "dezember", "décembre", "decembre", "diciembre", "dezembro", "dicembre"),
)


def month_numbers(extra: dict[str, int] | None = None) -> dict[str, int]:
    """Return a table from each name of :data:`MONTH_NAMES` to its month (1 to 12),
    with the names of ``extra`` added.

    Both readers now use the one table as it is; ``extra`` is for a reader that must
    read a name the other must not (none does today).
    """
    table = {name: number for number, names in enumerate(MONTH_NAMES, start=1) for name in names}
    if extra:
        table.update(extra)
    return table
