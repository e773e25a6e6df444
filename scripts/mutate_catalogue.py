"""Mutation testing of the catalogue's rule parameters (mutmut mutates Python, not YAML).

Each mutant is one edit to pathway/data/fsp_2014.yaml (a threshold, an age limit, a route's
contact, a cross-walk, a twin group, an interpretation flag). The rule tests run against the
mutated catalogue, loaded through tests/catalogue_mutant.py; a mutant that no test notices
"survives". Writes docs/figures/catalogue-mutants.json and prints a table.

    .venv/bin/python scripts/mutate_catalogue.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from mutation_report import report  # scripts/, beside this file

ROOT = Path(__file__).resolve().parents[1]
YAML = ROOT / "pathway" / "data" / "fsp_2014.yaml"
TESTS = ["tests/rules", "tests/pathway/test_catalogue.py", "tests/pathway/scenarios/test_scenarios_shipped.py", "tests/test_hazard_log.py"]

# (id, what it changes, the exact text, its replacement); each text must occur exactly once
MUTANTS = [
    ("combination-count-3", "combination needs 3 additional needs, not 4", "    min_indicators: 4\n", "    min_indicators: 3\n"),
    ("combination-count-5", "combination needs 5 additional needs", "    min_indicators: 4\n", "    min_indicators: 5\n"),
    ("combination-domains-1", "combination needs 1 domain, not 2", "    min_domains: 2\n", "    min_domains: 1\n"),
    ("combination-domains-3", "combination needs 3 domains", "    min_domains: 2\n", "    min_domains: 3\n"),
    ("caf-range-1", "a failing CAF with one need steps up", "    min_needs: 2\n", "    min_needs: 1\n"),
    ("caf-range-3", "a failing CAF needs three needs", "    min_needs: 2\n", "    min_needs: 3\n"),
    ("age-max-18", "the pathway stops at 18", "  max_years: 19\n", "  max_years: 18\n"),
    ("age-max-20", "the pathway runs to 20", "  max_years: 19\n", "  max_years: 20\n"),
    ("care-leaver-max-24", "care leavers to 24", "  care_leaver_max_years: 25\n", "  care_leaver_max_years: 24\n"),
    (
        "crosswalk-trafficking-gone",
        "the trafficking cross-walk names another indicator",
        "    indicators: [protection.child_victim_trafficking]\n",
        "    indicators: [protection.victim_crime]\n",
    ),
    (
        "crosswalk-under-1-to-under-2",
        "parental substance misuse immediate to age 2",
        "    age_band: under_1\n    meets: immediate.substance_use_under_1\n",
        "    age_band: under_2\n    meets: immediate.substance_use_under_1\n",
    ),
    (
        "crosswalk-unborn-level",
        "the unborn cross-walk at Extensive",
        "    level: protection\n    age_band: unborn\n",
        "    level: extensive\n    age_band: unborn\n",
    ),
    (
        "crosswalk-dv-declared-false",
        "persistent domestic abuse reading not declared",
        '    meets: immediate.repeated_domestic_violence\n    source: {section: "Levels of need: Protection; Indicators requiring an immediate referral to Social Care", page: "17, 9"}\n    interpretation: true\n',
        '    meets: immediate.repeated_domestic_violence\n    source: {section: "Levels of need: Protection; Indicators requiring an immediate referral to Social Care", page: "17, 9"}\n    interpretation: false\n',
    ),
    (
        "route-dcn-front-door",
        "a disabled Child in Need routed to the front door",
        '  disabled_child_in_need: {team: "Disabled Children\'s Team", via: disabled_childrens_team,',
        '  disabled_child_in_need: {team: "Disabled Children\'s Team", via: children_families_direct,',
    ),
    (
        "route-ooh-day-line",
        "out of hours routed to Children and Families Direct",
        "  out_of_hours: {team: Emergency Duty Team, via: emergency_duty_team,",
        "  out_of_hours: {team: Emergency Duty Team, via: children_families_direct,",
    ),
    ("route-open-case-front-door", "an open case routed to the front door", "via: allocated_social_worker, source", "via: children_families_direct, source"),
    ("edt-hours-office", "the Emergency Duty Team marked a day service", "    hours: out_of_hours\n", "    hours: office\n"),
    ("cfd-phone", "Children and Families Direct's number wrong", 'phone: "0115 876 4800"', 'phone: "0115 876 4880"'),
    (
        "cin-disability-words-dropped",
        "providing substantial care no longer Child in Need",
        "    indicators: [extensive.substantial_lifelong_disability_short_breaks, extensive.providing_substantial_care_child]\n",
        "    indicators: [extensive.substantial_lifelong_disability_short_breaks]\n",
    ),
    (
        "cin-with-disability-carer-break",
        "a carer's break raised to Child in Need again",
        "    with_substantial_lifelong_disability: [extensive.inaccessible_housing_need_aids]\n",
        "    with_substantial_lifelong_disability: [extensive.inaccessible_housing_need_aids, additional.carer_not_getting_break]\n",
    ),
    (
        "twins-young-carers-gone",
        "the young carers twin group names one indicator less",
        "    ids: [additional.young_carers_child, additional.young_carers_family, extensive.young_carers, protection.young_carer_significant_responsibilities]\n",
        "    ids: [additional.young_carers_child, extensive.young_carers, protection.young_carer_significant_responsibilities]\n",
    ),
    (
        "band-under-16-widened",
        "pregnant under 16 admits a 16-year-old",
        '  - {id: pregnant_under_16, label: "under 16", max_months: 191,',
        '  - {id: pregnant_under_16, label: "under 16", max_months: 203,',
    ),
    (
        "band-teenage-child",
        "teenage parents read as the child's age",
        "min_months: 156, max_months: 239, unborn: false, subject: parent,",
        "min_months: 156, max_months: 239, unborn: false, subject: child,",
    ),
    (
        "combination-not-declared",
        "the combination rule no longer declared",
        "    rule: combination.additional_range\n    interpretation: true\n",
        "    rule: combination.additional_range\n    interpretation: false\n",
    ),
    (
        "cin-disability-not-declared",
        "the disability reading no longer declared",
        "    rule: child_in_need.disability\n    interpretation: true\n",
        "    rule: child_in_need.disability\n    interpretation: false\n",
    ),
]


def run(mutant_file: Path | None) -> bool:
    env = {**os.environ}
    if mutant_file:
        env["FSP_TEST_CATALOGUE_MUTANT"] = str(mutant_file)
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-p", "tests.catalogue_mutant", *TESTS]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True).returncode == 0


def main() -> int:
    original = YAML.read_text(encoding="utf-8")
    if not run(None):
        print("the tests fail on the unmutated catalogue: fix that first")
        return 2
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for mid, what, old, new in MUTANTS:
            if original.count(old) != 1:
                raise SystemExit(f"{mid}: the text to mutate occurs {original.count(old)} times, not once")
            path = Path(tmp) / f"{mid}.yaml"
            path.write_text(original.replace(old, new), encoding="utf-8")
            killed = not run(path)
            results.append({"id": mid, "what": what, "killed": killed})
            print(f"{mid:32} {'killed' if killed else 'SURVIVED'}  {what}", flush=True)
    return report(results, "catalogue-mutants.json", "python scripts/mutate_catalogue.py")


if __name__ == "__main__":
    raise SystemExit(main())
