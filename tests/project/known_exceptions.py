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
}

# Verbs whose object case the rewriting rules and corpora/verbs/bloom_verbs.tsv
# (object_case) give differently (tests/project/test_one_home.py): verb -> reason.
KNOWN_GOVERNMENT_DISAGREEMENTS: dict[str, str] = {}

# Modules of poiju_nlp over 600 lines (tests/project/test_module_size.py): path -> reason.
LONG_MODULES: dict[str, str] = {
}

# Environment variables read outside poiju_nlp/settings.py (tests/project/test_settings.py):
# (path, variable) -> reason.
SETTINGS_READ_ELSEWHERE: dict[tuple[str, str], str] = {
}

# Tests that may skip although they carry no @pytest.mark.optional (conftest.py): node id -> reason.
KNOWN_SKIPS: dict[str, str] = {}
