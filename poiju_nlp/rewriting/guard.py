"""Guard: the checks every candidate passes, from any rewriter. Facts (numbers, dates, credit amounts, prices, names,
URLs, e-mail addresses; only the workload in hours of a credit amount may be added), words Voikko does not know,
plainness (never with the input checks: the guard's fragments are not the teacher's input), and meaning with e5
sentence by sentence (every original sentence must be covered by a rewrite sentence or a window of two). The
rewriter (rewriter.py) applies them edit by edit and to the finished text (GuardChecks)."""
from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from dataclasses import asdict, dataclass, field
from functools import lru_cache

import numpy as np

from ..domain import HOURS_PER_CREDIT, credits_to_hours
from ..settings import REWRITING

URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:)]|www\.[^\s<>\"]+[^\s<>\".,;:)]", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]+(?:-[A-Za-zÅÄÖåäöÉéÜü]+)*")


def _strip_urls(text: str) -> str:
    return EMAIL.sub(" ", URL.sub(" ", text))


def numbers(text: str) -> Counter:
    """Numbers as written (dates, times, prices, credits): '1.2.–15.3.2027' -> 1.2, 15.3.2027."""
    return Counter(n.rstrip(".") for n in NUMBER.findall(_strip_urls(text)))


# What may stand between the start of a line and its first word: indentation and a list marker ('- ', '• ', '1. ',
# 'a) '). A capital there, as after a sentence end or a colon, says nothing about a name.
LINE_LEAD = re.compile(r"[ \t]*(?:(?:[-–—•*▪◦·]|\d{1,2}[.)]|[a-zA-Z][.)])[ \t]*)?")


def _starts_unit(text: str, pos: int) -> bool:
    """True when the word at ``pos`` starts a text, line, list item, sentence or a part after a colon: a heading
    ('Osaamistavoitteet:'), a list item or a sentence opener is capitalised whether it is a name or not."""
    line_start = text.rfind("\n", 0, pos) + 1
    if LINE_LEAD.fullmatch(text, line_start, pos):
        return True
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:•("


# Word classes of Voikko that are never names: a capitalised verb or adverb in mid-line is a sentence or list
# item whose line break was lost ('… sisällöt Tietää Aalto Studiosin …' in course pages stripped of HTML).
NEVER_NAME_CLASSES = frozenset({"teonsana", "seikkasana", "asemosana", "sidesana", "suhdesana", "kieltosana",
                                "huudahdussana"})


@lru_cache(maxsize=20_000)
def _never_a_name(word: str) -> bool:
    """A capitalised word that is no name whatever its place: a verb, adverb, pronoun …, or the learner the text
    speaks of ('Opiskelija osaa …' after a lost line break; the rewriter turns that learner into 'sinä')."""
    from ..text.resources import voikko_analyze
    from .rules import word_list

    analyses = voikko_analyze(word)
    if analyses and all(a.get("CLASS") in NEVER_NAME_CLASSES for a in analyses):
        return True
    return bool({(a.get("BASEFORM") or "").lower() for a in analyses} & word_list("learner"))


def proper_nouns(text: str) -> set[str]:
    """Capitalised words that do not start a line, list item, sentence or heading, plus all-caps acronyms: names,
    places, organisations, tools (Moodle, Zoom)."""
    out = set()
    clean = _strip_urls(text)
    for m in WORD.finditer(clean):
        w = m.group(0)
        if w[:1].isupper() and (w.isupper() and len(w) > 1 or not _starts_unit(clean, m.start())
                                and not _never_a_name(w)):
            out.add(w)
    return out


def _stem(word: str) -> str:
    return word[:max(4, len(word) - 3)]


def facts(text: str) -> dict:
    return {"numbers": numbers(text), "urls": Counter(URL.findall(text)), "emails": Counter(EMAIL.findall(text)),
            "names": proper_nouns(text)}


def _hours_written(hours: float) -> set[str]:
    """A workload in hours as a rule may write it: '81', and '67,5' or its rounding '68' for a half credit."""
    out = {f"{hours:.0f}"}
    if abs(hours - round(hours)) > 1e-9:
        out.add(f"{hours:.1f}".replace(".", ","))
    return out


def number_problems(original: str, rewrite: str, context: str | None = None) -> list[str]:
    """The guard's number logic, in one place: numbers of ``original`` (dates, times, prices, credits as written)
    that ``rewrite`` drops or changes, and numbers it adds. The only numbers a rewrite may add are the workload in
    hours of a number of ``context`` read as credits (domain.credits_to_hours: '5 op' -> 'noin 135 tuntia työtä')
    and the hours of one credit; ``context`` is the whole text when ``original`` is a fragment of it (a rule that
    explains 'op' sees only 'op', the 5 is elsewhere)."""
    have, new = numbers(original), numbers(rewrite)
    problems = [f"luku, päivämäärä tai hinta puuttuu tai muuttui: {x}" for x in (have - new)]
    allowed = {str(HOURS_PER_CREDIT)}
    for n in numbers(context if context is not None else original) | have:
        try:
            allowed |= _hours_written(credits_to_hours(float(n.replace(",", "."))))
        except ValueError:  # '1.2.2027' is a date, not an amount
            pass
    problems += [f"uusi luku, jota alkuperäisessä ei ole: {x}" for x in (new - have) if x not in allowed]
    return problems


def fact_problems(original: str, rewrite: str, context: str | None = None) -> list[str]:
    """Finnish descriptions of every fact of ``original`` that ``rewrite`` drops or changes (URLs, e-mail
    addresses, numbers, names), and of numbers it adds (see number_problems; ``context``: the whole text when
    ``original`` is a fragment)."""
    a, b = facts(original), facts(rewrite)
    problems = []
    for kind, label in (("urls", "verkko-osoite"), ("emails", "sähköpostiosoite")):
        missing = a[kind] - b[kind]
        problems += [f"{label} puuttuu tai muuttui: {x}" for x in missing]
    problems += number_problems(original, rewrite, context)
    rewrite_l = rewrite.lower()
    for name in sorted(a["names"]):
        if _stem(name).lower() not in rewrite_l:
            problems.append(f"nimi puuttuu tai muuttui: {name}")
    return problems


@lru_cache(maxsize=100_000)
def _known(word: str) -> bool:
    from ..text.resources import voikko_spell

    return all(voikko_spell(part) for part in word.split("-") if part)


def unknown_words_added(original: str, rewrite: str) -> list[str]:
    """Words of ``rewrite`` that Voikko does not know and that are not in ``original``."""
    have = {w.lower() for w in WORD.findall(_strip_urls(original))}
    prefixes = {w.rsplit("-", 1)[0] for w in have if "-" in w}
    out = []
    for w in WORD.findall(_strip_urls(rewrite)):
        if w.lower() in have or _known(w) or _known(w.lower()):
            continue
        head_of = w.lower().rsplit("-", 1)
        if len(head_of) == 2 and head_of[0] in prefixes and _known(head_of[1]):
            continue  # the original's own compound in another form: 'Zoom-webinaareina' -> 'Zoom-webinaareja'
        out.append(w)
    return list(dict.fromkeys(out))


def _units(text: str) -> list[tuple[str, int, int]]:
    """(unit, start, end): sentences, and a bullet list as one unit with the line that introduces it ('Sisältö:' +
    '- A' + '- B' -> 'Sisältö A, B'), with the span of the original it comes from."""
    blocks: list[list] = []  # [text, is_list, start, end]
    pos = 0
    for raw in text.splitlines(keepends=True):
        line, lead = raw.strip(), len(raw) - len(raw.lstrip())
        start, end = pos + lead, pos + lead + len(line)
        pos += len(raw)
        if not line:
            continue
        if line[:2] in ("- ", "• ") and blocks and (blocks[-1][0].endswith(":") or blocks[-1][1]):
            b = blocks[-1]
            b[0] = b[0].rstrip(":").rstrip(",") + (", " if b[1] else " ") + line[2:].strip()
            b[1], b[3] = True, end
            continue
        blocks.append([line, False, start, end])
    units = []
    for block, is_list, start, end in blocks:
        if is_list:
            units.append((block, start, end))
            continue
        for m in re.finditer(r"\S(?:.*?)(?=(?<=[.!?])\s+[A-ZÅÄÖ0-9\"(]|$)", block, flags=re.DOTALL):
            units.append((m.group(0).strip(), start + m.start(), start + m.start() + len(m.group(0).rstrip())))
    return units


MISSING_FULL_STOP = 9  # Voikko: "Välimerkki puuttuu virkkeen lopusta."


def grammar_findings(text: str, full_stops: bool = True) -> Counter:
    """Voikko grammar-checker findings of a text, paragraph by paragraph, counted by error code (so that an edit
    of the words a finding points at does not count as a new finding). A list item or heading without a full stop
    is the Finnish convention, not an error; ``full_stops=False`` leaves that check out entirely (a sentence window
    cut out of a text)."""
    from ..text.resources import get_voikko, voikko_lock

    v = get_voikko()
    out: Counter = Counter()
    for para in text.splitlines():
        if not para.strip():
            continue
        with voikko_lock:
            errors = v.grammarErrors(para, "fi")
        item_or_heading = para.lstrip()[:2] in ("- ", "• ") or para.rstrip().endswith(":")
        for e in errors:
            if e.errorCode != MISSING_FULL_STOP or full_stops and not item_or_heading:
                out[e.errorCode] += 1
    return out


def grammar_problems(before: str, after: str) -> list[str]:
    """Finnish descriptions of the grammar-checker findings ``after`` has and ``before`` had not (by error code)."""
    from ..text.resources import get_voikko, voikko_lock

    added = grammar_findings(after, full_stops=False) - grammar_findings(before, full_stops=False)
    if not added:
        return []
    v = get_voikko()
    out = []
    for para in after.splitlines():
        with voikko_lock:
            errors = v.grammarErrors(para, "fi") if para.strip() else []
        for e in errors:
            if added.get(e.errorCode):
                added[e.errorCode] -= 1
                out.append(f"{e.shortDescription.rstrip('.')}: \"{para[e.startPos:e.startPos + e.errorLen]}\"")
    return out


def split_sentences(text: str) -> list[str]:
    """Sentences; a bullet list stays one unit with the line that introduces it ('Sisältö:' + '- A' + '- B')."""
    return [u for u, _, _ in _units(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans in ``text`` of the units of split_sentences (a list unit spans its lead-in and items)."""
    return [(s, e) for _, s, e in _units(text)]


_VECTOR_CACHE: "OrderedDict[tuple[int, str], np.ndarray]" = OrderedDict()
_VECTOR_CACHE_LOCK = threading.Lock()
_VECTOR_CACHE_SIZE = 20_000  # ~1.5 kB a vector: at most ~30 MB


def _query_vectors(embedder, texts: list[str]) -> np.ndarray:
    """e5 query vectors, cached by text: the guard compares the same original sentences again and again (every
    pass, every rollback round, the final checks), and encoding dominates a rewrite's run time."""
    key = id(embedder)
    with _VECTOR_CACHE_LOCK:
        missing = list(dict.fromkeys(t for t in texts if (key, t) not in _VECTOR_CACHE))
    if missing:
        fresh = embedder.encode_queries(missing)
        with _VECTOR_CACHE_LOCK:
            for t, v in zip(missing, fresh):
                _VECTOR_CACHE[(key, t)] = v
            while len(_VECTOR_CACHE) > _VECTOR_CACHE_SIZE:
                _VECTOR_CACHE.popitem(last=False)
    with _VECTOR_CACHE_LOCK:
        out = []
        for t in texts:
            v = _VECTOR_CACHE.get((key, t))
            if v is None:  # evicted meanwhile by another thread: encode it again
                v = embedder.encode_queries([t])[0]
            else:
                _VECTOR_CACHE.move_to_end((key, t))
            out.append(v)
    return np.stack(out)


def sentence_coverage(original: str, rewrite: str, embedder=None, thresholds: list[float] | None = None) -> dict:
    """Best e5 cosine of each original sentence against the rewrite: a sentence the rewrite keeps word for word is
    covered (1.0); a changed one must be covered by a new sentence of the rewrite or by a window of two consecutive
    rewrite sentences of which one is new (a split sentence is covered by its two halves together). Unchanged
    sentences of the rewrite do not cover a changed one: that would let a sentence vanish next to its neighbour.

    Only changed and new sentences are encoded, and windows only when a single sentence does not cover (a window
    has the words of two sentences); vectors are cached by text. ``whole``: cosine of the mean vectors of
    the changed original sentences and of the new rewrite sentences, the changed part as a whole (a whole text is
    not encoded: e5 truncates it at 512 tokens, and one encode of it costs more than all of its sentences); only
    reported, never decided on. ``thresholds``: the meaning threshold of each original sentence (a rule's allowance
    lowers it); windows are encoded only for a sentence under its own threshold, since the guard decides by that."""
    from ..text import get_embedder

    src = split_sentences(original)
    dst = split_sentences(rewrite)
    if not src:
        return {"sentences": [], "best": [], "min": 1.0, "mean": 1.0, "whole": 1.0}
    if not dst:
        return {"sentences": src, "best": [0.0] * len(src), "min": 0.0, "mean": 0.0, "whole": 0.0}
    kept = set(src) & set(dst)
    changed = [t for t in src if t not in kept]
    if not changed:
        return {"sentences": src, "best": [1.0] * len(src), "min": 1.0, "mean": 1.0, "whole": 1.0}
    new = [k for k, t in enumerate(dst) if t not in kept]
    emb = embedder or get_embedder()
    singles = [dst[k] for k in new]
    row = dict(zip(dict.fromkeys(changed + singles), _query_vectors(emb, list(dict.fromkeys(changed + singles)))))
    best = {t: _best(row[t], [row[c] for c in singles]) for t in changed}
    limit: dict[str, float] = {}
    for i, t in enumerate(src):
        if t not in kept:
            own = thresholds[i] if thresholds is not None and i < len(thresholds) else REWRITING.meaning_threshold
            limit[t] = min(limit.get(t, own), own)
    if any(b < limit[t] for t, b in best.items()) and len(dst) > 1:
        # windows (twice the words of the new sentences) only when a single sentence is not enough: a split
        windows = [f"{dst[k]} {dst[k + 1]}" for k in range(len(dst) - 1) if k in new or k + 1 in new]
        wvecs = list(_query_vectors(emb, windows)) if windows else []
        best = {t: max(b, _best(row[t], wvecs)) for t, b in best.items()}
    whole = _mean_cosine([row[t] for t in changed], [row[c] for c in singles])
    best = [1.0 if t in kept else best[t] for t in src]
    return {"sentences": src, "best": best, "min": min(best), "mean": float(np.mean(best)), "whole": whole}


def _best(vector, candidates: list) -> float:
    return float((np.stack(candidates) @ vector).max()) if candidates else 0.0


def _mean_cosine(old: list, new: list) -> float:
    """Cosine of the mean vectors of two groups of sentences (0.0 when one group is empty: everything dropped)."""
    if not old or not new:
        return 0.0 if old or new else 1.0
    a, b = np.sum(old, axis=0), np.sum(new, axis=0)
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


# --- Scores of the guard's own fragments and the checks of a finished candidate ----------------------------------

_PLAINNESS: "OrderedDict[tuple[str, object], float]" = OrderedDict()
_PLAINNESS_LOCK = threading.Lock()
_PLAINNESS_SIZE = 8192


def plainness(text: str, glossary=None) -> float:
    """Plainness score of a text or of a fragment the guard cut out (a sentence window, a candidate). Never runs the
    input checks: a fragment that is mostly names or codes ('Lapin AMK Master School (ylempi AMK)') is not
    "foreign text", and a fragment without letters ('(5 op)' is fine, '12.3.' is not) scores as plain."""
    return plainness_many([text], glossary)[0]


def plainness_many(texts: list[str], glossary=None) -> list[float]:
    """plainness() of several fragments, the new ones parsed in one spaCy batch (the guard asks for the sentence
    windows of all candidate edits at once); cached by text."""
    from ..errors import InputError
    from ..scoring import score_analysis
    from ..text.analysis import analysis_from_doc
    from ..text.resources import get_nlp
    from ..text.validate import validate_text

    with _PLAINNESS_LOCK:
        missing = [t for t in dict.fromkeys(texts) if (t, glossary) not in _PLAINNESS]
    fresh: dict[str, float] = {}
    to_parse: list[tuple[str, str]] = []
    for t in missing:
        try:
            to_parse.append((t, validate_text(t, check_language=False)))
        except InputError:  # empty or no words: nothing to make plainer
            fresh[t] = 100.0
    if to_parse:
        for (t, _), doc in zip(to_parse, get_nlp().pipe([c for _, c in to_parse])):
            fresh[t] = score_analysis(analysis_from_doc(doc), glossary).score
    with _PLAINNESS_LOCK:
        for t, v in fresh.items():
            _PLAINNESS[(t, glossary)] = v
        out = [fresh[t] if t in fresh else _PLAINNESS[(t, glossary)] for t in texts]
        for t in texts:
            if (t, glossary) in _PLAINNESS:
                _PLAINNESS.move_to_end((t, glossary))
        while len(_PLAINNESS) > _PLAINNESS_SIZE:
            _PLAINNESS.popitem(last=False)
    return out


@lru_cache(maxsize=16)
def analysis_report(text: str, glossary=None):
    """(TextAnalysis, ScoreReport) of a whole text, without the input checks, cached: one parse per text per pass.
    The rewrite of pass 1 is checked against the original and then is the input of pass 2; both use this parse."""
    from ..scoring import score_analysis
    from ..text import analyze

    a = analyze(text, check_language=False)
    return a, score_analysis(a, glossary)


def _report(text: str, glossary=None):
    return analysis_report(text, glossary)[1]


@dataclass
class GuardChecks:
    """Every check of the guard on a finished candidate against its original (JSON keys of ``checks``)."""
    meaning_similarity: float
    meaning_min_sentence: float
    meaning_whole_text: float
    meaning_threshold: float
    sentences_covered: str
    meaning_preserved: bool
    facts_preserved: bool
    fact_problems: list[str]
    unknown_words_added: list[str]
    score_before: float
    score_after: float
    lix_before: float
    lix_after: float
    length_ratio: float
    score_allowance: float = 0.0  # points the score may fall: the largest per-rule allowance of the edits
    grammar_problems: list[str] = field(default_factory=list)  # grammar-checker findings the rewrite added
    seconds: float | None = None
    words_per_second: float | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        for key in ("seconds", "words_per_second"):
            if d[key] is None:
                d.pop(key)
        return d

    # Read access by key, as ``checks`` was a dict before it was typed (``result.checks["facts_preserved"]``).
    def __getitem__(self, key: str):
        return self.to_dict()[key]

    def __contains__(self, key: str) -> bool:
        return key in self.to_dict()

    def problems(self) -> list[str]:
        """Reasons (Finnish) why the candidate fails; empty when it passes."""
        why = []
        if not self.facts_preserved:
            why.append("tosiasioita puuttuu tai muuttui (" + "; ".join(self.fact_problems[:5]) + ")")
        if self.unknown_words_added:
            why.append("tuntemattomia sanoja: " + ", ".join(self.unknown_words_added[:8]))
        if self.score_after < self.score_before - self.score_allowance:
            why.append(f"selkeys heikkeni ({self.score_before:.0f} → {self.score_after:.0f})")
        if self.grammar_problems:
            why.append("kieliopin tarkistin löytää uusia virheitä: " + "; ".join(self.grammar_problems[:3]))
        if not self.meaning_preserved:
            why.append(f"merkitys muuttui: katettuja virkkeitä {self.sentences_covered}")
        return why


def compute_checks(original: str, rewrite_text: str, coverage: dict | None = None, before=None,
                   glossary=None, thresholds: list[float] | None = None, score_allowance: float = 0.0) -> GuardChecks:
    """Every check of the guard on a finished candidate; ``before``: the original's ScoreReport when the caller
    has it (the rewriter scored the original already), ``coverage``: sentence_coverage when already computed,
    ``thresholds``: the meaning threshold of each original sentence when the edits in it allow less (the same
    allowance the edit-local check gave them), else REWRITING.meaning_threshold for all; ``score_allowance``: the
    points the plainness score may fall (the same per-rule allowance)."""
    before = before or _report(original, glossary)
    after = _report(rewrite_text, glossary) if rewrite_text.strip() and rewrite_text != original else \
        (before if rewrite_text.strip() else None)
    if coverage is None:
        coverage = sentence_coverage(original, rewrite_text, thresholds=thresholds) if original != rewrite_text else None
    problems = fact_problems(original, rewrite_text)
    unknown = unknown_words_added(original, rewrite_text)
    n0, n1 = len(original.split()), len(rewrite_text.split())
    best = coverage["best"] if coverage else [1.0] * len(split_sentences(original))
    thresholds = thresholds or [REWRITING.meaning_threshold] * len(best)
    covered = sum(b >= t for b, t in zip(best, thresholds))
    return GuardChecks(
        meaning_similarity=round(coverage["mean"], 4) if coverage else 1.0,
        meaning_min_sentence=round(coverage["min"], 4) if coverage else 1.0,
        meaning_whole_text=round(coverage["whole"], 4) if coverage else 1.0,
        meaning_threshold=REWRITING.meaning_threshold,
        sentences_covered=f"{covered}/{len(best)}",
        meaning_preserved=covered == len(best),
        facts_preserved=not problems,
        fact_problems=problems,
        unknown_words_added=unknown,
        score_before=before.score,
        score_after=after.score if after else 0.0,
        lix_before=round(before.metrics["lix"], 1),
        lix_after=round(after.metrics["lix"], 1) if after else 0.0,
        length_ratio=round(n1 / max(1, n0), 3),
        score_allowance=score_allowance,
        grammar_problems=grammar_problems(original, rewrite_text) if rewrite_text != original else [],
    )


def passes_check(checks: GuardChecks) -> list[str]:
    """Reasons (Finnish) why a finished candidate fails the guard; empty when it passes."""
    return checks.problems()
