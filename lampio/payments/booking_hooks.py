"""Keep an order in step with its booking: a cancelled or denied booking releases its order;
and take over booking a paid space (see bookings.paid)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from lampio.accounts.models import User
from lampio.bookings import paid
from lampio.bookings.models import Booking
from lampio.bookings.signals import booking_released
from lampio.payments.models import Order, OrderStatus
from lampio.payments.services import refunds


@receiver(booking_released, sender=Booking)
def release_order_of_booking(sender: Any, booking: Booking, actor: User | None, **_kw: Any) -> None:
    order = Order.objects.filter(booking=booking).first()
    if order is not None:
        refunds.release_order(order, actor=actor, reason=gettext_noop("The booking was cancelled."))


def _reserve(**kwargs: Any) -> tuple[Booking, str]:
    from lampio.payments.services.checkout import reserve_paid_booking

    order = reserve_paid_booking(**kwargs)
    if order.booking is None:  # a booking's order always has it; for the type checker
        raise Booking.DoesNotExist
    return order.booking, reverse("payments:checkout", kwargs={"order_pk": order.pk})


def _adopt(booking: Booking) -> str:
    from lampio.payments.services.checkout import adopt_hold

    order = adopt_hold(booking)
    return reverse("payments:checkout", kwargs={"order_pk": order.pk})


def _payment_path(booking: Booking) -> str | None:
    order = Order.objects.filter(booking=booking, status=OrderStatus.PENDING).first()
    if order is None or not booking.is_blocking(timezone.now()):
        return None
    return reverse("payments:checkout", kwargs={"order_pk": order.pk})


paid.register(paid.PaidBookingHandler(reserve=_reserve, adopt=_adopt, payment_path=_payment_path))
