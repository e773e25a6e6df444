""" "CAF" is spelt out where a page first says it, in the document's term ("Common Assessment Framework (CAF)",
p5, p6, p37) or explained beside it; no page names criteria by a page number ("p9's criteria"): the document's
name for them, the immediate referral criteria (page 9), instead (review 22 surfaces, S7).
Oracle: each page's main words, read in order; the document's own term written here by hand."""

from __future__ import annotations

import re

import pytest

from tests.webapp.conftest import CHILD, post_drawn, signed_in_client, text, walk_needs
from webapp.rendering import caf_spelt_out

SPELT_OUT = "Common Assessment Framework (CAF)"
EXPLAINED = ("CAF (Common Assessment Framework", "CAF, the early help assessment")


def _main(response) -> str:
    html = response.get_data(as_text=True)
    m = re.search(r"(?s)<main\b.*?</main>", html)
    return text(type("R", (), {"get_data": lambda self, as_text: m.group(0) if m else html})())


def _first_caf_is_said_in_full(words: str) -> bool:
    m = re.search(r"\bCAF\b", words)
    if m is None:
        return True
    around = words[max(0, m.start() - len(SPELT_OUT)) : m.end() + 40]
    return SPELT_OUT in around or any(e in around for e in EXPLAINED)


@pytest.fixture
def pat(app):
    client = signed_in_client(app, "pat", "practitioner")
    client.post("/safety", data={"immediate": ["none"]})
    client.post("/child", data=CHILD)
    walk_needs(client, {"health": ["additional.dental_decay_not_accessing"]})
    return client


def test_each_page_says_caf_in_full_where_it_first_says_it(app, pat):
    pages = {url: _main(pat.get(url)) for url in ("/", "/child", "/check", "/result", "/referral", "/adviser/")}
    trainer = signed_in_client(app, "tess", "trainer")
    pages.update({url: _main(trainer.get(url)) for url in ("/practice/new", "/practice/scenarios")})
    said = {url: words for url, words in pages.items() if re.search(r"\bCAF\b", words)}
    assert set(said) >= {"/", "/check", "/result", "/adviser/", "/practice/new", "/practice/scenarios"}  # they do say it
    assert [url for url, words in said.items() if not _first_caf_is_said_in_full(words)] == []


def test_no_page_names_criteria_by_a_page_number(pat):
    for url in ("/child", "/result", "/referral", "/adviser/"):
        words = _main(pat.get(url))
        assert re.findall(r"\bp\d+'s\b", words) == [], url
    assert "The immediate referral criteria for a baby under 1" in _main(pat.get("/result"))


def test_the_filter_spells_out_the_first_caf_a_page_draws_once(app):
    with app.test_request_context():
        assert caf_spelt_out("Threshold: CAF threshold") == "Threshold: Common Assessment Framework (CAF) threshold"
        assert caf_spelt_out("Initiate a CAF and record evidence on the CAF") == "Initiate a CAF and record evidence on the CAF"  # once a page
    with app.test_request_context():
        assert caf_spelt_out("No initialism here") == "No initialism here"
        assert caf_spelt_out("the CAFÉ CAFs") == "the CAFÉ CAFs"  # a word, not the initialism
        assert caf_spelt_out("a Common Assessment Framework (CAF) open") == "a Common Assessment Framework (CAF) open"
        assert caf_spelt_out("Initiate a CAF") == "Initiate a CAF"  # already spelt out on this page


@pytest.mark.parametrize(
    ("immediate", "child"),
    [
        (None, {"caf": "open_not_improving", "current_level": "extensive"}),  # Child in Need: the first CAF is a reason's
        (None, {"caf": "open_improving", "consent": "no"}),  # Universal: an action's, then the consent guidance
        (None, {"caf": "open_not_improving", "current_level": "child_in_need"}),  # an assumption's (open from the level)
        ("immediate.significant_harm", {}),  # the ring-now warning's "do not start a CAF first"
    ],
)
def test_the_first_caf_is_said_in_full_whatever_part_of_the_page_draws_it(app, immediate, child):
    """Whichever part of the result, the written referral or the saved entry draws the first CAF (a
    reason, an action, an assumption, the ring-now warning, the referral's opening), it is spelt out; and
    a template compiled during one request does not keep that request's spelling (Jinja folds a filter of a
    literal into the compiled template unless the filter takes the context)."""
    for n in range(2):  # the second client's pages come from templates the first compiled
        client = signed_in_client(app, f"c{n}", "practitioner")
        client.post("/safety", data={"immediate": [immediate or "none"]})
        client.post("/child", data={**CHILD, **child})
        walk_needs(client, {})
        pages = {url: _main(client.get(url)) for url in ("/result", "/referral")}
        assert re.search(r"\bCAF\b", pages["/result"]), "the case is chosen for a page that says CAF"
        post_drawn(client, "/save", {"case_ref": f"S7-{n}"})
        entry = re.search(r"/cases/S7-\d+/entries/\d+", client.get(f"/cases/S7-{n}").get_data(as_text=True)).group(0)
        pages[entry] = _main(client.get(entry))
        assert [url for url, words in pages.items() if not _first_caf_is_said_in_full(words)] == []
