"""Residents' enrolment pages: enrol, the confirmation, my enrolments, cancelling, `.ics`.

Someone else's enrolment answers 404 everywhere, so its existence is not revealed either.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.offerings import ical, selectors, services
from lampio.offerings.forms import EnrolForm
from lampio.offerings.models import (
    ACTIVE_ENROLMENT,
    Enrolment,
    EnrolmentStatus,
    OccurrenceStatus,
)
from lampio.offerings.services.enrolment import cancellation_deadline

PAST_ENROLMENTS_SHOWN = 50


def _own_enrolment(user: User, enrolment_id: int) -> Enrolment:
    try:
        return selectors.enrolment_of(user, enrolment_id)
    except NotFound as error:
        raise Http404 from error


@login_required
@rate_limit_posts(group="offering-enrol", rate="20/m")
def enrol(request: HttpRequest, occurrence_id: int) -> HttpResponse:
    user = acting_user(request)
    try:
        occurrence = selectors.public_occurrence(occurrence_id)
    except NotFound as error:
        raise Http404 from error
    if request.method == "POST":
        form = EnrolForm(request.POST)
        if form.is_valid():
            try:
                enrolment = services.enrol(
                    actor=user,
                    occurrence=occurrence,
                    seats=form.cleaned_data["seats"],
                    waitlist=form.cleaned_data["waitlist"],
                )
            except NotFound as error:
                raise Http404 from error
            except DomainError as error:
                add_domain_error(form, error)
                occurrence.refresh_from_db()
            else:
                if enrolment.status == EnrolmentStatus.WAITLISTED:
                    messages.success(request, _("You are on the waiting list."))
                else:
                    messages.success(request, _("Your enrolment is confirmed."))
                return redirect("offerings:enrolment", enrolment_id=enrolment.pk)
    else:
        form = EnrolForm()
    return render(
        request,
        "offerings/enrol.html",
        {"form": form, "occurrence": occurrence, "offering": occurrence.offering},
    )


def _shows_online_link(enrolment: Enrolment) -> bool:
    occurrence = enrolment.occurrence
    online = occurrence.offering.is_online or occurrence.status == OccurrenceStatus.MOVED_ONLINE
    return (
        enrolment.status == EnrolmentStatus.CONFIRMED
        and online
        and bool(occurrence.offering.online_url)
    )


def _may_cancel(enrolment: Enrolment) -> bool:
    return enrolment.status in ACTIVE_ENROLMENT and enrolment.occurrence.starts_at > timezone.now()


@login_required
def enrolment_detail(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = _own_enrolment(acting_user(request), enrolment_id)
    return render(
        request,
        "offerings/enrolment.html",
        {
            "enrolment": enrolment,
            "occurrence": enrolment.occurrence,
            "offering": enrolment.occurrence.offering,
            "cancellation_deadline": cancellation_deadline(enrolment),
            "may_cancel": _may_cancel(enrolment),
            "show_online_link": _shows_online_link(enrolment),
        },
    )


@login_required
@rate_limit_posts(group="offering-enrolment-cancel", rate="30/m")
def cancel_enrolment(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    """A confirmation page first; the POST cancels, or says why it cannot."""
    user = acting_user(request)
    enrolment = _own_enrolment(user, enrolment_id)
    error_message = ""
    if request.method == "POST":
        try:
            services.cancel_enrolment(actor=user, enrolment=enrolment)
        except NotFound as error:
            raise Http404 from error
        except DomainError as error:
            error_message = str(error.message)
        else:
            messages.success(request, _("The enrolment was cancelled."))
            return redirect("offerings:mine")
    return render(
        request,
        "offerings/enrolment_cancel.html",
        {
            "enrolment": enrolment,
            "occurrence": enrolment.occurrence,
            "offering": enrolment.occurrence.offering,
            "cancellation_deadline": cancellation_deadline(enrolment),
            "may_cancel": _may_cancel(enrolment),
            "error_message": error_message,
        },
    )


@login_required
@never_cache
@require_GET
def enrolment_ics(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = _own_enrolment(acting_user(request), enrolment_id)
    content = ical.occurrence_ics(enrolment.occurrence, uid=str(enrolment.feed_token))
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="enrolment-{enrolment.pk}.ics"'
    return response


@login_required
def my_enrolments(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    now = timezone.now()
    enrolments = selectors.enrolments_of(user)
    return render(
        request,
        "offerings/my_enrolments.html",
        {
            "upcoming": enrolments.filter(occurrence__ends_at__gt=now),
            "past": enrolments.filter(occurrence__ends_at__lte=now).order_by(
                "-occurrence__starts_at"
            )[:PAST_ENROLMENTS_SHOWN],
            "past_limit": PAST_ENROLMENTS_SHOWN,
            "orders_for_units": selectors.ordering_units(user).exists(),
            "now": now,
        },
    )
