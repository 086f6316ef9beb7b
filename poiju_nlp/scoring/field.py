"""Whose field is a text in? The lexicon's plain alternatives are written for the readers' own work (social, health
and safety jobs). In a course of another field a loanword is often that field's term in another sense: the blind
review of the teacher's findings (round 3) found 'integrointi' in a maths course glossed as 'yhdistää', 'metodit' in
programming as 'menetelmät', 'interventio' in art as 'tukitoimi', 'pilottijakso' in TV writing as 'kokeilu'. There
the teacher is offered no swap from the general lexicon.

>>> from poiju_nlp.text import analyze
>>> care_text(analyze("Opit tukemaan asiakasta ja potilasta arjessa. Kurssi sopii hoitajille.", check_language=False))
True
>>> maths = "Opit integroimaan vektorikenttiä ja laskemaan pinta-aloja ja tilavuuksia. " * 5
>>> care_text(analyze(maths, check_language=False)), care_text(analyze(maths[:60], check_language=False))
(False, True)
"""
from __future__ import annotations

from functools import lru_cache

from ..text.analysis import TextAnalysis
from ..text.wordlists import word_set

# Word beginnings that mark a text about social, health or safety work ('hoitotyö', 'asiakkaan', 'potilas'): one home,
# corpora/words/field_stems.tsv. Two hits make a care text: one 'hyvinvointi' in a chemistry course does not.
FIELD_STEMS = "words/field_stems.tsv"
CARE_HITS = 2
# a text this short says too little about its field: it is taken as the readers' own (a sentence typed to try the tool)
FIELD_MIN_WORDS = 40
# lexicon domains written for the readers' own field; 'korkeakoulu' words (study administration) are the same in
# every field's course
GENERAL_DOMAINS = ("tyyli", "yleinen", "sote", "turvallisuus")


@lru_cache(maxsize=1)
def care_stems() -> tuple[str, ...]:
    return tuple(sorted(word_set(FIELD_STEMS, "stem")))


@lru_cache(maxsize=1)
def _screen_familiar() -> frozenset[str]:
    return word_set("lexicon/screen_familiar.tsv", "lemma")


@lru_cache(maxsize=1)
def _screen_confirmed() -> frozenset[str]:
    return word_set("lexicon/screen_confirmed.tsv", "lemma")


def screen_confirmed(lemma: str) -> bool:
    """A lexicon term one or both blind reviewers named as a stumbling point for a working-life reader although it
    is frequent or made of frequent parts ('toteutussuunnitelma', 'palvelumuotoilu', 'työn imu';
    corpora/lexicon/screen_confirmed.tsv): frequency says nothing of a term's sense, so it is not judged by it."""
    return lemma.lower() in _screen_confirmed()


def screen_familiar(lemma: str) -> bool:
    """A lexicon word the teacher's screen does not flag though the rewriter may still swap it
    (corpora/lexicon/screen_familiar.tsv: 'opintojakso', 'osaamistavoite', 'moduuli'): the blind reviewers of the
    teacher's findings called it familiar every time, while the team's gold marks it (see README)."""
    return lemma.lower() in _screen_familiar()


def care_text(a: TextAnalysis) -> bool:
    """True when the text is about social, health or safety work (the readers' field), or too short to tell."""
    hits = 0
    if sum(t.is_word for t in a.tokens) < FIELD_MIN_WORDS:
        return True
    for t in a.tokens:
        if t.is_word and (t.base or t.text.lower()).startswith(care_stems()):
            hits += 1
            if hits >= CARE_HITS:
                return True
    return False


def swap_out_of_field(entry, care: bool) -> bool:
    """A lexicon word the teacher should not be offered a swap for in this text: outside the readers' field a
    loanword or academic word is likely the course's own term in another sense (see the module docstring)."""
    return (not care and entry is not None and entry.domain in GENERAL_DOMAINS
            and entry.action in ("suggest", "replace"))


# a study word the text uses this often is the text's own unit ('Moduulin tehtävänä on ...' in every upper-secondary
# module): the blind review (round 3) judged all 8 'moduuli' findings wrong, an official name the teacher cannot change
OWN_UNIT_USES = 2


def own_unit_word(entry, uses: int) -> bool:
    """A study-administration word with no safe swap that the text uses as the name of its own unit."""
    return entry is not None and entry.domain == "korkeakoulu" and entry.action == "suggest" and uses >= OWN_UNIT_USES


# Working-life readers know a native word this frequent, or a compound of parts this frequent (familiarity: wordfreq
# Zipf of the word, else of its rarest part): 'yhdenvertaisuus' (3.5), 'hybridiopetus' (3.7), 'lähdekritiikki'
# (4.2), 'osaamisalue' (4.5), 'kandidaatintutkielma' (3.4) were all judged familiar in blind reviews 5-6 (0 of 14
# right), while the terms judged right were rarer: 'vertaisoppiminen' (1.2), 'kypsyysnäyte' (2.9), 'lähiopetus'
# (1.4). A single loanword is not judged by frequency: academic text makes 'konteksti' or 'kognitiivinen' common
# in a corpus, and the reviewers still named them as stumbling points. The gloss stays in the lexicon for the
# rewriter.
FAMILIAR_TERM = 3.4
NATIVE_KINDS = ("term", "bureaucratic")


def familiar_to_reader(token, entry) -> bool:
    """A lexicon term a reader outside the field knows (see FAMILIAR_TERM); never a credit word, whose hours a
    reader needs ('opintopiste')."""
    from .credits import CREDIT_WORDS
    from .familiarity import familiarity
    from .glossary import OWN_GLOSSARY_DOMAIN

    if token is None or entry is None or entry.lemma.lower().split()[0] in CREDIT_WORDS \
            or entry.domain == OWN_GLOSSARY_DOMAIN \
            or screen_confirmed(entry.lemma):  # the organisation's own replacement, a confirmed term: always offered
        return False
    native = len(token.compound_parts) >= 2 or entry.kind in NATIVE_KINDS
    return native and familiarity(token) >= FAMILIAR_TERM
