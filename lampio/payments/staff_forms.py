"""Staff forms of payments: the order list's filters, refunds, the daily report's dates and the
payment settings. Only the shape of the input is checked here; the services decide the rest."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lampio.offerings.models import Offering
from lampio.payments.models import (
    VAT_RATES,
    OrderStatus,
    PaymentMethod,
    PriceBasis,
    PriceGroup,
    SellerSettings,
)
from lampio.payments.services.settings import SellerSettingsInput
from lampio.payments.staff_selectors import NEEDS_ATTENTION, OrderFilters
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation

MAX_REPORT_DAYS = 92
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OrderFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), (NEEDS_ATTENTION, _("Needs attention")), *OrderStatus.choices],
    )
    method = forms.ChoiceField(
        label=_("Payment method"),
        required=False,
        choices=[("", _("All")), *PaymentMethod.choices],
    )
    date_from = forms.DateField(label=_("Ordered from"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("Ordered until"), required=False, widget=DATE)
    q = forms.CharField(
        label=_("Order number or name"),
        required=False,
        max_length=100,
        help_text=_("Part of the order number or of the name on the invoice."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return data

    def filters(self) -> OrderFilters:
        """The filters as typed, or none when the form has errors."""
        if not self.is_bound or not self.is_valid():
            return OrderFilters()
        data = self.cleaned_data
        return OrderFilters(
            status=data["status"],
            method=data["method"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            text=data["q"],
        )


class RefundForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount (€)"), min_value=Decimal("0.01"), max_digits=10, decimal_places=2
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("Shown in the order's history and on the credit note of an invoice."),
    )


class DailyTotalsForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("Until"), widget=DATE)

    @staticmethod
    def this_month() -> dict[str, date]:
        today = timezone.localdate()
        return {"start": today.replace(day=1), "end": today}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end date must not be before the start date."))
            elif end - start >= timedelta(days=MAX_REPORT_DAYS):
                self.add_error(
                    "end", _("Choose at most %(days)s days at a time.") % {"days": MAX_REPORT_DAYS}
                )
        return data


class SellerSettingsForm(forms.ModelForm):
    class Meta:
        model = SellerSettings
        fields = [
            "business_id",
            "online_enabled",
            "invoice_enabled",
            "on_site_enabled",
            "hold_minutes",
            "invoice_due_days",
            "space_vat_rate",
            "offering_vat_rate",
        ]
        help_texts = {"business_id": _("For example 1234567-8. Shown on receipts and invoices.")}

    def to_input(self) -> SellerSettingsInput:
        data = self.cleaned_data
        return SellerSettingsInput(
            business_id=data["business_id"],
            online_enabled=data["online_enabled"],
            invoice_enabled=data["invoice_enabled"],
            on_site_enabled=data["on_site_enabled"],
            hold_minutes=data["hold_minutes"],
            invoice_due_days=data["invoice_due_days"],
            space_vat_rate=Decimal(data["space_vat_rate"]),
            offering_vat_rate=Decimal(data["offering_vat_rate"]),
        )


class SpaceChoiceField(forms.ModelChoiceField[Space]):
    def label_from_instance(self, obj: Space) -> str:
        return f"{obj.venue.name}: {obj.name}"


class PriceRuleForm(forms.Form):
    target = forms.ChoiceField(label=_("Space or offering"))
    group = forms.ChoiceField(label=_("Price group"), choices=PriceGroup.choices)
    basis = forms.ChoiceField(label=_("Charged"), choices=PriceBasis.choices)
    amount = forms.DecimalField(
        label=_("Price (euros, VAT included)"),
        min_value=Decimal(0),
        max_digits=9,
        decimal_places=2,
    )
    vat_rate = forms.TypedChoiceField(
        label=_("VAT rate (%)"), choices=VAT_RATES, coerce=Decimal, initial=Decimal("0.0")
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE)

    def __init__(
        self, *args: Any, spaces: QuerySet[Space], offerings: QuerySet[Offering], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        groups: list[tuple[str, list[tuple[str, str]]]] = [
            (str(_("Spaces")), [(f"space:{s.pk}", f"{s.venue.name}: {s.name}") for s in spaces]),
            (str(_("Offerings")), [(f"offering:{o.pk}", o.title) for o in offerings]),
        ]
        self.fields["target"].choices = [  # type: ignore[attr-defined]
            ("", "---------"),
            *((label, choices) for label, choices in groups if choices),
        ]

    def target_ids(self) -> dict[str, int]:
        """`space_id` or `offering_id` of the chosen target, for the service."""
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        return {f"{kind}_id": int(pk)}


class FreeOfChargeForm(forms.Form):
    beneficiary: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    space = SpaceChoiceField(
        label=_("Space"),
        queryset=Space.objects.none(),
        required=False,
        empty_label=_("All spaces and offerings"),
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(
        self,
        *args: Any,
        spaces: QuerySet[Space],
        organisations: QuerySet[Organisation],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = spaces  # type: ignore[attr-defined]
        self.fields["beneficiary"].queryset = organisations  # type: ignore[attr-defined]
