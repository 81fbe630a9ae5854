"""The plain choice widgets write exactly what Django's templates write, errors and all."""

from __future__ import annotations

import re

from django import forms

from lampio.core.widgets import PlainCheckboxSelectMultiple, PlainRadioSelect, PlainSelect

CHOICES = [
    ("", "Kaikki"),
    ("oulu", "Oulu & Hailuoto"),
    ("Kaupungit", [("turku", "Turku <Åbo>"), ("vaasa", 'Vaasa "Vasa"')]),
]


def _form(
    select: type[forms.Widget],
    boxes: type[forms.Widget],
    data: dict | None,
    radio: type[forms.Widget] = forms.RadioSelect,
) -> forms.Form:
    class Filters(forms.Form):
        price = forms.ChoiceField(choices=CHOICES[:2], required=False, widget=radio)
        place = forms.ChoiceField(choices=CHOICES, required=False, widget=select, help_text="Ohje")
        by = forms.MultipleChoiceField(
            choices=CHOICES[1:2] + CHOICES[2][1], widget=boxes, help_text="Yksi tai kaksi"
        )

    return Filters(data)


def _rendered(form: forms.Form) -> str:
    # Django's templates put newlines and indents between elements; HTML reads any run of
    # white space as one, and none between elements.
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", form.as_div()))


def test_plain_widgets_write_djangos_markup_for_a_blank_form():
    django = _form(forms.Select, forms.CheckboxSelectMultiple, None)
    plain = _form(PlainSelect, PlainCheckboxSelectMultiple, None, PlainRadioSelect)
    assert _rendered(plain) == _rendered(django)


def test_plain_widgets_keep_choices_errors_and_escaping():
    data = {"place": "turku", "by": ["oulu", "nowhere"], "price": "oulu"}
    django = _form(forms.Select, forms.CheckboxSelectMultiple, data)
    plain = _form(PlainSelect, PlainCheckboxSelectMultiple, data, PlainRadioSelect)
    html = _rendered(plain)
    assert html == _rendered(django)
    assert '<option value="turku" selected>Turku &lt;Åbo&gt;</option>' in html
    assert '<input type="radio" name="price" value="oulu" id="id_price_1" checked>' in html
    assert 'aria-invalid="true"' in html and "Oulu &amp; Hailuoto" in html
