"""Euros as Decimals with two decimals; the provider speaks in whole cents."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def euros(value: Decimal | int | str) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def to_cents(amount: Decimal) -> int:
    return int(euros(amount) * 100)


def from_cents(cents: int) -> Decimal:
    return euros(Decimal(cents) / 100)


def vat_inside(total: Decimal, rate: Decimal) -> Decimal:
    """The VAT contained in a VAT-inclusive total."""
    return euros(total - total * 100 / (100 + rate))
