"""What the offering services refuse, in words a resident or a provider can act on."""

from django.utils.translation import gettext_lazy as _

from lampio.core.errors import Conflict, InvalidInput


class NotEnoughSeats(Conflict):
    code = "not_enough_seats"
    default_message = _("There are not enough seats left. You can join the waiting list.")


class AlreadyEnrolled(Conflict):
    code = "already_enrolled"
    default_message = _("You are already enrolled in this occurrence.")


class EnrolmentClosed(InvalidInput):
    code = "enrolment_closed"
    default_message = _("Enrolment for this occurrence is not open.")


class CancellationTooLate(InvalidInput):
    code = "cancellation_too_late"


class OrderNotPossible(InvalidInput):
    code = "order_not_possible"
