"""Loads the demo's digital culture sessions for older people (digital_data*.py, digital_talk.py).

Idempotent by natural keys, like the offerings demo: an offering by (organisation, Finnish title),
a regular time by (offering, start), an enrolment by (time, person), an order by (offering, unit,
time), a broadcast by its time, a recording by (offering, video address), a package plan by
(provider, Finnish name), a bought package by (plan, unit). Chat, reactions, viewers and feedback
are added only to a time that has none yet.

The programme stays fresh: regular times fill the next two weeks from calendar rules, and a few
times are placed relative to the loading moment (one live now, one ended earlier today, a few
later today, tomorrow's concert at 14:00). A second run finds those again instead of adding new
ones: the live one by covering now, the ended one by having ended within the last twelve hours,
a later-today one by starting within the next hours. Rows are written with the ORM rather than
the services (no emails to people who never asked), but seats are taken with the services'
conditional UPDATE, so `seats_taken` always matches the enrolments and accepted orders.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from auditlog.context import disable_auditlog
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from lampio.accounts.models import User
from lampio.core.timeranges import local_datetime
from lampio.demo import data
from lampio.demo.digital_data import JYVASKYLA, OULU, DigitalSpec
from lampio.demo.digital_data_more import KUOPIO, LAHTI, TURKU
from lampio.demo.digital_live import load_interaction, load_packages
from lampio.demo.digital_talk import (
    CHAT,
    ENDED,
    ENROLMENTS,
    LATER_TODAY,
    LIVE,
    ORDERS,
    SENIOR,
    TOMORROW_CONCERT,
    DigitalOrder,
    Which,
)
from lampio.demo.offerings_seats import clock
from lampio.offerings.models import (
    OPEN_STATUSES,
    Enrolment,
    EnrolmentStatus,
    GroupOrder,
    Keyword,
    Occurrence,
    OccurrenceSeries,
    Offering,
    OfferingAudience,
    OfferingLanguage,
    OfferingStatus,
    OrderStatus,
)
from lampio.offerings.services.enrolment import take_seats
from lampio.tenancy.models import Membership, Organisation, Role
from lampio.tenancy.permissions import Action, role_ids_allowing

DIGITAL_OFFERINGS: list[DigitalSpec] = [*OULU, *JYVASKYLA, *KUOPIO, *LAHTI, *TURKU]
WINDOW_DAYS = 14
# Times "later today" are not placed in the small hours: before this they start from it.
EARLIEST = time(8, 0)


@dataclass
class DigitalSummary:
    offerings: int
    occurrences: int
    users: int


def load_digital(
    *, organisations: Mapping[tuple[str, str], Organisation], now: datetime | None = None
) -> DigitalSummary:
    """Create or update the digital sessions; add the times, people and talk that are missing.

    Expects to run inside the caller's transaction (`load_demo`), after the offerings demo
    (its residents and care-unit staff take part here).
    """
    now = (now or timezone.now()).replace(second=0, microsecond=0)
    with disable_auditlog():
        _senior()
        offerings = _offerings(organisations)
        times = Times(offerings, now)
        users = {
            str(user.email): user
            for user in User.objects.filter(
                email__in={row[2] for row in ENROLMENTS}
                | {order.ordered_by for order in ORDERS}
                | {row[1] for row in CHAT}
            )
        }
        _enrolments(times, users)
        orders = _orders(times, organisations, users)
        load_interaction(times.live, times.ended, users=users, now=now)
        load_packages(organisations, users, orders, today=timezone.localdate(now))
    return DigitalSummary(
        offerings=len(offerings),
        occurrences=Occurrence.objects.filter(offering__in=list(offerings.values())).count(),
        users=1,
    )


def _senior() -> User:
    email, first_name, last_name, language = SENIOR
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create(
            email=email,
            first_name=first_name,
            last_name=last_name,
            preferred_language=language,
            password=make_password(data.DEMO_PASSWORD),
        )
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _offerings(organisations: Mapping[tuple[str, str], Organisation]) -> dict[str, Offering]:
    wanted = {key for spec in DIGITAL_OFFERINGS for key in spec.keywords}
    keywords: dict[str, Keyword] = {}
    for keyword in Keyword.objects.filter(key__in=wanted).select_related("replaced_by"):
        current = keyword.current()
        if not current.is_deprecated:
            keywords[keyword.key] = current
    offerings: dict[str, Offering] = {}
    for spec in DIGITAL_OFFERINGS:
        offering, _created = Offering.objects.update_or_create(
            organisation=organisations[(spec.city, spec.organisation)],
            title_fi=spec.title[0],
            defaults=_fields(spec),
        )
        if offering.published_at is None:
            offering.published_at = timezone.now()
            offering.save(update_fields=["published_at"])
        offering.keywords.set([keywords[key] for key in spec.keywords if key in keywords])
        _rows(offering, OfferingAudience, "audience", spec.audiences)
        _rows(offering, OfferingLanguage, "language", spec.languages)
        offerings[spec.key] = offering
    return offerings


def _translated(field: str, values: tuple[str, str, str]) -> dict[str, str]:
    return {
        f"{field}_{language}": value
        for language, value in zip(("fi", "sv", "en"), values, strict=True)
    }


def _fields(spec: DigitalSpec) -> dict[str, object]:
    return {
        "status": OfferingStatus.PUBLISHED,
        "format": spec.format,
        "location": spec.location,
        "online_url": spec.online_url,
        "is_free": not spec.price,
        "price": Decimal(spec.price) if spec.price else None,
        "price_basis": spec.price_basis,
        "on_request": False,
        "allows_enrolment": spec.enrolment,
        "allows_group_orders": spec.group_orders,
        "auto_accept_orders": spec.auto_accept,
        "cancellation_hours": 2,
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


class Times:
    """The sessions' times: regular ones for two weeks, and those placed around `now`."""

    def __init__(self, offerings: Mapping[str, Offering], now: datetime) -> None:
        self.offerings, self.now = offerings, now
        self.specs = {spec.key: spec for spec in DIGITAL_OFFERINGS}
        self._regular()
        self.live = self._find_or_make(
            LIVE,
            start=now - timedelta(minutes=10),
            found=dict(starts_at__lte=now, ends_at__gt=now),
        )
        self.ended = self._find_or_make(
            ENDED,
            start=_floor(now - timedelta(hours=2), 5),
            found=dict(ends_at__gt=now - timedelta(hours=12), ends_at__lte=now),
            latest=True,
        )
        self.today: dict[str, Occurrence] = {}
        for key, minutes in LATER_TODAY:
            start = self._later_today(minutes)
            self.today[key] = self._find_or_make(
                key, start=start, found=dict(starts_at__gt=now, starts_at__lte=start + _HOURS)
            )
        key, at = TOMORROW_CONCERT
        tomorrow = local_datetime(timezone.localdate(now) + timedelta(days=1), clock(at))
        self.tomorrow = self._find_or_make(key, start=tomorrow, found=dict(starts_at=tomorrow))
        self._upcoming: dict[str, list[Occurrence]] = {}

    def _regular(self) -> None:
        today = timezone.localdate(self.now)
        known = set(
            Occurrence.objects.filter(
                offering__in=list(self.offerings.values()), starts_at__gt=self.now
            ).values_list("offering_id", "starts_at")
        )
        new: list[Occurrence] = []
        for spec in DIGITAL_OFFERINGS:
            if spec.weekly is None:
                continue
            offering = self.offerings[spec.key]
            series = OccurrenceSeries.objects.get_or_create(
                offering=offering, rule=spec.weekly.rule
            )[0]
            for day in (today + timedelta(days=offset) for offset in range(WINDOW_DAYS)):
                if not spec.weekly.occurs_on(day):
                    continue
                starts_at = local_datetime(day, clock(spec.weekly.at))
                if starts_at <= self.now or (offering.pk, starts_at) in known:
                    continue
                new.append(self._occurrence(spec, starts_at, series=series))
        Occurrence.objects.bulk_create(new, batch_size=500)

    def _occurrence(
        self, spec: DigitalSpec, starts_at: datetime, series: OccurrenceSeries | None = None
    ) -> Occurrence:
        return Occurrence(
            offering=self.offerings[spec.key],
            series=series,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=spec.length),
            capacity=spec.capacity,
        )

    def _find_or_make(
        self, key: str, *, start: datetime, found: dict[str, object], latest: bool = False
    ) -> Occurrence:
        times = Occurrence.objects.filter(
            offering=self.offerings[key], status__in=OPEN_STATUSES, is_public=True, **found
        ).order_by("-starts_at" if latest else "starts_at")
        existing = times.first()
        if existing is not None:
            return existing
        occurrence = self._occurrence(self.specs[key], start)
        occurrence.save()
        return occurrence

    def _later_today(self, minutes: int) -> datetime:
        start = _floor(self.now + timedelta(minutes=minutes + 14), 15)
        earliest = local_datetime(timezone.localdate(self.now), EARLIEST)
        return max(start, earliest + timedelta(minutes=minutes))

    def pick(self, key: str, which: Which) -> Occurrence | None:
        if which == "live":
            return self.live if key == LIVE else None
        if which == "ended":
            return self.ended if key == ENDED else None
        if which == "today":
            return self.today.get(key)
        if which == "tomorrow":
            return self.tomorrow if key == TOMORROW_CONCERT[0] else None
        if isinstance(which, str):
            return None
        if key not in self._upcoming:
            self._upcoming[key] = list(
                Occurrence.objects.filter(
                    offering=self.offerings[key],
                    is_public=True,
                    status__in=OPEN_STATUSES,
                    starts_at__gt=self.now,
                ).order_by("starts_at")
            )
        upcoming = self._upcoming[key]
        return upcoming[which] if which < len(upcoming) else None


_HOURS = timedelta(hours=3)


def _floor(moment: datetime, minutes: int) -> datetime:
    return moment.replace(minute=moment.minute - moment.minute % minutes, second=0, microsecond=0)


def _enrolments(times: Times, users: Mapping[str, User]) -> None:
    """Enrol the demo people while seats are free (nobody goes on a waiting list here)."""
    for key, which, email, seats in ENROLMENTS:
        occurrence, person = times.pick(key, which), users.get(email)
        if occurrence is None or person is None:
            continue
        if Enrolment.objects.filter(occurrence=occurrence, person=person).exists():
            continue
        if take_seats(occurrence.pk, seats):
            Enrolment.objects.create(
                occurrence=occurrence, person=person, seats=seats, status=EnrolmentStatus.CONFIRMED
            )


def _orders(
    times: Times, organisations: Mapping[tuple[str, str], Organisation], users: Mapping[str, User]
) -> list[tuple[DigitalOrder, GroupOrder]]:
    """The care units' accepted orders, found or placed; with the spec each came from."""
    deciders = _deciders({offering.organisation_id for offering in times.offerings.values()})
    placed: list[tuple[DigitalOrder, GroupOrder]] = []
    for spec in ORDERS:
        occurrence = times.pick(spec.offering, spec.which)
        if occurrence is None:
            continue
        offering, unit = times.offerings[spec.offering], organisations[spec.unit]
        order = GroupOrder.objects.filter(
            offering=offering, unit=unit, occurrence=occurrence
        ).first()
        if order is None:
            seats = spec.group_size + spec.accompanying_staff
            if not take_seats(occurrence.pk, seats):
                continue
            order = GroupOrder.objects.create(
                offering=offering,
                occurrence=occurrence,
                unit=unit,
                ordered_by=users.get(spec.ordered_by),
                group_size=spec.group_size,
                accompanying_staff=spec.accompanying_staff,
                message=spec.message,
                status=OrderStatus.ACCEPTED,
                decided_by=(
                    None if offering.auto_accept_orders else deciders.get(offering.organisation_id)
                ),
            )
        placed.append((spec, order))
    return placed


def _deciders(organisation_ids: set[int]) -> dict[int, User]:
    """Who answers orders in the demo: a provider's admin, else its staff or editor."""
    memberships = Membership.objects.filter(
        organisation_id__in=organisation_ids, role__in=role_ids_allowing(Action.PUBLISH)
    ).select_related("user")
    deciders: dict[int, User] = {}
    for membership in sorted(memberships, key=lambda m: (m.role != Role.ADMIN, m.pk)):
        deciders.setdefault(membership.organisation_id, membership.user)
    return deciders
