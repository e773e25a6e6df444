"""Saving, history, who sees what, overrides, and that saved entries are never rewritten."""

import dataclasses
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from store import AccessDenied, Invalid, NotFound
from store import assessments as A
from store.audit import entries as audit_entries
from tests.ruleset_string import RULESET
from tests.store.conftest import T0, assess

ADDITIONAL = "additional.concerns_about_diet_poor"
EXTENSIVE = "extensive.chronic_recurring_health_problems"


def test_save_keeps_answers_decision_ruleset_and_time(engine, people):
    case, decision = assess([ADDITIONAL])
    e = A.save_assessment(engine, people["pam"], "fsp-001", case, decision, now=T0)
    assert e.case_ref == "FSP-001" and e.created_at == T0 and e.level == "additional"
    assert e.case["indicators"] == [ADDITIONAL] and e.decision["level"] == "additional"
    assert e.ruleset == RULESET and e.username == "pam" and e.team == "north"
    got = A.get_assessment(engine, people["pam"], e.id)
    assert got.case == case.model_dump(mode="json") and got.decision == decision.model_dump(mode="json")


def test_resaving_adds_history_with_steps_and_changes(engine, people):
    pam = people["pam"]
    c1, d1 = assess([ADDITIONAL])
    c2, d2 = assess([ADDITIONAL, EXTENSIVE], caller="professional")
    c3, d3 = assess([], caller="professional")
    for i, (c, d) in enumerate([(c1, d1), (c2, d2), (c3, d3)]):
        A.save_assessment(engine, pam, "FSP-001", c, d, now=T0 + timedelta(days=30 * i))
    h = A.history(engine, pam, "fsp-001")
    assert [e.level for e in h] == ["additional", "extensive", "universal"]
    ch = A.changes(h)
    assert [c.step for c in ch] == ["up", "down"]
    assert ch[0].indicators_added == (EXTENSIVE,) and ch[0].indicators_removed == ()
    assert ch[0].context_changes == {"context.caller": [None, "professional"]}
    assert ch[1].indicators_removed == (ADDITIONAL, EXTENSIVE) and ch[1].context_changes == {}
    summary = A.list_case_refs(engine, pam)
    assert [(s.case_ref, s.entries, s.level) for s in summary] == [("FSP-001", 3, "universal")]


@pytest.mark.parametrize(
    "ref,field_word",
    [
        ("Jane Smith", "spaces"),
        ("jane@x.org1", "'@'"),
        ("05-03-2014", "date"),
        ("20140305", "date"),
        ("JSmith1", "letters"),
        ("NG15FS", "postcode"),
        ("ABC", "digit"),
        ("", "required"),
    ],
)
def test_case_refs_that_could_identify_a_child_are_refused(engine, people, ref, field_word):
    case, decision = assess([ADDITIONAL])
    with pytest.raises(Invalid) as exc:
        A.save_assessment(engine, people["pam"], ref, case, decision)
    assert exc.value.field == "case_ref" and field_word in exc.value.message


def test_practitioner_sees_own_only_and_others_are_not_found_and_audited(engine, people):
    case, decision = assess([ADDITIONAL])
    e = A.save_assessment(engine, people["pam"], "FSP-001", case, decision)
    for who in ("pete", "sue", "tia", "ada", "mia"):
        with pytest.raises(NotFound) as by_ref:
            A.history(engine, people[who], "FSP-001")
        with pytest.raises(NotFound) as missing:
            A.history(engine, people[who], "FSP-999")
        assert str(by_ref.value) == str(missing.value)  # indistinguishable from nonexistent
        with pytest.raises(NotFound):
            A.get_assessment(engine, people[who], e.id)
        assert A.list_case_refs(engine, people[who]) == []
    refused = [a for a in audit_entries(engine, action="history.read") if a.outcome == "not_found"]
    assert {(a.user_id, a.case_ref) for a in refused} >= {(people["pete"].id, "FSP-001"), (people["sue"].id, "FSP-001")}
    reads = [a for a in audit_entries(engine, action="assessment.read") if a.outcome == "not_found"]
    assert {a.record_id for a in reads} == {e.id}


def test_manager_sees_their_teams_not_others(engine, people):
    case, decision = assess([ADDITIONAL])
    A.save_assessment(engine, people["pam"], "FSP-001", case, decision)
    A.save_assessment(engine, people["sue"], "FSP-002", case, decision)
    assert [s.case_ref for s in A.list_case_refs(engine, people["mo"])] == ["FSP-001"]
    assert len(A.history(engine, people["mo"], "FSP-001")) == 1
    with pytest.raises(NotFound):
        A.history(engine, people["mo"], "FSP-002")
    assert [s.case_ref for s in A.list_case_refs(engine, people["mia"])] == ["FSP-002"]


def test_trainer_and_adviser_save_and_read_their_own(engine, people):
    case, decision = assess([ADDITIONAL])
    for who in ("tia", "ada"):
        A.save_assessment(engine, people[who], f"TR-{len(who)}{who[0]}1", case, decision)
        assert len(A.list_case_refs(engine, people[who])) == 1


def test_admin_cannot_save_or_read_assessments(engine, people):
    case, decision = assess([ADDITIONAL])
    with pytest.raises(AccessDenied):
        A.save_assessment(engine, people["root"], "FSP-001", case, decision)
    with pytest.raises(AccessDenied):
        A.list_case_refs(engine, people["root"])


def test_override_needs_a_reason_and_keeps_both_levels(engine, people):
    case, decision = assess([ADDITIONAL])
    e = A.save_assessment(engine, people["pam"], "FSP-001", case, decision)
    for reason in ("", "   \n\t"):
        with pytest.raises(Invalid) as exc:
            A.record_override(engine, people["pam"], e.id, "extensive", reason)
        assert exc.value.field == "reason"
    with pytest.raises(Invalid) as exc:
        A.record_override(engine, people["pam"], e.id, "additional", "same as the tool")
    assert exc.value.field == "level"
    with pytest.raises(Invalid) as exc:
        A.record_override(engine, people["pam"], e.id, "severe", "not a level")
    assert exc.value.field == "level"
    o = A.record_override(engine, people["pam"], e.id, "extensive", "  Third referral this year.  ")
    assert o.reason == "Third referral this year." and o.tool_level == "additional" and o.level == "extensive"
    again = A.get_assessment(engine, people["pam"], e.id)
    assert again.level == "additional" and again.recorded_level == "extensive"
    # the reason is never copied into the audit trail
    assert all("referral" not in (a.detail or "") for a in audit_entries(engine))


def test_only_managers_list_overrides_and_only_their_teams(engine, people):
    case, decision = assess([ADDITIONAL])
    north = A.save_assessment(engine, people["pam"], "FSP-001", case, decision)
    south = A.save_assessment(engine, people["sue"], "FSP-002", case, decision)
    A.record_override(engine, people["pam"], north.id, "extensive", "reason n")
    A.record_override(engine, people["sue"], south.id, "universal", "reason s")
    pairs = A.list_overrides(engine, people["mo"])
    assert [(e.case_ref, o.level, o.reason) for e, o in pairs] == [("FSP-001", "extensive", "reason n")]
    with pytest.raises(AccessDenied):
        A.list_overrides(engine, people["pam"])
    with pytest.raises(NotFound):  # someone else's entry: as if it did not exist
        A.record_override(engine, people["pete"], north.id, "protection", "not mine")


def test_override_changes_the_recorded_step(engine, people):
    pam = people["pam"]
    c, d = assess([ADDITIONAL])
    first = A.save_assessment(engine, pam, "FSP-001", c, d, now=T0)
    A.save_assessment(engine, pam, "FSP-001", c, d, now=T0 + timedelta(days=1))
    A.record_override(engine, pam, first.id, "extensive", "judgement")
    [change] = A.changes(A.history(engine, pam, "FSP-001"))
    assert change.tool_step == "same" and change.step == "down"


def test_saved_entries_cannot_be_rewritten(engine, people):
    case, decision = assess([ADDITIONAL])
    e = A.save_assessment(engine, people["pam"], "FSP-001", case, decision)
    o = A.record_override(engine, people["pam"], e.id, "extensive", "judgement")
    # the API offers no way: entries are frozen and there is no update/delete function
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.level = "protection"
    assert not [n for n in dir(A) if n.startswith(("update", "delete", "edit", "remove"))]
    # and the database itself refuses, whatever the client
    for sql in [
        f"UPDATE assessments SET level = 'protection' WHERE id = {e.id}",
        f"UPDATE assessments SET case_json = '{{}}' WHERE id = {e.id}",
        f"DELETE FROM assessments WHERE id = {e.id}",
        f"UPDATE overrides SET reason = 'x' WHERE id = {o.id}",
        f"DELETE FROM overrides WHERE id = {o.id}",
        "UPDATE audit_log SET action = 'x'",
        "DELETE FROM audit_log",
    ]:
        with pytest.raises(DBAPIError, match="append-only"):
            with engine.begin() as conn:
                conn.execute(text(sql))
    if engine.dialect.name == "postgresql":
        for table in ("assessments", "overrides", "audit_log"):
            with pytest.raises(DBAPIError, match="append-only"):
                with engine.begin() as conn:
                    conn.execute(text(f"TRUNCATE {table} CASCADE"))
    assert A.get_assessment(engine, people["pam"], e.id).case == e.case


def test_disabled_user_cannot_save(engine, people):
    from store.users import disable_user, find_user

    disable_user(engine, "pam")
    case, decision = assess([ADDITIONAL])
    with pytest.raises(AccessDenied):
        A.save_assessment(engine, find_user(engine, "pam"), "FSP-001", case, decision)


def test_same_reference_used_by_two_practitioners_stays_separate_but_their_manager_sees_both(engine, people):
    c, d = assess([ADDITIONAL])
    mine = A.save_assessment(engine, people["pam"], "FSP-001", c, d, now=T0)
    theirs = A.save_assessment(engine, people["pete"], "FSP-001", c, d, now=T0 + timedelta(hours=1))
    assert [e.id for e in A.history(engine, people["pam"], "FSP-001")] == [mine.id]
    assert [e.id for e in A.history(engine, people["pete"], "FSP-001")] == [theirs.id]
    assert [e.id for e in A.history(engine, people["mo"], "FSP-001")] == [mine.id, theirs.id]


# --- mut18: the listing and its paging under mutation (docs/safety/mutation.md, review 18). Oracle: the moments and
# references written here (newest saved first, each reference once), counted by hand.


def _saved_at(engine, user, refs_and_hours):
    c, d = assess([ADDITIONAL])
    for ref, hours in refs_and_hours:
        A.save_assessment(engine, user, ref, c, d, now=T0 + timedelta(hours=hours))


def test_case_refs_are_listed_newest_saved_first_and_paged_without_gaps_or_repeats(engine, people):
    pam = people["pam"]
    # FSP-003 was saved first but saved again last: its latest save (hour 9) puts it first
    _saved_at(engine, pam, [("FSP-003", 0), ("FSP-001", 1), ("FSP-002", 2), ("FSP-004", 3), ("FSP-005", 4), ("FSP-003", 9)])
    _saved_at(engine, people["sue"], [("FSP-900", 10)])  # another team's: never listed nor counted for pam
    newest_first = ["FSP-003", "FSP-005", "FSP-004", "FSP-002", "FSP-001"]
    listed = A.list_case_refs(engine, pam)
    assert [s.case_ref for s in listed] == newest_first
    assert [s.entries for s in listed] == [2, 1, 1, 1, 1]
    assert listed[0].last_saved == T0 + timedelta(hours=9)
    assert A.count_case_refs(engine, pam) == 5  # FSP-003's two entries counted once
    pages = [[s.case_ref for s in A.list_case_refs(engine, pam, limit=2, offset=start)] for start in (0, 2, 4)]
    assert pages == [["FSP-003", "FSP-005"], ["FSP-004", "FSP-002"], ["FSP-001"]]


def test_case_refs_saved_at_the_same_moment_page_in_the_reference_order(engine, people):
    pam = people["pam"]
    _saved_at(engine, pam, [("FSP-B02", 0), ("FSP-A01", 0), ("FSP-C03", 0)])
    assert [s.case_ref for s in A.list_case_refs(engine, pam)] == ["FSP-A01", "FSP-B02", "FSP-C03"]
    assert [[s.case_ref for s in A.list_case_refs(engine, pam, limit=1, offset=n)] for n in range(3)] == [["FSP-A01"], ["FSP-B02"], ["FSP-C03"]]


def test_a_reference_another_practitioner_also_used_counts_and_shows_only_one_s_own_entries(engine, people):
    c, d = assess([ADDITIONAL])
    ce, de = assess([EXTENSIVE])
    A.save_assessment(engine, people["pam"], "FSP-001", c, d, now=T0)
    A.save_assessment(engine, people["pete"], "FSP-001", ce, de, now=T0 + timedelta(hours=1))
    A.save_assessment(engine, people["pete"], "FSP-001", ce, de, now=T0 + timedelta(hours=2))
    [mine] = A.list_case_refs(engine, people["pam"])
    assert (mine.entries, mine.level, mine.last_saved) == (1, "additional", T0)
    [theirs] = A.list_case_refs(engine, people["pete"])
    assert (theirs.entries, theirs.level) == (2, "extensive")
    [both] = A.list_case_refs(engine, people["mo"])  # their manager: one reference, three entries
    assert (both.entries, both.level) == (3, "extensive")
    assert A.count_case_refs(engine, people["pam"]) == A.count_case_refs(engine, people["mo"]) == 1
    assert A.count_case_refs(engine, people["sue"]) == 0


def test_listing_overrides_is_audited_with_the_manager_the_count_and_the_moment(engine, people):
    c, d = assess([ADDITIONAL])
    for ref in ("FSP-001", "FSP-002"):
        e = A.save_assessment(engine, people["pam"], ref, c, d)
        A.record_override(engine, people["pam"], e.id, "extensive", "reason")
    later = T0 + timedelta(days=3)
    assert len(A.list_overrides(engine, people["mo"], now=later)) == 2
    [row] = audit_entries(engine, action="override.list")
    assert (row.user_id, row.detail, row.at, row.outcome) == (people["mo"].id, "count=2", later, "ok")
    with pytest.raises(AccessDenied, match="^only managers list overrides$"):
        A.list_overrides(engine, people["pam"])


def test_saved_answers_for_a_ruleset_review_come_oldest_first_whatever_order_they_were_saved_in(engine, people):
    c, d = assess([ADDITIONAL])
    late = A.save_assessment(engine, people["pam"], "FSP-001", c, d, now=T0 + timedelta(days=2))
    early = A.save_assessment(engine, people["pam"], "FSP-002", c, d, now=T0)
    later = T0 + timedelta(days=5)
    answers = A.answers_for_ruleset_review(engine, people["root"], now=later)
    assert [a.id for a in answers] == [early.id, late.id]
    [row] = audit_entries(engine, action="ruleset.review")
    assert (row.user_id, row.detail, row.at) == (people["root"].id, "count=2", later)
    A.answers_for_ruleset_review(engine, None, now=later)  # the command line: no account, said so
    assert [(r.user_id, r.detail) for r in audit_entries(engine, action="ruleset.review")][1] == (None, "count=2 cli")
    with pytest.raises(AccessDenied, match="^only admins review a ruleset change against saved assessments$"):
        A.answers_for_ruleset_review(engine, people["mo"])


def test_saved_answers_for_a_ruleset_review_keep_whether_the_decision_was_an_immediate_referral(engine, people):
    """An entry saved as an immediate referral (p9) is compared as one: the report lists it when today's ruleset
    decides it otherwise, even at the same level."""
    c, d = assess([ADDITIONAL])
    ci, di = assess(["immediate.unexplained_injuries"])
    assert (d.immediate, di.immediate, di.level.value) == (False, True, "protection")  # p9: an immediate referral
    A.save_assessment(engine, people["pam"], "FSP-001", c, d, now=T0)
    A.save_assessment(engine, people["pam"], "FSP-002", ci, di, now=T0 + timedelta(hours=1))
    answers = A.answers_for_ruleset_review(engine, people["root"])
    assert [(a.case_ref, a.level, a.immediate) for a in answers] == [("FSP-001", "additional", False), ("FSP-002", "protection", True)]


def test_a_manager_moved_to_another_team_still_reads_their_own_saved_work_and_not_the_old_teams(engine, people):
    """mut18's unread `_visible` survivors (docs/safety/mutation.md, review 18): a manager's own rows are theirs by
    who saved them, not only by team. Oracle: the store's rule, "their own, and a manager's teams'" (docs/storage.md);
    after a move from north to south, mo's own north entry is still mo's, pam's north entry is no longer mo's team's,
    and south's entries are."""
    from store.users import get_user, set_team

    case, decision = assess([ADDITIONAL])
    own = A.save_assessment(engine, people["mo"], "FSP-101", case, decision, now=T0)
    pams = A.save_assessment(engine, people["pam"], "FSP-102", case, decision, now=T0)
    sues = A.save_assessment(engine, people["sue"], "FSP-103", case, decision, now=T0)
    set_team(engine, "mo", "south", now=T0)
    mo = get_user(engine, people["mo"].id)
    assert mo.team == "south"
    assert A.get_assessment(engine, mo, own.id).case_ref == "FSP-101"
    assert [e.id for e in A.history(engine, mo, "FSP-101")] == [own.id]
    with pytest.raises(NotFound):
        A.get_assessment(engine, mo, pams.id)
    assert A.get_assessment(engine, mo, sues.id).case_ref == "FSP-103"
    assert sorted(s.case_ref for s in A.list_case_refs(engine, mo)) == ["FSP-101", "FSP-103"]
    assert A.count_case_refs(engine, mo) == 2


def test_an_entry_read_back_names_who_saved_it_and_its_overrides_whom_and_when(engine, people):
    """The late review-18 run over `_overrides_for` and `_entries` (docs/safety/mutation.md): an entry read back kept
    its saver's id, and each override its entry, its recorder's id and name and its moment, though no test read them.
    Oracle: what was saved and recorded here (the professional's decision is kept with who made it and when, beside the
    tool's: docs/storage.md)."""
    case, decision = assess([ADDITIONAL])
    e = A.save_assessment(engine, people["pam"], "FSP-201", case, decision, now=T0)
    A.record_override(engine, people["mo"], e.id, "extensive", "Third referral this year.", now=T0 + timedelta(hours=2))
    got = A.get_assessment(engine, people["pam"], e.id)
    assert (got.user_id, got.username) == (people["pam"].id, "pam")
    [o] = got.overrides
    assert (o.assessment_id, o.user_id, o.username, o.created_at) == (e.id, people["mo"].id, "mo", T0 + timedelta(hours=2))
    assert (o.tool_level, o.level, o.reason) == ("additional", "extensive", "Third referral this year.")


def test_history_is_oldest_first_by_when_it_was_saved_and_by_saving_order_at_one_moment(engine, people):
    """The late review-18 run over `_entries`' ordering: a history reads in the order of its moments, whatever order
    they were written in, and two saves at one moment in the order they were made (the tie is the PostgreSQL run's to
    notice; SQLite keeps insertion order anyway)."""
    pam = people["pam"]
    case, decision = assess([ADDITIONAL])
    later = A.save_assessment(engine, pam, "FSP-202", case, decision, now=T0 + timedelta(days=2))
    earlier = A.save_assessment(engine, pam, "FSP-202", case, decision, now=T0)
    same = A.save_assessment(engine, pam, "FSP-202", case, decision, now=T0 + timedelta(days=2))
    assert [x.id for x in A.history(engine, pam, "FSP-202")] == [earlier.id, later.id, same.id]
