"""`__any`: membership in a list sent as one parameter, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lampio.spaces.models import Space

pytestmark = pytest.mark.django_db


def test_any_matches_the_listed_ids_only(make_space):
    spaces = [make_space() for _ in range(3)]
    wanted = [spaces[0].pk, spaces[2].pk, 10**12]
    assert set(Space.objects.filter(pk__any=wanted).values_list("pk", flat=True)) == {
        spaces[0].pk,
        spaces[2].pk,
    }
    assert list(Space.objects.exclude(pk__any=wanted).values_list("pk", flat=True)) == [
        spaces[1].pk
    ]


def test_any_of_no_ids_matches_nothing(make_space):
    make_space()
    assert not Space.objects.filter(pk__any=[]).exists()


def test_any_follows_a_foreign_key(make_space):
    space = make_space()
    assert list(Space.objects.filter(venue_id__any=[space.venue_id])) == [space]


def test_any_sends_the_list_as_one_parameter(make_space):
    ids = [make_space().pk for _ in range(5)]
    with CaptureQueriesContext(connection) as queries:
        list(Space.objects.filter(pk__any=ids))
    sql = queries.captured_queries[0]["sql"]
    assert sql.count(str(ids[-1])) == 1 and "IN (" + str(ids[0]) not in sql


def test_any_refuses_what_is_not_an_integer(db):
    with pytest.raises((TypeError, ValueError)):
        list(Space.objects.filter(pk__any=["1 OR 1=1"]))
