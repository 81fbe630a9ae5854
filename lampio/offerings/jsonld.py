"""schema.org `Event` JSON-LD for offerings: embedded in public pages and served by the API.

Public API:

- `occurrence_jsonld(occurrence, request, offering=None) -> dict`: one `Event` for one time.
- `offering_jsonld(offering, occurrences, request) -> list[dict]`: one `Event` per occurrence;
  an offering with no times (on request) gets one `Event` without dates.
- `jsonld_script_content(events) -> SafeString`: the events as JSON safe to put inside a
  `<script type="application/ld+json">` element.

Texts come out in the active language (modeltranslation falls back to Finnish). `request`
makes the URLs absolute; without one they stay relative to the site root. Pass offerings with
`organisation`, `venue`, `images`, `keywords`, `audience_rows` and `language_rows` prefetched to
avoid one query per field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from lampio.core.timeranges import LOCAL_ZONE
from lampio.offerings.models import (
    Format,
    Language,
    Occurrence,
    OccurrenceStatus,
    Offering,
)

SCHEMA = "https://schema.org"
JsonObject = dict[str, Any]

EVENT_STATUS: dict[str, str] = {
    OccurrenceStatus.SCHEDULED: "EventScheduled",
    OccurrenceStatus.RESCHEDULED: "EventRescheduled",
    OccurrenceStatus.POSTPONED: "EventPostponed",
    OccurrenceStatus.MOVED_ONLINE: "EventMovedOnline",
    OccurrenceStatus.CANCELLED: "EventCancelled",
}

ATTENDANCE_MODE: dict[str, str] = {
    Format.ON_SITE: "OfflineEventAttendanceMode",
    Format.LIVE_STREAM: "OnlineEventAttendanceMode",
    Format.RECORDING: "OnlineEventAttendanceMode",
    Format.HYBRID: "MixedEventAttendanceMode",
}

# BCP 47 tags for the languages an offering is held in; "no spoken language" has none.
LANGUAGE_TAGS: dict[str, str] = {
    Language.FINNISH: "fi",
    Language.SWEDISH: "sv",
    Language.ENGLISH: "en",
    Language.SAMI: "se",
    Language.PLAIN_FINNISH: "fi",
    Language.FINNISH_SIGN: "fse",
    Language.RUSSIAN: "ru",
    Language.UKRAINIAN: "uk",
    Language.ARABIC: "ar",
}


def _absolute(request: HttpRequest | None, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


def offering_url(offering: Offering, request: HttpRequest | None = None) -> str:
    return _absolute(request, reverse("offerings:detail", args=[offering.pk]))


def online_link_is_public(offering: Offering) -> bool:
    """The session link is shown to everyone only when nobody needs to enrol or order first;
    otherwise it goes to the participants in their confirmation."""
    return bool(offering.online_url) and not (
        offering.allows_enrolment or offering.allows_group_orders
    )


def _local_iso(moment: Any) -> str:
    return str(moment.astimezone(LOCAL_ZONE).isoformat())


def _place(offering: Offering) -> JsonObject | None:
    venue = offering.venue
    if venue is not None:
        place: JsonObject = {
            "@type": "Place",
            "name": venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": venue.street_address,
                "postalCode": venue.postal_code,
                "addressLocality": venue.post_office,
                "addressCountry": "FI",
            },
        }
        if venue.latitude is not None and venue.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(venue.latitude),
                "longitude": float(venue.longitude),
            }
        return place
    if offering.location:
        return {"@type": "Place", "name": offering.location, "address": offering.location}
    return None


def _virtual_location(offering: Offering, request: HttpRequest | None) -> JsonObject:
    public = online_link_is_public(offering)
    url = offering.online_url if public else offering_url(offering, request)
    return {"@type": "VirtualLocation", "url": url}


def _attendance_mode(offering: Offering, occurrence: Occurrence | None) -> str:
    if occurrence is not None and occurrence.status == OccurrenceStatus.MOVED_ONLINE:
        return "OnlineEventAttendanceMode"
    return ATTENDANCE_MODE.get(offering.format, "OfflineEventAttendanceMode")


def _location(
    offering: Offering, occurrence: Occurrence | None, request: HttpRequest | None
) -> JsonObject | list[JsonObject] | None:
    mode = _attendance_mode(offering, occurrence)
    if mode == "OnlineEventAttendanceMode":
        return _virtual_location(offering, request)
    place = _place(offering)
    if mode == "MixedEventAttendanceMode":
        return [item for item in (place, _virtual_location(offering, request)) if item]
    return place


def _availability(occurrence: Occurrence | None) -> str:
    if occurrence is None:
        return "https://schema.org/PreOrder"
    if not occurrence.is_open:
        return "https://schema.org/Discontinued"
    if occurrence.offering.is_drop_in:
        return "https://schema.org/InStock"  # seats are not counted when nobody enrols
    return "https://schema.org/InStock" if occurrence.seats_left else "https://schema.org/SoldOut"


def _offers(
    offering: Offering, occurrence: Occurrence | None, request: HttpRequest | None
) -> JsonObject:
    price = Decimal(0) if offering.is_free or offering.price is None else offering.price
    offer: JsonObject = {
        "@type": "Offer",
        "price": f"{price:.2f}",
        "priceCurrency": "EUR",
        "url": offering_url(offering, request),
        "availability": _availability(occurrence),
    }
    if offering.price_info:
        offer["description"] = offering.price_info
    return offer


def _audiences(offering: Offering) -> list[JsonObject]:
    names = [str(row.get_audience_display()) for row in offering.audience_rows.all()]
    ages: JsonObject = {}
    if offering.age_min is not None:
        ages["suggestedMinAge"] = offering.age_min
    if offering.age_max is not None:
        ages["suggestedMaxAge"] = offering.age_max
    if ages:
        people: JsonObject = {"@type": "PeopleAudience", **ages}
        if names:
            people["audienceType"] = ", ".join(names)
        return [people]
    return [{"@type": "Audience", "audienceType": name} for name in names]


def _languages(offering: Offering) -> list[str]:
    tags: list[str] = []
    for row in offering.language_rows.all():
        tag = LANGUAGE_TAGS.get(row.language)
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _organizer(offering: Offering) -> JsonObject:
    organisation = offering.organisation
    organizer: JsonObject = {"@type": "Organization", "name": organisation.name}
    if organisation.website:
        organizer["url"] = organisation.website
    return organizer


def _event(
    offering: Offering, occurrence: Occurrence | None, request: HttpRequest | None
) -> JsonObject:
    url = offering_url(offering, request)
    event: JsonObject = {
        "@context": SCHEMA,
        "@type": "Event",
        "@id": f"{url}#occurrence-{occurrence.pk}" if occurrence is not None else url,
        "name": offering.title,
        "url": url,
        "eventAttendanceMode": f"{SCHEMA}/{_attendance_mode(offering, occurrence)}",
        "organizer": _organizer(offering),
        "offers": _offers(offering, occurrence, request),
    }
    description = offering.short_description or offering.description
    if description:
        event["description"] = description
    if offering.is_free:
        event["isAccessibleForFree"] = True
    if occurrence is not None:
        event["startDate"] = _local_iso(occurrence.starts_at)
        event["endDate"] = _local_iso(occurrence.ends_at)
        event["eventStatus"] = f"{SCHEMA}/{EVENT_STATUS.get(occurrence.status, 'EventScheduled')}"
        event["maximumAttendeeCapacity"] = occurrence.capacity
        event["remainingAttendeeCapacity"] = occurrence.seats_left
    location = _location(offering, occurrence, request)
    if location:
        event["location"] = location
    languages = _languages(offering)
    if languages:
        event["inLanguage"] = languages[0] if len(languages) == 1 else languages
    audiences = _audiences(offering)
    if audiences:
        event["audience"] = audiences[0] if len(audiences) == 1 else audiences
    images = [_absolute(request, image.image.url) for image in offering.images.all()]
    if images:
        event["image"] = images
    keywords = [keyword.name for keyword in offering.keywords.all()]
    if keywords:
        event["keywords"] = ", ".join(keywords)
    return event


def occurrence_jsonld(
    occurrence: Occurrence, request: HttpRequest | None, offering: Offering | None = None
) -> JsonObject:
    """One schema.org `Event` for one occurrence. Pass `offering` when it is already loaded
    with its related rows prefetched; otherwise `occurrence.offering` is used."""
    return _event(offering or occurrence.offering, occurrence, request)


def offering_jsonld(
    offering: Offering, occurrences: Iterable[Occurrence], request: HttpRequest | None
) -> list[JsonObject]:
    """One `Event` per occurrence given (usually the upcoming public ones); an offering with
    none gets a single `Event` without dates, so on-request offerings are described too."""
    events = [_event(offering, occurrence, request) for occurrence in occurrences]
    return events or [_event(offering, None, request)]


def jsonld_script_content(events: list[JsonObject] | JsonObject) -> SafeString:
    """JSON for inside a `<script>` element: `<`, `>` and `&` are escaped so no text an editor
    typed can close the element."""
    text = json.dumps(events, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above
