"""One small index (60 real courses: 30 sote + 30 safety) built once per test session."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SUBSET = [f"c{i:03d}" for i in range(1, 31)] + [f"c{i:03d}" for i in range(201, 231)]

# Employer-style needs with the obviously right course, as a small hand-made qrels for calibration.
NEEDS = {
    "k1": "Hoitajamme tarvitsevat osaamista kivunhoitoon muistisairaille, jotka eivät osaa kertoa kivustaan.",
    "k2": "Työntekijöille pitää järjestää alkusammutuskoulutus, jotta osaavat toimia tulipalon alkaessa.",
    "k3": "Henkilöstö saa paljon huijaussähköposteja. Tarvitaan koulutusta tietojenkalastelun tunnistamiseen.",
    "k4": "Uudet esihenkilöt tarvitsevat työsuojelun perusteet.",
}
QRELS = {"k1": {"c003": 3, "c007": 2}, "k2": {"c220": 3, "c221": 2}, "k3": {"c227": 3, "c226": 2},
         "k4": {"c214": 3, "c213": 2}}


@pytest.fixture(scope="session")
def subset_records():
    from poiju_nlp.matching import load_catalog

    load = load_catalog(ROOT / "corpora" / "courses")
    by_id = {r.id: r for r in load.records}
    return [by_id[i] for i in SUBSET]


@pytest.fixture(scope="session")
def built_index(subset_records, tmp_path_factory):
    """A saved index folder (built once); tests load their own copy so they can change it freely."""
    from poiju_nlp.matching import CourseIndex, calibrate_gap_threshold

    index = CourseIndex.build(subset_records, show_progress=False)
    calibrate_gap_threshold(index, NEEDS, QRELS)
    folder = tmp_path_factory.mktemp("index") / "kurssit"
    index.save(folder)
    return folder


@pytest.fixture()
def index(built_index):
    from poiju_nlp.matching import CourseIndex

    return CourseIndex.load(built_index)


@pytest.fixture(scope="session")
def app_url() -> str:
    from tests.app_server import running_app

    return running_app()
