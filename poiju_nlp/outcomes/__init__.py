"""Learning outcomes: propose "Osaat <verbi> <kohde>" statements from a course description and check existing
statements (one measurable verb, an object, short, learner-centred, assessable)."""
from .check import KINDS, CheckedOutcome, OutcomeCheck, Problem, check
from .propose import OutcomeProposal, ProposedOutcome, propose
from .verbs import load_verbs

__all__ = ["KINDS", "CheckedOutcome", "OutcomeCheck", "Problem", "check", "OutcomeProposal", "ProposedOutcome",
           "propose", "load_verbs"]
