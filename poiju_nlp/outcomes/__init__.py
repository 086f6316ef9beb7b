"""Learning outcomes: propose plain "Osaat <verbi> …" statements from a course text (the author's own statements
first) and check existing statements (one measurable verb, an object, short, learner-centred, assessable)."""
from .check import KINDS, CheckedOutcome, OutcomeCheck, Problem, check
from .propose import OutcomeProposal, ProposedOutcome, Skipped, plain_outcomes, propose
from .verbs import load_fit, load_verbs

__all__ = ["KINDS", "CheckedOutcome", "OutcomeCheck", "Problem", "check", "OutcomeProposal", "ProposedOutcome",
           "Skipped", "plain_outcomes", "propose", "load_fit", "load_verbs"]
