"""Export a ``CourseRecord`` as Europass ELM v3 JSON-LD or as an Open Badges 3.0 credential (unsigned).

Both are plain dicts: ``json.dumps`` escapes every string, and user text is only ever placed in JSON string values,
never interpreted, so HTML in a field stays inert text. Identifiers are deterministic (derived from the record id)
so repeated exports of one record are identical and diffable.

The ELM shape follows the public Europass sample "Sample-MC-Annex1-unsigned.jsonld" (European Learning Model v3):
a ``EuropeanDigitalCredential`` whose subject has a ``LearningAchievement`` claim specified by a
``LearningAchievementSpecification`` (learning outcomes, ECTS credit points, ISO 8601 volume of learning, mode,
entry requirement, EQF level) and awarded by the issuing ``Organisation``.

>>> from poiju_nlp.records import CourseRecord
>>> to_ob3(CourseRecord(id="x1", title="Ensiapu 1"))["credentialSubject"]["achievement"]["achievementType"]
'MicroCredential'
"""
from __future__ import annotations

import datetime as _dt
import re
import uuid

from ..records import SUPERVISION_VALUES, CourseRecord, is_placeholder

ELM_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "http://data.europa.eu/snb/model/context/edc-ap",
]
OB3_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
# EU Publications Office authority tables (3-letter codes) for countries and languages.
_COUNTRY_3 = {"FI": "FIN", "SE": "SWE", "EE": "EST", "NO": "NOR", "DK": "DNK", "DE": "DEU", "FR": "FRA",
              "NL": "NLD", "BE": "BEL", "ES": "ESP", "IT": "ITA", "PL": "POL", "AT": "AUT", "IE": "IRL",
              "LV": "LVA", "LT": "LTU", "PT": "PRT", "CZ": "CZE", "SK": "SVK", "HU": "HUN", "GB": "GBR"}
_LANG_3 = {"fi": "FIN", "sv": "SWE", "en": "ENG", "et": "EST", "de": "DEU", "fr": "FRA", "ru": "RUS", "se": "SME"}
_NAMESPACE = uuid.UUID("6f0d8a52-8a86-4c55-9a1e-0f6f7f3c2b11")  # POIJU-NLP's own namespace for uuid5 ids


def _id(record: CourseRecord, kind: str) -> str:
    """A stable urn:uuid for one part of one record's credential."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{record.id or record.title}/{kind}')}"


def _lang(record: CourseRecord) -> str:
    return record.language or "fi"


def _langstr(record: CourseRecord, text: str) -> dict:
    """ELM language-tagged string ({"fi": "..."})."""
    return {_lang(record): str(text)}


def _valid_from(record: CourseRecord) -> str:
    """RFC 3339 date-time (UTC) of the issue date, or today when the record is still a template."""
    day = record.issue_date or _dt.date.today().isoformat()
    return f"{day}T00:00:00Z"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _provider_id(record: CourseRecord) -> str:
    """The issuer's id: its web origin when the course URL has one, else a urn."""
    match = re.match(r"^(https?://[^/\s]+)", record.url or "")
    if match:
        return match.group(1) + "/"
    return _id(record, "issuer/" + _slug(record.awarding_body or record.provider))


def _iso_duration(hours: float | None) -> str | None:
    if hours is None:
        return None
    return f"PT{int(round(hours))}H"


def _concept(label: str, record: CourseRecord, concept_id: str | None = None, scheme: str | None = None) -> dict:
    concept = {"id": concept_id or _id(record, "concept/" + _slug(label)), "type": "Concept",
               "prefLabel": _langstr(record, label)}
    if scheme:
        concept["inScheme"] = {"id": scheme, "type": "ConceptScheme"}
    return concept


def _outcomes(record: CourseRecord) -> list[str]:
    """The learning outcomes the credential carries: the record's own statements, plain and checked (a weak one is
    replaced by the plain statements made from it, the same ones the credential check proposes)."""
    from ..outcomes import plain_outcomes

    return plain_outcomes(record.learning_outcomes)


def to_elm(record: CourseRecord) -> dict:
    """Europass ELM v3 JSON-LD (unsigned EuropeanDigitalCredential) for a micro-credential."""
    country = _COUNTRY_3.get(record.country or "FI", record.country or "FIN")
    body = record.awarding_body or record.provider
    issuer = {
        "id": _provider_id(record),
        "type": "Organisation",
        "legalName": _langstr(record, body),
        "location": [{
            "id": _id(record, "issuer/location"),
            "type": "Location",
            "address": [{
                "id": _id(record, "issuer/address"),
                "type": "Address",
                "countryCode": _concept(country, record,
                                        f"http://publications.europa.eu/resource/authority/country/{country}",
                                        "http://publications.europa.eu/resource/authority/country"),
            }],
        }],
    }
    spec: dict = {
        "id": _id(record, "spec"),
        "type": "LearningAchievementSpecification",
        "title": _langstr(record, record.title),
        "learningOutcome": [
            {"id": _id(record, f"outcome/{n}"), "type": "LearningOutcome", "title": _langstr(record, text)}
            for n, text in enumerate(_outcomes(record), 1)
        ],
    }
    if record.description:
        spec["description"] = _langstr(record, record.description)
    if record.credits is not None:
        spec["creditPoint"] = [{
            "id": _id(record, "credit"),
            "type": "CreditPoint",
            "framework": _concept("European Credit Transfer System", record,
                                  "http://data.europa.eu/snb/education-credit/6fcec5c5af",
                                  "http://data.europa.eu/snb/education-credit/25831c2"),
            "point": f"{record.credits:g}",
        }]
    duration = _iso_duration(record.workload_hours)
    if duration:
        spec["volumeOfLearning"] = duration
    form = record.participation_form or record.mode
    if form:
        spec["mode"] = [_concept(form, record)]
        spec["learningSetting"] = _concept("formal learning" if record.quality_assurance else form, record)
    if record.prerequisites:
        spec["entryRequirement"] = {"id": _id(record, "entry"), "type": "Note",
                                    "noteLiteral": _langstr(record, record.prerequisites)}
    if record.eqf_level is not None:
        spec["eqfLevel"] = _concept(f"EQF {record.eqf_level}", record,
                                    f"http://data.europa.eu/snb/eqf/{record.eqf_level}",
                                    "http://data.europa.eu/snb/eqf/25831c2")
    if record.language:
        code = _LANG_3.get(record.language, record.language.upper())
        spec["language"] = [_concept(record.language, record,
                                     f"http://publications.europa.eu/resource/authority/language/{code}",
                                     "http://publications.europa.eu/resource/authority/language")]
    if record.url:
        spec["homepage"] = [{"id": _id(record, "homepage"), "type": "WebResource", "contentURL": record.url}]
    if record.stackability:
        spec["additionalNote"] = [{"id": _id(record, "note/stackability"), "type": "Note",
                                   "noteLiteral": _langstr(record, record.stackability),
                                   "subject": _concept("integration/stackability options", record)}]
    achievement: dict = {
        "id": _id(record, "achievement"),
        "type": "LearningAchievement",
        "title": _langstr(record, record.title),
        "awardedBy": {
            "id": _id(record, "awarding"),
            "type": "AwardingProcess",
            "awardingBody": [issuer],
            "awardingDate": _valid_from(record),
            "location": issuer["location"][0],
        },
        "specifiedBy": spec,
    }
    if record.assessment_type or record.grade:
        assessment: dict = {"id": _id(record, "assessment"), "type": "LearningAssessment",
                            "title": _langstr(record, record.assessment_type or "arviointi")}
        if record.grade:
            assessment["grade"] = {"id": _id(record, "grade"), "type": "Note",
                                   "noteLiteral": _langstr(record, record.grade)}
        if record.supervision_verification:
            assessment["idVerification"] = _concept(
                SUPERVISION_VALUES.get(record.supervision_verification, record.supervision_verification), record)
        achievement["provenBy"] = [assessment]
    if record.quality_assurance:
        achievement["additionalNote"] = [{"id": _id(record, "note/qa"), "type": "Note",
                                          "noteLiteral": _langstr(record, record.quality_assurance),
                                          "subject": _concept("quality assurance", record)}]
    subject = {"id": _id(record, "learner"), "type": "Person", "hasClaim": [achievement]}
    if record.learner:
        subject["fullName"] = _langstr(record, record.learner)
    credential = {
        "@context": list(ELM_CONTEXT),
        "id": _id(record, "credential"),
        "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
        "credentialSchema": [{
            "id": "http://data.europa.eu/snb/model/ap/edc-generic-full",
            "type": "ShaclValidator2017",
        }],
        "credentialSubject": subject,
        "issuer": issuer,
        "validFrom": _valid_from(record),
        "issued": _valid_from(record),
    }
    if record.further_info:
        credential["displayParameter"] = {"id": _id(record, "display"), "type": "DisplayParameter",
                                          "title": _langstr(record, record.title),
                                          "description": _langstr(record, record.further_info),
                                          "language": [_concept(_lang(record), record)],
                                          "primaryLanguage": _concept(_lang(record), record)}
    return credential


def to_ob3(record: CourseRecord) -> dict:
    """Open Badges 3.0 OpenBadgeCredential (unsigned) with ``achievementType: "MicroCredential"``."""
    body = record.awarding_body or record.provider or "tuntematon myöntäjä"
    issuer = {"id": _provider_id(record), "type": ["Profile"], "name": body}
    if record.country:
        issuer["address"] = {"type": ["Address"], "addressCountryCode": record.country}
    narrative_parts = []
    if record.learning_outcomes:
        narrative_parts.append("Osaamistavoitteet:\n" + "\n".join(f"- {o}" for o in _outcomes(record)))
    if record.assessment_type:
        narrative_parts.append(f"Arviointi: {record.assessment_type}")
    if record.quality_assurance:
        narrative_parts.append(f"Laadunvarmistus: {record.quality_assurance}")
    achievement: dict = {
        "id": _id(record, "achievement"),
        "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": record.title or "(nimetön)",
        "description": record.description or record.title or "(ei kuvausta)",
        "criteria": {"narrative": "\n\n".join(narrative_parts) or "Hyväksytysti suoritettu opintojakso."},
        "inLanguage": _lang(record),
    }
    if record.credits is not None:
        achievement["creditsAvailable"] = float(record.credits)
    if record.tags:
        achievement["tag"] = list(record.tags)
    if record.eqf_level is not None:
        achievement["alignment"] = [{
            "type": ["Alignment"],
            "targetName": f"EQF {record.eqf_level}",
            "targetUrl": f"http://data.europa.eu/snb/eqf/{record.eqf_level}",
            "targetFramework": "European Qualifications Framework",
            "targetType": "CFItem",
        }]
    if record.id:
        achievement["humanCode"] = str(record.id)
    subject: dict = {"type": ["AchievementSubject"], "achievement": achievement}
    if record.learner:
        subject["identifier"] = [{"type": "IdentityObject", "identityHash": record.learner, "identityType": "name",
                                  "hashed": False}]
    if record.credits is not None:
        subject["creditsEarned"] = float(record.credits)
    if record.grade:
        subject["result"] = [{"type": ["Result"], "value": record.grade}]
    credential = {
        "@context": list(OB3_CONTEXT),
        "id": _id(record, "credential"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": record.title or "(nimetön)",
        "issuer": issuer,
        "validFrom": _valid_from(record),
        "credentialSubject": subject,
    }
    if record.description:
        credential["description"] = record.description
    return credential


def is_exportable(record: CourseRecord) -> bool:
    """A record needs at least a title to become a credential."""
    return not is_placeholder(record.title)
