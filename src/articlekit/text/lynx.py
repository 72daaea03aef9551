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

__all__ = ["REFERENCE_HEADINGS", "browser_note_lines", "split_references"]

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


# elinks and links print the page head's <link> elements before the body, one a line:
# "Link: [1]canonical", "Link: [8]Example Blog » Comments Feed (alternate)" (a link's
# title, then its rel in brackets), "Link: dns-prefetch" (links, without markers).
_HEAD_LINK = re.compile(r"Link:(?:\s+(?:\[\d{1,6}\])?(.{0,4000}))?")
# What such a line names: a link type of HTML's head (or a feed's title with its type in
# brackets after it), so that an article opening "Link: the missing piece" stays text.
_REL = (
    r"alternate|amphtml|canonical|dns-prefetch|preconnect|preload|prefetch|prerender"
    r"|modulepreload|shortlink|shorturl|manifest|pingback|stylesheet|icon|shortcut icon"
    r"|apple-touch-icon(?:-precomposed)?|apple-touch-startup-image|mask-icon|profile"
    r"|publisher|author|image_src|wlwmanifest|search|next|prev|previous|license|me"
    r"|openid\.\w+|schema\.\w+|https?://\S+"
)
# (a type may be followed by another, a language tag or the media it is for: "alternate
# en-GB", "preconnect dns-prefetch", "alternate (only screen and (max-width: 640px))")
_HEAD_LINK_REL = re.compile(
    rf"(?:{_REL})(?:\s(?:{_REL}|[a-z]{{2}}(?:-[a-z]{{2,4}})?|x-default|\(.{{1,120}}\)))*"
    r"|.{0,400}\((?:alternate|search|previous|next|edituri|service\.post)\)",
    re.IGNORECASE,
)
# ... and an embedded frame's note anywhere in the body: "IFrame: [63]w_473821" (its
# name or address, one word).
_FRAME_NOTE = re.compile(r"IFrame:\s+(?:\[\d{1,6}\])?\S{1,2000}")
# Columns a terminal browser wraps the head's long link titles at (elinks, links: 80).
HEAD_LINK_WRAP_COLUMNS = 80


def _head_link_type(text: str) -> bool | None:
    """Return None unless ``text`` is a line an elinks or links dump prints for a
    ``<link>`` of the page's head ("Link: [1]canonical", "Link: Example » Feed
    (alternate)"); else whether it names the link's type."""
    match = _HEAD_LINK.fullmatch(text)
    if match is None:
        return None
    return bool(match.group(1)) and bool(_HEAD_LINK_REL.fullmatch(match.group(1)))


def _goes_on_below(lines: Lines, index: int) -> bool:
    """Return True when line ``index + 1`` is the rest of line ``index``, wrapped: its
    first word would not have fitted on it."""
    below = index + 1
    if below >= len(lines) or lines.blank[below]:
        return False
    word = lines.text[below].split(" ", 1)[0]
    return lines.width[index] + 1 + len(word) > HEAD_LINK_WRAP_COLUMNS


# lynx opens a dump with the page head's <link> elements on one line, "#" and each link's
# title or type, wrapped over the lines below: "#[1]alternate [2]Example » Feed
# [3]Example » Article Title" (without the link list: "#alternate Example » Feed").
_LYNX_HEAD = re.compile(r"#\[1\]\S")
# ... which, without the markers, must name a head link's type or a feed.
_LYNX_HEAD_WORD = re.compile(
    rf"(?<!\w)(?:{_REL}|publisher|author|feed|search)(?!\w)", re.IGNORECASE
)
# lynx sets the line at its body margin (three columns, four on some pages).
MAX_LYNX_HEAD_INDENT = 4
# The line wraps over at most this many lines (a page with many feeds); a longer
# paragraph opening with "#" is the page's text.
MAX_LYNX_HEAD_LINES = 12


def lynx_head_lines(lines: Lines) -> list[int]:
    """Return the lines of lynx's note of the page head's links at the top of a dump.

    ``lynx -dump`` prints the ``<link>`` elements of the head (feeds, ``alternate``,
    ``publisher``) as one paragraph that opens with "#", each link shown by its title or
    type: "#[1]alternate [2]Example » Feed [3]Example » Article Title", wrapped at the
    body margin. The paragraph is the text's first, at lynx's margin; with the link list
    (``[1]`` first) that is enough, without it (``-nolist``) it must name a link type or a
    feed. Such a text is a whole page's dump, as one that opens with elinks' ``Link:``
    lines. (The lines stay: blanked, they left the title's place to the page's next short
    piece, often the article's first paragraph.)
    """
    first = lines.next_nonblank(0)
    if first >= len(lines) or not 0 < lines.indent[first] <= MAX_LYNX_HEAD_INDENT:
        return []
    text = lines.text[first]
    if not text.startswith("#") or text.startswith(("# ", "##")):
        return []
    taken = [first]
    while taken[-1] + 1 < len(lines) and not lines.blank[taken[-1] + 1]:
        if len(taken) >= MAX_LYNX_HEAD_LINES:
            return []
        taken.append(taken[-1] + 1)
    if not _LYNX_HEAD.match(text) and not _LYNX_HEAD_WORD.search(
        " ".join(lines.text[i] for i in taken)
    ):
        return []
    return taken


# lynx prints a page's <meta http-equiv="refresh"> where it stands (most often at the
# top: the head) as a link: "REFRESH(900 sec):" and the address it reloads, "[1]URL",
# on the same line or, wrapped, on the next.
_LYNX_REFRESH = re.compile(
    r"REFRESH\(\d{1,9}(?:\.\d{1,3})? sec\):(?:\s+(?:\[\d{1,6}\])?\S{1,2000})?"
)
_LYNX_REFRESH_URL = re.compile(r"(?:\[\d{1,6}\])?\S{1,2000}")


def _refresh_note(lines: Lines, index: int, text: str) -> list[int]:
    """Return line ``index`` (holding ``text``), and the next line when it holds the
    address, when it is lynx's note of a page's refresh ("REFRESH(900 sec):" over
    "[1]https://..."): a ``<meta http-equiv="refresh">`` is no text of the page (elinks and
    links print none); else no lines. Only a line that is nothing but the note is taken."""
    if not text.startswith("REFRESH(") or _LYNX_REFRESH.fullmatch(text) is None:
        return []
    below = index + 1
    if (
        text.endswith(":")
        and below < len(lines)
        and not lines.blank[below]
        and _LYNX_REFRESH_URL.fullmatch(lines.text[below])
    ):
        return [index, below]
    return [index]


def browser_note_lines(lines: Lines) -> list[int]:
    """Return the lines that are a terminal browser's notes, not the page's text.

    elinks and links open a dump with the page head's ``<link>`` elements, one
    ``Link:`` line each (a long feed title wrapped onto the next line), and print an
    embedded frame as ``IFrame:`` and its name. Only the run of ``Link:`` lines that opens
    the text is taken (blank lines may stand between them), and only when one of them
    names a head link's type (``canonical``, ``(alternate)``: see ``_HEAD_LINK_REL``);
    an ``IFrame:`` line of one word is taken wherever it stands, and so is lynx's note
    of a page's refresh (:func:`_refresh_note`).
    """
    out: list[int] = []
    i = lines.next_nonblank(0)
    named = False
    while i < len(lines) and lines.text[i].startswith("Link:"):
        taken = [i]
        text = lines.text[i]
        if _goes_on_below(lines, i):
            taken.append(i + 1)
            text = f"{text} {lines.text[i + 1]}"
        kind = _head_link_type(text)
        if kind is None:
            break
        named = named or kind
        out.extend(taken)
        i = lines.next_nonblank(taken[-1] + 1)
    if not named:
        out = []
    for index, text in enumerate(lines.text):
        if text.startswith("IFrame:") and _FRAME_NOTE.fullmatch(text):
            out.append(index)
        elif text.startswith("REFRESH("):
            out.extend(_refresh_note(lines, index, text))
    return out
