"""Staff pages of payments: the order list and its CSV, one order's actions, daily totals and
invoice exports, as the organisation's staff and as staff of another organisation."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation

from lampio.core.errors import NotFound, PermissionDenied
from lampio.core.timeranges import local_datetime
from lampio.payments import staff_selectors
from lampio.payments.models import (
    InvoiceExport,
    Order,
    OrderRow,
    OrderStatus,
    PaymentMethod,
    Refund,
    RefundStatus,
)
from lampio.payments.services.refunds import REFUND_REFUSED
from lampio.payments.tests.staff_factories import make_order
from lampio.tenancy.access import org_url_kwargs

pytestmark = pytest.mark.django_db
DAY = date(2030, 3, 4)


@pytest.fixture(autouse=True)
def _staff_without_mfa(settings):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


@pytest.fixture
def seller(make_organisation):
    return make_organisation()


@pytest.fixture
def staff(seller, make_member):
    return make_member(seller)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def url(name: str, org, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(f"payments_staff:{name}", kwargs={**org_url_kwargs(org), **kwargs})


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return local_datetime(day, time(hour, minute))


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def listed(response) -> list[str]:
    return [order.reference for order in response.context["page_obj"].object_list]


# The list


def test_the_list_filters_and_puts_orders_needing_attention_first(staff_client, seller):
    invoiced = make_order(seller, created_at=at(DAY, 10))
    online = make_order(
        seller, method=PaymentMethod.ONLINE, status=OrderStatus.PAID, created_at=at(DAY, 12)
    )
    flagged = make_order(
        seller,
        method=PaymentMethod.ONLINE,
        status=OrderStatus.PAID,
        created_at=at(date(2030, 3, 1), 9),
        attention="Refund refused",
        billing_name="Tanssiseura Piruetti",
    )
    resolved = make_order(
        seller,
        created_at=at(date(2030, 3, 2), 9),
        attention="Old news",
        attention_resolved_at=timezone.now(),
    )
    orders = url("orders", seller)

    assert listed(staff_client.get(orders)) == [
        flagged.reference,
        online.reference,
        invoiced.reference,
        resolved.reference,
    ]
    assert listed(staff_client.get(orders, {"status": "attention"})) == [flagged.reference]
    assert listed(staff_client.get(orders, {"status": "invoiced"})) == [
        invoiced.reference,
        resolved.reference,
    ]
    assert listed(staff_client.get(orders, {"method": "online"})) == [
        flagged.reference,
        online.reference,
    ]
    span = {"date_from": "2030-03-02", "date_to": "2030-03-04"}
    assert set(listed(staff_client.get(orders, span))) == {
        online.reference,
        invoiced.reference,
        resolved.reference,
    }
    assert listed(staff_client.get(orders, {"q": "piruetti"})) == [flagged.reference]
    assert listed(staff_client.get(orders, {"q": online.reference[3:8].lower()})) == [
        online.reference
    ]
    wrong = staff_client.get(orders, {"date_from": "2030-03-04", "date_to": "2030-03-01"})
    assert wrong.context["form"].errors["date_to"]
    assert len(listed(wrong)) == 4  # an impossible range filters nothing


def test_the_list_downloads_as_csv_with_its_filters(staff_client, seller):
    invoiced = make_order(seller, created_at=at(DAY, 10))
    make_order(seller, method=PaymentMethod.ONLINE, status=OrderStatus.PAID)
    response = staff_client.get(url("orders_csv", seller), {"method": "invoice"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="orders-')
    assert response.content.startswith(b"\xef\xbb\xbf")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 2
    fields = lines[1].split(";")
    assert fields[0] == invoiced.reference
    assert fields[1] == "04.03.2030 10:00"
    assert fields[4:8] == ["Kuoro Laulu ry", "0201256-6", "40,00", "0,00"]


def test_staff_of_another_organisation_see_none_of_the_orders(
    client, seller, make_organisation, make_member
):
    order = make_order(seller)
    elsewhere = make_organisation()
    outsider = make_member(elsewhere, role="admin")
    client.force_login(outsider)
    for page in (
        url("orders", seller),
        url("orders_csv", seller),
        url("order", seller, order_pk=order.pk),
        url("daily", seller),
        url("exports", seller),
        url("settings", seller),
    ):
        assert client.get(page).status_code == 404, page
    # Their own organisation's pages do not show the order either.
    assert client.get(url("order", elsewhere, order_pk=order.pk)).status_code == 404
    assert listed(client.get(url("orders", elsewhere))) == []
    with pytest.raises(PermissionDenied):
        staff_selectors.seller_orders(actor=outsider, seller=seller)
    with pytest.raises(NotFound):
        staff_selectors.seller_order(actor=outsider, seller=elsewhere, order_id=order.pk)


# One order


def test_a_partial_refund_of_an_invoice_makes_credit_rows(staff_client, seller):
    order = make_order(seller)
    response = staff_client.post(
        url("order_refund", seller, order_pk=order.pk),
        {"refund-amount": "10.00", "refund-reason": "Ended an hour early"},
    )
    assert response.status_code == 302
    assert response["Location"] == url("order", seller, order_pk=order.pk)
    assert said(response) == ["A refund of 10.00 € was recorded."]
    order.refresh_from_db()
    assert (order.status, order.refunded) == (OrderStatus.INVOICED, Decimal("10.00"))
    (credit,) = order.rows.filter(total__lt=0)
    assert (credit.quantity, credit.total, credit.exported_in) == (Decimal(-2), Decimal(-10), None)
    refund = Refund.objects.get(order=order)
    assert (refund.method, refund.status) == (PaymentMethod.INVOICE, RefundStatus.DONE)
    page = staff_client.get(url("order", seller, order_pk=order.pk))
    assert b"Ended an hour early" in page.content


def test_a_refund_too_large_comes_back_with_the_input(staff_client, seller):
    order = make_order(seller)
    response = staff_client.post(
        url("order_refund", seller, order_pk=order.pk),
        {"refund-amount": "50.00", "refund-reason": "Cancelled"},
    )
    assert response.status_code == 200
    form = response.context["refund_form"]
    assert form.errors["amount"]
    assert form["reason"].value() == "Cancelled"
    assert not Refund.objects.exists()
    assert OrderRow.objects.count() == 1


def test_an_on_site_order_is_marked_paid(staff_client, seller):
    order = make_order(seller, method=PaymentMethod.ON_SITE, status=OrderStatus.PAY_ON_SITE)
    page = staff_client.get(url("order", seller, order_pk=order.pk))
    assert url("order_paid_on_site", seller, order_pk=order.pk).encode() in page.content
    response = staff_client.post(url("order_paid_on_site", seller, order_pk=order.pk))
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID and order.paid_at is not None
    again = staff_client.post(url("order_paid_on_site", seller, order_pk=order.pk))
    assert said(again)[-1] == "Only orders to be paid on site can be marked paid."


def test_an_order_needing_attention_is_resolved(staff_client, seller, staff):
    order = make_order(
        seller, method=PaymentMethod.ONLINE, status=OrderStatus.PAID, attention="Paid late"
    )
    page = staff_client.get(url("order", seller, order_pk=order.pk))
    assert b'id="attention"' in page.content
    response = staff_client.post(url("order_resolve", seller, order_pk=order.pk))
    assert response.status_code == 302
    order.refresh_from_db()
    assert not order.needs_attention and order.attention_resolved_by == staff
    page = staff_client.get(url("order", seller, order_pk=order.pk))
    assert b'id="attention"' not in page.content


def test_an_attention_note_is_shown_in_the_readers_language(staff_client, seller):
    order = make_order(
        seller, method=PaymentMethod.ONLINE, status=OrderStatus.PAID, attention=REFUND_REFUSED
    )
    with translation.override("sv"):
        path = reverse(
            "payments_staff:order", kwargs={**org_url_kwargs(seller), "order_pk": order.pk}
        )
    page = staff_client.get(path).content.decode()
    assert "Betaltjänsten avvisade återbetalningen" in page
    assert REFUND_REFUSED not in page


# Daily totals


def test_daily_totals_add_up_each_local_day(staff_client, seller):
    first, second = date(2030, 3, 4), date(2030, 3, 5)
    make_order(
        seller, method=PaymentMethod.ONLINE, status=OrderStatus.PAID, created_at=at(first, 9)
    )
    make_order(seller, hours=1, created_at=at(first, 10))  # invoiced 20
    make_order(
        seller,
        method=PaymentMethod.ON_SITE,
        status=OrderStatus.PAY_ON_SITE,
        price="15.00",
        created_at=at(first, 11),
    )
    make_order(
        seller,
        method=PaymentMethod.ON_SITE,
        status=OrderStatus.PAID,
        price="12.50",
        created_at=at(first, 23, 30),
    )
    make_order(seller, status=OrderStatus.PENDING, created_at=at(first, 12))
    make_order(seller, status=OrderStatus.CANCELLED, created_at=at(first, 12))
    # Just after local midnight: still the previous day in UTC, but the 5th here.
    refunded = make_order(
        seller, method=PaymentMethod.ONLINE, status=OrderStatus.PAID, created_at=at(second, 0, 30)
    )
    Refund.objects.create(
        order=refunded,
        amount=Decimal("5.00"),
        method=PaymentMethod.ONLINE,
        status=RefundStatus.DONE,
        settled_at=at(second, 15),
    )
    Refund.objects.create(  # failed: no money moved
        order=refunded,
        amount=Decimal("7.00"),
        method=PaymentMethod.ONLINE,
        status=RefundStatus.FAILED,
        settled_at=at(second, 15),
    )

    response = staff_client.get(url("daily", seller), {"start": "2030-03-03", "end": "2030-03-05"})

    report = response.context["report"]
    rows = {row.day: row for row in report.days}
    assert list(rows) == [date(2030, 3, 3), first, second]
    assert rows[date(2030, 3, 3)].orders == 0
    day = rows[first]
    assert (day.orders, day.online, day.invoiced) == (4, Decimal(40), Decimal(20))
    assert (day.to_pay_on_site, day.paid_on_site, day.refunded) == (30, 25, 0)
    assert day.net == Decimal(115)
    assert (rows[second].orders, rows[second].online, rows[second].refunded) == (1, 40, 5)
    assert rows[second].net == Decimal(35)
    total = report.total
    assert (total.orders, total.online, total.refunded, total.net) == (5, 80, 5, 150)
    assert b'data-day="total"' in response.content


def test_daily_totals_refuse_a_backwards_range(staff_client, seller):
    response = staff_client.get(url("daily", seller), {"start": "2030-03-05", "end": "2030-03-01"})
    assert response.status_code == 200
    assert response.context["report"] is None
    assert response.context["form"].errors["end"]


# Invoice exports


def test_an_export_is_made_once_and_downloaded_again(staff_client, seller):
    order = make_order(seller)
    assert staff_client.get(url("exports", seller)).context["waiting"] == 1
    response = staff_client.post(url("export_create", seller))
    assert response.status_code == 302
    assert said(response) == ["1 invoice row was exported. Download the file below."]
    export = InvoiceExport.objects.get()
    assert list(order.rows.values_list("exported_in", flat=True)) == [export.pk]

    again = staff_client.post(url("export_create", seller))
    assert again.status_code == 302
    assert said(again)[-1].startswith("There are no new invoice rows to export.")
    assert InvoiceExport.objects.count() == 1

    page = staff_client.get(url("exports", seller))
    download = url("export_csv", seller, export_id=export.pk)
    assert download.encode() in page.content
    first = staff_client.get(download)
    assert first["Content-Disposition"].startswith('attachment; filename="invoices-')
    assert order.reference in first.content.decode("utf-8-sig")
    assert staff_client.get(download).content == first.content


def test_an_export_of_another_organisation_is_not_found(staff_client, seller, make_organisation):
    other = make_organisation()
    export = InvoiceExport.objects.create(seller=other)
    response = staff_client.get(url("export_csv", seller, export_id=export.pk))
    assert response.status_code == 404


def test_the_organisation_page_links_to_payments(staff_client, seller):
    with translation.override("en"):
        page = staff_client.get(reverse("tenancy:organisation", kwargs=org_url_kwargs(seller)))
    assert url("orders", seller).encode() in page.content
    assert url("settings", seller).encode() in page.content


def test_order_list_pages_by_fifty(staff_client, seller):
    for _ in range(51):
        make_order(seller)
    assert Order.objects.count() == 51
    assert len(listed(staff_client.get(url("orders", seller)))) == 50
    assert len(listed(staff_client.get(url("orders", seller), {"page": 2}))) == 1
