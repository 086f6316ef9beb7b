from concurrent.futures import ThreadPoolExecutor

from poiju_nlp.text import analyze, syllables, voikko_info


def test_lemma_and_compound_parts_of_osaamistavoitteet():
    info = voikko_info("osaamistavoitteet")
    assert info.baseform == "osaamistavoite"
    assert [(p.surface, p.base) for p in info.compound_parts] == [("osaamis", "osata"), ("tavoite", "tavoite")]
    token = analyze("Osaamistavoitteet kuvataan lyhyesti.").tokens[0]
    assert token.lemma.lower() == "osaamistavoite"  # spaCy agrees with Voikko
    assert token.morph["Number"] == "Plur"


def test_derivational_parts_are_merged_into_lookupable_words():
    parts = voikko_info("opetussuunnitelmassa").compound_parts
    assert [p.base for p in parts] == ["opetus", "suunnitelma"]


def test_sentence_split_of_a_multi_sentence_description(description):
    result = analyze(description)
    assert [s.text for s in result.sentences] == [
        "Opintojakson osaamistavoitteet kuvataan opetussuunnitelmassa.",
        "Opintojaksolla perehdytään moniammatilliseen yhteistyöhön ja asiakaslähtöisyyteen.",
        "Laajuus on 5 opintopistettä, ja kurssi maksaa 120 euroa.",
    ]
    for s in result.sentences:  # offsets point back into the original text
        assert description[s.start:s.end] == s.text


def test_tokens_carry_pos_morphology_and_dependencies():
    result = analyze("Hoitaja arvioi potilaan kivun.")
    by_text = {t.text: t for t in result.tokens}
    assert by_text["arvioi"].pos == "VERB" and by_text["arvioi"].dep == "ROOT"
    assert by_text["Hoitaja"].dep.startswith("nsubj")
    assert by_text["kivun"].morph["Case"] == "Gen"
    assert result.tokens[by_text["kivun"].head].text == "arvioi"


def test_syllables_follow_finnish_hyphenation():
    assert syllables("työelämälähtöisyys") == ["työ", "e", "lä", "mä", "läh", "töi", "syys"]
    assert syllables("sote-ala") == ["sote", "a", "la"]
    assert syllables("2027") == []


def test_spelling_marks_unknown_words():
    tokens = {t.text: t for t in analyze("Kurssilla opitaan käytänteitä ja xqzvörkkiä työpaikalla.").tokens}
    assert tokens["käytänteitä"].known and tokens["työpaikalla"].known
    assert not tokens["xqzvörkkiä"].known
    assert tokens["xqzvörkkiä"].baseform is None  # no Voikko analysis: the base falls back to spaCy's lemma


def test_analysis_is_thread_safe():
    texts = [f"Kurssi {n} opettaa ensiapua ja kivunhoitoa kotihoidossa." for n in range(16)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(analyze, texts))
    bases = {tuple(t.base for t in r.tokens if t.is_word and not t.text.isdigit()) for r in results}
    assert len(bases) == 1  # same structure for every thread


def test_result_is_json_serialisable(description):
    import json

    data = json.loads(json.dumps(analyze(description).to_dict(), ensure_ascii=False))
    assert data["sentences"][0]["text"].startswith("Opintojakson")
    assert data["tokens"][0]["compound_parts"][0] == {"surface": "opinto", "base": "opinto"}
