"""The fingerprint of what the rules decide with a catalogue: a hash of the decisions of a fixed set
of varied cases (every field but the ruleset itself; refusals included), at fixed office hours.

The shipped catalogue's is recorded beside it (scripts/ruleset_fingerprint.py --record) and read at
start-up, so every decision's ruleset string names it. A draft's is worked out here when the owners
try it (training.ruleset_diff.diff), so a draft that decides as today's does carries today's string,
and one that decides otherwise carries another (review 15 surfaces, Z5). The cases are drawn as
scripts/decision_oracle.py draws its own (it imports them from here).
"""

from __future__ import annotations

import hashlib
import json
import random

from pathway import Case
from pathway.catalogue import Catalogue
from pathway.models import CaseError, Decision
from pathway.settings import OfficeHours
from rules import evaluate

CONTACT_TIMES = [
    "2026-12-01T10:00:00+00:00",  # a Tuesday, in hours
    "2026-12-01T22:00:00+00:00",  # out of hours
    "2026-12-25T10:00:00+00:00",  # a bank holiday
    "2026-12-05T11:00:00+00:00",  # a Saturday
]

LEVEL_WEIGHTS = {"universal": 2, "additional": 6, "extensive": 4, "protection": 1.5, "immediate": 0.3}


def _maybe(rng: random.Random, values: list, none_weight: float = 0.3):
    return None if rng.random() < none_weight else rng.choice(values)


def varied_case(rng: random.Random, ids: list[str], catalogue, times: list[str] = CONTACT_TIMES) -> dict:
    """One case as the API would receive it (it may be refused: that is output too). `times`: the
    contact times drawn from (tests/rules/test_decision_coherence.py adds the clock's edges)."""
    child: dict = {}
    roll = rng.random()
    if roll < 0.05:
        child["unborn"] = True
    elif roll < 0.1:
        pass  # age unknown
    else:
        child["age_years"] = rng.choice([0, 0, 1, 2, 5, 8, 11, 13, 14, 15, 16, 17, 18, 19, 21])
        if child["age_years"] == 0:
            child["age_months"] = rng.randint(0, 11)
    parent = {"age_years": rng.randint(13, 30)} if rng.random() < 0.1 else {}
    unborn, months = child.get("unborn", False), (child["age_years"] * 12 + child.get("age_months", 0)) if "age_years" in child else None
    admitted = [
        i for i in ids if rng.random() < 0.9 and catalogue.admits(catalogue.indicator(i), unborn, months, (parent["age_years"] * 12) if parent else None)
    ]
    if rng.random() < 0.03 and ids:
        admitted = ids  # sometimes anything: refused cases
    size = rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 10, 15])
    by_level: dict[str, list[str]] = {}
    for i in admitted:
        ind = catalogue.indicator(i)
        by_level.setdefault("immediate" if ind.immediate else ind.level.value, []).append(i)
    weights = {k: w for k, w in LEVEL_WEIGHTS.items() if by_level.get(k)}
    chosen: set[str] = set()
    for _ in range(size if weights else 0):  # mostly additional and extensive needs, as real cases are
        chosen.add(rng.choice(by_level[rng.choices(list(weights), weights=list(weights.values()))[0]]))
    context = {
        "caf": _maybe(rng, ["none", "open_improving", "open_not_improving"]),
        "consent_to_early_help": _maybe(rng, [True, False]),
        "disability": _maybe(rng, ["none", "mild_moderate", "substantial_lifelong", "uncertain"]),
        "large_sibling_group": _maybe(rng, [True, False]),
        "current_level": _maybe(rng, ["universal", "additional", "extensive", "child_in_need", "protection"]),
        "caller": _maybe(rng, ["professional", "parent_carer", "public"]),
        "open_to_social_care": _maybe(rng, [True, False], 0.5),
        "health_development_impaired_without_services": _maybe(rng, [True, False], 0.6),
        "contact_time": rng.choice(times),
    }
    return {
        "child": child,
        "parent": parent,
        "indicators": rng.sample(sorted(chosen), len(chosen)),
        "context": {k: v for k, v in context.items() if v is not None},
    }


def outcome(raw: dict, **evaluate_with) -> tuple[dict, Case | None, Decision | None]:
    """What the rules make of one case as the API would receive it: {"decision": every field} or
    {"refused": the errors}, with the parsed case and decision (None when refused). Shared with
    scripts/decision_oracle.py, so both record a decision and a refusal the same way."""
    try:
        case = Case.parse(raw)
        decision = evaluate(case, **evaluate_with)
    except CaseError as exc:
        return {"refused": [e.model_dump() for e in exc.errors] if hasattr(exc, "errors") else str(exc)}, None, None
    return {"decision": decision.model_dump(mode="json")}, case, decision


CASES = 1500
SEED = 2014
LENGTH = 12  # hex characters kept: the version string is stored in a 64-character column


def rows(catalogue: Catalogue, cases: int = CASES, seed: int = SEED):
    """Each case and what the rules make of it, as JSON lines without the ruleset string."""
    rng = random.Random(seed)
    ids = sorted(i.id for i in catalogue.indicators)
    hours = OfficeHours()  # the defaults, never the environment's: the fingerprint is the rules'
    for raw in (varied_case(rng, ids, catalogue) for _ in range(cases)):
        found, _, _ = outcome(raw, office_hours=hours, catalogue=catalogue)
        if "decision" in found:
            found["decision"].pop("ruleset")
        yield json.dumps({"case": raw, **found}, sort_keys=True)


def fingerprint(catalogue: Catalogue | None = None, cases: int = CASES, seed: int = SEED) -> str:
    """The fingerprint of `catalogue`'s decisions (default: the shipped catalogue's, as the rules decide now)."""
    from pathway.catalogue import load_catalogue

    digest = hashlib.sha256()
    for line in rows(catalogue or load_catalogue(), cases, seed):
        digest.update(line.encode() + b"\n")
    return digest.hexdigest()[:LENGTH]


_KNOWN: dict[str, str] = {}  # a catalogue's content (hashed) -> its fingerprint, in this process
_KEPT = 16


def with_fingerprint(catalogue: Catalogue) -> Catalogue:
    """`catalogue`, its ruleset string carrying its decisions fingerprint as the shipped one's does
    (review 15 surfaces, Z5: a draft identical to today's read as another ruleset). Worked out once
    per content in a process (about 1,500 decisions): it depends only on the catalogue and the rules."""
    if catalogue.decisions_fingerprint is None:
        key = hashlib.sha256(catalogue.model_dump_json().encode()).hexdigest()
        if key not in _KNOWN:
            if len(_KNOWN) >= _KEPT:
                _KNOWN.pop(next(iter(_KNOWN)))
            _KNOWN[key] = fingerprint(catalogue)
        object.__setattr__(catalogue, "_decisions", _KNOWN[key])
    return catalogue
