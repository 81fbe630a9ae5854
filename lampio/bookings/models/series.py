"""Recurring booking series: one weekly (or every N weeks) pattern, many occurrences.

Each occurrence is an ordinary `Booking` with `series` set, so the exclusion constraint that
keeps one-off bookings apart keeps series apart too. The series holds what is common to its
occurrences: the pattern, the purpose, and one access code.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation


class BookingSeries(models.Model):
    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.PROTECT, related_name="series"
    )
    booker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        on_delete=models.PROTECT,
        related_name="booking_series",
        null=True,
        blank=True,
    )
    # The association or other organisation the series is for, when it is not a private one
    # (seasonal allocations to clubs); its members see the series too.
    for_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("for organisation"),
        on_delete=models.PROTECT,
        related_name="booking_series",
        null=True,
        blank=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    purpose = models.CharField(_("purpose"), max_length=200)
    attendees = models.PositiveIntegerField(_("number of people"), default=1)
    # ISO weekdays 1–7 (Monday = 1), as in `datetime.isoweekday`.
    weekdays = models.JSONField(_("weekdays"), default=list)
    interval_weeks = models.PositiveSmallIntegerField(_("every how many weeks"), default=1)
    first_date = models.DateField(_("first date"))
    last_date = models.DateField(_("last date"))
    starts_time = models.TimeField(_("starts"))
    ends_time = models.TimeField(_("ends"))
    # Dates left out on purpose: chosen exceptions and the dates that collided at creation.
    skipped_dates = models.JSONField(_("dates left out"), default=list, blank=True)
    # One code opens the door for every occurrence (see bookings.access).
    access_code = models.CharField(_("access code"), max_length=12, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("booking series")
        verbose_name_plural = _("booking series")
        ordering = ["first_date", "starts_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(first_date__lte=F("last_date")), name="series_first_before_last"
            ),
            models.CheckConstraint(
                condition=Q(interval_weeks__gte=1, interval_weeks__lte=8),
                name="series_interval_weeks_1_to_8",
            ),
            models.CheckConstraint(condition=Q(attendees__gte=1), name="series_has_attendees"),
        ]

    def __str__(self) -> str:
        return f"{self.space} {self.first_date:%Y-%m-%d}–{self.last_date:%Y-%m-%d}"

    @property
    def organisation_id(self) -> int:
        return self.space.organisation_id

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}
