"""Review 8 recheck: cases of the recheck reviewer's own, run through rules.evaluate, the what-if
list and the catalogue (default office hours, England's bank holidays).

Usage: .venv/bin/python docs/review8-recheck-cases.py [id-substring ...]
Each case prints its level, immediacy, actions, guidance and the what-if list, or the refusal.
"""

from __future__ import annotations

import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import rules  # noqa: E402
from pathway.catalogue import load_catalogue  # noqa: E402
from pathway.models import Case, CaseError  # noqa: E402
from pathway.settings import OfficeHours  # noqa: E402
from rules import what_if  # noqa: E402

IN_HOURS = "2027-01-12T10:00:00+00:00"  # Tuesday
NIGHT = "2027-01-12T22:00:00+00:00"

YC3 = ["additional.low_self_esteem", "additional.poor_sense_self", "additional.experiencing_bullying"]

CASES = {
    # F2: a toddler under 2 showing sexualised behaviour; a 4-year-old harming a sibling sexually
    "r2a": {"child": {"age_years": 1, "age_months": 8}, "indicators": ["protection.inappropriate_sexual_behaviour"]},
    "r2b": {"child": {"age_years": 4}, "indicators": ["protection.causes_significant_harm_other"]},
    "r2c": {"child": {"age_years": 4, "age_months": 6}, "indicators": ["protection.young_carer_significant_responsibilities"]},
    "r2d": {"child": {"age_years": 1, "age_months": 11}, "indicators": ["protection.endangers_life_through_self"]},
    # F2: p9 for an unborn baby through parents' and family needs
    "r2e": {"child": {"unborn": True}, "indicators": ["protection.chronic_substance_misuse"]},
    "r2f": {"child": {"unborn": True}, "indicators": ["immediate.home_alone_at_risk"]},
    "r2g": {"child": {"unborn": True}, "indicators": ["immediate.trafficking_victim"]},
    "r2h": {"child": {"unborn": True}, "indicators": ["immediate.unexplained_injuries"]},
    "r2i": {"child": {"age_years": 3}, "indicators": ["additional.not_employment_education_training"]},
    # F1: a pregnant care leaver of 20-25
    "r1a": {"child": {"age_years": 22}, "indicators": ["extensive.pregnant_care_leavers"], "context": {"current_level": "protection"}},
    "r1b": {"child": {"age_years": 21}, "indicators": ["extensive.pregnant_care_leavers"], "context": {"large_sibling_group": True}},
    "r1c": {"child": {"age_years": 24}, "indicators": ["extensive.pregnant_care_leavers"], "context": {"consent_to_early_help": False, "contact_time": NIGHT}},
    "r1d": {"child": {"unborn": True}, "parent": {"age_years": 22}, "indicators": ["extensive.pregnant_care_leavers", "protection.persistent_domestic_abuse"]},
    "r1e": {
        "child": {"unborn": True},
        "parent": {"age_years": 23},
        "indicators": ["extensive.pregnant_care_leavers"],
        "context": {"caf": "open_not_improving"},
    },
    "r1f": {"child": {"age_years": 22}, "indicators": ["extensive.pregnant_care_leavers", "immediate.unborn_significant_harm"]},
    "r1g": {"child": {"age_years": 20}, "indicators": ["extensive.pregnant_care_leavers"], "context": {"caller": "public", "contact_time": NIGHT}},
    "r1h": {"child": {"age_years": 19, "age_months": 11}, "indicators": ["extensive.pregnant_care_leavers"], "context": {"disability": "substantial_lifelong"}},
    # F3: same-words needs
    "r3a": {"child": {"age_years": 9}, "indicators": ["additional.young_carers_family", "additional.low_self_esteem", "additional.poor_sense_self"]},
    "r3b": {"child": {"age_years": 9}, "indicators": ["additional.young_carers_child", "additional.young_carers_family", *YC3]},
    "r3c": {"child": {"age_years": 9}, "indicators": ["additional.young_carers_child", *YC3, "additional.uses_substances"]},
    "r3d": {
        "child": {"age_years": 9},
        "indicators": ["additional.young_carers_child", "additional.young_carers_family", "additional.low_self_esteem", "additional.poor_sense_self"],
    },
    # F4: after the call
    "r4a": {
        "child": {"age_years": 7},
        "indicators": ["immediate.home_alone_at_risk"],
        "context": {"caf": "open_improving", "current_level": "extensive", "consent_to_early_help": False},
    },
    "r4b": {
        "child": {"age_years": 3},
        "indicators": ["immediate.contact_with_adults_risk"],
        "context": {"disability": "substantial_lifelong", "caller": "parent_carer", "contact_time": NIGHT},
    },
    "r4c": {"child": {"age_years": 15}, "indicators": ["immediate.significant_harm"], "context": {"current_level": "child_in_need"}},
    "r4d": {"child": {"unborn": True}, "parent": {"age_years": 15}, "indicators": ["protection.chronic_substance_misuse"], "context": {"caller": "public"}},
    # F5 / F6 / n01: steps from each current level
    "r5a": {"child": {"age_years": 8}, "indicators": ["protection.persistent_domestic_abuse"], "context": {"current_level": "universal"}},
    "r5b": {
        "child": {"age_years": 8},
        "indicators": ["protection.persistent_domestic_abuse"],
        "context": {"current_level": "additional", "caf": "open_improving"},
    },
    "r5c": {
        "child": {"age_years": 8},
        "indicators": ["extensive.beyond_parental_control"],
        "context": {"current_level": "child_in_need", "caf": "open_not_improving"},
    },
    "r5d": {"child": {"age_years": 8}, "indicators": ["additional.low_self_esteem"], "context": {"current_level": "protection", "caf": "open_improving"}},
    "r5e": {
        "child": {"age_years": 8},
        "indicators": ["extensive.beyond_parental_control"],
        "context": {"current_level": "extensive", "caf": "open_not_improving", "disability": "substantial_lifelong"},
    },
    "r5f": {
        "child": {"age_years": 8},
        "indicators": ["universal.physically_well"],
        "context": {"current_level": "universal", "health_development_impaired_without_services": True},
    },
    "r5g": {
        "child": {"age_years": 8},
        "indicators": ["additional.low_self_esteem"],
        "context": {"current_level": "additional", "caf": "none", "health_development_impaired_without_services": True},
    },
    "r5h": {"child": {"age_years": 8}, "indicators": ["additional.low_self_esteem"], "context": {"current_level": "universal", "caf": "open_not_improving"}},
    # F4 with a disabled child: in hours, on the 2027-12-27 substitute holiday with a large sibling group, uncertain
    "x1": {"child": {"age_years": 6}, "indicators": ["immediate.significant_harm"], "context": {"disability": "substantial_lifelong"}},
    "x2": {
        "child": {"age_years": 6},
        "indicators": ["immediate.significant_harm"],
        "context": {"disability": "substantial_lifelong", "large_sibling_group": True, "contact_time": "2027-12-27T11:00:00+00:00"},
    },
    "x3": {"child": {"age_years": 6}, "indicators": ["protection.sexual_exploitation"], "context": {"disability": "uncertain", "caller": "public"}},
    # R1 at rule level: open at Protection, a Universal need today
    "s1": {"child": {"age_years": 6}, "indicators": ["universal.physically_well"], "context": {"current_level": "protection"}},
}


def run(raw: dict):
    raw = json.loads(json.dumps(raw))
    raw.setdefault("context", {}).setdefault("contact_time", IN_HOURS)
    try:
        c = Case.parse(raw)
        d = rules.evaluate(c, office_hours=OfficeHours())
    except CaseError as e:
        return None, None, str(e)
    return d, what_if.nearby(c, d), None


def show(cid: str, raw: dict) -> None:
    d, w, err = run(raw)
    print(f"=== {cid} {json.dumps(raw)}")
    if err:
        print("REFUSED:", err)
        return
    print("level", d.level.value, "immediate", d.immediate, "ooh", d.out_of_hours, "step", d.step)
    print("route", d.route.team, d.route.phone, "| contacts", [c.name for c in d.contacts])
    print("reasons", [r.rule for r in d.reasons])
    for a in d.actions:
        print("  ACTION", a)
    for g in d.guidance:
        print("  GUIDE", g.rule, "|", g.text)
    for k in ("up", "down"):
        for x in getattr(w, k, []):
            print(f"  WHATIF-{k}", x.text, "->", x.level.value, "IMM" if x.immediate else "", x.step or "")


def hints() -> None:
    """Every indicator id named in a meaningful-age refusal hint, checked at the ages it is given."""
    cat = load_catalogue()
    floors = {f.id: f for f in (cat.floor(i) for i in cat._by_id) if f}
    for f in floors.values():
        for attr, ages in (("outside_unborn", [(True, None)]), ("outside", [(False, m) for m in range(f.min_months or 0)])):
            text = getattr(f, attr, None) or ""
            for iid in re.findall(r"\(((?:universal|additional|extensive|protection|immediate)\.[a-z0-9_]+)", text):
                bad = [m for u, m in ages if not cat.admits(iid, u, m)]
                if bad:
                    print(f"HINT {f.id}.{attr} names {iid}, refused at {len(bad)} of its ages (months {bad[0]}..{bad[-1]})")


def web_universal_open() -> None:
    """R1: a child supported at Protection now (open to social care) with only a Universal need today:
    the result's actions say "make the referral to the allocated social worker", the written page
    says "Assessment summary ... No referral is made"."""
    import tempfile

    from tests.webapp.conftest import ALWAYS_OPEN, CHILD, text, walk_needs
    from webapp import create_app

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {"TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "t", "DATABASE_URL": f"sqlite:///{tmp}/w.sqlite3", "OFFICE_HOURS": ALWAYS_OPEN}
        )
        client = app.test_client()
        client.post("/safety", data={"immediate": "none"})
        client.post("/child", data=dict(CHILD, current_level="protection"))
        walk_needs(client, {"health": ["universal.physically_well"]})
        result = text(client.get("/result"))
        page = text(client.get("/referral"))
        print("=== web R1 (current_level protection, 'Physically well')")
        print("result says 'make the referral to the allocated social worker':", "make the referral to the allocated social worker" in result)
        for w in ("Assessment summary", "No referral is made", "nothing to confirm in writing"):
            print(f"referral page says {w!r}:", w in page)


if __name__ == "__main__":
    only = sys.argv[1:]
    for cid, raw in CASES.items():
        if not only or any(o in cid for o in only):
            show(cid, raw)
    if not only or "hints" in only:
        hints()
    if not only or "web" in only:
        web_universal_open()
