"""Case references: the user's own label for a child's history, checked so it is not a
name, a date of birth, an e-mail or an address.

The reference sits in the audit log and outlives the answers, so it must carry no personal
details. We cannot recognise every identifier; these rules refuse the usual accidents:
- only letters, digits, '-' and '_', 3-32 characters (so no spaces: no "Jane Smith", no
  "12 Acacia Avenue"; no '@': no e-mail addresses);
- at least one digit, and no more than 3 letters in a row (a reference number such as
  "FSP-0012" or "LCS123456", not a name such as "JSmith1");
- nothing date-like: 05-03-2014, 2014_03_05, 05032014, 20140305, 5mar14;
- nothing shaped like a UK postcode (NG15FS, NG1-5FS).
References are compared case-insensitively and stored upper case.
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
_EIGHT_DIGITS = re.compile(r"(?<!\d)\d{8}(?!\d)")
_POSTCODE = re.compile(r"(?<![A-Z])[A-Z]{1,2}\d[A-Z\d]?[-_]?\d[A-Z]{2}(?![A-Z])", re.I)


def _valid_date(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return 1900 <= y <= 2099


def _eight_digits_is_date(run: str) -> bool:
    """ddmmyyyy or yyyymmdd with a plausible year: a date of birth typed without separators."""
    return _valid_date(int(run[4:]), int(run[2:4]), int(run[:2])) or _valid_date(int(run[:4]), int(run[4:6]), int(run[6:]))


def validate_case_ref(value) -> str:
    """The normalised reference (upper case), or Invalid naming `case_ref` and saying why."""
    if not isinstance(value, str) or not value:
        raise Invalid(FIELD, "a case reference is required")
    if any(ch.isspace() for ch in value):
        raise Invalid(FIELD, "must not contain spaces (names and addresses are not allowed)")
    if "@" in value:
        raise Invalid(FIELD, "must not contain '@' (e-mail addresses are not allowed)")
    if not _SHAPE.match(value):
        raise Invalid(FIELD, "3-32 characters: letters, digits, '-' or '_' only")
    if not any(ch.isdigit() for ch in value):
        raise Invalid(FIELD, "must contain a digit: use a reference number, not a name")
    if re.search(r"[A-Za-z]{4,}", value):
        raise Invalid(FIELD, "no more than 3 letters in a row: use a reference number, not a name")
    if any(p.search(value) for p in _DATE_SEPARATED) or any(_eight_digits_is_date(m.group()) for m in _EIGHT_DIGITS.finditer(value)):
        raise Invalid(FIELD, "looks like a date: dates of birth are not allowed in a reference")
    if _POSTCODE.search(value):
        raise Invalid(FIELD, "looks like a postcode: addresses are not allowed in a reference")
    return value.upper()
