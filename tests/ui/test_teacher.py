"""The teacher tab's logic without a browser: highlight segments, finding cards, the teacher's choice of edits."""
import json

import pytest

from poiju_nlp.errors import InputError
from poiju_nlp.rewriting import rewrite
from poiju_nlp.scoring import score
from poiju_nlp.ui.teacher_tab import apply_chosen_edits, apply_edits_api, finding_cards, highlighted

DRAFT = ("Opintojaksolla perehdytään moniammatillisen yhteistyön kehittämisen menetelmiin ja asiakaslähtöisten "
         "toimintamallien implementoinnin haasteisiin sosiaali- ja terveysalan palvelujärjestelmässä. "
         "Kurssi kestää viikon.")


def test_highlight_covers_the_text_and_marks_hard_sentences_and_words():
    report = score(DRAFT)
    segments = highlighted(DRAFT, report.findings)
    assert "".join(piece for piece, _ in segments) == DRAFT
    labels = dict(segments)
    assert labels.get("implementoinnin") == "vierasperäinen sana"
    assert any(label in ("vaikea virke", "hyvin vaikea virke") for _, label in segments)
    assert labels.get("Kurssi kestää viikon.") is None


def test_cards_escape_user_text_and_hide_the_rest_behind_show_all():
    report = score(DRAFT + " <img src=x onerror=alert(1)> Moduuli on <script>tärkeä</script>.")
    html = finding_cards(report.findings)
    assert "<img" not in html and "<script" not in html
    from poiju_nlp.scoring import Finding
    from poiju_nlp.ui.teacher_tab import finding_card

    card = finding_card(Finding(0, 5, "<img src=x onerror=alert(1)>", "jargon", 2, "<b>syy</b>", "<i>x</i>", "<s>"))
    assert "<img" not in card and "&lt;img" in card and "<b>syy" not in card and "&lt;s&gt;" in card
    assert html.count('class="poiju-card ') == len(report.findings)
    if len(report.findings) > 5:
        assert f"Näytä kaikki ({len(report.findings)})" in html


def test_the_teacher_keeps_some_edits_and_drops_others():
    text = "Opintojaksolla perehdytään ensiapuun. Kurssilla harjoitellaan elvytystä verkossa."
    result = rewrite(text)
    edits = result.to_dict()["edits"]
    assert len(edits) >= 2
    assert apply_chosen_edits(text, edits, range(len(edits))) == result.rewrite
    assert apply_chosen_edits(text, edits, []) == text
    only_first = apply_chosen_edits(text, edits, [0])
    assert only_first != text and only_first != result.rewrite
    # the API takes the whole result as JSON and the ids as text
    assert apply_edits_api(text, json.dumps(result.to_dict(), ensure_ascii=False), "0") == only_first


def test_edits_that_do_not_fit_the_text_are_refused_in_finnish():
    edits = [{"start": 0, "end": 5, "original": "Kissa", "replacement": "Koira", "rule": "lexicon"}]
    with pytest.raises(InputError, match="ei osu"):
        apply_chosen_edits("Opintojaksolla opit.", edits, [0])


def test_glossary_saved_in_the_tab_is_used_by_the_score(tmp_path, monkeypatch, request):
    from poiju_nlp.ui.teacher_tab import current_glossary, save_glossary, score_for_ui

    from poiju_nlp.settings import get_settings

    monkeypatch.setenv("POIJU_GLOSSARY_PATH", str(tmp_path / "oma_sanasto.tsv"))
    get_settings.reset()
    request.addfinalizer(get_settings.reset)  # the next test reads the environment without the override
    text = "Kurssi sopii lähihoitajille, ja opit implementoimaan palveluohjausta."
    before = score_for_ui(text)[2]
    assert any(row[0] == "implementoimaan" for row in before)
    rows, note, download = save_glossary([["implementoida", "", ""], ["", "puuttuu", ""]])
    assert "Tallennettu 1 termiä" in note and "Rivi 2: termi puuttuu." in note
    assert current_glossary().accepts("implementoida")
    after = score_for_ui(text)[2]
    assert not any(row[0] == "implementoimaan" for row in after)
    assert open(download, encoding="utf-8").read().startswith("term\tplain\texplanation\nimplementoida")


def test_summary_explains_a_high_wiio_grade_beside_a_clear_score():
    """A requirement list of long compounds (written like ePerusteet units): short clear lines, many long base
    forms. The teacher sees why the Wiio grade says 'vaikea' while the score says the text is fairly clear."""
    from poiju_nlp.ui.teacher_tab import summary_markdown

    listing = ("Opiskelija\n- noudattaa työaikoja\n- huomioi ajoneuvovalmistajan takuuehdot\n"
               "- tarkistaa informaatiojärjestelmän viestit\n- huoltaa jarrujärjestelmän\n"
               "- lukee diagnoosilaitteella vikakoodit\n")
    report = score(listing)
    text = summary_markdown(report)
    assert report.score >= 60 and report.metrics["wiio_w9"] > 9, (report.score, report.metrics["wiio_w9"])
    assert "Wiio-luku laskee vain pitkiä sanoja" in text
    plain = score("Kurssi kestää viikon. Opit auttamaan asiakasta. Tule mukaan!")
    assert "Wiio-luku laskee vain pitkiä sanoja" not in summary_markdown(plain)


def test_a_run_together_list_is_shown_as_a_list():
    from poiju_nlp.ui.teacher_tab import finding_cards, highlighted

    text = ("Kurssin käytyään opiskelija -omaksuu lavasterakenteiden suunnittelussa tarvittavat tiedot ja taidot "
            "-ymmärtää yleisimmät lavasterakenteiden toteutustavat -osaa suunnitella yksinkertaisia lavasterakenteita "
            "-osaa arvioida omaa työtään ja antaa palautetta muille ryhmän jäsenille.")
    report = score(text)
    assert any(f.kind == "hard_sentence" and f.severity == 1 for f in report.findings)
    labels = {label for _, label in highlighted(text, report.findings)}
    assert "luettelo ilman rivinvaihtoja" in labels
    assert "Kirjoita luettelon jokainen kohta omalle rivilleen." in finding_cards(report.findings)
