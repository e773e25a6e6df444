"""The assessment in the server-side session, as the result page shows it: the same answers,
the same case-building (webapp.journey.answers) and the same rules.evaluate."""

from __future__ import annotations

from flask import abort, current_app

from pathway.models import Case, CaseError, Decision
from rules import RulesError, evaluate
from webapp.journey import answers


def assessment_in_session() -> tuple[Case, Decision] | None:
    """(case, decision) for the answers in the session, or None if there is no result yet: the
    case the result page decides (answers.case), never a part of it. Review 7 (surfaces), F1: a
    ring-now journey once saved only its safety-page answers, after the child's details were given,
    so the saved entry rang a different team than the result page had."""
    given = answers.get()
    if not answers.has_result(given):
        return None
    try:
        case = answers.case(given)
        return case, evaluate(case, office_hours=current_app.config["OFFICE_HOURS"])
    except CaseError:
        return None
    except RulesError:
        current_app.logger.exception("rules failed for a case being saved")
        abort(500)
