"""Review 18 surfaces, S1 carried to the search boxes fix18s left (fix18t): the JSON API's search (and the
CLI's, the same request), and the trainee's Find box refuse a NUL, a terminal escape (ESC[31m) and a
direction override (U+202E) naming the field, never searching on them; ordinary written text (accents,
emoji, Welsh, Polish, Urdu, a zero-width joiner, a tab and a line break) still passes. The API names the
JSON path in its usual refusal (422 {"errors": [{"field", "message"}]}, docs/contract.md); the Find box
answers with the GOV.UK error summary linked to the box and keeps every tick. The API's assess takes no
free text: an indicator id carrying the same bytes is refused as unknown, its bytes escaped, never echoed.
Oracle: the bytes typed here by hand and the words of the rule (pathway.written_text) written out."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from cli.main import EXIT_REFUSED, main
from tests.webapp.conftest import text
from tests.webapp.test_practice import MONDAYS, join, start_session
from webapp.practice.forms import indicator_data

REFUSED = "must be written text: remove the control characters pasted into it"
PASTED = {"NUL": "bru\x00ise", "ESC[31m": "\x1b[31mbruise", "U+202E": "\u202ebruise school"}
WRITTEN = [
    "Siân's café: bruise 😢",  # accents, an emoji
    "plentyn yn colli'r ysgol",  # Welsh
    "siniak na ręce, źle śpi",  # Polish
    "بچے پر زخم",  # Urdu
    "Zoë\u200dschool\tbruise\r\nhome",  # a zero-width joiner, a tab and line breaks are text
]
SCHOOL = "additional.poor_school_attendance_exclusion"
KEY_STAGE = "additional.not_achieving_key_stage"


def _boxes(html: str) -> set[str]:
    return set(re.findall(r'type="checkbox" value="([^"]+)"', html)) | set(re.findall(r'value="([^"]+)" type="checkbox"', html))


def _ticked(html: str) -> set[str]:
    return set(re.findall(r'value="([^"]+)"[^>]*checked', html)) | set(re.findall(r'checked[^>]*value="([^"]+)"', html))


# ---------------------------------------------------------------- POST /api/v1/search


@pytest.mark.parametrize("words", PASTED.values(), ids=PASTED.keys())
def test_the_api_search_refuses_control_text_naming_words(client, words):
    r = client.post("/api/v1/search", json={"words": words, "age_months": 120})
    assert r.status_code == 422
    assert r.get_json() == {"errors": [{"field": "words", "message": f"words {REFUSED}"}]}


def test_the_api_search_refuses_a_nul_sent_as_a_json_escape(client):
    r = client.post("/api/v1/search", data=b'{"words": "bruise\\u0000"}', content_type="application/json")
    assert r.status_code == 422 and [e["field"] for e in r.get_json()["errors"]] == ["words"]


@pytest.mark.parametrize("words", WRITTEN)
def test_the_api_search_still_takes_written_text(client, words):
    r = client.post("/api/v1/search", json={"words": words})
    assert r.status_code == 200 and isinstance(r.get_json(), list)


def test_the_api_search_still_finds_through_accents_and_emoji(client):
    rows = client.post("/api/v1/search", json={"words": "Siân's café: bruise 😢", "age_months": 10}).get_json()
    assert "immediate.unexplained_bruising_under_2" in [r["id"] for r in rows]


def test_the_api_assess_never_echoes_the_bytes_of_an_indicator_id(client):
    r = client.post("/api/v1/assess", json={"child": {"age_years": 8}, "indicators": ["x\x00\x1b[31m\u202e"]})
    assert r.status_code == 422 and [e["field"] for e in r.get_json()["errors"]] == ["indicators[0]"]
    message = r.get_json()["errors"][0]["message"]
    assert not [c for c in message if ord(c) < 32 or c == "\u202e"]


# ---------------------------------------------------------------- pathway search (the CLI: the same request)


@pytest.mark.parametrize("words", PASTED.values(), ids=PASTED.keys())
def test_the_cli_search_refuses_control_text_naming_words(words, capsys):
    code = main(["search", words, "--json"])
    out = capsys.readouterr()
    assert code == EXIT_REFUSED and out.out == "" and out.err.startswith(f"error: words: words {REFUSED}")


def test_the_cli_search_still_takes_written_text(capsys):
    code = main(["search", "Siân's café: bruise 😢", "--age-months", "10", "--json"])
    assert code == 0 and "immediate.unexplained_bruising_under_2" in [r["id"] for r in json.loads(capsys.readouterr().out)]


# ---------------------------------------------------------------- the trainee's Find box


@pytest.mark.parametrize("words", PASTED.values(), ids=PASTED.keys())
def test_the_find_box_refuses_control_text_in_the_error_summary_and_keeps_the_ticks(app, trainer, words):
    code = start_session(trainer)
    alex = join(app, code, "Alex")
    page = f"/practice/s/{code}/{MONDAYS}"
    everything = _boxes(alex.get(page).get_data(as_text=True))
    r = alex.post(page, data={"find": words, "find_submit": "1", **indicator_data([KEY_STAGE])})
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    summary = re.search(r'class="govuk-error-summary".*?</div>\s*</div>', html, re.S)
    assert summary and "There is a problem" in summary.group(0)
    assert re.search(r'<a href="#find">\s*Find indicators ' + re.escape(REFUSED), summary.group(0))
    assert 'id="find-error"' in html and 'id="find"' in html
    assert _boxes(html) == everything  # never searched on: the whole list, not a narrowed one
    assert KEY_STAGE in _ticked(html)  # the tick is kept
    assert "Select the level" not in text(r) and "match ‘" not in unescape(html)


@pytest.mark.parametrize("words", WRITTEN)
def test_the_find_box_still_takes_written_text(app, trainer, words):
    code = start_session(trainer)
    alex = join(app, code, "Alex")
    r = alex.post(f"/practice/s/{code}/{MONDAYS}", data={"find": words, "find_submit": "1"})
    assert r.status_code == 200 and REFUSED not in text(r) and "There is a problem" not in text(r)


def test_the_find_box_refused_then_written_text_narrows_again(app, trainer):
    code = start_session(trainer)
    alex = join(app, code, "Alex")
    page = f"/practice/s/{code}/{MONDAYS}"
    everything = _boxes(alex.get(page).get_data(as_text=True))
    alex.post(page, data={"find": PASTED["NUL"], "find_submit": "1"})
    shown = _boxes(alex.post(page, data={"find": "school", "find_submit": "1"}).get_data(as_text=True))
    assert SCHOOL in shown and len(shown) < len(everything)
    # an answer posted with the refused words still in the box is an answer: the box is not checked then
    r = alex.post(page, data={"find": PASTED["ESC[31m"], "level": "additional", **indicator_data([SCHOOL])})
    assert r.status_code == 302 and r.location.endswith("/feedback")
