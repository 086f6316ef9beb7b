"""Finding: one place in a text where a working-life reader will stumble."""
from __future__ import annotations

from dataclasses import asdict, dataclass

# Finding kinds with their Finnish labels (UI legend). Severity: 1 = huomio, 2 = vaikea, 3 = hyvin vaikea.
KIND_LABELS = {
    "jargon": "korkeakoulu- tai alan termi",
    "abbreviation": "lyhenne",
    "loanword": "vierasperäinen sana",
    "rare_word": "harvinainen sana",
    "unknown_word": "tuntematon sana",
    "long_compound": "pitkä yhdyssana",
    "nominal": "nominaalityyli",
    "passive": "passiivi",
    "long_sentence": "pitkä virke",
    "genitive_chain": "genetiiviketju",
    "empty_phrase": "tyhjä ilmaus",
}
SEVERITY_LABELS = {1: "huomio", 2: "vaikea", 3: "hyvin vaikea"}


@dataclass
class Finding:
    start: int
    end: int
    text: str
    kind: str
    severity: int
    reason: str
    suggestion: str
    replacement: str | None = None  # an inflected drop-in replacement, when the suggestion is one
    term: str | None = None  # the lexicon lemma behind a jargon/abbreviation finding

    def to_dict(self) -> dict:
        return asdict(self)
