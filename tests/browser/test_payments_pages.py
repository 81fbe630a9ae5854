"""axe-core over the resident payment pages that need orders, in Finnish, Swedish and English:
the checkout (fresh and sent back with errors), receipts of a paid and an invoiced order, my
payments, the lapsed hold, a return that does not verify, and a booking's payment section.
"""

from __future__ import annotations

from datetime import time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lampio.core.timeranges import local_datetime
from lampio.payments.models import (
    Order,
    OrderStatus,
    PaymentMethod,
    PriceBasis,
    PriceGroup,
    PriceRule,
    SellerSettings,
)
from lampio.payments.services import checkout
from lampio.spaces.models import PriceType
from lampio.tenancy.models import OrganisationKind
from tests.browser.conftest import axe_violations, describe

LANGUAGES = ["fi", "sv", "en"]


@pytest.fixture
def orders(resident, make_space, make_organisation, make_member) -> dict[str, Any]:
    """A held order, a paid one, an invoiced one (an association's) and one whose hold lapsed."""
    space = make_space(price_type=PriceType.PER_HOUR, price=Decimal("20.00"), name_fi="Juhlasali")
    SellerSettings.objects.create(
        organisation_id=space.organisation_id, business_id="0201256-6", on_site_enabled=True
    )
    PriceRule.objects.create(
        organisation_id=space.organisation_id,
        space=space,
        group=PriceGroup.REDUCED,
        basis=PriceBasis.PER_HOUR,
        amount=Decimal("10.00"),
        vat_rate=Decimal("0"),
        valid_from=timezone.localdate() - timedelta(days=1),
    )
    day = timezone.localdate() + timedelta(days=3)

    def reserve(hour: int, person: Any = resident, **kwargs: Any) -> Order:
        return checkout.reserve_paid_booking(
            actor=person,
            space=space,
            starts_at=local_datetime(day, time(hour)),
            ends_at=local_datetime(day, time(hour + 2)),
            purpose="Syntymäpäivät",
            attendees=20,
            **kwargs,
        )

    held = reserve(10)
    paid = reserve(13)
    checkout.choose_payment(
        actor=resident, order=paid, choice=checkout.PaymentChoice(method=PaymentMethod.ON_SITE)
    )
    # Settled online in the journeys; here only its look matters.
    Order.objects.filter(pk=paid.pk).update(
        status=OrderStatus.PAID, method=PaymentMethod.ONLINE, paid_at=timezone.now()
    )
    association = make_organisation(kind=OrganisationKind.ASSOCIATION)
    member = make_member(association)
    invoiced = reserve(16, person=member)
    checkout.choose_payment(
        actor=member,
        order=invoiced,
        choice=checkout.PaymentChoice(
            method=PaymentMethod.INVOICE,
            group=PriceGroup.ASSOCIATION,
            payer=association,
            billing=checkout.BillingDetails(name="Kuoro Kaiku ry", email="kaiku@example.fi"),
        ),
    )
    lapsed = reserve(19, now=timezone.now() - timedelta(hours=2))
    return {
        "held": held,
        "paid": Order.objects.get(pk=paid.pk),
        "invoiced": Order.objects.get(pk=invoiced.pk),
        "lapsed": lapsed,
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_payment_pages_have_no_axe_violations(
    page, page_problems, log_in, language, resident, orders
):
    log_in(page, resident)
    held, paid, invoiced = orders["held"], orders["paid"], orders["invoiced"]
    pages = {
        f"payments/checkout/{held.pk}/": 200,
        f"payments/receipt/{paid.receipt_token}/": 200,
        f"payments/receipt/{invoiced.receipt_token}/": 200,
        "payments/": 200,
        f"bookings/{held.booking_id}/": 200,
        f"bookings/{paid.booking_id}/": 200,
        f"payments/checkout/{orders['lapsed'].pk}/": 409,
        "payments/return/?checkout-stamp=x&signature=y": 400,
    }
    problems = []

    def sweep(label: str) -> None:
        expect(page.locator("h1"), f"one h1 on {label}").to_have_count(1)
        if violations := axe_violations(page):
            problems.append(f"{label}:\n{describe(violations)}")

    for path, status in pages.items():
        response = page.goto(f"/{language}/{path}")
        assert response is not None and response.status == status, f"/{language}/{path}"
        sweep(f"/{language}/{path}")
        if status != 200:  # the browser logs the answer's status; here it is the point
            expected = f"status of {status} "
            page_problems.messages = [m for m in page_problems.messages if expected not in m]
    # The held booking's page leads to its checkout, the paid one's to its receipt.
    page.goto(f"/{language}/bookings/{held.booking_id}/")
    expect(page.locator(f"main a[href='/{language}/payments/checkout/{held.pk}/']")).to_have_count(
        1
    )
    page.goto(f"/{language}/bookings/{paid.booking_id}/")
    receipt = f"main a[href='/{language}/payments/receipt/{paid.receipt_token}/']"
    expect(page.locator(receipt)).to_have_count(1)

    # The checkout sent back with errors: invoices go to organisations, not to a person.
    page.goto(f"/{language}/payments/checkout/{held.pk}/")
    page.locator("input[name=method][value=invoice]").check()
    page.locator("main form.checkout-form button[type=submit]").click()
    expect(page.locator(".errorlist").nth(0)).to_be_attached()
    assert page.locator("input[name=method][value=invoice]").is_checked()
    sweep("checkout with errors")
    assert not problems, "\n".join(problems)


def test_the_receipt_prints_without_the_site_around_it(page, log_in, resident, orders):
    log_in(page, resident)
    page.goto(f"/fi/payments/receipt/{orders['paid'].receipt_token}/")
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".receipt .no-print"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".receipt h1").is_visible()
    assert page.locator(".receipt table.order-rows").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
