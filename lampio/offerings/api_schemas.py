"""The JSON shapes of the offerings API (kept apart from the operations to keep both short).

Texts come out in the request's language (Accept-Language), falling back to Finnish. Times go
out in ISO 8601 with the Helsinki offset (+02:00 in winter, +03:00 in summer).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema
from pydantic import field_validator

from lampio.core.multilingual import in_active_language
from lampio.core.timeranges import LOCAL_ZONE
from lampio.offerings.jsonld import offering_url, online_link_is_public
from lampio.offerings.models import (
    Audience,
    EnrolmentStatus,
    Format,
    Language,
    Occurrence,
    OccurrenceStatus,
    Offering,
    OfferingImage,
    PriceBasis,
)
from lampio.offerings.models.schedule import seats_left
from lampio.offerings.services.enrolment import cancellation_deadline
from lampio.spaces.api import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, VenueOut


def local(moment: datetime | None) -> datetime | None:
    return moment.astimezone(LOCAL_ZONE) if moment is not None else None


def _request(context: dict[str, Any] | None) -> HttpRequest | None:
    return (context or {}).get("request")


# --- Queries ------------------------------------------------------------------------------------


class OfferingQuery(Schema):
    municipality: str = Field("", max_length=60, description="Slug of a municipality, e.g. oulu")
    q: str = Field("", max_length=100, description="Search words in fi, sv or en")
    keyword: str = Field("", max_length=60, description="Key of a keyword, e.g. music")
    audience: Audience | None = None
    format: Format | None = None
    online: bool | None = Field(None, description="Any online format (stream, recording, hybrid)")
    language: Language | None = Field(None, description="A language spoken at the offering")
    free: bool | None = Field(None, description="true: free of charge only; false: paid only")
    accessible: bool = Field(False, description="Only offerings with accessibility information")
    provider: int | None = Field(None, description="Id of the providing organisation")
    start: datetime | None = Field(
        None, description="Times ending after this, ISO 8601 with offset; default now"
    )
    end: datetime | None = Field(None, description="Times starting before this")
    page: int = Field(1, ge=1)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)

    @field_validator(
        "audience", "format", "online", "language", "free", "provider", "start", "end",
        mode="before",
    )  # fmt: skip
    @classmethod
    def empty_means_any(cls, value: Any) -> Any:
        """`?start=&audience=` (an empty form field) filters nothing, as if left out."""
        return None if value == "" else value

    @field_validator("accessible", mode="before")
    @classmethod
    def empty_means_no(cls, value: Any) -> Any:
        return False if value == "" else value


class PageQuery(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


# --- Offerings ----------------------------------------------------------------------------------


class KeywordOut(Schema):
    key: str
    name: str


class ProviderOut(Schema):
    id: int
    name: str
    slug: str
    municipality: str

    @staticmethod
    def resolve_municipality(obj: Any) -> str:
        return str(obj.municipality.slug)


class OfferingSummary(Schema):
    id: int
    title: str
    short_description: str
    url: str = Field(description="The offering's public page")
    provider: ProviderOut
    municipality: str
    format: Format
    on_request: bool = Field(description="No fixed times: groups propose times when ordering")
    is_free: bool
    price: Decimal | None
    price_basis: PriceBasis = Field(description="What the price buys: a person's seat or a unit's")
    keywords: list[KeywordOut]
    audiences: list[Audience]
    languages: list[Language]
    age_min: int | None
    age_max: int | None
    next_start: datetime | None = Field(description="The next public time, if any")

    @staticmethod
    def resolve_url(obj: Offering, context: dict[str, Any] | None = None) -> str:
        return offering_url(obj, _request(context))

    @staticmethod
    def resolve_short_description(obj: Offering) -> str:
        return obj.short_description or ""

    @staticmethod
    def resolve_provider(obj: Offering) -> Any:
        return obj.organisation

    @staticmethod
    def resolve_municipality(obj: Offering) -> str:
        return obj.organisation.municipality.slug

    @staticmethod
    def resolve_price(obj: Offering) -> Decimal | None:
        return None if obj.is_free else obj.price

    @staticmethod
    def resolve_keywords(obj: Offering) -> list[Any]:
        return list(obj.keywords.all())

    @staticmethod
    def resolve_audiences(obj: Offering) -> list[str]:
        return [row.audience for row in obj.audience_rows.all()]

    @staticmethod
    def resolve_languages(obj: Offering) -> list[str]:
        return [row.language for row in obj.language_rows.all()]

    @staticmethod
    def resolve_next_start(obj: Offering) -> datetime | None:
        return local(getattr(obj, "next_start", None))


class OfferingPage(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[OfferingSummary]


class ImageOut(Schema):
    url: str
    alt_text: str
    photographer: str
    licence: str

    @staticmethod
    def resolve_url(obj: OfferingImage, context: dict[str, Any] | None = None) -> str:
        request = _request(context)
        url = obj.image.url
        return request.build_absolute_uri(url) if request is not None else url


class OccurrenceListItem(Schema):
    """A time in a search's page, made from a plain row by `occurrence_item`."""

    id: int
    offering_id: int
    title: str
    municipality: str
    starts_at: datetime
    ends_at: datetime
    status: OccurrenceStatus
    capacity: int
    seats_left: int
    enrolment_opens_at: datetime | None
    enrolment_closes_at: datetime | None
    notice: str = Field(description="The provider's notice to participants, e.g. on a change")


def occurrence_item(row: dict[str, Any]) -> dict[str, Any]:
    """An `OccurrenceListItem` from a row of `selectors.occurrence_rows`."""
    return {
        "id": row["pk"],
        "offering_id": row["offering_id"],
        "title": in_active_language(row, "offering__title"),
        "municipality": row["offering__organisation__municipality__slug"],
        "starts_at": local(row["starts_at"]),
        "ends_at": local(row["ends_at"]),
        "status": row["status"],
        "capacity": row["capacity"],
        "seats_left": seats_left(row["capacity"], row["seats_taken"]),
        "enrolment_opens_at": local(row["enrolment_opens_at"]),
        "enrolment_closes_at": local(row["enrolment_closes_at"] or row["starts_at"]),
        "notice": in_active_language(row, "notice"),
    }


class OccurrenceOut(OccurrenceListItem):
    """The same shape, read from an occurrence model."""

    @staticmethod
    def resolve_title(obj: Occurrence) -> str:
        return obj.offering.title

    @staticmethod
    def resolve_municipality(obj: Occurrence) -> str:
        return obj.offering.organisation.municipality.slug

    @staticmethod
    def resolve_starts_at(obj: Occurrence) -> datetime | None:
        return local(obj.starts_at)

    @staticmethod
    def resolve_ends_at(obj: Occurrence) -> datetime | None:
        return local(obj.ends_at)

    @staticmethod
    def resolve_enrolment_opens_at(obj: Occurrence) -> datetime | None:
        return local(obj.enrolment_opens_at)

    @staticmethod
    def resolve_enrolment_closes_at(obj: Occurrence) -> datetime | None:
        return local(obj.enrolment_closes_at or obj.starts_at)

    @staticmethod
    def resolve_notice(obj: Occurrence) -> str:
        return obj.notice or ""


class OccurrencePage(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[OccurrenceListItem]


class OfferingCore(OfferingSummary):
    description: str
    accessibility: str
    price_info: str
    venue: VenueOut | None
    location: str
    online_url: str = Field(
        description="Shown only when nobody needs to enrol or order first; otherwise the link "
        "goes to the participants"
    )
    allows_enrolment: bool
    allows_group_orders: bool
    min_group_size: int
    max_group_size: int | None
    cancellation_hours: int
    images: list[ImageOut]

    @staticmethod
    def resolve_description(obj: Offering) -> str:
        return obj.description or ""

    @staticmethod
    def resolve_accessibility(obj: Offering) -> str:
        return obj.accessibility or ""

    @staticmethod
    def resolve_price_info(obj: Offering) -> str:
        return obj.price_info or ""

    @staticmethod
    def resolve_online_url(obj: Offering) -> str:
        return obj.online_url if online_link_is_public(obj) else ""

    @staticmethod
    def resolve_images(obj: Offering) -> list[Any]:
        return list(obj.images.all())


class OfferingDetails(OfferingCore):
    occurrences: list[OccurrenceOut] = Field(description="Upcoming public times, soonest first")
    jsonld: list[dict[str, Any]] = Field(description="schema.org Event objects, one per time")


# --- Enrolments ---------------------------------------------------------------------------------


class EnrolmentIn(Schema):
    seats: int = Field(description="People enrolling, the person included")
    waitlist: bool = Field(
        False, description="Join the waiting list when the seats are not free, instead of 409"
    )


class EnrolmentCreated(Schema):
    id: int
    status: EnrolmentStatus
    seats: int


class EnrolmentOut(EnrolmentCreated):
    occurrence: OccurrenceOut
    created_at: datetime
    cancellable_until: datetime | None = Field(
        description="Confirmed seats can be given back until this time"
    )

    @staticmethod
    def resolve_created_at(obj: Any) -> datetime | None:
        return local(obj.created_at)

    @staticmethod
    def resolve_cancellable_until(obj: Any) -> datetime | None:
        return local(cancellation_deadline(obj))


class EnrolmentPage(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[EnrolmentOut]
