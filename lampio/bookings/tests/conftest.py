"""Fixtures the access tests share: a code-access space and a booking of it."""

from __future__ import annotations

from datetime import date, time

import pytest

from lampio.bookings import services
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import AccessMethod

DAY = date(2030, 6, 12)
NOW = local_datetime(date(2030, 6, 1), time(12))


@pytest.fixture
def code_space(make_space):
    return make_space(
        access_method=AccessMethod.CODE,
        door_id="main",
        access_instructions_en="Keypad by the main door.",
    )


@pytest.fixture
def booking(code_space, resident):
    """The resident's 18–20 choir practice on DAY, booked on NOW."""
    return services.book_space(
        actor=resident,
        space=code_space,
        starts_at=local_datetime(DAY, time(18)),
        ends_at=local_datetime(DAY, time(20)),
        purpose="Kuoroharjoitus",
        attendees=5,
        now=NOW,
    )
