"""A year of past occurrences of the demo offerings: seats taken by enrolments and care units'
group orders, head counts the providers recorded, and viewers of the streamed sessions.

Each offering repeats its first demo time backwards (weekly, fortnightly or monthly, as often as
it runs in the demo's weeks ahead), with a summer break in July. Past enrolments carry no person:
after their retention period the platform keeps an enrolment only as a count, which is all the
figures need. Idempotent by (offering, start); the generator is seeded by offering and date.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from lampio.core.timeranges import local_datetime
from lampio.demo.insights_bookings import fast_insert
from lampio.demo.insights_data import CITIES, MONTH_FACTOR
from lampio.digital.models import Viewer
from lampio.offerings.models import (
    ONLINE_FORMATS,
    Enrolment,
    EnrolmentStatus,
    Format,
    GroupOrder,
    Occurrence,
    OccurrenceStatus,
    Offering,
    OfferingStatus,
    OrderStatus,
)
from lampio.tenancy.models import Organisation, OrganisationKind

_STREAMED = {Format.LIVE_STREAM, Format.HYBRID, Format.RECORDING}


def load_offering_history(*, first: date, now: datetime) -> tuple[int, int]:
    """Past occurrences from `first` to the day before the demo's own times; returns how many
    occurrences and enrolment rows were added."""
    offerings = list(
        Offering.objects.filter(status=OfferingStatus.PUBLISHED)
        .select_related("organisation__municipality")
        .prefetch_related("occurrences")
        .order_by("pk")
    )
    care_units = list(Organisation.objects.filter(kind=OrganisationKind.CARE_UNIT).order_by("pk"))
    start = local_datetime(first, datetime.min.time())
    plans: list[tuple[Occurrence, dict[str, Any]]] = []
    for offering in offerings:
        known = {o.starts_at for o in offering.occurrences.all()}
        # The demo's own times (from a week back on) set the rhythm, not the history itself.
        times = sorted(when for when in known if when >= now - timedelta(days=7))
        profile = CITIES.get(offering.organisation.municipality.slug)
        if not times or profile is None:
            continue
        step = timedelta(days=7 if len(times) >= 6 else 14 if len(times) >= 3 else 28)
        template = next(o for o in offering.occurrences.all() if o.starts_at == times[0])
        when = times[0] - step
        while when >= start:
            local_day = (when + timedelta(hours=3)).date()
            if when < now - timedelta(days=1) and when not in known and local_day.month != 7:
                rng = random.Random(f"insights/{offering.title}/{when.isoformat()}")
                plans.append(_occurrence(rng, offering, template, when, profile, care_units))
            when -= step
    Occurrence.objects.bulk_create([occurrence for occurrence, _extra in plans], batch_size=500)
    enrolment_rows: list[dict[str, Any]] = []
    order_rows: list[dict[str, Any]] = []
    viewer_rows: list[dict[str, Any]] = []
    for occurrence, extra in plans:
        for row in extra["enrolments"]:
            enrolment_rows.append({**row, "occurrence_id": occurrence.pk})
        for row in extra["orders"]:
            order_rows.append({**row, "occurrence_id": occurrence.pk})
        for row in extra["viewers"]:
            viewer_rows.append({**row, "occurrence_id": occurrence.pk})
    fast_insert(GroupOrder, order_rows)
    fast_insert(Viewer, viewer_rows)
    return len(plans), fast_insert(Enrolment, enrolment_rows)


def _occurrence(
    rng: random.Random,
    offering: Offering,
    template: Occurrence,
    starts_at: datetime,
    profile: Any,
    care_units: Sequence[Organisation],
) -> tuple[Occurrence, dict[str, Any]]:
    ends_at = starts_at + (template.ends_at - template.starts_at)
    capacity = template.capacity
    cancelled = rng.random() < 0.03
    month = (starts_at + timedelta(hours=3)).month
    share = profile.fill * (0.6 + 0.4 * MONTH_FACTOR[month]) * rng.uniform(0.7, 1.35)
    wanted = 0 if cancelled else min(capacity + rng.randint(0, 4), round(capacity * share))
    orders = _orders(rng, offering, starts_at, care_units, capacity) if not cancelled else []
    taken = sum(row["group_size"] + row["accompanying_staff"] for row in orders)
    enrolments: list[dict[str, Any]] = []
    while offering.allows_enrolment and taken < min(wanted, capacity):
        seats = min(rng.choice((1, 1, 1, 2, 2, 3)), capacity - taken)
        enrolments.append(_enrolment(rng, starts_at, seats, EnrolmentStatus.CONFIRMED))
        taken += seats
    # More wanted in than there were seats: they waited in vain (unmet demand).
    for _waiting in range(max(0, wanted - capacity)) if offering.allows_enrolment else ():
        enrolments.append(_enrolment(rng, starts_at, 1, EnrolmentStatus.WAITLISTED))
    attendance = None
    if not cancelled and offering.format != Format.RECORDING and rng.random() < 0.85:
        attendance = round(taken * rng.uniform(0.72, 0.97))
    viewers: list[dict[str, Any]] = []
    if not cancelled and offering.format in _STREAMED:
        seen = starts_at + timedelta(minutes=rng.randint(20, 50))
        viewers = [
            {
                "key": f"{rng.getrandbits(128):032x}",
                "first_seen_at": starts_at,
                "last_seen_at": seen,
            }
            for _viewer in range(rng.randint(3, 12) + 2 * len(orders))
        ]
    occurrence = Occurrence(
        offering=offering,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
        seats_taken=taken,
        status=OccurrenceStatus.CANCELLED if cancelled else OccurrenceStatus.SCHEDULED,
        attendance=attendance,
    )
    return occurrence, {"enrolments": enrolments, "orders": orders, "viewers": viewers}


def _enrolment(rng: random.Random, starts_at: datetime, seats: int, status: str) -> dict[str, Any]:
    return {
        "person_id": None,
        "seats": seats,
        "status": str(status),
        "created_at": starts_at - timedelta(days=rng.randint(1, 30), hours=rng.randint(0, 12)),
        "feed_token": uuid.UUID(int=rng.getrandbits(128), version=4),
    }


def _orders(
    rng: random.Random,
    offering: Offering,
    starts_at: datetime,
    care_units: Sequence[Organisation],
    capacity: int,
) -> list[dict[str, Any]]:
    """Care units that ordered an online session for their residents (care units reached)."""
    if not (offering.allows_group_orders and offering.format in ONLINE_FORMATS and care_units):
        return []
    rows: list[dict[str, Any]] = []
    seats = 0
    units = Counter[int]()
    for unit in rng.sample(list(care_units), k=min(len(care_units), rng.randint(0, 3))):
        size, staff = rng.randint(4, 12), rng.randint(1, 2)
        if seats + size + staff > capacity or units[unit.pk]:
            continue
        units[unit.pk] += 1
        seats += size + staff
        ordered = starts_at - timedelta(days=rng.randint(5, 40))
        rows.append(
            {
                "offering_id": offering.pk,
                "unit_id": unit.pk,
                "ordered_by_id": None,
                "group_size": size,
                "accompanying_staff": staff,
                "status": str(OrderStatus.ACCEPTED),
                "created_at": ordered,
                "updated_at": ordered + timedelta(days=1),
            }
        )
    return rows
