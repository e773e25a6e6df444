"""Ruleset 1, needs: which level do the chosen indicators and the context indicate?

Rules are written over indicator attributes (level, immediate, specialist need, CAF status),
never one rule per indicator: durable-rules has failed on rulesets of several hundred rules.
Each rule emits a finding {rule, level, indicators, source, explanation, interpretation}.
"""
from __future__ import annotations

from durable.lang import m, when_all

from pathway.catalogue import Catalogue
from pathway.levels import Level

NAME = "fsp_2014_needs"


def define(catalogue: Catalogue, emit) -> None:
    interp = catalogue.interpretations
    combo = interp.combination

    def finding(rule, level, indicators, source, explanation, interpretation=False):
        return {"rule": rule, "level": level, "indicators": list(indicators), "source": source,
                "explanation": explanation, "interpretation": interpretation}

    # --- an indicator indicates its level (Levels of need, p11-17) ---------------------
    for level in (Level.UNIVERSAL, Level.ADDITIONAL, Level.EXTENSIVE, Level.PROTECTION):
        info = catalogue.level(level)

        # every non-immediate indicator of a level cites that level's table
        table_source = next(i.source.cite() for i in catalogue.indicators if i.level is level and not i.immediate)
        when_all((m.kind == "group") & (m.immediate == False) & (m.level == level.value))(  # noqa: E712
            _level_action(emit, finding, level, info, table_source))

    # --- immediate referral (p9) ---------------------------------------------------------
    immediate_source = next(i.source.cite() for i in catalogue.indicators if i.immediate)

    @when_all((m.kind == "group") & (m.immediate == True))  # noqa: E712
    def immediate_referral(c):
        emit(c.s.sid, {**finding("immediate.referral", "protection", list(c.m.ids), immediate_source,
                                 "An indicator requiring an immediate referral to Social Care: the child is at "
                                 "immediate risk of, or has suffered, significant harm. Refer without delay and "
                                 "without the need for a CAF."), "immediate": True})

    # --- a table indicator that, with the age, meets a p9 criterion (catalogue `crosswalks`) --
    xw = interp.crosswalk

    @when_all(m.kind == "crosswalk")
    def crosswalk(c):
        emit(c.s.sid, {**finding(xw.rule, "protection", list(c.m.ids), c.m.source,
                                 f"This need, with the child's age, meets the immediate-referral criterion "
                                 f"'{c.m.meets}' (p9): refer without delay and without the need for a CAF. "
                                 + c.m.why, interpretation=c.m.interpretation), "immediate": True})

    # --- combination: a range of additional needs (project's interpretation) --------------
    @when_all((m.kind == "case") & (m.additional_count >= combo.min_indicators)
              & (m.additional_domains >= combo.min_domains))
    def combination(c):
        emit(c.s.sid, finding(combo.rule, combo.raises_to.value, c.m.additional_ids, combo.source.cite(),
                              f"Combination rule (this project's interpretation): {c.m.additional_count} "
                              f"additional-level needs across {c.m.additional_domains} CAF domains. "
                              + combo.why, interpretation=True))
        c.assert_fact({"sid": c.s.sid, "kind": "need", "level": "extensive", "basis": "combination",
                       "caf": c.m.caf, "current_rank": c.m.current_rank, "ids": c.m.additional_ids})

    # --- a range of additional needs while a CAF is not improving outcomes (Appendix 2, p25) --
    esc = interp.caf_not_improving_additional

    @when_all((m.kind == "case") & (m.caf == "open_not_improving") & (m.additional_count >= esc.min_needs))
    def caf_not_improving(c):
        emit(c.s.sid, finding(esc.rule, esc.raises_to.value, c.m.additional_ids, esc.source.cite(),
                              f"A CAF is open for {c.m.additional_count} additional needs and is not improving "
                              "outcomes. " + esc.why, interpretation=esc.interpretation))

    # --- Child in Need: a CAF not improving outcomes at Extensive (p15-16) ------------------
    cin_caf = interp.cin_caf_not_improving

    @when_all((m.kind == "case") & (m.caf == "open_not_improving") & (m.extensive_count > 0))
    def cin_caf_not_improving(c):
        emit(c.s.sid, finding(cin_caf.rule, "child_in_need", c.m.extensive_ids, cin_caf.source.cite(),
                              "Extensive needs with a CAF open that is not improving outcomes. " + cin_caf.why))

    @when_all((m.kind == "case") & (m.caf == "open_not_improving") & (m.current_rank == 3))
    def cin_caf_not_improving_at_extensive(c):
        emit(c.s.sid, finding(cin_caf.rule, "child_in_need", [], cin_caf.source.cite(),
                              "The family is supported at Extensive and the CAF is not improving outcomes: "
                              "a referral as a Child in Need, whatever needs are recorded today. "
                              + cin_caf.why))

    @when_all((m.kind == "need") & (m.basis == "combination") & (m.caf == "open_not_improving")
              & (m.current_rank == 0))
    def cin_combination_not_improving_level_unknown(c):
        emit(c.s.sid, finding(cin_caf.rule, "child_in_need", c.m.ids, cin_caf.source.cite(),
                              "A range of additional needs that this tool reads as extensive (combination "
                              "rule), with a CAF that is not improving outcomes. The level the family is "
                              "supported at now was not given: if the CAF has been at Additional level the "
                              "next step is Extensive (Appendix 2, p25); if at Extensive, a referral as a "
                              "Child in Need (p15-16). Where it cannot tell, the tool takes the higher. "
                              + cin_caf.why, interpretation=True))

    # --- Child in Need: the test itself (p4) -------------------------------------------------
    cin_test = interp.cin_unlikely_reasonable_standard

    @when_all((m.kind == "case") & (m.impaired_without_services == True))  # noqa: E712
    def cin_unlikely_reasonable_standard(c):
        emit(c.s.sid, finding(cin_test.rule, "child_in_need", [], cin_test.source.cite(),
                              "You judge the child unlikely to achieve a reasonable standard of health or "
                              "development unless services are provided. " + cin_test.why))

    # --- Child in Need: substantial, life-long disability needing specialist services ------
    cin_dis = interp.cin_disability

    @when_all((m.kind == "indicator") & (m.specialist_disability_need == True))  # noqa: E712
    def cin_disability(c):
        emit(c.s.sid, finding(cin_dis.rule, "child_in_need", [c.m.id], cin_dis.source.cite(),
                              "The indicator describes a substantial, life-long disability needing more than "
                              "additional support. " + cin_dis.why, interpretation=cin_dis.interpretation))

    @when_all((m.kind == "indicator") & (m.cin_with_disability == True)  # noqa: E712
              & (m.disability == "substantial_lifelong"))
    def cin_disability_context(c):
        emit(c.s.sid, finding(cin_dis.rule, "child_in_need", [c.m.id], cin_dis.source.cite(),
                              "The child has a substantial, life-long disability and this need (aids and "
                              "adaptations) is one the Disabled Children's Team provides for. " + cin_dis.why,
                              interpretation=cin_dis.interpretation))

    # every fact must match some rule or durable-rules raises: these record that it was seen
    @when_all(m.kind == "case")
    def case_seen(c):
        pass

    @when_all(m.kind == "need")
    def need_seen(c):
        pass

    @when_all(m.kind == "indicator")
    def indicator_seen(c):
        pass

    @when_all(m.kind == "crosswalk")
    def crosswalk_seen(c):
        pass


def _level_action(emit, finding, level, info, table_source):
    """A one-argument action (durable-rules checks the signature), named after its level."""
    def action(c):
        emit(c.s.sid, finding(f"level.{level.value}", level.value, list(c.m.ids), table_source,
                              f"Indicator at {info.name} level: {info.definition}"))
    action.__name__ = f"level_{level.value}"  # durable-rules names rules after their function
    return action

