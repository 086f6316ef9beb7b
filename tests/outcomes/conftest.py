import json

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="session")
def statements() -> list[dict]:
    path = ROOT / "corpora" / "annotated" / "outcome_statements.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def courses() -> list[dict]:
    path = ROOT / "corpora" / "annotated" / "course_outcomes.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def checked_statements(statements):
    """Every annotated statement checked once (spaCy batch), shared by the checker tests."""
    from poiju_nlp.outcomes import check

    return check([s["text"] for s in statements]).items


@pytest.fixture(scope="session")
def proposals(courses):
    """Proposals for three real course texts (e5 loads once per session)."""
    from poiju_nlp.outcomes import propose

    return [(c, propose(c)) for c in courses[:3]]
