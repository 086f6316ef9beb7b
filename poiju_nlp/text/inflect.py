"""Finnish inflection generation with pypykko (Voikko can analyse but cannot inflect)."""
from __future__ import annotations

from functools import lru_cache

from .resources import get_pykko


@lru_cache(maxsize=50_000)
def inflect(lemma: str, form: str) -> str | None:
    """Inflect a base form into a pypykko form, or ``None`` if it cannot.

    >>> inflect("opintopiste", "+pl+ela")
    'opintopisteistä'
    """
    pykko = get_pykko()
    results = pykko.reinflect.reinflect(lemma, new_form=form)
    return min(results) if results else None


@lru_cache(maxsize=50_000)
def inflect_like(lemma: str, model_word: str) -> str | None:
    """Inflect ``lemma`` into the form that ``model_word`` has (case, number, possessive, clitic).

    >>> inflect_like("toteutus", "implementoinnissa")
    'toteutuksessa'
    """
    pykko = get_pykko()
    results = pykko.reinflect.reinflect(lemma, model=model_word)
    return min(results) if results else None


@lru_cache(maxsize=50_000)
def pykko_forms(word: str) -> tuple[str, ...]:
    """The pypykko morph tag strings of a word form, best first (e.g. ``('+sg+gen',)``)."""
    pykko = get_pykko()
    return tuple(a.morphtags for a in pykko.utils.analyze(word))
