#!/usr/bin/env python3
"""Check corpora/examples/: every *.json is a course record that poiju_nlp.records.CourseRecord accepts without a
single field problem, and record_example.json (the pre-filled "Todistus" tab and the CLI examples) has all 11
mandatory EU elements present, so that the example shows a complete micro-credential.

Usage (from the repository root): .venv/bin/python corpora/examples/check_examples.py
Exit status 1 when a check fails.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from poiju_nlp.credentials import check_micro_credential, load_record  # noqa: E402

COMPLETE = ("record_example.json",)


def main() -> int:
    errors = []
    files = sorted(HERE.glob("*.json"))
    for path in files:
        record, problems = load_record(path)
        errors += [f"{path.name}: {p.field}: {p.message}" for p in problems]
        if path.name in COMPLETE:
            report = check_micro_credential(record, propose_outcomes=False)
            errors += [f"{path.name}: element {e.number} {e.name} is {e.status}: {e.explanation}"
                       for e in report.elements if e.status != "present"]
    for e in errors:
        print(f"ERROR: {e}")
    print(f"{len(files)} example records, {len(errors)} errors")
    return 1 if errors or not files else 0


if __name__ == "__main__":
    sys.exit(main())
