"""SARI against the public test vectors of the metric's card (reference.md)."""
import pytest

from poiju_nlp.rewriting.sari import corpus_sari, sari


def test_identical_to_single_reference_is_100():
    s = "About 95 species are currently accepted."
    assert sari(s, s, [s]) == pytest.approx(100.0)
    assert corpus_sari([s], ["About 95 species are now accepted."], [["About 95 species are now accepted."]]) == \
        pytest.approx(100.0)


def test_public_vector():
    value = sari("About 95 species are currently accepted.", "About 95 you now get in.",
                 ["About 95 species are currently known.", "About 95 species are now accepted.",
                  "95 species are now accepted."])
    assert value == pytest.approx(26.953601953601954, abs=1e-9)
