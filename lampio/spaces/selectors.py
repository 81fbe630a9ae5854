"""Reads on venues and spaces: search with filters, scoped to what the actor may see."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from lampio.core.errors import NotFound
from lampio.spaces.models import PriceType, Space, Venue, Visibility
from lampio.spaces.search import matching_text
from lampio.tenancy.permissions import Actor, is_network_admin, roles_of


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
    spaces = Space.objects.filter(is_published=True, venue__is_published=True)
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
    return spaces.distinct().order_by(
        "venue__organisation__municipality__name", "venue__name", "name"
    )


def space_for(*, actor: Actor, space_id: int) -> Space:
    space = (
        visible_spaces(actor=actor)
        .select_related("venue__organisation__municipality")
        .prefetch_related("equipment", "photos", "opening_hours")
        .filter(pk=space_id)
        .first()
    )
    if space is None:
        raise NotFound()
    return space


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
    return visible_spaces(actor=actor).filter(venue=venue).order_by("name")
