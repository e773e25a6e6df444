"""An override that goes back to the tool's own level (tool Additional; Protection recorded; then Additional again) is
"Back to the tool's level" wherever a manager reads a direction: the overrides list's tag, the direction filter and its
options, the review page, the dashboard's table and chart. Before fix19o it read "Higher than the tool's" (review 19,
mutation). Oracle: the levels written out by hand; the words are the page's own, read as a manager reads them."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from html import unescape

from rules import evaluate
from store.assessments import record_override, save_assessment
from tests.conftest import make_case
from tests.webapp.accounts.conftest import sign_in
from tests.webapp.conftest import text

DENTAL = "additional.dental_decay_not_accessing"  # Additional
IMMEDIATE = "immediate.significant_harm"  # the p9 box: an immediate referral, Protection
T0 = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)
HIGHER, LOWER, BACK = "Higher than the tool's", "Lower than the tool's", "Back to the tool's level"


def _back_and_forth(engine, people, indicators, ref, first, then):
    case = make_case(indicators)
    entry = save_assessment(engine, people["pat"], ref, case, evaluate(case), now=T0)
    one = record_override(engine, people["pat"], entry.id, first, "First reason", now=T0)
    two = record_override(engine, people["pat"], entry.id, then, "Second reason", now=T0 + timedelta(hours=1))
    return entry, one, two


def _row(html: str, override_id: int) -> str:
    row = re.search(rf'<tr[^>]*id="override-{override_id}".*?</tr>', html, re.S).group()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row))


def _table_row(html: str, table_id: str, header: str) -> list[str]:
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S).group()
    row = re.search(rf"<tr[^>]*>\s*<th[^>]*>{re.escape(header)}</th>(.*?)</tr>", table, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>.*?</td>", row, re.S)]


def test_the_list_tags_the_override_back_to_the_tools_level_and_the_filter_finds_it(client, people, engine):
    entry, up, back = _back_and_forth(engine, people, [DENTAL], "FSP-0001", "protection", "additional")
    assert (entry.level, up.level, back.level) == ("additional", "protection", "additional")
    sign_in(client, "meg")
    html = client.get("/overrides").get_data(as_text=True)
    assert HIGHER in _row(html, up.id) and BACK not in _row(html, up.id)
    assert BACK in _row(html, back.id) and HIGHER not in _row(html, back.id) and LOWER not in _row(html, back.id)
    options = [(v, unescape(w)) for v, w in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', html.split('id="direction"')[1])][:4]
    assert options == [("", "Any direction"), ("down", LOWER + " (downgrades)"), ("up", HIGHER + " (upgrades)"), ("same", BACK)]

    def ids(query: str) -> set[int]:
        return {int(i) for i in re.findall(r'id="override-(\d+)"', client.get(f"/overrides?{query}").get_data(as_text=True))}

    assert ids("direction=same") == {back.id}
    assert ids("direction=up") == {up.id}
    assert ids("direction=down") == set()
    assert ids("direction=sideways") == {up.id, back.id}  # an unknown word is no filter: all shown, as before
    chosen = client.get("/overrides?direction=same").get_data(as_text=True)
    assert re.search(r'<option value="same" selected>', chosen)


def test_the_review_page_says_back_to_the_tools_level(client, people, engine):
    _entry, up, back = _back_and_forth(engine, people, [DENTAL], "FSP-0001", "protection", "additional")
    sign_in(client, "meg")
    words = text(client.get(f"/overrides/{back.id}/review"))
    assert "Recorded level Additional (back to the tool's level)" in words and "higher than the tool's" not in words
    assert "Recorded level Protection (higher than the tool's)" in text(client.get(f"/overrides/{up.id}/review"))


def test_the_dashboard_counts_it_back_to_the_tools_level_not_higher(client, people, engine):
    _back_and_forth(engine, people, [DENTAL], "FSP-0001", "protection", "additional")
    _back_and_forth(engine, people, [DENTAL], "FSP-0002", "protection", "universal")  # its latest: lower
    sign_in(client, "meg")
    html = client.get("/dashboard").get_data(as_text=True)
    assert _table_row(html, "override-table", "With a different level recorded") == ["2 (100%)"]
    assert _table_row(html, "override-table", LOWER) == ["1"]
    assert _table_row(html, "override-table", HIGHER) == ["0"]
    assert _table_row(html, "override-table", BACK) == ["1"]
    assert "Recorded levels by direction: Lower than the tool&#39;s 1; Higher than the tool&#39;s 0; Back to the tool&#39;s level 1." in html


def test_an_immediate_referral_lowered_then_back_is_listed_first_with_both_directions(client, people, engine):
    """The tool's decision an immediate referral (Protection); Child in Need recorded, then Protection again: both rows
    in the immediate referrals' table, the first "Lower than the tool's", the second "Back to the tool's level" (never
    "Higher"), and the dashboard still counts the immediate referral with a level recorded, not reviewed yet."""
    entry, lower, back = _back_and_forth(engine, people, [IMMEDIATE], "FSP-0005", "child_in_need", "protection")
    assert (entry.level, entry.immediate) == ("protection", True)
    sign_in(client, "meg")
    html = client.get("/overrides").get_data(as_text=True)
    immediate = re.search(r'<table[^>]*id="immediate-overrides".*?</table>', html, re.S).group()
    assert f'id="override-{lower.id}"' in immediate and f'id="override-{back.id}"' in immediate
    assert LOWER in _row(html, lower.id) and BACK in _row(html, back.id) and HIGHER not in html.split('id="direction"')[0]
    dash = client.get("/dashboard").get_data(as_text=True)
    assert _table_row(dash, "immediate-table", "Immediate referrals with a different level recorded") == ["1"]
    assert _table_row(dash, "immediate-table", "Not reviewed yet") == ["1"]
    assert _table_row(dash, "override-table", BACK) == ["1"] and _table_row(dash, "override-table", HIGHER) == ["0"]
