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


_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\S*[/\\]\S*")
_TOKEN = re.compile(r"\S+")
_SENTENCE_END = (".", "!", "?", ":", ";")
# Fewer judged words than this: the text is mostly names (an English title in Title Case), so judge every word.
_MIN_JUDGED = 3


def language_words(text: str) -> list[str]:
    """The words whose language tells the text's language: not names or product names (capitalised inside a
    sentence: 'Simulinkiä', 'Control System Toolboxia'), codes ('ELEC-A9110', 'NIS2'), acronyms, URLs, e-mail
    addresses or paths ('Matlab/Control').

    >>> language_words("Harjoitustehtävissä käytetään Matlab/Control System Toolboxia sekä Simulinkiä.")
    ['Harjoitustehtävissä', 'käytetään', 'sekä']
    """
    return _words_for_language(text)[0]


def _words_for_language(text: str) -> tuple[list[str], list[str]]:
    """(judged words, names): names are the capitalised words left out inside a sentence."""
    out: list[str] = []
    names: list[str] = []
    start = True
    for m in _TOKEN.finditer(text):
        token = m.group()
        new_sentence = start
        start = token.endswith(_SENTENCE_END) or token in ("-", "–", "•")
        if _URL.fullmatch(token.strip("()[]{},.;:!?\"'”’")):
            continue
        for w in _WORD.findall(token):
            if any(ch.isdigit() for ch in token) or w.isupper() or any(ch.isupper() for ch in w[1:]):
                continue  # a code, an acronym or a CamelCase product name
            if w[:1].isupper() and not new_sentence:
                names.append(w)
                continue  # a name inside a sentence
            out.append(w)
            new_sentence = False
    return out, names


# Function words of the other languages course texts come in (English, Swedish); none is a Finnish word ('on' and
# 'en' are, so they are not listed). A Finnish text full of technical terms Voikko lacks ('Atomiorbitaalit,
# hybridisaatio ...') has none of them; an English or Swedish one has many.
FOREIGN_FUNCTION_WORDS = frozenset(
    "the and of to in is are for with this that these will be an as by from it or at which course students "
    "student you your can how what och av för är som med på ett till det att kursen studenten".split())


def foreign_share(text: str, sample: int = 200) -> float:
    """Share of the judged words that are English or Swedish function words (0 for Finnish text)."""
    words = language_words(text)[:sample] or _WORD.findall(text)[:sample]
    return sum(w.lower() in FOREIGN_FUNCTION_WORDS for w in words) / len(words) if words else 0.0


def finnish_share(text: str, sample: int = 200) -> float:
    """Share of the (first ``sample``) words Voikko knows, judged on the words that are not names, product
    names, codes or URLs (language_words); 1.0 when there are no words.

    >>> finnish_share("Harjoitustehtävissä käytetään Matlab/Control System Toolboxia sekä Simulinkiä.")
    1.0
    >>> finnish_share("The course introduces the basics of control engineering with exercises.") < 0.3
    True
    """
    from .resources import voikko_spell

    words, names = _words_for_language(text)
    if len(words) < _MIN_JUDGED:  # mostly capitalised words (an English title in Title Case): judge them too
        words = words + names
    words = words[:sample]
    if not words:  # only codes, acronyms and URLs ('IFRS 3, IAS 28'): nothing says it is not Finnish
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
            # Few known words alone is not enough (Finnish chemistry terms Voikko lacks): refuse when the text
            # also has English/Swedish function words, or when almost no word is Finnish.
            if share < settings.min_finnish_share and (foreign_share(text) > 0 or share < 0.2):
                raise NotFinnishError(
                    f"Teksti ei näytä olevan suomea: vain {round(share * 100)} % sanoista on suomen sanoja. "
                    "POIJU-NLP käsittelee suomenkielisiä tekstejä."
                )
    return text
