"""Whose is a possessive suffix in an outcome list? outcome_list, aim_list and learner_bullets turn the learner's
3rd person suffixes into the 2nd person and leave a list alone when the owner may be someone else. The rules'
examples run in test_rule_examples.py; here the word forms (real words of ePerusteet dev texts) and what one edit is
made of, on the same fixed parses, and one slow run of learner_bullets through the real parser."""
import pytest

from poiju_nlp.rewriting.rules import REGISTRY
from poiju_nlp.rewriting.rules.base import second_person_possessive
from poiju_nlp.rewriting.rules.outcomes import _subject_possessive, owned_by_you
from poiju_nlp.text.resources import voikko_spell
from tests.rewriting.test_learner_bullets import edits_of


@pytest.mark.parametrize("word,new", [
    ("työskennellessään", "työskennellessäsi"),  # temporal: 'while working'
    ("suunnitellessaan", "suunnitellessasi"),
    ("kuultuaan", "kuultuasi"),  # temporal past: the generator gives 'kuullettuasi' (of 'kuultaa')
    ("muuttaakseen", "muuttaaksesi"),  # final: 'in order to change'
    ("osaltaan", "osaltasi"),  # 'for one's part'
])
def test_a_subject_form_gets_the_second_person_suffix(word, new):
    assert _subject_possessive(word) == new and voikko_spell(new)


@pytest.mark.parametrize("word", ["taustaltaan", "toimintaansa", "asemaan", "paikoilleen", "kielitaitoaan"])
def test_other_words_are_no_subject_forms(word):
    # 'taustaltaan erilaisten asiakkaiden' describes the clients; the ordinary possessives go their own way
    assert _subject_possessive(word) is None


def test_a_verbal_noun_the_generator_leaves_out_is_swapped_and_checked():
    # 'hyödyntämään sitä omassa kirjoittamisessaan' (dev): read as '+inf4', which the generator does not inflect
    assert second_person_possessive("kirjoittamisessaan") is None
    assert owned_by_you("kirjoittamisessaan") == "kirjoittamisessasi" and voikko_spell("kirjoittamisessasi")
    assert owned_by_you("kielitaitoaan") == "kielitaitoasi"
    assert owned_by_you("taustaltaan") is None  # a property of a noun: no owner to change


def _example(rule_id: str, start: str):
    return next(ex for ex in REGISTRY[rule_id].examples if ex.before.split("\n")[1].startswith(start))


def test_after_a_client_only_the_temporal_infinitive_and_the_lead_change():
    ex = _example("outcome_list", "- käyttää kotona asuvan asiakkaan")
    [edit] = edits_of("outcome_list", ex.before)
    before, after = edit.original.split(), edit.replacement.split()
    changed = [(a, b) for a, b in zip(before[len(before) - len(after):], after) if a != b]
    assert changed == [("osaa", "Osaat"), ("työskennellessään", "työskennellessäsi")]
    assert "asiakkaan ja hänen läheistensä kanssa" in edit.replacement  # the client's relatives stay the client's


@pytest.mark.parametrize("start", ["- ohjata aikuista urheilijaa"])
def test_a_client_before_an_ordinary_possessive_still_keeps_the_list(start):
    # 'ohjata aikuista urheilijaa ottamaan omistajuuden omassa urheilussaan': the athlete's sport; 'aikuista' is an
    # adjective here, but a person word all the same
    assert edits_of("outcome_list", _example("outcome_list", start).before) == []


def test_the_learners_role_and_a_fixed_adverb():
    ex = _example("outcome_list", "- tehdä naulalevyrakenteelle")
    [edit] = edits_of("outcome_list", ex.before)
    assert "jäsenenä ja arvioida toimintaasi." in edit.replacement  # the learner is the member
    assert "ristikkosauvat paikoilleen" in edit.replacement  # the rafters' place, not 'paikoillesi'


@pytest.mark.slow
def test_learner_bullets_with_a_temporal_infinitive_end_to_end():
    """A real requirement list (ePerusteet dev): 'ilmaistessaan' was the one word that kept the whole block in the
    3rd person."""
    from poiju_nlp.rewriting import rewrite

    text = ("Erilaisten tekstien tuottaminen:\nOpiskelija\n- viestii tavoitteellisesti ilmaistessaan tunteitaan, "
            "ajatuksiaan tai mielipiteitään\n- tuottaa oman alansa ja työelämän tekstikäytänteiden mukaisia "
            "tekstejä\n- hallitsee kirjoitetun kielen käytänteitä\n")
    r = rewrite(text)
    assert "- viestit tavoitteellisesti ilmaistessasi tunteitasi, ajatuksiasi tai mielipiteitäsi\n" in r.rewrite
    assert "- tuotat oman alasi" in r.rewrite and "learner_bullets" in [e.rule for e in r.edits]
    assert not r.checks["unknown_words_added"] and not r.checks["grammar_problems"]
