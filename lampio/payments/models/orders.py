"""Orders and the money that moves for them.

An order snapshots what was bought (its rows) at the price of the moment; later price changes
never touch it. The amounts are kept for bookkeeping even after the customer's account is
deleted: the personal fields are blanked then (see `personal_data`).
"""

from __future__ import annotations

import secrets
import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lampio.bookings.models import Booking
from lampio.offerings.models import Enrolment, GroupOrder
from lampio.payments.models.pricing import VAT_RATES, PriceGroup
from lampio.tenancy.models import Organisation

REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I to misread


def new_reference() -> str:
    return "L" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(9))


class PaymentMethod(models.TextChoices):
    ONLINE = "online", _("Online payment")
    INVOICE = "invoice", _("Invoice")
    ON_SITE = "on_site", _("Pay on site")
    FREE = "free", _("Free of charge")


class OrderStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for payment")
    PAID = "paid", _("Paid")
    INVOICED = "invoiced", _("To be invoiced")
    PAY_ON_SITE = "on_site", _("To be paid on site")
    FREE = "free", _("Free of charge")
    CANCELLED = "cancelled", _("Cancelled")
    REFUNDED = "refunded", _("Refunded")


# The invoice details an order may carry: asked by the checkout form, exported, erased.
BILLING_FIELDS = (
    "billing_name",
    "billing_business_id",
    "billing_address",
    "billing_postcode",
    "billing_city",
    "billing_email",
    "einvoice_address",
    "einvoice_operator",
    "customer_reference",
)


class Order(models.Model):
    reference = models.CharField(
        _("order number"), max_length=12, unique=True, default=new_reference, editable=False
    )
    seller = models.ForeignKey(
        Organisation, verbose_name=_("seller"), on_delete=models.PROTECT, related_name="orders"
    )
    booking = models.OneToOneField(
        Booking,
        verbose_name=_("booking"),
        on_delete=models.PROTECT,
        related_name="order",
        null=True,
        blank=True,
    )
    enrolment = models.OneToOneField(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.PROTECT,
        related_name="order",
        null=True,
        blank=True,
    )
    group_order = models.OneToOneField(
        GroupOrder,
        verbose_name=_("group order"),
        on_delete=models.PROTECT,
        related_name="payment_order",
        null=True,
        blank=True,
    )
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("customer"),
        on_delete=models.SET_NULL,
        related_name="orders",
        null=True,
        blank=True,
    )
    payer_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("paying organisation"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    price_group = models.CharField(
        _("price group"), max_length=16, choices=PriceGroup.choices, default=PriceGroup.ADULT
    )
    method = models.CharField(
        _("payment method"), max_length=16, choices=PaymentMethod.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=16, choices=OrderStatus.choices, default=OrderStatus.PENDING
    )
    total = models.DecimalField(_("total (€)"), max_digits=10, decimal_places=2)
    refunded = models.DecimalField(
        _("refunded (€)"), max_digits=10, decimal_places=2, default=Decimal(0)
    )
    language = models.CharField(max_length=8, default="fi")
    # Billing details, asked only for invoices.
    billing_name = models.CharField(_("name on the invoice"), max_length=200, blank=True)
    billing_business_id = models.CharField(_("business ID"), max_length=9, blank=True)
    billing_address = models.CharField(_("street address"), max_length=200, blank=True)
    billing_postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    billing_city = models.CharField(_("town"), max_length=100, blank=True)
    billing_email = models.EmailField(_("email for the invoice"), blank=True)
    einvoice_address = models.CharField(_("e-invoice address"), max_length=35, blank=True)
    einvoice_operator = models.CharField(_("e-invoice operator"), max_length=35, blank=True)
    customer_reference = models.CharField(_("your reference"), max_length=70, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # Money and the slot disagree (a payment that came after the slot went to someone else, a
    # refund the provider refused, an on-site payment to return): a person must look.
    attention = models.TextField(_("needs attention"), blank=True)
    attention_resolved_at = models.DateTimeField(null=True, blank=True)
    attention_resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The receipt link in emails opens without logging in.
    receipt_token = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["seller", "created_at"], name="order_seller_created"),
            models.Index(
                fields=["seller"],
                condition=~Q(attention="") & Q(attention_resolved_at__isnull=True),
                name="order_needs_attention",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(total__gte=0), name="order_total_not_negative"),
            # An order pays for one thing: a booking, an enrolment or a group order.
            models.CheckConstraint(
                condition=Q(booking__isnull=True, enrolment__isnull=True)
                | Q(booking__isnull=True, group_order__isnull=True)
                | Q(enrolment__isnull=True, group_order__isnull=True),
                name="order_pays_for_one_thing",
            ),
            models.CheckConstraint(
                condition=Q(refunded__gte=0) & Q(refunded__lte=models.F("total")),
                name="order_refund_within_total",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def needs_attention(self) -> bool:
        return bool(self.attention) and self.attention_resolved_at is None

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.seller_id}


class OrderRow(models.Model):
    """One line of an order or, with a negative quantity, of its credit note."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="rows")
    description = models.CharField(_("description"), max_length=300)
    quantity = models.DecimalField(_("quantity"), max_digits=8, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=16)
    unit_price = models.DecimalField(_("unit price (€)"), max_digits=9, decimal_places=2)
    vat_rate = models.DecimalField(_("VAT (%)"), max_digits=4, decimal_places=1, choices=VAT_RATES)
    total = models.DecimalField(_("total (€)"), max_digits=10, decimal_places=2)
    service_date = models.DateField(_("date of service"))
    exported_in = models.ForeignKey(
        "InvoiceExport", on_delete=models.PROTECT, null=True, blank=True, related_name="rows"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description

    @property
    def vat_amount(self) -> Decimal:
        """The VAT inside the row's total (prices include VAT)."""
        net = self.total * 100 / (100 + self.vat_rate)
        return (self.total - net).quantize(Decimal("0.01"))

    @property
    def is_credit(self) -> bool:
        return self.total < 0


class OnlineStatus(models.TextChoices):
    NEW = "new", _("Started")
    OK = "ok", _("Paid")
    FAIL = "fail", _("Failed or cancelled")
    PENDING = "pending", _("Pending at the provider")


class OnlinePayment(models.Model):
    """One attempt to pay an order through the online provider."""

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="online_payments")
    provider = models.CharField(max_length=32, default="paytrail")
    stamp = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    transaction_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    status = models.CharField(max_length=16, choices=OnlineStatus.choices, default=OnlineStatus.NEW)
    payment_service = models.CharField(_("paid with"), max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    settled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="online_payment_status")]

    def __str__(self) -> str:
        return f"{self.provider} {self.transaction_id or self.stamp}"


class ProviderEvent(models.Model):
    """A verified callback or return, kept once: a repeat of the same news changes nothing."""

    payment = models.ForeignKey(OnlinePayment, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=16)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["payment", "status"], name="provider_event_once")
        ]

    def __str__(self) -> str:
        return f"{self.payment_id}: {self.status}"


class RefundStatus(models.TextChoices):
    PENDING = "pending", _("Being refunded")
    DONE = "done", _("Refunded")
    FAILED = "failed", _("Refund failed")


class Refund(models.Model):
    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="refunds")
    payment = models.ForeignKey(
        OnlinePayment, on_delete=models.PROTECT, null=True, blank=True, related_name="refunds"
    )
    amount = models.DecimalField(_("amount (€)"), max_digits=10, decimal_places=2)
    # online: through the provider; credit: a credit note on the invoice; on_site: staff pay
    # it back at the venue.
    method = models.CharField(max_length=16, choices=PaymentMethod.choices)
    status = models.CharField(
        max_length=16, choices=RefundStatus.choices, default=RefundStatus.PENDING
    )
    stamp = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    # The refund of a payment the order did not need (paid twice, or paid after it was
    # settled another way): it returns that payment whole and leaves the order's own sums be.
    stray = models.BooleanField(default=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    settled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="refund_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.order_id}: {self.amount} €"

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.order.seller_id}


class InvoiceExport(models.Model):
    """A batch of invoice rows handed to the city's finance system as one CSV file."""

    seller = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    row_count = models.PositiveIntegerField(default=0)
    total = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    # Fixed when exported, so a later change of the payment terms never moves it.
    due_on = models.DateField(_("due date"), null=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.seller_id} {self.created_at:%Y-%m-%d %H:%M}"

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.seller_id}
