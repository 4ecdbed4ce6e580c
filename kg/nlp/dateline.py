"""Wire-copy datelines ("KHARTOUM, Oct 28 (Reuters) - ...") name where a story was filed, not who
acted: a parser reads "RIYADH ... - Trump met X" with Riyadh as a subject.

:func:`mask_datelines` blanks them out with spaces (offsets unchanged) and returns the place they
name, which the actor stage uses as the story's home when a phrase such as "the army" or "police"
names no state.

>>> text, places = mask_datelines("KHARTOUM, Oct 28 (Wire) - The army shelled the city.")
>>> text.strip(), places
('The army shelled the city.', ['KHARTOUM'])
"""
from __future__ import annotations

import re

__all__ = ["mask_datelines"]

_DATELINE = re.compile(
    r"""(?m)^
    (?P<place>[A-Z][A-Z.'’\-]+(?:\ [A-Z][A-Z.'’\-]+){0,3})          # KHARTOUM, UNITED NATIONS, NEW DELHI
    (?:,\ [A-Z][A-Za-z.'’\-]+(?:\ [A-Z][A-Za-z.'’\-]+){0,2})?       # , Congo
    (?:,?\ (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\ \d{1,2}(?:,\ \d{4})?)?  # , Oct 28
    (?:\ \([A-Za-z0-9 .&'’\-]{1,30}\))?                              # (Reuters)
    \ ?[-–—]{1,2}\ """,
    re.VERBOSE,
)


def mask_datelines(text: str) -> tuple[str, list[str]]:
    """``text`` with its datelines replaced by spaces, and the places they name."""
    places: list[str] = []

    def blank(m: re.Match) -> str:
        places.append(m.group("place"))
        return " " * len(m.group(0))

    return _DATELINE.sub(blank, text), places
