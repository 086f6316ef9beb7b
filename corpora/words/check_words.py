#!/usr/bin/env python3
"""Check corpora/words/word_classes.tsv: exact header, allowed classes, no duplicate word, lowercase, and every word
known to Voikko as a base form (its own BASEFORM; a -minen noun may analyse as its verb, a plural-only word is
checked through its plural, as in corpora/lexicon). Exit status 1 on any error.

Usage (from the repository root): .venv/bin/python corpora/words/check_words.py
"""
from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
PATH = HERE / "word_classes.tsv"
HEADER = ["word", "class", "note"]
CLASSES = {"course_unit", "teaching_event", "teacher", "learner"}
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
    print(f"word_classes.tsv: {len(seen)} words; " + ", ".join(f"{c} {n}" for c, n in sorted(classes.items())))
    for e in errors:
        print(f"ERROR: {e}")
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
