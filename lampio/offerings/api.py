"""Offerings, occurrences and enrolments over HTTP (shapes kept stable for other city systems).

Reads are public, like the spaces search: no credentials needed. With a bearer token or a login
session, a provider's staff also see their own draft offerings. Enrolment takes a bearer token
(`POST /auth/token`) or the login session.

Lists are paginated like every list of the API: `{count, next, previous, results}` with `?page=`
and `?page_size=`. Times must come in with an offset (`2030-06-12T18:00+03:00`); a time without
one is refused rather than guessed.
"""

from __future__ import annotations

import json
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from lampio.accounts.api import Problem
from lampio.accounts.auth import acting_user
from lampio.core.errors import InvalidInput
from lampio.core.ratelimit import check_rate_limit
from lampio.core.timeranges import as_utc
from lampio.offerings import selectors, services
from lampio.offerings.api_schemas import (
    EnrolmentCreated,
    EnrolmentIn,
    EnrolmentOut,
    EnrolmentPage,
    OccurrenceOut,
    OccurrencePage,
    OfferingCore,
    OfferingDetails,
    OfferingPage,
    OfferingQuery,
    PageQuery,
    local,
    occurrence_item,
)
from lampio.offerings.jsonld import offering_jsonld
from lampio.offerings.models import Enrolment, Keyword, Occurrence, Offering
from lampio.spaces.api import paginate, public_auth

router = Router(tags=["offerings"])

PUBLIC = (
    "Public: no credentials needed. With a bearer token or a login session, a provider's staff "
    "also see their own drafts."
)
# Times listed with one offering; the occurrence search pages through the rest.
UPCOMING_LIMIT = 50
JSONLD_CONTENT_TYPE = "application/ld+json"


def _filters(query: OfferingQuery) -> selectors.OfferingFilters:
    for name in ("start", "end"):
        moment = getattr(query, name)
        if moment is not None and timezone.is_naive(moment):
            raise InvalidInput(_("Give the time with its time zone."), field=name)
    start = as_utc(query.start) if query.start else None
    end = as_utc(query.end) if query.end else None
    if start and end and end <= start:
        raise InvalidInput(_("The end must be after the start."), field="end")
    return selectors.OfferingFilters(
        municipality=query.municipality,
        q=query.q,
        keyword=query.keyword,
        audience=query.audience or "",
        format=query.format or "",
        online=query.online,
        language=query.language or "",
        free=query.free,
        accessible=query.accessible,
        start=start,
        end=end,
        provider=query.provider,
    )


def _with_rows(offerings: QuerySet[Offering]) -> QuerySet[Offering]:
    """The rows each summary lists, fetched once per page rather than once per offering."""
    return offerings.prefetch_related(
        Prefetch("keywords", queryset=Keyword.objects.order_by("name_fi")),
        "audience_rows",
        "language_rows",
    )


# --- Offerings ----------------------------------------------------------------------------------


@router.get(
    "/offerings",
    auth=public_auth,
    response={200: OfferingPage, 400: Problem},
    summary="Search published offerings with a public time ahead, or ordered on request",
    description=f"{PUBLIC} Soonest next time first; `start`/`end` bound the times considered.",
)
def list_offerings(request: HttpRequest, query: Query[OfferingQuery]) -> dict[str, Any]:
    offerings = _with_rows(selectors.search_offerings(_filters(query)))
    return paginate(request, offerings, page=query.page, page_size=query.page_size)


@router.get(
    "/offerings/{offering_id}",
    auth=public_auth,
    response={200: OfferingDetails, 400: Problem, 404: Problem},
    summary="One offering with its upcoming times and its schema.org JSON-LD",
    description=f"{PUBLIC} At most {UPCOMING_LIMIT} upcoming times are listed; "
    "GET /occurrences?provider=… pages through all.",
)
def offering_details(request: HttpRequest, offering_id: int) -> OfferingDetails:
    offering = selectors.public_offering(offering_id, actor=request.user)
    upcoming = list(selectors.upcoming_occurrences(offering)[:UPCOMING_LIMIT])
    core = OfferingCore.model_validate(offering, context={"request": request})
    # Both parts are validated already; construct joins them without running resolvers again.
    return OfferingDetails.model_construct(
        **{**dict(core), "next_start": local(upcoming[0].starts_at) if upcoming else None},
        occurrences=[OccurrenceOut.model_validate(occurrence) for occurrence in upcoming],
        jsonld=offering_jsonld(offering, upcoming, request),
    )


@router.get(
    "/offerings/{offering_id}/jsonld",
    auth=public_auth,
    response={404: Problem},
    summary="schema.org Event JSON-LD of an offering, one Event per upcoming time",
    description=f"{PUBLIC} Served as {JSONLD_CONTENT_TYPE}.",
    openapi_extra={
        "responses": {
            200: {
                "description": "schema.org Event objects",
                "content": {
                    JSONLD_CONTENT_TYPE: {"schema": {"type": "array", "items": {"type": "object"}}}
                },
            }
        }
    },
)
def offering_jsonld_document(request: HttpRequest, offering_id: int) -> HttpResponse:
    offering = selectors.public_offering(offering_id, actor=request.user)
    upcoming = list(selectors.upcoming_occurrences(offering)[:UPCOMING_LIMIT])
    events = offering_jsonld(offering, upcoming, request)
    return HttpResponse(
        json.dumps(events, ensure_ascii=False),
        content_type=f"{JSONLD_CONTENT_TYPE}; charset=utf-8",
    )


# --- Occurrences --------------------------------------------------------------------------------


@router.get(
    "/occurrences",
    auth=public_auth,
    response={200: OccurrencePage, 400: Problem},
    summary="Search public upcoming times of published offerings, soonest first",
    description=f"{PUBLIC} Takes the same filters as GET /offerings.",
)
def list_occurrences(request: HttpRequest, query: Query[OfferingQuery]) -> dict[str, Any]:
    rows = selectors.occurrence_rows(selectors.search_occurrences(_filters(query)))
    found = paginate(request, rows, page=query.page, page_size=query.page_size)
    return {**found, "results": [occurrence_item(row) for row in found["results"]]}


@router.get(
    "/occurrences/{occurrence_id}",
    auth=public_auth,
    response={200: OccurrenceOut, 404: Problem},
    summary="One public time of a published offering, with the seats left",
    description=PUBLIC,
)
def occurrence_details(request: HttpRequest, occurrence_id: int) -> Occurrence:
    return selectors.public_occurrence(occurrence_id)


# --- Enrolments of the logged-in person ---------------------------------------------------------


@router.post(
    "/occurrences/{occurrence_id}/enrolments",
    response={
        201: EnrolmentCreated,
        400: Problem,
        401: Problem,
        403: Problem,
        404: Problem,
        409: Problem,
        429: Problem,
    },
    summary="Enrol (with companions): confirmed, or waitlisted when asked; 409 when full",
    description="Needs a bearer token or a login session and a verified email address. "
    "Without `waitlist`, not enough seats left is a 409 problem; with `waitlist: true` the "
    "person queues and is promoted, and told, when seats free up.",
)
def enrol(request: HttpRequest, occurrence_id: int, payload: EnrolmentIn) -> Status[Enrolment]:
    actor = acting_user(request)
    check_rate_limit(request, group="api-enrolment", rate="60/m")
    occurrence = selectors.occurrence_to_enrol(occurrence_id)
    enrolment = services.enrol(
        actor=actor, occurrence=occurrence, seats=payload.seats, waitlist=payload.waitlist
    )
    return Status(201, enrolment)


@router.get(
    "/enrolments",
    response={200: EnrolmentPage, 400: Problem, 401: Problem},
    summary="The logged-in person's enrolments, by the time of the occurrence",
)
def my_enrolments(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    enrolments = selectors.enrolments_of(acting_user(request)).select_related(
        "occurrence__offering__organisation__municipality"
    )
    return paginate(request, enrolments, page=query.page, page_size=query.page_size)


@router.post(
    "/enrolments/{enrolment_id}/cancel",
    response={200: EnrolmentOut, 400: Problem, 401: Problem, 404: Problem},
    summary="Cancel one of the logged-in person's enrolments; the waiting list moves up",
    description="A place in the queue can be given up any time; confirmed seats until the "
    "offering's cancellation deadline (400 after it).",
)
def cancel_enrolment(request: HttpRequest, enrolment_id: int) -> Enrolment:
    actor = acting_user(request)
    enrolment = selectors.enrolment_of(actor, enrolment_id)
    services.cancel_enrolment(actor=actor, enrolment=enrolment)
    return enrolment
