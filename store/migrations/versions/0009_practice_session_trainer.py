"""The account that started a practice session (review 19 surfaces, S3): a session belongs to its
trainer's account, so the same account opens its pages, summary and summary.csv again after any new
sign-in, in any browser, and finds it listed (/practice/sessions). It was reachable only through a token
in the server-side session of the browser that started it, dropped on signing out: the trainees'
answers stayed stored for 7 days and nobody could read them.

Nullable: a session started before this revision has no account id and keeps working the old way, with
the token in the browser that started it (its `trainer_key`). No foreign key to users: SQLite adds one to
an existing table only by rebuilding it, and dropping practice_sessions in that rebuild would delete its
trainees and answers (ON DELETE CASCADE); accounts are disabled, never deleted (practice_results, also
about sessions, has none either).

Revision ID: 0009_practice_session_trainer
Revises: 0008_practice_form_tokens
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_practice_session_trainer"
down_revision = "0008_practice_form_tokens"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("practice_sessions", sa.Column("trainer_id", sa.Integer, nullable=True))
    op.create_index("ix_practice_sessions_trainer_id", "practice_sessions", ["trainer_id"])


def downgrade() -> None:
    op.drop_index("ix_practice_sessions_trainer_id", table_name="practice_sessions")
    op.drop_column("practice_sessions", "trainer_id")
