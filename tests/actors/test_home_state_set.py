"""The story leads of data/home_state/: the actor stage finds a datelined story's own state."""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from home_state_check import DEFAULT, check  # noqa: E402


def test_every_lead_names_its_states_and_opens_with_a_dateline():
    records = [json.loads(line) for line in DEFAULT.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 80 and len({r["id"] for r in records}) == 80
    for r in records:
        assert r["kind"] in ("neighbour", "home") and r["batch"] in (1, 2), r["id"]
        assert (r["kind"] == "home") == (r["dateline_state"] == r["own_state"]), r["id"]
        assert " - " in r["text"][:60], r["id"]  # "CITY (Wire) - ", "CITY, Country - "


def test_stories_filed_from_a_neighbour_and_from_home_get_their_own_state():
    right, total, wrong = check()
    neighbour = sum(right[g] for g in total if g[1] == "neighbour"), sum(total[g] for g in total if g[1] == "neighbour")
    home = sum(right[g] for g in total if g[1] == "home"), sum(total[g] for g in total if g[1] == "home")
    # (30 / 40 and 37 / 40 as shipped; the dateline's state alone gives 0 / 40 and 40 / 40)
    assert neighbour[0] >= 28 and home[0] >= 36, (neighbour, home, [(r["id"], got) for r, got in wrong])
