"""Resolve the date expressions of news text against the article's publication date.

Returns ISO strings at the precision the text gives: ``YYYY-MM-DD`` (xsd:date), ``YYYY-MM``
(xsd:gYearMonth) or ``YYYY`` (xsd:gYear). Relative expressions ("on Friday", "last month",
"last fall", "yesterday") need an anchor, normally the publication date.

>>> from datetime import date
>>> anchor = date(2025, 10, 28)          # a Tuesday
>>> resolve_date("October 27, 2025", anchor)
'2025-10-27'
>>> resolve_date("on Friday", anchor)
'2025-10-24'
>>> resolve_date("last month", anchor)
'2025-09'
>>> resolve_date("in 2018", anchor)
'2018'
>>> resolve_date("last fall", anchor)
'2024'
"""
from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["resolve_date", "datatype_of", "find_anchor", "starts_after"]

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_SEASONS = {"spring", "summer", "fall", "autumn", "winter"}

_MON = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_RE_MDY = re.compile(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_RE_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+(\d{4})")
_RE_MD = re.compile(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b")
_RE_DM = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"\b")
_RE_MY = re.compile(_MON + r",?\s+(\d{4})")
_RE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_RE_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_RE_MONTH = re.compile(r"\b" + _MON + r"\b")


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower().rstrip(".")[:3]]


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_shift(anchor: date, delta: int) -> tuple[int, int]:
    idx = anchor.year * 12 + anchor.month - 1 + delta
    return idx // 12, idx % 12 + 1


def resolve_date(text: str, anchor: date | None = None, future: bool = False) -> str | None:
    """The ISO date (or year-month, or year) that ``text`` names, or None.

    A date with no year and no "last"/"next" is the latest one on or before the anchor, or, for
    an event told as ``future`` (planned, expected), the first one on or after it:

    >>> resolve_date("in April", date(2025, 10, 30)), resolve_date("in April", date(2025, 10, 30), future=True)
    ('2025-04', '2026-04')
    >>> resolve_date("on Friday", date(2025, 10, 28), future=True)
    '2025-10-31'
    """
    t = text.lower().strip()
    if m := _RE_ISO.search(t):
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    if m := _RE_MDY.search(t):
        return _valid(int(m[3]), _month(m[1]), int(m[2]))
    if m := _RE_DMY.search(t):
        return _valid(int(m[3]), _month(m[2]), int(m[1]))
    if m := _RE_MY.search(t):
        return f"{int(m[2]):04d}-{_month(m[1]):02d}"
    if anchor is not None:
        for rx, mi, di in ((_RE_MD, 1, 2), (_RE_DM, 2, 1)):
            if m := rx.search(t):
                mon, day = _month(m[mi]), int(m[di])
                if future:
                    year = anchor.year if (mon, day) >= (anchor.month, anchor.day) else anchor.year + 1
                else:
                    year = anchor.year if (mon, day) <= (anchor.month, anchor.day) or "next" in t else anchor.year - 1
                return _valid(year, mon, day)
    if m := _RE_YEAR.search(t):  # "in 2018", "2018-2019" (the start)
        return m[1]
    if anchor is None:
        return None
    words = re.findall(r"[a-z]+", t)
    if "today" in words or "tonight" in words:
        return anchor.isoformat()
    if "yesterday" in words:
        return (anchor - timedelta(days=1)).isoformat()
    if "tomorrow" in words:
        return (anchor + timedelta(days=1)).isoformat()
    for w in words:
        if w in _WEEKDAYS:
            back = (anchor.weekday() - _WEEKDAYS[w]) % 7
            if "next" in words or "coming" in words or (future and "last" not in words):
                fwd = (_WEEKDAYS[w] - anchor.weekday()) % 7
                if fwd == 0 and not (future and "next" not in words):
                    fwd = 7  # "next Tuesday" said on a Tuesday; "on Tuesday" of a planned event is today
                return (anchor + timedelta(days=fwd)).isoformat()
            if back == 0 and "last" in words:
                back = 7
            return (anchor - timedelta(days=back)).isoformat()
    if "month" in words:
        if "last" in words or "previous" in words:
            return "%04d-%02d" % _month_shift(anchor, -1)
        if "next" in words:
            return "%04d-%02d" % _month_shift(anchor, 1)
        if "this" in words or "earlier" in words:
            return "%04d-%02d" % (anchor.year, anchor.month)
    if "week" in words and ({"last", "this", "earlier", "next", "previous", "coming"} & set(words)):
        shift = -7 if ({"last", "previous"} & set(words)) else 7 if ({"next", "coming"} & set(words)) else 0
        day = anchor + timedelta(days=shift)
        return "%04d-%02d" % (day.year, day.month)
    if "year" in words:
        if "last" in words or "previous" in words:
            return str(anchor.year - 1)
        if "next" in words:
            return str(anchor.year + 1)
        if "this" in words or "earlier" in words:
            return str(anchor.year)
    for w in words:
        if w in _SEASONS:
            # "last fall" said in October 2025 is fall 2024; "last spring" said in October is 2025.
            start = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}[w]
            if "last" in words:
                return str(anchor.year - 1 if start >= anchor.month - 2 else anchor.year)
            if "next" in words:
                return str(anchor.year + 1 if start <= anchor.month else anchor.year)
            return str(anchor.year)
    if m := _RE_MONTH.search(t):
        mon = _month(m[1])
        if mon == 5 and "may" in words and len(words) > 2:
            return None  # "may" the modal verb
        year = anchor.year if mon <= anchor.month or "next" in words else anchor.year - 1
        if future and "last" not in words:
            year = anchor.year if mon >= anchor.month else anchor.year + 1
        if "last" in words:
            year = anchor.year - 1 if mon >= anchor.month else anchor.year
        return f"{year:04d}-{mon:02d}"
    return None


def datatype_of(iso: str) -> str:
    """The XSD datatype local name for an ISO string from :func:`resolve_date`.

    >>> datatype_of("2025-10"), datatype_of("2025"), datatype_of("2025-10-27")
    ('gYearMonth', 'gYear', 'date')
    """
    return {4: "gYear", 7: "gYearMonth"}.get(len(iso), "date")


def starts_after(iso: str, day: date) -> bool:
    """True when the date, month or year ``iso`` begins after ``day``.

    >>> starts_after("2025-11", date(2025, 11, 18)), starts_after("2026", date(2025, 11, 18))
    (False, True)
    """
    y, m, d = (list(map(int, iso.split("-"))) + [1, 1])[:3]
    return date(y, m, d) > day


def find_anchor(texts) -> date | None:
    """The latest full date written in ``texts``: the anchor for an article without a publication date."""
    best = None
    for text in texts:
        iso = resolve_date(text, None)
        if iso and len(iso) == 10:
            d = date.fromisoformat(iso)
            best = d if best is None or d > best else best
    return best
