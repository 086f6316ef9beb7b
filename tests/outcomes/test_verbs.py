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
