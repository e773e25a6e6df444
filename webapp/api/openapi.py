"""The OpenAPI 3.1 description: paths written here, schemas generated from the pydantic models
so the document cannot drift from what the API accepts and returns."""

from __future__ import annotations

import json
from functools import cache

from pathway.catalogue import load_catalogue
from pathway.models import Case, CaseError, Decision, FieldError
from pathway.search import SearchRequest
from pathway.settings import OfficeHours

REF = "#/components/schemas/{model}"

# Request examples (review 12 surfaces, W5). Each answer is worked out when the document is first
# built, from the same code the endpoint runs, so it never goes stale (the ruleset string included);
# tests/webapp/test_openapi_examples.py posts each request to the API and compares the answers.
IN_HOURS = "2026-11-24T10:30:00+00:00"  # a Tuesday morning: in the default office hours
ASSESS_EXAMPLES = {
    "worked_example": (
        "The contract's worked example (docs/contract.md): a CAF not improving at Extensive",
        {
            "child": {"age_years": 7},
            "indicators": ["extensive.persistent_absenteeism_school_without", "additional.lack_routine"],
            "context": {
                "caf": "open_not_improving",
                "consent_to_early_help": True,
                "current_level": "extensive",
                "contact_time": IN_HOURS,
                "caller": "professional",
            },
        },
    ),
    "immediate_referral": (
        "An immediate-referral criterion (p9): whom to ring now",
        {"child": {"age_years": 1}, "indicators": ["immediate.unexplained_bruising_under_2"], "context": {"contact_time": IN_HOURS}},
    ),
    "refused": ("An indicator the catalogue does not have: refused, naming the field", {"indicators": ["not.an.indicator"]}),
}
SEARCH_EXAMPLES = {
    "left_alone": ("A caller's words for a child of 4", {"words": "left alone", "age_months": 48, "limit": 3}),
    "refused": ("No words: refused, naming the field", {"words": ""}),
    "with_note": (
        "A child looked after now, with the note the call screen says beside its rows",
        {"words": "she is in foster care", "with_note": True},
    ),
}
# the search's answer to "left_alone" (id, score): building the search index to work it out would
# cost the first request for this document seconds, so it is kept here and the test checks it
SEARCH_ANSWER = [("immediate.home_alone_5_and_under", 1.0), ("immediate.home_alone_at_risk", 0.1358), ("extensive.socially_excluded_isolated", 0.0526)]


def _example(summary: str, value) -> dict:
    return {"summary": summary, "value": value}


def _errors(exc: CaseError) -> dict:
    return {"errors": [e.model_dump() for e in exc.errors]}  # webapp.api.views._refuse's body


def _assess_examples() -> tuple[dict, dict, dict]:
    """The request examples, and the 200 and 422 answers by the same names (default office hours)."""
    from rules import evaluate_despite_refusals  # what the API itself decides with (review 12, H2)

    requests, decided, refused = {}, {}, {}
    for name, (summary, value) in ASSESS_EXAMPLES.items():
        requests[name] = _example(summary, value)
        try:
            decision = evaluate_despite_refusals(Case.parse(json.dumps(value)), office_hours=OfficeHours())
        except CaseError as exc:
            refused[name] = _example(summary, _errors(exc))
        else:
            decided[name] = _example(summary, json.loads(decision.model_dump_json()))
    return requests, decided, refused


def _search_examples() -> tuple[dict, dict, dict]:
    catalogue = load_catalogue()
    requests, found, refused = {}, {}, {}
    for name, (summary, value) in SEARCH_EXAMPLES.items():
        requests[name] = _example(summary, value)
        try:
            SearchRequest.parse(json.dumps(value))
        except CaseError as exc:
            refused[name] = _example(summary, _errors(exc))
    found["left_alone"] = _example(
        SEARCH_EXAMPLES["left_alone"][0],
        [
            {"id": ind.id, "text": ind.text, "level": ind.level.value, "immediate": ind.immediate, "score": s}
            for ind, s in ((catalogue.indicator(i), s) for i, s in SEARCH_ANSWER)
        ],
    )
    # the document has no row for a child looked after now, so the words find none (search14b): the note says why
    found["with_note"] = _example(SEARCH_EXAMPLES["with_note"][0], {"hits": [], "note": catalogue.surfaces.child_in_care_search.text})
    return requests, found, refused


def _with_examples(content: dict, examples: dict) -> dict:
    media = dict(content["content"]["application/json"])
    return {"content": {"application/json": {**media, "examples": examples}}}


def _schemas() -> dict:
    schemas: dict = {}
    for model in (Case, Decision, FieldError, SearchRequest):
        schema = model.model_json_schema(ref_template=REF)
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    # the contract accepts only the catalogue's ids: say so, rather than "any string"
    schemas["Case"]["properties"]["indicators"]["items"] = {"type": "string", "enum": [i.id for i in load_catalogue().indicators]}
    schemas["Errors"] = {
        "type": "object",
        "required": ["errors"],
        "properties": {"errors": {"type": "array", "items": {"$ref": REF.format(model="FieldError")}}},
    }
    schemas["IndicatorRow"] = {
        "type": "object",
        "required": ["id", "text", "level", "domain", "dimension", "source", "immediate", "age_band", "hint", "same_words_as", "keywords"],
        "properties": {
            "id": {"type": "string"},
            "text": {"type": "string"},
            "level": {"type": "string"},
            "domain": {"type": ["string", "null"]},
            "dimension": {"type": ["string", "null"]},
            "source": {"type": "string"},
            "immediate": {"type": "boolean"},
            "age_band": {"type": ["string", "null"]},
            "hint": {"type": ["string", "null"]},
            "same_words_as": {"type": "array", "items": {"type": "string"}},
            "keywords": {"type": "array", "items": {"type": "string"}},
        },
    }
    schemas["SearchHit"] = {
        "type": "object",
        "required": ["id", "text", "level", "immediate", "score"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string"},
            "text": {"type": "string"},
            "level": {"type": "string"},
            "immediate": {"type": "boolean"},
            "score": {"type": "number"},
        },
    }
    schemas["SearchAnswer"] = {
        "type": "object",
        "required": ["hits", "note"],
        "additionalProperties": False,
        "properties": {
            "hits": {"type": "array", "items": {"$ref": REF.format(model="SearchHit")}},
            "note": {"type": ["string", "null"]},
        },
    }
    return schemas


def _json(ref: str) -> dict:
    return {"content": {"application/json": {"schema": {"$ref": REF.format(model=ref)}}}}


_NOT_JSON = {
    "description": "The body was not sent as JSON: the `Content-Type` header must be `application/json`, with or without "
    "`; charset=utf-8` (an `application/*+json` type, another charset, a form or none is refused, naming the header)",
    **_json("Errors"),
}


@cache
def openapi_document() -> dict:
    assess_requests, decided, assess_refused = _assess_examples()
    search_requests, found, search_refused = _search_examples()
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Family Support Pathway decision support API",
            "version": "1",
            "description": f"Levels of need from the Nottingham Family Support Pathway (ruleset {load_catalogue().version}). "
            "Supports, and does not replace, professional judgement.",
        },
        "paths": {
            "/api/v1/assess": {
                "post": {
                    "summary": "Decide the level of support for a case",
                    "description": "The examples' answers are decided with the default office hours (Monday to Friday, 08:30 to 17:00, "
                    "Europe/London); a deployment's own hours change the route words and assumptions out of hours.",
                    "requestBody": {"required": True, **_with_examples(_json("Case"), assess_requests)},
                    "responses": {
                        "200": {
                            "description": "The decision. Where the case was refused only for some answers (an age band, a "
                            "meaningful age, a parent's band, the pathway's ages, a contradiction) and the answers left are an "
                            "immediate referral (p9), it is decided without them: `decided_without` names each refused answer "
                            "by field, with the refusal's words (empty otherwise)",
                            **_with_examples(_json("Decision"), decided),
                        },
                        "422": {
                            "description": "The case was refused (the answers left without the refused ones are no immediate "
                            "referral); each error names its field",
                            **_with_examples(_json("Errors"), assess_refused),
                        },
                        "413": {"description": "The body is too large"},
                        "415": _NOT_JSON,
                    },
                }
            },
            "/api/v1/search": {
                "post": {
                    "summary": "Find indicators for what a caller said, best first",
                    "description": "The same search as the call screen and `pathway search`: callers' words, typos "
                    "and stems; only indicators the child's age admits. The words are read as the call screen reads them (the "
                    "last word as one that may still be being typed) unless `finished` is true (the last word as said). The words are sent in the "
                    "body, never the address, and are not logged. Words carrying a control character other than tab and "
                    "line breaks, or a direction override or isolate (U+202A-U+202E, U+2066-U+2069), are refused naming `words`.",
                    "requestBody": {"required": True, **_with_examples(_json("SearchRequest"), search_requests)},
                    "responses": {
                        "200": {
                            "description": "Hits, best first (empty when nothing matches); with `with_note`, an object: the hits "
                            "and what the call screen says beside them (this tool's reading where the words name a child looked "
                            "after now or refuse the CAF or early help; null otherwise)",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "oneOf": [
                                            {"type": "array", "items": {"$ref": REF.format(model="SearchHit")}},
                                            {"$ref": REF.format(model="SearchAnswer")},
                                        ]
                                    },
                                    "examples": found,
                                }
                            },
                        },
                        "422": {"description": "The request was refused; each error names its field", **_with_examples(_json("Errors"), search_refused)},
                        "413": {"description": "The body is too large"},
                        "415": _NOT_JSON,
                    },
                }
            },
            "/api/v1/indicators": {
                "get": {
                    "summary": "The threshold document's indicators",
                    "responses": {
                        "200": {
                            "description": "All indicators",
                            "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": REF.format(model="IndicatorRow")}}}},
                        }
                    },
                }
            },
            "/api/v1/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1"}}}},
        },
        "components": {"schemas": _schemas()},
    }
