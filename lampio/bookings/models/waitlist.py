"""Waitlists for taken slots and watches on spaces: ways to get a slot that frees up."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from lampio.bookings.models.booking import Booking
from lampio.spaces.models import Space, Venue, Weekday


class WaitlistStatus(models.TextChoices):
    WAITING = "waiting", _("In line")
    OFFERED = "offered", _("Offered to you")
    ACCEPTED = "accepted", _("Booked")
    LAPSED = "lapsed", _("Offer lapsed")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Left the waitlist")


# An entry in one of these still wants the slot; a person has at most one per slot.
OPEN_WAITLIST_STATUSES = [WaitlistStatus.WAITING, WaitlistStatus.OFFERED]


class WaitlistEntry(models.Model):
    """A person in line for a taken slot. The first in line gets a held booking as an offer.

    Whether an offer is still open is derived from its hold's expiry, never from a job.
    """

    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.CASCADE, related_name="waitlist"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="waitlist_entries",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    purpose = models.CharField(_("purpose"), max_length=200)
    attendees = models.PositiveIntegerField(_("number of people"), default=1)
    status = models.CharField(
        _("status"), max_length=12, choices=WaitlistStatus.choices, default=WaitlistStatus.WAITING
    )
    # The held booking offered to this person; it becomes their booking when they accept.
    offer = models.OneToOneField(
        Booking, on_delete=models.SET_NULL, null=True, blank=True, related_name="waitlist_entry"
    )
    offered_at = models.DateTimeField(_("offered"), null=True, blank=True)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("waitlist entry")
        verbose_name_plural = _("waitlist entries")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["space", "status", "starts_at"], name="waitlist_space_open"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")), name="waitlist_starts_before_it_ends"
            ),
            models.UniqueConstraint(
                fields=["person", "space", "starts_at", "ends_at"],
                condition=Q(status__in=OPEN_WAITLIST_STATUSES),
                name="waitlist_one_open_entry_per_slot",
            ),
            models.CheckConstraint(
                condition=~Q(status="offered") | Q(offer__isnull=False),
                name="waitlist_offer_has_booking",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.space} {self.starts_at:%Y-%m-%d %H:%M} ({self.status})"

    @property
    def organisation_id(self) -> int:
        return self.space.organisation_id


class Watch(models.Model):
    """ "Tell me when a slot frees up on Tuesdays 18–20 at this gym (or anywhere in this venue)."

    Times are local (Europe/Helsinki) wall-clock times, as people think of them.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="watches",
    )
    space = models.ForeignKey(
        Space,
        verbose_name=_("space"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="watches",
    )
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="watches",
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("until"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_alerted_at = models.DateTimeField(_("last alert"), null=True, blank=True)

    class Meta:
        verbose_name = _("watch")
        verbose_name_plural = _("watches")
        ordering = ["weekday", "starts"]
        indexes = [
            models.Index(fields=["space", "weekday"], name="watch_space_weekday"),
            models.Index(fields=["venue", "weekday"], name="watch_venue_weekday"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(space__isnull=False, venue__isnull=True)
                | Q(space__isnull=True, venue__isnull=False),
                name="watch_space_or_venue",
            ),
            models.CheckConstraint(
                condition=Q(starts__lt=F("ends")), name="watch_starts_before_end"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.space or self.venue} {self.get_weekday_display()} {self.starts}-{self.ends}"
