"""Files the command line reads that are not UTF-8 (review 12 surfaces, W6): one line naming the file
and saying "not UTF-8", exit 2 (the refusal code, docs/contract.md), never a traceback. The whole
class: every file a command reads by name (`assess FILE`, `ruleset diff DRAFT --against CURRENT`,
`scenarios check --review --document FILE`; scenario files already said so)."""

from __future__ import annotations

import io
import sys

import pytest

from cli.main import EXIT_REFUSED, main

LATIN1 = '{"indicators": ["additional.low_self_esteem"], "note": "caf\xe9"}'.encode("latin-1")  # é as one byte 0xe9


def run(argv, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def latin1(tmp_path):
    path = tmp_path / "café-latin1.txt"
    path.write_bytes(LATIN1)
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["assess", "{f}"],
        ["ruleset", "diff", "{f}", "--shipped-only"],
        ["ruleset", "diff", "pathway/data/fsp_2014.yaml", "--against", "{f}", "--shipped-only"],
        ["scenarios", "check", "--review", "--document", "{f}", "pathway/data/scenarios/additional.yaml"],
    ],
    ids=["assess", "ruleset diff draft", "ruleset diff --against", "scenarios check --document"],
)
def test_a_file_not_utf8_is_refused_naming_it(argv, latin1, monkeypatch, capsys):
    code, out, err = run([a.replace("{f}", str(latin1)) for a in argv], monkeypatch, capsys)
    assert code == EXIT_REFUSED, err
    assert "Traceback" not in err and "UnicodeDecodeError" not in err
    line = next(line for line in err.splitlines() if str(latin1) in line)
    assert "not UTF-8" in line
