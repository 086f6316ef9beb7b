import json

import pytest

from tests.conftest import run_cli

pytestmark = pytest.mark.slow


def test_index_then_match_round_trip(tmp_path):
    catalog = tmp_path / "kurssit.jsonl"
    rows = [
        {"id": "p1", "title": "Alkusammutus", "description": "Harjoittelet alkusammuttimen käyttöä. Opit toimimaan "
         "tulipalon alkaessa.", "credits": 1, "mode": "lähi"},
        {"id": "p2", "title": "Tietoturvan perusteet", "description": "Tunnistat huijausviestit ja "
         "tietojenkalastelun.", "credits": 1, "mode": "verkko"},
        {"id": "p3", "title": "", "description": "Rivi ilman nimeä."},
    ]
    catalog.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "hakemisto"
    done = run_cli("index", "--catalog", str(catalog), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "rivi 3" in done.stderr and (out / "manifest.json").exists()
    done = run_cli("match", "--index", str(out), "--k", "1", "--json", "Miten toimia, kun tulipalo syttyy?")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["results"][0]["id"] == "p1"
    done = run_cli("match", "--index", str(out), "huijausviestit")
    assert done.returncode == 0 and "Tietoturvan perusteet" in done.stdout


def test_match_queries_jsonl_bundle_gaps(built_index, tmp_path):
    queries = tmp_path / "tarpeet.jsonl"
    queries.write_text('{"qid": "q1", "text": "Esihenkilöt tarvitsevat työsuojelun perusteet."}\n'
                       '{"qid": "q2", "text": "Hevosavusteinen terapia lasten kuntoutuksessa."}\n', encoding="utf-8")
    done = run_cli("match", "--index", str(built_index), "--queries", str(queries), "--k", "3")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [x["qid"] for x in lines] == ["q1", "q2"] and len(lines[0]["results"]) == 3
    assert {"id", "score", "title"} <= set(lines[0]["results"][0])
    done = run_cli("bundle", "--index", str(built_index), "--cap-credits", "4", "--json",
                   "Tarvitsemme alkusammutuskoulutuksen. Lisäksi tietojenkalastelun tunnistaminen.")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total_credits"] <= 4
    done = run_cli("gaps", "--index", str(built_index), str(queries), "--json")
    assert done.returncode == 0, done.stderr
    assert "q2" in {g["qid"] for g in json.loads(done.stdout)["gaps"]}


def test_cli_errors_are_finnish(built_index, tmp_path):
    done = run_cli("match", "--index", str(built_index), "  ")
    assert done.returncode == 2 and "tyhjä" in done.stderr
    done = run_cli("match", "--index", str(tmp_path), "kipu")
    assert done.returncode == 2 and "manifest.json puuttuu" in done.stderr
