"""Rewriting benchmark: identity baseline, lexicon-only baseline and the full rule-based rewriter, in the same run,
on corpora/annotated/rewrite_pairs.jsonl (or any JSONL with ``original`` and ``plain``, optional ``facts``).

Metrics per system: SARI against the hand-written plain reference (own implementation,
poiju_nlp/rewriting/sari.py, tested against the public vectors), plainness gain (score after - before), LIX change
(%), mean meaning similarity (e5 sentence coverage), fact preservation rate (annotated facts, else the guard's
facts), unknown-word rate (rewrites adding a word Voikko does not know), words/s. Primary: SARI of the full rewriter.

    .venv/bin/python -m evaluation.bench_rewriting [--quick] [--data FILE.jsonl]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaluation.common import bootstrap_ci, machine, write_result  # noqa: E402

GOALS = {"fact_preservation": 1.0, "meaning_similarity": 0.85, "lix_change_pct": -15.0, "plainness_gain": 20.0}


def _systems():
    from poiju_nlp.rewriting.rewriter import rule_rewrite

    return {
        "identity": lambda t: t,
        "lexicon_only": lambda t: rule_rewrite(t, rules=["lexicon"]).rewrite,
        "full": lambda t: rule_rewrite(t).rewrite,
    }


def _facts_kept(facts: list[str], original: str, rewrite: str) -> bool:
    from poiju_nlp.rewriting.guard import fact_problems

    if facts:
        return all(f in rewrite or f.replace(" op", " opintopist") in rewrite for f in facts)
    return not fact_problems(original, rewrite)


def run(quick: bool = False, data: str | None = None) -> dict:
    from poiju_nlp.rewriting.guard import fact_problems, sentence_coverage, unknown_words_added
    from poiju_nlp.rewriting.sari import sari
    from poiju_nlp.scoring import score

    path = Path(data) if data else ROOT / "corpora/annotated/rewrite_pairs.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if quick:
        rows = rows[:8]
    before = {r["original"]: score(r["original"]) for r in rows}
    out: dict = {"data": str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path), "pairs": len(rows),
                 "quick": quick, "machine": machine(), "systems": {}}
    for name, system in _systems().items():
        saris, gains, lix_changes, sims, facts, unknown, words, seconds = [], [], [], [], [], [], 0, 0.0
        reference_gain = []
        for r in rows:
            t0 = time.perf_counter()
            new = system(r["original"])
            seconds += time.perf_counter() - t0
            words += len(r["original"].split())
            b, a = before[r["original"]], score(new)
            saris.append(sari(r["original"], new, [r["plain"]]))
            gains.append(a.score - b.score)
            lix_changes.append(100 * (a.metrics["lix"] - b.metrics["lix"]) / max(1e-9, b.metrics["lix"]))
            sims.append(1.0 if new == r["original"] else sentence_coverage(r["original"], new)["mean"])
            facts.append(_facts_kept(r.get("facts") or [], r["original"], new) and
                         not fact_problems(r["original"], new))
            unknown.append(bool(unknown_words_added(r["original"], new)))
        n = len(rows)
        out["systems"][name] = {
            "sari": round(sum(saris) / n, 2), "sari_ci": bootstrap_ci(saris),
            "plainness_gain": round(sum(gains) / n, 1), "plainness_gain_ci": bootstrap_ci(gains),
            "lix_change_pct": round(sum(lix_changes) / n, 1),
            "meaning_similarity": round(sum(sims) / n, 4),
            "fact_preservation": round(sum(facts) / n, 4),
            "unknown_word_rate": round(sum(unknown) / n, 4),
            "words_per_second": round(words / max(seconds, 1e-9), 1),
        }
    ref = {"sari": 100.0}
    ref_scores = [score(r["plain"]) for r in rows]
    ref["plainness_gain"] = round(sum(s.score - before[r["original"]].score for s, r in zip(ref_scores, rows)) / len(rows), 1)
    ref["lix_change_pct"] = round(sum(100 * (s.metrics["lix"] - before[r["original"]].metrics["lix"]) /
                                      before[r["original"]].metrics["lix"] for s, r in zip(ref_scores, rows)) / len(rows), 1)
    out["reference"] = ref
    full, s = out["systems"]["full"], out["systems"]
    out["goals"] = {
        "fact_preservation_100": full["fact_preservation"] >= GOALS["fact_preservation"],
        "meaning_similarity_0.85": full["meaning_similarity"] >= GOALS["meaning_similarity"],
        "lix_down_15pct": full["lix_change_pct"] <= GOALS["lix_change_pct"],
        "plainness_up_20": full["plainness_gain"] >= GOALS["plainness_gain"],
        "sari_above_baselines": full["sari"] > max(s["identity"]["sari"], s["lexicon_only"]["sari"]),
    }
    out["primary"] = full["sari"]
    return out


def markdown(result: dict) -> str:
    keys = ["sari", "plainness_gain", "lix_change_pct", "meaning_similarity", "fact_preservation",
            "unknown_word_rate", "words_per_second"]
    lines = ["| system | " + " | ".join(keys) + " |", "|---" * (len(keys) + 1) + "|"]
    for name, m in result["systems"].items():
        lines.append(f"| {name} | " + " | ".join(str(m[k]) for k in keys) + " |")
    lines.append("")
    lines.append("Goals: " + ", ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in result["goals"].items()))
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--data")
    args = parser.parse_args()
    res = run(quick=args.quick, data=args.data)
    print(markdown(res))
    if not args.quick and not args.data:
        print("->", write_result("rewriting", res))
