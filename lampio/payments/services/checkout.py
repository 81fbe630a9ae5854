"""From a paid booking to a settled one: hold the slot, let the person choose how to pay,
and settle on a verified word from the provider.

The slot is a HELD booking (see bookings) until the order is settled: invoice and on-site
payment settle at once, online payment only on a verified redirect or callback. A hold that
lapses frees the slot by itself; a payment that arrives after that revives the booking if the
slot is still free, and is refunded (and shown to staff) if it is not.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.bookings import hold_services
from lampio.bookings import services as booking_services
from lampio.bookings.models import Booking, BookingStatus
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.payments import messages
from lampio.payments.business_id import normalised_business_id
from lampio.payments.errors import HoldLapsed
from lampio.payments.models import (
    OnlinePayment,
    Order,
    OrderStatus,
    PaymentMethod,
    PriceGroup,
    SellerSettings,
)
from lampio.payments.models.pricing import ORGANISATION_GROUPS, PERSON_GROUPS
from lampio.payments.pricing import quote_booking, seller_settings
from lampio.payments.providers.paytrail import online_provider
from lampio.payments.services import online
from lampio.payments.services.rows import add_rows, write_rows
from lampio.spaces.models import Space
from lampio.tenancy.models import Membership, Organisation, OrganisationKind

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class BillingDetails:
    name: str = ""
    business_id: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    email: str = ""
    einvoice_address: str = ""
    einvoice_operator: str = ""
    reference: str = ""


@dataclass(frozen=True)
class PaymentChoice:
    method: str
    group: str = PriceGroup.ADULT
    payer: Organisation | None = None
    billing: BillingDetails | None = None


@dataclass(frozen=True)
class CheckoutStep:
    order: Order
    redirect_url: str = ""  # the provider's page, for online payment


def reserve_paid_booking(
    *,
    actor: User,
    space: Space,
    starts_at: datetime,
    ends_at: datetime,
    purpose: str,
    attendees: int,
    now: datetime | None = None,
) -> Order:
    """Hold the slot for the person while they pay, with an order at the adult price.

    The same rules as any booking apply (and the same database constraint: two people racing
    for one slot cannot both hold it).
    """
    now = now or timezone.now()
    seller = seller_settings(space.organisation_id)
    hold = timedelta(minutes=seller.hold_minutes)
    with transaction.atomic():
        booking = booking_services.book_space(
            actor=actor,
            space=space,
            starts_at=starts_at,
            ends_at=ends_at,
            purpose=purpose,
            attendees=attendees,
            hold_until=now + hold,
            now=now,
        )
        return _order_for_booking(booking=booking, space=space, customer=actor, seller=seller)


def adopt_hold(booking: Booking, *, now: datetime | None = None) -> Order:
    """Make an existing hold (an accepted waitlist offer of a paid space) payable: an order at
    the adult price, and at least the seller's payment time left on the hold. Idempotent."""
    now = now or timezone.now()
    existing = Order.objects.filter(booking=booking).first()
    if existing is not None:
        return existing
    space = booking.space
    seller = seller_settings(space.organisation_id)
    hold = timedelta(minutes=seller.hold_minutes)
    with transaction.atomic():
        if booking.hold_expires_at is not None and booking.hold_expires_at < now + hold:
            Booking.objects.filter(pk=booking.pk, status=BookingStatus.HELD).update(
                hold_expires_at=now + hold
            )
        return _order_for_booking(
            booking=booking, space=space, customer=booking.booker, seller=seller
        )


def _order_for_booking(
    *, booking: Booking, space: Space, customer: User | None, seller: SellerSettings
) -> Order:
    """A new order for `booking` at the adult price, saved once with its total and rows (a
    second save would audit a change that nobody made)."""
    quote = quote_booking(
        space=space,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        attendees=booking.attendees,
        seller=seller,
    )
    order = Order(
        seller_id=space.organisation_id,
        booking=booking,
        customer=customer,
        language=translation.get_language() or "fi",
        total=quote.total,
    )
    order.save()
    add_rows(order, quote)
    return order


def held_until(order: Order) -> datetime | None:
    booking = order.booking
    if booking is None or booking.status != BookingStatus.HELD:
        return None
    return booking.hold_expires_at


def payer_organisations(actor: User) -> list[Organisation]:
    """The organisations a person may pay for: those they are a member of."""
    ids = Membership.objects.filter(user=actor).values("organisation_id")
    return list(Organisation.objects.filter(pk__in=ids, is_active=True).order_by("name"))


def _group_allowed(group: str, payer: Organisation | None) -> bool:
    if payer is None:
        return group in PERSON_GROUPS
    if group == PriceGroup.ASSOCIATION:
        return payer.kind == OrganisationKind.ASSOCIATION
    return group in ORGANISATION_GROUPS


def _clean_billing(billing: BillingDetails | None, payer: Organisation | None) -> BillingDetails:
    if payer is None:
        raise InvalidInput(
            _(
                "Invoices are sent to associations and companies: choose the organisation "
                "that pays."
            ),
            field="payer",
        )
    if billing is None or not billing.name.strip():
        raise InvalidInput(_("Give the name the invoice is addressed to."), field="billing_name")
    business_id = ""
    if billing.business_id.strip():
        business_id = normalised_business_id(billing.business_id) or ""
        if not business_id:
            raise InvalidInput(
                _("This is not a valid business ID. It looks like 1234567-8."),
                field="billing_business_id",
            )
    has_post = all(v.strip() for v in (billing.address, billing.postcode, billing.city))
    if not has_post and not billing.einvoice_address.strip() and not billing.email.strip():
        raise InvalidInput(
            _("Give a postal address, an e-invoice address or an email address for the invoice."),
            field="billing_address",
        )
    return BillingDetails(
        name=billing.name.strip(),
        business_id=business_id,
        address=billing.address.strip(),
        postcode=billing.postcode.strip(),
        city=billing.city.strip(),
        email=billing.email.strip(),
        einvoice_address=billing.einvoice_address.strip(),
        einvoice_operator=billing.einvoice_operator.strip(),
        reference=billing.reference.strip(),
    )


def _store_billing(order: Order, billing: BillingDetails) -> None:
    order.billing_name = billing.name
    order.billing_business_id = billing.business_id
    order.billing_address = billing.address
    order.billing_postcode = billing.postcode
    order.billing_city = billing.city
    order.billing_email = billing.email
    order.einvoice_address = billing.einvoice_address
    order.einvoice_operator = billing.einvoice_operator
    order.customer_reference = billing.reference


def _lock_pending(actor: User, order_id: int, now: datetime) -> Order:
    order = (
        Order.objects.select_for_update(of=("self",))
        .select_related("booking__space")
        .get(pk=order_id)
    )
    if order.customer_id != actor.pk:
        raise PermissionDenied()
    if order.status != OrderStatus.PENDING:
        raise Conflict(_("This order has already been settled."))
    booking = order.booking
    if booking is None or booking.status != BookingStatus.HELD or not booking.is_blocking(now):
        raise HoldLapsed()
    return order


def available_methods(order: Order) -> list[str]:
    seller = seller_settings(order.seller_id)
    methods: list[str] = []
    if seller.online_enabled and online_provider() is not None:
        methods.append(PaymentMethod.ONLINE)
    if seller.invoice_enabled:
        methods.append(PaymentMethod.INVOICE)
    if seller.on_site_enabled:
        methods.append(PaymentMethod.ON_SITE)
    return methods


def choose_payment(
    *, actor: User, order: Order, choice: PaymentChoice, now: datetime | None = None
) -> CheckoutStep:
    """Price the order for the chosen group and payer, then settle it or start paying online."""
    now = now or timezone.now()
    payer = choice.payer
    if payer is not None and not Membership.objects.filter(user=actor, organisation=payer).exists():
        raise PermissionDenied()
    group = choice.group
    if payer is not None and group in PERSON_GROUPS:
        # An organisation pays its own group's price; a person's group makes no sense for it.
        association = payer.kind == OrganisationKind.ASSOCIATION
        group = PriceGroup.ASSOCIATION if association else PriceGroup.COMPANY
    if not _group_allowed(group, payer):
        raise InvalidInput(_("This price group is not available for this payer."), field="group")
    with transaction.atomic(), set_actor(actor):
        order = _lock_pending(actor, order.pk, now)
        booking = order.booking
        if booking is None:
            raise HoldLapsed()
        quote = quote_booking(
            space=booking.space,
            starts_at=booking.starts_at,
            ends_at=booking.ends_at,
            group=group,
            payer=payer,
            attendees=booking.attendees,
        )
        method = PaymentMethod.FREE if quote.is_free else choice.method
        if method not in (PaymentMethod.FREE, *available_methods(order)):
            raise InvalidInput(_("Choose one of the ways to pay shown."), field="method")
        if method == PaymentMethod.INVOICE:
            _store_billing(order, _clean_billing(choice.billing, payer))
        write_rows(order, quote)
        order.price_group = group
        order.payer_organisation = payer
        order.method = method
        if method == PaymentMethod.ONLINE:
            order.save()
            payment = OnlinePayment.objects.create(order=order, amount=order.total)
        else:
            settled: dict[str, str] = {
                PaymentMethod.FREE: OrderStatus.FREE,
                PaymentMethod.INVOICE: OrderStatus.INVOICED,
                PaymentMethod.ON_SITE: OrderStatus.PAY_ON_SITE,
            }
            order.status = settled[method]
            order.save()
            hold_services.confirm_hold(booking_id=booking.pk, now=now)
            messages.order_message(order, "confirmed")
            return CheckoutStep(order=order)
    return CheckoutStep(order=order, redirect_url=online.start_online(order, payment, actor))


def abandon_checkout(*, actor: User, order: Order, now: datetime | None = None) -> None:
    """The person gives up paying: the held slot is released at once for others."""
    if order.customer_id != actor.pk:
        raise PermissionDenied()
    booking = order.booking
    if booking is None or booking.status != BookingStatus.HELD:
        return
    booking_services.cancel_booking(actor=actor, booking=booking, now=now)
