"""Paytrail (docs.paytrail.com, Payment API v2): create a payment, verify its redirect and
callback, ask its status, refund it. Card and bank details stay at Paytrail: Lämpiö sends an
amount and rows, and the person is redirected to Paytrail's page.

Every request is signed (HMAC over the `checkout-` headers and the body) and every response,
redirect and callback is verified with the same secret before anything is believed.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
import uuid
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.utils import translation

from lampio.payments.models import OnlinePayment, Order, Refund
from lampio.payments.money import to_cents
from lampio.payments.providers import paytrail_protocol as protocol
from lampio.payments.providers.base import (
    BadSignature,
    PaymentNews,
    ProviderUnavailable,
    RefundOutcome,
    ReturnUrls,
    StartedPayment,
)

logger = logging.getLogger(__name__)
LANGUAGES = {"fi": "FI", "sv": "SV", "en": "EN"}


class Paytrail:
    name = "paytrail"

    def __init__(self, *, base_url: str, account: str, secret: str, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.account = account
        self.secret = secret
        self.timeout = timeout

    # --- requests -------------------------------------------------------------------------

    def _headers(self, method: str, transaction_id: str = "") -> dict[str, str]:
        headers = {
            "checkout-account": self.account,
            "checkout-algorithm": "sha256",
            "checkout-method": method,
            "checkout-nonce": uuid.uuid4().hex,
            "checkout-timestamp": datetime.now(UTC).isoformat(timespec="milliseconds"),
        }
        if transaction_id:
            headers["checkout-transaction-id"] = transaction_id
        return headers

    def _call(self, method: str, path: str, payload: Any = None, transaction_id: str = "") -> Any:
        body = "" if payload is None else json.dumps(payload, separators=(",", ":"))
        headers = self._headers(method, transaction_id)
        headers["signature"] = protocol.signature(self.secret, headers, body)
        headers["content-type"] = "application/json; charset=utf-8"
        request = urllib.request.Request(  # noqa: S310 (the operator's https URL)
            self.base_url + path,
            data=body.encode() if body else None,
            headers=headers,
            method=method,
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                text = response.read().decode()
                answer_headers = {k.lower(): v for k, v in response.headers.items()}
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            logger.warning("paytrail %s %s failed: %s", method, path, error)
            raise ProviderUnavailable(str(error)) from error
        checkout = {k: v for k, v in answer_headers.items() if k.startswith("checkout-")}
        if not protocol.is_signed(self.secret, checkout, answer_headers.get("signature", ""), text):
            logger.error("paytrail %s %s: the response signature does not verify", method, path)
            raise ProviderUnavailable("unsigned response")
        try:
            return json.loads(text) if text else {}
        except ValueError as error:
            raise ProviderUnavailable("not JSON") from error

    # --- the interface ----------------------------------------------------------------------

    def create_payment(
        self, order: Order, payment: OnlinePayment, urls: ReturnUrls, email: str
    ) -> StartedPayment:
        payload = {
            "stamp": str(payment.stamp),
            "reference": order.reference,
            "amount": to_cents(payment.amount),
            "currency": "EUR",
            "language": LANGUAGES.get(translation.get_language() or "fi", "FI"),
            "items": [
                {
                    "unitPrice": to_cents(row.total),
                    "units": 1,
                    "vatPercentage": float(row.vat_rate),
                    "productCode": f"{order.reference}-{index}",
                    "description": row.description[:1000],
                }
                for index, row in enumerate(order.rows.all(), start=1)
                if row.total > 0
            ],
            "customer": {"email": email},
            "redirectUrls": {"success": urls.success, "cancel": urls.cancel},
            "callbackUrls": {"success": urls.callback_success, "cancel": urls.callback_cancel},
        }
        answer = self._call("POST", "/payments", payload)
        try:
            return StartedPayment(
                transaction_id=str(answer["transactionId"]), redirect_url=str(answer["href"])
            )
        except KeyError as error:
            raise ProviderUnavailable("incomplete answer") from error

    def verify(self, params: dict[str, str]) -> PaymentNews:
        checkout = {k: v for k, v in params.items() if k.startswith("checkout-")}
        if checkout.get("checkout-account") != self.account or not protocol.is_signed(
            self.secret, checkout, params.get("signature", "")
        ):
            raise BadSignature()
        try:
            return PaymentNews(
                stamp=checkout["checkout-stamp"],
                transaction_id=checkout["checkout-transaction-id"],
                status=checkout["checkout-status"],
                amount_cents=int(checkout["checkout-amount"]),
                payment_service=checkout.get("checkout-provider", ""),
            )
        except (KeyError, ValueError) as error:
            raise BadSignature() from error

    def payment_status(self, payment: OnlinePayment) -> PaymentNews:
        tx = payment.transaction_id or ""
        answer = self._call("GET", f"/payments/{tx}", transaction_id=tx)
        return PaymentNews(
            stamp=str(answer.get("stamp", payment.stamp)),
            transaction_id=tx,
            status=str(answer.get("status", "new")),
            amount_cents=int(answer.get("amount", 0)),
            payment_service=str(answer.get("provider", "")),
        )

    def refund(self, payment: OnlinePayment, refund: Refund, urls: ReturnUrls) -> RefundOutcome:
        tx = payment.transaction_id or ""
        payload = {
            "amount": to_cents(refund.amount),
            "refundStamp": str(refund.stamp),
            "refundReference": payment.order.reference,
            "callbackUrls": {"success": urls.callback_success, "cancel": urls.callback_cancel},
        }
        answer = self._call("POST", f"/payments/{tx}/refund", payload, transaction_id=tx)
        status = str(answer.get("status", "fail"))
        return RefundOutcome(status=status if status in ("ok", "pending") else "fail")


def online_provider() -> Paytrail | None:
    """The configured provider, or None when online payment is not set up here."""
    if not settings.LAMPIO_PAYTRAIL_URL:
        return None
    return Paytrail(
        base_url=settings.LAMPIO_PAYTRAIL_URL,
        account=settings.LAMPIO_PAYTRAIL_ACCOUNT,
        secret=settings.LAMPIO_PAYTRAIL_SECRET,
        timeout=settings.LAMPIO_PAYTRAIL_TIMEOUT,
    )
