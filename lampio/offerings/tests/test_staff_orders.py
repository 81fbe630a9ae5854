"""The provider's orders inbox: accept, decline or propose another time, only for one's own."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from lampio.core.timeranges import local_datetime
from lampio.offerings.models import GroupOrder, OrderStatus, ProposedTime
from lampio.offerings.tests.staff import url
from lampio.tenancy.models import OrganisationKind, Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_staff_mfa")]


@pytest.fixture
def unit(provider, make_organisation):
    return make_organisation(municipality=provider.municipality, kind=OrganisationKind.CARE_UNIT)


@pytest.fixture
def teacher(unit, make_member):
    return make_member(unit, role=Role.CARE_STAFF, first_name="Tiina", last_name="Opettaja")


@pytest.fixture
def listed_order(provider, make_offering, unit, teacher):
    offering = make_offering(provider, capacity=10, title_fi="Sirkuskoulu")
    return GroupOrder.objects.create(
        offering=offering,
        occurrence=offering.occurrences.get(),
        unit=unit,
        ordered_by=teacher,
        group_size=6,
        accompanying_staff=2,
        special_needs="Kaksi pyörätuolia.",
    )


@pytest.fixture
def on_request_order(provider, make_offering, unit, teacher):
    offering = make_offering(provider, occurrences=0, on_request=True, title_fi="Satutunti")
    order = GroupOrder.objects.create(
        offering=offering, unit=unit, ordered_by=teacher, group_size=12, accompanying_staff=3
    )
    day = timezone.localdate() + timedelta(days=10)
    for hour in (9, 13):
        ProposedTime.objects.create(
            order=order,
            starts_at=local_datetime(day, time(hour)),
            ends_at=local_datetime(day, time(hour + 1)),
        )
    return order


def test_the_inbox_lists_orders_by_status(
    editor_client, provider, listed_order, on_request_order, make_offering, make_organisation
):
    GroupOrder.objects.filter(pk=on_request_order.pk).update(status=OrderStatus.PROPOSED)
    others = make_offering(make_organisation(), title_fi="Muiden konsertti")
    GroupOrder.objects.create(
        offering=others, occurrence=others.occurrences.get(), unit=listed_order.unit, group_size=4
    )
    response = editor_client.get(url("orders", provider))
    assert response.status_code == 200
    sections = {key: orders for key, _label, orders in response.context["sections"]}
    assert sections["pending"] == [listed_order]
    assert [o.pk for o in sections["proposed"]] == [on_request_order.pk]
    assert sections["accepted"] == []
    html = response.content.decode()
    assert "Sirkuskoulu" in html and "Muiden konsertti" not in html


def test_the_order_page_shows_the_group_and_its_needs(editor_client, provider, listed_order):
    response = editor_client.get(url("order", provider, order_id=listed_order.pk))
    html = response.content.decode()
    assert "Kaksi pyörätuolia." in html and "Tiina Opettaja" in html
    assert response.context["may_accept"] is True


def test_accepting_an_order_for_a_listed_time_takes_its_seats(
    editor_client, editor, provider, listed_order
):
    response = editor_client.post(
        url("order_accept", provider, order_id=listed_order.pk), {"accept-message": "Tervetuloa!"}
    )
    assert response.status_code == 302
    listed_order.refresh_from_db()
    assert (listed_order.status, listed_order.provider_message) == (
        OrderStatus.ACCEPTED,
        "Tervetuloa!",
    )
    assert listed_order.occurrence.seats_taken == 8
    update = LogEntry.objects.get_for_object(listed_order).filter(action=LogEntry.Action.UPDATE)
    assert update.get().actor == editor
    # Answering again is told on the page, not lost.
    response = editor_client.post(
        url("order_decline", provider, order_id=listed_order.pk),
        {"decline-message": "Ei sittenkään."},
        follow=True,
    )
    assert "Tilaus on jo käsitelty" in response.content.decode()
    listed_order.refresh_from_db()
    assert listed_order.status == OrderStatus.ACCEPTED


def test_an_order_on_request_is_accepted_at_one_of_its_proposed_times(
    editor_client, provider, on_request_order
):
    accept = url("order_accept", provider, order_id=on_request_order.pk)
    response = editor_client.post(accept, {"accept-message": "Sopii."})
    assert response.status_code == 200
    assert "proposed_time" in response.context["accept_form"].errors
    assert "Sopii." in response.content.decode()
    chosen = on_request_order.proposed_times.order_by("starts_at").last()
    assert editor_client.post(accept, {"accept-proposed_time": chosen.pk}).status_code == 302
    on_request_order.refresh_from_db()
    session = on_request_order.occurrence
    assert on_request_order.status == OrderStatus.ACCEPTED
    assert (session.starts_at, session.is_public, session.seats_taken) == (
        chosen.starts_at,
        False,
        15,
    )


def test_another_groups_proposed_time_cannot_be_chosen(
    editor_client, provider, on_request_order, listed_order
):
    foreign = ProposedTime.objects.create(
        order=listed_order,
        starts_at=timezone.now() + timedelta(days=5),
        ends_at=timezone.now() + timedelta(days=5, hours=1),
    )
    response = editor_client.post(
        url("order_accept", provider, order_id=on_request_order.pk),
        {"accept-proposed_time": foreign.pk},
    )
    assert response.status_code == 200
    assert "proposed_time" in response.context["accept_form"].errors
    on_request_order.refresh_from_db()
    assert on_request_order.status == OrderStatus.PENDING


def test_declining_needs_a_reason(editor_client, provider, listed_order):
    decline = url("order_decline", provider, order_id=listed_order.pk)
    response = editor_client.post(decline, {"decline-message": "  "})
    assert response.status_code == 200
    assert "message" in response.context["decline_form"].errors
    assert editor_client.post(decline, {"decline-message": "Ohjaaja sairas."}).status_code == 302
    listed_order.refresh_from_db()
    assert (listed_order.status, listed_order.provider_message) == (
        OrderStatus.DECLINED,
        "Ohjaaja sairas.",
    )


def test_proposing_another_time(editor_client, provider, on_request_order):
    propose = url("order_propose", provider, order_id=on_request_order.pk)
    past = (timezone.localdate() - timedelta(days=2)).isoformat()
    data = {"propose-date": past, "propose-starts": "10:00", "propose-ends": "11:00"}
    response = editor_client.post(propose, {**data, "propose-message": "Käykö tämä?"})
    assert response.status_code == 200
    assert "starts" in response.context["propose_form"].errors
    assert "Käykö tämä?" in response.content.decode()
    day = timezone.localdate() + timedelta(days=20)
    data["propose-date"] = day.isoformat()
    assert editor_client.post(propose, data).status_code == 302
    on_request_order.refresh_from_db()
    assert on_request_order.status == OrderStatus.PROPOSED
    assert on_request_order.proposed_starts_at == local_datetime(day, time(10))
    page = editor_client.get(url("order", provider, order_id=on_request_order.pk))
    assert page.context["may_accept"] is False and page.context["is_open"] is True


def test_orders_of_another_provider_are_not_found(
    client, provider, listed_order, make_organisation, make_member, teacher
):
    other = make_organisation()
    client.force_login(make_member(other, role=Role.ADMIN))
    assert client.get(url("order", provider, order_id=listed_order.pk)).status_code == 404
    assert client.get(url("order", other, order_id=listed_order.pk)).status_code == 404
    assert client.post(url("order_accept", other, order_id=listed_order.pk)).status_code == 404
    assert client.get(url("orders", other)).context["sections"][0][2] == []
    listed_order.refresh_from_db()
    assert listed_order.status == OrderStatus.PENDING
    # The ordering unit's own staff may not answer for the provider either.
    client.force_login(teacher)
    assert client.get(url("orders", provider)).status_code == 404
