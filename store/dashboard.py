"""A manager's dashboard: their teams' saved assessments (own and overseen, or one of them) counted, never listed (no case
reference, no child). Pure counting over `store.assessments` entries, plus one audited read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from pathway.levels import LEVELS, Level
from store import audit
from store.assessments import Entry, entries_where
from store.errors import AccessDenied, Invalid
from store.models import assessments
from store.oversight import teams_of
from store.readers import teams_clause
from store.users import User

TOP_INDICATORS = 10


@dataclass(frozen=True)
class Dashboard:
    team: str
    entries: int
    months: list[tuple[str, dict[str, int]]]  # ("2026-11", {level: recorded count}), oldest first
    overridden: int  # entries with a level recorded by a professional (their latest override counted below)
    down: int  # latest override lower than the tool's level
    up: int  # higher
    same: int  # back to the tool's own level (a later override): neither higher nor lower
    indicators: list[tuple[str, int]]  # most chosen first, at most TOP_INDICATORS
    # (tool level, immediate referral, recorded level) -> count, every entry: an immediate
    # referral (p9) is its own row of the cross-table, apart from the level's other decisions
    differ: dict[tuple[str, bool, str], int]
    immediate_overridden: int  # immediate referrals with a level recorded by a professional
    immediate_unreviewed: int  # of those, the ones whose latest recorded level no manager has reviewed
    in_error: int = 0  # entries marked saved in error (store.marks): counted in none of the figures above

    @property
    def override_rate(self) -> float | None:
        return None if not self.entries else 100 * self.overridden / self.entries

    @property
    def differ_count(self) -> int:
        return sum(n for (tool, _immediate, recorded), n in self.differ.items() if tool != recorded)

    @property
    def tool_rows(self) -> list[tuple[str, bool]]:
        """The cross-table's rows, (tool level, immediate referral): immediate referrals first
        (Protection's, and any other level's should there be one), then every level's other decisions."""
        immediate = {Level.PROTECTION.value} | {tool for tool, imm, _recorded in self.differ if imm}
        rows: list[tuple[str, bool]] = [(lv.value, True) for lv in reversed(LEVELS) if lv.value in immediate]
        return rows + [(lv.value, False) for lv in LEVELS]


def summarise(team: str, entries: list[Entry]) -> Dashboard:
    """The counts for one team's entries (an entry counts at its latest recorded level). An entry marked
    saved in error counts in no figure: only in `in_error`, so the page can say how many were left out."""
    in_error = sum(e.in_error is not None for e in entries)
    entries = [e for e in entries if e.in_error is None]
    months: dict[str, Counter] = {}
    for e in entries:
        months.setdefault(e.created_at.strftime("%Y-%m"), Counter())[e.recorded_level] += 1
    latest = [e.overrides[-1] for e in entries if e.overrides]
    immediate = [e.overrides[-1] for e in entries if e.immediate_overridden]
    chosen = Counter(i for e in entries for i in e.case.get("indicators", []))
    return Dashboard(
        team=team,
        entries=len(entries),
        months=[(m, {lv.value: c[lv.value] for lv in LEVELS}) for m, c in sorted(months.items())],
        overridden=len(latest),
        down=sum(o.direction == "down" for o in latest),
        up=sum(o.direction == "up" for o in latest),
        same=sum(o.direction == "same" for o in latest),
        indicators=sorted(chosen.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_INDICATORS],
        differ=dict(Counter((e.level, e.immediate, e.recorded_level) for e in entries)),
        immediate_overridden=len(immediate),
        immediate_unreviewed=sum(not o.reviewed for o in immediate),
        in_error=in_error,
    )


def team_dashboard(engine: Engine, manager: User, *, team: str | None = None, now: datetime | None = None) -> Dashboard:
    """The dashboard of one of the manager's teams, or (None) of all of them: their own and those
    an admin gave them oversight of (entries counted by the saver's team at the time)."""
    if manager.role != "manager":
        raise AccessDenied("only managers see a team's dashboard")
    teams = teams_of(engine, manager)
    if team is not None and team not in teams:
        raise Invalid("team", "choose one of the teams you oversee")
    with engine.connect() as conn:
        found = entries_where(conn, assessments.c.team == team if team is not None else teams_clause(manager))
    with engine.begin() as conn:
        audit.record(conn, "dashboard.read", user_id=manager.id, detail=f"entries={len(found)} teams={1 if team else len(teams)}", now=now)
    return summarise(team or _and(teams), found)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
