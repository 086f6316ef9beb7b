"""Check learning-outcome statements: one measurable verb, an object, short, learner-centred, assessable.

Decisions are made on spaCy's dependency parse and Voikko/spaCy base forms, so "ymmärrät", "ymmärtää" and
"ymmärretään" are all the verb *ymmärtää*; surface strings are never matched.

>>> [p.kind for p in check(["Opiskelija ymmärtää ja osaa arvioida asiakkaan palvelutarvetta."]).items[0].problems]
['vague_verb', 'several_verbs']
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..errors import InputError
from ..settings import OUTCOMES
from .verbs import load_verbs

KINDS = ["vague_verb", "several_verbs", "no_object", "too_long", "passive_or_teacher", "not_assessable"]

# Verbs whose learning cannot be observed: corpora/verbs/avoid_verbs.tsv (data, with reasons and alternatives),
# except the ones that are only vague alone ("osaa", "saa valmiuksia") and are handled as wrappers below.
ALONE_ONLY = {"osata", "saada"}
VAGUE = frozenset(set(load_verbs().avoid) - ALONE_ONLY)
# Attitudes and feelings: worth having, but not assessable as learning outcomes.
NOT_ASSESSABLE_VERBS = {"arvostaa", "kokea", "nauttia", "haluta", "sitoutua", "luottaa", "kunnioittaa", "innostua",
                        "kiinnostua", "motivoitua", "suhtautua", "rohkaistua", "välittää", "uskaltaa", "viihtyä"}
NOT_ASSESSABLE_WORDS = {"innostunut", "kiinnostunut", "motivoitunut", "sitoutunut", "halukas", "asenne",
                        "myönteinen", "myönteisesti", "innostua", "kiinnostua", "motivoitua"}
FEELINGS = {"empatia", "myötätunto", "ylpeys", "vastuu", "ilo", "kiinnostus", "arvostus", "tyytyväisyys",
            "turvallisuudentunne", "halu", "innostus", "luottamus", "nöyryys", "kunnioitus"}
# "osaat arvioida": the wrapper is not the outcome verb; the infinitive it governs is.
WRAPPERS = {"osata", "pystyä", "kyetä", "oppia", "opetella", "olla"}
TEACHING_SUBJECTS = {"kurssi", "opintojakso", "opettaja", "koulutus", "opetus", "luento", "jakso", "moduuli",
                     "kouluttaja", "ohjaaja", "opintokokonaisuus"}
GIVING_VERBS = {"antaa", "tarjota", "opettaa", "esitellä", "välittää"}
# What a teacher does to the learner's knowledge ("lisätä opiskelijan tietoisuutta", "syventää opiskelijoiden
# ymmärrystä"): an aim of the teaching, not what the learner can do ('tukea', 'ohjata' are left out: a mentor supports
# a student's learning; 'perehdyttää muita opiskelijoita' is a skill).
TEACHER_AIM_VERBS = GIVING_VERBS | {"lisätä", "syventää", "vahvistaa", "herättää", "laajentaa", "perehdyttää",
                                    "tutustuttaa", "kasvattaa"}
LEARNER_BASES = {"opiskelija", "osallistuja", "oppija"}
# Object relations of the dependency parse; obl in these cases is a verb's governed complement
# ("ohjata hoitoon", "keskustella asiasta", "toimia johtajana"), in locative cases only a setting.
OBJECT_DEPS = {"obj", "ccomp", "nsubj:cop"}
GOVERNED_OBL_CASES = {"Ill", "Ela", "All", "Ess", "Tra", "Abl", "Par"}
BLOOM_HINT = "arvioida, laatia, selittää, tunnistaa tai soveltaa"
# Knowledge and readiness as a thing one gets, has or grows ("saa valmiuksia", "omaa ymmärryksen", "syventää
# tuntemustaan", "Opiskelijalla on käsitys"): the main verb then says nothing one can observe. Base forms; a compound
# counts by its last part ("perustietämys"), except the exact words (a "laadunhallinta" is a method, not knowing).
KNOWLEDGE_NOUNS = ("valmius", "ymmärrys", "tietämys", "tuntemus", "käsitys", "tietous", "tietoisuus",
                   "kokonaiskuva", "tietopohja", "perustieto")
KNOWLEDGE_EXACT = {"tieto", "hallinta", "ymmärtäminen", "tunteminen", "tietäminen", "hallitseminen"}
GAINING_VERBS = {"saada", "omata", "kehittää", "vahvistaa", "lisätä", "monipuolistaa", "syventää", "laajentaa",
                 "hankkia", "kartuttaa", "kasvattaa", "parantaa", "osata", "olla", "saavuttaa", "syventyä"}
# Growing one's own skills ("kehittää taitojaan", "vahvistaa tiedonhakutaitojaan", "monipuolistaa
# vuorovaikutustaitojaan"): like syventää and laajentaa, it says nothing one can observe after the course.
GROWING_VERBS = {"kehittää", "vahvistaa", "monipuolistaa", "lisätä", "parantaa", "syventää", "laajentaa",
                 "kasvattaa"}
OWN_SKILL_NOUNS = ("taito", "osaaminen", "kyky", "valmius", "tietämys", "tuntemus", "ymmärrys")
# "on tietoinen X:stä", "on selvillä X:stä": knowing, said with an adjective.
KNOWING_WORDS = {"tietoinen", "selvillä", "perillä"}


@dataclass
class Problem:
    kind: str
    reason: str
    suggestion: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class CheckedOutcome:
    text: str
    problems: list[Problem] = field(default_factory=list)
    verbs: list[str] = field(default_factory=list)  # the outcome verbs found (base forms)

    @property
    def kinds(self) -> list[str]:
        return [p.kind for p in self.problems]

    def to_dict(self) -> dict:
        return {"text": self.text, "problems": [p.to_dict() for p in self.problems], "verbs": self.verbs}


@dataclass
class OutcomeCheck:
    items: list[CheckedOutcome]

    def to_dict(self) -> dict:
        return {"items": [i.to_dict() for i in self.items],
                "ok": sum(not i.problems for i in self.items), "total": len(self.items)}


def _bases(tok) -> set[str]:
    return {b for b in ((tok.baseform or "").lower(), (tok.lemma or "").lower()) if b}


def _children(tokens, head: int):
    return [t for t in tokens if t.head == head and t.i != head]


def _in_subordinate(tokens, tok) -> bool:
    """Inside a relative or adverbial clause, or a participle: describes the object, not the outcome."""
    seen = set()
    while tok.head != tok.i and tok.i not in seen:
        seen.add(tok.i)
        if tok.dep in ("acl:relcl", "advcl") or (tok.dep == "acl" and tokens[tok.head].pos in ("NOUN", "PROPN")):
            return True
        tok = tokens[tok.head]
    return False


def _outcome_verbs(tokens) -> list:
    """The statement's action verbs: finite verbs and A-infinitives of the main clause, wrappers excluded."""
    found = []
    for t in tokens:
        if t.pos not in ("VERB",) or t.morph.get("VerbForm") not in ("Fin", "Inf") or not _voikko_verb(t.text):
            continue
        if t.dep not in ("ROOT", "xcomp", "conj", "acl", "csubj:cop", "csubj", "xcomp:ds"):
            continue
        if _in_subordinate(tokens, t) or _in_clause(tokens, t, "ccomp"):
            continue
        if t.morph.get("Voice") == "Pass" and t.dep != "ROOT":  # "esitellään ja keskustellaan": one teaching act
            continue
        kids = _children(tokens, t.i)
        bases = _bases(t)
        # osata/oppia/haluta + infinitive: the infinitive carries the outcome
        if bases & (WRAPPERS | NOT_ASSESSABLE_VERBS) and any(k.pos == "VERB" and k.dep in ("xcomp", "acl", "conj") and
                                    k.morph.get("VerbForm") == "Inf" for k in kids):
            continue
        if bases & {"osata", "olla"}:
            continue
        found.append(t)
    return found


_VERB_MOODS = {"indicative", "imperative", "conditional", "potential", "A-infinitive", "MA-infinitive"}


def _voikko_verb(word: str) -> bool:
    """Voikko reads the word as a verb form that can carry an outcome (not a participle or a noun the tagger
    mistook for a verb: 'käyttämiisi', 'harrastuneisuudestasi', 'alasi')."""
    from ..text.resources import voikko_analyze

    readings = voikko_analyze(word)
    if not readings:
        return True  # unknown to Voikko: trust the parse
    return any(a.get("CLASS") == "teonsana" and a.get("MOOD") in _VERB_MOODS for a in readings)


def _in_clause(tokens, tok, dep: str) -> bool:
    seen = set()
    while tok.head != tok.i and tok.i not in seen:
        seen.add(tok.i)
        if tok.dep == dep:
            return True
        tok = tokens[tok.head]
    return False


def _ccomp_verbs(tokens) -> list:
    """Coordinated verbs inside an object clause ("opetetaan, miten X suunnitellaan ja toteutetaan")."""
    return [t for t in tokens if t.pos == "VERB" and t.morph.get("VerbForm") in ("Fin", "Inf")
            and _in_clause(tokens, t, "ccomp") and (t.dep == "ccomp" or t.dep == "conj")]


def _suggestion_for(verb: str) -> str:
    table = load_verbs()
    entry = table.avoid.get(verb)
    if entry and entry.alternatives:
        return f"Käytä verbin '{verb}' sijaan havaittavaa verbiä: {', '.join(entry.alternatives[:4])}."
    return f"Käytä havaittavaa verbiä, esimerkiksi {BLOOM_HINT}."


def _measurable(verb: str) -> str:
    """The verb itself, or for a vague verb its first measurable alternative ("ymmärtää" -> "selittää")."""
    entry = load_verbs().avoid.get(verb)
    if verb in VAGUE or verb in NOT_ASSESSABLE_VERBS:
        return entry.alternatives[0] if entry and entry.alternatives else "kuvata"
    return verb


def check_statement(analysis, original: str | None = None) -> CheckedOutcome:
    """Check one analysed statement (a ``TextAnalysis`` of one outcome); ``original`` is the statement as written
    when the analysed text was prepared for the parser (joined compounds): its words are the ones counted."""
    tokens = analysis.tokens
    text = (original if original is not None else analysis.text).strip()
    item = CheckedOutcome(text=text)
    verbs = _outcome_verbs(tokens)
    item.verbs = [t.base for t in verbs]
    words = text.split()

    # --- not assessable (checked first: "tuntee empatiaa" is a feeling, not vague knowledge) ---------------
    feeling_tuntea = set()
    attitude = None
    for t in tokens:
        b = _bases(t)
        if "tuntea" in b and t.pos == "VERB" and any(
                _bases(k) & FEELINGS for k in _children(tokens, t.i) if k.dep in ("obj", "obl")):
            feeling_tuntea.add(t.i)
            attitude = t
        elif (b & NOT_ASSESSABLE_VERBS and t.pos in ("VERB", "AUX") and t.morph.get("VerbForm") != "Part") \
                or (b & NOT_ASSESSABLE_WORDS):
            attitude = attitude or t
    if attitude is not None:
        item.problems.append(Problem(
            "not_assessable",
            f"'{attitude.text}' kuvaa asennetta tai tunnetta. Sitä ei voi arvioida eikä mitata.",
            "Kirjoita, mitä opiskelija tekee, kun asenne näkyy työssä: esim. 'Osaat ottaa asiakkaan toiveet "
            "huomioon hoitosuunnitelmassa.'"))

    # --- vague verb -------------------------------------------------------------------------------------------
    # a vague verb by its base form and Voikko's verb reading, whatever the tagger says: a sentence-initial
    # "Hallitset" or "Syvennät" is often tagged as an adjective or a noun
    vague = [t for t in tokens if _bases(t) & VAGUE and t.i not in feeling_tuntea
             and (t.pos in ("VERB", "AUX") and t.morph.get("VerbForm") != "Part" or _voikko_verb(t.text)
                  and t.pos in ("ADJ", "NOUN", "PROPN", "ADV")) and not _wraps_action(tokens, t)]
    if vague:
        t = vague[0]
        verb = sorted(_bases(t) & VAGUE)[0]
        item.problems.append(Problem(
            "vague_verb",
            f"Verbi '{verb}' ('{t.text}') kuvaa tietoa päässä. Sitä ei voi havaita eikä arvioida.",
            _suggestion_for(verb)))
    else:
        found = _vague_phrase(tokens)
        if found:
            words_found, verb = found
            item.problems.append(Problem(
                "vague_verb",
                f"'{words_found}' kertoo tiedosta tai valmiudesta, ei teosta. Sitä ei voi havaita eikä arvioida.",
                _suggestion_for(verb)))

    # --- several verbs ----------------------------------------------------------------------------------------
    counted = verbs
    if len(verbs) < 2 and len(_ccomp_verbs(tokens)) >= 2:
        counted = verbs + _ccomp_verbs(tokens)
    distinct = []
    for t in counted:
        if t.base not in distinct:
            distinct.append(t.base)
    if len(distinct) >= 2:
        item.problems.append(Problem(
            "several_verbs",
            f"Tavoitteessa on {len(distinct)} verbiä ({', '.join(distinct)}). Yhdestä tavoitteesta ei voi antaa "
            "arvosanaa, jos osaa siitä täyttyy.",
            f"Jaa se {len(distinct)} tavoitteeksi, yksi verbi kussakin: "
            + " / ".join(f"'Osaat {_measurable(v)} …'" for v in distinct[:3]) + "."))

    # --- no object --------------------------------------------------------------------------------------------
    if verbs and attitude is None and not any(_has_object(tokens, t) for t in verbs):
        item.problems.append(Problem(
            "no_object",
            f"Verbillä '{verbs[0].base}' ei ole kohdetta: tavoitteesta ei selviä, mitä opiskelija osaa.",
            f"Lisää kohde: 'Osaat {verbs[0].base} mitä? (esim. asiakkaan kipua, työpaikan riskejä)'."))
    elif not verbs and not vague and attitude is None and not _teacher_centred(tokens):
        item.problems.append(Problem(
            "no_object",
            "Tavoitteesta puuttuu toimintaa kuvaava verbi ja sen kohde.",
            f"Kirjoita muotoon 'Osaat <verbi> <kohde>', esim. verbillä {BLOOM_HINT}."))

    # --- too long ---------------------------------------------------------------------------------------------
    if len(words) > OUTCOMES.max_words:
        item.problems.append(Problem(
            "too_long",
            f"Tavoitteessa on {len(words)} sanaa (yli {OUTCOMES.max_words}). Pitkä tavoite sisältää yleensä "
            "monta tavoitetta.",
            "Lyhennä yhteen lauseeseen, jossa on yksi verbi ja yksi kohde; siirrä luettelot kurssin sisältöihin."))

    # --- passive or teacher-centred ---------------------------------------------------------------------------
    teacher = _teacher_centred(tokens)
    if teacher:
        item.problems.append(Problem(
            "passive_or_teacher",
            f"Tavoite kuvaa opetusta ({teacher}), ei sitä, mitä opiskelija osaa kurssin jälkeen.",
            "Kirjoita opiskelijan näkökulmasta: 'Osaat …' ja verbi, joka kertoo, mitä opiskelija tekee."))
    return item


def _perfect(tokens, tok) -> bool:
    """'on tutustunut', 'olet perehtynyt': a past participle with 'olla' is a perfect tense, a finite verb."""
    if tok.morph.get("VerbForm") != "Part":
        return False
    return any(k.dep == "aux" and "olla" in _bases(k) for k in _children(tokens, tok.i)) or (
        tok.i > 0 and "olla" in _bases(tokens[tok.i - 1]) and tokens[tok.i - 1].pos in ("AUX", "VERB"))


def _verb_bases(tok) -> set[str]:
    """Base forms of a verb token, for a participle also the verb's ('saanut' -> 'saada')."""
    from .parse import verb_base

    return _bases(tok) | ({verb_base(tok.text)} - {""})


def _is_knowledge_noun(tok) -> bool:
    if tok.pos not in ("NOUN", "PROPN", "ADJ"):
        return False
    bases = _bases(tok)
    last = tok.compound_parts[-1].base.lower() if tok.compound_parts else ""
    return bool(bases & KNOWLEDGE_EXACT) or any(b.endswith(KNOWLEDGE_NOUNS) for b in bases) or last in (
        KNOWLEDGE_NOUNS)


def _infinitive_follows(tokens, tok) -> bool:
    """The first word after ``tok`` that is not an adverb can be an infinitive ('osaa itsenäisesti laatia')."""
    from ..text.resources import voikko_analyze

    nxt = next((t for t in tokens[tok.i + 1:] if t.pos != "ADV"), None)
    return nxt is not None and any(a.get("CLASS") == "teonsana" and a.get("MOOD") in ("A-infinitive", "MA-infinitive")
                                   for a in voikko_analyze(nxt.text))


def _own_form(tok) -> bool:
    """A 3rd person possessive form ('taitojaan', 'osaamistaan') by the tagger or pypykko."""
    from ..text import pykko_forms

    return tok.morph.get("Person[psor]") == "3" or any("+poss3" in f for f in pykko_forms(tok.text.lower()))


def _any_infinitive_after(tokens, tok) -> bool:
    from ..text.resources import voikko_analyze

    return any(a.get("CLASS") == "teonsana" and a.get("MOOD") in ("A-infinitive", "MA-infinitive")
               for t in tokens[tok.i + 1:] for a in voikko_analyze(t.text))


def _hyphenated_verb_follows(tokens, tok) -> bool:
    """'osaa 3D-tulostaa X': a verb with a code prefix that Voikko reads only by its last part."""
    from ..text.resources import voikko_analyze

    nxt = tokens[tok.i + 1] if tok.i + 1 < len(tokens) else None
    return nxt is not None and "-" in nxt.text and any(
        a.get("CLASS") == "teonsana" and a.get("MOOD") == "A-infinitive"
        for a in voikko_analyze(nxt.text.rpartition("-")[2]))


def _vague_phrase(tokens) -> tuple[str, str] | None:
    """A vague main predicate that is not a vague verb of its own: a perfect tense of a vague verb ('on
    tutustunut'), knowing said with an adjective ('on tietoinen X:stä'), knowledge or readiness as the object of
    getting, having or growing it ('saa valmiuksia', 'omaa ymmärryksen', 'syventää tuntemustaan', 'Opiskelijalla on
    käsitys X:stä'), a knowledge noun as the whole statement ('X:n tuntemus') and 'osaa' with a noun only ('osaa
    solun perusrakennetta'). Returns (the words, the verb for the suggestion)."""
    for t in tokens:
        if _perfect(tokens, t) and _verb_bases(t) & VAGUE and not _in_subordinate(tokens, t) \
                and not (_verb_bases(t) & {"oppia", "opetella", "kehittyä"} and any(
                    k.morph.get("VerbForm") == "Inf" for k in _children(tokens, t.i))):
            return t.text, sorted(_verb_bases(t) & VAGUE)[0]  # ("on oppinut käyttämään X" is an action)
    for t in tokens:
        if _bases(t) & KNOWING_WORDS and (t.dep == "ROOT" or any(
                k.dep == "cop" for k in _children(tokens, t.i))) and not _in_subordinate(tokens, t):
            return t.text, "tietää"
    finite = [t for t in tokens if t.pos in ("VERB", "AUX") and t.morph.get("VerbForm") in ("Fin", "Inf")]
    for n in tokens:
        if not _is_knowledge_noun(n):
            continue
        if n.dep == "ROOT" and not finite:
            return n.text, "tietää"
        k = n
        while k.dep == "conj" and k.head != k.i:
            k = tokens[k.head]
        head = tokens[k.head]
        if head.i == k.i or _in_subordinate(tokens, head) or _in_clause(tokens, head, "ccomp") \
                or head.pos not in ("VERB", "AUX", "ADJ", "NOUN") or head.morph.get("VerbForm") == "Inf":
            continue  # "osaa kehittää lapsen liikuntavalmiuksia" is an action on someone else's readiness
        bases = _verb_bases(head)
        if not bases & GAINING_VERBS or "hankkia" in bases and _bases(n) & {"tieto"}:
            continue  # "hankkii tietoa X:stä" is searching for information, an action
        if "olla" in bases and not (k.dep.startswith("nsubj") and any(
                c.morph.get("Case") == "Ade" for c in _children(tokens, head.i))):
            continue  # "X on tieto": only "Opiskelijalla on tieto X:stä" is having knowledge
        if "osata" in bases and _infinitive_follows(tokens, head) and not k.dep == "obj":
            continue  # "osaa hakea tietoa": an action ("osaa riittävät valmiudet kehittää X" is not)
        if k.dep in ("obj", "nsubj", "nsubj:cop", "obl", "xcomp") or k.dep.startswith("nsubj"):
            return f"{head.text} {n.text}", "saada" if "saada" in bases else "tietää"
    root = next((t for t in tokens if t.dep == "ROOT"), None)
    if root is not None and _verb_bases(root) & (GAINING_VERBS - {"olla", "osata"}) and root.morph.get(
            "VerbForm") != "Inf" and not _infinitive_follows(tokens, root):
        # the parser hung the knowledge noun elsewhere ("saa ymmärryksen työn … vaadittavasta X:stä")
        first = next((n for n in tokens[root.i + 1:] if n.pos not in ("ADV", "ADJ", "DET", "NUM")), None)
        if first is not None and _bases(first) & {"tieto"} and "hankkia" in _verb_bases(root):
            first = None  # "hankkii tietoa X:stä" is searching for information, an action
        noun = first if first is not None and _is_knowledge_noun(first) else next(
            (n for n in tokens[root.i + 1:] if _is_knowledge_noun(n) and not _in_subordinate(tokens, n)
             and not _bases(n) & KNOWLEDGE_EXACT), None)  # (not "taitoa argumentoida tiedon perusteella")
        if noun is not None:
            return f"{root.text} {noun.text}", "saada" if "saada" in _verb_bases(root) else "tietää"
    for t in tokens:
        if t.text.lower() in ("omaa", "omaat", "omaavat"):
            noun = next((n for n in tokens[t.i + 1:] if _is_knowledge_noun(n)), None)
            if noun is not None:  # "omaa perustason ymmärryksen": the tagger reads 'omaa' as the adjective 'oma'
                return f"{t.text} {noun.text}", "tietää"
    for n in tokens:
        head = tokens[n.head]
        if n.pos == "NOUN" and n.dep in ("obj", "obl", "conj") and any(b.endswith(OWN_SKILL_NOUNS) for b in _bases(n)) \
                and (_own_form(n) or any("oma" in _bases(c) for c in _children(tokens, n.i))) \
                and _verb_bases(head) & GROWING_VERBS and head.morph.get("VerbForm") != "Inf" \
                and not _in_subordinate(tokens, head):
            return f"{head.text} {n.text}", "syventää" if "syventää" in _verb_bases(head) else "kehittyä"
    if root is not None and _verb_bases(root) & GROWING_VERBS and root.morph.get("VerbForm") == "Fin":
        first = next((n for n in tokens[root.i + 1:] if n.pos not in ("ADV", "ADJ", "DET", "NUM")), None)
        if first is not None and any(b.endswith(OWN_SKILL_NOUNS) for b in _bases(first)) and _own_form(first):
            return f"{root.text} {first.text}", "kehittyä"  # (the parser may not make it the object)
    for t in tokens:
        if _bases(t) & {"osata", "pystyä", "kyetä"} and t.pos in ("VERB", "AUX") \
                and t.morph.get("VerbForm") == "Fin" \
                and not _any_infinitive_after(tokens, t) and not _hyphenated_verb_follows(tokens, t) and not any(
                    k.morph.get("VerbForm") == "Inf" for k in _children(tokens, t.i)):
            return t.text, "osata"  # "Opiskelija osaa.", "pystyy vuorovaikutukseen": no action
    for t in tokens:
        if "osata" in _bases(t) and t.pos in ("VERB", "AUX") and t.morph.get("VerbForm") == "Fin" \
                and not _infinitive_follows(tokens, t) and not _hyphenated_verb_follows(tokens, t) and any(
                    k.dep == "obj" and k.pos in ("NOUN", "PROPN") for k in _children(tokens, t.i)):
            return t.text, "osata"
    return None


def _wraps_action(tokens, tok) -> bool:
    """'opetellaan tunnistamaan': oppia/opetella with a measurable infinitive is a wrapper, not the vague verb."""
    if not _bases(tok) & {"oppia", "opetella"}:
        return False
    return any(k.pos == "VERB" and k.morph.get("VerbForm") == "Inf" and not _bases(k) & VAGUE
               for k in _children(tokens, tok.i) if k.dep in ("xcomp", "acl"))


def _has_object(tokens, verb) -> bool:
    entry = load_verbs().get(verb.base)
    if entry is not None and entry.object_case == "adv":
        # "toimia hätätilanteessa", "työskennellä ergonomisesti": a place or manner completes the verb
        if any(k.dep.startswith(("obl", "advmod", "advcl", "nmod", "xcomp")) for k in _children(tokens, verb.i)):
            return True
    for k in _children(tokens, verb.i):
        if k.dep in OBJECT_DEPS or (k.dep == "xcomp" and k.pos != "ADV"):
            return True
        if k.dep.startswith("obl") and k.pos in ("NOUN", "PROPN", "PRON") and \
                k.morph.get("Case") in GOVERNED_OBL_CASES:
            return True
        if k.dep == "nsubj" and k.i > verb.i and k.pos in ("NOUN", "PROPN"):  # a parser slip on the object
            return True
    # coordinated verbs share the object ("tunnistaa ja raportoida vaaratapahtumat")
    head = tokens[verb.head]
    if verb.dep == "conj" and head.pos == "VERB" and head.i != verb.i:
        return any(k.dep in OBJECT_DEPS for k in _children(tokens, head.i))
    if any(k.dep == "conj" and k.pos == "VERB" and any(c.dep in OBJECT_DEPS for c in _children(tokens, k.i))
           for k in _children(tokens, verb.i)):
        return True
    # the parser often hangs a genitive object on the next noun ("laskea lääkeannoksen potilaan painon
    # perusteella"): a noun after the verb in an object case, not governed by a postposition, is an object
    for t in tokens[verb.i + 1:]:
        if t.pos in ("NOUN", "PROPN", "PRON") and t.morph.get("Case") in ("Nom", "Gen", "Par", "Acc") and \
                not any(k.dep == "case" for k in _children(tokens, t.i)) and not _in_clause(tokens, t, "acl:relcl") \
                and not _in_clause(tokens, t, "ccomp"):
            return True  # (an agent participle the parser made a clause, 'valitsemallesi', does not hide it)
    return False


def _governing_verb(tokens, t):
    """The verb a word belongs to, through the nouns above it ('lisätä opiskelijan tietoisuutta' -> 'lisätä')."""
    seen = set()
    while t.head != t.i and t.i not in seen:
        seen.add(t.i)
        t = tokens[t.head]
        if t.pos in ("VERB", "AUX"):
            return t
    return None


def _teacher_centred(tokens) -> str:
    """A short description of the teacher-centred construction, or ''."""
    for t in tokens:
        if t.pos in ("VERB", "AUX") and t.morph.get("Voice") == "Pass" and t.morph.get("VerbForm") == "Fin" \
                and not _in_subordinate(tokens, t) and not _in_clause(tokens, t, "ccomp"):
            return f"passiivi '{t.text}'"
    for t in tokens:
        b = _bases(t)
        if t.dep.startswith("nsubj") and b & TEACHING_SUBJECTS:
            return f"tekijänä '{t.text}'"
        if "tavoite" in b and t.morph.get("Case") == "Ess":
            return f"'{t.text}'"
        if "opiskelija" in b and t.morph.get("Case") == "All" and _bases(tokens[t.head]) & GIVING_VERBS:
            return f"'{t.text} {tokens[t.head].text}'"
        if b & LEARNER_BASES and t.morph.get("Case") == "Gen" and t.dep.startswith("nmod"):
            verb = _governing_verb(tokens, t)
            if verb is not None and _bases(verb) & TEACHER_AIM_VERBS:
                return f"'{verb.text} {t.text}'"
        if t.dep == "obj" and _bases(tokens[t.head]) & GIVING_VERBS and any(
                b.endswith(KNOWLEDGE_NOUNS) for b in _bases(t)):
            return f"'{tokens[t.head].text} {t.text}'"  # 'antaa perusymmärrys X:stä': what the course gives
    return ""


def check(outcomes) -> OutcomeCheck:
    """Check statements (a list, or a text with one statement per line; empty lines are skipped)."""
    from ..text import analyze_many, validate_text

    if isinstance(outcomes, str):
        outcomes = outcomes.splitlines()
    statements = [s.strip().lstrip("-•*").strip() for s in outcomes if s and s.strip()]
    if not statements:
        raise InputError("Anna vähintään yksi osaamistavoite (yksi tavoite riviä kohden).")
    from .parse import join_elliptic

    cleaned = [validate_text(s, check_language=False) for s in statements]
    validate_text(" ".join(cleaned))  # language check on the whole set: single short lines are too short to judge
    # "tiedotus- ja esittelyaineistoa" is parsed as one word (the parser otherwise reads 'tiedotus' as a noun of
    # its own); the items keep the text as written
    analyses = analyze_many([join_elliptic(s)[0] for s in cleaned])
    return OutcomeCheck(items=[check_statement(a, text) for a, text in zip(analyses, cleaned)])
