"""Review 16 (surfaces): my own checks of what users see and do. Changes no product code.

Run from the worktree:
    .venv/bin/python docs/review16-surfaces-cases.py [entry|accounts|removed|practice|api|titles|all]

The harness is review 12's runner (docs/review12-surfaces-cases.py), reached through review 15's runner, whose
helpers (hidden fields as a browser posts them, saved_entry, record, sql, body_of) are imported, not copied: each
section makes its own app on a throwaway SQLite database (Flask test client with PROPAGATE_EXCEPTIONS off, so a
defect shows the page a user sees; CSRF off; office hours "always open" unless a check closes them), signs in
through /sign-in, and posts forms with every hidden field the page drew (form_token, shown). The CLI runs as
`python -m cli.main` in a real process. The root logger is captured throughout and searched at the end for every
marker word typed. Each check prints "OK      ..." or "FINDING Nn: ..."; one I did not expect to fail prints
"FINDING NEW".
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from datetime import datetime, time, timedelta, timezone
from html import unescape
from pathlib import Path
from traceback import format_exc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# review 15's runner, which imports review 12's harness, gives the helpers
_spec = importlib.util.spec_from_file_location("review15_surfaces", ROOT / "docs" / "review15-surfaces-cases.py")
R15 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(R15)  # type: ignore[union-attr]
R12 = R15.R12

make_app, user, follow, walk, cli, text = R12.make_app, R12.user, R12.follow, R12.walk, R12.cli, R12.text
hidden, sql, saved_entry, record, body_of = R15.hidden, R15.sql, R15.saved_entry, R15.record, R15.body_of
LOGS = R12.LOGS
COUNT = {"OK": 0, "FINDING": 0}
TYPED: list[str] = []

ALLEGATION = "immediate.allegation_or_disclosure"
LOW = "additional.low_self_esteem"
CFD = "0115 876 4800"  # Children and Families Direct (p4), a day service
EDT = "0115 876 1000"  # the Emergency Duty Team (p4, p23), out of hours


def report(ok: bool, fid: str, msg: str):
    COUNT["OK" if ok else "FINDING"] += 1
    print(("OK      " if ok else f"FINDING {fid}: ") + msg, flush=True)


def closed_hours():
    """Office hours on no day at all: every moment is out of hours (as at night, a weekend or a bank holiday)."""
    from pathway.settings import OfficeHours

    return OfficeHours(opens=time(9, 0), closes=time(17, 0), weekdays=frozenset())


def ring_line(page: str) -> str:
    m = re.search(r"Ring (the )?[A-Z][^.!]*? now", page)
    n = re.search(r"now on (0115 \d{3} \d{4})", page)
    return f"{m.group(0) if m else '(no ring-now)'} / {n.group(1) if n else '(no number)'}"


# ------------------------------------------------------------------ a saved ring-now entry read at another hour
def entry():
    """A ring-now result saved in office hours, its entry opened out of hours (and the other way round). Oracle:
    the result page at the same moment (rules.evaluate with the app's office hours) and the domain rule that an
    immediate referral "says whom to ring now (EDT out of hours)"; the entry page says its result is 'as shown'
    but puts it under the imperative heading "Ring ... now" with the number of then."""
    app = make_app()
    pat = user(app, "pat", "practitioner")
    eid = saved_entry(app, pat, "R16-N1", safety=[ALLEGATION])
    url = f"/cases/R16-N1/entries/{eid}"
    by_day = body_of(pat.get(url))
    app.config["OFFICE_HOURS"] = closed_hours()
    at_night = body_of(pat.get(url))
    assert walk(pat, [LOW], safety=[ALLEGATION]) == ""
    result = body_of(pat.get("/result"))
    # the result page's words at night; not the assumption's general "Outside them ... day services are closed"
    closed_said = re.search(r"closed now|Day services are closed \(", at_night)
    report(
        ring_line(at_night) == ring_line(result) or bool(closed_said),
        "N1",
        f"the saved ring-now entry opened out of hours leads with {ring_line(at_night)!r} (heading, warning and the 'Ring now' "
        f"contact: the day service, closed now); the result page at this moment leads with {ring_line(result)!r}; the entry says "
        f"day services are closed now: {bool(closed_said)} (the Emergency Duty Team is only further down, under 'out of hours')",
    )
    said = re.search(r"(?i)(ring|rang|referral was|if the referral has not)[^.]{0,80}(then|at the time|when it was saved|has not been made)", at_night)
    report(
        bool(said),
        "N1",
        f"the entry says the 'Ring ... now' was the instruction when it was saved, and whom to ring now if the referral was not made: "
        f"{said.group(0) if said else 'no such words'!r}",
    )
    # the other way round: saved out of hours (Emergency Duty Team), opened in office hours
    app = make_app(OFFICE_HOURS=closed_hours())
    pat = user(app, "pat", "practitioner")
    eid = saved_entry(app, pat, "R16-N1B", safety=[ALLEGATION])
    app.config["OFFICE_HOURS"] = R12.ALWAYS_OPEN
    by_day = body_of(pat.get(f"/cases/R16-N1B/entries/{eid}"))
    assert walk(pat, [LOW], safety=[ALLEGATION]) == ""
    result = body_of(pat.get("/result"))
    report(
        ring_line(by_day) == ring_line(result),
        "N1",
        f"a ring-now entry saved out of hours, opened in office hours, leads with {ring_line(by_day)!r} (the Emergency Duty Team is "
        f"'out of hours only', p23); the result page at this moment leads with {ring_line(result)!r}",
    )
    # the case page and the exports already speak of the past (the level), not of whom to ring: not a ring-now surface
    case_page = body_of(pat.get("/cases/R16-N1B"))
    report(
        "now" not in re.sub(r"(?i)today's|newest|known", "", case_page.split("Level over time")[0]), "NEW", "the case page's head gives no 'now' instruction"
    )


# ------------------------------------------------------------------ accounts: a role or a team that changes
def accounts():
    """A local (password) account's role or team changes: a practitioner moves team, a manager steps down, an
    account disabled in error. Oracle: docs/storage.md's roles table (a practitioner reads 'their own entries',
    a manager 'their team's'), store/sso.py (with single sign-on the provider's role and team are taken at every
    sign-in) and the brief's class 'a route reachable by the wrong role, or a right one refused'."""
    rc, out, err = cli(["users", "--help"])
    actions = re.search(r"\{([a-z,-]+)\}", out)
    offered = actions.group(1).split(",") if actions else []
    report(
        any(a in offered for a in ("set-role", "role", "change", "update", "move", "set-team", "edit")),
        "N2",
        f"pathway users offers {offered}: no command changes a local account's role or team (single sign-on does it at each sign-in)",
    )
    report(
        any(a in offered for a in ("enable", "restore", "reinstate")) or "--enable" in out,
        "N2",
        "pathway users disable has no undo: a disabled local account cannot be enabled again",
    )
    # the same person moves to Team B: at review time the only way was a second account, which could not read
    # what the first saved (404). Since fix16s the real command moves the account (`pathway users set-team`)
    app = make_app()
    pat = user(app, "pat", "practitioner", team="Team A")
    saved_entry(app, pat, "R16-N2")
    database = ["--database-url", f"sqlite:///{app.db_dir}/web.sqlite3"]
    rc, out, err = cli(["users", "set-team", "pat", "Team B", *database])
    r = pat.get("/cases/R16-N2")
    mine = body_of(pat.get("/cases"))
    report(
        rc == 0 and r.status_code == 200,
        "N2",
        f"the practitioner moved to Team B (`pathway users set-team`: exit {rc}, {(out or err).strip()[:90]!r}) opens the case they saved: "
        f"{r.status_code}; their cases list names it: {'R16-N2' in mine}",
    )
    # a manager who steps down: the role read at the next request (`pathway users set-role`)
    mgr = user(app, "mia", "manager", team="Team A")
    report(
        mgr.get("/cases/R16-N2").status_code == 200 and mgr.get("/overrides").status_code == 200,
        "NEW",
        "oracle: a manager reads the team's case and the overrides list (the role works)",
    )
    rc, out, err = cli(["users", "set-role", "mia", "practitioner", *database])
    report(
        rc == 0 and mgr.get("/overrides").status_code == 403,
        "N2",
        f"a manager who stepped down (`pathway users set-role mia practitioner`: exit {rc}) is refused /overrides at the next request",
    )


# ------------------------------------------------------------------ an entry removed (retention) while its page is open
def removed():
    """'Record a different level' open with a reason typed; retention removes the entry meanwhile (the one code
    that deletes, store/retention.py). Oracle: review 15 Z1's and review 14 Y1's promise for a recording form that
    cannot record: nothing recorded, and the page says so, naming what was not done."""
    from store.retention import run_retention

    app = make_app()
    pat = user(app, "pat", "practitioner")
    eid = saved_entry(app, pat, "R16-N3")
    url = f"/cases/R16-N3/entries/{eid}/level"
    page = pat.get(url).get_data(as_text=True)
    gone = run_retention(R12.db(app), now=datetime.now(timezone.utc) + timedelta(days=36500))
    TYPED.append("N3REASON")
    r = pat.post(url, data={**hidden(page), "level": "extensive", "reason": "N3REASON typed at length"})
    landed = body_of(follow(pat, r))
    told = re.search(r"(?i)nothing was recorded|not recorded|no longer|removed|retention", landed)
    report(
        bool(told),
        "N3",
        f"the level's form sent after retention removed the entry ({gone.assessments_removed} removed): {r.status_code}, "
        f"the page says {landed[:110]!r}; the reason typed kept: {'N3REASON' in landed}",
    )
    case = pat.get("/cases/R16-N3")
    report(
        "typed the web address" not in body_of(case),
        "N3",
        f"the case's own page, opened from a bookmark or the browser's history after retention: {case.status_code} {body_of(case)[:90]!r}",
    )


# ------------------------------------------------------------------ practice: an answer sent after the session ended
def practice():
    """A trainee writes an answer; the trainer ends the session; the answer is sent. Oracle: review 9 V3's words for
    a second answer ('Your second answer was not saved') and review 15 Z1's class (what was not done is said)."""
    app = make_app()
    tr = user(app, "tom", "trainer")
    new = tr.get("/practice/new").get_data(as_text=True)
    ids = re.findall(r'name="scenarios" type="checkbox" value="([^"]+)"', new)
    code = tr.post("/practice/new", data={**hidden(new), "scenarios": ids[:2]}).location.rstrip("/").split("/")[-1]
    t = app.test_client()
    t.post("/practice/join", data={"code": code, "name": "Trainee One"})
    form = t.get(f"/practice/s/{code}/{ids[0]}").get_data(as_text=True)
    session_page = tr.get(f"/practice/session/{code}").get_data(as_text=True)
    tr.post(f"/practice/session/{code}/end", data=hidden(session_page))
    r = t.post(f"/practice/s/{code}/{ids[0]}", data={**hidden(form), "level": "additional", "confirm_empty": "1"})
    landed = body_of(follow(t, r))
    n = sql(app, "select count(*) from practice_answers")[0][0]
    report(
        n == 0 and re.search(r"(?i)not saved|not recorded|was not kept", landed) is not None,
        "N4",
        f"an answer sent after the trainer ended the session: {n} saved; the page says {landed[landed.find('This session') :][:100]!r} "
        "(no word that this answer was not saved)",
    )


# ------------------------------------------------------------------ the JSON API given what a client mistypes
def api():
    """Oracle: webapp/api/views.py's promise: every refusal is JSON naming the field, never HTML or a 500."""
    app = make_app()
    c = app.test_client()
    bodies = [
        ("GET", "/api/v1/assess", None),
        ("POST", "/api/v1/no-such", b"{}"),
        ("POST", "/api/v1/assess", b"[1]"),
        ("POST", "/api/v1/assess", b'{"child":{"age_years":8.5}}'),
        ("POST", "/api/v1/assess", b'{"child":{"age_years":true}}'),
        ("POST", "/api/v1/assess", b'{"child":{"age_years":1e400}}'),
        ("POST", "/api/v1/assess", b'{"indicators":' + b"[" * 5000 + b"]" * 5000 + b"}"),
        ("POST", "/api/v1/assess", json.dumps({"indicators": [LOW] * 3000}).encode()),
        ("POST", "/api/v1/search", b'{"words":"hit","age_months":-1}'),
    ]
    for method, url, body in bodies:
        r = c.open(url, method=method, data=body, content_type="application/json")
        js = r.is_json and isinstance(r.get_json(silent=True), dict) and "errors" in r.get_json()
        named = js and all(e.get("field") for e in r.get_json()["errors"])
        report(
            bool(js and named and r.status_code < 500), "NEW", f"{method} {url} {(body or b'')[:30]!r}...: {r.status_code}, {r.get_data(as_text=True)[:90]!r}"
        )


# ------------------------------------------------------------------ page titles of refused forms (GOV.UK's error pattern)
def titles():
    """GOV.UK's error summary pattern: a page whose form was refused starts its <title> with 'Error: ' and draws the
    summary with its module (focus moves to it). Oracle: the pattern, every refused form I could reach."""
    app = make_app()
    pat = user(app, "pat", "practitioner")
    tr = user(app, "tom", "trainer")
    adm = user(app, "ada", "admin")
    anon = app.test_client()
    anon.post("/safety", data={"immediate": ["none"]})
    eid = saved_entry(app, pat, "R16-T")
    assert walk(pat, [LOW]) == ""
    forms = [
        (anon, "/safety", {}),
        (anon, "/child", {**R12.CHILD, "age_years": "x"}),
        (anon, "/settings", {"show_levels": "maybe"}),
        (pat, "/save", {"case_ref": "Jane Smith 01/02/2015"}),
        (pat, f"/cases/R16-T/entries/{eid}/level", {}),
        (app.test_client(), "/sign-in", {"username": "pat", "password": "wrong"}),
        (app.test_client(), "/practice/join", {"code": "ZZZZZZ", "name": "x"}),
        (tr, "/practice/new", {}),
        (tr, "/practice/scenarios/new", {"save": "Save to the library"}),
        (tr, "/practice/scenarios/import", {}),
        (adm, "/admin/ruleset", {}),
        (anon, "/adviser/", {**R12.CALL, "age_years": "abc"}),
    ]
    wrong = []
    for c, url, data in forms:
        page = c.get(url).get_data(as_text=True)
        h = follow(c, c.post(url, data={**hidden(page), **data})).get_data(as_text=True)
        t = re.search(r"<title>(.*?)</title>", h, re.S)
        title = unescape(t.group(1)).strip() if t else ""
        if not ('data-module="govuk-error-summary"' in h and title.startswith("Error: ")):
            wrong.append(f"{url} ({title[:40]!r})")
    report(not wrong, "NEW", f"{len(forms)} refused forms: each page's title begins 'Error: ' with the error summary drawn: {wrong or 'all'}")


SECTIONS = ("entry", "accounts", "removed", "practice", "api", "titles")


def _section(name: str) -> None:
    """One section; a section that stops is itself reported with its traceback, never a silent pass."""
    print(f"== {name}", flush=True)
    try:
        globals()[name]()
    except Exception:  # noqa: BLE001
        report(False, "SCRIPT", f"section {name} stopped:\n{format_exc()}")


if __name__ == "__main__":
    from time import monotonic

    began, wanted = monotonic(), set(sys.argv[1:] or ["all"])
    [_section(s) for s in SECTIONS if "all" in wanted or s in wanted]
    leaked = [w for w in TYPED if any(w in line for line in LOGS)]
    report(not leaked, "NEW", f"the app's log ({len(LOGS)} lines) holds none of the typed markers {TYPED}: {leaked or 'none found'}")
    print(f"== {COUNT['OK']} OK, {COUNT['FINDING']} FINDING lines, {monotonic() - began:.0f} s")
