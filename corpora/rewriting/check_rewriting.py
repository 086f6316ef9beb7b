#!/usr/bin/env python3
"""Check corpora/rewriting/word_lists.tsv, the word lists the rewriting rules read (poiju_nlp/rewriting/rules).

Usage (from the repository root):

    .venv/bin/python corpora/rewriting/check_rewriting.py            # report, exit 1 on errors
    .venv/bin/python corpora/rewriting/check_rewriting.py --strict   # also exit 1 on warnings

Errors: wrong header or column count, an empty field, a list the rules do not read, a word listed twice in one
list, a list whose rows give different reasons (a list has one reason), a word Voikko does not know (each word of a
phrase; suffixes of the ``human_suffix`` list are checked as the end of a known word instead).
Warnings: a list with fewer than two words.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORD_LISTS = HERE / "word_lists.tsv"
HEADER = ["list", "word", "why"]
# list -> what the rules use it for (poiju_nlp/rewriting/rules)
LISTS = {
    "course_word": "passive course talk: a unit of study in the sentence",
    "learner_verb": "passive verbs whose doer is the learner",
    "learner": "the reader, who becomes 'sinä'",
    "human_noun": "persons: 'hän'/'he'; restrictive relative clauses",
    "human_suffix": "ends of compounds that name a person",
    "fixed_term": "terms never replaced",
    "process_object_verb": "aspect: partitive object after a -minen noun",
    "partitive_only_verb": "verbs that never take a total object",
    "skill_noun": "vague skill nouns",
    "outcome_lead_verb": "verbs of an outcome list lead",
    "process_goal_verb": "a goal verb of doing, not of a result: no 'Kurssin jälkeen'",
    "fixed_possessive": "adverbs whose possessive suffix never changes person",
    "gloss_not_after": "modifier + term: the term's gloss does not fit after it",
    "genitive_postposition": "a word before it in another case than the genitive is a slip: no swap",
}
# a word that ends a known compound for each suffix ('sairaanhoitaja' for 'hoitaja')
SUFFIX_CARRIERS = ("sairaan", "sosiaali", "koulu", "lähi", "työ", "asia", "opinto", "osa", "tutkinnon")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="warnings fail too")
    args = parser.parse_args()
    errors: list[str] = []
    warnings: list[str] = []
    try:
        import libvoikko  # type: ignore
    except ImportError:  # pragma: no cover - environment problem
        sys.exit("libvoikko is not installed: run inside the project venv (.venv/bin/python)")
    voikko = libvoikko.Voikko("fi")
    with WORD_LISTS.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header != HEADER:
            errors.append(f"header {header} != {HEADER}")
        rows = list(reader)
    seen: Counter = Counter()
    reasons: dict[str, set[str]] = defaultdict(set)
    for n, row in enumerate(rows, start=2):
        if len(row) != len(HEADER):
            errors.append(f"line {n}: {len(row)} columns, expected {len(HEADER)}")
            continue
        name, word, why = (x.strip() for x in row)
        if not (name and word and why):
            errors.append(f"line {n}: empty field")
            continue
        if name not in LISTS:
            errors.append(f"line {n}: unknown list {name!r} (the rules read {sorted(LISTS)})")
        seen[(name, word)] += 1
        reasons[name].add(why)
        if name == "human_suffix":
            if not any(voikko.spell(c + word) for c in SUFFIX_CARRIERS) and not voikko.spell(word):
                errors.append(f"line {n}: no known word ends in {word!r}")
        else:
            unknown = [w for w in word.replace("-", " ").split() if not voikko.spell(w)]
            if unknown:
                errors.append(f"line {n}: Voikko does not know {unknown}")
    errors += [f"{name}: {word!r} listed {k} times" for (name, word), k in seen.items() if k > 1]
    errors += [f"{name}: {len(r)} different reasons; a list has one" for name, r in reasons.items() if len(r) > 1]
    sizes = Counter(name for name, _ in seen)
    warnings += [f"{name}: only {k} word" for name, k in sizes.items() if k < 2]
    for e in errors:
        print("ERROR", e)
    for w in warnings:
        print("WARNING", w)
    print(f"{sum(sizes.values())} words in {len(sizes)} lists: {dict(sorted(sizes.items()))}")
    return 1 if errors or args.strict and warnings else 0


if __name__ == "__main__":
    sys.exit(main())
