"""Propose 3-6 learning outcomes ("Osaat arvioida muistisairaan asiakkaan kipua.") from a course description.

How (each step is deliberately simple and inspectable):

1. **Objects.** Finnish spaCy has no ``noun_chunks``, so noun phrases are built from the dependency parse: a noun
   head with its adjective (``amod``) and genitive (``nmod:poss/gobj/gsubj``) dependents, plus one coordinated noun
   ("lääkemuodot ja antoreitit"). Generic course words (opintojakso, kurssi, opiskelija, valmius ...) and
   sentences about credits, price and schedule are skipped.
2. **Selection.** Greedy maximum coverage: each step adds the phrase whose e5 vector most raises the mean, over
   the description's content sentences, of the best cosine to any chosen phrase; it stops at 6, or after 3 when
   the gain falls below ``OUTCOMES.coverage_min_gain``.
3. **Verb.** Each chosen phrase gets a Bloom level from a level mix suited to the course level (basic courses
   remember/understand/apply, advanced ones analyse/evaluate/create). Among the table verbs of that level, the verb
   whose *example sentence* is closest (e5 cosine) to the phrase's source sentence wins: the example "Osaat laskea
   lääkeannoksen ..." is near a sentence about "lääkelaskut", so the verb fits the content without a hand-written
   verb-noun list. A verb is used once per proposal.
4. **Inflection.** The head noun goes to the case the verb governs (``object_case``; ``gen`` = total object:
   singular genitive, plural nominative) keeping its number; adjectives agree with it; genitive modifiers stay as
   they are. pypykko generates the forms; a phrase that cannot be inflected is dropped, never guessed.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache

import numpy as np

from ..errors import InputError
from ..settings import OUTCOMES
from .verbs import BloomVerb, load_verbs

# Course-talk nouns that never make a learning-outcome object on their own.
GENERIC_NOUNS = {
    "opintojakso", "kurssi", "opiskelija", "opettaja", "osallistuja", "valmius", "pohja", "perusta", "tavoite",
    "sisältö", "asia", "osa", "tapa", "mahdollisuus", "merkitys", "aihe", "teema", "kokonaisuus", "jakso",
    "moduuli", "luento", "harjoitus", "tehtävä", "opinto", "opetus", "koulutus", "oppiminen", "osaaminen",
    "opintokokonaisuus", "näkökulma", "lisäksi", "avulla", "aika", "vuosi", "viikko", "päivä", "kerta", "ryhmä",
    "verkko", "lähipäivä", "keskustelu", "yhteys", "liittyvä", "mukaan", "kanssa", "hyvä", "esimerkki", "ala",
    "perusteet", "edellytys", "suoritus", "suorittaminen", "työ", "käytäntö", "ihminen", "toteutus", "laajuus",
}
# Teaching methods and course artefacts (last compound part): how the course is taught, not what is learned.
TEACHING_METHOD_PARTS = {"luento", "harjoitus", "tehtävä", "esimerkki", "päiväkirja", "rasti", "todistus",
                         "vierailu", "seminaari", "työpaja", "tentti", "koe", "materiaali", "alusta", "arviointi",
                         "palaute", "keskustelu", "opiskelu", "jakso", "kerta", "osio", "video", "simulaatio"}
# Sentences about credits, price, schedule and assessment describe the course, not what is learned.
ADMIN_WORDS = {"op", "opintopiste", "laajuus", "hinta", "euro", "ilmoittautuminen", "toteutus", "toteutustapa",
               "arvosana", "tentti", "verkkotentti", "kurssimaksu", "ajankohta", "kesto", "opetuskieli", "esitieto",
               "monimuoto", "monimuotototeutus", "lähiopetus", "etäopetus", "arviointiasteikko", "hyväksytty"}
_CASE_TAG = {"Nom": "nom", "Gen": "gen", "Par": "par", "Ill": "ill", "Ine": "ine", "Ela": "ela", "All": "all",
             "Ade": "ade", "Abl": "abl", "Ess": "ess", "Tra": "tra", "Ins": "ins", "Abe": "abe", "Com": "com"}
_GENITIVE_DEPS = {"nmod:poss", "nmod:gobj", "nmod:gsubj"}


@dataclass
class ProposedOutcome:
    text: str
    verb: str
    bloom_level: int
    object: str
    source_sentence: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class OutcomeProposal:
    outcomes: list[ProposedOutcome]
    course_level: str = "perus"
    coverage: float = 0.0  # mean best e5 cosine of content sentences to the chosen objects
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"outcomes": [o.to_dict() for o in self.outcomes], "course_level": self.course_level,
                "coverage": round(self.coverage, 4), "notes": self.notes}


@dataclass
class NounPhrase:
    """A noun phrase of the description, with what is needed to re-inflect it."""

    words: list  # spaCy tokens in text order
    head: object  # spaCy token
    coordinated: "NounPhrase | None"
    sentence: str

    @property
    def text(self) -> str:
        t = " ".join(w.text for w in self.words)
        if self.coordinated:
            t += " ja " + self.coordinated.text
        return t

    @property
    def key(self) -> str:
        return self.head.lemma_.lower()


@lru_cache(maxsize=20_000)
def _pykko_reading(word: str, number: str, case: str) -> tuple[str, str, str] | None:
    """(lemma, pos, morphtags) of pypykko's analysis of ``word`` that matches spaCy's number and case.
    When several lemmas fit ("fysiologia": fysiologia nom / fysiologi par), Voikko's base form decides."""
    from ..text import voikko_info
    from ..text.resources import get_pykko

    get_pykko()
    import pypykko.utils

    wanted = f"+{number}+{case}"
    exact, loose = [], []
    for a in pypykko.utils.analyze(word):
        if a.pos not in ("noun", "adjective", "participle", "proper", "numeral"):
            continue
        reading = (a.lemma.replace("|", ""), a.pos, a.morphtags)
        if a.morphtags == wanted:
            exact.append(reading)
        elif a.morphtags.endswith(wanted):
            loose.append(reading)
    voikko_base = (voikko_info(word).baseform or "").lower()
    for group in (exact, loose):
        for reading in group:
            if reading[0] == voikko_base:
                return reading
    return (exact or loose or [None])[0]


def _number_case(tok) -> tuple[str, str] | None:
    morph = tok.morph.to_dict()
    case = _CASE_TAG.get(morph.get("Case", ""))
    if not case or "Number[psor]" in morph or "Person[psor]" in morph:
        return None
    return ("pl" if morph.get("Number") == "Plur" else "sg"), case


def _is_generic(tok) -> bool:
    from ..text import voikko_info

    info = voikko_info(tok.text)
    base = (info.baseform or tok.lemma_).lower()
    return base in GENERIC_NOUNS or tok.lemma_.lower() in GENERIC_NOUNS or \
        any(base.endswith(part) for part in TEACHING_METHOD_PARTS)


def _genitive_chain(tok) -> list:
    """A genitive modifier with its own genitive modifiers and adjectives ("turvallisen lääkehoidon toteuttamisen")."""
    out = [tok]
    for g in tok.children:
        if g.i > tok.i or g.morph.get("Case") != ["Gen"] or list(g.children) and g.dep_ == "amod":
            continue
        if g.dep_ == "amod" and g.pos_ == "ADJ":
            out.append(g)
        elif g.dep_ in _GENITIVE_DEPS and g.pos_ in ("NOUN", "PROPN"):
            out += _genitive_chain(g)
    return out


def _phrase_for(head, sentence: str) -> NounPhrase | None:
    """Head noun + adjective / genitive dependents (genitives with their own adjectives), at most N words."""
    if _number_case(head) is None or not head.is_alpha and "-" not in head.text:
        return None
    words = [head]
    for child in head.children:
        if child.dep_ == "amod" and child.pos_ == "ADJ" and child.i < head.i and not list(child.children):
            if _number_case(child) is None:
                continue
            words.append(child)
        elif child.dep_ in _GENITIVE_DEPS and child.pos_ in ("NOUN", "PROPN") and child.i < head.i \
                and child.morph.get("Case") == ["Gen"]:
            words += _genitive_chain(child)
    words.sort(key=lambda t: t.i)
    included = {w.i for w in words}
    if any(c.i < head.i and c.i not in included and c.dep_ in ("nmod", "acl", "amod", "appos", "compound", "flat")
           for c in head.children):
        return None  # "tahdosta riippumaton hoito": a left dependent we cannot carry along would change the sense
    # keep a contiguous span ending at the head: a gap means the parse skipped words we would lose
    span = [w for w in words if w.i >= head.i - (len(words) - 1)]
    if [w.i for w in span] != list(range(head.i - len(span) + 1, head.i + 1)):
        return None
    if len(span) > OUTCOMES.max_object_words:
        span = span[-OUTCOMES.max_object_words:]
    from ..text.resources import voikko_spell

    if not all(voikko_spell(w.text) for w in span):
        return None  # typos and foreign terms ("designia") would make an outcome a reader cannot trust
    return NounPhrase(words=span, head=head, coordinated=None, sentence=sentence)


def noun_phrases(doc) -> list[NounPhrase]:
    """Candidate object phrases of a parsed description, in text order, one per head lemma."""
    from ..text import voikko_info

    phrases: list[NounPhrase] = []
    seen = set()
    for sent in doc.sents:
        lemmas = {(voikko_info(t.text).baseform or t.lemma_).lower() for t in sent if t.is_alpha}
        lemmas |= {t.lower_ for t in sent}
        if lemmas & ADMIN_WORDS:
            continue
        for tok in sent:
            if tok.pos_ != "NOUN" or tok.dep_ in _GENITIVE_DEPS | {"compound", "amod", "flat", "appos"}:
                continue
            if any(c.dep_ == "case" for c in tok.children) or _is_generic(tok):
                continue  # postposition phrases ("X:n kanssa") are settings, not objects
            np_ = _phrase_for(tok, sent.text)
            if np_ is None or np_.key in seen:
                continue
            for conj in tok.children:  # one coordinated noun: "lääkemuodot ja antoreitit"
                if conj.dep_ == "conj" and conj.pos_ == "NOUN" and not _is_generic(conj):
                    other = _phrase_for(conj, sent.text)
                    if other and len(other.words) + len(np_.words) <= OUTCOMES.max_object_words \
                            and other.key not in seen:
                        np_.coordinated = other
                        seen.add(other.key)
                    break
            seen.add(np_.key)
            phrases.append(np_)
    return phrases


def _inflect_phrase(np_: NounPhrase, object_case: str) -> str | None:
    """Re-inflect a phrase into the case a verb governs; None when pypykko cannot produce a form."""
    number, _ = _number_case(np_.head)
    if object_case == "gen":  # total object: sg genitive, pl nominative
        target = "+sg+gen" if number == "sg" else "+pl+nom"
    elif object_case == "nom":  # plural total object of listing verbs ("luetella oireet"): needs a plural
        if number != "pl":
            return None
        target = "+pl+nom"
    else:
        target = f"+{number}+{object_case}"
    out = []
    for w in np_.words:
        nc = _number_case(w)
        if w.i == np_.head.i or (w.dep_ == "amod" and w.head.i == np_.head.i):
            form = _generate(w.text, *nc, target)
            if not form:
                return None
            out.append(form if w.pos_ == "PROPN" else form.lower())
        else:  # genitive modifiers keep their form
            out.append(w.text if w.pos_ == "PROPN" or w.text.isupper() else w.text.lower())
    text = " ".join(out)
    if np_.coordinated:
        other = _inflect_phrase(np_.coordinated, object_case)
        if other is None:
            return None
        text += " ja " + other
    return text


@lru_cache(maxsize=20_000)
def _generate(word: str, number: str, case: str, target: str) -> str | None:
    """Re-inflect the word form ``word`` (read as spaCy's number and case) into ``target`` with pypykko.

    The reading is pinned (lemma, part of speech and original form): left free, pypykko may read "tilanne" as
    "tila" + possessive and yield "tilaa". Forms that do not analyse back to the lemma and target are dropped."""
    import pypykko.reinflect
    import pypykko.utils

    reading = _pykko_reading(word, number, case)
    if reading is None:
        return None
    lemma, pos, tags = reading
    good = []
    for form in pypykko.reinflect.reinflect(word.lower(), new_form=target, orig_form=tags, pos=pos):
        if any(a.lemma.replace("|", "") == lemma and a.morphtags == target for a in pypykko.utils.analyze(form)):
            good.append(form)
    return min(good) if good else None


def _course_level(source) -> str:
    level = (getattr(source, "level", "") or (source.get("level", "") if isinstance(source, dict) else "")).lower()
    return level if level in ("perus", "syventävä", "jatko") else "perus"


def _description(source) -> str:
    if isinstance(source, str):
        return source
    if isinstance(source, dict):
        return str(source.get("description") or source.get("text") or "")
    return getattr(source, "description", "") or ""


def _level_mix(course_level: str) -> tuple:
    return {"syventävä": OUTCOMES.bloom_mix_advanced, "jatko": OUTCOMES.bloom_mix_doctoral}.get(
        course_level, OUTCOMES.bloom_mix_basic)


_verb_vectors: dict = {}


def _verb_matrix(embedder, verbs: list[BloomVerb]) -> np.ndarray:
    key = (id(embedder), tuple(v.verb for v in verbs))
    if key not in _verb_vectors:
        _verb_vectors[key] = embedder.encode_passages([v.example or f"Osaat {v.verb}." for v in verbs])
    return _verb_vectors[key]


def greedy_cover(candidates: np.ndarray, targets: np.ndarray, k_min: int, k_max: int,
                 min_gain: float) -> tuple[list[int], float]:
    """Greedy maximum coverage: indices of chosen candidates and the final mean best cosine of the targets."""
    if len(candidates) == 0 or len(targets) == 0:
        return [], 0.0
    sims = targets @ candidates.T  # (targets, candidates)
    chosen: list[int] = []
    best = np.full(len(targets), -1.0, dtype=np.float32)
    score = 0.0
    while len(chosen) < min(k_max, len(candidates)):
        gains = np.maximum(sims, best[:, None]).mean(axis=0) - (score if chosen else 0.0)
        gains[chosen] = -np.inf
        j = int(np.argmax(gains))
        if len(chosen) >= k_min and gains[j] < min_gain:
            break
        chosen.append(j)
        best = np.maximum(best, sims[:, j])
        score = float(best.mean())
    return chosen, score


def propose(source, *, level: str | None = None, embedder=None) -> OutcomeProposal:
    """Propose outcomes from a description text, a ``CourseRecord`` or a dict with ``description``/``text``.

    >>> [o.verb for o in propose("Opintojaksolla harjoitellaan lääkelaskuja ja ...").outcomes]  # doctest: +SKIP
    ['laskea', ...]
    """
    from ..text import get_embedder, parse, validate_text

    text = validate_text(_description(source))
    course_level = level or _course_level(source)
    doc = parse(text)
    phrases = noun_phrases(doc)
    content_sentences = list(dict.fromkeys(p.sentence for p in phrases))
    notes = []
    if len(phrases) < OUTCOMES.min_outcomes:
        raise InputError("Kuvauksesta löytyi liian vähän sisältöä tavoitteiksi (alle 3 aihetta). Kirjoita kuvaukseen, "
                         "mitä kurssilla opitaan, esim. 'Harjoittelemme lääkelaskuja ja haavanhoitoa.'")
    embedder = embedder or get_embedder()
    table = load_verbs()
    phrase_vecs = embedder.encode_passages([p.text for p in phrases])
    sent_vecs = embedder.encode_passages(content_sentences)
    sent_index = {s: i for i, s in enumerate(content_sentences)}
    # rank all phrases by coverage order, so that a phrase that cannot be inflected is replaced by the next best
    order, _ = greedy_cover(phrase_vecs, sent_vecs, len(phrases), len(phrases), -1.0)
    verbs = [v for v in table.verbs if table.get(v.verb) is v]
    verb_vecs = _verb_matrix(embedder, verbs)
    # a verb fits when its example is near both the phrase and the sentence it came from
    verb_sims_sent = sent_vecs @ verb_vecs.T  # (sentences, verbs)
    verb_sims_phrase = phrase_vecs @ verb_vecs.T  # (phrases, verbs)
    mix = _level_mix(course_level)
    used_verbs: set[str] = set()
    chosen: list[tuple[int, ProposedOutcome]] = []
    best = np.full(len(content_sentences), -1.0, dtype=np.float32)
    sims = sent_vecs @ phrase_vecs.T
    for j in order:
        if len(chosen) >= OUTCOMES.max_outcomes:
            break
        gain = float(np.maximum(best, sims[:, j]).mean() - (best.mean() if chosen else 0.0))
        if len(chosen) >= OUTCOMES.min_outcomes and gain < OUTCOMES.coverage_min_gain:
            break
        target = mix[len(chosen) % len(mix)]
        row = verb_sims_sent[sent_index[phrases[j].sentence]] + verb_sims_phrase[j]
        # semantic fit minus a penalty per Bloom level away from the target: a clearly better fitting verb of a
        # neighbouring level may win ("laskea" for drug calculations in an "understand" slot)
        ranked = sorted(range(len(verbs)),
                        key=lambda v: -(row[v] - OUTCOMES.bloom_level_penalty * abs(verbs[v].level - target)))
        outcome = None
        for v in ranked[:40]:
            verb = verbs[v]
            if verb.verb in used_verbs:
                continue
            obj = _inflect_phrase(phrases[j], verb.object_case)
            if obj:
                outcome = ProposedOutcome(text=f"Osaat {verb.verb} {obj}.", verb=verb.verb, bloom_level=verb.level,
                                          object=obj, source_sentence=phrases[j].sentence)
                break
        if outcome is None:
            continue
        used_verbs.add(outcome.verb)
        chosen.append((j, outcome))
        best = np.maximum(best, sims[:, j])
    if len(chosen) < OUTCOMES.min_outcomes:
        notes.append("Kuvauksesta saatiin vähemmän kuin kolme tavoitetta; täydennä ne käsin.")
    chosen.sort(key=lambda c: (c[1].bloom_level, c[0]))  # present from remembering to creating
    coverage = float(best.mean()) if chosen else 0.0
    return OutcomeProposal(outcomes=[o for _, o in chosen], course_level=course_level, coverage=coverage,
                           notes=notes)


def naive_baseline(text: str, verb: str = "kuvata", n: int = 4) -> list[str]:
    """The benchmark's baseline: the first noun phrases of the text as they stand, after "Osaat <fixed verb>"."""
    from ..text import parse

    doc = parse(text)
    out = []
    for np_ in noun_phrases(doc)[:n]:
        out.append(f"Osaat {verb} {np_.text}.")
    return out


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
