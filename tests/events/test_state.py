"""The event extractor keeps no per-document state on itself (issue 15): what it learns while
reading a document lives in a :class:`kg.events.state.DocState` made for that document."""
from __future__ import annotations

from kg.events.extract import EventExtractor


def test_reading_a_document_leaves_the_component_unchanged(nlp):
    component = nlp.get_pipe("gpol_events")
    assert isinstance(component, EventExtractor)
    before = dict(vars(component))
    # protesters told of (the crowd), a suppressed demand content, an open directed event
    doc = nlp("Thousands of protesters marched in Lima. Peruvian police fired tear gas at the crowds. "
              "Peru urged Chile to reopen the border. Bolivia rejected the claim.")
    assert doc._.gpol_events
    after = vars(component)
    assert after.keys() == before.keys()
    assert all(after[k] is before[k] for k in before)


def test_a_second_document_starts_afresh(nlp):
    """The protesters of one story are the crowd its police fire at, not the crowd of the next."""
    first = nlp("Thousands of protesters marched in Lima. Peruvian police fired tear gas at the crowds.")
    assert ("Assault", ["peru"], ["peru-opposition"]) in [(e.type, e.actors, e.recipients) for e in first._.gpol_events]
    second = nlp("Peruvian police fired tear gas at the crowds.")
    assert [(e.type, e.actors, e.recipients) for e in second._.gpol_events] == [("Assault", ["peru"], [])]
