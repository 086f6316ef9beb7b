"""POIJU-NLP: plain-language help for Finnish course descriptions (score, rewrite, match, credential)."""
import sys as _sys

from .errors import SettingsError as _SettingsError

try:
    from . import settings as _settings  # noqa: F401  (sets the offline environment variables first)
except _SettingsError as _err:  # a bad POIJU_<NAME> value: one Finnish line for the user, not a traceback
    print(f"Virhe: {_err.message}", file=_sys.stderr)
    raise SystemExit(2) from None

__version__ = "0.1.0"
