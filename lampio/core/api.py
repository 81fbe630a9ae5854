"""API plumbing shared by every app: authentication and RFC 7807 problem+json errors."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError
from ninja.security import HttpBearer, SessionAuth

from lampio.core.errors import DomainError

PROBLEM_CONTENT_TYPE = "application/problem+json"


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
