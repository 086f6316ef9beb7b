"""The Qdrant store (embedded, QdrantClient(path=...)) returns what the FAISS store returns: the same ranking,
filters as payload filters, explanations, bundles and gaps; the CLI builds and searches it; a server that does not
answer and a folder already open elsewhere give Finnish messages."""
import json
import subprocess
import sys

import pytest

from poiju_nlp.matching import CourseIndex, MatchFilters, bundle, gaps, match
from tests.conftest import ROOT, run_cli

from .conftest import NEEDS

pytestmark = pytest.mark.slow

FILTERS = [
    {"mode": "verkko"},
    {"mode": ["lähi", "hybridi"], "max_credits": 2},
    {"max_price": 50},  # no price counts as free
    {"max_hours": 30, "language": "fi"},
    {"provider": "AMK"},  # part of a name
    {"tags": ["tietoturva", "kivunhoito"]},
]


@pytest.fixture(scope="module")
def stores(built_index, subset_records, tmp_path_factory):
    faiss = CourseIndex.load(built_index)  # its vectors fill the per-process cache: the Qdrant build encodes nothing
    folder = tmp_path_factory.mktemp("qdrant") / "hakemisto"
    built = CourseIndex.build(subset_records, show_progress=False, store="qdrant")
    assert built.build_stats["encoded"] == 0
    built.gap_threshold, built.gap_lex_threshold = faiss.gap_threshold, faiss.gap_lex_threshold
    built.save(folder)
    built.store.close()
    qdrant = CourseIndex.load(folder)
    yield faiss, qdrant, folder
    qdrant.store.close()


def test_folder_holds_an_embedded_qdrant_and_the_manifest_says_so(stores):
    _, qdrant, folder = stores
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["store"] == "qdrant" and manifest["qdrant"]["mode"] == "embedded"
    assert (folder / "qdrant").is_dir() and not (folder / "faiss.index").exists()
    assert qdrant.store.name == "qdrant" and len(qdrant) == 60


@pytest.mark.parametrize("qid", sorted(NEEDS))
def test_same_ranking_and_explanations_as_faiss(stores, qid):
    faiss, qdrant, _ = stores
    a, b = match(faiss, NEEDS[qid], k=10), match(qdrant, NEEDS[qid], k=10)
    assert [r.id for r in a.results] == [r.id for r in b.results]
    assert a.results[0].explanation == b.results[0].explanation
    assert a.results[0].score == pytest.approx(b.results[0].score, abs=1e-4)


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f))
def test_payload_filters_mean_what_match_filters_mean(stores, filters):
    faiss, qdrant, _ = stores
    need = "Henkilöstö tarvitsee koulutusta turvallisuudesta, kivunhoidosta ja tietoturvasta."
    a, b = match(faiss, need, filters=filters, k=20), match(qdrant, need, filters=filters, k=20)
    assert [r.id for r in a.results] == [r.id for r in b.results]
    allowed = MatchFilters.from_any(filters)
    assert b.results and all(allowed.allows(qdrant.records[r.id]) for r in b.results)


def test_bundle_and_gaps_agree(stores):
    faiss, qdrant, _ = stores
    need = ("Hoitajamme tarvitsevat osaamista muistisairaan kivun arviointiin. Lisäksi koko henkilöstön pitää "
            "osata alkusammutus. Tarvitsemme myös koulutusta tietojenkalastelun tunnistamiseen.")
    assert bundle(faiss, need, max_credits=5).to_dict() == bundle(qdrant, need, max_credits=5).to_dict()
    needs = [{"qid": "a", "text": "Hevosavusteinen terapia lasten kuntoutuksessa."},
             {"qid": "b", "text": "Muistisairaan kivun arviointi."}]
    assert gaps(faiss, needs).to_dict() == gaps(qdrant, needs).to_dict()


def test_cli_builds_and_searches_a_qdrant_index(tmp_path):
    catalog = tmp_path / "kurssit.jsonl"
    rows = [{"id": "q1", "title": "Alkusammutus", "description": "Harjoittelet alkusammuttimen käyttöä ja "
             "toimintaa tulipalon alkaessa.", "credits": 1, "mode": "lähi"},
            {"id": "q2", "title": "Tietoturvan perusteet", "description": "Tunnistat huijausviestit ja "
             "tietojenkalastelun.", "credits": 1, "mode": "verkko"}]
    catalog.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "hakemisto"
    done = run_cli("index", "--catalog", str(catalog), "--out", str(out), "--store", "qdrant")
    assert done.returncode == 0, done.stderr
    assert "tallennus qdrant" in done.stdout and (out / "qdrant").is_dir()
    done = run_cli("match", "--index", str(out), "--k", "1", "--json", "Mitä teen, kun tulipalo syttyy?")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["results"][0]["id"] == "q1"
    done = run_cli("match", "--index", str(out), "--mode", "verkko", "huijausviestit")
    assert done.returncode == 0 and "Tietoturvan perusteet" in done.stdout and "Alkusammutus" not in done.stdout
    # re-indexing the same catalogue reuses every vector of the previous index in --out
    done = run_cli("index", "--catalog", str(catalog), "--out", str(out), "--store", "qdrant")
    assert done.returncode == 0 and "upotettiin 0 kohtaa" in done.stdout, done.stdout


def test_a_server_that_does_not_answer_gets_a_finnish_message(tmp_path):
    catalog = tmp_path / "kurssi.jsonl"
    catalog.write_text(json.dumps({"id": "s1", "title": "Ensiapu", "description": "Opit ensiavun."}), encoding="utf-8")
    done = run_cli("index", "--catalog", str(catalog), "--out", str(tmp_path / "x"), "--store", "qdrant",
                   "--qdrant-url", "http://127.0.0.1:9")
    assert done.returncode == 2 and "Qdrant-palvelin http://127.0.0.1:9 ei vastaa" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "x").exists()
    done = run_cli("index", "--catalog", str(catalog), "--out", str(tmp_path / "y"), "--qdrant-url", "http://x")
    assert done.returncode == 2 and "--store qdrant" in done.stderr


def test_an_embedded_folder_open_in_another_process_gets_a_finnish_message(stores):
    _, qdrant, folder = stores  # this process holds the folder open
    code = "from poiju_nlp.matching import CourseIndex; CourseIndex.load(r'%s')" % folder
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0 and "käyttää jo toinen ohjelma" in done.stderr
