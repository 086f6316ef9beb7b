from poiju_nlp.scoring import get_lexicon
from poiju_nlp.text import voikko_info


def test_lexicon_is_large_and_covers_every_domain():
    lex = get_lexicon()
    assert len(lex) >= 400
    entries = list(lex.entries.values()) + list(lex.abbreviations.values()) + list(lex.multiword.values())
    assert {e.domain for e in entries} >= {"korkeakoulu", "sote", "turvallisuus", "tyyli"}
    assert {"op", "AMK", "TKI", "EQF", "ECTS", "POK"} <= set(lex.abbreviations)
    assert all(e.plain and e.explanation for e in entries)


def test_single_word_lemmas_are_voikko_base_forms_or_documented_exceptions():
    lex = get_lexicon()
    unknown = [lemma for lemma in lex.entries if voikko_info(lemma).baseform is None]
    # The lexicon README lists the loanwords Voikko does not know; they must stay a small minority.
    assert len(unknown) <= 20, unknown


def test_empty_phrases_loaded():
    phrases = {" ".join(p.lemmas) for p in get_lexicon().empty_phrases}
    assert len(phrases) >= 40
    assert "keskeinen käsite" in phrases
