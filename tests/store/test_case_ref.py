"""The case reference check against dates of birth in every shape the module promises (review 17
surfaces, S1: a six-digit ddmmyy date was accepted), and what happens to a reference saved before
a rule was added (it still opens, lists and exports; only new input is checked).

The oracle for "is a date" is the standard library's own parsing (`datetime.strptime`), not the
module's arithmetic."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import Invalid
from store import assessments as A
from store.case_ref import lookup_case_ref, validate_case_ref
from store.export import export_csv, export_json
from tests.store.conftest import T0, assess

ADDITIONAL = "additional.concerns_about_diet_poor"
DATE_WORDS = "looks like a date"


def refusal(ref: str) -> str | None:
    """The check's message for `ref`, or None when it is accepted."""
    try:
        validate_case_ref(ref)
    except Invalid as exc:
        assert exc.field == "case_ref"
        return exc.message
    return None


# the review's table (docs/review17-surfaces.md, S1), and the shapes the module already refused
@pytest.mark.parametrize("ref", ["050314", "DOB050314", "CH-050314", "140305", "ch_050314", "050314-A", "05032014", "20140305", "LCS05032014"])
def test_a_date_without_separators_is_refused_wherever_it_stands(ref):
    assert DATE_WORDS in (refusal(ref) or "accepted")


@pytest.mark.parametrize("ref", ["123456", "FSP-0012", "LCS123456", "1050314", "0503141", "050-314", "CH-050-314", "5314", "FSP-999999"])
def test_numbers_that_are_not_a_date_are_accepted(ref):
    assert refusal(ref) is None


def test_the_refusal_says_what_to_do_with_a_real_number_that_reads_as_a_date():
    message = refusal("050314") or ""
    assert "hyphen after its third digit" in message and "050-314" in message
    assert refusal("050-314") is None  # the advice is itself accepted


def _reads_as_date(six: str) -> bool:
    """Independent oracle: strptime as ddmmyy or yymmdd, which refuses unconverted digits (its century
    pivot gives the same leap years as either century: 19yy and 20yy differ only at yy=00, and 2000
    is a leap year)."""
    for fmt in ("%d%m%y", "%y%m%d"):
        try:
            datetime.strptime(six, fmt)
        except ValueError:
            continue
        return True
    return False


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 999_999), st.sampled_from(["", "DOB", "CH-", "LCS", "x_"]), st.sampled_from(["", "-A", "_B1"]))
def test_a_six_digit_run_is_refused_exactly_when_it_reads_as_ddmmyy_or_yymmdd(n, prefix, suffix):
    six = f"{n:06d}"
    ref = f"{prefix}{six}{suffix}"
    message = refusal(ref)
    if _reads_as_date(six):
        assert message is not None and DATE_WORDS in message
    else:
        assert message is None, (ref, message)


DATE_SHAPES = ["%d%m%y", "%y%m%d", "%d%m%Y", "%Y%m%d", "%d-%m-%Y", "%d_%m_%y", "%Y-%m-%d", "%d%b%y", "%d-%b-%Y"]


@settings(max_examples=300, deadline=None)
@given(st.dates(date(1900, 1, 1), date(2099, 12, 31)), st.sampled_from(DATE_SHAPES), st.sampled_from(["", "DOB", "CH-", "R_"]))
def test_every_promised_date_shape_is_refused_after_a_prefix(day, shape, prefix):
    assert DATE_WORDS in (refusal(prefix + day.strftime(shape)) or "accepted")


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 9), st.integers(0, 999_999), st.sampled_from([1, 3, 4, 10]))
def test_six_digits_inside_a_longer_run_of_digits_are_not_a_date(lead, n, extra):
    """Seven digits, or nine and more: no run of exactly six or eight digits, so no date (1050314)."""
    run = f"{lead}{n:06d}" + "7" * (extra - 1)
    assert len(run) in (7, 9, 10, 16)
    assert refusal(f"FSP-{run}") is None


def _saved_under_the_old_rule(engine, user, ref, monkeypatch):
    """An entry saved under `ref` before the six-digit rule existed: the store's save ran the older
    check, which accepted it (simulated by letting the save take the reference as it is)."""
    case, decision = assess([ADDITIONAL])
    with monkeypatch.context() as m:
        m.setattr(A, "validate_case_ref", lambda value: value.upper())
        return A.save_assessment(engine, user, ref, case, decision, now=T0)


def test_a_reference_saved_before_the_rule_still_opens_lists_and_exports(engine, people, monkeypatch):
    pam = people["pam"]
    saved = _saved_under_the_old_rule(engine, pam, "ch-050314", monkeypatch)
    assert refusal("CH-050314")  # the rule today
    assert [e.id for e in A.history(engine, pam, "ch-050314")] == [saved.id]
    assert [s.case_ref for s in A.list_case_refs(engine, pam)] == ["CH-050314"]
    assert A.get_assessment(engine, pam, saved.id).case_ref == "CH-050314"
    doc = json.loads(export_json(engine, pam, "CH-050314", today=lambda entry: None))
    assert doc["case_ref"] == "CH-050314" and len(doc["entries"]) == 1
    rows = list(csv.DictReader(io.StringIO(export_csv(engine, pam, "CH-050314", today=lambda entry: None).lstrip("\ufeff"))))
    assert len(rows) == 1
    o = A.record_override(engine, pam, saved.id, "extensive", "Known to three agencies.")
    assert o.level == "extensive"


def test_saving_again_under_such_a_reference_is_refused_as_new_input(engine, people, monkeypatch):
    pam = people["pam"]
    _saved_under_the_old_rule(engine, pam, "050314", monkeypatch)
    case, decision = assess([ADDITIONAL])
    with pytest.raises(Invalid) as exc:
        A.save_assessment(engine, pam, "050314", case, decision)
    assert exc.value.field == "case_ref" and DATE_WORDS in exc.value.message
    assert len(A.history(engine, pam, "050314")) == 1  # nothing saved is lost, nothing added


@pytest.mark.parametrize("value", ["", "ab", "a b 1", "x" * 33, "a/b1", None])
def test_a_lookup_still_refuses_what_no_reference_could_be(value):
    with pytest.raises(Invalid):
        lookup_case_ref(value)


@pytest.mark.parametrize("yy", range(100))
def test_the_29th_of_february_is_a_date_exactly_in_the_leap_years_of_either_century(yy):
    """mut17 (`_run_is_date` 27, 28: a century shifted by one year): the leap day in six digits, both
    orders, against strptime (the sample above rarely draws 29 February). 290200 is 29/02/2000, a date;
    290231 is no date in 1931, 2031 or as 2029-02-31."""
    for six in (f"2902{yy:02d}", f"{yy:02d}0229"):
        message = refusal(six)
        if _reads_as_date(six):
            assert message is not None and DATE_WORDS in message, six
        else:
            assert message is None, (six, message)


def test_a_lookup_names_the_field_and_the_shape_it_refuses():
    """mut17 (`lookup_case_ref` 5, 6, 9, 10): the refusal points the form at the reference field and says
    the shape (the module's rule: 3-32 characters, letters, digits, '-' or '_')."""
    with pytest.raises(Invalid) as exc:
        lookup_case_ref("a b")
    assert exc.value.field == "case_ref"
    assert exc.value.message == "3-32 characters: letters, digits, '-' or '_' only"


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("", "a case reference is required"),
        (5, "a case reference is required"),
        ("AB 123", "must not contain spaces"),
        ("a@b1", "must not contain '@'"),
        ("ab", "3-32 characters"),
        ("FSP-ABC", "must contain a digit"),
        ("JSMITH1", "no more than 3 letters in a row"),
        ("jsmith1", "no more than 3 letters in a row"),
        ("NG15FS", "looks like a postcode"),
    ],
)
def test_each_refusal_names_the_field_and_says_its_rule(value, says):
    """mut17 (`validate_case_ref`'s older refusals, their field and words untested here): the module's rules,
    each with the form's field (case_ref) and the reason the module's docstring gives (spaces: names and
    addresses; '@': e-mail addresses; letters in a row: a name; a postcode: an address)."""
    with pytest.raises(Invalid) as exc:
        validate_case_ref(value)
    assert exc.value.field == "case_ref" and exc.value.message.startswith(says), exc.value.message


def test_a_reference_accepted_is_given_back_upper_case():
    """mut17 (`validate_case_ref` 71: lower case): the module's rule, 'compared case-insensitively and stored
    upper case', so 'fsp-0012' and 'FSP-0012' are one case."""
    assert validate_case_ref("fsp-0012") == validate_case_ref("FSP-0012") == "FSP-0012"
