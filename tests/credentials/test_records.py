import json

from poiju_nlp.records import CourseRecord
from tests.conftest import ROOT

EXAMPLE = ROOT / "corpora" / "examples" / "record_example.json"


def test_example_record_is_complete_and_valid():
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    record, problems = CourseRecord.from_dict(data)
    assert problems == []
    assert record.credits == 3.0 and record.hours == 81.0 and record.eqf_level == 5
    assert record.dates == {"start": "2026-01-12", "end": "2026-03-06"}
    assert len(record.learning_outcomes) == 5
    assert record.to_dict()["title"] == data["title"]


def test_malformed_fields_are_reported_per_field_not_raised():
    record, problems = CourseRecord.from_dict({
        "title": "Ensiapu 1",
        "credits": "viisi",
        "hours": -4,
        "dates": {"start": "2026-13-01"},
        "country": "Suomi",
        "eqf_level": 9,
        "url": "javascript:alert(1)",
        "learning_outcomes": ["Osaat laskea lääkeannoksen.", 5],
        "supervision_verification": "joskus",
        "lempiväri": "sininen",
    })
    fields = {p.field for p in problems}
    assert fields == {"credits", "hours", "dates", "country", "eqf_level", "url", "learning_outcomes",
                      "supervision_verification", "lempiväri"}
    assert record.title == "Ensiapu 1"  # good fields survive
    assert record.credits is None and record.url == "" and record.learning_outcomes == []
    messages = {p.field: p.message for p in problems}
    assert "viisi" in messages["credits"] and "VVVV-KK-PP" in messages["dates"]


def test_finnish_decimal_comma_and_outcomes_as_lines():
    record, problems = CourseRecord.from_dict({"credits": "2,5", "learning_outcomes": "Osaat A.\n\nOsaat B.\n"})
    assert problems == []
    assert record.credits == 2.5 and record.learning_outcomes == ["Osaat A.", "Osaat B."]
    assert record.workload_hours == 67.5  # 27 h per op


def test_not_an_object():
    record, problems = CourseRecord.from_dict(["Ensiapu"])
    assert record == CourseRecord() and problems[0].field == "(tietue)"
