"""Case references: the user's own label for a child's history, checked so it is not a
name, a date of birth, an e-mail or an address.

The reference sits in the audit log and outlives the answers, so it must carry no personal
details. We cannot recognise every identifier; these rules refuse the usual accidents:
- only letters, digits, '-' and '_', 3-32 characters (so no spaces: no "Jane Smith", no
  "12 Acacia Avenue"; no '@': no e-mail addresses);
- at least one digit, and no more than 3 letters in a row (a reference number such as
  "FSP-0012" or "LCS123456", not a name such as "JSmith1");
- nothing date-like, wherever it stands in the reference (after letters or '-' too):
  05-03-2014, 2014_03_05, 5mar14, and a run of digits with no digit either side that is a
  valid date written without separators: six digits as ddmmyy or yymmdd (050314, 140305,
  DOB050314, CH-050314), eight as ddmmyyyy or yyyymmdd (05032014, 20140305) with a year
  1900-2099. Six or eight digits inside a longer run of digits (1050314) are not a date;
- nothing shaped like a UK postcode (NG15FS, NG1-5FS).
References are compared case-insensitively and stored upper case.

A real reference number can read as a date (about 1 in 16 six-digit numbers reads as ddmmyy or
yymmdd): the check cannot tell it from a date of birth, so it is refused too, and the message
says what to do: if it is the case system's number and not a date of birth, type it with a
hyphen after its third digit (050-314), the same way each time. A letter prefix does not
help (LCS050314 still holds the date).

Only new input is checked (`validate_case_ref`: saving). A reference saved before a rule was
added is read back with `lookup_case_ref`, which checks only its shape, so every entry saved
under it still opens, lists and exports; saving again under it is refused like any new input.
"""

from __future__ import annotations

import re
from datetime import date

from store.errors import Invalid

FIELD = "case_ref"
_SHAPE = re.compile(r"^[A-Za-z0-9_-]{3,32}$")
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_DATE_SEPARATED = [
    re.compile(r"(?<!\d)\d{1,2}[-_]\d{1,2}[-_](\d{2}|\d{4})(?!\d)"),
    re.compile(r"(?<!\d)\d{4}[-_]\d{1,2}[-_]\d{1,2}(?!\d)"),
    re.compile(rf"(?<!\d)\d{{1,2}}[-_]?({_MONTHS})[-_]?(\d{{2}}|\d{{4}})(?!\d)", re.I),
]
_DIGIT_RUN = re.compile(r"(?<!\d)(\d{6}|\d{8})(?!\d)")  # six or eight digits, no digit either side
_POSTCODE = re.compile(r"(?<![A-Z])[A-Z]{1,2}\d[A-Z\d]?[-_]?\d[A-Z]{2}(?![A-Z])", re.I)


def _valid_date(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return 1900 <= y <= 2099


def _run_is_date(run: str) -> bool:
    """A date of birth typed without separators: six digits as ddmmyy or yymmdd (either century),
    eight as ddmmyyyy or yyyymmdd with a plausible year."""
    if len(run) == 6:
        first, mm, last = int(run[:2]), int(run[2:4]), int(run[4:])
        return any(_valid_date(century + last, mm, first) or _valid_date(century + first, mm, last) for century in (1900, 2000))
    return _valid_date(int(run[4:]), int(run[2:4]), int(run[:2])) or _valid_date(int(run[:4]), int(run[4:6]), int(run[6:]))


DATE_ADVICE = (
    "looks like a date: dates of birth are not allowed in a reference. If it is your case system's number "
    "and not a date of birth, type it with a hyphen after its third digit (for example 050-314), the same way each time"
)


def _shaped(value) -> str:
    """The value, where it has a reference's shape (3-32 letters, digits, '-' or '_'); Invalid naming
    `case_ref` otherwise. The one shape check of both saving and looking up."""
    if not isinstance(value, str) or not _SHAPE.match(value):
        raise Invalid(FIELD, "3-32 characters: letters, digits, '-' or '_' only")
    return value


def lookup_case_ref(value) -> str:
    """A reference to look up what is already saved (its history, exports): only its shape is
    checked, never the rules for new input, so a reference saved before a rule was added still
    opens. Invalid (naming `case_ref`) for a value no reference could have."""
    return _shaped(value).upper()


def validate_case_ref(value) -> str:
    """The normalised reference (upper case), or Invalid naming `case_ref` and saying why."""
    if not isinstance(value, str) or not value:
        raise Invalid(FIELD, "a case reference is required")
    if any(ch.isspace() for ch in value):
        raise Invalid(FIELD, "must not contain spaces (names and addresses are not allowed)")
    if "@" in value:
        raise Invalid(FIELD, "must not contain '@' (e-mail addresses are not allowed)")
    _shaped(value)  # after the checks above, whose words are clearer for a space or an '@'
    if not any(ch.isdigit() for ch in value):
        raise Invalid(FIELD, "must contain a digit: use a reference number, not a name")
    if re.search(r"[A-Za-z]{4,}", value):
        raise Invalid(FIELD, "no more than 3 letters in a row: use a reference number, not a name")
    if any(p.search(value) for p in _DATE_SEPARATED) or any(_run_is_date(m.group()) for m in _DIGIT_RUN.finditer(value)):
        raise Invalid(FIELD, DATE_ADVICE)
    if _POSTCODE.search(value):
        raise Invalid(FIELD, "looks like a postcode: addresses are not allowed in a reference")
    return value.upper()
