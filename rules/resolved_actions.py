"""A level's actions worded for what the case already says (the catalogue's `resolved_actions`):
the first entry whose `action` starts a level's action and whose `when` holds gives the words
instead; an entry with no `text` leaves the action out (other guidance says what follows).

`evaluate()` applies it, so the API, the command line, the web page, a saved entry and the
written referral all give the same actions. The catalogue says which action is worded how; this
says how each `when` is read from the answers.
"""

from __future__ import annotations

from typing import Callable

from pathway.catalogue import Catalogue
from pathway.models import Case
from rules.facts import route_disability
from rules.guidance import NOT_CAF_TRAINED

_CAF_OPEN = ("open_improving", "open_not_improving")


def _disability(c: Case, cat: Catalogue) -> str:
    """The disability the route reads (rules/facts.py route_disability: an unborn baby's as uncertain).
    A saved entry's needs are read as far as today's catalogue has them (webapp/journey/present.py)."""
    return route_disability(c, [cat.indicator(i) for i in c.indicators if cat.has_indicator(i)], cat)


WHEN: dict[str, Callable[[Case, Catalogue], bool]] = {
    "caf_open": lambda c, cat: c.context.caf in _CAF_OPEN,
    # not answered for a family supported at the CAF threshold: taken as open (catalogue caf_from_current_level)
    "no_caf_open": lambda c, cat: c.context.caf not in _CAF_OPEN and not cat.caf_from_current_level.read_from_level(c.context),
    "caf_read_from_current_level": lambda c, cat: cat.caf_from_current_level.read_from_level(c.context),
    "consent_refused": lambda c, cat: c.context.consent_to_early_help is False,
    # consent refused and no CAF open: nothing for the CAF's escalation to fail (review 10, H5)
    "consent_refused_no_caf": lambda c, cat: c.context.consent_to_early_help is False and c.context.caf not in _CAF_OPEN,
    "caf_not_improving": lambda c, cat: c.context.caf == "open_not_improving",
    # as guidance.not_caf_trained reads the caller: a parent, carer or member of the public
    "not_caf_trained": lambda c, cat: c.context.caller in NOT_CAF_TRAINED,
    # open to Children's Social Care: answered, or read from the current level (catalogue open_from_current_level)
    "open_case": lambda c, cat: cat.open_from_current_level.is_open(c.context),
    # open, and asked about by a professional or a caller not said (the route is those holding the case)
    "open_case_professional": lambda c, cat: cat.open_from_current_level.is_open(c.context) and c.context.caller not in NOT_CAF_TRAINED,
    # open, and asked about by a caller not CAF trained (the route is Children and Families Direct, p4; review 7, F2)
    "open_case_not_caf_trained": lambda c, cat: cat.open_from_current_level.is_open(c.context) and c.context.caller in NOT_CAF_TRAINED,
    # the same professional's open child with a CAF said not improving (rules15)
    "open_case_caf_not_improving": lambda c, cat: WHEN["open_case_professional"](c, cat) and c.context.caf == "open_not_improving",
    # supported now at Child in Need or Protection (context.current_level; review 7, F9)
    "supported_at_social_care": lambda c, cat: c.context.current_level is not None and c.context.current_level.rank >= 4,
    # Appendix 3's (p37) Duty-team cases of a disabled child, read as the route reads them (review 11, H1);
    # an open child's entries come first in the catalogue (the route is those holding the case)
    "disabled_large_sibling_group": lambda c, cat: _disability(c, cat) == "substantial_lifelong" and bool(c.context.large_sibling_group),
    "disability_uncertain": lambda c, cat: _disability(c, cat) == "uncertain",
    "disability_mild_moderate": lambda c, cat: _disability(c, cat) == "mild_moderate",
    # a young person past the children's ages, covered only as a care leaver (review 8, F1)
    "beyond_childhood": lambda c, cat: cat.beyond_childhood(c.child.age_in_months),
    # a young person of 18 or 19 (review 16, M2: interpretations.protection_young_adult)
    "young_adult": lambda c, cat: cat.young_adult(c.child.unborn, c.child.age_in_months),
}


def resolve(actions: list[str], case: Case, catalogue: Catalogue) -> list[str]:
    """The actions, each worded for the answers already given. Applying it twice changes nothing
    (no resolved text starts a level's action), so a decision saved before this moved into the
    rules reads the same when shown again."""
    width, by_opening = catalogue.derived("_resolved_actions_by_opening", lambda: _by_opening(catalogue))
    out = []
    for action in actions:
        entries = by_opening.get(action[:width], ())  # only these can start it: the others' openings differ
        rule = next((r for r in entries if action.startswith(r.action) and WHEN[r.when](case, catalogue)), None)
        if rule is None:
            out.append(action)
        elif rule.text:
            out.append(rule.text)
    return out


def _by_opening(catalogue: Catalogue) -> tuple[int, dict[str, tuple]]:
    """The catalogue's entries by their first `width` characters (the shortest entry's length), each
    group in the catalogue's order: an action an entry starts begins with that entry's opening, so
    the first entry that applies is the first of its group that does (once per catalogue, issue 17;
    every entry was tried on every action)."""
    resolved = catalogue.resolved_actions
    width = min((len(r.action) for r in resolved), default=0)
    groups: dict[str, list] = {}
    for r in resolved:
        groups.setdefault(r.action[:width], []).append(r)
    return width, {k: tuple(v) for k, v in groups.items()}
