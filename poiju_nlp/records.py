"""``CourseRecord``: one course / micro-credential as plain data, shared by the credential tools and the course
catalogue.

It covers the course facts (title, description, credits, hours, mode, language, price, dates, ...) and the 11
mandatory elements of the EU Council Recommendation on micro-credentials (2022/C 243/02, Annex I) with the optional
ones. ``CourseRecord.from_dict(data)`` validates field by field and returns ``(record, problems)``: a malformed field
is reported in Finnish and left empty instead of raising, so a user sees every problem at once.

>>> record, problems = CourseRecord.from_dict({"title": "Ensiapu 1", "credits": "kolme"})
>>> record.credits is None, problems[0].field
(True, 'credits')
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import asdict, dataclass, field, fields

from .domain import credits_to_hours

# Values that people type when they do not know the value yet: treated as "unclear", not as content.
PLACEHOLDERS = {"", "-", "--", "?", "??", "tba", "tbd", "todo", "xxx", "ei tiedossa", "myöhemmin", "tulossa",
                "täydennetään", "n/a", "na"}

SUPERVISION_VALUES = {
    "unsupervised_no_id": "valvomaton, ei henkilöllisyyden tarkistusta",
    "supervised_no_id": "valvottu, ei henkilöllisyyden tarkistusta",
    "supervised_with_id": "valvottu verkossa tai paikan päällä, henkilöllisyys tarkistettu",
}

_URL = re.compile(r"^https?://[^\s<>\"]+$", re.IGNORECASE)
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_LANG = re.compile(r"^[a-z]{2,3}$")


@dataclass
class FieldProblem:
    """A problem with one field of an input record (Finnish message)."""

    field: str
    message: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class CourseRecord:
    """A course offering that can be issued as a micro-credential. All fields are optional so that incomplete
    drafts can be checked; ``check_micro_credential`` says what is missing."""

    # --- course facts --------------------------------------------------------------------------------------
    id: str = ""
    title: str = ""  # EU element 2: title of the micro-credential
    description: str = ""
    learning_outcomes: list[str] = field(default_factory=list)  # EU element 6
    credits: float | None = None  # op = ECTS credits; EU element 7 (with hours)
    hours: float | None = None  # notional student workload in hours (1 op = 27 h in Finland)
    mode: str = ""  # lähiopetus / etäopetus / monimuoto / verkko
    language: str = ""  # ISO 639-1, e.g. "fi"
    provider: str = ""  # the organiser of the course
    level: str = ""  # perus / syventävä / jatko (course level in the catalogue)
    price_eur: float | None = None
    dates: dict[str, str] = field(default_factory=dict)  # {"start": "2026-01-12", "end": "2026-03-01"}
    url: str = ""
    tags: list[str] = field(default_factory=list)
    # --- EU mandatory elements not covered above ---------------------------------------------------------------
    learner: str = ""  # element 1: identification of the learner (filled when the credential is issued)
    country: str = ""  # element 3: country of the issuer, ISO 3166-1 alpha-2 ("FI")
    awarding_body: str = ""  # element 4
    issue_date: str = ""  # element 5, ISO 8601 date
    eqf_level: int | None = None  # element 8: EQF level 1-8
    assessment_type: str = ""  # element 9
    participation_form: str = ""  # element 10: online / onsite / blended (falls back to ``mode``)
    quality_assurance: str = ""  # element 11
    # --- EU optional elements ----------------------------------------------------------------------------------
    prerequisites: str = ""
    supervision_verification: str = ""  # one of SUPERVISION_VALUES
    grade: str = ""
    stackability: str = ""  # stand-alone or stackable towards another credential
    further_info: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def workload_hours(self) -> float | None:
        """Hours as given, else derived from credits (``domain.credits_to_hours``)."""
        if self.hours is not None:
            return self.hours
        if self.credits is not None:
            return credits_to_hours(self.credits)
        return None

    @classmethod
    def from_dict(cls, data) -> tuple["CourseRecord", list[FieldProblem]]:
        """Build a record from JSON-like data; never raises on bad values, returns the problems instead."""
        problems: list[FieldProblem] = []
        if not isinstance(data, dict):
            return cls(), [FieldProblem("(tietue)", "Tietueen pitää olla JSON-olio (avain–arvo-pareja), "
                                                    f"nyt se on {_type_fi(data)}.")]
        known = {f.name for f in fields(cls)}
        values: dict = {}
        for key, raw in data.items():
            if key not in known:
                problems.append(FieldProblem(str(key), "Tuntematon kenttä, se jätettiin huomiotta."))
                continue
            if raw is None:
                continue
            value, message = _VALIDATORS.get(key, _string)(raw)
            if message:
                problems.append(FieldProblem(key, message))
            else:
                values[key] = value
        return cls(**values), problems


def _type_fi(value) -> str:
    return {dict: "olio", list: "lista", str: "teksti", bool: "totuusarvo", int: "luku", float: "luku"}.get(
        type(value), type(value).__name__)


def _string(raw):
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        return None, f"Pitää olla teksti, nyt {_type_fi(raw)}."
    text = str(raw).replace("\x00", "").strip()
    if len(text) > 20_000:
        return None, "Teksti on liian pitkä (yli 20 000 merkkiä)."
    return text, None


def _string_list(raw):
    if isinstance(raw, str):  # one statement per line is a common way to paste outcomes
        raw = [line for line in raw.splitlines()]
    if not isinstance(raw, list):
        return None, f"Pitää olla lista tekstejä, nyt {_type_fi(raw)}."
    out = []
    for n, item in enumerate(raw, 1):
        if not isinstance(item, str):
            return None, f"Kohta {n} ei ole teksti ({_type_fi(item)})."
        if item.strip():
            out.append(item.strip())
    return out, None


def _number(minimum: float, maximum: float, unit: str):
    def check(raw):
        if isinstance(raw, bool):
            return None, "Pitää olla luku, nyt totuusarvo."
        if isinstance(raw, str):
            try:
                raw = float(raw.replace(",", ".").strip())
            except ValueError:
                return None, f"Pitää olla luku ({unit}), nyt '{raw[:40]}'."
        if not isinstance(raw, (int, float)) or raw != raw:
            return None, f"Pitää olla luku ({unit}), nyt {_type_fi(raw)}."
        if not minimum <= raw <= maximum:
            return None, f"Arvon pitää olla välillä {minimum:g}–{maximum:g} {unit}, nyt {raw:g}."
        return float(raw), None

    return check


def _date(raw):
    if not isinstance(raw, str):
        return None, f"Pitää olla päivämäärä muodossa VVVV-KK-PP, nyt {_type_fi(raw)}."
    try:
        return _dt.date.fromisoformat(raw.strip()[:10]).isoformat(), None
    except ValueError:
        return None, f"Päivämäärä '{raw[:40]}' ei ole muodossa VVVV-KK-PP (esim. 2026-03-01)."


def _dates(raw):
    if not isinstance(raw, dict):
        return None, "Pitää olla olio, esim. {\"start\": \"2026-01-12\", \"end\": \"2026-03-01\"}."
    out = {}
    for key in ("start", "end"):
        if raw.get(key):
            value, message = _date(raw[key])
            if message:
                return None, f"{key}: {message}"
            out[key] = value
    extra = set(raw) - {"start", "end"}
    if extra:
        return None, f"Tuntemattomat avaimet {sorted(extra)}; sallitut ovat start ja end."
    if "start" in out and "end" in out and out["end"] < out["start"]:
        return None, "Päättymispäivä on ennen alkamispäivää."
    return out, None


def _url(raw):
    text, message = _string(raw)
    if message:
        return None, message
    if text and not _URL.match(text):
        return None, "Osoitteen pitää alkaa http:// tai https:// eikä siinä saa olla välilyöntejä."
    return text, None


def _country(raw):
    text, message = _string(raw)
    if message:
        return None, message
    if text and not _COUNTRY.match(text.upper()):
        return None, "Maa annetaan kaksikirjaimisena ISO 3166 -koodina, esim. FI."
    return text.upper(), None


def _language(raw):
    text, message = _string(raw)
    if message:
        return None, message
    if text and not _LANG.match(text.lower()):
        return None, "Kieli annetaan ISO 639 -koodina, esim. fi, sv tai en."
    return text.lower(), None


def _eqf(raw):
    value, message = _number(1, 8, "(EQF-taso)")(raw)
    if message:
        return None, "EQF-tason pitää olla kokonaisluku 1–8."
    if value != int(value):
        return None, "EQF-tason pitää olla kokonaisluku 1–8."
    return int(value), None


def _supervision(raw):
    text, message = _string(raw)
    if message:
        return None, message
    if text and text not in SUPERVISION_VALUES:
        return None, "Sallitut arvot: " + ", ".join(f"{k} ({v})" for k, v in SUPERVISION_VALUES.items()) + "."
    return text, None


_VALIDATORS = {
    "learning_outcomes": _string_list,
    "tags": _string_list,
    "credits": _number(0.1, 300, "op"),
    "hours": _number(1, 10_000, "tuntia"),
    "price_eur": _number(0, 1_000_000, "euroa"),
    "dates": _dates,
    "url": _url,
    "country": _country,
    "language": _language,
    "issue_date": _date,
    "eqf_level": _eqf,
    "supervision_verification": _supervision,
}


def is_placeholder(value) -> bool:
    """True for empty values and stand-ins such as "-", "TBA", "ei tiedossa"."""
    if value is None:
        return True
    if isinstance(value, (list, dict)):
        return not value
    return str(value).strip().lower() in PLACEHOLDERS
