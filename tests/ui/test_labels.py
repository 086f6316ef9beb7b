"""The Opettaja tab shows each rewriting rule by the Finnish label the rule registry gives it; a two-pass edit names
both steps once."""
from poiju_nlp.rewriting.rules import REGISTRY
from poiju_nlp.ui.teacher_tab import rule_label


def test_every_rule_shows_its_registry_label():
    for rule_id, rule in REGISTRY.items():
        assert rule_label(rule_id) == rule.label
        assert rule.label != rule_id and rule.label[:1].islower()


def test_two_pass_edit_names_both_steps_once():
    assert rule_label("split_sentence+arranged_is") == "virke jaettu + tavallinen verbi"
    assert rule_label("learner_goal+learner_subject") == "lukijan puhuttelu"


def test_an_unknown_rule_shows_its_id():
    assert rule_label("neural:openai") == "neural:openai"
