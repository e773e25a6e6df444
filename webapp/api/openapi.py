"""The OpenAPI 3.1 description: paths written here, schemas generated from the pydantic models
so the document cannot drift from what the API accepts and returns."""

from __future__ import annotations

from functools import cache

from pathway.catalogue import load_catalogue
from pathway.models import Case, Decision, FieldError
from pathway.search import SearchRequest

REF = "#/components/schemas/{model}"


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
    return schemas


def _json(ref: str) -> dict:
    return {"content": {"application/json": {"schema": {"$ref": REF.format(model=ref)}}}}


@cache
def openapi_document() -> dict:
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
                    "requestBody": {"required": True, **_json("Case")},
                    "responses": {
                        "200": {
                            "description": "The decision. Where the case was refused only for some answers (an age band, a "
                            "meaningful age, a parent's band, the pathway's ages, a contradiction) and the answers left are an "
                            "immediate referral (p9), it is decided without them: `decided_without` names each refused answer "
                            "by field, with the refusal's words (empty otherwise)",
                            **_json("Decision"),
                        },
                        "422": {
                            "description": "The case was refused (the answers left without the refused ones are no immediate "
                            "referral); each error names its field",
                            **_json("Errors"),
                        },
                        "413": {"description": "The body is too large"},
                    },
                }
            },
            "/api/v1/search": {
                "post": {
                    "summary": "Find indicators for what a caller said, best first",
                    "description": "The same search as the call screen and `pathway search`: callers' words, typos "
                    "and stems; only indicators the child's age admits. The words are sent in the "
                    "body, never the address, and are not logged.",
                    "requestBody": {"required": True, **_json("SearchRequest")},
                    "responses": {
                        "200": {
                            "description": "Hits, best first (empty when nothing matches)",
                            "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": REF.format(model="SearchHit")}}}},
                        },
                        "422": {"description": "The request was refused; each error names its field", **_json("Errors")},
                        "413": {"description": "The body is too large"},
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
