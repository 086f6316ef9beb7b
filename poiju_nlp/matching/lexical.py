"""Lexical side of the hybrid search: Finnish terms (Voikko base forms and compound parts), field-weighted BM25
document weights and query term weights, shared by every store (the FAISS store keeps them in a sparse matrix,
the Qdrant store as sparse vectors).

Finnish inflects and compounds heavily: an employer writes "kivunhoitoa", a course "kivun arviointi". Indexing the
base form (kivunhoito) and its parts (kipu, hoito) lets BM25 see that both talk about pain.

>>> base_terms("Kivunhoitoa muistisairaille")
['kivunhoito', 'kipu', 'hoito', 'muistisairas', 'muisti', 'sairas']
>>> sorted(query_weights("Tarvitsemme kivunhoitoa. Kivunhoito on tärkeää.").items())[:2]
[('hoito', 1.693), ('kipu', 1.693)]
"""
from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter

import numpy as np
from scipy import sparse

from ..settings import MATCHING, MatchingSettings

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+", re.UNICODE)

# Function words and words every course text has; they would only add noise to BM25 and to the explanations.
STOPWORDS = frozenset("""
ja tai sekä että kuin kun jos niin mutta vaan eli myös jo vielä sekä ei olla oli ovat on ole se ne tämä nämä
joka jotka mikä mitkä kuka ne he me te hän minä sinä itse oma kaikki jokin joku mitä miten missä mihin
kanssa mukaan kautta lisäksi esimerkiksi esim kuten noin yli alle jälkeen ennen aikana osa voida tulla saada
pitää täytyä haluta tarvita tarvitsemme meidän meillä meille heidän sen sitä siitä siihen niiden näiden
opiskelija opintojakso kurssi osata koulutus
""".split())

# Words of the need's frame rather than its topic: what employers and occupation descriptions write around the
# skills ("Henkilöstömme tarvitsee osaamista ...", "Ammatissa on kyettävä ..."). They keep a small weight (they
# are not meaningless), so a need made only of them still finds something.
NEED_FRAME_WORDS = frozenset("""
tarve osaaminen osaava taito valmius kyky kyetä pystyä ammatti ammattilainen työntekijä henkilöstö henkilökunta
työ työskennellä tehtävä tehdä vastata huolehtia hoitaa toimia kuulua liittyä varmistaa hyvä uusi tärkeä
yksikkö organisaatio työpaikka asiakas ihminen henkilö ryhmä ala koko
""".split())

FIELDS = ("title", "description", "outcomes")


def tokenize(text: str) -> list[str]:
    """Lowercased word tokens, punctuation dropped."""
    return [m.group(0).lower() for m in _WORD.finditer(text or "")]


@functools.lru_cache(maxsize=200_000)
def _word_terms(word: str) -> tuple[str, ...]:
    from ..text.analysis import voikko_info

    if word.isdigit():
        return ()
    info = voikko_info(word)
    base = (info.baseform or word).lower()
    terms = [base]
    parts = [p.base.lower() for p in info.compound_parts if p.base]
    if len(parts) > 1:
        terms.extend(p for p in parts if p != base and len(p) > 2)
    return tuple(t for t in terms if t not in STOPWORDS)


def base_terms(text: str) -> list[str]:
    """Voikko base forms plus compound parts of every word (stop words dropped)."""
    out: list[str] = []
    for w in tokenize(text):
        out.extend(_word_terms(w))
    return out


def raw_terms(text: str) -> list[str]:
    """Surface tokens (the 'BM25 on raw tokens' baseline)."""
    return [w for w in tokenize(text) if not w.isdigit()]


def field_terms(record) -> dict[str, list[str]]:
    """Base terms of a course per field."""
    return {"title": base_terms(record.title), "description": base_terms(record.description),
            "outcomes": base_terms("\n".join(record.learning_outcomes))}


def weighted_counts(fields: dict[str, list[str]], settings: MatchingSettings = MATCHING) -> dict[str, float]:
    """Field-weighted term frequencies (BM25F-style): a word in the title or the learning outcomes counts more than
    the same word in the description's prose."""
    weights = {"title": settings.title_weight, "outcomes": settings.outcomes_weight, "description": 1.0}
    out: Counter = Counter()
    for name, terms in fields.items():
        w = weights.get(name, 1.0)
        for t in terms:
            out[t] += w
    return dict(out)


def query_weights(text: str, settings: MatchingSettings = MATCHING) -> dict[str, float]:
    """Query term weights for the lexical side: saturated term frequency (1 + ln tf: a long need that repeats a
    word should not let it drown the others) times a small weight for words of the need's frame."""
    counts = Counter(base_terms(text))
    out = {}
    for t, c in counts.items():
        w = 1.0 + math.log(c)
        if t in NEED_FRAME_WORDS:
            w *= settings.frame_word_weight
        out[t] = round(w, 3)
    return out


def term_id(term: str) -> int:
    """A stable 31-bit index for a term (the sparse vector dimension in Qdrant): no vocabulary has to be shared
    between the indexing and the searching process or between the nodes of a cluster."""
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=4).digest(), "big") & 0x7FFFFFFF


class BM25:
    """Okapi BM25 as one sparse document x term matrix of precomputed weights, so a query is a column sum
    (milliseconds at 100k documents, unlike per-document Python loops). Documents are term -> (weighted)
    frequency maps or plain term lists."""

    def __init__(self, docs, k1: float = 1.2, b: float = 0.75):
        self.vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        lengths = np.zeros(len(docs), dtype=np.float32)
        for d, doc in enumerate(docs):
            counts = Counter(doc) if not isinstance(doc, dict) else doc
            for t, c in counts.items():
                rows.append(d)
                cols.append(self.vocab.setdefault(t, len(self.vocab)))
                vals.append(float(c))
            lengths[d] = float(sum(counts.values()))
        n = len(docs)
        self.n = n
        self.k1, self.b = k1, b
        self.avgdl = float(lengths.mean()) if n else 1.0
        tf = sparse.csr_matrix((np.asarray(vals, dtype=np.float32), (rows, cols)), shape=(n, len(self.vocab)))
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(self.vocab)).astype(np.float32)
        self.df = df
        self.idf = idf(df, n)
        tf = tf.tocoo()
        self.tf_part = saturate(tf.data, lengths[tf.row], self.avgdl, k1, b)  # the part Qdrant stores
        w = self.tf_part * self.idf[tf.col]
        self.matrix = sparse.csc_matrix((w.astype(np.float32), (tf.row, tf.col)), shape=tf.shape)
        self._coo = tf

    def scores(self, query) -> np.ndarray:
        """BM25 of every document for a term list (counts) or a term -> weight map."""
        weights = Counter(query) if not isinstance(query, dict) else query
        pairs = [(self.vocab[t], w) for t, w in weights.items() if t in self.vocab and w]
        if not pairs or not self.n:
            return np.zeros(self.n, dtype=np.float32)
        m = self.matrix  # CSC: a column's weights are one contiguous slice
        out = np.zeros(self.n, dtype=np.float32)
        for c, w in pairs:
            a, b = m.indptr[c], m.indptr[c + 1]
            out[m.indices[a:b]] += np.float32(w) * m.data[a:b]
        return out

    def idf_of(self, term: str) -> float:
        j = self.vocab.get(term)
        return float(self.idf[j]) if j is not None else 0.0

    def doc_tf_parts(self) -> list[dict[str, float]]:
        """Per document: term -> saturated, length-normalised tf (BM25 without the idf factor)."""
        inv = {j: t for t, j in self.vocab.items()}
        out: list[dict[str, float]] = [{} for _ in range(self.n)]
        for r, c, v in zip(self._coo.row.tolist(), self._coo.col.tolist(), self.tf_part.tolist()):
            out[r][inv[c]] = v
        return out


def idf(df, n: int) -> np.ndarray:
    """BM25 idf, the formula Qdrant's IDF modifier uses too: ln(1 + (n - df + 0.5) / (df + 0.5))."""
    df = np.asarray(df, dtype=np.float64)
    return np.log(1.0 + (n - df + 0.5) / (df + 0.5)).astype(np.float32)


def saturate(tf, doc_len, avgdl: float, k1: float, b: float):
    """tf (k1 + 1) / (tf + k1 (1 - b + b dl / avgdl))."""
    tf = np.asarray(tf, dtype=np.float32)
    norm = k1 * (1 - b + b * np.asarray(doc_len, dtype=np.float32) / max(avgdl, 1e-9))
    return (tf * (k1 + 1) / (tf + norm)).astype(np.float32)
