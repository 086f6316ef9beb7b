"""The organisation's own glossary: accepted terms are never flagged; own replacements win over the lexicon."""
from poiju_nlp.scoring import Glossary, score

TEXT = "Lähihoitaja tekee palveluohjausta. Kurssilla opit lisää palveluohjauksesta."


def test_accepted_term_is_not_flagged_in_any_form():
    plain = score(TEXT)
    assert any(f.text.startswith("palveluohjau") for f in plain.findings)
    g = Glossary.from_tsv("term\tplain\texplanation\npalveluohjaus\t\t\n")
    accepted = score(TEXT, glossary=g)
    assert not any(f.text.lower().startswith("palveluohjau") for f in accepted.findings)


def test_own_replacement_is_suggested_inflected():
    g = Glossary.from_tsv("term\tplain\texplanation\npalveluohjaus\tohjaus palveluihin\t\n")
    f = next(f for f in score(TEXT, glossary=g).findings if f.text == "palveluohjausta")
    assert f.suggestion.startswith("ohjausta palveluihin")


def test_broken_rows_are_reported_by_number_and_good_rows_kept():
    g = Glossary.from_tsv("term\tplain\texplanation\nlähihoitaja\t\t\n\tx\ty\na\tb\tc\td\nsektori\tala\t\n")
    assert [e.term for e in g.entries] == ["lähihoitaja", "sektori"]
    assert g.problems == ("Rivi 3: termi puuttuu.", "Rivi 4: liikaa sarakkeita (4), odotettiin enintään 3.")
    assert Glossary.from_tsv(g.to_tsv()) == g
