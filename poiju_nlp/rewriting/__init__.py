"""Plain-language rewriting that keeps every fact: rule-based by default, optional neural backends, one guard."""
from .card import course_card
from .edits import Edit, Rejection, apply_edits
from .guard import GuardChecks
from .rewriter import RewriteResult, rewrite, rule_rewrite
from .rules import RULES, rule_label

__all__ = ["Edit", "GuardChecks", "RULES", "Rejection", "RewriteResult", "apply_edits", "course_card", "rewrite",
           "rule_label", "rule_rewrite"]
