from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from lampio.accounts import services
from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.core.api import Problem
from lampio.core.ratelimit import check_rate_limit

__all__ = ["Problem", "router"]  # Problem is imported from here by the other apps' APIs

router = Router(tags=["accounts"])


class TokenRequest(Schema):
    email: str = Field(max_length=254)
    password: str = Field(max_length=4096)
    code: str = Field(
        default="",
        max_length=64,
        description="Current authenticator or recovery code, for accounts with two-factor login",
    )


class TokenResponse(Schema):
    token: str


class Me(Schema):
    email: str | None = Field(description="None for a person known only by a mobile number")
    phone: str | None = Field(description="Mobile number in E.164 form, if any")
    first_name: str
    last_name: str
    preferred_language: str
    is_network_admin: bool


@router.post(
    "/auth/token",
    auth=None,
    response={200: TokenResponse, 400: Problem, 401: Problem, 429: Problem},
    summary="Exchange an email and password for a bearer token",
)
def create_token(request: HttpRequest, payload: TokenRequest) -> dict[str, str]:
    check_rate_limit(request, group="api-token", rate="10/m")
    token = services.issue_api_token(
        request=request, email=payload.email, password=payload.password, code=payload.code
    )
    return {"token": token}


@router.get("/me", response={200: Me, 401: Problem}, summary="The logged-in person")
def me(request: HttpRequest) -> User:
    return acting_user(request)
