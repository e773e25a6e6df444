"""Review 9 (rules): run every case of docs/review9-rules-cases.yaml through rules.evaluate and
rules.what_if.nearby with the default office hours (Mon-Fri 08:30-17:00 Europe/London, England's bank
holidays), and check each case's `expect` against the decision. Some cases also go through the CLI
(`pathway assess -`) and the JSON API (Flask test client), and some items are searches (POST /api/v1/search).

Usage: .venv/bin/python docs/review9-rules-cases.py [-v] [case-id-substring ...]

`expect` keys (each optional), for an item with `case`:
  level, immediate, out_of_hours       equal to the decision's
  refused: true                        Case.parse or evaluate raises CaseError
  route_has / first_contact_has        substring of route.team / contacts[0].name
  first_action_has                     substring of actions[0]
  contacts_lack: [..]                  no contact's name contains it
  text_has: [..] / text_lacks: [..]    substrings of the whole decision + what-if text (case-insensitive)
  actions_lack: [..]                   no action contains it (case-insensitive)
  interp_flag: true                    some reason or the route has interpretation: true
  guidance_has / guidance_lacks: [..]  guidance rule ids present / absent
  guidance_text_has: {rule: text}      that guidance item's text contains the text (case-insensitive)
  surfaces: true                       the CLI and the API give the same level, immediate, route and contacts
Every admitted case is also checked (its own oracle, not `nearby`'s): each what-if change, applied with
Change.apply and decided again with rules.evaluate, gives the level (and immediacy) the line states; and
when the what-if says no single change would change the level, no single removal of a chosen need and no
single flip of a context answer (the CAF answer, the p4 judgement, the disability, the level supported at
now) changes it.
An item with `search` {words, age_months | unborn, top: n, has: [ids]} passes when each id is in the
first n rows of POST /api/v1/search.
A case whose expectation fails prints FAIL; `finding` names the finding in docs/review9-rules.md.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import warnings

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import rules  # noqa: E402
from pathway.models import Case, CaseError  # noqa: E402
from pathway.settings import OfficeHours  # noqa: E402
from rules import what_if  # noqa: E402

warnings.filterwarnings("ignore", message="Pydantic serializer warnings")  # the context flips set enum fields by value

DEFAULT_TIME = "2027-01-12T10:00:00+00:00"  # a Tuesday, in hours
_APP = None


def client():
    global _APP
    if _APP is None:
        from webapp import create_app

        _APP = create_app().test_client()
    return _APP


def summary(d, w) -> dict:
    return {
        "level": d.level.value,
        "immediate": d.immediate,
        "out_of_hours": d.out_of_hours,
        "route": f"{d.route.team} ({d.route.phone}) available_now={d.route.available_now} interp={d.route.interpretation}",
        "contacts": [f"{c.name} {c.phone}" for c in d.contacts],
        "reasons": [f"{r.rule} [{r.level}] interp={r.interpretation} src={r.source}" for r in d.reasons],
        "guidance": [g.rule for g in d.guidance],
        "actions": d.actions,
        "what_if": {
            "fixed": w.fixed,
            "nothing": w.nothing,
            "up": [x.text + " -> " + x.level.value + (" IMMEDIATE" if x.immediate else "") for x in w.up],
            "down": [x.text + " -> " + x.level.value + (" IMMEDIATE" if x.immediate else "") for x in w.down],
        },
    }


def decide(raw: dict):
    c = Case.parse(raw)
    return c, rules.evaluate(c, office_hours=OfficeHours())


def run(case: dict):
    raw = json.loads(json.dumps(case))
    raw.setdefault("context", {}).setdefault("contact_time", DEFAULT_TIME)
    try:
        c, d = decide(raw)
    except CaseError as e:
        return raw, None, None, None, str(e)
    return raw, c, d, what_if.nearby(c, d), None


FLIPS = {
    "caf": [None, "none", "open_improving", "open_not_improving"],
    "health_development_impaired_without_services": [None, True, False],
    "disability": [None, "none", "mild_moderate", "substantial_lifelong"],
    "current_level": [None, "universal", "additional", "extensive", "child_in_need", "protection"],
}


def whatif_check(c, d, w) -> list[str]:
    bad = []
    for x in list(w.up) + list(w.down):
        try:
            d2 = rules.evaluate(x.apply(c), office_hours=OfficeHours())
        except CaseError as e:
            bad.append(f"what-if {x.text!r}: the changed case is refused ({e})")
            continue
        if d2.level.value != x.level.value or bool(d2.immediate) != bool(x.immediate):
            said = x.level.value + (" immediate" if x.immediate else "")
            got = d2.level.value + (" immediate" if d2.immediate else "")
            bad.append(f"what-if {x.text!r} says {said}, applied gives {got}")
    if w.nothing and not d.immediate:
        tried = []
        for i in c.indicators:
            tried.append((f"without {i}", c.model_copy(update={"indicators": [j for j in c.indicators if j != i]})))
        for field, values in FLIPS.items():
            for v in values:
                if getattr(c.context, field) != v:
                    tried.append((f"{field}={v}", c.model_copy(update={"context": c.context.model_copy(update={field: v})})))
        for label, c2 in tried:
            try:
                d2 = rules.evaluate(Case.parse(json.loads(c2.model_dump_json(exclude_none=True))), office_hours=OfficeHours())
            except CaseError:
                continue
            if d2.level != d.level:
                bad.append(f"what-if says {w.nothing!r} but {label} gives {d2.level.value}")
                break
    return bad


def surfaces_check(raw: dict, d) -> list[str]:
    bad = []
    want = {
        "level": d.level.value,
        "immediate": d.immediate,
        "route": d.route.team,
        "contacts": [x.name for x in d.contacts],
    }
    r = client().post("/api/v1/assess", json=raw)
    api = r.get_json()
    got = {
        "level": api.get("level"),
        "immediate": api.get("immediate"),
        "route": api.get("route", {}).get("team"),
        "contacts": [x["name"] for x in api.get("contacts", [])],
    }
    if got != want:
        bad.append(f"API differs: {got} != {want}")
    p = subprocess.run([str(ROOT / ".venv/bin/pathway"), "assess", "-"], input=json.dumps(raw), capture_output=True, text=True, cwd=ROOT)
    try:
        cli = json.loads(p.stdout)
        got = {
            "level": cli.get("level"),
            "immediate": cli.get("immediate"),
            "route": cli.get("route", {}).get("team"),
            "contacts": [x["name"] for x in cli.get("contacts", [])],
        }
    except json.JSONDecodeError:
        got = {"cli_exit": p.returncode, "stderr": p.stderr[-300:], "stdout": p.stdout[:300]}
    if got != want:
        bad.append(f"CLI differs: {got} != {want}")
    return bad


def check(item: dict) -> tuple[list[str], str]:
    exp = item.get("expect", {})
    if "search" in item:
        s = dict(item["search"])
        top, has = s.pop("top", 3), s.pop("has", [])
        r = client().post("/api/v1/search", json={**s, "limit": max(top, 5)})
        rows = r.get_json()
        ids = [x.get("id") for x in rows] if isinstance(rows, list) else []
        bad = [f"{h} not in the first {top}: {ids[:top]}" for h in has if h not in ids[:top]]
        return bad, json.dumps(ids)
    raw, c, d, w, err = run(item["case"])
    if exp.get("refused"):
        return ([] if err else ["expected refusal"]), (err or json.dumps(summary(d, w), ensure_ascii=False))
    if err:
        return [f"refused: {err}"], err
    s = summary(d, w)
    bad = []
    text = json.dumps(d.model_dump(mode="json"), ensure_ascii=False) + json.dumps(s["what_if"], ensure_ascii=False)
    low = text.lower()
    for k in ("level", "immediate", "out_of_hours"):
        if k in exp and s[k] != exp[k]:
            bad.append(f"{k}: {s[k]!r} != {exp[k]!r}")
    if "route_has" in exp and exp["route_has"].lower() not in d.route.team.lower():
        bad.append(f"route {d.route.team!r} lacks {exp['route_has']!r}")
    if "first_contact_has" in exp and exp["first_contact_has"].lower() not in d.contacts[0].name.lower():
        bad.append(f"first contact {d.contacts[0].name!r} lacks {exp['first_contact_has']!r}")
    if "first_action_has" in exp and exp["first_action_has"].lower() not in d.actions[0].lower():
        bad.append(f"first action {d.actions[0]!r} lacks {exp['first_action_has']!r}")
    for t in exp.get("contacts_lack", []):
        if any(t.lower() in x.name.lower() for x in d.contacts):
            bad.append(f"a contact is {t!r}")
    for t in exp.get("text_has", []):
        if t.lower() not in low:
            bad.append(f"text lacks {t!r}")
    for t in exp.get("text_lacks", []):
        if t.lower() in low:
            bad.append(f"text has {t!r}")
    for t in exp.get("actions_lack", []):
        hit = [a for a in d.actions if t.lower() in a.lower()]
        if hit:
            bad.append(f"an action has {t!r}: {hit[0][:120]!r}")
    if exp.get("interp_flag") and not (d.route.interpretation or any(r.interpretation for r in d.reasons)):
        bad.append("no interpretation flag")
    for g in exp.get("guidance_has", []):
        if g not in s["guidance"]:
            bad.append(f"guidance lacks {g}")
    for g in exp.get("guidance_lacks", []):
        if g in s["guidance"]:
            bad.append(f"guidance has {g}")
    for rule, t in exp.get("guidance_text_has", {}).items():
        g = next((g for g in d.guidance if g.rule == rule), None)
        if g is None or t.lower() not in g.text.lower():
            bad.append(f"guidance {rule} lacks {t!r}")
    bad += whatif_check(c, d, w)
    if exp.get("surfaces"):
        bad += surfaces_check(raw, d)
    return bad, json.dumps(s, ensure_ascii=False)[:3000]


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    only = [a for a in argv if a != "-v"]
    items = yaml.safe_load((ROOT / "docs" / "review9-rules-cases.yaml").read_text())
    n = fails = 0
    for item in items:
        if only and not any(o in item["id"] for o in only):
            continue
        n += 1
        bad, said = check(item)
        if bad or verbose:
            print(("FAIL " if bad else "ok   ") + item["id"] + (f"  [{item['finding']}]" if item.get("finding") else ""))
            for b in bad:
                print("     -", b)
            print("     " + said)
        fails += bool(bad)
    print(f"{n} cases, {n - fails} as expected, {fails} not")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
