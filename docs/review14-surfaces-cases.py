"""Review 14 (surfaces): my own checks of what users see and do. Changes no product code.

Run from the worktree:
    .venv/bin/python docs/review14-surfaces-cases.py [without|tabs|expiry|tokens|access|callnote|editor|export|uploads|cli|all]

The harness is review 12's runner (docs/review12-surfaces-cases.py), imported as review 13's runner does:
each section makes its own app on a throwaway SQLite database (Flask test client with PROPAGATE_EXCEPTIONS
off, so a defect shows the 500 page a user sees; CSRF off; office hours "always open"), signs in through
/sign-in, and compares each surface with the others, with rules.evaluate or with the tool's own words written
here. The CLI runs as `python -m cli.main` in a real process, on files made in a throwaway folder. The root
logger is captured throughout and searched at the end for every marker word typed. Each check prints
"OK      ..." or "FINDING Yn: ..."; one I did not expect to fail prints "FINDING NEW".
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# review 12's runner is the harness (its app factory, sign-in, journey walk, page text and the captured root
# logger), imported rather than copied; only its report and counts are this runner's own
_spec = importlib.util.spec_from_file_location("review12_surfaces", ROOT / "docs" / "review12-surfaces-cases.py")
R12 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(R12)  # type: ignore[union-attr]

ALWAYS_OPEN, CAT, CHILD, CALL, FETCH = R12.ALWAYS_OPEN, R12.CAT, R12.CHILD, R12.CALL, R12.FETCH
make_app, user, text, follow, walk, level_shown, cli, summary_of, db = (
    R12.make_app,
    R12.user,
    R12.text,
    R12.follow,
    R12.walk,
    R12.level_shown,
    R12.cli,
    R12.summary_of,
    R12.db,
)
LOGS = R12.LOGS
COUNT = {"OK": 0, "FINDING": 0}
TYPED: list[str] = []
TMP = Path(tempfile.mkdtemp(prefix="review14s-"))

UNDER2 = "immediate.unexplained_bruising_under_2"
ALLEGATION = "immediate.allegation_or_disclosure"
LOW = "additional.low_self_esteem"
PHONE = "0115 876 4800"  # Children and Families Direct (p4), the ring-now number on every surface


def report(ok: bool, fid: str, msg: str):
    COUNT["OK" if ok else "FINDING"] += 1
    print(("OK      " if ok else f"FINDING {fid}: ") + msg, flush=True)


def saved_rows(app) -> list:
    from sqlalchemy import text as sql

    with db(app).begin() as cx:
        return cx.execute(sql("select id, case_ref, level, case_json from assessments order by id")).fetchall()


def pdf_text(data: bytes) -> str:
    path = TMP / "r.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, timeout=60).stdout
    return re.sub(r"\s+", " ", out)


# ------------------------------------------------------------------ Y-without: one case, every surface
def without():
    """Age 8 with the p9 box for under-2s, an allegation and low self-esteem: every surface should give the same
    level, ring-now, number, and what it was decided without (the child's age, left13's reading). The journey's
    written referral is read by Social Care, not by a call handler. Oracle: the API's decision."""
    app = make_app()
    pat = user(app, "pat", "practitioner")
    adv = user(app, "ada", "adviser")
    body = {"child": {"age_years": 8}, "indicators": [UNDER2, ALLEGATION, LOW], "context": {"caller": "professional", "caf": "none"}}
    r = app.test_client().post("/api/v1/assess", json=body)
    api = r.get_json() or {}
    api_without = [e["field"] for e in api.get("decided_without", [])]
    rc, out, err = cli(["assess", "-"], stdin=json.dumps(body))
    cli_d = json.loads(out) if rc == 0 else {}
    assert walk(pat, [LOW]) == ""
    pat.post("/safety?change=1", data={"immediate": [UNDER2, ALLEGATION]})
    res = text(pat.get("/result"))
    child = text(pat.get("/child?change=1"))
    ref = text(pat.get("/referral"))
    txt = pat.get("/referral.txt").get_data(as_text=True)
    pdf = pat.get("/referral.pdf")
    ptxt = pdf_text(pdf.data) if pdf.status_code == 200 else ""
    adv.post("/adviser/new")
    status = (adv.post("/adviser/", data={**CALL, "immediate": [UNDER2, ALLEGATION], "add": LOW}, headers=FETCH).get_json() or {}).get("status", "")
    summ = summary_of(adv)
    surfaces = {
        "API": api.get("level") == "protection" and api.get("immediate") is True and api_without == ["child.age_years"],
        "CLI": cli_d.get("level") == "protection" and "decided without child.age_years" in err,
        "result": res.startswith("Ring") and PHONE in res and "Decided without the child's age" in res,
        "child page": "Decided without the child's age" in child,
        "referral page": "Protection (immediate referral)" in ref and "Decided without the child's age" in ref,
        "referral.txt": "DECISION: Protection - immediate referral" in txt and PHONE in txt and "Decided without the child's age" in txt,
        "referral.pdf": "Protection (immediate referral)" in ptxt and "Decided without the child's age" in ptxt,
        "call screen": status.startswith("Put the call through now") and "without the child's age" in status,
        "call summary": "without the child's age" in summ,
    }
    report(
        all(surfaces.values()), "NEW", f"age 8, under-2 box + allegation + low self-esteem: Protection, ring-now and 'without the child's age' on {surfaces}"
    )
    # the journey's written referral goes to Social Care from the practitioner: there is no caller
    said = {
        "referral page": "with the caller" in ref,
        "referral.txt": "with the caller" in txt,
        "referral.pdf": "with the caller" in ptxt,
    }
    m = re.search(r"Decided without the child's age[^\n]*", txt)
    report(
        not any(said.values()),
        "Y3",
        f"the journey's written referral (to Social Care, from the practitioner) ends its decided-without line "
        f"'Check it with the caller.' on {[k for k, v in said.items() if v]}: {m.group(0)[-120:] if m else ''!r}",
    )


# ------------------------------------------------------------------ two tabs on one journey
def tabs():
    """Two browser tabs on one journey share one session. Tab A draws the save page for the answers it shows;
    tab B then changes the answers; tab A presses Save. Oracle: the save page's own words ('The answers and the
    result (LEVEL, ...) are saved') and docs/storage.md ('the decision shown to the user')."""
    app = make_app()
    pat = user(app, "pat", "practitioner")
    # tab A: a ring-now journey (allegation) with its result and the save page drawn
    assert walk(pat, [LOW], safety=[ALLEGATION]) == ""
    res_a = text(pat.get("/result"))
    page_a = pat.get("/save").get_data(as_text=True)
    shown = re.search(r"The answers and the result \(([^,]+),", text_of(page_a))
    # tab B: the safety answers changed to none (a second look, a colleague's correction in the other tab)
    pat.post("/safety?change=1", data={"immediate": ["none"]})
    res_b = level_shown(text(pat.get("/result")))
    # tab A: Save, from the page that said the ring-now level
    r = pat.post("/save", data={**R12.hidden(page_a), "case_ref": "R14-TAB"})  # every hidden field tab A's page drew
    case_page = text(follow(pat, r))
    rows = saved_rows(app)
    saved_level = rows[-1].level if rows else "(nothing saved)"
    report(
        not rows or saved_level == "protection" or "answers changed" in case_page.lower() or "since" in case_page.lower(),
        "Y1",
        f"tab A's result rang now ({res_a[:40]!r}) and its save page said the result is {shown.group(1) if shown else '?'!r}; "
        f"tab B changed the safety answers (its result: {res_b}); tab A's Save then saved level {saved_level!r} "
        f"with no word that the answers changed since the page was drawn (case page: {case_page[case_page.find('Assessment saved') :][:60]!r})",
    )
    # the other way: tab A's save page drawn at Additional, tab B adds an allegation (a ring-now), tab A saves
    app = make_app()
    pat = user(app, "pat", "practitioner")
    assert walk(pat, [LOW]) == ""
    page_a = pat.get("/save").get_data(as_text=True)
    shown = re.search(r"The answers and the result \(([^,]+),", text_of(page_a))
    pat.post("/safety?change=1", data={"immediate": [ALLEGATION]})
    r = pat.post("/save", data={**R12.hidden(page_a), "case_ref": "R14-TAB2"})
    rows = saved_rows(app)
    report(
        not rows or rows[-1].level == "additional",
        "Y1",
        f"...and the other way: the save page said {shown.group(1) if shown else '?'!r}, tab B added an allegation, "
        f"tab A's Save saved {rows[-1].level if rows else '(nothing)'!r} (the decision tab A never showed)",
    )
    # two tabs on the needs pages, in turn: each page keeps the other's answers (nothing lost)
    app = make_app()
    pat = user(app, "pat", "practitioner")
    assert walk(pat, [LOW]) == ""
    from webapp.journey.pages import needs_pages

    p_low = R12.page_of(LOW)
    other = "extensive.pregnant_under_16"
    pat.post("/child?change=1", data={**CHILD, "age_years": "14"})
    p_other = R12.page_of(other)
    pat.post(f"/needs/{p_other}?change=1", data={CAT.indicator(other).dimension: [other]})
    pat.post(f"/needs/{p_low}?change=1", data={CAT.indicator(LOW).dimension: [LOW]})  # tab A, drawn before, sent after
    check = text(pat.get("/check"))
    report(
        CAT.indicator(other).text in check and CAT.indicator(LOW).text in check,
        "NEW",
        f"two tabs on two needs pages ({p_other}, {p_low}) sent in turn: both answers kept on the check page ({len(needs_pages())} pages)",
    )


def ending(err: str) -> str:
    """A command's stderr in one line: the traceback's last line (the exception) when it printed one."""
    lines = [ln for ln in err.strip().splitlines() if ln.strip() and not ln.startswith("(Background")]
    last = lines[-1][:110] if lines else ""
    return f"a traceback ending {last!r}" if "Traceback" in err else repr(last)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# ------------------------------------------------------------------ a sign-in ending between the result and Save
def expiry():
    """The practitioner reaches the result, the sign-in ends (idle or past its age), then they press Save with a
    reference typed. Oracle: review 8 V1 (what was typed is cleared when a sign-in ends) and its own promise
    that 'the signed-out page says so': the user must be told the answers went, not sent to an empty start."""
    from sqlalchemy import text as sql

    app = make_app()
    pat = user(app, "pat", "practitioner")
    assert walk(pat, [LOW]) == ""
    page = R12.drawn(pat, "/save")
    with db(app).begin() as cx:
        cx.execute(sql("update sign_ins set expires_at = :t, last_seen = :t"), {"t": "2000-01-01 00:00:00"})
    r = pat.post("/save", data={**page, "case_ref": "R14-EXP"})
    sign_in_page = text(follow(pat, r))
    promise = "Your answers are kept while you sign in" in sign_in_page
    r2 = pat.post("/sign-in", data={"username": "pat", "password": R12.PW})
    after = follow(pat, r2)
    landed = text(after)
    told = re.search(r"(?i)(signed out|sign-in ended|sign in ended)[^.]{0,120}(answers|typed)", sign_in_page + " " + landed)
    report(
        not promise and bool(told),
        "Y2",
        f"Save after the sign-in ended (idle or past its age): {r.status_code} -> {r.location}; the sign-in page says "
        f"{'Your answers are kept while you sign in' if promise else '(no promise)'!r}; signed in again, it goes to "
        f"{r2.location} and lands on {landed[landed.find('Find the level') :][:45]!r}, the answers gone (cleared when the "
        f"sign-in ended, review 8 V1) with no word of it; saved: {len(saved_rows(app))} rows",
    )


# ------------------------------------------------------------------ one-time form tokens
def tokens():
    """Save, override and review posted twice with one token: saved once, the second told 'already'. A token a
    colleague's form carried does not merge two people's saves. An old override form sent again after a later
    level was recorded: the banner must not claim it was recorded when the recorded level is another."""
    from sqlalchemy import text as sql

    app = make_app()
    pat = user(app, "pat", "practitioner")
    pam = user(app, "pam", "practitioner")
    mgr = user(app, "mia", "manager")

    def tok(html: str) -> str:
        m = re.search(r'name="form_token"[^>]*value="([^"]+)"', html) or re.search(r'value="([^"]+)"[^>]*name="form_token"', html)
        return m.group(1) if m else ""

    assert walk(pat, [LOW]) == "" and walk(pam, [LOW]) == ""
    form = R12.drawn(pat, "/save")  # one page (its one-time token, what it showed), its Save pressed twice
    t = form.get("form_token", "")
    pat.post("/save", data={**form, "case_ref": "R14-TOK"})
    r2 = pat.post("/save", data={**form, "case_ref": "R14-TOK"})
    page2 = text(follow(pat, r2))
    n = len(saved_rows(app))
    report(
        n == 1 and "already saved" in page2,
        "NEW",
        f"save posted twice: {n} row(s); the second says {'already saved' if 'already saved' in page2 else page2[:80]!r}",
    )
    # the same token from another person's form (a copied page): their own save, never merged into pat's
    pam.post("/save", data={**R12.drawn(pam, "/save"), "case_ref": "R14-TOK", "form_token": t})  # pam's own page, pat's token
    report(len(saved_rows(app)) == 2, "NEW", f"pat's token posted by pam: {len(saved_rows(app))} rows (pam's own save kept)")
    with db(app).begin() as cx:
        eid = cx.execute(sql("select min(id) from assessments")).scalar()
    url = f"/cases/R14-TOK/entries/{eid}/level"
    t1 = R12.drawn(pat, url)
    TYPED.extend(["TOKR1", "TOKR2"])
    pat.post(url, data={**t1, "level": "extensive", "reason": "TOKR1 first"})
    t2 = R12.drawn(pat, url)
    pat.post(url, data={**t2, "level": "universal", "reason": "TOKR2 second"})
    # Back twice to the first form (the browser keeps its hidden fields) and send it again: Extensive, reason 1
    r = pat.post(url, data={**t1, "level": "extensive", "reason": "TOKR1 first"})
    page = text(follow(pat, r))
    entry = text(pat.get(f"/cases/R14-TOK/entries/{eid}"))
    now = re.search(r"Level recorded by a professional: (\w+)", entry)
    with db(app).begin() as cx:
        n_over = cx.execute(sql("select count(*) from overrides")).scalar()
    banner = "This level was already recorded" in page
    report(
        not banner or (now and now.group(1).lower() == "extensive"),
        "Y6",
        f"Extensive (t1), then Universal (t2), then the t1 form sent again: {n_over} overrides; the case page says "
        f"{'This level was already recorded' if banner else page[:60]!r}, while the level recorded now is {now.group(1) if now else '?'} "
        "(the page does not say that Extensive is no longer the recorded level, nor record it again)",
    )
    # a review posted twice
    with db(app).begin() as cx:
        oid = cx.execute(sql("select max(id) from overrides")).scalar()
    rurl = f"/overrides/{oid}/review"
    g = mgr.get(rurl)
    if g.status_code == 200:
        tr = tok(g.get_data(as_text=True))
        mgr.post(rurl, data={"note": "", "form_token": tr})
        rr = mgr.post(rurl, data={"note": "", "form_token": tr})
        with db(app).begin() as cx:
            n_rev = cx.execute(sql("select count(*) from override_reviews")).scalar()
        report(n_rev == 1 and "already recorded" in text(follow(mgr, rr)), "NEW", f"review posted twice: {n_rev} review row(s)")
    else:
        report(True, "NEW", f"review page for a manager of the same team: {g.status_code} (not tried twice)")


# ------------------------------------------------------------------ a saved entry opened by another team or role
def access():
    """Pat (practitioner, Team A) saves an entry with a recorded level. Every other visitor opens the entry's
    routes. Oracle: docs/security.md's role table (a practitioner reads their own team's entries; a manager the
    teams they oversee; advisers and trainers no saved entries); a refusal is 403/404, never a 500, never the
    entry's contents."""
    from sqlalchemy import text as sql

    app = make_app()
    pat = user(app, "pat", "practitioner")
    TYPED.append("ACCR14")
    assert walk(pat, [LOW]) == ""
    R12.post_drawn(pat, "/save", {"case_ref": "R14-ACC"})
    with db(app).begin() as cx:
        eid = cx.execute(sql("select max(id) from assessments")).scalar()
    R12.post_drawn(pat, f"/cases/R14-ACC/entries/{eid}/level", {"level": "extensive", "reason": "ACCR14 reason"})
    with db(app).begin() as cx:
        oid = cx.execute(sql("select max(id) from overrides")).scalar()
    visitors = {
        "practitioner Team B": user(app, "pbx", "practitioner", "Team B"),
        "manager Team B": user(app, "mbx", "manager", "Team B"),
        "adviser Team A": user(app, "aax", "adviser"),
        "trainer Team A": user(app, "tax", "trainer"),
        "signed out": app.test_client(),
    }
    routes = [
        ("GET", "/cases/R14-ACC"),
        ("GET", f"/cases/R14-ACC/entries/{eid}"),
        ("GET", "/cases/R14-ACC/export.csv"),
        ("GET", "/cases/R14-ACC/export.json"),
        ("GET", f"/cases/R14-ACC/entries/{eid}/level"),
        ("POST", f"/cases/R14-ACC/entries/{eid}/level"),
        ("GET", f"/overrides/{oid}/review"),
        ("POST", f"/overrides/{oid}/review"),
        ("GET", f"/cases/R14-ACC/entries/{eid}/assess-again"),
    ]
    leaks = []
    for who, c in visitors.items():
        for method, path in routes:
            r = c.get(path) if method == "GET" else c.post(path, data={"level": "universal", "reason": "x", "note": "x"})
            body = r.get_data(as_text=True)
            if r.status_code >= 500 or (r.status_code == 200 and ("ACCR14" in body or "R14-ACC" in body)):
                leaks.append(f"{who} {method} {path}: {r.status_code}")
    with db(app).begin() as cx:
        n = cx.execute(sql("select count(*) from overrides")).scalar()
        reviews = cx.execute(sql("select count(*) from override_reviews")).scalar()
    report(
        not leaks and n == 1 and reviews == 0,
        "NEW",
        f"{len(visitors)} other visitors x {len(routes)} routes of a Team A entry: leaks or 500s {leaks or 'none'}; overrides {n}, reviews {reviews}",
    )


# ------------------------------------------------------------------ the call screen's 413 for an oversized note
def callnote():
    """A note over the body limit on the call screen (with and without its script): the 413 page names the note
    and its limit, keeps the call, and never shows the note's words or a traceback."""
    app = make_app()
    adv = user(app, "ada", "adviser")
    adv.post("/adviser/new")
    adv.post("/adviser/", data={**CALL, "immediate": [ALLEGATION]}, headers=FETCH)
    big = "NOTEMARK14 " + "x" * 70000
    TYPED.append("NOTEMARK14")
    for how, headers in (("with script", FETCH), ("without script", {})):
        r = adv.post("/adviser/", data={**CALL, "immediate": [ALLEGATION], "note": big}, headers=headers)
        page = text(r) if r.mimetype == "text/html" else r.get_data(as_text=True)
        kept = "Put the call through now" in (adv.post("/adviser/", data={**CALL, "immediate": [ALLEGATION]}, headers=FETCH).get_json() or {}).get("status", "")
        report(
            r.status_code == 413 and "note" in page.lower() and "NOTEMARK14" not in page and kept,
            "NEW",
            f"call screen note of 70,000 characters ({how}): {r.status_code} {r.mimetype}; names the note: {'note' in page.lower()}; call kept: {kept}",
        )


# ------------------------------------------------------------------ the scenario editor's refusals left in the loader's words
def editor():
    """The refusals review 13 X4's fix left in the loader's words ('a context clash, an age out of scope'),
    tried. Oracle: X4's own rule: no catalogue id, band key, field path or pydantic phrase on the trainer's page."""
    from webapp.practice.forms import PREFIX

    app = make_app()
    tr = user(app, "tia", "trainer")
    base = {
        "title": "R14 editor",
        "scenario_id": "",
        "narrative": "Invented family",
        "born": "yes",
        "age_years": "8",
        "age_months": "",
        "disability": "none",
        "caf": "none",
        "consent": "yes",
        "current_level": "not_known",
        "large_sibling_group": "not_known",
        "caller": "professional",
        "why": "why",
        "pages": "9",
        "common_mistake": "cm",
        "preview": "Preview the decision",
        PREFIX + CAT.indicator(LOW).dimension: [LOW],
    }
    raw = re.compile(r"'[a-z_]+\.[a-z0-9_]+'|\b[a-z]+_[a-z_]+\b|[a-z]+\.[a-z_]+\b|Input should|String should|Value error|validation error")
    tries = {
        "age 30 (past 19)": {**base, "age_years": "30"},
        "unborn with an age": {**base, "born": "no"},
        "current level Child in Need, consent no": {**base, "current_level": "child_in_need", "consent": "no"},
        "age 999": {**base, "age_years": "999"},
        "months 13": {**base, "age_months": "13"},
    }
    for name, data in tries.items():
        r = tr.post("/practice/scenarios/new", data=data)
        g = follow(tr, r)
        page = text(g)
        msg = R12.problem(page, 400)
        hits = sorted(set(raw.findall(msg)) - {"R14"})
        report(
            g.status_code == 200 and (not msg or not hits),
            "NEW",
            f"editor, {name}: {g.status_code} {msg[19:260]!r}" + (f"; developer words {hits}" if hits else ""),
        )


# ------------------------------------------------------------------ the CLI: every subcommand with a missing, empty, binary or huge file
def cli_files():
    """Each command that reads a file, given a missing, empty, binary (random bytes) and huge one; the store's
    commands given a file that is not a database; stdin given bytes that are not UTF-8. Oracle: cli/files.py's
    promise ('refused in one line naming the file, never a traceback', exit 2)."""
    missing, empty, binary, huge = TMP / "missing.json", TMP / "empty.json", TMP / "binary.dat", TMP / "huge.json"
    empty.write_text("")
    binary.write_bytes(bytes(range(256)) * 20)
    huge.write_text(json.dumps({"child": {"age_years": 8}, "indicators": [LOW] * 600_000}))
    huge_yaml = TMP / "huge.yaml"
    huge_yaml.write_text("- id: x\n  narrative: '" + "a" * 20_000_000 + "'\n")
    files = {"missing": missing, "empty": empty, "binary": binary}

    def one_line(rc, err):
        return rc == 2 and "Traceback" not in err and len(err.strip().splitlines()) <= 3

    commands = {
        "assess FILE": lambda f: ["assess", str(f)],
        "scenarios run": lambda f: ["scenarios", "run", str(f)],
        "scenarios check": lambda f: ["scenarios", "check", str(f)],
        "scenarios coverage": lambda f: ["scenarios", "coverage", str(f)],
        "ruleset diff DRAFT": lambda f: ["ruleset", "diff", "--shipped-only", str(f)],
    }
    bad = []
    for cname, argv in commands.items():
        for fname, f in files.items():
            rc, out, err = cli(argv(f))
            if not one_line(rc, err):
                bad.append(f"{cname} {fname}: exit {rc} {err.strip()[-80:]!r}")
    report(not bad, "NEW", f"{len(commands)} commands x missing/empty/binary file: one line and exit 2 each; {bad or 'all'}")
    rc, out, err = cli(["assess", str(huge)])
    report(
        rc == 2 and "indicators" in err and "Traceback" not in err,
        "NEW",
        f"assess, a {huge.stat().st_size // 1_000_000} MB case: exit {rc} {err.strip()[:90]!r}",
    )
    rc, out, err = cli(["scenarios", "check", str(huge_yaml)])
    report(
        rc == 2 and "Traceback" not in err, "NEW", f"scenarios check, a 20 MB scenario: exit {rc} {err.strip().splitlines()[0][:100] if err.strip() else ''!r}"
    )
    # which file? --against and the draft refused in the same words
    rc1, _, err1 = cli(["ruleset", "diff", "--shipped-only", str(empty)])
    rc2, _, err2 = cli(["ruleset", "diff", "--shipped-only", "--against", str(empty), str(ROOT / "pathway" / "data" / "fsp_2014.yaml")])
    report(
        str(empty) in err2 or "--against" in err2 or err1 != err2,
        "Y5",
        f"ruleset diff: an empty DRAFT and an empty --against file are refused in the same words, naming neither file: {err1.strip()!r} / {err2.strip()!r}",
    )
    # the empty file and non-UTF-8 stdin: the API's words on the command line
    rc, _, err = cli(["assess", str(empty)])
    report(
        "(body)" not in err and "EOF" not in err,
        "Y5",
        f"assess, an empty file: exit {rc} {err.strip()!r} (a file named as the API's request body, the parser's 'EOF')",
    )
    p = subprocess.run([sys.executable, "-m", "cli.main", "assess", "-"], input=b"\xff\xfe{}", capture_output=True, timeout=120, cwd=ROOT)
    err = p.stderr.decode("utf-8", "replace")
    report(
        p.returncode == 2 and "Input should be" not in err and "Traceback" not in err,
        "Y5",
        f"assess -, stdin not UTF-8: exit {p.returncode} {err.strip()[-110:]!r} (the same bytes in a file: 'not UTF-8 text (byte 0xff at position 0)')",
    )
    # the store's commands given a file that is not a database
    notdb = TMP / "notdb.sqlite3"
    notdb.write_bytes(bytes(range(256)) * 20)
    for argv in (["users", "list"], ["retention", "run", "--dry-run"], ["ruleset", "diff", "--saved", str(ROOT / "pathway" / "data" / "fsp_2014.yaml")]):
        rc, out, err = cli([*argv, "--database-url", f"sqlite:///{notdb}"])
        report(
            rc == 2 and "Traceback" not in err, "Y4", f"pathway {' '.join(argv[:2])} --database-url <a file that is not a database>: exit {rc}, {ending(err)}"
        )
    # a password on stdin that is not UTF-8
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "cli.main",
            "users",
            "create",
            "--role",
            "practitioner",
            "--team",
            "A",
            "--password-stdin",
            "bob",
            "--database-url",
            f"sqlite:///{TMP}/new.sqlite3",
        ],
        input=b"\xd4\xfe\xff long enough pass phrase\n",
        capture_output=True,
        timeout=120,
        cwd=ROOT,
    )
    err = p.stderr.decode("utf-8", "replace")
    report(
        p.returncode == 2 and "Traceback" not in err,
        "Y4",
        f"users create --password-stdin, bytes that are not UTF-8: exit {p.returncode}, {ending(err)}",
    )


# ------------------------------------------------------------------ export.csv's earlier_overrides; uploads with a BOM
def export():
    """Three levels recorded on one entry, with reasons holding a comma, a quote, a line break and a leading
    '='. Oracle: docs/storage.md (earlier_overrides: JSON, oldest first; the latest in recorded_level and
    override_reason) and the CSV export's formula guard."""
    from sqlalchemy import text as sql

    app = make_app()
    pat = user(app, "pat", "practitioner")
    assert walk(pat, [LOW]) == ""
    R12.post_drawn(pat, "/save", {"case_ref": "R14-CSV"})
    with db(app).begin() as cx:
        eid = cx.execute(sql("select max(id) from assessments")).scalar()
    reasons = [("extensive", '=1+1 EXPR1, "quoted"'), ("universal", "EXPR2 line one\nline two"), ("child_in_need", "=HYPERLINK(1) EXPR3")]
    TYPED.extend(["EXPR1", "EXPR2", "EXPR3"])
    for level, reason in reasons:
        R12.post_drawn(pat, f"/cases/R14-CSV/entries/{eid}/level", {"level": level, "reason": reason})
    rows = list(csv.DictReader(io.StringIO(pat.get("/cases/R14-CSV/export.csv").get_data(as_text=True))))
    row = rows[-1] if rows else {}
    try:
        earlier = json.loads(row.get("earlier_overrides") or "[]")
    except ValueError:
        earlier = None
    got = [e.get("reason") for e in earlier] if isinstance(earlier, list) else earlier
    report(
        got == [reasons[0][1], reasons[1][1].replace("\r", "")]
        and row.get("recorded_level") == "child_in_need"
        and not row.get("override_reason", "").startswith("="),
        "NEW",
        f"export.csv, three recorded levels: earlier_overrides reasons {got}; recorded_level {row.get('recorded_level')!r}; "
        f"override_reason starts {row.get('override_reason', '')[:6]!r} (formula guarded)",
    )


def uploads():
    """The web's two file uploads (an admin's draft catalogue, a trainer's scenario file) saved as UTF-8 with a
    BOM, and empty: the CLI reads both past the BOM since review 13 X6."""
    app = make_app()
    adm = user(app, "adm", "admin")
    tr = user(app, "tia", "trainer")
    catalogue = (ROOT / "pathway" / "data" / "fsp_2014.yaml").read_bytes()
    scen = (ROOT / "pathway" / "data" / "scenarios" / "universal.yaml").read_text().replace("id: universal-", "id: r14-universal-")
    for who, c, url, body in (
        ("draft catalogue", adm, "/admin/ruleset", b"\xef\xbb\xbf" + catalogue),
        ("scenario file", tr, "/practice/scenarios/import", b"\xef\xbb\xbf" + scen.encode()),
        ("empty draft catalogue", adm, "/admin/ruleset", b""),
        ("empty scenario file", tr, "/practice/scenarios/import", b""),
    ):
        r = c.post(url, data={"file": (io.BytesIO(body), "upload.yaml")}, content_type="multipart/form-data")
        page = text(follow(c, r))
        msg = R12.problem(page, 200)
        ok = (r.status_code in (302, 303) and not msg) if body else (bool(msg) and r.status_code < 500)
        report(ok, "NEW", f"upload, a {who}{' with a BOM' if body else ''}: {r.status_code} {msg[19:160] or page[:0]!r}")


SECTIONS = ("without", "tabs", "expiry", "tokens", "access", "callnote", "editor", "export", "uploads", "cli_files")

if __name__ == "__main__":
    import time as _t

    chosen = sys.argv[1:] or ["all"]
    began = _t.monotonic()
    for name in SECTIONS:
        if "all" in chosen or name in chosen or (name == "cli_files" and "cli" in chosen):
            print(f"== {name}", flush=True)
            try:
                globals()[name]()
            except Exception as exc:  # noqa: BLE001
                import traceback

                traceback.print_exc()
                report(False, "SCRIPT", f"section {name} stopped: {exc!r}")
    hits = [w for w in TYPED if any(w in line for line in LOGS)]
    report(not hits, "NEW", f"the app's log ({len(LOGS)} lines) holds none of the typed markers {TYPED}: {hits or 'none found'}")
    shutil.rmtree(TMP, ignore_errors=True)
    print(f"== {COUNT['OK']} OK, {COUNT['FINDING']} FINDING lines, {_t.monotonic() - began:.0f} s")
