"""Settings work one way (poiju_nlp/settings.py): every field of every settings group has its POIJU_ override, with
type conversion and a Finnish error for a bad value; nothing else in the package reads POIJU_ variables; every
POIJU_ name the package or the README mentions exists."""
from __future__ import annotations

import ast
import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pytest

from poiju_nlp import domain, settings
from poiju_nlp.errors import SettingsError
from poiju_nlp.settings import SETTINGS_CLASSES, env_names, from_env
from tests.project.known_exceptions import SETTINGS_READ_ELSEWHERE

ROOT = Path(__file__).resolve().parents[2]
FIELDS = [(cls, f) for cls in SETTINGS_CLASSES for f in dataclasses.fields(cls)]


def _another_value(f) -> tuple[str, object]:
    """A raw environment value different from the default, and what it must become."""
    default = f.default if f.default is not dataclasses.MISSING else f.default_factory()
    choices = f.metadata.get("choices")
    if choices:
        other = next(c for c in choices if c != default)
        return other, other
    if isinstance(default, bool):
        return ("ei" if default else "kyllä"), not default
    if isinstance(default, int):
        return str(default + 7), default + 7
    if isinstance(default, float):
        return f"{default + 0.25}".replace(".", ","), default + 0.25  # a Finnish decimal comma works too
    if isinstance(default, Path):
        return "/tmp/poiju-muu", Path("/tmp/poiju-muu")
    if isinstance(default, tuple):
        value = tuple(reversed(default)) + default[:1]
        return ",".join(str(v) for v in value), value
    return default + "-muu", default + "-muu"


@pytest.mark.parametrize("cls,f", FIELDS, ids=[f"{c.__name__}.{f.name}" for c, f in FIELDS])
def test_every_setting_has_a_working_override(cls, f):
    name = f"{cls.env_prefix}{f.name.upper()}"
    assert env_names(cls)[name] == f.name
    raw, expected = _another_value(f)
    assert getattr(from_env(cls, {name: raw}), f.name) == expected
    assert getattr(from_env(cls, {}), f.name) == getattr(cls(), f.name)


@pytest.mark.parametrize("cls,f", [(c, f) for c, f in FIELDS  # any text is a valid path or free text
                                   if not isinstance(getattr(c(), f.name), (str, Path)) or f.metadata.get("choices")],
                         ids=lambda x: getattr(x, "name", getattr(x, "__name__", "")))
def test_a_bad_value_is_a_finnish_error_naming_the_variable(cls, f):
    name = f"{cls.env_prefix}{f.name.upper()}"
    with pytest.raises(SettingsError) as err:
        from_env(cls, {name: "ei-kelpaa?"})
    assert name in err.value.message and "ei kelpaa" in err.value.message and "'ei-kelpaa?'" in err.value.message


def test_group_names_and_aliases():
    assert from_env(settings.MatchingSettings, {"POIJU_MATCHING_RRF_K": "40"}).rrf_k == 40
    assert from_env(settings.RewritingSettings, {"POIJU_REWRITE_PASSES": "1"}).passes == 1  # older name
    assert from_env(settings.RewritingSettings, {"POIJU_REWRITE_BACKEND": "http"}).backend == "http"
    assert from_env(settings.MatchingSettings, {"POIJU_MATCH_BACKEND": "sentence-transformers"}).embed_backend \
        == "sentence-transformers"
    # the canonical name wins over an alias
    both = {"POIJU_REWRITING_PASSES": "3", "POIJU_REWRITE_PASSES": "1"}
    assert from_env(settings.RewritingSettings, both).passes == 3
    with pytest.raises(SettingsError, match="yksi arvoista rules, hf, http"):
        from_env(settings.RewritingSettings, {"POIJU_REWRITING_BACKEND": "gpt"})


def test_env_names_are_unique_across_groups():
    seen: dict[str, str] = {}
    for cls in SETTINGS_CLASSES:
        for name in env_names(cls):
            assert name not in seen, f"{name} belongs to both {seen[name]} and {cls.__name__}"
            seen[name] = cls.__name__


def test_facts_are_aliases_of_domain_not_settings():
    assert settings.CREDENTIALS.hours_per_credit == settings.REWRITING.hours_per_credit == domain.HOURS_PER_CREDIT
    assert (settings.CREDENTIALS.min_credits, settings.CREDENTIALS.max_credits) == (
        domain.MICRO_CREDENTIAL_MIN_CREDITS, domain.MICRO_CREDENTIAL_MAX_CREDITS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.CREDENTIALS.workload_tolerance = 1.0  # type: ignore[misc]


def test_module_constants_read_the_environment():
    code = ("from poiju_nlp.settings import SCORING, MATCHING, get_settings; "
            "print(SCORING.rare_zipf, MATCHING.rrf_k, get_settings().max_chars)")
    env = {"POIJU_SCORING_RARE_ZIPF": "2,0", "POIJU_MATCHING_RRF_K": "40", "POIJU_MAX_CHARS": "5000",
           "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.split() == ["2.0", "40", "5000"], out.stderr


def test_a_bad_value_stops_the_cli_with_one_finnish_line():
    env = {"POIJU_MATCHING_RRF_K": "paljon", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "poiju_nlp", "--help"], env=env, capture_output=True, text=True,
                         cwd=ROOT)
    assert out.returncode == 2
    assert out.stderr.strip() == ("Virhe: Asetuksen POIJU_MATCHING_RRF_K arvo 'paljon' ei kelpaa: pitää olla "
                                  "kokonaisluku (oletus 60).")


def _environ_reads(path: Path) -> list[str]:
    """POIJU_ variables a module reads from os.environ / os.getenv."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
            owner = ast.unparse(node.func.value)
            if (owner in ("os.environ", "environ") and node.func.attr in ("get", "setdefault", "pop")) or (
                    owner == "os" and node.func.attr == "getenv"):
                first = node.args[0]
                if isinstance(first, ast.Constant) and str(first.value).startswith("POIJU_"):
                    names.append(first.value)
        if isinstance(node, ast.Subscript) and ast.unparse(node.value) in ("os.environ", "environ"):
            if isinstance(node.slice, ast.Constant) and str(node.slice.value).startswith("POIJU_"):
                names.append(node.slice.value)
    return names


def test_only_settings_py_reads_poiju_variables():
    found = {}
    for path in sorted((ROOT / "poiju_nlp").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "poiju_nlp/settings.py":
            continue
        for name in _environ_reads(path):
            found[(rel, name)] = rel
    new = sorted(key for key in found if key not in SETTINGS_READ_ELSEWHERE)
    assert not new, f"read these through poiju_nlp.settings (a field there gets the override for free): {new}"
    stale = sorted(key for key in SETTINGS_READ_ELSEWHERE if key not in found)
    assert not stale, f"delete from tests/project/known_exceptions.py SETTINGS_READ_ELSEWHERE: {stale}"


def test_every_poiju_name_mentioned_exists():
    known = {name for cls in SETTINGS_CLASSES for name in env_names(cls)}
    mentioned = {}
    for path in [*sorted((ROOT / "poiju_nlp").rglob("*.py")), ROOT / "README.md", ROOT / "app.py"]:
        for name in re.findall(r"POIJU_[A-Z0-9_]+", path.read_text(encoding="utf-8")):
            mentioned.setdefault(name, path.relative_to(ROOT).as_posix())
    # POIJU_<NAME>, POIJU_<GROUP>_<NAME> are the pattern itself; POIJU_HOST is app.py's --host default.
    unknown = {n: p for n, p in mentioned.items() if n not in known and "<" not in n and n != "POIJU_HOST"
               and not n.endswith("_")}
    assert not unknown, f"POIJU_ names that no setting has: {unknown}"
