"""kg export / kg validate / kg push through the real command line entry point (kg.cli.main)."""
from interop_fixtures import OxigraphServer, conforming, copy
from kg.cli import main
from kg.export import export
from kg.namespaces import ARTICLE, EVENT, GPOL


def test_validate_cli_exit_codes_and_lines(tmp_path, capsys):
    good = export(conforming(), tmp_path / "good.trig")
    assert main(["validate", str(good)]) == 0
    assert capsys.readouterr().out.strip().endswith("valid: 5 events, 5 actors")
    ds = copy(conforming())
    ds.graph(ARTICLE["seed"]).remove((EVENT["e1"], GPOL.actor, None))
    bad = export(ds, tmp_path / "bad.nq")
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == ["event:e1: [actor] an event has at least one gpol:actor (an IRI)"]
    assert "invalid: 1 violation" in out.err
    assert main(["validate", str(tmp_path / "missing.ttl")]) == 1
    assert "[E008]" in capsys.readouterr().err


def test_export_cli_writes_and_rejects_unknown_extensions(tmp_path, capsys):
    src = export(conforming(), tmp_path / "g.nq")
    assert main(["export", str(src), "-o", str(tmp_path / "g.gexf")]) == 0
    assert (tmp_path / "g.gexf").stat().st_size > 0
    assert main(["export", str(src), "-o", str(tmp_path / "g.ttl")]) == 0
    assert "merged" in capsys.readouterr().err
    assert main(["export", str(src), "-o", str(tmp_path / "g.pdf")]) == 1
    assert "[E060]" in capsys.readouterr().err


def test_push_cli_against_oxigraph(tmp_path, capsys):
    src = export(conforming(), tmp_path / "g.trig")
    with OxigraphServer(tmp_path / "db") as srv:
        assert main(["push", str(src), "--endpoint", srv.url + "/query"]) == 0
    assert "pushed 2 named graph(s)" in capsys.readouterr().out
