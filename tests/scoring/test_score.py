import json

import pytest

from poiju_nlp.errors import EmptyTextError
from poiju_nlp.scoring import score
from poiju_nlp.scoring.metrics import lix, syllables_per_word
from poiju_nlp.text import analyze


def test_plain_text_scores_higher_than_jargon():
    plain = score("Kurssilla opit antamaan ensiapua työpaikalla. Kurssi kestää kaksi päivää.")
    hard = score("Opintojaksolla implementoidaan moniammatillisen yhteistyön viitekehys ja substanssiosaaminen.")
    assert plain.score >= 75 and plain.level == "selkeä"
    assert hard.score < 35 and hard.level == "hyvin vaikea"


def test_long_familiar_compounds_beat_short_loanwords():
    # More letters and a far higher LIX, but everyday words: the score judges familiarity, not length.
    familiar = score("Terveyskeskuksen työterveyshuolto järjestää ensiapukoulutuksen kotihoitajille.")
    abstract = score("Paradigman synergia integroidaan konseptuaalisesti.")
    assert familiar.metrics["lix"] > abstract.metrics["lix"]
    assert familiar.score > abstract.score + 30


def test_lix_by_hand():
    # 6 words, 1 sentence; long words (> 6 letters): all but "opit" -> 6 + 100 * 5/6
    assert lix(analyze("Kurssilla opit antamaan ensiapua työpaikalla nopeasti.")) == pytest.approx(6 + 100 * 5 / 6)
    # two sentences of 3 words; long: opettaa, ensiapua ("Kurssi" has exactly 6 letters) -> 3 + 100 * 2/6
    assert lix(analyze("Kurssi on lyhyt. Se opettaa ensiapua.")) == pytest.approx(3 + 100 * 2 / 6)


def test_syllables_per_word_uses_voikko_hyphenation():
    # työ-e-lä-mä (4) + on (1) + hy-vä (2) = 7 syllables / 3 words
    assert syllables_per_word(analyze("Työelämä on hyvä.")) == pytest.approx(7 / 3)


def test_report_json_contract():
    data = json.loads(json.dumps(score("Opintojaksolla perehdytään palveluohjaukseen. Laajuus on 2 op.").to_dict()))
    assert set(data) >= {"score", "level", "metrics", "sentences", "findings"}
    assert {"lix", "words", "sentences", "mean_sentence_length", "long_word_share", "syllables_per_word",
            "rare_word_share", "nominal_density", "passive_share"} <= set(data["metrics"])
    assert len(data["sentences"]) == 2 and set(data["sentences"][0]) >= {"start", "end", "score"}
    assert set(data["findings"][0]) >= {"start", "end", "text", "kind", "severity", "reason", "suggestion"}


def test_sentence_scores_separate_plain_and_hard_sentences():
    report = score("Kurssilla opit antamaan ensiapua. Opintojakson substanssi implementoidaan moduuleittain.")
    first, second = report.sentences
    assert first.score > 70 > second.score
    assert report.sentences[1].start > report.sentences[0].end - 1


def test_empty_text_is_a_typed_error():
    with pytest.raises(EmptyTextError):
        score("  ")


def test_html_is_scored_as_text():
    report = score("<script>alert(1)</script> Kurssilla opit ensiapua.")
    assert 0 <= report.score <= 100


@pytest.mark.slow
def test_100k_characters_score_in_bounded_memory():
    import resource

    paragraph = ("Opintojaksolla perehdytään moniammatilliseen yhteistyöhön ja asiakaslähtöisyyteen. "
                 "Kurssilla opit arvioimaan kipua ja kirjaamaan havaintosi. ")
    text = (paragraph * 1000)[:100_000]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = score(text)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert report.metrics["words"] > 9_000
    assert grown_mb < 1500
