"""Collectors: turn one month of the other apps' statistics selectors into facts.

Every source is read through its app's `stats_selectors` module, grouped in SQL where the
grain allows it; only bookings are streamed, because their hours are split in Python. A fact's
municipality is always its organisation's, so the suppression layer's slices nest."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from lampio.bookings.stats_selectors import review_grades_by_space, waitlist_entries_by_space
from lampio.digital.stats_selectors import session_grades
from lampio.feedback.stats_selectors import answer_days, received
from lampio.insights.collectors_common import Dimensions, Window, organisation_fact
from lampio.insights.collectors_offerings import collect_offerings
from lampio.insights.collectors_spaces import collect_spaces
from lampio.insights.models import Fact
from lampio.offerings.stats_selectors import waitlisted_by_organisation
from lampio.seasons.stats_selectors import unallocated_wishes
from lampio.surveys.stats_selectors import answers

OrgKey = tuple[int, int]  # organisation, municipality


def collect_month(window: Window, dims: Dimensions) -> Iterator[Fact]:
    """Every fact of one month, measure by measure."""
    if window.is_empty:
        return
    yield from collect_spaces(window, dims)
    yield from collect_offerings(window, dims)
    yield from collect_feedback(window)
    yield from collect_satisfaction(window, dims)
    yield from collect_unmet_demand(window, dims)


def collect_feedback(window: Window) -> Iterator[Fact]:
    for key, n in received(window.start, window.end).items():
        yield organisation_fact("feedback_received", window, key, n, 0, n)
    for key, (days, n) in answer_days(window.start, window.end).items():
        yield organisation_fact("feedback_response_days", window, key, days, n, n)


def _space_owner(dims: Dimensions, space_id: int) -> OrgKey | None:
    space = dims.spaces.get(space_id)
    return (space.organisation_id, space.municipality_id) if space else None


def collect_satisfaction(window: Window, dims: Dimensions) -> Iterator[Fact]:
    """The shared survey by age group and home municipality, plus the grades residents give
    after a booking or a digital session (those know neither, so they stay blank)."""
    for (org, muni, age_group, home), (total, n) in answers(
        window.first_day, window.last_day
    ).items():
        for measure, value, base in (("satisfaction", total, n), ("survey_responses", n, 0)):
            fact = organisation_fact(measure, window, (org, muni), value, base, n)
            fact.age_group, fact.home_municipality = age_group, home
            yield fact
    grades: dict[OrgKey, list[int]] = defaultdict(lambda: [0, 0])
    for space_id, (total, n) in review_grades_by_space(window.start, window.end).items():
        owner = _space_owner(dims, space_id)
        if owner:
            grades[owner][0] += total
            grades[owner][1] += n
    for key, (total, n) in session_grades(window.start, window.end).items():
        grades[key][0] += total
        grades[key][1] += n
    for key, (total, n) in grades.items():
        yield organisation_fact("satisfaction", window, key, total, n, n)


def collect_unmet_demand(window: Window, dims: Dimensions) -> Iterator[Fact]:
    """Waiting-list entries for spaces, waitlisted enrolments and seasonal wishes left without
    a slot in a round published this month."""
    demand: dict[OrgKey, int] = defaultdict(int)
    for space_id, n in waitlist_entries_by_space(window.start, window.end).items():
        owner = _space_owner(dims, space_id)
        if owner:
            demand[owner] += n
    for source in (waitlisted_by_organisation, unallocated_wishes):
        for key, n in source(window.start, window.end).items():
            demand[key] += n
    for key, n in demand.items():
        yield organisation_fact("unmet_demand", window, key, n, 0, n)
