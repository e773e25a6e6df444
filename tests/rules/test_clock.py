"""The app's one clock (pathway.clock): a case without a contact time is decided at the clock's
time, and the store reads the same clock, so one fixture moves them all."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from pathway import Case
from pathway.settings import OfficeHours
from rules import evaluate

CHRISTMAS_MORNING = datetime(2026, 12, 25, 10, 30, tzinfo=timezone.utc)  # a Friday, a bank holiday
CASE = {"child": {"age_years": 8}, "indicators": ["immediate.allegation_or_disclosure"], "context": {}}


def _decide():
    return evaluate(Case.parse(CASE), office_hours=OfficeHours())


def test_the_clock_decides_a_bank_holiday_is_out_of_hours(clock):
    clock.set(CHRISTMAS_MORNING)
    decision = _decide()
    assert decision.out_of_hours
    assert any(a.id == "closed_today" and "Christmas Day" in a.text for a in decision.assumptions)
    clock.advance(days=-3)  # Tuesday 22 December, 10:30: an ordinary working morning
    assert not _decide().out_of_hours


def test_the_store_reads_the_same_clock(clock):
    from store import clock as store_clock

    clock.set(CHRISTMAS_MORNING)
    assert store_clock.utcnow() == CHRISTMAS_MORNING and store_clock.aware(None) == CHRISTMAS_MORNING
    clock.advance(minutes=31)
    assert store_clock.utcnow() == CHRISTMAS_MORNING + timedelta(minutes=31)


def test_without_the_fixture_the_clock_is_the_systems():
    from pathway import clock as app_clock

    assert app_clock._source is None  # the fixture gave the clock back
