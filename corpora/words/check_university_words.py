#!/usr/bin/env python3
"""Check corpora/words/university_words.tsv: exact header, lowercase terms, no duplicate, every word of a term known
to Voikko as a base form (a -minen noun may analyse as its verb), every word of the plain alternative a word Voikko
knows, and no term that the lexicon (corpora/lexicon/lexicon.tsv) already flags on the
teacher's screen (an entry with action replace, suggest or explain that corpora/lexicon/screen_familiar.tsv does not
take off the screen): such a word would be named twice, once by the lexicon and once here. Exit status 1 on any
error.

Usage (from the repository root): .venv/bin/python corpora/words/check_university_words.py
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PATH = HERE / "university_words.tsv"
LEXICON = HERE.parent / "lexicon" / "lexicon.tsv"
SCREEN_FAMILIAR = HERE.parent / "lexicon" / "screen_familiar.tsv"
HEADER = ["term", "plain", "note"]
ON_SCREEN = {"replace", "suggest", "explain"}  # lexicon actions the teacher's screen shows as a finding
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def lexicon_on_screen() -> dict[str, str]:
    """Lexicon lemmas (lowercase) the teacher's screen flags itself, with their action."""
    familiar_on_screen = {r[0].lower() for r in _rows(SCREEN_FAMILIAR)[1:] if r}
    rows = _rows(LEXICON)
    col = {name: k for k, name in enumerate(rows[0])}
    out = {}
    for r in rows[1:]:
        lemma, action = r[col["lemma"]].lower(), r[col["action"]]
        if action in ON_SCREEN and lemma not in familiar_on_screen:
            out[lemma] = action
    return out


def main() -> int:
    try:
        import libvoikko
    except ImportError:
        print("libvoikko is not installed: run inside the project venv (.venv/bin/python)")
        return 1
    voikko = libvoikko.Voikko("fi")
    errors: list[str] = []
    rows = _rows(PATH)
    if not rows or rows[0] != HEADER:
        errors.append(f"header must be {HEADER}, is {rows[0] if rows else None}")
    on_screen = lexicon_on_screen()
    seen: dict[str, int] = {}
    for n, row in enumerate(rows[1:], 2):
        if len(row) != len(HEADER):
            errors.append(f"line {n}: {len(row)} columns, want {len(HEADER)}")
            continue
        term, plain, _note = row
        if term != " ".join(term.strip().lower().split()) or not term:
            errors.append(f"line {n}: {term!r} must be lowercase, single-spaced, without spaces around it")
        if term in seen:
            errors.append(f"line {n}: {term!r} already on line {seen[term]}")
        seen[term] = n
        for word in term.split():
            bases = {a.get("BASEFORM", "").lower() for a in voikko.analyze(word)}
            if word not in bases and not (word.endswith("minen") and bases):
                errors.append(f"line {n}: Voikko does not know {word!r} as a base form "
                              f"(gives {sorted(bases) or 'nothing'})")
        if not plain.strip():
            errors.append(f"line {n}: {term!r} has no plain alternative")
        for word in _WORD.findall(plain):
            if not voikko.spell(word):
                errors.append(f"line {n}: the plain alternative of {term!r} has a word Voikko does not know: {word!r}")
        if term in on_screen:
            errors.append(f"line {n}: {term!r} is in corpora/lexicon/lexicon.tsv with action {on_screen[term]!r}, so "
                          "the teacher's screen already flags it: leave it to the lexicon (named twice otherwise)")
    voikko.terminate()
    print(f"university_words.tsv: {len(seen)} terms")
    for e in errors:
        print(f"ERROR: {e}")
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
