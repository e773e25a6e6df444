"""The shortcuts taken for speed (issue 17, speed9) against a straightforward statement of what each
computes, over a few hundred varied cases (scripts/decision_oracle.py's generator, refused ones
included). Each statement below is written from the docstrings, not copied from the fast code:

- the answers' checks share `Catalogue.admits` answers between cases of one child and parent
  (`rules.evaluate.decide_levels`): the same indicators or the same refusal as checking alone;
- "One more need" in a level and domain (`rules.what_if._additions`): the first need of the
  catalogue at that level and domain with no twin, no disability reading, no cross-walk, no age
  entailment, not chosen, that the child's age admits; the domains without such a need first;
- the twin readings' and removals' words are the catalogue's templates filled in;
- a level's action is worded by the first `resolved_actions` entry, in the catalogue's order, whose
  `action` starts it and whose `when` holds (`rules.resolved_actions.resolve`);
- a nearby case that differs from the case by its answers alone (speed17w) is checked from the case's own
  checks (`pathway.checks.resolve_changed`): refused exactly when checking it alone refuses it, else the
  same indicators; its needs fact, made with the case's part worked out once (`rules.facts.NeedFacts`),
  is the fact made for it alone; so each nearby case is decided as alone (`rules.evaluate.decide_changes`).
"""

from __future__ import annotations

import random

import pytest

from pathway import Case, load_catalogue
from pathway.checks import resolve_indicators
from pathway.levels import Level
from pathway.models import CaseError
from rules import evaluate
from rules import what_if as wi
from rules.facts import where_listed
from rules.resolved_actions import WHEN, resolve
from scripts.decision_oracle import varied_case

CATALOGUE = load_catalogue()


def _cases(n: int, seed: int) -> list[Case]:
    rng = random.Random(seed)
    ids = sorted(i.id for i in CATALOGUE.indicators)
    out = []
    for _ in range(n):
        raw = varied_case(rng, ids, CATALOGUE)
        if rng.random() < 0.1 and raw["indicators"]:  # an answer given twice
            raw["indicators"] = raw["indicators"] + raw["indicators"][:1]
        try:
            out.append(Case.parse(raw))
        except CaseError:
            continue
    return out


CASES = _cases(400, 91)
# more young people past the children's ages (care leavers at 20-25), where the care-leaver test is read
ADULTS = [c for c in _cases(1500, 92) if c.child.age_years is not None and c.child.age_years > CATALOGUE.age.max_years]


def _checked(case: Case, admitted=None):
    try:
        return [i.id for i in resolve_indicators(case, CATALOGUE, admitted)]
    except CaseError as exc:
        return [(e.field, e.message) for e in exc.errors]


def test_the_sample_reaches_refusals_care_leavers_and_repeated_answers():
    refused = [c for c in CASES + ADULTS if any(isinstance(x, tuple) for x in _checked(c))]
    assert len(CASES) > 300 and len(ADULTS) > 20 and refused
    assert any(len(set(c.indicators)) < len(c.indicators) for c in CASES)


def test_checks_sharing_admits_answers_between_cases_of_one_age_give_what_checking_alone_gives():
    shared: dict[tuple, dict[str, bool]] = {}
    for case in CASES + ADULTS:
        ages = (case.child.unborn, case.child.age_in_months, case.parent.age_in_months)
        assert _checked(case, shared.setdefault(ages, {})) == _checked(case)
        # the answers kept are Catalogue.admits' own
        for iid, ok in shared[ages].items():
            assert ok == CATALOGUE.admits(iid, *ages)


def _plainly_one_more(level: Level, domain: str, case: Case):
    cin = CATALOGUE.interpretations.cin_disability
    for ind in CATALOGUE.indicators:
        if (
            ind.level is level
            and ind.domain == domain
            and not ind.immediate
            and not ind.same_words_as
            and ind.id not in cin.indicators
            and ind.id not in cin.with_substantial_lifelong_disability
            and not CATALOGUE.crosswalks_for(ind)
            and all(ind.id not in e.indicators for e in CATALOGUE.age_entailments)
            and ind.id not in case.indicators
            and CATALOGUE.admits(ind, case.child.unborn, case.child.age_in_months)
        ):
            return ind
    return None


def _domains_of(ind) -> set[str]:
    """Every domain a need is listed under in the same words at its level (the combination rule's count)."""
    return {
        o.domain for o in CATALOGUE.indicators if not o.immediate and o.level is ind.level and o.text.strip().lower() == ind.text.strip().lower() and o.domain
    }


@pytest.mark.parametrize("k", range(0, 400, 50))
def test_one_more_need_is_the_first_plain_need_of_each_level_and_domain(k):
    words = CATALOGUE.what_if
    for case in CASES[k : k + 50]:
        expected = []
        chosen = [CATALOGUE.indicator(i) for i in case.indicators]
        for level in (Level.ADDITIONAL, Level.EXTENSIVE):
            have = {d for i in chosen if i.level is level and not i.immediate for d in _domains_of(i)}
            domains = [d for d in CATALOGUE.domains if d.id not in have] + [d for d in CATALOGUE.domains if d.id in have]
            for d in domains:
                pick = _plainly_one_more(level, d.id, case)
                if pick is None:
                    continue
                article = "An" if level.label[0] in "AEIOU" else "A"
                said = dict(level=level.label, domain=d.name, example=words.example.format(text=pick.text), article=article)
                if not have:
                    text, kind = words.new_level.format(**said), f"new {level}"
                elif d.id not in have:
                    text, kind = words.further_domain.format(**said), f"other domain {level}"
                else:
                    text, kind = words.same_domain.format(**said), f"same domain {level}"
                expected.append((text, (pick.id,), kind))
        assert [(c.text, c.add, c.kind) for c in wi._additions(case, CATALOGUE)] == expected


def test_twin_readings_and_removals_are_the_catalogues_words_filled_in():
    words, places = CATALOGUE.what_if, CATALOGUE.guidance.twins
    for case in CASES:
        for c in wi._twin_readings(case, CATALOGUE):
            (twin,) = c.add
            t = CATALOGUE.indicator(twin)
            candidates = {
                words.twin.format(text=t.text, place=where_listed(t, places), was=o.text, was_place=where_listed(o, places))
                for o in (CATALOGUE.indicator(i) for i in case.indicators)
                if any(link.other.id == twin for link in CATALOGUE.twins_of(o.id))
            }
            assert c.text in candidates, c.text
        for c in wi._removals(case, CATALOGUE):
            first = CATALOGUE.indicator(c.remove[0])
            assert c.text == words.without.format(text=first.text, level=first.level.label)
        # an answer given twice gives its readings once: those of the answers each given once
        once = case.model_copy(update={"indicators": list(dict.fromkeys(case.indicators))})
        assert wi._twin_readings(case, CATALOGUE) == wi._twin_readings(once, CATALOGUE)


def _plainly_resolved(actions: list[str], case: Case) -> list[str]:
    out = []
    for action in actions:
        for entry in CATALOGUE.resolved_actions:
            if action.startswith(entry.action) and WHEN[entry.when](case, CATALOGUE):
                if entry.text:
                    out.append(entry.text)
                break
        else:
            out.append(action)
    return out


def test_actions_are_worded_by_the_first_entry_that_starts_them_and_applies():
    every_action = sorted({a for lv in CATALOGUE.levels for a in lv.actions} | {e.action + " and more" for e in CATALOGUE.resolved_actions})
    every_action += ["", "Init", "Initiate a CA", "Initiate a CAF"]
    for case in CASES:
        assert resolve(every_action, case, CATALOGUE) == _plainly_resolved(every_action, case)
        try:
            decision = evaluate(case)
        except CaseError:
            continue
        # evaluate's actions are already worded: wording them again changes nothing
        assert resolve(decision.actions, case, CATALOGUE) == _plainly_resolved(decision.actions, case) == decision.actions


def test_each_distinct_nearby_case_is_decided_once_and_as_it_would_be_alone(monkeypatch):
    from rules.evaluate import decide_level

    asked: list[list[Case]] = []
    real = wi.decide_changes

    def recording(case, changes, **kw):
        asked.append([c.apply(case) for c in changes])
        return real(case, changes, **kw)

    monkeypatch.setattr(wi, "decide_changes", recording)
    twice = 0
    # a need listed twice in the same words, ticked in both places: each place reads as the same twin
    young_carer = Case.parse({"child": {"age_years": 12}, "indicators": ["additional.young_carers_child", "additional.young_carers_family"]})
    for case in [young_carer, *CASES[:250]]:
        try:
            decision = evaluate(case)
        except CaseError:
            continue
        what = wi.nearby(case, decision)
        if decision.immediate:
            continue
        made = [(tuple(sorted(c.indicators)), tuple(getattr(c.context, f) for f in type(c.context).model_fields)) for c in asked[-1]]
        assert len(made) == len(set(made))
        same = {(c.add, c.remove) for c in wi._twin_readings(case, CATALOGUE)}
        twice += len(wi._twin_readings(case, CATALOGUE)) - len(same)
        for c in what.up + what.down:  # each listed change decided alone gives its level and citation
            alone = decide_level(c.apply(case))
            assert (alone.level, alone.immediate) == (c.level, c.immediate)
            top = next((r for r in alone.reasons if Level(r["level"]) is c.level), None)
            assert c.source == (top["source"] if top else CATALOGUE.level(c.level).source.cite())
    assert twice  # the sample has nearby cases reached twice (a need ticked in two places read as one twin)


def test_deciding_many_cases_of_several_ages_together_gives_each_as_alone():
    from rules.evaluate import decide_level, decide_levels

    sample = CASES[:150] + ADULTS[:50]
    together = decide_levels(sample)
    for case, got in zip(sample, together, strict=True):
        try:
            alone = decide_level(case)
        except CaseError as exc:
            assert isinstance(got, CaseError) and [e.message for e in got.errors] == [e.message for e in exc.errors]
            continue
        assert not isinstance(got, CaseError) and got == alone


def test_the_additional_needs_counted_from_the_prepared_table_are_those_each_needs_level_gives():
    """`counted_additional` given `Prepared.additional_table` (speed14) reads set membership instead
    of each need's level: the same needs, in the same order, as reading the levels."""
    from rules.facts import counted_additional, prepared

    known = prepared(CATALOGUE)
    # the table, stated plainly: the Additional table's needs, none of them immediate
    assert known.additional_table == {i.id for i in CATALOGUE.indicators if i.level is Level.ADDITIONAL and not i.immediate}
    assert known.extensive == {i.id for i in CATALOGUE.indicators if i.level is Level.EXTENSIVE}
    twice = CATALOGUE.indicator("additional.suspected_domestic_violence")  # the same words as its Extensive twin
    samples = [[twice, twice], [CATALOGUE.indicator(i) for i in sorted(known.additional_table)]]
    for case in CASES + ADULTS:
        chosen = [CATALOGUE.indicator(i) for i in case.indicators]  # the answers' order, repeats included
        samples += [chosen, sorted(chosen, key=lambda i: i.id)]
    for indicators in samples:
        plain = counted_additional(indicators, known.words)
        fast = counted_additional(indicators, known.words, known.additional_table)
        assert [i.id for i in fast] == [i.id for i in plain]


def test_a_levels_rank_and_its_value_looked_up_are_the_enums_own():
    from pathway.levels import BY_VALUE, LEVELS

    assert [lv.rank for lv in LEVELS] == [1, 2, 3, 4, 5]  # p4's order: Universal lowest, Protection highest
    for level in Level:
        assert level.rank == list(Level).index(level) + 1
        assert BY_VALUE[level.value] is Level(level.value) is level


def _nearby_answer_sets(case: Case, rng: random.Random) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The what-if list's changes of the answers, and as many more drawn at random: a need or two added
    (any of the catalogue's, or one it does not know), a need or two taken away, or both at once."""
    made = [(c.add, c.remove) for c in wi._additions(case, CATALOGUE) + wi._twin_readings(case, CATALOGUE) + wi._removals(case, CATALOGUE)]
    ids = sorted(i.id for i in CATALOGUE.indicators) + ["not.a.need"]
    for _ in range(len(made) + 4):
        add = tuple(rng.sample(ids, rng.choice([0, 1, 1, 2])))
        remove = tuple(rng.sample(case.indicators, min(len(case.indicators), rng.choice([0, 1, 1, 2]))))
        if rng.random() < 0.1:  # an answer given taken away and added back in the same change
            add += remove[:1]
        made.append((add, remove))
    return made


def _changed_pairs():
    """(case, its indicators, a change of the answers, the nearby case made by `Change.apply`) for every case
    the checks pass, over the sample and the care leavers: several thousand nearby answer sets."""
    rng = random.Random(17)
    for case in CASES + ADULTS:
        try:
            resolved = resolve_indicators(case, CATALOGUE)
        except CaseError:
            continue
        for add, remove in _nearby_answer_sets(case, rng):
            change = wi.Change("", Level.UNIVERSAL, "", False, add=add, remove=remove)
            yield case, resolved, change, change.apply(case)


def test_a_nearby_answer_set_is_refused_by_the_cases_own_checks_exactly_when_checking_it_alone_refuses_it():
    from pathway.checks import resolve_changed

    counted = {"refused": 0, "kept": 0}
    admitted: dict[tuple, dict[str, bool]] = {}
    for case, resolved, change, near in _changed_pairs():
        ages = (case.child.unborn, case.child.age_in_months, case.parent.age_in_months)
        derived = resolve_changed(case, resolved, change.add, change.remove, CATALOGUE, admitted.setdefault(ages, {}))
        alone = _checked(near)
        if derived is None:
            assert any(isinstance(x, tuple) for x in alone), (case, change)
            counted["refused"] += 1
        else:
            assert [i.id for i in derived] == alone, (case, change)
            counted["kept"] += 1
    # thousands of answer sets, refused ones and care leavers among them
    assert counted["kept"] > 5000 and counted["refused"] > 500


def _plain_lists(indicators) -> dict:
    """The needs fact's lists of ids, stated plainly: one pass over the needs in the answers' order."""
    cin = CATALOGUE.interpretations.cin_disability
    groups: dict[str, list[str]] = {}
    out: dict = {"immediate_ids": [], "specialist_disability_ids": [], "cin_with_disability_ids": [], "extensive_ids": []}
    for ind in indicators:
        if ind.immediate:
            out["immediate_ids"].append(ind.id)
        else:
            groups.setdefault(ind.level.value, []).append(ind.id)
        if ind.id in cin.indicators:
            out["specialist_disability_ids"].append(ind.id)
        if ind.id in cin.with_substantial_lifelong_disability:
            out["cin_with_disability_ids"].append(ind.id)
        if ind.level is Level.EXTENSIVE:
            out["extensive_ids"].append(ind.id)
    return {"groups": [{"level": lv, "ids": ids} for lv, ids in sorted(groups.items())], **out}


def test_a_nearby_answer_sets_needs_fact_made_with_the_cases_part_is_the_fact_made_for_it_alone():
    """`NeedFacts` made for the case gives each nearby answer set the fact `need_facts` makes for the nearby
    case alone, and so does it given the case's own fact and the ids in which the two differ (the parts
    those ids are not read by taken from the case's fact); the lists are those one plain pass gives, and
    the parts read without their helper's call are the helper's own answer."""
    from rules.facts import NeedFacts, age_entailment_hits, counted_additional, crosswalk_hits, effective_disability, need_facts, prepared

    known = prepared(CATALOGUE)
    made, reused = 0, 0
    facts, like = None, None
    for case, resolved, _change, near in _changed_pairs():
        if facts is None or facts.case is not case:
            facts = NeedFacts(case, CATALOGUE)
            like = facts(resolved)
            chosen = {i.id for i in resolved}
        try:
            indicators = resolve_indicators(near, CATALOGUE)
        except CaseError:
            continue
        alone = need_facts(near, indicators, CATALOGUE)
        differ = chosen.symmetric_difference(i.id for i in indicators)
        assert facts(indicators) == alone
        derived = facts(indicators, (like, differ))
        assert derived == alone
        reused += derived[0]["crosswalks"] is like[0]["crosswalks"] and derived[0]["additional_ids"] is like[0]["additional_ids"]
        fact = alone[0]
        assert {k: fact[k] for k in _plain_lists(indicators)} == _plain_lists(indicators)
        assert fact["disability"] == effective_disability(near, indicators, CATALOGUE)
        assert fact["entailments"] == age_entailment_hits(near, indicators, CATALOGUE)
        assert fact["crosswalks"] == crosswalk_hits(near, indicators, CATALOGUE, tuple(fact["entailments"]))
        additional = counted_additional(indicators, known.words)
        assert (fact["additional_count"], fact["additional_ids"]) == (
            len(additional),
            sorted({c for i in additional for c in known.same_need[i.id] & set(near.indicators)}),
        )
        made += 1
    assert made > 5000 and reused > 1000


def test_nearby_cases_decided_from_the_cases_own_checks_and_fact_are_decided_as_each_alone():
    from rules.evaluate import decide_changes, decide_levels

    rng = random.Random(5)
    compared = 0
    for case in CASES[:120] + ADULTS[:40]:
        changes = [wi.Change("", Level.UNIVERSAL, "", False, add=a, remove=r) for a, r in _nearby_answer_sets(case, rng)]
        changes += wi._context_changes(case, CATALOGUE)  # decided in full, in the same call
        derived = decide_changes(case, changes)
        alone = decide_levels([c.apply(case) for c in changes])
        for got, want in zip(derived, alone, strict=True):
            if isinstance(want, CaseError):
                assert got is None or isinstance(got, CaseError)
            else:
                assert got == want
            compared += 1
    assert compared > 3000
