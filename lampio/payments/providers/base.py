"""What the payment services need from an online payment provider, whichever it is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from lampio.payments.models import OnlinePayment, Order, Refund


class ProviderUnavailable(Exception):
    """The provider did not answer, or answered with an error: nothing was charged."""


class BadSignature(Exception):
    """A redirect or callback whose signature does not verify: ignore it."""


@dataclass(frozen=True)
class ReturnUrls:
    success: str
    cancel: str
    callback_success: str
    callback_cancel: str


@dataclass(frozen=True)
class StartedPayment:
    transaction_id: str
    redirect_url: str


@dataclass(frozen=True)
class PaymentNews:
    """What a verified redirect, callback or status query says about one payment."""

    stamp: str
    transaction_id: str
    status: str  # new, ok, fail, pending, delayed
    amount_cents: int
    payment_service: str = ""


@dataclass(frozen=True)
class RefundOutcome:
    status: str  # ok, pending, fail


class OnlineProvider(Protocol):
    name: str

    def create_payment(
        self, order: Order, payment: OnlinePayment, urls: ReturnUrls, email: str
    ) -> StartedPayment: ...

    def verify(self, params: dict[str, str]) -> PaymentNews: ...

    def payment_status(self, payment: OnlinePayment) -> PaymentNews: ...

    def refund(self, payment: OnlinePayment, refund: Refund, urls: ReturnUrls) -> RefundOutcome: ...
