"""Typed results of matching, bundles and gap reports. ``to_dict()`` gives the JSON the CLI and the API return.

``MatchResult.to_dict()``::

    {"query": "…the need text as searched…",
     "method": "hybrid",
     "warnings": ["…Finnish notes, e.g. the text was cut…"],
     "results": [
       {"id": "c003", "title": "…", "provider": "…", "credits": 2.0, "hours": 54.0, "mode": "verkko",
        "language": "fi", "price_eur": 90.0, "url": "https://…",
        "score": 0.0161,            # fused score; only the order matters
        "dense": 0.8712,            # course score of the e5 side (None: not among its candidates)
        "bm25": 7.1934,             # BM25 of the lexical side (None: no shared terms)
        "explanation": {
          "matched": [{"need_sentence": "…", "course_passage": "…", "passage_kind": "description",
                       "similarity": 0.8843}],
          "shared_terms": ["kipu", "muistisairas"]}}]}

``Bundle.to_dict()``: ``need``, ``courses`` (course fields as above plus ``covers``: the requirements it covers),
``requirements`` (``requirement``, ``covered_by``, ``coverage``), ``total_credits``, ``total_hours``, ``cap``,
``threshold``, ``uncovered``, ``practical`` (sentences that state practical wishes, such as duration or place,
rather than skills). ``GapReport.to_dict()``: ``threshold``, ``lexical_threshold``, ``needs`` (``qid``,
``text``, ``requirements``, ``coverage``) and ``gaps`` (requirements below a threshold, with their ``qid``).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

COURSE_FIELDS = ("id", "title", "provider", "credits", "hours", "mode", "language", "price_eur", "url")


@dataclass
class CourseSummary:
    id: str
    title: str
    provider: str = ""
    credits: float | None = None
    hours: float | None = None
    mode: str = ""
    language: str = ""
    price_eur: float | None = None
    url: str = ""

    @classmethod
    def of(cls, record) -> "CourseSummary":
        return cls(**{f: getattr(record, f) for f in COURSE_FIELDS})

    def summary_dict(self) -> dict:
        return {f: getattr(self, f) for f in COURSE_FIELDS}


@dataclass
class MatchedPair:
    """A need sentence and the course passage closest to it."""

    need_sentence: str
    course_passage: str
    passage_kind: str
    similarity: float

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Explanation:
    matched: list[MatchedPair] = field(default_factory=list)
    shared_terms: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"matched": [m.to_dict() for m in self.matched], "shared_terms": list(self.shared_terms)}


@dataclass
class CourseMatch(CourseSummary):
    score: float = 0.0
    dense: float | None = None
    bm25: float | None = None
    explanation: Explanation | None = None

    def to_dict(self) -> dict:
        out = self.summary_dict()
        out.update(score=self.score, dense=self.dense, bm25=self.bm25)
        if self.explanation is not None:
            out["explanation"] = self.explanation.to_dict()
        return out


@dataclass
class MatchResult:
    query: str
    results: list[CourseMatch]
    method: str = "hybrid"
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"query": self.query, "results": [r.to_dict() for r in self.results], "method": self.method,
                "warnings": list(self.warnings)}


@dataclass
class BundleCourse(CourseSummary):
    covers: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**self.summary_dict(), "covers": list(self.covers)}


@dataclass
class RequirementCover:
    requirement: str
    covered_by: str | None
    coverage: float

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Bundle:
    need: str
    courses: list[BundleCourse]
    requirements: list[RequirementCover]
    total_credits: float
    total_hours: float
    cap: dict
    threshold: float
    uncovered: list[str]
    practical: list[str] = field(default_factory=list)  # practical wishes (duration, place, price): not covered

    def to_dict(self) -> dict:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["courses"] = [c.to_dict() for c in self.courses]
        out["requirements"] = [r.to_dict() for r in self.requirements]
        out["cap"] = dict(self.cap)
        out["uncovered"] = list(self.uncovered)
        out["practical"] = list(self.practical)
        return out


@dataclass
class RequirementCoverage:
    """How well the best course covers one requirement of a need (gap report)."""

    requirement: str
    best_course: str | None
    title: str
    coverage: float
    lexical_coverage: float
    gap: bool = False
    qid: str | None = None

    def to_dict(self) -> dict:
        out = asdict(self)
        if self.qid is None:
            out.pop("qid")
        return out


@dataclass
class NeedCoverage:
    qid: str
    text: str
    requirements: list[RequirementCoverage]
    coverage: float

    def to_dict(self) -> dict:
        return {"qid": self.qid, "text": self.text, "requirements": [r.to_dict() for r in self.requirements],
                "coverage": self.coverage}


@dataclass
class GapReport:
    threshold: float
    lexical_threshold: float
    needs: list[NeedCoverage]
    gaps: list[RequirementCoverage]

    def to_dict(self) -> dict:
        return {"threshold": self.threshold, "lexical_threshold": self.lexical_threshold,
                "needs": [n.to_dict() for n in self.needs], "gaps": [g.to_dict() for g in self.gaps]}
