"""POST /assess, POST /search, GET /indicators, GET /openapi.json.

Every refusal is 422 {"errors": [{"field", "message"}]} naming the field, never a stack trace.
A case refused only for some answers whose other answers are an immediate referral (p9) is decided
without them, 200, each refused answer named in the decision's `decided_without` (review 12, H2:
rules.evaluate_despite_refusals, the one place that reading lives).
Cases are not logged: they describe a child.
"""

from __future__ import annotations

from flask import current_app, jsonify, request

from pathway.indicator_rows import indicator_rows
from pathway.models import Case, CaseError, FieldError
from pathway.search import SearchRequest
from rules import RulesError, evaluate_despite_refusals
from webapp.access import public
from webapp.api import bp
from webapp.api.openapi import openapi_document


def _refuse(errors: list[FieldError], status: int = 422):
    return jsonify({"errors": [e.model_dump() for e in errors]}), status


@bp.post("/assess")
@public
def assess():
    body = request.get_data(cache=False)
    if not body.strip():
        return _refuse([FieldError(field="(body)", message="send a case as a JSON object")])
    try:
        decision = evaluate_despite_refusals(Case.parse(body), office_hours=current_app.config["OFFICE_HOURS"])
    except CaseError as exc:
        return _refuse(exc.errors)
    except RulesError:
        current_app.logger.exception("rules failed for an API case")
        return _refuse([FieldError(field="(server)", message="internal error in the rules; please report it")], 500)
    return current_app.response_class(decision.model_dump_json(), mimetype="application/json")


@bp.post("/search")
@public
def search():
    """What a caller said -> indicators, best first (a POST: the words stay out of addresses and logs)."""
    body = request.get_data(cache=False)
    if not body.strip():
        return _refuse([FieldError(field="(body)", message='send {"words": "..."} as a JSON object')])
    try:
        rows = SearchRequest.parse(body).run()
    except CaseError as exc:
        return _refuse(exc.errors)
    return jsonify(rows)


@bp.get("/indicators")
@public
def indicators():
    return jsonify(indicator_rows())


@bp.get("/openapi.json")
@public
def openapi():
    return jsonify(openapi_document())
