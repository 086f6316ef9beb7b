"""Synthetic scale catalogues for the matching latency benchmark.

Two ways, both seeded from the real corpus:

- ``python -m evaluation.make_scale_catalog --n 10000 --out build/scale_10k.jsonl`` writes a JSONL catalogue of
  synthetic courses whose descriptions recombine sentences of real courses (for an end-to-end run of
  ``python -m poiju_nlp index`` when there is time to encode it).
- ``synthetic_index(base, n)`` builds a ``CourseIndex`` of ``n`` courses *without encoding*: each synthetic course
  copies a random real course's passage vectors with Gaussian noise (sigma 0.03 per dimension before
  re-normalising, which keeps cosines to the source at ~0.75-0.85, i.e. like a different course on a nearby
  topic) and a perturbed bag of its base-form terms (20 % dropped, 10 % borrowed from another course). Encoding
  100,000 texts would take hours on 2 cores; search latency depends on vector count, dimension and vocabulary, not
  on whether the vectors came from real text.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def synthetic_records(base_records, n: int, seed: int = 0):
    from poiju_nlp.domain import MODES, credits_to_hours
    from poiju_nlp.matching.passages import split_sentences
    from poiju_nlp.records import CourseRecord

    rng = random.Random(seed)
    sentences = [s for r in base_records for s in split_sentences(r.description)]
    modes = list(MODES)
    for i in range(n):
        src = rng.choice(base_records)
        desc = " ".join(rng.sample(split_sentences(src.description), k=min(3, len(split_sentences(src.description))))
                        + rng.sample(sentences, k=2))
        credits = rng.choice([1, 2, 3, 4, 5])
        yield CourseRecord(id=f"s{i:06d}", title=src.title, description=desc,
                           learning_outcomes=list(src.learning_outcomes[:2]), credits=float(credits),
                           hours=credits_to_hours(credits), mode=rng.choice(modes), language="fi",
                           provider=src.provider, level=src.level, price_eur=float(rng.choice([0, 60, 120, 250])),
                           tags=list(src.tags))


def synthetic_index(base, n: int, seed: int = 0, max_passages: int = 3, noise: float = 0.03):
    """A CourseIndex of ``n`` synthetic courses made by perturbing ``base``'s vectors and term bags."""
    from poiju_nlp.matching.index import CourseIndex
    from poiju_nlp.matching.passages import Passage

    rng = np.random.default_rng(seed)
    ids = list(base.records)
    by_course = base.rows["by_course"]
    idx = CourseIndex(embedder=base.embedder, settings=base.settings)
    idx.model, idx.backend = base.model, base.backend
    records = list(synthetic_records([base.records[i] for i in ids], n, seed))
    passages, rows = [], []
    pid = 0
    for rec in records:
        src = ids[int(rng.integers(len(ids)))]
        src_rows = by_course[src][:max_passages]
        other = ids[int(rng.integers(len(ids)))]
        fields = base.terms[src]
        kept = {f: [t for t in fields[f] if rng.random() > 0.2] for f in ("title", "description", "outcomes")}
        borrowed = base.terms[other]["description"] or base.terms[other]["title"]
        kept["description"] += [borrowed[int(j)] for j in rng.integers(0, len(borrowed),
                                                                     size=max(1, len(kept["description"]) // 10))]
        kept["raw"] = kept["title"] + kept["description"] + kept["outcomes"]
        idx.terms[rec.id] = kept
        idx.records[rec.id] = rec
        for r in src_rows:
            passages.append(Passage(pid, rec.id, base.passages[r].kind, base.passages[r].text))
            rows.append(r)
            pid += 1
    vecs = base.vectors[np.asarray(rows)] + rng.normal(0, noise, size=(len(rows), base.vectors.shape[1])
                                                           ).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    idx.passages = passages
    idx.vectors = vecs.astype(np.float32)
    idx._next_pid = pid
    idx._changed()
    idx.store.reset()
    return idx


def main() -> None:
    from poiju_nlp.matching import load_catalog

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=10_000)
    p.add_argument("--out", default=str(ROOT / "build" / "scale_catalog.jsonl"))
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    base = load_catalog(ROOT / "corpora" / "courses").records
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for rec in synthetic_records(base, args.n, args.seed):
            f.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
    print(f"{args.n} synthetic courses -> {args.out}")


if __name__ == "__main__":
    main()
