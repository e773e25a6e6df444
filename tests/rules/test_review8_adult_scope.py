"""Review 8 (rules), F1: a young person past the children's ages (20 to 25, covered only as a care
leaver) reaches no level, team, contact, guidance line or what-if line that exists only for a child.

Review 7 F6 closed the tickable needs (only the care-leaver needs are admitted at 20-25). The context
answers stayed open: a CAF not improving and p4's judgement made a woman of 22 a Child in Need, her
disability routed and listed her to the Disabled Children's Team (0-19, p23), and the what-if offered
Child in Need at 25.

The oracles are the document's own words (tests/data/threshold_document.txt): its ages ("From
pre-birth to 19 years", p25; the Disabled Children's Team's "0-19 years", p23; care leavers "25yrs",
p15-16) and its definitions of the two social-care levels as a child's (p4).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from pathway import Case, CaseError
from rules import evaluate
from rules.what_if import nearby
from tests.conftest import IN_HOURS

DOCUMENT = " ".join((Path(__file__).parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
CARE_LEAVER = "extensive.pregnant_care_leavers"
DCT_PHONE = "0115 883 8266"

# the document's own ages, read from its words (not from the catalogue)
CHILDREN_TO = int(re.search(r"From pre-birth to (\d+) years", DOCUMENT).group(1))  # p25
DCT_TO = int(re.search(r"children and young people between 0-(\d+) years who have a permanent and substantial disability", DOCUMENT).group(1))  # p23
CARE_LEAVERS_TO = int(
    re.search(r"Pregnant care-leavers where concerns exist about lifestyle and ability to provide suitable care \(\*?(\d+)yrs", DOCUMENT).group(1)
)
ADULT_YEARS = [CHILDREN_TO + 1, 22, CARE_LEAVERS_TO]  # 20, 22, 25

# the social-care levels are a child's (p4): "A child is deemed as 'in need' ..."; "Children who are suffering ..."
CHILDRENS_LEVELS = {"child_in_need", "protection"}
assert "A child is deemed as 'in need' if they are disabled or unlikely to achieve a reasonable standard of health or development" in DOCUMENT
assert "Children who are suffering or likely to suffer significant harm" in DOCUMENT

# the answers that reach a child's level or a child's team whatever else is said: a CAF not improving
# (referred as a Child in Need, p15-16), p4's test, supported now at a child's social-care level, and a
# child already open to Children's Social Care (its allocated social worker, Appendix 3, p37)
CHILD_ONLY = [
    ("caf", "open_not_improving"),
    ("health_development_impaired_without_services", True),
    ("current_level", "child_in_need"),
    ("current_level", "protection"),
    ("open_to_social_care", True),
]


def case(child, indicators=(CARE_LEAVER,), parent_years=None, **context):
    body = {"child": child, "indicators": list(indicators), "context": {"contact_time": IN_HOURS, **context}}
    if parent_years is not None:
        body["parent"] = {"age_years": parent_years}
    return Case.parse(body)


def test_the_documents_ages_are_what_the_tests_read():
    assert (CHILDREN_TO, DCT_TO, CARE_LEAVERS_TO) == (19, 19, 25)


@pytest.mark.parametrize("years", ADULT_YEARS)
@pytest.mark.parametrize("field, value", CHILD_ONLY)
def test_a_child_only_answer_for_a_care_leaver_of_20_to_25_is_refused_naming_it_with_the_unborn_hint(years, field, value):
    """Review 8 f1a-f1c: a CAF not improving or p4's judgement made a woman of 22 a Child in Need."""
    with pytest.raises(CaseError) as err:
        evaluate(case({"age_years": years}, **{field: value}))
    [e] = err.value.errors
    assert e.field == f"context.{field}"
    assert str(years) in e.message and "child.unborn" in e.message and "parent.age_years" in e.message
    assert re.search(r"p\d", e.message)  # cites the page the answer belongs to


@pytest.mark.parametrize("field, value", CHILD_ONLY)
def test_the_same_answer_for_the_unborn_baby_of_a_care_leaver_of_22_is_decided(field, value):
    """The hint leads somewhere: the baby is the child the answer is about, and is decided on it."""
    d = evaluate(case({"unborn": True}, parent_years=22, **{field: value}))
    assert d.level in ("extensive", *CHILDRENS_LEVELS)


@pytest.mark.parametrize(
    "field, value, level", [("caf", "open_not_improving", "child_in_need"), ("health_development_impaired_without_services", True, "child_in_need")]
)
def test_a_child_in_need_escalation_for_the_unborn_baby_of_a_care_leaver_is_still_made(field, value, level):
    """Nothing is under-called: the escalation the adult is refused is made for the baby (p4, p15-16)."""
    assert evaluate(case({"unborn": True}, parent_years=22, **{field: value})).level == level


@pytest.mark.parametrize("field, value", CHILD_ONLY)
def test_at_19_years_11_months_the_answers_keep_their_reading(field, value):
    """p25 "to 19" and p23 "0-19" are read to the 20th birthday (review 8, noted): unchanged."""
    evaluate(case({"age_years": CHILDREN_TO, "age_months": 11}, **{field: value}))


def test_at_19_years_11_months_a_caf_not_improving_is_still_a_child_in_need_to_the_disabled_childrens_team():
    d = evaluate(case({"age_years": 19, "age_months": 11}, disability="substantial_lifelong", caf="open_not_improving"))
    assert d.level == "child_in_need" and d.contacts[0].phone == DCT_PHONE


def _said(d) -> str:
    return d.model_dump_json()


@pytest.mark.parametrize("years", ADULT_YEARS)
@pytest.mark.parametrize("disability", ["substantial_lifelong", "uncertain", "mild_moderate"])
@pytest.mark.parametrize("sibling_group", [None, True, False])
def test_a_care_leavers_disability_reaches_no_disabled_childrens_team_and_is_said_why(years, disability, sibling_group):
    """Review 8 f1f: the Disabled Children's Team (0-19, p23) was listed for a young woman of 21."""
    context = {"disability": disability} | ({} if sibling_group is None else {"large_sibling_group": sibling_group})
    d = evaluate(case({"age_years": years}, **context))
    assert d.level == "extensive"
    assert DCT_PHONE not in _said(d) and all(c.id != "disabled_childrens_team" for c in d.contacts)
    assert not [g for g in d.guidance if g.rule.startswith("disabled_children.")]
    [prompt] = [g for g in d.guidance if g.rule == "age.disability_not_routed"]
    assert f"0-{DCT_TO}" in prompt.text and "p23" in prompt.text and "unborn" in prompt.text and "reading" in prompt.text


def test_no_disability_prompt_where_no_disability_is_said():
    for context in ({}, {"disability": "none"}):
        assert not [g for g in evaluate(case({"age_years": 22}, **context)).guidance if g.rule == "age.disability_not_routed"]


def test_at_19_years_11_months_the_disabled_childrens_team_is_still_listed():
    d = evaluate(case({"age_years": 19, "age_months": 11}, disability="substantial_lifelong"))
    assert any(c.id == "disabled_childrens_team" for c in d.contacts)
    assert not [g for g in d.guidance if g.rule == "age.disability_not_routed"]


@pytest.mark.parametrize("years", ADULT_YEARS)
def test_the_extensive_escalation_line_is_said_of_the_unborn_baby_not_the_young_person(years):
    """The level's action "If the CAF is not improving outcomes, or the child is unlikely to achieve a
    reasonable standard ... (a possible Child in Need), refer ..." is a child's escalation (p4, p15-16)."""
    d = evaluate(case({"age_years": years}))
    assert not [a for a in d.actions if a.startswith("If the CAF is not improving outcomes, or the child")]
    [line] = [a for a in d.actions if "Child in Need" in a]
    assert "unborn baby" in line and "p4" in line


def test_the_escalation_line_is_unchanged_at_19_years_11_months():
    d = evaluate(case({"age_years": 19, "age_months": 11}))
    assert [a for a in d.actions if a.startswith("If the CAF is not improving outcomes, or the child is unlikely")]


@pytest.mark.parametrize("years", ADULT_YEARS)
@pytest.mark.parametrize(
    "answers",
    [{}, {"caf": "open_improving"}, {"caf": "none"}, {"disability": "substantial_lifelong"}, {"current_level": "extensive"}, {"current_level": "additional"}],
)
def test_the_what_if_offers_no_childs_level_to_a_care_leaver_of_20_to_25(years, answers):
    """Review 8 f1d: "A CAF open and not improving outcomes -> Child in Need" for a woman of 25."""
    c = case({"age_years": years}, **answers)
    w = nearby(c, evaluate(c))
    assert not [x for x in w.up + w.down if x.level.value in CHILDRENS_LEVELS]
    for change in w.up + w.down:  # every line listed is a case the tool accepts
        evaluate(change.apply(c))


# every context answer a case can give (pathway.models.Context), each of its values
CONTEXT_VALUES = {
    "caf": [None, "none", "open_improving", "open_not_improving"],
    "disability": [None, "none", "mild_moderate", "substantial_lifelong", "uncertain"],
    "large_sibling_group": [None, True, False],
    "current_level": [None, "universal", "additional", "extensive", "child_in_need", "protection"],
    "open_to_social_care": [None, True, False],
    "health_development_impaired_without_services": [None, True, False],
    "consent_to_early_help": [None, True, False],
    "caller": [None, "professional", "parent_carer", "public"],
}


def test_the_sweep_covers_every_context_field():
    from pathway.models import Context

    assert set(CONTEXT_VALUES) == set(Context.model_fields) - {"contact_time"}


@pytest.mark.parametrize("years", [CHILDREN_TO + 1, CARE_LEAVERS_TO])
@pytest.mark.parametrize("out_of_hours", [False, True])
def test_every_context_answer_for_a_care_leaver_is_refused_naming_it_or_reaches_nothing_only_for_children(years, out_of_hours):
    """Each field through each of its values, two at a time (every pair of fields, every pair of values):
    refused naming a field of the answers given, or decided below the social-care levels with no
    Disabled Children's Team, in the route, the contacts, the actions, the guidance."""
    moment = "2027-01-12T22:00:00+00:00" if out_of_hours else IN_HOURS
    fields = list(CONTEXT_VALUES)
    seen = 0
    for a, b in itertools.combinations(fields, 2):
        for va, vb in itertools.product(CONTEXT_VALUES[a], CONTEXT_VALUES[b]):
            context = {k: v for k, v in ((a, va), (b, vb)) if v is not None}
            try:
                d = evaluate(Case.parse({"child": {"age_years": years}, "indicators": [CARE_LEAVER], "context": {**context, "contact_time": moment}}))
            except CaseError as err:
                assert {e.field for e in err.errors} <= {f"context.{k}" for k in context}, (context, err)
                continue
            seen += 1
            assert d.level.value not in CHILDRENS_LEVELS and not d.immediate, context
            assert DCT_PHONE not in _said(d) and "Disabled Children" not in d.route.team, context
            assert not [g for g in d.guidance if g.rule.startswith("disabled_children.")], context
    assert seen > 250


def test_the_catalogues_child_only_answers_are_answers_the_contract_takes(catalogue):
    """Each entry names a context field and values the contract accepts (a misspelt one would never refuse)."""
    import json

    from pathway.models import Context

    entries = catalogue.age.child_only_answers.answers
    assert {(e.field, v) for e in entries for v in e.values} == set(CHILD_ONLY)
    for e in entries:
        assert e.field in Context.model_fields
        for v in e.values:
            Context.model_validate_json(json.dumps({e.field: v}))


@pytest.mark.parametrize("years", ADULT_YEARS)
def test_consent_refused_at_extensive_points_a_care_leaver_to_the_babys_protection_needs(catalogue, years):
    """The Extensive consent guidance names two Protection needs (p17) to consider next: for a young
    person of 20 to 25 the tool refuses them (review 7 F6), so the guidance names them for the unborn baby,
    who may have them."""
    d = evaluate(case({"age_years": years}, consent_to_early_help=False))
    [g] = [g for g in d.guidance if g.rule == "consent.refused_extensive"]
    assert "unborn baby" in g.text
    quoted = [i for i in catalogue.indicators if i.level.value == "protection" and f"'{i.text}'" in g.text]
    assert quoted and all(catalogue.admits(i, True, None) and not catalogue.admits(i, False, years * 12) for i in quoted)


def test_consent_refused_at_extensive_is_unchanged_at_19_years_11_months():
    d = evaluate(case({"age_years": 19, "age_months": 11}, consent_to_early_help=False))
    [g] = [g for g in d.guidance if g.rule == "consent.refused_extensive"]
    assert "unborn baby" not in g.text


# Review 8 recheck, R2: a care leaver of 20 to 25 refused a need must be told how to give it for her
# unborn baby (p9's "serious concerns regarding the risk of significant harm to an unborn baby" was refused
# with no way in). Every need, at each adult age, beside the care-leaver need: each refusal names the way.
DESCRIBE_THE_BABY = ("child.unborn: true", "parent.age_years")


@pytest.mark.parametrize("years", ADULT_YEARS)
def test_every_need_refused_at_20_to_25_says_how_to_describe_the_unborn_baby(catalogue, years):
    refused = 0
    for indicator in catalogue.indicators:
        if indicator.id == CARE_LEAVER:
            continue
        try:
            evaluate(Case.parse({"child": {"age_years": years}, "indicators": [CARE_LEAVER, indicator.id], "context": {"contact_time": IN_HOURS}}))
        except CaseError as err:
            for e in err.errors:
                refused += 1
                assert all(w in e.message for w in DESCRIBE_THE_BABY), (indicator.id, e.field, e.message)
                assert "a child unborn" not in e.message, e.message
    assert refused > 100  # nearly every need is a child's at 20-25


def test_the_unborn_criterion_for_a_born_young_person_says_how_to_describe_the_baby():
    """A pregnant 16-year-old giving p9's unborn-baby criterion for herself is refused with the same way in."""
    with pytest.raises(CaseError) as err:
        evaluate(Case.parse({"child": {"age_years": 16}, "indicators": ["immediate.unborn_significant_harm"], "context": {"contact_time": IN_HOURS}}))
    [e] = err.value.errors
    assert all(w in e.message for w in DESCRIBE_THE_BABY) and "applies only to an unborn baby" in e.message, e.message


# Review 8 recheck, R3: at 20 to 25 every action and guidance line that speaks of "the child" is said of
# the unborn baby (the child the concern is about, p15-16; Child in Need is a child's level, p4). Found by
# enumeration: every pair of context answers, in and out of hours, at 20 and 25.
THE_CHILD = re.compile(r"\bthe child\b")  # lower case: not "Team around the Child", the CAF's name for it


@pytest.mark.parametrize("years", [CHILDREN_TO + 1, CARE_LEAVERS_TO])
def test_every_line_about_the_child_at_20_to_25_is_said_of_the_unborn_baby(years):
    lines: dict[str, dict] = {}
    for moment in (IN_HOURS, "2027-01-12T22:00:00+00:00"):
        for a, b in itertools.combinations(list(CONTEXT_VALUES), 2):
            for va, vb in itertools.product(CONTEXT_VALUES[a], CONTEXT_VALUES[b]):
                context = {k: v for k, v in ((a, va), (b, vb)) if v is not None}
                try:
                    d = evaluate(Case.parse({"child": {"age_years": years}, "indicators": [CARE_LEAVER], "context": {**context, "contact_time": moment}}))
                except CaseError:
                    continue
                for line in [*d.actions, *(g.text for g in d.guidance)]:
                    lines.setdefault(line, context)
    about_the_child = {line: context for line, context in lines.items() if THE_CHILD.search(line)}
    assert about_the_child  # the sweep reaches the lines it is about
    for line, context in about_the_child.items():
        assert "unborn baby" in line, (context, line)


@pytest.mark.parametrize("years", ADULT_YEARS)
def test_consent_refused_for_a_care_leaver_weighs_the_unborn_babys_needs(years):
    d = evaluate(case({"age_years": years}, consent_to_early_help=False))
    [g] = [g for g in d.guidance if g.rule == "consent.refused_early_help"]
    [a] = [a for a in d.actions if "does not consent to early help" in a]
    for line in (g.text, a):
        assert "unborn baby" in line and "the child's needs" not in line, line


def test_consent_refused_for_early_help_is_unchanged_at_19_years_11_months():
    d = evaluate(case({"age_years": 19, "age_months": 11}, consent_to_early_help=False))
    [g] = [g for g in d.guidance if g.rule == "consent.refused_early_help"]
    assert "the child's needs will escalate" in g.text and "unborn baby" not in g.text


# Past 25 the pathway does not cover the young person at all (p15-16's "(25yrs)", the document's last age):
# the age is refused, and nothing more is said about the answers, which are not read at any age past 25
# (mutation testing of review 8: the bound of the child-only answers moved past 26 went unnoticed).
@pytest.mark.parametrize("field, value", CHILD_ONLY)
@pytest.mark.parametrize("years", [CARE_LEAVERS_TO, CARE_LEAVERS_TO + 1])
def test_past_25_only_the_age_is_refused_not_the_answers_too(years, field, value):
    with pytest.raises(CaseError) as err:
        evaluate(case({"age_years": years}, **{field: value}))
    fields = [e.field for e in err.value.errors]
    if years > CARE_LEAVERS_TO:  # the age (and the care-leaver need, whose band ends at 25): no answer named
        assert "child.age_years" in fields and not [f for f in fields if f.startswith("context.")], fields
    else:
        assert fields == [f"context.{field}"], fields


@pytest.mark.parametrize("field, value", CHILD_ONLY)
def test_a_child_only_answer_refused_says_the_answer_given(field, value):
    """The refusal quotes the answer as it was given (`true`, `'open_not_improving'`), so the person
    sees which of their answers is not read."""
    with pytest.raises(CaseError) as err:
        evaluate(case({"age_years": 22}, **{field: value}))
    [e] = err.value.errors
    given = "true" if value is True else repr(value)
    assert e.message.startswith(f"is {given}: "), e.message


# The Extensive consent line is for consent refused at Extensive only (p7; p17's two Protection needs to
# consider next), and its care leaver's words for a young person of 20 to 25 only (rule-condition mutation
# testing of review 8: the care leaver's rule or-ed apart gave "consider ... the unborn baby" to every
# refusal of consent, or to a care leaver who had not refused, unnoticed).
@pytest.mark.parametrize("consent", [None, True, False])
def test_the_extensive_consent_line_needs_consent_refused_and_extensive_and_its_baby_words_a_care_leaver(consent):
    given = {} if consent is None else {"consent_to_early_help": consent}
    adult = evaluate(case({"age_years": 22}, **given))
    assert adult.level == "extensive"
    assert bool([g for g in adult.guidance if g.rule == "consent.refused_extensive"]) == (consent is False)
    for needs, level in (
        (["additional.lack_routine"], "additional"),
        (["extensive.presents_being_neglected_persistent"], "extensive"),
        (["protection.persistent_domestic_abuse"], "protection"),
    ):
        d = evaluate(case({"age_years": 8}, indicators=needs, **given))
        assert d.level == level
        lines = [g for g in d.guidance if g.rule == "consent.refused_extensive"]
        assert bool(lines) == (consent is False and level == "extensive"), (level, consent, lines)
        # the one-child item names p9's unborn-baby criterion on every decision (review 14, K1): not the care leaver's words
        assert not [g for g in d.guidance if "unborn baby" in g.text and g.rule != "scope.one_child"], (level, consent)
