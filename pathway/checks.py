"""Checks of a parsed case against the catalogue: every indicator known, every age band met.

Refusing an out-of-band indicator (rather than ignoring it) makes a wrongly entered age or a
wrongly chosen indicator visible to the person, who knows the child.
"""

from __future__ import annotations

from typing import Optional

from pathway.catalogue import Catalogue, ChildOnlyAnswer, Indicator, years_months
from pathway.models import Case, CaseError, FieldError


def resolve_indicators(case: Case, catalogue: Catalogue, admitted: Optional[dict[str, bool]] = None) -> list[Indicator]:
    """The case's indicators, de-duplicated and in catalogue-independent (sorted) order.

    `admitted`: for a caller checking many cases of one child and parent (rules.evaluate.decide_levels,
    the what-if list's nearby cases), `Catalogue.admits` answers for that child's and parent's ages,
    filled here as asked and shared between those cases; the caller drops it after its call."""
    errors: list[FieldError] = []
    chosen: dict[str, Indicator] = {}
    unborn, months, parent_months = case.child.unborn, case.child.age_in_months, case.parent.age_in_months  # once, not per answer
    scope = catalogue.age
    # a care-leaver need given and admitted: known before the loop, for the refusal of another need at
    # 20-25; the same as "one is among the chosen" (chosen = known and admitted), which _age_scope reads.
    # Asked only past the children's ages, the one age where it is read (the loop's in_scope refusal and
    # _age_scope's years above max_years are both that age): below it, every answer's age question is
    # asked once, in the loop (issue 17)
    care_leaver_given = catalogue.beyond_childhood(months) and any(
        catalogue.has_indicator(i) and catalogue.indicator(i).age_band in scope.care_leaver_bands and catalogue.admits(i, unborn, months, parent_months)
        for i in case.indicators
    )
    parent_errors = _parent_age(case, catalogue)
    # the under-13 pointer (age_entailments) is said once: by the parent's age refused, else by the first
    # young parent's need refused (left13: each said it)
    pointed = bool(parent_errors)
    for position, indicator_id in enumerate(case.indicators):
        if indicator_id in chosen:  # the same answer twice: checked once
            continue
        if not catalogue.has_indicator(indicator_id):
            errors.append(FieldError(field=f"indicators[{position}]", message=f"unknown indicator {indicator_id!r}"))
            continue
        indicator = catalogue.indicator(indicator_id)
        ok = None if admitted is None else admitted.get(indicator_id)
        if ok is None:
            ok = catalogue.admits(indicator, unborn, months, parent_months)
            if admitted is not None:
                admitted[indicator_id] = ok
        if not ok:
            band = catalogue.band(indicator.age_band) if indicator.age_band else None
            field = f"indicators[{position}]"
            if band and not band.admits(unborn, months, parent_months):
                errors.append(FieldError(field=field, message=_out_of_band(indicator_id, band, case, catalogue, pointer=not pointed)))
                pointed = pointed or band.subject == "parent"
            elif not catalogue.in_scope(indicator, months):
                if care_leaver_given:  # else the age itself is refused (_age_scope)
                    message = catalogue.age.adult_care_leaver.format(indicator=indicator_id, years=case.child.age_years, scope=catalogue.age.scope)
                    errors.append(FieldError(field=field, message=message))
            else:
                errors.append(FieldError(field=field, message=_below_meaning(indicator_id, catalogue, case)))
            continue
        chosen[indicator_id] = indicator
    errors += _age_scope(case, care_leaver_given, catalogue)
    errors += _child_only_answers(case, catalogue)
    errors += parent_errors
    errors += _contradictions(case, chosen, catalogue)
    if errors:
        raise CaseError(errors)
    return [chosen[i] for i in sorted(chosen)]


def resolve_changed(
    case: Case, resolved: list[Indicator], add: tuple[str, ...], remove: tuple[str, ...], catalogue: Catalogue, admitted: dict[str, bool]
) -> Optional[list[Indicator]]:
    """`resolve_indicators` of the case with the answers `remove` taken out and `add` put in (as the what-if
    list's `Change.apply` makes a nearby case: the child, parent and context unchanged), for a case whose own
    `resolve_indicators` gave `resolved` (it refused nothing); None where it would refuse (the refusal's words
    are not worked out). Only what one answer more or fewer can change is asked again (issue 17): whether an
    added need is known and admitted for the child's and parent's ages (`admitted`, as `resolve_indicators`
    shares it), the ages past the children's (`_age_scope`, which reads whether a care-leaver need is given),
    and a need stating a disability the answer denies (`disability_clashes`). The parent's age, the answers
    that exist only for a child and the open-case contradiction read no indicator: the case passed them."""
    given = set(case.indicators)
    chosen = {i.id: i for i in resolved if i.id not in remove}
    unborn, months, parent_months = case.child.unborn, case.child.age_in_months, case.parent.age_in_months
    for indicator_id in add:
        if indicator_id in given or indicator_id in chosen:  # `Change.apply` adds only an answer not given
            continue
        if not catalogue.has_indicator(indicator_id):
            return None
        indicator = catalogue.indicator(indicator_id)
        ok = admitted.get(indicator_id)
        if ok is None:
            ok = admitted[indicator_id] = catalogue.admits(indicator, unborn, months, parent_months)
        if not ok:  # every answer not admitted is refused, by its band, its scope or its meaningful age
            return None
        chosen[indicator_id] = indicator
    if catalogue.beyond_childhood(months):
        # past the children's ages every need admitted is a care leaver's (`Catalogue.in_scope`)
        care_leaver_given = any(i.age_band in catalogue.age.care_leaver_bands for i in chosen.values())
        if _age_scope(case, care_leaver_given, catalogue):
            return None
    if disability_clashes(catalogue, case.context.disability, chosen):
        return None
    return [chosen[i] for i in sorted(chosen)]


def _out_of_band(indicator_id: str, band, case: Case, catalogue: Catalogue, pointer: bool = True) -> str:
    """A need outside its age band, with what describes the concern instead. Past the children's ages
    (20 to 25, a care leaver) that is the way in for the unborn baby: a band's own `outside` names
    children's needs, refused at that age too (review 8 recheck, R2). `pointer`: whether a parent's
    band says the under-13 pointer (False where another refusal of the case already says it)."""
    adult = catalogue.beyond_childhood(case.child.age_in_months) and not case.child.unborn
    if band.subject == "parent":
        parent_months = case.parent.age_in_months
        if parent_months is not None:
            # the parent's age is given: name what fits it, never ask for it again (review 11, H4)
            who, hints = f"the parent is {case.parent.age_years} years", band.parent_hints(parent_months)
        else:
            who, hints = f"this child is {case.child.describe()}", ["If the assessment is about the baby, give the parent's age as parent.age_years"]
        return (
            f"{indicator_id!r} describes a young parent {band.label} (band {band.id!r}, {band.source.cite()}); {who}"
            + "".join(f". {p}" for p in (_pointers_for_parent(case, catalogue) if pointer else []) + hints)  # the safety pointer first
            + (f". {catalogue.age.describe_the_baby}" if adult else "")
        )
    whom = f"an {band.label}" if band.unborn == "only" else f"a child {band.label}"
    message = f"{indicator_id!r} applies only to {whom} (band {band.id!r}, {band.source.cite()}); this child is {case.child.describe()}"
    instead = catalogue.age.describe_the_baby if adult else band.outside_unborn if case.child.unborn else band.outside
    return f"{message}. {instead}" if instead else message


def why_not(catalogue: Catalogue, ind: Indicator, unborn: bool, months: Optional[int]) -> str:
    """Whom the need's words are for, as the reason an age does not fit it: the document's age band,
    the pathway's ages, or this tool's reading of the youngest child its words describe. Words for the
    journey's needs pages and the call screen alike (neither blueprint imports the other)."""
    floor = catalogue.floor(ind)
    if ind.age_band and not catalogue.band(ind.age_band).admits(unborn, months):
        band = catalogue.band(ind.age_band)
        if band.unborn == "only":  # "a child unborn baby" read badly (review 13 surfaces, X1's merge)
            return f"it is for an {band.label}"
        return f"it is for {'a parent' if band.subject == 'parent' else 'a child'} {band.label}"
    if not catalogue.in_scope(ind, months):
        return f"past {catalogue.age.max_years} the pathway covers a young person only for the care-leaver needs"
    if floor is not None and unborn:
        return "its words describe a child already born"
    if floor is not None:
        return f"its words describe a child of {floor.label} or older"
    return "it does not fit this age"  # pragma: no cover - admits() has no other reason


def _pointers_for_parent(case: Case, catalogue: Catalogue) -> list[str]:
    """What applies instead to a parent of this age (catalogue `age_entailments`: a parent under 13)."""
    months = case.parent.age_in_months
    if months is None:
        return []
    return [e.pointer for e in catalogue.age_entailments if catalogue.band(e.subject_band).contains(months)]


def _below_meaning(indicator_id: str, catalogue: Catalogue, case: Case) -> str:
    floor = catalogue.floor(indicator_id)
    if floor is None:  # called only for an indicator below its floor
        raise ValueError(f"{indicator_id!r} has no meaningful-age floor")
    if case.child.unborn:
        who, instead = "an unborn baby", floor.outside_unborn
    elif floor.too_old(case.child.age_in_months):  # review 9 G1: past the age the words describe
        who, instead = str(floor.older_label), floor.outside_older
    else:
        who, instead = f"a child under {floor.label}", floor.hint(case.child.age_in_months)
    message = (
        f"{indicator_id!r} has no meaning for {who} (meaningful_ages {floor.id!r}, this tool's reading: {floor.why}); this child is {case.child.describe()}"
    )
    return f"{message}. {instead}" if instead else message


def _age_scope(case: Case, care_leaver_given: bool, catalogue: Catalogue) -> list[FieldError]:
    """Pre-birth to 19; to 25 only for a care leaver (a care-leaver need given and admitted), and
    then only the care leaver's needs (the catalogue's `age` block; `Catalogue.in_scope` refuses the
    others, review 7 F6)."""
    years = case.child.age_years
    scope = catalogue.age
    if years is None or years <= scope.max_years:
        return []
    if care_leaver_given and years <= scope.care_leaver_max_years:
        return []
    return [
        FieldError(
            field="child.age_years",
            message=(
                f"is {years}: {scope.scope} ({scope.source.cite()}). "
                + ("Choose the care-leaver indicator if it applies." if years <= scope.care_leaver_max_years else "")
            ).strip(),
        )
    ]


def child_only_answers(catalogue: Catalogue, age_in_months: Optional[int], answers: dict) -> list[ChildOnlyAnswer]:
    """The answers given (context field -> value) that exist only for a child, for a young person past
    the children's ages (the catalogue's `age.child_only_answers`, review 8 F1); none below them. The
    journey's child page asks the same (webapp/journey/forms.py)."""
    if not catalogue.beyond_childhood(age_in_months) or age_in_months is None or age_in_months >= (catalogue.age.care_leaver_max_years + 1) * 12:
        return []  # over 25 the age itself is refused
    return catalogue.age.child_only_answers.given(answers)


def _child_only_answers(case: Case, catalogue: Catalogue) -> list[FieldError]:
    """A young person of 20 to 25 is covered only as a care leaver: an answer that would make them a
    Child in Need or an open child's case is refused, naming the field, with the hint to describe the
    unborn baby. Above 25 the age itself is refused (`_age_scope`): nothing more is said."""
    if not catalogue.beyond_childhood(case.child.age_in_months):
        return []  # child_only_answers asks nothing below the children's ages: the answers are not read
    years, scope = case.child.age_years, catalogue.age
    ctx = case.context
    answers = {name: getattr(ctx, name) for name in type(ctx).model_fields}
    words = scope.child_only_answers.refusal
    return [
        FieldError(
            field=f"context.{entry.field}",
            message=words.format(value=_said(answers[entry.field]), what=entry.what, years=years, scope=scope.scope),
        )
        for entry in child_only_answers(catalogue, case.child.age_in_months, answers)
    ]


def _said(value) -> str:
    """A context answer as the JSON carries it: true, 'open_not_improving'."""
    return str(value).lower() if isinstance(value, bool) else repr(getattr(value, "value", value))


def _parent_age(case: Case, catalogue: Catalogue) -> list[FieldError]:
    """`parent.age_years` is the young parent's, the parent of this child (review 7, F1): refused
    where it makes the parent too young to have had the child (the catalogue's `age.parent`, this
    tool's reading), naming the field and, for a parent under 13, what applies instead. A parent
    under 13, now or when the pregnancy began, is read by the age entailment whatever need is chosen."""
    years = case.parent.age_years
    if years is None:
        return []
    rule = catalogue.age.parent
    child = case.child.age_in_months  # None: unborn, or not given (the parent was at most their age now)
    at_birth = years * 12 + 11 - (child or 0)  # the parent at the birth, at most
    if at_birth >= rule.min_years_at_birth * 12:
        return []
    message = rule.impossible.format(
        parent=years,
        child="unborn" if case.child.unborn else f"of {case.child.describe()}" if child is not None else "of any age",
        at_birth=years_months(max(at_birth, 0)),
        min=rule.min_years_at_birth,
        why=rule.why,
    )
    return [FieldError(field="parent.age_years", message=message + "".join(f". {p}" for p in _pointers_for_parent(case, catalogue)))]


def _contradictions(case: Case, chosen: dict[str, Indicator], catalogue: Catalogue) -> list[FieldError]:
    """Answers that cannot both be true: asking the person beats guessing which one is wrong."""
    errors = _open_case_contradiction(case, catalogue)
    disability = case.context.disability
    clash = disability_clashes(catalogue, disability, chosen)
    if clash and disability is not None:
        errors.append(
            FieldError(
                field="context.disability",
                message=(
                    f"is {disability.value!r}, but {', '.join(repr(c) for c in clash)} describes a substantial and "
                    f"life-long disability: correct one of them, or choose 'uncertain'"
                ),
            )
        )
    return errors


def disability_clashes(catalogue: Catalogue, disability, indicator_ids) -> list[str]:
    """The needs among `indicator_ids` whose words state a substantial, life-long disability (the
    catalogue's `cin_disability.states_substantial_lifelong_disability`) when the disability answer
    (a `Disability` or its value; None: not answered) says there is none or only a mild or moderate
    one: the contradiction the rules refuse. The surfaces ask here which ticked needs clash with the
    answer, to name them beside the question (review 10 surfaces, W1/W2), never re-encoding it."""
    if getattr(disability, "value", disability) not in ("none", "mild_moderate"):
        return []
    stated = catalogue.interpretations.cin_disability.states_substantial_lifelong_disability
    return sorted({i for i in indicator_ids if i in stated})


def _open_case_contradiction(case: Case, catalogue: Catalogue) -> list[FieldError]:
    """Supported at a social-care level now, yet said not to be open to social care (review 6, F4)."""
    ctx = case.context
    message = catalogue.open_from_current_level.contradicts(ctx.current_level, ctx.open_to_social_care)
    return [FieldError(field="context.open_to_social_care", message=message)] if message else []
