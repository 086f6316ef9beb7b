"""Wiio's Finnish readability grades (Wiio 1968) on real Finnish text."""
import pytest

from poiju_nlp.scoring import score
from poiju_nlp.scoring.metrics import wiio_level, wiio_long_word_percent, wiio_w9, wiio_w10
from poiju_nlp.text import analyze


def test_long_words_are_counted_by_the_syllables_of_their_base_form():
    # 'opiskelija' (o-pis-ke-li-ja) and 'opintojakson' -> 'opintojakso' have 5 syllables; 'suorittaa' 3, 'kurssi' 2;
    # 'hoitajat' counts as 'hoitaja' (3), not by its inflected length.
    a = analyze("Opiskelija suorittaa opintojakson. Hoitajat käyvät kurssin.")
    assert wiio_long_word_percent(a) == pytest.approx(100 * 2 / 6)


def test_plain_text_grades_easy_and_academic_text_difficult():
    plain = analyze("Opit hoitamaan haavoja. Saat todistuksen. Kurssi on verkossa.")
    academic = analyze("Opintojakson osaamistavoitteena on, että opiskelija omaksuu moniammatillisen yhteistyön "
                       "keskeiset käsitteet ja kykenee implementoimaan asiakaslähtöisiä toimintamalleja.")
    assert wiio_w9(plain) < 6 and wiio_level(wiio_w9(plain)) == "helppo"
    assert wiio_w9(academic) > 9 and wiio_level(wiio_w9(academic)) == "vaikea"
    assert wiio_w10(academic) > wiio_w10(plain)


def test_score_reports_both_grades():
    m = score("Kurssilla opit antamaan ensiapua.").metrics
    assert m["wiio_w9"] == pytest.approx(2.7 + 0.3 * 25)
    assert "wiio_w10" in m
