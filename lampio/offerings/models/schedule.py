"""When an offering happens: occurrences with their own capacity, and recurring series."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from lampio.offerings.models.catalogue import Offering


class OccurrenceStatus(models.TextChoices):
    """schema.org EventStatusType, so feeds and JSON-LD carry the status without a mapping."""

    SCHEDULED = "scheduled", _("Scheduled")
    RESCHEDULED = "rescheduled", _("Moved to a new time")
    POSTPONED = "postponed", _("Postponed")
    MOVED_ONLINE = "moved_online", _("Moved online")
    CANCELLED = "cancelled", _("Cancelled")


# Statuses in which people may still enrol and hold seats.
OPEN_STATUSES = [
    OccurrenceStatus.SCHEDULED,
    OccurrenceStatus.RESCHEDULED,
    OccurrenceStatus.MOVED_ONLINE,
]


class OccurrenceSeries(models.Model):
    """The rule a batch of recurring occurrences was made from (RFC 5545 RRULE text)."""

    offering = models.ForeignKey(Offering, on_delete=models.CASCADE, related_name="series")
    rule = models.CharField(_("recurrence rule"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("recurring series")
        verbose_name_plural = _("recurring series")

    def __str__(self) -> str:
        return self.rule

    @property
    def organisation_id(self) -> int:
        return self.offering.organisation_id


def seats_left(capacity: int, seats_taken: int) -> int:
    """Seats still free (a lowered capacity may leave fewer than those already taken)."""
    return max(capacity - seats_taken, 0)


class Occurrence(models.Model):
    offering = models.ForeignKey(
        Offering, verbose_name=_("offering"), on_delete=models.CASCADE, related_name="occurrences"
    )
    series = models.ForeignKey(
        OccurrenceSeries, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(_("seats"))
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0)
    enrolment_opens_at = models.DateTimeField(_("enrolment opens"), null=True, blank=True)
    enrolment_closes_at = models.DateTimeField(_("enrolment closes"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=OccurrenceStatus.choices,
        default=OccurrenceStatus.SCHEDULED,
    )
    notice = models.TextField(_("notice to participants"), blank=True)
    # Head count the provider records afterwards; blank until recorded.
    attendance = models.PositiveIntegerField(_("people who came"), null=True, blank=True)
    # An occurrence agreed for one group order is not listed publicly.
    is_public = models.BooleanField(_("listed publicly"), default=True)

    class Meta:
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["starts_at", "offering"], name="occurrence_start_offering"),
            models.Index(fields=["offering", "starts_at"], name="occurrence_offering_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(seats_taken__lte=F("capacity")), name="occurrence_never_oversold"
            ),
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")), name="occurrence_starts_before_it_ends"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.offering} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def seats_left(self) -> int:
        return seats_left(self.capacity, self.seats_taken)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def organisation_id(self) -> int:
        return self.offering.organisation_id

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}
