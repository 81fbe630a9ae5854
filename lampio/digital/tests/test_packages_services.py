"""Season packages: buying copies the plan; using one is checked and never overspends."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation

from lampio.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from lampio.core.multilingual import Translated
from lampio.digital.models import PackagePlan, PackageUse, SeasonPackage
from lampio.digital.services.packages import (
    PackageUsedUp,
    PlanDetails,
    buy_package,
    create_plan,
    release_package_use,
    use_package,
)
from lampio.offerings.models import GroupOrder, OrderStatus
from lampio.offerings.services import cancel_order
from lampio.tenancy.models import Role


@pytest.fixture(autouse=True)
def _messages_in_english() -> Iterator[None]:
    """These tests read the services' refusals in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def plan(concert_provider: Any) -> PackagePlan:
    today = timezone.localdate()
    return PackagePlan.objects.create(
        provider=concert_provider,
        name_fi="Syyskausi",
        name_en="Autumn season",
        sessions_included=3,
        price=Decimal("120.00"),
        season_starts=today - timedelta(days=30),
        season_ends=today + timedelta(days=60),
    )


@pytest.fixture
def package(plan: PackagePlan, care_unit: Any, care_worker: Any) -> SeasonPackage:
    return buy_package(actor=care_worker, unit=care_unit, plan=plan)


@pytest.fixture
def make_order(concert: Any, care_unit: Any, make_session: Any) -> Any:
    def make(starts_in: timedelta = timedelta(days=2), **fields: Any) -> GroupOrder:
        return GroupOrder.objects.create(
            offering=fields.pop("offering", concert),
            occurrence=make_session(starts_in=starts_in),
            unit=fields.pop("unit", care_unit),
            group_size=8,
            status=fields.pop("status", OrderStatus.ACCEPTED),
        )

    return make


def test_the_provider_creates_a_plan_in_three_languages(
    concert_provider: Any, concert_editor: Any
) -> None:
    plan = create_plan(
        actor=concert_editor,
        provider=concert_provider,
        details=PlanDetails(
            name=Translated(fi="Kevät", sv="Vår", en="Spring"),
            sessions_included=10,
            price=Decimal("450"),
            season_starts=date(2030, 1, 1),
            season_ends=date(2030, 5, 31),
        ),
    )
    assert (plan.name_fi, plan.name_sv, plan.name_en) == ("Kevät", "Vår", "Spring")


def test_a_plan_needs_a_finnish_name_and_an_ordered_season(
    concert_provider: Any, concert_editor: Any
) -> None:
    details = PlanDetails(
        name=Translated(fi="Kevät"),
        sessions_included=10,
        price=Decimal("450"),
        season_starts=date(2030, 5, 1),
        season_ends=date(2030, 1, 1),
    )
    with pytest.raises(InvalidInput) as refused:
        create_plan(actor=concert_editor, provider=concert_provider, details=details)
    assert refused.value.field == "season_ends"


def test_others_may_not_create_plans_for_the_provider(
    concert_provider: Any, care_worker: Any
) -> None:
    with pytest.raises(NotFound):
        create_plan(
            actor=care_worker,
            provider=concert_provider,
            details=PlanDetails(
                name=Translated(fi="X"),
                sessions_included=1,
                price=Decimal(1),
                season_starts=date(2030, 1, 1),
                season_ends=date(2030, 1, 2),
            ),
        )


def test_buying_copies_sessions_and_price(
    package: SeasonPackage, plan: PackagePlan, care_worker: Any
) -> None:
    plan.sessions_included, plan.price = 99, Decimal("1.00")
    plan.save()
    package.refresh_from_db()
    assert (package.sessions_included, package.price) == (3, Decimal("120.00"))
    assert package.bought_by == care_worker and package.sessions_used == 0


def test_only_care_unit_staff_buy_and_only_plans_on_sale(
    plan: PackagePlan, care_unit: Any, care_worker: Any, concert_editor: Any, concert_provider: Any
) -> None:
    with pytest.raises(PermissionDenied):
        buy_package(actor=concert_editor, unit=care_unit, plan=plan)
    with pytest.raises(PermissionDenied):  # a provider is no care unit
        buy_package(actor=concert_editor, unit=concert_provider, plan=plan)
    plan.is_on_sale = False
    plan.save()
    with pytest.raises(Conflict):
        buy_package(actor=care_worker, unit=care_unit, plan=plan)


def test_using_a_package_counts_one_session_and_cancelling_gives_it_back(
    package: SeasonPackage, make_order: Any, care_worker: Any
) -> None:
    order = make_order()

    use_package(actor=care_worker, order=order, package=package)

    package.refresh_from_db()
    assert package.sessions_used == 1 and PackageUse.objects.get().order == order
    cancel_order(actor=care_worker, order=order)
    package.refresh_from_db()
    assert package.sessions_used == 0 and not PackageUse.objects.exists()


def test_a_declined_order_gives_the_session_back_and_release_is_idempotent(
    package: SeasonPackage, make_order: Any, care_worker: Any
) -> None:
    order = make_order(status=OrderStatus.PENDING)
    use_package(actor=care_worker, order=order, package=package)
    order.status = OrderStatus.DECLINED
    order.save()

    package.refresh_from_db()
    assert package.sessions_used == 0
    assert release_package_use(order) is False


def test_an_order_is_paid_once_and_a_package_never_overspent(
    package: SeasonPackage, make_order: Any, care_worker: Any
) -> None:
    first = make_order()
    use_package(actor=care_worker, order=first, package=package)
    with pytest.raises(Conflict, match="already been paid"):
        use_package(actor=care_worker, order=first, package=package)
    for _ in range(2):
        use_package(actor=care_worker, order=make_order(), package=package)
    with pytest.raises(PackageUsedUp):
        use_package(actor=care_worker, order=make_order(), package=package)
    package.refresh_from_db()
    assert package.sessions_used == package.sessions_included == 3


@pytest.mark.parametrize(
    "problem",
    ["cancelled_package", "other_provider", "out_of_season", "cancelled_order", "other_unit"],
)
def test_wrong_uses_are_refused(
    problem: str,
    package: SeasonPackage,
    make_order: Any,
    care_worker: Any,
    make_organisation: Any,
    make_member: Any,
    concert: Any,
) -> None:
    order = make_order()
    expected: type[Exception] = InvalidInput
    if problem == "cancelled_package":
        SeasonPackage.objects.filter(pk=package.pk).update(is_cancelled=True)
        package.refresh_from_db()
        expected = Conflict
    elif problem == "other_provider":
        other = make_organisation()
        concert.pk = None
        concert.organisation = other
        concert.save()
        order = make_order(offering=concert)
    elif problem == "out_of_season":
        order = make_order(starts_in=timedelta(days=90))
    elif problem == "cancelled_order":
        GroupOrder.objects.filter(pk=order.pk).update(status=OrderStatus.CANCELLED)
        expected = Conflict
    elif problem == "other_unit":
        other_unit = make_organisation(kind=package.unit.kind)
        colleague = make_member(other_unit, role=Role.CARE_STAFF)
        with pytest.raises(NotFound):
            use_package(actor=colleague, order=order, package=package)
        return
    with pytest.raises(expected):
        use_package(actor=care_worker, order=order, package=package)
    package.refresh_from_db()
    assert package.sessions_used == 0 and not PackageUse.objects.exists()


def test_the_database_refuses_an_overspending_update(package: SeasonPackage) -> None:
    rows = SeasonPackage.objects.filter(pk=package.pk)
    with pytest.raises(IntegrityError, match="package_never_overused"), transaction.atomic():
        rows.update(sessions_used=F("sessions_included") + 1)
