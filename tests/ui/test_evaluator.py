"""The evaluator's workflow without running the heavy benchmarks: upload checks, the report and plots that
run_all writes from any result dict, and a missing benchmark being skipped."""
from __future__ import annotations

import json

import pytest

from evaluation import run_all as ra
from poiju_nlp.errors import InputError
from poiju_nlp.ui.evaluator_tab import check_upload

RESULT = {
    "primary": 0.91,
    "machine": {"cpus": 2},
    "spans": {"poiju": {"f1": 0.87, "precision": 0.86}, "baseline_lix": {"f1": 0.6, "precision": 0.5},
              "recall_by_gold_kind": {"term": {"recall": 0.9, "gold": 10}, "passive": {"recall": 0.8, "gold": 5}}},
    "recall_at_k": {"poiju": {"1": 0.4, "5": 0.7, "10": 0.8}, "bm25": {"1": 0.3, "5": 0.5, "10": 0.6}},
    "scale": [{"catalog_size": 100, "p95_ms": 3.0}, {"catalog_size": 1000, "p95_ms": 9.0}],
    "aalto": {"scores": [10.0, 20.0, 35.0, 50.0, 70.0, 80.0]},
    "ci95": [0.8, 0.9],
}


def test_upload_checks_type_size_and_shape(tmp_path):
    bad_type = tmp_path / "data.exe"
    bad_type.write_bytes(b"MZ")
    not_objects = tmp_path / "rows.jsonl"
    not_objects.write_text('{"text": "Kurssi"}\n[1, 2]\n', encoding="utf-8")
    latin1 = tmp_path / "latin.jsonl"
    latin1.write_bytes('{"text": "Äiti"}'.encode("latin-1"))
    good = tmp_path / "good.jsonl"
    good.write_text('{"text": "Kurssilla opit ensiavun.", "jargon": []}\n', encoding="utf-8")
    for path, message in ((bad_type, "vain"), (not_objects, "rivi 2"), (latin1, "UTF-8")):
        with pytest.raises(InputError, match=message):
            check_upload([str(path)])
    assert check_upload([str(good)]) == [good]


def test_report_has_a_comparison_table_per_group_and_the_machine(tmp_path):
    combined = {"machine": {"date": "2026-11-27", "cpus": 2, "platform": "Linux", "python": "3.11"}, "quick": True,
                "data": None, "benchmarks": {"scoring": RESULT}, "skipped": {"rewriting": "puuttuu"},
                "errors": {}, "seconds": {"scoring": 1.0}, "wall_seconds": 1.0}
    text = ra.render_report(combined)
    assert "2026-11-27" in text and "2 suoritinta" in text
    assert "**spans**" in text and "| poiju | 0.87 | 0.86 |" in text and "| baseline_lix | 0.6 | 0.5 |" in text
    assert "`rewriting`: puuttuu" in text and "[0.8, 0.9]" in text


def test_plots_are_found_by_the_shape_of_the_results(tmp_path):
    names = sorted(p.name for p in ra.make_plots({"matching": RESULT}, tmp_path))
    assert names == ["matching_distribution_0.png", "matching_latency_0.png", "matching_recall_at_k.png"]


def test_run_all_skips_missing_benchmarks_and_writes_everything(tmp_path, monkeypatch):
    class Fake:
        __name__ = "evaluation.bench_fake"

        @staticmethod
        def run(quick=False, data=None):
            return dict(RESULT, quick=quick)

    monkeypatch.setattr(ra, "BENCHES", [("scoring", "bench_fake", "Pisteytys"), ("nothing", "bench_nothing", "-")])
    monkeypatch.setattr(ra, "load_bench", lambda m: Fake if m == "bench_fake" else None)
    seen = []
    combined = ra.run_all(quick=True, progress=lambda f, msg: seen.append(f), out_dir=tmp_path)
    assert combined["skipped"] == {"nothing": "evaluation/bench_nothing.py puuttuu vielä"}
    assert seen[-1] == 1.0 and (tmp_path / "report.md").exists() and (tmp_path / "scoring.json").exists()
    assert json.loads((tmp_path / "results.json").read_text())["benchmarks"]["scoring"]["quick"] is True
