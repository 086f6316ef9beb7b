"""The guard rejects candidates that lose or change facts, add unknown words or lose meaning."""
import pytest

from poiju_nlp.rewriting import guard
from poiju_nlp.rewriting.rewriter import compute_checks, passes_check

ORIGINAL = ("Ensiavun peruskurssi (2 op) on tarkoitettu kaikille hoitajille. Kurssi järjestetään Tampereella "
            "12.3.2027 kello 9–15. Hinta on 150 euroa. Kouluttajana toimii Itäjoen ammattikorkeakoulu. "
            "Ilmoittaudu osoitteessa https://opinnot.example.fi/ensiapu tai sähköpostilla ensiapu@example.fi.")


@pytest.mark.parametrize("changed, what", [
    (ORIGINAL.replace("12.3.2027", "13.3.2027"), "päivämäärä"),
    (ORIGINAL.replace("150 euroa", "noin sata euroa"), "hinta"),
    (ORIGINAL.replace("(2 op)", ""), "opintopisteet"),
    (ORIGINAL.replace("https://opinnot.example.fi/ensiapu", "verkossa"), "URL"),
    (ORIGINAL.replace("ensiapu@example.fi", "sähköpostilla"), "sähköposti"),
    (ORIGINAL.replace("Itäjoen ammattikorkeakoulu", "oppilaitos"), "nimi"),
    (ORIGINAL.replace("Tampereella", "kaupungissa"), "paikka"),
])
def test_dropped_or_changed_fact_is_rejected(changed, what):
    assert guard.fact_problems(ORIGINAL, changed), what


def test_op_hours_may_be_added_but_no_other_number():
    ok = ORIGINAL.replace("(2 op)", "(2 opintopistettä, noin 54 tuntia työtä)")
    assert guard.fact_problems(ORIGINAL, ok) == []
    assert guard.fact_problems(ORIGINAL, ORIGINAL + " Kurssilla on 20 paikkaa.")


def test_unknown_word_added_is_reported_but_words_of_the_original_are_allowed():
    assert guard.unknown_words_added("Kurssi alkaa.", "Kurssi alkaa blorgtastisesti.") == ["blorgtastisesti"]
    assert guard.unknown_words_added("Kurssilla käytetään Moodlea.", "Kurssilla käytät Moodlea.") == []


def test_dropping_half_of_a_text_is_rejected_although_whole_text_cosine_is_high():
    sentences = guard.split_sentences(ORIGINAL)
    half = " ".join(sentences[:3])
    checks = compute_checks(ORIGINAL, half)
    assert checks["meaning_whole_text"] > 0.85  # the whole-text cosine alone would let this through
    assert not checks["meaning_preserved"]
    assert not checks["facts_preserved"]
    assert passes_check(checks)


def test_paraphrase_of_every_sentence_is_covered():
    rewrite = ORIGINAL.replace("on tarkoitettu kaikille hoitajille", "sopii kaikille hoitajille")
    checks = compute_checks(ORIGINAL, rewrite)
    assert checks["meaning_preserved"] and checks["facts_preserved"]
    assert 0.9 < checks["length_ratio"] <= 1.0


def test_headings_list_markers_and_line_starts_are_not_names():
    text = ("Kestävä liiketoiminta (5 op)\nOsaamistavoitteet: Opiskelija osaa arvioida yrityksen toimintaa.\n"
            "- Moodle-työtilassa tehdään tehtäviä\n2. Luennot pidetään Otaniemessä yhdessä Aalto-yliopiston kanssa.")
    assert guard.proper_nouns(text) == {"Otaniemessä", "Aalto-yliopiston"}
    # so replacing a heading word or the first word of a line is no fact problem, dropping a name is
    assert guard.fact_problems(text, text.replace("Osaamistavoitteet:", "Tavoitteet:")) == []
    assert guard.fact_problems(text, text.replace("Opiskelija osaa arvioida", "Osaat arvioida")) == []
    assert guard.fact_problems(text, text.replace("Otaniemessä", "kampuksella"))
