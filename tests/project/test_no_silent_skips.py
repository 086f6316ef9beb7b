"""The skip policy of conftest.py works: a plain skip or a module-level importorskip of a missing package fails the
run; a test marked optional with a reason may skip; deselection is not affected."""
from pathlib import Path

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]


def test_skips_fail_unless_optional(pytester):
    pytester.syspathinsert(ROOT)
    pytester.makeconftest((ROOT / "conftest.py").read_text(encoding="utf-8"))
    pytester.makeini("[pytest]\nmarkers =\n    optional(reason): may skip\n    slow: slow\n")
    pytester.makepyfile(
        test_policy="""
        import pytest

        def test_plain_skip():
            pytest.skip("chromium missing")

        @pytest.mark.skipif(True, reason="not in this version yet")
        def test_skipif():
            pass

        @pytest.mark.optional(reason="needs a GPU, which CI has not")
        def test_optional_skip():
            pytest.skip("no GPU")

        @pytest.mark.xfail(reason="known bug")
        def test_xfail():
            assert False

        @pytest.mark.slow
        def test_deselected():
            pytest.skip("never runs")

        def test_passes():
            assert True
        """,
        test_missing_module="""
        import pytest
        pytest.importorskip("a_module_nobody_installed")

        def test_never_collected():
            pass
        """,
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-m", "not slow", "test_policy.py")
    # the skipif skip happens while setting up, so it is reported as an error: either way the run fails
    result.assert_outcomes(passed=1, failed=1, errors=1, skipped=1, xfailed=1, deselected=1)
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*skipped without @pytest.mark.optional*chromium missing*"])
    missing = pytester.runpytest_inprocess("-p", "no:cacheprovider", "test_missing_module.py")
    missing.assert_outcomes(errors=1)
    assert missing.ret != 0
