"""Bundles (a small set of courses that covers a need's requirements under a workload cap) and gap reports
(requirements no course covers well), for every store.

>>> split_requirements("Tarvitsemme ensiavun. Ok. Lisäksi alkusammutus koko henkilöstölle.")
['Tarvitsemme ensiavun.', 'Lisäksi alkusammutus koko henkilöstölle.']
"""
from __future__ import annotations

import numpy as np

from ..domain import hours_to_credits
from .index import CourseIndex
from .lexical import base_terms, query_weights, tokenize
from .passages import split_sentences
from .results import (Bundle, BundleCourse, GapReport, NeedCoverage, RequirementCover, RequirementCoverage,
                      CourseSummary)
from .search import MatchFilters, NeedEncoding, encode_need, prepare_query, rank_courses


# Words of practical wishes rather than skills: "Koulutus ei saa olla kovin pitkä", "mieluiten verkossa syksyllä",
# "osallistujia on noin 20". A sentence made only of these (and stop and frame words) is a practical wish: it is
# shown, not covered by a course.
PRACTICAL_WORDS = frozenset("""
kesto kestää pitkä lyhyt pituus kovin liian mieluiten mielellään mahdollinen mahdollisimman pieni iso suuri
verkko verkossa etä etänä lähi paikka paikan päällä hinta euro maksaa maksuton ilmainen budjetti raha edullinen
osallistuja osallistua henkilö hlö päivä viikko kuukausi tunti aika aikataulu ilta aamu vuoro vuorotyö ryhmä
syksy kevät kesä talvi vuosi alkaa alku loppu mennessä nopea nopeasti pian heti järjestää järjestetä toteuttaa
toteutus sopia sopiva lomassa loma työaika työajalla kerta kerralla osa pala kova noki""".split())  # noki: Voikko reads "noin" so


def is_practical(sentence: str) -> bool:
    """True for a practical wish (duration, place, price, timing, group size) with no skill in it."""
    from .lexical import NEED_FRAME_WORDS

    words = [t for t in tokenize(sentence) if not t.isdigit()]
    terms = {t for t in base_terms(sentence)} - NEED_FRAME_WORDS
    return bool(words) and all(t in PRACTICAL_WORDS for t in terms)


def split_requirements(text: str) -> list[str]:
    """A need's requirements: its sentences (and bullet lines); very short fragments are dropped."""
    return [s for s in split_sentences(text) if len(tokenize(s)) >= 2]


def _requirement_vectors(index: CourseIndex, enc: NeedEncoding) -> tuple[list[str], np.ndarray]:
    """The need's requirements and their vectors, reusing the sentence vectors of the encoding."""
    reqs = split_requirements(enc.text) or [enc.text]
    by_sentence = dict(zip(enc.sentences, enc.sent_vecs))
    missing = [r for r in reqs if r not in by_sentence]
    if missing:
        by_sentence.update(zip(missing, index.embedder.encode_queries(missing)))
    return reqs, np.vstack([by_sentence[r] for r in reqs])


def coverage_matrix(index: CourseIndex, req_vecs: np.ndarray, cids: list[str]) -> np.ndarray:
    """(requirements, courses): best cosine between a requirement and any passage of the course."""
    out = np.zeros((len(req_vecs), len(cids)), dtype=np.float32)
    by_course = index.rows["by_course"]
    for j, cid in enumerate(cids):
        out[:, j] = (req_vecs @ np.asarray(index.vectors[by_course[cid]]).T).max(axis=1)
    return out


def _credits_of(r) -> float:
    return r.credits or hours_to_credits(r.workload_hours or 0)


def bundle(index: CourseIndex, need_text: str, max_credits: float | None = None, max_hours: float | None = None,
           filters=None, encoding: NeedEncoding | None = None) -> Bundle:
    """A small set of courses that covers the need's requirements under a workload cap.

    Each requirement (a sentence of the need that asks for a skill; practical wishes are listed apart) is searched
    on its own with the hybrid ranking. A course covers a requirement when it is among the requirement's best
    ``bundle_rank`` courses and its best passage reaches the calibrated coverage threshold. Greedy set cover:
    repeatedly take the course that covers the most still-uncovered requirements (ties: the better ranks for
    them, then the larger coverage, then the smaller workload) while the total stays under the cap."""
    enc = encoding or encode_need(index, need_text)
    reqs_all, vecs_all = _requirement_vectors(index, enc)
    practical = [r for r in reqs_all if is_practical(r)] if len(reqs_all) > 1 else []
    keep = [i for i, r in enumerate(reqs_all) if r not in practical]
    reqs, req_vecs = [reqs_all[i] for i in keep], vecs_all[keep]
    filters = MatchFilters.from_any(filters)
    ids = index.rows["course_ids"]
    top_per_req = [[ids[r] for r, _, _ in rank_courses(index, req, "hybrid", vec, filters,
                                                        weights=query_weights(req, index.settings))
                    [:index.settings.bundle_rank]] for req, vec in zip(reqs, req_vecs)]
    cids = list(dict.fromkeys(c for top in top_per_req for c in top))
    cov = coverage_matrix(index, req_vecs, cids)
    thr = index.gap_threshold
    ok = np.zeros_like(cov, dtype=bool)
    rank = np.zeros_like(cov, dtype=np.int64)
    for i, top in enumerate(top_per_req):
        for pos, c in enumerate(top, 1):
            j = cids.index(c)
            ok[i, j] = cov[i, j] >= thr
            rank[i, j] = pos
    best = np.zeros(len(reqs), dtype=np.float32)
    covered_by: list[str | None] = [None] * len(reqs)
    chosen: list[BundleCourse] = []
    tot_op, tot_h = 0.0, 0.0
    while True:
        pick, pick_key = None, None
        taken = {c.id for c in chosen}
        for j, cid in enumerate(cids):
            if cid in taken:
                continue
            r = index.records[cid]
            op, h = _credits_of(r), r.workload_hours or 0.0
            if max_credits is not None and tot_op + op > max_credits + 1e-9:
                continue
            if max_hours is not None and tot_h + h > max_hours + 1e-9:
                continue
            newly = [i for i in range(len(reqs)) if covered_by[i] is None and ok[i, j]]
            if not newly:
                continue
            key = (len(newly), -int(sum(rank[i, j] for i in newly)), float(sum(cov[i, j] for i in newly)), -h)
            if pick_key is None or key > pick_key:
                pick, pick_key = j, key
        if pick is None:
            break
        cid = cids[pick]
        r = index.records[cid]
        newly = [i for i in range(len(reqs)) if covered_by[i] is None and ok[i, pick]]
        for i in newly:
            covered_by[i] = cid
            best[i] = cov[i, pick]
        tot_op += _credits_of(r)
        tot_h += r.workload_hours or 0.0
        chosen.append(BundleCourse(**CourseSummary.of(r).__dict__, covers=[reqs[i] for i in newly]))
    requirements = []
    for i, req in enumerate(reqs):
        value = best[i] if covered_by[i] else (float(cov[i].max()) if cov.shape[1] else 0.0)
        requirements.append(RequirementCover(req, covered_by[i], round(float(value), 4)))
    return Bundle(need=enc.text, courses=chosen, requirements=requirements, total_credits=round(tot_op, 2),
                  total_hours=round(tot_h, 1), cap={"max_credits": max_credits, "max_hours": max_hours},
                  threshold=round(thr, 4), uncovered=[reqs[i] for i in range(len(reqs)) if covered_by[i] is None],
                  practical=practical)


def lexical_coverage(index: CourseIndex, req: str, cid: str) -> float:
    """Idf-weighted share of the requirement's base forms (and compound parts) that the course text contains."""
    terms = set(base_terms(req))
    if not terms:
        return 0.0
    lex = index.base_bm25
    course = index.base_terms_of(cid)
    top = float(lex.idf.max()) if len(lex.idf) else 1.0
    weight = {t: (lex.idf_of(t) or top) for t in terms}
    return sum(w for t, w in weight.items() if t in course) / sum(weight.values())


def requirement_coverage(index: CourseIndex, reqs: list[str], req_vecs: np.ndarray, depth: int = 50,
                         candidates: int = 5) -> list[RequirementCoverage]:
    """For each requirement: the best course by passage cosine, that cosine, and the best lexical coverage among
    the top candidate courses."""
    hits = index.store.dense(np.ascontiguousarray(req_vecs, dtype=np.float32), depth)
    out = []
    for req, (rows, sims) in zip(reqs, hits):
        order = np.argsort(-sims)
        cids = list(dict.fromkeys(index.passages[int(rows[o])].course_id for o in order))
        best = cids[0] if cids else None
        lexcov = max((lexical_coverage(index, req, c) for c in cids[:candidates]), default=0.0)
        out.append(RequirementCoverage(req, best, index.records[best].title if best else "",
                                       round(float(sims[order[0]]) if len(order) else 0.0, 4), round(lexcov, 4)))
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
            r.gap = r.coverage < index.gap_threshold or r.lexical_coverage < index.gap_lex_threshold
        items.append(NeedCoverage(str(qid), text, rows, round(min(r.coverage for r in rows), 4)))
    gap_rows = [RequirementCoverage(**{**r.__dict__, "qid": it.qid}) for it in items for r in it.requirements
                if r.gap]
    gap_rows.sort(key=lambda r: (r.coverage, r.lexical_coverage))
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
            dense.append(float((vecs @ np.asarray(index.vectors[by_course[c]]).T).max()))
            lexical.append(max(lexical_coverage(index, r, c) for r in reqs))
    if not dense:
        return {}
    index.gap_threshold = float(np.percentile(dense, percentile))
    index.gap_lex_threshold = float(np.percentile(lexical, percentile))
    index.gap_calibration = {"percentile": percentile, "pairs": len(dense), "threshold": index.gap_threshold,
                             "lexical_threshold": index.gap_lex_threshold, "median": float(np.median(dense)),
                             "lexical_median": float(np.median(lexical))}
    return index.gap_calibration
