"""Plain verbs: say what the reader does with an everyday verb.

- nominal_to_verb: 'Tavoitteena on potilasturvallisuuden kehittäminen.' -> 'Kurssilla kehität potilasturvallisuutta.'
- learn_topics: 'Opintojaksolla perehdytään X:ään.' -> 'Opintojaksolla opit X:ää.'
- skills_to_learn: 'Koulutuksessa saat valmiudet X:ään.' -> 'Koulutuksessa opit X:ää.'
- goal_for_learner: 'Kurssin tavoitteena on vahvistaa osallistujien kykyä X.' -> 'Kurssilla vahvistat kykyäsi X.'
- enrol_imperative: 'Ilmoittautuminen tapahtuu osoitteessa X.' -> 'Ilmoittaudu osoitteessa X.'
- arranged_is: 'Kurssi toteutetaan verkossa.' -> 'Kurssi on verkossa.'

The object case after a verb comes from the verb table (text.wordlists.verb_government, corpora/verbs); after a
-minen noun the process reading of corpora/rewriting ``process_object_verb`` takes the partitive.
"""
from __future__ import annotations

import re

from ...text import inflect
from ...text.analysis import Sentence, Token
from ...text.inflect import pykko_forms, pykko_lemmas, recase
from ...text.resources import get_pykko
from ...text.wordlists import verb_government
from ..edits import Edit
from .address import _GOAL_WORDS, _course_frame, _learner_passive
from .base import (ADDRESS_ALLOWANCE, WHY_ADDRESS_ALLOWANCE, Context, Example, Rule, cap, each_sentence, is_course_word,
                   is_human, is_learner, register, rendered_lemma, sentence_edit, subtree, third_person_possessive,
                   word_list)
from .lists import _cases

_GOAL_HEADS = {"tavoite", "päämäärä"}
_GIVING_VERBS = {"tarjota", "antaa"}


def partitive_object(verb: str) -> bool:
    """Does the object of ``verb`` take the partitive after a -minen noun ('X:n kehittäminen' -> 'kehität X:ää')?"""
    return verb in word_list("process_object_verb") or verb_government().get(verb) == "par"


def course_place(lemma: str) -> str | None:
    """Where the reader studies: 'kurssilla' (adessive) for a course, 'koulutuksessa' (inessive) for the rest."""
    if not lemma.isalpha():
        return None
    return inflect(lemma, "+sg+ade" if lemma.endswith("kurssi") else "+sg+ine")


def _verb_of_minen(word: str) -> str | None:
    for a in get_pykko().utils.analyze(word):
        if a.pos == "verb" and "+inf4" in a.morphtags and "+sg+nom" in a.morphtags:
            return a.lemma.replace("|", "")
    return None


def _build_nominal_to_verb(ctx: Context, sent: Sentence) -> list[Edit]:
    """'Tavoitteena on potilasturvallisuuden kehittäminen.' -> 'Kurssilla kehität potilasturvallisuutta.'"""
    edits = []
    toks = ctx.analysis.tokens
    idx = sent.tokens
    words = [toks[i] for i in idx]
    goal = next((w for w in words if w.base in _GOAL_HEADS and w.morph.get("Case") == "Ess"), None)
    if goal is None:
        return edits
    cop = next((w for w in words if w.head == goal.i and w.dep == "cop" and w.lemma == "olla"), None)
    minen = [w for w in words if w.head == goal.i and w.dep.startswith("nsubj")
             and w.morph.get("Derivation") == "Minen" and w.morph.get("Case") == "Nom"]
    if cop is None or len(minen) != 1:
        return edits
    m = minen[0]
    if any(w.head == m.i and w.dep == "conj" for w in words):
        return edits  # 'X:n kehittäminen ja Y:n arviointi': two verbs, not safe
    # Everything before the goal word must be its own modifiers (Opintojakson tavoitteena ...).
    first = words[0]
    if first.i != goal.i and not all(w.head == goal.i for w in words if w.i < goal.i):
        return edits
    if not (goal.i < cop.i < m.i):
        return edits
    verb = _verb_of_minen(m.text.lower())
    if not verb:
        return edits
    verb2 = inflect(verb, "+pres+2sg")
    if not verb2:
        return edits
    override: dict[int, str] = {}
    obj = toks[m.i - 1] if m.i - 1 > cop.i else None
    if obj is not None and obj.head == m.i and obj.pos in ("NOUN", "PROPN") and obj.morph.get("Case") == "Gen":
        plural = obj.morph.get("Number") == "Plur"
        if partitive_object(verb):
            form = "+pl+par" if plural else "+sg+par"
        else:
            form = "+pl+nom" if plural else "+sg+gen"
        phrase = [obj] + [w for w in words if w.head == obj.i and w.dep in ("amod", "acl", "det")
                          and w.morph.get("Case") == "Gen" and w.i < obj.i]
        for w in phrase:
            token_edit = next((e for e in ctx.token_edits if e.start == w.start and e.end == w.end
                               and e.rule == "lexicon" and " " not in e.replacement), None)
            lemma = w.lemma.lower()
            if token_edit is not None:
                lemmas = pykko_lemmas(token_edit.replacement)
                lemma = lemmas[0] if lemmas else lemma
            if w.pos == "VERB":  # participle 'liittyvien' -> 'liittyviä'
                lemmas = [x for x in pykko_lemmas(w.text) if x.endswith(("va", "vä"))]
                lemma = lemmas[0] if lemmas else w.text[:-3] + ("ä" if "ä" in w.text else "a")
            new = inflect(lemma, form)
            if not new:
                override = {}
                break
            override[w.i] = new
        if obj.pos == "PROPN":
            return edits
    elif obj is not None and obj.head == m.i:
        return edits
    # tokens after the minen word (e.g. 'kotihoidon kontekstissa') are kept as they are
    start = words[0].start
    end = sent.end
    body_start = toks[cop.i + 1].start
    body_end = m.start
    body, used1 = ctx.render(body_start, body_end, override)
    tail, used2 = ctx.render(m.end, end)
    body = body.strip()
    new = f"Kurssilla {verb2} {body}".rstrip() + tail
    new = re.sub(r"\s+", " ", new)
    edits.append(Edit(start, end, ctx.text[start:end], new, "nominal_to_verb",
                      f"Verbi -minen-sanan sijaan ja lukijan puhuttelu: \"{m.text}\" → \"{verb2}\".",
                      absorbs=used1 + used2))
    return edits


_TOPIC_INTO_VERBS = {"perehtyä", "paneutua"}
_TOPIC_INTO_2SG = {"perehdyt", "paneudut"}
_NP_DEPS = ("amod", "det", "nummod", "conj", "appos", "flat", "flat:name", "compound")


def _recase_rendered(ctx: Context, w: Token, from_case: str, to_case: str) -> str | None:
    """recase() on the word as the token rules render it: a plain word ('toimintatapoihin'), a gloss whose last word
    carries the case ('eri ammattilaisten yhteiseen'), or a word with its explanation ('osallisuuteen (...)')."""
    e = next((e for e in ctx.token_edits if e.start == w.start and e.end == w.end), None)
    if e is None:
        return recase(w.text, from_case, to_case)
    if e.replacement.startswith(w.text + " ("):
        head = recase(w.text, from_case, to_case)
        return head + e.replacement[len(w.text):] if head else None
    *rest, last = e.replacement.split(" ")
    form = recase(last, from_case, to_case)
    return " ".join(rest + [form]) if form else None


def _recased_phrase(ctx: Context, phrase: set[int], from_case: str, to_case: str) -> dict[int, str] | None:
    """Every word of the phrase re-cased (token index -> text), or None when one of them cannot be."""
    out = {j: _recase_rendered(ctx, ctx.analysis.tokens[j], from_case, to_case) for j in phrase}
    return out if all(out.values()) else None


def _case_phrase(toks: list[Token], heads: list[Token], tag: str, within: set[int]) -> set[int] | None:
    """Token indices of the noun phrases headed by ``heads`` that agree in the case ``tag`` (e.g. '+ill'): the head,
    adjectives, participles, coordinated heads and 'kuten' examples. None when another word in that case hangs on
    them other than as a participle's complement ('niihin vaikuttaviin' keeps 'niihin'): the parse is not clear."""
    out: set[int] = set()
    frontier = [h.i for h in heads]
    while frontier:
        h = frontier.pop()
        if h in out:
            continue
        out.add(h)
        for j in within:
            w = toks[j]
            if w.head == h and j != h and tag in _cases(w.text) and (
                    w.dep in _NP_DEPS or w.dep == "acl" and w.morph.get("VerbForm") == "Part"):
                frontier.append(j)
    for h in heads:
        for j in subtree(toks, h.i, within) - out:
            if tag not in _cases(toks[j].text):
                continue
            w = toks[j]
            if w.dep == "amod" and w.pos == "ADJ" and toks[w.head].morph.get("Case") == "Gen" and w.i < w.head:
                out.add(j)  # agrees with the head, not with the genitive the parser hung it on ('eurooppalaiseen
                continue    # mikrotutkintojen taustaan': an illative adjective cannot modify a genitive)
            k = j
            while k not in out and not (toks[k].dep in ("obl", "advcl", "obj") and toks[toks[k].head].pos == "VERB"):
                k = toks[k].head
            if k in out:
                return None
    return out


def _build_learn_topics(ctx: Context, sent: Sentence) -> list[Edit]:
    """'Opintojaksolla perehdytään lääkehoidon keskeisiin käsitteisiin ja periaatteisiin.' -> 'Opintojaksolla opit
    lääkehoidon keskeisiä käsitteitä ja periaatteita.' (the everyday verb; its object takes the partitive)."""
    edits = []
    toks = ctx.analysis.tokens
    within = set(sent.tokens)
    for i in sent.tokens:
        v = toks[i]
        passive = v.lemma.lower() in _TOPIC_INTO_VERBS and _learner_passive(ctx, v)
        # 'X-kurssi perehdyttää osallistujan Y:hyn' -> 'X-kurssilla opit Y:tä'
        learner = toks[v.i + 1] if v.i + 1 in within else None
        causative = (v.lemma.lower() == "perehdyttää" and learner is not None  # (the parser misreads its case)
                     and is_learner(learner))
        framed = _course_subject_place(ctx, sent, v) if causative else None
        if not passive and not framed and v.text.lower() not in _TOPIC_INTO_2SG:
            continue
        heads = [toks[j] for j in sent.tokens if toks[j].head == v.i and j > v.i and toks[j].dep == "obl"
                 and toks[j].morph.get("Case") == "Ill" and toks[j].pos != "PRON"]
        if not heads and v.head > v.i and v.head in within and toks[v.head].morph.get("Case") == "Ill" \
                and toks[v.head].pos == "NOUN" and v.text.lower() in _TOPIC_INTO_2SG:
            heads = [toks[v.head]]  # the parser read 'perehdyt' as a participle of the illative noun after it
        phrase = _case_phrase(toks, heads, "+ill", within) if heads else None
        if not phrase:
            continue
        override = _recased_phrase(ctx, phrase, "+ill", "+par")
        if override is None or any(j not in override and v.i < j < max(phrase) and "+ill" in _cases(toks[j].text)
                                   and toks[j].dep in _NP_DEPS for j in sent.tokens):
            continue  # an illative the parse left out ('keskeisimpiin ... malleja') would stay behind (review 2)
        if framed:
            rest, used = ctx.render(learner.end, sent.end, override)
            edits.append(Edit(sent.start, sent.end, ctx.text[sent.start:sent.end],
                              re.sub(r" {2,}", " ", f"{framed[0]}opit{rest}"), "learn_topics",
                              f"Puhuttele lukijaa: \"{v.text} {learner.text}\" → \"opit\".",
                              absorbs=framed[1] + used))
            break
        if any(toks[j].morph.get("Voice") == "Pass" and toks[j].morph.get("VerbForm") == "Fin" and j != v.i
               and ctx.render(toks[j].start, toks[j].end)[0] == toks[j].text for j in sent.tokens):
            continue  # 'opit X:ää sekä tuotetaan Y:tä' would mix 'sinä' and the passive (review 1)
        override[v.i] = cap("opit") if v.text[:1].isupper() else "opit"
        edits.append(sentence_edit(ctx, sent, override, "learn_topics",
                                    f"Tavallinen verbi: \"{v.text}\" → \"opit\"."))
        break
    return edits


# abstract nouns that plain-language guides call vague ('valmiudet', 'osaaminen'); 'taidot' is plain and stays
_SKILL_VERBS_2SG = {"saat", "vahvistat", "kehität", "syvennät", "lisäät"}
_SKILL_VERBS = {"vahvistaa", "kehittää", "syventää", "lisätä"}  # 'Kurssilla vahvistetaan osaamista X:ssä' 


def _is_skill_noun(w: Token) -> bool:
    return w.pos == "NOUN" and (w.base in word_list("skill_noun") or w.lemma.lower() in word_list("skill_noun"))


def _topics_after(ctx: Context, sent: Sentence, verb: Token, skill: Token) -> dict[int, str] | None:
    """The illative topics hanging on the verb or the skill noun ('valmiudet X:n käsittelyyn ja varastointiin'),
    re-cased to the partitive for 'opit'; None when there are none or one cannot be inflected."""
    toks = ctx.analysis.tokens
    within = set(sent.tokens)
    anchors = {verb.i, skill.i}
    # 'valmiudet X:ään'; 'osaaminen X:ssä' too ('vahvistat osaamistasi X:n toteuttamisessa')
    for case, tag in (("Ill", "+ill"), ("Ine", "+ine")):
        if case == "Ine" and not {skill.base, skill.lemma.lower()} & {"osaaminen"}:
            return None
        heads = [toks[j] for j in sent.tokens if j > skill.i and toks[j].head in anchors and toks[j].pos == "NOUN"
                 and toks[j].dep in ("obl", "nmod") and toks[j].morph.get("Case") == case]
        phrase = _case_phrase(toks, heads, tag, within) if heads else None
        if phrase:
            break
    else:
        return None
    return _recased_phrase(ctx, phrase, tag, "+par")


def _course_subject_place(ctx: Context, sent: Sentence, v: Token) -> tuple[str, tuple] | None:
    """'Kemikaaliturvallisuuden kurssi (2 op) antaa ...' -> ('Kemikaaliturvallisuuden kurssilla (2 op) ', used):
    the sentence up to a present 3rd person verb, its course subject turned into where you study."""
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in sent.tokens]
    m = v.morph
    # the course word nearest the verb ('Projektinhallinnan perusteet -kurssi antaa ...')
    subj = max((w for w in ws if w.head == v.i and w.dep == "nsubj" and w.i < v.i and is_course_word(w)),
               key=lambda w: w.i, default=None)
    if not (m.get("Person") == "3" and m.get("Tense") == "Pres" and m.get("Mood") == "Ind"
            and subj is not None and subj.morph.get("Case") == "Nom"):
        return None
    subj_text, lemma = rendered_lemma(ctx, subj)
    place = course_place(lemma.lstrip("-"))
    if not place:
        return None
    place = ("-" if subj_text.startswith("-") else "") + place
    head, used_a = ctx.render(sent.start, subj.start)
    middle, used_b = ctx.render(subj.end, v.start)
    return head + (place if head else cap(place)) + middle, used_a + used_b


# what a course prepares for rather than teaches: 'valmiudet harjoitteluun' is not 'opit harjoittelua'
_PREPARED_FOR = {"harjoittelu", "työharjoittelu", "opinnot", "jatko-opinnot", "opiskelu", "työelämä", "suorittaa",
                 "suoritettava", "työskentely", "työ"}


def _build_skills_to_learn(ctx: Context, sent: Sentence) -> list[Edit]:
    """'Koulutuksessa saat valmiudet riskien kartoittamiseen.' -> 'Koulutuksessa opit riskien kartoittamista.';
    'Kemikaaliturvallisuuden kurssi antaa valmiudet kemikaalien käsittelyyn.' -> 'Kemikaaliturvallisuuden kurssilla
    opit kemikaalien käsittelyä.' ('valmiudet/taidot X:ään' says 'you learn X' in more words)."""
    edits = []
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in sent.tokens]
    for n, v in enumerate(ws[:-2]):
        obj = ws[n + 1]
        if obj.text.lower() == "tarvittavat" and n + 2 < len(ws):
            obj = ws[n + 2]
        if not _is_skill_noun(obj) or obj.dep != "obj" or obj.head != v.i:
            continue
        if any(w.head == obj.i and w.i > obj.i and w.morph.get("Case") == "Gen" and is_human(w) for w in ws):
            continue  # 'syventää hoitajien osaamista': whose skills is a fact to keep
        target = [w for w in ws if w.i > obj.i and w.is_word]
        if any(w.text[:1].isupper() or w.lemma.lower() in _PREPARED_FOR or w.base in _PREPARED_FOR
               for w in target):
            continue  # ready for a stage, not a topic: 'valmiuksia samanaikaisesti suoritettavaan Orientoivaan
            # harjoitteluun' is no 'opit ... harjoittelua' (review 7)
        override = _topics_after(ctx, sent, v, obj)
        if override is None:
            continue
        if v.text.lower() in _SKILL_VERBS_2SG or v.lemma.lower() in _SKILL_VERBS and _learner_passive(ctx, v):
            prefix, used0 = ctx.render(sent.start, v.start)
        else:
            if v.lemma.lower() not in _GIVING_VERBS or any(w.head == v.i and w.morph.get("Case") == "All"
                                                           for w in ws):
                continue  # recipients: recipient_split says 'on X:lle' first
            framed = _course_subject_place(ctx, sent, v)
            if framed is None:
                continue
            prefix, used0 = framed
        rest, used1 = ctx.render(obj.end, sent.end, override)
        verb = "opit" if prefix.strip() else "Opit"
        new = re.sub(r" {2,}", " ", f"{prefix}{verb}{rest}")
        edits.append(Edit(sent.start, sent.end, ctx.text[sent.start:sent.end], new, "skills_to_learn",
                          f"Sano suoraan, mitä opit: \"{v.text} {obj.text} …\" → \"opit …\".",
                          absorbs=used0 + used1))
        break
    return edits


def _build_enrol_imperative(ctx: Context, sent: Sentence) -> list[Edit]:
    """'Ilmoittautuminen tapahtuu osoitteessa X.' / 'Ilmoittautuminen 30.11. mennessä osoitteessa X.' /
    'Kursseille ilmoittaudutaan portaalissa X.' -> 'Ilmoittaudu (kursseille) ... osoitteessa X.' (tell the reader
    what to do; 'Ilmoittautuminen päättyy 20.1.' -> 'Ilmoittaudu viimeistään 20.1.')."""
    edits = []
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in sent.tokens if toks[i].text.strip()]
    if len(ws) < 3 or not sent.text.rstrip().endswith("."):
        return edits
    finite = [w for w in ws if w.pos in ("VERB", "AUX") and w.morph.get("VerbForm") == "Fin"]
    first = ws[0]
    if first.text.lower() == "ilmoittautuminen":
        verb = ws[1] if ws[1] in finite else None
        if len(finite) > (1 if verb else 0) or verb is not None and verb.lemma.lower() not in ("tapahtua",
                                                                                                "päättyä"):
            return edits
        rest_start = (verb or first).end
        lead = " viimeistään" if verb is not None and verb.lemma.lower() == "päättyä" else ""
        rest, used = ctx.render(rest_start, sent.end)
        new = f"Ilmoittaudu{lead}{rest}"
        why = f"Kerro lukijalle, mitä tehdä: \"{ctx.text[first.start:rest_start]}\" → \"Ilmoittaudu{lead}\"."
    else:
        verb = next((w for w in finite if w.text.lower() == "ilmoittaudutaan"), None)
        if verb is None or len(finite) != 1 or any(
                w.morph.get("Case") not in ("Ill", "All", "Gen") and not w.text.endswith("-")
                for w in ws if w.i < verb.i):
            return edits  # only where to enrol may come first: 'Kursseille', 'Siihen'
        target, used0 = ctx.render(sent.start, verb.start)
        rest, used1 = ctx.render(verb.end, sent.end)
        target = target.strip()
        if target and not (target[:1].isupper() and target[1:2].isupper()):  # 'Siihen' -> 'siihen', not 'EU:n'
            target = target[:1].lower() + target[1:]
        new, used = "Ilmoittaudu" + (f" {target}" if target else "") + rest, used0 + used1
        why = f"Kerro lukijalle, mitä tehdä: \"{verb.text}\" → \"Ilmoittaudu\"."
    edits.append(Edit(sent.start, sent.end, ctx.text[sent.start:sent.end], new, "enrol_imperative", why,
                      absorbs=used))
    return edits


_ARRANGE_VERBS = {"toteuttaa", "järjestää"}
_AGREEING_DEPS = ("amod", "det", "nummod", "acl")
_FORMAT_WORDS = ("kurssi", "seminaari", "webinaari", "luento", "työpaja", "tapaaminen", "tilaisuus")
_TIME_WORDS = ("päivä", "ilta", "aamu", "viikko", "viikonloppu", "kerta", "jakso", "syksy", "kevät", "kesä", "talvi",
               "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai")
_COURSE_SUFFIXES = ("kurssi", "koulutus", "opinnot", "valmennus", "kokonaisuus", "moduuli", "opintojakso", "jakso",
                    "työpaja", "webinaari", "lähiopetus", "opetus", "toteutus", "luokkaopetus", "päivä",
                    "opiskelu")


def _build_arranged_is(ctx: Context, sent: Sentence) -> list[Edit]:
    """'Kurssi toteutetaan verkossa 1.2.-15.3.2027.' -> 'Kurssi on verkossa 1.2.-15.3.2027.'; 'Kurssi järjestetään
    etäopetuksena Teamsissa.' -> 'Kurssi on etäopetusta Teamsissa.' (the passive of 'arrange' says nothing the
    plain 'on' does not; an essive of manner becomes a partitive)."""
    edits = []
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in sent.tokens]
    for v in ws:
        m = v.morph
        happens = v.lemma.lower() == "tapahtua" and m.get("Person") == "3" and m.get("Number") == "Sing"
        if not ((v.lemma.lower() in _ARRANGE_VERBS and m.get("Voice") == "Pass" or happens)
                and m.get("VerbForm") == "Fin" and m.get("Tense") == "Pres" and m.get("Mood") == "Ind"
                and m.get("Polarity") != "Neg" and v.i > sent.tokens[0]):
            continue  # ('Toteutus tapahtuu verkossa' -> 'Toteutus on verkossa')
        subj = toks[v.i - 1]
        base = rendered_lemma(ctx, subj)[1].lstrip("-")
        if not (subj.morph.get("Case") == "Nom" and subj.morph.get("Number") == "Sing" and (
                base.endswith(_COURSE_SUFFIXES) or subj.pos == "PRON" and base == "se")):
            continue
        deps = [w for w in ws if w.head == v.i and w.dep != "punct" and w.i not in (subj.i, v.i)]
        if any(w.dep in ("obj", "xcomp", "ccomp", "aux") or w.morph.get("VerbForm") in ("Inf", "Fin")
               for w in deps):
            continue
        if any(w.text.lower() in ("yhdessä", "yhteistyössä", "yhteydessä", "kanssa") for w in ws if w.i > v.i):
            continue  # 'järjestetään yhdessä X:n kanssa' says who organises; 'on yhdessä X:n kanssa' loses it
            # (reviews 3 and 4: 'on ... Produktion yhteydessä', 'on yhdessä ... kanssa')
        override: dict[int, str] = {v.i: "on"}
        ok = True
        for w in ws:
            if w.i <= v.i or w.morph.get("Case") != "Ess":
                continue
            if w.head != v.i and toks[w.head].morph.get("Case") == "Ess" and w.dep in _AGREEING_DEPS:
                continue  # 'kuutena', 'itsenäisenä': changes with its noun, below
            # an essive of manner: 'etäopetuksena' -> 'etäopetusta', 'Zoom-webinaareina' -> 'Zoom-webinaareja',
            # 'verkkoseminaarina' -> 'verkkoseminaari', 'kuutena verkkotapaamisena' -> 'kuusi verkkotapaamista'
            text, lemma = rendered_lemma(ctx, w)
            if lemma.endswith(_TIME_WORDS):
                continue  # an essive of time reads fine with 'on': 'Kurssi on kahtena iltapäivänä.'
            if w.pos == "NUM" or w.text[:1].isdigit():
                ok = False
                break
            # a numeral ('kuutena', '3'), not a date the parser hung on the noun ('verkko-opintoina 2.11.-14.12.')
            nums = [x for x in ws if x.head == w.i and (x.pos == "NUM" or x.dep == "nummod")
                    and not re.search(r"\d[.:–-]", x.text)]
            forms = pykko_forms(text.lower())
            mass = any("+pl+ess" in f for f in forms) or "+ess" in forms or lemma.endswith(
                ("us", "ys", "u", "y", "o", "ö"))  # plural, plurale tantum ('opintoina') or a mass noun
            if nums or mass:
                case = "+par"
            elif any(x.endswith(_FORMAT_WORDS) for x in (lemma, *pykko_lemmas(text.lower()))):
                case = "+nom"  # a countable format: 'Koulutus on verkkoseminaari.'
            else:
                ok = False  # 'toteutetaan yhteistyöhankkeena': the role would change; leave it
                break
            changes = {w.i: recase(text, "+ess", case)}
            for x in ws:
                if x.head == w.i and x.morph.get("Case") == "Ess" and x.dep in _AGREEING_DEPS:
                    changes[x.i] = recase(x.text, "+ess", "+nom" if x in nums else case)
            for x in nums:
                changes.setdefault(x.i, x.text)
            if not all(changes.values()):
                ok = False
                break
            override.update(changes)
        if not ok:
            continue
        edits.append(sentence_edit(ctx, sent, override, "arranged_is",
                                    f"Tavallinen verbi: \"{v.text}\" → \"on\"."))
        break
    return edits


def _build_goal_for_learner(ctx: Context, sent: Sentence) -> list[Edit]:
    """'Kurssin tavoitteena on vahvistaa osallistujien kykyä kerätä tietoa.' -> 'Kurssilla vahvistat kykyäsi kerätä
    tietoa.' (the goal frame goes; the learner becomes 'sinä' and the object gets a 2nd person possessive)."""
    edits = []
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in sent.tokens]
    low = [w.text.lower() for w in ws]
    k = _course_frame(ws, low, _GOAL_WORDS)
    if not k or len(ws) < k + 6 or low[k + 1] != "on":
        return edits
    inf, learner, obj = ws[k + 2], ws[k + 3], ws[k + 4]
    if not (inf.pos == "VERB" and inf.morph.get("VerbForm") == "Inf" and inf.text.lower().endswith(("a", "ä"))
            and is_learner(learner)
            and learner.morph.get("Case") == "Gen" and obj.pos == "NOUN" and obj.head != learner.i):
        return edits
    if any(w.head == obj.i and w.dep == "conj" for w in ws):
        return edits  # 'ymmärrystä X:stä ja kykyä Y' would need 'kykyäsi' too (review 1)
    if learner.head != obj.i or obj.dep != "obj" or obj.head != inf.i:
        return edits  # 'tukea opiskelijan opintojen käynnistymistä': the course supports, not 'sinä' (review 8)
    if any(third_person_possessive(w) for w in ws if w.i > obj.i):
        return edits  # '... ja tehdä valintoja elämässään' would need 'elämässäsi' too (review 8)
    verb = inflect(inf.lemma.lower(), "+pres+2sg")
    obj_text, _ = rendered_lemma(ctx, obj)
    readings = [(a.lemma.replace("|", ""), a.morphtags) for a in get_pykko().utils.analyze(obj_text.lower())
                if a.pos.startswith("noun") and "+poss" not in a.morphtags and "+inf" not in a.morphtags]
    if not verb or not readings:
        return edits
    obj_new = inflect(readings[0][0], readings[0][1] + "+poss2sg")
    course_text, lemma = rendered_lemma(ctx, ws[k - 1])
    place = course_place(lemma.lstrip("-"))
    if not obj_new or not place:
        return edits
    title = ctx.render(sent.start, ws[k - 1].start)[0]
    place = ("-" if course_text.startswith("-") else "") + place
    if not title:
        place = cap(place)
    # 'vahvistaa osallistujien valmiuksia X:n suunnitteluun' is what you learn: 'opit X:n suunnittelua'
    topics = _topics_after(ctx, sent, inf, obj) if _is_skill_noun(obj) else None
    if topics:
        verb, obj_new = "opit", ""
    rest, used = ctx.render(obj.end, sent.end, topics)
    new = re.sub(r" {2,}", " ", f"{title}{place} {verb} {obj_new}{rest}")
    edits.append(Edit(sent.start, sent.end, ctx.text[sent.start:sent.end], new, "goal_for_learner",
                      f"Kerro lukijalle, mitä hän tekee: \"tavoitteena on {inf.text} {learner.text} {obj.text}\" "
                      f"→ \"{verb} {obj_new}\".", absorbs=used))
    return edits


NOMINAL_TO_VERB = register(Rule(
    id="nominal_to_verb", label="verbi -minen-sanan sijaan", priority=100, pass_="sentence", find=each_sentence,
    build=_build_nominal_to_verb,
    examples=(
        Example("Tavoitteena on kehittää oppilaiden henkilökohtaista ilmaisua maalaamalla ja piirtämällä."),
        Example("Tavoitteena on potilasturvallisuuden kehittäminen.",
                "Kurssilla kehität potilasturvallisuutta."),
    )))

LEARN_TOPICS = register(Rule(
    enabled=False,
    why_disabled="review 2: 2 of 7 good; 'perehdytään X:ään' -> 'opit X:ää' reads as another collocation ('opit "
                 "vuorovaikutusta', 'opit tarkastelua'); passive_to_2sg keeps the verb ('perehdyt X:ään') instead",
    id="learn_topics", label="tavallinen verbi", priority=140, pass_="sentence", find=each_sentence,
    build=_build_learn_topics,
    examples=(
        Example("Moduulissa perehdytään keskeisimpiin sähköistä vuorovaikutusta kuvaaviin malleihin sekä "
                "sähköenergian käsitteisiin."),
        Example("Lisäksi kurssilla perehdytään IFRS-normiston ja Suomen kirjanpitolainsäädännön periaatteellisiin "
                "eroihin.",
                "Lisäksi kurssilla opit IFRS-normiston ja Suomen kirjanpitolainsäädännön periaatteellisia eroja."),
        Example("Lisäksi käydään läpi kilpailuoikeudellinen täytäntöönpanojärjestelmä ja perehdytään valtiontukia "
                "koskeviin ydinkysymyksiin."),
        Example("Opintojaksolla perehdytään lääkehoidon keskeisiin käsitteisiin.",
                "Opintojaksolla opit lääkehoidon keskeisiä käsitteitä."),
    )))

SKILLS_TO_LEARN = register(Rule(
    id="skills_to_learn", label="mitä opit", priority=150, pass_="sentence", find=each_sentence,
    build=_build_skills_to_learn,
    examples=(
        Example("Kurssi antaa opiskelijalle valmiuksia ymmärtää omaa toimijuuttaan kestävän tulevaisuuden "
                "rakentamisessa."),
        Example("Sisältö: Didaktiikan kurssi antaa valmiuksia samanaikaisesti suoritettavaan Orientoivaan "
                "harjoitteluun."),
        Example("Koulutuksessa saat valmiudet riskien kartoittamiseen.",
                "Koulutuksessa opit riskien kartoittamista."),
    )))

GOAL_FOR_LEARNER = register(Rule(
    enabled=False,
    why_disabled="review 8: 1 of 3 good in both reviews; the goal's doer is often the course, not the learner "
                 "('tavoitteena on tukea opiskelijan opintojen käynnistymistä' -> 'tuet opintojesi "
                 "käynnistymistä'), and a possessive later in the sentence stayed 3rd person ('elämässään')",
    plainness_allowance=ADDRESS_ALLOWANCE, why_allowance=WHY_ADDRESS_ALLOWANCE,
    id="goal_for_learner", label="lukijan puhuttelu", priority=115, pass_="sentence", find=each_sentence,
    build=_build_goal_for_learner,
    examples=(
        Example("Tavoitteena on tutustuttaa opiskelijat yritysjärjestelyjen toteuttamiseen vaikuttaviin "
                "oikeudellisiin reunaehtoihin."),
        Example("Kurssin tavoitteena on vahvistaa osallistujien kykyä kerätä tietoa.",
                "Kurssilla vahvistat kykyäsi kerätä tietoa."),
        Example("Kurssin tavoitteena on tukea opiskelijan opintojen sujuvaa käynnistymistä ja integroitumista "
                "korkeakouluun sekä tutustumista tiedeyhteisöön."),
        Example("Kurssin tavoitteena on vahvistaa osallistujan valmiuksia ymmärtää hyvän elämän peruskysymyksiä ja "
                "tehdä perusteltuja valintoja elämässään."),
    )))

ENROL_IMPERATIVE = register(Rule(
    id="enrol_imperative", label="kehotus lukijalle", priority=160, pass_="sentence", find=each_sentence,
    build=_build_enrol_imperative,
    examples=(
        Example("Ilmoittautuminen kurssille on sitova."),
        Example("Ilmoittautuminen tapahtuu osoitteessa www.example.fi.",
                "Ilmoittaudu osoitteessa www.example.fi."),
    )))

ARRANGED_IS = register(Rule(
    id="arranged_is", label="tavallinen verbi", priority=170, pass_="sentence", find=each_sentence,
    build=_build_arranged_is,
    examples=(
        Example("Kurssilla toteutetaan oma taiteellinen työsuunnitelma."),
        Example("Työpajamuotoinen opintojakso järjestetään yhdessä Teatterikorkeakoulun Näyttelijäntaiteen "
                "koulutusohjelman kanssa."),
        Example("Kurssi toteutetaan toisen vuosikurssin Produktion yhteydessä."),
        Example("Kurssi toteutetaan verkossa.",
                "Kurssi on verkossa."),
    )))

