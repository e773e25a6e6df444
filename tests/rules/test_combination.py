"""The combination rule: the project's reading of 'a range of increasing problems' (p4, p15)."""

from __future__ import annotations

import pytest

from rules import evaluate
from tests.conftest import make_case

CHILD = ["additional.experiencing_bullying", "additional.low_self_esteem", "additional.lack_confidence_self_learner"]
PARENT = ["additional.lack_routine", "additional.inconsistent_parenting"]
FAMILY = ["additional.family_socially_isolated_excluded"]


@pytest.fixture
def params(catalogue):
    return catalogue.interpretations.combination


def test_the_parameters_are_the_reviewed_ones(params):
    assert (params.min_indicators, params.min_domains, params.raises_to) == (4, 2, "extensive")


def test_four_additional_needs_across_two_domains_suggest_extensive_and_say_it_is_a_combination():
    d = evaluate(make_case(CHILD[:2] + PARENT))
    assert d.level == "extensive"
    reason = d.reasons[0]
    assert reason.rule == "combination.additional_range" and reason.interpretation is True
    assert "Combination rule (this project's interpretation)" in reason.explanation
    assert sorted(reason.indicators) == sorted(CHILD[:2] + PARENT)


def test_many_needs_in_one_domain_are_not_a_range_across_the_family():
    assert evaluate(make_case(CHILD + ["additional.poor_sense_self"])).level == "additional"


def test_three_needs_across_three_domains_are_below_the_count():
    assert evaluate(make_case(CHILD[:1] + PARENT[:1] + FAMILY)).level == "additional"


def test_a_combination_with_a_caf_not_improving_is_child_in_need_and_flagged_as_interpretation():
    d = evaluate(make_case(CHILD[:2] + PARENT, caf="open_not_improving"))
    assert d.level == "child_in_need"
    cin = next(r for r in d.reasons if r.level == "child_in_need")
    assert cin.rule == "child_in_need.caf_not_improving" and cin.interpretation is True


def test_immediate_and_universal_indicators_do_not_count_towards_the_range():
    d = evaluate(make_case(CHILD[:1] + PARENT + ["universal.physically_well"]))
    assert d.level == "additional"


def test_a_twin_pair_counts_once_toward_the_combination_rule():
    # 'Young carers' is listed twice at Additional (two domains): one need, not two
    three_plus_twin = ["additional.young_carers_child", "additional.young_carers_family", "additional.experiencing_bullying", "additional.lack_routine"]
    assert evaluate(make_case(three_plus_twin)).level == "additional"
    four = three_plus_twin + ["additional.low_self_esteem"]
    assert evaluate(make_case(four)).level == "extensive"


def test_an_additional_need_whose_higher_twin_is_chosen_is_not_counted_again():
    ids = [
        "additional.suspected_domestic_violence",
        "extensive.suspected_domestic_violence",
        "additional.experiencing_bullying",
        "additional.lack_routine",
        "additional.low_self_esteem",
    ]
    d = evaluate(make_case(ids))
    assert not any(r.rule == "combination.additional_range" for r in d.reasons)


def test_a_need_counted_at_its_higher_twin_does_not_stop_the_others_being_counted():
    """Mutation run, 2026-12-01: skipping the rest of the count after the first need counted at its
    higher twin went unnoticed. Attachment (Additional and Extensive both chosen) is counted at
    Extensive; the four other additional needs across three domains still make a range."""
    others = ["additional.experiencing_bullying", "additional.lack_routine", "additional.low_self_esteem", "additional.stress_factors_poor_housing"]
    d = evaluate(make_case(["additional.attachment_issues", "extensive.attachment_issues", *others]))
    [combination] = [r for r in d.reasons if r.rule == "combination.additional_range"]
    assert sorted(combination.indicators) == others


def test_two_drafts_of_the_catalogue_in_one_process_each_decide_by_their_own_rules():
    """A ruleset is registered per catalogue, named by its content (rules.evaluate.ruleset_names):
    two drafts compared in one process (the owners' "effect of a rule change" page) must not share
    one. Mutation run, 2026-12-01: naming every draft alike went unnoticed, since no test had two."""
    import copy

    import yaml

    from pathway.catalogue import DATA_FILE, Catalogue

    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))

    def draft(min_indicators: int) -> Catalogue:
        changed = copy.deepcopy(data)
        changed["ruleset"]["version"] = f"draft-{min_indicators}"
        changed["interpretations"]["combination"]["min_indicators"] = min_indicators
        return Catalogue.model_validate(changed)

    three, five = draft(3), draft(5)
    case = make_case(CHILD[:2] + PARENT[:1])  # three additional needs across two domains
    assert evaluate(case, catalogue=three).level == "extensive"
    assert evaluate(case, catalogue=five).level == "additional"
    assert evaluate(case, catalogue=three).level == "extensive"
