"""Review 10 (rules): run every case of docs/review10-rules-cases.yaml through rules.evaluate and
rules.what_if.nearby with the default office hours (Mon-Fri 08:30-17:00 Europe/London, England's bank
holidays), and check each case's `expect` against the decision. Some cases also go through the CLI
(`python -m cli assess -`, this worktree's code) and the JSON API (Flask test client), and some items are
searches (POST /api/v1/search).

Usage: .venv/bin/python docs/review10-rules-cases.py [-v] [case-id-substring ...]

`expect` keys (each optional), for an item with `case`:
  level, immediate, out_of_hours       equal to the decision's
  refused: true                        Case.parse or evaluate raises CaseError
  refused_has: text                    ... and the error names the text
  route_has / route_phone              substring of route.team / route.phone equal
  first_contact_has                    substring of contacts[0].name
  first_action_has                     substring of actions[0]
  contacts_lack / contacts_have: [..]  no contact's / some contact's name contains it
  text_has / text_lacks: [..]          substrings of the whole decision + what-if text (case-insensitive)
  actions_have / actions_lack: [..]    some action / no action contains it (case-insensitive)
  interp_flag: true                    some reason or the route has interpretation: true
  reason_interp: {rule: bool}          the reason with that rule id has that interpretation flag
  guidance_has / guidance_lacks: [..]  guidance rule ids (prefix) present / absent
  guidance_text_has: {rule: text}      that guidance item's text contains the text (case-insensitive)
  step: up|down|same|null              the decision's step
  whatif_has / whatif_lacks: [..]      some / no what-if line (up or down, with its level) contains it
  surfaces: true                       the CLI and the API give the same level, immediate, route and contacts
Every admitted case is also checked by three oracles of this runner's own (not `nearby`'s):
  1. each what-if change, applied with Change.apply and decided again with rules.evaluate, gives the level
     (and immediacy) the line states;
  2. when the what-if says no single change would change the level, no single removal of a chosen need and
     no single flip of a context answer changes it (beside a support now: lowers it, or raises it above both
     the level and that support, as the sentence says);
  3. a line that names a class ("An Extensive need in <domain>", "One more Additional need in a further CAF
     domain, <domain>"...) holds for every need of that class the child may be given (the level and domain
     of the example, admitted at the child's age, none in the same words as another, no cross-walk, age entailment or
     disability reading),
     not only for its example.
An item with `search` {words, age_months | unborn, top: n, has: [ids], lacks: [ids]} passes when each id of
`has` is in the first n rows of POST /api/v1/search and no id of `lacks` is.
A case whose expectation fails prints FAIL; `finding` names the finding in docs/review10-rules.md.
"""

from __future__ import annotations

import json
import pathlib
import re
import subprocess
import sys
import warnings

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import rules  # noqa: E402
from pathway.catalogue import load_catalogue  # noqa: E402
from pathway.models import Case, CaseError  # noqa: E402
from pathway.settings import OfficeHours  # noqa: E402
from rules import what_if  # noqa: E402

warnings.filterwarnings("ignore", message="Pydantic serializer warnings")  # the context flips set enum fields by value

DEFAULT_TIME = "2027-01-12T10:00:00+00:00"  # a Tuesday, in hours
_APP = None
CAT = load_catalogue()


def client():
    global _APP
    if _APP is None:
        from webapp import create_app

        _APP = create_app().test_client()
    return _APP


def line(x) -> str:
    return x.text + " -> " + x.level.value + (" IMMEDIATE" if x.immediate else "")


def summary(d, w) -> dict:
    return {
        "level": d.level.value,
        "immediate": d.immediate,
        "out_of_hours": d.out_of_hours,
        "route": f"{d.route.team} ({d.route.phone}) available_now={d.route.available_now} interp={d.route.interpretation}",
        "contacts": [f"{c.name} {c.phone}" for c in d.contacts],
        "reasons": [f"{r.rule} [{r.level.value}] interp={r.interpretation} src={r.source}" for r in d.reasons],
        "guidance": [g.rule for g in d.guidance],
        "step": d.step.value if d.step else None,
        "actions": d.actions,
        "what_if": {"fixed": w.fixed, "nothing": w.nothing, "up": [line(x) for x in w.up], "down": [line(x) for x in w.down]},
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
    "disability": [None, "none", "mild_moderate", "substantial_lifelong", "uncertain"],
    "current_level": [None, "universal", "additional", "extensive", "child_in_need", "protection"],
    "consent_to_early_help": [None, True, False],
    "open_to_social_care": [None, True, False],
    "large_sibling_group": [None, True, False],
}


def redecide(c2):
    return rules.evaluate(Case.parse(json.loads(c2.model_dump_json(exclude_none=True))), office_hours=OfficeHours())


# the classes a what-if line names, and the needs of each (oracle 3)
_DOMAINS = {d.name: d.id for d in CAT.domains}
_CLASS = re.compile(r"^(?:An?|One more) (Additional|Extensive) need in (?:a further CAF domain, )?(.+?) \(for example ‘(.+)’\)$")
_SPECIAL = {
    *CAT.interpretations.cin_disability.indicators,
    *CAT.interpretations.cin_disability.with_substantial_lifelong_disability,
    *[i for e in CAT.age_entailments for i in e.indicators],
}


def class_members(level: str, domain: str):
    for i in CAT.indicators:
        if i.level.value != level.lower() or i.domain != domain or i.immediate:
            continue
        if i.id in _SPECIAL or i.same_words_as or CAT.crosswalks_for(i):
            continue
        yield i


def class_check(c, x) -> list[str]:
    m = _CLASS.match(x.text)
    if not m or not x.add:
        return []
    level, domain = m.group(1), _DOMAINS.get(m.group(2))
    bad = []
    for i in class_members(level, domain):
        if i.id in c.indicators or not CAT.admits(i, c.child.unborn, c.child.age_in_months, c.parent.age_in_months):
            continue
        c2 = c.model_copy(update={"indicators": [j for j in c.indicators if j not in x.add] + [i.id]})
        try:
            d2 = redecide(c2)
        except CaseError:
            continue
        if d2.level.value != x.level.value or bool(d2.immediate) != bool(x.immediate):
            bad.append(f"class line {x.text[:70]!r} says {x.level.value}; with {i.id} it gives {d2.level.value}{' immediate' if d2.immediate else ''}")
    return bad[:3]


RANK = {"universal": 1, "additional": 2, "extensive": 3, "child_in_need": 4, "protection": 5}


def moves(c, d, w, d2) -> bool:
    """Whether d2 contradicts the "no single change" sentence: any other level, or, where the sentence is the one
    said beside a support now (`nothing_above_support`), a level below the one decided or above both it and the
    support (the current level given; a child open to social care, Child in Need; a CAF open, Additional)."""
    if w.nothing != CAT.what_if.nothing_above_support:
        return d2.level != d.level
    ctx = c.context
    support = (
        RANK[ctx.current_level.value]
        if ctx.current_level
        else 4
        if ctx.open_to_social_care
        else 2
        if ctx.caf in ("open_improving", "open_not_improving")
        else 0
    )
    return RANK[d2.level.value] < RANK[d.level.value] or RANK[d2.level.value] > max(RANK[d.level.value], support)


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
        bad += class_check(c, x)
    if w.nothing and not d.immediate:
        tried = [(f"without {i}", c.model_copy(update={"indicators": [j for j in c.indicators if j != i]})) for i in c.indicators]
        for fld, values in FLIPS.items():
            for v in values:
                if getattr(c.context, fld) != v:
                    tried.append((f"{fld}={v}", c.model_copy(update={"context": c.context.model_copy(update={fld: v})})))
        for label, c2 in tried:
            try:
                d2 = redecide(c2)
            except CaseError:
                continue
            if moves(c, d, w, d2):
                bad.append(f"what-if says {w.nothing!r} but {label} gives {d2.level.value}")
                break
    return bad


def surfaces_check(raw: dict, d) -> list[str]:
    bad = []
    want = {"level": d.level.value, "immediate": d.immediate, "route": d.route.team, "contacts": [x.name for x in d.contacts]}
    api = client().post("/api/v1/assess", json=raw).get_json()
    got = {
        "level": api.get("level"),
        "immediate": api.get("immediate"),
        "route": api.get("route", {}).get("team"),
        "contacts": [x["name"] for x in api.get("contacts", [])],
    }
    if got != want:
        bad.append(f"API differs: {got} != {want}")
    p = subprocess.run([str(ROOT / ".venv/bin/python"), "-m", "cli", "assess", "-"], input=json.dumps(raw), capture_output=True, text=True, cwd=ROOT)
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


def check_search(item: dict) -> tuple[list[str], str]:
    s = dict(item["search"])
    top, has, lacks = s.pop("top", 3), s.pop("has", []), s.pop("lacks", [])
    rows = client().post("/api/v1/search", json={**s, "limit": max(top, 5)}).get_json()
    ids = [x.get("id") for x in rows] if isinstance(rows, list) else []
    bad = [f"{h} not in the first {top}: {ids[:top]}" for h in has if h not in ids[:top]]
    bad += [f"{h} is offered: {ids[:top]}" for h in lacks if h in ids[:top]]
    return bad, json.dumps(ids if ids else rows)


def check(item: dict) -> tuple[list[str], str]:
    exp = item.get("expect", {})
    if "search" in item:
        return check_search(item)
    raw, c, d, w, err = run(item["case"])
    if exp.get("refused"):
        bad = [] if err else ["expected refusal"]
        if err and exp.get("refused_has") and exp["refused_has"].lower() not in err.lower():
            bad.append(f"refusal lacks {exp['refused_has']!r}")
        return bad, (err or json.dumps(summary(d, w), ensure_ascii=False)[:3000])
    if err:
        return [f"refused: {err}"], err
    s = summary(d, w)
    bad = []
    low = (json.dumps(d.model_dump(mode="json"), ensure_ascii=False) + json.dumps(s["what_if"], ensure_ascii=False)).lower()
    for k in ("level", "immediate", "out_of_hours", "step"):
        if k in exp and s[k] != exp[k]:
            bad.append(f"{k}: {s[k]!r} != {exp[k]!r}")
    if "route_has" in exp and exp["route_has"].lower() not in d.route.team.lower():
        bad.append(f"route {d.route.team!r} lacks {exp['route_has']!r}")
    if "route_phone" in exp and d.route.phone != exp["route_phone"]:
        bad.append(f"route phone {d.route.phone!r} != {exp['route_phone']!r}")
    if "first_contact_has" in exp and exp["first_contact_has"].lower() not in d.contacts[0].name.lower():
        bad.append(f"first contact {d.contacts[0].name!r} lacks {exp['first_contact_has']!r}")
    if "first_action_has" in exp and exp["first_action_has"].lower() not in d.actions[0].lower():
        bad.append(f"first action {d.actions[0][:120]!r} lacks {exp['first_action_has']!r}")
    for t in exp.get("contacts_lack", []):
        if any(t.lower() in x.name.lower() for x in d.contacts):
            bad.append(f"a contact is {t!r}")
    for t in exp.get("contacts_have", []):
        if not any(t.lower() in x.name.lower() for x in d.contacts):
            bad.append(f"no contact is {t!r}")
    for t in exp.get("text_has", []):
        if t.lower() not in low:
            bad.append(f"text lacks {t!r}")
    for t in exp.get("text_lacks", []):
        if t.lower() in low:
            bad.append(f"text has {t!r}")
    for t in exp.get("actions_have", []):
        if not any(t.lower() in a.lower() for a in d.actions):
            bad.append(f"no action has {t!r}")
    for t in exp.get("actions_lack", []):
        hit = [a for a in d.actions if t.lower() in a.lower()]
        if hit:
            bad.append(f"an action has {t!r}: {hit[0][:120]!r}")
    if exp.get("interp_flag") and not (d.route.interpretation or any(r.interpretation for r in d.reasons)):
        bad.append("no interpretation flag")
    for rule, flag in exp.get("reason_interp", {}).items():
        r = next((r for r in d.reasons if r.rule == rule), None)
        if r is None:
            bad.append(f"no reason {rule}")
        elif r.interpretation != flag:
            bad.append(f"reason {rule} interpretation={r.interpretation}, expected {flag}")
    for g in exp.get("guidance_has", []):
        if not any(x.startswith(g) for x in s["guidance"]):
            bad.append(f"guidance lacks {g}")
    for g in exp.get("guidance_lacks", []):
        if any(x.startswith(g) for x in s["guidance"]):
            bad.append(f"guidance has {g}")
    for rule, t in exp.get("guidance_text_has", {}).items():
        g = next((g for g in d.guidance if g.rule == rule), None)
        if g is None or t.lower() not in g.text.lower():
            bad.append(f"guidance {rule} lacks {t!r}")
    lines = [line(x).lower() for x in list(w.up) + list(w.down)]
    for t in exp.get("whatif_has", []):
        if not any(t.lower() in x for x in lines):
            bad.append(f"no what-if line has {t!r}")
    for t in exp.get("whatif_lacks", []):
        if any(t.lower() in x for x in lines):
            bad.append(f"a what-if line has {t!r}")
    bad += whatif_check(c, d, w)
    if exp.get("surfaces"):
        bad += surfaces_check(raw, d)
    return bad, json.dumps(s, ensure_ascii=False)[:3000]


def main(argv: list[str], cases: pathlib.Path = ROOT / "docs" / "review10-rules-cases.yaml") -> int:
    """Run `cases` (review 11's runner passes its own file: the two reviews share this runner)."""
    verbose = "-v" in argv
    only = [a for a in argv if a != "-v"]
    items = yaml.safe_load(cases.read_text())
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
