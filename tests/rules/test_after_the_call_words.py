"""Beside an immediate referral every other item is begun "After the call:" (rules/evaluate.py,
review 8 F4). Items whose own words are advice before a referral read badly after it (left9, item 2):
advice on whether to refer ("If in any doubt about referring", p9), seeking agreement to the referral
first (p37), or "ring now". The referral is made without delay (p9), so beside one these items are
worded for after the call (the catalogue's `after_the_call.reworded`), or are not prefixed where their
words say when (`not_prefixed`). The oracle is the list below, written by reading every prefixed item
an immediate decision can give (the sweep in the report): words that presuppose the referral is still
to be decided or made. No level changes: the same cases decide the same levels."""

from __future__ import annotations

import itertools
import re

import pytest

from pathway.catalogue import load_catalogue
from pathway.models import CaseError
from rules import evaluate
from tests.conftest import make_case

CAT = load_catalogue()
AFTER = CAT.guidance.after_the_call.text
OUT_OF_HOURS = "2026-11-28T23:30:00+00:00"
# words that do not make sense after the referral has been made (read from every prefixed item)
BEFORE_THE_REFERRAL = [
    r"doubt about referring",  # p9's doubt is whether to refer: settled by an immediate criterion
    r"Seek the family's agreement to a referral",  # p37's "first seek", before the referral
    r"ring now",  # the call is being made
    r"If in any doubt, contact Children and Families Direct",  # the caller's form of p9's doubt about referring
]
NEEDS = [
    ["immediate.significant_harm"],
    ["immediate.allegation_or_disclosure", "additional.young_carers_child"],
    ["immediate.significant_harm", "protection.chronic_substance_misuse"],  # age not given: the under-1 cross-walk
    ["protection.child_victim_trafficking"],
]
CONTEXTS = {
    "caller": [None, "professional", "public", "parent_carer"],
    "consent_to_early_help": [None, False],
    "open_to_social_care": [None, True],
    "contact_time": [None, OUT_OF_HOURS],
}


def _cases():
    keys = list(CONTEXTS)
    for needs in NEEDS:
        for values in itertools.product(*(CONTEXTS[k] for k in keys)):
            yield needs, {k: v for k, v in zip(keys, values) if v is not None}


def _prefixed(d) -> list[str]:
    return [a for a in d.actions if a.startswith(AFTER)] + [g.text for g in d.guidance if g.text.startswith(AFTER)]


RULES_SEEN: set[str] = set()


def test_no_item_after_the_call_is_advice_for_before_it():
    bad, seen = [], 0
    for needs, context in _cases():
        age = {"age_years": None} if "protection.chronic_substance_misuse" in needs else {"age_years": 9}
        try:
            d = evaluate(make_case(needs, **age, **context))
        except CaseError:
            continue
        assert d.immediate and d.level == "protection"  # no change to levels
        seen += 1
        RULES_SEEN.update(g.rule for g in d.guidance)
        for item in _prefixed(d):
            for words in BEFORE_THE_REFERRAL:
                if re.search(words, item):
                    bad.append((needs, context, item[:120]))
    assert seen == 128  # every case decided: none refused
    assert not bad, bad[:5]


@pytest.mark.parametrize("caller", ["professional", "public"])
def test_the_doubt_item_is_worded_for_after_the_call_and_keeps_p9_s_advice(caller):
    d = evaluate(make_case(["immediate.significant_harm"], age_years=9, caller=caller))
    [doubt] = [a for a in d.actions if "doubt" in a]
    assert doubt.startswith(AFTER) and "Children and Families Direct for advice" in doubt and "p9" in doubt
    assert ("line manager or agency safeguarding lead" in doubt) is (caller == "professional")
    # not immediate: p9's words before a referral stand as they were
    d = evaluate(make_case(["protection.frozen_watchfulness"], age_years=9, caller=caller))
    assert not d.immediate
    [doubt] = [a for a in d.actions if "doubt" in a]
    assert doubt.startswith("If in any doubt about referring" if caller == "professional" else "If in any doubt, contact Children and Families Direct")


def test_consent_after_the_call_says_the_referral_is_made_and_before_it_seeks_agreement():
    d = evaluate(make_case(["immediate.significant_harm"], age_years=9, consent_to_early_help=False, caller="professional"))
    [g] = [g for g in d.guidance if g.rule == "consent.social_care"]
    assert g.text.startswith(AFTER) and "made without delay (p9)" in g.text and "without the family's consent" in g.text.lower()
    # review 15, L6: p37 asks for reasons only where a possible criminal offence is not shared (tests/rules/test_review15_rules.py)
    assert "record the reasons" not in g.text.lower()
    d = evaluate(make_case(["protection.frozen_watchfulness"], consent_to_early_help=False))
    assert next(g for g in d.guidance if g.rule == "consent.social_care").text.startswith("Seek the family's agreement")


def test_every_reworded_item_names_an_item_that_exists():
    reworded = CAT.guidance.after_the_call.reworded
    openings = [a for lv in CAT.levels for a in lv.actions] + [r.text for r in CAT.resolved_actions]
    for r in reworded.actions:
        assert any(a.startswith(r.opening) for a in openings), r.opening
    if not RULES_SEEN:
        test_no_item_after_the_call_is_advice_for_before_it()
    for r in reworded.guidance:
        assert r.rule in RULES_SEEN, r.rule
    assert "immediate.crosswalk_age_unknown" in RULES_SEEN  # the sweep reached the cross-walk's "ring now"
