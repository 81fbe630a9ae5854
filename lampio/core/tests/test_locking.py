"""`lock_rows` locks the rows asked for, and no related row through a default ordering."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from lampio.core.locking import lock_rows
from lampio.spaces.models import Space

pytestmark = pytest.mark.django_db


def test_locking_a_space_neither_joins_nor_locks_its_venue(make_space):
    space = make_space()  # ordered by its venue's name by default
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        lock_rows(Space.objects.filter(pk=space.pk))
    (lock,) = [query["sql"] for query in queries.captured_queries if "spaces_space" in query["sql"]]
    assert "JOIN" not in lock and "ORDER BY" not in lock
    if connection.vendor == "postgresql":
        assert lock.endswith("FOR UPDATE")
