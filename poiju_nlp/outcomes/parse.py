"""Parse an author's outcome item into abilities: one predicate verb each, with the author's words that belong to it.

An item ("tunnistaa omat voimavaransa ja vahvistaa toimintakykyään", after the lead-in "Opiskelija") is parsed as a
sentence with the learner as subject ("Opiskelija tunnistaa …"). Its predicate verbs are the root (or the
infinitive a wrapper governs: "osaa laatia", "pystyy laatimaan") and the verbs coordinated with it; each verb and
the words up to the next coordinated verb make one ability. A verb left without words of its own shares the next
verb's object ("käyttää ja soveltaa ohjelmistoja" -> two statements with "ohjelmistoja").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text.runon import _voikko_readings, is_a_infinitive, is_finite_3rd, is_ma_illative, is_second_person
from .sections import Item
from .verbs import load_verbs

PREFIX = {"finite": "Opiskelija ", "osata": "Opiskelija osaa ", "pystyä": "Opiskelija pystyy ",
          "kyetä": "Opiskelija kykenee ", "2sg": ""}
WRAPPERS = {"osata", "pystyä", "kyetä", "oppia"}  # "oppii käyttämään X" is learning to do X
# Vague verbs that take a direct object ("tuntee ja osaa käyttää X": 'tuntea' shares X).
TRANSITIVE_VAGUE = {"tuntea", "ymmärtää", "tietää", "hallita", "omaksua", "hahmottaa", "käsittää", "sisäistää",
                    "tiedostaa", "oivaltaa"}
_CLAUSE_WORDS = {"miten", "kuinka", "miksi", "mitä", "että", "millainen", "millaisia", "mikä", "mitkä", "missä",
                 "milloin", "mistä", "mihin", "minkälainen", "minkälaisia", "kenelle", "keneen", "kuka"}
_SPACY_CASE = {"Nom": "+nom", "Gen": "+gen", "Par": "+par", "Ill": "+ill", "Ine": "+ine", "Ela": "+ela",
               "All": "+all", "Ade": "+ade", "Abl": "+abl", "Ess": "+ess", "Tra": "+tra", "Ins": "+ins",
               "Abe": "+abe", "Com": "+com", "Acc": "+gen"}


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
    scope_lost: str = ""  # a limit of the whole statement that could not be carried over to this verb


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
    _share_scope(doc, out)
    # a verb without words of its own shares the next verb's object ("käyttää ja soveltaa X")
    for k in range(len(out) - 2, -1, -1):
        a, nxt = out[k], out[k + 1]
        entry = load_verbs().get(a.verb)
        transitive = entry is not None and entry.object_case in ("gen", "par", "nom") or a.verb in TRANSITIVE_VAGUE
        if not _content(a.tokens) and a.before is not None and _content(nxt.tokens) and transitive:
            a.tokens = _borrowed(doc, nxt)
            a.shared = True
    return out


# Words that limit what a whole coordination claims: whose work it is, from which point of view, under whose
# guidance ('antaa lääkkeitä ja toteuttaa lääkehoidon lähihoitajan vastuualueella').
SCOPE_NOUNS = {"vastuualue", "näkökulma", "puite", "raja", "valvonta", "ohjaus", "toimivalta", "valtuus"}
SCOPE_WORDS = {"kannalta", "itsenäisesti", "ohjatusti", "ohjattuna", "valvotusti", "tuettuna", "avustettuna"}


def _scope_root(tok) -> bool:
    last = _base(tok).split("|")[-1]
    # ('toimia ohjeiden mukaisesti' is the verb's own complement, not a limit of the statement)
    return _base(tok) in SCOPE_WORDS or tok.lower_ in SCOPE_WORDS or any(last.endswith(n) for n in SCOPE_NOUNS) and \
        tok.pos_ == "NOUN" and tok.morph.get("Case") in (["Ine"], ["Ade"], ["Ela"]) or any(
        c.dep_ == "case" and (_base(c) in SCOPE_WORDS or c.lower_ in SCOPE_WORDS) for c in tok.children)


def _share_scope(doc, out: list[Ability]) -> None:
    """A limit at the end of the last coordinated verb's words holds for every verb before it: those verbs get
    its words too ('suunnitella ja toteuttaa hoitotyön itsenäisesti' -> 'Osaat suunnitella hoitotyön
    itsenäisesti'), or the statement would claim more than the author did. When the limit cannot be told apart from
    the last verb's object ('toteuttaa lääkehoidon lähihoitajan vastuualueella', parsed as one phrase), the verbs
    before it are not proposed (``scope_lost``)."""
    if len(out) < 2 or not out[-1].tokens:
        return
    last = out[-1]
    for t in last.tokens:
        if t.head.i != last.verb_index or t.dep_ not in ("obl", "advmod", "advcl", "xcomp") or not _scope_root(t):
            continue
        after = [x for x in last.tokens if x.i > t.i]
        if after and not (after[0].text == "(" or after[0].is_punct and len(after) == 1):
            continue  # the limit must close the words (a bracketed reference after it may follow)
        left = min(x.i for x in t.subtree if x.i <= t.i)
        scope = [doc[j] for j in range(left, t.i + 1)]
        own = [x for x in last.tokens if x.i < left and not x.is_punct]
        for a in out[:-1]:
            if not a.tokens or a.verb_index > last.verb_index or any(_scope_root(x) for x in a.tokens) or any(
                    doc[j].is_punct for j in range(a.tokens[-1].i + 1, last.verb_index)):
                continue  # ('tietää X, ja osaa arvioida Y:tä … näkökulmasta': after a comma the limit is the last's)
            if own:
                a.tokens = list(a.tokens) + scope
            else:
                a.scope_lost = " ".join(x.text for x in scope)
        return


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
    end = sub[-1]
    # a place or a limit after the object holds for both verbs ('tunnistaa ja analysoida X:n vaikutuksia
    # länsimaissa': without 'länsimaissa' the statement claims more)
    for c in sorted(doc[ability.verb_index].children, key=lambda t: t.i):
        span = sorted(t.i for t in c.subtree)
        if c.i > end and span[0] == end + 1 and set(span) <= ids and c.dep_ == "obl" and (
                c.morph.get("Case") in (["Ine"], ["Ade"]) or _scope_root(c)):
            end = span[-1]
    return [doc[i] for i in range(sub[0], end + 1)]


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

