"""The seam to payments, which sits above bookings: bookings only know that a paid space's
booking continues elsewhere. The payments app registers the handler when it loads.

`reserve(actor=, space=, starts_at=, ends_at=, purpose=, attendees=)` holds the slot and
returns the booking and the path where the person pays; `adopt(booking)` makes an existing hold
(an accepted waitlist offer) payable; `payment_path(booking)` tells where an unpaid held booking
is paid (None when nothing is owed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lampio.bookings.models import Booking


@dataclass(frozen=True)
class PaidBookingHandler:
    reserve: Callable[..., tuple[Booking, str]]
    adopt: Callable[[Booking], str]
    payment_path: Callable[[Booking], str | None]


_handler: list[PaidBookingHandler] = []


def register(handler: PaidBookingHandler) -> None:
    _handler[:] = [handler]


def handler() -> PaidBookingHandler | None:
    return _handler[0] if _handler else None


def payment_path(booking: Booking) -> str | None:
    found = handler()
    return found.payment_path(booking) if found is not None else None


def adopt(booking: Booking) -> str | None:
    found = handler()
    return found.adopt(booking) if found is not None else None


def reserve(**kwargs: Any) -> tuple[Booking, str] | None:
    found = handler()
    return found.reserve(**kwargs) if found is not None else None
