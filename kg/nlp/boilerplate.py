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
  is the page's: a link, a prompt, a photograph's caption (an older scene, not the story's act).

>>> mask_boilerplate("Russia struck Kyiv. (Reporting by Olena Harmash; Editing by Andrew Osborn)").rstrip()
'Russia struck Kyiv.'
>>> mask_boilerplate("Ukraine accused Russia. AP writer Jane Doe in Kyiv contributed to this report.").rstrip()
'Ukraine accused Russia.'
>>> mask_boilerplate("By Jane Doe\\n\\nRussia struck Kyiv.\\n\\nRead more: Putin meets Xi").strip()
'Russia struck Kyiv.'
>>> mask_boilerplate("Reporting by state media said the talks had failed.")
'Reporting by state media said the talks had failed.'
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
    return p["page"].sub(blank(short(_SHORT_PAGE_LINE)), text)
