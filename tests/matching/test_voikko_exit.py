"""libvoikko at exit (poiju_nlp/text/resources.py): every handle, ours and spaCy's lemmatizer's, is terminated once
by an atexit hook under ``voikko_lock``, and the lemmatizer's calls take the same lock as ours."""
import subprocess
import sys
import threading

from poiju_nlp.text import resources


def test_spacy_lemmatizer_calls_voikko_under_the_shared_lock():
    nlp = resources.get_nlp()
    handle = nlp.get_pipe("lemmatizer").voikko
    assert isinstance(handle, resources._LockedVoikko)
    result = {}

    def lemma():
        result["doc"] = nlp("Hoitajat arvioivat potilaiden kipua.")

    with resources.voikko_lock:  # while we hold the lock the lemmatizer must wait for it
        worker = threading.Thread(target=lemma)
        worker.start()
        worker.join(timeout=1.0)
        assert worker.is_alive()
    worker.join(timeout=30)
    assert [t.lemma_ for t in result["doc"]][:2] == ["hoitaja", "arvioida"]


def test_handles_are_terminated_once_at_exit_while_threads_still_analyse():
    code = """
import threading
from poiju_nlp.text import resources
nlp = resources.get_nlp()
v = resources.get_voikko()
def work():
    for i in range(10_000):
        try:
            nlp("Hoitajat arvioivat potilaiden kipua %d." % i)
            resources.voikko_analyze("kivunhoito%d" % i)
        except Exception:
            return  # after the exit hook a call raises instead of touching freed memory
threading.Thread(target=work, daemon=True).start()
assert len(resources._exit_handles) == 2
resources._terminate_voikko_handles()
resources._terminate_voikko_handles()  # a second call does nothing
print(v._Voikko__handle, nlp.get_pipe("lemmatizer").voikko._handle._Voikko__handle, len(resources._exit_handles))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert "double free" not in out.stderr
    assert out.stdout.split() == ["0", "0", "0"], out.stderr[-2000:]
