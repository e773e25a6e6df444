"""A saved entry reopened as the result shown then; "assess again from these answers"; the case
page saying when today's ruleset would decide an entry differently."""

from __future__ import annotations

from datetime import datetime

import pytest

from pathway.levels import Level
from pathway.models import Case
from pathway.settings import OfficeHours
from rules import evaluate
from store.assessments import history, save_assessment
from tests.conftest import IN_HOURS, OUT_OF_HOURS, make_case
from tests.webapp.accounts.conftest import ADDITIONAL, save, sign_in
from tests.webapp.conftest import text
from webapp.cases.reopen import journey_answers
from webapp.journey import answers as journey

DENTAL = "additional.dental_decay_not_accessing"


def test_the_entry_shows_the_stored_result_and_its_ruleset(client, people, engine):
    sign_in(client, "pat")
    assert save(client, "FSP-0001", ADDITIONAL).status_code == 302
    entry = history(engine, people["pat"], "FSP-0001")[0]
    r = client.get(f"/cases/FSP-0001/entries/{entry.id}")
    words = text(r)
    assert r.status_code == 200
    assert "exactly as it was shown" in words and f"ruleset {entry.ruleset}" in words
    assert "Additional" in words and "Dental decay" in words
    assert "would decide these answers differently" not in words
    assert "Assess again from these answers" in words
    # the case page links to it
    assert f"/cases/FSP-0001/entries/{entry.id}" in client.get("/cases/FSP-0001").get_data(as_text=True)


def test_an_entry_from_an_earlier_ruleset_is_shown_as_stored_and_flagged(client, people, engine):
    case = make_case([DENTAL])
    decided = evaluate(case)
    old = decided.model_copy(update={"ruleset": "fsp-2014 (0.9.0)", "level": Level.UNIVERSAL, "level_name": "Universal", "reasons": []})
    entry = save_assessment(engine, people["pat"], "FSP-0002", case, old)
    sign_in(client, "pat")
    words = text(client.get(f"/cases/FSP-0002/entries/{entry.id}"))
    assert "decided under ruleset fsp-2014 (0.9.0)" in words
    assert "Universal" in words  # what was shown then, not re-decided
    assert f"Today's ruleset, {decided.ruleset}, would decide these answers differently: Additional" in words
    assert "Today's ruleset would decide differently" in text(client.get("/cases/FSP-0002"))


def test_an_earlier_ruleset_that_decides_the_same_is_not_flagged(client, people, engine):
    case = make_case([DENTAL])
    decided = evaluate(case)
    entry = save_assessment(engine, people["pat"], "FSP-0003", case, decided.model_copy(update={"ruleset": "fsp-2014 (0.9.0)"}))
    sign_in(client, "pat")
    assert "would decide" not in text(client.get(f"/cases/FSP-0003/entries/{entry.id}"))
    assert "would decide differently" not in text(client.get("/cases/FSP-0003"))


def test_assess_again_fills_the_journey_and_decides_today(client, people, engine):
    sign_in(client, "pat")
    assert save(client, "FSP-0001", ADDITIONAL).status_code == 302
    entry = history(engine, people["pat"], "FSP-0001")[0]
    with client.session_transaction() as s:
        s.pop("answers", None)
    r = client.post(f"/cases/FSP-0001/entries/{entry.id}/assess-again")
    assert r.status_code == 302 and r.location.endswith("/check")
    assert "Dental decay" in text(client.get("/check"))
    assert "Additional" in text(client.get("/result"))


def test_someone_elses_entry_is_not_found(client, people, engine):
    case = make_case([DENTAL])
    entry = save_assessment(engine, people["sam"], "FSP-0009", case, evaluate(case))
    sign_in(client, "pat")
    assert client.get(f"/cases/FSP-0009/entries/{entry.id}").status_code == 404
    assert client.post(f"/cases/FSP-0009/entries/{entry.id}/assess-again").status_code == 404


@pytest.mark.parametrize(
    "case",
    [
        {
            "child": {"age_years": 8, "age_months": 2},
            "indicators": [DENTAL, "additional.lack_routine"],
            "context": {"disability": "none", "caf": "none", "caller": "professional", "consent_to_early_help": True, "current_level": "additional"},
        },
        {"child": {"unborn": True}, "indicators": [], "context": {"disability": "uncertain", "caf": "open_not_improving", "caller": "professional"}},
        {  # the optional answers: "assess again" once dropped them (an open child went to the front door)
            "child": {"age_years": 9, "age_months": 0},
            "indicators": ["additional.lack_routine"],
            "context": {
                "disability": "none",
                "caf": "none",
                "caller": "professional",
                "open_to_social_care": True,
                "health_development_impaired_without_services": False,
            },
        },
        {
            "child": {"age_years": 3, "age_months": 0},
            "indicators": [],
            "context": {
                "disability": "substantial_lifelong",
                "caf": "open_improving",
                "caller": "professional",
                "large_sibling_group": True,
                "consent_to_early_help": False,
            },
        },
    ],
)
def test_journey_answers_rebuild_the_same_case(case):
    """The oracle is the journey's own full_case: answers made from a case give that case back."""
    parsed = Case.parse(case)
    assert journey.full_case(journey_answers(parsed.model_dump(mode="json"))) == parsed


def _contact_tags(html: str) -> list[str]:
    """The words of every tag beside a contact's name on the page."""
    import re

    return re.findall(r'<dt class="govuk-summary-list__key">[^<]*<strong class="govuk-tag[^"]*">([^<]+)</strong>', html)


@pytest.mark.parametrize("indicators", [[DENTAL], ["protection.severe_chronic_health_problems"]])
def test_the_entry_tags_its_first_contact_as_the_result_page_did(client, people, engine, indicators):
    """A reopened entry once tagged every decision's first contact "Ring now", an Additional
    family's included: the result page says "Ring now" only where there is a call to make now
    (Protection) and "Contact first" otherwise. A saved entry's Protection contact was the call to make
    when it was saved: it says so (review 16 surfaces, N1), and the page leads with whom to ring now."""
    case = make_case(indicators)
    decided = evaluate(case)
    entry = save_assessment(engine, people["pat"], "FSP-0004", case, decided)
    sign_in(client, "pat")
    reopened = _contact_tags(client.get(f"/cases/FSP-0004/entries/{entry.id}").get_data(as_text=True))
    # a saved Protection entry's first contact is the one rung when it was saved, not one to ring now (review 16 N1):
    # the page leads with whom to ring now, decided at this request
    expected = ["First to ring when saved"] if decided.level == Level.PROTECTION else ["Contact first"]
    assert reopened == expected


# Review 16 surfaces, N1: a saved ring-now entry read at another hour led with whom to ring THEN under "Ring ...
# now". The oracle is the threshold document's key contacts (p23): Children and Families Direct on 0115 876 4800
# in office hours, the Emergency Duty Team on 0115 876 1000 out of hours; and the result page at the same moment.
CFD_NUMBER, EDT_NUMBER = "0115 876 4800", "0115 876 1000"


def _lead_and_record(page: str) -> tuple[str, str]:
    """The entry's words before its record of what was shown when saved, and that record's sentence."""
    import re

    head, _, rest = page.partition("When this was saved on ")
    assert rest, page[:600]
    return head, "When this was saved on " + re.split(r"(?<=now\.)", rest, maxsplit=1)[0]


@pytest.mark.parametrize(
    "saved_at, opened_at, now_team, now_number, then_team, then_number",
    [
        pytest.param(
            IN_HOURS, OUT_OF_HOURS, "the Emergency Duty Team", EDT_NUMBER, "Children and Families Direct", CFD_NUMBER, id="saved-by-day-opened-at-night"
        ),
        pytest.param(
            OUT_OF_HOURS, IN_HOURS, "Children and Families Direct", CFD_NUMBER, "the Emergency Duty Team", EDT_NUMBER, id="saved-at-night-opened-by-day"
        ),
    ],
)
def test_a_saved_ring_now_entry_leads_with_whom_to_ring_at_this_moment(
    client, people, engine, clock, saved_at, opened_at, now_team, now_number, then_team, then_number
):
    """The entry leads with whom to ring now if the referral has not been made, with that team's number (p23 for
    this moment), and says as a record, in the past, whom the tool said to ring when it was saved, without that
    number as a call to make now. The result page at the same moment leads with the same team."""
    clock.set(datetime.fromisoformat(saved_at))
    case = make_case(["immediate.allegation_or_disclosure"], disability="none", caf="none", caller="professional", contact_time=saved_at)
    entry = save_assessment(engine, people["pat"], "FSP-0016", case, evaluate(case))
    clock.set(datetime.fromisoformat(opened_at))
    client.application.config["OFFICE_HOURS"] = OfficeHours()  # the real hours (Mon-Fri 08:30-17:00 London)
    sign_in(client, "pat")
    page = text(client.get(f"/cases/FSP-0016/entries/{entry.id}"))
    lead, record = _lead_and_record(page)
    assert f"Ring {now_team} now, if the referral has not been made" in lead
    assert f"now on {now_number}" in lead and then_number not in lead
    assert f"the tool said: Ring {then_team} now." in record and then_number not in record
    assert f"now on {then_number}" not in page.split("What to do next")[0]
    assert client.post(f"/cases/FSP-0016/entries/{entry.id}/assess-again").status_code == 302
    assert f"Ring {now_team} now" in text(client.get("/result"))


def test_a_saved_ring_now_entry_opened_at_the_hour_it_was_saved_says_the_number_once(client, people, engine, clock):
    """Opened in office hours as it was saved: the same team now as then, its number said once at the top."""
    clock.set(datetime.fromisoformat(IN_HOURS))
    case = make_case(["immediate.allegation_or_disclosure"], disability="none", caf="none", caller="professional")
    entry = save_assessment(engine, people["pat"], "FSP-0017", case, evaluate(case))
    client.application.config["OFFICE_HOURS"] = OfficeHours()
    sign_in(client, "pat")
    lead, record = _lead_and_record(text(client.get(f"/cases/FSP-0017/entries/{entry.id}")))
    assert "Ring Children and Families Direct now, if the referral has not been made" in lead
    assert (lead + record).count(CFD_NUMBER) == 1
    assert "the tool said: Ring Children and Families Direct now." in record


def test_a_saved_ring_now_entry_today_s_ruleset_refuses_names_no_team_to_ring_now(client, people, engine, clock, monkeypatch):
    """Where the answers cannot be decided now (here: today's rules refuse them), the entry names no team as whom
    to ring now: it says so and points to assessing again, and still gives its record of what was shown."""
    from pathway.models import CaseError, FieldError
    from webapp.cases import reopen

    clock.set(datetime.fromisoformat(IN_HOURS))
    case = make_case(["immediate.allegation_or_disclosure"], disability="none", caf="none", caller="professional")
    entry = save_assessment(engine, people["pat"], "FSP-0018", case, evaluate(case))

    def refuses(*args, **kwargs):
        raise CaseError([FieldError(field="indicators", message="refused today")])

    monkeypatch.setattr("rules.evaluate_despite_refusals", refuses)
    assert reopen.decision_now(entry, OfficeHours.from_env()) is None
    sign_in(client, "pat")
    lead, record = _lead_and_record(text(client.get(f"/cases/FSP-0018/entries/{entry.id}")))
    assert "Whom to ring now cannot be decided" in lead and CFD_NUMBER not in lead
    assert "the tool said: Ring Children and Families Direct now." in record


def _ring_now_words(html: str) -> str | None:
    """The ring-now warning's words, spaces collapsed, or None where the page has none."""
    import re

    found = re.search(r'<div class="govuk-warning-text app-ring-now">(.*?)</div>', html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split()) if found else None


@pytest.mark.parametrize(
    "indicators",
    [[DENTAL], ["protection.severe_chronic_health_problems"], ["immediate.unexplained_injuries"]],
)
def test_the_entry_opens_with_the_outcome_the_result_page_showed(client, people, engine, clock, indicators):
    """A reopened entry once opened a non-immediate Protection decision with the level's panel,
    where the result page had said "Ring ... now" with the number. The oracle is the result page
    for the same answers at the same moment (assess again, same ruleset): both carry the same
    ring-now words, or neither."""
    clock.set(datetime.fromisoformat(IN_HOURS))
    case = make_case(indicators, disability="none", caf="none", caller="professional")
    entry = save_assessment(engine, people["pat"], "FSP-0005", case, evaluate(case))
    sign_in(client, "pat")
    reopened = _ring_now_words(client.get(f"/cases/FSP-0005/entries/{entry.id}").get_data(as_text=True))
    assert client.post(f"/cases/FSP-0005/entries/{entry.id}/assess-again").status_code == 302
    shown = _ring_now_words(client.get("/result").get_data(as_text=True))
    assert reopened == shown
    assert (shown is not None) == (evaluate(case).level == Level.PROTECTION)


def test_an_entry_lists_each_need_once_with_its_level(client, people, engine):
    """Young carers is listed under two dimensions at Additional in the same words: the result
    page says it once, with its level; a reopened entry must too (the same reason card)."""
    ids = ["additional.young_carers_child", "additional.young_carers_family"]
    case = make_case(ids)
    entry = save_assessment(engine, people["pat"], "FSP-0006", case, evaluate(case))
    sign_in(client, "pat")
    words = text(client.get(f"/cases/FSP-0006/entries/{entry.id}"))
    assert words.count("Young carers (Additional)") == 1


def test_the_ring_now_heading_names_the_contact_as_a_sentence_does(client, people, engine, clock):
    """An open child's immediate referral rings the allocated social worker: the heading read "Ring
    Allocated social worker (or the team holding the case) now". The oracle is the catalogue's
    in-sentence words for that contact; the result page and the reopened entry say the same."""
    from pathway.catalogue import load_catalogue

    clock.set(datetime.fromisoformat(IN_HOURS))
    words = load_catalogue().contact("allocated_social_worker").in_sentence
    heading = f"Ring {words} now"
    case = make_case(["immediate.unexplained_injuries"], disability="none", caf="none", caller="professional", open_to_social_care=True)
    entry = save_assessment(engine, people["pat"], "FSP-0007", case, evaluate(case))
    sign_in(client, "pat")
    assert heading in text(client.get(f"/cases/FSP-0007/entries/{entry.id}"))
    assert client.post(f"/cases/FSP-0007/entries/{entry.id}/assess-again").status_code == 302
    assert heading in text(client.get("/result"))


def test_an_entry_naming_an_indicator_today_s_ruleset_lacks_is_not_assessed_again_without_it(client, people, engine, monkeypatch):
    """Review 9 surfaces, V1's class: "assess again" left out, without a word, an indicator the
    catalogue no longer has (renamed or removed since the entry was saved: here 'Lack of routine',
    taken out of the catalogue the case pages read). It is not offered; the entry page names the
    indicator, and the journey's answers are left as they were."""
    from webapp.cases import reopen

    gone = "additional.lack_routine"
    case = make_case([DENTAL, gone])
    entry = save_assessment(engine, people["pat"], "FSP-0007", case, evaluate(case))
    real = reopen.load_catalogue()

    class Later:  # today's catalogue, without the indicator
        def __getattr__(self, name):
            return getattr(real, name)

        def has_indicator(self, iid):
            return iid != gone and real.has_indicator(iid)

    monkeypatch.setattr(reopen, "load_catalogue", Later)
    sign_in(client, "pat")
    page = client.get(f"/cases/FSP-0007/entries/{entry.id}")
    assert f"today's ruleset does not have ({gone})" in text(page)
    assert "Assess again from these answers" not in text(page)
    r = client.post(f"/cases/FSP-0007/entries/{entry.id}/assess-again")
    assert r.status_code == 303 and r.location.endswith(f"/cases/FSP-0007/entries/{entry.id}")
    assert "Dental decay" not in text(client.get("/check", follow_redirects=True))  # the journey was not filled


def test_a_saved_ring_now_entry_is_decided_now_with_its_answers_and_the_apps_closures(client, people, engine, clock):
    """mut16 (decision_now 4-7, 12, 14): the live line was decided unnoticed without the saved context answers, or
    with the default office hours rather than the app's. An open child's professional rings the allocated social
    worker now (Appendix 3, p37; p9), and on a day the council has closed (a local closure) the Emergency Duty Team,
    'when day services are not available' (p23); the result page at that moment leads the same way."""
    from datetime import date

    clock.set(datetime.fromisoformat(IN_HOURS))
    case = make_case(["immediate.allegation_or_disclosure"], disability="none", caf="none", caller="professional", open_to_social_care=True)
    entry = save_assessment(engine, people["pat"], "FSP-0019", case, evaluate(case))
    sign_in(client, "pat")
    for hours, team in ((OfficeHours(), "the allocated social worker"), (OfficeHours(closed_dates=frozenset({date(2026, 11, 24)})), "the Emergency Duty Team")):
        client.application.config["OFFICE_HOURS"] = hours
        lead, _ = _lead_and_record(text(client.get(f"/cases/FSP-0019/entries/{entry.id}")))
        assert f"Ring {team}" in lead and "now, if the referral has not been made" in lead, lead[-400:]
        assert client.post(f"/cases/FSP-0019/entries/{entry.id}/assess-again").status_code == 302
        assert f"Ring {team}" in text(client.get("/result"))


def test_a_saved_entry_s_day_route_says_closed_when_saved_not_closed_now(client, people, engine, clock):
    """mut16 (closed_now 5): a record saved at night and read by day said its day service's line "closed now"
    unnoticed (review 16 surfaces, N1: the record is for the moment it was saved). Read by day, its route says
    the line was closed when it was saved, never that it is closed now."""
    clock.set(datetime.fromisoformat(OUT_OF_HOURS))
    case = make_case([DENTAL], disability="none", caf="none", caller="professional", contact_time=OUT_OF_HOURS)
    entry = save_assessment(engine, people["pat"], "FSP-0020", case, evaluate(case))
    clock.set(datetime.fromisoformat(IN_HOURS))
    client.application.config["OFFICE_HOURS"] = OfficeHours()
    sign_in(client, "pat")
    page = text(client.get(f"/cases/FSP-0020/entries/{entry.id}"))
    import re

    route = re.search(r"Route: (.*?)\. ", page).group(1)
    assert route.endswith("(closed when this was saved)") and "closed now" not in route, route
