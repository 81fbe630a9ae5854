"""Prices: what a space or an offering costs whom, from which date, and who pays nothing.

A space's or an offering's own price (`Space.price`, `Offering.price`) is its standard price
for adults. Price rules add the other price groups and dated price lists: the rule in force on
a day is the one with the latest `valid_from` on or before it.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lampio.offerings.models import Offering
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation

# Finnish VAT rates in force: general, reduced (culture, sport, accommodation), books, exempt.
VAT_RATES = [
    (Decimal("25.5"), "25,5 %"),
    (Decimal("14.0"), "14 %"),
    (Decimal("10.0"), "10 %"),
    (Decimal("0.0"), "0 %"),
]


class PriceGroup(models.TextChoices):
    ADULT = "adult", _("Adult")
    REDUCED = "reduced", _("Reduced (pensioners, students, unemployed)")
    ASSOCIATION = "association", _("Association")
    COMPANY = "company", _("Company")


PERSON_GROUPS = (PriceGroup.ADULT, PriceGroup.REDUCED)
ORGANISATION_GROUPS = (PriceGroup.ASSOCIATION, PriceGroup.COMPANY)


class PriceBasis(models.TextChoices):
    PER_HOUR = "per_hour", _("Per hour")
    FIXED = "fixed", _("Fixed price")
    PER_PERSON = "per_person", _("Per person")


class PriceRule(models.Model):
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    space = models.ForeignKey(
        Space,
        verbose_name=_("space"),
        on_delete=models.CASCADE,
        related_name="price_rules",
        null=True,
        blank=True,
    )
    offering = models.ForeignKey(
        Offering,
        verbose_name=_("offering"),
        on_delete=models.CASCADE,
        related_name="price_rules",
        null=True,
        blank=True,
    )
    group = models.CharField(_("price group"), max_length=16, choices=PriceGroup.choices)
    basis = models.CharField(_("charged"), max_length=16, choices=PriceBasis.choices)
    amount = models.DecimalField(
        _("price (euros, VAT included)"),
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )
    vat_rate = models.DecimalField(
        _("VAT rate (%)"), max_digits=4, decimal_places=1, choices=VAT_RATES
    )
    valid_from = models.DateField(_("valid from"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("price rule")
        verbose_name_plural = _("price rules")
        ordering = ["group", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(space__isnull=False, offering__isnull=True)
                | Q(space__isnull=True, offering__isnull=False),
                name="price_rule_has_one_target",
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="price_rule_not_negative"),
            models.UniqueConstraint(
                fields=["space", "group", "valid_from"], name="price_rule_unique_space_date"
            ),
            models.UniqueConstraint(
                fields=["offering", "group", "valid_from"], name="price_rule_unique_offering_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_group_display()} {self.amount} € ({self.valid_from})"

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}


class FreeOfCharge(models.Model):
    """An organisation that pays nothing for the seller's spaces (one space, or all of them)."""

    seller = models.ForeignKey(
        Organisation, verbose_name=_("seller"), on_delete=models.CASCADE, related_name="+"
    )
    beneficiary = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    space = models.ForeignKey(
        Space,
        verbose_name=_("space"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Leave empty for all of the organisation's spaces and offerings."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("free of charge")
        verbose_name_plural = _("free of charge")
        constraints = [
            models.UniqueConstraint(
                fields=["seller", "beneficiary", "space"],
                name="free_of_charge_unique",
                nulls_distinct=False,
            )
        ]

    def __str__(self) -> str:
        return f"{self.beneficiary_id} @ {self.seller_id}"

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.seller_id}


class SellerSettings(models.Model):
    """How an organisation takes money: which methods, its business ID and VAT defaults."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="seller_settings"
    )
    business_id = models.CharField(_("business ID"), max_length=9, blank=True)
    online_enabled = models.BooleanField(_("online payment"), default=True)
    invoice_enabled = models.BooleanField(_("invoice for associations and companies"), default=True)
    on_site_enabled = models.BooleanField(_("pay on site"), default=False)
    hold_minutes = models.PositiveSmallIntegerField(
        _("a slot is held for payment (minutes)"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(60)],
    )
    invoice_due_days = models.PositiveSmallIntegerField(
        _("invoice due in (days)"), default=14, validators=[MaxValueValidator(90)]
    )
    space_vat_rate = models.DecimalField(
        _("VAT of space rental (%)"),
        max_digits=4,
        decimal_places=1,
        choices=VAT_RATES,
        default=Decimal("0.0"),
        help_text=_("Applies to the spaces' standard prices; price rules carry their own."),
    )
    offering_vat_rate = models.DecimalField(
        _("VAT of offerings (%)"),
        max_digits=4,
        decimal_places=1,
        choices=VAT_RATES,
        default=Decimal("14.0"),
    )

    class Meta:
        verbose_name = _("payment settings")
        verbose_name_plural = _("payment settings")

    def __str__(self) -> str:
        return str(self.organisation_id)

    def get_additional_data(self) -> dict[str, int]:
        return {"organisation_id": self.organisation_id}
