"""Review 17 (surfaces), S2: every record that states the time and "out of hours" names the day closed all
day, as the result page's assumption does ("2027-12-27 is Christmas Day (observed), a bank holiday"): the
call screen's Time row, the call summary to copy, and the written referral (page, .txt, and the page the
PDF is made from). A weekday at 10:00 called out of hours with no reason read as a mistake.

Oracle: the day's name written out by hand from GOV.UK's England bank holidays (Monday 27 December 2027
is the substitute day for Christmas Day, a Saturday); the local closure's words are the settings'
("a locally set closed date"); an ordinary night and an ordinary morning name no closure."""

from __future__ import annotations

import re
from datetime import date, datetime
from html import unescape
from zoneinfo import ZoneInfo

import pytest

from pathway.settings import OfficeHours
from tests.webapp.conftest import text
from webapp import create_app

LONDON = ZoneInfo("Europe/London")
ALLEGATION = "immediate.allegation_or_disclosure"
CALL = {"caller": "professional", "caf": "", "note": "", "q": "", "age_years": "8", "age_months": "", "immediate": [ALLEGATION]}
BANK_HOLIDAY = "out of hours: Christmas Day (observed), a bank holiday"
CLOSED_DATE = "out of hours: a locally set closed date"

# (local moment, locally closed dates, what the call screen says after "(UK time): ", the summary's Time
# line, the referral's written words)
XMAS, LOCAL, CLOSED = (2027, 12, 27, 10, 0), (2027, 12, 29, 10, 0), (date(2027, 12, 29),)
MOMENTS = [
    (XMAS, (), BANK_HOLIDAY, f"Time: Monday 27 December 2027 at 10:00 (UK time, {BANK_HOLIDAY})", f"27 December 2027 at 10:00 (UK time, {BANK_HOLIDAY})"),
    (LOCAL, CLOSED, CLOSED_DATE, f"Time: Wednesday 29 December 2027 at 10:00 (UK time, {CLOSED_DATE})", f"29 December 2027 at 10:00 (UK time, {CLOSED_DATE})"),
    (LOCAL, (), "office hours", "Time: Wednesday 29 December 2027 at 10:00 (UK time)", "29 December 2027 at 10:00 (UK time)"),
    ((2027, 6, 1, 18, 0), (), "out of hours", "Time: Tuesday 1 June 2027 at 18:00 (UK time, out of hours)", "1 June 2027 at 18:00 (UK time, out of hours)"),
]
IDS = ["substitute-christmas-bank-holiday", "local-closed-date", "open-working-day", "working-day-evening"]


def _app(tmp_path, closed):
    hours = OfficeHours(
        opens="08:30", closes="17:00", weekdays=frozenset(range(5)), timezone="Europe/London", bank_holidays="ENG", closed_dates=frozenset(closed)
    )
    return create_app(
        {"TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "test", "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}", "OFFICE_HOURS": hours}
    )


@pytest.mark.parametrize("moment, closed, screen_words, time_line, written_words", MOMENTS, ids=IDS)
def test_the_call_screen_and_its_summary_name_the_closed_day(tmp_path, clock, moment, closed, screen_words, time_line, written_words):
    clock.set(datetime(*moment, tzinfo=LONDON))
    c = _app(tmp_path, closed).test_client()
    assert c.post("/adviser/", data=CALL).status_code == 303
    page = c.get("/adviser/")
    words = text(page)
    when = datetime(*moment, tzinfo=LONDON)
    assert f"{when:%A %-d %B %Y at %H:%M} (UK time): {screen_words} " in words + " "
    summary = unescape(re.search(r"<textarea[^>]*app-summary[^>]*>(.*?)</textarea>", page.get_data(as_text=True), re.S).group(1))
    assert time_line in summary.splitlines()
    named = screen_words.startswith("out of hours:")
    assert ("Christmas" in summary or "closed date" in summary) == named  # nowhere else on a day not closed


@pytest.mark.parametrize("moment, closed, screen_words, time_line, written_words", MOMENTS, ids=IDS)
def test_the_written_referral_names_the_closed_day_on_the_page_the_text_and_the_pdf(
    tmp_path, clock, monkeypatch, moment, closed, screen_words, time_line, written_words
):
    clock.set(datetime(*moment, tzinfo=LONDON))
    c = _app(tmp_path, closed).test_client()
    c.post("/safety", data={"immediate": [ALLEGATION]})
    assert f"Written on {written_words}." in text(c.get("/referral"))
    assert f"Written: {written_words}\n" in c.get("/referral.txt").get_data(as_text=True)
    # the PDF is WeasyPrint's rendering of one page: that page, as handed to it
    import weasyprint

    handed: list[str] = []

    class Page:
        def __init__(self, string, base_url=None):
            handed.append(string)

        def write_pdf(self):
            return b"%PDF-1.7 test"

    monkeypatch.setattr(weasyprint, "HTML", Page)
    assert c.get("/referral.pdf").status_code == 200
    assert f"Written on {written_words}." in re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", handed[0])))
