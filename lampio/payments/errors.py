from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lampio.core.errors import Conflict, DomainError


class HoldLapsed(Conflict):
    code = "hold_lapsed"
    default_message = _(
        "The time was held for you only for a while and the hold has lapsed. Book again: "
        "the time may still be free."
    )


class PaymentServiceDown(DomainError):
    status = 503
    code = "payment_service_down"
    default_message = _(
        "The payment service is not answering right now. Nothing was charged. Try again in a "
        "moment, or choose another way to pay."
    )


class RefundTooLarge(DomainError):
    code = "refund_too_large"
    default_message = _("The refund is larger than what is left to refund.")
