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
import sys
from pathlib import Path

from pathway.catalogue import DATA_FILE, FINGERPRINT_SUFFIX
from training.fingerprint import CASES, SEED, fingerprint, rows  # noqa: F401  (the hash lives in the product: a draft's is worked out there)

HEADER = """\
# The fingerprint of what the rules decide with this catalogue (scripts/ruleset_fingerprint.py):
# {cases} varied cases (seed {seed}), every field of each decision but the ruleset, hashed.
# Every decision's ruleset names it, so a save decided under other rules is compared with today's.
# Do not edit by hand: run `.venv/bin/python -m scripts.ruleset_fingerprint --record` after a change
# that tests/rules/test_ruleset_fingerprint.py reports, and say in the commit what changed.
"""


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
