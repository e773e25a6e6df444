"""Review 21 (surfaces): classes no review had tried. Changes no product code.

Run from the worktree:
    .venv/bin/python docs/review21-surfaces-cases.py all
    # or any of: downloads unicode double headers errors openapi paging cli_help titles

The harness is review 20's runner (docs/review20-surfaces-cases.py), which binds reviews 19, 18, 17, 16, 15 and 12's
helpers (make_app, user, walk, hidden, sql, saved_entry, record, go, world, concrete): imported, not copied. Each
section makes its own app on a throwaway SQLite database (Flask test client, PROPAGATE_EXCEPTIONS off so a defect
shows the page a user sees). Accounts are made with store.users.create_user and signed in through /sign-in. The CLI
runs as `python -m cli.main` in a real process. Each check prints "OK      ..." or "FINDING Sn: ..."; NOTE lines are
not counted.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import sys
from pathlib import Path
from traceback import format_exc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_spec = importlib.util.spec_from_file_location("review20_surfaces", ROOT / "docs" / "review20-surfaces-cases.py")
R20 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(R20)  # type: ignore[union-attr]
R19 = R20.R19
make_app, user, walk, hidden, sql, saved_entry, record, go, world, concrete, cli = (
    R20.make_app,
    R20.user,
    R20.walk,
    R20.hidden,
    R20.sql,
    R20.saved_entry,
    R20.record,
    R20.go,
    R20.world,
    R20.concrete,
    R20.cli,
)
trainer_session, join, problem, import_yaml, scenario_yaml, title_of = (
    R20.trainer_session,
    R20.join,
    R20.problem,
    R20.import_yaml,
    R20.scenario_yaml,
    R20.title_of,
)
LOW = R20.LOW
COUNT = {"OK": 0, "FINDING": 0}
SERVICE = " – Family Support Pathway"
SECURITY = ("Content-Security-Policy", "X-Frame-Options", "Referrer-Policy", "X-Content-Type-Options")


def report(ok: bool, fid: str, msg: str):
    COUNT["OK" if ok else "FINDING"] += 1
    print(("OK      " if ok else f"FINDING {fid}: ") + msg, flush=True)


def note(msg: str):
    print("NOTE    " + msg, flush=True)


def live_cells(body: str) -> list[str]:
    """OWASP CSV injection: a cell a spreadsheet would run (first character = + - @ tab CR; a bare number is data)."""
    out = []
    for row in csv.reader(io.StringIO(body.lstrip("\ufeff"))):
        for cell in row:
            if cell[:1] in ("=", "+", "@", "\t", "\r") or (cell[:1] == "-" and not re.fullmatch(r"-?\d+(\.\d+)?", cell)):
                out.append(cell[:40])
    return out


# ------------------------------------------------------------------ downloads: every file the app writes
def downloads():
    """Oracles: OWASP "CSV injection" (no typed cell starts = + - @ tab CR), RFC 6266 (a Content-Disposition
    filename is a quoted-string of visible ASCII, no quote, backslash or line break), and the page itself (the
    summary's figures in the CSV are the figures the summary page shows)."""
    app, who, v = world()
    pat, tr = who["practitioner"], who["trainer"]
    eid = v["eid"]
    # every typed cell of export.csv that reviews 19/20 did not try: the in-error reason, earlier levels' reasons
    go(pat, record(pat, "R20-G1", eid, "child_in_need", "-1+2 second reason"))
    mark = f"/cases/R20-G1/entries/{eid}/in-error"
    pg = pat.get(mark).get_data(as_text=True)
    go(pat, pat.post(mark, data={**hidden(pg), "reason": "@SUM(1,1) typed the wrong reference"}))
    body = pat.get("/cases/R20-G1/export.csv").get_data(as_text=True)
    report(
        not live_cells(body), "NEW", f"export.csv with an in-error reason '@SUM...' and earlier reasons '-1+2...': no live cell: {live_cells(body) or 'none'}"
    )
    # the practice summary: titles and display names with a tab or CR first, as a paste from a spreadsheet brings
    import_yaml(tr, scenario_yaml("r21-csv", "+44 title"))
    nf = tr.get("/practice/new").get_data(as_text=True)
    code = tr.post("/practice/new", data={**hidden(nf), "scenarios": ["r21-csv"], "cohort": "=cohort"}).location.rstrip("/").split("/")[-1]
    names = ("=1+1", "\t=2+2", "@Ann", "-Tom")
    for name in names:
        t, r = join(app, code, name)
        go(t, r)
        pg = t.get(f"/practice/s/{code}/r21-csv").get_data(as_text=True)
        t.post(f"/practice/s/{code}/r21-csv", data={**hidden(pg), "level": "additional", "confirm_empty": "1", "ind_identity": [LOW]})
    sp = tr.get(f"/practice/session/{code}").get_data(as_text=True)
    tr.post(f"/practice/session/{code}/end", data=hidden(sp))
    csvbody = tr.get(f"/practice/session/{code}/summary.csv").get_data(as_text=True)
    report(
        not live_cells(csvbody), "NEW", f"summary.csv (a title '+44', names '=1+1', tab '=2+2', '@Ann', '-Tom'): no live cell: {live_cells(csvbody) or 'none'}"
    )
    # the same figures as the page: each trainee's and scenario's answered count and agreement
    page = tr.get(f"/practice/session/{code}/summary").get_data(as_text=True)
    rows = [r for r in csv.reader(io.StringIO(csvbody.lstrip("\ufeff")))][1:]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    missing = [
        f"{r[0]} {r[3]}%" for r in rows if r[0] in ("session", "scenario", "trainee") and r[3] and f"{r[3]}%" not in text and f"{float(r[3]):.0f}%" not in text
    ]
    report(not missing, "NEW", f"summary.csv's agreement percentages each appear on the summary page: {missing or 'all'} ({len(rows)} rows)")
    # every download's Content-Disposition, against RFC 6266's quoted-string
    urls = [
        (pat, "/cases/R20-G1/export.csv"),
        (pat, "/cases/R20-G1/export.json"),
        (tr, f"/practice/session/{code}/summary.csv"),
        (tr, "/practice/scenarios/export.yaml"),
        (tr, "/practice/scenarios/r21-csv.yaml"),
        (tr, "/practice/scenarios/r21-csv/versions/1.yaml"),
    ]
    bad, seen = [], []
    for c, url in urls:
        r = c.get(url)
        cd = r.headers.get("Content-Disposition", "")
        seen.append(cd.split("filename=")[-1])
        m = re.fullmatch(r'attachment; filename="([\x21\x23-\x5b\x5d-\x7e]+)"', cd)
        if r.status_code != 200 or not m or r.headers.get("Cache-Control") != "no-store" or r.headers.get("X-Content-Type-Options") != "nosniff":
            bad.append(f"{url}: {r.status_code} {cd!r} {r.headers.get('Cache-Control')}")
    report(not bad, "NEW", f"6 downloads: attachment, an ASCII quoted filename, no-store, nosniff: {bad or seen}")
    # a case reference is the filename's only typed part: which characters can a saved reference carry?
    from store.case_ref import validate_case_ref

    odd = []
    for ref in ('A"B', "A\nB", "AÉ", "A;B", "A B", "a/b", "A\\B"):
        try:
            odd.append(f"{ref!r}->{validate_case_ref(ref)!r}")
        except Exception:
            pass
    report(
        all(re.fullmatch(r"[\x21\x23-\x5b\x5d-\x7e]+", s.split("->")[1].strip("'")) for s in odd),
        "NEW",
        f"a case reference the store takes never breaks the filename: {odd or 'all seven odd references refused'}",
    )
    # the referral's downloads and the owners' report: a fixed name
    c = app.test_client()
    walk(c, [LOW])
    for url in ("/referral.txt", "/referral.pdf"):
        r = c.get(url)
        cd = r.headers.get("Content-Disposition", "")
        report(
            r.status_code == 200 and bool(re.fullmatch(r'attachment; filename="referral\.(txt|pdf)"', cd)) and r.headers.get("Cache-Control") == "no-store",
            "NEW",
            f"{url}: {r.status_code} {cd!r} no-store",
        )


# ------------------------------------------------------------------ unicode: bidi and invisible characters
BIDI = {"U+202E": "\u202e", "U+2066": "\u2066"}
INVISIBLE = {"U+200B": "\u200b", "U+200F": "\u200f", "U+061C": "\u061c", "U+2028": "\u2028", "TAG": "\U000e0041"}


def unicode():
    """Oracle: pathway/written_text.py's declared rule (bidi embedding/override/isolate refused in every free-text
    field, named) and, for what it leaves, a trainer's list: two names that draw alike are two people the trainer
    cannot tell apart."""
    app, who, v = world()
    pat, mgr, tr = who["practitioner"], who["manager"], who["trainer"]
    # each bidi control in a display name, a cohort, a reason, a review note, an in-error reason, a journey note
    took = []
    for label, ch in BIDI.items():
        t, r = join(app, v["code"], f"Ann{ch}ayaS")
        if sql(app, "select count(*) from practice_trainees where name like :n", n=f"%{ch}%")[0][0]:
            took.append(f"display name {label}")
        nf = tr.get("/practice/new").get_data(as_text=True)
        tr.post("/practice/new", data={**hidden(nf), "scenarios": [v["sid"]], "cohort": f"C{ch}21"})
        if sql(app, "select count(*) from practice_results where cohort like :n", n=f"%{ch}%")[0][0]:
            took.append(f"cohort {label}")
        eid = saved_entry(app, pat, f"R21-U{label[-1]}")
        record(pat, f"R21-U{label[-1]}", eid, "extensive", f"seen {ch}at home")
        if sql(app, "select count(*) from overrides where reason like :n", n=f"%{ch}%")[0][0]:
            took.append(f"reason {label}")
        mark = f"/cases/R21-U{label[-1]}/entries/{eid}/in-error"
        pg = pat.get(mark).get_data(as_text=True)
        pat.post(mark, data={**hidden(pg), "reason": f"wrong {ch}ref"})
        if sql(app, "select count(*) from entry_marks where reason like :n", n=f"%{ch}%")[0][0]:
            took.append(f"in-error reason {label}")
        c = app.test_client()
        walk(c, [LOW])
        pg = c.get("/check").get_data(as_text=True)
        c.post("/note", data={**hidden(pg), "note": f"n{ch}ote"})
        if ch in c.get("/referral.txt").get_data(as_text=True):
            took.append(f"journey note {label}")
        oid = sql(app, "select max(id) from overrides")[0][0]
        pg = mgr.get(f"/overrides/{oid}/review").get_data(as_text=True)
        mgr.post(f"/overrides/{oid}/review", data={**hidden(pg), "note": f"ok {ch}fine"})
        if sql(app, "select count(*) from override_reviews where note like :n", n=f"%{ch}%")[0][0]:
            took.append(f"review note {label}")
    report(
        not took,
        "NEW",
        f"U+202E and U+2066 refused in display name, cohort, level reason, in-error reason, journey note, review note (from the store): {took or 'all'}",
    )
    # invisible characters that are not bidi controls: are two trainees whose names draw alike told apart?
    code, _ = trainer_session(app, tr, 1)
    joined = []
    for label, ch in {"plain": "", **INVISIBLE}.items():
        t, r = join(app, code, f"Tara{ch}")
        joined.append(f"{label}:{r.status_code}")
    page = tr.get(f"/practice/session/{code}").get_data(as_text=True)
    names = [n for n in sql(app, "select name from practice_trainees where code=:c", c=code)]
    alike = [n[0] for n in names if "".join(ch for ch in n[0] if ch.isprintable() and ch not in "\u200b\u200f\u061c\u2028\U000e0041") == "Tara"]
    report(
        len(alike) <= 1,
        "S2",
        f"'Tara' then 'Tara'+each of U+200B, U+200F (RLM), U+061C (ALM), U+2028, a tag letter: {joined}; trainees stored that draw as 'Tara': {len(alike)}, "
        f"{[a.encode('unicode_escape').decode() for a in alike]}",
    )
    same = tr.get(f"/practice/session/{code}").get_data(as_text=True).count(">Tara")
    note(f"the trainer's session page draws '>Tara' {same} times; remove buttons on it: {page.count('/remove')}")
    # the same name typed twice, plain: taken twice?
    t, r = join(app, code, "Tara")
    note(f"a second plain 'Tara' in the same session: {r.status_code} ({'taken' if r.status_code in (302, 303) else 'refused'})")
    # a cohort label with an invisible character: one cohort, or two links that read alike (review 20 S4's class)
    for label in ("Spring R21", "Spring\u200b R21", "Spring R21\u2060"):
        nf = tr.get("/practice/new").get_data(as_text=True)
        cd = tr.post("/practice/new", data={**hidden(nf), "scenarios": [v["sid"]], "cohort": label}).location.rstrip("/").split("/")[-1]
        sp = tr.get(f"/practice/session/{cd}").get_data(as_text=True)
        tr.post(f"/practice/session/{cd}/end", data=hidden(sp))
    cohorts = [r[0] for r in sql(app, "select distinct cohort from practice_results where cohort like 'Spring%'")]
    page = tr.get("/practice/cohorts").get_data(as_text=True)
    links = len(re.findall(r">\s*Spring\W{0,3}R21", page))
    report(
        len(cohorts) == 1,
        "S1",
        f"cohort 'Spring R21' typed plain, with a zero-width space, with a word joiner: {len(cohorts)} cohorts stored "
        f"{[c.encode('unicode_escape').decode() for c in cohorts]}; /practice/cohorts draws {links} links reading 'Spring R21'",
    )
    # stored as typed: a name with a zero-width joiner (an emoji sequence) comes back whole
    t, r = join(app, code, "Ravi \U0001f469\u200d\U0001f4bb")
    stored = sql(app, "select name from practice_trainees order by id desc limit 1")[0][0]
    report(
        stored == "Ravi \U0001f469\u200d\U0001f4bb", "NEW", f"a name with a ZWJ emoji sequence is stored as typed: {stored.encode('unicode_escape').decode()}"
    )


# ------------------------------------------------------------------ two tabs and double submit
def double():
    """Oracle: each write's form carries a form_token (webapp.form_tokens): the same form posted twice (two tabs,
    a double click, a resubmit) is one write. A practice answer after the session ended, and a review of an entry
    marked saved in error, are refused or said plainly. After sign-out no personal page is served (the browser's
    Back needs no-store: covered by review 20's caching; here the pages' answers after sign-out)."""
    app, who, v = world()
    pat, mgr, tr = who["practitioner"], who["manager"], who["trainer"]
    # save twice from one form
    walk(pat, [LOW])
    pg = pat.get("/save").get_data(as_text=True)
    n0 = sql(app, "select count(*) from assessments")[0][0]
    form = {**hidden(pg), "case_ref": "R21-D1"}
    pat.post("/save", data=form)
    r2 = pat.post("/save", data=form)
    n1 = sql(app, "select count(*) from assessments")[0][0]
    report(n1 - n0 == 1, "NEW", f"/save posted twice from one page: {n1 - n0} entries (second answer {r2.status_code})")
    eid = sql(app, "select max(id) from assessments")[0][0]
    # a level recorded twice from one page
    url = f"/cases/R21-D1/entries/{eid}/level"
    pg = pat.get(url).get_data(as_text=True)
    form = {**hidden(pg), "level": "extensive", "reason": "seen at home twice"}
    o0 = sql(app, "select count(*) from overrides")[0][0]
    pat.post(url, data=form)
    r2 = pat.post(url, data=form)
    o1 = sql(app, "select count(*) from overrides")[0][0]
    report(o1 - o0 == 1, "NEW", f"a level posted twice from one page: {o1 - o0} recorded (second answer {r2.status_code})")
    oid = sql(app, "select max(id) from overrides")[0][0]
    # a review posted twice from one page
    rv = f"/overrides/{oid}/review"
    pg = mgr.get(rv).get_data(as_text=True)
    form = {**hidden(pg), "note": "discussed"}
    mgr.post(rv, data=form)
    r2 = go(mgr, mgr.post(rv, data=form))
    n = sql(app, "select count(*) from override_reviews where override_id=:o", o=oid)[0][0]
    report(n == 1, "NEW", f"a review posted twice from one page: {n} reviews (second answer {r2.status_code})")
    # in-error marked twice from one page
    mark = f"/cases/R21-D1/entries/{eid}/in-error"
    pg = pat.get(mark).get_data(as_text=True)
    form = {**hidden(pg), "reason": "wrong reference"}
    pat.post(mark, data=form)
    pat.post(mark, data=form)
    m = sql(app, "select count(*) from entry_marks")[0][0]
    report(m == 1, "NEW", f"'saved in error' posted twice from one page: {m} marks")
    # a level recorded on an entry marked saved in error, from a page drawn before the mark (two tabs)
    eid2 = saved_entry(app, pat, "R21-D2")
    lv = f"/cases/R21-D2/entries/{eid2}/level"
    lvpage = pat.get(lv).get_data(as_text=True)
    mark2 = f"/cases/R21-D2/entries/{eid2}/in-error"
    pg = pat.get(mark2).get_data(as_text=True)
    pat.post(mark2, data={**hidden(pg), "reason": "wrong child"})
    o0 = sql(app, "select count(*) from overrides")[0][0]
    r = go(pat, pat.post(lv, data={**hidden(lvpage), "level": "extensive", "reason": "recorded in the other tab"}))
    o1 = sql(app, "select count(*) from overrides")[0][0]
    said = "saved in error" in r.get_data(as_text=True)
    report(
        o1 == o0 or said,
        "NEW",
        f"a level sent from a tab drawn before the entry was marked saved in error: {o1 - o0} recorded, the page says 'saved in error': {said}",
    )
    # a review of an override whose entry is marked saved in error
    eid3 = saved_entry(app, pat, "R21-D3")
    go(pat, record(pat, "R21-D3", eid3, "extensive", "seen at home"))
    oid3 = sql(app, "select max(id) from overrides")[0][0]
    rv3 = f"/overrides/{oid3}/review"
    rvpage = mgr.get(rv3).get_data(as_text=True)
    mark3 = f"/cases/R21-D3/entries/{eid3}/in-error"
    pg = pat.get(mark3).get_data(as_text=True)
    pat.post(mark3, data={**hidden(pg), "reason": "wrong child"})
    r = go(mgr, mgr.post(rv3, data={**hidden(rvpage), "note": "reviewed in the other tab"}))
    n = sql(app, "select count(*) from override_reviews where override_id=:o", o=oid3)[0][0]
    body = r.get_data(as_text=True)
    fresh = "saved in error" in mgr.get(rv3).get_data(as_text=True).lower()
    after = "saved in error" in body.lower()
    report(
        not fresh or after,
        "NEW",
        f"a review sent from a tab drawn before its entry was marked saved in error: {n} review(s) recorded; the review page drawn now says "
        f"'saved in error': {fresh}; the page after the stale post says it: {after} ({r.request.path})",
    )
    # a practice answer after the session ended
    code, ids = trainer_session(app, tr, 1)
    t, r = join(app, code, "Lena")
    go(t, r)
    apage = t.get(f"/practice/s/{code}/{ids[0]}").get_data(as_text=True)
    sp = tr.get(f"/practice/session/{code}").get_data(as_text=True)
    tr.post(f"/practice/session/{code}/end", data=hidden(sp))
    a0 = sql(app, "select count(*) from practice_answers")[0][0]
    r = go(t, t.post(f"/practice/s/{code}/{ids[0]}", data={**hidden(apage), "level": "additional", "confirm_empty": "1"}))
    a1 = sql(app, "select count(*) from practice_answers")[0][0]
    body = " ".join(re.sub(r"<[^>]+>", " ", r.get_data(as_text=True)).split())
    ended = re.search(r"ended|closed|finished", body, re.I)
    report(
        a1 == a0 and r.status_code < 500 and bool(ended),
        "NEW",
        f"an answer posted after the session ended: {a1 - a0} stored, {r.status_code}, says it ended: {bool(ended)}",
    )
    # a practice answer posted twice
    code, ids = trainer_session(app, tr, 1)
    t, r = join(app, code, "Omar")
    go(t, r)
    apage = t.get(f"/practice/s/{code}/{ids[0]}").get_data(as_text=True)
    form = {**hidden(apage), "level": "additional", "confirm_empty": "1"}
    t.post(f"/practice/s/{code}/{ids[0]}", data=form)
    t.post(f"/practice/s/{code}/{ids[0]}", data=form)
    n = sql(app, "select count(*) from practice_answers a join practice_trainees t on a.trainee_id=t.id where t.name='Omar'")[0][0]
    report(n == 1, "NEW", f"a practice answer posted twice: {n} answers kept")
    # after sign-out: every personal page answers 302 to sign-in, none drawn from the old session
    sp = pat.get("/cases").get_data(as_text=True)
    pat.post("/sign-out", data=hidden(sp))
    drawn = []
    for url in ("/cases", "/cases/R21-D1", f"/cases/R21-D1/entries/{eid}", "/cases/R21-D1/export.csv", f"/cases/R21-D1/entries/{eid}/document"):
        r = pat.get(url)
        if r.status_code != 302 or "/sign-in" not in (r.location or ""):
            drawn.append(f"{url}: {r.status_code}")
    after = pat.get("/signed-out")
    report(
        not drawn and "R21-D1" not in after.get_data(as_text=True) and after.headers.get("Cache-Control") == "no-store",
        "NEW",
        f"after sign-out, 5 personal pages send to sign-in; the signed-out page names no case and is no-store: {drawn or 'yes'}",
    )


# ------------------------------------------------------------------ security headers on every page type
def headers():
    """Oracle: webapp/security.py's declared headers and docs/security.md: CSP with frame-ancestors 'none',
    X-Frame-Options DENY, Referrer-Policy, nosniff on every response; no-store on every non-static one."""
    app, who, v = world()
    bad, n = [], 0
    for r_ in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if "GET" not in r_.methods:
            continue
        url = concrete(r_.rule, v)
        for role in ("anon", "practitioner", "manager", "trainer", "admin", "trainee"):
            r = who[role].get(url)
            n += 1
            h = r.headers
            miss = [k for k in SECURITY if k not in h]
            if "frame-ancestors 'none'" not in h.get("Content-Security-Policy", ""):
                miss.append("frame-ancestors")
            if r_.endpoint not in ("static", "assets.static") and h.get("Cache-Control") != "no-store":
                miss.append(f"Cache-Control={h.get('Cache-Control')}")
            if miss:
                bad.append(f"{role} {url} {r.status_code}: {miss}")
    report(not bad, "NEW", f"{n} GETs (every GET route x 6 roles): the four headers, frame-ancestors, no-store off static: {bad[:6] or 'all'}")
    # the error pages' own headers are checked in errors()


# ------------------------------------------------------------------ the error pages
def _page_ok(r, want: int) -> list[str]:
    body = r.get_data(as_text=True)
    out = []
    if r.status_code != want:
        out.append(f"status {r.status_code}")
    if "govuk-header" not in body and "govuk-service-navigation" not in body:
        out.append("no GOV.UK header")
    if "govuk-footer" not in body:
        out.append("no GOV.UK footer")
    if "Traceback" in body or "werkzeug" in body.lower() or 'File "' in body:
        out.append("a stack trace")
    if not title_of(body).endswith(SERVICE.strip()):
        out.append(f"title {title_of(body)!r}")
    for k in SECURITY:
        if k not in r.headers:
            out.append(f"no {k}")
    if r.headers.get("Cache-Control") != "no-store":
        out.append(f"Cache-Control {r.headers.get('Cache-Control')}")
    return out


def errors():
    """Oracle: the brief's list (400, 403, 404, 405, 413, 415, 429, 500, 503), each in the GOV.UK layout with a title
    naming the service, the security headers, no stack trace; and any other status werkzeug can answer with
    (416 for a Range past a static file's end, 501, 414/431)."""
    from sqlalchemy.exc import OperationalError

    app, who, v = world(MAX_CONTENT_LENGTH=64 * 1024)
    anon, pat = who["anon"], who["practitioner"]

    def boom():
        raise RuntimeError("r21 secret detail")

    def down():
        raise OperationalError("select secret", {}, Exception("r21 db gone"))

    app.view_functions["journey.accessibility"] = boom
    app.view_functions["journey.disagreements"] = down
    csrf_on = make_app(WTF_CSRF_ENABLED=True).test_client()
    cases = {
        400: lambda: csrf_on.post("/sign-in", data={"username": "x", "password": "y"}),
        403: lambda: pat.get("/dashboard"),
        404: lambda: anon.get("/no-such-page"),
        405: lambda: anon.delete("/"),
        413: lambda: anon.post("/sign-in", data={"username": "y" * 70000}),
        500: lambda: anon.get("/accessibility"),
        503: lambda: anon.get("/disagreements"),
    }
    for want, call in cases.items():
        r = call()
        bad = _page_ok(r, want)
        if want in (500, 503) and "r21" in r.get_data(as_text=True):
            bad.append("the exception's words on the page")
        report(not bad, "NEW", f"{want} page: GOV.UK layout, titled, headers, no trace: {bad or title_of(r.get_data(as_text=True))}")
    # 429: the sign-in limit
    c = make_app(SIGN_IN_LIMIT_PER_ADDRESS="2/minute").test_client()
    for _ in range(3):
        r = c.post("/sign-in", data={"username": "nobody", "password": "x"})
    bad = _page_ok(r, 429)
    report(
        not bad and "Retry-After" in r.headers,
        "NEW",
        f"429 page (sign-in limit): {bad or title_of(r.get_data(as_text=True))}, Retry-After {r.headers.get('Retry-After')}",
    )
    # 415: only the API reads JSON; a form route sent JSON, and the API sent text/plain
    r = anon.post("/api/v1/assess", data="{}", content_type="text/plain")
    ok415 = r.status_code in (400, 415, 422) and r.is_json and all(k in r.headers for k in SECURITY)
    report(ok415, "NEW", f"POST /api/v1/assess as text/plain: {r.status_code} JSON={r.is_json}: {r.get_data(as_text=True)[:120]}")
    j = app.test_client()
    walk(j, [LOW])
    r = go(j, j.post("/child", data='{"born":"yes"}', content_type="application/json"))
    report(
        r.status_code < 500 and "govuk-footer" in r.get_data(as_text=True),
        "NEW",
        f"POST /child as JSON (a journey under way): {r.status_code}, a GOV.UK page, title {title_of(r.get_data(as_text=True))!r}",
    )
    # statuses werkzeug raises that no handler of the app draws
    static = next(p for p in sorted((ROOT / "webapp" / "static" / "app").glob("*.css")))
    r = anon.get(f"/static/app/{static.name}", headers={"Range": "bytes=99999999-"})
    bad = _page_ok(r, 416) if r.status_code == 416 else []
    report(not bad, "S3", f"a Range past a static file's end: {r.status_code} {bad or 'in the layout'}: {' '.join(r.get_data(as_text=True).split())[:100]!r}")
    r = anon.open("/", method="BREW")
    report(
        r.status_code in (405, 501) and "govuk-footer" in r.get_data(as_text=True),
        "NEW",
        f"an unknown method BREW: {r.status_code}, GOV.UK page: {'govuk-footer' in r.get_data(as_text=True)}",
    )
    r = anon.get("/cases?" + "a=1&" * 3000)
    report(r.status_code < 500, "NEW", f"a 12,000-character query string: {r.status_code}")


# ------------------------------------------------------------------ the OpenAPI document against the API
def openapi():
    """Oracle: the API's own OpenAPI document (GET /api/v1/openapi.json): every path and method it names is served,
    every route under /api/ is in it, and every status the API answers here (200, 413, 415, 422) is a
    response the document lists for that operation, and a method no operation has is a JSON 405 with Allow
    (schemathesis, in tests/webapp, checks generated bodies; not these)."""

    app, who, v = world(MAX_CONTENT_LENGTH=64 * 1024)
    c = app.test_client()
    doc = c.get("/api/v1/openapi.json").get_json()
    paths = doc["paths"]
    served = {(r.rule, m) for r in app.url_map.iter_rules() if r.rule.startswith("/api/") for m in r.methods - {"HEAD", "OPTIONS"}}
    base = doc.get("servers", [{}])[0].get("url", "")
    named = {
        ((base if not p.startswith("/api/") else "") + p, m.upper()) for p, ops in paths.items() for m in ops if m in ("get", "post", "put", "delete", "patch")
    }
    report(
        named == served,
        "NEW",
        f"the document's operations are the routes served: only documented {sorted(named - served)}, only served {sorted(served - named)}",
    )
    seen: dict[tuple[str, str], set[int]] = {}

    def hit(path, method, status):
        seen.setdefault((path, method), set()).add(status)

    hit("/api/v1/assess", "POST", c.post("/api/v1/assess", json={"indicators": [LOW]}).status_code)
    hit("/api/v1/assess", "POST", c.post("/api/v1/assess", json={"indicators": ["nope"]}).status_code)
    hit("/api/v1/assess", "POST", c.post("/api/v1/assess", data="{}", content_type="text/plain").status_code)
    hit("/api/v1/assess", "POST", c.post("/api/v1/assess", data="{", content_type="application/json").status_code)
    hit("/api/v1/assess", "POST", c.post("/api/v1/assess", data="[" * 10 + "x" * 70000, content_type="application/json").status_code)
    hit("/api/v1/search", "POST", c.post("/api/v1/search", json={"words": "left alone"}).status_code)
    hit("/api/v1/search", "POST", c.post("/api/v1/search", json={"words": ""}).status_code)
    hit("/api/v1/indicators", "GET", c.get("/api/v1/indicators").status_code)
    undocumented = []
    for (path, method), statuses in sorted(seen.items()):
        rel = path[len(base) :] if base and path.startswith(base) else path
        op = (paths.get(rel) or paths.get(path) or {}).get(method.lower(), {})
        listed = set(op.get("responses", {}))
        for s in sorted(statuses):
            if str(s) not in listed and f"{str(s)[0]}XX" not in listed and "default" not in listed:
                undocumented.append(f"{method} {rel} {s}")
    wrong = []
    for m, url in (("GET", "/api/v1/assess"), ("PUT", "/api/v1/search"), ("POST", "/api/v1/indicators"), ("DELETE", "/api/v1/openapi.json")):
        r = c.open(url, method=m)
        if r.status_code != 405 or not r.is_json or not r.headers.get("Allow"):
            wrong.append(f"{m} {url}: {r.status_code} json={r.is_json} Allow={r.headers.get('Allow')}")
    report(not wrong, "NEW", f"a method no operation has: JSON 405 naming Allow: {wrong or 'all four'}")
    note("the API reads no database (its answers stayed 200 with the SQLite file replaced by a folder), so no 503 is owed; it has no rate limit, so no 429")
    report(
        not undocumented,
        "NEW",
        f"every status the API answered is listed for its operation: undocumented {undocumented or 'none'} "
        f"(seen {sorted((k[1] + ' ' + k[0], sorted(s)) for k, s in seen.items())})",
    )


# ------------------------------------------------------------------ paging and sorting bounds
def paging():
    """Oracle: webapp/paging.py's declared rule ("a number out of range, or not a number, shows the nearest page
    there is"): no 5xx, and the page drawn is the first or the last."""
    app, who, v = world(LIST_PAGE_SIZE=2)
    pat, mgr, tr = who["practitioner"], who["manager"], who["trainer"]
    for i in range(5):
        eid = saved_entry(app, pat, f"R21-P{i}")
        go(pat, record(pat, f"R21-P{i}", eid, "extensive", f"reason {i}"))
    bad, n = [], 0
    for c, url in (
        (pat, "/cases"),
        (mgr, "/overrides"),
        (mgr, "/dashboard"),
        (tr, "/practice/sessions"),
        (tr, "/practice/cohorts"),
        (tr, "/practice/scenarios"),
    ):
        for q in ("page=0", "page=-1", "page=1e9", "page=abc", "page=99999999999999999999999", "page=2&page=1", "page=%00", "page=1.5", "page= 2", "page=٣"):
            r = c.get(f"{url}?{q}")
            n += 1
            if r.status_code >= 500 or r.status_code == 400:
                bad.append(f"{url}?{q}: {r.status_code}")
    report(not bad, "NEW", f"{n} odd page numbers on 6 lists: no 5xx or 400: {bad[:6] or 'none'}")
    # repeated and unknown filter values on /overrides and /dashboard
    bad = []
    for q in ("team=Team A&team=Team B", "team=" + "x" * 5000, "team=%E2%80%AE", "reviewed=maybe&reviewed=yes", "sort=drop table", "team=Team%20B"):
        for url in ("/overrides", "/dashboard", "/practice/cohorts?cohort=x&", "/practice/scenarios"):
            r = mgr.get(f"{url}?{q}") if not url.startswith("/practice") else tr.get(f"{url}{'&' if '?' in url else '?'}{q}")
            if r.status_code >= 500:
                bad.append(f"{url} {q[:30]}: {r.status_code}")
    report(not bad, "NEW", f"repeated, long and unknown filter values: no 5xx: {bad or 'none'}")
    # the page shown for page=99 is the last, with its items
    r = pat.get("/cases?page=99").get_data(as_text=True)
    last = "R21-P0" in r or "R20-G1" in r
    report(last and 'aria-current="page"' in r, "NEW", f"/cases?page=99 draws the last page (its items and the current marker): {last}")


# ------------------------------------------------------------------ the CLI's help and exit codes against the docs
def cli_help():
    """Oracle: docs/contract.md and docs/oversight.md (where the CLI is documented): every command and flag they name
    is in that command's --help, each --help exits 0, and the exit codes they declare."""
    docs = (ROOT / "docs" / "contract.md").read_text() + (ROOT / "docs" / "oversight.md").read_text() + (ROOT / "docs" / "storage.md").read_text()
    helps, bad = {}, []
    for cmd in (
        ["assess"],
        ["search"],
        ["indicators"],
        ["scenarios", "run"],
        ["scenarios", "check"],
        ["scenarios", "coverage"],
        ["users"],
        ["retention"],
        ["ruleset", "diff"],
    ):
        rc, out, err = cli([*cmd, "--help"])
        helps[" ".join(cmd)] = out
        if rc != 0 or not out.startswith("usage:"):
            bad.append(f"{' '.join(cmd)} --help: {rc}")
    report(not bad, "NEW", f"every command's --help exits 0 with a usage: {bad or 'all 9'}")
    # flags the docs name, in the command's help
    lines = re.findall(r"pathway (assess|search|indicators|scenarios \w+|ruleset diff|users [\w-]+|retention [\w-]+)([^\n`|]*)", docs)
    missing = []
    for cmd, rest in lines:
        flags = re.findall(r"--[a-z][a-z-]+", rest)
        key = cmd
        if key not in helps:
            rc, out, err = cli([*cmd.split(), "--help"])
            helps[key] = out if rc == 0 else ""
            if rc != 0:
                missing.append(f"{cmd}: no such command ({rc})")
        for f in flags:
            if f not in helps[key]:
                missing.append(f"{cmd} {f}")
    report(not missing, "NEW", f"every command and flag docs/contract.md, oversight.md and storage.md name is in its --help: {sorted(set(missing)) or 'all'}")
    # exit codes: an unknown command, a bad flag, no command at all
    rc1, out1, err1 = cli(["nosuch"])
    rc2, out2, err2 = cli(["search", "x", "--limit", "0"])
    rc3, out3, err3 = cli([])
    report(
        rc1 == 2 and rc2 == 2 and "Traceback" not in err1 + err2 + err3,
        "NEW",
        f"unknown command exit {rc1}, --limit 0 exit {rc2}, no command exit {rc3}: {err3.strip()[:100] or out3.strip()[:100]!r}",
    )
    # the exit codes docs/contract.md declares: a refused case 2 (stderr names the field, nothing on stdout)
    rc, out, err = cli(["assess", "-"], stdin=json.dumps({"indicators": ["no.such"]}))
    report(
        rc == 2 and not out and "indicators[0]" in err and "Traceback" not in err,
        "NEW",
        f"assess of a refused case: exit {rc}, stdout {len(out)} chars, stderr {err.strip()[:90]!r}",
    )
    rc, out, err = cli(["users", "list", "--database-url", f"sqlite:////tmp/r21-none-{id(docs)}/x.sqlite3"])
    report(
        rc == 2 and "error: database: not found" in err and "Traceback" not in err,
        "NEW",
        f"users list on a database that is not there: exit {rc}, {err.strip()[:90]!r}",
    )
    note(f"`pathway` with no command: exit {rc3} ({'usage' if 'usage' in out3 + err3 else 'no usage'})")
    # users/retention --help name their subcommands as the docs do
    rc, out, err = cli(["users", "--help"])
    subs = re.findall(r"\{([a-z,-]+)\}", out)
    note(f"pathway users sub-commands: {subs}; retention: {re.findall(r'{([a-z,-]+)}', helps.get('retention', ''))}")


# ------------------------------------------------------------------ page titles for a screen reader
def titles():
    """Oracle: GOV.UK Design System ("Page template"/"Error message"): every page's <title> names the page (its
    <h1>) and the service, and a page showing a validation error starts "Error: "."""
    app, who, v = world()
    pat, tr = who["practitioner"], who["trainer"]
    bad, n = [], 0
    for r_ in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if "GET" not in r_.methods or r_.endpoint in ("static", "assets.static") or r_.rule.startswith("/api/") or "." in r_.rule.split("/")[-1]:
            continue
        url = concrete(r_.rule, v)
        for role in ("anon", "practitioner", "manager", "trainer", "admin", "trainee"):
            r = who[role].get(url)
            if r.status_code != 200 or "text/html" not in r.content_type:
                continue
            body = r.get_data(as_text=True)
            n += 1
            t = title_of(body)
            h1 = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
            h1t = " ".join(re.sub(r"<[^>]+>", " ", re.sub(r'<span class="govuk-caption[^"]*">.*?</span>', "", h1.group(1), flags=re.S)).split()) if h1 else ""
            if not t.endswith("Family Support Pathway") or (h1t and h1t.split(":")[0][:25].lower() not in t.lower()):
                bad.append(f"{role} {url}: title {t!r} h1 {h1t[:50]!r}")
    report(not bad, "S4", f"{n} pages: the <title> names the page's <h1> and the service: {len(bad)} do not: {sorted(set(bad))[:10]}")
    # error titles: each form sent wrong
    errs = []
    c = app.test_client()
    forms = [
        (c, "/sign-in", {"username": "practitioner", "password": "wrong"}),
        (c, "/child", {"born": "yes", "age_years": "abc"}),
        (c, "/practice/join", {"code": "ZZZZZZ", "name": "x"}),
        (pat, "/save", {"case_ref": ""}),
        (pat, f"/cases/R20-G1/entries/{v['eid']}/level", {"level": "", "reason": ""}),
        (pat, f"/cases/R20-G1/entries/{v['eid']}/in-error", {"reason": ""}),
        (tr, "/practice/new", {"scenarios": []}),
        (tr, "/practice/scenarios/new", {"title": ""}),
        (tr, "/practice/scenarios/import", {}),
        (who["admin"], "/admin/ruleset", {}),
    ]
    walk(pat, [LOW])
    showed: list[str] = []
    for cl, url, data in forms:
        pg = cl.get(url).get_data(as_text=True)
        r = cl.post(url, data={**hidden(pg), **data})
        if r.status_code in (302, 303) and (r.location or "").split("?")[0].endswith(url.split("?")[0]):
            r = go(cl, r)  # the form's own page again, with its errors (post/redirect/get)
        body = r.get_data(as_text=True)
        if r.status_code in (302, 303):
            errs.append(f"{url}: {r.status_code} (no error drawn)")
            continue
        t = title_of(body)
        shows = "govuk-error-summary" in body or "govuk-error-message" in body
        if shows:
            showed.append(url.split("/")[-1] or url)
        if shows and not t.startswith("Error: "):
            errs.append(f"{url}: {t!r}")
    report(
        not [e for e in errs if "no error drawn" not in e],
        "NEW",
        f"10 forms sent wrong, {len(showed)} drew an error ({showed}): each such page's title starts 'Error: ': {errs or 'all'}",
    )


SECTIONS = {
    "downloads": downloads,
    "unicode": unicode,
    "double": double,
    "headers": headers,
    "errors": errors,
    "openapi": openapi,
    "paging": paging,
    "cli_help": cli_help,
    "titles": titles,
}


def _section(name: str) -> None:
    print(f"== {name}", flush=True)
    try:
        SECTIONS[name]()
    except Exception:
        COUNT["FINDING"] += 1
        print(f"FINDING RUNNER: {name} stopped:\n{format_exc()}", flush=True)


if __name__ == "__main__":
    args = sys.argv[1:] or ["all"]
    for a in list(SECTIONS) if args == ["all"] else args:
        _section(a)
    print(f"\n{COUNT['OK'] + COUNT['FINDING']} checks: {COUNT['OK']} OK, {COUNT['FINDING']} FINDING", flush=True)
