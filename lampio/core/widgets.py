"""Choice widgets that write Django's own markup in Python instead of one template per option.

Django renders each `<option>` and each checkbox through its own template include. For a filter
form of a few dozen choices that was about 40% of a dashboard page's server time. These widgets
produce the same elements and attributes as Django's templates (a test compares the two), so
labels, `aria-describedby` and `aria-invalid` from the bound field come through unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe


def flat_attrs(attrs: dict[str, Any]) -> SafeString:
    """` name="value"` pairs as Django's attrs.html writes them: True bare, False left out.

    Not `django.forms.utils.flatatt`, which sorts the pairs and puts the bare ones last, so its
    markup would differ from the templates' (the widget tests compare the two exactly)."""
    parts = []
    for name, value in attrs.items():
        if value is False or value is None:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return mark_safe("".join(parts))  # noqa: S308 (every part escaped above)


def _join(parts: Sequence[str]) -> SafeString:
    return mark_safe("".join(parts))  # noqa: S308 (parts built with format_html)


class PlainSelect(forms.Select):
    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, choices, _index in widget["optgroups"]:
            options = _join(
                [
                    format_html(
                        '<option value="{}"{}>{}</option>',
                        str(option["value"]),
                        flat_attrs(option["attrs"]),
                        option["label"],
                    )
                    for option in choices
                ]
            )
            groups.append(
                format_html('<optgroup label="{}">{}</optgroup>', group_name, options)
                if group_name
                else options
            )
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flat_attrs(widget["attrs"]),
            _join(groups),
        )


class PlainMultipleInput(forms.widgets.ChoiceWidget):
    """Django's `multiple_input.html` (checkboxes and radio buttons), written in Python."""

    @staticmethod
    def _option(option: dict[str, Any]) -> SafeString:
        value = (
            format_html(' value="{}"', str(option["value"])) if option["value"] is not None else ""
        )
        box = format_html(
            '<input type="{}" name="{}"{}{}>',
            option["type"],
            option["name"],
            value,
            flat_attrs(option["attrs"]),
        )
        if not option["wrap_label"]:
            return box
        target = option["attrs"].get("id")
        return format_html(
            "<label{}>{} {}</label>",
            format_html(' for="{}"', target) if target else "",
            box,
            option["label"],
        )

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        own = widget["attrs"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            boxes = _join(
                [format_html("<div>{}</div>", self._option(option)) for option in options]
            )
            groups.append(
                format_html("<div><label>{}</label>{}</div>", group_name, boxes)
                if group_name
                else boxes
            )
        return format_html(
            "<div{}{}>{}</div>",
            format_html(' id="{}"', own["id"]) if own.get("id") else "",
            format_html(' class="{}"', own["class"]) if own.get("class") else "",
            _join(groups),
        )


class PlainCheckboxSelectMultiple(PlainMultipleInput, forms.CheckboxSelectMultiple):
    pass


class PlainRadioSelect(PlainMultipleInput, forms.RadioSelect):
    pass
