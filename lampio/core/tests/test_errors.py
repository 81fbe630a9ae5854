from __future__ import annotations

from django import forms
from django.utils import translation

from lampio.core.errors import Conflict, DomainError, InvalidInput, NotFound, PermissionDenied
from lampio.core.forms import add_domain_error


class NameForm(forms.Form):
    name = forms.CharField()


def test_domain_errors_carry_status_code_and_translated_default_messages():
    assert (NotFound().status, PermissionDenied().status, Conflict().status) == (404, 403, 409)
    with translation.override("fi"):
        finnish = str(PermissionDenied().message)
    with translation.override("en"):
        english = str(PermissionDenied().message)
    assert finnish != english


def test_a_domain_error_lands_on_its_field_and_the_input_stays():
    form = NameForm({"name": "Aino"})
    assert form.is_valid()
    add_domain_error(form, InvalidInput("Taken", field="name"))
    assert form.errors == {"name": ["Taken"]}
    assert form["name"].value() == "Aino"


def test_an_error_for_an_unknown_field_goes_to_the_whole_form():
    form = NameForm({"name": "Aino"})
    form.is_valid()
    add_domain_error(form, DomainError("Nope", field="elsewhere"))
    assert form.non_field_errors() == ["Nope"]
