"""`pathway users ...` and `pathway retention run`: passwords never on argv, errors name fields."""

import io
import json
import sys

import pytest

from cli.main import main
from store.users import authenticate
from tests.store.conftest import PASSWORD


def run(argv, monkeypatch, capsys, stdin=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_users_create_list_disable_reset(db_url, monkeypatch, capsys):
    db = ["--database-url", db_url]
    code, out, _ = run(
        ["users", "create", "pam", "--role", "practitioner", "--team", "north", "--password-stdin", *db], monkeypatch, capsys, stdin=PASSWORD + "\n"
    )
    assert code == 0 and "created pam" in out and PASSWORD not in out
    code, out, _ = run(["users", "list", "--json", *db], monkeypatch, capsys)
    assert json.loads(out) == [{"username": "pam", "role": "practitioner", "team": "north", "disabled": False, "locked_until": None, "oversees": []}]
    code, out, _ = run(["users", "reset-password", "pam", "--password-stdin", *db], monkeypatch, capsys, stdin="another long passphrase\n")
    assert code == 0
    from store.db import connect

    assert authenticate(connect(db_url), "pam", "another long passphrase").username == "pam"
    code, _, _ = run(["users", "disable", "pam", *db], monkeypatch, capsys)
    code, out, _ = run(["users", "list", *db], monkeypatch, capsys)
    assert "disabled" in out


def test_users_errors_name_the_field(db_url, monkeypatch, capsys):
    db = ["--database-url", db_url]
    code, _, err = run(["users", "create", "pam", "--role", "practitioner", "--team", "north", "--password-stdin", *db], monkeypatch, capsys, stdin="short\n")
    assert code == 2 and err == "error: password: must be at least 12 characters\n"
    code, _, err = run(["users", "disable", "nobody", *db], monkeypatch, capsys)
    assert code == 2 and "username" in err


def test_there_is_no_password_argument(monkeypatch, capsys):
    with pytest.raises(SystemExit):
        run(["users", "create", "pam", "--role", "practitioner", "--team", "n", "--password", PASSWORD], monkeypatch, capsys)


def test_getpass_is_used_without_stdin_flag(db_url, monkeypatch, capsys):
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, out, _ = run(["users", "create", "pam", "--role", "manager", "--team", "north", "--database-url", db_url], monkeypatch, capsys)
    assert code == 0 and "created pam (manager" in out


def test_retention_run_reports_json(db_url, monkeypatch, capsys):
    from store.db import connect

    connect(db_url).dispose()  # the web app's start made the database (retention never makes one)
    monkeypatch.setenv("FSP_RETENTION_DAYS", "30")
    code, out, _ = run(["retention", "run", "--json", "--database-url", db_url], monkeypatch, capsys)
    doc = json.loads(out)
    assert code == 0 and doc["retention_days"] == 30 and doc["assessments_removed"] == 0 and doc["case_refs"] == []
    monkeypatch.setenv("FSP_RETENTION_DAYS", "soon")
    code, _, err = run(["retention", "run", "--database-url", db_url], monkeypatch, capsys)
    assert code == 2 and "FSP_RETENTION_DAYS" in err


def test_with_no_database_named_the_commands_open_the_web_apps_file(tmp_path, monkeypatch, capsys):
    """No --database-url and nothing in the environment: the web app's default file (its Flask instance
    folder), never a path worked out from the code's own place."""
    from pathlib import Path

    import cli.database

    for name in ("FSP_DATABASE_URL", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    checkout = Path(__file__).resolve().parents[2]
    assert cli.database.database_url() == f"sqlite:///{checkout / 'instance' / 'fsp.sqlite3'}"  # a checkout's instance/
    assert cli.database.database_url(env={"DATABASE_URL": "sqlite:///x.db"}) == "sqlite:///x.db"
    assert cli.database.database_url("sqlite:///given.db", env={"DATABASE_URL": "sqlite:///x.db"}) == "sqlite:///given.db"

    instance = tmp_path / "instance" / "fsp.sqlite3"
    monkeypatch.setattr(cli.database, "instance_sqlite", lambda: instance)
    code, _, err = run(["users", "list", "--json"], monkeypatch, capsys)  # before the web app or users create made it
    assert code == 2 and f"database: not found: {instance}" in err and not instance.parent.exists()
    code, _, _ = run(["users", "create", "ann", "--role", "admin", "--team", "it", "--password-stdin"], monkeypatch, capsys, stdin=PASSWORD + "\n")
    assert code == 0 and instance.exists()
    code, out, _ = run(["users", "list", "--json"], monkeypatch, capsys)
    assert code == 0 and [r["username"] for r in json.loads(out)] == ["ann"]


def test_users_oversee_grants_lists_and_removes(db_url, monkeypatch, capsys):
    db = ["--database-url", db_url]
    for name, role, team in (("mo", "manager", "north"), ("sue", "practitioner", "south")):
        run(["users", "create", name, "--role", role, "--team", team, "--password-stdin", *db], monkeypatch, capsys, stdin=PASSWORD + "\n")
    code, out, _ = run(["users", "oversee", "mo", "south", *db], monkeypatch, capsys)
    assert code == 0 and out == "mo (manager, team north) now oversees: south\n"
    code, out, _ = run(["users", "list", "--json", *db], monkeypatch, capsys)
    assert {r["username"]: r["oversees"] for r in json.loads(out)} == {"mo": ["south"], "sue": []}
    code, out, _ = run(["users", "list", *db], monkeypatch, capsys)
    assert "oversees south" in next(line for line in out.splitlines() if line.startswith("mo "))
    code, _, err = run(["users", "oversee", "sue", "north", *db], monkeypatch, capsys)
    assert code == 2 and err.startswith("error: role: ")
    code, out, _ = run(["users", "oversee", "mo", "south", "--remove", *db], monkeypatch, capsys)
    assert code == 0 and out == "mo (manager, team north) now oversees no other team\n"
    code, _, err = run(["users", "oversee", "mo", "south", "--remove", *db], monkeypatch, capsys)
    assert code == 2 and err.startswith("error: team: ")


# Review 16 surfaces, N2: a local account's role and team could never change, nor a disabled account be enabled.
# The oracle is docs/storage.md's roles and the audit trail: each change a row naming it, the role read again.
def _audit(db_url, action: str) -> list[str]:
    from store import audit
    from store.db import connect

    return [e.detail or "" for e in audit.entries(connect(db_url), action=action)]


def test_users_enable_undoes_disable_and_is_audited(db_url, monkeypatch, capsys):
    from store.db import connect

    db = ["--database-url", db_url]
    run(["users", "create", "pam", "--role", "practitioner", "--team", "north", "--password-stdin", *db], monkeypatch, capsys, stdin=PASSWORD + "\n")
    run(["users", "disable", "pam", *db], monkeypatch, capsys)
    code, out, _ = run(["users", "enable", "pam", *db], monkeypatch, capsys)
    assert code == 0 and out.startswith("enabled pam")
    assert authenticate(connect(db_url), "pam", PASSWORD).username == "pam"
    assert len(_audit(db_url, "user.enable")) == 1
    code, _, err = run(["users", "enable", "pam", *db], monkeypatch, capsys)  # not disabled: said, not audited again
    assert code == 2 and err.startswith("error: username: ") and len(_audit(db_url, "user.enable")) == 1


def test_users_set_role_and_team_change_a_local_account_audited(db_url, monkeypatch, capsys):
    db = ["--database-url", db_url]
    for name, role, team in (("mo", "manager", "north"), ("sue", "practitioner", "south")):
        run(["users", "create", name, "--role", role, "--team", team, "--password-stdin", *db], monkeypatch, capsys, stdin=PASSWORD + "\n")
    run(["users", "oversee", "mo", "south", *db], monkeypatch, capsys)
    code, out, _ = run(["users", "set-role", "mo", "practitioner", *db], monkeypatch, capsys)
    assert code == 0 and "mo is now practitioner (was manager)" in out
    code, out, _ = run(["users", "set-team", "sue", "north", *db], monkeypatch, capsys)
    assert code == 0 and "sue is now in team north (was south)" in out
    code, out, _ = run(["users", "list", "--json", *db], monkeypatch, capsys)
    assert {r["username"]: (r["role"], r["team"], r["oversees"]) for r in json.loads(out)} == {
        "mo": ("practitioner", "north", []),  # a manager's oversight ends with the role
        "sue": ("practitioner", "north", []),
    }
    assert _audit(db_url, "user.role") == ["role=manager->practitioner"]
    assert _audit(db_url, "user.team") == ["team=south->north"]
    assert _audit(db_url, "user.oversee_remove") == ["team=south role"]


def test_users_set_role_and_team_refuse_what_they_cannot_do_naming_the_field(db_url, monkeypatch, capsys):
    db = ["--database-url", db_url]
    run(["users", "create", "pam", "--role", "practitioner", "--team", "north", "--password-stdin", *db], monkeypatch, capsys, stdin=PASSWORD + "\n")
    with pytest.raises(SystemExit):  # argparse: not a role
        run(["users", "set-role", "pam", "boss", *db], monkeypatch, capsys)
    assert "invalid choice" in capsys.readouterr().err
    for argv, field in (
        (["users", "set-role", "pam", "practitioner"], "role"),
        (["users", "set-team", "pam", "north"], "team"),
        (["users", "set-team", "pam", "!bad"], "team"),
        (["users", "set-role", "nobody", "manager"], "username"),
    ):
        code, _, err = run([*argv, *db], monkeypatch, capsys)
        assert code == 2 and err.startswith(f"error: {field}: "), (argv, err)
    assert _audit(db_url, "user.role") == _audit(db_url, "user.team") == []


def test_users_set_role_and_team_refuse_a_single_sign_on_account(db_url, monkeypatch, capsys):
    """The provider owns an SSO account's role and team (store.sso takes them at each sign-in): a change here
    would be undone there, so it is refused, saying so."""
    from store import sso
    from store.db import connect

    u = sso.sign_in_user(connect(db_url), "https://idp.example", "sub-1", role="manager", team="north", username_hint="mia")
    db = ["--database-url", db_url]
    for argv in (["users", "set-role", u.username, "practitioner"], ["users", "set-team", u.username, "south"]):
        code, _, err = run([*argv, *db], monkeypatch, capsys)
        assert code == 2 and "single sign-on" in err and err.startswith("error: username: ")
    code, out, _ = run(["users", "list", "--json", *db], monkeypatch, capsys)
    assert [(r["role"], r["team"]) for r in json.loads(out)] == [("manager", "north")]


def test_audit_lists_a_cases_reads_and_exports_with_who_and_when_and_is_itself_audited(db_url, monkeypatch, capsys):
    """Review 22 surfaces, S2: `pathway audit` reads the audit trail (nothing did), for a case reference or an
    account, and its own run is a row. Oracles: the reads this test makes, by the accounts it makes."""
    from rules import evaluate
    from store.assessments import history, save_assessment
    from store.audit import entries
    from store.db import connect
    from store.export import export_csv
    from store.users import create_user
    from tests.conftest import make_case

    engine = connect(db_url)
    pat = create_user(engine, "pat", "practitioner", "North", PASSWORD)
    meg = create_user(engine, "meg", "manager", "North", PASSWORD)
    case = make_case(["additional.dental_decay_not_accessing"])
    save_assessment(engine, pat, "R22-CLI", case, evaluate(case))
    history(engine, meg, "R22-CLI")
    export_csv(engine, meg, "r22-cli", today=lambda e: None)
    db = ["--database-url", db_url]

    code, out, _ = run(["audit", "--case", "r22-cli", "--json", *db], monkeypatch, capsys)
    rows = json.loads(out)
    assert code == 0 and [(r["user"], r["action"], r["case_ref"]) for r in rows] == [
        ("pat", "assessment.save", "R22-CLI"),
        ("meg", "history.read", "R22-CLI"),
        ("meg", "history.read", "R22-CLI"),  # an export reads the history first (store.export)
        ("meg", "export", "R22-CLI"),
    ]
    assert all(r["at"] for r in rows)
    code, out, _ = run(["audit", "--user", "meg", *db], monkeypatch, capsys)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3 and all("meg" in line and "R22-CLI" in line for line in lines) and "export" in lines[2]
    code, out, _ = run(["audit", "--case", "R22-NONE1", *db], monkeypatch, capsys)  # a reference with no rows: none
    assert code == 0 and out == "no audit rows match\n"
    code, out, _ = run(["audit", "--case", "R22-CLI", "--since", "2999-01-01", *db], monkeypatch, capsys)
    assert code == 0 and out == "no audit rows match\n"
    code, out, _ = run(["audit", "--case", "R22-CLI", "--limit", "1", "--json", *db], monkeypatch, capsys)
    # the latest row: the run before, itself audited with the reference (the runs before it are rows too)
    assert [(r["action"], r["user"], r["detail"]) for r in json.loads(out)] == [("audit.read", None, "count=0 cli")]
    ran = [(e.user_id, e.case_ref, e.detail) for e in entries(engine, action="audit.read")]
    assert ran == [
        (None, "R22-CLI", "count=4 cli"),
        (None, None, f"count=3 cli user={meg.id}"),
        (None, "R22-NONE1", "count=0 cli"),
        (None, "R22-CLI", "count=0 cli"),
        (None, "R22-CLI", "count=1 cli"),
    ]
    code, _, err = run(["audit", "--user", "nobody", *db], monkeypatch, capsys)
    assert code == 2 and err == "error: username: no such user\n"
    with pytest.raises(SystemExit):
        run(["audit", "--since", "yesterday", *db], monkeypatch, capsys)
