"""The demo's payments: sellers, prices, free use, the association's invoice and the orders."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from lampio.accounts.models import User
from lampio.bookings.models import BookingStatus
from lampio.core.errors import DomainError
from lampio.core.timeranges import local_datetime
from lampio.demo.payments_data import (
    ASSOCIATION_BILLING,
    ASSOCIATION_MEMBER,
    CITY_BUSINESS_IDS,
    ORDERS,
)
from lampio.payments.business_id import normalised_business_id
from lampio.payments.models import (
    FreeOfCharge,
    OnlineStatus,
    Order,
    OrderStatus,
    PaymentMethod,
    PriceGroup,
    PriceRule,
    ProviderEvent,
    RefundStatus,
    SellerSettings,
)
from lampio.payments.pricing import quote_booking
from lampio.payments.services import checkout
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation

pytestmark = pytest.mark.django_db


def _space(venue: str, slug: str) -> Space:
    return Space.objects.select_related("venue").get(venue__slug=venue, slug=slug)


def _oulu(slug: str) -> Organisation:
    return Organisation.objects.get(municipality__slug="oulu", slug=slug)


def counts() -> tuple[int, ...]:
    return (
        SellerSettings.objects.count(),
        PriceRule.objects.count(),
        FreeOfCharge.objects.count(),
        Order.objects.count(),
        Order.objects.filter(booking__isnull=False).values("booking").count(),
        User.objects.filter(email=ASSOCIATION_MEMBER[0]).count(),
    )


def test_every_business_id_in_the_demo_is_valid():
    given = [*CITY_BUSINESS_IDS.values(), *(b.business_id for b in ASSOCIATION_BILLING.values())]
    for business_id in given:
        assert normalised_business_id(business_id) == business_id
        # The check digit matters: any other digit makes the ID invalid.
        wrong = business_id[:-1] + str((int(business_id[-1]) + 1) % 10)
        assert normalised_business_id(wrong) is None


def test_sellers_of_every_city_have_valid_settings(demo):
    sellers = SellerSettings.objects.select_related("organisation__municipality")
    assert {s.organisation.municipality.slug for s in sellers} == set(CITY_BUSINESS_IDS)
    for settings in sellers:
        assert normalised_business_id(settings.business_id) == settings.business_id
        assert settings.online_enabled and settings.invoice_enabled
    on_site = {
        (s.organisation.municipality.slug, s.organisation.slug)
        for s in sellers
        if s.on_site_enabled
    }
    assert ("oulu", "kulttuuripalvelut") in on_site
    assert len(on_site) < sellers.count()
    # Every organisation that owns a paid space sells it.
    owners = set(
        Space.objects.exclude(price_type="free").values_list("venue__organisation", flat=True)
    )
    assert owners <= set(sellers.values_list("organisation", flat=True))


def test_price_groups_and_next_seasons_price_list(demo):
    studio = _space("kulttuuritalo-pikisaari", "studio")
    this_season = local_datetime(date(2026, 12, 14), time(18))
    next_season = local_datetime(date(2027, 1, 11), time(18))

    def hourly(starts_at, group, payer=None) -> Decimal:
        quote = quote_booking(
            space=studio,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=2),
            group=group,
            payer=payer,
        )
        return quote.total / 2

    assert hourly(this_season, PriceGroup.ADULT) == studio.price == Decimal("25.00")
    assert hourly(this_season, PriceGroup.REDUCED) == Decimal("15.00")
    assert hourly(this_season, PriceGroup.ASSOCIATION) == Decimal("12.00")
    assert hourly(this_season, PriceGroup.COMPANY) == Decimal("40.00")
    assert hourly(next_season, PriceGroup.ADULT) == Decimal("27.00")
    assert hourly(next_season, PriceGroup.ASSOCIATION) == Decimal("13.00")
    cities = set(
        PriceRule.objects.values_list("space__venue__organisation__municipality__slug", flat=True)
    )
    assert len(cities) >= 3
    # The school uses the culture centre free of charge; an association does not.
    school = _oulu("tuiran-koulu")
    assert quote_booking(
        space=studio, starts_at=this_season, ends_at=this_season + timedelta(hours=2), payer=school
    ).is_free
    assert not quote_booking(
        space=studio,
        starts_at=this_season,
        ends_at=this_season + timedelta(hours=2),
        group=PriceGroup.ASSOCIATION,
        payer=_oulu("pohjoisen-tanssi"),
    ).is_free


def test_orders_in_every_state_for_the_staff_pages(demo):
    orders = {
        order.reference: order
        for order in Order.objects.filter(reference__in=[spec.reference for spec in ORDERS])
        .select_related("booking", "payer_organisation")
        .prefetch_related("rows", "online_payments", "refunds")
    }
    assert len(orders) == len(ORDERS)
    statuses = {order.status for order in orders.values()}
    assert {
        OrderStatus.PAID,
        OrderStatus.INVOICED,
        OrderStatus.PAY_ON_SITE,
        OrderStatus.FREE,
        OrderStatus.REFUNDED,
    } <= statuses
    for order in orders.values():
        assert order.booking is not None
        assert order.total == sum(row.total for row in order.rows.all())
        cancelled = order.booking.status == BookingStatus.CANCELLED
        assert cancelled == (order.refunds.exists())
        if order.method == PaymentMethod.ONLINE:
            payment = order.online_payments.get()
            assert payment.status == OnlineStatus.OK and payment.amount == order.total
            assert ProviderEvent.objects.filter(payment=payment, status="ok").count() == 1
    refunded = [o for o in orders.values() if o.status == OrderStatus.REFUNDED]
    assert refunded and all(o.refunded == o.total > 0 for o in refunded)
    attention = [o for o in orders.values() if o.needs_attention]
    assert len(attention) == 1
    assert attention[0].refunds.get().status == RefundStatus.FAILED
    invoiced = [o for o in orders.values() if o.status == OrderStatus.INVOICED]
    assert len(invoiced) == 2
    for order in invoiced:
        assert order.payer_organisation == _oulu("pohjoisen-tanssi")
        assert order.price_group == PriceGroup.ASSOCIATION
        assert order.billing_name == "Pohjoisen Tanssi ry"
        assert normalised_business_id(order.billing_business_id) == order.billing_business_id
    upcoming = [o for o in invoiced if o.booking.starts_at > timezone.now()]
    assert upcoming and upcoming[0].booking.status == BookingStatus.CONFIRMED


def test_the_association_member_books_as_the_association_with_an_invoice(demo):
    member = User.objects.get(email=ASSOCIATION_MEMBER[0])
    association = _oulu("pohjoisen-tanssi")
    assert association in checkout.payer_organisations(member)
    studio = _space("kulttuuritalo-pikisaari", "studio")
    day = timezone.localdate() + timedelta(days=14)
    for offset in range(14):  # the first weekday evening that is free
        starts_at = local_datetime(day + timedelta(days=offset), time(20))
        try:
            with transaction.atomic():
                order = checkout.reserve_paid_booking(
                    actor=member,
                    space=studio,
                    starts_at=starts_at,
                    ends_at=starts_at + timedelta(hours=1),
                    purpose="Hallituksen kokous",
                    attendees=6,
                )
        except DomainError:
            continue
        break
    else:
        pytest.fail("no free evening for the association")
    assert PaymentMethod.INVOICE in checkout.available_methods(order)
    billing = ASSOCIATION_BILLING[("oulu", "pohjoisen-tanssi")]
    step = checkout.choose_payment(
        actor=member,
        order=order,
        choice=checkout.PaymentChoice(
            method=PaymentMethod.INVOICE,
            group=PriceGroup.ASSOCIATION,
            payer=association,
            billing=checkout.BillingDetails(name=billing.name, email=billing.email),
        ),
    )
    assert step.order.status == OrderStatus.INVOICED
    assert step.order.total == Decimal("12.00")
    step.order.booking.refresh_from_db()
    assert step.order.booking.status == BookingStatus.CONFIRMED


def test_loading_again_adds_nothing(demo):
    first = counts()
    call_command("load_demo", "--without-history", verbosity=0)
    assert counts() == first
