"""Course passages: what the dense side of the index embeds.

A course becomes several passages: its title, windows of description sentences and groups of learning outcomes.
e5 reads at most 512 tokens while a description runs to a few hundred words, and passage-level scores also tell
*which* part of a course answers a need (the explanation) and let the title and the outcomes count more than
marketing prose (``PASSAGE_KINDS``).

>>> [(p[0], len(p[1].split())) for p in passages_for(CourseRecord(title="Ensiapu", description="Lyhyt kurssi."))]
[('title', 1), ('description', 2)]
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from ..records import CourseRecord
from ..settings import MATCHING, MatchingSettings

PASSAGE_KINDS = ("title", "description", "outcomes")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[\"'(A-ZÅÄÖ0-9])")
_NORM = re.compile(r"[\W_]+", re.UNICODE)


def split_sentences(text: str) -> list[str]:
    """Sentences by punctuation and line breaks (fast; course and need texts are well punctuated)."""
    out = []
    for line in re.split(r"\n+", text or ""):
        line = line.strip(" \t-•*")
        if line:
            out.extend(s.strip() for s in _SENT.split(line) if s.strip())
    return out


@dataclass
class Passage:
    pid: int
    course_id: str
    kind: str  # one of PASSAGE_KINDS
    text: str

    def to_dict(self) -> dict:
        return asdict(self)


def _norm(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def _windows(sentences: list[str], settings: MatchingSettings) -> list[str]:
    """Group sentences into windows of about ``window_words`` words (at most ``window_sentences`` sentences); a
    short remainder joins the window before it instead of becoming a near-empty passage of its own."""
    windows: list[list[str]] = []
    words = 0
    for s in sentences:
        n = len(s.split())
        if windows and words < settings.window_words and len(windows[-1]) < settings.window_sentences:
            windows[-1].append(s)
            words += n
        else:
            windows.append([s])
            words = n
    if len(windows) > 1 and sum(len(s.split()) for s in windows[-1]) < settings.min_window_words:
        windows[-2].extend(windows.pop())
    return [" ".join(w) for w in windows]


def passages_for(record: CourseRecord, settings: MatchingSettings = MATCHING) -> list[tuple[str, str]]:
    """[(kind, text)] for one course: the title, description windows and outcome groups; a passage that repeats
    another one of the same course (an outcome copied into the description, say) is left out."""
    out = [("title", record.title)]
    out += [("description", w) for w in _windows(split_sentences(record.description), settings)]
    lo = [o for o in record.learning_outcomes if o and o.strip()]
    m = settings.outcomes_per_passage
    out += [("outcomes", " ".join(lo[i:i + m])) for i in range(0, len(lo), m)]
    seen: set[str] = set()
    kept = []
    for kind, text in out:
        key = _norm(text)
        if key and key not in seen:
            seen.add(key)
            kept.append((kind, text.strip()))
    return kept


def course_text(record: CourseRecord) -> str:
    return "\n".join([record.title, record.description, *record.learning_outcomes])
