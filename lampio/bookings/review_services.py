"""Quick feedback after a booking: a grade 1–5 and an optional comment, once per booking."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from lampio.bookings.models import Booking, BookingKind, BookingReview, BookingStatus
from lampio.core.errors import Conflict, InvalidInput, NotFound

COMMENT_MAX_LENGTH = 2000


class AlreadyReviewed(Conflict):
    code = "already_reviewed"
    default_message = _("Feedback on this booking has already been given. Thank you!")


class NotEndedYet(InvalidInput):
    code = "not_ended"
    default_message = _("You can give feedback once the booking has ended.")


def give_review(*, booking: Booking, rating: int, comment: str, now: datetime) -> BookingReview:
    """Record the booker's feedback. Whoever holds the booking's link may give it (no login):
    the link went only to the booker. The one-to-one row refuses a second answer."""
    if booking.kind != BookingKind.BOOKING or booking.status != BookingStatus.CONFIRMED:
        raise NotFound()
    if booking.ends_at > now:
        raise NotEndedYet()
    if not 1 <= rating <= 5:
        raise InvalidInput(_("Choose a grade from 1 to 5."), field="rating")
    comment = comment.strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        raise InvalidInput(
            _("Write at most %(count)d characters.") % {"count": COMMENT_MAX_LENGTH},
            field="comment",
        )
    try:
        with transaction.atomic():
            return BookingReview.objects.create(booking=booking, rating=rating, comment=comment)
    except IntegrityError as error:
        raise AlreadyReviewed() from error
