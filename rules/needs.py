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

from pathway.catalogue import Catalogue
from pathway.levels import Level

NAME = "fsp_2014_needs"


def define(catalogue: Catalogue, emit) -> None:
    interp = catalogue.interpretations
    combo = interp["combination"]

    def finding(rule, level, indicators, source, explanation, interpretation=False):
        return {"rule": rule, "level": level, "indicators": list(indicators), "source": source,
                "explanation": explanation, "interpretation": interpretation}

    # --- an indicator indicates its level (Levels of need, p11-17) ---------------------
    # every non-immediate indicator of a level cites that level's table; one firing lists every
    # level present (the fact's `groups`, one per level, in the order of the levels' values)
    by_level = {}
    for level in (Level.UNIVERSAL, Level.ADDITIONAL, Level.EXTENSIVE, Level.PROTECTION):
        info = catalogue.level(level)
        table_source = next(i.source.cite() for i in catalogue.indicators if i.level is level and not i.immediate)
        by_level[level.value] = (f"level.{level.value}", table_source, f"Indicator at {info.name} level: {info.definition}")

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
        emit(c.s.sid, {**finding("immediate.referral", "protection", list(c.m.immediate_ids), immediate_source,
                                 "An indicator requiring an immediate referral to Social Care: the child is at "
                                 "immediate risk of, or has suffered, significant harm. Refer without delay and "
                                 "without the need for a CAF."), "immediate": True})

    # --- a table indicator that, with the age, meets a p9 criterion (catalogue `crosswalks`) --
    xw = interp["crosswalk"]

    @when_all((m.kind == "case") & (m.crosswalk_count > 0))
    def crosswalk(c):
        for hit in c.m.crosswalks:
            emit(c.s.sid, {**finding(xw["rule"], "protection", hit["ids"], hit["source"],
                                     f"This need, with the child's age, meets the immediate-referral criterion "
                                     f"'{hit['meets']}' (p9): refer without delay and without the need for a CAF. "
                                     + hit["why"], interpretation=hit["interpretation"]), "immediate": True})

    # --- combination: a range of additional needs (project's interpretation) --------------
    @when_all((m.kind == "case") & (m.additional_count >= combo["min_indicators"])
              & (m.additional_domains >= combo["min_domains"]))
    def combination(c):
        emit(c.s.sid, finding(combo["rule"], combo["raises_to"], c.m.additional_ids, _cite(combo["source"]),
                              f"Combination rule (this project's interpretation): {c.m.additional_count} "
                              f"additional-level needs across {c.m.additional_domains} CAF domains. "
                              + combo["why"], interpretation=True))

    # --- a range of additional needs while a CAF is not improving outcomes (Appendix 2, p25) --
    esc = interp["caf_not_improving_additional"]

    @when_all((m.kind == "case") & (m.caf == "open_not_improving") & (m.additional_count >= esc["min_needs"]))
    def caf_not_improving(c):
        emit(c.s.sid, finding(esc["rule"], esc["raises_to"], c.m.additional_ids, _cite(esc["source"]),
                              f"A CAF is open for {c.m.additional_count} additional needs and is not improving "
                              "outcomes. " + esc["why"], interpretation=esc.get("interpretation", False)))

    # --- Child in Need: a CAF not improving outcomes at Extensive (p15-16) ------------------
    cin_caf = interp["cin_caf_not_improving"]

    @when_all((m.kind == "case") & (m.caf == "open_not_improving") & (m.extensive_count > 0))
    def cin_caf_not_improving(c):
        emit(c.s.sid, finding(cin_caf["rule"], "child_in_need", c.m.extensive_ids, _cite(cin_caf["source"]),
                              "Extensive needs with a CAF open that is not improving outcomes. " + cin_caf["why"]))

    @when_all((m.kind == "case") & (m.caf == "open_not_improving") & (m.current_rank == 3))
    def cin_caf_not_improving_at_extensive(c):
        emit(c.s.sid, finding(cin_caf["rule"], "child_in_need", [], _cite(cin_caf["source"]),
                              "The family is supported at Extensive and the CAF is not improving outcomes: "
                              "a referral as a Child in Need, whatever needs are recorded today. "
                              + cin_caf["why"]))

    # the combination's own condition (above), with a CAF not improving and no current level
    @when_all((m.kind == "case") & (m.additional_count >= combo["min_indicators"])
              & (m.additional_domains >= combo["min_domains"]) & (m.caf == "open_not_improving")
              & (m.current_rank == 0))
    def cin_combination_not_improving_level_unknown(c):
        emit(c.s.sid, finding(cin_caf["rule"], "child_in_need", c.m.additional_ids, _cite(cin_caf["source"]),
                              "A range of additional needs that this tool reads as extensive (combination "
                              "rule), with a CAF that is not improving outcomes. The level the family is "
                              "supported at now was not given: if the CAF has been at Additional level the "
                              "next step is Extensive (Appendix 2, p25); if at Extensive, a referral as a "
                              "Child in Need (p15-16). Where it cannot tell, the tool takes the higher. "
                              + cin_caf["why"], interpretation=True))

    # --- Child in Need: the test itself (p4) -------------------------------------------------
    cin_test = interp["cin_unlikely_reasonable_standard"]

    @when_all((m.kind == "case") & (m.impaired_without_services == True))  # noqa: E712
    def cin_unlikely_reasonable_standard(c):
        emit(c.s.sid, finding(cin_test["rule"], "child_in_need", [], _cite(cin_test["source"]),
                              "You judge the child unlikely to achieve a reasonable standard of health or "
                              "development unless services are provided. " + cin_test["why"]))

    # --- Child in Need: substantial, life-long disability needing specialist services ------
    cin_dis = interp["cin_disability"]

    @when_all((m.kind == "case") & (m.specialist_disability_count > 0))
    def cin_disability(c):
        emit(c.s.sid, finding(cin_dis["rule"], "child_in_need", c.m.specialist_disability_ids, _cite(cin_dis["source"]),
                              "The indicator describes a substantial, life-long disability needing more than "
                              "additional support. " + cin_dis["why"], interpretation=cin_dis["interpretation"]))

    @when_all((m.kind == "case") & (m.cin_with_disability_count > 0) & (m.disability == "substantial_lifelong"))
    def cin_disability_context(c):
        emit(c.s.sid, finding(cin_dis["rule"], "child_in_need", c.m.cin_with_disability_ids, _cite(cin_dis["source"]),
                              "The child has a substantial, life-long disability and this need (aids and "
                              "adaptations) is one the Disabled Children's Team provides for. " + cin_dis["why"],
                              interpretation=cin_dis["interpretation"]))


def _cite(source: dict) -> str:
    return f"{source['section']}, p{source['page']}"
