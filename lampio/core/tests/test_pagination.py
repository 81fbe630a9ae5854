"""A page of a search and its count in one query, with Django's answers to odd page numbers."""

from __future__ import annotations

from typing import Any

import pytest

from lampio.core.pagination import OneQueryPaginator
from lampio.tenancy.models import Municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def cities(make_municipality: Any) -> Any:
    for number in range(7):
        make_municipality(slug=f"kunta{number}")
    return Municipality.objects.order_by("slug")


def test_a_page_and_the_count_are_read_in_one_query(
    cities: Any, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(1):
        page = OneQueryPaginator(cities, 3).get_page("2")
        slugs = [city.slug for city in page.object_list]
        assert page.paginator.count == 7 and page.paginator.num_pages == 3

    assert slugs == ["kunta3", "kunta4", "kunta5"]
    assert page.has_next() and page.has_previous() and page.start_index() == 4


@pytest.mark.parametrize(
    ("asked", "number", "first"),
    [
        ("3", 3, "kunta6"),
        ("99", 3, "kunta6"),
        ("0", 3, "kunta6"),
        ("x", 1, "kunta0"),
        (None, 1, "kunta0"),
    ],
)
def test_odd_page_numbers_get_djangos_answer(
    cities: Any, asked: str | None, number: int, first: str
) -> None:
    page = OneQueryPaginator(cities, 3).get_page(asked)

    assert page.number == number
    assert page.object_list[0].slug == first
    assert page.paginator.count == 7


def test_no_rows_give_an_empty_first_page(db: None) -> None:
    page = OneQueryPaginator(Municipality.objects.none(), 3).get_page("1")

    assert list(page.object_list) == [] and page.paginator.count == 0 and page.number == 1


def test_a_distinct_query_is_counted_without_its_duplicates(cities: Any) -> None:
    page = OneQueryPaginator(cities.values_list("name_fi", flat=True).distinct(), 5).get_page(1)

    assert page.paginator.count == 7
