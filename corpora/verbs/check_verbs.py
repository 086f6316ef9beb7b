#!/usr/bin/env python3
"""Check corpora/verbs/bloom_verbs.tsv and corpora/verbs/avoid_verbs.tsv.

Usage (from the repository root):

    .venv/bin/python corpora/verbs/check_verbs.py            # report, exit 1 on errors
    .venv/bin/python corpora/verbs/check_verbs.py --strict   # also exit 1 on warnings

Errors: wrong header or column count, empty fields, level not 1-6 or level_name not matching the
level, object_case not allowed, duplicate verbs, a verb that Voikko does not know as a verb
(CLASS teonsana) in its base form, an example that does not start with "Osaat " + verb + " " or
does not end with a full stop, an avoid verb that is also a Bloom verb, an alternative that is not
in bloom_verbs.tsv.

Warnings: example words unknown to Voikko, an example in which no word after the verb is in the
declared object case, fewer verbs than the project brief asks for (90 Bloom verbs, 15 avoid verbs).
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
BLOOM = HERE / "bloom_verbs.tsv"
AVOID = HERE / "avoid_verbs.tsv"
NOUNS = HERE / "noun_classes.tsv"
FIT = HERE / "verb_object_fit.tsv"
REPLACEMENTS = HERE / "replacements.tsv"
NOUN_HEADER = ["noun", "class"]
FIT_HEADER = ["verb", "fits", "never", "note"]
REPLACEMENT_HEADER = ["verb", "max_level", "object_class", "replacement", "case", "why"]
CLASSES = {"method", "principle", "concept", "tool", "material", "document", "text", "language", "situation",
           "person", "process", "phenomenon", "data", "product", "skill", "course", "activity", "clause", "topic",
           "quantity"}
REPLACEMENT_CASES = {"same", "ela", "par", "gen"}

BLOOM_HEADER = ["level", "level_name", "verb", "object_case", "example"]
AVOID_HEADER = ["verb", "reason", "alternatives"]
LEVEL_NAMES = {1: "muistaa", 2: "ymmärtää", 3: "soveltaa", 4: "analysoida", 5: "arvioida", 6: "luoda"}
# object_case value -> Voikko SIJAMUOTO
CASES = {
    "par": "osanto",
    "gen": "omanto",
    "ela": "sisaeronto",
    "ill": "sisatulento",
    "all": "ulkotulento",
    "ade": "ulkoolento",
    "nom": "nimento",
    "adv": None,  # no object: an adverbial or a place ("Osaat toimia hätätilanteessa", "työskennellä ergonomisesti")
}
MIN_BLOOM = 90
MIN_AVOID = 15
SEPARATOR = " | "
WORD_RE = re.compile(r"[A-Za-zÅÄÖåäö0-9][A-Za-zÅÄÖåäö0-9\-]*")


def voikko():
    try:
        import libvoikko  # type: ignore
    except ImportError:  # pragma: no cover - environment problem
        sys.exit("libvoikko is not installed: run inside the project venv (.venv/bin/python)")
    return libvoikko.Voikko("fi")


def read_tsv(path: Path, header: list[str], errors: list[str]) -> list[tuple[int, dict]]:
    rows: list[tuple[int, dict]] = []
    if not path.exists():
        errors.append(f"{path.name}: file is missing")
        return rows
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if lineno == 1:
                if row != header:
                    errors.append(f"{path.name}:1: header must be {header!r}, got {row!r}")
                continue
            if len(row) != len(header):
                errors.append(f"{path.name}:{lineno}: expected {len(header)} columns, got {len(row)}: {row!r}")
                continue
            for name, cell in zip(header, row):
                if not cell.strip():
                    errors.append(f"{path.name}:{lineno}: empty column '{name}'")
                elif cell != cell.strip() or "  " in cell:
                    errors.append(f"{path.name}:{lineno}: extra whitespace in column '{name}'")
            rows.append((lineno, dict(zip(header, row))))
    return rows


def check_verb(v, verb: str, where: str, errors: list[str]) -> None:
    analyses = v.analyze(verb)
    if not analyses:
        errors.append(f"{where}: Voikko does not know {verb!r}")
    elif not any(a.get("CLASS") == "teonsana" and a.get("BASEFORM") == verb for a in analyses):
        found = sorted({(a.get("BASEFORM"), a.get("CLASS")) for a in analyses})
        errors.append(f"{where}: {verb!r} is not a verb in base form for Voikko: {found}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    args = ap.parse_args(argv)
    v = voikko()
    errors: list[str] = []
    warnings: list[str] = []

    # --- bloom_verbs.tsv ---------------------------------------------------------------
    bloom_rows = read_tsv(BLOOM, BLOOM_HEADER, errors)
    bloom_verbs: dict[str, int] = {}
    for lineno, r in bloom_rows:
        verb = r["verb"]
        where = f"bloom_verbs.tsv:{lineno} [{verb}]"
        try:
            level = int(r["level"])
        except ValueError:
            level = 0
        if level not in LEVEL_NAMES:
            errors.append(f"{where}: level must be 1-6, got {r['level']!r}")
        elif r["level_name"] != LEVEL_NAMES[level]:
            errors.append(f"{where}: level {level} is '{LEVEL_NAMES[level]}', not {r['level_name']!r}")
        if r["object_case"] not in CASES:
            errors.append(f"{where}: object_case {r['object_case']!r} not in {sorted(CASES)}")
        if verb in bloom_verbs:
            errors.append(f"{where}: duplicate verb (first on line {bloom_verbs[verb]})")
        bloom_verbs.setdefault(verb, lineno)
        check_verb(v, verb, where, errors)

        example = r["example"]
        prefix = f"Osaat {verb} "
        if not example.startswith(prefix):
            errors.append(f"{where}: example must start with {prefix!r}: {example!r}")
        if not example.endswith("."):
            errors.append(f"{where}: example must end with a full stop")
        rest = WORD_RE.findall(example[len(prefix):]) if example.startswith(prefix) else []
        for w in WORD_RE.findall(example):
            letters = [c for c in w if c.isalpha()]
            if w.isdigit() or sum(c.isupper() for c in letters) >= 2:
                continue  # numbers and abbreviations (ABCDE-järjestys)
            if not v.analyze(w):
                warnings.append(f"{where}: Voikko does not know example word {w!r}")
        case = CASES.get(r["object_case"])
        if case and rest and not any(a.get("SIJAMUOTO") == case for w in rest for a in v.analyze(w)):
            warnings.append(f"{where}: no word after the verb is in the declared case {r['object_case']!r}")

    # --- avoid_verbs.tsv ---------------------------------------------------------------
    avoid_rows = read_tsv(AVOID, AVOID_HEADER, errors)
    seen: dict[str, int] = {}
    for lineno, r in avoid_rows:
        verb = r["verb"]
        where = f"avoid_verbs.tsv:{lineno} [{verb}]"
        if verb in seen:
            errors.append(f"{where}: duplicate verb (first on line {seen[verb]})")
        seen.setdefault(verb, lineno)
        check_verb(v, verb, where, errors)
        if verb in bloom_verbs:
            errors.append(f"{where}: verb is also in bloom_verbs.tsv")
        alts = r["alternatives"].split("|")
        if r["alternatives"].count(SEPARATOR) != len(alts) - 1:
            errors.append(f"{where}: alternatives must be separated by ' | '")
        for alt in (a.strip() for a in alts):
            if alt not in bloom_verbs:
                errors.append(f"{where}: alternative {alt!r} is not in bloom_verbs.tsv")
        for w in WORD_RE.findall(r["reason"]):
            if not v.analyze(w):
                warnings.append(f"{where}: Voikko does not know reason word {w!r}")

    # --- noun_classes.tsv -------------------------------------------------------------------
    noun_rows = read_tsv(NOUNS, NOUN_HEADER, errors)
    nouns: dict[str, int] = {}
    for lineno, r in noun_rows:
        where = f"noun_classes.tsv:{lineno} [{r['noun']}]"
        if r["noun"] in nouns:
            errors.append(f"{where}: duplicate noun (first on line {nouns[r['noun']]})")
        nouns.setdefault(r["noun"], lineno)
        if r["class"] not in CLASSES:
            errors.append(f"{where}: class {r['class']!r} not in {sorted(CLASSES)}")
        if not any(a.get("CLASS") in ("nimisana", "laatusana", "nimisana_laatusana", "teonsana")
                   and (a.get("BASEFORM") or "").lower() == r["noun"] or a.get("MOOD") == "MINEN-infinitive"
                   for a in v.analyze(r["noun"])):
            errors.append(f"{where}: Voikko does not know {r['noun']!r} as a noun in base form")

    # --- verb_object_fit.tsv ------------------------------------------------------------------
    fit_rows = read_tsv(FIT, FIT_HEADER, errors)
    fits: dict[str, tuple[set, set]] = {}
    for lineno, r in fit_rows:
        where = f"verb_object_fit.tsv:{lineno} [{r['verb']}]"
        if r["verb"] not in bloom_verbs:
            errors.append(f"{where}: verb is not in bloom_verbs.tsv")
        if r["verb"] in fits:
            errors.append(f"{where}: duplicate verb")
        yes = {c.strip() for c in r["fits"].split(",")}
        no = {c.strip() for c in r["never"].split(",")}
        for c in (yes | no) - {"*"}:
            if c not in CLASSES:
                errors.append(f"{where}: class {c!r} not in {sorted(CLASSES)}")
        if yes & no - {"*"}:
            errors.append(f"{where}: {sorted(yes & no)} both fit and never fit")
        fits[r["verb"]] = (yes, no)

    # --- replacements.tsv: a vague verb is replaced by a measurable verb of the same or a lower level that fits ---
    levels = {r["verb"]: int(r["level"]) for _, r in bloom_rows if r["level"].isdigit()}
    rep_rows = read_tsv(REPLACEMENTS, REPLACEMENT_HEADER, errors)
    seen_rules: set = set()
    for lineno, r in rep_rows:
        verb, cls, target = r["verb"], r["object_class"], r["replacement"]
        where = f"replacements.tsv:{lineno} [{verb} {cls}]"
        if (verb, cls) in seen_rules:
            errors.append(f"{where}: duplicate rule")
        seen_rules.add((verb, cls))
        if verb in bloom_verbs and target != "-":
            errors.append(f"{where}: a measurable verb needs no replacement")
        check_verb(v, verb.split()[-1] if verb.startswith("olla ") else verb, where, errors) \
            if not verb.startswith("olla ") else None
        if cls != "*" and cls not in CLASSES:
            errors.append(f"{where}: class {cls!r} not in {sorted(CLASSES)}")
        if r["case"] not in REPLACEMENT_CASES:
            errors.append(f"{where}: case {r['case']!r} not in {sorted(REPLACEMENT_CASES)}")
        if target == "-":
            if r["max_level"] != "-":
                errors.append(f"{where}: a rule that proposes nothing has max_level '-'")
            continue
        if target not in bloom_verbs:
            errors.append(f"{where}: replacement {target!r} is not in bloom_verbs.tsv")
            continue
        if not r["max_level"].isdigit() or levels[target] > int(r["max_level"]):
            errors.append(f"{where}: replacement {target!r} (level {levels[target]}) is above the level of "
                          f"{verb!r} ({r['max_level']}): an overclaim")
        if target in fits and cls not in ("*",):
            yes, no = fits[target]
            if cls in no or not ("*" in yes or cls in yes):
                errors.append(f"{where}: {target!r} does not fit objects of class {cls!r} (verb_object_fit.tsv)")
        for w in WORD_RE.findall(r["why"]):
            if not v.analyze(w):
                warnings.append(f"{where}: Voikko does not know word {w!r} in 'why'")

    if len(bloom_rows) < MIN_BLOOM:
        warnings.append(f"bloom_verbs.tsv: {len(bloom_rows)} verbs, brief asks for at least {MIN_BLOOM}")
    if len(avoid_rows) < MIN_AVOID:
        warnings.append(f"avoid_verbs.tsv: {len(avoid_rows)} verbs, brief asks for at least {MIN_AVOID}")

    for msg in errors:
        print("ERROR  ", msg)
    for msg in warnings:
        print("WARNING", msg)
    levels = Counter(r["level"] + " " + r["level_name"] for _, r in bloom_rows)
    cases = Counter(r["object_case"] for _, r in bloom_rows)
    print(f"bloom_verbs.tsv: {len(bloom_rows)} verbs")
    print("  by level:", dict(sorted(levels.items())))
    print("  by object_case:", dict(sorted(cases.items())))
    print(f"avoid_verbs.tsv: {len(avoid_rows)} verbs")
    print(f"noun_classes.tsv: {len(noun_rows)} nouns; verb_object_fit.tsv: {len(fit_rows)} verbs; "
          f"replacements.tsv: {len(rep_rows)} rules")
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors or (args.strict and warnings) else 0


if __name__ == "__main__":
    sys.exit(main())
