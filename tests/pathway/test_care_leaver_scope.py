"""Whether a care-leaver need was given, as the contract's checks read it (pathway/checks.py): it
opens ages 20-25 to the care-leaver needs only, and turns another need at those ages into the
adult-care-leaver refusal. A grid of ages, parents' ages and answers against the catalogue's own
statement of it (the `age` block and `Catalogue.admits`), held before and after the check was
computed once instead of twice (session 8)."""

from __future__ import annotations

import itertools

import pytest

from pathway.catalogue import load_catalogue
from pathway.checks import resolve_indicators
from pathway.models import Case, CaseError

CL = "extensive.pregnant_care_leavers"
OTHER = "additional.lack_routine"
ANSWERS = [[], [CL], [CL, CL], [OTHER], [CL, OTHER], [OTHER, CL], [CL, "unknown.need"], [OTHER, OTHER, CL]]


def _expected(years: int, parent: int | None, answers: list[str]) -> set[tuple[str, str]]:
    catalogue, scope = load_catalogue(), load_catalogue().age
    months, parent_months = years * 12, None if parent is None else parent * 12
    given = any(catalogue.has_indicator(i) and i == CL and catalogue.admits(i, False, months, parent_months) for i in answers)
    out, seen = set(), set()
    for n, iid in enumerate(answers):
        if iid in seen:
            continue
        if not catalogue.has_indicator(iid):
            out.add((f"indicators[{n}]", "unknown"))
        elif not catalogue.admits(iid, False, months, parent_months):
            band = catalogue.band(catalogue.indicator(iid).age_band) if catalogue.indicator(iid).age_band else None
            if band and not band.admits(False, months, parent_months):
                out.add((f"indicators[{n}]", "band"))
            elif given:
                out.add((f"indicators[{n}]", "adult care leaver"))
            continue
        seen.add(iid)
    if years > scope.max_years and not (given and years <= scope.care_leaver_max_years):
        out.add(("child.age_years", "scope"))
    return out


def _got(years: int, parent: int | None, answers: list[str]) -> set[tuple[str, str]]:
    case = Case.parse({"child": {"age_years": years}, "parent": {} if parent is None else {"age_years": parent}, "indicators": answers})
    try:
        resolve_indicators(case, load_catalogue())
    except CaseError as err:
        kinds = set()
        for e in err.errors:
            if e.field == "parent.age_years":  # the parent's own age against the child's (_parent_age): not this check's
                continue
            if e.field == "child.age_years":
                kinds.add((e.field, "scope"))
            elif "unknown indicator" in e.message:
                kinds.add((e.field, "unknown"))
            elif "covered only by the care-leaver needs" in e.message:
                kinds.add((e.field, "adult care leaver"))
            elif "applies only to" in e.message or "describes a young parent" in e.message:
                kinds.add((e.field, "band"))
            else:
                kinds.add((e.field, e.message))
        return kinds
    return set()


@pytest.mark.parametrize("years,parent", list(itertools.product([15, 16, 19, 20, 22, 25, 26, 30], [None, 17, 30])))
def test_a_care_leaver_need_given_opens_the_ages_to_25_for_the_care_leaver_needs_only(years, parent):
    for answers in ANSWERS:
        assert _got(years, parent, answers) == _expected(years, parent, answers), answers


def test_the_grid_reaches_every_outcome():
    """Not a grid that passes by saying nothing: each kind of refusal, and acceptance, occurs."""
    seen = {kind for y, p in itertools.product([15, 16, 19, 20, 22, 25, 26, 30], [None, 17, 30]) for a in ANSWERS for _f, kind in _expected(y, p, a)}
    assert seen == {"unknown", "band", "adult care leaver", "scope"}
    assert _expected(22, None, [CL]) == set() and _expected(22, 30, [CL]) == {("indicators[0]", "band"), ("child.age_years", "scope")}
