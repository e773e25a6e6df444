"""`pathway search` reads its words as the call screen and the API do and says the search's declared notes (review
25 surfaces, R3; R2's reading whole declined as the default on measurement: docs/adviser.md, Call screen).

The last word is read as one that may still be being typed (oracle: `pathway.search.search(...)` without
`finished`, the API's answer for the same words). Where the words name a child looked after now, or refuse
the CAF or early help, the command says the call screen's note (the catalogue's `surfaces`), never "try other
words"; with --json the note goes to stderr, or into the answer with --with-note (the API's `with_note`).
Controls: words with no note, and words that find nothing."""

from __future__ import annotations

import json

import pytest

from cli.main import main
from pathway.catalogue import load_catalogue
from pathway.search import search
from webapp import create_app

IN_CARE = load_catalogue().surfaces.child_in_care_search.text
REFUSED = load_catalogue().surfaces.refused_early_help_search.text
TRY_OTHER_WORDS = "No concerns found: try other words"


@pytest.fixture
def client(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}"})
    return app.test_client()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["search", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("q, months", [("she flinches whenever anyone moves quick near her", 60), ("dad hits mum", 96)])
def test_the_words_are_read_as_the_call_screen_reads_them(capsys, q, months):
    typed = [h.id for h in search(q, age_in_months=months, limit=3)]
    assert typed != [h.id for h in search(q, age_in_months=months, limit=3, finished=True)]  # else this test could not fail
    code, out, err = run(capsys, q, "--age-months", str(months), "--limit", "3", "--json")
    assert code == 0 and err == "" and [r["id"] for r in json.loads(out)] == typed


def test_the_child_in_care_note_is_said_not_try_other_words(capsys):
    code, out, err = run(capsys, "she is in foster care")
    assert code == 0 and err == ""
    assert IN_CARE in out and TRY_OTHER_WORDS not in out


def test_the_refusal_note_is_said_after_the_rows(capsys):
    code, out, _ = run(capsys, "mum refused the CAF", "--limit", "3")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 5 and lines[3] == "" and lines[4] == REFUSED  # three rows, a blank line, the note


def test_with_json_the_answer_is_the_array_and_the_note_goes_to_stderr(capsys):
    code, out, err = run(capsys, "she is in foster care", "--json")
    assert code == 0 and json.loads(out) == [] and err == f"note: {IN_CARE}\n"


def test_with_json_and_with_note_the_answer_is_the_apis(capsys, client):
    code, out, err = run(capsys, "mum refused the CAF", "--json", "--with-note")
    api = client.post("/api/v1/search", json={"words": "mum refused the CAF", "with_note": True}).get_json()
    assert code == 0 and err == "" and json.loads(out) == api and api["note"] == REFUSED


@pytest.mark.parametrize("q", ["bruises on his arm", "mum drinks every day"])
def test_control_no_note(capsys, q):
    code, out, err = run(capsys, q)
    assert code == 0 and err == "" and "This tool's reading" not in out and out.strip()
    code, out, err = run(capsys, q, "--json")
    assert code == 0 and err == "" and json.loads(out)


def test_control_words_that_find_nothing_still_say_try_other_words(capsys):
    code, out, err = run(capsys, "zzqx")
    assert (code, out, err) == (0, f"{TRY_OTHER_WORDS}\n", "")


def test_the_help_says_both(capsys):
    with pytest.raises(SystemExit):
        main(["search", "--help"])
    said = " ".join(capsys.readouterr().out.split())
    assert "read as the call screen reads them" in said and "--with-note" in said
