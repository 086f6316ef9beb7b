import json

import pytest

from tests.conftest import run_cli

STATEMENTS = (
    "Opiskelija ymmärtää ja osaa arvioida asiakkaan palvelutarvetta.\n"
    "Osaat laskea lääkeannoksen potilaan painon perusteella.\n"
    "Kurssilla käsitellään lääkehoidon turvallisuutta.\n"
)


def test_check_json_from_stdin():
    result = run_cli("outcomes", "--check", "-", "--json", stdin=STATEMENTS)
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)["items"]
    assert [i["text"] for i in items] == STATEMENTS.strip().splitlines()
    assert [p["kind"] for p in items[0]["problems"]] == ["vague_verb", "several_verbs"]
    assert items[1]["problems"] == []
    assert [p["kind"] for p in items[2]["problems"]] == ["passive_or_teacher"]
    assert set(items[0]["problems"][0]) == {"kind", "reason", "suggestion"}


def test_check_text_output(tmp_path):
    path = tmp_path / "tavoitteet.txt"
    path.write_text(STATEMENTS, encoding="utf-8")
    result = run_cli("outcomes", "--check", str(path))
    assert result.returncode == 0
    assert "1/3 tavoitetta kunnossa." in result.stdout and "Ehdotus:" in result.stdout


def test_empty_input_is_a_finnish_error():
    result = run_cli("outcomes", "--check", stdin="\n\n")
    assert result.returncode == 2 and "Traceback" not in result.stderr


@pytest.mark.slow
def test_propose_json(courses):
    result = run_cli("outcomes", "-", "--json", stdin=courses[1]["text"])
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert 1 <= len(data["outcomes"]) <= 6 and data["stated"] is False
    for o in data["outcomes"]:
        assert o["text"].startswith("Osaat " + o["verb"] + " ") and 1 <= o["bloom_level"] <= 6
        assert o["source"] == "built" and o["source_sentence"] in courses[1]["text"] and o["why"]


def test_propose_text_output_shows_source_and_reason():
    text = "Osaamistavoitteet:\nOpiskelija\n- tuntee ensiavun perusteet\n- syventää osaamistaan"
    result = run_cli("outcomes", "-", stdin=text)
    assert result.returncode == 0, result.stderr
    assert "- Osaat selittää ensiavun perusteet." in result.stdout
    assert "Lähde: tuntee ensiavun perusteet" in result.stdout and "Jäi pois: 'syventää osaamistaan'" in result.stdout
