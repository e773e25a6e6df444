"""The call screen printed (review 19 surfaces, noted): the whole screen is one <form> and print.css hid
forms, so the paper kept only a status line. Printed now (chromium's print to PDF, read by pdftotext): the
put-through line with its number, each ticked immediate criterion and each concern chosen with its level and
page, the decision and every line of the call summary; not the questions, the search or the buttons.

The oracle is the catalogue (texts, levels, pages, the contact's number) and the summary as the screen's own
box holds it, read before printing.
"""

from __future__ import annotations

import re
import subprocess

from playwright.sync_api import expect

from pathway.catalogue import load_catalogue
from tests.webapp.browser.test_call_screen import WIDE, add

IMMEDIATE = "immediate.trafficking_victim"
CONCERN = "additional.dental_decay_not_accessing"


def _flat(words: str) -> str:
    return re.sub(r"\s+", " ", words).strip()


def test_the_printed_call_screen_carries_the_ring_now_the_rows_and_the_summary(browser, live_server, artifacts):
    catalogue = load_catalogue()
    context = browser.new_context(base_url=live_server, viewport=WIDE)
    try:
        page = context.new_page()
        page.goto("/adviser/")
        page.get_by_label(catalogue.indicator(IMMEDIATE).text, exact=True).check()
        add(page, "dental decay", CONCERN)
        expect(page.locator("#app-put-through-panel")).to_be_visible()
        expect(page.locator("#app-chosen")).to_contain_text(catalogue.indicator(CONCERN).text)
        summary = page.locator("#app-summary").input_value()
        assert "Time:" in summary
        page.emulate_media(media="print")
        pdf = artifacts / "call-screen-print.pdf"
        page.pdf(path=str(pdf), format="A4")
    finally:
        context.close()
    printed = _flat(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)

    assert "Put the call through now" in printed
    cfd = catalogue.contact("children_families_direct")
    assert cfd.phone in printed, "the number to ring is not on paper"
    for iid in (IMMEDIATE, CONCERN):
        ind = catalogue.indicator(iid)
        row = _flat(f"{ind.text} {ind.level.label} ({ind.source.section}, p{ind.source.page})")
        assert row in printed, f"{iid}: its row with level and page is not on paper"
    for line in filter(None, (_flat(x) for x in summary.splitlines())):
        assert line in printed, f"the summary's line {line!r} is not on paper"
    for control in ("Update the decision", "New call", "Remove", "Who is calling?", "Copy the call summary", "Child's age"):
        assert control not in printed, f"{control!r} is printed"
