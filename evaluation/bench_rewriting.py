"""Rewriting benchmark: identity baseline, lexicon-only baseline and the full rule-based rewriter, in the same run,
on corpora/annotated/rewrite_pairs.jsonl (or any JSONL with ``original`` and ``plain``, optional ``facts``).

Metrics per system: SARI against the hand-written plain reference (own implementation,
poiju_nlp/rewriting/sari.py, tested against the public vectors), plainness gain (score after - before), LIX change
(%), mean meaning similarity (e5 sentence coverage), fact preservation rate (annotated facts, else the guard's
facts), unknown-word rate (rewrites adding a word Voikko does not know), words/s. Primary: SARI of the full rewriter.

    .venv/bin/python -m evaluation.bench_rewriting [--quick] [--data FILE.jsonl]

Real text (issue 12), reported apart from the own pairs: the same three systems on real Aalto and ePerusteet texts
(evaluation/real_text.py, ``--split test`` by default; ``--quick``: a seeded sample of 40), with no reference:
share of texts changed (also among texts where the scorer finds something), LIX, Wiio W9, rare-word share (Zipf < 3
of base forms), mean sentence length, facts kept, Voikko-unknown words and grammar-checker findings added, words/s
after the first text and CPU seconds per 1000 words (load-independent), edits per rule and guard rejections by
reason. Writes 100 random edits of the full rewriter with their context for blind review
(evaluation/rubrics/rewrite.md); ``--score-review LABELS.jsonl`` gives the good share per rule.

    .venv/bin/python -m evaluation.bench_rewriting --real [--quick] [--split dev|test|all] [--limit N]
        [--sample-out PATH] [--dump PATH]
    .venv/bin/python -m evaluation.bench_rewriting --score-review LABELS.jsonl [--sample SAMPLE.jsonl]
"""
from __future__ import annotations

import argparse
import copy
import json
import random
import re
import sys
import time
from collections import Counter
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


# --- Real text (issue 12): texts nobody on the team wrote, no references -----------------------------------------

REAL_QUICK_TEXTS = 40
REVIEW_SAMPLE_SIZE = 100
REVIEW_SAMPLE = ROOT / "evaluation" / "results" / "rewrite_review_sample.jsonl"
RARE_ZIPF = 3.0  # a base form rarer than this (wordfreq Zipf, Finnish) counts as a rare word
CONTENT_POS = ("NOUN", "VERB", "ADJ", "ADV")
FACT_KINDS = (("uusi luku", "numbers_added"), ("luku", "numbers"), ("nimi", "names"), ("verkko-osoite", "urls"),
              ("sähköposti", "emails"))


def real_systems() -> dict:
    """name -> function(text) -> (rewrite, edits, rejected): the baselines and the full rewriter, as a user calls
    them (the full one through ``rewrite()``, input checks included)."""
    from poiju_nlp.rewriting import rewrite
    from poiju_nlp.rewriting.rewriter import rule_rewrite

    def lexicon_only(t):
        r = rule_rewrite(t, rules=["lexicon"])
        return r.rewrite, r.edits, r.rejected

    def full(t):
        r = rewrite(t)
        return r.rewrite, r.edits, r.rejected

    return {"identity": lambda t: (t, [], []), "lexicon_only": lexicon_only, "full": full}


def text_measures(text: str) -> dict:
    """Reference-free measures of one text: LIX, Wiio W9, rare-word share (base forms with wordfreq Zipf < 3 among
    content words), mean sentence length, words, and whether the scorer finds anything to change."""
    from wordfreq import zipf_frequency

    from poiju_nlp.scoring import score_analysis
    from poiju_nlp.scoring.metrics import LONG_WORD_LETTERS, compute_metrics
    from poiju_nlp.text import analyze

    a = analyze(text, check_language=False)
    m = compute_metrics(a)
    content = [t for t in a.words if t.pos in CONTENT_POS and not t.text.isupper()]
    rare = sum(zipf_frequency(t.base, "fi") < RARE_ZIPF for t in content) / len(content) if content else 0.0
    report = score_analysis(a)
    # what LIX is made of: LIX = mean sentence length + % long words; of the long words, how many are long in
    # their base form too (no inflection makes them short) and how many have a rare base form
    long_words = [t for t in a.words if sum(c.isalpha() for c in t.text) > LONG_WORD_LETTERS]
    long_base = sum(sum(c.isalpha() for c in t.base) > LONG_WORD_LETTERS for t in long_words)
    long_rare = sum(zipf_frequency(t.base, "fi") < RARE_ZIPF for t in long_words)
    return {"lix": m["lix"], "wiio_w9": m["wiio_w9"], "rare_share": rare,
            "mean_sentence_length": m["mean_sentence_length"], "words": int(m["words"]),
            "long_words": len(long_words), "long_base_words": long_base, "long_rare_words": long_rare,
            "plainness": report.score, "has_findings": bool(report.findings)}


def grammar_findings(text: str) -> Counter:
    """Voikko grammar-checker findings by error code (poiju_nlp.rewriting.guard.grammar_findings: the guard checks
    each edit with the same function)."""
    from poiju_nlp.rewriting.guard import grammar_findings as findings

    return findings(text)


def fact_kinds(problems: list[str]) -> Counter:
    """Guard fact problems by kind (numbers covers dates, times, credits and prices as written)."""
    out: Counter = Counter()
    for p in problems:
        out[next((kind for prefix, kind in FACT_KINDS if p.startswith(prefix)), "other")] += 1
    return out


def rule_parts(rule: str) -> list[str]:
    """A pass-2 edit merged with a pass-1 edit is named 'a+b': count both rules."""
    return [r for r in rule.split("+") if r]


def rejection_reason(r) -> str:
    """The kind of a rejection: its check and its Finnish reason without the details after ':' or '('."""
    d = _as_dict(r)
    why = re.split(r"[:(]", str(d.get("reason") or d.get("why") or ""), maxsplit=1)[0].strip() or "?"
    return f"{d['check']}: {why}" if d.get("check") else why


def edit_context(text: str, edits: list, edit) -> tuple[str, str]:
    """The sentence(s) around ``edit`` in the original, and the same span with every edit inside it applied."""
    from poiju_nlp.rewriting.edits import apply_edits

    ends = [m.end() for m in re.finditer(r"[.!?](?=\s)|\n", text)]
    start = max([p for p in ends if p <= edit.start] or [0])
    end = min([p for p in ends if p >= max(edit.end, edit.start + 1)] or [len(text)])
    inside = [e for e in edits if start <= e.start and e.end <= end]
    local = [copy.copy(e) for e in inside]
    for e in local:
        e.start, e.end = e.start - start, e.end - start
    return text[start:end].strip(), apply_edits(text[start:end], local).strip()


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def _summary(rows: list[dict], timing: list[tuple[int, float, float]]) -> dict:
    """Figures of one system over its rows (one per text); ``timing``: (words, wall s, CPU s) per text in order."""
    n = len(rows)
    with_findings = [r for r in rows if r["before"]["has_findings"]]
    out = {"texts": n, "errors": sum(bool(r["error"]) for r in rows),
           "changed_share": round(_mean(r["changed"] for r in rows), 4),
           "texts_with_findings": len(with_findings),
           "changed_share_where_findings": round(_mean(r["changed"] for r in with_findings), 4)}
    for key in ("lix", "wiio_w9", "rare_share", "mean_sentence_length", "plainness"):
        b, a = _mean(r["before"][key] for r in rows), _mean(r["after"][key] for r in rows)
        out[f"{key}_before"], out[f"{key}_after"] = round(b, 4), round(a, 4)
        out[f"{key}_change"] = round(a - b, 4)
        if key in ("lix", "wiio_w9"):
            out[f"{key}_change_pct"] = round(100 * (a - b) / b, 2) if b else 0.0
    words = sum(r["before"]["words"] for r in rows)
    long_words = sum(r["before"]["long_words"] for r in rows)
    if words and long_words:  # (the text before: what a rewrite could change at all)
        out["lix_parts_before"] = {
            "sentence_length_part": round(out["mean_sentence_length_before"], 2),
            "long_word_part": round(out["lix_before"] - out["mean_sentence_length_before"], 2),
            "long_word_share": round(long_words / words, 4),
            "long_in_base_form_share_of_long": round(sum(r["before"]["long_base_words"] for r in rows) / long_words, 4),
            "rare_base_share_of_long": round(sum(r["before"]["long_rare_words"] for r in rows) / long_words, 4)}
    problems: Counter = Counter()
    for r in rows:
        problems.update(fact_kinds(r["fact_problems"]))
    out["facts_kept"] = round(_mean(not r["fact_problems"] for r in rows), 4)
    out["fact_problems_by_kind"] = dict(problems)
    out["unknown_words_added"] = sum(len(r["unknown_added"]) for r in rows)
    out["texts_with_unknown_words_added"] = sum(bool(r["unknown_added"]) for r in rows)
    out["grammar_findings_added"] = sum(r["grammar_added"] for r in rows)
    out["texts_with_grammar_findings_added"] = sum(r["grammar_added"] > 0 for r in rows)
    rest = timing[1:]
    words, wall, cpu = sum(t[0] for t in rest), sum(t[1] for t in rest), sum(t[2] for t in rest)
    out["first_text_seconds"] = round(timing[0][1], 2) if timing else 0.0
    out["words_per_second"] = round(words / wall, 1) if wall > 0 else None
    out["cpu_seconds_per_1000_words"] = round(1000 * cpu / words, 2) if words else None
    per_rule: Counter = Counter()
    for r in rows:
        for e in r["edits"]:
            per_rule.update(rule_parts(e.rule))
    out["edits"] = sum(len(r["edits"]) for r in rows)
    out["edits_per_rule"] = dict(per_rule.most_common())
    rejected: Counter = Counter()
    for r in rows:
        rejected.update(rejection_reason(x) for x in r["rejected"])
    out["rejected"] = sum(rejected.values())
    out["rejected_by_reason"] = dict(rejected.most_common())
    return out


def run_real(texts, systems: dict | None = None, sample_out: Path | str | None = REVIEW_SAMPLE,
             sample_size: int = REVIEW_SAMPLE_SIZE, seed: int = 0, dump: Path | str | None = None,
             progress=None) -> dict:
    """Every system on every text (interleaved text by text, so that load on a shared machine hits all alike).
    Writes ``sample_size`` random edits of the last system (the full rewriter) with their context to
    ``sample_out`` for blind review, and every rewrite to ``dump`` (JSONL) when given."""
    from poiju_nlp.rewriting.guard import fact_problems, unknown_words_added

    systems = systems or real_systems()
    rows = {name: [] for name in systems}
    timing = {name: [] for name in systems}
    measured: dict[str, dict] = {}
    grammar: dict[str, Counter] = {}

    def measures(t: str) -> dict:
        if t not in measured:
            measured[t] = text_measures(t)
        return measured[t]

    def findings(t: str) -> Counter:
        if t not in grammar:
            grammar[t] = grammar_findings(t)
        return grammar[t]

    dump_f = open(dump, "w", encoding="utf-8") if dump else None
    try:
        for k, item in enumerate(texts):
            original = item.text
            before = measures(original)
            for name, system in systems.items():
                w0, c0 = time.perf_counter(), time.process_time()
                error = ""
                try:
                    new, edits, rejected = system(original)
                except Exception as err:  # a failure is a figure of the benchmark, not the end of it
                    new, edits, rejected, error = original, [], [], f"{type(err).__name__}: {err}"
                timing[name].append((len(original.split()), time.perf_counter() - w0, time.process_time() - c0))
                # changed = made an edit: the input checks drop control characters, which is no rewrite
                rows[name].append({
                    "id": item.id, "source": item.source, "changed": bool(edits), "error": error,
                    "before": before, "after": measures(new), "edits": edits, "rejected": rejected,
                    "fact_problems": fact_problems(original, new) if new != original else [],
                    "unknown_added": unknown_words_added(original, new) if new != original else [],
                    "grammar_added": sum((findings(new) - findings(original)).values()) if new != original else 0,
                })
                if dump_f:
                    dump_f.write(json.dumps({"id": item.id, "system": name, "original": original, "rewrite": new,
                                             "edits": [e.to_dict() for e in edits],
                                             "rejected": [_as_dict(x) for x in rejected], "error": error},
                                            ensure_ascii=False) + "\n")
            if progress:
                progress(k + 1, len(texts), item.id)
    finally:
        if dump_f:
            dump_f.close()
    out = {"texts": len(texts), "sources": dict(Counter(t.source for t in texts)),
           "words": sum(len(t.text.split()) for t in texts), "machine": machine(), "systems": {}}
    for name in systems:
        out["systems"][name] = _summary(rows[name], timing[name])
        out["systems"][name]["by_source"] = {
            src: {k: v for k, v in _summary([r for r in rows[name] if r["source"] == src],
                                             [t for r, t in zip(rows[name], timing[name]) if r["source"] == src])
                  .items() if k in ("texts", "changed_share", "changed_share_where_findings", "lix_change_pct",
                                    "rare_share_change", "edits")}
            for src in out["sources"]}
    out["errors"] = {name: [(r["id"], r["error"]) for r in rows[name] if r["error"]][:20] for name in systems}
    last = list(systems)[-1]
    sample = review_sample(texts, rows[last], sample_size, seed)
    if sample_out:
        path = Path(sample_out)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sample), encoding="utf-8")
        out["review_sample"] = {"path": str(path), "edits": len(sample), "system": last, "seed": seed}
    return out


def _as_dict(x) -> dict:
    return x if isinstance(x, dict) else x.to_dict()


def review_sample(texts, rows: list[dict], size: int = REVIEW_SAMPLE_SIZE, seed: int = 0) -> list[dict]:
    """``size`` random edits (seeded) with the sentence before and after, for reviewers who never see the code."""
    from poiju_nlp.text import validate_text

    by_id = {t.id: t for t in texts}
    every = []
    for r in rows:
        # the edits' offsets are in the text the rewriter read: cleaned of control characters ('\x8a') and
        # normalised (blind review 4 saw 'työhösi.ä.' where the raw text shifted them)
        text = validate_text(by_id[r["id"]].text, check_language=False)
        for k, e in enumerate(sorted(r["edits"], key=lambda e: e.start)):
            every.append((r["id"], k, text, r["edits"], e))
    rng = random.Random(seed)
    picked = rng.sample(every, min(size, len(every)))
    out = []
    for text_id, k, text, edits, e in picked:
        before, after = edit_context(text, edits, e)
        out.append({"id": f"{text_id}#{k}", "text_id": text_id, "rule": e.rule, "original": e.original,
                    "replacement": e.replacement, "reason": e.reason, "before": before, "after": after})
    return out


def top_up_sample(sample: list[dict], made: Counter, pool, min_per_rule: int, seed: int = 0,
                  max_texts: int = 300, progress=None) -> list[dict]:
    """Extra edits so that every rule that made edits (``made``: edits per rule in the main run) has at least
    ``min_per_rule`` in the review sample: more texts of ``pool`` are rewritten in a seeded order until the rare
    rules have enough edits (or ``max_texts`` were read), and the extra edits are drawn at random among them. The
    result is shuffled, so nothing in a line or its place tells how it was drawn."""
    from poiju_nlp.rewriting import rewrite

    def count(lines):
        c: Counter = Counter()
        for x in lines:
            c.update(set(rule_parts(x["rule"])))
        return c

    have = count(sample)
    need = {r: min_per_rule - have[r] for r in made if have[r] < min_per_rule}
    rng = random.Random(seed)
    order = list(pool)
    rng.shuffle(order)
    found: dict[str, list[dict]] = {r: [] for r in need}
    seen = {x["id"] for x in sample}
    for k, item in enumerate(order[:max_texts]):
        if all(len(found[r]) >= 2 * n for r, n in need.items()):
            break
        try:
            r = rewrite(item.text)
        except Exception:  # (a text the rewriter refuses gives no edits to review)
            continue
        rows = [{"id": item.id, "edits": r.edits}]
        for line in review_sample([item], rows, size=len(r.edits), seed=seed):
            if line["id"] in seen:
                continue
            for rule in set(rule_parts(line["rule"])) & set(need):
                found[rule].append(line)
        if progress:
            progress(k + 1, min(len(order), max_texts), item.id)
    out = list(sample)
    for rule, n in sorted(need.items()):
        taken = {x["id"] for x in out}
        candidates = [x for x in found[rule] if x["id"] not in taken]
        out += rng.sample(candidates, min(max(0, min_per_rule - count(out)[rule]), len(candidates)))
    rng.shuffle(out)
    return out


def score_review(labels_path, sample_path=REVIEW_SAMPLE) -> dict:
    """Good share per rule for a labels file (one JSON per line: id, good) joined to the review sample by id."""
    from evaluation.common import read_jsonl

    rule_of = {s["id"]: s["rule"] for s in read_jsonl(sample_path)} if Path(sample_path).exists() else {}
    per_rule: dict[str, list[bool]] = {}
    total = []
    for label in read_jsonl(labels_path):
        rule = label.get("rule") or rule_of.get(label["id"], "?")
        total.append(bool(label["good"]))
        for part in rule_parts(rule):  # an edit of two steps ('a+b') counts for both rules
            per_rule.setdefault(part, []).append(bool(label["good"]))
    rules = {r: {"good": sum(g), "labelled": len(g), "good_share": round(sum(g) / len(g), 3)}
             for r, g in sorted(per_rule.items(), key=lambda kv: sum(kv[1]) / len(kv[1]))}
    return {"rules": rules, "labelled": len(total), "good_share": round(sum(total) / len(total), 3) if total else None}


def real_markdown(result: dict) -> str:
    keys = ["changed_share", "changed_share_where_findings", "lix_change_pct", "wiio_w9_change", "rare_share_change",
            "mean_sentence_length_after", "facts_kept", "unknown_words_added", "grammar_findings_added",
            "words_per_second", "cpu_seconds_per_1000_words", "edits", "rejected"]
    lines = [f"Real texts: {result['texts']} ({result['sources']}), {result['words']} words",
             "| system | " + " | ".join(keys) + " |", "|---" * (len(keys) + 1) + "|"]
    for name, m in result["systems"].items():
        lines.append(f"| {name} | " + " | ".join(str(m.get(k)) for k in keys) + " |")
    full = list(result["systems"].values())[-1]
    lines += ["", f"LIX {full['lix_before']:.1f} -> {full['lix_after']:.1f}; W9 {full['wiio_w9_before']:.2f} -> "
              f"{full['wiio_w9_after']:.2f}; rare {full['rare_share_before']:.3f} -> {full['rare_share_after']:.3f}; "
              f"sentence length {full['mean_sentence_length_before']:.1f} -> {full['mean_sentence_length_after']:.1f}; "
              f"first text {full['first_text_seconds']} s",
              "Edits per rule: " + ", ".join(f"{k} {v}" for k, v in full["edits_per_rule"].items()),
              "Rejected by reason: " + ", ".join(f"{k} {v}" for k, v in full["rejected_by_reason"].items()),
              "Fact problems: " + ", ".join(f"{k} {v}" for k, v in full["fact_problems_by_kind"].items())]
    parts = full.get("lix_parts_before")
    if parts:
        lines.append(f"LIX before = sentence length {parts['sentence_length_part']} + long words "
                     f"{parts['long_word_part']} ({100 * parts['long_word_share']:.1f} % of words); of the long words "
                     f"{100 * parts['long_in_base_form_share_of_long']:.1f} % are long in the base form too, "
                     f"{100 * parts['rare_base_share_of_long']:.1f} % have a rare base form")
    if any(result["errors"].values()):
        lines.append("Errors: " + json.dumps(result["errors"], ensure_ascii=False)[:1000])
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="own pairs: 8; --real: a seeded sample of ~40 texts")
    parser.add_argument("--data", help="own-pairs mode: JSONL with original and plain")
    parser.add_argument("--real", action="store_true", help="real Aalto + ePerusteet texts, no references")
    parser.add_argument("--split", default="test", choices=["dev", "test", "all"])
    parser.add_argument("--limit", type=int, help="--real: a seeded sample of this many texts")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sample-out", default=str(REVIEW_SAMPLE), help="--real: where the review sample goes")
    parser.add_argument("--dump", help="--real: every rewrite of every system as JSONL")
    parser.add_argument("--min-per-rule", type=int, default=0,
                        help="--real: top the review sample up from more texts of the split so that every rule "
                             "that made edits has at least this many")
    parser.add_argument("--score-review", metavar="LABELS.jsonl", help="good share per rule of a labels file")
    parser.add_argument("--sample", default=str(REVIEW_SAMPLE), help="--score-review: the sample the labels are of")
    args = parser.parse_args(argv)
    if args.score_review:
        print(json.dumps(score_review(args.score_review, args.sample), ensure_ascii=False, indent=2))
        return
    if args.real:
        from evaluation.real_text import available, load_real_texts

        if not available():
            print("No real texts here (../shared/data); nothing to measure.")
            return
        limit = args.limit or (REAL_QUICK_TEXTS if args.quick else None)
        texts = load_real_texts(split=args.split, limit=limit, seed=args.seed)
        res = run_real(texts, sample_out=args.sample_out, seed=args.seed, dump=args.dump,
                       progress=lambda k, n, i: print(f"[{k}/{n}] {i}", file=sys.stderr, flush=True))
        res.update({"split": args.split, "quick": args.quick, "limit": limit, "seed": args.seed})
        if args.min_per_rule and args.sample_out:
            from evaluation.common import read_jsonl

            used = {t.id for t in texts}
            pool = [t for t in load_real_texts(split=args.split) if t.id not in used]
            made = Counter(res["systems"]["full"]["edits_per_rule"])
            sample = top_up_sample(list(read_jsonl(args.sample_out)), made, pool, args.min_per_rule, seed=args.seed,
                                   progress=lambda k, n, i: print(f"[extra {k}/{n}] {i}", file=sys.stderr,
                                                                  flush=True))
            Path(args.sample_out).write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in sample),
                                             encoding="utf-8")
            res["review_sample"]["edits"] = len(sample)
            res["review_sample"]["min_per_rule"] = args.min_per_rule
        print(real_markdown(res))
        print("->", write_result("rewriting_real_quick" if limit else "rewriting_real", res))
        return
    res = run(quick=args.quick, data=args.data)
    print(markdown(res))
    if not args.quick and not args.data:
        print("->", write_result("rewriting", res))


if __name__ == "__main__":
    main()
