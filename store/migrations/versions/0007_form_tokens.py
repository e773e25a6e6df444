"""A saving form's one-time token beside what it saved (left13b): the same form posted twice (a double
click, the browser sending it again) finds the row its first post made, by a unique index, and is
shown that row ("already saved"), never given a second one. Nullable: rows saved before, by the
command line or by a caller without a form have none (and NULLs never clash).

Revision ID: 0007_form_tokens
Revises: 0006_manager_teams
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_form_tokens"
down_revision = "0006_manager_teams"
branch_labels = None
depends_on = None

TABLES = ("assessments", "overrides", "override_reviews")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("form_token", sa.String(64), nullable=True))
        op.create_index(f"ix_{table}_form_token", table, ["form_token"], unique=True)


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_form_token", table_name=table)
        op.drop_column(table, "form_token")
