"""Reads on venues and spaces: search with filters, scoped to what the actor may see."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from lampio.core.errors import NotFound, one_or_not_found
from lampio.core.multilingual import columns, in_active_language, without_fallbacks
from lampio.core.reference_lists import kept_per_language
from lampio.spaces.models import (
    Equipment,
    OpeningException,
    OpeningHours,
    PriceType,
    Space,
    Venue,
    Visibility,
    Weekday,
)
from lampio.spaces.search import matching_text
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, Actor, can, is_network_admin, roles_of


@dataclass(frozen=True)
class SpaceFilters:
    municipality: str = ""
    q: str = ""
    space_type: str = ""
    min_capacity: int | None = None
    equipment: tuple[str, ...] = field(default_factory=tuple)
    step_free_access: bool = False
    accessible_toilet: bool = False
    induction_loop: bool = False
    indoor: bool | None = None
    free_of_charge: bool | None = None


def visible_spaces(*, actor: Actor) -> QuerySet[Space]:
    """Published spaces everyone may see, plus members-only spaces of the actor's organisations."""
    # The search vector is only ever searched in SQL: reading it would widen every row.
    spaces = Space.objects.filter(is_published=True, venue__is_published=True).defer(
        "search_vector"
    )
    if is_network_admin(actor):
        return spaces
    public = Q(visibility=Visibility.PUBLIC)
    if actor.is_authenticated:
        public |= Q(venue__organisation_id__in=list(roles_of(actor)))
    return spaces.filter(public)


def search_spaces(*, actor: Actor, filters: SpaceFilters) -> QuerySet[Space]:
    spaces = visible_spaces(actor=actor).select_related("venue__organisation__municipality")
    if filters.municipality:
        spaces = spaces.filter(venue__organisation__municipality__slug=filters.municipality)
    if filters.space_type:
        spaces = spaces.filter(space_type=filters.space_type)
    if filters.min_capacity:
        spaces = spaces.filter(capacity__gte=filters.min_capacity)
    for slug in filters.equipment:
        spaces = spaces.filter(equipment__slug=slug)
    for feature in ("step_free_access", "accessible_toilet", "induction_loop"):
        if getattr(filters, feature):
            spaces = spaces.filter(**{feature: True})
    if filters.indoor is not None:
        spaces = spaces.filter(is_indoor=filters.indoor)
    if filters.free_of_charge is True:
        spaces = spaces.filter(price_type=PriceType.FREE)
    elif filters.free_of_charge is False:
        spaces = spaces.exclude(price_type=PriceType.FREE)
    if filters.q.strip():
        spaces = matching_text(spaces, filters.q)
    if filters.equipment:
        # Only the equipment joins can repeat a space. DISTINCT over every selected column
        # (descriptions and terms in four languages) cost more than the rest of the search.
        spaces = spaces.distinct()
    # Finnish names always exist (other languages may be empty), so they give a stable order.
    return spaces.order_by(
        "venue__organisation__municipality__name_fi", "venue__name_fi", "name_fi", "pk"
    )


def _one(spaces: QuerySet[Space], space_id: int) -> Space:
    return one_or_not_found(spaces, pk=space_id)


def space_for(*, actor: Actor, space_id: int) -> Space:
    """A space the actor may see, with what its page shows: equipment, photos, weekly hours."""
    return _one(
        visible_spaces(actor=actor)
        .select_related("venue__organisation__municipality")
        .prefetch_related("equipment", "photos", "opening_hours"),
        space_id,
    )


def space_for_booking(*, actor: Actor, space_id: int) -> Space:
    """A space the actor may see, with its venue: what booking needs (the rules read its hours
    as rows, `opening_periods_between`; of the owner only its id). Joining the organisation and
    municipality as well made this the request's costliest query, for nothing it used."""
    return _one(visible_spaces(actor=actor).select_related("venue"), space_id)


# What a space's free times depend on: the booking window, buffers and holiday closing.
AVAILABILITY_FIELDS = (
    "pk",
    "booking_closes_hours",
    "booking_opens_days",
    "buffer_before_minutes",
    "buffer_after_minutes",
    "closed_on_public_holidays",
)


def space_rules_for(*, actor: Actor, space_id: int) -> Space:
    """A space the actor may see, with only what its free times depend on (a week's
    availability asks this, and reads the hours as rows)."""
    return _one(visible_spaces(actor=actor).only(*AVAILABILITY_FIELDS), space_id)


SUMMARY_COLUMNS = (
    "pk",
    *columns("name"),
    *columns("venue__name"),
    "capacity",
    "space_type",
    "venue__organisation__municipality__slug",
)


def space_summaries(ids: Sequence[int]) -> list[dict[str, Any]]:
    """What a list of spaces shows of each (the API's `SpaceSummary` shape), in the order of
    `ids`: read as plain rows, since building a space, its venue, organisation and
    municipality as models cost more than the whole search."""
    rows = without_fallbacks(Space.objects.filter(pk__any=ids).order_by()).values(*SUMMARY_COLUMNS)
    by_id = {row["pk"]: row for row in rows}
    return [
        {
            "id": pk,
            "name": in_active_language(row, "name"),
            "venue": in_active_language(row, "venue__name"),
            "municipality": row["venue__organisation__municipality__slug"],
            "capacity": row["capacity"],
            "type": row["space_type"],
        }
        for pk in ids
        if (row := by_id.get(pk)) is not None
    ]


def venue_for(*, actor: Actor, venue_id: int) -> Venue:
    venue = (
        Venue.objects.filter(is_published=True, pk=venue_id)
        .select_related("organisation__municipality")
        .first()
    )
    if venue is None:
        raise NotFound()
    return venue


def spaces_of_venue(*, actor: Actor, venue: Venue) -> QuerySet[Space]:
    return visible_spaces(actor=actor).filter(venue=venue).order_by("name_fi", "pk")


# --- Reads for the resident pages (search, venue and space pages) -----------------------------


def equipment_choices() -> QuerySet[Equipment]:
    """Every kind of equipment a search can ask for, in the active language's name order."""
    return Equipment.objects.order_by("name")


@kept_per_language(Equipment)
def equipment_filter_choices() -> tuple[tuple[str, str], ...]:
    """`equipment_choices` as a search filter's slug and name, kept in the process: every space
    search page asks."""
    return tuple(equipment_choices().values_list("slug", "name"))


def mappable_venues(spaces: QuerySet[Space] | Iterable[Space], *, limit: int = 500) -> list[Venue]:
    """The venues of `spaces` that have coordinates, once each, for the map of search results."""
    if isinstance(spaces, QuerySet):
        venue_ids: Any = spaces.order_by().values("venue_id")
    else:
        venue_ids = {space.venue_id for space in spaces}
    return list(
        Venue.objects.filter(
            pk__in=venue_ids, latitude__isnull=False, longitude__isnull=False
        ).order_by("name")[:limit]
    )


def weekly_opening_hours(space: Space) -> list[tuple[str, list[OpeningHours]]]:
    """Each weekday, Monday first, with its opening periods (none means closed that day)."""
    hours = list(space.opening_hours.all())  # prefetched by space_for
    return [
        (str(weekday.label), [period for period in hours if period.weekday == weekday.value])
        for weekday in Weekday
    ]


# --- Reads for the staff pages of the owning organisation --------------------------------------


def managed_venues(*, actor: Actor, organisation: Organisation) -> QuerySet[Venue]:
    """Every venue of the organisation, unpublished ones too, with their spaces; none at all
    for someone who may not manage them."""
    if not can(actor, Action.MANAGE, organisation):
        return Venue.objects.none()
    return (
        Venue.objects.filter(organisation=organisation)
        .select_related("organisation__municipality")
        .prefetch_related("spaces")
        .order_by("name")
    )


def managed_venue(*, actor: Actor, organisation: Organisation, venue_id: int) -> Venue:
    venue = managed_venues(actor=actor, organisation=organisation).filter(pk=venue_id).first()
    if venue is None:
        raise NotFound()
    return venue


def managed_spaces(*, actor: Actor, organisation: Organisation) -> QuerySet[Space]:
    if not can(actor, Action.MANAGE, organisation):
        return Space.objects.none()
    return (
        Space.objects.filter(venue__organisation=organisation)
        .select_related("venue__organisation__municipality")
        .order_by("venue__name", "name")
    )


def managed_space(*, actor: Actor, organisation: Organisation, space_id: int) -> Space:
    space = (
        managed_spaces(actor=actor, organisation=organisation)
        .prefetch_related("equipment", "allowed_organisations", "opening_hours")
        .filter(pk=space_id)
        .first()
    )
    if space is None:
        raise NotFound()
    return space


def upcoming_opening_exceptions(*, space: Space, since: date) -> QuerySet[OpeningException]:
    return OpeningException.objects.filter(space=space, date__gte=since).order_by("date", "opens")


def opening_exception_of(*, space: Space, exception_id: int) -> OpeningException:
    exception = (
        OpeningException.objects.filter(space=space, pk=exception_id)
        .select_related("space__venue")
        .first()
    )
    if exception is None:
        raise NotFound()
    return exception
