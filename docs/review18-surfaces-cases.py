"""Review 18 (surfaces): my own checks of what users see and do. Changes no product code.

Run from the worktree:
    .venv/bin/python docs/review18-surfaces-cases.py [free_text|fields|api_errors|paging|status|downloads|change|expiry|edges|roles|all]

The harness is review 17's runner (docs/review17-surfaces-cases.py), which binds reviews 16, 15 and 12's helpers
(make_app, user, walk, hidden, sql, saved_entry, record, body_of, summary_of, the clock and the default office hours):
imported, not copied. Each section makes its own app on a throwaway SQLite database (Flask test client with
PROPAGATE_EXCEPTIONS off, so a defect shows the page a user sees; CSRF off); accounts are made with
store.users.create_user and signed in through /sign-in. The CLI runs as `python -m cli.main` in a real process. The
root logger is captured throughout and searched at the end for every marker typed; every address the app sent a
browser to is kept and searched too. Each check prints "OK      ..." or "FINDING Sn: ...".
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from traceback import format_exc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_spec = importlib.util.spec_from_file_location("review17_surfaces", ROOT / "docs" / "review17-surfaces-cases.py")
R17 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(R17)  # type: ignore[union-attr]
R12 = R17.R12
make_app, user, walk, hidden, sql, saved_entry, record, body_of, follow = (
    R17.make_app,
    R17.user,
    R17.walk,
    R17.hidden,
    R17.sql,
    R17.saved_entry,
    R17.record,
    R17.body_of,
    R17.follow,
)
CALL, FETCH, summary_of, LOGS, LOCATIONS = R12.CALL, R12.FETCH, R12.summary_of, R12.LOGS, R17.LOCATIONS
LOW, ALLEGATION, local, at, default_hours, ring_team, team_of, route_team, sign_in = (
    R17.LOW,
    R17.ALLEGATION,
    R17.local,
    R17.at,
    R17.default_hours,
    R17.ring_team,
    R17.team_of,
    R17.route_team,
    R17.sign_in,
)
CFD_NAME, EDT_NAME = R17.CFD_NAME, R17.EDT_NAME
ABSENT = "extensive.persistent_absenteeism_school_without"
COUNT = {"OK": 0, "FINDING": 0}
TYPED: list[str] = []
CONTROL = "\x00\x07\x1b[31m"  # NUL, BEL and a terminal colour escape, as pasted from another system
REFUSED_WORDS = "remove the control characters"  # the app's own words where it refuses them (override reason, review, cohort)


def report(ok: bool, fid: str, msg: str):
    COUNT["OK" if ok else "FINDING"] += 1
    print(("OK      " if ok else f"FINDING {fid}: ") + msg, flush=True)


def go(c, r):
    return R17.go(c, r)


def problem(page: str, n=220) -> str:
    i = page.find("There is a problem")
    return " ".join(page[i : i + n].split()) if i >= 0 else ""


def trainer_session(app, tr, n=1) -> tuple[str, list[str]]:
    new = tr.get("/practice/new").get_data(as_text=True)
    ids = re.findall(r'name="scenarios" type="checkbox" value="([^"]+)"', new)[:n]
    code = tr.post("/practice/new", data={**hidden(new), "scenarios": ids}).location.rstrip("/").split("/")[-1]
    return code, ids


def join(app, code: str, name: str):
    t = app.test_client()
    j = t.get("/practice/join").get_data(as_text=True)
    return t, t.post("/practice/join", data={**hidden(j), "code": code, "name": name})


# ------------------------------------------------------------------ free text: control and invisible characters, every field alike
def free_text():
    """The same pasted text in every free-text field. Oracle: the app's own rule where it has one: the override
    reason, the manager's review note and the cohort label refuse control characters ("remove the control characters
    pasted into it"); the journey's note, the call screen's note and the trainee's display name are the same kind of
    field, and the note goes into the written referral that leaves the service (referral.txt, .pdf, the saved entry)."""
    app = make_app(SIGN_IN_LIMIT_PER_ADDRESS="1000/minute", JOIN_LIMIT_PER_ADDRESS="1000/minute")
    pat = user(app, "pat", "practitioner")
    mgr = user(app, "mia", "manager")
    tr = user(app, "tom", "trainer")
    pasted = "R18CTL" + CONTROL + "end"
    # where the app refuses them
    eid = saved_entry(app, pat, "R18-F1")
    url = f"/cases/R18-F1/entries/{eid}/level"
    pg = pat.get(url).get_data(as_text=True)
    ov = problem(body_of(go(pat, pat.post(url, data={**hidden(pg), "level": "extensive", "reason": pasted}))))
    go(pat, record(pat, "R18-F1", eid, "extensive", "seen at a home visit"))
    oid = sql(app, "select max(id) from overrides")[0][0]
    pg = mgr.get(f"/overrides/{oid}/review").get_data(as_text=True)
    rv = problem(body_of(go(mgr, mgr.post(f"/overrides/{oid}/review", data={**hidden(pg), "note": pasted}))))
    new = tr.get("/practice/new").get_data(as_text=True)
    ids = re.findall(r'name="scenarios" type="checkbox" value="([^"]+)"', new)[:1]
    co = problem(body_of(go(tr, tr.post("/practice/new", data={**hidden(new), "scenarios": ids, "cohort": pasted}))))
    report(
        all(REFUSED_WORDS in t for t in (ov, rv, co)),
        "NEW",
        "control characters refused, naming the field, in the override reason, the review note and the cohort label: "
        f"{[REFUSED_WORDS in t for t in (ov, rv, co)]}",
    )
    # where it does not
    assert walk(pat, [LOW], safety=[ALLEGATION]) == ""
    pg = pat.get("/result").get_data(as_text=True)
    r = go(pat, pat.post("/note", data={**hidden(pg), "note": pasted}))
    note_refused = REFUSED_WORDS in body_of(r)
    txt = pat.get("/referral.txt").get_data(as_text=True)
    pdf = pat.get("/referral.pdf")
    pg = pat.get("/save").get_data(as_text=True)
    go(pat, pat.post("/save", data={**hidden(pg), "case_ref": "R18-F2"}))
    eid2 = sql(app, "select max(id) from assessments")[0][0]
    entry = pat.get(f"/cases/R18-F2/entries/{eid2}").get_data(as_text=True)
    csv = pat.get("/cases/R18-F2/export.csv").get_data(as_text=True)
    carried = {"referral.txt": CONTROL in txt, "saved entry page": CONTROL in entry, "export.csv": CONTROL in csv}
    report(
        note_refused or not any(carried.values()),
        "S1",
        f"the journey's note takes NUL, BEL and ESC[31m (refused: {note_refused}) and carries them into {[k for k, v in carried.items() if v]} "
        f"(referral.pdf {pdf.status_code}); the override reason, review note and cohort label refuse the same text",
    )
    c = app.test_client()
    r = go(c, c.post("/adviser/", data={**CALL, "note": pasted}))
    call_page = c.get("/adviser/").get_data(as_text=True)
    report(
        REFUSED_WORDS in body_of(r) or CONTROL not in call_page,
        "S1",
        f"the call screen's note takes the same text and draws it back raw: {CONTROL in call_page}",
    )
    # names a trainer cannot tell apart or read
    code, _ = trainer_session(app, tr)
    accepted = {}
    for label, name in (("spaces", "   "), ("zero-width space", "\u200b"), ("right-to-left override", "\u202eR18BIDI"), ("NUL", "Al\x00ex")):
        _, r = join(app, code, name)
        accepted[label] = r.status_code in (302, 303) and "/practice/s/" in (r.location or "")
    live = tr.get(f"/practice/session/{code}").get_data(as_text=True)
    blank_rows = len(re.findall(r'<td class="govuk-table__cell">\s*(?:\u200b)?\s*</td>', live))
    report(
        not any(accepted.values()),
        "S2",
        f"the trainee's display name accepts {[k for k, v in accepted.items() if v]} (an empty display name is refused: 'Enter a display name'); "
        f"the trainer's live list has {blank_rows} name cell(s) that read as blank",
    )
    eid3 = saved_entry(app, pat, "R18-F3")
    go(pat, record(pat, "R18-F3", eid3, "extensive", "\u202eR18FLIP seen at home"))
    kept = sql(app, "select count(*) from overrides where reason like :r", r="%\u202e%")[0][0]
    report(kept == 0, "S2", f"the override reason keeps a right-to-left override character (U+202E), which reverses the reason's text as drawn: {kept} kept")


# ------------------------------------------------------------------ every form: bad input names the field, no 500, nothing lost
def fields():
    """Empty, too long, markup and control characters on each signed-in form. Oracle: GOV.UK's error pattern (an
    error summary whose message names the field or its label), no 5xx, and the earlier answers still there."""
    app = make_app(JOIN_LIMIT_PER_ADDRESS="1000/minute")
    pat = user(app, "pat", "practitioner")
    mgr = user(app, "mia", "manager")
    tr = user(app, "tom", "trainer")
    eid = saved_entry(app, pat, "R18-E1")
    code, _ = trainer_session(app, tr)
    bad = []

    def check(label, client, url, data, words):
        page = client.get(url).get_data(as_text=True)
        r = client.post(url, data={**hidden(page), **data})
        t = body_of(go(client, r))
        p = problem(t)
        if r.status_code >= 500 or not p or not any(w.lower() in p.lower() for w in words):
            bad.append(f"{label}: {r.status_code} {p[:100]!r}")

    assert walk(pat, [LOW]) == ""
    for v in ("", "x" * 400, "<b>R1</b>", "R18" + CONTROL, "Zoë-1"):
        check(f"save case_ref {v[:12]!r}", pat, "/save", {"case_ref": v}, ["case reference"])
    lvl = f"/cases/R18-E1/entries/{eid}/level"
    for v in ("", "x" * 4001):
        check(f"override reason {v[:5]!r}", pat, lvl, {"level": "extensive", "reason": v}, ["reason"])
    check("override level missing", pat, lvl, {"reason": "because"}, ["level"])
    check("override level <script>", pat, lvl, {"level": "<script>", "reason": "because"}, ["level"])
    go(pat, record(pat, "R18-E1", eid, "extensive", "seen at a home visit"))
    oid = sql(app, "select max(id) from overrides")[0][0]
    check("review note long", mgr, f"/overrides/{oid}/review", {"note": "x" * 2001}, ["note"])
    check("cohort long", tr, "/practice/new", {"cohort": "x" * 81}, ["cohort"])
    check("start with no scenario", tr, "/practice/new", {"cohort": "A"}, ["scenario"])
    t = app.test_client()
    for data, words in (
        ({"code": code, "name": ""}, ["display name"]),
        ({"code": code, "name": "x" * 41}, ["display name"]),
        ({"code": "", "name": "A"}, ["join code"]),
    ):
        check(f"join {data['name'][:5]!r} {data['code'][:3]!r}", t, "/practice/join", data, words)
    ac = app.test_client()
    check("sign-in username empty", ac, "/sign-in", {"username": "", "password": "x"}, ["username"])
    c = app.test_client()
    for v in ("eight", "٨", "8.5"):
        r = c.post("/adviser/", data={**CALL, "age_years": v})
        p = problem(body_of(go(c, r)))
        if r.status_code >= 500 or "age" not in p.lower():
            bad.append(f"call age {v!r}: {r.status_code} {p[:100]!r}")
    report(not bad, "NEW", f"bad input on the save, level, review, practice, join, sign-in and call forms names the field, no 5xx: {bad or 'all'}")
    pg = pat.get(f"/cases/R18-E1/entries/{eid}").get_data(as_text=True)
    report("seen at a home visit" in pg, "NEW", "after the refused level forms the recorded level and its reason are still on the entry")


# ------------------------------------------------------------------ API: error bodies name the JSON path
def api_errors():
    """Oracle: docs/contract.md's error shape ({"errors": [{"field": <path>, "message": ...}]}) and the path I wrote."""
    app = make_app()
    a = app.test_client()
    cases = [
        ({"child": {"age_years": "eight"}, "indicators": []}, "child.age_years"),
        ({"child": {"age_years": 8}, "indicators": ["nope.x"]}, "indicators[0]"),
        ({"child": {"age_years": 8}, "indicators": [LOW], "context": {"contact_time": "tomorrow"}}, "context.contact_time"),
        ({"child": {"age_years": 8}, "indicators": [LOW], "context": {"contact_time": "2027-12-27T10:00:00"}}, "context.contact_time"),
        ({"child": {"age_years": 8}, "indicators": [LOW], "context": {"caf": "maybe"}}, "context.caf"),
        ({"child": {"age_years": 8, "name": "R18NAME"}, "indicators": [LOW]}, "child.name"),
        ({"child": {"age_years": 8}, "indicators": [LOW, LOW]}, "indicators[1]"),
        ({"child": {"age_years": -1}, "indicators": [LOW]}, "child.age_years"),
        ({"child": {"age_years": 8}, "indicators": "x"}, "indicators"),
    ]
    TYPED.append("R18NAME")
    bad = []
    for body, path in cases:
        r = a.post("/api/v1/assess", json=body)
        fields_ = [e.get("field") for e in (r.get_json() or {}).get("errors", [])]
        if r.status_code != 422 or path not in fields_:
            bad.append(f"{path}: {r.status_code} {fields_}")
    report(not bad, "NEW", f"{len(cases)} refused API bodies name the JSON path: {bad or 'all'}")
    r = a.post("/api/v1/search", json={"q": "no routine"})
    fields_ = [e.get("field") for e in (r.get_json() or {}).get("errors", [])]
    report(r.status_code == 422 and "words" in fields_, "NEW", f"/api/v1/search with 'q' for 'words': {r.status_code} {fields_}")


# ------------------------------------------------------------------ paging of the saved lists
def paging():
    """First, last, empty and out-of-range pages of /cases and /overrides. Oracle: my count of what was saved and the
    page size I set (LIST_PAGE_SIZE=2): page 0, -1 and 'abc' read as page 1; a page past the end as the last page."""
    app = make_app(LIST_PAGE_SIZE=2)
    pat = user(app, "pat", "practitioner")
    mgr = user(app, "mia", "manager")
    empty = body_of(pat.get("/cases?page=99999999999999999999"))
    report("not saved any" in empty, "NEW", f"/cases with nothing saved and a huge page number: {empty[:70]!r}")
    refs = [f"R18-P{i}" for i in range(1, 6)]
    for ref in refs:
        eid = saved_entry(app, pat, ref)
        go(pat, record(pat, ref, eid, "extensive", f"reason for {ref}"))
    bad = []
    for url, who in (("/cases", pat), ("/overrides", mgr)):
        seen = {}
        for q in ("1", "2", "3", "0", "-1", "abc", "99999999999999999999", "3&sort=x"):
            r = who.get(f"{url}?page={q}")
            if r.status_code != 200:
                bad.append(f"{url}?page={q}: {r.status_code}")
                continue
            seen[q] = {ref for ref in refs if ref in body_of(r)}
        union = seen.get("1", set()) | seen.get("2", set()) | seen.get("3", set())
        if union != set(refs):
            bad.append(f"{url}: pages 1-3 show {sorted(union)}")
        if seen.get("0") != seen.get("1") or seen.get("-1") != seen.get("1") or seen.get("abc") != seen.get("1"):
            bad.append(f"{url}: page 0/-1/abc not page 1")
        if seen.get("99999999999999999999") != seen.get("3"):
            bad.append(f"{url}: a huge page is not the last page ({seen.get('99999999999999999999')} vs {seen.get('3')})")
    report(not bad, "NEW", f"/cases and /overrides, 5 items 2 a page: pages 1-3 hold all, 0/-1/abc read as 1, a huge number as the last: {bad or 'yes'}")


# ------------------------------------------------------------------ 404/405/413/429 on each blueprint
def status():
    """Oracle: the service's own error page (its heading, 'Go to the start page'), no stack trace or framework words;
    the API answers JSON naming '(request)'."""
    app = make_app(JOIN_LIMIT_PER_ADDRESS="3/minute")
    pat = user(app, "pat", "practitioner")
    leaks = re.compile(r"Traceback|werkzeug|jinja2|sqlalchemy|File \"/", re.I)
    bad = []
    html = [
        ("get", "/needs/nope"),
        ("get", "/adviser/nope"),
        ("get", "/cases/R18-NONE/entries/1"),
        ("get", "/cases/R18-NONE/entries/99999999999999999999"),
        ("get", "/practice/scenarios/nope/versions/1.yaml"),
        ("get", "/admin/nope"),
        ("put", "/cases"),
        ("delete", "/adviser/"),
        ("post", "/result"),
        ("patch", "/practice/join"),
        ("post", "/referral.txt"),
        ("get", "/sign-out"),
    ]
    for m, url in html:
        r = getattr(pat, m)(url)
        t = r.get_data(as_text=True)
        if r.status_code >= 500 or r.status_code < 400 or leaks.search(t) or "Go to the start page" not in t:
            bad.append(f"{m.upper()} {url}: {r.status_code}")
    for m, url in (("get", "/api/v1/nope"), ("delete", "/api/v1/assess"), ("get", "/api/v1/search")):
        r = getattr(pat, m)(url)
        j = r.get_json(silent=True) or {}
        if r.status_code not in (404, 405) or not j.get("errors"):
            bad.append(f"{m.upper()} {url}: {r.status_code} {r.content_type}")
    big = "x" * (app.config.get("MAX_CONTENT_LENGTH", 65536) + 10)
    for url in ("/adviser/", "/practice/join", "/sign-in", "/note", "/api/v1/assess", "/api/v1/search"):
        r = app.test_client().post(url, data={"note": big})
        t = r.get_data(as_text=True)
        if r.status_code != 413 or leaks.search(t):
            bad.append(f"POST {url} too large: {r.status_code}")
    t = app.test_client()
    codes = [join(app, "ZZZZZZ", "A")[1].status_code for _ in range(5)]
    page429 = t.post("/practice/join", data={"code": "ZZZZZZ", "name": "A"})
    if 429 not in codes and page429.status_code != 429:
        bad.append(f"join limit never reached: {codes}")
    report(
        not bad, "NEW", f"{len(html)} HTML 404/405s, 3 API ones, 6 too-large posts and the join limit's 429 are the service's pages, no trace: {bad or 'all'}"
    )


# ------------------------------------------------------------------ downloads: names and words
def downloads():
    """Oracle: nothing typed in a file name; the referral's text download says the page's level, ring-now and each
    contact's number; the entry's document (/cases/<ref>/entries/<id>/document) the entry's level."""
    app = make_app(OFFICE_HOURS=default_hours())
    pat = user(app, "pat", "practitioner")
    tr = user(app, "tom", "trainer")
    at(local((2027, 12, 29, 10, 0)))
    pat, tr = sign_in(app, "pat"), sign_in(app, "tom")  # the clock moved on: earlier sign-ins have ended
    TYPED.append("R18DLNOTE")
    assert walk(pat, [LOW], safety=[ALLEGATION]) == ""
    pg = pat.get("/result").get_data(as_text=True)
    go(pat, pat.post("/note", data={**hidden(pg), "note": "R18DLNOTE nan"}))
    pg = pat.get("/save").get_data(as_text=True)
    go(pat, pat.post("/save", data={**hidden(pg), "case_ref": "R18-D1"}))
    eid = sql(app, "select max(id) from assessments")[0][0]
    names = {}
    for url in ("/referral.txt", "/referral.pdf", "/cases/R18-D1/export.csv", "/cases/R18-D1/export.json", f"/cases/R18-D1/entries/{eid}/document"):
        r = pat.get(url)
        names[url] = (r.status_code, r.headers.get("Content-Disposition", "(none)"))
    code, _ = trainer_session(app, tr)
    sp = tr.get(f"/practice/session/{code}").get_data(as_text=True)
    tr.post(f"/practice/session/{code}/end", data=hidden(sp))
    r = tr.get(f"/practice/session/{code}/summary.csv")
    names["summary.csv"] = (r.status_code, r.headers.get("Content-Disposition", "(none)"))
    leaked = [u for u, (_, d) in names.items() if "R18DLNOTE" in d or "nan" in d.lower()]
    report(not leaked, "NEW", f"download file names hold nothing typed but the case reference: {names}")
    doc = pat.get(f"/cases/R18-D1/entries/{eid}/document")
    entry = body_of(pat.get(f"/cases/R18-D1/entries/{eid}"))
    dt = doc.get_data(as_text=True) if doc.status_code == 200 and "pdf" not in doc.content_type else ""
    report(
        doc.status_code == 200 and ("Protection" in dt or doc.content_type.endswith("pdf")) and "Protection" in entry,
        "NEW",
        f"the saved entry's document: {doc.status_code} {doc.content_type}; the entry page says Protection: {'Protection' in entry}",
    )
    txt = pat.get("/referral.txt").get_data(as_text=True)
    res = body_of(pat.get("/result"))
    nums = sorted(set(re.findall(r"0115 \d{3} \d{4}", res)))
    report(
        all(n in txt for n in nums) and ring_team(res) == CFD_NAME and CFD_NAME in txt,
        "NEW",
        f"referral.txt carries every number on the result page {nums}: {[n for n in nums if n not in txt] or 'all'}; ring-now {ring_team(res)}",
    )
    at(None)


# ------------------------------------------------------------------ check your answers: change links and back
def change():
    """Oracle: the GOV.UK check-answers pattern: each Change link opens its question with the answer kept, its Back
    returns to the check page, and sending it returns to the check page with the other answers kept."""
    app = make_app()
    c = app.test_client()
    assert walk(c, [LOW, ABSENT]) == ""
    h = c.get("/check").get_data(as_text=True)
    links = [(href, " ".join(re.sub(r"<[^>]+>", " ", t).split())) for href, t in re.findall(r'<a[^>]*href="([^"]+)"[^>]*>(.*?)</a>', h, re.S)]
    changes = [(href, t) for href, t in links if t.startswith("Change")]
    # the row's own label lower-cased: an initialism read as a word, a label that needs its question back
    lower = [t for _, t in changes if t in ("Change caf", "Change level supported at now")]
    report(
        not lower, "S3", f"the check page's Change links read aloud as {[t for _, t in changes][2:7]} (rows 'CAF', 'Level supported at now'): {lower or 'fine'}"
    )
    bad = []
    for href, t in changes:
        page = c.get(href).get_data(as_text=True)
        back = re.search(r'class="govuk-back-link"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*class="govuk-back-link', page)
        back_to = (back.group(1) or back.group(2)) if back else "(none)"
        if back_to not in ("/check",):
            bad.append(f"{t}: Back goes to {back_to}")
    report(not bad, "NEW", f"every Change page's Back link returns to the check page: {bad or 'yes'}")
    dim = R12.CAT.indicator(LOW).dimension
    page_id = R12.page_of(LOW)
    h = c.get(f"/needs/{page_id}?change=1").get_data(as_text=True)
    kept = f'value="{LOW}"' in h and "checked" in h.split(f'value="{LOW}"', 1)[1][:80]
    r = c.post(f"/needs/{page_id}?change=1", data={dim: []})
    after = body_of(c.get("/result"))
    report(
        kept and r.location.endswith("/check") and R12.level_shown(after) == "Extensive",
        "NEW",
        f"Change on the page of low self-esteem: ticked {kept}; sent without it: to {r.location}; the result then {R12.level_shown(after)} (absenteeism kept)",
    )


# ------------------------------------------------------------------ the session ends mid-journey
def expiry():
    """The anonymous journey's server-side session ends (idle) between two pages. Oracle: the brief's 'a clear message,
    nothing lost silently': the next page must say the answers were cleared, not carry on as if they were there."""
    app = make_app()
    c = app.test_client()
    c.post("/start-again")
    c.post("/safety", data={"immediate": ["none"]})
    c.post("/child", data=R12.CHILD)
    sql(app, "delete from web_sessions")  # what the 8-hour deletion does (templates/journey/no_answers.html)
    dim = R12.CAT.indicator(LOW).dimension
    page_id = R12.page_of(LOW)
    r = c.post(f"/needs/{page_id}", data={dim: [LOW]})
    t = body_of(go(c, r))
    said = bool(re.search(r"(?i)expired|deleted|were cleared|no longer|timed out", t))
    res = body_of(go(c, c.get("/result")))
    report(
        said,
        "S4",
        f"the answers' 8 hours ended between the child page and a needs page: sending the needs page (low self-esteem ticked) "
        f"leads to {r.location!r}, which says {t[:80]!r} and nothing of the answers ending; /result at the same moment says {res[:90]!r}",
    )
    c2 = app.test_client()
    c2.post("/adviser/", data={**CALL, "note": "R18 first words"})
    sql(app, "delete from web_sessions")
    r = go(c2, c2.post("/adviser/", data={**CALL, "note": "R18 first words and more", "immediate": [ALLEGATION]}))
    page = r.get_data(as_text=True)
    report(
        "R18 first words and more" in page and "through now" in body_of(r),
        "NEW",
        "the call screen after its session ended: the form's own fields carry the call (the note and the ring-now kept)",
    )


# ------------------------------------------------------------------ bank-holiday and opening edges, call screen against the result page
EDGES = [
    ((2027, 12, 24, 16, 59), True, "Christmas Eve 2027 (Friday) 16:59"),
    ((2027, 12, 24, 17, 0), False, "Christmas Eve 2027 (Friday) 17:00"),
    ((2027, 12, 29, 8, 29), False, "Wednesday 29 December 2027 08:29, after both substitute days"),
    ((2027, 12, 29, 8, 30), True, "Wednesday 29 December 2027 08:30"),
    ((2028, 1, 3, 16, 59), False, "Monday 3 January 2028 16:59, substitute for New Year's Day"),
    ((2028, 1, 4, 8, 30), True, "Tuesday 4 January 2028 08:30"),
    ((2027, 11, 1, 8, 29), False, "Monday 1 November 2027 08:29 GMT (clocks went back 31 October)"),
    ((2027, 11, 1, 8, 30), True, "Monday 1 November 2027 08:30 GMT"),
    ((2028, 3, 27, 8, 30), True, "Monday 27 March 2028 08:30 BST (clocks went forward 26 March)"),
    ((2028, 4, 13, 17, 0), False, "Thursday 13 April 2028 17:00, before Good Friday"),
    ((2028, 4, 18, 8, 29), False, "Tuesday 18 April 2028 08:29, after Easter Monday"),
    ((2028, 4, 18, 8, 30), True, "Tuesday 18 April 2028 08:30"),
    ((2028, 5, 26, 16, 59), True, "Friday 26 May 2028 16:59, before the spring bank holiday"),
    ((2028, 8, 28, 8, 30), False, "Monday 28 August 2028 08:30, summer bank holiday"),
    ((2028, 12, 27, 8, 30), True, "Wednesday 27 December 2028 08:30"),
]


def edges():
    """A p9 allegation at opening/closing minutes either side of England's 2027-2028 bank holidays and both clock
    changes, written by hand (GOV.UK's list; BST from the last Sunday of March to the last Sunday of October). The
    result page, the call screen's status, the call summary's route and its time line, referral.txt and the API.
    Oracle: the hand table (open: Children and Families Direct, p4; closed: the Emergency Duty Team, p23); a closed
    weekday inside 08:30-17:00 names its bank holiday on the time line, an ordinary evening names none."""
    app = make_app(OFFICE_HOURS=default_hours())
    user(app, "pat", "practitioner")
    wrong: dict[str, list[str]] = {}
    time_lines = {}
    for parts, open_, why in EDGES:
        at(local(parts))
        want = CFD_NAME if open_ else EDT_NAME
        pat = sign_in(app, "pat")
        assert walk(pat, [LOW], safety=[ALLEGATION]) == ""
        seen = {"result page": ring_team(body_of(pat.get("/result")))}
        txt = pat.get("/referral.txt").get_data(as_text=True)
        seen["referral.txt route"] = team_of(txt.split("ROUTE\n", 1)[1].split("\n", 1)[0]) if "ROUTE\n" in txt else "(no route)"
        c = app.test_client()
        j = c.post("/adviser/", data={**CALL, "immediate": [ALLEGATION]}, headers=FETCH).get_json()
        seen["call screen status"] = team_of(j["status"]) if j.get("put_through_now") else "(not put through)"
        summ = summary_of(c)
        seen["call summary route"] = team_of(next((ln for ln in summ.splitlines() if ln.startswith("Route:")), ""))
        time_lines[why] = next((ln for ln in summ.splitlines() if ln.startswith("Time:")), "")
        api = app.test_client().post("/api/v1/assess", json={"child": {"age_years": 8}, "indicators": [ALLEGATION]}).get_json()
        seen["API"] = route_team(api["route"])
        for s, team in seen.items():
            if team != want:
                wrong.setdefault(s, []).append(f"{why}: {team}")
    at(None)
    for s in ("result page", "referral.txt route", "call screen status", "call summary route", "API"):
        report(s not in wrong, "NEW", f"{s} at {len(EDGES)} hand-written edge minutes: {wrong.get(s) or 'all as the table'}")
    named = {w: ln for w, ln in time_lines.items() if ("3 January 2028" in w or "28 August 2028" in w)}
    plain = {w: ln for w, ln in time_lines.items() if "Christmas Eve 2027 (Friday) 17:00" in w or "08:29 GMT" in w}
    ok_named = all(re.search(r"(?i)bank holiday|New Year|Summer", ln) for ln in named.values())
    ok_plain = not any(re.search(r"(?i)bank holiday|Christmas", ln) for ln in plain.values())
    report(
        ok_named and ok_plain,
        "NEW",
        f"the summary's time line names a closed bank-holiday weekday and no holiday on an ordinary closed minute: {named} {plain}",
    )
    bad = []
    for parts, open_, why in (EDGES[1], EDGES[3]):
        body = json.dumps({"child": {"age_years": 8}, "indicators": [ALLEGATION], "context": {"contact_time": local(parts).isoformat()}})
        rc, out, err = R17.cli(["assess", "-"], stdin=body)
        team = route_team(json.loads(out)["route"]) if rc == 0 else f"exit {rc}"
        if team != (CFD_NAME if open_ else EDT_NAME):
            bad.append(f"{why}: {team}")
    zero = {w: ln for w, ln in time_lines.items() if re.search(r"day 0\d ", ln)}
    report(
        not zero,
        "S5",
        f"the call summary's time line writes the day with a leading zero ({list(zero.values())[:2]}); the call screen's own time line, "
        "the result page and the written referral write '3 January 2028'",
    )
    report(not bad, "NEW", f"pathway assess at two of the edges: {bad or 'as the table'}")


# ------------------------------------------------------------------ roles: the routes earlier reviews did not sweep
def roles():
    """Oracle: docs/security.md: a saved case's pages for its saver and the team's managers; others 404 alike."""
    app = make_app()
    pat = user(app, "pat", "practitioner")
    eid = saved_entry(app, pat, "R18-R1")
    others = {
        "practitioner, Team B": user(app, "pb", "practitioner", team="Team B"),
        "manager, Team B": user(app, "mb", "manager", team="Team B"),
        "trainer": user(app, "tt", "trainer"),
        "adviser": user(app, "ad", "adviser"),
    }
    bad = []
    for who, c in others.items():
        for url in (f"/cases/R18-R1/entries/{eid}/document", f"/cases/R18-R1/entries/{eid}/level"):
            if c.get(url).status_code != 404:
                bad.append(f"{who} GET {url}: {c.get(url).status_code}")
        r = c.post(f"/cases/R18-R1/entries/{eid}/assess-again")
        if r.status_code != 404:
            bad.append(f"{who} POST assess-again: {r.status_code}")
        r = c.post(f"/cases/R18-R1/entries/{eid}/level", data={"level": "universal", "reason": "R18ROLE"})
        if r.status_code not in (403, 404):
            bad.append(f"{who} POST level: {r.status_code}")
    n = sql(app, "select count(*) from overrides")[0][0]
    report(not bad and n == 0, "NEW", f"the entry's document, level form and assess-again for 4 other accounts: {bad or '404 each'}; levels recorded {n}")


SECTIONS = ("free_text", "fields", "api_errors", "paging", "status", "downloads", "change", "expiry", "edges", "roles")


def _section(name: str) -> None:
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
