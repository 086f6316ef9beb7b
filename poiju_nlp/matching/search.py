"""Hybrid course search: e5 passages (course score = best passage, with title and outcome passages weighted, plus a
bonus for further matching passages) and field-weighted BM25 on Voikko base forms with need-aware query weights,
fused (weighted reciprocal rank fusion by default); explanations say which need sentence matched which course text.

The same code ranks for every store (``store.py``): a store only returns candidate passages and BM25 scores.

>>> from poiju_nlp.records import CourseRecord
>>> index = CourseIndex.build([
...     CourseRecord(id="k1", title="Kivunhoito muistisairaan hoidossa",
...                  description="Opit arvioimaan muistisairaan asiakkaan kipua ja lievittämään sitä."),
...     CourseRecord(id="t1", title="Tietoturva sote-työssä",
...                  description="Opit tunnistamaan tietojenkalastelun ja suojaamaan asiakastiedot.")],
...     show_progress=False)
>>> result = match(index, "Tarvitsemme kivunhoidon osaamista muistisairaiden hoitoon", k=3)
>>> top = result.results[0]
>>> top.id, {"kipu", "muistisairas"} <= set(top.explanation.shared_terms)
('k1', True)
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from ..domain import MODE_ALIASES
from ..errors import EmptyTextError, InputError
from ..settings import MATCHING
from .index import CourseIndex
from .lexical import base_terms, query_weights, raw_terms, tokenize
from .passages import split_sentences
from .results import CourseMatch, Explanation, MatchedPair, MatchResult

METHODS = ("hybrid", "dense", "bm25", "bm25_raw")
FILTER_KEYS = ("mode", "max_credits", "max_hours", "language", "provider", "tags", "max_price")


def norm_mode(mode: str) -> str:
    m = (mode or "").strip().lower()
    return MODE_ALIASES.get(m, m)


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

    def modes(self) -> set[str]:
        modes = [self.mode] if isinstance(self.mode, str) else (self.mode or [])
        return {norm_mode(m) for m in modes if m}

    def allows(self, r) -> bool:
        modes = self.modes()
        if modes and norm_mode(r.mode) not in modes:
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
    def from_any(cls, value=None, **keywords) -> "MatchFilters":
        """From None, a MatchFilters, a dict or keywords (keywords win); unknown keys get a Finnish error, numbers
        may come as text ("5", "5,5")."""
        if isinstance(value, cls) and not keywords:
            return value
        data = dict(asdict(value)) if isinstance(value, cls) else dict(value or {})
        data.update({k: v for k, v in keywords.items() if v is not None})
        unknown = sorted(set(data) - set(FILTER_KEYS))
        if unknown:
            raise InputError(f"Tuntemattomat rajaukset: {', '.join(unknown)}. Sallitut: {', '.join(FILTER_KEYS)}.")
        clean = {}
        for key, v in data.items():
            if v in (None, "", [], ()):
                continue
            if key.startswith("max_"):
                try:
                    v = float(str(v).replace(",", ".")) if not isinstance(v, (int, float)) else float(v)
                except ValueError:
                    raise InputError(f"Rajauksen {key} pitää olla luku, nyt {v!r}.") from None
            elif key in ("tags", "mode") and isinstance(v, str):
                v = [t.strip() for t in v.split(",") if t.strip()]
            clean[key] = v
        return cls(**clean)


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
    if len(words) >= 4:
        from ..text.validate import finnish_share

        if finnish_share(query) < 0.5:
            warnings.append("Hakuteksti ei näytä olevan suomea. Kurssit löytyvät silloin vain merkityksen "
                            "perusteella (sanahaku etsii suomenkielisiä sanoja); kirjoita tarve suomeksi, jos voit.")
    return query, warnings


@dataclass
class NeedEncoding:
    """A need encoded once per request and shared by ranking, explanations and the bundle: the whole text's vector,
    its sentences and their vectors, and the lexical query weights."""

    text: str
    sentences: list[str]
    qvec: np.ndarray
    sent_vecs: np.ndarray
    weights: dict[str, float]
    warnings: list[str]


def encode_need(index: CourseIndex, text: str) -> NeedEncoding:
    text, warnings = prepare_query(text, index.settings)
    sentences = split_sentences(text)[:index.settings.max_need_sentences] or [text]
    # e5 reads a window of 512 tokens (about 180 Finnish words): the whole-need vector comes from the first
    # max_embed_words words; sentences and the lexical side see everything (up to max_query_words).
    words = text.split()
    head = text if len(words) <= index.settings.max_embed_words else " ".join(words[:index.settings.max_embed_words])
    texts = [head] + (sentences if len(sentences) > 1 else [])
    vecs = index.embedder.encode_queries(texts)  # one (micro-batched) engine call for the whole need
    sent_vecs = vecs[1:] if len(sentences) > 1 else vecs[:1]
    return NeedEncoding(text, sentences, vecs[0], sent_vecs, query_weights(text, index.settings), warnings)


def aggregate_arrays(index: CourseIndex, rows: np.ndarray, sims: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Course scores from passage scores (vectorised): the best passage (a title passage gets ``title_bonus``, an
    outcome passage ``outcomes_bonus`` over description prose) plus ``mean_bonus`` x the mean of the course's next
    ``bonus_passages`` passages among ``rows``. Returns (course rows, scores)."""
    s = index.settings
    rows = np.asarray(rows, dtype=np.int64)
    if not len(rows):
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    bonus_by_kind = np.asarray([s.title_bonus, 0.0, s.outcomes_bonus], dtype=np.float32)
    sims = np.asarray(sims, dtype=np.float32) + bonus_by_kind[index.rows["passage_kind"][rows]]
    pc = index.rows["passage_course"][rows]
    order = np.lexsort((-sims, pc))
    pc, sims = pc[order], sims[order]
    starts = np.flatnonzero(np.r_[True, pc[1:] != pc[:-1]])
    group = np.cumsum(np.r_[True, pc[1:] != pc[:-1]]) - 1
    rank = np.arange(len(pc)) - starts[group]
    extra = (rank >= 1) & (rank <= s.bonus_passages)
    total = np.bincount(group, weights=np.where(extra, sims, 0.0), minlength=len(starts))
    count = np.bincount(group, weights=extra.astype(np.float64), minlength=len(starts))
    rest = np.divide(total, count, out=np.zeros_like(total), where=count > 0)
    return pc[starts], (sims[starts] + s.mean_bonus * rest).astype(np.float32)


def _aggregate(index: CourseIndex, rows: np.ndarray, sims: np.ndarray) -> dict[int, float]:
    """course row -> course score (see ``aggregate_arrays``)."""
    courses, scores = aggregate_arrays(index, rows, sims)
    return dict(zip(courses.tolist(), scores.tolist()))


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


def filter_mask(index: CourseIndex, filters: MatchFilters | None) -> np.ndarray | None:
    if filters is None or not filters.active():
        return None
    return np.asarray([filters.allows(index.records[i]) for i in index.rows["course_ids"]], dtype=bool)


def dense_course_scores(index: CourseIndex, qvec: np.ndarray, filters: MatchFilters | None = None,
                        depth: int | None = None, mask: np.ndarray | None = None) -> dict[int, float]:
    """course row -> dense score from the ``depth`` best passages among the allowed courses."""
    _single_thread_blas()
    depth = depth or index.settings.dense_depth
    if mask is None and index.store.needs_mask:
        mask = filter_mask(index, filters)
    rows, sims = index.store.dense(np.asarray(qvec)[None, :], depth, filters, mask)[0]
    return _aggregate(index, rows, sims)


def norm_sample(index: CourseIndex) -> dict:
    """A fixed sample of courses (all of them up to ``norm_sample`` courses) whose dense and lexical scores give
    each query's score distribution for z-score fusion: computed in-process from ``vectors.npy`` and the terms,
    so the FAISS and the Qdrant store normalise alike."""
    cached = getattr(index, "_norm_sample", None)
    if cached is not None and cached["n"] == len(index):
        return cached
    n = len(index)
    limit = index.settings.norm_sample
    courses = np.arange(n) if n <= limit else np.linspace(0, n - 1, limit).astype(np.int64)
    ids = index.rows["course_ids"]
    by_course = index.rows["by_course"]
    prow = np.asarray([r for c in courses for r in by_course[ids[int(c)]]], dtype=np.int64)
    sample = {"n": n, "courses": courses, "passage_rows": prow,
              "vectors": np.ascontiguousarray(np.asarray(index.vectors)[prow], dtype=np.float32),
              "bm25": index.base_bm25.matrix.tocsr()[courses].tocsc()}
    index._norm_sample = sample
    return sample


def _stats(values: np.ndarray) -> tuple[float, float]:
    return float(values.mean()), float(values.std()) or 1.0


def score_stats(index: CourseIndex, qvecs: np.ndarray, weights: list[dict[str, float]]) -> list[tuple]:
    """(dense mean, dense std, lexical mean, lexical std) of each query over the normalisation sample."""
    sample = norm_sample(index)
    sims = np.atleast_2d(qvecs) @ sample["vectors"].T
    bm = index.base_bm25
    out = []
    for srow, w in zip(sims, weights):
        dense = aggregate_arrays(index, sample["passage_rows"], srow)[1]
        pairs = [(bm.vocab[t], v) for t, v in w.items() if t in bm.vocab and v]
        if pairs:
            lex = np.asarray(sample["bm25"][:, [c for c, _ in pairs]] @ np.asarray([v for _, v in pairs],
                                                                                   dtype=np.float32)).ravel()
        else:
            lex = np.zeros(len(sample["courses"]), dtype=np.float32)
        out.append((*_stats(dense), *_stats(lex)))
    return out


def fuse(dense: dict[int, float], lex: dict[int, float], weight: float, settings=MATCHING,
         how: str | None = None, stats: tuple | None = None) -> dict[int, float]:
    """Fuse the two sides' course scores:

    - ``z`` (default): weight x z(dense) + (1 - weight) x z(BM25), each z-scored against the query's score
      distribution over the catalogue (``score_stats``); a course missing from the lexical side has BM25 0, one
      missing from the dense side the lowest dense score seen;
    - ``rrf``: weighted reciprocal rank fusion (Cormack et al. 2009);
    - ``score``: weighted sum of scores min-max normalised over each side's candidates.
    """
    how = how or settings.fusion
    if how == "z" and stats is not None:
        dm, ds, lm, ls = stats
        floor = min(dense.values()) if dense else dm
        return {c: weight * (dense.get(c, floor) - dm) / ds + (1 - weight) * (lex.get(c, 0.0) - lm) / ls
                for c in set(dense) | set(lex)}
    if how == "score":
        def norm(d):
            if not d:
                return {}
            lo, hi = min(d.values()), max(d.values())
            return {c: (v - lo) / (hi - lo) if hi > lo else 1.0 for c, v in d.items()}

        nd, nl = norm(dense), norm(lex)
        return {c: weight * nd.get(c, 0.0) + (1 - weight) * nl.get(c, 0.0) for c in set(nd) | set(nl)}
    k = settings.rrf_k
    rd, rl = _ranks(dense), _ranks(lex)
    out = {c: weight / (k + r) for c, r in rd.items()}
    for c, r in rl.items():
        out[c] = out.get(c, 0.0) + (1 - weight) / (k + r)
    return out


def _sentence_parts(index: CourseIndex, sent_vecs: np.ndarray, sentences: list[str], weight: float, depth: int,
                    filters, mask, how: str) -> dict[int, float]:
    """Long needs ask for several things; a course that answers one of them well is relevant. Each sentence is
    searched on its own (both sides, fused the same way) and a course keeps its best sentence score."""
    sent_weights = [query_weights(x, index.settings) for x in sentences]
    stats = score_stats(index, sent_vecs, sent_weights) if how == "z" else [None] * len(sentences)
    hits = index.store.dense(sent_vecs, depth, filters, mask)
    best: dict[int, float] = {}
    for (rows, sims), w, st in zip(hits, sent_weights, stats):
        fused = fuse(_aggregate(index, rows, sims), index.store.lexical(w, depth, filters, mask), weight,
                     index.settings, how, st)
        for c, v in fused.items():
            if v > best.get(c, -np.inf):
                best[c] = v
    return best


def _ranks(scores: dict[int, float]) -> dict[int, int]:
    order = sorted(scores, key=lambda c: -scores[c])
    return {c: i + 1 for i, c in enumerate(order)}


def rank_courses(index: CourseIndex, query: str, method: str = "hybrid", qvec: np.ndarray | None = None,
                 filters: MatchFilters | None = None, dense_weight: float | None = None,
                 depth: int | None = None, weights: dict[str, float] | None = None,
                 fusion: str | None = None, sentences: list[str] | None = None,
                 sent_vecs: np.ndarray | None = None, sentence_weight: float | None = None
                 ) -> list[tuple[int, float, dict]]:
    """Rank course rows: the best ``depth`` [(row, score, {"dense", "bm25"})], best first. ``qvec`` / ``weights``
    skip re-encoding; ``sentences`` with their ``sent_vecs`` add the best-sentence part of the hybrid."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}")
    s = index.settings
    depth = depth or s.dense_depth
    filters = MatchFilters.from_any(filters)
    mask = filter_mask(index, filters) if index.store.needs_mask or method == "bm25_raw" else None
    weights = weights if weights is not None else query_weights(query, s)
    dense: dict[int, float] = {}
    lex: dict[int, float] = {}
    if method in ("hybrid", "dense"):
        if qvec is None:
            qvec = index.embedder.encode_queries([query])[0]
        dense = dense_course_scores(index, qvec, filters, depth, mask)
    if method == "bm25_raw":
        raw = index.raw_bm25.scores(raw_terms(query))
        if mask is not None:
            raw = np.where(mask, raw, 0.0)
        top = np.argpartition(-raw, depth)[:depth] if len(raw) > depth else np.arange(len(raw))
        lex = {int(c): float(raw[c]) for c in top if raw[c] > 0}
    elif method in ("hybrid", "bm25"):
        lex = index.store.lexical(weights, depth, filters, mask)
    if method == "dense":
        fused = dense
    elif method in ("bm25", "bm25_raw"):
        fused = lex
    else:
        w = s.dense_weight if dense_weight is None else dense_weight
        how = fusion or s.fusion
        stats = score_stats(index, qvec, [weights])[0] if how == "z" else None
        fused = fuse(dense, lex, w, s, how, stats)
        beta = s.sentence_weight if sentence_weight is None else sentence_weight
        if beta and sentences and sent_vecs is not None and len(sentences) > 1:
            best = _sentence_parts(index, np.asarray(sent_vecs), sentences, w, depth, filters, mask, how)
            low = min(fused.values()) if fused else 0.0
            low_s = min(best.values()) if best else 0.0
            fused = {c: (1 - beta) * fused.get(c, low) + beta * best.get(c, low_s) for c in set(fused) | set(best)}
    courses = np.fromiter(fused.keys(), dtype=np.int64, count=len(fused))
    values = np.fromiter(fused.values(), dtype=np.float64, count=len(fused))
    order = np.lexsort((courses, -values))[:depth].tolist()  # the best ``depth`` courses are plenty
    courses, values = courses.tolist(), values.tolist()
    return [(courses[i], values[i], {"dense": dense.get(courses[i]), "bm25": lex.get(courses[i])}) for i in order]


def explanation_terms(text: str) -> tuple[set[str], set[str]]:
    """The need's terms for explanations: (whole base forms of its content words, compound parts); verbs are left
    out ("pystyä", "kertoa" say nothing about why a course fits)."""
    from ..text.analysis import voikko_info
    from .lexical import NEED_FRAME_WORDS, STOPWORDS

    whole, parts = set(), set()
    for w in tokenize(text):
        terms = base_terms(w)
        if not terms or w.isdigit() or w in STOPWORDS or voikko_info(w).word_class == "teonsana":
            continue
        if terms[0] not in NEED_FRAME_WORDS and terms[0] not in STOPWORDS:
            whole.add(terms[0])
        parts.update(t for t in terms[1:] if len(t) > 3)
    return whole, parts - whole


def explain(index: CourseIndex, cid: str, sentences: list[str], sent_vecs: np.ndarray,
            qterms: tuple[set[str], set[str]], top: int = 2) -> Explanation:
    rows = index.rows["by_course"][cid]
    sims = sent_vecs @ np.asarray(index.vectors[rows]).T  # (sentences, passages)
    pairs = []
    used = set()
    for flat in np.argsort(-sims, axis=None):
        s, p = divmod(int(flat), sims.shape[1])
        if s in used:
            continue
        used.add(s)
        passage = index.passages[rows[p]]
        pairs.append(MatchedPair(sentences[s], passage.text, passage.kind, round(float(sims[s, p]), 4)))
        if len(pairs) >= top:
            break
    lex = index.base_bm25
    course = index.base_terms_of(cid)
    whole, parts = qterms
    # whole base forms first (rarest first); compound parts only when their compound is not shared itself
    shown = sorted(whole & course, key=lambda t: (-lex.idf_of(t), t))
    shown += sorted((parts & course) - set(shown), key=lambda t: (-lex.idf_of(t), t))
    return Explanation(pairs, shown[:8])


def match(index: CourseIndex, need: str, filters=None, k: int = 10, method: str = "hybrid",
          explain_results: bool = True, encoding: NeedEncoding | None = None, **filter_keywords) -> MatchResult:
    """Rank courses for an employer need; each result says which need sentences matched which course text.
    ``filters``: a ``MatchFilters``, a dict or keywords (``mode=``, ``max_credits=``, ``language=`` ...)."""
    filters = MatchFilters.from_any(filters, **filter_keywords)
    if not len(index):
        raise InputError("Kurssihakemisto on tyhjä. Lisää kursseja ja rakenna hakemisto.")
    enc = encoding or (encode_need(index, need) if method in ("hybrid", "dense") or explain_results else None)
    if enc is None:
        text, warnings = prepare_query(need, index.settings)
        weights = query_weights(text, index.settings)
        qvec = None
    else:
        text, warnings, weights, qvec = enc.text, list(enc.warnings), enc.weights, enc.qvec
    try:
        k = max(1, int(k))
    except (TypeError, ValueError):
        raise InputError(f"Tulosten määrän pitää olla kokonaisluku, nyt {k!r}.") from None
    ranked = rank_courses(index, text, method, qvec, filters, weights=weights,
                          sentences=enc.sentences if enc else None, sent_vecs=enc.sent_vecs if enc else None)[:k]
    ids = index.rows["course_ids"]
    qterms = explanation_terms(text) if explain_results else (set(), set())
    results = []
    for row, score, parts in ranked:
        cid = ids[row]
        item = CourseMatch(**CourseMatch.of(index.records[cid]).__dict__)
        item.score = round(float(score), 6)
        item.dense = None if parts["dense"] is None else round(float(parts["dense"]), 4)
        item.bm25 = None if parts["bm25"] is None else round(float(parts["bm25"]), 4)
        if explain_results:
            item.explanation = explain(index, cid, enc.sentences, enc.sent_vecs, qterms)
        results.append(item)
    if filters.active() and not results:
        warnings.append("Yksikään kurssi ei täytä valittuja rajauksia. Väljennä rajauksia.")
    return MatchResult(query=text, results=results, method=method, warnings=warnings)
