"""The provider's session console forms: input shape only; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lampio.digital.services.audience_messages import MAX_BODY, MAX_SUBJECT


class StreamForm(forms.Form):
    stream_url = forms.URLField(
        label=_("Stream address (HLS or MP4)"),
        required=False,
        assume_scheme="https",
        help_text=_(
            "The address your streaming service gives, such as https://…/index.m3u8. "
            "Leave it empty to use the offering's own link."
        ),
    )


class ModerateForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("hide", "hide"), ("mute", "mute"), ("answered", "answered")]
    )


class AudienceMessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=MAX_SUBJECT)
    body = forms.CharField(
        label=_("Message"),
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Sent by email to everyone with a confirmed enrolment in this time."),
    )
