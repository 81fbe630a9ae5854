"""Twenty care workers pay orders with the last three sessions of one package at once.

Each attempt runs in its own thread with its own database connection, as requests arriving at
several app servers would. The conditional UPDATE decides who gets a session, and the check
constraint `package_never_overused` refuses any write that would overspend.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection, connections
from django.utils import timezone

from lampio.digital.models import PackagePlan, PackageUse, SeasonPackage
from lampio.digital.services.packages import PackageUsedUp, use_package
from lampio.offerings.models import GroupOrder, OrderStatus

ATTEMPTS = 20
INCLUDED, USED = 10, 7  # three sessions left
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="runs in the PostgreSQL pass"
)


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_twenty_uses_at_once_spend_the_last_three_sessions_exactly(
    concert: Any, care_unit: Any, care_worker: Any, make_session: Any
) -> None:
    today = timezone.localdate()
    plan = PackagePlan.objects.create(
        provider=concert.organisation,
        name_fi="Kausi",
        sessions_included=INCLUDED,
        price=Decimal("300"),
        season_starts=today,
        season_ends=today + timedelta(days=60),
    )
    package = SeasonPackage.objects.create(
        plan=plan, unit=care_unit, sessions_included=INCLUDED, sessions_used=USED, price=plan.price
    )
    orders = [
        GroupOrder.objects.create(
            offering=concert,
            occurrence=make_session(starts_in=timedelta(days=1, hours=n)),
            unit=care_unit,
            group_size=5,
            status=OrderStatus.ACCEPTED,
        )
        for n in range(ATTEMPTS)
    ]
    barrier = threading.Barrier(ATTEMPTS)

    def attempt(order_id: int) -> str:
        try:
            order = GroupOrder.objects.select_related("offering", "occurrence", "unit").get(
                pk=order_id
            )
            mine = SeasonPackage.objects.select_related("plan").get(pk=package.pk)
            barrier.wait(timeout=30)
            use_package(actor=care_worker, order=order, package=mine)
            return "used"
        except PackageUsedUp:
            return "used up"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=ATTEMPTS) as pool:
        outcomes = list(pool.map(attempt, [order.pk for order in orders]))

    assert outcomes.count("used") == INCLUDED - USED, outcomes
    assert outcomes.count("used up") == ATTEMPTS - (INCLUDED - USED), outcomes
    package.refresh_from_db()
    assert package.sessions_used == package.sessions_included == INCLUDED
    assert PackageUse.objects.filter(package=package).count() == INCLUDED - USED
