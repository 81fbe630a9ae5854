"""Issue #7's journeys: paying a booking online at the (fake) provider, an association's
invoice, a cancelled payment whose time is released, and the checkout without JavaScript.

The fake Paytrail runs on its own port; its server-to-server callback and its redirect come
back to the live server, as Paytrail's would. Locators use ids, classes and values rather than
UI text, and expected texts come from the catalogues, so the journeys hold as translations
arrive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from lampio.bookings.models import Booking, BookingStatus
from lampio.core.timeranges import local_datetime
from lampio.notifications.models import Delivery
from lampio.payments.fake_paytrail import FakePaytrail, serve
from lampio.payments.models import Order, OrderStatus, ProviderEvent, SellerSettings
from lampio.spaces.models import PriceType
from lampio.tenancy.models import OrganisationKind
from tests.browser.conftest import assert_accessible


@pytest.fixture
def paytrail(settings: Any, live_server: Any, page: Page) -> Iterator[FakePaytrail]:
    """The fake provider, with the site's return and callback addresses on the live server."""
    fake = FakePaytrail(
        account=settings.LAMPIO_PAYTRAIL_ACCOUNT, secret=settings.LAMPIO_PAYTRAIL_SECRET
    )
    server = serve(fake)
    # The fake's bare page names no icon; Chromium's guess at one would count as a page error.
    page.route(f"{fake.base_url}/favicon.ico", lambda route: route.fulfill(status=204))
    settings.LAMPIO_PAYTRAIL_URL = fake.base_url
    settings.LAMPIO_SITE_URL = live_server.url
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def day() -> date:
    return timezone.localdate() + timedelta(days=5)


@pytest.fixture
def hall(make_space: Any) -> Any:
    """A party hall at 20 € an hour, paid online or by invoice."""
    space = make_space(
        price_type=PriceType.PER_HOUR,
        price=Decimal("20.00"),
        name_fi="Juhlasali",
        name_sv="Festsal",
        terms_fi="Siivoa jälkesi.",
    )
    SellerSettings.objects.create(
        organisation_id=space.organisation_id,
        business_id="0201256-6",
        online_enabled=True,
        invoice_enabled=True,
    )
    return space


def in_finnish(text: str) -> str:
    with translation.override("fi"):
        return gettext(text)


def book_the_evening(page: Page, space: Any, day: date, person: Any) -> Order:
    """Book 18–20 through the real booking form; a paid space continues to the checkout."""
    page.goto(f"/fi/spaces/{space.pk}/?date={day.isoformat()}")
    page.locator(".slot--free a[data-start='18:00']").click()
    page.locator("#id_ends_at").fill("20:00")
    page.locator("#id_purpose").fill("Syntymäpäivät")
    page.locator("#id_attendees").fill("20")
    page.locator("#id_accept_terms").check()
    page.locator("main form.form button[type=submit]").click()
    order = Order.objects.get(customer=person)
    expect(page).to_have_url(re.compile(rf"/fi/payments/checkout/{order.pk}/$"))
    return order


def test_a_resident_pays_a_booking_online(page, log_in, resident, hall, day, paytrail):
    log_in(page, resident)
    order = book_the_evening(page, hall, day, resident)
    booking = Booking.objects.get(pk=order.booking_id)
    assert booking.status == BookingStatus.HELD

    # The checkout tells until when the time is held and what it costs: 2 h × 20 €.
    held = timezone.localtime(booking.hold_expires_at).strftime("%H.%M")
    expect(page.locator("#held-until")).to_contain_text(held)
    rows = page.locator("table.order-rows")
    expect(rows.locator("tbody tr")).to_have_count(1)
    expect(rows.locator("tbody tr")).to_contain_text("20,00 €")
    expect(rows.locator("tfoot")).to_contain_text("40,00 €")
    expect(page.locator("main")).to_contain_text(order.reference)
    # Each choice is a group with its own legend.
    expect(page.locator("fieldset:has(input[name=method]) > legend")).to_have_count(1)
    assert_accessible(page)

    # Online payment continues on the provider's page.
    page.locator("input[name=method][value=online]").check()
    page.locator("main form.checkout-form button[type=submit]").click()
    expect(page).to_have_url(re.compile("^" + re.escape(paytrail.base_url) + "/pay/"))
    expect(page.locator("main")).to_contain_text("40,00 €")
    page.get_by_role("button", name="Maksa", exact=True).click()

    # Back on the receipt: paid, with the order number and the total.
    order.refresh_from_db()
    expect(page).to_have_url(re.compile(rf"/fi/payments/receipt/{order.receipt_token}/$"))
    expect(page.locator("h1")).to_contain_text(order.reference)
    expect(page.locator(".order-status")).to_have_text(in_finnish("Paid"))
    expect(page.locator("table.order-rows tfoot")).to_contain_text("40,00 €")
    assert_accessible(page)
    assert order.status == OrderStatus.PAID
    # The callback and the browser's return told the same news; it was applied once.
    assert ProviderEvent.objects.filter(payment__order=order, status="ok").count() == 1
    assert Delivery.objects.filter(recipient=resident, key="payments.receipt").count() == 1

    # The booking is confirmed, and its page links to the receipt.
    page.goto(f"/fi/bookings/{booking.pk}/")
    expect(page.locator(".booking-status--confirmed")).to_be_visible()
    receipt_link = page.locator(f"main a[href='/fi/payments/receipt/{order.receipt_token}/']")
    expect(receipt_link).to_have_count(1)
    assert_accessible(page)

    # "My payments" is linked from "My bookings" and lists the order.
    page.goto("/fi/bookings/")
    page.locator("main a[href='/fi/payments/']").click()
    expect(page).to_have_url(re.compile(r"/fi/payments/$"))
    expect(
        page.locator(f"main a[href='/fi/payments/receipt/{order.receipt_token}/']")
    ).to_have_text(order.reference)
    assert_accessible(page)


def test_an_association_is_invoiced(page, log_in, make_organisation, make_member, hall, day):
    association = make_organisation(kind=OrganisationKind.ASSOCIATION)
    member = make_member(association)
    log_in(page, member)
    order = book_the_evening(page, hall, day, member)

    # The association pays by invoice; a first try without the name comes back filled in.
    page.locator(f"input[name=payer][value='{association.pk}']").check()
    page.locator("input[name=group][value=association]").check()
    page.locator("input[name=method][value=invoice]").check()
    page.locator("#id_billing_email").fill("rahastonhoitaja@example.fi")
    page.locator("#id_customer_reference").fill("Kevätjuhla")
    page.locator("main form.checkout-form button[type=submit]").click()
    expect(page.locator("#id_billing_name_error")).to_have_text(
        in_finnish("Give the name the invoice is addressed to.")
    )
    expect(page.locator("#id_billing_email")).to_have_value("rahastonhoitaja@example.fi")
    expect(page.locator("#id_customer_reference")).to_have_value("Kevätjuhla")
    expect(page.locator(f"input[name=payer][value='{association.pk}']")).to_be_checked()
    expect(page.locator("input[name=group][value=association]")).to_be_checked()
    expect(page.locator("input[name=method][value=invoice]")).to_be_checked()
    assert_accessible(page)

    page.locator("#id_billing_name").fill("Kuoro Kaiku ry")
    page.locator("main form.checkout-form button[type=submit]").click()
    order.refresh_from_db()
    expect(page).to_have_url(re.compile(rf"/fi/payments/receipt/{order.receipt_token}/$"))
    expect(page.locator(".order-status")).to_have_text(in_finnish("To be invoiced"))
    expect(page.locator("main")).to_contain_text("Kuoro Kaiku ry")
    expect(page.locator("main")).to_contain_text("Kevätjuhla")
    assert_accessible(page)
    assert order.status == OrderStatus.INVOICED
    assert order.payer_organisation == association
    assert Booking.objects.get(pk=order.booking_id).status == BookingStatus.CONFIRMED
    assert Delivery.objects.filter(recipient=member, key="payments.confirmed").exists()


def test_a_cancelled_payment_keeps_the_time_until_it_is_released(
    page, log_in, resident, hall, day, paytrail
):
    log_in(page, resident)
    order = book_the_evening(page, hall, day, resident)
    page.locator("input[name=method][value=online]").check()
    page.locator("main form.checkout-form button[type=submit]").click()
    page.get_by_role("button", name="Peruuta maksu", exact=True).click()

    # Back at the checkout: the time is still held, and the page says until when.
    expect(page).to_have_url(re.compile(rf"/fi/payments/checkout/{order.pk}/$"))
    booking = Booking.objects.get(pk=order.booking_id)
    held = timezone.localtime(booking.hold_expires_at).strftime("%H.%M")
    expect(page.locator(".message--warning")).to_contain_text(held)
    assert booking.status == BookingStatus.HELD
    assert_accessible(page)

    # Releasing the time frees the slot for others at once.
    page.locator(f"main form[action='/fi/payments/checkout/{order.pk}/release/'] button").click()
    expect(page).to_have_url(re.compile(rf"/fi/spaces/{hall.pk}/$"))
    expect(page.locator(".message--success")).to_be_visible()
    booking.refresh_from_db()
    order.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert order.status == OrderStatus.CANCELLED
    page.goto(f"/fi/spaces/{hall.pk}/?date={day.isoformat()}")
    expect(page.locator(".slot--free a[data-start='18:00']")).to_have_count(1)
    expect(page.locator(".slot--free a[data-start='19:00']")).to_have_count(1)


def test_the_invoice_checkout_works_without_javascript(
    page_without_js, log_in, make_organisation, make_member, hall, day
):
    page = page_without_js
    association = make_organisation(kind=OrganisationKind.ASSOCIATION)
    member = make_member(association)
    log_in(page, member)
    order = book_the_evening(page, hall, day, member)

    page.locator(f"input[name=payer][value='{association.pk}']").check()
    page.locator("input[name=group][value=association]").check()
    page.locator("input[name=method][value=invoice]").check()
    page.locator("#id_billing_name").fill("Kuoro Kaiku ry")
    page.locator("main form.checkout-form button[type=submit]").click()
    # A postal, e-invoice or email address is needed; the name typed is kept.
    expect(page.locator("#id_billing_address_error")).to_be_visible()
    expect(page.locator("#id_billing_name")).to_have_value("Kuoro Kaiku ry")
    page.locator("#id_billing_address").fill("Kirkkokatu 2")
    page.locator("#id_billing_postcode").fill("90100")
    page.locator("#id_billing_city").fill("Oulu")
    page.locator("main form.checkout-form button[type=submit]").click()

    order.refresh_from_db()
    expect(page).to_have_url(re.compile(rf"/fi/payments/receipt/{order.receipt_token}/$"))
    expect(page.locator(".order-status")).to_have_text(in_finnish("To be invoiced"))
    assert order.status == OrderStatus.INVOICED
    assert order.billing_city == "Oulu"
    assert Booking.objects.get(pk=order.booking_id).starts_at == local_datetime(day, time(18))
