"""Oversight of further teams: a manager (e.g. a service manager) given further named teams by an
admin reads those teams' saved entries, overrides and dashboard as well as their own (issue 15).

Revision ID: 0006_manager_teams
Revises: 0005_sign_ins
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_manager_teams"
down_revision = "0005_sign_ins"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "manager_teams",
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("team", sa.String(64), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("manager_teams")
