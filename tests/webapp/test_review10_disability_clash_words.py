"""The disability clash (review 10 surfaces, W1/W2) said in full: one need or two, on the call screen, the
child page and the needs page (mutation run of review 10, docs/safety/mutation.md). The tests checked one
need at a time and a few words of each message, so the words for two needs ("describe", "their words",
"untick them", "each on its page"), the answer's label and the needs' pages could be anything.

Oracle: the answers' labels as each screen offers them (the call screen's "No disability", the journey's
"No"), the needs' words and pages as the document gives them (p15-16 'Substantial and life long
disability needing enhanced or specialist offer of short breaks' and 'Providing substantial care to a
child with substantial and life long disabilities ...'; p17 'Substantial, life long disability, complex
health needs ...'), written here, and the messages' words written out by hand."""

from __future__ import annotations

from tests.webapp.conftest import CHILD, text, walk_needs

URL = "/adviser/"
FETCH = {"X-Requested-With": "fetch"}
BASE = {"caller": "professional", "caf": "none", "note": "", "q": "", "age_years": "12", "age_months": ""}
BREAKS = "extensive.substantial_lifelong_disability_short_breaks"  # p15-16, asked on the Health page
BREAKS_TEXT = "Substantial and life long disability needing enhanced or specialist offer of short breaks"
CARE = "extensive.providing_substantial_care_child"  # p15-16, on the parents and carers page
CARE_TEXT = "Providing substantial care to a child with substantial and life long disabilities whose needs cannot be met by additional support"
SAFE = "protection.substantial_lifelong_disability_safeguarding"  # p17, on the Health page
SAFE_TEXT = (
    "Substantial, life long disability, complex health needs, extreme challenging behaviour, significant learning disabilities, "
    "autistic spectrum disorder with safeguarding concerns"
)
SUBSTANTIAL = {**CHILD, "age_years": "12", "disability": "substantial_lifelong", "large_sibling_group": "no"}


def _call_error(client, concerns, said):
    client.post(URL, data={**BASE, "disability": said}, headers=FETCH)
    for iid in concerns:
        reply = client.post(URL, data={**BASE, "disability": said, "add": iid}, headers=FETCH).get_json()
    [error] = [e for e in reply["errors"] if e["field"] == "disability"]
    return error["message"]


def test_call_screen_one_need(client):
    assert _call_error(client, [BREAKS], "none") == (
        f"The disability is answered ‘No disability’, but ‘{BREAKS_TEXT}’ describes a substantial and lifelong disability: correct the "
        "disability, choose ‘Not sure’, or remove the concern. Until then the level is decided as if the disability were not answered"
    )


def test_call_screen_two_needs_are_named_together(client):
    assert _call_error(client, [SAFE, BREAKS], "mild_moderate") == (
        f"The disability is answered ‘Mild or moderate disability’, but ‘{BREAKS_TEXT}’ and ‘{SAFE_TEXT}’ describe a substantial and "
        "lifelong disability: correct the disability, choose ‘Not sure’, or remove the concern. Until then the level is decided "
        "as if the disability were not answered"
    )


def _child_page_refusal(client, ticks, said):
    client.post("/safety", data={"immediate": ["none"]})
    assert client.post("/child", data=SUBSTANTIAL).status_code == 302
    walk_needs(client, ticks)
    return text(client.post("/child?change=1", data={**SUBSTANTIAL, "disability": said}))


def test_child_page_one_need(client):
    words = _child_page_refusal(client, {"health": [BREAKS]}, "none")
    assert (
        f"‘{BREAKS_TEXT}’ is ticked on the ‘Health’ page (threshold document, p15-16), and its words describe a substantial and "
        "lifelong disability, but the disability is answered ‘No’: change the disability answer (or choose ‘Not sure’), or untick "
        "it on that page"
    ) in words, words[:1500]


def test_child_page_two_needs_on_two_pages(client):
    words = _child_page_refusal(client, {"health": [BREAKS], "parents_carers": [CARE]}, "mild_moderate")
    assert (
        f"‘{CARE_TEXT}’ is ticked on the ‘Parents and carers’ page (threshold document, p15-16); ‘{BREAKS_TEXT}’ is ticked on the "
        "‘Health’ page (threshold document, p15-16), and their words describe a substantial and lifelong disability, but the "
        "disability is answered ‘Yes, mild or moderate’: change the disability answer (or choose ‘Not sure’), or untick each on its page"
    ) in words, words[:1500]


def _needs_page_refusal(client, ticked, said):
    client.post("/safety", data={"immediate": ["none"]})
    assert client.post("/child", data={**CHILD, "age_years": "12", "disability": said}).status_code == 302
    return text(client.post("/needs/health", data={"health": ticked}))


def test_needs_page_one_need(client):
    words = _needs_page_refusal(client, [SAFE], "none")
    assert (
        f"‘{SAFE_TEXT}’ (threshold document, p17) describes a substantial and lifelong disability, but the child's details say the "
        "disability is ‘No’: untick it, or change the disability answer on the child's details page"
    ) in words, words[:1500]


def test_needs_page_two_needs(client):
    words = _needs_page_refusal(client, [BREAKS, SAFE], "mild_moderate")
    assert (
        f"‘{BREAKS_TEXT}’ (threshold document, p15-16) and ‘{SAFE_TEXT}’ (threshold document, p17) describe a substantial and "
        "lifelong disability, but the child's details say the disability is ‘Yes, mild or moderate’: untick them, or change the "
        "disability answer on the child's details page"
    ) in words, words[:1500]
