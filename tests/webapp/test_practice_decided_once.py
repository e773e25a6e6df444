"""The practice pages decide each scenario once per catalogue (left9, item 4): the library page, a
session's trainer page and a trainee's pages evaluated every scenario again on each request (the
flags ran the rules two or three times a scenario, the facets once more, the session's list once
more). Counted here at rules.evaluate, the one way in; the pages stay the same."""

from __future__ import annotations

import rules
from pathway import catalogue as catalogue_module
from tests.webapp.conftest import text
from tests.webapp.test_practice import MONDAYS, join, start_session
from training import runner
from webapp.practice.library import shipped


def _counting(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = rules.evaluate

    def counting(case, **kwargs):
        calls.append(case.model_dump_json())
        return real(case, **kwargs)

    monkeypatch.setattr(rules, "evaluate", counting)
    return calls


def test_the_library_and_session_pages_decide_each_case_once(app, trainer, monkeypatch):
    calls = _counting(monkeypatch)
    pages = ["/practice/scenarios", "/practice/new"]
    first = {p: text(trainer.get(p)) for p in pages}
    code = start_session(trainer)
    trainee = join(app, code, "Sam")
    session_pages = [(trainer, f"/practice/session/{code}"), (trainee, f"/practice/s/{code}"), (trainee, f"/practice/s/{code}/{MONDAYS}")]
    first_session = [text(c.get(p)) for c, p in session_pages]
    assert len(calls) == len(set(calls)), "a case was evaluated twice"
    assert len(calls) <= 2 * len(shipped())  # each case once (and its also-acceptable case)
    before = len(calls)
    # the same pages again: nothing is evaluated, and they read the same
    assert {p: text(trainer.get(p)) for p in pages} == first
    assert [text(c.get(p)) for c, p in session_pages] == first_session
    assert len(calls) == before


def test_a_new_catalogue_decides_again(monkeypatch):
    calls = _counting(monkeypatch)
    scenario = shipped()[0]
    one = runner.decide(scenario)
    runner.decide(scenario)
    assert len(calls) <= 1  # once, or already kept
    kept = len(calls)
    current = catalogue_module.load_catalogue()
    monkeypatch.setattr(catalogue_module, "load_catalogue", lambda *a: current.model_copy())
    again = runner.decide(scenario)
    assert len(calls) == kept + 1 and again == one
    # each caller its own copy: changing one changes no other page's
    again.reasons.clear()
    assert runner.decide(scenario).reasons == one.reasons
