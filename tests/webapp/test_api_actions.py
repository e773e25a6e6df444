"""One wording of a decision's actions on every surface (review 6, F8): the API, the command line
and the web page (and so the written referral and a saved entry) give `evaluate()`'s actions."""

from __future__ import annotations

import json

import pytest

from rules import evaluate
from tests.conftest import make_case
from tests.rules.test_resolved_actions import NEEDS, _context


@pytest.mark.parametrize("caller, caf", [("public", None), (None, "open_improving"), ("professional", "none")])
def test_the_api_the_command_line_and_the_web_page_give_evaluates_actions(client, monkeypatch, capsys, caller, caf):
    """One wording everywhere: the journey once reworded a level's actions itself, so the API and the
    command line said 'Initiate a CAF' to a family whose CAF was already open."""
    import io
    import sys

    from cli.main import main
    from webapp.journey import present

    case = make_case(NEEDS["additional"], **_context(caller, caf, None))
    body = json.loads(case.model_dump_json(exclude_none=True))
    decided = evaluate(case).actions
    assert client.post("/api/v1/assess", json=body).get_json()["actions"] == decided
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(body)))
    assert main(["assess", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["actions"] == decided
    assert present.actions(evaluate(case), case) == decided  # the web page's (and the referral's) wording
