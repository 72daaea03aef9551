"""Front matter of a text article: title, kicker, byline, dates and tags, read off the top.

The top of a text article is a handful of short lines before the first paragraph: the
title, sometimes a kicker (section label such as ``visuals``), the title again (a page's
image alt or ``<h1>`` repeated), a byline (``By Jane Doe``) and a dateline. They go to
metadata, not to the body. :func:`read_front_matter` walks the first pieces once and marks
those it consumed as ``dropped``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

from articlekit._months import month_numbers
from articlekit.html.metadata import byline_names, date_span, normalize_date
from articlekit.model import FieldSource
from articlekit.text.inline import strip_markup
from articlekit.text.rules import Piece
from articlekit.text.vocab import BYLINE, TAGS_LINE, normalise_phrase

__all__ = [
    "FrontMatter",
    "Signature",
    "is_dated_byline",
    "is_widget_line",
    "parse_date",
    "read_front_matter",
    "read_signature",
    "read_signature_lines",
    "take_signature",
    "without_widgets",
]

# A title is one line of at most this many characters.
MAX_TITLE_CHARS = 200
# ... on up to this many lines (lynx and w3m wrap a long title at 80 columns).
MAX_TITLE_LINES = 3
# A kicker is a section label: a few words at most.
MAX_KICKER_WORDS = 3
MAX_KICKER_CHARS = 30
# Only this many pieces after the title are searched for kicker, byline and dates.
MAX_FRONT_PIECES = 8
# A line longer than this is body text, never a byline or dateline.
MAX_META_LINE_CHARS = 120

# (the Italian "febbraio" and "dicembre" the HTML reader lacks: see articlekit._months)
_MONTHS = month_numbers()
_DATE_PREFIX = re.compile(
    r"(?:(published|posted|updated|last updated|modified|date|publié|veröffentlicht|"
    r"aktualisiert|mis à jour)(?: on| le| am)?\s*:?\s*)?",
    re.IGNORECASE,
)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
_MONTH_FIRST = re.compile(r"([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+([^\W\d_]{3,10})\.?,?\s+(\d{4})")
_WEEKDAY = re.compile(r"[^\W\d_]{3,12}\.?,\s+")
_TRAILER = re.compile(r"(?:\s*(?:[,|•·-]|at|um|à)?\s*\d{1,2}[:.h]\d{2}.{0,20})?\s*$")


def _iso(year: int, month: int, day: int) -> str | None:
    if 1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def parse_date(line: str) -> tuple[str, str] | None:
    """Return ``(iso_date, field)`` for a dateline, ``field`` being published or modified.

    Accepts ``2024-03-05``, ``March 5, 2024``, ``5 March 2024`` (English, French, German,
    Spanish, Italian, Portuguese month names), after an optional ``Published``/``Updated``
    label and weekday, before an optional time. Anything else gives None.
    """
    if len(line) > MAX_META_LINE_CHARS:
        return None
    prefix = _DATE_PREFIX.match(line)
    label = (prefix.group(1) or "").lower() if prefix else ""
    rest = line[prefix.end() :] if prefix else line
    weekday = _WEEKDAY.match(rest)
    if weekday and weekday.group(0).strip(" ,.").lower() not in _MONTHS:
        rest = rest[weekday.end() :]
    field_name = (
        "modified"
        if label in ("updated", "last updated", "modified", "aktualisiert", "mis à jour")
        else "published"
    )
    iso: str | None = None
    for pattern in (_ISO, _MONTH_FIRST, _DAY_FIRST):
        match = pattern.match(rest)
        if match is None or not _TRAILER.fullmatch(rest[match.end() :]):
            continue
        if pattern is _ISO:
            iso = _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        elif pattern is _MONTH_FIRST:
            month = _MONTHS.get(match.group(1).lower())
            iso = _iso(int(match.group(3)), month, int(match.group(2))) if month else None
        else:
            month = _MONTHS.get(match.group(2).lower())
            iso = _iso(int(match.group(3)), month, int(match.group(1))) if month else None
        if iso:
            return iso, field_name
    return None


def with_time(line: str, day: str) -> str:
    """Return the date of the dateline ``line`` that :func:`parse_date` read as ``day``
    with its time and zone, as the HTML reader and the byline path read them
    ("Published March 5, 2024 10:30 AM EST" -> ``2024-03-05T10:30:00-05:00``); ``day``
    when that reader gives no time or another day."""
    full = normalize_date(line)
    return full if full is not None and full.startswith(f"{day}T") else day


# A date anywhere in a line: "Nov. 19, 2019", "19 November 2019", "2019-11-19T12:48:14Z",
# "19/11/2019" or "18.11.19" (one separator twice, then a year: no score like "7.4/10").
_DATE_IN_LINE = re.compile(
    r"(?<!\w)(?:([^\W\d_]{3,10})\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th|er|\.)?\s([^\W\d_]{3,10})\.?,?\s\d{4}"
    r"|\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?Z?)?"
    r"|(\d{1,2})([./])(\d{1,2})\4(?:\d{4}|\d{2})(?![\d.]))",
    re.IGNORECASE,
)
# A clock time: "9:02 AM", "@17:19", "18.54 GMT", "10h30" (a decimal "7.5" is none).
_TIME_IN_LINE = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?"
    r"|\d{1,2}[.h]\d{2}\s?(?:[ap]\.?m\.?|uhr|gmt|utc)(?!\w)",
    re.IGNORECASE,
)
# The words of a publication line that name no one: labels, "by", weekdays, time zones.
_DATELINE_WORDS = frozenset(
    (
        "published",
        "publish",
        "posted",
        "updated",
        "update",
        "modified",
        "last",
        "first",
        "on",
        "at",
        "by",
        "am",
        "pm",
        "a.m",
        "p.m",
        "et",
        "pt",
        "ct",
        "mt",
        "est",
        "edt",
        "cst",
        "cdt",
        "pst",
        "pdt",
        "mst",
        "mdt",
        "gmt",
        "utc",
        "bst",
        "cet",
        "cest",
        "ist",
        "jst",
        "aest",
        "aedt",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "publié",
        "le",
        "mis",
        "à",
        "jour",
        "par",
        "von",
        "um",
        "veröffentlicht",
        "publiziert",
        "aktualisiert",
        "publicado",
        "por",
        "atualizado",
        "actualizado",
        "el",
        "pubblicato",
        "aggiornato",
        "il",
        "and",
        "und",
        "et",
        "y",
        "e",
    )
)
# A label that says the line dates the page's publication.
_PUBLICATION_LABEL = re.compile(
    r"(?<!\w)(?:by|published|posted|updated|modified|publié|mis à jour|veröffentlicht"
    r"|publiziert|aktualisiert|publicado|atualizado|actualizado|pubblicato|aggiornato)(?!\w)",
    re.IGNORECASE,
)
# At most this many names (authors, an agency, a place) stand beside the date.
MAX_DATELINE_NAMES = 10


def is_dated_byline(text: str, *, head: bool = False) -> bool:
    """Return True for a line that dates the article and names at most its author,
    agency or place: "Chris Davies - Nov 19, 2019, 10:31 pm CST", "Published 11:34 PM
    EST Nov 19, 2019", "By Jane Roe | Updated: 19 November 2019, 09:01 AM".

    The line holds a date and a clock time or a publication label ("By", "Published",
    "Updated", ...), and besides those, weekdays, time zones and "and" at most ten words,
    all capitalised but one: a name, not a sentence. A line that ends like a sentence, an
    embedded post's signature ("— Jane Roe (@jane) November 18, 2019", which the article
    quotes) and a parenthesised note are not such lines, nor a line `parse_date` reads
    whole (the front matter's). In the article's ``head`` (above its first prose) the
    date alone will do: "REUTERS 19 NOV 2019", "Jane Roe, Example News 18 Nov 2019".
    """
    stripped = text.strip()
    if (
        not 8 <= len(stripped) <= MAX_META_LINE_CHARS
        or stripped.startswith(("—", "–", "("))
        or "(@" in stripped
        or (stripped[-1] in ".?!:" and not stripped.lower().endswith(("a.m.", "p.m.")))
    ):
        return False
    date = _DATE_IN_LINE.search(stripped)
    if date is None or not _real_date(date):
        return False
    if not (head or _TIME_IN_LINE.search(stripped) or _PUBLICATION_LABEL.search(stripped)):
        return False
    if parse_date(stripped.strip(" -*•>|·")) is not None:
        return False
    rest = _TIME_IN_LINE.sub(" ", _DATE_IN_LINE.sub(" ", stripped))
    names = [
        word
        for word in re.findall(r"[^\W\d_][\w'’.-]*", rest)
        if word.lower().rstrip(".") not in _DATELINE_WORDS
    ]
    lower = sum(1 for word in names if not word[0].isupper())
    return len(names) <= MAX_DATELINE_NAMES and lower <= 1


def _real_date(match: re.Match[str]) -> bool:
    """Return True when a `_DATE_IN_LINE` match names a month or a day and month that can be."""
    month = match.group(1) or match.group(2)
    if month is not None:
        return month.lower() in _MONTHS
    if match.group(3) is not None:
        first, second = int(match.group(3)), int(match.group(5))
        return 1 <= min(first, second) <= 12 and max(first, second) <= 31
    return True


@dataclass(slots=True)
class FrontMatter:
    """What the top of the text said: title, kicker, authors, dates, tags, and their sources."""

    title: str | None = None
    kicker: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    tags: list[str] = field(default_factory=list)
    sources: list[FieldSource] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Signature:
    """What a byline-and-dateline line says: its authors and its dates (ISO 8601)."""

    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None


# The marks that set a signature's parts apart: "By Jane Doe | March 3, 2024", "Jane Doe ·
# Mar 3, 2024 · 5 min read", "March 3, 2024 — Jane Doe", "Ann Lee / AP / Updated: ...".
_SIGNATURE_SEPARATOR: Final = re.compile(r"\s*[|·•‧⋅∙｜]\s*|\s+[/—–-]\s+")
# A reading time, which some pages print beside the byline: "5 min read", "Lesezeit: 5
# Min.", "5 minutes de lecture", "Reading time: 12 minutes".
_READ_TIME: Final = re.compile(
    r"(?:(?:reading|read|lesezeit|lesedauer|temps de lecture|tiempo de lectura)"
    r"(?:\s+time)?\s*:?\s*)?(?:ca\.\s*)?\d{1,3}\s*(?:min(?:ute)?s?|minuten|minutos|minuti)\.?"
    r"(?:\s+(?:read|reading|lesezeit|de lecture|de lectura|di lettura|lectura))?",
    re.IGNORECASE,
)
# A label saying the date after it is the article's last change, not its publication.
_MODIFIED_LABEL: Final = re.compile(
    r"(?:last\s+)?(?:updated|modified|aktualisiert|mis\s+à\s+jour|actualizado|atualizado"
    r"|aggiornato)",
    re.IGNORECASE,
)
# A byline's label ("By", "Von", "Par", "Por", "Di", "Door").
_BY_LABEL: Final = re.compile(r"(?<!\w)(?:by|von|par|por|di|door)\s", re.IGNORECASE)
# A name a signature gives without a label has at least this many words: "Opinion |
# March 3, 2024" is a section's label beside a date, "Jane Doe | 3 March 2024" a byline.
MIN_UNLABELLED_NAME_WORDS = 2


def _without_dates(text: str) -> str:
    """Return ``text`` with every date it writes (``date_span``) put as a space."""
    for _ in range(4):  # (a line holds two dates at most: published and updated)
        span = date_span(text)
        if span is None:
            break
        text = f"{text[: span[0]]} {text[span[1] :]}"
    return text


def _shaped_as_signature(text: str) -> bool:
    """Return True when ``text`` holds, besides dates, times, a reading time, labels,
    weekdays and time zones, at most ten words, all capitalised but one: names, an
    outlet, a place (the test of :func:`is_dated_byline`), not a sentence."""
    rest = _TIME_IN_LINE.sub(" ", _DATE_IN_LINE.sub(" ", _without_dates(_READ_TIME.sub(" ", text))))
    words = [
        word
        for word in re.findall(r"[^\W\d_][\w'’.-]*", rest)
        if word.lower().rstrip(".") not in _DATELINE_WORDS
    ]
    lower = sum(1 for word in words if not word[0].isupper())
    return len(words) <= MAX_DATELINE_NAMES and lower <= 1


def _people(names: tuple[str, ...]) -> bool:
    """Return True when every one of ``names`` has two words or more: without a "By" a
    one-word part is a section's label or an outlet as often ("Opinion", "CNNMoney")."""
    return all(len(name.split()) >= MIN_UNLABELLED_NAME_WORDS for name in names)


def _names_date_last(part: str, end: int) -> bool:
    """Return True when the unlabelled ``part`` is names, then its date (ending at
    ``end``) and at most a time, labels and a zone: "Mattias Geniar, April 19, 2020",
    not "Medical Daily 9/21/2016 Lizette Borreli" (an outlet before the date)."""
    after = _TIME_IN_LINE.sub(" ", part[end:])
    words = re.findall(r"[^\W\d_][\w'’.-]*", after)
    names = byline_names(part)
    return (
        bool(names)
        and _people(names)
        and all(word.lower().rstrip(".") in _DATELINE_WORDS for word in words)
    )


def read_signature_lines(lines: Sequence[str], *, unlabelled: bool) -> Signature | None:
    """Return what a paragraph of one to three short lines that sign the article says
    ("By Jane Doe" over "March 3, 2024"): one line as :func:`read_signature` reads it;
    of several, each is a signature line or a byline ("By Jane Doe"), or, when
    ``unlabelled`` (right under the title), a name of two to five capitalised words
    ("Jane Doe"); at least one gives a date. None when a line is none of those."""
    if len(lines) == 1:
        return read_signature(lines[0])
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    for line in lines:
        signature = read_signature(line)
        if signature is not None:
            authors = authors or signature.authors
            published = published or signature.published
            modified = modified or signature.modified
            continue
        names = tuple(_byline(line) or ())
        if not names and unlabelled and looks_like_title(line) and len(line.split()) <= 5:
            names = byline_names(line)
            names = names if _people(names) else ()
        if not names:
            return None
        authors = authors or names
    if published is None and modified is None:
        return None
    return Signature(authors=authors, published=published, modified=modified)


def read_signature(line: str) -> Signature | None:
    """Return the authors and dates of a line that dates the article and may name its
    authors, or None for any other line.

    The line is cut into parts at its marks (``|``, ``·``, ``•``, a spaced dash or slash):
    a part with a date gives the publication date, or the last change after an "Updated"
    label ("Aktualisiert", "Mis à jour" ...), and the names beside it ("By Jane Doe, March
    3, 2024", "Published March 3, 2024 by Jane Doe", "Von Hans Müller, 3. März 2024",
    "Par Jean Dupont, le 3 mars 2024"); the first part without a date that names people
    gives them ("Jane Doe | 3 March 2024": names of two words or more without a "By"),
    later ones are an outlet or an agency ("Ann Lee · CBC News · Posted: ..."); a reading
    time ("5 min read") is no part. Dates and names are read as the HTML reader reads
    them (``normalize_date``, ``byline_names``): a time and its zone are kept. The line
    has a date, does not end like a sentence nor holds a "!" or a "?", and holds, besides
    dates, times and labels, at most ten words, all capitalised but one.
    """
    text = " ".join(line.split())
    if not 8 <= len(text) <= MAX_META_LINE_CHARS or date_span(text) is None:
        return None
    if text[-1] in ".:;" and not text.lower().endswith(("a.m.", "p.m.")):
        return None
    if "!" in text or "?" in text:
        return None  # a title's or a sentence's ("Checklist (By an Outdoor Guide!) ...")
    if not _shaped_as_signature(text):
        return None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    for part in _SIGNATURE_SEPARATOR.split(text):
        part = part.strip(" ,;")
        if not part or _READ_TIME.fullmatch(part):
            continue
        span = date_span(part)
        if span is None:
            names = byline_names(part)
            if names and not authors:
                if _BY_LABEL.match(part) is None and not _people(names):
                    return None
                authors = names
            continue
        date = normalize_date(part) or normalize_date(part[span[0] : span[1]])
        if date is None:
            return None
        if _MODIFIED_LABEL.search(part[: span[0]]):
            modified = modified or date
        else:
            published = published or date
        if not authors and (_BY_LABEL.search(part) or _names_date_last(part, span[1])):
            authors = byline_names(part)
    if published is None and modified is None:
        return None
    return Signature(authors=authors, published=published, modified=modified)


def take_signature(front: FrontMatter, signature: Signature) -> None:
    """Fill the fields of ``front`` that are still empty from ``signature``."""
    if signature.authors and not front.authors:
        front.authors = list(signature.authors)
        front.sources.append(FieldSource(field="authors", source="text"))
    if signature.published and front.published is None:
        front.published = signature.published
        front.sources.append(FieldSource(field="published", source="text"))
    if signature.modified and front.modified is None:
        front.modified = signature.modified
        front.sources.append(FieldSource(field="modified", source="text"))


# (with their fullwidth forms: a Chinese or Japanese sentence ends in "。")
_TERMINAL = ".,;:。，；："
# What a title may end with although it ends in a full stop or a colon: an initialism
# ("... Underneath N.Y.C.", "Life in the U.S.") and a page title's site-name decoration
# ("My trip @ Steven's home :: PIXNET ::"). A sentence ends in a lower-case word.
_TITLE_END = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){2,}$|\s::$")


def _plain(piece: Piece, *, markdown: bool, lynx: bool) -> str:
    return strip_markup(piece.text, markdown=markdown, lynx=lynx)


def looks_like_title(text: str) -> bool:
    """Return True when ``text`` could be an article title: one short line, no full stop."""
    return (
        0 < len(text) <= MAX_TITLE_CHARS
        and (text[-1] not in _TERMINAL or _TITLE_END.search(text) is not None)
        and any(ch.isalpha() for ch in text)
    )


# A form's control as a text browser draws it: a check box or an empty text field ("[ ]",
# "[X]"; w3m's field of spaces reads as "[ ]" once white space is collapsed), a radio
# button ("( )", "(*)"; not "()", which ends a line of text as often), a field of
# underscores (links, elinks: "_____"), a button in spaced brackets (links, elinks:
# "[ Submit ]"), lynx's "(BUTTON)" mark, or a button w3m draws in brackets with a form's
# usual label ("[Search]", "[Go]").
_WIDGET: Final = re.compile(
    r"\[[ xX*]?\]|\([ xX*]\)|_{4,}|\[ [^\[\]]{1,30} \]|\(BUTTON\)"
    r"|\[(?:search|submit|go|ok|send|reset|subscribe|sign ?up|sign ?in|log ?in|cancel|close"
    r"|menu|suchen|rechercher|buscar|cerca)\]",
    re.IGNORECASE,
)
_EDGE_WIDGETS: Final = re.compile(
    rf"^(?:\s*(?:{_WIDGET.pattern}))+\s*|\s*(?:(?:{_WIDGET.pattern})\s*)+$", re.IGNORECASE
)
# A line of form controls and at most this many words beside each of them (a button's or
# a field's label: "[ ] Share [ ]", "Search [ Go ]", lynx's "(BUTTON) View cart (BUTTON)
# Check out") is a form, not a title.
MAX_WIDGET_LABEL_WORDS = 2
# ... and characters (a line of Chinese has no spaces between its words).
MAX_WIDGET_LABEL_CHARS = 24


def without_widgets(text: str) -> str:
    """Return ``text`` without the form controls (:data:`_WIDGET`) at its start and its
    end: "[ ] [Search] Star Wars Jedi: Fallen Order review" is a title under a search
    form that w3m printed on its line."""
    return _EDGE_WIDGETS.sub("", text).strip()


def is_widget_line(text: str) -> bool:
    """Return True when ``text`` is form controls (:data:`_WIDGET`) with at most
    :data:`MAX_WIDGET_LABEL_WORDS` words (:data:`MAX_WIDGET_LABEL_CHARS` characters)
    beside each: a page's search or share form that a text browser printed over the
    article, no title."""
    controls = len(_WIDGET.findall(text))
    labels = _WIDGET.sub(" ", text).split()
    return (
        bool(controls)
        and len(labels) <= MAX_WIDGET_LABEL_WORDS * controls
        and sum(len(label) for label in labels) <= MAX_WIDGET_LABEL_CHARS * controls
    )


def _byline(text: str) -> list[str] | None:
    if len(text) > MAX_META_LINE_CHARS:
        return None
    match = BYLINE.fullmatch(text)
    if match is None:
        return None
    names = re.split(r"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|&)\s*", match.group(1))
    found = [n.strip() for n in names if n.strip()]
    if not found or any(len(n.split()) > 5 or not n[:1].isupper() for n in found):
        return None
    return found


# A byline's label whose name went with a link or a picture ("By :"): no lead-in.
# (the words of vocab.BYLINE)
_BYLINE_LABEL: Final = re.compile(r"(?:by|von|par|por|di|door|przez|автор)\s*:", re.IGNORECASE)
# A link as Markdown or lynx shows it: a list of them under a label is a menu's, a share
# box's or a breadcrumb's ("Beitrag weiterempfehlen:", "Zugehörige Themenseiten:").
_SHOWN_LINK: Final = re.compile(r"\]\(|\[\d{1,5}\]")


def introduced(piece: Piece) -> bool:
    """Return True when ``piece`` is a block a lead-in ending in a colon introduces: a
    list (a checklist too), a quote, code, or lines the writer broke (a poem, an
    address: ``Piece.broken_text``), with no link shown in it. A label over a list of
    links (a share box, a breadcrumb, related topics) introduces no text of the article
    and stays the kicker it was, and so does one over a paragraph of prose: on the dev
    renderings those were a search form's "Search for:" and a share box's "Share post
    on:" over the article's first paragraph."""
    if piece.kind not in ("list", "quote", "code") and not (
        piece.kind == "paragraph" and piece.broken_text
    ):
        return False
    texts = [piece.text, *(item.text for item in piece.items)]
    texts.extend(child.text for child in piece.children)
    return not any(_SHOWN_LINK.search(text) for text in texts)


def _is_kicker(text: str, following: str | None, title: str) -> bool:
    words = text.split()
    if not 0 < len(words) <= MAX_KICKER_WORDS or len(text) > MAX_KICKER_CHARS:
        return False
    if text[-1] in ".,;!?":
        return False
    repeated = following is not None and normalise_phrase(following) == normalise_phrase(title)
    return repeated or text[0].islower() or text[-1] in "—–-|:"


def _single_line(piece: Piece) -> bool:
    return piece.kind in ("paragraph", "heading") and piece.line_count <= 2


def read_front_matter(
    pieces: list[Piece],
    *,
    markdown: bool,
    lynx: bool,
    title: str | None = None,
    piece_lines: Callable[[Piece], list[str]] | None = None,
) -> FrontMatter:
    """Return the front matter at the top of ``pieces``; mark the pieces it used dropped.

    ``piece_lines`` gives the text of each line of a piece: a byline and a dateline on
    two lines of one paragraph are read line by line (:func:`read_signature_lines`).

    Also reads ``Tags:`` lines anywhere (they are dropped as well). A ``title`` found
    elsewhere (a page's headline its head names) is the title, and no piece is read for
    one: the byline and dates are read from the top all the same.
    """
    front = FrontMatter()
    for piece in pieces:
        if piece.kind == "paragraph" and piece.line_count <= 3:
            match = TAGS_LINE.fullmatch(_plain(piece, markdown=markdown, lynx=lynx))
            if match:
                front.tags.extend(
                    t.strip() for t in re.split(r"[,;|]", match.group(1)) if t.strip()
                )
                piece.kind = "dropped"
    if front.tags:
        front.sources.append(FieldSource(field="tags", source="text"))
    live = [p for p in pieces if p.kind not in ("dropped", "recommendations", "rule")]
    form = False  # a form stood over the article, where a title stands
    if not title:
        # a search or share form a text browser printed over the article is no title
        while (
            len(live) > 1
            and live[0].kind in ("paragraph", "heading")
            and is_widget_line(_plain(live[0], markdown=markdown, lynx=lynx))
        ):
            live.pop(0).kind = "dropped"
            form = True
    if not live:
        return front
    first = live[0]
    candidate = first.children[0] if first.kind == "quote" and first.children else first
    first_text = _plain(candidate, markdown=markdown, lynx=lynx)
    first_text = without_widgets(first_text) or first_text
    if title:
        front.title = title
        front.sources.append(FieldSource(field="title", source="text"))
        rest = live
    elif (first.kind == "heading" and first.level == 1) or (
        len(live) > 1
        and candidate.kind in ("paragraph", "heading")
        and candidate.line_count <= MAX_TITLE_LINES
        and looks_like_title(first_text)
    ):
        front.title = first_text
        front.sources.append(FieldSource(field="title", source="text"))
        first.kind = "dropped"
        rest = live[1:]
    else:
        rest = live
    title = front.title or ""
    for index, piece in enumerate(rest[:MAX_FRONT_PIECES]):
        if not _single_line(piece):
            break
        text = _plain(piece, markdown=markdown, lynx=lynx)
        if title and normalise_phrase(text) == normalise_phrase(title):
            piece.kind = "dropped"
            continue
        if piece.kind == "paragraph" and parse_date(text) is None:
            signature = read_signature_lines(
                piece_lines(piece) if piece_lines and piece.line_count > 1 else [text],
                unlabelled=True,
            )
            if signature is not None:
                take_signature(front, signature)
                piece.kind = "dropped"
                continue
        names = _byline(text)
        if names and not front.authors:
            front.authors = names
            front.sources.append(FieldSource(field="authors", source="text"))
            piece.kind = "dropped"
            continue
        date = parse_date(text)
        if date:
            iso, field_name = date
            iso = with_time(text, iso)
            if field_name == "published" and front.published is None:
                front.published = iso
                front.sources.append(FieldSource(field="published", source="text"))
            elif field_name == "modified" and front.modified is None:
                front.modified = iso
                front.sources.append(FieldSource(field="modified", source="text"))
            piece.kind = "dropped"
            continue
        following = None
        if index + 1 < len(rest):
            following = _plain(rest[index + 1], markdown=markdown, lynx=lynx)
        if (
            title
            and text.endswith(":")
            and index + 1 < len(rest)
            and not _BYLINE_LABEL.fullmatch(text)
            and introduced(rest[index + 1])
        ):
            break  # a lead-in under the headline ("What to bring:" over a list): body text
        # under a form, as under a title, a section label ("Opinion:") is the kicker
        if front.kicker is None and (title or form) and _is_kicker(text, following, title):
            front.kicker = text
            front.sources.append(FieldSource(field="kicker", source="text"))
            piece.kind = "dropped"
            continue
        if piece.kind == "paragraph" and not looks_like_title(text):
            break
    return front
