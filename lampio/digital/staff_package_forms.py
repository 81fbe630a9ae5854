"""The provider's season package form: the shape of the input only."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lampio.core.multilingual import translated_from, translated_initial
from lampio.digital.models import PackagePlan
from lampio.digital.services.packages import MAX_SESSIONS, PlanDetails
from lampio.spaces.staff_forms import _add_translated


class PlanForm(forms.Form):
    sessions_included = forms.IntegerField(
        label=_("Sessions included"), min_value=1, max_value=MAX_SESSIONS
    )
    price = forms.DecimalField(
        label=_("Price of the package (€)"),
        min_value=Decimal(0),
        max_digits=8,
        decimal_places=2,
        localize=True,
    )
    season_starts = forms.DateField(
        label=_("Season starts"), widget=forms.DateInput(attrs={"type": "date"})
    )
    season_ends = forms.DateField(
        label=_("Season ends"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Sessions from the first to the last day of the season can be paid with it."),
    )
    is_on_sale = forms.BooleanField(label=_("On sale"), required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_translated(self, "name", _("Name"), max_length=150, required=True)
        _add_translated(self, "description", _("Description"), max_length=None, required=False)
        self.fields["name_fi"].help_text = _("For example “Autumn 2026: 10 concerts”.")
        self.order_fields(
            [
                "name_fi", "name_sv", "name_en", "description_fi", "description_sv",
                "description_en", "sessions_included", "price", "season_starts", "season_ends",
                "is_on_sale",
            ]
        )  # fmt: skip

    @staticmethod
    def initial_for(plan: PackagePlan) -> dict[str, Any]:
        return {
            **translated_initial(plan, "name", "description"),
            "sessions_included": plan.sessions_included,
            "price": plan.price,
            "season_starts": plan.season_starts,
            "season_ends": plan.season_ends,
            "is_on_sale": plan.is_on_sale,
        }

    def details(self) -> PlanDetails:
        data = self.cleaned_data
        return PlanDetails(
            name=translated_from(data, "name"),
            description=translated_from(data, "description"),
            sessions_included=data["sessions_included"],
            price=data["price"],
            season_starts=data["season_starts"],
            season_ends=data["season_ends"],
            is_on_sale=bool(data.get("is_on_sale")),
        )
