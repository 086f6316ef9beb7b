"""Element-by-element check of a micro-credential record (EU Council Recommendation 2022/C 243/02, Annex I).

Each of the 11 mandatory elements is ``present``, ``missing`` or ``unclear`` with a plain-Finnish explanation and,
where it can be derived, a proposal (hours from credits at 27 h/op, learning outcomes from ``outcomes.propose``).

>>> from poiju_nlp.records import CourseRecord
>>> report = check_micro_credential(CourseRecord(title="Ensiapu 1", credits=2), propose_outcomes=False)
>>> [e.status for e in report.elements][:2]
['missing', 'present']
"""
from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..domain import EQF_BY_LEVEL, MODES, HOURS_PER_CREDIT, MICRO_CREDENTIAL_MAX_CREDITS, MICRO_CREDENTIAL_MIN_CREDITS
from ..errors import InputError, PoijuError
from ..records import SUPERVISION_VALUES, CourseRecord, FieldProblem, is_placeholder
from ..settings import CREDENTIALS

log = logging.getLogger(__name__)

# (key, number in Annex I, Finnish name, record fields that carry it)
ELEMENTS = [
    ("learner", 1, "Oppijan tunnistetiedot", ("learner",)),
    ("title", 2, "Mikrotutkinnon nimi", ("title",)),
    ("country", 3, "Myöntäjän maa tai alue", ("country",)),
    ("awarding_body", 4, "Myöntävä organisaatio", ("awarding_body",)),
    ("issue_date", 5, "Myöntämispäivä", ("issue_date",)),
    ("learning_outcomes", 6, "Osaamistavoitteet", ("learning_outcomes",)),
    ("workload", 7, "Työmäärä (opintopisteinä)", ("credits", "hours")),
    ("level", 8, "Taso (EQF)", ("eqf_level",)),
    ("assessment_type", 9, "Arviointitapa", ("assessment_type",)),
    ("participation_form", 10, "Osallistumismuoto", ("participation_form", "mode")),
    ("quality_assurance", 11, "Laadunvarmistus", ("quality_assurance",)),
]

STATUS_FI = {"present": "kunnossa", "missing": "puuttuu", "unclear": "epäselvä"}


@dataclass
class ElementStatus:
    key: str
    number: int
    name: str
    status: str  # present / missing / unclear
    value: str
    explanation: str
    proposal: str = ""

    def to_dict(self) -> dict:
        d = asdict(self)
        d["status_fi"] = STATUS_FI[self.status]
        return d


@dataclass
class OptionalElement:
    """One optional element of Annex I (prerequisites, supervision, grade, stackability, further information)."""

    key: str
    name: str
    value: str
    status: str  # present / missing

    def to_dict(self) -> dict:
        return asdict(self)


# (key, Finnish name) of the optional elements, in the order of Annex I.
OPTIONAL_ELEMENTS = [
    ("prerequisites", "Esitiedot"),
    ("supervision_verification", "Valvonta ja henkilöllisyyden tarkistus"),
    ("grade", "Arvosana"),
    ("stackability", "Yhdistettävyys"),
    ("further_info", "Lisätiedot"),
]


@dataclass
class CredentialCheck:
    elements: list[ElementStatus]
    field_problems: list[FieldProblem] = field(default_factory=list)
    optional: list[OptionalElement] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return all(e.status == "present" for e in self.elements) and not self.field_problems

    def to_dict(self) -> dict:
        return {
            "complete": self.complete,
            "summary": self.summary(),
            "elements": [e.to_dict() for e in self.elements],
            "field_problems": [p.to_dict() for p in self.field_problems],
            "optional": [o.to_dict() for o in self.optional],
            "notes": self.notes,
        }

    def summary(self) -> str:
        counts = {s: sum(e.status == s for e in self.elements) for s in STATUS_FI}
        text = (f"{counts['present']}/11 pakollista tietoa kunnossa, {counts['missing']} puuttuu, "
                f"{counts['unclear']} epäselvää.")
        if self.field_problems:
            text += f" {len(self.field_problems)} kenttää oli virheellisiä."
        return text


def load_record(source) -> tuple[CourseRecord, list[FieldProblem]]:
    """Read a record from a path, JSON text or a dict. Unreadable JSON raises InputError (a Finnish message)."""
    if isinstance(source, dict):
        return CourseRecord.from_dict(source)
    if isinstance(source, Path) or (isinstance(source, str) and not source.lstrip().startswith("{")):
        path = Path(source)
        if not path.exists():
            raise InputError(f"Tiedostoa ei löydy: {source}")
        if path.is_dir():
            raise InputError(f"{source} on kansio, ei tiedosto.")
        try:
            source = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise InputError(f"{path.name} ei ole UTF-8-muodossa (virheellinen tavu kohdassa {err.start}).") from err
    try:
        data = json.loads(source)
    except json.JSONDecodeError as err:
        raise InputError(f"Tietue ei ole kelvollista JSONia: rivi {err.lineno}, sarake {err.colno}: {err.msg}.") \
            from err
    return CourseRecord.from_dict(data)


def _text_status(value: str, what: str) -> tuple[str, str]:
    if is_placeholder(value):
        return ("unclear", f"{what}: arvo '{value}' on paikkamerkki, ei varsinainen tieto.") if str(value).strip() \
            else ("missing", f"Puuttuu: {what.lower()}.")
    if len(str(value).strip()) < CREDENTIALS.min_text_chars:
        return "unclear", f"{what}: arvo '{value}' on liian lyhyt kertoakseen lukijalle mitään."
    return "present", ""


def _proposal(record: CourseRecord, propose_outcomes: bool) -> str:
    """Outcomes proposed from the description (empty when not asked for or not possible)."""
    stated = [o for o in record.learning_outcomes if not is_placeholder(o)]
    if not propose_outcomes or not (record.description.strip() or stated):
        return ""
    try:
        from ..outcomes import plain_outcomes, propose

        if stated:  # the record's own statements made plain and checked: the same ones the export writes
            return "\n".join(plain_outcomes(stated))
        return "\n".join(o.text for o in propose(record).outcomes)
    except PoijuError as err:  # e.g. the e5 model is not built, or too little content: the check still works
        log.info("no outcome proposal: %s", err.message)
        return ""


def _check_outcomes(record: CourseRecord, propose_outcomes: bool) -> ElementStatus:
    key, number, name, _ = ELEMENTS[5]
    outcomes = [o for o in record.learning_outcomes if not is_placeholder(o)]
    if not outcomes:
        proposal = _proposal(record, propose_outcomes)
        hint = " Alla ehdotus kuvauksen pohjalta." if proposal else " Kirjoita 3–6 lausetta muodossa 'Osaat <verbi> …'."
        return ElementStatus(key, number, name, "missing", "", "Osaamistavoitteet puuttuvat." + hint, proposal)
    value = "\n".join(outcomes)
    try:
        from ..outcomes import check

        result = check(outcomes)
    except PoijuError as err:
        return ElementStatus(key, number, name, "unclear", value, f"Tavoitteita ei voitu tarkistaa: {err.message}")
    weak = [item for item in result.items if item.problems]
    if weak:
        first = weak[0]
        explanation = (f"{len(weak)}/{len(outcomes)} tavoitteessa on ongelmia, esim. '{first.text}': "
                       f"{first.problems[0].reason}")
        return ElementStatus(key, number, name, "unclear", value, explanation, _proposal(record, propose_outcomes))
    return ElementStatus(key, number, name, "present", value, f"{len(outcomes)} arvioitavaa tavoitetta.")


def _check_workload(record: CourseRecord) -> ElementStatus:
    key, number, name, _ = ELEMENTS[6]
    h = HOURS_PER_CREDIT
    credits, hours = record.credits, record.hours
    if credits is None and hours is None:
        return ElementStatus(key, number, name, "missing", "", "Laajuus puuttuu: anna opintopisteet (op).",
                             f"1 op = {h:g} tuntia opiskelijan työtä.")
    if credits is None:
        proposal = f"{hours / h:.1f} op ({hours:g} h / {h:g} h/op)"
        return ElementStatus(key, number, name, "unclear", f"{hours:g} h",
                             "Työmäärä on annettu vain tunteina; suositus pyytää opintopisteet (ECTS).", proposal)
    value = f"{credits:g} op" + (f", {hours:g} h" if hours is not None else "")
    expected = credits * h
    if not MICRO_CREDENTIAL_MIN_CREDITS <= credits <= MICRO_CREDENTIAL_MAX_CREDITS:
        return ElementStatus(key, number, name, "unclear", value,
                             f"Mikrotutkinnon laajuus on Suomessa yleensä {MICRO_CREDENTIAL_MIN_CREDITS:g}–"
                             f"{MICRO_CREDENTIAL_MAX_CREDITS:g} op; {credits:g} op on sen ulkopuolella.")
    if hours is None:
        return ElementStatus(key, number, name, "present", value, "Laajuus on annettu opintopisteinä.",
                             f"{expected:g} tuntia ({credits:g} op × {h:g} h/op)")
    if abs(hours - expected) > CREDENTIALS.workload_tolerance * expected:
        return ElementStatus(key, number, name, "unclear", value,
                             f"Tunnit ja opintopisteet eivät täsmää: {credits:g} op on noin {expected:g} tuntia, "
                             f"mutta tunteja on {hours:g}.", f"{expected:g} tuntia")
    return ElementStatus(key, number, name, "present", value, "Laajuus on annettu opintopisteinä ja tunteina.")


def _check_level(record: CourseRecord) -> ElementStatus:
    key, number, name, _ = ELEMENTS[7]
    guess = EQF_BY_LEVEL.get(record.level.strip().lower())  # typical level only: a proposal, the provider decides
    proposal = f"EQF {guess} (tyypillinen tasolle '{record.level}')" if guess else ""
    if record.eqf_level is None:
        if record.level.strip():
            return ElementStatus(key, number, name, "unclear", record.level,
                                 f"Vain kurssin oma taso '{record.level}' on annettu; suositus pyytää EQF-tason 1–8.",
                                 proposal)
        return ElementStatus(key, number, name, "missing", "", "Taso puuttuu: anna EQF-taso 1–8 "
                             "(esim. ammattikorkeakoulun perusopinnot tavallisesti 6).")
    return ElementStatus(key, number, name, "present", f"EQF {record.eqf_level}", "")


def _check_participation(record: CourseRecord) -> ElementStatus:
    key, number, name, _ = ELEMENTS[9]
    if not is_placeholder(record.participation_form):
        status, explanation = _text_status(record.participation_form, name)
        return ElementStatus(key, number, name, status, record.participation_form, explanation)
    if not is_placeholder(record.mode):
        return ElementStatus(key, number, name, "present", record.mode,
                             "Osallistumismuoto luettiin kentästä 'mode' (opetusmuoto).")
    return ElementStatus(key, number, name, "missing", "", "Osallistumismuoto puuttuu: kerro, onko opiskelu "
                         "verkossa, paikan päällä vai monimuotona.", " / ".join(MODES))


def check_micro_credential(record: CourseRecord | dict, *, propose_outcomes: bool = True,
                           field_problems: list[FieldProblem] | None = None) -> CredentialCheck:
    """Check the 11 mandatory elements of a record (a dict is validated first, problems are reported per field)."""
    problems = list(field_problems or [])
    if isinstance(record, dict):
        record, more = CourseRecord.from_dict(record)
        problems += more
    elements: list[ElementStatus] = []
    texts = {
        "learner": ("Oppijan nimi tai tunniste täydennetään, kun todistus myönnetään oppijalle.", ""),
        "title": ("Anna mikrotutkinnolle nimi, joka kertoo osaamisen.", ""),
        "country": ("Anna myöntäjän maa kaksikirjaimisena koodina.", "FI"),
        "awarding_body": ("Kerro, mikä organisaatio myöntää todistuksen.", record.provider),
        "issue_date": ("Myöntämispäivä täydennetään, kun todistus myönnetään.",
                       record.dates.get("end", "") if record.dates else ""),
        "assessment_type": ("Kerro, miten osaaminen arvioidaan (esim. tentti, näyttö, harjoitustyö).", ""),
        "quality_assurance": ("Kerro, miten laatu varmistetaan (esim. oppilaitoksen laatujärjestelmä, auditointi).",
                              ""),
    }
    for key, number, name, attrs in ELEMENTS:
        if key == "learning_outcomes":
            elements.append(_check_outcomes(record, propose_outcomes))
        elif key == "workload":
            elements.append(_check_workload(record))
        elif key == "level":
            elements.append(_check_level(record))
        elif key == "participation_form":
            elements.append(_check_participation(record))
        else:
            value = getattr(record, attrs[0])
            status, explanation = _text_status(value, name)
            if key == "country" and len(value) == 2:  # an ISO code, already validated by CourseRecord.from_dict
                status, explanation = "present", ""
            hint, proposal = texts[key]
            if status != "present":
                explanation = f"{explanation} {hint}".strip()
            elements.append(ElementStatus(key, number, name, status, str(value),
                                          explanation, proposal if status != "present" else ""))
    optional = []
    for key, name in OPTIONAL_ELEMENTS:
        value = getattr(record, key)
        if key == "supervision_verification":
            value = SUPERVISION_VALUES.get(value, value)
        optional.append(OptionalElement(key, name, value, "missing" if is_placeholder(value) else "present"))
    notes = []
    if record.issue_date and record.dates.get("start") and record.issue_date < record.dates["start"]:
        notes.append("Myöntämispäivä on ennen kurssin alkua.")
    return CredentialCheck(elements=elements, field_problems=problems, optional=optional, notes=notes)
