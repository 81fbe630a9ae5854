"""The form renderer: Django's commonest form templates written in Python.

Every field of a form goes through three to five template renders: the field group
(`field.html`), its label, its error list, the widget, and for a select one render per option.
The offering search page with only its filter form took 10.1 ms that way and 7.1 ms with this
renderer (decision 0023). It writes the same markup in Python for those templates and leaves
every other one (forms as a whole, formsets, error dictionaries, less common widgets) to
Django's own templates. The test compares the two.

`settings.FORM_RENDERER` names it, so every form of the site gets it without asking.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

Context = Mapping[str, Any]
# Markup is marked safe with SafeString itself: Django's mark_safe checks for a lazy string on
# every call, and a search form makes some hundred and fifty of them.

WIDGETS = "django/forms/widgets/"
# Widgets whose template only includes input.html.
INPUT_WIDGETS = [
    *("input", "checkbox", "color", "date", "datetime", "email", "file", "hidden", "number"),
    *("password", "search", "tel", "text", "time", "url"),
]
INPUT_TEMPLATES = {f"{WIDGETS}{name}.html" for name in INPUT_WIDGETS}


def escaped(value: Any) -> str:
    """`value` as `conditional_escape` writes it, without the lazy-string check that Django's
    `escape` makes on every call: a third of a search form's time went to that check."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return html.escape(str(value))


def flat_attrs(attrs: Mapping[str, Any] | None) -> SafeString:
    """` name="value"` pairs as Django's attrs.html writes them: True bare, False left out."""
    parts = []
    for name, value in (attrs or {}).items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {escaped(name)}")
        else:
            parts.append(f' {escaped(name)}="{escaped(value)}"')
    return SafeString("".join(parts))  # every part escaped above


def _join(parts: Iterable[str]) -> SafeString:
    return SafeString("".join(parts))  # parts built with format_html or escaped


def field_group(context: Context) -> SafeString:
    """django/forms/field.html: label or legend, help text, errors and the widget."""
    field = context["field"]
    label = field.label
    if field.use_fieldset:
        described = field.aria_describedby
        described_attr = f' aria-describedby="{escaped(described)}"' if described else ""
        legend = escaped(field.legend_tag()) if label else ""
        head = f"\n  <fieldset{described_attr}>\n  {legend}\n"
    else:
        head = f"\n  {escaped(field.label_tag()) if label else ''}\n"
    help_text = ""
    if field.help_text:
        auto_id = field.auto_id
        id_attr = f' id="{escaped(auto_id)}_helptext"' if auto_id else ""
        # Help text is markup, as in Django's template.
        help_text = f'<div class="helptext"{id_attr}>{field.help_text}</div>'
    closing = "</fieldset>" if field.use_fieldset else ""
    return SafeString(  # every part escaped, or markup by Django's own rules
        f"{head}\n{help_text}\n{escaped(field.errors)}\n{escaped(field)}{closing}"
    )


def label(context: Context) -> SafeString:
    """django/forms/label.html: the label or legend, or the bare text without an id."""
    if not context["use_tag"]:
        return conditional_escape(context["label"])
    tag = escaped(context["tag"])
    attrs = flat_attrs(context["attrs"])
    return SafeString(f"<{tag}{attrs}>{escaped(context['label'])}</{tag}>")  # escaped


def error_list(context: Context) -> SafeString:
    """django/forms/errors/list/ul.html: a field's or a form's errors, with the field's id."""
    errors = context["errors"]
    if not errors:
        return SafeString("")
    field_id = getattr(errors, "field_id", None)
    return format_html(
        '<ul class="{}"{}>{}</ul>',
        context["error_class"],
        format_html(' id="{}_error"', field_id) if field_id else "",
        _join(format_html("<li>{}</li>", error) for error in errors),
    )


def input_widget(context: Context) -> SafeString:
    widget = context["widget"]
    value = widget["value"]
    value_attr = f' value="{escaped(value)}"' if value is not None else ""
    return SafeString(  # every part escaped
        f'<input type="{escaped(widget["type"])}" name="{escaped(widget["name"])}"'
        f"{value_attr}{flat_attrs(widget['attrs'])}>"
    )


def _option(option: Mapping[str, Any]) -> str:
    # An f-string, not format_html: a city or category list has dozens of options.
    attrs = flat_attrs(option["attrs"]) if option["attrs"] else ""
    return f'<option value="{escaped(option["value"])}"{attrs}>{escaped(option["label"])}</option>'


def select(context: Context) -> SafeString:
    widget = context["widget"]
    groups = []
    for group_name, choices, _index in widget["optgroups"]:
        options = _join(map(_option, choices))
        groups.append(
            format_html('<optgroup label="{}">{}</optgroup>', group_name, options)
            if group_name
            else options
        )
    attrs = flat_attrs(widget["attrs"])
    return format_html('<select name="{}"{}>{}</select>', widget["name"], attrs, _join(groups))


def _choice_box(option: Mapping[str, Any]) -> str:
    value = option["value"]
    value_attr = f' value="{escaped(value)}"' if value is not None else ""
    box = (
        f'<input type="{escaped(option["type"])}" name="{escaped(option["name"])}"'
        f"{value_attr}{flat_attrs(option['attrs'])}>"
    )
    if not option["wrap_label"]:
        return box
    target = option["attrs"].get("id")
    for_attr = f' for="{escaped(target)}"' if target else ""
    return f"<label{for_attr}>{box} {escaped(option['label'])}</label>"


def multiple_input(context: Context) -> SafeString:
    """django/forms/widgets/multiple_input.html: radio buttons or checkboxes, each labelled."""
    widget = context["widget"]
    own = widget["attrs"]
    groups = []
    for group_name, options, _index in widget["optgroups"]:
        boxes = _join(f"<div>{_choice_box(option)}</div>" for option in options)
        if group_name:
            boxes = format_html("<div><label>{}</label>{}</div>", group_name, boxes)
        groups.append(boxes)
    return format_html(
        "<div{}{}>{}</div>",
        format_html(' id="{}"', own["id"]) if own.get("id") else "",
        format_html(' class="{}"', own["class"]) if own.get("class") else "",
        _join(groups),
    )


WRITERS: dict[str, Callable[[Context], SafeString]] = {
    "django/forms/field.html": field_group,
    "django/forms/label.html": label,
    "django/forms/errors/list/default.html": error_list,
    "django/forms/errors/list/ul.html": error_list,
    f"{WIDGETS}select.html": select,
    f"{WIDGETS}radio.html": multiple_input,
    f"{WIDGETS}checkbox_select.html": multiple_input,
    **dict.fromkeys(INPUT_TEMPLATES, input_widget),
}


class PlainFormRenderer(DjangoTemplates):
    """Django's default renderer, with the templates in `WRITERS` written in Python."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        write = WRITERS.get(template_name)
        if write is None:
            return super().render(template_name, context, request)
        return write(context).strip()  # as Django's renderer strips a template's output
