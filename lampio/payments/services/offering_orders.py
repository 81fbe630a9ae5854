"""Orders for culture offerings: a paid enrolment is paid on site, and a group order accepted
by the provider is invoiced to the ordering unit. Both follow their seats: given up seats
release the order (cancelled, or credited once invoiced).

Online payment is for bookings only for now: an enrolment's seats are taken at once by a
counter (see offerings.services.enrolment), so there is no hold to pay against yet.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_noop

from lampio.offerings.models import Enrolment, GroupOrder, Occurrence
from lampio.payments import messages
from lampio.payments.models import Order, OrderStatus, PaymentMethod
from lampio.payments.pricing import Quote, quote_occurrence
from lampio.payments.services import refunds
from lampio.payments.services.rows import add_rows


def _create(order: Order, quote: Quote) -> Order:
    order.total = quote.total
    order.save()
    add_rows(order, quote)
    messages.order_message(order, "confirmed")
    return order


def order_for_enrolment(enrolment: Enrolment, *, new: bool = False) -> Order | None:
    """The person's seats of a paid offering: to be paid on site. None when it is free, or
    when the enrolment has its order already (a `new` one cannot have)."""
    occurrence = enrolment.occurrence
    quote = quote_occurrence(occurrence=occurrence, seats=enrolment.seats)
    if quote.is_free or (not new and Order.objects.filter(enrolment=enrolment).exists()):
        return None
    order = Order(
        seller=occurrence.offering.organisation,  # read with the occurrence: its message names it
        enrolment=enrolment,
        customer=enrolment.person,
        method=PaymentMethod.ON_SITE,
        status=OrderStatus.PAY_ON_SITE,
        language=(enrolment.person.preferred_language if enrolment.person else "") or "fi",
    )
    return _create(order, quote)


def order_for_group(group_order: GroupOrder) -> Order | None:
    """An accepted group order of a paid offering, invoiced to the unit that ordered it."""
    occurrence = group_order.occurrence
    if occurrence is None or Order.objects.filter(group_order=group_order).exists():
        return None
    unit = group_order.unit
    # Accompanying staff come free: the price counts the group.
    quote = quote_occurrence(occurrence=occurrence, seats=group_order.group_size, payer=unit)
    if quote.is_free:
        return None
    order = Order(
        seller_id=occurrence.offering.organisation_id,
        group_order=group_order,
        customer=group_order.ordered_by,
        payer_organisation=unit,
        method=PaymentMethod.INVOICE,
        status=OrderStatus.INVOICED,
        billing_name=unit.name,
        billing_email=unit.email,
    )
    return _create(order, quote)


def release_for(
    *, enrolment: Enrolment | None = None, group_order: GroupOrder | None = None
) -> None:
    order = Order.objects.filter(
        Q(enrolment=enrolment) if enrolment is not None else Q(group_order=group_order)
    ).first()
    if order is not None:
        refunds.release_order(order, actor=None, reason=gettext_noop("The seats were cancelled."))


def release_occurrence(occurrence: Occurrence) -> None:
    """The provider cancelled the occurrence: every order for it is cancelled or credited."""
    orders = Order.objects.filter(
        Q(enrolment__occurrence=occurrence) | Q(group_order__occurrence=occurrence)
    ).exclude(status__in=(OrderStatus.CANCELLED, OrderStatus.REFUNDED))
    for order in orders:
        refunds.release_order(
            order, actor=None, reason=gettext_noop("The provider cancelled the event.")
        )
