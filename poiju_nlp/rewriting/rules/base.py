"""What every rewriting rule is made of: the ``Rule`` object and its registry, the ``Context`` a rule reads, and the
few helpers that several rule families share (rendering a span with the token edits applied, the word lists of
corpora/rewriting, second person forms).

A rule is a small registered object (LanguageTool style): an id, a Finnish label the UI shows, a priority (lower
runs first and wins an overlap), the pass it runs in ("token": one word or phrase; "sentence": a whole sentence
re-rendered with the token edits inside it), a ``find`` step that yields candidates (sentences, findings or tokens)
and a ``build`` step that turns one candidate into edits. Its ``examples`` are taken from real course text: each
``before -> after`` must hold and each ``must not change`` sentence must come out unchanged; one test runs them all
on fixed parses (tests/rewriting/test_rule_examples.py).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from ...scoring import ScoreReport
from ...text import inflect
from ...text.analysis import Sentence, TextAnalysis, Token
from ...text.inflect import pykko_forms, pykko_lemmas
from ...text.resources import get_pykko
from ..edits import Edit

WORD_LISTS = Path(__file__).resolve().parents[3] / "corpora" / "rewriting" / "word_lists.tsv"


@dataclass(frozen=True)
class Example:
    """A real sentence and what the rule alone makes of it (``after`` None: it must not change)."""
    before: str
    after: str | None = None


@dataclass
class Rule:
    id: str
    label: str  # Finnish, shown in the UI ('lukijan puhuttelu')
    priority: int  # lower runs first; among token edits of one place the lower wins
    pass_: str  # "token" | "sentence"
    find: Callable[["Context"], Iterable[Any]]
    build: Callable[["Context", Any], "list[Edit] | Edit | None"]
    examples: tuple[Example, ...] = ()
    enabled: bool = True
    why_disabled: str = ""
    # Points of the plainness score the guard lets this rule's edit lose, with the reason. Addressing the reader
    # ('Opiskelija tuntee X' -> 'Tunnet X') loses points only because 2nd person forms are rarer in the frequency
    # lists the score reads ('tunnet' vs 'tuntee'), not because the sentence is harder; the blind review judges it.
    plainness_allowance: float = 0.0
    why_allowance: str = ""
    # How far below the meaning threshold (e5 cosine) the guard lets a sentence this rule touched fall, same reason.
    meaning_allowance: float = 0.0

    def __call__(self, ctx: "Context") -> list[Edit]:
        edits: list[Edit] = []
        for candidate in self.find(ctx):
            made = self.build(ctx, candidate)
            if made is None:
                continue
            edits += [made] if isinstance(made, Edit) else made
        return edits


# See Rule.plainness_allowance: the drop a 2nd person form alone causes in a short sentence (measured on dev texts:
# 'Opiskelija tuntee X.' -> 'Tunnet X.' 19 -> 8; an outcome lead 43 -> 18).
ADDRESS_ALLOWANCE = 30.0
WHY_ADDRESS_ALLOWANCE = ("2. persoonan muodot ovat sanalistoissa harvinaisempia kuin 3. persoonan, vaikka lause on "
                         "selkeämpi")

REGISTRY: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.id in REGISTRY:
        raise ValueError(f"two rules with the id {rule.id!r}")
    REGISTRY[rule.id] = rule
    return rule


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


# --- candidates ------------------------------------------------------------------------------------------------

def each_sentence(ctx: Context) -> list[Sentence]:
    """The sentences, each without a heading that opens its line ('Osaamistavoitteet: Opiskelija osaa X.' is read
    from 'Opiskelija'): a heading is left alone and the sentence after it is rewritten on its own."""
    return [without_heading(ctx, s) for s in ctx.analysis.sentences]


def without_heading(ctx: Context, sent: Sentence) -> Sentence:
    toks = ctx.analysis.tokens
    colon = next((n for n, i in enumerate(sent.tokens[:5]) if toks[i].text == ":"), None)
    if colon is None or colon == 0 or colon + 2 >= len(sent.tokens):
        return sent
    head = [toks[i] for i in sent.tokens[:colon]]
    line_start = ctx.text.rfind("\n", 0, sent.start) + 1
    if ctx.text[line_start:sent.start].strip(" -•*\t\x8a") or not head[0].text[:1].isupper() or not all(
            w.is_word for w in head):
        return sent
    rest = sent.tokens[colon + 1:]
    first = toks[rest[0]]
    return Sentence(start=first.start, end=sent.end, text=ctx.text[first.start:sent.end], tokens=rest)


def in_heading(text: str, start: int) -> bool:
    """Is the position inside a heading that opens a line ('Osaamistavoitteet:', 'Sisältö:', 'OSAAMISTAVOITTEET')?
    Headings are left as they are: the reader knows them from every course page."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    colon = line.find(":")
    if 0 < colon and start - line_start < colon and len(line[:colon].split()) <= 4:
        return True
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def opens_sentence(ctx: Context, sent: Sentence) -> bool:
    """Does the sentence really begin after a sentence end, a heading, a line break or a bullet? Course pages that
    lost their line breaks run sentences together ('... keinot Opiskelija osaa ...'): a rule that rewrites the
    opening words would then put a capital in the middle of a sentence."""
    before = ctx.text[:sent.start].rstrip(" \t")
    return not before or before[-1] in ".!?:;\n-•*–\x8a"


def glued_heading(ctx: Context, sent: Sentence) -> bool:
    """Does a heading that lost its line sit inside the sentence ('... harjoitussuunnitelman näyttelijöille
    Yhteistyötaidot opiskelija osaa ...')? Seen as a capitalised common word (not a name to the parser, and
    Voikko's base form is lower case) right after another word. Such a 'sentence' is a run-on list: cutting or re-ordering it puts the cut
    in the wrong place (review 6)."""
    toks = ctx.analysis.tokens
    ids = sent.tokens
    for a, b in zip(ids, ids[1:]):
        w, prev = toks[b], toks[a]
        if w.is_word and prev.is_word and w.text[:1].isupper() and not w.text.isupper() and w.pos != "PROPN" \
                and w.baseform \
                and w.baseform[:1].islower() and "\n" not in ctx.text[prev.end:w.start]:
            return True
    return False


def run_on(ctx: Context, sent: Sentence) -> bool:
    """Is the sentence a piece of a line whose sentences lost their full stops ('... keinot Opiskelija osaa
    analysoida ... kehittelytyöhön Opiskelija tuntee ...')? The parser cuts such a line at capitals; a rule that
    splits or re-addresses one piece mixes 'sinä' and 'opiskelija' on one line (review 4). Also a heading glued
    inside the sentence (glued_heading)."""
    line_start = ctx.text.rfind("\n", 0, sent.start) + 1
    line_end = ctx.text.find("\n", sent.end)
    before = ctx.text[line_start:sent.start].rstrip()
    after = ctx.text[sent.end:line_end if line_end >= 0 else len(ctx.text)].strip()
    ends = sent.text.rstrip()[-1:] in ".!?:;"
    glued = ctx.text[sent.start - 1:sent.start] in (".", "!", "?") and sent.start > line_start \
        or ctx.text[sent.end - 1:sent.end] in (".", "!", "?") and ctx.text[sent.end:sent.end + 1].isupper()
    return bool(after) and not ends or bool(before) and before[-1:].isalnum() or glued_heading(ctx, sent) \
        or holds_lowercase_sentence(sent.text) or glued
    # (glued: 'mallinnuksessa.Opiskelija osaa ...' lost its spaces with its line breaks; one re-addressed sentence
    # among five left 'Opiskelija ymmärtää X.Osaat valita Y' on one line, dev texts)


_ABBREVIATIONS = {"esim", "mm", "ns", "jne", "tms", "yms", "ym", "ks", "vrt", "engl", "lyh", "n", "s", "ts", "ko",
                  "klo", "yo", "amk", "t", "v"}


def holds_lowercase_sentence(text: str) -> bool:
    """Does the text hold a full stop and then a sentence that starts in lower case ('... on haastavaa. syventää
    taitojaan ...')? The parser reads it as one sentence; re-addressing it converted 'taitojaan' but left
    'syventää' (dev texts). A stop after an abbreviation or a number ('mm. tehonsiirron', '2. vuoden') is none."""
    for m in re.finditer(r"(\S+)[.!?]\s+[a-zåäö]", text):
        word = m.group(1).lower().strip("(")
        if word not in _ABBREVIATIONS and not word[-1:].isdigit() and len(word) > 1:
            return True
    return False


def sentence_index(ctx: Context, sent: Sentence) -> int:
    """Index in the analysis of the sentence that holds ``sent`` (which may be one without its heading)."""
    return next(n for n, s in enumerate(ctx.analysis.sentences) if sent.tokens[0] in s.tokens)


def each_finding(ctx: Context) -> list:
    return sorted(ctx.report.details, key=lambda f: f.start)


def each_token(ctx: Context) -> list[Token]:
    return ctx.analysis.tokens


# --- word lists (corpora/rewriting/word_lists.tsv) ---------------------------------------------------------------

@lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    lists: dict[str, set[str]] = {}
    with WORD_LISTS.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            lists.setdefault(row["list"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in lists.items()}


def word_list(name: str) -> frozenset[str]:
    """A word list of corpora/rewriting ('course_word', 'learner', 'fixed_term', ...)."""
    return _word_lists()[name]


# --- shared helpers ----------------------------------------------------------------------------------------------

def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def sentence_edit(ctx: Context, sent: Sentence, override: dict[int, str], rule_name: str, reason: str) -> Edit:
    """The whole sentence re-rendered with its token edits and the re-cased words in ``override``."""
    new, used = ctx.render(sent.start, sent.end, override)
    return Edit(sent.start, sent.end, ctx.text[sent.start:sent.end], new, rule_name, reason, absorbs=used)


def token_at(ctx: Context, start: int) -> Token | None:
    return next((t for t in ctx.analysis.tokens if t.start == start), None)


def subtree(toks: list[Token], root: int, within: set[int]) -> set[int]:
    out, frontier = {root}, [root]
    while frontier:
        h = frontier.pop()
        for t in toks:
            if t.i in within and t.head == h and t.i not in out and t.i != h:
                out.add(t.i)
                frontier.append(t.i)
    return out


def is_learner(w: Token) -> bool:
    return w.base in word_list("learner") or w.lemma.lower() in word_list("learner")


def is_course_word(w: Token) -> bool:
    words = word_list("course_word")
    return w.base in words or w.lemma.lower() in words or w.base.endswith(
        ("kurssi", "koulutus", "valmennus", "kokonaisuus"))


def is_human(tok: Token) -> bool:
    nouns, suffixes = word_list("human_noun"), tuple(word_list("human_suffix"))
    for base in {(tok.base or "").lower(), tok.lemma.lower(), (tok.baseform or "").lower()} - {""}:
        if base in nouns or base.endswith(suffixes) or tok.pos == "PRON" and base in ("hän", "he"):
            return True
    # agent nouns in -ja/-jä by their stem ('asiantuntijoille': Voikko may offer an odd base form)
    text = tok.text.lower()
    return tok.pos == "NOUN" and any(text.endswith(tuple(w[:-1] + e for e in ("ille", "oille", "öille", "t", "lle")))
                                     for w in suffixes if w.endswith(("ja", "jä")))


def rendered_lemma(ctx: Context, w: Token) -> tuple[str, str]:
    """(text, lemma) of a word after its one-word token edit, if any ('reflektoi' -> ('pohtii', 'pohtia'))."""
    e = next((e for e in ctx.token_edits if e.start == w.start and e.end == w.end and " " not in e.replacement
              and e.rule == "lexicon"), None)
    if e is None:
        lemmas = pykko_lemmas(w.text)
        if w.pos in ("VERB", "AUX"):  # the generator's own lemma: Voikko reads 'hyödyntää' as 'hyödyntä'
            verb = next((x for x in (*lemmas, w.lemma.lower(), w.base) if x.endswith(("a", "ä"))
                         and inflect(x, "+pres+3sg") == w.text.lower()), None)
            if verb:
                return w.text, verb
        return w.text, (w.base if w.baseform else lemmas[0] if lemmas else w.lemma.lower())
    lemmas = pykko_lemmas(e.replacement)
    return e.replacement, (lemmas[0] if lemmas else w.lemma.lower())


def bare_reflexive(words: list[Token]) -> bool:
    """Is there a generic reflexive without a possessive suffix ('kertomaan itsestä', 'itselle tärkeistä')? With
    'sinä' it needs one ('itsestäsi'), and so may the words around it ('perheestäsi'): such a sentence stays."""
    return any((w.lemma.lower() == "itse" or w.text.lower().startswith("itse")) and w.pos == "PRON"
               and w.text.lower() != "itse" and "Person[psor]" not in w.morph for w in words)


def third_person_possessive(w: Token) -> bool:
    """Does the word carry a 3rd person possessive suffix, by the parse or, where the parser missed it
    ('toiminta- ja työkykyään' read as an illative), by every reading pypykko gives?"""
    if w.morph.get("Person[psor]") == "3":
        return True
    forms = pykko_forms(w.text.lower()) if w.is_word else ()
    return bool(forms) and all("+poss3" in f for f in forms)


def second_person_possessive(text: str) -> str | None:
    """'työyhteisöönsä' -> 'työyhteisöösi', 'taitojaan' -> 'taitojasi' (pypykko: +poss3 -> +poss2sg). None for an
    adverb with a fixed suffix ('pääpiirteissään') and for an ablative of a property ('ikärakenteeltaan erilaisten
    ryhmien', 'laajuudeltaan'): it describes a noun, not the learner (review 7)."""
    if text.lower() in word_list("fixed_possessive"):
        return None
    forms = pykko_forms(text.lower())
    if any("+abl" in f and "+poss3" in f for f in forms) or any("+com" in f for f in forms):
        return None  # (a comitative's suffix is not the learner's: see is_comitative)
    for a in get_pykko().utils.analyze(text.lower()):
        form, lemma = a.morphtags, a.lemma.replace("|", "")
        if "+poss3" in form and "+inf" not in form:
            new = inflect(lemma, form.replace("+poss3", "+poss2sg"))  # 'käytäntöjäsi', not 'käytäntöjäitäsi'
            if new:
                return cap(new) if text[:1].isupper() else new
    return None


def own_words_between(toks: list[Token], w: Token, within: set[int]) -> bool:
    """Has the word's head words of its own before the word ('ratkaista yhtälöitä sekä tietää Y': a clause of its
    own, so 'tietää' may be finite), not only a shared object after it ('käyttää ja soveltaa tietoa': two
    infinitives)?"""
    return any(toks[i].head == w.head and w.head < i < w.i and toks[i].dep not in ("punct", "cc", "conj")
               for i in within)


def is_comitative(w: Token) -> bool:
    """A comitative with its possessive suffix ('valmistusprosesseja ympäristövaikutuksineen'): the suffix refers to
    the noun it goes with, not to the subject, so it stays as it is when the learner becomes 'sinä' (review 8 saw
    'ympäristövaikutuksinesi'). Read from the parse or, where the parser missed the case, from pypykko."""
    return w.morph.get("Case") == "Com" or w.is_word and any("+com" in f for f in pykko_forms(w.text.lower()))


def to_second_person_possessive(ctx: Context, w: Token) -> str | None:
    """The word as the token rules render it, with a 2nd person possessive suffix instead of the 3rd."""
    return second_person_possessive(rendered_lemma(ctx, w)[0])


def is_third_singular(w: Token) -> bool:
    """A present 3rd person singular verb form ('osaa'), read from the parse or, where the parser left the person
    out, from the form itself."""
    m = w.morph
    return m.get("Person") == "3" and m.get("Number") == "Sing" or (
        "Person" not in m and "+pres+3sg" in pykko_forms(w.text.lower()))


def all_or_nothing(items, change) -> dict[int, str] | None:
    """The token changes of every item of a list merged (``change(item) -> {token index: new text} or None``), or
    None when any item cannot be changed: a list is rewritten whole or not at all, never left in two persons."""
    merged: dict[int, str] = {}
    for item in items:
        found = change(item)
        if found is None:
            return None
        merged.update(found)
    return merged
