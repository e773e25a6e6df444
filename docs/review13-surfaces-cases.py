"""Review 13 (surfaces): my own checks of what users see and do. Changes no product code.

Run from the worktree:
    .venv/bin/python docs/review13-surfaces-cases.py [p9age|months|editor|overrides|inputs|all]

The harness is review 12's runner (docs/review12-surfaces-cases.py), imported: each section makes its own app
on a throwaway SQLite database (Flask test client with PROPAGATE_EXCEPTIONS off, so a defect shows the 500
page a user sees; CSRF off; office hours "always open"), signs in through /sign-in, and compares each surface
with the others, with rules.evaluate or with the document's and the tool's own words written here. The CLI
runs as `python -m cli.main` from this worktree. The root logger is captured throughout and searched at the
end for every marker word typed. Each check prints "OK      ..." or "FINDING Xn: ..."; one I did not
expect to fail prints "FINDING NEW".
"""

from __future__ import annotations

import importlib.util
import json
import re
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

from rules import evaluate  # noqa: E402

ALWAYS_OPEN, CAT, CHILD, CALL, FETCH = R12.ALWAYS_OPEN, R12.CAT, R12.CHILD, R12.CALL, R12.FETCH
make_app, user, text, follow, walk, problem, level_shown, cli, summary_of, case_of, db = (
    R12.make_app,
    R12.user,
    R12.text,
    R12.follow,
    R12.walk,
    R12.problem,
    R12.level_shown,
    R12.cli,
    R12.summary_of,
    R12.case_of,
    R12.db,
)
LOGS = R12.LOGS
COUNT = {"OK": 0, "FINDING": 0}
TYPED: list[str] = []


def report(ok: bool, fid: str, msg: str):
    COUNT["OK" if ok else "FINDING"] += 1
    print(("OK      " if ok else f"FINDING {fid}: ") + msg, flush=True)


def api_case(body: dict, app=None):
    app = app or make_app()
    r = app.test_client().post("/api/v1/assess", json=body)
    return r.status_code, r.get_json(silent=True) or {}


UNDER2 = "immediate.unexplained_bruising_under_2"
ALLEGATION = "immediate.allegation_or_disclosure"
LOW = "additional.low_self_esteem"


# ------------------------------------------------------------------ X1, X2: a p9 box outside its age band
def p9age():
    """The same answers, a p9 box the age given rules out (with and without a valid p9 box beside it), put to
    the call screen, the API, the command line and the journey (answers changed after a result). Oracle: the
    domain rule (an immediate criterion always wins, by whichever road; docs/contract.md 'The ring-now is never
    held back for an answer to be corrected') and the call screen's own reading (decide without the age)."""
    app = make_app()
    adv = user(app, "ada", "adviser")
    pat = user(app, "pat", "practitioner")

    def call_screen(immediate: list[str]) -> str:
        adv.post("/adviser/new")
        r = adv.post("/adviser/", data={**CALL, "immediate": immediate}, headers=FETCH)
        return (r.get_json() or {}).get("status", "")

    # X2: the under-2 box alone at 8
    status = call_screen([UNDER2])
    code, body = api_case({"child": {"age_years": 8}, "indicators": [UNDER2], "context": {"caller": "professional"}}, app)
    rc, out, err = cli(["assess", "-"], stdin=json.dumps({"child": {"age_years": 8}, "indicators": [UNDER2], "context": {"caller": "professional"}}))
    call_rings = status.startswith("Put the call through now")
    report(
        call_rings == (code == 200 and body.get("immediate") is True) == (rc == 0),
        "X2",
        f"a p9 box for under-2s at 8, alone: call screen {'puts the call through now (decided without the age)' if call_rings else 'does not ring'}; "
        f"API {code} {body.get('level') or [e['field'] for e in body.get('errors', [])]}; CLI exit {rc}",
    )
    # the same clash with a valid p9 box beside it: what each surface says it decided without
    status = call_screen([UNDER2, ALLEGATION])
    code, body = api_case({"child": {"age_years": 8}, "indicators": [UNDER2, ALLEGATION], "context": {"caller": "professional"}}, app)
    call_without = "age" if "without the child's age" in status else status
    api_without = [e["field"] for e in body.get("decided_without", [])]
    report(
        status.startswith("Put the call through now") and code == 200 and body.get("immediate") is True,
        "NEW",
        f"under-2 box + allegation at 8: call screen puts through now, API 200 immediate ({body.get('level')})",
    )
    report(
        (call_without == "age") == (api_without == ["child.age_years"]),
        "X2",
        f"...but they decide without different answers: the call screen without the child's age ({call_without!r}), the API without {api_without}",
    )
    # X1: the journey, answers changed after a result: the same two boxes ticked on the safety page
    assert walk(pat, [LOW]) == ""
    before = level_shown(text(pat.get("/result")))
    r = pat.post("/safety?change=1", data={"immediate": [UNDER2, ALLEGATION]})
    page = text(follow(pat, r))
    res = text(pat.get("/result"))
    ref = pat.get("/referral.txt").get_data(as_text=True)
    rings = "Ring" in res[:900] and "now" in res[:900] and "DECISION: Protection" in ref
    report(
        rings,
        "X1",
        f"journey, age 8 recorded, result {before}; safety page changed to the under-2 box + an allegation: "
        f"{'refused: ' + problem(page, 170) if 'There is a problem' in page else 'accepted'}; the result page then shows "
        f"{level_shown(res) or '?'} and referral.txt '{next((ln for ln in ref.splitlines() if ln.startswith('DECISION')), '')}' "
        f"(API and call screen: Protection, immediate)",
    )
    # the journey's first pass (no age yet) does show the ring-now for the same boxes: the class is the change path
    fresh = user(app, "pam", "practitioner")
    fresh.post("/start-again")
    r = fresh.post("/safety", data={"immediate": [UNDER2, ALLEGATION]})
    first = text(follow(fresh, r))
    report(first.startswith("Ring now"), "NEW", "journey, first pass (no age yet): the same boxes go straight to 'Ring now'")


# ------------------------------------------------------------------ X5: months left blank
def months():
    """A young person of 13, months left blank, 'Pregnant under 16': review 12 H3 made '13 years' mean 13 to 14
    and the decision say '13 years (months not given)'. Oracle: the API with the months left out."""
    app = make_app()
    pat = user(app, "pat", "practitioner")
    adv = user(app, "ada", "adviser")
    need = "extensive.pregnant_under_16"
    code, body = api_case({"child": {"age_years": 13}, "indicators": [need], "context": {"caller": "professional"}}, app)
    api_says = json.dumps(body.get("guidance", []), ensure_ascii=False)
    assert walk(pat, [need], child={"age_years": "13"}) == ""
    journey = text(pat.get("/result"))
    adv.post("/adviser/new")
    adv.post("/adviser/", data={**CALL, "age_years": "13", "add": need}, headers=FETCH)
    call = summary_of(adv) + " " + text(adv.get("/adviser/"))
    R12.post_drawn(pat, "/save", {"case_ref": "R13-M"})
    saved = re.search(r'"age_months": ?\d+', pat.get("/cases/R13-M/export.csv").get_data(as_text=True).replace('""', '"'))
    stored = f"; the saved case stores {saved.group(0)}" if saved else ""
    said = {
        "API": "13 years (months not given)" in api_says,
        "journey result": "13 years (months not given)" in journey,
        "call screen": "13 years (months not given)" in call,
    }
    wrong = {k: ("13 years 0 months" in v) for k, v in (("journey result", journey), ("call screen", call))}
    report(
        all(said.values()),
        "X5",
        f"months left blank at 13 with '{CAT.indicator(need).text}': says '(months not given)' {said}; says '13 years 0 months' {wrong}" + stored,
    )


# ------------------------------------------------------------------ X3, X4: the scenario editor (/practice/scenarios/new)
def editor():
    """The trainer's scenario editor: its preview against the other surfaces' words for an immediate decision,
    and its refusals against the journey's. Oracle: pathway.surfaces.level_words and the journey's messages."""
    from pathway.surfaces import level_words
    from webapp.practice.forms import IMMEDIATE, PREFIX

    app = make_app()
    tr = user(app, "tia", "trainer")
    TYPED.append("NARRMARK13")
    base = {
        "title": "R13 editor",
        "scenario_id": "",
        "narrative": "Invented family NARRMARK13",
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
    }

    def field(iid):
        i = CAT.indicator(iid)
        return PREFIX + (IMMEDIATE if i.immediate else i.dimension)

    for iid in (ALLEGATION, "protection.child_victim_trafficking"):
        r = tr.post("/practice/scenarios/new", data={**base, field(iid): [iid]})
        page = text(tr.get(r.location))
        d = evaluate(case_of(CHILD, [iid]), office_hours=ALWAYS_OPEN)
        want = level_words(d.level, d.immediate)
        m = re.search(r"The rules' decision: (.*?) This becomes", page)
        shown = m.group(1) if m else "(no preview)"
        report(shown == want, "X3", f"editor preview for '{CAT.indicator(iid).text[:40]}': shows {shown!r}; every other surface says {want!r}")
    # refusals: a p9 box outside its age, a need outside its band, a title of spaces (the journey words each in plain English)
    tries = [
        ("p9 box for under-2s at 8", {**base, field(UNDER2): [UNDER2]}),
        ("a pre-school need at 15", {**base, "age_years": "15", field("extensive.pre_school_under_stimulated"): ["extensive.pre_school_under_stimulated"]}),
        ("a title of spaces", {**base, "title": "   ", field(LOW): [LOW]}),
    ]
    raw = re.compile(r"'[a-z_]+\.[a-z0-9_]+'|band '|meaningful_ages|8 years 0 months|String should have")
    for name, data in tries:
        r = tr.post("/practice/scenarios/new", data=data)
        g = tr.get(r.location)
        msg = problem(text(g), 300)
        report(g.status_code == 200 and bool(msg), "NEW", f"editor refuses {name} without a 500 ({g.status_code})")
        hits = raw.findall(msg)
        report(not hits, "X4", f"editor refusal for {name} in plain words: {msg[19:200]!r}; developer words {sorted(set(hits))}")
    # the journey's own words for the first, as the oracle
    pat = user(app, "pat", "practitioner")
    walk(pat, [LOW])
    r = pat.post("/safety?change=1", data={"immediate": [UNDER2]})
    report(not raw.findall(problem(text(follow(pat, r)), 300)), "NEW", "the journey refuses the same p9 box in plain words (the oracle for X4)")


# ------------------------------------------------------------------ X7: a level recorded twice
def overrides():
    """A professional records Extensive (reason 1), then Universal (reason 2), on one saved assessment. Oracle:
    the brief's 'an override records both decisions and the reason, and both stay visible', and the case page's
    own words ('1 earlier recorded level kept in the export')."""
    app = make_app()
    pat = user(app, "pat", "practitioner")
    mgr = user(app, "mia", "manager")
    TYPED.extend(["FIRSTR13", "SECONDR13"])
    assert walk(pat, [LOW]) == ""
    R12.post_drawn(pat, "/save", {"case_ref": "R13-O"})
    from sqlalchemy import text as sql

    with db(app).begin() as cx:
        eid = cx.execute(sql("select max(id) from assessments")).scalar()
    R12.post_drawn(pat, f"/cases/R13-O/entries/{eid}/level", {"level": "extensive", "reason": "FIRSTR13 reason one"})
    R12.post_drawn(pat, f"/cases/R13-O/entries/{eid}/level", {"level": "universal", "reason": "SECONDR13 reason two"})
    case_page = text(pat.get("/cases/R13-O"))
    entry_page = text(pat.get(f"/cases/R13-O/entries/{eid}"))
    csv_text = pat.get("/cases/R13-O/export.csv").get_data(as_text=True)
    json_text = pat.get("/cases/R13-O/export.json").get_data(as_text=True)
    review_list = text(mgr.get("/overrides"))
    report("FIRSTR13" in json_text and "FIRSTR13" in review_list, "NEW", "the earlier recorded level and its reason are in export.json and on /overrides")
    says_earlier = "earlier recorded level" in case_page
    report(
        "FIRSTR13" in entry_page or "earlier" in entry_page,
        "X7",
        "entry page: shows the latest recorded level only (Universal, reason 2), "
        + f"{'and says' if 'earlier' in entry_page else 'with no word of'} the earlier one (Extensive, reason 1)",
    )
    report(
        not says_earlier or "FIRSTR13" in csv_text or "extensive" in csv_text.split("\n", 1)[1],
        "X7",
        f"case page says '1 earlier recorded level kept in the export' ({says_earlier}); "
        + f"export.csv holds it: {'FIRSTR13' in csv_text} (one row, the last reason only)",
    )


# ------------------------------------------------------------------ X6 and bad input on the API and the CLI
def inputs():
    """Bad bodies on POST /api/v1/assess (a 422 or 413 naming a field, never a 500), and a case file saved as
    'UTF-8 with BOM' (Windows Notepad's UTF-8), which is valid UTF-8 JSON once the BOM is set aside."""
    app = make_app()
    api = app.test_client()
    base = {"child": {"age_years": 8}, "indicators": [LOW], "context": {"caller": "professional"}}
    bad = {
        "nested 100,000 deep": "[" * 100000 + "]" * 100000,
        "age true": json.dumps({**base, "child": {"age_years": True}}),
        "age '8'": json.dumps({**base, "child": {"age_years": "8"}}),
        "age 8.0": json.dumps({**base, "child": {"age_years": 8.0}}),
        "NaN": '{"child": {"age_years": NaN}, "indicators": []}',
        "UTF-16": json.dumps(base).encode("utf-16"),
        "child twice": '{"child": {"age_years": 8}, "child": {"age_years": 1}, "indicators": []}',
        "lone surrogate": '{"child": {"age_years": 8}, "indicators": ["\\ud800"]}',
        "indicators a string": json.dumps({**base, "indicators": LOW}),
        "null": "null",
    }
    for name, body in bad.items():
        r = api.post("/api/v1/assess", data=body, content_type="application/json")
        j = r.get_json(silent=True) or {}
        fields = [e.get("field") for e in j.get("errors", [])]
        report(r.status_code in (413, 422) and all(fields) and bool(fields), "NEW", f"API {name}: {r.status_code} naming {fields}")
    bom = "\ufeff" + json.dumps(base)
    r = api.post("/api/v1/assess", data=bom.encode("utf-8"), content_type="application/json")
    j = r.get_json(silent=True) or {}
    msg = "; ".join(e["message"] for e in j.get("errors", []))
    report(r.status_code == 200 or "BOM" in msg or "byte order" in msg, "X6", f"API, a body starting with a UTF-8 BOM: {r.status_code} {msg!r}")
    path = Path(tempfile.mkdtemp(prefix="review13s-")) / "case.json"
    path.write_bytes(bom.encode("utf-8"))
    rc, out, err = cli(["assess", str(path)])
    report(rc == 0 or "BOM" in err or "byte order" in err, "X6", f"CLI, a case file saved as UTF-8 with BOM: exit {rc}, {err.strip()!r}")


SECTIONS = ("p9age", "months", "editor", "overrides", "inputs")

if __name__ == "__main__":
    import time as _t

    chosen = sys.argv[1:] or ["all"]
    began = _t.monotonic()
    for name in SECTIONS:
        if "all" in chosen or name in chosen:
            print(f"== {name}", flush=True)
            try:
                globals()[name]()
            except Exception as exc:  # noqa: BLE001
                import traceback

                traceback.print_exc()
                report(False, "SCRIPT", f"section {name} stopped: {exc!r}")
    hits = [w for w in TYPED if any(w in line for line in LOGS)]
    report(not hits, "NEW", f"the app's log ({len(LOGS)} lines) holds none of the typed markers {TYPED}: {hits or 'none found'}")
    print(f"== {COUNT['OK']} OK, {COUNT['FINDING']} FINDING lines, {_t.monotonic() - began:.0f} s")
