"""Initial tables: users, sessions, append-only assessments/overrides/audit, deletion permits.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("team", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", TZ, nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.CheckConstraint("role IN ('practitioner','trainer','adviser','manager','admin')", name="ck_users_role"),
    )
    op.create_table(
        "store_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("last_seen", TZ, nullable=False),
        sa.Column("expires_at", TZ, nullable=False),
        sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_ref", sa.String(32), nullable=False, index=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("team", sa.String(64), nullable=False, index=True),
        sa.Column("created_at", TZ, nullable=False, index=True),
        sa.Column("ruleset", sa.String(64), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("case_json", sa.Text, nullable=False),
        sa.Column("decision_json", sa.Text, nullable=False),
    )
    op.create_table(
        "overrides",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("tool_level", sa.String(16), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.CheckConstraint("length(trim(reason)) > 0", name="ck_overrides_reason"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", TZ, nullable=False, index=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("record_id", sa.Integer, nullable=True),
        sa.Column("case_ref", sa.String(32), nullable=True),
        sa.Column("detail", sa.String(255), nullable=True),
    )
    op.create_table(
        "deletion_permits",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("purpose", sa.String(32), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgres_triggers()
    else:
        _sqlite_triggers()


def _sqlite_triggers():
    for table, deletable in [("assessments", True), ("overrides", True), ("audit_log", False)]:
        op.execute(f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")
        when = " WHEN NOT EXISTS (SELECT 1 FROM deletion_permits WHERE purpose = 'retention')" if deletable else ""
        op.execute(f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}{when} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")


def _postgres_triggers():
    op.execute("""
        CREATE FUNCTION fsp_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' AND TG_ARGV[0] = 'retention'
               AND EXISTS (SELECT 1 FROM deletion_permits WHERE purpose = 'retention') THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
        END $$""")
    for table, deletable in [("assessments", True), ("overrides", True), ("audit_log", False)]:
        arg = "retention" if deletable else "never"
        op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION fsp_append_only('{arg}')")
        op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION fsp_append_only('never')")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS fsp_append_only() CASCADE")
    for table in ["deletion_permits", "audit_log", "overrides", "assessments", "store_sessions", "users"]:
        op.drop_table(table)
