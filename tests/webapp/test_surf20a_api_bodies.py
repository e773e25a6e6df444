"""Review 19 surfaces, noted: the API read a body as JSON whatever its Content-Type, and a number too long for
the parser was refused as "(body)", not by its field.

- Every endpoint that reads a body (POST /api/v1/assess, /api/v1/search) answers 415 in the API's error shape
  for any type but `application/json` (with or without `; charset=utf-8`), naming the header; the body is
  not read, so a valid case sent as `text/plain` is not decided.
- A number pydantic's parser refuses as out of range (4,301 digits and more) is 422 naming its JSON path, in
  every numeric field and in a list, through the API and `pathway assess` alike.
"""

from __future__ import annotations

import io
import json
import sys

import pytest

from cli.main import EXIT_REFUSED, main
from pathway.json_input import OUT_OF_RANGE

CASE = {"child": {"age_years": 8}, "indicators": ["additional.dental_decay_not_accessing"]}
SEARCH = {"words": "bruise"}
BODIES = {"/api/v1/assess": CASE, "/api/v1/search": SEARCH}
LONG = "9" * 5000  # past the parser's 4,300 digits


def _post(client, path: str, body: bytes, content_type: str | None):
    headers = {} if content_type is None else {"Content-Type": content_type}
    return client.post(path, data=body, headers=headers)


@pytest.mark.parametrize("path", sorted(BODIES))
@pytest.mark.parametrize(
    "content_type",
    [
        None,
        "text/plain",
        "text/plain; charset=utf-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "text/json",
        "application/problem+json",  # an application/*+json type: refused (its own format, not a case)
        "application/merge-patch+json",
        "application/json; charset=latin-1",  # JSON is UTF-8 (RFC 8259)
        "application/jsonx",
    ],
)
def test_a_body_not_sent_as_json_is_415_naming_the_header(client, path, content_type):
    r = _post(client, path, json.dumps(BODIES[path]).encode(), content_type)
    assert r.status_code == 415, (content_type, r.status_code)
    assert r.mimetype == "application/json"
    (error,) = r.get_json()["errors"]
    assert error["field"] == "Content-Type"
    assert "application/json" in error["message"] and "charset=utf-8" in error["message"]
    if content_type:
        assert repr(content_type) in error["message"]
    else:
        assert "none was sent" in error["message"]
    assert r.headers["Accept-Post"].startswith("application/json")


@pytest.mark.parametrize("path", sorted(BODIES))
@pytest.mark.parametrize(
    "content_type",
    ["application/json", "application/json; charset=utf-8", "Application/JSON; Charset=UTF-8", "application/json;charset=utf-8"],
)
def test_json_with_or_without_its_charset_is_read(client, path, content_type):
    r = _post(client, path, json.dumps(BODIES[path]).encode(), content_type)
    assert r.status_code == 200, r.get_json()
    if path == "/api/v1/assess":
        assert r.get_json()["level"] == "additional"
    else:
        assert r.get_json(), "no hits for 'bruise'"


def test_an_empty_json_body_is_still_422_and_reads_without_a_body_are_not_asked(client):
    r = _post(client, "/api/v1/assess", b"", "application/json")
    assert r.status_code == 422 and r.get_json()["errors"][0]["field"] == "(body)"
    assert client.get("/api/v1/indicators").status_code == 200  # no body, no Content-Type: not refused
    assert client.get("/api/v1/openapi.json").status_code == 200


def test_the_415_is_in_the_openapi_document(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    for path in BODIES:
        op = doc["paths"][path]["post"]
        assert set(op["requestBody"]["content"]) == {"application/json"}
        assert op["responses"]["415"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Errors"}


ASSESS_NUMBERS = [
    ('{"child": {"age_years": %s}}', ["child.age_years"]),
    ('{"child": {"age_years": 1, "age_months": -%s}}', ["child.age_months"]),
    ('{"child": {"age_years": 3}, "parent": {"age_years": %s.5}}', ["parent.age_years"]),
    ('{"indicators": ["additional.dental_decay_not_accessing", %s]}', ["indicators[1]"]),
    ('{"child": {"age_years": %s}, "parent": {"age_years": 1%se3}}', ["child.age_years", "parent.age_years"]),
    ('{"context": {"caf": %s}}', ["context.caf"]),
]


@pytest.mark.parametrize("template, fields", ASSESS_NUMBERS)
def test_assess_names_a_number_out_of_range_by_its_path(client, template, fields):
    body = template.replace("%s", LONG)
    r = _post(client, "/api/v1/assess", body.encode(), "application/json")
    assert r.status_code == 422
    errors = r.get_json()["errors"]
    assert [e["field"] for e in errors] == fields
    assert all(e["message"] == OUT_OF_RANGE for e in errors)


@pytest.mark.parametrize(
    "template, fields",
    [('{"words": "bruise", "limit": %s}', ["limit"]), ('{"words": "bruise", "age_months": %s}', ["age_months"]), ('{"words": %s}', ["words"])],
)
def test_search_names_a_number_out_of_range_by_its_path(client, template, fields):
    r = _post(client, "/api/v1/search", template.replace("%s", LONG).encode(), "application/json")
    assert r.status_code == 422
    assert [e["field"] for e in r.get_json()["errors"]] == fields


def test_the_longest_number_the_parser_reads_is_refused_by_its_bounds_not_as_out_of_range(client):
    r = _post(client, "/api/v1/assess", b'{"child": {"age_years": %s}}' % (b"9" * 4300), "application/json")
    (error,) = r.get_json()["errors"]
    assert error["field"] == "child.age_years" and error["message"] != OUT_OF_RANGE


def test_pathway_assess_names_the_field_too(tmp_path, monkeypatch, capsys):
    case = tmp_path / "case.json"
    case.write_text('{"child": {"age_years": %s}}' % LONG, encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["assess", str(case)]) == EXIT_REFUSED
    assert f"error: child.age_years: {OUT_OF_RANGE}" in capsys.readouterr().err
