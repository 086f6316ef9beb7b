import json

from tests.conftest import DESCRIPTION, run_cli


def test_help_lists_commands():
    result = run_cli("--help")
    assert result.returncode == 0
    assert "analyze" in result.stdout


def test_analyze_file(tmp_path):
    path = tmp_path / "kuvaus.txt"
    path.write_text(DESCRIPTION, encoding="utf-8")
    result = run_cli("analyze", str(path))
    assert result.returncode == 0, result.stderr
    assert "Lause 3: Laajuus on 5 opintopistettä, ja kurssi maksaa 120 euroa." in result.stdout
    assert "osata+tavoite" in result.stdout


def test_analyze_stdin_json():
    result = run_cli("analyze", "-", "--json", stdin=DESCRIPTION)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["sentences"]) == 3
    bases = [t["baseform"] for t in data["tokens"]]
    assert "osaamistavoite" in bases and "opintopiste" in bases


def test_empty_stdin_is_a_finnish_error_without_traceback():
    result = run_cli("analyze", stdin="   \n")
    assert result.returncode == 2
    assert "Teksti on tyhjä" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_and_wrong_encoding(tmp_path):
    result = run_cli("analyze", str(tmp_path / "ei-ole.txt"))
    assert result.returncode == 2 and "Tiedostoa ei löydy" in result.stderr
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Kurssi käsittelee hätäensiapua.".encode("latin-1"))
    result = run_cli("analyze", str(latin))
    assert result.returncode == 2 and "UTF-8" in result.stderr and "Traceback" not in result.stderr


def test_other_language_on_stdin():
    result = run_cli("analyze", stdin="This course teaches first aid to security guards in shopping centres.")
    assert result.returncode == 2 and "suomea" in result.stderr
