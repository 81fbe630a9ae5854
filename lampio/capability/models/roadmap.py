"""The digital roadmap: initiatives tied to a point of the EU and national digital compass and to
a maturity dimension, each with indicators whose measured values are kept over time."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lampio.capability.models.maturity import MaturityDimension
from lampio.tenancy.models import Municipality, Organisation


class CompassPoint(models.TextChoices):
    SKILLS = "skills", _("Digital skills")
    BUSINESSES = "businesses", _("Digital transformation of businesses")
    INFRASTRUCTURE = "infrastructure", _("Secure and sustainable digital infrastructure")
    PUBLIC_SERVICES = "public_services", _("Digitalisation of public services")


class InitiativeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    PAUSED = "paused", _("Paused")
    CANCELLED = "cancelled", _("Cancelled")


class Initiative(models.Model):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # None: a network initiative, edited by network admins; otherwise that organisation's.
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("owning organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner_name = models.CharField(_("responsible person or role"), max_length=200)
    compass_point = models.CharField(
        _("digital compass point"), max_length=20, choices=CompassPoint.choices
    )
    dimension = models.ForeignKey(
        MaturityDimension,
        verbose_name=_("maturity dimension"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=InitiativeStatus.choices,
        default=InitiativeStatus.PLANNED,
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities"), blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("roadmap initiative")
        verbose_name_plural = _("roadmap initiatives")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="capability_initiative_dates_order",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    target_on = models.DateField(_("target date"), null=True, blank=True)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["initiative", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def organisation_id(self) -> int | None:
        return self.initiative.organisation_id


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("measured value")
        verbose_name_plural = _("measured values")
        ordering = ["indicator", "measured_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"], name="capability_measurement_one_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.measured_on}={self.value}"
