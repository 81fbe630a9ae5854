from __future__ import annotations

from datetime import date, time

import pytest

from lampio.bookings import selectors, services
from lampio.core.timeranges import Interval, local_datetime
from lampio.spaces.models import OpeningException, Space

pytestmark = pytest.mark.django_db

DAY = date(2030, 6, 12)
NOW = local_datetime(date(2030, 6, 1), time(12))


def at(hour: int, minute: int = 0) -> object:
    return local_datetime(DAY, time(hour, minute))


def free(wanted: Interval) -> set[str]:
    found = selectors.spaces_free_between(Space.objects.all(), wanted, now=NOW)
    return {space.slug for space in found}


def test_free_between_respects_buffers_hours_exceptions_and_window(make_space, resident):
    buffered = make_space(slug="buffered", buffer_after_minutes=60)
    services.book_space(
        actor=resident,
        space=buffered,
        starts_at=at(10),
        ends_at=at(12),
        purpose="Kuoro",
        attendees=5,
        now=NOW,
    )
    make_space(slug="evening", opens=time(17), closes=time(22))
    closed = make_space(slug="closed")
    OpeningException.objects.create(space=closed, date=DAY, is_closed=True)
    make_space(slug="short-window", booking_opens_days=3)

    assert free(Interval(at(12, 30), at(13, 30))) == set()  # buffer, hours, closed, window
    assert free(Interval(at(13), at(14))) == {"buffered"}
    assert free(Interval(at(18), at(19))) == {"buffered", "evening"}


def test_free_between_uses_a_fixed_number_of_queries(make_space, django_assert_max_num_queries):
    for _ in range(12):
        make_space(buffer_before_minutes=15)
    with django_assert_max_num_queries(5):
        assert len(free(Interval(at(18), at(19)))) == 12
