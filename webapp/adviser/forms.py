"""What the call screen's one form posts, read into the call's answers, and the checks on them.

The screen is a single form whose every button saves every field (so no answer is lost whichever
button the adviser uses); `read` takes what was posted, `check` says what is wrong with the saved
answers in GOV.UK's words. Indicator ids are only accepted if the catalogue has them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from pathway import written_text
from pathway.call_summary import MAX_NOTE
from pathway.catalogue import load_catalogue
from pathway.choices import CafStatus, Caller, Disability
from pathway.levels import Level

# (value, label) from the contract's own labels (pathway/choices.py), in the screen's order
CALLERS = [(c.value, c.label) for c in (Caller.PARENT_CARER, Caller.PROFESSIONAL, Caller.PUBLIC)]
CAF = [(c.value, c.label) for c in CafStatus]
# the optional questions the route and guidance depend on (issue 14); values are the case's own
SOCIAL_CARE = [("yes", "Yes, open to social care"), ("no", "No")]
DISABILITY = [(d.value, d.label) for d in Disability]
CONSENT = [("yes", "Yes, they agree to early help"), ("no", "No")]
# asked as the journey asks them (issue 11, items 5 and 7): the large-sibling-group exception for a
# disabled child (Appendix 3, p37) and the Child in Need test (p4)
SIBLINGS = [("yes", "Yes, part of a large sibling group"), ("no", "No")]
CIN_TEST = [("yes", "Yes"), ("no", "No")]
CURRENT_LEVEL = [(lv.value, lv.label) for lv in Level]
MAX_QUERY = 200
# the screen's free-text fields as it labels them (the page and the too-large page use these)
SEARCH_LABEL = "Search for a concern"
NOTE_LABEL = "Adviser note (optional)"
# the button that says the p9 questions were asked again, after the call lost a p9 concern (call._gone)
P9_ASKED = "p9_asked"


@dataclass
class Posted:
    """One POST of the call form: the answers plus the button that was used."""

    immediate: list[str]
    age_years: str
    age_months: str
    unborn: bool
    caller: str
    caf: str
    note: str
    q: str
    social_care: str = ""
    disability: str = ""
    consent: str = ""
    current_level: str = ""
    siblings: str = ""
    cin_test: str = ""
    add: Optional[str] = None
    remove: Optional[str] = None
    action: str = "update"
    rev: Optional[int] = None  # the version of the call the page showed; None: not sent


@dataclass
class Age:
    unborn: bool = False
    months: Optional[int] = None  # None: not given (or not valid)
    errors: list[tuple[str, str]] = field(default_factory=list)
    months_given: bool = True  # the months answered: "13 years" alone is 13 to 14 (Child.months_given, review 12 H3)

    @property
    def given(self) -> bool:
        return self.unborn or self.months is not None

    def child(self) -> dict:
        if self.unborn:
            return {"unborn": True}
        if self.months is None:
            return {}
        if not self.months_given:  # left blank: not 0 months (review 13 surfaces, X5)
            return {"age_years": self.months // 12}
        return {"age_years": self.months // 12, "age_months": self.months % 12}


def _known(value: str, allowed) -> str:
    return value if value in {v for v, _ in allowed} else ""


def read(form) -> Posted:
    """The posted fields; unknown ids and values are dropped (they cannot come from this page). What
    is typed (the age, the note, the search words) is kept as typed and checked in `check`."""
    catalogue = load_catalogue()
    immediate = [i for i in dict.fromkeys(form.getlist("immediate")) if catalogue.has_indicator(i) and catalogue.indicator(i).immediate]
    add = form.get("add") or None
    remove = form.get("remove") or None
    return Posted(
        immediate=immediate,
        age_years=(form.get("age_years") or "").strip(),
        age_months=(form.get("age_months") or "").strip(),
        unborn=form.get("unborn") == "yes",
        caller=_known(form.get("caller") or "", CALLERS),
        caf=_known(form.get("caf") or "", CAF),
        social_care=_known(form.get("social_care") or "", SOCIAL_CARE),
        disability=_known(form.get("disability") or "", DISABILITY),
        consent=_known(form.get("consent") or "", CONSENT),
        current_level=_known(form.get("current_level") or "", CURRENT_LEVEL),
        siblings=_known(form.get("siblings") or "", SIBLINGS),
        cin_test=_known(form.get("cin_test") or "", CIN_TEST),
        # kept whole, however long (the request's size limit bounds them), and shown back with their
        # error: nothing typed is cut before it is checked (review 9 surfaces, V2)
        note=written_text.or_empty(form.get("note")),  # nothing visible is no note (review 19 surfaces, S4)
        q=written_text.or_empty(form.get("q")),
        add=add if add and catalogue.has_indicator(add) else None,
        remove=remove if remove and catalogue.has_indicator(remove) else None,
        action=form.get("action") if form.get("action") in {"search", "update", P9_ASKED} else "update",
        rev=int(form["rev"]) if re.fullmatch(r"[0-9]{1,9}", form.get("rev") or "") else None,
    )


# A whole number of years said with a word for years ("8 years", "8yrs", "8 yrs old"): what the adviser meant is
# the number (review 25 surfaces, R4). Only years, only a whole number: "8 months", "2 and a half", "eight" stay refused.
YEARS_SAID = re.compile(r"([0-9]{1,3}) ?(?:years?|yrs?)(?: old)?", re.IGNORECASE)
# beside the rows when the age was refused: the search is for any age, said (review 25 surfaces, R4)
ANY_AGE = "These are for any age: the age given could not be read."


def years_typed(raw: str) -> str:
    """The years box as typed, with a word for years taken off a whole number ("8 years" is "8"); else as typed."""
    said = YEARS_SAID.fullmatch(" ".join(raw.split()))
    return said.group(1) if said else raw


def age(years: str, months: str, unborn: bool) -> Age:
    """The child's age from the raw fields; an invalid age counts as not given, with its error."""
    years, months = years_typed((years or "").strip()), (months or "").strip()
    if unborn:
        if years or months:
            return Age(errors=[("age_years", "Leave the age blank for an unborn child, or untick ‘Unborn’")])
        return Age(unborn=True)
    errors = []
    for raw, name, high in ((years, "years", load_catalogue().age.care_leaver_max_years), (months, "months", 11)):
        if raw and not re.fullmatch(r"[0-9]{1,3}", raw):
            errors.append((f"age_{name}", f"Enter the child's age in {name} as a whole number, like 4"))
        elif raw and int(raw) > high:
            errors.append((f"age_{name}", f"Age in {name} must be between 0 and {high}"))
    if months and not years and not errors:
        errors.append(("age_years", "Enter the child's age in years (0 for a baby), as well as months"))
    if errors:
        return Age(errors=errors)
    if not years:
        return Age()
    return Age(months=int(years) * 12 + int(months or 0), months_given=bool(months))


QUERY_TOO_LONG = f"Search words must be {MAX_QUERY} characters or fewer: shorten them to search, keeping any immediate concern in them"


def query_fits(q: str) -> bool:
    return len(q) <= MAX_QUERY


def query_errors(q: str) -> list[tuple[str, str]]:
    if not query_fits(q):
        return [("q", QUERY_TOO_LONG)]
    message = written_text.fault(q, "Search words")  # the one rule for free text (review 18 surfaces, S1)
    return [("q", message)] if message else []


def note_errors(note: str) -> list[tuple[str, str]]:
    if len(note.replace("\r\n", "\n").strip()) > MAX_NOTE:
        return [("note", f"The note must be {MAX_NOTE:,} characters or fewer")]
    message = written_text.fault(note, "Adviser note")  # the one rule for free text (review 18 surfaces, S1)
    return [("note", message)] if message else []
