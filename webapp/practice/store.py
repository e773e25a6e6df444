"""Practice mode's tables, on the web app's engine (webapp.db.metadata), and their queries.

Saved scenarios are kept as the scenario format's own YAML (dump_scenarios), so what the
database holds is exactly what an export gives and an import reads. Trainer tokens are kept
only as SHA-256 hashes of the trainer's account id and the token, so the token (in the trainer's
server-side session) opens the session's pages only for that account, signed in.
"""
from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import (Boolean, Column, DateTime, ForeignKey, Integer, String, Table, Text, UniqueConstraint,
                        delete, func, insert, literal, select, update)

from webapp import db

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read aloud and typed by trainees
CODE_LENGTH = 6
SESSION_DAYS = 7  # a practice session (and its trainees' answers) is deleted a week after it starts

practice_scenarios = Table(
    "practice_scenarios", db.metadata,
    Column("id", String(80), primary_key=True),
    Column("yaml", Text, nullable=False),  # one scenario, as dump_scenarios writes it
    Column("saved_at", DateTime(timezone=True), nullable=False),
)

practice_sessions = Table(
    "practice_sessions", db.metadata,
    Column("code", String(16), primary_key=True),
    Column("trainer_key", String(64), nullable=False),  # sha256 of the trainer's token
    Column("scenario_ids", Text, nullable=False),  # JSON list, in the trainer's order
    Column("scenarios_yaml", Text, nullable=False),  # the scenarios as they were at the start
    Column("ended", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
)

practice_trainees = Table(
    "practice_trainees", db.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code", String(16), ForeignKey("practice_sessions.code", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", String(40), nullable=False),
)

practice_answers = Table(
    "practice_answers", db.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("trainee_id", Integer, ForeignKey("practice_trainees.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("scenario_id", String(80), nullable=False),
    Column("level", String(20), nullable=False),
    Column("indicators", Text, nullable=False),  # JSON list
    UniqueConstraint("trainee_id", "scenario_id"),
)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _trainer_key(user_id: int, token: str) -> str:
    return _hash(f"{user_id}:{token}")


# --- saved scenarios --------------------------------------------------------------------------

def saved_scenarios() -> list[tuple[str, str]]:
    """(id, yaml) of every saved scenario, by id."""
    with db.engine().connect() as conn:
        return [(r.id, r.yaml) for r in conn.execute(select(practice_scenarios).order_by(practice_scenarios.c.id))]


def save_scenario(scenario_id: str, text: str) -> None:
    """Save a scenario's YAML, replacing a saved one with the same id."""
    with db.engine().begin() as conn:
        conn.execute(delete(practice_scenarios).where(practice_scenarios.c.id == scenario_id))
        conn.execute(insert(practice_scenarios).values(id=scenario_id, yaml=text, saved_at=db.utcnow()))


# --- sessions ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class PracticeSession:
    code: str
    scenario_ids: list[str]
    scenarios_yaml: str
    ended: bool
    created_at: datetime


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def start_session(scenario_ids: list[str], scenarios_yaml: str, user_id: int) -> tuple[str, str]:
    """A new session for the trainer `user_id`: (join code, trainer token). The token goes into
    the trainer's session only."""
    token = secrets.token_urlsafe(32)
    _expire_old()
    with db.engine().begin() as conn:
        for _ in range(20):
            code = new_code()
            if conn.execute(select(practice_sessions.c.code).where(practice_sessions.c.code == code)).first() is None:
                break
        else:  # pragma: no cover - 32**6 codes
            raise RuntimeError("could not find a free join code")
        conn.execute(insert(practice_sessions).values(
            code=code, trainer_key=_trainer_key(user_id, token), scenario_ids=json.dumps(scenario_ids),
            scenarios_yaml=scenarios_yaml, ended=False, created_at=db.utcnow()))
    return code, token


def get_session(code: str) -> PracticeSession | None:
    code = normalise_code(code)
    with db.engine().connect() as conn:
        row = conn.execute(select(practice_sessions).where(practice_sessions.c.code == code)).first()
    if row is None:
        return None
    return PracticeSession(row.code, json.loads(row.scenario_ids), row.scenarios_yaml, bool(row.ended), row.created_at)


def is_trainer(code: str, token: str | None, user_id: int | None) -> bool:
    """Whether `token`, held by the signed-in account `user_id`, is this session's trainer's."""
    if not token or user_id is None:
        return False
    with db.engine().connect() as conn:
        row = conn.execute(select(practice_sessions.c.trainer_key).where(practice_sessions.c.code == code)).first()
    return row is not None and secrets.compare_digest(row.trainer_key, _trainer_key(user_id, token))


def end_session(code: str) -> None:
    with db.engine().begin() as conn:
        conn.execute(update(practice_sessions).where(practice_sessions.c.code == code).values(ended=True))


def normalise_code(code: str) -> str:
    return "".join((code or "").split()).upper()


def _expire_old() -> None:
    cutoff = db.utcnow() - timedelta(days=SESSION_DAYS)
    with db.engine().begin() as conn:
        old = [r.code for r in conn.execute(select(practice_sessions.c.code).where(practice_sessions.c.created_at < cutoff))]
        if old:
            trainees = select(practice_trainees.c.id).where(practice_trainees.c.code.in_(old))
            conn.execute(delete(practice_answers).where(practice_answers.c.trainee_id.in_(trainees)))
            conn.execute(delete(practice_trainees).where(practice_trainees.c.code.in_(old)))
            conn.execute(delete(practice_sessions).where(practice_sessions.c.code.in_(old)))


# --- trainees and answers ---------------------------------------------------------------------

def add_trainee(code: str, name: str, cap: int) -> int | None:
    """A new trainee's id, or None when the session already has `cap` trainees. One statement
    (INSERT ... SELECT ... WHERE count < cap), so simultaneous joins cannot overfill it on SQLite."""
    t = practice_trainees
    room = select(func.count()).select_from(t).where(t.c.code == code).scalar_subquery() < cap
    with db.engine().begin() as conn:
        return conn.execute(insert(t).from_select(["code", "name"], select(literal(code), literal(name)).where(room))
                            .returning(t.c.id)).scalar()


def remove_trainee(code: str, trainee_id: int) -> bool:
    """Remove a trainee and their answers from the session (the trainer's choice); False if
    the session has no such trainee."""
    with db.engine().begin() as conn:
        mine = select(practice_trainees.c.id).where(practice_trainees.c.code == code,
                                                    practice_trainees.c.id == trainee_id)
        conn.execute(delete(practice_answers).where(practice_answers.c.trainee_id.in_(mine)))
        return bool(conn.execute(delete(practice_trainees).where(practice_trainees.c.code == code,
                                                                 practice_trainees.c.id == trainee_id)).rowcount)


def trainees(code: str) -> list[tuple[int, str]]:
    with db.engine().connect() as conn:
        return [(r.id, r.name) for r in conn.execute(
            select(practice_trainees).where(practice_trainees.c.code == code).order_by(practice_trainees.c.id))]


def trainee_in(code: str, trainee_id: int | None) -> bool:
    return trainee_id is not None and any(t == trainee_id for t, _ in trainees(code))


def save_answer(trainee_id: int, scenario_id: str, level: str, indicators: list[str]) -> None:
    """A trainee's answer to one scenario; answering again replaces it."""
    with db.engine().begin() as conn:
        conn.execute(delete(practice_answers).where(practice_answers.c.trainee_id == trainee_id,
                                                   practice_answers.c.scenario_id == scenario_id))
        conn.execute(insert(practice_answers).values(trainee_id=trainee_id, scenario_id=scenario_id, level=level,
                                                     indicators=json.dumps(sorted(set(indicators)))))


@dataclass(frozen=True)
class Answer:
    trainee_id: int
    scenario_id: str
    level: str
    indicators: list[str]


def answers(code: str, trainee_id: int | None = None) -> list[Answer]:
    """The session's answers (or one trainee's)."""
    query = (select(practice_answers).join(practice_trainees, practice_trainees.c.id == practice_answers.c.trainee_id)
             .where(practice_trainees.c.code == code).order_by(practice_answers.c.id))
    if trainee_id is not None:
        query = query.where(practice_answers.c.trainee_id == trainee_id)
    with db.engine().connect() as conn:
        return [Answer(r.trainee_id, r.scenario_id, r.level, json.loads(r.indicators)) for r in conn.execute(query)]
