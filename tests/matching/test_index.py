import json
import shutil

import numpy as np
import pytest

from poiju_nlp.matching import CourseIndex, IndexCorruptError, IndexVersionError, match
from poiju_nlp.records import CourseRecord

pytestmark = pytest.mark.slow


def test_round_trip_save_load(index, built_index, tmp_path):
    manifest = json.loads((built_index / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["count"] == 60 and manifest["dimension"] == 384 and manifest["backend"]
    assert manifest["model"] == "multilingual-e5-small" and len(manifest["catalog_sha256"]) == 64
    index.save(tmp_path / "kopio")
    again = CourseIndex.load(tmp_path / "kopio")
    assert list(again.records) == list(index.records)
    assert np.allclose(again.vectors, index.vectors) and again.faiss_index.ntotal == len(index.passages)


def test_crash_during_save_leaves_previous_index(index, tmp_path, monkeypatch):
    folder = tmp_path / "hakemisto"
    index.save(folder)
    index.remove(["c003"])

    def crash(path, arr):  # a partial write, then the power goes
        open(path, "wb").write(b"\x93NUMPY")
        raise OSError("levy täynnä")

    monkeypatch.setattr(np, "save", crash)
    with pytest.raises(OSError):
        index.save(folder)
    monkeypatch.undo()
    loaded = CourseIndex.load(folder)
    assert "c003" in loaded.records and len(loaded) == 60
    assert [p.name for p in tmp_path.iterdir()] == ["hakemisto"]  # no temp folders left behind


def test_interrupted_rename_recovers_from_old(index, tmp_path):
    folder = tmp_path / "hakemisto"
    index.save(folder)
    folder.rename(folder.with_name("hakemisto.old"))  # crash between the two renames
    assert len(CourseIndex.load(folder)) == 60


def test_add_update_remove_without_rebuild(index):
    n_passages = len(index.passages)
    new = CourseRecord(id="x1", title="Hevosavusteinen terapia lasten kuntoutuksessa",
                       description="Opit käyttämään hevosta kuntoutuksen tukena. Harjoittelet tallilla.",
                       credits=2, mode="lähi", language="fi", provider="Tallikoulu")
    index.add([new])
    assert len(index) == 61 and len(index.passages) > n_passages
    assert match(index, "hevosavusteinen terapia", k=1).results[0].id == "x1"
    index.update([CourseRecord(id="x1", title="Ratsastusterapia", description="Hevonen terapiassa.", credits=1)])
    assert index.records["x1"].credits == 1 and sum(p.course_id == "x1" for p in index.passages) == 2
    assert index.remove(["x1", "ei-ole"]) == 1
    assert len(index) == 60 and len(index.passages) == n_passages
    assert index.faiss_index.ntotal == n_passages


def test_other_model_or_format_asks_to_rebuild(built_index, tmp_path):
    folder = tmp_path / "vanha"
    shutil.copytree(built_index, folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["model"] = "multilingual-e5-large"
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexVersionError, match="Rakenna hakemisto uudelleen"):
        CourseIndex.load(folder)
    manifest["model"], manifest["format_version"] = "multilingual-e5-small", 0
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexVersionError, match="eri ohjelmaversiolla"):
        CourseIndex.load(folder)


def test_corrupt_file_clear_error_nothing_lost(built_index, tmp_path):
    folder = tmp_path / "rikki"
    shutil.copytree(built_index, folder)
    (folder / "vectors.npy").write_bytes(b"roskaa")
    with pytest.raises(IndexCorruptError, match="rikki"):
        CourseIndex.load(folder)
    assert (folder / "records.jsonl").exists()


def test_hnsw_above_threshold_finds_the_same_course(built_index):
    from poiju_nlp.settings import MatchingSettings

    from .conftest import NEEDS

    flat = CourseIndex.load(built_index)
    hnsw = CourseIndex.load(built_index, settings=MatchingSettings(hnsw_threshold=50))
    hnsw.store.reset()  # rebuilt as HNSW on first use
    assert "HNSW" in hnsw.manifest()["index_type"]
    import faiss

    assert type(faiss.downcast_index(hnsw.faiss_index.index)).__name__ == "IndexHNSWFlat"
    for need in NEEDS.values():
        assert match(hnsw, need, k=1).results[0].id == match(flat, need, k=1).results[0].id
    hnsw.remove(["c003"])
    assert hnsw.faiss_index.ntotal == len(hnsw.passages)
