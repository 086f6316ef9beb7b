"""The organisation's own glossary: accepted terms are never flagged; own replacements win over the lexicon."""
from poiju_nlp.scoring import Glossary, score

TEXT = "Lähihoitaja tekee palveluohjausta. Kurssilla opit lisää palveluohjauksesta."


def test_accepted_term_is_not_flagged_in_any_form():
    text = "Lähihoitaja tekee omavalvontaa. Kurssilla opit lisää omavalvonnasta."
    plain = score(text)
    assert any(f.text.startswith("omavalvon") for f in plain.findings)
    g = Glossary.from_tsv("term\tplain\texplanation\nomavalvonta\t\t\n")
    accepted = score(text, glossary=g)
    assert not any(f.text.lower().startswith("omavalvon") for f in accepted.findings)


def test_own_replacement_is_suggested_inflected():
    g = Glossary.from_tsv("term\tplain\texplanation\npalveluohjaus\tohjaus palveluihin\t\n")
    f = next(f for f in score(TEXT, glossary=g).findings if f.text == "palveluohjausta")
    assert f.suggestion.startswith("ohjausta palveluihin")


def test_broken_rows_are_reported_by_number_and_good_rows_kept():
    g = Glossary.from_tsv("term\tplain\texplanation\nlähihoitaja\t\t\n\tx\ty\na\tb\tc\td\nsektori\tala\t\n")
    assert [e.term for e in g.entries] == ["lähihoitaja", "sektori"]
    assert g.problems == ("Rivi 3: termi puuttuu.", "Rivi 4: liikaa sarakkeita (4), odotettiin enintään 3.")
    assert Glossary.from_tsv(g.to_tsv()) == g


def test_table_rows_keep_good_rows_and_report_bad_ones_by_row_number():
    from poiju_nlp.scoring import Glossary

    g = Glossary.from_rows([["lähihoitaja", "", ""], ["", "ohjaus", ""], ["a", "b", "c", "d"],
                            ["palveluohjaus", "ohjaus palveluihin", ""]])
    assert [e.term for e in g.entries] == ["lähihoitaja", "palveluohjaus"]
    assert g.problems == ("Rivi 2: termi puuttuu.", "Rivi 3: liikaa sarakkeita (4), odotettiin enintään 3.")


def test_a_crash_while_saving_never_loses_the_old_glossary(tmp_path, monkeypatch):
    import os

    import pytest

    from poiju_nlp.scoring import Glossary

    path = tmp_path / "oma_sanasto.tsv"
    Glossary.from_tsv("term\tplain\texplanation\nlähihoitaja\t\t\n").save(path)
    old = path.read_text(encoding="utf-8")

    def crash(*args):
        raise OSError("levy täynnä")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        Glossary.from_tsv("term\tplain\texplanation\nomavalvonta\t\t\n").save(path)
    assert path.read_text(encoding="utf-8") == old
    assert [p.name for p in tmp_path.iterdir()] == ["oma_sanasto.tsv"]  # no temp file left behind
    monkeypatch.undo()
    Glossary.from_tsv("term\tplain\texplanation\nomavalvonta\t\t\n").save(path)
    assert Glossary.load(path).accepts("omavalvonta")


def test_example_glossary_in_corpora_is_valid():
    from pathlib import Path

    from poiju_nlp.scoring import Glossary, score

    g = Glossary.load(Path(__file__).resolve().parents[2] / "corpora" / "glossary" / "example_glossary.tsv")
    assert len(g) >= 5 and not g.problems and g.accepts("lähihoitaja")
    text = "Kurssilla perehdytään palveluohjaukseen. Kurssi sopii lähihoitajille."
    f = next(f for f in score(text, glossary=g).findings if f.text == "palveluohjaukseen")
    assert f.replacement == "ohjaukseen oikeisiin palveluihin"


def test_an_accepted_loanword_voikko_lacks_is_not_flagged_in_an_inflected_form():
    # 'implementoida' is not in Voikko: once accepted it must not come back as an unknown word
    from poiju_nlp.scoring.glossary import Glossary

    text = "Kurssi sopii lähihoitajille, ja opit implementoimaan palveluohjausta."
    accepted = score(text, glossary=Glossary.from_rows([["implementoida", "", ""]]))
    assert not [f for f in accepted.findings if "implementoimaan" in f.text or "implementoimaan" in f.reason]
    assert [f for f in score(text).findings if f.text == "implementoimaan"]
