"""Test-run policy for the whole repository (tests/ and the doctests of poiju_nlp/): no silent skips.

A skipped test hides a broken import or a missing set-up step, so a skip fails the run unless the test says it is
optional and why: ``@pytest.mark.optional(reason="...")``. A module that cannot be collected (e.g. a
``pytest.importorskip`` of a missing package) is an error. Known exceptions, with their reason, are in
tests/project/known_exceptions.py (KNOWN_SKIPS). Deselecting (``-m "not slow"``, ``-k``) is not skipping.
"""
from __future__ import annotations

import pytest

from tests.project.known_exceptions import KNOWN_SKIPS

POLICY = ("skipped without @pytest.mark.optional(reason=...): a missing module or set-up step must fail the run "
          "(see conftest.py)")


def _reason(report) -> str:
    longrepr = report.longrepr
    return longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)


def _optional(item) -> bool:
    marker = item.get_closest_marker("optional")
    return marker is not None and bool(marker.kwargs.get("reason") or marker.args)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail") and not _optional(item) and item.nodeid not in KNOWN_SKIPS:
        report.outcome = "failed"
        report.longrepr = f"{POLICY}. Skip reason: {_reason(report)}"


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and report.nodeid not in KNOWN_SKIPS:
        report.outcome = "failed"
        report.longrepr = f"{report.nodeid}: module {POLICY}. Skip reason: {_reason(report)}"
