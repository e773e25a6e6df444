"""One cohort label typed composed and decomposed is one cohort (review 20 surfaces, S4)."""

from __future__ import annotations

from webapp.practice import records

COMPOSED, DECOMPOSED = "Zo\u00eb R20", "Zoe\u0308 R20"


def test_a_label_typed_two_ways_is_one_cohort_with_both_sessions(app):
    with app.app_context():
        for label in (COMPOSED, DECOMPOSED):
            code, _ = records.start_session(["age-under-2-bruising"], "[]", None, cohort=label)  # type: ignore[arg-type]
            records.end_session(code, trainees=1, answers=1)
        assert records.cohorts() == [(COMPOSED, 2)]
        assert len(records.cohort_results(DECOMPOSED)) == 2


def test_labels_that_differ_stay_two_cohorts(app):
    with app.app_context():
        for label in (COMPOSED, "Zoe R20"):
            code, _ = records.start_session(["age-under-2-bruising"], "[]", None, cohort=label)  # type: ignore[arg-type]
            records.end_session(code)
        assert records.cohorts() == [("Zoe R20", 1), (COMPOSED, 1)]
