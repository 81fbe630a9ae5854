"""`{% booking_payment booking %}`: on a booking's page, the way to its checkout while the time
is held for payment, or to its receipt once the order is settled. Renders nothing for a booking
without an order, so the bookings templates need not know about payments."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from lampio.bookings.models import Booking, BookingStatus
from lampio.payments.models import Order, OrderStatus

register = template.Library()


@register.inclusion_tag("payments/_booking_payment.html")
def booking_payment(booking: Booking) -> dict[str, Any]:
    order = Order.objects.filter(booking=booking).first()
    if order is None or order.status == OrderStatus.CANCELLED:
        return {"order": None}
    payable = (
        order.status == OrderStatus.PENDING
        and booking.status == BookingStatus.HELD
        and booking.is_blocking(timezone.now())
    )
    if order.status == OrderStatus.PENDING and not payable:
        return {"order": None}  # the hold lapsed: nothing to pay, nothing to show
    return {"order": order, "payable": payable, "held_until": booking.hold_expires_at}
