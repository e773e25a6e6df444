"""Review 15 surfaces, Z3: the managers' /overrides and a practitioner's /cases with many entries.

/overrides drew every level recorded on one page (120 rows, 147 KB) and decided again, on every view,
each row saved under an older ruleset (60 `rules.evaluate` calls); a review, and the review page's
Back, went to /overrides with the list's filters dropped; /cases listed every reference on one page.
Now both lists are paged (FSP_LIST_PAGE_SIZE, 50 by default; GOV.UK Frontend's pagination component,
the page number in the URL), only the rows of the page shown are decided again (each entry once), and
a review returns to the list with its filters and page. Oracle: arithmetic (120 = 50 + 50 + 20), the
ids saved, and a count of `rules.evaluate` calls, never a time."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

import rules
from pathway.levels import Level
from store.assessments import record_override, save_assessment
from tests.conftest import make_case
from tests.webapp.accounts.conftest import sign_in

DENTAL = "additional.dental_decay_not_accessing"  # Additional (p11)
OLD = "fsp-2014 (0.9.0, decisions 0123456789ab)"
N = 120


@pytest.fixture
def many(engine, people):
    """120 entries of pat's (team North), each with a level recorded, alternately lower (Universal) and
    higher (Extensive) than the tool's Additional; the even ones saved under OLD. Their override ids."""
    case = make_case([DENTAL])
    today = rules.evaluate(case)
    assert today.level == Level.ADDITIONAL
    ids = []
    for i in range(N):
        decision = today.model_copy(update={"ruleset": OLD}) if i % 2 == 0 else today
        entry = save_assessment(engine, people["pat"], f"FSP-{i:04d}", case, decision)
        ids.append(record_override(engine, people["pat"], entry.id, "universal" if i % 2 else "extensive", f"Reason {i}").id)
    return ids


def _rows(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<tr class="govuk-table__row" id="override-(\d+)"', html)]


def _query(url: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(unescape(url)).query).items()}


def _back(html: str) -> str:
    m = re.search(r'<a href="([^"]+)" class="govuk-back-link"|class="govuk-back-link"[^>]*href="([^"]+)"', html)
    assert m, "no Back link"
    return unescape(m.group(1) or m.group(2))


def test_120_levels_recorded_are_shown_50_a_page_each_once(client, people, many):
    sign_in(client, "meg")
    pages = [client.get("/overrides" + (f"?page={n}" if n > 1 else "")).get_data(as_text=True) for n in (1, 2, 3)]
    shown = [_rows(p) for p in pages]
    assert [len(s) for s in shown] == [50, 50, 20]  # 120 = 50 + 50 + 20
    assert sorted(sum(shown, [])) == sorted(many)  # each once, none left out
    assert shown[0][0] == max(many)  # newest first
    first = pages[0]
    assert 'class="govuk-pagination' in first and 'aria-label="Pages of levels recorded"' in first
    assert 'href="/overrides?page=2"' in first and 'href="/overrides?page=3"' in first and 'rel="next"' in first
    assert "Showing 120 of 120. Page 1 of 3: 1 to 50." in " ".join(first.split())
    assert "Page 3 of 3: 101 to 120." in " ".join(pages[2].split())


@pytest.mark.parametrize("asked, shown_page", [("99", 3), ("0", 1), ("abc", 1), ("-2", 1)])
def test_a_page_out_of_range_shows_the_nearest(client, people, many, asked, shown_page):
    sign_in(client, "meg")
    html = client.get(f"/overrides?page={asked}").get_data(as_text=True)
    assert f"Page {shown_page} of 3" in html


def test_drawing_a_page_decides_at_most_its_rows_again(client, app, people, many, monkeypatch):
    """60 of the 120 were saved under OLD: before, every view decided all 60 again; now at most a page's."""
    calls = {"n": 0}
    real = rules.evaluate

    def counting(*a, **k):
        calls["n"] += 1
        return real(*a, **k)

    monkeypatch.setattr(rules, "evaluate", counting)
    sign_in(client, "meg")
    for size in (50, 10):
        app.config["LIST_PAGE_SIZE"] = size
        calls["n"] = 0
        html = client.get("/overrides").get_data(as_text=True)
        assert len(_rows(html)) == size
        assert 0 < calls["n"] <= size // 2 + 1  # the page's rows saved under OLD (every other one), each once


def test_a_review_returns_to_the_list_with_its_filters_and_page(client, people, many):
    sign_in(client, "meg")
    app_list = "/overrides?direction=down&reviewed=no&page=2"
    html = client.get(app_list).get_data(as_text=True)
    links = re.findall(r'href="(/overrides/\d+/review[^"]*)"', html)
    assert links, html[:500]
    wanted = {"direction": "down", "reviewed": "no", "page": "2"}
    assert _query(links[0]) == wanted  # the list's filters ride on each review link
    review = client.get(unescape(links[0]))
    assert _query(_back(review.get_data(as_text=True))) == wanted
    posted = client.post(unescape(links[0]), data={"note": ""})
    assert posted.status_code == 302 and urlsplit(posted.location).path == "/overrides"
    assert _query(posted.location) == wanted


def test_a_review_reached_without_the_filters_goes_back_to_the_list_as_last_shown(client, people, many):
    sign_in(client, "meg")
    client.get("/overrides?reviewed=no&direction=down")
    oid = many[0]
    page = client.get(f"/overrides/{oid}/review").get_data(as_text=True)
    assert _query(_back(page)) == {"direction": "down", "reviewed": "no"}
    posted = client.post(f"/overrides/{oid}/review", data={"note": ""})
    assert _query(posted.location) == {"direction": "down", "reviewed": "no"}


@pytest.mark.parametrize("carried", [{"team": "North"}, {"page": "2"}, {"direction": "down"}, {"reviewed": "no"}])
def test_a_review_link_carrying_any_one_of_the_lists_words_goes_back_to_that_list_not_the_one_last_shown(client, people, many, carried):
    """The list last shown in this session (another tab, say: Higher than the tool's) is only the fallback: a review
    reached by a link carrying the team, the page or a filter goes back to the list that link names (review 19,
    mutation: the fallback taken always, or the team or the page not read as the list's words, went unnoticed)."""
    sign_in(client, "meg")
    client.get("/overrides?direction=up&reviewed=yes")  # the list last shown
    oid = many[0]
    page = client.get(f"/overrides/{oid}/review?{urlencode(carried)}").get_data(as_text=True)
    assert _query(_back(page)) == carried


def test_filters_the_list_does_not_offer_are_not_carried(client, people, many):
    """Another team's name (its existence never confirmed) and words the filters do not have are dropped."""
    sign_in(client, "meg")
    oid = many[0]
    page = client.get(f"/overrides/{oid}/review?team=South&direction=sideways&reviewed=maybe&page=x").get_data(as_text=True)
    assert _back(page) == "/overrides"


def test_120_cases_are_listed_50_a_page(client, people, many):
    sign_in(client, "pat")
    pages = [client.get("/cases" + (f"?page={n}" if n > 1 else "")).get_data(as_text=True) for n in (1, 2, 3)]
    refs = [re.findall(r'href="/cases/(FSP-\d+)"', p) for p in pages]
    assert [len(r) for r in refs] == [50, 50, 20]
    assert sorted(sum(refs, [])) == [f"FSP-{i:04d}" for i in range(N)]
    assert refs[0][0] == f"FSP-{N - 1:04d}"  # most recently saved first
    assert 'href="/cases?page=2"' in pages[0] and "Page 1 of 3: 1 to 50 of 120 case references" in " ".join(pages[0].split())


def test_immediate_referrals_stay_first_across_pages_and_each_page_says_where_the_others_are(client, app, people, engine):
    """7 recorded against an immediate referral (p9) and 3 against others, 5 a page: page 1 holds 5
    immediate ones and says where the others are; page 2 the last 2 and the 3 others."""
    app.config["LIST_PAGE_SIZE"] = 5
    for i, ind in enumerate(["immediate.significant_harm"] * 7 + [DENTAL] * 3):
        case = make_case([ind], age_years=8, disability="none", caf="none", caller="professional")
        e = save_assessment(engine, people["pat"], f"FSP-{i:04d}", case, rules.evaluate(case))
        record_override(engine, people["pat"], e.id, "extensive", f"Reason {i}")
    sign_in(client, "meg")
    one, two = (" ".join(client.get(f"/overrides?page={n}").get_data(as_text=True).split()) for n in (1, 2))
    assert one.count('id="override-') == 5 and 'id="immediate-overrides"' in one and 'id="other-overrides"' not in one
    assert '3 match these choices, from <a class="govuk-link" href="/overrides?page=2#others">page 2</a> on.' in one
    assert two.count('id="override-') == 5 and 'id="immediate-overrides"' in two and 'id="other-overrides"' in two
    app.config["LIST_PAGE_SIZE"] = 3  # page 3 of 4: others only; the 7 immediate ones are on pages 1 to 3
    four = " ".join(client.get("/overrides?page=4").get_data(as_text=True).split())
    assert 'id="immediate-overrides"' not in four
    assert '7 match these choices, on <a class="govuk-link" href="/overrides#immediate">pages 1 to 3</a>.' in four


@pytest.mark.parametrize("asked", ["", "?page=2", "?page=0"])
def test_an_empty_list_is_one_page_with_no_pagination(client, people, engine, asked):
    """Nothing saved and nothing overridden yet: one page, shown without pagination, whatever page is asked for
    (review 19, mutation: a list of nothing counted as no pages at all, page 0, went unnoticed)."""
    from webapp.paging import Page

    assert Page(1, 50, 0).pages == 1 and Page(1, 50, 0).start == 0
    sign_in(client, "meg")
    shown = client.get("/overrides" + asked)
    assert shown.status_code == 200 and "govuk-pagination" not in shown.get_data(as_text=True)
    sign_in(client, "pat")
    shown = client.get("/cases" + asked)
    assert shown.status_code == 200 and "govuk-pagination" not in shown.get_data(as_text=True)


def test_a_short_list_has_no_pagination(client, people, engine):
    case = make_case([DENTAL])
    e = save_assessment(engine, people["pat"], "FSP-0001", case, rules.evaluate(case))
    record_override(engine, people["pat"], e.id, "universal", "Seen")
    sign_in(client, "meg")
    assert "govuk-pagination" not in client.get("/overrides").get_data(as_text=True)
    sign_in(client, "pat")
    assert "govuk-pagination" not in client.get("/cases").get_data(as_text=True)


@pytest.mark.parametrize(
    ("number", "pages", "said"),
    [
        (4, 7, "<1 … 3 [4] 5 … 7>"),
        (1, 7, "[1] 2 … 7>"),
        (7, 7, "<1 … 6 [7]"),
        (2, 3, "<1 [2] 3>"),
        (3, 5, "<1 2 [3] 4 5>"),
        (1, 2, "[1] 2>"),  # two pages have pagination too (review 21, mutation: `Page.links` 2, none for two pages)
        (2, 2, "<1 [2]"),
    ],
)
def test_the_pagination_links_are_the_first_the_last_the_page_shown_and_its_neighbours(number, pages, said):
    """mut16 (Page.links: 30 survivors, no test read the links): GOV.UK Frontend's pagination pattern, as the module
    says: the first and last pages, the page shown (current) and its neighbours, an ellipsis for each gap, and
    previous/next where there is such a page, each linking to its own page."""
    from webapp.paging import Page

    links = Page(number, 10, pages * 10).links(lambda n: f"?page={n}")
    items = []
    for item in links["items"]:
        if item.get("ellipsis") is True and "number" not in item:
            items.append("…")
        else:
            assert item["href"] == f"?page={item['number']}"
            items.append(f"[{item['number']}]" if item["current"] is True else str(item["number"]))
    assert all(set(item) in ({"ellipsis"}, {"number", "href", "current"}) for item in links["items"])
    words = ("<" if links["previous"] else "") + " ".join(items) + (">" if links["next"] else "")
    assert words == said
    assert links["previous"] in (None, {"href": f"?page={number - 1}"}) and links["next"] in (None, {"href": f"?page={number + 1}"})


def _pagination_hrefs(html: str) -> set[str]:
    nav = re.search(r'<nav class="govuk-pagination.*?</nav>', html, re.S)
    assert nav, "no pagination"
    return {unescape(h) for h in re.findall(r'href="([^"]+)"', nav.group(0))}


def test_page_ones_link_is_the_lists_own_address_and_every_link_keeps_the_filters(client, people, many):
    """Page 1 is the list's own address (no `?page=1`: one address per page, the one the list's other links use),
    and each page's link keeps the filters the list is shown with (review 20, mutation: `page=1` in page 1's
    links, `cases-3`, `overrides-21`, went unnoticed). Oracle: 120 cases, 50 a page, pages 1 to 3; the 60 recorded
    lower than the tool's (every other one), pages 1 and 2."""
    sign_in(client, "pat")
    two = client.get("/cases?page=2").get_data(as_text=True)
    assert _pagination_hrefs(two) == {"/cases", "/cases?page=2", "/cases?page=3"}
    sign_in(client, "meg")
    two = client.get("/overrides?direction=down&page=2").get_data(as_text=True)
    assert {(urlsplit(h).path, tuple(sorted(_query(h).items()))) for h in _pagination_hrefs(two)} == {
        ("/overrides", (("direction", "down"),)),
        ("/overrides", (("direction", "down"), ("page", "2"))),
    }


def test_a_page_asked_out_of_range_is_carried_to_a_review_as_the_page_shown(client, people, many):
    """Page 99 of 3 shows page 3; the review links, and the list kept for a review reached without them, say page 3,
    the page shown, not the 99 asked for (review 20, mutation: the page asked carried, `overrides-5`, `-6`)."""
    sign_in(client, "meg")
    html = client.get("/overrides?page=99").get_data(as_text=True)
    assert "Page 3 of 3" in html
    links = re.findall(r'href="(/overrides/\d+/review[^"]*)"', html)
    assert len(links) == 20 and {tuple(_query(link).items()) for link in links} == {(("page", "3"),)}
    page = client.get(f"/overrides/{many[0]}/review").get_data(as_text=True)
    assert _query(_back(page)) == {"page": "3"}
