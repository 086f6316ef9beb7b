"""/match for other systems: the need text alone is enough; filters are optional, as a dict or as keywords; the
answer is MatchResult.to_dict() (documented in poiju_nlp/matching/results.py); bad input gets a Finnish error."""
import pytest

pytestmark = pytest.mark.slow

NEED = "Hoitajamme tarvitsevat osaamista kivunhoitoon muistisairaille, jotka eivät osaa kertoa kivustaan."


@pytest.fixture(scope="module")
def client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False)


def test_need_text_alone(client):
    res = client.predict(NEED, api_name="/match")
    assert set(res) == {"query", "results", "method", "warnings"} and res["method"] == "hybrid"
    assert len(res["results"]) == 10
    top = res["results"][0]
    assert {"id", "title", "provider", "credits", "hours", "mode", "language", "price_eur", "url", "score",
            "dense", "bm25", "explanation"} <= set(top)
    assert "kipu" in top["explanation"]["shared_terms"] and top["explanation"]["matched"][0]["need_sentence"]
    assert "c003" in [r["id"] for r in res["results"][:3]]  # Kivun tunnistaminen muistisairaalla ihmisellä


def test_filters_as_a_dict_or_as_keywords(client):
    res = client.predict(NEED, filters={"mode": ["verkko"], "max_credits": 2}, k=5, api_name="/match")
    assert res["results"] and all(r["mode"] == "verkko" and r["credits"] <= 2 for r in res["results"])
    res = client.predict(need=NEED, mode=["lähi", "hybridi"], max_price=100, explain=False, api_name="/match")
    assert res["results"] and all(r["mode"] in ("lähi", "hybridi") and (r["price_eur"] or 0) <= 100
                                  for r in res["results"])
    assert "explanation" not in res["results"][0]


def test_bad_input_gets_a_finnish_error(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="tyhjä"):
        client.predict("   ", api_name="/match")
    with pytest.raises(AppError, match="Tuntemattomat rajaukset: hinta"):
        client.predict(NEED, filters={"hinta": 5}, api_name="/match")
    with pytest.raises(AppError, match="pitää olla luku"):
        client.predict(NEED, max_credits="viisi", api_name="/match")
