"""Input checks shared by every capability: empty, too long, control characters, other languages."""
from __future__ import annotations

import re
import unicodedata

from ..errors import EmptyTextError, NotFinnishError, TextTooLongError
from ..settings import get_settings

# C0/C1 control characters except tab and newline; also zero-width and bidi controls that confuse offsets.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def clean_text(text: str) -> str:
    """Normalise to NFC, turn CR/CRLF into newlines and drop control characters (keeps tabs and newlines)."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def finnish_share(text: str, sample: int = 200) -> float:
    """Share of the (first ``sample``) words Voikko knows, 1.0 when there are no words."""
    from .resources import voikko_spell

    words = _WORD.findall(text)[:sample]
    if not words:
        return 1.0
    return sum(voikko_spell(w) for w in words) / len(words)


def validate_text(text, *, check_language: bool = True, max_chars: int | None = None) -> str:
    """Return the cleaned text or raise a typed error with a Finnish message.

    >>> validate_text("  ")
    Traceback (most recent call last):
    ...
    poiju_nlp.errors.EmptyTextError: Teksti on tyhjä. Liitä tai kirjoita kurssikuvaus.
    """
    settings = get_settings()
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise EmptyTextError("Teksti puuttuu. Liitä tai kirjoita kurssikuvaus.")
    limit = max_chars or settings.max_chars
    if len(text) > limit:
        raise TextTooLongError(
            f"Teksti on liian pitkä: {len(text):,} merkkiä, enintään {limit:,}. Jaa teksti osiin.".replace(",", " ")
        )
    text = clean_text(text)
    if not text.strip():
        raise EmptyTextError("Teksti on tyhjä. Liitä tai kirjoita kurssikuvaus.")
    if not _WORD.search(text):
        raise EmptyTextError("Tekstissä ei ole sanoja. Liitä tai kirjoita kurssikuvaus.")
    if check_language:
        n_words = len(_WORD.findall(text))
        if n_words >= settings.min_words_for_language_check:
            share = finnish_share(text)
            if share < settings.min_finnish_share:
                raise NotFinnishError(
                    f"Teksti ei näytä olevan suomea: vain {round(share * 100)} % sanoista on suomen sanoja. "
                    "POIJU-NLP käsittelee suomenkielisiä tekstejä."
                )
    return text
