"""What is printed around a story but is not the story: journalists' credits and bylines ("(Reporting
by Olena Harmash in Kyiv; Editing by Andrew Osborn)", "By John Smith", "Associated Press writer Jane
Doe contributed to this report.") and the web page's own lines ("Read more: Zelensky meets Macron
in Paris", "FILE PHOTO: Putin meets Xi in Beijing, May 16, 2024."). Read as text, reporters become
people of the graph, "contributed" an act of aid, and a link or a caption its own events.

:func:`mask_boilerplate` blanks them out with spaces, keeping every character offset, as
:func:`kg.nlp.dateline.mask_datelines` does for datelines. Each kind is found by a word list of
``data/syntax/``:

* ``credit_lines.txt``: phrases that open a credit line or a parenthesised trailer ("Reporting
  by", "Editing by", "By"); ``credit_sentences.txt``: phrases that end a paragraph's credit
  sentence ("contributed to this report"). Either is a credit only when its other lower-case
  words are those of ``credit_words.txt`` (names, places and a few function words), so prose
  that opens alike stays;
* ``journalist_titles.txt``: a short line with no stop ending with one ("Dan Sabbagh Defence and
  security editor") is a byline (not the text's first line, which may be its headline);
* ``page_lines.txt``: a short paragraph opening with one ("Read more:", "Sign up", "FILE PHOTO:")
  is the page's: a link, a prompt, a photograph's caption (an older scene, not the story's act);
* a live report's time stamp opening a paragraph ("13:50 GMT - ", "9.05am: "), with the label
  after it of ``live_labels.txt`` ("BREAKING:"): read as text, it runs into the name after it
  ("13:50 - Congress" as one body) or hides it (the tagger takes "09:30 GMT - The army" for a
  time).

>>> mask_boilerplate("Russia struck Kyiv. (Reporting by Olena Harmash; Editing by Andrew Osborn)").rstrip()
'Russia struck Kyiv.'
>>> mask_boilerplate("Ukraine accused Russia. AP writer Jane Doe in Kyiv contributed to this report.").rstrip()
'Ukraine accused Russia.'
>>> mask_boilerplate("By Jane Doe\\n\\nRussia struck Kyiv.\\n\\nRead more: Putin meets Xi").strip()
'Russia struck Kyiv.'
>>> mask_boilerplate("Reporting by state media said the talks had failed.")
'Reporting by state media said the talks had failed.'
>>> mask_boilerplate("Talks began.\\n\\n13:50 GMT - BREAKING: Congress has voted.").split()
['Talks', 'began.', 'Congress', 'has', 'voted.']
>>> mask_boilerplate("9.05am: The army said it had withdrawn.").split()
['The', 'army', 'said', 'it', 'had', 'withdrawn.']
>>> mask_boilerplate("12:30 - 14:00 was the curfew.")
'12:30 - 14:00 was the curfew.'
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["mask_boilerplate"]

_LOWER = re.compile(r"(?<![\w@.])[a-z][a-z'’\-]*(?![\w@])")
_SHORT_PAGE_LINE = 40  # words: a link's headline, a prompt or a caption, not a paragraph of the story
_SHORT_BYLINE = 10


@lru_cache(maxsize=1)
def _patterns() -> dict:
    from ..events.modality import word_list

    def alternatives(name: str) -> str:
        # longest first, each phrase free in its spacing
        return "|".join(r"\s+".join(map(re.escape, p.split()))
                        for p in sorted(word_list(name), key=len, reverse=True))

    opener = alternatives("credit_lines")
    return {
        # a parenthesised trailer anywhere, or a paragraph that opens with a credit phrase (and the
        # line after one that ends with a colon: "To contact the reporter on this story:")
        "trailer": re.compile(rf"(?i)\((?:{opener})\b[^()\n]*\)"),
        "line": re.compile(rf"(?im)^[ \t]*(?:--?[ \t]*)?(?:{opener})\b(?:[^\n]*:[ \t]*\n[^\n]*|[^\n]*)$"),
        # the last sentence of a paragraph, ending with a credit phrase and where from
        "sentence": re.compile(rf"(?im)(?:(?<=[.!?\"”)])[ \t]+|^[ \t]*)([^.!?\n]*?\b"
                               rf"(?:{alternatives('credit_sentences')})\b[^.!?\n]*\.)[ \t]*$"),
        "byline": re.compile(rf"(?im)(?<=\n)[ \t]*[A-Z][^\n.!?]*\b(?:{alternatives('journalist_titles')})[ \t]*$"),
        "page": re.compile(rf"(?im)^[ \t]*(?:{alternatives('page_lines')})(?!\w)[^\n]*$"),
        # a time (24-hour or am/pm), a zone's abbreviation ("GMT", "EAT", "GMT+3"), a dash or a
        # colon, then perhaps a label: at the start of a paragraph, before a word
        "stamp": re.compile(r"(?m)^[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?"
                            r"(?:[ \t]+[A-Z]{2,5}(?:[+-]\d{1,2})?)?[ \t]*(?:[-\u2013\u2014]|:(?!\d))[ \t]+"
                            rf"(?:(?i:{alternatives('live_labels')})[ \t]*[-:\u2013\u2014][ \t]+)?(?=[^\W\d])"),
        "allowed": frozenset(word_list("credit_words") | {w for name in ("credit_lines", "credit_sentences")
                                                          for p in word_list(name) for w in p.split()}),
    }


def mask_boilerplate(text: str) -> str:
    """``text`` with its credits, bylines and page lines replaced by spaces (same length)."""
    p = _patterns()

    def credit(s: str) -> bool:
        return all(w.lower() in p["allowed"] for w in _LOWER.findall(s))

    def short(limit: int):
        return lambda s: len(s.split()) <= limit

    def blank(is_boilerplate, group: int = 0):
        # blank the match's ``group`` when ``is_boilerplate`` says it is, else keep the match
        def sub(m: re.Match) -> str:
            start, end = m.span(group)
            if not is_boilerplate(m.group(group)):
                return m.group(0)
            return m.group(0)[:start - m.start()] + " " * (end - start) + m.group(0)[end - m.start():]
        return sub

    text = p["trailer"].sub(blank(credit), text)
    text = p["line"].sub(blank(credit), text)
    text = p["sentence"].sub(blank(credit, 1), text)
    text = p["byline"].sub(blank(short(_SHORT_BYLINE)), text)
    text = p["stamp"].sub(lambda m: " " * len(m.group(0)), text)
    return p["page"].sub(blank(short(_SHORT_PAGE_LINE)), text)
