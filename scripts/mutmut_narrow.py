"""Run mutmut mutants against a narrow test selection, in one process (review 21, docs/safety/mutation.md).

mutmut runs each mutant against every test of its selection that reached the function; on a shared machine a web
view's mutant took 30-100 s that way. This runs, from a scratch tree's `mutants/` (made by `mutmut run`, e.g.
scripts/mutate_review19.sh), each mutant named against the tests given, `pytest.main` once per mutant with
`MUTANT_UNDER_TEST` set (mutmut's trampoline reads it on every call), and prints killed or SURVIVED with the test
that failed. A mutant killed here is killed by a test of the product's; one that survives here must still be run
against mutmut's whole selection (or read) before it is called a gap.

    cd SCRATCH/mutants && ../.venv/bin/python /path/to/scripts/mutmut_narrow.py MODULE.FUNCTION:FIRST:LAST ... -- TEST ...
"""

from __future__ import annotations

import os
import sys
import time

import pytest


def main(argv: list[str]) -> int:
    split = argv.index("--")
    specs, tests = argv[:split], argv[split + 1 :]
    sys.path.insert(0, os.getcwd())
    for spec in specs:
        function, first, last = spec.rsplit(":", 2)
        for i in range(int(first), int(last) + 1):
            name = f"{function}__mutmut_{i}"
            os.environ["MUTANT_UNDER_TEST"] = name
            started = time.monotonic()
            rc = pytest.main(["-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", "-k", "not postgresql", *tests])
            status = {0: "SURVIVED", 1: "killed"}.get(rc, f"error (pytest exit {rc})")
            print(f"RESULT {name}: {status} {time.monotonic() - started:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
