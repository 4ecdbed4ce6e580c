"""--since and --until take real calendar dates only: a month 13, a 30 February or a word is
refused with a message naming the option and the value, and nothing is written."""
import subprocess
import sys
from pathlib import Path

import pytest

from kg.analysis.network import AnalysisError, date_bounds, filter_network

ROOT = Path(__file__).resolve().parents[1]
BAD = ["2025-13", "2025-02-30", "yesterday", "2025-1", "2025-00", "2025-04-31", "20251", "0000"]


@pytest.mark.parametrize("text", BAD)
def test_date_bounds_refuses_what_is_not_a_calendar_date(text):
    assert date_bounds(text) is None


def test_date_bounds_of_real_dates():
    assert date_bounds("2024-02-29") == ("2024-02-29", "2024-02-29")
    assert date_bounds("2025-02") == ("2025-02-01", "2025-02-31")
    assert date_bounds(" 2025 ") == ("2025-01-01", "2025-12-31")
    assert date_bounds("2023-02-29") is None   # not a leap year


@pytest.mark.parametrize("text", ["2025-13", "2025-02-30"])
def test_filter_network_refuses_bad_dates(text):
    import networkx as nx

    with pytest.raises(AnalysisError, match="E182"):
        filter_network(nx.MultiDiGraph(), since=text)
    with pytest.raises(AnalysisError, match="E182"):
        filter_network(nx.MultiDiGraph(), until=text)


@pytest.mark.parametrize("option,value", [("--since", "2025-13"), ("--until", "2025-02-30"),
                                          ("--since", "yesterday")])
def test_kg_view_refuses_bad_dates_and_writes_nothing(tmp_path, option, value):
    out = tmp_path / "view.html"
    source = ROOT / "tests" / "no-graph-needed.trig"   # the option is refused before the source is read
    r = subprocess.run([sys.executable, "-m", "kg", "view", str(source), "-o", str(out), option, value],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r.stderr
    assert option in r.stderr and repr(value) in r.stderr and "YYYY-MM-DD" in r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists()


@pytest.mark.parametrize("text", ["2025-13", "2025-00", "2025-02-30", "yesterday"])
def test_named_query_date_parameters_refuse_what_is_not_a_calendar_date(text):
    from kg.query import QueryError, to_term

    with pytest.raises(QueryError, match="E037"):
        to_term(text, "date", param="since")


def test_named_query_date_parameters_take_years_and_months():
    from rdflib.namespace import XSD

    from kg.query import to_term

    assert to_term("2025-12", "date").datatype == XSD.gYearMonth
    assert to_term("2025", "date").datatype == XSD.gYear
