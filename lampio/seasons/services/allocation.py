"""Staff writes of a round's allocation: run the solver, and move, lock or remove one slot.

Allocation happens between the close of applications and publishing. The solver runs outside
any transaction (it may take seconds, and SQLite has one writer); its result is written under
the round's lock only if the locked allocations and the wishes are still what it was given,
so a change made meanwhile is never overwritten. Every other write locks the round first.
"""

from __future__ import annotations

from datetime import datetime, time

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput, NotFound
from lampio.seasons.allocation import scoring
from lampio.seasons.allocation.problem import Placement, Problem
from lampio.seasons.errors import (
    AllocationsOverlap,
    ApplicationsStillOpen,
    LockedChangedMeanwhile,
    NotFreeThen,
)
from lampio.seasons.models import (
    Allocation,
    AllocationRun,
    AllocationSource,
    ApplicationRound,
    ApplicationStatus,
    WishedSlot,
)
from lampio.seasons.services.problem_builder import (
    DAY,
    build_problem,
    clock,
    free_minutes,
    locked_placements,
    minutes,
)
from lampio.seasons.services.rounds import check_may_manage, check_not_published, lock_round
from lampio.spaces.models import Space


def check_allocating(application_round: ApplicationRound, now: datetime) -> None:
    """Allocation may change only after applications close and before publishing."""
    check_not_published(application_round)
    if now < application_round.applications_close_at:
        raise ApplicationsStillOpen()


def _fingerprint(problem: Problem) -> tuple[frozenset[Placement], frozenset[int]]:
    return frozenset(problem.locked), frozenset(wish.id for wish in problem.wishes)


def _current_fingerprint(
    application_round: ApplicationRound,
) -> tuple[frozenset[Placement], frozenset[int]]:
    wish_ids = frozenset(
        WishedSlot.objects.filter(
            application__application_round=application_round,
            application__status=ApplicationStatus.SUBMITTED,
        ).values_list("pk", flat=True)
    )
    locked = frozenset(p for p in locked_placements(application_round) if p.wish in wish_ids)
    return locked, wish_ids


def run_allocation(
    *,
    actor: User,
    application_round: ApplicationRound,
    time_limit: float = 10.0,
    now: datetime | None = None,
) -> AllocationRun:
    """Let the solver allocate every wish that staff have not locked; locked ones stay."""
    now = now or timezone.now()
    check_may_manage(actor, application_round)
    check_allocating(application_round, now)
    problem = build_problem(application_round, now)
    # Imported here: OR-Tools brings pandas along, 1.2 s that every web process paid on its
    # first request (the URL configuration imports this module), for a rare staff action.
    from lampio.seasons.allocation import cpsat

    solution = cpsat.solve(problem, time_limit=time_limit)
    satisfied = solution.satisfied_by_rank or scoring.satisfied_by_rank(
        problem, solution.placements
    )
    durations = {wish.id: wish.duration for wish in problem.wishes}
    weekdays = {wish.id: wish.weekday for wish in problem.wishes}
    with transaction.atomic(), set_actor(actor):
        locked_round = lock_round(application_round.pk)
        check_allocating(locked_round, now)
        if _current_fingerprint(locked_round) != _fingerprint(problem):
            raise LockedChangedMeanwhile()
        Allocation.objects.filter(application_round=locked_round, locked=False).delete()
        kept = {placement.wish for placement in problem.locked}
        new = [placement for placement in solution.placements if placement.wish not in kept]
        for placement in new:
            # One by one (not bulk_create), so the audit log records each allocation.
            Allocation.objects.create(
                application_round=locked_round,
                wish_id=placement.wish,
                space_id=placement.space,
                weekday=weekdays[placement.wish],
                starts_time=clock(placement.start),
                ends_time=clock(placement.start + durations[placement.wish]),
                source=AllocationSource.SOLVER,
            )
        return AllocationRun.objects.create(
            application_round=locked_round,
            started_by=actor,
            seconds=round(solution.seconds, 3),
            solver_status=solution.status,
            wishes=len(problem.wishes),
            allocated=len(new) + len(kept),
            satisfied_by_rank={str(rank): share for rank, share in sorted(satisfied.items())},
        )


def _lock_allocation(allocation: Allocation) -> Allocation:
    found = Allocation.objects.select_for_update().filter(pk=allocation.pk).first()
    if found is None:  # the solver ran meanwhile and replaced it
        raise NotFound(_("The allocation has changed meanwhile. Look at it again."))
    return found


def _overlapping(
    application_round: ApplicationRound,
    wish: WishedSlot,
    space: Space,
    start: int,
    end: int,
) -> Allocation | None:
    """Another allocation of the round in `space` that day whose time (buffers included)
    runs into [start, end)."""
    gap = space.buffer_before_minutes + space.buffer_after_minutes
    others = (
        Allocation.objects.filter(
            application_round=application_round, space=space, weekday=wish.weekday
        )
        .exclude(wish=wish)
        .select_related("wish__application")
    )
    for other in others:
        if minutes(other.starts_time) < end + gap and start < minutes(other.ends_time) + gap:
            return other
    return None


def move_allocation(
    *,
    actor: User,
    wish: WishedSlot,
    space: Space,
    starts_time: time,
    now: datetime | None = None,
) -> Allocation:
    """Staff place a wish by hand (on its own weekday, for its own duration) and lock it.

    Any space of the round big enough will do, at any time it is free every week of the
    season and clear of the round's other allocations.
    """
    now = now or timezone.now()
    application = wish.application
    application_round = application.application_round
    check_may_manage(actor, application_round)
    start = minutes(starts_time)
    end = start + wish.duration_minutes
    with transaction.atomic(), set_actor(actor):
        locked_round = lock_round(application_round.pk)
        check_allocating(locked_round, now)
        if application.status != ApplicationStatus.SUBMITTED:
            raise InvalidInput(_("The application has been withdrawn."), field="space")
        if not locked_round.spaces.filter(pk=space.pk).exists():
            raise InvalidInput(_("Choose one of the spaces of this round."), field="space")
        if space.capacity < wish.attendees:
            raise InvalidInput(
                _("The space holds %(capacity)d people; the group has %(attendees)d.")
                % {"capacity": space.capacity, "attendees": wish.attendees},
                field="space",
            )
        if end > DAY:
            raise InvalidInput(_("The slot must end by midnight."), field="starts_time")
        free = free_minutes(locked_round, [space], now)[space.pk][wish.weekday]
        if not any(low <= start and end <= high for low, high in free):
            raise NotFreeThen(field="starts_time")
        if (other := _overlapping(locked_round, wish, space, start, end)) is not None:
            raise AllocationsOverlap(
                _(
                    "The time runs into “%(activity)s” (%(start)s–%(end)s) in this space. "
                    "Move that one first or choose another time."
                )
                % {
                    "activity": other.wish.application.activity,
                    "start": f"{other.starts_time:%H:%M}",
                    "end": f"{other.ends_time:%H:%M}",
                },
                field="starts_time",
            )
        allocation, _created = Allocation.objects.update_or_create(
            wish=wish,
            defaults={
                "application_round": locked_round,
                "space": space,
                "weekday": wish.weekday,
                "starts_time": clock(start),
                "ends_time": clock(end),
                "locked": True,
                "source": AllocationSource.STAFF,
            },
        )
    return allocation


def set_locked(
    *, actor: User, allocation: Allocation, locked: bool, now: datetime | None = None
) -> Allocation:
    """Lock an allocation so the solver keeps it, or unlock it so the next run may change it."""
    now = now or timezone.now()
    check_may_manage(actor, allocation.application_round)
    with transaction.atomic(), set_actor(actor):
        check_allocating(lock_round(allocation.application_round_id), now)
        allocation = _lock_allocation(allocation)
        if allocation.locked != locked:
            allocation.locked = locked
            allocation.save(update_fields=["locked", "updated_at"])
    return allocation


def lock_allocation(*, actor: User, allocation: Allocation, now: datetime | None = None) -> None:
    set_locked(actor=actor, allocation=allocation, locked=True, now=now)


def unlock_allocation(*, actor: User, allocation: Allocation, now: datetime | None = None) -> None:
    set_locked(actor=actor, allocation=allocation, locked=False, now=now)


def remove_allocation(*, actor: User, allocation: Allocation, now: datetime | None = None) -> None:
    """The wish gets no slot (until staff place it or the solver runs again)."""
    now = now or timezone.now()
    check_may_manage(actor, allocation.application_round)
    with transaction.atomic(), set_actor(actor):
        check_allocating(lock_round(allocation.application_round_id), now)
        _lock_allocation(allocation).delete()
