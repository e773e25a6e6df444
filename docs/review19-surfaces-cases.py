"""Review 19 (surfaces): my own checks of what users see and do. Changes no product code.

Run from the worktree:
    .venv/bin/python docs/review19-surfaces-cases.py all
    # or any of: dates imports trainer_end blank_text api cli a11y printing moment two_people roles csv_cells agreement
    #            nojs_call

The harness is review 18's runner (docs/review18-surfaces-cases.py), which binds reviews 17, 16, 15 and 12's helpers
(make_app, user, walk, hidden, sql, saved_entry, record, body_of, summary_of, the clock, the default office hours):
imported, not copied. Each section makes its own app on a throwaway SQLite database (Flask test client with
PROPAGATE_EXCEPTIONS off, so a defect shows the page a user sees; CSRF off); accounts are made with
store.users.create_user and signed in through /sign-in (again after each clock move). The CLI runs as
`python -m cli.main` in a real process. The root logger is captured throughout and searched at the end for every
marker typed; every address the app sent a browser to is kept and searched too. Each check prints "OK      ..." or
"FINDING Sn: ...".
"""

from __future__ import annotations

import importlib.util
import io
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from traceback import format_exc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_spec = importlib.util.spec_from_file_location("review18_surfaces", ROOT / "docs" / "review18-surfaces-cases.py")
R18 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(R18)  # type: ignore[union-attr]
R17, R12 = R18.R17, R18.R12
make_app, user, walk, hidden, sql, saved_entry, record, body_of, go = (
    R18.make_app,
    R18.user,
    R18.walk,
    R18.hidden,
    R18.sql,
    R18.saved_entry,
    R18.record,
    R18.body_of,
    R18.go,
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
CFD_NAME, EDT_NAME, CFD, EDT = R17.CFD_NAME, R17.EDT_NAME, R17.CFD, R17.EDT
trainer_session, join, problem = R18.trainer_session, R18.join, R18.problem
COUNT = {"OK": 0, "FINDING": 0}
TYPED: list[str] = []
ISO_DAY = re.compile(r"\b20\d\d-\d\d-\d\d\b")


def report(ok: bool, fid: str, msg: str):
    COUNT["OK" if ok else "FINDING"] += 1
    print(("OK      " if ok else f"FINDING {fid}: ") + msg, flush=True)


def note(msg: str):
    """Seen and worth saying, not a finding: not counted."""
    print("NOTE    " + msg, flush=True)


def title_of(html: str) -> str:
    m = re.search(r"<title>(.*?)</title>", html, re.S)
    return " ".join(m.group(1).split()) if m else ""


def drawn(c, url: str, data: dict):
    """Post a form as a browser does: with every hidden field its page drew."""
    page = c.get(url).get_data(as_text=True)
    return c.post(url, data={**hidden(page), **data})


def import_yaml(tr, text: str):
    pg = tr.get("/practice/scenarios/import").get_data(as_text=True)
    r = tr.post(
        "/practice/scenarios/import",
        data={**hidden(pg), "file": (io.BytesIO(text.encode()), "r19.yaml")},
        content_type="multipart/form-data",
    )
    return go(tr, r)


def scenario_yaml(sid: str, title: str, narrative: str = "Ali, 8, has low self-esteem at school.", why: str = "t") -> str:
    """One scenario the rules agree with (an 8-year-old with low self-esteem: Additional, p13-14)."""
    return (
        f"- id: {sid}\n  title: {json.dumps(title)}\n  narrative: {json.dumps(narrative)}\n  child: {{age_years: 8}}\n"
        f'  model: {{level: additional, required: [{LOW}]}}\n  teaching: {{why: {json.dumps(why)}, pages: "11", common_mistake: t}}\n'
    )


# ------------------------------------------------------------------ what print.css leaves of a page
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_PRINT_HIDES = {
    "govuk-header",
    "govuk-generic-header",
    "govuk-service-navigation",
    "govuk-footer",
    "govuk-phase-banner",
    "govuk-back-link",
    "govuk-skip-link",
    "govuk-button",
    "app-no-print",
    "app-account-bar",
}


class _Shown(HTMLParser):
    """The text left on screen (screen=True: drops app-print-only and [hidden]) or on paper (webapp/static/app/print.css,
    read by hand: drops <form> and the classes it hides)."""

    def __init__(self, screen: bool):
        super().__init__(convert_charrefs=True)
        self.screen, self.stack, self.out = screen, [], []

    def _hides(self, tag, attrs) -> bool:
        a = dict(attrs)
        cls = set((a.get("class") or "").split())
        if tag in ("script", "style", "head", "title", "textarea" if self.screen else "_"):
            return tag != "textarea"
        if self.screen:
            return "app-print-only" in cls or "hidden" in a
        return tag == "form" or bool(cls & _PRINT_HIDES)

    def handle_starttag(self, tag, attrs):
        if tag not in _VOID:
            self.stack.append((tag, bool(self._hides(tag, attrs) or (bool(self.stack) and self.stack[-1][1]))))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, d):
        if not (self.stack and self.stack[-1][1]):
            self.out.append(d)


def shown(html: str, screen: bool) -> str:
    p = _Shown(screen)
    p.feed(html)
    return " ".join(" ".join(p.out).split())


# ------------------------------------------------------------------ dates: every surface writes a day the one way
def dates():
    """Review 18 S5's class: one date writer (pathway/dates.py, GOV.UK style '3 January 2028'). Oracle: GOV.UK style
    for dates a person reads; ISO 8601 only in fields a machine reads (export.json's saved_at, the API's contact_time)."""
    app = make_app(OFFICE_HOURS=default_hours())
    user(app, "pat", "practitioner")
    user(app, "mia", "manager")
    at(local((2028, 1, 3, 10, 0)))  # Monday: the substitute day for New Year's Day (Saturday 1 January 2028)
    pat, mgr = sign_in(app, "pat"), sign_in(app, "mia")
    eid = saved_entry(app, pat, "R19-D1", safety=[ALLEGATION])
    go(pat, record(pat, "R19-D1", eid, "child_in_need", "R19 reason"))
    assert walk(pat, [LOW], safety=[ALLEGATION]) == ""
    seen = {
        "result page": body_of(pat.get("/result")),
        "saved entry page": body_of(pat.get(f"/cases/R19-D1/entries/{eid}")),
        "case page": body_of(pat.get("/cases/R19-D1")),
        "cases list": body_of(pat.get("/cases")),
        "overrides (manager)": body_of(mgr.get("/overrides")),
        "referral page": body_of(pat.get("/referral")),
        "referral.txt": pat.get("/referral.txt").get_data(as_text=True),
        "referral.pdf": R17._pdf_text(pat.get("/referral.pdf").data),
    }
    c = app.test_client()
    c.post("/adviser/", data={**CALL, "immediate": [ALLEGATION]})
    seen["call screen"] = body_of(c.get("/adviser/"))
    seen["call summary"] = summary_of(c)
    api = app.test_client().post("/api/v1/assess", json={"child": {"age_years": 8}, "indicators": [ALLEGATION]}).get_json()
    seen["API (assumption text)"] = " ".join(a["text"] for a in api.get("assumptions", []))
    body = json.dumps({"child": {"age_years": 8}, "indicators": [ALLEGATION], "context": {"contact_time": "2028-01-03T10:00:00+00:00"}})
    rc, out, err = R17.cli(["assess", "-"], stdin=body)
    seen["pathway assess (assumption text)"] = " ".join(a["text"] for a in json.loads(out).get("assumptions", [])) if rc == 0 else f"exit {rc}"
    at(None)
    iso = {k: re.search(r"[^.]{0,10}\b20\d\d-\d\d-\d\d is [^.:]{0,60}", v).group(0) for k, v in seen.items() if re.search(r"\b20\d\d-\d\d-\d\d is ", v)}
    report(
        not iso,
        "S1",
        f"a sentence a person reads writes the closed day as ISO 8601 ('{next(iter(iso.values()), '')}') on {sorted(iso)}; "
        "the call screen, call summary and written referral say 'Monday 3 January 2028' / '3 January 2028'",
    )
    zero = {k for k, v in seen.items() if re.search(r"\b0\d (?:January|February|March|April|May|June|July|August|September|October|November|December) 20", v)}
    short = {k for k, v in seen.items() if k not in ("case page",) and re.search(r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d", v)}
    report(
        not zero and not short,
        "NEW",
        f"no surface writes a day with a leading zero or a short month (the case chart's axis aside): {sorted(zero | short) or 'none'}",
    )
    saved = {k: m.group(0) for k, v in seen.items() if (m := re.search(r"3 January 2028(?:,| at) 10:00", v))}
    note(
        f"the moment an entry was saved or a level recorded is written {saved} (', ' and ' at ' both used; noted, wording, very low)",
    )


# ------------------------------------------------------------------ scenario import: the editor's text rule on the file's fields
def imports():
    """Review 18 S1/S2's class: one typed-text check (pathway/written_text.py) for every way text comes in. Oracle: the
    scenario editor refuses a title with a direction override ("Title must be written text: remove the control
    characters pasted into it"); the import of the same scenario as a YAML file is the other way in."""
    app = make_app()
    tr = user(app, "tom", "trainer")
    form = R17.R15.scenario_form(tr.get("/practice/scenarios/new").get_data(as_text=True), "\u202eR19 EDIT", "r19-ed", "Ali, 8, low self-esteem.")
    ed = problem(body_of(go(tr, tr.post("/practice/scenarios/new", data=form))))
    report("Title" in ed and "written text" in ed, "NEW", f"the scenario editor refuses a title with U+202E, naming it: {ed[:90]!r}")
    cases = {
        "title with U+202E (right-to-left override)": ("r19-a", "\u202eR19FLIP", None, None),
        "title with ESC[31m": ("r19-b", "R19\x1b[31mRED", None, None),
        "title of three spaces": ("r19-c", "   ", None, None),
        "title of a zero-width space": ("r19-d", "\u200b", None, None),
        "narrative with BEL": ("r19-e", "R19 BEL", "Ali\x07, 8, low self-esteem.", None),
        "teaching 'why' with U+202E": ("r19-f", "R19 WHY", None, "\u202ebackwards"),
    }
    taken = {}
    for what, (sid, title, narrative, why) in cases.items():
        kw = {k: v for k, v in (("narrative", narrative), ("why", why)) if v is not None}
        page = body_of(import_yaml(tr, scenario_yaml(sid, title, **kw)))
        if f"Imported 1 scenario: {sid}" in page:
            taken[what] = sid
    lib = tr.get("/practice/scenarios").get_data(as_text=True)
    code = tr.post("/practice/new", data={**hidden(tr.get("/practice/new").get_data(as_text=True)), "scenarios": list(taken.values())}).location
    code = (code or "").rstrip("/").split("/")[-1]
    t, r = join(app, code, "Tara")
    go(t, r)
    trainee = t.get(f"/practice/s/{code}").get_data(as_text=True)
    report(
        not taken,
        "S2",
        f"the scenario import takes what the editor refuses: {sorted(taken)} imported; the library carries U+202E {chr(0x202E) in lib} and ESC "
        f"{chr(27) in lib}; a trainee's list of scenarios carries U+202E {chr(0x202E) in trainee}",
    )


# ------------------------------------------------------------------ a trainer's session after signing out
def trainer_end():
    """Oracle: the brief's 'nothing saved lost': a practice session's answers are kept 7 days (docs/practice.md);
    the trainer who ran it must reach its summary, or be told before signing out that it will be out of reach."""
    app = make_app(JOIN_LIMIT_PER_ADDRESS="1000/minute")
    tr = user(app, "tom", "trainer")
    code, ids = trainer_session(app, tr, 1)
    t, r = join(app, code, "Tara")
    go(t, r)
    pg = t.get(f"/practice/s/{code}/{ids[0]}").get_data(as_text=True)
    t.post(f"/practice/s/{code}/{ids[0]}", data={**hidden(pg), "level": "additional", "confirm_empty": "1"})
    sp = tr.get(f"/practice/session/{code}").get_data(as_text=True)
    tr.post(f"/practice/session/{code}/end", data=hidden(sp))
    before = tr.get(f"/practice/session/{code}/summary").status_code
    # a sign-in that ends by itself: asked to sign in, then back (checked)
    sql(app, "update sign_ins set expires_at = :t, last_seen = :t", t="2000-01-01 00:00:00")
    r = tr.get(f"/practice/session/{code}/summary")
    pg = go(tr, r).get_data(as_text=True)
    back = tr.post(r.location or "/sign-in", data={**hidden(pg), "username": "tom", "password": R12.PW})
    again = tr.get(f"/practice/session/{code}/summary").status_code
    report(
        before == 200 and again == 200 and "/practice/session/" in (back.location or ""),
        "NEW",
        f"a trainer whose sign-in ended is asked to sign in and comes back to the summary ({before}, then {again}, via {back.location})",
    )
    sp = tr.get(f"/practice/session/{code}/summary").get_data(as_text=True)
    warned = bool(
        re.search(
            r"(?i)sign(ing)? out[^.]{0,120}(session|summary)|(session|summary)[^.]{0,120}sign(ing)? out", body_of(tr.get(f"/practice/session/{code}/summary"))
        )
    )
    so = go(tr, tr.post("/sign-out", data=hidden(sp)))
    said = body_of(so)
    tr.post("/sign-in", data={"username": "tom", "password": R12.PW})
    after = {u: tr.get(u).status_code for u in (f"/practice/session/{code}", f"/practice/session/{code}/summary", f"/practice/session/{code}/summary.csv")}
    listed = code in tr.get("/practice/").get_data(as_text=True) or code in tr.get("/practice/cohorts").get_data(as_text=True)
    kept = sql(app, "select count(*) from practice_answers")[0][0] if sql(app, "select name from sqlite_master where name='practice_answers'") else "?"
    report(
        all(s == 200 for s in after.values()) or listed or warned or re.search(r"(?i)practice|session", said),
        "S3",
        f"the trainer signs out (same browser) and in again: the session's pages answer {after}; no page lists the session; the summary page "
        f"says nothing before sign-out (warned: {warned}); /signed-out says {said[:110]!r}; the trainee's answers are still stored ({kept} rows)",
    )


# ------------------------------------------------------------------ invisible or blank text in the other fields
def blank_text():
    """Review 18 S2's fix: 'a name with nothing visible is refused as empty; bidi controls refused'. Oracle: the same
    rule in every free-text field (the override reason refuses a reason of zero-width spaces: "Enter the reason ...");
    an optional field left with nothing visible is stored empty, never as invisible characters."""
    import unicodedata

    def visible(t: str | None) -> bool:
        return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in (t or ""))

    app = make_app(JOIN_LIMIT_PER_ADDRESS="1000/minute")
    pat = user(app, "pat", "practitioner")
    mgr = user(app, "mia", "manager")
    tr = user(app, "tom", "trainer")
    eid = saved_entry(app, pat, "R19-B1")
    go(pat, record(pat, "R19-B1", eid, "extensive", "seen at home"))
    oid = sql(app, "select max(id) from overrides")[0][0]
    code, ids = trainer_session(app, tr, 1)
    values = {"spaces": "   ", "zero-width spaces": "\u200b\u200b", "U+202E": "\u202eR19X", "U+2067 isolate": "R19\u2067X"}
    taken = []
    for name, v in values.items():
        n0 = sql(app, "select count(*) from overrides")[0][0]
        go(pat, record(pat, "R19-B1", eid, "child_in_need", v))
        if sql(app, "select count(*) from overrides")[0][0] != n0:
            taken.append(f"override reason ({name})")
            go(pat, record(pat, "R19-B1", eid, "extensive", "back"))
        n0 = sql(app, "select count(*) from override_reviews")[0][0]
        go(mgr, drawn(mgr, f"/overrides/{oid}/review", {"note": v}))
        stored = sql(app, "select note from override_reviews order by id desc limit 1")
        if sql(app, "select count(*) from override_reviews")[0][0] != n0 and stored[0][0] and (not visible(stored[0][0]) or "\u202e" in v or "\u2067" in v):
            taken.append(f"review note ({name}) stored as {stored[0][0]!r}")
        c0 = sql(app, "select count(*) from practice_sessions")[0][0]
        r = go(tr, drawn(tr, "/practice/new", {"scenarios": ids, "cohort": v}))
        cohort = sql(app, "select cohort from practice_results order by rowid desc limit 1")
        if sql(app, "select count(*) from practice_sessions")[0][0] != c0 and cohort[0][0] and (not visible(cohort[0][0]) or v != v.strip() and not v.strip()):
            taken.append(f"cohort label ({name}) stored as {cohort[0][0]!r}")
        elif sql(app, "select count(*) from practice_sessions")[0][0] != c0 and ("\u202e" in v or "\u2067" in v):
            taken.append(f"cohort label ({name})")
        t, r = join(app, code, v)
        if not problem(body_of(go(t, r))):
            taken.append(f"display name ({name})")
        assert walk(pat, [LOW]) == ""
        r = go(pat, pat.post("/note", data={**hidden(pat.get("/result").get_data(as_text=True)), "note": v}))
        if visible(v) and not problem(body_of(r)):
            taken.append(f"journey note ({name})")
    report(
        not taken,
        "S4",
        f"blank, zero-width and direction characters in the override reason, review note, cohort label, display name and journey note: "
        f"taken {taken or 'none'}; "
        "the override reason and the display name refuse zero-width spaces as empty",
    )


# ------------------------------------------------------------------ the API: types, shapes, methods, content types
def api():
    """Oracle: docs/contract.md and the OpenAPI: a body that is not the contract's shape is a 422 naming the JSON path,
    never a decision made on a guess; an unsupported method is a JSON 405 with Allow; every answer is JSON."""
    app = make_app()
    c = app.test_client()
    A = ALLEGATION
    refused = {
        "indicators given twice (allegation, then none)": ('{"child":{"age_years":8},"indicators":["%s"],"indicators":[]}' % A, "indicators"),
        "age given twice": ('{"child":{"age_years":8,"age_years":30},"indicators":["%s"]}' % A, "child.age_years"),
        "age as a string": (json.dumps({"child": {"age_years": "8"}, "indicators": [A]}), "child.age_years"),
        "age as true": (json.dumps({"child": {"age_years": True}, "indicators": [A]}), "child.age_years"),
        "age 8.5": (json.dumps({"child": {"age_years": 8.5}, "indicators": [A]}), "child.age_years"),
        "age 1e400": ('{"child":{"age_years":1e400},"indicators":["%s"]}' % A, "child.age_years"),
        "age 10**30": ('{"child":{"age_years":%d},"indicators":["%s"]}' % (10**30, A), "child.age_years"),
        "age NaN": ('{"child":{"age_years":NaN},"indicators":["%s"]}' % A, "child.age_years"),
        "an array at the top": (json.dumps([{"child": {"age_years": 8}}]), "(body)"),
        "child as an array": (json.dumps({"child": [8], "indicators": [A]}), "child"),
        "indicators as an object": (json.dumps({"indicators": {A: True}}), "indicators"),
        "indicators as a string": (json.dumps({"indicators": A}), "indicators"),
        "an indicator as an object": (json.dumps({"indicators": [{"id": A}]}), "indicators[0]"),
        "null": ("null", "(body)"),
        "trailing words": (json.dumps({"indicators": [A]}) + " x", "(body)"),
        "a year 9999 contact time": (json.dumps({"indicators": [A], "context": {"contact_time": "9999-12-31T23:59:59+00:00"}}), "context.contact_time"),
    }
    bad = []
    for what, (body, field) in refused.items():
        r = c.post("/api/v1/assess", data=body, content_type="application/json")
        j = r.get_json(silent=True) or {}
        fields = [e.get("field") for e in j.get("errors", [])] if isinstance(j, dict) else []
        if r.status_code != 422 or field not in fields or r.content_type != "application/json":
            bad.append(f"{what}: {r.status_code} {fields}")
    report(not bad, "NEW", f"{len(refused)} bodies not in the contract's shape are 422 naming the JSON path: {bad or 'each'}")
    r = c.post("/api/v1/assess", data='{"child":{"age_years":%s},"indicators":["%s"]}' % ("9" * 5000, A), content_type="application/json")
    j = r.get_json(silent=True) or {}
    report(
        r.status_code == 422,
        "NEW",
        f"a 5,000-digit age: {r.status_code}, field {[e.get('field') for e in j.get('errors', [])]} (the parser's words; the path not named: noted)",
    )
    meth = []
    for m in ("get", "put", "delete", "patch"):
        r = getattr(c, m)("/api/v1/assess")
        if r.status_code != 405 or r.content_type != "application/json" or "POST" not in (r.headers.get("Allow") or ""):
            meth.append(f"{m} {r.status_code} {r.content_type}")
    for u in ("/api/v1/indicators", "/api/v1/openapi.json"):
        r = c.post(u)
        if r.status_code != 405 or r.content_type != "application/json":
            meth.append(f"POST {u} {r.status_code}")
    r = c.get("/api/v1/nope")
    if r.status_code != 404 or r.content_type != "application/json":
        meth.append(f"404 {r.status_code} {r.content_type}")
    report(not meth, "NEW", f"wrong methods are JSON 405s with Allow, an unknown endpoint a JSON 404: {meth or 'each'}")
    types = {}
    for ct in ("text/plain", "application/x-www-form-urlencoded", "application/xml", None):
        r = c.post("/api/v1/assess", data=json.dumps({"indicators": [A]}), content_type=ct)
        types[ct or "(none)"] = r.status_code
    note(
        f"a JSON body is decided whatever Content-Type says (review 18 noted text/plain): {types}; harmless (no cookie, no state), noted again",
    )


# ------------------------------------------------------------------ the CLI: exit codes, stderr, no traceback
def cli():
    """Oracle: docs/contract.md's command line: a decision on stdout and 0; a refused input one 'error: ...' line on
    stderr naming the file or field, nothing on stdout, exit 2; usage errors argparse's 2."""
    tmp = Path(R12.tempfile.mkdtemp(prefix="review19s-")) if hasattr(R12, "tempfile") else Path("/tmp")
    (tmp / "dup.json").write_text('{"indicators":["%s"],"indicators":[]}' % ALLEGATION)
    (tmp / "arr.json").write_text("[1]")
    (tmp / "str.json").write_text(json.dumps({"child": {"age_years": "8"}, "indicators": [ALLEGATION]}))
    (tmp / "ok.json").write_text(json.dumps({"child": {"age_years": 8}, "indicators": [ALLEGATION]}))
    (tmp / "dir").mkdir(exist_ok=True)
    runs = {
        "missing file": (["assess", str(tmp / "none.json")], 2, "none.json"),
        "a directory": (["assess", str(tmp / "dir")], 2, "dir"),
        "an empty file": (["assess", "/dev/null"], 2, "empty"),
        "indicators given twice": (["assess", str(tmp / "dup.json")], 2, "indicators"),
        "an array": (["assess", str(tmp / "arr.json")], 2, "JSON object"),
        "age as a string": (["assess", str(tmp / "str.json")], 2, "child.age_years"),
        "unknown command": (["nosuch"], 2, "invalid choice"),
        "assess without a file": (["assess"], 2, "required"),
        "empty search words": (["search", ""], 2, "words"),
    }
    bad = []
    for what, (args, rc_want, word) in runs.items():
        rc, out, err = R17.cli(args)
        if rc != rc_want or out.strip() or word not in err or "Traceback" in err:
            bad.append(f"{what}: exit {rc}, stdout {out[:40]!r}, stderr {err[:80]!r}")
    rc, out, err = R17.cli(["assess", str(tmp / "ok.json")])
    ok = rc == 0 and json.loads(out).get("level") == "protection" and not err.strip()
    report(
        not bad and ok,
        "NEW",
        f"pathway: {len(runs)} refused inputs exit 2 with one stderr line naming the field or file, stdout empty; a good case exit 0: {bad or 'each'}",
    )


# ------------------------------------------------------------------ accessibility of each page
def a11y():
    """Oracle: GOV.UK Design System and WCAG 2.2: one h1 first, no skipped heading level, a skip link to an id on the
    page, html lang, a label for each field; a refused form: title 'Error: ...', an error summary whose links each
    reach a field that names its error."""
    app = make_app(JOIN_LIMIT_PER_ADDRESS="1000/minute")
    pat = user(app, "pat", "practitioner")
    mgr = user(app, "mia", "manager")
    tr = user(app, "tom", "trainer")
    ad = user(app, "ada", "adviser")
    adm = user(app, "adm", "admin")
    eid = saved_entry(app, pat, "R19-A1")
    go(pat, record(pat, "R19-A1", eid, "extensive", "seen at home"))
    oid = sql(app, "select max(id) from overrides")[0][0]
    code, ids = trainer_session(app, tr, 2)
    t, r = join(app, code, "Tara")
    go(t, r)
    assert walk(pat, [LOW]) == ""
    anon = app.test_client()
    urls = [
        (anon, "/"),
        (pat, "/safety"),
        (pat, "/child"),
        (pat, f"/needs/{R12.pages()[0].id}"),
        (pat, "/check"),
        (pat, "/result"),
        (pat, "/referral"),
        (pat, "/save"),
        (pat, "/document"),
        (pat, "/settings"),
        (pat, "/accessibility"),
        (pat, "/disagreements"),
        (pat, "/cases"),
        (pat, "/cases/R19-A1"),
        (pat, f"/cases/R19-A1/entries/{eid}"),
        (pat, f"/cases/R19-A1/entries/{eid}/document"),
        (pat, f"/cases/R19-A1/entries/{eid}/level"),
        (mgr, "/overrides"),
        (mgr, f"/overrides/{oid}/review"),
        (mgr, "/dashboard"),
        (ad, "/adviser/"),
        (anon, "/sign-in"),
        (anon, "/signed-out"),
        (tr, "/practice/"),
        (tr, "/practice/new"),
        (tr, "/practice/cohorts"),
        (tr, "/practice/scenarios"),
        (tr, "/practice/scenarios/new"),
        (tr, "/practice/scenarios/import"),
        (tr, f"/practice/session/{code}"),
        (anon, "/practice/join"),
        (t, f"/practice/s/{code}"),
        (t, f"/practice/s/{code}/{ids[0]}"),
        (adm, "/admin/ruleset"),
        (pat, "/no-such-page"),
    ]
    bad = {}
    for c, url in urls:
        h = c.get(url).get_data(as_text=True)
        heads = [int(x) for x in re.findall(r"<h([1-6])\b", h)]
        skip = re.search(r'class="govuk-skip-link"[^>]*href="#([^"]+)"|href="#([^"]+)"[^>]*class="govuk-skip-link', h)
        target = (skip.group(1) or skip.group(2)) if skip else ""
        wrong = []
        if heads[:1] != [1] or heads.count(1) != 1:
            wrong.append(f"h1s {heads[:3]}")
        if any(b > a + 1 for a, b in zip(heads, heads[1:])):
            wrong.append(f"a skipped level {heads}")
        if not target or f'id="{target}"' not in h:
            wrong.append("skip link")
        if not re.search(r'<html[^>]*lang="en"', h):
            wrong.append("lang")
        if not title_of(h).endswith("Family Support Pathway"):
            wrong.append(f"title {title_of(h)!r}")
        if R12._unlabelled(h):
            wrong.append(f"unlabelled {R12._unlabelled(h)}")
        if wrong:
            bad[url] = wrong
    report(
        not bad, "NEW", f"{len(urls)} pages: one h1 first, no skipped heading level, a skip link to main, lang, title, every field labelled: {bad or 'each'}"
    )
    forms = [
        ("safety, nothing", anon, "/safety", {}),
        ("child, age -1", pat, "/child", {**R12.CHILD, "age_years": "-1"}),
        ("save, empty", pat, "/save", {"case_ref": ""}),
        ("level, no reason", pat, f"/cases/R19-A1/entries/{eid}/level", {"level": "protection", "reason": ""}),
        ("level, no level", pat, f"/cases/R19-A1/entries/{eid}/level", {"level": "", "reason": "R19KEEPREASON typed"}),
        ("review, 3,000", mgr, f"/overrides/{oid}/review", {"note": "R19KEEPNOTE " + "n" * 3000}),
        ("sign-in, empty", app.test_client(), "/sign-in", {"username": "", "password": ""}),
        ("join, unknown code", app.test_client(), "/practice/join", {"code": "ZZZZZZ", "name": "Zed"}),
        ("answer, no level", t, f"/practice/s/{code}/{ids[0]}", {"level": ""}),
        ("new session, none", tr, "/practice/new", {"scenarios": [], "cohort": "R19KEEPCOHORT"}),
        ("write a scenario, title only", tr, "/practice/scenarios/new", {"title": "R19KEEPTITLE"}),
        ("import, no file", tr, "/practice/scenarios/import", {}),
        ("settings, nothing", pat, "/settings", {}),
        ("call screen, age 30", ad, "/adviser/", {**CALL, "age_years": "30", "note": "R19KEEPCALL"}),
        ("admin ruleset, no file", adm, "/admin/ruleset", {}),
    ]
    TYPED.extend(["R19KEEPREASON", "R19KEEPNOTE", "R19KEEPCOHORT", "R19KEEPTITLE", "R19KEEPCALL"])
    bad2 = []
    for name, c, url, data in forms:
        r = drawn(c, url, data)
        page = go(c, r)
        h = page.get_data(as_text=True)
        links = R12._summary_links(h)
        lost = [v[:14] for v in data.values() if isinstance(v, str) and v.startswith("R19KEEP") and v[:14] not in h]
        if page.status_code >= 500 or not title_of(h).startswith("Error:") or not links or not all(x[1] and x[2] for x in links) or lost:
            bad2.append(f"{name}: {page.status_code} {title_of(h)[:30]!r} {links} lost {lost}")
    report(
        not bad2,
        "NEW",
        f"{len(forms)} refused forms: title 'Error: ...', an error summary whose links reach a field naming its error, the typed text kept: {bad2 or 'each'}",
    )


# ------------------------------------------------------------------ the print stylesheet
def printing():
    """Oracle: print.css's own promise ('the decision, the answers and the numbers, without navigation'), read by hand
    as a filter; the result page says 'To keep a copy, print this page'."""
    app = make_app(OFFICE_HOURS=default_hours())
    user(app, "pat", "practitioner")
    at(local((2028, 1, 4, 10, 0)))
    pat = sign_in(app, "pat")
    assert walk(pat, [LOW], safety=[ALLEGATION]) == ""
    pat.post("/note", data={**hidden(pat.get("/result").get_data(as_text=True)), "note": "R19PRINTNOTE seen at school"})
    TYPED.append("R19PRINTNOTE")
    missing = {}
    for url in ("/result", "/referral"):
        h = pat.get(url).get_data(as_text=True)
        paper, screen = shown(h, screen=False), shown(h, screen=True)
        want = ["Protection", CFD_NAME, CFD, "R19PRINTNOTE", "p9", "Low self esteem"]
        gone = [w for w in want if w in screen and w not in paper]
        chrome = [w for w in ("Skip to main content", "Sign out", "Save note") if w in paper]
        if gone or chrome or ring_team(paper) != CFD_NAME:
            missing[url] = {"not printed": gone, "chrome printed": chrome, "ring-now": ring_team(paper)}
    report(
        not missing,
        "NEW",
        f"printed (print.css), the result and referral keep the level, ring-now, number, note, page cited, need; no chrome: {missing or 'each'}",
    )
    c = app.test_client()
    c.post("/adviser/", data={**CALL, "immediate": [ALLEGATION], "note": "R19CALLPRINT"})
    h = c.get("/adviser/").get_data(as_text=True)
    paper = shown(h, screen=False)
    note(
        f"the call screen printed keeps {len(paper)} characters (its status line), not the level, concerns or summary: the whole screen is a <form> and "
        f"print.css hides forms ('Protection' {'Protection' in paper}, summary {'Level:' in paper}); advisers copy the summary, so noted, not a finding",
    )
    at(None)


# ------------------------------------------------------------------ the written referral at the moment of download
def moment():
    """Oracle: p4/p23 and review 16 N1: the written referral says whom to ring at the moment it is written, which may
    differ from when the result was shown. The result at 16:59 (Children and Families Direct), the referral at 17:01
    on a Tuesday (the Emergency Duty Team)."""
    app = make_app(OFFICE_HOURS=default_hours())
    user(app, "pat", "practitioner")
    at(local((2028, 1, 4, 16, 59)))
    pat = sign_in(app, "pat")
    assert walk(pat, [LOW], safety=[ALLEGATION]) == ""
    res = body_of(pat.get("/result"))
    at(local((2028, 1, 4, 17, 1)))
    txt = pat.get("/referral.txt").get_data(as_text=True)
    route = txt.split("ROUTE\n", 1)[1].split("\n", 1)[0] if "ROUTE\n" in txt else ""
    page = body_of(pat.get("/referral"))
    pdf = R17._pdf_text(pat.get("/referral.pdf").data)
    res2 = body_of(pat.get("/result"))
    got = {
        "result 16:59": ring_team(res),
        "referral.txt 17:01": team_of(route),
        "referral page 17:01": ring_team(page),
        "referral.pdf 17:01": ring_team(pdf),
        "result 17:01": ring_team(res2),
    }
    want = {"result 16:59": CFD_NAME, "referral.txt 17:01": EDT_NAME, "referral page 17:01": EDT_NAME, "referral.pdf 17:01": EDT_NAME, "result 17:01": EDT_NAME}
    report(got == want and "17:01 on 4 January 2028" in txt, "NEW", f"whom to ring, decided at each moment: {got}")
    reasons = [ln[2:40] for ln in txt.split("REASONS\n", 1)[1].split("\n\n", 1)[0].splitlines()] if "REASONS\n" in txt else []
    report(
        reasons and all(r.split(":")[0] in res2 for r in reasons) and "Protection" in txt and EDT in txt,
        "NEW",
        f"referral.txt's reasons are the result page's ({len(reasons)}), its level Protection, the EDT's number {EDT}",
    )
    at(None)


# ------------------------------------------------------------------ two people, two tabs, the back button
def two_people():
    """Oracle: 'nothing lost silently': a form opened before someone else's change refuses, saying what changed; two
    reviews are both kept; a save form sent twice saves once."""
    app = make_app()
    pat = user(app, "pat", "practitioner")
    mgr = user(app, "mia", "manager")
    mo = user(app, "mo", "manager")
    eid = saved_entry(app, pat, "R19-T1")
    url = f"/cases/R19-T1/entries/{eid}/level"
    fa, fb = pat.get(url).get_data(as_text=True), mgr.get(url).get_data(as_text=True)
    pat.post(url, data={**hidden(fa), "level": "extensive", "reason": "R19 practitioner's reason"})
    rb = go(mgr, mgr.post(url, data={**hidden(fb), "level": "child_in_need", "reason": "R19 manager's reason"}))
    rows = sql(app, "select level, reason from overrides")
    said = problem(body_of(rb))
    report(
        rows == [("extensive", "R19 practitioner's reason")] and "Extensive" in said and "R19 manager's reason" in R12.unescape(rb.get_data(as_text=True)),
        "NEW",
        f"a practitioner and a manager record a level from forms opened together: one kept {rows}; the second is told {said[:100]!r}, its reason kept",
    )
    oid = sql(app, "select max(id) from overrides")[0][0]
    u = f"/overrides/{oid}/review"
    p1, p2 = mgr.get(u).get_data(as_text=True), mo.get(u).get_data(as_text=True)
    mgr.post(u, data={**hidden(p1), "note": "R19 first review"})
    mo.post(u, data={**hidden(p2), "note": "R19 second review"})
    page = body_of(mgr.get(u))
    report(
        "R19 first review" in page and "R19 second review" in page,
        "NEW",
        "two managers review one recorded level at once: both reviews kept and shown, each with its reviewer",
    )
    assert walk(pat, [LOW]) == ""
    sp = pat.get("/save").get_data(as_text=True)
    n0 = sql(app, "select count(*) from assessments")[0][0]
    pat.post("/save", data={**hidden(sp), "case_ref": "R19-T2"})
    r2 = go(pat, pat.post("/save", data={**hidden(sp), "case_ref": "R19-T2"}))
    n1 = sql(app, "select count(*) from assessments")[0][0]
    report(n1 - n0 == 1 and "already saved" in body_of(r2), "NEW", f"Back after Save and Save again: saved {n1 - n0} time, the page says {body_of(r2)[5:90]!r}")
    r3 = go(pat, pat.post("/save", data={**hidden(sp), "case_ref": "R19-T3"}))
    n2 = sql(app, "select count(*) from assessments")[0][0]
    note(
        f"Back after Save, the reference changed (a typo corrected), Save: saved again under R19-T3 ({n2 - n1} more; {body_of(r3)[5:45]!r}); "
        "the first stays under "
        "R19-T2 with no word that the same answers are saved twice; no way in the browser to remove an entry saved under a wrong reference (noted)",
    )


# ------------------------------------------------------------------ roles: docs/security.md's table, swept
def roles():
    """Oracle: docs/security.md's access table: manager pages 403 to other roles; trainer pages 403 to other roles;
    admin pages 403 to others; a saved case 404 to other teams and 403 to an admin; signed out 302 to /sign-in;
    a session trainer's pages 404 to everyone else."""
    app = make_app(JOIN_LIMIT_PER_ADDRESS="1000/minute")
    who = {}
    for n, role, team in (("pat", "practitioner", "Team A"), ("pb", "practitioner", "Team B"), ("mia", "manager", "Team A"), ("mb", "manager", "Team B")):
        who[n] = user(app, n, role, team=team)
    for n, role in (("tom", "trainer"), ("ada", "adviser"), ("adm", "admin")):
        who[n] = user(app, n, role)
    who["anon"] = app.test_client()
    eid = saved_entry(app, who["pat"], "R19-R1")
    go(who["pat"], record(who["pat"], "R19-R1", eid, "extensive", "seen at home"))
    oid = sql(app, "select max(id) from overrides")[0][0]
    code, ids = trainer_session(app, who["tom"], 1)
    groups = [
        (
            [
                "/cases/R19-R1",
                "/cases/R19-R1/export.csv",
                "/cases/R19-R1/export.json",
                f"/cases/R19-R1/entries/{eid}",
                f"/cases/R19-R1/entries/{eid}/document",
                f"/cases/R19-R1/entries/{eid}/level",
            ],
            {"pat": 200, "mia": 200, "pb": 404, "mb": 404, "tom": 404, "ada": 404, "adm": 403, "anon": 302},
        ),
        (["/dashboard", "/overrides"], {"mia": 200, "mb": 200, "pat": 403, "pb": 403, "tom": 403, "ada": 403, "adm": 403, "anon": 302}),
        ([f"/overrides/{oid}/review"], {"mia": 200, "mb": 404, "pat": 403, "tom": 403, "ada": 403, "adm": 403, "anon": 302}),
        (
            [
                "/practice/new",
                "/practice/cohorts",
                "/practice/scenarios",
                "/practice/scenarios/new",
                "/practice/scenarios/import",
                "/practice/scenarios/export.yaml",
                f"/practice/scenarios/{ids[0]}.yaml",
            ],
            {"tom": 200, "adm": 200, "pat": 403, "mia": 403, "ada": 403, "anon": 302},
        ),
        (["/admin/ruleset"], {"adm": 200, "pat": 403, "mia": 403, "tom": 403, "ada": 403, "anon": 302}),
        ([f"/practice/session/{code}", f"/practice/session/{code}/summary.csv"], {"adm": 404, "pat": 404, "mia": 404, "ada": 404, "anon": 404}),
    ]
    bad = []
    n = 0
    for urls, want in groups:
        for u in urls:
            for name, status in want.items():
                n += 1
                got = who[name].get(u).status_code
                if got != status:
                    bad.append(f"{name} {u}: {got} (table {status})")
    mb_sees = "R19-R1" in who["mb"].get("/overrides").get_data(as_text=True) or "R19-R1" in who["mb"].get("/dashboard").get_data(as_text=True)
    report(
        not bad and not mb_sees,
        "NEW",
        f"{n} (account, page) pairs against docs/security.md's table: {bad or 'as the table'}; Team B's manager sees Team A's case: {mb_sees}",
    )


# ------------------------------------------------------------------ CSV cells
def csv_cells():
    """Oracle: OWASP's CSV injection guidance: no cell a person typed starts with = + - @, tab or CR unescaped."""
    app = make_app(JOIN_LIMIT_PER_ADDRESS="1000/minute")
    pat = user(app, "pat", "practitioner")
    tr = user(app, "tom", "trainer")
    eid = saved_entry(app, pat, "R19-C1")
    for reason in ('=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(1)"):
        go(pat, record(pat, "R19-C1", eid, "extensive" if reason[0] in "=-" else "child_in_need", reason))
    import_yaml(tr, scenario_yaml("r19-csv", "=1+1 title"))
    nf = tr.get("/practice/new").get_data(as_text=True)
    code = tr.post("/practice/new", data={**hidden(nf), "scenarios": ["r19-csv"], "cohort": "@cohort"}).location.rstrip("/").split("/")[-1]
    for name in ("=cmd", "+Tara", "-Tom", "@Ann"):
        t, r = join(app, code, name)
        go(t, r)
        pg = t.get(f"/practice/s/{code}/r19-csv").get_data(as_text=True)
        t.post(f"/practice/s/{code}/r19-csv", data={**hidden(pg), "level": "additional", "confirm_empty": "1", "ind_identity": [LOW]})
    sp = tr.get(f"/practice/session/{code}").get_data(as_text=True)
    tr.post(f"/practice/session/{code}/end", data=hidden(sp))
    import csv as _csv

    live = []
    for url, c in (("/cases/R19-C1/export.csv", pat), (f"/practice/session/{code}/summary.csv", tr)):
        body = c.get(url).get_data(as_text=True).lstrip("\ufeff")
        for row in _csv.reader(io.StringIO(body)):
            for cell in row:
                if cell[:1] in ("=", "+", "@", "\t", "\r") or (cell[:1] == "-" and not re.fullmatch(r"-?\d+(\.\d+)?", cell)):
                    live.append(f"{url.split('/')[-1]}: {cell[:30]!r}")
    report(not live, "NEW", f"export.csv (4 reasons) and summary.csv (a title, 4 display names) starting = + - @: every typed cell defused: {live or 'each'}")


# ------------------------------------------------------------------ practice: agreement from the answers, by hand
def agreement():
    """Oracle: counted by hand. One scenario whose model level is Additional; three trainees answer Additional,
    Additional and Extensive: agreement with the model 2 of 3 = 66.7%."""
    app = make_app(JOIN_LIMIT_PER_ADDRESS="1000/minute")
    tr = user(app, "tom", "trainer")
    import_yaml(tr, scenario_yaml("r19-agree", "R19 agreement"))
    nf = tr.get("/practice/new").get_data(as_text=True)
    code = tr.post("/practice/new", data={**hidden(nf), "scenarios": ["r19-agree"]}).location.rstrip("/").split("/")[-1]
    for name, level in (("Ann", "additional"), ("Bob", "additional"), ("Cat", "extensive")):
        t, r = join(app, code, name)
        go(t, r)
        pg = t.get(f"/practice/s/{code}/r19-agree").get_data(as_text=True)
        t.post(f"/practice/s/{code}/r19-agree", data={**hidden(pg), "level": level, "confirm_empty": "1"})
    sp = tr.get(f"/practice/session/{code}").get_data(as_text=True)
    tr.post(f"/practice/session/{code}/end", data=hidden(sp))
    page = body_of(tr.get(f"/practice/session/{code}/summary"))
    csvt = tr.get(f"/practice/session/{code}/summary.csv").get_data(as_text=True)
    session_row = next((ln for ln in csvt.splitlines() if ln.startswith("session,")), "")
    report(
        "66.7" in session_row and ("66.7%" in page or "67%" in page) and session_row.split(",")[2] == "3",
        "NEW",
        f"three answers, two agreeing with the model: summary.csv's session row {session_row!r}; the page says 66.7%/67%: {'66.7%' in page or '67%' in page}",
    )


# ------------------------------------------------------------------ the call screen with no script
def nojs_call():
    """Oracle: GOV.UK's progressive enhancement: every action of the call screen works as a plain form post."""
    app = make_app()
    c = app.test_client()
    go(c, c.post("/adviser/", data={**CALL, "immediate": [ALLEGATION], "note": "R19 call note"}))
    h = c.get("/adviser/").get_data(as_text=True)
    summ = summary_of(c)
    copy_hidden = bool(re.search(r'id="app-copy"[^>]*\bhidden\b|\bhidden\b[^>]*id="app-copy"', h))
    nf = re.search(r'<form[^>]*action="/adviser/new".*?</form>', h, re.S)
    h2 = go(c, c.post("/adviser/new", data=hidden(nf.group(0)) if nf else {})).get_data(as_text=True)
    uf = re.search(r'<form[^>]*action="/adviser/undo".*?</form>', h2, re.S)
    h3 = go(c, c.post("/adviser/undo", data=hidden(uf.group(0)) if uf else {})).get_data(as_text=True)
    hp = go(c, c.post("/adviser/", data={**CALL, "age_years": "eight", "immediate": [ALLEGATION], "note": "R19 kept"})).get_data(as_text=True)
    ok = {
        "summary in a text box": "Level:" in summ,
        "Copy button hidden without script": copy_hidden,
        "New call clears": "R19 call note" not in h2,
        "Undo offered and brings it back": bool(uf) and "R19 call note" in h3,
        "a bad age keeps the ring-now and the note": "Error:" in title_of(hp)
        and "R19 kept" in hp
        and bool(re.search(r'value="%s"[^>]*checked' % ALLEGATION, hp)),
    }
    report(all(ok.values()), "NEW", f"the call screen without script: {ok}")


SECTIONS = (
    "dates",
    "imports",
    "trainer_end",
    "blank_text",
    "api",
    "cli",
    "a11y",
    "printing",
    "moment",
    "two_people",
    "roles",
    "csv_cells",
    "agreement",
    "nojs_call",
)


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
