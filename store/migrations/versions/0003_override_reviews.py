"""Managers' reviews of overrides: who reviewed, when, a note. Append-only like the overrides.

Revision ID: 0003_override_reviews
Revises: 16a5ec0f0002 (sign-in throttle)
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_override_reviews"
down_revision = "16a5ec0f0002"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade():
    op.create_table(
        "override_reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("override_id", sa.Integer, sa.ForeignKey("overrides.id"), nullable=False, index=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER override_reviews_append_only BEFORE UPDATE OR DELETE ON override_reviews FOR EACH ROW EXECUTE FUNCTION fsp_append_only('retention')"
        )
        op.execute(
            "CREATE TRIGGER override_reviews_no_truncate BEFORE TRUNCATE ON override_reviews FOR EACH STATEMENT EXECUTE FUNCTION fsp_append_only('never')"
        )
    else:
        op.execute(
            "CREATE TRIGGER override_reviews_no_update BEFORE UPDATE ON override_reviews BEGIN SELECT RAISE(ABORT, 'override_reviews is append-only'); END"
        )
        op.execute(
            "CREATE TRIGGER override_reviews_no_delete BEFORE DELETE ON override_reviews "
            "WHEN NOT EXISTS (SELECT 1 FROM deletion_permits WHERE purpose = 'retention') "
            "BEGIN SELECT RAISE(ABORT, 'override_reviews is append-only'); END"
        )


def downgrade():
    op.drop_table("override_reviews")  # its triggers go with it
