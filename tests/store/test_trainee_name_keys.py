"""Revision 0011 (conf22): trainee rows keep their names' two TR39 skeletons, unique in the session. Rows
stored before get theirs in joining order; a row whose name draws as an earlier one's keeps none, so the
indexes can be made and the rows stay (told apart on the trainer's page). On SQLite and PostgreSQL.
Oracle: the names written out by hand, and which of them a reader can tell apart."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from pathway.written_text import keys
from store.db import MIGRATIONS, make_engine, migrate
from store.models import practice_sessions, practice_trainees
from tests.store.conftest import T0

OLD = [("S1", "Tara"), ("S1", "Tara\u200b"), ("S1", "\u0422\u0430ra"), ("S1", "Sam"), ("S2", "Tara"), ("S1", "Ian"), ("S1", "ian")]
KEPT = {"Tara": True, "Tara\u200b": False, "\u0422\u0430ra": False, "Sam": True, "Ian": True, "ian": False}


def _before_0011(url: str):
    engine = make_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0010_entry_marks")
    return engine


def test_rows_stored_before_get_their_keys_and_a_look_alike_of_an_earlier_one_none(db_url):
    engine = _before_0011(db_url)
    with engine.begin() as conn:
        for code in ("S1", "S2"):
            conn.execute(insert(practice_sessions).values(code=code, trainer_key="k" * 64, scenario_ids="[]", scenarios_yaml="", ended=False, created_at=T0))
        for code, name in OLD:  # as revision 0010 stored them: a code and a name
            conn.execute(insert(practice_trainees).values(code=code, name=name))
    engine.dispose()
    engine = migrate(db_url)
    with engine.connect() as conn:
        rows = conn.execute(select(practice_trainees).order_by(practice_trainees.c.id)).all()
    assert [(r.code, r.name) for r in rows] == OLD  # nothing removed or rewritten
    for r in rows:
        has_keys = r.name_drawn is not None
        assert has_keys == (KEPT[r.name] if r.code == "S1" else True), r.name
        assert (r.name_caseless is not None) == has_keys
        if has_keys:
            assert (r.name_drawn, r.name_caseless) == keys(r.name).digests()
    with pytest.raises(IntegrityError), engine.begin() as conn:  # the index holds the session's names from now on
        conn.execute(insert(practice_trainees).values(code="S1", name="Sam", name_drawn=keys("Sam").digests()[0], name_caseless="x"))
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(practice_trainees).values(code="S1", name="SAM", name_drawn="y", name_caseless=keys("Sam").digests()[1]))
    with engine.begin() as conn:  # the same name in another session is taken
        conn.execute(insert(practice_trainees).values(code="S2", name="Sam", name_drawn=keys("Sam").digests()[0], name_caseless=keys("Sam").digests()[1]))
    engine.dispose()
