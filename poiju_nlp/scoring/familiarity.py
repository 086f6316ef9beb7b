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
    part_scores = [max(zipf(p), zipf(p.rstrip("-"))) for p in parts]
    from_parts = min(part_scores) - SCORING.compound_part_penalty * max(0, len(parts) - 2)
    # A compound wordfreq knows as a whole (terveyskeskus 3.5) is at least as familiar as that.
    return max(whole, from_parts)
