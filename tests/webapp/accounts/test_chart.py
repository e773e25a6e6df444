"""The case chart's two fixes: the last date label fits inside the drawing, and two saves on one
day get labels that differ (the time under the date)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from store.assessments import Entry
from webapp.cases.history import chart, rows

CHAR_W = 13 * 0.6  # an upper bound on a 13px Arial character's width (digits are 0.556 em)


def _entry(i: int, when: datetime) -> Entry:
    return Entry(
        id=i,
        case_ref="FSP-0001",
        user_id=1,
        username="pat",
        team="North",
        created_at=when,
        ruleset="fsp-2014 (1.0.0)",
        level="additional",
        case={"indicators": []},
        decision={},
    )


def _chart(times):
    return chart(rows([_entry(i, t) for i, t in enumerate(times, 1)], "Europe/London"))


def test_the_last_date_label_is_inside_the_drawing():
    start = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)
    for n in (1, 2, 5):
        c = _chart([start + timedelta(days=30 * i) for i in range(n)])
        last = c.points[-1]
        assert last.x + CHAR_W * len(last.label) / 2 <= c.width, (n, last)


def test_two_saves_on_one_day_have_different_labels():
    day = datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc)
    c = _chart([day, day + timedelta(hours=5), day + timedelta(days=3)])
    labels = [(p.label, p.time) for p in c.points]
    assert labels == [("24 Nov 2026", "09:00"), ("24 Nov 2026", "14:00"), ("27 Nov 2026", "")]
    assert len(set(labels)) == 3
    assert "24 November 2026 09:00" in c.description and "24 November 2026 14:00" in c.description
