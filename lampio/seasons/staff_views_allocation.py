"""Staff pages of a round's allocation: run the solver, review, move, lock or remove single
slots, see the week of each space, and publish (after a page that says what will happen)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.seasons import selectors
from lampio.seasons.models import Allocation, ApplicationRound, RoundPhase
from lampio.seasons.services import allocation as allocation_services
from lampio.seasons.services.publishing import first_date, publish_round
from lampio.seasons.staff_forms import MoveForm
from lampio.seasons.staff_views import RATE, round_in_url
from lampio.tenancy.access import org_url_kwargs, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

# The solver's time on a page request: enough for a city's round (see the benchmark).
SOLVER_SECONDS = 10.0


def _back(org: Organisation, application_round: ApplicationRound, anchor: str = "") -> Any:
    response = redirect(
        "seasons_staff:allocation", round_id=application_round.pk, **org_url_kwargs(org)
    )
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _allocation_page(
    request: HttpRequest,
    org: Organisation,
    application_round: ApplicationRound,
    *,
    bound: MoveForm | None = None,
    bound_id: int | None = None,
) -> HttpResponse:
    actor = acting_user(request)
    now = timezone.now()
    counts = selectors.round_counts(application_round, now)
    spaces = selectors.round_spaces(application_round)
    space_choices = [(str(space.pk), space.name) for space in spaces]
    applications = selectors.applications_of(actor=actor, application_round=application_round)
    # Each row's move form is written out from `space_choices` (one query for the page); only
    # the form sent back with an error is bound, for its errors and the values typed.
    review: list[tuple[selectors.ReviewRow, MoveForm | None, str, str]] = []
    for row in selectors.review_rows(applications):
        allocation, prefix = row.allocation, f"move-{row.wish.pk}"
        if bound is not None and row.wish.pk == bound_id:
            space_id = str(bound.data.get(f"{prefix}-space", ""))
            starts = str(bound.data.get(f"{prefix}-starts_time", ""))
            review.append((row, bound, space_id, starts))
        else:
            space_id = str(allocation.space_id) if allocation else ""
            starts = f"{allocation.starts_time:%H:%M}" if allocation else ""
            review.append((row, None, space_id, starts))
    run = selectors.latest_run(application_round)
    classes = selectors.priority_classes(application_round)
    context: dict[str, Any] = {
        "organisation": org,
        "application_round": application_round,
        "section": "allocation",
        "counts": counts,
        "review": review,
        "space_choices": space_choices,
        "schedule": selectors.schedule(application_round, spaces),
        "run": run,
        "shares": selectors.run_shares(run, classes) if run else [],
        "may_manage": can(actor, Action.MANAGE, org) and counts.phase == RoundPhase.ALLOCATING,
        "allocating": counts.phase == RoundPhase.ALLOCATING,
    }
    return render(request, "seasons/staff/allocation.html", context)


@staff_required
def allocation(
    request: HttpRequest, municipality: str, organisation: str, round_id: int
) -> HttpResponse:
    org, application_round = round_in_url(
        request, municipality, organisation, round_id, Action.VIEW
    )
    return _allocation_page(request, org, application_round)


@staff_required
@require_POST
@rate_limit_posts(group="staff-seasons-solver", rate="10/m")
def run(request: HttpRequest, municipality: str, organisation: str, round_id: int) -> HttpResponse:
    org, application_round = round_in_url(
        request, municipality, organisation, round_id, Action.MANAGE
    )
    try:
        done = allocation_services.run_allocation(
            actor=acting_user(request),
            application_round=application_round,
            time_limit=SOLVER_SECONDS,
        )
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request,
            _("The solver allocated %(allocated)d of %(wishes)d wished slots.")
            % {"allocated": done.allocated, "wishes": done.wishes},
        )
    return _back(org, application_round, "run")


def _wish(application_round: ApplicationRound, wish_id: int) -> Any:
    try:
        return selectors.wish_in(application_round=application_round, wish_id=wish_id)
    except NotFound as error:
        raise Http404 from error


@staff_required
@require_POST
@rate_limit_posts(group="staff-seasons", rate=RATE)
def move(
    request: HttpRequest, municipality: str, organisation: str, round_id: int, wish_id: int
) -> HttpResponse:
    org, application_round = round_in_url(
        request, municipality, organisation, round_id, Action.MANAGE
    )
    wish = _wish(application_round, wish_id)
    form = MoveForm(
        request.POST,
        prefix=f"move-{wish.pk}",
        spaces=application_round.spaces.select_related("venue").order_by("name"),
    )
    if form.is_valid():
        try:
            allocation_services.move_allocation(
                actor=acting_user(request),
                wish=wish,
                space=form.cleaned_data["space"],
                starts_time=form.cleaned_data["starts_time"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("“%(activity)s” was placed and locked.")
                % {"activity": wish.application.activity},
            )
            return _back(org, application_round, f"wish-{wish.pk}")
    return _allocation_page(request, org, application_round, bound=form, bound_id=wish.pk)


def _on_allocation(
    action: Callable[..., Any], done: Promise
) -> Callable[[HttpRequest, str, str, int, int], HttpResponse]:
    """A POST that acts on one wish's allocation and comes back to the review."""

    @staff_required
    @require_POST
    @rate_limit_posts(group="staff-seasons", rate=RATE)
    def view(
        request: HttpRequest, municipality: str, organisation: str, round_id: int, wish_id: int
    ) -> HttpResponse:
        org, application_round = round_in_url(
            request, municipality, organisation, round_id, Action.MANAGE
        )
        try:
            found: Allocation = selectors.allocation_of_wish(
                application_round=application_round, wish_id=wish_id
            )
        except NotFound as error:
            raise Http404 from error
        try:
            action(actor=acting_user(request), allocation=found)
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, str(done))
        return _back(org, application_round, f"wish-{wish_id}")

    return view


lock = _on_allocation(
    allocation_services.lock_allocation,
    gettext_lazy("The allocation was locked: the solver keeps it as it is."),
)
unlock = _on_allocation(
    allocation_services.unlock_allocation,
    gettext_lazy("The allocation was unlocked: the next run of the solver may change it."),
)
remove = _on_allocation(
    allocation_services.remove_allocation,
    gettext_lazy("The allocation was removed: the wish has no slot now."),
)


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group="staff-seasons", rate=RATE)
def publish(
    request: HttpRequest, municipality: str, organisation: str, round_id: int
) -> HttpResponse:
    action = Action.MANAGE if request.method == "POST" else Action.VIEW
    org, application_round = round_in_url(request, municipality, organisation, round_id, action)
    actor = acting_user(request)
    error_text = ""
    if request.method == "POST":
        try:
            result = publish_round(actor=actor, application_round=application_round)
        except DomainError as error:
            error_text = str(error.message)
        else:
            messages.success(
                request,
                _("The round was published: %(series)d recurring bookings were made and "
                  "%(people)d applicants were told.")
                % {"series": len(result.series), "people": result.notified},
            )  # fmt: skip
            return redirect(
                "seasons_staff:publish", round_id=application_round.pk, **org_url_kwargs(org)
            )
    now = timezone.now()
    counts = selectors.round_counts(application_round, now)
    context: dict[str, Any] = {
        "organisation": org,
        "application_round": application_round,
        "section": "publish",
        "counts": counts,
        "unallocated": counts.wishes - counts.allocated,
        "first_date": first_date(application_round, now),
        "error": error_text,
        "may_publish": can(actor, Action.MANAGE, org) and counts.phase == RoundPhase.ALLOCATING,
        "published": selectors.published_rows(application_round)
        if counts.phase == RoundPhase.PUBLISHED
        else [],
    }
    return render(request, "seasons/staff/publish.html", context)
