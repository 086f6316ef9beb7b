"""An organisation's own glossary: accepted terms (never flagged, never replaced) and own replacements.

A glossary is a TSV file with a header ``term<TAB>plain<TAB>explanation``:

- ``lähihoitaja`` with ``plain`` and ``explanation`` empty: an accepted term (a legally required title, a course
  name): it is never flagged and never replaced;
- ``palveluohjaus<TAB>ohjaus palveluihin<TAB>...``: an own replacement; it wins over the built-in lexicon;
- a term with only an ``explanation``: explained in brackets at first use instead of replaced.

Terms are base forms ('lähihoitaja' also covers 'lähihoitajan'); several words are a phrase ('kolmas sektori').

>>> g = Glossary.from_tsv("term\\tplain\\texplanation\\nlähihoitaja\\t\\t\\n")
>>> g.accepts("Lähihoitaja")
True
"""
from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .lexicon import Lexicon, LexiconEntry

OWN_GLOSSARY_DOMAIN = "oma sanasto"  # the lexicon domain of the organisation's own entries

HEADER = ("term", "plain", "explanation")


def default_path() -> Path:
    """Where the UI keeps the organisation's glossary: the setting ``glossary_path`` (``POIJU_GLOSSARY_PATH``,
    default ~/.poiju-nlp/oma_sanasto.tsv: local to this machine, outside the repository)."""
    from ..settings import get_settings

    return Path(get_settings().glossary_path)


@dataclass(frozen=True)
class GlossaryEntry:
    term: str  # base form, lower case; several words for a phrase
    plain: str = ""  # the organisation's own plain alternative (base form)
    explanation: str = ""

    @property
    def accepted(self) -> bool:
        """An accepted term: neither a replacement nor an explanation, so it is left as it is."""
        return not self.plain and not self.explanation


@dataclass(frozen=True)
class Glossary:
    entries: tuple[GlossaryEntry, ...] = ()
    problems: tuple[str, ...] = field(default=(), compare=False)  # Finnish notes on rows that were skipped

    @property
    def accepted_terms(self) -> frozenset[str]:
        return frozenset(e.term for e in self.entries if e.accepted)

    def accepts(self, base: str) -> bool:
        """True when ``base`` (a base form or a phrase of base forms) is an accepted term."""
        return base.strip().lower() in self.accepted_terms

    def __len__(self) -> int:
        return len(self.entries)

    def __bool__(self) -> bool:
        return bool(self.entries)

    @classmethod
    def from_tsv(cls, text: str) -> "Glossary":
        """Parse glossary TSV. Bad rows are skipped and reported by row number; good rows are kept."""
        entries: dict[str, GlossaryEntry] = {}
        problems: list[str] = []
        lines = text.lstrip("\ufeff").splitlines()
        if lines and lines[0].split("\t")[0].strip().lower() == "term":
            lines = lines[1:]
            first_row = 2
        else:
            first_row = 1
        for n, row in enumerate(csv.reader(io.StringIO("\n".join(lines)), delimiter="\t",
                                           quoting=csv.QUOTE_NONE), first_row):
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) > len(HEADER):
                problems.append(f"Rivi {n}: liikaa sarakkeita ({len(row)}), odotettiin enintään 3.")
                continue
            term, plain, explanation = ([cell.strip() for cell in row] + ["", ""])[:3]
            if not term:
                problems.append(f"Rivi {n}: termi puuttuu.")
                continue
            entries[" ".join(term.lower().split())] = GlossaryEntry(" ".join(term.lower().split()), plain,
                                                                    explanation)
        return cls(tuple(entries.values()), tuple(problems))

    @classmethod
    def load(cls, path: Path | str) -> "Glossary":
        return cls.from_tsv(Path(path).read_text(encoding="utf-8"))

    @classmethod
    def from_rows(cls, rows) -> "Glossary":
        """From table rows ``[term, plain, explanation]`` (the UI's editable table): same checks as from_tsv, row
        numbers count from 1 (the first row under the header)."""
        lines = ["\t".join(HEADER)]
        for row in rows or []:
            cells = ["" if c is None else str(c).replace("\t", " ").replace("\n", " ") for c in list(row)]
            lines.append("\t".join(cells))
        parsed = cls.from_tsv("\n".join(lines) + "\n")
        import re

        problems = tuple(re.sub(r"^Rivi (\d+)", lambda m: f"Rivi {int(m.group(1)) - 1}", p) for p in parsed.problems)
        return cls(parsed.entries, problems)

    def save(self, path: Path | str | None = None) -> Path:
        """Write atomically: a temporary file in the same folder, flushed to disk, then renamed over the old one.
        A crash while saving leaves the old file as it was (never a half-written glossary)."""
        path = Path(path or default_path())
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".oma_sanasto-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                f.write(self.to_tsv())
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path

    def to_tsv(self) -> str:
        rows = ["\t".join(HEADER)] + ["\t".join((e.term, e.plain, e.explanation)) for e in self.entries]
        return "\n".join(rows) + "\n"

    def apply_to(self, lexicon: Lexicon) -> Lexicon:
        """A copy of ``lexicon`` with the own replacements added (they win) and the accepted terms removed."""
        entries = dict(lexicon.entries)
        multiword = dict(lexicon.multiword)
        abbreviations = dict(lexicon.abbreviations)
        for e in self.entries:
            key = tuple(e.term.split())
            if e.accepted:
                entries.pop(e.term, None)
                multiword.pop(key, None)
                for surface in [s for s in abbreviations if s.lower() == e.term]:
                    abbreviations.pop(surface)
                continue
            entry = LexiconEntry(lemma=e.term, kind="term", plain=(e.plain,) if e.plain else (e.explanation,),
                                 explanation=e.explanation, domain=OWN_GLOSSARY_DOMAIN,
                                 action="replace" if e.plain else "explain")
            if len(key) > 1:
                multiword[key] = entry
            else:
                entries[e.term] = entry
        return Lexicon(entries=entries, abbreviations=abbreviations, multiword=multiword,
                       empty_phrases=list(lexicon.empty_phrases), familiar=dict(lexicon.familiar))
