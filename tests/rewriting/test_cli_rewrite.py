"""``python -m poiju_nlp rewrite`` as a teacher would run it."""
import json

from tests.conftest import run_cli


def test_cli_rewrite_json_has_the_api_keys():
    proc = run_cli("rewrite", "-", "--json", stdin="Opintojaksolla perehdytään lääkehoitoon. Laajuus on 3 op.")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {"original", "rewrite", "edits", "checks", "notes"} <= set(data)
    assert data["rewrite"].startswith("Kurssilla perehdyt lääkehoitoon") and "3 op" in data["rewrite"]
    assert {"meaning_similarity", "facts_preserved", "unknown_words_added", "score_before", "score_after",
            "lix_before", "lix_after", "length_ratio"} <= set(data["checks"])
