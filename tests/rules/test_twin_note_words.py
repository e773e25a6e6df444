"""A twin note names each chosen need once: 'Young carers' is listed twice at Additional (p13-14,
two dimensions, one need), and ticking both once read "You chose 'Young carers' (Additional,
p13-14); 'Young carers' (Additional, p13-14)" (audit of issue 13, 2026-12-02)."""

from __future__ import annotations

from pathway.models import Case
from rules import evaluate


def test_a_need_listed_twice_at_one_level_is_named_once_in_its_twin_note():
    case = Case.parse(
        {"child": {"age_years": 14}, "context": {"caf": "none"}, "indicators": ["additional.young_carers_child", "additional.young_carers_family"]}
    )
    notes = [g.text for g in evaluate(case).guidance if g.rule.startswith("twins.")]
    assert notes, "no twin note for 'Young carers'"
    for text in notes:
        chosen = text.split(". The document also lists")[0]
        assert chosen == "You chose 'Young carers' (Additional, p13-14)", chosen
