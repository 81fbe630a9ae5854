"""The assistant's JSON API: ask a question, say an answer did not help.

Open to anyone (a city's own site or app may embed the assistant). With a bearer token or a
login session the caller is that person, so "my next booking" answers for them; a session
must send its CSRF token like every other session request, while a caller without cookies
needs none.
"""

from __future__ import annotations

import contextlib
from typing import Any, Literal

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema, Status
from ninja.security import SessionAuth
from pydantic import Field

from lampio.accounts.api import Problem
from lampio.assistant.replies import Reply
from lampio.assistant.services import asking
from lampio.assistant.transcript import exchange_from, sign_exchange
from lampio.core.api import BearerTokenAuth, allows_anonymous
from lampio.core.errors import InvalidInput, NotFound
from lampio.core.ratelimit import check_rate_limit
from lampio.tenancy import selectors as tenancy_selectors
from lampio.tenancy.models import Municipality

router = Router(tags=["assistant"])

API_ASK_RATE = "30/m"


class SessionIfPresent(SessionAuth):
    """Session authentication (with its CSRF check) only for callers that send a session."""

    def __call__(self, request: HttpRequest) -> Any:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        return super().__call__(request)


@allows_anonymous
def anyone(request: HttpRequest) -> bool:
    return True


ASSISTANT_AUTH = [BearerTokenAuth(), SessionIfPresent(), anyone]


class AskRequest(Schema):
    question: str = Field(description="The question, in Finnish, Swedish or English")
    lang: Literal["fi", "sv", "en"] | None = Field(
        default=None,
        description="The language to answer in if the question's own language is unclear",
    )
    municipality: str | None = Field(
        default=None, description="Slug of the municipality, for its own answers"
    )


class SuggestionOut(Schema):
    entry_id: str
    title: str
    score: float


class LiveItemOut(Schema):
    title: str
    detail: str
    url: str


class AskResponse(Schema):
    answer: str = Field(description="The answer as plain text; empty on fallback")
    entry_id: str | None = Field(description="The knowledge entry that answered, if any")
    confidence: float
    suggestions: list[SuggestionOut] = Field(description="Closest topics, best first")
    fallback: bool = Field(description="True when the assistant was not sure")
    link: str | None = Field(description="Absolute URL of the page offered with the answer")
    link_label: str
    language: str
    exchange: str = Field(description="Key for POST /assistant/not-helpful")
    intent: str = Field(description="Set when answered from live data")
    items: list[LiveItemOut]


class NotHelpfulRequest(Schema):
    exchange: str


def _municipality(slug: str | None) -> Municipality | None:
    if not slug:
        return None
    municipality = tenancy_selectors.municipality_by_slug(slug)
    if municipality is None:
        raise InvalidInput(field="municipality", message=_("There is no such municipality."))
    return municipality


def _response(request: HttpRequest, reply: Reply) -> dict[str, Any]:
    return {
        "answer": reply.answer,
        "entry_id": reply.entry_key,
        "confidence": reply.confidence,
        "suggestions": [
            {"entry_id": s.key, "title": s.title, "score": s.score} for s in reply.suggestions
        ],
        "fallback": reply.fallback,
        "link": request.build_absolute_uri(reply.link) if reply.link else None,
        "link_label": reply.link_label,
        "language": reply.language,
        "exchange": sign_exchange(reply.exchange_id),
        "intent": reply.intent,
        "items": [
            {
                "title": item.title,
                "detail": item.detail,
                "url": request.build_absolute_uri(item.url),
            }
            for item in reply.items
        ],
    }


@router.post(
    "/assistant/ask",
    auth=ASSISTANT_AUTH,
    response={200: AskResponse, 400: Problem, 403: Problem, 429: Problem},
    summary="Ask the service assistant",
    description="Public: no credentials needed. Answers from the staff-kept knowledge base or "
    "from live data; when unsure, `fallback` is true and `suggestions` lists the closest topics.",
)
def ask(request: HttpRequest, payload: AskRequest) -> dict[str, Any]:
    check_rate_limit(request, group="api-assistant-ask", rate=API_ASK_RATE)
    reply = asking.ask(
        question=payload.question,
        actor=request.user if request.user.is_authenticated else None,
        language=payload.lang,
        municipality=_municipality(payload.municipality),
    )
    return _response(request, reply)


@router.post(
    "/assistant/not-helpful",
    auth=ASSISTANT_AUTH,
    response={204: None, 400: Problem, 403: Problem, 429: Problem},
    summary="Tell the assistant's keepers that an answer did not help",
)
def not_helpful(request: HttpRequest, payload: NotHelpfulRequest) -> Status:
    check_rate_limit(request, group="api-assistant-not-helpful", rate=API_ASK_RATE)
    exchange_id = exchange_from(payload.exchange)
    if exchange_id is None:
        raise InvalidInput(field="exchange", message=_("This answer can no longer be rated."))
    with contextlib.suppress(NotFound):  # purged since: nothing left to mark
        asking.mark_not_helpful(exchange_id=exchange_id)
    return Status(204, None)
