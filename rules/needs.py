"""Ruleset 1, needs: which level do the chosen indicators and the context indicate?

Rules are written over indicator attributes (level, immediate, specialist need, CAF status),
never one rule per indicator: durable-rules has failed on rulesets of several hundred rules.
Each rule emits a finding {rule, level, indicators, source, explanation, interpretation}.

The case arrives as ONE fact (rules/facts.py `need_fact`) carrying every attribute a rule reads,
and a rule that can match several things (the levels present, cross-walks, disability needs)
lists them all in its one action: every firing costs durable-rules a JSON round trip of the
state (about 20 us), and firings, not conditions, were most of evaluate()'s cost (issue 17).
"""

from __future__ import annotations

from durable.lang import m, when_all

from pathway.catalogue import Catalogue, CinTestReading, Interpretation
from pathway.levels import LEVELS, Level

NAME = "fsp_2014_needs"


def define(catalogue: Catalogue, emit) -> None:
    interp = catalogue.interpretations
    combo = interp.combination

    def finding(rule, level, indicators, source, explanation, interpretation=False):
        return {"rule": rule, "level": level, "indicators": list(indicators), "source": source, "explanation": explanation, "interpretation": interpretation}

    # --- an indicator indicates its level (Levels of need, p11-17) ---------------------
    # every non-immediate indicator of a level cites that level's table; one firing lists every
    # level present (the fact's `groups`, one per level, in the order of the levels' values)
    by_level = {}
    for level in (Level.UNIVERSAL, Level.ADDITIONAL, Level.EXTENSIVE, Level.PROTECTION):
        info = catalogue.level(level)
        table_source = next(i.source.cite() for i in catalogue.indicators if i.level is level and not i.immediate)
        by_level[level.value] = (
            interp.level.rule.format(level=level.value),
            table_source,
            interp.level.explanation.format(name=info.name, definition=info.definition),
        )

    @when_all((m.kind == "case") & (m.table_count > 0))
    def level_indicated(c):
        for group in c.m.groups:
            rule, table_source, explanation = by_level[group["level"]]
            emit(c.s.sid, finding(rule, group["level"], group["ids"], table_source, explanation))

    # every fact must match some rule or durable-rules raises: a case with no table indicator
    # (immediate ones only, or the context alone) matches this one, never alongside `level`
    @when_all((m.kind == "case") & (m.table_count == 0))
    def no_table_indicator(c):
        pass

    # --- immediate referral (p9) ---------------------------------------------------------
    immediate_source = next(i.source.cite() for i in catalogue.indicators if i.immediate)

    @when_all((m.kind == "case") & (m.immediate_count > 0))
    def immediate_referral(c):
        emit(
            c.s.sid,
            {
                **finding(interp.immediate_referral.rule, "protection", list(c.m.immediate_ids), immediate_source, interp.immediate_referral.explanation),
                "immediate": True,
            },
        )

    # --- a p9 criterion met (chosen, or by a cross-walk) whose words the tool reads one way (review 13, J1) --
    reading_words = interp.immediate_reading
    read = {i.id: i for i in catalogue.indicators if i.reading is not None}

    @when_all((m.kind == "case") & (m.criterion_reading_count > 0))
    def immediate_reading(c):
        for hit in c.m.criterion_readings:
            ind = read[hit["id"]]
            assert ind.reading is not None  # `read` holds only criteria with a reading
            explanation = reading_words.explanation.format(text=ind.text, why=ind.reading.why)
            emit(c.s.sid, finding(reading_words.rule, "protection", hit["ids"], ind.reading.source.cite(), explanation, interpretation=True))

    # --- a table indicator that, with the age, meets a p9 criterion (catalogue `crosswalks`) --
    xw = interp.crosswalk

    @when_all((m.kind == "case") & (m.crosswalk_count > 0))
    def crosswalk(c):
        for hit in c.m.crosswalks:
            emit(
                c.s.sid,
                {
                    **finding(
                        xw.rule,
                        "protection",
                        hit["ids"],
                        hit["source"],
                        xw.explanation.format(meets=hit["meets"], why=hit["why"]),
                        interpretation=hit["interpretation"],
                    ),
                    "immediate": True,
                },
            )

    # --- a need that, with the young person's age, entails a higher one (catalogue `age_entailments`) --
    ae_words = interp.age_entailment
    entailments = {e.id: e for e in catalogue.age_entailments}
    whys = {e.id: catalogue.entailment_why(e) for e in catalogue.age_entailments}  # the why as said, its numbers filled in

    @when_all((m.kind == "case") & (m.entailment_count > 0))
    def age_entailment(c):
        for hit in c.m.entailments:
            entry, adds = entailments[hit["id"]], catalogue.indicator(hit["adds"])
            words = ae_words.explanation if hit["ids"] else entry.by_parent_age  # no need chosen: the parent's age alone
            explanation = words.format(age=hit["age"], adds=adds.text, level=adds.level.label, page=adds.source.page, why=whys[entry.id])
            emit(c.s.sid, finding(ae_words.rule, hit["level"], hit["ids"], hit["source"], explanation, interpretation=entry.interpretation))

    # --- combination: a range of additional needs (project's interpretation) --------------
    @when_all((m.kind == "case") & (m.additional_count >= combo.min_indicators) & (m.additional_domains >= combo.min_domains))
    def combination(c):
        emit(
            c.s.sid,
            finding(
                combo.rule,
                combo.raises_to.value,
                c.m.additional_ids,
                combo.source.cite(),
                combo.explanation.format(count=c.m.additional_count, domains=c.m.additional_domains, why=combo.why),
                interpretation=combo.interpretation,
            ),
        )

    # --- a range of additional needs while a CAF is not improving outcomes (Appendix 2, p25) --
    esc = interp.caf_not_improving_additional

    # below the social-care levels: a family supported at Child in Need or Protection has a social
    # worker, and the CAF is not for significant child-protection concerns (p6; review 7, F9)
    @when_all((m.kind == "case") & (m.caf == "open_not_improving") & (m.additional_count >= esc.min_needs) & (m.current_rank < 4))
    def caf_not_improving(c):
        emit(
            c.s.sid,
            finding(
                esc.rule,
                esc.raises_to.value,
                c.m.additional_ids,
                esc.source.cite(),
                esc.explanation.format(count=c.m.additional_count, why=esc.why),
                interpretation=esc.interpretation,
            ),
        )

    # --- Child in Need: a CAF not improving outcomes at Extensive (p15-16) ------------------
    cin_caf = interp.cin_caf_not_improving
    at_extensive, level_unknown = cin_caf.supported_at_extensive, cin_caf.combination_level_unknown

    # review 15, L4: p15-16's step for an unborn baby or a young person of 18 or 19 (the same readings' names
    # as p4's judgement, below): declared on every road, after the road's own words
    caf_readings: dict[str, CinTestReading] = {"unborn": cin_caf.unborn, "young_adult": cin_caf.young_adult}

    def cin_caf_finding(c, ids, wording):
        said, source, interpretation = wording.explanation.format(why=cin_caf.why), cin_caf.source.cite(), _flag(wording, cin_caf)
        if reading := caf_readings.get(c.m.cin_test_reading):
            said, source, interpretation = reading.explanation.format(said=said, why=reading.why), reading.source.cite(), True
        return finding(cin_caf.rule, "child_in_need", ids, source, said, interpretation=interpretation)

    # the p15-16 sentence is the Extensive CAF's: supported at Extensive now (the rule below, whatever
    # needs are ticked), or, the level supported at now not given, the higher of the two steps, declared.
    # Not at Child in Need or Protection: the family already has a social worker (p6, p37); the guidance
    # names the contradiction (review 7, F9). One reason per rule (review 8, F6): the three conditions
    # of child_in_need.caf_not_improving exclude one another.
    @when_all((m.kind == "case") & (m.caf == "open_not_improving") & (m.extensive_count > 0) & (m.current_rank == 0))
    def cin_caf_not_improving(c):
        emit(c.s.sid, cin_caf_finding(c, c.m.extensive_ids, cin_caf.extensive_level_unknown))

    # a CAF failing at Universal or Additional: the next step is Extensive (Appendix 2, p25)
    below = interp.caf_not_improving_below_extensive

    @when_all((m.kind == "case") & (m.caf == "open_not_improving") & (m.extensive_count > 0) & (m.current_rank > 0) & (m.current_rank < 3))
    def caf_not_improving_below_extensive(c):
        current = LEVELS[c.m.current_rank - 1].label
        emit(
            c.s.sid,
            finding(
                below.rule,
                below.raises_to.value,
                c.m.extensive_ids,
                below.source.cite(),
                below.explanation.format(current=current, why=below.why.format(current=current)),
                interpretation=below.interpretation,
            ),
        )

    @when_all((m.kind == "case") & (m.caf == "open_not_improving") & (m.current_rank == 3))
    def cin_caf_not_improving_at_extensive(c):
        emit(c.s.sid, cin_caf_finding(c, c.m.extensive_ids, at_extensive))

    # the combination's own condition (above), with a CAF not improving and no current level; with an
    # extensive need as well, the rule above gives the reason (its words say the same step)
    @when_all(
        (m.kind == "case")
        & (m.extensive_count == 0)
        & (m.additional_count >= combo.min_indicators)
        & (m.additional_domains >= combo.min_domains)
        & (m.caf == "open_not_improving")
        & (m.current_rank == 0)
    )
    def cin_combination_not_improving_level_unknown(c):
        emit(c.s.sid, cin_caf_finding(c, c.m.additional_ids, level_unknown))

    # --- Child in Need: the test itself (p4) -------------------------------------------------
    cin_test = interp.cin_unlikely_reasonable_standard

    # for an unborn baby or a young person of 18 or 19, the declared reading's words (review 10, H3)
    cin_readings: dict[str, Interpretation | CinTestReading] = {"": cin_test, "unborn": cin_test.unborn, "young_adult": cin_test.young_adult}

    # a caller who is not a professional (review 13, J3): the level is kept, the judgement declared as theirs
    by_caller = cin_test.not_professional

    @when_all((m.kind == "case") & (m.impaired_without_services == True))  # noqa: E712
    def cin_unlikely_reasonable_standard(c):
        words = cin_readings[c.m.cin_test_reading]
        source, said, interpretation = words.source.cite(), words.explanation.format(why=words.why), words.interpretation
        if c.m.cin_test_not_professional:
            source = f"{source}; {by_caller.source.cite()}"
            said, interpretation = by_caller.explanation.format(said=said, why=by_caller.why), True
        emit(c.s.sid, finding(cin_test.rule, "child_in_need", [], source, said, interpretation=interpretation))

    # --- Child in Need: substantial, life-long disability needing specialist services ------
    cin_dis = interp.cin_disability

    @when_all((m.kind == "case") & (m.specialist_disability_count > 0))
    def cin_disability(c):
        # an aids-and-adaptations need met with the context's disability is named in this one reason
        with_disability = list(c.m.cin_with_disability_ids) if c.m.disability == "substantial_lifelong" else []
        emit(
            c.s.sid,
            finding(
                cin_dis.rule,
                "child_in_need",
                list(c.m.specialist_disability_ids) + with_disability,
                cin_dis.source.cite(),
                cin_dis.explanation.format(why=cin_dis.why),
                interpretation=cin_dis.interpretation,
            ),
        )

    # one reason per rule (review 8, F6): where a need's own words already give child_in_need.disability,
    # the aids-and-adaptations need is listed in that reason (above), not given a second one of this rule
    @when_all((m.kind == "case") & (m.cin_with_disability_count > 0) & (m.disability == "substantial_lifelong") & (m.specialist_disability_count == 0))
    def cin_disability_context(c):
        emit(
            c.s.sid,
            finding(
                cin_dis.rule,
                "child_in_need",
                c.m.cin_with_disability_ids,
                cin_dis.source.cite(),
                cin_dis.with_disability.explanation.format(why=cin_dis.why),
                interpretation=_flag(cin_dis.with_disability, cin_dis),
            ),
        )


def declared_for_age(reasons: list[dict], fact: dict, catalogue: Catalogue) -> list[dict]:
    """Every Protection reason, whatever rule gave it (a p9 criterion, a cross-walk, an age entailment, a
    p17 need), declared for a young person of 18 or 19 (review 16, M2: the needs fact's `young_adult`):
    the reading's words after the reason's own, its source after the reason's, and the flag. The one
    place every Protection reason passes through (rules.evaluate), so no road to Protection is left out."""
    if not fact["young_adult"]:
        return reasons
    reading = catalogue.interpretations.protection_young_adult
    source = reading.source.cite()
    return [
        {
            **r,
            "explanation": reading.explanation.format(said=r["explanation"], why=reading.why),
            "source": f"{r['source']}; {source}",
            "interpretation": True,
        }
        if r["level"] == Level.PROTECTION.value
        else r
        for r in reasons
    ]


def _flag(wording, entry) -> bool:
    """A second case's interpretation flag: its own where the catalogue gives one, else its rule's."""
    return entry.interpretation if wording.interpretation is None else wording.interpretation
