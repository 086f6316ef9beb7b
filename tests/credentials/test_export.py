import json
import subprocess
import sys

import pytest

from poiju_nlp.credentials import load_record, to_elm, to_ob3
from poiju_nlp.records import CourseRecord
from tests.conftest import ROOT

EXAMPLE = ROOT / "corpora" / "examples" / "record_example.json"
SCHEMAS = ROOT / "build" / "ob_schemas"


@pytest.fixture(scope="module")
def record():
    rec, problems = load_record(EXAMPLE)
    assert problems == []
    return rec


@pytest.fixture(scope="module")
def ob3_validator():
    path = SCHEMAS / "ob_v3p0_achievementcredential_schema.json"
    if not path.exists():  # fetched at test set-up; fetch them now (from the package registry) if that was skipped
        subprocess.run([sys.executable, str(ROOT / "scripts" / "fetch_ob_schemas.py")], check=False)
    assert path.exists(), f"Open Badges 3.0 schema missing: {path} (scripts/fetch_ob_schemas.py could not fetch it)"
    import jsonschema

    schema = json.loads(path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_ob3_validates_against_the_official_schema(record, ob3_validator):
    credential = to_ob3(record)
    errors = [e.message for e in ob3_validator.iter_errors(credential)]
    assert errors == []
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "MicroCredential"
    assert achievement["creditsAvailable"] == 3.0
    assert credential["validFrom"] == "2026-03-13T00:00:00Z"
    assert credential["issuer"]["type"] == ["Profile"] and credential["issuer"]["name"] == record.awarding_body
    assert "Osaat laskea lääkeannoksen" in achievement["criteria"]["narrative"]


def test_minimal_and_hostile_records_still_validate(ob3_validator):
    hostile = CourseRecord(id="x", title='<script>alert("x")</script>', description="<b>lihava</b> & \"lainaus\"")
    for rec in (CourseRecord(title="Ensiapu"), hostile):
        assert [e.message for e in ob3_validator.iter_errors(to_ob3(rec))] == []
    # strings stay inert text: escaped by json.dumps, unchanged after a round trip
    text = json.dumps(to_ob3(hostile), ensure_ascii=False)
    assert '\\"x\\"' in text
    assert json.loads(text)["name"] == '<script>alert("x")</script>'


def test_broken_export_is_caught_by_the_schema(record, ob3_validator):
    credential = to_ob3(record)
    credential["validFrom"] = "13.3.2026"
    del credential["credentialSubject"]["achievement"]["criteria"]
    assert len(list(ob3_validator.iter_errors(credential))) >= 2


def test_elm_follows_the_micro_credential_sample_shape(record):
    elm = to_elm(record)
    assert "https://www.w3.org/ns/credentials/v2" in elm["@context"]
    assert "http://data.europa.eu/snb/model/context/edc-ap" in elm["@context"]
    assert elm["type"] == ["VerifiableCredential", "EuropeanDigitalCredential"]
    assert elm["validFrom"] == "2026-03-13T00:00:00Z"
    issuer = elm["issuer"]
    assert issuer["type"] == "Organisation" and issuer["legalName"] == {"fi": record.awarding_body}
    country = issuer["location"][0]["address"][0]["countryCode"]
    assert country["id"] == "http://publications.europa.eu/resource/authority/country/FIN"
    claim = elm["credentialSubject"]["hasClaim"][0]
    assert elm["credentialSubject"]["fullName"] == {"fi": "Maija Meikäläinen"}
    assert claim["type"] == "LearningAchievement"
    spec = claim["specifiedBy"]
    assert spec["type"] == "LearningAchievementSpecification"
    assert [o["title"]["fi"] for o in spec["learningOutcome"]] == record.learning_outcomes
    assert spec["creditPoint"][0]["point"] == "3" and spec["creditPoint"][0]["framework"]["type"] == "Concept"
    assert spec["volumeOfLearning"] == "PT81H"
    assert spec["entryRequirement"]["noteLiteral"]["fi"] == record.prerequisites
    assert spec["eqfLevel"]["id"] == "http://data.europa.eu/snb/eqf/5"
    assert spec["mode"][0]["prefLabel"]["fi"] == record.participation_form
    assert claim["awardedBy"]["awardingBody"][0]["id"] == issuer["id"]
    assert claim["provenBy"][0]["grade"]["noteLiteral"]["fi"] == "hyväksytty"
    # every node with a type has an id (JSON-LD nodes are referencable) and ids are stable between exports
    def nodes(obj):
        if isinstance(obj, dict):
            yield obj
            for v in obj.values():
                yield from nodes(v)
        elif isinstance(obj, list):
            for v in obj:
                yield from nodes(v)
    assert all("id" in n for n in nodes(elm) if "type" in n and n["type"] not in ("ShaclValidator2017",))
    assert to_elm(record) == elm


def test_elm_workload_from_credits_only():
    spec = to_elm(CourseRecord(title="Ensiapu", credits=2))["credentialSubject"]["hasClaim"][0]["specifiedBy"]
    assert spec["volumeOfLearning"] == "PT54H"


def test_export_carries_the_plain_checked_outcomes(record):
    """Issue 13: the EU record's learning outcomes are the plain, checked statements; a weak one is replaced by
    the statements made from it (the same ones the credential check proposes); good ones stay as written."""
    from dataclasses import replace

    from poiju_nlp.credentials import check_micro_credential
    from poiju_nlp.outcomes import check

    weak = replace(record, learning_outcomes=[record.learning_outcomes[0],
                                              "Opiskelija tuntee ja osaa käyttää kipumittaria."])
    titles = [o["title"]["fi"] for o in to_elm(weak)["credentialSubject"]["hasClaim"][0]["specifiedBy"][
        "learningOutcome"]]
    assert titles == [record.learning_outcomes[0], "Osaat kuvata kipumittaria.", "Osaat käyttää kipumittaria."]
    assert all(not item.problems for item in check(titles).items)
    element = {e.key: e for e in check_micro_credential(weak).elements}["learning_outcomes"]
    assert element.status == "unclear" and element.proposal.splitlines() == titles
    assert "Osaat käyttää kipumittaria." in to_ob3(weak)["credentialSubject"]["achievement"]["criteria"]["narrative"]
