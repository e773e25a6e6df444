"""Practice mode's records: its queries, on the app's engine; its tables are the store's (store/models.py).

Saved scenarios are kept as the scenario format's own YAML (dump_scenarios), so what the
database holds is exactly what an export gives and an import reads.

A session belongs to the account that started it (`trainer_id`, revision 0009; review 19 surfaces, S3):
that account, signed in, opens it in any browser, after any new sign-in. A session started before has no
account id: its trainer token, kept only as a SHA-256 hash of the account id and the token
(`trainer_key`), opens it for that account signed in, in the browser holding the token.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import (
    Connection,
    delete,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from pathway import written_text
from pathway.scenarios.model import ID_PATTERN
from webapp import db

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read aloud and typed by trainees
CODE_LENGTH = 6
SESSION_DAYS = 7  # a practice session (and its trainees' answers) is deleted a week after it starts

# The tables are the store's (store/models.py), created by its Alembic revisions like every other.
from store.models import (  # noqa: E402
    practice_answers,
    practice_results,
    practice_scenario_versions,
    practice_scenarios,
    practice_sessions,
    practice_trainees,
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


@dataclass(frozen=True)
class Version:
    scenario_id: str
    version: int
    author: str
    how: str  # "written" (the editor) or "imported"
    saved_at: datetime
    yaml: str


def save_scenario(scenario_id: str, text: str, author=None, how: str = "written") -> Version:
    """Save a scenario's YAML, replacing the current one with the same id; every save is kept as
    a numbered version with its author, and audited (store.audit) in the same transaction.
    `author` is the signed-in store User (None only for tests and scripts)."""
    return save_scenario_once(scenario_id, text, author, how, token=None)[0]


def save_scenario_once(scenario_id: str, text: str, author=None, how: str = "written", *, token: str | None) -> tuple[Version, bool]:
    """`save_scenario` for a form carrying a one-time token (store.form_tokens, left14): (the version,
    False) when saved now; (the version its first post saved, True) when the same form, with the same
    scenario by the same author, was posted before, even at the same moment (the unique index decides).
    The token beside another scenario (a page kept open and changed) is another save, kept without it."""
    from store import audit, form_tokens

    token = form_tokens.posted(token)
    now = db.utcnow()
    name = author.username if author else "(unknown)"
    author_id = author.id if author else None

    def write(conn: Connection) -> Version:
        last = conn.execute(select(func.max(practice_scenario_versions.c.version)).where(practice_scenario_versions.c.scenario_id == scenario_id)).scalar() or 0
        replaced = conn.execute(select(practice_scenarios.c.id).where(practice_scenarios.c.id == scenario_id)).first()
        conn.execute(delete(practice_scenarios).where(practice_scenarios.c.id == scenario_id))
        conn.execute(insert(practice_scenarios).values(id=scenario_id, yaml=text, saved_at=now))
        values = dict(scenario_id=scenario_id, version=last + 1, author=name, how=how, saved_at=now, yaml=text)
        form_tokens.insert_with(conn, practice_scenario_versions, values, token)
        detail = f"scenario={scenario_id} version={last + 1} {how}"
        audit.record(conn, "scenario.replace" if replaced else "scenario.save", user_id=author_id, detail=detail, now=now)
        return Version(scenario_id, last + 1, name, how, now, text)  # the version this post saves

    def repeated(saved: int) -> tuple[Version, bool]:
        with db.engine().begin() as conn:
            row = conn.execute(select(practice_scenario_versions).where(practice_scenario_versions.c.id == saved)).one()
            audit.record(conn, "scenario.save", user_id=author_id, outcome="repeat", detail=f"scenario={scenario_id} version={row.version} {how}", now=now)
        return Version(row.scenario_id, row.version, row.author, row.how, row.saved_at, row.yaml), True

    return form_tokens.insert_once(
        db.engine(),
        token,
        write,
        table=practice_scenario_versions,
        same=dict(scenario_id=scenario_id, author=name, yaml=text),
        done=lambda version: (version, False),
        repeated=repeated,
        again=lambda: save_scenario_once(scenario_id, text, author, how, token=None),  # the token beside another scenario
    )


def versions(scenario_id: str) -> list[Version]:
    """Every saved version of a scenario, newest first (none for text that cannot be an id: not
    looked up, as PostgreSQL refuses a NUL in a query)."""
    if len(scenario_id) > 80 or not re.fullmatch(ID_PATTERN, scenario_id):
        return []
    with db.engine().connect() as conn:
        rows = conn.execute(
            select(practice_scenario_versions)
            .where(practice_scenario_versions.c.scenario_id == scenario_id)
            .order_by(practice_scenario_versions.c.version.desc())
        )
        return [Version(r.scenario_id, r.version, r.author, r.how, r.saved_at, r.yaml) for r in rows]


def latest_versions() -> dict[str, Version]:
    """The newest version of each saved scenario that has one (saves before versions began have none)."""
    out: dict[str, Version] = {}
    with db.engine().connect() as conn:
        for r in conn.execute(select(practice_scenario_versions).order_by(practice_scenario_versions.c.version)):
            out[r.scenario_id] = Version(r.scenario_id, r.version, r.author, r.how, r.saved_at, r.yaml)
    return out


# --- sessions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PracticeSession:
    code: str
    scenario_ids: list[str]
    scenarios_yaml: str
    ended: bool
    created_at: datetime
    by_account: bool = True  # False: started before revision 0009, opened only with its token in the browser that started it


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def start_session(scenario_ids: list[str], scenarios_yaml: str, user_id: int, cohort: str | None = None) -> tuple[str, str]:
    """A new session for the trainer `user_id`: (join code, trainer token). The token goes into
    the trainer's session only. `cohort` labels its results, which outlive it."""
    code, token, _ = start_session_once(scenario_ids, scenarios_yaml, user_id, cohort, form_token=None)
    return code, token


def start_session_once(
    scenario_ids: list[str], scenarios_yaml: str, user_id: int, cohort: str | None = None, *, form_token: str | None, trainer_token: str | None = None
) -> tuple[str, str, bool]:
    """`start_session` for a form carrying a one-time token (store.form_tokens, left14): (join code,
    trainer token, False) when started now; (the code its first post started, the token, True) when the
    same form, with the same scenarios and cohort, by the same trainer holding the same `trainer_token`,
    was posted before, even at the same moment (the unique index decides). The caller makes
    `trainer_token` from the form token (the same for both posts, so the second post's browser holds the
    first session's token); without one it is random, as before."""
    from store import audit, form_tokens

    form_token = form_tokens.posted(form_token)
    token = trainer_token if form_token and trainer_token else secrets.token_urlsafe(32)
    cohort = _label(cohort)
    trainer_key = _trainer_key(user_id, token)
    _expire_old()

    def write(conn: Connection) -> str:
        for _ in range(20):
            code = new_code()
            if conn.execute(select(practice_sessions.c.code).where(practice_sessions.c.code == code)).first() is None:
                break
        else:  # pragma: no cover - 32**6 codes
            raise RuntimeError("could not find a free join code")
        values = dict(
            code=code,
            trainer_key=trainer_key,
            trainer_id=user_id,
            scenario_ids=json.dumps(scenario_ids),
            scenarios_yaml=scenarios_yaml,
            ended=False,
            created_at=db.utcnow(),
        )
        form_tokens.insert_with(conn, practice_sessions, values, form_token, key="code")
        conn.execute(insert(practice_results).values(code=code, cohort=cohort, started_at=db.utcnow(), scenarios=len(scenario_ids)))
        # the code and counts, never the cohort label (typed text; review 20 surfaces, S7)
        audit.record(conn, "practice.start", user_id=user_id, detail=f"code={code} scenarios={len(scenario_ids)}", now=db.utcnow())
        return code

    def repeated(code: str) -> tuple[str, str, bool]:
        with db.engine().begin() as conn:
            audit.record(conn, "practice.start", user_id=user_id, outcome="repeat", detail=f"code={code} scenarios={len(scenario_ids)}", now=db.utcnow())
        return code, token, True

    return form_tokens.insert_once(
        db.engine(),
        form_token,
        write,
        table=practice_sessions,
        key="code",
        same=dict(trainer_key=trainer_key, trainer_id=user_id, scenario_ids=json.dumps(scenario_ids), scenarios_yaml=scenarios_yaml),
        kept=lambda first: _label(_cohort(first)) == cohort,  # the cohort is practice_results', beside the session
        done=lambda code: (code, token, False),
        repeated=repeated,
        again=lambda: start_session_once(scenario_ids, scenarios_yaml, user_id, cohort, form_token=None),  # another start
    )


def _label(cohort: str | None) -> str | None:
    """A cohort label as kept and looked up: nothing visible is no label (review 19 surfaces, S4); folded
    (pathway.written_text.folded), so one label typed composed or decomposed (Zoë; review 20 surfaces, S4),
    with a zero-width space or a word joiner pasted in, or with two spaces, is one cohort (review 21
    surfaces, S1). A label stored before, with such a character, is folded when read (`cohorts`,
    `cohort_results`): it joins the cohort it draws as, and its row is left as it was."""
    return written_text.folded(written_text.or_empty(cohort)) or None


def _cohort(code: str) -> str | None:
    with db.engine().connect() as conn:
        return conn.execute(select(practice_results.c.cohort).where(practice_results.c.code == code)).scalar()


def get_session(code: str) -> PracticeSession | None:
    code = normalise_code(code)
    if not code or len(code) > CODE_LENGTH or set(code) - set(CODE_ALPHABET):
        return None  # cannot be a code: not looked up (PostgreSQL refuses a NUL in a query: a 500)
    with db.engine().connect() as conn:
        row = conn.execute(select(practice_sessions).where(practice_sessions.c.code == code)).first()
    if row is None:
        return None
    return PracticeSession(row.code, json.loads(row.scenario_ids), row.scenarios_yaml, bool(row.ended), row.created_at, row.trainer_id is not None)


def is_trainer(code: str, token: str | None, user_id: int | None) -> bool:
    """Whether the signed-in account `user_id` is this session's trainer: the account that started it
    (any browser, any sign-in); for a session started before revision 0009 (no account id), when this
    browser holds its `token` as well (the old way)."""
    if user_id is None:
        return False
    with db.engine().connect() as conn:
        row = conn.execute(select(practice_sessions.c.trainer_key, practice_sessions.c.trainer_id).where(practice_sessions.c.code == code)).first()
    if row is None:
        return False
    if row.trainer_id is not None:
        return bool(row.trainer_id == user_id)
    return bool(token) and secrets.compare_digest(row.trainer_key, _trainer_key(user_id, token or ""))


@dataclass(frozen=True)
class OwnSession:
    """A session as its trainer's list shows it."""

    code: str
    cohort: str | None
    created_at: datetime
    ended: bool
    scenarios: int
    trainees: int
    answers: int


def trainer_sessions(user_id: int, tokens: dict[str, str] | None = None) -> list[OwnSession]:
    """The sessions the account `user_id` started that are not past their SESSION_DAYS (those are
    deleted when a new session starts): open ones first, then ended, newest first in each. A session
    started before revision 0009 is among them only when `tokens` (this browser's {code: trainer token})
    opens it for this account: no one knows its account otherwise."""
    s, t, a = practice_sessions, practice_trainees, practice_answers
    cutoff = db.utcnow() - timedelta(days=SESSION_DAYS)
    old = [code for code, token in (tokens or {}).items() if is_trainer(code, token, user_id)]
    people = select(func.count()).select_from(t).where(t.c.code == s.c.code).scalar_subquery()
    given = select(func.count()).select_from(a.join(t, t.c.id == a.c.trainee_id)).where(t.c.code == s.c.code).scalar_subquery()
    mine = s.c.trainer_id == user_id
    if old:
        mine = mine | (s.c.trainer_id.is_(None) & s.c.code.in_(old))
    query = (
        select(s.c.code, s.c.created_at, s.c.ended, s.c.scenario_ids, practice_results.c.cohort, people.label("trainees"), given.label("answers"))
        .select_from(s.outerjoin(practice_results, practice_results.c.code == s.c.code))
        .where(mine, s.c.created_at >= cutoff)
        .order_by(s.c.ended, s.c.created_at.desc(), s.c.code)
    )
    with db.engine().connect() as conn:
        return [OwnSession(r.code, r.cohort, r.created_at, bool(r.ended), len(json.loads(r.scenario_ids)), r.trainees, r.answers) for r in conn.execute(query)]


def any_without_account() -> bool:
    """Whether any session not past its SESSION_DAYS was started before revision 0009 (no account id:
    opened only with its token, in the browser that started it). None are left a week after the upgrade."""
    cutoff = db.utcnow() - timedelta(days=SESSION_DAYS)
    s = practice_sessions
    with db.engine().connect() as conn:
        return conn.execute(select(s.c.code).where(s.c.trainer_id.is_(None), s.c.created_at >= cutoff).limit(1)).first() is not None


def end_session(code: str, *, trainees: int = 0, answers: int = 0, agree: int | None = None, kappa: float | None = None, user_id: int | None = None) -> None:
    """End the session and keep its results (counts only) under its cohort. `agree` None: agreement
    with the model answer was not worked out (its scenarios no longer load), never recorded as 0.
    Audited with the account `user_id` that ended it (review 20 surfaces, S7)."""
    from store import audit

    with db.engine().begin() as conn:
        conn.execute(update(practice_sessions).where(practice_sessions.c.code == code).values(ended=True))
        audit.record(conn, "practice.end", user_id=user_id, detail=f"code={code} trainees={trainees} answers={answers}", now=db.utcnow())
        conn.execute(
            update(practice_results)
            .where(practice_results.c.code == code)
            .values(ended_at=db.utcnow(), trainees=trainees, answers=answers, agree=agree, kappa=kappa)
        )


@dataclass(frozen=True)
class Result:
    code: str
    cohort: str | None
    started_at: datetime
    ended_at: datetime | None
    scenarios: int
    trainees: int | None
    answers: int | None
    agree: int | None
    kappa: float | None

    @property
    def agree_percent(self) -> float | None:
        """None with no answers, or when agreement was not worked out (`agree` None: see `worked_out`)."""
        return None if not self.answers or self.agree is None else 100.0 * self.agree / self.answers

    @property
    def worked_out(self) -> bool:
        return self.agree is not None or not self.answers


def _ended_with_cohort(conn) -> list:
    """The ended sessions' results that have a cohort, oldest first."""
    r = practice_results
    return list(conn.execute(select(r).where(r.c.cohort.is_not(None), r.c.ended_at.is_not(None)).order_by(r.c.started_at, r.c.code)))


def cohorts() -> list[tuple[str, int]]:
    """(label, ended sessions) of every cohort, by label. Labels a reader could not tell apart are one
    cohort (`written_text.alike`: folded, case, and letters of other scripts that draw as these; review
    21 surfaces, S1, and conf22), shown as its oldest session's label was typed (folded)."""
    with db.engine().connect() as conn:
        rows = _ended_with_cohort(conn)
    labels = [_label(r.cohort) or r.cohort for r in rows]  # a label stored before folding joins the one it draws as (S1)
    counts: dict[str, int] = {}
    for group in written_text.alike_groups(labels):
        counts[labels[group]] = counts.get(labels[group], 0) + 1
    return sorted(counts.items())


def cohort_results(cohort: str) -> list[Result]:
    """A cohort's ended sessions, oldest first: those whose label a reader could not tell from `cohort`'s
    (compared as `cohorts` groups them)."""
    wanted = _label(cohort)
    if not wanted:
        return []
    with db.engine().connect() as conn:
        rows = _ended_with_cohort(conn)
    groups = written_text.alike_groups([wanted] + [_label(r.cohort) or r.cohort for r in rows])
    return [Result(**{**r._mapping, "cohort": wanted}) for r, g in zip(rows, groups[1:]) if g == groups[0]]


def normalise_code(code: str) -> str:
    return "".join((code or "").split()).upper()


def _expire_old() -> None:
    """Delete the sessions past their SESSION_DAYS, their trainees and answers; audited (counts only, no
    account: the rule deletes them, not whoever started the session that ran it)."""
    from store import audit

    cutoff = db.utcnow() - timedelta(days=SESSION_DAYS)
    with db.engine().begin() as conn:
        old = [r.code for r in conn.execute(select(practice_sessions.c.code).where(practice_sessions.c.created_at < cutoff))]
        if old:
            trainees = select(practice_trainees.c.id).where(practice_trainees.c.code.in_(old))
            gone = conn.execute(delete(practice_answers).where(practice_answers.c.trainee_id.in_(trainees))).rowcount
            audit.record(conn, "practice.expire", user_id=None, detail=f"sessions={len(old)} answers={gone}", now=db.utcnow())
            conn.execute(delete(practice_trainees).where(practice_trainees.c.code.in_(old)))
            conn.execute(delete(practice_sessions).where(practice_sessions.c.code.in_(old)))


# --- trainees and answers ---------------------------------------------------------------------


class NameInUse(Exception):
    """A trainee's display name draws as one already in the session (`name`, as stored)."""

    def __init__(self, name: str):
        super().__init__("display name in use")  # never the name: an exception may be logged
        self.name = name


def add_trainee(code: str, name: str, cap: int) -> int | None:
    """A new trainee's id, or None when the session already has `cap` trainees. One statement
    (INSERT ... SELECT ... WHERE count < cap), so simultaneous joins cannot overfill it on SQLite.
    NameInUse when a reader could not tell the name from one already in the session (`name_in_use`;
    review 21 surfaces, S2): checked first, and held by the store's unique indexes on the name's keys
    (revision 0011, conf22), so of two joins at one moment under names that draw alike one is taken and
    the other refused in the same words, never a 500."""
    t = practice_trainees
    from store import audit

    name = written_text.folded(name)  # as the trainer's page draws it (review 21 surfaces, S2)
    taken = name_in_use(code, name)
    if taken is not None:
        raise NameInUse(taken)
    drawn, caseless = written_text.keys(name).digests()
    room = select(func.count()).select_from(t).where(t.c.code == code).scalar_subquery() < cap
    row = select(literal(code), literal(name), literal(drawn), literal(caseless)).where(room)
    try:
        with db.engine().begin() as conn:
            tid = conn.execute(insert(t).from_select(["code", "name", "name_drawn", "name_caseless"], row).returning(t.c.id)).scalar()
            if tid is not None:  # anonymous: the trainee's id and the code, never the name typed
                audit.record(conn, "practice.join", user_id=None, record_id=tid, detail=f"code={code}", now=db.utcnow())
            return tid
    except IntegrityError:
        taken = name_in_use(code, name)  # another join took a name that draws alike in the meantime
        if taken is None:
            raise  # some other constraint (the session deleted meanwhile): not a name to refuse
        raise NameInUse(taken) from None


def remove_trainee(code: str, trainee_id: int, user_id: int | None = None) -> bool:
    """Remove a trainee and their answers from the session (the trainer's choice); False if
    the session has no such trainee. Audited with the trainer's account `user_id`, the trainee's id
    and how many answers went with them, never their name (review 20 surfaces, S7)."""
    from store import audit

    with db.engine().begin() as conn:
        mine = select(practice_trainees.c.id).where(practice_trainees.c.code == code, practice_trainees.c.id == trainee_id)
        answers_gone = conn.execute(delete(practice_answers).where(practice_answers.c.trainee_id.in_(mine))).rowcount
        removed = bool(conn.execute(delete(practice_trainees).where(practice_trainees.c.code == code, practice_trainees.c.id == trainee_id)).rowcount)
        if removed:
            audit.record(conn, "practice.remove_trainee", user_id=user_id, record_id=trainee_id, detail=f"code={code} answers={answers_gone}", now=db.utcnow())
        return removed


def name_in_use(code: str, name: str) -> str | None:
    """The display name, as stored, of a trainee in this session whose name a reader could not tell
    from `name` (`written_text.alike`: invisible characters, case, spaces, and letters of other scripts
    that draw as these, by their TR39 skeletons; review 21 surfaces, S2, and conf22), or None. Names
    stored before folding are compared folded."""
    return next((stored for _, stored in trainees(code) if written_text.alike(stored, name)), None)


def trainees(code: str) -> list[tuple[int, str]]:
    with db.engine().connect() as conn:
        return [(r.id, r.name) for r in conn.execute(select(practice_trainees).where(practice_trainees.c.code == code).order_by(practice_trainees.c.id))]


def told_apart(people: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`trainees`, each name that a reader could not tell from another's (`written_text.alike`: stored
    before names were compared at joining; the store refuses a second since revision 0011) followed by
    its place in joining order among them, "Tara (2 of 2 with this name)": the trainer's rows, their
    Remove buttons and the summary say which one (review 21 surfaces, S2)."""
    groups = written_text.alike_groups([name for _, name in people])
    out = []
    for i, (tid, name) in enumerate(people):
        alike = [j for j, g in enumerate(groups) if g == groups[i]]
        out.append((tid, name if len(alike) == 1 else f"{name} ({alike.index(i) + 1} of {len(alike)} with this name)"))
    return out


def trainee_in(code: str, trainee_id: int | None) -> bool:
    return trainee_id is not None and any(t == trainee_id for t, _ in trainees(code))


def save_answer(trainee_id: int, scenario_id: str, level: str, indicators: list[str]) -> bool:
    """A trainee's answer to one scenario: False, and nothing saved, if they have answered it already.

    The first answer stands (review 9 surfaces, V3): answering leads to the feedback, which shows the
    model answer, so a second answer would be read from it and inflate the agreement with the model
    and Fleiss' kappa the summary gives. It once replaced the first. The table's unique constraint on
    (trainee, scenario) decides, so two answers posted at once cannot both be kept either."""
    from store import audit

    try:
        with db.engine().begin() as conn:
            conn.execute(
                insert(practice_answers).values(trainee_id=trainee_id, scenario_id=scenario_id, level=level, indicators=json.dumps(sorted(set(indicators))))
            )
            # anonymous: the trainee's id and the scenario's, never the answer
            audit.record(conn, "practice.answer", user_id=None, record_id=trainee_id, detail=f"scenario={scenario_id}", now=db.utcnow())
    except IntegrityError:
        return False
    return True


def has_answered(code: str, trainee_id: int, scenario_id: str) -> bool:
    return any(a.scenario_id == scenario_id for a in answers(code, trainee_id))


@dataclass(frozen=True)
class Answer:
    trainee_id: int
    scenario_id: str
    level: str
    indicators: list[str]


def answers(code: str, trainee_id: int | None = None) -> list[Answer]:
    """The session's answers (or one trainee's)."""
    query = (
        select(practice_answers)
        .join(practice_trainees, practice_trainees.c.id == practice_answers.c.trainee_id)
        .where(practice_trainees.c.code == code)
        .order_by(practice_answers.c.id)
    )
    if trainee_id is not None:
        query = query.where(practice_answers.c.trainee_id == trainee_id)
    with db.engine().connect() as conn:
        return [Answer(r.trainee_id, r.scenario_id, r.level, json.loads(r.indicators)) for r in conn.execute(query)]
