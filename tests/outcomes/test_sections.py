"""Finding the author's own outcome statements in course texts written the ways real course pages write them
(hand-written examples in the styles of university course pages and national requirement texts)."""
from poiju_nlp.outcomes.sections import find_items, heading_kind, lead_frame, sections, split_run_on


def statements(text: str) -> list[tuple[str, str]]:
    return [(i.frame, i.text) for i in find_items(text) if i.frame != "content"]


def test_headings_are_classified():
    assert heading_kind("Osaamistavoitteet") == "outcomes"
    assert heading_kind("Ammattitaitovaatimukset") == "outcomes"
    assert heading_kind("Tavoitteisiin liittyvät keskeiset sisältöalueet") == "content"
    assert heading_kind("Keskeiset sisällöt") == "content"
    assert heading_kind("Arvioinnin kohteet") == "other"
    assert heading_kind("Opiskelija valmistautuu huoltotöihin") is None


def test_title_and_sections():
    text = "Ensiapu 1 (2 op)\nOsaamistavoitteet: Osaat antaa ensiapua.\nSisältö: Elvytys ja haavat.\nHinta: 50 €"
    kinds = [s.kind for s in sections(text)]
    assert kinds == ["title", "outcomes", "content", "other"]


def test_lead_frames():
    assert lead_frame("Opiskelija osaa") == "osata"
    assert lead_frame("Moduulin tavoitteena on, että opiskelija") == "finite"
    assert lead_frame("Opintojakson suoritettuaan opiskelija pystyy") == "pystyä"
    assert lead_frame("Kurssin suoritettuasi") == "2sg"


def test_bullets_under_a_lead_in():
    text = ("Kotihoidon lääkehoito (3 osp)\nAmmattitaitovaatimukset:\nOpiskelija osaa\n- laatia lääkelistan\n"
            "- ohjata asiakasta lääkkeiden otossa\nArvioinnin kohteet: Lääkehoito; Ohjaus")
    assert statements(text) == [("osata", "laatia lääkelistan"), ("osata", "ohjata asiakasta lääkkeiden otossa")]


def test_finite_bullets_and_category_lines():
    text = ("Ammattitaitovaatimukset:\nOpiskelija valmistautuu kotikäyntiin:\nOpiskelija\n- noudattaa työaikoja\n"
            "- tunnistaa asiakkaan kotiin liittyvät vaarat\nOpiskelija tekee kotikäynnin:\nOpiskelija\n"
            "- kirjaa käynnin tiedot")
    found = statements(text)
    assert ("finite", "noudattaa työaikoja") in found and ("finite", "kirjaa käynnin tiedot") in found
    assert not any("valmistautuu" in t or "tekee kotikäynnin" in t for _, t in found)  # category lines


def test_hard_wrapped_bullet_is_joined():
    text = "Tavoitteet:\nOpiskelija\n- tietää työlainsäädäntöön liittyviä perusasioita sekä omat\noikeutensa"
    assert statements(text) == [("finite", "tietää työlainsäädäntöön liittyviä perusasioita sekä omat oikeutensa")]


def test_list_that_lost_its_line_breaks():
    text = ("Osaamistavoitteet: Kurssin suoritettuaan opiskelija: osaa suunnitella kotikäynnin osaa arvioida "
            "asiakkaan toimintakykyä osaa kirjata havainnot")
    assert [t for _, t in statements(text)] == ["osaa suunnitella kotikäynnin", "osaa arvioida asiakkaan "
                                                "toimintakykyä", "osaa kirjata havainnot"]
    text = "Osaamistavoitteet: Kurssin jälkeen opiskelija: Ymmärtää palvelujärjestelmän Hallitsee kirjaamisen"
    assert [t for _, t in statements(text)] == ["Ymmärtää palvelujärjestelmän", "Hallitsee kirjaamisen"]
    text = "Osaamistavoitteet: Kurssin jälkeen opiskelijat1) ymmärtävät hoitoketjun2) tuntevat lääkehoidon"
    assert [t for _, t in statements(text)] == ["ymmärtävät hoitoketjun", "tuntevat lääkehoidon"]


def test_run_on_split_keeps_coordination_and_subordinate_clauses():
    body = "ymmärtää, miten hygienia vaikuttaa terveyteen"
    assert split_run_on(body, "finite") == [(0, len(body))]
    body = "osaa tunnistaa ja raportoida vaaratapahtumat"
    assert split_run_on(body, "finite") == [(0, len(body))]


def test_oma_before_its_noun_is_not_the_verb_omata():
    # 'omaa' / 'omia' is also the verb 'omata': before the noun it agrees with it is the adjective, no new item
    for body in ("osaa tukea asiakkaan omaa toimintaa arjessa", "oppii kriittisesti arvioimaan omia ja muiden "
                 "opiskelijoiden töitä", "hyödyntää omaa kielellistä repertuaariaan"):
        assert split_run_on(body, "finite") == [(0, len(body))], body
    # with no noun in its case after it, it is the verb of a new item (a line break lost)
    body = "osaa laatia projektisuunnitelman omaa perustason ymmärryksen projektinhallinnasta"
    assert [body[a:b] for a, b in split_run_on(body, "finite")] == [
        "osaa laatia projektisuunnitelman", "omaa perustason ymmärryksen projektinhallinnasta"]


def test_inline_statements_and_second_person():
    text = ("Osaamistavoitteet: Opiskelija osaa kuvata palvelujärjestelmän. Opiskelija tuntee kirjaamisen "
            "periaatteet. Kohtaa on muutettu 1.6.2025.")
    found = statements(text)
    assert [t for _, t in found] == ["osaa kuvata palvelujärjestelmän", "tuntee kirjaamisen periaatteet"]
    from poiju_nlp.outcomes.parse import item_frame

    text = "Osaamistavoitteet: Kurssin suoritettuasi - osaat laatia lyhyitä viestejä - tulet toimeen arjessa"
    items = [i for i in find_items(text) if i.frame != "content"]
    assert [(item_frame(i), i.text) for i in items] == [("osata", "laatia lyhyitä viestejä"),
                                                        ("2sg", "tulet toimeen arjessa")]


def test_items_know_their_place_in_the_text():
    text = "Osaamistavoitteet:\nOpiskelija osaa\n- laatia lääkelistan"
    item = [i for i in find_items(text) if i.frame != "content"][0]
    assert text[item.start:item.end] == "laatia lääkelistan"


def test_content_lines_and_plain_text():
    text = "Kurssi (1 op)\nSisältö: - Lämmönsiirto- Pumput ja putkistot"
    assert [i.text for i in find_items(text) if i.frame == "content"] == ["Lämmönsiirto", "Pumput ja putkistot"]
    text = "Kurssilla käsitellään kirjaamista. Opiskelija osaa kirjata havainnot."
    items = find_items(text)
    assert [(i.frame, i.section) for i in items] == [("content", "text"), ("finite", "text")]
