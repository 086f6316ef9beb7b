import json

from tests.conftest import run_cli


def test_score_json_keys_on_stdin():
    result = run_cli("score", "--json", stdin="Opintojaksolla perehdytään palveluohjaukseen. Laajuus on 2 op.")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert 0 <= data["score"] <= 100 and data["level"]
    assert "lix" in data["metrics"]
    assert any(f["text"] == "perehdytään" and f["kind"] == "passive" for f in data["findings"])


def test_score_text_output_on_file(tmp_path):
    path = tmp_path / "luonnos.txt"
    path.write_text("Kurssilla opit antamaan ensiapua työpaikalla.", encoding="utf-8")
    result = run_cli("score", str(path))
    assert result.returncode == 0
    assert result.stdout.startswith("Selkeys: ") and "selkeä" in result.stdout


def test_batch_catalog_reports_broken_rows_and_keeps_good_ones(tmp_path):
    catalog = tmp_path / "kurssit.jsonl"
    catalog.write_text(
        '{"id": "k1", "title": "Ensiapu", "description": "Kurssilla opit antamaan ensiapua."}\n'
        "tämä rivi on rikki\n"
        '{"id": "k3", "description": "   "}\n'
        '{"id": "k4", "description": "Opintojaksolla implementoidaan moduuleja."}\n', encoding="utf-8")
    out = tmp_path / "raportti.jsonl"
    result = run_cli("score", "--catalog", str(catalog), "--out", str(out))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r.get("id") for r in rows] == ["k1", None, "k3", "k4"]
    assert rows[1] == {"row": 2, "error": "Rivi ei ole kelvollista JSONia."}
    assert "tyhjä" in rows[2]["error"]
    assert rows[0]["score"] > rows[3]["score"]
    assert "2 riviä ohitettiin" in result.stderr


def test_quality_gate_lists_the_courses_below_the_bar_and_exits_1(tmp_path):
    catalog = tmp_path / "kurssit.jsonl"
    catalog.write_text(
        '{"id": "k1", "title": "Ensiapu", "description": "Kurssilla opit antamaan ensiapua."}\n'
        '{"id": "k2", "title": "Johtaminen", "description": "Opintojaksolla implementoidaan moniammatillisen '
        'yhteistyön viitekehys ja substanssiosaaminen."}\n', encoding="utf-8")
    result = run_cli("score", "--catalog", str(catalog), "--min-score", "50")
    assert result.returncode == 1, result.stderr
    assert "1 kurssia ei läpäise" in result.stdout and "k2 Johtaminen: selkeys" in result.stdout
    assert "k1" not in result.stdout
    glossary = tmp_path / "sanasto.tsv"
    glossary.write_text("term\tplain\texplanation\nensiapu\t\t\n", encoding="utf-8")
    result = run_cli("score", "--catalog", str(catalog), "--max-wiio", "30", "--glossary", str(glossary))
    assert result.returncode == 0 and "Kaikki kurssit läpäisevät" in result.stdout
