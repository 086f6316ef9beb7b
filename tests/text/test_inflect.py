from poiju_nlp.text import inflect, inflect_like, pykko_forms


def test_opintopiste_plural_elative():
    assert inflect("opintopiste", "+pl+ela") == "opintopisteistä"


def test_inflect_like_copies_case_number_possessive_and_clitic():
    assert inflect_like("toteutus", "implementoinnissa") == "toteutuksessa"
    assert inflect_like("tavoite", "osaamistavoitteensakin") == "tavoitteensakin"
    assert inflect_like("osaaminen", "kompetenssien") == "osaamisten"


def test_object_cases_for_learning_outcomes():
    assert inflect("kipu", "+sg+par") == "kipua"
    assert inflect("hoitosuunnitelma", "+sg+gen") == "hoitosuunnitelman"


def test_forms_of_a_word():
    assert "+sg+gen" in pykko_forms("opintopisteen")


def test_unknown_form_returns_none():
    assert inflect("opintopiste", "+nonsense") is None


def test_a_lemma_that_reads_as_another_words_form_is_inflected_as_itself():
    # pypykko alone reads 'tilanne' as 'tila' + clitic and 'valinta' as a form of 'valin'
    assert inflect("tilanne", "+sg+par") == "tilannetta"
    assert inflect("valinta", "+sg+ine") == "valinnassa"
    assert inflect("verkkoalusta", "+pl+par") == "verkkoalustoja"
    assert inflect("tausta", "+sg+par") == "taustaa"


def test_recase_keeps_number_and_a_hyphenated_first_part():
    from poiju_nlp.text.inflect import recase

    assert recase("keskeisiin", "+ill", "+par") == "keskeisiä"
    assert recase("valinnassa", "+ine", "+par") == "valintaa"  # from the form: the lemma alone misreads
    assert recase("Ankkuri-toimintamalliin", "+ill", "+par") == "Ankkuri-toimintamallia"
    assert recase("kuutena", "+ess", "+nom") == "kuusi"
    assert recase("kurssi", "+ill", "+par") is None  # no illative reading
