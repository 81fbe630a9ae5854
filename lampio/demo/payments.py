"""The demo's payments (see payments_data.py): sellers' settings, price rules, free use, the
association's contact person and a few orders in every state for the staff pages.

Upcoming orders are booked and paid through the residents' own services (`reserve_paid_booking`,
`choose_payment`), so they hold every rule a resident meets; orders in the past, and those whose
money already moved (paid online, refunded, a refund the provider refused), are written as
history with the ORM, as spaces_bookings.py writes past bookings: the services rightly refuse
the past. The history still keeps the rule that matters: an active booking only in a free slot.

Idempotent: settings, price rules and the member's membership are rewritten in place, free use
by its natural key, and each demo order has a fixed reference: an order is made only while no
order has its reference, so one that somebody cancelled in the demo is not brought back.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from auditlog.context import disable_auditlog
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.bookings.models import Booking, BookingStatus, blocking
from lampio.bookings.services import blocked_range
from lampio.core.errors import DomainError
from lampio.core.timeranges import Interval, local_datetime
from lampio.demo import data
from lampio.demo.payments_data import (
    ASSOCIATION_BILLING,
    ASSOCIATION_MEMBER,
    CITY_BUSINESS_IDS,
    COMPANY_VAT,
    FREE_OF_CHARGE,
    INVOICE_DUE_DAYS,
    ON_SITE,
    ORDERS,
    PRICE_RULES,
    DemoOrder,
    SpaceKey,
)
from lampio.payments.models import (
    FreeOfCharge,
    OnlinePayment,
    OnlineStatus,
    Order,
    OrderStatus,
    PaymentMethod,
    PriceBasis,
    PriceGroup,
    PriceRule,
    ProviderEvent,
    Refund,
    RefundStatus,
    SellerSettings,
)
from lampio.payments.pricing import quote_booking
from lampio.payments.services.checkout import (
    BillingDetails,
    PaymentChoice,
    choose_payment,
    reserve_paid_booking,
)
from lampio.payments.services.refunds import REFUND_REFUSED
from lampio.payments.services.rows import write_rows
from lampio.spaces.models import Space
from lampio.spaces.opening import opening_periods
from lampio.tenancy.models import Membership, Organisation

SEARCH_DAYS = 10  # how many days on from the planned one an order looks for a free time


@dataclass
class PaymentsLoad:
    sellers: int = 0
    price_rules: int = 0
    free_of_charge: int = 0
    orders_made: int = 0


def load_payments(
    *, organisations: Mapping[tuple[str, str], Organisation], now: datetime | None = None
) -> PaymentsLoad:
    """Runs after the spaces, their bookings and the residents exist (inside `load_demo`)."""
    now = now or timezone.now()
    spaces = _demo_spaces({city for city, _slug in organisations})
    loaded = PaymentsLoad()
    # Demo rows are not staff actions (as in spaces_loader): no audit entry for each. Texts
    # stored for staff (attention notes, refund reasons) are in the cities' language.
    with disable_auditlog(), translation.override("fi"):
        loaded.sellers = _sellers(spaces.values())
        loaded.price_rules = _price_rules(spaces)
        loaded.free_of_charge = _free_of_charge(spaces, organisations)
        _association_member(organisations)
        loaded.orders_made = _orders(spaces, organisations, now)
    return loaded


def _demo_spaces(cities: set[str]) -> dict[SpaceKey, Space]:
    found = Space.objects.filter(venue__organisation__municipality__slug__in=cities).select_related(
        "venue__organisation__municipality"
    )
    return {
        (space.venue.organisation.municipality.slug, space.venue.slug, space.slug): space
        for space in found
    }


def _sellers(spaces: Iterable[Space]) -> int:
    """Every organisation that owns spaces takes money online and by invoice; some on site."""
    owners = {space.venue.organisation for space in spaces}
    for organisation in owners:
        key = (organisation.municipality.slug, organisation.slug)
        SellerSettings.objects.update_or_create(
            organisation=organisation,
            defaults={
                "business_id": CITY_BUSINESS_IDS[key[0]],
                "online_enabled": True,
                "invoice_enabled": True,
                "on_site_enabled": key in ON_SITE,
                "invoice_due_days": INVOICE_DUE_DAYS.get(key, 14),
            },
        )
    return len(owners)


def _price_rules(spaces: Mapping[SpaceKey, Space]) -> int:
    for rule in PRICE_RULES:
        space = spaces.get(rule.space)
        if space is None:
            raise LookupError(f"No demo space {rule.space} for its price rule")
        PriceRule.objects.update_or_create(
            space=space,
            group=rule.group,
            valid_from=rule.valid_from,
            defaults={
                "organisation_id": space.organisation_id,
                "basis": PriceBasis.PER_HOUR,
                "amount": Decimal(rule.amount),
                "vat_rate": Decimal(COMPANY_VAT if rule.group == PriceGroup.COMPANY else "0.0"),
            },
        )
    return len(PRICE_RULES)


def _free_of_charge(
    spaces: Mapping[SpaceKey, Space], organisations: Mapping[tuple[str, str], Organisation]
) -> int:
    for seller, beneficiary, space_key, note in FREE_OF_CHARGE:
        FreeOfCharge.objects.get_or_create(
            seller=organisations[seller],
            beneficiary=organisations[beneficiary],
            space=spaces[space_key],
            defaults={"note": note},
        )
    return len(FREE_OF_CHARGE)


def _association_member(organisations: Mapping[tuple[str, str], Organisation]) -> User:
    email, first_name, last_name, language, association, role = ASSOCIATION_MEMBER
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "preferred_language": language,
            "password": make_password(data.DEMO_PASSWORD),
        },
    )
    if not created and not user.check_password(data.DEMO_PASSWORD):
        user.set_password(data.DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    Membership.objects.update_or_create(
        user=user, organisation=organisations[association], defaults={"role": role}
    )
    return user


def _orders(
    spaces: Mapping[SpaceKey, Space],
    organisations: Mapping[tuple[str, str], Organisation],
    now: datetime,
) -> int:
    made_before = set(
        Order.objects.filter(reference__in=[spec.reference for spec in ORDERS]).values_list(
            "reference", flat=True
        )
    )
    customers = {
        str(user.email): user
        for user in User.objects.filter(email__in={spec.customer for spec in ORDERS})
    }
    made = 0
    for spec in ORDERS:
        customer = customers.get(spec.customer)
        if spec.reference in made_before or customer is None:
            continue
        payer = organisations[spec.payer] if spec.payer else None
        space = spaces[spec.space]
        if spec.via_services:
            order = _through_services(spec, space, customer, payer, now)
        else:
            order = _as_history(spec, space, customer, payer, now)
        if order is not None:
            Order.objects.filter(pk=order.pk).update(reference=spec.reference)
            made += 1
    return made


def _times(spec: DemoOrder, now: datetime) -> Iterator[tuple[datetime, datetime]]:
    """The planned time, then the same hour on the days after (before, for past orders)."""
    step = -1 if spec.days < 0 else 1
    today = timezone.localdate(now)
    for offset in range(SEARCH_DAYS):
        day = today + timedelta(days=spec.days + step * offset)
        starts_at = local_datetime(day, time(spec.hour))
        yield starts_at, starts_at + timedelta(hours=spec.hours)


def _choice(spec: DemoOrder, payer: Organisation | None) -> PaymentChoice:
    if spec.state == "invoiced":
        billing = ASSOCIATION_BILLING[spec.payer] if spec.payer else None
        return PaymentChoice(
            method=PaymentMethod.INVOICE,
            group=spec.group,
            payer=payer,
            billing=BillingDetails(**asdict(billing)) if billing else None,
        )
    if spec.state == "on_site":
        return PaymentChoice(method=PaymentMethod.ON_SITE, group=spec.group, payer=payer)
    # Free of charge: asking for an invoice without billing details fails unless the quote is
    # free, so a demo that lost its free-of-charge row never settles an order it did not price.
    return PaymentChoice(method=PaymentMethod.INVOICE, group=spec.group, payer=payer)


def _through_services(
    spec: DemoOrder, space: Space, customer: User, payer: Organisation | None, now: datetime
) -> Order | None:
    for starts_at, ends_at in _times(spec, now):
        try:
            with transaction.atomic():
                order = reserve_paid_booking(
                    actor=customer,
                    space=space,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    purpose=spec.purpose,
                    attendees=min(space.capacity, 10),
                    now=now,
                )
                return choose_payment(
                    actor=customer, order=order, choice=_choice(spec, payer), now=now
                ).order
        except DomainError:
            continue  # closed, taken or against a rule that day: try the next
    return None


def _is_free(space: Space, starts_at: datetime, ends_at: datetime, now: datetime) -> bool:
    """Open then, and no active booking in the way (with the space's buffers)."""
    wanted = Interval(starts_at, ends_at)
    periods = opening_periods(space, timezone.localtime(starts_at).date())
    if not any(p.start <= wanted.start and wanted.end <= p.end for p in periods):
        return False
    blocked = blocked_range(space, starts_at, ends_at)
    return not Booking.objects.filter(
        blocking(now),
        space=space,
        blocked_from__lt=blocked.end,
        blocked_until__gt=blocked.start,
    ).exists()


def _as_history(
    spec: DemoOrder, space: Space, customer: User, payer: Organisation | None, now: datetime
) -> Order | None:
    for starts_at, ends_at in _times(spec, now):
        if ends_at < now and _is_free(space, starts_at, ends_at, now):
            return _write_history(spec, space, customer, payer, starts_at, ends_at)
    return None


def _write_history(
    spec: DemoOrder,
    space: Space,
    customer: User,
    payer: Organisation | None,
    starts_at: datetime,
    ends_at: datetime,
) -> Order:
    cancelled = spec.state in ("refunded", "refund_failed")
    ordered_at = starts_at - timedelta(days=8)
    blocked = blocked_range(space, starts_at, ends_at)
    booking = Booking.objects.create(
        space=space,
        booker=customer,
        created_by=customer,
        status=BookingStatus.CANCELLED if cancelled else BookingStatus.CONFIRMED,
        starts_at=starts_at,
        ends_at=ends_at,
        blocked_from=blocked.start,
        blocked_until=blocked.end,
        purpose=spec.purpose,
        attendees=min(space.capacity, 10),
        cancelled_at=starts_at - timedelta(days=3) if cancelled else None,
    )
    quote = quote_booking(
        space=space, starts_at=starts_at, ends_at=ends_at, group=spec.group, payer=payer
    )
    invoiced = spec.state == "invoiced"
    order = Order.objects.create(
        seller_id=space.organisation_id,
        booking=booking,
        customer=customer,
        payer_organisation=payer,
        price_group=spec.group,
        method=PaymentMethod.INVOICE if invoiced else PaymentMethod.ONLINE,
        status=OrderStatus.INVOICED if invoiced else OrderStatus.PAID,
        total=quote.total,
        language=customer.preferred_language or "fi",
        paid_at=None if invoiced else ordered_at,
    )
    write_rows(order, quote)
    if invoiced:
        _bill(order, spec)
    else:
        _paid_online(order, spec, ordered_at, cancelled_at=booking.cancelled_at)
    Order.objects.filter(pk=order.pk).update(created_at=ordered_at)
    return order


def _bill(order: Order, spec: DemoOrder) -> None:
    billing = ASSOCIATION_BILLING[spec.payer] if spec.payer else None
    if billing is None:
        return
    order.billing_name = billing.name
    order.billing_business_id = billing.business_id
    order.billing_address = billing.address
    order.billing_postcode = billing.postcode
    order.billing_city = billing.city
    order.billing_email = billing.email
    order.einvoice_address = billing.einvoice_address
    order.einvoice_operator = billing.einvoice_operator
    order.customer_reference = billing.reference
    order.save()


def _paid_online(
    order: Order, spec: DemoOrder, paid_at: datetime, *, cancelled_at: datetime | None
) -> None:
    payment = OnlinePayment.objects.create(
        order=order,
        amount=order.total,
        transaction_id=str(uuid.uuid4()),
        status=OnlineStatus.OK,
        payment_service="osuuspankki",
        settled_at=paid_at,
    )
    ProviderEvent.objects.create(payment=payment, status="ok")
    if cancelled_at is None:
        return
    refused = spec.state == "refund_failed"
    Refund.objects.create(
        order=order,
        payment=payment,
        amount=order.total,
        method=PaymentMethod.ONLINE,
        status=RefundStatus.FAILED if refused else RefundStatus.DONE,
        reason=_("The booking was cancelled."),
        attempts=1,
        created_by=order.customer,
        settled_at=None if refused else cancelled_at + timedelta(minutes=1),
    )
    if refused:
        # What `send_refund` writes when the provider says no: staff must pay it back.
        order.attention = REFUND_REFUSED
        order.save(update_fields=["attention"])
    else:
        order.status = OrderStatus.REFUNDED
        order.refunded = order.total
        order.save(update_fields=["status", "refunded"])
