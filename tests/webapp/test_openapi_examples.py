"""The OpenAPI document's examples are what the API answers (review 12 surfaces, W5: it had none).
Each request example of an endpoint is posted to the real API; the answer's status has an example
of the same name, and the body is that example exactly. The app runs with the default office hours,
which the document's examples say they were decided with; the worked example is the contract's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pathway.catalogue import load_catalogue
from pathway.settings import OfficeHours
from webapp import create_app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    app = create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "test",
            "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('oa') / 'web.sqlite3'}",
            "OFFICE_HOURS": OfficeHours(),
        }
    )
    return app.test_client()


def _examples(doc: dict, path: str) -> tuple[dict, dict[str, dict]]:
    post = doc["paths"][path]["post"]
    requests = post["requestBody"]["content"]["application/json"]["examples"]
    answers = {status: r["content"]["application/json"].get("examples", {}) for status, r in post["responses"].items() if "content" in r}
    return requests, answers


@pytest.mark.parametrize("path", ["/api/v1/assess", "/api/v1/search"])
def test_each_request_example_gets_the_documented_answer(api, path):
    doc = api.get("/api/v1/openapi.json").get_json()
    requests, answers = _examples(doc, path)
    assert len(requests) >= 2 and any(status != "200" for status, ex in answers.items() if ex)  # an accepted and a refused one
    for name, example in requests.items():
        r = api.post(path, data=json.dumps(example["value"]), content_type="application/json")
        documented = answers[str(r.status_code)]
        assert name in documented, (name, r.status_code)
        assert r.get_json() == documented[name]["value"], name
    # every answer example has its request
    assert {n for ex in answers.values() for n in ex} == set(requests)


def test_the_assess_examples_include_the_contracts_worked_example_and_an_immediate_referral(api):
    doc = api.get("/api/v1/openapi.json").get_json()
    requests, answers = _examples(doc, "/api/v1/assess")
    worked = json.loads((ROOT / "docs" / "examples" / "worked-example.json").read_text(encoding="utf-8"))
    assert any(ex["value"] == worked for ex in requests.values())
    decided = answers["200"].values()
    assert any(ex["value"]["immediate"] is True for ex in decided)
    assert all(ex["value"]["ruleset"] == load_catalogue().version for ex in decided)  # today's, never a stale one
