"""Wire-copy datelines ("KHARTOUM, Oct 28 (Reuters) - ...") name where a story was filed, not who
acted: a parser reads "RIYADH ... - Trump met X" with Riyadh as a subject.

:func:`mask_datelines` blanks them out with spaces (offsets unchanged) and returns the place they
name, which the actor stage uses as the story's home when a phrase such as "the army" or "police"
names no state.

>>> text, places = mask_datelines("KHARTOUM, Oct 28 (Wire) - The army shelled the city.")
>>> text.strip(), places
('The army shelled the city.', ['KHARTOUM'])

:func:`dateline_date` reads the date a dateline gives, when it gives one with its year:

>>> dateline_date("KHARTOUM, Sudan — March 3, 2025: The army shelled the city.")
datetime.date(2025, 3, 3)
>>> dateline_date("KHARTOUM, Oct 28 (Wire) - The army shelled the city.") is None
True
"""
from __future__ import annotations

import re
from datetime import date

__all__ = ["mask_datelines", "dateline_date", "parse_full_date"]

_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\ )?"                   # Tuesday,
_DATE = (rf"{_DAY}(?:{_MON}\ \d{{1,2}}(?:st|nd|rd|th)?(?:,?\ \d{{4}})?"       # Oct 28 / March 3, 2025
         rf"|\d{{1,2}}\ {_MON}(?:\ \d{{4}})?"                                   # 3 March 2025
         r"|\d{4}-\d{2}-\d{2})")                                                # 2025-03-03
_TOWN = r"[A-Z][A-Z.'’\-]+(?:\ [A-Z][A-Z.'’\-]+){0,3}"           # KHARTOUM, UNITED NATIONS, NEW DELHI
_COUNTRY = r"(?:,\ (?P<country>[A-Z][A-Za-z.'’\-]+(?:\ [A-Z][A-Za-z.'’\-]+){0,2}))?"  # , Congo
_PLACE = rf"""
    (?P<place>{_TOWN}(?:/{_TOWN}){{0,3}})                          # KYIV/MOSCOW: filed from both
    {_COUNTRY}"""
_AGENCY = r"(?:\ \([A-Za-z0-9 .&'’\-]{1,30}\))?"                     # (Reuters)
_DATELINE = re.compile(
    rf"""(?m)^{_PLACE}
    (?:
        \ [-–—]{{1,2}}\ (?P<date2>{_DATE}) {_AGENCY} \ ?[-–—:]{{1,2}}\    # — March 3, 2025:
      | (?:,?\ (?P<date>{_DATE}))? {_AGENCY} \ ?[-–—]{{1,2}}\             # , Oct 28, 2025 (Reuters) -
    )""",
    re.VERBOSE,
)

# AFP's form: the town in title case, then the agency, which a title-case dateline must name ("Kyiv
# (AFP) -"; not "Hamas (the group) -")
_TITLE_TOWN = r"[A-Z][a-z'’\-]+(?:[\ /][A-Z][a-z'’\-]+){0,3}"
_TITLE_DATELINE = re.compile(
    rf"""(?m)^(?P<place>{_TITLE_TOWN})
    {_COUNTRY}
    \ \((?:[A-Z][A-Za-z.&'’\-]*)(?:\ [A-Z][A-Za-z.&'’\-]*){{0,3}}\)\ ?[-–—]{{1,2}}\ """,
    re.VERBOSE,
)


def parse_full_date(text: str) -> date | None:
    """The date ``text`` is, read by python-dateutil, when it is a date with day, month and year
    and nothing else; None otherwise ("March 3" has no year; "Tuesday" no month).

    >>> parse_full_date("Nov. 18, 2026"), parse_full_date("3 March 2025 14:05 GMT")
    (datetime.date(2026, 11, 18), datetime.date(2025, 3, 3))
    >>> parse_full_date("March 3") is None, parse_full_date("the talks") is None
    (True, True)
    """
    from datetime import datetime

    from dateutil import parser

    try:  # two defaults: a field that differs between them was not in the text
        a = parser.parse(text, default=datetime(1904, 1, 1), ignoretz=True)
        b = parser.parse(text, default=datetime(1908, 2, 2), ignoretz=True)
    except (ValueError, OverflowError):
        return None
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        return None
    return a.date()


def dateline_date(text: str) -> date | None:
    """The date of the dateline ``text`` starts with, if it gives day, month and year."""
    m = _DATELINE.match(text)
    if m is None or not (m.group("date") or m.group("date2")):
        return None
    return parse_full_date(m.group("date") or m.group("date2"))


def mask_datelines(text: str) -> tuple[str, list[str]]:
    """``text`` with its datelines replaced by spaces, and the places they name (the town, then
    the state after it when the dateline gives one).

    >>> mask_datelines("MAAN, Jordan - The lorries stood still.")[1]
    ['MAAN', 'Jordan']
    >>> text, places = mask_datelines("KYIV/MOSCOW, Nov 26 (Wire) - Talks began.")
    >>> text.strip(), places
    ('Talks began.', ['KYIV', 'MOSCOW'])
    >>> text, places = mask_datelines("Kyiv (AFP) - Talks began.")
    >>> text.strip(), places
    ('Talks began.', ['Kyiv'])
    >>> mask_datelines("Hamas (the group) - Talks began.")[1]
    []
    """
    places: list[str] = []

    def blank(m: re.Match) -> str:
        places.extend(m.group("place").split("/"))  # (the town filed from first, first)
        if m.group("country"):  # "MAAN, Jordan -": a town the gazetteer may not know, in a state it does
            places.append(m.group("country"))
        return " " * len(m.group(0))

    text = _DATELINE.sub(blank, text)
    return _TITLE_DATELINE.sub(blank, text), places
