import json

from tests.conftest import ROOT, run_cli

EXAMPLE = str(ROOT / "corpora" / "examples" / "record_example.json")


def test_check_complete_record():
    result = run_cli("credential", "check", EXAMPLE, "--no-proposals")
    assert result.returncode == 0, result.stderr
    assert "11/11 pakollista tietoa kunnossa" in result.stdout
    assert "OK  7. Työmäärä (opintopisteinä): 3 op, 81 h" in result.stdout


def test_check_bad_record_reports_fields_without_traceback(tmp_path):
    path = tmp_path / "huono.json"
    path.write_text(json.dumps({"title": "Ensiapu", "credits": "viisi", "eqf_level": 12}), encoding="utf-8")
    result = run_cli("credential", "check", str(path), "--no-proposals", "--json")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    assert {p["field"] for p in data["field_problems"]} == {"credits", "eqf_level"}
    assert data["complete"] is False and len(data["elements"]) == 11


def test_broken_json_and_missing_file(tmp_path):
    path = tmp_path / "rikki.json"
    path.write_text("{ei jsonia", encoding="utf-8")
    result = run_cli("credential", "check", str(path))
    assert result.returncode == 2 and "JSON" in result.stderr and "Traceback" not in result.stderr
    result = run_cli("credential", "export", "--format", "ob3", str(tmp_path / "ei.json"))
    assert result.returncode == 2 and "Tiedostoa ei löydy" in result.stderr


def test_export_round_trip(tmp_path):
    for fmt, kind in (("elm", "EuropeanDigitalCredential"), ("ob3", "OpenBadgeCredential")):
        result = run_cli("credential", "export", "--format", fmt, EXAMPLE)
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert kind in data["type"]
    out = tmp_path / "badge.json"
    result = run_cli("credential", "export", "--format", "ob3", EXAMPLE, "-o", str(out))
    assert result.returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["credentialSubject"]["achievement"]["name"] == \
        "Lääkehoidon perusteet ja lääkelaskut"


def test_export_refuses_malformed_record_with_field_list():
    result = run_cli("credential", "export", "--format", "elm", "-", stdin='{"title": "X", "credits": "-3"}')
    assert result.returncode == 2 and "credits" in result.stderr and "Traceback" not in result.stderr
