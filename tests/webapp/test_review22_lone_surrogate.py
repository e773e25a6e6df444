"""A lone surrogate escape in a JSON body (`\\ud800` with no partner, as a client that cut an emoji in half
writes): 422 naming the field that holds it and the fault, not pydantic's "unexpected end of hex escape" at a
column (review 22 surfaces, S8). The API and `pathway assess` alike (one parser, pathway.models.refusal).
Oracle: the body written by hand, its field known; a whole pair is one character and is read."""

from __future__ import annotations

import io
import sys

import pytest

from cli.main import EXIT_REFUSED, main

J = {"Content-Type": "application/json"}
LOW = "additional.dental_decay_not_accessing"


@pytest.mark.parametrize("escape", ["\\ud800", "\\udc00", "\\udbff"])
def test_search_with_a_lone_surrogate_names_the_words_and_the_fault(client, escape):
    r = client.post("/api/v1/search", data='{"words":"mum %s hits the baby"}' % escape, headers=J)
    assert r.status_code == 422
    [err] = r.get_json()["errors"]
    assert err["field"] == "words"
    assert "lone surrogate" in err["message"] and escape in err["message"] and "UTF-8" in err["message"]


def test_assess_names_each_field_holding_one_in_document_order(client):
    body = '{"child":{"age_years":8},"indicators":["%s","x\\ude00y"],"context":{"caller":"pro\\ud83d"}}' % LOW
    r = client.post("/api/v1/assess", data=body, headers=J)
    assert r.status_code == 422
    errs = r.get_json()["errors"]
    assert [e["field"] for e in errs] == ["indicators[1]", "context.caller"]
    assert all("lone surrogate" in e["message"] for e in errs)


def test_a_whole_pair_is_one_character_and_is_read(client):
    r = client.post("/api/v1/search", data='{"words":"mum \\ud83d\\ude00 hits the baby"}', headers=J)
    assert r.status_code == 200


def test_other_bad_json_keeps_its_own_words(client):
    r = client.post("/api/v1/search", data='{"words":"mum \\uZZZZ"}', headers=J)
    assert r.status_code == 422
    [err] = r.get_json()["errors"]
    assert err["field"] == "(body)" and "not valid JSON" in err["message"] and "surrogate" not in err["message"]


def test_pathway_assess_names_it_too(tmp_path, monkeypatch, capsys):
    case = tmp_path / "case.json"
    case.write_text('{"indicators":["%s"],"context":{"caller":"a\\ud800"}}' % LOW, encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["assess", str(case)]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert err.startswith("error: context.caller: ") and "lone surrogate" in err
