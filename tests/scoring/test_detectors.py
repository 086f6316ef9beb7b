"""Detector level: every hit, word by word (ScoreReport.details). The teacher's selection is tested in test_select.py."""
from poiju_nlp.scoring import score


def kinds(text):
    return [(f.kind, f.text) for f in score(text).details]


def finding(text, surface):
    return next(f for f in score(text).details if f.text == surface)


def test_inflected_forms_and_compounds_of_lexicon_terms_are_caught():
    found = kinds("Opintojakson laajuus on viisi opintopistettä, ja opintopistemäärä kertyy AMK:n opinnoista.")
    texts = [t for _, t in found]
    assert "Opintojakson" in texts and "opintopistettä" in texts and "opintopistemäärä" in texts
    assert not [t for k, t in found if t == "AMK:n"]  # familiar since the blind lexicon review


def test_replacement_is_inflected_like_the_original():
    f = finding("Opintojakson implementoinnissa hyödynnetään simulaatioita.", "implementoinnissa")
    assert f.replacement == "toteutuksessa"
    assert finding("Asiaa tarkastellaan konseptuaalisesti.", "konseptuaalisesti").replacement == "käsitteellisesti"


def test_necessary_term_is_explained_with_hours_from_the_credits():
    f = finding("Kurssin laajuus on 5 opintopistettä.", "opintopistettä")
    assert f.replacement == "opintopistettä (noin 135 tuntia työtä)"
    f = finding("Opintopisteen saa, kun tekee tehtävät.", "Opintopisteen")
    assert f.replacement == "Opintopisteen (noin 27 tuntia työtä)"


def test_passive_course_talk_gets_second_person_suggestion():
    f = finding("Kurssilla käsitellään lääkehoidon turvallisuutta.", "käsitellään")
    assert f.kind == "passive" and "käsittelet" in f.suggestion


def test_nominal_chain_and_genitive_chain():
    found = kinds("Tavoitteena on opiskelijan osaamisen kehittymisen tukeminen.")
    assert ("genitive_chain", "opiskelijan osaamisen kehittymisen tukeminen") in found
    assert any(k == "nominal" and "kehittymisen" in t for k, t in found)


def test_long_and_very_long_sentences():
    long = ("Kurssilla opit arvioimaan asiakkaan kipua, kirjaamaan havaintosi potilastietojärjestelmään, "
            "keskustelemaan omaisten kanssa ja sopimaan jatkohoidosta lääkärin kanssa ennen kuin asiakas "
            "palaa kotiin.")
    f = next(f for f in score(long).details if f.kind == "long_sentence")
    assert f.severity == 2 and f.start == 0
    very_long = long[:-1] + (", vaikka kotihoidon tiimi olisi jo lähtenyt seuraavalle käynnille ja "
                             "työvuoro olisi vaihtumassa illan puolelle.")
    assert next(f for f in score(very_long).details if f.kind == "long_sentence").severity == 3


def test_empty_phrases():
    found = kinds("Opiskelija saa tarvittavat valmiudet ja oppii keskeiset käsitteet.")
    assert ("empty_phrase", "tarvittavat valmiudet") in found
    assert ("empty_phrase", "keskeiset käsitteet") in found


def test_unknown_and_rare_words_but_not_names_or_familiar_compounds():
    found = kinds("Kurssilla xqzvörkkiä opetetaan Matti Virtaselle terveyskeskuksessa.")
    assert ("unknown_word", "xqzvörkkiä") in found
    names = {t for _, t in found}
    assert "Virtaselle" not in names and "terveyskeskuksessa" not in names


def test_spans_point_into_the_text():
    text = "Opintojaksolla perehdytään moniammatilliseen yhteistyöhön.\nLaajuus on 3 op."
    for f in score(text).details + score(text).findings:
        assert text[f.start:f.end] == f.text


def test_a_term_explained_in_brackets_counts_as_plain_and_later_uses_are_fine():
    unexplained = score("AHOT on mahdollinen. AHOT haetaan ennen kurssia.")
    explained = score("AHOT (aiemmin hankitun osaamisen tunnustaminen) on mahdollinen. AHOT haetaan ennen kurssia.")
    assert [f.text for f in unexplained.details if f.kind == "abbreviation"] == ["AHOT", "AHOT"]
    assert not [f for f in explained.details if f.kind == "abbreviation"]
    assert explained.score > unexplained.score


def test_verb_replacement_keeps_the_present_tense_of_an_ambiguous_form():
    # 'reflektoi' is both present and past; spaCy guesses past, course text means present
    assert finding("Opiskelija reflektoi omaa toimintaansa.", "reflektoi").replacement == "pohtii"
    assert finding("Kurssilla implementoitiin uusi malli.", "implementoitiin").replacement == "toteutettiin"


def test_a_bracket_with_a_figure_is_not_an_explanation():
    # "(3 op)" explains nothing: the term before it and the abbreviation inside it are still findings
    found = kinds("Opintojakso (3 op) toteutetaan verkossa.")
    assert ("jargon", "Opintojakso") in found and ("abbreviation", "op") in found


def test_first_part_of_a_shared_compound_is_not_an_unknown_word():
    found = kinds("Kurssi on tarkoitettu sosiaali- ja terveysalan työntekijöille.")
    assert not [t for k, t in found if k in ("unknown_word", "rare_word")]


def test_multiword_alternative_inflects_its_head_and_keeps_the_rest():
    assert finding("Summatiivinen arviointi tehdään tentillä.", "Summatiivinen arviointi").replacement == "Loppuarviointi"
    f = finding("Kurssilla opit työelämälähtöisiä taitoja.", "työelämälähtöisiä")
    assert f.replacement == "työelämän tarpeista lähteviä"


def test_an_adverb_gets_no_multiword_drop_in():
    # 'osaamisperusteisesti' -> 'osaamiseen perustui' was a finite verb in place of an adverb
    from poiju_nlp.scoring import score

    found = [f for f in score("Opintojakso toteutetaan osaamisperusteisesti, ja opiskelija laatii oman "
                              "suunnitelman työpaikalla.").findings if f.text == "osaamisperusteisesti"]
    assert found and found[0].replacement is None
    assert "perustui" not in found[0].suggestion


def test_a_genitive_attribute_alternative_stays_a_genitive():
    # 'operatiiviset tehtävät': 'käytännön tehtävät', not 'käytännöt tehtävät'
    from poiju_nlp.scoring import score

    found = [f for f in score("Kurssilla käsitellään turvallisuusalan operatiiviset tehtävät ja niiden johtaminen "
                              "työpaikalla.").findings if f.text == "operatiiviset"]
    assert found and "'käytännön'" in found[0].suggestion and "käytännöt" not in found[0].suggestion
