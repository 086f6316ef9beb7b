"""University-administration words on the teacher's screen: one gathered, low-priority finding per text.

*Opintojakso* is the university's own word for a course. The annotation guide marks such words as terms outsiders do
not know, and the project's interim study found that working life does not understand the terminology universities
use ("korkeakoulujen käyttämää terminologiaa ei ymmärretä työelämässä"). The blind reviewers of the teacher's screen
judged a finding *per word* on it wrong ('opintojakso': 0 of 10; corpora/lexicon/screen_familiar.tsv): a teacher
reading the same word flagged again and again gains nothing. So such words are named once per text, in one finding
of severity 1 that gives each place its everyday word in the right form ('Opintojaksolla' -> 'Kurssilla'), ordered
after every other finding ("näytä kaikki"). Every occurrence is kept in ``occurrences``, so each one is highlighted.

Blind review (univ round 1, 40 findings on real test texts, two reviewers): *opintojakso -> kurssi* was judged right
in every item by both; *osaamistavoite*, *oppimistavoite* and *moduuli* were judged familiar and see-through (the
kind was 86 % right with them), so they are off the list (corpora/words/university_words.tsv keeps them as
comments with the verdict). Where the text itself has a case error the everyday word would carry
('Opintojakso suoritettuaan'), the suggestion gives the right case ('Kurssin suoritettuaan').

Not named:

- a word another finding on the screen already covers (the lexicon's own entries: *opintopiste*, *lähiopetus*);
- a term the organisation's glossary accepts;
- a field name ('Opintojakson sisältö:', a word in capitals) and a word in an official unit name (a title line
  'Opintojakso X (5 op)', a capitalised word inside a sentence): the teacher cannot change those;
- an upper-secondary, basic-education or vocational text (ePerusteet): there *opintojakso* is the national
  requirements' official unit.

Switch off with the setting ``POIJU_SCORING_UNIVERSITY_WORDS=0``.

>>> from poiju_nlp.scoring import score
>>> f = [f for f in score("Opintojaksolla opit kirjaamaan. Opintojakson jälkeen osaat kirjata.").findings
...      if f.kind == "university_word"][0]
>>> f.count, f.severity, f.reason
(2, 1, "'Opintojakso' on korkeakoulun oma sana (2 kertaa). Arkikielen 'kurssi' tarkoittaa samaa, ja lukija ymmärtää sen varmemmin.")
>>> f.suggestion
"Kirjoita 'Opintojaksolla' → 'Kurssilla', 'Opintojakson' → 'Kurssin'."
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..settings import SCORING
from ..text.analysis import TextAnalysis, Token
from ..text.inflect import inflect
from .findings import Finding

UNIVERSITY_WORDS = "words/university_words.tsv"
# Behind every other finding of the screen: passives (3+), unknown words (2.5+) and word findings (1+) come first.
IMPACT = 0.5
# Upper-secondary, basic-education and vocational texts (ePerusteet): the units and headings there are the national
# requirements' official names. Unlike scoring/credits.py, 'moduuli' is not in this pattern: university courses have
# modules too.
_SCHOOL_TEXT = re.compile(r"\b(osp|osaamispistee?\w*|lukio\w*|perusopetu\w*|tutkinnon (osa|suorittaja)\w*|"
                          r"ammatillise\w* tutkin\w*|ammattitaitovaatimu\w*)\b", re.IGNORECASE)
HEADING_WORDS = 3  # 'Opintojakson osaamistavoitteet:' is a field name; more words before a colon make a sentence
# 'suoritettuaan', 'käytyään': the temporal participle that wants a genitive before it ('Kurssin suoritettuaan')
_TEMPORAL = re.compile(r"\s+(\w+(?:uaan|yään|uani|yäni|uasi|yäsi|uamme|yämme|uanne|yänne))\b")
MAX_SWAPS = 5  # places listed in the suggestion; every place is highlighted
_SENTENCE_END = (".", "!", "?", ":", ";", "\n", "-", "•", "–", "—", "(")


@dataclass(frozen=True)
class UniversityWord:
    term: tuple[str, ...]  # base forms, one per word ('pieni', 'osaamiskokonaisuus')
    plain: str  # what an employer understands: an everyday word or a short explanation

    @property
    def name(self) -> str:
        return " ".join(self.term)


@lru_cache(maxsize=1)
def university_words() -> tuple[UniversityWord, ...]:
    """The list of corpora/words/university_words.tsv, longest phrase first."""
    from ..text.wordlists import read_tsv

    words = [UniversityWord(tuple(row["term"].lower().split()), row["plain"])
             for row in read_tsv(UNIVERSITY_WORDS) if row.get("term")]
    return tuple(sorted(words, key=lambda w: -len(w.term)))


def school_text(text: str) -> bool:
    """An ePerusteet upper-secondary, basic-education or vocational text (see the module docstring)."""
    return bool(_SCHOOL_TEXT.search(text))


def _forms(t: Token) -> set[str]:
    return {t.base, t.lemma.lower(), t.text.lower()}


def _match(words: list[Token], i: int, entry: UniversityWord) -> bool:
    seq = words[i:i + len(entry.term)]
    return len(seq) == len(entry.term) and all(w in _forms(t) for w, t in zip(entry.term, seq))


def occurrences(a: TextAnalysis) -> list[tuple[UniversityWord, int, int]]:
    """Every university word of the text as (entry, start, end), before the screen's skips (module docstring)."""
    words = a.words
    found, i = [], 0
    while i < len(words):
        entry = next((e for e in university_words() if _match(words, i, e)), None)
        if entry is None:
            i += 1
            continue
        start, end = words[i].start, words[i + len(entry.term) - 1].end
        found.append((entry, start, end))
        i += len(entry.term)
    return found


def _heading(text: str, start: int, end: int) -> bool:
    """A field name: a short line ending in a colon ('Opintojakson sisältö:') or the line's first words before one
    ('Osaamistavoitteet: Kurssin jälkeen ...'), not a sentence that ends in a list ('Kurssi koostuu neljästä
    moduulista: ...')."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    lead = text[line_start:end].split()
    return (line.endswith(":") and len(line.split()) <= HEADING_WORDS
            or bool(re.match(r"\s*:", text[end:])) and len(lead) <= HEADING_WORDS)


def _title_line(text: str, start: int, end: int) -> bool:
    """A word in an official unit name: a title line ('Opintojakso X (5 op)'), not a sentence that gives credits."""
    from .detectors import unit_name

    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    return unit_name(text, start, end) and not re.search(r"[.!?](\s|$)", line)


def _name_word(text: str, start: int) -> bool:
    """A capitalised word inside a sentence is part of a name ('kurssi Moduuli 3', 'Opintojakso X'); not when a
    lower-case word follows it: then a full stop was lost before it ('... keinoin Opintojaksolla opiskelija:',
    review univ 2)."""
    if not text[start:start + 1].isupper():
        return False
    before = text[:start].rstrip(" \t")
    if not before or before.endswith(_SENTENCE_END):
        return False
    after = re.match(r"\S+\s+(\S)", text[start:])
    return not (after and after.group(1).islower())


def university_word_finding(a: TextAnalysis, covered=(), glossary=None) -> Finding | None:
    """The text's university-administration words as one finding, or None (see the module docstring).
    ``covered``: [start, end] places another finding on the screen already names; ``glossary``: the organisation's
    glossary (its accepted terms are never named)."""
    if not SCORING.university_words or school_text(a.text):
        return None
    kept: list[tuple[UniversityWord, int, int]] = []
    for entry, start, end in occurrences(a):
        if any(s < end and start < e for s, e in covered):
            continue
        if glossary and glossary.accepts(entry.name):
            continue
        if (a.text[start:end].isupper() or _heading(a.text, start, end) or _name_word(a.text, start)
                or _title_line(a.text, start, end)):
            continue
        kept.append((entry, start, end))
    if not kept:
        return None
    counts: dict[str, int] = {}
    for entry, _, _ in kept:
        counts[entry.name] = counts.get(entry.name, 0) + 1
    plain = {entry.name: entry.plain for entry, _, _ in kept}
    listed = ", ".join(f"'{name}'" + (f" ({n} kertaa)" if n > 1 else "") for name, n in counts.items())
    if len(counts) == 1:
        name, n = next(iter(counts.items()))
        reason = (f"'{name.capitalize()}' on korkeakoulun oma sana" + (f" ({n} kertaa)" if n > 1 else "") +
                  f". Arkikielen '{plain[name]}' tarkoittaa samaa, ja lukija ymmärtää sen varmemmin.")
    else:
        reason = (f"Korkeakoulun omia sanoja: {listed}. Arkikielen sanat tarkoittavat samaa, ja lukija ymmärtää ne "
                  "varmemmin.")
    by_start = {t.start: t for t in a.words}
    swaps = list(dict.fromkeys(_swap(a.text, entry, by_start.get(start), start, end) for entry, start, end in kept))
    tip = "Kirjoita " + ", ".join(swaps[:MAX_SWAPS]) + (", ..." if len(swaps) > MAX_SWAPS else "") + "."
    entry, start, end = kept[0]
    return Finding(start, end, a.text[start:end], "university_word", 1, reason, tip, count=len(kept),
                   occurrences=[[s, e] for _, s, e in kept], impact=IMPACT)  # no ``term``: no lexicon lemma


def _swap(text: str, entry: UniversityWord, token: Token | None, start: int, end: int) -> str:
    """One place's everyday word in the original's form: "'Opintojaksolla' → 'Kurssilla'". A one-word alternative
    takes the original's case; where a nominative stands before a temporal participle ('Opintojakso suoritettuaan':
    a case error of the text itself) the genitive is given, so the swap does not carry the error. An explanation
    ('lyhyt koulutus, josta saa todistuksen') is given as it is."""
    from .inflection import inflected_alternative
    from .select import real_finnish

    original = text[start:end]
    if token is None or " " in entry.plain or len(entry.term) > 1:
        return f"'{original}' → '{entry.plain}'"
    after = _TEMPORAL.match(text[end:])
    if after and token.morph.get("Case") in ("Nom", None) and original.lower() == entry.name:
        form = inflect(entry.plain, "+sg+gen") or entry.plain
        form = form.capitalize() if original[:1].isupper() else form
        return f"'{original} {after.group(1)}' → '{form} {after.group(1)}' (tähän kuuluu genetiivi)"
    form = inflected_alternative(entry.plain, token)
    return f"'{original}' → '{form if real_finnish(form) else entry.plain}'"
