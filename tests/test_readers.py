import json

import pytest

from kg.readers import ArticleReader, clean_text, is_furniture, read_articles

SEED_FURNITURE = [
    "Also Read: Putin Declares Nuclear-Powered Burevestnik Missile Ready After Successful Test",
    "Gallery Gallery Videos Videos Share on WhatsApp Share",
    "×",
    "Read more: something",
]


@pytest.mark.parametrize("line", SEED_FURNITURE)
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", ["Putin met Kim.", "Also, the talks went on.", "Share prices fell sharply on Monday."])
def test_article_lines_are_kept(line):
    assert not is_furniture(line)


def test_txt_title_and_body(tmp_path):
    (tmp_path / "story.txt").write_text(" \n×\nSummit Title\n\nFirst para.\nAlso Read: Other\nSecond para.\n", encoding="utf-8")
    [a] = list(read_articles([tmp_path]))
    assert (a.id, a.title, a.text) == ("story", "Summit Title", "Summit Title\n\nFirst para.\n\nSecond para.")


def test_jsonl_fields_and_errors(tmp_path):
    f = tmp_path / "news.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "x1", "title": "T", "text": "Body one.", "published": "2025-10-28", "url": "https://example.org/a"}),
        "{not json",
        json.dumps({"id": "x3", "text": "   "}),
        json.dumps({"text": "Body four."}),
    ]) + "\n", encoding="utf-8")
    reader = ArticleReader([f])
    arts = list(reader)
    assert [a.id for a in arts] == ["x1", "news-4"]
    assert str(arts[0].published) == "2025-10-28" and arts[0].url == "https://example.org/a"
    assert len(reader.errors) == 2
    assert "news.jsonl:2" in str(reader.errors[0]) and "E004" in str(reader.errors[0])
    assert "news.jsonl:3" in str(reader.errors[1]) and "E005" in str(reader.errors[1])


def test_bad_files_are_reported_and_skipped(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "latin1.txt").write_bytes("Title\n\nCaf\xe9 talks".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Title\n\nKim met Trump.")
    reader = ArticleReader([tmp_path, tmp_path / "missing.txt"])
    assert [a.id for a in reader] == ["good"]
    msgs = sorted(str(e) for e in reader.errors)
    assert any("binary.txt" in m and "E002" in m for m in msgs)
    assert any("empty.txt" in m and "E001" in m for m in msgs)
    assert any("latin1.txt" in m and "E003" in m for m in msgs)
    assert any("missing.txt" in m and "E008" in m for m in msgs)


def test_size_limit(tmp_path):
    (tmp_path / "big.txt").write_text("Title\n\n" + "word " * 300_000)
    reader = ArticleReader([tmp_path], max_mb=1)
    assert list(reader) == []
    assert "E006" in str(reader.errors[0])


def test_clean_text_seed_furniture():
    title, body = clean_text("×\n\nHeadline\n\nText.\n\nAlso Read: X\n\nGallery Gallery Videos Videos Share on WhatsApp Share\n")
    assert title == "Headline" and body == "Text."


def test_non_english_article_is_skipped(tmp_path):
    (tmp_path / "de.txt").write_text("Titel\n\nDer russische Präsident Wladimir Putin hat am Montag den nordkoreanischen "
                                     "Außenminister im Kreml empfangen und über militärische Zusammenarbeit gesprochen, "
                                     "teilte das Präsidialamt mit.", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Title\n\nRussian President Vladimir Putin received North Korea's foreign minister "
                                     "at the Kremlin on Monday and discussed military cooperation, his office said.")
    reader = ArticleReader([tmp_path])
    assert [a.id for a in reader] == ["en"]
    assert "de.txt" in str(reader.errors[0]) and "E007" in str(reader.errors[0])


def test_control_characters_are_removed_and_exports_stay_xml(tmp_path):
    """Control characters in article text never reach labels, the terminal or XML exports."""
    import xml.etree.ElementTree as ET

    from kg.cli import main

    src = tmp_path / "ctrl.jsonl"
    text = ("Kenyan President William\x01 Ruto met \x1b[31mSomali President Hassan Sheikh Mohamud\x7f "
            "in Nairobi on Monday.\x0b Kenya accused al-Shabaab\x02 of attacking a border post.")
    src.write_text(json.dumps({"id": "c1", "title": "Talks\x07 in Nairobi", "text": text}) + "\n",
                   encoding="utf-8")
    art = next(iter(read_articles([src])))
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in art.text + art.title)
    assert "\x1b" not in art.text and "[31mSomali" in art.text
    graph = tmp_path / "g.trig"
    assert main(["build", str(src), "-o", str(graph), "--coder", "rules"]) == 0
    for ext in ("graphml", "gexf"):
        out = tmp_path / f"g.{ext}"
        assert main(["export", str(graph), "-o", str(out)]) == 0
        ET.parse(out)  # well-formed XML


def test_a_line_nested_too_deeply_is_one_error(tmp_path):
    src = tmp_path / "deep.jsonl"
    good = json.dumps({"id": "ok", "text": "Kenya's president met Somalia's president in Nairobi on Monday."})
    src.write_text(good + "\n" + "[" * 5000 + "]" * 5000 + "\n" + good.replace('"ok"', '"ok2"') + "\n",
                   encoding="utf-8")
    errors = []
    arts = list(ArticleReader([src], on_error=errors.append))
    assert [a.id for a in arts] == ["ok", "ok2"]
    assert len(errors) == 1 and f"{src}:2" in str(errors[0]) and "nested too deeply" in str(errors[0])


def test_a_line_that_is_not_utf8_is_named_by_file_and_line(tmp_path):
    src = tmp_path / "enc.jsonl"
    good = json.dumps({"id": "ok", "text": "Kenya's president met Somalia's president in Nairobi on Monday."})
    src.write_bytes(good.encode() + b"\n" + b'{"id": "bad", "text": "Kenya \xff\xfe met Somalia."}\n'
                    + good.replace('"ok"', '"ok2"').encode() + b"\n")
    errors = []
    arts = list(ArticleReader([src], on_error=errors.append))
    assert [a.id for a in arts] == ["ok", "ok2"]
    assert len(errors) == 1 and f"{src}:2:" in str(errors[0]) and "UTF-8" in str(errors[0])


_BODY = "Kenya's president met Somalia's president in Nairobi on Monday to discuss border security."


@pytest.mark.parametrize("head,expected", [
    ("NAIROBI, Nov 18, 2025 (Reuters) - ", "2025-11-18"),
    ("NAIROBI, Kenya — March 3, 2025: ", "2025-03-03"),
    ("NAIROBI, 3 March 2025 (AFP) – ", "2025-03-03"),
    ("NAIROBI, Tuesday, Nov. 18, 2025 — ", "2025-11-18"),
    ("NAIROBI/MOGADISHU, Nov 18, 2025 (Reuters) - ", "2025-11-18"),  # filed from two towns
    ("NAIROBI, Nov 18 (Reuters) - ", None),  # no year: not a publication date
    ("NAIROBI (Reuters) - ", None),
])
def test_a_dateline_gives_the_publication_date(tmp_path, head, expected):
    (tmp_path / "a.txt").write_text(f"Kenya and Somalia Talk Border\n\n{head}{_BODY}\n", encoding="utf-8")
    art = next(iter(ArticleReader([tmp_path / "a.txt"])))
    assert (art.published.isoformat() if art.published else None) == expected
    assert head.strip() in art.text  # the dateline stays: it names where the story was filed


@pytest.mark.parametrize("line", ["Published: 2025-03-03", "3 March 2025", "March 3, 2025",
                                  "Updated: Monday 3 March 2025 | 14:05 GMT", "Posted on Mar. 3, 2025"])
def test_a_date_line_under_the_title_is_read_and_taken_out(tmp_path, line):
    (tmp_path / "a.txt").write_text(f"Kenya and Somalia Talk Border\n{line}\n\n{_BODY}\n", encoding="utf-8")
    art = next(iter(ArticleReader([tmp_path / "a.txt"])))
    assert art.published.isoformat() == "2025-03-03"
    assert art.title == "Kenya and Somalia Talk Border"
    assert art.text == f"Kenya and Somalia Talk Border\n\n{_BODY}"


def test_a_date_line_above_the_title(tmp_path):
    (tmp_path / "a.txt").write_text(f"2025-03-03\nKenya and Somalia Talk Border\n\n{_BODY}\n", encoding="utf-8")
    art = next(iter(ArticleReader([tmp_path / "a.txt"])))
    assert (art.title, art.published.isoformat()) == ("Kenya and Somalia Talk Border", "2025-03-03")


def test_a_date_in_the_body_is_not_the_publication_date(tmp_path):
    body = "\n\n".join([_BODY] * 4 + ["March 3, 2025", "NAIROBI, Nov 18, 2025 (Reuters) - " + _BODY])
    (tmp_path / "a.txt").write_text(f"Kenya and Somalia Talk Border\n\n{body}\n", encoding="utf-8")
    warnings = []
    art = next(iter(ArticleReader([tmp_path / "a.txt"], on_warning=warnings.append)))
    assert art.published is None
    assert len(warnings) == 1 and str(tmp_path / "a.txt") in warnings[0] and "no publication date" in warnings[0]


def test_jsonl_published_first_then_the_dateline_then_the_default(tmp_path):
    from datetime import date

    src = tmp_path / "a.jsonl"
    recs = [{"id": "p", "published": "2025-01-02", "text": "NAIROBI, Nov 18, 2025 (Reuters) - " + _BODY},
            {"id": "d", "text": "NAIROBI, Nov 18, 2025 (Reuters) - " + _BODY},
            {"id": "n", "text": _BODY}]
    src.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    warnings = []
    arts = list(ArticleReader([src], on_warning=warnings.append))
    assert [a.published for a in arts] == [date(2025, 1, 2), date(2025, 11, 18), None]
    assert len(warnings) == 1 and f"{src}:3" in warnings[0]
    warnings.clear()
    arts = list(ArticleReader([src], published=date(2024, 5, 6), on_warning=warnings.append))
    assert [a.published for a in arts] == [date(2025, 1, 2), date(2025, 11, 18), date(2024, 5, 6)]
    assert warnings == []
