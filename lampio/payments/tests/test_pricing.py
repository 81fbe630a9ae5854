"""What a booking costs: per hour, fixed, per price group, from a date on, free of charge."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from lampio.core.timeranges import local_datetime
from lampio.payments.models import FreeOfCharge, PriceBasis, PriceGroup, PriceRule, SellerSettings
from lampio.payments.money import euros, from_cents, to_cents, vat_inside
from lampio.payments.pricing import is_paid_space, quote_booking, space_price, space_price_list
from lampio.payments.tests.conftest import DAY
from lampio.spaces.models import PriceType
from lampio.tenancy.models import OrganisationKind

pytestmark = pytest.mark.django_db


def at(hour: int, minute: int = 0, day: date = DAY):
    return local_datetime(day, time(hour, minute))


def quote(space, start, end, **kwargs):
    return quote_booking(space=space, starts_at=start, ends_at=end, **kwargs)


def rule(space, group, amount, *, basis=PriceBasis.PER_HOUR, vat="10.0", valid_from=None):
    return PriceRule.objects.create(
        organisation_id=space.organisation_id,
        space=space,
        group=group,
        basis=basis,
        amount=Decimal(amount),
        vat_rate=Decimal(vat),
        valid_from=valid_from or date(2020, 1, 1),
    )


@pytest.mark.parametrize(
    ("end", "hours", "total"),
    [
        (at(20), "2.00", "40.00"),
        (at(19, 15), "1.25", "25.00"),
        (at(19, 1), "1.25", "25.00"),  # a minute into a quarter is the whole quarter
        (at(18, 14), "0.25", "5.00"),
        (at(18, 45), "0.75", "15.00"),
    ],
)
def test_per_hour_is_billed_by_the_quarter_hour_rounded_up(paid_space, end, hours, total):
    found = quote(paid_space, at(18), end)
    (row,) = found.rows
    assert (row.quantity, row.unit, row.unit_price) == (Decimal(hours), "h", Decimal("20.00"))
    assert found.total == Decimal(total)
    assert row.service_date == DAY
    assert "Juhlasali" in row.description and "12.06.2030 18:00" in row.description


def test_hours_are_real_hours_across_the_spring_clock_change(paid_space):
    # On 31 March 2030 the clocks skip 03:00–04:00: 01:00 to 06:00 is four hours.
    day = date(2030, 3, 31)
    assert quote(paid_space, at(1, day=day), at(6, day=day)).total == Decimal("80.00")


def test_a_fixed_price_is_one_unit_whatever_the_length(make_space):
    space = make_space(price_type=PriceType.FIXED, price=Decimal("150.00"))
    found = quote(space, at(10), at(22))
    (row,) = found.rows
    assert (row.quantity, row.unit, row.unit_price) == (Decimal(1), "pcs", Decimal("150.00"))
    assert found.total == Decimal("150.00")


def test_a_free_space_costs_nothing(make_space):
    space = make_space(price_type=PriceType.FREE, price=Decimal(0))
    found = quote(space, at(18), at(20))
    assert found.rows == [] and found.is_free and found.total == 0
    assert not is_paid_space(space)


def test_a_space_free_by_its_own_price_is_paid_when_a_rule_charges(make_space):
    space = make_space(price_type=PriceType.FREE, price=Decimal(0))
    rule(space, PriceGroup.COMPANY, "30")
    assert is_paid_space(space)
    assert quote(space, at(18), at(19), group=PriceGroup.COMPANY).total == Decimal("30.00")


def test_a_groups_rule_sets_its_price_basis_and_vat(paid_space):
    rule(paid_space, PriceGroup.REDUCED, "10.00", vat="10.0")
    rule(paid_space, PriceGroup.COMPANY, "99.00", basis=PriceBasis.FIXED, vat="25.5")
    reduced = quote(paid_space, at(18), at(20), group=PriceGroup.REDUCED)
    assert reduced.total == Decimal("20.00") and reduced.rows[0].vat_rate == Decimal("10.0")
    company = quote(paid_space, at(18), at(20), group=PriceGroup.COMPANY)
    (row,) = company.rows
    assert (row.quantity, row.total, row.vat_rate) == (
        Decimal(1),
        Decimal("99.00"),
        Decimal("25.5"),
    )


def test_a_group_without_a_rule_pays_the_adult_rule(paid_space):
    rule(paid_space, PriceGroup.ADULT, "25.00")
    association = quote(paid_space, at(18), at(20), group=PriceGroup.ASSOCIATION)
    assert association.total == Decimal("50.00")


def test_without_any_rule_every_group_pays_the_spaces_own_price(paid_space):
    for group in PriceGroup:
        assert quote(paid_space, at(18), at(20), group=group).total == Decimal("40.00")


def test_a_zero_rule_makes_the_group_free(paid_space):
    rule(paid_space, PriceGroup.ASSOCIATION, "0")
    assert quote(paid_space, at(18), at(20), group=PriceGroup.ASSOCIATION).is_free
    assert quote(paid_space, at(18), at(20), group=PriceGroup.ADULT).total == Decimal("40.00")


def test_per_person_is_charged_for_each_attendee(paid_space):
    rule(paid_space, PriceGroup.ADULT, "4.50", basis=PriceBasis.PER_PERSON)
    found = quote(paid_space, at(18), at(20), attendees=12)
    assert found.rows[0].quantity == Decimal(12)
    assert found.total == Decimal("54.00")


def test_a_dated_price_list_applies_from_its_day_on(paid_space):
    rule(paid_space, PriceGroup.ADULT, "25.00", valid_from=date(2020, 1, 1))
    rule(paid_space, PriceGroup.ADULT, "30.00", valid_from=DAY)
    rule(paid_space, PriceGroup.ADULT, "35.00", valid_from=DAY + timedelta(days=30))
    before = DAY - timedelta(days=1)
    assert quote(paid_space, at(18, day=before), at(19, day=before)).total == Decimal("25.00")
    assert quote(paid_space, at(18), at(19)).total == Decimal("30.00")
    later = DAY + timedelta(days=29)
    assert quote(paid_space, at(18, day=later), at(19, day=later)).total == Decimal("30.00")
    last = DAY + timedelta(days=30)
    assert quote(paid_space, at(18, day=last), at(19, day=last)).total == Decimal("35.00")


def test_the_day_is_the_local_day_of_the_start(paid_space):
    # 00:30 in Helsinki on DAY is still the previous day in UTC.
    rule(paid_space, PriceGroup.ADULT, "30.00", valid_from=DAY)
    assert quote(paid_space, at(0, 30), at(1, 30)).total == Decimal("30.00")


def test_a_future_rule_is_not_applied_before_its_day(paid_space):
    rule(paid_space, PriceGroup.REDUCED, "5.00", valid_from=DAY + timedelta(days=1))
    # Not in force yet: the reduced group falls back to the space's own price.
    assert quote(paid_space, at(18), at(20), group=PriceGroup.REDUCED).total == Decimal("40.00")
    assert space_price(paid_space, PriceGroup.REDUCED, DAY + timedelta(days=1)).amount == 5


def test_free_of_charge_for_all_the_sellers_spaces(paid_space, make_organisation):
    club = make_organisation(kind=OrganisationKind.ASSOCIATION)
    FreeOfCharge.objects.create(seller_id=paid_space.organisation_id, beneficiary=club)
    found = quote(paid_space, at(18), at(20), group=PriceGroup.ASSOCIATION, payer=club)
    assert found.is_free and found.rows == []
    assert club.name in found.free_reason
    other = make_organisation(kind=OrganisationKind.ASSOCIATION)
    paying = quote(paid_space, at(18), at(20), group=PriceGroup.ASSOCIATION, payer=other)
    assert paying.total == Decimal("40.00")
    # The same person paying for themselves pays.
    assert quote(paid_space, at(18), at(20)).total == Decimal("40.00")


def test_free_of_charge_for_one_space_only(paid_space, make_space, make_organisation):
    club = make_organisation(kind=OrganisationKind.ASSOCIATION)
    sibling = make_space(
        organisation=paid_space.venue.organisation, price_type=PriceType.PER_HOUR, price=Decimal(10)
    )
    FreeOfCharge.objects.create(
        seller_id=paid_space.organisation_id, beneficiary=club, space=paid_space
    )
    assert quote(paid_space, at(18), at(20), group=PriceGroup.ASSOCIATION, payer=club).is_free
    on_sibling = quote(sibling, at(18), at(20), group=PriceGroup.ASSOCIATION, payer=club)
    assert on_sibling.total == Decimal("20.00")


def test_free_of_charge_at_another_seller_does_not_count(paid_space, make_organisation):
    club = make_organisation(kind=OrganisationKind.ASSOCIATION)
    FreeOfCharge.objects.create(seller=make_organisation(), beneficiary=club)
    found = quote(paid_space, at(18), at(20), group=PriceGroup.ASSOCIATION, payer=club)
    assert found.total == Decimal("40.00")


def test_the_spaces_own_price_carries_the_sellers_space_vat(paid_space):
    assert quote(paid_space, at(18), at(20)).rows[0].vat_rate == Decimal("0.0")
    SellerSettings.objects.filter(organisation_id=paid_space.organisation_id).update(
        space_vat_rate=Decimal("10.0")
    )
    assert quote(paid_space, at(18), at(20)).rows[0].vat_rate == Decimal("10.0")


def test_a_seller_without_settings_gets_the_defaults(make_space):
    space = make_space(price_type=PriceType.PER_HOUR, price=Decimal("12.00"))
    price = space_price(space, PriceGroup.ADULT, DAY)
    assert price is not None and price.vat_rate == Decimal("0.0")


def test_the_price_list_names_each_group_with_a_price(paid_space):
    rule(paid_space, PriceGroup.REDUCED, "10.00")
    rule(paid_space, PriceGroup.ASSOCIATION, "0")
    listed = dict(space_price_list(paid_space, DAY))
    assert len(listed) == 3  # adult (own price), reduced (rule), company (own price)
    assert sorted(price.amount for price in listed.values()) == [10, 20, 20]


@pytest.mark.parametrize(
    ("total", "rate", "vat"),
    [
        ("125.50", "25.5", "25.50"),
        ("114.00", "14.0", "14.00"),
        ("11.00", "10.0", "1.00"),
        ("40.00", "0.0", "0.00"),
        ("10.00", "25.5", "2.03"),  # 10 - 10 / 1.255 = 2.0319…
    ],
)
def test_the_vat_inside_a_vat_inclusive_total(total, rate, vat):
    assert vat_inside(Decimal(total), Decimal(rate)) == Decimal(vat)


def test_cents_and_euros_round_half_up():
    assert to_cents(Decimal("15.25")) == 1525
    assert to_cents(Decimal("0.005")) == 1
    assert from_cents(1525) == Decimal("15.25")
    assert euros("2.345") == Decimal("2.35")
