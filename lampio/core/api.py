"""API plumbing shared by every app: authentication and RFC 7807 problem+json errors."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation
from ninja.parser import Parser
from ninja.security import HttpBearer, SessionAuth

from lampio.core.errors import DomainError

PROBLEM_CONTENT_TYPE = "application/problem+json"
# The largest id a BigAutoField holds: a bigger number in a filter overflows the database driver.
MAX_ID = 2**63 - 1
UNSAFE_METHODS = {"post", "put", "patch", "delete"}


def problem(
    status: int, title: str, *, detail: str = "", code: str = "", **extra: Any
) -> JsonResponse:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if code:
        body["code"] = code
    body.update(extra)
    return JsonResponse(
        body,
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


class Problem(Schema):
    """RFC 7807 problem details, as the API's error handlers answer."""

    type: str
    title: str
    status: int
    detail: str | None = None
    code: str | None = None
    field: str | None = Field(None, description="The input the problem is about, if one")
    errors: list[dict[str, Any]] | None = Field(
        None, description="Validation errors: `loc` (where) and `msg` of each"
    )


def _refuse_nul(value: Any, location: str) -> None:
    if isinstance(value, str):
        if "\x00" in value:
            message = _("The text contains a NUL character.")
            raise ValidationError([{"loc": [location], "msg": message}])
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_nul(key, location)
            _refuse_nul(item, location)
    elif isinstance(value, list):
        for item in value:
            _refuse_nul(item, location)


class NulRefusingParser(Parser):
    """Refuse text with NUL characters, as Django's form fields do: PostgreSQL can neither
    store nor compare such text and raises, which would be a 500 instead of a 400."""

    def parse_body(self, request: HttpRequest) -> Any:
        data = super().parse_body(request)
        _refuse_nul(data, "body")  # ninja turns any error here into a 400 "Cannot parse"
        return data

    def parse_querydict(self, data: Any, list_fields: list[str], request: HttpRequest) -> Any:
        parsed = super().parse_querydict(data, list_fields, request)
        _refuse_nul(parsed, "query")
        return parsed


def allows_anonymous(callback: Any) -> Any:
    """Mark an auth callback that lets anyone in: the document then says auth is optional."""
    callback.allows_anonymous = True
    return callback


class _Document(OpenAPISchema):
    def operation_security(self, operation: Operation) -> list[dict[str, Any]] | None:
        security = super().operation_security(operation)
        if security and any(
            getattr(c, "allows_anonymous", False) for c in operation.auth_callbacks
        ):
            security.append({})  # OpenAPI's "no credentials needed"
        return security


class ProblemJsonNinjaAPI(NinjaAPI):
    """NinjaAPI whose document says what the shared layers below really send.

    Every 4xx answer is `application/problem+json`, not the renderer's `application/json`.
    The layers every operation passes through answer on their own, whatever the operation
    declares: input that fails validation is a 400, an operation that needs credentials is a
    401 without them, and an unsafe method over a login session is a 403 when the CSRF token
    is missing. The document lists these too, so that clients (and the schemathesis test in
    tests/api_fuzz) can rely on it.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("parser", NulRefusingParser())
        super().__init__(**kwargs)

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        schema = _Document(self, path_prefix)
        schema["components"]["schemas"].setdefault("Problem", Problem.model_json_schema())
        for path in schema["paths"].values():
            for method, operation in path.items():
                _document_shared_answers(method, operation)
        return schema


def _document_shared_answers(method: str, operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    security = operation.get("security") or []
    added: dict[int, str] = {}
    if operation.get("parameters") or operation.get("requestBody"):
        added[400] = "The request is not valid"
    if security and {} not in security:
        added[401] = "No valid credentials"
    if security and method in UNSAFE_METHODS:
        added[403] = "Not allowed, or the CSRF token of a login session is missing"
    problem = {"schema": {"$ref": "#/components/schemas/Problem"}}
    for status, description in added.items():
        responses.setdefault(status, {"description": description, "content": {"x": problem}})
    for status, response in responses.items():
        content = response.get("content", {})
        if int(status) >= 400 and content:
            # One body schema per answer; the error handlers all send problem+json.
            response["content"] = {PROBLEM_CONTENT_TYPE: next(iter(content.values()))}


class BearerTokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` with a token from POST /api/v1/auth/token."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from lampio.accounts.services import user_for_api_token

        user = user_for_api_token(token)
        if user is not None:
            request.user = user
        return user


# Browser clients use their login session (with CSRF on unsafe methods); others use tokens.
default_auth = [BearerTokenAuth(), SessionAuth()]


def install_problem_handlers(api: NinjaAPI) -> None:
    def on_domain_error(request: HttpRequest, exc: Any) -> HttpResponse:
        # `detail` is where RFC 7807 clients look for the specific message; `title` keeps it too
        # for clients written against the earlier shape.
        message = str(exc.message)
        return problem(exc.status, message, detail=message, code=exc.code, field=exc.field)

    def on_validation_error(request: HttpRequest, exc: Any) -> HttpResponse:
        errors = [
            {"loc": [str(part) for part in error.get("loc", [])], "msg": str(error.get("msg", ""))}
            for error in exc.errors
        ]
        return problem(400, _("The request is not valid."), code="invalid", errors=errors)

    def on_authentication_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return problem(401, _("Please log in first."), code="not_authenticated")

    def on_authorization_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return problem(403, _("You do not have permission to do this."), code="permission_denied")

    def on_not_found(request: HttpRequest, exc: Any) -> HttpResponse:
        return problem(404, _("The item was not found."), code="not_found")

    def on_http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return problem(exc.status_code, str(exc), code="http_error")

    api.add_exception_handler(DomainError, on_domain_error)
    api.add_exception_handler(ValidationError, on_validation_error)
    api.add_exception_handler(AuthenticationError, on_authentication_error)
    api.add_exception_handler(AuthorizationError, on_authorization_error)
    api.add_exception_handler(DjangoPermissionDenied, on_authorization_error)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(HttpError, on_http_error)
