#!/usr/bin/env python3
"""Check corpora/glossary/example_glossary.tsv (format in README.md).

    .venv/bin/python corpora/glossary/check_glossary.py [--strict]

Errors: a wrong header, rows the glossary parser skips (no term, too many columns; reported by row number), a
term twice, a term or plain word Voikko does not know. Warnings (fatal with --strict): an explanation that does
not end with a full stop, a term that is not in base form.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GLOSSARY = HERE / "example_glossary.tsv"
sys.path.insert(0, str(HERE.parents[1]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    args = ap.parse_args(argv)
    import libvoikko

    from poiju_nlp.scoring.glossary import HEADER, Glossary

    voikko = libvoikko.Voikko("fi")
    errors: list[str] = []
    warnings: list[str] = []
    text = GLOSSARY.read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != HEADER:
        errors.append(f"example_glossary.tsv:1: header must be {'<TAB>'.join(HEADER)}")
    g = Glossary.from_tsv(text)
    errors += [f"example_glossary.tsv: {p}" for p in g.problems]
    terms = [line.split("\t")[0].strip().lower() for line in lines[1:] if line.strip()]
    errors += [f"example_glossary.tsv: term {t!r} twice" for t in sorted({t for t in terms if terms.count(t) > 1})]
    for e in g.entries:
        for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", f"{e.term} {e.plain}"):
            if not voikko.spell(w):
                errors.append(f"example_glossary.tsv [{e.term}]: Voikko does not know {w!r}")
        for w in e.term.split():
            bases = {a.get("BASEFORM", "").lower() for a in voikko.analyze(w)}
            if bases and w not in bases:
                warnings.append(f"example_glossary.tsv [{e.term}]: {w!r} is not a base form ({sorted(bases)})")
        if e.explanation and not e.explanation.endswith((".", "!", "?")):
            warnings.append(f"example_glossary.tsv [{e.term}]: explanation should end with a full stop")
    for message in errors:
        print("ERROR", message)
    for message in warnings:
        print("WARNING", message)
    accepted = sum(e.accepted for e in g.entries)
    print(f"example_glossary.tsv: {len(g)} terms ({accepted} accepted, {len(g) - accepted} own replacements or "
          f"explanations); {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors or (args.strict and warnings) else 0


if __name__ == "__main__":
    raise SystemExit(main())
