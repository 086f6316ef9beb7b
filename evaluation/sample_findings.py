"""Sample the teacher's findings on real test-split texts for a blind review (rubric: evaluation/rubrics/findings.md).

    python -m evaluation.sample_findings [--texts 30] [--per-kind 25] [--out /path/findings_sample.jsonl]

Each line: ``{"id", "text_id", "kind", "severity", "flagged", "context", "reason", "suggestion", "replacement"}``,
where ``context`` is the sentence the finding is in (the whole hard sentence for a sentence finding) and
``flagged`` the words it points at. The sample holds real text from ../shared/data, so it is written outside the
repository (default: /tmp/poiju-findings-sample.jsonl) and never committed. At most ``--per-kind`` findings of
each kind, drawn with a fixed seed so the same sample comes back.
"""
from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict

from .real_text import available, load_real_texts


def sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return " ".join(text[left + 1:right].split())


def sample(n_texts: int = 30, per_kind: int = 25, seed: int = 0) -> list[dict]:
    from poiju_nlp.errors import PoijuError
    from poiju_nlp.scoring import score

    by_kind: dict[str, list[dict]] = defaultdict(list)
    for t in load_real_texts(split="test", limit=n_texts, seed=seed):
        try:
            report = score(t.text)
        except PoijuError:
            continue
        for f in report.findings:
            context = f.text if f.kind == "hard_sentence" else sentence_around(t.text, f.start, f.end)
            flagged = ", ".join(p["text"] for p in f.parts) if f.kind == "hard_sentence" else f.text
            by_kind[f.kind].append({"text_id": t.id, "kind": f.kind, "severity": f.severity, "flagged": flagged,
                                    "context": context, "reason": f.reason, "suggestion": f.suggestion,
                                    "replacement": f.replacement, "count": f.count})
    rng = random.Random(seed)
    out = []
    for kind in sorted(by_kind):
        items = by_kind[kind]
        out += rng.sample(items, min(per_kind, len(items)))
    for n, item in enumerate(out, 1):
        item["id"] = f"f{n:03d}"
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--texts", type=int, default=30)
    ap.add_argument("--per-kind", type=int, default=25)
    ap.add_argument("--out", default="/tmp/poiju-findings-sample.jsonl")
    args = ap.parse_args()
    if not available():
        print("../shared/data puuttuu: otosta ei voi tehdä.")
        return 1
    items = sample(args.texts, args.per_kind)
    with open(args.out, "w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps({"id": item.pop("id"), **item}, ensure_ascii=False) + "\n")
    counts = defaultdict(int)
    for item in items:
        counts[item["kind"]] += 1
    print(f"{len(items)} findings -> {args.out}: {dict(counts)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
