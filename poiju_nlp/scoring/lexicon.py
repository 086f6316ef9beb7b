"""The jargon lexicon and the empty-phrase list (corpora/lexicon/), loaded once."""
from __future__ import annotations

import csv
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..settings import get_settings


@dataclass(frozen=True)
class LexiconEntry:
    lemma: str
    kind: str  # term | abbreviation | loanword | bureaucratic | academic
    plain: tuple[str, ...]  # plain alternatives in base form (or the inline gloss when action == "explain")
    explanation: str
    domain: str
    # replace: the first alternative is safe to swap in; suggest: alternatives fit some sentences only, so they
    # are shown to the teacher and never swapped automatically; explain: a fixed or necessary term, kept and
    # explained (the gloss may be empty: explanation only); familiar: never flagged (not loaded for lookups)
    action: str


@dataclass(frozen=True)
class EmptyPhrase:
    lemmas: tuple[str, ...]
    reason: str
    suggestion: str


@dataclass
class Lexicon:
    entries: dict[str, LexiconEntry] = field(default_factory=dict)  # single words by lowercase lemma
    abbreviations: dict[str, LexiconEntry] = field(default_factory=dict)  # by exact surface (AMK, op)
    multiword: dict[tuple[str, ...], LexiconEntry] = field(default_factory=dict)
    empty_phrases: list[EmptyPhrase] = field(default_factory=list)
    familiar: dict[str, LexiconEntry] = field(default_factory=dict)  # reviewed as familiar: never flagged

    def __len__(self) -> int:
        return len(self.entries) + len(self.abbreviations) + len(self.multiword)

    def lookup(self, base: str) -> LexiconEntry | None:
        return self.entries.get(base.lower())

    def lookup_abbreviation(self, surface: str) -> LexiconEntry | None:
        return self.abbreviations.get(surface) or self.abbreviations.get(surface.upper()) \
            if surface[:1].isupper() else self.abbreviations.get(surface)

    @property
    def max_multiword(self) -> int:
        return max((len(k) for k in self.multiword), default=1)


def _rows(path: Path):
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


def load_lexicon(directory: Path | None = None) -> Lexicon:
    directory = Path(directory or get_settings().corpora_dir / "lexicon")
    lex = Lexicon()
    for row in _rows(directory / "lexicon.tsv"):
        lemma = (row.get("lemma") or "").strip()
        if not lemma:
            continue
        entry = LexiconEntry(
            lemma=lemma,
            kind=(row.get("kind") or "term").strip(),
            plain=tuple(p.strip() for p in (row.get("plain") or "").split("|") if p.strip()),
            explanation=(row.get("explanation") or "").strip(),
            domain=(row.get("domain") or "").strip(),
            action=(row.get("action") or "replace").strip(),
        )
        if entry.action == "familiar":
            lex.familiar[lemma.lower()] = entry
        elif entry.kind == "abbreviation":
            lex.abbreviations[lemma] = entry
        elif " " in lemma:
            lex.multiword[tuple(lemma.lower().split())] = entry
        else:
            lex.entries[lemma.lower()] = entry
    phrases = directory / "empty_phrases.tsv"
    if phrases.exists():
        for row in _rows(phrases):
            lemmas = tuple((row.get("phrase") or "").lower().split())
            if lemmas:
                lex.empty_phrases.append(EmptyPhrase(lemmas, (row.get("reason") or "").strip(),
                                                     (row.get("suggestion") or "").strip()))
    return lex


_lexicon: Lexicon | None = None
_lock = threading.Lock()


def get_lexicon() -> Lexicon:
    global _lexicon
    if _lexicon is None:
        with _lock:
            if _lexicon is None:
                _lexicon = load_lexicon()
    return _lexicon
