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
            _level_action(emit, finding, level, info, table_source, interp.level))

    # --- immediate referral (p9) ---------------------------------------------------------
    immediate_source = next(i.source.cite() for i in catalogue.indicators if i.immediate)

    @when_all((m.kind == "group") & (m.immediate == True))  # noqa: E712
    def immediate_referral(c):
        emit(c.s.sid, {**finding(interp.immediate_referral.rule, "protection", list(c.m.ids), immediate_source,
                                 interp.immediate_referral.explanation), "immediate": True})

    # --- a table indicator that, with the age, meets a p9 criterion (catalogue `crosswalks`) --
    xw = interp.crosswalk

    @when_all(m.kind == "crosswalk")
    def crosswalk(c):
        emit(c.s.sid, {**finding(xw.rule, "protection", list(c.m.ids), c.m.source,
                                 xw.explanation.format(meets=c.m.meets, why=c.m.why),
                                 interpretation=c.m.interpretation), "immediate": True})

    # --- combination: a range of additional needs (project's interpretation) --------------
    @when_all((m.kind == "case") & (m.additional_count >= combo.min_indicators)
              & (m.additional_domains >= combo.min_domains))
    def combination(c):
        emit(c.s.sid, finding(combo.rule, combo.raises_to.value, c.m.additional_ids, combo.source.cite(),
                              combo.explanation.format(count=c.m.additional_count, domains=c.m.additional_domains,
                                                       why=combo.why), interpretation=combo.interpretation))
        c.assert_fact({"sid": c.s.sid, "kind": "need", "level": "extensive", "basis": "combination",
                       "caf": c.m.caf, "current_rank": c.m.current_rank, "ids": c.m.additional_ids})

    # --- a range of additional needs while a CAF is not improving outcomes (Appendix 2, p25) --
    esc = interp.caf_not_improving_additional

    @when_all((m.kind == "case") & (m.caf == "open_not_improving") & (m.additional_count >= esc.min_needs))
    def caf_not_improving(c):
        emit(c.s.sid, finding(esc.rule, esc.raises_to.value, c.m.additional_ids, esc.source.cite(),
                              esc.explanation.format(count=c.m.additional_count, why=esc.why),
                              interpretation=esc.interpretation))

    # --- Child in Need: a CAF not improving outcomes at Extensive (p15-16) ------------------
    cin_caf = interp.cin_caf_not_improving
    at_extensive, level_unknown = cin_caf.supported_at_extensive, cin_caf.combination_level_unknown

    @when_all((m.kind == "case") & (m.caf == "open_not_improving") & (m.extensive_count > 0))
    def cin_caf_not_improving(c):
        emit(c.s.sid, finding(cin_caf.rule, "child_in_need", c.m.extensive_ids, cin_caf.source.cite(),
                              cin_caf.explanation.format(why=cin_caf.why), interpretation=cin_caf.interpretation))

    @when_all((m.kind == "case") & (m.caf == "open_not_improving") & (m.current_rank == 3))
    def cin_caf_not_improving_at_extensive(c):
        emit(c.s.sid, finding(cin_caf.rule, "child_in_need", [], cin_caf.source.cite(),
                              at_extensive.explanation.format(why=cin_caf.why),
                              interpretation=_flag(at_extensive, cin_caf)))

    @when_all((m.kind == "need") & (m.basis == "combination") & (m.caf == "open_not_improving")
              & (m.current_rank == 0))
    def cin_combination_not_improving_level_unknown(c):
        emit(c.s.sid, finding(cin_caf.rule, "child_in_need", c.m.ids, cin_caf.source.cite(),
                              level_unknown.explanation.format(why=cin_caf.why),
                              interpretation=_flag(level_unknown, cin_caf)))

    # --- Child in Need: the test itself (p4) -------------------------------------------------
    cin_test = interp.cin_unlikely_reasonable_standard

    @when_all((m.kind == "case") & (m.impaired_without_services == True))  # noqa: E712
    def cin_unlikely_reasonable_standard(c):
        emit(c.s.sid, finding(cin_test.rule, "child_in_need", [], cin_test.source.cite(),
                              cin_test.explanation.format(why=cin_test.why), interpretation=cin_test.interpretation))

    # --- Child in Need: substantial, life-long disability needing specialist services ------
    cin_dis = interp.cin_disability

    @when_all((m.kind == "indicator") & (m.specialist_disability_need == True))  # noqa: E712
    def cin_disability(c):
        emit(c.s.sid, finding(cin_dis.rule, "child_in_need", [c.m.id], cin_dis.source.cite(),
                              cin_dis.explanation.format(why=cin_dis.why), interpretation=cin_dis.interpretation))

    @when_all((m.kind == "indicator") & (m.cin_with_disability == True)  # noqa: E712
              & (m.disability == "substantial_lifelong"))
    def cin_disability_context(c):
        emit(c.s.sid, finding(cin_dis.rule, "child_in_need", [c.m.id], cin_dis.source.cite(),
                              cin_dis.with_disability.explanation.format(why=cin_dis.why),
                              interpretation=_flag(cin_dis.with_disability, cin_dis)))

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


def _level_action(emit, finding, level, info, table_source, words):
    """A one-argument action (durable-rules checks the signature), named after its level."""
    rule = words.rule.format(level=level.value)
    explanation = words.explanation.format(name=info.name, definition=info.definition)

    def action(c):
        emit(c.s.sid, finding(rule, level.value, list(c.m.ids), table_source, explanation))
    action.__name__ = f"level_{level.value}"  # durable-rules names rules after their function
    return action


def _flag(wording, entry) -> bool:
    """A second case's interpretation flag: its own where the catalogue gives one, else its rule's."""
    return entry.interpretation if wording.interpretation is None else wording.interpretation
