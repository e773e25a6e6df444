"""The tables (SQLAlchemy Core). The Alembic revisions create them; this is for queries.

One MetaData for every table of the database, the web app's sessions and practice tables too:
Alembic's revisions create them all, and a test compares them with these definitions.
Times are stored as timezone-aware UTC. Answers and decisions are stored as the exact JSON text
the contract defines, so what was saved is what is shown years later.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text, UniqueConstraint

from store.roles import ROLES  # noqa: F401  (re-exported)

metadata = MetaData()

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("team", String(64), nullable=False),
    Column("password_hash", String(255), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# A signed-in account's token (a sign-in), apart from the web app's own sessions (web_sessions).
sign_ins = Table(
    "sign_ins",
    metadata,
    Column("token_hash", String(64), primary_key=True),  # sha256 of the token; the token itself is never stored
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("revoked", Boolean, nullable=False, default=False),
)

# Append-only: no UPDATE ever; DELETE only by retention (triggers enforce it, see the migration).
assessments = Table(
    "assessments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_ref", String(32), nullable=False, index=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("team", String(64), nullable=False, index=True),  # the saver's team at the time
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column("ruleset", String(64), nullable=False),
    Column("level", String(16), nullable=False),
    Column("case_json", Text, nullable=False),
    Column("decision_json", Text, nullable=False),
    # the saving form's one-time token (revision 0007): the same form posted twice finds this row
    Column("form_token", String(64), nullable=True, unique=True, index=True),
)

overrides = Table(
    "overrides",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("assessment_id", Integer, ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("tool_level", String(16), nullable=False),
    Column("level", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("form_token", String(64), nullable=True, unique=True, index=True),  # as assessments'
)

# A manager's review of an override (revision 0002). Append-only; deleted only by retention.
override_reviews = Table(
    "override_reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("override_id", Integer, ForeignKey("overrides.id"), nullable=False, index=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("note", Text, nullable=False),
    Column("form_token", String(64), nullable=True, unique=True, index=True),  # as assessments'
)

# An entry saved in error (revision 0010): a new row, never an update. "in_error" marks the entry, with
# who, when and why; "withdrawn" takes the mark before it back, with its own reason. The latest row says.
entry_marks = Table(
    "entry_marks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("assessment_id", Integer, ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("form_token", String(64), nullable=True, unique=True, index=True),  # as assessments'
)

# Further teams a manager oversees (given and removed by an admin: store.oversight). A manager
# reads their own team's entries and these teams'; a row for anyone but a manager grants nothing.
manager_teams = Table(
    "manager_teams",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
    Column("team", String(64), primary_key=True),
)

# Append-only, never deleted. Who, what, when, which record: never answers, reasons or passwords.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("action", String(32), nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("record_id", Integer, nullable=True),
    Column("case_ref", String(32), nullable=True),
    Column("detail", String(255), nullable=True),
)

# A row here, inserted and deleted inside retention's own transaction, is the only thing that
# lets the delete triggers on assessments/overrides pass. Other transactions never see it.
deletion_permits = Table(
    "deletion_permits",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("purpose", String(32), nullable=False),
)

# Growing delays between sign-in attempts (store.throttle): per typed username and address,
# both hashed. No foreign key: an unknown username is throttled exactly like a real one.
sign_in_throttle = Table(
    "sign_in_throttle",
    metadata,
    Column("account_key", String(64), primary_key=True),
    Column("address_key", String(64), primary_key=True),
    Column("failures", Integer, nullable=False, default=0),
    Column("next_at", DateTime(timezone=True), nullable=True),
)

# Accounts signed in through the partnership's identity provider (webapp.accounts.oidc):
# the provider's issuer and subject identify the person, never their name or email.
oidc_identities = Table(
    "oidc_identities",
    metadata,
    Column("issuer", String(255), primary_key=True),
    Column("subject", String(255), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, unique=True),
)


# --- the web app's own tables: server-side sessions and practice mode (webapp/sessions.py,
# webapp/practice/records.py). Revision 0004 creates them; nothing else does.
web_sessions = Table(
    "web_sessions",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the cookie's token, never the token
    Column("data", Text, nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
)

practice_scenarios = Table(
    "practice_scenarios",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("yaml", Text, nullable=False),  # one scenario, as dump_scenarios writes it
    Column("saved_at", DateTime(timezone=True), nullable=False),
)

# Every save of a library scenario, kept: who, when, how, and the YAML as saved.
practice_scenario_versions = Table(
    "practice_scenario_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("scenario_id", String(80), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("author", String(64), nullable=False),  # the trainer's username
    Column("how", String(16), nullable=False),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    Column("yaml", Text, nullable=False),
    UniqueConstraint("scenario_id", "version"),
    Column("form_token", String(64), nullable=True, unique=True, index=True),  # revision 0008, as assessments'
)

practice_sessions = Table(
    "practice_sessions",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("trainer_key", String(64), nullable=False),  # sha256 of the trainer's token
    Column("scenario_ids", Text, nullable=False),  # JSON list, in the trainer's order
    Column("scenarios_yaml", Text, nullable=False),  # the scenarios as they were at the start
    Column("ended", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column("form_token", String(64), nullable=True, unique=True, index=True),  # revision 0008, as assessments'
    # revision 0009: the account that started it (users.id), which opens it in any browser; None for a
    # session started before, opened only with its token (trainer_key) in the browser that started it
    Column("trainer_id", Integer, nullable=True, index=True),
)

practice_trainees = Table(
    "practice_trainees",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code", String(16), ForeignKey("practice_sessions.code", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", String(40), nullable=False),
    # revision 0011 (conf22): the name's two TR39 skeletons (pathway.written_text.keys, SHA-256 hex), each
    # unique in its session, so two joins at one moment under names that draw alike cannot both be taken.
    # None for a row stored before that revision whose name drew as an earlier one's (told apart on screen).
    Column("name_drawn", String(64), nullable=True),
    Column("name_caseless", String(64), nullable=True),
    Index("uq_practice_trainees_name_drawn", "code", "name_drawn", unique=True),
    Index("uq_practice_trainees_name_caseless", "code", "name_caseless", unique=True),
)

practice_answers = Table(
    "practice_answers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("trainee_id", Integer, ForeignKey("practice_trainees.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("scenario_id", String(80), nullable=False),
    Column("level", String(20), nullable=False),
    Column("indicators", Text, nullable=False),  # JSON list
    UniqueConstraint("trainee_id", "scenario_id"),
)


# A session's results, kept after the session itself is deleted (SESSION_DAYS), so a partnership
# can follow agreement over a programme of training. Counts only: no display names, no answers.
practice_results = Table(
    "practice_results",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("cohort", String(80), nullable=True, index=True),  # the trainer's label, e.g. "DSL course spring 2027"
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("ended_at", DateTime(timezone=True), nullable=True),
    Column("scenarios", Integer, nullable=False),
    Column("trainees", Integer, nullable=True),
    Column("answers", Integer, nullable=True),
    Column("agree", Integer, nullable=True),
    Column("kappa", Float, nullable=True),
)
