"""Staff pages of survey rounds: the list, a new round, and one round with its links.

The organiser's staff and network admins see a round fully and (with MANAGE) act on it; the
staff of a participating organisation see only their own organisation's link. Anything else is
404. Answer counts below the insights threshold show as "fewer than N".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.multilingual import translated_from
from lampio.core.ratelimit import rate_limit_posts
from lampio.spaces.qr import qr_svg
from lampio.surveys.engine import reminders, selectors
from lampio.surveys.engine import rounds as round_services
from lampio.surveys.engine.rounds import RoundData
from lampio.surveys.engine.selectors import RoundView
from lampio.surveys.engine.staff_forms import (
    NETWORK,
    AddParticipantForm,
    RoundDatesForm,
    RoundForm,
)
from lampio.surveys.models import Round, RoundParticipant
from lampio.tenancy.access import found, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import is_network_admin

RATE = "60/m"
RATE_GROUP = "staff-survey-rounds"


def status_of(round: Round, today: date) -> str:
    if today < round.opens_on:
        return "upcoming"
    return "open" if today <= round.closes_on else "closed"


@staff_required
def rounds(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    today = timezone.localdate()
    found_rounds = [
        {"round": round, "status": status_of(round, today)}
        for round in selectors.rounds_for(actor=user)
    ]
    may_create = is_network_admin(user) or bool(selectors.owner_choices(actor=user))
    return render(
        request,
        "surveys/engine/rounds.html",
        {"section": "rounds", "rounds": found_rounds, "may_create": may_create},
    )


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def round_new(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    network = is_network_admin(user)
    organisers = selectors.owner_choices(actor=user)
    if not network and not organisers:
        raise DjangoPermissionDenied
    versions = {v.pk: v for v in selectors.usable_versions(actor=user)}
    eligible = selectors.eligible_organisations(actor=user, organiser=None)
    today = timezone.localdate()
    form = RoundForm(
        request.POST or None,
        initial={"opens_on": today, "closes_on": today + timedelta(days=14)},
        versions=list(versions.values()),
        organisers=organisers,
        network=network,
        groups=selectors.grouped_by_municipality(eligible),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organiser = (
            None
            if data["organiser"] == NETWORK
            else next(org for org in organisers if str(org.pk) == data["organiser"])
        )
        chosen = [org for org in eligible if org.pk in set(data["organisations"])]
        try:
            created = round_services.create_round(
                actor=user,
                organiser=organiser,
                participants=chosen,
                data=RoundData(
                    version=versions[data["version"]],
                    title=translated_from(data, "title"),
                    opens_on=data["opens_on"],
                    closes_on=data["closes_on"],
                    reminder_days_before=data["reminder_days_before"],
                ),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The round was created. Share each organisation's link."))
            return redirect("surveys_engine:round", survey_round_id=created.pk)
    return render(
        request,
        "surveys/engine/round_new.html",
        {"section": "rounds", "form": form, "has_versions": bool(versions)},
    )


def _results_url(round: Round) -> str:
    """Helper C's results page; the link is left out while that page does not exist."""
    try:
        return reverse("insights_staff:survey_results", kwargs={"survey_round_id": round.pk})
    except NoReverseMatch:
        return ""


def _answer_url(request: HttpRequest, participant: RoundParticipant) -> str:
    try:
        path = reverse("surveys:round_answer", kwargs={"round_token": participant.token})
    except NoReverseMatch:
        return ""
    return request.build_absolute_uri(path)


def _round_page(
    request: HttpRequest,
    view: RoundView,
    *,
    dates_form: RoundDatesForm | None = None,
    add_form: AddParticipantForm | None = None,
) -> HttpResponse:
    user = acting_user(request)
    round = view.round
    links = []
    for participant in view.participants:
        url = _answer_url(request, participant)
        title = _("QR code to the survey of %(organisation)s") % {
            "organisation": participant.organisation.name
        }
        links.append(
            {
                "participant": participant,
                "url": url,
                "qr": qr_svg(url, title=title, scale=3) if url else "",
                "progress": view.progress[participant.pk],
            }
        )
    if view.may_manage and add_form is None:
        add_form = _add_form(user, view)
    if view.may_manage and dates_form is None:
        dates_form = RoundDatesForm(
            initial={
                "opens_on": round.opens_on,
                "closes_on": round.closes_on,
                "reminder_days_before": round.reminder_days_before,
            }
        )
    return render(
        request,
        "surveys/engine/round.html",
        {
            "section": "rounds",
            "view": view,
            "round": round,
            "links": links,
            "status": status_of(round, timezone.localdate()),
            "threshold": selectors.threshold(),
            "results_url": _results_url(round) if view.full else "",
            "dates_form": dates_form,
            "add_form": add_form,
        },
    )


def _add_form(user: Any, view: RoundView, data: Any = None) -> AddParticipantForm:
    taking_part = {p.organisation_id for p in view.participants}
    eligible = [
        org
        for org in selectors.eligible_organisations(actor=user, organiser=view.round.organiser)
        if org.pk not in taking_part
    ]
    return AddParticipantForm(data, groups=selectors.grouped_by_municipality(eligible))


def _managed_round(request: HttpRequest, survey_round_id: int) -> RoundView:
    view: RoundView = found(
        selectors.round_for, actor=acting_user(request), round_id=survey_round_id
    )
    if not view.may_manage:
        raise DjangoPermissionDenied
    return view


@staff_required
def round_detail(request: HttpRequest, survey_round_id: int) -> HttpResponse:
    view = found(selectors.round_for, actor=acting_user(request), round_id=survey_round_id)
    return _round_page(request, view)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def round_dates(request: HttpRequest, survey_round_id: int) -> HttpResponse:
    view = _managed_round(request, survey_round_id)
    form = RoundDatesForm(request.POST)
    if form.is_valid():
        try:
            round_services.change_dates(
                actor=acting_user(request), round=view.round, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The dates of the round were saved."))
            return redirect("surveys_engine:round", survey_round_id=survey_round_id)
    return _round_page(request, view, dates_form=form)


def _act(
    request: HttpRequest,
    survey_round_id: int,
    action: Callable[[], Any],
    success: Callable[[Any], str],
) -> HttpResponse:
    """Run one button's service call; its refusal or its success is the next page's message."""
    try:
        result = action()
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, success(result))
    return redirect("surveys_engine:round", survey_round_id=survey_round_id)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def round_close(request: HttpRequest, survey_round_id: int) -> HttpResponse:
    view = _managed_round(request, survey_round_id)
    return _act(
        request,
        survey_round_id,
        lambda: round_services.close_now(
            actor=acting_user(request), round=view.round, today=timezone.localdate()
        ),
        lambda _result: _("The round was closed. No more answers are taken."),
    )


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def round_remind(request: HttpRequest, survey_round_id: int) -> HttpResponse:
    view = _managed_round(request, survey_round_id)
    return _act(
        request,
        survey_round_id,
        lambda: reminders.remind_round(
            actor=acting_user(request), round=view.round, now=timezone.now()
        ),
        lambda count: (
            ngettext(
                "A reminder was queued to %(count)d person.",
                "A reminder was queued to %(count)d people.",
                count,
            )
            % {"count": count}
        ),
    )


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def participant_add(request: HttpRequest, survey_round_id: int) -> HttpResponse:
    user = acting_user(request)
    view = _managed_round(request, survey_round_id)
    form = _add_form(user, view, request.POST)
    if form.is_valid():
        organisation = Organisation.objects.get(pk=form.cleaned_data["organisation"])
        try:
            round_services.add_participant(actor=user, round=view.round, organisation=organisation)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The organisation was added with its own link."))
            return redirect("surveys_engine:round", survey_round_id=survey_round_id)
    return _round_page(request, view, add_form=form)


def _managed_participant(request: HttpRequest, participant_id: int) -> RoundParticipant:
    participant: RoundParticipant = found(
        selectors.participant_for, actor=acting_user(request), participant_id=participant_id
    )
    if not round_services.may_manage(acting_user(request), participant.round):
        raise DjangoPermissionDenied
    return participant


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def participant_remove(request: HttpRequest, participant_id: int) -> HttpResponse:
    participant = _managed_participant(request, participant_id)
    return _act(
        request,
        participant.round_id,
        lambda: round_services.remove_participant(
            actor=acting_user(request), participant=participant
        ),
        lambda _result: _("The organisation was removed from the round."),
    )


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def participant_new_link(request: HttpRequest, participant_id: int) -> HttpResponse:
    participant = _managed_participant(request, participant_id)
    return _act(
        request,
        participant.round_id,
        lambda: round_services.new_link(actor=acting_user(request), participant=participant),
        lambda _result: _("The organisation has a new link. The old link no longer works."),
    )
