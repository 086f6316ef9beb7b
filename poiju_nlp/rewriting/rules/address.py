"""Address the reader: the learner of course text becomes 'sinä'.

- passive_to_2sg: 'Opintojaksolla perehdytään X:ään' -> 'Opintojaksolla perehdyt X:ään' (course talk whose doer is
  the learner);
- learner_subject: 'Osallistuja pohtii omia käytäntöjään.' -> 'Pohdit omia käytäntöjäsi.';
- learner_goal: 'Opintojakson suoritettuaan osallistuja osaa X.' -> 'Kurssin jälkeen osaat X.';

A learner sentence that becomes 'sinä' takes the 'hän' that points back to its learner along, in one edit ('Kurssin
jälkeen olet tietoinen X. Ymmärrät Y. Sinulla on valmiuksia Z.'): left alone, 'Hän ymmärtää Y' would point to nobody
(the learner is 'sinä' now). When one of those 'hän' sentences cannot be converted, the learner sentence stays too
(person.py).
"""
from __future__ import annotations

import re

from ...settings import REWRITING
from ...text import inflect
from ...text.analysis import Sentence, Token
from ...text.inflect import pykko_forms, pykko_lemmas
from ..edits import Edit
from .base import (ADDRESS_ALLOWANCE, WHY_ADDRESS_ALLOWANCE, Context, Example, Rule, bare_reflexive, cap,
                   each_sentence, is_comitative, is_course_word, is_learner, opens_sentence, register,
                   rendered_lemma, run_on, third_person_possessive, to_second_person_possessive,
                   word_list)
from .passives import keeps_other_passive
from .position import in_content_section, is_lead_in, points_to_course, under_sentence_lead_in
from .person import in_relative_clause, learner_han, leaves_third_person, pronoun_override, with_pronoun_chain

def _learner_passive(ctx: Context, t: Token) -> bool:
    """A present passive in course talk whose doer is the learner ('Opintojaksolla perehdytään ...'), not negated."""
    m = t.morph
    if not (t.pos == "VERB" and m.get("Voice") == "Pass" and m.get("VerbForm") == "Fin"
            and m.get("Mood") == "Ind" and m.get("Tense") == "Pres"):
        return False
    sent = ctx.sentence_of(t)
    if is_lead_in(ctx, sent) or under_sentence_lead_in(ctx, sent):
        return False
    words = [ctx.analysis.tokens[i] for i in sent.tokens]
    if not any(is_course_word(w) for w in words) and not points_to_course(ctx, sent, words) \
            and not in_content_section(ctx.text, sent.start):
        return False
    # 'ei käsitellä' would need 'et käsittele'
    return not any(w.head == t.i and (w.lemma.lower() == "ei" or w.morph.get("Polarity") == "Neg") for w in words)


def _learner_passives(ctx: Context) -> list[list[Token]]:
    """Per sentence, or per bullet list (its lines read as one list: 'tarkastelet' and 'toteutetaan' must not mix),
    its present passive verbs, when one of them is course talk of the learner."""
    groups: list[list] = []
    was_bullet = False
    for sent in ctx.analysis.sentences:
        bullet = sent.text.lstrip().startswith(("-", "•", "*", "–"))
        if not (bullet and was_bullet):
            groups.append([])
        groups[-1].append(sent)
        was_bullet = bullet
    out = []
    for group in groups:
        verbs = [ctx.analysis.tokens[i] for sent in group for i in sent.tokens
                 if _present_passive(ctx.analysis.tokens[i])]
        if any(v.lemma.lower() in word_list("learner_verb") and _learner_passive(ctx, v) for v in verbs):
            out.append(verbs)
    return out


def _present_passive(t: Token) -> bool:
    m = t.morph
    return t.pos == "VERB" and m.get("Voice") == "Pass" and m.get("VerbForm") == "Fin" and m.get("Mood") == "Ind" \
        and m.get("Tense") == "Pres"


def _build_passives_to_2sg(ctx: Context, verbs: list[Token]) -> list[Edit]:
    """All passives of the sentence become 'sinä', or none: 'Kurssilla tehdään X sekä analysoit Y' mixes them."""
    edits = []
    for t in verbs:
        e = _build_passive_to_2sg(ctx, t) if t.lemma.lower() in word_list("learner_verb") \
            and _learner_passive(ctx, t) else None
        if e is None:
            return []
        edits.append(e)
    if any(keeps_other_passive(ctx, t, verbs) for t in verbs):
        return []
    return edits


def _build_passive_to_2sg(ctx: Context, t: Token) -> Edit | None:
    """'Opintojaksolla perehdytään X:ään' -> 'Opintojaksolla perehdyt X:ään' when the learner is the doer."""
    toks = ctx.analysis.tokens
    lemma = t.lemma.lower()
    words = [toks[i] for i in ctx.sentence_of(t).tokens]
    children = [w for w in words if w.head == t.i and w.i != t.i]
    # A singular nominative object of a passive becomes an accusative in the active: not safe to re-case here.
    objects = [c for c in children if c.dep in ("obj", "nsubj", "nsubj:pass")]
    objects += [w for w in words if w.dep == "conj" and any(w.head == o.i for o in objects)]  # 'perusteet, mallintaminen'
    # ... and so does one of an infinitive the passive governs: 'Harjoitellaan laskemaan pinta-ala' needs
    # 'Harjoittelet laskemaan pinta-alan' (review 8)
    infinitives = [c for c in children if c.dep.startswith("xcomp") and c.morph.get("VerbForm") == "Inf"]
    infinitives += [w for w in words if w.dep == "conj" and any(w.head == x.i for x in infinitives)]
    inf_objects = [w for w in words if w.dep in ("obj", "nsubj") and any(w.head == x.i for x in infinitives)]
    objects += inf_objects + [w for w in words if w.dep == "conj" and any(w.head == o.i for o in inf_objects)]
    if any(is_course_word(o) or any(w.head == o.i and w.dep.startswith("nmod") and is_course_word(w) for w in words)
           for o in objects):
        return None  # 'Kurssin sisältöä kehitetään vuosittain': the staff develop the course (review 12)
    if any(c.morph.get("Case") == "Nom" and c.morph.get("Number") == "Sing" for c in objects):
        return None  # ('tehdään referenssianalyysi' -> 'teet referenssianalyysin': the parser may call it a subject)
    if any(is_learner(w) for w in words) or any(w.morph.get("Person[psor]") == "3" or w.lemma.lower() == "oma"
                                                for w in words):
        return None  # ('Luodaan edellytyksiä arvioida omaa osaamistaan': 'osaamistasi' would be needed too)  # 'työskentelet menetelmin, jotka vahvistavat opiskelijoiden valmiuksia' mixes the persons
    if any(o.i < t.i and o.dep == "obj" for o in objects if o.head == t.i) and not any(
            c.dep.startswith("nsubj") for c in children):
        return None  # an object before the passive ('Kokonaiskuvaa tarkastellaan ...') reads as 'Kokonaiskuvaa
        # tarkastelet ...': right, but marked word order and no plainer (review 15, twice)
    if lemma == "käydä" and not any(w.lemma.lower() == "läpi" for w in children):
        return None  # 'käydään X:n periaatteet' lacks its 'läpi': 'käyt X:n periaatteet' would carry the slip over
        # into a new word (review 10)
    if bare_reflexive(words):
        return None  # 'Opetellaan kertomaan itsestä, perheestä ja suvusta': with 'sinä' it needs 'itsestäsi,
        # perheestäsi ja suvustasi' (reviews 5 and 6); the generic reflexive stays with the passive
    # the verb itself, never 'opit' for 'tarkastellaan' (review 1: 'opit demokratian rakentumista' reads as learning
    # to build it)
    new = inflect(lemma, "+pres+2sg")
    if not new:
        return None
    if t.text[:1].isupper():
        new = cap(new)
    return Edit(t.start, t.end, t.text, new, "passive_to_2sg",
                f"Puhuttele lukijaa: \"{t.text}\" → \"{new}\" (tekijä on opiskelija).")


_AFTER_WORDS = {"suoritettuaan", "käytyään"}  # 'Kurssin käytyään opiskelija osaa ...'
_GOAL_WORDS = {"tavoitteena", "osaamistavoitteena", "oppimistavoitteena"}
_LEARNER_VERB_FORMS = {"osaa": "osata", "kykenee": "kyetä", "pystyy": "pystyä"}
_ABILITY_VERBS = {"kyetä", "pystyä"}  # + 3rd infinitive: 'kykenee tunnistamaan' -> 'opit tunnistamaan'


def _course_genitive(w: Token) -> bool:
    return w.morph.get("Case") == "Gen" and (w.base in word_list("course_word") or w.base in ("moduuli", "kokonaisuus")
                                             or w.lemma.lower() in word_list("course_word"))


def _course_frame(ws: list[Token], low: list[str], markers: set[str]) -> int | None:
    """Index of a frame word ('tavoitteena', 'suoritettuaan') among the first words, when only the course word in
    the genitive and its title come before it ('X-kurssin tavoitteena'); None otherwise."""
    k = next((n for n, w in enumerate(low[:14]) if w in markers), None)
    if k is None or k > 0 and not _course_genitive(ws[k - 1]) or any(
            w.text in ",;:" or w.morph.get("VerbForm") == "Fin" for w in ws[:max(0, k - 1)]):
        return None
    return k


def _build_learner_goal(ctx: Context, sent: Sentence) -> list[Edit]:
    """'Opintojakson tavoitteena on, että osallistuja kykenee tunnistamaan X.' -> 'Kurssilla opit tunnistamaan X.';
    'Opintojakson suoritettuaan osallistuja osaa X.' -> 'Kurssin jälkeen osaat X.' (address the reader, drop the
    frame; Kotus: say what the reader learns)."""
    edits = []
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in sent.tokens]
    low = [w.text.lower() for w in ws]
    # 'X-kurssin tavoitteena on, että ...': a title may come before the course word; it is kept
    k = _course_frame(ws, low, _GOAL_WORDS | _AFTER_WORDS)
    if k is None or k == 0 and low[0] in _AFTER_WORDS or is_lead_in(ctx, sent) or run_on(ctx, sent):
        return edits
    verb_at = None
    if len(ws) > k + 6 and low[k] in _GOAL_WORDS and low[k + 1:k + 4] == ["on", ",", "että"]:
        verb_at = k + 5
    elif len(ws) > k + 4 and k >= 1 and low[k] in _AFTER_WORDS:
        verb_at = k + 2
    if verb_at is None:
        return edits
    title = ctx.render(sent.start, ws[k - 1].start)[0] if k > 1 else ""
    learner, verb = ws[verb_at - 1], ws[verb_at]
    if not is_learner(learner) or learner.text[:1].isupper() or learner.morph.get("Case") != "Nom":
        return edits  # 'opiskelijalla on kyky ...' is no subject: 'olet kyky' (review 3)
    m = verb.morph
    known = _LEARNER_VERB_FORMS.get(verb.text.lower())  # 'osaa' is also a noun form ('osa')
    if not known and not (verb.pos in ("VERB", "AUX") and m.get("VerbForm") == "Fin" and m.get("Person") == "3"
                          and m.get("Number") == "Sing" and m.get("Polarity") != "Neg"
                          and m.get("Mood") == "Ind"):
        return edits
    override: dict[int, str] = {}
    fixed = word_list("fixed_possessive")  # ('kuvailla pääpiirteissään' stays as it is: review 7)
    for w in ws[verb_at:]:  # 'omassa työssään' -> 'omassa työssäsi'
        second = to_second_person_possessive(ctx, w) if w.morph.get("Person[psor]") == "3" \
            and not in_relative_clause(toks, w) and w.text.lower() not in fixed \
            and not is_comitative(w) else None
        if second:
            override[w.i] = second
    if any(("Person[psor]" in w.morph or third_person_possessive(w)) and w.i not in override
           and w.text.lower() not in fixed and not is_comitative(w)
           and not (in_relative_clause(toks, w) and any("+abl" in f for f in pykko_forms(w.text.lower())))
           for w in ws[verb_at:]):
        return edits  # a possessive that stays 3rd person, also after a relative clause in a run-on line ('...,
        # jossa X on huomioitu esitellä oman konseptinsa': review 7); 'joka on laajuudeltaan ...' may stay
    lemma = known or verb.lemma.lower()
    if lemma in word_list("process_goal_verb"):
        return edits  # 'Kurssin jälkeen tutustut X' puts the getting-acquainted after the course (review 9)
    nxt = ws[verb_at + 1]
    course_gen = ctx.render(ws[k - 1].start, ws[k - 1].end)[0] if title else "Kurssin"
    if lemma in _ABILITY_VERBS and nxt.morph.get("VerbForm") == "Inf" and nxt.morph.get("Case") == "Ill":
        if title:
            lemmas = pykko_lemmas(course_gen.lstrip("-"))
            ade = inflect(lemmas[0], "+sg+ade") if lemmas else None
            if not ade:
                return edits
            head = title + ("-" if course_gen.startswith("-") else "") + ade + " opit"
        else:
            head = "Kurssilla opit"
    else:
        v2 = inflect(lemma, "+pres+2sg")
        if not v2:
            return edits
        head = title + course_gen + " jälkeen " + v2
    # other finite verbs of the learner: 'kykenee soveltamaan X ja tunnistaa Y' -> '... ja tunnistat Y'
    chain = {verb.i} | {w.i for w in ws if w.head == verb.i and w.dep == "xcomp"}
    ok = True
    for w in ws:
        if w.dep == "conj" and w.head in chain and w.morph.get("VerbForm") == "Fin":
            # the parser may leave the person out ('osaa' tagged connegative): the form decides
            third = w.morph.get("Person") == "3" and w.morph.get("Number") == "Sing" or (
                "Person" not in w.morph and "+pres+3sg" in pykko_forms(w.text.lower()))
            if not third or lemma == "osata" and w.text.lower() in pykko_lemmas(w.text.lower()):
                # ('osaa havainnoida X ja soveltaa Y': after 'osaa' the 3rd person 'soveltaa' is the infinitive too)
                ok = False
                break
            form = inflect(_LEARNER_VERB_FORMS.get(w.text.lower(), w.lemma.lower()), "+pres+2sg")
            if not form:
                ok = False
                break
            override[w.i] = form
            # '... ja tunnistaa Y' is a clause of its own: '... Tunnistat Y.'
            cc = toks[w.i - 1]
            right = sum(1 for x in ws if x.i >= w.i and x.is_word)
            # the left verb must have words of its own: 'tunnistaa ja osaa tarkastella X' shares X ('tunnistat.'
            # alone is no sentence: rewrite review 5)
            own = any(x.head in chain and verb.i < x.i < cc.i and x.dep not in ("punct", "cc") for x in ws)
            if cc.dep == "cc" and cc.head == w.i and cc.text.lower() in ("ja", "sekä") and own \
                    and toks[cc.i - 1].text != "," and right >= REWRITING.split_min_part_words:
                override[cc.i] = "\x00."
                inf3 = inflect(w.lemma.lower(), "+inf3+ill") if head.endswith(" opit") else None
                override[w.i] = "Opit myös " + inf3 if inf3 else cap(form)
    if not ok:
        return edits
    # 'opit tunnistamaan X sekä soveltamaan Y' -> 'opit tunnistamaan X. Opit myös soveltamaan Y.'
    xcomp = next((w for w in ws if w.head == verb.i and w.dep == "xcomp" and w.i > verb.i), None)
    conj = [w for w in ws if xcomp is not None and w.head in (xcomp.i, verb.i) and w.dep == "conj"]
    if xcomp is not None and len(conj) == 1 and conj[0].morph.get("VerbForm") == "Inf" \
            and conj[0].morph.get("InfForm") == xcomp.morph.get("InfForm") \
            and conj[0].morph.get("Case") == xcomp.morph.get("Case"):
        cc = next((w for w in ws if w.head == conj[0].i and w.dep == "cc" and w.i == conj[0].i - 1
                   and w.text.lower() in ("ja", "sekä")), None)
        left = sum(1 for w in ws if verb.i < w.i < (cc.i if cc else 0) and w.is_word)
        right = sum(1 for w in ws if cc is not None and w.i > cc.i and w.is_word)
        if cc is not None and toks[cc.i - 1].text != "," and min(left, right) >= REWRITING.split_min_part_words:
            again = head.split()[-1]  # 'opit' or the 2nd person verb
            override[cc.i] = "\x00. " + cap(again) + " myös"
    # 'joita hän kohtaa' in the sentence itself: the learner's 'hän' becomes 'sinä' too ('joita kohtaat')
    own = pronoun_override(ctx, sent, [w for w in ws if w.i > verb.i and learner_han(ctx, w, learner)])
    if own is None:
        return edits
    override.update(own)
    if leaves_third_person(ctx, ws, verb, override):
        return edits  # 'Kurssin jälkeen tunnistat X ja tietää Y' would mix the persons (review 2)
    tail, used = ctx.render(verb.end, sent.end, override)
    new = re.sub(r"\s+", " ", head + tail)
    new = re.sub(r"\s*\x00", "", new)
    new = re.sub(r"\x01\s*", "", new)
    edit = Edit(sent.start, sent.end, ctx.text[sent.start:sent.end], new, "learner_goal",
                f"Kerro lukijalle, mitä hän oppii: \"{ctx.text[sent.start:verb.end]}\" → \"{head}\".",
                absorbs=used)
    edit = with_pronoun_chain(ctx, sent, learner, edit)
    return [edit] if edit else edits


_FRAME_DEPS = ("obl", "advmod", "advcl", "case", "amod", "nmod", "nmod:poss", "det", "nummod", "punct", "cc", "mark")


def _after_third_person_frame(ctx: Context, sent: Sentence) -> bool:
    """'Kurssin suoritettuaan - Opiskelija ymmärtää ...': the frame before the sentence speaks of 'him or her'
    ('suoritettuaan'); 'Kurssin suoritettuaan - ymmärrät' would mix the persons."""
    line = ctx.text[ctx.text.rfind("\n", 0, sent.start) + 1:sent.start].lower()
    return any(w in line for w in _AFTER_WORDS)


def _root_under_heading(ws: list[Token], within: set[int]) -> Token | None:
    """The root of a sentence read without the heading that opens its line: the parser makes the heading the root
    and hangs the verb on it ('Osaamistavoitteet: Opiskelija tuntee X', 'tuntee' a 'parataxis'), so the learner
    sentence right after a heading stayed 3rd person beside re-addressed ones (rewrite review 14, 'persons')."""
    tops = [w for w in ws if w.is_word and w.head not in within]
    return tops[0] if len(tops) == 1 else None


def _build_learner_subject(ctx: Context, sent: Sentence) -> list[Edit]:
    """'Kurssilla osallistuja perehtyy X:ään.' -> 'Kurssilla perehdyt X:ään.'; 'Osallistuja pohtii omia
    käytäntöjään ja vie opitun työyhteisöönsä.' -> 'Pohdit omia käytäntöjäsi ja viet opitun työyhteisöösi.'
    (address the reader: the learner is 'sinä'; verbs and possessive suffixes follow)."""
    edits = []
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in sent.tokens]
    within = set(sent.tokens)
    root = next((w for w in ws if w.dep == "ROOT"), None) or _root_under_heading(ws, within)
    if not opens_sentence(ctx, sent) or _after_third_person_frame(ctx, sent) or is_lead_in(ctx, sent) \
            or run_on(ctx, sent):
        return edits
    if sum(is_learner(w) for w in ws) > 1:
        return edits  # two learners: sentences run together ('... keinot Opiskelija osaa ...')
    # the parser sometimes calls a sentence-initial learner the object ('Osallistuja oppii tunnistamaan ...')
    # ('Hän' pointing to the learner is converted only in the learner sentence's chain: with_pronoun_chain)
    subj = next((w for w in ws if (w.dep == "nsubj" or root is not None and w.i == root.i - 1)
                 and is_learner(w) and not w.text.isupper()
                 and w.morph.get("Case") == "Nom" and w.morph.get("Number") == "Sing"), None)
    if subj is None or root is None or subj.head not in within:
        return edits
    if any(w.is_word and w.i < subj.i and w.dep not in _FRAME_DEPS for w in ws):
        return edits  # 'Tekniset taidot opiskelija osaa ...': a heading ran into the sentence
    verb = root
    m = verb.morph
    if not ((verb.dep == "ROOT" or verb.head not in within) and verb.pos == "VERB" and m.get("VerbForm") == "Fin" and m.get("Mood") == "Ind"
            and m.get("Person") == "3" and m.get("Number") == "Sing" and m.get("Polarity") != "Neg"
            and m.get("Voice") != "Pass"):
        return edits
    if any(w.head == subj.i and (w.i > subj.i or w.dep != "obl") for w in ws) or \
            any(w.head == verb.i and w.dep in ("aux", "cop") for w in ws):
        return edits  # 'osallistuja, joka ...', 'jokainen osallistuja' or 'osallistuja voi ...': leave it
    own_han = [w for w in ws if learner_han(ctx, w, subj)]  # 'Opiskelija tuntee X ja hän osaa Y'
    if any(w.pos == "PRON" and w.base in ("hän", "he") and w is not subj and w not in own_han for w in ws):
        return edits
    # conjoined verbs share the learner ('... ja jalkauttaa ...': the parser may call it an infinitive)
    verbs = [verb] + [w for w in ws if w.dep == "conj" and w.head == verb.i and w.pos == "VERB" and (
        w.morph.get("VerbForm") == "Fin" or "+pres+3sg" in pykko_forms(w.text.lower()))]
    override: dict[int, str] = {}
    ok = True
    for v in verbs:
        if v.morph.get("VerbForm") == "Fin" and (v.morph.get("Person") != "3" or v.morph.get("Number") != "Sing"):
            ok = False
            break
        text, lemma = rendered_lemma(ctx, v)
        form = inflect(lemma, "+pres+2sg")
        if not form:
            ok = False
            break
        override[v.i] = form
    for w in ws:
        if is_comitative(w):
            continue  # its suffix is its head noun's ('prosesseja ympäristövaikutuksineen'): it stays (review 8)
        if third_person_possessive(w) and w.morph.get("Person[psor]") != "3" and not in_relative_clause(toks, w) \
                and w.text.lower() not in word_list("fixed_possessive"):
            ok = False  # a suffix the parser missed: whose it is was not checked, so the sentence stays
            break
        if w.morph.get("Person[psor]") == "3" and not in_relative_clause(toks, w) \
                and w.text.lower() not in word_list("fixed_possessive"):
            new = to_second_person_possessive(ctx, w)
            if not new:
                ok = False
                break
            override[w.i] = new
    if not ok:
        return edits
    own = pronoun_override(ctx, sent, own_han)
    if own is None:
        return edits
    override.update(own)
    # drop the subject (and its space); the next word takes its capital letter
    nxt = toks[subj.i + 1] if subj.i + 1 < len(toks) else None
    if nxt is None or nxt.i not in within:
        return edits
    if leaves_third_person(ctx, ws, subj if subj.i < verb.i else verb, override) or any(
            w.text in ("-", "–", "•", "*") and ctx.text[w.start - 1:w.start].isspace()
            and ctx.text[w.end:w.end + 1].isspace() for w in ws if w.i > verb.i):  # (not 'ja -prosessien')
        return edits  # a 3rd person verb of the learner would stay (reviews 2, 3: 'Osaa käyttää X, tunnet Y'),
        # or a run-on list follows ('Osaat - käyttää X ja tekee Y')
    override[subj.i] = "\x01"
    if subj.i == sent.tokens[0]:
        override[nxt.i] = cap(override.get(nxt.i, rendered_lemma(ctx, nxt)[0]))
    new, used = ctx.render(sent.start, sent.end, override)
    new = re.sub(r"\x01\s*", "", new)
    if new == ctx.text[sent.start:sent.end]:
        return edits
    # 'Opiskelija X. Hän Y.': the 'Hän' sentences go along in the same edit, or this one stays too ('Selkiytät X.
    # Hän hankkii Y.' would leave 'hän' without anyone to point to)
    edit = with_pronoun_chain(ctx, sent, subj, Edit(
        sent.start, sent.end, ctx.text[sent.start:sent.end], new, "learner_subject",
        f"Puhuttele lukijaa: \"{subj.text} {verb.text}\" → \"{override[verb.i]}\".", absorbs=used))
    return [edit] if edit else edits


PASSIVE_TO_2SG = register(Rule(
    plainness_allowance=ADDRESS_ALLOWANCE, why_allowance=WHY_ADDRESS_ALLOWANCE,
    id="passive_to_2sg", label="lukijan puhuttelu", priority=40, pass_="token", find=_learner_passives,
    build=_build_passives_to_2sg,
    examples=(
        Example("Opintojaksolla luodaan edellytyksiä arvioida omaa osaamistaan ja tunnistaa taitojaan."),
        Example("Kurssi perustuu kriittiseen pedagogiikkaan, jonka kautta tarkastellaan vallan ilmentymistä "
                "kasvatuksessa.",
                "Kurssi perustuu kriittiseen pedagogiikkaan, jonka kautta tarkastelet vallan ilmentymistä "
                "kasvatuksessa."),
        Example("Kurssilla työskennellään menetelmin, jotka vahvistavat opiskelijoiden valmiuksia ratkoa ongelmia."),
        Example("Kurssilla tehdään referenssianalyysi toteutuneesta kohteesta tai suunnitelmasta sekä analysoidaan "
                "annettua suunnittelualuetta eri näkökulmista."),
        Example("Kurssilla tutkitaan kielen vaihtelua ja pohditaan sanojen merkityksiä.",
                "Kurssilla tutkit kielen vaihtelua ja pohdit sanojen merkityksiä."),
        Example("Opintojaksolla osaaminen arvioidaan tentillä."),
        Example("Kokonaiskuvaa tarkastellaan Aallossa opiskeltavien eri alojen näkökulmista."),
        Example("Kurssin ensimmäisessä osassa opiskellaan Unreal-pelimoottorin perusteet, mallintaminen, valaisu ja "
                "integroituminen muihin ohjelmiin."),
        Example("Sisältö: Opetellaan kertomaan itsestä, perheestä ja suvusta suullisesti ja kirjallisesti."),
        Example("Sisältö:\nHarjoitellaan laskemaan ympyrän pinta-ala, kehän ja kaaren pituus sekä sektorin pinta-ala."),
        Example("Kurssilla käsitellään ajoneuvon korjaamisen vaiheita ja niihin liittyviä turvallisuusasioita:\n"
                "- tarkastellaan vaurioita"),
        Example("Kurssilla harjoitellaan suunnittelua. Kurssin sisältöä kehitetään vuosittain.",
                "Kurssilla harjoittelet suunnittelua. Kurssin sisältöä kehitetään vuosittain."),
        # 'käydään' without its 'läpi' is a slip of the original; 'käyt ... periaatteet' kept it (review 10)
        Example("Sisältö: Luentojen ja tehtävien avulla käydään tilamitoituksen periaatteet ja rakennussuunnittelua "
                "koskevat lait ja määräykset pääpiirteittäin."),
        # the purpose clause keeps its passive: 'käsittelet X:ää, jotta johtajia voidaan valmistaa' made the reader
        # the one who prepares managers (review 14)
        Example("Kurssilla käsitellään johdon tietojärjestelmien (MIS) tärkeimpiä periaatteita, jotta johtajia "
                "voidaan valmistaa ymmärtämään tieto- ja viestintäteknologioiden ja datan strategista roolia "
                "digitaalisessa taloudessa."),
        # ... but a passive in an indirect question is done by no one in the text: it may stay beside 'sinä'
        Example("Kurssilla tutustutaan oikeudelliseen konfliktinhallintaan ja analysoidaan, miten riidat voidaan "
                "ratkaista ja ennaltaehkäistä yritystoiminnassa.",
                "Kurssilla tutustut oikeudelliseen konfliktinhallintaan ja analysoit, miten riidat voidaan "
                "ratkaista ja ennaltaehkäistä yritystoiminnassa."),
    )))

LEARNER_GOAL = register(Rule(
    plainness_allowance=ADDRESS_ALLOWANCE, why_allowance=WHY_ADDRESS_ALLOWANCE,
    id="learner_goal", label="lukijan puhuttelu", priority=110, pass_="sentence", find=each_sentence,
    build=_build_learner_goal,
    examples=(
        Example("Osaamistavoitteet: Tavoitteena on, että opiskelija tutustuu Aalto-yliopiston kauppakorkeakouluun, "
                "sen tarjoamiin opiskelumahdollisuuksiin sekä yliopisto-opiskeluun ja -yhteisöön."),  # (review 9)
        Example("Kurssin suoritettuaan opiskelija tunnistaa kestämättömään kehitykseen johtaneita tekijöitä "
                "historiasta nykypäivään, ja tietää, miten kestävää tulevaisuutta voidaan rakentaa.",
                "Kurssin jälkeen tunnistat kestämättömään kehitykseen johtaneita tekijöitä historiasta nykypäivään, "
                "ja tiedät, miten kestävää tulevaisuutta voidaan rakentaa."),
        Example("Kurssin suoritettuaan opiskelija: • ymmärtää ja osaa soveltaa kustannusten ja kannattavuuden "
                "peruskäsitteitä"),
        Example("Kurssin suoritettuaan opiskelija tunnistaa ja osaa tarkastella maisema-arkkitehtuuria sen "
                "historiallisessa kontekstissa.",
                "Kurssin jälkeen tunnistat ja osaat tarkastella maisema-arkkitehtuuria sen historiallisessa "
                "kontekstissa."),
        Example("Osaamistavoitteet: Kurssin suoritettuaan opiskelija ymmärtää ulkotilojen merkityksen kaupungissa ja "
                "rakennusten lähiympäristössä sekä tunnistaa suunnitteluun vaikuttavat arkkitehtoniset, sosiaaliset, "
                "toiminnalliset, rakennustekniset ja ylläpitoon liittyvät tekijät."),
        Example("Osaamistavoitteet: Kurssin suoritettuaan opiskelija osaa kuvailla pääpiirteissään entsyymien "
                "toimintaa ja entsyymikinetiikan perusteita.",
                "Osaamistavoitteet: Kurssin jälkeen osaat kuvailla pääpiirteissään entsyymien toimintaa ja "
                "entsyymikinetiikan perusteita."),
        Example("Osaamistavoitteet: Opintojakson suoritettuaan opiskelija osaa suunnitella, esitellä ja ohjeistaa "
                "käyttötarkoitukseen sopivan tuotteen, jossa käyttäjänäkökulma on huomioitu esitellä oman "
                "käyttäjälähtöisen konseptinsa sekä tuotesuunnittelunsa digitaalisia ohjelmia hyödyntäen."),
        Example("Kurssin käytyään opiskelijalla on kyky itsenäisesti tehdä sopimuksia sekä reagoida oikealla "
                "tavalla vastapuolen sopimusrikkomuksiin oman asemansa turvaten."),
        Example("Kurssin käytyään opiskelija osaa soveltaa robotiikkaa käytännön esimerkkitilanteissa.",
                "Kurssin jälkeen osaat soveltaa robotiikkaa käytännön esimerkkitilanteissa."),
        Example("Osaamistavoitteet: Kurssin käytyään opiskelija tietää mitä data, tieto ja informaatio ovat ja "
                "ymmärtää datan määrää kuvaavia käsitteitä."),
        # the 'hän' sentences after it go along in the same edit: left alone, 'Hän ymmärtää' points to nobody
        # (seen in the browser on this text)
        Example("Kurssin suoritettuaan opiskelija on tietoinen siitä, miten yhteiskunta, kulttuurisesti määrittyneet "
                "arvot, erilaiset ajattelumallit, materiaalit, tekniikat ja välineteknologioiden kehitys ovat "
                "vaikuttaneet taiteen tekemiseen, esittämiseen ja vastaanottamiseen. Hän ymmärtää ja osaa lähestyä "
                "kriittisesti politiikan, talouselämän ja taiteen välisiä suhteita. Hänellä on valmiuksia tarkastella "
                "taidetta sekä tekijän että tulkitsijan näkökulmasta. Hänellä on työkaluja tutkia nykytaidetta sekä "
                "tulkita ja analysoida kuvia taidehistoriallisista lähtökohdista käsin.",
                "Kurssin jälkeen olet tietoinen siitä, miten yhteiskunta, kulttuurisesti määrittyneet arvot, "
                "erilaiset ajattelumallit, materiaalit, tekniikat ja välineteknologioiden kehitys ovat vaikuttaneet "
                "taiteen tekemiseen, esittämiseen ja vastaanottamiseen. Ymmärrät ja osaat lähestyä kriittisesti "
                "politiikan, talouselämän ja taiteen välisiä suhteita. Sinulla on valmiuksia tarkastella taidetta "
                "sekä tekijän että tulkitsijan näkökulmasta. Sinulla on työkaluja tutkia nykytaidetta sekä tulkita "
                "ja analysoida kuvia taidehistoriallisista lähtökohdista käsin."),
        Example("Osaamistavoitteet: Kurssin suoritettuaan opiskelija tunnistaa ja osaa nimetä "
                "tulevaisuudentutkimuksen keskeiset toimijat, alan keskeiset kansalliset ja kansainväliset yhteisöt "
                "sekä osaa hyödyntää näiden tuottamaa materiaalia opintojaksolla tehtävässä "
                "tulevaisuustyöskentelyssä. Hän ymmärtää tulevaisuustiedon monitieteisen ja systeemisen luonteen "
                "sekä sen, kuinka tällaista tietoa voidaan tuottaa.",
                "Osaamistavoitteet: Kurssin jälkeen tunnistat ja osaat nimetä tulevaisuudentutkimuksen keskeiset "
                "toimijat, alan keskeiset kansalliset ja kansainväliset yhteisöt. Osaat hyödyntää näiden tuottamaa "
                "materiaalia opintojaksolla tehtävässä tulevaisuustyöskentelyssä. Ymmärrät tulevaisuustiedon "
                "monitieteisen ja systeemisen luonteen sekä sen, kuinka tällaista tietoa voidaan tuottaa."),
    )))

LEARNER_SUBJECT = register(Rule(
    plainness_allowance=ADDRESS_ALLOWANCE, why_allowance=WHY_ADDRESS_ALLOWANCE,
    id="learner_subject", label="lukijan puhuttelu", priority=120, pass_="sentence", find=each_sentence,
    build=_build_learner_subject,
    examples=(
        Example("Osaamistavoitteet: Kurssin suoritettuaan - Opiskelija ymmärtää spatiaalisen datatieteen menetelmiä."),
        Example("Opiskelija toteuttaa seminaarin yhteydessä kirjallisen tutkielman, joka on laajuudeltaan n. 15–30 "
                "sivua.",
                "Toteutat seminaarin yhteydessä kirjallisen tutkielman, joka on laajuudeltaan n. 15–30 sivua."),
        Example("Tekniset taidot opiskelija osaa lukea käsikirjoitusta kuvallisen ajattelun näkökulmasta."),
        Example("Opiskelija voi valita työnsä geoinformatiikan keskeisiltä osa-alueilta."),
        Example("Opiskelija tekee ajoneuvon purkutöitä:\n- purkaa ajoneuvon osat turvallisesti"),
        Example("Opiskelija osaa\n- käyttää yleisimpiä tieto- ja viestintäteknisiä laitteita ja tekee niihin "
                "liittyviä valintoja\n- käyttää digitaalisia palveluita ja sovelluksia."),
        Example("Opiskelija käsittelee vauriokorjauksessa käytettäviä laitteita, aineita, ja syntyviä jätteitä.:\n"
                "- lukee käyttöturvallisuustiedotteita"),
        # the parser hangs the verb on the heading ('osaa', 'tuntee' a 'parataxis' of 'Osaamistavoitteet'): still
        # the learner's sentence, every verb of it converted (left 3rd person, it mixed persons beside re-addressed
        # ones: rewrite review 14, ELO-C2524)
        Example("Osaamistavoitteet: Opiskelija osaa käyttää Movie Magic Scheduling ohjelmaa, tuntee "
                "kuvausaikatulutuksen perusteet ja tuntee apulaisohjaajan työnkuvan perusteet.",
                "Osaamistavoitteet: Osaat käyttää Movie Magic Scheduling ohjelmaa, tunnet kuvausaikatulutuksen "
                "perusteet ja tunnet apulaisohjaajan työnkuvan perusteet."),
        Example("Osaamistavoitteet: Opiskelija tuntee elokuvadramaturgian perusteoksia ja -teorioita.",
                "Osaamistavoitteet: Tunnet elokuvadramaturgian perusteoksia ja -teorioita."),
        Example("Opiskelija osaa käyttää tietokonetta satunnaisvektoreiden ja -prosessien analyysissä.",
                "Osaat käyttää tietokonetta satunnaisvektoreiden ja -prosessien analyysissä."),
        Example("Opiskelija tunnistaa ergonomiset riskit omassa työssään.",
                "Tunnistat ergonomiset riskit omassa työssäsi."),
        Example("Opiskelija tuntee metallien valmistus- ja jalostusprosesseja ympäristövaikutuksineen.",
                "Tunnet metallien valmistus- ja jalostusprosesseja ympäristövaikutuksineen."),
        Example("Osaamistavoitteet: Elokuvakäsikirjoittamisen työpajakurssien 1-3 tavoitteet: Opiskelija hallitsee "
                "pitkän fiktioelokuvan kirjoitusprosessin, osaa soveltaa erilaisia dramaturgisia työkaluja ja "
                "hallitsee elokuvallisen kirjoittamisen keinot Opiskelija osaa analysoida käsikirjoituksia niiden eri "
                "työvaiheissa ja kykenee osallistumaan rakentavasti sekä oman tekstinsä että muiden opiskelijoiden "
                "tekstien kehittelytyöhön Opiskelija tuntee henkilökohtaiset vahvuutensa ja kykenee itsenäiseen "
                "työskentelyyn"),
        Example("Opiskelija selkiyttää ja vahvistaa henkilökohtaisia valmiuksiaan työpaikalla järjestettävää "
                "koulutusta varten. Hän hankkii kokemuksia koulutuksesta, joka järjestetään työpaikalla käytännön "
                "työtehtävien yhteydessä ja perehtyy opiskeluun koulutussopimuksena tai oppisopimuskoulutuksena "
                "mahdollisina koulutusvaihtoehtoina."),
        Example("Opiskelija tai tutkinnon suorittaja osoittaa osaamisensa ammattiosaamisen näytössä laatimalla "
                "kohteelle tukihakemuksen ja hoitosuunnitelman. Hän hoitaa aluetta suunnitelman ja "
                "tukimäärärahan puitteissa."),
        Example("Opiskelija hallitsee säätöteorian alkeet. Hän ymmärtää dynaamisen järjestelmän perusperiaatteet.",
                "Hallitset säätöteorian alkeet. Ymmärrät dynaamisen järjestelmän perusperiaatteet."),
        Example("Opiskelija osaa paikkatiedon analyysin perusteet.Opiskelija osaa valita sopivat "
                "havainnollistamismenetelmät paikkatiedon esittämiseksi."),
        # every 'hän' that points to the learner goes along, possessive suffixes too ('hankkimaasi')
        Example("Erityisesti opiskelija hahmottaa hintamekanismin merkityksen talouden voimavarojen "
                "kohdistamisessa, julkisen vallan toimet markkinoita valvovana ja niiden puutteita korjaavana "
                "toimijana. Hän tuntee sijoittamisen ja rahoitusmarkkinoiden merkityksen talouden ja yritysten "
                "toiminnalle. Hän ymmärtää talouskasvuun ja suhdannevaihteluun vaikuttavat tekijät ja osaa käyttää "
                "hankkimaansa tietoa yhteiskunnallisten haasteiden jäsentämiseen.",
                "Erityisesti hahmotat hintamekanismin merkityksen talouden voimavarojen kohdistamisessa, julkisen "
                "vallan toimet markkinoita valvovana ja niiden puutteita korjaavana toimijana. Tunnet sijoittamisen "
                "ja rahoitusmarkkinoiden merkityksen talouden ja yritysten toiminnalle. Ymmärrät talouskasvuun ja "
                "suhdannevaihteluun vaikuttavat tekijät ja osaat käyttää hankkimaasi tietoa yhteiskunnallisten "
                "haasteiden jäsentämiseen."),
        Example("Kurssin jälkeen opiskelija tuntee sisustusarkkitehtuurin ja kalustesuunnittelun käyttämien "
                "valmistustekniikoiden perusteet ja tuntee aalto yliopiston tarjoamista mahdollisuudet. Lisäksi "
                "hänellä on perusymmärrys teknologian ja taiteellisen ilmaisun vuorovaikutuksesta.",
                "Kurssin jälkeen tunnet sisustusarkkitehtuurin ja kalustesuunnittelun käyttämien "
                "valmistustekniikoiden perusteet ja tunnet aalto yliopiston tarjoamista mahdollisuudet. Lisäksi "
                "sinulla on perusymmärrys teknologian ja taiteellisen ilmaisun vuorovaikutuksesta."),
        # a paragraph hard-wrapped over lines is still one paragraph: its 'Hän' goes along
        Example("Opiskelija selkiyttää ja vahvistaa henkilökohtaisia valmiuksiaan toimia eri ammateissa,\n"
                "työelämässä ja työssäoppimisessa työpaikoilla. Hän hankkii kokemuksia\n"
                "oppisopimuskoulutuksesta eräänä mahdollisena koulutusvaihtoehtona.",
                "Selkiytät ja vahvistat henkilökohtaisia valmiuksiasi toimia eri ammateissa,\n"
                "työelämässä ja työssäoppimisessa työpaikoilla. Hankit kokemuksia\n"
                "oppisopimuskoulutuksesta eräänä mahdollisena koulutusvaihtoehtona."),
        # 'Hän osaa ... ja tietää, kuinka voi viettää vapaa-aikansa' cannot go along ('voi' would stay 3rd person),
        # so the learner sentence before it stays too
        Example("Opiskelija kehittää kuluttaja- ja talousosaamistaan ja edistää omaa hyvinvointiaan terveellisten "
                "ruokailutottumusten ja elämäntapojen avulla. Hän osaa huolehtia omasta toimintakyvystään ja "
                "tietää, kuinka voi viettää vapaa-aikansa omaa hyvinvointiaan edistävällä tavalla."),
    )))
