"""Review 8 (rules): run every case of docs/review8-rules-cases.yaml through rules.evaluate and
rules.what_if.nearby, with the default office hours (Mon-Fri 08:30-17:00 Europe/London, England's
bank holidays), and check each case's `expect` against the decision.

Usage: .venv/bin/python docs/review8-rules-cases.py [-v] [case-id-substring ...]

`expect` keys (each optional):
  level, immediate, out_of_hours       equal to the decision's
  refused: true                        Case.parse or evaluate raises CaseError
  route_has / first_contact_has        substring of route.team / contacts[0].name
  first_action_has                     substring of actions[0]
  text_has: [..] / text_lacks: [..]    substrings of the whole decision + what-if text (case-insensitive)
  interp_flag: true                    some reason or the route has interpretation: true
  guidance_has / guidance_lacks: [..]  guidance rule ids present / absent
  unique_reasons: true                 no reason rule given twice
A case whose `expect` fails prints FAIL with the decision summary; `finding` names the finding.
"""

from __future__ import annotations

import json
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import rules  # noqa: E402
from pathway.models import Case, CaseError  # noqa: E402
from pathway.settings import OfficeHours  # noqa: E402
from rules import what_if  # noqa: E402

DEFAULT_TIME = "2027-01-12T10:00:00+00:00"  # a Tuesday, in hours


def summary(d, w) -> dict:
    return {
        "level": d.level.value,
        "immediate": d.immediate,
        "out_of_hours": d.out_of_hours,
        "step": str(d.step) if d.step else None,
        "route": f"{d.route.team} ({d.route.phone}) available_now={d.route.available_now} interp={d.route.interpretation}",
        "contacts": [f"{c.name} {c.phone}" for c in d.contacts],
        "reasons": [f"{r.rule} [{r.level}] interp={r.interpretation} src={r.source}" for r in d.reasons],
        "guidance": [g.rule for g in d.guidance],
        "actions": d.actions,
        "assumptions": [a.id for a in d.assumptions],
        "what_if": {
            "fixed": getattr(w, "fixed", None),
            "up": [x.text + " -> " + x.level.value + (" IMMEDIATE" if x.immediate else "") + (" | " + x.step if x.step else "") for x in getattr(w, "up", [])],
            "down": [
                x.text + " -> " + x.level.value + (" IMMEDIATE" if x.immediate else "") + (" | " + x.step if x.step else "") for x in getattr(w, "down", [])
            ],
        },
    }


def run(case: dict):
    raw = json.loads(json.dumps(case))
    raw.setdefault("context", {}).setdefault("contact_time", DEFAULT_TIME)
    try:
        c = Case.parse(raw)
        d = rules.evaluate(c, office_hours=OfficeHours())
    except CaseError as e:
        return None, None, str(e)
    return d, what_if.nearby(c, d), None


def check(exp: dict, d, w, err) -> list[str]:
    bad = []
    if exp.get("refused"):
        return [] if err else ["expected refusal"]
    if err:
        return [f"refused: {err}"]
    s = summary(d, w)
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
    for t in exp.get("text_has", []):
        if t.lower() not in low:
            bad.append(f"text lacks {t!r}")
    for t in exp.get("text_lacks", []):
        if t.lower() in low:
            bad.append(f"text has {t!r}")
    if exp.get("interp_flag") and not (d.route.interpretation or any(r.interpretation for r in d.reasons)):
        bad.append("no interpretation flag")
    for g in exp.get("guidance_lacks", []):
        if g in s["guidance"]:
            bad.append(f"guidance has {g}")
    if exp.get("unique_reasons") and len({r.rule for r in d.reasons}) != len(d.reasons):
        bad.append("a reason's rule is given twice: " + ", ".join(r.rule for r in d.reasons))
    for g in exp.get("guidance_has", []):
        if g not in s["guidance"]:
            bad.append(f"guidance lacks {g}")
    return bad


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    only = [a for a in argv if a != "-v"]
    cases = yaml.safe_load((ROOT / "docs" / "review8-rules-cases.yaml").read_text())
    n = fails = 0
    for item in cases:
        if only and not any(o in item["id"] for o in only):
            continue
        n += 1
        d, w, err = run(item["case"])
        bad = check(item.get("expect", {}), d, w, err)
        if bad or verbose:
            print(("FAIL " if bad else "ok   ") + item["id"] + (f"  [{item['finding']}]" if item.get("finding") else ""))
            for b in bad:
                print("     -", b)
            if verbose or bad:
                print("     " + (err or json.dumps(summary(d, w), ensure_ascii=False)[:3000]))
        fails += bool(bad)
    print(f"{n} cases, {n - fails} as expected, {fails} not")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
