"""An OpenAPI 3 description of the Open311 GeoReport v2 endpoints, served at
/open311/v2/openapi.json for integrators and used by the API fuzz test (tests/api_fuzz).

Written by hand because the endpoints are plain Django views (GeoReport fixes their shapes,
form-encoded POST included); keep it in step with `open311.py`.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

JSON = "application/json"
ERRORS = {"$ref": "#/components/schemas/Errors"}
ID_PATTERN = "^[0-9]{1,18}$"


def _errors(description: str) -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": ERRORS}}}


def _ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": schema}}}


def _query(name: str, description: str, **schema: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "string", **schema},
    }


JURISDICTION = _query(
    "jurisdiction_id", "The city's Open311 id; may be left out when the server has one city"
)
NOT_FOUND = _errors("Unknown jurisdiction, service, request or address")
BAD_REQUEST = _errors("A parameter is missing or malformed")

NULLABLE_STRING = {"type": ["string", "null"]}
SERVICE = {
    "type": "object",
    "required": ["service_code", "service_name", "metadata", "type"],
    "properties": {
        "service_code": {"type": "string"},
        "service_name": {"type": "string"},
        "description": {"type": "string"},
        "metadata": {"type": "boolean"},
        "type": {"type": "string", "enum": ["realtime", "batch", "blackbox"]},
        "keywords": {"type": "string"},
        "group": {"type": "string"},
    },
}
SERVICE_REQUEST = {
    "type": "object",
    "description": "A message not published by staff carries no description, place or photo.",
    "required": [
        "service_request_id",
        "status",
        "service_code",
        "service_name",
        "agency_responsible",
        "requested_datetime",
        "updated_datetime",
        "expected_datetime",
    ],
    "properties": {
        "service_request_id": {"type": "string", "pattern": ID_PATTERN},
        "status": {"type": "string", "enum": ["open", "closed"]},
        "status_notes": NULLABLE_STRING,
        "service_code": {"type": "string"},
        "service_name": {"type": "string"},
        "description": {"type": "string"},
        "agency_responsible": {"type": "string"},
        "service_notice": {"type": "string"},
        "requested_datetime": {"type": "string", "format": "date-time"},
        "updated_datetime": {"type": "string", "format": "date-time"},
        "expected_datetime": {"type": ["string", "null"], "format": "date-time"},
        "address": {"type": "string"},
        "lat": {"type": ["number", "null"]},
        "long": {"type": ["number", "null"]},
        "media_url": {"type": ["string", "null"], "format": "uri"},
    },
}
NEW_REQUEST = {
    "type": "object",
    "required": ["api_key", "service_code"],
    "description": "lat and long, or address_string, are required.",
    "properties": {
        "api_key": {"type": "string"},
        "jurisdiction_id": {"type": "string"},
        "service_code": {"type": "string"},
        "lat": {"type": "string", "description": "Decimal degrees, WGS84"},
        "long": {"type": "string", "description": "Decimal degrees, WGS84"},
        "address_string": {"type": "string"},
        "email": {"type": "string"},
        "device_id": {"type": "string", "description": "Ignored"},
        "account_id": {"type": "string", "description": "Ignored"},
        "first_name": {"type": "string"},
        "last_name": {"type": "string"},
        "phone": {"type": "string", "maxLength": 20},
        "description": {"type": "string"},
        "media_url": {"type": "string", "description": "Ignored: the server fetches nothing"},
    },
}
CREATED = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["service_request_id", "service_notice", "account_id"],
        "properties": {
            "service_request_id": {"type": "string", "pattern": ID_PATTERN},
            "service_notice": {"type": "string"},
            "account_id": {"type": "null"},
        },
    },
}

DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "Lämpiö Open311 GeoReport v2",
        "version": "2",
        "description": "Resident feedback as Open311 GeoReport v2 (JSON only). Texts follow "
        "Accept-Language (fi, sv, en; English without one). Errors are the spec's list of "
        "`{code, description}`.",
    },
    "servers": [{"url": "/open311/v2"}],
    "paths": {
        "/services.json": {
            "get": {
                "operationId": "services",
                "summary": "The services (feedback categories) of a jurisdiction",
                "parameters": [JURISDICTION],
                "responses": {
                    "200": _ok("The services", {"type": "array", "items": SERVICE}),
                    "400": BAD_REQUEST,
                    "404": NOT_FOUND,
                },
            }
        },
        "/services/{service_code}.json": {
            "get": {
                "operationId": "service_definition",
                "summary": "A service's definition (no extra attributes)",
                "parameters": [
                    {
                        "name": "service_code",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    JURISDICTION,
                ],
                "responses": {
                    "200": _ok(
                        "The definition",
                        {
                            "type": "object",
                            "required": ["service_code", "attributes"],
                            "properties": {
                                "service_code": {"type": "string"},
                                "attributes": {"type": "array", "maxItems": 0},
                            },
                        },
                    ),
                    "400": BAD_REQUEST,
                    "404": NOT_FOUND,
                },
            }
        },
        "/requests.json": {
            "get": {
                "operationId": "requests",
                "summary": "Published requests, newest first (90 days by default, at most 1000)",
                "parameters": [
                    JURISDICTION,
                    _query("service_request_id", "Comma-separated ids (then any other is ignored)"),
                    _query("service_code", "Comma-separated service codes"),
                    _query("start_date", "ISO 8601 with offset", format="date-time"),
                    _query(
                        "end_date",
                        "ISO 8601 with offset; at most 90 days after start_date",
                        format="date-time",
                    ),
                    _query("status", "open, closed or both comma-separated"),
                ],
                "responses": {
                    "200": _ok("The requests", {"type": "array", "items": SERVICE_REQUEST}),
                    "400": BAD_REQUEST,
                    "404": NOT_FOUND,
                },
            },
            "post": {
                "operationId": "create_request",
                "summary": "Send a request (feedback) with a client's api_key",
                "requestBody": {
                    "required": True,
                    "content": {"application/x-www-form-urlencoded": {"schema": NEW_REQUEST}},
                },
                "responses": {
                    "201": _ok("Received", CREATED),
                    "400": BAD_REQUEST,
                    "403": _errors("The api_key is missing, wrong or not for this jurisdiction"),
                    "404": NOT_FOUND,
                    "429": _errors("Too many requests from this address or key"),
                },
            },
        },
        "/requests/{service_request_id}.json": {
            "get": {
                "operationId": "request",
                "summary": "One request by its id",
                "parameters": [
                    {
                        "name": "service_request_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string", "pattern": ID_PATTERN},
                    },
                    JURISDICTION,
                ],
                "responses": {
                    "200": _ok("The request", {"type": "array", "items": SERVICE_REQUEST}),
                    "400": BAD_REQUEST,
                    "404": NOT_FOUND,
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Errors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["code", "description"],
                    "properties": {"code": {"type": "integer"}, "description": {"type": "string"}},
                },
            }
        }
    },
}


@require_GET
def openapi(request: HttpRequest) -> JsonResponse:
    return JsonResponse(DOCUMENT, json_dumps_params={"ensure_ascii": False})
