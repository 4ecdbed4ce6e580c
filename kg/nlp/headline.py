"""Headlines in Title Case confuse a tagger trained on running text ("Putin Hosts" as a name).

:func:`sentence_case` lowers the capitals of a Title Case headline except on the names the
gazetteer knows, keeping every character offset unchanged, so that the pipeline reads the
headline as a sentence and the evidence offsets still point into the original text.

>>> from kg.actors.gazetteer import Gazetteer
>>> sentence_case("Putin Hosts North Korean Envoy, Deepens Military Alliance", Gazetteer.load())
'Putin hosts North Korean envoy, deepens military alliance'
"""
from __future__ import annotations

import re

__all__ = ["sentence_case", "is_title_case", "recase_title"]

_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_SMALL = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "as", "amid", "over"}


def is_title_case(line: str) -> bool:
    """True when most words of ``line`` (beyond short function words) start with a capital."""
    words = [w for w in _WORD.findall(line) if w.lower() not in _SMALL]
    if len(words) < 4:
        return False
    caps = sum(w[0].isupper() for w in words)
    return caps / len(words) >= 0.75


def sentence_case(line: str, gazetteer) -> str:
    """``line`` with the capitals of words outside known names lowered (same length)."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(line)]
    keep = set()
    n = len(spans)
    i = 0
    while i < n:
        for size in range(min(5, n - i), 0, -1):
            text = line[spans[i][0]:spans[i + size - 1][1]]
            if gazetteer.lookup(text) or gazetteer.state_for_demonym(text) or gazetteer.state_for_metonym(text):
                keep.update(range(i, i + size))
                i += size
                break
        else:
            i += 1
    chars = list(line)
    for j, (s, e) in enumerate(spans):
        if j == 0 or j in keep:
            continue
        word = line[s:e]
        if word.isupper() and len(word) > 1:
            continue  # acronyms: NATO, UN, EU
        chars[s] = chars[s].lower()
    return "".join(chars)


def recase_title(text: str, title: str | None, gazetteer) -> str:
    """``text`` with its opening headline sentence-cased when it is in Title Case: ``title``, or
    with none given, a first line of its own with no stop at its end (a JSONL text or an API
    caller's that starts with its headline).

    >>> from kg.actors.gazetteer import Gazetteer
    >>> recase_title("Putin Hosts North Korean Envoy\\n\\nThe talks began.", None, Gazetteer.load())[:30]
    'Putin hosts North Korean envoy'
    """
    if not title:
        first = text.split("\n", 1)[0].rstrip()
        if "\n" in text and first and first[-1] not in ".!?\"”:":
            title = first
    if not title or not text.startswith(title) or not is_title_case(title):
        return text
    return sentence_case(title, gazetteer) + text[len(title):]
