"""Requirement lists whose items are the learner's own sentences: they speak to the reader.

National requirement texts (ePerusteet) write a skill as a lead-in line, a bare 'Opiskelija' line and bullets that
each open with the learner's verb:

    Opiskelija valmistautuu polttomoottorin korjaustyöhön:
    Opiskelija
    - noudattaa työaikoja
    - huomioi ... vaikutukset työssään

- learner_bullets: 'Opiskelija' + '- noudattaa työaikoja' + '- huomioi X työssään' -> '- noudatat työaikoja' +
  '- huomioit X työssäsi' (the bare line goes; one edit for the whole block, so it is taken or left as one);
- learner_lead_in: the lead-in line above such a block ('Opiskelija valmistautuu X:' -> 'Valmistaudut X:') together
  with the block in one edit. learner_subject leaves a lead-in alone on purpose (position.is_lead_in: turning it
  alone to 'sinä' mixed the persons with its items, review 3); here the items change with it or nothing changes.

Unlike outcome_list ('Opiskelija osaa' + infinitives), the items are finite verbs, so each becomes the 2nd person
itself and no ability is added that the text does not claim (review 8). Every item must qualify or the block stays:
a passive, a noun phrase, another subject, a negation, 'hän', a possessive whose owner is unclear, or a verb form
pypykko cannot generate back or Voikko does not know.
"""
from __future__ import annotations

from ...text import inflect
from ...text.analysis import Sentence, Token
from ...text.inflect import pykko_forms, pykko_lemmas
from ...text.resources import get_pykko, voikko_spell
from ..edits import Edit
from .position import is_lead_in
from .base import (ADDRESS_ALLOWANCE, WHY_ADDRESS_ALLOWANCE, Context, Example, Rule, all_or_nothing, bare_reflexive,
                   cap, each_sentence, is_learner, register, sentence_index)
from .outcomes import _lead, _possessives, owned_by_you

_PRESENT_3SG = "+pres+3sg"


def _render(ctx: Context, start: int, end: int, override: dict[int, str]) -> str:
    """The original text of [start, end) with the words in ``override`` re-written and nothing else: the token
    rules' edits (a plainer word, a gloss) stay edits of their own, judged on their own, so that the meaning
    allowance of these rules never covers a replaced word."""
    toks = ctx.analysis.tokens
    out, pos = [], start
    for i in sorted(override, key=lambda i: toks[i].start):
        t = toks[i]
        if start <= t.start and t.end <= end:
            out += [ctx.text[pos:t.start], override[i]]
            pos = t.end
    return "".join(out) + ctx.text[pos:end]


def _reads_3sg(w: Token) -> bool:
    """Can the word be a present 3rd person singular verb ('suojaa': also 'suoja' in the partitive)?"""
    return w.is_word and _PRESENT_3SG in pykko_forms(w.text.lower())


def _ambiguous(w: Token) -> bool:
    """Is the 3rd person form also the infinitive ('tietää', 'ottaa')? Then only its place tells which it is."""
    return w.text.lower() in pykko_lemmas(w.text.lower())


def _second_person(ctx: Context, w: Token) -> str | None:
    """'noudattaa' -> 'noudatat': a verb whose lemma generates the word back as its 3rd person (pypykko, the
    generator's lemma, not the parser's, decides) and whose 2nd person Voikko knows."""
    text = w.text.lower()  # (the original word: see _render)
    verbs = {a.lemma.replace("|", "").lower() for a in get_pykko().utils.analyze(text)
             if a.morphtags == _PRESENT_3SG and getattr(a, "pos", "verb") == "verb" and a.lemma}
    forms = {inflect(x, "+pres+2sg") for x in verbs if inflect(x, _PRESENT_3SG) == text}
    forms.discard(None)
    if len(forms) != 1 or text in ("ei", "on"):
        return None  # (two verbs behind one form: which one the text means is unsure; 'on' stays with its subject)
    new = forms.pop()
    return new if voikko_spell(new) else None


_COORDINATORS = ("ja", "sekä", "tai", ",")
_SUBORDINATORS = ("että", "jotta", "kun", "jos", "koska", "kuin", "miten", "kuinka")


def _learner_verbs(ctx: Context, words: list[Token], within: set[int]) -> dict[int, str] | None:
    """Token index -> 2nd person form for the learner's verbs of an item whose first word is the learner's verb
    ('tutustuu X sekä noudattaa niitä': 'tutustut', 'noudatat'; 'osaa lajitella X ja tuntee Y': 'osaat',
    'tunnet'). Read from left to right, because the parser often hangs an item's second verb on another item or
    reads it as an infinitive: every word that can be a present 3rd person verb must be either
    - the learner's too: joined to the opener by 'ja', 'sekä', 'tai' or a comma in the main clause;
    - an infinitive a learner verb governs ('osaa käyttää ja soveltaa tietoa');
    - a verb in a clause of its own with a subject of its own ('..., että asiakas on tyytyväinen'), or no verb;
    otherwise the item is unsure and None is returned: 'osaa ratkaista X sekä tietää Y' (an infinitive or the
    learner's verb? review 8), '..., joiden avulla tekee X' (the learner's, without a subject)."""
    toks = ctx.analysis.tokens
    learner = {words[0].i}
    infinitive_at = None  # the last infinitive a learner verb governs ('osaa lajitella')
    clause, clause_opens = False, -1  # a clause of its own has begun ('..., että', '..., joka'), at this word
    for n, w in enumerate(words[1:], 1):
        k = n - 1
        while k > 0 and words[k].pos == "ADV" and words[k].text.lower() not in _COORDINATORS:
            k -= 1  # ('suunnittelee ja mahdollisesti tekee')
        prev = words[k]
        comma = any(toks[i].text == "," for i in within if prev.i < i < w.i)
        joined = prev.text.lower() in _COORDINATORS or comma
        if w.morph.get("PronType") in ("Rel", "Int") or w.dep == "mark" or w.text.lower() in _SUBORDINATORS:
            clause, clause_opens = True, w.i
            continue
        if not clause and (w.head in learner or w.head == infinitive_at) and w.i != w.head and (
                w.dep == "xcomp" or w.morph.get("VerbForm") == "Inf" and not joined):
            infinitive_at = w.i  # ('osaa lajitella', also read as advcl; 'tekee X yleismittaria hyödyntäen')
            continue
        if not _reads_3sg(w):
            continue
        verb = w.pos in ("VERB", "AUX")
        if clause:
            # right after 'että' a word that can be a verb is read as one, whatever the parser says ('varmistuu
            # että omaa työssä vaadittavat luvat': 'omaa' is 'omata', not 'oma'; review bullets 2)
            verb = verb or prev.i == clause_opens
            owner = w.head if w.dep in ("cop", "aux") else w.i  # ('että asiakas on tyytyväinen': the head's)
            finite = w.morph.get("VerbForm") == "Fin" or not _ambiguous(w)  # ('tietää, miten välttää X': no)
            if verb and finite and not any(toks[i].head == owner and toks[i].dep.startswith(("nsubj", "csubj"))
                                           for i in within):
                return None  # '..., joiden avulla tekee oman elämänsä päätöksiä': the learner's, no subject
            continue
        if infinitive_at is not None and _ambiguous(w):
            if joined and prev.i != infinitive_at and not (k >= 1 and words[k - 1].i == infinitive_at):
                return None  # 'osaa toimia hätätilanteessa ja antaa ensiapua': infinitive or the learner's?
            if not joined:
                return None
            infinitive_at = w.i  # 'osaa käyttää ja soveltaa tietoa': two infinitives sharing one object
            continue
        if not verb:
            if not joined:
                continue  # a noun ('käyttää suojaa')
            if any(toks[i].head == w.i and toks[i].dep in ("obj", "xcomp") and i > w.i for i in within) \
                    and not _ambiguous(w):
                learner.add(w.i)  # 'korjaa X sekä mittaa pyörien asentokulmat', 'mittaa' read as a noun
                continue
            return None  # 'tekee X ja suojaa Y': a noun or the learner's verb?
        if not joined:
            return None  # a 3rd person verb whose link to the learner is unclear
        learner.add(w.i)  # 'tutustuu X sekä noudattaa niitä', 'tarkastaa, tunnistaa ja vaihtaa'
    out = {}
    for i in sorted(learner):
        new = _second_person(ctx, toks[i])
        if new is None:
            return None
        out[i] = new
    return out


def _reciprocal(w: Token) -> bool:
    """'toisiinsa', 'toisiaan': the things of the sentence to each other, never the learner's ('suureet toisiinsa'
    is no 'toisiisi': review bullets 1)."""
    return w.is_word and w.text.lower().startswith("tois") and "toinen" in pykko_lemmas(w.text.lower()) \
        and any("+poss3" in f for f in pykko_forms(w.text.lower()))


def _item(ctx: Context, bullet: Sentence) -> dict[int, str] | None:
    """Token index -> 2nd person text for one bullet item ('- huomioi X työssään' -> 'huomioit', 'työssäsi'), or
    None when the item is unsure: it must open with a verb that reads as the learner's present 3rd person."""
    toks = ctx.analysis.tokens
    within = set(bullet.tokens)
    words = [toks[i] for i in bullet.tokens if toks[i].is_word]
    if not words or not _reads_3sg(words[0]) or words[0].pos == "PROPN" or words[0].text[:1].isupper() \
            and not words[0].text[1:].islower():
        return None  # a noun phrase ('- työaikojen noudattaminen'), a passive, a name
    # (the parser reads some openers as nouns after a dash: '- suojaa ajoneuvon' ('suoja'); the bare 'Opiskelija'
    # above the list makes the first word its verb)
    if any(w.text.lower() in ("ei", "eikä", "en", "et") or w.base in ("hän", "he") or _reciprocal(w)
           or is_learner(w) and w.morph.get("Case") in (None, "Nom") for w in words):
        return None  # a negation needs 'et', 'hän' would lose its referent, a learner as a subject is another frame
    verbs = _learner_verbs(ctx, words, within)
    if verbs is None:
        return None
    owned = _possessives(ctx, bullet)
    if owned is None or bare_reflexive(words):
        return None  # ('ohjata asiakasta hoitamaan terveyttään': whose? 'itselle' would need 'itsellesi')
    owned = {i: owned_by_you(toks[i].text) for i in owned}  # of the original word (see _render)
    if not all(owned.values()) or not all(voikko_spell(x) for x in owned.values()) \
            or any(is_learner(w) and w.i < i for w in words for i in owned):
        return None  # ('ohjaa opiskelijaa arvioimaan osaamistaan': the other student's; 'suunnittelee opiskelijan
        # ohjausta' has no suffix and may change)
    return {**verbs, **owned}


_BULLET_MARKS = ("-", "•", "*", "–")


def _items_from(ctx: Context, k: int) -> tuple[list[Sentence], dict[int, str]] | None:
    """The bullet lines from sentence ``k`` on and the 2nd person text of each changed word, when every item
    qualifies and the list ends cleanly (no second sentence after the last item on its line, no wrapped line)."""
    sentences = ctx.analysis.sentences
    bullets = []
    for s in sentences[k:]:
        line_start = ctx.text.rfind("\n", 0, s.start) + 1
        if not s.text.lstrip().startswith(_BULLET_MARKS) or ctx.text[line_start:s.start].strip():
            break
        bullets.append(s)
    if not bullets:
        return None
    line_end = ctx.text.find("\n", bullets[-1].end)
    rest = ctx.text[bullets[-1].end:line_end if line_end >= 0 else len(ctx.text)]
    following = ctx.text[line_end + 1:].lstrip(" \t")[:1] if line_end >= 0 else ""
    if rest.strip() or following.islower():
        return None  # the last item runs on (a second sentence or a wrapped line the list does not show)
    override = all_or_nothing(bullets, lambda b: _item(ctx, b))
    return None if override is None else (bullets, override)


def _bare_learner_line(ctx: Context, sent: Sentence) -> bool:
    """Is the sentence a line of its own that is only the learner ('Opiskelija', 'Opiskelija tai tutkinnon
    suorittaja') above a list?"""
    lead = _lead(ctx, sent)
    if lead is None or lead[1] is not None or ctx.text[sent.start - 1:sent.start] not in ("", "\n"):
        return False
    # Under an item of the list above, the bare line is what separates two lists: without it they run together
    # ('- ylläpitää työkykyään.' above '- tunnet yrittäjyyden periaatteen', review 13).
    above = ctx.text[:sent.start].rstrip().rsplit("\n", 1)[-1].strip()
    return not above.startswith(_BULLET_MARKS)


def _learner_lead_in_line_above(ctx: Context, sent: Sentence) -> bool:
    """Is the line above a learner lead-in ('Opiskelija tekee ajoneuvon huollon:', also '... töitä.:')?"""
    line_start = ctx.text.rfind("\n", 0, sent.start)
    if line_start <= 0:
        return False
    above = ctx.text[ctx.text.rfind("\n", 0, line_start) + 1:line_start].strip()
    return above.startswith("Opiskelija ") and above.endswith(":")


def _unit_above(ctx: Context, start: int) -> int:
    """Where the edit of a block that starts at ``start`` begins: at the line above when that line ends in ':' or
    is a bullet ('Ammattitaitovaatimukset:'), from the start of its unit. Without the bare line the new items join
    that unit (guard.split_sentences reads a list with the line that introduces it), so the meaning check must
    see it as part of this edit; its text stays as it is."""
    from ..guard import sentence_spans

    above = ctx.text[:start].rstrip(" \t")
    if not above.endswith("\n"):
        return start
    line = above[:-1].rsplit("\n", 1)[-1].strip()
    if not (line.endswith(":") or line.startswith(_BULLET_MARKS)):
        return start
    return min((s for s, e in sentence_spans(ctx.text) if s < start <= e + 2), default=start)


def _build_learner_bullets(ctx: Context, sent: Sentence) -> Edit | None:
    if not _bare_learner_line(ctx, sent) or _learner_lead_in_line_above(ctx, sent):
        return None  # (a learner lead-in above is learner_lead_in's: the block changes with it or not at all)
    found = _items_from(ctx, sentence_index(ctx, sent) + 1)
    if found is None:
        return None
    bullets, override = found
    start, end = _unit_above(ctx, sent.start), bullets[-1].end
    new = ctx.text[start:sent.start] + _render(ctx, bullets[0].start, end, override)
    opener = next(ctx.analysis.tokens[i] for i in bullets[0].tokens if ctx.analysis.tokens[i].is_word)
    return Edit(start, end, ctx.text[start:end], new, "learner_bullets",
                f"Puhuttele lukijaa: \"{ctx.text[start:sent.end].strip()} – {opener.text}\" → "
                f"\"{override[opener.i]}\".")


def _lead_in_verb(ctx: Context, lead: Sentence) -> tuple[Token, dict[int, str]] | None:
    """(subject, token index -> 2nd person text) for 'Opiskelija valmistautuu X:' (the learner alone as the
    subject, then the learner's present verb), with the refusals of learner_subject: a negation, a passive, an
    auxiliary, 'hän', a possessive whose owner is unclear, another 3rd person verb of the learner left behind."""
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in lead.tokens if toks[i].is_word]
    if len(ws) < 3 or not is_learner(ws[0]) or ws[0].text != "Opiskelija" or ctx.text[lead.start - 1:lead.start] \
            not in ("", "\n") or not is_lead_in(ctx, lead):
        return None
    subj, verb = ws[0], ws[1]
    if verb.pos not in ("VERB", "AUX") or verb.morph.get("Voice") == "Pass" or verb.morph.get("Polarity") == "Neg" \
            or verb.morph.get("Mood") not in (None, "Ind") or not _reads_3sg(verb):
        return None
    if any(t.head == subj.i and t.i != subj.i for t in ws) or any(t.head == verb.i and t.dep in ("aux", "cop")
                                                                 for t in ws):
        return None  # 'opiskelija, joka ...', 'Opiskelija voi ...'
    item = _item(ctx, Sentence(start=verb.start, end=lead.end, text=ctx.text[verb.start:lead.end],
                               tokens=[i for i in lead.tokens if i >= verb.i]))
    return (subj, item) if item else None


def _build_learner_lead_in(ctx: Context, lead: Sentence) -> Edit | None:
    """'Opiskelija tekee ajoneuvon huollon:' + 'Opiskelija' + '- käyttää X' -> 'Teet ajoneuvon huollon:' +
    '- käytät X'; also a lead-in with its bullets right below it."""
    found = _lead_in_verb(ctx, lead)
    if found is None:
        return None
    subj, override = found
    toks = ctx.analysis.tokens
    sentences = ctx.analysis.sentences
    line_end = ctx.text.find("\n", lead.end)
    if line_end < 0:
        return None
    k = next((n for n, s in enumerate(sentences) if s.start > line_end), None)
    if k is None or ctx.text[line_end:sentences[k].start].strip() or ctx.text.count("\n", line_end,
                                                                                   sentences[k].start) != 1:
        return None
    if _bare_learner_line(ctx, sentences[k]):
        k += 1  # 'Opiskelija' between the lead-in and its list goes
    block = _items_from(ctx, k)
    if block is None:
        return None  # the items would stay 3rd person: the lead-in stays with them (review 3)
    bullets, items = block
    verb = toks[min(override)]
    override = {**override, **items, verb.i: cap(override[verb.i])}
    head = _render(ctx, verb.start, line_end, override)
    tail = _render(ctx, bullets[0].start, bullets[-1].end, override)
    start, end = subj.start, bullets[-1].end
    opener = next(toks[i] for i in bullets[0].tokens if toks[i].is_word)
    return Edit(start, end, ctx.text[start:end], head + "\n" + tail, "learner_lead_in",
                f"Puhuttele lukijaa: \"{subj.text} {verb.text}\" → \"{override[verb.i]}\", \"{opener.text}\" → "
                f"\"{items[opener.i]}\".")


# The meaning check compares units (guard.split_sentences): the bare 'Opiskelija' line is one of its own, and once
# it is gone the items join the line above them into one list unit. Measured on the examples below: 'Opiskelija'
# against the new list 0.79, each item 0.87-0.89, the lead-in 0.89 (threshold 0.90). The edit changes only person
# endings (verbs, possessive suffixes) and renders no token edit, so the allowance covers nothing else.
MEANING_ALLOWANCE = 0.12

_EXAMPLE_LEAD_IN = ("Ammattitaitovaatimukset:\nOpiskelija valmistautuu polttomoottorin korjaustyöhön:\nOpiskelija\n"
                    "- noudattaa työaikoja\n- suojaa ajoneuvon työn ajaksi\n- huomioi ajoneuvovalmistajan "
                    "takuuehdot, moottoriajoneuvojen korjausehdot ja autoalan säädösten vaikutukset "
                    "työssään\n- osaa lajitella syntyneet jätteet ja tuntee ajoneuvoalan uusiokäytön periaatteet")

LEARNER_LEAD_IN = register(Rule(
    plainness_allowance=ADDRESS_ALLOWANCE, why_allowance=WHY_ADDRESS_ALLOWANCE,
    meaning_allowance=MEANING_ALLOWANCE,
    id="learner_lead_in", label="lukijan puhuttelu", priority=103, pass_="sentence", find=each_sentence,
    build=_build_learner_lead_in,
    examples=(
        Example(_EXAMPLE_LEAD_IN,
                "Ammattitaitovaatimukset:\nValmistaudut polttomoottorin korjaustyöhön:\n- noudatat työaikoja\n- "
                "suojaat ajoneuvon työn ajaksi\n- huomioit ajoneuvovalmistajan takuuehdot, moottoriajoneuvojen "
                "korjausehdot ja autoalan säädösten vaikutukset työssäsi\n- osaat lajitella syntyneet jätteet ja "
                "tunnet ajoneuvoalan uusiokäytön periaatteet"),
        # pypykko does not generate 'purkaa' back from its lemma ('puree'): the lead-in stays with its list
        Example("Opiskelija tekee ajoneuvon purkutöitä:\n- purkaa ajoneuvon osat turvallisesti"),
        # 'että omaa' is the learner's 'omata' without a subject: it would stay 3rd person (review bullets 2)
        Example("Opiskelija valmistautuu asennustöihin:\nOpiskelija\n- noudattaa työaikoja\n- toimii osana "
                "työryhmää\n- varmistuu että omaa työssä vaadittavat luvat ja pätevyydet"),
        # an item that is no verb of the learner: the lead-in stays with its list
        Example("Opiskelija tekee huoltopalvelujen myyntiä:\nOpiskelija\n- tekee asiakkaalle tarjouksen huolto- tai "
                "korjaustyöstä\n- asiakkaan tarpeiden kartoitus"),
        Example("Opiskelija tai tutkinnon hoitaa yhtä seuraavista taloushallinnon osa-alueista:\n- kirjaa "
                "kirjanpidossa tavanomaiset liiketapahtumat\n- laskee tavanomaisen maksettavan palkan"),
    )))

LEARNER_BULLETS = register(Rule(
    plainness_allowance=ADDRESS_ALLOWANCE, why_allowance=WHY_ADDRESS_ALLOWANCE,
    meaning_allowance=MEANING_ALLOWANCE,
    id="learner_bullets", label="lukijan puhuttelu", priority=104, pass_="sentence", find=each_sentence,
    build=_build_learner_bullets,
    examples=(
        Example("Ammattitaitovaatimukset:\nOpiskelija\n- noudattaa työaikoja\n- toimii työturvallisesti\n- "
                "tunnistaa ja ottaa työssään huomioon ajoneuvon turvalaitteisiin liittyvät varotoimenpiteet",
                "Ammattitaitovaatimukset:\n- noudatat työaikoja\n- toimit työturvallisesti\n- tunnistat ja otat "
                "työssäsi huomioon ajoneuvon turvalaitteisiin liittyvät varotoimenpiteet"),
        Example("Opiskelija\n- toimii yrittäjänä tai osana yhteistyöverkostoa\n- hoitaa sovittua liiketoiminnan "
                "osa-aluetta\n- ratkaisee asiakaslähtöisesti yrityksen toimintaan liittyviä ongelmatilanteita",
                "- toimit yrittäjänä tai osana yhteistyöverkostoa\n- hoidat sovittua liiketoiminnan osa-aluetta\n- "
                "ratkaiset asiakaslähtöisesti yrityksen toimintaan liittyviä ongelmatilanteita"),
        Example("Opiskelija\n- kuuntelee asiakasta ja selvittää asiakkaan tarpeen\n- varmistaa, että asiakas on "
                "tyytyväinen",
                "- kuuntelet asiakasta ja selvität asiakkaan tarpeen\n- varmistat, että asiakas on tyytyväinen"),
        # a passive item, another subject, a client's possessive: the block stays as it is
        Example("Opiskelija\n- noudattaa työaikoja\n- tarkastellaan ajoneuvon vaurioita"),
        Example("Opiskelija\n- ohjaa asiakasta hoitamaan terveyttään\n- kirjaa tiedot"),
        Example("Opiskelija\n- osaa ratkaista yhtälöitä sekä tietää polynomin tekijöiden yhteyden"),
        # a reciprocal is the goals' own ('näiden kytkeytymisen toisiinsa' is no 'toisiisi': review bullets 1)
        Example("Opiskelija\n- tietää kestävän kehityksen ekologisen, taloudellisen, sosiaalisen ja kulttuurisen "
                "kestävyyden keskeiset tavoitteet ja näiden kytkeytymisen toisiinsa"),
        # the second verb of an item is the learner's too, also where it is the infinitive's form (review bullets 1)
        Example("Työlainsäädäntö:\nOpiskelija\n- tutustuu alan työehtosopimuksen sisältöön ja periaatteisiin sekä "
                "noudattaa niitä\n- noudattaa voimassa olevaa työlainsäädäntöä ja alan työehtosopimusta",
                "Työlainsäädäntö:\n- tutustut alan työehtosopimuksen sisältöön ja periaatteisiin sekä noudatat "
                "niitä\n- noudatat voimassa olevaa työlainsäädäntöä ja alan työehtosopimusta"),
        # 'että pystyy' has no subject of its own: the learner's verb would stay 3rd person under '- tunnet'
        Example("Opiskelija\n- noudattaa työaikoja\n- tuntee myymiensä laitteiden tekniikan siten, että pystyy "
                "neuvomaan asiakasta laitteen turvallisesta käytöstä"),
        # the possessive of 'paikallaan' is the work object's (review 13)
        Example("Ammattitaitovaatimukset:\nOpiskelija\n- noudattaa työaikoja\n- toimii työryhmän jäsenenä\n- "
                "varmistaa työkohteen paikallaan pysymisen",
                "Ammattitaitovaatimukset:\n- noudatat työaikoja\n- toimit työryhmän jäsenenä\n- varmistat "
                "työkohteen paikallaan pysymisen"),
        # under an item of the list above, the bare line separates two lists (review 13)
        Example("- ylläpitää työkykyään.\nOpiskelija tai tutkinnon suorittaja\n- tuntee yrittäjyyden periaatteen "
                "huoltotöissä.\n- suorittaa SFS 6002 pätevyyden"),
    )))
