"""Credit words on the teacher's screen: '5 op' written out in the right case, with the hours of work where they
hold (higher education: domain.HOURS_PER_CREDIT), none for vocational 'osp' and upper-secondary units."""
from __future__ import annotations

import re

from ..domain import CREDIT_WORDS, credit_range_start, credits_to_hours
from .findings import Finding
from .lexicon import LexiconEntry

# Credit words whose amount is student work in hours (higher education: 1 op = domain.HOURS_PER_CREDIT h). An
# osaamispiste (osp, vocational) measures competence, not hours.
HOUR_CREDIT_WORDS = {w for w in CREDIT_WORDS if not w.startswith(("osp", "osaamis"))}
# Upper-secondary and vocational texts (ePerusteet) use 'op' and 'osp' for their own units: no hours there.
_SCHOOL_TEXT = re.compile(r"\b(osp|osaamispiste\w*|lukio\w*|moduuli\w*|tutkinnon osa\w*|perusopetu\w*)\b",
                          re.IGNORECASE)


def hours_apply(text: str) -> bool:
    """True unless the text is an upper-secondary or vocational one, where a credit is not 27 hours of work."""
    return not _SCHOOL_TEXT.search(text)


SCHOOL_CREDIT_EXPLANATION = "Opintojen laajuuden yksikkö."


def credit_gloss(entry: LexiconEntry, credits: float | None, text: str = "") -> str | None:
    """'5 opintopistettä' -> 'noin 135 tuntia työtä' instead of the per-credit gloss; in a lukio or vocational text
    only the word itself ('op' -> 'opintopiste', '' for 'opintopiste'): the hours do not hold there."""
    if entry.lemma.lower() not in HOUR_CREDIT_WORDS:
        return None
    if not hours_apply(text):
        return "opintopiste" if entry.lemma != "opintopiste" else ""
    if credits is None:
        return None
    hours = round(credits_to_hours(credits))
    prefix = "opintopistettä, " if entry.lemma != "opintopiste" else ""
    return f"{prefix}noin {hours} tuntia työtä"


def is_credit_abbreviation(entry: LexiconEntry) -> bool:
    return (entry.kind == "abbreviation" and entry.lemma.lower() in CREDIT_WORDS and bool(entry.plain)
            and " " not in entry.plain[0].split(",")[0].strip())  # one word, to put in the partitive




def credit_finding(entry: LexiconEntry, start: int, end: int, text: str, credits: float | None,
                   full_text: str) -> Finding:
    """The teacher's version of a credit abbreviation: '5 op' written out in the right case, with the hours where
    they hold: '5 opintopistettä (noin 135 tuntia työtä)'; inside a bracket ('Nimi (5 op)') without a second
    bracket: '(5 opintopistettä, noin 135 tuntia työtä)'. 'osp' and upper-secondary 'op' get no hours. (The detail
    finding keeps the 'op (...)' form the rewriter's explain rule reads.)"""
    word = entry.plain[0].split(",")[0].strip()  # the lexicon's gloss: 'opintopiste, noin ... tuntia työtä'
    form = word if credits in (None, 1) else word + "ttä"
    hours = (round(credits_to_hours(credits)) if credits and entry.lemma.lower() in HOUR_CREDIT_WORDS
             and hours_apply(full_text) else None)  # '(0 op)': 'noin 0 tuntia' says nothing (blind review 4)
    if hours is not None and (low := credit_range_start(full_text[:start])) is not None:
        hours = f"{round(credits_to_hours(low))}–{hours}"  # '3–12 op' is 81–324 hours, not 324 (blind review 3)
    in_bracket = full_text[end:end + 1] == ")"
    if hours is None:
        replacement = form
    elif in_bracket:
        replacement = f"{form}, noin {hours} tuntia työtä"
    else:
        replacement = f"{form} (noin {hours} tuntia työtä)"
    what = (f"{word.capitalize()} on opintojen työmäärän yksikkö." if hours is not None else
            entry.explanation if entry.lemma.lower() not in HOUR_CREDIT_WORDS else
            SCHOOL_CREDIT_EXPLANATION)
    reason = f"Lyhenne '{text}' ei avaudu kaikille. {what}"
    return Finding(start, end, text, "abbreviation", 1, reason, f"Kirjoita auki: '{replacement}'.", replacement,
                   term=entry.lemma)


def mixed_credit_finding(f: Finding, amounts: set, full_text: str) -> Finding:
    """One credit abbreviation used with different amounts in a text ('(10 op)', '(4 op)', '(6 op)'): one replacement
    with the hours of one amount was wrong at the others (blind review 7), so the word is written out without hours
    and the hours of one credit are said once."""
    word = (f.replacement or "").split(",")[0].split(" (")[0].strip()
    if not word or len(amounts) < 2:
        return f
    per_credit = round(credits_to_hours(1)) if hours_apply(full_text) else None
    tip = f"Kirjoita auki: '{word}'." + (f" Kerro kerran, että 1 opintopiste on noin {per_credit} tuntia työtä."
                                         if per_credit else "")
    return Finding(f.start, f.end, f.text, f.kind, f.severity, f.reason, tip, word, f.term, count=f.count,
                   occurrences=f.occurrences)
