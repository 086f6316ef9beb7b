"""Calibrate the guard's sentence-coverage threshold (settings.RewritingSettings.meaning_threshold) on
corpora/annotated/rewrite_pairs.jsonl.

For each original sentence: its best e5 cosine against (a) the hand-written plain version (positive), (b) the same
original with that sentence dropped (negative: what a rewriter that loses the sentence would score), (c) another
pair's plain version (negative: shuffled). Units are sentences and windows of two, as in the guard.

    .venv/bin/python -m evaluation.calibrate_rewriting
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def units(sentences: list[str]) -> list[str]:
    return sentences + [f"{a} {b}" for a, b in zip(sentences, sentences[1:])]


def run(data: str | None = None) -> dict:
    from poiju_nlp.rewriting.guard import split_sentences
    from poiju_nlp.text import get_embedder

    rows = [json.loads(line) for line in open(data or ROOT / "corpora/annotated/rewrite_pairs.jsonl", encoding="utf-8")]
    emb = get_embedder()
    cache: dict[str, np.ndarray] = {}

    def enc(texts):
        new = [t for t in dict.fromkeys(texts) if t not in cache]
        if new:
            for t, v in zip(new, emb.encode_queries(new)):
                cache[t] = v
        return np.stack([cache[t] for t in texts])

    pos, dropped, shuffled = [], [], []
    for k, r in enumerate(rows):
        src = split_sentences(r["original"])
        plain = split_sentences(r["plain"])
        other = split_sentences(rows[(k + 7) % len(rows)]["plain"])
        s = enc(src)
        pos += list((s @ enc(units(plain)).T).max(axis=1))
        shuffled += list((s @ enc(units(other)).T).max(axis=1))
        for i in range(len(src)):
            rest = src[:i] + src[i + 1:]
            if rest:
                dropped.append(float((s[i:i + 1] @ enc(units(rest)).T).max()))
    pos, dropped, shuffled = map(np.array, (pos, dropped, shuffled))
    out = {"sentences": int(len(pos)),
           "positive": {"mean": float(pos.mean()), "p5": float(np.percentile(pos, 5)), "p10": float(np.percentile(pos, 10))},
           "dropped": {"mean": float(dropped.mean()), "p90": float(np.percentile(dropped, 90)),
                       "p95": float(np.percentile(dropped, 95))},
           "shuffled": {"mean": float(shuffled.mean()), "p95": float(np.percentile(shuffled, 95)),
                        "max": float(shuffled.max())}}
    grid = []
    for t in np.arange(0.80, 0.96, 0.01):
        grid.append({"threshold": round(float(t), 2), "positive_kept": float((pos >= t).mean()),
                     "dropped_rejected": float((dropped < t).mean()),
                     "shuffled_rejected": float((shuffled < t).mean())})
    out["grid"] = grid
    return out


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
