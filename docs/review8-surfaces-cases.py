"""Review 8 (surfaces): reproduce the cases in docs/review8-surfaces.md.

Run from the worktree:  .venv/bin/python docs/review8-surfaces-cases.py [practice|saved|access|adviser|parity|errors|privacy|all]

It changes no product code. The app is driven with Flask's test client (a throwaway SQLite
database), the API with POST /api/v1/assess, the CLI with `.venv/bin/pathway`. The app's log
output is captured on the root logger throughout and searched for the words typed.
Each check prints "OK" or "FINDING <id>: ...".
"""

from __future__ import annotations

import io
import json
import logging
import re
import subprocess
import sys
import tempfile
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pathway import clock  # noqa: E402
from tests.webapp.conftest import post_drawn  # noqa: E402  (a recording form posted as a browser does, store15)
from webapp import create_app  # noqa: E402

LOGS: list[str] = []
PW = "review eight pass phrase"


class Keep(logging.Handler):
    def emit(self, record):
        try:
            LOGS.append(self.format(record))
        except Exception:  # noqa: BLE001
            LOGS.append(str(record.msg))


_h = Keep()
_h.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
logging.getLogger().addHandler(_h)
logging.getLogger().setLevel(logging.DEBUG)


def text(resp) -> str:
    html = resp.get_data(as_text=True)
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def make_app(**extra):
    db = tempfile.mkdtemp(prefix="review8s-")
    cfg = {
        "TESTING": True,
        "WTF_CSRF_ENABLED": False,
        "SECRET_KEY": "review8",
        "DATABASE_URL": f"sqlite:///{db}/web.sqlite3",
        "SIGN_IN_LIMIT_PER_ADDRESS": "1000/minute",
        "SIGN_IN_LIMIT_OVERALL": "1000/minute",
    }
    cfg.update(extra)
    from store import passwords

    passwords.N = 2**10
    return create_app(cfg)


def user(app, name, role, team="Team A"):
    from store.users import create_user

    create_user(app.extensions["fsp_store"], name, role, team, PW)
    c = app.test_client()
    r = c.post("/sign-in", data={"username": name, "password": PW})
    assert r.status_code in (302, 303), (name, r.status_code)
    return c


def report(ok: bool, fid: str, msg: str):
    print(("OK      " if ok else f"FINDING {fid}: ") + msg)


# ------------------------------------------------------------------ practice
IMPORTED = """
- id: r8-imported-wrong-level
  title: R8 imported with a level the rules do not give
  narrative: >-
    Amir, 7, tells his teacher his step-dad hit him with a belt last night; he has marks on his legs.
  child: {age_years: 7}
  model:
    level: universal
    required: [immediate.allegation_or_disclosure]
  teaching:
    why: test
    pages: "9"
    common_mistake: test
"""

IMMEDIATE_OK = """
- id: r8-immediate-right
  title: R8 an immediate referral, model level as the rules give it
  narrative: >-
    Lily, 6, tells her teacher her mum's boyfriend hurt her; she has a burn on her arm.
  child: {age_years: 6}
  model:
    level: protection
    required: [immediate.allegation_or_disclosure]
  teaching:
    why: test
    pages: "9"
    common_mistake: test
- id: r8-crosswalk-reading
  title: R8 a Protection need the tool reads as p9 (a declared reading)
  narrative: >-
    Sam, 9: police have been called to his home five times this year for his father's violence to his mother.
  child: {age_years: 9}
  model:
    level: protection
    required: [protection.persistent_domestic_abuse]
  teaching:
    why: test
    pages: "17, 9"
    common_mistake: test
"""


def practice():
    app = make_app()
    trainer = user(app, "r8trainer", "trainer")
    from werkzeug.datastructures import FileStorage  # noqa: F401

    # P1: an imported scenario whose model level is not the rules' decision
    r = trainer.post(
        "/practice/scenarios/import",
        data={"file": (io.BytesIO(IMPORTED.encode()), "wrong.yaml")},
        content_type="multipart/form-data",
    )
    page = text(trainer.get("/practice/scenarios"))
    accepted = "r8-imported-wrong-level" in page
    report(not accepted, "P1", f"import of a scenario with model level 'universal' for a p9 disclosure: accepted={accepted} (status {r.status_code})")
    trainer.post(
        "/practice/scenarios/import",
        data={"file": (io.BytesIO(IMMEDIATE_OK.encode()), "right.yaml")},
        content_type="multipart/form-data",
    )
    ids = (["r8-imported-wrong-level"] if accepted else []) + ["r8-immediate-right", "r8-crosswalk-reading"]
    r = trainer.post("/practice/new", data={"scenarios": ids, "cohort": ""})
    code = r.location.rstrip("/").split("/")[-1]
    # three trainees
    trainees = []
    for n, (lv_wrong, lv_imm) in enumerate([("protection", "protection"), ("universal", "protection"), ("protection", "child_in_need")]):
        t = app.test_client()
        t.post("/practice/join", data={"code": code, "name": f"Trainee {n}"})
        if accepted:
            t.post(f"/practice/s/{code}/r8-imported-wrong-level", data={"level": lv_wrong, "immediate-harm": [], "confirm_empty": "1"})
        t.post(f"/practice/s/{code}/r8-immediate-right", data={"level": lv_imm, "confirm_empty": "1"})
        if n == 0:
            t.post(f"/practice/s/{code}/r8-crosswalk-reading", data={"level": "protection", "confirm_empty": "1"})
        trainees.append(t)
    if accepted:
        fb = text(trainees[0].get(f"/practice/s/{code}/r8-imported-wrong-level/feedback"))
        i = fb.find("You chose")
        print("   trainee 0 feedback (chose Protection):", fb[i : i + 140])
        j = fb.find("Why the model answer")
        print("   ", fb[j : j + 330])
        report(
            not ("model answer is Universal" in fb and "immediate referral" in fb[j:]),
            "P1",
            "feedback tells the trainee the model answer is Universal while the rules' reasons under it are Protection/immediate",
        )
    # P2: feedback for an immediate-referral scenario: does it say the model answer is an immediate referral?
    fb = text(trainees[0].get(f"/practice/s/{code}/r8-immediate-right/feedback"))
    i = fb.find("You chose")
    print("   feedback, p9 scenario, chose Protection:", fb[i : i + 120])
    says = "immediate referral" in fb.lower() or "without delay" in fb.lower() or "ring" in fb.lower()
    report(says, "P2", f"feedback for a p9 scenario mentions that it is an immediate referral: {says}")
    # the reading marker on the feedback page (F5 of review 7: one wording on every surface)
    from pathway.wording import READING

    fbx = text(trainees[0].get(f"/practice/s/{code}/r8-crosswalk-reading/feedback"))
    reasons = fbx[fbx.find("Why the model answer") : fbx.find("Teaching points")]
    print("   feedback reasons, cross-walk scenario:", reasons[:600])
    report(
        READING in reasons,
        "W1",
        f"practice feedback marks the declared reading with the shared words {READING!r}: {READING in reasons}; says 'our interpretation': {'our interpretation' in reasons}",  # noqa: E501
    )
    # summary
    trainer.post(f"/practice/session/{code}/end")
    s = text(trainer.get(f"/practice/session/{code}/summary"))
    i = s.find("greement")
    print("   summary:", s[i - 40 : i + 400])
    csv = trainer.get(f"/practice/session/{code}/summary.csv").get_data(as_text=True)
    print("   summary.csv first rows:", csv.splitlines()[:4])
    # hand computation: model levels as the rules give them
    from training.agreement import fleiss_kappa

    wiki = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
    k = fleiss_kappa(wiki)
    report(abs(k - 0.210) < 0.001, "P3", f"Fleiss' kappa on Fleiss (1971) / Wikipedia table: {k:.3f} (expected 0.210)")
    return code


# ------------------------------------------------------------------ saved assessments, access
def web_decide(client, indicators_by_page: dict[str, list[str]], safety: list[str] | None = None, age=7):
    client.post("/safety", data={"immediate": safety or [], "continue": "1"})
    client.post(
        "/child",
        data={
            "born": "yes",
            "age_years": str(age),
            "age_months": "",
            "disability": "none",
            "large_sibling_group": "no",
            "open_case": "no",
            "caf": "none",
            "consent": "yes",
            "current_level": "not_known",
        },
    )
    return client.get("/result")


def saved():
    app = make_app()
    a = user(app, "r8pa", "practitioner", "Team A")
    b = user(app, "r8pb", "practitioner", "Team A")
    m_other = user(app, "r8mb", "manager", "Team B")
    t = user(app, "r8tr", "trainer", "Team A")
    # A decides a p9 case on the safety page and saves it
    a.post("/safety", data={"immediate": ["immediate.allegation_or_disclosure"]})
    res = a.get("/result")
    print("   result after the safety page:", res.status_code)
    r = post_drawn(a, "/save", {"case_ref": "R8-0001"})
    print("   save:", r.status_code, r.location)
    html = a.get("/cases/R8-0001").get_data(as_text=True)
    m = re.search(r"/cases/R8-0001/entries/(\d+)", html)
    if not m:
        print("   could not save; page:", text(a.get("/cases/R8-0001"))[:300])
        return
    eid = m.group(1)
    # another practitioner of the same team; a manager of another team; a trainer
    for who, c in (("practitioner, same team", b), ("manager, other team", m_other), ("trainer, same team", t)):
        codes = [
            c.get(p).status_code
            for p in (
                "/cases/R8-0001",
                f"/cases/R8-0001/entries/{eid}",
                "/cases/R8-0001/export.json",
                "/cases/R8-0001/export.csv",
                f"/cases/R8-0001/entries/{eid}/level",
            )
        ]
        lvl = c.post(f"/cases/R8-0001/entries/{eid}/level", data={"level": "universal", "reason": "x"}).status_code
        again = c.post(f"/cases/R8-0001/entries/{eid}/assess-again").status_code
        report(
            all(x == 404 for x in codes) and lvl == 404 and again in (400, 404),
            "A1",
            f"{who}: GET case/entry/exports/override {codes}, POST override {lvl}, assess-again {again}",
        )
    # a trainee (no account) and a trainer on manager pages
    anon = app.test_client()
    report(
        all(anon.get(p).status_code in (302, 303) for p in ("/cases", "/overrides", "/dashboard")),
        "A2",
        "signed out: /cases, /overrides, /dashboard go to sign-in",
    )
    report(all(t.get(p).status_code == 403 for p in ("/overrides", "/dashboard")), "A2", "trainer: /overrides and /dashboard refused")
    # override with a reason; both levels kept
    post_drawn(a, f"/cases/R8-0001/entries/{eid}/level", {"level": "additional", "reason": "Seen at home by the school nurse; no marks"})
    exp = a.get("/cases/R8-0001/export.json").get_json()
    e = exp["entries"][0]
    print("   export.json entry keys:", sorted(e))
    print(
        "   tool level / recorded:",
        e.get("tool_level") or e.get("decision", {}).get("level"),
        "/",
        e.get("recorded_level"),
        "immediate:",
        e.get("decision", {}).get("immediate"),
    )
    csvt = a.get("/cases/R8-0001/export.csv").get_data(as_text=True)
    print("   export.csv header:", csvt.splitlines()[0])
    print("   export.csv row:", csvt.splitlines()[1][:400])
    report("immediate" in csvt.splitlines()[0].lower() or "immediate" in csvt.lower(), "S1", "export.csv says the tool's decision was an immediate referral")
    # a manager of Team A sees it in /overrides
    m_a = user(app, "r8ma", "manager", "Team A")
    ov = text(m_a.get("/overrides"))
    i = ov.find("R8-0001")
    print("   manager's overrides list:", ov[i - 100 : i + 300])
    report("immediate" in ov.lower(), "S2", "manager's list says immediate referral")
    # assess again
    r = a.post(f"/cases/R8-0001/entries/{eid}/assess-again")
    print("   assess-again ->", r.status_code, r.location)
    again = text(a.get("/result"))
    print("   result after assess-again:", again[again.find("Ring") : again.find("Ring") + 140])
    # review by the manager
    ovhtml = m_a.get("/overrides").get_data(as_text=True)
    rv = re.search(r"/overrides/(\d+)/review", ovhtml)
    if rv:
        print("   manager review page:", m_a.get(rv.group(0)).status_code)
        other = m_other.get(rv.group(0)).status_code
        report(other == 404, "A3", f"manager of Team B opens Team A's override review: {other}")
    return app


# ------------------------------------------------------------------ errors
def errors():
    app = make_app()
    user(app, "r8err", "practitioner")
    anon = app.test_client()
    bad = []

    def check(resp, what, want_words=None):
        body = text(resp) if resp.mimetype == "text/html" else resp.get_data(as_text=True)
        ok = resp.status_code < 500 and (want_words is None or any(w.lower() in body.lower() for w in want_words))
        if not ok:
            bad.append((what, resp.status_code, body[:300]))
        print(f"   {'ok ' if ok else 'BAD'} {resp.status_code} {what}: {body[:160]!r}")

    # API
    for body in (
        [],
        "x",
        {"child": {"age_years": True}},
        {"child": {"age_years": 5.5}},
        {"child": {"age_years": 5, "unborn": True}},
        {"indicators": "immediate.significant_harm"},
        {"indicators": [None]},
        {"context": {"contact_time": "2026-12-07T10:00:00+25:00"}},
        {"context": {"contact_time": "2026-02-30T10:00:00Z"}},
        {"child": {"age_years": 5, "age_months": 12}},
        {"parent": {"age_years": -1}},
        {"context": {"caller": "police"}},
        {"indicators": ["immediate.significant_harm"] * 600},
    ):
        r = anon.post("/api/v1/assess", data=json.dumps(body), content_type="application/json")
        check(r, f"API assess {json.dumps(body)[:70]}", ["child", "indicators", "context", "parent", "body", "list", "object"])
    r = anon.post("/api/v1/assess", data="{", content_type="application/json")
    check(r, "API assess broken JSON")
    r = anon.post("/api/v1/assess", data='{"child":{}}', content_type="text/plain")
    check(r, "API assess text/plain")
    for body in (
        {},
        {"query": ""},
        {"query": "x" * 5000},
        {"query": "hit", "age_months": -3},
        {"query": "hit", "age_months": "ten"},
        {"query": "hit", "unborn": True, "age_months": 3},
        {"query": ["hit"]},
        {"query": "hit", "limit": 0},
        {"query": "hit", "limit": 10**9},
    ):
        r = anon.post("/api/v1/search", data=json.dumps(body), content_type="application/json")
        check(r, f"API search {json.dumps(body)[:60]}")
    # journey forms
    for data in (
        {"born": "yes", "age_years": "-1"},
        {"born": "yes", "age_years": "7", "age_months": "13"},
        {"born": "yes", "age_years": "٧"},
        {"born": "yes", "age_years": "7\x00"},
        {"born": "maybe"},
    ):
        r = anon.post("/child", data=data)
        if r.status_code in (302, 303):
            r = anon.get(r.location)
        check(r, f"/child {data}")
    r = anon.post("/needs/no-such-page", data={})
    check(r, "/needs/no-such-page")
    r = anon.post("/note", data={"note": "x" * 100000})
    check(r if r.status_code not in (302, 303) else anon.get(r.location), "/note 100k characters")
    # save with a hostile reference
    anon2 = user(app, "r8err2", "practitioner")
    anon2.post("/safety", data={"immediate": ["immediate.significant_harm"]})
    for ref in ("", "../../etc", "R8 0001; DROP TABLE", "<script>", "A" * 300, "R8-\u202eXYZ"):
        r = post_drawn(anon2, "/save", {"case_ref": ref})
        if r.status_code in (302, 303):
            r = anon2.get(r.location)
        check(r, f"/save case_ref={ref[:30]!r}")
    # override reasons
    post_drawn(anon2, "/save", {"case_ref": "R8-ERR1"})
    html = anon2.get("/cases/R8-ERR1").get_data(as_text=True)
    m = re.search(r"/cases/R8-ERR1/entries/(\d+)/level", html)
    if m:
        for data in (
            {"level": "universal", "reason": ""},
            {"level": "universal", "reason": "   "},
            {"level": "universal", "reason": "x" * 20000},
            {"level": "", "reason": "ok"},
            {"level": "universal", "reason": "a\x07b"},
        ):
            r = post_drawn(anon2, m.group(0), data)
            if r.status_code in (302, 303):
                r = anon2.get(r.location)
            check(r, f"override {str(data)[:60]}")
    # adviser
    for data in (
        {"age_years": "200"},
        {"age_years": "x", "immediate": ["immediate.significant_harm"]},
        {"add": "no.such"},
        {"q": "x" * 20000, "note": "y" * 50000},
        {"rev": "9" * 40},
    ):
        r = anon.post("/adviser/", data=data)
        if r.status_code in (302, 303):
            r = anon.get(r.location)
        check(r, f"adviser {str(data)[:60]}")
        r = anon.post("/adviser/search", data=data)
        check(r if r.status_code not in (302, 303) else anon.get(r.location), f"adviser search {str(data)[:60]}")
    # practice
    r = anon.post("/practice/join", data={"code": "'; --", "name": "x" * 1000})
    check(r if r.status_code not in (302, 303) else anon.get(r.location), "practice join hostile")
    tr = user(app, "r8errtr", "trainer")
    for upload in (b"\xff\xfe\x00", b"- id: [", b"!!python/object/apply:os.system ['true']", b"a: " + b"[" * 5000, b""):
        r = tr.post("/practice/scenarios/import", data={"file": (io.BytesIO(upload), "x.yaml")}, content_type="multipart/form-data")
        check(r if r.status_code not in (302, 303) else tr.get(r.location), f"import {upload[:30]!r}")
    print("bad:", len(bad))
    for b in bad:
        print("FINDING E:", b)


# ------------------------------------------------------------------ parity API / CLI / journey
CASES = [
    {"child": {"age_years": 0, "age_months": 6}, "indicators": ["immediate.substance_use_under_1"], "context": {"contact_time": "2026-12-25T11:00:00+00:00"}},
    {
        "child": {"age_years": 15},
        "indicators": ["protection.child_victim_trafficking"],
        "context": {"contact_time": "2026-12-07T18:30:00+00:00", "caller": "public"},
    },
    {"child": {"unborn": True}, "indicators": ["immediate.unborn_significant_harm"], "context": {"contact_time": "2027-04-02T10:00:00+01:00"}},
    {
        "child": {"age_years": 10},
        "indicators": ["extensive.persistent_absenteeism_school_without"],
        "context": {"caf": "open_not_improving", "current_level": "extensive", "contact_time": "2026-12-07T10:00:00+00:00"},
    },
    {
        "child": {"age_years": 4},
        "indicators": ["additional.lack_routine"],
        "context": {"disability": "substantial_lifelong", "contact_time": "2026-12-07T10:00:00+00:00"},
    },
]


def parity():
    app = make_app()
    c = app.test_client()
    for case in CASES:
        api = c.post("/api/v1/assess", json=case).get_json()
        p = subprocess.run([str(ROOT / ".venv/bin/pathway"), "assess", "-"], input=json.dumps(case), capture_output=True, text=True)
        cli = json.loads(p.stdout) if p.returncode == 0 else {"error": p.stderr}
        strip = lambda d: {k: v for k, v in d.items() if k not in ("ruleset",)}  # noqa: E731
        same = strip(api) == strip(cli)
        report(
            same,
            "C1",
            f"API == CLI for {case['indicators']} at {case['context']['contact_time']}: level {api.get('level')} immediate {api.get('immediate')} ring {api['contacts'][0]['name'] if api.get('contacts') else None}",  # noqa: E501
        )
        if not same:
            for k in sorted(set(api) | set(cli)):
                if api.get(k) != cli.get(k):
                    print("     differs:", k, str(api.get(k))[:150], "|", str(cli.get(k))[:150])
        # the contract's fields
        want = {
            "level",
            "level_name",
            "immediate",
            "reasons",
            "actions",
            "contacts",
            "assessments",
            "services",
            "services_intro",
            "guidance",
            "step",
            "out_of_hours",
            "contact_time",
            "route",
            "assumptions",
            "ruleset",
        }
        missing = want - set(api)
        extra = set(api) - want
        report(not missing, "C2", f"contract fields missing {sorted(missing)}, not in the contract {sorted(extra)}")


# ------------------------------------------------------------------ adviser search
SEARCHES = [
    ("she said her stepdad touches her at night", None, "immediate."),
    ("he has a burn on his hand and mum says he did it on the radiator but he can't reach it", 84, "immediate."),
    ("baby 3 months, dad injects drugs", 3, "immediate.substance_use_under_1"),
    ("toddler 20 months has bruises on his ears nobody can explain", 20, "immediate.unexplained_bruising_under_2"),
    ("the children were left alone all night, youngest is 3", 36, "immediate.home_alone_5_and_under"),
    ("neighbour is on the sex offenders register and babysits", 96, "immediate."),
    ("pregnant and her last two babies were taken into care", "unborn", "immediate.unborn_significant_harm"),
    ("police called out again, dad beat mum in front of the kids, third time this month", 96, "immediate."),
    ("she was brought into the country and made to work in a nail bar", 180, "immediate.trafficking_victim"),
    ("mum is psychotic and says the baby is the devil", 2, "immediate."),
    ("mum hearing voices telling her to hurt the baby", 2, "immediate."),
    ("mum said she wants to hurt him", 48, "immediate."),  # the same harm without the illness: first
    ("she is 12 and has a 19 year old boyfriend she sleeps with", 144, None),
]


def adviser():
    from pathway.search import search

    for q, months, want in SEARCHES:
        unborn = months == "unborn"
        hits = search(q, age_in_months=None if unborn else months, unborn=unborn, limit=5)
        first = hits[0].id if hits else None
        ok = want is None or (first or "").startswith(want)
        report(ok, "S2", f"{q!r} ({months} months): first {first}; then {[h.id for h in hits[1:3]]}")
    # the call screen's list against the API's for the same words and age: where the first p9 criterion stands
    app = make_app()
    c = app.test_client()
    for q, years, months in (
        ("mum hearing voices telling her to hurt the baby", "0", "2"),
        ("mum is psychotic", "0", "2"),
        ("dad beats mum in front of the kids every weekend", "8", ""),
        ("mum has schizophrenia and stopped her medication", "2", "0"),
    ):
        screen = [h["id"] for h in c.post("/adviser/search", data={"q": q, "age_years": years, "age_months": months}).get_json()["hits"]]
        api = [h["id"] for h in c.post("/api/v1/search", json={"words": q, "age_months": int(years) * 12 + int(months or 0)}).get_json()]
        imm_api = [n + 1 for n, i in enumerate(api[:8]) if i.startswith("immediate.")]
        imm_screen = {i: screen.index(i) + 1 for i in api[:8] if i.startswith("immediate.") and i in screen}
        print(f"   {q!r}: API places of p9 criteria {dict(zip([i for i in api[:8] if i.startswith('immediate.')], imm_api))}; call screen {imm_screen}")
        print(f"      call screen order: {screen}")
        worse = {
            i: (a, imm_screen.get(i)) for i, a in zip([i for i in api[:8] if i.startswith("immediate.")], imm_api) if a <= 3 and (imm_screen.get(i) or 99) > 3
        }
        report(not worse, "S1", f"call screen keeps in the top three each p9 criterion the API puts there: moved {worse}")
    r = c.post("/adviser/search", data={"q": "the baby is 4 months and has a bruise on her cheek", "age_years": "0", "age_months": "4"})
    print("   call screen search (JSON):", [h["id"] for h in r.get_json()["hits"][:3]])
    r = c.post("/adviser/", data={"q": "the baby is 4 months and has a bruise on her cheek", "age_years": "0", "age_months": "4", "action": "search"})
    page = text(r if r.status_code == 200 else c.get(r.location))
    i = page.find("bruis")
    print("   call screen page after 'bruise' words:", page[max(0, i - 200) : i + 200])


def rows_with(app, needle: str) -> list[str]:
    """Every table's rows (as text) in the app's database that hold `needle`."""
    from sqlalchemy import MetaData, select

    engine = app.extensions["fsp_store"]
    meta = MetaData()
    meta.reflect(engine)
    found = []
    with engine.connect() as conn:
        for t in meta.sorted_tables:
            for row in conn.execute(select(t)):
                if needle in str(tuple(row)):
                    found.append(t.name)
    return sorted(set(found))


def stored():
    """Where a chosen need and a typed note sit in the database, unsaved, after each way out."""
    app = make_app()
    need, note = "immediate.home_alone_5_and_under", "R8NOTE-Kayden-age-4"
    # anonymous journey: start again
    c = app.test_client()
    c.post("/safety", data={"immediate": [need]})
    c.post("/note", data={"note": note})
    print("   anonymous journey, answers held in:", rows_with(app, need), "note in:", rows_with(app, note))
    c.post("/start-again")
    print("   after Start again: need in", rows_with(app, need), "note in", rows_with(app, note))
    report(not rows_with(app, note), "V1", "Start again leaves the typed note in a stored row")
    # signed in, saved, signed out
    app = make_app()
    s = user(app, "r8priv", "practitioner")
    s.post("/safety", data={"immediate": [need]})
    s.post("/note", data={"note": note})
    s.get("/result")
    post_drawn(s, "/save", {"case_ref": "R8-PRIV"})
    print("   after save: need in", rows_with(app, need), "note in", rows_with(app, note))
    s.post("/sign-out")
    left = rows_with(app, note)
    print("   after sign-out: need in", rows_with(app, need), "note in", left)
    report("web_sessions" not in left, "V1", "sign-out leaves the unsaved answers and note in web_sessions")
    after = s.get("/result").get_data(as_text=True)
    report(note not in after, "V1", f"after sign-out, GET /result in the same browser shows the note: {note in after}")
    # call screen: new call
    app = make_app()
    a = app.test_client()
    a.post("/adviser/", data={"immediate": [need], "age_years": "4", "note": note})
    print("   call screen: note in", rows_with(app, note))
    a.post("/adviser/new")
    left = rows_with(app, note)
    print("   after New call: note in", left)
    j = a.post("/adviser/undo")
    print("   undo ->", j.status_code)


def dupkeys():
    """A case body with the same key twice: refused, or decided on one of them without a word?"""
    app = make_app()
    body = '{"child": {"age_years": 1}, "indicators": ["immediate.unexplained_bruising_under_2"], "indicators": []}'
    r = app.test_client().post("/api/v1/assess", data=body, content_type="application/json")
    d = r.get_json()
    report(
        r.status_code == 422, "D1", f"API, 'indicators' twice (a p9 criterion, then []): {r.status_code} level {d.get('level')} immediate {d.get('immediate')}"
    )
    p = subprocess.run([str(ROOT / ".venv/bin/pathway"), "assess", "-"], input=body, capture_output=True, text=True)
    out = json.loads(p.stdout) if p.returncode == 0 else {}
    report(p.returncode == 2, "D1", f"CLI, same body: exit {p.returncode} level {out.get('level')} immediate {out.get('immediate')}")
    body2 = '{"child": {"age_years": 1}, "indicators": ["immediate.unexplained_bruising_under_2"], "child": {"age_years": 3}}'
    r = app.test_client().post("/api/v1/assess", data=body2, content_type="application/json")
    print("   'child' twice (1 then 3) with the under-2 criterion:", r.status_code, r.get_json().get("errors") or r.get_json().get("level"))
    # (pathway/yaml_load.py refuses a key twice in the scenario and catalogue files)


def privacy():
    words = ["stepdad", "nail bar", "touches her", "Amir", "belt", "R8-0001", "Seen at home by the school nurse", "DROP TABLE"]
    hits = [(w, line) for line in LOGS for w in words if w.lower() in line.lower()]
    print(f"   {len(LOGS)} log lines captured")
    for line in sorted(set(LOGS))[:40]:
        print("     log:", line[:200])
    report(not hits, "L1", f"typed words in the logs: {hits[:5]}")


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    try:
        for name in ("practice", "saved", "errors", "parity", "adviser", "stored", "dupkeys", "privacy"):
            if what in (name, "all") or (what == "privacy" and name != "privacy"):
                print(f"\n=== {name}")
                globals()[name]()
    finally:
        clock.set_source(None)
