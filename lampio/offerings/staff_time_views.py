"""The provider's pages for an offering's times: add one, add a weekly schedule after seeing
the dates it makes, and change one time (seats, cancel, postpone, move online or to a new time)
with the list of who is coming.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.core.errors import DomainError
from lampio.core.forms import submitted
from lampio.core.ratelimit import rate_limit_posts
from lampio.core.timeranges import Interval, as_utc
from lampio.offerings import services, staff_selectors
from lampio.offerings.models import Occurrence
from lampio.offerings.services.catalogue import MAX_OCCURRENCES_PER_SCHEDULE, schedule_starts
from lampio.offerings.staff_forms import add_service_error
from lampio.offerings.staff_time_forms import (
    TIME_FIELDS,
    WEEKLY_FIELDS,
    AttendanceForm,
    CapacityForm,
    OccurrenceForm,
    RescheduleForm,
    StatusForm,
    WeeklyForm,
)
from lampio.offerings.staff_views import (
    RATE,
    RATE_GROUP,
    found,
    offering_in,
    publishing_organisation,
    to_offering,
)
from lampio.tenancy.access import org_url_kwargs, staff_required
from lampio.tenancy.models import Organisation

CONFIRM, CHANGE = "confirm", "change"


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def times(
    request: HttpRequest, municipality: str, organisation: str, offering_id: int
) -> HttpResponse:
    """The offering's times, and the form to add one."""
    user, org, offering = offering_in(request, municipality, organisation, offering_id)
    latest = staff_selectors.occurrences_of(offering=offering).last()
    form = OccurrenceForm(
        request.POST or None, initial={"capacity": latest.capacity if latest else None}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.add_occurrence(actor=user, offering=offering, plan=form.plan())
        except DomainError as error:
            add_service_error(form, error, TIME_FIELDS)
        else:
            messages.success(request, _("The time was added."))
            return to_offering("times", org, offering)
    context = {
        "organisation": org,
        "offering": offering,
        "section": "times",
        "form": form,
        "occurrences": staff_selectors.occurrences_with_counts(offering=offering),
        "now": timezone.now(),
    }
    return render(request, "offerings/staff/times.html", context)


def _preview(form: WeeklyForm, now: datetime) -> list[Interval] | None:
    """The times a valid schedule would make; None, with errors on the form, when the service
    would refuse it. The service checks all of this again when the schedule is confirmed."""
    schedule = form.schedule()
    first = schedule.first
    if first.ends_at <= first.starts_at:
        form.add_error("ends", _("The occurrence must end after it starts."))
        return None
    if first.starts_at <= now:
        form.add_error("starts", _("Add times in the future."))
        return None
    _rule, starts = schedule_starts(schedule)
    if len(starts) > MAX_OCCURRENCES_PER_SCHEDULE:
        form.add_error(
            "last_date",
            _("A schedule can make at most %(count)d times; choose an earlier last date.")
            % {"count": MAX_OCCURRENCES_PER_SCHEDULE},
        )
        return None
    if not starts:
        form.add_error("weekdays", _("The schedule gives no times; check the weekdays."))
        return None
    duration = first.ends_at - first.starts_at
    # In UTC, as the service adds them: the duration is real time, not wall-clock time.
    return [Interval(as_utc(start), as_utc(start) + duration) for start in starts]


def _posted_values(request: HttpRequest, form: WeeklyForm) -> list[tuple[str, str]]:
    """The schedule as typed, carried through the preview in hidden fields."""
    return [(name, value) for name in form.fields for value in request.POST.getlist(name)]


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def weekly(
    request: HttpRequest, municipality: str, organisation: str, offering_id: int
) -> HttpResponse:
    """A weekly schedule in two steps: the form, then the dates it makes, then confirm."""
    user, org, offering = offering_in(request, municipality, organisation, offering_id)
    latest = staff_selectors.occurrences_of(offering=offering).last()
    form = WeeklyForm(
        request.POST or None,
        initial={"interval": 1, "capacity": latest.capacity if latest else None},
    )
    context = {"organisation": org, "offering": offering, "section": "times", "form": form}
    action = request.POST.get("action", "")
    if request.method != "POST" or action == CHANGE or not form.is_valid():
        return render(request, "offerings/staff/weekly.html", context)
    if action == CONFIRM:
        try:
            created = services.add_weekly_occurrences(
                actor=user, offering=offering, schedule=form.schedule()
            )
        except DomainError as error:
            add_service_error(form, error, WEEKLY_FIELDS)
        else:
            messages.success(
                request,
                ngettext("%(count)d time was added.", "%(count)d times were added.", len(created))
                % {"count": len(created)},
            )
            return to_offering("times", org, offering)
        return render(request, "offerings/staff/weekly.html", context)
    rows = _preview(form, timezone.now())
    if rows is not None:
        context.update(
            {
                "preview": rows,
                "new_count": len(rows),
                "hidden": _posted_values(request, form),
            }
        )
    return render(request, "offerings/staff/weekly.html", context)


# --- One time ----------------------------------------------------------------------------------


def _occurrence_in(
    request: HttpRequest, municipality: str, organisation: str, occurrence_id: int
) -> tuple[User, Organisation, Occurrence]:
    org = publishing_organisation(request, municipality, organisation)
    user = acting_user(request)
    occurrence = found(
        staff_selectors.managed_occurrence,
        actor=user,
        organisation=org,
        occurrence_id=occurrence_id,
    )
    return user, org, occurrence


def _occurrence_page(
    request: HttpRequest,
    user: User,
    org: Organisation,
    occurrence: Occurrence,
    *,
    capacity_form: CapacityForm | None = None,
    status_form: StatusForm | None = None,
    reschedule_form: RescheduleForm | None = None,
    attendance_form: AttendanceForm | None = None,
) -> HttpResponse:
    """The time with its three forms (any may come back with errors) and its participants."""
    starts = timezone.localtime(occurrence.starts_at)
    ends = timezone.localtime(occurrence.ends_at)
    context = {
        "organisation": org,
        "offering": occurrence.offering,
        "occurrence": occurrence,
        "section": "times",
        "capacity_form": capacity_form
        or CapacityForm(prefix="seats", initial={"capacity": occurrence.capacity}),
        "status_form": status_form or StatusForm(prefix="status"),
        "reschedule_form": reschedule_form
        or RescheduleForm(
            prefix="move",
            initial={"date": starts.date(), "starts": starts.time(), "ends": ends.time()},
        ),
        "participants": staff_selectors.participants_of(actor=user, occurrence=occurrence),
        "attendance_form": attendance_form
        or AttendanceForm(prefix="came", initial={"attendance": occurrence.attendance}),
        "has_started": occurrence.starts_at <= timezone.now(),
    }
    return render(request, "offerings/staff/occurrence.html", context)


def _to_occurrence(org: Organisation, occurrence: Occurrence) -> HttpResponse:
    return redirect(
        "offerings_staff:occurrence", occurrence_id=occurrence.pk, **org_url_kwargs(org)
    )


@staff_required
def occurrence_detail(
    request: HttpRequest, municipality: str, organisation: str, occurrence_id: int
) -> HttpResponse:
    user, org, occurrence = _occurrence_in(request, municipality, organisation, occurrence_id)
    return _occurrence_page(request, user, org, occurrence)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def occurrence_capacity(
    request: HttpRequest, municipality: str, organisation: str, occurrence_id: int
) -> HttpResponse:
    user, org, occurrence = _occurrence_in(request, municipality, organisation, occurrence_id)
    form = CapacityForm(request.POST, prefix="seats")
    if submitted(
        request,
        form,
        lambda: services.change_capacity(
            actor=user, occurrence=occurrence, capacity=form.cleaned_data["capacity"]
        ),
        success=_("The number of seats was saved."),
    ):
        return _to_occurrence(org, occurrence)
    return _occurrence_page(request, user, org, occurrence, capacity_form=form)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def occurrence_status(
    request: HttpRequest, municipality: str, organisation: str, occurrence_id: int
) -> HttpResponse:
    user, org, occurrence = _occurrence_in(request, municipality, organisation, occurrence_id)
    form = StatusForm(request.POST, prefix="status")
    if submitted(
        request,
        form,
        lambda: services.change_occurrence_status(
            actor=user,
            occurrence=occurrence,
            status=form.cleaned_data["status"],
            notice=form.notice(),
        ),
        success=_("The change was saved and the participants are told."),
    ):
        return _to_occurrence(org, occurrence)
    return _occurrence_page(request, user, org, occurrence, status_form=form)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def occurrence_reschedule(
    request: HttpRequest, municipality: str, organisation: str, occurrence_id: int
) -> HttpResponse:
    user, org, occurrence = _occurrence_in(request, municipality, organisation, occurrence_id)
    form = RescheduleForm(request.POST, prefix="move")

    def move() -> None:
        starts_at, ends_at = form.span()
        services.reschedule_occurrence(
            actor=user,
            occurrence=occurrence,
            starts_at=starts_at,
            ends_at=ends_at,
            notice=form.notice(),
        )

    success = _("The time was moved and the participants are told.")
    if submitted(request, form, move, success=success, aliases=TIME_FIELDS):
        return _to_occurrence(org, occurrence)
    return _occurrence_page(request, user, org, occurrence, reschedule_form=form)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def occurrence_attendance(
    request: HttpRequest, municipality: str, organisation: str, occurrence_id: int
) -> HttpResponse:
    """Record (or clear) how many people came, once the time has started."""
    user, org, occurrence = _occurrence_in(request, municipality, organisation, occurrence_id)
    form = AttendanceForm(request.POST, prefix="came")
    if submitted(
        request,
        form,
        lambda: services.record_attendance(
            actor=user, occurrence=occurrence, attendance=form.cleaned_data["attendance"]
        ),
        success=_("The number of people who came was saved."),
    ):
        return _to_occurrence(org, occurrence)
    return _occurrence_page(request, user, org, occurrence, attendance_form=form)
