"""Every rule's own examples, each on a fixed parse (tests/rewriting/example_parses.jsonl) and run through that rule
alone: 'before -> after' must hold and 'must not change' must come out as it was. A failure names the rule."""
from __future__ import annotations

import pytest

from poiju_nlp.rewriting.edits import apply_edits
from poiju_nlp.rewriting.rules import REGISTRY, Context
from poiju_nlp.scoring import score_analysis
from poiju_nlp.text.analysis import analysis_from_doc
from tests.rewriting.rule_examples import fixed_doc, fixed_parses

CASES = [(rule.id, n, ex) for rule in REGISTRY.values() for n, ex in enumerate(rule.examples)]


def run_rule(rule_id: str, text: str) -> str:
    analysis = analysis_from_doc(fixed_doc(text))
    ctx = Context(text=text, analysis=analysis, report=score_analysis(analysis))
    edits = REGISTRY[rule_id](ctx)
    chosen = []
    for e in sorted(edits, key=lambda e: e.start):  # as the rewriter does: one edit per place
        if not chosen or e.start >= chosen[-1].end:
            chosen.append(e)
    return apply_edits(text, chosen)


@pytest.mark.parametrize("rule_id,n,example", CASES, ids=[f"{r}-{n}" for r, n, _ in CASES])
def test_rule_example(rule_id, n, example):
    assert example.before in fixed_parses(), f"{rule_id}: no fixed parse; run python -m tests.rewriting.rule_examples"
    expected = example.after if example.after is not None else example.before
    assert run_rule(rule_id, example.before) == expected, f"rule {rule_id}, example {n}"


def test_every_rule_has_examples_both_ways():
    lacking = [r.id for r in REGISTRY.values() if not any(ex.after for ex in r.examples)
               or not any(ex.after is None for ex in r.examples)]
    assert not lacking, f"rules without a 'before -> after' and a 'must not change' example: {lacking}"


def test_every_rule_has_an_id_label_and_pass():
    for rule in REGISTRY.values():
        assert rule.label and rule.label[:1].islower(), rule.id
        assert rule.pass_ in ("token", "sentence"), rule.id
    assert len({r.priority for r in REGISTRY.values()}) == len(REGISTRY), "two rules with the same priority"


def test_a_list_cut_never_drops_a_conjunct():
    """Review 12: 'systeemejä, energian siirtymistä systeemien välillä ja energian siirtymisen vaikutuksia' was cut
    into 'systeemejä. Tutkit myös energian siirtymisen vaikutuksia': the middle conjunct was lost."""
    from poiju_nlp.rewriting.rules.split import _loses_words

    assert _loses_words(", energian siirtymistä systeemien välillä ja ", ". Tutkit myös ")
    assert not _loses_words(", energian siirtymistä systeemien välillä ja ",
                            " ja energian siirtymistä systeemien välillä. Tutkit myös ")
