"""Watching recordings later, and giving feedback after a session.

Recordings: the list of what can be watched, one recording's page with a large player whose
captions come from `recording_captions`, and the transcript below. Feedback: the smileys and
one question, posted here from the session page; the answer is anonymous and a browser answers
once per session (remembered in its own session, not in the database).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.digital import recording_selectors as selectors
from lampio.digital.services import feedback as feedback_services
from lampio.digital.templatetags.digital_feedback import (
    ANSWERED_KEY,
    feedback_context,
    has_answered,
)
from lampio.offerings.selectors import public_occurrence
from lampio.tenancy.access import found


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=gettext_lazy("How was the session?"),
        choices=[(rating.value, rating.label) for rating in feedback_services.RATINGS],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose one of the smileys.")},
    )
    answer = forms.CharField(
        label=gettext_lazy("What would you like to tell the performer?"),
        required=False,
        max_length=feedback_services.ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def _remember_answer(request: HttpRequest, occurrence_id: int) -> None:
    answered = [*request.session.get(ANSWERED_KEY, []), occurrence_id]
    request.session[ANSWERED_KEY] = answered[-200:]


def recordings(request: HttpRequest) -> HttpResponse:
    rows = [
        (recording, selectors.may_watch_recording(request.user, recording))
        for recording in selectors.available_recordings()
    ]
    return render(request, "digital/recordings.html", {"rows": rows})


def recording(request: HttpRequest, recording_id: int) -> HttpResponse:
    item = found(selectors.available_recording, recording_id=recording_id)
    allowed = selectors.may_watch_recording(request.user, item)
    return render(
        request,
        "digital/recording.html",
        {"recording": item, "may_watch": allowed},
        status=200 if allowed else 403,
    )


def recording_captions(request: HttpRequest, recording_id: int) -> HttpResponse:
    """The captions file, for the player's <track>. Not available or not allowed: 404."""
    item = found(selectors.available_recording, recording_id=recording_id)
    if not item.captions.name or not selectors.may_watch_recording(request.user, item):
        raise Http404
    try:
        with item.captions.open("rb") as captions:
            content = captions.read()
    except FileNotFoundError as error:
        raise Http404 from error
    response = HttpResponse(content, content_type="text/vtt; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response


@rate_limit_posts(group="digital-feedback", rate="10/m")
def feedback(request: HttpRequest, occurrence_id: int) -> HttpResponse:
    """The feedback form on its own page (GET), and where the session page's form posts."""
    try:
        occurrence = public_occurrence(occurrence_id)
    except NotFound as error:
        raise Http404 from error
    answered = has_answered(request, occurrence.pk)
    allowed = feedback_services.may_give_feedback(request.user, occurrence)
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not answered and form.is_valid():
        try:
            feedback_services.give_feedback(
                actor=request.user,
                occurrence=occurrence,
                rating=form.cleaned_data["rating"],
                answer=form.cleaned_data["answer"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            _remember_answer(request, occurrence.pk)
            messages.success(request, _("Thank you for your feedback!"))
            # Back to the session page, which now says thank you where the form was.
            return redirect(reverse("digital:session", args=[occurrence.pk]) + "#feedback")
    context = feedback_context(
        occurrence=occurrence, form=form, answered=answered, show=allowed or answered
    )
    status = 200 if allowed or answered else 403
    return render(request, "digital/feedback.html", context, status=status)
