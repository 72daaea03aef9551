"""lynx's link references: the numbered URL list at the end of ``lynx -dump`` output.

``lynx -dump`` writes each link as ``[12]text`` in the body and lists the targets at the
end::

    References

       1. https://example.org/a
       2. https://example.org/b

(``Visible links:`` and ``Hidden links:`` head the list with ``-listonly`` and for links
without text.) ``elinks -dump`` writes the same section with a ``Visible links`` heading
under ``References``; a link with a ``title`` attribute gets the title after its number
and the URL on the next line, indented by a tab::

     501. Edit section: External links
            http://example.org/w/index.php?action=edit&section=36
 :func:`split_references` finds that section, returns the URL of each number
and where the body ends, so the section itself never becomes body text.
"""

from __future__ import annotations

import re

from articlekit.text.lines import Lines

__all__ = ["REFERENCE_HEADINGS", "split_references"]

REFERENCE_HEADINGS = frozenset({"references", "visible links:", "hidden links:", "visible links"})
# "12. https://..." - lynx prints URLs as found, spaces included.
_REFERENCE = re.compile(r"(\d{1,6})\.\s+(\S{0,100}[:/#?].{0,4000})$")
# Lines inside the list that are not numbered: the rest of a URL that held a line break,
# lynx's "[USEMAP]" labels. One token, no spaces.
_STRAY = re.compile(
    r"\[[A-Z]{2,12}\]|[a-z][a-z0-9+.-]{1,12}:\S{1,4000}|[^\s/\[\]]{0,4000}/\S{0,4000}"
)
# elinks: "501. Edit section: External links" - a link's title, its URL on the next line.
_TITLED = re.compile(r"(\d{1,6})\.\s+\S.{0,4000}$")
_URL_LINE = re.compile(r"[a-z][a-z0-9+.-]{1,12}:\S{1,4000}")
# At least this share of the non-blank lines after the heading must be numbered URLs;
# an article section titled "References" holds prose or citations instead.
MIN_REFERENCE_SHARE = 0.8


def split_references(lines: Lines) -> tuple[int, dict[int, str]]:
    """Return ``(end, urls)``: body lines are ``[0, end)``; ``urls`` maps marker numbers.

    Without a lynx References section ``end`` is ``len(lines)`` and ``urls`` is empty.
    The section is looked for from the end, so a scan costs one pass over its lines.
    """
    n = len(lines)
    urls: dict[int, str] = {}
    start = n
    numbered = other = 0
    # the URL line just below the line being read (elinks puts a titled link's URL there)
    url_below: str | None = None
    i = n - 1
    while i >= 0:
        if lines.blank[i]:
            i -= 1
            continue
        text = lines.text[i]
        key = text.lower()
        if key in REFERENCE_HEADINGS:
            if numbered and numbered >= MIN_REFERENCE_SHARE * (numbered + other):
                start = i
                if key == "references":
                    break
                # "Visible links:" / "Hidden links:" sit under one "References" heading
                i -= 1
                continue
            break
        match = _REFERENCE.match(text)
        titled = None if match or url_below is None else _TITLED.match(text)
        below, url_below = url_below, None
        if match:
            numbered += 1
            urls.setdefault(int(match.group(1)), match.group(2).replace(" ", "%20"))
        elif titled and below is not None:
            # elinks: the link's title here, its URL on the line below
            numbered += 1
            urls.setdefault(int(titled.group(1)), below)
        elif _STRAY.fullmatch(text):
            # a URL broken by a raw line break, a "[USEMAP]" label, or the URL of an
            # elinks titled link (its number and title are on the line above)
            if _URL_LINE.fullmatch(text):
                url_below = text
        else:
            # a mailto: link's body can hold whole lines of prose; the share check on the
            # heading decides whether this was a reference list after all
            other += 1
            if other > numbered + 2:
                break
        i -= 1
    if start == n:
        return n, {}
    return start, urls
