"""Reads on booking feedback: the booking a feedback link names, and the staff's list."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Avg, Count, QuerySet

from lampio.bookings.models import Booking, BookingKind, BookingReview, BookingStatus
from lampio.core.errors import NotFound
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, Actor, can


def booking_for_review(token: UUID | str) -> Booking:
    """The confirmed booking whose secret link this is; NotFound for anything else."""
    booking = (
        Booking.objects.filter(
            feed_token=token, kind=BookingKind.BOOKING, status=BookingStatus.CONFIRMED
        )
        .select_related("space__venue", "review")
        .first()
    )
    if booking is None:
        raise NotFound()
    return booking


def has_review(booking: Booking) -> bool:
    return BookingReview.objects.filter(booking=booking).exists()


def reviews_of_organisation(
    *, actor: Actor, organisation: Organisation, space_id: int | None = None
) -> QuerySet[BookingReview]:
    """Feedback on the organisation's spaces, newest first; none for anyone who may not manage
    it. The booker is not shown: staff see what was said, not who said it."""
    if not can(actor, Action.MANAGE, organisation):
        return BookingReview.objects.none()
    reviews = BookingReview.objects.filter(booking__space__venue__organisation=organisation)
    if space_id is not None:
        reviews = reviews.filter(booking__space_id=space_id)
    return reviews.select_related("booking__space__venue").order_by("-booking__starts_at", "-pk")


@dataclass(frozen=True)
class SpaceAverage:
    space_id: int
    name: str
    venue: str
    count: int
    average: float


def averages_per_space(*, actor: Actor, organisation: Organisation) -> list[SpaceAverage]:
    """Each of the organisation's spaces with feedback: how many answers and their average."""
    rows = (
        reviews_of_organisation(actor=actor, organisation=organisation)
        .order_by()
        .values("booking__space_id")
        .annotate(count=Count("pk"), average=Avg("rating"))
    )
    stats = {row["booking__space_id"]: row for row in rows}
    spaces = (
        Space.objects.filter(pk__in=stats).select_related("venue").order_by("venue__name", "name")
    )
    return [
        SpaceAverage(
            space.pk,
            space.name,
            space.venue.name,
            stats[space.pk]["count"],
            float(stats[space.pk]["average"]),
        )
        for space in spaces
    ]
