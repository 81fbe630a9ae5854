from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from lampio.tenancy.models import Role


def with_chosen_city(
    data: QueryDict, default_municipality: str, cities: Sequence[tuple[str, str]]
) -> QueryDict:
    """A search form's data with the city the person picked (the session's), until they choose
    one in the form itself; a city that no longer exists is left out."""
    if "municipality" in data or default_municipality not in dict(cities):
        return data
    data = data.copy()
    data["municipality"] = default_municipality
    return data


class CityPickerForm(forms.Form):
    municipality = forms.SlugField(label=_("City"), required=False)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class AddMemberForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the person"),
        help_text=_("The person must already have a Lämpiö account."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class ChangeRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
