"""The managers' dashboard: their team's counts (by month and level, overrides and direction,
tool vs recorded, indicators chosen most), SVG charts with text alternatives and tables; no case
reference anywhere on the page; another team's entries never counted."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from rules import evaluate
from store.assessments import record_override, save_assessment
from tests.conftest import make_case
from tests.webapp.accounts.conftest import sign_in
from tests.webapp.conftest import text

DENTAL = "additional.dental_decay_not_accessing"
ROUTINE = "additional.lack_routine"
NOV, DEC = datetime(2026, 11, 3, 10, tzinfo=timezone.utc), datetime(2026, 12, 1, 10, tzinfo=timezone.utc)


def _saved(engine, people):
    """North: three entries (Nov: Additional, Additional lowered to Universal; Dec: Universal raised
    to Protection). South: one entry, which North's manager must not count."""
    dental, both, none = make_case([DENTAL]), make_case([DENTAL, ROUTINE]), make_case([])
    save_assessment(engine, people["pat"], "FSP-0001", dental, evaluate(dental), now=NOV)
    lowered = save_assessment(engine, people["pat"], "FSP-0002", both, evaluate(both), now=NOV)
    raised = save_assessment(engine, people["pat"], "FSP-0003", none, evaluate(none), now=DEC)
    record_override(engine, people["pat"], lowered.id, "universal", "reason one")
    record_override(engine, people["pat"], raised.id, "protection", "reason two")
    save_assessment(engine, people["sam"], "FSP-0009", both, evaluate(both), now=DEC)


def _row(html: str, table_id: str, header: str) -> list[str]:
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S).group()
    row = re.search(rf"<tr[^>]*>\s*<th[^>]*>{re.escape(header)}</th>(.*?)</tr>", table, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>.*?</td>", row, re.S)]


def test_the_dashboard_counts_the_team_and_names_no_case(client, people, engine):
    _saved(engine, people)
    sign_in(client, "meg")
    r = client.get("/dashboard")
    html, words = r.get_data(as_text=True), text(r)
    assert r.status_code == 200 and "Team dashboard: North" in words
    assert "FSP-" not in html  # by team, never by child
    # November: two recorded Additional/Universal; December: one Protection (levels lowest first, then All)
    assert _row(html, "by-month-table", "November 2026") == ["1", "1", "0", "0", "0", "2"]
    assert _row(html, "by-month-table", "December 2026") == ["0", "0", "0", "0", "1", "1"]
    assert _row(html, "override-table", "With a different level recorded") == ["2 (67%)"]
    assert _row(html, "override-table", "Lower than the tool's") == ["1"]
    assert _row(html, "differ-table", "Additional") == ["1", "1", "0", "0", "0"]
    assert _row(html, "differ-table", "Universal") == ["0", "0", "0", "0", "1"]
    assert "They differ in 2 of 3 saved assessments" in words
    dental_text = _row(html, "indicator-table", "Dental decay and not accessing treatment")
    assert dental_text == ["2"]
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(svgs) == 4 and all('role="img"' in s and "<desc" in s and "<script" not in s for s in svgs)
    assert "November 2026: Universal 1, Additional 1" in svgs[0]


def test_only_managers(client, people):
    sign_in(client, "pat")
    assert client.get("/dashboard").status_code == 403
