"""Season packages: a care unit buys N sessions from a provider for a season at one price."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from lampio.offerings.models import GroupOrder
from lampio.tenancy.models import Organisation


class PackagePlan(models.Model):
    """What a provider sells: e.g. "Autumn 2026: 10 sessions for 450 €"."""

    provider = models.ForeignKey(
        Organisation,
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        related_name="package_plans",
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    sessions_included = models.PositiveSmallIntegerField(
        _("sessions included"), validators=[MinValueValidator(1)]
    )
    price = models.DecimalField(
        _("price (€)"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)]
    )
    season_starts = models.DateField(_("season starts"))
    season_ends = models.DateField(_("season ends"))
    is_on_sale = models.BooleanField(_("on sale"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("season package")
        verbose_name_plural = _("season packages")
        ordering = ["season_starts", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(season_starts__lte=F("season_ends")), name="plan_season_ordered"
            ),
            models.CheckConstraint(condition=Q(sessions_included__gte=1), name="plan_has_sessions"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def organisation_id(self) -> int:
        return self.provider_id

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.provider_id}


class SeasonPackage(models.Model):
    """A unit's purchase of a plan. `sessions_used` never passes `sessions_included`."""

    plan = models.ForeignKey(
        PackagePlan, verbose_name=_("package"), on_delete=models.PROTECT, related_name="purchases"
    )
    unit = models.ForeignKey(
        Organisation,
        verbose_name=_("care unit"),
        on_delete=models.PROTECT,
        related_name="season_packages",
    )
    bought_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Copied from the plan at purchase, so a later change to the plan changes no bought package.
    sessions_included = models.PositiveSmallIntegerField(_("sessions included"))
    sessions_used = models.PositiveSmallIntegerField(_("sessions used"), default=0)
    price = models.DecimalField(_("price (€)"), max_digits=8, decimal_places=2)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    created_at = models.DateTimeField(_("bought"), auto_now_add=True)

    class Meta:
        verbose_name = _("bought season package")
        verbose_name_plural = _("bought season packages")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sessions_used__lte=F("sessions_included")),
                name="package_never_overused",
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan} · {self.unit}"

    @property
    def sessions_left(self) -> int:
        return max(self.sessions_included - self.sessions_used, 0)

    @property
    def organisation_id(self) -> int:
        """The provider owns the sale; the unit reaches it through `unit`."""
        return self.plan.provider_id

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id, "unit_id": self.unit_id}


class PackageUse(models.Model):
    """One group order paid from a season package; an order uses a package at most once."""

    package = models.ForeignKey(SeasonPackage, on_delete=models.PROTECT, related_name="uses")
    order = models.OneToOneField(GroupOrder, on_delete=models.CASCADE, related_name="package_use")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("package use")
        verbose_name_plural = _("package uses")

    def __str__(self) -> str:
        return f"{self.package} · {self.order_id}"
