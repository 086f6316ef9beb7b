"""Word lists and tables that live in ``corpora/`` as data, each read once per process by one loader.

Word classes (which words are course units, teaching events, teachers, learners) and verb government (the case a
verb's object takes after "Osaat") are facts about Finnish course text, not code: they belong in ``corpora/``,
with a README and a checker, and every module reads them from there instead of keeping its own set.

- ``read_tsv(path)``: the rows of a tab-separated file in ``corpora/`` (header line, ``#`` comment lines
  skipped), as dicts of stripped strings; cached, so a table is parsed once however many modules read it.
- ``word_set(path, column, where=...)``: one column as a frozenset of lowercase words.
- ``word_class(name)``: the words of one class of ``corpora/words/word_classes.tsv``.
- ``verb_government()``: verb -> object case from ``corpora/verbs/bloom_verbs.tsv``.

>>> "opintojakso" in word_class("course_unit")
True
>>> verb_government()["arvioida"], verb_government()["laatia"]
('par', 'gen')
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from ..errors import ModelMissingError
from ..settings import get_settings

WORD_CLASSES = "words/word_classes.tsv"
BLOOM_VERBS = "verbs/bloom_verbs.tsv"


def _resolve(path: str | Path) -> Path:
    path = Path(path)
    return path if path.is_absolute() else get_settings().corpora_dir / path


@lru_cache(maxsize=64)
def _read(path: Path) -> tuple[dict[str, str], ...]:
    if not path.is_file():
        raise ModelMissingError(f"Sanalistaa ei löydy: {path}. Se kuuluu projektiin (corpora/).")
    with path.open(encoding="utf-8", newline="") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        return tuple({k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader)


def read_tsv(path: str | Path) -> tuple[dict[str, str], ...]:
    """The rows of a TSV file (relative paths are inside ``corpora/``), read once and cached."""
    return _read(_resolve(path).resolve())


def word_set(path: str | Path, column: str = "word", where: dict[str, str] | None = None) -> frozenset[str]:
    """One column of a TSV file as lowercase words; ``where`` keeps only rows with those column values."""
    rows = read_tsv(path)
    if rows and column not in rows[0]:
        raise KeyError(f"{path} has no column {column!r} (columns: {', '.join(rows[0])})")
    return frozenset(row[column].lower() for row in rows
                     if row.get(column) and all(row.get(k) == v for k, v in (where or {}).items()))


@lru_cache(maxsize=None)
def word_class(name: str) -> frozenset[str]:
    """The words of one class in ``corpora/words/word_classes.tsv`` (an unknown class is an error, not empty)."""
    words = word_set(WORD_CLASSES, "word", {"class": name})
    if not words:
        known = sorted({row["class"] for row in read_tsv(WORD_CLASSES)})
        raise KeyError(f"no word class {name!r} in corpora/{WORD_CLASSES} (classes: {', '.join(known)})")
    return words


@lru_cache(maxsize=1)
def verb_government() -> Mapping[str, str]:
    """verb -> the case its object takes after "Osaat" (par, gen, nom, ela ...), from the Bloom verb table
    (read-only, shared). A verb listed on two levels keeps its first row."""
    government: dict[str, str] = {}
    for row in read_tsv(BLOOM_VERBS):
        if row.get("verb") and row.get("object_case"):
            government.setdefault(row["verb"].lower(), row["object_case"].lower())
    return MappingProxyType(government)
