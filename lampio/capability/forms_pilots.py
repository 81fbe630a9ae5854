"""Forms of the pilot library (staff pages and the public search). Input shape only: the services
decide what is allowed, and their refusals land next to the field they name."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lampio.capability.models import (
    CompassPoint,
    Initiative,
    Lesson,
    PhaseKind,
    Pilot,
    PilotStatus,
)
from lampio.capability.models.pilots import DocumentKind, PhaseStatus
from lampio.capability.services.library import (
    LESSON_LANGUAGES,
    MAX_UPLOAD_BYTES,
    DocumentData,
    LessonData,
)
from lampio.capability.services.pilots import PhaseData, PilotData
from lampio.core.multilingual import LANGUAGES, translated_from, translated_initial
from lampio.offerings.models import Offering
from lampio.spaces.forms import DateInput
from lampio.tenancy.models import Municipality, Organisation

LANGUAGE_NAMES = {"fi": _("Finnish"), "sv": _("Swedish"), "en": _("English")}


class OrganisationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.municipality.name})"


class OrganisationChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.municipality.name})"


def _translated_fields(
    form: forms.Form, name: str, label: Any, *, long: bool, required_fi: bool
) -> None:
    for language in LANGUAGES:
        widget = forms.Textarea(attrs={"rows": 4}) if long else forms.TextInput()
        form.fields[f"{name}_{language}"] = forms.CharField(
            label=_("%(what)s in %(language)s")
            % {"what": label, "language": LANGUAGE_NAMES[language]},
            required=required_fi and language == "fi",
            max_length=None if long else 200,
            widget=widget,
        )


class PilotForm(forms.Form):
    organisation = OrganisationChoice(
        label=_("Lead organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    status = forms.ChoiceField(label=_("Status"), choices=PilotStatus.choices)
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput)
    ends_on = forms.DateField(label=_("Ends on"), required=False, widget=DateInput)
    municipalities: forms.ModelMultipleChoiceField[Municipality] = forms.ModelMultipleChoiceField(
        label=_("Participating cities"),
        queryset=Municipality.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    participants = OrganisationChoices(
        label=_("Participating organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Their staff may add lessons, documents and webinars."),
    )
    initiatives: forms.ModelMultipleChoiceField[Initiative] = forms.ModelMultipleChoiceField(
        label=_("Roadmap initiatives it implements"),
        queryset=Initiative.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only initiatives you may change are listed here."),
    )

    def __init__(
        self,
        *args: Any,
        leads: QuerySet[Organisation],
        organisations: QuerySet[Organisation],
        municipalities: QuerySet[Municipality],
        initiatives: QuerySet[Initiative],
        pilot: Pilot | None = None,
        **kwargs: Any,
    ) -> None:
        if pilot is not None:
            kwargs.setdefault("initial", self.initial_for(pilot))
        super().__init__(*args, **kwargs)
        _translated_fields(self, "title", _("Title"), long=False, required_fi=True)
        _translated_fields(self, "summary", _("Summary"), long=True, required_fi=True)
        self.fields["organisation"].queryset = leads  # type: ignore[attr-defined]
        self.fields["participants"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["municipalities"].queryset = municipalities  # type: ignore[attr-defined]
        self.fields["initiatives"].queryset = initiatives  # type: ignore[attr-defined]
        if not initiatives.exists():
            del self.fields["initiatives"]

    @staticmethod
    def initial_for(pilot: Pilot) -> dict[str, Any]:
        return {
            **translated_initial(pilot, "title", "summary"),
            "organisation": pilot.organisation_id,
            "status": pilot.status,
            "starts_on": pilot.starts_on,
            "ends_on": pilot.ends_on,
            "municipalities": list(pilot.municipalities.values_list("pk", flat=True)),
            "participants": list(pilot.participants.values_list("pk", flat=True)),
            "initiatives": list(pilot.initiatives.values_list("pk", flat=True)),
        }

    def data_for_service(self) -> PilotData:
        data = self.cleaned_data
        return PilotData(
            title=translated_from(data, "title"),
            summary=translated_from(data, "summary"),
            organisation=data["organisation"],
            status=data["status"],
            starts_on=data["starts_on"],
            ends_on=data.get("ends_on"),
            municipalities=list(data.get("municipalities") or []),
            participants=list(data.get("participants") or []),
            initiatives=list(data.get("initiatives") or []),
        )


class PhasesForm(forms.Form):
    """The five phases in one form: `<kind>-status`, `<kind>-starts_on`, … per phase."""

    def __init__(self, *args: Any, pilot: Pilot, **kwargs: Any) -> None:
        recorded = {phase.kind: phase for phase in pilot.phases.all()}
        initial: dict[str, Any] = {}
        for kind, phase in recorded.items():
            initial[f"{kind}-status"] = phase.status
            initial[f"{kind}-starts_on"] = phase.starts_on
            initial[f"{kind}-ends_on"] = phase.ends_on
            for language in LANGUAGES:
                initial[f"{kind}-notes_{language}"] = getattr(phase, f"notes_{language}") or ""
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        for kind in PhaseKind.values:
            choices = [
                (value, text)
                for value, text in PhaseStatus.choices
                if value != PhaseStatus.SKIPPED or kind == PhaseKind.PROCUREMENT
            ]
            self.fields[f"{kind}-status"] = forms.ChoiceField(
                label=_("Status"), choices=choices, widget=forms.RadioSelect
            )
            self.fields[f"{kind}-starts_on"] = forms.DateField(
                label=_("Starts on"), required=False, widget=DateInput
            )
            self.fields[f"{kind}-ends_on"] = forms.DateField(
                label=_("Ends on"), required=False, widget=DateInput
            )
            for language in LANGUAGES:
                self.fields[f"{kind}-notes_{language}"] = forms.CharField(
                    label=_("Notes in %(language)s") % {"language": LANGUAGE_NAMES[language]},
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )

    def groups(self) -> list[tuple[str, str, list[forms.BoundField]]]:
        """(kind, label, its fields) in the phases' order, for one fieldset each."""
        return [
            (kind, str(label), [self[name] for name in self.fields if name.startswith(f"{kind}-")])
            for kind, label in PhaseKind.choices
        ]

    def data_for_service(self) -> list[PhaseData]:
        data = self.cleaned_data
        return [
            PhaseData(
                kind=kind,
                status=data[f"{kind}-status"],
                starts_on=data.get(f"{kind}-starts_on"),
                ends_on=data.get(f"{kind}-ends_on"),
                notes=translated_from(
                    {f"notes_{lang}": data.get(f"{kind}-notes_{lang}") for lang in LANGUAGES},
                    "notes",
                ),
            )
            for kind in PhaseKind.values
        ]


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    url = forms.URLField(
        label=_("Web address"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Either a link or a file."),
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_(
            "PDF, Word, OpenDocument, PowerPoint, Excel, text or Markdown; at most 20 MB. "
            "Files are shown to the network's staff only."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload is not None and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large: at most 20 MB."))
        return upload

    def data_for_service(self) -> DocumentData:
        data = self.cleaned_data
        return DocumentData(
            title=data["title"],
            kind=data["kind"],
            url=data.get("url") or "",
            upload=data.get("file"),
        )


class LessonForm(forms.Form):
    organisation = OrganisationChoice(
        label=_("Written on behalf of"), queryset=Organisation.objects.none(), empty_label=None
    )
    language = forms.ChoiceField(
        label=_("Language you write in"),
        choices=[(code, LANGUAGE_NAMES[code]) for code in LESSON_LANGUAGES],
    )
    what_worked = forms.CharField(label=_("What worked"), widget=forms.Textarea(attrs={"rows": 5}))
    what_did_not = forms.CharField(
        label=_("What did not work"), widget=forms.Textarea(attrs={"rows": 5})
    )
    do_differently = forms.CharField(
        label=_("What we would do differently"), widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation] | None = None,
        lesson: Lesson | None = None,
        **kwargs: Any,
    ) -> None:
        if lesson is not None:
            kwargs.setdefault(
                "initial",
                {
                    "language": lesson.language,
                    "what_worked": lesson.what_worked,
                    "what_did_not": lesson.what_did_not,
                    "do_differently": lesson.do_differently,
                },
            )
        super().__init__(*args, **kwargs)
        if lesson is not None or organisations is None:
            # The writing organisation stays: the lesson is in its name.
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    def data_for_service(self) -> LessonData:
        data = self.cleaned_data
        return LessonData(
            what_worked=data["what_worked"],
            what_did_not=data["what_did_not"],
            do_differently=data["do_differently"],
            language=data["language"],
        )


class OfferingChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} – {obj.organisation.name}"


class WebinarForm(forms.Form):
    offering = OfferingChoice(
        label=_("Event"),
        queryset=Offering.objects.none(),
        help_text=_(
            "An event of your organisation in the offerings. People register for it there; "
            "capacity and reminders are the event's own."
        ),
    )
    recording_url = forms.URLField(
        label=_("Recording"), required=False, max_length=500, assume_scheme="https"
    )

    def __init__(self, *args: Any, offerings: QuerySet[Offering], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["offering"].queryset = offerings  # type: ignore[attr-defined]


class RecordingForm(forms.Form):
    recording_url = forms.URLField(
        label=_("Address of the recording"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Leave empty if there is no recording."),
    )


class LinkPilotForm(forms.Form):
    pilot: forms.ModelChoiceField[Pilot] = forms.ModelChoiceField(
        label=_("Pilot"), queryset=Pilot.objects.none()
    )

    def __init__(self, *args: Any, pilots: QuerySet[Pilot], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pilot"].queryset = pilots  # type: ignore[attr-defined]


def _with_all(label: Any, choices: Any) -> list[tuple[str, Any]]:
    return [("", label), *choices]


class LibrarySearchForm(forms.Form):
    q = forms.CharField(label=_("Search words"), required=False, max_length=200)
    city = forms.ChoiceField(label=_("City"), required=False)
    phase = forms.ChoiceField(
        label=_("Phase reached"),
        required=False,
        choices=_with_all(_("Any phase"), PhaseKind.choices),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_with_all(_("Any status"), PilotStatus.choices)
    )
    compass = forms.ChoiceField(
        label=_("Digital compass point"),
        required=False,
        choices=_with_all(_("Any point"), CompassPoint.choices),
    )

    def __init__(
        self,
        *args: Any,
        municipalities: QuerySet[Municipality],
        public: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["city"].choices = _with_all(  # type: ignore[attr-defined]
            _("Any city"), [(city.slug, city.name) for city in municipalities]
        )
        if public:
            # Residents see no planned pilots, so "planned" would always find nothing.
            self.fields["status"].choices = _with_all(  # type: ignore[attr-defined]
                _("Any status"),
                [(v, t) for v, t in PilotStatus.choices if v != PilotStatus.PLANNED],
            )

    def values(self) -> dict[str, str]:
        if not self.is_valid():
            return {}
        return {name: self.cleaned_data.get(name) or "" for name in self.fields}
