"""The Finnish Bloom verb table and the list of verbs to avoid, loaded from ``corpora/verbs/`` (data, not code).

``bloom_verbs.tsv``: level, level_name, verb, object_case (par/gen/ela/ill/all/ade/nom), example.
``avoid_verbs.tsv``: verb, reason, alternatives separated by " | ".

>>> table = load_verbs()
>>> table.get("arvioida").object_case
'par'
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ModelMissingError
from ..settings import get_settings

CASES = {"par", "gen", "ela", "ill", "all", "ade", "nom", "adv"}


@dataclass(frozen=True)
class BloomVerb:
    level: int
    level_name: str
    verb: str
    object_case: str
    example: str


@dataclass(frozen=True)
class AvoidVerb:
    verb: str
    reason: str
    alternatives: tuple[str, ...]


@dataclass
class VerbTable:
    verbs: list[BloomVerb]
    avoid: dict[str, AvoidVerb]

    def __post_init__(self):
        self._by_verb = {}
        for v in self.verbs:  # a verb listed on two levels keeps its first (lowest) row
            self._by_verb.setdefault(v.verb, v)

    def get(self, verb: str) -> BloomVerb | None:
        return self._by_verb.get(verb)

    def __contains__(self, verb: str) -> bool:
        return verb in self._by_verb

    def at_level(self, level: int) -> list[BloomVerb]:
        return [v for v in self.verbs if v.level == level and self._by_verb[v.verb] is v]


def _read_tsv(path: Path) -> list[dict]:
    if not path.exists():
        raise ModelMissingError(f"Verbitaulukkoa ei löydy: {path}.")
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")]
    return [{k.strip(): (v or "").strip() for k, v in r.items() if k} for r in rows]


@lru_cache(maxsize=4)
def load_verbs(directory: str | None = None) -> VerbTable:
    """Load both tables (cached). Rows with an unknown case or level are skipped rather than guessed."""
    base = Path(directory) if directory else get_settings().corpora_dir / "verbs"
    verbs = []
    for r in _read_tsv(base / "bloom_verbs.tsv"):
        try:
            level = int(r["level"])
        except (KeyError, ValueError):
            continue
        case = r.get("object_case", "").lower()
        if case not in CASES or not r.get("verb"):
            continue
        verbs.append(BloomVerb(level, r.get("level_name", ""), r["verb"].lower(), case, r.get("example", "")))
    avoid = {}
    for r in _read_tsv(base / "avoid_verbs.tsv"):
        if not r.get("verb"):
            continue
        alts = tuple(a.strip() for a in r.get("alternatives", "").split("|") if a.strip())
        avoid[r["verb"].lower()] = AvoidVerb(r["verb"].lower(), r.get("reason", ""), alts)
    return VerbTable(verbs, avoid)


# ---------------------------------------------------------------------------------------------------------------
# Verb-object fit, noun classes and the replacements of vague verbs (corpora/verbs/*.tsv, see its README)

OBJECT_CLASSES = ("method", "principle", "concept", "tool", "material", "document", "text", "language", "situation",
                  "person", "process", "phenomenon", "data", "product", "skill", "course", "activity", "clause",
                  "topic", "quantity")


@dataclass(frozen=True)
class Replacement:
    verb: str  # the vague verb ("tuntea", "olla tietoinen")
    object_class: str  # a class or "*"
    replacement: str  # a measurable verb, or "" when the statement is not proposed
    case: str  # same | ela | par | gen: the object's case after the replacement
    why: str  # plain Finnish, shown to the teacher


@dataclass
class FitTable:
    noun_class: dict[str, str]
    fits: dict[str, tuple[frozenset, frozenset]]  # verb -> (fits, never); "*" in fits = any class
    replacements: dict[str, list[Replacement]]

    def fit(self, verb: str, object_class: str) -> bool:
        """True when ``verb`` can take an object of ``object_class``. A verb missing from the table fits only a
        class its example object has… which we do not know: it fits nothing, so it is never chosen by the tool."""
        if verb not in self.fits:
            return False
        fits, never = self.fits[verb]
        if object_class in never or "*" in never:
            return object_class in fits and "*" not in fits
        return "*" in fits or object_class in fits

    def never_fits(self, verb: str, object_class: str) -> bool:
        """True when the table says ``verb`` cannot take an object of ``object_class`` (a listed class, not one
        it merely does not list; an unlisted noun's class 'topic' says too little to refuse)."""
        if verb not in self.fits or object_class in ("topic", "", None):
            return False
        fits, never = self.fits[verb]
        return object_class in never or "*" in never and object_class not in fits

    def replacement(self, verb: str, object_class: str) -> Replacement | None:
        """The first rule for ``verb`` that matches the object's class (a class rule before the '*' rule)."""
        rules = self.replacements.get(verb, [])
        for r in rules:
            if r.object_class == object_class:
                return r
        for r in rules:
            if r.object_class == "*":
                return r
        return None


@lru_cache(maxsize=4)
def load_fit(directory: str | None = None) -> FitTable:
    base = Path(directory) if directory else get_settings().corpora_dir / "verbs"
    classes = {r["noun"].lower(): r["class"] for r in _read_tsv(base / "noun_classes.tsv")
               if r.get("noun") and r.get("class") in OBJECT_CLASSES}
    fits = {}
    for r in _read_tsv(base / "verb_object_fit.tsv"):
        if not r.get("verb"):
            continue
        split = lambda s: frozenset(c.strip() for c in (s or "").split(",") if c.strip())  # noqa: E731
        fits[r["verb"].lower()] = (split(r.get("fits")), split(r.get("never")))
    replacements: dict[str, list[Replacement]] = {}
    for r in _read_tsv(base / "replacements.tsv"):
        if not r.get("verb"):
            continue
        target = "" if r.get("replacement") in ("", "-") else r["replacement"].lower()
        replacements.setdefault(r["verb"].lower(), []).append(
            Replacement(r["verb"].lower(), r.get("object_class", "*"), target, r.get("case", "same"),
                        r.get("why", "")))
    return FitTable(classes, fits, replacements)
