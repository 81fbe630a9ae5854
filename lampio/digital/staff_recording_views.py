"""The provider's recordings of online offerings, and the feedback summary of a session.

Like the rest of the staff area, an organisation the person does not work for, and a recording
or time of another organisation, answers 404; a member who may not publish (a viewer, care-unit
staff) answers 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError
from lampio.core.forms import submitted
from lampio.core.ratelimit import rate_limit_posts
from lampio.digital import recording_selectors as selectors
from lampio.digital.feedback_summary import feedback_summary
from lampio.digital.services import recordings as services
from lampio.digital.staff_recording_forms import RecordingForm, until_date
from lampio.offerings import staff_selectors
from lampio.tenancy.access import found, org_url_kwargs, organisation_in_url, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action

RATE = "60/m"
RATE_GROUP = "staff-recordings"
PAST_SESSIONS_SHOWN = 20


def _to_list(org: Organisation) -> HttpResponse:
    return redirect("digital_staff:recordings", **org_url_kwargs(org))


def _offering_filter(request: HttpRequest) -> int | None:
    value = request.GET.get("offering", "")
    return int(value) if value.isdigit() else None


@staff_required
def recording_list(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.PUBLISH)
    recordings = selectors.recordings_of(actor=acting_user(request), organisation=org)
    offering_id = _offering_filter(request)
    offering = None
    if offering_id is not None:
        offering = selectors.online_offerings_of(org).filter(pk=offering_id).first()
        if offering is None:
            raise Http404
        recordings = recordings.filter(offering=offering)
    rows = [(recording, until_date(recording.available_until)) for recording in recordings]
    past = selectors.recordable_times(org)
    if offering is not None:
        past = past.filter(offering=offering)
    context = {
        "organisation": org,
        "rows": rows,
        "offering": offering,
        "past_sessions": past[:PAST_SESSIONS_SHOWN],
    }
    return render(request, "digital/staff/recordings.html", context)


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def recording_create(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.PUBLISH)
    user = acting_user(request)
    offerings = selectors.online_offerings_of(org)
    initial: dict[str, object] = {"is_published": True}
    if (offering_id := _offering_filter(request)) is not None:
        initial["offering"] = offering_id
    form = RecordingForm(
        request.POST or None,
        request.FILES or None,
        offerings=offerings,
        times=selectors.recordable_times(org),
        initial=initial,
    )
    if request.method == "POST" and submitted(
        request,
        form,
        lambda: services.add_recording(
            actor=user, details=form.details(), captions=form.captions_bytes() or b""
        ),
        success=_("The recording was added."),
    ):
        return _to_list(org)
    context = {
        "organisation": org,
        "form": form,
        "recording": None,
        "has_offerings": offerings.exists(),
    }
    return render(request, "digital/staff/recording_form.html", context)


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def recording_edit(
    request: HttpRequest, municipality: str, organisation: str, recording_id: int
) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.PUBLISH)
    user = acting_user(request)
    recording = found(
        selectors.managed_recording, actor=user, organisation=org, recording_id=recording_id
    )
    form = RecordingForm(
        request.POST or None,
        request.FILES or None,
        offerings=selectors.online_offerings_of(org),
        times=selectors.recordable_times(org),
        recording=recording,
        initial=RecordingForm.initial_for(recording),
    )
    if request.method == "POST" and submitted(
        request,
        form,
        lambda: services.update_recording(
            actor=user, recording=recording, details=form.details(), captions=form.captions_bytes()
        ),
        success=_("The recording was saved."),
    ):
        return _to_list(org)
    context = {"organisation": org, "form": form, "recording": recording, "has_offerings": True}
    return render(request, "digital/staff/recording_form.html", context)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def recording_remove(
    request: HttpRequest, municipality: str, organisation: str, recording_id: int
) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.PUBLISH)
    user = acting_user(request)
    recording = found(
        selectors.managed_recording, actor=user, organisation=org, recording_id=recording_id
    )
    try:
        services.remove_recording(actor=user, recording=recording)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The recording was removed."))
    return _to_list(org)


@staff_required
def feedback(
    request: HttpRequest, municipality: str, organisation: str, occurrence_id: int
) -> HttpResponse:
    """How the audience found one session: counts per smiley and, from five answers, the words."""
    org = organisation_in_url(request, municipality, organisation, Action.PUBLISH)
    user = acting_user(request)
    occurrence = found(
        staff_selectors.managed_occurrence,
        actor=user,
        organisation=org,
        occurrence_id=occurrence_id,
    )
    context = {
        "organisation": org,
        "occurrence": occurrence,
        "offering": occurrence.offering,
        "summary": feedback_summary(occurrence),
    }
    return render(request, "digital/staff/feedback.html", context)
