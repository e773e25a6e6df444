"""The library on "start a session": grouped and filtered by level, age, rule family (from the
rules' reasons for the model answer) and topic; "Select all in this group" without JavaScript."""

from __future__ import annotations

import re
from types import SimpleNamespace

from pathway.scenarios import default_paths
from rules import evaluate
from tests.webapp.conftest import text
from training.batch import load_paths
from training.runner import FIXED_NOW, OFFICE_HOURS
from webapp.practice import groups

SHIPPED = [i.scenario for i in load_paths(default_paths())]


def _ticked(html: str) -> set[str]:
    return set(re.findall(r'name="scenarios" type="checkbox" value="([^"]+)"\s+aria-describedby="[^"]+" checked', html))


def _boxes(html: str) -> set[str]:
    return set(re.findall(r'name="scenarios" type="checkbox" value="([^"]+)"', html))


def test_families_are_the_rule_prefixes_of_the_model_answers_reasons():
    for s in SHIPPED:
        decision = evaluate(s.case(), office_hours=OFFICE_HOURS, now=FIXED_NOW)
        assert groups.families(s) == tuple(sorted({r.rule.split(".")[0] for r in decision.reasons}))
    assert any("combination" in groups.families(s) for s in SHIPPED)


def test_age_groups():
    ages = {s.id: groups.age_group(s) for s in SHIPPED}
    assert ages["age-under-2-bruising"] == "under-2" and ages["level-additional-school-attendance"] == "11-15"
    assert ages["age-unborn-significant-harm"] == "unborn"


def test_filter_by_level_and_age(trainer):
    html = trainer.get("/practice/new?level=protection&age=under-2").get_data(as_text=True)
    expected = {s.id for s in SHIPPED if s.model.level.value == "protection" and groups.age_group(s) == "under-2"}
    assert expected and _boxes(html) == expected
    assert f"Showing {len(expected)} of" in text(trainer.get("/practice/new?level=protection&age=under-2"))


def test_grouped_by_family_with_headings(trainer):
    page = text(trainer.get("/practice/new?group_by=family"))
    assert "Several needs together (combination)" in page and "Immediate referral" in page


def test_select_all_in_a_group_ticks_it_and_starts_nothing(app, trainer):
    protection = {s.id for s in SHIPPED if s.model.level.value == "protection"}
    r = trainer.post("/practice/new", data={"select_group": "protection", "scenarios": ["level-universal-doing-well"]})
    assert r.status_code == 200 and "Select at least one scenario" not in text(r)
    assert _ticked(r.get_data(as_text=True)) == protection | {"level-universal-doing-well"}
    # then starting the session takes the ticked ones, once each, in library order
    r = trainer.post("/practice/new", data={"scenarios": sorted(protection) + sorted(protection)})
    assert r.status_code == 302
    code = r.location.rstrip("/").rsplit("/", 1)[-1]
    from webapp.practice import records

    with app.app_context():
        ids = records.get_session(code).scenario_ids
    assert ids == [s.id for s in SHIPPED if s.id in protection]


def test_ticked_scenarios_hidden_by_a_filter_are_kept(trainer):
    r = trainer.post("/practice/new?level=additional", data={"select_group": "additional", "scenarios": ["age-under-2-bruising"]})
    assert '<input type="hidden" name="scenarios" value="age-under-2-bruising">' in r.get_data(as_text=True)


def test_the_library_page_filters_too(trainer):
    page = text(trainer.get("/practice/scenarios?family=combination"))
    combination = [s for s in SHIPPED if "combination" in groups.families(s)]
    assert f"Showing {len(combination)} of" in page
    assert all(s.title in page for s in combination)
    assert "Missing Mondays" not in page


def _hidden(html: str) -> set[str]:
    return set(re.findall(r'<input type="hidden" name="scenarios" value="([^"]+)">', html))


def test_changing_the_filter_keeps_what_is_ticked(trainer):
    """Tick a scenario, then show another part of the library: the filter's Show button is in
    the same form as the ticks, so they are kept (hidden when filtered out), with no JavaScript."""
    html = trainer.get("/practice/new").get_data(as_text=True)
    assert re.search(r'<form method="post" action="/practice/new[^>]*>.*?name="level".*?name="show"', html, re.S), "Show must submit the ticks"
    r = trainer.post("/practice/new", data={"scenarios": ["age-under-2-bruising"], "level": "universal", "group_by": "age", "show": "1", "cohort": "Spring"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and _hidden(html) == {"age-under-2-bruising"}
    assert (
        "age-under-2-bruising" not in _boxes(html) and _boxes(html) and all(groups.facets(s).level == ("universal",) for s in SHIPPED if s.id in _boxes(html))
    )
    assert 'value="Spring"' in text(r) or 'value="Spring"' in html  # the cohort label typed so far is kept
    # the next submit keeps the filter in its address; starting takes the hidden tick as well
    action = re.search(r'<form method="post" action="(/practice/new[^"]*)"', html).group(1).replace("&amp;", "&")
    assert "level=universal" in action and "group_by=age" in action
    r = trainer.post(action, data={"scenarios": ["age-under-2-bruising", "universal-fussy-eater"]})
    assert r.status_code == 302
    page = trainer.get(r.location).get_data(as_text=True)
    assert "Bruises on a baby who is not yet crawling" in page


def test_each_grouping_gives_its_groups_in_order_under_their_names_and_a_scenario_with_no_value_under_other():
    """The library grouped by each facet (review 19, mutation: levels or ages in alphabetical order, a group named
    None, the "Other" group dropped or misnamed went unnoticed). Oracle: the levels lowest first and the trainers'
    age groups youngest first written out here, the others alphabetical, and each scenario's own facet values."""
    entries = [SimpleNamespace(scenario=s) for s in SHIPPED]
    order = {
        "level": ["universal", "additional", "extensive", "child_in_need", "protection"],
        "age": ["unborn", "under-2", "2-4", "5-10", "11-15", "16-plus"],
    }
    names = {
        "universal": "Universal",
        "additional": "Additional",
        "extensive": "Extensive",
        "child_in_need": "Child in Need",
        "protection": "Protection",
        "unborn": "Unborn",
        "under-2": "Under 2",
        "16-plus": "16 and over",
    }
    assert any(not groups.facets(s).family for s in SHIPPED)  # the "Other" group is reached
    for facet in groups.FACETS:
        values = {s.id: getattr(groups.facets(s), facet) for s in SHIPPED}
        present = {v for vs in values.values() for v in vs}
        keys = [k for k in order[facet] if k in present] if facet in order else sorted(present)
        if any(not vs for vs in values.values()):
            keys.append("other")
        got = groups.grouped(entries, facet)
        assert [g.key for g in got] == keys, facet
        for g in got:
            assert [e.scenario.id for e in g.entries] == [s.id for s in SHIPPED if (g.key in values[s.id] if g.key != "other" else not values[s.id])]
            assert g.name == ("Other" if g.key == "other" else names.get(g.key, g.name)) and isinstance(g.name, str) and g.name
