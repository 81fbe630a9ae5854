"""The provider's reads: its offerings, their times and participants, and the orders inbox.

Every read is scoped to the organisation in the address and to what the actor may publish for
it; an offering, occurrence, order or image of another organisation answers NotFound, so staff
cannot even learn that it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from lampio.accounts.models import User
from lampio.core.errors import NotFound
from lampio.core.read_audit import PersonalDataRead, log_personal_data_read
from lampio.offerings.models import (
    ACTIVE_ENROLMENT,
    OPEN_ORDER_STATUSES,
    Enrolment,
    EnrolmentStatus,
    GroupOrder,
    Occurrence,
    Offering,
    OfferingImage,
    OrderStatus,
)
from lampio.spaces.models import Venue
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, Actor, can

# The inbox: orders waiting for the provider, waiting for the unit, and agreed ones ahead.
INBOX_STATUSES = [*OPEN_ORDER_STATUSES, OrderStatus.ACCEPTED]


def _publishable(actor: Actor, obj: Organisation | Offering) -> bool:
    return can(actor, Action.PUBLISH, obj)


def offerings_of(
    *, actor: Actor, organisation: Organisation, now: datetime | None = None
) -> QuerySet[Offering]:
    """All the organisation's offerings with their next time and the orders waiting for them."""
    if not _publishable(actor, organisation):
        return Offering.objects.none()
    upcoming = (
        Occurrence.objects.filter(offering=OuterRef("pk"), starts_at__gt=now or timezone.now())
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    return (
        Offering.objects.filter(organisation=organisation)
        .annotate(
            next_start=Subquery(upcoming),
            pending_orders=Count("orders", filter=Q(orders__status=OrderStatus.PENDING)),
        )
        .order_by("status", "title_fi", "pk")
    )


def managed_offering(*, actor: Actor, organisation: Organisation, offering_id: int) -> Offering:
    offering = (
        Offering.objects.filter(pk=offering_id, organisation=organisation)
        .select_related("organisation__municipality", "venue")
        .prefetch_related("keywords", "audience_rows", "language_rows")
        .first()
    )
    if offering is None or not _publishable(actor, offering):
        raise NotFound()
    return offering


def venue_choices(*, organisation: Organisation, current: Venue | None = None) -> QuerySet[Venue]:
    """Published venues of the organisation's municipality (and the one already chosen)."""
    nearby = Q(organisation__municipality_id=organisation.municipality_id, is_published=True)
    if current is not None:
        nearby |= Q(pk=current.pk)
    return Venue.objects.filter(nearby).order_by("name_fi", "pk")


def occurrences_of(*, offering: Offering) -> QuerySet[Occurrence]:
    """Every time of an offering the caller already found through `managed_offering`."""
    return offering.occurrences.order_by("starts_at", "pk")


def managed_occurrence(
    *, actor: Actor, organisation: Organisation, occurrence_id: int
) -> Occurrence:
    occurrence = (
        Occurrence.objects.filter(pk=occurrence_id, offering__organisation=organisation)
        .select_related("offering__organisation__municipality")
        .first()
    )
    if occurrence is None or not _publishable(actor, occurrence.offering):
        raise NotFound()
    return occurrence


@dataclass(frozen=True)
class Participants:
    confirmed: list[Enrolment]
    waiting: list[Enrolment]  # in the order they move up
    orders: list[GroupOrder]  # accepted group orders holding seats

    @property
    def confirmed_seats(self) -> int:
        return sum(enrolment.seats for enrolment in self.confirmed)

    @property
    def waiting_seats(self) -> int:
        return sum(enrolment.seats for enrolment in self.waiting)


def participants_of(*, actor: User, occurrence: Occurrence) -> Participants:
    """Who is enrolled, queued and ordered for an occurrence: the provider's list.

    Names and email addresses are personal data, so each time staff open the list an access
    entry is written to the audit log with the reader as its actor.
    """
    if not _publishable(actor, occurrence.offering):
        raise NotFound()
    enrolments = list(
        occurrence.enrolments.filter(status__in=ACTIVE_ENROLMENT)
        .select_related("person")
        .order_by("created_at", "pk")
    )
    orders = list(
        occurrence.orders.filter(status=OrderStatus.ACCEPTED)
        .select_related("unit", "ordered_by")
        .order_by("created_at", "pk")
    )
    log_personal_data_read(
        actor=actor,
        kind=PersonalDataRead.ENROLMENTS,
        subject=occurrence,
        organisation_id=occurrence.offering.organisation_id,
        count=len(enrolments) + len(orders),
    )
    return Participants(
        confirmed=[e for e in enrolments if e.status == EnrolmentStatus.CONFIRMED],
        waiting=[e for e in enrolments if e.status == EnrolmentStatus.WAITLISTED],
        orders=orders,
    )


def _provider_orders(organisation: Organisation) -> QuerySet[GroupOrder]:
    return (
        GroupOrder.objects.filter(offering__organisation=organisation)
        .select_related("offering", "occurrence", "unit__municipality", "ordered_by")
        .prefetch_related("proposed_times")
    )


def orders_inbox(
    *, actor: Actor, organisation: Organisation, now: datetime | None = None
) -> dict[str, list[GroupOrder]]:
    """Open and agreed orders of the organisation's offerings by status, oldest request first.

    Agreed orders are listed until their session has ended.
    """
    if not _publishable(actor, organisation):
        return {status: [] for status in INBOX_STATUSES}
    orders = (
        _provider_orders(organisation)
        .filter(
            Q(status__in=OPEN_ORDER_STATUSES)
            | Q(status=OrderStatus.ACCEPTED, occurrence__ends_at__gt=now or timezone.now())
        )
        .order_by("created_at", "pk")
    )
    inbox: dict[str, list[GroupOrder]] = {status: [] for status in INBOX_STATUSES}
    for order in orders:
        inbox[order.status].append(order)
    return inbox


def managed_order(*, actor: Actor, organisation: Organisation, order_id: int) -> GroupOrder:
    order = _provider_orders(organisation).filter(pk=order_id).first()
    if order is None or not _publishable(actor, order.offering):
        raise NotFound()
    return order


def images_of(*, offering: Offering) -> QuerySet[OfferingImage]:
    return OfferingImage.objects.filter(offering=offering).order_by("position", "pk")


def managed_image(*, actor: Actor, organisation: Organisation, image_id: int) -> OfferingImage:
    image = (
        OfferingImage.objects.filter(pk=image_id, offering__organisation=organisation)
        .select_related("offering")
        .first()
    )
    if image is None or not _publishable(actor, image.offering):
        raise NotFound()
    return image


def occurrences_with_counts(*, offering: Offering) -> QuerySet[Occurrence]:
    """The times of an offering with how many people wait for a seat on each."""
    return occurrences_of(offering=offering).annotate(
        waiting=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.WAITLISTED))
    )


def upcoming_times(*, offering: Offering, now: datetime | None = None) -> QuerySet[Occurrence]:
    return occurrences_of(offering=offering).filter(starts_at__gt=now or timezone.now())


def pending_order_count(*, offering: Offering) -> int:
    return offering.orders.filter(status=OrderStatus.PENDING).count()
