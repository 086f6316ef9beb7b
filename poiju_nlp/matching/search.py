"""Hybrid course search (e5 passages + BM25 on base forms, fused by reciprocal rank fusion), explanations,
bundles (greedy set cover of a need's requirements) and gap reports.

>>> from poiju_nlp.records import CourseRecord
>>> index = CourseIndex.build([
...     CourseRecord(id="k1", title="Kivunhoito muistisairaan hoidossa",
...                  description="Opit arvioimaan muistisairaan asiakkaan kipua ja lievittämään sitä."),
...     CourseRecord(id="t1", title="Tietoturva sote-työssä",
...                  description="Opit tunnistamaan tietojenkalastelun ja suojaamaan asiakastiedot.")],
...     show_progress=False)
>>> result = match(index, "Tarvitsemme kivunhoidon osaamista muistisairaiden hoitoon", k=3)
>>> result.results[0]["id"], result.results[0]["explanation"]["shared_terms"]
('k1', [...'kipu', ...'muistisairas', ...])
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from ..errors import EmptyTextError, InputError
from ..settings import MATCHING
from .index import CourseIndex, split_sentences
from .lexical import base_terms, raw_terms, tokenize

METHODS = ("hybrid", "dense", "bm25", "bm25_raw")
MODE_ALIASES = {"lähiopetus": "lähi", "etäopetus": "etä", "monimuoto": "hybridi", "monimuotoinen": "hybridi",
                "verkko-opetus": "verkko", "verkkokurssi": "verkko"}


@dataclass
class MatchFilters:
    """Hard filters; None / empty means "any"."""

    mode: list[str] | str | None = None
    max_credits: float | None = None
    max_hours: float | None = None
    language: str | None = None
    provider: str | None = None
    tags: list[str] | None = None
    max_price: float | None = None

    def active(self) -> bool:
        return any(v not in (None, "", []) for v in asdict(self).values())

    def allows(self, r) -> bool:
        modes = [self.mode] if isinstance(self.mode, str) else (self.mode or [])
        modes = {MODE_ALIASES.get(m.lower(), m.lower()) for m in modes if m}
        if modes and MODE_ALIASES.get(r.mode.lower(), r.mode.lower()) not in modes:
            return False
        if self.max_credits is not None and (r.credits is None or r.credits > self.max_credits):
            return False
        if self.max_hours is not None:
            h = r.workload_hours
            if h is None or h > self.max_hours:
                return False
        if self.language and r.language.lower() != self.language.lower():
            return False
        if self.provider and self.provider.lower() not in r.provider.lower():
            return False
        if self.tags and not {t.lower() for t in self.tags} & {t.lower() for t in r.tags}:
            return False
        if self.max_price is not None and (r.price_eur or 0) > self.max_price:
            return False
        return True

    @classmethod
    def from_any(cls, value) -> "MatchFilters":
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        return cls(**{k: v for k, v in dict(value).items() if v not in (None, "", [])})


@dataclass
class MatchResult:
    query: str
    results: list[dict]
    method: str = "hybrid"
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def prepare_query(query: str, settings=MATCHING) -> tuple[str, list[str]]:
    """Validate a need text: empty -> error; over the word limit -> cut with a warning."""
    if not isinstance(query, str) or not query.strip():
        raise EmptyTextError("Hakuteksti on tyhjä. Kirjoita, millaista osaamista tarvitaan.")
    query = query.replace("\x00", "").strip()
    words = query.split()
    warnings = []
    if len(words) > settings.max_query_words:
        warnings.append(f"Hakuteksti on pitkä ({len(words)} sanaa); haussa käytettiin ensimmäiset "
                        f"{settings.max_query_words} sanaa.")
        query = " ".join(words[:settings.max_query_words])
    if not tokenize(query):
        raise InputError("Hakutekstissä ei ole sanoja. Kirjoita tarve sanoin.")
    return query, warnings


def _aggregate(index: CourseIndex, rows: np.ndarray, sims: np.ndarray) -> dict[int, float]:
    """Course score from passage scores: best passage + bonus x mean of the next two."""
    pc = index.rows["passage_course"]
    per: dict[int, list[float]] = {}
    for r, s in zip(rows.tolist(), sims.tolist()):
        per.setdefault(int(pc[r]), []).append(s)
    bonus = index.settings.mean_bonus
    out = {}
    for c, vals in per.items():
        vals.sort(reverse=True)
        rest = vals[1:3]
        out[c] = vals[0] + (bonus * (sum(rest) / len(rest)) if rest else 0.0)
    return out


_blas_limited = False


def _single_thread_blas() -> None:
    """One query is a memory-bound matrix-vector product: a second BLAS thread only spin-waits (30 ms instead of
    0.1 ms for 3,000 passages on a busy 2-core machine, measured), so searches run BLAS single-threaded."""
    global _blas_limited
    if not _blas_limited:
        _blas_limited = True
        try:
            from threadpoolctl import threadpool_limits

            threadpool_limits(limits=1, user_api="blas")
        except Exception:  # threadpoolctl missing: slower, still correct
            pass


def dense_course_scores(index: CourseIndex, qvec: np.ndarray, allowed: np.ndarray | None = None,
                        depth: int | None = None) -> dict[int, float]:
    """course row -> dense score from the ``depth`` best passages. Exact (one BLAS matrix-vector product, which
    for a single query with a deep k is ~50x faster than IndexFlatIP's heap search over the same vectors) unless
    the index is HNSW; filters restrict the passages first, so filtered courses are never crowded out."""
    n = len(index.passages)
    if not n:
        return {}
    depth = depth or index.settings.dense_depth
    _single_thread_blas()
    q = np.asarray(qvec, dtype=np.float32).reshape(-1)
    if allowed is not None:
        prow = np.flatnonzero(allowed[index.rows["passage_course"]])
        sims = index.vectors[prow] @ q
        return _aggregate(index, prow, sims)
    if index.uses_hnsw:
        fi = index.faiss_index
        sims, pids = fi.search(q.reshape(1, -1), min(depth, n))
        pid_row = index.rows["pid"]
        ok = pids[0] >= 0
        rows = np.asarray([pid_row[int(p)] for p in pids[0][ok]], dtype=np.int64)
        return _aggregate(index, rows, sims[0][ok])
    sims = index.vectors @ q
    rows = np.argpartition(-sims, depth)[:depth] if n > depth else np.arange(n)
    return _aggregate(index, rows, sims[rows])


def _ranks(scores: dict[int, float]) -> dict[int, int]:
    order = sorted(scores, key=lambda c: -scores[c])
    return {c: i + 1 for i, c in enumerate(order)}


def rank_courses(index: CourseIndex, query: str, method: str = "hybrid", qvec: np.ndarray | None = None,
                 filters: MatchFilters | None = None, dense_weight: float | None = None,
                 depth: int | None = None) -> list[tuple[int, float, dict]]:
    """Rank course rows: [(row, score, parts)] best first. ``qvec`` skips re-encoding (benchmarks)."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}")
    ids = index.rows["course_ids"]
    allowed = None
    if filters is not None and filters.active():
        allowed = np.asarray([filters.allows(index.records[i]) for i in ids], dtype=bool)
    dense: dict[int, float] = {}
    lex: dict[int, float] = {}
    if method in ("hybrid", "dense"):
        if qvec is None:
            qvec = index.embedder.encode_queries([query])[0]
        dense = dense_course_scores(index, qvec, allowed, depth)
    if method in ("hybrid", "bm25", "bm25_raw"):
        kind = "raw" if method == "bm25_raw" else "base"
        terms = raw_terms(query) if kind == "raw" else base_terms(query)
        s = index.lexical[kind].scores(terms)
        if allowed is not None:
            s = np.where(allowed, s, 0.0)
        depth = depth or index.settings.dense_depth
        top = np.argpartition(-s, depth)[:depth] if len(s) > depth else np.arange(len(s))
        lex = {int(c): float(s[c]) for c in top if s[c] > 0}
    if method == "dense":
        fused = dense
    elif method in ("bm25", "bm25_raw"):
        fused = lex
    else:
        w = index.settings.dense_weight if dense_weight is None else dense_weight
        k = index.settings.rrf_k
        rd, rl = _ranks(dense), _ranks(lex)
        fused = {c: w / (k + rd[c]) + ((1 - w) / (k + rl[c]) if c in rl else 0.0) for c in rd}
        for c in rl:
            fused.setdefault(c, (1 - w) / (k + rl[c]))
    order = sorted(fused, key=lambda c: -fused[c])
    return [(c, fused[c], {"dense": dense.get(c), "bm25": lex.get(c)}) for c in order]


def _course_summary(r) -> dict:
    return {"id": r.id, "title": r.title, "provider": r.provider, "credits": r.credits, "hours": r.hours,
            "mode": r.mode, "language": r.language, "price_eur": r.price_eur, "url": r.url}


def explain(index: CourseIndex, cid: str, sentences: list[str], sent_vecs: np.ndarray, qterms: set[str],
            top: int = 2) -> dict:
    rows = index.rows["by_course"][cid]
    sims = sent_vecs @ index.vectors[rows].T  # (sentences, passages)
    pairs = []
    used = set()
    for flat in np.argsort(-sims, axis=None):
        s, p = divmod(int(flat), sims.shape[1])
        if s in used:
            continue
        used.add(s)
        pairs.append({"need_sentence": sentences[s], "course_passage": index.passages[rows[p]].text,
                      "passage_kind": index.passages[rows[p]].kind, "similarity": round(float(sims[s, p]), 4)})
        if len(pairs) >= top:
            break
    lex = index.lexical["base"]
    shared = sorted(qterms & set(index.terms[cid][0]), key=lambda t: (-lex.idf_of(t), t))[:10]
    return {"matched": pairs, "shared_terms": shared}


def match(index: CourseIndex, query: str, k: int = 10, filters=None, method: str = "hybrid",
          explain_results: bool = True) -> MatchResult:
    """Rank courses for an employer need; each result says which need sentences matched which course text."""
    query, warnings = prepare_query(query, index.settings)
    filters = MatchFilters.from_any(filters)
    if not len(index):
        raise InputError("Kurssihakemisto on tyhjä. Lisää kursseja ja rakenna hakemisto.")
    sentences = split_sentences(query)[:20] or [query]
    texts = [query] + (sentences if len(sentences) > 1 else [])
    vecs = index.embedder.encode_queries(texts) if method in ("hybrid", "dense") or explain_results else None
    qvec = vecs[0] if vecs is not None else None
    sent_vecs = (vecs[1:] if len(sentences) > 1 else vecs[:1]) if vecs is not None else None
    ranked = rank_courses(index, query, method, qvec, filters)[:max(1, int(k))]
    ids = index.rows["course_ids"]
    qterms = set(base_terms(query))
    results = []
    for row, score, parts in ranked:
        cid = ids[row]
        item = _course_summary(index.records[cid])
        item["score"] = round(float(score), 6)
        item["dense"] = None if parts["dense"] is None else round(float(parts["dense"]), 4)
        item["bm25"] = None if parts["bm25"] is None else round(float(parts["bm25"]), 4)
        if explain_results:
            item["explanation"] = explain(index, cid, sentences, sent_vecs, qterms)
        results.append(item)
    if filters.active() and not results:
        warnings.append("Yksikään kurssi ei täytä valittuja rajauksia. Väljennä rajauksia.")
    return MatchResult(query=query, results=results, method=method, warnings=warnings)


# --- bundles and gaps ----------------------------------------------------------------------------------------

def split_requirements(text: str) -> list[str]:
    """A need's requirements: its sentences (and bullet lines); very short fragments are dropped."""
    return [s for s in split_sentences(text) if len(tokenize(s)) >= 2]


def coverage_matrix(index: CourseIndex, req_vecs: np.ndarray, cids: list[str]) -> np.ndarray:
    """(requirements, courses): best cosine between a requirement and any passage of the course."""
    out = np.zeros((len(req_vecs), len(cids)), dtype=np.float32)
    by_course = index.rows["by_course"]
    for j, cid in enumerate(cids):
        out[:, j] = (req_vecs @ index.vectors[by_course[cid]].T).max(axis=1)
    return out


@dataclass
class Bundle:
    need: str
    courses: list[dict]
    requirements: list[dict]
    total_credits: float
    total_hours: float
    cap: dict
    threshold: float
    uncovered: list[str]

    def to_dict(self) -> dict:
        return asdict(self)


def bundle(index: CourseIndex, need_text: str, max_credits: float | None = None, max_hours: float | None = None,
           filters=None) -> Bundle:
    """Greedy set cover: repeatedly take the course that covers the most still-uncovered requirements (ties: the
    larger coverage gain, then the smaller workload) while the total stays under the cap."""
    need_text, _ = prepare_query(need_text, index.settings)
    reqs = split_requirements(need_text) or [need_text]
    req_vecs = index.embedder.encode_queries(reqs)
    ranked = rank_courses(index, need_text, "hybrid", req_vecs.mean(axis=0), MatchFilters.from_any(filters))
    ids = index.rows["course_ids"]
    cids = [ids[r] for r, _, _ in ranked[:index.settings.bundle_candidates]]
    cov = coverage_matrix(index, req_vecs, cids)
    thr = index.gap_threshold
    best = np.zeros(len(reqs), dtype=np.float32)
    covered_by: list[str | None] = [None] * len(reqs)
    chosen, tot_op, tot_h = [], 0.0, 0.0
    hours_per_op = 27.0
    while True:
        pick, pick_key = None, None
        for j, cid in enumerate(cids):
            if cid in [c["id"] for c in chosen]:
                continue
            r = index.records[cid]
            op = r.credits or ((r.workload_hours or 0) / hours_per_op)
            h = r.workload_hours or 0.0
            if max_credits is not None and tot_op + op > max_credits + 1e-9:
                continue
            if max_hours is not None and tot_h + h > max_hours + 1e-9:
                continue
            newly = [i for i in range(len(reqs)) if covered_by[i] is None and cov[i, j] >= thr]
            if not newly:
                continue
            gain = float(sum(cov[i, j] for i in newly))
            key = (len(newly), gain, -h)
            if pick_key is None or key > pick_key:
                pick, pick_key = j, key
        if pick is None:
            break
        cid = cids[pick]
        r = index.records[cid]
        newly = [i for i in range(len(reqs)) if covered_by[i] is None and cov[i, pick] >= thr]
        for i in newly:
            covered_by[i] = cid
            best[i] = cov[i, pick]
        op = r.credits or ((r.workload_hours or 0) / hours_per_op)
        tot_op += op
        tot_h += r.workload_hours or 0.0
        item = _course_summary(r)
        item["covers"] = [reqs[i] for i in newly]
        chosen.append(item)
    requirements = []
    for i, req in enumerate(reqs):
        j = int(np.argmax(cov[i])) if cov.shape[1] else None
        requirements.append({"requirement": req, "covered_by": covered_by[i],
                             "coverage": round(float(best[i] if covered_by[i] else (cov[i, j] if j is not None
                                                                                      else 0.0)), 4)})
    return Bundle(need=need_text, courses=chosen, requirements=requirements, total_credits=round(tot_op, 2),
                  total_hours=round(tot_h, 1), cap={"max_credits": max_credits, "max_hours": max_hours},
                  threshold=round(thr, 4), uncovered=[reqs[i] for i in range(len(reqs)) if covered_by[i] is None])


@dataclass
class GapReport:
    threshold: float
    lexical_threshold: float
    needs: list[dict]
    gaps: list[dict]

    def to_dict(self) -> dict:
        return asdict(self)


def lexical_coverage(index: CourseIndex, req: str, cid: str) -> float:
    """Idf-weighted share of the requirement's base forms (and compound parts) that the course text contains."""
    terms = set(base_terms(req))
    if not terms:
        return 0.0
    lex = index.lexical["base"]
    course = set(index.terms[cid][0])
    weight = {t: (lex.idf_of(t) or float(lex.idf.max() if len(lex.idf) else 1.0)) for t in terms}
    return sum(w for t, w in weight.items() if t in course) / sum(weight.values())


def requirement_coverage(index: CourseIndex, reqs: list[str], req_vecs: np.ndarray, depth: int = 50,
                         candidates: int = 5) -> list[dict]:
    """For each requirement: the best course by passage cosine, that cosine, and the best lexical coverage among
    the top candidate courses."""
    fi = index.faiss_index
    sims, pids = fi.search(np.ascontiguousarray(req_vecs, dtype=np.float32), min(depth, len(index.passages)))
    pid_row = index.rows["pid"]
    out = []
    for i, req in enumerate(reqs):
        cids = list(dict.fromkeys(index.passages[pid_row[int(p)]].course_id for p in pids[i] if p >= 0))
        best = cids[0] if cids else None
        lexcov = max((lexical_coverage(index, req, c) for c in cids[:candidates]), default=0.0)
        out.append({"requirement": req, "best_course": best, "title": index.records[best].title if best else "",
                    "coverage": round(float(sims[i][0]), 4), "lexical_coverage": round(lexcov, 4)})
    return out


def gaps(index: CourseIndex, needs) -> GapReport:
    """Requirements that no course covers well: best passage cosine or lexical coverage below the thresholds
    calibrated on the qrels (see ``calibrate_gap_threshold``)."""
    items = []
    for n, need in enumerate(needs, 1):
        qid, text = (need.get("qid") or need.get("id") or str(n), need.get("text", "")) if isinstance(need, dict) \
            else (str(n), need)
        text, _ = prepare_query(text, index.settings)
        reqs = split_requirements(text) or [text]
        rows = requirement_coverage(index, reqs, index.embedder.encode_queries(reqs))
        for r in rows:
            r["gap"] = r["coverage"] < index.gap_threshold or r["lexical_coverage"] < index.gap_lex_threshold
        items.append({"qid": qid, "text": text, "requirements": rows,
                      "coverage": round(min(r["coverage"] for r in rows), 4)})
    gap_rows = [dict(r, qid=it["qid"]) for it in items for r in it["requirements"] if r["gap"]]
    gap_rows.sort(key=lambda r: (r["coverage"], r["lexical_coverage"]))
    return GapReport(threshold=round(index.gap_threshold, 4), lexical_threshold=round(index.gap_lex_threshold, 4),
                     needs=items, gaps=gap_rows)


def calibrate_gap_threshold(index: CourseIndex, needs: dict[str, str], qrels: dict[str, dict[str, int]],
                            percentile: float | None = None, min_rel: int = 2) -> dict:
    """Set the gap thresholds to a low percentile of what judged relevant need/course pairs reach (best
    requirement-to-passage cosine; best lexical coverage): a requirement below what most known-good matches reach
    is a gap. Ranks and percentiles, not raw e5 cosines, decide."""
    percentile = index.settings.gap_percentile if percentile is None else percentile
    dense, lexical = [], []
    by_course = index.rows["by_course"]
    for qid, text in needs.items():
        rel = [c for c, g in qrels.get(qid, {}).items() if g >= min_rel and c in index.records]
        if not rel:
            continue
        reqs = split_requirements(text) or [text]
        vecs = index.embedder.encode_queries(reqs)
        for c in rel:
            dense.append(float((vecs @ index.vectors[by_course[c]].T).max()))
            lexical.append(max(lexical_coverage(index, r, c) for r in reqs))
    if not dense:
        return {}
    index.gap_threshold = float(np.percentile(dense, percentile))
    index.gap_lex_threshold = float(np.percentile(lexical, percentile))
    index.gap_calibration = {"percentile": percentile, "pairs": len(dense), "threshold": index.gap_threshold,
                             "lexical_threshold": index.gap_lex_threshold, "median": float(np.median(dense)),
                             "lexical_median": float(np.median(lexical))}
    return index.gap_calibration
