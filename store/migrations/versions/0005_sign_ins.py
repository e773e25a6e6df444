"""The store's sign-in tokens are `sign_ins`, not `store_sessions` (issue 12: one word, one meaning;
"session" is the web app's server-side session, web_sessions). Rows are kept: everyone stays
signed in. The user_id index is renamed with its table, so the models and the database agree.

Revision ID: 0005_sign_ins
Revises: 0004_web_tables
Create Date: 2026-12-01
"""

from alembic import op

revision = "0005_sign_ins"
down_revision = "0004_web_tables"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_store_sessions_user_id", table_name="store_sessions")
    op.rename_table("store_sessions", "sign_ins")
    op.create_index("ix_sign_ins_user_id", "sign_ins", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_sign_ins_user_id", table_name="sign_ins")
    op.rename_table("sign_ins", "store_sessions")
    op.create_index("ix_store_sessions_user_id", "store_sessions", ["user_id"])
