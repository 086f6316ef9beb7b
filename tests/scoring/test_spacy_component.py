import poiju_nlp.scoring.spacy_component  # noqa: F401  (registers the factory)
from poiju_nlp.text.resources import get_nlp


def test_poiju_jargon_component_sets_doc_extensions():
    import spacy

    nlp = spacy.load("spacy_fi_experimental_web_md")
    nlp.add_pipe("poiju_jargon", last=True)
    doc = nlp("Opintojaksolla implementoidaan moniammatillisia toimintamalleja.")
    assert 0 <= doc._.plainness < 50
    assert any(f["text"] == "implementoidaan" for f in doc._.findings)
    assert get_nlp() is not nlp  # the shared pipeline is not modified
