"""The provider's writes: offerings, their occurrences, schedules and changes of plan.

Every function checks `can(actor, Action.PUBLISH, …)` on the providing organisation and writes
inside `set_actor(actor)`, so django-auditlog records who changed what.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from dateutil.rrule import WEEKLY, rrule
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput, NotFound
from lampio.core.multilingual import Translated, set_translated
from lampio.core.timeranges import LOCAL_ZONE, as_utc
from lampio.offerings import tasks
from lampio.offerings.models import (
    Format,
    Keyword,
    Occurrence,
    OccurrenceSeries,
    OccurrenceStatus,
    Offering,
    OfferingAudience,
    OfferingLanguage,
    OfferingStatus,
)
from lampio.offerings.services.enrolment import promote_waiting_list
from lampio.offerings.signals import occurrence_called_off
from lampio.spaces.models import Venue
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

MAX_OCCURRENCES_PER_SCHEDULE = 200


@dataclass(frozen=True)
class OfferingDetails:
    title: Translated
    format: str
    short_description: Translated = Translated()
    description: Translated = Translated()
    accessibility: Translated = Translated()
    price_info: Translated = Translated()
    keywords: Sequence[Keyword] = ()
    audiences: Sequence[str] = ()
    languages: Sequence[str] = ()
    age_min: int | None = None
    age_max: int | None = None
    venue: Venue | None = None
    location: str = ""
    online_url: str = ""
    is_free: bool = True
    price: Decimal | None = None
    price_basis: str = "per_person"
    on_request: bool = False
    allows_enrolment: bool = True
    allows_group_orders: bool = False
    auto_accept_orders: bool = False
    min_group_size: int = 1
    max_group_size: int | None = None
    cancellation_hours: int = 24
    extra: dict[str, Any] = field(default_factory=dict)


def require_publisher(actor: User, obj: Any) -> None:
    """Others' offerings are not found rather than forbidden: their existence is not ours."""
    if not can(actor, Action.PUBLISH, obj):
        raise NotFound()


def _check(details: OfferingDetails, organisation: Organisation) -> None:
    if not details.title.fi.strip():
        raise InvalidInput(_("Give the title in Finnish."), field="title_fi")
    if details.format not in Format.values:
        raise InvalidInput(_("Choose how the offering takes place."), field="format")
    youngest, oldest = details.age_min, details.age_max
    if youngest is not None and oldest is not None and youngest > oldest:
        raise InvalidInput(_("The youngest age must not exceed the oldest."), field="age_max")
    if not details.is_free and (details.price is None or details.price < 0):
        raise InvalidInput(_("Give the price, or mark the offering free."), field="price")
    on_site = details.format in (Format.ON_SITE, Format.HYBRID)
    if on_site and details.venue is None and not details.location.strip():
        raise InvalidInput(_("Choose the venue or give the place."), field="venue")
    if details.venue is not None and details.venue.organisation.municipality_id != (
        organisation.municipality_id
    ):
        raise InvalidInput(_("Choose a venue in your own municipality."), field="venue")
    if details.format != Format.ON_SITE and not details.online_url.strip():
        raise InvalidInput(_("Give the link to the online session."), field="online_url")
    if details.on_request and not details.allows_group_orders:
        raise InvalidInput(
            _("An offering on request is ordered by groups; allow group orders."),
            field="allows_group_orders",
        )
    if details.max_group_size is not None and details.max_group_size < details.min_group_size:
        raise InvalidInput(
            _("The largest group must not be smaller than the smallest."), field="max_group_size"
        )
    if any(keyword.is_deprecated for keyword in details.keywords):
        raise InvalidInput(_("A chosen category is no longer in use."), field="keywords")


def _apply(offering: Offering, details: OfferingDetails) -> Offering:
    for name in ("title", "short_description", "description", "accessibility", "price_info"):
        set_translated(offering, name, getattr(details, name))
    for name in (
        "format", "age_min", "age_max", "venue", "is_free", "on_request", "allows_enrolment",
        "allows_group_orders", "auto_accept_orders", "min_group_size", "max_group_size",
        "cancellation_hours",
    ):  # fmt: skip
        setattr(offering, name, getattr(details, name))
    offering.location = details.location.strip()
    offering.online_url = details.online_url.strip()
    offering.price = None if details.is_free else details.price
    offering.price_basis = details.price_basis
    offering.save()
    offering.keywords.set(details.keywords)
    OfferingAudience.objects.filter(offering=offering).exclude(
        audience__in=details.audiences
    ).delete()
    OfferingAudience.objects.bulk_create(
        [OfferingAudience(offering=offering, audience=value) for value in set(details.audiences)],
        ignore_conflicts=True,
    )
    OfferingLanguage.objects.filter(offering=offering).exclude(
        language__in=details.languages
    ).delete()
    OfferingLanguage.objects.bulk_create(
        [OfferingLanguage(offering=offering, language=value) for value in set(details.languages)],
        ignore_conflicts=True,
    )
    return offering


def create_offering(
    *, actor: User, organisation: Organisation, details: OfferingDetails
) -> Offering:
    """A new offering starts as a draft, visible only to its provider."""
    require_publisher(actor, organisation)
    _check(details, organisation)
    with transaction.atomic(), set_actor(actor):
        return _apply(Offering(organisation=organisation), details)


def update_offering(*, actor: User, offering: Offering, details: OfferingDetails) -> Offering:
    require_publisher(actor, offering)
    _check(details, offering.organisation)
    with transaction.atomic(), set_actor(actor):
        return _apply(offering, details)


def publish_offering(*, actor: User, offering: Offering, now: datetime | None = None) -> Offering:
    require_publisher(actor, offering)
    if (
        not offering.on_request
        and not offering.occurrences.filter(starts_at__gt=now or timezone.now()).exists()
    ):
        raise InvalidInput(_("Add at least one upcoming time before publishing."))
    with transaction.atomic(), set_actor(actor):
        offering.status = OfferingStatus.PUBLISHED
        offering.published_at = offering.published_at or now or timezone.now()
        offering.save(update_fields=["status", "published_at", "updated_at"])
    return offering


def unpublish_offering(*, actor: User, offering: Offering) -> Offering:
    """Back to draft, e.g. to fix a mistake; enrolments already made stay valid."""
    require_publisher(actor, offering)
    with transaction.atomic(), set_actor(actor):
        offering.status = OfferingStatus.DRAFT
        offering.save(update_fields=["status", "updated_at"])
    return offering


# --- Occurrences -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OccurrencePlan:
    starts_at: datetime
    ends_at: datetime
    capacity: int
    enrolment_opens_at: datetime | None = None
    enrolment_closes_at: datetime | None = None


def _check_plan(plan: OccurrencePlan, now: datetime) -> None:
    if timezone.is_naive(plan.starts_at) or timezone.is_naive(plan.ends_at):
        raise InvalidInput(_("Give the time with its time zone."), field="starts_at")
    if plan.ends_at <= plan.starts_at:
        raise InvalidInput(_("The occurrence must end after it starts."), field="ends_at")
    if plan.starts_at <= now:
        raise InvalidInput(_("Add times in the future."), field="starts_at")
    if plan.ends_at - plan.starts_at > timedelta(days=31):
        raise InvalidInput(_("One occurrence can last at most a month."), field="ends_at")
    if plan.capacity < 1:
        raise InvalidInput(_("Give at least one seat."), field="capacity")
    closes = plan.enrolment_closes_at
    if plan.enrolment_opens_at and closes and closes <= plan.enrolment_opens_at:
        raise InvalidInput(_("Enrolment must close after it opens."), field="enrolment_closes_at")


def _occurrence(
    offering: Offering, plan: OccurrencePlan, series: OccurrenceSeries | None = None
) -> Occurrence:
    return Occurrence(
        offering=offering,
        series=series,
        starts_at=as_utc(plan.starts_at),
        ends_at=as_utc(plan.ends_at),
        capacity=plan.capacity,
        enrolment_opens_at=plan.enrolment_opens_at,
        enrolment_closes_at=plan.enrolment_closes_at,
    )


def add_occurrence(
    *, actor: User, offering: Offering, plan: OccurrencePlan, now: datetime | None = None
) -> Occurrence:
    require_publisher(actor, offering)
    _check_plan(plan, now or timezone.now())
    with transaction.atomic(), set_actor(actor):
        occurrence = _occurrence(offering, plan)
        occurrence.save()
    return occurrence


@dataclass(frozen=True)
class WeeklySchedule:
    """Every `interval` weeks on `weekdays` (0 = Monday), from the first start until `until`."""

    first: OccurrencePlan
    weekdays: Sequence[int]
    until: datetime
    interval: int = 1
    skip_dates: Sequence[Any] = ()


def schedule_starts(schedule: WeeklySchedule) -> tuple[str, list[datetime]]:
    """The RRULE text and the local start times it yields (wall clock kept across DST)."""
    first_local = schedule.first.starts_at.astimezone(LOCAL_ZONE).replace(tzinfo=None)
    until_local = schedule.until.astimezone(LOCAL_ZONE).replace(tzinfo=None)
    rule = rrule(
        WEEKLY,
        dtstart=first_local,
        interval=schedule.interval,
        byweekday=sorted(set(schedule.weekdays)) or None,
        until=until_local,
        count=None,
    )
    skipped = set(schedule.skip_dates)
    starts = [start.replace(tzinfo=LOCAL_ZONE) for start in rule if start.date() not in skipped][
        : MAX_OCCURRENCES_PER_SCHEDULE + 1
    ]
    return str(rule).split("\n")[-1], starts


def add_weekly_occurrences(
    *, actor: User, offering: Offering, schedule: WeeklySchedule, now: datetime | None = None
) -> list[Occurrence]:
    """Create the whole series in one transaction: all of it, or none with a reason."""
    require_publisher(actor, offering)
    now = now or timezone.now()
    _check_plan(schedule.first, now)
    if not 1 <= schedule.interval <= 8:
        raise InvalidInput(_("Repeat every 1 to 8 weeks."), field="interval")
    if any(not 0 <= day <= 6 for day in schedule.weekdays):
        raise InvalidInput(_("Choose weekdays."), field="weekdays")
    if schedule.until <= schedule.first.starts_at:
        raise InvalidInput(_("The last date must be after the first time."), field="until")
    rule_text, starts = schedule_starts(schedule)
    if len(starts) > MAX_OCCURRENCES_PER_SCHEDULE:
        raise InvalidInput(
            _("A schedule can make at most %(count)d times; choose an earlier last date.")
            % {"count": MAX_OCCURRENCES_PER_SCHEDULE},
            field="until",
        )
    if not starts:
        raise InvalidInput(_("The schedule gives no times; check the weekdays."), field="weekdays")
    first = schedule.first
    duration = first.ends_at - first.starts_at
    closes_before = (
        first.starts_at - first.enrolment_closes_at if first.enrolment_closes_at else None
    )
    with transaction.atomic(), set_actor(actor):
        series = OccurrenceSeries.objects.create(offering=offering, rule=rule_text)
        plans = [
            OccurrencePlan(
                starts_at=as_utc(start),
                ends_at=as_utc(start) + duration,
                capacity=first.capacity,
                enrolment_opens_at=first.enrolment_opens_at,
                enrolment_closes_at=as_utc(start) - closes_before if closes_before else None,
            )
            for start in starts
        ]
        return Occurrence.objects.bulk_create(
            [_occurrence(offering, plan, series) for plan in plans if plan.starts_at > now]
        )


def change_occurrence_status(
    *, actor: User, occurrence: Occurrence, status: str, notice: Translated
) -> Occurrence:
    """Cancel, postpone or move online; everyone enrolled gets the notice in their language."""
    require_publisher(actor, occurrence)
    allowed = {
        OccurrenceStatus.CANCELLED,
        OccurrenceStatus.POSTPONED,
        OccurrenceStatus.MOVED_ONLINE,
        OccurrenceStatus.SCHEDULED,
    }
    if status not in allowed:
        raise InvalidInput(_("Choose a valid status."), field="status")
    if status != OccurrenceStatus.SCHEDULED and not notice.fi.strip():
        raise InvalidInput(_("Write a notice to the participants in Finnish."), field="notice_fi")
    if status == OccurrenceStatus.MOVED_ONLINE and not occurrence.offering.online_url:
        raise InvalidInput(_("Add the online link to the offering first."), field="status")
    with transaction.atomic(), set_actor(actor):
        occurrence.status = status
        set_translated(occurrence, "notice", notice)
        occurrence.save(update_fields=["status", "notice_fi", "notice_sv", "notice_en"])
        if status == OccurrenceStatus.CANCELLED:
            occurrence_called_off.send(sender=Occurrence, occurrence=occurrence)
        if status != OccurrenceStatus.SCHEDULED:
            occurrence_id = occurrence.pk
            transaction.on_commit(
                lambda: tasks.send_occurrence_notice.enqueue(occurrence_id, status)
            )
    return occurrence


def reschedule_occurrence(
    *,
    actor: User,
    occurrence: Occurrence,
    starts_at: datetime,
    ends_at: datetime,
    notice: Translated,
    now: datetime | None = None,
) -> Occurrence:
    """Move to a new time; enrolments move along and everyone is told."""
    require_publisher(actor, occurrence)
    _check_plan(OccurrencePlan(starts_at, ends_at, occurrence.capacity), now or timezone.now())
    if not notice.fi.strip():
        raise InvalidInput(_("Write a notice to the participants in Finnish."), field="notice_fi")
    with transaction.atomic(), set_actor(actor):
        occurrence.starts_at, occurrence.ends_at = as_utc(starts_at), as_utc(ends_at)
        occurrence.status = OccurrenceStatus.RESCHEDULED
        set_translated(occurrence, "notice", notice)
        occurrence.save()
        occurrence_id = occurrence.pk
        transaction.on_commit(
            lambda: tasks.send_occurrence_notice.enqueue(occurrence_id, "rescheduled")
        )
    return occurrence


def change_capacity(*, actor: User, occurrence: Occurrence, capacity: int) -> Occurrence:
    """More seats promote the waiting list; fewer than already taken is refused."""
    require_publisher(actor, occurrence)
    with transaction.atomic(), set_actor(actor):
        locked = Occurrence.objects.select_for_update().get(pk=occurrence.pk)
        if capacity < locked.seats_taken:
            raise InvalidInput(
                _("%(taken)d seats are already taken; the capacity cannot be smaller.")
                % {"taken": locked.seats_taken},
                field="capacity",
            )
        locked.capacity = capacity
        locked.save(update_fields=["capacity"])
        promote_waiting_list(locked.pk)
    occurrence.refresh_from_db()
    return occurrence
