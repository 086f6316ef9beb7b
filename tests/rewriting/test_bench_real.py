"""The real-text rewriting benchmark (issue 12): reference-free figures, the review sample and the review scoring,
on a tiny text written here (the benchmark itself reads ../shared/data; the tests never do)."""
import json

import pytest

from evaluation import bench_rewriting as bench
from evaluation.real_text import RealText
from poiju_nlp.rewriting.edits import Edit

TEXTS = [
    RealText("t:1", "aalto", "Ensiapu", "Ensiapu (2 op)\nOsaamistavoitteet: Opiskelija osaa toimia hätätilanteessa. "
             "Kurssi maksaa 150 euroa.", "test"),
    RealText("t:2", "eperusteet", "Hoitotyö", "Hoitotyö (5 op)\nOpintojaksolla perehdytään lääkehoitoon ja "
             "implementoidaan uusia toimintamalleja Tampereella.", "test"),
]


def _replace(word: str, new: str, rule: str):
    """A system that replaces one word wherever it occurs, as the rewriter would report it."""
    def system(text):
        edits = []
        start = text.find(word)
        while start >= 0:
            edits.append(Edit(start, start + len(word), word, new, rule, "testi"))
            start = text.find(word, start + 1)
        return text.replace(word, new), edits, []
    return system


def test_figures_of_identity_and_of_a_system_that_changes_a_fact(tmp_path):
    systems = {"identity": lambda t: (t, [], []),
               "drops_price": _replace("150", "sata", "price_words"),
               "plain_word": _replace("implementoidaan", "otetaan käyttöön", "lexicon")}
    sample = tmp_path / "sample.jsonl"
    res = bench.run_real(TEXTS, systems=systems, sample_out=sample, seed=1)
    ident, price, plain = (res["systems"][k] for k in systems)
    assert ident["changed_share"] == 0 and ident["facts_kept"] == 1 and ident["edits"] == 0
    assert ident["lix_change_pct"] == 0 and ident["grammar_findings_added"] == 0
    assert price["changed_share"] == 0.5 and price["facts_kept"] == 0.5
    assert price["fact_problems_by_kind"] == {"numbers": 1}
    assert price["unknown_words_added"] == 0
    assert plain["edits_per_rule"] == {"lexicon": 1} and plain["facts_kept"] == 1
    assert plain["rare_share_change"] < 0  # 'implementoida' is rare, 'ottaa' and 'käyttö' are not
    assert res["sources"] == {"aalto": 1, "eperusteet": 1} and res["words"] > 20
    # timing leaves the first text out; CPU seconds are there for a shared machine
    assert plain["first_text_seconds"] >= 0 and plain["cpu_seconds_per_1000_words"] is not None
    # the review sample is of the last system, with the sentence before and after
    lines = [json.loads(x) for x in sample.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 1 and lines[0]["rule"] == "lexicon" and lines[0]["id"] == "t:2#0"
    assert lines[0]["before"].startswith("Opintojaksolla perehdytään") and "otetaan käyttöön" in lines[0]["after"]
    assert "Hoitotyö (5 op)" not in lines[0]["before"]  # the line above is not part of the sentence


def test_a_failing_system_is_counted_not_fatal(tmp_path):
    def broken(text):
        raise ValueError("rikki")

    res = bench.run_real(TEXTS[:1], systems={"broken": broken}, sample_out=None)
    assert res["systems"]["broken"]["errors"] == 1 and res["errors"]["broken"][0][1] == "ValueError: rikki"


def test_edit_context_applies_every_edit_in_the_sentence_only():
    text = "Eka lause tässä. Toinen lause ja toinen sana.\nKolmas rivi."
    edits = [Edit(17, 23, "Toinen", "Uusi", "a", ""), Edit(33, 39, "toinen", "uusi", "b", ""),
             Edit(46, 52, "Kolmas", "Neljäs", "c", "")]
    assert bench.edit_context(text, edits, edits[1]) == ("Toinen lause ja toinen sana.", "Uusi lause ja uusi sana.")
    assert bench.edit_context(text, edits, edits[2]) == ("Kolmas rivi.", "Neljäs rivi.")


def test_score_review_gives_the_good_share_per_rule(tmp_path):
    sample = tmp_path / "sample.jsonl"
    sample.write_text("".join(json.dumps({"id": i, "rule": r}) + "\n" for i, r in
                              [("a#0", "lexicon"), ("a#1", "lexicon"), ("b#0", "split_long_sentence"),
                               ("b#1", "lexicon+split_long_sentence")]), encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    labels.write_text("".join(json.dumps({"id": i, "good": g}) + "\n" for i, g in
                              [("a#0", True), ("a#1", False), ("b#0", True), ("b#1", True)]), encoding="utf-8")
    res = bench.score_review(labels, sample)
    assert res["rules"]["lexicon"] == {"good": 2, "labelled": 3, "good_share": 0.667}
    assert res["rules"]["split_long_sentence"]["good_share"] == 1.0
    assert list(res["rules"])[0] == "lexicon"  # worst first
    assert res["labelled"] == 4 and res["good_share"] == 0.75  # edits, not rule steps


def test_cli_says_so_when_there_is_no_real_data(tmp_path, monkeypatch, capsys):
    import evaluation.real_text as real_text

    monkeypatch.setattr(real_text, "SHARED_DATA", tmp_path)
    bench.main(["--real", "--quick"])
    assert "No real texts" in capsys.readouterr().out


@pytest.mark.slow
def test_real_systems_on_a_real_looking_text(tmp_path):
    res = bench.run_real(TEXTS, sample_out=tmp_path / "s.jsonl")
    full, lexicon = res["systems"]["full"], res["systems"]["lexicon_only"]
    assert full["errors"] == 0 and lexicon["errors"] == 0
    assert full["changed_share"] > 0 and full["facts_kept"] == 1.0
    assert full["edits"] >= 1 and sum(full["edits_per_rule"].values()) >= full["edits"]
    assert (tmp_path / "s.jsonl").read_text(encoding="utf-8").strip()


def test_grammar_findings_leave_list_items_without_a_full_stop_alone():
    assert bench.grammar_findings("Sisältö:\n- uutisia\n- raportteja") == {}
    assert bench.grammar_findings("Tämä on on hyvä kurssi.")[8] == 1  # a doubled word
    assert bench.grammar_findings("Kurssi alkaa maanantaina")[9] == 1
