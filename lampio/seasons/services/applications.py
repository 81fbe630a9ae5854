"""The applicant's writes: submit, change and withdraw an application to a seasonal round.

Each refusal names the field it concerns; a wish's refusal also names the wish's position in
the list given (`WishInvalid.index`), so the form puts it next to the right field of the right row.

Locks: each function locks the round row first (PostgreSQL), so two submissions of one applicant
to one round queue and the second sees the first; on SQLite every transaction is BEGIN IMMEDIATE.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.seasons.models import (
    AgeGroup,
    Application,
    ApplicationRound,
    ApplicationStatus,
    PriorityClass,
    RoundPhase,
    WishedSlot,
    WishedSpace,
)
from lampio.spaces.models import Space
from lampio.tenancy.models import Membership, Organisation

MIN_WISHES, MAX_WISHES = 1, 10
MIN_DURATION, MAX_DURATION = 30, 8 * 60
MAX_SPACES_PER_WISH = 3


@dataclass(frozen=True)
class WishInput:
    """One wished weekly slot as the applicant gives it; `spaces` in order of preference."""

    weekday: int  # ISO, Monday = 1
    earliest_start: time
    latest_end: time
    duration_minutes: int
    attendees: int
    spaces: list[Space] = field(default_factory=list)


class RoundNotOpen(InvalidInput):
    code = "round_not_open"
    default_message = _("This application round is not open for applications.")


class NotAllowedToApply(PermissionDenied):
    code = "not_allowed_to_apply"
    default_message = _("Verify your email address before you apply.")


class AlreadyApplied(Conflict):
    code = "already_applied"

    def __init__(self, message: str | Promise, *, existing: Application) -> None:
        super().__init__(message, field="for_organisation")
        self.existing = existing


class WishInvalid(InvalidInput):
    """A refusal of one wish: `index` is its position in the list given, `field` a WishInput
    attribute (weekday, earliest_start, latest_end, duration_minutes, attendees, spaces)."""

    code = "wish_invalid"

    def __init__(self, message: str | Promise, *, index: int, field: str) -> None:
        super().__init__(message, field=field)
        self.index = index


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def _lock_round(application_round: ApplicationRound) -> ApplicationRound:
    return ApplicationRound.objects.select_for_update().get(pk=application_round.pk)


def check_open(application_round: ApplicationRound, now: datetime) -> None:
    if application_round.phase(now) != RoundPhase.OPEN:
        raise RoundNotOpen()


def check_may_apply(actor: User) -> None:
    if not actor.is_authenticated or not actor.is_active:
        raise NotAllowedToApply(_("Please log in first."))
    if not EmailAddress.objects.filter(user=actor, verified=True).exists():
        raise NotAllowedToApply()


def check_acts_for(actor: User, organisation: Organisation | None) -> None:
    if organisation is None:
        return
    if not Membership.objects.filter(user=actor, organisation=organisation).exists():
        raise PermissionDenied(
            _("You can apply only for an organisation you are a member of."),
            field="for_organisation",
        )


def check_details(
    application_round: ApplicationRound, activity: str, age_group: str, requested: PriorityClass
) -> None:
    if not activity.strip():
        raise InvalidInput(_("Tell what the activity is."), field="activity")
    if age_group not in AgeGroup.values:
        raise InvalidInput(_("Choose an age group."), field="age_group")
    if requested.application_round_id != application_round.pk:
        raise InvalidInput(
            _("Choose one of the priority classes of this round."), field="requested_class"
        )


def check_wishes(application_round: ApplicationRound, wishes: Sequence[WishInput]) -> None:
    if len(wishes) < MIN_WISHES:
        raise InvalidInput(_("Add at least one wished slot."), field="wishes")
    if len(wishes) > MAX_WISHES:
        raise InvalidInput(
            _("You can wish for at most %(count)d slots in one application.")
            % {"count": MAX_WISHES},
            field="wishes",
        )
    round_space_ids = set(application_round.spaces.values_list("pk", flat=True))
    for index, wish in enumerate(wishes):
        _check_wish(index, wish, round_space_ids)


def _check_wish(index: int, wish: WishInput, round_space_ids: set[int]) -> None:
    def refuse(message: str | Promise, field: str) -> WishInvalid:
        return WishInvalid(message, index=index, field=field)

    if not 1 <= wish.weekday <= 7:
        raise refuse(_("Choose a weekday."), "weekday")
    start, end = _minutes(wish.earliest_start), _minutes(wish.latest_end)
    if end <= start:
        raise refuse(_("The latest end must be after the earliest start."), "latest_end")
    if not MIN_DURATION <= wish.duration_minutes <= MAX_DURATION:
        raise refuse(
            _("The duration must be from %(shortest)d to %(longest)d minutes.")
            % {"shortest": MIN_DURATION, "longest": MAX_DURATION},
            "duration_minutes",
        )
    if end - start < wish.duration_minutes:
        raise refuse(
            _(
                "The time window from %(start)s to %(end)s is shorter than "
                "the duration of %(minutes)d minutes."
            )
            % {
                "start": wish.earliest_start.strftime("%H:%M"),
                "end": wish.latest_end.strftime("%H:%M"),
                "minutes": wish.duration_minutes,
            },
            "latest_end",
        )
    if not wish.spaces:
        raise refuse(_("Choose the space you want first."), "spaces")
    if len(wish.spaces) > MAX_SPACES_PER_WISH:
        raise refuse(_("Choose at most two alternative spaces."), "spaces")
    if len({space.pk for space in wish.spaces}) != len(wish.spaces):
        raise refuse(_("Choose each space only once."), "spaces")
    if any(space.pk not in round_space_ids for space in wish.spaces):
        raise refuse(_("Choose among the spaces of this round."), "spaces")
    if wish.attendees < 1:
        raise refuse(_("At least one person must take part."), "attendees")
    largest = max(wish.spaces, key=lambda space: space.capacity)
    if wish.attendees > largest.capacity:
        raise refuse(
            _("%(space)s, the largest of the spaces you chose, holds at most %(capacity)d people.")
            % {"space": largest.name, "capacity": largest.capacity},
            "attendees",
        )


def _same_applicant(
    application_round: ApplicationRound, actor: User, organisation: Organisation | None
) -> Application | None:
    submitted = Application.objects.filter(
        application_round=application_round, status=ApplicationStatus.SUBMITTED
    )
    if organisation is not None:
        return submitted.filter(for_organisation=organisation).first()
    return submitted.filter(applicant=actor, for_organisation__isnull=True).first()


def _write_wishes(application: Application, wishes: Sequence[WishInput]) -> None:
    for position, wish in enumerate(wishes):
        slot = WishedSlot.objects.create(
            application=application,
            weekday=wish.weekday,
            earliest_start=wish.earliest_start,
            latest_end=wish.latest_end,
            duration_minutes=wish.duration_minutes,
            attendees=wish.attendees,
            position=position,
        )
        WishedSpace.objects.bulk_create(
            WishedSpace(wish=slot, space=space, preference=preference)
            for preference, space in enumerate(wish.spaces, start=1)
        )


def submit_application(
    *,
    actor: User,
    application_round: ApplicationRound,
    for_organisation: Organisation | None,
    activity: str,
    age_group: str,
    requested_class: PriorityClass,
    notes: str,
    wishes: Sequence[WishInput],
    now: datetime | None = None,
) -> Application:
    """Submit an application for the actor or for an organisation they are a member of."""
    now = now or timezone.now()
    check_may_apply(actor)
    with transaction.atomic(), set_actor(actor):
        locked = _lock_round(application_round)
        check_open(locked, now)
        check_acts_for(actor, for_organisation)
        check_details(locked, activity, age_group, requested_class)
        check_wishes(locked, wishes)
        existing = _same_applicant(locked, actor, for_organisation)
        if existing is not None:
            message = (
                _(
                    "%(organisation)s has already applied in this round. "
                    "Change that application instead."
                )
                % {"organisation": for_organisation.name}
                if for_organisation is not None
                else _("You have already applied in this round. Change that application instead.")
            )
            raise AlreadyApplied(message, existing=existing)
        application = Application.objects.create(
            application_round=locked,
            applicant=actor,
            for_organisation=for_organisation,
            activity=activity.strip(),
            age_group=age_group,
            requested_class=requested_class,
            priority_class=requested_class,  # staff may correct it before allocation
            notes=notes.strip(),
        )
        _write_wishes(application, wishes)
    return application


def check_may_change(actor: User, application: Application) -> None:
    """The person who applied, or a member of the organisation applied for."""
    if application.applicant_id == actor.pk:
        return
    if (
        application.for_organisation_id is not None
        and (
            Membership.objects.filter(user=actor, organisation_id=application.for_organisation_id)
        ).exists()
    ):
        return
    raise PermissionDenied()


def update_application(
    *,
    actor: User,
    application: Application,
    activity: str,
    age_group: str,
    requested_class: PriorityClass,
    notes: str,
    wishes: Sequence[WishInput],
    now: datetime | None = None,
) -> Application:
    """Change a submitted application while its round is open; the wishes are replaced."""
    now = now or timezone.now()
    check_may_apply(actor)
    check_may_change(actor, application)
    with transaction.atomic(), set_actor(actor):
        locked_round = _lock_round(application.application_round)
        check_open(locked_round, now)
        current = Application.objects.select_for_update().get(pk=application.pk)
        if current.status != ApplicationStatus.SUBMITTED:
            raise Conflict(_("This application was withdrawn and can no longer be changed."))
        check_details(locked_round, activity, age_group, requested_class)
        check_wishes(locked_round, wishes)
        # A class staff have corrected stays theirs; otherwise it follows the applicant's ask.
        if current.priority_class_id == current.requested_class_id:
            current.priority_class = requested_class
        current.requested_class = requested_class
        current.activity = activity.strip()
        current.age_group = age_group
        current.notes = notes.strip()
        current.save()
        current.wishes.all().delete()
        _write_wishes(current, wishes)
    return current


def withdraw_application(
    *, actor: User, application: Application, now: datetime | None = None
) -> Application:
    """Withdraw a submitted application while its round is open."""
    now = now or timezone.now()
    check_may_change(actor, application)
    with transaction.atomic(), set_actor(actor):
        check_open(_lock_round(application.application_round), now)
        current = Application.objects.select_for_update().get(pk=application.pk)
        if current.status == ApplicationStatus.WITHDRAWN:
            raise Conflict(_("This application has already been withdrawn."))
        current.status = ApplicationStatus.WITHDRAWN
        current.save(update_fields=["status", "updated_at"])
    return current
