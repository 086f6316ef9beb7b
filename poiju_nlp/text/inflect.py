"""Finnish inflection generation with pypykko (Voikko can analyse but cannot inflect)."""
from __future__ import annotations

from functools import lru_cache

from .resources import get_pykko


@lru_cache(maxsize=50_000)
def inflect(lemma: str, form: str) -> str | None:
    """Inflect a base form into a pypykko form, or ``None`` if it cannot.

    >>> inflect("opintopiste", "+pl+ela")
    'opintopisteistä'
    >>> inflect("tilanne", "+sg+par")
    'tilannetta'
    """
    pykko = get_pykko()
    results = pykko.reinflect.reinflect(lemma, new_form=form)
    # A bare lemma can be misread as a form of another word ('tilanne' as 'tila' + clitic, 'valinta' as a form
    # of 'valin'): when no result reads back as this lemma in this form, inflect it as the nominative it is.
    if results and not any(_reads_as(r, lemma, form) for r in results) and _reads_as(lemma, lemma, "+sg+nom"):
        checked = [r for r in pykko.reinflect.reinflect(lemma, new_form=form, orig_form="+sg+nom")
                   if _reads_as(r, lemma, form)]
        results = checked or results
    # the shortest variant is the standard one: 'tärkeää' (not 'tärkeätä'), 'asioiden' (not 'asioitten')
    return min(results, key=lambda r: (len(r), r)) if results else None


def _reads_as(word: str, lemma: str, form: str) -> bool:
    return any(a.lemma.replace("|", "").lower() == lemma.lower() and a.morphtags == form
               for a in get_pykko().utils.analyze(word))


_UPOS_TO_PYKKO = {"NOUN": "noun", "PROPN": "noun", "ADJ": "adjective", "VERB": "verb", "AUX": "verb"}


@lru_cache(maxsize=50_000)
def inflect_like(lemma: str, model_word: str, pos: str | None = None, prefer: str = "") -> str | None:
    """Inflect ``lemma`` into the form that ``model_word`` has (case, number, possessive, clitic).
    ``pos`` (a UD tag of the model word) picks the right reading: 'oppimisen' is a noun form, not a verb's
    4th infinitive. ``prefer`` (e.g. "+pres") breaks ties between readings the parser has already decided:
    'reflektoi' is both present and past.

    >>> inflect_like("toteutus", "implementoinnissa")
    'toteutuksessa'
    """
    pykko = get_pykko()
    analyses = list(pykko.utils.analyze(model_word))
    wanted = _UPOS_TO_PYKKO.get(pos or "", None)
    # Nominal readings first unless the model word is a verb; never copy a 4th-infinitive reading onto a noun.
    analyses.sort(key=lambda a: (wanted is not None and not a.pos.startswith(wanted[:4]),
                                 "+inf" in a.morphtags, bool(prefer) and prefer not in a.morphtags, a.weight))
    for a in analyses:
        result = inflect(lemma, a.morphtags)
        if result:
            return result
    results = pykko.reinflect.reinflect(lemma, model=model_word)
    return min(results) if results else None


@lru_cache(maxsize=50_000)
def recase(word: str, from_case: str, to_case: str) -> str | None:
    """The word form in another case, same number, possessive and clitic, or ``None``. It is inflected from the form
    and its reading, not from the lemma ('valinta' alone reads as a form of 'valin'); a hyphenated first part is
    kept as written.

    >>> recase("keskeisiin", "+ill", "+par")
    'keskeisiä'
    >>> recase("Ankkuri-toimintamalliin", "+ill", "+par")
    'Ankkuri-toimintamallia'
    """
    pykko = get_pykko()
    for a in pykko.utils.analyze(word.lower()):
        if from_case in a.morphtags:
            form = recase_reading(word, a, from_case, to_case)
            if form:
                return form
    return None


def recase_reading(word: str, reading, from_case: str, to_case: str) -> str | None:
    """``word`` re-inflected from one pypykko ``reading`` of it into ``to_case`` (the shortest form; a hyphenated
    first part and the capital kept as written), or ``None``."""
    forms = get_pykko().reinflect.reinflect(word.lower(), new_form=reading.morphtags.replace(from_case, to_case),
                                            orig_form=reading.morphtags)
    if not forms:
        return None
    form = min(forms, key=lambda f: (len(f), f))
    if "-" in word:
        form = word.rpartition("-")[0] + "-" + form.rpartition("-")[2]
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


@lru_cache(maxsize=50_000)
def pykko_forms(word: str) -> tuple[str, ...]:
    """The pypykko morph tag strings of a word form, best first (e.g. ``('+sg+gen',)``)."""
    pykko = get_pykko()
    return tuple(a.morphtags for a in pykko.utils.analyze(word))


@lru_cache(maxsize=50_000)
def pykko_lemmas(word: str) -> tuple[str, ...]:
    """pypykko's lemmas for a word form, compound separators removed (it guesses words Voikko does not know:
    'implementoinnissa' -> 'implementointi')."""
    pykko = get_pykko()
    return tuple(dict.fromkeys(a.lemma.replace("|", "").lower() for a in pykko.utils.analyze(word) if a.lemma))
