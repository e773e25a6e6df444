"""Every command that prints the document's words, under an output encoding that cannot hold them
(PYTHONIOENCODING=ascii, as a hardened cron or container can run): no traceback, the same exit code
as under UTF-8, and what cannot be written is its backslash escape (review 22 surfaces, S4).
Oracle: the same command's output in UTF-8, in a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

CLI = [sys.executable, "-m", "cli.main"]
CASE = '{"child": {"age_years": 8}, "indicators": ["additional.dental_decay_not_accessing"]}'


def timeless(out: bytes) -> list[bytes]:
    """The lines, less the decision's contact time (the clock at each run)."""
    return [line for line in out.splitlines() if b'"contact_time"' not in line]


def run(argv, encoding):
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANG", "LC_CTYPE", "PYTHONUTF8")}
    env["PYTHONIOENCODING"] = encoding
    return subprocess.run([*CLI, *argv], capture_output=True, env=env, timeout=180)


@pytest.mark.parametrize(
    "argv",
    [
        ["indicators"],
        ["indicators", "--json"],
        ["assess", "{case}"],
        ["search", "mum hits the baby"],
        ["search", "mum hits the baby", "--json"],
        ["scenarios", "check"],
        ["scenarios", "coverage"],
        ["ruleset", "diff", "pathway/data/fsp_2014.yaml", "--shipped-only"],
    ],
    ids=lambda a: " ".join(a),
)
def test_a_command_under_ascii_output_is_no_traceback(argv, tmp_path):
    (tmp_path / "case.json").write_text(CASE, encoding="utf-8")
    argv = [str(tmp_path / "case.json") if a == "{case}" else a for a in argv]
    utf8, ascii_ = run(argv, "utf-8"), run(argv, "ascii")
    assert b"Traceback" not in ascii_.stderr, ascii_.stderr.decode()
    assert ascii_.returncode == utf8.returncode == 0, ascii_.stderr.decode()
    ascii_.stdout.decode("ascii")  # every byte written is one the encoding holds
    want = utf8.stdout.decode("utf-8").encode("ascii", "backslashreplace")
    assert timeless(ascii_.stdout) == timeless(want)  # nothing dropped: each character is itself or its escape


def test_the_escapes_are_there_and_json_stays_json(tmp_path):
    listed = run(["indicators"], "ascii").stdout.decode("ascii")
    assert "\\u2013" in listed or "\\u201c" in listed  # the document's en dash / curly quote, escaped
    (tmp_path / "case.json").write_text(CASE, encoding="utf-8")
    as_ascii = json.loads(run(["assess", str(tmp_path / "case.json")], "ascii").stdout)
    as_utf8 = json.loads(run(["assess", str(tmp_path / "case.json")], "utf-8").stdout)
    assert {**as_ascii, "contact_time": None} == {**as_utf8, "contact_time": None}
    assert "\u2013" in json.dumps(as_utf8, ensure_ascii=False)  # it had one to escape
    assert json.loads(run(["indicators", "--json"], "ascii").stdout) == json.loads(run(["indicators", "--json"], "utf-8").stdout)
