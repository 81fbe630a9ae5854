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

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

Context = Mapping[str, Any]

WIDGETS = "django/forms/widgets/"
# Widgets whose template only includes input.html.
INPUT_WIDGETS = [
    *("input", "checkbox", "color", "date", "datetime", "email", "file", "hidden", "number"),
    *("password", "search", "tel", "text", "time", "url"),
]
INPUT_TEMPLATES = {f"{WIDGETS}{name}.html" for name in INPUT_WIDGETS}


def flat_attrs(attrs: Mapping[str, Any] | None) -> SafeString:
    """` name="value"` pairs as Django's attrs.html writes them: True bare, False left out."""
    parts = []
    for name, value in (attrs or {}).items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return mark_safe("".join(parts))  # noqa: S308 (every part escaped above)


def _join(parts: Iterable[str]) -> SafeString:
    return mark_safe("".join(parts))  # noqa: S308 (parts built with format_html or escaped)


def field_group(context: Context) -> SafeString:
    """django/forms/field.html: label or legend, help text, errors and the widget."""
    field = context["field"]
    label = field.label
    if field.use_fieldset:
        described = field.aria_describedby
        head = format_html(
            "\n  <fieldset{}>\n  {}\n",
            format_html(' aria-describedby="{}"', described) if described else "",
            field.legend_tag() if label else "",
        )
    else:
        head = format_html("\n  {}\n", field.label_tag() if label else "")
    help_text = ""
    if field.help_text:
        auto_id = field.auto_id
        help_text = format_html(
            '<div class="helptext"{}>{}</div>',
            format_html(' id="{}_helptext"', auto_id) if auto_id else "",
            mark_safe(str(field.help_text)),  # noqa: S308 (help text is markup, as in Django)
        )
    closing = mark_safe("</fieldset>" if field.use_fieldset else "")  # noqa: S308 (a constant)
    return format_html("{}\n{}\n{}\n{}{}", head, help_text, field.errors, field, closing)


def label(context: Context) -> SafeString:
    """django/forms/label.html: the label or legend, or the bare text without an id."""
    if not context["use_tag"]:
        return conditional_escape(context["label"])
    tag = context["tag"]
    return format_html("<{}{}>{}</{}>", tag, flat_attrs(context["attrs"]), context["label"], tag)


def error_list(context: Context) -> SafeString:
    """django/forms/errors/list/ul.html: a field's or a form's errors, with the field's id."""
    errors = context["errors"]
    if not errors:
        return mark_safe("")
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
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        widget["type"],
        widget["name"],
        format_html(' value="{}"', str(value)) if value is not None else "",
        flat_attrs(widget["attrs"]),
    )


def _option(option: Mapping[str, Any]) -> str:
    # An f-string, not format_html: a city or category list has dozens of options.
    attrs = flat_attrs(option["attrs"]) if option["attrs"] else ""
    value, label = conditional_escape(str(option["value"])), conditional_escape(option["label"])
    return f'<option value="{value}"{attrs}>{label}</option>'


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


def _choice_box(option: Mapping[str, Any]) -> SafeString:
    value = format_html(' value="{}"', str(option["value"])) if option["value"] is not None else ""
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


def multiple_input(context: Context) -> SafeString:
    """django/forms/widgets/multiple_input.html: radio buttons or checkboxes, each labelled."""
    widget = context["widget"]
    own = widget["attrs"]
    groups = []
    for group_name, options, _index in widget["optgroups"]:
        boxes = _join(format_html("<div>{}</div>", _choice_box(option)) for option in options)
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
