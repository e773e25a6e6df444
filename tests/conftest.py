"""Shared helpers: build cases the way a practitioner would describe them."""
from __future__ import annotations

import pytest

from pathway import Case, load_catalogue

IN_HOURS = "2026-11-24T10:30:00+00:00"      # a Tuesday morning, Children and Families Direct open
OUT_OF_HOURS = "2026-11-24T22:30:00+00:00"  # the same Tuesday at night


def make_case(indicators=(), age_years=8, age_months=None, unborn=False, **context) -> Case:
    child = {"unborn": True} if unborn else {"age_years": age_years}
    if age_months is not None:
        child["age_months"] = age_months
    context.setdefault("contact_time", IN_HOURS)
    return Case.parse({"child": child, "indicators": list(indicators), "context": context})


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue()
