"""Finding: one place in a text where a working-life reader will stumble."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Finding kinds with their Finnish labels (UI legend). Severity: 1 = huomio, 2 = vaikea, 3 = hyvin vaikea.
KIND_LABELS = {
    "hard_sentence": "vaikea virke",
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
    "university_word": "korkeakoulun sana",
}
SEVERITY_LABELS = {1: "huomio", 2: "vaikea", 3: "hyvin vaikea"}
# Why a sentence is hard: the reasons a hard_sentence finding names, in the order they are shown.
REASON_LABELS = {
    "long": "pitkä",
    "list": "luettelo ilman rivinvaihtoja",
    "nominal": "verbeistä tehtyjä substantiiveja",
    "passive": "passiivi",
    "genitive_chain": "genetiiviketju",
    "hard_words": "vaikeita sanoja",
    "terms": "vaikeita sanoja",
}


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
    # Additions for the teacher's view (issue 14); older readers ignore them.
    count: int = 1  # how many times the same word or phrase occurs in the text
    occurrences: list = field(default_factory=list)  # [[start, end], ...] of every occurrence (first included)
    reasons: list = field(default_factory=list)  # hard_sentence: codes of REASON_LABELS
    parts: list = field(default_factory=list)  # hard_sentence: [{start, end, text, kind}] of the words behind it
    impact: float = 0.0  # ordering key: higher = matters more to a reader

    def to_dict(self) -> dict:
        return asdict(self)
