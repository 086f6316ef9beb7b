#!/usr/bin/env python3
"""Check corpora/courses/courses_a.jsonl and courses_b.jsonl (the demo course catalogue).

Errors (exit status 1): a line that is not a JSON object, a field that poiju_nlp.records.CourseRecord rejects
(type, range, date, URL, language code; the same validation a user's upload gets), a missing id, title or
description, a duplicate id, an id outside the file's range in README.md, a mode that is not one of
poiju_nlp.domain.MODES, a tag that is not a slug of corpora/TOPICS.md, a file whose course count differs from the
table in README.md.
Warnings (exit status 1 only with --strict): a level outside poiju_nlp.domain.COURSE_LEVELS.

Usage (from the repository root): .venv/bin/python corpora/courses/check_courses.py [--strict] [--quiet]
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from poiju_nlp.domain import COURSE_LEVELS, MODES  # noqa: E402
from poiju_nlp.records import CourseRecord  # noqa: E402

FILES = ("courses_a.jsonl", "courses_b.jsonl")


def topics() -> set[str]:
    text = (ROOT / "corpora" / "TOPICS.md").read_text(encoding="utf-8")
    return {slug.strip() for line in text.splitlines() if line and not line.startswith("#")
            for slug in line.split(",") if slug.strip()} - {""}


def readme_table() -> dict[str, tuple[int, str, str]]:
    """file -> (count, first id, last id) from the README's table row '| `courses_a.jsonl` | 165 (c001–c165) |'."""
    text = (HERE / "README.md").read_text(encoding="utf-8")
    return {m[1]: (int(m[2]), m[3], m[4])
            for m in re.finditer(r"\|\s*`([^`]+\.jsonl)`\s*\|\s*(\d+)\s*\((c\d+)[–-](c\d+)\)", text)}


def check() -> tuple[list[str], list[str], Counter]:
    errors, warnings, stats = [], [], Counter()
    known_topics, table, seen = topics(), readme_table(), {}
    for name in FILES:
        path = HERE / name
        count = 0
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{name}:{n}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                errors.append(f"{where}: not JSON ({err.msg})")
                continue
            if not isinstance(data, dict):
                errors.append(f"{where}: not a JSON object")
                continue
            count += 1
            record, problems = CourseRecord.from_dict(data)
            errors += [f"{where}: {p.field}: {p.message}" for p in problems]
            for key in ("id", "title", "description"):
                if not str(data.get(key) or "").strip():
                    errors.append(f"{where}: {key} is missing")
            if record.id in seen:
                errors.append(f"{where}: duplicate id {record.id} (also {seen[record.id]})")
            seen[record.id] = where
            if name in table:
                _, first, last = table[name]
                if not (len(record.id) == len(first) and first <= record.id <= last):
                    errors.append(f"{where}: id {record.id} outside {first}–{last} (README.md)")
            if record.mode not in MODES:
                errors.append(f"{where}: mode {record.mode!r} is not one of {MODES}")
            for tag in record.tags:
                if tag not in known_topics:
                    errors.append(f"{where}: tag {tag!r} is not a topic of corpora/TOPICS.md")
            if record.level and record.level not in COURSE_LEVELS:
                warnings.append(f"{where}: level {record.level!r} is not one of {COURSE_LEVELS}")
            stats[f"level {record.level}"] += 1
            stats[f"mode {record.mode}"] += 1
            stats[f"language {record.language}"] += 1
        stats[f"courses in {name}"] = count
        if name not in table:
            errors.append(f"README.md has no row for {name}")
        elif table[name][0] != count:
            errors.append(f"README.md says {name} has {table[name][0]} courses; it has {count}")
    return errors, warnings, stats


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    errors, warnings, stats = check()
    if "--quiet" not in argv:
        for key, value in sorted(stats.items()):
            print(f"  {key}: {value}")
    levels = Counter(w.split("level ")[1].split(" is")[0] for w in warnings)
    for level, n in levels.items():  # one line per level, not one per course
        print(f"WARNING: {n} courses have level {level}, which is not one of {COURSE_LEVELS}")
    for e in errors:
        print(f"ERROR: {e}")
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors or ("--strict" in argv and warnings) else 0


if __name__ == "__main__":
    sys.exit(main())
