"""Give every rule-defining function all the selected tests, in mutmut's stats.

durable-rules registers a ruleset once per process, so `define()` (where every rule's condition
and action lives) runs inside whichever test comes first: mutmut's coverage would then try each
mutant of a rule against that one test only. Run after mutmut has collected its stats
(`make mutate` does both)."""

import json
from pathlib import Path

STATS = Path("mutants/mutmut-stats.json")
WHOLE_RULESET = ("rules.needs.x_define", "rules.guidance.x_define", "rules.needs.x__level_action", "rules.needs.x__cite", "rules.guidance.x__cite")

stats = json.loads(STATS.read_text())
every_test = sorted(stats["duration_by_test"])
for name in WHOLE_RULESET:
    if name in stats["tests_by_mangled_function_name"]:
        stats["tests_by_mangled_function_name"][name] = every_test
STATS.write_text(json.dumps(stats))
print(f"{len(every_test)} tests given to {len(WHOLE_RULESET)} rule-defining functions")
