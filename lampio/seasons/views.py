"""Applicant pages of seasonal rounds: the rounds, one round, the application form, my
applications, one application with its outcome, changing and withdrawing it.

The rounds are public; everything about applications needs a login, and an application of
someone else answers 404, so its existence is not revealed either.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.seasons import selectors_applicant as selectors
from lampio.seasons.forms import (
    MYSELF,
    ROWS_AT_START,
    WISH_FIELD_OF,
    ApplicationForm,
    BaseWishFormSet,
    raw_values,
    wish_formset,
)
from lampio.seasons.models import Application, ApplicationRound, ApplicationStatus, RoundPhase
from lampio.seasons.services import applications as services
from lampio.tenancy.context_processors import SESSION_KEY
from lampio.tenancy.selectors import municipality_by_slug

RATE = "20/m"


def _found(lookup: Any, **kwargs: Any) -> Any:
    try:
        return lookup(**kwargs)
    except NotFound as error:
        raise Http404 from error


@require_GET
def rounds(request: HttpRequest) -> HttpResponse:
    slug = request.session.get(SESSION_KEY) or ""
    municipality = municipality_by_slug(slug) if slug else None
    found = selectors.open_rounds(municipality=municipality, now=timezone.now())
    return render(request, "seasons/rounds.html", {"rounds": found, "municipality": municipality})


@require_GET
def round_detail(request: HttpRequest, round_pk: int) -> HttpResponse:
    application_round = _found(selectors.round_for_applicant, round_id=round_pk)
    own = None
    if request.user.is_authenticated:
        own = selectors.applications_of(actor=acting_user(request)).filter(
            application_round=application_round, status=ApplicationStatus.SUBMITTED
        )
    return render(
        request,
        "seasons/round_detail.html",
        {
            "round": application_round,
            "phase": application_round.phase(timezone.now()),
            "spaces": selectors.round_spaces(application_round),
            "classes": application_round.priority_classes.order_by("rank"),
            "own_applications": own,
        },
    )


def _wish_initial(application: Application) -> list[dict[str, Any]]:
    rows = []
    for wish in selectors.wishes_of(application):
        row: dict[str, Any] = {
            "weekday": str(wish.weekday),
            "earliest_start": wish.earliest_start,
            "latest_end": wish.latest_end,
            "duration_minutes": wish.duration_minutes,
            "attendees": wish.attendees,
        }
        for number, choice in enumerate(wish.space_choices.all(), start=1):
            row[f"space_{number}"] = choice.space_id
        rows.append(row)
    return rows


def _apply_wish_error(
    formset: BaseWishFormSet, form: ApplicationForm, error: services.WishInvalid
) -> None:
    filled = formset.filled_forms()
    if 0 <= error.index < len(filled):
        row = filled[error.index]
        row.add_error(WISH_FIELD_OF.get(error.field or "", error.field), str(error.message))
    else:
        form.add_error(None, str(error.message))


def _application_page(
    request: HttpRequest,
    user: User,
    application_round: ApplicationRound,
    application: Application | None = None,
) -> HttpResponse:
    """The application form, new (`application` None) or changing one already submitted."""
    spaces = selectors.round_spaces(application_round)
    form_kwargs: dict[str, Any] = {
        "application_round": application_round,
        "organisations": selectors.applicant_organisations(actor=user),
        "applicant_fixed": application is not None,
    }
    existing: Application | None = None
    if request.method == "POST":
        form = ApplicationForm(request.POST, **form_kwargs)
        formset = wish_formset(application_round, spaces, data=request.POST)
        if "add_row" in request.POST:
            # Shown again unbound, as typed, with one more empty row and no errors yet.
            form = ApplicationForm(initial=raw_values(form), **form_kwargs)
            typed = [raw_values(row) for row in formset.forms]
            formset = wish_formset(application_round, spaces, initial=typed, rows=len(typed) + 1)
        elif all([form.is_valid(), formset.is_valid()]):
            data = form.cleaned_data
            wishes = [row.wish() for row in formset.filled_forms()]
            try:
                if application is None:
                    done = services.submit_application(
                        actor=user,
                        application_round=application_round,
                        for_organisation=form.organisation(),
                        activity=data["activity"],
                        age_group=data["age_group"],
                        requested_class=data["requested_class"],
                        notes=data["notes"],
                        wishes=wishes,
                    )
                else:
                    done = services.update_application(
                        actor=user,
                        application=application,
                        activity=data["activity"],
                        age_group=data["age_group"],
                        requested_class=data["requested_class"],
                        notes=data["notes"],
                        wishes=wishes,
                    )
            except services.WishInvalid as error:
                _apply_wish_error(formset, form, error)
            except services.AlreadyApplied as error:
                existing = error.existing
                add_domain_error(form, error)
            except DomainError as error:
                if error.field == "wishes":
                    error.field = None
                add_domain_error(form, error)
            else:
                if application is None:
                    messages.success(request, _("Your application was sent."))
                else:
                    messages.success(request, _("Your application was changed."))
                return redirect("seasons:application", application_pk=done.pk)
    elif application is not None:
        form = ApplicationForm(
            initial={
                "activity": application.activity,
                "age_group": application.age_group,
                "requested_class": application.requested_class_id,
                "notes": application.notes,
            },
            **form_kwargs,
        )
        rows = _wish_initial(application)
        formset = wish_formset(
            application_round, spaces, initial=rows, rows=max(len(rows) + 1, ROWS_AT_START)
        )
    else:
        form = ApplicationForm(initial={"for_organisation": MYSELF}, **form_kwargs)
        formset = wish_formset(application_round, spaces)
    return render(
        request,
        "seasons/apply.html",
        {
            "round": application_round,
            "application": application,
            "form": form,
            "formset": formset,
            "existing": existing,
            "spaces": spaces,
            "may_add_row": len(formset.forms) < services.MAX_WISHES,
        },
    )


@login_required
@rate_limit_posts(group="season-apply", rate=RATE)
def apply(request: HttpRequest, round_pk: int) -> HttpResponse:
    user = acting_user(request)
    application_round = _found(selectors.round_for_applicant, round_id=round_pk)
    if application_round.phase(timezone.now()) != RoundPhase.OPEN:
        messages.error(request, str(services.RoundNotOpen.default_message))
        return redirect("seasons:round", round_pk=application_round.pk)
    return _application_page(request, user, application_round)


@login_required
@require_GET
def my_applications(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    now = timezone.now()
    found = [
        (application, application.application_round.phase(now))
        for application in selectors.applications_of(actor=user)
    ]
    return render(request, "seasons/my_applications.html", {"applications": found})


def _own(request: HttpRequest, application_pk: int) -> tuple[User, Application]:
    user = acting_user(request)
    return user, _found(selectors.application_of, actor=user, application_id=application_pk)


@login_required
@require_GET
def application_detail(request: HttpRequest, application_pk: int) -> HttpResponse:
    _user, application = _own(request, application_pk)
    now = timezone.now()
    phase = application.application_round.phase(now)
    return render(
        request,
        "seasons/application_detail.html",
        {
            "application": application,
            "round": application.application_round,
            "phase": phase,
            "wishes": selectors.wishes_of(application),
            "outcome": selectors.outcome_of(application, now=now),
            "may_change": phase == RoundPhase.OPEN
            and application.status == ApplicationStatus.SUBMITTED,
        },
    )


def _changeable(request: HttpRequest, application: Application) -> HttpResponse | None:
    """Back to the application with a message when it can no longer be changed."""
    if application.status != ApplicationStatus.SUBMITTED:
        messages.error(request, _("This application was withdrawn and can no longer be changed."))
    elif application.application_round.phase(timezone.now()) != RoundPhase.OPEN:
        messages.error(
            request, _("The application period has ended, so this can no longer be changed.")
        )
    else:
        return None
    return redirect("seasons:application", application_pk=application.pk)


@login_required
@rate_limit_posts(group="season-apply", rate=RATE)
def application_edit(request: HttpRequest, application_pk: int) -> HttpResponse:
    user, application = _own(request, application_pk)
    if (refused := _changeable(request, application)) is not None:
        return refused
    return _application_page(request, user, application.application_round, application)


@login_required
@rate_limit_posts(group="season-withdraw", rate=RATE)
def application_withdraw(request: HttpRequest, application_pk: int) -> HttpResponse:
    user, application = _own(request, application_pk)
    if (refused := _changeable(request, application)) is not None:
        return refused
    if request.method == "POST":
        try:
            services.withdraw_application(actor=user, application=application)
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("Your application was withdrawn."))
        return redirect("seasons:application", application_pk=application.pk)
    return render(
        request,
        "seasons/withdraw.html",
        {"application": application, "round": application.application_round},
    )
