"""Every rewriting rule has a Finnish label in the Opettaja tab; a two-pass edit names both steps."""
from poiju_nlp.rewriting.rules import RULES
from poiju_nlp.ui.teacher_tab import RULE_LABELS, rule_label


def test_every_rule_has_a_finnish_label():
    assert set(RULES) <= set(RULE_LABELS)


def test_two_pass_edit_names_both_steps_once():
    assert rule_label("split_sentence+arranged_is") == "virke jaettu + tavallinen verbi"
    assert rule_label("learner_goal+learner_subject") == "lukijan puhuttelu"
