"""Scoring benchmark: span precision/recall/F1, pair accuracy and ROC AUC against simple baselines in the same
run, throughput as a ratio to spaCy-fi parsing alone, and the score distribution on real Aalto courses.

    python -m evaluation.bench_scoring [--quick] [--data SENTENCES.jsonl]

Spans: a predicted finding matches a gold span when they overlap (kind-agnostic: "is this a stumbling point").
A teacher's finding covers every occurrence of its word (``occurrences``); a hard sentence covers only the words it
names (``parts``: -minen words, passives, genitive chains, hard words), never the whole sentence. long_sentence is
scored separately at sentence level (a hard_sentence finding whose reasons include "long").

Gold and blind review disagree on some words: the team's gold marks *opintojakso* as a term 109 times and
*osaamistavoite* 9 times, while the blind reviewers of the teacher's findings on real text judged every finding on
them wrong (rounds 2-4); the screen follows the reviewers (corpora/lexicon/screen_familiar.tsv). ``spans.poiju`` is
recall against the full gold; ``spans.poiju_review_consistent_gold`` leaves out the gold spans on words blind
reviewers called familiar (the lexicon review and screen_familiar.tsv). Both are reported; neither replaces the other.
Since the ``university_word`` finding (scoring/university_words.py) these university-administration words are named
again, once per text in one low-priority finding whose every occurrence counts as a span.

Real text (issue 14, when ../shared/data is present): findings per 100 words on the dev and test splits, suggestions
that are not Finnish words, real Finnish course sentences the language check refuses, and how well the plainness
score separates real course sentences from plain Finnish sentences (ROC AUC; evaluation/data/plain_fi.jsonl when an
openly licensed plain set is there, else the team's own plain references, reported as such). Pair accuracy uses the calibrated score; because the
calibration was fitted on the same pairs, the cross-validated figure (folds grouped by pair) is the honest one.
Goals (issue 3): pair accuracy >= 0.95 and above every baseline; span F1 >= 0.8; throughput >= 0.8 x spaCy.

The AUC goal of issue 14 (>= 0.95 against REAL plain Finnish under an open licence) is blocked: no such text is on
this machine. Checked (December 2026, round 2): ../shared/data (Aalto, ePerusteet, ESCO, Kotus word list: no plain
texts), the stored public web pages and code corpora (only articles *about* selkokieli, news sites' plain-language
pages without an open licence, lists of corpora that must be downloaded); InfoFinland's selkosuomi pages (CC BY 4.0)
are not reachable offline. Until such a set is put in evaluation/data/plain_fi.jsonl the figure below uses the team's
own plain references and is reported as such; it is not the goal's figure.
"""
from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from pathlib import Path

import numpy as np

from .common import SHARED_DATA, bootstrap_ci, corpus_path, machine, read_jsonl, write_result

WORD_KINDS_EXCLUDED = {"long_sentence"}
PLAIN_SET = Path(__file__).resolve().parent / "data" / "plain_fi.jsonl"


def predicted_spans(report) -> list[tuple[int, int, str]]:
    """What the teacher sees highlighted: every occurrence of a word finding and the named parts of a hard
    sentence (not the sentence itself, which would overlap every gold span in it)."""
    out = []
    for f in report.findings:
        if f.kind in ("hard_sentence", "long_sentence"):
            out += [(p["start"], p["end"], p["kind"]) for p in f.parts]
        else:
            out += [(a, b, f.kind) for a, b in (f.occurrences or [[f.start, f.end]])]
    return out


def is_long_sentence_finding(f) -> bool:
    return f.kind == "long_sentence" or (f.kind == "hard_sentence" and "long" in f.reasons)


def gold_spans(item: dict, confirmed_only: bool = False) -> list[tuple[int, int, str]]:
    """The annotated spans of one sentence. ``confirmed_only``: only those both blind reviewers judged a stumbling
    point for a working-life reader (the span's ``review`` is ["yes", "yes"]; corpora/annotated/README.md)."""
    text, spans = item["text"], []
    for j in item.get("jargon", []):
        if confirmed_only and j.get("review") != ["yes", "yes"]:
            continue
        occurrence = j.get("occurrence", 1)
        start = -1
        for _ in range(occurrence):
            start = text.find(j["text"], start + 1)
        if start >= 0:
            spans.append((start, start + len(j["text"]), j["kind"]))
    return spans


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def span_prf(pred: list[list[tuple]], gold: list[list[tuple]]) -> dict:
    tp_p = n_p = tp_g = n_g = 0
    for p, g in zip(pred, gold):
        n_p += len(p)
        n_g += len(g)
        tp_p += sum(any(_overlap(x, y) for y in g) for x in p)
        tp_g += sum(any(_overlap(y, x) for x in p) for y in g)
    precision = tp_p / n_p if n_p else 0.0
    recall = tp_g / n_g if n_g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "predicted": n_p, "gold": n_g}


def _words(text: str) -> list[tuple[int, int, str]]:
    import re

    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)*", text)]


def baseline_rare_spans(text: str) -> list[tuple]:
    """Rare-word baseline: surface forms with wordfreq Zipf < 2.5 (no lemmas, no compounds)."""
    from wordfreq import zipf_frequency

    return [(s, e, "rare") for s, e, w in _words(text) if len(w) > 3 and zipf_frequency(w.lower(), "fi") < 2.5]


def baseline_long_spans(text: str) -> list[tuple]:
    """Long-word baseline: words of 13+ letters (what a length formula would point at)."""
    return [(s, e, "long") for s, e, w in _words(text) if len(w) >= 13]


def _lix_text(text: str) -> float:
    words = _words(text)
    sentences = max(1, sum(text.count(c) for c in ".!?"))
    return len(words) / sentences + 100 * sum(len(w) > 6 for *_, w in words) / max(1, len(words))


def _mean_word_len(text: str) -> float:
    words = _words(text)
    return sum(len(w) for *_, w in words) / max(1, len(words))


def _rare_share(text: str) -> float:
    from wordfreq import zipf_frequency

    words = _words(text)
    return sum(zipf_frequency(w.lower(), "fi") < 2.5 for *_, w in words) / max(1, len(words))


def roc_auc(labels: list[int], scores: list[float]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores))


def run(quick: bool = False, data: str | None = None) -> dict:
    from poiju_nlp.scoring import score
    from poiju_nlp.text import resources

    sentences = read_jsonl(data or corpus_path("annotated", "jargon_sentences.jsonl"))
    pairs = read_jsonl(corpus_path("annotated", "plainness_pairs.jsonl"))
    if quick:
        sentences = sentences[::2]
    result: dict = {"machine": machine(), "sentences": len(sentences), "pairs": len(pairs)}

    # --- spans ---------------------------------------------------------------------------------------------
    gold = [[g for g in gold_spans(s) if g[2] not in WORD_KINDS_EXCLUDED] for s in sentences]
    reports = [score(s["text"]) for s in sentences]
    pred = [predicted_spans(r) for r in reports]
    result["spans"] = {
        "poiju": span_prf(pred, gold),
        "baseline_rare_words": span_prf([baseline_rare_spans(s["text"]) for s in sentences], gold),
        "baseline_long_words": span_prf([baseline_long_spans(s["text"]) for s in sentences], gold),
    }
    per_kind = {}
    for kind in sorted({g[2] for gs in gold for g in gs}):
        gk = [[g for g in gs if g[2] == kind] for gs in gold]
        per_kind[kind] = {"recall": span_prf(pred, gk)["recall"], "gold": sum(map(len, gk))}
    result["spans"]["recall_by_gold_kind"] = per_kind
    # the same recall on the spans two blind reviewers confirmed (27 % of the team's gold; passives 0 of 106): the
    # team marked many words a working-life reader knows, so the full gold's recall rewards flagging familiar words
    confirmed = [[g for g in gold_spans(s, confirmed_only=True) if g[2] not in WORD_KINDS_EXCLUDED] for s in sentences]
    result["spans"]["poiju_on_review_confirmed_gold"] = span_prf(pred, confirmed)
    result["spans"]["confirmed_recall_by_gold_kind"] = {
        kind: {"recall": span_prf(pred, [[g for g in gs if g[2] == kind] for gs in confirmed])["recall"],
               "gold": sum(g[2] == kind for gs in confirmed for g in gs)}
        for kind in sorted({g[2] for gs in confirmed for g in gs})}
    # the same gold without the words the blind lexicon review judged familiar (corpora/lexicon/review.tsv)
    familiar = _familiar_lemmas()
    if familiar:
        from poiju_nlp.text import analyze

        gold_r = []
        for s_item, gs in zip(sentences, gold):
            a = analyze(s_item["text"], check_language=False)
            keep = []
            for g in gs:
                toks = [t for t in a.tokens if t.is_word and g[0] <= t.start and t.end <= g[1]]
                if g[2] in ("term", "loanword") and toks and all(t.base in familiar for t in toks):
                    continue
                keep.append(g)
            gold_r.append(keep)
        result["spans"]["poiju_review_consistent_gold"] = span_prf(pred, gold_r)
    words = sum(r.metrics["words"] for r in reports)
    result["spans"]["findings_per_100_words"] = round(100 * sum(len(r.findings) for r in reports) / max(1, words), 2)
    # sentence-level: long sentences
    gold_long = [any(j["kind"] == "long_sentence" for j in s["jargon"]) for s in sentences]
    pred_long = [any(is_long_sentence_finding(f) for f in r.findings) for r in reports]
    tp = sum(g and p for g, p in zip(gold_long, pred_long))
    result["long_sentence"] = {"precision": round(tp / max(1, sum(pred_long)), 4),
                               "recall": round(tp / max(1, sum(gold_long)), 4)}

    # --- pairs -----------------------------------------------------------------------------------------------
    acad = [score(p["academic"]).score for p in pairs]
    plain = [score(p["plain"]).score for p in pairs]
    oks = [float(b > a) for a, b in zip(acad, plain)]

    def pair_acc(fn, lower_is_plainer=True):
        vals = [float(fn(p["plain"]) < fn(p["academic"])) if lower_is_plainer
                else float(fn(p["plain"]) > fn(p["academic"])) for p in pairs]
        return round(float(np.mean(vals)), 4)

    from .calibrate_scoring import cross_validated_pair_accuracy, feature_rows, training_data

    cv = None
    if not quick:
        texts, y, groups, n_pairs = training_data()
        cv = round(cross_validated_pair_accuracy(feature_rows(texts), y, groups, n_pairs, C=10.0), 4)
    length_misleads = [i for i, p in enumerate(pairs) if p.get("length_misleads") == "longer_words"]
    result["pair_accuracy"] = {
        "poiju_in_sample": round(float(np.mean(oks)), 4),
        "poiju_in_sample_ci95": bootstrap_ci(oks),
        "poiju_cross_validated": cv,
        "poiju_on_length_misleads": round(float(np.mean([oks[i] for i in length_misleads])), 4)
        if length_misleads else None,
        "baseline_lix": pair_acc(_lix_text),
        "baseline_lix_on_length_misleads": round(float(np.mean(
            [_lix_text(pairs[i]["plain"]) < _lix_text(pairs[i]["academic"]) for i in length_misleads])), 4)
        if length_misleads else None,
        "baseline_mean_word_length": pair_acc(_mean_word_len),
        "baseline_rare_word_share": pair_acc(_rare_share),
    }
    labels = [0] * len(pairs) + [1] * len(pairs)
    texts = [p["academic"] for p in pairs] + [p["plain"] for p in pairs]
    result["roc_auc"] = {
        "poiju": round(roc_auc(labels, acad + plain), 4),
        "baseline_lix": round(roc_auc(labels, [-_lix_text(t) for t in texts]), 4),
        "baseline_mean_word_length": round(roc_auc(labels, [-_mean_word_len(t) for t in texts]), 4),
        "baseline_rare_word_share": round(roc_auc(labels, [-_rare_share(t) for t in texts]), 4),
    }

    # --- throughput ------------------------------------------------------------------------------------------
    docs = []
    for name in ("courses_a.jsonl", "courses_b.jsonl"):
        path = corpus_path("courses", name)
        if path.exists():
            docs += [c["description"] for c in read_jsonl(path)]
    docs = docs[:40] if quick else docs[:200]
    n_words = sum(len(d.split()) for d in docs)
    nlp = resources.get_nlp()
    score(docs[0])  # warm up lexicon, calibration and pypykko
    # Interleave baseline and system document by document, so other load on the machine hits both alike.
    spacy_s = score_s = 0.0
    for d in docs:
        t = time.perf_counter()
        nlp(d)
        spacy_s += time.perf_counter() - t
        t = time.perf_counter()
        score(d)
        score_s += time.perf_counter() - t
    result["throughput"] = {"spacy_words_per_s": round(n_words / spacy_s, 1),
                            "score_words_per_s": round(n_words / score_s, 1),
                            "ratio": round(spacy_s / score_s, 3)}

    # --- real text: the teacher's view (issue 14) ----------------------------------------------------------------
    result["real"] = real_text_figures(quick)

    # --- real data: Aalto course texts (when ../shared/data is present) ------------------------------------------
    aalto = SHARED_DATA / "aalto" / "aalto_courses_fi.jsonl"
    if aalto.exists():
        rows = [r for r in read_jsonl(aalto) if r.get("content_fi") or r.get("learning_outcomes_fi")]
        rows = rows[:60] if quick else rows[:300]
        values = []
        for r in rows:
            text = " ".join(x for x in (r.get("learning_outcomes_fi"), r.get("content_fi")) if x)
            try:
                values.append(score(text[:20000]).score)
            except Exception:  # noqa: BLE001 - e.g. an English-only text: skip, count below
                continue
        result["aalto"] = {"courses": len(values), "skipped": len(rows) - len(values),
                           "score_mean": round(float(np.mean(values)), 2),
                           "score_quartiles": [round(float(q), 1) for q in np.percentile(values, [25, 50, 75])],
                           "scores": values}
    result["primary"] = result["pair_accuracy"]["poiju_cross_validated"] or result["pair_accuracy"]["poiju_in_sample"]
    result["goals"] = {
        "pair_accuracy>=0.95": (result["primary"] or 0) >= 0.95,
        "span_f1>=0.8": result["spans"]["poiju"]["f1"] >= 0.8,
        "span_recall>=0.85": result["spans"]["poiju"]["recall"] >= 0.85,
        "span_recall_on_review_confirmed_gold>=0.85": result["spans"]["poiju_on_review_confirmed_gold"]["recall"] >= 0.85,
        "throughput>=0.8": result["throughput"]["ratio"] >= 0.8,
    }
    real = result["real"]
    if real.get("available"):
        result["goals"].update({
            "real_findings_per_100_words<=8": real["test"]["findings_per_100_words"] <= 8,
            "real_non_word_suggestions==0": real["test"]["non_word_suggestions"] == 0,
            "real_finnish_sentences_refused==0": real["test"]["finnish_sentences_refused"] == 0,
            "plainness_auc>=0.95": (real.get("plainness_auc") or {}).get("auc", 0) >= 0.95,
        })
    return result


def _familiar_lemmas() -> set[str]:
    """Words blind reviewers called familiar: the lexicon review (review.tsv) and the reviewers of the teacher's
    findings (screen_familiar.tsv: 'opintojakso', 'osaamistavoite', which the gold marks as terms)."""
    out: set[str] = set()
    path = corpus_path("lexicon", "review.tsv")
    if path.exists():
        rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
        out |= {r[0].lower() for r in rows if len(r) > 5 and r[5] == "familiar"}
    screen = corpus_path("lexicon", "screen_familiar.tsv")
    if screen.exists():
        out |= {line.split("\t")[0].lower() for line in screen.read_text(encoding="utf-8").splitlines()[1:] if line}
    return out


_QUOTED = re.compile(r"'([^']+)'")


def non_word_suggestions(findings) -> list[str]:
    """Suggested words that Voikko does not know: the replacement and every quoted word of a suggestion."""
    from poiju_nlp.scoring.select import real_finnish

    bad = []
    for f in findings:
        if f.kind == "unknown_word" and f.replacement is None:
            continue  # no suggestion is made for an unknown word without a spelling correction
        candidates = ([f.replacement] if f.replacement else []) + _QUOTED.findall(f.suggestion)
        for c in candidates:
            core = re.sub(r"\([^)]*\)", "", c).strip()  # 'op (opintopistettä, noin 54 tuntia työtä)'
            if core and not real_finnish(core) and core.lower() != f.text.lower():
                bad.append(f"{f.text} -> {c}")
    return bad


def looks_foreign(sentence: str) -> bool:
    """Independent of the product's check: most words are more frequent in English or Swedish than in Finnish
    (wordfreq), e.g. an English course title 'Fluid Power Dynamics D (5 op)'. Finnish terms that no list knows
    ('hybridisaatio') are not foreign."""
    from wordfreq import zipf_frequency

    words = [w for w in re.findall(r"[^\W\d_]{2,}", sentence)]
    if not words:
        return False
    foreign = sum(max(zipf_frequency(w, "en"), zipf_frequency(w, "sv")) > zipf_frequency(w, "fi") + 0.5
                  for w in words)
    return foreign / len(words) >= 0.5


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n", text) if len(s.split()) >= 4]


def real_text_figures(quick: bool = False) -> dict:
    """The teacher's view on real text nobody on the team wrote (dev and test splits)."""
    from poiju_nlp.errors import NotFinnishError, PoijuError
    from poiju_nlp.scoring import score
    from poiju_nlp.text.validate import foreign_share, validate_text

    from .real_text import available, load_real_texts

    if not available():
        return {"available": False, "note": "../shared/data is not on this machine: real-text figures skipped"}
    out: dict = {"available": True}
    limit = 40 if quick else 150
    course_sentences: list[str] = []
    for split in ("dev", "test"):
        texts = load_real_texts(split=split, limit=limit, seed=0)
        kinds: Counter = Counter()
        words = n_findings = skipped = 0
        bad: list[str] = []
        for t in texts:
            try:
                r = score(t.text)
            except PoijuError:
                skipped += 1
                continue
            words += r.metrics["words"]
            n_findings += len(r.findings)
            kinds.update(f.kind for f in r.findings)
            bad += non_word_suggestions(r.findings)
        refused, finnish, examples = 0, 0, []
        for t in load_real_texts(split=split, sources=("aalto",)):
            for sent in _sentences(t.text):
                if split == "test":
                    course_sentences.append(sent)
                if foreign_share(sent) > 0 or looks_foreign(sent):
                    continue  # an English or Swedish sentence (or title): refusing it is right
                finnish += 1
                try:
                    validate_text(sent)
                except NotFinnishError:
                    refused += 1
                    examples.append(sent[:160])
        out[split] = {"texts": len(texts) - skipped, "skipped": skipped, "words": int(words),
                      "findings_per_100_words": round(100 * n_findings / max(1, words), 2),
                      "per_100_words_by_kind": {k: round(100 * v / max(1, words), 2) for k, v in kinds.most_common()},
                      "non_word_suggestions": len(bad), "non_word_examples": bad[:20],
                      "finnish_sentences": finnish, "finnish_sentences_refused": refused,
                      "refused_examples": examples[:20]}
    out["plainness_auc"] = plainness_auc(course_sentences, quick)
    return out


def plainness_auc(course_sentences: list[str], quick: bool = False) -> dict:
    """ROC AUC of the plainness score: real course sentences (test split) against plain Finnish sentences."""
    import random

    from poiju_nlp.errors import PoijuError
    from poiju_nlp.scoring import score

    if PLAIN_SET.exists():
        plain = [r["text"] for r in read_jsonl(PLAIN_SET)]
        source = "evaluation/data/plain_fi.jsonl (openly licensed plain Finnish, see its README)"
    else:
        plain = [r["plain"] for r in read_jsonl(corpus_path("annotated", "rewrite_pairs.jsonl")) if r.get("plain")]
        plain += [r["plain"] for r in read_jsonl(corpus_path("annotated", "plainness_pairs.jsonl"))]
        plain = [s for text in plain for s in _sentences(text)]
        source = ("NOT real plain text: no openly licensed plain Finnish set is in evaluation/data/, so the team's "
                  "own plain references (rewrite_pairs, plainness_pairs) stand in")
    n = 150 if quick else 600
    rng = random.Random(0)
    course = rng.sample(course_sentences, min(n, len(course_sentences)))
    plain = rng.sample(plain, min(n, len(plain)))

    def scores(items):
        vals = []
        for s in items:
            try:
                vals.append(score(s).score)
            except PoijuError:
                continue
        return vals

    c, p = scores(course), scores(plain)
    auc = roc_auc([0] * len(c) + [1] * len(p), c + p) if c and p else None
    return {"auc": round(auc, 4) if auc is not None else None, "course_sentences": len(c), "plain_sentences": len(p),
            "plain_source": source}


def to_markdown(r: dict) -> str:
    s, p, a = r["spans"], r["pair_accuracy"], r["roc_auc"]
    lines = ["| system | span P | span R | span F1 | pair accuracy | ROC AUC |", "|---|---|---|---|---|---|",
             f"| POIJU (CV pair acc.) | {s['poiju']['precision']} | {s['poiju']['recall']} | {s['poiju']['f1']} | "
             f"{p['poiju_cross_validated']} (in-sample {p['poiju_in_sample']}) | {a['poiju']} |",
             f"| LIX alone | – | – | – | {p['baseline_lix']} | {a['baseline_lix']} |",
             f"| mean word length | – | – | – | {p['baseline_mean_word_length']} | {a['baseline_mean_word_length']} |",
             f"| rare-word share / rare-word spans | {s['baseline_rare_words']['precision']} | "
             f"{s['baseline_rare_words']['recall']} | {s['baseline_rare_words']['f1']} | "
             f"{p['baseline_rare_word_share']} | {a['baseline_rare_word_share']} |",
             f"| long words (13+ letters) spans | {s['baseline_long_words']['precision']} | "
             f"{s['baseline_long_words']['recall']} | {s['baseline_long_words']['f1']} | – | – |",
             "", f"Length-misleads pairs: POIJU {p['poiju_on_length_misleads']}, LIX {p['baseline_lix_on_length_misleads']}.",
             f"Throughput: {r['throughput']['score_words_per_s']} words/s vs spaCy {r['throughput']['spacy_words_per_s']}"
             f" (ratio {r['throughput']['ratio']}).",
             f"Recall by gold kind: " + ", ".join(f"{k} {v['recall']}" for k, v in s["recall_by_gold_kind"].items())]
    lines.append(f"Findings per 100 words (own annotated set): {s.get('findings_per_100_words')}; span recall on the "
                 f"gold without the words the blind review judged familiar: "
                 f"{(s.get('poiju_review_consistent_gold') or {}).get('recall')}.")
    real = r.get("real") or {}
    if real.get("available"):
        for split in ("test", "dev"):
            x = real[split]
            lines.append(f"Real {split} ({x['texts']} texts, {x['words']} words): {x['findings_per_100_words']} findings "
                         f"/ 100 words; {x['non_word_suggestions']} suggestions that are not Finnish words; "
                         f"{x['finnish_sentences_refused']} of {x['finnish_sentences']} Finnish Aalto sentences refused.")
        auc = real.get("plainness_auc") or {}
        lines.append(f"Plainness AUC, real course sentences vs plain sentences: {auc.get('auc')} "
                     f"({auc.get('course_sentences')} vs {auc.get('plain_sentences')}; plain source: "
                     f"{auc.get('plain_source')}).")
    elif real:
        lines.append(real.get("note", ""))
    if "aalto" in r:
        lines.append(f"Aalto ({r['aalto']['courses']} courses): mean {r['aalto']['score_mean']}, "
                     f"quartiles {r['aalto']['score_quartiles']}.")
    return "\n".join(lines)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--data", help="annotated sentences JSONL (text, jargon[{text, kind}])")
    args = ap.parse_args()
    res = run(args.quick, args.data)
    write_result("scoring", res)
    print(to_markdown(res))
