"""propose(): the author's statements first, built from the teaching content only when none are stated; every
proposal links to its source, says what changed and passes the checker."""
import pytest

from poiju_nlp.errors import InputError
from poiju_nlp.outcomes import check, propose

STATED = (
    "Kotihoidon lääkehoito (5 op)\n"
    "Osaamistavoitteet: Opintojakson suoritettuaan opiskelija osaa laatia asiakkaan lääkelistan ja tarkistaa sen "
    "ajantasaisuuden. Opiskelija tuntee yleisimpien lääkkeiden haittavaikutukset. Opiskelija tutustuu "
    "lääkehoitosuunnitelman laatimiseen ja syventää ammatillista osaamistaan.\n"
    "Sisältö: Kurssilla käsitellään lääkehoidon turvallisuutta. Ilmoittautuminen 15.1. mennessä. Hinta 120 €."
)
CONTENT_ONLY = (
    "Ensiapu 1 (1 op)\n"
    "Kurssilla harjoitellaan tajuttoman potilaan ensiapua. Opit tekemään hätäilmoituksen ja käyttämään "
    "sammutuspeitettä. Käymme läpi myös haavojen ja palovammojen ensiavun. Kurssi maksaa 50 euroa ja pidetään "
    "maanantaisin klo 17–20. Tervetuloa mukaan ainutlaatuiseen koulutukseen!"
)


@pytest.fixture(scope="module")
def stated():
    return propose(STATED)


def test_author_statements_become_plain_statements(stated):
    texts = [o.text for o in stated.outcomes]
    assert "Osaat laatia asiakkaan lääkelistan." in texts
    assert "Osaat kuvata yleisimpien lääkkeiden haittavaikutukset." in texts
    assert stated.stated and all(o.source == "author" for o in stated.outcomes)
    # "tarkistaa sen ajantasaisuuden": 'sen' points outside the statement; "syventää osaamistaan" is growth
    reasons = " ".join(s.reason for s in stated.skipped)
    assert "viittaa" in reasons and "kehittymisestä" in reasons or "opiskelusta" in reasons


def test_contract_keys_and_links_to_the_source(stated):
    for o in stated.outcomes:
        d = o.to_dict()
        assert d.keys() >= {"text", "verb", "bloom_level", "object", "source_sentence", "source", "changed", "why",
                            "source_start", "source_end", "statement", "author_verb"}
        assert STATED[o.statement_start:o.statement_end] == o.statement
        assert STATED[o.source_start:o.source_end] == o.source_sentence
        assert o.text.startswith(f"Osaat {o.verb} ") and 1 <= o.bloom_level <= 6 and o.why


def test_what_changed_and_why(stated):
    replaced = next(o for o in stated.outcomes if o.author_verb == "tuntea")
    assert replaced.verb == "kuvata" and "verb" in replaced.changed and "'tuntee' → 'kuvata'" in replaced.why
    kept = next(o for o in stated.outcomes if o.author_verb == "laatia")
    assert kept.verb == "laatia" and "verb" not in kept.changed


def test_checker_accepts_every_proposal(stated):
    assert all(not item.problems for item in check([o.text for o in stated.outcomes]).items)


def test_content_only_text_builds_from_teaching_content_never_admin_or_marketing():
    result = propose(CONTENT_ONLY)
    assert not result.stated
    texts = [o.text for o in result.outcomes]
    assert "Osaat tehdä hätäilmoituksen." in texts and "Osaat käyttää sammutuspeitettä." in texts
    assert all(o.source == "built" for o in result.outcomes) and len(texts) <= 6
    for o in result.outcomes:
        assert not any(w in o.source_sentence for w in ("maksaa", "klo", "Tervetuloa", "Ensiapu 1 (1 op)"))


def test_too_little_content_is_said():
    result = propose("Laajuus on 5 op. Hinta 120 euroa. Ilmoittautuminen päättyy 20.1.")
    assert result.outcomes == [] and "ei löytynyt" in " ".join(result.notes)


def test_record_with_its_own_outcomes():
    from poiju_nlp.records import CourseRecord

    record = CourseRecord(title="Ensiapu", level="perus", description="Kurssilla harjoitellaan elvytystä.",
                          learning_outcomes=["Opiskelija ymmärtää ensiavun periaatteet.",
                                             "Osaat antaa ensiapua tajuttomalle."])
    result = propose(record)
    assert [o.text for o in result.outcomes] == ["Osaat selittää ensiavun periaatteet.",
                                                 "Osaat antaa ensiapua tajuttomalle."]
    assert result.course_level == "perus"


def test_many_stated_outcomes_get_a_note():
    items = "\n".join(f"- {v}" for v in ("laatia lääkelistan", "mitata verenpaineen", "kirjata havainnot",
                                        "ohjata asiakasta", "arvioida kipua", "tunnistaa vaaratilanteet",
                                        "hälyttää apua"))
    result = propose(f"Ammattitaitovaatimukset:\nOpiskelija osaa\n{items}")
    assert len(result.outcomes) == 7 and "Suositus on 3–6" in " ".join(result.notes)


def test_bad_input():
    with pytest.raises(InputError):
        propose("   ")


def test_object_is_not_cut_after_a_genitive():
    # 'omaa' read as the verb 'omata' cut the item after 'asiakkaan' ("Osaat tukea asiakkaan.")
    texts = [o.text for o in propose("Opiskelija osaa tukea asiakkaan omaa toimintaa arjessa.").outcomes]
    assert texts == ["Osaat tukea asiakkaan omaa toimintaa arjessa."]


def test_finnish_page_with_an_english_content_list_is_read_for_its_finnish_lines():
    text = ("Kotihoidon turvallisuus (3 op)\n"
            "Osaamistavoitteet: Opintojakson suoritettuaan opiskelija osaa arvioida asiakkaan kodin "
            "turvallisuusriskit ja laatia kotikäynnin turvallisuussuunnitelman.\n"
            "Sisältö: • Introduction to home care safety and the role of the nurse • How to assess fall risks at "
            "home • Fire safety and electrical devices in the home of the client")
    result = propose(text)
    assert "Osaat laatia kotikäynnin turvallisuussuunnitelman." in [o.text for o in result.outcomes]
    assert "Osa tekstistä ei ole suomea. Se jätettiin lukematta." in result.notes
    for o in result.outcomes:  # offsets still point into the text as given
        assert text[o.statement_start:o.statement_end] == o.statement


def test_english_page_with_a_finnish_title_is_refused_in_finnish():
    from poiju_nlp.errors import NotFinnishError

    text = ("Viestintä ja vuorovaikutus toisella kotimaisella kielellä (3 osp)\nOsaamistavoitteet:\nThe student\n"
            "- takes actively part in discussions at work\n- writes and interprets texts of their vocational field")
    with pytest.raises(NotFinnishError, match="ei näytä olevan suomea"):
        propose(text)


def test_slips_copied_from_the_text_are_not_proposed():
    # a plural participle before a singular noun, and a compound part written twice (Voikko accepts it as a
    # compound): both are slips in the source, never copied into a proposal
    result = propose("Osaamistavoitteet:\nOpiskelija\n- osaa hoitaa työhön liittyvät asiakaspalvelutilanteen\n"
                     "- osaa kuvata ajoneuvoalanalan työtehtävät\n- osaa hoitaa työhön liittyvät "
                     "asiakaspalvelutilanteet")
    assert [o.text for o in result.outcomes] == ["Osaat hoitaa työhön liittyvät asiakaspalvelutilanteet."]
    reasons = [s.reason for s in result.skipped]
    assert "taivutus ei täsmää ('liittyvät asiakaspalvelutilanteen')" in reasons
    assert "tuntematon sana 'ajoneuvoalanalan'" in reasons


def test_a_verb_that_cannot_take_the_shared_object_is_not_split_off():
    # 'mitata ja kirjata havainnot': observations are recorded, not measured; a quantity is measured
    result = propose("Osaamistavoitteet:\nOpiskelija\n- osaa mitata ja kirjata havainnot\n"
                     "- osaa mitata ja kirjata asiakkaan verenpaineen")
    texts = [o.text for o in result.outcomes]
    assert "Osaat mitata havainnot." not in texts
    assert texts == ["Osaat kirjata havainnot.", "Osaat mitata asiakkaan verenpaineen.",
                     "Osaat kirjata asiakkaan verenpaineen."]


def test_acronym_joins_its_noun_when_its_explanation_in_brackets_is_left_out():
    result = propose("Osaamistavoitteet:\nOpiskelija\n- osaa käyttää BIM (Building Information Model) "
                     "mallinnusohjelmaa rakennuksen suunnittelussa")
    assert [o.text for o in result.outcomes] == ["Osaat käyttää BIM-mallinnusohjelmaa rakennuksen suunnittelussa."]


def test_an_action_named_as_content_is_not_promised_as_doing_it():
    # blind review 5: "mikrobien hyödyntäminen biotekniikassa" -> "Osaat hyödyntää mikrobeja …" was an overclaim
    result = propose("Vuorovaikutus työssä (3 op)\nSisältö:\n- palautteen antaminen\n- ohjauskeskustelun suunnittelu\n"
                     "- mikrobien hyödyntäminen biotekniikassa")
    texts = [o.text for o in result.outcomes]
    assert not any(t.startswith(("Osaat antaa", "Osaat suunnitella", "Osaat hyödyntää")) for t in texts)


def test_an_ordinal_number_is_not_a_sentence_end():
    result = propose("Osaamistavoitteet:\nOpiskelija\n- osaa ratkaista 2. asteen yhtälön\n"
                     "- osaa kuvata hoitotyön prosessin. Tuntee lääkehoidon")
    texts = [o.text for o in result.outcomes]
    assert "Osaat ratkaista 2. asteen yhtälön." in texts
    assert not any("prosessin. " in t for t in texts)  # a real sentence end still splits


def test_an_indirect_question_keeps_its_verb_or_is_not_proposed():
    result = propose("Osaamistavoitteet:\nOpiskelija\n- tarkastaa ajoneuvon maalipinnan, voiko ajoneuvon kiillottaa "
                     "hiomatuotteilla\n- selvittää, onko asiakkaalla oikeus tukeen")
    texts = [o.text for o in result.outcomes]
    assert "Osaat tarkastaa ajoneuvon maalipinnan, voiko ajoneuvon." not in texts  # never a bare genitive at the end
    assert "Osaat selvittää, onko asiakkaalla oikeus tukeen." in texts


def test_an_adjective_that_does_not_agree_with_its_noun_is_not_proposed():
    # blind review 4: "uskonnoton tapakulttuurin" (the tagger reads the adjective as a noun)
    result = propose("Uskonto (2 op)\nKeskeiset sisällöt:\n- uskonnottomuus, uskontokritiikki ja uskonnoton "
                     "tapakulttuuri nykypäivän Suomessa")
    assert not any("uskonnoton tapakulttuurin" in o.text for o in result.outcomes)
    # an adjective far before its noun and a predicative are fine
    texts = [o.text for o in propose("Osaamistavoitteet:\nOpiskelija osaa\n- kuvata tärkeimmät ihmisen "
                                     "olemukseen liittyvät käsitykset\n- tehdä työn valmiiksi asiakkaalle").outcomes]
    assert texts == ["Osaat kuvata tärkeimmät ihmisen olemukseen liittyvät käsitykset.",
                     "Osaat tehdä työn valmiiksi asiakkaalle."]


def test_run_on_outcome_list_becomes_separate_statements():
    # blind review 4: two items merged into one proposal failed all three criteria for both reviewers
    text = ("Osaamistavoitteet:\nOpintojakson jälkeen opiskelija osaa ymmärtää neuleiden teollisen suunnittelu- ja "
            "valmistusprosessin soveltaa teollisia neuleiden valmistuksen perusteita omaan luovaan suunnittelutyöhön "
            "hyödyntää neuleen digitaalisia suunnittelumenetelmiä ja niiden ohjeistusta.")
    assert [o.text for o in propose(text).outcomes] == [
        "Osaat selittää neuleiden teollisen suunnittelu- ja valmistusprosessin.",
        "Osaat soveltaa teollisia neuleiden valmistuksen perusteita omaan luovaan suunnittelutyöhösi.",
        "Osaat hyödyntää neuleen digitaalisia suunnittelumenetelmiä ja niiden ohjeistusta."]


def test_an_example_without_its_commas_is_not_proposed():
    # blind review 4: "… asiakkaita esimerkiksi liikuntaesteisiä eri tilanteissa" (commas missing, copied)
    result = propose("Osaamistavoitteet:\nOpiskelija osaa\n- ohjata erityisryhmiin kuuluvia asiakkaita esimerkiksi "
                     "liikuntaesteisiä eri tilanteissa\n- ohjata asiakkaita, esimerkiksi liikuntaesteisiä")
    assert not any("asiakkaita esimerkiksi" in o.text for o in result.outcomes)


def test_a_statement_ending_in_a_left_over_verb_is_refused():
    result = propose("Osaamistavoitteet:\nOpiskelija osaa\n- tehdä ohjelmointityötä ryhmässä ja olet tutustunut "
                     "ryhmätyöskentelyssä tarvittaviin käytänteisiin")
    assert not any(o.text.endswith("ja olet.") for o in result.outcomes)


def test_two_actions_left_in_one_statement_or_a_verb_whose_subject_is_not_the_learner_are_refused():
    result = propose("Osaamistavoitteet:\nOpiskelija\n- edistää mielenterveys- ja päihdeasiakkaan terveyttä ja "
                     "elämänhallintaa sekä ehkäistä turvallisuutta uhkaavia tekijöitä\n- rakentuu perusvalmius "
                     "suunnitella liiketoimintaprosesseja\n- tunnistaa olemassa olevaa kielitaitoaan ja omia "
                     "vahvuuksiaan\n- laatii saatujen mittaustulosten perusteella raportin kohteen tilasta")
    assert [o.text for o in result.outcomes] == [
        "Osaat tunnistaa olemassa olevaa kielitaitoasi ja omia vahvuuksiasi.",
        "Osaat laatia saatujen mittaustulosten perusteella raportin kohteen tilasta."]
