"""Passives that stay passives: a sentence whose passive becomes 'sinä' (passive_to_2sg, address.py) must keep no
other passive of the same doer, or the reader becomes the doer of that one too (review 14)."""
from __future__ import annotations

from ...scoring.passives import in_indirect_question, passive_reading
from ...text.analysis import Token
from .base import Context, subtree

_PASSIVE_ENDINGS = ("aan", "ään", "tiin", "diin", "isiin")
_CLAUSE_DEPS = ("ROOT", "root", "conj", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "aux", "cop")


def keeps_other_passive(ctx: Context, t: Token, verbs: list[Token]) -> bool:
    """Does the sentence of ``t`` keep a passive that stays one: 'voidaan' (an auxiliary), a past, a perfect
    or a 'täytyy' passive ('käsiteltiin', 'on käsitelty', 'on käsiteltävä')? 'Kurssilla käsittelet X:ää, jotta
    johtajia voidaan valmistaa ...' reads as if the reader prepared the managers (review 14). A passive in a
    relative clause or an indirect question ('menetelmiin, joita käytetään teollisuudessa', 'analysoit, miten
    riidat voidaan ratkaista') says what is done in general, by no one in the text, and may stay beside 'sinä'.
    ``verbs``: the passives that become 'sinä'."""
    toks = ctx.analysis.tokens
    sent = ctx.sentence_of(t)
    within = set(sent.tokens)
    converted = {v.i for v in verbs}
    relative = set()
    for i in sent.tokens:
        if toks[i].dep == "acl:relcl" and t.i not in subtree(toks, i, within):
            relative |= subtree(toks, i, within)
    for i in sent.tokens:
        w = toks[i]
        if i in converted or i in relative or w.morph.get("Voice") != "Pass" or w.pos not in ("VERB", "AUX") \
                or w.dep.split(":")[0] not in _CLAUSE_DEPS:
            continue  # ('työllistymistä edistäviin ja muihin palveluihin': a participle the parser read as a
            # finite passive hangs as a noun would, 'obl'; dev texts)
        if not passive_reading(w.text):
            continue  # ('kuten muottiin puhallukseen': an illative the parser read as a past passive, test texts)
        if in_indirect_question(ctx.analysis, w):
            continue
        # a finite passive ends in a passive ending ('voidaan', 'käsiteltiin', 'voitaisiin'), not as the
        # conjunct the parser made of 'eritteleviin, pohtiviin ... teksteihin' (dev texts)
        if w.morph.get("VerbForm") == "Fin" and w.text.lower().endswith(_PASSIVE_ENDINGS) \
                or w.morph.get("VerbForm") == "Part" \
                and any(toks[j].head == i and toks[j].dep in ("aux", "aux:pass") for j in within):
            return True
    return False
