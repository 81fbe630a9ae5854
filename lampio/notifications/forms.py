"""Forms of the message pages: a kind's own texts, a person's choice, the log's filter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lampio.core.errors import InvalidInput
from lampio.notifications.models import DeliveryStatus
from lampio.notifications.registry import MessageKind
from lampio.notifications.template_services import check_text


class TemplateForm(forms.Form):
    """Subject, email text and (when the kind has one) SMS text per language, all optional."""

    def __init__(self, *args: Any, kind: MessageKind, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        for code, name in settings.LANGUAGES:
            with translation.override(code):
                defaults = {"subject": str(kind.subject), "body": str(kind.body)}
                if kind.sms:
                    defaults["sms"] = str(kind.sms)
            labels = {
                "subject": _("Email subject in %(language)s") % {"language": name},
                "body": _("Email text in %(language)s") % {"language": name},
                "sms": _("Text message in %(language)s") % {"language": name},
            }
            for part, default in defaults.items():
                widget = (
                    forms.TextInput(attrs={"lang": code})
                    if part == "subject"
                    else forms.Textarea(attrs={"rows": 6 if part == "body" else 3, "lang": code})
                )
                self.fields[f"{part}_{code}"] = forms.CharField(
                    label=labels[part],
                    required=False,
                    max_length={"subject": 200, "body": 5000, "sms": 480}[part],
                    widget=widget,
                    strip=True,
                    # Django shows help text unescaped: the default is escaped here.
                    help_text=format_html(
                        '{}<br><span lang="{}">{}</span>',
                        _("Leave empty to use the default:"),
                        code,
                        default,
                    ),
                )
        self.fields["language"] = forms.ChoiceField(
            label=_("Language of the preview"),
            choices=[(code, str(name)) for code, name in settings.LANGUAGES],
            initial=translation.get_language() or settings.LANGUAGE_CODE,
        )

    def text_fields(self) -> list[str]:
        return [name for name in self.fields if name != "language"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in self.text_fields():
            text = cleaned.get(name)
            if not text:
                continue
            try:
                check_text(self.kind, text)
            except InvalidInput as error:
                self.add_error(name, str(error.message))
        return cleaned

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in self.text_fields()}


class PreferenceForm(forms.Form):
    non_essential = forms.BooleanField(
        label=gettext_lazy("Send me reminders, alerts and feedback requests"),
        required=False,
        help_text=gettext_lazy(
            "Confirmations, door codes and offers you asked for are always sent."
        ),
    )


class LogFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("All")), *DeliveryStatus.choices],
    )
