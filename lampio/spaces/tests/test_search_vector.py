"""The stored search vector of spaces (PostgreSQL keeps it up to date with triggers)."""

from __future__ import annotations

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from lampio.spaces.models import Space

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="runs in the PostgreSQL pass"),
]


def found(text: str, config: str = "finnish") -> set[int]:
    query = SearchQuery(text, config=config, search_type="websearch")
    return set(Space.objects.filter(search_vector=query).values_list("pk", flat=True))


def test_a_new_space_is_searchable_in_each_language_by_its_own_and_its_venues_words(
    make_municipality, make_organisation, make_space
):
    space = make_space(
        make_organisation(municipality=make_municipality("oulu")),
        name_fi="Musiikkiluokka",
        name_sv="Musiksal",
        description_en="A room with two grand pianos",
    )
    assert space.pk in found("musiikkiluokissa")  # stemmed: another form of the word
    assert space.pk in found("musiksalen", "swedish")
    assert space.pk in found("pianos", "english")
    assert space.pk in found(space.venue.name_fi)


def test_editing_a_space_or_its_venue_updates_the_vector(
    make_municipality, make_organisation, make_space
):
    space = make_space(make_organisation(municipality=make_municipality("oulu")))
    assert space.pk not in found("tanssistudio")
    Space.objects.filter(pk=space.pk).update(name_fi="Tanssistudio")
    assert space.pk in found("tanssistudio")

    venue = space.venue
    venue.name_fi, venue.street_address = "Valveen talo", "Hallituskatu 36"
    venue.save()
    assert space.pk in found("valve") and space.pk in found("hallituskatu")
