"""The one-time form token (revision 0007) beside a library scenario's saved version and a practice
session (left14): "Save to the library" or "Start the session" posted twice (a double click, the browser
sending it again) finds what its first post made, by a unique index, and is shown that, never given a
second version or a second session. Nullable: rows made before, by the command line or by a caller without
a form have none (and NULLs never clash).

Revision ID: 0008_practice_form_tokens
Revises: 0007_form_tokens
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_practice_form_tokens"
down_revision = "0007_form_tokens"
branch_labels = None
depends_on = None

TABLES = ("practice_scenario_versions", "practice_sessions")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("form_token", sa.String(64), nullable=True))
        op.create_index(f"ix_{table}_form_token", table, ["form_token"], unique=True)


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_form_token", table_name=table)
        op.drop_column(table, "form_token")
