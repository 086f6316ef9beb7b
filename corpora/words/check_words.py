#!/usr/bin/env python3
"""Check corpora/words/word_classes.tsv: exact header, allowed classes, no duplicate word, lowercase, and every word
known to Voikko as a base form (its own BASEFORM; a -minen noun may analyse as its verb, a plural-only word is
checked through its plural, as in corpora/lexicon). Check corpora/words/field_stems.tsv: exact header, lowercase
letters only, at least 4 letters (a shorter stem starts too many words), no duplicate and no stem that another
stem already covers. Exit status 1 on any error.

Usage (from the repository root): .venv/bin/python corpora/words/check_words.py
"""
from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
PATH = HERE / "word_classes.tsv"
STEMS = HERE / "field_stems.tsv"
STEM_HEADER = ["stem", "note"]
MIN_STEM = 4
HEADER = ["word", "class", "note"]
CLASSES = {"course_unit", "teaching_event", "teacher", "learner", "teacher_action", "infinitive_head"}
# Plural-only words: Voikko gives this base form for the plural ("opinnot" -> "opinto") but cannot analyse it alone
# (the same convention as corpora/lexicon). Word -> a plural form that must analyse to it.
PLURAL_ONLY = {"opinto": "opinnot"}


def main() -> int:
    try:
        import libvoikko
    except ImportError:
        print("libvoikko is not installed: run inside the project venv (.venv/bin/python)")
        return 1
    voikko = libvoikko.Voikko("fi")
    errors = []
    with PATH.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or rows[0] != HEADER:
        errors.append(f"header must be {HEADER}, is {rows[0] if rows else None}")
    seen: dict[str, int] = {}
    classes = Counter()
    for n, row in enumerate(rows[1:], 2):
        if len(row) not in (2, 3):
            errors.append(f"line {n}: {len(row)} columns, want 2 or 3")
            continue
        word, cls = row[0], row[1]
        classes[cls] += 1
        if cls not in CLASSES:
            errors.append(f"line {n}: unknown class {cls!r} (allowed: {sorted(CLASSES)})")
        if word != word.strip().lower() or not word:
            errors.append(f"line {n}: {word!r} must be lowercase without spaces around it")
        if word in seen:
            errors.append(f"line {n}: {word!r} already on line {seen[word]}")
        seen[word] = n
        bases = {a.get("BASEFORM", "").lower() for a in voikko.analyze(PLURAL_ONLY.get(word, word))}
        # -minen nouns are kept as nouns (Voikko gives the verb: "tapaaminen" -> "tavata"), as in corpora/lexicon
        if word not in bases and not (word.endswith("minen") and bases):
            errors.append(f"line {n}: Voikko does not know {word!r} as a base form (gives {sorted(bases) or 'nothing'})")
    voikko.terminate()
    errors += check_stems()
    print(f"word_classes.tsv: {len(seen)} words; " + ", ".join(f"{c} {n}" for c, n in sorted(classes.items())))
    for e in errors:
        print(f"ERROR: {e}")
    print(f"{len(errors)} errors")
    return 1 if errors else 0


def check_stems() -> list[str]:
    errors = []
    with STEMS.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or rows[0] != STEM_HEADER:
        return [f"field_stems.tsv: header must be {STEM_HEADER}, is {rows[0] if rows else None}"]
    stems = []
    for n, row in enumerate(rows[1:], 2):
        stem = row[0] if row else ""
        if len(row) not in (1, 2) or not stem.isalpha() or stem != stem.lower() or len(stem) < MIN_STEM:
            errors.append(f"field_stems.tsv line {n}: {row!r}: want a lowercase stem of {MIN_STEM}+ letters and a note")
            continue
        covered = [s for s in stems if stem.startswith(s) or s.startswith(stem)]
        if covered:
            errors.append(f"field_stems.tsv line {n}: {stem!r} overlaps {covered[0]!r}")
        stems.append(stem)
    print(f"field_stems.tsv: {len(stems)} stems")
    return errors


if __name__ == "__main__":
    sys.exit(main())
