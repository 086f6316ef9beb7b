"""Known exceptions to the project rules that tests/project enforces: all of them in this one file, each with the
reason and the area that removes it.

The rules hold for the whole repository, but some files belong to areas that were being changed in parallel
(issues 12-15) when the rules came (issue 16). Each entry names the place, why it is allowed for now and which
change removes it. Nothing else is exempt. When the owning area has merged its fix, the entry is no longer needed
and ``test_known_exceptions_are_still_needed`` fails with the entry to delete: the list only ever shrinks.
"""

# Domain facts written outside poiju_nlp/domain.py (tests/project/test_one_home.py).
# Key: (path, the offending source line stripped of indentation, as test_one_home reports it).
DOMAIN_LITERALS: dict[tuple[str, str], str] = {  # noqa: E501  (the lines as they are)
    ('evaluation/make_scale_catalog.py',
     'modes = ["lähi", "etä", "hybridi", "verkko"]'):
        'matching (issue 15) uses domain.MODES',
    ('evaluation/make_scale_catalog.py',
     'hours=float(credits * 27), mode=rng.choice(modes), language="fi",'):
        'matching (issue 15) uses domain.credits_to_hours',
    ('poiju_nlp/cli/outcomes.py',
     'p.add_argument("--level", choices=["perus", "syventävä", "jatko"], default=None,'):
        'outcomes (issue 13) uses domain.COURSE_LEVELS',
    ('poiju_nlp/scoring/detectors.py',
     'CREDIT_LEMMAS = {"opintopiste", "op", "ECTS", "ects"}'):
        'scoring (issue 14) uses domain.CREDIT_WORDS',
    ('poiju_nlp/scoring/detectors.py',
     'HOURS_PER_CREDIT = 27  # Finland: 1 op (ECTS credit) = 27 hours of student work'):
        'scoring (issue 14) imports domain.HOURS_PER_CREDIT',
    ('poiju_nlp/scoring/detectors.py',
     'hours = round(credits * HOURS_PER_CREDIT)'):
        'scoring (issue 14) uses domain.credits_to_hours / hours_to_credits',
    ('poiju_nlp/ui/coordinator_tab.py',
     'MODES = ["lähi", "etä", "hybridi", "verkko"]'):
        'matching (issue 15) uses domain.MODES / MODE_ALIASES / MODE_LABELS',
    ('poiju_nlp/ui/outcomes_tab.py',
     'LEVELS = ["perus", "syventävä", "jatko"]'):
        'outcomes (issue 13) uses domain.COURSE_LEVELS',
}

# Verbs whose object case rewriting/rules.py PARTITIVE_VERBS (partitive) and corpora/verbs/bloom_verbs.tsv
# (object_case) give differently (tests/project/test_one_home.py): verb -> reason.
KNOWN_GOVERNMENT_DISAGREEMENTS: dict[str, str] = {}

# Modules of poiju_nlp over 600 lines (tests/project/test_module_size.py): path -> reason.
LONG_MODULES: dict[str, str] = {
    "poiju_nlp/outcomes/statements.py": "outcomes (issue 13, round 2) splits statements.py by responsibility",
}

# Environment variables read outside poiju_nlp/settings.py (tests/project/test_settings.py):
# (path, variable) -> reason.
SETTINGS_READ_ELSEWHERE: dict[tuple[str, str], str] = {
    ("poiju_nlp/matching/index.py", "POIJU_MATCH_BACKEND"):
        "matching (issue 15) reads MATCHING.embed_backend (POIJU_MATCHING_EMBED_BACKEND; POIJU_MATCH_BACKEND is "
        "its alias in settings.py)",
}

# Tests that may skip although they carry no @pytest.mark.optional (conftest.py): node id -> reason.
KNOWN_SKIPS: dict[str, str] = {
    "poiju_nlp/outcomes/propose.py::poiju_nlp.outcomes.propose.propose":
        "outcomes (issue 13): the docstring example of propose() is marked +SKIP; make it run (a short description "
        "and its real output) and delete this entry",
}
