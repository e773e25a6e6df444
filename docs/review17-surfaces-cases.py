"""Review 17 (surfaces): my own checks of what users see and do. Changes no product code.

Run from the worktree:
    .venv/bin/python docs/review17-surfaces-cases.py [clocks|written|summary|agree|later|override|roles|privacy|nojs|errors|all]

The harness is review 12's runner (docs/review12-surfaces-cases.py), reached through review 16's and 15's runners,
whose helpers (walk, user, make_app, hidden fields as a browser posts them, saved_entry, record, sql, body_of) are
imported, not copied: each section makes its own app on a throwaway SQLite database (Flask test client with
PROPAGATE_EXCEPTIONS off, so a defect shows the page a user sees; CSRF off). Unlike the earlier runners, the
clock checks use the app's real default office hours (`OfficeHours()`: Monday to Friday 08:30-17:00, Europe/London,
England's bank holidays) and set the app's one clock (`pathway.clock.set_source`) to each moment of a table I wrote
by hand from GOV.UK's published England bank holidays for 2027 and 2028 (substitute days included). The CLI runs as
`python -m cli.main` in a real process. The root logger is captured throughout and searched at the end for every
marker word typed. Each check prints "OK      ..." or "FINDING Sn: ..."; one I did not expect to fail prints
"FINDING NEW".
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from traceback import format_exc
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# review 16's runner binds review 15's and review 12's helpers; they are taken from it, not copied
_spec = importlib.util.spec_from_file_location("review16_surfaces", ROOT / "docs" / "review16-surfaces-cases.py")
R16 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(R16)  # type: ignore[union-attr]
R15, R12 = R16.R15, R16.R12
HELPERS = ("make_app", "user", "follow", "walk", "cli", "text", "hidden", "sql", "saved_entry", "record", "body_of")
make_app, user, follow, walk, cli, text, hidden, sql, saved_entry, record, body_of = (getattr(R16, n) for n in HELPERS)
CALL, FETCH, summary_of, CHILD, LOGS = R12.CALL, R12.FETCH, R12.summary_of, R12.CHILD, R12.LOGS
COUNT = {"OK": 0, "FINDING": 0}
TYPED: list[str] = []
LOCATIONS: list[str] = []  # every address a response sent the browser to, searched for the markers at the end

ALLEGATION = "immediate.allegation_or_disclosure"
LOW = "additional.low_self_esteem"
CFD_NAME, CFD = "Children and Families Direct", "0115 876 4800"  # p4, a day service
EDT_NAME, EDT = "Emergency Duty Team", "0115 876 1000"  # p4, p23, out of hours only
LONDON = ZoneInfo("Europe/London")


def report(ok: bool, fid: str, msg: str):
    COUNT["OK" if ok else "FINDING"] += 1
    print(("OK      " if ok else f"FINDING {fid}: ") + msg, flush=True)


def at(moment: datetime | None):
    """Set the app's one clock (None: the system clock again)."""
    from pathway import clock

    clock.set_source(None if moment is None else (lambda: moment))


def default_hours():
    """The app's real default: Monday to Friday 08:30-17:00 Europe/London, England's bank holidays."""
    from pathway.settings import OfficeHours

    return OfficeHours(opens="08:30", closes="17:00", weekdays=frozenset(range(5)), timezone="Europe/London", bank_holidays="ENG", closed_dates=frozenset())


def go(c, r):
    """Follow a response as a browser does, keeping every address it was sent to."""
    n = 0
    while r.status_code in (301, 302, 303) and n < 5:
        LOCATIONS.append(r.location or "")
        r = c.get(r.location)
        n += 1
    return r


def ring_team(page: str) -> str:
    """The team a page leads with: its first 'Ring <team> now' / 'Put the call through now: <team>'."""
    m = re.search(r"(?:Ring (?:the )?|Put the call through now: (?:the )?)(Emergency Duty Team|Children and Families Direct)", page)
    return m.group(1) if m else "(none)"


def sign_in(app, name: str):
    """A fresh sign-in (after the clock moved on, the earlier one has ended, as it would have)."""
    c = app.test_client()
    r = c.post("/sign-in", data={"username": name, "password": R12.PW})
    assert r.status_code in (302, 303), (name, r.status_code)
    return c


def route_team(route: dict) -> str:
    """The team a decision's route sends the caller to first: its `via` (the front door), else its team."""
    return route.get("via") or route["team"]


def team_of(number_or_name: str) -> str:
    return EDT_NAME if EDT in number_or_name or EDT_NAME in number_or_name else CFD_NAME if (CFD in number_or_name or CFD_NAME in number_or_name) else "(none)"


# ------------------------------------------------------------------ the hand table: England 2027-2028, local (UK) time
# (local date and time, open?, why). GOV.UK's England and Wales bank holidays: 2027 New Year's Day Fri 1 Jan, Good Friday
# 26 Mar, Easter Monday 29 Mar, early May 3 May, spring 31 May, summer 30 Aug, Christmas Day Sat 25 Dec (substitute Mon 27
# Dec), Boxing Day Sun 26 Dec (substitute Tue 28 Dec); 2028 New Year's Day Sat 1 Jan (substitute Mon 3 Jan), Good Friday 14
# Apr, Easter Monday 17 Apr, early May 1 May, spring 29 May, summer 28 Aug, Christmas Mon 25 Dec, Boxing Day Tue 26 Dec.
MOMENTS = [
    ((2027, 1, 1, 10, 0), False, "New Year's Day 2027 (Friday)"),
    ((2027, 1, 4, 10, 0), True, "Monday 4 January 2027, a working day"),
    ((2027, 3, 25, 16, 59), True, "Thursday before Good Friday 2027, 16:59"),
    ((2027, 3, 26, 10, 0), False, "Good Friday 2027"),
    ((2027, 3, 29, 10, 0), False, "Easter Monday 2027 (the day after the clocks go forward)"),
    ((2027, 3, 30, 8, 30), True, "Tuesday after Easter 2027, 08:30 BST (07:30 UTC)"),
    ((2027, 3, 30, 8, 29), False, "Tuesday after Easter 2027, 08:29 BST"),
    ((2027, 5, 3, 10, 0), False, "early May bank holiday 2027"),
    ((2027, 5, 31, 10, 0), False, "spring bank holiday 2027"),
    ((2027, 6, 1, 16, 59), True, "Tuesday 1 June 2027, 16:59 BST (15:59 UTC)"),
    ((2027, 6, 1, 17, 0), False, "Tuesday 1 June 2027, 17:00 BST (16:00 UTC)"),
    ((2027, 6, 5, 10, 0), False, "Saturday 5 June 2027"),
    ((2027, 8, 30, 10, 0), False, "summer bank holiday 2027"),
    ((2027, 12, 24, 10, 0), True, "Christmas Eve 2027 (Friday), not a bank holiday"),
    ((2027, 12, 27, 10, 0), False, "Monday 27 December 2027, substitute for Christmas Day"),
    ((2027, 12, 28, 10, 0), False, "Tuesday 28 December 2027, substitute for Boxing Day"),
    ((2027, 12, 29, 10, 0), True, "Wednesday 29 December 2027, a working day"),
    ((2027, 12, 31, 16, 0), True, "New Year's Eve 2027 (Friday), not a bank holiday"),
    ((2028, 1, 3, 10, 0), False, "Monday 3 January 2028, substitute for New Year's Day"),
    ((2028, 1, 4, 9, 0), True, "Tuesday 4 January 2028, a working day"),
    ((2028, 4, 14, 10, 0), False, "Good Friday 2028"),
    ((2028, 4, 17, 10, 0), False, "Easter Monday 2028"),
    ((2028, 4, 18, 10, 0), True, "Tuesday after Easter 2028"),
    ((2028, 5, 1, 10, 0), False, "early May bank holiday 2028"),
    ((2028, 5, 29, 10, 0), False, "spring bank holiday 2028"),
    ((2028, 8, 28, 10, 0), False, "summer bank holiday 2028"),
    ((2028, 12, 25, 10, 0), False, "Christmas Day 2028 (Monday)"),
    ((2028, 12, 26, 10, 0), False, "Boxing Day 2028 (Tuesday)"),
    ((2028, 12, 27, 10, 0), True, "Wednesday 27 December 2028, a working day"),
]


def local(parts) -> datetime:
    return datetime(*parts, tzinfo=LONDON)


def clocks():
    """A p9 allegation (Protection, ring now) at each moment of the hand table, on every surface that says whom to ring.
    Oracle: the hand table (open: Children and Families Direct first, p4; closed: the Emergency Duty Team, p23)."""
    app = make_app(OFFICE_HOURS=default_hours())
    user(app, "pat", "practitioner")
    at(local((2027, 1, 4, 10, 0)))
    pat = sign_in(app, "pat")
    eid = saved_entry(app, pat, "R17-C1", safety=[ALLEGATION])  # saved on a working day
    assert eid, "nothing saved"
    wrong: dict[str, list[str]] = {}
    cli_moments = []
    for parts, open_, why in MOMENTS:
        moment = local(parts)
        want = CFD_NAME if open_ else EDT_NAME
        at(moment)
        pat = sign_in(app, "pat")
        seen = {}
        assert walk(pat, [LOW], safety=[ALLEGATION]) == ""
        seen["result page"] = ring_team(body_of(pat.get("/result")))
        txt = pat.get("/referral.txt").get_data(as_text=True)
        seen["referral.txt route"] = team_of(txt.split("ROUTE\n", 1)[1].split("\n", 1)[0]) if "ROUTE\n" in txt else "(no route)"
        seen["referral page"] = (
            ring_team(body_of(pat.get("/referral")))
            if ring_team(body_of(pat.get("/referral"))) != "(none)"
            else team_of(
                re.search(r"Route:? ?([^.]*)", body_of(pat.get("/referral"))).group(1) if re.search(r"Route:? ?([^.]*)", body_of(pat.get("/referral"))) else ""
            )
        )
        c = app.test_client()
        j = c.post("/adviser/", data={**CALL, "immediate": [ALLEGATION]}, headers=FETCH).get_json()
        seen["call screen status"] = team_of(j["status"]) if j.get("put_through_now") else "(not put through)"
        summ = summary_of(c)
        route_line = next((ln for ln in summ.splitlines() if ln.startswith("Route:")), "")
        seen["call summary route"] = team_of(route_line)
        api = app.test_client().post("/api/v1/assess", json={"child": {"age_years": 8}, "indicators": [ALLEGATION]}).get_json()
        seen["API (no contact_time)"] = route_team(api["route"])
        api2 = (
            app.test_client()
            .post("/api/v1/assess", json={"child": {"age_years": 8}, "indicators": [ALLEGATION], "context": {"contact_time": moment.isoformat()}})
            .get_json()
        )
        seen["API (contact_time, local offset)"] = route_team(api2["route"])
        entry = body_of(pat.get(f"/cases/R17-C1/entries/{eid}"))
        seen["saved entry (saved on a working day)"] = ring_team(entry)
        for surface, team in seen.items():
            if team != want:
                wrong.setdefault(surface, []).append(f"{why}: {team}")
        if parts in ((2027, 12, 27, 10, 0), (2028, 1, 3, 10, 0), (2027, 6, 1, 17, 0), (2027, 3, 30, 8, 30)):
            cli_moments.append((moment, want, why))
        # the bank holiday said where the time is said (a record read later must explain "10:00 Monday, out of hours")
    at(None)
    for surface in (
        "result page",
        "referral.txt route",
        "referral page",
        "call screen status",
        "call summary route",
        "API (no contact_time)",
        "API (contact_time, local offset)",
        "saved entry (saved on a working day)",
    ):
        report(
            surface not in wrong,
            "NEW",
            f"{surface}: the first team to ring for a p9 allegation at {len(MOMENTS)} hand-table moments in England 2027-2028 "
            f"(bank holidays and their substitute days, 08:29/08:30 and 16:59/17:00 across BST): {wrong.get(surface) or 'all as the table'}",
        )
    bad = []
    for moment, want, why in cli_moments:
        body = json.dumps({"child": {"age_years": 8}, "indicators": [ALLEGATION], "context": {"contact_time": moment.isoformat()}})
        rc, out, err = cli(["assess", "-"], stdin=body)
        team = route_team(json.loads(out)["route"]) if rc == 0 else f"exit {rc}: {err[:80]}"
        if team != want:
            bad.append(f"{why}: {team}")
    report(not bad, "NEW", f"pathway assess (contact_time given) at {len(cli_moments)} of the moments: {bad or 'all as the table'}")


def bank_holiday_named():
    """On a bank holiday at 10:00, a record of the call says why it was out of hours. Oracle: the result page already
    names the day ('2027-12-27 is Christmas Day (observed), a bank holiday'); a written record read later ('Monday 27
    December 2027, 10:00 GMT (out of hours)') otherwise contradicts the office hours it states."""
    app = make_app(OFFICE_HOURS=default_hours())
    pat = user(app, "pat", "practitioner")
    at(local((2027, 12, 27, 10, 0)))
    assert walk(pat, [LOW], safety=[ALLEGATION]) == ""
    res = body_of(pat.get("/result"))
    txt = pat.get("/referral.txt").get_data(as_text=True)
    ref_page = body_of(pat.get("/referral"))
    pr = pat.get("/referral.pdf")
    pdf = _pdf_text(pr.get_data()) if pr.status_code == 200 else ""
    c = app.test_client()
    c.post("/adviser/", data={**CALL, "immediate": [ALLEGATION]}, headers=FETCH)
    summ = summary_of(c)
    api = app.test_client().post("/api/v1/assess", json={"child": {"age_years": 8}, "indicators": [ALLEGATION]}).get_json()
    at(None)
    # the day named, not the route's general "(out of hours, weekends and bank holidays)"
    said = lambda t: bool(re.search(r"Christmas|(?<!weekends and )\ba bank holiday", t))  # noqa: E731
    api_said = said(json.dumps(api.get("assumptions", [])))
    report(said(res), "NEW", f"the result page on Monday 27 December 2027 names the bank holiday: {said(res)}")
    time_line = next((ln for ln in summ.splitlines() if ln.startswith("Time:")), "")
    report(
        said(summ),
        "S2",
        f"the call summary to copy on the substitute Christmas bank holiday says {time_line!r} and nowhere names the bank holiday "
        f"(the result page and the API's assumptions do: {said(res)}, {api_said})",
    )
    written_line = next((ln for ln in txt.splitlines() if ln.startswith("Written:")), "")
    report(
        said(txt) and said(ref_page) and said(pdf),
        "S2",
        f"the written referral on the same day ({written_line!r}) routes to the Emergency Duty Team; it names the bank holiday: "
        f"page {said(ref_page)}, .txt {said(txt)}, .pdf {said(pdf)}",
    )


# ------------------------------------------------------------------ the written referral against the result page
def written():
    """Result page, referral page, referral.txt and referral.pdf for the same answers: same level, reasons (sources),
    contacts (names and numbers) and ring-now; and the written record at the moment of download. Oracle: rules.evaluate
    for the same case at the same moment, and the hand table (16:59 open, 17:00 closed)."""
    from pathway.models import Case
    from rules import evaluate

    app = make_app(OFFICE_HOURS=default_hours())
    pat = user(app, "pat", "practitioner")
    cases = [
        ("Child in Need (absenteeism + no routine, CAF not improving)", ["extensive.persistent_absenteeism_school_without", "additional.lack_routine"], None),
        ("Protection (p9 allegation) with a need", [LOW], [ALLEGATION]),
    ]
    child = {"caf": "open_not_improving", "current_level": "extensive", "age_years": "7"}
    for name, needs, safety in cases:
        for parts in ((2027, 6, 1, 10, 0), (2027, 12, 28, 10, 0)):
            at(local(parts))
            stop = walk(pat, needs, safety=safety, child=child)
            if stop:
                report(False, "SCRIPT", f"{name}: {stop[:120]}")
                continue
            d = evaluate(
                Case.parse({"child": {"age_years": 7}, "indicators": (safety or []) + needs, "context": R12.ctx_of({**CHILD, **child})}),
                office_hours=default_hours(),
                now=local(parts),
            )
            res = body_of(pat.get("/result"))
            page = body_of(pat.get("/referral"))
            txt = pat.get("/referral.txt").get_data(as_text=True)
            pr = pat.get("/referral.pdf")
            pdf = _pdf_text(pr.get_data()) if pr.status_code == 200 else f"(no PDF: {pr.status_code})"
            missing = []
            for surface, body in (("result", res), ("referral page", page), ("referral.txt", txt), ("referral.pdf", pdf)):
                flat = re.sub(r"\s+", " ", body)
                for r_ in d.reasons:
                    if r_.source.split(",")[0] not in flat:
                        missing.append(f"{surface}: reason source {r_.source!r}")
                for ct in d.contacts:
                    if ct.name not in flat or (ct.phone and ct.phone not in flat):
                        missing.append(f"{surface}: contact {ct.name} {ct.phone}")
                if d.level_name not in flat:
                    missing.append(f"{surface}: level {d.level_name}")
                if d.immediate and (d.route.phone not in flat):
                    missing.append(f"{surface}: ring-now number {d.route.phone}")
            report(
                not missing,
                "NEW",
                f"{name} at {local(parts):%a %d %b %Y %H:%M}: result, referral page, .txt and .pdf all give the rules' level, reasons, contacts and number: {missing or 'yes'}",  # noqa: E501
            )
    # the moment of download: the result page read at 16:59, the referral downloaded at 17:00
    at(local((2027, 6, 1, 16, 59)))
    assert walk(pat, [LOW], safety=[ALLEGATION]) == ""
    before = ring_team(body_of(pat.get("/result")))
    at(local((2027, 6, 1, 17, 0)))
    txt = pat.get("/referral.txt").get_data(as_text=True)
    written_line = next((ln for ln in txt.splitlines() if ln.startswith("Written:")), "")
    first_action = txt.split("WHAT TO DO NEXT\n", 1)[1].split("\n", 1)[0] if "WHAT TO DO NEXT\n" in txt else ""
    at(None)
    report(
        before == CFD_NAME and EDT in first_action and "17:00" in written_line,
        "NEW",
        f"result page at 16:59 leads with {before}; referral.txt downloaded at 17:00 says {written_line!r} and {first_action[:70]!r}",
    )


def _pdf_text(data: bytes) -> str:
    import subprocess

    path = Path(tempfile.mkdtemp(prefix="review17s-")) / "r.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, timeout=60).stdout
    return re.sub(r"\s+", " ", out)


# ------------------------------------------------------------------ the same answers on every surface
AGREE_CASES = [
    # (name, journey child answers, call-screen answers, needs, p9 boxes)
    ("Additional", {}, {}, [LOW], []),
    ("Extensive", {}, {}, ["extensive.persistent_absenteeism_school_without"], []),
    (
        "Child in Need (CAF not improving, at Extensive now)",
        {"caf": "open_not_improving", "current_level": "extensive", "age_years": "7"},
        {"caf": "open_not_improving", "current_level": "extensive", "age_years": "7", "consent": "yes"},
        ["extensive.persistent_absenteeism_school_without", "additional.lack_routine"],
        [],
    ),
    ("Protection (p9)", {}, {}, [LOW], [ALLEGATION]),
    ("Extensive, consent refused", {"consent": "no"}, {"consent": "no"}, ["extensive.persistent_absenteeism_school_without"], []),
]


def agree():
    """The journey's result page, the call screen (panel JSON and the summary to copy), the JSON API and the CLI,
    given the same answers at the same moment (a working day, 10:00): the same level and first team. Oracle:
    rules.evaluate, and each surface against the others."""
    from pathway.models import Case
    from rules import evaluate

    app = make_app(OFFICE_HOURS=default_hours())
    moment = local((2027, 6, 1, 10, 0))
    at(moment)
    pat = app.test_client()
    rows, bad = [], []
    for name, jchild, cchild, needs, p9 in AGREE_CASES:
        ch = {**CHILD, **jchild}
        case = {"child": {"age_years": int(ch["age_years"])}, "indicators": p9 + needs, "context": R12.ctx_of(ch)}
        d = evaluate(Case.parse(case), office_hours=default_hours(), now=moment)
        stop = walk(pat, needs, safety=p9 or None, child=jchild)
        page = text(pat.get("/result")) if not stop else stop
        page_level = R12.level_shown(body_of(pat.get("/result"))) if not stop else "(refused)"
        c = app.test_client()
        c.post("/adviser/", data={**CALL, **cchild, **({"immediate": p9} if p9 else {})})
        for iid in needs:
            c.post("/adviser/", data={**CALL, **cchild, "add": iid, **({"immediate": p9} if p9 else {})})  # the whole form, as a browser posts it
        summ = summary_of(c)
        level_line = next((ln for ln in summ.splitlines() if ln.startswith("Level:")), "(no level line)")
        api = app.test_client().post("/api/v1/assess", json={**case, "context": {**case["context"], "contact_time": moment.isoformat()}}).get_json()
        rc, out, err = cli(["assess", "-"], stdin=json.dumps({**case, "context": {**case["context"], "contact_time": moment.isoformat()}}))
        cj = json.loads(out) if rc == 0 else {"level_name": f"exit {rc}"}
        got = {
            "rules": d.level_name,
            "result page": page_level,
            "call summary": level_line.removeprefix("Level: ").split(" - ")[0],
            "API": api.get("level_name"),
            "CLI": cj.get("level_name"),
        }
        rows.append(f"{name}: {got}")
        if len(set(got.values())) != 1:
            bad.append(f"{name}: {got}")
        if d.immediate and not (ring_team(page) == route_team(api["route"]) == route_team(cj["route"]) == CFD_NAME):
            bad.append(f"{name}: first team page {ring_team(page)}, API {route_team(api['route'])}, CLI {route_team(cj['route'])}")
    at(None)
    for r in rows:
        print("     ", r)
    report(
        not bad,
        "NEW",
        f"{len(AGREE_CASES)} cases: the result page, the call summary, the API and the CLI give the rules' level (and first team): {bad or 'yes'}",
    )


# ------------------------------------------------------------------ a saved assessment reopened after the clock or the catalogue moved on
def later():
    """Saved on a working day; opened on the substitute Christmas bank holiday a year later: the entry leads with whom
    to ring now (N1's fix) and says when it was saved. Then the catalogue moved on: the entry's stored ruleset is an
    earlier release's (review 12's `_as_old`), and the stored level differs from today's decision. Oracle: the hand table
    and review 12 W3's promise ('Decided under ruleset ...' and today's decision named where it differs)."""
    app = make_app(OFFICE_HOURS=default_hours())
    user(app, "pat", "practitioner")
    at(local((2027, 1, 4, 10, 0)))
    pat = sign_in(app, "pat")
    eid = saved_entry(app, pat, "R17-L1", safety=[ALLEGATION])
    at(local((2027, 12, 27, 10, 0)))
    pat = sign_in(app, "pat")
    page = body_of(pat.get(f"/cases/R17-L1/entries/{eid}"))
    first = ring_team(page)
    saved_said = re.search(r"When this was saved on [^.]*", page)
    report(
        first == EDT_NAME and bool(saved_said) and EDT in page.split("When this was saved")[0],
        "NEW",
        f"an entry saved Monday 4 January 2027 10:00, opened Monday 27 December 2027 10:00 (a bank holiday): leads with {first}; "
        f"{saved_said.group(0)[:90] if saved_said else 'no record of when it was saved'!r}",
    )
    # the catalogue moved on: stored as an earlier release's Extensive; today's rules say Additional
    eid2 = saved_entry(app, pat, "R17-L2")
    R12._as_old(app, "R17-L2", "extensive")
    page = body_of(pat.get(f"/cases/R17-L2/entries/{eid2}"))
    case_page = body_of(pat.get("/cases/R17-L2"))
    said_old = R12.OLD_RULESET.split(" (")[1][:5] in page
    today = re.search(r"(?i)today's ruleset.{0,160}", page)
    report(
        said_old and bool(today) and "Additional" in (today.group(0) if today else ""),
        "NEW",
        f"an entry saved under an earlier ruleset as Extensive: names the ruleset {said_old}; today's decision: {today.group(0)[:110] if today else 'not said'!r}",  # noqa: E501
    )
    report(
        "Additional" in case_page and "Extensive" in case_page,
        "NEW",
        f"its case page gives both the saved Extensive and today's Additional: {('Extensive' in case_page, 'Additional' in case_page)}",
    )
    at(None)


# ------------------------------------------------------------------ a different level recorded, and what the manager sees
def override():
    """A practitioner records Extensive over the tool's Additional, then Universal over it; the manager reviews.
    Oracle: docs/oversight.md (both levels kept, with reasons; the tool's level beside the recorded one)."""
    app = make_app()
    pat = user(app, "pat", "practitioner")
    mgr = user(app, "mia", "manager")
    other = user(app, "bob", "manager", team="Team B")
    eid = saved_entry(app, pat, "R17-O1")
    TYPED.extend(["R17FIRST", "R17SECOND", "R17REVIEW"])
    go(pat, record(pat, "R17-O1", eid, "extensive", "R17FIRST seen at home visit"))
    go(pat, record(pat, "R17-O1", eid, "universal", "R17SECOND after the school meeting"))
    ov = body_of(mgr.get("/overrides"))
    entry = body_of(mgr.get(f"/cases/R17-O1/entries/{eid}"))
    csv = mgr.get("/cases/R17-O1/export.csv").get_data(as_text=True)
    report(
        "R17SECOND" in ov and "Additional" in ov and "Universal" in ov,
        "NEW",
        f"the manager's overrides list gives the tool's Additional, the recorded Universal and its reason: {('Additional' in ov, 'Universal' in ov, 'R17SECOND' in ov)}",  # noqa: E501
    )
    report(
        all(w in entry for w in ("R17FIRST", "R17SECOND", "Extensive", "Universal")) and all(w in csv for w in ("R17FIRST", "R17SECOND")),
        "NEW",
        f"the entry page and export.csv keep both recorded levels and reasons: entry {[w in entry for w in ('R17FIRST', 'R17SECOND')]}, csv {[w in csv for w in ('R17FIRST', 'R17SECOND')]}",  # noqa: E501
    )
    oid = sql(app, "select max(id) from overrides")[0][0]
    rp = mgr.get(f"/overrides/{oid}/review").get_data(as_text=True)
    go(mgr, mgr.post(f"/overrides/{oid}/review", data={**hidden(rp), "note": "R17REVIEW discussed in supervision"}))
    ov = body_of(mgr.get("/overrides?reviewed=yes")) + body_of(mgr.get("/overrides"))
    report("R17REVIEW" in ov or "Reviewed" in ov, "NEW", f"the review is shown on the overrides list: {'R17REVIEW' in ov}, 'Reviewed': {'Reviewed' in ov}")
    r1, r2 = other.get("/overrides"), other.get(f"/overrides/{oid}/review")
    report(
        "R17-O1" not in body_of(r1) and r2.status_code == 404,
        "NEW",
        f"Team B's manager: the overrides list does not name R17-O1 ({'R17-O1' not in body_of(r1)}), its review page {r2.status_code}",
    )


# ------------------------------------------------------------------ roles: who may open what (docs/security.md's access table)
def roles():
    """Oracle: docs/security.md's table (manager pages: managers; practice library: trainers and admins; the draft
    ruleset: admins; a saved case: its saver and the team's managers). Another team's practitioner gets the same
    404 as for a reference never saved."""
    app = make_app()
    pat = user(app, "pat", "practitioner")
    eid = saved_entry(app, pat, "R17-R1")
    who = {r: user(app, f"u_{r}", r) for r in ("practitioner", "adviser", "trainer", "manager", "admin")}
    who["practitioner, Team B"] = user(app, "u_pb", "practitioner", team="Team B")
    who["manager, Team B"] = user(app, "u_mb", "manager", team="Team B")
    routes = {
        "/overrides": {"manager", "manager, Team B"},
        "/dashboard": {"manager", "manager, Team B"},
        "/practice/new": {"trainer", "admin"},
        "/practice/scenarios": {"trainer", "admin"},
        "/practice/cohorts": {"trainer", "admin"},
        "/admin/ruleset": {"admin"},
        "/cases/R17-R1": {"manager"},
        f"/cases/R17-R1/entries/{eid}": {"manager"},
        "/cases/R17-R1/export.csv": {"manager"},
        "/cases/R17-R1/export.json": {"manager"},
    }
    wrong = []
    for url, allowed in routes.items():
        for role, c in who.items():
            code = c.get(url).status_code
            if (code == 200) != (role in allowed):
                wrong.append(f"{role} {url}: {code}")
    anon = app.test_client()
    signed_out = [u for u in routes if anon.get(u).status_code not in (302, 303)]
    report(
        not wrong and not signed_out,
        "NEW",
        f"{len(routes)} routes x {len(who)} accounts as docs/security.md's table (and 302 signed out): {wrong + signed_out or 'yes'}",
    )
    never = body_of(who["practitioner, Team B"].get("/cases/R17-R9"))
    theirs = body_of(who["practitioner, Team B"].get("/cases/R17-R1"))
    report(never == theirs, "NEW", "another team's practitioner reads the same words for another team's case and for a reference never saved")


# ------------------------------------------------------------------ privacy: what is typed never reaches an address or the log
def privacy():
    """Marker words typed into every free-text field a user fills (the journey's note, the call screen's note and
    search, the override reason, the trainee's name): none in an address the browser is sent to, none in the log (checked
    at the end). And the case reference check, against a date of birth typed as six digits (ddmmyy), the common way
    on forms; the module's own promise is 'nothing date-like: 05-03-2014, 2014_03_05, 05032014, 20140305, 5mar14'."""
    from store.case_ref import validate_case_ref
    from store.errors import Invalid

    app = make_app()
    pat = user(app, "pat", "practitioner")
    TYPED.extend(["R17NOTE", "R17CALLNOTE", "R17SEARCH"])
    assert walk(pat, [LOW]) == ""
    page = pat.get("/result").get_data(as_text=True)
    go(pat, pat.post("/note", data={**hidden(page), "note": "R17NOTE lives with nan"}))
    c = app.test_client()
    go(c, c.post("/adviser/", data={**CALL, "note": "R17CALLNOTE dad said", "q": "R17SEARCH no routine"}))
    c.post("/adviser/search", data={"q": "R17SEARCH no routine", "age_years": "8"})
    for ref in ("R17-P1",):
        pg = pat.get("/save").get_data(as_text=True)
        go(pat, pat.post("/save", data={**hidden(pg), "case_ref": ref}))
    seen_urls = [u for u in LOCATIONS if any(w.lower() in u.lower() for w in ("R17NOTE", "R17CALLNOTE", "R17SEARCH"))]
    report(not seen_urls, "NEW", f"no typed words in the addresses a browser was sent to: {seen_urls or 'none'}")
    refused, accepted = [], []
    for ref in ("05032014", "2014-03-05", "5mar14", "050314", "DOB050314", "CH-050314", "5314"):
        try:
            validate_case_ref(ref)
            accepted.append(ref)
        except Invalid:
            refused.append(ref)
    report(
        not [r for r in accepted if r != "5314"],
        "S1",
        f"case references refused as dates: {refused}; accepted: {accepted} (a date of birth as ddmmyy, '050314' for 5 March 2014, "
        "goes into the address /cases/050314, the audit log and every export)",
    )


# ------------------------------------------------------------------ without JavaScript
def nojs():
    """Every form works as a plain HTML post (no X-Requested-With, no script): the call screen's search, Add and
    note; the journey; the practice answer. Oracle: the same decision as the script's JSON."""
    app = make_app()
    c = app.test_client()
    r = go(c, c.post("/adviser/", data={**CALL, "q": "no routine"}))
    page = r.get_data(as_text=True)
    adds = re.findall(r'name="add" value="([^"]+)"', page)
    report(r.status_code == 200 and bool(adds), "NEW", f"the call screen's search without script: {r.status_code}, {len(adds)} 'Add' buttons drawn")
    if adds:
        r = go(c, c.post("/adviser/", data={**CALL, "q": "no routine", "add": adds[0], "note": "kept note"}))
        t = body_of(r)
        j = app.test_client()
        j.post("/adviser/", data={**CALL, "add": adds[0]}, headers=FETCH)
        want = next((ln for ln in summary_of(j).splitlines() if ln.startswith("Level:")), "")
        got = next((ln for ln in summary_of(c).splitlines() if ln.startswith("Level:")), "")
        report(
            want == got and "kept note" in r.get_data(as_text=True),
            "NEW",
            f"Add without script: {got!r} (with script {want!r}); the note kept: {'kept note' in t}",
        )
    scripts_needed = []
    for url in ("/safety", "/child", "/adviser/", "/practice/join", "/sign-in"):
        h = app.test_client().get(url).get_data(as_text=True)
        forms = re.findall(r"<form[^>]*>.*?</form>", h, re.S)
        for f in forms:
            if not re.search(r'<button[^>]*type="submit"|<button(?![^>]*type=)[^>]*>|<input[^>]*type="submit"', f):
                scripts_needed.append(url)
    report(not scripts_needed, "NEW", f"every form on the public pages has a submit button a keyboard reaches without script: {scripts_needed or 'yes'}")


# ------------------------------------------------------------------ error pages: the field named, no 500, nothing lost
def errors():
    """Refused answers name the field; the note and earlier answers are kept. Oracle: GOV.UK's error pattern and the
    brief's 'nothing saved lost'."""
    app = make_app()
    c = app.test_client()
    assert walk(c, [LOW]) == ""
    page = c.get("/result").get_data(as_text=True)
    go(c, c.post("/note", data={**hidden(page), "note": "first note kept"}))
    bad = []
    for data, field in (
        ({**CHILD, "age_years": "-3"}, "age"),
        ({**CHILD, "age_years": "8", "age_months": "13"}, "month"),
        ({**CHILD, "age_years": "99999999999999999999"}, "age"),
        ({**CHILD, "born": "perhaps"}, "born"),
        ({**CHILD, "caf": "<script>"}, "CAF"),
    ):
        r = c.post("/child?change=1", data=data)
        t = body_of(follow(c, r))
        if r.status_code >= 500 or "There is a problem" not in t or field.lower() not in R12.problem(t).lower():
            bad.append(f"{data}: {r.status_code} {R12.problem(t)[:100]!r}")
    result = c.get("/result").get_data(as_text=True)
    kept = "first note kept" in result and R12.level_shown(body_of(c.get("/result"))) == "Additional"
    report(not bad and kept, "NEW", f"5 refused child answers name the field, no 500; the note and the result kept after them: {bad or 'yes'}, kept {kept}")
    r = c.post("/note", data={**hidden(result), "note": "x" * 5000})
    t = body_of(follow(c, r))
    report(
        r.status_code < 500 and ("first note kept" in c.get("/result").get_data(as_text=True)),
        "NEW",
        f"a note over the limit: {r.status_code}, the page says {R12.problem(t)[:110]!r}; the earlier note kept",
    )


# ------------------------------------------------------------------ practice: trainees' answers and agreement, live and at the end
def practice():
    """Three trainees answer two of the shipped scenarios (as a browser posts, with the form's hidden fields); one
    agrees with the model answer on both, one on one, one on neither. Oracle: my count (3 of 6 = 50%) and Fleiss'
    kappa by hand for the levels chosen."""
    from pathway.levels import LEVELS
    from pathway.scenarios.loader import load

    model = {}
    for f in sorted((ROOT / "pathway" / "data" / "scenarios").glob("*.yaml")):
        for sc in load(f):
            model[sc.id] = sc.model.level.value
    app = make_app()
    tr = user(app, "tom", "trainer")
    new = tr.get("/practice/new").get_data(as_text=True)
    ids = [i for i in re.findall(r'name="scenarios" type="checkbox" value="([^"]+)"', new) if i in model][:2]
    code = tr.post("/practice/new", data={**hidden(new), "scenarios": ids}).location.rstrip("/").split("/")[-1]
    other = {lv.value for lv in LEVELS}
    wrong_of = {sid: sorted(other - {model[sid]})[0] for sid in ids}
    plan = {"T1": [model[ids[0]], model[ids[1]]], "T2": [model[ids[0]], wrong_of[ids[1]]], "T3": [wrong_of[ids[0]], wrong_of[ids[1]]]}
    for name, levels in plan.items():
        t = app.test_client()
        j = t.get("/practice/join").get_data(as_text=True)
        t.post("/practice/join", data={**hidden(j), "code": code, "name": name})
        for sid, level in zip(ids, levels):
            form = t.get(f"/practice/s/{code}/{sid}").get_data(as_text=True)
            t.post(f"/practice/s/{code}/{sid}", data={**hidden(form), "level": level, "confirm_empty": "1"})
    n = sql(app, "select count(*) from practice_answers")[0][0]
    live = body_of(tr.get(f"/practice/session/{code}"))
    sp = tr.get(f"/practice/session/{code}").get_data(as_text=True)
    tr.post(f"/practice/session/{code}/end", data=hidden(sp))
    summ = body_of(tr.get(f"/practice/session/{code}/summary"))
    # Fleiss by hand: scenario 1: model x2, wrong x1 -> P = (4+1-3)/6 = 1/3; scenario 2: model x1, wrong x2 -> 1/3.
    # Pbar = 1/3. Ratings 6: model0 2, wrong0 1, model1 1, wrong1 2 (levels may coincide across scenarios)
    counts: dict[str, int] = {}
    for levels in plan.values():
        for lv in levels:
            counts[lv] = counts.get(lv, 0) + 1
    pe = sum((v / 6) ** 2 for v in counts.values())
    hand = (1 / 3 - pe) / (1 - pe)
    report(
        n == 6 and "50%" in summ and f"{hand:.2f}" in summ,
        "NEW",
        f"6 answers saved ({n}); the summary says 50% agreement ({'50%' in summ}) and kappa {hand:.2f} ({f'{hand:.2f}' in summ})",
    )
    report("T3" in live and "3" in live, "NEW", f"the trainer's live page names the trainees as they answer: {[t for t in plan if t in live]}")


SECTIONS = ("clocks", "bank_holiday_named", "written", "agree", "later", "override", "practice", "roles", "privacy", "nojs", "errors")


def _section(name: str) -> None:
    """One section; a section that stops is itself reported with its traceback, never a silent pass."""
    print(f"== {name}", flush=True)
    try:
        globals()[name]()
    except Exception:  # noqa: BLE001
        report(False, "SCRIPT", f"section {name} stopped:\n{format_exc()}")
    finally:
        at(None)


if __name__ == "__main__":
    from time import monotonic

    began, wanted = monotonic(), set(sys.argv[1:] or ["all"])
    [_section(s) for s in SECTIONS if "all" in wanted or s in wanted]
    leaked = [w for w in TYPED if any(w in line for line in LOGS)]
    report(not leaked, "NEW", f"the app's log ({len(LOGS)} lines) holds none of the typed markers {TYPED}: {leaked or 'none found'}")
    in_urls = [w for w in TYPED if any(w.lower() in u.lower() for u in LOCATIONS)]
    report(not in_urls, "NEW", f"no address the app sent a browser to ({len(LOCATIONS)}) holds a typed marker: {in_urls or 'none found'}")
    print(f"== {COUNT['OK']} OK, {COUNT['FINDING']} FINDING lines, {monotonic() - began:.0f} s")
