"""Time-zone abbreviations written after a time ("11:05 IST", "4:21 PM ET", "18:06 GMT").

News pages print the time of a story with the zone's abbreviation instead of an offset.
Only abbreviations with one meaning on the English-language web are read; the generic US
names ("ET", "PT", ...) take daylight saving time by the US rules of the story's date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Final

__all__ = ["ZONE_AFTER_TIME", "ZONE_NAMES", "zone_offset"]

#: Abbreviation -> offset from UTC in minutes.
FIXED_ZONES: Final[dict[str, int]] = {
    "UTC": 0,
    "GMT": 0,
    "WET": 0,
    "BST": 60,
    "WEST": 60,
    "CET": 60,
    "MEZ": 60,
    "CEST": 120,
    "MESZ": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "IST": 330,  # India (the Irish and Israeli readings are rare in print)
    "PKT": 300,
    "SGT": 480,
    "HKT": 480,
    "AWST": 480,
    "JST": 540,
    "KST": 540,
    "ACST": 570,
    "AEST": 600,
    "ACDT": 630,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    "EST": -300,
    "EDT": -240,
    "CST": -360,  # US Central (China writes its zone in Chinese)
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "AKST": -540,
    "AKDT": -480,
    "HST": -600,
}
#: Generic US zone -> its standard offset in minutes; daylight time adds an hour.
US_ZONES: Final[dict[str, int]] = {"ET": -300, "CT": -360, "MT": -420, "PT": -480}

#: The zone abbreviations as a regular expression's alternatives, the longest first.
ZONE_NAMES: Final = "|".join(sorted({*FIXED_ZONES, *US_ZONES}, key=len, reverse=True))
#: A zone abbreviation right after a time (upper case, a whole word, optionally in
#: brackets); "GMT" and "UTC" may carry an offset ("GMT-0500", as a script's date string
#: writes it: "Tue Dec 13 2016 13:06:00 GMT-0500 (Eastern Standard Time)"; "UTC+2").
ZONE_AFTER_TIME: Final = re.compile(
    r"\s*\(?(?P<zone>" + ZONE_NAMES + r")"
    r"(?:(?<=GMT|UTC)(?P<shift>[+-]\d{1,2}(?::?\d{2})?)(?!\d))?(?![A-Za-z])"
)


def _sunday(year: int, month: int, nth: int) -> date:
    """Return the ``nth`` Sunday of ``month`` (``nth`` = -1: the last one)."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))
    following = date(year + month // 12, month % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def _us_daylight(local: datetime) -> bool:
    """Return True when US daylight saving time is in force at the local time ``local``
    (from 2 am on the second Sunday of March to 2 am on the first Sunday of November since
    2007; the first Sunday of April to the last Sunday of October before)."""
    if local.year >= 2007:
        start, end = _sunday(local.year, 3, 2), _sunday(local.year, 11, 1)
    else:
        start, end = _sunday(local.year, 4, 1), _sunday(local.year, 10, -1)
    begin = datetime(start.year, start.month, start.day, 2)
    finish = datetime(end.year, end.month, end.day, 2)
    return begin <= local.replace(tzinfo=None) < finish


def zone_offset(zone: str | re.Match[str], local: datetime) -> str:
    """Return the offset ("+05:30", "-04:00") that the abbreviation ``zone`` (a key of
    :data:`FIXED_ZONES` or :data:`US_ZONES`, or a match of :data:`ZONE_AFTER_TIME`, whose
    offset after "GMT" counts) means at the local time ``local``."""
    if not isinstance(zone, str):
        shift = zone["shift"]
        if shift is not None:
            return _written_offset(shift)
        zone = zone["zone"]
    if zone in US_ZONES:
        minutes = US_ZONES[zone] + (60 if _us_daylight(local) else 0)
    else:
        minutes = FIXED_ZONES[zone]
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def _written_offset(shift: str) -> str:
    """Return the offset written after "GMT" or "UTC" ("-0500", "+2", "+05:30") as
    "+HH:MM"."""
    sign, digits = shift[0], shift[1:].replace(":", "")
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    else:
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    return f"{sign}{hours:02d}:{minutes:02d}"
