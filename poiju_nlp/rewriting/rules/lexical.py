"""Word rules: a plainer word where it means the same, a short gloss for a term that must stay, an abbreviation
opened once.

Meaning first (issue 12): the lexicon (corpora/lexicon/lexicon.tsv) says per entry what may happen to a word. Only
``replace`` entries are swapped, for their first alternative; ``explain`` entries keep the word and get a gloss once,
at first use; ``suggest`` and ``familiar`` entries are never touched here (the teacher decides). Fixed terms
(corpora/rewriting word list ``fixed_term``: kolmas sektori, kliininen, toimintaympäristö ...) are never replaced,
and neither is a capitalised word inside a line (a programme or qualification name).
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from ...domain import HOURS_PER_CREDIT, credit_range_start, credits_to_hours
from ...scoring import get_lexicon
from ...scoring.credits import hours_apply
from ...text import inflect
from ...text.analysis import Token
from ...text.inflect import pykko_forms, pykko_lemmas
from ..edits import Edit
from .base import Context, Example, Rule, cap, each_finding, in_heading, register, token_at, word_list

_CREDIT = re.compile(r"(\d+(?:[,.]\d+)?)\s*$")
_UNIT_WORDS = ("kurssi", "opintojakso", "jakso")
REVIEW = Path(__file__).resolve().parents[3] / "corpora" / "lexicon" / "review.tsv"


def _hours(credits: float) -> str:
    hours = credits_to_hours(credits)
    return f"{hours:.0f}" if abs(hours - round(hours)) < 1e-9 else f"{hours:.1f}".replace(".", ",")


@lru_cache(maxsize=1)
def safe_everywhere() -> frozenset[str]:
    """Lexicon entries whose every reviewer judged the plain word a safe swap in any sentence (corpora/lexicon
    review.tsv, verdicts 'safe'); 'context' or 'wrong' from anyone keeps the word (review 1 of the rewriter:
    'arviointimenetelmä', 'ulottuvuus', 'juridinen', 'tietoperusta' failed, each with a 'context' or 'wrong')."""
    with REVIEW.open(encoding="utf-8", newline="") as f:
        return frozenset(row["lemma"] for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                         if row.get("verdicts") and set(row["verdicts"].split(",")) == {"safe"})


def is_explanation(f) -> bool:
    return bool(f.replacement) and f.replacement.startswith(f.text + " (")


def _gloss(tok: Token) -> str | None:
    lex = get_lexicon()
    for base in (tok.base, tok.lemma.lower(), *pykko_lemmas(tok.text)):
        entry = lex.lookup(base)
        if entry and entry.plain:
            return entry.plain[0]
    return None


_TITLE_LINE = re.compile(r"^[^.!?:]*\(\s*\d[\d,.–-]*\s*(?:op|osp|ov|opintopistettä)\s*\)\s*$", re.IGNORECASE)


def is_fixed_term(ctx: Context, f) -> bool:
    """A term that keeps its meaning only as it is: a heading word ('Osaamistavoitteet:'), listed as fixed, part of
    a fixed compound or phrase ('toimintaympäristössä', 'kolmannella sektorilla'), or a name inside a line
    ('Sosionomi (AMK)')."""
    if in_heading(ctx.text, f.start) or f.text[:1].isupper() and ctx.text[f.end:f.end + 1] == ":":
        return True  # (a heading inside a flattened line too: '... tiedot. Opetusperiodit: Arkkitehtuuri ...')
    fixed = word_list("fixed_term")
    term = (f.term or "").lower()
    tok = token_at(ctx, f.start)
    bases = {term, *(b.lower() for b in ([tok.base, tok.lemma] if tok else []))}
    if any(b in fixed or any(b.endswith(x) for x in fixed if " " not in x) for b in bases if b):
        return True
    before = ctx.text[max(0, f.start - 40):f.end].lower()
    if any(" " in x and x.split()[-1][:5] in before and x.split()[0][:5] in before for x in fixed):
        return True  # 'kolmannella sektorilla'
    after = ctx.text[f.start:f.end + 30].lower()
    if any(" " in x and after.startswith(x.split()[0][:5]) and x.split()[-1][:4] in after[len(f.text):]
           for x in fixed):
        return True  # 'kompleksisen tehon': the term is the first word of a fixed phrase
    if _TITLE_LINE.search(ctx.text[ctx.text.rfind("\n", 0, f.start) + 1:].split("\n")[0]):
        return True  # the course's name: 'Markkinoinnin tiedonkeruu ja asiakasymmärrys (6 op)' (dev texts)
    line_start = ctx.text.rfind("\n", 0, f.start) + 1
    first_of_line = not ctx.text[line_start:f.start].strip(" -•*\t")
    return f.text[:1].isupper() and not first_of_line and not ctx.text[:f.start].rstrip().endswith((".", ":", "!", "?"))


def _checked_replacement(ctx: Context, f) -> str | None:
    """The finding's inflected replacement, unless inflecting it would break the grammar: a multiword gloss is
    inflected on its last word only, which is wrong for 'opetus verkossa ja paikan päällä' in the essive. Finite
    verbs are re-inflected from the parse ('reflektoi' is present tense: 'pohtii', not 'pohti')."""
    tok = token_at(ctx, f.start)
    if tok is None or tok.end != f.end:
        return None  # a part of a word ('Opintojaksonn' -> 'Kurssinn'): the rest of the word would stay as it is
    gloss = _gloss(tok)
    if gloss and tok.pos in ("NOUN", "ADJ", "PROPN") and "+inf1" in (forms := pykko_forms(gloss.split()[0])) \
            and not any("+nom" in x for x in forms):
        return None  # 'osallistaminen' read through its verb 'osallistaa': 'ottaa mukaan' is no noun (dev texts)
    case = tok.morph.get("Case")
    if gloss and " " not in gloss and any("+pl+nom" in x for x in pykko_forms(gloss)) and not any(
            "+sg" in x for x in pykko_forms(gloss)) and case not in (None, "Nom"):
        return None  # a plural gloss ('arvoperusta' -> 'arvot') inflected as a singular ('arvoperustan' -> 'arvon')
    if gloss and tok.pos == "VERB" and gloss.split()[0] in word_list("partitive_only_verb") and any(
            w.head == tok.i and w.dep == "obj" and w.morph.get("Case") in ("Gen", "Acc", "Nom")
            for w in ctx.analysis.tokens):
        return None  # 'mahdollistaa opintojen tekemisen' -> 'auttaa opintojen tekemisen' breaks the government
    if gloss and " " in gloss and case not in (None, "Nom"):
        forms = pykko_forms(gloss.split()[-1])
        if any(w in ("ja", "tai", "sekä") for w in gloss.split()) or not (forms and "+nom" in forms[0]):
            return None
    m = tok.morph
    if tok.pos == "VERB" and m.get("VerbForm") == "Inf" and m.get("InfForm") == "1" and gloss and " " not in gloss \
            and gloss.endswith(("a", "ä")) and tok.text.lower().endswith(("a", "ä")):
        return cap(gloss) if tok.text[:1].isupper() else gloss  # 'integroida' -> 'yhdistää', not 'yhdistetä'
    if tok.pos in ("VERB", "AUX") and m.get("VerbForm") == "Fin" and m.get("Mood") == "Ind" and gloss \
            and m.get("Voice") != "Pass" and m.get("Person") and m.get("Number") and m.get("Polarity") != "Neg":
        tense = "pres" if m.get("Tense") == "Pres" else "past"
        words = gloss.split()
        first = inflect(words[0], f"+{tense}+{m['Person']}{'sg' if m['Number'] == 'Sing' else 'pl'}")
        if first:
            rep = " ".join([first] + words[1:])
            return cap(rep) if tok.text[:1].isupper() else rep
    return f.replacement


def _would_merge_course_units(ctx: Context, f, rep: str) -> bool:
    """'moduuli' -> 'kurssi' in a text that also speaks of its 'opintojaksot': two units would get one name."""
    if not rep.lower().startswith("kurssi"):
        return False
    return any(t.start != f.start and t.base.endswith(_UNIT_WORDS) and f.term not in t.base
               for t in ctx.analysis.tokens)


_SHARED_BEFORE = re.compile(r"\w-\s*(?:,|ja|tai|sekä|eli)\s+$", re.IGNORECASE)
_SHARED_AFTER = re.compile(r"^\s*(?:,|ja|tai|sekä|eli)\s+-\w", re.IGNORECASE)
_AFTER_FORM = ("tuaan", "tyään", "tuani", "tyäni", "tuasi", "tyäsi", "tuamme", "tyämme", "tuanne", "tyänne")


def in_shared_compound(text: str, start: int, end: int) -> bool:
    """Is the word one half of a hyphen-coordinated compound ('media- ja lähdekritiikki', 'sosiaali- ja
    terveysala': its last part is shared with the word before; 'suunnitteluperiaatteisiin ja -välineisiin': its
    first part with the word after; 'Vaatetussuunnittelun perusteet -opintojaksolla': the tail of a course name
    written with a hyphen)? A swap would leave the other half without its tail (review 10)."""
    return bool(_SHARED_BEFORE.search(text[max(0, start - 30):start])
                or _SHARED_AFTER.search(text[end:end + 30]) or "-" in (text[end:end + 1], text[start - 1:start]))


def case_misfits_governor(ctx: Context, tok: Token | None) -> bool:
    """Is the word already in a case its governor does not take? The agent of an 'X:n suoritettuaan' form and the
    complement of a genitive postposition ('X:n kanssa') are genitives; a modifier agrees with its noun in case.
    'Opintojakso suoritettuaan' -> 'Kurssi suoritettuaan' would rebuild the slip with a new word (review 10);
    the teacher sees it better when the word stays as it is."""
    if tok is None:
        return False
    toks = ctx.analysis.tokens
    case = tok.morph.get("Case")
    nxt = next((t for t in toks[tok.i + 1:tok.i + 2] if t.is_word), None)
    if case != "Gen" and nxt is not None and (nxt.text.lower().endswith(_AFTER_FORM)
                                             or nxt.text.lower() in word_list("genitive_postposition")):
        return True
    return any(w.head == tok.i and w.i < tok.i and w.dep in ("amod", "det") and w.morph.get("Case")
               and case and w.morph.get("Case") != case for w in toks)


def _replaceable(ctx: Context) -> list:
    """Findings whose lexicon entry says ``replace`` and that are no fixed term."""
    lex = get_lexicon()
    out = []
    for f in each_finding(ctx):
        if f.kind not in ("jargon", "loanword") or not f.replacement or is_explanation(f):
            continue
        entry = lex.lookup(f.term) if f.term else None
        if entry is None or entry.action != "replace" or f.replacement.lower() == f.text.lower() \
                or entry.lemma not in safe_everywhere():
            continue
        if not is_fixed_term(ctx, f) and not in_shared_compound(ctx.text, f.start, f.end) \
                and not case_misfits_governor(ctx, token_at(ctx, f.start)):
            out.append(f)
    return out


def _lemmas(w: Token) -> set[str]:
    return {w.base, w.lemma.lower(), w.text.lower(), *pykko_lemmas(w.text)} - {""}


def _target_in_sentence(ctx: Context, f, rep: str) -> bool:
    """Does the plain word already stand in the same sentence ('mitä data, tieto ja informaatio ovat' -> 'data,
    tieto ja tieto': review 8)? Two words side by side name two things; the swap would make them one. Of a phrase
    its head, the last word, is checked: 'lähteiden arviointi, lähdekritiikki' would say 'lähteiden arviointi'
    twice (dev texts)."""
    head = rep.strip().split()[-1] if rep.strip() else ""
    targets = {head.lower(), *pykko_lemmas(head)} - {""}
    sent = next((s for s in ctx.analysis.sentences if s.start <= f.start < s.end), None)
    if sent is None or not targets:
        return False
    toks = ctx.analysis.tokens
    return any(toks[i].is_word and not f.start <= toks[i].start < f.end and _lemmas(toks[i]) & targets
               for i in sent.tokens)


def _build_lexicon(ctx: Context, f) -> Edit | None:
    rep = _checked_replacement(ctx, f)
    if not rep or _would_merge_course_units(ctx, f, rep) or _target_in_sentence(ctx, f, rep):
        return None  # (a unit name that would merge two units is left as it is)
    if f.text[:1].islower() and not rep[:2].isupper():
        rep = rep[:1].lower() + rep[1:]
    return Edit(f.start, f.end, f.text, rep, "lexicon", f"Tutumpi sana: \"{f.text}\" → \"{rep}\". {f.reason}".strip())


def _credit_explanation(ctx: Context, f) -> Edit | None:
    """'3 op' -> '3 opintopistettä (noin 81 tuntia työtä)' (domain.HOURS_PER_CREDIT)."""
    m = _CREDIT.search(ctx.text[max(0, f.start - 12):f.start])
    if not m:
        return None
    try:
        value = float(m.group(1).replace(",", "."))
    except ValueError:
        return None
    if value <= 0:
        return None  # '(0 op)': 'noin 0 tuntia työtä' says nothing (review 2)
    if not hours_apply(ctx.text):
        return None  # a lukio or vocational 'op' is not 27 hours of work (the teacher's screen says the same)
    low = credit_range_start(ctx.text[:f.start])
    hours_s = _hours(value)
    if low is not None:  # '2–3 op' is 54–81 hours, not 81 (review 1)
        hours_s = f"{_hours(low)}–{hours_s}"
    word = f.text
    if f.text.lower() == "op":
        word = "opintopiste" if value == 1 else "opintopistettä"
    inside_parens = ctx.text[f.end:f.end + 1] == ")"
    rep = f"{word}, noin {hours_s} tuntia työtä" if inside_parens else f"{word} (noin {hours_s} tuntia työtä)"
    return Edit(f.start, f.end, f.text, rep, "explain",
                f"Opintopiste selitetään kerran: 1 op on noin {HOURS_PER_CREDIT} tuntia työtä.")


def _is_credit_word(text: str) -> bool:
    return text.lower() == "op" or text.lower().startswith("opintopist")


def _first_explanations(ctx: Context) -> list:
    """The first finding of each term that the lexicon says to explain (a credit word counts once in all)."""
    out, seen = [], set()
    for f in each_finding(ctx):
        if not is_explanation(f) or f.kind == "abbreviation" and f.text.lower() != "op":
            continue
        key = "credit" if _is_credit_word(f.text) else f.replacement[len(f.text):].strip().lower()
        if key in seen or ctx.text[f.end:f.end + 1] == "-":
            continue  # 'Alkusammutus- ja pelastuskoulutus': a bracket cannot go inside a shared compound
        if ctx.text[f.end:f.end + 2] == " (":
            continue  # the author explains it already
        if _is_credit_word(f.text) and _credit_explanation(ctx, f) is None:
            continue
        if _other_sense(ctx, f) or _splits_genitive_phrase(ctx, f):
            continue
        seen.add(key)
        out.append(f)
    return out


def _splits_genitive_phrase(ctx: Context, f) -> bool:
    """Would the gloss stand between a genitive and the word it belongs to ('tasa-arvon ja yhdenvertaisuuden
    (jokaisella on sama arvo, ...) periaatteita', review 11)? The bracket breaks the phrase; a later use of the
    term may still get it."""
    tok = token_at(ctx, f.start)
    if tok is None or tok.morph.get("Case") != "Gen" or tok.end != f.end:
        return False
    nxt = next((t for t in ctx.analysis.tokens[tok.i + 1:tok.i + 2]), None)
    return nxt is not None and nxt.is_word


def _other_sense(ctx: Context, f) -> bool:
    """Does the text use the term in a sense its gloss does not fit, seen by a modifier before it (word list
    ``gloss_not_after``: 'empiirinen korrelaatio' is a formula fitted to data, not 'kahden asian yhteys', review 8)?
    One such use and the term is not glossed anywhere in the text."""
    tok = token_at(ctx, f.start)
    term = _lemmas(tok) if tok else {(f.term or f.text).lower()}
    modifiers = {m for m, t in (x.split() for x in word_list("gloss_not_after")) if t in term}
    toks = ctx.analysis.tokens
    return bool(modifiers) and any(_lemmas(b) & term and _lemmas(a) & modifiers for a, b in zip(toks, toks[1:]))


def _build_explain(ctx: Context, f) -> Edit | None:
    if _is_credit_word(f.text):
        return _credit_explanation(ctx, f)
    rep = f.replacement.replace("((selite) ", "(")  # the lexicon marks a gloss that is no synonym (review 1)
    return Edit(f.start, f.end, f.text, rep, "explain",
                f"Välttämätön termi selitetään kerran, ensimmäisellä kerralla. {f.reason}".strip())


def _first_abbreviations(ctx: Context) -> list:
    out, seen = [], set()
    lex = get_lexicon()
    for f in each_finding(ctx):
        if f.kind != "abbreviation" or f.text.lower() == "op":
            continue
        head = f.text.split(":")[0].split("-")[0]
        if head.lower() == "op":
            continue  # '2 op:n (opintopiste, noin 27 tuntia työtä)' reads as the hours of the 2 credits (review 7);
            # the credit explanation of a bare 'op' is the explain rule's
        entry = lex.lookup_abbreviation(head)
        if entry is None or not entry.plain or head.upper() in seen or entry.action in ("familiar", "suggest"):
            continue
        seen.add(head.upper())
        if ctx.text[f.start - 1:f.start] == "(" or ctx.text[f.end:f.end + 2] == " (":
            continue  # already explained by the author: 'tunnustaminen (AHOT)', 'AHOT (aiemmin ...)'
        if ctx.text[f.end:f.end + 1] == ")" and not _UNIT_AMOUNT.get(head.lower()):
            continue  # '(… ABC)': the expansion would put a bracket inside a bracket
        out.append((f, head, entry.plain[0]))
    return out


# A unit written after a number is written out in the partitive, not glossed in brackets: '(30 osp)' ->
# '(30 osaamispistettä)', never '(30 osp (osaamispiste))' (blind review 3: wrong case, bracket in a bracket).
_UNIT_AMOUNT = {"osp": ("osaamispiste", "osaamispistettä")}


def _build_abbreviation(ctx: Context, found) -> Edit | None:
    f, head, expansion = found
    unit = _UNIT_AMOUNT.get(head.lower())
    if unit and f.text.lower() == head.lower():
        m = _CREDIT.search(ctx.text[max(0, f.start - 12):f.start])
        if not m:
            return None
        one = m.group(1) == "1" and credit_range_start(ctx.text[:f.start]) is None
        return Edit(f.start, f.end, f.text, unit[0] if one else unit[1], "abbreviation",
                    f"Lyhenne kirjoitetaan auki: {head} = {unit[0]}.")
    if unit or ctx.text[f.end:f.end + 1] == ")":
        return None
    return Edit(f.start, f.end, f.text, f"{f.text} ({expansion})", "abbreviation",
                f"Lyhenne avataan kerran: {head} = {expansion}.")


LEXICON = register(Rule(
    id="lexicon", label="tutumpi sana", priority=30, pass_="token", find=_replaceable, build=_build_lexicon,
    examples=(
        Example("- osaa kuvailla ja arvioida yksilöllisten erojen tutkimuksen psykologisia arviointimenetelmiä."),
        Example("- työskennellä sosiaali- ja terveysalan arvoperustan ja säädösten mukaan"),
        Example("Osaamistavoitteet: Opiskelija osaa arvioida tiedon luotettavuutta."),
        # 'informaatio' is only suggested now: 'informaatiolla manipulointia' is no 'tiedolla manipulointia' (review 9)
        Example("- osaa hakea ja arvioida informaation luotettavuutta"),
        Example("Opintojaksolla harjoitellaan menetelmien implementoinnissa tarvittavia taitoja.",
                "Kurssilla harjoitellaan menetelmien implementoinnissa tarvittavia taitoja."),
        Example("Opiskelija toimii kolmannella sektorilla ja julkisessa toimintaympäristössä."),
        Example("Kurssin käytyään opiskelija tietää mitä data, tieto ja informaatio ovat ja ymmärtää datan määrää "
                "kuvaavia käsitteitä."),
        # the second half of a shared compound: 'media- ja lähteiden arviointi' (review 10)
        Example("- media- ja lähdekritiikki, sensuuri, sananvapaus, tiedonhankinta, tekijänoikeudet ja plagiointi"),
        Example("Aineisto on kokoelmasta, jota työstetään Vaatetus- ja tekstiilisuunnittelun perusteet "
                "-opintojaksolla."),
        Example("Kurssin aikataulu riippuu pääaineesta. Opetusperiodit: Arkkitehtuuri I-II ja Maisema-arkkitehtuuri "
                "III-IV."),
        Example("- tiedonhallinnan taidot, lähteiden arviointi, lähdekritiikki, tekijänoikeudet"),
        Example("Markkinoinnin tiedonkeruu ja asiakasymmärrys (6 op)\nOsaamistavoitteet: Keskeiset markkinoinnin "
                "tiedonkeruun menetelmät."),
        Example("Opiskelija ymmärtää mm. kompleksisen tehon ja suodatuksen käsitteet."),
        Example("Sisältö: Vaikuttamisviestintä kansalais- ja designaktivismin näkökulmasta: osallistaminen ja "
                "aktivismi."),
        # the agent of 'suoritettuaan' is a genitive: 'Kurssi suoritettuaan' rebuilt the slip (review 10)
        Example("Osaamistavoitteet: Opintojakso suoritettuaan opiskelija: tunnistaa maskeeraajan osuuden "
                "henkilöhahmojen rakentamisessa"),
    )))

EXPLAIN = register(Rule(
    id="explain", label="termi selitetty", priority=10, pass_="token", find=_first_explanations,
    build=_build_explain,
    examples=(
        Example("Mittaustekniikan projekti (2–10 op)",
                "Mittaustekniikan projekti (2–10 opintopistettä, noin 54–270 tuntia työtä)"),
        Example("Vammaistyö (50 osp)"),
        # the gloss would split 'yhdenvertaisuuden ... periaatteita' (review 11)
        Example("- osaa toimia tasa-arvon ja yhdenvertaisuuden periaatteita noudattaen"),
        Example("SV25 Tekstien tulkinta 1 (2 op)\nModuulin tavoitteena on, että opiskelija ymmärtää median roolin."),
        Example("Kestävä liiketoiminta (5 op)",
                "Kestävä liiketoiminta (5 opintopistettä, noin 135 tuntia työtä)"),
        Example("- osaa etsiä ja käyttää empiirisiä korrelaatiota aineominaisuuksien ja prosessien malliparametrien "
                "estimoimiseen"),
    )))

ABBREVIATION = register(Rule(
    id="abbreviation", label="lyhenne avattu", priority=20, pass_="token", find=_first_abbreviations,
    build=_build_abbreviation,
    examples=(
        Example("Opiskelija päivittää HOPS:n opintojen alussa.",
                "Opiskelija päivittää HOPS:n (henkilökohtainen opintosuunnitelma) opintojen alussa."),
        Example("Aiemmin hankittu osaaminen tunnustetaan AHOT-menettelyllä (AHOT)."),
        Example("Seminaariosuus on jaettu 2 op:n kokonaisuuksiksi, jotka jakaantuvat 2. ja 3. vuosikurssille."),
        Example("Ohjelmiston tuotantoversion toteuttaminen (30 osp)",
                "Ohjelmiston tuotantoversion toteuttaminen (30 osaamispistettä)"),
    )))
