"""Season package pages: the provider's plans and sales, the care unit's buying and paying."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone, translation

from lampio.digital.models import PackagePlan, PackageUse, SeasonPackage
from lampio.offerings.models import GroupOrder, OrderStatus
from lampio.tenancy.access import org_url_kwargs

pytestmark = pytest.mark.usefixtures("no_staff_mfa")


def url(name: str, org: Any, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(name, kwargs={**org_url_kwargs(org), **kwargs})


@pytest.fixture
def plan(concert_provider: Any) -> PackagePlan:
    today = timezone.localdate()
    return PackagePlan.objects.create(
        provider=concert_provider,
        name_fi="Syyskausi",
        name_en="Autumn season",
        sessions_included=10,
        price=Decimal("450.00"),
        season_starts=today - timedelta(days=1),
        season_ends=today + timedelta(days=90),
    )


def test_the_provider_creates_a_plan_and_sees_who_bought_it(
    client: Any, concert_provider: Any, concert_editor: Any, care_unit: Any, care_worker: Any
) -> None:
    client.force_login(concert_editor)
    response = client.post(
        url("digital_staff:package_new", concert_provider),
        {
            "name_fi": "Kevätkausi",
            "name_sv": "Vårsäsong",
            "name_en": "Spring season",
            "sessions_included": "10",
            "price": "450",
            "season_starts": "2030-01-01",
            "season_ends": "2030-05-31",
            "is_on_sale": "on",
        },
    )
    assert response.status_code == 302
    plan = PackagePlan.objects.get()
    assert (plan.name_sv, plan.sessions_included, plan.is_on_sale) == ("Vårsäsong", 10, True)
    assert LogEntry.objects.get_for_object(plan).get().actor == concert_editor
    SeasonPackage.objects.create(
        plan=plan, unit=care_unit, sessions_included=10, sessions_used=3, price=plan.price
    )

    body = client.get(url("digital_staff:package_edit", concert_provider, plan_id=plan.pk))

    assert care_unit.name in body.content.decode()
    assert "3 of 10 sessions used" in body.content.decode()


def test_a_season_ending_before_it_starts_comes_back_next_to_the_field(
    client: Any, concert_provider: Any, concert_editor: Any
) -> None:
    client.force_login(concert_editor)
    response = client.post(
        url("digital_staff:package_new", concert_provider),
        {
            "name_fi": "Kausi",
            "sessions_included": "5",
            "price": "100",
            "season_starts": "2030-05-01",
            "season_ends": "2030-01-01",
        },
    )
    assert response.status_code == 200
    assert "The season must end after it starts." in response.content.decode()
    assert not PackagePlan.objects.exists()


def test_a_care_unit_buys_a_package_after_confirming(
    client: Any, plan: PackagePlan, care_unit: Any, care_worker: Any
) -> None:
    client.force_login(care_worker)
    listing = client.get(url("digital:care_packages", care_unit)).content.decode()
    buy = url("digital:care_package_buy", care_unit, plan_id=plan.pk)
    assert "Autumn season" in listing and buy in listing
    assert client.get(buy).status_code == 200 and not SeasonPackage.objects.exists()

    response = client.post(buy)

    package = SeasonPackage.objects.get()
    assert response["Location"] == url("digital:care_package", care_unit, package_id=package.pk)
    assert (package.unit, package.sessions_included, package.price) == (
        care_unit,
        10,
        Decimal("450.00"),
    )
    assert LogEntry.objects.get_for_object(package).get().actor == care_worker
    mine = client.get(url("digital:care_packages", care_unit)).content.decode()
    assert "0 of 10 sessions used" in mine


def test_a_provider_is_not_a_care_unit(
    client: Any, concert_provider: Any, concert_editor: Any, make_member: Any
) -> None:
    client.force_login(make_member(concert_provider, role="staff"))

    assert client.get(url("digital:care_packages", concert_provider)).status_code == 404


def test_the_order_page_offers_the_package_and_paying_uses_a_session(
    client: Any,
    plan: PackagePlan,
    care_unit: Any,
    care_worker: Any,
    concert: Any,
    make_session: Any,
) -> None:
    package = SeasonPackage.objects.create(
        plan=plan, unit=care_unit, sessions_included=10, sessions_used=2, price=plan.price
    )
    order = GroupOrder.objects.create(
        offering=concert,
        occurrence=make_session(),
        unit=care_unit,
        group_size=8,
        status=OrderStatus.ACCEPTED,
    )
    client.force_login(care_worker)
    with translation.override("en"):
        order_page = reverse("offerings:unit_order", kwargs={"order_id": order.pk})
    pay = url("digital:use_package", care_unit, order_id=order.pk)

    body = client.get(order_page).content.decode()
    assert "Pay with a season package" in body and f'action="{pay}"' in body

    response = client.post(pay, {"package": str(package.pk)})

    assert response.status_code == 302 and response["Location"].endswith(f"/{order.pk}/")
    package.refresh_from_db()
    assert package.sessions_used == 3 and PackageUse.objects.get().order == order
    after = client.get(order_page).content.decode()
    assert "3 of 10 sessions used" in after and f'action="{pay}"' not in after


def test_another_units_package_cannot_pay_the_order(
    client: Any,
    plan: PackagePlan,
    care_unit: Any,
    care_worker: Any,
    concert: Any,
    make_session: Any,
    make_organisation: Any,
) -> None:
    other_unit = make_organisation(kind=care_unit.kind)
    theirs = SeasonPackage.objects.create(
        plan=plan, unit=other_unit, sessions_included=10, price=plan.price
    )
    order = GroupOrder.objects.create(
        offering=concert, occurrence=make_session(), unit=care_unit, group_size=8
    )
    client.force_login(care_worker)

    client.post(url("digital:use_package", care_unit, order_id=order.pk), {"package": theirs.pk})

    theirs.refresh_from_db()
    assert theirs.sessions_used == 0 and not PackageUse.objects.exists()
