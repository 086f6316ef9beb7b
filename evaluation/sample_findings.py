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

``--draw screen`` (the default since round 4 of the review) draws only from what a teacher sees first: the first
``FIRST_SCREEN`` findings of each text (the cards before "Näytä kaikki"), each kind in proportion to how often it is
on those first screens, so the reviewers' shares per kind weigh as the teacher's screen does. ``--draw kind`` is the
older sample shared evenly over the kinds. ``--kinds-out`` writes the per-kind frequencies on the first screens.
``--like EARLIER.jsonl`` draws as many findings of each kind as an earlier sample has (where the first screens have
that many; the rest is shared in proportion to what is left), so two review rounds weigh the kinds alike.
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


def _proportional(counts: dict[str, int], total: int) -> dict[str, int]:
    """``total`` shared over the kinds in proportion to ``counts`` (largest remainder).

    >>> _proportional({"a": 30, "b": 10, "c": 1}, 10)
    {'a': 7, 'b': 3, 'c': 0}
    """
    n = sum(counts.values()) or 1
    exact = {k: total * c / n for k, c in counts.items()}
    out = {k: int(v) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: out[k] - exact[k])[:total - sum(out.values())]:
        out[k] += 1
    return out


def sample(n_texts: int = 120, total: int = 150, seed: int = 0, draw: str = "screen",
           only: str | None = None) -> list[dict]:
    return _sample(n_texts, total, seed, draw, only=only)[0]


def like_counts(path: str) -> dict[str, int]:
    """Findings per kind in an earlier sample (JSONL), to draw a new one with the same balance."""
    counts: dict[str, int] = defaultdict(int)
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                counts[json.loads(line)["kind"]] += 1
    return dict(counts)


def _sample(n_texts: int, total: int, seed: int, draw: str,
            like: dict[str, int] | None = None, only: str | None = None) -> tuple[list[dict], dict[str, int]]:
    from poiju_nlp.errors import PoijuError
    from poiju_nlp.scoring import score
    from poiju_nlp.scoring.select import FIRST_SCREEN
    from poiju_nlp.text.validate import validate_text

    by_kind: dict[str, list[dict]] = defaultdict(list)
    on_screen: dict[str, int] = defaultdict(int)
    for t in load_real_texts(split="test", limit=n_texts, seed=seed):
        try:
            text = validate_text(t.text)  # the offsets of the findings are into the checked text
            report = score(text)
        except PoijuError:
            continue
        findings = report.findings[:FIRST_SCREEN] if draw == "screen" else report.findings
        for f in findings:
            if only and f.kind != only:
                continue
            on_screen[f.kind] += 1
            if f.kind in ("passive", "unknown_word", "university_word") and len(f.occurrences or []) > 1:
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
    shares = _proportional({k: on_screen[k] for k in kinds}, total) if draw == "screen" else None
    if like:  # an earlier sample's balance; a kind with fewer findings now gives its share to the others
        wanted = _proportional(like, total)  # the earlier balance scaled to this sample's size
        shares = {k: wanted.get(k, 0) for k in kinds}
        spare = total - sum(min(v, len(by_kind[k])) for k, v in shares.items())
        room = {k: len(by_kind[k]) - min(shares[k], len(by_kind[k])) for k in kinds}
        extra = _proportional({k: room[k] for k in kinds if room[k] > 0}, spare) if spare > 0 else {}
        shares = {k: min(shares[k], len(by_kind[k])) + min(extra.get(k, 0), room[k]) for k in kinds}
    for n, kind in enumerate(kinds):
        share = shares[kind] if shares else quota // (len(kinds) - n)
        items = rng.sample(by_kind[kind], min(share, len(by_kind[kind])))
        quota -= len(items)
        out += items
    rng.shuffle(out)
    for n, item in enumerate(out, 1):
        item["id"] = f"f{n:03d}"
    return out, dict(on_screen)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--texts", type=int, default=120)
    ap.add_argument("--total", type=int, default=150)
    ap.add_argument("--seed", type=int, default=0, help="another seed draws other texts and findings")
    ap.add_argument("--out", default="/tmp/poiju-findings-sample.jsonl")
    ap.add_argument("--draw", choices=("screen", "kind"), default="screen",
                    help="screen: in proportion to the kinds on the teacher's first screen; kind: evenly per kind")
    ap.add_argument("--kinds-out", help="write the per-kind frequencies on the first screens (JSON) here")
    ap.add_argument("--only", help="sample only this kind (e.g. university_word, with --draw kind: it waits behind "
                                   "'Näytä kaikki', so it is drawn from all findings)")
    ap.add_argument("--like", help="draw as many findings of each kind as this earlier sample (JSONL) has, where "
                                   "the first screens have them (a review round comparable with the last)")
    args = ap.parse_args()
    if not available():
        print("../shared/data puuttuu: otosta ei voi tehdä.")
        return 1
    items, on_screen = _sample(args.texts, args.total, args.seed, args.draw,
                               like_counts(args.like) if args.like else None, args.only)
    if args.kinds_out:
        n = sum(on_screen.values()) or 1
        with open(args.kinds_out, "w", encoding="utf-8") as f:
            json.dump({"texts_split": "test", "texts": args.texts, "seed": args.seed, "draw": args.draw,
                       "findings_counted": n, "count": on_screen, "like": args.like,
                       "share": {k: round(v / n, 4) for k, v in sorted(on_screen.items(), key=lambda x: -x[1])}},
                      f, ensure_ascii=False, indent=1)
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
