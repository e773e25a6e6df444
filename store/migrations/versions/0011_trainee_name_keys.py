"""Trainee names that draw alike, refused in the store (conf22; review 21 surfaces, S2): each trainee row
keeps its name's two Unicode TR39 skeletons (`pathway.written_text.keys`, as SHA-256 hex), each unique
within its session. The join page compares names before it adds one, but two joins at one moment could
both pass that check; now the second insert breaks a unique index and is refused as the first check
would have refused it (`webapp.practice.records.NameInUse`), on SQLite and PostgreSQL alike.

Rows already stored get their keys here, in joining order; a row whose name draws as an earlier one's in
the same session (stored before names were compared) keeps none, so the indexes can be made: NULLs never
clash. Those rows are still told apart on the trainer's page ("Tara (2 of 2 with this name)"), and a new
join is still compared with them by name. Sessions are deleted after SESSION_DAYS, so these go in a week.

Revision ID: 0011_trainee_name_keys
Revises: 0010_entry_marks
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

from pathway import written_text

revision = "0011_trainee_name_keys"
down_revision = "0010_entry_marks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("practice_trainees", sa.Column("name_drawn", sa.String(64), nullable=True))
    op.add_column("practice_trainees", sa.Column("name_caseless", sa.String(64), nullable=True))
    t = sa.table("practice_trainees", sa.column("id", sa.Integer), sa.column("code", sa.String), sa.column("name", sa.String))
    t_keys = sa.table("practice_trainees", sa.column("id", sa.Integer), sa.column("name_drawn", sa.String), sa.column("name_caseless", sa.String))
    bind = op.get_bind()
    seen: set[tuple[str, int, str]] = set()  # (session, which key, key)
    for row in bind.execute(sa.select(t.c.id, t.c.code, t.c.name).order_by(t.c.id)).all():
        drawn, caseless = written_text.keys(row.name).digests()
        mine = {(row.code, 0, drawn), (row.code, 1, caseless)}
        if mine & seen:
            continue  # draws as an earlier trainee's name in this session: no keys, told apart on screen
        seen |= mine
        bind.execute(sa.update(t_keys).where(t_keys.c.id == row.id).values(name_drawn=drawn, name_caseless=caseless))
    op.create_index("uq_practice_trainees_name_drawn", "practice_trainees", ["code", "name_drawn"], unique=True)
    op.create_index("uq_practice_trainees_name_caseless", "practice_trainees", ["code", "name_caseless"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_practice_trainees_name_caseless", table_name="practice_trainees")
    op.drop_index("uq_practice_trainees_name_drawn", table_name="practice_trainees")
    op.drop_column("practice_trainees", "name_caseless")
    op.drop_column("practice_trainees", "name_drawn")
