"""Staff writes of an organisation's payment settings: how it takes money, its price rules per
space and the organisations that pay nothing. Each change is audited with its actor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput, NotFound, PermissionDenied
from lampio.offerings.models import Offering
from lampio.payments.business_id import normalised_business_id
from lampio.payments.models import (
    VAT_RATES,
    FreeOfCharge,
    PriceBasis,
    PriceGroup,
    PriceRule,
    SellerSettings,
)
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

RATES = {rate for rate, _label in VAT_RATES}


def _check(actor: User, organisation: Organisation) -> None:
    if not can(actor, Action.MANAGE, organisation):
        raise PermissionDenied()


def _own_space(organisation: Organisation, space_id: int) -> Space:
    """A space of the seller; another organisation's space is not found."""
    space = Space.objects.filter(pk=space_id, venue__organisation=organisation).first()
    if space is None:
        raise NotFound(_("The space was not found among your organisation's spaces."))
    return space


def _own_offering(organisation: Organisation, offering_id: int) -> Offering:
    """An offering of the seller; another organisation's offering is not found."""
    offering = Offering.objects.filter(pk=offering_id, organisation=organisation).first()
    if offering is None:
        raise NotFound(
            _("The offering was not found among your organisation's offerings."), field="target"
        )
    return offering


def _vat_rate(rate: Decimal, field: str) -> Decimal:
    if rate not in RATES:
        raise InvalidInput(_("Choose one of the VAT rates in force."), field=field)
    return rate


@dataclass(frozen=True)
class SellerSettingsInput:
    business_id: str
    online_enabled: bool
    invoice_enabled: bool
    on_site_enabled: bool
    hold_minutes: int
    invoice_due_days: int
    space_vat_rate: Decimal
    offering_vat_rate: Decimal


def save_seller_settings(
    *, actor: User, organisation: Organisation, data: SellerSettingsInput
) -> SellerSettings:
    _check(actor, organisation)
    business_id = ""
    if data.business_id.strip():
        business_id = normalised_business_id(data.business_id) or ""
        if not business_id:
            raise InvalidInput(
                _("This is not a valid business ID. Write it as 1234567-8."), field="business_id"
            )
    if not (data.online_enabled or data.invoice_enabled or data.on_site_enabled):
        raise InvalidInput(
            _("Choose at least one way to pay, or paid spaces cannot be booked."),
            field="online_enabled",
        )
    if not 5 <= data.hold_minutes <= 60:
        raise InvalidInput(_("Give between 5 and 60 minutes."), field="hold_minutes")
    if not 0 <= data.invoice_due_days <= 90:
        raise InvalidInput(_("Give between 0 and 90 days."), field="invoice_due_days")
    values = {
        "business_id": business_id,
        "online_enabled": data.online_enabled,
        "invoice_enabled": data.invoice_enabled,
        "on_site_enabled": data.on_site_enabled,
        "hold_minutes": data.hold_minutes,
        "invoice_due_days": data.invoice_due_days,
        "space_vat_rate": _vat_rate(data.space_vat_rate, "space_vat_rate"),
        "offering_vat_rate": _vat_rate(data.offering_vat_rate, "offering_vat_rate"),
    }
    with transaction.atomic(), set_actor(actor):
        found, _created = SellerSettings.objects.update_or_create(
            organisation=organisation, defaults=values
        )
    return found


def add_price_rule(
    *,
    actor: User,
    organisation: Organisation,
    group: str,
    basis: str,
    amount: Decimal,
    vat_rate: Decimal,
    valid_from: date,
    space_id: int | None = None,
    offering_id: int | None = None,
) -> PriceRule:
    """A price of one of the organisation's spaces or offerings for one price group, from a
    date on."""
    _check(actor, organisation)
    if (space_id is None) == (offering_id is None):
        raise InvalidInput(_("Choose a space or an offering."), field="target")
    target: dict[str, Space | Offering] = (
        {"space": _own_space(organisation, space_id)}
        if space_id is not None
        else {"offering": _own_offering(organisation, offering_id or 0)}
    )
    if group not in PriceGroup.values:
        raise InvalidInput(_("Choose a price group."), field="group")
    if basis not in PriceBasis.values:
        raise InvalidInput(_("Choose how the price is charged."), field="basis")
    if amount < 0:
        raise InvalidInput(_("A price cannot be negative."), field="amount")
    duplicate = InvalidInput(
        _("This space already has a price for this group from that date. Delete it first.")
        if "space" in target
        else _("This offering already has a price for this group from that date. Delete it first."),
        field="valid_from",
    )
    if PriceRule.objects.filter(**target, group=group, valid_from=valid_from).exists():
        raise duplicate
    try:
        with transaction.atomic(), set_actor(actor):
            return PriceRule.objects.create(
                organisation=organisation,
                **target,
                group=group,
                basis=basis,
                amount=amount,
                vat_rate=_vat_rate(vat_rate, "vat_rate"),
                valid_from=valid_from,
            )
    except IntegrityError as error:  # the same rule saved at the same moment
        raise duplicate from error


def delete_price_rule(*, actor: User, organisation: Organisation, rule_id: int) -> None:
    _check(actor, organisation)
    with transaction.atomic(), set_actor(actor):
        rule = PriceRule.objects.filter(organisation=organisation, pk=rule_id).first()
        if rule is None:
            raise NotFound()
        rule.delete()


def add_free_of_charge(
    *,
    actor: User,
    organisation: Organisation,
    beneficiary_id: int,
    space_id: int | None = None,
    note: str = "",
) -> FreeOfCharge:
    """Let another active organisation of the same city use one space, or all, for free."""
    _check(actor, organisation)
    beneficiary = (
        Organisation.objects.filter(
            pk=beneficiary_id, municipality_id=organisation.municipality_id, is_active=True
        )
        .exclude(pk=organisation.pk)
        .first()
    )
    if beneficiary is None:
        raise InvalidInput(
            _("Choose an active organisation of the same municipality."), field="beneficiary"
        )
    space = _own_space(organisation, space_id) if space_id is not None else None
    duplicate = InvalidInput(
        _("This organisation is already free of charge there."), field="beneficiary"
    )
    if FreeOfCharge.objects.filter(
        seller=organisation, beneficiary=beneficiary, space=space
    ).exists():
        raise duplicate
    try:
        with transaction.atomic(), set_actor(actor):
            return FreeOfCharge.objects.create(
                seller=organisation, beneficiary=beneficiary, space=space, note=note.strip()[:200]
            )
    except IntegrityError as error:
        raise duplicate from error


def delete_free_of_charge(*, actor: User, organisation: Organisation, free_id: int) -> None:
    _check(actor, organisation)
    with transaction.atomic(), set_actor(actor):
        entry = FreeOfCharge.objects.filter(seller=organisation, pk=free_id).first()
        if entry is None:
            raise NotFound()
        entry.delete()
