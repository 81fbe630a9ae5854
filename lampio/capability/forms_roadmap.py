"""Forms of the roadmap pages: the list's GET filters, an initiative, an indicator and a measured
value. Input shape only; the services decide what is allowed."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lampio.capability.models import (
    CompassPoint,
    Indicator,
    Initiative,
    InitiativeStatus,
    MaturityDimension,
)
from lampio.capability.selectors.roadmap import NETWORK, RoadmapFilters
from lampio.capability.services.roadmap import IndicatorData, InitiativeData
from lampio.core.multilingual import translated_from, translated_initial
from lampio.spaces.forms import DateInput
from lampio.tenancy.models import Municipality, Organisation


def _text(label: Any, *, required: bool = False, long: bool = False) -> forms.CharField:
    if long:
        return forms.CharField(
            label=label,
            required=required,
            max_length=5000,
            widget=forms.Textarea(attrs={"rows": 4}),
        )
    return forms.CharField(label=label, required=required, max_length=200)


def _dimension_field() -> forms.ModelChoiceField[MaturityDimension]:
    return forms.ModelChoiceField(
        label=_("Maturity dimension"),
        queryset=MaturityDimension.objects.filter(is_active=True),
        required=False,
        empty_label=_("None"),
    )


class RoadmapFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *InitiativeStatus.choices],
    )
    compass_point = forms.ChoiceField(
        label=_("Digital compass point"),
        required=False,
        choices=[("", _("Any point")), *CompassPoint.choices],
    )
    dimension: forms.ModelChoiceField[MaturityDimension] = forms.ModelChoiceField(
        label=_("Maturity dimension"),
        queryset=MaturityDimension.objects.filter(is_active=True),
        required=False,
        empty_label=_("Any dimension"),
    )
    municipality = forms.ChoiceField(label=_("City"), required=False)
    organisation = forms.ChoiceField(label=_("Owner"), required=False)

    def __init__(
        self,
        *args: Any,
        municipalities: list[Municipality],
        organisations: list[Organisation],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [  # type: ignore[attr-defined]
            ("", _("Any city")),
            *[(city.slug, city.name) for city in municipalities],
        ]
        self.fields["organisation"].choices = [  # type: ignore[attr-defined]
            ("", _("Any owner")),
            (NETWORK, _("The network")),
            *[(str(org.pk), f"{org.name} ({org.municipality.name})") for org in organisations],
        ]

    def filters(self) -> RoadmapFilters:
        if not self.is_bound or not self.is_valid():
            return RoadmapFilters()
        data = self.cleaned_data
        return RoadmapFilters(
            status=data.get("status") or "",
            compass_point=data.get("compass_point") or "",
            dimension_id=data["dimension"].pk if data.get("dimension") else None,
            municipality=data.get("municipality") or "",
            organisation=data.get("organisation") or "",
        )


class InitiativeForm(forms.Form):
    owner = forms.ChoiceField(
        label=_("Owner"),
        help_text=_("A network initiative is changed by network administrators only."),
    )
    title_fi = _text(_("Title in Finnish"), required=True)
    title_sv = _text(_("Title in Swedish"))
    title_en = _text(_("Title in English"))
    description_fi = _text(_("Description in Finnish"), long=True)
    description_sv = _text(_("Description in Swedish"), long=True)
    description_en = _text(_("Description in English"), long=True)
    owner_name = forms.CharField(label=_("Responsible person or role"), max_length=200)
    compass_point = forms.ChoiceField(
        label=_("Digital compass point"), choices=CompassPoint.choices
    )
    dimension = _dimension_field()
    status = forms.ChoiceField(label=_("Status"), choices=InitiativeStatus.choices)
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput)
    ends_on = forms.DateField(label=_("Ends on"), required=False, widget=DateInput)
    municipalities: forms.ModelMultipleChoiceField[Municipality] = forms.ModelMultipleChoiceField(
        label=_("Cities taking part"),
        queryset=Municipality.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        owners: list[tuple[str, str]] | None = None,
        initiative: Initiative | None = None,
        **kwargs: Any,
    ) -> None:
        if initiative is not None:
            kwargs.setdefault("initial", self.initial_for(initiative))
        super().__init__(*args, **kwargs)
        if owners is None:
            # An initiative keeps its owner: who may change it follows from that.
            del self.fields["owner"]
        else:
            self.fields["owner"].choices = owners  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(initiative: Initiative) -> dict[str, Any]:
        return {
            **translated_initial(initiative, "title", "description"),
            "owner_name": initiative.owner_name,
            "compass_point": initiative.compass_point,
            "dimension": initiative.dimension_id,
            "status": initiative.status,
            "starts_on": initiative.starts_on,
            "ends_on": initiative.ends_on,
            "municipalities": list(initiative.municipalities.all()),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if isinstance(starts, date) and isinstance(ends, date) and ends < starts:
            self.add_error("ends_on", _("The initiative must end on or after the day it starts."))
        return data

    def chosen_owner(self) -> str:
        return str(self.cleaned_data.get("owner") or "")

    def data_for_service(self) -> InitiativeData:
        data = self.cleaned_data
        return InitiativeData(
            title=translated_from(data, "title"),
            description=translated_from(data, "description"),
            owner_name=data["owner_name"],
            compass_point=data["compass_point"],
            dimension=data.get("dimension"),
            status=data["status"],
            starts_on=data["starts_on"],
            ends_on=data.get("ends_on"),
            municipalities=list(data.get("municipalities") or []),
        )


class IndicatorForm(forms.Form):
    name_fi = _text(_("Indicator in Finnish"), required=True)
    name_sv = _text(_("Indicator in Swedish"))
    name_en = _text(_("Indicator in English"))
    unit = forms.CharField(
        label=_("Unit"),
        required=False,
        max_length=30,
        help_text=_("For example %, visits or pcs."),
    )
    baseline = forms.DecimalField(
        label=_("Baseline"), required=False, max_digits=12, decimal_places=2
    )
    target = forms.DecimalField(label=_("Target"), max_digits=12, decimal_places=2)
    target_on = forms.DateField(label=_("Target date"), required=False, widget=DateInput)
    direction = forms.ChoiceField(
        label=_("Which way is better?"),
        choices=[("higher", _("Higher is better")), ("lower", _("Lower is better"))],
        initial="higher",
        widget=forms.RadioSelect,
    )

    def data_for_service(self) -> IndicatorData:
        data = self.cleaned_data
        return IndicatorData(
            name=translated_from(data, "name"),
            unit=data.get("unit") or "",
            baseline=data.get("baseline"),
            target=data["target"],
            target_on=data.get("target_on"),
            higher_is_better=data["direction"] == "higher",
        )


class MeasurementForm(forms.Form):
    measured_on = forms.DateField(label=_("Measured on"), widget=DateInput)
    value = forms.DecimalField(label=_("Value"), max_digits=12, decimal_places=2)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if indicator.unit:
            self.fields["value"].label = _("Value (%(unit)s)") % {"unit": indicator.unit}
