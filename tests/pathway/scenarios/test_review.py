"""The reviewer's checks: line citations against the vendored document, needs a narrative names
that the model answer ignores, and also-acceptable indicators that would change the answer."""

from __future__ import annotations

from pathlib import Path

import yaml

from pathway.document import pages_of_line
from pathway.scenarios import loads
from pathway.scenarios.review import citation_problems, named_pages, unlisted_needs
from training.runner import run

DOCUMENT = (Path(__file__).resolve().parents[3] / "tests" / "data" / "threshold_document.txt").read_text(encoding="utf-8").splitlines()
ATTENDANCE = "additional.poor_school_attendance_exclusion"


def scenario(data: dict):
    [one] = loads(yaml.safe_dump(data))
    return one


def with_cites(scenario_dict, cites):
    scenario_dict["teaching"]["cites"] = cites
    return scenario(scenario_dict)


def test_the_line_that_prints_an_indicator_passes(scenario_dict):
    line = next(n for n, text in enumerate(DOCUMENT, 1) if "Poor school attendance / exclusion" in text)
    assert citation_problems(with_cites(scenario_dict, [{"lines": str(line), "indicator": ATTENDANCE}]), DOCUMENT) == []


def test_a_line_that_does_not_print_it_fails_naming_the_missing_words(scenario_dict):
    [problem] = citation_problems(with_cites(scenario_dict, [{"lines": "1", "indicator": ATTENDANCE}]), DOCUMENT)
    assert "lines 1 do not hold" in problem and "attendance" in problem


def test_a_range_past_the_end_fails(scenario_dict):
    cites = [{"lines": f"{len(DOCUMENT)}-{len(DOCUMENT) + 1}", "says": "anything"}]
    problems = citation_problems(with_cites(scenario_dict, cites), DOCUMENT)
    assert any("are not in the document" in p for p in problems)


def test_quoted_words_are_checked(scenario_dict):
    line = next(n for n, text in enumerate(DOCUMENT, 1) if "out of hours only" in text)
    ok = [{"lines": str(line), "says": "out of hours only"}, {"lines": "1", "indicator": ATTENDANCE}]
    assert not any("out of hours" in p for p in citation_problems(with_cites(scenario_dict, ok), DOCUMENT))
    bad = [{"lines": str(line), "says": "within 24 hours"}]
    assert any("do not hold ['within', '24']" in p for p in citation_problems(with_cites(scenario_dict, bad), DOCUMENT))


def test_a_required_indicator_without_a_cite_is_reported(scenario_dict):
    assert citation_problems(scenario(scenario_dict), DOCUMENT) == [f"required indicator {ATTENDANCE} has no line citation"]


def test_a_need_the_narrative_names_must_be_in_a_list(scenario_dict):
    scenario_dict["narrative"] = "Sam, 8, is often late for school and has bruises on his arms."
    [flag] = unlisted_needs(scenario(scenario_dict))
    assert "immediate.unexplained_injuries" in flag.indicators
    scenario_dict["model"]["ruled_out"] = ["immediate.unexplained_injuries"]
    assert unlisted_needs(scenario(scenario_dict)) == []


def test_self_harm_is_not_harm_by_another(scenario_dict):
    scenario_dict["narrative"] = "Sam, 14, has self-harmed twice this term."
    assert all("immediate.significant_harm" not in u.indicators for u in unlisted_needs(scenario(scenario_dict)))


def test_an_also_acceptable_indicator_that_changes_the_level_is_a_difference(scenario_dict):
    scenario_dict["model"]["also_acceptable"] = ["protection.frozen_watchfulness"]
    [result] = run([scenario(scenario_dict)])
    assert not result.match
    assert result.differences == ["also_acceptable: with them the rules say protection, without them additional"]


def line_of(words: str) -> int:
    return next(n for n, text in enumerate(DOCUMENT, 1) if words in text)


def test_a_line_s_pages_are_its_section_s():
    assert list(pages_of_line(line_of("Poor school attendance / exclusion"), DOCUMENT)) == [13]
    assert list(pages_of_line(line_of("when day service teams and social workers are not available"), DOCUMENT)) == [23]
    assert list(pages_of_line(line_of("SHARP resource pack"), DOCUMENT)) == list(range(25, 37))
    assert list(pages_of_line(line_of("Thresholds/levels of support"), DOCUMENT)) == []  # the contents list


def test_a_cite_on_a_page_the_teaching_does_not_name_is_reported(scenario_dict):
    cite = [{"lines": str(line_of("Poor school attendance / exclusion")), "indicator": ATTENDANCE}]
    scenario_dict["teaching"]["pages"] = "9"
    [problem] = citation_problems(with_cites(scenario_dict, cite), DOCUMENT)
    assert "are on p13, which teaching.pages ('9') does not name" in problem
    scenario_dict["teaching"]["pages"] = "9, 13-14 (Additional)"
    assert citation_problems(with_cites(scenario_dict, cite), DOCUMENT) == []


def test_named_pages_reads_numbers_and_ranges():
    assert named_pages("9, 13-14, Appendix 2 (25-36)") == {9, 13, 14, *range(25, 37)}  # "Appendix 2" names no page 2


def test_a_page_the_teaching_mentions_must_be_in_its_pages(scenario_dict):
    cite = [{"lines": str(line_of("Poor school attendance / exclusion")), "indicator": ATTENDANCE}]
    scenario_dict["teaching"]["pages"] = "13-14"
    scenario_dict["teaching"]["why"] = "Poor attendance is Additional (p13-14); out of hours ring the Emergency Duty Team (p 23)."
    assert citation_problems(with_cites(scenario_dict, cite), DOCUMENT) == ["the teaching says p23, which teaching.pages ('13-14') does not name"]
