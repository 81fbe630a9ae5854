"""Loads the demo culture offerings, their times, enrolments and group orders (offerings_data*).

Idempotent by natural keys: an offering by (organisation, Finnish title), an occurrence by
(offering, start), a series by (offering, rule), an enrolment by (occurrence, person), and a group
order by (offering, unit) while it still has a time ahead. Times come from calendar rules, so a
second run on the same day adds nothing and a run on a later day only adds the days that came into
the eight-week window. Rows are written with the ORM rather than the services: the demo is not a
staff action, and the services' emails would go to people who never asked for them. Seats are
still taken with the services' conditional UPDATE, so `seats_taken` always matches what holds
them, and nobody is ever enrolled beyond the capacity.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from auditlog.context import disable_auditlog
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from lampio.accounts.models import User
from lampio.core.timeranges import local_datetime
from lampio.demo import (
    data,
    offerings_data_jyvaskyla,
    offerings_data_jyvaskyla_kuiskaus,
    offerings_data_kuopio,
    offerings_data_lahti,
    offerings_data_oulu,
    offerings_data_oulu_groups,
    offerings_data_turku,
)
from lampio.demo.offerings_data import (
    CYCLE_WEEKS,
    ORDERING_STAFF,
    OfferingSpec,
    Weekly,
)
from lampio.demo.offerings_seats import Upcoming, clock, load_enrolments, load_orders
from lampio.offerings.models import (
    Enrolment,
    GroupOrder,
    Keyword,
    Occurrence,
    OccurrenceSeries,
    OccurrenceStatus,
    Offering,
    OfferingAudience,
    OfferingLanguage,
    OfferingStatus,
)
from lampio.spaces.models import Venue
from lampio.tenancy.models import Membership, Organisation

OFFERINGS: list[OfferingSpec] = [
    *offerings_data_oulu.OFFERINGS,
    *offerings_data_oulu_groups.OFFERINGS,
    *offerings_data_jyvaskyla.OFFERINGS,
    *offerings_data_jyvaskyla_kuiskaus.OFFERINGS,
    *offerings_data_kuopio.OFFERINGS,
    *offerings_data_lahti.OFFERINGS,
    *offerings_data_turku.OFFERINGS,
]
WINDOW_DAYS = CYCLE_WEEKS * 7


@dataclass
class OfferingsSummary:
    offerings: int
    occurrences: int
    enrolments: int
    orders: int
    staff: int


def _translated(field: str, values: tuple[str, str, str]) -> dict[str, str]:
    return {
        f"{field}_{language}": value
        for language, value in zip(("fi", "sv", "en"), values, strict=True)
    }


def load_offerings(
    *,
    organisations: Mapping[tuple[str, str], Organisation],
    today: date | None = None,
    now: datetime | None = None,
) -> OfferingsSummary:
    """Create or update the demo offerings; add the times, enrolments and orders missing.

    Expects to run inside the caller's transaction (`load_demo`), after the demo venues and
    residents exist.
    """
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    with disable_auditlog():
        staff = _ordering_staff(organisations)
        offerings = _offerings(organisations)
        _occurrences(offerings, first=today + timedelta(days=1), days=WINDOW_DAYS)
        upcoming = Upcoming(now)
        load_enrolments(offerings, upcoming)
        load_orders(offerings, organisations, upcoming, today=today, now=now)
    ids = [offering.pk for offering in offerings.values()]
    return OfferingsSummary(
        offerings=len(offerings),
        occurrences=Occurrence.objects.filter(offering_id__in=ids).count(),
        enrolments=Enrolment.objects.filter(occurrence__offering_id__in=ids).count(),
        orders=GroupOrder.objects.filter(offering_id__in=ids).count(),
        staff=staff,
    )


def _ordering_staff(organisations: Mapping[tuple[str, str], Organisation]) -> int:
    """The care-unit and school staff who place the demo orders; the demo password each."""
    existing = {
        user.email: user
        for user in User.objects.filter(email__in=[row[0] for row in ORDERING_STAFF])
    }
    password = ""
    for email, first_name, last_name, language, city, slug, role in ORDERING_STAFF:
        user = existing.get(email)
        if user is None:
            # One slow hash for all new staff instead of one each.
            password = password or make_password(data.DEMO_PASSWORD)
            user = User.objects.create(
                email=email,
                first_name=first_name,
                last_name=last_name,
                preferred_language=language,
                password=password,
            )
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        Membership.objects.update_or_create(
            user=user, organisation=organisations[(city, slug)], defaults={"role": role}
        )
    return len(ORDERING_STAFF)


def _keywords() -> dict[str, Keyword]:
    """The controlled keywords by key; a deprecated one stands for its replacement. Keys the
    list does not (yet) hold are left out, so the demo loads with any version of the list."""
    wanted = {key for spec in OFFERINGS for key in spec.keywords}
    found: dict[str, Keyword] = {}
    for keyword in Keyword.objects.filter(key__in=wanted).select_related("replaced_by"):
        current = keyword.current()
        if not current.is_deprecated:
            found[keyword.key] = current
    return found


def _offerings(organisations: Mapping[tuple[str, str], Organisation]) -> dict[str, Offering]:
    keywords = _keywords()
    venues = {
        (venue.organisation.municipality.slug, venue.slug): venue
        for venue in Venue.objects.filter(
            slug__in={spec.venue for spec in OFFERINGS if spec.venue}
        ).select_related("organisation__municipality")
    }
    offerings: dict[str, Offering] = {}
    for spec in OFFERINGS:
        offering, _created = Offering.objects.update_or_create(
            organisation=organisations[(spec.city, spec.organisation)],
            title_fi=spec.title[0],
            defaults=_fields(spec, venues.get((spec.city, spec.venue)) if spec.venue else None),
        )
        if offering.published_at is None:
            offering.published_at = timezone.now()
            offering.save(update_fields=["published_at"])
        offering.keywords.set([keywords[key] for key in spec.keywords if key in keywords])
        _rows(offering, OfferingAudience, "audience", spec.audiences)
        _rows(offering, OfferingLanguage, "language", spec.languages)
        offerings[spec.key] = offering
    return offerings


def _fields(spec: OfferingSpec, venue: Venue | None) -> dict[str, object]:
    if spec.venue and venue is None:
        raise LookupError(f"No demo venue {spec.venue} in {spec.city} for {spec.key}")
    youngest, oldest = spec.ages
    smallest, largest = spec.group
    return {
        "status": OfferingStatus.PUBLISHED,
        "format": spec.format,
        "venue": venue,
        "location": spec.location,
        "online_url": spec.online_url,
        "age_min": youngest,
        "age_max": oldest,
        "is_free": not spec.price,
        "price": Decimal(spec.price) if spec.price else None,
        "on_request": spec.when is None,
        "allows_enrolment": spec.enrolment,
        "allows_group_orders": spec.group_orders,
        "auto_accept_orders": spec.auto_accept,
        "min_group_size": smallest,
        "max_group_size": largest,
        "cancellation_hours": spec.cancellation_hours,
        **_translated("title", spec.title),
        **_translated("short_description", spec.short),
        **_translated("description", spec.description),
        **_translated("accessibility", spec.accessibility),
        **_translated("price_info", spec.price_info),
    }


def _rows(
    offering: Offering,
    model: type[OfferingAudience] | type[OfferingLanguage],
    field: str,
    values: tuple[str, ...],
) -> None:
    rows = model.objects.filter(offering=offering)
    if set(rows.values_list(field, flat=True)) == set(values):
        return
    rows.exclude(**{f"{field}__in": values}).delete()
    model.objects.bulk_create(
        [model(offering=offering, **{field: value}) for value in values],  # type: ignore[misc]
        ignore_conflicts=True,
    )


def _occurrences(offerings: Mapping[str, Offering], *, first: date, days: int) -> int:
    """Add the times of the local dates `first`..`first + days - 1` that are missing."""
    window_start = local_datetime(first, time())
    window_end = local_datetime(first + timedelta(days=days), time())
    known = set(
        Occurrence.objects.filter(
            offering__in=list(offerings.values()),
            starts_at__gte=window_start,
            starts_at__lt=window_end,
        ).values_list("offering_id", "starts_at")
    )
    new: list[Occurrence] = []
    for spec in OFFERINGS:
        when = spec.when
        if when is None:
            continue
        offering = offerings[spec.key]
        series = (
            OccurrenceSeries.objects.get_or_create(offering=offering, rule=when.rule)[0]
            if isinstance(when, Weekly)
            else None
        )
        for day in (first + timedelta(days=offset) for offset in range(days)):
            if not when.occurs_on(day):
                continue
            starts_at = local_datetime(day, clock(when.at))
            if (offering.pk, starts_at) in known:
                continue
            occurrence = Occurrence(
                offering=offering,
                series=series,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(minutes=when.minutes),
                capacity=spec.capacity,
            )
            if isinstance(when, Weekly) and when.is_cancelled(day):
                occurrence.status = OccurrenceStatus.CANCELLED
                for language, text in zip(("fi", "sv", "en"), when.notice, strict=True):
                    setattr(occurrence, f"notice_{language}", text)
            new.append(occurrence)
    Occurrence.objects.bulk_create(new, batch_size=500)
    return len(new)
