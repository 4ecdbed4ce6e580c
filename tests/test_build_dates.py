"""Publication dates through ``kg build``: ``--published``, the undated-article warning, and
evidence that starts after the headline and the dateline (real pipeline, real CLI)."""
from __future__ import annotations

import pytest
from rdflib import Dataset, Namespace

DCTERMS = Namespace("http://purl.org/dc/terms/")
GPOL = Namespace("https://w3id.org/geopolitical-kg/ontology#")
TEXT = "Turkey condemned Israel on Monday and recalled its ambassador from Tel Aviv.\n"


@pytest.mark.parametrize("value", ["2025-13-01", "2025-02-30", "yesterday", "18/11/2025", "2025-11"])
def test_a_bad_published_value_is_refused(tmp_path, capsys, value):
    from kg.cli import main

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "g.trig"), "--published", value])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--published" in err and repr(value) in err and "YYYY-MM-DD" in err
    assert not (tmp_path / "g.trig").exists()


def _dates(path):
    ds = Dataset(default_union=True)
    ds.parse(path, format="trig")
    return ({str(o) for o in ds.objects(None, DCTERMS.date)}, {str(o) for o in ds.objects(None, GPOL.date)})


def test_published_dates_the_articles_that_give_none_and_an_undated_one_is_said_once(tmp_path, capsys):
    from kg.cli import main

    src = tmp_path / "in"
    src.mkdir()
    (src / "undated.txt").write_text("Turkey Recalls Envoy\n\n" + TEXT, encoding="utf-8")
    (src / "dated.txt").write_text("Turkey Recalls Envoy\n\nANKARA, Nov 12, 2025 (Wire) - " + TEXT, encoding="utf-8")
    out = tmp_path / "g.trig"
    assert main(["build", str(src), "-o", str(out), "--coder", "rules", "--no-progress"]) == 0
    err = [ln for ln in capsys.readouterr().err.splitlines() if "no publication date" in ln]
    assert len(err) == 1 and "undated.txt" in err[0]
    assert _dates(out)[0] == {"2025-11-12"}

    assert main(["build", str(src), "-o", str(out), "--coder", "rules", "--no-progress",
                 "--published", "2025-11-19"]) == 0
    assert "no publication date" not in capsys.readouterr().err
    articles, events = _dates(out)
    assert articles == {"2025-11-12", "2025-11-19"}  # the dateline wins over --published
    assert {"2025-11-10", "2025-11-17"} <= events    # "on Monday" read against each article's date


def test_evidence_starts_after_the_headline_and_the_dateline(tmp_path, extractor):
    from kg.readers import read_articles

    (tmp_path / "a.txt").write_text("Turkey Condemns Israel Over Strikes\n\n"
                                    "ANKARA, Turkey — Nov 12, 2025: " + TEXT, encoding="utf-8")
    art = next(iter(read_articles([tmp_path / "a.txt"])))
    evs = [e for e in extractor.extract(art).events if e.type == "Condemn"]
    # the headline is a sentence of its own, and the dateline is in no sentence
    assert any(e.evidence.startswith("Turkey condemned Israel on Monday") for e in evs)
    assert all("\n" not in e.evidence and "ANKARA" not in e.evidence for e in evs)
    assert all(art.text[e.char_start:e.char_end] == e.evidence for e in evs)
