"""Two per-article rules of the actor stage, on the real pipeline: an acronym the text defines
after a name is that organisation wherever it recurs, and the name after "bin"/"ibn" is a
father's name, not a surname another person of the article is known by."""
from __future__ import annotations


def mentions(nlp, text):
    return [(m.text, m.key) for m in nlp(text)._.gpol_mentions]


def test_an_acronym_defined_after_a_name_is_that_organisation(nlp):
    found = mentions(nlp, "Leaders of the Patriotic Farmers Union (PFU) met in Harare on Monday. "
                          "Police later arrested two PFU organisers, and the PFU called a strike.")
    keys = {k for t, k in found if t == "PFU"}
    assert keys == {k for t, k in found if t.endswith("Patriotic Farmers Union")}, found
    assert len([t for t, _ in found if t == "PFU"]) >= 2


def test_an_acronym_the_text_does_not_define_is_left_alone(nlp):
    found = mentions(nlp, "Leaders of the Patriotic Farmers Union met in Harare. The PFU called a strike.")
    farmers = {k for t, k in found if t.endswith("Patriotic Farmers Union")}
    assert not any(t == "PFU" and k in farmers for t, k in found)


def test_a_fathers_name_is_no_surname_of_the_son(nlp):
    found = mentions(nlp, "Crown Prince Mohammed bin Salman met the envoy on Monday. "
                          "Later King Salman received the envoy at the palace.")
    son = {k for t, k in found if t == "Mohammed bin Salman"}
    assert son and not any(t == "Salman" and k in son for t, k in found), found
