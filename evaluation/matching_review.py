"""Blind relevance review of matching on real text: ESCO occupations (employer-side text) as needs against real
course texts (Aalto + ePerusteet, evaluation/real_text.py), judged by reviewers who did not build the ranker.

    python -m evaluation.matching_review pool  [--needs 24] [--top 5] [--out DIR]
    python -m evaluation.matching_review score --judgements DIR/judgements.jsonl [--out DIR]

``pool`` indexes the real course texts (cached in build/index/real), picks a seeded sample of social, health and
safety occupations from ESCO (half dev, half test by a hash of the ESCO URI), runs every method (BM25 on raw
tokens, field-weighted BM25 on base forms, dense e5, hybrid) and pools their top ``--top`` courses per need. It
writes, outside the repository (the texts are shared data, never committed):

- ``judging.jsonl``: one row per need x course pair, ``{"pair": "p017", "need": ..., "course": ...}``, shuffled,
  with no method, rank or score: what the reviewer sees, with evaluation/rubrics/matching.md;
- ``key.json``: pair -> need id, course id, split, and which methods ranked it where (for ``score`` only).

The reviewer writes ``judgements.jsonl`` rows ``{"pair": "p017", "grade": 0-3}``. ``score`` computes nDCG@5 against
the judged pool of the need (an unjudged pair counts 0), MRR and P@5 (relevant = grade >= 2) per method and split,
with bootstrap intervals.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import random
from pathlib import Path

import numpy as np

from .common import SHARED_DATA, bootstrap_ci

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = Path(os.environ.get("POIJU_REVIEW_DIR", ROOT.parent / "notes" / "review_matching"))  # outside the repo
METHODS = ("bm25_raw", "bm25", "dense", "hybrid")
# ISCO groups of the social, health, care, guidance and safety occupations the product serves.
ISCO_PREFIXES = ("222", "226", "2634", "2635", "321", "322", "325", "3412", "531", "532", "541", "1342", "1344",
                 "3355")
COURSE_WORDS = 160  # what the reviewer reads of a course: its title and the first 160 words


def esco_needs(root: Path | None = None) -> list[dict]:
    path = Path(root or SHARED_DATA) / "esco" / "occupations_fi.csv"
    if not path.exists():
        return []
    out = []
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if not r.get("description") or not any(r["iscoGroup"].startswith(p) for p in ISCO_PREFIXES):
                continue
            uri = r["conceptUri"]
            split = "dev" if int(hashlib.sha1(uri.encode()).hexdigest(), 16) % 2 == 0 else "test"
            out.append({"id": "esco:" + uri.rsplit("/", 1)[-1], "label": r["preferredLabel"],
                        "text": f"{r['preferredLabel'].capitalize()}. {r['description'].strip()}", "split": split})
    return out


def real_index(cache: Path):
    """An index of all real course texts (built once, then loaded from ``cache``)."""
    from poiju_nlp.matching import CourseIndex
    from poiju_nlp.records import CourseRecord

    from .real_text import load_real_texts

    records = [CourseRecord(id=t.id, title=t.title, description=t.text.split("\n", 1)[-1])
               for t in load_real_texts()]
    try:
        index = CourseIndex.load(cache)
        if len(index) == len(records):
            return index
    except Exception:  # noqa: BLE001 - missing or old: build
        pass
    index = CourseIndex.build(records, show_progress=True, reuse=cache)
    index.save(cache)
    return index


def _course_text(record) -> str:
    words = record.description.split()
    body = " ".join(words[:COURSE_WORDS]) + (" …" if len(words) > COURSE_WORDS else "")
    return f"{record.title}\n{body}"


def pool(n_needs: int = 24, top: int = 5, out: Path = DEFAULT_OUT, seed: int = 11) -> dict:
    from poiju_nlp.matching import encode_need, rank_courses

    needs = esco_needs()
    if not needs:
        raise SystemExit(f"ESCO data not found under {SHARED_DATA}")
    rng = random.Random(seed)
    rng.shuffle(needs)
    picked = [n for n in needs if n["split"] == "dev"][:n_needs // 2] + \
             [n for n in needs if n["split"] == "test"][:n_needs - n_needs // 2]
    index = real_index(ROOT / "build" / "index" / "real")
    ids = index.rows["course_ids"]
    rows, key = [], {}
    for need in picked:
        enc = encode_need(index, need["text"])
        ranked = {m: [ids[r] for r, _, _ in rank_courses(index, enc.text, m, qvec=enc.qvec, weights=enc.weights,
                                                          sentences=enc.sentences, sent_vecs=enc.sent_vecs)[:top]]
                  for m in METHODS}
        for cid in dict.fromkeys(c for m in METHODS for c in ranked[m]):
            rows.append({"need_id": need["id"], "course_id": cid, "split": need["split"],
                         "ranks": {m: ranked[m].index(cid) + 1 for m in METHODS if cid in ranked[m]},
                         "need": need["text"], "course": _course_text(index.records[cid])})
    rng.shuffle(rows)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "judging.jsonl", "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            pair = f"p{i:03d}"
            key[pair] = {k: r[k] for k in ("need_id", "course_id", "split", "ranks")}
            f.write(json.dumps({"pair": pair, "need": r["need"], "course": r["course"]}, ensure_ascii=False) + "\n")
    (out / "key.json").write_text(json.dumps({"top": top, "methods": list(METHODS), "needs": [
        {k: n[k] for k in ("id", "label", "split")} for n in picked], "pairs": key}, ensure_ascii=False, indent=1),
        encoding="utf-8")
    return {"needs": len(picked), "pairs": len(rows), "out": str(out)}


def _ndcg(grades: list[int], ideal: list[int], k: int) -> float:
    dcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:k]))
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(sorted(ideal, reverse=True)[:k]))
    return dcg / idcg if idcg else 0.0


def score(judgements: Path, out: Path = DEFAULT_OUT) -> dict:
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    grades = {}
    for n, line in enumerate(judgements.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            g = int(row["grade"])
            if not 0 <= g <= 3:
                raise SystemExit(f"{judgements.name}, rivi {n}: arvosanan pitää olla 0-3, nyt {g}")
            grades[row["pair"]] = g
    by_need: dict[str, dict] = {}
    for pair, info in key["pairs"].items():
        by_need.setdefault(info["need_id"], {"split": info["split"], "pairs": []})["pairs"].append((pair, info))
    per = {m: {"dev": [], "test": []} for m in key["methods"]}
    for need in by_need.values():
        pool_grades = [grades.get(p, 0) for p, _ in need["pairs"]]
        for m in key["methods"]:
            ranked = sorted(((info["ranks"][m], grades.get(p, 0)) for p, info in need["pairs"] if m in info["ranks"]))
            g = [x for _, x in ranked]
            per[m][need["split"]].append({
                "ndcg@5": _ndcg(g, pool_grades, 5),
                "mrr": next((1 / (i + 1) for i, x in enumerate(g) if x >= 2), 0.0),
                "p@5": sum(x >= 2 for x in g[:5]) / 5})
    result = {"judged_pairs": len(grades), "pairs": len(key["pairs"]), "methods": {}}
    for m, splits in per.items():
        result["methods"][m] = {}
        for split, rows in splits.items():
            result["methods"][m][split] = {k: {"mean": round(float(np.mean([r[k] for r in rows])), 4),
                                               "ci95": bootstrap_ci([r[k] for r in rows])}
                                           for k in ("ndcg@5", "mrr", "p@5")} if rows else {}
    (out / "scores.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pool")
    p.add_argument("--needs", type=int, default=24)
    p.add_argument("--top", type=int, default=5)
    p.add_argument("--out", type=Path, default=DEFAULT_OUT)
    s = sub.add_parser("score")
    s.add_argument("--judgements", type=Path, required=True)
    s.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    if args.cmd == "pool":
        print(json.dumps(pool(args.needs, args.top, args.out), ensure_ascii=False))
    else:
        print(json.dumps(score(args.judgements, args.out), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
