"""Group orders by care units and schools, and the provider's answers to them.

An order for an existing occurrence takes its seats (group plus accompanying staff) when it is
accepted — at once if the offering accepts orders automatically. An order for an offering on
request proposes times; the provider accepts one of them, or proposes another time that the
unit then accepts. Either way an accepted order ends up holding seats on an occurrence, which
for an on-request order is a private occurrence made just for that group.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from lampio.core.locking import lock_rows
from lampio.core.timeranges import Interval, as_utc
from lampio.offerings import tasks
from lampio.offerings.errors import NotEnoughSeats, OrderNotPossible
from lampio.offerings.models import (
    OPEN_ORDER_STATUSES,
    GroupOrder,
    Occurrence,
    OccurrenceStatus,
    Offering,
    OfferingStatus,
    OrderStatus,
    ProposedTime,
)
from lampio.offerings.services.enrolment import give_back_seats, promote_waiting_list, take_seats
from lampio.offerings.signals import participation_confirmed, participation_released
from lampio.tenancy.models import Organisation, OrganisationKind
from lampio.tenancy.permissions import Action, can

ORDERING_KINDS = [OrganisationKind.CARE_UNIT, OrganisationKind.SCHOOL]
MAX_PROPOSED_TIMES = 5


@dataclass(frozen=True)
class OrderDetails:
    group_size: int
    accompanying_staff: int = 0
    special_needs: str = ""
    message: str = ""
    occurrence: Occurrence | None = None
    proposed_times: Sequence[Interval] = ()


def _notify(order_id: int, event: str) -> None:
    transaction.on_commit(lambda: tasks.send_order_message.enqueue(order_id, event))


def _check_group(offering: Offering, details: OrderDetails) -> None:
    if details.group_size < offering.min_group_size:
        raise InvalidInput(
            _("The smallest group for this offering is %(count)d.")
            % {"count": offering.min_group_size},
            field="group_size",
        )
    if offering.max_group_size and details.group_size > offering.max_group_size:
        raise InvalidInput(
            _("The largest group for this offering is %(count)d.")
            % {"count": offering.max_group_size},
            field="group_size",
        )
    if details.accompanying_staff > 50:
        raise InvalidInput(_("Check the number of accompanying staff."), field="accompanying_staff")


def _check_times(offering: Offering, details: OrderDetails, now: datetime) -> list[Interval]:
    if not offering.on_request:
        occurrence = details.occurrence
        if occurrence is None or occurrence.offering_id != offering.pk or not occurrence.is_public:
            raise InvalidInput(_("Choose one of the offered times."), field="occurrence")
        if not occurrence.is_open or occurrence.starts_at <= now:
            raise OrderNotPossible(_("This time can no longer be ordered."), field="occurrence")
        return []
    times = sorted({Interval(as_utc(t.start), as_utc(t.end)) for t in details.proposed_times})
    if not times:
        raise InvalidInput(_("Propose at least one time that suits your group."), field="proposed")
    if len(times) > MAX_PROPOSED_TIMES:
        raise InvalidInput(
            _("Propose at most %(count)d times.") % {"count": MAX_PROPOSED_TIMES},
            field="proposed",
        )
    for interval in times:
        if interval.end <= interval.start:
            raise InvalidInput(_("Each time must end after it starts."), field="proposed")
        if interval.start <= now:
            raise InvalidInput(_("Propose times in the future."), field="proposed")
    return times


def place_order(
    *,
    actor: User,
    unit: Organisation,
    offering: Offering,
    details: OrderDetails,
    now: datetime | None = None,
) -> GroupOrder:
    """A care unit's or school's staff order `offering` for their group."""
    now = now or timezone.now()
    if not can(actor, Action.ORDER, unit) or unit.kind not in ORDERING_KINDS:
        raise PermissionDenied(_("Only staff of a care unit or a school can order for a group."))
    if offering.status != OfferingStatus.PUBLISHED:
        raise NotFound()
    if not offering.allows_group_orders:
        raise OrderNotPossible(_("This offering does not take group orders."))
    _check_group(offering, details)
    times = _check_times(offering, details, now)
    with transaction.atomic(), set_actor(actor):
        order = GroupOrder.objects.create(
            offering=offering,
            occurrence=details.occurrence,
            unit=unit,
            ordered_by=actor,
            group_size=details.group_size,
            accompanying_staff=details.accompanying_staff,
            special_needs=details.special_needs.strip(),
            message=details.message.strip(),
        )
        ProposedTime.objects.bulk_create(
            ProposedTime(order=order, starts_at=time.start, ends_at=time.end) for time in times
        )
        if offering.auto_accept_orders and details.occurrence is not None:
            if not take_seats(details.occurrence.pk, order.seats):
                raise NotEnoughSeats(
                    _("There are not enough seats left for your group at this time."),
                    field="occurrence",
                )
            order.status = OrderStatus.ACCEPTED
            order.save(update_fields=["status", "updated_at"])
            _notify(order.pk, "accepted")
        _notify(order.pk, "placed")
    return order


def _locked_open_order(order: GroupOrder, expected: Sequence[str]) -> GroupOrder:
    current = GroupOrder.objects.select_for_update().get(pk=order.pk)
    if current.status not in expected:
        raise Conflict(_("The order has already been handled."))
    return current


def _private_occurrence(order: GroupOrder, starts_at: datetime, ends_at: datetime) -> Occurrence:
    return Occurrence.objects.create(
        offering=order.offering,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=order.seats,
        seats_taken=order.seats,
        is_public=False,
    )


def accept_order(
    *, actor: User, order: GroupOrder, proposed_time: ProposedTime | None = None, message: str = ""
) -> GroupOrder:
    """The provider accepts: seats on the ordered occurrence, or one of the proposed times."""
    if not can(actor, Action.PUBLISH, order.offering):
        raise NotFound()
    with transaction.atomic(), set_actor(actor):
        current = _locked_open_order(order, [OrderStatus.PENDING])
        if current.occurrence_id is not None:
            if not take_seats(current.occurrence_id, current.seats):
                raise NotEnoughSeats(
                    _("The occurrence no longer has seats for this group. Propose another time.")
                )
        else:
            if proposed_time is None or proposed_time.order_id != current.pk:
                raise InvalidInput(_("Choose one of the proposed times."), field="proposed_time")
            current.occurrence = _private_occurrence(
                current, proposed_time.starts_at, proposed_time.ends_at
            )
        current.status, current.decided_by = OrderStatus.ACCEPTED, actor
        current.provider_message = message.strip()
        current.save()
        participation_confirmed.send(sender=GroupOrder, enrolment=None, group_order=current)
        _notify(current.pk, "accepted")
    return current


def decline_order(*, actor: User, order: GroupOrder, message: str) -> GroupOrder:
    if not can(actor, Action.PUBLISH, order.offering):
        raise NotFound()
    if not message.strip():
        raise InvalidInput(_("Tell the group why the order is declined."), field="message")
    with transaction.atomic(), set_actor(actor):
        current = _locked_open_order(order, OPEN_ORDER_STATUSES)
        current.status, current.decided_by = OrderStatus.DECLINED, actor
        current.provider_message = message.strip()
        current.save()
        _notify(current.pk, "declined")
    return current


def propose_other_time(
    *,
    actor: User,
    order: GroupOrder,
    starts_at: datetime,
    ends_at: datetime,
    message: str = "",
    now: datetime | None = None,
) -> GroupOrder:
    """The provider suggests another time; the unit accepts or declines it."""
    now = now or timezone.now()
    if not can(actor, Action.PUBLISH, order.offering):
        raise NotFound()
    starts_at, ends_at = as_utc(starts_at), as_utc(ends_at)
    if ends_at <= starts_at:
        raise InvalidInput(_("The time must end after it starts."), field="ends_at")
    if starts_at <= now:
        raise InvalidInput(_("Propose a time in the future."), field="starts_at")
    with transaction.atomic(), set_actor(actor):
        current = _locked_open_order(order, OPEN_ORDER_STATUSES)
        current.status, current.decided_by = OrderStatus.PROPOSED, actor
        current.proposed_starts_at, current.proposed_ends_at = starts_at, ends_at
        current.provider_message = message.strip()
        current.save()
        _notify(current.pk, "proposed")
    return current


def _require_unit_staff(actor: User, order: GroupOrder) -> None:
    if not can(actor, Action.ORDER, order.unit):
        raise NotFound()


def accept_proposed_time(*, actor: User, order: GroupOrder) -> GroupOrder:
    """The ordering unit agrees to the provider's time: a private occurrence holds the group."""
    _require_unit_staff(actor, order)
    with transaction.atomic(), set_actor(actor):
        current = _locked_open_order(order, [OrderStatus.PROPOSED])
        starts_at, ends_at = current.proposed_starts_at, current.proposed_ends_at
        if starts_at is None or ends_at is None:  # PROPOSED always carries both
            raise Conflict(_("The order has already been handled."))
        current.occurrence = _private_occurrence(current, starts_at, ends_at)
        current.status = OrderStatus.ACCEPTED
        current.save()
        _notify(current.pk, "proposal_accepted")
    return current


def cancel_order(*, actor: User, order: GroupOrder, now: datetime | None = None) -> GroupOrder:
    """The unit withdraws its order; seats it held go back and the waiting list moves up."""
    now = now or timezone.now()
    _require_unit_staff(actor, order)
    with transaction.atomic(), set_actor(actor):
        current = _locked_open_order(order, [*OPEN_ORDER_STATUSES, OrderStatus.ACCEPTED])
        occurrence = current.occurrence
        if current.status == OrderStatus.ACCEPTED and occurrence is not None:
            if occurrence.starts_at <= now:
                raise OrderNotPossible(_("A session that has started cannot be cancelled."))
            lock_rows(Occurrence.objects.filter(pk=occurrence.pk))
            give_back_seats(occurrence.pk, current.seats)
            participation_released.send(sender=GroupOrder, enrolment=None, group_order=current)
            if occurrence.is_public:
                promote_waiting_list(occurrence.pk, now)
            else:  # the private session was made for this group only
                occurrence.status = OccurrenceStatus.CANCELLED
                occurrence.save(update_fields=["status"])
        current.status = OrderStatus.CANCELLED
        current.save()
        _notify(current.pk, "cancelled")
    return current
