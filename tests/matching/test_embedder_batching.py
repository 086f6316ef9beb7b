"""Micro-batching of query encodes: concurrent callers share engine calls, every caller gets its own rows, a
failure reaches every caller, and the real e5 gives the same vectors batched or alone."""
import threading
import time

import numpy as np
import pytest

from poiju_nlp.text.embedder import QUERY_PREFIX, MicroBatcher

NEEDS = ["Hoitajamme tarvitsevat osaamista kivunhoitoon muistisairaille.",
         "Koko henkilöstön pitää osata alkusammutus.",
         "Tarvitsemme koulutusta tietojenkalastelun tunnistamiseen.",
         "Esihenkilöt tarvitsevat työsuojelun perusteet.",
         "Kotihoidon asiakkaista moni on diabeetikko.",
         "Uhkaavat tilanteet päivystyksessä ovat lisääntyneet.",
         "Haluamme kehittää etäkuntoutusta.",
         "Lastensuojelun ohjaajat tarvitsevat ensiapukoulutusta."]


def _concurrently(fn, args):
    out = [None] * len(args)
    barrier = threading.Barrier(len(args))

    def work(i):
        barrier.wait()
        out[i] = fn(args[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(args))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return out


def test_concurrent_callers_share_engine_calls_and_get_their_own_rows():
    def slow_run(texts, prefix):  # an engine call that takes 50 ms whatever the batch size
        time.sleep(0.05)
        return np.asarray([[len(t), hash(t) % 997] for t in texts], dtype=np.float32)

    batcher = MicroBatcher(slow_run, window_s=0.01, parallel=1)
    got = _concurrently(lambda t: batcher.encode([t, t + "!"], QUERY_PREFIX), NEEDS)
    for text, rows in zip(NEEDS, got):
        assert rows.tolist() == slow_run([text, text + "!"], QUERY_PREFIX).tolist()
    assert batcher.requests == len(NEEDS) and batcher.calls < len(NEEDS)


def test_a_failure_reaches_every_caller_of_the_batch():
    def broken(texts, prefix):
        time.sleep(0.02)
        raise RuntimeError("moottori kaatui")

    batcher = MicroBatcher(broken, window_s=0.01)
    errors = _concurrently(lambda t: pytest.raises(RuntimeError, batcher.encode, [t], QUERY_PREFIX), NEEDS[:4])
    assert all("moottori kaatui" in str(e.value) for e in errors)
    assert batcher._inflight == 0 and not batcher._open  # nothing left hanging


def test_a_lone_request_does_not_wait_for_the_window():
    batcher = MicroBatcher(lambda texts, p: np.zeros((len(texts), 2), np.float32), window_s=0.5)
    t0 = time.perf_counter()
    batcher.encode(["yksin"], QUERY_PREFIX)
    assert time.perf_counter() - t0 < 0.2


@pytest.mark.slow
def test_real_e5_gives_the_same_vectors_batched_or_alone():
    from poiju_nlp.matching import get_match_embedder

    emb = get_match_embedder()
    alone = np.vstack([emb.encode_queries([t]) for t in NEEDS])
    together = np.vstack(_concurrently(lambda t: emb.encode_queries([t]), NEEDS))
    assert np.allclose(alone, together, atol=1e-5)
    assert emb.threads == 1  # one e5 thread per call in matching: two cores serve two requests
