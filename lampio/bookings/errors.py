"""What the booking services refuse, in words a resident can act on."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from lampio.core.errors import Conflict, InvalidInput, PermissionDenied


class SlotTaken(Conflict):
    code = "slot_taken"
    default_message = _("Someone else has just booked this time. Please choose another time.")


class OutsideOpeningHours(InvalidInput):
    code = "outside_opening_hours"
    default_message = _("The space is not open for the whole of the chosen time.")


class BookingRuleBroken(InvalidInput):
    code = "booking_rule"


class NotAllowedToBook(PermissionDenied):
    code = "not_allowed_to_book"
    default_message = _("This space can only be booked by the people its owner has chosen.")


class CancellationTooLate(InvalidInput):
    code = "cancellation_too_late"


class SlotIsFree(Conflict):
    code = "slot_is_free"
    default_message = _("This time is free: you can book it now instead of joining the waitlist.")


class AlreadyInLine(Conflict):
    code = "already_in_line"
    default_message = _("You are already on the waitlist for this time.")


class OfferExpired(Conflict):
    code = "offer_expired"
    default_message = _(
        "This offer has lapsed and the time has gone to the next person in line. "
        "You can join the waitlist again."
    )


class SeriesCollides(Conflict):
    """Some dates of a recurring series cannot be booked; `collisions` says which and why.

    Each collision is `(date, reason)` with reason "closed" (the space is not open then) or
    "taken" (another booking is in the way), so the form can list them and offer to skip them.
    """

    code = "series_collides"
    default_message = _(
        "Some dates of the series cannot be booked. You can leave them out and book the rest."
    )

    def __init__(self, collisions: list[tuple[date, str]], message: str | None = None) -> None:
        super().__init__(message)
        self.collisions = collisions
