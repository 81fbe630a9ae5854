"""Staff pages of an organisation's application rounds: the list, a new round, changing one,
and one round with its applications (and staff putting an application into another class).

Staff who may view the organisation read; those who manage it change. Other organisations'
staff get 404, as the address does not reveal which organisations exist.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.seasons import selectors
from lampio.seasons.models import ApplicationRound, RoundPhase
from lampio.seasons.services import rounds as round_services
from lampio.seasons.staff_forms import ROUND_FIELDS, ReclassifyForm, RoundForm
from lampio.tenancy.access import org_url_kwargs, organisation_in_url, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

RATE = "60/m"


def round_in_url(
    request: HttpRequest, municipality: str, organisation: str, round_id: int, action: Action
) -> tuple[Organisation, ApplicationRound]:
    org = organisation_in_url(request, municipality, organisation, action)
    try:
        found = selectors.round_of(actor=acting_user(request), organisation=org, round_id=round_id)
    except NotFound as error:
        raise Http404 from error
    return org, found


def back_to_round(org: Organisation, application_round: ApplicationRound) -> HttpResponse:
    return redirect("seasons_staff:round", round_id=application_round.pk, **org_url_kwargs(org))


def _domain_error_on(form: RoundForm, error: DomainError) -> None:
    if error.field in ROUND_FIELDS:
        error.field = ROUND_FIELDS[error.field]
    add_domain_error(form, error)


@staff_required
def rounds(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.VIEW)
    actor = acting_user(request)
    found = list(selectors.rounds_of(actor=actor, organisation=org))
    now = timezone.now()
    return render(
        request,
        "seasons/staff/rounds.html",
        {
            "organisation": org,
            "rounds": [(r, r.phase(now)) for r in found],
            "may_manage": can(actor, Action.MANAGE, org),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group="staff-seasons", rate=RATE)
def round_new(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.MANAGE)
    spaces = selectors.organisation_spaces(org)
    form = RoundForm(request.POST or None, spaces=spaces)
    if request.method == "POST" and form.is_valid():
        try:
            created = round_services.create_round(
                actor=acting_user(request), organisation=org, **form.details()
            )
        except DomainError as error:
            _domain_error_on(form, error)
        else:
            messages.success(request, _("The round was created."))
            return back_to_round(org, created)
    return render(
        request,
        "seasons/staff/round_form.html",
        {"organisation": org, "form": form, "application_round": None},
    )


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group="staff-seasons", rate=RATE)
def round_edit(
    request: HttpRequest, municipality: str, organisation: str, round_id: int
) -> HttpResponse:
    org, application_round = round_in_url(
        request, municipality, organisation, round_id, Action.MANAGE
    )
    spaces = selectors.organisation_spaces(org)
    if request.method == "POST":
        form = RoundForm(request.POST, spaces=spaces)
        if form.is_valid():
            try:
                round_services.update_round(
                    actor=acting_user(request),
                    application_round=application_round,
                    **form.details(),
                )
            except DomainError as error:
                _domain_error_on(form, error)
            else:
                messages.success(request, _("The round was saved."))
                return back_to_round(org, application_round)
    else:
        form = RoundForm(initial=RoundForm.initial_for(application_round), spaces=spaces)
    return render(
        request,
        "seasons/staff/round_form.html",
        {"organisation": org, "form": form, "application_round": application_round},
    )


def _round_page(
    request: HttpRequest,
    org: Organisation,
    application_round: ApplicationRound,
    *,
    bound: ReclassifyForm | None = None,
    bound_id: int | None = None,
    status: int = 200,
) -> HttpResponse:
    actor = acting_user(request)
    now = timezone.now()
    applications = selectors.applications_of(actor=actor, application_round=application_round)
    classes = selectors.priority_classes(application_round)
    counts = selectors.round_counts(application_round, now)
    may_manage = can(actor, Action.MANAGE, org) and counts.phase != RoundPhase.PUBLISHED
    # The class select is written out from `classes` (one query for the page, not one per
    # row); only a form sent back with an error is a bound form, for its errors and value.
    rows = [
        (
            application,
            bound if application.pk == bound_id else None,
            str(bound.data.get(f"class-{application.pk}-priority_class", ""))
            if bound is not None and application.pk == bound_id
            else str(application.priority_class_id),
        )
        for application in applications
    ]
    context: dict[str, Any] = {
        "organisation": org,
        "application_round": application_round,
        "section": "round",
        "counts": counts,
        "spaces": selectors.round_spaces(application_round),
        "classes": classes,
        "rows": rows,
        "may_manage": may_manage,
        "hours_per_week": (
            application_round.max_minutes_per_week / 60
            if application_round.max_minutes_per_week
            else None
        ),
    }
    return render(request, "seasons/staff/round.html", context, status=status)


@staff_required
def round_detail(
    request: HttpRequest, municipality: str, organisation: str, round_id: int
) -> HttpResponse:
    org, application_round = round_in_url(
        request, municipality, organisation, round_id, Action.VIEW
    )
    return _round_page(request, org, application_round)


@staff_required
@require_POST
@rate_limit_posts(group="staff-seasons", rate=RATE)
def reclassify(
    request: HttpRequest,
    municipality: str,
    organisation: str,
    round_id: int,
    application_id: int,
) -> HttpResponse:
    org, application_round = round_in_url(
        request, municipality, organisation, round_id, Action.MANAGE
    )
    try:
        application = selectors.application_in(
            application_round=application_round, application_id=application_id
        )
    except NotFound as error:
        raise Http404 from error
    form = ReclassifyForm(
        request.POST,
        prefix=f"class-{application.pk}",
        classes=application_round.priority_classes.all(),
    )
    if form.is_valid():
        try:
            round_services.set_priority_class(
                actor=acting_user(request),
                application=application,
                priority_class=form.cleaned_data["priority_class"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("“%(activity)s” is now in the class “%(class)s”.")
                % {
                    "activity": application.activity,
                    "class": form.cleaned_data["priority_class"].name,
                },
            )
            return back_to_round(org, application_round)
    return _round_page(request, org, application_round, bound=form, bound_id=application.pk)
