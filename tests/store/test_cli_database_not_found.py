"""A store command given a database that is not there (review 12 surfaces, W6): `pathway users list
--database-url sqlite:///mistyped/fsp.sqlite3` made the folder and a new, empty, migrated database and
exited 0 ("would remove 0 assessments"), so a typo looked like an empty store. Every store command but
`users create` (the one that makes a database by design, as the web app's start does) opens the
database without creating it, as the web app does once its file exists, and says it was not found
(exit 2, docs/storage.md), naming where it looked."""

from __future__ import annotations

import io
import sys

import pytest

from cli.main import main
from tests.store.conftest import PASSWORD

DRAFT = "pathway/data/fsp_2014.yaml"  # the shipped catalogue as a draft: the database is the point here
# every store command but `users create`, each as an admin would type it
COMMANDS = {
    "users list": ["users", "list"],
    "users list --json": ["users", "list", "--json"],
    "users disable": ["users", "disable", "pam"],
    "users reset-password": ["users", "reset-password", "pam", "--password-stdin"],
    "users oversee": ["users", "oversee", "mo", "south"],
    "users oversee --remove": ["users", "oversee", "mo", "south", "--remove"],
    "retention run": ["retention", "run"],
    "retention run --dry-run": ["retention", "run", "--dry-run"],
    "retention run --dry-run --json": ["retention", "run", "--dry-run", "--json"],
    "ruleset diff --database-url": ["ruleset", "diff", DRAFT],
    "ruleset diff --saved": ["ruleset", "diff", DRAFT, "--saved"],
}


def run(argv, monkeypatch, capsys, stdin=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("name", COMMANDS)
def test_a_mistyped_sqlite_path_is_not_found_and_nothing_is_created(name, tmp_path, monkeypatch, capsys):
    folder = tmp_path / "instnace"  # the typo: a folder that is not there
    path = folder / "fsp.sqlite3"
    code, out, err = run([*COMMANDS[name], "--database-url", f"sqlite:///{path}"], monkeypatch, capsys, stdin=PASSWORD + "\n")
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and "database" in err and "not found" in err and str(path) in err and "Traceback" not in err
    assert not folder.exists()


@pytest.mark.parametrize("name", COMMANDS)
def test_a_missing_file_in_a_folder_that_is_there_is_not_created(name, tmp_path, monkeypatch, capsys):
    path = tmp_path / "fsp.sqllite3"
    code, _, err = run([*COMMANDS[name], "--database-url", f"sqlite:///{path}"], monkeypatch, capsys, stdin=PASSWORD + "\n")
    assert code == 2 and "not found" in err and str(path) in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no database, no lock file


@pytest.mark.parametrize("name", ["users list", "retention run --dry-run", "ruleset diff --saved"])
def test_a_database_with_none_of_the_tools_tables_is_not_found(name, db_url, monkeypatch, capsys):
    """An empty database (PostgreSQL: a schema nobody migrated; SQLite: an empty file) is not this
    tool's: refused, and left with no tables."""
    from sqlalchemy import create_engine, inspect

    from store.db import normalise_url

    if db_url.startswith("sqlite:///"):
        open(db_url.removeprefix("sqlite:///"), "wb").close()
    code, _, err = run([*COMMANDS[name], "--database-url", db_url], monkeypatch, capsys)
    assert code == 2 and "not found" in err and "none of this tool's tables" in err
    engine = create_engine(normalise_url(db_url))
    assert inspect(engine).get_table_names() == []
    engine.dispose()


def test_users_create_still_makes_the_database_and_then_every_command_opens_it(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'new' / 'fsp.sqlite3'}"
    for who, role, team in (("pam", "practitioner", "north"), ("mo", "manager", "north"), ("sue", "practitioner", "south")):
        argv = ["users", "create", who, "--role", role, "--team", team, "--password-stdin", "--database-url", url]
        code, _, err = run(argv, monkeypatch, capsys, PASSWORD + "\n")
        assert code == 0, err
    for name, argv in COMMANDS.items():
        code, _, err = run([*argv, "--database-url", url], monkeypatch, capsys, stdin="another long passphrase\n")
        assert code == 0 and "not found" not in err, (name, err)
