"""One ability, one plain statement: the author's measurable verb and words kept, vague verbs replaced by a verb of
the same or a lower level that fits the object, growth and attitudes not proposed, every word checked."""
import pytest

from poiju_nlp.outcomes.sections import Item
from poiju_nlp.outcomes.parse import join_elliptic
from poiju_nlp.outcomes.statements import plain_statements
from poiju_nlp.outcomes.wording import unknown_words
from poiju_nlp.outcomes.verbs import load_fit, load_verbs


def plain(text: str, frame: str = "finite") -> list[tuple[str, str]]:
    """(statement or '-', author verb) for each ability of one item."""
    out = []
    for ability, p in plain_statements([Item(text, 0, len(text), frame, "outcomes")]):
        out.append((p.text if p.ok else "-", ability.verb))
    return out


def texts(text: str, frame: str = "finite") -> list[str]:
    return [t for t, _ in plain(text, frame) if t != "-"]


def test_measurable_verb_and_words_kept_in_second_person():
    assert texts("laatii asiakkaalle hoitosuunnitelman") == ["Osaat laatia asiakkaalle hoitosuunnitelman."]
    assert texts("laatia lyhyitä kirjallisia viestejä", "osata") == ["Osaat laatia lyhyitä kirjallisia viestejä."]
    assert texts("arvioimaan asiakkaan kotiolojen riskejä", "pystyä") == [
        "Osaat arvioida asiakkaan kotiolojen riskejä."]


def test_possessives_become_second_person_but_not_reciprocals():
    assert texts("huolehtii työympäristönsä siisteydestä") == ["Osaat huolehtia työympäristösi siisteydestä."]
    assert texts("arvioi omaa osaamistaan ja saamaansa palautetta") == [
        "Osaat arvioida omaa osaamistasi ja saamaasi palautetta."]
    assert texts("tunnistaa palvelujen yhteyksiä toisiinsa") == ["Osaat tunnistaa palvelujen yhteyksiä toisiinsa."]


def test_oma_without_a_suffix_gets_the_learners_suffix_but_not_someone_elses():
    # real authors write 'havainnoi omaa vuorovaikutusta' (blind review 3: "omaa vuorovaikutusta" must be "-si")
    assert texts("havainnoi omaa vuorovaikutusta asiakastyössä") == [
        "Osaat havainnoida omaa vuorovaikutustasi asiakastyössä."]
    assert texts("reflektoi omaa taidekasvattajuutta") == ["Osaat reflektoida omaa taidekasvattajuuttasi."]
    assert all("asiakkaan omaa" not in t or "toimintaasi" not in t
               for t in texts("tukee asiakkaan omaa toimintaa arjessa"))


def test_several_verbs_become_several_statements():
    assert texts("tunnistaa omat voimavaransa ja vahvistaa asiakkaan toimintakykyä") == [
        "Osaat tunnistaa omat voimavarasi.", "Osaat vahvistaa asiakkaan toimintakykyä."]
    # a verb without words of its own shares the next verb's object, not its particle or adverbials
    assert texts("mittaa ja raportoi asiakkaan verenpaineen") == [
        "Osaat mitata asiakkaan verenpaineen.", "Osaat raportoida asiakkaan verenpaineen."]
    # a verb the tagger read as a noun ('kirjaa' = 'kirja' in the partitive) never leaves "ja kirjaa" behind
    assert not any(t.startswith("Osaat mitata ja") for t in texts("mittaa ja kirjaa asiakkaan verenpaineen"))


def test_vague_verbs_replaced_by_a_fitting_verb_of_the_same_or_lower_level():
    assert texts("tuntee kotihoidon palvelujärjestelmän") == ["Osaat kuvata kotihoidon palvelujärjestelmän."]
    assert texts("tuntee kirjaamisen keskeiset käsitteet") == ["Osaat selittää kirjaamisen keskeiset käsitteet."]
    assert texts("tutustuu muistisairauksien hoitoon") == ["Osaat kertoa muistisairauksien hoidosta."]
    assert texts("ymmärtää, miten uni vaikuttaa terveyteen") == ["Osaat selittää, miten uni vaikuttaa terveyteen."]
    assert texts("ymmärtää miten uni vaikuttaa terveyteen") == ["Osaat selittää, miten uni vaikuttaa terveyteen."]
    assert texts("hallitsee kirjaamisen menetelmät") == ["Osaat käyttää kirjaamisen menetelmiä."]
    assert texts("tietää työturvallisuuslain keskeiset velvoitteet") == [
        "Osaat kertoa työturvallisuuslain keskeisistä velvoitteista."]


def test_vague_verb_with_a_coordinated_object_is_re_inflected_whole():
    assert texts("tutustuu alan työehtosopimuksen sisältöön ja periaatteisiin") == [
        "Osaat kertoa alan työehtosopimuksen sisällöstä ja periaatteista."]


def test_growth_attitude_and_activity_are_not_proposed():
    for text in ("syventää kielitaitoaan", "arvostaa asiakkaan itsemääräämisoikeutta",
                 "osallistuu keskusteluun aktiivisesti", "kehittää ammatillista osaamistaan"):
        assert texts(text) == [], text


def test_dangling_pronoun_is_not_proposed():
    assert plain("lukee vikakoodit ja dokumentoi ne") == [("Osaat lukea vikakoodit.", "lukea"), ("-", "dokumentoida")]
    # a pronoun with its noun in the same statement is fine
    assert texts("kuvaa Rooman historian ja siihen liittyvät tarinat") == [
        "Osaat kuvata Rooman historian ja siihen liittyvät tarinat."]


def test_brackets_and_examples_make_way_and_long_statements_are_not_proposed():
    assert texts("ymmärtää yhteistyön merkityksen (esim. lääkärit, hoitajat)") == [
        "Osaat selittää yhteistyön merkityksen."]
    long = ("laatii asiakkaalle hoitosuunnitelman, joka ottaa huomioon asiakkaan toiveet, toimintakyvyn, "
            "asuinympäristön, läheiset, palvelut, taloudellisen tilanteen, terveydentilan ja lääkityksen kokonaisuutena "
            "yhdessä moniammatillisen työryhmän ja asiakkaan omaisten kanssa")
    assert texts(long) == []


def test_elliptic_compounds_are_parsed_as_one_word_and_written_back():
    assert join_elliptic("tieto- ja viestintätekniikan laitteita")[0] == "tieto-ja-viestintätekniikan laitteita"
    assert texts("tutustuu erilaisiin liikunta- ja vapaa-ajan mahdollisuuksiin") in (
        ["Osaat kertoa erilaisista liikunta- ja vapaa-ajan mahdollisuuksista."], [])
    assert texts("käyttää tieto- ja viestintätekniikan laitteita") == [
        "Osaat käyttää tieto- ja viestintätekniikan laitteita."]


def test_unknown_words_except_names_codes_and_compound_parts():
    assert unknown_words("Osaat käyttää Pro Toolsia A1.2-tasolla sosiaali- ja terveysalalla.") == []
    assert unknown_words("Osaat laatia hoitosunnitelman.") == ["hoitosunnitelman"]
    assert texts("laatii hoitosunnitelman") == []


@pytest.mark.parametrize("verb", sorted(load_fit().replacements))
def test_replacements_never_raise_the_level(verb):
    table = load_verbs()
    for rule in load_fit().replacements[verb]:
        if rule.replacement:
            assert rule.replacement in table
            assert table.get(rule.replacement).level <= int(
                next(r for r in [rule]).why and _max_level(verb, rule.object_class)), (verb, rule)


def _max_level(verb: str, cls: str) -> int:
    import csv

    from poiju_nlp.settings import get_settings

    path = get_settings().corpora_dir / "verbs" / "replacements.tsv"
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["verb"] == verb and row["object_class"] == cls:
                return int(row["max_level"])
    raise AssertionError((verb, cls))


def test_hallita_becomes_a_use_only_where_use_fits_else_nothing():
    # "hallitsee mittayksiköiden muutokset" means converting units: "kuvata" would be another skill
    assert texts("hallitsee mittayksiköiden muutokset") == []
    assert texts("hallitsee tilastolliset menetelmät") == ["Osaat käyttää tilastollisia menetelmiä."]


def test_purpose_forms_and_own_growth_are_not_abilities():
    assert texts("muuttaakseen moottorin toimintaa halutulla tavalla") == []
    assert texts("kehittää fyysisiä ominaisuuksiaan ja ergonomiataitojaan") == []


def test_a_list_cut_from_its_ja_gets_it_back():
    assert texts("ymmärtää maapolitiikan keskeiset keinot, asemakaavojen toteuttamisen prosessit ja osaa arvioida "
                 "asemakaavan toteuttamistaloutta")[0] == (
        "Osaat selittää maapolitiikan keskeiset keinot ja asemakaavojen toteuttamisen prosessit.")


def test_osata_with_a_noun_is_replaced_only_for_an_object_that_is_not_an_action():
    assert texts("osaa työskennellä laboratoriossa ja osaa käytännössä") == ["Osaat työskennellä laboratoriossa."]
    assert texts("asiakaslähtöisen ja vastuullisen työskentelyn", "osata") == []


def test_no_verb_of_the_learner_left_in_the_3rd_person_or_case_left_behind():
    assert texts("ymmärtää, että rakenteessa voi olla jännityshuippuja ja osaa soveltaa oppimaansa") == []


def test_copied_slips_and_clauses_without_their_verb_are_not_proposed():
    assert texts("huoltaa tavallisimpia ennallistamis- kunnostus- ja hoitotoimenpiteissä tarvittavia työvälineitä") == []
    assert texts("asettaa - tavoitteita vuorovaikutusosaamisensa kehittämiseksi") == []
    assert texts("kehittää kielellisten rakenteiden ja sanaston hallintaa") == []


def test_an_illative_left_behind_after_kertoa_is_not_proposed():
    assert texts("tutustuu äänen merkitykseen leikkauksessa") != ["Osaat kertoa äänen merkitykseen leikkauksesta."]
    assert texts("tutustuu Rooman historiaan") == ["Osaat kertoa Rooman historiasta."]


def test_a_person_verb_without_its_person_is_not_proposed():
    assert texts("ohjata ja tukea työasemien turvallisessa käytössä", "osata") == []
    assert texts("ohjata asiakasta apuvälineiden käytössä", "osata") == [
        "Osaat ohjata asiakasta apuvälineiden käytössä."]


def test_oma_before_a_verbal_noun_gets_the_learners_suffix():
    # blind review 4: "oman kirjoittamisen pohjana", "oman oppimisen näkökulmasta" failed both reviewers
    assert texts("käyttää muita tekstejä oman kirjoittamisen pohjana", "osata") == [
        "Osaat käyttää muita tekstejä oman kirjoittamisesi pohjana."]
    assert texts("arvioida työskentelyprosessia ja teosta oman oppimisen näkökulmasta", "osata") == [
        "Osaat arvioida työskentelyprosessia ja teosta oman oppimisesi näkökulmasta."]
    assert texts("arvioi omaa osaamista") == ["Osaat arvioida omaa osaamistasi."]


def test_a_pronoun_beside_the_verbs_own_object_points_outside():
    # 'kontekstualisoida työnsä siihen': into what? 'keinoja niiden saavuttamiseksi': the means are not the goals
    assert texts("kontekstualisoida työnsä siihen", "osata") == []
    assert texts("löytää tarkoituksenmukaisia keinoja niiden saavuttamiseksi", "osata") == []
    assert texts("käyttää laitteita niiden käyttöohjeiden mukaisesti", "osata") == [
        "Osaat käyttää laitteita niiden käyttöohjeiden mukaisesti."]


def test_habits_own_practice_and_bare_parts_are_not_proposed():
    # blind review 4: "Osaat seurata aktiivisesti mediaa", "Osaat harjoittaa ammatillisia taitojasi" (both reviewers:
    # a habit or course activity), "Osaat tarkastaa toiminnan ja suuntauksen" (of what?)
    assert texts("seuraa aktiivisesti mediaa ja osaa tarkastella kriittisesti kansainvälisiä kysymyksiä") == [
        "Osaat tarkastella kriittisesti kansainvälisiä kysymyksiä."]
    assert texts("harjoittaa ammatillisia taitojaan") == []
    assert texts("tarkastaa toiminnan ja suuntauksen") == []
    assert texts("tarkastaa ajovalojen toiminnan ja suuntauksen") == [
        "Osaat tarkastaa ajovalojen toiminnan ja suuntauksen."]


def test_osata_with_a_rule_is_described_not_followed():
    # blind review 4: 'osaa X:n takuuehdot' (knows them) -> 'noudattaa takuuehtoja' changed the action
    assert texts("osaa myytävän ajoneuvon mahdolliset vaihtoautotakuuehdot") == [
        "Osaat kuvata myytävän ajoneuvon mahdolliset vaihtoautotakuuehdot."]


def test_a_noun_list_whose_ja_went_with_the_next_verb_gets_it_back_or_is_not_proposed():
    assert texts("tunnistaa ja osaa nimetä tulevaisuudentutkimuksen keskeiset toimijat, alan keskeiset kansalliset "
                 "ja kansainväliset yhteisöt sekä osaa hyödyntää näiden tuottamaa tietoa")[:1] == [
        "Osaat tunnistaa tulevaisuudentutkimuksen keskeiset toimijat ja alan keskeiset kansalliset ja "
        "kansainväliset yhteisöt."]
    # a series of adjectives needs no 'ja'
    assert texts("lukea yksinkertaisia, helpotettuja lauseita", "osata") == [
        "Osaat lukea yksinkertaisia, helpotettuja lauseita."]


def test_eri_muodoissaan_belongs_to_the_object_and_perusteet_x_sta_is_not_standard():
    # blind review 3: "eri muodoissasi" (the forms are the texts'); review 4: "perusteet X:stä" failed one reviewer
    assert texts("kirjoittaa Maxwellin yhtälöt eri muodoissaan", "osata") == []
    assert texts("kuvata perusteet kestävyyssiirtymän haasteista", "osata") == []
    assert texts("osaa perusteet ihmisen mielen ja aivojen toiminnasta") == []


def test_a_shared_object_keeps_the_place_that_holds_for_both_verbs():
    assert texts("tunnistaa ja osaa analysoida Intiassa, Kiinassa ja Japanissa kehittyneiden uskontojen "
                 "ilmenemistä ja vaikutuksia länsimaissa") == [
        "Osaat tunnistaa Intiassa, Kiinassa ja Japanissa kehittyneiden uskontojen ilmenemistä ja vaikutuksia "
        "länsimaissa.",
        "Osaat analysoida Intiassa, Kiinassa ja Japanissa kehittyneiden uskontojen ilmenemistä ja vaikutuksia "
        "länsimaissa."]


def test_reflexive_itse_becomes_second_person_and_a_left_over_verb_is_refused():
    assert texts("kertomaan itsestään perusasioita latinaksi", "pystyä") == [
        "Osaat kertoa itsestäsi perusasioita latinaksi."]


def test_what_a_course_gives_is_not_a_learners_skill():
    # the brief of review 4: teacher aims ('Tavoitteena on antaa …', 'Tarjota tietoa …') turned into skills
    items = [Item("Tarjota tietoa ravitsemuksesta", 0, 30, "osata", "outcomes"),
             Item("Esitellä keskeiset teoriat", 0, 26, "osata", "outcomes"),
             Item("opettaa asiakasta käyttämään apuvälineitä", 0, 41, "finite", "outcomes"),
             Item("esitellä tutkimuksensa tulokset", 0, 31, "osata", "outcomes", lead="Opiskelija osaa")]
    made = [p.text for _, p in plain_statements(items) if p.ok]
    assert made == ["Osaat opettaa asiakasta käyttämään apuvälineitä.", "Osaat esitellä tutkimuksesi tulokset."]


def test_review_5_refusals():
    # own growth with the parse's head on a setting; comprehension of words; a bare 'järjestelmän'; a list whose
    # 'ja' went with the next verb; an aside after a comma is not joined with 'ja'
    assert texts("vahvistaa vuorovaikutuksessa toimimisen taitojaan sekä kielellistä itsetuntoaan") == []
    assert texts("Ymmärrät rajatun määrän tavallisimpia sanoja ja fraaseja", "2sg") == []
    assert texts("tunnistaa järjestelmän komponentit") == []
    assert texts("tunnistaa ajoneuvon jarrujärjestelmän komponentit") == [
        "Osaat tunnistaa ajoneuvon jarrujärjestelmän komponentit."]
    assert texts("tunnistaa alan keskeisiä tuotteita, eri tuotteiden eroavaisuuksia sekä varastoi ne") == []
    assert not any("aloittamista ja myös" in t for t in texts(
        "puhdistaa ajoneuvon ennen työn aloittamista, myös vaurioitumattomat osat, ja tarkastaa muut vauriot"))
    assert texts("Ymmärrät keskeiset käsitteet", "2sg") == ["Osaat selittää keskeiset käsitteet."]
