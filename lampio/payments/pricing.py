"""What a booking costs: the price rules in force on its day, for the payer's price group.

Resolution, most specific first: the payer's organisation is free of charge at the seller →
the group's price rule in force → the adult rule in force → the space's own standard price.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.offerings.models import Occurrence, Offering
from lampio.payments.models import FreeOfCharge, PriceBasis, PriceGroup, PriceRule, SellerSettings
from lampio.payments.money import euros
from lampio.spaces.models import PriceType, Space
from lampio.tenancy.models import Organisation

QUARTER_HOUR = Decimal("0.25")


@dataclass(frozen=True)
class QuoteRow:
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    vat_rate: Decimal
    service_date: date

    @property
    def total(self) -> Decimal:
        return euros(self.quantity * self.unit_price)


@dataclass(frozen=True)
class Quote:
    group: str
    rows: list[QuoteRow] = field(default_factory=list)
    free_reason: str = ""

    @property
    def total(self) -> Decimal:
        return sum((row.total for row in self.rows), Decimal(0))

    @property
    def is_free(self) -> bool:
        return self.total == 0


@dataclass(frozen=True)
class Price:
    basis: str
    amount: Decimal
    vat_rate: Decimal


def seller_settings(organisation_id: int) -> SellerSettings:
    """The organisation's payment settings; defaults until staff save their own."""
    found = SellerSettings.objects.filter(organisation_id=organisation_id).first()
    return found or SellerSettings(organisation_id=organisation_id)


def is_paid_space(space: Space) -> bool:
    """Whether booking the space may cost something (its own price or any price rule)."""
    if space.price_type != PriceType.FREE and space.price > 0:
        return True
    return space.price_rules.filter(amount__gt=0).exists()


def _rule_in_force(rules: QuerySet[PriceRule], group: str, day: date) -> PriceRule | None:
    """Of `rules`, the one in force for `group`, else the adult one: both read in one query,
    since every booking and enrolment asks."""
    in_force: dict[str, PriceRule] = {}
    for rule in rules.filter(group__in={group, PriceGroup.ADULT}, valid_from__lte=day).order_by(
        "-valid_from"
    ):
        in_force.setdefault(rule.group, rule)  # the latest of each group
    return in_force.get(group) or in_force.get(PriceGroup.ADULT)


def space_price(
    space: Space, group: str, day: date, *, seller: SellerSettings | None = None
) -> Price | None:
    """The price of `space` for `group` on `day`; None when it is free. `seller`: the owner's
    settings when the caller has read them already."""
    rule = _rule_in_force(PriceRule.objects.filter(space=space), group, day)
    if rule is not None:
        return Price(rule.basis, rule.amount, rule.vat_rate) if rule.amount > 0 else None
    if space.price_type == PriceType.FREE or space.price <= 0:
        return None
    basis = PriceBasis.PER_HOUR if space.price_type == PriceType.PER_HOUR else PriceBasis.FIXED
    seller = seller or seller_settings(space.organisation_id)
    return Price(basis, space.price, seller.space_vat_rate)


def is_free_for(seller_id: int, payer: Organisation | None, space: Space | None) -> bool:
    if payer is None:
        return False
    scope = Q(space__isnull=True) | Q(space=space) if space is not None else Q(space__isnull=True)
    return FreeOfCharge.objects.filter(scope, seller_id=seller_id, beneficiary=payer).exists()


def _hours(starts_at: datetime, ends_at: datetime) -> Decimal:
    """Billed hours, rounded up to the quarter hour."""
    # Whole seconds as an int: Decimal's // truncates towards zero, so -(-x // 15) on a
    # Decimal would round down, not up.
    seconds = int((ends_at - starts_at).total_seconds())
    quarters = -(-seconds // (15 * 60))
    return Decimal(quarters) * QUARTER_HOUR


def quote_booking(
    *,
    space: Space,
    starts_at: datetime,
    ends_at: datetime,
    group: str = PriceGroup.ADULT,
    payer: Organisation | None = None,
    attendees: int = 1,
    seller: SellerSettings | None = None,
) -> Quote:
    day = timezone.localtime(starts_at).date()
    if is_free_for(space.organisation_id, payer, space):
        return Quote(group=group, free_reason=_("Free of charge for %(name)s.") % {"name": payer})
    price = space_price(space, group, day, seller=seller)
    if price is None:
        return Quote(group=group)
    when = timezone.localtime(starts_at).strftime("%d.%m.%Y %H:%M")
    description = f"{space.name}, {when}"
    if price.basis == PriceBasis.PER_HOUR:
        row = QuoteRow(
            description, _hours(starts_at, ends_at), "h", price.amount, price.vat_rate, day
        )
    elif price.basis == PriceBasis.PER_PERSON:
        # A staff rule may price a space per person: each attendee is charged.
        quantity = Decimal(max(attendees, 1))
        row = QuoteRow(description, quantity, "pcs", price.amount, price.vat_rate, day)
    else:
        row = QuoteRow(description, Decimal(1), "pcs", price.amount, price.vat_rate, day)
    return Quote(group=group, rows=[row])


def space_price_list(space: Space, day: date) -> list[tuple[str, Price]]:
    """Each price group's price in force on `day`, for the space page and the checkout."""
    listed = []
    for group in PriceGroup:
        price = space_price(space, group, day)
        if price is not None:
            listed.append((str(group.label), price))
    return listed


def offering_price(offering: Offering, group: str, day: date) -> Price | None:
    """The price of a seat (or of a group's place) in `offering` for `group`; None when free."""
    rule = _rule_in_force(PriceRule.objects.filter(offering=offering), group, day)
    if rule is not None:
        return Price(rule.basis, rule.amount, rule.vat_rate) if rule.amount > 0 else None
    if offering.is_free or not offering.price:
        return None
    basis = PriceBasis.FIXED if offering.price_basis == "per_unit" else PriceBasis.PER_PERSON
    return Price(basis, offering.price, seller_settings(offering.organisation_id).offering_vat_rate)


def quote_occurrence(
    *,
    occurrence: Occurrence,
    seats: int,
    group: str = PriceGroup.ADULT,
    payer: Organisation | None = None,
) -> Quote:
    """Seats of one occurrence: per person times the seats, or one price for a group's place."""
    offering = occurrence.offering
    day = timezone.localtime(occurrence.starts_at).date()
    if is_free_for(offering.organisation_id, payer, None):
        return Quote(group=group, free_reason=_("Free of charge for %(name)s.") % {"name": payer})
    price = offering_price(offering, group, day)
    if price is None:
        return Quote(group=group)
    when = timezone.localtime(occurrence.starts_at).strftime("%d.%m.%Y %H:%M")
    description = f"{offering.title}, {when}"
    quantity = Decimal(seats) if price.basis == PriceBasis.PER_PERSON else Decimal(1)
    row = QuoteRow(description, quantity, "pcs", price.amount, price.vat_rate, day)
    return Quote(group=group, rows=[row])
