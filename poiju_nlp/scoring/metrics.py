"""Readability metrics, one small function each (in the spirit of textstat). All take a TextAnalysis."""
from __future__ import annotations

from ..settings import SCORING
from ..text.analysis import TextAnalysis, Token
from .familiarity import familiarity

LONG_WORD_LETTERS = 6  # LIX: a long word has more than six letters


def _letters(token: Token) -> int:
    return sum(ch.isalpha() for ch in token.text)


def word_count(a: TextAnalysis) -> int:
    return len(a.words)


def sentence_count(a: TextAnalysis) -> int:
    """Sentences with at least one word. The analysis ends a sentence at a line break before a list item or after a
    colon too (Björnsson's LIX counts colons as sentence ends), so 'Opit:' + three bullet lines is four."""
    return max(1, sum(1 for s in a.sentences if any(a.tokens[i].is_word for i in s.tokens)))


def mean_sentence_length(a: TextAnalysis) -> float:
    """Words per sentence."""
    return word_count(a) / sentence_count(a)


def long_word_share(a: TextAnalysis) -> float:
    """Share of words with more than six letters."""
    words = a.words
    return sum(_letters(t) > LONG_WORD_LETTERS for t in words) / len(words) if words else 0.0


def lix(a: TextAnalysis) -> float:
    """LIX = words/sentences + 100 * long words/words (Björnsson). Finnish bands: <30 easy, 40-50 factual,
    >60 very hard. 'Kurssi opettaa ensiapua.' -> 3 + 100*2/3 = 69.7 (length formulas punish Finnish)."""
    return mean_sentence_length(a) + 100 * long_word_share(a)


def syllables_per_word(a: TextAnalysis) -> float:
    """Mean syllables per word, by Voikko's hyphenation."""
    words = a.words
    return sum(max(1, len(t.syllables)) for t in words) / len(words) if words else 0.0


def _content_words(a: TextAnalysis) -> list[Token]:
    return [t for t in a.words if t.pos in ("NOUN", "VERB", "ADJ", "ADV") and not t.text.isupper()]


def rare_word_share(a: TextAnalysis) -> float:
    """Share of content words with familiarity below SCORING.rare_zipf (compound parts considered)."""
    words = _content_words(a)
    return sum(familiarity(t) < SCORING.rare_zipf for t in words) / len(words) if words else 0.0


def mean_familiarity(a: TextAnalysis) -> float:
    """Mean Zipf familiarity of content words (higher = more everyday vocabulary)."""
    words = _content_words(a)
    return sum(familiarity(t) for t in words) / len(words) if words else 0.0


def unknown_word_share(a: TextAnalysis) -> float:
    """Share of words Voikko does not know (loanwords, typos, coinages); proper nouns excluded."""
    words = [t for t in a.words if t.pos != "PROPN"]
    return sum(not t.known for t in words) / len(words) if words else 0.0


def is_nominal(token: Token) -> bool:
    """A -minen / -us / -ys action or quality noun (kehittäminen, toteutus, asiakaslähtöisyys)."""
    if token.pos != "NOUN":
        return False
    derivation = token.morph.get("Derivation", "")
    base = token.base
    # A deverbal -minen noun has a verb as its Voikko base ('kehittäminen' -> 'kehittää'); a noun whose own base
    # ends in -minen is not one ('ihminen').
    if "Minen" in derivation:
        # Voikko gives a deverbal -minen noun its verb as base ('kehittäminen' -> 'kehittää'); a base that itself
        # ends in -nen is an adjective or a noun of its own ('systeeminen', 'ihminen') that the parser misread
        return not base.endswith("nen")
    if "Vs" in derivation:  # the parser's -us/-ys reading, checked like the others ('luotettavuus' is no action)
        return _derived(token.text)
    # an -us/-ys noun made from a verb ('toteutus', 'luokitus'), not one that only ends so ('kehys')
    return (base.endswith(("us", "ys")) and len(base) > 6 and not base.endswith(("kus", "kys"))
            and _derived(token.text))


def _derived(word: str) -> bool:
    """Made from a verb ('toteutus' <- 'toteuttaa'): an action noun. A quality noun made from an adjective
    ('juutalaisuus', 'kattavuus') is not nominal style."""
    from .voikko_words import derivation_source, is_verb

    source = derivation_source(word)
    return source is not None and is_verb(source)


def nominal_density(a: TextAnalysis) -> float:
    """-minen/-us/-ys nouns per word."""
    words = a.words
    return sum(is_nominal(t) for t in words) / len(words) if words else 0.0


def is_passive(token: Token) -> bool:
    """A finite passive verb ('käsitellään'). The parser's word must be a verb to Voikko too: 'muottiin' (into the
    mould) ends like a past passive and is sometimes parsed as one."""
    return (token.morph.get("Voice") == "Pass" and token.morph.get("VerbForm") == "Fin"
            and (token.baseform is None or token.baseform.endswith(("a", "ä")))
            and token.text.lower().endswith(PASSIVE_ENDINGS))


# Every finite passive ends so: 'käsitellään', 'tehtiin', 'tehtäisiin', (ei) 'tehdä', 'tehtäneen'; the parser also
# calls some participles passive ('edistäviin').
PASSIVE_ENDINGS = ("aan", "ään", "tiin", "isiin", "neen", "a", "ä")


def passive_share(a: TextAnalysis) -> float:
    """Share of finite verbs that are passive (käsitellään, perehdytään)."""
    finite = [t for t in a.tokens if t.morph.get("VerbForm") == "Fin" and t.pos in ("VERB", "AUX")]
    return sum(is_passive(t) for t in finite) / len(finite) if finite else 0.0


# --- Wiio (1968): Finnish school-grade readability ---------------------------------------------------------------
# Wiio's formulas predict the school grade a reader needs; over 9 is difficult, under 6 easy. Unlike LIX they count
# syllables of the *base form* (Finnish endings lengthen every word alike), as Voikko's voikko-readability does.
WIIO_LONG_SYLLABLES = 4


def _base_syllables(token: Token) -> int:
    from ..text.analysis import syllables

    base = token.baseform or token.lemma or token.text
    return len(syllables(base.lower())) or len(token.syllables)


def wiio_long_word_percent(a: TextAnalysis) -> float:
    """Per cent of words whose base form has four or more syllables ('opintojakso' 5, 'kurssi' 2)."""
    words = [t for t in a.words if not any(ch.isdigit() for ch in t.text)]
    return 100 * sum(_base_syllables(t) >= WIIO_LONG_SYLLABLES for t in words) / len(words) if words else 0.0


def wiio_w9(a: TextAnalysis) -> float:
    """Wiio's simple formula W9 = 2.7 + 0.3 x (% words whose base form has >= 4 syllables): the school grade a
    reader needs. 'Kurssilla opit antamaan ensiapua.' -> 2.7 + 0.3 x 25 = 10.2 (one word in four is long)."""
    return 2.7 + 0.3 * wiio_long_word_percent(a)


def wiio_w10(a: TextAnalysis) -> float:
    """Wiio's W10 = 0.7 + 0.3 x (% long base forms) + 0.05 x (100 x (ADJ + ADV) / (NOUN + VERB)): modifiers
    per content word add to the grade."""
    heads = sum(t.pos in ("NOUN", "VERB") for t in a.words)
    modifiers = sum(t.pos in ("ADJ", "ADV") for t in a.words)
    ratio = 100 * modifiers / heads if heads else 0.0
    return 0.7 + 0.3 * wiio_long_word_percent(a) + 0.05 * ratio


def wiio_level(grade: float) -> str:
    """Plain Finnish reading of a Wiio grade: over 9 difficult, under 6 easy (Wiio 1968)."""
    return "vaikea" if grade > 9 else "helppo" if grade < 6 else "keskivaikea"


ALL_METRICS = {
    "lix": lix,
    "words": word_count,
    "sentences": sentence_count,
    "mean_sentence_length": mean_sentence_length,
    "long_word_share": long_word_share,
    "syllables_per_word": syllables_per_word,
    "rare_word_share": rare_word_share,
    "mean_familiarity": mean_familiarity,
    "unknown_word_share": unknown_word_share,
    "nominal_density": nominal_density,
    "passive_share": passive_share,
    "wiio_w9": wiio_w9,
    "wiio_w10": wiio_w10,
}


def compute_metrics(a: TextAnalysis) -> dict[str, float]:
    return {name: round(float(fn(a)), 4) for name, fn in ALL_METRICS.items()}
