"""Demo mode (`make demo`, or `FSP_DEMO=1 make run`): the app on a throwaway SQLite database with
one account per role in one team, saved cases with a history and an override, and a finished
practice session, so a newcomer can try every side of the tool in minutes.

It is for trying the tool, never for real work: it refuses to start against a configured
database (it would write its accounts there) or with FSP_ENV=production, and every page says
"Demo" in the phase banner. Passwords are made afresh on every start and printed once.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

from flask import Blueprint, Flask, current_app, redirect, url_for
from pydantic import Field

from pathway import clock
from pathway.env_settings import EnvSettings
from store.roles import ROLES

TEAM = "Demo Team North"
USERNAMES = {role: f"demo-{role}" for role in ROLES}  # one account per role, all in TEAM
# Made-up trainees of the finished practice session: nicknames, as the join page asks.
TRAINEES = ("Asha", "Ben", "Cal")
PRACTICE_SCENARIOS = ("level-universal-doing-well", "level-additional-school-attendance", "level-extensive-missing-child")
OVERRIDE_REASON = "Three agencies are already involved and the family asked for a lead professional at the team around the family meeting."


class Refused(RuntimeError):
    """Demo mode will not start with these settings; the message says which and why."""


class _Guard(EnvSettings):
    """What demo mode must not start with: production, or a database of someone's."""

    env: str = ""  # FSP_ENV
    database_url: str = Field("", validation_alias="DATABASE_URL")
    fsp_database_url: str = Field("", validation_alias="FSP_DATABASE_URL")


def refusal(environ: Mapping[str, str]) -> str | None:
    """Why demo mode must not start with this environment, or None."""
    guard = _Guard.from_env(environ)
    if guard.env.strip().lower() == "production":
        return "demo mode refuses to start with FSP_ENV=production: its accounts have printed passwords and its cases are made up"
    for name, value in (("DATABASE_URL", guard.database_url), ("FSP_DATABASE_URL", guard.fsp_database_url)):
        if value.strip():
            return (
                f"demo mode refuses to start with {name} set: it makes its own throwaway SQLite "
                f"database and would otherwise write its accounts into yours. Unset {name} to try it"
            )
    return None


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    password: str


@dataclass(frozen=True)
class Seeded:
    accounts: tuple[Account, ...]
    case_refs: tuple[str, ...]
    practice_code: str


def _morning(days_ago: int, now: datetime) -> datetime:
    """A weekday at 10:30 UTC (in office hours all year) about `days_ago` days before `now`."""
    day = (now - timedelta(days=days_ago)).date()
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return datetime.combine(day, time(10, 30), tzinfo=timezone.utc)


# (case reference, who saves it, days ago, the case). DEM-0001 climbs from Additional to Child in
# Need over six weeks (the README's worked example is its last entry); DEM-0002 gets an override.
CASES = (
    (
        "DEM-0001",
        "practitioner",
        42,
        {"child": {"age_years": 7}, "indicators": ["additional.lack_routine"], "context": {"caf": "none", "consent_to_early_help": True}},
    ),
    (
        "DEM-0001",
        "practitioner",
        16,
        {
            "child": {"age_years": 7},
            "indicators": ["extensive.persistent_absenteeism_school_without", "additional.lack_routine"],
            "context": {"caf": "open_improving", "consent_to_early_help": True, "current_level": "additional"},
        },
    ),
    (
        "DEM-0001",
        "practitioner",
        2,
        {
            "child": {"age_years": 7},
            "indicators": ["extensive.persistent_absenteeism_school_without", "additional.lack_routine"],
            "context": {"caf": "open_not_improving", "consent_to_early_help": True, "current_level": "extensive"},
        },
    ),
    (
        "DEM-0002",
        "practitioner",
        9,
        {
            "child": {"age_years": 8},
            "indicators": ["additional.dental_decay_not_accessing", "additional.stress_factors_poor_housing"],
            "context": {"caf": "none", "consent_to_early_help": True},
        },
    ),
    (
        "DEM-0003",
        "adviser",
        5,
        {
            "child": {"age_years": 2},
            "indicators": ["universal.physically_well", "universal.meets_developmental_milestones"],
            "context": {"caller": "parent_carer"},
        },
    ),
)


def _save_cases(engine, people: dict, now: datetime) -> tuple[str, ...]:
    from pathway.models import Case
    from rules import evaluate
    from store import assessments

    saved = {}
    for ref, role, days_ago, raw in CASES:
        when = _morning(days_ago, now)
        case = Case.parse({**raw, "context": {**raw["context"], "contact_time": when.isoformat(), "caller": raw["context"].get("caller", "professional")}})
        saved[ref] = assessments.save_assessment(engine, people[role], ref, case, evaluate(case), now=when)
    assessments.record_override(engine, people["practitioner"], saved["DEM-0002"].id, "extensive", OVERRIDE_REASON, now=_morning(8, now))
    return tuple(saved)


def _finished_practice(trainer_id: int) -> tuple[str, str]:
    """A practice session of three shipped scenarios, answered by three trainees and ended. A
    session belongs to the trainer account that started it (records.is_trainer), in any browser."""
    from pathway.scenarios import dump_scenarios
    from webapp.practice import library, records

    shipped = {s.id: s for s in library.shipped()}
    chosen = [shipped[i] for i in PRACTICE_SCENARIOS]
    code, token = records.start_session([s.id for s in chosen], dump_scenarios(chosen), trainer_id)
    levels = ["universal", "additional", "extensive", "child_in_need", "protection"]
    for n, name in enumerate(TRAINEES):
        trainee = records.add_trainee(code, name, cap=len(TRAINEES))
        for k, scenario in enumerate(chosen):
            model = scenario.model.level.value
            # the first trainee matches every model answer; the others miss one each, one level up
            wrong = n > 0 and k == n
            level = levels[min(levels.index(model) + 1, len(levels) - 1)] if wrong else model
            records.save_answer(trainee, scenario.id, level, [] if wrong else list(scenario.answers.indicators))
    records.end_session(code, user_id=trainer_id)
    return code, token


def seed(app: Flask, *, now: datetime | None = None) -> Seeded:
    """Fill the app's (empty, throwaway) database; passwords are new each time."""
    from store.users import create_user

    now = now or clock.utcnow()
    engine = app.extensions["fsp_store"]
    accounts, people = [], {}
    for role, username in USERNAMES.items():
        password = secrets.token_urlsafe(12)  # 16 characters, random: never a guessable demo password
        people[role] = create_user(engine, username, role, TEAM, password)
        accounts.append(Account(username, role, password))
    refs = _save_cases(engine, people, now)
    with app.app_context():  # one finished session for each account that may open practice summaries
        sessions = {people[role].id: _finished_practice(people[role].id) for role in ("trainer", "admin")}
    app.config["DEMO_PRACTICE"] = sessions
    return Seeded(tuple(accounts), refs, sessions[people["trainer"].id][0])


# --- the one demo-only page: hand the seeded practice session to a signed-in trainer ----------

bp = Blueprint("demo", __name__, url_prefix="/demo")


def _register_views() -> None:
    from webapp.accounts import auth

    @bp.get("/practice-summary")
    @auth.signed_in("demo.practice_summary", auth.TRAINERS)
    def practice_summary(user):
        """The seeded session, started by the launcher for this account: its summary (it is also in the
        account's "Your practice sessions", /practice/sessions)."""
        code, _token = current_app.config["DEMO_PRACTICE"][user.id]
        return redirect(url_for("practice.summary", code=code))


_register_views()


def init_app(app: Flask) -> None:
    """Demo apps only (create_app calls this when DEMO is set)."""
    app.register_blueprint(bp)
