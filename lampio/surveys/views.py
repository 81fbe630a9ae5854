"""The survey pages residents open from an invitation or a poster, and the thank-you page.

No account is needed and nothing about the person is kept. A link that does not verify is not
found (404); an invitation whose time has passed, or that was already answered, says so calmly
instead of showing the form.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language

from lampio.core.errors import DomainError, RateLimited
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import check_rate_limit, client_ip
from lampio.surveys import selectors
from lampio.surveys.forms import SurveyForm
from lampio.surveys.invitations import Invitation, invitation_from_token, visit_link_from_token
from lampio.surveys.services import AlreadyAnswered, InvitationExpired, answer_survey
from lampio.tenancy.access import found

# By address only: people answer without an account. A library's public network puts many
# visitors behind one address, so the hourly limit is generous; the minute limit stops floods.
RATES = (("survey-answer-minute", "6/m"), ("survey-answer-hour", "60/h"))


def _rate_limited(request: HttpRequest) -> RateLimited | None:
    """Count the attempt in both limits (so neither can be dodged through the other)."""
    refusal: RateLimited | None = None
    for group, rate in RATES:
        try:
            check_rate_limit(request, group=group, rate=rate, key=client_ip)
        except RateLimited as error:
            refusal = error
    return refusal


def _private(response: HttpResponse) -> HttpResponse:
    # The link is the key to the invitation: keep the page out of shared caches.
    response["Cache-Control"] = "private, no-store"
    return response


def _closed(request: HttpRequest, subject: selectors.Subject, reason: str) -> HttpResponse:
    context = {"subject": subject, "reason": reason}
    status = 410 if reason == "expired" else 200
    return _private(render(request, "surveys/closed.html", context, status=status))


def _survey_page(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    subject = found(selectors.subject_of, invitation=invitation)
    today = timezone.localdate()
    if invitation.expired(today):
        return _closed(request, subject, "expired")
    if selectors.is_answered(invitation):
        return _closed(request, subject, "answered")
    municipalities = selectors.home_municipalities()
    status = 200
    if request.method == "POST":
        form = SurveyForm(request.POST, municipalities=municipalities)
        limited = _rate_limited(request)
        if limited is not None:
            form.is_valid()  # keep the answers chosen; the refusal goes at the top
            form.add_error(None, str(limited.message))
            status = 429
        elif form.is_valid():
            try:
                answer_survey(
                    invitation=invitation,
                    answers=form.answers(),
                    language=(get_language() or "fi")[:2],
                    today=today,
                )
            except AlreadyAnswered:
                return _closed(request, subject, "answered")
            except InvitationExpired:
                return _closed(request, subject, "expired")
            except DomainError as error:
                add_domain_error(form, error)
            else:
                return redirect("surveys:thanks")
    else:
        form = SurveyForm(municipalities=municipalities)
    context = {"form": form, "subject": subject, "invitation": invitation}
    return _private(render(request, "surveys/answer.html", context, status=status))


def answer(request: HttpRequest, survey_token: str) -> HttpResponse:
    """A personal invitation after a booking, an enrolment, a group order or a session."""
    return _survey_page(request, found(invitation_from_token, token=survey_token))


def visit(request: HttpRequest, survey_visit_token: str) -> HttpResponse:
    """An open link from a venue's poster or QR code."""
    return _survey_page(request, found(visit_link_from_token, token=survey_visit_token))


def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "surveys/thanks.html")
