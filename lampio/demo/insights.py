"""The demo's insights: a year of history across the cities, the visitor survey's answers, the
aggregation that turns them into facts, and the measures the network publishes as open data.

History is written straight into the other apps' tables (insights_bookings.py,
insights_offerings.py and below): the dashboards need a year of past months, which no service
would let anyone create. Cities differ as insights_data.py says, and a few groups are small on
purpose, so the dashboards show suppression. Idempotent: every kind of row is found by a natural
key or by (organisation, month), and generators are seeded by names and dates, never by the day
the loader runs. Aggregation then replaces the facts of the whole period.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from auditlog.context import disable_auditlog
from django.db.models.functions import TruncMonth
from django.utils import timezone

from lampio.accounts.models import User
from lampio.core.timeranges import local_datetime
from lampio.demo.insights_bookings import (
    demo_spaces,
    fast_insert,
    load_booking_history,
    load_waitlist_history,
)
from lampio.demo.insights_data import (
    AGE_GROUPS,
    CITIES,
    DEFAULT_LANGUAGES,
    FEEDBACK_CATEGORIES,
    FEEDBACK_ORGANISATIONS,
    FEEDBACK_TEXTS,
    HISTORY_MONTHS,
    HOME_NETWORK,
    HOME_OTHER,
    HOME_OWN,
    MONTH_FACTOR,
    OPEN_DATA_MEASURES,
    SMALL_SITE,
    SURVEY_CONTEXTS,
    SURVEY_LANGUAGES,
    SURVEY_SITES,
)
from lampio.demo.insights_offerings import load_offering_history
from lampio.demo.spaces_data import EVERYWHERE, RESIDENTS
from lampio.feedback.models import Feedback, FeedbackCategory, FeedbackState, StateKind
from lampio.insights.models import MeasureSetting
from lampio.insights.services.aggregation import aggregate_months
from lampio.spaces.models import Venue
from lampio.surveys.models import VisitorResponse
from lampio.tenancy.models import Organisation

OrganisationKey = tuple[str, str]


@dataclass
class InsightsSummary:
    bookings: int
    waitlist_entries: int
    occurrences: int
    enrolments: int
    feedback: int
    responses: int
    facts: int
    seconds: float


def history_months(today: date) -> list[date]:
    """The first days of the HISTORY_MONTHS months before the current one."""
    month = today.replace(day=1)
    months = []
    for _month in range(HISTORY_MONTHS):
        month = (month - timedelta(days=1)).replace(day=1)
        months.append(month)
    return months[::-1]


def load_insights(
    *,
    organisations: Mapping[OrganisationKey, Organisation],
    now: datetime | None = None,
) -> InsightsSummary:
    """Add what is missing of the year of history, aggregate it, publish the open data.

    Expects to run inside the caller's transaction (`load_demo`), after the other demo parts:
    the history continues their spaces, offerings and feedback desks.
    """
    clock = time.perf_counter()
    now = now or timezone.now()
    today = timezone.localdate(now)
    months = history_months(today)
    users = {
        str(email): pk
        for email, pk in User.objects.filter(
            email__in=[*EVERYWHERE, *(row[0] for row in RESIDENTS)]
        ).values_list("email", "pk")
    }
    # Demo data is not a staff action (see spaces_loader.py).
    with disable_auditlog():
        spaces = demo_spaces()
        # The spaces demo already holds the last week; the history ends the day before it.
        bookings = load_booking_history(
            spaces=spaces, users=users, first=months[0], last=today - timedelta(days=8)
        )
        waitlist = load_waitlist_history(spaces=spaces, users=users, months=months)
        occurrences, enrolments = load_offering_history(first=months[0], now=now)
        feedback = load_feedback_history(organisations=organisations, months=months)
        responses = load_survey_responses(organisations=organisations, months=months)
        run = aggregate_months(months[0], today, now=now)
        for key in OPEN_DATA_MEASURES:
            # get_or_create: what a network admin chose since is left as it is.
            MeasureSetting.objects.get_or_create(measure=key, defaults={"is_open_data": True})
    return InsightsSummary(
        bookings=bookings,
        waitlist_entries=waitlist,
        occurrences=occurrences,
        enrolments=enrolments,
        feedback=feedback,
        responses=responses,
        facts=run.facts,
        seconds=time.perf_counter() - clock,
    )


def _pick(rng: random.Random, weighted: Sequence[tuple[str, float]]) -> str:
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


def _months_with_rows(model: Any, day_field: str, since: date) -> set[tuple[int, date]]:
    """(organisation, month) pairs that already have rows: a second run leaves them alone."""
    rows = (
        model.objects.filter(**{f"{day_field}__gte": since})
        .annotate(month=TruncMonth(day_field))
        .values_list("organisation_id", "month")
        .distinct()
    )
    return {
        (organisation, month.date() if isinstance(month, datetime) else month)
        for organisation, month in rows
    }


def load_feedback_history(
    *, organisations: Mapping[OrganisationKey, Organisation], months: Sequence[date]
) -> int:
    """Anonymous feedback from the past months, answered and closed at each city's pace."""
    done = _months_with_rows(
        Feedback, "submitted_at", local_datetime(months[0], datetime.min.time())
    )
    closed = {
        state.municipality_id: state
        for state in FeedbackState.objects.filter(kind=StateKind.CLOSED)
    }
    categories = {
        (category.municipality_id, category.code): category
        for category in FeedbackCategory.objects.filter(code__in=FEEDBACK_CATEGORIES)
    }
    rows: list[dict[str, Any]] = []
    for city, slugs in FEEDBACK_ORGANISATIONS.items():
        profile = CITIES[city]
        for slug in slugs:
            organisation = organisations.get((city, slug))
            if organisation is None or organisation.municipality_id not in closed:
                continue
            for month in months:
                if (organisation.pk, month) in done:
                    continue
                rng = random.Random(f"insights/feedback/{city}/{slug}/{month.isoformat()}")
                # Feedback comes all year; the summer break only slows it down.
                factor = max(0.8, MONTH_FACTOR[month.month])
                count = round(profile.feedback * factor * rng.uniform(0.8, 1.2))
                for _message in range(count):
                    code = rng.choice(FEEDBACK_CATEGORIES)
                    category = categories.get((organisation.municipality_id, code))
                    if category is None:
                        continue
                    rows.append(
                        _feedback(rng, organisation, category, closed, month, profile.answer_days)
                    )
    return fast_insert(Feedback, rows)


def _feedback(
    rng: random.Random,
    organisation: Organisation,
    category: FeedbackCategory,
    closed: Mapping[int, FeedbackState],
    month: date,
    answer_days: float,
) -> dict[str, Any]:
    day = month + timedelta(days=rng.randint(0, 27))
    submitted = local_datetime(day, datetime.min.time()) + timedelta(minutes=rng.randint(420, 1380))
    answered = submitted + timedelta(hours=max(2.0, rng.expovariate(1 / (answer_days * 24))))
    swedish = rng.random() < 0.08
    text = rng.choice(FEEDBACK_TEXTS)[1 if swedish else 0]
    return {
        "municipality_id": organisation.municipality_id,
        "organisation_id": organisation.pk,
        "category_id": category.pk,
        "state_id": closed[organisation.municipality_id].pk,
        "tracking_token": f"demo{rng.getrandbits(96):024x}",
        "text": text,
        "language": "sv" if swedish else "fi",
        "identity": "anonymous",
        "submitted_at": submitted,
        "updated_at": answered + timedelta(days=1),
        "due_at": submitted + timedelta(days=category.response_days),
        "answered_at": answered,
        "closed_at": answered + timedelta(days=1),
    }


def load_survey_responses(
    *, organisations: Mapping[OrganisationKey, Organisation], months: Sequence[date]
) -> int:
    """About 5,000 visitor survey answers over the year; the Oulu art museum gets only two or
    three in some months, so its figures are suppressed there."""
    done = _months_with_rows(VisitorResponse, "answered_on", months[0])
    venues: dict[int, list[int]] = {}
    for venue_id, organisation_id in Venue.objects.values_list("pk", "organisation_id"):
        venues.setdefault(organisation_id, []).append(venue_id)
    cities = list(CITIES)
    rows: list[dict[str, Any]] = []
    for city, sites in SURVEY_SITES.items():
        profile = CITIES[city]
        for slug, share in sites:
            organisation = organisations.get((city, slug))
            if organisation is None:
                continue
            for month in months:
                if (organisation.pk, month) in done:
                    continue
                rng = random.Random(f"insights/survey/{city}/{slug}/{month.isoformat()}")
                if (city, slug) == SMALL_SITE:
                    count = rng.choice((0, 2, 2, 3, 3, 6))
                else:
                    expected = profile.responses * share * MONTH_FACTOR[month.month]
                    count = round(expected * rng.uniform(0.75, 1.25))
                for _answer in range(count):
                    rows.append(_response(rng, organisation, venues, city, cities, month, profile))
    return fast_insert(VisitorResponse, rows)


def _response(
    rng: random.Random,
    organisation: Organisation,
    venues: Mapping[int, list[int]],
    city: str,
    cities: Sequence[str],
    month: date,
    profile: Any,
) -> dict[str, Any]:
    overall = min(5, max(1, round(rng.gauss(profile.satisfaction, 0.8))))
    roll = rng.random()
    if roll < HOME_OWN:
        home = city
    elif roll < HOME_OWN + HOME_NETWORK:
        home = rng.choice([other for other in cities if other != city])
    elif roll < HOME_OWN + HOME_NETWORK + HOME_OTHER:
        home = "other"
    else:
        home = ""
    own_venues = venues.get(organisation.pk, [])
    return {
        "organisation_id": organisation.pk,
        "municipality_id": organisation.municipality_id,
        "venue_id": rng.choice(own_venues) if own_venues else None,
        "context": _pick(rng, SURVEY_CONTEXTS),
        "answered_on": month + timedelta(days=rng.randint(0, 27)),
        "language": _pick(rng, SURVEY_LANGUAGES.get(city, DEFAULT_LANGUAGES)),
        "overall": overall,
        "ease": min(5, max(1, overall + rng.choice((-1, 0, 0, 1)))),
        "return_likelihood": min(5, max(1, overall + rng.choice((-1, 0, 0, 0, 1)))),
        "age_group": _pick(rng, AGE_GROUPS),
        "home_municipality": home,
    }
