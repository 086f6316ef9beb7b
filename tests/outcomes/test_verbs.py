from poiju_nlp.outcomes import load_verbs


def test_bloom_table_has_six_levels_and_cases():
    table = load_verbs()
    assert len({v.verb for v in table.verbs}) >= 80
    assert {v.level for v in table.verbs} == {1, 2, 3, 4, 5, 6}
    assert table.get("arvioida").object_case == "par"
    assert table.get("laatia").object_case == "gen"
    assert "tietää" not in table


def test_avoid_alternatives_are_measurable_table_verbs():
    table = load_verbs()
    for verb in ("tietää", "ymmärtää", "tuntea", "hallita", "perehtyä", "omaksua"):
        entry = table.avoid[verb]
        assert entry.alternatives, verb
        assert all(alt in table for alt in entry.alternatives), (verb, entry.alternatives)


def test_data_checker_passes():
    """corpora/verbs/check_verbs.py: all five tables (verbs, avoid verbs, noun classes, verb-object fit,
    replacements) are consistent: no replacement above the vague verb's level, every replacement fits its class."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    result = subprocess.run([sys.executable, str(ROOT / "corpora" / "verbs" / "check_verbs.py"), "--strict"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors, 0 warnings" in result.stdout


def test_fit_table():
    from poiju_nlp.outcomes import load_fit

    fit = load_fit()
    assert fit.fit("soveltaa", "method") and not fit.fit("mitata", "method")  # methods are applied, not measured
    assert fit.fit("laatia", "document") and not fit.fit("laatia", "person")
    assert fit.fit("ohjata", "person") and fit.fit("arvioida", "situation")
    assert fit.replacement("tuntea", "concept").replacement == "selittää"
    assert fit.replacement("tuntea", "tool").replacement == "kuvata"
    assert fit.replacement("syventää", "topic").replacement == ""


def test_doctests_of_the_outcomes_package():
    import doctest
    import importlib

    for name in ("check", "propose", "sections", "statements", "verbs", "build"):
        module = importlib.import_module(f"poiju_nlp.outcomes.{name}")
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__
