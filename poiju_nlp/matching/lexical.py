"""Lexical side of the hybrid search: Finnish terms (Voikko base forms and compound parts) and a sparse BM25.

Finnish inflects and compounds heavily: an employer writes "kivunhoitoa", a course "kivun arviointi". Indexing the
base form (kivunhoito) and its parts (kipu, hoito) lets BM25 see that both talk about pain.

>>> base_terms("Kivunhoitoa muistisairaille")
['kivunhoito', 'kipu', 'hoito', 'muistisairas', 'muisti', 'sairas']
"""
from __future__ import annotations

import functools
import re

import numpy as np
from scipy import sparse

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+", re.UNICODE)

# Function words and words every course text has; they would only add noise to BM25 and to the explanations.
STOPWORDS = frozenset("""
ja tai sekä että kuin kun jos niin mutta vaan eli myös jo vielä sekä ei olla oli ovat on ole se ne tämä nämä
joka jotka mikä mitkä kuka ne he me te hän minä sinä itse oma kaikki jokin joku mitä miten missä mihin
kanssa mukaan kautta lisäksi esimerkiksi esim kuten noin yli alle jälkeen ennen aikana osa voida tulla saada
pitää täytyä haluta tarvita tarvitsemme meidän meillä meille heidän sen sitä siitä siihen niiden näiden
opiskelija opintojakso kurssi osata koulutus
""".split())


def tokenize(text: str) -> list[str]:
    """Lowercased word tokens, punctuation dropped."""
    return [m.group(0).lower() for m in _WORD.finditer(text)]


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


class BM25:
    """Okapi BM25 as one sparse document x term matrix of precomputed weights, so a query is a column sum
    (milliseconds at 100k documents, unlike per-document Python loops)."""

    def __init__(self, docs: list[list[str]], k1: float = 1.2, b: float = 0.75):
        self.vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        lengths = np.zeros(len(docs), dtype=np.float32)
        for d, doc in enumerate(docs):
            counts: dict[int, int] = {}
            for t in doc:
                j = self.vocab.setdefault(t, len(self.vocab))
                counts[j] = counts.get(j, 0) + 1
            lengths[d] = len(doc)
            rows.extend([d] * len(counts))
            cols.extend(counts.keys())
            vals.extend(counts.values())
        n = len(docs)
        tf = sparse.csr_matrix((np.asarray(vals, dtype=np.float32), (rows, cols)), shape=(n, len(self.vocab)))
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(self.vocab)).astype(np.float32)
        self.idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5)).astype(np.float32)
        avgdl = float(lengths.mean()) if n else 1.0
        norm = k1 * (1 - b + b * lengths / max(avgdl, 1e-9))
        tf = tf.tocoo()
        w = tf.data * (k1 + 1) / (tf.data + norm[tf.row]) * self.idf[tf.col]
        self.matrix = sparse.csc_matrix((w.astype(np.float32), (tf.row, tf.col)), shape=tf.shape)
        self.n = n

    def scores(self, query_terms: list[str]) -> np.ndarray:
        cols = [self.vocab[t] for t in query_terms if t in self.vocab]
        if not cols or not self.n:
            return np.zeros(self.n, dtype=np.float32)
        uniq, counts = np.unique(np.asarray(cols), return_counts=True)
        sub = self.matrix[:, uniq]
        return np.asarray(sub @ counts.astype(np.float32)).ravel()

    def idf_of(self, term: str) -> float:
        j = self.vocab.get(term)
        return float(self.idf[j]) if j is not None else 0.0
