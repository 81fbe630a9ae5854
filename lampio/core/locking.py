"""Row locks that writers queue on (PostgreSQL; SQLite's IMMEDIATE transactions serialise
writers already)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from lampio.core.multilingual import without_fallbacks


def lock_rows(rows: QuerySet[Any]) -> None:
    """Lock the rows of `rows`, and only those, until the transaction ends.

    Unordered on purpose: `first()` orders by the model's default ordering, and an ordering by
    a related name (a space by its venue's, an organisation by its municipality's) joins that
    table, whose row SELECT … FOR UPDATE then locks as well: bookings of every space of one
    venue queued behind each other. Read as stored: a translated model's language fallbacks
    would rebuild the rows of ids for nothing.
    """
    list(without_fallbacks(rows.select_for_update().order_by()).values_list("pk"))
