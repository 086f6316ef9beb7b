"""Proposals built from the teaching content of a text that states no outcomes."""
from poiju_nlp.outcomes import propose


def built(text: str) -> list[str]:
    result = propose(text)
    assert not result.stated
    return [o.text for o in result.outcomes]


def test_teaching_verbs_become_low_level_measurable_verbs():
    text = ("Kirjaaminen (2 op)\nSisältö: Kurssilla käsitellään kirjaamisen periaatteita. Opintojaksolla "
            "perehdytään tietosuojaan ja potilasasiakirjoihin.")
    assert built(text) == ["Osaat kuvata kirjaamisen periaatteita.",
                           "Osaat kertoa tietosuojasta ja potilasasiakirjoista."]


def test_the_texts_own_measurable_verb_is_kept():
    text = "Kotihoito (3 op)\nKurssilla laaditaan asiakkaalle hoitosuunnitelma. Opit ohjaamaan omaisia."
    assert built(text) == ["Osaat laatia hoitosuunnitelman.", "Osaat ohjata omaisia."]


def test_content_list_items():
    text = ("Historia 1 (2 op)\nKeskeiset sisällöt:\n- Rooman historian käännekohdat\n- roomalainen aikakäsitys\n"
            "- kokeen suunnittelu\n- harjoittelu")
    # "roomalainen aikakäsitys" has no genitive saying what it is about: a heading, not a statement (reviewers
    # judged such headings too empty: "kiinalainen kulttuuri", "Riitakysymykset"); an action named as content
    # ("kokeen suunnittelu") is not promised as doing it (blind review 5: both reviewers failed "Strategisten
    # tietojärjestelmien suunnittelu" -> "Osaat suunnitella …" as an overclaim)
    assert built(text) == ["Osaat kuvata Rooman historian käännekohdat."]
    assert built("Matematiikka (2 op)\nKeskeiset sisällöt:\n- pinta-alan ja tilavuuden laskeminen") == [
        "Osaat laskea pinta-alan ja tilavuuden."]


def test_never_from_title_timetable_admin_price_or_marketing():
    text = ("Lääkehoidon perusteet (3 op)\nKurssi alkaa 12.1. klo 9. Ilmoittautuminen Moodlessa. Hinta 200 €. "
            "Tervetuloa ainutlaatuiseen koulutukseen! Kurssilla käsitellään lääkehoidon turvallisuutta.")
    result = propose(text)
    assert [o.text for o in result.outcomes] == ["Osaat kuvata lääkehoidon turvallisuutta."]
    assert "niukasti" in " ".join(result.notes)


def test_at_most_six_one_per_object():
    items = "\n".join(f"- {x}" for x in ("lääkelaskut", "haavanhoito", "kivunhoito", "ravitsemus", "uni",
                                        "liikunta", "hygienia", "ensiapu"))
    result = propose(f"Hoitotyö (5 op)\nKeskeiset sisällöt:\n{items}")
    assert len(result.outcomes) <= 6
    assert len({o.object for o in result.outcomes}) == len(result.outcomes)


def test_no_statement_from_views_learners_own_things_unanchored_relations_or_two_actions():
    # content lines as real curricula write them (ePerusteet, Aalto)
    text = ("Uskonto (2 op)\nKeskeiset sisällöt:\n- Keho työvälineenä\n- suhde muihin uskontoihin\n"
            "- Tärkeimmät mekaaniset ominaisuudet\n- Datan ja aineistojen visualisointi ja havainnollistaminen\n"
            "- Termodynamiikan pääsäännöt\nKäsitellään opiskelijoiden henkilöhistoriaa ja omia tarinoita.")
    assert built(text) == ["Osaat kuvata termodynamiikan pääsäännöt."]


def test_examples_are_left_out_of_built_statements():
    text = "Piirustus (2 op)\nKurssilla käydään läpi arkkitehtuurin esittämisen perusteita, kuten piirtämistä."
    assert built(text) == ["Osaat kuvata arkkitehtuurin esittämisen perusteita."]


def test_no_statement_about_skills_vocabulary_agents_or_options():
    text = ("Viestintä (2 op)\nKeskeiset sisällöt:\n- perustelutaidot\n- erilaiset ruotsin puhujat\n"
            "- radiojärjestelmien suorituskyky\nOpiskellaan asumiseen liittyvää sanastoa. Opiskelija voi laatia oman "
            "kielitaidon portfolion.")
    assert built(text) == ["Osaat kuvata radiojärjestelmien suorituskyvyn."]


def test_language_courses_build_nothing_from_their_themes():
    text = ("Ruotsin kieli B1 (2 op)\nKeskeiset sisällöt:\n- hyvinvointi ja terveys\n- ihmisen ja luonnon suhde\n"
            "Kurssilla käsitellään adjektiiveja ja verbejä.")
    assert built(text) == []


def test_actions_and_course_products_are_not_described():
    text = ("Signaalit (5 op)\nKeskeiset sisällöt:\n- Monitaajuisten signaalien tarkastelu\n"
            "- henkilökohtaisen oppimisen yhteenveto\nSeminaarin toisella periodilla valmiit tutkielmat esitellään "
            "ryhmälle.")
    assert built(text) == []


def test_an_adjective_the_parse_left_out_refuses_the_object():
    # 'kulttuurista' is the adjective (partitive), not 'from culture': "kuvata moninaisuutta" would lose it
    text = "Elämänkatsomustieto (2 op)\nTarkastellaan kulttuurista moninaisuutta rikkautena ja oikeutena."
    assert "Osaat kuvata moninaisuutta." not in built(text)


def test_exploring_a_topic_together_is_described_not_researched():
    # blind review 4: "Äänikurssilla tutkitaan X" -> "Osaat tutkia X" was an overclaim for both reviewers
    text = ("Äänitaide (5 op)\nSisältö: Äänikurssilla tutkitaan ympäristöäänien käyttöä äänitaiteessa ja "
            "elektronimusiikissa. Kurssilla selvitetään, millaisia sopimusehtoja sopimukseen tulisi kirjata.")
    assert built(text) == ["Osaat kuvata ympäristöäänien käyttöä äänitaiteessa ja elektronimusiikissa.",
                           "Osaat kuvata, millaisia sopimusehtoja sopimukseen tulisi kirjata."]


def test_no_statement_from_a_how_clause_a_course_product_or_a_practicum_task():
    text = ("Maantiede (2 op)\nKeskeiset sisällöt:\n- miten maantieteessä tarkastellaan ympäristöä ja maailmaa\n"
            "- Työpäiväkirjan pito.\nSisältö: Harjoittelun sisältöinä ovat oppilaiden kohtaaminen ja opetettavan "
            "ryhmän seuraaminen harjoittelukoulussa.")
    assert built(text) == []


def test_muun_without_muassa_is_no_example():
    text = ("Geomedia (2 op)\nKeskeiset sisällöt:\n- luonnon- ja kulttuurimaisemien tulkinta karttojen, kuvien ja "
            "muun geomedian avulla")
    assert all("avulla" in t for t in built(text))  # never "tulkinnan karttojen ja kuvien."


def test_what_follows_the_object_and_says_what_the_content_is_stays_but_not_the_teaching_setting():
    text = ("Kulttuurit (5 op)\nSisältö: Perehdytään ihmisen toimintaan eri aikoina ja eri kulttuureissa. "
            "Jaksolla käsitellään taiteen merkitystä ihmisen kasvulle ja kehitykselle. Opiskelija soveltaa teoriaa "
            "elokuvien analysointiin. Perehdytään jälkiäänitykseen teorian ja käytännön avulla. Tutkitaan esimerkkien "
            "avulla maailman eri alueiden kulttuurimaisemia.")
    assert built(text) == ["Osaat kertoa ihmisen toiminnasta eri aikoina ja eri kulttuureissa.",
                           "Osaat kuvata taiteen merkitystä ihmisen kasvulle ja kehitykselle.",
                           "Osaat soveltaa teoriaa elokuvien analysointiin.",
                           "Osaat kuvata maailman eri alueiden kulttuurimaisemia."]
    # a possessive after the object is the object's: the words stop before it
    assert built("Tekstit (2 op)\nSisältö: Tuotetaan tekstejä eri muodoissaan: kielellisinä ja visuaalisina.") == []


def test_no_statement_from_an_admin_line_a_bare_word_or_an_item_left_in_the_old_case():
    # blind review 5
    text = ("Rakennushistoria (5 op)\nSisältö: Harjoitustöissä opiskelija tutustuu Helsingin rakennettuun historiaan, "
            "sen ajallisiin kerrostumiin ja rakennussuojelun kysymyksiin. Opintosuoritus kirjataan "
            "opintosuoritusrekisteriin opinnäytteen valmistuttua. Tutki merkkejä historiallisesti ja rakenteellisesti.")
    assert not any("kerrostumiin" in t or "opintosuorituksen" in t or "merkkejä" in t for t in built(text))


def test_no_statement_from_a_course_work_or_a_bare_explored_word():
    text = ("Video (5 op)\nSisältö: Kurssilla viimeistellään videoteos annetuista teemoista. Tutkitaan yhtälöä ja "
            "etsitään yhtälön ratkaisuja. Pohdimme onko nykyinen oikeuskäytäntö perusteltavissa.")
    assert built(text) == ["Osaat etsiä yhtälön ratkaisuja."]


def test_an_item_the_parse_hung_on_a_limit_or_a_doubled_compound_part_is_not_proposed():
    text = ("Muotoilu (5 op)\nSisältö: Opiskelijat tutustuvat muotoilun kenttään ja sen erilaisiin prosesseihin "
            "sekä kestävän kehityksen periaatteisiin muotoilun näkökulmasta. Seminaarissa käsitellään tieteellisen "
            "kirjoittamisen viittaus- ja viittausmenetelmiä.")
    assert not any("periaatteisiin" in t or "viittaus- ja viittaus" in t for t in built(text))


def test_a_practised_action_stays_a_skill():
    # the rubric: "Harjoittelemme potilaan ohjausta" -> "Osaat ohjata potilasta" is faithful (what is practised)
    text = ("Lääkehoito (3 op)\nSisältö: Harjoittelemme kaksoistarkastusta, lääkepoikkeamien ilmoittamista ja "
            "potilaan ohjausta.")
    assert "Osaat ohjata potilasta." in built(text)
