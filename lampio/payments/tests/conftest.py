"""Fixtures of the payment tests: the local Paytrail stand-in and a paid space."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from decimal import Decimal

import pytest

from lampio.core.timeranges import local_datetime
from lampio.payments.fake_paytrail import FakePaytrail, serve
from lampio.payments.models import SellerSettings
from lampio.spaces.models import PriceType

DAY = date(2030, 6, 12)
NOW = local_datetime(date(2030, 6, 1), time(12))


@pytest.fixture
def fake_paytrail(settings) -> Iterator[FakePaytrail]:
    """A running fake provider; the adapter is pointed at it and callbacks reach the test server
    only when a live server runs (`settings.LAMPIO_SITE_URL`)."""
    fake = FakePaytrail(
        account=settings.LAMPIO_PAYTRAIL_ACCOUNT, secret=settings.LAMPIO_PAYTRAIL_SECRET
    )
    server = serve(fake)
    settings.LAMPIO_PAYTRAIL_URL = fake.base_url
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def paid_space(make_space):
    """A hall at 20 € an hour (VAT 0 %), paid online or by invoice."""
    space = make_space(
        price_type=PriceType.PER_HOUR,
        price=Decimal("20.00"),
        name_fi="Juhlasali",
        booking_opens_days=3650,  # the pages book at the real time, years before DAY
    )
    SellerSettings.objects.create(
        organisation_id=space.organisation_id, business_id="0201256-6", on_site_enabled=True
    )
    return space


@pytest.fixture
def slot() -> tuple:
    return local_datetime(DAY, time(18)), local_datetime(DAY, time(20))
