"""Where the index's vectors and lexical weights live and are searched: the store interface and the default store.

``CourseIndex`` keeps the catalogue, the passages, their terms and vectors (``vectors.npy``) in its folder and asks a
store for two searches:

- ``dense(qvecs, depth, filters, mask)``: the ``depth`` passages nearest to each query vector, among the allowed
  courses only (so a filter never leaves fewer candidates than it could);
- ``lexical(weights, depth, filters, mask)``: BM25 scores of the best ``depth`` courses for weighted query terms.

Ranking, fusion, explanations, bundles and gaps are computed from these in ``search.py``, the same for every store.
Two stores exist:

- ``FaissStore`` (default): in-process, FAISS (exact inner product; HNSW above ``hnsw_threshold`` passages) and a
  sparse BM25 matrix. Filters are a boolean mask over courses.
- ``QdrantStore`` (``qdrant_store.py``): a Qdrant collection of passages (dense e5) and one of courses (sparse BM25
  weights computed by the project, idf by Qdrant), in-process with ``QdrantClient(path=…)`` or on a server or
  cluster with ``url=``. Filters become payload filters.
"""
from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from .lexical import BM25

STORES = ("faiss", "qdrant")


class Store:
    """Interface (see the module docstring). ``index`` is the owning ``CourseIndex``."""

    name = "abstract"
    needs_mask = True  # whether searches want the filter as a course mask (else as MatchFilters)

    def __init__(self, index):
        self.index = index

    def reset(self) -> None:
        """Forget derived structures after the index changed (rebuilt lazily)."""

    def prepare(self) -> None:
        """Called before a build encodes anything: a store that can fail (a server) fails now."""

    def added(self, passages, vectors: np.ndarray, course_ids: list[str]) -> None:
        """Courses were added (their passages and vectors are already in the index)."""
        self.reset()

    def removed(self, pids: np.ndarray, course_ids: list[str]) -> None:
        self.reset()

    def dense(self, qvecs: np.ndarray, depth: int, filters=None, mask: np.ndarray | None = None
              ) -> list[tuple[np.ndarray, np.ndarray]]:
        raise NotImplementedError

    def lexical(self, weights: dict[str, float], depth: int, filters=None, mask: np.ndarray | None = None
                ) -> dict[int, float]:
        raise NotImplementedError

    def manifest(self) -> dict:
        return {"store": self.name}

    def write(self, folder: Path) -> list[str]:
        """Write the store's own files into ``folder`` (a fresh temporary folder); return their names."""
        return []

    def opened(self, folder: Path, manifest: dict) -> None:
        """Attach to the store files of a loaded index folder."""

    def close_if_in(self, folder: Path) -> None:
        """Release files under ``folder`` before ``save`` replaces it."""

    def saved(self, folder: Path, manifest: dict) -> None:
        """``save`` finished: the index now lives in ``folder``."""

    def close(self) -> None:
        pass


class FaissStore(Store):
    """FAISS over ``index.vectors`` + a BM25 matrix over the courses' field-weighted terms."""

    name = "faiss"
    FILE = "faiss.index"

    def __init__(self, index):
        super().__init__(index)
        self._faiss = None
        self._bm25 = None
        self._lock = threading.Lock()

    def reset(self) -> None:
        self._faiss = None
        self._bm25 = None

    # --- structures (built once, then read without locks) -----------------------------------------------------
    @property
    def uses_hnsw(self) -> bool:
        return len(self.index.passages) > self.index.settings.hnsw_threshold

    @property
    def faiss_index(self):
        idx = self._faiss
        if idx is None:
            with self._lock:
                if self._faiss is None:
                    self._faiss = self._build_faiss()
                idx = self._faiss
        return idx

    def _build_faiss(self):
        import faiss

        index, s = self.index, self.index.settings
        dim = index.vectors.shape[1] if len(index.vectors) else index.embedder.dim
        if self.uses_hnsw:
            inner = faiss.IndexHNSWFlat(dim, s.hnsw_m, faiss.METRIC_INNER_PRODUCT)
            inner.hnsw.efConstruction = s.hnsw_ef_construction
            inner.hnsw.efSearch = max(s.hnsw_ef_search, s.dense_depth)
        else:
            inner = faiss.IndexFlatIP(dim)
        idx = faiss.IndexIDMap(inner)
        if len(index.passages):
            idx.add_with_ids(np.ascontiguousarray(index.vectors, dtype=np.float32),
                             np.asarray([p.pid for p in index.passages], dtype=np.int64))
        return idx

    @property
    def bm25(self) -> BM25:
        bm = self._bm25
        if bm is None:
            with self._lock:
                if self._bm25 is None:
                    s = self.index.settings
                    self._bm25 = BM25(self.index.lexical_docs(), s.bm25_k1, s.bm25_b)
                bm = self._bm25
        return bm

    def warm(self) -> None:
        self.faiss_index  # noqa: B018
        self.bm25  # noqa: B018

    # --- searches ---------------------------------------------------------------------------------------------
    def dense(self, qvecs, depth, filters=None, mask=None):
        """Exact: one BLAS matrix product over all (allowed) passages, which for a few queries with a deep k is
        far faster than IndexFlatIP's heap search over the same vectors; HNSW above the threshold."""
        index = self.index
        n = len(index.passages)
        q = np.ascontiguousarray(np.asarray(qvecs, dtype=np.float32).reshape(-1, index.vectors.shape[1]))
        if not n:
            return [(np.zeros(0, np.int64), np.zeros(0, np.float32)) for _ in q]
        if mask is None and self.uses_hnsw:
            sims, pids = self.faiss_index.search(q, min(depth, n))
            pid_row = index.rows["pid"]
            out = []
            for srow, prow in zip(sims, pids):
                ok = prow >= 0
                out.append((np.asarray([pid_row[int(p)] for p in prow[ok]], dtype=np.int64), srow[ok]))
            return out
        if mask is not None:
            rows = np.flatnonzero(mask[index.rows["passage_course"]])
            sims = q @ index.vectors[rows].T
        else:
            rows = None
            sims = q @ index.vectors.T
        out = []
        for srow in sims:
            top = np.argpartition(-srow, depth)[:depth] if len(srow) > depth else np.arange(len(srow))
            out.append(((rows[top] if rows is not None else top).astype(np.int64), srow[top]))
        return out

    def lexical(self, weights, depth, filters=None, mask=None):
        s = self.bm25.scores(weights)
        if mask is not None:
            s = np.where(mask, s, 0.0)
        top = np.argpartition(-s, depth)[:depth] if len(s) > depth else np.arange(len(s))
        return {int(c): float(s[c]) for c in top if s[c] > 0}

    # --- persistence ------------------------------------------------------------------------------------------
    def manifest(self) -> dict:
        return {"store": self.name,
                "index_type": "IndexIDMap(IndexHNSWFlat)" if self.uses_hnsw else "IndexIDMap(IndexFlatIP)"}

    def write(self, folder: Path) -> list[str]:
        import faiss

        faiss.write_index(self.faiss_index, str(folder / self.FILE))
        return [self.FILE]

    def opened(self, folder: Path, manifest: dict) -> None:
        import faiss

        idx = faiss.read_index(str(folder / self.FILE))
        if idx.ntotal != len(self.index.passages):
            raise ValueError(f"faiss.index has {idx.ntotal} vectors, passages.jsonl {len(self.index.passages)}")
        if ("HNSW" in manifest.get("index_type", "")) == self.uses_hnsw:
            self._faiss = idx  # else rebuilt lazily in the type the settings ask for


def make_store(name: str, index, **options) -> Store:
    if name == "faiss":
        return FaissStore(index)
    if name == "qdrant":
        from .qdrant_store import QdrantStore

        return QdrantStore(index, **options)
    raise ValueError(f"unknown store {name!r} (use one of {', '.join(STORES)})")
