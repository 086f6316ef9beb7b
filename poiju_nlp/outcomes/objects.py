"""The object of an ability: its head word, its class (corpora/verbs/noun_classes.tsv) and its re-inflection into
the case a replacement verb governs (pypykko), with the words that agree with it."""
from __future__ import annotations

import re
from functools import lru_cache

from .parse import _CLAUSE_WORDS, Ability, _scope_root, token_case
from ..text.runon import _voikko_readings
from .verbs import load_fit
from .wording import _second_person_possessive

# Course activities: what is done on the course, not what is learned.
TEACHING_ACTIVITIES = {"harjoittelu", "harjoitus", "opiskelu", "kertaus", "luento", "vierailu", "ekskursio",
                       "tehtävä", "seminaari", "työpaja", "projektityö", "ryhmätyö", "tentti", "essee"}
_OBJECT_DEPS = ("obj", "obl", "nsubj:cop", "nsubj", "xcomp", "nmod", "obl:arg")


def object_head(ability: Ability):
    """The head word of what the verb acts on: its object, or its governed complement; None when it has none."""
    toks = ability.tokens
    if not toks:
        return None
    if ability.kind != "copula" and toks[0].lower_ in _CLAUSE_WORDS or any(
            t.dep_ in ("ccomp", "csubj") and t.head.i == ability.verb_index for t in toks):
        return "clause"
    ids = {t.i for t in toks}
    direct = [t for t in toks if t.head.i == ability.verb_index and t.dep_ in _OBJECT_DEPS
              and t.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM")]
    if ability.shared and not direct:
        # the borrowed words hang on the other verb: their top noun
        direct = [t for t in toks if t.head.i not in ids and t.pos_ in ("NOUN", "PROPN", "PRON")]
    if not direct:
        direct = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
    objs = [t for t in direct if t.dep_ in ("obj",)] or direct
    return objs[0] if objs else None


@lru_cache(maxsize=20_000)
def noun_class(word: str) -> str:
    """The object class of a noun form by its base form, its last compound part or its derivation."""
    from ..text import voikko_info

    from ..text.inflect import pykko_lemmas

    table = load_fit().noun_class
    joined = re.split(r"-(?:ja|tai|sekä)-", word)
    if len(joined) > 1:
        word = joined[-1]  # "tulityö-ja-työturvallisuuskoulutuksen": the class of the last compound
    info = voikko_info(word)
    base = (info.baseform or word).lower()
    last = info.compound_parts[-1].base.lower() if info.compound_parts else base
    for lemma in [base, *pykko_lemmas(word.lower())]:  # Voikko gives 'osata' for 'osaamistaan'
        if lemma in table:
            return table[lemma]
    if any(a.get("MOOD") == "MINEN-infinitive" for a in _voikko_readings(word)) or base in TEACHING_ACTIVITIES \
            or last in TEACHING_ACTIVITIES:
        return "activity"
    if info.compound_parts and len(info.compound_parts) > 1:
        last = info.compound_parts[-1].base.lower()
        if last in table and table[last] != "skill":  # 'aikakäsitys' is a topic; own skills are listed whole
            return table[last]
        if last.endswith("minen"):
            return "activity"
    if base.endswith("minen") or any(lemma.endswith("minen") for lemma in pykko_lemmas(word.lower())):
        return "activity"
    if info.compound_parts and any(p in (info.compound_parts[-1].base.lower(),) for p in TEACHING_ACTIVITIES):
        return "activity"
    if "-" in base:
        tail = base.rpartition("-")[2]
        if tail in table:
            return table[tail]
    return "topic"


def object_class(ability: Ability, head) -> str:
    if head is None:
        return "topic"
    if head == "clause":
        return "clause"
    cls = noun_class(head.text)
    if cls == "skill" and any(c.dep_ in ("nmod:poss", "nmod:gsubj") and c.pos_ in ("NOUN", "PROPN")
                              and noun_class(c.text) == "person" for c in head.children):
        return "topic"  # "asiakkaan toimintakyky" is someone else's ability: a topic, not the learner's own
    if cls in ("topic", "activity") and (head.morph.get("Person[psor]") == ["3"]
                                         or _second_person_possessive(head.text) is not None):
        return "skill"  # "kehittää hallintaansa", "syventää ilmaisuaan": one's own ability
    return cls


def _phrase_tokens(head, tokens) -> list:
    """The head and the words that agree with it (adjectives, participles, determiners, numerals) and coordinated
    heads with theirs; genitive modifiers and other dependents keep their form. [] when coordinated heads are in
    different cases (the parse, or the text, is off)."""
    ids = {t.i for t in tokens}
    out = [head]
    case = token_case(head)
    total = {"+nom", "+gen"}
    for c in head.children:
        if c.i not in ids:
            continue
        if c.dep_ in ("amod", "det", "nummod", "acl") and token_case(c) == case and c.i < head.i:
            out.append(c)
            out += [g for g in c.children if g.dep_ == "conj" and token_case(g) == case and g.i in ids]
        elif c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
            if token_case(c) != case and not {token_case(c), case} <= total:
                return []
            if token_case(c) != case and any(t.morph.get("Number") == ["Sing"] and token_case(t) == "+nom"
                                             for t in (c, head)):
                return []  # a singular nominative beside a genitive object: the text is off ('elokuva ja …')
            more = _phrase_tokens(c, tokens)
            if not more:
                return []
            out += more
    return out


def _noun_reading(word: str) -> bool:
    """Voikko reads the form as a noun (or does not know it: a name or a new compound is left to the other checks)."""
    readings = _voikko_readings(word)
    return not readings or any(a.get("CLASS") in ("nimisana", "nimisana_laatusana", "etunimi", "sukunimi",
                                                  "paikannimi", "nimi") for a in readings)


def _same_lemma(old: str, new: str) -> bool:
    """A re-inflected word is still the same word ('tavoitteisiin' must not become 'tavoitteisista' of
    'tavoitteinen')."""
    from ..text import voikko_info

    a, b = voikko_info(old).baseform, voikko_info(new).baseform
    return bool(b) and (not a or a.lower() == b.lower())


EXAMPLE_WORDS = {"kuten", "esim", "esimerkiksi", "mm", "muun", "etenkin", "erityisesti", "varsinkin"}


def cut_examples(tokens) -> list:
    """The tokens up to the examples ('… erityiskysymyksiä, kuten X, Y'): examples are not re-inflected with the
    head, so a statement whose case changes leaves them out."""
    for k, t in enumerate(tokens):
        if t.lower_ == "muun" and not (k + 1 < len(tokens) and tokens[k + 1].lower_ == "muassa"):
            continue  # 'karttojen, kuvien ja muun geomedian avulla' is no example
        if k and t.lower_.rstrip(".") in EXAMPLE_WORDS:
            out = list(tokens[:k])
            while out and (out[-1].is_punct or out[-1].lower_ in ("ja", "sekä")):
                out.pop()
            kept = {x.i for x in out}
            if any(x.head.i not in kept and x.head.i in {y.i for y in tokens} for x in out):
                return []  # a kept word hangs on a cut one ('X:n, kuten Y:n, avulla'): nothing whole is left
            return out
    return list(tokens)


_UPOS_PYKKO = {"NOUN": ("noun", "noun-pl"), "PROPN": ("proper", "noun"), "ADJ": ("adjective", "participle"),
               "VERB": ("participle", "adjective"), "DET": ("pronoun", "adjective"), "PRON": ("pronoun",),
               "NUM": ("numeral",)}


def _recase_reading(tok, source: str, target: str) -> str | None:
    """The word in ``target`` case, from the pypykko reading that is the same word the parser saw (same lemma and
    part of speech): 'rakenteisiin' of 'rakenne', not of the adjective 'rakenteinen'."""
    from ..text import voikko_info
    from ..text.inflect import recase, recase_reading
    from ..text.resources import get_pykko

    pykko = get_pykko()
    word = tok.text
    lemmas = {tok.lemma_.lower(), (voikko_info(word).baseform or "").lower()}
    pos = _UPOS_PYKKO.get(tok.pos_, ())
    readings = [a for a in pykko.utils.analyze(word.lower()) if source in a.morphtags]
    fitting = [a for a in readings if a.lemma.replace("|", "").lower() in lemmas and (not pos or a.pos in pos)] \
        or [a for a in readings if pos and a.pos in pos] \
        or [a for a in readings if a.lemma.replace("|", "").lower() in lemmas]
    if readings and not fitting:
        return None  # every reading is another word: do not guess
    for a in fitting or readings:
        form = recase_reading(word, a, source, target)
        if form:
            return form
    return recase(word, source, target) if not readings else None


def recase_edits(head, tokens, target: str) -> dict[int, str] | None:
    """Edits that put the object phrase into ``target`` case ('+ela', '+par'); None when a word cannot be
    re-inflected (the statement is then not proposed)."""
    from ..text.inflect import recase

    if not token_case(head):
        return None
    if token_case(head) == target:
        return {}
    edits = {}
    phrase = _phrase_tokens(head, tokens)
    if not phrase:
        return None
    for t in phrase:
        source = token_case(t)
        if not source:
            return None
        if source == target:
            continue
        new = _recase_reading(t, source, target)
        if new is None and source == "+gen":  # a plural total object is nominative: "perusteet"
            new = _recase_reading(t, "+nom", target)
        if new is None or not _same_lemma(t.text, new) or t.pos_ == "NOUN" and not _noun_reading(new):
            return None  # ('rakenteisiin' -> 'rakenteisista' of the adjective 'rakenteinen')
        edits[t.i] = new
    # every word of the phrase in the old case must have moved: a left-over ('monimuotoisiin erittelevistä',
    # 'siihen pohjautuviin … peruskaavoista') means the parse split the phrase, and the statement would be wrong
    ids = {x.i for x in tokens}
    heads = [x for x in phrase if x.i == head.i or x.dep_ == "conj"]
    for h in heads:
        old = h.morph.get("Case")
        for t in h.subtree:
            if t.i in edits or t.i not in ids or t.i >= h.i or t.head.i == t.i:
                continue
            if t.morph.get("Case") == old and t.pos_ in ("ADJ", "NOUN", "VERB", "DET", "NUM", "PROPN") \
                    and t.dep_ not in ("nmod:poss", "nmod", "obl") and t.head.i in edits:
                return None
    return edits


# Nouns that name a part, a relation or a property of something else ("vaiheet", "tulokset", "suhde",
# "ominaisuudet"): alone they do not say of what. Base forms; a compound is anchored by its first part
# ("elämänvaiheet"). Statements built from content need the anchor for all of them; an author's statement only for
# the emptiest (the author's adjectives often carry the meaning: "noudattaa eettisiä periaatteita").
RELATIONAL = {"suhde", "merkitys", "vaikutus", "vaihe", "tulos", "rooli", "asema", "osuus", "ero", "yhteys",
              "kehitys", "synty", "rakenne", "ominaisuus", "piirre", "erityispiirre", "edellytys", "haaste",
              "mahdollisuus", "syy", "seuraus", "periaate", "tehtävä", "tavoite", "käyttö", "sisältö", "muoto",
              "tyyppi", "lähtökohta", "perusta", "peruste", "monimuotoisuus", "tausta", "luonne", "kriteeri", "osa",
              "keino", "hyöty", "vaatimus", "tarve", "perusasia", "toiminta", "arvo", "laji", "puoli"}
AUTHOR_RELATIONAL = {"vaihe", "tulos", "ero", "osa", "seuraus", "suhde", "puoli", "toiminta", "suuntaus", "komponentti"}


def unanchored(head, tokens, nouns=frozenset(RELATIONAL)) -> bool:
    """A relational noun without a genitive or possessive that says whose it is ('Osaat kuvata vaiheet', 'suhde
    muihin uskontoihin'): the statement would not say what it is about."""
    from ..text import voikko_info

    base = (voikko_info(head.text).baseform or head.lemma_ or "").lower()
    if base not in nouns:
        return False
    ids = {t.i for t in tokens}
    if head.morph.get("Person[psor]") or _second_person_possessive(head.text) is not None:
        return False
    return not any(c.i in ids and (c.dep_.startswith("nmod") and token_case(c) == "+gen" or c.dep_ == "nmod:poss"
                                   or c.pos_ == "PRON" and c.dep_ == "det")
                   for c in head.children)


def _last_part(tok) -> str:
    from ..text import voikko_info

    info = voikko_info(tok.text)
    return (info.compound_parts[-1].base if info.compound_parts else info.baseform or tok.lemma_ or "").lower()


def _agent_noun(tok) -> bool:
    """A person named by what they do ('puhuja', 'käyttäjä': Voikko's derivation '+ja')."""
    readings = _voikko_readings(tok.text)  # every reading: "tietosuoja" is also "tieto + suo-ja" to Voikko
    return bool(readings) and all(re.search(r"\(\+j[aä]\)$", a.get("WORDBASES", "")) for a in readings)


def _lost_modifier(doc, head, toks) -> bool:
    """The word right before the object's head can be an adjective agreeing with it but the parse left it out
    ('kulttuurista moninaisuutta': 'kulttuurista' read as 'from culture'): the object would lose a defining word."""
    from .propose import _number_cases

    i = head.i - 1
    if i < 0 or doc[i].i in {t.i for t in toks} or not doc[i].is_alpha:
        return False
    prev = doc[i]
    return bool(_number_cases(prev.text) & _number_cases(head.text)) and any(
        a.get("CLASS") in ("laatusana", "nimisana_laatusana") for a in _voikko_readings(prev.text))


def _is_name(tok) -> bool:
    """A name keeps its capital ('Suomen', 'Rooman'); a sentence-initial common noun does not ('Animaation',
    'Riskin': Voikko also knows a surname Riski, but a common noun reading wins over a personal name)."""
    readings = _voikko_readings(tok.text)
    classes = {a.get("CLASS") for a in readings}
    if tok.text.isupper() or "paikannimi" in classes:
        return True
    return bool(classes & {"etunimi", "sukunimi", "nimi"}) and not classes & {"nimisana", "laatusana",
                                                                              "nimisana_laatusana"}


# A language course: its content lists are themes to talk and write about in the language ("hyvinvointi ja
# terveys", "ajankohtaiset kulttuuriaiheet"), not subject knowledge; a statement built from them loses the language.
LANGUAGE_COURSE = re.compile(
    r"\b(?:taitotaso\w*|[ABC][1-3](?:\.\d)?(?:[–-][ABC][1-3](?:\.\d)?)?|[ABC]\d?-oppimäär\w*|kielitaito\w*|"
    r"CEFR|viitekehy\w*|"
    r"kohdekiel\w*|(?:ruotsin|englannin|saksan|ranskan|espanjan|venäjän|italian|japanin|kiinan|saamen|"
    r"portugalin|latinan|viron|arabian|korean|suomen) kiel\w*|vieras\w* kiel\w*|toisen kotimaisen|aakkos\w*|"
    r"kieliop\w*|ääntämi\w*|sanajärjesty\w*|lukusan\w*)\b")


def is_language_course(text: str) -> bool:
    return bool(LANGUAGE_COURSE.search(text))


# Manner adverbs that say how the course goes, not what is learned.
TEACHING_MANNER = {"lyhyesti", "yleisesti", "monipuolisesti", "erityisesti", "käytännönläheisesti", "tarkemmin",
                   "syvällisesti", "laajasti", "alustavasti"}


# Where and how a course is taught ('kurssilla', 'luennoilla', 'esimerkkien avulla', 'studiotyöskentelyn kautta'):
# a setting of the teaching, not part of what is learned.
SETTING_WORDS = TEACHING_ACTIVITIES | {"kurssi", "opintojakso", "jakso", "moduuli", "opetus", "esimerkki", "käytäntö",
                                       "tunti", "ryhmä", "pari", "verkko", "studio", "laboratorio", "työskentely",
                                       "lähiopetus", "etäopetus", "tapaaminen", "teoria", "kurssikerta"}
SETTING_POSTPOSITIONS = {"avulla", "kautta", "aikana", "kanssa", "lisäksi", "ohella", "yhteydessä", "myötä"}


def _teaching_setting(tok) -> bool:
    from .parse import _base

    last = (_base(tok) or "").split("|")[-1]
    if tok.lower_ in SETTING_POSTPOSITIONS:
        return True  # ('teorian ja käytännön avulla': the parser made 'avulla' the head)
    if tok.morph.get("Case") == ["Ess"] and last.endswith(("aika", "aikakausi", "vuosisata", "kausi")):
        return False  # a time ('eri aikoina ja eri kulttuureissa') says what the content is
    return tok.morph.get("Case") in (["Ess"], ["Ins"], ["Abe"], ["Com"]) or tok.pos_ in ("VERB", "AUX") or any(
        last.endswith(w) for w in SETTING_WORDS) or any(
        c.dep_ == "case" and c.lower_ in SETTING_POSTPOSITIONS for c in tok.children) or tok.lower_ in (
        "esimerkiksi", "esim", "mm", "myös", "lisäksi", "erityisesti")


def with_scope(doc, verb, toks: list, own: bool) -> list | None:
    """The object's words with what follows them and says what the content is ('tarkastellaan X:n toimintaa
    termodynamiikan näkökulmasta', 'perehdytään ihmisen toimintaan eri aikoina ja eri kulttuureissa', the text's own
    'soveltaa teoriaa elokuvien analysointiin', 'Tutki merkkejä historiallisesti ja rakenteellisesti'), up to the
    first setting of the teaching ('esimerkkien avulla', 'luennoilla'); None when a limit of the content stands
    elsewhere and would be lost."""
    ids = {t.i for t in toks}
    obj = next((t for t in toks if t.head.i == verb.i), None)
    obj_case = obj.morph.get("Case") if obj is not None else None
    while toks and toks[-1].i + 1 < len(doc):
        nxt = doc[toks[-1].i + 1]
        dep = nxt
        while dep.head.i != verb.i and dep.head.i != dep.i:
            dep = dep.head
        if dep.head.i != verb.i or dep.i in ids or dep.dep_ not in ("obl", "advmod"):
            break
        manner = own and dep.lower_.endswith("sti") and dep.lower_ not in TEACHING_MANNER
        if dep.dep_ == "advmod" and not (manner or _scope_root(dep)) or dep.dep_ == "obl" and _teaching_setting(dep):
            break
        span = sorted(t.i for t in dep.subtree)
        if span[0] != nxt.i or span != list(range(span[0], span[-1] + 1)) or any(
                doc[i].text in (":", ";") or doc[i].morph.get("Person[psor]") or doc[i].dep_ == "cc" and i == span[0] or
                doc[i].pos_ == "NOUN" and obj_case and doc[i].morph.get("Case") == obj_case for i in span):
            break  # (a possessive there is the object's, not the learner's: 'tekstejä eri muodoissaan'; a noun in
            # the object's case is one more item of it the parse hung on the limit: '… sekä X:n periaatteisiin
            # muotoilun näkökulmasta')
        toks = toks + [doc[i] for i in span if not doc[i].is_punct or i < span[-1]]
        ids |= set(span)
    for c in verb.children:
        manner = own and c.dep_ == "advmod" and c.lower_.endswith("sti") and c.lower_ not in TEACHING_MANNER
        if c.dep_ in ("obl", "advmod") and (manner or _scope_root(c)) and not {t.i for t in c.subtree} <= ids:
            return None
    return toks
