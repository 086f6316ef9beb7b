"""Data in corpora/ is checked by the test suite: every corpus checker runs (in-process, each in its strictest mode
that the data passes), every README states its licence, and the counts that READMEs state match the data."""
from __future__ import annotations

import csv
import json
import re
import runpy
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT / "corpora"
CHECKERS = sorted(CORPORA.glob("*/check_*.py"))
# Extra arguments per checker: the strictest mode the data passes today (warnings fail too).
STRICT = {
    "annotated/check_annotated.py": ["--spell"],
    "annotated/check_outcomes.py": ["--strict"],
    "courses/check_courses.py": ["--strict"],
    "glossary/check_glossary.py": ["--strict"],
    "lexicon/check_lexicon.py": ["--strict"],
    "rewriting/check_rewriting.py": ["--strict"],
    "verbs/check_verbs.py": ["--strict"],
}


def _rel(path: Path) -> str:
    return path.relative_to(CORPORA).as_posix()


def test_every_data_folder_has_a_checker():
    folders = sorted(p for p in CORPORA.iterdir() if p.is_dir() and not p.name.startswith((".", "__")))
    without = [p.name for p in folders if not list(p.glob("check_*.py"))]
    assert not without, f"corpora folders without a check_*.py: {without}"


@pytest.mark.parametrize("checker", CHECKERS, ids=_rel)
def test_corpus_checker_passes(checker, monkeypatch, capsys):
    args = STRICT.get(_rel(checker), [])
    monkeypatch.setattr(sys, "argv", [str(checker), *args])
    monkeypatch.chdir(ROOT)
    with pytest.raises(SystemExit) as done:
        runpy.run_path(str(checker), run_name="__main__")
    out = capsys.readouterr()
    assert done.value.code in (0, None), f"{_rel(checker)} {' '.join(args)} failed:\n{out.out[-3000:]}{out.err[-2000:]}"


LICENCE_DOCS = sorted([*CORPORA.glob("*/README*.md"), CORPORA / "TOPICS.md"])


@pytest.mark.parametrize("doc", LICENCE_DOCS, ids=_rel)
def test_corpus_readme_states_its_licence(doc):
    text = doc.read_text(encoding="utf-8")
    assert re.search(r"^#+\s*Licen[cs]e", text, re.MULTILINE | re.IGNORECASE), f"{_rel(doc)}: no Licence section"
    assert "CC BY 4.0" in text or "Creative Commons Attribution 4.0" in text, f"{_rel(doc)}: licence not named"


def test_repository_licence_file_and_readme_point_to_it():
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.lower().index("## licen"):]
    assert "LICENSE" in section and "CC BY 4.0" in section


# --- counts stated in READMEs ---------------------------------------------------------------------------------

def _rows(rel: str) -> list:
    path = CORPORA / rel
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _count(rel: str) -> int:
    return len(_rows(rel))


def _by(rel: str, column: str) -> Counter:
    return Counter(str(row[column]) for row in _rows(rel))


# (README, regular expression with one number group, the number the data has)
CLAIMS = [
    ("lexicon/README.md", r"(\d+) entries", lambda: _count("lexicon/lexicon.tsv")),
    ("lexicon/README.md", r"(\d+) phrases\.", lambda: _count("lexicon/empty_phrases.tsv")),
    *[("lexicon/README.md", rf"\b{value} (\d+)\b", (lambda c=column, v=value: _by("lexicon/lexicon.tsv", c)[v]))
      for column, values in (("domain", ("korkeakoulu", "sote", "turvallisuus", "tyyli", "yleinen")),
                             ("kind", ("term", "abbreviation", "loanword", "bureaucratic", "academic")),
                             ("action", ("replace", "suggest", "explain", "familiar")))
      for value in values],
    ("verbs/README.md", r"(\d+) verbs: level", lambda: _count("verbs/bloom_verbs.tsv")),
    *[("verbs/README.md", rf"level {n}: (\d+)", (lambda n=n: _by("verbs/bloom_verbs.tsv", "level")[str(n)]))
      for n in range(1, 7)],
    *[("verbs/README.md", rf"\b{case} (\d+)\b", (lambda c=case: _by("verbs/bloom_verbs.tsv", "object_case")[c]))
      for case in ("gen", "par", "nom", "ela")],
    ("verbs/README.md", r"(\d+) verbs that describe", lambda: _count("verbs/avoid_verbs.tsv")),
    ("needs/README.md", r"(\d+) employer needs", lambda: _count("needs/needs.jsonl")),
    ("needs/README.md", r"([\d,]+) graded relevance", lambda: _count("needs/qrels.tsv")),
    ("annotated/README.md", r"The file has (\d+) Finnish sentences", lambda: _count("annotated/jargon_sentences.jsonl")),
    ("annotated/README.md", r"The file has (\d+) pairs", lambda: _count("annotated/plainness_pairs.jsonl")),
    ("annotated/README.outcomes.md", r"`outcome_statements.jsonl` \| (\d+)",
     lambda: _count("annotated/outcome_statements.jsonl")),
    ("annotated/README.outcomes.md", r"`course_outcomes.jsonl` \| (\d+)", lambda: _count("annotated/course_outcomes.jsonl")),
    ("annotated/README.rewrite.md", r"^(\d+) hand-written pairs", lambda: _count("annotated/rewrite_pairs.jsonl")),
    ("courses/README.md", r"`courses_a.jsonl` \| (\d+)", lambda: _count("courses/courses_a.jsonl")),
    ("courses/README.md", r"`courses_b.jsonl` \| (\d+)", lambda: _count("courses/courses_b.jsonl")),
]


@pytest.mark.parametrize("readme,pattern,actual", CLAIMS, ids=[f"{r}:{p}" for r, p, _ in CLAIMS])
def test_readme_counts_match_the_data(readme, pattern, actual):
    text = (CORPORA / readme).read_text(encoding="utf-8")
    match = re.search(pattern, text, re.MULTILINE)
    assert match, f"{readme} no longer states /{pattern}/: update CLAIMS in {Path(__file__).name}"
    assert int(match.group(1).replace(",", "")) == actual(), f"{readme}: '{match.group(0)}' but the data has {actual()}"


def test_words_the_lexicon_readme_calls_left_out_are_not_in_the_lexicon():
    text = (CORPORA / "lexicon" / "README.md").read_text(encoding="utf-8")
    lemmas = {row["lemma"] for row in _rows("lexicon/lexicon.tsv")}
    said_out = [w for sentence in re.split(r"(?<=\.)\s", text) if re.search(r"left out|dropped", sentence)
                for w in re.findall(r"`([^`]+)`", sentence)]
    assert said_out, "the README no longer lists dropped words: update this test"
    assert not [w for w in said_out if w in lemmas], "the lexicon README says these were left out, but they are in it"
