"""The fingerprint of what the shipped rules decide, recorded beside the catalogue.

Every decision carries its ruleset (`Catalogue.version`), and a saved entry decided under another
ruleset is compared with today's (the case page's "Today's ruleset would decide differently").
That only works if the ruleset string changes whenever the decisions do. The edition in the
catalogue (`ruleset.version`) is bumped by people, and was not bumped through five rounds of rule
fixes; so the string also carries this fingerprint: a hash of the decisions of a fixed set of
varied cases (every field but the ruleset itself; refusals included), at fixed office hours.
tests/rules/test_ruleset_fingerprint.py fails when the rules' decisions change and the
fingerprint was not recorded again:

    .venv/bin/python -m scripts.ruleset_fingerprint            # print the fingerprint of today's rules
    .venv/bin/python -m scripts.ruleset_fingerprint --record   # write it beside the catalogue
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

from pathway.catalogue import DATA_FILE, FINGERPRINT_SUFFIX, Catalogue, load_catalogue
from pathway.settings import OfficeHours
from scripts.decision_oracle import outcome, varied_case

CASES = 1500
SEED = 2014
LENGTH = 12  # hex characters kept: the version string is stored in a 64-character column
HEADER = """\
# The fingerprint of what the rules decide with this catalogue (scripts/ruleset_fingerprint.py):
# {cases} varied cases (seed {seed}), every field of each decision but the ruleset, hashed.
# Every decision's ruleset names it, so a save decided under other rules is compared with today's.
# Do not edit by hand: run `.venv/bin/python -m scripts.ruleset_fingerprint --record` after a change
# that tests/rules/test_ruleset_fingerprint.py reports, and say in the commit what changed.
"""


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
    digest = hashlib.sha256()
    for line in rows(catalogue or load_catalogue(), cases, seed):
        digest.update(line.encode() + b"\n")
    return digest.hexdigest()[:LENGTH]


def record(path: Path = DATA_FILE) -> str:
    found = fingerprint()
    path.with_suffix(FINGERPRINT_SUFFIX).write_text(HEADER.format(cases=CASES, seed=SEED) + found + "\n", encoding="utf-8")
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--record", action="store_true", help="write the fingerprint beside the shipped catalogue")
    args = parser.parse_args(argv)
    print(record() if args.record else fingerprint())
    return 0


if __name__ == "__main__":
    sys.exit(main())
