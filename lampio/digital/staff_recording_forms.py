"""The provider's recording form: the shape of the input only.

Whether the captions really are WebVTT, and the rules between fields, are the service's job;
its refusals come back next to the field they name.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lampio.core.timeranges import local_datetime
from lampio.digital.models import CaptionLanguage, Recording
from lampio.digital.services.recordings import RecordingDetails
from lampio.digital.webvtt import MAX_CAPTIONS_BYTES
from lampio.offerings.models import Occurrence, Offering


def until_date(moment: Any) -> date | None:
    """The last day a recording can be watched, as shown in the form."""
    if moment is None:
        return None
    return timezone.localtime(moment - timedelta(seconds=1)).date()


class OccurrenceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.offering.title} – {timezone.localtime(obj.starts_at):%d.%m.%Y %H:%M}"


class RecordingForm(forms.Form):
    offering: forms.ModelChoiceField[Offering] = forms.ModelChoiceField(
        label=_("Offering"), queryset=Offering.objects.none(), empty_label=None
    )
    occurrence = OccurrenceChoiceField(
        label=_("Recorded at"),
        queryset=Occurrence.objects.none(),
        required=False,
        empty_label=_("Not one of the listed times"),
    )
    video_url = forms.URLField(
        label=_("Video address (HLS or MP4)"),
        max_length=200,
        assume_scheme="https",
        help_text=_("The web address of the video file or stream, e.g. https://…/video.mp4"),
    )
    captions = forms.FileField(
        label=_("Captions (WebVTT)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".vtt,text/vtt"}),
    )
    captions_language = forms.ChoiceField(
        label=_("Language of the captions"), choices=CaptionLanguage.choices
    )
    transcript = forms.CharField(
        label=_("Transcript"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Optional: the words of the recording as text, shown below the video."),
    )
    is_published = forms.BooleanField(label=_("Can be watched later"), required=False, initial=True)
    available_until = forms.DateField(
        label=_("Can be watched until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The last day. Leave empty when there is no end date."),
    )

    def __init__(
        self,
        *args: Any,
        offerings: QuerySet[Offering],
        times: QuerySet[Occurrence],
        recording: Recording | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.recording = recording
        offering_field: Any = self.fields["offering"]
        offering_field.queryset = offerings
        occurrence_field: Any = self.fields["occurrence"]
        occurrence_field.queryset = times
        size = MAX_CAPTIONS_BYTES // 1024
        if recording is None:
            self.fields["captions"].required = True
            self.fields["captions"].error_messages["required"] = _(
                "Recordings need captions. Choose the WebVTT (.vtt) captions file."
            )
            self.fields["captions"].help_text = _(
                "Required: a WebVTT (.vtt) file of at most %(size)d KB."
            ) % {"size": size}
        else:
            self.fields["captions"].help_text = _(
                "Choose a file only to replace the current captions: a WebVTT (.vtt) file of "
                "at most %(size)d KB."
            ) % {"size": size}

    @staticmethod
    def initial_for(recording: Recording) -> dict[str, Any]:
        return {
            "offering": recording.offering_id,
            "occurrence": recording.occurrence_id,
            "video_url": recording.video_url,
            "captions_language": recording.captions_language,
            "transcript": recording.transcript,
            "is_published": recording.is_published,
            "available_until": until_date(recording.available_until),
        }

    def captions_bytes(self) -> bytes | None:
        """The uploaded captions, read up to one byte over the limit so size is still checked."""
        upload = self.cleaned_data.get("captions")
        if not upload:
            return None
        return bytes(upload.read(MAX_CAPTIONS_BYTES + 1))

    def details(self) -> RecordingDetails:
        data = self.cleaned_data
        last_day = data.get("available_until")
        return RecordingDetails(
            offering=data["offering"],
            occurrence=data.get("occurrence"),
            video_url=data["video_url"],
            captions_language=data["captions_language"],
            transcript=data.get("transcript") or "",
            is_published=bool(data.get("is_published")),
            # Watchable to the end of the last day, Helsinki time.
            available_until=(
                local_datetime(last_day + timedelta(days=1), time(0)) if last_day else None
            ),
        )
