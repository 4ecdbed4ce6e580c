"""Credits of a story's journalists ("(Reporting by Olena Harmash in Kyiv; Editing by Andrew
Osborn)", "Associated Press writer Jane Doe contributed to this report.") name no actor: read as
text, the reporters become people of the graph, and "contributed" an act of aid.

:func:`mask_credits` blanks them out with spaces, keeping every character offset, as
:func:`kg.nlp.dateline.mask_datelines` does for datelines. The phrases that open a credit
(``data/syntax/credit_lines.txt``) or end a credit sentence (``credit_sentences.txt``) find one;
it is a credit only when its other lower-case words are those of ``credit_words.txt``: names,
places and a few function words.

>>> mask_credits("Russia struck Kyiv. (Reporting by Olena Harmash; Editing by Andrew Osborn)").rstrip()
'Russia struck Kyiv.'
>>> mask_credits("Ukraine accused Russia. AP writer Jane Doe in Kyiv contributed to this report.").rstrip()
'Ukraine accused Russia.'
>>> mask_credits("Reporting by state media said the talks had failed.")
'Reporting by state media said the talks had failed.'
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["mask_credits"]

_LOWER = re.compile(r"(?<![\w@.])[a-z][a-z'’\-]*(?![\w@])")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, frozenset[str]]:
    from ..events.modality import word_list

    def alternatives(name: str) -> str:
        # longest first, each phrase free in its spacing
        return "|".join(r"\s+".join(map(re.escape, p.split()))
                        for p in sorted(word_list(name), key=len, reverse=True))

    opener = alternatives("credit_lines")
    # a parenthesised trailer anywhere, or a paragraph that opens with a credit phrase
    trailer = re.compile(rf"(?i)\((?:{opener})\b[^()\n]*\)")
    # (and the line after one that ends with a colon: "To contact the reporter on this story:")
    line = re.compile(rf"(?im)^[ \t]*(?:--?[ \t]*)?(?:{opener})\b(?:[^\n]*:[ \t]*\n[^\n]*|[^\n]*)$")
    # the last sentence of a paragraph, ending with a credit phrase and where from
    sentence = re.compile(rf"(?im)(?:(?<=[.!?\"”)])[ \t]+|^[ \t]*)([^.!?\n]*?\b"
                          rf"(?:{alternatives('credit_sentences')})\b[^.!?\n]*\.)[ \t]*$")
    allowed = word_list("credit_words") | {w for name in ("credit_lines", "credit_sentences")
                                             for p in word_list(name) for w in p.split()}
    return trailer, line, sentence, frozenset(allowed)


def mask_credits(text: str) -> str:
    """``text`` with its credit lines and credit sentences replaced by spaces (same length)."""
    trailer, line, sentence, allowed = _patterns()

    def credit(s: str) -> bool:
        return all(w.lower() in allowed for w in _LOWER.findall(s))

    def blank(m: re.Match, group: int = 0) -> str:
        start, end = m.span(group)
        if not credit(m.group(group)):
            return m.group(0)
        return m.group(0)[:start - m.start()] + " " * (end - start) + m.group(0)[end - m.start():]

    text = trailer.sub(blank, text)
    text = line.sub(blank, text)
    return sentence.sub(lambda m: blank(m, 1), text)
