"""University-administration words on the teacher's screen: one gathered, low-priority finding per text.

Words such as *opintojakso*, *osaamistavoite* or *arviointikriteeri* are the university's own vocabulary. The
annotation guide marks them as terms outsiders do not know, and the project's interim study found that working life
does not understand the terminology universities use ("korkeakoulujen käyttämää terminologiaa ei ymmärretä
työelämässä"). The blind reviewers of the teacher's screen judged a finding *per word* on them wrong
('opintojakso': 0 of 10; corpora/lexicon/screen_familiar.tsv): a teacher reading the same word flagged again and
again gains nothing. So they are named once per text, in one finding of severity 1 that lists every such word with
the everyday word an employer knows (opintojakso -> kurssi), ordered after every other finding ("näytä kaikki").
Every occurrence is kept in ``occurrences``, so each one is highlighted.

The words live in corpora/words/university_words.tsv (with a checker). Not named:

- a word another finding on the screen already covers (the lexicon's own entries: *opintopiste*, *lähiopetus*);
- a term the organisation's glossary accepts;
- a field name ('Osaamistavoitteet:', 'OSAAMISTAVOITTEET') and a word in an official unit name ('Moduuli 3',
  'Opintojakso X (5 op)' as a title line): the teacher cannot change those;
- an upper-secondary, basic-education or vocational text (ePerusteet): there *moduuli*, *opintojakso* and
  *osaamistavoite* are the national requirements' official units and headings;
- a word marked ``sense=study`` (*moduuli*) outside a sentence about studies: a software module is no study unit.

Switch off with the setting ``POIJU_SCORING_UNIVERSITY_WORDS=0``.

>>> from poiju_nlp.scoring import score
>>> f = [f for f in score("Opintojaksolla opit kirjaamaan. Opintojakson jälkeen osaat kirjata.").findings
...      if f.kind == "university_word"][0]
>>> f.count, f.severity, f.reason
(2, 1, "Korkeakoulun oma sana, jota työelämän lukija ei ehkä tunne: 'opintojakso' (2 kertaa).")
>>> f.suggestion
'Käytä tavallista sanaa tai selitä sana, kun se tulee tekstissä ensimmäisen kerran: opintojakso → kurssi.'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..settings import SCORING
from ..text.analysis import TextAnalysis, Token
from .findings import Finding

UNIVERSITY_WORDS = "words/university_words.tsv"
# Behind every other finding of the screen: passives (3+), unknown words (2.5+) and word findings (1+) come first.
IMPACT = 0.5
# Upper-secondary, basic-education and vocational texts (ePerusteet): the units and headings there are the national
# requirements' official names. 'moduuli' is not in this pattern (cf. scoring/credits.py): it is the word judged here.
_SCHOOL_TEXT = re.compile(r"\b(osp|osaamispistee?\w*|lukio\w*|perusopetu\w*|tutkinnon (osa|suorittaja)\w*|"
                          r"ammatillise\w* tutkin\w*|ammattitaitovaatimu\w*)\b", re.IGNORECASE)
HEADING_WORDS = 3  # 'Opintojakson osaamistavoitteet:' is a field name; more words before a colon make a sentence
_CREDITS = re.compile(r"\d\s*(op|opintopistee?\w*|ects)\b", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", ":", ";", "\n", "-", "•", "–", "—", "(")


@dataclass(frozen=True)
class UniversityWord:
    term: tuple[str, ...]  # base forms, one per word ('pieni', 'osaamiskokonaisuus')
    plain: str  # what an employer understands: an everyday word or a short explanation
    study_sense_only: bool  # named only in a sentence about studies (a course word or credits nearby)

    @property
    def name(self) -> str:
        return " ".join(self.term)


@lru_cache(maxsize=1)
def university_words() -> tuple[UniversityWord, ...]:
    """The list of corpora/words/university_words.tsv, longest phrase first."""
    from ..text.wordlists import read_tsv

    words = [UniversityWord(tuple(row["term"].lower().split()), row["plain"], row.get("sense") == "study")
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
    """A capitalised word inside a sentence is part of a name ('kurssi Moduuli 3', 'Opintojakso X')."""
    if not text[start:start + 1].isupper():
        return False
    before = text[:start].rstrip(" \t")
    return bool(before) and not before.endswith(_SENTENCE_END)


def _about_studies(a: TextAnalysis, start: int) -> bool:
    """The sentence speaks of studies: a course word ('opintojakso', 'kurssi') or credits ('10 op')."""
    from ..text.wordlists import word_class

    sent = next((s for s in a.sentences if s.start <= start < s.end), None)
    if sent is None:
        return False
    units = word_class("course_unit") - {"moduuli"}
    toks = [a.tokens[k] for k in sent.tokens]
    return bool(_CREDITS.search(sent.text)) or any(_forms(t) & units for t in toks if t.is_word and t.start != start)


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
        if a.text[start:end].isupper() or _heading(a.text, start, end) or _name_word(a.text, start) or _title_line(a.text, start, end):
            continue
        if entry.study_sense_only and not _about_studies(a, start):
            continue
        kept.append((entry, start, end))
    if not kept:
        return None
    counts: dict[str, int] = {}
    for entry, _, _ in kept:
        counts[entry.name] = counts.get(entry.name, 0) + 1
    plain = {entry.name: entry.plain for entry, _, _ in kept}
    listed = ", ".join(f"'{name}'" + (f" ({n} kertaa)" if n > 1 else "") for name, n in counts.items())
    reason = (f"Korkeakoulun oma sana, jota työelämän lukija ei ehkä tunne: {listed}." if len(counts) == 1 else
              f"Korkeakoulun omia sanoja, joita työelämän lukija ei ehkä tunne: {listed}.")
    swaps = [f"{name} → {plain[name]}" for name in counts]
    tip = ("Käytä tavallista sanaa tai selitä sana, kun se tulee tekstissä ensimmäisen kerran: " + "; ".join(swaps)
           + ".")
    entry, start, end = kept[0]
    return Finding(start, end, a.text[start:end], "university_word", 1, reason, tip, count=len(kept),
                   occurrences=[[s, e] for _, s, e in kept], impact=IMPACT)  # no ``term``: no lexicon lemma
