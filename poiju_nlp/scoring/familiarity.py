"""How familiar a Finnish word is to a working-life reader: wordfreq Zipf of the base form; compounds that
wordfreq does not know are judged by their least familiar part (terveyskeskus = terveys + keskus: easy)."""
from __future__ import annotations

import math
from functools import lru_cache

from ..settings import SCORING
from ..text.analysis import Token


_FREQ: dict[str, float] | None = None


def _frequencies() -> dict[str, float]:
    global _FREQ
    if _FREQ is None:
        from wordfreq import get_frequency_dict

        _FREQ = get_frequency_dict("fi", wordlist="best")
    return _FREQ


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """wordfreq Zipf frequency of one lowercase word (a direct table lookup: zipf_frequency() would re-tokenise
    every word, which costs more than the rest of scoring)."""
    freq = _frequencies().get(word.lower(), 0.0)
    return round(math.log10(freq) + 9, 2) if freq > 0 else 0.0


def familiarity(token: Token) -> float:
    """Zipf-like familiarity (0 = unheard of, 7 = 'ja'). Uses the whole word when wordfreq knows it."""
    value = _familiarity(token.base, tuple(p.base.lower() for p in token.compound_parts), token.text.lower())
    if value < SCORING.rare_zipf:
        # Voikko's first reading can be a nonsense compound ('digitaalisuutta' = digitaali + suu) while another
        # reading is a frequent word (digitaalisuus 3.0): a reader reads the frequent one (blind review 9 named
        # 'digitaalisuutta' as a hard word)
        value = max(value, _other_readings(token.text.lower(), token.base))
    if value == 0.0 and token.known and token.baseform:
        # Voikko's dictionary lists it as standard Finnish but wordfreq's (older) corpus has no count, e.g.
        # 'esihenkilö': neither rare nor familiar, so it sits at the rare-word threshold.
        return SCORING.rare_zipf
    return value


@lru_cache(maxsize=200_000)
def _familiarity(base: str, parts: tuple[str, ...], surface: str) -> float:
    whole = max(zipf(base), zipf(surface))
    if len(parts) < 2:
        return whole
    part_scores = [max(zipf(p), zipf(p.rstrip("-")), _adjective_part(p) if k < len(parts) - 1 else 0.0)
                   for k, p in enumerate(parts)]
    from_parts = min(part_scores) - SCORING.compound_part_penalty * max(0, len(parts) - 2)
    # A compound wordfreq knows as a whole (terveyskeskus 3.5) is at least as familiar as that.
    return max(whole, from_parts)


# A loan first part read as its -inen adjective: 'massiivipuu' = massiivinen puu (massiivinen 4.0, massiivi 2.3),
# 'digitaalitekniikka'. Only where the adjective is common: 'lineaarialgebra' (lineaarinen 3.0) stays as it was.
ADJECTIVE_PART_ZIPF = 3.5


@lru_cache(maxsize=50_000)
def _adjective_part(part: str) -> float:
    """The familiarity of a non-final compound part that reads as its -inen adjective, else 0."""
    from ..text.resources import voikko_analyze

    part = part.rstrip("-")
    if not part.endswith("i") or len(part) < 5:
        return 0.0
    adjective = part + "nen"
    score = zipf(adjective)
    if score < ADJECTIVE_PART_ZIPF or not any(a.get("CLASS") == "laatusana" for a in voikko_analyze(adjective)):
        return 0.0
    return score


@lru_cache(maxsize=50_000)
def _other_readings(surface: str, base: str) -> float:
    """The Zipf of the most frequent base form among Voikko's other readings of a word, 0 when none. The base form
    as a whole only: another reading as a compound of common parts is often a nonsense split."""
    from ..text.resources import voikko_analyze

    return max((zipf(other) for other in {(a.get("BASEFORM") or "").lower() for a in voikko_analyze(surface)}
                if other and other != base), default=0.0)
