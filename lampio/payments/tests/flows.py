"""Steps the payment tests share: hold a slot, start paying online, let the fake say "paid"."""

from __future__ import annotations

from datetime import datetime

from lampio.accounts.models import User
from lampio.notifications.models import Delivery
from lampio.payments.fake_paytrail import FakePayment, FakePaytrail
from lampio.payments.models import Order, PaymentMethod
from lampio.payments.services import checkout
from lampio.payments.tests.conftest import NOW
from lampio.spaces.models import Space


def reserve(
    person: User, space: Space, slot: tuple[datetime, datetime], now: datetime | None = NOW
) -> Order:
    return checkout.reserve_paid_booking(
        actor=person,
        space=space,
        starts_at=slot[0],
        ends_at=slot[1],
        purpose="Syntymäpäivät",
        attendees=20,
        now=now,
    )


def start_online(
    fake: FakePaytrail, person: User, order: Order, now: datetime | None = NOW
) -> FakePayment:
    """Choose online payment; the fake's payment the person was sent to pay."""
    step = checkout.choose_payment(
        actor=person,
        order=order,
        choice=checkout.PaymentChoice(method=PaymentMethod.ONLINE),
        now=now,
    )
    return fake.payments[step.redirect_url.rsplit("/", 1)[1]]


def news(fake: FakePaytrail, payment: FakePayment, status: str = "ok") -> dict[str, str]:
    """The signed redirect/callback parameters of `status`; "ok" also marks the fake paid, as
    paying on its page does (a refund needs a paid payment there)."""
    if status == "ok":
        payment.status = "ok"
    return fake.signed_params(payment, status)


def messages_to(person: User, key: str) -> int:
    return Delivery.objects.filter(recipient=person, key=key).count()
