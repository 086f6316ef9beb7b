"""Load test against the shared local app: 20 concurrent users (asyncio tasks on gradio's HTTP
API, one session each) scoring (and matching when the app
has it). CI runs it for POIJU_LOAD_SECONDS (15 s here; the benchmark default is 60 s); the figures go to
evaluation/results/load.json."""
from __future__ import annotations

import os

import pytest

from evaluation import load_test

pytestmark = pytest.mark.slow


def test_twenty_users_score_without_errors(app_url):
    seconds = float(os.environ.get("POIJU_LOAD_SECONDS", "15"))
    result = load_test.run(app_url, users=20, seconds=seconds)
    score = result["endpoints"]["score"]
    print({name: {k: v for k, v in e.items() if k != "error_examples"} for name, e in result["endpoints"].items()})
    assert sum(e["requests"] for e in result["endpoints"].values()) >= 20  # every user got answers
    assert result["errors"] == 0, [e["error_examples"] for e in result["endpoints"].values()]
    # The latency goal is recorded in load.json (goals.score_p95<=2s) on every run; it is asserted only on a
    # dedicated machine, because other jobs on a shared 2-core CI runner dominate the tail latency.
    if os.environ.get("POIJU_LOAD_STRICT") == "1":
        assert score["p95_s"] <= load_test.GOAL_P95_SCORE_S, score


def test_percentile():
    assert load_test.percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert load_test.percentile([], 0.95) == 0.0
