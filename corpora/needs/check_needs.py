#!/usr/bin/env python3
"""Validate corpora/needs/needs.jsonl and corpora/needs/qrels.tsv.

Checks
  needs.jsonl : valid JSON per line, required fields, unique qids (nNNN),
                1-4 topic slugs that exist in corpora/TOPICS.md, length label
                consistent with word count (short <= 30 words, long 40-100),
                every topic in TOPICS.md used by at least two needs.
  qrels.tsv   : exact header, qid exists in needs.jsonl, course_id exists in
                corpora/courses/courses_a.jsonl or courses_b.jsonl, relevance is
                an integer 0-3, no duplicate (qid, course_id) pairs, every need
                has at least one row; the needs listed in UNCOVERED have no
                course graded >= 2.

Usage: python3 corpora/needs/check_needs.py [--quiet]
Exit status 0 if all checks pass, 1 otherwise. Standard library only.
"""
import collections
import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent
NEEDS = HERE / "needs.jsonl"
QRELS = HERE / "qrels.tsv"
TOPICS_MD = CORPORA / "TOPICS.md"
COURSE_FILES = [CORPORA / "courses" / "courses_a.jsonl", CORPORA / "courses" / "courses_b.jsonl"]

# Needs written on purpose so that the catalogue has no good match (gap report).
UNCOVERED = {"n005", "n007", "n036", "n056", "n057", "n068", "n073", "n075", "n078", "n136"}

REQUIRED = {"qid": str, "text": str, "topics": list, "length": str, "employer": str}
errors = []


def err(msg):
    errors.append(msg)


def load_topics():
    slugs = []
    for line in TOPICS_MD.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("Topic tags") or "," not in line:
            continue
        slugs += [s.strip() for s in line.split(",") if s.strip()]
    return slugs


def load_course_ids():
    ids = set()
    for fn in COURSE_FILES:
        if not fn.exists():
            err(f"missing course file {fn}")
            continue
        for i, line in enumerate(fn.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                ids.add(json.loads(line)["id"])
            except (ValueError, KeyError) as e:
                err(f"{fn.name}:{i}: unreadable course line ({e})")
    return ids


def check_needs(topics):
    needs = {}
    topic_use = collections.Counter()
    for i, line in enumerate(NEEDS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"needs.jsonl:{i}"
        try:
            n = json.loads(line)
        except ValueError as e:
            err(f"{where}: invalid JSON ({e})")
            continue
        for k, t in REQUIRED.items():
            if not isinstance(n.get(k), t):
                err(f"{where}: field {k!r} missing or not {t.__name__}")
        if set(n) - set(REQUIRED):
            err(f"{where}: unexpected fields {sorted(set(n) - set(REQUIRED))}")
        q = n.get("qid", "")
        if not re.fullmatch(r"n\d{3}", str(q)):
            err(f"{where}: bad qid {q!r}")
        if q in needs:
            err(f"{where}: duplicate qid {q}")
        needs[q] = n
        tp = n.get("topics") or []
        if not 1 <= len(tp) <= 4:
            err(f"{q}: {len(tp)} topics (expected 1-4)")
        if len(set(tp)) != len(tp):
            err(f"{q}: repeated topic")
        for t in tp:
            if t not in topics:
                err(f"{q}: unknown topic {t!r}")
            topic_use[t] += 1
        words = len(str(n.get("text", "")).split())
        if n.get("length") == "short":
            if words > 30:
                err(f"{q}: labelled short but has {words} words")
        elif n.get("length") == "long":
            if not 40 <= words <= 100:
                err(f"{q}: labelled long but has {words} words (expected 40-100)")
        else:
            err(f"{q}: length must be 'short' or 'long'")
        if not str(n.get("employer", "")).strip():
            err(f"{q}: empty employer")
    for t in topics:
        if topic_use[t] < 2:
            err(f"topic {t!r} used by {topic_use[t]} needs (expected >= 2)")
    return needs, topic_use


def check_qrels(needs, course_ids):
    rows = collections.defaultdict(dict)
    with QRELS.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t")
        header = next(reader, None)
        if header != ["qid", "course_id", "relevance"]:
            err(f"qrels.tsv: bad header {header}")
        for i, r in enumerate(reader, 2):
            if not r:
                continue
            if len(r) != 3:
                err(f"qrels.tsv:{i}: expected 3 columns, got {len(r)}")
                continue
            q, c, g = r
            if q not in needs:
                err(f"qrels.tsv:{i}: unknown qid {q}")
            if c not in course_ids:
                err(f"qrels.tsv:{i}: unknown course_id {c}")
            if not re.fullmatch(r"[0-3]", g):
                err(f"qrels.tsv:{i}: relevance {g!r} not in 0-3")
                continue
            if c in rows[q]:
                err(f"qrels.tsv:{i}: duplicate pair {q} {c}")
            rows[q][c] = int(g)
    for q in needs:
        if not rows.get(q):
            err(f"{q}: no qrels rows")
    for q in UNCOVERED:
        if q not in needs:
            err(f"UNCOVERED lists unknown qid {q}")
        elif any(g >= 2 for g in rows.get(q, {}).values()):
            err(f"{q}: listed as uncovered but has a course graded >= 2")
    return rows


def main():
    quiet = "--quiet" in sys.argv
    topics = load_topics()
    course_ids = load_course_ids()
    needs, topic_use = check_needs(topics)
    rows = check_qrels(needs, course_ids)
    if not quiet:
        lengths = collections.Counter(n.get("length") for n in needs.values())
        grades = collections.Counter(g for d in rows.values() for g in d.values())
        rel2 = [sum(1 for g in d.values() if g >= 2) for q, d in rows.items() if q in needs]
        covered = [sum(1 for g in rows[q].values() if g >= 2) for q in needs if q not in UNCOVERED]
        print(f"needs: {len(needs)} ({dict(lengths)}); topics in TOPICS.md: {len(topics)}")
        print(f"courses known: {len(course_ids)}; qrels rows: {sum(grades.values())} grades {dict(sorted(grades.items()))}")
        if rel2:
            print(f"mean courses graded >= 2 per need: {sum(rel2) / len(rel2):.2f} "
                  f"(excluding uncovered: {sum(covered) / max(1, len(covered)):.2f})")
        print("topic use: " + ", ".join(f"{t}={topic_use[t]}" for t in topics))
    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    if not quiet:
        print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
