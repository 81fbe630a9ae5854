"""Reads on offerings: the public search, one offering's page, and a person's enrolments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from django.db import connection
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from lampio.core.errors import NotFound, one_or_not_found
from lampio.core.multilingual import columns, languages_to_read, without_fallbacks
from lampio.core.reference_lists import kept_per_language
from lampio.core.textsearch import SearchFields, matching_text
from lampio.offerings.models import (
    ONLINE_FORMATS,
    Enrolment,
    GroupOrder,
    Keyword,
    Occurrence,
    Offering,
    OfferingAudience,
    OfferingLanguage,
    OfferingStatus,
)
from lampio.tenancy.models import Organisation, OrganisationKind
from lampio.tenancy.permissions import Action, Actor, can

OFFERING_FIELDS = SearchFields(
    stemmed=("title", "short_description", "description"),
    plain=("location",),
    translated_substring=("organisation__municipality__name",),
)


@dataclass(frozen=True)
class OfferingFilters:
    """The public search. `start`/`end` bound the occurrence times; `online` means any online
    format (live stream, recording, hybrid)."""

    municipality: str = ""
    q: str = ""
    keyword: str = ""
    audience: str = ""
    format: str = ""
    online: bool | None = None
    language: str = ""
    free: bool | None = None
    accessible: bool = False
    start: datetime | None = None
    end: datetime | None = None
    provider: int | None = None


def published_offerings() -> QuerySet[Offering]:
    return Offering.objects.filter(status=OfferingStatus.PUBLISHED)


def _filter_offerings(
    offerings: QuerySet[Offering], filters: OfferingFilters
) -> QuerySet[Offering]:
    # One filter() for all: each call copies the query, and a search has up to ten conditions.
    # Only the keyword crosses a many-valued relation, so one call means the same as ten.
    conditions: list[Q | Exists] = []
    if filters.municipality:
        conditions.append(Q(organisation__municipality__slug=filters.municipality))
    if filters.provider:
        conditions.append(Q(organisation_id=filters.provider))
    if filters.keyword:
        conditions.append(Q(keywords__key=filters.keyword))
    if filters.audience:
        audiences = OfferingAudience.objects.filter(
            offering=OuterRef("pk"), audience=filters.audience
        )
        conditions.append(Exists(audiences))
    if filters.language:
        languages = OfferingLanguage.objects.filter(
            offering=OuterRef("pk"), language=filters.language
        )
        conditions.append(Exists(languages))
    if filters.format:
        conditions.append(Q(format=filters.format))
    if filters.online is True:
        conditions.append(Q(format__in=ONLINE_FORMATS))
    elif filters.online is False:
        conditions.append(~Q(format__in=ONLINE_FORMATS))
    if filters.free is not None:
        conditions.append(Q(is_free=filters.free))
    if filters.accessible:
        conditions.append(~(Q(accessibility_fi="") | Q(accessibility_fi__isnull=True)))
    if conditions:
        offerings = offerings.filter(*conditions)
    if filters.q.strip():
        offerings = matching_text(offerings, filters.q, OFFERING_FIELDS)
    return offerings


# The longest stored occurrence, answered from the index of migration 0004. Every search asks
# it; composed through the ORM it cost a tenth of the request (decision 0021).
OCCURRENCES = Occurrence._meta.db_table
LONGEST_SQL = {
    "postgresql": f"SELECT MAX(ends_at - starts_at) FROM {OCCURRENCES}",  # noqa: S608
    # SQLite stores the times as text: the difference in days, as a number.
    "sqlite": f"SELECT MAX(julianday(ends_at) - julianday(starts_at)) FROM {OCCURRENCES}",  # noqa: S608
}


def _longest_occurrence() -> timedelta | None:
    with connection.cursor() as cursor:
        cursor.execute(LONGEST_SQL[connection.vendor])
        (longest,) = cursor.fetchone()
    if longest is None or isinstance(longest, timedelta):
        return longest
    return timedelta(days=float(longest))


def _still_running(start: datetime) -> Q:
    """Occurrences that end after `start`, in a form an index on `starts_at` can use.

    `ends_at > start` alone leaves `starts_at` unbounded below, so the database walked every
    past occurrence. None is longer than the longest stored one, so none that ends after `start`
    can have started before start - longest.
    """
    longest = _longest_occurrence()
    running = Q(ends_at__gt=start)
    return running & Q(starts_at__gt=start - longest) if longest is not None else running


def search_occurrences(filters: OfferingFilters) -> QuerySet[Occurrence]:
    """Public, upcoming occurrences of published offerings matching `filters`, soonest first.

    The offering filters run as one subquery, so the date range uses the occurrence index.
    """
    start = filters.start or timezone.now()
    occurrences = Occurrence.objects.filter(_still_running(start), is_public=True)
    if filters.end:
        occurrences = occurrences.filter(starts_at__lt=filters.end)
    offerings = _filter_offerings(published_offerings(), filters)
    return (
        occurrences.filter(offering__in=offerings.values("pk"))
        .select_related("offering__organisation__municipality", "offering__venue")
        .order_by("starts_at", "pk")
    )


OCCURRENCE_ROW_COLUMNS = (
    "pk",
    "offering_id",
    *columns("offering__title"),
    "offering__organisation__municipality__slug",
    "starts_at",
    "ends_at",
    "status",
    "capacity",
    "seats_taken",
    "enrolment_opens_at",
    "enrolment_closes_at",
    *columns("notice"),
)


def occurrence_rows(occurrences: QuerySet[Occurrence]) -> QuerySet[Any]:
    """`occurrences` as plain rows of `OCCURRENCE_ROW_COLUMNS`, in their order: what a list of
    times shows, without building an occurrence, offering, organisation and municipality model
    for each (that cost a search more than its query)."""
    return without_fallbacks(occurrences.select_related(None)).values(*OCCURRENCE_ROW_COLUMNS)


def search_offerings(filters: OfferingFilters) -> QuerySet[Offering]:
    """Published offerings matching `filters` that have a public time ahead, or are on request."""
    start = filters.start or timezone.now()
    running = Occurrence.objects.filter(
        _still_running(start), offering=OuterRef("pk"), is_public=True
    )
    times = running.filter(starts_at__lt=filters.end) if filters.end else running
    upcoming = running.order_by("starts_at").values("starts_at")[:1]
    return (
        _filter_offerings(published_offerings(), filters)
        .filter(Q(Exists(times)) | Q(on_request=True))
        .annotate(next_start=upcoming)
        .select_related("organisation__municipality", "venue")
        # Offerings on request have no next time; they come after the dated ones everywhere.
        .order_by(F("next_start").asc(nulls_last=True), "title_fi", "pk")
    )


# What a search result's card shows (`cards.CardFacts.of`), read as plain rows: building an
# offering, its provider, city and venue as models cost more than the query. Texts are read in
# the languages the page reads them in (the active one and its fallbacks), not in all three.
@lru_cache(maxsize=8)
def card_columns(languages: tuple[str, ...]) -> tuple[str, ...]:
    return (
        "pk",
        "next_start",
        *columns("title", languages),
        *columns("short_description", languages),
        "on_request",
        "format",
        "location",
        "is_free",
        "price",
        "price_basis",
        *columns("price_info", languages),
        *columns("organisation__name", languages),
        *columns("organisation__municipality__name", languages),
        "venue_id",
        *columns("venue__name", languages),
        "venue__is_published",
        "venue__street_address",
        "venue__postal_code",
        "venue__post_office",
    )


def search_offering_cards(filters: OfferingFilters) -> QuerySet[Any]:
    """`search_offerings` as rows of `card_columns`, what the result cards show, in the active
    language and its fallbacks."""
    offerings = without_fallbacks(search_offerings(filters).select_related(None))
    return offerings.values(*card_columns(languages_to_read()))


def public_offering(offering_id: int, *, actor: Actor | None = None) -> Offering:
    """A published offering; its provider's staff also see their drafts (as a preview)."""
    offering = (
        Offering.objects.select_related("organisation__municipality", "venue")
        .prefetch_related("keywords", "audience_rows", "language_rows", "images")
        .filter(pk=offering_id)
        .first()
    )
    if offering is None:
        raise NotFound()
    if offering.status == OfferingStatus.DRAFT and not (
        actor is not None and can(actor, Action.PUBLISH, offering)
    ):
        raise NotFound()
    return offering


def upcoming_occurrences(
    offering: Offering, *, now: datetime | None = None
) -> QuerySet[Occurrence]:
    return offering.occurrences.filter(is_public=True, ends_at__gt=now or timezone.now()).order_by(
        "starts_at"
    )


def public_occurrence(occurrence_id: int) -> Occurrence:
    occurrence = (
        Occurrence.objects.select_related("offering__organisation__municipality", "offering__venue")
        .filter(pk=occurrence_id, is_public=True, offering__status__in=[OfferingStatus.PUBLISHED])
        .first()
    )
    if occurrence is None:
        raise NotFound()
    return occurrence


def occurrence_to_enrol(occurrence_id: int) -> Occurrence:
    """A public occurrence with what enrolling reads (its offering and provider), for
    `services.enrol`: without the venue and municipality of `public_occurrence`, whose wide
    rows took PostgreSQL longer to plan than to read."""
    return one_or_not_found(
        Occurrence.objects.select_related("offering__organisation"),
        pk=occurrence_id,
        is_public=True,
        offering__status=OfferingStatus.PUBLISHED,
    )


PROVIDER_KINDS = [
    OrganisationKind.CITY_INSTITUTION,
    OrganisationKind.INDEPENDENT_PROVIDER,
    OrganisationKind.ASSOCIATION,
]


def public_provider(*, municipality_slug: str, organisation_slug: str) -> Organisation:
    """A provider's public profile: any active organisation that may publish offerings."""
    provider = (
        Organisation.objects.select_related("municipality")
        .filter(
            municipality__slug=municipality_slug,
            slug=organisation_slug,
            kind__in=PROVIDER_KINDS,
            is_active=True,
        )
        .first()
    )
    if provider is None:
        raise NotFound()
    return provider


def keyword_choices() -> QuerySet[Keyword]:
    """Keywords a provider may choose: the ones in use, not deprecated."""
    return Keyword.objects.filter(is_deprecated=False)


@kept_per_language(Keyword)
def keyword_filter_choices() -> tuple[tuple[str, str], ...]:
    """The keywords in use as a search filter's key and name in the active language, kept in
    the process: every search page asks."""
    return tuple(keyword_choices().values_list("key", "name"))


def enrolments_of(person: Actor) -> QuerySet[Enrolment]:
    if not person.is_authenticated:
        return Enrolment.objects.none()
    return (
        Enrolment.objects.filter(person=person)
        .select_related("occurrence__offering__venue", "occurrence__offering__organisation")
        .order_by("occurrence__starts_at")
    )


def enrolment_of(person: Actor, enrolment_id: int) -> Enrolment:
    enrolment = enrolments_of(person).filter(pk=enrolment_id).first()
    if enrolment is None:
        raise NotFound()
    return enrolment


def ordering_units(actor: Actor) -> QuerySet[Organisation]:
    """The care units and schools for which `actor` may order."""
    from lampio.offerings.services.orders import ORDERING_KINDS
    from lampio.tenancy.permissions import is_network_admin, role_ids_allowing

    units = Organisation.objects.filter(kind__in=ORDERING_KINDS, is_active=True)
    if is_network_admin(actor):
        return units
    if not actor.is_authenticated:
        return units.none()
    return units.filter(
        memberships__user=actor, memberships__role__in=role_ids_allowing(Action.ORDER)
    )


def orders_of_units(actor: Actor) -> QuerySet[GroupOrder]:
    """ "Our unit's orders": every order of the units `actor` orders for."""
    return (
        GroupOrder.objects.filter(unit__in=ordering_units(actor))
        .select_related("offering__organisation", "occurrence", "unit")
        .prefetch_related("proposed_times")
    )


def order_of_unit(actor: Actor, order_id: int) -> GroupOrder:
    order = orders_of_units(actor).filter(pk=order_id).first()
    if order is None:
        raise NotFound()
    return order


def occurrences_with_enrolments(offering: Offering) -> QuerySet[Occurrence]:
    """The provider's view of an offering's times, with who is enrolled."""
    return offering.occurrences.order_by("starts_at").prefetch_related(
        Prefetch(
            "enrolments",
            queryset=Enrolment.objects.select_related("person").order_by("created_at"),
        )
    )
