"""Turn the author's outcome statements into plain 2nd person statements, one measurable ability each.

Each item is parsed into abilities (``parse.py``: one predicate verb with the author's words that belong to it).

Each ability becomes "Osaat <verb> <the author's words>.":

- a measurable verb is kept as the author wrote it; the words after it are the author's, with 3rd person possessive
  suffixes turned into 2nd person ("työssään" -> "työssäsi") and a verb whose subject is the learner likewise
  ("kuinka voi" -> "kuinka voit");
- a vague verb (ymmärtää, tuntea, tietää, hallita, perehtyä, tutustua …) is replaced by a measurable verb of the
  same or a lower Bloom level that fits the object, from ``corpora/verbs/replacements.tsv`` (tuntee X -> osaat
  kuvata X; tutustuu X:ään -> osaat kertoa X:stä); when nothing fits, the ability is not proposed;
- a statement about growth, attitude or course activity ("syventää tuntemustaan", "arvostaa", "osallistuu") is not
  an assessable outcome and is not proposed; the reason is reported.

Every proposal is checked before it is returned: each word is known to Voikko (or is a name, code or number), no
pronoun points outside the statement ("noudattaa niitä"), at most ``OUTCOMES.max_words`` words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..settings import OUTCOMES
from .objects import AUTHOR_RELATIONAL, cut_examples, object_class, object_head, recase_edits, unanchored
from .parse import _CLAUSE_WORDS, Ability, _base, _content, abilities, item_frame, synthetic, token_case, unjoin, \
    verb_base
from ..text.runon import is_a_infinitive, is_ma_illative
from .sections import Item
from .verbs import load_fit, load_verbs
from .wording import LEARNER_WORDS, _dangling_reference, _render, person_edits, unknown_words, words

# Verbs whose object is a person: without one the statement does not say whom.
PERSON_OBJECT_VERBS = {"ohjata", "neuvoa", "opastaa", "tukea", "motivoida", "kohdata", "palvella", "auttaa",
                       "haastatella", "perehdyttää"}
LEFT_IN_3RD_PERSON = re.compile(r"\b(?:osaa|osaavat|pystyy|pystyvät|kykenee|kykenevät|hallitsee|tuntee|ymmärtää|"
                                r"tietää|voi|oppii)\b")
# Verbs that take a 3rd infinitive of another person's action ("ohjata asiakasta hakemaan tukea").
MA_VERBS = {"ohjata", "auttaa", "opastaa", "neuvoa", "kannustaa", "motivoida", "tukea", "rohkaista", "innostaa",
            "opettaa", "valmentaa", "pyytää", "käskeä", "pystyä", "kyetä", "oppia", "joutua", "ryhtyä", "mennä"}
HEDGES = {"mahdollisesti", "ehkä", "kenties"}
# A habit, not a skill ("seuraa aktiivisesti mediaa": blind review 4).
HABIT_ADVERBS = {"aktiivisesti", "jatkuvasti", "säännöllisesti"}
# Working on one's own skills is studying, not an outcome ("harjoittaa ammatillisia taitojaan": blind review 4).
OWN_GROWTH_VERBS = {"kehittää", "harjoittaa", "vahvistaa", "harjaannuttaa"}
# What a learner of a language understands ('ymmärtää sanoja ja fraaseja'): comprehension, not explaining.
UNDERSTOOD_LANGUAGE = {"sana", "fraasi", "ilmaus", "sanonta", "puhe", "lause"}
# A bare genitive that names no particular thing ('tunnistaa järjestelmän komponentit': which system?).
BARE_ANCHORS = {"järjestelmä", "laite", "kone", "ohjelma", "prosessi", "malli", "kohde", "kokonaisuus"}
PART_NOUNS = {"komponentti", "osa", "rakenne", "toiminta", "ominaisuus", "vaihe", "toiminto", "perustoiminto"}
# Verbs that say nothing the learner does ("osaa olla asiakashakuinen").
NOT_ABILITIES = {"olla", "ei", "tulla", "voida", "saattaa", "täytyä", "pitää"}
_ORDINAL = re.compile(r"\b\d{1,2}\.\s(?=[a-zåäö])")  # "2. asteen yhtälö": a number, not a sentence end
_TRIM_TAIL = re.compile(r"\s*(?:\((?:[^()]*)\)|,?\s+(?:esim\.|esimerkiksi|kuten|mm\.|muun muassa)\s.*)$")


@dataclass
class Plain:
    """A plain statement built from an ability, or the reason none was built."""

    text: str
    verb: str
    bloom_level: int
    object: str
    author_verb: str
    changes: list[str] = field(default_factory=list)  # person | verb | split | shortened
    why: str = ""
    ok: bool = True
    reason: str = ""  # why the ability was not proposed (ok False)


def verb_level(verb: str) -> int:
    entry = load_verbs().get(verb)
    return entry.level if entry else 0


def is_vague(verb: str) -> bool:
    return verb in load_fit().replacements


def to_plain(ability: Ability) -> Plain:
    """The plain statement for one ability (``ok`` False with a ``reason`` when it is not proposed)."""

    fit = load_fit()
    item = ability.item
    author = ability.verb
    changes: list[str] = []
    whys: list[str] = []
    if ability.before is None:
        return Plain("", author, 0, "", author, ok=False, reason="sanajärjestystä ei voitu säilyttää")
    entry = load_verbs().get(author)
    if (entry is None or entry.object_case not in ("gen", "par", "nom")) and author not in fit.replacements and any(
            t.dep_ == "nsubj" and t.head.i == ability.verb_index and t.pos_ in ("NOUN", "PROPN")
            and t.morph.get("Case") == ["Nom"] and _base(t) not in LEARNER_WORDS for t in ability.tokens):
        # 'rakentuu perusvalmius suunnitella …': the verb's subject is not the learner
        return Plain("", author, 0, "", author, ok=False, reason="verbin tekijä ei ole opiskelija")
    if ability.scope_lost:
        return Plain("", author, 0, "", author, ok=False,
                     reason=f"rajaus '{ability.scope_lost}' koskee koko tavoitetta, eikä sitä voitu liittää tähän")
    if any(_base(t) in HEDGES for t in ability.before):
        return Plain("", author, 0, "", author, ok=False, reason="tavoite on vain mahdollinen ('mahdollisesti')")
    if author in NOT_ABILITIES or not author.isalpha() or not verb_base(author) == author and ability.kind == "verb":
        return Plain("", author, 0, "", author, ok=False, reason="ei tekoa kuvaavaa verbiä")
    head = object_head(ability)
    if _bare_anchor(head):
        return Plain("", author, 0, "", author, ok=False, reason=f"'{_bare_anchor(head)}' jää ilman tarkennetta (minkä?)")
    if _teachers_aim(ability, head):
        return Plain("", author, 0, "", author, ok=False,
                     reason="Tavoite kertoo, mitä opetus antaa ('Tarjota tietoa …'), ei sitä, mitä opiskelija osaa.")
    cls = object_class(ability, head)
    verb = author
    edits: dict[int, str] = {}
    doc = ability.tokens[0].doc if ability.tokens else None
    if author == "ei" or (doc is not None and any(c.dep_ == "aux" and _base(c) == "ei"
                                                  for c in doc[ability.verb_index].children)):
        return Plain("", author, 0, "", author, ok=False, reason="kielteinen lause")
    if doc is not None and re.search(r"kse(?:en|ni|si|mme|nne)$", doc[ability.verb_index].lower_):
        return Plain("", author, 0, "", author, ok=False, reason="tarkoitusta kertova muoto ('muuttaakseen'), ei taito")
    if head not in (None, "clause") and _base(head) == "peruste" and head.morph.get("Case") != ["Ade"] and any(
            t.morph.get("Case") == ["Ela"] and t.i > head.i and t.head.i in (head.i, ability.verb_index)
            for t in ability.tokens):
        # 'osaa perusteet X:stä' is not standard Finnish ('X:n perusteet'; blind review 4)
        return Plain("", author, 0, "", author, ok=False, reason="'perusteet X:stä' ei ole yleiskieltä")
    if doc is not None and any(c.lower_ in HABIT_ADVERBS for c in doc[ability.verb_index].children):
        return Plain("", author, 0, "", author, ok=False,
                     reason="Tapa tai asenne ('aktiivisesti'), ei taito, jonka voi arvioida.")
    if author in OWN_GROWTH_VERBS and (head not in (None, "clause") and _own(head) or any(
            (t.morph.get("Person[psor]") == ["3"] or any(_base(c) == "oma" for c in t.children))
            and _base(t).endswith(OWN_ABILITY_NOUNS + ("itsetunto",)) for t in ability.tokens)):
        # (review 5: 'vahvistaa vuorovaikutuksessa toimimisen taitojaan' with the parse's head on the setting)
        return Plain("", author, 0, "", author, ok=False,
                     reason="Omien taitojen kehittäminen kertoo opiskelusta, ei taidosta, jonka voi arvioida.")
    if head not in (None, "clause") and unanchored(head, ability.tokens, AUTHOR_RELATIONAL) and not any(
            c.i in {t.i for t in ability.tokens} for c in head.children if c.dep_ not in ("punct", "conj", "cc")):
        return Plain("", author, 0, "", author, ok=False, reason=f"'{head.text}' jää ilman tarkennetta (minkä?)")
    if doc is not None and author not in MA_VERBS and any(
            t.head.i == ability.verb_index and is_ma_illative(t.text) and t.dep_ in ("xcomp", "advcl", "obl")
            for t in ability.tokens):
        return Plain("", author, 0, "", author, ok=False, reason="verbin rakenne ei säily")
    if ability.kind == "noun" and (ability.verb != "osata" or ability.tokens and (
            ability.tokens[0].pos_ in ("VERB", "AUX") or is_a_infinitive(ability.tokens[0].text))):
        return Plain("", author, 0, "", author, ok=False, reason="ei tekoa kuvaavaa verbiä")
    if author == "ymmärtää" and head not in (None, "clause") and any(
            t.pos_ == "NOUN" and _last_of(t) in UNDERSTOOD_LANGUAGE for t in ability.tokens):
        # review 5: 'Ymmärrät tavallisimpia sanoja ja fraaseja' is listening or reading, not explaining
        return Plain("", author, 0, "", author, ok=False,
                     reason="Sanojen ymmärtäminen on kielitaitoa: 'selittää' muuttaisi taidon.")
    key = author
    if key in fit.replacements:
        rule = fit.replacement(key, cls)
    else:
        rule = None
    if rule is not None:
        if not rule.replacement:
            return Plain("", author, 0, "", author, ok=False, reason=rule.why)
        if ability.kind == "noun" and head not in (None, "clause") and (
                token_case(head) not in ("+nom", "+gen", "+par") or _is_action_noun(head)):
            # "osaa käytännössä" has no object; "osaa vastuullisen työskentelyn" is doing, not describing
            return Plain("", author, 0, "", author, ok=False, reason="pelkkä 'osaa X' ei kerro tekoa")
        verb = rule.replacement
        if not fit.fit(verb, cls):
            return Plain("", author, 0, "", author, ok=False,
                         reason=f"'{verb}' ei sovi kohteeseen (luokka {cls})")
        if head is None:
            return Plain("", author, 0, "", author, ok=False, reason="verbillä ei ole kohdetta")
        if rule.case in ("ela", "par", "gen") and head not in (None, "clause"):
            cut = cut_examples(ability.tokens)
            if len(cut) < len(ability.tokens) and head.i in {t.i for t in cut}:
                ability.tokens = cut
                changes.append("shortened")
                whys.append("Esimerkit jätetty pois.")
            edits = recase_edits(head, ability.tokens, "+" + rule.case)
            if edits is None:
                return Plain("", author, 0, "", author, ok=False, reason="kohdetta ei voitu taivuttaa")
            old_case = token_case(head)
            if rule.case == "ela" and author in ("tutustua", "perehtyä", "syventyä") and old_case != "+ill":
                # the governed complement is an illative; another head means the parse went wrong ('tutustuu
                # äänen merkitykseen leikkauksessa' -> head 'leikkauksessa')
                return Plain("", author, 0, "", author, ok=False, reason="kohdetta ei voitu taivuttaa")
            if rule.case == "ela" and any(
                    t.pos_ == "NOUN" and t.i not in edits and token_case(t) == "+ill" and (
                        t.head.i == ability.verb_index or t.head.pos_ not in ("VERB", "ADJ", "AUX"))
                    for t in ability.tokens) or any(t.morph.get("Case") == ["Ess"] and t.morph.get("Person[psor]")
                                                    for t in ability.tokens):
                # the parse took a genitive for the object and left the governed illative ('perehtynyt X:n
                # määritelmiin' -> 'kertoa X:stä määritelmiin')
                return Plain("", author, 0, "", author, ok=False, reason="kohdetta ei voitu taivuttaa")
            if edits and any(t.dep_ == "conj" and t.pos_ == "NOUN" and t.i not in edits and t.i != head.i
                             and token_case(t) == old_case for t in ability.tokens):
                # a coordinated noun the parse hung elsewhere keeps the old case ('kertoa X:stä sekä niiden
                # vaikutuksiin')
                return Plain("", author, 0, "", author, ok=False, reason="kohdetta ei voitu taivuttaa")
        elif rule.case != "same" and head == "clause":
            return Plain("", author, 0, "", author, ok=False, reason="sivulause ei sovi korvaavalle verbille")
        changes.append("verb")
        whys.append(f"'{_author_form(ability)}' → '{verb}': {rule.why}")
    elif ability.kind == "copula":
        return Plain("", author, 0, "", author, ok=False, reason="ei tekoa kuvaavaa verbiä")
    if not _content(ability.tokens):
        return Plain("", author, 0, "", author, ok=False, reason="verbillä ei ole kohdetta")
    if ability.shared and fit.never_fits(verb, cls):
        # "mitata ja kirjata havainnot": the object belongs to the second verb; "mitata havainnot" says nothing
        return Plain("", author, 0, "", author, ok=False,
                     reason=f"'{verb}' ei sovi yksin kohteeseen, jonka se jakaa seuraavan verbin kanssa")
    if verb in PERSON_OBJECT_VERBS and not any(t.dep_ in ("obj", "obl:arg") or t.head.i == ability.verb_index and
                                               token_case(t) in ("+par", "+gen") and t.pos_ in ("NOUN", "PROPN", "PRON")
                                               for t in ability.tokens):
        # "ohjata ja tukea työasemien turvallisessa käytössä": whom? (the person was left out by the author)
        return Plain("", author, 0, "", author, ok=False, reason="verbillä ei ole kohdetta (ketä?)")
    reference = _dangling_reference(ability.tokens)
    if reference:
        return Plain("", author, 0, "", author, ok=False, reason=f"'{reference}' viittaa tavoitteen ulkopuolelle")
    person, problem = person_edits(ability.tokens)
    if problem:
        return Plain("", author, 0, "", author, ok=False, reason=problem)
    if person:
        edits.update(person)
    if item_frame(item) != "2sg" or person:
        changes.append("person")
        whys.append("Kirjoitettu sinä-muotoon.")
    elif not ability.wrapper and "verb" not in changes:
        changes.append("osaat")
        whys.append("Kirjoitettu muotoon 'Osaat …'.")
    if ability.split:
        changes.append("split")
        whys.append("Jaettu omaksi tavoitteekseen: yhdessä tavoitteessa on yksi verbi.")
    tokens, dropped = _without_brackets(ability.tokens)
    while tokens and tokens[0].lower_ in ("mm", "mm.", "esim", "esim.", "esimerkiksi", "muun", "muassa", "myös"):
        tokens = tokens[1:]  # "selittää mm. X" -> "selittää X"
        if tokens and tokens[0].text == ".":
            tokens = tokens[1:]
    if dropped:
        changes.append("shortened")
        whys.append("Sulkeissa olleet tarkennukset jätetty pois.")
    if not _content(tokens):
        return Plain("", author, 0, "", author, ok=False, reason="verbillä ei ole kohdetta")
    if tokens and tokens[0].lower_ in ("ja", "sekä", "tai", "eli", "ja/tai"):
        return Plain("", author, 0, "", author, ok=False, reason="rinnastus jäi kesken")
    joined = listed_with_ja(tokens)
    if any(tokens[k + 1].pos_ == "ADV" for k, t in enumerate(tokens[:-1]) if t.i in joined):
        # 'ennen työn aloittamista, myös vaurioitumattomat osat' is an aside, not a list (review 5: "… ja myös …")
        return Plain("", author, 0, "", author, ok=False, reason="luettelo jäi epäselväksi")
    edits.update(joined)
    rest = _render(tokens, edits)
    if _clause_without_verb(tokens):
        return Plain("", author, 0, "", author, ok=False, reason="sivulauseesta puuttuu verbi")
    if _list_without_its_last_ja(tokens, edits):
        # 'tunnistaa X, Y sekä varastoi ne': the list's 'sekä' went with the next verb
        return Plain("", author, 0, "", author, ok=False, reason="luettelosta puuttuu 'ja'")
    if LEFT_IN_3RD_PERSON.search(rest):
        # a verb of the learner left in the 3rd person inside the words ("selittää, että X ja osaa soveltaa",
        # "miten voi vaikuttaa")
        return Plain("", author, 0, "", author, ok=False, reason="verbi jäi 3. persoonaan")
    if tokens and tokens[0].lower_ in _CLAUSE_WORDS and not rest.startswith(","):
        rest = ", " + rest  # "selittää, miten …": a clause after the verb takes a comma
    before = _render([t for t in ability.before if t.lower_ not in ("myös", "lisäksi", "siis")], {}) \
        if ability.before else ""
    text = "Osaat " + (before + " " if before else "") + verb + ("" if rest.startswith(",") else " ") + rest
    text = re.sub(r"\s+\d{1,2}$", "", re.sub(r"\s+", " ", text).strip().rstrip(" ,;:-–.")).rstrip(" ,;:-–.") + "."
    if re.search(r"[.!?]\s", _ORDINAL.sub("", text[:-1])) and not re.search(r"\b(?:esim|mm|ns|jne|n|ks)\.\s", text):
        return Plain("", author, 0, "", author, ok=False, reason="kaksi lausetta yhdessä")
    bad = unknown_words(text)
    if words(text) > OUTCOMES.max_words or bad:
        shorter = _TRIM_TAIL.sub("", text[:-1]).rstrip(" ,;:") + "."
        if shorter != text and words(shorter) <= OUTCOMES.max_words and words(shorter) >= 4 \
                and not unknown_words(shorter):
            text = shorter
            changes.append("shortened")
            whys.append("Esimerkit jätetty pois, jotta tavoite on lyhyt.")
        elif bad:
            return Plain("", author, 0, "", author, ok=False, reason=f"tuntematon sana '{bad[0]}'")
        else:
            return Plain("", author, 0, "", author, ok=False, reason=f"yli {OUTCOMES.max_words} sanaa")
    obj = text[len("Osaat "):-1]
    obj = obj[len(before) + 1:] if before and obj.startswith(before) else obj
    obj = obj[len(verb) + 1:] if obj.startswith(verb + " ") else obj
    level = verb_level(verb) or 3
    return Plain(text, verb, level, obj, author, changes=changes, why=" ".join(whys))


# What a course gives ("Tavoitteet: Tarjota tietoa X:stä. Esitellä keskeiset teoriat."): a bare infinitive with no
# learner before it, and what is given is knowledge or the learner.
TEACHING_GIVING = {"tarjota", "esitellä", "lisätä", "tutustuttaa", "opettaa", "välittää", "antaa", "syventää",
                   "laajentaa", "herättää", "vahvistaa"}
GIVEN_KNOWLEDGE = ("tieto", "ymmärrys", "valmius", "käsitys", "kuva", "teoria", "näkökulma", "perustieto",
                   "opiskelija", "tietoisuus", "kiinnostus")


def _teachers_aim(ability: Ability, head) -> bool:
    from ..text.runon import is_finite_3rd

    item = ability.item
    if ability.verb not in TEACHING_GIVING or getattr(item, "lead", "") or not ability.tokens:
        return False
    first = item.text.split()[0].strip(",.:;-–") if item.text.split() else ""
    if verb_base(first) != ability.verb:
        return False
    given = head not in (None, "clause") and _base(head).endswith(GIVEN_KNOWLEDGE)
    return given or not is_finite_3rd(first)


def _last_of(tok) -> str:
    from .objects import _last_part

    return _last_part(tok)


def _bare_anchor(head) -> str:
    """'järjestelmän komponentit': a part of a thing named only by a bare general noun."""
    if head in (None, "clause") or _last_of(head) not in PART_NOUNS:
        return ""
    gens = [c for c in head.children if c.dep_.startswith("nmod") and c.morph.get("Case") == ["Gen"]]
    for g in gens:
        if _base(g) in BARE_ANCHORS and not any(c.dep_ not in ("punct", "cc") for c in g.children):
            return g.text
    return ""


def _is_action_noun(head) -> bool:
    """A noun made from a verb ('työskentely', 'korjaus', 'kohtaaminen')."""
    from .build import _verb_of_noun

    return bool(_verb_of_noun(head.text))


OWN_ABILITY_NOUNS = ("hallinta", "taito", "osaaminen", "kyky", "valmius", "tietämys", "tuntemus", "ymmärrys")


def _own(head) -> bool:
    """The object is the learner's own ('kehittää fyysisiä ominaisuuksiaan', 'kehittää omaa työtään') or an
    ability ('kehittää rakenteiden ja sanaston hallintaa')."""
    from .wording import _second_person_possessive

    # ('vahvistaa asiakkaan toimintakykyä': the ability is the client's)
    owner = any(c.dep_ == "nmod:poss" and _base(c) not in LEARNER_WORDS for c in head.children)
    return head.morph.get("Person[psor]") == ["3"] or _second_person_possessive(head.text) is not None or any(
        _base(c) == "oma" for c in head.children) or _base(head).endswith(OWN_ABILITY_NOUNS) and not owner


def _clause_without_verb(tokens) -> bool:
    """A clause word whose clause has no finite verb left ('selittää, millainen tiede X on ja että psykologinen
    tieto'): the verb went with the next ability."""
    marks = [k for k, t in enumerate(tokens) if t.lower_ in ("että", "miten", "kuinka", "miksi", "millainen",
                                                             "millaisia", "mikä", "mitkä", "mitä", "voiko")]
    for n, k in enumerate(marks):
        end = marks[n + 1] if n + 1 < len(marks) else len(tokens)
        # ('voiko' is the clause's verb and needs its infinitive: 'voiko ajoneuvon kiillottaa')
        forms = (["Fin"], ["Inf"]) if tokens[k].lower_ == "voiko" else (["Fin"],)
        if not any(t.morph.get("VerbForm") in forms for t in tokens[k + 1:end]):
            return True
    return False


def _list_without_its_last_ja(tokens, edits: dict) -> bool:
    """Words that end in a list of nouns with no coordinator anywhere ('alan keskeisiä tuotteita, eri tuotteiden
    eroavaisuuksia'): a noun after the last comma coordinated with a noun before it. A series of adjectives
    ('yksinkertaisia, helpotettuja lauseita') or an aside ('päätösten, erityisesti X:n, vaikutusta') is fine."""
    commas = [k for k, t in enumerate(tokens) if t.text == "," and t.i not in edits]
    coordinators = {"ja", "sekä", "tai", "eli", "kuten", "ja/tai", "eikä", "mutta", "vaan"}
    if not commas or any(t.lower_ in coordinators or set(t.lower_.split("-")) & coordinators
                         or t.i in edits and edits[t.i].strip() == "ja" for t in tokens):
        return False
    k = commas[-1]
    before = {t.i for t in tokens[:k]}
    if k == 0 or tokens[k - 1].pos_ not in ("NOUN", "PROPN") or k + 1 < len(tokens) and (
            tokens[k + 1].pos_ in ("ADV", "PRON", "SCONJ") or tokens[k + 1].lower_ in _CLAUSE_WORDS) or any(
            t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") == ["Fin"] for t in tokens[k + 1:]):
        return False  # ('tekstejä, erityisesti mediatekstejä', 'keinoja, joilla …': an aside or a clause)
    nouns_after = [t for t in tokens[k + 1:] if t.pos_ in ("NOUN", "PROPN")]
    # a noun after the comma coordinated with one before it, or the first head after it in the same case and
    # number ('alan keskeisiä tuotteita, eri tuotteiden eroavaisuuksia': review 5)
    heads_after = [t for t in nouns_after if t.head.i not in {x.i for x in nouns_after}]
    same = bool(heads_after) and heads_after[0].morph.get("Case") == tokens[k - 1].morph.get("Case") and heads_after[
        0].morph.get("Number") == tokens[k - 1].morph.get("Number") and tokens[k - 1].morph.get("Case") != ["Gen"]
    return same or any(t.dep_ == "conj" and t.head.i in before for t in nouns_after)


def listed_with_ja(tokens) -> dict[int, str]:
    """A list whose 'ja' went with the next verb ('selittää keinot, prosessit ja osaa arvioida X' -> the words
    'keinot, prosessit'): the last comma of the list becomes 'ja' ('keinot ja prosessit')."""
    ids = {t.i for t in tokens}
    commas = [k for k, t in enumerate(tokens) if t.text == ","]
    if not commas:
        return {}
    k = commas[-1]
    after = tokens[k + 1:]
    if not after or any(t.lower_ in ("ja", "sekä", "tai", "eli", "kuten", "esim.", "esimerkiksi", "mm.")
                        and not (t.dep_ == "cc" and t.head.pos_ == "ADJ") or t.text in ("(", ":") for t in after):
        return {}  # (a pair of adjectives inside the last item is fine: 'kansalliset ja kansainväliset yhteisöt')
    # the words after the comma are one conjunct of a head before it ("…, asemakaavojen toteuttamisen prosessit")
    conjuncts = [t for t in after if t.dep_ == "conj" and t.head.i in ids and t.head.i < tokens[k].i]
    if len(conjuncts) == 1 and all(t.i in {s.i for s in conjuncts[0].subtree} for t in after):
        return {tokens[k].i: " ja"}
    return {}


def _without_brackets(tokens) -> tuple[list, bool]:
    """The tokens without bracketed asides ('(esim. rakentajat, suunnittelijat)'): examples and codes that make a
    plain statement long. A bracket left open keeps everything."""
    out, depth, dropped = [], 0, False
    for t in tokens:
        if t.text == "(":
            depth += 1
            dropped = True
            continue
        if t.text == ")" and depth:
            depth -= 1
            continue
        if depth == 0:
            out.append(t)
    if depth:  # a bracket left open: the item was cut inside it; the aside goes from its "(" on
        first_open = next(i for i, t in enumerate(tokens) if t.text == "(")
        out = [t for t in tokens[:first_open]]
        dropped = True
    while out and out[-1].is_punct and out[-1].text not in (")", '"'):
        out.pop()
    return out, dropped


def _author_form(ability: Ability) -> str:
    doc = ability.tokens[0].doc if ability.tokens else None
    if doc is not None:
        return doc[ability.verb_index].text.lower()
    return ability.verb


def plain_statements(items: list[Item]) -> list[tuple[Ability, Plain]]:
    """Parse the items in one batch and build a plain statement for every ability (kept or not)."""
    from ..settings import get_settings
    from ..text.resources import get_nlp

    if not items:
        return []
    texts = [synthetic(i) for i in items]
    docs = get_nlp().pipe([t for t, _, _ in texts], batch_size=get_settings().spacy_batch_size)
    out = []
    for item, (_, offset, back), doc in zip(items, texts, docs):
        for ability in abilities(item, doc, offset):
            plain = to_plain(ability)
            if back and plain.ok:
                plain.text, plain.object = unjoin(plain.text, back), unjoin(plain.object, back)
            if plain.ok and re.search(r"\w-\s+\w+-\s|\s[-–]\s", plain.text):
                # slips copied from the text: "ennallistamis- kunnostus- ja" (a comma lost), "asettaa - tavoitteita"
                plain.ok, plain.reason = False, "lista jäi rikki ('- ')"
            out.append((ability, plain))
    return out
