"""Review 20 (surfaces): my own checks of what users see and do. Changes no product code.

Run from the worktree:
    .venv/bin/python docs/review20-surfaces-cases.py all
    # or any of: grid methods csrf_expiry long_text unicode cli api_paths caching audit editor draft other_team

The harness is review 19's runner (docs/review19-surfaces-cases.py), which binds reviews 18, 17, 16, 15 and 12's
helpers (make_app, user, walk, hidden, sql, saved_entry, record, body_of, the clock): imported, not copied. Each
section makes its own app on a throwaway SQLite database (Flask test client, PROPAGATE_EXCEPTIONS off so a defect
shows the page a user sees). CSRF is off except in `csrf_expiry`, which runs the production setting
(WTF_CSRF_ENABLED on) and posts the token each page drew. Accounts are made with store.users.create_user and signed
in through /sign-in. The CLI runs as `python -m cli.main` in a real process. Each check prints "OK      ..." or
"FINDING Sn: ..."; NOTE lines are not counted.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from datetime import timedelta
from pathlib import Path
from traceback import format_exc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_spec = importlib.util.spec_from_file_location("review19_surfaces", ROOT / "docs" / "review19-surfaces-cases.py")
R19 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(R19)  # type: ignore[union-attr]
R18, R17, R12 = R19.R18, R19.R17, R19.R12
make_app, user, walk, hidden, sql, saved_entry, record, body_of, go = (
    R19.make_app,
    R19.user,
    R19.walk,
    R19.hidden,
    R19.sql,
    R19.saved_entry,
    R19.record,
    R19.body_of,
    R19.go,
)
trainer_session, join, problem, import_yaml, scenario_yaml, title_of = (
    R19.trainer_session,
    R19.join,
    R19.problem,
    R19.import_yaml,
    R19.scenario_yaml,
    R19.title_of,
)
LOW, at, local = R17.LOW, R17.at, R17.local
COUNT = {"OK": 0, "FINDING": 0}
ROLES = ("anon", "practitioner", "adviser", "trainer", "manager", "admin")


def report(ok: bool, fid: str, msg: str):
    COUNT["OK" if ok else "FINDING"] += 1
    print(("OK      " if ok else f"FINDING {fid}: ") + msg, flush=True)


def note(msg: str):
    print("NOTE    " + msg, flush=True)


def cli(args, stdin=None, **kw):
    p = subprocess.run([sys.executable, "-m", "cli.main", *args], input=stdin, capture_output=True, text=True, timeout=180, cwd=ROOT, **kw)
    return p.returncode, p.stdout, p.stderr


def world(**cfg):
    """One app with an account of every role (Team A; a second manager and practitioner in Team B), a saved case
    with a recorded level, and a practice session with one trainee."""
    app = make_app(JOIN_LIMIT_PER_ADDRESS="1000/minute", **cfg)
    who = {"anon": app.test_client()}
    for n, role, team in (
        ("practitioner", "practitioner", "Team A"),
        ("adviser", "adviser", "Team A"),
        ("trainer", "trainer", "Team A"),
        ("manager", "manager", "Team A"),
        ("admin", "admin", "Team A"),
        ("pb", "practitioner", "Team B"),
        ("mb", "manager", "Team B"),
    ):
        who[n] = user(app, n, role, team=team)
    eid = saved_entry(app, who["practitioner"], "R20-G1")
    go(who["practitioner"], record(who["practitioner"], "R20-G1", eid, "extensive", "R20 reason seen at home"))
    oid = sql(app, "select max(id) from overrides")[0][0]
    code, ids = trainer_session(app, who["trainer"], 1)
    t, r = join(app, code, "R20Tara")
    go(t, r)
    who["trainee"] = t
    tid = sql(app, "select max(id) from practice_trainees")[0][0]
    return app, who, {"eid": eid, "oid": oid, "code": code, "sid": ids[0], "tid": tid}


def concrete(rule: str, v: dict) -> str:
    subs = {
        "<case_ref>": "R20-G1",
        "<int:entry_id>": str(v["eid"]),
        "<override_id>": str(v["oid"]),
        "<code>": v["code"],
        "<scenario_id>": v["sid"],
        "<int:version>": "1",
        "<int:trainee_id>": str(v["tid"]),
        "<page_id>": "health",
        "<any(txt, json):kind>": "txt",
        "<path:filename>": "app/print.css",
    }
    for k, s in subs.items():
        rule = rule.replace(k, s)
    return rule


# expected refusals by declaration (docs/security.md's table): who is NOT admitted, and what they get
def expected(rule: str, role: str) -> int | None:
    """The status a role that must NOT use the route gets; None when the role is admitted (any non-refusal)."""
    readers = ("practitioner", "adviser", "trainer", "manager")
    if role == "trainee" and not rule.startswith("/practice/s/"):
        role = "anon"  # a trainee is not signed in: everything else answers as to anyone
    if rule in ("/save", "/cases") or rule.startswith("/cases/"):
        if role == "anon":
            return 302
        if role == "admin":
            return 403
        if rule.endswith("/audit"):  # added with review 22 S2's page (fix22s): the team's managers only, by role
            return None if role == "manager" else 403
        if rule.startswith("/cases/") and role in ("adviser", "trainer"):
            return 404  # not the saver nor the team's manager
        return None if role in readers else 403
    if rule in ("/dashboard", "/overrides") or rule.startswith("/overrides/"):
        return None if role == "manager" else (302 if role == "anon" else 403)
    if rule.startswith("/admin/"):
        return None if role == "admin" else (302 if role == "anon" else 403)
    if rule.startswith("/practice/session/"):
        return None if role == "trainer" else 404
    if rule.startswith("/practice/s/"):
        return None if role == "trainee" else 302
    if rule in ("/practice/", "/practice/join"):
        return None
    if rule.startswith("/practice/"):
        return None if role in ("trainer", "admin") else (302 if role == "anon" else 403)
    return None


# ------------------------------------------------------------------ the route grid: every route, every role, GET and POST
def grid():
    """Oracle: docs/security.md's access table, read as a grid. For each rule of the URL map and each of the six
    roles (and a trainee), GET and POST (an empty form) answer as the table says for a role it must NOT have:
    302 to /sign-in signed out, 403 for a role, 404 for a case or session not theirs. No 5xx anywhere."""
    app, who, v = world()
    bad, fives, n = [], [], 0
    rules = [(r.rule, sorted(r.methods - {"HEAD", "OPTIONS"})) for r in app.url_map.iter_rules()]
    for rule, methods in sorted(rules):
        url = concrete(rule, v)
        for role in (*ROLES, "trainee"):
            c = who[role]
            for m in methods:
                if m == "POST" and (rule == "/sign-out" or expected(rule, role) is None):
                    continue  # only refused posts: an admitted one is the feature itself (and sign-out ends the grid)
                n += 1
                r = c.open(url, method=m, data={} if m == "POST" else None)
                got = r.status_code
                if got >= 500:
                    fives.append(f"{role} {m} {url}: {got}")
                want = expected(rule, role)
                if want is not None and got != want:
                    bad.append(f"{role} {m} {url}: {got} (must be {want})")
                if want == 302 and got == 302 and "/sign-in" not in (r.location or "") and "/practice/join" not in (r.location or ""):
                    bad.append(f"{role} {m} {url}: 302 to {r.location}")
    report(not fives, "NEW", f"{n} (route, role, method) requests: no 5xx: {fives[:6] or 'none'}")
    report(not bad, "NEW", f"every role a route must not have is refused as the table says: {bad[:8] or 'all as the table'} ({len(bad)} off)")
    # nothing changed by the refused posts: overrides, reviews, sessions, scenarios
    counts = {
        t: sql(app, f"select count(*) from {t}")[0][0]
        for t in ("assessments", "overrides", "override_reviews", "practice_scenarios", "practice_trainees", "practice_sessions")
    }
    report(
        counts == {"assessments": 1, "overrides": 1, "override_reviews": 0, "practice_scenarios": 0, "practice_trainees": 1, "practice_sessions": 1},
        "NEW",
        f"the grid's refused posts wrote nothing: {counts}",
    )


# ------------------------------------------------------------------ methods: 405 with Allow, HEAD like GET, OPTIONS
def methods():
    """Oracle: RFC 9110 s15.5.6 (405 carries Allow), s9.3.2 (HEAD answers as GET without a body) and s9.3.7 (OPTIONS).
    Every route, every method it does not take, for an anonymous visitor and a signed-in admitted one."""
    app, who, v = world()
    bad405, badhead, badopt, n = [], [], [], 0
    by_rule: dict[str, set[str]] = {}
    for r in app.url_map.iter_rules():
        by_rule.setdefault(r.rule, set()).update(r.methods)  # /adviser/ is two rules: GET and POST
    for rule, allowed in sorted(by_rule.items()):
        url = concrete(rule, v)
        for role in ("anon", "manager", "trainer", "admin"):
            c = who[role]
            for m in ("GET", "POST", "PUT", "DELETE", "PATCH", "TRACE"):
                if m in allowed:
                    continue
                n += 1
                x = c.open(url, method=m)
                allow = {a.strip() for a in x.headers.get("Allow", "").split(",") if a.strip()}
                if x.status_code != 405 or not allow or not (allow - {"HEAD", "OPTIONS"}) <= allowed:
                    bad405.append(f"{role} {m} {url}: {x.status_code} Allow={sorted(allow)}")
            if "GET" in allowed:
                g, h = c.get(url), c.head(url)
                if h.status_code != g.status_code or h.data:
                    badhead.append(f"{role} HEAD {url}: {h.status_code} vs GET {g.status_code}, {len(h.data)} bytes")
            o = c.options(url)
            if o.status_code >= 500 or (o.status_code == 200 and "Allow" not in o.headers):
                badopt.append(f"{role} OPTIONS {url}: {o.status_code}")
    report(not bad405, "NEW", f"{n} wrong methods answer 405 with Allow naming the route's own methods: {bad405[:6] or 'all'}")
    report(not badhead, "NEW", f"HEAD answers as GET with no body on every GET route: {badhead[:6] or 'all'}")
    report(not badopt, "NEW", f"OPTIONS never 5xx and says Allow: {badopt[:6] or 'all'}")
    # the 405 page a person sees, and the API's
    page = who["anon"].open("/result", method="DELETE")
    api = who["anon"].get("/api/v1/assess")
    report(
        "cannot be used like that" in page.get_data(as_text=True) and api.is_json and "error" in json.dumps(api.get_json()),
        "NEW",
        f"a 405 says so in words (page: {body_of(page)[:60]!r}; API: {json.dumps(api.get_json())[:80]})",
    )


# ------------------------------------------------------------------ CSRF on: no token, and a sign-in or session that ended mid-save
def csrf_expiry():
    """Oracle: the brief's 'a POST without the token must be refused, clearly' and 'nothing saved lost, a clear page'.
    With CSRF on (production), (a) every form POST without a token is 400 with words; (b) a sign-in that idles out
    while the override form is open: after signing in again the reason is recorded or still in the form; (c) the
    server-side session (8 hours) ends while the form is open: the page says the sign-in ended and nothing was
    saved, and the reason is kept or the page says it was not."""
    app, who, v = world()
    app.config["WTF_CSRF_ENABLED"] = True  # production's setting, from here on (the accounts were made without it)
    c = who["practitioner"]
    posts = ["/safety", "/child", "/note", "/start-again", "/save", "/settings", "/adviser/", "/adviser/new", "/practice/join", "/sign-in"]
    posts += [f"/cases/R20-G1/entries/{v['eid']}/level", f"/cases/R20-G1/entries/{v['eid']}/assess-again"]
    bad = []
    for u in posts:
        r = c.post(u, data={"case_ref": "R20-X", "reason": "R20 no token", "level": "child_in_need"})
        words = body_of(r)
        if r.status_code != 400 or "could not be sent" not in words:
            bad.append(f"{u}: {r.status_code} {words[:50]!r}")
    rows = sql(app, "select count(*) from overrides")[0][0]
    report(not bad and rows == 1, "NEW", f"{len(posts)} form POSTs without a token: 400 'The form could not be sent' and nothing recorded: {bad or 'all'}")
    page400 = body_of(c.post("/save", data={"case_ref": "R20-X"}))
    note(f"the 400 page reads: {page400[:160]!r}")

    # (b) the sign-in idles out (the web session lives on), the reason is posted with the page's token
    url = f"/cases/R20-G1/entries/{v['eid']}/level"
    form = hidden(c.get(url).get_data(as_text=True))
    sql(app, "update sign_ins set expires_at = :t, last_seen = :t", t="2000-01-01 00:00:00")
    r = c.post(url, data={**form, "level": "child_in_need", "reason": "R20 idle reason"})
    first = r.status_code, r.location
    pg = c.get("/sign-in").get_data(as_text=True)
    r2 = c.post("/sign-in", data={**hidden(pg), "username": "practitioner", "password": R12.PW})
    after = go(c, r2)
    text = after.get_data(as_text=True)
    recorded = sql(app, "select count(*) from overrides where reason = 'R20 idle reason'")[0][0]
    said = re.search(r"Nothing was recorded[^.]*\.[^.]*\.?", body_of(after))
    report(
        recorded == 1 or "R20 idle reason" in text or bool(said),
        "NEW",
        f"CSRF on, sign-in idled out while the level form was open: the post gave {first}; after signing in "
        f"the reason is recorded ({recorded}), still in the form ({'R20 idle reason' in text}), or the page says it was not: "
        f"{title_of(text)!r} {said.group(0) if said else body_of(after)[:120]!r}",
    )

    # (c) the server-side session ends (SESSION_LIFETIME_HOURS) with the form open
    c2 = who["manager"]
    url2 = f"/overrides/{v['oid']}/review"
    form2 = hidden(c2.get(url2).get_data(as_text=True))
    sql(app, "update web_sessions set expires_at = :t", t="2000-01-01 00:00:00")
    r = c2.post(url2, data={**form2, "decision": "agree", "note": "R20 late note"})
    words = body_of(go(c2, r))
    says_signed_out = bool(re.search(r"sign(?:ed)? in|signed out|session", words, re.I))
    says_nothing_saved = bool(re.search(r"nothing (?:was )?(?:saved|recorded)|not (?:been )?saved", words, re.I))
    # the same page when the account signed out in another tab of the same browser (the session, and its token, gone)
    c3 = app.test_client()
    c3.post("/sign-in", data={**hidden(c3.get("/sign-in").get_data(as_text=True)), "username": "practitioner", "password": R12.PW})
    form3 = hidden(c3.get(url).get_data(as_text=True))
    c3.post("/sign-out", data=hidden(c3.get("/").get_data(as_text=True)))
    r3 = c3.post(url, data={**form3, "level": "child_in_need", "reason": "R20 other tab"})
    words3 = body_of(go(c3, r3))
    report(
        says_signed_out and says_nothing_saved,
        "S2",
        f"signed out in another tab, then the level form sent: {r3.status_code} {words3[:80]!r}; "
        f"the session ended (8 hours) with the manager's review form open: the post answers {r.status_code} "
        f"{words[:110]!r}; it names the ended sign-in {says_signed_out}, says nothing was saved {says_nothing_saved}",
    )


# ------------------------------------------------------------------ very long text in every text field
LIMIT_WORDS = re.compile(r"(?:at most|up to|no more than|fewer than|maximum of|longer than)\s+[\d,]+|[\d,]+\s+characters", re.I)


def long_text():
    """Oracle: the brief's 'very long inputs in every text field (the limit named)'. Each field gets 20,000 'x'
    (under the 64 KB body limit). Refused with the limit named, or kept whole; never a 500, never cut short unsaid."""
    app, who, v = world()
    big = "R20" + "x" * 20000
    pat, mgr, tr, anon = who["practitioner"], who["manager"], who["trainer"], who["anon"]
    out = {}

    def try_post(c, url, data, name):
        page = c.get(url).get_data(as_text=True)
        r = c.post(url, data={**hidden(page), **data})
        res = go(c, r)
        words = body_of(res)
        out[name] = (r.status_code, res.status_code, words)

    walk(pat, [LOW])
    try_post(pat, "/save", {"case_ref": big}, "save: case reference")
    try_post(pat, f"/cases/R20-G1/entries/{v['eid']}/level", {"level": "child_in_need", "reason": big}, "override reason")
    try_post(mgr, f"/overrides/{v['oid']}/review", {"decision": "agree", "note": big}, "review note")
    walk(pat, [LOW])
    r = pat.post("/note", data={"note": big})  # the result page's note form
    res = go(pat, r)
    out["result note"] = (r.status_code, res.status_code, body_of(res))
    try_post(anon, "/adviser/", {**R12.CALL, "note": big}, "call note")
    try_post(anon, "/adviser/", {**R12.CALL, "q": big}, "call search")
    try_post(tr, "/practice/new", {"scenarios": [v["sid"]], "cohort": big}, "cohort label")
    try_post(anon, "/practice/join", {"code": v["code"], "name": big}, "display name")
    try_post(anon, "/practice/join", {"code": big, "name": "R20J"}, "join code")
    try_post(anon, "/sign-in", {"username": big, "password": "x"}, "sign-in username")
    for fld in ("title", "narrative", "why", "common_mistake", "pages", "scenario_id"):
        page = tr.get("/practice/scenarios/new").get_data(as_text=True)
        form = R17.R15.scenario_form(page, "R20 long", f"r20-long-{fld.replace('_', '-')}", "Ali, 8, has low self-esteem.")
        form[fld] = big.lower()  # an id takes lower case only: the length is what is tried
        r = tr.post("/practice/scenarios/new", data=form)
        res = go(tr, r)
        out[f"scenario {fld}"] = (r.status_code, res.status_code, body_of(res))
    five, unnamed, stored_cut, unlimited = [], [], [], []
    fixed_form = ("join code", "sign-in username")  # a code and a username have a shape, not a length: their refusal is by design
    for name, (s1, s2, words) in out.items():
        if s1 >= 500 or s2 >= 500:
            five.append(name)
            continue
        refused = "There is a problem" in words or s1 in (400, 413, 422)
        lim = LIMIT_WORDS.search(problem(words, 400) or words)
        note(f"{name}: {'refused' if refused else 'taken'}{' naming ' + repr(lim.group(0)) if refused and lim else ''}")
        if not refused:
            unlimited.append(name)
        if refused and not lim and name not in fixed_form:
            unnamed.append(f"{name}: {problem(words, 150) or words[:120]!r}")
    # stored whole or not at all
    for tbl, col in (
        ("assessments", "case_ref"),
        ("overrides", "reason"),
        ("override_reviews", "note"),
        ("practice_trainees", "name"),
        ("practice_results", "cohort"),
    ):
        for (val,) in sql(app, f"select {col} from {tbl}"):
            if val and str(val).startswith("R20x") and len(val) != len(big):
                stored_cut.append(f"{tbl}.{col} ({len(val)} of {len(big)})")
    report(not five, "NEW", f"20,000 characters in {len(out)} text fields: no 5xx: {five or 'none'}")
    report(not unnamed, "NEW", f"a field that refuses 20,000 characters names its limit: unnamed in {len(unnamed)}: {unnamed or 'none'}")
    lib = tr.get("/practice/scenarios")
    report(
        not unlimited,
        "S3",
        f"every text field has a limit: 20,000 characters taken without one in {unlimited}; the library page is now "
        f"{len(lib.data) // 1000} KB; stored scenario YAML {[(i, len(y)) for i, y in sql(app, 'select id, yaml from practice_scenarios')]}",
    )
    report(not stored_cut, "NEW", f"no long text stored cut short: {stored_cut or 'none'}")


# ------------------------------------------------------------------ Unicode: the same name typed composed and decomposed
def unicode():
    """Oracle: Unicode UAX #15: 'Zoë' typed composed (U+00EB) and decomposed (e + U+0308) is the same text to a reader;
    the app must treat it as one value (one cohort, one display name) or refuse it alike."""
    app, who, v = world()
    tr = who["trainer"]
    nfc, nfd = unicodedata.normalize("NFC", "Zoë R20"), unicodedata.normalize("NFD", "Zoë R20")
    assert nfc != nfd
    # cohort: two sessions, the same label typed two ways
    for lab in (nfc, nfd):
        pg = tr.get("/practice/new").get_data(as_text=True)
        r = tr.post("/practice/new", data={**hidden(pg), "scenarios": [v["sid"]], "cohort": lab})
        code = (r.location or "").rstrip("/").split("/")[-1]
        tr.post(f"/practice/session/{code}/end", data=hidden(tr.get(f"/practice/session/{code}").get_data(as_text=True)))
    cohorts = [c for (c,) in sql(app, "select distinct cohort from practice_results where cohort is not null")]
    page = tr.get("/practice/cohorts").get_data(as_text=True)
    shown_twice = page.count(nfc) + page.count(nfd)
    report(
        len({unicodedata.normalize("NFC", c) for c in cohorts}) == len(cohorts),
        "S4",
        f"a cohort label typed composed and decomposed is stored as {len(cohorts)} cohorts ({[c.encode('unicode_escape').decode() for c in cohorts]}); "
        f"/practice/cohorts draws {shown_twice} links that read 'Zoë R20'",
    )
    # display name: the same name twice in one session
    t1, r1 = join(app, v["code"], nfc)
    go(t1, r1)
    t2, r2 = join(app, v["code"], nfd)
    second = body_of(go(t2, r2))
    t3, r3 = join(app, v["code"], nfc)
    third = body_of(go(t3, r3))
    names = [n for (n,) in sql(app, "select name from practice_trainees where code = :c", c=v["code"])]
    same_twice = sum(unicodedata.normalize("NFC", n) == nfc for n in names)
    nfc_twice_refused = "There is a problem" in third
    report(
        nfc_twice_refused == ("There is a problem" in second),
        "S4",
        f"display name 'Zoë R20': typed composed twice, the second is {'refused' if nfc_twice_refused else 'taken'}; "
        f"typed decomposed after the composed one, it is {'refused' if 'There is a problem' in second else 'taken'} ({same_twice} trainees read 'Zoë R20')",
    )
    # case reference: composed and decomposed
    pat = who["practitioner"]
    walk(pat, [LOW])
    res = body_of(go(pat, pat.post("/save", data={**hidden(pat.get("/save").get_data(as_text=True)), "case_ref": "R20-ZOË"})))
    note(f"a case reference with 'Ë': {problem(res, 140) or res[:100]!r}")
    # username: sign in with the decomposed form of a composed username, if usernames take it
    try:
        from store.users import create_user

        create_user(app.extensions["fsp_store"], nfc.replace(" ", ""), "practitioner", "Team A", R12.PW)
        made = True
    except Exception as exc:  # noqa: BLE001
        made = False
        note(f"a username 'ZoëR20' is refused by store.users: {exc}")
    if made:
        c = app.test_client()
        ok = c.post("/sign-in", data={"username": nfd.replace(" ", ""), "password": R12.PW}).status_code in (302, 303)
        report(ok, "S4", f"the username 'ZoëR20' (made composed) signs in typed decomposed: {ok}")


# ------------------------------------------------------------------ the CLI: missing, unreadable, huge input; stdin closed; --help
def cli_files():
    """Oracle: cli/files.py and review 14/15's promise: one stderr line naming the input, exit 2, nothing on stdout,
    no traceback; --help exits 0 and names every command; closed stdin is an input error, not a hang or a trace."""
    tmp = Path(tempfile.mkdtemp(prefix="review20s-cli-"))
    bad_utf8 = tmp / "latin1.json"
    bad_utf8.write_bytes(b'{"child": {"age_years": 8}, "indicators": ["caf\xe9"]}')
    huge = tmp / "huge.json"
    with huge.open("w") as f:
        f.write('{"child": {"age_years": 8}, "indicators": [')
        f.write(",".join(['"x"'] * 3_000_000))
        f.write("]}")
    deep = tmp / "deep.json"
    deep.write_text("[" * 100000 + "]" * 100000)
    cases = {
        "missing file": ["assess", str(tmp / "nope.json")],
        "not UTF-8": ["assess", str(bad_utf8)],
        f"huge ({huge.stat().st_size // 1_000_000} MB, 3 million indicators)": ["assess", str(huge)],
        "100,000 nested brackets": ["assess", str(deep)],
        "scenarios check on a missing file": ["scenarios", "check", str(tmp / "nope.yaml")],
        "scenarios check on a JSON file": ["scenarios", "check", str(huge)],
    }
    for what, argv in cases.items():
        rc, out, err = cli(argv)
        lines = [ln for ln in err.strip().splitlines() if ln.strip()]
        ok = rc == 2 and not out.strip() and "Traceback" not in err and 1 <= len(lines) <= 2
        report(ok, "NEW", f"pathway {argv[0]} {what}: exit {rc}, stdout {len(out)} chars, stderr {(lines[-1] if lines else '')[:110]!r}")
    # stdin closed (not empty: closed) for `assess -`
    p = subprocess.run([sys.executable, "-m", "cli.main", "assess", "-"], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60, cwd=ROOT)
    report(p.returncode == 2 and "Traceback" not in p.stderr, "S5", f"pathway assess - with stdin at end: exit {p.returncode}, {p.stderr.strip()[:100]!r}")
    p = subprocess.run(f"{sys.executable} -m cli.main assess - <&-", shell=True, capture_output=True, text=True, timeout=60, cwd=ROOT)
    last = (p.stderr.strip().splitlines() or [""])[-1]
    report(
        p.returncode == 2 and "Traceback" not in p.stderr,
        "S5",
        f"pathway assess - with stdin closed (`<&-`): exit {p.returncode}, {'a traceback ending ' if 'Traceback' in p.stderr else ''}{last[:100]!r}",
    )
    # stdout closed early (| head -c 1)
    p = subprocess.run(f"{sys.executable} -m cli.main indicators | head -c 1 >/dev/null", shell=True, capture_output=True, text=True, timeout=60, cwd=ROOT)
    report("Traceback" not in p.stderr, "NEW", f"pathway indicators | head -c 1: no traceback on the broken pipe ({p.stderr.strip()[:80]!r})")
    # --help
    rc, out, err = cli(["--help"])
    cmds = ("indicators", "assess", "search", "scenarios", "users", "retention", "ruleset")
    report(rc == 0 and all(c in out for c in cmds), "NEW", f"pathway --help: exit {rc}, names every command {all(c in out for c in cmds)}")
    badhelp = []
    for c in cmds:
        rc, out, err = cli([c, "--help"])
        if rc != 0 or "usage:" not in out or "Traceback" in err:
            badhelp.append(f"{c}: exit {rc}")
    report(not badhelp, "NEW", f"each command's --help exits 0 with its usage: {badhelp or 'all'}")
    rc, out, err = cli(["assess", "--help"])
    report("-" in out and ("stdin" in out or "standard input" in out), "S5", f"pathway assess --help says '-' reads stdin: {out.strip()[:200]!r}")
    rc, out, err = cli(["users", "--help"])
    note(f"pathway users --help: {' '.join(out.split())[:240]!r}")


# ------------------------------------------------------------------ the API's error bodies: every field by its JSON path
def api_paths():
    """Oracle: docs/contract.md: a 422 lists each wrong field by its JSON path. Each body below is wrong in one place."""
    c = make_app().test_client()
    cases = [
        ("/api/v1/assess", {"child": {"age_years": 8}, "indicators": [LOW, "r20_not_an_indicator"]}, "indicators[1]"),
        ("/api/v1/assess", {"child": {"age_years": 8}, "indicators": [LOW], "context": {"caller": "alien"}}, "context.caller"),
        ("/api/v1/assess", {"child": {"age_years": 8}, "indicators": [LOW], "context": {"contact_time": "tomorrow"}}, "context.contact_time"),
        ("/api/v1/assess", {"child": {"age_years": -1}, "indicators": [LOW]}, "child.age_years"),
        ("/api/v1/assess", {"child": {"age_years": 8, "age_months": 13}, "indicators": [LOW]}, "child.age_months"),
        ("/api/v1/assess", {"child": {"age_years": 8, "r20": 1}, "indicators": [LOW]}, "child.r20"),
        ("/api/v1/assess", {"child": {"age_years": 8}, "indicators": [LOW], "r20": 1}, "r20"),
        ("/api/v1/assess", {"child": [8], "indicators": [LOW]}, "child"),
        ("/api/v1/assess", {"child": {"age_years": 8}, "indicators": ["x" * 5000]}, "indicators[0]"),
        ("/api/v1/assess", {"child": {"age_years": 8}, "indicators": [LOW] * 1000}, "indicators"),
        ("/api/v1/search", {"words": "x" * 20000}, "words"),
        ("/api/v1/search", {"words": "neglect", "limit": 0}, "limit"),
        ("/api/v1/search", {"words": "neglect", "limit": 10**6}, "limit"),
        ("/api/v1/search", {"words": ""}, "words"),
    ]
    bad, fives = [], []
    for url, body, path in cases:
        r = c.post(url, json=body)
        if r.status_code >= 500:
            fives.append(f"{url} {path}")
            continue
        fields = [e.get("field") for e in (r.get_json() or {}).get("errors", [])] if r.is_json else []
        if r.status_code == 200:
            bad.append(f"{path}: 200 (decided/answered)")
        elif path not in fields:
            bad.append(f"{path}: {r.status_code} fields {fields} {json.dumps(r.get_json())[:120] if r.is_json else r.data[:60]}")
    report(not fives, "NEW", f"{len(cases)} API bodies wrong in one place: no 5xx {fives or ''}")
    report(not bad, "S6", f"each API error names the field by its JSON path: {bad or 'all'}")


# ------------------------------------------------------------------ caching headers
def caching():
    """Oracle: docs/security.md ('Cache-Control: no-store on everything but static files, which may be cached') and
    RFC 9111: a page, download or API answer with a child's details is no-store; a static file is cacheable
    (no no-store) and revalidates (ETag or Last-Modified)."""
    app, who, v = world()
    pat, mgr, tr = who["practitioner"], who["manager"], who["trainer"]
    walk(pat, [LOW])
    personal = {
        "result": (pat, "/result"),
        "referral.pdf": (pat, "/referral.pdf"),
        "referral.txt": (pat, "/referral.txt"),
        "case": (pat, "/cases/R20-G1"),
        "export.csv": (pat, "/cases/R20-G1/export.csv"),
        "export.json": (pat, "/cases/R20-G1/export.json"),
        "entry document": (pat, f"/cases/R20-G1/entries/{v['eid']}/document"),
        "overrides": (mgr, "/overrides"),
        "dashboard": (mgr, "/dashboard"),
        "summary.csv": (tr, f"/practice/session/{v['code']}/summary.csv"),
        "call screen": (who["adviser"], "/adviser/"),
    }
    bad = [
        f"{k}: {c.get(u).headers.get('Cache-Control')!r}" for k, (c, u) in personal.items() if "no-store" not in (c.get(u).headers.get("Cache-Control") or "")
    ]
    api = who["anon"].post("/api/v1/assess", json={"child": {"age_years": 8}, "indicators": [LOW]})
    if "no-store" not in (api.headers.get("Cache-Control") or ""):
        bad.append(f"API assess: {api.headers.get('Cache-Control')!r}")
    report(not bad, "NEW", f"{len(personal) + 1} pages, downloads and API answers with a child's details are no-store: {bad or 'all'}")
    statics = {}
    for u in ("/static/app/print.css", "/assets/" + "app/print.css"):
        r = who["anon"].get(u)
        statics[u] = (r.status_code, r.headers.get("Cache-Control"), bool(r.headers.get("ETag") or r.headers.get("Last-Modified")))
    html = who["anon"].get("/").get_data(as_text=True)
    linked = re.findall(r'(?:href|src)="(/(?:static|assets)/[^"]+)"', html)
    for u in linked[:4]:
        r = who["anon"].get(u)
        statics[u] = (r.status_code, r.headers.get("Cache-Control"), bool(r.headers.get("ETag") or r.headers.get("Last-Modified")))
    stale = {u: s for u, s in statics.items() if s[0] == 200 and ("no-store" in (s[1] or "") or not s[2])}
    report(not stale, "NEW", f"static files are cacheable and revalidate: {statics}")
    # a conditional GET is answered 304
    if linked:
        r = who["anon"].get(linked[0])
        tag = r.headers.get("ETag")
        r2 = who["anon"].get(linked[0], headers={"If-None-Match": tag} if tag else {})
        note(f"{linked[0]}: Cache-Control {r.headers.get('Cache-Control')!r}; with If-None-Match: {r2.status_code}")


# ------------------------------------------------------------------ the audit trail for every write
def audit():
    """Oracle: the brief's 'the audit trail for every write (who, what, when; no personal data in it beyond ids)'
    and store/audit.py's own rule ('detail is for counts and reasons codes, never free text from a user'). Each
    write below is done once through the app; the audit log must gain a row with the acting account and the time,
    and no typed text."""
    app, who, v = world()
    pat, mgr, tr, adm = who["practitioner"], who["manager"], who["trainer"], who["admin"]

    def rows():
        return sql(app, "select id, at, user_id, action, outcome, record_id, case_ref, detail from audit_log order by id")

    writes = {}

    def did(name, fn):
        before = len(rows())
        fn()
        writes[name] = rows()[before:]

    did("save an assessment", lambda: saved_entry(app, pat, "R20-A1"))
    eid = sql(app, "select max(id) from assessments")[0][0]
    did("record a level", lambda: go(pat, record(pat, "R20-A1", eid, "child_in_need", "R20AUDITREASON mum said")))
    oid = sql(app, "select max(id) from overrides")[0][0]
    did(
        "review a level",
        lambda: R19.drawn(mgr, f"/overrides/{oid}/review", {"decision": "agree", "note": "R20AUDITNOTE"}),
    )
    did("export a case (csv)", lambda: pat.get("/cases/R20-A1/export.csv"))
    did(
        "write a scenario",
        lambda: tr.post(
            "/practice/scenarios/new",
            data=R17.R15.scenario_form(tr.get("/practice/scenarios/new").get_data(as_text=True), "R20AUDITTITLE", "r20-aud", "Ali, 8, low self-esteem."),
        ),
    )
    did("import a scenario", lambda: import_yaml(tr, scenario_yaml("r20-imp", "R20AUDITIMPORT")))
    holder = {}

    def start():
        pg = tr.get("/practice/new").get_data(as_text=True)
        r = tr.post("/practice/new", data={**hidden(pg), "scenarios": [v["sid"]], "cohort": "R20AUDITCOHORT"})
        holder["code"] = (r.location or "").rstrip("/").split("/")[-1]

    did("start a practice session", start)
    t, r = join(app, holder["code"], "R20AUDITNAME")
    go(t, r)
    tid = sql(app, "select max(id) from practice_trainees")[0][0]
    sp = lambda: hidden(tr.get(f"/practice/session/{holder['code']}").get_data(as_text=True))  # noqa: E731
    did("remove a trainee (their answers deleted)", lambda: tr.post(f"/practice/session/{holder['code']}/trainees/{tid}/remove", data=sp()))
    did("end a practice session", lambda: tr.post(f"/practice/session/{holder['code']}/end", data=sp()))
    draft = (ROOT / "pathway" / "data" / "fsp_2014.yaml").read_bytes()

    def try_draft():
        pg = adm.get("/admin/ruleset").get_data(as_text=True)
        r = adm.post(
            "/admin/ruleset",
            data={**hidden(pg), "file": (io.BytesIO(draft), "draft.yaml"), "saved": "y"},
            content_type="multipart/form-data",
        )
        go(adm, r)

    did("try a draft catalogue on saved answers", try_draft)
    did("sign out", lambda: pat.post("/sign-out", data=hidden(pat.get("/").get_data(as_text=True))))
    missing = [k for k, rs in writes.items() if not any(r[4] in ("ok", "repeat") and r[2] is not None for r in rs)]
    report(
        not missing,
        "S7",
        f"{len(writes)} writes each leave an audit row naming the account: missing for {missing or 'none'} "
        f"(rows: { {k: [r[3] for r in rs] for k, rs in writes.items()} })",
    )
    typed = ("R20AUDITREASON", "R20AUDITNOTE", "R20AUDITTITLE", "R20AUDITIMPORT", "R20AUDITCOHORT", "R20AUDITNAME", "mum said")
    leaked = [f"{r[3]}: {r[7]!r}" for r in rows() if any(w.lower() in str(r).lower() for w in typed)]
    report(not leaked, "NEW", f"no typed text in any audit row: {leaked or 'none'}")
    no_time = [r[3] for r in rows() if not r[1]]
    report(not no_time, "NEW", f"every audit row has its time: {no_time or 'all'}")
    # a refused sign-in: the audit keeps no typed username or password
    anon = app.test_client()
    anon.post("/sign-in", data={"username": "R20SECRETPW-typed-as-name", "password": "R20pw"})
    last = rows()[-1]
    report("R20SECRETPW" not in str(last) and "R20pw" not in str(last), "NEW", f"a refused sign-in's audit row keeps no typed name or password: {last[3:]}")


# ------------------------------------------------------------------ the scenario editor: a bad edit named, a good one kept
def editor():
    """Oracle: docs/practice.md (the library keeps numbered versions) and the brief: a bad edit is refused naming the
    field with the typed text kept; a good edit makes a new version and the earlier one stays readable."""
    app, who, v = world()
    tr = who["trainer"]
    base = R17.R15.scenario_form(tr.get("/practice/scenarios/new").get_data(as_text=True), "R20 first", "r20-ed", "Ali, 8, has low self-esteem.")
    go(tr, tr.post("/practice/scenarios/new", data=base))
    bads = {
        "no title": {"title": ""},
        "no narrative": {"narrative": ""},
        "age 30": {"age_years": "30"},
        "age months 13": {"age_months": "13"},
        "id with a space": {"scenario_id": "r20 ed"},
        "pages empty": {"pages": ""},
    }  # (no needs ticked is a Universal scenario: taken, rightly)
    unnamed = []
    for what, change in bads.items():
        form = R17.R15.scenario_form(tr.get("/practice/scenarios/new").get_data(as_text=True), "R20 first", "r20-ed", "Ali, 8, has low self-esteem.")
        form.update(change)
        form["narrative"] = change.get("narrative", "R20KEPT narrative, 8, low self-esteem.")
        r = go(tr, tr.post("/practice/scenarios/new", data=form))
        page = r.get_data(as_text=True)
        err = problem(body_of(r), 200)
        if not err or (what != "no narrative" and "R20KEPT" not in page) or r.status_code >= 500:
            unnamed.append(f"{what}: {r.status_code} {err[:100]!r} kept={'R20KEPT' in page}")
    report(not unnamed, "NEW", f"{len(bads)} bad edits are refused naming the problem with the text kept: {unnamed or 'all'}")
    vers0 = sql(app, "select count(*) from practice_scenario_versions where scenario_id='r20-ed'")[0][0]
    form = R17.R15.scenario_form(tr.get("/practice/scenarios/new").get_data(as_text=True), "R20 second", "r20-ed", "Ali, 8, has low self-esteem.")
    page = body_of(go(tr, tr.post("/practice/scenarios/new", data=form)))
    vers = sql(app, "select version from practice_scenario_versions where scenario_id='r20-ed' order by version")
    first = tr.get("/practice/scenarios/r20-ed/versions/1.yaml").get_data(as_text=True)
    report(
        len(vers) == vers0 + 1 and "R20 first" in first and "R20 second" in tr.get("/practice/scenarios/r20-ed.yaml").get_data(as_text=True),
        "NEW",
        f"a good edit of r20-ed is a new version ({[x for (x,) in vers]}), version 1 still reads 'R20 first' {'R20 first' in first}; page {page[:80]!r}",
    )


# ------------------------------------------------------------------ the owners' draft catalogue
def draft():
    """Oracle: webapp/owners/views.py's promise (a draft that does not validate is refused, its fields named; a good
    one gives the report). A draft is the shipped catalogue with one change."""
    import yaml

    app, who, v = world()
    adm = who["admin"]
    ship = (ROOT / "pathway" / "data" / "fsp_2014.yaml").read_text()
    data = yaml.safe_load(ship)

    def post(text: str | bytes, name="draft.yaml"):
        pg = adm.get("/admin/ruleset").get_data(as_text=True)
        raw = text.encode() if isinstance(text, str) else text
        r = adm.post("/admin/ruleset", data={**hidden(pg), "file": (io.BytesIO(raw), name)}, content_type="multipart/form-data")
        return go(adm, r)

    # find an indicator list to break
    def first_key(d, want):
        if isinstance(d, dict):
            for k, x in d.items():
                if k == want:
                    return d
                got = first_key(x, want)
                if got is not None:
                    return got
        if isinstance(d, list):
            for x in d:
                got = first_key(x, want)
                if got is not None:
                    return got
        return None

    results = {}
    results["not YAML"] = post("key: [unclosed")
    results["not UTF-8"] = post(b"\xff\xfe\x00 bad")
    results["empty file"] = post("")
    results["a list"] = post("- 1\n- 2\n")
    d2 = yaml.safe_load(ship)
    holder = first_key(d2, "level")
    if holder is not None:
        holder["level"] = "r20_no_such_level"
    results["a level the pathway lacks"] = post(yaml.safe_dump(d2, allow_unicode=True))
    d3 = yaml.safe_load(ship)
    holder = first_key(d3, "text")
    if holder is not None:
        holder["text"] = "\u202eR20 flipped"
    results["an indicator text with U+202E"] = post(yaml.safe_dump(d3, allow_unicode=True))
    unnamed = []
    for what, r in results.items():
        words = body_of(r)
        err = problem(words, 220)
        if r.status_code >= 500 or not err:
            unnamed.append(f"{what}: {r.status_code} {words[:90]!r}")
    report(not unnamed, "S8", f"{len(results)} bad drafts refused, the problem named: {unnamed or 'all'}")
    for what, r in results.items():
        note(f"draft {what}: {' '.join(problem(body_of(r), 160).split())!r}")
    good = post(ship)
    words = body_of(good)
    report(good.status_code == 200 and "There is a problem" not in words, "NEW", f"the shipped catalogue as a draft gives its report: {words[:100]!r}")
    rep = adm.get("/admin/ruleset/report.json")
    report(rep.status_code == 200 and rep.is_json, "NEW", f"its report.json is kept for the next GET: {rep.status_code}")
    _ = data


# ------------------------------------------------------------------ what a manager sees of another team
def other_team():
    """Oracle: docs/oversight.md / security.md: a manager reads their own team's entries, overrides and dashboard;
    another team's case is 404 (exactly as an unused reference), on every method, and counts are not shown."""
    app, who, v = world()
    mb = who["mb"]
    unused = mb.get("/cases/R20-NOPE").status_code
    checks = {
        "GET case": mb.get("/cases/R20-G1").status_code,
        "GET entry": mb.get(f"/cases/R20-G1/entries/{v['eid']}").status_code,
        "GET level form": mb.get(f"/cases/R20-G1/entries/{v['eid']}/level").status_code,
        "POST level": mb.post(f"/cases/R20-G1/entries/{v['eid']}/level", data={"level": "protection", "reason": "R20 B"}).status_code,
        "POST assess-again": mb.post(f"/cases/R20-G1/entries/{v['eid']}/assess-again").status_code,
        "GET review": mb.get(f"/overrides/{v['oid']}/review").status_code,
        "POST review": mb.post(f"/overrides/{v['oid']}/review", data={"decision": "agree", "note": "R20 B"}).status_code,
        "GET export.json": mb.get("/cases/R20-G1/export.json").status_code,
    }
    wrote = sql(app, "select count(*) from overrides")[0][0], sql(app, "select count(*) from override_reviews")[0][0]
    report(
        all(s == 404 for s in checks.values()) and unused == 404 and wrote == (1, 0),
        "NEW",
        f"Team B's manager on Team A's case: {checks} (an unused reference: {unused}); nothing written {wrote}",
    )
    dash = body_of(mb.get("/dashboard"))
    ovr = body_of(mb.get("/overrides"))
    cases = body_of(mb.get("/cases"))
    seen = [k for k, p in (("dashboard", dash), ("overrides", ovr), ("cases", cases)) if "R20-G1" in p or "R20 reason" in p]
    nums = re.findall(r"\b\d+\b", dash)
    report(not seen, "NEW", f"Team B's manager's dashboard, overrides and cases name nothing of Team A: {seen or 'none'}; dashboard numbers {nums[:12]}")
    # oversight granted: then seen, and the grant audited
    from store import oversight

    mb_id = sql(app, "select id from users where username = 'admin'")[0][0]
    oversight.grant(app.extensions["fsp_store"], "mb", "Team A", actor_id=mb_id)
    sees = mb.get("/cases/R20-G1").status_code
    row = sql(app, "select action, user_id, record_id, detail from audit_log where action = 'user.oversee'")
    report(sees == 200 and bool(row), "NEW", f"given oversight of Team A (audited {row}), Team B's manager opens the case: {sees}")


SECTIONS = ("grid", "methods", "csrf_expiry", "long_text", "unicode", "cli_files", "api_paths", "caching", "audit", "editor", "draft", "other_team")


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
    print(f"== {COUNT['OK']} OK, {COUNT['FINDING']} FINDING lines, {monotonic() - began:.0f} s")
    _ = (os, timedelta, local)
