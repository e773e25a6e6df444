"""A level recorded against an immediate referral (p9) is shown apart and first to managers: the
dashboard counts it before anything else (and gives it its own row of the cross-table), with a link
to the list; the overrides page lists it first, in its own table, with both decisions and the
reason. Real saved entries; which decisions were immediate referrals is the rules' own answer."""

from __future__ import annotations

import re

from rules import evaluate
from store.assessments import list_overrides, record_override, record_review, save_assessment
from tests.conftest import make_case
from tests.webapp.accounts.conftest import sign_in

IMMEDIATE = "immediate.significant_harm"
PROTECTION = "protection.severe_chronic_health_problems"
DENTAL = "additional.dental_decay_not_accessing"


def _saved(engine, people):
    """North: an immediate referral lowered to Extensive, a Protection decision (no immediate
    referral) lowered to Extensive, an Additional lowered to Universal. South: an immediate
    referral lowered (not North's manager's)."""
    imm, prot, dental = make_case([IMMEDIATE]), make_case([PROTECTION]), make_case([DENTAL])
    assert evaluate(imm).immediate and not evaluate(prot).immediate and evaluate(prot).level.value == "protection"
    for who, ref, case, level, reason in (
        ("pat", "FSP-0001", imm, "extensive", "Father has left the home"),
        ("pat", "FSP-0002", prot, "extensive", "Treatment now in place"),
        ("pat", "FSP-0003", dental, "universal", "Needs met at school"),
        ("sam", "STH-0001", imm, "universal", "South's reason"),
    ):
        e = save_assessment(engine, people[who], ref, case, evaluate(case))
        record_override(engine, people[who], e.id, level, reason)


def _table(html: str, table_id: str) -> str:
    return re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S).group()


def _row(html: str, table_id: str, header: str) -> list[str]:
    row = re.search(rf"<tr[^>]*>\s*<th[^>]*>{re.escape(header)}</th>(.*?)</tr>", _table(html, table_id), re.S).group(1)
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>.*?</td>", row, re.S)]


def test_the_dashboard_shows_overridden_immediate_referrals_first(client, people, engine):
    _saved(engine, people)
    sign_in(client, "meg")
    html = client.get("/dashboard").get_data(as_text=True)
    assert "FSP-" not in html and "STH-" not in html  # counts only
    h2s = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r'<h2 class="govuk-heading-m"[^>]*>(.*?)</h2>', html, re.S)]
    assert h2s[0] == "Immediate referrals with a different level recorded"
    assert _row(html, "immediate-table", "Immediate referrals with a different level recorded") == ["1"]
    assert _row(html, "immediate-table", "Not reviewed yet") == ["1"]
    assert 'href="/overrides#immediate"' in html
    # the cross-table: the immediate referral has its own row, first; Protection's row is the other one
    rows = re.findall(r'<th scope="row" class="govuk-table__header">(.*?)</th>', _table(html, "differ-table"))
    assert rows[0] == "Protection (immediate referral)" and rows[1:] == ["Universal", "Additional", "Extensive", "Child in Need", "Protection"]
    assert _row(html, "differ-table", "Protection (immediate referral)") == ["0", "0", "1", "0", "0"]
    assert _row(html, "differ-table", "Protection") == ["0", "0", "1", "0", "0"]


def test_the_dashboard_link_keeps_the_chosen_team(client, people, engine):
    _saved(engine, people)
    sign_in(client, "meg")
    from store import oversight

    oversight.grant(engine, "meg", "South")
    html = client.get("/dashboard?team=South").get_data(as_text=True)
    assert _row(html, "immediate-table", "Immediate referrals with a different level recorded") == ["1"]
    assert 'href="/overrides?team=South#immediate"' in html


def test_the_overrides_page_lists_immediate_referrals_apart_and_first(client, people, engine):
    _saved(engine, people)
    sign_in(client, "meg")
    html = client.get("/overrides").get_data(as_text=True)
    assert html.index('id="immediate"') < html.index('id="others"')
    first = text_of(_table(html, "immediate-overrides"))
    assert "FSP-0001" in first and "FSP-0002" not in first and "FSP-0003" not in first and "STH-0001" not in first
    assert "Protection (immediate referral)" in first and "Extensive" in first and "Father has left the home" in first
    entry = next(e for e, _o in list_overrides(engine, people["meg"]) if e.case_ref == "FSP-0001")
    assert f'href="/cases/FSP-0001/entries/{entry.id}"' in _table(html, "immediate-overrides")  # the saved decision, to open
    others = text_of(_table(html, "other-overrides"))
    assert "FSP-0002" in others and "FSP-0003" in others and "FSP-0001" not in others
    # the filters narrow both tables; the immediate one says when none match
    down_reviewed = client.get("/overrides?direction=up").get_data(as_text=True)
    assert "immediate-overrides" not in down_reviewed and "No immediate referral matches these choices" in text_of(down_reviewed)


def test_a_reviewed_immediate_referral_is_no_longer_counted_as_waiting(client, people, engine):
    _saved(engine, people)
    o = next(o for e, o in list_overrides(engine, people["meg"]) if e.case_ref == "FSP-0001")
    record_review(engine, people["meg"], o.id, "Talked it through")
    sign_in(client, "meg")
    html = client.get("/dashboard").get_data(as_text=True)
    assert _row(html, "immediate-table", "Not reviewed yet") == ["0"]


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())
