"""One home per fact: the domain facts of poiju_nlp/domain.py are not written again anywhere else in the package.

The scan reads the code (not comments or docstrings) of every module of poiju_nlp, evaluation/, scripts/ and app.py
and reports, with file and line:
- the number 27 (hours per credit) and strings such as "27 tuntia", "1 op = 27 h";
- arithmetic with hours per credit (``credits * HOURS_PER_CREDIT``): the conversion has one home too,
  ``domain.credits_to_hours`` / ``hours_to_credits`` (the rewriting guard computed "27 x each number" twice);
- a list, tuple, set or dict whose items are mostly course levels ("perus", "syventävä", "jatko"), modes of
  participation ("lähi", "etä", "monimuoto" ...) or credit words ("op", "opintopiste" ...): a copy of a table in
  domain.py.
Allowed exceptions are listed, with their reason, in tests/project/known_exceptions.py and nowhere else.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

from poiju_nlp import domain
from tests.project.known_exceptions import DOMAIN_LITERALS, KNOWN_GOVERNMENT_DISAGREEMENTS

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "poiju_nlp"
HOURS = domain.HOURS_PER_CREDIT
# "27 h", "27 tuntia", "27 h/op" and "op = 27", "1 op on 27": the hours-per-credit fact written into a string.
HOURS_TEXT = re.compile(rf"(?<![\d.,]){HOURS}(?:[.,]0)?\s*(?:h\b|tuntia|tunnin|tuntiin|tunti\b)|"
                        rf"\b(?:op|opintopiste)\s*(?:=|on|vastaa)\s*(?:noin\s+)?{HOURS}\b", re.IGNORECASE)
TABLES = {
    "course levels (domain.COURSE_LEVELS / EQF_BY_LEVEL)": set(domain.COURSE_LEVELS),
    "modes (domain.MODES / MODE_ALIASES / MODE_LABELS)": set(domain.MODES) | set(domain.MODE_ALIASES)
    | set(domain.MODE_LABELS),
    "credit words (domain.CREDIT_WORDS)": set(domain.CREDIT_WORDS),
}


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


HOURS_NAMES = {"HOURS_PER_CREDIT", "hours_per_credit", "hours_per_op"}


def _name(node: ast.AST) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _items(node: ast.AST) -> list:
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant)] + [None] * sum(
            not isinstance(e, ast.Constant) for e in node.elts)
    if isinstance(node, ast.Dict):
        return [k.value if isinstance(k, ast.Constant) else None for k in node.keys]
    return []


def scan(path: Path) -> list[tuple[int, str]]:
    """(line, why) for every domain literal in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstring_nodes(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and id(node) not in docstrings:
            value = node.value
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value == HOURS:
                found.append((node.lineno, f"the number {HOURS} (domain.HOURS_PER_CREDIT)"))
            elif isinstance(value, str) and HOURS_TEXT.search(value):
                found.append((node.lineno, f"hours per credit written in a string: {value.strip()[:60]!r}"))
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Div)) and (
                _name(node.left) in HOURS_NAMES or _name(node.right) in HOURS_NAMES):
            found.append((node.lineno, "credits/hours arithmetic: use domain.credits_to_hours or hours_to_credits"))
        items = _items(node)
        strings = [i for i in items if isinstance(i, str)]
        for name, table in TABLES.items():
            hits = [s for s in strings if s.lower() in table]
            if len(set(hits)) >= 2 and len(hits) * 2 >= len(items):
                found.append((node.lineno, f"a copy of the {name}: {sorted(set(hits))}"))
    return found


def violations() -> dict[tuple[str, str], str]:
    out = {}
    paths = [*PACKAGE.rglob("*.py"), *(ROOT / "evaluation").rglob("*.py"), *(ROOT / "scripts").glob("*.py"),
             ROOT / "app.py"]
    for path in sorted(paths):
        if path.name == "domain.py" and path.parent == PACKAGE:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        rel = path.relative_to(ROOT).as_posix()
        for lineno, why in scan(path):
            out[(rel, lines[lineno - 1].strip())] = f"{rel}:{lineno}: {why}"
    return out


def test_scanner_finds_what_it_should():
    """The scan is not blind: it finds each kind of copy in a hand-made module, and ignores docstrings."""
    import tempfile

    code = ('"""1 op = 27 tuntia (a docstring is fine)."""\n'
            'HOURS = 27\n'
            'TEXT = f"{n} op eli {n * 27} h (1 op = 27 tuntia)"\n'
            'LEVELS = ("perus", "syventävä", "jatko")\n'
            'EQF = {"perus": 6, "syventävä": 7}\n'
            'MODES = ["lähi", "verkko"]\n'
            'hours = credits * settings.hours_per_credit\n'
            'STOP = {"opintojakso", "kurssi", "toteutus", "lähiopetus", "ilmoittautuminen"}\n')
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "example.py"
        path.write_text(code, encoding="utf-8")
        lines = sorted({line for line, _ in scan(path)})
    assert lines == [2, 3, 4, 5, 6, 7]  # not 8: a stop list that merely mentions a mode


def test_domain_facts_have_one_home():
    found = violations()
    new = {key: where for key, where in found.items() if key not in DOMAIN_LITERALS}
    assert not new, ("Domain facts written outside poiju_nlp/domain.py; import them from there instead:\n"
                     + "\n".join(sorted(new.values())))


def test_known_exceptions_are_still_needed():
    found = violations()
    stale = [f"{path}: {line}" for (path, line) in DOMAIN_LITERALS if (path, line) not in found]
    assert not stale, ("These entries of tests/project/known_exceptions.py DOMAIN_LITERALS are fixed: delete them\n"
                       + "\n".join(stale))


def test_verb_government_is_not_contradicted():
    """The rewriting rules read a verb's object case from the table in corpora/verbs (text.wordlists.verb_government);
    they keep no verb -> case list of their own (the issue found rewriting's PARTITIVE_VERBS saying partitive where
    bloom_verbs.tsv says genitive). The one reading the table does not give, the partitive after a -minen noun
    ('X:n kehittäminen' -> 'kehität X:ää'), is data in corpora/rewriting (process_object_verb) with its reason."""
    import importlib
    import pkgutil

    from poiju_nlp.rewriting import rules
    from poiju_nlp.rewriting.rules.base import word_list

    own_tables = [f"{m.name}.{name}" for m in pkgutil.iter_modules(rules.__path__)
                  for name in vars(importlib.import_module(f"{rules.__name__}.{m.name}"))
                  if "PARTITIVE" in name or "GOVERNMENT" in name]
    assert not own_tables, f"verb -> case lists kept in the rules instead of corpora/verbs: {own_tables}"
    assert word_list("process_object_verb"), "corpora/rewriting lost the process reading list"
    assert not KNOWN_GOVERNMENT_DISAGREEMENTS, "the rules have no table of their own to disagree with: empty the dict"