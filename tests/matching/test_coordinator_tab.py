"""The Koordinaattori tab (poiju_nlp/ui/coordinator_tab.py) on an uploaded catalogue, without a browser."""
import json

import pytest

pytestmark = pytest.mark.slow
gr = pytest.importorskip("gradio")


def test_tab_builds_and_searches_uploaded_catalog(tmp_path):
    from poiju_nlp.ui import coordinator_tab

    with gr.Blocks():
        coordinator_tab.build()
    catalog = tmp_path / "oma.jsonl"
    rows = [
        {"id": "u1", "title": "Alkusammutus <script>", "description": "Opit käyttämään alkusammutinta ja "
         "toimimaan tulipalossa.", "credits": 1, "mode": "lähi", "price_eur": 80},
        {"id": "u2", "title": "Kivun arviointi", "description": "Arvioit muistisairaan kipua "
         "kipumittareilla.", "credits": 2, "mode": "verkko", "price_eur": 0},
        {"id": "", "title": "Rikki", "description": "Ei tunnistetta."},
    ]
    catalog.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    summary, table, marked, package, download = coordinator_tab.search_for_ui(
        "Muistisairaiden kivun arviointi. Alkusammutus koko henkilöstölle.", [], None, None, None, "", "", "", 5,
        str(catalog))
    assert "2 kurssia" in summary and "rivi 3" in summary
    assert {row[2] for row in table} == {"u1", "u2"}
    assert "<script>" not in package  # user-provided titles are escaped
    assert open(download, encoding="utf-8").read().startswith("Sija,Kurssi")
    with pytest.raises(gr.Error):
        bad = tmp_path / "kurssit.txt"
        bad.write_text("x", encoding="utf-8")
        coordinator_tab.search_for_ui("kipu", [], None, None, None, "", "", "", 5, str(bad))


def test_empty_number_fields_mean_no_limit_and_free_only_filters(tmp_path):
    from poiju_nlp.ui import coordinator_tab

    catalog = tmp_path / "hinnat.jsonl"
    rows = [{"id": f"h{i}", "title": f"Alkusammutus {i}", "description": "Opit käyttämään alkusammutinta.",
             "credits": 1, "mode": "lähi", "price_eur": price} for i, price in enumerate((0, 80, 150))]
    catalog.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    # Gradio shows an empty Number as 0 once the filters are opened: 0 must not mean "free courses only"
    _, table, _, _, _ = coordinator_tab.search_for_ui("Alkusammutus koko henkilöstölle.", [], 0, 0, 0, "", "", "",
                                                      0, str(catalog), 10)
    assert {row[2] for row in table} == {"h0", "h1", "h2"}
    _, table, _, _, _ = coordinator_tab.search_for_ui("Alkusammutus koko henkilöstölle.", [], 0, 0, 0, "", "", "",
                                                      0, str(catalog), 10, True)
    assert {row[2] for row in table} == {"h0"}
