"""Review 15 surfaces, Z2: the command line refuses what a user mistypes in one line naming the option,
exit 2, never a traceback, never pydantic's words.

A --database-url that is not a URL, or names a database this tool does not open (mysql://, a driver not
installed), gave SQLAlchemy's ArgumentError or a ModuleNotFoundError traceback, exit 1, for `users`,
`retention` and `ruleset diff --saved`. `search` with empty words or bytes that are not UTF-8 said
pydantic's "String should have at least 1 character" / "Input should be a valid string". `scenarios
check --document MISSING` without --review ignored the option and exited 0. Oracle: the words written
here, the option's name, the exit code, and the password given never in the output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import EXIT_REFUSED
from tests.test_review14_cli import one_line, run  # its stdin-replacing runner and one-line check

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = "pathway/data/fsp_2014.yaml"
COMMANDS = [
    ["users", "list"],
    ["users", "disable", "bob"],
    ["retention", "run", "--dry-run"],
    ["ruleset", "diff", SHIPPED, "--saved"],
    ["ruleset", "diff", SHIPPED],
]
IDS = ["users list", "users disable", "retention run", "ruleset diff --saved", "ruleset diff"]
NOT_A_URL = "error: --database-url: not a database URL: give sqlite:///PATH or postgresql://USER@HOST/NAME"


@pytest.mark.parametrize("argv", COMMANDS, ids=IDS)
@pytest.mark.parametrize("url", ["nonsense", "mysql//u:s3cret@host/db"], ids=["a word", "a URL without its colon"])
def test_a_database_url_that_is_not_a_url_is_refused_naming_the_option(argv, url, monkeypatch, capsys):
    code, out, err = run([*argv, "--database-url", url], monkeypatch, capsys)
    assert code == EXIT_REFUSED, (out, err)
    assert one_line(err) == NOT_A_URL
    assert "s3cret" not in out + err  # a string that does not parse is never repeated: it may hold a password


@pytest.mark.parametrize("argv", COMMANDS, ids=IDS)
def test_a_database_this_tool_does_not_open_is_refused_without_its_password(argv, monkeypatch, capsys):
    code, out, err = run([*argv, "--database-url", "mysql://u:s3cret@127.0.0.1:1/db"], monkeypatch, capsys)
    assert code == EXIT_REFUSED, (out, err)
    assert one_line(err) == (
        "error: --database-url: mysql://u:***@127.0.0.1:1/db: this tool opens SQLite (sqlite:///PATH) or PostgreSQL (postgresql://USER@HOST/NAME), not 'mysql'"
    )
    assert "s3cret" not in out + err


def test_a_driver_not_installed_is_refused_by_name(monkeypatch, capsys):
    code, out, err = run(["users", "list", "--database-url", "postgresql+nosuchdriver://u:s3cret@h/d"], monkeypatch, capsys)
    assert code == EXIT_REFUSED
    assert one_line(err) == "error: --database-url: postgresql+nosuchdriver://u:***@h/d: the driver 'postgresql+nosuchdriver' is not installed here"


@pytest.mark.parametrize("variable", ["FSP_DATABASE_URL", "DATABASE_URL"])
def test_a_bad_url_in_the_environment_names_the_variable(variable, monkeypatch, capsys):
    monkeypatch.delenv("FSP_DATABASE_URL", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv(variable, "mysql://u:s3cret@h/d")
    code, out, err = run(["retention", "run", "--dry-run"], monkeypatch, capsys)
    assert code == EXIT_REFUSED
    assert one_line(err).startswith(f"error: {variable}: mysql://u:***@h/d: this tool opens SQLite")
    assert "s3cret" not in err


def test_shipped_only_reads_no_database_so_its_url_is_not_looked_at(monkeypatch, capsys):
    code, out, err = run(["ruleset", "diff", SHIPPED, "--shipped-only", "--database-url", "nonsense"], monkeypatch, capsys)
    assert code == 0, err
    assert err == ""


def test_search_words_that_are_not_utf8_are_refused_in_the_cli_s_words():
    # argv as a shell passes it: bytes (Python keeps those it cannot decode as surrogate escapes)
    p = subprocess.run([sys.executable, "-m", "cli.main", "search", b"bruise \xff"], capture_output=True, cwd=ROOT, timeout=120)
    assert p.returncode == EXIT_REFUSED
    assert one_line(p.stderr.decode()) == "error: words: not UTF-8 text (byte 0xff at position 7): type the caller's words as UTF-8"


@pytest.mark.parametrize("words", ["", "   "], ids=["empty", "spaces"])
def test_empty_search_words_are_refused_in_the_cli_s_words(words, monkeypatch, capsys):
    code, out, err = run(["search", words], monkeypatch, capsys)
    assert code == EXIT_REFUSED
    assert one_line(err) == "error: words: nothing was given: give the caller's words, in quotes"


def test_document_without_review_is_refused_naming_both(tmp_path, monkeypatch, capsys):
    code, out, err = run(["scenarios", "check", "--document", str(tmp_path / "missing.txt"), "pathway/data/scenarios/universal.yaml"], monkeypatch, capsys)
    assert code == EXIT_REFUSED
    line = one_line(err)
    assert line.startswith("error: --document: used only with --review") and out == ""


def test_document_with_review_is_still_read(tmp_path, monkeypatch, capsys):
    argv = ["scenarios", "check", "--review", "--document", str(tmp_path / "missing.txt"), "pathway/data/scenarios/universal.yaml"]
    code, out, err = run(argv, monkeypatch, capsys)
    assert code == EXIT_REFUSED
    assert "missing.txt" in err and "the document" in err
