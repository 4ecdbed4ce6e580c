"""The ``gpol_org_names`` pipeline component: whole names of organisations as one ORG entity.

The small English model often cuts a long organisation name or misses it: "the Central Committee
of Sudanese Doctors" comes out as ``ORG`` "The Central Committee of" and ``NORP`` "Sudanese";
"the Kenya National Commission on Human Rights" as ``GPE`` "Kenya" alone. The actor stage then
sees a fragment, or the state, where the text names an organisation.

This component runs after ``ner``. First, a name the model stopped at a name the gazetteer had
marked ("The Armed Forces of the" + "Philippines") runs on over it. Then, in each sentence it finds
runs of capitalised words, joined by "of", "on" or "for" (maybe followed by "the") or "and" only
where a capitalised word follows, and "and" only after one of the others or after a word that is no
name by itself ("the Justice and Development Party", while "the European Union and the African
Union" and "India and the European Union" stay two names), and marks a run as one ``ORG`` entity
when its first part (or, joined by "and" alone, its last word) is a noun that heads organisation
names (``data/gazetteer/org_heads.txt``: "Commission", "Society", "Association"...), except a
demonym before one or two words or before a name the gazetteer knows ("the Indian High Commission",
"the Russian Security Council": bodies of the state, which event data codes as the state and the
actor stage reads so; and no Security Council of the UN). Entities inside the run give way to it,
their identity too ("the OAS General Assembly" is not the UN's "General Assembly"); a
run the model already tagged as one entity of another kind is left alone (a person named "Walter
Bank", a place).

>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline(coder="rules")("The Law Society of Kenya called on police to act.")
>>> [(e.text, e.label_) for e in doc.ents]
[('Law Society of Kenya', 'ORG')]
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..resources import project_root

__all__ = ["OrgNames", "acronym_after", "acronym_definitions", "org_heads", "org_name_spans"]

_JOINERS = {"of", "on", "for", "and"}
_LEADERS = {"of", "on", "for"}


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """The head nouns of organisation names, from ``data/gazetteer/org_heads.txt``."""
    path = project_root() / "data" / "gazetteer" / "org_heads.txt"
    words = (ln.strip().lower() for ln in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


_NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


def _plain_word(tok, heads) -> bool:
    """A word before "and" that names nothing by itself ("Justice" in "the Justice and Development
    Party"), unlike a head noun or a name the model tagged ("India and the European Union")."""
    return tok.lower_ not in heads and not tok.ent_type_


@lru_cache(maxsize=1)
def _known_name():
    """Whether the gazetteer knows a name (of any kind)."""
    from ..actors.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    return lambda name: bool(gaz.lookup(name))


def _capitalised(tok) -> bool:
    """A word that can be part of a name: capitalised, no function word, no date or number
    ("the IAEA on Wednesday" is no name)."""
    text = tok.text
    if tok.is_sent_start and tok.pos_ != "PROPN":
        return False  # "Leaders of the ...": capitalised because it begins the sentence
    return (text[:1].isupper() and tok.pos_ not in ("DET", "PRON", "ADP", "CCONJ", "VERB", "AUX")
            and tok.ent_type_ not in _NOT_NAMES and any(c.isalpha() for c in text))


def org_name_spans(doc: Doc) -> list[tuple[int, int]]:
    """``(start, end)`` token offsets of the organisation names of ``doc`` (see the module)."""
    heads = org_heads()
    known = _known_name()
    found = []
    for sent in doc.sents:
        i, end = sent.start, sent.end
        while i < end:
            if not _capitalised(doc[i]):
                i += 1
                continue
            j, first_end, joined = i + 1, None, False
            while j < end:
                if _capitalised(doc[j]):
                    j += 1
                    continue
                low = doc[j].lower_
                if low in _JOINERS and (low != "and" or joined or _plain_word(doc[j - 1], heads)):
                    k = j + 1
                    if k < end and doc[k].lower_ == "the" and low != "and":
                        k += 1
                    if k < end and _capitalised(doc[k]):
                        if first_end is None:
                            first_end = j
                        joined = joined or low in _LEADERS
                        j = k
                        continue
                break
            first = first_end if first_end is not None else j
            if doc[i].ent_type_ == "NORP" and (j - i <= 3 or known(doc[i + 1:j].text)):
                # "the Indian High Commission", "the Russian Security Council": a body of the
                # state the demonym names, as event data codes it (and no UN Security Council)
                i = j
                continue
            if (first - i >= 2 or joined and first - i == 1) and doc[first - 1].lower_ in heads:
                # ("Bank of Canada", "Council of Europe": a head alone before "of" names one too)
                found.append((i, j))
            elif j - i >= 2 and not joined and doc[j - 1].lower_ in heads:
                found.append((i, j))
            i = j
    return found


def _long_form(short: str, text: str) -> int | None:
    """Where in ``text`` the long form of the acronym ``short`` begins, by Schwartz and Hearst's
    rule (2003): the acronym's letters appear in order, from the end, the first of them at the
    start of a word; None when they do not.

    >>> text = "the Royal Solomon Islands Police Force"
    >>> text[_long_form("RSIPF", text):]
    'Royal Solomon Islands Police Force'
    """
    s, t = short.lower(), text.lower()
    si, ti = len(s) - 1, len(t) - 1
    while si >= 0:
        c = s[si]
        if not c.isalnum():
            si -= 1
            continue
        while ti >= 0 and (t[ti] != c or si == 0 and ti > 0 and t[ti - 1].isalnum()):
            ti -= 1
        if ti < 0:
            return None
        ti -= 1
        si -= 1
    return ti + 1


def acronym_definitions(doc: Doc) -> list[tuple[int, int, int]]:
    """``(start, end, acronym)`` token offsets of the names the text defines an acronym for:
    capitalised words before an acronym in brackets whose letters they give ("the Islamic
    State West Africa Province (ISWAP)", "Pakistan Tehreek-e-Insaf (PTI)")."""
    out = []
    for i in (t.i + 1 for t in doc[1:-2] if t.text == "("):
        acr = doc[i]
        if doc[i + 1].text != ")" or not acr.text.isalpha() \
                or not 2 <= len(acr.text) <= 10 or sum(c.isupper() for c in acr.text) < 2:
            continue
        sent_start = acr.sent.start
        first = max(sent_start, i - 1 - min(len(acr.text) + 5, 2 * len(acr.text)))
        window = doc[first:i - 1]
        at = _long_form(acr.text, window.text)
        if at is None:
            continue
        span = doc.char_span(window.start_char + at, window.end_char, alignment_mode="expand")
        if span is None or len(span) < 2 or not span[0].text[:1].isupper() \
                or not all(t.text[:1].isupper() or t.lower_ in _JOINERS | {"the", "in"} or not t.is_alpha
                           or doc[t.i - 1].text == "-" or doc[t.i + 1].text == "-" for t in span):
            continue
        out.append((span.start, span.end, i))
    return out


def acronym_after(doc: Doc, i: int, longest: int = 8) -> int | None:
    """The token of an acronym in brackets starting at token ``i`` ("(PYD)"): one upper-case word
    of 2 to ``longest`` letters; else None."""
    if i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
        return None
    acr = doc[i + 1].text
    return i + 1 if acr.isalpha() and acr.isupper() and 2 <= len(acr) <= longest else None


def _end_at_brackets(doc: Doc, *, extend: bool) -> Doc:
    """An acronym in brackets ends the name before it, whatever language its letters come from.

    The model runs an organisation's name into an unclosed bracket ("the National Committee for
    the Salvation of the People (CNSP"): it is cut at the bracket. With ``extend``, a name that
    stops before a place of its own ("Front for Change and Concord" + "in Chad" before "(FACT)")
    runs on over "in"/"of" and the place to the bracket.

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline(coder="rules")("The rebel Front for Change and Concord in Chad (FACT) said so.")
    >>> [(e.text, e.label_) for e in doc.ents]
    [('Front for Change and Concord in Chad', 'ORG')]
    """
    ents: list = list(doc.ents)
    out, changed = [], False
    for k, x in enumerate(ents):
        if x is None:
            continue
        opened = next((t.i for t in x if t.text == "("), None)
        if x.label_ == "ORG" and opened is not None and opened > x.start + 1 \
                and not any(t.text == ")" for t in doc[opened:x.end]):
            out.append(Span(doc, x.start, opened, label="ORG"))
            changed = True
            continue
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        if extend and x.label_ == "ORG" and nxt is not None and nxt.label_ in ("GPE", "LOC") \
                and nxt.start == x.end + 1 and doc[x.end].lower_ in ("in", "of") \
                and acronym_after(doc, nxt.end, longest=10) is not None and x.end - x.start >= 2:
            out.append(Span(doc, x.start, nxt.end, label="ORG"))
            ents[k + 1] = None
            changed = True
            continue
        out.append(x)
    if changed:
        doc.ents = filter_spans(out)
    return doc


def _join_cut_names(doc: Doc) -> Doc:
    """A name the model cut before its last part, ending in a joiner ("The Armed Forces of the" +
    "Philippines", "The National Police of" + "Colombia"), runs on over the entity right after it.
    The gazetteer's names are marked before the model runs, so the model stops at them.

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline(coder="rules")("The National Police of Colombia accused the ELN.")
    >>> [(e.text, e.label_) for e in doc.ents]
    [('National Police of Colombia', 'ORG'), ('ELN', 'ORG')]
    """
    ents = list(doc.ents)
    out, changed, k = [], False, 0
    while k < len(ents):
        x = ents[k]
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        last = doc[x.end - 1].lower_
        cut = x.label_ == "ORG" and x.end - x.start >= 3 and (
            last in _LEADERS or last == "the" and doc[x.end - 2].lower_ in _LEADERS)
        if cut and nxt is not None and nxt.start == x.end and nxt.label_ in ("GPE", "LOC", "ORG", "NORP"):
            start = x.start + (doc[x.start].lower_ == "the")
            out.append(Span(doc, start, nxt.end, label="ORG"))
            changed, k = True, k + 2
            continue
        out.append(x)
        k += 1
    if changed:
        doc.ents = out
    return doc


class OrgNames:
    """Mark whole organisation names as ``ORG`` entities (see the module)."""

    def __init__(self, nlp: Language, name: str = "gpol_org_names"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc = _end_at_brackets(_join_cut_names(doc), extend=False)
        spans = org_name_spans(doc) + [(s, e) for s, e, _ in acronym_definitions(doc)]
        if not spans:
            return _end_at_brackets(doc, extend=True)
        ents = list(doc.ents)
        new = []
        for s, e in spans:
            if any(x.start <= s and x.end >= e for x in ents):
                continue  # the model has the name whole, or a longer one around it
            inside = [x for x in ents if x.start >= s and x.end <= e]
            if any(x.label_ not in ("ORG", "GPE", "NORP", "LOC", "FAC") and x.end - x.start > 1
                   for x in inside):
                continue  # a person or a date inside: not one name
            overlapping = [x for x in ents if x.start < e and x.end > s and not (x.start >= s and x.end <= e)]
            if overlapping and any(x.label_ != "ORG" for x in overlapping):
                continue
            new.append(Span(doc, s, e, label="ORG"))
        if new:
            keep = [x for x in ents if not any(x.start < n.end and x.end > n.start for n in new)]
            kept = filter_spans(keep + new)
            doc.ents = kept
            for n in new:
                if any(n is x for x in kept):
                    for t in n:
                        # (a known name inside gives way with its identity: "the Philippine
                        # National Security Council" is not the UN's "Security Council")
                        t.ent_id_ = ""
        return _end_at_brackets(doc, extend=True)


@Language.factory("gpol_org_names", default_config={})
def make_org_names(nlp: Language, name: str) -> OrgNames:
    """The ``gpol_org_names`` component (after ``ner``)."""
    return OrgNames(nlp, name)
