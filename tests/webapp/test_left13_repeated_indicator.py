"""left13: a need given twice in a case's indicators is refused by field on the API and the CLI (its file input
and standard input), naming the repeat (`indicators[3]`) and the place it was first given; routed like every
other refusal (rules.refusals), so a case that is an immediate referral is still decided, the repeat named in
`decided_without`. It was taken silently (checked once), so a list built wrongly by a calling system went unseen.

Oracle: the positions are counted by hand in each case below; p9's trafficking criterion ("Child is a victim of
trafficking", p9) is an immediate referral, and Children and Families Direct (0115 876 4800, p23) the number
to ring in office hours.
"""

from __future__ import annotations

import json

import pytest

from cli.main import EXIT_REFUSED, main
from pathway.settings import OfficeHours

IN_HOURS = "2027-01-12T10:00:00+00:00"  # a Tuesday morning
CONTEXT = {"caller": "professional", "contact_time": IN_HOURS}
NOT_P9 = {
    "child": {"age_years": 8},
    "indicators": ["additional.lack_routine", "additional.poor_school_attendance_exclusion", "universal.physically_well", "additional.lack_routine"],
    "context": CONTEXT,
}
P9 = {"child": {"age_years": 8}, "indicators": ["immediate.trafficking_victim", "additional.lack_routine", "immediate.trafficking_victim"], "context": CONTEXT}


@pytest.fixture
def client(tmp_path):
    from webapp import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "x", "OFFICE_HOURS": OfficeHours(), "DATABASE_URL": f"sqlite:///{tmp_path / 'r.sqlite3'}"})
    return app.test_client()


def _cli_file(raw: dict, tmp_path, capsys):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(raw))
    code = main(["assess", str(path)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_api_refuses_a_need_given_twice_naming_the_repeat(client):
    r = client.post("/api/v1/assess", json=NOT_P9)
    assert r.status_code == 422
    errors = {e["field"]: e["message"] for e in r.get_json()["errors"]}
    assert list(errors) == ["indicators[3]"]
    assert "additional.lack_routine" in errors["indicators[3]"] and "indicators[0]" in errors["indicators[3]"]


def test_the_cli_file_input_refuses_a_need_given_twice(tmp_path, capsys):
    code, out, err = _cli_file(NOT_P9, tmp_path, capsys)
    assert code == EXIT_REFUSED and out == "" and "error: indicators[3]:" in err


def test_an_immediate_referral_given_twice_is_still_decided_naming_the_repeat(client, tmp_path, capsys):
    body = client.post("/api/v1/assess", json=P9).get_json()
    assert body["immediate"] is True and (body["contacts"][0]["name"], body["contacts"][0]["phone"]) == ("Children and Families Direct", "0115 876 4800")
    assert [e["field"] for e in body["decided_without"]] == ["indicators[2]"]
    code, out, err = _cli_file(P9, tmp_path, capsys)
    assert code == 0 and json.loads(out)["immediate"] is True and "warning: decided without indicators[2]:" in err


def test_a_repeat_beside_another_refusal_names_both(client):
    raw = {**NOT_P9, "indicators": ["protection.sexual_activity_under_13", "additional.lack_routine", "additional.lack_routine"], "child": {"age_years": 14}}
    fields = [e["field"] for e in client.post("/api/v1/assess", json=raw).get_json()["errors"]]
    assert sorted(fields) == ["indicators[0]", "indicators[2]"]
