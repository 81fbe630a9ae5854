"""Who takes part: enrolments of people and group orders of care units and schools."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from lampio.offerings.models.catalogue import Offering
from lampio.offerings.models.schedule import Occurrence
from lampio.tenancy.models import Organisation


class EnrolmentStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE_ENROLMENT = [EnrolmentStatus.CONFIRMED, EnrolmentStatus.WAITLISTED]


class Enrolment(models.Model):
    occurrence = models.ForeignKey(
        Occurrence,
        verbose_name=_("occurrence"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="enrolments",
        null=True,
        blank=True,
    )
    seats = models.PositiveSmallIntegerField(_("seats"))
    status = models.CharField(_("status"), max_length=16, choices=EnrolmentStatus.choices)
    created_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("moved from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Online sessions also get a reminder 15 minutes before, with the link that opens them.
    reminded_soon_at = models.DateTimeField(null=True, blank=True, editable=False)
    feed_token = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["occurrence", "status", "created_at"], name="enrolment_queue"),
            models.Index(fields=["person", "status"], name="enrolment_person_status"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(seats__gte=1), name="enrolment_has_seats"),
            models.UniqueConstraint(
                fields=["occurrence", "person"],
                condition=Q(status__in=ACTIVE_ENROLMENT),
                name="enrolment_once_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occurrence} · {self.seats}"

    @property
    def organisation_id(self) -> int:
        return self.occurrence.offering.organisation_id

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}


class OrderStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the provider")
    PROPOSED = "proposed", _("Provider proposed another time")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_ORDER_STATUSES = [OrderStatus.PENDING, OrderStatus.PROPOSED]


class GroupOrder(models.Model):
    """A care unit's or school's order of an offering for a group.

    The group either asks for an existing occurrence or, for offerings on request, proposes
    times. The provider accepts, declines or proposes another time; an accepted order holds
    `seats` on its occurrence like an enrolment does.
    """

    offering = models.ForeignKey(
        Offering, verbose_name=_("offering"), on_delete=models.PROTECT, related_name="orders"
    )
    occurrence = models.ForeignKey(
        Occurrence,
        verbose_name=_("occurrence"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="orders",
    )
    unit = models.ForeignKey(
        Organisation,
        verbose_name=_("ordering unit"),
        on_delete=models.PROTECT,
        related_name="group_orders",
    )
    ordered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ordered by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="group_orders",
    )
    group_size = models.PositiveSmallIntegerField(_("group size"))
    accompanying_staff = models.PositiveSmallIntegerField(_("accompanying staff"), default=0)
    special_needs = models.TextField(_("special needs"), blank=True)
    message = models.TextField(_("message to the provider"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=OrderStatus.choices, default=OrderStatus.PENDING
    )
    proposed_starts_at = models.DateTimeField(_("proposed start"), null=True, blank=True)
    proposed_ends_at = models.DateTimeField(_("proposed end"), null=True, blank=True)
    provider_message = models.TextField(_("message from the provider"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("ordered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("group order")
        verbose_name_plural = _("group orders")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["offering", "status"], name="order_offering_status"),
            models.Index(fields=["unit", "created_at"], name="order_unit_created"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(group_size__gte=1), name="order_group_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.offering} · {self.unit}"

    @property
    def seats(self) -> int:
        return self.group_size + self.accompanying_staff

    @property
    def organisation_id(self) -> int:
        """The provider owns the order; the ordering unit reaches it through `unit`."""
        return self.offering.organisation_id

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id, "unit_id": self.unit_id}


class ProposedTime(models.Model):
    """A time the ordering unit suggests for an offering on request."""

    order = models.ForeignKey(GroupOrder, on_delete=models.CASCADE, related_name="proposed_times")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        verbose_name = _("proposed time")
        verbose_name_plural = _("proposed times")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")), name="proposed_time_ordered"
            )
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}"
