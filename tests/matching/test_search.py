import pytest

from poiju_nlp.errors import InputError
from poiju_nlp.matching import MatchFilters, bundle, gaps, match

from .conftest import NEEDS

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("qid, course", [("k1", "c003"), ("k2", "c220"), ("k3", "c227"), ("k4", "c214")])
def test_hybrid_finds_the_obvious_course_in_top3(index, qid, course):
    ids = [r.id for r in match(index, NEEDS[qid], k=3).results]
    assert course in ids


def test_explanation_has_sentences_and_shared_base_forms(index):
    res = match(index, NEEDS["k1"], k=3)
    top = next(r for r in res.results if r.id == "c003")
    assert {"kipu", "muistisairas"} <= set(top.explanation.shared_terms)
    m = top.explanation.matched[0]
    assert m.need_sentence and m.course_passage and 0 < m.similarity <= 1
    assert set(res.to_dict()["results"][0]) >= {"id", "score", "title", "provider", "credits", "hours", "mode",
                                                "price_eur", "url", "explanation"}


def test_filters(index):
    res = match(index, "paloturvallisuus ja alkusammutus", k=10,
                filters=MatchFilters(mode="lähi", max_credits=1, max_price=100))
    assert res.results
    for r in res.results:
        assert r.mode == "lähi" and r.credits <= 1 and r.price_eur <= 100
    res = match(index, "tietoturva", k=5, filters={"tags": ["tietoturva"], "max_hours": 60})
    assert all(index.records[r.id].workload_hours <= 60 for r in res.results)
    none = match(index, "tietoturva", k=5, filters={"provider": "Ei tällaista opistoa"})
    assert not none.results and none.warnings


def test_empty_and_huge_queries(index):
    with pytest.raises(InputError, match="tyhjä"):
        match(index, "   ")
    res = match(index, " ".join(["kivunhoito muistisairaille"] * 5000), k=3, explain_results=False)
    assert res.results and "ensimmäiset" in res.warnings[0]


def test_bundle_covers_requirements_under_cap(index):
    need = ("Hoitajamme tarvitsevat osaamista muistisairaan kivun arviointiin. Lisäksi koko henkilöstön pitää "
            "osata alkusammutus. Tarvitsemme myös koulutusta tietojenkalastelun tunnistamiseen.")
    b = bundle(index, need, max_credits=5)
    assert b.courses and b.total_credits <= 5
    covered = {req for c in b.courses for req in c.covers}
    assert len(covered) >= 2
    assert sum(c.credits or c.hours / 27 for c in b.courses) == pytest.approx(b.total_credits, abs=0.01)
    tight = bundle(index, need, max_credits=1)
    assert tight.total_credits <= 1


def test_gaps_flags_uncovered_need(index):
    report = gaps(index, [{"qid": "a", "text": "Hevosavusteinen terapia lasten kuntoutuksessa."},
                          {"qid": "b", "text": "Muistisairaan kivun arviointi."}])
    flagged = {g.qid for g in report.gaps}
    assert "a" in flagged and "b" not in flagged


def test_bundle_lists_practical_wishes_apart(index):
    need = ("Hoitajamme tarvitsevat osaamista muistisairaan kivun arviointiin. Koulutus ei saa olla kovin pitkä. "
            "Osallistujia on noin 20, ja koulutus voisi olla verkossa.")
    b = bundle(index, need)
    assert b.practical == ["Koulutus ei saa olla kovin pitkä.",
                           "Osallistujia on noin 20, ja koulutus voisi olla verkossa."]
    assert [r.requirement for r in b.requirements] == ["Hoitajamme tarvitsevat osaamista muistisairaan kivun "
                                                       "arviointiin."]
    assert b.courses and b.courses[0].id in ("c003", "c008") and not b.uncovered


def test_a_need_in_another_language_is_searched_with_a_finnish_notice(index):
    res = match(index, "Our nurses need training in pain assessment for patients with dementia.", k=3)
    assert res.results and "ei näytä olevan suomea" in res.warnings[0]
    assert not match(index, NEEDS["k1"], k=1).warnings
