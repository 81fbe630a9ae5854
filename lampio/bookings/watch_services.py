"""Watches: "tell me when a time frees up on Tuesdays 18–20 at this gym (or this venue)".

A watch is a weekly wall-clock window in Helsinki time. When a slot is let go, the free parts of
it that nobody has taken since (a waitlist offer goes first) are matched against the watches of
the space and its venue in one query, and each watcher hears once per freed slot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template import Context, Template
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.bookings import messages_waitlist, waitlist_tasks
from lampio.bookings.models import Booking, Watch, blocking
from lampio.bookings.selectors import taken_ranges
from lampio.core.errors import Conflict, InvalidInput, NotFound
from lampio.core.phones import normalise_mobile
from lampio.core.timeranges import LOCAL_ZONE, Interval, clip, local_day_bounds, subtract
from lampio.notifications.models import Channel, Delivery, Preference
from lampio.notifications.registry import message_kind
from lampio.notifications.services import texts_for, unsubscribe_footer
from lampio.spaces.models import Space, Venue, Visibility
from lampio.tenancy.models import Membership

MAX_WATCHES_PER_PERSON = 20
# Outbox rows inserted, and sent by one job, at a time.
ALERT_BATCH = 200


def add_watch(
    *,
    actor: User,
    space: Space | None = None,
    venue: Venue | None = None,
    weekday: int,
    starts: time,
    ends: time,
) -> Watch:
    """Watch a space or a venue (exactly one) for a weekday's window, e.g. Tue 18.00–20.00."""
    if (space is None) == (venue is None):
        raise InvalidInput(_("Choose a space or a venue to watch."))
    if not 0 <= weekday <= 6:
        raise InvalidInput(_("Choose a weekday."), field="weekday")
    if starts >= ends:
        raise InvalidInput(
            _("The window must end after it starts, within the same day."), field="ends"
        )
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=actor.pk).first()
        mine = Watch.objects.filter(person=actor)
        if mine.count() >= MAX_WATCHES_PER_PERSON:
            raise Conflict(
                _("You can have at most %(count)d watches. Remove one you no longer need.")
                % {"count": MAX_WATCHES_PER_PERSON}
            )
        if mine.filter(space=space, venue=venue, weekday=weekday, starts=starts, ends=ends):
            raise Conflict(_("You are already watching this time."), field="weekday")
        return Watch.objects.create(
            person=actor, space=space, venue=venue, weekday=weekday, starts=starts, ends=ends
        )


def remove_watch(*, actor: User, watch_id: int) -> None:
    deleted, _rows = Watch.objects.filter(pk=watch_id, person=actor).delete()
    if not deleted:
        raise NotFound()


@dataclass(frozen=True)
class DayPart:
    """A free part on one local day, as the weekday and wall-clock times a watch is written in."""

    weekday: int
    starts: time
    ends: time | None  # None: until midnight
    interval: Interval

    def matches(self, weekday: int, watch_starts: time, watch_ends: time) -> bool:
        return (
            weekday == self.weekday
            and (self.ends is None or watch_starts < self.ends)
            and watch_ends > self.starts
        )

    def condition(self) -> Q:
        window = Q(weekday=self.weekday, ends__gt=self.starts)
        return window & Q(starts__lt=self.ends) if self.ends is not None else window


def day_parts(intervals: list[Interval]) -> list[DayPart]:
    """Cut free intervals at local midnights (23- and 25-hour days included)."""
    parts: list[DayPart] = []
    for interval in intervals:
        day: date = interval.start.astimezone(LOCAL_ZONE).date()
        while True:
            bounds = local_day_bounds(day)
            if bounds.start >= interval.end:
                break
            for piece in clip([interval], bounds):
                ends = None if piece.end >= bounds.end else piece.end.astimezone(LOCAL_ZONE).time()
                starts = piece.start.astimezone(LOCAL_ZONE).time()
                parts.append(DayPart(day.weekday(), starts, ends, piece))
            day += timedelta(days=1)
    return parts


def still_free(space: Space, freed: Interval, *, now: datetime) -> list[Interval]:
    """The parts of `freed` nobody has taken since and that can still be booked."""
    bookable_from = now + timedelta(hours=space.booking_closes_hours)
    window = Interval(max(freed.start, bookable_from), freed.end)
    if window.end <= window.start:
        return []
    return subtract([window], taken_ranges(space, window, now=now))


def freed_by(space: Space, freed: Interval, *, now: datetime) -> int | None:
    """The booker of the booking that let `freed` go, so they are not told of their own slot."""
    return (
        Booking.objects.filter(space=space, starts_at=freed.start, ends_at=freed.end)
        .exclude(blocking(now))
        .order_by("-pk")
        .values_list("booker_id", flat=True)
        .first()
    )


def alert_watchers(
    space: Space, freed: Interval, now: datetime | None = None, *, skip_person: int | None = None
) -> int:
    """Tell everyone watching `space` or its venue about the still-free parts of `freed`.

    One query finds the matching watches (weekday and window filtered in SQL); each person is
    told once per freed slot, whatever number of their watches match. Returns how many people
    were told (not those told of this slot before, or who turned alerts off).
    """
    now = now or timezone.now()
    parts = day_parts(still_free(space, freed, now=now))
    if not parts:
        return 0
    windows = Q()
    for part in parts:
        windows |= part.condition()
    watches = (
        Watch.objects.filter(Q(space=space) | Q(venue_id=space.venue_id))
        .filter(windows)
        .order_by("pk")
    )
    if skip_person is not None:
        watches = watches.exclude(person_id=skip_person)
    if space.visibility != Visibility.PUBLIC:
        members = Membership.objects.filter(organisation_id=space.venue.organisation_id)
        watches = watches.filter(person_id__in=members.values("user_id"))
    first_match: dict[int, tuple[int, Interval]] = {}
    for watch_id, person_id, weekday, starts, ends in watches.values_list(
        "pk", "person_id", "weekday", "starts", "ends"
    ):
        matched = next((part for part in parts if part.matches(weekday, starts, ends)), None)
        if matched is not None and person_id not in first_match:
            first_match[person_id] = (watch_id, matched.interval)
    if not first_match:
        return 0
    people = User.objects.in_bulk(list(first_match))
    with transaction.atomic():
        queued = queue_alerts(space, freed, first_match, people)
        Watch.objects.filter(pk__in=[watch_id for watch_id, _i in first_match.values()]).update(
            last_alerted_at=now
        )
    return queued


def queue_alerts(
    space: Space,
    freed: Interval,
    matches: dict[int, tuple[int, Interval]],
    people: dict[int, User],
) -> int:
    """`notify` for thousands at once: the same outbox rows, built with a few queries.

    Texts are looked up and compiled once per language, opt-outs and earlier alerts of the same
    slot read in one query each, and rows inserted in batches. The rows are sent after commit
    by jobs of `ALERT_BATCH` each (and by the outbox's own sweep if a job is lost).
    """
    kind = message_kind("watch.alert")
    dedupe = {
        person_id: f"watch:{watch_id}:{space.pk}:{freed.start.isoformat()}"
        for person_id, (watch_id, _interval) in matches.items()
    }
    opted_out = set(
        Preference.objects.filter(person_id__in=list(matches), non_essential=False).values_list(
            "person_id", flat=True
        )
    )
    told: set[str] = set()
    keys = list(dedupe.values())
    for first in range(0, len(keys), ALERT_BATCH * 5):
        told.update(
            Delivery.objects.filter(dedupe_key__in=keys[first : first + ALERT_BATCH * 5])
            .values_list("dedupe_key", flat=True)
            .distinct()
        )
    compiled: dict[str, tuple[Template, Template, Template | None]] = {}
    contexts: dict[tuple[str, Interval], dict[str, Any]] = {}
    rows: list[Delivery] = []
    for person_id, (_watch_id, interval) in matches.items():
        person = people.get(person_id)
        if (
            person is None
            or not person.is_active
            or person.deleted_at is not None
            or person_id in opted_out
            or dedupe[person_id] in told
        ):
            continue
        language = person.preferred_language or "fi"
        if language not in compiled:
            subject, body, sms = texts_for(kind, space.venue.organisation_id, language)
            compiled[language] = (Template(subject), Template(body), Template(sms) if sms else None)
        if (language, interval) not in contexts:
            contexts[(language, interval)] = messages_waitlist.alert_context(
                recipient=person, space=space, free=interval, language=language
            )
        context = Context(
            {**contexts[(language, interval)], "name": person.display_name}, autoescape=False
        )
        subject_template, body_template, sms_template = compiled[language]
        common = {
            "recipient": person,
            "organisation_id": space.venue.organisation_id,
            "key": kind.key,
            "language": language,
            "dedupe_key": dedupe[person_id],
        }
        if person.email:
            body = body_template.render(context).strip()
            rows.append(
                Delivery(
                    channel=Channel.EMAIL,
                    to=person.email,
                    subject=subject_template.render(context).strip()[:300],
                    body=body + unsubscribe_footer(person, language),
                    **common,
                )
            )
        mobile = normalise_mobile(person.phone or "")
        if mobile and sms_template is not None:
            rows.append(
                Delivery(
                    channel=Channel.SMS,
                    to=mobile,
                    body=sms_template.render(context).strip(),
                    **common,
                )
            )
    created: list[int] = []
    for first in range(0, len(rows), ALERT_BATCH):
        batch = rows[first : first + ALERT_BATCH]
        try:
            with transaction.atomic():
                Delivery.objects.bulk_create(batch)
        except IntegrityError:
            batch = _insert_one_by_one(batch)  # another job queued some of these meanwhile
        created.extend(row.pk for row in batch if row.pk is not None)
    for first in range(0, len(created), ALERT_BATCH):
        ids = created[first : first + ALERT_BATCH]
        transaction.on_commit(partial(waitlist_tasks.send_alerts.enqueue, ids))
    return len({row.recipient_id for row in rows if row.pk is not None})


def _insert_one_by_one(rows: list[Delivery]) -> list[Delivery]:
    saved = []
    for row in rows:
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:
            row.pk = None
            continue
        saved.append(row)
    return saved
