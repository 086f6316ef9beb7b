"""A Qdrant store for ``CourseIndex``: the same searches as ``FaissStore``, for a catalogue shared by many machines.

Two collections per index:

- ``<prefix>_passages_<id>``: one point per passage (id = passage pid), named dense vector ``dense`` (e5, cosine),
  payload ``course_id``, ``kind`` and the filter fields;
- ``<prefix>_courses_<id>``: one point per course (id = uuid5 of the course id), named sparse vector ``bm25`` whose
  values are the project's field-weighted, saturated and length-normalised term frequencies (``lexical.BM25``
  without idf) at stable hashed term indices (``lexical.term_id``); Qdrant's IDF modifier adds the idf with the
  same formula, so a sparse query of the need's term weights scores exactly the project's BM25.

Filters become payload filters (``_payload_filter``). Ranking, fusion, explanations, bundles and gaps stay in the
project (``search.py``), so results match the FAISS store. Modes:

- embedded (default): ``QdrantClient(path=DIR/qdrant)``, in-process and offline, written fresh on every save;
  one process at a time may open it (Qdrant's own lock), so a web app and a CLI use one folder in turn;
- server or cluster: ``QdrantClient(url=…)``; the collections live on the server and the index folder keeps the
  catalogue, the manifest (with the URL and collection names) and ``vectors.npy`` for explanations.
"""
from __future__ import annotations

import atexit
import os
import threading
import uuid
import weakref
from pathlib import Path

import numpy as np

from ..errors import PoijuError
from ..settings import get_settings
from .lexical import term_id
from .store import Store

NAMESPACE = uuid.UUID("6f0b2a0e-4b1c-5c8e-9a51-706f696a7521")
BATCH = 256


class QdrantUnavailableError(PoijuError):
    code = "qdrant_ei_vastaa"


_open_stores: "weakref.WeakSet[QdrantStore]" = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    """Close embedded clients before the interpreter tears down (their finalisers fail at shutdown)."""
    for store in list(_open_stores):
        try:
            store.close()
        except Exception:  # noqa: BLE001 - shutting down
            pass


def course_point_id(cid: str) -> str:
    return str(uuid.uuid5(NAMESPACE, cid))


def _payload(record) -> dict:
    from .search import norm_mode

    return {"course_id": record.id, "mode": norm_mode(record.mode), "credits": record.credits,
            "hours": record.workload_hours, "language": (record.language or "").lower(),
            "provider": record.provider, "tags": [t.lower() for t in record.tags], "price": record.price_eur}


def _sparse(weights: dict[str, float]):
    from qdrant_client import models

    merged: dict[int, float] = {}
    for t, w in weights.items():
        if w:
            j = term_id(t)
            merged[j] = merged.get(j, 0.0) + float(w)
    idx = sorted(merged)
    return models.SparseVector(indices=idx, values=[merged[i] for i in idx])


class QdrantStore(Store):
    name = "qdrant"
    needs_mask = False

    def __init__(self, index, url: str | None = None, api_key: str | None = None, prefix: str | None = None):
        super().__init__(index)
        self.url = url
        self.api_key = api_key or get_settings().qdrant_api_key or None  # a secret: never in the manifest
        self.prefix = prefix or index.settings.qdrant_prefix
        self.token = uuid.uuid4().hex[:12]
        self._client = None
        self._path: Path | None = None
        self._ready = False  # the collections exist in the current client
        self._lock = threading.RLock()
        _open_stores.add(self)

    # --- client and collections -------------------------------------------------------------------------------
    @property
    def passages_collection(self) -> str:
        return f"{self.prefix}_passages_{self.token}"

    @property
    def courses_collection(self) -> str:
        return f"{self.prefix}_courses_{self.token}"

    @property
    def local(self) -> bool:
        return not self.url

    def _connect(self, path: Path | None = None):
        from qdrant_client import QdrantClient

        try:
            if self.url:
                client = QdrantClient(url=self.url, api_key=self.api_key, timeout=30)
                client.get_collections()  # fail now, with a clear message, if nothing answers
                return client
            if path is None:
                return QdrantClient(location=":memory:")
            return QdrantClient(path=str(path))
        except RuntimeError as err:
            if "already accessed" in str(err):
                raise PoijuError(f"Hakemiston Qdrant-tietoja ({path}) käyttää jo toinen ohjelma. Upotettu Qdrant "
                                 "sallii yhden käyttäjän kerrallaan: sulje toinen ohjelma tai käytä Qdrant-palvelinta "
                                 "(--qdrant-url), jos useampi prosessi hakee samaan aikaan.") from err
            raise
        except Exception as err:  # connection refused, DNS, TLS, timeouts ...
            raise QdrantUnavailableError(f"Qdrant-palvelin {self.url} ei vastaa ({type(err).__name__}). Tarkista "
                                         "osoite ja että palvelin on käynnissä (katso README: Qdrant).") from err

    @property
    def client(self):
        if self._client is None:
            with self._lock:
                if self._client is None:
                    self._client = self._connect(self._path)
        return self._client

    def _call(self, fn, *args, **kwargs):
        """Qdrant calls; the embedded client is not made for concurrent use, so its calls take turns (each lasts
        milliseconds), while a server client is used concurrently."""
        try:
            if self.local:
                with self._lock:
                    return fn(*args, **kwargs)
            return fn(*args, **kwargs)
        except PoijuError:
            raise
        except Exception as err:
            if self.url and type(err).__name__ in ("ResponseHandlingException", "ConnectError", "ConnectTimeout",
                                                   "ReadTimeout", "RpcError"):
                raise QdrantUnavailableError(f"Qdrant-palvelin {self.url} ei vastaa ({type(err).__name__}).") from err
            raise

    def _create(self, client) -> None:
        from qdrant_client import models

        dim = self.index.vectors.shape[1] if len(self.index.vectors) else self.index.embedder.dim
        client.create_collection(self.passages_collection, vectors_config={
            "dense": models.VectorParams(size=int(dim), distance=models.Distance.COSINE)})
        client.create_collection(self.courses_collection, vectors_config={}, sparse_vectors_config={
            "bm25": models.SparseVectorParams(modifier=models.Modifier.IDF)})
        if not self.local:
            for field, schema in (("course_id", "keyword"), ("mode", "keyword"), ("language", "keyword"),
                                  ("provider", "keyword"), ("tags", "keyword"), ("credits", "float"),
                                  ("hours", "float"), ("price", "float")):
                for coll in (self.passages_collection, self.courses_collection):
                    client.create_payload_index(coll, field, field_schema=schema)

    def _ensure(self) -> None:
        if not self._ready:
            with self._lock:
                if not self._ready:
                    self._call(self._create, self.client)
                    self._ready = True

    def _upsert(self, client, passages, vectors: np.ndarray, course_ids: list[str]) -> None:
        from qdrant_client import models

        index = self.index
        records = index.records
        points = [models.PointStruct(id=int(p.pid), vector={"dense": np.asarray(v, dtype=np.float32).tolist()},
                                     payload={**_payload(records[p.course_id]), "kind": p.kind})
                  for p, v in zip(passages, vectors)]
        for i in range(0, len(points), BATCH):
            client.upsert(self.passages_collection, points=points[i:i + BATCH], wait=True)
        tf_parts = self._tf_parts(course_ids)
        courses = [models.PointStruct(id=course_point_id(c), vector={"bm25": _sparse(tf_parts[c])},
                                      payload=_payload(records[c])) for c in course_ids]
        for i in range(0, len(courses), BATCH):
            client.upsert(self.courses_collection, points=courses[i:i + BATCH], wait=True)

    def _tf_parts(self, course_ids: list[str]) -> dict[str, dict[str, float]]:
        """Saturated, length-normalised term frequencies (BM25 without idf) with the current catalogue's average
        length. Courses added later use the average of their time; a full re-index recomputes all."""
        bm = self.index.base_bm25
        parts = bm.doc_tf_parts()
        row = self.index.rows["course_row"]
        return {c: parts[row[c]] for c in course_ids}

    # --- Store interface --------------------------------------------------------------------------------------
    def prepare(self) -> None:
        if self.url:
            self.client  # noqa: B018 - connect now: a server that does not answer fails before any encoding

    def added(self, passages, vectors, course_ids) -> None:
        self._ensure()
        self._call(self._upsert, self.client, passages, vectors, course_ids)

    def removed(self, pids, course_ids) -> None:
        from qdrant_client import models

        if not self._ready:
            return
        self._call(self.client.delete, self.passages_collection,
                   points_selector=models.PointIdsList(points=[int(p) for p in pids]), wait=True)
        self._call(self.client.delete, self.courses_collection,
                   points_selector=models.PointIdsList(points=[course_point_id(c) for c in course_ids]), wait=True)

    def dense(self, qvecs, depth, filters=None, mask=None):
        from qdrant_client import models

        index = self.index
        q = np.asarray(qvecs, dtype=np.float32).reshape(-1, index.vectors.shape[1] if len(index.vectors) else 384)
        if not len(index.passages) or not self._ready:
            return [(np.zeros(0, np.int64), np.zeros(0, np.float32)) for _ in q]
        flt = self._payload_filter(filters)
        requests = [models.QueryRequest(query=v.tolist(), using="dense", limit=int(depth), filter=flt,
                                        with_payload=False) for v in q]
        responses = self._call(self.client.query_batch_points, self.passages_collection, requests=requests)
        pid_row = index.rows["pid"]
        out = []
        for resp in responses:
            rows = np.asarray([pid_row[int(p.id)] for p in resp.points], dtype=np.int64)
            sims = np.asarray([p.score for p in resp.points], dtype=np.float32)
            out.append((rows, sims))
        return out

    def lexical(self, weights, depth, filters=None, mask=None):
        if not self._ready or not weights:
            return {}
        vec = _sparse(weights)
        if not vec.indices:
            return {}
        resp = self._call(self.client.query_points, self.courses_collection, query=vec, using="bm25",
                          limit=int(depth), query_filter=self._payload_filter(filters), with_payload=["course_id"])
        row = self.index.rows["course_row"]
        return {row[p.payload["course_id"]]: float(p.score) for p in resp.points
                if p.score > 0 and p.payload["course_id"] in row}

    def _payload_filter(self, filters):
        """MatchFilters as a Qdrant filter, with the same meaning as ``MatchFilters.allows``."""
        from qdrant_client import models

        if filters is None or not filters.active():
            return None
        must = []
        modes = filters.modes()
        if modes:
            must.append(models.FieldCondition(key="mode", match=models.MatchAny(any=sorted(modes))))
        if filters.max_credits is not None:
            must.append(models.FieldCondition(key="credits", range=models.Range(lte=filters.max_credits)))
        if filters.max_hours is not None:
            must.append(models.FieldCondition(key="hours", range=models.Range(lte=filters.max_hours)))
        if filters.language:
            must.append(models.FieldCondition(key="language", match=models.MatchValue(value=filters.language.lower())))
        if filters.provider:  # a part of the name: the providers that contain it, from the catalogue
            wanted = filters.provider.lower()
            names = sorted({r.provider for r in self.index.records.values() if wanted in r.provider.lower()})
            must.append(models.FieldCondition(key="provider", match=models.MatchAny(any=names or ["\x00"])))
        if filters.tags:
            must.append(models.FieldCondition(key="tags", match=models.MatchAny(any=[t.lower() for t in filters.tags])))
        if filters.max_price is not None:  # no price means free, as in MatchFilters.allows
            must.append(models.Filter(should=[
                models.FieldCondition(key="price", range=models.Range(lte=filters.max_price)),
                models.IsEmptyCondition(is_empty=models.PayloadField(key="price"))]))
        return models.Filter(must=must)

    # --- persistence ------------------------------------------------------------------------------------------
    def manifest(self) -> dict:
        return {"store": self.name, "index_type": "Qdrant (dense cosine + sparse BM25, IDF modifier)",
                "qdrant": {"mode": "embedded" if self.local else "server", "url": self.url or "",
                           "passages_collection": self.passages_collection,
                           "courses_collection": self.courses_collection}}

    def write(self, folder: Path) -> list[str]:
        """Embedded: a fresh copy of both collections under ``folder/qdrant`` from the index's own state (so a save
        is atomic like the FAISS store's). Server: the collections were written as courses were added."""
        if not self.local:
            self._ensure()
            return []
        client = self._connect(folder / "qdrant")
        try:
            self._create(client)
            index = self.index
            self._upsert(client, index.passages, np.asarray(index.vectors), list(index.records))
        finally:
            client.close()
        return []

    def close_if_in(self, folder: Path) -> None:
        folder = Path(folder).resolve()
        if self._client is not None and self._path is not None and folder in self._path.resolve().parents:
            self.close()

    def saved(self, folder: Path, manifest: dict) -> None:
        if self.local:  # search the saved copy from now on (the in-memory build copy is dropped)
            self.close()
            self._path = Path(folder) / "qdrant"
            self._ready = True

    def opened(self, folder: Path, manifest: dict) -> None:
        info = manifest.get("qdrant") or {}
        coll = info.get("passages_collection", "")
        self.token = coll.rsplit("_", 1)[-1] if coll else self.token
        self.prefix = coll[:-len(f"_passages_{self.token}")] if coll else self.prefix
        if info.get("mode") == "server":
            self.url = self.url or info.get("url")
            if not self.url:
                raise PoijuError("Hakemiston kurssit ovat Qdrant-palvelimella, mutta osoite puuttuu. Anna se "
                                 "valinnalla --qdrant-url.")
        else:
            self.url = None
            self._path = Path(folder) / "qdrant"
            if not self._path.exists():
                raise FileNotFoundError(f"{self._path} puuttuu")
        count = self._call(self.client.count, self.passages_collection).count
        if count != len(self.index.passages):
            raise ValueError(f"Qdrant has {count} passages, passages.jsonl {len(self.index.passages)}")
        self._ready = True

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                try:
                    self._client.close()
                finally:
                    self._client = None
