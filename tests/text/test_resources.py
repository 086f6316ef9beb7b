"""Shared resources: one cached, thread-safe loader each (poiju_nlp.lazy.load_once, poiju_nlp.text.resources)."""
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from poiju_nlp.errors import ModelMissingError
from poiju_nlp.lazy import load_once
from poiju_nlp.text import resources
from poiju_nlp.text.inflect import inflect, recase


def test_load_once_loads_once_under_concurrent_first_calls():
    calls = []

    @load_once
    def slow_model():
        calls.append(threading.get_ident())
        time.sleep(0.05)  # a slow load: the other threads arrive while it runs
        return object()

    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda _: slow_model(), range(8)))
    assert len(calls) == 1 and all(g is got[0] for g in got)
    slow_model.reset()
    assert not slow_model.loaded() and slow_model() is not got[0] and len(calls) == 2


def test_a_failed_load_is_not_cached():
    attempts = []

    @load_once
    def flaky():
        attempts.append(1)
        if len(attempts) == 1:
            raise ModelMissingError("Malli puuttuu.")
        return "ok"

    with pytest.raises(ModelMissingError):
        flaky()
    assert flaky() == "ok" and len(attempts) == 2


def test_heavy_resources_are_shared_objects():
    assert resources.get_nlp() is resources.get_nlp()
    assert resources.get_voikko() is resources.get_voikko()
    assert resources.get_pykko() is resources.get_pykko()


def test_pypykko_entry_points_are_locked_for_every_caller():
    pykko = resources.get_pykko()
    import pypykko.reinflect
    import pypykko.utils

    # also code that imports pypykko directly (after get_pykko) goes through the lock
    assert getattr(pypykko.utils.analyze, "__poiju_locked__", False)
    assert getattr(pypykko.reinflect.reinflect, "__poiju_locked__", False)
    assert pykko.utils.analyze is pypykko.utils.analyze
    resources.get_pykko.reset()
    resources.get_pykko()  # loading again does not wrap twice
    assert not getattr(pypykko.utils.analyze.__wrapped__, "__poiju_locked__", False)


def test_pypykko_under_four_threads_gives_the_sequential_results():
    """Four app workers inflect at once: the results equal those of one thread."""
    words = [("opintopiste", "+pl+ela"), ("tilanne", "+sg+par"), ("hoitaja", "+pl+gen"), ("kipu", "+sg+ill"),
             ("asiakas", "+pl+par"), ("lääke", "+sg+ine"), ("turvallisuus", "+sg+gen"), ("työpaikka", "+pl+ade")]
    expected = [inflect.__wrapped__(lemma, form) for lemma, form in words]
    assert expected[:2] == ["opintopisteistä", "tilannetta"]

    def run(_):
        return [inflect.__wrapped__(lemma, form) for lemma, form in words] + [
            recase.__wrapped__("keskeisiin", "+ill", "+par")]

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(run, range(12)))
    assert all(r == expected + ["keskeisiä"] for r in results)


def test_pytorch_e5_folder_elsewhere_is_not_built_silently(tmp_path):
    with pytest.raises(ModelMissingError, match="make models-torch"):
        resources.ensure_e5_folder(tmp_path / "muu-kansio")
