"""iCalendar for one occurrence and for the feeds of a provider, a municipality or a person."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from icalendar import Calendar, Event

from lampio.offerings.models import Occurrence, OccurrenceStatus

ICAL_STATUS = {
    OccurrenceStatus.CANCELLED: "CANCELLED",
    OccurrenceStatus.POSTPONED: "TENTATIVE",
}


def place_of(occurrence: Occurrence) -> str:
    offering = occurrence.offering
    if offering.venue is not None:
        venue = offering.venue
        return f"{venue.name}, {venue.street_address}, {venue.postal_code} {venue.post_office}"
    return offering.location or offering.online_url


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Lämpiö//Culture offerings//FI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _event(occurrence: Occurrence, uid: str | None = None) -> Event:
    offering = occurrence.offering
    event = Event()
    event.add("uid", f"occurrence-{uid or occurrence.pk}@lampio")
    event.add("dtstamp", offering.updated_at)
    event.add("dtstart", occurrence.starts_at)
    event.add("dtend", occurrence.ends_at)
    event.add("summary", offering.title)
    location = place_of(occurrence)
    if location:
        event.add("location", location)
    description = "\n\n".join(
        text
        for text in (occurrence.notice, offering.short_description, offering.online_url)
        if text
    )
    if description:
        event.add("description", description)
    event.add("status", ICAL_STATUS.get(OccurrenceStatus(occurrence.status), "CONFIRMED"))
    return event


def occurrence_ics(occurrence: Occurrence, uid: str | None = None) -> bytes:
    calendar = _calendar(occurrence.offering.title)
    calendar.add_component(_event(occurrence, uid))
    return bytes(calendar.to_ical())


def feed_ics(name: str, occurrences: Iterable[Occurrence]) -> bytes:
    calendar = _calendar(name)
    for occurrence in occurrences:
        calendar.add_component(_event(occurrence))
    return bytes(calendar.to_ical())
