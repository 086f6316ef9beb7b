"""What the teacher's screen judges: a list item rather than the run of items the sentence splitter made of a dash
list, and a word's own difficulty rather than its rarity.

Blind review of the teacher's findings, round 4 (150 findings on real test texts): a dash list of three short clear
items ('Opiskelija: - osaa valmistella selkeän ja havainnollisen konferenssiesityksen - tunnistaa omia vahvuuksiaan
...') was called one "very hard" 34-word sentence; ordinary words were named as the hard words of a sentence
('kiillotuksen', 'pinnoituksen', 'valaisun', 'oppimistehtäviä', 'havainnollisen'): a derivation of a familiar word
or a compound of familiar parts reads at once, however rare it is in a corpus.

>>> from poiju_nlp.text import analyze
>>> a = analyze("Opiskelija: - osaa valmistella esityksen - tunnistaa omia vahvuuksiaan esiintyjänä", check_language=False)
>>> [s.text for s in list_items(a, a.sentences[0])]
['Opiskelija:', 'osaa valmistella esityksen', 'tunnistaa omia vahvuuksiaan esiintyjänä']
>>> b = analyze("Opit kiillotuksen ja inklusiivisen opetuksen perusteet.", check_language=False)
>>> [(t.text, ordinary_word(t)) for t in b.words if t.text in ("kiillotuksen", "inklusiivisen")]
[('kiillotuksen', True), ('inklusiivisen', False)]
"""
from __future__ import annotations

import re

from ..text.analysis import Sentence, TextAnalysis, Token
from .familiarity import zipf

# A list marker standing free between spaces ('- osaa', '• tuntee'); 'taso- ja avaruusintegraaleja' is no list.
BULLETS = frozenset("-–—•*·▪")
# A part or a source word this common is one every reader knows (Zipf 3: 'osasto', 'valaista', 'talous').
FAMILIAR_PART_ZIPF = 3.0
# Letters (and a 'g' outside 'ng') that native Finnish words do not have: 'geodeettinen', 'fysiologia'. Such a
# word is a loan; a native derivation of a familiar word has none ('kiillotus' <- 'kiillottaa').
_FOREIGN = re.compile(r"[bcfqwxzšž]|(?<!n)g")


def list_items(a: TextAnalysis, sent: Sentence) -> list[Sentence]:
    """The items of a list the sentence splitter joined into one sentence: split at a free-standing bullet and at a
    line break. A sentence without either is returned as it is."""
    cuts: list[int] = []
    for k in range(1, len(sent.tokens)):
        prev, t = a.tokens[sent.tokens[k - 1]], a.tokens[sent.tokens[k]]
        before, after = a.text[t.start - 1:t.start], a.text[t.end:t.end + 1]
        free_bullet = t.text in BULLETS and before.isspace() and (not after or after.isspace())
        if free_bullet or "\n" in a.text[prev.end:t.start]:
            cuts.append(k)
    if not cuts:
        return [sent]
    items = []
    for lo, hi in zip([0] + cuts, cuts + [len(sent.tokens)]):
        idx = [i for i in sent.tokens[lo:hi] if a.tokens[i].text not in BULLETS]
        if not idx:
            continue
        start, end = a.tokens[idx[0]].start, a.tokens[idx[-1]].end
        items.append(Sentence(start, end, a.text[start:end], idx))
    return items


# Endings of Latin and Greek loans ('approksimaatio', 'kineettinen', 'hydrologia', 'substituutio', 'reaktiivinen').
_LOAN_ENDING = re.compile(r"(aatio|uutio|iivi|olog|ismi|teetti|tiikka|grafi|eetti|ntti|ktiivi|tuaali)")


def foreign_term(t: Token | None) -> bool:
    """A rare word that is a loan, not a native word ('approksimaatiot', 'kineettinen', 'hydrologian'): a reader
    outside the field stumbles on it, and the teacher can explain it once. Names and compounds of familiar parts
    are not ('nanoteknologia' is, 'itsearviointi' is not)."""
    if t is None or t.pos == "PROPN" or (t.text[:1].isupper() and t.i > 0):
        return False
    w = t.text.lower()
    return bool(_FOREIGN.search(w) or _LOAN_ENDING.search(w)) and not ordinary_word(t)


def ordinary_word(t: Token) -> bool:
    """A word any working-life reader reads at once though a corpus finds it rare: a compound whose every part is
    familiar ('oppimistehtävä', 'johtamisviestintä'), or a native derivation of a familiar word ('kiillotus',
    'valaisu', 'taloudellisuus', 'havainnollinen')."""
    from .voikko_words import derivation_source

    parts = t.compound_parts
    if len(parts) >= 2 and all(max(zipf(p.base.lower()), zipf(p.surface.lower().rstrip("-"))) >= FAMILIAR_PART_ZIPF
                               for p in parts):
        return True
    if _FOREIGN.search(t.text.lower()):
        return False
    source = derivation_source(t.text)
    return bool(source) and zipf(source) >= FAMILIAR_PART_ZIPF
