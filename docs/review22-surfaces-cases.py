"""Review 22 (surfaces): classes no review had tried. Changes no product code.

Run from the worktree:
    .venv/bin/python docs/review22-surfaces-cases.py all
    # or any of: sessions own_record wording a11y dates api cli

The harness is review 21's runner (docs/review21-surfaces-cases.py), which binds review 20's and, through it, reviews
19, 18, 17, 16, 15 and 12's helpers (make_app, user, walk, hidden, sql, saved_entry, record, go, world, concrete):
imported, not copied. Each section makes its own app on a throwaway SQLite database (Flask test client,
PROPAGATE_EXCEPTIONS off so a defect shows the page a user sees). Accounts are made with store.users.create_user and
signed in through /sign-in. The CLI runs as `python -m cli.main` in a real process. Each check prints "OK      ..."
or "FINDING Sn: ..."; NOTE lines are not counted.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from html import unescape
from pathlib import Path
from traceback import format_exc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_spec = importlib.util.spec_from_file_location("review21_surfaces", ROOT / "docs" / "review21-surfaces-cases.py")
R21 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(R21)  # type: ignore[union-attr]
R20 = R21.R20
R19, R17, R12 = R20.R19, R20.R17, R20.R12
HELPERS = "make_app user walk hidden sql saved_entry record go world concrete report note".split()
make_app, user, walk, hidden, sql, saved_entry, record, go, world, concrete, report, note = (getattr(R21, n) for n in HELPERS)
LOW, at, PW = R21.LOW, R17.at, R12.PW
COUNT = R21.COUNT  # review 21's report() counts here


def text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)))).strip()


def body(html: str) -> str:
    """The page's own words: after the banner every page carries, before the footer."""
    t = text(html)
    i = t.find("your professional judgement.")
    j = t.find("Support links")
    return t[i + 28 if i >= 0 else 0 : j if j > 0 else None].strip()


def main_of(html: str) -> str:
    m = re.search(r"(?s)<main\b.*?</main>", html)
    return m.group(0) if m else html


def signed_in_as(html: str) -> str:
    m = re.search(r"Signed in as ([^<(]+)", html)
    return m.group(1).strip() if m else ""


# ------------------------------------------------------------------ sessions over time
def sessions():
    """Oracles: docs/security.md 9a (a sign-in that ends, or another account signing in here, clears the unsaved
    answers before any page reads them; nothing is recorded under the wrong person) and docs/storage.md ('set-role and
    set-team ... take effect at its next request'; a manager reads 'the saver's team at the time of saving')."""
    from store.users import disable_user, set_role, set_team

    app, who, v = world()
    eng = app.extensions["fsp_store"]
    pat, mgr, mb = who["practitioner"], who["manager"], who["mb"]
    # 1. two accounts in two tabs of one browser: tab 1 (pat) has Save and Record a level open; tab 2 signs in as pb
    assert walk(pat, [LOW]) == ""
    save_pg = pat.get("/save").get_data(as_text=True)
    lvl_url = f"/cases/R20-G1/entries/{v['eid']}/level"
    lvl_pg = pat.get(lvl_url).get_data(as_text=True)
    app.config["WTF_CSRF_ENABLED"] = True  # as deployed: the forms carry the browser session's token
    sp = pat.get("/sign-in").get_data(as_text=True)
    r = pat.post("/sign-in", data={**hidden(sp), "username": "pb", "password": PW})
    n_a, n_o = sql(app, "select count(*) from assessments")[0][0], sql(app, "select count(*) from overrides")[0][0]
    r1 = pat.post("/save", data={**hidden(save_pg), "case_ref": "R22-TWO"})
    r2 = pat.post(lvl_url, data={**hidden(lvl_pg), "level": "child_in_need", "reason": "typed as pat in tab 1"})
    said = body(go(pat, r1).get_data(as_text=True))
    report(
        r1.status_code == 400
        and r2.status_code == 400
        and sql(app, "select count(*) from assessments")[0][0] == n_a
        and sql(app, "select count(*) from overrides")[0][0] == n_o
        and "Nothing was recorded" in said,
        "NEW",
        f"two accounts in one browser: pat's Save and Record-a-level tabs sent after pb signed in there: {r1.status_code}/{r2.status_code}, "
        f"nothing recorded under pb, the page says {said[:110]!r}",
    )
    app.config["WTF_CSRF_ENABLED"] = False
    # 2. a role removed while signed in: the manager is made a practitioner with the review form open
    oid = v["oid"]
    rv_pg = mgr.get(f"/overrides/{oid}/review").get_data(as_text=True)
    set_role(eng, "manager", "practitioner")
    got = {u: mgr.get(u).status_code for u in ("/dashboard", "/overrides", f"/cases/R20-G1/entries/{v['eid']}")}
    r = mgr.post(f"/overrides/{oid}/review", data={**hidden(rv_pg), "note": "reviewed after losing the role"})
    reviews = sql(app, "select count(*) from override_reviews")[0][0]
    report(
        got["/dashboard"] == 403
        and got["/overrides"] == 403
        and got[f"/cases/R20-G1/entries/{v['eid']}"] == 404
        and r.status_code in (403, 404)
        and reviews == 0,
        "NEW",
        f"a manager made a practitioner while signed in: the next requests {got}, the review form drawn before, sent after: {r.status_code}, reviews {reviews}",
    )
    # 3. disabled while signed in: the next request is signed out
    disable_user(eng, "adviser")
    r = who["adviser"].get("/cases")
    report(
        r.status_code in (302, 303, 401) and "/sign-in" in (r.location or ""),
        "NEW",
        f"an account disabled while signed in: the next request {r.status_code} -> {r.location}",
    )
    # 4. the team changed while an entry is open: pat (Team A) moves to Team B with "Record a level" open
    c = app.test_client()  # pat's browser is pb's now (1.): pat signs in afresh in another
    c.post("/sign-in", data={"username": "practitioner", "password": PW})
    lvl_pg = c.get(lvl_url).get_data(as_text=True)
    set_team(eng, "practitioner", "Team B")
    r = c.post(lvl_url, data={**hidden(lvl_pg), "level": "child_in_need", "reason": "recorded after moving team"})
    new_oid = sql(app, "select max(id) from overrides")[0][0]
    entry_team = sql(app, "select team from assessments where id = :i", i=v["eid"])[0][0]
    cols = [row[1] for row in sql(app, "pragma table_info(overrides)")]
    o_team = sql(app, "select team from overrides where id = :i", i=new_oid)[0][0] if "team" in cols else "(no team column)"
    in_a = "recorded after moving team" in mgr.get("/overrides").get_data(as_text=True)
    set_role(eng, "manager", "manager")
    ma = app.test_client()
    ma.post("/sign-in", data={"username": "manager", "password": PW})
    a_list = ma.get("/overrides").get_data(as_text=True)
    b_list = mb.get("/overrides").get_data(as_text=True)
    a_rev = ma.get(f"/overrides/{new_oid}/review").status_code
    b_rev = mb.get(f"/overrides/{new_oid}/review").status_code
    note(f"overrides table team column: {o_team!r}; entry team {entry_team!r}; the earlier manager tab (now practitioner) listed it: {in_a}")
    report(
        r.status_code in (302, 303)
        and f"/overrides/{new_oid}/review" in a_list
        and a_rev == 200
        and b_rev == 404
        and f"/overrides/{new_oid}/review" not in b_list,
        "NEW",
        f"a level recorded on a Team A entry by its saver moved to Team B meanwhile: {r.status_code}; Team A's manager lists and reviews it: "
        f"{f'/overrides/{new_oid}/review' in a_list}/{a_rev}; Team B's: {f'/overrides/{new_oid}/review' in b_list}/{b_rev}",
    )
    # 5. the saver's own entry after the move: still theirs
    r = c.get(f"/cases/R20-G1/entries/{v['eid']}")
    lst = c.get("/cases").get_data(as_text=True)
    report(
        r.status_code == 200 and "R20-G1" in lst,
        "NEW",
        f"the saver moved to Team B still opens and lists their Team A entry: {r.status_code}, listed {'R20-G1' in lst}",
    )
    # 6. idle past the timeout mid-journey (signed in): the first page after it, as each of five pages is that page.
    # The app's own words for this case are on / and /sign-in: "Your earlier sign-in ended, so the answers you had
    # typed were cleared from this browser ..." (docs/security.md 9a); the oracle is that the first page says so.
    dim = R12.CAT.indicator(LOW).dimension
    page_id = R12.page_of(LOW)
    seen = {}
    for n, (method, url) in enumerate(
        (("POST", f"/needs/{page_id}"), ("GET", f"/needs/{page_id}"), ("GET", "/check"), ("GET", "/result"), ("GET", "/referral"), ("GET", "/"))
    ):
        c2 = user(app, f"p22{n}", "practitioner")
        assert walk(c2, [LOW]) == ""
        sql(
            app,
            "update sign_ins set expires_at = :t, last_seen = :t where user_id = (select id from users where username = :u)",
            t="2000-01-01 00:00:00",
            u=f"p22{n}",
        )
        r = c2.post(url, data={dim: [LOW]}) if method == "POST" else c2.get(url)
        words = body(go(c2, r).get_data(as_text=True))
        seen[f"{method} {url}"] = "sign-in ended" if re.search(r"(?i)sign[- ]in (has |had )?ended", words) else words[:70]
    report(
        all(v == "sign-in ended" for v in seen.values()),
        "S3",
        f"signed in, answers given, idle past the 30 minutes: the first page after says the sign-in ended and cleared them: {seen}",
    )


# ------------------------------------------------------------------ the person's own record
def own_record():
    """Oracles: what the store holds about a practitioner's assessment (overrides, their reviews, marks) against what
    the practitioner's pages and their downloads show; docs/storage.md's audit ('reads of a history, exports ... are
    audited') against where anyone can read it; docs/storage.md's retention against what is left after it."""
    from store.retention import run_retention

    app, who, v = world()
    pat, mgr = who["practitioner"], who["manager"]
    eid, oid = v["eid"], v["oid"]
    rv_url = f"/overrides/{oid}/review"
    pg = mgr.get(rv_url).get_data(as_text=True)
    r = mgr.post(rv_url, data={**hidden(pg), "note": "R22NOTE discussed in supervision"})
    stored = sql(app, "select note from override_reviews")
    mark = f"/cases/R20-G1/entries/{eid}/in-error"
    pg = pat.get(mark).get_data(as_text=True)
    go(pat, pat.post(mark, data={**hidden(pg), "reason": "R22MARK wrong child"}))
    entry = pat.get(f"/cases/R20-G1/entries/{eid}").get_data(as_text=True)
    case = pat.get("/cases/R20-G1").get_data(as_text=True)
    ej = pat.get("/cases/R20-G1/export.json").get_data(as_text=True)
    ec = pat.get("/cases/R20-G1/export.csv").get_data(as_text=True)
    shown = {
        "override reason": ("R20 reason seen at home", [entry, ej, ec]),
        "in-error reason": ("R22MARK", [entry, ej, ec]),
        "manager's review": ("R22NOTE", [entry, case, ej, ec]),
    }
    for what, (needle, where) in shown.items():
        hits = [
            n
            for n, s in zip(("entry page", "case page", "export.json", "export.csv") if len(where) == 4 else ("entry page", "export.json", "export.csv"), where)
            if needle in s
        ]
        report(
            len(hits) == len(where) if what != "manager's review" else bool(hits),
            "S1" if what == "manager's review" else "NEW",
            f"the saver sees and downloads the {what} stored about their entry: shown in {hits or 'none'}",
        )
    note(f"review POST {r.status_code}; override_reviews rows: {stored}")
    # reviewed or not: the practitioner's own pages say whether their recorded level was reviewed
    reviewed_word = re.search(r"(?i)\breviewed\b", body(entry))
    note(f"the entry page says 'reviewed': {bool(reviewed_word)}")
    # the audit: a manager reads pat's entry and exports it; who can read those rows?
    n0 = sql(app, "select count(*) from audit_log")[0][0]
    mgr.get(f"/cases/R20-G1/entries/{eid}")
    mgr.get("/cases/R20-G1/export.csv")
    rows = sql(app, "select action, outcome, case_ref from audit_log where id > (select max(id) - 5 from audit_log) order by id")
    routes = [r.rule for r in app.url_map.iter_rules() if "audit" in r.rule]
    rc, out, err = R20.cli(["--help"])
    cli_audit = "audit" in out
    report(
        bool(routes) or cli_audit,
        "S2",
        f"a manager's read and export of an entry are audited ({sql(app, 'select count(*) from audit_log')[0][0] - n0} rows: {rows[-2:]}); "
        f"a page or command that reads the audit: routes {routes or 'none'}, `pathway --help` names audit: {cli_audit}",
    )
    # retention: what is left about the case once its only entry has gone
    gone = run_retention(R12.db(app), now=datetime.now(timezone.utc).replace(year=datetime.now().year + 30))
    left = {}
    for table in ("assessments", "overrides", "override_reviews", "entry_marks"):
        left[table] = sql(app, f"select count(*) from {table}")[0][0]  # noqa: S608 (fixed names)
    audit_refs = sql(app, "select count(*) from audit_log where case_ref = 'R20-G1'")[0][0]
    report(
        not any(left.values()),
        "NEW",
        f"retention 30 years on ({gone.assessments_removed} entries): rows left {left}; audit rows naming it kept (docs/storage.md): {audit_refs}",
    )
    r = pat.get("/cases/R20-G1")
    note(f"the case's page after retention: {r.status_code} {body(r.get_data(as_text=True))[:120]!r}")


# ------------------------------------------------------------------ language and links
TERMS = {
    "Children and Families Direct": re.compile(r"(?i)children\s*(?:and|&)\s*families\s*direct"),
    "Emergency Duty Team": re.compile(r"(?i)emergency\s+duty\s+team"),
    "Child in Need": re.compile(r"(?i)child[- ]in[- ]need"),
}
VAGUE_LINK = re.compile(r"(?i)^(click here|here|more|read more|link|this link|this page|this)$")


def crawl(app, who, v):
    """Every GET route a role reaches (200, text/html) as (role, url, html)."""
    out = []
    for role, c in who.items():
        for rule in app.url_map.iter_rules():
            if (
                "GET" not in rule.methods
                or rule.rule.startswith(("/static", "/assets", "/api"))
                or rule.rule.endswith((".csv", ".json", ".yaml", ".txt", ".pdf", "kind>"))
            ):
                continue
            url = concrete(rule.rule, v)
            if "<" in url:
                continue
            r = c.get(url)
            if r.status_code == 200 and r.mimetype == "text/html":
                out.append((role, url, r.get_data(as_text=True)))
    return out


def wording():
    """Oracles: the threshold document's own spellings of its teams and levels; GOV.UK style (a link says where it
    goes, never 'click here'); a back link leads to a page that answers 200 and is not the page itself."""
    app, who, v = world()
    assert walk(who["practitioner"], [LOW]) == ""
    who = {k: c for k, c in who.items() if k in ("anon", "practitioner", "adviser", "trainer", "manager", "admin", "trainee")}
    pages = crawl(app, who, v)
    note(f"{len(pages)} pages crawled by {len(who)} roles")
    bad_terms, vague, backs_bad, acronyms = {}, set(), set(), set()
    for role, url, html in pages:
        words = text(main_of(html))
        for canon, rx in TERMS.items():
            if url.endswith("/document"):
                continue  # the document itself, drawn as written ("CHILD IN NEED" is its heading)
            for m in rx.finditer(words):
                s = re.sub(r"\s+", " ", m.group(0))
                if re.match(r"-[a-z]", words[m.end() : m.end() + 2]) or words[max(0, m.start() - 1) : m.start()] == "-":
                    continue  # a scenario's id (step-down-from-child-in-need), not a sentence
                if s != canon and not (canon == "Child in Need" and s in ("child in need",)):
                    bad_terms.setdefault(canon, set()).add(f"{s!r} on {url}")
        for m in re.finditer(r"(?s)<a\b[^>]*>(.*?)</a>", main_of(html)):
            t = text(m.group(1))
            if VAGUE_LINK.match(t):
                vague.add(f"{t!r} on {url}")
        for m in re.finditer(r"\b(CFD|EDT|MASH|CAF|TAF|CIN|CP)\b", words):
            expanded = {"CAF": "Common Assessment", "TAF": "Team Around", "CFD": "Children and Families Direct", "EDT": "Emergency Duty Team"}.get(m.group(1))
            if expanded and expanded.lower() not in words.lower() and not (m.group(1) == "CAF" and "early help assessment" in words.lower()):
                acronyms.add(f"{m.group(1)} on {url}")
        for m in re.finditer(r"\bp\d+'s\b", words):
            acronyms.add(f"{m.group(0)!r} on {url}")  # a page number used as a noun: "one of p9's criteria"
        for m in re.finditer(r'<a\b[^>]*class="[^"]*govuk-back-link[^"]*"[^>]*href="([^"]+)"|<a\b[^>]*href="([^"]+)"[^>]*class="[^"]*govuk-back-link', html):
            href = unescape(m.group(1) or m.group(2))
            if href.startswith(("http", "javascript")) or href == "#":
                backs_bad.add(f"{url} -> {href}")
                continue
            if href.split("?")[0] == url:
                backs_bad.add(f"{url} -> itself")
                continue
            code = who[role].get(href).status_code
            if code not in (200, 302, 303):
                backs_bad.add(f"{url} -> {href} ({code})")
    for canon in TERMS:
        found = sorted(bad_terms.get(canon, ()))
        report(not found, "TERMS", f"'{canon}' spelt as the document spells it on every page: {found[:6] or 'yes'}{' …' if len(found) > 6 else ''}")
    report(not vague, "NEW", f"no link reads 'click here', 'here', 'more' or 'this page': {sorted(vague)[:6] or 'none'}")
    report(
        not acronyms,
        "S7",
        f"every CAF/TAF/CFD/EDT on a page is spelt out (or explained) on that page, no page number a noun ('p9's'): {sorted(acronyms)[:10] or 'yes'}",
    )
    # where the journey's back links lead: each needs page to the one before it, a Change page back to the check page
    back = re.compile(r'href="([^"]+)" class="govuk-back-link"')
    c = app.test_client()
    wrong = []
    for child in ({"born": "no", "age_years": "", "age_months": ""}, {"age_years": "0", "age_months": "3"}, {"age_years": "17"}):
        c.post("/start-again")
        c.post("/safety", data={"immediate": ["none"]})
        url, before = c.post("/child", data={**R12.CHILD, **child}).location, "/child"
        while url and "/needs/" in url:
            b = back.search(c.get(url).get_data(as_text=True))
            if not b or b.group(1) != before:
                wrong.append(f"{child}: {url} -> {b.group(1) if b else None} (came from {before})")
            before, url = url, c.post(url, data={}).location
        b = back.search(c.get("/check").get_data(as_text=True))
        if not b or b.group(1) != before:
            wrong.append(f"{child}: /check -> {b.group(1) if b else None} (came from {before})")
    changes = sorted({unescape(x) for x in re.findall(r'href="([^"]+)"[^>]*>\s*Change', c.get("/check").get_data(as_text=True))})
    for link in changes:
        b = back.search(c.get(link).get_data(as_text=True))
        if not b or b.group(1) != "/check":
            wrong.append(f"{link} -> {b.group(1) if b else None}")
    report(
        not wrong and len(changes) >= 10,
        "NEW",
        f"journey back links (unborn, 3 months, 17) lead to the page before; each of {len(changes)} Change pages back to /check: {wrong[:4] or 'yes'}",
    )
    report(
        not backs_bad,
        "NEW",
        f"every back link ({sum('govuk-back-link' in h for _, _, h in pages)} pages have one) leads to a page that answers: {sorted(backs_bad)[:6] or 'yes'}",
    )


# ------------------------------------------------------------------ accessibility a test client can check
def a11y():
    """Oracles: GOV.UK Design System: radios and checkboxes sit in a fieldset with a legend; a table has header cells;
    every visible field has a label whose `for` is its id, and ids are unique on a page (WCAG 1.3.1, 4.1.1)."""
    app, who, v = world()
    assert walk(who["practitioner"], [LOW]) == ""
    who = {k: c for k, c in who.items() if k in ("anon", "practitioner", "adviser", "trainer", "manager", "admin", "trainee")}
    pages = crawl(app, who, v)
    no_fs, no_th, no_label, dup_ids = set(), set(), set(), set()
    for role, url, html in pages:
        m = main_of(html)
        groups: dict[str, int] = {}
        for tag in re.finditer(r'<input\b[^>]*type="(radio|checkbox)"[^>]*>', m):
            name = re.search(r'name="([^"]+)"', tag.group(0))
            if not name:
                continue
            opened = m.rfind("<fieldset", 0, tag.start())
            closed = m.rfind("</fieldset>", 0, tag.start())
            groups.setdefault(name.group(1), 0)
            if opened < 0 or closed > opened or "<legend" not in m[opened : tag.start()]:
                groups[name.group(1)] += 1
        for n, k in groups.items():
            if k and len(re.findall(rf'name="{re.escape(n)}"', m)) > 1:
                no_fs.add(f"{n} on {url}")
        for t in re.finditer(r"(?s)<table\b.*?</table>", m):
            if "<th" not in t.group(0):
                no_th.add(url)
        for tag in re.finditer(r"<(input|select|textarea)\b[^>]*>", m):
            s = tag.group(0)
            if re.search(r'type="(hidden|submit|button|image)"', s):
                continue
            i = re.search(r'\bid="([^"]+)"', s)
            if not i or (f'for="{i.group(1)}"' not in m and "aria-label" not in s and "aria-labelledby" not in s):
                nm = re.search(r'name="([^"]+)"', s)
                no_label.add(f"{nm.group(1) if nm else '?'} on {url}")
        ids = re.findall(r'\bid="([^"]+)"', html)
        d = {i for i in ids if ids.count(i) > 1}
        if d:
            dup_ids.add(f"{sorted(d)[:3]} on {url}")
    note(f"{len(pages)} pages checked")
    report(not no_fs, "FIELDSET", f"every radio and checkbox group of more than one sits in a fieldset with a legend: {sorted(no_fs)[:6] or 'yes'}")
    report(not no_th, "NEW", f"every table has header cells: {sorted(no_th)[:6] or 'yes'}")
    report(not no_label, "NEW", f"every visible field has a label tied to its id: {sorted(no_label)[:6] or 'yes'}")
    report(not dup_ids, "NEW", f"no id used twice on a page: {sorted(dup_ids)[:6] or 'none'}")


# ------------------------------------------------------------------ dates and times shown
def dates():
    """Oracle: Europe/London wall time (zoneinfo), 24-hour clock as the app writes it elsewhere; an entry saved in
    summer (BST) and read in winter (GMT) shows the time it was saved at, as the clock on the wall said then."""
    from zoneinfo import ZoneInfo

    app = make_app()
    user(app, "pat", "practitioner")
    london = ZoneInfo("Europe/London")
    cases = {
        "R22-BST": datetime(2026, 7, 1, 11, 30, tzinfo=timezone.utc),  # 12:30 BST
        "R22-MID": datetime(2026, 6, 30, 23, 30, tzinfo=timezone.utc),  # 00:30 BST on 1 July: "today" is 1 July
        "R22-GMT": datetime(2026, 10, 25, 1, 30, tzinfo=timezone.utc),  # 01:30 GMT, the second 01:30 of the day the clocks go back
        "R22-BST2": datetime(2026, 10, 25, 0, 30, tzinfo=timezone.utc),  # 01:30 BST, the first 01:30 of that day, an hour earlier
    }
    eids = {}
    for ref, when in cases.items():
        at(when)
        try:
            eids[ref] = saved_entry(app, R17.sign_in(app, "pat"), ref)  # signed in at that moment, as then
        finally:
            at(None)
    at(datetime(2026, 12, 5, 10, 0, tzinfo=timezone.utc))
    pat = R17.sign_in(app, "pat")
    try:
        for ref, when in cases.items():
            wall = when.astimezone(london)
            want_day = f"{wall.day} {wall:%B %Y}"
            want_time = f"{wall:%H:%M}"
            page = body(pat.get(f"/cases/{ref}/entries/{eids[ref]}").get_data(as_text=True))
            lst = body(pat.get("/cases").get_data(as_text=True))
            ok = want_day in page and want_time in page
            report(
                ok, "NEW", f"{ref} saved {when:%Y-%m-%d %H:%M} UTC, read in December: the entry page shows {want_day} {want_time} (London): {ok}; {page[:90]!r}"
            )
            row = re.search(rf"{ref}.{{0,80}}", lst)
            note(f"/cases row for {ref}: {row.group(0) if row else '(not found)'!r}")
        ec = pat.get("/cases/R22-BST/export.csv").get_data(as_text=True)
        # the hour the clocks go back: two entries an hour apart must not read as the same moment
        first = body(pat.get(f"/cases/R22-BST2/entries/{eids['R22-BST2']}").get_data(as_text=True))
        second = body(pat.get(f"/cases/R22-GMT/entries/{eids['R22-GMT']}").get_data(as_text=True))
        when1 = re.search(r"Result as shown on ([^.]*?\d\d:\d\d(?: [A-Z]{3}| \(\w+\))?)", first)
        when2 = re.search(r"Result as shown on ([^.]*?\d\d:\d\d(?: [A-Z]{3}| \(\w+\))?)", second)
        w1, w2 = (when1.group(1) if when1 else "?"), (when2.group(1) if when2 else "?")
        report(
            w1 != w2,
            "S6",
            f"two entries saved an hour apart across the clocks going back (00:30 and 01:30 UTC, 25 October 2026): shown as {w1!r} and {w2!r}",
        )
        stamps = re.findall(r"2026-0[67]-[0-9]{2}[T ][0-9:.+Z-]+", ec)[:2]
        note(f"export.csv saved_at for R22-BST: {stamps}")
        # 12-hour forms anywhere a time is written
        twelve = [
            m.group(0)
            for ref in cases
            for m in re.finditer(r"\b\d{1,2}(:\d\d)?\s?(am|pm|a\.m\.|p\.m\.)", body(pat.get(f"/cases/{ref}").get_data(as_text=True)), re.I)
        ]
        report(not twelve, "NEW", f"times written 24-hour on the case pages: {twelve or 'yes'}")
    finally:
        at(None)


# ------------------------------------------------------------------ the JSON API's errors
def api():
    """Oracle: docs/contract.md's error body ({"errors": [{"field", "message"}]}, JSON, no stack) for every 4xx;
    RFC 8259 (JSON is UTF-8; a name repeated in an object is undefined, so refused rather than one silently won)."""
    app = make_app()
    c = app.test_client()
    good = {"child": {"age_years": 8}, "indicators": [LOW]}
    J = {"Content-Type": "application/json"}
    cases = {
        "charset=latin-1 with é": dict(
            data=json.dumps({**good, "context": {"caller": "profé"}}).encode("latin-1"), headers={"Content-Type": "application/json; charset=latin-1"}
        ),
        "UTF-16 body": dict(data=json.dumps(good).encode("utf-16"), headers=J),
        "text/plain": dict(data=json.dumps(good), headers={"Content-Type": "text/plain"}),
        "form-encoded": dict(data={"child": "x"}),
        "child given twice": dict(data='{"child":{"age_years":8},"child":{"age_years":17},"indicators":["%s"]}' % LOW, headers=J),
        "age_years given twice": dict(data='{"child":{"age_years":8,"age_years":17},"indicators":["%s"]}' % LOW, headers=J),
        "5,000 nested arrays": dict(data="[" * 5000 + "]" * 5000, headers=J),
        "NaN age": dict(data='{"child":{"age_years":NaN},"indicators":[]}', headers=J),
        "5,000-digit age": dict(data='{"child":{"age_years":' + "9" * 5000 + '},"indicators":[]}', headers=J),
        "age as a word": dict(json={"child": {"age_years": "eight"}, "indicators": []}),
    }
    bad = []
    for what, kw in cases.items():
        r = c.post("/api/v1/assess", **kw)
        b = r.get_data(as_text=True)
        try:
            errs = json.loads(b)["errors"]
            shape = all(set(e) == {"field", "message"} and e["field"] for e in errs)
        except Exception:
            shape = False
        if not (400 <= r.status_code < 500 and r.mimetype == "application/json" and shape and "Traceback" not in b):
            bad.append(f"{what}: {r.status_code} {b[:80]!r}")
        note(f"assess, {what}: {r.status_code} {b[:140]!r}")
    for url, method in (("/api/v1/nope", "get"), ("/api/v1/assess", "get"), ("/api/v1/assess", "put")):
        r = getattr(c, method)(url)
        b = r.get_data(as_text=True)
        if not (r.mimetype == "application/json" and b.startswith('{"errors"')):
            bad.append(f"{method.upper()} {url}: {r.status_code} {r.mimetype}")
    report(
        not bad, "NEW", f"every 4xx from the API (10 bodies, an unknown path, two wrong methods) is JSON of errors[field, message], no stack: {bad or 'yes'}"
    )
    r = c.post("/api/v1/search", data='{"words":"mum \\ud800 hits the baby"}', headers=J)
    msg = r.get_data(as_text=True)
    report(
        r.status_code == 422 and "surrogate" in msg.lower() or "unicode" in msg.lower() or r.status_code == 200,
        "S8",
        f"search with a lone surrogate escape (\\ud800, as some clients write an emoji cut in half): {r.status_code} {msg[:150]!r}",
    )


# ------------------------------------------------------------------ the CLI
def cli_run(argv, env=None, **kw):
    e = {**os.environ, **(env or {})}
    for k in list(e):
        if env is not None and k in ("LC_ALL", "LANG", "LC_CTYPE", "PYTHONIOENCODING", "PYTHONUTF8") and k not in env:
            del e[k]
    p = subprocess.run([sys.executable, "-m", "cli.main", *argv], capture_output=True, timeout=180, cwd=ROOT, env=e, **kw)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def cli():
    """Oracle: cli/files.py and reviews 14/15/20's promise: an input the command cannot use is one stderr line naming
    it, exit 2, nothing on stdout, never a traceback; what it can use (CRLF, a BOM) is used."""
    tmp = Path(tempfile.mkdtemp(prefix="review22s-cli-"))
    case = '{"child": {"age_years": 8},\r\n "indicators": ["%s"]}\r\n' % LOW
    (tmp / "crlf.json").write_bytes(case.encode())
    (tmp / "bom-crlf.json").write_bytes(b"\xef\xbb\xbf" + case.encode())
    (tmp / "folder.json").mkdir()
    for what, argv in (
        ("a folder named .json", ["assess", str(tmp / "folder.json")]),
        ("ruleset diff on a folder", ["ruleset", "diff", str(tmp / "folder.json")]),
        ("scenarios check on an empty folder", ["scenarios", "check", str(tmp / "folder.json")]),
    ):
        rc, out, err = cli_run(argv)
        ok = rc == 2 and not out.strip() and "Traceback" not in err
        report(ok, "NEW", f"pathway {what}: exit {rc}, {err.strip().splitlines()[:1]}")
    for name in ("crlf.json", "bom-crlf.json"):
        rc, out, err = cli_run(["assess", str(tmp / name)])
        report(
            rc == 0 and '"level": "additional"' in out,
            "NEW",
            f"pathway assess on a file with CRLF line ends{' and a BOM' if 'bom' in name else ''}: exit {rc}, additional: {'additional' in out}",
        )
    # a locale that is not UTF-8 and that Python does not coerce (LC_ALL=C with UTF-8 mode off, as a hardened cron
    # or container can run; or PYTHONIOENCODING naming latin-1 / ascii)
    for env in ({"LC_ALL": "C", "PYTHONUTF8": "0"}, {"PYTHONIOENCODING": "latin-1"}, {"PYTHONIOENCODING": "ascii"}):
        for argv in (["assess", str(tmp / "crlf.json")], ["indicators"]):
            rc, out, err = cli_run(argv, env=env)
            last = (err.strip().splitlines() or [""])[-1]
            report(
                "Traceback" not in err,
                "S4",
                f"pathway {argv[0]} with {' '.join(f'{k}={v}' for k, v in env.items())}: exit {rc}, {'traceback: ' if 'Traceback' in err else ''}{last[:90]!r}",
            )
    rc, out, err = cli_run(["search", "mum hits the baby – she’s scared"], env={"LC_ALL": "C", "PYTHONUTF8": "0"})
    note(f"pathway search 'mum hits the baby – she’s scared' with LC_ALL=C PYTHONUTF8=0: exit {rc}, {err.strip()[:140]!r}")
    # output piped to head: a reader that stops early
    for argv in (["assess", str(tmp / "crlf.json")], ["search", "mum hits the baby"], ["scenarios", "coverage"]):
        p = subprocess.run(
            " ".join([sys.executable, "-m", "cli.main", *[f"'{a}'" for a in argv]]) + " | head -n 1 >/dev/null",
            shell=True,
            capture_output=True,
            text=True,
            timeout=180,
            cwd=ROOT,
        )
        report(
            "Traceback" not in p.stderr and "BrokenPipe" not in p.stderr,
            "NEW",
            f"pathway {argv[0]} | head -n 1: no BrokenPipe trace ({p.stderr.strip()[:80]!r})",
        )
    # stdin closed for the commands that read a password from stdin
    p = subprocess.run(
        f"{sys.executable} -m cli.main users create r22x --role practitioner --team T --password-stdin <&-",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "FSP_DATABASE_URL": f"sqlite:///{tmp}/cli.sqlite3"},
    )
    last = (p.stderr.strip().splitlines() or [""])[-1]
    report(
        p.returncode == 2 and "Traceback" not in p.stderr,
        "S5",
        f"pathway users create --password-stdin, stdin closed (`<&-`): exit {p.returncode}, {'traceback: ' if 'Traceback' in p.stderr else ''}{last[:90]!r}",
    )


SECTIONS = ("sessions", "own_record", "wording", "a11y", "dates", "api", "cli")


def _section(name: str) -> None:
    print(f"== {name}", flush=True)
    try:
        globals()[name]()
    except Exception:
        report(False, "HARNESS", f"{name} raised:\n{format_exc()}")


if __name__ == "__main__":
    wanted = sys.argv[1:] or ["all"]
    for name in SECTIONS if wanted == ["all"] else wanted:
        _section(name)
    print(f"== {COUNT['OK'] + COUNT['FINDING']} checks: {COUNT['OK']} OK, {COUNT['FINDING']} FINDING", flush=True)
