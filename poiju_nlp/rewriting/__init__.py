"""Plain-language rewriting that keeps every fact: rule-based by default, optional neural backends, one guard."""
from .card import course_card
from .edits import Edit
from .rewriter import RewriteResult, rewrite, rule_rewrite
from .rules import RULES

__all__ = ["Edit", "RULES", "RewriteResult", "course_card", "rewrite", "rule_rewrite"]
