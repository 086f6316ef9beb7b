"""Rule-based rewriting end to end, through the real parser and the guard, on Finnish course text (slow: the rules'
own examples on fixed parses are in test_rule_examples.py)."""
import pytest

from poiju_nlp.rewriting import rewrite
from poiju_nlp.rewriting.card import course_card

pytestmark = pytest.mark.slow


def rules_of(result):
    return [e.rule for e in result.edits]


def test_lexicon_replacement_is_inflected_like_the_original():
    text = "Opintojaksolla harjoitellaan informaation hakemista ja arvioimista työpaikalla."
    r = rewrite(text)
    assert r.rewrite.startswith("Kurssilla ")
    e = next(e for e in r.edits if e.original == "Opintojaksolla")
    assert e.replacement == "Kurssilla" and e.rule == "lexicon" and e.reason
    assert text[e.start:e.end] == e.original
    # 'informaatio' is only suggested: 'informaatiolla manipulointia' is no 'tiedolla manipulointia' (review 9)
    assert "informaation hakemista" in r.rewrite
    # a swap some reviewer judged right only in some sentences is not made: 'implementoinnissa' stays
    assert "implementoinnissa" in rewrite("Kurssilla harjoitellaan menetelmien implementoinnissa tarvittavia "
                                          "taitoja.").rewrite


def test_credit_term_is_explained_once_at_first_use():
    text = ("Kurssin laajuus on 3 op, ja se sopii kaikille hoitajille. Harjoitustyön laajuus on 1 op. "
            "Kurssi maksaa 120 euroa.")
    r = rewrite(text)
    assert r.rewrite.count("tuntia työtä") == 1
    assert "3 opintopistettä (noin 81 tuntia työtä)" in r.rewrite
    assert r.checks["facts_preserved"]


def test_abbreviation_expanded_once():
    text = ("Opintojaksolla perehdytään siihen, miten AHOT toimii omassa oppilaitoksessasi. AHOT tehdään ennen "
            "opintojakson alkua. Opintojakso on verkossa 5.2.2027.")
    r = rewrite(text)
    expansions = [e for e in r.edits if e.rule == "abbreviation"]
    assert len(expansions) == 1 and expansions[0].original == "AHOT"
    assert r.rewrite.count("AHOT (") == 1


def test_long_sentence_split_keeps_facts_and_grammar():
    text = ("Toteutus tapahtuu verkossa Moodle-ympäristössä 1.2.–15.3.2027, ja sen järjestää Järvilaakson "
            "ammattikorkeakoulu yhdessä Itäjoen hyvinvointialueen kanssa.")
    r = rewrite(text)
    split = [e for e in r.edits if e.rule == "split_sentence"]
    assert split and split[0].replacement == ". Sen"
    assert "1.2.–15.3.2027. Sen järjestää Järvilaakson" in r.rewrite
    assert r.checks["facts_preserved"] and r.checks["meaning_preserved"]


def test_nominal_to_verb_example_from_the_issue():
    r = rewrite("Tavoitteena on potilasturvallisuuden kehittäminen.")
    assert r.rewrite == "Kurssilla kehität potilasturvallisuutta."
    assert rules_of(r) == ["nominal_to_verb"]


def test_passive_course_talk_addresses_the_reader():
    r = rewrite("Opintojaksolla harjoitellaan lääkelaskuja ja käsitellään potilasohjausta.")
    # the verb itself: 'käsitellään' -> 'käsittelet' (review 1: 'tarkastellaan' -> 'opit' changed the meaning)
    assert "harjoittelet lääkelaskuja" in r.rewrite and "käsittelet potilasohjausta" in r.rewrite
    assert "passive_to_2sg" in rules_of(r)
    # the teacher assesses, not the learner: 'arvioidaan' stays passive
    r2 = rewrite("Opintojaksolla osaaminen arvioidaan tentillä.")
    assert "arvioidaan" in r2.rewrite


def test_enumeration_is_switched_off():
    """Reviews 3-7: 22 of 34 labels good; the rule object and its examples stay, the rewriter does not run it."""
    from poiju_nlp.rewriting.rules import REGISTRY, SENTENCE_RULES

    assert "enumeration" not in SENTENCE_RULES and REGISTRY["enumeration"].why_disabled
    text = ("Opintojakson sisältöinä ovat muistisairauksien oireet, haastava käyttäytyminen, omaisyhteistyö "
            "sekä hoitotyön periaatteet. Kurssin hinta on 180 €.")
    r = rewrite(text)
    assert "enumeration" not in rules_of(r) and "\n- " not in r.rewrite and "180 €" in r.rewrite


def test_course_card_from_record():
    record = {"title": "Ensiapu 1", "description": "Kurssilla opit antamaan ensiapua.", "credits": 2,
              "mode": "monimuoto", "price_eur": 90, "provider": "Itäjoen ammattikorkeakoulu",
              "dates": {"start": "2027-01-12", "end": "2027-02-20"},
              "learning_outcomes": ["Osaat antaa ensiapua."]}
    card = course_card(record)
    assert list(card) == ["Kenelle", "Mitä opit", "Miten opiskelet", "Työmäärä", "Hinta", "Todistus"]
    assert card["Työmäärä"].startswith("2 opintopistettä eli noin 54 tuntia")
    assert card["Hinta"] == "90 euroa."
    assert "12.1.2027" in card["Miten opiskelet"]
    r = rewrite("", record=record)
    assert r.card == card or r.card["Työmäärä"] == card["Työmäärä"]
    assert "**Työmäärä**" in r.card_markdown


def test_text_without_jargon_comes_back_unchanged_with_a_note():
    text = "Kurssilla opit antamaan ensiapua. Kurssi kestää kaksi päivää."
    r = rewrite(text)
    assert r.rewrite == text and r.edits == []
    assert r.notes and "sellaisenaan" in r.notes[0]


def test_result_reports_every_check():
    r = rewrite("Opintojaksolla perehdytään lääkehoitoon. Laajuus on 3 op.")
    for key in ("meaning_similarity", "facts_preserved", "unknown_words_added", "score_before", "score_after",
                "lix_before", "lix_after", "length_ratio", "sentences_covered"):
        assert key in r.checks
    d = r.to_dict()
    assert {"start", "end", "original", "replacement", "rule", "reason"} <= set(d["edits"][0])


def test_split_relative_clause_about_a_thing_continues_with_se():
    text = ("Mielenterveys- ja päihdeasiakkaan kohtaaminen on jatkuvan oppimisen kokonaisuus, joka on suunnattu "
            "sosiaali- ja terveysalan sekä ohjausalan työntekijöille.")
    r = rewrite(text)
    split = [e for e in r.edits if e.rule == "split_sentence"]
    assert split and split[0].original == ", joka" and split[0].replacement == ". Se"
    assert "kokonaisuus. Se on suunnattu sosiaali- ja terveysalan" in r.rewrite  # (intended_for is off)
    assert r.checks["facts_preserved"] and r.checks["meaning_preserved"]


def test_restrictive_relative_clause_about_people_is_never_split():
    """Issue 12: 'työntekijöille, jotka haluavat ...' says which workers; '... työntekijöille. He haluavat ...' would
    make it a claim about all of them."""
    from poiju_nlp.rewriting.rewriter import candidate_edits

    for text in ("Kurssi on tarkoitettu kotihoidon sairaanhoitajille, jotka työskentelevät yksin asiakkaiden "
                 "kodeissa.",
                 "Koulutus on tarkoitettu sosiaali- ja terveysalan työntekijöille, jotka haluavat syventää "
                 "osaamistaan asiakastyön kehittämisessä.",
                 "Kurssi on suunnattu sosiaali- ja terveysalan ammattilaisille, joiden työtehtäviin sisältyy "
                 "lääkehoidon toteuttamista."):
        _, sentence_edits, _ = candidate_edits(text)
        assert not [e for e in sentence_edits if e.rule == "split_sentence"], text


def test_short_two_clause_sentence_is_split_at_ja():
    r = rewrite("Toteutus tapahtuu verkossa 1.2.–15.3.2027, ja sen järjestää Järvilaakson ammattikorkeakoulu.")
    assert r.rewrite == "Toteutus tapahtuu verkossa 1.2.–15.3.2027. Sen järjestää Järvilaakson ammattikorkeakoulu."
    assert r.checks["facts_preserved"] and r.checks["meaning_preserved"]


def test_split_gives_no_fragment_and_keeps_coordinated_nouns():
    from poiju_nlp.rewriting.rewriter import candidate_edits

    # 'X ja Y' between nouns is no clause boundary; a 2-word part ('Se alkaa.') is too short
    _, sentence_edits, _ = candidate_edits("Kurssilla käsittelet lääkehoidon periaatteita ja potilasturvallisuutta "
                                           "monipuolisesti.")
    assert not [e for e in sentence_edits if e.rule == "split_sentence"]


def test_learner_goal_addresses_the_reader():
    r = rewrite("Moduulin osaamistavoitteena on, että osallistuja kykenee tunnistamaan päihdeongelmien varhaiset "
                "merkit sekä soveltamaan motivoivan haastattelun menetelmiä asiakastyössä.")
    # one idea per sentence: the second infinitive gets its own sentence
    assert r.rewrite.startswith("Kurssilla opit tunnistamaan päihdeongelmien varhaiset merkit. Opit myös soveltamaan")
    assert "learner_goal" in rules_of(r) and r.checks["meaning_preserved"]
    # the learner's second finite verb: 'ja tunnistaa' -> '. Opit myös tunnistamaan'
    r = rewrite("Opintojakson tavoitteena on, että osallistuja kykenee soveltamaan tuetun päätöksenteon menetelmiä "
                "ja tunnistaa asiakastyössä rajoitustoimenpiteiden käytön edellytykset.")
    assert r.rewrite.startswith("Kurssilla opit soveltamaan tuetun päätöksenteon menetelmiä. Opit myös tunnistamaan "
                                "asiakastyössä")


def test_learner_goal_after_completion_and_infinitive_gloss():
    r = rewrite("Opintojakson suoritettuaan osallistuja osaa hyödyntää validoituja kipumittareita sekä integroida "
                "lääkkeellisen ja lääkkeettömän kivunhoidon menetelmät osaksi potilaan kokonaishoitoa.")
    assert r.rewrite.startswith("Kurssin jälkeen osaat ")
    assert "Osaat myös integroida lääkkeellisen" in r.rewrite  # a 1st infinitive stays one
    assert r.checks["facts_preserved"] and r.checks["meaning_preserved"]


def test_learner_goal_turns_the_learners_possessive_suffix_to_second_person():
    from poiju_nlp.rewriting.rewriter import candidate_edits

    _, sentence_edits, _ = candidate_edits("Opintojakson tavoitteena on, että osallistuja kehittää omaa "
                                           "työyhteisöään asiakaslähtöisemmäksi.")
    goal = [e for e in sentence_edits if e.rule == "learner_goal"]
    assert goal and "kehität omaa työyhteisöäsi" in goal[0].replacement  # not 'työyhteisöään'


def test_list_of_objects_split_repeats_the_verb():
    # 'osana potilasturvallisuuden kokonaisuutta' may belong to every item: the list is not cut before the last one
    r = rewrite("Opintojaksolla perehdytään lääkehoitoprosessin keskeisiin käsitteisiin, lääkelaskennan "
                "periaatteisiin sekä turvallisen lääkehoidon edellytyksiin osana potilasturvallisuuden kokonaisuutta.")
    assert "Perehdyt myös turvallisen" not in r.rewrite and "Kurssilla perehdyt" in r.rewrite
    r = rewrite("Kurssi sisältää verkkoluentoja sekä kaksi lähipäivää Järvilaakson ammattikorkeakoulun "
                "opiskeluympäristössä.")
    assert r.rewrite == ("Kurssi sisältää verkkoluentoja. Se sisältää myös kaksi lähipäivää Järvilaakson "
                         "ammattikorkeakoulun opiskeluympäristössä.")
    assert r.checks["facts_preserved"] and r.checks["meaning_preserved"]


def test_copied_verb_is_rolled_back_with_its_token_edit():
    from poiju_nlp.rewriting.edits import Edit
    from poiju_nlp.rewriting.rewriter import _drop_unmet

    token = Edit(0, 5, "a", "b", "passive_to_2sg", "r", id=3)
    split = Edit(10, 15, "c", ". D myös ", "split_sentence", "r", requires=(3,))
    accepted, rejected = [split], []
    _drop_unmet(accepted, rejected)
    assert accepted == [] and rejected and rejected[0]["rule"] == "split_sentence"
    accepted = [split, token]
    _drop_unmet(accepted, rejected)
    assert accepted == [split, token]


def test_coordinated_verbs_with_shared_subject_split_with_a_pronoun():
    from poiju_nlp.rewriting.rewriter import candidate_edits

    _, edits, _ = candidate_edits("Kurssi sisältää kaksi lähipäivää Kuopiossa ja antaa valmiudet kotihoidon työhön.")
    split = [e for e in edits if e.rule == "split_sentence"]
    assert split and split[0].replacement == ". Se antaa"
    # a shared object: 'tunnistaa ja arvioi riskejä' is not two clauses
    _, edits, _ = candidate_edits("Kurssilla osallistuja tunnistaa ja arvioi työpaikan riskejä yhdessä muiden kanssa.")
    assert not [e for e in edits if e.rule == "split_sentence"]


def test_list_split_skips_shared_parts():
    from poiju_nlp.rewriting.rewriter import candidate_edits

    for text in (
            # the object after the recipients belongs to both
            "Koulutus tarjoaa organisaation turvallisuushenkilöstölle ja pelastussuunnitelmasta vastaaville "
            "henkilöille käytännönläheisiä valmiuksia.",
            # the postposition belongs to both
            "Osaamisen osoittaminen tapahtuu portfoliotyöskentelyn ja organisaatiokohtaisen kehittämissuunnitelman "
            "kautta.",
            # a passive without the learner: 'Järjestetään myös ...' would lose its object
            "Lähiopetus järjestetään Helsingissä lokakuussa ja joulukuussa Pohjoisrannikon yliopiston tiloissa."):
        _, edits, _ = candidate_edits(text)
        assert not [e for e in edits if e.rule == "split_sentence" and "myös" in e.replacement], text


def test_two_passes_compose_into_edits_on_the_original():
    # pass 1 splits the sentence at ', ja'; pass 2 turns 'toteutetaan' of the new sentence into 'on'
    text = "Kriisiviestinnän kurssi (3 op) sopii kuntien viestijöille, ja se toteutetaan verkossa 1.2.–15.3.2027."
    r = rewrite(text)
    from poiju_nlp.rewriting.edits import apply_edits
    assert apply_edits(text, r.edits) == r.rewrite
    assert all(text[e.start:e.end] == e.original for e in r.edits)
    assert r.rewrite.endswith("sopii kuntien viestijöille. Se on verkossa 1.2.–15.3.2027.")
    assert any("+" in e.rule for e in r.edits)  # one edit that names both steps
    # a restrictive relative clause stays with its noun; the credit amount still gets its own sentence
    r = rewrite("Yksintyöskentelyn turvallisuus -verkkokurssi (1 op) on suunnattu kotihoidon työntekijöille, jotka "
                "työskentelevät ilman työtoverin välitöntä tukea.")
    assert "työntekijöille, jotka työskentelevät ilman työtoverin välitöntä tukea." in r.rewrite
    assert r.checks["facts_preserved"] and r.checks["meaning_preserved"]


def test_compose_edits_equals_applying_both_passes():
    import random

    from poiju_nlp.rewriting.edits import Edit, apply_edits, compose_edits

    rng = random.Random(7)

    def random_edits(t: str, n: int) -> list[Edit]:
        out, last = [], -1
        for _ in range(n):
            a = rng.randint(0, len(t))
            b = min(len(t), a + rng.randint(0, 4))
            if a <= last or any(e.start == e.end == a for e in out):
                continue
            out.append(Edit(a, b, t[a:b], rng.choice(["", "x", "yyy"]), "r", "why"))
            last = max(a, b)
        return sorted(out, key=lambda e: e.start)

    for _ in range(2000):
        text = "".join(rng.choice("ab cd") for _ in range(rng.randint(0, 25)))
        first = random_edits(text, 3)
        mid = apply_edits(text, first)
        second = random_edits(mid, 3)
        composed = compose_edits(text, first, second)
        assert apply_edits(text, composed) == apply_edits(mid, second)
        assert all(text[e.start:e.end] == e.original for e in composed)


def test_learner_subject_becomes_you_with_possessives():
    r = rewrite("Osallistuja reflektoi omia kirjaamiskäytäntöjään ja jalkauttaa opitun omaan työyhteisöönsä "
                "kehittämistehtävän avulla.")
    assert r.rewrite.startswith("Reflektoit omia kirjaamiskäytäntöjäsi")  # present tense, 2sg, 'käytäntöjäsi'
    assert "työyhteisöösi" in r.rewrite and "Osallistuja" not in r.rewrite


def test_credit_amount_in_brackets_becomes_its_own_sentence():
    r = rewrite("Kemikaaliturvallisuuden kurssi (2 op) antaa taidot vaarallisten kemikaalien turvalliseen "
                "käsittelyyn ja varastointiin.")
    assert "(2 op)" not in r.rewrite
    assert "laajuus on 2 opintopistettä (noin 54 tuntia työtä)." in r.rewrite  # 'laajuus' is familiar (review)
    assert r.checks["facts_preserved"]


def test_recipients_and_what_you_get_in_two_sentences():
    r = rewrite("Koulutus antaa kotihoidon, kotiutustiimien ja pelastuslaitosten henkilöstölle valmiudet "
                "asuinympäristön turvallisuusriskien järjestelmälliseen selvittämiseen.")
    assert r.rewrite == ("Koulutus on kotihoidon, kotiutustiimien ja pelastuslaitosten henkilöstölle. "
                         "Koulutuksessa opit asuinympäristön turvallisuusriskien järjestelmällistä selvittämistä.")
    r = rewrite("Koulutus tarjoaa kotihoidon henkilöstölle ajantasaista tietoa asuinympäristön turvallisuusriskeistä.")
    assert r.rewrite.startswith("Koulutus on kotihoidon henkilöstölle. Koulutuksessa saat")


def test_arranged_is_and_essive_becomes_partitive():
    r = rewrite("Kurssi järjestetään etäopetuksena Teamsissa 4.2., 11.2. ja 18.2.2027.")
    assert r.rewrite == "Kurssi on etäopetusta Teamsissa 4.2., 11.2. ja 18.2.2027."
    # an essive of time stays ('on kahtena päivänä'); a countable singular would need the nominative: left alone
    r = rewrite("Koulutus toteutetaan kahtena lähiopetuspäivänä 14.–15.4.2027 Vaasassa.")
    assert r.rewrite.startswith("Koulutus on kahtena lähiopetuspäivänä 14.–15.4.2027")
    r = rewrite("Koulutus toteutetaan yhteistyöhankkeena Vaasassa.")
    assert "toteutetaan yhteistyöhankkeena" in r.rewrite
    # a numeral with its noun, a countable format, a plurale tantum; a date hung on the noun is no numeral
    r = rewrite("Opetus toteutetaan kuutena verkkotapaamisena 1.2.–26.4.2027.")
    assert r.rewrite == "Opetus on kuusi verkkotapaamista 1.2.–26.4.2027."
    r = rewrite("Koulutus toteutetaan verkkoseminaarina 17.11.2026 klo 9–12.")
    assert r.rewrite == "Koulutus on verkkoseminaari 17.11.2026 klo 9–12."
    r = rewrite("Kurssi toteutetaan verkko-opintoina 2.11.–14.12.2026.")
    assert r.rewrite == "Kurssi on verkko-opintoja 2.11.–14.12.2026."


def test_list_after_second_person_verb_stays_one_sentence():
    # list_split is off (reviews 4-5); the learner is still addressed with the same verb (review 2: learn_topics off)
    r = rewrite("Kurssilla perehdytään tapahtuman pelastussuunnitelman laadintaan, väkijoukon hallinnan "
                "periaatteisiin, viranomaisilmoitusten kulkuihin sekä sää- ja olosuhderiskien huomiointiin.")
    assert r.rewrite.startswith("Kurssilla perehdyt tapahtuman pelastussuunnitelman") and "\n" not in r.rewrite
    assert r.rewrite.endswith("periaatteisiin, viranomaisilmoitusten kulkuihin sekä sää- ja olosuhderiskien "
                              "huomiointiin.")


def test_bullet_lines_count_as_sentences_for_lix():
    from poiju_nlp.scoring import score

    listed = score("Kurssilla opit:\n- ensiavun perusteet\n- lääkehoidon turvallisuuden\n- kirjaamisen käytännöt")
    assert listed.metrics["sentences"] == 4
    wrapped = score("Kurssilla opit ensiavun perusteet\nja lääkehoidon turvallisuuden.")
    assert wrapped.metrics["sentences"] == 1  # a hard-wrapped line in lower case continues the sentence


def test_list_split_never_leaves_a_shared_object_behind():
    # the elatives hang on 'kokonaiskuvan'; 'Saat myös B:stä' would lose it
    r = rewrite("Verkkokurssi tarjoaa opettajille kokonaiskuvan prosessin vaiheista, osaamisen osoittamisen "
                "menetelmistä sekä arvosteluperusteiden soveltamisesta.")
    assert "Saat myös" not in r.rewrite and "vaiheista, osaamisen osoittamisen menetelmistä" in r.rewrite
    r = rewrite("Koulutuksessa harjoitellaan taitoja lapsen osallisuuden toteuttamisessa ja vaikuttavien "
                "työmenetelmien valinnassa.")
    assert "myös vaikuttavien" not in r.rewrite


def test_vague_skill_nouns_become_what_you_learn():
    # 'vahvistetaan osaamista X:ssä' -> 'opit X:ää': the vague object goes, the topics take the partitive
    r = rewrite("Koulutuksessa vahvistetaan osaamista lapsen osallisuuden toteuttamisessa ja vaikuttavien "
                "työmenetelmien valinnassa.")
    assert r.rewrite.startswith("Koulutuksessa opit lapsen osallisuuden")
    assert "toteuttamista" in r.rewrite and "työmenetelmien valintaa" in r.rewrite and "osaamista" not in r.rewrite
    r = rewrite("Kemikaaliturvallisuuden opintojakso antaa valmiudet vaarallisten kemikaalien turvalliseen "
                "käsittelyyn, varastointiin ja hävittämiseen.")
    assert r.rewrite == ("Kemikaaliturvallisuuden kurssilla opit vaarallisten kemikaalien turvallista käsittelyä, "
                         "varastointia ja hävittämistä.")
    # 'taidot' is a plain word: 'saat taidot X:ään' stays
    r = rewrite("Kurssilla saat taidot riskien arviointiin.")
    assert "saat taidot riskien arviointiin" in r.rewrite


def test_goal_for_learner_is_switched_off():
    """Review 8: 1 of 3 good in both reviews ('tavoitteena on tukea opiskelijan opintojen käynnistymistä' -> 'tuet
    opintojesi käynnistymistä': the course supports, not the reader)."""
    from poiju_nlp.rewriting.rules import REGISTRY, SENTENCE_RULES

    assert "goal_for_learner" not in SENTENCE_RULES and REGISTRY["goal_for_learner"].why_disabled
    text = ("Kurssin tavoitteena on tukea opiskelijan opintojen sujuvaa käynnistymistä ja integroitumista "
            "korkeakouluun sekä tutustumista tiedeyhteisöön.")
    r = rewrite(text)
    assert "goal_for_learner" not in rules_of(r) and "tuet" not in r.rewrite
    assert "tavoitteena on tukea opiskelijan opintojen" in r.rewrite


def test_comma_splice_and_zero_person_clause_are_split():
    r = rewrite("Koulutus on maksuton Itäjoen kaupungin työntekijöille, muille hinta on 95 €.")
    assert "työntekijöille. Muille hinta on 95 €." in r.rewrite
    r = rewrite("Kurssi toteutetaan itsenäisenä verkko-opiskeluna, ja sen voi suorittaa 1.8.2026–31.7.2027.")
    assert r.rewrite == "Kurssi on itsenäistä verkko-opiskelua. Sen voi suorittaa 1.8.2026–31.7.2027."""  # 'suorittaa' is familiar (lexicon review)
    assert r.checks["facts_preserved"]


def test_learn_topics_is_switched_off_and_the_verb_is_kept():
    """Review 2: 'perehdytään X:ään' -> 'opit X:ää' was good in 2 of 7 edits ('opit vuorovaikutusta', 'opit
    tarkastelua' read as other collocations); the learner is addressed with the same verb instead."""
    from poiju_nlp.rewriting.rules import REGISTRY, SENTENCE_RULES

    assert "learn_topics" not in SENTENCE_RULES and REGISTRY["learn_topics"].why_disabled
    r = rewrite("Palautuminen ja työkyvyn ylläpitäminen -verkkokurssilla perehdytään työkuormituksen ja palautumisen "
                "fysiologisiin ja psykologisiin mekanismeihin.")
    assert "-verkkokurssilla perehdyt työkuormituksen ja palautumisen fysiologisiin" in r.rewrite
    assert "opit" not in r.rewrite


def test_list_split_is_switched_off():
    """Reviews 4-5: 3 of 6 list splits good; the rule object and its examples stay, the rewriter does not run it."""
    from poiju_nlp.rewriting.rules import REGISTRY, SENTENCE_RULES

    assert "list_split" not in SENTENCE_RULES and REGISTRY["list_split"].why_disabled
    r = rewrite("Perehdytään vuodenaikoihin, päivän ja yön vaihteluun sekä maapallon rakenteeseen.")
    assert "Perehdyt myös päivän" not in r.rewrite


def test_list_split_ignores_examples_and_explanations():
    # 'kuten uneen, liikuntaan' are examples of one item, not list items
    r = rewrite("Kurssilla perehdyt työkuormituksen mekanismeihin sekä niihin vaikuttaviin tekijöihin, kuten uneen, "
                "liikuntaan ja ravitsemukseen.")
    assert "- kuten" not in r.rewrite


def test_intended_for_is_switched_off():
    """Review 4: 'on suunnattu X:lle' -> 'sopii X:lle' failed both reviewers (aimed at is not suits)."""
    from poiju_nlp.rewriting.rules import REGISTRY, TOKEN_RULES

    assert "intended_for" not in TOKEN_RULES and REGISTRY["intended_for"].why_disabled
    r = rewrite("Turvallisuusjohtamisen moduuli on suunnattu organisaatioiden turvallisuudesta vastaaville "
                "asiantuntijoille ja esihenkilöille.")
    assert "on suunnattu organisaatioiden turvallisuudesta vastaaville asiantuntijoille" in r.rewrite
    assert "sopii" not in r.rewrite


def test_module_becomes_kurssi_unless_the_text_has_courses_of_its_own():
    r = rewrite("Moduulissa perehdytään turvallisuusjohtamisen standardeihin. Moduulin hinta on 900 €.")
    # the lexicon review judged 'moduuli' -> 'kurssi' wrong (a module is part of a course or made of courses) and
    # 'kokonaisuus' right in some sentences only: the word is shown to the teacher, never swapped automatically
    assert r.rewrite.startswith("Moduulissa perehdyt ") and "Moduulin hinta on 900 €." in r.rewrite
    r = rewrite("Moduuli koostuu kolmesta opintojaksosta. Moduulin hinta on 900 €.")
    assert r.rewrite.startswith("Moduuli koostuu kolmesta kurssista.")


def test_recipients_with_a_participle_phrase_stay_one_phrase():
    r = rewrite("Rokottamisen osaaminen -täydennyskoulutus antaa rokotuksia antaville terveydenhuollon "
                "ammattihenkilöille kansallisen rokotusohjelman mukaiset tiedot ja taidot.")
    assert "on rokotuksia antaville terveydenhuollon ammattihenkilöille." in r.rewrite
    assert "saat kansallisen rokotusohjelman mukaiset tiedot ja taidot." in r.rewrite


def test_enrolment_becomes_an_instruction():
    r = rewrite("Ilmoittautuminen 30.11.2026 mennessä osoitteessa https://opinnot.example.fi/kivunhoito.")
    assert r.rewrite == "Ilmoittaudu 30.11.2026 mennessä osoitteessa https://opinnot.example.fi/kivunhoito."
    r = rewrite("Hinta on 240 €. Ilmoittautuminen päättyy 20.1.2027.")
    assert r.rewrite.endswith("Ilmoittaudu viimeistään 20.1.2027.")
    r = rewrite("Opintojaksoille ilmoittaudutaan Järvilaakson ammattikorkeakoulun portaalissa "
                "https://opinnot.example.fi/jatkuva.")
    assert r.rewrite.startswith("Ilmoittaudu kursseille Järvilaakson ammattikorkeakoulun portaalissa")
    # when enrolment opens is no instruction
    assert "Ilmoittautuminen alkaa 1.5.2026." in rewrite("Kurssi on verkossa. Ilmoittautuminen alkaa 1.5.2026.").rewrite


def test_a_plain_verb_that_would_break_the_object_case_is_not_used():
    # 'auttaa' takes a partitive: 'auttaa opintojen suorittamisen' would be ungrammatical
    r = rewrite("Opintotarjonta mahdollistaa opintojaksojen suorittamisen ilman tutkinto-opiskelijan statusta.")
    assert "auttaa" not in r.rewrite
    # ('mahdollistaa' is familiar since the lexicon review, so it is no longer replaced at all)


def test_real_course_page_heading_stays_and_the_learner_is_addressed():
    text = ("Kestävä liiketoiminta (5 op)\nOsaamistavoitteet: Kurssin käytyään opiskelija osaa soveltaa robotiikkaa "
            "käytännön esimerkkitilanteissa. Opiskelija tuntee tv-draaman käsikirjoittamisen perusperiaatteet.")
    r = rewrite(text)
    assert "\nOsaamistavoitteet: Kurssin jälkeen osaat soveltaa robotiikkaa" in r.rewrite
    assert "Tunnet tv-draaman käsikirjoittamisen perusperiaatteet." in r.rewrite
    assert "(5 opintopistettä, noin 135 tuntia työtä)" in r.rewrite
    assert r.checks["facts_preserved"] and not r.checks["unknown_words_added"]


def test_fixed_terms_are_never_replaced():
    from poiju_nlp.rewriting.rewriter import candidate_edits

    _, _, token_edits = candidate_edits("Opiskelija osaa toimia kolmannella sektorilla ja julkisessa "
                                        "toimintaympäristössä sekä prekliinisessä että kliinisessä tutkimuksessa.")
    changed = {e.original.lower() for e in token_edits if e.rule == "lexicon"}
    assert not changed & {"sektorilla", "toimintaympäristössä", "kliinisessä", "prekliinisessä"}


def test_outcome_list_lead_addresses_the_reader_through_the_parser():
    from poiju_nlp.rewriting.rewriter import candidate_edits

    text = ("Vammaistyö (50 osp)\nAmmattitaitovaatimukset:\nOpiskelija tai tutkinnon suorittaja osaa\n"
            "- arvioida asiakkaiden toimintakykyä\n- hyödyntää kielitaitoaan asiakastyössä\n"
            "- ohjata ja tukea vammaista asiakasta ottaen huomioon hänen voimavaransa")
    _, sentence_edits, _ = candidate_edits(text)
    lead = next(e for e in sentence_edits if e.rule == "outcome_list")
    assert lead.replacement.startswith("Osaat\n- arvioida asiakkaiden toimintakykyä\n- hyödyntää kielitaitoasi")
    assert lead.replacement.endswith("hänen voimavaransa")  # the client's resources stay the client's


def test_review_10_real_texts_through_the_parser():
    """Real texts of blind review 10, end to end: each failed edit is no longer made, the rest still works."""
    r = rewrite("Osaamistavoitteet: Opintojakso suoritettuaan opiskelija tunnistaa maskeeraajan osuuden "
                "henkilöhahmojen rakentamisessa.")
    assert "Opintojakso suoritettuaan" in r.rewrite  # the agent of 'suoritettuaan' must be a genitive
    r = rewrite("Sisältö:\n- media- ja lähdekritiikki, sensuuri, sananvapaus, tiedonhankinta, tekijänoikeudet ja "
                "plagiointi")
    assert "media- ja lähdekritiikki" in r.rewrite
    text = ("Kurssilla etsitään kumppani ja määritetään yhteinen projekti. Toisessa vaiheessa kumppanin kanssa "
            "kehitetään mahdollisia keinoja vastata tarkennettuihin tarpeisiin, ja muotoillaan tulokset "
            "toteuttamiskelpoiseksi kokeiluksi.")
    r = rewrite(text)
    assert ". Muotoillaan" not in r.rewrite and "split_sentence" not in rules_of(r)
    r = rewrite("Osaamistavoitteet: Kurssin suoritettuaan opiskelija - Hallitsee immateriaalioikeusjärjestelmän "
                "keskeiset käsitteet ja osa-alueet - Osaa soveltaa suojan edellytyksiä ja arvioida loukkausta "
                "käytännön tilanteisiin - Ymmärtää immateriaalioikeuksien merkityksen yritystoiminnassa Huom! Syksyn "
                "2020 kurssikuvaus löytyy englanninkielisestä kuvauksesta.")
    assert "inline_bullets" in rules_of(r)
    assert "\nHuom! Syksyn 2020" in r.rewrite and "yritystoiminnassa Huom" not in r.rewrite


def test_control_characters_do_not_shift_the_edits():
    """A real requirement text carries C1 control characters ('\\x8a\\x8a'); the parse drops them, so the rules'
    offsets were off by two after them and a swap landed inside the wrong words (dev texts)."""
    from poiju_nlp.rewriting.rewriter import rule_rewrite

    r = rule_rewrite("Ammattitaitovaatimukset:\n\x8a\x8a\n- turvata potilaalle optimaalisen paranemisen edellytykset\n"
                     "Opintojaksolla harjoitellaan kipsausta.")
    assert r.edits and all(r.original[e.start:e.end] == e.original for e in r.edits)
    assert "Kurssilla harjoitellaan kipsausta" in r.rewrite or "Kurssilla harjoittelet kipsausta" in r.rewrite
    assert "\x8a" not in r.rewrite
