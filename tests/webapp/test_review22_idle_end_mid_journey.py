"""After a sign-in ends unseen mid-journey (idle past its limit), the first journey page opened says so in the
app's own words (webapp.accounts.auth.ANSWERS_CLEARED, as / and /sign-in do), with a link to sign in again, not
"Your answers have expired or were never given ... 8 hours", none of whose causes happened (review 22
surfaces, S3). Said once: the start page does not say it again. Without a sign-in ending, the 8-hour words stay.
Oracle: the literal words; the sign-in ended by the app's clock moving past the idle limit."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from tests.webapp.conftest import CHILD, signed_in_client, text, walk_needs
from webapp.accounts.auth import ANSWERS_CLEARED
from webapp.journey.pages import needs_pages
from webapp.session_state import SIGN_IN_ENDED_CLEARED

LOW = "additional.low_self_esteem"
PAGE = next(p.id for p in needs_pages() if load_catalogue().indicator(LOW).dimension in [g.dimension for g in p.groups])
EIGHT_HOURS = "Your answers have expired or were never given"
FIRST_PAGES = [
    ("POST", f"/needs/{PAGE}"),
    ("GET", f"/needs/{PAGE}"),
    ("GET", "/child"),
    ("GET", "/check"),
    ("GET", "/result"),
    ("GET", "/referral"),
]


def _first_page(client, method, url):
    r = client.post(url, data={load_catalogue().indicator(LOW).dimension: [LOW]}) if method == "POST" else client.get(url)
    return client.get(r.location) if r.status_code in (302, 303) else r


@pytest.mark.parametrize("method, url", FIRST_PAGES, ids=lambda x: x)
def test_the_first_journey_page_after_an_idle_end_says_the_sign_in_ended(app, clock, method, url):
    pat = signed_in_client(app, "pat", "practitioner")
    pat.post("/safety", data={"immediate": ["none"]})
    pat.post("/child", data=CHILD)
    walk_needs(pat, {PAGE: [LOW]})
    assert pat.get("/check").status_code == 200
    clock.advance(hours=1)  # idle past the sign-in's limit (30 minutes), well inside the answers' 8 hours
    page = _first_page(pat, method, url)
    words = text(page)
    assert page.status_code == 200 and ANSWERS_CLEARED in words, words[:400]
    assert EIGHT_HOURS not in words
    assert 'href="/sign-in"' in page.get_data(as_text=True) and "Sign in again to save an assessment." in words
    assert ANSWERS_CLEARED not in text(pat.get("/"))  # said once
    assert EIGHT_HOURS in text(pat.get("/check"))  # and then, the answers being gone, the plain words


@pytest.mark.parametrize("method, url", FIRST_PAGES, ids=lambda x: x)
def test_without_a_sign_in_ending_the_eight_hour_words_are_unchanged(client, method, url):
    words = text(_first_page(client, method, url))
    assert EIGHT_HOURS in words and ANSWERS_CLEARED not in words


def test_the_call_screen_after_an_idle_end_says_the_sign_in_ended_once(app, clock):
    adviser = signed_in_client(app, "ada", "adviser")
    adviser.post("/adviser/", data={"age_years": "8", "action": "update"})
    clock.advance(hours=1)
    words = text(adviser.get("/adviser/"))
    assert SIGN_IN_ENDED_CLEARED in words and "Start the assessment again" not in words
    assert SIGN_IN_ENDED_CLEARED not in text(adviser.get("/adviser/"))  # said once
    assert ANSWERS_CLEARED not in text(adviser.get("/"))


def test_the_call_screen_without_a_sign_in_ending_says_nothing_of_it(client):
    assert SIGN_IN_ENDED_CLEARED not in text(client.get("/adviser/"))
