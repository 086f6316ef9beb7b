"""Detectors: each takes a TextAnalysis (and the lexicon) and returns Findings. Register with @detector."""
from __future__ import annotations

import re
from typing import Callable

from ..settings import SCORING
from ..text.analysis import TextAnalysis, Token
from .credits import HOUR_CREDIT_WORDS, SCHOOL_CREDIT_EXPLANATION, credit_gloss, hours_apply
from .familiarity import familiarity
from .findings import Finding
from .inflection import inflected_alternative
from .lexicon import EmptyPhrase, Lexicon, LexiconEntry
from .metrics import is_nominal, is_passive
from .voikko_words import derivation_source, is_verb, voikko_participle

DETECTORS: dict[str, Callable[[TextAnalysis, Lexicon], list[Finding]]] = {}
_ROMAN = re.compile(r"[IVXLC]+")  # 'Kalustesuunnittelu III', 'osa II': a numeral, not an abbreviation
_ABBREV = re.compile(r"^([A-ZÅÄÖ][A-ZÅÄÖ0-9]{1,5}|[a-zåäö]{1,3})(?::[a-zåäö]+)?(?:-.*)?$")


def detector(name: str):
    def register(fn):
        DETECTORS[name] = fn
        return fn

    return register


def _number_before(a: TextAnalysis, token: Token) -> float | None:
    if token.i == 0:
        return None
    prev = a.tokens[token.i - 1].text.replace(",", ".")
    try:
        return float(prev)
    except ValueError:
        return None


def _lexicon_finding(entry: LexiconEntry, start: int, end: int, text: str, token: Token | None,
                     whole_word: bool, credits: float | None = None, full_text: str = "") -> Finding:
    kind = {"abbreviation": "abbreviation", "loanword": "loanword"}.get(entry.kind, "jargon")
    severity = 2 if entry.kind in ("loanword", "academic", "bureaucratic") else 1 if entry.action == "explain" else 2
    school_gloss = credit_gloss(entry, credits, full_text)
    gloss = school_gloss if school_gloss is not None else (entry.plain[0] if entry.plain else "")
    if entry.lemma.lower() in HOUR_CREDIT_WORDS and not hours_apply(full_text):
        entry = LexiconEntry(entry.lemma, entry.kind, (), SCHOOL_CREDIT_EXPLANATION, entry.domain, entry.action)
    replacement = None
    if entry.action == "explain" and gloss and whole_word:
        suggestion = f"{text} ({gloss})"
        replacement = suggestion
        reason = f"Työelämän lukija ei välttämättä tunne tätä. {entry.explanation}".strip()
    elif entry.action == "explain":
        # a fixed term with no short gloss: kept as it is and explained in the teacher's own words
        suggestion = "Pidä sana, mutta selitä se lukijalle ensimmäisellä kerralla."
        reason = f"Työelämän lukija ei välttämättä tunne tätä. {entry.explanation}".strip()
    elif entry.action == "suggest" and whole_word and token is not None and gloss:
        # the alternatives fit some sentences only: the teacher chooses, the rewriter never swaps them
        # a phrase is shown in its base form: inflecting it like one word breaks it ('yhdessä tehdä' -> 'yhdessä teki')
        # an option is offered only in the original's form and as a word Voikko knows, else not at all
        options = [o for o in (_inflected_or_base(p, token, text, entry) for p in entry.plain) if o]
        suggestion = ("Harkitse: " + " tai ".join(f"'{o}'" for o in options) + " (tarkista, sopiiko tähän)."
                      if options else f"Selitä sana lukijalle tai kirjoita tilalle tavallisempi ilmaus "
                                      f"(esim. perusmuodossa '{entry.plain[0]}').")
        reason = entry.explanation or "Sana on korkeakoulu- tai virkakieltä."
    elif whole_word and token is not None and gloss:
        replacement = gloss if text.lower() == entry.lemma.lower() else inflected_alternative(gloss, token)
        # the other options in the same form, or left out ('eri ammattilaisten yhteinen' beside 'moniammatillisen')
        others = [o for o in (_inflected_or_base(p, token, text, entry) for p in entry.plain[1:]) if o]
        if not replacement or not real_finnish(replacement):
            # an inflection that is not a word ('henkilöstöjohtaa') or no form that fits: the base forms, said to be
            # base forms, never a made-up word or a wrong form
            replacement = None
            suggestion = ("Kirjoita tilalle tavallisempi sana taivutettuna tähän virkkeeseen (perusmuodossa "
                          + " tai ".join(f"'{p}'" for p in entry.plain) + ").")
        else:
            suggestion = replacement + (f" (tai: {', '.join(others)})" if others else "")
        reason = entry.explanation or "Sana on korkeakoulu- tai virkakieltä."
    else:  # matched inside a compound or a derivation: explain the part
        suggestion = f"Avaa sana: {entry.lemma} = {gloss}" if gloss else f"Avaa sana {entry.lemma}."
        reason = entry.explanation or "Sanassa on korkeakoulu- tai virkakielen termi."
        if gloss and token is not None and len(token.compound_parts) <= 1 and is_verb(entry.lemma):
            # made from a listed verb ('fasilitoivien', 'reflektointi'): a participle takes the plain verb's same
            # form ('ohjaavien'); for a noun the verb's gloss is said to be the verb's (the blind review read
            # 'reflektoida = pohtia' beside 'reflektointi' as a wrong form)
            participle = voikko_participle(token.text)
            form = inflected_alternative(gloss, token) if participle else ""
            if form and " " not in gloss and real_finnish(form) and form.lower() != gloss:
                suggestion = f"Harkitse: '{form}' (tarkista, sopiiko tähän)."
            else:
                suggestion = f"Sana tulee verbistä '{entry.lemma}' (= '{gloss}'): kirjoita sama asia suomen sanoin."
    if replacement and text[:1].isupper() and not text.isupper() and replacement[:1].islower():
        replacement = replacement[:1].upper() + replacement[1:]  # a multiword term opens the sentence
        suggestion = replacement + suggestion[len(replacement):] if suggestion.lower().startswith(
            replacement.lower()) else suggestion
    return Finding(start, end, text, kind, severity, reason, suggestion, replacement, term=entry.lemma)


def _inflected_or_base(alternative: str, token: Token, text: str, entry: LexiconEntry) -> str:
    """The alternative in the original's form; the base form when the original is itself in base form (a list item
    'reflektoida omaa rooliaan' -> 'pohtia', not a form read off a misparse); "" when no form fits or the form is
    not a word (a base form beside an inflected word was a wrong form in blind reviews 5-6)."""
    if text.lower() == entry.lemma.lower():
        return alternative
    form = inflected_alternative(alternative, token)
    return form if form and real_finnish(form) and _reads_as_itself(form, alternative) else ""


def _reads_as_itself(form: str, alternative: str) -> bool:
    """A one-word alternative's form is a form of that word: the inflector read 'opetustapa' as 'opetusta' with a
    clitic and gave 'opetusta' for 'pedagogiikkaa' (another word). Unchecked when Voikko lacks the base form."""
    from ..text.resources import voikko_analyze

    readings = voikko_analyze(alternative)
    if " " in alternative or " " in form or not readings or any(
            r.get("CLASS") == "teonsana" and (r.get("BASEFORM") or "").lower() == alternative.lower()
            for r in readings):
        return True  # a verb's participle reads as an adjective ('käyttää' -> 'käytetyssä' = käytetty)
    # a -minen noun or a participle reads as its verb in both ('yhdistämisessä', 'käytetyssä')
    # ('opetustapa' also reads as 'opetus' + the clitic -pa: a reading as the word itself wins)
    bases = {(r.get("BASEFORM") or "").lower() for r in readings}
    bases = {alternative.lower()} if alternative.lower() in bases else bases | {alternative.lower()}
    return any((r.get("BASEFORM") or "").lower() in bases for r in voikko_analyze(form.lower()))


def real_finnish(phrase: str) -> bool:
    from .select import real_finnish as check

    return check(phrase)


def guessed_lemmas(word: str) -> tuple[str, ...]:
    from ..text.inflect import pykko_lemmas

    return pykko_lemmas(word)


# a case ending joined to a consonant-final loanword with the linking i ('Kanban' -> 'Kanbania', 'Kanbanin')
_LINKING_I = re.compile(r"(\w+[^aeiouyäöi\W])i(?:a|ä|n|in|ssa|ssä|sta|stä|lla|llä|lle|lta|ltä|ksi|na|nä)$")


def _candidate_bases(token: Token, lexicon_prefixes: set[str] | None = None) -> list[tuple[str, bool]]:
    """(base, whole_word) pairs to look up: the base form, then runs of consecutive compound parts."""
    out = [(token.base, True), (token.lemma.lower(), True)]
    if not token.known and lexicon_prefixes is not None and token.text[:5].lower() in lexicon_prefixes:
        # Voikko does not know loanwords like 'implementoinnissa': ask pypykko's guesser, but only when the
        # word could be a lexicon entry at all (the guesser costs ~1 ms a word).
        out.extend((lemma, True) for lemma in guessed_lemmas(token.text))
        linked = _LINKING_I.match(token.text.lower())  # the guesser reads 'Kanbania' as 'kanbania'
        if linked:
            out.append((linked.group(1), True))
    if lexicon_prefixes is not None and len(token.compound_parts) <= 1 and token.text[:5].lower() in lexicon_prefixes:
        source = derivation_source(token.text)  # 'integroituu' is 'integroida' turned reflexive
        if source and source.endswith(("a", "ä")):  # from a verb only: 'reaktiivisuus' is not 'reaktiivinen'
            out.append((source, False))  # explained, never swapped: 'yhdistää' is not 'integroituu
    parts = [p.base.lower() for p in token.compound_parts]
    surfaces = [p.surface.lower() for p in token.compound_parts]
    if len(parts) > 1:
        for i in range(len(parts)):
            for j in range(len(parts), i, -1):
                if j - i == len(parts):
                    continue
                joined = "".join(surfaces[i:j - 1]) + parts[j - 1]
                if len(joined) >= 5:
                    out.append((joined, False))
    return out


def _lexicon_prefixes(lex: Lexicon) -> set[str]:
    prefixes = getattr(lex, "_prefixes", None)
    if prefixes is None:
        prefixes = lex._prefixes = {lemma[:5] for lemma in lex.entries}
    return prefixes


@detector("lexicon")
def detect_lexicon(a: TextAnalysis, lex: Lexicon) -> list[Finding]:
    findings: list[Finding] = []
    covered: set[int] = set()
    words = [t for t in a.tokens]
    # multiword entries first (jatkuva oppiminen)
    n = lex.max_multiword
    if n > 1:
        for i in range(len(words)):
            for size in range(n, 1, -1):
                seq = words[i:i + size]
                if len(seq) < size:
                    continue
                key = tuple(t.base for t in seq)
                key2 = tuple(t.lemma.lower() for t in seq)
                entry = lex.multiword.get(key) or lex.multiword.get(key2)
                if entry:
                    start, end = seq[0].start, seq[-1].end
                    findings.append(_lexicon_finding(entry, start, end, a.text[start:end], seq[-1], True,
                                                    full_text=a.text))
                    covered.update(t.i for t in seq)
                    break
    for t in a.words:
        if t.i in covered:
            continue
        head = t.text.split(":")[0].split("-")[0]
        # mixed-case abbreviations are listed as written ('LOVe', 'eHOPS'): look those up as they are
        entry = lex.lookup_abbreviation(head) if _ABBREV.match(t.text) or head in lex.abbreviations else None
        if entry:
            findings.append(_lexicon_finding(entry, t.start, t.end, t.text, t, True, _number_before(a, t), a.text))
            continue
        for base, whole in _candidate_bases(t, _lexicon_prefixes(lex)):
            entry = lex.lookup(base)
            if entry:
                findings.append(_lexicon_finding(entry, t.start, t.end, t.text, t, whole, _number_before(a, t),
                                                a.text))
                break
    return findings


@detector("abbreviation")
def detect_unlisted_abbreviations(a: TextAnalysis, lex: Lexicon) -> list[Finding]:
    out = []
    for t in a.words:
        head = t.text.split(":")[0].split("-")[0]
        if (2 <= len(head) <= SCORING.abbreviation_max_len and head.isupper() and head.isalpha()
                and lex.lookup_abbreviation(head) is None and not _ROMAN.fullmatch(head)
                and head.lower() not in lex.familiar):
            out.append(Finding(t.start, t.end, t.text, "abbreviation", 1,
                               "Lyhenne voi olla lukijalle tuntematon.",
                               f"Kirjoita lyhenne auki, kun se esiintyy ensimmäisen kerran: ... ({head})."))
    return out


def _is_skippable(t: Token, sentence_starts: set[int]) -> bool:
    """Names, numbers, symbols and acronyms are not vocabulary problems."""
    if t.pos in ("PROPN", "NUM", "SYM", "X") or any(ch.isdigit() for ch in t.text) or t.text.isupper():
        return True
    return t.text[:1].isupper() and t.start not in sentence_starts  # capitalised mid-sentence: a name


_GLUED_MARKS = "/\\|*_+"


@detector("vocabulary")
def detect_rare_and_unknown(a: TextAnalysis, lex: Lexicon) -> list[Finding]:
    out = []
    starts = {a.tokens[s.tokens[0]].start for s in a.sentences if s.tokens}
    for t in a.words:
        if _is_skippable(t, starts) or len(t.text) < 4:
            continue
        if a.text[t.end:t.end + 2] in ("- ", "-\n", "-,"):
            continue  # the first part of a shared compound: 'sosiaali- ja terveysala'

        if not t.known and "-" in t.text and real_finnish(t.text.replace("-", " ")):
            continue  # 'Happo-emäskemia', 'Rakenne-aktiivisuusmallit': every part is Finnish
        if not t.known and t.text.strip(_GLUED_MARKS) != t.text and real_finnish(t.text.strip(_GLUED_MARKS)):
            continue  # a known word with a slash glued to it ('kehittyy/', blind review 7)
        if not t.known:
            out.append(Finding(t.start, t.end, t.text, "unknown_word", 2,
                               "Sana on harvinainen, vierasperäinen tai kirjoitusvirhe: suomen oikoluku ei tunne sitä.",
                               "Käytä tutumpaa suomen sanaa tai selitä sana."))
            continue
        if t.pos not in ("NOUN", "VERB", "ADJ", "ADV"):
            continue
        fam = familiarity(t)
        if fam < SCORING.rare_zipf:
            severity = 2 if fam < SCORING.rare_zipf - 1 else 1
            out.append(Finding(t.start, t.end, t.text, "rare_word", severity,
                               f"Harvinainen sana (yleisyys {fam:.1f}/7): moni lukija ei tunne sitä.",
                               "Käytä arkisempaa sanaa tai selitä se."))
        elif (len(t.compound_parts) >= SCORING.compound_min_parts
              and sum(ch.isalpha() for ch in t.text) >= SCORING.compound_min_letters):
            parts = " + ".join(p.base for p in t.compound_parts)
            out.append(Finding(t.start, t.end, t.text, "long_compound", 1,
                               "Pitkä yhdyssana hidastaa lukemista.",
                               f"Kirjoita auki useammalla sanalla (osat: {parts})."))
    return out


@detector("nominal")
def detect_nominal_style(a: TextAnalysis, lex: Lexicon) -> list[Finding]:
    out = []
    for s in a.sentences:
        toks = [a.tokens[i] for i in s.tokens]
        words = [t for t in toks if t.is_word]
        nominal = [t for t in words if is_nominal(t)]
        # chains: two or more nominal nouns next to each other (osaamisen kehittämisen tukeminen)
        run: list[Token] = []
        for t in toks + [None]:
            if t is not None and is_nominal(t):
                run.append(t)
                continue
            if len(run) >= 2:
                start, end = run[0].start, run[-1].end
                verb = next((r.base for r in reversed(run) if r.base.endswith(("a", "ä")) and r.base != r.lemma.lower()
                             and real_finnish(r.base)), None)
                tip = f"Käytä verbiä, esim. '{verb}'." if verb else "Käytä verbiä: kerro, kuka tekee mitä."
                out.append(Finding(start, end, a.text[start:end], "nominal", 2,
                                   "Peräkkäiset -minen- ja -us-sanat tekevät tekstistä raskasta virkakieltä.", tip))
            run = []
        if words and len(nominal) / len(words) > SCORING.nominal_density and len(nominal) >= 2:
            for t in nominal:
                if not any(f.start <= t.start < f.end for f in out):
                    verb = t.base if (t.base != t.lemma.lower() and t.base.endswith(("a", "ä"))
                                      and real_finnish(t.base)) else None
                    tip = f"Käytä verbiä, esim. '{verb}'." if verb else "Käytä verbiä substantiivin sijaan."
                    out.append(Finding(t.start, t.end, t.text, "nominal", 1,
                                       "Virkkeessä on paljon -minen- ja -us-sanoja.", tip))
    return out


@detector("passive")
def detect_passive(a: TextAnalysis, lex: Lexicon) -> list[Finding]:
    from ..text.inflect import inflect

    out = []
    for t in a.tokens:
        if not is_passive(t):
            continue
        tense = "+past" if t.morph.get("Tense") == "Past" else "+pres"
        active = inflect(t.lemma.lower(), f"{tense}+2sg") if t.pos == "VERB" else None
        tip = (f"Puhuttele lukijaa: '{active}'." if active else "Kerro, kuka tekee: käytä aktiivia.")
        out.append(Finding(t.start, t.end, t.text, "passive", 1,
                           "Passiivi jättää epäselväksi, kuka tekee. Kurssikuvauksessa lukija on se, joka opiskelee.",
                           tip, None))
    return out


@detector("sentence_length")
def detect_long_sentences(a: TextAnalysis, lex: Lexicon) -> list[Finding]:
    out = []
    for s in a.sentences:
        n = sum(1 for i in s.tokens if a.tokens[i].is_word)
        if n > SCORING.very_long_sentence_words:
            out.append(Finding(s.start, s.end, s.text, "long_sentence", 3,
                               f"Hyvin pitkä virke ({n} sanaa).", "Jaa virke kolmeksi tai useammaksi lyhyeksi virkkeeksi."))
        elif n > SCORING.long_sentence_words:
            out.append(Finding(s.start, s.end, s.text, "long_sentence", 2,
                               f"Pitkä virke ({n} sanaa).", "Jaa virke kahdeksi: yksi asia yhdessä virkkeessä."))
    return out


@detector("genitive_chain")
def detect_genitive_chains(a: TextAnalysis, lex: Lexicon) -> list[Finding]:
    out = []
    run: list[Token] = []
    for t in a.tokens + [None]:
        if t is not None and t.pos in ("NOUN", "PROPN") and t.morph.get("Case") == "Gen":
            run.append(t)
            continue
        if len(run) >= SCORING.genitive_chain:
            end_tok = t if t is not None and t.pos == "NOUN" else run[-1]
            start, end = run[0].start, end_tok.end
            out.append(Finding(start, end, a.text[start:end], "genitive_chain", 2,
                               f"{len(run)} genetiiviä peräkkäin: lukijan pitää pitää monta asiaa mielessä.",
                               "Pura ketju: käytä verbiä tai kahta virkettä."))
        run = []
    return out


PHRASE_STEM_MIN = 7  # a shorter stem matches other words: 'keskiö' -> 'keskittyy', 'tarve' -> 'tarvittavia'


def _phrase_word_matches(word: str, t: Token) -> bool:
    if word in (t.base, t.lemma.lower(), t.text.lower()):
        return True
    surface, stem = t.text.lower(), word[:-1]
    nxt = surface[len(stem):len(stem) + 1]  # 'perustieto-a' yes, 'perustiet-eiden' (another word) no
    return len(word) >= PHRASE_STEM_MIN and surface.startswith(stem) and not (nxt in "aeiouyäö" and nxt != word[-1])


def _phrase_index(lex: Lexicon) -> dict[str, list]:
    """Empty phrases keyed by their first word and by its stem (first word minus its last letter)."""
    index = getattr(lex, "_phrase_index", None)
    if index is None:
        index = {}
        for phrase in lex.empty_phrases:
            first = phrase.lemmas[0]
            for key in {first, first[:-1] if len(first) >= PHRASE_STEM_MIN else first}:
                index.setdefault(key, []).append(phrase)
        lex._phrase_index = index
    return index


def _phrases_starting_at(t: Token, index: dict[str, list]) -> list:
    surface = t.text.lower()
    keys = {t.base, t.lemma.lower(), surface} | {surface[:n] for n in range(4, len(surface))}
    found = []
    for key in keys:
        found.extend(index.get(key, ()))
    return list({id(p): p for p in found}.values())


HEADING_MAX_WORDS = 6


def _in_heading(text: str, start: int, end: int) -> bool:
    """The phrase is (in) a heading: a short line of its own, or one that ends in a colon ('Keskeiset sisällöt:',
    'Tavoitteisiin liittyvät keskeiset sisältöalueet:'). A heading announces the list below it, it is not vague."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    words = len(_ALPHA_WORD.findall(line))
    if words > HEADING_MAX_WORDS:
        return False
    return line.endswith(":") or (not line.endswith((".", "!", "?")) and "\n" in text)


def _leads_a_list(text: str, end: int) -> bool:
    """The phrase is in a line that ends with a colon: the list below says what it means ('... tarvittavaa
    osaamista:')."""
    line_end = text.find("\n", end)
    rest = text[end:len(text) if line_end < 0 else line_end]
    # 'Keskeisin sisältö: Ohjelmointi, ...', 'tarvittava osaaminen: Työkyvyn ylläpitäminen ...': the list follows
    return rest.rstrip().endswith(":") or rest.lstrip().startswith(":")


def _named_later(text: str, end: int) -> bool:
    """The same sentence names the content: '... keskeisiin käsitteisiin, kuten segregaatio, integraatio'."""
    stop = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    rest = text[end:min(stop) if stop else len(text)].lower()
    return any(w in rest for w in (" kuten ", " esimerkiksi ", " esim. ", " eli ", ": "))


def unit_name(text: str, start: int, end: int) -> bool:
    """The phrase is in an official unit name: a line of its own with no sentence end ('Ammatilliseen koulutukseen
    orientoituminen ja työelämän perusvalmiuksien hankkiminen') or one with its credits ('(2 osp)')."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    return bool(re.search(r"\(\s*\d+(?:[,.]\d+)?\s*(osp|op)\s*\)", line)) or (
        "\n" in text and not line.endswith((".", "!", "?", ":")) and len(_ALPHA_WORD.findall(line)) <= 14
        and "." not in line)


def empty_phrase_advice(phrase: EmptyPhrase, span: str) -> str:
    """What to write instead, for this text: the list's instruction with its template filled with the words found
    ("Kerro, mitkä periaatteet: esim. 'keskeisiin periaatteisiin, kuten X ja Y'."). The tool cannot know what the
    principles are, so X and Y stay for the teacher to fill in: no content is invented."""
    suggestion = (phrase.suggestion or "Kerro konkreettisesti.").strip()
    if "…" in suggestion:
        return suggestion.replace("…", span).replace(": esimerkiksi ", ": esim. ")
    # an older row without a template: its example is written for another field, so only the instruction is kept
    instruction = suggestion.split(": esimerkiksi")[0].rstrip(". ")
    return f"Kirjoita '{span}' tilalle, mitä se tällä kurssilla tarkoittaa ({instruction[:1].lower()}{instruction[1:]})."


_NO_TOPIC = {"aihe", "asia", "teema", "ala", "kokonaisuus"}


def _specified(toks: list[Token], i: int, n: int) -> bool:
    """The phrase is followed by what it is about: 'perustiedot tavallisimmista muodonmuutosmekanismeista',
    'valmiudet rakentaa kuvasuunnittelua', 'Yleiskuva maisema-arkkitehtuurista': the content is named."""
    after = toks[i + n] if i + n < len(toks) else None
    if after is None:
        return False
    if after.morph.get("VerbForm") == "Inf":
        return True
    # ... but not by a word that names no topic ('laaja-alaisen ymmärryksen aiheesta': reviewers, "vague filler")
    if after.base in _NO_TOPIC:
        return False
    # '... perustiedot kuljetusvälineiden suunnittelussa käytetyistä malleista', 'yleiskuvan länsimaisen
    # rakennustaiteen ja kaupunkirakentamisen kehityksestä'; readiness names what it is for: 'antaa valmiudet
    # rakennussuunnittelutehtävän lähtötietojen analysoinnille' (blind review 10: "does say which skills")
    last = toks[i + n - 1]
    cases = ("Ela", "Ill", "All") if "valmius" in (last.base, last.lemma.lower()) else ("Ela",)
    for t in toks[i + n:i + n + 7]:
        if t.morph.get("VerbForm") == "Fin" or t.pos == "PUNCT":
            return False
        if t.pos in ("NOUN", "PROPN") and t.morph.get("Case") in cases:
            return True
    return False


def _agrees(seq: list[Token]) -> bool:
    """An adjective (or participle) and its noun agree in case and number: they are one phrase ('tarvittavien tiedon
    muotojen' is 'tarvittavien muotojen')."""
    first, last = seq[0], seq[-1]
    if len(seq) < 2 or not (first.pos == "ADJ" or first.morph.get("VerbForm") == "Part"):
        return True
    for feature in ("Case", "Number"):
        a, b = first.morph.get(feature), last.morph.get(feature)
        if a and b and a != b:
            return False
    return True


@detector("empty_phrase")
def detect_empty_phrases(a: TextAnalysis, lex: Lexicon) -> list[Finding]:
    out = []
    toks = [t for t in a.tokens if t.is_word]
    index = _phrase_index(lex)
    for i, first in enumerate(toks):
        for phrase in _phrases_starting_at(first, index):
            n = len(phrase.lemmas)
            seq = toks[i:i + n]
            if len(seq) == n and all(_phrase_word_matches(w, t) for w, t in zip(phrase.lemmas, seq)):
                if not _agrees(seq):
                    continue  # 'erilaisia tilanteeseen soveltuvia varusteita': the adjective is another noun's
                start, end = seq[0].start, seq[-1].end
                if _in_heading(a.text, start, end) or _specified(toks, i, n) or _leads_a_list(a.text, end) \
                        or _named_later(a.text, end) or unit_name(a.text, start, end):
                    continue
                # severity 1 ('huomio'): the sentence reads; the reader only misses what it stands for
                out.append(Finding(start, end, a.text[start:end], "empty_phrase", 1,
                                   phrase.reason or "Ilmaus ei kerro lukijalle mitään konkreettista.",
                                   empty_phrase_advice(phrase, a.text[start:end])))
    return out


# Word-level kinds that a more specific finding on the same span replaces.
_PRIORITY = ["empty_phrase", "jargon", "abbreviation", "loanword", "genitive_chain", "nominal", "unknown_word",
             "rare_word", "long_compound", "passive", "long_sentence"]


_PARENTHESES = re.compile(r"\(([^()]*)\)")
_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")


def parenthesised_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of '( ... )' groups that explain something: at least two words, as in
    '(aiemmin hankitun osaamisen tunnustaminen)' or '(opintopistettä, noin 81 tuntia työtä)'. A bracket with a
    figure or a single term, '(3 op)', '(81 h)', '(TKI)', explains nothing and is read as ordinary text."""
    return [(m.start(), m.end()) for m in _PARENTHESES.finditer(text) if len(_ALPHA_WORD.findall(m.group(1))) >= 2]


def _explained(f: Finding, text: str, spans: list[tuple[int, int]], explained_terms: set[str]) -> bool:
    """A word-level finding is moot right before an explanation ('AHOT (aiemmin ...)') or for a term already
    explained earlier in the text (plain-language guidance: explain a necessary term once). Findings inside an
    explanation are dropped before this."""
    if f.term and f.term.lower() in explained_terms:
        return True
    if any(s == f.end or (s == f.end + 1 and text[f.end] == " ") for s, _ in spans):
        if f.term:
            explained_terms.add(f.term.lower())
        return True
    return False


def is_field_label(text: str, start: int, end: int) -> bool:
    """A label at the start of a line, before a colon ('Osaamistavoitteet: Opiskelija osaa ...'): the name of a field
    of the course page, which the teacher does not write."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and text[end:end + 1] == ":"


def run_detectors(a: TextAnalysis, lex: Lexicon) -> list[Finding]:
    """All detectors; a word keeps its most specific word-level finding (a lexicon hit beats 'rare word')."""
    found = [f for fn in DETECTORS.values() for f in fn(a, lex)]
    found.sort(key=lambda f: (_PRIORITY.index(f.kind), f.start))
    kept: list[Finding] = []
    word_level = {"jargon", "abbreviation", "loanword", "unknown_word", "rare_word", "long_compound"}
    for f in found:
        if f.kind in word_level and any(k.kind in word_level | {"empty_phrase"} and k.start <= f.start and f.end <= k.end
                                        for k in kept):
            continue
        if f.kind == "nominal" and any(k.kind == "nominal" and k.start <= f.start and f.end <= k.end for k in kept):
            continue
        kept.append(f)
    # a term in a bracket of its own after its explanation ('rakentavan vuorovaikutuksen (mediaatio)') is explained
    kept = [f for f in kept if f.kind not in word_level or not (a.text[f.start - 1:f.start] == "("
                                                                 and a.text[f.end:f.end + 1] == ")")]
    # field labels and headings in capitals ('OSAAMISTAVOITTEET') are the page's, not the teacher's, words
    kept = [f for f in kept if f.kind not in word_level or not (is_field_label(a.text, f.start, f.end)
                                                                 or (f.text.isupper() and len(f.text) > 6))]
    spans = parenthesised_spans(a.text)
    explained_terms: set[str] = set()
    kept.sort(key=lambda f: (f.start, -f.end))
    kept = [f for f in kept if f.kind == "long_sentence" or not any(s <= f.start and f.end <= e for s, e in spans)]
    return [f for f in kept if f.kind not in word_level or not _explained(f, a.text, spans, explained_terms)]
