"""Override direction, managers' reviews (append-only, team only, audited), the filters, and
every saved assessment's answers for a ruleset review (admins only)."""

from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from store import AccessDenied, Invalid, NotFound
from store import assessments as A
from store.audit import entries as audit_entries
from store.config import StoreConfig
from store.retention import run_retention
from tests.store.conftest import T0, assess

ADDITIONAL = "additional.concerns_about_diet_poor"


@pytest.fixture
def overridden(engine, people):
    """pam (north) lowers one entry and raises another; sue (south) lowers hers."""
    case, decision = assess([ADDITIONAL])
    out = {}
    for name, ref, level in (("pam", "FSP-001", "universal"), ("pam", "FSP-002", "protection"), ("sue", "FSP-003", "universal")):
        e = A.save_assessment(engine, people[name], ref, case, decision, now=T0)
        out[ref] = A.record_override(engine, people[name], e.id, level, "a reason", now=T0)
    return out


def test_direction_is_down_when_the_recorded_level_is_lower(overridden):
    assert overridden["FSP-001"].direction == "down" and overridden["FSP-002"].direction == "up"
    assert A.DIRECTIONS == ("down", "up", "same")


def test_a_later_override_back_to_the_tools_own_level_is_neither_lower_nor_higher(engine, people):
    """Tool Additional; pam records Protection, then Additional again: the second override is the tool's own level,
    so it is "same" (shown "Back to the tool's level"), never "down" nor "up": not under either filter, only under
    "same", and the dashboard counts the entry's latest override there (review 19, mutation: `<` to `<=` in
    Override.direction went unnoticed, and such an override was called "Higher than the tool's"; fix19o).
    Oracle: the levels written out by hand."""
    from pathway.levels import Level
    from store.dashboard import summarise

    case, decision = assess([ADDITIONAL])
    assert decision.level == Level.ADDITIONAL
    e = A.save_assessment(engine, people["pam"], "FSP-010", case, decision, now=T0)
    up = A.record_override(engine, people["pam"], e.id, "protection", "a reason", now=T0)
    back = A.record_override(engine, people["pam"], e.id, "additional", "back to the tool's", now=T0 + timedelta(hours=1))
    assert (up.tool_level, up.level, back.tool_level, back.level) == ("additional", "protection", "additional", "additional")
    assert (up.direction, back.direction) == ("up", "same")
    pairs = A.list_overrides(engine, people["mo"])
    assert [o.id for _e, o in A.filter_overrides(pairs, direction="down")] == []
    assert [o.id for _e, o in A.filter_overrides(pairs, direction="up")] == [up.id]
    assert [o.id for _e, o in A.filter_overrides(pairs, direction="same")] == [back.id]
    entry = A.history(engine, people["pam"], "FSP-010")[-1]
    d = summarise("north", [entry])
    assert (d.overridden, d.down, d.up, d.same) == (1, 0, 0, 1)


def test_the_dashboard_counts_each_entrys_latest_override_in_one_direction(engine, people):
    """Four entries, their latest override lower, higher, back to the tool's level, and none: each counted once, in its
    own direction; the three directions add up to the entries with a level recorded. Oracle: the levels by hand."""
    from store.dashboard import summarise

    case, decision = assess([ADDITIONAL])
    plan = {"FSP-020": ["universal"], "FSP-021": ["child_in_need"], "FSP-022": ["universal", "additional"], "FSP-023": []}
    for ref, levels in plan.items():
        e = A.save_assessment(engine, people["pam"], ref, case, decision, now=T0)
        for i, level in enumerate(levels):
            A.record_override(engine, people["pam"], e.id, level, "a reason", now=T0 + timedelta(minutes=i))
    entries = [A.history(engine, people["pam"], ref)[-1] for ref in plan]
    d = summarise("north", entries)
    assert (d.entries, d.overridden, d.down, d.up, d.same) == (4, 3, 1, 1, 1)


def test_an_unknown_direction_is_refused_not_an_empty_list(engine, people, overridden):
    pairs = A.list_overrides(engine, people["mo"])
    with pytest.raises(Invalid) as exc:
        A.filter_overrides(pairs, direction="sideways")
    assert exc.value.field == "direction"


def test_a_manager_reviews_their_teams_override_with_a_note(engine, people, overridden):
    o = overridden["FSP-001"]
    r = A.record_review(engine, people["mo"], o.id, "  Discussed in supervision  ", now=T0 + timedelta(days=1))
    assert (r.username, r.note, r.created_at) == ("mo", "Discussed in supervision", T0 + timedelta(days=1))
    pairs = A.list_overrides(engine, people["mo"])
    reviewed = {e.case_ref: o.reviewed for e, o in pairs}
    assert reviewed == {"FSP-001": True, "FSP-002": False}  # sue's is south's
    found = [o for _e, o in pairs if o.id == overridden["FSP-001"].id][0]
    assert found.reviews[0].note == "Discussed in supervision"
    rows = audit_entries(engine, action="override.review")
    assert len(rows) == 1 and "Discussed" not in (rows[0].detail or "")


def test_only_managers_of_the_team_review(engine, people, overridden):
    with pytest.raises(AccessDenied):
        A.record_review(engine, people["pam"], overridden["FSP-001"].id, "")
    with pytest.raises(NotFound):
        A.record_review(engine, people["mia"], overridden["FSP-001"].id, "")  # south's manager
    with pytest.raises(Invalid) as exc:
        A.record_review(engine, people["mo"], overridden["FSP-001"].id, "x" * (A.MAX_NOTE + 1))
    assert exc.value.field == "note"


def test_filters_by_team_direction_and_reviewed(engine, people, overridden):
    A.record_review(engine, people["mo"], overridden["FSP-002"].id, "")
    pairs = A.list_overrides(engine, people["mo"])

    def refs(**kw):
        return sorted(e.case_ref for e, _o in A.filter_overrides(pairs, **kw))

    assert refs() == ["FSP-001", "FSP-002"]
    assert refs(direction="down") == ["FSP-001"] and refs(direction="up") == ["FSP-002"] and refs(direction="same") == []
    assert refs(reviewed=True) == ["FSP-002"] and refs(reviewed=False) == ["FSP-001"]
    assert refs(team="north", direction="down", reviewed=False) == ["FSP-001"]
    assert refs(team="south") == []


def test_reviews_are_append_only_and_go_with_retention(engine, people, overridden):
    A.record_review(engine, people["mo"], overridden["FSP-001"].id, "seen")
    for sql in ("UPDATE override_reviews SET note = 'x'", "DELETE FROM override_reviews"):
        with engine.begin() as conn, pytest.raises(DBAPIError, match="append-only"):
            conn.execute(text(sql))
    report = run_retention(engine, config=StoreConfig(retention_days=1), now=T0 + timedelta(days=5))
    assert report.assessments_removed == 3
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM override_reviews")).scalar_one() == 0


def test_answers_for_ruleset_review_are_for_admins(engine, people, overridden):
    with pytest.raises(AccessDenied):
        A.answers_for_ruleset_review(engine, people["mo"])
    rows = A.answers_for_ruleset_review(engine, people["root"])
    assert [r.case_ref for r in rows] == ["FSP-001", "FSP-002", "FSP-003"]
    assert rows[0].case["indicators"] == [ADDITIONAL] and rows[0].contact_time
    assert audit_entries(engine, action="ruleset.review")[-1].detail == "count=3"


def test_a_manager_reads_one_override_of_their_team_by_its_id_with_its_entry(engine, people, overridden):
    """The review page's read: the override asked for and its own entry, not another; audited as a read
    of that entry (the override's id in the detail), never as a list of every override."""
    later = T0 + timedelta(days=2)
    for ref in ("FSP-001", "FSP-002"):
        entry, o = A.override_to_review(engine, people["mo"], overridden[ref].id, now=later)
        assert (entry.case_ref, o.id, o.level, o.reason) == (ref, overridden[ref].id, overridden[ref].level, "a reason")
    rows = audit_entries(engine, action="override.read")
    assert [(r.user_id, r.case_ref, r.detail, r.at, r.outcome) for r in rows] == [
        (people["mo"].id, ref, f"override={overridden[ref].id}", later, "ok") for ref in ("FSP-001", "FSP-002")
    ]
    assert audit_entries(engine, action="override.list") == []


def test_an_override_another_team_or_nobody_has_is_not_found_and_a_practitioner_is_refused(engine, people, overridden):
    unused = max(o.id for o in overridden.values()) + 1
    for oid in (overridden["FSP-003"].id, unused, 2**31 - 1):  # south's, none, and the largest id a path can name
        with pytest.raises(NotFound):
            A.override_to_review(engine, people["mo"], oid, now=T0)
    assert [(r.record_id, r.outcome) for r in audit_entries(engine, action="override.read")] == [
        (overridden["FSP-003"].id, "not_found"),
        (unused, "not_found"),
        (2**31 - 1, "not_found"),
    ]
    with pytest.raises(AccessDenied):
        A.override_to_review(engine, people["pam"], overridden["FSP-001"].id)
