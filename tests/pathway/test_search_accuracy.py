"""The measuring command takes any phrasings file (the lead runs it on a held-back set)."""

import pytest

from pathway.search import search
from pathway.search_accuracy import PhrasingsError, hit_rates, load_phrasings, main

SET = """phrasings:
  - {level: additional, q: "bullied", age_in_months: 120, expect: [additional.experiencing_bullying]}
  - {level: additional, q: "bullied", age_in_months: 120, expect: [universal.physically_well]}
"""


def test_rates_and_the_command_count_against_search_itself(tmp_path, capsys):
    path = tmp_path / "set.yaml"
    path.write_text(SET, encoding="utf-8")
    ids = [h.id for h in search("bullied", age_in_months=120, limit=10)]
    first_right = ids[0] == "additional.experiencing_bullying"
    rates = hit_rates(load_phrasings(path))
    assert rates.n == 2 and rates.top1 == (first_right + (ids[0] == "universal.physically_well")) / 2
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert f"n=2 top-1 {rates.top1:.1%}" in out and "rank" not in out  # misses only on request
    assert main([str(path), "--misses"]) == 0
    assert "'bullied'" in capsys.readouterr().out


@pytest.mark.parametrize(
    "body, says",
    [
        ("phrasings:\n  - {q: bruise, expect: [no.such_indicator]}\n", "unknown indicator"),
        ("phrasings:\n  - {q: bruise, age_in_months: 60, expect: [immediate.unexplained_bruising_under_2]}\n", "rules out"),
        ("phrasings:\n  - {q: bruise}\n", "needs 'q'"),
        ("nothing: here\n", "'phrasings' list"),
    ],
)
def test_a_malformed_file_is_refused_naming_the_line(tmp_path, capsys, body, says):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PhrasingsError, match=says):
        load_phrasings(path)
    assert main([str(path)]) == 2 and says in capsys.readouterr().err


def test_the_first_block_is_the_best_match_with_its_twins_from_the_catalogue(tmp_path):
    """The oracle is the catalogue's twin groups (data), not search's twins_of: the first block
    holds the best match and every member of a group it is in, at another level or immediacy."""
    from pathway.catalogue import load_catalogue

    cat = load_catalogue()
    query, age = "suspected domestic violence", 120
    best = search(query, age_in_months=age, limit=10)[0]
    ind = cat.indicator(best.id)
    grouped = {i for g in cat.twins if best.id in g.ids for i in g.ids}
    twins = sorted(i for i in grouped if (cat.indicator(i).level, cat.indicator(i).immediate) != (ind.level, ind.immediate))
    assert twins, "the query must reach a twin group for this test to mean anything"
    outside = "universal.physically_well"
    lines = [f'  - {{q: "{query}", age_in_months: {age}, expect: [{i}]}}' for i in [best.id, *twins, outside]]
    path = tmp_path / "set.yaml"
    path.write_text("phrasings:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    rates = hit_rates(load_phrasings(path))
    assert rates.block1 == (1 + len(twins)) / (2 + len(twins))
    assert "in the first block" in rates.line("x")
