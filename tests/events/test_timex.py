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


@pytest.mark.parametrize("text,past,future", [
    ("in April", "2025-04", "2026-04"),
    ("on Friday", "2025-10-24", "2025-10-31"),
    ("on March 3", "2025-03-03", "2026-03-03"),
    ("on 12 December", "2024-12-12", "2025-12-12"),
    ("last month", "2025-09", "2025-09"),  # said outright: no reading ahead
    ("next week", "2025-11", "2025-11"),
])
def test_a_date_without_a_year_of_a_future_event_is_the_next_one(text, past, future):
    assert (resolve_date(text, ANCHOR), resolve_date(text, ANCHOR, future=True)) == (past, future)


def test_a_planned_visit_in_a_month_already_past_this_year_is_next_years(extractor):
    from kg.model import Article
    x = extractor.extract(Article(id="t", text="Trump said he would visit China in April.", published=ANCHOR))
    assert [e.date for e in x.events if e.type == "Visit"] == ["2026-04"]


PUBLISHED = date(2025, 11, 18)  # a Tuesday


def _events(extractor, text, published=PUBLISHED):
    from kg.model import Article
    return [(e.type, e.modality, e.date) for e in
            extractor.extract(Article(id="t", text=text, published=published)).events]


def test_relative_dates_are_read_against_the_publication_date(extractor):
    assert _events(extractor, "Turkey condemned Israel on Monday.") == [("Condemn", "Asserted", "2025-11-17")]
    assert _events(extractor, "Turkey condemned Israel last month.") == [("Condemn", "Asserted", "2025-10")]


def test_an_act_told_without_a_date_carries_the_publication_date(extractor):
    assert _events(extractor, "Turkey condemned Israel.") == [("Condemn", "Asserted", "2025-11-18")]
    # without a publication date nothing is guessed
    assert _events(extractor, "Turkey condemned Israel.", None) == [("Condemn", "Asserted", None)]


def test_a_date_the_text_gives_but_we_cannot_read_leaves_the_act_undated(extractor):
    assert [d for *_, d in _events(extractor, "The EU imposed sanctions on Iran at the end of that month.")] == [None]


def test_when_a_state_begins_is_not_when_the_act_was_done(extractor):
    # "from 2027": the ban starts then; it was imposed when reported
    assert _events(extractor, "The EU banned imports of Russian gas from 2027.") == \
        [("EconomicSanction", "Asserted", "2025-11-18")]


def test_an_act_dated_after_the_story_is_planned(extractor):
    evs = _events(extractor, "Iran and the IAEA hold talks in Vienna on December 5, 2025.")
    assert evs and all(m == "Hypothetical" for _, m, d in evs if d and d > "2025-11-18")


def test_an_announced_intent_is_dated_when_told_not_when_planned(extractor):
    evs = _events(extractor, "Sudan said on Monday it would attack the RSF in December.")
    assert ("Threaten", "Asserted", "2025-11-17") in evs
    assert all(m == "Hypothetical" for _, m, d in evs if d > "2025-11-18")


def test_the_trained_coder_dates_nothing_done_after_the_story(coded_extractor):
    evs = _events(coded_extractor, "Chinese President Xi Jinping and U.S. President Donald Trump agreed at a "
                                   "meeting in South Korea last month to ease trade tensions, and Trump is "
                                   "expected to visit Beijing in April.", date(2025, 11, 24))
    late = [(t, m, d) for t, m, d in evs if d and d > "2025-11-24"]
    assert late and all(m == "Hypothetical" for _, m, _ in late)
