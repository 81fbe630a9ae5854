"""Choices given as they are: the same validation and markup as a plain list, without copies."""

from __future__ import annotations

import copy

from django import forms
from django.utils.translation import gettext_lazy as _

from lampio.core.forms import NormalizedChoices, set_choices

CITIES = (("oulu", "Oulu"), ("porvoo", "Porvoo <Borgå>"))


class CityForm(forms.Form):
    city = forms.ChoiceField(required=False)


def _form(data: dict[str, str], *, normalized: bool) -> CityForm:
    form = CityForm(data)
    choices = [("", _("All cities")), *CITIES]
    if normalized:
        set_choices(form, "city", choices)
    else:
        form.fields["city"].choices = choices  # type: ignore[attr-defined]
    return form


def test_a_listed_value_is_valid_and_another_refused_as_with_a_plain_list() -> None:
    for normalized in (True, False):
        assert _form({"city": "porvoo"}, normalized=normalized).is_valid()
        refused = _form({"city": "espoo"}, normalized=normalized)
        assert not refused.is_valid()
        assert "city" in refused.errors


def test_the_select_is_written_as_for_a_plain_list() -> None:
    given = str(_form({"city": "porvoo"}, normalized=True)["city"])
    plain = str(_form({"city": "porvoo"}, normalized=False)["city"])

    assert given == plain
    assert '<option value="porvoo" selected>Porvoo &lt;Borgå&gt;</option>' in given


def test_copies_of_the_field_share_the_pairs() -> None:
    choices = NormalizedChoices(CITIES)

    assert copy.deepcopy(choices) is choices
    assert list(choices) == list(CITIES)


def test_no_pairs_are_false_as_an_empty_list_is() -> None:
    # Templates hide a field with nothing to choose: {% if form.equipment.field.choices %}.
    assert not NormalizedChoices(())
    assert NormalizedChoices(CITIES)
