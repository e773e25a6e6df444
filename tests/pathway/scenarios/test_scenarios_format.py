"""The scenario format: what loads, what is refused (with file, scenario and field named),
and the export/import round trip trainers rely on."""

from __future__ import annotations

import pytest
import yaml

from pathway.levels import Level
from pathway.scenarios import ScenarioErrors, default_paths, dump_scenarios, load, loads
from training.batch import load_paths


def only_error(exc_info):
    errors = exc_info.value.errors
    assert len(errors) == 1, errors
    return errors[0]


def test_a_valid_file_loads_as_one_scenario(scenario_dict, write_yaml):
    [scenario] = load(write_yaml(scenario_dict))
    assert scenario.id == "valid-one"
    assert scenario.model.level is Level.ADDITIONAL
    assert scenario.case().indicators == ["additional.poor_school_attendance_exclusion"]


def test_a_file_may_hold_a_list(scenario_dict, write_yaml):
    second = {**scenario_dict, "id": "valid-two"}
    assert [s.id for s in load(write_yaml([scenario_dict, second]))] == ["valid-one", "valid-two"]


def test_unknown_indicator_is_refused_naming_file_scenario_and_field(scenario_dict, write_yaml):
    scenario_dict["answers"]["indicators"] = ["additional.poor_school_attendance_exclusion", "additional.no_such_thing"]
    path = write_yaml(scenario_dict)
    with pytest.raises(ScenarioErrors) as exc:
        load(path)
    err = only_error(exc)
    assert (err.file, err.scenario, err.field) == (str(path), "valid-one", "answers.indicators[1]")
    assert "unknown indicator 'additional.no_such_thing'" in err.message


def test_age_outside_the_indicators_band_is_refused(scenario_dict, write_yaml):
    scenario_dict["child"] = {"age_years": 5}
    scenario_dict["answers"]["indicators"] = ["protection.forced_marriage_under_18", "immediate.home_alone_5_and_under", "immediate.substance_use_under_1"]
    with pytest.raises(ScenarioErrors) as exc:
        load(write_yaml(scenario_dict))
    err = only_error(exc)
    assert err.field == "answers.indicators[2]"
    assert "under 1 year old" in err.message and "5 years 0 months" in err.message


def test_unborn_band_refuses_a_born_child(scenario_dict, write_yaml):
    scenario_dict["answers"]["indicators"] = ["immediate.unborn_significant_harm"]
    with pytest.raises(ScenarioErrors) as exc:
        load(write_yaml(scenario_dict))
    assert only_error(exc).field == "answers.indicators[0]"


@pytest.mark.parametrize(
    "section, key, field",
    [
        (None, "model", "model"),
        (None, "teaching", "teaching"),
        (None, "narrative", "narrative"),
        ("teaching", "common_mistake", "teaching.common_mistake"),
        ("model", "level", "model.level"),
    ],
)
def test_a_missing_field_is_named(scenario_dict, write_yaml, section, key, field):
    del (scenario_dict[section] if section else scenario_dict)[key]
    with pytest.raises(ScenarioErrors) as exc:
        load(write_yaml(scenario_dict))
    err = only_error(exc)
    assert (err.scenario, err.field, err.message) == ("valid-one", field, "Field required")


@pytest.mark.parametrize(
    "where, field",
    [
        ((), "modle"),
        (("answers", "context"), "answers.context.consent"),
        (("child",), "child.age"),
    ],
)
def test_an_unknown_field_is_named(scenario_dict, write_yaml, where, field):
    target = scenario_dict
    for key in where:
        target = target[key]
    target[field.rsplit(".", 1)[-1]] = "x"
    with pytest.raises(ScenarioErrors) as exc:
        load(write_yaml(scenario_dict))
    err = only_error(exc)
    assert (err.field, err.message) == (field, "unknown field")


@pytest.mark.parametrize(
    "path, value, field",
    [
        (("model", "level"), "medium", "model.level"),
        (("answers", "context", "caf"), "open", "answers.context.caf"),
        (("answers", "context", "contact_time"), "2014-07-05T22:30:00", "answers.context.contact_time"),
        (("model", "first_contact"), "the_police", "model.first_contact"),
        (("id",), "Has Spaces", "id"),
    ],
)
def test_an_unknown_value_is_named(scenario_dict, write_yaml, path, value, field):
    target = scenario_dict
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ScenarioErrors) as exc:
        load(write_yaml(scenario_dict))
    assert only_error(exc).field == field


def test_a_page_number_may_be_written_as_a_number(scenario_dict, write_yaml):
    scenario_dict["teaching"]["pages"] = 9
    [scenario] = load(write_yaml(scenario_dict))
    assert scenario.teaching.pages == "9"


def test_a_scenario_without_an_age_is_refused(scenario_dict, write_yaml):
    scenario_dict["child"] = {}
    with pytest.raises(ScenarioErrors) as exc:
        load(write_yaml(scenario_dict))
    assert only_error(exc).field == "child.age_years"


def test_a_scenario_without_an_id_is_named_by_position(scenario_dict, write_yaml):
    second = {k: v for k, v in scenario_dict.items() if k != "id"}
    with pytest.raises(ScenarioErrors) as exc:
        load(write_yaml([scenario_dict, second]))
    err = only_error(exc)
    assert (err.scenario, err.field) == ("#2", "id")


def test_every_problem_in_a_file_is_reported(scenario_dict, write_yaml):
    bad_level = {**scenario_dict, "id": "bad-level", "model": {"level": "high"}}
    bad_indicator = {**scenario_dict, "id": "bad-ind", "answers": {"indicators": ["nope"]}}
    with pytest.raises(ScenarioErrors) as exc:
        load(write_yaml([scenario_dict, bad_level, bad_indicator]))
    assert [(e.scenario, e.field) for e in exc.value.errors] == [("bad-level", "model.level"), ("bad-ind", "answers.indicators[0]")]


def test_duplicate_ids_across_files_are_refused(scenario_dict, write_yaml):
    first = write_yaml(scenario_dict, "a.yaml")
    second = write_yaml(scenario_dict, "b.yaml")
    with pytest.raises(ScenarioErrors) as exc:
        load_paths([first.parent])
    err = only_error(exc)
    assert (err.file, err.scenario, err.field) == (str(second), "valid-one", "id")
    assert str(first) in err.message


def test_broken_yaml_names_the_file_and_line(write_yaml):
    path = write_yaml("- id: x\n  title: [unclosed\n")
    with pytest.raises(ScenarioErrors) as exc:
        load(path)
    err = only_error(exc)
    assert (err.file, err.scenario, err.field) == (str(path), None, "(file)")
    assert "line" in err.message


def alias_bomb(levels: int = 9) -> str:
    """A few hundred bytes of YAML that expand to 9**levels strings if aliases are followed."""
    lines = ["- id: bomb", "  title: t", "  narrative: n", '  x0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"  x{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines + [f"  covers: *a{levels}"]) + "\n"


@pytest.mark.parametrize(
    "text, words",
    [
        (alias_bomb(), "more than 1,000,000 values once its aliases (*name) are written out"),
        ("- id: x1\n  title: &t [*t]\n", "an alias (*name) is used inside itself"),
        ("- &s {id: x1, title: t, again: *s}\n", "an alias (*name) is used inside itself"),
        ("- id: x1\n  title: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than 40 deep"),
    ],
    ids=["alias-bomb", "alias-inside-a-list", "alias-inside-a-mapping", "5000-brackets"],
)
def test_a_file_that_expands_without_bound_is_refused_not_walked(text, words):
    """A 545-byte file of nested aliases expanded to 387 million strings and hung the import; an
    alias inside itself or thousands of brackets crashed it. Each is a clear refusal instead."""
    with pytest.raises(ScenarioErrors) as exc:
        loads(text, name="upload.yaml")
    err = only_error(exc)
    assert (err.file, err.scenario, err.field) == ("upload.yaml", None, "(file)")
    assert words in err.message


def test_an_alias_used_a_few_times_is_fine(scenario_dict):
    second = {**scenario_dict, "id": "second-one"}  # shares the nested dicts: PyYAML writes &id001 and *id001
    text = yaml.safe_dump([scenario_dict, second], sort_keys=False)
    assert "*id001" in text
    assert [s.id for s in loads(text)] == ["valid-one", "second-one"]


@pytest.mark.parametrize("text", ["", "just words\n", "[]\n", "42\n"])
def test_a_file_that_is_not_scenarios_is_refused(write_yaml, text):
    with pytest.raises(ScenarioErrors) as exc:
        load(write_yaml(text))
    assert only_error(exc).field in {"(file)", "(scenario)"}


def test_a_missing_path_is_refused(tmp_path):
    with pytest.raises(ScenarioErrors) as exc:
        load_paths([tmp_path / "nowhere.yaml"])
    assert only_error(exc).message == "no such file or folder"


def test_contact_time_keeps_its_timezone(scenario_dict, write_yaml):
    scenario_dict["answers"]["context"]["contact_time"] = "2014-07-05T22:30:00+01:00"
    [scenario] = load(write_yaml(scenario_dict))
    assert scenario.answers.context.contact_time.utcoffset().total_seconds() == 3600


def test_unquoted_yaml_timestamp_is_read_as_text_and_checked(write_yaml, scenario_dict):
    text = write_yaml(scenario_dict).read_text().replace("caf: none", "contact_time: 2014-07-05 22:30:00")
    with pytest.raises(ScenarioErrors) as exc:
        loads(text)
    assert only_error(exc).field == "answers.context.contact_time"  # no timezone: refused, not guessed


def test_export_then_import_gives_equal_scenarios():
    shipped = [item.scenario for item in load_paths(default_paths())]
    text = dump_scenarios(shipped)
    assert loads(text) == shipped
    assert dump_scenarios(loads(text)) == text  # stable: a second export is byte-identical


def test_export_round_trips_through_a_file(tmp_path, scenario_dict, write_yaml):
    scenario_dict["answers"]["context"]["contact_time"] = "2014-12-01T08:15:00Z"
    scenarios = load(write_yaml(scenario_dict))
    exported = tmp_path / "export.yaml"
    exported.write_text(dump_scenarios(scenarios), encoding="utf-8")
    assert load(exported) == scenarios


# --- required / also acceptable / ruled out, topics and line citations (issue 19) -----------------


def new_format(scenario_dict):
    """The valid scenario written the new way: the required indicators under model.required."""
    required = scenario_dict["answers"].pop("indicators")
    scenario_dict["model"]["required"] = required
    return scenario_dict


def test_old_and_new_names_of_the_required_list_load_equal(scenario_dict, write_yaml):
    [old] = load(write_yaml(scenario_dict, "old.yaml"))
    [new] = load(write_yaml(new_format(scenario_dict), "new.yaml"))
    assert old == new
    assert new.model.required == new.answers.indicators == ["additional.poor_school_attendance_exclusion"]


def test_giving_both_names_with_different_lists_is_refused(scenario_dict, write_yaml):
    scenario_dict["model"]["required"] = ["additional.not_achieving_key_stage"]
    with pytest.raises(ScenarioErrors) as exc:
        load(write_yaml(scenario_dict))
    assert "old name of model.required" in only_error(exc).message


def test_export_writes_the_new_name_only(scenario_dict, write_yaml):
    [scenario] = load(write_yaml(scenario_dict))
    data = yaml.safe_load(dump_scenarios([scenario]))[0]
    assert data["model"]["required"] == ["additional.poor_school_attendance_exclusion"]
    assert "indicators" not in data.get("answers", {})


@pytest.mark.parametrize(
    "field, value, named",
    [
        ("required", ["additional.no_such_thing"], "model.required[0]"),
        ("also_acceptable", ["additional.low_self_esteem", "extensive.no_such_thing"], "model.also_acceptable[1]"),
        ("also_acceptable", ["immediate.unborn_significant_harm"], "model.also_acceptable[0]"),  # outside the age band
        ("ruled_out", ["protection.no_such_thing"], "model.ruled_out[0]"),
        ("contacts", ["no_such_contact"], "model.contacts[0]"),
    ],
)
def test_new_lists_name_a_bad_entry(scenario_dict, write_yaml, field, value, named):
    new_format(scenario_dict)["model"][field] = value
    with pytest.raises(ScenarioErrors) as exc:
        load(write_yaml(scenario_dict))
    assert only_error(exc).field == named


def test_a_ruled_out_indicator_may_be_outside_the_age_band(scenario_dict, write_yaml):
    # "home alone, 5 and under" for an 8-year-old is exactly the mistake a scenario can teach
    new_format(scenario_dict)["model"]["ruled_out"] = ["immediate.home_alone_5_and_under"]
    [scenario] = load(write_yaml(scenario_dict))
    assert scenario.model.ruled_out == ["immediate.home_alone_5_and_under"]


def test_an_indicator_in_two_lists_is_refused(scenario_dict, write_yaml):
    new_format(scenario_dict)["model"]["ruled_out"] = ["additional.poor_school_attendance_exclusion"]
    with pytest.raises(ScenarioErrors) as exc:
        load(write_yaml(scenario_dict))
    assert "both model.required and model.ruled_out" in only_error(exc).message


@pytest.mark.parametrize(
    "cite, field",
    [
        ({"lines": "12-x", "says": "words"}, "teaching.cites[0].lines"),
        ({"lines": "12"}, "teaching.cites[0]"),
        ({"lines": "12", "says": "words", "indicator": "additional.low_self_esteem"}, "teaching.cites[0]"),
        ({"lines": "12", "indicator": "additional.no_such_thing"}, "teaching.cites[0].indicator"),
    ],
)
def test_a_bad_cite_is_named(scenario_dict, write_yaml, cite, field):
    scenario_dict["teaching"]["cites"] = [cite]
    with pytest.raises(ScenarioErrors) as exc:
        load(write_yaml(scenario_dict))
    assert only_error(exc).field == field


def test_topics_are_tags(scenario_dict, write_yaml):
    scenario_dict["topics"] = ["domestic-abuse", "Pre Birth"]
    with pytest.raises(ScenarioErrors) as exc:
        load(write_yaml(scenario_dict))
    assert only_error(exc).field == "topics"


def test_a_scenario_built_in_python_with_the_old_name_gets_the_new_one():
    from pathway.scenarios import Scenario

    raw = {
        "id": "x",
        "title": "t",
        "narrative": "n",
        "child": {"age_years": 3},
        "answers": {"indicators": ["additional.lack_routine"]},
        "model": {"level": Level.ADDITIONAL},
        "teaching": {"why": "w", "pages": "1", "common_mistake": "c"},
    }
    scenario = Scenario.model_validate(raw)
    assert scenario.model.required == scenario.answers.indicators == scenario.case().indicators == ["additional.lack_routine"]
