"""The measures the network tracks: what each counts, which dimensions it can be broken down
by, and how its figure is formed. Collectors (collectors.py) fill the facts of each."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Kind(StrEnum):
    COUNT = "count"  # the figure is the sum of values
    RATIO = "ratio"  # the figure is sum(value) / sum(base), shown as a share
    AVERAGE = "average"  # the figure is sum(value) / sum(base), shown as a number


# Dimensions every measure has: facts always carry month, municipality and organisation.
COMMON = ("month", "municipality", "organisation")
SPACE_DIMS = (*COMMON, "venue", "space", "space_type", "weekday", "hour")
OFFERING_DIMS = (*COMMON, "offering", "category", "audience", "format")
# Dimensions that name one organisation's objects: outside that organisation's own view they
# are shown only for open-data measures.
OWN_OBJECT_DIMS = frozenset({"organisation", "venue", "space", "offering"})


@dataclass(frozen=True)
class Measure:
    key: str
    title: Promise
    description: Promise
    kind: Kind
    unit: Promise
    dimensions: tuple[str, ...]
    group: str  # the dashboard section it belongs to

    @property
    def default_threshold(self) -> int:
        return int(settings.LAMPIO_INSIGHTS_THRESHOLD)


MEASURES: dict[str, Measure] = {
    m.key: m
    for m in [
        Measure(
            "space_utilisation",
            _("Space utilisation"),
            _("Booked hours as a share of the hours the spaces are open."),
            Kind.RATIO,
            # xgettext:no-python-format
            _("% of open hours"),
            SPACE_DIMS,
            "spaces",
        ),
        Measure(
            "bookings",
            _("Bookings"),
            _("Confirmed bookings that took place."),
            Kind.COUNT,
            _("bookings"),
            SPACE_DIMS,
            "spaces",
        ),
        Measure(
            "booking_cancellations",
            _("Cancelled bookings"),
            _("Bookings cancelled by the booker or by staff."),
            Kind.COUNT,
            _("bookings"),
            SPACE_DIMS,
            "spaces",
        ),
        Measure(
            "booking_no_shows",
            _("No-shows"),
            _("Confirmed bookings staff marked as not used."),
            Kind.COUNT,
            _("bookings"),
            SPACE_DIMS,
            "spaces",
        ),
        Measure(
            "enrolments",
            _("Enrolments"),
            _("Seats taken by individual enrolments and group orders."),
            Kind.COUNT,
            _("seats"),
            OFFERING_DIMS,
            "offerings",
        ),
        Measure(
            "attendance",
            _("Attendance"),
            _("Seats whose holders came, as marked by the provider."),
            Kind.COUNT,
            _("people"),
            OFFERING_DIMS,
            "offerings",
        ),
        Measure(
            "fill_rate",
            _("Fill rate"),
            _("Seats taken as a share of the seats offered in past occurrences."),
            Kind.RATIO,
            # xgettext:no-python-format
            _("% of seats"),
            OFFERING_DIMS,
            "offerings",
        ),
        Measure(
            "digital_viewers",
            _("Digital-session viewers"),
            _("Screens that followed a streamed session."),
            Kind.COUNT,
            _("viewers"),
            OFFERING_DIMS,
            "digital",
        ),
        Measure(
            "care_units_reached",
            _("Care-unit orders of digital sessions"),
            _("Accepted orders of online sessions by care units."),
            Kind.COUNT,
            _("orders"),
            OFFERING_DIMS,
            "digital",
        ),
        Measure(
            "feedback_received",
            _("Feedback received"),
            _("Feedback sent to the organisation."),
            Kind.COUNT,
            _("messages"),
            COMMON,
            "feedback",
        ),
        Measure(
            "feedback_response_days",
            _("Feedback response time"),
            _("Average days from receiving feedback to the first answer."),
            Kind.AVERAGE,
            _("days"),
            COMMON,
            "feedback",
        ),
        Measure(
            "satisfaction",
            _("Satisfaction"),
            _("Average overall rating (1–5) in the shared visitor survey."),
            Kind.AVERAGE,
            _("on a scale of 1–5"),
            (*COMMON, "age_group", "home_municipality"),
            "feedback",
        ),
        Measure(
            "survey_responses",
            _("Visitor survey responses"),
            _("Answers to the shared visitor survey."),
            Kind.COUNT,
            _("responses"),
            (*COMMON, "age_group", "home_municipality"),
            "feedback",
        ),
        Measure(
            "unmet_demand",
            _("Unmet demand"),
            _("Waiting-list entries and seasonal wishes that got no slot."),
            Kind.COUNT,
            _("requests"),
            COMMON,
            "spaces",
        ),
    ]
}

# Measures with facts per weekday and hour, which the aggregation also sums per space and month
# (models.CoarseFact) for the queries that break down by neither.
FINE_DIMS = frozenset({"weekday", "hour"})
COARSE_MEASURES = tuple(m.key for m in MEASURES.values() if FINE_DIMS & set(m.dimensions))

GROUPS: dict[str, Promise] = {
    "spaces": _("Spaces and bookings"),
    "offerings": _("Culture offerings"),
    "digital": _("Digital sessions"),
    "feedback": _("Feedback and satisfaction"),
}


def measure(key: str) -> Measure | None:
    return MEASURES.get(key)
