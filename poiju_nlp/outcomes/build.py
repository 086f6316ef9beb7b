"""Build outcome statements from what a text says is taught, when it states no outcomes of its own.

Only teaching content is used: sentences whose verb says what is taught or learned ("Opintojaksolla käsitellään
X", "Kurssilla perehdytään X:ään", "Opit laatimaan X", "Harjoittelet X:n käyttöä") and the items of a content
section ("Keskeiset sisällöt: - X"). Titles, timetables, prices, enrolment, assessment and marketing sentences are
never used (they are not in a content section and have no teaching verb; a sentence with a date, a price or an
admin word is skipped even then).

The verb is the text's own when it is measurable ("laaditaan hoitosuunnitelma" -> "Osaat laatia
hoitosuunnitelman"; "opit kertomaan X:stä" -> "Osaat kertoa X:stä"); a teaching verb becomes the lowest measurable
verb that fits the object (käsitellään / tarkastellaan X -> kuvata X; perehdytään / tutustutaan X:ään -> kertoa
X:stä; a content item X -> kuvata X), checked against ``corpora/verbs/verb_object_fit.tsv``. Only the object's
own words are kept (not the setting or the teaching method), re-inflected with pypykko into the case the verb
governs. At most ``OUTCOMES.max_outcomes`` statements, one per object; fewer (or none) when the text gives too little.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..settings import OUTCOMES
from ..text.runon import is_second_person
from .sections import Item
from .objects import (TEACHING_ACTIVITIES, _agent_noun, _is_name, _last_part, _lost_modifier, _phrase_tokens,
                      cut_examples, is_language_course, noun_class, recase_edits, unanchored, with_scope)
from .parse import _CLAUSE_WORDS, _base, _content, _expand, _is_predicate_verb, join_elliptic, token_case, unjoin
from .statements import _without_brackets, listed_with_ja, verb_level
from .wording import _dangling_reference, _render, person_edits, unknown_words, words
from .verbs import load_fit, load_verbs

# Teaching verbs (base form) -> (measurable verb, the object's case after it). "" = the verb the sentence itself
# governs ("opit laatimaan X" -> laatia).
TEACHING_VERBS = {
    "käsitellä": ("kuvata", "same"),
    "tarkastella": ("kuvata", "same"),
    "käydä": ("kuvata", "same"),  # "käydään läpi X"
    "perehtyä": ("kertoa", "+ela"),
    "tutustua": ("kertoa", "+ela"),
    "syventyä": ("kertoa", "+ela"),
    "opiskella": ("kuvata", "same"),
    "oppia": ("", ""),
    "opetella": ("", ""),
    "harjoitella": ("käyttää", "same"),
    "perehdyttää": ("kertoa", "+ela"),  # "Moduuli perehdyttää (opiskelijan) X:ään"
}
# Passive verbs of exploring a topic together ("Kurssilla tutkitaan X:ää", "selvitetään, millaisia …"): what the
# learner can do after it is describe the topic, not do research on it.
EXPLORING_VERBS = {"tutkia", "selvittää", "pohtia", "miettiä", "kartoittaa"}
# Nouns too general to describe on their own ("Osaat kuvata teemoja").
GENERIC_NOUNS = {"teema", "aihe", "asia", "sisältö", "osa", "kokonaisuus", "näkökulma", "kysymys", "aihepiiri",
                 "aihealue", "ilmiö", "tieto", "taito", "perusta", "pohja", "muu", "kurssiapulainen", "ala",
                 "tapa", "keino", "työ", "tehtävä", "asiakokonaisuus", "opintojakso", "kurssi", "perustieto",
                 "jakso", "pajajakso", "kurssikerta", "tapaaminen", "kerta", "kieli", "tausta", "laboratoriotyö",
                 "harjoitustyö", "lopputyö", "kurssityö", "ennakkotehtävä", "kohdekieli", "tavoite", "osa-alue",
                 "alue", "edellytys", "valmius", "perusasia", "asiakokonaisuus", "ohjelmisto", "luettu"}
# Course products: what is made on the course, not what is learned ("henkilökohtaisen oppimisen yhteenveto").
COURSE_PRODUCTS = {"yhteenveto", "tutkielma", "esitelmä", "raportti", "essee", "portfolio", "päiväkirja",
                   "tehtävä", "projektityö", "harjoitustyö", "opinnäytetyö", "vertaistyö", "seminaarityö",
                   "työ",
                   "loppuraportti", "posteri", "video", "esitys", "teos"}
# The learners themselves: "käsitellään opiskelijoiden henkilöhistoriaa" is course activity, not content.
LEARNER_NOUNS = {"opiskelija", "osallistuja", "oppija", "oma", "itse"}
# Passive verbs that organise the course rather than teach ("valitaan kaksi kulttuuria", "arvioidaan").
ORGANISING_VERBS = {"valita", "sopia", "ilmoittaa", "palauttaa", "järjestää", "pitää", "toteuttaa", "arvioida",
                    "suorittaa", "antaa", "jakaa", "käyttää", "hyödyntää", "tehdä", "koota", "kuvata", "luoda",
                    "esitellä",
                    "lukea", "kirjoittaa"}
COURSE_WORDS = {"kurssi", "opintojakso", "moduuli", "jakso", "koulutus", "luento", "opetus", "opintokokonaisuus",
                "kokonaisuus", "seminaari", "työpaja", "osio"}
TAUGHT = {"käsitellä": "käsitellään", "tarkastella": "tarkastellaan", "käydä": "käydään läpi",
          "perehtyä": "perehdytään", "tutustua": "tutustutaan", "syventyä": "syvennytään", "opiskella": "opiskellaan",
          "harjoitella": "harjoitellaan", "perehdyttää": "perehdytään"}
# "harjoitellaan X" becomes "käyttää X" only when X is something one uses.
PRACTISED_CLASSES = {"tool", "method", "language", "concept", "material"}
ADMIN_WORDS = {"op", "opintopiste", "laajuus", "hinta", "euro", "ilmoittautuminen", "ilmoittautua", "toteutus",
               "toteutustapa", "arvosana", "tentti", "verkkotentti", "kurssimaksu", "ajankohta", "kesto",
               "opetuskieli", "esitieto", "arviointiasteikko", "hyväksytty", "läsnäolo", "luento", "luentokerta",
               "aikataulu", "maksu", "maksuton", "tervetuloa", "ainutlaatuinen", "hakea", "haku", "hakuaika",
               "opettaja", "vastuuopettaja", "suoritustapa", "arviointi", "palautus", "deadline", "moodle", "zoom",
               "teams", "verkkoalusta", "klo", "viikko", "maanantai", "tiistai", "keskiviikko", "torstai",
               "perjantai", "lauantai", "sunnuntai", "osoite", "sähköposti", "puhelin", "ilmoittaudu",
               "opintosuoritus", "opintosuoritusrekisteri", "suoritusmerkintä", "rekisteri"}
_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|\b\d{1,2}[:.]\d{2}\b|€|\beur\b|\bklo\b|"
                   r"\b(?:suullise|kirjallise)\w* (?:kokee|koke)\w*|\btent(?:ti|issä|in)\w*", re.IGNORECASE)


@dataclass
class Built:
    text: str
    verb: str
    bloom_level: int
    object: str
    item: Item
    source_verb: str  # the text's own verb or "" for a content item
    why: str


def _is_admin(sentence: str, doc) -> bool:
    if _DATE.search(sentence):
        return True
    bases = {_base(t) for t in doc if t.is_alpha} | {t.lower_ for t in doc}
    return bool(bases & ADMIN_WORDS)


def _teaching_predicate(doc):
    """The sentence's teaching verb: a passive, a 2nd person verb or a learner-subject verb at the root."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not _is_predicate_verb(root):
        return None
    if any(c.i < root.i and is_second_person(c.text) for c in root.children):
        return root  # "Opit ohjaamaan X": the tagger made 'Opit' a noun subject of the infinitive
    voice = root.morph.get("Voice")
    person = root.morph.get("Person")
    learner_subject = any(c.dep_.startswith("nsubj") and _base(c) in ("opiskelija", "osallistuja", "oppija")
                          for c in root.children)
    we = person == ["1"] and root.morph.get("Number") == ["Plur"]  # "Käymme läpi X": the course speaking
    course_subject = any(c.dep_.startswith("nsubj") and _base(c) in COURSE_WORDS for c in root.children) \
        and _base(root) in set(TEACHING_VERBS)  # "Moduuli perehdyttää X:ään"
    if course_subject:
        return root
    if voice == ["Pass"] or person == ["2"] or learner_subject or we or is_second_person(root.text):
        return root
    return None


def _object_tokens(doc, verb, own_verb: bool) -> tuple[object, list]:
    """The verb's object (or, for a teaching verb, its governed complement: "perehdytään X:ään") and the tokens of
    its subtree, in text order. A passive's object may stand before the verb ("Kandidaatintyö laaditaan")."""
    passive = verb.morph.get("Voice") == ["Pass"]
    deps = ("obj", "ccomp", "nsubj") if own_verb else ("obj", "ccomp", "obl", "nsubj")
    for dep in deps:
        for c in verb.children:
            if c.dep_ != dep or (c.i < verb.i and not (passive and dep in ("obj", "nsubj"))):
                continue
            if dep == "obl" and token_case(c) not in ("+ill", "+ela", "+par"):
                continue
            if dep == "nsubj" and not passive:
                continue
            if c.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ"):
                continue
            ids = sorted(t.i for t in c.subtree)
            toks = [doc[i] for i in range(ids[0], ids[-1] + 1)]
            return c, toks
    return None, []


def _measurable(verb: str) -> bool:
    return verb in load_verbs() and verb not in load_fit().replacements


def conj_items(head, tokens) -> list[list]:
    """The items of a coordinated object, each with its own words ('kaksoistarkastusta, lääkepoikkeamien
    ilmoittamista ja potilaan ohjausta' -> three items). Only the first head's own conjuncts split the list: a
    pair inside an item stays with it ('lääkkeiden yhteisvaikutukset ja haittavaikutukset')."""
    ids = {t.i for t in tokens}
    heads = [head] + [c for c in head.children if c.dep_ == "conj" and c.i in ids and c.pos_ in ("NOUN", "PROPN")]
    out = []
    for h in heads:
        own = {t.i for t in h.subtree}
        if h is head:
            own -= {t.i for o in heads[1:] for t in o.subtree}
        toks = [t for t in tokens if t.i in own]
        while toks and (toks[0].is_punct or toks[0].dep_ == "cc"):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
            toks = toks[:-1]
        if toks:
            out.append(toks)
    return out


def _items_as_content(item: Item, pieces: list[list], practised: bool = False) -> list[Built]:
    """Each coordinated item read as a content line of its own (re-parsed alone)."""
    from ..text import parse

    out = []
    for toks in pieces:
        if not toks:
            continue
        text = item.text[toks[0].idx - 0:toks[-1].idx + len(toks[-1].text)] if toks[0].doc.text == item.text \
            else " ".join(t.text for t in toks)
        sub = Item(text, item.start + toks[0].idx, item.start + toks[-1].idx + len(toks[-1].text), "content",
                   item.section, sentence=item.sentence, sentence_start=item.sentence_start,
                   sentence_end=item.sentence_end)
        made = from_content_item(sub, parse(text), any_case=True, practised=practised)
        if made:
            out.append(made)
    return out


# Verbs whose object is a person: "potilaan ohjaus" is guiding the patient (the parser may call the genitive its
# subject).
PERSON_VERBS = {"ohjata", "neuvoa", "opastaa", "haastatella", "tukea", "motivoida", "kohdata", "palvella"}
CONTENT_SUBJECTS = {"sisältö", "aihe", "teema", "näkökulma", "painopiste", "aihepiiri", "aihealue", "sisältöalue"}


def from_content_list(item: Item, doc) -> list[Built]:
    """'Sisältöjä ovat X, Y ja Z.' / 'Keskeisiä näkökulmia ovat X ja Y.' -> one statement per item."""
    cop = next((t for t in doc if t.dep_ == "cop"), None)
    if cop is None or _is_admin(item.text, doc):
        return []
    before = [t for t in doc if t.i < cop.i]
    if any((_base(c) in TEACHING_ACTIVITIES or _last_part(c) in TEACHING_ACTIVITIES) and c.dep_.startswith("nmod")
           for t in before if _base(t) in CONTENT_SUBJECTS for c in t.children):
        return []  # "Harjoittelun sisältöinä ovat …": tasks of a practicum, not content learned
    if not any(_base(t) in CONTENT_SUBJECTS or (noun_class(t.text) == "topic" and _base(t).endswith(
            tuple(CONTENT_SUBJECTS))) for t in before):
        return []
    after = [t for t in doc if t.i > cop.i and not (t.is_punct and t.i == len(doc) - 1)]
    heads = [t for t in after if (t.head.i not in {a.i for a in after} or t.head.i == t.i)
             and t.pos_ in ("NOUN", "PROPN")]
    if not heads:
        return []
    while after and after[0].lower_ in ("muun", "muassa", "mm", "mm.", "esimerkiksi", "esim."):
        after = after[1:]
    return _items_as_content(item, conj_items(heads[0], after))


def from_sentence(item: Item, doc) -> list[Built]:
    """Statements from one content sentence with a teaching verb (0, 1 or a few)."""
    listed = from_content_list(item, doc)
    if listed:
        return listed
    root = _teaching_predicate(doc)
    if root is None or _is_admin(item.text, doc) or doc[0].lower_ in _CLAUSE_WORDS:
        return []  # ('miten maantieteessä tarkastellaan ympäristöä': how a field looks at it, not a topic)
    if any(_base(c) in ("voida", "saattaa") for c in root.children if c.dep_ == "aux"):
        return []  # "opiskelija voi laatia portfolion": an option, not what is learned
    fit = load_fit()
    out = []
    for tok, wrapper, _ in _expand(root):
        base = _base(tok)
        if tok.i != root.i and any(c.dep_.startswith("nsubj") and _base(c) not in ("opiskelija", "osallistuja")
                                   for c in tok.children):
            continue  # "…, miten X ja Y luovat Z": a clause with a subject of its own
        if base in ("oppia", "opetella"):
            continue  # "opitaan X" without an infinitive: what is learned is not an action
        verb_tok = tok
        source = base if not wrapper else wrapper
        if base == "käydä" and not any(c.lower_ == "läpi" for c in tok.children):
            continue  # "käydään keskusteluja" is having discussions, not going through a topic
        if base in EXPLORING_VERBS and (tok.morph.get("Voice") == ["Pass"] or tok.morph.get("Person") == ["1"]):
            target, case = "kuvata", "same"
        elif base in TEACHING_VERBS and TEACHING_VERBS[base][0]:
            target, case = TEACHING_VERBS[base]
        elif _measurable(base) and not (base in ORGANISING_VERBS and (tok.morph.get("Voice") == ["Pass"] or any(
                c.dep_.startswith("nsubj") and _base(c) in ("opiskelija", "osallistuja") for c in root.children) or any(
                c.dep_.startswith("nsubj") and _base(c) in ("opiskelija", "osallistuja") for c in tok.children))):
            target, case = base, "total" if tok.morph.get("Voice") == ["Pass"] else "same"
        else:
            continue
        head, toks = _object_tokens(doc, verb_tok, own_verb=target == base)
        if head is None or _lost_modifier(doc, head, toks):
            continue
        toks, _ = _without_brackets(toks)
        while toks and toks[0].lower_ in ("myös", "mm", "mm.", "esim.", "esimerkiksi", "erityisesti", "lisäksi", "lähinnä",
                                          "pääasiassa", "etenkin", "varsinkin", "muun", "muassa"):
            toks = toks[1:]
        if not _content(toks):
            continue
        clause = head.dep_ == "ccomp" or toks[0].lower_ in _CLAUSE_WORDS
        if clause and not any(t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") in (["Fin"], ["Inf"])
                              for t in toks):
            continue  # "esitellään, miten luotu konsepti": a clause without its verb
        if not clause and (target != base and head.pos_ not in ("NOUN", "PROPN")
                           or _not_content(head, toks, person_ok=target == base)):
            continue  # "Luettua käsitellään", "opiskelijoiden omia tarinoita", "suhde muihin uskontoihin"
        cls = "clause" if clause else noun_class(head.text)
        if not clause and (target == "kuvata" and _last_part(head) in USED_NOT_DESCRIBED
                           or _last_part(head) in COURSE_PRODUCTS):
            continue  # ("valmiit tutkielmat esitellään", "tutustutaan vertaistöihin": course products)
        if cls in ("activity", "course", "skill") or cls == "person" and target != base \
                or _base(head) in GENERIC_NOUNS:
            continue  # "tehdään harjoituksia", "käsitellään teemoja": no content to learn
        if base == "harjoitella" and cls not in PRACTISED_CLASSES:
            # "Harjoittelemme lääkepoikkeamien ilmoittamista ja potilaan ohjausta": the practised actions
            out += [b for b in _items_as_content(item, conj_items(head, toks), practised=True) if b.source_verb]
            continue
        if cls in ("skill", "course") or target != base and not fit.fit(target, cls):
            continue  # the text's own measurable verb needs no fit check: the author chose it for this object
        edits: dict[int, str] | None = {}
        if not clause:
            toks = cut_examples(toks)  # "perusasioita, kuten piirtämistä": the examples are not what is learned
            if not toks:
                continue
        if not clause:
            if case == "+ela":
                edits = recase_edits(head, toks, "+ela")
            elif case == "total":
                edits = _total_object(head, toks)
            if edits is None:
                continue
            old_case = token_case(head)
            if edits and any(token_case(t) == old_case and t.i not in edits and t.i < head.i and t.pos_ in (
                    "ADJ", "VERB", "NOUN") and t.dep_ not in ("nmod:poss", "nmod:gobj", "nmod:gsubj") for t in toks):
                continue  # a word the parse hung elsewhere keeps the old case ('luennoitsijoiden purkamiin … X:stä')
        toks = with_scope(doc, tok, toks, own=target == base)
        if toks is None:
            continue  # a limit of the content ('termodynamiikan näkökulmasta') that cannot be kept
        if not clause and cls != "person" and _one_plain_word([t for t in toks if t.pos_ not in ("ADV", "CCONJ")]):
            continue  # one bare word says too little ('Tutki merkkejä …', 'Tuotetaan tekstejä': review 5)
        if base in EXPLORING_VERBS and target != base and (_one_plain_word(toks) or re.match(
                r"\w+(?:ko|kö)$", toks[0].lower_) and toks[0].lower_ not in ("kuinka",)):
            continue  # "Tutkitaan yhtälöä": 'kuvata yhtälöä' says nothing; "Pohdimme, onko X": no describing a yes/no
        if not clause and any(t.morph.get("Case") in (["Ins"], ["Ess"]) and t.head.i == head.i for t in toks) \
                or any(_base(t) in TEACHING_ACTIVITIES or _last_part(t) in TEACHING_ACTIVITIES for t in toks):
            continue  # how it is taught: "…, erilaisin käytännön harjoittein", "käyttöä … työn välineenä"
        if _dangling_reference(toks):
            continue
        person, problem = person_edits(toks)
        if problem:
            continue
        edits = {**person, **(edits or {})}
        if toks and toks[0].i == 0 and toks[0].pos_ != "PROPN" and not toks[0].text.isupper():
            edits = dict(edits or {})
            first = edits.get(toks[0].i, toks[0].text)
            edits[toks[0].i] = first[:1].lower() + first[1:]  # "Kandidaatintyö laaditaan" -> "… kandidaatintyön"
        rest = _render(toks, edits)
        if clause and not rest.startswith(","):
            rest = ", " + rest
        text = re.sub(r"\s+", " ", f"Osaat {target}{'' if rest.startswith(',') else ' '}{rest}").rstrip(" ,;:") + "."
        if words(text) > OUTCOMES.max_words or unknown_words(text):
            continue
        if target == base:
            why = f"Verbi on kuvauksen oma ('{tok.text.lower()}')."
        else:
            why = (f"Kuvauksen mukaan kurssilla {TAUGHT.get(base, 'opitaan')} tätä sisältöä. Verbi '{target}' "
                   "kertoo, mitä osaat sen jälkeen, eikä lupaa enempää kuin kuvaus.")
        out.append(Built(text, target, verb_level(target) or 3, rest.lstrip(", "), item, source, why))
    return out


def _one_plain_word(toks) -> bool:
    from ..text import voikko_info

    words_ = [t for t in toks if not t.is_punct]  # (a joined compound "elokuva-ja-tv-…" counts too)
    return len(words_) == 1 and len(voikko_info(words_[0].text).compound_parts) < 2


def _total_object(head, toks) -> dict[int, str] | None:
    """A nominative object becomes a total object: singular words take the genitive ('laaditaan suunnitelma' ->
    'laatia suunnitelman'), plural ones stay nominative ('käsite, piirteet ja ominaisuudet' -> 'käsitteen, piirteet
    ja ominaisuudet'); partitives stay."""
    if token_case(head) != "+nom":
        return {}
    edits = recase_edits(head, toks, "+gen")
    if edits is None:
        return None
    return {i: form for i, form in edits.items() if head.doc[i].morph.get("Number") != ["Plur"]}


def from_content_item(item: Item, doc, any_case: bool = False, practised: bool = False) -> Built | None:
    """'Keskeiset sisällöt: - Rooman historian käännekohdat' -> 'Osaat kuvata Rooman historian käännekohdat.'
    (``any_case``: an item cut from a sentence may be in another case; only its action is then used)."""
    if _is_admin(item.text, doc) or ":" in item.text or not unknown_words(item.text) == []:
        return None
    roots = [t for t in doc if t.dep_ == "ROOT"]
    root = roots[0] if len(roots) == 1 else None  # two roots: the parse did not hold the phrase together
    if root is None or root.pos_ != "NOUN" or any(t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") == ["Fin"]
                                                     for t in doc):
        return None
    toks = _noun_phrase(doc, root)
    if not toks:
        return None
    toks, _ = _without_brackets(toks)
    toks = cut_examples(toks)
    if not toks:
        return None
    from ..text import voikko_info

    if len([t for t in toks if t.is_alpha]) == 1 and len(voikko_info(root.text).compound_parts) < 2 \
            and noun_class(root.text) == "topic":
        return None  # one everyday word ('koulu', 'uni') says too little to describe
    cls = noun_class(root.text)
    fit = load_fit()
    deverbal = _deverbal(root, toks, item, practised)
    if deverbal is not None or cls == "activity" or _is_action_noun(root.text):
        return deverbal  # "Kokeen suunnittelu" -> "Osaat suunnitella kokeen"; an action ("signaalien tarkastelu",
        # "tehtävien priorisointi") is not something to describe
    if _last_part(root) in COURSE_PRODUCTS or any(_base(c).endswith(tuple(p for p in COURSE_PRODUCTS if len(p) > 5))
                                                  for c in root.children if c.dep_.startswith("nmod")) or not any(
            c.i in {t.i for t in toks} and c.dep_.startswith("nmod") and token_case(c) == "+gen"
            and noun_class(c.text) not in ("activity", "person") for c in root.children):
        return None  # a heading without a genitive that says what it is about ("kiinalainen kulttuuri",
        # "Riitakysymykset", "Taloudelliset ja yhteiskunnalliset rajoitteet") or a course product ("Työpäiväkirjan pito")
    if cls in ("person", "skill", "course") or not fit.fit("kuvata", cls) or _base(root) in GENERIC_NOUNS:
        return None
    if root.morph.get("Case") != ["Nom"] and not (any_case and token_case(root) in ("+nom", "")):
        return None
    if any(t.pos_ in ("NOUN", "PROPN") and t.dep_ == "conj" and noun_class(t.text) == "activity" for t in toks):
        return None
    heads = [root] + [t for t in toks if t.dep_ == "conj" and t.head.i == root.i]
    if len(heads) >= 3 and all(not any(c.i in {x.i for x in toks} and c.dep_ not in ("cc", "punct", "conj")
                                       for c in h.children) for h in heads):
        return None  # a bare word list ('luonto, maasto, lumi'): vocabulary, not content to describe
    if _dangling_reference(toks) or len(toks) > 10 or _not_content(root, toks) or any(
            t.text.isdigit() for t in toks):
        return None  # (a bare number is a footnote or a page: "elokuvakamerat, sekä esimerkit 16")
    if _last_part(root) in USED_NOT_DESCRIBED:
        return None
    heads_ = {root.i} | {t.i for t in toks if t.dep_ == "conj" and t.head.i == root.i}
    if any(t.morph.get("Case") == ["Ess"] and t.head.i in heads_ for t in toks):
        return None  # "Keho työvälineenä", "historia tieteenalana": a view of the topic, not something to describe
    adjunct = next((t.i for t in toks if t.head.i == root.i and t.i > root.i and t.dep_ in ("obl", "nmod")
                    and token_case(t) != "+gen"), None)
    if adjunct is not None and any(t.dep_ == "conj" and t.head.i == root.i and t.i > adjunct for t in toks):
        return None  # "suhteet arjessa ja lähiympäristössä, liikkuvuus": a list item after the first one's setting
    edits = _total_object(root, toks)
    if edits is None or not _phrase_tokens(root, toks):
        return None
    for t in root.children:  # coordinated singular heads must become genitive too
        if t.dep_ == "conj" and t.pos_ not in ("VERB", "ADV") and t.morph.get("Number") != ["Plur"] \
                and t.i not in edits and t.i in {x.i for x in toks}:
            return None
        if t.dep_ == "conj" and noun_class(t.text) == "activity" and t.i in {x.i for x in toks}:
            return None
    edits = {**edits, **listed_with_ja(toks)}  # "kielitietoisuus, monikielisyys, kielten väliset suhteet"
    rest = _render(toks, edits)
    rest = rest[:1].lower() + rest[1:] if not _is_name(toks[0]) else rest
    if re.search(r"\s[,.;:]", rest):
        return None  # a stray comma: the phrase was cut in the middle
    text = f"Osaat kuvata {rest}".rstrip(" ,;:") + "."
    if words(text) > OUTCOMES.max_words or unknown_words(text):
        return None
    return Built(text, "kuvata", verb_level("kuvata"), rest, item, "",
                 "Sisältö on kuvauksen sisältöluettelosta. 'Kuvata' on matala taso: se ei lupaa enempää kuin "
                 "kuvaus kertoo.")


def _noun_phrase(doc, root) -> list:
    """The content item's noun phrase without what follows it as a teaching form ('jälkityöt ryhmätyönä
    opiskelijoiden kanssa' -> 'jälkityöt'); other right-hand words define the content and stay ('eettiset
    pelisäännöt vuorovaikutuksessa')."""
    drop = set()
    for c in root.subtree:
        if c.i > root.i and c.head.i == root.i and c.dep_ not in ("conj", "cc", "punct", "amod", "nmod:poss"):
            form = c.morph.get("Case") == ["Ess"] and noun_class(c.text) in ("activity", "course") or any(
                g.lower_ in ("kanssa", "avulla", "kautta", "aikana") for g in c.children if g.dep_ == "case")
            if form:
                drop |= {t.i for t in c.subtree}
            elif noun_class(c.text) in ("activity", "course") or c.dep_ in ("appos", "advcl"):
                return []  # "X:n merkitys identiteetin rakentumiselle": cutting it would change the content
    toks = [t for t in doc if not t.is_space and t.i not in drop]
    if any(t.head.i in drop and t.head.i != t.i for t in toks):
        return []  # the parse split the dropped phrase ('tulkinta karttojen, kuvien ja muun geomedian avulla')
    while toks and toks[-1].is_punct and toks[-1].text != ")":
        toks.pop()
    return toks


# Voikko's derivation marks of action nouns ('suunnittel+u', 'toteut+us', 'raportoin+ti'); not '+tävä' (tehtävä).
ACTION_SUFFIXES = {"+u", "+y", "+us", "+ys", "+ti", "+nti", "+o", "+ö", "+nta", "+ntä", "+anta", "+äntä"}


def _verb_of_noun(word: str) -> str:
    """The verb a noun is made from, by Voikko ('suunnittelu' -> 'suunnitella', 'analysointi' -> 'analysoida',
    'laatiminen' -> 'laatia'); '' for a noun that is not made from a verb."""
    from ..text.runon import _voikko_readings

    for a in _voikko_readings(word):
        if a.get("MOOD") == "MINEN-infinitive" and a.get("BASEFORM"):
            return a["BASEFORM"].lower()
        bases = re.findall(r"\(([^)]*)\)", a.get("WORDBASES", ""))
        if len(bases) >= 2 and bases[-1] in ACTION_SUFFIXES and bases[-2] and not bases[-2].startswith("+"):
            cand = bases[-2].lower()
            if any(b.get("CLASS") == "teonsana" for b in _voikko_readings(cand)):
                return cand
    return ""


def _is_action_noun(word: str) -> bool:
    """A noun made from a verb by an action suffix, whatever the verb ('tarkastelu' < tarkastella, 'priorisointi')."""
    from ..text.runon import _voikko_readings

    if _verb_of_noun(word):
        return True
    for a in _voikko_readings(word):
        bases = re.findall(r"\(([^)]*)\)", a.get("WORDBASES", ""))
        if len(bases) >= 2 and bases[-1] in ACTION_SUFFIXES and any(
                not b.startswith("+") and any(r.get("CLASS") == "teonsana" for r in _voikko_readings(b))
                for b in bases[:-1][-2:]):
            return True
    return False


# Mass nouns take a partitive object ('palautteen antaminen' -> 'antaa palautetta', not 'antaa palautteen').
MASS_NOUNS = {"palaute", "tuki", "apu", "neuvonta", "ohjaus", "tieto", "opetus"}


def _deverbal(root, toks, item, practised: bool = False) -> Built | None:
    """'Kokeen suunnittelu' -> 'Osaat suunnitella kokeen.', 'Koetulosten analysointi' -> 'Osaat analysoida
    koetuloksia.': the text's own action, with its object, when the verb is measurable and the phrase is just the
    object and the action."""
    verb = _verb_of_noun(root.text)
    if not verb or not _measurable(verb) or not practised and verb_level(verb) > 2 and verb not in ("laskea", "ratkaista"):
        return None  # a content heading promises describing, not doing ('Strategisten tietojärjestelmien
        # suunnittelu', 'mikrobien hyödyntäminen biotekniikassa': both reviewers of round 5, overclaims); what the
        # text says is practised ('Harjoittelemme potilaan ohjausta') is the skill
    if any(_base(c) in GENERIC_NOUNS for c in root.children if c.dep_.startswith("nmod")):
        return None  # "tavoitteen asettaminen": nothing concrete to do
    objs = [c for c in root.children if (c.dep_ in ("nmod:poss", "nmod:gobj") or c.dep_ == "nmod:gsubj"
                                         and verb in PERSON_VERBS and noun_class(c.text) == "person"
                                         and _base(c) not in ("opettaja", "ohjaaja", "kouluttaja"))
            and c.i < root.i and c.morph.get("Case") == ["Gen"] and c.pos_ in ("NOUN", "PROPN")]
    if len(objs) != 1:
        return None
    obj = objs[0]
    ids = sorted(t.i for t in obj.subtree)
    doc = root.doc
    after = [t for t in doc if t.i > root.i and not t.is_punct]
    if any(t.is_punct for t in doc if root.i < t.i < len(doc) - 1) or any(
            t.dep_ == "conj" and t.head.i == root.i for t in after):
        return None  # "X:n visualisointi ja havainnollistaminen", "tunnistaminen, X:n erot": two actions
    if [t.i for t in doc if t.i <= root.i and not t.is_punct] != ids + [root.i] or any(
            t.head.i != root.i and t.head.i not in {a.i for a in after} for t in after):
        return None  # anything else in the phrase (adjectives of the action, a setting) would be lost
    phrase = [t for t in doc if t.i in ids]
    tail = _render(after, {}) if after else ""
    entry = load_verbs().get(verb)
    if obj.morph.get("Number") == ["Plur"] or entry.object_case == "par" or _last_part(obj) in MASS_NOUNS:
        edits = recase_edits(obj, phrase, "+par")
    else:
        edits = {}
    if edits is None:
        return None
    if phrase and phrase[0].i == 0 and not _is_name(phrase[0]):
        first = edits.get(phrase[0].i, phrase[0].text)
        edits = {**edits, phrase[0].i: first[:1].lower() + first[1:]}
    rest = _render(phrase, edits) + (" " + tail if tail else "")
    text = f"Osaat {verb} {rest}."
    if words(text) > OUTCOMES.max_words or unknown_words(text):
        return None
    return Built(text, verb, verb_level(verb) or 3, rest, item, verb,
                 f"Sisältöluettelon '{root.text.lower()}' on kuvauksen oma teko: verbi '{verb}' on siitä.")


# Words a learner uses rather than describes ("opiskellaan ammattisanastoa" is not "kuvata sanastoa"), and one's own
# skills and attitudes as content headings ("perustelutaidot", "ilmaisurohkeus"): "kuvata" fits neither.
USED_NOT_DESCRIBED = {"sanasto", "sanavarasto", "kieli", "ilmaus", "fraasi", "sanonta", "kielitaito"}
OWN_QUALITIES = {"taito", "kyky", "valmius", "osaaminen", "hallinta", "rohkeus", "varmuus", "tietoisuus",
                 "jännitys"}


def _not_content(head, toks, person_ok: bool = False) -> bool:
    """The object is the learners' own ('opiskelijoiden henkilöhistoria', 'omat tarinat'), a relational noun without
    its anchor ('suhde muihin uskontoihin', 'tärkeimmät ominaisuudet') or a person named by what they do ('ruotsin
    puhujat'): nothing a statement could promise to describe. (With the text's own verb and the learner as its
    subject, 'oma' is the learner's: "dokumentoivat oman työskentelyprosessinsa" is fine.)"""
    if not person_ok and any(_base(t) in LEARNER_NOUNS for t in toks) or any(
            _base(t) in ("itse", "toinen") and t.morph.get("Person[psor]") for t in toks) or any(
            _base(t) == "itse" for t in toks):
        return True  # (also "toistensa tutkielmia", "itseä kiinnostavaa": whose is unclear in a statement)
    if any(t.lower_ in ("joka", "jonka", "jota", "joita", "joiden", "jossa", "joissa", "jolla", "joilla", "jotka",
                        "mikä", "minkä", "missä", "mistä")
           for t in toks):
        return True  # a relative clause keeps the text's 3rd person ("portfolion, jonka avulla kehittää …")
    if _last_part(head) in OWN_QUALITIES and not (_last_part(head) == "kyky" and any(
            c.dep_.startswith("nmod") and token_case(c) == "+gen" and noun_class(c.text) != "person"
            for c in head.children)) or _agent_noun(head):
        return True  # ("radiojärjestelmien suorituskyky" is the systems' capacity: content)
    if unanchored(head, toks):
        return True
    return not person_ok and noun_class(head.text) == "person"  # (the text's own "ohjata asiakasta" is fine)


def build(items: list[Item], text: str = "") -> list[Built]:
    """Statements from the content items of a text, at most ``OUTCOMES.max_outcomes``, one per object head; none
    for a language course (``text``: the whole text)."""
    from ..settings import get_settings
    from ..text.resources import get_nlp

    candidates = [i for i in items if i.section in ("content", "text")]
    if not candidates or is_language_course(text):
        return []
    joined = [join_elliptic(i.text) for i in candidates]
    docs = get_nlp().pipe([t for t, _ in joined], batch_size=get_settings().spacy_batch_size)
    out: list[Built] = []
    seen: set[str] = set()
    for item, (_, back), doc in zip(candidates, joined, docs):
        if item.frame == "content" and not any(t.pos_ in ("VERB", "AUX") for t in doc):
            made = [b for b in [from_content_item(item, doc)] if b]
        else:
            made = from_sentence(item, doc)
        for b in made:
            b.text, b.object = unjoin(b.text, back), unjoin(b.object, back)
            key = b.object.lower()
            if key in seen:
                continue
            seen.add(key)
            out.append(b)
    return out[:OUTCOMES.max_outcomes]
