"""Typed errors. Each carries a plain-Finnish message meant for the user (CLI stderr, UI)."""
from __future__ import annotations


class PoijuError(Exception):
    """Base class: ``str(err)`` is a Finnish message a user can act on."""

    code = "virhe"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def to_dict(self) -> dict:
        return {"error": self.code, "message": self.message}


class InputError(PoijuError):
    """The input text or file cannot be used (empty, too long, unreadable)."""

    code = "virheellinen_syote"


class EmptyTextError(InputError):
    code = "tyhja_teksti"


class TextTooLongError(InputError):
    code = "liian_pitka_teksti"


class NotFinnishError(InputError):
    code = "ei_suomea"


class ModelMissingError(PoijuError):
    """A model built at set-up is missing or outdated."""

    code = "malli_puuttuu"


class SettingsError(PoijuError):
    """An environment override (``POIJU_<NAME>``) has a value of the wrong type or outside its choices."""

    code = "virheellinen_asetus"
