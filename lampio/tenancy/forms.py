from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lampio.tenancy.models import Role


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
