"""Staff reads of application rounds: the list, one round, its applications, the allocation
under review and the weekly schedule. (The applicants' reads are in `selectors_applicant`.)

Every function takes the actor; a round of another organisation is NotFound, and a person who
may not view the organisation gets PermissionDenied. Reading the applications (names of people)
is logged as an access.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils.dates import WEEKDAYS

from lampio.accounts.models import User
from lampio.core.errors import NotFound, PermissionDenied
from lampio.core.read_audit import PersonalDataRead, log_personal_data_read
from lampio.seasons.models import (
    Allocation,
    AllocationRun,
    Application,
    ApplicationRound,
    ApplicationStatus,
    PriorityClass,
    RoundPhase,
    WishedSlot,
    WishedSpace,
)
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can


def weekday_name(iso_weekday: int) -> str:
    """Monday for 1, in the active language."""
    return str(WEEKDAYS[iso_weekday - 1])


def _check_view(actor: User, organisation: Organisation) -> None:
    if not can(actor, Action.VIEW, organisation):
        raise PermissionDenied()


def rounds_of(*, actor: User, organisation: Organisation) -> QuerySet[ApplicationRound]:
    _check_view(actor, organisation)
    return ApplicationRound.objects.filter(organisation=organisation).annotate(
        submitted=Count("applications", filter=Q(applications__status=ApplicationStatus.SUBMITTED))
    )


def round_of(*, actor: User, organisation: Organisation, round_id: int) -> ApplicationRound:
    _check_view(actor, organisation)
    found = (
        ApplicationRound.objects.filter(organisation=organisation, pk=round_id)
        .select_related("organisation__municipality")
        .first()
    )
    if found is None:
        raise NotFound()
    return found


def organisation_spaces(organisation: Organisation) -> QuerySet[Space]:
    """The spaces a round of `organisation` may have."""
    return (
        Space.objects.filter(venue__organisation=organisation)
        .select_related("venue")
        .order_by("venue__name", "name")
    )


def round_spaces(application_round: ApplicationRound) -> list[Space]:
    return list(application_round.spaces.select_related("venue").order_by("venue__name", "name"))


def priority_classes(application_round: ApplicationRound) -> list[PriorityClass]:
    return list(application_round.priority_classes.order_by("rank"))


@dataclass(frozen=True)
class RoundCounts:
    phase: RoundPhase
    applications: int
    wishes: int
    allocated: int
    locked: int


def round_counts(application_round: ApplicationRound, now: datetime) -> RoundCounts:
    allocations = application_round.allocations.aggregate(
        allocated=Count("pk"), locked=Count("pk", filter=Q(locked=True))
    )
    return RoundCounts(
        phase=application_round.phase(now),
        applications=application_round.applications.filter(
            status=ApplicationStatus.SUBMITTED
        ).count(),
        wishes=WishedSlot.objects.filter(
            application__application_round=application_round,
            application__status=ApplicationStatus.SUBMITTED,
        ).count(),
        allocated=allocations["allocated"],
        locked=allocations["locked"],
    )


def applications_of(*, actor: User, application_round: ApplicationRound) -> list[Application]:
    """The round's applications with their wishes; a staff read of personal data (logged)."""
    _check_view(actor, application_round.organisation)
    applications = list(
        application_round.applications.select_related(
            "applicant", "for_organisation", "priority_class", "requested_class"
        )
        .prefetch_related(
            Prefetch(
                "wishes",
                queryset=WishedSlot.objects.prefetch_related(
                    Prefetch("space_choices", queryset=WishedSpace.objects.select_related("space"))
                ).select_related("allocation__space", "allocation__series"),
            )
        )
        .order_by("status", "submitted_at", "pk")
    )
    log_personal_data_read(
        actor=actor,
        kind=PersonalDataRead.APPLICATIONS,
        subject=application_round,
        organisation_id=application_round.organisation_id,
        count=len(applications),
    )
    return applications


def application_in(*, application_round: ApplicationRound, application_id: int) -> Application:
    found = application_round.applications.filter(pk=application_id).first()
    if found is None:
        raise NotFound()
    return found


def wish_in(*, application_round: ApplicationRound, wish_id: int) -> WishedSlot:
    found = (
        WishedSlot.objects.filter(application__application_round=application_round, pk=wish_id)
        .select_related("application__application_round")
        .first()
    )
    if found is None:
        raise NotFound()
    return found


def allocation_of_wish(*, application_round: ApplicationRound, wish_id: int) -> Allocation:
    found = (
        Allocation.objects.filter(application_round=application_round, wish_id=wish_id)
        .select_related("application_round")
        .first()
    )
    if found is None:
        raise NotFound()
    return found


@dataclass(frozen=True)
class ReviewRow:
    """One wish under review: what was asked, and what it has now (None: not allocated)."""

    wish: WishedSlot
    application: Application
    allocation: Allocation | None
    spaces: list[Space]  # the wished spaces, first choice first

    @property
    def weekday(self) -> str:
        return weekday_name(self.wish.weekday)


def review_rows(applications: list[Application]) -> list[ReviewRow]:
    """Per wish of the submitted applications, highest priority first, then submission order."""
    submitted = [a for a in applications if a.status == ApplicationStatus.SUBMITTED]
    submitted.sort(key=lambda a: (a.priority_class.rank, a.submitted_at, a.pk))
    rows = []
    for application in submitted:
        for wish in application.wishes.all():
            rows.append(
                ReviewRow(
                    wish=wish,
                    application=application,
                    allocation=getattr(wish, "allocation", None),
                    spaces=[choice.space for choice in wish.space_choices.all()],
                )
            )
    return rows


@dataclass
class ScheduleDay:
    weekday: int
    allocations: list[Allocation] = field(default_factory=list)

    @property
    def name(self) -> str:
        return weekday_name(self.weekday)


@dataclass
class SpaceSchedule:
    space: Space
    days: list[ScheduleDay]


def schedule(application_round: ApplicationRound, spaces: list[Space]) -> list[SpaceSchedule]:
    """The week of each of the round's spaces with its allocations, Monday first."""
    by_space: dict[int, dict[int, list[Allocation]]] = defaultdict(lambda: defaultdict(list))
    allocations = application_round.allocations.select_related("wish__application").order_by(
        "weekday", "starts_time"
    )
    for allocation in allocations:
        by_space[allocation.space_id][allocation.weekday].append(allocation)
    return [
        SpaceSchedule(
            space=space,
            days=[
                ScheduleDay(weekday=weekday, allocations=by_space[space.pk][weekday])
                for weekday in range(1, 8)
            ],
        )
        for space in spaces
    ]


@dataclass(frozen=True)
class RunShare:
    rank: int
    name: str
    share: float  # 0..1


def latest_run(application_round: ApplicationRound) -> AllocationRun | None:
    return application_round.runs.select_related("started_by").first()


def run_shares(run: AllocationRun, classes: list[PriorityClass]) -> list[RunShare]:
    names = {c.rank: c.name for c in classes}
    return [
        RunShare(rank=int(rank), name=names.get(int(rank), str(rank)), share=float(share))
        for rank, share in sorted(run.satisfied_by_rank.items(), key=lambda item: int(item[0]))
    ]


def series_url(organisation: Organisation, series_id: int) -> str | None:
    """The staff page of a booking series, where the bookings app has one."""
    kwargs = {"municipality": organisation.municipality.slug, "organisation": organisation.slug}
    try:
        return reverse("series_staff:detail", kwargs={**kwargs, "series_pk": series_id})
    except NoReverseMatch:
        return None


@dataclass(frozen=True)
class PublishedRow:
    allocation: Allocation
    url: str | None
    skipped: list[date]
    starts: time
    ends: time

    @property
    def weekday(self) -> str:
        return weekday_name(self.allocation.weekday)


def published_rows(application_round: ApplicationRound) -> list[PublishedRow]:
    """The series publishing created, with the dates each leaves out."""
    allocations = (
        application_round.allocations.filter(series__isnull=False)
        .select_related("series", "space", "wish__application")
        .order_by("space__name", "weekday", "starts_time")
    )
    rows = []
    for allocation in allocations:
        series = allocation.series
        if series is None:  # filtered out above; for the type checker
            continue
        rows.append(
            PublishedRow(
                allocation=allocation,
                url=series_url(application_round.organisation, series.pk),
                skipped=[date.fromisoformat(item["date"]) for item in series.skipped_dates],
                starts=series.starts_time,
                ends=series.ends_time,
            )
        )
    return rows
