"""Credits, bylines and the page's own lines are no part of the story (real pipeline): no reporter
becomes an actor, no "contributed" an event, no linked story's act an event of this one, and the
events' evidence still points into the original text."""
from __future__ import annotations

import pytest

from kg.model import Article

_STORY = ("KYIV, March 3 (Reuters) - Russia fired missiles at Ukraine's power grid overnight, "
          "Ukrainian officials said on Monday. Ukraine's foreign minister Andrii Sybiha urged allies "
          "to send more air defence systems.")


@pytest.mark.parametrize("credit", [
    "(Reporting by Olena Harmash and Tom Balmforth in Kyiv; Additional reporting by Mark Trevelyan "
    "in London; Editing by Andrew Osborn)",
    "Reporting by Olena Harmash; Writing by Tom Balmforth; Editing by Andrew Osborn",
    "Associated Press writers Olena Harmash in Kyiv and Tom Balmforth in London contributed to this report.",
    "Olena Harmash contributed reporting from Kyiv, and Tom Balmforth from London.",
    "--With assistance from Olena Harmash and Tom Balmforth.\n\nTo contact the reporter on this story:\n"
    "Andrew Osborn in London at aosborn@example.com",
    "By Olena Harmash and Tom Balmforth",
    "Olena Harmash Defence and security editor",
])
def test_the_journalists_a_credit_names_are_no_actors(extractor, credit):
    text = f"{_STORY}\n\n{credit}\n"
    x = extractor.extract(Article(id="t", text=text))
    people = {k for k, a in x.actors.items() if a.kind == "Person"}
    assert people == {"andrii-sybiha"}, people
    assert all(e.actors != ["olena-harmash"] for e in x.events)
    assert x.events
    for e in x.events:  # offsets unchanged: the evidence is the original text there
        assert text[e.char_start:e.char_end] == e.evidence


def test_prose_that_opens_like_a_credit_stays(extractor):
    # lower-case words a credit never holds: this is the story
    x = extractor.extract(Article(id="t", text="Reporting by state media said Russia had attacked Ukraine. "
                                               "Ukraine contributed troops to the force, the ministry said."))
    assert "russia" in x.actors and any(e.actors == ["russia"] for e in x.events), x.events


def test_a_link_to_another_story_gives_none_of_its_events(extractor):
    text = f"{_STORY}\n\nRead more: Zelensky meets Macron in Paris\n\nSign up for our morning briefing"
    x = extractor.extract(Article(id="t", text=text))
    assert "emmanuel-macron" not in x.actors and all(e.type != "Meet" for e in x.events), x.events
    assert any(e.actors == ["russia"] for e in x.events)


def test_a_headline_that_ends_like_a_byline_stays(extractor):
    # the first line is the headline, whatever word it ends with
    x = extractor.extract(Article(id="t", text="Russia Expels German Newspaper Editor\n\n"
                                               "Russia expelled Germany's ambassador on Monday."))
    assert "germany" in x.actors and any(e.actors == ["russia"] for e in x.events), x.events


def test_a_title_case_headline_opening_a_text_with_no_title_is_read_as_a_sentence(extractor):
    # an API caller's or a JSONL text that starts with its headline, no title given: "Ruling Party
    # Pushes Foreign Agents Law" is no organisation's name
    text = ("Georgia's Ruling Party Pushes Foreign Agents Law Despite EU Warnings\n\n"
            "TBILISI - Georgia's parliament passed the bill on Wednesday.")
    x = extractor.extract(Article(id="t", text=text))
    assert set(x.actors) <= {"georgia", "european-union", "georgian-dream"}, sorted(x.actors)


def test_a_photographs_caption_gives_none_of_its_events(extractor):
    # a file photo shows an older scene: its people are no actors of this story, its act no event
    text = ("FILE PHOTO: Russian President Vladimir Putin meets Chinese President Xi Jinping in Beijing, "
            "China May 16, 2024. REUTERS/Sergei Bobylev/Pool/File Photo\n\n"
            "MOSCOW, March 3 (Reuters) - Russia expelled two Estonian diplomats on Monday.\n\n"
            "Our Standards: The Thomson Reuters Trust Principles.")
    x = extractor.extract(Article(id="t", text=text))
    assert {"vladimir-putin", "xi-jinping"}.isdisjoint(x.actors), sorted(x.actors)
    assert [(e.actors, e.recipients) for e in x.events] == [(["russia"], ["estonia"])], x.events


@pytest.mark.parametrize("notice", [
    "This article was amended on 4 March 2025 to correct the name of Egypt's foreign minister, Badr Abdelatty.",
    "Correction: An earlier version of this story misstated the title of Egypt's foreign minister, Badr Abdelatty.",
])
def test_a_correction_notice_names_no_actors_of_the_story(extractor, notice):
    text = f"{_STORY}\n\n{notice}\n"
    x = extractor.extract(Article(id="t", text=text))
    assert {"egypt", "badr-abdelatty"}.isdisjoint(x.actors), sorted(x.actors)
    assert any(e.actors == ["russia"] for e in x.events)


@pytest.mark.parametrize("stamp", ["13:50 - ", "13:50 GMT - ", "09:30 EAT – BREAKING: ", "9.05am: "])
def test_a_live_reports_time_stamp_runs_into_no_name(extractor, stamp):
    # read as text, "13:50 - Congress" was one body, and the stamp ran into the title before a name
    text = (f"LIMA, Dec 7 - Live updates: President Pedro Castillo faces a vote in Congress.\n\n"
            f"{stamp}Congress has voted to remove Castillo.\n\n"
            f"{stamp}Organization of American States Secretary General Luis Almagro says the region is "
            f"watching and calls on the army to free Castillo.")
    x = extractor.extract(Article(id="t", text=text))
    assert not any(ch.isdigit() for a in x.actors.values() for ch in a.label), [a.label for a in x.actors.values()]
    assert any(e.actors == ["luis-almagro"] and e.type == "Request" for e in x.events), x.events
    for e in x.events:
        assert text[e.char_start:e.char_end] == e.evidence
