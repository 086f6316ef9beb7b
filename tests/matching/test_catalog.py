import json

import pytest

from poiju_nlp.errors import InputError
from poiju_nlp.matching import load_catalog


def test_real_catalog_loads_both_files(tmp_path):
    from tests.matching.conftest import ROOT

    load = load_catalog(ROOT / "corpora" / "courses")
    assert len(load.records) >= 320 and not load.errors
    assert load_catalog([ROOT / "corpora/courses/courses_a.jsonl", ROOT / "corpora/courses/courses_b.jsonl"]
                        ).sha256() == load.sha256()


def test_bad_rows_reported_with_row_numbers_good_rows_kept(tmp_path):
    path = tmp_path / "kurssit.jsonl"
    rows = [
        {"id": "k1", "title": "Ensiapu 1", "description": "Opit antamaan ensiapua työpaikalla.", "credits": 1},
        {"id": "k2", "title": "Kivunhoito", "description": ""},  # description missing
        "{ei json",
        {"id": "k3", "title": "Elvytys", "description": "Harjoittelet elvytystä.", "credits": "kolme"},
        {"id": "k1", "title": "Ensiapu 1 uudelleen", "description": "Kaksoiskappale."},
    ]
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows),
                    encoding="utf-8")
    load = load_catalog(path)
    assert [r.id for r in load.records] == ["k1", "k3"]
    by_row = {p.row: p for p in load.problems}
    assert "kuvaus" in by_row[2].message and by_row[2].severity == "virhe"
    assert "JSON" in by_row[3].message
    assert by_row[4].field == "credits" and by_row[4].severity == "varoitus"
    assert by_row[5].field == "id" and "jo käytössä" in by_row[5].message
    assert load.records[1].credits is None


def test_csv_with_lists_and_row_numbers(tmp_path):
    path = tmp_path / "kurssit.csv"
    path.write_text("id,title,description,learning_outcomes,tags,credits,mode\n"
                    "a1,Työsuojelu,Työsuojelun perusteet esihenkilöille.,Tunnet vastuut|Osaat arvioida riskit,"
                    "tyoturvallisuus,2,verkko\n"
                    ",Nimetön,Kuvaus ilman tunnistetta.,,,1,lähi\n", encoding="utf-8")
    load = load_catalog(path)
    assert len(load.records) == 1 and load.records[0].learning_outcomes == ["Tunnet vastuut", "Osaat arvioida riskit"]
    assert load.records[0].credits == 2.0 and load.problems[0].row == 3


def test_wrong_encoding_gives_finnish_error(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("id,title,description\nx,Työsuojelu,Hyvä kurssi\n".encode("cp1252"))
    with pytest.raises(InputError, match="UTF-8"):
        load_catalog(path)


def test_hf_dataset_object_and_folder(tmp_path):
    datasets = pytest.importorskip("datasets")
    ds = datasets.Dataset.from_list([
        {"id": "h1", "title": "Paloturvallisuus", "description": "Alkusammutus ja poistuminen.", "credits": 1.0},
        {"id": "h2", "title": "", "description": "Ilman nimeä.", "credits": None},
    ])
    load = load_catalog(ds)
    assert [r.id for r in load.records] == ["h1"] and load.problems[0].row == 2
    ds.save_to_disk(str(tmp_path / "ds"))
    assert [r.id for r in load_catalog(tmp_path / "ds").records] == ["h1"]


def test_missing_file_and_unknown_type(tmp_path):
    with pytest.raises(InputError, match="ei löydy"):
        load_catalog(tmp_path / "puuttuu.jsonl")
    (tmp_path / "kurssit.xlsx").write_bytes(b"x")
    with pytest.raises(InputError, match="ei tueta"):
        load_catalog(tmp_path / "kurssit.xlsx")
