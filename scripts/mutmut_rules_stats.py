"""Give every rule-defining function all the selected tests, in mutmut's stats.

durable-rules registers a ruleset once per process, so `define()` (where every rule's condition
and action lives) runs inside whichever test comes first: mutmut's coverage would then try each
mutant of a rule against that one test only. Run after mutmut has collected its stats
(`make mutate` does both).

It also forgets the first run's results for those functions' mutants: mutmut keeps a result it
has (mutants/*.meta) and would not try the mutant again, and the first run tried each against
the one test that happened to register the rules (2026-12-01: 37 such "survivors", each killed
when tried against every test)."""

import json
from pathlib import Path

STATS = Path("mutants/mutmut-stats.json")
# every top-level function of the two rule files (route_at and route_conditions: the route rules' conditions,
# stated once and read by the pregnancy prompt too, left11)
WHOLE_RULESET = (
    "rules.needs.x_define",
    "rules.guidance.x_define",
    "rules.needs.x__flag",
    "rules.needs.x_declared_for_age",
    "rules.guidance.x_route_at",
    "rules.guidance.x_route_conditions",
)
# The code around the rules that runs once per process or per catalogue (registration, the
# attribute reader, the per-catalogue look-ups and twin-note words): the same trap, so each is
# given every rule test (tests/rules) too (`make mutate-facts`; 2026-12-01: without it, mutants of
# the twin-note words were tried against one test and "survived")
ONCE = (
    "rules.engine.x_register",
    "rules.engine.x__plain_actions",
    "rules.engine.x_matched_attributes",
    "rules.engine.x__read_by",
    "rules.engine.x__operand",
    "rules.engine.x__install_host",
    "rules.engine.x__warm_up_rule",
    "rules.facts.xǁPreparedǁ__init__",
    "rules.facts.x_prepared",
    "rules.facts.x_twin_note_drawer",
    "rules.facts.x_where_listed",
    "rules.evaluate.x_ensure_registered",
    "rules.evaluate.x_ruleset_names",
    "rules.evaluate.x__needs_ruleset",
)

stats = json.loads(STATS.read_text())
every_test = sorted(stats["duration_by_test"])
rule_tests = [t for t in every_test if t.startswith("tests/rules/")]
for name in WHOLE_RULESET:
    if name in stats["tests_by_mangled_function_name"]:
        stats["tests_by_mangled_function_name"][name] = every_test
for name in ONCE:
    stats["tests_by_mangled_function_name"][name] = sorted(set(stats["tests_by_mangled_function_name"].get(name, [])) | set(rule_tests))
STATS.write_text(json.dumps(stats))
forgotten = 0
for meta_path in Path("mutants/rules").glob("*.py.meta"):
    meta = json.loads(meta_path.read_text())
    for key in list(meta["exit_code_by_key"]):
        if key.rsplit("__mutmut_", 1)[0] in WHOLE_RULESET + ONCE:
            meta["exit_code_by_key"][key] = None
            forgotten += 1
    meta_path.write_text(json.dumps(meta))
print(f"{len(every_test)} tests given to {len(WHOLE_RULESET)} rule-defining functions; {forgotten} first-run results forgotten")
