"""No decision, refusal or reason names a thing by a page number ("p9's criteria", "p4's test"): the
document's name for it, with the page in brackets ("the immediate referral criteria (p9)", "the Child in
Need test (p4)") (review 22 surfaces, S7). Oracle: the words every varied case's outcome says, searched for
a page number used as a possessive."""

from __future__ import annotations

import json
import re

from pathway import load_catalogue
from training.fingerprint import rows

PAGE_AS_A_NAME = re.compile(r"\bp[0-9]+(?:-[0-9]+)?'s\b")


def test_no_outcome_names_a_thing_by_its_page_number():
    said = set()
    for line in rows(load_catalogue(), cases=600, seed=22):
        outcome = {k: v for k, v in json.loads(line).items() if k != "case"}
        said.update(m.group(0) for m in PAGE_AS_A_NAME.finditer(json.dumps(outcome)))
    assert said == set()


def test_the_pattern_finds_what_review_22_saw():
    assert PAGE_AS_A_NAME.search("may meet one of p9's criteria for a baby under 1")
    assert PAGE_AS_A_NAME.search("This tool reads p15-16's step")
    assert not PAGE_AS_A_NAME.search("the immediate referral criteria (p9) for a baby under 1")
