"""score(text) -> ScoreReport: findings, metrics and a 0-100 plainness score (higher = plainer).

How the score is computed
-------------------------
Each text (and each sentence) is described by a handful of features that judge words by familiarity and
meaning, not by letters: lexicon hits (jargon, abbreviations, empty phrases) per word, the share of rare
content words (wordfreq Zipf of the base form, compound parts considered), words Voikko does not know, nominal
density, passive share, genitive chains, and (log) sentence length. Long-word share (the LIX idea) is one feature
among them, so long familiar compounds (terveyskeskus) cost little.

    plainness = 100 * sigmoid(bias + sum(weight_i * feature_i))

The weights are fitted by logistic regression on the annotated pairs in corpora/annotated/plainness_pairs.jsonl
(academic version = 0, plain version = 1) and the annotated sentences in jargon_sentences.jsonl (no spans = 1,
two or more spans = 0) by ``python -m evaluation.calibrate_scoring``, which writes poiju_nlp/scoring/calibration.json
and reports cross-validated pair accuracy. Levels: >= 75 selkeä, >= 55 melko selkeä, >= 35 vaikea, else hyvin vaikea.
"""
from __future__ import annotations

import json
import math
import threading
from functools import lru_cache
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..text.analysis import Sentence, TextAnalysis, analyze
from .detectors import guessed_lemmas, parenthesised_spans, run_detectors
from .findings import Finding
from .glossary import Glossary
from .lexicon import get_lexicon
from .metrics import compute_metrics
from .select import teacher_findings

CALIBRATION_PATH = Path(__file__).with_name("calibration.json")
LEVELS = [(75, "selkeä"), (55, "melko selkeä"), (35, "vaikea"), (0, "hyvin vaikea")]
FEATURES = ["lexicon_rate", "rare_share", "unknown_share", "nominal_density", "passive_share", "genitive_rate",
            "log_sentence_length", "long_word_share", "unfamiliarity"]
# Used only until calibration.json exists (signs from plain-language guidance; magnitudes are replaced by the fit).
_DEFAULT = {"bias": 4.0, "weights": {"lexicon_rate": -12.0, "rare_share": -6.0, "unknown_share": -6.0,
                                     "nominal_density": -6.0, "passive_share": -1.0, "genitive_rate": -1.0,
                                     "log_sentence_length": -0.8, "long_word_share": -1.0, "unfamiliarity": -0.5}}


@dataclass
class SentenceScore:
    start: int
    end: int
    score: float
    text: str


@dataclass
class ScoreReport:
    score: float
    level: str
    metrics: dict[str, float]
    sentences: list[SentenceScore]
    findings: list[Finding]
    features: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Every detector hit, word by word and occurrence by occurrence (the plainness features and the rewriter's
    # token rules use these); ``findings`` is the teacher's selection of them (scoring/select.py). Not in the JSON.
    details: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "score": self.score,
            "level": self.level,
            "metrics": self.metrics,
            "sentences": [asdict(s) for s in self.sentences],
            "findings": [f.to_dict() for f in self.findings],
            "features": self.features,
            "warnings": self.warnings,
        }


_calibration = None
_cal_lock = threading.Lock()


def calibration() -> dict:
    global _calibration
    if _calibration is None:
        with _cal_lock:
            if _calibration is None:
                _calibration = json.loads(CALIBRATION_PATH.read_text()) if CALIBRATION_PATH.exists() else _DEFAULT
    return _calibration


def level_for(score: float) -> str:
    return next(name for floor, name in LEVELS if score >= floor)


def features_of(metrics: dict[str, float], findings: list[Finding], n_words: int, n_sentences: int) -> dict:
    lexical = sum(f.kind in ("jargon", "abbreviation", "loanword", "empty_phrase") for f in findings)
    genitive = sum(f.kind == "genitive_chain" for f in findings)
    words = max(1, n_words)
    return {
        "lexicon_rate": lexical / words,
        "rare_share": metrics["rare_word_share"],
        "unknown_share": metrics["unknown_word_share"],
        "nominal_density": metrics["nominal_density"],
        "passive_share": metrics["passive_share"],
        "genitive_rate": genitive / max(1, n_sentences),
        "log_sentence_length": math.log1p(metrics["mean_sentence_length"]),
        "long_word_share": metrics["long_word_share"],
        "unfamiliarity": max(0.0, 5.0 - metrics["mean_familiarity"]) if metrics["mean_familiarity"] else 0.0,
    }


def plainness(features: dict[str, float]) -> float:
    cal = calibration()
    z = cal["bias"] + sum(cal["weights"].get(k, 0.0) * v for k, v in features.items())
    return round(100.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 1)


def _sub_analysis(a: TextAnalysis, sent) -> TextAnalysis:
    """One sentence as its own analysis (metrics only: token indices are local to it)."""
    tokens = [a.tokens[i] for i in sent.tokens]
    local = Sentence(sent.start, sent.end, sent.text, list(range(len(tokens))))
    return TextAnalysis(text=a.text, sentences=[local], tokens=tokens)


def without_explanations(a: TextAnalysis) -> TextAnalysis:
    """The analysis minus words inside '( ... )': an explanation of a term makes a text plainer, so its words must
    not count as long or rare, nor lengthen the sentence. Reported metrics (LIX etc.) stay standard."""
    spans = parenthesised_spans(a.text)
    if not spans:
        return a
    keep = [k for k, t in enumerate(a.tokens) if not any(s <= t.start and t.end <= e for s, e in spans)]
    new_index = {old: new for new, old in enumerate(keep)}
    sentences = [Sentence(s.start, s.end, s.text, [new_index[i] for i in s.tokens if i in new_index])
                 for s in a.sentences]
    return TextAnalysis(text=a.text, sentences=[s for s in sentences if s.tokens],
                        tokens=[a.tokens[k] for k in keep], warnings=a.warnings)


_WORD_LEVEL = {"jargon", "abbreviation", "loanword", "unknown_word", "rare_word", "long_compound", "empty_phrase"}


@lru_cache(maxsize=64)
def _lexicon_for(glossary: Glossary | None):
    return glossary.apply_to(get_lexicon()) if glossary else get_lexicon()


def _accepted(a: TextAnalysis, f: Finding, glossary: Glossary) -> bool:
    """A word-level finding on a term the organisation has accepted ('lähihoitaja', a course name)."""
    if f.term and glossary.accepts(f.term):
        return True
    tokens = [t for t in a.tokens if t.is_word and f.start <= t.start and t.end <= f.end]
    if not tokens:
        return False
    if any(glossary.accepts(t.base) or glossary.accepts(t.text) for t in tokens):
        return True
    # a word Voikko lacks ('implementoimaan'): its base form as pypykko's guesser reads it
    if len(tokens) == 1 and not tokens[0].known and any(glossary.accepts(lemma)
                                                        for lemma in guessed_lemmas(tokens[0].text)):
        return True
    return glossary.accepts(" ".join(t.base for t in tokens)) or glossary.accepts(f.text)


def score_analysis(a: TextAnalysis, glossary: Glossary | None = None) -> ScoreReport:
    """Score an existing analysis (used by the spaCy component and the rewriter). ``glossary``: the organisation's
    accepted terms (never flagged) and own replacements."""
    lexicon = _lexicon_for(glossary or None)
    details = run_detectors(a, lexicon)
    if glossary:
        details = [f for f in details if f.kind not in _WORD_LEVEL or not _accepted(a, f, glossary)]
    metrics = compute_metrics(a)
    plain_view = without_explanations(a)
    fm = compute_metrics(plain_view) if plain_view is not a else metrics
    feats = features_of(fm, details, int(fm["words"]), int(fm["sentences"]))
    sentence_scores = []
    for s in plain_view.sentences:
        sub = _sub_analysis(plain_view, s)
        if not sub.words:
            continue
        sm = compute_metrics(sub)
        sf = [f for f in details if s.start <= f.start < s.end]
        sentence_scores.append(SentenceScore(s.start, s.end, plainness(features_of(sm, sf, int(sm["words"]), 1)), s.text))
    value = plainness(feats)
    def item_score(item) -> float:  # one item of a dash list the sentence splitter joined
        sub = _sub_analysis(a, item)
        sm = compute_metrics(sub)
        sf = [f for f in details if item.start <= f.start < item.end]
        return plainness(features_of(sm, sf, int(sm["words"]), 1))

    findings = teacher_findings(a, details, sentence_scores, item_score, glossary=glossary or None, lexicon=lexicon)
    return ScoreReport(score=value, level=level_for(value), metrics=metrics, sentences=sentence_scores,
                       findings=findings, features={k: round(v, 4) for k, v in feats.items()},
                       warnings=list(a.warnings), details=details)


def score(text: str, glossary: Glossary | None = None) -> ScoreReport:
    """Plainness of a Finnish course description; ``glossary`` holds the organisation's own terms.

    >>> score("Kurssilla opit antamaan ensiapua.").level
    'selkeä'
    """
    return score_analysis(analyze(text), glossary)
