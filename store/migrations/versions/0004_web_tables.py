"""The web app's own tables, under Alembic like every other: server-side sessions and practice mode.

Until this revision the web app created them itself (`create_all` from two places), and several
gunicorn workers starting on a new database raced to create them ("table already exists"). A
database made then already has some or all of them: this revision creates only what is missing.

Revision ID: 0004_web_tables
Revises: 0003_override_reviews
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_web_tables"
down_revision = "0003_override_reviews"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def _tables():
    """(name, columns and constraints, indexes) in the order foreign keys need."""
    return [
        (
            "web_sessions",
            [
                sa.Column("id", sa.String(64), primary_key=True),
                sa.Column("data", sa.Text, nullable=False),
                sa.Column("expires_at", TZ, nullable=False),
            ],
            [("ix_web_sessions_expires_at", ["expires_at"])],
        ),
        (
            "practice_scenarios",
            [
                sa.Column("id", sa.String(80), primary_key=True),
                sa.Column("yaml", sa.Text, nullable=False),
                sa.Column("saved_at", TZ, nullable=False),
            ],
            [],
        ),
        (
            "practice_scenario_versions",
            [
                sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                sa.Column("scenario_id", sa.String(80), nullable=False),
                sa.Column("version", sa.Integer, nullable=False),
                sa.Column("author", sa.String(64), nullable=False),
                sa.Column("how", sa.String(16), nullable=False),
                sa.Column("saved_at", TZ, nullable=False),
                sa.Column("yaml", sa.Text, nullable=False),
                sa.UniqueConstraint("scenario_id", "version"),
            ],
            [("ix_practice_scenario_versions_scenario_id", ["scenario_id"])],
        ),
        (
            "practice_sessions",
            [
                sa.Column("code", sa.String(16), primary_key=True),
                sa.Column("trainer_key", sa.String(64), nullable=False),
                sa.Column("scenario_ids", sa.Text, nullable=False),
                sa.Column("scenarios_yaml", sa.Text, nullable=False),
                sa.Column("ended", sa.Boolean, nullable=False),
                sa.Column("created_at", TZ, nullable=False),
            ],
            [("ix_practice_sessions_created_at", ["created_at"])],
        ),
        (
            "practice_trainees",
            [
                sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                sa.Column("code", sa.String(16), sa.ForeignKey("practice_sessions.code", ondelete="CASCADE"), nullable=False),
                sa.Column("name", sa.String(40), nullable=False),
            ],
            [("ix_practice_trainees_code", ["code"])],
        ),
        (
            "practice_answers",
            [
                sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
                sa.Column("trainee_id", sa.Integer, sa.ForeignKey("practice_trainees.id", ondelete="CASCADE"), nullable=False),
                sa.Column("scenario_id", sa.String(80), nullable=False),
                sa.Column("level", sa.String(20), nullable=False),
                sa.Column("indicators", sa.Text, nullable=False),
                sa.UniqueConstraint("trainee_id", "scenario_id"),
            ],
            [("ix_practice_answers_trainee_id", ["trainee_id"])],
        ),
        (
            "practice_results",
            [
                sa.Column("code", sa.String(16), primary_key=True),
                sa.Column("cohort", sa.String(80), nullable=True),
                sa.Column("started_at", TZ, nullable=False),
                sa.Column("ended_at", TZ, nullable=True),
                sa.Column("scenarios", sa.Integer, nullable=False),
                sa.Column("trainees", sa.Integer, nullable=True),
                sa.Column("answers", sa.Integer, nullable=True),
                sa.Column("agree", sa.Integer, nullable=True),
                sa.Column("kappa", sa.Float, nullable=True),
            ],
            [("ix_practice_results_cohort", ["cohort"])],
        ),
    ]


def upgrade():
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    for name, columns, indexes in _tables():
        if name in existing:
            continue
        op.create_table(name, *columns)
        for index, cols in indexes:
            op.create_index(index, name, cols)


def downgrade():
    for name, _columns, _indexes in reversed(_tables()):
        op.drop_table(name)
