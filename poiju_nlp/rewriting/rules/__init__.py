"""The rewriting rules: small registered objects in families (see base.py for what a rule is).

- lexical: lexicon (a plainer word where it means the same), explain (a gloss once), abbreviation;
- address: passive_to_2sg, learner_goal, learner_subject (the learner becomes 'sinä');
- outcomes: outcome_list ('Opiskelija osaa' + bullets -> 'Osaat' + bullets);
- learner_bullets: learner_bullets, learner_lead_in ('Opiskelija' + '- noudattaa X' -> '- noudatat X');
- verbs: nominal_to_verb, learn_topics, skills_to_learn, goal_for_learner, enrol_imperative, arranged_is;
- recipients: intended_for, recipient_split;
- lists: inline_bullets (a flattened list back on its lines), list_split, enumeration;
- split: split_sentence; credits: credit_sentence.

``RULES`` maps a rule id to its callable rule (``RULES[id](ctx) -> list[Edit]``); ``TOKEN_RULES`` and
``SENTENCE_RULES`` name the enabled rules of each pass in priority order. The UI reads labels with ``rule_label``.
"""
from __future__ import annotations

from . import address, credits, lexical, lists, outcomes, recipients, split, verbs  # noqa: F401  (registration)
from . import learner_bullets  # noqa: F401  (registration; after outcomes and address, whose helpers it reads)
from .base import REGISTRY, Context, Example, Rule, word_list

RULES: dict[str, Rule] = {r.id: r for r in sorted(REGISTRY.values(), key=lambda r: r.priority) if r.enabled}
TOKEN_RULES = tuple(r.id for r in RULES.values() if r.pass_ == "token")
SENTENCE_RULES = tuple(r.id for r in RULES.values() if r.pass_ == "sentence")


def rule_label(rule: str) -> str:
    """Finnish label of a rule id; an edit made in two passes ('split_sentence+arranged_is') names both steps once
    ('virke jaettu + tavallinen verbi')."""
    labels = [REGISTRY[r].label if r in REGISTRY else r for r in rule.split("+")]
    return " + ".join(dict.fromkeys(labels))


def plainness_allowance(rule: str) -> float:
    """Score points the guard lets an edit of ``rule`` lose (the largest of its steps: 'learner_goal+split')."""
    return max((REGISTRY[r].plainness_allowance for r in rule.split("+") if r in REGISTRY), default=0.0)


def meaning_allowance(edits, start: int, end: int) -> float:
    """How far below the meaning threshold the guard lets the sentence [start, end) fall: the largest allowance of
    the rules whose edits touch it ('Opiskelija osaa' -> 'Osaat' reads as 0.87 to e5, a lead of two words)."""
    return max((REGISTRY[r].meaning_allowance for e in edits if e.start < end and start < e.end
                for r in e.rule.split("+") if r in REGISTRY), default=0.0)


__all__ = ["Context", "Example", "REGISTRY", "RULES", "Rule", "SENTENCE_RULES", "TOKEN_RULES", "meaning_allowance",
           "plainness_allowance", "rule_label", "word_list"]
