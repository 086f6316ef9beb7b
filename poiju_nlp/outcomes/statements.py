"""Turn the author's outcome statements into plain 2nd person statements, one measurable ability each.

An item ("tunnistaa omat voimavaransa ja vahvistaa toimintakykyään", after the lead-in "Opiskelija") is parsed as a
sentence with the learner as subject ("Opiskelija tunnistaa …"). Its predicate verbs are the root (or the
infinitive a wrapper governs: "osaa laatia", "pystyy laatimaan") and the verbs coordinated with it; each verb and
the words up to the next coordinated verb make one ability. A verb left without words of its own shares the next
verb's object ("käyttää ja soveltaa ohjelmistoja" -> two statements with "ohjelmistoja").

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
from functools import lru_cache

from ..settings import OUTCOMES
from .sections import Item, _voikko_readings, is_a_infinitive, is_finite_3rd, is_ma_illative, is_second_person
from .verbs import load_fit, load_verbs

PREFIX = {"finite": "Opiskelija ", "osata": "Opiskelija osaa ", "pystyä": "Opiskelija pystyy ",
          "kyetä": "Opiskelija kykenee ", "2sg": ""}
WRAPPERS = {"osata", "pystyä", "kyetä", "oppia"}  # "oppii käyttämään X" is learning to do X
# Verbs that take a 3rd infinitive of another person's action ("ohjata asiakasta hakemaan tukea").
MA_VERBS = {"ohjata", "auttaa", "opastaa", "neuvoa", "kannustaa", "motivoida", "tukea", "rohkaista", "innostaa",
            "opettaa", "valmentaa", "pyytää", "käskeä", "pystyä", "kyetä", "oppia", "joutua", "ryhtyä", "mennä"}
# Course activities: what is done on the course, not what is learned.
TEACHING_ACTIVITIES = {"harjoittelu", "harjoitus", "opiskelu", "kertaus", "luento", "vierailu", "ekskursio",
                       "tehtävä", "seminaari", "työpaja", "projektityö", "ryhmätyö", "tentti", "essee"}
# Vague verbs that take a direct object ("tuntee ja osaa käyttää X": 'tuntea' shares X).
TRANSITIVE_VAGUE = {"tuntea", "ymmärtää", "tietää", "hallita", "omaksua", "hahmottaa", "käsittää", "sisäistää",
                    "tiedostaa", "oivaltaa"}
LEARNER_WORDS = {"opiskelija", "osallistuja", "oppija", "suorittaja", "hän"}
HEDGES = {"mahdollisesti", "ehkä", "kenties"}
# Verbs that say nothing the learner does ("osaa olla asiakashakuinen").
NOT_ABILITIES = {"olla", "ei", "tulla", "voida", "saattaa", "täytyä", "pitää"}
ANAPHORS = {"se", "ne", "tämä", "nämä", "tuo", "nuo", "hän", "he", "sama"}
_CLAUSE_WORDS = {"miten", "kuinka", "miksi", "mitä", "että", "millainen", "millaisia", "mikä", "mitkä", "missä",
                 "milloin", "mistä", "mihin", "minkälainen", "minkälaisia", "kenelle", "keneen", "kuka"}
_TRIM_TAIL = re.compile(r"\s*(?:\((?:[^()]*)\)|,?\s+(?:esim\.|esimerkiksi|kuten|mm\.|muun muassa)\s.*)$")


@dataclass
class Ability:
    """One verb of an author statement with the author's words that belong to it."""

    item: Item
    verb: str  # the author's verb (base form)
    verb_index: int  # token index in the parsed statement
    tokens: list  # spaCy tokens after the verb (its object and adjuncts)
    before: list  # adverbs between the wrapper and the verb ("osaa itsenäisesti suunnitella")
    shared: bool = False  # the words were borrowed from the next coordinated verb
    wrapper: str = ""  # osata / pystyä / kyetä
    kind: str = "verb"  # verb | copula ("on tietoinen X:stä") | noun ("osaa X" without a verb)
    split: bool = False  # one of several abilities of the same statement


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


@lru_cache(maxsize=20_000)
def verb_base(word: str) -> str:
    """The verb's base form by Voikko ('havainnoimaan' -> 'havainnoida', 'Hallitsee' -> 'hallita'), for a
    participle by pypykko ('perehtynyt' -> 'perehtyä')."""
    for a in _voikko_readings(word):
        if a.get("CLASS") == "teonsana" and a.get("BASEFORM"):
            return a["BASEFORM"].lower()
    from ..text.resources import get_pykko

    for a in get_pykko().utils.analyze(word.lower()):
        if a.pos == "verb" and "+part" in a.morphtags:
            return a.lemma.replace("|", "").lower()
    return ""


def item_frame(item: Item) -> str:
    """The frame of one item, corrected by its own first word ('osaa X' after 'Opiskelija:' stays finite;
    'osaat X' after any lead is 2nd person; 'laatimaan' after 'osaa' is a 'pystyy' infinitive)."""
    first = item.text.split()[0].strip(",.:;-–") if item.text.split() else ""
    if is_second_person(first):
        return "2sg"
    if item.frame in ("osata", "2sg") and is_ma_illative(first):
        return "pystyä"
    if item.frame in ("osata", "pystyä", "kyetä", "2sg") and is_finite_3rd(first) and not is_a_infinitive(first):
        return "finite"
    if item.frame == "finite" and is_a_infinitive(first) and not is_finite_3rd(first):
        return "osata"
    if item.frame == "2sg":
        return "osata"  # "Kurssin suoritettuasi osaat: laatia …"
    return item.frame if item.frame in PREFIX else "finite"


_ELLIPSIS = re.compile(r"(?<![\w-])((?:[^\W\d_]+-,?\s+)+)(ja|tai|sekä)\s+(?=[^\W\d_])")


def join_elliptic(text: str) -> tuple[str, dict[str, str]]:
    """'liikunta- ja vapaa-ajanviettomahdollisuuksiin' -> one token 'liikunta-ja-vapaa-ajanvietto…' for the parser
    (which otherwise reads 'liikunta' as a noun of its own), with the map back to the words as written.

    >>> join_elliptic("tieto- ja viestintätekniikan laitteita")
    ('tieto-ja-viestintätekniikan laitteita', {'tieto-ja-': 'tieto- ja '})
    """
    back: dict[str, str] = {}

    def repl(m):
        parts = [p for p in re.split(r"-,?\s+", m.group(1)) if p]
        joined = "-".join(parts) + "-" + m.group(2) + "-"
        back[joined] = m.group(0)
        return joined

    return _ELLIPSIS.sub(repl, text), back


def unjoin(text: str, back: dict[str, str]) -> str:
    for joined, original in back.items():
        for j, o in ((joined, original), (joined[:1].upper() + joined[1:], original[:1].upper() + original[1:]),
                     (joined[:1].lower() + joined[1:], original[:1].lower() + original[1:])):
            text = text.replace(j, o)
    return text


def synthetic(item: Item) -> tuple[str, int, dict[str, str]]:
    """The sentence to parse for an item, the character offset of the item's text in it and the map that undoes
    the joining of elliptic compounds."""
    frame = item_frame(item)
    prefix = PREFIX[frame]
    text = item.text.rstrip(" .;,:")
    if frame == "osata" and item.frame == "2sg":
        prefix = "Osaat "
    first = re.match(r"[^\W\d_]+", text)
    if prefix and first and first.group(0)[:1].isupper() and not first.group(0).isupper() and not any(
            a.get("CLASS") in ("etunimi", "sukunimi", "paikannimi", "nimi") for a in _voikko_readings(first.group(0))):
        text = text[:1].lower() + text[1:]  # "Opiskelija osaa: Suunnitella X" parses better in lower case
    text, back = join_elliptic(text)
    return prefix + text + ".", len(prefix), back


# ---------------------------------------------------------------------------------------------------------------
# Predicates and abilities


def _base(tok) -> str:
    if tok.pos_ in ("VERB", "AUX") or _verb_like(tok):
        b = verb_base(tok.text)
        if b:
            return b
    readings = _voikko_readings(tok.text)
    if readings and readings[0].get("BASEFORM"):
        return readings[0]["BASEFORM"].lower()
    return tok.lemma_.lower()


def _verb_like(tok) -> bool:
    """A verb the tagger read as a noun: sentence-initial 'Opit tekemään …' ('opit' = plural of 'oppi')."""
    return tok.pos_ in ("NOUN", "ADJ", "PROPN") and (is_second_person(tok.text) or is_finite_3rd(tok.text)) and any(
        c.dep_ in ("xcomp", "obj", "ccomp") and c.i > tok.i for c in tok.children)


def _is_predicate_verb(tok) -> bool:
    if _verb_like(tok):
        return True
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    form = tok.morph.get("VerbForm")
    if form == ["Part"]:
        # a perfect tense: "olet tutustunut"
        return any(c.dep_ == "aux" and _base(c) == "olla" for c in tok.children)
    return True


def _expand(tok, wrapper: str = "", anchor=None) -> list[tuple]:
    """(verb token, wrapper, anchor token) for a predicate and the verbs coordinated with it; a wrapper is replaced
    by the infinitive it governs ("osaa laatia"), and the anchor (where the ability starts in the text) is the
    wrapper then."""
    out = []
    base = _base(tok)
    anchor = anchor if anchor is not None else tok
    if base in WRAPPERS:
        inner = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "obj", "csubj")
                 and c.pos_ in ("VERB", "AUX") and c.i > tok.i and c.morph.get("VerbForm") == ["Inf"]]
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if not inner and nxt is not None and nxt.pos_ != "VERB" and (
                base == "osata" and is_a_infinitive(nxt.text) or base != "osata" and is_ma_illative(nxt.text)):
            inner = [nxt]  # "osaa viestiä ja toimia": 'viestiä' is the verb, not the noun 'viesti'
        if inner:
            out += _expand(inner[0], base, anchor)
        else:
            out.append((tok, base, anchor))  # "osaa X" / "pystyy X:ään" with a noun: no action verb
    else:
        out.append((tok, wrapper, anchor))
    for c in tok.children:
        if c.dep_ == "conj" and _is_predicate_verb(c) and c.i > tok.i and not _noun_complement(c):
            out += _expand(c, wrapper if base not in WRAPPERS else base)
    return out


_SKILL_NOUNS = {"taito", "kyky", "valmius", "keino", "tapa", "mahdollisuus", "edellytys", "halu", "tarve"}


def _noun_complement(verb) -> bool:
    """An infinitive right after a skill noun belongs to the noun ('taitoaan tuottaa tekstiä'), whatever the parse
    says."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ == "ADV":
        i -= 1
    if i < 0 or not is_a_infinitive(verb.text):
        return False
    prev = doc[i]
    from ..text import voikko_info

    info = voikko_info(prev.text)
    last = info.compound_parts[-1].base.lower() if info.compound_parts else (info.baseform or "").lower()
    return prev.pos_ in ("NOUN", "ADJ") and (last in _SKILL_NOUNS or (info.baseform or "").lower() in _SKILL_NOUNS)


def abilities(item: Item, doc, offset: int) -> list[Ability]:
    """The abilities of one parsed item (``offset`` is where the item's own words start in ``doc.text``)."""
    body = [t for t in doc if t.idx >= offset and not t.is_space]
    if not body:
        return []
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    preds: list[tuple] = []
    if root is not None and _is_predicate_verb(root):
        preds = _expand(root)
    elif root is not None and root.pos_ in ("ADJ", "NOUN", "ADV") and any(
            c.dep_ == "cop" for c in root.children):
        preds = [(root, "copula", root)]
        preds += [p for c in root.children if c.dep_ == "conj" and _is_predicate_verb(c) for p in _expand(c)]
    else:
        first_verb = next((t for t in body if _is_predicate_verb(t)), None)
        if first_verb is not None:
            preds = _expand(first_verb)
    preds = [p for p in preds if p[0].idx >= offset or _base(p[0]) in WRAPPERS]
    preds.sort(key=lambda p: p[0].i)
    seen, unique = set(), []
    for p in preds:  # a verb reached twice through the parse
        if p[0].i not in seen:
            seen.add(p[0].i)
            unique.append(p)
    preds = unique
    end = len(doc)
    while end > 0 and (doc[end - 1].is_space or doc[end - 1].text in (".", ",", ";", ":", "-", "–")):
        end -= 1
    out: list[Ability] = []
    body_start = body[0].i
    for k, (tok, wrapper, anchor) in enumerate(preds):
        start = tok.i + 1
        stop = _boundary(doc, tok, preds[k + 1][2]) if k + 1 < len(preds) else end
        lead_from = body_start if k == 0 else _boundary(doc, preds[k - 1][0], anchor)
        between = [t for t in doc[lead_from:tok.i] if not (t.dep_ == "cc" or t.is_punct or t.i == anchor.i
                                                          or t.dep_ == "aux" or _base(t) in WRAPPERS)]
        before = [t for t in between if t.pos_ == "ADV"]
        kind = "verb"
        if wrapper == "copula":
            kind, wrapper = "copula", ""
        elif _base(tok) in WRAPPERS:
            kind = "noun"
        ability = Ability(item, _base(tok) if kind != "copula" else _copula_key(tok), tok.i,
                          list(doc[start:stop]), before, wrapper=wrapper, kind=kind, split=len(preds) > 1)
        if len(before) != len(between):
            ability.before = None  # the object stands before the verb: the order cannot be kept as is
        out.append(ability)
    # a verb without words of its own shares the next verb's object ("käyttää ja soveltaa X")
    for k in range(len(out) - 2, -1, -1):
        a, nxt = out[k], out[k + 1]
        entry = load_verbs().get(a.verb)
        transitive = entry is not None and entry.object_case in ("gen", "par", "nom") or a.verb in TRANSITIVE_VAGUE
        if not _content(a.tokens) and a.before is not None and _content(nxt.tokens) and transitive:
            a.tokens = _borrowed(doc, nxt)
            a.shared = True
    return out


def _borrowed(doc, ability: Ability) -> list:
    """The object of a coordinated verb, for a verb that shares it: the object's subtree only (not the other
    verb's particle or adverbials: "tunnistaa ja ottaa huomioon X" lends "X")."""
    ids = {t.i for t in ability.tokens}
    objs = [t for t in doc[ability.verb_index].children if t.dep_ == "obj" and t.i in ids]
    if not objs:
        # the parser did not mark the object: share the words only when they start with one (a noun phrase in an
        # object case), never the other verb's particle or adverbials ("ottaa työssään huomioon X")
        toks = [t for t in ability.tokens]
        if toks and toks[0].pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "DET") and token_case(toks[0]) in (
                "+gen", "+par", "+nom") and not any(t.dep_ == "compound:prt" for t in toks):
            return toks
        return []
    sub = sorted(t.i for t in objs[0].subtree if t.i in ids)
    return [doc[i] for i in range(sub[0], sub[-1] + 1)]


def _copula_key(tok) -> str:
    """'on tietoinen' / 'on selvillä' as one key of the replacements table."""
    return "olla " + _base(tok)


def _boundary(doc, verb, next_verb) -> int:
    """Token index where the words of ``verb`` end: the coordinator or comma before ``next_verb`` (pre-verb
    adverbs of the next verb belong to it)."""
    i = next_verb.i - 1
    while i > verb.i and doc[i].pos_ == "ADV" and doc[i].head.i == next_verb.i:
        i -= 1
    j = i
    while j > verb.i and (doc[j].dep_ == "cc" or doc[j].is_punct or doc[j].lower_ in ("ja", "sekä", "tai")):
        j -= 1
    return j + 1


def _content(tokens) -> bool:
    return any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "VERB", "X", "SYM") or
               (t.pos_ == "ADV" and t.dep_ not in ("advmod",)) for t in tokens) or \
        any(t.pos_ == "ADV" for t in tokens) and len(tokens) >= 1


# ---------------------------------------------------------------------------------------------------------------
# Rendering


def _render(tokens, replace: dict[int, str]) -> str:
    out = []
    for t in tokens:
        out.append(replace.get(t.i, t.text) + t.whitespace_)
    return "".join(out).strip()


@lru_cache(maxsize=20_000)
def _second_person_possessive(word: str) -> str | None:
    """'työssään' -> 'työssäsi', 'itseään' -> 'itseäsi'; None when the word has no 3rd person possessive reading,
    '' when it has one but it cannot be turned."""
    from ..text import inflect
    from ..text.resources import get_pykko

    analyses = list(get_pykko().utils.analyze(word.lower()))
    if not analyses or not all("+poss3" in a.morphtags for a in analyses):
        return None
    for a in analyses:
        if "+inf" in a.morphtags:
            continue
        new = inflect(a.lemma.replace("|", ""), a.morphtags.replace("+poss3", "+poss2sg"))
        if new:
            return new[:1].upper() + new[1:] if word[:1].isupper() else new
    return ""


@lru_cache(maxsize=5_000)
def _second_person_verb(word: str) -> str | None:
    from ..text import inflect
    from ..text.resources import get_pykko

    for a in get_pykko().utils.analyze(word.lower()):
        if a.pos == "verb" and a.morphtags in ("+pres+3sg", "+past+3sg", "+cond+3sg"):
            new = inflect(a.lemma.replace("|", ""), a.morphtags.replace("3sg", "2sg"))
            if new:
                return new
    return None


def person_edits(tokens) -> tuple[dict[int, str], str]:
    """Replacements that turn the learner's 3rd person into 2nd person in the words after the verb, and a
    reason when that cannot be done ('' when fine)."""
    edits: dict[int, str] = {}
    for t in tokens:
        if (t.is_alpha or "-" in t.text) and _second_person_possessive(t.text) is not None and _unclear_possessive(t):
            return {}, f"omistusliitteen viittaus on epäselvä ('{t.text}')"
        if (t.is_alpha or "-" in t.text) and _refers_to_learner(t):
            new = _second_person_possessive(t.text)
            if new:
                edits[t.i] = new
            elif new == "":
                return {}, f"omistusliitettä ei voitu muuttaa ('{t.text}')"
        lemma = _base(t)
        if lemma in ("hän", "he") and t.pos_ == "PRON":
            return {}, f"viittaus '{t.text}' jäisi epäselväksi"
        if t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") == ["Fin"] and t.morph.get("Person") == ["3"] \
                and t.morph.get("Number") == ["Sing"] and t.morph.get("Voice") != ["Pass"] \
                and not any(c.dep_.startswith("nsubj") for c in t.children) and t.dep_ in ("ccomp", "advcl"):
            new = _second_person_verb(t.text)
            if not new:
                return {}, f"verbiä '{t.text}' ei voitu muuttaa 2. persoonaan"
            edits[t.i] = new
    return edits, ""


def _has_oma(tok) -> bool:
    return any(_base(c) == "oma" for c in tok.children)


def _unclear_possessive(tok) -> bool:
    """A possessive inside a participle phrase without 'oma' ('hyvinvointiinsa vaikuttavia asioita'): it may be the
    learner's or the thing's; the statement is not proposed rather than guessed."""
    return tok.dep_ in ("obl", "nmod") and tok.head.morph.get("VerbForm") == ["Part"] \
        and tok.head.dep_ in ("amod", "acl") and not _has_oma(tok)


def _refers_to_learner(tok) -> bool:
    """A 3rd person possessive refers to the learner unless it is reciprocal ('toisiinsa') or sits in a clause with
    a subject of its own ('miten potilas kokee kipunsa') or in a nominalisation ('osien palauttaminen mitoilleen')."""
    if _base(tok) == "toinen":
        return False
    if tok.dep_ in ("obl", "nmod", "advmod") and tok.head.pos_ == "ADJ" and tok.head.morph.get("VerbForm") != [
            "Part"] and not _has_oma(tok):
        return False  # "taustaltaan erilaisten asiakkaiden": the possessive belongs to the clients
    seen = set()
    t = tok
    while t.head.i != t.i and t.i not in seen:
        seen.add(t.i)
        head = t.head
        if head.pos_ in ("VERB", "AUX") and head.i > 0 and any(
                c.dep_.startswith("nsubj") and c.i != 0 and _base(c) not in LEARNER_WORDS for c in head.children):
            return False
        if head.pos_ == "NOUN" and _base(head).endswith("minen") and t.dep_ in ("obl", "nmod"):
            return False
        t = head
    return True


def _dangling_reference(tokens) -> str:
    """A pronoun that points outside the statement ('noudattaa niitä', 'dokumentoi ne', 'antaa esimerkkejä niiden
    toiminnasta'): no earlier noun of the statement, of the same number and not the pronoun's own head, can be what
    it refers to ('Rooman varhaishistoria ja siihen liittyvät tarut' is fine)."""
    for k, t in enumerate(tokens):
        if not (t.pos_ in ("PRON", "DET") and _base(t) in ANAPHORS):
            continue
        heads = set()
        h = t
        while h.head.i != h.i and h.dep_ != "conj":
            h = h.head
            heads.add(h.i)
        number = t.morph.get("Number")
        if not any(c.pos_ in ("NOUN", "PROPN") and c.i not in heads and (not number or c.morph.get("Number") == number
                                                                          or _base(c).endswith("t"))
                   for c in tokens[:k]):
            return t.text
    return ""


_OK_UNKNOWN = re.compile(r"^(?:[A-ZÅÄÖ0-9][\w\-–.]*|.*\d.*|[A-ZÅÄÖ]{2,}.*)$")


def unknown_words(text: str) -> list[str]:
    """Words Voikko does not know, except names, codes, abbreviations and numbers (kept as the author wrote them)."""
    from ..text.resources import voikko_spell

    bad = []
    text = re.sub(r"-(ja|tai|sekä)-", r"- \1 ", text)  # joined elliptic compounds: "sosiaali- ja terveysalan"
    for w in re.findall(r"[^\W_][\w\-–]*", text):
        if w.endswith(("-", "–")) and voikko_spell(w):
            continue  # "sosiaali-" as the first part of an elliptic compound
        w = w.strip("-–")
        if not w or voikko_spell(w) or _OK_UNKNOWN.match(w):
            continue
        if "-" in w and all(voikko_spell(p) or not p for p in re.split(r"[-–]", w)):
            continue  # "sote-ala", "A1.3-tason"
        bad.append(w)
    return bad


def words(text: str) -> int:
    return len(re.findall(r"[^\W\d_]+|\d+", text))


# ---------------------------------------------------------------------------------------------------------------
# Objects, their classes and cases

_SPACY_CASE = {"Nom": "+nom", "Gen": "+gen", "Par": "+par", "Ill": "+ill", "Ine": "+ine", "Ela": "+ela",
               "All": "+all", "Ade": "+ade", "Abl": "+abl", "Ess": "+ess", "Tra": "+tra", "Ins": "+ins",
               "Abe": "+abe", "Com": "+com", "Acc": "+gen"}
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
        if k and t.lower_.rstrip(".") in EXAMPLE_WORDS:
            out = list(tokens[:k])
            while out and (out[-1].is_punct or out[-1].lower_ in ("ja", "sekä")):
                out.pop()
            return out
    return list(tokens)


_UPOS_PYKKO = {"NOUN": ("noun", "noun-pl"), "PROPN": ("proper", "noun"), "ADJ": ("adjective", "participle"),
               "VERB": ("participle", "adjective"), "DET": ("pronoun", "adjective"), "PRON": ("pronoun",),
               "NUM": ("numeral",)}


def _recase_reading(tok, source: str, target: str) -> str | None:
    """The word in ``target`` case, from the pypykko reading that is the same word the parser saw (same lemma and
    part of speech): 'rakenteisiin' of 'rakenne', not of the adjective 'rakenteinen'."""
    from ..text import voikko_info
    from ..text.inflect import recase
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
        forms = pykko.reinflect.reinflect(word.lower(), new_form=a.morphtags.replace(source, target),
                                          orig_form=a.morphtags)
        if forms:
            form = min(forms, key=lambda f: (len(f), f))
            if "-" in word:
                form = word.rpartition("-")[0] + "-" + form.rpartition("-")[2]
            return form[:1].upper() + form[1:] if word[:1].isupper() else form
    return recase(word, source, target) if not readings else None


def token_case(tok) -> str:
    """The word's case as a pypykko tag ('+ill'): the parser's when pypykko can read the word so, else pypykko's
    own when it has one reading only ('tietosuojaan' is an illative even when the tagger says genitive)."""
    from ..text import pykko_forms

    case = tok.morph.get("Case")
    tag = _SPACY_CASE.get(case[0], "") if case else ""
    forms = pykko_forms(tok.text.lower())
    cases = {m.group(0) for f in forms for m in [re.search(r"\+(?:nom|gen|par|ill|ine|ela|all|ade|abl|ess|tra|ins|abe"
                                                              r"|com)\b", f)] if m}
    if tag and (tag in cases or not cases or tag == "+gen" and "+nom" in cases):
        return tag
    return cases.pop() if len(cases) == 1 else tag


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
        if new is None or not _same_lemma(t.text, new):
            return None
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


# ---------------------------------------------------------------------------------------------------------------
# The plain statement


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
    if any(_base(t) in HEDGES for t in ability.before):
        return Plain("", author, 0, "", author, ok=False, reason="tavoite on vain mahdollinen ('mahdollisesti')")
    if author in NOT_ABILITIES or not author.isalpha() or not verb_base(author) == author and ability.kind == "verb":
        return Plain("", author, 0, "", author, ok=False, reason="ei tekoa kuvaavaa verbiä")
    head = object_head(ability)
    cls = object_class(ability, head)
    verb = author
    edits: dict[int, str] = {}
    doc = ability.tokens[0].doc if ability.tokens else None
    if author == "ei" or (doc is not None and any(c.dep_ == "aux" and _base(c) == "ei"
                                                  for c in doc[ability.verb_index].children)):
        return Plain("", author, 0, "", author, ok=False, reason="kielteinen lause")
    if doc is not None and author not in MA_VERBS and any(
            t.head.i == ability.verb_index and is_ma_illative(t.text) and t.dep_ in ("xcomp", "advcl", "obl")
            for t in ability.tokens):
        return Plain("", author, 0, "", author, ok=False, reason="verbin rakenne ei säily")
    if ability.kind == "noun" and (ability.verb != "osata" or ability.tokens and (
            ability.tokens[0].pos_ in ("VERB", "AUX") or is_a_infinitive(ability.tokens[0].text))):
        return Plain("", author, 0, "", author, ok=False, reason="ei tekoa kuvaavaa verbiä")
    key = author
    if key in fit.replacements:
        rule = fit.replacement(key, cls)
    else:
        rule = None
    if rule is not None:
        if not rule.replacement:
            return Plain("", author, 0, "", author, ok=False, reason=rule.why)
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
        elif rule.case != "same" and head == "clause":
            return Plain("", author, 0, "", author, ok=False, reason="sivulause ei sovi korvaavalle verbille")
        changes.append("verb")
        whys.append(f"'{_author_form(ability)}' → '{verb}': {rule.why}")
    elif ability.kind == "copula":
        return Plain("", author, 0, "", author, ok=False, reason="ei tekoa kuvaavaa verbiä")
    if not _content(ability.tokens):
        return Plain("", author, 0, "", author, ok=False, reason="verbillä ei ole kohdetta")
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
    rest = _render(tokens, edits)
    if tokens and tokens[0].lower_ in _CLAUSE_WORDS and not rest.startswith(","):
        rest = ", " + rest  # "selittää, miten …": a clause after the verb takes a comma
    before = _render([t for t in ability.before if t.lower_ not in ("myös", "lisäksi", "siis")], {}) \
        if ability.before else ""
    text = "Osaat " + (before + " " if before else "") + verb + ("" if rest.startswith(",") else " ") + rest
    text = re.sub(r"\s+\d{1,2}$", "", re.sub(r"\s+", " ", text).strip().rstrip(" ,;:-–.")).rstrip(" ,;:-–.") + "."
    if re.search(r"[.!?]\s", text[:-1]) and not re.search(r"\b(?:esim|mm|ns|jne|n|ks)\.\s", text):
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
            out.append((ability, plain))
    return out
