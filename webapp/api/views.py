"""POST /assess, POST /search, GET /indicators, GET /openapi.json.

Every refusal is 422 {"errors": [{"field", "message"}]} naming the field, never a stack trace; a body
sent as anything but JSON is 415 in the same shape, naming the `Content-Type` header (review 19 surfaces).
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


JSON_TYPE = "application/json"
_SAID_TOO_LONG = 80  # a sent header's words, at most, in the refusal


@bp.before_request
def _json_bodies_only():
    """A body the API reads must be sent as JSON: `Content-Type: application/json`, with or without
    `; charset=utf-8` (JSON is UTF-8, RFC 8259). Anything else, none included, is 415 before the body is
    read: a form post, `text/plain` or XML was decided as JSON whatever its sender meant (review 19
    surfaces). `application/*+json` is refused too: such a type names its own format (a problem report,
    a merge patch), which is not a case; the OpenAPI document declares `application/json` only."""
    if request.method not in ("POST", "PUT", "PATCH"):
        return None
    charset = request.mimetype_params.get("charset")
    if request.mimetype == JSON_TYPE and (charset is None or charset.lower() == "utf-8"):
        return None
    sent = request.headers.get("Content-Type", "").strip()
    said = f"{sent[:_SAID_TOO_LONG]!r} was sent" if sent else "none was sent"
    message = f"send the body as JSON, with the header Content-Type: {JSON_TYPE} (or {JSON_TYPE}; charset=utf-8); {said}"
    body, status = _refuse([FieldError(field="Content-Type", message=message)], 415)
    return body, status, {"Accept-Post": f"{JSON_TYPE}; charset=utf-8"}


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
        answer = SearchRequest.parse(body).answer()  # read whole only with `finished: true`; the note with `with_note` (review 25)
    except CaseError as exc:
        return _refuse(exc.errors)
    return jsonify(answer)


@bp.get("/indicators")
@public
def indicators():
    return jsonify(indicator_rows())


@bp.get("/openapi.json")
@public
def openapi():
    return jsonify(openapi_document())
