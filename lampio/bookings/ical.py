"""iCalendar (.ics) for one booking and for a person's feed of bookings."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from icalendar import Calendar, Event

from lampio.bookings.models import Booking, BookingStatus


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Lämpiö//Bookings//FI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _event(booking: Booking) -> Event:
    venue = booking.space.venue
    event = Event()
    event.add("uid", f"booking-{booking.feed_token}@lampio")
    event.add("dtstamp", booking.created_at)
    event.add("dtstart", booking.starts_at)
    event.add("dtend", booking.ends_at)
    event.add("summary", f"{booking.space.name}: {booking.purpose}")
    event.add(
        "location", f"{venue.name}, {venue.street_address}, {venue.postal_code} {venue.post_office}"
    )
    if venue.directions:
        event.add("description", venue.directions)
    event.add(
        "status",
        "CANCELLED"
        if booking.status in {BookingStatus.CANCELLED, BookingStatus.DENIED}
        else "TENTATIVE"
        if booking.status == BookingStatus.REQUESTED
        else "CONFIRMED",
    )
    return event


def booking_ics(booking: Booking) -> bytes:
    calendar = _calendar()
    calendar.add_component(_event(booking))
    return bytes(calendar.to_ical())


def feed_ics(bookings: Iterable[Booking]) -> bytes:
    calendar = _calendar()
    for booking in bookings:
        calendar.add_component(_event(booking))
    return bytes(calendar.to_ical())
