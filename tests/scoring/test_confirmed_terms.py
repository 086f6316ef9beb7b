"""Terms and loanwords the blind reviewers confirmed as stumbling points (issue 14, review of the missed gold spans):
flagged on the teacher's screen in the right way, while the same words in a correct or familiar use are not.
The sentences are real course text (Aalto, ePerusteet) or the team's annotated set."""
from poiju_nlp.scoring import score
from poiju_nlp.scoring.field import screen_confirmed
from poiju_nlp.scoring.select import real_finnish


def _word_findings(text: str, lemma: str):
    return [f for f in score(text).findings if (f.term or "").lower() == lemma.lower()]


def test_a_confirmed_term_is_flagged_though_its_parts_are_frequent():
    # 'toteutussuunnitelma' (parts 4.1) and 'palvelumuotoilu' (4.0) were hidden as familiar by frequency alone
    assert screen_confirmed("toteutussuunnitelma") and not screen_confirmed("lähiopetus")
    [f] = _word_findings("Opintojakson toteutussuunnitelma tarkentuu lukukauden alussa.", "toteutussuunnitelma")
    assert "kurssisuunnitelma" in f.suggestion
    [f] = _word_findings("Opintojaksolla tutustutaan palvelumuotoilun peruskäsitteisiin, prosessiin ja "
                         "osaamisalueisiin.", "palvelumuotoilu")
    assert f.replacement == "palvelumuotoilun (palvelun suunnittelu käyttäjien kanssa)"  # explained, kept


def test_a_loanword_with_a_plain_equivalent_gets_it_in_the_right_form():
    [f] = _word_findings("- ilmastonmuutos, massasukupuutot, diversiteetin heikkeneminen, kansainvaellukset",
                         "diversiteetti")
    assert f.replacement == "monimuotoisuuden"
    [f] = _word_findings("Opintojakson osaamistavoitteet linkittyvät työelämän kompetenssitarpeisiin.",
                         "kompetenssitarve")
    assert f.replacement in ("osaamistarpeisiin", "osaamistarpeihin") and real_finnish(f.replacement)
    [f] = _word_findings("Kontaktiopetukseen osallistuminen on pakollista.", "kontaktiopetus")
    assert "'Lähiopetukseen'" in f.suggestion and f.replacement is None  # suggested, never swapped


def test_business_driver_is_flagged_but_a_device_driver_is_not():
    [f] = _word_findings("Kurssin lähtökohtana on, että yrityksillä ja muilla organisaatioilla on keskeinen "
                         "yhteiskunnallinen rooli kestävän muutoksen ajureina.", "ajuri")
    assert "'vauhdittajina'" in f.suggestion
    assert not _word_findings("Opiskelija selvittää ja ratkaisee laitteisto-, ajuri-, verkko- ja tulostusongelmia.",
                              "ajuri")


def test_a_named_method_is_explained_in_any_case_form():
    findings = score("Ketterän projektinhallinnan menetelmiä, kuten Scrumia ja Kanbania, sovelletaan opiskelijan "
                     "omaan työhön.").findings
    terms = {f.term: f for f in findings if f.term}
    assert {"ketterä projektinhallinta", "Scrum", "Kanban"} <= set(terms)
    assert terms["Kanban"].replacement.startswith("Kanbania (")  # the word stays, a gloss follows


def test_a_multiword_term_opening_with_a_compound_is_not_taken_for_a_compound_part():
    [f] = _word_findings("Opintojakson pedagoginen ratkaisu perustuu ongelmaperustaiseen oppimiseen.",
                         "ongelmaperustainen oppiminen")
    assert f.text == "ongelmaperustaiseen oppimiseen"


def test_the_biological_ecosystem_stays_unflagged():
    # 'ekosysteemi' stays familiar: in real science courses it is the biological term ('verkostoille' would be wrong)
    assert not _word_findings("Ymmärtää luonnonvarojen kulutuksen vaikutusta sekä ihmisyhteisöille, että "
                              "ekosysteemeille.", "ekosysteemi")
