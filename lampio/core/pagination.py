"""A page of a query and the number of all its rows, read in one query.

Searches filter through subqueries (free times, next occurrences); counting them apart from the
page ran those filters twice. The count rides on every row of the page instead, as a window
over the whole result, computed before LIMIT.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.paginator import Page, Paginator
from django.db.models import Count, Model, QuerySet, Window

M = TypeVar("M", bound=Model)

# Offsets from here on are past any real result; the database driver overflows near 2**63.
MAX_OFFSET = 2**62


def page_and_count(items: QuerySet[M], *, start: int, page_size: int) -> tuple[list[M], int]:
    """Rows `start`… of `items` (at most `page_size`) and the number of all its rows.

    DISTINCT would count duplicates before removing them, so such a query is counted on its own.
    """
    if items.query.distinct or start >= MAX_OFFSET:
        count = items.count()
        # A page past the end is empty without asking the database: an offset beyond 2**63
        # overflows its driver (a client may send any page number).
        return (list(items[start : start + page_size]) if start < count else []), count
    rows = list(items.annotate(_matches=Window(Count("*")))[start : start + page_size])
    if not rows:
        return [], (items.count() if start else 0)
    if isinstance(rows[0], dict):  # a values() query: the count is a key of every row
        count = int(rows[0]["_matches"])
        for row in rows:
            del row["_matches"]
        return rows, count
    return rows, int(rows[0]._matches)  # the annotation above


class OneQueryPaginator(Paginator):
    """Django's paginator for a query, whose `get_page` reads the page and the count together.

    A page number out of range, or not a number, gets Django's answer: the last or the first
    page. Orphans are not merged into the last page (`orphans` stays 0).
    """

    object_list: QuerySet[Any]

    def get_page(self, number: Any) -> Page:
        wanted = _page_number(number)
        if wanted < 1:  # Django's answer to a page before the first: the last page
            return super().get_page(number)
        start = (wanted - 1) * self.per_page
        rows, count = page_and_count(self.object_list, start=start, page_size=self.per_page)
        self.__dict__["count"] = count  # Paginator.count is a cached_property
        if rows or wanted == 1:
            return self._get_page(rows, wanted, self)  # type: ignore[attr-defined]
        return super().get_page(number)  # past the end: the last page


def _page_number(number: Any) -> int:
    """`number` as an integer; 1 when it is not one (as Django's `get_page` takes it)."""
    try:
        if isinstance(number, float) and not number.is_integer():
            return 1
        return int(number)
    except (TypeError, ValueError):
        return 1
