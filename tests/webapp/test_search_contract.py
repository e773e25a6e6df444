"""Search as a contract (issue 14): `pathway search ... --json` and `POST /api/v1/search` give the
same rows, best first, from the same request checks."""

from __future__ import annotations

import json
import logging

import pytest

from cli.main import EXIT_REFUSED, main
from pathway.search import search

ROW = {"id", "text", "level", "immediate", "score"}


def cli(argv, capsys):
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_prints_the_contract_rows_best_first(capsys):
    code, out, err = cli(["search", "brusies", "--age-months", "10", "--limit", "3", "--json"], capsys)
    rows = json.loads(out)
    assert code == 0 and err == ""
    assert [set(r) for r in rows] == [ROW] * len(rows) and 1 <= len(rows) <= 3
    assert rows[0]["id"] == "immediate.unexplained_bruising_under_2" and rows[0]["immediate"] is True
    assert rows[0]["level"] == "protection"
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    # the same as the library's own search
    assert [r["id"] for r in rows] == [h.id for h in search("brusies", age_in_months=10, limit=3)]


def test_cli_age_filters_as_the_call_screen_does(capsys):
    _, out, _ = cli(["search", "bruise", "--age-months", "30", "--json"], capsys)
    assert "immediate.unexplained_bruising_under_2" not in {r["id"] for r in json.loads(out)}
    _, out, _ = cli(["search", "pregnant", "--unborn", "--json"], capsys)
    assert "immediate.unborn_significant_harm" in [r["id"] for r in json.loads(out)[:3]]  # in sight: "pregnant" names no harm
    _, out, _ = cli(["search", "pregnant", "--age-months", "180", "--json"], capsys)
    assert "immediate.unborn_significant_harm" not in {r["id"] for r in json.loads(out)}


def test_cli_nothing_found_is_an_empty_list_or_a_sentence(capsys):
    assert json.loads(cli(["search", "xylophone", "--json"], capsys)[1]) == []
    assert "No concerns found" in cli(["search", "xylophone"], capsys)[1]


@pytest.mark.parametrize(
    "argv, message",
    [
        (["search", "bruise", "--limit", "0"], "error: limit:"),
        (["search", "bruise", "--age-months", "-3"], "error: age_months:"),
        (["search", "   "], "error: words:"),
        (["search", "x" * 201], "error: words:"),
    ],
)
def test_cli_refuses_bad_input_naming_the_field(argv, message, capsys):
    code, out, err = cli(argv, capsys)
    assert code == EXIT_REFUSED and out == "" and err.startswith(message)


def test_cli_age_and_unborn_together_are_refused(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["search", "bruise", "--age-months", "3", "--unborn"])
    assert exc.value.code == 2 and "not allowed with" in capsys.readouterr().err


def test_api_returns_the_same_rows_as_the_cli(client, capsys):
    r = client.post("/api/v1/search", json={"words": "not gaining weight", "age_months": 8, "limit": 5})
    assert r.status_code == 200 and r.mimetype == "application/json"
    _, out, _ = cli(["search", "not gaining weight", "--age-months", "8", "--limit", "5", "--json"], capsys)
    assert r.get_json() == json.loads(out)
    assert r.get_json()[0]["id"] == "additional.concerns_about_diet_poor"


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "words"),
        ({"words": ""}, "words"),
        ({"words": "  "}, "words"),
        ({"words": "bruise", "age_months": 3, "unborn": True}, "unborn"),
        ({"words": "bruise", "age_months": "3"}, "age_months"),
        ({"words": "bruise", "age_months": 400}, "age_months"),
        ({"words": "bruise", "limit": 51}, "limit"),
        ({"words": "bruise", "colour": "red"}, "colour"),
        ([1], "(body)"),
    ],
)
def test_api_refuses_bad_requests_naming_the_field(client, body, field):
    r = client.post("/api/v1/search", json=body)
    assert r.status_code == 422
    assert field in [e["field"] for e in r.get_json()["errors"]]


def test_api_refuses_an_empty_or_broken_body(client):
    for data in ("", "{oops"):
        r = client.post("/api/v1/search", data=data, content_type="application/json")
        assert r.status_code == 422 and r.get_json()["errors"][0]["field"] == "(body)"


def test_api_search_is_post_only_and_in_the_openapi(client):
    assert client.get("/api/v1/search").status_code == 405
    doc = client.get("/api/v1/openapi.json").get_json()
    op = doc["paths"]["/api/v1/search"]["post"]
    assert op["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/SearchRequest")
    assert set(doc["components"]["schemas"]["SearchHit"]["required"]) == ROW
    assert set(doc["components"]["schemas"]["SearchRequest"]["properties"]) == {"words", "age_months", "unborn", "limit", "finished", "with_note"}


def test_api_does_not_log_the_callers_words(client, caplog):
    with caplog.at_level(logging.DEBUG):
        client.post("/api/v1/search", json={"words": "uncle touched her"})
    assert "touched" not in caplog.text


def test_not_at_all_kept_safe_finds_p9_first_through_the_api(client):
    """Left9, item 5: the caller's words through POST /api/v1/search (tests/pathway/test_search_not_kept_safe.py)."""
    rows = client.post("/api/v1/search", json={"words": "not at all kept safe", "age_months": 96}).get_json()
    assert rows[0]["id"] == "immediate.significant_harm" and rows[0]["immediate"] is True
