"""The resident's payment pages, and booking a paid space through the bookings page and API."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from lampio.bookings.models import Booking, BookingStatus
from lampio.payments.models import Order, OrderStatus, PaymentMethod
from lampio.payments.tests.conftest import DAY
from lampio.payments.tests.flows import news, reserve
from lampio.tenancy.models import Membership, OrganisationKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(paid_space, slot, resident):
    """Held at the real time: the pages judge the hold by the clock."""
    return reserve(resident, paid_space, slot, now=None)


@pytest.fixture
def logged_in(client, resident):
    client.force_login(resident)
    return client


def checkout_url(order):
    return reverse("payments:checkout", kwargs={"order_pk": order.pk})


def receipt_url(order):
    return reverse("payments:receipt", kwargs={"receipt_token": order.receipt_token})


def fresh(order):
    return Order.objects.get(pk=order.pk)


def test_the_checkout_shows_the_held_time_and_the_rows(logged_in, order):
    response = logged_in.get(checkout_url(order))
    assert response.status_code == 200
    html = response.content.decode()
    held = timezone.localtime(Booking.objects.get(pk=order.booking_id).hold_expires_at)
    assert held.strftime("%H.%M") in html
    assert order.reference in html
    assert "Juhlasali" in html and "40,00 €" in html
    assert 'name="method"' in html and 'value="invoice"' in html


def test_the_checkout_of_a_lapsed_hold_says_so(logged_in, paid_space, slot, resident):
    lapsed = reserve(resident, paid_space, slot, now=timezone.now() - timedelta(hours=1))
    assert logged_in.get(checkout_url(lapsed)).status_code == 409


def test_paying_by_invoice_leads_to_the_confirmation(logged_in, order, resident, make_organisation):
    choir = make_organisation(kind=OrganisationKind.ASSOCIATION)
    Membership.objects.create(user=resident, organisation=choir, role="staff")
    form = {
        "payer": str(choir.pk),
        "group": "association",
        "method": "invoice",
        "billing_name": "Kuoro ry",
        "billing_business_id": "1572860-0",
        "billing_email": "kassa@kuoro.fi",
    }
    response = logged_in.post(checkout_url(order), form)
    assert response.status_code == 302
    assert response["Location"] == receipt_url(order)
    assert fresh(order).status == OrderStatus.INVOICED
    assert Booking.objects.get(pk=order.booking_id).status == BookingStatus.CONFIRMED


def test_an_invalid_business_id_comes_back_on_the_form(
    logged_in, order, resident, make_organisation
):
    choir = make_organisation(kind=OrganisationKind.ASSOCIATION)
    Membership.objects.create(user=resident, organisation=choir, role="staff")
    form = {
        "payer": str(choir.pk),
        "group": "association",
        "method": "invoice",
        "billing_name": "Kuoro ry",
        "billing_business_id": "1572860-1",
        "billing_email": "kassa@kuoro.fi",
    }
    response = logged_in.post(checkout_url(order), form)
    assert response.status_code == 200
    assert response.context["form"].errors["billing_business_id"]
    assert 'value="Kuoro ry"' in response.content.decode()  # nothing typed is lost
    assert fresh(order).status == OrderStatus.PENDING


def test_paying_online_goes_to_the_providers_page(logged_in, fake_paytrail, order):
    form = {"payer": "me", "group": "adult", "method": "online"}
    response = logged_in.post(checkout_url(order), form)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{fake_paytrail.base_url}/pay/")
    tx = response["Location"].rsplit("/", 1)[1]
    assert fake_paytrail.payments[tx].amount == 4000


def test_the_return_with_valid_parameters_shows_the_receipt(logged_in, fake_paytrail, order):
    logged_in.post(checkout_url(order), {"payer": "me", "group": "adult", "method": "online"})
    (payment,) = fake_paytrail.payments.values()
    response = logged_in.get(reverse("payments:return"), news(fake_paytrail, payment), follow=True)
    assert response.redirect_chain[-1] == (receipt_url(order), 302)
    assert fresh(order).status == OrderStatus.PAID
    assert order.reference in response.content.decode()


def test_a_cancelled_payment_returns_to_the_checkout(logged_in, fake_paytrail, order):
    logged_in.post(checkout_url(order), {"payer": "me", "group": "adult", "method": "online"})
    (payment,) = fake_paytrail.payments.values()
    response = logged_in.get(reverse("payments:return"), news(fake_paytrail, payment, "fail"))
    assert response["Location"] == checkout_url(order)
    assert fresh(order).status == OrderStatus.PENDING


def test_the_return_with_tampered_parameters_is_400(client, fake_paytrail, order, resident):
    client.force_login(resident)
    client.post(checkout_url(order), {"payer": "me", "group": "adult", "method": "online"})
    (payment,) = fake_paytrail.payments.values()
    params = {**fake_paytrail.signed_params(payment, "fail"), "checkout-status": "ok"}
    assert client.get(reverse("payments:return"), params).status_code == 400
    assert fresh(order).status == OrderStatus.PENDING


def test_the_receipt_opens_by_its_link_without_logging_in(client, order, resident):
    from lampio.payments.services import checkout

    checkout.choose_payment(
        actor=resident, order=order, choice=checkout.PaymentChoice(PaymentMethod.ON_SITE)
    )
    response = client.get(receipt_url(order))
    assert response.status_code == 200
    assert order.reference in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"
    assert (
        client.get(receipt_url(order).replace(str(order.receipt_token)[:8], "00000000")).status_code
        == 404
    )


def test_my_orders_lists_my_orders_only(logged_in, order, paid_space, make_user):
    theirs = reserve(
        make_user(),
        paid_space,
        (order.booking.ends_at, order.booking.ends_at + timedelta(hours=1)),
        now=None,
    )
    html = logged_in.get(reverse("payments:mine")).content.decode()
    assert order.reference in html and theirs.reference not in html
    assert checkout_url(order) in html


def test_releasing_frees_the_slot(logged_in, order, paid_space):
    response = logged_in.post(reverse("payments:release", kwargs={"order_pk": order.pk}))
    assert response.status_code == 302
    assert response["Location"] == reverse("spaces:space", kwargs={"space_id": paid_space.pk})
    assert Booking.objects.get(pk=order.booking_id).status == BookingStatus.CANCELLED
    assert fresh(order).status == OrderStatus.CANCELLED


def test_another_persons_checkout_is_not_found(client, order, make_user):
    client.force_login(make_user())
    assert client.get(checkout_url(order)).status_code == 404
    release = reverse("payments:release", kwargs={"order_pk": order.pk})
    assert client.post(release).status_code == 404
    assert Booking.objects.get(pk=order.booking_id).status == BookingStatus.HELD


def test_booking_a_paid_space_on_its_page_continues_to_the_checkout(
    logged_in, paid_space, resident
):
    form = {
        "date": DAY.isoformat(),
        "starts_at": "18:00",
        "ends_at": "20:00",
        "purpose": "Syntymäpäivät",
        "attendees": "20",
        "accept_terms": "on",
    }
    response = logged_in.post(reverse("bookings:new", kwargs={"space_id": paid_space.pk}), form)
    order = Order.objects.get(customer=resident)
    assert response.status_code == 302
    assert response["Location"] == checkout_url(order)
    assert order.booking.status == BookingStatus.HELD
    assert order.total == 40


def test_the_api_gives_a_held_booking_with_where_to_pay(logged_in, paid_space, resident):
    body = {
        "space_id": paid_space.pk,
        "starts_at": f"{DAY.isoformat()}T18:00:00+03:00",
        "ends_at": f"{DAY.isoformat()}T20:00:00+03:00",
        "purpose": "Syntymäpäivät",
        "attendees": 20,
    }
    response = logged_in.post("/api/v1/bookings", json.dumps(body), content_type="application/json")
    assert response.status_code == 201
    data = response.json()
    order = Order.objects.get(customer=resident)
    assert data["status"] == "held" and data["id"] == order.booking_id
    assert data["payment_url"] == f"http://testserver{checkout_url(order)}"
    assert data["hold_expires_at"]
