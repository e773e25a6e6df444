"""Fleiss' kappa against Fleiss (1971)'s worked example, and its edges."""

from __future__ import annotations

import pytest

from training.agreement import fleiss_kappa, kappa_label, percent

# Fleiss (1971), as reproduced on Wikipedia ("Fleiss' kappa", worked example):
# 10 subjects, 14 raters each, 5 categories.
FLEISS_1971 = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def test_worked_example_by_hand():
    # By hand: P_bar = 3.780/10 = 0.378; p_j = 20,28,39,21,32 over 140;
    # P_e = (400+784+1521+441+1024)/19600 = 4170/19600 = 0.21276; kappa = (0.378-0.21276)/(1-0.21276) = 0.20990
    assert fleiss_kappa(FLEISS_1971) == pytest.approx(0.20990, abs=5e-5)
    assert round(fleiss_kappa(FLEISS_1971), 3) == 0.210


def test_perfect_agreement_across_categories_is_one():
    assert fleiss_kappa([[3, 0, 0], [0, 3, 0], [0, 0, 3]]) == 1.0


def test_everyone_in_one_category_is_perfect_agreement_not_a_division_by_zero():
    assert fleiss_kappa([[4, 0], [4, 0]]) == 1.0


def test_single_rater_cannot_be_computed():
    assert fleiss_kappa([[1, 0, 0], [0, 1, 0]]) is None


def test_no_answers_and_empty_table():
    assert fleiss_kappa([]) is None
    assert fleiss_kappa([[0, 0, 0]]) is None


def test_one_subject_is_defined():
    # one scenario, 4 trainees split 2-2: P = (8-4)/12 = 1/3, P_e = 0.5, kappa = -1/3
    assert fleiss_kappa([[2, 2]]) == pytest.approx(-1 / 3)


def test_subjects_with_fewer_than_two_raters_are_left_out():
    assert fleiss_kappa([[3, 0, 0], [0, 3, 0], [0, 0, 1]]) == fleiss_kappa([[3, 0, 0], [0, 3, 0]])


def test_varying_numbers_of_raters():
    # subject 1: 3 agree; subject 2: 2 of 2 agree on another category -> perfect agreement
    assert fleiss_kappa([[3, 0], [0, 2]]) == 1.0


def test_systematic_disagreement_is_negative():
    assert fleiss_kappa([[1, 1], [1, 1]]) == pytest.approx(-1.0)


def test_bad_tables_are_refused():
    with pytest.raises(ValueError):
        fleiss_kappa([[1, -1]])
    with pytest.raises(ValueError):
        fleiss_kappa([[1, 1], [2]])


def test_percent_and_labels():
    assert percent(1, 4) == 25.0
    assert percent(0, 0) is None
    assert kappa_label(None).startswith("cannot be computed")
    assert kappa_label(0.21) == "fair"
    assert kappa_label(1.0) == "almost perfect"
    assert kappa_label(-0.2).startswith("poor")
