"""One small helper for every shared, expensive resource (a model, a parsed data file, the settings).

``@load_once`` turns a zero-argument loader into a function that runs the loader once per process and returns the
same object on every later call. It is thread-safe: the app serves four requests at once, and two of them asking
for spaCy at the same moment must not load it twice. A loader that raises is not cached, so the next call tries
again (e.g. after the user has run the set-up). ``.reset()`` forgets the object (tests use it after changing an
environment variable); ``.loaded()`` says whether it is in memory without loading it.

>>> calls = []
>>> @load_once
... def answer():
...     calls.append(1)
...     return 42
>>> answer(), answer(), len(calls)
(42, 42, 1)
>>> answer.reset(); answer.loaded()
False
"""
from __future__ import annotations

import functools
import threading
from typing import Callable, Generic, TypeVar

T = TypeVar("T")
_UNSET = object()


class _LoadOnce(Generic[T]):
    def __init__(self, loader: Callable[[], T]):
        self._loader = loader
        self._lock = threading.Lock()
        self._value: object = _UNSET
        functools.update_wrapper(self, loader)

    def __call__(self) -> T:
        value = self._value
        if value is _UNSET:  # double-checked: the lock is taken only until the first load has finished
            with self._lock:
                value = self._value
                if value is _UNSET:
                    value = self._loader()
                    self._value = value
        return value  # type: ignore[return-value]

    def loaded(self) -> bool:
        return self._value is not _UNSET

    def reset(self) -> None:
        with self._lock:
            self._value = _UNSET

    def __repr__(self) -> str:
        return f"<load_once {self._loader.__module__}.{self._loader.__qualname__}>"


def load_once(loader: Callable[[], T]) -> _LoadOnce[T]:
    """Decorate a zero-argument loader so that it runs once per process, thread-safely (see the module doc)."""
    return _LoadOnce(loader)
