"""No module of poiju_nlp over 600 lines: a newcomer reads a module in one sitting. Exceptions, with the reason,
are in tests/project/known_exceptions.py (LONG_MODULES)."""
from pathlib import Path

from tests.project.known_exceptions import LONG_MODULES

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 600


def _long_modules() -> dict[str, int]:
    out = {}
    for path in sorted((ROOT / "poiju_nlp").rglob("*.py")):
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_LINES:
            out[path.relative_to(ROOT).as_posix()] = n
    return out


def test_no_module_over_600_lines():
    new = {p: n for p, n in _long_modules().items() if p not in LONG_MODULES}
    assert not new, f"modules over {MAX_LINES} lines (split them by responsibility): {new}"


def test_long_module_exceptions_are_still_needed():
    stale = [p for p in LONG_MODULES if p not in _long_modules()]
    assert not stale, f"delete from tests/project/known_exceptions.py LONG_MODULES, now short enough: {stale}"
