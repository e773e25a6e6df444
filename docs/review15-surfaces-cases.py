"""Review 15 (surfaces): my own checks of what users see and do. Changes no product code.

Run from the worktree:
    .venv/bin/python docs/review15-surfaces-cases.py [shown|ended|many|export|roles|ruleset|practice|call|onechild|a11y|cli|all]

The harness is review 12's runner (docs/review12-surfaces-cases.py), imported as review 13's and 14's runners do:
each section makes its own app on a throwaway SQLite database (Flask test client with PROPAGATE_EXCEPTIONS off, so
a defect shows the 500 page a user sees; CSRF off unless a check says otherwise; office hours "always open"), signs
in through /sign-in, and compares each surface with the others, with rules.evaluate, or with the tool's own words
written here. Forms are posted as a browser sends them: every hidden field the page drew (form_token, shown).
The CLI runs as `python -m cli.main` in a real process. The root logger is captured throughout and searched at
the end for every marker word typed. Each check prints "OK      ..." or "FINDING Zn: ..."; one I did not expect
to fail prints "FINDING NEW".
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
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# review 12's runner is the harness (app factory, sign-in, journey walk, page text, captured root logger)
_spec = importlib.util.spec_from_file_location("review12_surfaces", ROOT / "docs" / "review12-surfaces-cases.py")
R12 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(R12)  # type: ignore[union-attr]

CAT, CHILD, CALL, FETCH = R12.CAT, R12.CHILD, R12.CALL, R12.FETCH
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
TMP = Path(tempfile.mkdtemp(prefix="review15s-"))

UNDER2 = "immediate.unexplained_bruising_under_2"
ALLEGATION = "immediate.allegation_or_disclosure"
LOW = "additional.low_self_esteem"
PHONE = "0115 876 4800"  # Children and Families Direct (p4)
BOM = b"\xef\xbb\xbf"
JSON_FETCH = {"X-Requested-With": "fetch", "Accept": "application/json"}  # as call-screen.js sends its updates


def report(ok: bool, fid: str, msg: str):
    COUNT["OK" if ok else "FINDING"] += 1
    print(("OK      " if ok else f"FINDING {fid}: ") + msg, flush=True)


def hidden(html: str) -> dict[str, str]:
    """Every hidden input the page drew, as a browser posts them back (form_token, shown, ...)."""
    out = {}
    for tag in re.findall(r"<input[^>]*>", html):
        if 'type="hidden"' in tag:
            n = re.search(r'name="([^"]+)"', tag)
            v = re.search(r'value="([^"]*)"', tag)
            if n:
                out[n.group(1)] = unescape(v.group(1)) if v else ""
    return out


def sql(app, q: str, **kw):
    from sqlalchemy import text as s

    with db(app).begin() as cx:
        r = cx.execute(s(q), kw)
        return r.fetchall() if r.returns_rows else None


def end_sign_ins(app):
    """An idle timeout or the maximum age, as review 14's runner makes one."""
    sql(app, "update sign_ins set expires_at = :t, last_seen = :t", t="2000-01-01 00:00:00")


def saved_entry(app, c, ref: str, needs=None, safety=None) -> int:
    assert walk(c, needs or [LOW], safety=safety) == ""
    page = c.get("/save").get_data(as_text=True)
    c.post("/save", data={**hidden(page), "case_ref": ref})
    return sql(app, "select max(id) from assessments")[0][0]


def record(c, ref: str, eid: int, level: str, reason: str):
    url = f"/cases/{ref}/entries/{eid}/level"
    page = c.get(url).get_data(as_text=True)
    return c.post(url, data={**hidden(page), "level": level, "reason": reason})


def scenario_form(page: str, title: str, sid: str, narrative: str) -> dict:
    """The scenario editor's fields for an 8-year-old with low self-esteem, saved to the library."""
    from webapp.practice.forms import PREFIX

    fields = dict(born="yes", age_years="8", age_months="", disability="none", caf="none", consent="yes", current_level="not_known")
    fields.update(large_sibling_group="not_known", caller="professional", why="why", pages="9", common_mistake="cm", save="Save to the library")
    return {**hidden(page), "title": title, "scenario_id": sid, "narrative": narrative, **fields, PREFIX + CAT.indicator(LOW).dimension: [LOW]}


def body_of(resp) -> str:
    """The page's own words: after the banner that every page carries, before the footer."""
    t = text(resp)
    i = t.find("replace, your professional judgement.")
    j = t.find("Support links")
    return t[i + 37 if i >= 0 else 0 : j if j > 0 else None].strip()


# ------------------------------------------------------------------ the keyed digest of what a recording form's page showed (review 14 Y1's fix)
def shown():
    """Save and Record a different level, posted as a browser posts them (with the page's hidden `shown`), from a
    page drawn before another tab changed what it states. Oracle: webapp/shown.py's promise (nothing recorded; the
    user is shown what stands now) and review 14's own two orders."""
    for first, then, ref in (([ALLEGATION], ["none"], "R15-SH1"), (["none"], [ALLEGATION], "R15-SH2")):
        app = make_app()
        pat = user(app, "pat", "practitioner")
        assert walk(pat, [LOW], safety=first) == ""
        page = pat.get("/save").get_data(as_text=True)
        stated = re.search(r"The answers and the result \(([^,]+),", text(pat.get("/save")))
        pat.post("/safety?change=1", data={"immediate": then})  # tab B
        r = pat.post("/save", data={**hidden(page), "case_ref": ref})
        landed = body_of(follow(pat, r))
        rows = sql(app, "select level from assessments")
        report(
            not rows and "Nothing was saved" in landed,
            "NEW",
            f"stale save page (it said {stated.group(1) if stated else '?'!r}; tab B set the safety answers to {then}): saved {rows}; "
            f"the page after says {landed[landed.find('Nothing') :][:90]!r}",
        )
    # the save page of a ring-now result: the level as every other surface words it beside a recorded one
    app = make_app()
    pat = user(app, "pat", "practitioner")
    assert walk(pat, [LOW], safety=[ALLEGATION]) == ""
    sp = body_of(pat.get("/save"))
    report("immediate" in sp.lower(), "Z6", f"the save page of a ring-now result names the referral as immediate: {sp[sp.find('The answers') :][:110]!r}")
    # the override form drawn before a colleague recorded another level
    app = make_app()
    pat = user(app, "pat", "practitioner")
    eid = saved_entry(app, pat, "R15-SH3")
    url = f"/cases/R15-SH3/entries/{eid}/level"
    stale = pat.get(url).get_data(as_text=True)  # tab A
    record(pat, "R15-SH3", eid, "extensive", "SHREASON1 in tab B")
    r = pat.post(url, data={**hidden(stale), "level": "universal", "reason": "SHREASON2 mine"})
    page = body_of(follow(pat, r))
    TYPED.extend(["SHREASON1", "SHREASON2"])
    n = sql(app, "select count(*) from overrides")[0][0]
    report(
        n == 1 and "Nothing was recorded" in page and "Extensive" in page and "SHREASON2" in page,
        "NEW",
        f"stale override form after tab B recorded Extensive: {n} override(s); the form says "
        f"{page[page.find('The recorded level') :][:100]!r}; the reason typed kept: {'SHREASON2' in page}",
    )


def sent_after_ending(app, c, name: str, url: str, data: dict, table: str):
    """Post a form whose sign-in has ended, then sign in again: the response, the sign-in page's words, the
    sign-in's response, the words of the page it lands on, the rows in `table`, and any word that nothing was
    recorded."""
    r = c.post(url, data=data)
    sign_in = body_of(follow(c, r))
    r2 = c.post("/sign-in", data={"username": name, "password": R12.PW})
    after = body_of(follow(c, r2))
    n = sql(app, f"select count(*) from {table}")[0][0]
    told = re.search(r"(?i)not recorded|nothing was recorded|was not saved|nothing was saved", sign_in + after)
    return r, sign_in, r2, after, n, told


# ------------------------------------------------------------------ a recording form posted after the sign-in ended
def ended():
    """The sign-in ends (30 minutes idle, or its maximum age) while a form is being written: a level's reason, a
    review's note, a scenario in the editor. The form is then sent. Oracle: review 14 Y2's fix for Save (the
    page says the answers were cleared and nothing was saved) and the 413 page's "nothing was read or saved":
    the user must be told the thing they pressed the button for did not happen."""
    app = make_app()
    pat = user(app, "pat", "practitioner")
    mgr = user(app, "mia", "manager")
    eid = saved_entry(app, pat, "R15-END")
    pat.post("/start-again")  # the journey finished and saved; days later the practitioner opens the entry
    url = f"/cases/R15-END/entries/{eid}/level"
    page = pat.get(url).get_data(as_text=True)
    end_sign_ins(app)
    TYPED.append("ENDREASON")
    r, sign_in, r2, after, n, told = sent_after_ending(
        app, pat, "pat", url, {**hidden(page), "level": "extensive", "reason": "ENDREASON typed at length"}, "overrides"
    )
    report(
        n == 0 and bool(told),
        "Z1",
        f"Record a different level sent after the sign-in ended: {r.status_code} -> {r.location}; the sign-in page says "
        f"{sign_in[:80]!r}; signed in again it lands on {r2.location} ({after[:40]!r}); overrides recorded {n}; the reason typed is gone "
        "and no page says the level was not recorded",
    )
    # a manager's review note
    record(pat, "R15-END", eid, "extensive", "ENDREASON2 recorded")
    oid = sql(app, "select max(id) from overrides")[0][0]
    rpage = mgr.get(f"/overrides/{oid}/review").get_data(as_text=True)
    end_sign_ins(app)
    TYPED.extend(["ENDREASON2", "ENDNOTE"])
    r, sign_in, r2, after, n, told = sent_after_ending(
        app, mgr, "mia", f"/overrides/{oid}/review", {**hidden(rpage), "note": "ENDNOTE agreed"}, "override_reviews"
    )
    report(
        n == 0 and bool(told),
        "Z1",
        f"a manager's review sent after the sign-in ended: reviews recorded {n}; the sign-in page says {sign_in[:60]!r}; after signing in: "
        f"{r2.location} ({after[:45]!r}); no word that the review was not recorded",
    )
    # a trainer's scenario in the editor (invented, nothing personal: it could be kept)
    tr = user(app, "tia", "trainer")
    epage = tr.get("/practice/scenarios/new").get_data(as_text=True)
    data = scenario_form(epage, "R15 editor", "", "ENDNARR an invented family, written over an hour")
    end_sign_ins(app)
    r = tr.post("/practice/scenarios/new", data=data)
    sign_in = body_of(follow(tr, r))
    r2 = tr.post("/sign-in", data={"username": "tia", "password": R12.PW})
    after = follow(tr, r2)
    kept = "ENDNARR" in after.get_data(as_text=True)
    report(
        kept or bool(re.search(r"(?i)not saved|nothing was saved", sign_in + body_of(after))),
        "Z1",
        f"a scenario written in the editor, saved after the sign-in ended: the sign-in page says {sign_in[:70]!r} (a trainer saves no "
        f"assessments); signed in again: {r2.location}; the narrative kept: {kept}",
    )
    # the call screen with its script on: the update that meets an ended sign-in still answers in JSON
    adv = user(app, "ada", "adviser")
    adv.post("/adviser/new")
    adv.post("/adviser/", data={**CALL, "immediate": [ALLEGATION]}, headers=JSON_FETCH)
    end_sign_ins(app)
    r = adv.post("/adviser/", data={**CALL, "immediate": [ALLEGATION], "add": LOW}, headers=JSON_FETCH)
    js = r.get_json(silent=True) or {}
    report(
        r.status_code == 200 and js.get("status", "").startswith("Put the call through now"),
        "NEW",
        f"call screen update after the sign-in ended (the screen is open to all): {r.status_code} {r.mimetype}; status {js.get('status', '')[:40]!r}",
    )


# ------------------------------------------------------------------ a manager's lists with many entries
def many():
    """A manager's team with 120 levels recorded (a year of a busy team), 60 of them on entries a past release
    decided. Oracle: the brief's paths (paging, sorting, filters in the URL carrying nothing personal) and the
    page's own promise ('newest first', 'Not reviewed yet'). Counts, never times: rules.evaluate is counted."""
    import rules
    from pathway.models import Case
    from store import assessments
    from store.users import get_user

    app = make_app()
    pat = user(app, "pat", "practitioner")
    mgr = user(app, "mia", "manager")
    eng = app.extensions["fsp_store"]
    pu = get_user(eng, sql(app, "select id from users where username='pat'")[0][0])
    case = Case.parse({"child": {"age_years": 8}, "indicators": [LOW], "context": {"caller": "professional", "caf": "none"}})
    dec = rules.evaluate(case)
    N = 120
    for i in range(N):
        e = assessments.save_assessment(eng, pu, f"R15-M{i:03d}", case, dec)
        assessments.record_override(eng, pu, e.id, "extensive" if i % 2 else "universal", f"MANYREASON {i}")
    TYPED.append("MANYREASON")
    for (name,) in sql(app, "select name from sqlite_master where type='trigger' and tbl_name='assessments'"):
        sql(app, f"drop trigger {name}")
    sql(app, "update assessments set ruleset = :s where id % 2 = 0", s=R12.OLD_RULESET)
    calls = {"n": 0}
    real = rules.evaluate

    def counting(*a, **k):
        calls["n"] += 1
        return real(*a, **k)

    rules.evaluate = counting
    try:
        r = mgr.get("/overrides")
    finally:
        rules.evaluate = real
    html = r.get_data(as_text=True)
    rows = len(re.findall(r'<tr class="govuk-table__row" id="override-', html))
    paging = re.search(r"(?i)govuk-pagination|[?&]page=|next page", html)
    report(
        rows <= 50 or bool(paging),
        "Z3",
        f"/overrides with {N} levels recorded: {r.status_code}, {rows} rows on one page of {len(html) // 1024} KB, paging: {bool(paging)}; "
        f"drawing it decided {calls['n']} saved cases again (rules.evaluate, one per row saved under another ruleset, on every view)",
    )
    # filter to 'Not reviewed yet', review one, and come back: is the filter kept?
    r = mgr.get("/overrides?reviewed=no&direction=down")
    oid = re.findall(r"/overrides/(\d+)/review", r.get_data(as_text=True))[0]
    rpage = mgr.get(f"/overrides/{oid}/review")
    back = re.search(r'class="govuk-back-link"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*class="govuk-back-link"', rpage.get_data(as_text=True))
    r2 = mgr.post(f"/overrides/{oid}/review", data={**hidden(rpage.get_data(as_text=True)), "note": ""})
    kept = "reviewed=no" in (r2.location or "")
    back_url = (back.group(1) or back.group(2)) if back else ""
    report(
        kept and "reviewed=no" in back_url,
        "Z3",
        f"a manager working down 'Not reviewed yet, lower than the tool's' records a review: it returns to {r2.location!r} and the review page's "
        f"Back goes to {back_url!r}: the filters are dropped, so the next one is looked for again among all {N}",
    )
    # sorting: newest first is the only order; filters in the URL carry nothing personal
    urls = re.findall(r'href="([^"]*overrides[^"]*)"', html) + [r.request.url, r2.location or ""]
    personal = [u for u in urls if "R15-M" in u or "MANYREASON" in u]
    report(not personal, "NEW", f"the overrides page's own links and filters ({len(urls)}) carry no case reference or reason: {personal[:2] or 'none'}")
    # the dashboard and the cases list at this size
    calls["n"] = 0
    rules.evaluate = counting
    try:
        d = mgr.get("/dashboard")
        c = pat.get("/cases")
    finally:
        rules.evaluate = real
    crow = len(re.findall(r"/cases/R15-M\d+\"", c.get_data(as_text=True)))
    report(
        d.status_code == 200 and (crow <= 50 or "page=" in c.get_data(as_text=True)),
        "Z3",
        f"/dashboard: {d.status_code}; a practitioner's /cases with {N} references lists {crow} on one page (no paging, no search, newest first only)",
    )


# ------------------------------------------------------------------ exports opened in a spreadsheet
def export():
    """export.csv and the practice summary.csv opened in a spreadsheet: a formula never runs (a reason, a trainee's
    name, a scenario title), and text outside ASCII reads as typed. Oracle: docs/storage.md (the formula guard) and
    what Excel does with a .csv: without a UTF-8 byte order mark it reads the file in the Windows code page."""
    app = make_app()
    pat = user(app, "pat", "practitioner")
    eid = saved_entry(app, pat, "R15-CSV")
    reason = "Siân’s teacher – “mild” — £0 =1+1"
    record(pat, "R15-CSV", eid, "extensive", reason)
    r = pat.get("/cases/R15-CSV/export.csv")
    raw = r.data
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    as_excel = raw.decode("cp1252", "replace")
    bom = raw.startswith(BOM)
    seen = (re.search(r"Si[^,]*", as_excel) or re.search("", "")).group(0)[:40]
    report(
        bom or reason in as_excel,
        "Z4",
        f"export.csv ({r.headers.get('Content-Type')}): starts with a byte order mark: {bom}; the reason as a spreadsheet "
        f"reads the file without one: {seen!r} (typed: {reason[:26]!r})",
    )
    report(
        rows and rows[-1]["override_reason"] == reason,
        "NEW",
        f"export.csv keeps the reason as typed (read as UTF-8): {rows[-1]['override_reason'][:30] if rows else ''!r}",
    )
    # the practice summary: a trainee's name that is a formula, and a name outside ASCII
    tr = user(app, "tia", "trainer")
    page = tr.get("/practice/new").get_data(as_text=True)
    ids = re.findall(r'name="scenarios"[^>]*value="([^"]+)"', page)[:2]
    r = tr.post("/practice/new", data={**hidden(page), "scenarios": ids, "cohort": ""})
    code = r.location.rsplit("/", 1)[-1]
    names = ['=HYPERLINK("http://x","y")', "-2+3", "Zoë Ó’Brien"]
    for nm in names:
        c = app.test_client()
        c.post("/practice/join", data={"code": code, "name": nm})
    s = tr.get(f"/practice/session/{code}/summary.csv")
    body = s.data
    cells = [row[1] for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) if row and row[0] == "trainee"]
    bad = [c for c in cells if c[:1] in "=+-@"]
    report(not bad and len(cells) >= 1, "NEW", f"summary.csv trainee names a spreadsheet would run: {bad or 'none'} (cells {cells})")
    as_excel = body.decode("cp1252", "replace")
    bom = body.startswith(BOM)
    seen = (re.search(r"Zo[^,]*", as_excel) or re.search("", "")).group(0)[:24]
    report(
        bom or "Zoë Ó’Brien" in as_excel or not any("Zo" in c for c in cells),
        "Z4",
        f"practice summary.csv: byte order mark {bom}; 'Zoë Ó’Brien' as a spreadsheet reads it: {seen!r}",
    )


# ------------------------------------------------------------------ the ruleset page with entries saved under an older ruleset
def ruleset():
    """An admin tries a draft (here: today's catalogue unchanged) against saved assessments, one of them saved
    under a past release that decided it Extensive; today's ruleset decides it Additional. Oracle: the case page
    and the exports say 'Today's ruleset would decide differently' (review 12 W3); the brief's question: are old
    decisions shown as decided then, and the change said?"""
    app = make_app()
    adm = user(app, "adm", "admin")
    pat = user(app, "pat", "practitioner")
    assert walk(pat, [LOW]) == ""
    page = pat.get("/save").get_data(as_text=True)
    pat.post("/save", data={**hidden(page), "case_ref": "R15-OLD1"})
    R12._as_old(app, "R15-OLD1", "extensive")
    case_page = body_of(pat.get("/cases/R15-OLD1"))
    cat = (ROOT / "pathway" / "data" / "fsp_2014.yaml").read_bytes()
    r = adm.post("/admin/ruleset", data={"file": (io.BytesIO(cat), "draft.yaml"), "saved": "y"}, content_type="multipart/form-data")
    shown_page = body_of(follow(adm, r))
    txt = adm.get("/admin/ruleset/report.txt").get_data(as_text=True)
    decided = (re.search(r"Cases decided[^.]*?\)", shown_page) or re.search("", "")).group(0)
    strings = (re.search(r"Today.s ruleset [^)]*\) Draft ruleset [^)]*\)", shown_page) or re.search("", "")).group(0)
    said = ("1.0.0" in shown_page or "decided then" in shown_page.lower() or "Extensive" in txt) and ("1.0.0" in txt or "saved under" in txt.lower())
    report(
        "Today's ruleset would decide differently" in case_page and said,
        "Z5",
        f"the case page says {'Today' + case_page.split('Today', 1)[1][:60] if 'Today' in case_page else '?'!r}; the admin's report on the same "
        f"saved assessment counts it as {decided!r}, "
        f"'Cases that change 0', Additional now and under the draft, with no word that it was saved as Extensive under {R12.OLD_RULESET}",
    )
    report(
        strings.count("decisions") != 1,
        "Z5",
        f"the draft's ruleset string beside today's: {strings!r}",
    )


# ------------------------------------------------------------------ the one-child item on every surface
ONE_CHILD = "This tool decides one child at a time"


def onechild():
    """The one-child guidance (review 14 K1) on every surface that gives the decision, begun 'After the call:' beside
    an immediate referral; the age hint where the age is asked. Oracle: the catalogue's own words (guidance
    one_child) and docs/safety/hazard-log.yaml's list of the surfaces that say it."""
    body = {"child": {"age_years": 1}, "indicators": [UNDER2], "context": {"caller": "professional", "caf": "none"}}
    app = make_app()
    pat = user(app, "pat", "practitioner")
    adv = user(app, "ada", "adviser")
    api = app.test_client().post("/api/v1/assess", json=body).get_json() or {}
    api_g = [g["text"] for g in api.get("guidance", []) if ONE_CHILD in g["text"]]
    rc, out, err = cli(["assess", "-"], stdin=json.dumps(body))
    assert walk(pat, [], safety=[UNDER2], child={"age_years": "1"}) == ""
    eid = None
    page = pat.get("/save").get_data(as_text=True)
    pat.post("/save", data={**hidden(page), "case_ref": "R15-ONE1"})
    eid = sql(app, "select max(id) from assessments")[0][0]
    adv.post("/adviser/new")
    adv.post("/adviser/", data={**CALL, "age_years": "1", "immediate": [UNDER2]}, headers=FETCH)
    call_html = adv.get("/adviser/").get_data(as_text=True)
    surfaces = {
        "API": api_g[0] if api_g else "",
        "CLI": out if rc == 0 else "",
        "result": text(pat.get("/result")),
        "referral page": text(pat.get("/referral")),
        "referral.txt": pat.get("/referral.txt").get_data(as_text=True),
        "saved entry": text(pat.get(f"/cases/R15-ONE1/entries/{eid}")),
        "call panel": text(adv.get("/adviser/")),
        "call summary": summary_of(adv),
    }
    pdf = pat.get("/referral.pdf")
    if pdf.status_code == 200 and shutil.which("pdftotext"):
        p = TMP / "r.pdf"
        p.write_bytes(pdf.data)
        surfaces["referral.pdf"] = re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(p), "-"], capture_output=True, text=True).stdout)
    missing = [k for k, v in surfaces.items() if ONE_CHILD not in re.sub(r"\s+", " ", v)]
    # the written records (referral, its text and PDF, the call summary) give it last, under its own heading
    after = [
        k
        for k, v in surfaces.items()
        if ONE_CHILD in v and not re.search(r"(After the call:|OTHER CHILDREN IN THE FAMILY|Other children:)\W*" + ONE_CHILD, re.sub(r"\s+", " ", v), re.I)
    ]
    report(
        not missing, "NEW", f"the one-child item on {len(surfaces)} surfaces of a ring-now decision (age 1, the under-2 box): missing on {missing or 'none'}"
    )
    report(
        not after,
        "NEW",
        f"...begun 'After the call:' beside the immediate referral, or last under 'Other children' in a written record: not on {after or 'none'}",
    )
    hint = CAT.surfaces.one_child_hint.text if hasattr(CAT, "surfaces") else "This decides one child."
    child = pat.get("/child?change=1").get_data(as_text=True)
    desc = re.search(r'aria-describedby="([^"]*one-child-hint[^"]*)"', child)
    call_desc = re.search(r'id="age-hint"', call_html) and re.search(r'aria-describedby="[^"]*age-hint', call_html)
    report(
        "This decides one child" in child and bool(desc) and "This decides one child" in call_html and bool(call_desc),
        "NEW",
        f"the age hint on the journey's child page (described by: {desc.group(1) if desc else None}) "
        f"and on the call screen (age field described by its hint: {bool(call_desc)})",
    )
    _ = hint


# ------------------------------------------------------------------ practice mode's forms posted twice
def practice():
    """'Start the session' and the editor's 'Save to the library' posted twice with one form (left13b/left14's
    tokens). Oracle: one session, one version."""
    app = make_app()
    tr = user(app, "tia", "trainer")
    page = tr.get("/practice/new").get_data(as_text=True)
    ids = re.findall(r'name="scenarios"[^>]*value="([^"]+)"', page)[:2]
    data = {**hidden(page), "scenarios": ids, "cohort": "R15 cohort"}
    a = tr.post("/practice/new", data=data)
    b = tr.post("/practice/new", data=data)
    n = sql(app, "select count(*) from practice_sessions")[0][0] if sql(app, "select name from sqlite_master where name='practice_sessions'") else -1
    report(a.location == b.location and n in (1, -1), "NEW", f"'Start the session' posted twice: {a.location} and {b.location}; sessions {n}")
    epage = tr.get("/practice/scenarios/new").get_data(as_text=True)
    data = scenario_form(epage, "R15 twice", "r15-twice", "An invented family")
    tr.post("/practice/scenarios/new", data=data)
    tr.post("/practice/scenarios/new", data=data)
    nv = sql(app, "select count(*) from practice_scenario_versions")[0][0]
    report(nv == 1, "NEW", f"'Save to the library' posted twice: {nv} version(s) stored")


# ------------------------------------------------------------------ a role taken away while signed in
def roles():
    """A manager is made a practitioner (the provider's role changed, as store.sso does at a sign-in elsewhere) while
    signed in here. Oracle: docs/security.md's role table, read on every request."""
    app = make_app()
    mgr = user(app, "mia", "manager")
    before = mgr.get("/overrides").status_code
    sql(app, "update users set role='practitioner' where username='mia'")
    after = [mgr.get(u).status_code for u in ("/overrides", "/dashboard")]
    report(
        before == 200 and after == [403, 403],
        "NEW",
        f"a manager made a practitioner while signed in: /overrides {before} then {after} (the role is read on every request)",
    )
    sql(app, "update users set disabled=1 where username='mia'")
    r = mgr.get("/cases")
    report(
        r.status_code in (302, 303) and "sign-in" in (r.location or ""),
        "NEW",
        f"the same account disabled while signed in: /cases {r.status_code} -> {r.location}",
    )


# ------------------------------------------------------------------ screen reader order, live regions, focus after errors
def a11y():
    """The result page and the call screen read in order: one h1, no heading level skipped; the call screen's status
    is a live region; an error summary's links go to fields that exist. Oracle: WCAG 1.3.1 / 4.1.3, GOV.UK's error
    summary pattern."""
    app = make_app()
    pat = user(app, "pat", "practitioner")
    adv = user(app, "ada", "adviser")
    assert walk(pat, [LOW], safety=[ALLEGATION]) == ""
    adv.post("/adviser/new")
    adv.post("/adviser/", data={**CALL, "immediate": [ALLEGATION]}, headers=FETCH)
    for name, html in (("result", pat.get("/result").get_data(as_text=True)), ("call screen", adv.get("/adviser/").get_data(as_text=True))):
        levels = [int(h) for h in re.findall(r"<h([1-6])\b", html)]
        skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        report(levels.count(1) == 1 and not skips, "NEW", f"{name}: headings {levels[:14]}{'...' if len(levels) > 14 else ''}: one h1, skips {skips or 'none'}")
    call = adv.get("/adviser/").get_data(as_text=True)
    live = re.findall(r'(role="status"|aria-live="(?:polite|assertive)")', call)
    report(bool(live), "NEW", f"call screen: live regions {live}")
    # errors: a refused age on the call screen (no script) and on the child page; the summary's links land on fields
    r = adv.post("/adviser/", data={**CALL, "age_years": "abc"})
    bad = []
    for name, html in (
        ("call screen", follow(adv, r).get_data(as_text=True)),
        ("child page", follow(pat, pat.post("/child?change=1", data={**CHILD, "age_years": "abc"})).get_data(as_text=True)),
    ):
        links = re.findall(r"govuk-error-summary__list.*?</ul>", html, re.S)
        targets = re.findall(r'href="#([^"]+)"', links[0]) if links else []
        missing = [t for t in targets if f'id="{t}"' not in html]
        if not targets or missing:
            bad.append(f"{name}: targets {targets}, missing {missing}")
    report(not bad, "NEW", f"error summary links land on fields: {bad or 'all'}")


# ------------------------------------------------------------------ the CLI's one-line errors, every subcommand
def cli_errors():
    """Each subcommand given input a user mistypes. Oracle: cli/files.py's and review 14 Y4/Y5's promise: one line
    naming the input, exit 2, never a traceback, never a parser's or pydantic's words."""

    def one(rc, err):
        return rc == 2 and "Traceback" not in err and len(err.strip().splitlines()) <= 3

    for url in ("nonsense", "mysql://u:pw@127.0.0.1:1/db"):
        for argv in (["users", "list"], ["retention", "run", "--dry-run"], ["ruleset", "diff", "--saved", str(ROOT / "pathway" / "data" / "fsp_2014.yaml")]):
            rc, out, err = cli([*argv, "--database-url", url])
            last = [ln for ln in err.strip().splitlines() if ln.strip()][-1:] or [""]
            report(
                one(rc, err),
                "Z2",
                f"pathway {' '.join(argv[:2])} --database-url {url!r}: exit {rc}, {'a traceback ending ' if 'Traceback' in err else ''}{last[0][:100]!r}",
            )
    p = subprocess.run([sys.executable, "-m", "cli.main", "search", b"bruise \xff"], capture_output=True, timeout=120, cwd=ROOT)
    err = p.stderr.decode("utf-8", "replace").strip()
    report(
        p.returncode == 2 and "Input should be" not in err,
        "Z2",
        f"pathway search with words that are not UTF-8: exit {p.returncode} {err[:110]!r} (assess on stdin says 'not UTF-8 text (byte 0xff ...)' since Y5)",
    )
    rc, out, err = cli(["search", ""])
    report("String should" not in err, "Z2", f"pathway search '': exit {rc} {err.strip()[:80]!r} (pydantic's words)")
    rc, out, err = cli(["scenarios", "check", "--document", str(TMP / "no-such-document.txt"), str(ROOT / "pathway" / "data" / "scenarios" / "universal.yaml")])
    report(
        rc != 0 or "--review" in err,
        "Z2",
        f"pathway scenarios check --document <a file that does not exist> (without --review): exit {rc}, "
        f"{(out + err).strip()[:60]!r}: the option is ignored without a word",
    )


SECTIONS = ("shown", "ended", "many", "export", "ruleset", "practice", "roles", "onechild", "a11y", "cli_errors")

if __name__ == "__main__":
    import time as _t

    chosen = sys.argv[1:] or ["all"]
    began = _t.monotonic()
    for name in SECTIONS:
        if "all" in chosen or name in chosen or (name == "cli_errors" and "cli" in chosen):
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
