"""The demo's regular slots (see seasons_data.py): recurring series and application rounds.

Everything goes through the services staff and residents use (`create_series`, `create_round`,
`submit_application`, `run_allocation`), so the demo holds every rule they hold: a series only
in free time, a wish only for the round's spaces, an allocation only after applications close.
The closed round is created with its application period already over; its applications are
submitted with `now` inside that period, which the service takes for exactly such cases.

Idempotent: a series is found by its space and purpose, a round by its organisation and the
Finnish name up to the season; what exists is left as it is (staff may have changed it).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from auditlog.context import disable_auditlog
from django.utils import timezone

from lampio.accounts.models import User
from lampio.bookings.errors import SeriesCollides
from lampio.bookings.models import BookingSeries
from lampio.bookings.series_services import create_series
from lampio.core.timeranges import local_datetime
from lampio.demo.seasons_data import (
    RECURRING_SPACES,
    ROUNDS,
    SERIES,
    DemoApplication,
    DemoRound,
    DemoSeries,
    SpaceKey,
)
from lampio.demo.spaces_loader import BOOKINGS_AHEAD
from lampio.seasons.models import ApplicationRound, PriorityClass
from lampio.seasons.services.allocation import run_allocation
from lampio.seasons.services.applications import WishInput, submit_application
from lampio.seasons.services.rounds import create_round
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation

SOLVER_SECONDS = 2.0  # a handful of wishes: CP-SAT proves the optimum in milliseconds
OPEN_FOR = timedelta(days=14)  # the open rounds close two weeks after the demo is loaded
CLOSED_AGO = timedelta(days=4)  # the closed round's applications ended this long ago


@dataclass
class SeasonsLoad:
    series_made: int = 0
    rounds_made: int = 0
    applications: int = 0


def load_seasons(
    *, organisations: Mapping[tuple[str, str], Organisation], now: datetime | None = None
) -> SeasonsLoad:
    """Runs after the spaces, residents and the association's member exist (inside `load_demo`)."""
    now = now or timezone.now()
    keys = {*RECURRING_SPACES, *(s.space for s in SERIES), *(k for r in ROUNDS for k in r.spaces)}
    spaces = _spaces(keys)
    emails = {s.actor for s in SERIES} | {r.staff for r in ROUNDS}
    emails |= {a.applicant for r in ROUNDS for a in r.applications}
    users = {str(user.email): user for user in User.objects.filter(email__in=emails)}
    loaded = SeasonsLoad()
    # Demo rows are not staff actions (as in spaces_loader): no audit entry for each.
    with disable_auditlog():
        Space.objects.filter(pk__in=[spaces[key].pk for key in RECURRING_SPACES]).update(
            allows_recurring=True
        )
        for key in RECURRING_SPACES:
            spaces[key].allows_recurring = True  # the rows read above, for the series below
        for spec in SERIES:
            loaded.series_made += _series(spec, spaces, users, organisations, now)
        for round_spec in ROUNDS:
            made = _round(round_spec, spaces, users, organisations, now)
            if made is not None:
                loaded.rounds_made += 1
                loaded.applications += made
    return loaded


def _spaces(keys: set[SpaceKey]) -> dict[SpaceKey, Space]:
    found = Space.objects.filter(
        venue__organisation__municipality__slug__in={city for city, _v, _s in keys},
        venue__slug__in={venue for _c, venue, _s in keys},
    ).select_related("venue__organisation__municipality")
    by_key = {
        (space.venue.organisation.municipality.slug, space.venue.slug, space.slug): space
        for space in found
    }
    missing = keys - by_key.keys()
    if missing:
        raise LookupError(f"No demo spaces {sorted(missing)} for the regular slots")
    return by_key


def _series(
    spec: DemoSeries,
    spaces: Mapping[SpaceKey, Space],
    users: Mapping[str, User],
    organisations: Mapping[tuple[str, str], Organisation],
    now: datetime,
) -> int:
    space = spaces[spec.space]
    if BookingSeries.objects.filter(space=space, purpose=spec.purpose).exists():
        return 0
    first_date = timezone.localdate(now) + timedelta(days=1)
    if spec.after_demo_bookings:
        first_date += BOOKINGS_AHEAD
    try:
        create_series(
            actor=users[spec.actor],
            space=space,
            weekdays=[spec.weekday],
            interval_weeks=spec.every,
            first_date=first_date,
            last_date=first_date + timedelta(weeks=spec.weeks, days=-1),
            starts_time=spec.starts,
            ends_time=spec.ends,
            purpose=spec.purpose,
            attendees=spec.attendees,
            for_organisation=organisations[spec.organisation] if spec.organisation else None,
            # Demo bookings fill the next three weeks: a date they took is left out, as a
            # person would choose on the collision page.
            skip_collisions=True,
            notify=False,
            now=now,
        )
    except SeriesCollides:
        return 0  # every date taken: no series this time, the next load tries again
    return 1


def _round(
    spec: DemoRound,
    spaces: Mapping[SpaceKey, Space],
    users: Mapping[str, User],
    organisations: Mapping[tuple[str, str], Organisation],
    now: datetime,
) -> int | None:
    """The round with its applications (and the allocation when closed); None if it exists."""
    organisation = organisations[spec.organisation]
    key = spec.name[0].partition("{")[0]
    if ApplicationRound.objects.filter(organisation=organisation, name_fi__startswith=key).exists():
        return None
    today = timezone.localdate(now)
    if spec.closed:
        opens = local_datetime(today - timedelta(days=35), time(8))
        closes = local_datetime(today - CLOSED_AGO, time(16))
        starts = _first_of_month_after(today + timedelta(days=14))
        ends = _add_months(starts, 5) - timedelta(days=1)
    else:
        opens = local_datetime(today - timedelta(days=7), time(8))
        closes = local_datetime(today + OPEN_FOR, time(16))
        autumn = date(closes.year, 9, 1)
        starts = autumn if closes.date() < autumn else date(closes.year + 1, 9, 1)
        ends = date(starts.year + 1, 5, 31)
    staff = users[spec.staff]
    application_round = create_round(
        actor=staff,
        organisation=organisation,
        name={
            language: text.format(season=_season(starts, ends, language))
            for language, text in zip(("fi", "sv", "en"), spec.name, strict=True)
        },
        criteria=dict(zip(("fi", "sv", "en"), spec.criteria, strict=True)),
        season_starts=starts,
        season_ends=ends,
        applications_open_at=opens,
        applications_close_at=closes,
        spaces=[spaces[key] for key in spec.spaces],
        max_minutes_per_week=spec.max_minutes_per_week,
    )
    classes = {c.rank: c for c in application_round.priority_classes.all()}
    for index, application in enumerate(spec.applications):
        # Spread over the period (an hour apart), all before now and before it closes.
        _apply(
            application,
            application_round,
            spaces,
            users,
            organisations,
            classes,
            min(opens + timedelta(days=1, hours=index), now),
        )
    if spec.closed:
        run_allocation(
            actor=staff, application_round=application_round, time_limit=SOLVER_SECONDS, now=now
        )
    return len(spec.applications)


def _apply(
    spec: DemoApplication,
    application_round: ApplicationRound,
    spaces: Mapping[SpaceKey, Space],
    users: Mapping[str, User],
    organisations: Mapping[tuple[str, str], Organisation],
    classes: Mapping[int, PriorityClass],
    at: datetime,
) -> None:
    submit_application(
        actor=users[spec.applicant],
        application_round=application_round,
        for_organisation=organisations[spec.organisation] if spec.organisation else None,
        activity=spec.activity,
        age_group=spec.age_group,
        requested_class=classes[spec.rank],
        notes=spec.notes,
        wishes=[
            WishInput(
                weekday=wish.weekday,
                earliest_start=wish.earliest,
                latest_end=wish.latest,
                duration_minutes=wish.minutes,
                attendees=wish.attendees,
                spaces=[spaces[key] for key in wish.spaces],
            )
            for wish in spec.wishes
        ],
        now=at,
    )


def _first_of_month_after(day: date) -> date:
    return day.replace(day=1) if day.day == 1 else _add_months(day.replace(day=1), 1)


def _add_months(day: date, months: int) -> date:
    """The same day `months` later (for the first of a month, always valid)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _season(starts: date, ends: date, language: str) -> str:
    """The season as the city writes it: 1.9.2027–31.5.2028, 1 September 2027 – 31 May 2028."""
    if language == "en":
        return (
            f"{starts.day} {_MONTHS_EN[starts.month - 1]} {starts.year} – "
            f"{ends.day} {_MONTHS_EN[ends.month - 1]} {ends.year}"
        )
    return f"{starts.day}.{starts.month}.{starts.year}–{ends.day}.{ends.month}.{ends.year}"
