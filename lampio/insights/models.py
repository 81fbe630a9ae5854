"""Aggregate tables: the only rows dashboards read. No row here names or points to a person.

The nightly job replaces whole months of facts from the other apps' statistics selectors; a
fact is one cell at the finest grain a measure offers, so any figure a dashboard shows is a
sum of facts (see suppression.py for what may leave the app)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lampio.offerings.models import Offering
from lampio.spaces.models import Space, Venue
from lampio.tenancy.models import Municipality, Organisation


class _Cell(models.Model):
    """What every fact row holds: the measure, the month, where it belongs, and its sums."""

    measure = models.CharField(max_length=40)
    month = models.DateField(help_text="first day of the month")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    venue = models.ForeignKey(Venue, null=True, on_delete=models.CASCADE, related_name="+")
    space = models.ForeignKey(Space, null=True, on_delete=models.CASCADE, related_name="+")
    space_type = models.CharField(max_length=20, blank=True)
    # value / base is the figure of a ratio measure (a count measure's figure is the value);
    # n counts the people or records behind the cell and decides suppression.
    value = models.FloatField(default=0)
    base = models.FloatField(default=0)
    n = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class Fact(_Cell):
    """One cell at the finest grain a measure offers. Each measure fills the dimensions it
    offers and leaves the rest empty."""

    weekday = models.PositiveSmallIntegerField(null=True)  # 0 = Monday
    hour = models.PositiveSmallIntegerField(null=True)
    offering = models.ForeignKey(Offering, null=True, on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=60, blank=True)
    audience = models.CharField(max_length=16, blank=True)
    format = models.CharField(max_length=16, blank=True)
    age_group = models.CharField(max_length=16, blank=True)
    home_municipality = models.CharField(max_length=60, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["measure", "month"], name="insights_fact_measure_month"),
            models.Index(
                fields=["measure", "organisation", "month"], name="insights_fact_measure_org"
            ),
            models.Index(
                fields=["measure", "municipality", "month"], name="insights_fact_measure_muni"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.month:%Y-%m} {self.organisation_id}"


class CoarseFact(_Cell):
    """The space measures' facts summed over weekday and hour: one row per space and month
    instead of one per space, weekday and hour, written by the aggregation in the same
    transaction as the facts it sums. Queries that break down by neither weekday nor hour read
    these (selectors._atoms): the same sums, about a hundred times fewer rows to scan."""

    class Meta:
        indexes = [
            models.Index(fields=["measure", "month"], name="insights_coarse_measure_month"),
            models.Index(
                fields=["measure", "organisation", "month"], name="insights_coarse_measure_org"
            ),
            models.Index(
                fields=["measure", "municipality", "month"], name="insights_coarse_measure_muni"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.month:%Y-%m} {self.organisation_id} (coarse)"


class MeasureSetting(models.Model):
    """The network's choices for one measure: its suppression threshold and whether its
    figures are open data (then anyone sees them, broken down by organisation too)."""

    measure = models.CharField(_("measure"), max_length=40, unique=True)
    threshold = models.PositiveSmallIntegerField(_("smallest group shown"), null=True, blank=True)
    is_open_data = models.BooleanField(_("published as open data"), default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("measure setting")
        verbose_name_plural = _("measure settings")

    def __str__(self) -> str:
        return self.measure


class AggregationRun(models.Model):
    """One run of the nightly aggregation, so staff see how fresh the figures are."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True)
    first_month = models.DateField()
    last_month = models.DateField()
    facts = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M}"
