"""The one loader for word lists in corpora/ (poiju_nlp.text.wordlists)."""
import pytest

from poiju_nlp.errors import ModelMissingError
from poiju_nlp.text import wordlists


def test_word_classes_come_from_corpora():
    units = wordlists.word_class("course_unit")
    assert {"opintojakso", "kurssi", "koulutus"} <= units
    assert "opettaja" in wordlists.word_class("teacher") and "opettaja" not in units
    assert wordlists.word_class("course_unit") is units  # read once, then shared


def test_unknown_class_names_the_known_ones():
    with pytest.raises(KeyError, match="course_unit"):
        wordlists.word_class("kurssisanat")


def test_verb_government_is_the_bloom_table():
    government = wordlists.verb_government()
    assert government["arvioida"] == "par"  # "Osaat arvioida kipua"
    assert government["laatia"] == "gen"  # "Osaat laatia hoitosuunnitelman"
    assert government["kertoa"] == "ela"  # "Osaat kertoa oikeuksista"


def test_read_tsv_skips_comments_and_strips(tmp_path):
    path = tmp_path / "lista.tsv"
    path.write_text("# kommentti\nword\tclass\n kurssi \tcourse_unit\n\nluento\tteaching_event\n", encoding="utf-8")
    assert wordlists.read_tsv(path) == ({"word": "kurssi", "class": "course_unit"},
                                        {"word": "luento", "class": "teaching_event"})
    assert wordlists.word_set(path, where={"class": "teaching_event"}) == frozenset({"luento"})
    with pytest.raises(KeyError, match="no column 'lemma'"):
        wordlists.word_set(path, "lemma")


def test_a_missing_list_is_a_finnish_error(tmp_path):
    with pytest.raises(ModelMissingError, match="Sanalistaa ei löydy"):
        wordlists.read_tsv(tmp_path / "ei-ole.tsv")
