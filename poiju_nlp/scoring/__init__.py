"""Score a Finnish course description for jargon and readability."""
from .findings import KIND_LABELS, SEVERITY_LABELS, Finding
from .glossary import Glossary, GlossaryEntry
from .lexicon import Lexicon, LexiconEntry, get_lexicon, load_lexicon
from .metrics import ALL_METRICS, compute_metrics, lix
from .score import ScoreReport, SentenceScore, score, score_analysis

__all__ = ["Glossary", "GlossaryEntry", "Finding", "KIND_LABELS", "SEVERITY_LABELS", "Lexicon", "LexiconEntry", "get_lexicon", "load_lexicon",
           "ALL_METRICS", "compute_metrics", "lix", "ScoreReport", "SentenceScore", "score", "score_analysis"]
