from datetime import date

import pytest

from kg.events.timex import datatype_of, find_anchor, resolve_date

ANCHOR = date(2025, 10, 28)  # a Tuesday


@pytest.mark.parametrize("text,expected", [
    ("October 27, 2025", "2025-10-27"),
    ("27 October 2025", "2025-10-27"),
    ("Oct. 27, 2025", "2025-10-27"),
    ("2025-10-27", "2025-10-27"),
    ("on Friday", "2025-10-24"),
    ("early Thursday", "2025-10-23"),
    ("Tuesday", "2025-10-28"),
    ("last Tuesday", "2025-10-21"),
    ("yesterday", "2025-10-27"),
    ("last month", "2025-09"),
    ("Last month", "2025-09"),
    ("earlier this month", "2025-10"),
    ("last fall", "2024"),
    ("since last fall", "2024"),
    ("in 2018", "2018"),
    ("2018-2019", "2018"),
    ("March 2024", "2024-03"),
    ("March 3", "2025-03-03"),
    ("December", "2024-12"),
    ("last year", "2024"),
    ("next year", "2026"),
])
def test_resolve_against_anchor(text, expected):
    assert resolve_date(text, ANCHOR) == expected


def test_relative_dates_need_an_anchor():
    assert resolve_date("on Friday", None) is None
    assert resolve_date("last month", None) is None
    assert resolve_date("October 27, 2025", None) == "2025-10-27"


def test_invalid_dates_are_rejected():
    assert resolve_date("February 30, 2025", ANCHOR) is None


def test_datatypes():
    assert [datatype_of(x) for x in ("2025", "2025-09", "2025-09-01")] == ["gYear", "gYearMonth", "date"]


def test_anchor_is_latest_full_date():
    assert find_anchor(["last month", "October 27, 2025", "June 1, 2024"]) == date(2025, 10, 27)
    assert find_anchor(["last month"]) is None
