"""The data the API fuzz runs against: two cities with spaces, offerings, a resident's booking
and enrolment, an open-data measure and an Open311 jurisdiction with a client key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from lampio.bookings.services import book_space
from lampio.core.timeranges import LOCAL_ZONE
from lampio.feedback.models import Feedback, FeedbackCategory, Open311Client
from lampio.feedback.services.setup import set_up_feedback
from lampio.feedback.services.submission import FeedbackDraft, submit_feedback
from lampio.insights.models import Fact, MeasureSetting
from lampio.offerings.services.enrolment import enrol


@dataclass
class Seeded:
    known: dict[str, list[Any]]
    token: str = ""
    open311_key: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def seed(
    *,
    make_municipality: Callable[..., Any],
    make_organisation: Callable[..., Any],
    make_member: Callable[..., Any],
    make_space: Callable[..., Any],
    make_offering: Callable[..., Any],
    resident: Any,
) -> Seeded:
    oulu, lahti = make_municipality(slug="oulu"), make_municipality(slug="lahti")
    library, hall = make_organisation(municipality=oulu), make_organisation(municipality=lahti)
    make_member(library, role="staff")
    spaces = [make_space(library), make_space(library, capacity=8), make_space(hall)]
    offerings = [make_offering(library, occurrences=2), make_offering(hall, capacity=3)]
    occurrences = [occ for offering in offerings for occ in offering.occurrences.all()]

    tomorrow = datetime.now(LOCAL_ZONE).date() + timedelta(days=1)
    booking = book_space(
        actor=resident,
        space=spaces[0],
        starts_at=datetime.combine(tomorrow, time(10), LOCAL_ZONE),
        ends_at=datetime.combine(tomorrow, time(12), LOCAL_ZONE),
        purpose="Kuoroharjoitus",
        attendees=5,
    )
    enrolment = enrol(actor=resident, occurrence=occurrences[0], seats=1)

    month = date.today().replace(day=1) - timedelta(days=1)
    for org, hour, n in ((library, 10, 12), (library, 11, 3), (hall, 10, 30)):
        Fact.objects.create(
            measure="bookings",
            month=month.replace(day=1),
            municipality=org.municipality,
            organisation=org,
            hour=hour,
            value=n,
            n=n,
        )
    MeasureSetting.objects.create(measure="bookings", is_open_data=True)

    jurisdiction = set_up_feedback(
        municipality=oulu, fallback_organisation=library, open311_id="oulu.fi"
    )
    category = FeedbackCategory.objects.filter(municipality=oulu).first()
    assert category is not None
    feedback = submit_feedback(
        actor=None,
        municipality=oulu,
        draft=FeedbackDraft(category=category, text="Ovi jumittaa.", address="Kirkkokatu 1"),
    )
    Feedback.objects.filter(pk=feedback.pk).update(wants_public=True, is_published=True)
    client = Open311Client(name="Kaupunkisovellus")
    key = client.issue_key()
    client.save()

    # Two slots: the booked one (a waitlist can be joined for it) and a free one.
    later = tomorrow + timedelta(days=1)
    slots = [(tomorrow, time(10), time(12)), (later, time(14), time(16))]
    known: dict[str, list[Any]] = {
        "starts_at": [datetime.combine(d, a, LOCAL_ZONE).isoformat() for d, a, _b in slots],
        "ends_at": [datetime.combine(d, b, LOCAL_ZONE).isoformat() for d, _a, b in slots],
        "attendees": [1, 4],
        "seats": [1, 2],
        "purpose": ["Kuoroharjoitus"],
        "space_id": [space.pk for space in spaces],
        "booking_id": [booking.pk],
        "offering_id": [offering.pk for offering in offerings],
        "occurrence_id": [occurrence.pk for occurrence in occurrences],
        "enrolment_id": [enrolment.pk],
        "measure_key": ["bookings"],
        "municipality": ["oulu", "lahti"],
        "organisation": [library.pk, hall.pk],
        # Open311
        "jurisdiction_id": [jurisdiction.open311_id],
        "service_code": list(
            FeedbackCategory.objects.filter(municipality=oulu).values_list("code", flat=True)
        ),
        "service_request_id": [str(feedback.pk)],
        "api_key": [key],
        "description": ["Katuvalo ei pala Kirkkokadulla."],
        "lat": ["65.0121"],
        "long": ["25.4651"],
    }
    return Seeded(known=known, open311_key=key)
