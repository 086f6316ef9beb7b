"""One person for the learner: when the learner of a course text becomes 'sinä', nothing may keep speaking of them in
the 3rd person.

- leaves_third_person: would a 3rd person verb of the learner stay ('tunnistat X ja tietää Y')?
- the learner's 'hän': pronoun_antecedents finds whom each 'hän' form points to (within its paragraph);
  with_pronoun_chain stretches a learner sentence's edit over the later sentences whose 'hän' points to that learner,
  each converted ('Hän ymmärtää' -> 'Ymmärrät', 'Hänellä on' -> 'Sinulla on', suffixes follow), or gives no edit;
  dangling_pronouns finds, in a final set of edits, a re-addressed learner whose 'hän' stayed outside the edit
  (the rewriter drops such an edit: 'Kurssin jälkeen olet tietoinen X. Hän ymmärtää Y.' was seen in the browser).
"""
from __future__ import annotations

import re

from ...text import inflect
from ...text.analysis import Sentence, Token
from ...text.inflect import pykko_forms, pykko_lemmas
from ..edits import Edit
from .base import (Context, bare_reflexive, cap, in_heading, is_comitative, is_human, is_learner, is_third_singular,
                   own_words_between, rendered_lemma, sentence_index, third_person_possessive,
                   to_second_person_possessive, word_list)


def in_relative_clause(toks, w) -> bool:
    """A word inside a relative clause: its possessive belongs to the clause's own subject ('tutkielman, joka on
    laajuudeltaan 15 sivua' stays 'laajuudeltaan'; rewrite review 5 saw 'laajuudeltasi')."""
    seen = set()
    while w.i not in seen and w.head != w.i:
        if w.dep == "acl:relcl":
            return True
        seen.add(w.i)
        w = toks[w.head]
    return w.dep == "acl:relcl"


def leaves_third_person(ctx: Context, ws: list[Token], after: Token, override: dict[int, str]) -> bool:
    """Would a finite 3rd person verb of the learner stay after the rewrite ('tunnistat X ja tietää Y')? Verbs in a
    clause of their own ('joka', 'että', 'miten' ...) belong to someone else and may stay."""
    subordinate = False
    for w in ws:
        if w.i <= after.i or w.i in override:
            continue
        if w.morph.get("PronType") in ("Rel", "Int") or w.dep == "mark":
            subordinate = True
            continue
        finite = w.pos in ("VERB", "AUX") and w.morph.get("VerbForm") == "Fin" and is_third_singular(w)
        # a verb joined to the learner's verb that the parser read as an infinitive may be finite: 'ymmärrät X
        # sekä tunnistaa Y' (review 7 sample); 'osaat X ja tunnistaa Y' is fine ('osaat' governs it) but unsure
        # (also after a clause of its own: 'tiedät, mitä X ovat, ja ymmärtää Y' is joined to 'tiedät', review 8)
        if w.pos == "VERB" and w.dep == "conj" and w.head in (after.i, *override) \
                and w.morph.get("VerbForm") == "Inf" and "+pres+3sg" in pykko_forms(w.text.lower()) \
                and not any(t.head == w.head and t.dep == "xcomp" for t in ws):
            return True
        # joined to the infinitive after 'osaa': 'osaat ratkaista X sekä tietää Y' reads 'tietää' as the learner's
        # 3rd person verb or as an ability the text may not claim (review 8): unsure either way
        if not subordinate and w.pos == "VERB" and w.dep == "conj" \
                and _under_learner_infinitive(ws, w, after, override) and "+pres+3sg" in pykko_forms(w.text.lower()) \
                and own_words_between(ctx.analysis.tokens, w, {x.i for x in ws}):
            return True
        if not subordinate and (finite or w.text.lower() == "osaa"):
            return True  # (run-on lists: the parser may read 'osaa' as 'osa', review 2)
        # after a clause of its own, a verb with no subject, no 'joka'/'että' of its own and not passive is the
        # learner's again: '..., joka järjestetään työpaikalla ja perehtyy opiskeluun' (review 7 sample)
        if subordinate and finite and w.morph.get("Voice") != "Pass" and w.dep not in ("cop", "aux") and not any(
                t.head == w.i and (t.dep.startswith(("nsubj", "csubj")) or t.dep == "mark"
                                   or t.morph.get("PronType") in ("Rel", "Int")) for t in ws) \
                and not any(t.i < w.i and t.head == w.i for t in ws if t.morph.get("PronType") in ("Rel", "Int")):
            return True
    return False


def _under_learner_infinitive(ws: list[Token], w: Token, after: Token, override: dict[int, str]) -> bool:
    """Is the word's head an infinitive governed by the learner's verb ('osaa ratkaista')?"""
    return any(t.i == w.head and t.dep == "xcomp" and t.head in (after.i, *override) for t in ws)


_NECESSIVE = {"tulla", "pitää", "täytyä", "kannattaa"}  # 'Hänen tulee osata X' -> 'Sinun tulee osata X'
_ANTECEDENT_SENTENCES = 4  # how many sentences back a sentence-initial 'Hän' looks for the one it points to


def is_han(w: Token) -> bool:
    """A singular form of 'hän' ('Hän', 'hänellä', 'hänen', 'häntä', 'häneen' ...), not 'he'."""
    low = w.text.lower()
    return w.pos == "PRON" and (low == "hän" or low.startswith("häne") or low in ("häntä", "hänet"))


def _subject_like(toks: list[Token], w: Token) -> bool:
    """Does the person stand as the subject: 'opiskelija osaa', 'Hän on tietoinen', 'Hänellä on X' ('on' of
    possession), 'Hänen tulee osata'?"""
    if w.dep.startswith("nsubj"):
        return True
    case = w.morph.get("Case")
    if case == "Ade" and any(t.head == w.i and t.dep == "cop:own" for t in toks[w.i + 1:w.i + 3]):
        return True
    nxt = toks[w.i + 1] if w.i + 1 < len(toks) else None
    return case == "Gen" and is_han(w) and nxt is not None and nxt.lemma.lower() in _NECESSIVE


def _person(w: Token) -> bool:
    """A singular mention of a person that 'hän' may point to."""
    return w.morph.get("Number") != "Plur" and not w.text.isupper() and w.pos in ("NOUN", "PROPN", "PRON") \
        and (is_learner(w) or is_human(w))


def paragraph_start(text: str, pos: int) -> int:
    """Where the paragraph that holds ``pos`` begins: lines hard-wrapped inside a paragraph ('... toimia eri
    ammateissa,\ntyöelämässä ... Hän hankkii ...', ePerusteet) are one paragraph; a blank line, a list item, a
    heading ('Sisältö: ...') or the line after a lead-in ending in ':' begins a new one."""
    start = text.rfind("\n", 0, pos) + 1
    while start > 0:
        line = text[start:text.find("\n", start) if "\n" in text[start:] else len(text)].strip()
        before = text[text.rfind("\n", 0, start - 1) + 1:start - 1].strip()
        if not line or not before or line[:1] in "-•*–" or before.endswith(":") or in_heading(text, start):
            return start
        start = text.rfind("\n", 0, start - 1) + 1
    return start


def pronoun_antecedents(text: str, analysis) -> dict[int, int | None]:
    """Token index of each 'hän' form -> the index of the person it points to (through other 'hän' forms), or None.
    Within its paragraph only (paragraph_start). A 'hän' that opens its sentence points to the
    latest person who was a subject ('Opiskelija osaa X. Hän ymmärtää Y.'; not 'tekijän' in 'tekijän
    näkökulmasta. Hänellä on ...'); one inside a sentence to the latest person of that sentence in any role
    ('ohjata potilasta niin, että hän saa ...' is the patient's, 'opiskelija selviytyy tilanteista, joita hän
    kohtaa' the learner's), else as an opening one."""
    toks = analysis.tokens
    sents = analysis.sentences
    out: dict[int, int | None] = {}
    for n, sent in enumerate(sents):
        for i in sent.tokens:
            w = toks[i]
            if not is_han(w):
                continue
            line_start = paragraph_start(text, w.start)
            words = [toks[j] for j in sent.tokens if toks[j].is_word]
            opening = bool(words) and words[0].i == w.i
            found: int | None = None
            seen = False
            if not opening:
                for j in reversed([j for j in sent.tokens if j < i]):
                    if toks[j].start < line_start:
                        break
                    if _person(toks[j]):
                        found, seen = (out.get(j) if is_han(toks[j]) else j), True
                        break
            if not seen:
                for m in range(n - 1, max(-1, n - 1 - _ANTECEDENT_SENTENCES), -1):
                    hit = next((j for j in reversed(sents[m].tokens) if toks[j].start >= line_start
                                and _person(toks[j]) and _subject_like(toks, toks[j])), None)
                    if hit is not None:
                        found = out.get(hit) if is_han(toks[hit]) else hit
                        break
                    if sents[m].start < line_start:
                        break
            out[i] = found
    return out


def _antecedents(ctx: Context) -> dict[int, int | None]:
    if getattr(ctx, "_pronoun_antecedents", None) is None:  # one resolution per parse, read by every sentence
        ctx._pronoun_antecedents = pronoun_antecedents(ctx.text, ctx.analysis)
    return ctx._pronoun_antecedents


def learner_han(ctx: Context, w: Token, learner: Token) -> bool:
    return is_han(w) and _antecedents(ctx).get(w.i) == learner.i


def _sinä(w: Token) -> str | None:
    """'hänellä' -> 'sinulla', 'Hänen' -> 'Sinun' (the same case of 'sinä'); None for a clitic ('hänkin')."""
    form = next((f for f in pykko_forms(w.text.lower()) if f.startswith("+sg+") and f.count("+") == 2), None)
    new = inflect("sinä", form) if form else None
    return (cap(new) if w.text[:1].isupper() else new) if new else None


def _finite_of(ws: list[Token], head: Token) -> Token | None:
    """The word that carries the person of a clause: its verb, or its 'olla'/'voida' ('Hän on tietoinen', 'Hän on
    perehtynyt')."""
    for w in [head] + [t for t in ws if t.head == head.i and t.dep in ("aux", "cop")]:
        m = w.morph
        if w.pos in ("VERB", "AUX") and m.get("VerbForm") == "Fin" and is_third_singular(w) \
                and m.get("Mood") == "Ind" and m.get("Tense") == "Pres" and m.get("Voice") != "Pass":
            return w
    return None


def pronoun_override(ctx: Context, sent: Sentence, hans: list[Token]) -> dict[int, str] | None:
    """The token changes that turn the learner's 'hän' forms of a sentence into 'sinä': 'Hän ymmärtää ja osaa X'
    -> 'Ymmärrät ja osaat X', 'Hänellä on valmiuksia kehittää osaamistaan' -> 'Sinulla on valmiuksia kehittää
    osaamistasi'; None when one of them cannot be converted safely (a negation, a past tense, a suffix whose owner
    is unclear, a 3rd person verb of the learner that would stay). {} when there is nothing to convert."""
    if not hans:
        return {}
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in sent.tokens]
    if bare_reflexive(ws):
        return None  # 'kertomaan itsestä' would need 'itsestäsi' (see bare_reflexive)
    override: dict[int, str] = {}
    subjects = []
    for h in hans:
        if h.text.lower() != "hän":
            new = _sinä(h)
            if not new:
                return None
            override[h.i] = new
            # 'hänen työskentelyään', 'hänen kanssaan': the suffix goes with 'sinun' even in a relative clause
            # ('joka tukee sinun työskentelyään' was seen on the test texts)
            owned = [toks[h.head]] + [t for t in ws if t.head == h.i and t.pos == "ADP"]
            for t in owned:
                if t.i != h.i and t.i in sent.tokens and third_person_possessive(t):
                    second = to_second_person_possessive(ctx, t)
                    if not second:
                        return None
                    override[t.i] = second
            continue
        head = toks[h.head]
        finite = _finite_of(ws, head) if h.dep.startswith("nsubj") and head.i in sent.tokens else None
        if finite is None or any(t.head == head.i and (t.lemma.lower() == "ei" or t.morph.get("Polarity") == "Neg")
                                 for t in ws):
            return None  # ('Hän ei osaa' would need 'et osaa'; 'Hän oppi' a past 2nd person)
        verbs = [finite] + [w for w in ws if w.dep == "conj" and w.head == head.i and w.pos in ("VERB", "AUX")
                            and not any(t.head == w.i and t.dep.startswith("nsubj") for t in ws)
                            and (w.morph.get("VerbForm") == "Fin" or "Person" not in w.morph
                                 and "+pres+3sg" in pykko_forms(w.text.lower()))]
        for v in verbs:
            if v.morph.get("VerbForm") == "Fin" and not is_third_singular(v):
                return None
            form = inflect(rendered_lemma(ctx, v)[1], "+pres+2sg")
            if not form:
                return None
            override[v.i] = cap(form) if v.text[:1].isupper() else form
        override[h.i] = "\x01"  # dropped with its space: 'Hän ymmärtää' -> 'Ymmärrät'
        words = [t for t in ws if t.is_word]
        if words and words[0].i == h.i:
            nxt = toks[h.i + 1]
            override[nxt.i] = cap(override.get(nxt.i, rendered_lemma(ctx, nxt)[0]))
        subjects.append((h, finite))
    for w in ws:
        if is_comitative(w) or w.i in override:
            continue  # (a comitative's suffix is its head noun's: review 8)
        fixed = w.text.lower() in word_list("fixed_possessive")
        if third_person_possessive(w) and w.morph.get("Person[psor]") != "3" and not in_relative_clause(toks, w) \
                and not fixed:
            return None  # a suffix the parser missed: whose it is was not checked
        if w.morph.get("Person[psor]") == "3" and not in_relative_clause(toks, w) and not fixed:
            new = to_second_person_possessive(ctx, w)
            if not new:
                return None
            override[w.i] = new
    if any(leaves_third_person(ctx, ws, finite, override) for _, finite in subjects):
        return None  # 'Ymmärrät X ja tietää Y'
    return override


def with_pronoun_chain(ctx: Context, sent: Sentence, learner: Token, edit: Edit) -> Edit | None:
    """The learner sentence's edit, stretched over the later sentences of its paragraph whose 'hän' points to this
    learner, each converted to 'sinä' (one edit: the guard and the teacher keep or drop them together, so 'hän'
    never loses the one it points to); None when one of them cannot be converted; the edit itself when there is no
    such 'hän'."""
    toks = ctx.analysis.tokens
    ants = _antecedents(ctx)
    later = sorted(i for i, a in ants.items() if a == learner.i and toks[i].start >= sent.end)
    if not later:
        return edit
    last = max(n for n, s in enumerate(ctx.analysis.sentences) if later[-1] in s.tokens)
    first = sentence_index(ctx, sent) + 1
    parts, used, pos = [edit.replacement], list(edit.absorbs), sent.end
    for s in ctx.analysis.sentences[first:last + 1]:
        override = pronoun_override(ctx, s, [toks[i] for i in later if i in s.tokens])
        if override is None:
            return None
        new, u = ctx.render(s.start, s.end, override)
        parts += [ctx.text[pos:s.start], re.sub(r"\x01\s*", "", new)]
        used += u
        pos = s.end
    end = ctx.analysis.sentences[last].end
    return Edit(edit.start, end, ctx.text[edit.start:end], "".join(parts), edit.rule,
                edit.reason + " Myös seuraavat virkkeet, joissa \"hän\" tarkoittaa opiskelijaa, puhuttelevat lukijaa, "
                "jotta \"hän\" ei jää viittaamaan kehenkään.", absorbs=tuple(dict.fromkeys(used)))


def adds_second_person(e: Edit) -> bool:
    """Does the edit put words in the 2nd person singular into the text ('osaat', 'taitojasi', 'sinulla') that its
    original did not have?"""
    def second(text: str) -> set[str]:
        return {w for w in re.findall(r"[^\W\d_]+", text.lower())
                if "sinä" in pykko_lemmas(w) or any("+2sg" in f or "poss2sg" in f for f in pykko_forms(w))}

    return bool(second(e.replacement) - second(e.original))


def dangling_pronouns(text: str, analysis, edits: list[Edit]) -> list[tuple[Edit, Token]]:
    """(edit, 'hän') pairs of a set of edits on ``text`` where the edit turned a learner into 'sinä' but a 'hän' that
    points to that learner stays outside it ('Kurssin jälkeen olet tietoinen X. Hän ymmärtää Y.'): the rewriter
    drops such an edit, whichever rule made it."""
    toks = analysis.tokens
    out = []
    for h, a in pronoun_antecedents(text, analysis).items():
        if a is None or not is_learner(toks[a]):
            continue
        e = next((e for e in edits if e.start <= toks[a].start and toks[a].end <= e.end), None)
        if e is not None and not (e.start <= toks[h].start and toks[h].end <= e.end) and adds_second_person(e):
            out.append((e, toks[h]))
    return out


# --- one person per block ----------------------------------------------------------------------------------------
# Rewrite review 14: 4 of 10 re-addressed texts mixed 'sinä' with the learner in the 3rd person in one paragraph
# ('Opiskelija osaa X. Ymmärrät Y.'), because some learner sentences were converted and others refused.

# A list converted as one edit ('Opiskelija osaa' + bullets -> 'Osaat' + bullets): counted apart ('list') when it mixes.
LIST_RULES = frozenset({"outcome_list", "learner_bullets", "learner_lead_in", "aim_list"})
_BULLET = "-•*–"


def person_blocks(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` in which the learner must keep one person: a blank line or a heading line
    ('Osaamistavoitteet: ...', 'Sisältö: ...', 'TAVOITTEET') begins a new block; lines hard-wrapped inside a
    paragraph and the items of a list stay in their block."""
    blocks, start, pos = [], 0, 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if not body:
            blocks.append((start, pos))
            start = pos + len(line)
        elif pos > start and body[:1] not in _BULLET and in_heading(text, pos + line.index(body[0])):
            blocks.append((start, pos))
            start = pos
        pos += len(line)
    blocks.append((start, pos))
    return [(a, b) for a, b in blocks if text[a:b].strip()]


def is_list_edit(e: Edit) -> bool:
    """A list converted as one edit (it stays in the block of its heading: rewrite review 15, p020)."""
    return bool(set(e.rule.split("+")) & LIST_RULES) or "\n" in e.replacement.strip()


def _learner_noun(toks: list[Token], w: Token) -> bool:
    """'opiskelija', 'osallistuja', 'tutkinnon suorittaja'."""
    if is_learner(w):
        return True
    return w.lemma.lower() == "suorittaja" and any(t.head == w.i and t.lemma.lower() == "tutkinto" for t in toks)


def _third_person_verb(v: Token, plural: bool) -> bool:
    m = v.morph
    if v.pos not in ("VERB", "AUX") or m.get("VerbForm") != "Fin" or m.get("Voice") == "Pass":
        return False
    if plural:
        return m.get("Person") == "3" and m.get("Number") == "Plur"
    return m.get("Person") == "3" and m.get("Number") == "Sing" or "Person" not in m and bool(
        {"+pres+3sg", "+past+3sg", "+cond+3sg"} & set(pykko_forms(v.text.lower())))


def learner_in_third_person(text: str, analysis, plural: bool = False) -> list[Token]:
    """The words that make the learner the 3rd person subject of a finite clause: 'Opiskelija osaa X', 'ennen kuin
    opiskelija jättää', 'Hän ymmärtää Y', 'Hänellä on X', 'Opiskelijan tulee osata X' ('hän' that points to a
    learner, or to nobody in its paragraph: a course text's 'hän' is its learner). Not a learner in another role
    ('syventää opiskelijan näkökulmia'). ``plural``: 'Opiskelijat suorittavat X' instead."""
    toks = analysis.tokens
    ants = pronoun_antecedents(text, analysis) if not plural else {}
    out = []
    for w in toks:
        if plural:
            if not (_learner_noun(toks, w) and w.morph.get("Number") == "Plur"):
                continue
        elif is_han(w):
            a = ants.get(w.i)
            if a is not None and not _learner_noun(toks, toks[a]):
                continue
        elif not _learner_noun(toks, w) or w.morph.get("Number") == "Plur":
            continue
        case = w.morph.get("Case")
        if w.dep.startswith("nsubj") and w.dep != "nsubj:pass":
            head = toks[w.head]
            verbs = [head] + [t for t in toks[max(0, head.i - 6):head.i + 6] if t.head == head.i
                              and t.dep in ("aux", "cop", "cop:own")]
            if any(_third_person_verb(v, plural) for v in verbs):
                out.append(w)
        elif case == "Ade" and any(t.head == w.i and t.dep == "cop:own" and _third_person_verb(t, False)
                                   for t in toks[w.i + 1:w.i + 3]):
            out.append(w)  # 'Opiskelijalla on valmiudet'
        elif case == "Gen" and w.i + 1 < len(toks) and toks[w.i + 1].lemma.lower() in _NECESSIVE \
                and _third_person_verb(toks[w.i + 1], False):
            out.append(w)  # 'Opiskelijan tulee osata'
    return out


def final_spans(edits: list[Edit]) -> list[tuple[int, int, Edit]]:
    """(start, end, edit): where each edit's replacement stands in the text after all edits."""
    out, delta = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        out.append((e.start + delta, e.start + delta + len(e.replacement), e))
        delta += len(e.replacement) - (e.end - e.start)
    return out


# The kinds of a 3rd person learner beside 'sinä' that both reviewers of rewrite review 15 failed:
# 'subject' ('Opiskelija osaa X', the learner's 'hän'), 'plural' ('Opiskelijat suorittavat X', 'Opiskelijoita
# ohjataan'), 'other_case' ('rohkaista opiskelijaa', 'syventää opiskelijan näkökulmia', 'tukee hänen työtään'),
# 'passive' (a learner activity left in the passive: 'Kurssilla opitaan X. Opettelet Y. Harjoitellaan Z.').
MIX_KINDS = ("subject", "plural", "other_case", "passive", "we")


def mixed_person_blocks(text: str, edits: list[Edit], analysis_of, kinds=MIX_KINDS) -> list[dict]:
    """The blocks (person_blocks of the final text) in which an edit addresses the learner as 'sinä' while the
    learner stays in the 3rd person (third_person_mentions, ``kinds`` of them): each as {'start', 'end' (in the
    final text), 'block', 'edits' (the 'sinä' edits), 'third' (the 3rd person words), 'kinds' (their kinds, plus
    'list' when a 'sinä' edit of the block is a list converted as one edit)}. A converted list belongs to the block
    of its heading (rewrite review 15, p020: '- irrotat ...' then 'Opiskelija hyödyntää ...: / Opiskelija /
    - työskentelee'). ``analysis_of(final text)`` gives its parse."""
    from ..edits import apply_edits

    addressing = [(s, t, e) for s, t, e in final_spans(edits) if adds_second_person(e)]
    if not addressing:
        return []
    final = apply_edits(text, edits)
    mentions = third_person_mentions(final, analysis_of(final), kinds)
    out = []
    for bs, be in person_blocks(final):
        mine = [e for s, t, e in addressing if s < be and bs < t]
        words = [(w, k) for w, k in mentions if bs <= w.start < be]
        if mine and words:
            found = list(dict.fromkeys(k for _, k in words))
            if any(is_list_edit(e) for e in mine):
                found.append("list")
            out.append({"start": bs, "end": be, "block": final[bs:be], "edits": mine,
                        "third": [w for w, _ in words], "kinds": found})
    return out


def _title_or_heading(text: str, w: Token) -> bool:
    """A heading ('Opiskelijan ohjaus: ...') or the title line that opens a course text names no one."""
    if in_heading(text, w.start):
        return True
    line_end = text.find("\n", w.start)
    return "\n" not in text[:w.start] and line_end > 0 and not text[:line_end].rstrip().endswith(
        (".", "!", "?", ";", ":", ","))


def third_person_mentions(text: str, analysis, kinds=MIX_KINDS) -> list[tuple[Token, str]]:
    """(word, kind) for every place ``text`` keeps the learner in the 3rd person: the subject of a finite clause
    (learner_in_third_person, singular and plural), a learner word in any other role ('opiskelijaa',
    'opiskelijan', 'opiskelijalle'; plural too: 5 of the 7 texts read on dev+test meant the readers ('Opiskelijoita
    ohjataan', 'antaa opiskelijoille'), not when a word says which students: 'vuosikurssin opiskelijoiden kanssa',
    'tämän päivän opiskelijoihin'), the learner's 'hän' in any case, and a passive whose doer is the learner
    (poiju_nlp.scoring.passives.missing_doer_passives: not the teacher's or organiser's own action, not a question or
    a relative clause, not done to the learner or the course). Not in a heading or the title line."""
    toks = analysis.tokens
    out: list[tuple[Token, str]] = []
    seen: set[int] = set()
    for kind, plural in (("subject", False), ("plural", True)):
        for w in learner_in_third_person(text, analysis, plural):
            if w.i not in seen and not _title_or_heading(text, w):
                seen.add(w.i)
                if kind in kinds:
                    out.append((w, kind))
    if "other_case" in kinds or "plural" in kinds:
        ants = pronoun_antecedents(text, analysis)
        for w in toks:
            if w.i in seen or _title_or_heading(text, w):
                continue
            if is_han(w):
                a = ants.get(w.i)
                if a is None or _learner_noun(toks, toks[a]):
                    out.append((w, "other_case"))
            elif _learner_noun(toks, w):
                if w.morph.get("Number") == "Plur":
                    # 'vuosikurssin opiskelijoiden kanssa', 'muiden opiskelijoiden': other students
                    if any(d.head == w.i and d.dep in ("nmod", "nmod:poss", "amod", "det") for d in toks):
                        continue
                    out.append((w, "plural"))
                else:
                    out.append((w, "other_case"))
        out = [(w, k) for w, k in out if k in kinds]
    if "passive" in kinds:
        from ...scoring.passives import missing_doer_passives

        out += [(t, "passive") for t in missing_doer_passives(analysis, toks) if not _title_or_heading(text, t)]
    if "we" in kinds:
        # the course told in 'me' ('Kurssilla tutustut ... Tarkastelemme ... Tutkimme ...'): both reviewers of
        # persons sample 2 failed 'sinä' beside it
        out += [(t, "we") for t in toks if t.pos in ("VERB", "AUX") and t.morph.get("VerbForm") == "Fin"
                and t.morph.get("Person") == "1" and t.morph.get("Number") == "Plur" and not _title_or_heading(text, t)]
    return sorted(out, key=lambda x: x[0].i)
