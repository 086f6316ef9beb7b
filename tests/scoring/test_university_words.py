"""University-administration words on the teacher's screen: one gathered, low-priority finding per text
(poiju_nlp/scoring/university_words.py, corpora/words/university_words.tsv)."""
from dataclasses import replace

from poiju_nlp.scoring import KIND_LABELS, Glossary, score
from poiju_nlp.scoring import university_words as uw
from poiju_nlp.scoring.select import real_finnish
from poiju_nlp.text import analyze

# the layout of a real course page: name with credits, the fixed field names, then the teacher's own text
COURSE = ("Kirjaaminen asiakastyössä (5 op)\n"
          "Osaamistavoitteet: Opintojakson suoritettuaan opiskelija osaa kirjata asiakkaan tiedot. Opintojakson "
          "osaamistavoitteet on kirjoitettu työelämän kanssa.\n"
          "Sisältö: Opintojaksolla harjoitellaan kirjaamista. Arviointikriteerit kerrotaan ensimmäisellä kerralla.")


def _univ(report):
    found = [f for f in report.findings if f.kind == "university_word"]
    assert len(found) <= 1, "one gathered finding per text"
    return found[0] if found else None


def test_every_university_word_of_a_text_is_one_low_priority_finding_with_all_places():
    report = score(COURSE)
    f = _univ(report)
    assert f is not None and f.severity == 1 and f.kind in KIND_LABELS
    flagged = [COURSE[a:b] for a, b in f.occurrences]
    # the field name 'Osaamistavoitteet:' is skipped; every word in the teacher's own sentences is named
    assert flagged == ["Opintojakson", "Opintojakson", "osaamistavoitteet", "Opintojaksolla", "Arviointikriteerit"]
    assert f.count == 5
    assert "'opintojakso' (3 kertaa)" in f.reason and "'osaamistavoite'" in f.reason
    assert "opintojakso → kurssi" in f.suggestion and "arviointikriteeri → arvosteluperuste" in f.suggestion
    # behind every other finding of the screen ("näytä kaikki")
    assert report.findings[-1] is f and all(g.impact > f.impact for g in report.findings[:-1])


def test_the_organisation_glossary_keeps_an_accepted_term_out():
    glossary = Glossary.from_tsv("term\tplain\texplanation\nopintojakso\t\t\n")
    f = _univ(score(COURSE, glossary=glossary))
    assert f is not None and "opintojakso" not in f.reason and f.count == 2
    everything = Glossary.from_tsv("term\tplain\texplanation\nopintojakso\t\t\nosaamistavoite\t\t\n"
                                   "arviointikriteeri\t\t\n")
    assert _univ(score(COURSE, glossary=everything)) is None


def test_a_software_module_is_no_study_unit():
    programming = ("Ohjelmointi 2 (5 op)\nSisältö: Opit jakamaan Python-ohjelman moduuleihin. Jokainen moduuli "
                   "testataan erikseen, ja moduulin funktiot dokumentoidaan.")
    assert _univ(score(programming)) is None
    listed = "Sisältö: Kurssi koostuu neljästä moduulista: Linux, LaTeX, Git ja Python."
    f = _univ(score(listed))
    assert f is not None and [listed[a:b] for a, b in f.occurrences] == ["moduulista"]
    studies = "Moduuli koostuu kolmesta opintojaksosta, ja sen laajuus on 15 op."
    f = _univ(score(studies))
    assert f is not None and "'moduuli'" in f.reason and "'opintojakso'" in f.reason


def test_names_titles_and_school_texts_are_left_alone():
    # a title line with its credits and a capitalised word inside a sentence are official names
    assert _univ(score("Opintojakso Johtaminen (5 op)\nKurssilla opit johtamaan tiimiä.")) is None
    assert _univ(score("Kurssi kuuluu kokonaisuuteen Moduuli 3 ja sopii kaikille.")) is None
    # in an upper-secondary text 'moduuli' and 'opintojakso' are the national curriculum's own units
    lukio = "Moduulin tavoitteena on, että opiskelija osaa lukea. Lukion opintojakso koostuu moduuleista."
    assert uw.school_text(lukio) and _univ(score(lukio)) is None


def test_a_word_another_finding_names_is_not_named_again():
    a = analyze("Opintojaksolla opit kirjaamaan. Opintojakson jälkeen osaat kirjata.")
    first = [w for w in a.words if w.base == "opintojakso"][0]
    f = uw.university_word_finding(a, covered=[[first.start, first.end]])
    assert f is not None and f.count == 1 and f.occurrences[0][0] > first.end
    # the lexicon's own entries ('opintopiste', 'lähiopetus') stay the lexicon's: no word is in both
    text = "Opintojakson laajuus on 5 opintopistettä, ja siinä on lähiopetusta."
    report = score(text)
    f = _univ(report)
    assert f is not None and f.count == 1 and "opintopiste" not in f.reason
    assert any(g.kind == "jargon" and g.term == "opintopiste" for g in report.findings)


def test_the_setting_switches_the_finding_off(monkeypatch):
    monkeypatch.setattr(uw, "SCORING", replace(uw.SCORING, university_words=False))
    assert _univ(score(COURSE)) is None


def test_every_plain_alternative_is_real_finnish_and_the_list_is_phrases_of_base_forms():
    words = uw.university_words()
    assert {"opintojakso", "osaamistavoite", "pieni osaamiskokonaisuus"} <= {w.name for w in words}
    assert all(real_finnish(w.plain) for w in words)
    # a phrase is matched in any form: 'pienen osaamiskokonaisuuden', 'aiemmin hankitun osaamisen'
    a = analyze("Pienen osaamiskokonaisuuden voi koota aiemmin hankitun osaamisen pohjalta.")
    assert [e.name for e, _, _ in uw.occurrences(a)] == ["pieni osaamiskokonaisuus", "aiemmin hankittu osaaminen"]
