import json

import pytest

from poiju_nlp.credentials import check_micro_credential, load_record
from poiju_nlp.errors import InputError
from poiju_nlp.records import CourseRecord
from tests.conftest import ROOT

EXAMPLE = ROOT / "corpora" / "examples" / "record_example.json"


def statuses(report) -> dict:
    return {e.key: e.status for e in report.elements}


def test_complete_record_has_all_eleven_elements():
    record, problems = load_record(EXAMPLE)
    report = check_micro_credential(record, field_problems=problems, propose_outcomes=False)
    assert len(report.elements) == 11 and [e.number for e in report.elements] == list(range(1, 12))
    assert set(statuses(report).values()) == {"present"}, statuses(report)
    assert report.complete
    assert report.to_dict()["summary"].startswith("11/11")


def test_incomplete_record_gets_explanations_and_proposals():
    record = CourseRecord(title="Hätäensiapu", provider="Kuvitteellinen opisto", credits=5, level="perus",
                          mode="lähiopetus", learning_outcomes=["Opiskelija tietää ensiavun perusteet."])
    report = check_micro_credential(record, propose_outcomes=False)
    s = statuses(report)
    assert s["learner"] == s["country"] == s["issue_date"] == s["quality_assurance"] == "missing"
    assert s["title"] == "present" and s["participation_form"] == "present"  # mode stands in for the form
    by_key = {e.key: e for e in report.elements}
    assert by_key["workload"].status == "present" and by_key["workload"].proposal.startswith("135 tuntia")
    assert by_key["awarding_body"].proposal == "Kuvitteellinen opisto"
    assert by_key["level"].status == "unclear" and "EQF 6" in by_key["level"].proposal
    assert by_key["learning_outcomes"].status == "unclear"  # a vague verb
    assert "tietää" in by_key["learning_outcomes"].explanation
    assert not report.complete


def test_workload_rules():
    by_key = lambda r: {e.key: e for e in check_micro_credential(r, propose_outcomes=False).elements}  # noqa: E731
    only_hours = by_key(CourseRecord(hours=54))["workload"]
    assert only_hours.status == "unclear" and only_hours.proposal.startswith("2.0 op")
    mismatch = by_key(CourseRecord(credits=5, hours=40))["workload"]
    assert mismatch.status == "unclear" and "135" in mismatch.explanation
    too_big = by_key(CourseRecord(credits=120))["workload"]
    assert too_big.status == "unclear" and "59" in too_big.explanation


def test_placeholders_are_unclear_not_present():
    report = check_micro_credential(CourseRecord(title="Ensiapu", assessment_type="TBA", quality_assurance="-"),
                                    propose_outcomes=False)
    s = statuses(report)
    assert s["assessment_type"] == "unclear" and s["quality_assurance"] == "unclear"


def test_malformed_record_dict_gives_field_report():
    report = check_micro_credential({"title": "Ensiapu", "credits": "paljon", "issue_date": "eilen"},
                                    propose_outcomes=False)
    assert {p.field for p in report.field_problems} == {"credits", "issue_date"}
    assert statuses(report)["workload"] == "missing"
    assert "kenttää oli virheellisiä" in report.summary()


def test_unreadable_json_is_a_finnish_error(tmp_path):
    path = tmp_path / "rikki.json"
    path.write_text('{"title": "Ensiapu",', encoding="utf-8")
    with pytest.raises(InputError, match="JSON"):
        load_record(path)
    with pytest.raises(InputError, match="ei löydy"):
        load_record(tmp_path / "puuttuu.json")


@pytest.mark.slow
def test_missing_outcomes_are_proposed_from_the_description():
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["learning_outcomes"] = []
    report = check_micro_credential(data)
    element = {e.key: e for e in report.elements}["learning_outcomes"]
    assert element.status == "missing"
    lines = element.proposal.splitlines()
    assert 3 <= len(lines) <= 6 and all(line.startswith("Osaat ") for line in lines)
