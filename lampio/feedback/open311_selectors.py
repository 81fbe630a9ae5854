"""Reads behind the Open311 GeoReport v2 endpoints: jurisdictions, services and requests.

Privacy is decided here, not in the views: a list shows only published feedback, and an
unpublished message found by its id carries no text, place or photo (see `open311.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Max, OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.core.errors import InvalidInput, NotFound, PermissionDenied
from lampio.feedback.models import (
    EventKind,
    Feedback,
    FeedbackCategory,
    FeedbackEvent,
    FeedbackPhoto,
    FeedbackState,
    Jurisdiction,
    Open311Client,
    StateKind,
    hash_api_key,
)
from lampio.feedback.selectors import categories_of
from lampio.tenancy.models import Organisation

MAX_REQUESTS = 1000
DEFAULT_WINDOW = timedelta(days=90)
# Dates outside these overflow when the 90-day window is added or taken away (year 1, 9999).
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)
# Open311 has two statuses; an answered message is done as far as a client is concerned.
STATUS_KINDS = {"open": [StateKind.OPEN], "closed": [StateKind.ANSWERED, StateKind.CLOSED]}


def jurisdiction_for(open311_id: str) -> Jurisdiction:
    """The jurisdiction a request names; without a name, the only one there is."""
    jurisdictions = Jurisdiction.objects.select_related("municipality")
    if open311_id:
        found = jurisdictions.filter(open311_id=open311_id).first()
        if found is None:
            raise NotFound(_("jurisdiction_id was not found."))
        return found
    only = list(jurisdictions[:2])
    if len(only) != 1:
        raise InvalidInput(_("jurisdiction_id was not provided."))
    return only[0]


def client_with_key(key: str) -> Open311Client:
    """The active client whose key this is."""
    client = (
        Open311Client.objects.filter(key_hash=hash_api_key(key), is_active=True).first()
        if key
        else None
    )
    if client is None:
        raise PermissionDenied(_("api_key was not provided or is not valid."))
    return client


def check_client_may_post(client: Open311Client, jurisdiction: Jurisdiction) -> None:
    """A client given to one municipality posts only there."""
    if client.municipality_id not in (None, jurisdiction.municipality_id):
        raise PermissionDenied(_("This api_key may not post to this jurisdiction."))


def services_of(jurisdiction: Jurisdiction) -> QuerySet[FeedbackCategory]:
    return categories_of(jurisdiction.municipality_id)


def service_of(jurisdiction: Jurisdiction, code: str) -> FeedbackCategory:
    service = services_of(jurisdiction).filter(code=code).first()
    if service is None:
        raise NotFound(_("service_code was not found."))
    return service


@dataclass(frozen=True)
class RequestFilters:
    """The query of GET requests.json, already parsed (see `parse_request_filters`)."""

    ids: list[int] = field(default_factory=list)
    service_codes: list[str] = field(default_factory=list)
    start: datetime | None = None
    end: datetime | None = None
    statuses: list[str] = field(default_factory=list)


def _datetime(value: str, name: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace(" ", "+"))
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        # A "+" in a query string that was not encoded arrives as a space, hence the replace.
        raise InvalidInput(
            _("%(name)s must be a date and time with a time zone, e.g. %(example)s.")
            % {"name": name, "example": "2025-05-01T08:00:00+03:00"}
        )
    if not EARLIEST <= parsed <= LATEST:
        raise InvalidInput(_("%(name)s is out of range.") % {"name": name})
    return parsed


def parse_request_filters(query: dict[str, str]) -> RequestFilters:
    """Check the query parameters of requests.json; a malformed one is a 400, not ignored."""
    ids: list[int] = []
    for part in filter(None, (p.strip() for p in query.get("service_request_id", "").split(","))):
        if not part.isdigit() or len(part) > 18:
            raise InvalidInput(_("service_request_id must be numbers separated by commas."))
        ids.append(int(part))
    statuses = [s.strip() for s in query.get("status", "").split(",") if s.strip()]
    if any(status not in STATUS_KINDS for status in statuses):
        raise InvalidInput(_("status must be open or closed."))
    start = _datetime(query.get("start_date", ""), "start_date")
    end = _datetime(query.get("end_date", ""), "end_date")
    if start and end and start > end:
        raise InvalidInput(_("start_date must be before end_date."))
    if start and end and end - start > DEFAULT_WINDOW:
        raise InvalidInput(_("start_date and end_date may be at most 90 days apart."))
    codes = [code.strip() for code in query.get("service_code", "").split(",") if code.strip()]
    return RequestFilters(ids[:MAX_REQUESTS], codes, start, end, statuses)


@dataclass(frozen=True)
class ServiceRequest:
    """One request as Open311 shows it. Unpublished: no content (text, place, answer, photo)."""

    id: int
    status: str
    service_code: str
    service_name: str
    agency_responsible: str
    response_days: int
    requested: datetime
    updated: datetime
    expected: datetime
    published: bool
    description: str = ""
    address: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    status_notes: str | None = None
    photo_id: int | None = None


# Plain rows, not model instances: a list of 1,000 is built several times faster this way.
ROW_FIELDS = (
    "pk",
    "state_id",
    "category_id",
    "organisation_id",
    "submitted_at",
    "updated_at",
    "due_at",
    "is_published",
    "public_text",
    "text",
    "address",
    "latitude",
    "longitude",
    "photos_public",
    "latest_answer",
)


def requests_version(jurisdiction: Jurisdiction) -> str:
    """Changes whenever a message of the municipality changes (index feedback_updated)."""
    latest = Feedback.objects.filter(municipality_id=jurisdiction.municipality_id).aggregate(
        latest=Max("updated_at")
    )["latest"]
    return latest.isoformat() if latest else "-"


def _rows(feedback: QuerySet[Feedback]) -> list[dict[str, Any]]:
    latest_answer = (
        FeedbackEvent.objects.filter(feedback=OuterRef("pk"), kind=EventKind.REPLY)
        .order_by("-created_at", "-pk")
        .values("text")[:1]
    )
    return list(
        feedback.annotate(latest_answer=Subquery(latest_answer))
        .order_by("-submitted_at", "-pk")
        .values(*ROW_FIELDS)[:MAX_REQUESTS]
    )


def _as_requests(municipality_id: int, rows: list[dict[str, Any]]) -> list[ServiceRequest]:
    """Names in the active language, looked up once per list rather than joined per row."""
    if not rows:
        return []
    states = FeedbackState.objects.filter(municipality_id=municipality_id).order_by()
    kinds = dict(states.values_list("pk", "kind"))
    categories = {c.pk: c for c in FeedbackCategory.objects.filter(municipality_id=municipality_id)}
    agencies = {
        o.pk: o.name
        for o in Organisation.objects.filter(pk__in={row["organisation_id"] for row in rows})
    }
    photos: dict[int, int] = {}
    shown = [row["pk"] for row in rows if row["is_published"] and row["photos_public"]]
    for feedback_id, photo_id in (
        FeedbackPhoto.objects.filter(feedback_id__in=shown)
        .order_by("-position", "-pk")
        .values_list("feedback_id", "pk")
    ):
        photos[feedback_id] = photo_id  # the first photo wins: it comes last
    found = []
    for row in rows:
        category = categories[row["category_id"]]
        common = {
            "id": row["pk"],
            "status": "open" if kinds[row["state_id"]] == StateKind.OPEN else "closed",
            "service_code": category.code,
            "service_name": category.name,
            "agency_responsible": agencies[row["organisation_id"]],
            "response_days": category.response_days,
            "requested": row["submitted_at"],
            "updated": row["updated_at"],
            "expected": row["due_at"],
            "published": row["is_published"],
        }
        if not row["is_published"]:
            found.append(ServiceRequest(**common))
            continue
        found.append(
            ServiceRequest(
                **common,
                description=row["public_text"] or row["text"],
                address=row["address"],
                latitude=row["latitude"],
                longitude=row["longitude"],
                status_notes=row["latest_answer"],
                photo_id=photos.get(row["pk"]),
            )
        )
    return found


def service_requests(
    *, jurisdiction: Jurisdiction, filters: RequestFilters
) -> list[ServiceRequest]:
    """Newest first, at most MAX_REQUESTS. Ids given: those, published or not (an unpublished
    one without its content); else published feedback in the time window."""
    feedback = Feedback.objects.filter(municipality_id=jurisdiction.municipality_id)
    if filters.ids:
        feedback = feedback.filter(pk__in=filters.ids)
    else:
        end = filters.end or (filters.start + DEFAULT_WINDOW if filters.start else timezone.now())
        start = filters.start or end - DEFAULT_WINDOW
        feedback = feedback.filter(
            is_published=True, submitted_at__gte=start, submitted_at__lte=end
        )
        if filters.service_codes:
            feedback = feedback.filter(category__code__in=filters.service_codes)
        if filters.statuses:
            kinds = [kind for status in filters.statuses for kind in STATUS_KINDS[status]]
            feedback = feedback.filter(state__kind__in=kinds)
    return _as_requests(jurisdiction.municipality_id, _rows(feedback))


def service_request(*, jurisdiction: Jurisdiction, request_id: int) -> ServiceRequest:
    rows = _rows(
        Feedback.objects.filter(municipality_id=jurisdiction.municipality_id, pk=request_id)
    )
    if not rows:
        raise NotFound(_("service_request_id was not found."))
    return _as_requests(jurisdiction.municipality_id, rows)[0]
