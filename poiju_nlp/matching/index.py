"""``CourseIndex``: e5 passage vectors in FAISS plus a BM25 over Voikko base forms, saved atomically in one folder.

A course becomes several passages (title, windows of description sentences, pairs of learning outcomes): e5 reads at
most 512 tokens, and passage-level scores also tell *which* part of a course answers a need.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from ..errors import PoijuError
from ..records import CourseRecord
from ..settings import MATCHING, MatchingSettings
from .catalog import catalog_sha256
from .lexical import BM25, base_terms, raw_terms

FORMAT_VERSION = 1
FILES = ("records.jsonl", "passages.jsonl", "terms.jsonl", "vectors.npy", "faiss.index")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[\"'(A-ZÅÄÖ0-9])")


class IndexVersionError(PoijuError):
    code = "hakemisto_vanhentunut"


class IndexCorruptError(PoijuError):
    code = "hakemisto_rikki"


def split_sentences(text: str) -> list[str]:
    """Sentences by punctuation and line breaks (fast; course and need texts are well punctuated)."""
    out = []
    for line in re.split(r"\n+", text or ""):
        line = line.strip(" \t-•*")
        if line:
            out.extend(s.strip() for s in _SENT.split(line) if s.strip())
    return out


@dataclass
class Passage:
    pid: int
    course_id: str
    kind: str  # "title" | "description" | "outcomes"
    text: str


def passages_for(record: CourseRecord, settings: MatchingSettings = MATCHING) -> list[tuple[str, str]]:
    out = [("title", record.title)]
    sents = split_sentences(record.description)
    w = settings.window_sentences
    out += [("description", " ".join(sents[i:i + w])) for i in range(0, len(sents), w)]
    lo = record.learning_outcomes
    m = settings.outcomes_per_passage
    out += [("outcomes", " ".join(lo[i:i + m])) for i in range(0, len(lo), m)]
    return [(k, t) for k, t in out if t.strip()]


def course_text(record: CourseRecord) -> str:
    return "\n".join([record.title, record.description, *record.learning_outcomes])


_embedders: dict = {}
_emb_lock = threading.Lock()


def get_match_embedder(backend: str | None = None):
    """The shared embedder for matching (backend chosen by measurement, see MatchingSettings)."""
    from ..text.embedder import Embedder

    backend = backend or os.environ.get("POIJU_MATCH_BACKEND") or MATCHING.embed_backend
    with _emb_lock:
        if backend not in _embedders:
            _embedders[backend] = Embedder(backend=backend)
        return _embedders[backend]


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class CourseIndex:
    """Dense (FAISS) + lexical (BM25) index over course passages. Build with ``CourseIndex.build(records)``."""

    def __init__(self, embedder=None, settings: MatchingSettings = MATCHING):
        self.settings = settings
        self._embedder = embedder
        self.records: dict[str, CourseRecord] = {}
        self.passages: list[Passage] = []
        self.vectors = np.zeros((0, 384), dtype=np.float32)
        self.terms: dict[str, tuple[list[str], list[str]]] = {}  # id -> (base terms, raw terms)
        self.gap_threshold: float = settings.gap_threshold
        self.gap_lex_threshold: float = settings.gap_lex_threshold
        self.gap_calibration: dict = {}
        self.created = ""
        self.model = ""
        self.backend = ""
        self._next_pid = 0
        self._faiss = None
        self._lex = None
        self._lock = threading.RLock()

    # --- construction ------------------------------------------------------------------------------------------
    @property
    def embedder(self):
        if self._embedder is None:
            self._embedder = get_match_embedder()
        return self._embedder

    @classmethod
    def build(cls, records, embedder=None, show_progress: bool = True, settings: MatchingSettings = MATCHING):
        index = cls(embedder=embedder, settings=settings)
        index.add(list(records), show_progress=show_progress)
        return index

    def __len__(self) -> int:
        return len(self.records)

    def _encode(self, texts: list[str], show_progress: bool) -> np.ndarray:
        from tqdm import tqdm

        emb = self.embedder
        self.model, self.backend = emb.name, emb.backend
        batch = max(8, emb.batch_size * 2)
        out = []
        chunks = range(0, len(texts), batch)
        bar = tqdm(total=len(texts), desc="Upotetaan kurssien kohtia", unit="kohta", file=sys.stderr,
                   disable=not show_progress or len(texts) < batch)
        for i in chunks:
            out.append(emb.encode_passages(texts[i:i + batch]))
            bar.update(len(texts[i:i + batch]))
        bar.close()
        return np.vstack(out).astype(np.float32) if out else np.zeros((0, emb.dim), dtype=np.float32)

    def add(self, records, show_progress: bool = False) -> None:
        """Add courses; an existing id is replaced (update). Only the new passages are embedded."""
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
            vecs = self._encode(texts, show_progress)
            for r in records:
                text = course_text(r)
                self.terms[r.id] = (base_terms(text), raw_terms(text))
                self.records[r.id] = r
            self._append(new_passages, vecs)

    def _append(self, passages: list[Passage], vecs: np.ndarray) -> None:
        self.passages.extend(passages)
        self.vectors = vecs if not len(self.vectors) else np.vstack([self.vectors, vecs])
        if self._faiss is not None and not self._is_hnsw(len(self.passages)) and not self._hnsw_now:
            self._faiss.add_with_ids(vecs, np.asarray([p.pid for p in passages], dtype=np.int64))
        else:
            self._faiss = None
        self._lex = None
        self._rows = None

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
            self.vectors = self.vectors[keep]
            for i in ids:
                self.records.pop(i, None)
                self.terms.pop(i, None)
            if self._faiss is not None and not self._hnsw_now:
                self._faiss.remove_ids(gone)
            else:
                self._faiss = None  # HNSW cannot delete; rebuilt lazily
            self._lex = None
            self._rows = None
        return len(ids)

    # --- search structures ---------------------------------------------------------------------------------
    _hnsw_now = False
    _rows = None

    @property
    def uses_hnsw(self) -> bool:
        return self._is_hnsw(len(self.passages))

    def _is_hnsw(self, n: int) -> bool:
        return n > self.settings.hnsw_threshold

    @property
    def faiss_index(self):
        import faiss

        with self._lock:
            if self._faiss is None:
                dim = self.vectors.shape[1] if len(self.vectors) else self.embedder.dim
                n = len(self.passages)
                if self._is_hnsw(n):
                    inner = faiss.IndexHNSWFlat(dim, self.settings.hnsw_m, faiss.METRIC_INNER_PRODUCT)
                    inner.hnsw.efConstruction = self.settings.hnsw_ef_construction
                    inner.hnsw.efSearch = max(self.settings.hnsw_ef_search, self.settings.dense_depth)
                    self._hnsw_now = True
                else:
                    inner = faiss.IndexFlatIP(dim)
                    self._hnsw_now = False
                idx = faiss.IndexIDMap(inner)
                if n:
                    idx.add_with_ids(np.ascontiguousarray(self.vectors),
                                     np.asarray([p.pid for p in self.passages], dtype=np.int64))
                self._faiss = idx
            return self._faiss

    @property
    def rows(self) -> dict:
        """pid -> row in self.passages / self.vectors; course id -> course row; per-course passage rows."""
        with self._lock:
            if self._rows is None:
                course_ids = list(self.records)
                course_row = {c: i for i, c in enumerate(course_ids)}
                by_course: dict[str, list[int]] = {c: [] for c in course_ids}
                for r, p in enumerate(self.passages):
                    by_course[p.course_id].append(r)
                self._rows = {
                    "pid": {p.pid: r for r, p in enumerate(self.passages)},
                    "course_ids": course_ids,
                    "course_row": course_row,
                    "by_course": by_course,
                    "passage_course": np.asarray([course_row[p.course_id] for p in self.passages], dtype=np.int64),
                }
            return self._rows

    @property
    def lexical(self) -> dict:
        """BM25 over base forms + compound parts ("base") and over raw tokens ("raw"), one document per course."""
        with self._lock:
            if self._lex is None:
                ids = self.rows["course_ids"]
                s = self.settings
                self._lex = {
                    "base": BM25([self.terms[i][0] for i in ids], s.bm25_k1, s.bm25_b),
                    "raw": BM25([self.terms[i][1] for i in ids], s.bm25_k1, s.bm25_b),
                }
            return self._lex

    # --- persistence -------------------------------------------------------------------------------------------
    def manifest(self) -> dict:
        return {
            "format_version": FORMAT_VERSION,
            "model": self.model or self.embedder.name,
            "backend": self.backend or self.embedder.backend,
            "dimension": int(self.vectors.shape[1]) if len(self.vectors) else int(self.embedder.dim),
            "count": len(self.records),
            "passages": len(self.passages),
            "catalog_sha256": catalog_sha256(self.records.values()),
            "created": self.created or _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "index_type": "IndexIDMap(IndexHNSWFlat)" if self._is_hnsw(len(self.passages)) else
            "IndexIDMap(IndexFlatIP)",
            "gap_threshold": self.gap_threshold,
            "gap_lex_threshold": self.gap_lex_threshold,
            "gap_calibration": self.gap_calibration,
            "next_pid": self._next_pid,
        }

    def _write_files(self, folder: Path) -> dict:
        import faiss

        def write_lines(name, rows):
            with open(folder / name, "w", encoding="utf-8") as f:
                for row in rows:
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")

        write_lines("records.jsonl", (r.to_dict() for r in self.records.values()))
        write_lines("passages.jsonl", (asdict(p) for p in self.passages))
        write_lines("terms.jsonl", ({"id": i, "base": b, "raw": w} for i, (b, w) in self.terms.items()))
        np.save(folder / "vectors.npy", self.vectors)
        faiss.write_index(self.faiss_index, str(folder / "faiss.index"))
        return {name: _sha256_file(folder / name) for name in FILES}

    def save(self, folder) -> Path:
        """Atomic save: everything goes to a temporary folder next to ``folder``, which then replaces it; a crash
        at any point leaves the previous index loadable (``folder`` or, between the two renames, ``folder.old``)."""
        folder = Path(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.tmp-", dir=folder.parent))
        old = folder.with_name(folder.name + ".old")
        try:
            with self._lock:
                manifest = self.manifest()
                manifest["files"] = self._write_files(tmp)
            with open(tmp / "manifest.json", "w", encoding="utf-8") as f:
                json.dump(manifest, f, ensure_ascii=False, indent=2)
            for p in tmp.iterdir():
                with open(p, "rb") as f:
                    os.fsync(f.fileno())
            _fsync_dir(tmp)
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
        return folder

    @classmethod
    def load(cls, folder, embedder=None, settings: MatchingSettings = MATCHING) -> "CourseIndex":
        """Load a saved index; a folder from another model or format version asks to rebuild."""
        import faiss

        folder = Path(folder)
        old = folder.with_name(folder.name + ".old")
        if not folder.exists() and old.exists():  # a crash between the two renames of save()
            folder = old
        if not (folder / "manifest.json").exists():
            raise IndexCorruptError(f"Kansiossa {folder} ei ole hakemistoa (manifest.json puuttuu). Rakenna se "
                                    "komennolla: python -m poiju_nlp index --catalog KURSSIT --out KANSIO")
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise IndexCorruptError(f"Hakemiston kuvaustiedosto {folder / 'manifest.json'} on rikki ({err}). "
                                    "Rakenna hakemisto uudelleen.") from err
        index = cls(embedder=embedder, settings=settings)
        rebuild = ("Rakenna hakemisto uudelleen: python -m poiju_nlp index --catalog KURSSIT --out " + str(folder))
        if manifest.get("format_version") != FORMAT_VERSION:
            raise IndexVersionError(f"Hakemisto {folder} on tehty eri ohjelmaversiolla (muoto "
                                    f"{manifest.get('format_version')}, nyt {FORMAT_VERSION}). {rebuild}")
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
                index.terms[row["id"]] = (row["base"], row["raw"])
            index.vectors = np.load(folder / "vectors.npy")
            index._faiss = faiss.read_index(str(folder / "faiss.index"))
        except Exception as err:
            raise IndexCorruptError(f"Hakemistoa {folder} ei voitu lukea ({type(err).__name__}: {err}). "
                                    f"{rebuild}") from err
        if len(index.passages) != len(index.vectors) or index._faiss.ntotal != len(index.passages):
            raise IndexCorruptError(f"Hakemiston {folder} tiedostot eivät vastaa toisiaan. {rebuild}")
        index._hnsw_now = "HNSW" in manifest.get("index_type", "")
        index.model, index.backend = manifest["model"], manifest.get("backend", "")
        index.created = manifest.get("created", "")
        index.gap_threshold = float(manifest.get("gap_threshold", settings.gap_threshold))
        index.gap_lex_threshold = float(manifest.get("gap_lex_threshold", settings.gap_lex_threshold))
        index.gap_calibration = manifest.get("gap_calibration") or {}
        index._next_pid = int(manifest.get("next_pid", len(index.passages)))
        return index


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
