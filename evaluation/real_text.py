"""Real course text that nobody on the team wrote, for development and evaluation (../shared/data, see its README).

The texts are read from the shared folder at run time and never copied into the project. Each becomes a
``RealText`` that looks like what a teacher would paste into the tool:

- Aalto courses (Sisu): "Name (5 op)\\nOsaamistavoitteet: ...\\nSisältö: ..." (the learning outcomes and content
  fields as published, HTML already stripped upstream, so some bullet lists have lost their line breaks);
- ePerusteet (national qualification and curriculum requirements): "Title\\n" + the text with its headings and
  "- " bullets.

Every text gets a stable split by a hash of its id: ``dev`` (develop and tune on these) and ``test`` (held out for
headline figures). Benchmarks report both, so a gap between them shows over-fitting to the texts looked at.

    >>> texts = load_real_texts(limit=0)
    >>> texts
    []
"""
from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from .common import SHARED_DATA

AALTO = Path("aalto") / "aalto_courses_fi.jsonl"
EPERUSTEET = Path("eperusteet") / "eperusteet_oph.jsonl"
SOURCES = ("aalto", "eperusteet")
# Shorter texts say too little to rewrite or to draw outcomes from; longer ones are split by the tools anyway and
# would dominate word-weighted figures (ePerusteet units run to 540 words).
MIN_WORDS = 15
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class RealText:
    id: str
    source: str  # aalto | eperusteet
    title: str
    text: str
    split: str  # dev | test
    sote: bool = False  # a social, health or safety text (ePerusteet flags)
    kind: str = ""

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))

    def to_dict(self) -> dict:
        return asdict(self)


def available(root: Path | None = None) -> bool:
    """True when the shared real data is on this machine (benchmarks say so and skip the real part otherwise)."""
    root = Path(root or SHARED_DATA)
    return (root / AALTO).exists() or (root / EPERUSTEET).exists()


def split_of(text_id: str) -> str:
    """Stable half-split by id: the same text is always dev or always test, on every machine."""
    return "dev" if int(hashlib.sha1(text_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def _credits(value) -> str:
    if isinstance(value, dict):
        lo, hi = value.get("min"), value.get("max")
        if lo is None:
            return ""
        return f"{lo:g} op" if lo == hi or hi is None else f"{lo:g}–{hi:g} op"
    return str(value or "").strip()


def _aalto(path: Path):
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            outcomes = (r.get("learning_outcomes_fi") or "").strip()
            content = (r.get("content_fi") or "").strip()
            if not outcomes and not content:
                continue
            credits = _credits(r.get("credits"))
            title = (r.get("name_fi") or "").strip()
            head = f"{title} ({credits})" if credits else title
            parts = [head]
            if outcomes:
                parts.append(f"Osaamistavoitteet: {outcomes}")
            if content:
                parts.append(f"Sisältö: {content}")
            tid = f"aalto:{r.get('code')}"
            yield RealText(tid, "aalto", title, "\n".join(parts), split_of(tid), kind=r.get("level") or "")


def _eperusteet(path: Path):
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            title = (r.get("title") or "").strip()
            credits = _credits(r.get("credits"))
            head = f"{title} ({credits})" if credits else title
            text = f"{head}\n{(r.get('text') or '').strip()}"
            tid = str(r.get("id"))
            yield RealText(tid, "eperusteet", title, text, split_of(tid),
                           sote=bool(r.get("sote") or r.get("safety")), kind=r.get("kind") or "")


def load_real_texts(sources=SOURCES, split: str = "all", limit: int | None = None, seed: int = 0,
                    root: Path | None = None, min_words: int = MIN_WORDS, max_words: int | None = None,
                    sote_first: bool = False) -> list[RealText]:
    """Real texts from the shared data, deduplicated by text, optionally one split and a seeded sample.

    ``limit`` samples evenly across the sources (``limit // len(sources)`` each, the rest from the first);
    ``sote_first`` puts the social, health and safety units first in the ePerusteet share. Missing files give no
    texts (a user who cloned the project alone has no shared data)."""
    root = Path(root or SHARED_DATA)
    readers = {"aalto": (_aalto, AALTO), "eperusteet": (_eperusteet, EPERUSTEET)}
    per_source: dict[str, list[RealText]] = {}
    seen: set[str] = set()
    for name in sources:
        reader, rel = readers[name]
        path = root / rel
        items = []
        if path.exists():
            for t in reader(path):
                if t.text in seen or t.words < min_words or (max_words and t.words > max_words):
                    continue
                if split != "all" and t.split != split:
                    continue
                seen.add(t.text)
                items.append(t)
        per_source[name] = items
    if limit is None:
        return [t for name in sources for t in per_source[name]]
    rng = random.Random(seed)
    out: list[RealText] = []
    share = limit // max(1, len(sources))
    for k, name in enumerate(sources):
        items = list(per_source[name])
        rng.shuffle(items)
        if sote_first:
            items.sort(key=lambda t: not t.sote)  # stable: shuffled within each group
        want = share + (limit - share * len(sources) if k == 0 else 0)
        out += items[:want]
    return out
