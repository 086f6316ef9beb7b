"""POIJU-NLP: plain-language help for Finnish course descriptions (score, rewrite, match, credential)."""
from . import settings as _settings  # noqa: F401  (sets the offline environment variables first)

__version__ = "0.1.0"
