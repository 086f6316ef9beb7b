"""Lists whose line breaks were lost, cut back into items (poiju_nlp/text/runon.py). Real run-on items from Aalto
course pages (blind review 4 failed both merged proposals)."""
from poiju_nlp.text.runon import _ends_phrase, _verb_word, split_run_on


def pieces(body: str, frame: str = "finite") -> list[str]:
    return [body[a:b] for a, b in split_run_on(body, frame)]


def test_an_item_starting_with_an_infinitive_that_is_also_a_3rd_person_form_is_cut_off():
    body = ("osaa ymmärtää neuleiden teollisen suunnittelu- ja valmistusprosessin soveltaa teollisia neuleiden "
            "valmistuksen perusteita omaan luovaan suunnittelutyöhön hyödyntää neuleen digitaalisia "
            "suunnittelumenetelmiä ja niiden ohjeistusta.")
    assert pieces(body) == [
        "osaa ymmärtää neuleiden teollisen suunnittelu- ja valmistusprosessin",
        "soveltaa teollisia neuleiden valmistuksen perusteita omaan luovaan suunnittelutyöhön",
        "hyödyntää neuleen digitaalisia suunnittelumenetelmiä ja niiden ohjeistusta."]
    body = ("osaa valikoida, editoida ja soveltaa lähdeaineistoa vaate- tai materiaalikonseptin luomiseksi "
            "tunnistaa muodin monitahoisena sosiaalisena, kulttuurisena ja historiallisena ilmiönä")
    assert pieces(body) == ["osaa valikoida, editoida ja soveltaa lähdeaineistoa vaate- tai materiaalikonseptin "
                            "luomiseksi", "tunnistaa muodin monitahoisena sosiaalisena, kulttuurisena ja "
                            "historiallisena ilmiönä"]
    # after 'osaa' too
    assert pieces("soveltaa lähdeaineistoa konseptin luomiseksi tunnistaa muodin ilmiönä", "osata") == [
        "soveltaa lähdeaineistoa konseptin luomiseksi", "tunnistaa muodin ilmiönä"]


def test_one_statement_stays_whole():
    # a verb inside a clause, after 'ja', after a skill noun or after a nominative subject is no new item
    for body in ("osaa selittää, miten hygienia vaikuttaa potilaan toipumiseen",
                 "osaa tunnistaa riskit ja varautua niihin",
                 "kehittää taitoaan tuottaa tekstiä",
                 "osaa kuvata, mitä asiakkaan hoito vaatii"):
        assert pieces(body) == [body], body


def test_word_readings():
    assert _verb_word("hyödyntää")  # Voikko's noun 'hyödyntä' is no word in use
    assert not _verb_word("tukea") and not _verb_word("kuvaa")  # a real noun reading keeps the word ambiguous
    assert _ends_phrase("luomiseksi") and _ends_phrase("kehittämisessä")
    assert not _ends_phrase("hygienia")
