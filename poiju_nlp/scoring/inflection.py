"""Inflected suggestions: a base-form alternative from the lexicon in the form of the word it replaces
('toteutus' like 'implementoinnissa' -> 'toteutuksessa'). Used by the lexicon detector and the university-word
finding."""
from __future__ import annotations

import re

from ..text.analysis import Token


def inflected_alternative(alternative: str, original: Token) -> str:
    """Inflect a base-form alternative like the original word ('toteutus' like 'implementoinnissa' ->
    'toteutuksessa'). Multiword: a verb phrase inflects its first word ('ottaa käyttöön'); a noun phrase its
    head noun and the nominative words before it ('koko työuran aikainen opiskelu' -> '... aikaisen opiskelun',
    'opetuspäivä paikan päällä' -> 'opetuspäivät paikan päällä')."""
    from ..text.inflect import inflect_like, pykko_forms

    words = alternative.split()
    if not words:
        return alternative
    for conj in (" ja ", " tai "):  # 'henkinen ja sosiaalinen': each side agrees ('henkisiä ja sosiaalisia')
        if conj in alternative and original.pos not in ("VERB", "AUX"):
            sides = [inflected_alternative(side, original) for side in alternative.split(conj)]
            return conj.join(sides) if all(sides) else ""
    if original.pos == "ADV" and original.text.endswith("sti") and len(words) > 1:
        # an adverb has no multiword drop-in: 'osaamisperusteisesti' gave 'osaamiseen perustui' (a verb)
        return ""
    if len(words) == 1 and original.pos == "ADJ" and pykko_forms(words[0]) \
            and all("+gen" in f for f in pykko_forms(words[0])):
        # a genitive attribute stays as it is: 'käytännön tehtävät', not 'käytännöt' for 'operatiiviset'
        return words[0]
    out = list(words)
    if original.pos in ("VERB", "AUX"):
        # Many Finnish forms are both present and past ('reflektoi'); course text speaks in the present, so the
        # past is kept only when the parser says so and no present reading exists.
        readings = pykko_forms(original.text)
        past_only = original.morph.get("Tense") == "Past" and not any("+pres" in r for r in readings)
        out[0] = inflect_like(words[0], original.text, original.pos, "+past" if past_only else "+pres") or words[0]
    else:
        # The head is the last nominative word; words after it ('paikan päällä') keep their own case, and the
        # nominative words just before it agree with it ('aikainen opiskelu').
        def nominative(w: str) -> bool:
            return len(words) == 1 or any(f.endswith(("+sg+nom", "+pl+nom")) for f in pykko_forms(w))

        head = next((k for k in range(len(words) - 1, -1, -1) if nominative(words[k])), None)
        if head is not None and head < len(words) - 1 and original.morph.get("Case") == "Gen":
            # a genitive stands before the noun it modifies, so a word after the head splits them
            # ('vertaisoppimisen näkökulmasta' -> 'oppimisen toisilta näkökulmasta', blind review 6): no drop-in
            return ""
        if head is not None and original.morph.get("Case", "Nom") != "Nom" and any(
                "+inf" in f for w in words[head + 1:] for f in pykko_forms(w)):
            # an infinitive after the head modifies it only in the base form ('oppiminen selvittämällä'); after an
            # inflected head it reads as the sentence verb's ('tutkivaan oppimiseen' -> 'oppimiseen selvittämällä',
            # blind review 9: broken): no drop-in
            return ""
        for k in range(head if head is not None else -1, -1, -1):
            if k < head and (not nominative(words[k]) or words[k] == "koko"):
                break
            out[k] = _inflect_as(words[k], original) or words[k]
    if original.pos == "ADV" and original.text.endswith("sti") and len(out) == 1 and not out[0].endswith("sti"):
        out[0] = out[0][:-3] + "sesti" if out[0].endswith("nen") else out[0] + "sti"  # käsitteellinen -> -lisesti
    result = " ".join(out)
    # one studies 'kurssilla', not 'kurssissa' ('moduulissa' -> 'kurssilla')
    result = re.sub(r"(kurssi|kursse)(i?)ssa\b", lambda m: m.group(1) + m.group(2) + "lla", result)
    if original.text[:1].isupper() and not original.text.isupper():
        result = result[:1].upper() + result[1:]
    return result




_UD_CASE = {"Nom": "+nom", "Gen": "+gen", "Par": "+par", "Ela": "+ela", "Ill": "+ill", "Ine": "+ine",
            "Ade": "+ade", "Abl": "+abl", "All": "+all", "Ess": "+ess", "Tra": "+tra", "Abe": "+abe",
            "Ins": "+ins", "Com": "+com"}


def _inflect_as(word: str, original: Token) -> str | None:
    """``word`` in the form of ``original``, read with the parse: the pypykko reading whose base form is the
    original's and whose case is the parser's ('pedagogista' is the partitive of 'pedagoginen', not the elative of
    'pedagogi': blind review 6 got 'opetuksellisesta' where 'opetuksellista' belongs)."""
    from ..text.inflect import get_pykko, inflect, inflect_like

    if original.pos in ("VERB", "AUX"):  # a participle ('fasilitoivien'): its verb's readings decide
        return inflect_like(word, original.text, original.pos)
    case = _UD_CASE.get(original.morph.get("Case", ""), "")
    number = {"Sing": "+sg", "Plur": "+pl"}.get(original.morph.get("Number", ""), "")
    lemmas = {original.base, original.lemma.lower()}

    def fit(r) -> tuple:
        tags = r.morphtags
        return (r.lemma.replace("|", "").lower() not in lemmas, bool(case) and case not in tags,
                bool(number) and number not in tags, "+inf" in tags, r.weight)

    readings = sorted(get_pykko().utils.analyze(original.text), key=fit)
    if readings and not readings[0].pos.startswith(("noun", "adjective")):  # a participle the parser calls ADJ
        return inflect_like(word, original.text, original.pos)
    for r in readings[:1]:
        form = inflect(word, r.morphtags)
        if form:
            return form
    return inflect_like(word, original.text, original.pos)
