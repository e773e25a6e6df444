"""Review 14 surfaces, Y4 and Y5: every command refuses bad input in one line naming the option or the
file, exit 2 (docs/contract.md), never a traceback, in plain words.

Y4: a --database-url file that is not a database (random bytes) gave SQLAlchemy's traceback, exit 1,
for `users`, `retention` and `ruleset diff --saved`; a password on stdin that is not UTF-8 gave a
UnicodeEncodeError traceback. Y5: an empty draft and an empty --against were refused in the same
words naming neither; an empty `assess` file was "(body): not valid JSON: EOF while parsing"; bytes
that are not UTF-8 on stdin got pydantic's words, not the words the same bytes in a file get.
Oracle: the words written here, the paths given, and the exit code."""

from __future__ import annotations

import io
import os
import sys

import pytest

from cli.main import EXIT_REFUSED, main
from tests.store.conftest import PASSWORD

SHIPPED = "pathway/data/fsp_2014.yaml"
NOT_UTF8 = b"\xd4\xfe\xff long enough pass phrase\n"


def run(argv, monkeypatch, capsys, stdin: str | io.TextIOBase = ""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin) if isinstance(stdin, str) else stdin)
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err.strip()


@pytest.fixture
def not_a_database(tmp_path):
    path = tmp_path / "notdb.sqlite3"
    path.write_bytes(os.urandom(5120))  # random bytes: not SQLite's header
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["users", "list"],
        ["users", "create", "--role", "practitioner", "--team", "A", "--password-stdin", "bob"],
        ["retention", "run", "--dry-run"],
        ["ruleset", "diff", SHIPPED, "--saved"],
    ],
    ids=["users list", "users create", "retention run", "ruleset diff --saved"],
)
def test_a_database_url_that_is_not_a_database_is_refused_naming_it(argv, not_a_database, monkeypatch, capsys):
    before = not_a_database.read_bytes()
    code, out, err = run([*argv, "--database-url", f"sqlite:///{not_a_database}"], monkeypatch, capsys, stdin=PASSWORD + "\n")
    assert code == EXIT_REFUSED, (out, err)
    line = one_line(err)
    assert line == f"error: database: {not_a_database} is not a database this tool can open (file is not a database)"
    assert not_a_database.read_bytes() == before  # nothing written into it


@pytest.mark.parametrize("errors", ["strict", "surrogateescape"], ids=["UTF-8 locale", "C locale"])
@pytest.mark.parametrize("action", [["create", "--role", "practitioner", "--team", "A"], ["reset-password"]], ids=["create", "reset-password"])
def test_a_password_on_stdin_that_is_not_utf8_is_refused_by_name_not_echoed(action, errors, tmp_path, monkeypatch, capsys):
    db = f"sqlite:///{tmp_path / 'fsp.sqlite3'}"
    make_pam = ["users", "create", "--role", "practitioner", "--team", "A", "--password-stdin", "pam", "--database-url", db]
    made = run(make_pam, monkeypatch, capsys, PASSWORD + "\n")
    assert made[0] == 0
    stdin = io.TextIOWrapper(io.BytesIO(NOT_UTF8), encoding="utf-8", errors=errors)
    code, out, err = run(["users", *action, "--password-stdin", "bob" if action[0] == "create" else "pam", "--database-url", db], monkeypatch, capsys, stdin)
    assert code == EXIT_REFUSED, (out, err)
    assert one_line(err) == "error: password: not UTF-8 text: give the password on stdin as UTF-8"
    assert "pass phrase" not in err  # the password is never echoed


def test_an_empty_draft_and_an_empty_against_are_each_named(tmp_path, monkeypatch, capsys):
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    code, _, err = run(["ruleset", "diff", "--shipped-only", str(empty)], monkeypatch, capsys)
    assert code == EXIT_REFUSED and one_line(err) == f"error: {empty}: the file is empty"
    code, _, err = run(["ruleset", "diff", "--shipped-only", "--against", str(empty), SHIPPED], monkeypatch, capsys)
    assert code == EXIT_REFUSED and one_line(err) == f"error: {empty}: the file is empty"


def test_a_draft_that_is_not_a_catalogue_names_its_file_not_the_other(tmp_path, monkeypatch, capsys):
    listed = tmp_path / "list.yaml"
    listed.write_text("- 1\n")
    code, _, err = run(["ruleset", "diff", "--shipped-only", "--against", str(listed), SHIPPED], monkeypatch, capsys)
    assert code == EXIT_REFUSED
    assert one_line(err) == f"error: {listed}: a catalogue is a mapping (ruleset, levels, indicators...)"


@pytest.mark.parametrize(
    ("body", "said"),
    [("  \n", "the file is empty"), ('{"indicators": [\n', "not valid JSON: EOF while parsing a list at line 2 column 0")],
    ids=["empty", "not JSON"],
)
def test_an_assess_file_refused_as_a_whole_is_named_by_its_path_not_body(body, said, tmp_path, monkeypatch, capsys):
    path = tmp_path / "case.json"
    path.write_text(body)
    code, _, err = run(["assess", str(path)], monkeypatch, capsys)
    assert code == EXIT_REFUSED
    assert one_line(err) == f"error: {path}: {said}"


def test_stdin_that_is_not_utf8_is_refused_in_the_words_a_file_gets(tmp_path, monkeypatch, capsys):
    data = b"\xff\xfe{}"
    as_file = tmp_path / "case.json"
    as_file.write_bytes(data)
    _, _, file_err = run(["assess", str(as_file)], monkeypatch, capsys)
    code, _, err = run(["assess", "-"], monkeypatch, capsys, io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape"))
    assert code == EXIT_REFUSED
    assert one_line(err) == "error: stdin: not UTF-8 text (byte 0xff at position 0): save it as UTF-8 and try again"
    assert file_err.replace(str(as_file), "stdin") == err


def test_empty_stdin_is_said_plainly(monkeypatch, capsys):
    code, _, err = run(["assess", "-"], monkeypatch, capsys, io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    assert code == EXIT_REFUSED and one_line(err) == "error: stdin: nothing was given"


def test_stdin_in_utf8_with_windows_line_ends_is_still_decided(monkeypatch, capsys):
    body = '\ufeff{"indicators": ["additional.low_self_esteem"]}\r\n'.encode()
    code, out, err = run(["assess", "-"], monkeypatch, capsys, io.TextIOWrapper(io.BytesIO(body), encoding="utf-8"))
    assert code == 0, err
    assert '"level": "additional"' in out
