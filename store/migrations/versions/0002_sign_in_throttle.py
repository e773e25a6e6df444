"""Sign-in throttle (growing delays per username and address) and identities from the
partnership's OpenID Connect provider (issue 16).

Revision ID: 16a5ec0f0002
Revises: 0001
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "16a5ec0f0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "sign_in_throttle",
        sa.Column("account_key", sa.String(64), primary_key=True),
        sa.Column("address_key", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "oidc_identities",
        sa.Column("issuer", sa.String(255), primary_key=True),
        sa.Column("subject", sa.String(255), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, unique=True),
    )


def downgrade():
    op.drop_table("oidc_identities")
    op.drop_table("sign_in_throttle")
