"""The demo's seats: residents' enrolments and care units' and schools' group orders.

Part of the offerings demo (offerings_loader.py). Seats are taken with the services' conditional
UPDATE (`take_seats`), so `seats_taken` always equals the seats that enrolments and accepted
orders hold, and a time that filled up meanwhile turns an enrolment into a place in the queue.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta

from django.db.models import Q

from lampio.accounts.models import User
from lampio.core.timeranges import local_datetime
from lampio.demo.offerings_data import ENROLMENTS, ORDERS, OrderSpec
from lampio.offerings.models import (
    OPEN_STATUSES,
    Enrolment,
    EnrolmentStatus,
    GroupOrder,
    Occurrence,
    Offering,
    OrderStatus,
    ProposedTime,
)
from lampio.offerings.services.enrolment import take_seats
from lampio.tenancy.models import Membership, Organisation, Role
from lampio.tenancy.permissions import Action, role_ids_allowing


def clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


class Upcoming:
    """An offering's public, open times ahead, soonest first; read once per offering."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.cache: dict[int, list[Occurrence]] = {}

    def __call__(self, offering: Offering) -> list[Occurrence]:
        if offering.pk not in self.cache:
            self.cache[offering.pk] = list(
                offering.occurrences.filter(
                    is_public=True, status__in=OPEN_STATUSES, starts_at__gt=self.now
                ).order_by("starts_at")
            )
        return self.cache[offering.pk]


def _users(emails: set[str]) -> dict[str, User]:
    return {str(user.email): user for user in User.objects.filter(email__in=emails)}


def load_enrolments(offerings: Mapping[str, Offering], upcoming: Upcoming) -> int:
    """Enrol the demo residents; whoever does not fit any more joins the waiting list."""
    users = _users({email for _key, _index, email, _seats in ENROLMENTS})
    created = 0
    for key, index, email, seats in ENROLMENTS:
        times = upcoming(offerings[key])
        person = users.get(email)
        if person is None or index >= len(times):
            continue
        occurrence = times[index]
        if Enrolment.objects.filter(occurrence=occurrence, person=person).exists():
            continue
        status = (
            EnrolmentStatus.CONFIRMED
            if take_seats(occurrence.pk, seats)
            else EnrolmentStatus.WAITLISTED
        )
        Enrolment.objects.create(occurrence=occurrence, person=person, seats=seats, status=status)
        created += 1
    return created


def _deciders(offerings: Mapping[str, Offering]) -> dict[int, User]:
    """Who answers orders in the demo: a provider's admin, else its editor or staff."""
    memberships = Membership.objects.filter(
        organisation_id__in={offering.organisation_id for offering in offerings.values()},
        role__in=role_ids_allowing(Action.PUBLISH),
    ).select_related("user")
    deciders: dict[int, User] = {}
    for membership in sorted(memberships, key=lambda m: (m.role != Role.ADMIN, m.pk)):
        deciders.setdefault(membership.organisation_id, membership.user)
    return deciders


def _has_time_ahead(offering: Offering, unit: Organisation, now: datetime) -> bool:
    return (
        GroupOrder.objects.filter(offering=offering, unit=unit)
        .filter(
            Q(occurrence__starts_at__gt=now)
            | Q(proposed_times__starts_at__gt=now)
            | Q(proposed_starts_at__gt=now)
        )
        .exists()
    )


def load_orders(
    offerings: Mapping[str, Offering],
    organisations: Mapping[tuple[str, str], Organisation],
    upcoming: Upcoming,
    *,
    today: date,
    now: datetime,
) -> int:
    users = _users({spec.ordered_by for spec in ORDERS})
    deciders = _deciders(offerings)
    created = 0
    for spec in ORDERS:
        offering = offerings[spec.offering]
        unit = organisations[spec.unit]
        if _has_time_ahead(offering, unit, now):
            continue
        order = GroupOrder(
            offering=offering,
            unit=unit,
            ordered_by=users.get(spec.ordered_by),
            group_size=spec.group_size,
            accompanying_staff=spec.accompanying_staff,
            special_needs=spec.special_needs,
            message=spec.message,
        )
        if spec.occurrence is not None:
            times = upcoming(offering)
            if spec.occurrence >= len(times):
                continue
            order.occurrence = times[spec.occurrence]
        proposed = [_interval(today, days, at, spec.minutes) for days, at in spec.proposed]
        if not _decide(
            order, spec, proposed, today, decider=deciders.get(offering.organisation_id)
        ):
            continue
        order.save()
        ProposedTime.objects.bulk_create(
            ProposedTime(order=order, starts_at=start, ends_at=end) for start, end in proposed
        )
        created += 1
    return created


def _interval(today: date, days: int, at: str, minutes: int) -> tuple[datetime, datetime]:
    starts_at = local_datetime(today + timedelta(days=days), clock(at))
    return starts_at, starts_at + timedelta(minutes=minutes)


def _decide(
    order: GroupOrder,
    spec: OrderSpec,
    proposed: list[tuple[datetime, datetime]],
    today: date,
    *,
    decider: User | None,
) -> bool:
    """Bring the order into the state the demo shows; False when it cannot be placed."""
    if spec.state == OrderStatus.PROPOSED and spec.provider_time is not None:
        days, at = spec.provider_time
        order.proposed_starts_at, order.proposed_ends_at = _interval(today, days, at, spec.minutes)
        order.status, order.decided_by = OrderStatus.PROPOSED, decider
        order.provider_message = spec.provider_message
    elif spec.state == OrderStatus.ACCEPTED:
        seats = spec.group_size + spec.accompanying_staff
        if order.occurrence is not None:
            if not take_seats(order.occurrence.pk, seats):
                return False  # the time filled up meanwhile; the demo leaves it be
        elif proposed:
            starts_at, ends_at = proposed[0]
            order.occurrence = Occurrence.objects.create(
                offering=order.offering,
                starts_at=starts_at,
                ends_at=ends_at,
                capacity=seats,
                seats_taken=seats,
                is_public=False,
            )
        order.status = OrderStatus.ACCEPTED
        order.decided_by = None if order.offering.auto_accept_orders else decider
    return True
