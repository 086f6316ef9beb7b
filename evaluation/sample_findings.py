"""Sample the teacher's findings on real test-split texts for a blind review (rubric: evaluation/rubrics/findings.md).

    python -m evaluation.sample_findings [--texts 120] [--total 150] [--seed 0] [--out /path/findings_sample.jsonl]

Each line: ``{"id", "text_id", "source", "kind", "severity", "flagged", "context", "reason", "suggestion",
"replacement", "count"}``, where ``context`` is the sentence the finding is in (the whole hard sentence for a
sentence finding; for a finding that gathers several places, such as all passives of a text, the sentences of its
first three places joined by " | ") and ``flagged`` the words it points at. ``source`` says what kind of text it
is (an Aalto university course, or an ePerusteet vocational, upper-secondary or adult basic-education unit). The
sample holds real text from ../shared/data, so it is written outside the repository (default:
/tmp/poiju-findings-sample.jsonl) and never committed. Stratified by kind: ``--total`` findings shared evenly over
the kinds (a kind with fewer findings gives its share to the others), drawn with a fixed seed so the same sample
comes back.
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


def _context(text: str, f) -> str:
    if f.kind == "hard_sentence":
        return f.text
    places = f.occurrences or [[f.start, f.end]]
    sentences = list(dict.fromkeys(sentence_around(text, a, b) for a, b in places[:3]))
    return " | ".join(sentences)


def _source(t) -> str:
    return "Aalto-yliopiston kurssi" if t.source == "aalto" else f"ePerusteet: {t.kind or 'opetussuunnitelma'}"


def sample(n_texts: int = 120, total: int = 150, seed: int = 0) -> list[dict]:
    from poiju_nlp.errors import PoijuError
    from poiju_nlp.scoring import score
    from poiju_nlp.text.validate import validate_text

    by_kind: dict[str, list[dict]] = defaultdict(list)
    for t in load_real_texts(split="test", limit=n_texts, seed=seed):
        try:
            text = validate_text(t.text)  # the offsets of the findings are into the checked text
            report = score(text)
        except PoijuError:
            continue
        for f in report.findings:
            if f.kind in ("passive", "unknown_word") and len(f.occurrences or []) > 1:
                flagged = ", ".join(dict.fromkeys(text[a:b] for a, b in f.occurrences))
            else:
                flagged = ", ".join(p["text"] for p in f.parts) if f.kind == "hard_sentence" else f.text
            by_kind[f.kind].append({"text_id": t.id, "source": _source(t), "kind": f.kind, "severity": f.severity,
                                    "flagged": flagged, "context": _context(text, f), "reason": f.reason,
                                    "suggestion": f.suggestion, "replacement": f.replacement, "count": f.count})
    for kind, items in by_kind.items():  # ePerusteet repeats some paragraphs word for word: one of each
        by_kind[kind] = list({(i["kind"], i["flagged"], i["context"]): i for i in items}.values())
    rng = random.Random(seed)
    out = []
    quota, kinds = total, sorted(by_kind, key=lambda k: len(by_kind[k]))
    for n, kind in enumerate(kinds):
        share = quota // (len(kinds) - n)
        items = rng.sample(by_kind[kind], min(share, len(by_kind[kind])))
        quota -= len(items)
        out += items
    rng.shuffle(out)
    for n, item in enumerate(out, 1):
        item["id"] = f"f{n:03d}"
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--texts", type=int, default=120)
    ap.add_argument("--total", type=int, default=150)
    ap.add_argument("--seed", type=int, default=0, help="another seed draws other texts and findings")
    ap.add_argument("--out", default="/tmp/poiju-findings-sample.jsonl")
    args = ap.parse_args()
    if not available():
        print("../shared/data puuttuu: otosta ei voi tehdä.")
        return 1
    items = sample(args.texts, args.total, args.seed)
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
