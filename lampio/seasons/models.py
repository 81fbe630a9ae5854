"""Seasonal application rounds for regular slots (vakiovuorot) and their allocation.

A round belongs to the organisation that owns its spaces. Applicants ask for weekly slots;
the solver proposes an `Allocation` per wished slot; staff adjust and lock, then publish,
which turns each allocation into a `BookingSeries` through the bookings service.

Time-based state (open for applications, closed) is derived from the round's timestamps;
only publishing is stored, because it is an act of staff.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from lampio.bookings.models import BookingSeries
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation


class RoundPhase(models.TextChoices):
    UPCOMING = "upcoming", _("Opens later")
    OPEN = "open", _("Open for applications")
    ALLOCATING = "allocating", _("Being allocated")
    PUBLISHED = "published", _("Published")


class ApplicationRound(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="application_rounds",
    )
    name = models.CharField(_("name"), max_length=200)
    criteria = models.TextField(
        _("criteria"),
        blank=True,
        help_text=_("How slots are allocated: what is weighed and who goes first."),
    )
    spaces = models.ManyToManyField(
        Space, verbose_name=_("spaces"), related_name="application_rounds"
    )
    season_starts = models.DateField(_("season starts"))
    season_ends = models.DateField(_("season ends"))
    applications_open_at = models.DateTimeField(_("applications open"))
    applications_close_at = models.DateTimeField(_("applications close"))
    # The municipality's rule: how much one applicant may get per week, over all its wishes.
    max_minutes_per_week = models.PositiveIntegerField(
        _("most minutes per applicant per week"),
        null=True,
        blank=True,
        validators=[MinValueValidator(30), MaxValueValidator(7 * 24 * 60)],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("application round")
        verbose_name_plural = _("application rounds")
        ordering = ["-season_starts", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(season_starts__lt=F("season_ends")), name="round_season_order"
            ),
            models.CheckConstraint(
                condition=Q(applications_open_at__lt=F("applications_close_at")),
                name="round_application_period_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def phase(self, now: datetime) -> RoundPhase:
        if self.published_at is not None:
            return RoundPhase.PUBLISHED
        if now < self.applications_open_at:
            return RoundPhase.UPCOMING
        if now < self.applications_close_at:
            return RoundPhase.OPEN
        return RoundPhase.ALLOCATING

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}


class PriorityClass(models.Model):
    """A priority class of a round; rank 1 goes first (e.g. children's and youth activities)."""

    application_round = models.ForeignKey(
        ApplicationRound, on_delete=models.CASCADE, related_name="priority_classes"
    )
    rank = models.PositiveSmallIntegerField(_("rank"), validators=[MinValueValidator(1)])
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("priority class")
        verbose_name_plural = _("priority classes")
        ordering = ["application_round", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["application_round", "rank"], name="priority_rank_unique_in_round"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.application_round.organisation_id}


class AgeGroup(models.TextChoices):
    CHILDREN = "children", _("Children (under 13)")
    YOUTH = "youth", _("Young people (13–20)")
    ADULTS = "adults", _("Adults")
    SENIORS = "seniors", _("Older people")
    MIXED = "mixed", _("All ages")


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Application(models.Model):
    """One applicant's application to a round: who, what activity, and the wished slots."""

    application_round = models.ForeignKey(
        ApplicationRound, on_delete=models.PROTECT, related_name="applications"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="season_applications",
        null=True,  # emptied when the person's account is erased
        blank=True,
    )
    # Set when a member applies for an association or other organisation.
    for_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("applying for"),
        on_delete=models.PROTECT,
        related_name="season_applications",
        null=True,
        blank=True,
    )
    activity = models.CharField(_("activity"), max_length=200)
    age_group = models.CharField(_("age group"), max_length=16, choices=AgeGroup.choices)
    # What the applicant asked for; staff may correct it (`priority_class`) before allocation.
    requested_class = models.ForeignKey(
        PriorityClass,
        verbose_name=_("priority class asked for"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    priority_class = models.ForeignKey(
        PriorityClass,
        verbose_name=_("priority class"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    notes = models.TextField(_("more information"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["application_round", "submitted_at"]

    def __str__(self) -> str:
        return self.activity

    @property
    def organisation_id(self) -> int:
        return self.application_round.organisation_id

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}


class WishedSlot(models.Model):
    """One weekly slot an applicant wishes for: a weekday, a time window and a duration."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="wishes")
    # ISO weekday, Monday = 1.
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    earliest_start = models.TimeField(_("earliest start"))
    latest_end = models.TimeField(_("latest end"))
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(30), MaxValueValidator(8 * 60)]
    )
    attendees = models.PositiveIntegerField(
        _("number of participants"), validators=[MinValueValidator(1)]
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("wished slot")
        verbose_name_plural = _("wished slots")
        ordering = ["application", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(earliest_start__lt=F("latest_end")), name="wish_window_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} {self.weekday} {self.earliest_start}–{self.latest_end}"


class WishedSpace(models.Model):  # noqa: DJ008  (a through row, never shown alone)
    """A space a wish accepts, in the applicant's order of preference (1 = first choice)."""

    wish = models.ForeignKey(WishedSlot, on_delete=models.CASCADE, related_name="space_choices")
    space = models.ForeignKey(Space, on_delete=models.PROTECT, related_name="+")
    preference = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["wish", "preference"]
        constraints = [
            models.UniqueConstraint(fields=["wish", "space"], name="wished_space_once"),
        ]


class AllocationSource(models.TextChoices):
    SOLVER = "solver", _("Proposed by the solver")
    STAFF = "staff", _("Set by staff")


class Allocation(models.Model):
    """The slot a wish gets: proposed by the solver or set by staff; `locked` keeps it as is
    when the solver runs again. Publishing links it to the booking series it became."""

    # The round, repeated from the wish, so a round's allocations are read in one query.
    application_round = models.ForeignKey(
        ApplicationRound, on_delete=models.CASCADE, related_name="allocations"
    )
    wish = models.OneToOneField(WishedSlot, on_delete=models.CASCADE, related_name="allocation")
    space = models.ForeignKey(Space, on_delete=models.PROTECT, related_name="+")
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    starts_time = models.TimeField(_("starts"))
    ends_time = models.TimeField(_("ends"))
    locked = models.BooleanField(_("locked"), default=False)
    source = models.CharField(_("source"), max_length=8, choices=AllocationSource.choices)
    series = models.OneToOneField(
        BookingSeries, on_delete=models.SET_NULL, null=True, blank=True, related_name="allocation"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")
        ordering = ["space", "weekday", "starts_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_time__lt=F("ends_time")), name="allocation_time_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.space} {self.weekday} {self.starts_time:%H:%M}–{self.ends_time:%H:%M}"

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.application_round.organisation_id}


class AllocationRun(models.Model):
    """One run of the solver: when, by whom, how long it took and how good the result was."""

    application_round = models.ForeignKey(
        ApplicationRound, on_delete=models.CASCADE, related_name="runs"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    seconds = models.FloatField(_("seconds"))
    solver_status = models.CharField(_("solver status"), max_length=32)
    wishes = models.PositiveIntegerField(_("wished slots"))
    allocated = models.PositiveIntegerField(_("allocated"))
    # Share of wished minutes allocated, per priority rank: {"1": 0.93, "2": 0.71, ...}.
    satisfied_by_rank = models.JSONField(default=dict)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.application_round} {self.started_at:%Y-%m-%d %H:%M}"
