"""The plain form renderer writes what Django's templates write: fields, errors and escaping."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from lampio.core.form_rendering import WRITERS, PlainFormRenderer

CHOICES = [
    ("", "Kaikki"),
    ("oulu", "Oulu & Hailuoto"),
    ("Kaupungit", [("turku", "Turku <Åbo>"), ("vaasa", 'Vaasa "Vasa"')]),
]
FLAT = CHOICES[1:2] + CHOICES[2][1]


class Everything(forms.Form):
    """A field of each kind the site's forms use, with help texts, attributes and no label."""

    name = forms.CharField(label="Nimi & titteli", max_length=20, help_text="<b>Koko</b> nimi")
    email = forms.EmailField(required=False, widget=forms.EmailInput(attrs={"class": "wide"}))
    seats = forms.IntegerField(min_value=1, max_value=5, initial=1)
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    at = forms.TimeField(required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    agree = forms.BooleanField(label="Hyväksytkö ehdot?")
    place = forms.ChoiceField(choices=CHOICES, required=False, help_text="Ohje")
    places = forms.MultipleChoiceField(choices=FLAT, required=False)
    price = forms.ChoiceField(
        choices=CHOICES[:2], required=False, widget=forms.RadioSelect, help_text="Valitse"
    )
    by = forms.MultipleChoiceField(choices=FLAT, widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(
        label="", required=False, widget=forms.TextInput(attrs={"aria-describedby": "own"})
    )
    code = forms.CharField(required=False, widget=forms.HiddenInput, initial='x"y')
    locked = forms.CharField(required=False, disabled=True, initial="<kiinteä>")

    def clean(self) -> dict:
        self.add_error(None, "Koko lomake & sen <virhe>")
        return super().clean() or {}


def _rendered(renderer: object, data: dict | None) -> str:
    form = Everything(data, renderer=renderer)
    return form.as_div()


def _spaces(html: str) -> str:
    # Django's choice templates put newlines between elements; HTML reads any run of white space
    # as one, and none between elements.
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html))


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"name": "Aino", "seats": "3", "agree": "on", "by": ["oulu"], "place": "turku"},
        {
            "name": "x" * 30,
            "email": "ei osoite",
            "seats": "9",
            "day": "2026-13-40",
            "at": "25:00",
            "place": "<nowhere>",
            "places": ["vaasa", "nowhere"],
            "price": "oulu",
            "by": [],
            "note": "<script>",
        },
    ],
    ids=["blank", "valid", "errors"],
)
def test_plain_renderer_writes_djangos_markup(data: dict | None) -> None:
    django = _rendered(DjangoTemplates(), data)
    plain = _rendered(PlainFormRenderer(), data)
    assert _spaces(plain) == _spaces(django)


def test_field_groups_are_written_exactly_as_djangos_with_errors_and_escaping() -> None:
    data = {"name": "x" * 30, "place": "<nowhere>", "price": "nowhere", "note": "<b>"}
    django = Everything(data, renderer=DjangoTemplates())
    plain = Everything(data, renderer=PlainFormRenderer())
    for name in ("name", "email", "seats", "day", "agree", "note", "code", "locked"):
        assert str(plain[name].as_field_group()) == str(django[name].as_field_group())
    group = str(plain["place"].as_field_group())
    assert '<option value="turku">Turku &lt;Åbo&gt;</option>' in group
    assert 'aria-invalid="true"' in group and "Oulu &amp; Hailuoto" in group
    assert '<div class="helptext" id="id_place_helptext">Ohje</div>' in group
    assert str(plain["name"].label_tag()) == '<label for="id_name">Nimi &amp; titteli:</label>'
    assert '<ul class="errorlist" id="id_price_error">' in str(plain["price"].as_field_group())


def test_every_written_template_exists_in_django() -> None:
    # A template Django renamed would otherwise be written under a name nobody asks for.
    templates = DjangoTemplates()
    for name in WRITERS:
        assert templates.get_template(name) is not None


def test_the_site_renders_forms_with_the_plain_renderer() -> None:
    assert isinstance(forms.Form().renderer, PlainFormRenderer)
