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
from .findings import Finding

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
    return bool(_FOREIGN.search(w) or _LOAN_ENDING.search(w)) and not ordinary_word(t) and not _known_noun_adjective(t)


KNOWN_NOUN_ZIPF = 2.5


def _known_noun_adjective(t: Token) -> bool:
    """An -inen adjective of a loan noun a working-life reader knows ('ergonominen' <- ergonomia, 'hygieeninen' <-
    hygienia; review 7: "familiar words in working life"), not of a rare one ('demografinen' <- demografia)."""
    base = t.base
    if not base.endswith("inen") or len(base) < 8:
        return False
    stem = base[:-4]
    return any(zipf(c) >= KNOWN_NOUN_ZIPF for c in (stem + "ia", stem.replace("ee", "e") + "ia", stem + "a"))


LIST_ITEM_STARTS = 2


_ITEM_NUMBER = re.compile(r"^\d{1,2}[.)]?$")  # '1 soveltaa ... 2 arvioida', '1. rakentaa ...'
_MODULE_CODE = re.compile(r"^[A-ZÅÄÖ]{1,5}\d{1,3}$")  # '(ÄIS1), (ÄIS2)': a list of module names
_NOT_BEFORE_ITEM = frozenset({"ja", "tai", "sekä", "että", "kun", "jos", "eli", "kuin", "mutta", "vaan"})


def list_item_starts(text: str, toks: list[Token]) -> list[int]:
    """Where the items of a list whose line breaks were lost start (indices into ``toks``): a number before a verb
    ('osaa 1 soveltaa ... 2 arvioida'), a dash glued to a word ('opiskelija -omaksuu ... -ymmärtää'), a capitalised
    verb ('... rytmiä Yhdistää ...'), a repeated 'opiskelija', a second predicate with no comma or conjunction before
    it ('... muotoilijan roolin niissä tunnistaa ...', 'rakennustekniikassa tuntee'), a semicolon, a module code in
    brackets ('Tekstien rakenteita ja merkityksiä (ÄIS2), ...'). Blind review 6: such lists were read as "long" or
    "hard for its -minen words" (10 of 54 hard sentences), when their items are short and plain."""
    from ..text.wordlists import word_class

    heads = word_class("infinitive_head")
    starts: list[int] = []
    predicate_seen = False
    learner_at: int | None = None  # the first 'opiskelija' after a word: an item start once it repeats
    for k in range(1, len(toks)):
        prev, t = toks[k - 1], toks[k]
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        # 'tunnistaa' is both a 3rd person and an infinitive, and the parser picks either in an outcome list
        finite = t.pos in ("VERB", "AUX") and (t.morph.get("VerbForm") == "Fin" or t.morph.get("InfForm") == "1")
        if t.text in ("-", "–") and nxt is not None and nxt.pos in ("VERB", "AUX") and text[t.end:nxt.start] == "" \
                and text[t.start - 1:t.start].isspace():
            starts.append(k)  # '-omaksuu'
        elif _ITEM_NUMBER.match(t.text) and prev.is_word and nxt is not None and nxt.pos in ("VERB", "AUX"):
            starts.append(k)
        elif t.text == ";" or (t.text == ")" and _MODULE_CODE.match(prev.text)):
            starts.append(k)
        elif prev.is_word and t.is_word:
            capital = t.text[:1].isupper() and not t.text.isupper() and t.pos in ("VERB", "AUX")  # 'Yhdistää'
            # (a capitalised noun mid-sentence is usually a name: 'Arkkitehtuurin perusteiden järjestämä ekskursio')
            learner = t.text == "opiskelija" and prev.text.lower() not in ("ja", "tai", "että", "kun")
            again = learner and learner_at is not None
            if learner and learner_at is None:
                learner_at = k
            elif again and learner_at not in starts:
                starts.append(learner_at)  # 'Yhteistyötaidot opiskelija ymmärtää ... opiskelija tunnistaa ...'
            second = predicate_seen and finite and _second_predicate(prev, t, heads, toks)
            if capital or again or second:
                starts.append(k)
        predicate_seen |= finite
    return sorted(set(starts))


UNPUNCTUATED_LIST_WORDS = 10


def unpunctuated_list(toks: list[Token]) -> bool:
    """Topics after a colon with neither commas nor line breaks ('perehdytään seuraaviin: konformaatioanalyysin
    perusteet elektrofiilinen additio alkeeneihin ...', review 7): ten words or more, no verb, at most one comma."""
    colon = max((k for k, t in enumerate(toks) if t.text == ":"), default=None)
    if colon is None:
        return False
    after = toks[colon + 1:]
    words = sum(t.is_word for t in after)
    return (words >= UNPUNCTUATED_LIST_WORDS and sum(t.text == "," for t in after) <= 1
            and not any(t.pos in ("VERB", "AUX") and t.morph.get("VerbForm") == "Fin" and t.known for t in after))
    # (a term the parser takes for a verb is no verb: 'aldoli')


def run_together(text: str, toks: list[Token]) -> list[int]:
    """The item starts of a run-together list (see list_item_starts), or [] when the sentence is none. Two starts
    are needed: one is mostly an introduction without its colon ('Kurssin jälkeen opiskelija Ymmärtää ...') or a
    misparse ('vaaraa aiheuttavat komponentit', 'hänellä on perustaidot katsoa')."""
    starts = list_item_starts(text, toks)
    return starts if len(starts) >= LIST_ITEM_STARTS else []


def _second_predicate(prev: Token, t: Token, heads: frozenset[str], toks: list[Token]) -> bool:
    """``t`` is a second predicate with nothing between it and the word before: not the verb's own subject or
    argument before it ('tiedolla johtamisella on'), not an infinitive after a word it follows ('osaa soveltaa',
    'valmiuksia toimia'), not a copula, an auxiliary or a passive. A finite verb before it counts
    ('... osa-alueet tarkoittavat ymmärtää ...'), a participle does not."""
    if not t.text.islower() or not t.known or prev.text.lower() in _NOT_BEFORE_ITEM or prev.head == t.i:
        return False  # (a typo the parser calls a verb is no item: 'lähtökohdan kehitttää')
    if t.pos == "AUX" or t.lemma.lower() == "olla" or t.morph.get("Voice") == "Pass":
        return False
    if prev.lemma.lower() in heads or prev.base in heads:
        return False
    head = next((x for x in toks if x.i == t.head), None)
    if head is not None and t.morph.get("InfForm") == "1" and head.lemma.lower() in heads:
        return False  # 'osaa ... kurssin sisällön laajuudessa hakea tietoa': the infinitive of an earlier 'osaa'

    if prev.pos == "VERB":
        return prev.morph.get("VerbForm") == "Fin"
    return prev.pos in ("NOUN", "PROPN", "ADJ", "ADV", "PRON")


def _adjective_prefix(word: str, head) -> bool:
    """A familiar word after an -inen adjective's compound form, which Voikko does not count as a part
    ('erityis|ryhmä' <- erityinen, 'erikois|tehoste' <- erikoinen, 'yleis|kuva' <- yleinen)."""
    at = word.find(head.surface.lower()[:max(3, len(head.surface) - 2)])
    prefix = word[:at] if at > 0 else ""
    return (prefix.endswith("is") and zipf(prefix[:-1] + "nen") >= FAMILIAR_PART_ZIPF
            and zipf(head.base.lower()) >= FAMILIAR_PART_ZIPF)


def ordinary_word(t: Token) -> bool:
    """A word any working-life reader reads at once though a corpus finds it rare: a compound whose every part is
    familiar ('oppimistehtävä', 'johtamisviestintä'), or a native derivation of a familiar word ('kiillotus',
    'valaisu', 'taloudellisuus', 'havainnollinen')."""
    from .voikko_words import derivation_source

    parts = t.compound_parts
    if len(parts) == 1 and _adjective_prefix(t.text.lower(), parts[0]):
        return True  # 'erityisryhmälle', 'erikoistehosteet' (review 7: "ordinary transparent words")
    if len(parts) >= 2 and all(max(zipf(p.base.lower()), zipf(p.surface.lower().rstrip("-"))) >= FAMILIAR_PART_ZIPF
                               for p in parts):
        return True
    if _FOREIGN.search(t.text.lower()):
        return False
    source = derivation_source(t.text)
    return bool(source) and zipf(source) >= FAMILIAR_PART_ZIPF


# An abbreviation this short is usually everyday ('EU', 'IT', 'TV'); one followed by a number names a standard or a
# model ('ISO 45001', 'SFS 6002'), which the reader needs as it is.
ABBREVIATION_MIN_LETTERS = 3
_NUMBER_AFTER = re.compile(r"\s?-?\d")
_COURSE_CODE = re.compile(r"-[A-ZÅÄÖ]*\d")  # 'ARK-C0024', 'ELEC-A9110'
# A word in capitals that is a common word ('USA', 'HUOM', 'ARTS' in a title) is no abbreviation to explain.
COMMON_WORD_ZIPF = 3.5


def unexplained_abbreviation(text: str, f: Finding) -> bool:
    """An abbreviation the lexicon does not know, that the text does not explain ('... viitekehyksen (EQF)'), that
    names no standard ('ISO 45001') or course ('ARK-C0024') and is no common word in capitals ('USA', 'HUOM')."""
    from wordfreq import zipf_frequency

    from ..text.resources import voikko_spell

    head = re.split(r"[-:]", f.text)[0]
    if len(head) < ABBREVIATION_MIN_LETTERS or f"({head})" in text or _COURSE_CODE.match(f.text[len(head):]):
        return False
    if _NUMBER_AFTER.match(text[f.end:f.end + 3]) or _COURSE_CODE.match(text[f.end:f.end + 8]):
        return False
    low = head.lower()
    return max(zipf_frequency(low, "en"), zipf_frequency(low, "fi")) < COMMON_WORD_ZIPF and not voikko_spell(low)


def abbreviation_summary(found: list[Finding]) -> Finding | None:
    """The text's unexplained abbreviations as one finding: the tool cannot know what 'OSINT' or 'HSEQ' stands for,
    the teacher does, and a reader outside the field stumbles on each."""
    if not found:
        return None
    names = list(dict.fromkeys(re.split(r"[-:]", f.text)[0] for f in found))
    listed = ", ".join(f"'{n}'" for n in names[:5]) + (", ..." if len(names) > 5 else "")
    reason = (f"Lyhenne {listed} ei avaudu kaikille lukijoille." if len(names) == 1 else
              f"Lyhenteet {listed} eivät avaudu kaikille lukijoille.")
    tip = "Kirjoita lyhenne auki, kun se tulee tekstissä ensimmäisen kerran, esim. 'koko nimi (LYHENNE)'."
    first = min(found, key=lambda f: f.start)
    return Finding(first.start, first.end, first.text, "abbreviation", 1, reason, tip, count=len(found),
                   occurrences=[[f.start, f.end] for f in sorted(found, key=lambda f: f.start)],
                   impact=round(2.0 + 0.5 * len(names), 2))
