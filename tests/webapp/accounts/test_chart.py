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
    assert "24 November 2026 at 09:00" in c.description and "24 November 2026 at 14:00" in c.description


def test_a_changed_answer_is_shown_by_its_label_as_the_journey_words_it():
    start = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)
    before, after = _entry(1, start), _entry(2, start + timedelta(days=7))
    before.case["context"] = {"caf": "none", "disability": "mild_moderate", "current_level": "additional", "caller": "public"}
    after.case["context"] = {
        "caf": "open_not_improving",
        "disability": "substantial_lifelong",
        "current_level": "extensive",
        "caller": "parent_carer",
        "large_sibling_group": True,
    }
    changed = rows([before, after], "Europe/London")[1].context
    assert sorted(changed) == sorted(
        [
            "CAF: No CAF → CAF open, things not improving",
            "disability: Mild or moderate disability → Substantial and lifelong disability",
            "level supported at now: Additional → Extensive",
            "caller: Member of the public → Parent or carer",
            "large sibling group: not given → yes",
        ]
    )


def test_a_value_no_label_knows_is_still_shown_in_words():
    start = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)
    before, after = _entry(1, start), _entry(2, start + timedelta(days=7))
    before.case["context"], after.case["context"] = {"caf": "none"}, {"caf": "closed_early"}  # an older contract's value
    assert rows([before, after], "Europe/London")[1].context == ["CAF: No CAF → closed early"]
