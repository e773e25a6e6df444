"""Entries saved in error (review 19 surfaces, noted): a saved entry's author, or a manager of its team,
marks it "saved in error" with a written reason, for example answers saved under a mistyped case
reference, which may be another child's. Nothing is deleted or rewritten: the mark is a new row
(append-only, like overrides). A mark made by mistake is withdrawn by a further row, with its own
reason, never by removing the first: the entry's history shows both.

Revision ID: 0010_entry_marks
Revises: 0009_practice_session_trainer
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_entry_marks"
down_revision = "0009_practice_session_trainer"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "entry_marks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),  # "in_error", or "withdrawn": the mark before it taken back
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("form_token", sa.String(64), nullable=True, unique=True, index=True),
        sa.CheckConstraint("kind IN ('in_error', 'withdrawn')", name="ck_entry_marks_kind"),
        sa.CheckConstraint("length(trim(reason)) > 0", name="ck_entry_marks_reason"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE TRIGGER entry_marks_append_only BEFORE UPDATE OR DELETE ON entry_marks FOR EACH ROW EXECUTE FUNCTION fsp_append_only('retention')")
        op.execute("CREATE TRIGGER entry_marks_no_truncate BEFORE TRUNCATE ON entry_marks FOR EACH STATEMENT EXECUTE FUNCTION fsp_append_only('never')")
    else:
        op.execute("CREATE TRIGGER entry_marks_no_update BEFORE UPDATE ON entry_marks BEGIN SELECT RAISE(ABORT, 'entry_marks is append-only'); END")
        op.execute(
            "CREATE TRIGGER entry_marks_no_delete BEFORE DELETE ON entry_marks "
            "WHEN NOT EXISTS (SELECT 1 FROM deletion_permits WHERE purpose = 'retention') "
            "BEGIN SELECT RAISE(ABORT, 'entry_marks is append-only'); END"
        )


def downgrade() -> None:
    op.drop_table("entry_marks")  # its triggers go with it
